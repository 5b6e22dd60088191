"""Decide which cue-verb candidates without quotation marks are reported speech.

Two gates share one interface, ``gate(cue, draft) -> confidence | None``:
- ``rules``: the verb's PolNeAR-train cue rate must reach ``INDIRECT_MIN_RATE``;
- ``learned``: a logistic-regression model over the candidate's lemma, syntax and
  content shape (trained by ``train/train_indirect_gate.py`` on PolNeAR train,
  shipped as ``data/indirect_gate.json``), thresholded by cross-validation on train.
A pipeline names its gate (``GATES``); ``make_gate`` builds it from the weights saved with
the pipeline, and "" means the learned one when its weights ship, the rules otherwise.
"""

from __future__ import annotations

import math

from spacy.tokens import Token

from quotetrace.extract.cues import CueCandidate
from quotetrace.extract.draft import Draft, Gate
from quotetrace.extract.lexicon import INDIRECT_MIN_RATE, MODALS, SUBJECT_PRONOUNS
from quotetrace.extract.speaker_names import document_words, in_lexicon, org_nouns, roles
from quotetrace.paths import shipped_model

MODEL_FILE = "indirect_gate.json"
SUBJECT_DEPS = ("nsubj", "nsubjpass")
# Clauses that, above the cue, say it is embedded in something else than a report of its own.
EMBEDDING_DEPS = frozenset({"ccomp", "relcl", "acl", "advcl", "xcomp", "pcomp"})
# Verbs that share their subject with the verb they hang on ("wants to say", "said and added").
SHARED_SUBJECT_DEPS = frozenset({"xcomp", "conj"})
# Clauses whose governing verb tells what the cue is doing ('trying to determine', 'said he argued').
GOVERNED_DEPS = frozenset({"xcomp", "ccomp"})
# Words that open a reported clause or phrase; other first words are represented by their POS.
CONTENT_OPENERS = frozenset(
    {"that", "whether", "if", "to", "how", "what", "why", "who", "when", "where", "about", "the", "a", "an"}
)


def rule_gate(cue: CueCandidate, draft: Draft) -> float | None:
    return 0.35 + 0.5 * cue.rate if cue.rate >= INDIRECT_MIN_RATE else None


def features(cue: CueCandidate, draft: Draft) -> dict[str, float]:
    """Sparse features of one candidate; the same function feeds training and inference."""
    head = cue.head
    # A noun's lemma and position say other things than the verb's of the same spelling
    # ("support for X" against "supports X"), so noun features have names of their own.
    lemma = cue.lemma if cue.kind == "verb" else f"{cue.kind}:{cue.lemma}"
    dep = head.dep_ if cue.kind == "verb" else f"{cue.kind}:{head.dep_}"
    feats: dict[str, float] = {
        "bias": 1.0,
        f"lemma={lemma}": 1.0,
        "rate": cue.rate,
        f"rate_bin={min(int(cue.rate * 10), 9)}": 1.0,
        f"dep={dep}": 1.0,
        f"tag={head.tag_}": 1.0,
        f"how={draft.extent_kind}": 1.0,
        f"kind={draft.kind}": 1.0,
        f"prepositional={cue.prepositional}": 1.0,
    }
    children = list(head.children)  # read three times below; each pass would make new Tokens
    subj = next((c for c in children if c.dep_ in SUBJECT_DEPS), None)
    if subj is None:
        feats["subj=none"] = 1.0
    else:
        feats[f"subj_pos={subj.pos_}"] = 1.0
        feats[f"subj_dep={subj.dep_}"] = 1.0
        if subj.lower_ in SUBJECT_PRONOUNS:
            feats[f"subj_pron={subj.lower_}"] = 1.0
        feats[f"subj_lemma_len={min(len(list(subj.subtree)), 6)}"] = 1.0
    if any(c.dep_ == "neg" for c in children):
        feats["negated"] = 1.0
    if any(c.dep_ == "aux" and c.lower_ in MODALS for c in children):
        feats["modal"] = 1.0
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in children):
        # 'wants to argue', 'is expected to announce': the annotators weigh these apart from finite verbs
        feats["to_infinitive"] = 1.0
    length = draft.end - draft.start
    feats[f"content_chars={min(length // 40, 8)}"] = 1.0
    feats[f"sent_start={bool(head.is_sent_start)}"] = 1.0
    feats[f"lemma_how={lemma}|{draft.extent_kind}"] = 1.0
    if cue.kind != "verb":
        feats[f"cue_kind={cue.kind}"] = 1.0
        feats[f"source_how={cue.source_how}"] = 1.0
        feats[f"source_dep={cue.source_how}|{dep}"] = 1.0
        feats[f"kind_rate_bin={cue.kind}|{min(int(cue.rate * 10), 9)}"] = 1.0
    feats.update(_content_features(cue, draft))
    feats.update(_context_features(cue, draft, subj))
    return feats


