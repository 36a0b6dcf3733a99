"""Arabic normalization for matching, with an offset map back to the original text.

What :func:`normalize` does (each rule maps one original character to zero, one or several
normalized characters, independent of its neighbours, so a span of the normalized text always maps
back to a span of the original):

* hamza and alef forms: ``أ إ آ ٱ ٲ ٳ`` → ``ا``; ``ؤ`` → ``و``; ``ئ`` → ``ي``
* alef maqsura ``ى`` → ``ي``; taa marbuta ``ة`` → ``ه``; Persian/Urdu letters (``ک ی ۀ ە``) to
  their Arabic counterparts
* diacritics (harakat, tanwin, shadda, sukun, superscript alef, Quranic marks) and tatweel removed
* Arabic-Indic ``٠..٩`` and Persian ``۰..۹`` digits → ``0..9``; ``٫`` → ``.``, ``٬`` → ``,``,
  ``٪`` → ``%``
* presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) → their letters (ligatures expand: ``ﻻ`` → ``لا``)
* bidi controls and zero-width characters (LRM, RLM, ALM, embeddings, isolates, ZWSP, ZWNJ, ZWJ,
  BOM, word joiner, soft hyphen) removed
* quote variants (``« » “ ” „ ‟ ″ ‹ ›``) → ``"``; ``‘ ’ ‚ ‛ ′`` → ``'``; dash variants → ``-``;
  no-break and other spaces → `` ``

Whitespace is not collapsed and letters keep their case (use :func:`normalize_key` for that).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["Normalized", "normalize", "normalize_key", "strip_marks", "TABLE"]


def _build_table() -> dict[int, str | None]:
    t: dict[int, str | None] = {}
    # hamza / alef forms
    for c in "أإآٱٲٳ":
        t[ord(c)] = "ا"
    t[ord("ؤ")] = "و"
    t[ord("ئ")] = "ي"
    t[ord("ى")] = "ي"
    t[ord("ة")] = "ه"
    # Persian / Urdu look-alikes
    t[0x06A9] = "ك"  # keheh
    t[0x06AA] = "ك"
    t[0x06CC] = "ي"  # farsi yeh
    t[0x06D2] = "ي"
    t[0x06C0] = "ه"  # heh with yeh above
    t[0x06D5] = "ه"  # ae
    t[0x06C1] = "ه"
    t[0x0629] = "ه"
    # diacritics, Quranic marks, tatweel
    for cp in list(range(0x0610, 0x061B)) + list(range(0x064B, 0x0660)) + [0x0670] + \
            list(range(0x06D6, 0x06DD)) + list(range(0x06DF, 0x06E5)) + [0x06E7, 0x06E8] + \
            list(range(0x06EA, 0x06EE)) + list(range(0x08D3, 0x0900)) + [0x0640]:
        if cp != 0x08E2:
            t[cp] = None
    # digits and Arabic number punctuation
    for i in range(10):
        t[0x0660 + i] = str(i)
        t[0x06F0 + i] = str(i)
    t[0x066B] = "."
    t[0x066C] = ","
    t[0x066A] = "%"
    # bidi and zero-width controls, soft hyphen
    for cp in [0x061C, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0x2061, 0x2062, 0x2063,
               0x2064, 0xFEFF, 0x00AD, 0x180E] + list(range(0x202A, 0x202F)) + \
            list(range(0x2066, 0x206A)):
        t[cp] = None
    # quotes, dashes, spaces
    for c in "«»“”„‟″‹›〝〞＂":
        t[ord(c)] = '"'
    for c in "‘’‚‛′＇":
        t[ord(c)] = "'"
    for c in "‐‑‒–—―−﹘﹣－⁃":
        t[ord(c)] = "-"
    for cp in [0x00A0, 0x1680, 0x202F, 0x205F, 0x3000] + list(range(0x2000, 0x200B)):
        t[cp] = " "
    # presentation forms: NFKC, then the rules above
    for cp in list(range(0xFB50, 0xFE00)) + list(range(0xFE70, 0xFEFF)):
        ch = chr(cp)
        if unicodedata.category(ch) == "Cn":
            continue
        k = unicodedata.normalize("NFKC", ch)
        if k == ch:
            continue
        out = "".join((t.get(ord(x), x) or "") for x in k)
        out = out.strip() if out.strip() else out
        t[cp] = out if out else None
    return t


TABLE: dict[int, str | None] = _build_table()

# characters that do not map 1:1 (deleted, or expanded to several characters)
_NON_UNIT = "".join(chr(cp) for cp, v in TABLE.items() if v is None or len(v) != 1)
_NON_UNIT_RE = re.compile("[" + "".join(
    "\\U%08x" % ord(c) for c in sorted(_NON_UNIT)) + "]")
_MAPPED_RE = re.compile("[" + "".join("\\U%08x" % cp for cp in sorted(TABLE)) + "]")
_LAST_NORM: list = [None, None]


def _translate(text: str) -> str:
    """``text.translate(TABLE)``, faster for long texts with few distinct mapped characters."""
    if len(text) < 64:
        return text.translate(TABLE)
    present = set(_MAPPED_RE.findall(text))
    if not present:
        return text
    if len(present) > 40:
        return text.translate(TABLE)
    for ch in present:
        text = text.replace(ch, TABLE[ord(ch)] or "")
    return text

_MARKS_TABLE = {cp: v for cp, v in TABLE.items() if v is None}


@dataclass(frozen=True, slots=True)
class Normalized:
    """A normalized text and its offset map.

    ``offsets`` has ``len(text) + 1`` entries: ``offsets[i]`` is the index in the original string of
    the character that normalized character ``i`` came from; the last entry is the original length.
    """

    text: str
    offsets: list[int]
    original: str

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized span ``[start, end)`` to the original span that produced it.

        Characters removed by normalization (diacritics, controls) that sit between the span's last
        character and the next kept one are included, so ``normalize(original[a:b]).text`` equals
        the normalized span's text (unless the span cuts through an expanded ligature, in which
        case the whole original ligature is included).
        """
        n = len(self.text)
        start = min(max(start, 0), n)
        end = min(max(end, start), n)
        offs = self.offsets
        ostart = offs[start]
        if end == start:
            return ostart, ostart
        oend = offs[end]
        if end < n and oend == offs[end - 1]:
            # end falls inside an expansion (ligature): take the whole original character
            oend = offs[end - 1] + 1
        return ostart, oend

    def to_normalized(self, ostart: int, oend: int) -> tuple[int, int]:
        """Map an original span to the smallest normalized span covering its kept characters."""
        import bisect
        offs = self.offsets
        s = bisect.bisect_left(offs, ostart, 0, len(self.text))
        e = bisect.bisect_left(offs, oend, s, len(self.text))
        return s, e


