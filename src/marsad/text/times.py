"""Time expressions in Arabic news text, resolved against the publication date.

:func:`find_times` finds

* explicit dates: ``21 أكتوبر 2025``, with Levantine (``كانون الثاني`` … ``تشرين الأول``, ``شباط``,
  ``آذار``, ``أيلول``), Egyptian/Gulf (``يناير`` … ``ديسمبر``) and Maghrebi (``جانفي``, ``فيفري``,
  ``أفريل``, ``جوان``, ``جويلية``, ``أوت``) month names, double forms (``شباط/فبراير``,
  ``تشرين الأول (أكتوبر)``), an optional weekday before (``الثلاثاء 21 أكتوبر``); month and year
  (``أكتوبر 2025``) and a month alone in a date context (``في أكتوبر الماضي``, ``شهر آذار``) with
  month precision; ``مطلع/منتصف/أواخر`` a month (1–10, 11–20, 21–end, week precision);
* numeric dates ``٢١/١٠/٢٠٢٥``, ``21-10-2025``, ``2025-10-21``, ``21.10.2025``;
* Hijri dates (``5 شوال 1436 هـ``, ``1436/10/5 هـ``), converted with the Umm al-Qura calendar when
  the optional ``hijridate`` package is installed, else with the arithmetic (tabular) Islamic
  calendar, which is within a day or two of it;
* weekdays: ``يوم الثلاثاء``, ``أمس الثلاثاء``, ``اليوم (الاثنين)``, ``السبت الماضي``, ``الجمعة المقبل``,
  ``فجر الأحد``, ``ليل الثلاثاء – الأربعاء`` (a range); a weekday means the last such day on or before
  the publication date (the next one after ``المقبل``/``القادم``);
* relative expressions: ``اليوم``, ``أمس``, ``أول أمس``, ``غداً``, ``بعد غد``, ``الليلة الماضية`` and
  ``ليلة أمس`` (previous day to publication day: a night spans two dates), ``فجر اليوم``,
  ``بعد منتصف الليل``, ``منذ ثلاثة أيام``, ``قبل يومين``, ``قبل أسبوع`` (week precision),
  ``الأسبوع الماضي`` (the seven days before publication, week precision), ``الشهر الماضي``,
  ``الشهر الجاري`` (month precision), ``مطلع الشهر الجاري`` (days 1–10, week precision),
  ``خلال الساعات الـ24 الماضية`` (publication day and the day before).

Precision follows ACLED: 1 day, 2 week, 3 month.  ``value`` is ``YYYY-MM-DD`` (or ``YYYY-MM`` for
month precision), ``end_value`` the last day of a range.  Without a publication date relative
expressions get ``value=None``; absolute dates are still resolved.
"""
from __future__ import annotations

import calendar
import datetime as dt
from typing import Callable

import re

from marsad.model import TimeExpr
from marsad.text._scan import make_checker, register, windows
from marsad.text.normalize import normalize, normalize_last
from marsad.text.quantities import NUMBER_WORDS, parse_number_words

__all__ = ["find_times", "hijri_to_gregorian", "MONTHS", "WEEKDAYS"]

# ----------------------------------------------------------------------------- vocabularies
# normalized month names -> month number
MONTHS: dict[str, int] = {}
for _m, _names in {
    1: "يناير كانون الثاني|جانفي|كانون ثاني|يناير",
    2: "فبراير|شباط|فيفري|فبرير",
    3: "مارس|اذار",
    4: "ابريل|نيسان|افريل|أبريل",
    5: "مايو|ايار|ماي",
    6: "يونيو|يونيه|حزيران|جوان",
    7: "يوليو|يوليه|تموز|جويليه|يوليوز",
    8: "اغسطس|اب|اوت|غشت",
    9: "سبتمبر|ايلول|شتنبر",
    10: "اكتوبر|تشرين الاول|تشرين اول",
    11: "نوفمبر|تشرين الثاني|تشرين ثاني|نونبر",
    12: "ديسمبر|كانون الاول|كانون اول|دجنبر",
}.items():
    for _n in _names.replace("يناير كانون الثاني", "يناير|كانون الثاني").split("|"):
        MONTHS[normalize(_n).text] = _m

HIJRI_MONTHS: dict[str, int] = {}
for _m, _names in {
    1: "محرم", 2: "صفر", 3: "ربيع الاول|ربيع اول", 4: "ربيع الثاني|ربيع الاخر|ربيع ثاني",
    5: "جمادي الاولي|جمادي الاول", 6: "جمادي الاخره|جمادي الثانيه|جمادي الاخر|جمادي الثاني",
    7: "رجب", 8: "شعبان", 9: "رمضان", 10: "شوال", 11: "ذو القعده|ذي القعده",
    12: "ذو الحجه|ذي الحجه",
}.items():
    for _n in _names.split("|"):
        HIJRI_MONTHS[_n] = _m