def _context_features(cue: CueCandidate, draft: Draft, subj: Token | None) -> dict[str, float]:
    """Who speaks and where the cue stands: a role, an organisation or a document speaks
    ("the spokesman said X", "the report found X"), things and "that" rarely do; a cue inside
    another verb's clause or a relative clause reports less often than a main verb. Only the
    cue's own subject, ancestors and sentence end are read, never the rest of the document."""
    head = cue.head
    if subj is None and head.dep_ in SHARED_SUBJECT_DEPS:
        subj = next((c for c in head.head.children if c.dep_ in SUBJECT_DEPS), None)
    who = "none" if subj is None else _subject_kind(subj)
    rate_bin = min(int(cue.rate * 5), 4)
    feats = {
        f"who={who}": 1.0,
        f"who_rate={who}|{rate_bin}": 1.0,
        f"how_rate={draft.extent_kind}|{rate_bin}": 1.0,
    }
    if head.dep_ in GOVERNED_DEPS:
        # 'trying to determine if', 'refused to say', 'thinks he argued': the verb above says
        # whether the cue is an effort, a refusal or a report; its form stands for its lemma.
        feats[f"governor={head.dep_}|{head.head.lower_}"] = 1.0
    above = next((a.dep_ for a in head.ancestors if a.dep_ in EMBEDDING_DEPS), None)
    if head.dep_ != "ROOT" and above is not None:
        feats[f"inside={above}"] = 1.0
    sent = head.sent
    # Reports lead their sentence ('Officials said', 'The senator argued'); a cue deep in a long
    # sentence is more often an action in a subordinate clause.
    feats[f"words_before={min((head.i - sent.start) // 4, 4)}"] = 1.0
    last = head.doc[sent.end - 1]
    if last.text == "?" or (last.is_punct and last.i > 0 and head.doc[last.i - 1].text == "?"):
        feats["question_sentence"] = 1.0
    return feats


# A common-noun subject's kind: the first of these lexicons that holds its word.
_NOUN_KINDS = (("role", roles), ("organisation", org_nouns), ("document", document_words))


def _subject_kind(subj: Token) -> str:
    word = subj.lower_
    if word in SUBJECT_PRONOUNS:
        return "person_pronoun"
    if subj.pos_ == "PRON":
        # 'you can read', 'that said', 'it shows': each pronoun its own kind (a closed class).
        return f"pronoun:{word}"
    if subj.pos_ == "PROPN":
        return "name"
    return next((kind for kind, words in _NOUN_KINDS if in_lexicon(word, words())), "thing")


def _content_features(cue: CueCandidate, draft: Draft) -> dict[str, float]:
    """The shape of the reading itself: how it opens and closes, how long, where it sits."""
    span = cue.head.doc.char_span(draft.start, draft.end, alignment_mode="expand")
    if span is None or not len(span):
        return {}
    first, last = span[0], span[-1]
    opener = first.lower_ if first.lower_ in CONTENT_OPENERS else f"pos:{first.pos_}"
    return {
        f"first={opener}": 1.0,
        f"first_how={opener}|{draft.extent_kind}": 1.0,
        f"last_pos={last.pos_}": 1.0,
        f"tokens={min(len(span), 24) // 3}": 1.0,
        f"before_cue={draft.end <= cue.start}": 1.0,
        f"cue_end={draft.cue_end is not None}": 1.0,
    }


class LearnedGate:
    def __init__(self, model: dict):
        self.weights: dict[str, float] = model["weights"]
        self.threshold: float = model["threshold"]

    def probability(self, cue: CueCandidate, draft: Draft) -> float:
        z = sum(self.weights.get(name, 0.0) * value for name, value in features(cue, draft).items())
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

    def __call__(self, cue: CueCandidate, draft: Draft) -> float | None:
        p = self.probability(cue, draft)
        return p if p >= self.threshold else None


# The gates a pipeline can be configured with (``quotetrace_quotes``'s ``gate`` setting).
GATES = ("rules", "learned")


def default_gate() -> Gate:
    """The gate an unconfigured pipeline gets: learned when its weights ship, else the rules."""
    return make_gate("", load_gate_data(""))


def check_gate_name(name: str) -> None:
    if name and name not in GATES:
        raise ValueError(f"unknown gate {name!r}; choose from {', '.join(GATES)}")


def load_gate_data(name: str) -> dict | None:
    """The weights a gate needs ("" means learned when its weights ship), or None for rules."""
    check_gate_name(name)
    if name == "rules":
        return None
    return shipped_model(MODEL_FILE)


def make_gate(name: str, data: dict | None) -> Gate:
    """A gate from its name and the data saved with the pipeline."""
    check_gate_name(name)
    if name == "rules" or data is None:
        if name == "learned":
            raise FileNotFoundError(f"{MODEL_FILE} is missing: run train/train_indirect_gate.py")
        return rule_gate
    return LearnedGate(data)
