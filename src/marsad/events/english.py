"""Basic event extraction for English reports (so cross-lingual fusion can join them to Arabic stories).

marsad's main extractor (:func:`marsad.events.extract`) reads Arabic layers.  An English report of
the same incident only needs the basics fusion compares, read straight from the text with simple
English rules:

1. *Sentences* are split on ``. ! ?`` (not after abbreviations such as "Oct." or "U.S.") and on
   line breaks; *clauses* on ``;`` and ", while/but/whereas".
2. *Triggers* come from ``data/english_triggers.tsv`` (regular expressions with a PLOVER type,
   an ACLED type/sub-type, a weight and flags).  A trigger right after a negation or a modal
   ("no clashes", "could attack", "threatened to strike") is not an occurrence; one whose clause
   dates it more than ``background_days`` before publication (or to an earlier year) is background.
3. *Arguments*: the place (capitalised names after "in/near/at/of..." looked up with
   :class:`marsad.geo.geocode.Geocoder`; the most precise place near the trigger wins), the date
   (yesterday, last night, on Tuesday, 21 October, Oct. 21, October 21, 2025, last week...
   resolved against the publication date, ACLED precision 1/2/3), fatalities / injuries / arrests
   with a status (exact, at_least, approx, unspecified, unconfirmed, none), actors (named groups
   and generic descriptors such as "security forces" resolved with
   :class:`marsad.actors.resolve.ActorResolver`), weapons, attribution ("according to X", "X said",
   "X told AFP") and certainty (reported; "claimed responsibility" → claimed; "denied" → denied).
4. *Events*: mentions of one sub-type with compatible places and dates are one event; killing
   verbs, raids and bare references ("the attack") join the event they belong to.

Every filled field carries offsets into ``doc.document.text``; what the text does not state stays None.
Public API: :func:`extract_english`.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..model import Attribution, Count, Doc, Event, EventDate, Location, Role, Span, Weapon

__all__ = ["extract_english", "split_sentences_en", "find_times_en", "load_triggers_en",
           "EnglishDataError", "EnTime"]

DATA_DIR = Path(__file__).with_name("data")
TRIGGERS_PATH = DATA_DIR / "english_triggers.tsv"
MIN_EMIT = 0.4
_COUNT_RANK = {"exact": 6, "at_least": 5, "approx": 4, "unspecified": 3, "unconfirmed": 2, "none": 1}


class EnglishDataError(ValueError):
    """A malformed line in an English knowledge file (code ``E_EVENTS_DATA``, with file:line and a fix hint)."""

    code = "E_EVENTS_DATA"

    def __init__(self, message: str, path: str, line: int, hint: str):
        super().__init__(f"{path}:{line}: error {self.code}: {message} ({hint})")
        self.path, self.line, self.hint = path, line, hint


# --------------------------------------------------------------------------- knowledge

@dataclass(frozen=True, slots=True)
class TriggerRule:
    regex: re.Pattern
    plover: str
    acled_type: str | None
    acled_subtype: str | None
    weight: float
    flags: frozenset[str]
    notes: str


def load_triggers_en(path: str | Path | None = None) -> tuple[TriggerRule, ...]:
    """Read an English trigger file (format in its header); raises :class:`EnglishDataError` on a bad line."""
    p = Path(path) if path is not None else TRIGGERS_PATH
    return _load_triggers(str(p))


@lru_cache(maxsize=8)
def _load_triggers(path: str) -> tuple[TriggerRule, ...]:
    rules: list[TriggerRule] = []
    header_seen = False
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if not header_seen:
                header_seen = True
                if cols[0] == "pattern":
                    continue
            if len(cols) < 5:
                raise EnglishDataError(f"{len(cols)} columns, need at least 5", path, n,
                                       "separate pattern, plover, acled_type, acled_subtype, weight with TABs")
            try:
                rx = re.compile(r"(?<![\w-])(?:" + cols[0] + r")(?![\w-])", re.IGNORECASE)
            except re.error as e:
                raise EnglishDataError(f"bad regular expression: {e}", path, n,
                                       "fix the pattern (Python re syntax)") from None
            try:
                w = float(cols[4])
            except ValueError:
                raise EnglishDataError(f"weight {cols[4]!r} is not a number", path, n,
                                       "write a number in [0, 1]") from None
            flags = frozenset(f.strip() for f in (cols[5] if len(cols) > 5 else "").split(",") if f.strip())
            rules.append(TriggerRule(rx, cols[1].strip(), cols[2].strip() or None, cols[3].strip() or None,
                                     w, flags, cols[6] if len(cols) > 6 else ""))
    return tuple(rules)


_SUBTYPE_TYPE = {
    "Armed clash": "Battles", "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Chemical weapon": "Explosions/Remote violence", "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence", "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence", "Grenade": "Explosions/Remote violence",
    "Attack": "Violence against civilians", "Abduction/forced disappearance": "Violence against civilians",
    "Peaceful protest": "Protests", "Protest with intervention": "Protests",
    "Excessive force against protesters": "Protests", "Arrests": "Strategic developments",
}

# demonym / country name → ISO code (the country in focus, and the country of a descriptor)
_COUNTRY_WORDS = {
    "syria": "SY", "syrian": "SY", "syrians": "SY", "lebanon": "LB", "lebanese": "LB", "israel": "IL",
    "israeli": "IL", "israelis": "IL", "iraq": "IQ", "iraqi": "IQ", "iraqis": "IQ", "turkey": "TR",
    "türkiye": "TR", "turkiye": "TR", "turkish": "TR", "iran": "IR", "iranian": "IR", "jordan": "JO",
    "jordanian": "JO", "yemen": "YE", "yemeni": "YE", "libya": "LY", "libyan": "LY", "egypt": "EG",
    "egyptian": "EG", "palestinian": "PS", "palestinians": "PS", "gaza": "PS", "saudi": "SA",
    "sudan": "SD", "sudanese": "SD", "russia": "RU", "russian": "RU", "tunisia": "TN", "tunisian": "TN",
    "afghanistan": "AF", "afghan": "AF", "pakistan": "PK", "pakistani": "PK",
}
_DEMONYMS = ("Syrian|Lebanese|Israeli|Iraqi|Turkish|Iranian|Jordanian|Yemeni|Libyan|Egyptian|Palestinian|"
             "Saudi|Sudanese|Russian|Tunisian|Afghan|Pakistani|Kurdish|American|(?-i:US|U\\.S\\.)|French|British")
_DEMONYM_CC = {"american": "US", "us": "US", "u.s.": "US", "french": "FR", "british": "GB"}

# English generic descriptors → the Arabic descriptor the knowledge base reads per country and date
_DESCRIPTOR_AR = [
    (re.compile(r"general security", re.I), "الأمن العام"),
    (re.compile(r"interior ministry|ministry of (?:the )?interior", re.I), "وزارة الداخلية"),
    (re.compile(r"government forces|regime forces|pro-government forces|state forces", re.I), "القوات الحكومية"),
    (re.compile(r"security (?:forces|personnel|services|units|officers|agents)|security", re.I), "قوات الأمن"),
    (re.compile(r"police(?:men| officers| forces)?", re.I), "الشرطة"),
    (re.compile(r"army|military|troops|soldiers|armed forces|forces", re.I), "الجيش"),
    (re.compile(r"authorities", re.I), "السلطات"),
    (re.compile(r"government", re.I), "الحكومة"),
]
_STATE_HEADS = re.compile(r"\b(?:security|police|policemen|army|military|troops|soldiers|government|regime|"
                          r"armed forces|authorities|border guards|forces)\b", re.I)

_GENERIC_ACTOR = re.compile(
    r"(?<![\w-])(?:(?:the|a|an)\s+)?"
    r"(?:(?:unidentified|unknown|armed|masked|local|pro-government|government|regime|state|foreign|tribal|"
    r"Druze|Bedouin|Alawite|Islamist|jihadist|Kurdish-led|Kurdish|" + _DEMONYMS + r")\s+){0,2}"
    r"(?:security forces|security personnel|security services|security units|general security|"
    r"interior ministry|border guards|armed forces|police(?:men| officers| forces)?|forces|troops|soldiers|army|military|"
    r"gunmen|militants|fighters|jihadists|rebels|insurgents|militia(?:s|men)?|authorities|"
    r"protesters|demonstrators|civilians|residents|villagers|assailants|attackers)(?![\w-])", re.I)

# weapons: regex → class (same class names as data/weapons.tsv)
_WEAPONS = [
    (r"drones?|uavs?|unmanned aerial vehicles?", "drone"),
    (r"warplanes?|(?:fighter )?jets|aircraft|helicopters?|air ?strikes?|air ?raids?|aerial", "aircraft"),
    (r"artillery|howitzers?|mortars?|shelling|shelled|shells", "artillery"),
    (r"rockets?|missiles?", "missile"),
    (r"improvised explosive devices?|ieds?|roadside bombs?|car bombs?|land ?mines?|explosive devices?|"
     r"explosives|booby[- ]trapped|bombs?|suicide (?:vests?|belts?)|motorcycle bombs?|sticky bombs?", "explosives/IED"),
    (r"(?:hand )?grenades?", "grenade"),
    (r"chemical weapons?|chlorine|sarin", "chemical"),
    (r"rpgs?|rocket-propelled grenades?", "medium weapons"),
    (r"tanks?|armou?red vehicles?", "heavy weapons"),
    (r"gunfire|guns?|rifles?|machine ?guns?|small arms|bullets?|sniper(?:s| fire)?|shot(?: dead)?|live ammunition", "light weapons"),
    (r"knives|knife|stabbed|stabbing", "bladed weapon"),
    (r"tear ?gas", "tear gas"),
]
_WEAPON_RX = [(re.compile(r"(?<![\w-])(?:" + p + r")(?![\w-])", re.I), c) for p, c in _WEAPONS]
_WEAPON_SUB = {"drone": "Air/drone strike", "aircraft": "Air/drone strike",
               "artillery": "Shelling/artillery/missile attack", "missile": "Shelling/artillery/missile attack",
               "explosives/IED": "Remote explosive/landmine/IED", "grenade": "Grenade",
               "chemical": "Chemical weapon", "light weapons": "Armed clash", "medium weapons": "Armed clash",
               "heavy weapons": "Armed clash", "bladed weapon": "Armed clash"}

_VIOLENCE_CUE = re.compile(
    r"(?<![\w-])(?:killed|killing|dead|died|deaths?|wounded|wounding|injured|injuring|casualties|hurt|"
    r"targeted|targeting|hit|fired|firing|bomb\w*|drones?|warplanes?|artillery|rockets?|missiles?|mortars?|"
    r"troops|soldiers|army|military|militants|fighters|gunmen|rebels|forces|attack\w*|clash\w*|shell\w*|"
    r"explosion|blast|strikes?|struck|destroyed|damaged)(?![\w-])", re.I)
_CIV_TARGET = re.compile(
    r"(?<![\w-])(?:civilians?|residents?|villagers?|families|family|children|child|women|woman|farmers?|"
    r"shepherds?|workers?|passengers?|worshippers|students?|market|bus|homes?|houses?|mosque|church|school|"
    r"hospital|journalists?|aid workers?|man|men)(?![\w-])", re.I)
_ARMED_VICTIM = re.compile(
    r"(?<![\w-])(?:soldiers?|troops|fighters?|militants?|members?|officers?|policemen|personnel|"
    r"commanders?|guards?|gunmen|rebels?|jihadists?|security forces|servicemen)(?![\w-])", re.I)
_NEG_BEFORE = re.compile(
    r"(?<![\w-])(?:no|not|never|without|nor|avoid(?:ed)?|prevent(?:ed)?|threaten(?:ed|s)? to|plan(?:s|ned)? to|"
    r"vow(?:ed|s)? to|(?-i:would|could|might|may|will)|warn(?:ed|s)? of|fears? of|risk of|possible|potential|"
    r"call(?:ed|s)? for|to\s+stop|ceasefire|halt(?:ed)?|foiled|thwarted|planned|plotting|attempted)\s+"
    r"(?:\w+\s+){0,2}$", re.I)
_CLAIM = re.compile(r"(?<![\w-])claim(?:ed|s|ing)? responsibility(?![\w-])", re.I)
_CLAIM_NEG = re.compile(r"(?<![\w-])(?:no|not|nobody|none|yet to|neither)(?![\w-])[^.;]{0,40}$", re.I)


def _claims(text: str, a: int, b: int) -> list[re.Match]:
    """Claims of responsibility in [a, b) that are not negated ("no group has claimed responsibility")."""
    return [m for m in _CLAIM.finditer(text, a, b) if not _CLAIM_NEG.search(text[max(a, m.start() - 50):m.start()])]
_DENY = re.compile(r"(?<![\w-])(?:denied|denies|deny|denying|rejected claims)(?![\w-])", re.I)
_PROTEST_INTERVENTION = re.compile(r"(?<![\w-])(?:tear ?gas|dispersed|disperse|broke up|rubber bullets|water cannon|beat(?:en)?|arrested)(?![\w-])", re.I)
_PROTEST_FORCE = re.compile(r"(?<![\w-])(?:killed|killing|shot dead|live ammunition|opened fire)(?![\w-])", re.I)

# --------------------------------------------------------------------------- sentences

_ABBREV = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mr", "mrs",
           "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "st", "no", "jr", "sr", "vs", "prof", "rev",
           "gov", "sen", "rep", "brig", "cpl", "pvt", "adm", "inc", "corp", "co", "ltd", "approx", "est"}
_SENT_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])|\n")


def split_sentences_en(text: str) -> list[tuple[int, int]]:
    """English sentences as ``(start, end)`` spans of ``text`` (whitespace trimmed; line breaks end a sentence)."""
    if not isinstance(text, str) or not text:
        return []
    cuts = [0]
    for m in _SENT_END.finditer(text):
        if m.group() != "\n":
            before = re.search(r"([A-Za-z][A-Za-z.]*)\.$", text[max(0, m.start() - 12):m.start() + 1])
            if before:
                w = before.group(1).lower().rstrip(".")
                # "Oct. 21", "Mr. Smith", "U.S. forces": an abbreviation, not the end of a sentence
                if w in _ABBREV or "." in w or len(w) == 1:
                    continue
        cuts.append(m.end())
    cuts.append(len(text))
    out = []
    for a, b in zip(cuts, cuts[1:]):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


_CLAUSE_CUT = re.compile(r";|,\s+(?:while|whereas|but|although|meanwhile)\b|\s+while\s+|\s+whereas\s+", re.I)


def _clause_of(text: str, s_a: int, s_b: int, pos: int) -> tuple[int, int]:
    a, b = s_a, s_b
    for m in _CLAUSE_CUT.finditer(text, s_a, s_b):
        if m.end() <= pos:
            a = m.end()
        elif m.start() >= pos:
            b = m.start()
            break
    return a, b


# --------------------------------------------------------------------------- times

@dataclass(frozen=True, slots=True)
class EnTime:
    """An English time expression: ISO ``value`` (None when unresolvable), ``end_value``, ACLED precision.

    ``year_only`` marks a bare year ("in 2019"): used to tell background, never as an event date."""

    start: int
    end: int
    value: str | None
    end_value: str | None
    precision: int
    year_only: bool = False

    def first_day(self) -> _dt.date | None:
        if not self.value:
            return None
        p = [int(x) for x in self.value.split("-")]
        return _dt.date(p[0], p[1] if len(p) > 1 else 1, p[2] if len(p) > 2 else 1)


_MONTHS = {"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
           "august": 8, "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2,
           "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_MON = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
       r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART = r"(?:morning|afternoon|evening|night|dawn)"
_TIME_RX = re.compile(
    r"(?P<iso>\b(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})\b)"
    r"|(?P<dmy>\b(?:(?P<dmy_wd>" + _WD + r"),?\s+)?(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>" + _MON + r")(?:,?\s+(?P<y1>\d{4}))?)(?![\w])"
    r"|(?P<mdy>\b(?:(?P<mdy_wd>" + _WD + r"),?\s+)?(?P<m2>" + _MON + r")\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<y2>\d{4}))?)(?![\w])"
    r"|(?P<wday>\b(?:(?:early|late)\s+(?:on\s+)?)?(?P<wmod>last\s+|this\s+past\s+|past\s+)?(?P<wd>" + _WD + r")(?:\s+" + _PART + r")?)\b"
    r"|(?P<dby>\b(?:the\s+)?day\s+before\s+yesterday)\b"
    r"|(?P<yest>\b(?:(?:early|late)\s+)?yesterday(?:\s+" + _PART + r")?)\b"
    r"|(?P<lastnight>\b(?:(?:late|early)\s+)?(?:last\s+night|overnight))\b"
    r"|(?P<today>\b(?:(?:earlier|later)\s+)?(?:today|this\s+(?:morning|afternoon|evening)|tonight))\b"
    r"|(?P<ago>\b(?P<agon>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s+days?\s+ago)\b"
    r"|(?P<lastweek>\b(?:last|past)\s+week)\b"
    r"|(?P<thisweek>\b(?:earlier\s+)?this\s+week)\b"
    r"|(?P<lastmonth>\b(?:last|past)\s+month)\b"
    r"|(?P<thismonth>\b(?:earlier\s+)?this\s+month)\b"
    r"|(?P<my>\b(?:(?:in|since|during|early|mid-|late|throughout)\s*(?:-\s*)?)?(?P<m3>" + _MON + r")\s+(?P<y3>\d{4}))\b"
    r"|(?P<mon>\b(?:in|since|during|throughout|early|late|mid-)\s*(?P<m4>January|February|March|April|June|July|August|September|October|November|December))\b"
    r"|(?P<year>\b(?:in|since|during|of|from)\s+(?P<y5>(?:19|20)\d{2}))\b",
)
_SMALL = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def _ym(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _resolve_year(m: int, d: int, pub: _dt.date | None) -> int | None:
    if pub is None:
        return None
    y = pub.year
    try:
        if _dt.date(y, m, d) > pub + _dt.timedelta(days=2):
            y -= 1   # "on 28 December" in a report of 3 January is last year's
    except ValueError:
        return None
    return y


def find_times_en(text: str, published: _dt.date | None) -> list[EnTime]:
    """English time expressions in ``text``, resolved against ``published`` (see the module docstring)."""
    if not isinstance(text, str):
        return []
    pub = published if isinstance(published, _dt.date) else None
    if isinstance(pub, _dt.datetime):
        pub = pub.date()
    out: list[EnTime] = []
    for m in _TIME_RX.finditer(text):
        try:
            t = _time_of(m, pub)
        except (ValueError, OverflowError):
            t = None   # "31 February": not a date
        if t is not None:
            out.append(t)
    return out


def _time_of(m: re.Match, pub: _dt.date | None) -> EnTime | None:
    g = m.groupdict()
    a, b = m.start(), m.end()
    day = _dt.timedelta(days=1)

    def one(d: _dt.date | None, end: _dt.date | None = None, prec: int = 1) -> EnTime:
        return EnTime(a, b, d.isoformat() if d else None, end.isoformat() if end else None, prec)

    if g["iso"]:
        return one(_dt.date(int(g["iy"]), int(g["im"]), int(g["id"])))
    if g["dmy"] or g["mdy"]:
        mon = _MONTHS[(g["m1"] or g["m2"]).lower().rstrip(".")]
        d = int(g["d1"] or g["d2"])
        yy = g["y1"] or g["y2"]
        y = int(yy) if yy else _resolve_year(mon, d, pub)
        if y is None:
            return one(None)
        return one(_dt.date(y, mon, d))
    if g["wday"]:
        if pub is None:
            return one(None)
        wd = _WEEKDAYS[g["wd"].lower()]
        delta = (pub.weekday() - wd) % 7
        if g["wmod"] and delta == 0:
            delta = 7     # "last Tuesday" in a Tuesday report: a week ago
        return one(pub - _dt.timedelta(days=delta))
    if pub is None:
        if g["my"]:
            return EnTime(a, b, _ym(int(g["y3"]), _MONTHS[g["m3"].lower().rstrip(".")]), None, 3)
        if g["year"]:
            return EnTime(a, b, g["y5"], None, 3, year_only=True)
        return one(None)
    if g["dby"]:
        return one(pub - 2 * day)
    if g["yest"]:
        return one(pub - day)
    if g["lastnight"]:
        return one(pub - day, pub)    # a night spans two dates, like the Arabic "الليلة الماضية"
    if g["today"]:
        return one(pub)
    if g["ago"]:
        n = g["agon"].lower()
        k = int(n) if n.isdecimal() else _SMALL[n]
        return one(pub - k * day)
    if g["lastweek"]:
        return one(pub - 7 * day, pub - day, 2)
    if g["thisweek"]:
        return one(pub - pub.weekday() * day, pub, 2)
    if g["lastmonth"]:
        first = pub.replace(day=1) - day
        return EnTime(a, b, _ym(first.year, first.month), None, 3)
    if g["thismonth"]:
        return EnTime(a, b, _ym(pub.year, pub.month), None, 3)
    if g["my"]:
        return EnTime(a, b, _ym(int(g["y3"]), _MONTHS[g["m3"].lower().rstrip(".")]), None, 3)
    if g["mon"]:
        mon = _MONTHS[g["m4"].lower()]
        y = pub.year if mon <= pub.month else pub.year - 1
        return EnTime(a, b, _ym(y, mon), None, 3)
    if g["year"]:
        return EnTime(a, b, g["y5"], None, 3, year_only=True)
    return None


# --------------------------------------------------------------------------- numbers and counts

_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_NUMWORD = r"(?:" + "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True)) + r")"
_MOD = {"at least": "at_least", "more than": "at_least", "over": "at_least", "no fewer than": "at_least",
        "no less than": "at_least", "not less than": "at_least", "upwards of": "at_least",
        "about": "approx", "around": "approx", "nearly": "approx", "almost": "approx", "approximately": "approx",
        "roughly": "approx", "some": "approx", "up to": "approx", "an estimated": "approx", "as many as": "approx",
        "close to": "approx"}
_NUM_RX = re.compile(
    r"(?<![\w.,-])(?:(?P<mod>" + "|".join(sorted(_MOD, key=len, reverse=True)) + r")\s+)?"
    r"(?:(?P<digits>\d{1,3}(?:,\d{3})+|\d+)|(?P<words>" + _NUMWORD + r"(?:[- ]" + _NUMWORD + r")?(?:\s+hundred)?|a\s+hundred|a\s+dozen|hundred)"
    r"|(?P<vague>several|a number of|dozens(?:\s+of)?|scores(?:\s+of)?|hundreds(?:\s+of)?|thousands(?:\s+of)?|"
    r"many|a few|numerous|an unknown number of|a large number of|a handful of))(?![\w-])", re.I)
_NOT_A_COUNT_AFTER = re.compile(r"^\s*(?:-?\s*(?:year|years|km|kilomet|kilometre|mile|miles|metres|meters|percent|"
                                r"%|per|hours?|minutes?|days?|weeks?|months?|am|pm|a\.m|p\.m|o'clock|"
                                + _MON + r")\b|-)", re.I)
_PERSON1 = re.compile(r"(?<![\w-])(?:a|an|one)\s+(?:[\w-]+\s+)?(?P<noun>man|woman|child|boy|girl|civilian|soldier|"
                      r"fighter|member|person|officer|policeman|shepherd|farmer|suspect|journalist|militant|"
                      r"resident|commander|teenager|student|worker|doctor|paramedic|gunman)(?![\w-])", re.I)
_KEYWORDS = {
    "killed": re.compile(r"(?<![\w-])(?:killed|killing|kills|dead|died|deaths?|death toll|toll|fatalities|"
                         r"lives|slain|shot dead|gunned down|bodies|massacred|executed|were martyred)(?![\w-])", re.I),
    "injured": re.compile(r"(?<![\w-])(?:wounded|wounding|injured|injuring|injuries|hurt|wounds)(?![\w-])", re.I),
    "arrested": re.compile(r"(?<![\w-])(?:arrested|arresting|arrests|detained|detaining|detainees|detentions|"
                           r"rounded up|apprehended|taken into custody|in custody)(?![\w-])", re.I),
}
_NONE_BOTH = re.compile(r"(?<![\w-])(?:no (?:reported )?casualties|without (?:any )?casualties|no (?:human )?losses|"
                        r"(?:no one|nobody|no-one) (?:was|were) (?:hurt|harmed)|caused no (?:casualties|injuries)|"
                        r"no (?:injuries|deaths) or (?:injuries|deaths))(?![\w-])", re.I)
_NONE_KILLED = re.compile(r"(?<![\w-])(?:(?:no one|nobody|no-one) (?:was|were) killed|no (?:deaths|fatalities)|"
                          r"(?:no one|nobody) died)(?![\w-])", re.I)
_NONE_INJURED = re.compile(r"(?<![\w-])(?:(?:no one|nobody|no-one) (?:was|were) (?:injured|wounded)|no injuries)(?![\w-])", re.I)
_UNCONFIRMED = re.compile(
    r"(?<![\w-])(?:no (?:confirmed |immediate |official )?(?:information|word|reports?|details|figures?) "
    r"(?:on|of|about|regarding) (?:any |possible )?(?:casualties|the toll|victims|deaths)"
    r"|(?:casualties|the (?:death )?toll|the number of (?:casualties|victims|dead)) (?:was|were|is|are|remain(?:s|ed)?) "
    r"(?:not (?:yet |immediately )?(?:known|clear|confirmed)|unknown|unclear)"
    r"|unconfirmed reports? of casualties|unknown number of casualties"
    r"|(?:it )?(?:was|is) not (?:immediately |yet )?(?:clear|known) (?:whether|if) (?:there were )?(?:any )?(?:casualties|anyone was (?:hurt|killed|injured)))(?![\w-])",
    re.I)


def _num_value(m: re.Match) -> tuple[int | None, str]:
    mod = (m.group("mod") or "").lower()
    mod = " ".join(mod.split())
    status = _MOD.get(mod, "exact")
    if m.group("vague"):
        return None, "unspecified"
    if m.group("digits"):
        return int(m.group("digits").replace(",", "")), status
    w = " ".join(m.group("words").lower().replace("-", " ").split())
    if w == "a dozen":
        return 12, "approx"
    if w in ("a hundred", "hundred"):
        return 100, status
    total = 0
    parts = w.split()
    hundred = parts[-1] == "hundred"
    if hundred:
        parts = parts[:-1]
    for p in parts:
        total += _UNITS.get(p, 0) + _TENS.get(p, 0)
    if hundred:
        total *= 100
    return total, status


# --------------------------------------------------------------------------- places

_NAME_WORD = r"(?:(?:al|el|ez|ad|as|ar|an|ash|at|az|ed|es|er|et|en|ul)-)?[A-Z][\w'’]*(?:-[A-Za-z][\w'’]*)*"
_NAME_SEQ = re.compile(r"(?<![\w-])" + _NAME_WORD + r"(?:\s+(?:(?:al|el|bin|ibn|abu|abi|bani|bou|de|of|for|and)\s+)?" + _NAME_WORD + r"){0,4}")
_PLACE_PREP = {"in", "near", "at", "outside", "around", "across", "from", "into", "on", "towards", "toward", "to",
               "between", "and", "of", "throughout", "inside", "within", "off", "nearby", "through", "over", "hit",
               "targeted", "struck", "shelled", "bombed", "captured", "seized", "recaptured", "retook", "entered",
               "stormed", "raided", "besieged", "beyond", "along", "outskirts", "overran", "took", "liberated"}
_PLACE_SKIP = {"the", "town", "village", "city", "province", "governorate", "region", "district", "area", "areas",
               "countryside", "suburb", "suburbs", "neighbourhood", "neighborhood", "camp", "northern", "southern",
               "eastern", "western", "central", "north", "south", "east", "west", "northeastern", "northwestern",
               "southeastern", "southwestern", "rural", "besieged", "coastal", "border", "nearby", "outskirts",
               "vicinity", "frontline", "front", "strategic", "key", "small", "restive", "mountain", "hills",
               "syrian", "lebanese", "iraqi", "israeli", "turkish", "palestinian", "jordanian", "yemeni", "libyan",
               "egyptian", "kurdish", "druze", "farmland", "city's", "town's", "village's"}
_REGION_AFTER = re.compile(r"^\s*(?:province|governorate|region|countryside|district|area)\b", re.I)
_REGION_ONLY_AFTER = re.compile(r"^\s*(?:province|governorate|region)\b", re.I)
_NEAR_BEFORE = re.compile(r"(?:near|outside|outskirts of|vicinity of|close to|(?:north|south|east|west|northeast|northwest|"
                          r"southeast|southwest)(?:ern)? of|road (?:between|from|to)|countryside of|rural|"
                          r"(?:north|south|east|west)(?:ern)?|(?:north|south)(?:east|west)(?:ern)?)\s+(?:the\s+)?$", re.I)
_COUNTRYSIDE_AFTER = re.compile(r"^\s*(?:countryside|outskirts|suburbs?)\b", re.I)
_NOT_PLACE = {"the", "a", "an", "on", "in", "at", "he", "she", "it", "they", "we", "i", "this", "that", "these", "those",
              "there", "his", "her", "their", "its", "our", "but", "and", "or", "as", "after", "before", "when",
              "while", "security", "army", "forces", "police", "government", "ministry", "president", "minister",
              "state", "islamic", "general", "said", "says", "according", "reuters", "afp", "ap", "monday", "tuesday",
              "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may",
              "june", "july", "august", "september", "october", "november", "december", "observatory",
              "human", "rights", "red", "crescent", "cross", "news", "agency", "sana", "mr", "mrs", "dr", "ms",
              "no", "one", "two", "three", "at least", "more", "some", "several", "two", "local", "officials",
              "hospital", "hezbollah", "isis", "hamas", "sdf", "idf"}


_NOT_ACTOR = {"the", "a", "an", "on", "in", "at", "he", "she", "it", "they", "we", "i", "this", "that", "but", "and",
              "or", "as", "after", "before", "when", "while", "said", "says", "according", "monday", "tuesday",
              "wednesday", "thursday", "friday", "saturday", "sunday", "separately", "meanwhile", "earlier", "later"}
# words that may stand beside a place name in a capitalised run without being part of it
_NAME_SIDE = {"province", "governorate", "city", "district", "countryside", "camp", "region", "town", "village",
              "area", "road", "highway", "airport", "crossing", "northern", "southern", "eastern", "western",
              "central", "north", "south", "east", "west", "greater", "rural", "old", "new"}


@dataclass(slots=True)
class PlaceHit:
    loc: Location
    qual_start: int      # where the qualifying words before the name start (for distance)


# --------------------------------------------------------------------------- working structures

@dataclass(slots=True)
class _Mention:
    rule: TriggerRule
    start: int
    end: int
    sent: int
    clause: tuple[int, int]
    subtype: str | None
    plover: str
    weight: float
    flags: frozenset[str]
    refined: bool = False     # a weapon or target decided the sub-type
    actor1: Role | None = None
    actor2: Role | None = None
    state1: bool = False      # the initiator is a state force
    claimed: bool = False
    denied: bool = False
    passive: bool = False


@dataclass(slots=True)
class _Group:
    mentions: list[_Mention] = field(default_factory=list)
    location: Location | None = None
    date: EventDate | None = None
    date_fallback: bool = False

    @property
    def main(self) -> _Mention:
        return max(self.mentions, key=lambda m: ("territory" in m.flags, m.weight - (0.3 if "kill" in m.flags else 0), -m.start))


# --------------------------------------------------------------------------- defaults

_DEFAULTS: dict[str, Any] = {}


def _default_resolver():
    if "resolver" not in _DEFAULTS:
        from marsad.actors.kb import load_kb
        from marsad.actors.resolve import ActorResolver
        _DEFAULTS["resolver"] = ActorResolver(load_kb())
    return _DEFAULTS["resolver"]


def _default_geocoder():
    if "geocoder" not in _DEFAULTS:
        from marsad.geo.geocode import Geocoder
        _DEFAULTS["geocoder"] = Geocoder()
    return _DEFAULTS["geocoder"]


def _opt(options, name: str, default):
    if options is None:
        return default
    if isinstance(options, dict):
        v = options.get(name, default)
        return default if v is None else v
    if hasattr(options, name):
        v = getattr(options, name)
        return default if v is None or v == "" else v
    extra = getattr(options, "extra", None) or {}
    return extra.get(name, default) if isinstance(extra, dict) else default


# --------------------------------------------------------------------------- public API

def extract_english(doc: Doc, *, resolver=None, geocoder=None, options=None) -> list[Event]:
    """The material events an English report states, as :class:`marsad.model.Event` records.

    Reads only ``doc.document.text`` and ``doc.document.published``.  ``resolver`` (an
    :class:`~marsad.actors.resolve.ActorResolver`) and ``geocoder`` (a
    :class:`~marsad.geo.geocode.Geocoder`) default to the built-in ones; a collaborator that fails
    is skipped (the field stays None).  ``options`` (an Options object or a dict) may give
    ``country_hint``, ``background_days`` (default 30) and ``english_triggers`` (path of a trigger file).
    Event ids are ``f"{doc.id}:e{n}"`` from 1, in text order.
    """
    try:
        text = doc.document.text
        doc_id = doc.document.id
        published = doc.document.published
    except AttributeError:
        return []
    if not isinstance(text, str) or not text.strip():
        return []
    if isinstance(published, _dt.datetime):
        published = published.date()
    if not isinstance(published, _dt.date):
        published = None
    if resolver is None:
        resolver = _default_resolver()
    if geocoder is None:
        geocoder = _default_geocoder()
    path = _opt(options, "english_triggers", None)
    rules = load_triggers_en(path) if path else load_triggers_en()
    ex = _Extractor(text, str(doc_id), published, resolver, geocoder, rules, options)
    return ex.run()


class _Extractor:
    def __init__(self, text: str, doc_id: str, published, resolver, geocoder, rules, options):
        self.text = text
        self.doc_id = doc_id
        self.pub: _dt.date | None = published
        self.resolver = resolver
        self.geocoder = geocoder
        self.rules = rules
        self.background_days = int(_opt(options, "background_days", 30) or 30)
        hint = _opt(options, "country_hint", None)
        self.sents = split_sentences_en(text)
        self.times = find_times_en(text, published)
        self.focus = hint.strip().upper() if isinstance(hint, str) and hint.strip() else self._focus_from_words()
        self._place_cache: dict[int, list[PlaceHit]] = {}
        self._att_cache: dict[int, list[tuple[int, int]]] = {}
        self._groups: list[_Group] = []
        # "BEIRUT, Oct 21 (Reuters) -": where the story was filed, not where it happened
        dl = re.match(r"\s*[A-Z][A-Z .'-]+(?:,\s*[A-Z][\w .]*?)?(?:,\s*[A-Za-z]{3,9}\.?\s+\d{1,2})?\s*\([^)\n]{1,40}\)\s*[-–—]+", text)
        self.dateline_end = dl.end() if dl else 0

    # ------------------------------------------------------------------ helpers
    def _focus_from_words(self) -> str | None:
        counts: dict[str, int] = {}
        for m in re.finditer(r"[A-Za-zü]+", self.text[:6000]):
            cc = _COUNTRY_WORDS.get(m.group().lower())
            if cc and m.group()[0].isupper():
                counts[cc] = counts.get(cc, 0) + 1
        from ..actors.resolve import most_frequent
        return most_frequent(counts)

    def _sent_of(self, pos: int) -> int:
        for i, (a, b) in enumerate(self.sents):
            if a <= pos < b:
                return i
        return max(0, len(self.sents) - 1)

    # ------------------------------------------------------------------ run
    def run(self) -> list[Event]:
        mentions: list[_Mention] = []
        for si, (a, b) in enumerate(self.sents):
            mentions.extend(self._mentions_in(si, a, b))
        for mn in mentions:
            self._roles(mn)
            self._refine(mn)
        mentions = [mn for mn in mentions if mn.subtype is not None or mn.plover]
        groups = self._merge(mentions)
        events = []
        for g in groups:
            ev = self._build(g)
            if ev is not None:
                events.append(ev)
        events.sort(key=lambda e: e.evidence[0].start if e.evidence else 0)
        for n, e in enumerate(events, 1):
            e.id = f"{self.doc_id}:e{n}"
        return events

    # ------------------------------------------------------------------ mentions
    def _mentions_in(self, si: int, a: int, b: int) -> list[_Mention]:
        found: list[tuple[int, int, TriggerRule]] = []
        for r in self.rules:
            for m in r.regex.finditer(self.text, a, b):
                if m.end() > m.start():
                    found.append((m.start(), m.end(), r))
        found.sort(key=lambda x: (x[0], -(x[1] - x[0])))
        chosen: list[tuple[int, int, TriggerRule]] = []
        last_end = -1
        for s, e, r in found:
            if s >= last_end:
                chosen.append((s, e, r))
                last_end = e
        out = []
        sent_text = self.text[a:b]
        for s, e, r in chosen:
            clause = _clause_of(self.text, a, b, s)
            before = self.text[clause[0]:s]
            if _NEG_BEFORE.search(before[-60:]):
                continue
            weight = r.weight
            flags = r.flags
            if "needs_violence" in r.flags:
                rest = sent_text[:s - a] + " " + sent_text[e - a:]
                if not _VIOLENCE_CUE.search(rest):
                    # "The fighting lasted hours": a reference to the event told before, evidence only
                    if "anaphor" in r.flags and re.search(r"\bthe\s+$", before[-5:], re.I):
                        weight = min(weight, 0.3)
                    else:
                        continue
            if "anaphor" in flags and not re.search(r"\b(?:the|this|that|these|those)\s+(?:[\w-]+\s+){0,2}$", before[-40:], re.I):
                flags = flags - {"anaphor"}   # only a definite phrase refers back ("the attack")
            if re.search(r"\b(?:separate|another|second|third|new|fresh|other|earlier|later)\s+(?:\w+\s+)?$", before[-30:], re.I):
                # "a separate explosion": a new event, not a reference to the one before
                flags = flags - {"anaphor", "kill"}
            if "territory" in r.flags and not self._place_follows(e, clause[1]):
                continue
            if self._background(s, clause):
                continue
            mn = _Mention(r, s, e, si, clause, r.acled_subtype, r.plover, weight, flags)
            out.append(mn)
        return out

    def _place_follows(self, pos: int, limit: int) -> bool:
        window = self.text[pos:min(limit, pos + 80)]
        if re.match(r"^\s+(?:\w+\s+){0,4}?(?:villages?|towns?|city|cities|areas?|positions?|hills?|bases?|"
                    r"districts?|neighbou?rhoods?|airports?|crossings?|checkpoints?|regions?|countryside|"
                    r"provinces?|territory|parts of|control)\b", window, re.I):
            return True
        si = self._sent_of(pos)
        return any(pos <= h.loc.start < pos + 60 for h in self._places(si))

    def _background(self, s: int, clause: tuple[int, int]) -> bool:
        if self.pub is None:
            return False
        for t in self.times:
            if t.start >= clause[0] and t.end <= clause[1]:
                if t.year_only:
                    try:
                        if int(t.value or 0) < self.pub.year:
                            return True
                    except ValueError:
                        pass
                    continue
                d = t.first_day()
                if d is not None and (self.pub - d).days > self.background_days:
                    return True
        return False

    # ------------------------------------------------------------------ actors
    def _actor_spans(self, a: int, b: int) -> list[tuple[int, int, str | None, bool]]:
        """Actor mentions in [a, b): (start, end, actor id, is a state force), non-overlapping."""
        cands: list[tuple[int, int, str | None, bool]] = []
        atts = self._attributions(self._sent_of(a))
        for m in _GENERIC_ACTOR.finditer(self.text, a, b):
            s, e = m.start(), m.end()
            surf = self.text[s:e]
            lead = re.match(r"(?:the|a|an)\s+", surf, re.I)
            if lead:
                s += lead.end()
            cands.append((s, e, *self._resolve_generic(s, e), True))
        for m in _NAME_SEQ.finditer(self.text, a, b):
            s, e = m.start(), m.end()
            for ss, ee, aid in self._named_actor(s, e):
                cands.append((ss, ee, aid, self._is_state(aid), False))
        # longest first, then keep non-overlapping ones
        cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
        out: list[tuple[int, int, str | None, bool]] = []
        for c in cands:
            if any(c[0] < o[1] and o[0] < c[1] for o in out):
                continue
            if any(x <= c[0] and c[1] <= y for x, y in atts):
                continue   # the source of the report, not a party to the event
            out.append(c)
        out.sort()
        # "SDF fighters", "Hezbollah members": the named group with its head noun, one actor
        joined: list = []
        for c in out:
            if joined and not joined[-1][4] and c[4] and joined[-1][2] and \
                    re.fullmatch(r"\s+", self.text[joined[-1][1]:c[0]]) and \
                    not re.match(r"(?:the|a|an)\b", self.text[c[0]:c[1]], re.I):
                p = joined.pop()
                c = (p[0], c[1], p[2], p[3], False)
            joined.append(c)
        return [c[:4] for c in joined]

    def _named_actor(self, s: int, e: int) -> list[tuple[int, int, str]]:
        words = [(m.start(), m.end()) for m in re.finditer(r"\S+", self.text[s:e])]
        words = [(s + x, s + y) for x, y in words]
        n = len(words)
        hits = []
        used = set()
        for L in range(n, 0, -1):
            for i in range(0, n - L + 1):
                if any(k in used for k in range(i, i + L)):
                    continue
                ws, we = words[i][0], words[i + L - 1][1]
                surf = self.text[ws:we].rstrip("'’s").rstrip(",") if L == 1 else self.text[ws:we]
                surf = re.sub(r"['’]s$", "", surf)
                if surf.lower() in _NOT_ACTOR or len(surf) < 2:
                    continue
                if ws < self.dateline_end:
                    continue
                aid = self._resolve(surf)
                if aid and self._kind(aid) == "country" and self._placey(ws, ws + len(surf), self.sents[self._sent_of(ws)][0]):
                    continue   # "in Syria": a place here, not a party
                if aid:
                    hits.append((ws, ws + len(surf), aid))
                    used.update(range(i, i + L))
        return hits

    def _resolve(self, surface: str, **kw) -> str | None:
        try:
            return self.resolver.resolve(surface, context=kw.get("context", ""), published=self.pub,
                                         country=kw.get("country"))
        except Exception:   # a failing resolver must not stop extraction: the actor stays unresolved
            return None

    def _resolve_generic(self, s: int, e: int, country: str | None = None) -> tuple[str | None, bool]:
        surf = self.text[s:e]
        aid = self._resolve(surf)
        low = surf.lower()
        dem = re.match(r"(" + _DEMONYMS + r")\s", surf, re.I)
        cc = None
        if dem:
            d = dem.group(1).lower()
            cc = _COUNTRY_WORDS.get(d) or _DEMONYM_CC.get(d)
            if aid is None:
                # "Israeli troops": the country's forces under their Latin alias, if the base has one
                for tail in (" army", " forces"):
                    if re.search(r"army|military|troops|soldiers|forces", low):
                        aid = self._resolve(dem.group(1) + tail)
                        if aid:
                            break
        if aid is None:
            if re.search(r"\b(?:gunmen|militants|fighters|jihadists|rebels|insurgents|militia\w*|protesters|"
                         r"demonstrators|civilians|residents|villagers|assailants|attackers)\b", low) and \
                    not re.search(r"security|police|army|military|troops|soldiers|government|authorities", low):
                return None, False
            country = cc or country or self.focus
            if country:
                for rx, ar in _DESCRIPTOR_AR:
                    if rx.search(low):
                        aid = self._resolve(ar, country=country)
                        break
        state = bool(_STATE_HEADS.search(low)) and not re.search(r"gunmen|militants|rebels|insurgents|jihadists", low)
        return aid, state or self._is_state(aid)

    def _kind(self, aid: str | None) -> str | None:
        try:
            actor = self.resolver.kb.actors.get(aid)
        except Exception:
            return None
        return actor.kind if actor is not None else None

    def _is_state(self, aid: str | None) -> bool:
        if not aid:
            return False
        try:
            actor = self.resolver.kb.actors.get(aid)
        except Exception:
            return False
        return actor is not None and actor.kind in ("state-forces", "government", "state-agency", "country")

    def _roles(self, mn: _Mention) -> None:
        c_a, c_b = mn.clause
        spans = self._actor_spans(*self.sents[mn.sent])
        spans = [x for x in spans if c_a <= x[0] and x[1] <= c_b]
        places = self._places(mn.sent)
        spans = [x for x in spans if not any(h.loc.start < x[1] and x[0] < h.loc.end and x[2] is None for h in places)]

        def role(x) -> Role:
            return Role(x[2], self.text[x[0]:x[1]], x[0], x[1])

        before = [x for x in spans if x[1] <= mn.start]
        after = [x for x in spans if x[0] >= mn.end]
        pre = self.text[max(c_a, mn.start - 25):mn.start].lower()
        mn.passive = bool(re.search(r"\b(?:was|were|been|being|got|is|are)\s+(?:\w+\s+)?$", pre))
        a1 = a2 = None
        tail = self.text[mn.end:c_b]
        btw = re.match(r"^\s+(?:\w+\s+){0,5}?between\s+", tail, re.I)
        if btw and len(after) >= 2:
            a1, a2 = after[0], after[1]
        else:
            by = None
            for x in after:
                gap = self.text[mn.end:x[0]]
                if re.search(r"\bby\s+(?:the\s+)?$", gap, re.I) and len(gap) < 60:
                    by = x
                    break
            if by is not None:
                a1 = by
                if before and mn.passive:
                    a2 = before[-1]
            elif before and not mn.passive:
                # the subject: the nearest actor before the trigger not introduced by "against/on/with"
                for x in reversed(before):
                    gap = self.text[x[1]:mn.start]
                    if re.match(r"\s+(?:were|was|have been|had been|has been|are|is|got)\s+(?:\w+\s+)?\w+(?:ed|en|wn)\b", gap, re.I):
                        a2 = a2 or x     # "Two soldiers were killed when a bomb hit": the victims
                        continue
                    pre_x = self.text[max(c_a, x[0] - 12):x[0]].lower()
                    if re.search(r"\b(?:against|on|with|targeting|of|to)\s+$", pre_x):
                        continue
                    if len(gap) <= 80:
                        a1 = x
                    break
                for x in after:
                    gap = self.text[mn.end:x[0]]
                    if a2 is None and len(gap) <= 40 and x is not a1:
                        a2 = x
                        break
            elif before and mn.passive:
                a2 = before[-1]
        # "An Israeli drone strike", "Turkish warplanes bombed": a demonym right before the trigger
        if a1 is None:
            dm = re.search(r"(?<![\w-])(" + _DEMONYMS + r")(?:-led)?\s+(?:(?:drone|air|artillery|rocket|missile|military|"
                           r"army|naval|warplanes?|jets|aircraft|helicopters?|forces'?|troops'?)\s+){0,2}$",
                           self.text[max(c_a, mn.start - 60):mn.start])
            if dm:
                s = max(c_a, mn.start - 60) + dm.start(1)
                e = s + len(dm.group(1))
                d = dm.group(1)
                aid = self._resolve(d + " army") or self._resolve(d + " forces")
                cc = _COUNTRY_WORDS.get(d.lower()) or _DEMONYM_CC.get(d.lower())
                if aid is None and cc:
                    aid = self._resolve("الجيش", country=cc)
                a1 = (s, e, aid, True)
        if a1 is not None:
            mn.actor1 = role(a1)
            mn.state1 = bool(a1[3])
        if a2 is not None and (a1 is None or a2[:2] != a1[:2]):
            mn.actor2 = role(a2)
        # certainty cues of the sentence
        s_a, s_b = self.sents[mn.sent]
        for m in _DENY.finditer(self.text, s_a, mn.start):
            if mn.start - m.end() < 60:
                mn.denied = True
        if _claims(self.text, s_a, s_b):
            mn.claimed = True

    # ------------------------------------------------------------------ sub-type refinement
    def _weapons_in(self, a: int, b: int) -> list[Weapon]:
        found: list[Weapon] = []
        for rx, cls in _WEAPON_RX:
            for m in rx.finditer(self.text, a, b):
                if any(w.start < m.end() and m.start() < w.end for w in found):
                    continue
                found.append(Weapon(cls, m.start(), m.end()))
        found.sort(key=lambda w: w.start)
        return found

    def _refine(self, mn: _Mention) -> None:
        c_a, c_b = mn.clause
        s_a, s_b = self.sents[mn.sent]
        if "generic" in mn.flags:
            low = self.text[s_a:s_b].lower()
            if re.search(r"\bsuicide\b", low):
                self._set(mn, "Suicide bomb")
                mn.refined = True
            else:
                for a, b in ((c_a, c_b), (s_a, s_b)):
                    ws = [w for w in self._weapons_in(a, b) if not (w.start >= mn.start and w.end <= mn.end)]
                    # the nearest weapon word decides ("a drone attack", "attacked with mortars")
                    ws.sort(key=lambda w: min(abs(w.start - mn.end), abs(mn.start - w.end)))
                    if ws:
                        self._set(mn, _WEAPON_SUB.get(ws[0].cls, mn.subtype))
                        mn.refined = True
                        break
                else:
                    own = [w for w in self._weapons_in(mn.start, mn.end)]
                    if own:
                        self._set(mn, _WEAPON_SUB.get(own[0].cls, mn.subtype))
                        mn.refined = True
        if "civ_refine" in mn.flags and mn.subtype == "Armed clash":
            tail = self.text[mn.end:c_b]
            if _CIV_TARGET.search(tail[:80]) and not _ARMED_VICTIM.search(tail[:80]):
                self._set(mn, "Attack")
                mn.refined = True
        if "kill" in mn.flags:
            near = self.text[max(c_a, mn.start - 60):min(c_b, mn.end + 60)]
            if _ARMED_VICTIM.search(near) and not _CIV_TARGET.search(near):
                self._set(mn, "Armed clash")
        if "territory" in mn.flags and mn.state1:
            self._set(mn, "Government regains territory")
        if mn.plover == "PROTEST":
            nxt = self.sents[mn.sent + 1][1] if mn.sent + 1 < len(self.sents) else s_b
            body = self.text[s_a:nxt]
            if _PROTEST_FORCE.search(body):
                self._set(mn, "Excessive force against protesters")
            elif _PROTEST_INTERVENTION.search(body):
                self._set(mn, "Protest with intervention")

    @staticmethod
    def _set(mn: _Mention, sub: str | None) -> None:
        if sub:
            mn.subtype = sub

    # ------------------------------------------------------------------ merging
    def _merge(self, mentions: list[_Mention]) -> list[_Group]:
        groups: list[_Group] = []
        weak: list[_Mention] = []
        for mn in sorted(mentions, key=lambda m: m.start):
            if "kill" in mn.flags or "absorb" in mn.flags or ("anaphor" in mn.flags and not mn.refined) \
                    or mn.weight < MIN_EMIT:
                weak.append(mn)
                continue
            self._add(groups, mn)
        # weak mentions join an event of their sentence, else the nearest one before (2 sentences back)
        for mn in weak:
            target = self._host(groups, mn)
            if target is not None:
                target.mentions.append(mn)
            elif mn.weight >= MIN_EMIT:
                self._add(groups, mn)
        self._groups = groups
        for g in groups:
            g.location = self._location(g)
            g.date, g.date_fallback = self._date(g)
        # a second pass: same sub-type, now that places and dates are known
        merged: list[_Group] = []
        for g in sorted(groups, key=lambda g: min(m.start for m in g.mentions)):
            for h in merged:
                if h.main.subtype == g.main.subtype and h.main.plover == g.main.plover and self._compatible(h, g):
                    h.mentions.extend(g.mentions)
                    h.location = h.location or g.location
                    if h.location and g.location and h.location.geo_precision > g.location.geo_precision:
                        h.location = g.location
                    if h.date is None or (h.date_fallback and g.date is not None and not g.date_fallback):
                        h.date, h.date_fallback = g.date, g.date_fallback
                    break
            else:
                merged.append(g)
        self._groups = merged
        return merged

    def _add(self, groups: list[_Group], mn: _Mention) -> None:
        for g in groups:
            m = g.main
            same = m.subtype == mn.subtype and m.plover == mn.plover
            # "recaptured X after two days of fighting": the clash is how the place was taken
            battles = _SUBTYPE_TYPE.get(m.subtype or "") == "Battles" == _SUBTYPE_TYPE.get(mn.subtype or "") \
                and "territory" in (m.flags | mn.flags)
            if (same or battles) and m.sent == mn.sent:
                g.mentions.append(mn)
                return
        groups.append(_Group([mn]))

    def _host(self, groups: list[_Group], mn: _Mention) -> _Group | None:
        wanted: set[str] | None = None
        if "absorb" in mn.flags:
            wanted = {x.strip() for x in mn.rule.notes.split(",") if x.strip()}
        best, best_key = None, None
        for g in groups:
            m = g.main
            if wanted is not None:
                if m.subtype not in wanted and m.plover not in wanted:
                    continue
                dist = min(abs(o.sent - mn.sent) for o in g.mentions)
                if dist > 2:
                    continue
            else:
                if m.plover != "ASSAULT":
                    continue
                back = [mn.sent - o.sent for o in g.mentions if o.sent <= mn.sent]
                if not back:
                    continue
                dist = min(back)
                if dist > (2 if "kill" in mn.flags else 4):
                    continue
            key = (dist, -max(o.start for o in g.mentions if o.sent <= mn.sent) if wanted is None else 0)
            if best_key is None or key < best_key:
                best, best_key = g, key
        return best

    def _compatible(self, g: _Group, h: _Group) -> bool:
        la, lb = g.location, h.location
        if la and lb and la.geonameid != lb.geonameid:
            if not (min(la.geo_precision, lb.geo_precision) < 3 <= max(la.geo_precision, lb.geo_precision)
                    and la.admin1 == lb.admin1 and la.country == lb.country):
                return False
        da, db = g.date, h.date
        if da and db and da.value != db.value and not (g.date_fallback or h.date_fallback):
            return False
        return True

    # ------------------------------------------------------------------ places
    def _places(self, si: int) -> list[PlaceHit]:
        got = self._place_cache.get(si)
        if got is not None:
            return got
        a, b = self.sents[si]
        hits: list[PlaceHit] = []
        for m in _NAME_SEQ.finditer(self.text, a, b):
            for h in self._geocode_seq(m.start(), m.end(), a):
                hits.append(h)
        self._place_cache[si] = hits
        return hits

    def _geocode_seq(self, s: int, e: int, s_a: int) -> list[PlaceHit]:
        words = [(s + m.start(), s + m.end()) for m in re.finditer(r"[^\s,]+", self.text[s:e])]
        n = len(words)
        out: list[PlaceHit] = []
        used: set[int] = set()
        for L in range(min(n, 4), 0, -1):
            for i in range(0, n - L + 1):
                if any(k in used for k in range(i, i + L)):
                    continue
                ws, we = words[i][0], words[i + L - 1][1]
                surf = self.text[ws:we]
                poss = re.search(r"['’]s?$", surf)
                if poss:
                    we -= len(poss.group())
                    surf = self.text[ws:we]
                if not surf or surf.lower() in _NOT_PLACE or (surf.isupper() and len(surf) > 1) or ws < self.dateline_end:
                    continue   # "BEIRUT (Reuters)" datelines and acronyms are not the event's place
                if surf.split()[0].lower() in ("of", "and", "for", "al", "el") or surf.split()[-1].lower() in ("of", "and", "for"):
                    continue
                if L < n and not all(self._side_word(self.text[x:y]) for k, (x, y) in enumerate(words)
                                     if not i <= k < i + L and (k == i - 1 or k == i + L)):
                    continue   # "Tal" of "Tal Rifaat": part of a longer name the index does not know
                if not self._placey(ws, we, s_a):
                    continue
                loc = self._geocode_one(ws, we)
                if loc is None:
                    continue
                out.append(PlaceHit(loc, self._qual_start(ws, s_a)))
                used.update(range(i, i + L))
        return out

    @staticmethod
    def _side_word(w: str) -> bool:
        k = re.sub(r"['’]s$", "", w).lower().strip(".,")
        return k in _NAME_SIDE or k in _NOT_PLACE or k in _PLACE_PREP or k in _PLACE_SKIP or k in _COUNTRY_WORDS

    def _placey(self, ws: int, we: int, s_a: int) -> bool:
        """Place-like position: after a preposition (skipping "the southern town of"), or before "province"."""
        if _REGION_AFTER.match(self.text[we:we + 20]) or re.match(r"^['’]s?\b", self.text[we:we + 3]):
            return True
        toks = re.findall(r"[\w'’-]+|,", self.text[max(s_a, ws - 80):ws])
        for t in reversed(toks[-8:]):
            tl = t.lower()
            if tl in _PLACE_SKIP or tl == ",":
                continue
            return tl in _PLACE_PREP
        return False

    def _qual_start(self, ws: int, s_a: int) -> int:
        m = re.search(r"(?:(?:in|near|at|outside|of)\s+)?(?:the\s+)?(?:[\w-]+\s+){0,3}$", self.text[max(s_a, ws - 40):ws])
        return max(s_a, ws - 40) + m.start() if m else ws

    def _geocode_one(self, ws: int, we: int) -> Location | None:
        try:
            loc = self.geocoder.geocode(self.text, ws, we, country_hint=self.focus)
        except Exception:   # a failing geocoder leaves the place unknown; extraction goes on
            return None
        if loc is None:
            loc = self._variant(self.text[ws:we], ws, we)
        if not isinstance(loc, Location):
            return None
        before = self.text[max(0, ws - 40):ws]
        after = self.text[we:we + 25]
        prec = loc.geo_precision
        if _REGION_ONLY_AFTER.match(after) or re.search(r"(?:province|governorate|region)\s+of\s+(?:the\s+)?$", before, re.I):
            # "Idlib province": the region, coded at its centre
            if self._has_region(ws, we):
                prec = 3
        elif _NEAR_BEFORE.search(before) or _COUNTRYSIDE_AFTER.match(after):
            prec = max(prec, 2) if prec < 3 else prec
        if prec != loc.geo_precision:
            loc = replace(loc, geo_precision=prec)
        return loc

    def _variant(self, name: str, ws: int, we: int) -> Location | None:
        """Common English spellings of Arabic names the index lacks: "Qamishli" is "Al Qamishli", "Maqsoud" "Maqsud"."""
        tries = []
        if not re.match(r"(?:al|el|an|ar|as|ad|ash|at|az)[- ]", name, re.I):
            tries.append("Al " + name)
        plain = name.replace("ou", "u").replace("ee", "i").replace("oo", "u")
        if plain != name:
            tries.append(plain)
        for v in tries:
            try:
                loc = self.geocoder.geocode(v, 0, len(v), country_hint=self.focus)
            except Exception:
                return None
            if isinstance(loc, Location):
                return replace(loc, start=ws, end=we)
        return None

    def _has_region(self, ws: int, we: int) -> bool:
        try:
            return any(c.feature_code == "ADM1" for c in self.geocoder.lookup(self.text[ws:we]))
        except Exception:
            return True

    def _location(self, g: _Group) -> Location | None:
        main = g.main
        sents = sorted({m.sent for m in g.mentions}, key=lambda s: (s != main.sent, s))
        for si in sents:
            hits = self._places(si)
            if not hits:
                continue
            # most precise; then same clause as a trigger; then nearest to a trigger
            trig = [m for m in g.mentions if m.sent == si] or [main]

            def key(h: PlaceHit):
                dist = min(abs(h.loc.start - m.start) for m in trig)
                same = any(m.clause[0] <= h.loc.start < m.clause[1] for m in trig)
                return (h.loc.geo_precision, not same, dist)
            return min(hits, key=key).loc
        # the lead sentence usually places the story's main event
        if self.sents and 0 not in sents:
            hits = self._places(0)
            if hits:
                return min(hits, key=lambda h: (h.loc.geo_precision, h.loc.start)).loc
        return None

    # ------------------------------------------------------------------ dates
    def _date(self, g: _Group) -> tuple[EventDate | None, bool]:
        main = g.main
        order = [main] + [m for m in g.mentions if m is not main]
        for scope in ("clause", "sent"):
            for m in order:
                a, b = m.clause if scope == "clause" else self.sents[m.sent]
                ts = [t for t in self.times if a <= t.start and t.end <= b and t.value and not t.year_only]
                if ts:
                    t = min(ts, key=lambda t: abs(t.start - m.start))
                    return self._edate(t), False
        if self.sents and self.pub is not None:
            lead_end = self.sents[min(1, len(self.sents) - 1)][1]
            for t in self.times:
                if t.end <= lead_end and t.value and not t.year_only:
                    d = t.first_day()
                    if d is not None and 0 <= (self.pub - d).days <= self.background_days:
                        return self._edate(t), True
        return None, False

    @staticmethod
    def _edate(t: EnTime) -> EventDate:
        return EventDate(value=t.value or "", end=t.end_value, time_precision=t.precision, start=t.start, end_char=t.end)

    # ------------------------------------------------------------------ counts
    def _counts(self, sents: list[int]) -> dict[str, Count]:
        best: dict[str, tuple[tuple, Count]] = {}

        def offer(cat: str, c: Count, order: int) -> None:
            k = (_COUNT_RANK[c.status], -order, c.value or 0)
            if cat not in best or k > best[cat][0]:
                best[cat] = (k, c)

        for order, si in enumerate(sents):
            a, b = self.sents[si]
            for rx, cats, status in ((_NONE_BOTH, ("killed", "injured"), "none"),
                                     (_NONE_KILLED, ("killed",), "none"),
                                     (_NONE_INJURED, ("injured",), "none"),
                                     (_UNCONFIRMED, ("killed", "injured"), "unconfirmed")):
                for m in rx.finditer(self.text, a, b):
                    for cat in cats:
                        offer(cat, Count(status, 0 if status == "none" else None, m.start(), m.end()), order)
            for cat, c in self._numbers(a, b):
                offer(cat, c, order)
        return {k: v[1] for k, v in best.items()}

    def _numbers(self, a: int, b: int) -> list[tuple[str, Count]]:
        out = []
        spans: list[tuple[int, int, int | None, str]] = []
        for m in _NUM_RX.finditer(self.text, a, b):
            if _NOT_A_COUNT_AFTER.match(self.text[m.end():m.end() + 20]):
                continue
            if re.search(r"\bno\s+$", self.text[max(a, m.start() - 4):m.start()], re.I):
                continue   # "no one was hurt": a none-count, read by _NONE_BOTH
            if m.group("digits") and len(m.group("digits")) == 4 and re.search(r"\b(?:in|since|of)\s+$", self.text[max(a, m.start() - 8):m.start()]):
                continue   # "in 2019"
            if m.group("digits") and re.search(r"(?:" + _MON + r")\s*$", self.text[max(a, m.start() - 12):m.start()]):
                continue   # "October 21"
            v, st = _num_value(m)
            spans.append((m.start(), m.end(), v, st))
        for m in _PERSON1.finditer(self.text, a, b):
            if not any(s <= m.start() < e for s, e, _, _ in spans):
                spans.append((m.start(), m.start() + len(m.group().split()[0]), 1, "exact"))
        spans.sort()
        for s, e, v, st in spans:
            cat_hit = self._link(s, e, a, b)
            if cat_hit is None:
                continue
            cat, ks, ke = cat_hit
            out.append((cat, Count(st, v, min(s, ks), max(e, ke))))
        return out

    def _link(self, s: int, e: int, a: int, b: int) -> tuple[str, int, int] | None:
        """The count category a number belongs to: a keyword just after it ("5 people were killed"),
        else just before it ("killing 5", "the death toll rose to 7")."""
        fwd = self.text[e:b]
        stop = re.search(r",|;|\.|\band\b|\bwhile\b|\bafter\b|\bin\b|\d", fwd)
        window = fwd[:stop.start()] if stop else fwd
        toks = list(re.finditer(r"[\w-]+(?:\s+(?:toll|dead|custody|up))?", window))[:8]
        for t in toks:
            for cat, rx in _KEYWORDS.items():
                km = rx.match(t.group())
                if km and km.end() == len(t.group()) or (km and rx.fullmatch(t.group().split()[0])):
                    return cat, e + t.start(), e + t.start() + km.end()
        back = self.text[a:s]
        cut = max(back.rfind(","), back.rfind(";"))
        seg = back[cut + 1:] if cut >= 0 else back
        toks = list(re.finditer(r"[\w-]+", seg))[-4:]
        for t in reversed(toks):
            for cat, rx in _KEYWORDS.items():
                if rx.fullmatch(t.group()):
                    off = a + (cut + 1 if cut >= 0 else 0)
                    return cat, off + t.start(), off + t.end()
            if re.fullmatch(r"\d+|and|" + _NUMWORD, t.group(), re.I):
                break
        return None

    # ------------------------------------------------------------------ attribution
    def _attributions(self, si: int) -> list[tuple[int, int]]:
        got = self._att_cache.get(si)
        if got is not None:
            return got
        a, b = self.sents[si]
        out: list[tuple[int, int]] = []
        src = (r"(?:the\s+)?(?:[A-Z][\w'’.-]*|a|an|local|security|medical|military|state|official|"
               r"hospital|rescue|civil|health|interior|defen[cs]e|foreign|news|media|monitoring|war|"
               r"two|several|unnamed|senior|residents|witnesses|activists|sources?|officials?|"
               r"spokes(?:man|woman|person)|ministry|agency|observatory|group|monitor|of|for|the|"
               r"in|on|al-[\w-]+|told)")
        pats = [
            re.compile(r"(?:according to|citing|cited by|quoted by)\s+(?P<s>(?:the\s+)?[\w'’.-]+(?:\s+(?!said|says|and\b)[\w'’.-]+){0,7})", re.I),
            re.compile(r"(?P<s>(?:" + src + r"\s+){0,6}" + src + r")\s+(?:said|says|reported|reports|announced|"
                       r"confirmed|stated|told|added)\b"),
            re.compile(r"(?:,|^)\s*(?:said|says|reported|according to)\s+(?P<s>(?:the\s+)?[\w'’.-]+(?:\s+(?!on|in|that)[\w'’.-]+){0,6})", re.I),
        ]
        for rx in pats:
            for m in rx.finditer(self.text, a, b):
                s, e = m.start("s"), m.end("s")
                s, e = self._trim_source(s, e)
                if e > s and not any(x < e and s < y for x, y in out):
                    out.append((s, e))
        out.sort()
        self._att_cache[si] = out
        return out

    def _trim_source(self, s: int, e: int) -> tuple[int, int]:
        seg = self.text[s:e]
        # cut at clause words that end a source phrase
        cut = re.search(r"\s+(?:that|which|who|on|in a|in an|late|early|said|says|,)\b|[,.;]", seg)
        if cut:
            seg = seg[:cut.start()]
        lead = re.match(r"(?:the|a|an)\s+", seg, re.I)
        if lead and len(seg) > lead.end():
            s += lead.end()
            seg = seg[lead.end():]
        # a source phrase must name someone: a capitalised word or a source noun
        if not re.search(r"[A-Z]|source|official|witness|activist|resident|ministry|spokes|agency|media|observatory|monitor", seg):
            return s, s
        seg = seg.rstrip(" ,.;:'’")
        return s, s + len(seg)

    # ------------------------------------------------------------------ building
    def _build(self, g: _Group) -> Event | None:
        main = g.main
        if main.weight < MIN_EMIT and all(m.weight < MIN_EMIT for m in g.mentions):
            return None
        ms = sorted(g.mentions, key=lambda m: m.start)
        sents = sorted({m.sent for m in ms})
        actor1 = next((m.actor1 for m in [main, *ms] if m.actor1 is not None), None)
        actor2 = next((m.actor2 for m in [main, *ms] if m.actor2 is not None
                       and (actor1 is None or (m.actor2.start, m.actor2.end) != (actor1.start, actor1.end))), None)
        subtype = main.subtype
        if subtype in ("Non-state actor overtakes territory", "Government regains territory"):
            state = any(m.state1 for m in ms if m.actor1 is not None and actor1 is not None
                        and (m.actor1.start, m.actor1.end) == (actor1.start, actor1.end))
            if state:
                subtype = "Government regains territory"
        # counts: the event's sentences, and the one after the last when it carries no event of its own
        count_sents = list(sents)
        others = {m.sent for h in self._groups if h is not g for m in h.mentions}
        for nxt in (sents[-1] + 1, sents[-1] + 2):
            if nxt >= len(self.sents) or nxt in others:
                break
            count_sents.append(nxt)
        counts = self._counts(count_sents)
        fat = inj = arr = None
        acled_type = _SUBTYPE_TYPE.get(subtype or "", main.rule.acled_type)
        if main.plover == "ASSAULT" or acled_type in ("Battles", "Explosions/Remote violence",
                                                       "Violence against civilians", "Riots"):
            fat, inj = counts.get("killed"), counts.get("injured")
        if subtype == "Arrests":
            arr = counts.get("arrested")
        if subtype and subtype.startswith(("Protest", "Excessive")):
            fat, inj = counts.get("killed"), counts.get("injured")
        weapons: list[Weapon] = []
        if main.plover == "ASSAULT":
            for si in sents:
                for w in self._weapons_in(*self.sents[si]):
                    if not any(x.start == w.start for x in weapons):
                        weapons.append(w)
        atts: list[Attribution] = []
        seen = set()
        for si in [*sents, *(count_sents[len(sents):])]:
            for s, e in self._attributions(si):
                if (s, e) in seen:
                    continue
                if actor1 is not None and actor1.start <= s < actor1.end:
                    continue
                seen.add((s, e))
                surf = self.text[s:e]
                atts.append(Attribution(surf, self._resolve(surf), s, e))
        certainty = "reported"
        if any(m.denied for m in ms):
            certainty = "denied"
        elif any(m.claimed for m in ms) or self._claim_after(sents):
            certainty = "claimed"
            if actor1 is None:
                actor1 = self._claimer(sents)
        if main.plover == "ASSAULT" and actor1 is None:
            actor1 = self._claimer(sents)
        if g.location is not None and g.location.country:
            actor1 = self._with_country(actor1, g.location.country)
            actor2 = self._with_country(actor2, g.location.country)
        conf = main.weight + (0.1 if actor1 else 0) + (0.05 if actor2 else 0) + (0.05 if g.location else 0) \
            + 0.05 * min(2, len(ms) - 1) + (0.05 if g.date and not g.date_fallback else 0)
        conf = round(min(0.99, max(0.05, conf)), 3)
        ev_spans = [Span(*self.sents[si]) for si in sents]
        return Event(
            id="", plover=main.plover, acled_type=acled_type if subtype else main.rule.acled_type,
            acled_subtype=subtype, trigger=Span(main.start, main.end), actor1=actor1, actor2=actor2,
            location=g.location, date=g.date, fatalities=fat, injuries=inj, arrests=arr, weapons=weapons,
            attributed_to=atts, certainty=certainty, evidence=ev_spans, confidence=conf, doc_id=self.doc_id)

    def _with_country(self, r: Role | None, cc: str) -> Role | None:
        """A generic descriptor ("the army") left unresolved, read for the country where the event took place."""
        if r is None or r.actor_id is not None or not _GENERIC_ACTOR.fullmatch(r.text):
            return r
        aid, _state = self._resolve_generic(r.start, r.end, country=cc)
        return replace(r, actor_id=aid) if aid else r

    def _has_own_event(self, si: int) -> bool:
        a, b = self.sents[si]
        for r in self.rules:
            if "kill" in r.flags or "anaphor" in r.flags:
                continue
            if r.regex.search(self.text, a, b):
                return True
        return False

    def _claim_after(self, sents: list[int]) -> bool:
        """"X claimed responsibility for the attack" in the sentence after the event's last one."""
        nxt = sents[-1] + 1
        if nxt >= len(self.sents):
            return False
        a, b = self.sents[nxt]
        return bool(_claims(self.text, a, b)) and not self._has_own_event(nxt)

    def _claimer(self, sents: list[int]) -> Role | None:
        for si in [*sents, sents[-1] + 1]:
            if si >= len(self.sents):
                continue
            a, b = self.sents[si]
            found = _claims(self.text, a, b)
            if not found:
                continue
            m = found[0]
            cands = [x for x in self._actor_spans(a, m.start()) if x[2] is not None]
            if cands:
                x = cands[-1]
                return Role(x[2], self.text[x[0]:x[1]], x[0], x[1])
        return None