def normalize(text: str) -> Normalized:
    """Normalize ``text`` for matching; see the module docstring for the rules."""
    if _LAST_NORM[0] is text:
        return _LAST_NORM[1]
    out = _translate(text)
    n = len(text)
    if len(out) == n and _NON_UNIT_RE.search(text) is None:
        res = Normalized(out, list(range(n + 1)), text)
        _LAST_NORM[0], _LAST_NORM[1] = text, res
        return res
    offsets: list[int] = []
    ext = offsets.extend
    prev = 0
    for m in _NON_UNIT_RE.finditer(text):
        i = m.start()
        if i > prev:
            ext(range(prev, i))
        rep = TABLE[ord(text[i])]
        if rep:
            ext([i] * len(rep))
        prev = i + 1
    ext(range(prev, n))
    offsets.append(n)
    res = Normalized(out, offsets, text)
    _LAST_NORM[0], _LAST_NORM[1] = text, res
    return res


_WS_RE = re.compile(r"\s+")


_LAST: list = [None, None]


def normalize_last(text: str) -> Normalized:
    """:func:`normalize`, reusing the result when called again on the same string object.

    The quantities and times stages both normalize the document they are given; this keeps it
    to once per document without threading the result through their signatures.
    """
    if _LAST[0] is text:
        return _LAST[1]
    n = normalize(text)
    _LAST[0], _LAST[1] = text, n
    return n


def normalize_key(s: str) -> str:
    """A matching key for names: normalized, case-folded, whitespace collapsed and stripped."""
    return _WS_RE.sub(" ", _translate(s).casefold()).strip()


def strip_marks(s: str) -> str:
    """Remove only diacritics, tatweel and invisible controls (hamza, taa marbuta kept)."""
    return s.translate(_MARKS_TABLE)
