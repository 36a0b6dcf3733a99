"""Sentence splitting for Arabic news text.

A sentence ends at ``.`` ``؟`` ``?`` ``!`` ``؛`` ``;`` (and runs of them such as ``?!`` or ``!!``), together with
any closing quotes or brackets that follow, and at every line break (news paragraphs and headlines
are written on their own line without final punctuation).  An ellipsis (``…``, ``..``, ``...``) ends
a sentence only at the end of a line: inside a line SaudiNewsNet writers use it as a pause or an
elision.  The Arabic comma ``،`` never ends a sentence, and a terminator followed by a comma
(``!!، مع العلم``) does not either.  A dot does not end a sentence

* inside a number or a dotted date (``3.5``, ``21.10.2025``),
* after a one-letter abbreviation (``د.`` ``أ.ف.ب`` ``U.S.``) or a known abbreviation (``م.`` ``ق.م``
  ``Dr.``),
* when the next character is a Latin letter, digit or another dot-joined word (``www.example.com``),
* before a lower-case Latin letter or a comma.

Spans are trimmed of surrounding whitespace; the text between two boundaries that holds only
whitespace or punctuation-less noise is still returned when it has a visible character.
"""
from __future__ import annotations

import regex

from marsad.model import Sentence

__all__ = ["split_sentences", "sentence_boundaries"]

_CLOSERS = "\"'»”’)\\]}›〉』」"
# candidate ends: a run of terminators, plus closing quotes/brackets right after it
_END_RE = regex.compile(
    r"(?:[.!?؟؛;…۔]+)[" + regex.escape(_CLOSERS) + r"]*"
    r"|\n")

_ABBREV = {
    # Arabic abbreviations that take a dot
    "د", "م", "ق", "ص", "ج", "هـ", "ه", "أ", "ا", "ب", "ت", "ح", "ع", "ك", "ل", "ن", "و", "ي", "س",
    "ش", "ط", "ف", "ر", "ز", "خ", "غ", "ض", "ظ", "ذ", "ث",
    "م.م", "ق.م", "أ.د", "ا.د", "ت.ع", "ص.ب", "ه.ـ", "تـ", "ش.م.م",
    # Latin
    "dr", "mr", "mrs", "ms", "prof", "st", "no", "vs", "etc", "inc", "ltd", "co", "jr", "sr",
    "gen", "col", "lt", "sgt", "capt", "maj", "fig", "p", "pp", "vol", "e.g", "i.e", "u.s", "u.k",
    "u.n", "a.m", "p.m",
}
_WORD_BEFORE_RE = regex.compile(r"([\p{L}\p{M}\u0640.]+)$")
_SPACE_RE = regex.compile(r"\s")
_VISIBLE_RE = regex.compile(r"[^\s\p{Cc}\p{Cf}]")


def _dot_ends(text: str, i: int, j: int) -> bool:
    """Whether a lone ``.`` at ``text[i]`` (run ending at ``j``) ends a sentence."""
    n = len(text)
    nxt = text[j] if j < n else ""
    prv = text[i - 1] if i > 0 else ""
    if prv.isdecimal() and nxt.isdecimal():
        return False                                  # 3.5, 21.10.2025
    if nxt and (nxt.isascii() and (nxt.isalnum() or nxt in "_-/@")):
        return False                                  # www.example.com, U.S., .5
    if nxt in (",", "،"):
        return False
    if nxt.isdecimal():
        return False
    m = _WORD_BEFORE_RE.search(text, max(0, i - 12), i)
    if m:
        w = m.group(1).rstrip(".")
        lw = w.lower().replace("\u0640", "")
        if lw in _ABBREV or (len(lw) == 1 and lw.isalpha()):
            # one-letter abbreviation: a dot right after one letter standing alone
            return False
        if "." in w and all(len(x) <= 2 for x in w.split(".") if x):
            return False                              # أ.ف.ب, U.S
    if nxt and not _SPACE_RE.match(nxt):
        # glued to the next word: end only between Arabic words ("الأمر.وقال")
        if not ("\u0600" <= nxt <= "\u06FF" and "\u0600" <= prv <= "\u06FF"):
            return False
        wb = _WORD_BEFORE_RE.search(text, max(0, i - 12), i)
        return wb is not None and len(wb.group(1).strip(".")) >= 3
    return True


_AFTER_RE = regex.compile(r"[ \t\u00a0]*(-?[،,]|\S|\n|$)")


def sentence_boundaries(text: str) -> list[int]:
    """The end offsets (exclusive) of the sentence-final punctuation runs and line breaks."""
    ends: list[int] = []
    n = len(text)
    for m in _END_RE.finditer(text):
        s, e = m.span()
        ch = text[s]
        if ch == "\n":
            ends.append(s)
            continue
        run = m.group()
        core = run.rstrip(_CLOSERS)
        nxt = _AFTER_RE.match(text, e)
        follow = nxt.group(1) if nxt else ""
        if follow.endswith(("،", ",")):
            continue                                  # "!!، مع العلم" goes on
        if core == ".":
            if not _dot_ends(text, s, e if e > s + 1 else s + 1):
                continue
        elif set(core) <= {".", "…"}:
            # ".." "..." "…": a pause or an elision inside the line ("الرعاية... الخ."), a sentence
            # end only before a line break or the end of the text
            if follow not in ("\n", ""):
                continue
        ends.append(e)
    ends.append(n)
    return ends


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences (``[start, end)`` spans, whitespace trimmed)."""
    out: list[Sentence] = []
    prev = 0
    for b in sentence_boundaries(text):
        if b < prev:
            continue
        seg = text[prev:b]
        m = _VISIBLE_RE.search(seg)
        if m is not None:
            s = prev + m.start()
            e = b
            while e > s and (text[e - 1].isspace() or text[e - 1] in "\u200e\u200f\u061c"):
                e -= 1
            out.append(Sentence(s, e))
        prev = b
    return out