# Python weekday numbers (Monday 0)
WEEKDAYS: dict[str, int] = {
    "الاثنين": 0, "الاتنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعه": 4,
    "السبت": 5, "الاحد": 6,
}

_ORDINAL_DAYS: dict[str, int] = {}
for _w, _v in {
    "الاول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الخامس": 5, "السادس": 6, "السابع": 7,
    "الثامن": 8, "التاسع": 9, "العاشر": 10, "الحادي عشر": 11, "الثاني عشر": 12,
    "الثالث عشر": 13, "الرابع عشر": 14, "الخامس عشر": 15, "السادس عشر": 16, "السابع عشر": 17,
    "الثامن عشر": 18, "التاسع عشر": 19, "العشرين": 20, "الحادي والعشرين": 21,
    "الثاني والعشرين": 22, "الثالث والعشرين": 23, "الرابع والعشرين": 24, "الخامس والعشرين": 25,
    "السادس والعشرين": 26, "السابع والعشرين": 27, "الثامن والعشرين": 28, "التاسع والعشرين": 29,
    "الثلاثين": 30, "الحادي والثلاثين": 31,
}.items():
    _ORDINAL_DAYS[_w] = _v


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w).replace("\\ ", r"\s+").replace(" ", r"\s+") for w in words),
                           key=len, reverse=True))


_MON = _alt(MONTHS)
_HMON = _alt(HIJRI_MONTHS)
_WD = _alt(WEEKDAYS)
_ORD = _alt(_ORDINAL_DAYS)
_B = r"(?<!\w)"
_E = r"(?!\w)"
_P = r"(?:[وفبل]|وب|ول|فب|فل)?"           # attached conjunction / preposition
_DASH = r"\s*(?:-|/|الي|و)\s*"
_PAST = r"(?:الماضي|الماضيه|المنصرم|المنصرمه|الفايت|الفايته|السابق|الاخير|الاخيره)"
_NEXT = r"(?:المقبل|المقبله|القادم|القادمه)"
_CUR = r"(?:الجاري|الجاريه|الحالي|الحاليه)"
_DAYPART = r"(?:يوم|نهار|صباح|صبيحه|مساء|مسا|ظهر|عصر|فجر|ضحي|ظهيره|بعد\s+ظهر|قبيل\s+ظهر|قبيل\s+فجر|قرابه\s+منتصف\s+ليل|عشيه|غداه)"
_NIGHT = r"(?:ليل|ليله|منتصف\s+ليل|بعد\s+منتصف\s+ليل|قبيل\s+منتصف\s+ليل)"
_YEAR = r"(?:\s*[,،]?\s*(?:من\s+)?(?:عام|العام|سنه|لعام)?\s*(?P<year>\d{4}))?(?:\s*م(?!\w))?"
_MONTHX = r"(?P<mon>" + _MON + r")(?:\s*[/(\-]\s*(?:" + _MON + r")\s*\)?)?"
_EARLY = r"(?P<part>مطلع|بدايه|اوايل|اول|مستهل|منتصف|اواسط|اواخر|نهايه|اخر|ختام)"

# ----------------------------------------------------------------------------- helpers


try:  # Umm al-Qura calendar (the official Saudi one) when the optional package is installed
    from hijridate import Hijri as _UQHijri
except ImportError:  # pragma: no cover - depends on the environment
    _UQHijri = None


def _tabular_to_gregorian(year: int, month: int, day: int) -> dt.date:
    jdn = (11 * year + 3) // 30 + 354 * year + 30 * month - (month - 1) // 2 + day + 1948440 - 385
    return dt.date.fromordinal(jdn - 1721425)


def hijri_to_gregorian(year: int, month: int, day: int) -> dt.date:
    """A Hijri date as a Gregorian date: Umm al-Qura (``hijridate``, 1343-1500 AH) when available,
    else the arithmetic (tabular) Islamic calendar, which is within a day or two of it."""
    if _UQHijri is not None and 1343 <= year <= 1500:
        try:
            g = _UQHijri(year, month, day).to_gregorian()
            return dt.date(g.year, g.month, g.day)
        except (ValueError, OverflowError):
            if day == 30:                            # a 29-day month in Umm al-Qura
                return hijri_to_gregorian(year, month, 29) + dt.timedelta(days=1)
            raise
    return _tabular_to_gregorian(year, month, day)


def _gregorian_to_hijri_year(d: dt.date) -> int:
    jdn = d.toordinal() + 1721425
    return (30 * (jdn - 1948440) + 10646) // 10631


def _iso(d: dt.date) -> str:
    return d.isoformat()


