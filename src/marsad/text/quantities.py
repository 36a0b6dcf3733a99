"""Counts in Arabic news text: numerals, number words, duals and vague amounts.

:func:`find_quantities` returns :class:`~marsad.model.Quantity` spans with a value and a status:

* ``exact``: ``43``, ``٤٣``, ``ثلاثة``, ``خمسة وعشرون``, ``أحد عشر``, ``مئتان``, ``3 آلاف``, duals
  such as ``قتيلان`` / ``جنديين`` (2), ``أحد الجنود`` (1);
* ``approx``: ``نحو`` ``قرابة`` ``حوالي`` ``زهاء`` ``ما يقارب`` ``ما يقرب من`` ``ما يناهز`` before, or
  ``تقريبا`` after, a number;
* ``at_least``: ``أكثر من`` ``ما لا يقل عن`` ``ما يزيد على`` ``ما يربو على`` ``تجاوز`` ``تخطى``
  before, ``على الأقل``
  after (or before) a number, a number announced as a ``حصيلة أولية`` (preliminary toll), and the
  vague plurals ``عشرات`` (value 20), ``مئات`` (200), ``آلاف`` (2000), ``عشرات الآلاف`` (20000);
* ``unspecified`` (value None): ``عدد من`` ``العديد من`` ``عدة`` ``بضعة``.

Numbers that belong to dates and times (``21 أكتوبر``, ``2015``, ``21/10/2025``, ``الساعة 10``) and
percentages are not counts and are left out.  Matching runs on the normalized text
(:mod:`marsad.text.normalize`) and spans are mapped back to the original.
"""
from __future__ import annotations

import re

from marsad.model import Quantity, Token
from marsad.text._scan import make_checker, register, windows
from marsad.text.normalize import TABLE, normalize_last

__all__ = ["find_quantities", "parse_number_words", "NUMBER_WORDS"]

# normalized number words -> (value, kind): kind u (unit 1-9), t (ten 10), d (tens 20-90),
# h (hundreds value), k (thousand multiplier), m (million), b (billion)
NUMBER_WORDS: dict[str, tuple[int, str]] = {}


def _add(words: str, value: int, kind: str) -> None:
    for w in words.split():
        NUMBER_WORDS[w] = (value, kind)


_add("واحد واحده احد احدي", 1, "u")
_add("اثنان اثنين اثنتان اثنتين اثنا اثني اثنتا اثنتي", 2, "u")
_add("ثلاث ثلاثه", 3, "u")
_add("اربع اربعه", 4, "u")
_add("خمس خمسه", 5, "u")
_add("ست سته", 6, "u")
_add("سبع سبعه", 7, "u")
_add("ثمان ثماني ثمانيه ثمانيا", 8, "u")
_add("تسع تسعه", 9, "u")
_add("عشر عشره", 10, "t")
for _stem, _v in (("عشر", 20), ("ثلاث", 30), ("اربع", 40), ("خمس", 50), ("ست", 60), ("سبع", 70),
                  ("ثمان", 80), ("تسع", 90)):
    _add(f"{_stem}ون {_stem}ين", _v, "d")
_add("ميه مايه", 100, "h")
_add("ميتان ميتين مايتان مايتين ميتا مايتا ميتي مايتي", 200, "h")
for _stem, _v in (("ثلاث", 300), ("اربع", 400), ("خمس", 500), ("ست", 600), ("سبع", 700),
                  ("ثمان", 800), ("ثماني", 800), ("تسع", 900)):
    _add(f"{_stem}ميه {_stem}مايه", _v, "h")
_add("الف الفا", 1000, "k")
_add("الفان الفين", 2000, "K")
_add("الاف الوف", 1000, "k")
_add("مليون مليونا ملايين", 1_000_000, "m")
_add("مليونان مليونين", 2_000_000, "M")
_add("مليار مليارا مليارات بليون", 1_000_000_000, "b")
_add("ملياران مليارين", 2_000_000_000, "B")

_UNITS_HUNDRED = {"ثلاث": 3, "اربع": 4, "خمس": 5, "ست": 6, "سبع": 7, "ثمان": 8, "ثماني": 8,
                  "تسع": 9}


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_NUMW = _alt(NUMBER_WORDS)
_MULT = _alt(["الف", "الفا", "الاف", "الالاف", "مليون", "مليونا", "ملايين", "الملايين", "مليار",
              "مليارا", "مليارات", "بليون"])
