"""Small Arabic helpers for the NER layer: a matching key, a proclitic splitter, word shape.

The text layer (:mod:`marsad.text.tokens`) owns tokenization; these helpers exist so that the
NER features are identical at training time (ANERcorp gives bare tokens, no parts) and at
run time (a :class:`~marsad.model.Doc` may or may not carry parts), and so the layer works
before/without the text layer.  Everything here is total: any ``str`` goes through.
"""
from __future__ import annotations

import functools
import hashlib
import re

__all__ = ["norm_key", "split_proclitics", "word_shape", "hash_key", "is_arabic_word"]

# Diacritics (harakat, shadda, sukun, dagger alef, Quranic marks) and tatweel carry no identity
# for matching names.
_STRIP_RE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c-\u200f]")
_MAP = str.maketrans({
    "\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627",  # أ إ آ ٱ → ا
    "\u0629": "\u0647",  # ة → ه
    "\u0649": "\u064a",  # ى → ي
    "\u0624": "\u0621", "\u0626": "\u0621",  # ؤ ئ → ء (seat variants of hamza)
    "\u06cc": "\u064a", "\u06a9": "\u0643",  # Persian yeh/kaf
    "\u201c": '"', "\u201d": '"', "\u00ab": '"', "\u00bb": '"',
})
_AR_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3]")


def norm_key(s: str) -> str:
    """Normalize an Arabic string for matching: no diacritics/tatweel, one alef, ه for ة, ي for ى.

    Latin letters are lower-cased so that gazetteer entries match case-insensitively.
    """
    return _STRIP_RE.sub("", s).translate(_MAP).lower()


# Cached: tagging hashes the same few thousand keys over and over (gazetteer heads of every
# token, consistency look-ups); blake2b on each call cost ~9% of tagging time.  Bounded, so a
# long-running process cannot grow without end.
@functools.lru_cache(maxsize=1 << 18)
def hash_key(s: str) -> int:
    """A stable 63-bit hash of an (already normalized) key; gazetteers ship as these hashes."""
    return int.from_bytes(hashlib.blake2b(s.encode("utf-8", "surrogatepass"),
                                          digest_size=8).digest(), "little") >> 1


def is_arabic_word(s: str) -> bool:
    """True when the string contains an Arabic letter."""
    return _AR_LETTER.search(s) is not None


# Proclitic chains, longest first.  "لل" is ل + ال with the alef of the article dropped.
_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك")


def split_proclitics(word: str, freq: dict[int, int] | None = None) -> tuple[str, str, str]:
    """Split a normalized word into (conj+prep proclitics, article, stem).

    ``"والرياض"`` → ``("و", "ال", "رياض")``; ``"للحكومه"`` → ``("ل", "ال", "حكومه")`` (the
    article's alef is dropped after ل, so the returned article is a notional ``"ال"``).

    A leading و ف ب ل ك is a clitic only if what remains is a word of its own: it starts with
    the article, or -- given ``freq`` (hash of a normalized surface form → corpus count) -- it
    is at least half as frequent as the whole word (``"بادلب"`` → ``ب`` + ``ادلب`` but ``"بيروت"``,
    ``"وزاره"``, ``"فرنسا"`` stay whole).  Without ``freq`` any remainder of 3+ letters counts.
    """
    fw = freq.get(hash_key(word), 0) if freq is not None else 0
    best_pro, best_rest = "", word
    cands = []
    if word[:1] in _CONJ:
        cands.append((word[0], word[1:]))
        if word[1:2] in _PREP:
            cands.append((word[:2], word[2:]))
    elif word[:1] in _PREP:
        cands.append((word[0], word[1:]))
    for pro, rest in cands:
        if pro[-1] == "ل" and rest.startswith("ل") and len(rest) > 3:
            # ل + ال: the article's alef is dropped ("للحكومه").
            return pro, "ال", rest[1:]
        if rest.startswith("ال") and len(rest) > 3:
            best_pro, best_rest = pro, rest
            continue
        if len(rest) < 3:
            continue
        if freq is None:
            best_pro, best_rest = pro, rest
        else:
            fr = freq.get(hash_key(rest), 0)
            if fr >= 3 and 2 * fr >= fw:
                best_pro, best_rest = pro, rest
    if best_rest.startswith("ال") and len(best_rest) > 3:
        return best_pro, "ال", best_rest[2:]
    return best_pro, "", best_rest


def word_shape(token: str) -> str:
    """A coarse shape class: ar, lat, Lat (capitalised), LAT, num, punct, mix."""
    if not token:
        return "empty"
    if token.isdigit() or (re.fullmatch(r"[\d\u0660-\u0669.,/:٫٬%-]+", token)
                           and re.search(r"[\d\u0660-\u0669]", token)):
        return "num"
    if _AR_LETTER.search(token):
        return "ar" if not re.search(r"[A-Za-z\d]", token) else "mix"
    if re.fullmatch(r"[A-Za-z]+", token):
        if token.isupper():
            return "LAT"
        return "Lat" if token[0].isupper() else "lat"
    if all(not ch.isalnum() for ch in token):
        return "punct"
    return "mix"
