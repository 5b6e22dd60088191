"""Build src/quotetrace/data/cue_acts.tsv: what kind of act each cue lemma reports.

Every lemma of data/cues.tsv gets one act:

- ``speech``: something said, written or posted ("say", "tell", "tweet", "according to").
- ``belief``: a state of mind ("think", "know", "fear", "expect").
- ``intention``: a plan, wish, attempt or decision ("want", "plan", "seek", "decline to").
- ``other``: perception, stance, depiction or plain action, which PolNeAR annotates as
  attribution but a reader does not call reported speech ("the film captures ...", "the data
  show ...", "X backed the bill", "X would ...").

Rules, first match wins:

1. The short hand lists below (``HAND``), for lemmas the word lists get wrong in news text:
   mental verbs that Recasens et al. list as report verbs ("think", "hope", "see"), speech
   verbs that Hooper lists as factives ("note", "reveal", "recall"), communication verbs that
   only PolNeAR has ("talk", "joke", "slam"), stance/depiction verbs ("portray", "capture"),
   and directives, which report what someone wants done ("invite", "order": intention).
2. A verb in the Gender Gap Tracker quote-verb list (news quote verbs) is ``speech``.
3. A Hooper factive or a Hyland hedge is ``belief`` (knowing, noticing, seeming, supposing).
4. A Karttunen implicative is ``intention`` (manage, fail, dare, avoid, hesitate to ...).
5. A Recasens report verb is ``speech``.
6. Anything else (verbs only PolNeAR uses as cues: "back", "vote", "take", "make") is ``other``.

The lexicons are read from ../shared/data/lexicons/ (see its README); cue lemmas not in
cues.tsv keep reading as speech (``quotetrace.extract.lexicon.act_of``).

    .venv/bin/python train/build_cue_acts.py [--check]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "quotetrace" / "data" / "cue_acts.tsv"
CUES = ROOT / "src" / "quotetrace" / "data" / "cues.tsv"
ACTS = ("speech", "belief", "intention", "other")

HAND: dict[str, str] = {}
for _act, _words in {
    "belief": """think believe feel felt know expect fear worry doubt suspect assume consider view
        see understand realize realise recognize wonder suppose figure reckon trust imagine guess
        hope remember forget learn regard presume sense like love hate dislike prefer perceive
        notice regret care deem foresee anticipate envision contemplate mull relish enjoy revere
        experience witness seem seemed appear sound tend lean may might could would should can""",
    "intention": """want plan intend aim seek wish try attempt decide choose mean strive opt
        refuse decline will need plot prepare scramble struggle push pursue fight lobby
        campaign work invite encourage order persuade convince instruct command forbid prompt
        ensure""",
    "other": """show capture portray depict recount find determine illustrate demonstrate reflect
        highlight document chronicle feature paint frame
        display represent cover track explore focus include list identify expose
        support back oppose favor endorse embrace champion advocate approve sponsor vote sign
        pass veto ban bar block prohibit restrict mandate authorize impose require allow
        continue begin start stop end keep remain become get go come take make give put set
        have having hold lay look turn use run send bring buy pay spend provide offer receive
        hire fire appoint nominate elect name credit thank celebrate honor""",
    "speech": """say tell add accord according address affirm allude articulate assail attack
        bash bemoan blast boo brag call chant chide cry deride disavow dub echo elaborate email
        interject joke label lambaste lament lash lecture liken mock muse opine plead post
        pronounce quip rail rebuke recite reference retweete rip scoff shout slam speak talk
        tout trumpet utter vouch yell mince herald hail applaud cheer note observe recall
        reveal argue claim suggest estimate question ask answer respond reply deny accuse
        criticize praise blame warn urge promise pledge threaten insist concede admit
        acknowledge announce explain describe comment confirm declare write tweet report
        release publish circulate broadcast disparage condemn denounce decry dismiss reject
        agree disagree dispute complain protest counter rebuff repudiate savage revile
        spar scoff insult outline detail characterize indicate vow disclose""",
}.items():
    for _word in _words.split():
        if HAND.get(_word, _act) != _act:
            raise SystemExit(f"hand lists disagree on {_word!r}")
        HAND[_word] = _act


def read_list(name: str) -> set[str]:
    from quotetrace.paths import shared_data_dir

    data = shared_data_dir()
    path = (data / "lexicons" / name) if data else Path("../shared/data/lexicons") / name
    if not path.is_file():
        raise SystemExit(f"error: lexicon not found: {path} (the shared data folder is needed)")
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line.strip().lower() for line in lines if line.strip() and not line.startswith("#")}


def cue_lemmas() -> list[str]:
    rows = [line.split("\t") for line in CUES.read_text(encoding="utf-8").splitlines()]
    rows = [r for r in rows if r and r[0] and not r[0].startswith("#")]
    return [r[0] for r in rows[1:]]


def classify(lemma: str, lists: dict[str, set[str]]) -> str:
    if lemma in HAND:
        return HAND[lemma]
    if lemma in lists["ggt"]:
        return "speech"
    if lemma in lists["factives"] or lemma in lists["hedges"]:
        return "belief"
    if lemma in lists["implicatives"]:
        return "intention"
    if lemma in lists["report"]:
        return "speech"
    return "other"


def build() -> list[tuple[str, str]]:
    lists = {
        "ggt": read_list("ggt_quote_verb_list.txt"),
        "report": read_list("recasens2013_report_verbs.txt"),
        "factives": read_list("recasens2013_factives_hooper1975.txt"),
        "hedges": read_list("recasens2013_hedges_hyland2005.txt"),
        "implicatives": read_list("recasens2013_implicatives_karttunen1971.txt"),
    }
    lemmas = cue_lemmas()
    # Multi-word hand entries ("hope to") are kept: act_of looks the whole cue up first.
    extra = list(_MULTI)
    return [(lemma, classify(lemma, lists)) for lemma in lemmas] + [(lemma, _MULTI[lemma]) for lemma in extra]


_MULTI = {
    "hope to": "intention",
    "according to": "speech",
    "point out": "speech",
    "figure out": "belief",
    "find out": "belief",
    "lay out": "other",
    "put it to": "speech",
    # 'shot back that ...': a retort (extract/finish.py), though 'shoot', 'hit', 'fire' are actions
    "shoot back": "speech",
    "hit back": "speech",
    "fire back": "speech",  # 'put it to him that S' (extract/cues.py), unlike 'put the blame on'
}


def render(rows: list[tuple[str, str]]) -> str:
    head = [
        "# Cue lemma -> the act it reports: speech, belief, intention or other (perception,",
        "# stance, depiction, action). Multi-word cues match whole, then on their first word;",
        "# a lemma not listed reports speech. Built by train/build_cue_acts.py (rules in its",
        "# docstring) from the GGT and Recasens et al. word lists; read by extract/lexicon.py.",
        "lemma\tact",
    ]
    return "\n".join(head + [f"{lemma}\t{act}" for lemma, act in rows]) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="fail if the shipped file differs")
    args = parser.parse_args(argv)
    text = render(build())
    if args.check:
        if OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} is out of date: run train/build_cue_acts.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    counts = Counter(line.split("\t")[1] for line in text.splitlines()[5:])
    print(f"wrote {OUT}: " + ", ".join(f"{counts[a]} {a}" for a in ACTS), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