_MONTHS = _alt("""يناير فبراير مارس ابريل ابريل مايو يونيو يونيه يوليو يوليه اغسطس سبتمبر اكتوبر
نوفمبر ديسمبر جانفي فيفري افريل ماي جوان جويليه جويلية اوت كانون شباط اذار نيسان ايار حزيران تموز اب
ايلول تشرين محرم صفر ربيع جمادي رجب شعبان رمضان شوال ذو ذي""".split())

_PRE = r"(?:[وفبل]|وب|ول|فب|فل)?"
_DUALS = """قتيلان قتيلين جريحان جريحين جنديان جنديين شخصان شخصين طفلان طفلين طفلتان طفلتين امراتان
امراتين سيدتان سيدتين رجلان رجلين شابان شابين شقيقان شقيقين عنصران عنصرين شهيدان شهيدين ضابطان ضابطين
صاروخان صاروخين طايرتان طايرتين اسيران اسيرين قذيفتان قذيفتين سيارتان سيارتين مواطنان مدنيان عسكريان
مسلحان مقاتلان معتقلان مصابان انتحاريان جريحتين فتاتان فتاتين يومين يومان شهرين اسبوعين عامين سنتين
ساعتين"""
_DIG = r"\d+(?:[.,]\d+)*"

_APPROX = r"(?:نحو|نحوا من|قرابه|حوالي|زهاء|ما يقارب|يقارب|ما يقرب من|يقرب من|ما يناهز|يناهز|تقريبا)"
_ATLEAST = r"(?:اكثر من|ما لا يقل عن|لا يقل عن|ما يزيد عن|ما يزيد علي|يزيد عن|يزيد علي|ما يربو علي|يربو علي|علي الاقل|اكثر من|ما لا يقل عن|فوق|تجاوز|يتجاوز|تتجاوز|تخطي|يتخطي|تخطت|فاق|يفوق)"

_Q_RE = re.compile(
    r"(?<!\w)(?:(?P<pre1>" + _PRE + r")(?P<mod>" + _APPROX + "|" + _ATLEAST + r")\s+)?"
    r"(?:"
    r"(?P<dig>(?P<pre2>" + _PRE + r")(?:ال)?" + _DIG + r")(?:\s*(?P<dmul>" + _MULT + r")(?!\w))?"
    r"|(?P<words>(?P<pre3>" + _PRE + r")(?:ال)?(?:" + _NUMW + r")(?!\w)(?:\s+(?:و\s?)?(?:" + _NUMW
    + r")(?!\w))*)"
    r"|(?P<vague>(?P<pre4>" + _PRE + r")(?:ال)?(?:عشرات|ميات|مايات|مءات|الاف|الوف)(?:\s+(?:ال)?(?:الاف|الالاف|ملايين|الملايين))?)(?!\w)"
    r"|(?P<unsp>(?P<pre5>" + _PRE + r")(?:عدد من|العديد من|عده|بضعه|بضع))(?!\w)"
    r"|(?P<dual>(?P<pre6>" + _PRE + r")(?:ال)?(?:"
    + _alt(_DUALS.split()) + r"))(?!\w)"
    r")"
    r"(?:\s+(?P<post>تقريبا|علي الاقل))?"
)


_POST_RE = re.compile(r"\s+\w+\s+(تقريبا|علي الاقل)(?!\w)")
_TOLL_RE = re.compile(r"حصيله\s+(?:\w+\s+){0,1}(?:اوليه|غير نهاييه|مبدييه)")
_MONTH_NEAR_RE = re.compile(r"\s*(?:من\s+)?(?:شهر\s+)?(?:" + _MONTHS + r")(?!\w)")
_MONTH_BEFORE_RE = re.compile(r"(?<!\w)(?:" + _MONTHS + r"|الاول|الثاني|الاخر|الاولي|الاخره|القعده|الحجه)\s*[/(]?\s*(?:\w+\s*\)?\s*)?$")
_PERCENT_RE = re.compile(r"\s*(?:%|بالميه|بالمايه|في الميه|في المايه|بالمءه)")
_YEAR_WORD_RE = re.compile(r"(?:عام|العام|لعام|بعام|سنه|لسنه|العامين)\s*$")
_PUBLIC_RE = re.compile(r"(?:الامن|الراي|النايب|المدعي|الامين|المدير|القايد|المفتش)\s+العام\s*$")
_CLOCK_RE = re.compile(r"(?:الساعه|ساعه|تمام|الدقيقه)\s*$")
_NEG_RE = re.compile(r"(?:لم|لا|ولم|ولا|دون|بدون|من دون)\s+\w+\s*$")

