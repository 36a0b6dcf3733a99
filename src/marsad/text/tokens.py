"""Surface tokens with offsets, each split into its clitic parts.

A surface token is a run of Arabic letters (with their diacritics and tatweel), a number (Western or
Arabic-Indic digits, with ``. , ٫ ٬`` inside), a run of other letters (Latin...), a clitic cluster
glued to a number (``و24`` ``الـ24`` ``بـ3``), or one punctuation mark / symbol (repeated marks such as
``...`` stay together).

Arabic words are split by :func:`segment_word` into parts of kind ``conj`` (و ف), ``prep`` (ب ل ك),
``det`` (ال, or the ``ل`` left of it after ``ل``: ``للجيش`` = ل + ل + جيش), ``fut`` (س), ``stem`` and
``suffix`` (attached pronoun).  A prefix or suffix is split off only when what is left is itself a
frequent word in the SaudiNewsNet word counts (``data/wordfreq.tsv.gz``, ~122k forms), or the whole
form is rare and what is left is known; a no-split list keeps words such as وزارة بيان كتيبة فرنسا
ليبيا والي لبنان whole, and a small lexicon gives the segmentation of function words (به لها عليه...).
"""
from __future__ import annotations

import gc
import gzip
import re
from functools import lru_cache
from importlib import resources

import regex

from marsad.model import Part, Token
from marsad.text.normalize import strip_marks

__all__ = ["tokenize", "segment_word", "word_count", "NO_SPLIT"]

_AR_LETTER = r"\u0621-\u063A\u0641-\u064A\u066E-\u066F\u0671-\u06D3\u06D5\u06EE\u06EF\u06FA-\u06FF\uFB50-\uFDFF\uFE70-\uFEFC"
_AR_MARK = r"\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200C\u200D"
_DIGITS = r"\d+(?:[.,٫٬]\d+)*"

_OTHER_MARK = r"\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_TOKEN_RE = re.compile(
    r"(?P<cn>(?<![" + _AR_LETTER + _AR_MARK + r"])(?=[وفبلكا])(?:[وف]?[بلك]?(?:ال)?)\u0640*"
    + _DIGITS + r")"
    r"|(?P<ar>[" + _AR_LETTER + r"\u0640][" + _AR_LETTER + _AR_MARK + r"]*)"
    r"|(?P<num>" + _DIGITS + r")"
    r"|(?P<w>[^\W_](?:[^\W_]|[" + _OTHER_MARK + r"])*)"
    r"|(?P<p>([^\s\w])\6*)"
    r"|(?P<o>\S)"
)

# ---------------------------------------------------------------------------- lexicon

_COUNTS: dict[str, int] | None = None


def _counts() -> dict[str, int]:
    global _COUNTS
    if _COUNTS is None:
        d: dict[str, int] = {}
        try:
            with resources.files("marsad.text").joinpath("data/wordfreq.tsv.gz").open("rb") as fb:
                with gzip.open(fb, "rt", encoding="utf-8") as f:
                    for line in f:
                        w, _, c = line.rstrip("\n").partition("\t")
                        d[w] = int(c)
        except (FileNotFoundError, OSError):  # pragma: no cover - shipped with the package
            pass
        _COUNTS = d
    return _COUNTS


def word_count(word: str) -> int:
    """How often ``word`` (diacritics stripped) occurs in the SaudiNewsNet counts."""
    return _counts().get(strip_marks(word), 0)


