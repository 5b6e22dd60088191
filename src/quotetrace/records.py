"""The typed records that flow through the pipeline.

Every stage reads and returns these small dataclasses; ``Article.to_dict()``
is the JSON contract of ``quotetrace extract --format json`` (see
docs/json-contract.md). Offsets are character offsets into ``Article.text``
and ``text[start:end]`` always equals the recorded surface text.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

QuoteKind = Literal["direct", "mixed", "indirect", "term"]
QUOTE_KINDS: tuple[QuoteKind, ...] = ("direct", "mixed", "indirect", "term")
# What the attributed content is: something said, believed, intended, or "other" (perception,
# stance, depiction: "the film captures ...", "X backed the bill"). See docs/acts.md.
QuoteAct = Literal["speech", "belief", "intention", "other"]
QUOTE_ACTS: tuple[str, ...] = ("speech", "belief", "intention", "other")


@dataclass(slots=True)
class Fragment:
    """One contiguous piece of a quote's content: '"A," she said, "B."' has two."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Cue:
    """The reporting verb or phrase that introduces a quote ("said", "according to")."""

    text: str
    lemma: str
    start: int
    end: int


@dataclass(slots=True)
class SpeakerRef:
    """Who a quote is attributed to: the mention in the text and the person it resolves to."""

    name: str
    mention: str
    start: int
    end: int
    type: str = "unknown"  # "person", "organisation", "group" or "unknown"
    confidence: float = 0.5  # how likely ``name`` is who spoke (calibrated on bench/data/web_gold)
    candidates: list[str] = field(default_factory=list)  # other close names when ambiguous
    ambiguous: bool = False


@dataclass(slots=True)
class Marker:
    """An editorial marker near a quote: evaluative adverb, hedge, scare quote, ..."""

    kind: str
    text: str
    start: int
    end: int
    source: str = ""


@dataclass(slots=True)
class Frame:
    """How the outlet presents one quote (filled by ``quotetrace.frame``)."""

    cls: str
    veridicality: float | None
    markers: list[Marker] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "class": self.cls,
            "veridicality": self.veridicality,
            "markers": [asdict(m) for m in self.markers],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Frame:
        return cls(
            cls=data["class"],
            veridicality=data.get("veridicality"),
            markers=[Marker(**m) for m in data.get("markers", [])],
        )


@dataclass(slots=True)
class Quote:
    id: int
    kind: QuoteKind
    text: str
    start: int
    end: int
    cue: Cue | None = None
    speaker: SpeakerRef | None = None
    continuation: bool = False
    confidence: float = 0.5
    frame: Frame | None = None
    # The content's pieces, in order and disjoint; one piece spanning start..end when contiguous.
    fragments: list[Fragment] = field(default_factory=list)
    act: QuoteAct = "speech"

    def is_reported_speech(self) -> bool:
        """Whether a reader calls this reported speech (the default view; quotetrace.speech_view)."""
        from quotetrace.speech_view import is_reported_speech

        return is_reported_speech(self)

    def __post_init__(self) -> None:
        if not self.fragments:
            self.fragments = [Fragment(self.start, self.end, self.text)]

    def content_text(self, sep: str = " … ") -> str:
        """The content as a reader sees it: the fragments joined, without the narration between them
        ('"A," she said, "B."' reads '"A," … "B."'). What tables, search and word counts use."""
        if len(self.fragments) <= 1:
            return self.text
        return sep.join(f.text for f in self.fragments)

    def content_words(self) -> int:
        """The speaker's words (airtime): the fragments', not the narration between them."""
        return sum(len(f.text.split()) for f in self.fragments)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "cue": flat(self.cue) if self.cue else None,
            "speaker": flat(self.speaker) if self.speaker else None,
            "continuation": self.continuation,
            "confidence": round(self.confidence, 3),
            "fragments": [flat(f) for f in self.fragments],
            "act": self.act,
        }
        if self.frame is not None:
            out["frame"] = self.frame.to_dict()
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        return cls(
            id=data["id"],
            kind=data["kind"],
            text=data["text"],
            start=data["start"],
            end=data["end"],
            cue=Cue(**data["cue"]) if data.get("cue") else None,
            speaker=SpeakerRef(**data["speaker"]) if data.get("speaker") else None,
            continuation=data.get("continuation", False),
            confidence=data.get("confidence", 0.5),
            frame=Frame.from_dict(data["frame"]) if data.get("frame") else None,
            fragments=[Fragment(**f) for f in data.get("fragments") or []],
            act=data.get("act", "speech"),
        )


@dataclass(slots=True)
class Speaker:
    """A canonical person (or group) and how much of the article they get."""

    name: str
    aliases: list[str] = field(default_factory=list)
    quotes: int = 0
    words: int = 0
    type: str = "unknown"
    titles: list[str] = field(default_factory=list)  # descriptors kept apart from the name