_MULT_VALUE = {"الف": 1000, "الفا": 1000, "الاف": 1000, "الالاف": 1000, "مليون": 10**6,
               "مليونا": 10**6, "ملايين": 10**6, "الملايين": 10**6, "مليار": 10**9,
               "مليارا": 10**9, "مليارات": 10**9, "بليون": 10**9}
_DUAL_IS = 2


def _strip_prefix(w: str) -> str:
    for p in ("وال", "بال", "فال", "ال", "وب", "ول", "فب", "فل", "وك"):
        if w.startswith(p) and w[len(p):] in NUMBER_WORDS:
            return w[len(p):]
    if w[:1] in "وفبلك" and w[1:] in NUMBER_WORDS and w not in NUMBER_WORDS:
        return w[1:]
    return w


def parse_number_words(words: list[str]) -> int | None:
    """Value of a sequence of normalized number words (``["خمسه", "وعشرون"]`` -> 25)."""
    total = 0
    current = 0
    prev_kind = ""
    seen = False
    for raw in words:
        w = raw if raw in NUMBER_WORDS else raw.translate(TABLE)
        joined = False
        if w not in NUMBER_WORDS and w.startswith("و") and w[1:] in NUMBER_WORDS:
            w = w[1:]
            joined = True
        w = _strip_prefix(w) if w not in NUMBER_WORDS else w
        if w not in NUMBER_WORDS:
            return None
        v, kind = NUMBER_WORDS[w]
        seen = True
        if kind == "t" and prev_kind == "u" and not joined:
            current += 10                            # خمسة عشر
        elif kind in ("u", "t", "d"):
            current += v
        elif kind == "h":
            if prev_kind == "u" and not joined and v == 100:
                current = current * 100              # ثلاث مئة
            else:
                current += v
        elif kind in ("k", "m", "b"):
            total += (current or 1) * v
            current = 0
        elif kind in ("K", "M", "B"):
            total += v
            current = 0
        prev_kind = kind
    if not seen:
        return None
    return total + current


def _num_value(s: str) -> int | float | None:
    s = s.lstrip("وفبلك")
    if s.startswith("ال"):
        s = s[2:]
    s = s.lstrip("وفبلك")
    if not s:
        return None
    if "," in s and "." not in s:
        parts = s.split(",")
        if all(len(p) == 3 for p in parts[1:]):
            s = "".join(parts)              # thousands separators
        else:
            s = s.replace(",", ".", 1).replace(",", "")
    else:
        s = s.replace(",", "")
    try:
        if s.count(".") > 1:
            return None
        f = float(s)
    except ValueError:
        return None
    return int(f) if f.is_integer() and "." not in s else f


_TRIGGER_WORDS = set(NUMBER_WORDS) | {
    "عشرات", "ميات", "مايات", "الاف", "الوف", "الالاف", "عدد", "عده", "العديد", "بضعه", "بضع",
} | set(_DUALS.split())
_BIT = register(make_checker(_TRIGGER_WORDS, digits=True))


def _matches(nt: str):
    for ws, we in windows(nt, _BIT, before=25, after=45):
        yield from _Q_RE.finditer(nt, ws, we)


