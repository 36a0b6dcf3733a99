"""``marsad geonames import FILE... [--db FILE]``: load full GeoNames dumps into SQLite.

Accepted files (plain ``.txt`` or the ``.zip`` GeoNames serves them in):

* place dumps — country files (``SY.txt``), ``allCountries.txt``, ``cities500.txt``: 19
  tab-separated columns (geonameid, name, asciiname, alternatenames, lat, lon, feature class,
  feature code, country, cc2, admin1, admin2, admin3, admin4, population, ...);
* ``admin1CodesASCII.txt`` and ``admin2Codes.txt`` (code, name, asciiname, geonameid);
* ``alternateNamesV2.txt`` / ``alternateNames.txt`` (id, geonameid, language, name, ...):
  names in Arabic, English or no language are added for places already in the database.

Place dumps are read before alternate names whatever the order on the command line.  Re-importing
a file replaces its rows.  The database is then used by ``Geocoder(db_path=...)``.
"""
from __future__ import annotations

import argparse
import io
import sqlite3
import sys
import zipfile
from pathlib import Path
from typing import Iterator

from marsad.actors.normkey import KEY_VERSION, is_arabic, name_key

from .index import Place, ascii_name

__all__ = ["main", "GeoDB", "import_files", "GeoNamesError"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS geo_places (
  geonameid INTEGER PRIMARY KEY, name TEXT, asciiname TEXT, name_ar TEXT, country TEXT,
  admin1 TEXT, admin2 TEXT, lat REAL, lon REAL, population INTEGER, fclass TEXT, fcode TEXT);
CREATE TABLE IF NOT EXISTS geo_names (
  key TEXT NOT NULL, geonameid INTEGER NOT NULL, name TEXT, PRIMARY KEY (key, geonameid)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS geo_admin1 (code TEXT PRIMARY KEY, name TEXT, asciiname TEXT, geonameid INTEGER);
CREATE TABLE IF NOT EXISTS geo_admin2 (code TEXT PRIMARY KEY, name TEXT, asciiname TEXT, geonameid INTEGER);
CREATE TABLE IF NOT EXISTS geo_meta (k TEXT PRIMARY KEY, v TEXT);
"""
_ALT_LANGS = {"ar", "en", "", "arz", "apc", "acm", "ajp"}


class GeoNamesError(Exception):
    """A GeoNames file cannot be imported. ``code`` names the problem, ``hint`` the fix."""

    def __init__(self, code: str, message: str, hint: str = ""):
        self.code, self.message, self.hint = code, message, hint
        super().__init__(f"error {code}: {message}" + (f" ({hint})" if hint else ""))


def _connect(db_path: str | Path) -> sqlite3.Connection:
    con = sqlite3.connect(str(db_path))
    con.executescript(_SCHEMA)
    return con


def _lines(path: Path) -> Iterator[str]:
    """Text lines of a GeoNames file, from a .txt or from the same-named .txt inside a .zip."""
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as z:
            names = [n for n in z.namelist() if n.lower().endswith(".txt") and "readme" not in n.lower()]
            if not names:
                raise GeoNamesError("GEO003", f"{path}: no .txt file inside the zip", "pass the GeoNames .zip or its .txt")
            with z.open(names[0]) as f:
                yield from io.TextIOWrapper(f, encoding="utf-8", errors="replace")
        return
    with path.open(encoding="utf-8", errors="replace") as f:
        yield from f


def _kind(path: Path) -> str:
    n = path.name.lower()
    if n.startswith("admin1codes"):
        return "admin1"
    if n.startswith("admin2codes"):
        return "admin2"
    if n.startswith("alternatenames"):
        return "alt"
    if n.startswith(("countryinfo", "featurecodes", "timezones", "iso-languagecodes", "hierarchy", "readme")):
        return "skip"
    return "places"


def import_files(paths: list[str | Path], db_path: str | Path, *, log=print) -> dict[str, int]:
    """Import GeoNames files into the database at ``db_path``; returns row counts per kind."""
    files = [Path(p) for p in paths]
    for p in files:
        if not p.is_file():
            raise GeoNamesError("GEO001", f"{p}: file not found", "download it from https://download.geonames.org/export/dump/")
    order = {"places": 0, "admin1": 1, "admin2": 2, "alt": 3, "skip": 4}
    files.sort(key=lambda p: order[_kind(p)])
    con = _connect(db_path)
    counts = {"places": 0, "names": 0, "admin1": 0, "admin2": 0, "alt": 0, "skipped_lines": 0}
    try:
        for p in files:
            kind = _kind(p)
            if kind == "skip":
                log(f"{p}: not a file the geocoder uses, skipped")
                continue
            n = getattr(_Importer(con, counts), kind)(p)
            log(f"{p}: {n} {kind} rows")
            con.commit()
        con.execute("INSERT OR REPLACE INTO geo_meta VALUES ('key_version', ?)", (KEY_VERSION,))
        con.commit()
    finally:
        con.close()
    return counts


class _Importer:
    def __init__(self, con: sqlite3.Connection, counts: dict[str, int]):
        self.con, self.counts = con, counts

    def places(self, path: Path) -> int:
        rows, names, n = [], [], 0
        for line in _lines(path):
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 15 or not cols[0].isdigit():
                self.counts["skipped_lines"] += 1
                continue
            try:
                gid = int(cols[0])
                lat, lon = float(cols[4]), float(cols[5])
                pop = int(cols[14] or 0)
            except ValueError:
                self.counts["skipped_lines"] += 1
                continue
            alts = [a for a in cols[3].split(",") if a]
            ar = [a for a in alts if is_arabic(a)]
            rows.append((gid, cols[1], cols[2], ar[0] if ar else None, cols[8] or None, cols[10] or None,
                         cols[11] or None, lat, lon, pop, cols[6], cols[7]))
            for nm in {cols[1], cols[2], *alts}:
                k = name_key(nm)
                if len(k) >= 2:
                    names.append((k, gid, nm))
            n += 1
            if len(rows) >= 20000:
                self._flush(rows, names)
        self._flush(rows, names)
        self.counts["places"] += n
        return n

    def _flush(self, rows: list, names: list) -> None:
        self.con.executemany("INSERT OR REPLACE INTO geo_places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows)
        self.con.executemany("INSERT OR IGNORE INTO geo_names VALUES (?,?,?)", names)
        self.counts["names"] += len(names)
        rows.clear()
        names.clear()

    def _codes(self, path: Path, table: str) -> int:
        rows = []
        for line in _lines(path):
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 4 or "." not in cols[0]:
                self.counts["skipped_lines"] += 1
                continue
            gid = int(cols[3]) if cols[3].isdigit() else None
            rows.append((cols[0], cols[1], cols[2], gid))
        self.con.executemany(f"INSERT OR REPLACE INTO {table} VALUES (?,?,?,?)", rows)
        return len(rows)

    def admin1(self, path: Path) -> int:
        n = self._codes(path, "geo_admin1")
        self.counts["admin1"] += n
        return n

    def admin2(self, path: Path) -> int:
        n = self._codes(path, "geo_admin2")
        self.counts["admin2"] += n
        return n

    def alt(self, path: Path) -> int:
        known = {r[0] for r in self.con.execute("SELECT geonameid FROM geo_places")}
        names, ar_names, n = [], [], 0
        for line in _lines(path):
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 4 or not cols[1].isdigit():
                self.counts["skipped_lines"] += 1
                continue
            gid = int(cols[1])
            lang = cols[2]
            if gid not in known or lang not in _ALT_LANGS:
                continue
            nm = cols[3]
            k = name_key(nm)
            if len(k) < 2:
                continue
            names.append((k, gid, nm))
            preferred = len(cols) > 4 and cols[4] == "1"
            if lang == "ar" and preferred:
                ar_names.append((nm, gid))
            n += 1
            if len(names) >= 20000:
                self.con.executemany("INSERT OR IGNORE INTO geo_names VALUES (?,?,?)", names)
                names.clear()
        self.con.executemany("INSERT OR IGNORE INTO geo_names VALUES (?,?,?)", names)
        # a preferred Arabic name becomes the display name_ar
        self.con.executemany("UPDATE geo_places SET name_ar=? WHERE geonameid=?", ar_names)
        self.counts["alt"] += n
        return n


class GeoDB:
    """Read access to an imported GeoNames database (used by :class:`marsad.geo.geocode.Geocoder`)."""

    def __init__(self, db_path: str | Path):
        p = Path(db_path)
        if not p.is_file():
            raise GeoNamesError("GEO002", f"{p}: GeoNames database not found",
                               "create it with: marsad geonames import SY.txt admin1CodesASCII.txt --db " + str(p))
        self.con = sqlite3.connect(str(p), check_same_thread=False)
        self.con.executescript(_SCHEMA)
        row = self.con.execute("SELECT v FROM geo_meta WHERE k='key_version'").fetchone()
        if row and row[0] != KEY_VERSION:
            self._rekey()
        self._a1: dict[str, str] = {r[0]: r[2] or r[1] for r in self.con.execute("SELECT code, name, asciiname FROM geo_admin1")}
        self._a2: dict[str, str] = {r[0]: r[2] or r[1] for r in self.con.execute("SELECT code, name, asciiname FROM geo_admin2")}

    def _rekey(self) -> None:
        """The name normalizer changed since the import: recompute the lookup keys."""
        rows = [(name_key(n or ""), g, n) for _k, g, n in self.con.execute("SELECT key, geonameid, name FROM geo_names")]
        self.con.execute("DELETE FROM geo_names")
        self.con.executemany("INSERT OR IGNORE INTO geo_names VALUES (?,?,?)", [r for r in rows if len(r[0]) >= 2])
        self.con.execute("INSERT OR REPLACE INTO geo_meta VALUES ('key_version', ?)", (KEY_VERSION,))
        self.con.commit()

    def find(self, key: str) -> list[Place]:
        """Places (feature classes P and A) whose name has this match key."""
        out = []
        for r in self.con.execute(
                "SELECT p.geonameid, p.name, p.asciiname, p.name_ar, p.country, p.admin1, p.admin2, p.lat, p.lon,"
                " p.population, p.fclass, p.fcode FROM geo_names n JOIN geo_places p ON p.geonameid = n.geonameid"
                " WHERE n.key = ? AND p.fclass IN ('P', 'A')", (key,)):
            gid, name, asc, ar, cc, a1, a2, lat, lon, pop, fcl, fco = r
            if fcl == "A" and fco not in ("ADM1", "ADM2", "PCLI"):
                continue
            out.append(Place(gid, ascii_name(asc or name or ""), ar, cc, a1, a2, lat, lon, int(pop or 0), fcl, fco))
        return out

    def admin1_name(self, country: str | None, code: str | None) -> str | None:
        if not country or not code:
            return None
        return self._a1.get(f"{country}.{code}")

    def admin2_name(self, country: str | None, a1: str | None, a2: str | None) -> str | None:
        if not country or not a1 or not a2:
            return None
        return self._a2.get(f"{country}.{a1}.{a2}")


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``marsad geonames import FILE... [--db FILE]``; returns the exit status."""
    ap = argparse.ArgumentParser(prog="marsad geonames import",
                                 description="Import GeoNames dumps (country files, admin1CodesASCII.txt, admin2Codes.txt, alternateNamesV2.txt) into SQLite.")
    ap.add_argument("files", nargs="+", metavar="FILE")
    ap.add_argument("--db", default="marsad.db", help="SQLite database to write (default: marsad.db)")
    args = ap.parse_args(argv)
    try:
        counts = import_files(args.files, args.db, log=lambda m: print(m, file=sys.stderr))
    except GeoNamesError as e:
        print(str(e), file=sys.stderr)
        return 2
    except (OSError, sqlite3.Error, zipfile.BadZipFile) as e:
        print(f"error GEO004: import failed: {e} (check the files and that {args.db} is writable)", file=sys.stderr)
        return 2
    print(f"{args.db}: {counts['places']} places, {counts['names']} names, {counts['admin1']} admin1, "
          f"{counts['admin2']} admin2, {counts['alt']} alternate names, {counts['skipped_lines']} lines skipped")
    return 0
