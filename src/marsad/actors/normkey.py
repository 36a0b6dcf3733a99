"""Matching keys for names (actors and places).

``name_key(s)`` folds the spelling variation that Arabic news writing shows for the same name:
hamza seats (أ إ آ ٱ → ا, ؤ → و, ئ → ي), alef maqsura (ى → ي), taa marbuta (ة → ه), diacritics
and tatweel, Persian letter forms, plus Latin case, accents and ʿ/ʾ marks ("Ḩārim" → "harim").
Punctuation becomes a space and runs of spaces collapse.  When the shared
``marsad.text.normalize.normalize_key`` exists it is applied first, so keys stay compatible
with the rest of the pipeline; the local folding on top is idempotent and keeps keys stable.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

try:  # the shared normalizer is being written by another helper; use it when it exists
    from marsad.text.normalize import normalize_key as _shared_key  # type: ignore
except Exception:  # ImportError, or a half-written module: fall back to the local folding
    _shared_key = None

__all__ = ["name_key", "strip_marks", "is_arabic", "KEY_VERSION"]

_MAP = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ؤ": "و", "ئ": "ي", "ى": "ي", "ی": "ي", "ې": "ي", "ة": "ه", "ۃ": "ه",
    "ک": "ك", "ڪ": "ك", "ګ": "ك", "ھ": "ه", "ہ": "ه", "ۀ": "ه",
    "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4", "٥": "5", "٦": "6", "٧": "7", "٨": "8", "٩": "9",
    "۰": "0", "۱": "1", "۲": "2", "۳": "3", "۴": "4", "۵": "5", "۶": "6", "۷": "7", "۸": "8", "۹": "9",
    # ʿayn / hamza marks of romanized names, and apostrophes: dropped ("Dar‘ā" → "dara")
    "ʿ": "", "ʾ": "", "‘": "", "’": "", "'": "", "`": "", "ʼ": "", "ʻ": "",
    "ـ": "",  # tatweel
}
_TABLE = str.maketrans(_MAP)


def is_arabic(s: str) -> bool:
    """True when ``s`` contains at least one Arabic-script letter."""
    return any("\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" for ch in s)


def strip_marks(s: str) -> str:
    """Remove combining marks (Arabic harakat, Latin accents) without other folding."""
    out = []
    for ch in unicodedata.normalize("NFKD", s):
        if unicodedata.combining(ch):
            continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


_AR_MARKS = {c: None for c in [*range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06EE), 0x200C, 0x200D, 0x200E, 0x200F]}
_TABLE_FAST = str.maketrans({**{ord(k): v for k, v in _MAP.items()}, **_AR_MARKS})
_NONWORD = re.compile(r"[\W_]+")


def _needs_nfkd(s: str) -> bool:
    # Latin letters with accents, combining marks, compatibility forms: the slow Unicode path
    return any(0x80 <= ord(ch) < 0x600 or 0x1E00 <= ord(ch) < 0x2000 or 0xFB00 <= ord(ch) for ch in s)


def _local(s: str) -> str:
    s = s.translate(_TABLE_FAST)
    if _needs_nfkd(s):
        s = strip_marks(s)
        # NFKD/NFC can recompose hamza forms (ا + ٔ); fold once more after stripping
        s = s.translate(_TABLE_FAST)
    s = s.lower()
    # punctuation, symbols, spaces, controls, lone surrogates: one separator
    return _NONWORD.sub(" ", s).strip()


@lru_cache(maxsize=200_000)
def name_key(s: str) -> str:
    """The matching key of a name: folded, lowercased, punctuation-free, single-spaced."""
    if not isinstance(s, str):
        s = str(s)
    if _shared_key is not None:
        try:
            s = _shared_key(s)
        except Exception:  # a shared-normalizer bug must not stop actor/place matching
            pass
    return _local(s)


def _version() -> str:
    probe = "أُسامة إدلب الرَّقّة مِصر ى ة Ḩārim Dar‘ā ـ"
    return hashlib.sha1(name_key(probe).encode("utf-8")).hexdigest()[:10]


#: changes whenever the key function's behaviour changes (used to invalidate cached indexes)
KEY_VERSION = _version()
