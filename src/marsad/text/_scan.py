"""Fast trigger scanning: find the few stretches of a normalized text worth running big regexes on.

Running a large alternation over every character of a news article is slow in Python's regex
engines.  Counts and time expressions always contain one of a small set of *trigger words* (a digit,
a number word, a month or weekday name...), so :func:`windows` splits the text on whitespace (C
speed), looks each distinct word form up once (memoised, all registered checkers at once, as a
bit mask), and returns merged character windows around the trigger words; the callers run their
patterns only inside those windows.
"""
from __future__ import annotations

from itertools import compress
from typing import Callable

_PUNCT = ".,،؛:;!?؟()[]{}\"'«»-…/\\*|<>"

_CHECKERS: list[Callable[[str], bool]] = []
_MEMO: dict[str, int] = {}


def _core_forms(w: str) -> tuple[str, ...]:
    c = w.strip(_PUNCT)
    return (c, c[1:], c[2:], c[3:], c[4:])


def make_checker(words: set[str], digits: bool) -> Callable[[str], bool]:
    """A word-level trigger test: the word (less punctuation and up to 4 leading clitic letters) is in
    ``words``, or (when ``digits``) it contains a digit."""
    frozen = frozenset(words)

    def check(w: str) -> bool:
        if digits:
            for ch in w:
                if "0" <= ch <= "9":
                    return True
        pieces = [w]
        for sep in "/()-":
            if sep in w:
                pieces = [x for p in pieces for x in p.split(sep)]
        for piece in pieces:
            for f in _core_forms(piece):
                if f in frozen:
                    return True
                if len(f) < 2:
                    break
        return False

    return check


def register(check: Callable[[str], bool]) -> int:
    """Register a word checker; returns its bit for :func:`windows`."""
    _CHECKERS.append(check)
    _MEMO.clear()
    return 1 << (len(_CHECKERS) - 1)


def _mask(w: str) -> int:
    m = 0
    for i, c in enumerate(_CHECKERS):
        if c(w):
            m |= 1 << i
    return m


_LAST: list = [None, None]


def _hits(text: str) -> list[tuple[str, int]]:
    """The words of ``text`` that some checker flags, in order, with their masks."""
    if _LAST[0] is text:
        return _LAST[1]
    words = text.split()
    memo = _MEMO
    if len(memo) > 500_000:
        memo.clear()
    unknown = set(words).difference(memo)
    for w in unknown:
        memo[w] = _mask(w)
    masks = list(map(memo.__getitem__, words))
    flagged = list(compress(words, masks))
    res = list(zip(flagged, compress(masks, masks)))
    _LAST[0], _LAST[1] = text, res
    return res


def windows(text: str, bit: int, before: int = 45, after: int = 70) -> list[tuple[int, int]]:
    """Merged ``[start, end)`` windows of ``text`` around the words flagged by checker ``bit``."""
    hits = _hits(text)
    if not hits:
        return []
    n = len(text)
    out: list[tuple[int, int]] = []
    p = 0
    find = text.find
    for w, m in hits:
        q = find(w, p)
        while q >= 0:
            e = q + len(w)
            if (q == 0 or text[q - 1].isspace()) and (e == n or text[e].isspace()):
                break
            q = find(w, q + 1)
        if q < 0:          # cannot happen for whitespace-split words; be safe
            return [(0, n)]
        p = q + len(w)
        if not m & bit:
            continue
        ws = max(0, q - before)
        if ws > 0:
            sp = text.rfind(" ", 0, ws)
            nl = text.rfind("\n", 0, ws)
            ws = max(sp, nl) + 1
        we = min(n, p + after)
        if we < n:
            sp = text.find(" ", we)
            we = n if sp < 0 else sp
        if out and ws <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], we))
        else:
            out.append((ws, we))
    return out
