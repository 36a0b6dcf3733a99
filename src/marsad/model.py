"""The data model: an immutable document and the annotations that point into it.

Every annotation is a character span ``[start, end)`` into ``Document.text`` (Python ``str``
indices): ``doc.text[a.start:a.end]`` is the annotation's text.  Nothing here copies or edits
the original text; normalized forms live beside it with an offset map
(:mod:`marsad.text.normalize`).

Layers (what each pipeline stage adds to a :class:`Doc`) are plain lists of frozen dataclasses so
they serialise trivially and can be compared in tests.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Document", "Span", "Sentence", "Part", "Token", "Quantity", "TimeExpr", "Entity",
    "Role", "Count", "Location", "EventDate", "Weapon", "Attribution", "Event", "Actor",
    "ErrorRecord", "Doc", "text_digest",
]


def text_digest(text: str) -> str:
    """A stable content digest of a text (used to recognise a text analysed before)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True)
class Document:
    """One report as read from its source. Immutable: the original text is never edited."""

    id: str
    text: str
    path: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: _dt.date | None = None
    language: str = "ar"
    title: str | None = None

    @property
    def digest(self) -> str:
        return text_digest(self.text)


@dataclass(frozen=True, slots=True)
class Span:
    """A character span ``[start, end)`` into a document's original text."""

    start: int
    end: int

    def text_of(self, text: str) -> str:
        return text[self.start:self.end]


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Part:
    """A clitic part of a surface token.

    ``kind``: ``conj`` (و ف), ``prep`` (ب ل ك), ``det`` (ال), ``fut`` (س), ``stem``,
    ``suffix`` (attached pronoun), ``punct``, ``num``, ``other``.
    """

    start: int
    end: int
    text: str
    kind: str


@dataclass(frozen=True, slots=True)
class Token:
    """A surface token (whitespace/punctuation delimited) and its clitic parts."""

    start: int
    end: int
    text: str
    parts: tuple[Part, ...] = ()

    @property
    def stem(self) -> Part | None:
        for p in self.parts:
            if p.kind == "stem":
                return p
        return None


@dataclass(frozen=True, slots=True)
class Quantity:
    """A count in the text. ``status``: exact, at_least, approx, unspecified (value None)."""

    start: int
    end: int
    text: str
    value: int | float | None
    status: str


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A time expression resolved against the publication date.

    ``value`` is an ISO date (``YYYY-MM-DD``) or ``YYYY-MM`` for month precision; ``end_value``
    the last day of a range (or None); ``time_precision`` per ACLED (1 day, 2 week, 3 month).
    ``value`` is None when the expression cannot be resolved (no publication date).
    """

    start: int
    end: int
    text: str
    value: str | None
    end_value: str | None = None
    time_precision: int = 1


@dataclass(frozen=True, slots=True)
class Entity:
    """A named mention. ``type``: PER, ORG, LOC, FAC, NORP, MISC."""

    start: int
    end: int
    text: str
    type: str
    source: str = "rules"          # which component found it (rules, gazetteer, model...)
    actor_id: str | None = None


@dataclass(frozen=True, slots=True)
class Role:
    """An actor taking part in an event, pointing at the words that name it."""

    actor_id: str | None
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Count:
    """Fatalities / injuries / arrests: status exact|at_least|approx|unspecified|unconfirmed|none."""

    status: str
    value: int | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Location:
    name: str
    name_ar: str | None
    admin1: str | None
    admin2: str | None
    country: str | None
    geonameid: int | None
    lat: float | None
    lon: float | None
    geo_precision: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class EventDate:
    value: str
    end: str | None
    time_precision: int
    start: int
    end_char: int


@dataclass(frozen=True, slots=True)
class Weapon:
    cls: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Attribution:
    text: str
    actor_id: str | None
    start: int
    end: int


@dataclass(slots=True)
class Event:
    """One document's event. Every filled field carries offsets into that document."""

    id: str
    plover: str
    acled_type: str | None = None
    acled_subtype: str | None = None
    trigger: Span | None = None
    actor1: Role | None = None
    actor2: Role | None = None
    location: Location | None = None
    date: EventDate | None = None
    fatalities: Count | None = None
    injuries: Count | None = None
    arrests: Count | None = None
    weapons: list[Weapon] = field(default_factory=list)
    attributed_to: list[Attribution] = field(default_factory=list)
    certainty: str = "reported"
    evidence: list[Span] = field(default_factory=list)
    confidence: float = 0.5
    objective: Span | None = None     # stated cause or objective ("بهدف ...")
    doc_id: str = ""


@dataclass(slots=True)
class Actor:
    """A canonical actor (from the knowledge base, or clustered from unknown names)."""

    id: str
    name: str
    name_ar: str | None = None
    kind: str = "other"
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    acled_name: str | None = None
    inter: int | None = None
    wikidata: str | None = None


@dataclass(frozen=True, slots=True)
class ErrorRecord:
    """A problem with one input or one document: a code, a message naming the file, a fix hint."""

    code: str
    message: str
    path: str | None = None
    line: int | None = None
    hint: str | None = None

    def one_line(self) -> str:
        where = self.path or "<input>"
        if self.line is not None:
            where = f"{where}:{self.line}"
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}: error {self.code}: {self.message}{hint}"


@dataclass(slots=True)
class Doc:
    """A document and the layers the pipeline stages have added to it."""

    document: Document
    normalized: Any = None                     # marsad.text.normalize.Normalized
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    errors: list[ErrorRecord] = field(default_factory=list)
    layers: set[str] = field(default_factory=lambda: {"text"})

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def id(self) -> str:
        return self.document.id