def find_quantities(text: str, tokens: list[Token] | None = None) -> list[Quantity]:
    """Counts in ``text`` (spans into ``text``) with value and status."""
    norm = normalize_last(text)
    nt = norm.text
    out: list[Quantity] = []
    for m in _matches(nt):
        value: int | float | None = None
        status = "exact"
        s, e = m.span()
        core_s = m.start("dig") if m.group("dig") is not None else None
        if m.group("dig") is not None:
            ds, de = m.span("dig")
            after = nt[de:de + 30]
            before = nt[max(0, ds - 30):ds]
            if after[:1] in ("/", ":", "-") and after[1:2].isdecimal():
                continue
            if before[-1:] in ("/", ":", "-") and before[-2:-1].isdecimal():
                continue
            if _PERCENT_RE.match(after):
                continue
            if m.group("dmul") is None:
                if _MONTH_NEAR_RE.match(after) or _MONTH_BEFORE_RE.search(before):
                    continue
                digits = m.group("dig").lstrip("وفبلكال")
                if len(digits) == 4 and digits.isdecimal() and (1300 <= int(digits) <= 1500 or
                                                              1900 <= int(digits) <= 2100):
                    continue
                if (_YEAR_WORD_RE.search(before) and not m.group("pre2")
                        and not _PUBLIC_RE.search(before)) or _CLOCK_RE.search(before):
                    # "عام 15" is a year, but "الأمن العام و4 مسلحين" is a count
                    continue
                if after[:2] in (" م", " ه") and (len(after) < 3 or not after[2].isalpha()):
                    continue
            value = _num_value(m.group("dig"))
            if value is None:
                continue
            if m.group("dmul"):
                value = value * _MULT_VALUE[m.group("dmul")]
                if isinstance(value, float) and value.is_integer():
                    value = int(value)
        elif m.group("words") is not None:
            ws = m.group("words").split()
            first = _strip_prefix(ws[0])
            after = nt[m.end("words"):m.end("words") + 20]
            if first == "احد" and len(ws) == 1:
                # "أحد" is a count only as "one of": أحد الجنود / أحدهم
                nxt = after.lstrip()
                if not nxt.startswith("ال") or _NEG_RE.search(nt[max(0, s - 30):s]):
                    continue
            if first == "احدي" and len(ws) == 1 and not after.lstrip().startswith("ال"):
                continue
            if ws[0].startswith("ال") and len(ws) == 1 and first in ("احد", "احدي", "اثنين"):
                continue                             # الأحد / الاثنين = Sunday / Monday
            w0 = ws[0]
            if first in ("ميه", "مايه") and (w0.startswith(("ال", "بال", "وال")) or
                                            nt[max(0, s - 3):s].endswith("في ")):
                continue                             # "في المئة" / "بالمئة": per cent
            if _MONTH_NEAR_RE.match(after) and len(ws) <= 2:
                pass
            value = parse_number_words(ws)
            if value is None:
                continue
            if first in ("الاف", "الوف", "ملايين", "مليارات"):
                value = 2 * NUMBER_WORDS[first][0]
                status = "at_least"
        elif m.group("vague") is not None:
            v = m.group("vague")
            status = "at_least"
            base = 20 if "عشرات" in v else 200 if ("ميات" in v or "مايات" in v or "مءات" in v) \
                else 2000
            if re.search(r"(?:الاف|الالاف)$", v) and "عشرات" in v or "ميات" in v and v.endswith("الاف"):
                base *= 1000
            elif v.endswith("ملايين") or v.endswith("الملايين"):
                base *= 10**6
            value = base
        elif m.group("unsp") is not None:
            status = "unspecified"
            value = None
        elif m.group("dual") is not None:
            value = 2
        mod = m.group("mod")
        post = m.group("post")
        if not post:
            pm = _POST_RE.match(nt, e)
            if pm:
                post = pm.group(1)
        if mod:
            if re.fullmatch(_APPROX, mod):
                status = "approx" if status == "exact" else status
            else:
                status = "at_least" if status != "unspecified" else status
        if post:
            if post == "تقريبا":
                status = "approx" if status == "exact" else status
            else:
                status = "at_least" if status != "unspecified" else status
        if status == "exact" and value is not None:
            ctx = nt[max(0, s - 60):s]
            if _TOLL_RE.search(ctx) and "." not in ctx[ctx.rfind("حصيله"):]:
                status = "at_least"
        if mod:
            s = m.start("mod")
        else:
            for g in ("pre2", "pre3", "pre4", "pre5", "pre6"):
                if m.group(g) is not None:
                    s = max(s, m.end(g))
                    break
        os_, oe = norm.to_original(s, e)
        # trim trailing whitespace that the mapping may include
        while oe > os_ and text[oe - 1].isspace():
            oe -= 1
        out.append(Quantity(os_, oe, text[os_:oe], value, status))
        del core_s
    return out