def _month_iso(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _nearest_year(month: int, day: int, pub: dt.date | None) -> int | None:
    if pub is None:
        return None
    best = None
    for y in (pub.year - 1, pub.year, pub.year + 1):
        d = _safe_date(y, month, min(day, calendar.monthrange(y, month)[1]))
        if d is None:
            continue
        delta = (d - pub).days
        cost = abs(delta) * (1.0 if delta <= 0 else 4.0)
        if best is None or cost < best[0]:
            best = (cost, y)
    return best[1] if best else None


def _day_year(month: int, day: int, mod: str | None, pub: dt.date | None) -> int | None:
    """Year of a day-and-month date without a year: ``الماضي`` the last one before publication,
    ``المقبل`` the next one after it, else the one nearest to publication."""
    if pub is None:
        return None
    kind = _modkind(mod)
    if kind in ("past", "next"):
        for y in ((pub.year, pub.year - 1) if kind == "past" else (pub.year, pub.year + 1)):
            d = _safe_date(y, month, min(day, calendar.monthrange(y, month)[1]))
            if d is not None and ((d < pub) if kind == "past" else (d > pub)):
                return y
    return _nearest_year(month, day, pub)


def _month_year(month: int, mod: str | None, pub: dt.date | None) -> int | None:
    if pub is None:
        return None
    if mod == "past":
        return pub.year if month < pub.month else pub.year - 1
    if mod == "next":
        return pub.year if month > pub.month else pub.year + 1
    if mod == "cur":
        return pub.year
    return _nearest_year(month, 15, pub)


def _modkind(s: str | None) -> str | None:
    if not s:
        return None
    if re.fullmatch(_PAST, s):
        return "past"
    if re.fullmatch(_NEXT, s):
        return "next"
    if re.fullmatch(_CUR, s):
        return "cur"
    return None


def _weekday_date(wd: int, pub: dt.date, mod: str | None) -> dt.date:
    if mod == "next":
        delta = (wd - pub.weekday()) % 7 or 7
        return pub + dt.timedelta(days=delta)
    delta = (pub.weekday() - wd) % 7
    if mod == "past" and delta == 0:
        delta = 7
    return pub - dt.timedelta(days=delta)


def _part_range(y: int, m: int, part: str) -> tuple[dt.date, dt.date]:
    last = calendar.monthrange(y, m)[1]
    if part in ("مطلع", "بدايه", "اوايل", "اول", "مستهل"):
        return dt.date(y, m, 1), dt.date(y, m, 10)
    if part in ("منتصف", "اواسط"):
        return dt.date(y, m, 11), dt.date(y, m, 20)
    return dt.date(y, m, 21), dt.date(y, m, last)


def _count(word: str) -> int | None:
    """A small count written as digits or words: '3', 'ثلاثه', 'الـ24'."""
    w = word.strip()
    if w.startswith("ال"):
        w = w[2:]
    if w.isdecimal():
        return int(w)
    v = parse_number_words(w.split())
    return v


Result = tuple[str | None, str | None, int] | None
Handler = Callable[[re.Match, dt.date | None], Result]
_RULES: list[tuple[re.Pattern, Handler]] = []


def _rule(pattern: str):
    def deco(fn: Handler) -> Handler:
        _RULES.append((re.compile(pattern), fn))
        return fn
    return deco


def _day(d: dt.date | None, end: dt.date | None = None, prec: int = 1) -> Result:
    if d is None:
        return (None, None, prec)
    return (_iso(d), _iso(end) if end is not None and end != d else None, prec)


def _rel(pub: dt.date | None, days: int, end_days: int | None = None, prec: int = 1) -> Result:
    if pub is None:
        return (None, None, prec)
    d = pub + dt.timedelta(days=days)
    e = pub + dt.timedelta(days=end_days) if end_days is not None else None
    return _day(d, e, prec)


# ----------------------------------------------------------------------------- rules
_WEEKDAY_OPT = r"(?:(?:يوم\s+)?(?:" + _WD + r")\s*[,،]?\s*(?:الموافق\s+)?)?"


_DM_MOD = r"(?:\s+(?P<mod>" + _PAST + "|" + _NEXT + "|" + _CUR + r"))?"


@_rule(_B + _P + _WEEKDAY_OPT + r"(?P<day>\d{1,2})\s*(?:من\s+)?(?:شهر\s+)?" + _MONTHX + _YEAR
       + _DM_MOD + _E)
def _r_day_month(m, pub):
    day = int(m.group("day"))
    mon = MONTHS[re.sub(r"\s+", " ", m.group("mon"))]
    y = int(m.group("year")) if m.group("year") else _day_year(mon, day, m.group("mod"), pub)
    if y is None:
        return (None, None, 1)
    d = _safe_date(y, mon, day)
    return _day(d) if d else None


@_rule(_B + _P + _WEEKDAY_OPT + r"(?P<ord>" + _ORD + r")\s+(?:من\s+)?(?:شهر\s+)?" + _MONTHX + _YEAR
       + _DM_MOD + _E)
def _r_ord_month(m, pub):
    day = _ORDINAL_DAYS.get(re.sub(r"\s+", " ", m.group("ord")))
    if day is None:
        return None
    mon = MONTHS[re.sub(r"\s+", " ", m.group("mon"))]
    y = int(m.group("year")) if m.group("year") else _day_year(mon, day, m.group("mod"), pub)
    if y is None:
        return (None, None, 1)
    d = _safe_date(y, mon, day)
    return _day(d) if d else None


def _month_and_year(m, pub) -> tuple[int, int | None]:
    """The month a match names and its year: the written year, else the one its modifier
    ("الماضي", "المقبل") or the publication date implies."""
    mon = MONTHS[re.sub(r"\s+", " ", m.group("mon"))]
    if m.group("year"):
        return mon, int(m.group("year"))
    return mon, _month_year(mon, _modkind(m.group("mod")), pub)


@_rule(_B + _P + r"(?:(?P<kw>شهر|خلال|في|منذ|حتي|من)\s+)?(?:شهر\s+)?" + _MONTHX
       + r"(?:\s*[,،]?\s*(?:من\s+)?(?:عام|العام|سنه)?\s*(?P<year>\d{4})(?:\s*م(?!\w))?|\s+(?P<mod>"
       + _PAST + "|" + _NEXT + "|" + _CUR + r"))" + _E)
def _r_month_year(m, pub):
    mon, y = _month_and_year(m, pub)
    if y is None:
        return (None, None, 3)
    return (_month_iso(y, mon), None, 3)


@_rule(_B + r"(?P<kw>شهر|خلال|في|منذ|حتي|مطلع|منتصف)\s+" + _MONTHX + _E)
def _r_month_ctx(m, pub):
    name = re.sub(r"\s+", " ", m.group("mon"))
    if name in ("اب", "ماي", "مارس") and m.group("kw") != "شهر":
        return None
    mon = MONTHS[name]
    if m.group("kw") in ("مطلع", "منتصف"):
        return None
    y = _month_year(mon, None, pub)
    if y is None:
        return (None, None, 3)
    return (_month_iso(y, mon), None, 3)


@_rule(_B + _P + _EARLY + r"\s+(?:شهر\s+)?" + _MONTHX
       + r"(?:\s*[,،]?\s*(?:من\s+)?(?:عام|العام|سنه)?\s*(?P<year>\d{4})|\s+(?P<mod>" + _PAST + "|"
       + _NEXT + "|" + _CUR + r"))?" + _E)
def _r_part_month(m, pub):
    mon, y = _month_and_year(m, pub)
    if y is None:
        return (None, None, 2)
    a, b = _part_range(y, mon, m.group("part"))
    return _day(a, b, 2)


@_rule(_B + _P + _EARLY + r"\s+(?:(?P<this>هذا)\s+)?(?:ال)?شهر(?:\s+(?P<mod>" + _PAST + "|" + _NEXT
       + "|" + _CUR + r"))?" + _E)
def _r_part_this_month(m, pub):
    mod = _modkind(m.group("mod"))
    if mod is None and not m.group("this") and not m.group(0).rstrip().endswith("الشهر"):
        return None
    if pub is None:
        return (None, None, 2)
    k = -1 if mod == "past" else 1 if mod == "next" else 0
    y, mo = _add_months(pub.year, pub.month, k)
    a, b = _part_range(y, mo, m.group("part"))
    if mod in (None, "cur") and b > pub and a <= pub:
        b = pub
    return _day(a, b, 2)


@_rule(_B + _P + r"(?:(?:ال)?شهر\s+(?P<mod>" + _PAST + "|" + _NEXT + "|" + _CUR + r")|هذا\s+الشهر)" + _E)
def _r_this_month(m, pub):
    mod = _modkind(m.group("mod")) if m.group("mod") else "cur"
    if pub is None:
        return (None, None, 3)
    k = -1 if mod == "past" else 1 if mod == "next" else 0
    y, mo = _add_months(pub.year, pub.month, k)
    return (_month_iso(y, mo), None, 3)


@_rule(_B + _P + r"(?:(?:ال)?اسبوع\s+(?P<mod>" + _PAST + "|" + _NEXT + "|" + _CUR
       + r")|هذا\s+الاسبوع|(?P<before>(?:ال)?اسبوع\s+(?:ما\s+)?قبل\s+(?:ال)?ماضي)"
       r"|مطلع\s+(?:ال)?اسبوع(?:\s+(?P<mod2>" + _CUR + "|" + _PAST + r"))?)" + _E)
def _r_week(m, pub):
    if pub is None:
        return (None, None, 2)
    if m.group("before"):
        return _rel(pub, -14, -8, 2)
    mod = _modkind(m.group("mod") or m.group("mod2")) or "cur"
    if m.group(0).lstrip("وفبل").startswith("مطلع"):
        if mod == "past":
            return _rel(pub, -13, -10, 2)
        return _rel(pub, -6, -4 if pub.weekday() != 6 else 0, 2) if False else \
            _day(pub - dt.timedelta(days=(pub.weekday() + 1) % 7),
                 min(pub, pub - dt.timedelta(days=(pub.weekday() + 1) % 7) + dt.timedelta(days=2)), 2)
    if mod == "past":
        return _rel(pub, -7, -1, 2)
    if mod == "next":
        return _rel(pub, 1, 7, 2)
    return _rel(pub, -6, 0, 2)


@_rule(_B + r"(?:(?:خلال|في|منذ)\s+)?(?:غضون\s+)?(?:"
       r"(?:ال)?ساعات\s+(?:ال)?(?P<n1>\d{1,3})\s+(?:ال)?(?:ماضيه|اخيره|الماضيه|الاخيره)"
       r"|(?:ال)?(?P<n2>\d{1,3})\s+ساعه\s+(?:ال)?(?:ماضيه|اخيره|الماضيه|الاخيره)"
       r"|(?:ال)?ساعات\s+(?:ال)?(?:ماضيه|اخيره|الماضيه|الاخيره|القليله\s+الماضيه)"
       r"|(?:ال)?يومين\s+(?:ال)?(?:ماضيين|اخيرين|الماضيين|الاخيرين)"
       r"|(?:ال)?ايام\s+(?:ال)?(?P<days>(?:\d{1,2}|ثلاثه|الثلاثه|اربعه|الاربعه|خمسه|الخمسه|سبعه|السبعه|عشره|العشره)\s+)?(?:ال)?(?:ماضيه|اخيره|الماضيه|الاخيره|القليله\s+الماضيه))"
       + _E)
def _r_last_hours(m, pub):
    t = m.group(0)
    n = m.group("n1") or m.group("n2")
    if "يومين" in t:
        return _rel(pub, -2, 0, 1)
    if "ايام" in t:
        k = _count(m.group("days")) if m.group("days") else 7
        return _rel(pub, -(k or 7), 0, 2 if (k or 7) > 3 else 1)
    hours = int(n) if n else 24
    days = max(1, -(-hours // 24))
    return _rel(pub, -days, 0, 1 if days <= 3 else 2)


_NUMW = _alt(NUMBER_WORDS)


@_rule(_B + _P + r"(?P<akw>منذ|قبل|بعد)\s+(?:(?:نحو|حوالي|قرابه|زهاء|اكثر\s+من|اقل\s+من)\s+)?(?:(?P<n>\d{1,3}|(?:" + _NUMW + r"))\s+)?(?P<unit>"
       r"يوما|يوم|ايام|يومين|اسبوع|اسبوعا|اسابيع|اسبوعين|شهر|شهرا|اشهر|شهور|شهرين|ساعات|ساعه|ساعتين)" + _E)
def _r_ago(m, pub):
    unit = m.group("unit")
    n = m.group("n")
    if unit in ("يومين", "اسبوعين", "شهرين", "ساعتين"):
        k = 2
    elif n:
        k = _count(n)
        if k is None:
            return None
    else:
        if unit in ("ايام", "اسابيع", "اشهر", "شهور", "ساعات"):
            k = None                                 # "منذ أيام": a few
        else:
            k = 1
    sign = 1 if m.group("akw") == "بعد" else -1
    if m.group("akw") != "منذ" and re.match(r"\s+(?:من|علي)(?!\w)", m.string[m.end():m.end() + 5]):
        return None                                 # "قبل يومين من الانتخابات": another anchor
    if unit.startswith("ساع"):
        if k is not None and k >= 24:
            return _rel(pub, sign * (k // 24), None, 1)
        return _rel(pub, 0, None, 1)
    if unit in ("يوما", "يوم", "ايام", "يومين"):
        if k is None:
            return _rel(pub, -7, -1, 2) if sign < 0 else _rel(pub, 1, 7, 2)
        return _rel(pub, sign * k, None, 1)
    if unit.startswith("اسب") or unit == "اسابيع":
        if k is None:
            return _rel(pub, -28, -7, 3) if False else None
        return _rel(pub, sign * 7 * k, None, 2)
    # months
    if k is None or pub is None:
        return (None, None, 3) if pub is None else None
    y, mo = _add_months(pub.year, pub.month, sign * k)
    return (_month_iso(y, mo), None, 3)


@_rule(_B + _P + r"(?:(?P<part>" + _DAYPART + r"|" + _NIGHT + r")\s+)?(?:يوم\s+)?(?:(?P<ams>امس|الامس|البارحه|غدا|غد)\s+)?"
       r"(?P<wd>" + _WD + r")(?:\s*(?:-|/|الي|و)\s*(?P<wd2>" + _WD + r"))?(?:\s+(?P<mod>" + _PAST + "|" + _NEXT + r"))?" + _E)
def _r_weekday(m, pub):
    wd = WEEKDAYS[m.group("wd")]
    part = m.group("part") or ""
    if pub is None:
        return (None, None, 1)
    if m.group("ams") in ("غدا", "غد"):
        d = pub + dt.timedelta(days=1)
        if d.weekday() != wd:
            d = _weekday_date(wd, pub, "next")
    elif m.group("ams"):
        d = pub - dt.timedelta(days=1)
        if d.weekday() != wd:
            d = _weekday_date(wd, pub, "past")
    else:
        d = _weekday_date(wd, pub, _modkind(m.group("mod")))
    if m.group("wd2"):
        wd2 = WEEKDAYS[m.group("wd2")]
        if (wd + 1) % 7 == wd2:
            e = d + dt.timedelta(days=1)
            if e > pub and d - dt.timedelta(days=7) + dt.timedelta(days=1) <= pub and \
                    not m.group("mod"):
                d, e = d - dt.timedelta(days=7), e - dt.timedelta(days=7)
            return _day(d, e, 1)
        return _day(d, None, 1)
    if "ليل" in part:
        return _day(d, d + dt.timedelta(days=1), 1)
    return _day(d, None, 1)


@_rule(_B + _P + r"(?:(?P<part>" + _DAYPART + r"|" + _NIGHT + r")\s+)?(?P<today>اليوم)\s*[(\-،,]?\s*(?P<wd>" + _WD + r")\s*\)?")
def _r_today_wd(m, pub):
    if "ليل" in (m.group("part") or "") and "منتصف" not in (m.group("part") or ""):
        return _rel(pub, 0, 1)
    return _rel(pub, 0)


@_rule(_B + _P + r"(?:(?P<part>" + _DAYPART + r"|" + _NIGHT + r")\s+)?(?P<word>"
       r"اليوم(?!\s+(?:(?!" + _WD + r")ال\w+|\d))|امس\s+الاول|اول\s+(?:من\s+)?امس|امس|الامس|البارحه"
       r"|بعد\s+غد|غدا|الغد|غد|يوم\s+غد"
       r"|الليله\s+(?:الماضيه|قبل\s+الماضيه|البارحه)|الليله)" + _E)
def _r_relword(m, pub):
    w = re.sub(r"\s+", " ", m.group("word"))
    part = (m.group("part") or "").strip()
    night = "ليل" in part or w.startswith("الليله")
    if w == "اليوم":
        base = 0
    elif w in ("امس الاول", "اول امس", "اول من امس"):
        base = -2
    elif w in ("امس", "الامس", "البارحه"):
        base = -1
    elif w in ("غدا", "الغد", "غد", "يوم غد"):
        base = 1
    elif w == "بعد غد":
        base = 2
    elif w == "الليله قبل الماضيه":
        return _rel(pub, -2, -1, 1)
    elif w.startswith("الليله ") :
        return _rel(pub, -1, 0, 1)
    elif w == "الليله":
        return _rel(pub, 0, 1, 1)
    else:
        return None
    if w in ("غد", "الغد") and not part:
        before = m.string[max(0, m.start() - 4):m.start()]
        if not (w == "الغد" and re.search(r"(?:في|منذ|حتي|الي)\s+$", before)):
            return None                             # "مكتبة الغد": a name, not tomorrow
    if night and "منتصف" not in part or "بعد منتصف" in part:
        if "بعد منتصف" in part:
            return _rel(pub, base, None, 1)
        return _rel(pub, base, base + 1 if base < 0 else base + 1, 1)
    return _rel(pub, base, None, 1)


@_rule(_B + _P + r"(?:بعد|قبيل|قبل|عند|حوالي|نحو)\s+منتصف\s+(?:ال)?ليل(?:ه)?(?!\s+(?:" + _WD
       + r"|امس|الاحد|اليوم))" + _E)
def _r_midnight(m, pub):
    if m.group(0).lstrip("وفبل").startswith(("قبيل", "قبل")):
        return _rel(pub, -1, None, 1)               # the evening before publication
    return _rel(pub, -1, 0, 1)


_NUM_DATE_RE = (_B + r"(?P<a>\d{1,4})(?P<sep>[/.\-])(?P<b>\d{1,2})(?P=sep)(?P<c>\d{1,4})"
                r"(?!\d|[.,]\d)(?:\s*(?P<h>ه|هـ)(?!\w)|\s*م(?!\w))?")


@_rule(_NUM_DATE_RE)
def _r_numeric(m, pub):
    a, b, c = m.group("a"), m.group("b"), m.group("c")
    hijri = bool(m.group("h"))
    if len(a) == 4:
        y, mo, d = int(a), int(b), int(c)
    elif len(c) in (2, 4):
        d, mo, y = int(a), int(b), int(c)
        if len(c) == 2:
            y += 2000 if y < 50 else 1900
        if mo > 12 and d <= 12:
            d, mo = mo, d
    else:
        return None
    if 1300 <= y <= 1500 or hijri:
        hijri = True
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    if hijri:
        if d > 30:
            return None
        g = hijri_to_gregorian(y, mo, d)
        return _day(g)
    if not (1800 <= y <= 2200):
        return None
    dd = _safe_date(y, mo, d)
    return _day(dd) if dd else None


@_rule(_B + _P + _WEEKDAY_OPT + r"(?P<day>\d{1,2})\s*(?:من\s+)?(?:شهر\s+)?(?P<hmon>" + _HMON
       + r")(?:\s*[,،]?\s*(?:من\s+)?(?:عام|العام|سنه)?\s*(?P<year>1[345]\d\d))?(?:\s*(?:ه|هـ)(?!\w))?" + _E)
def _r_hijri(m, pub):
    day = int(m.group("day"))
    mon = HIJRI_MONTHS[re.sub(r"\s+", " ", m.group("hmon"))]
    if not 1 <= day <= 30:
        return None
    return _hijri_day(day, mon, m.group("year"), pub)


def _hijri_day(day: int, mon: int, year: str | None, pub: dt.date | None) -> Result:
    if year:
        y = int(year)
    else:
        if pub is None:
            return (None, None, 1)
        hy = _gregorian_to_hijri_year(pub)
        best = None
        for yy in (hy - 1, hy, hy + 1):
            g = hijri_to_gregorian(yy, mon, day)
            cost = abs((g - pub).days) * (1.0 if g <= pub else 1.5)
            if best is None or cost < best[0]:
                best = (cost, yy)
        y = best[1]
    return _day(hijri_to_gregorian(y, mon, day))


@_rule(_B + _P + _WEEKDAY_OPT + r"(?P<ord>" + _ORD + r")\s+(?:من\s+)?(?:شهر\s+)?(?P<hmon>" + _HMON
       + r")(?:\s*[,،]?\s*(?:من\s+)?(?:عام|العام|سنه)?\s*(?P<year>1[345]\d\d))?(?:\s*(?:ه|هـ)(?!\w))?" + _E)
def _r_hijri_ord(m, pub):
    day = _ORDINAL_DAYS.get(re.sub(r"\s+", " ", m.group("ord")))
    if day is None or day > 30:
        return None
    return _hijri_day(day, HIJRI_MONTHS[re.sub(r"\s+", " ", m.group("hmon"))], m.group("year"), pub)


@_rule(_B + _P + _WEEKDAY_OPT + r"(?:(?P<day>\d{1,2})|(?P<ord>" + _ORD + r"))\s+(?:من\s+)?(?:(?:ال)?شهر\s+)?"
       r"(?P<mod>" + _PAST + "|" + _NEXT + "|" + _CUR + r")" + _E)
def _r_day_this_month(m, pub):
    if m.string[max(0, m.start() - 3):m.start()].rstrip().endswith("ال"):
        return None                                   # "الساعات الـ 24 الماضية"
    day = int(m.group("day")) if m.group("day") else _ORDINAL_DAYS.get(
        re.sub(r"\s+", " ", m.group("ord")))
    if not day or day > 31:
        return None
    if pub is None:
        return (None, None, 1)
    kind = _modkind(m.group("mod"))
    k = -1 if kind == "past" else 1 if kind == "next" else 0
    y, mo = _add_months(pub.year, pub.month, k)
    d = _safe_date(y, mo, day)
    return _day(d) if d else None


# ----------------------------------------------------------------------------- driver
_TRIGGER_WORDS = set(WEEKDAYS) | {n.split()[0] for n in MONTHS} | {
    n.split()[0] for n in HIJRI_MONTHS} | set("""اليوم امس الامس غدا غد الغد البارحه الليله ليل ليله
    اسبوع الاسبوع اسبوعا اسبوعين اسابيع شهر الشهر شهرا شهرين اشهر شهور ساعات الساعات ساعه ساعتين ايام
    الايام يومين اليومين يوم يوما منتصف الجاري الحالي""".split())
_DATE_SEP_RE = re.compile(r"\d[/.\-]\d")
_word_check = make_checker(_TRIGGER_WORDS, digits=False)


def _check(w: str) -> bool:
    return _word_check(w) or _DATE_SEP_RE.search(w) is not None


_BIT = register(_check)


_GATES: dict[str, tuple[str, ...]] = {
    "month": tuple({n.split()[0] for n in MONTHS}),
    "hijri": tuple({n.split()[0] for n in HIJRI_MONTHS}),
    "weekday": tuple(w[2:] for w in WEEKDAYS),
    "shahr": ("شهر",),
    "week": ("اسبوع", "اسابيع"),
    "hours": ("ساع", "يومين", "ايام"),
    "ago": ("منذ", "قبل", "بعد"),
    "today": ("اليوم",),
    "rel": ("اليوم", "امس", "غد", "البارحه", "الليله"),
    "midnight": ("منتصف",),
    "cur": ("جاري", "حالي", "ماضي", "منصرم", "مقبل", "قادم", "فايت"),
}
_GATES_AND: dict[str, tuple[tuple[str, ...], ...]] = {
    "ago": (("يوم", "ايام", "اسبوع", "اسابيع", "شهر", "اشهر", "شهور", "ساع"),),
    "hours": (("ماضي", "اخير"),),
    "week": (("ماضي", "منصرم", "فايت", "سابق", "اخير", "مقبل", "قادم", "جاري", "حالي", "هذا",
              "مطلع"),),
    "shahr": (("ماضي", "منصرم", "فايت", "سابق", "اخير", "مقبل", "قادم", "جاري", "حالي", "هذا",
               "مطلع", "بدايه", "اوايل", "مستهل", "منتصف", "اواسط", "اواخر", "نهايه", "اخر", "ختام",
               "اول"),),
}
_RULE_GATE = {
    "_r_day_month": "month", "_r_ord_month": "month", "_r_month_year": "month",
    "_r_month_ctx": "month", "_r_part_month": "month", "_r_part_this_month": "shahr",
    "_r_this_month": "shahr", "_r_week": "week", "_r_last_hours": "hours", "_r_ago": "ago",
    "_r_weekday": "weekday", "_r_today_wd": "today", "_r_relword": "rel",
    "_r_midnight": "midnight", "_r_numeric": "numeric", "_r_hijri": "hijri",
    "_r_hijri_ord": "hijri", "_r_day_this_month": "cur",
}

_QUICK_RE = re.compile(
    r"\d|اليوم|امس|غد|الليله|ليل|اسبوع|شهر|ساع|ايام|يوم|" + _WD + "|" + _MON + "|" + _HMON)


def find_times(text: str, published: dt.date | None) -> list[TimeExpr]:
    """Time expressions in ``text`` resolved against ``published``."""
    if isinstance(published, dt.datetime):
        published = published.date()
    norm = normalize_last(text)
    nt = norm.text
    cands: list[tuple[int, int, Result]] = []
    wins = windows(nt, _BIT, before=50, after=80)
    for ws, we in wins:
        wt = nt[ws:we]
        open_gates = {g for g, lits in _GATES.items() if any(x in wt for x in lits)
                      and all(any(x in wt for x in extra) for extra in _GATES_AND.get(g, ()))}
        if _DATE_SEP_RE.search(wt):
            open_gates.add("numeric")
        for pat, fn in _RULES:
            if _RULE_GATE[fn.__name__] not in open_gates:
                continue
            for m in pat.finditer(nt, ws, we):
                s, e = m.span()
                if e <= s:
                    continue
                try:
                    r = fn(m, published)
                except (ValueError, OverflowError, KeyError):
                    r = None
                if r is None:
                    continue
                # leave a leading preposition word and an attached conjunction out of the span
                if "kw" in pat.groupindex and m.group("kw") in _LEAD_WORDS:
                    s = m.end("kw")
                    while s < e and nt[s].isspace():
                        s += 1
                while s < e and nt[s] in "وفبل" and e - s > 1 and _starts_word(nt, s + 1):
                    s += 1
                while e > s and nt[e - 1].isspace():
                    e -= 1
                cands.append((s, e, r))
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken: list[tuple[int, int]] = []
    chosen = []
    for s, e, r in cands:
        if any(s < te and ts < e for ts, te in taken):
            continue
        taken.append((s, e))
        chosen.append((s, e, r))
    chosen.sort()
    out = []
    for s, e, r in chosen:
        os_, oe = norm.to_original(s, e)
        while oe > os_ and text[oe - 1].isspace():
            oe -= 1
        value, end_value, prec = r
        out.append(TimeExpr(os_, oe, text[os_:oe], value, end_value, prec))
    return out


_LEAD_WORDS = frozenset({"في", "خلال", "منذ", "حتي", "من"})
_WORD_STARTS = re.compile(
    r"(?:\d|ال|امس|اول|غد|يوم|ليل|فجر|صباح|مساء|ظهر|عصر|منذ|قبل|بعد|خلال|في|شهر|هذا|مطلع|منتصف|اواخر|"
    r"اوايل|بدايه|نهايه|" + _WD + "|" + _MON + "|" + _HMON + ")")


def _starts_word(nt: str, i: int) -> bool:
    return _WORD_STARTS.match(nt, i) is not None