# Words never split (mark-stripped forms).  Frequent words whose first or last letters look like a
# clitic but are part of the stem.
NO_SPLIT: frozenset[str] = frozenset("""
وزارة بيان كتيبة فرنسا ليبيا والي لبنان ولي وحدة وادي واحد واحدة وطن وطني وطنية وقت وقف وضع وصل
وصول وسط وسائل وكالة ولاية ولايات والد والدة وجه وجود وفد وفاة وفق وفقا وقع واقع وزير وزراء وزيرة
وراء ودية وثائق وسيلة وظائف وظيفة ورد ورقة وعد وعي ولد ولادة فريق فرع فترة فعل فعلا فيلم فكرة فقط
فوق فرص فرصة فلسطين فلسطيني فلسطينية فيها فيه فيما فإن فلا فهل فلم فقد فكان فوز فنان فندق فاز
باب بيت بين بينما بعد بعض بلد بلاد بلدية برنامج بناء بنك بحث بحر بدء بدأ بدأت بقي بقاء بلغ بيع
بيئة بطولة بطل برلمان بريطانيا بغداد بيروت بكر بشار بشير بلال بندر بوش بحيرة بوابة بئر بطاقة
لجنة لجان لقاء لواء لحظة ليلة ليبي ليبية لعب لاعب لاعبين لبناني لبنانية لكن لكنه لكنها لدى لدي
لذلك لم لن لا لما لو لي له لها لهم لك لنا ليس ليست لندن لأول لغة لقب لعبة
كان كانت كانوا كل كلمة كبير كبيرة كثير كثيرة كتاب كتب كرة كلية كذلك كما كأس كيف كيلو كيلومتر كامل
كاملة كافة كلا كلتا كرسي كوريا كندا كردي كردستان كتيبة
واس بدا لحج لقي فيصل فجر فقط ذاك وليد وكيل وجد واحدا واصل ورشة ولعل تمكن يتمكن أماكن يشارك توجه
وفيرا وفير وفيرة وثق وثقت ويليامز فيلق
فهم بكين
سنة سنوات سيارة سيارات سياسة سياسي سياسية ستة سبعة ستين سبعين سبت سلام سلاح سوريا سوري سورية سيطرة
سعود سعودي سعودية سعر سعيد سلمان سمو سيدة سيد سجن سبب سبيل ستار سفير سفارة سكان سكن سوق التقى التحق التقت
الله الذي التي الذين اللذين اللتين اللواتي اللاتي اللائي اللذان اللتان الآن الى الا الي الاخ الذى التى اللذى اللتى
إلى إلا ألف آلاف أمام أمريكا أمس أيضا أيام أي أو أن إن
هذه هذا هؤلاء ذلك تلك هناك هنا هو هي هم هن هما نحن أنا أنت أنتم
منه منها منهم عنه عنها عنهم
""".split())

# Explicit segmentations of function words: form -> [(length, kind), ...]
_FUNC: dict[str, list[tuple[int, str]]] = {}


