"""Headline check: is the headline's attributed claim made by that speaker in the body?"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path

from frame_builders import ArticleBuilder
from quotetrace.frame import frame_article
from quotetrace.frame.headline_forms import pattern_attribution

BODY = (
    "Secretary of State Antony Blinken said on Sunday that public pressure had pushed Hamas to "
    "pull back from its demands.\n\n"
    '"We saw the pressure work," Blinken told reporters in Cairo.\n\n'
    "Analyst Mara Quinn said sanctions on the group would be lifted next week."
)


def article(title: str, body: str = BODY, headline_quote: dict | None = None):
    text = f"{title}\n\n{body}"
    b = ArticleBuilder(text, title=title)
    if body is BODY:
        b.quote("that public pressure had pushed Hamas to pull back from its demands",
                kind="indirect", cue="said", lemma="say", speaker="Antony Blinken",
                mention="Secretary of State Antony Blinken", after=len(title))  # fmt: skip
        b.quote('"We saw the pressure work,"', cue="told", lemma="tell", speaker="Antony Blinken",
                mention="Blinken", after=len(title))  # fmt: skip
        b.quote("sanctions on the group would be lifted next week", kind="indirect", cue="said",
                lemma="say", speaker="Mara Quinn", mention="Analyst Mara Quinn")  # fmt: skip
    if headline_quote:
        b.quote(**headline_quote)
    return b.build()


def check(a):
    return frame_article(a).headline_check


def test_supported_headline_gets_its_supporting_quote():
    hc = check(article("Blinken acknowledges: public pressure pushed Hamas to pull back"))
    assert hc.status == "supported"
    assert (hc.speaker, hc.cue) == ("Antony Blinken", "acknowledge")
    assert hc.claim == "public pressure pushed Hamas to pull back"
    assert hc.score >= 0.8
    top = hc.supporting_quotes[0]
    assert top.text.startswith("that public pressure had pushed Hamas")
    assert set(asdict(top)) == {"id", "text", "score"}


def test_headline_quote_found_by_the_extractor_is_used():
    title = "Blinken acknowledges: public pressure pushed Hamas to pull back"
    hq = {"text": "public pressure pushed Hamas to pull back", "kind": "indirect",
          "cue": "acknowledges", "lemma": "acknowledge", "speaker": "Antony Blinken",
          "mention": "Blinken"}  # fmt: skip
    hc = check(article(title, headline_quote=hq))
    assert hc.status == "supported" and hc.speaker == "Antony Blinken"
    # The headline's own quote is never its own support.
    assert all(q.text != hq["text"] for q in hc.supporting_quotes)


def test_claim_no_quote_of_that_speaker_makes_is_unsupported():
    # Another speaker (Quinn) says it; Blinken does not.
    hc = check(article("Blinken says sanctions on Hamas will be lifted next week"))
    assert hc.status == "unsupported"
    assert hc.speaker == "Antony Blinken" and hc.supporting_quotes == []


def test_partly_supported():
    # Public pressure on Hamas is in his quotes; a prisoner swap and an aid deal are not.
    hc = check(article("Blinken says public pressure forced Hamas into prisoner swap and Gaza aid deal"))
    assert hc.status == "partly", hc
    assert hc.supporting_quotes and 0.25 <= hc.score < 0.45


def test_speaker_absent_from_body():
    hc = check(article("Guterres says public pressure pushed Hamas to pull back"))
    assert hc.status == "unsupported" and hc.speaker == "Guterres"


def test_first_name_mismatch_is_another_person():
    body = "Hillary Carter said the bridge will close in May for repairs."
    b = ArticleBuilder(f"Bill Carter says the bridge will close in May\n\n{body}",
                       title="Bill Carter says the bridge will close in May")  # fmt: skip
    b.quote("the bridge will close in May for repairs", kind="indirect", cue="said",
            speaker="Hillary Carter")  # fmt: skip
    hc = check(b.build())
    assert hc.status == "unsupported" and hc.speaker == "Bill Carter"


def test_no_attribution():
    for title in ("Storm closes harbour for a third day", "Poll: voters back the ferry plan"):
        hc = check(article(title))
        assert hc.status == "no attribution in headline", title
        assert hc.speaker is None and hc.supporting_quotes == []
    b = ArticleBuilder("Just a body with no headline.")
    assert check(b.build()).status == "no attribution in headline"


def test_headline_forms():
    forms = {
        "Ferry plan is dead, mayor says": ("mayor", "say", "Ferry plan is dead"),
        "Ferry plan is dead, says Mayor Ruiz": ("Mayor Ruiz", "say", "Ferry plan is dead"),
        "Ruiz: ferry plan is dead": ("Ruiz", None, "ferry plan is dead"),
        "Ruiz on ferries: the plan is dead": ("Ruiz", None, "the plan is dead"),
        "A lesson from Ana Ruiz: 'Be heard'": ("Ana Ruiz", None, "'Be heard'"),
        "Ruiz warns that the ferry will stop": ("Ruiz", "warn", "the ferry will stop"),
        "The Latest: Ruiz urges calm at the port": ("Ruiz", "urge", "calm at the port"),
        "Sharing the pain, Ruiz vows to keep fares low": ("Ruiz", "vow", "keep fares low"),
        "Port reopens; Berg, who says he is relieved": ("Berg", "say", "he is relieved"),
    }
    for line, (speaker, cue, claim) in forms.items():
        found = pattern_attribution(line)
        assert found is not None, line
        assert (found.speaker, found.cue, found.claim) == (speaker, cue, claim), line
    for line in ("Stealth Over Health Plan Fails", "Washington Post Hit Piece Exploits Voter",
                 "New Poll Shows Bump For Ruiz"):  # fmt: skip
        found = pattern_attribution(line)
        assert found is None or found.cue is None, line


def test_role_speaker_and_inverted_form():
    text = (
        "Ferry plan is dead, mayor says\n\n"
        'Mayor Ana Ruiz said the ferry plan was dead. "We have no money for it," she said.'
    )
    b = ArticleBuilder(text, title="Ferry plan is dead, mayor says")
    b.quote("the ferry plan was dead", kind="indirect", cue="said", speaker="Ana Ruiz",
            mention="Mayor Ana Ruiz")  # fmt: skip
    b.quote('"We have no money for it,"', cue="said", speaker="Ana Ruiz", mention="she",
            after=40)  # fmt: skip
    hc = check(b.build())
    assert hc.status == "supported" and hc.speaker == "Ana Ruiz"


def test_subheadline():
    text = (
        "Harbour news roundup\n"
        "Ruiz says the ferry will keep running all winter\n\n"
        "Mayor Ana Ruiz said on Monday that the ferry would keep running all winter."
    )
    b = ArticleBuilder(text, title="Harbour news roundup")
    b.quote("that the ferry would keep running all winter", kind="indirect", cue="said",
            speaker="Ana Ruiz", mention="Mayor Ana Ruiz")  # fmt: skip
    hc = check(b.build())
    assert hc.status == "supported"
    assert hc.subheadline == "Ruiz says the ferry will keep running all winter"


def test_a_dateline_under_the_headline_is_the_body_not_a_speaker():
    title = "Budget vote set for Tuesday"
    text = (
        f"{title}\n"
        "SPRINGFIELD: City council members will vote on Tuesday on the new budget, officials said.\n\n"
        '"We have done the work," Mayor Ana Ruiz said.'
    )
    b = ArticleBuilder(text, title=title)
    b.quote("City council members will vote on Tuesday on the new budget", kind="indirect",
            cue="said", speaker="officials", mention="officials")  # fmt: skip
    b.quote('"We have done the work,"', cue="said", speaker="Ana Ruiz", mention="Mayor Ana Ruiz")
    hc = check(b.build())
    assert hc.subheadline is None
    assert hc.status == "no attribution in headline" and hc.speaker is None


def test_a_stance_cue_the_extractor_found_in_the_headline_is_checked():
    title = "Ruiz feared the budget would fail"
    body = "Mayor Ana Ruiz said on Monday that she had feared the budget would fail in the council."
    b = ArticleBuilder(f"{title}\n\n{body}", title=title)
    b.quote("the budget would fail", kind="indirect", cue="feared", lemma="fear",
            speaker="Ana Ruiz", mention="Ruiz")  # fmt: skip
    b.quote("that she had feared the budget would fail in the council", kind="indirect",
            cue="said", lemma="say", speaker="Ana Ruiz", mention="Mayor Ana Ruiz")  # fmt: skip
    hc = check(b.build())
    assert (hc.status, hc.speaker, hc.cue) == ("supported", "Ana Ruiz", "fear")
    # The title-case patterns alone still leave stance verbs out ("Voters fear ...").
    assert pattern_attribution(title) is None


_TIE_SCRIPT = """
import json, sys
sys.path.insert(0, sys.argv[1])
from test_frame_headline import tied_article
from quotetrace.frame import frame_article
print(json.dumps(frame_article(tied_article()).headline_check.to_dict(), sort_keys=True))
"""


def tied_article():
    # Both quotes name the same twelve items, so each covers the claim equally (a tie).
    items = ("harbour levy, ferry tolls, parking fines, bridge repairs, flood walls, clinics, "
             "libraries, cycle lanes, school roofs, tram depots, sea defences and bus shelters")  # fmt: skip
    reordered = ("cycle lanes, bus shelters, bridge repairs, sea defences, school roofs, flood "
                 "walls, tram depots, ferry tolls, harbour levy, libraries, parking fines, clinics")  # fmt: skip
    title = f"Ortega: {items} get the money"
    body = (
        "Mayor Lucia Ortega set out her budget on Monday.\n\n"
        f'"We will start with {items.replace(" and ", ", ")}," Ortega said.\n\n'
        f'"Top of the list: {reordered}," she added.'
    )
    b = ArticleBuilder(f"{title}\n\n{body}", title=title)
    for opening, cue in (('"We will start', "said"), ('"Top of the list', "added")):
        start = b.text.index(opening)
        end = b.text.index('"', start + 1) + 1
        b.quote(b.text[start:end], cue=cue, lemma="say", speaker="Lucia Ortega", mention="Ortega")
    return b.build()


def test_supporting_quote_does_not_depend_on_the_hash_seed():
    # Two quotes cover the claim equally; which one is named must not change between runs
    # (a float sum taken in set order once broke the tie by PYTHONHASHSEED).
    here = str(Path(__file__).parent)
    outs = set()
    for seed in range(10):
        env = {**os.environ, "PYTHONHASHSEED": str(seed)}
        run = subprocess.run([sys.executable, "-c", _TIE_SCRIPT, here], env=env,
                             capture_output=True, text=True, check=True)  # fmt: skip
        outs.add(run.stdout)
    assert len(outs) == 1
    assert '"status": "supported"' in outs.pop()
