"""Knowledge files of event extraction, and the pattern matcher that reads them.

The files live in ``marsad/events/data/`` (formats: ``data/README.md``): ``triggers.tsv`` (event
triggers with their PLOVER/ACLED codes), ``weapons.tsv`` (weapon classes) and ``cues.tsv``
(attribution, certainty, negation, casualty and place cues).  An analyst adds a line; no code
changes.

Pattern syntax (one line may hold several phrases separated by ``|``): a phrase is words separated
by spaces; a word is alternatives separated by ``/``; an alternative ending in ``*`` matches any
word starting with it; a lone ``...`` skips 0-3 words.  Patterns and text are folded by :func:`marsad.events.textutil.fold`, and a text word
matches a pattern word when it is the pattern word plus optional proclitics (و ف ب ل ك س ال) and
an optional pronoun suffix.
"""
from __future__ import annotations

import bisect
import csv
import functools
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import MarsadError
from .textutil import Word, fold_key

DATA_DIR = Path(__file__).resolve().parent / "data"
GAP = "..."
MAX_GAP = 3

# Proclitic chains, longest first (conjunction + preposition/future + article).
_PROCLITICS = sorted({
    c + p + a
    for c in ("", "و", "ف")
    for p in ("", "ب", "ل", "ك", "س")
    for a in ("", "ال")
    if not (p == "س" and a)
} | {"لل", "ولل", "فلل"}, key=len, reverse=True)
_PROCLITIC_SET = frozenset(_PROCLITICS)
_SUFFIXES = ("", "ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "كن", "نا", "ا")  # not ي: it would read nisba adjectives (اجتماعي) as nouns
_MIN_BASE = 2          # shortest prefix looked up in the prefix index
_MIN_STRIPPED = 3      # shortest base left after stripping clitics ("وكان" is not و+ك+ان)


@functools.lru_cache(maxsize=1 << 16)
def analyses(form: str, tm: bool = False) -> tuple[tuple[str, str], ...]:
    """Every (base, proclitic) reading of a folded word: proclitics and a pronoun suffix (or the
    alef of the indefinite accusative: تهديدا) stripped.

    The word itself is always the first reading.  A base before a suffix that ends in ت also gets
    its taa-marbuta form (محاولتها -> محاوله).  ``tm``: the word ends in a taa marbuta, so its
    final ه is not a pronoun (الطالبة is not طالب + ه).  A stripped base keeps at least three
    letters, and an imperfect verb (ي...) takes no preposition or article (بيتهم is not ب + يتهم).
    """
    out: list[tuple[str, str]] = [(form, "")]
    seen = {form}
    for pro in _PROCLITICS:
        if pro and not form.startswith(pro):
            continue
        rest = form[len(pro):]
        for suf in _SUFFIXES:
            if suf and not rest.endswith(suf):
                continue
            if tm and suf == "ه":
                continue
            base = rest[:len(rest) - len(suf)] if suf else rest
            only_conj = not suf and pro in ("و", "ف")      # "ولم", "فلا" keep two letters
            if len(base) < (_MIN_BASE if only_conj else _MIN_STRIPPED):
                continue
            if base[:1] == "ي" and any(c in pro for c in ("ب", "ك")) or (
                    base[:1] == "ي" and pro.endswith("ال")):
                continue
            cands = [base]
            if suf and base.endswith("ت"):
                cands.append(base[:-1] + "ه")
            for b in cands:
                if b not in seen:
                    seen.add(b)
                    out.append((b, pro))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Alt:
    form: str
    prefix: bool


@dataclass(slots=True)
class Pattern:
    """One compiled pattern and the data row it came from."""

    text: str
    items: list                  # list[list[Alt]] with GAP strings between
    row: dict = field(default_factory=dict)
    source: str = ""             # file:line, for error messages and provenance
    nwords: int = 0


@dataclass(frozen=True, slots=True)
class Match:
    pattern: Pattern
    first: int                   # index of the first matched word
    last: int                    # index of the last matched word
    start: int                   # original-text span
    end: int
    proclitic: str               # proclitic read on the first word ("" when none)


def compile_patterns(text: str, source: str = "<pattern>", row: dict | None = None) -> list[Pattern]:
    """Compile a pattern cell (phrases separated by ``|``) into one :class:`Pattern` per phrase."""
    phrases = [p.strip() for p in text.split("|")]
    if not all(phrases):
        raise MarsadError("E_EVENTS_DATA", f"{source}: empty phrase in {text!r}",
                          "remove the stray '|'")
    return [compile_pattern(p, source, row) for p in phrases]


def compile_pattern(text: str, source: str = "<pattern>", row: dict | None = None) -> Pattern:
    """Compile one phrase; raises ``MarsadError(E_EVENTS_DATA)`` when it is malformed."""
    items: list = []
    for tok in text.split():
        if tok in (GAP, "…"):
            if not items or items[-1] == GAP:
                raise MarsadError("E_EVENTS_DATA", f"{source}: pattern {text!r} has a gap with no "
                                  "word before it", "a '...' goes between two words")
            items.append(GAP)
            continue
        alts = []
        for a in tok.split("/"):
            pre = a.endswith("*")
            f = fold_key(a.rstrip("*"))
            if not f:
                raise MarsadError("E_EVENTS_DATA", f"{source}: empty alternative in {text!r}",
                                  "remove the stray '/' or '*'")
            alts.append(Alt(f, pre))
        items.append(alts)
    if not items or items[-1] == GAP:
        raise MarsadError("E_EVENTS_DATA", f"{source}: pattern {text!r} is empty or ends in a gap",
                          "write at least one word; '...' only between words")
    return Pattern(text, items, row or {}, source, sum(1 for i in items if i != GAP))


def _word_match(form: str, alts: list[Alt], tm: bool = False) -> str | None:
    """The proclitic read when ``form`` matches one of ``alts``; None when it does not match."""
    for base, pro in analyses(form, tm):
        for a in alts:
            if (a.prefix and base.startswith(a.form)) or (not a.prefix and base == a.form):
                return pro
    return None


class PatternSet:
    """A set of patterns, indexed by their first word for a fast scan of a document."""

    def __init__(self, patterns: list[Pattern]):
        self.patterns = patterns
        self._exact: dict[str, list[Pattern]] = {}
        self._prefix: dict[str, list[Pattern]] = {}
        self._cache: dict[tuple[str, bool], dict[int, tuple[Pattern, str]]] = {}
        for p in patterns:
            for a in p.items[0]:
                (self._prefix if a.prefix else self._exact).setdefault(a.form, []).append(p)

    def _candidates(self, form: str, tm: bool = False) -> dict[int, tuple[Pattern, str]]:
        key = (form, tm)
        hit = self._cache.get(key)
        if hit is None:
            hit = self._cache[key] = self._candidates_uncached(form, tm)
            if len(self._cache) > 200_000:        # bound memory on huge batches
                self._cache.clear()
        return hit

    def _candidates_uncached(self, form: str, tm: bool) -> dict[int, tuple[Pattern, str]]:
        out: dict[int, tuple[Pattern, str]] = {}
        for base, pro in analyses(form, tm):
            for p in self._exact.get(base, ()):
                out.setdefault(id(p), (p, pro))
            for n in range(_MIN_BASE, len(base) + 1):
                for p in self._prefix.get(base[:n], ()):
                    out.setdefault(id(p), (p, pro))
        return out

    def find(self, words: list[Word], lo: int = 0, hi: int | None = None) -> list[Match]:
        """All matches inside ``words[lo:hi]`` (overlapping matches are all returned)."""
        hi = len(words) if hi is None else hi
        found: list[Match] = []
        for i in range(lo, hi):
            for p, pro in self._candidates(words[i].form, words[i].tm).values():
                last = _match_rest(p.items, 1, words, i + 1, hi)
                if last is not None:
                    last = max(last, i)
                    found.append(Match(p, i, last, words[i].start, words[last].end, pro))
        return found


def literal_words(m: Match, words: list[Word]) -> list[int]:
    """The word indices of match ``m`` that its pattern's words matched, without the words a
    gap ('...') skipped ("ألقت مسيّرة إسرائيلية قنبلة": not the drone, which is the subject)."""
    items = m.pattern.items
    if GAP not in items:
        return list(range(m.first, m.last + 1))
    alts = [a for it in items if it != GAP for a in it]
    return [k for k in range(m.first, m.last + 1)
            if k == m.first or _word_match(words[k].form, alts, words[k].tm) is not None]


def _match_rest(items: list, k: int, words: list[Word], j: int, hi: int) -> int | None:
    """Match ``items[k:]`` from word ``j``; returns the index of the last matched word."""
    if k >= len(items):
        return j - 1
    if items[k] == GAP:
        for skip in range(0, MAX_GAP + 1):
            r = _match_rest(items, k + 1, words, j + skip, hi)
            if r is not None:
                return r
        return None
    if j >= hi:
        return None
    if _word_match(words[j].form, items[k], words[j].tm) is None:
        return None
    return _match_rest(items, k + 1, words, j + 1, hi)


def longest(matches: list[Match]) -> list[Match]:
    """Resolve overlapping matches: the earliest start wins (the governing word is read first:
    "تفكيك عبوة ناسفة" is a defusing, not an explosion), and at one start the longest match
    (more words, more characters, then the higher weight)."""
    def key(m: Match):
        return (m.start, -m.pattern.nwords, -(m.end - m.start),
                -float(m.pattern.row.get("weight") or 0))
    kept: list[Match] = []
    for m in sorted(matches, key=key):
        if not kept or m.start >= kept[-1].end:
            kept.append(m)
    return kept


# ----------------------------------------------------------------------------- loading

def _read_tsv(path: Path, required: tuple[str, ...]) -> list[tuple[int, dict]]:
    """Rows of a TSV knowledge file: '#' lines are comments, the first other line the header."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise MarsadError("E_EVENTS_DATA", f"{path}: cannot read knowledge file: {exc}",
                          "reinstall marsad or restore the file from the repository") from exc
    body = [(n, ln) for n, ln in enumerate(lines, 1) if ln.strip() and not ln.lstrip().startswith("#")]
    if not body:
        raise MarsadError("E_EVENTS_DATA", f"{path}: no header line", "the first non-comment line "
                          f"names the columns: {', '.join(required)}")
    header = [h.strip() for h in body[0][1].split("\t")]
    missing = [c for c in required if c not in header]
    if missing:
        raise MarsadError("E_EVENTS_DATA", f"{path}:{body[0][0]}: header lacks {missing}",
                          "columns are TAB-separated; see data/README.md")
    rows = []
    for n, ln in body[1:]:
        cells = next(csv.reader([ln], delimiter="\t", quoting=csv.QUOTE_NONE))
        row = {h: (cells[i].strip() if i < len(cells) else "") for i, h in enumerate(header)}
        if not row.get("pattern"):
            raise MarsadError("E_EVENTS_DATA", f"{path}:{n}: empty pattern",
                              "columns are TAB-separated, pattern first")
        rows.append((n, row))
    return rows


PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
                "ASSAULT")
ACLED_SUBTYPES = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": ("Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack",
                                   "Remote explosive/landmine/IED", "Grenade"),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention",
                 "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": ("Agreement", "Arrests", "Change to group/activity",
                               "Disrupted weapons use", "Headquarters or base established",
                               "Looting/property destruction", "Non-violent transfer of territory",
                               "Other"),
}
SUBTYPE_TO_TYPE = {s: t for t, subs in ACLED_SUBTYPES.items() for s in subs}
TRIGGER_FLAGS = {"needs_actor1", "needs_speech", "generic", "civ_refine", "one_sided", "territory", "attempt_ok",
                 "no_article"}
CUE_CATEGORIES = {"victim", "violence", "habitual", "retelling", "remnant", "weapons_used", "not_demand", "public_addressee", "attrib", "source", "speech", "denial", "confirmed", "negation", "hypothetical",
                  "attempt", "objective", "adjunct", "killed", "injured", "arrested", "unconfirmed",
                  "none", "unspecified", "weapon_nonuse", "state", "actor_noun", "civilian",
                  "anaphor", "quantifier", "place", "region", "destination", "person_count"}


@dataclass
class Lexicon:
    """All knowledge files, compiled.

    Besides one :class:`PatternSet` per file (and per cue category), the lexicon keeps one merged
    first-word index over all of them (:meth:`scan`): a document's words are then read once for
    every set, not once per set (there are some thirty sets).
    """

    triggers: PatternSet
    weapons: PatternSet
    cues: dict[str, PatternSet]
    _exact: dict = field(default_factory=dict, repr=False)
    _prefix: dict = field(default_factory=dict, repr=False)
    _prefix_lens: tuple = field(default=(), repr=False)
    _forms: dict = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for name, ps in self.sets():
            for p in ps.patterns:
                for a in p.items[0]:
                    (self._prefix if a.prefix else self._exact).setdefault(a.form, []).append(
                        (name, p))
        self._prefix_lens = tuple(sorted({len(k) for k in self._prefix if len(k) >= _MIN_BASE}))
        # The first two letters of every indexed key: a word none of whose readings starts with
        # such a pair begins no pattern (most words of a text), and is rejected without analysis.
        keys = [k for k in self._exact if len(k) >= 2] + [
            k for k in self._prefix if len(k) >= _MIN_BASE]
        self._heads2 = {k for k in keys if len(k) == 2}
        self._heads3 = {k[:3] for k in keys if len(k) >= 3}

    def cue(self, category: str) -> PatternSet:
        return self.cues.get(category) or PatternSet([])

    def sets(self) -> list[tuple[str, PatternSet]]:
        """Every pattern set with its scan name: ``triggers``, ``weapons``, ``cue:<category>``."""
        return [("triggers", self.triggers), ("weapons", self.weapons)] + [
            (f"cue:{k}", v) for k, v in self.cues.items()]

    def _first_word(self, form: str, tm: bool) -> tuple[tuple[str, Pattern, str], ...]:
        """(set name, pattern, proclitic) of every pattern whose first word ``form`` can be, in
        the order :meth:`PatternSet.find` would try them (so results are the same)."""
        key = (form, tm)
        hit = self._forms.get(key)
        if hit is not None:
            return hit
        if not self._may_begin(form):
            if len(self._forms) > 400_000:
                self._forms.clear()
            self._forms[key] = ()
            return ()
        out: list[tuple[str, Pattern, str]] = []
        seen: set[int] = set()
        exact, prefix, lens = self._exact, self._prefix, self._prefix_lens
        for base, pro in analyses(form, tm):
            # the whole base, then each prefix length the index holds (lens ascending)
            hits = [exact.get(base)] + [prefix.get(base[:n]) for n in lens if n <= len(base)]
            for got in hits:
                for name, p in got or ():
                    if id(p) not in seen:
                        seen.add(id(p))
                        out.append((name, p, pro))
        hit = tuple(out)
        if len(self._forms) > 400_000:        # bound memory on huge batches
            self._forms.clear()
        self._forms[key] = hit
        return hit

    def _may_begin(self, form: str) -> bool:
        """False when no reading of ``form`` can begin a pattern: every reading's base starts
        after a proclitic (at most four letters), and no two-letter key is its first two letters
        nor does any longer key start with its first three.  (A base keeps at least two letters;
        the taa-marbuta variant changes only its last one: a three-letter base ending in ت is
        also tried with ه.)"""
        if form in self._exact:
            return True
        h2, h3 = self._heads2, self._heads3
        for k in range(0, min(6, len(form) - 1)):
            if k and form[:k] not in _PROCLITIC_SET:
                continue
            two = form[k:k + 2]
            if two in h2 or form[k:k + 3] in h3 or (form[k + 2:k + 3] == "ت" and two + "ه" in h3):
                return True
        return False

    def scan(self, words: list[Word]) -> "DocScan":
        """Index a document's words once for every pattern set (see :class:`DocScan`)."""
        return DocScan(self, words)


class DocScan:
    """One document's words looked up once in the lexicon's merged first-word index.

    ``find(name, lo, hi)`` gives what ``PatternSet.find(words, lo, hi)`` gives for the set called
    ``name`` (``triggers``, ``weapons``, ``cue:<category>``), in the same order, but only tries
    the words that begin some pattern of that set; results are memoised per range.
    """

    def __init__(self, lexicon: Lexicon, words: list[Word]):
        self.words = words
        self.starts: dict[str, list[tuple[int, Pattern, str]]] = {}
        first = lexicon._first_word
        memo: dict[tuple[str, bool], tuple] = {}
        for w in words:
            key = (w.form, w.tm)
            hits = memo.get(key)
            if hits is None:
                hits = memo[key] = first(w.form, w.tm)
            for name, p, pro in hits:
                lst = self.starts.get(name)
                if lst is None:
                    lst = self.starts[name] = []
                lst.append((w.i, p, pro))
        self._index = {name: [x[0] for x in lst] for name, lst in self.starts.items()}
        self._memo: dict[tuple[str, int, int], list[Match]] = {}

    def find(self, name: str, lo: int = 0, hi: int | None = None) -> list[Match]:
        """All matches of set ``name`` starting inside ``words[lo:hi]`` and ending before ``hi``."""
        hi = len(self.words) if hi is None else hi
        key = (name, lo, hi)
        hit = self._memo.get(key)
        if hit is not None:
            return list(hit)
        words = self.words
        found: list[Match] = []
        starts = self.starts.get(name, ())
        k = bisect.bisect_left(self._index.get(name, ()), lo)
        for i, p, pro in starts[k:]:
            if i >= hi:
                break
            last = _match_rest(p.items, 1, words, i + 1, hi)
            if last is not None:
                last = max(last, i)
                found.append(Match(p, i, last, words[i].start, words[last].end, pro))
        self._memo[key] = found
        return list(found)


def load_triggers(path: Path) -> list[Pattern]:
    out = []
    for n, row in _read_tsv(path, ("pattern", "plover", "acled_type", "acled_subtype", "mode",
                                   "weight")):
        src = f"{path}:{n}"
        if row["plover"] not in PLOVER_TYPES:
            raise MarsadError("E_EVENTS_DATA", f"{src}: unknown PLOVER type {row['plover']!r}",
                              f"use one of {', '.join(PLOVER_TYPES)}")
        sub, typ = row.get("acled_subtype") or "", row.get("acled_type") or ""
        if sub and SUBTYPE_TO_TYPE.get(sub) != typ:
            raise MarsadError("E_EVENTS_DATA", f"{src}: ACLED sub-type {sub!r} is not under {typ!r}",
                              "see docs/event-coding.md for the 25 sub-types and their types")
        if row["mode"] not in ("material", "verbal"):
            raise MarsadError("E_EVENTS_DATA", f"{src}: mode must be material or verbal",
                              "verbal = statements (no ACLED code), material = acts")
        try:
            w = float(row["weight"])
        except ValueError:
            w = -1.0
        if not 0.0 <= w <= 1.0:
            raise MarsadError("E_EVENTS_DATA", f"{src}: weight {row['weight']!r} is not in [0, 1]",
                              "weight is the trigger's base confidence")
        row["weight"] = w
        flags = {f.strip() for f in (row.get("flags") or "").split(",") if f.strip()}
        bad = flags - TRIGGER_FLAGS
        if bad:
            raise MarsadError("E_EVENTS_DATA", f"{src}: unknown flags {sorted(bad)}",
                              f"known flags: {', '.join(sorted(TRIGGER_FLAGS))}")
        row["flags"] = flags
        row["absorb_into"] = {a.strip() for a in (row.get("absorb_into") or "").split(",")
                              if a.strip()}
        out.extend(compile_patterns(row["pattern"], src, row))
    return out


def load_weapons(path: Path) -> list[Pattern]:
    out = []
    for n, row in _read_tsv(path, ("pattern", "classes")):
        row["classes"] = [c.strip() for c in row["classes"].split(";") if c.strip()]
        if not row["classes"]:
            raise MarsadError("E_EVENTS_DATA", f"{path}:{n}: no weapon class",
                              "give one or more classes separated by ';'")
        out.extend(compile_patterns(row["pattern"], f"{path}:{n}", row))
    return out


def load_cues(path: Path) -> dict[str, list[Pattern]]:
    out: dict[str, list[Pattern]] = {}
    for n, row in _read_tsv(path, ("pattern", "category")):
        if row["category"] not in CUE_CATEGORIES:
            raise MarsadError("E_EVENTS_DATA", f"{path}:{n}: unknown cue category "
                              f"{row['category']!r}", f"known: {', '.join(sorted(CUE_CATEGORIES))}")
        out.setdefault(row["category"], []).extend(
            compile_patterns(row["pattern"], f"{path}:{n}", row))
    return out


def load_lexicon(data_dir: str | Path | None = None) -> Lexicon:
    """Load and compile the knowledge files from ``data_dir`` (default: the packaged ones)."""
    d = Path(data_dir) if data_dir is not None else DATA_DIR
    return Lexicon(
        triggers=PatternSet(load_triggers(d / "triggers.tsv")),
        weapons=PatternSet(load_weapons(d / "weapons.tsv")),
        cues={k: PatternSet(v) for k, v in load_cues(d / "cues.tsv").items()},
    )


@functools.lru_cache(maxsize=4)
def default_lexicon() -> Lexicon:
    """The packaged knowledge files, loaded once."""
    return load_lexicon(None)