@dataclass(slots=True)
class SupportingQuote:
    """A body quote that backs the headline's claim, with its share of the claim."""

    id: int
    text: str
    score: float = 0.0


HeadlineStatus = Literal["supported", "partly", "unsupported", "no attribution in headline"]


@dataclass(slots=True)
class HeadlineCheck:
    """Does the body quote the headline's speaker saying what the headline claims?"""

    status: HeadlineStatus
    headline: str = ""
    speaker: str | None = None
    cue: str | None = None
    claim: str | None = None
    score: float = 0.0
    supporting_quotes: list[SupportingQuote] = field(default_factory=list)
    subheadline: str | None = None  # absent from the JSON when there is none

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        if self.subheadline is None:
            del out["subheadline"]
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> HeadlineCheck:
        fields_ = {k: v for k, v in data.items() if k != "supporting_quotes"}
        quotes = [SupportingQuote(**q) for q in data.get("supporting_quotes", [])]
        return cls(**fields_, supporting_quotes=quotes)


@dataclass(slots=True)
class Airtime:
    """One speaker's share of the article (``share`` of all its words)."""

    name: str
    quotes: int
    words: int
    quoted_words: int
    share: float


@dataclass(slots=True)
class TermQuote:
    """A scare quote or title in quotation marks, and the quote whose frame it marks."""

    text: str
    start: int
    end: int
    kind: Literal["scare_quote", "title"]
    quote_id: int | None = None


@dataclass(slots=True)
class Balance:
    """Who gets how many of the article's words: quoted speech, paraphrase, the writer."""

    article_words: int
    quoted_words: int
    paraphrased_words: int
    quoted_share: float
    paraphrased_share: float
    writer_share: float
    speakers: list[Airtime] = field(default_factory=list)
    cue_classes: dict[str, int] = field(default_factory=dict)
    scare_quotes: list[TermQuote] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Balance:
        fields_ = {k: v for k, v in data.items() if k not in ("speakers", "scare_quotes")}
        return cls(
            **fields_,
            speakers=[Airtime(**s) for s in data.get("speakers", [])],
            scare_quotes=[TermQuote(**t) for t in data.get("scare_quotes", [])],
        )


ARTICLE_META_FIELDS: tuple[str, ...] = ("url", "outlet", "outlet_raw", "published", "author")


@dataclass(slots=True)
class Article:
    text: str
    title: str | None = None
    quotes: list[Quote] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)
    # Filled by the framing stage; absent from the JSON until then.
    headline_check: HeadlineCheck | None = None
    balance: Balance | None = None
    # Where the article comes from, when the page or record says: absent from the JSON when unknown.
    url: str | None = None
    outlet: str | None = None  # normalised ("HeraldIndia" -> "Herald"); see quotetrace.outlets
    outlet_raw: str | None = None  # the outlet as the page gave it
    published: str | None = None
    author: str | None = None

    def __post_init__(self) -> None:
        # Stored and hand-written articles carry these as JSON objects.
        if isinstance(self.headline_check, dict):
            self.headline_check = HeadlineCheck.from_dict(self.headline_check)
        if isinstance(self.balance, dict):
            self.balance = Balance.from_dict(self.balance)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "text": self.text,
            "title": self.title,
            "quotes": [q.to_dict() for q in self.quotes],
            "speakers": [asdict(s) for s in self.speakers],
        }
        for key in ARTICLE_META_FIELDS:
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        if self.headline_check is not None:
            out["headline_check"] = self.headline_check.to_dict()
        if self.balance is not None:
            out["balance"] = self.balance.to_dict()
        return out

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        return cls(
            text=data["text"],
            title=data.get("title"),
            quotes=[Quote.from_dict(q) for q in data.get("quotes", [])],
            speakers=[Speaker(**s) for s in data.get("speakers", [])],
            headline_check=data.get("headline_check"),
            balance=data.get("balance"),
            **{key: data.get(key) for key in ARTICLE_META_FIELDS},
        )

    def quotes_by(self, name: str) -> list[Quote]:
        return [q for q in self.quotes if q.speaker and q.speaker.name == name]


def flat(record: Any) -> dict[str, Any]:
    """``asdict`` for a record whose fields are plain values or lists of them, several times
    faster: the extractor turns every quote into its JSON form (see extract.component)."""
    return {
        n: (list(v) if isinstance(v := getattr(record, n), list) else v) for n in field_names(type(record))
    }


def field_names(record: type) -> tuple[str, ...]:
    """A dataclass's field names, in order (looked up once per class)."""
    names = _FIELD_NAMES.get(record)
    if names is None:
        names = _FIELD_NAMES[record] = tuple(f.name for f in fields(record))
    return names


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}
