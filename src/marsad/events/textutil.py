"""Text helpers private to event extraction: folding with an offset map, words, clauses.

Event patterns are matched on a *folded* text (diacritics and tatweel removed; hamza forms of alef,
alef maqsura and taa marbuta folded) so that an analyst writes a trigger once.  The fold is done
here rather than through :mod:`marsad.text.normalize` so that patterns and text are always folded
by the same function, whatever the text layer's own choices are.  Every folded character keeps
the index of the original character it came from, so every match maps back to a span of the
original text.
"""
from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

# Characters dropped by the fold: Arabic diacritics, superscript alef, tatweel, zero-width marks.
_DROP = set(range(0x064B, 0x0653)) | {0x0670, 0x0640, 0x200C, 0x200D, 0x200E, 0x200F, 0xFEFF}
_MAP = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
    "ک": "ك", "ی": "ي", "ھ": "ه",
}
# Arabic-Indic and Eastern Arabic-Indic digits fold to ASCII digits.
for _i in range(10):
    _MAP[chr(0x0660 + _i)] = str(_i)
    _MAP[chr(0x06F0 + _i)] = str(_i)

# A word: a run of letters/digits (Arabic or Latin).  Punctuation and quotes separate words.
_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)


def _fold_char(ch: str) -> str:
    cp = ord(ch)
    if cp in _DROP:
        return ""
    rep = _MAP.get(ch)
    if rep is not None:
        return rep
    if 0xFB50 <= cp <= 0xFDFF or 0xFE70 <= cp <= 0xFEFF:
        # Arabic presentation forms (ﻭﻗﻮﺍﺕ, ligatures such as ﻻ): their base letters
        # (a code point NFKC leaves as it is, e.g. an unassigned one, is kept: no recursion)
        return "".join(_fold_char(c) if c != ch else c
                       for c in unicodedata.normalize("NFKC", ch) if c != " ")
    rep = ch.lower() if cp < 0x0250 else ch
    return rep if len(rep) == 1 else ch       # some Latin lowercases expand; keep it simple


# The one-character-to-at-most-one fold as a str.translate table (the fast path of fold()):
# dropped characters map to None, the others to their folded letter.
_TABLE: dict[int, str | None] = {cp: None for cp in _DROP}
_TABLE.update({ord(k): v for k, v in _MAP.items()})
for _cp in range(0x0250):
    _low = chr(_cp).lower()
    if len(_low) == 1 and _low != chr(_cp):
        _TABLE[_cp] = _low
# Presentation forms fold to several letters (ligatures): those texts take the slow path.
_SLOW = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]")
_DROP_RE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_DROP)) + "]")
_KEPT_RE = re.compile("[^" + "".join(re.escape(chr(c)) for c in sorted(_DROP)) + "]+")


def fold(text: str) -> tuple[str, list[int]]:
    """Fold ``text`` for matching; returns the folded string and, for each folded character, the
    index of the original character it comes from (plus one final entry: ``len(text)``).  A
    ligature folds to several characters, all pointing at it."""
    if not _SLOW.search(text):
        # every character folds to one character or none: translate, and map the offsets by
        # runs of kept characters (news texts are long; this is the hot path)
        folded = text.translate(_TABLE)
        if not _DROP_RE.search(text):
            offs = list(range(len(text) + 1))
        else:
            offs = []
            for m in _KEPT_RE.finditer(text):
                offs.extend(range(m.start(), m.end()))
            offs.append(len(text))
        return folded, offs
    out: list[str] = []
    offs: list[int] = []
    for i, ch in enumerate(text):
        rep = _fold_char(ch)
        for r in rep:
            out.append(r)
            offs.append(i)
    offs.append(len(text))
    return "".join(out), offs


def fold_key(s: str) -> str:
    """The folded form of a short string (a pattern word, a name), without offsets."""
    return fold(s)[0]


class Word(NamedTuple):
    """A word of the folded text: its folded form and its span in the ORIGINAL text.

    Immutable; a named tuple because a news document makes a thousand of them (a frozen
    dataclass costs several times as much to build)."""

    i: int          # index in the document's word list
    form: str       # folded form
    start: int      # original start
    end: int        # original end (exclusive)
    tm: bool = False  # the final ه is a folded taa marbuta (ة), not the pronoun ـه


def words_of(text: str) -> list[Word]:
    """The words of ``text`` (folded), each with its original-text span."""
    folded, offs = fold(text)
    new, tm = tuple.__new__, "ة\ufe93\ufe94"     # (a thousand words per report: kept lean)
    words = []
    for i, m in enumerate(_WORD_RE.finditer(folded)):
        a, b = m.span()
        last = offs[b - 1]
        words.append(new(Word, (i, m.group(), offs[a], last + 1, text[last] in tm)))
    return words


# Sentence fallback when the doc has no sentence layer: end punctuation or line breaks.
_SENT_END = re.compile(r"(?<=[.!?؟…])\s+|\n+")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Fallback sentence splitter (used only when ``doc.sentences`` is empty)."""
    spans = []
    pos = 0
    for m in _SENT_END.finditer(text):
        if text[pos:m.start()].strip():
            spans.append(_trim(text, pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        spans.append(_trim(text, pos, len(text)))
    return spans


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


# Clause boundaries inside a sentence: commas, semicolons, colons, dashes and parentheses.
# (Parentheses are not boundaries: "في أبريل (نيسان) 1983" must stay with its event.)
_CLAUSE_PUNCT = re.compile(r"[،,;؛:–—]")


def clause_bounds(text: str, s_start: int, s_end: int, pos: int) -> tuple[int, int]:
    """The clause of the sentence ``[s_start, s_end)`` that contains ``pos`` (punctuation-delimited)."""
    a = s_start
    for m in _CLAUSE_PUNCT.finditer(text, s_start, s_end):
        if m.start() < pos:
            a = m.end()
        else:
            return _trim(text, a, m.start())
    return _trim(text, a, s_end)