# ب ل + pronoun (no stem)
for _conj in ("", "و", "ف"):
    for _prep in ("ب", "ل"):
        for _suf in ("ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "كن", "نا", "ي"):
            if (_prep == "ل" and _suf in ("ي", "كن")) or _suf == "كن":
                continue
            segs = ([(1, "conj")] if _conj else []) + [(1, "prep"), (len(_suf), "suffix")]
            _FUNC[_conj + _prep + _suf] = segs
_FUNC["لي"] = [(1, "prep"), (1, "suffix")]
_FUNC["فلي"] = [(1, "conj"), (1, "prep"), (1, "suffix")]
# preposition-like stems with a pronoun: على -> علي+ه, إلى, لدى, في, من, عن, مع, عند...
for _conj in ("", "و", "ف"):
    for _base in ("علي", "إلي", "الي", "لدي", "في", "من", "عن", "مع", "عند", "بين", "أن", "إن",
                  "لأن", "كأن", "لكن", "حول", "ضد", "دون", "خلال", "عبر", "نحو", "منذ",
                  "بعد", "قبل", "أمام", "خلف", "فوق", "تحت", "مثل", "غير", "بعض", "كل", "نفس",
                  "ذات", "جميع", "معظم", "أي"):
        for _suf in ("ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "نا"):
            segs: list[tuple[int, str]] = [(1, "conj")] if _conj else []
            if _base in ("لأن", "كأن"):                 # ل / ك + أن
                segs += [(1, "prep"), (2, "stem")]
            else:
                segs += [(len(_base), "stem")]
            segs.append((len(_suf), "suffix"))
            _FUNC.setdefault(_conj + _base + _suf, segs)
# a few frequent fixed words
for _w, _segs in {
    "لأن": [(1, "prep"), (2, "stem")], "لأنه": [(1, "prep"), (2, "stem"), (1, "suffix")],
    "لذلك": [(1, "prep"), (3, "stem")], "بذلك": [(1, "prep"), (3, "stem")],
    "وبذلك": [(1, "conj"), (1, "prep"), (3, "stem")], "ولذلك": [(1, "conj"), (1, "prep"), (3, "stem")],
    "لهذا": [(1, "prep"), (3, "stem")], "بهذا": [(1, "prep"), (3, "stem")],
    "لهذه": [(1, "prep"), (3, "stem")], "بهذه": [(1, "prep"), (3, "stem")],
    "وهذا": [(1, "conj"), (3, "stem")], "وهذه": [(1, "conj"), (3, "stem")],
    "وهو": [(1, "conj"), (2, "stem")], "وهي": [(1, "conj"), (2, "stem")],
    "فهو": [(1, "conj"), (2, "stem")], "فهي": [(1, "conj"), (2, "stem")],
    "وهم": [(1, "conj"), (2, "stem")], "فهم": [(1, "conj"), (2, "stem")],
    "ولا": [(1, "conj"), (2, "stem")], "فلا": [(1, "conj"), (2, "stem")],
    "ولم": [(1, "conj"), (2, "stem")], "ولن": [(1, "conj"), (2, "stem")],
    "وما": [(1, "conj"), (2, "stem")], "فما": [(1, "conj"), (2, "stem")],
    "ومن": [(1, "conj"), (2, "stem")], "وفي": [(1, "conj"), (2, "stem")],
    "وعلى": [(1, "conj"), (3, "stem")], "وإلى": [(1, "conj"), (3, "stem")],
    "وعن": [(1, "conj"), (2, "stem")], "ومع": [(1, "conj"), (2, "stem")],
    "وأن": [(1, "conj"), (2, "stem")], "وإن": [(1, "conj"), (2, "stem")],
    "فإن": [(1, "conj"), (2, "stem")], "فقد": [(1, "conj"), (2, "stem")],
    "وقد": [(1, "conj"), (2, "stem")], "وأو": [(1, "conj"), (2, "stem")],
    "ولكن": [(1, "conj"), (3, "stem")], "وكان": [(1, "conj"), (3, "stem")],
    "وكانت": [(1, "conj"), (4, "stem")], "وكل": [(1, "conj"), (2, "stem")],
    "وذلك": [(1, "conj"), (3, "stem")], "وهناك": [(1, "conj"), (4, "stem")],
    "بما": [(1, "prep"), (2, "stem")], "لما": [(3, "stem")], "كما": [(3, "stem")],
    "بأن": [(1, "prep"), (2, "stem")], "بأنه": [(1, "prep"), (2, "stem"), (1, "suffix")],
    "بأنها": [(1, "prep"), (2, "stem"), (2, "suffix")], "بأنهم": [(1, "prep"), (2, "stem"), (2, "suffix")],
    "بكل": [(1, "prep"), (2, "stem")], "لكل": [(1, "prep"), (2, "stem")],
    "بين": [(3, "stem")], "بينما": [(5, "stem")], "فيما": [(4, "stem")],
    "كذلك": [(1, "prep"), (3, "stem")], "وكذلك": [(1, "conj"), (1, "prep"), (3, "stem")],
    "لله": [(1, "prep"), (2, "stem")], "بالله": [(1, "prep"), (4, "stem")],
    "والله": [(1, "conj"), (4, "stem")],
    "وحده": [(3, "stem"), (1, "suffix")], "وحدها": [(3, "stem"), (2, "suffix")],
    "وحدهم": [(3, "stem"), (2, "suffix")],
}.items():
    _FUNC[_w] = _segs

# tokens that are nothing but clitics ("و" standing alone, "لـ" / "بالـ" before a number or a
# Latin word)
_PURE_CLITICS: dict[str, tuple[tuple[int, str], ...]] = {
    "و": ((1, "conj"),), "ف": ((1, "conj"),), "ب": ((1, "prep"),), "ل": ((1, "prep"),),
    "ك": ((1, "prep"),), "ال": ((2, "det"),), "بال": ((1, "prep"), (2, "det")),
    "وال": ((1, "conj"), (2, "det")), "لل": ((1, "prep"), (1, "det")),
    "وب": ((1, "conj"), (1, "prep")), "ول": ((1, "conj"), (1, "prep")),
    "وبال": ((1, "conj"), (1, "prep"), (2, "det")), "كال": ((1, "prep"), (2, "det")),
    "فال": ((1, "conj"), (2, "det")), "ولل": ((1, "conj"), (1, "prep"), (1, "det")),
}

_SUFFIXES = ("هما", "كما", "هم", "هن", "ها", "كم", "نا", "ه")
_IMPERFECT = "يتنأ"

MIN_STEM = 5          # a remainder must be seen this often to count as a word
SURE_STEM = 100       # a remainder seen this often is a word whatever the whole form's count
RARE = 5              # a whole form seen less often than this is "rare"
ART_EVIDENCE = 0.005  # "ال"+whole seen this often (relative) -> the whole form is a stem
R_CONJ = 0.01         # remainder count >= R * whole-form count to split a conjunction
R_PREP = 0.1
R_FUT = 0.1
R_DET = 0.02
R_SUF = 0.03
UNSEEN_SPLIT = "وبل"  # clitic letters split off a never-seen word


def _c(w: str) -> int:
    return (_COUNTS if _COUNTS is not None else _counts()).get(w, 0)


_MARK_RE = re.compile("[" + _AR_MARK + "\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad\u061c]")


def _takes_article(whole: str) -> bool:
    """Evidence that ``whole`` is itself a stem: it is seen with the article (الوزارة, الفكر)."""
    cw = _c(whole)
    return _c("ال" + whole) >= max(3.0, ART_EVIDENCE * cw)


def _alts(rem: str) -> tuple[str, ...]:
    """Spelling variants of a remainder: hamza on an initial alef (ارهاق -> إرهاق)."""
    if rem[:1] == "ا":
        return ("أ" + rem[1:], "إ" + rem[1:], "آ" + rem[1:])
    return ()


def _ok(rem: str, whole: str, ratio: float, alts: tuple[str, ...] = ()) -> bool:
    """Whether ``whole`` -> clitic + ``rem`` is a plausible split."""
    if len(rem) < 2:
        return False
    cr = max([_c(rem)] + [_c(a) for a in alts + _alts(rem)])
    cw = _c(whole)
    if cr < 1:
        # neither form seen: a word never seen in 9M words that starts with و ب ل is almost always
        # the clitic on a rare word (ومتمم، بنكث، ليعتقدوا); its remainder may analyse further
        if cw == 0 and len(rem) >= 3 and whole[0] in UNSEEN_SPLIT and \
                _suffix_split(whole) is None:
            return True
        return cw < RARE and _analysable(rem)
    if cw < RARE:
        return True
    if _takes_article(whole):
        return False
    if cr >= SURE_STEM:
        return True
    return cr >= MIN_STEM and cr >= ratio * cw


def _analysable(rem: str) -> bool:
    return len(_analyze(rem)) > 1


def _suffix_split(w: str) -> tuple[str, str] | None:
    if w in NO_SPLIT or len(w) < 3:
        return None
    cw = _c(w)
    for suf in _SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 2:
            base = w[: -len(suf)]
            alts = []
            if base.endswith("ت"):
                alts.append(base[:-1] + "ة")
            if base.endswith("ي"):
                alts.append(base[:-1] + "ى")
            if base.endswith("ا"):
                alts.append(base[:-1] + "ى")
            cb = max([_c(base)] + [_c(a) for a in alts])
            if cb < MIN_STEM:
                continue
            if cw < RARE:
                return base, suf
            if suf != "ه" and _takes_article(w):
                return None
            if cb >= SURE_STEM or cb >= R_SUF * cw:
                return base, suf
    return None


@lru_cache(maxsize=200_000)
def _analyze(w: str) -> tuple[tuple[int, str], ...]:
    """Segment a mark-stripped Arabic word: ((length, kind), ...) covering ``w``."""
    if w in _FUNC:
        return tuple(_FUNC[w])
    if w in _PURE_CLITICS:
        return _PURE_CLITICS[w]
    if w in NO_SPLIT or len(w) < 3:
        if w in ("ال",):
            return ((2, "det"),)
        return ((len(w), "stem"),)
    segs: list[tuple[int, str]] = []
    rest = w
    # conjunction
    if rest[0] in "وف" and len(rest) >= 3:
        rem = rest[1:]
        if rem in _FUNC or (rem not in ("ال",) and _ok(rem, rest, R_CONJ)):
            if rem in _FUNC:
                return ((1, "conj"),) + tuple(_FUNC[rem])
            segs.append((1, "conj"))
            rest = rem
    # preposition / future
    if len(rest) >= 3 and rest not in NO_SPLIT:
        c0 = rest[0]
        if c0 == "ل" and rest.startswith("لل") and len(rest) >= 4 and \
                (_c("ال" + rest[2:]) >= MIN_STEM or _c(rest) < RARE):
            return tuple(segs) + ((1, "prep"), (1, "det"), (len(rest) - 2, "stem"))
        if c0 in "بلك":
            rem = rest[1:]
            if rem.startswith("ال") and len(rem) >= 4:
                if _c(rem) >= 1 or _c(rest) < RARE or c0 != "ك":
                    if _c(rem) >= 1 or _c(rem[2:]) >= 1 or _c(rest) < RARE:
                        segs.append((1, "prep"))
                        rest = rem
            elif c0 == "ك" and rem not in ("ال",) and _c(rest) < RARE and \
                    max([_c(rem)] + [_c(a) for a in _alts(rem)]) >= MIN_STEM:
                segs.append((1, "prep"))
                rest = rem
            elif c0 != "ك" and rem not in ("ال",):
                if rem in _FUNC and c0 in "بل" and _c(rest) < 50:
                    return tuple(segs) + ((1, "prep"),) + tuple(_FUNC[rem])
                if _ok(rem, rest, R_PREP):
                    segs.append((1, "prep"))
                    rest = rem
        elif c0 == "س" and len(rest) >= 4 and rest[1] in _IMPERFECT:
            rem = rest[1:]
            sp = _suffix_split(rest)
            if sp is not None and _c(sp[0]) >= SURE_STEM:
                pass                                  # سيدنا = سيد + نا
            elif _ok(rem, rest, R_FUT):
                segs.append((1, "fut"))
                rest = rem
    # article
    if rest.startswith("ال") and len(rest) >= 4 and rest not in NO_SPLIT:
        rem = rest[2:]
        if not _takes_article(rest) or _c("لل" + rem) >= 1:
            segs.append((2, "det"))
            segs.append((len(rem), "stem"))
            return tuple(segs)
    # suffix (not after the article)
    sp = _suffix_split(rest)
    if sp is not None:
        base, suf = sp
        segs.append((len(base), "stem"))
        segs.append((len(suf), "suffix"))
    else:
        segs.append((len(rest), "stem"))
    return tuple(segs)


@lru_cache(maxsize=300_000)
def _segment_surface(word: str) -> tuple[tuple[int, int, str], ...]:
    """Relative (start, end, kind) parts of an Arabic surface word (marks kept in the parts)."""
    key = strip_marks(word) if _MARK_RE.search(word) else word
    if not key:
        return ((0, len(word), "other"),)
    if key == word:
        pos = None
    else:
        marks_removed = strip_marks
        pos = [i for i, ch in enumerate(word) if marks_removed(ch)]
    out: list[tuple[int, int, str]] = []
    k = 0
    n = len(word)
    segs = _analyze(key)
    for idx, (ln, kind) in enumerate(segs):
        ks, ke = k, k + ln
        k = ke
        if pos is None:
            s, e = ks, ke
        else:
            s = pos[ks] if ks < len(pos) else n
            e = pos[ke] if ke < len(pos) else n
            if idx == 0:
                s = 0
        out.append((s, e, kind))
    return tuple(out)


def segment_word(word: str) -> list[tuple[str, str]]:
    """Split one surface word into ``(text, kind)`` parts (the texts join back to ``word``)."""
    if not word:
        return []
    m = _TOKEN_RE.fullmatch(word)
    if m is None or m.lastgroup not in ("ar", "cn"):
        toks = tokenize(word)
        return [(p.text, p.kind) for t in toks for p in t.parts]
    if m.lastgroup == "cn":
        return [(word[s:e], k) for s, e, k in _cn_parts(word)]
    return [(word[s:e], k) for s, e, k in _segment_surface(word)]


_CN_RE = regex.compile(r"([وف]?)([بلك]?)((?:ال)?\u0640*)(.*)", regex.S)


@lru_cache(maxsize=10_000)
def _cn_parts(word: str) -> tuple[tuple[int, int, str], ...]:
    m = _CN_RE.match(word)
    out = []
    for g, kind in ((1, "conj"), (2, "prep"), (3, "det"), (4, "num")):
        s, e = m.span(g)
        if e > s:
            if kind == "det" and word[s:e].strip("\u0640") == "":
                # bare tatweel after a preposition ("بـ3"): attach it to the previous part
                if out:
                    ps, pe, pk = out[-1]
                    out[-1] = (ps, e, pk)
                continue
            out.append((s, e, kind))
    return tuple(out)


_new = object.__new__
_P_START = Part.__dict__["start"].__set__
_P_END = Part.__dict__["end"].__set__
_P_TEXT = Part.__dict__["text"].__set__
_P_KIND = Part.__dict__["kind"].__set__
_T_START = Token.__dict__["start"].__set__
_T_END = Token.__dict__["end"].__set__
_T_TEXT = Token.__dict__["text"].__set__
_T_PARTS = Token.__dict__["parts"].__set__


def _part(s: int, e: int, t: str, k: str) -> Part:
    # same object as Part(s, e, t, k), built without the frozen dataclass __init__ (hot path)
    p = _new(Part)
    _P_START(p, s)
    _P_END(p, e)
    _P_TEXT(p, t)
    _P_KIND(p, k)
    return p


_SIMPLE_KIND = {"num": "num", "p": "punct", "o": "other"}


def tokenize(text: str) -> list[Token]:
    """Surface tokens of ``text`` with their clitic parts (offsets into ``text``)."""
    # Tokens and parts hold no reference cycles: pausing the cyclic collector while allocating
    # them saves a quarter of the time on long texts.
    was_enabled = gc.isenabled()
    if was_enabled:
        gc.disable()
    try:
        return _tokenize(text)
    finally:
        if was_enabled:
            gc.enable()


def _tokenize(text: str) -> list[Token]:
    out: list[Token] = []
    append = out.append
    seg = _segment_surface
    new = _new
    part = _part
    for m in _TOKEN_RE.finditer(text):
        s, e = m.span()
        t = m.group()
        g = m.lastgroup
        if g == "ar":
            rel = seg(t)
            if len(rel) == 1:
                parts = (part(s, e, t, rel[0][2]),)
            else:
                parts = tuple([part(s + a, s + b, t[a:b], k) for a, b, k in rel])
        elif g == "w":
            parts = (part(s, e, t, "num" if t.isdecimal() else "stem"),)
        elif g == "cn":
            parts = tuple([part(s + a, s + b, t[a:b], k) for a, b, k in _cn_parts(t)])
        else:
            parts = (part(s, e, t, _SIMPLE_KIND.get(g, "punct")),)
        tok = new(Token)
        _T_START(tok, s)
        _T_END(tok, e)
        _T_TEXT(tok, t)
        _T_PARTS(tok, parts)
        append(tok)
    return out
