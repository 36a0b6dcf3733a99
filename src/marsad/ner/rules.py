"""Rule and lexicon layer: FAC, NORP, and common ORG/LOC forms of conflict news.

Patterns work over a token view (:class:`TokView`): each surface token with its proclitics
(و ف ب ل ك) separated, whether it carries the article, and its normalized stem.

* ORG  — a head noun (``org_heads.txt``: قوات قوى وزارة الحكومة المرصد جيش الفرقة كتيبة ...)
  followed by modifiers: definite adjectives/nouns (الأمن العام، الداخلية، السوري), a number
  (الفرقة 82), a noun in construct before a definite one (هيئة تحرير الشام، لحقوق الإنسان), or
  a proper name.  A quoted name after the head (كتيبة “الغرباء”) is the name itself.  Fixed
  names without a head (فرانس برس، رويترز) come from ``org_names.txt``.
* FAC  — a facility head (``fac_heads.txt``: مخيم سجن حاجز مسجد ساحة ...) + its name.
* LOC  — place-type words that belong to the name (``loc_heads.txt``: محافظة إدلب، ريف إدلب).
* NORP — group names (الأوزبك، الدروز، العشائر) and a people noun + nationality nisba in the
  plural (المهاجرين الفرنسيين), from ``norp.txt``.

Everything is general lexicon + pattern; nothing is keyed to particular texts.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .arabic import norm_key

__all__ = ["TokView", "Lexicons", "load_lexicons", "find_rule_entities"]

DATA = Path(__file__).resolve().parent / "data"

OPEN_QUOTES = {"“", '"', "«", "'", "‘", "„", "‹"}
CLOSE_QUOTES = {"”", '"', "»", "'", "’", "‹", "›"}

# Definite words that follow a name but are not part of it (relative pronouns, time words,
# "affiliated to", "the latter"): they end a head-noun pattern.
_STOP_MODS = {norm_key(w) for w in """
الذي التي الذين اللذين اللتين اللواتي اليوم الماضي الماضية الجاري الجارية الحالي الحالية المقبل
المقبلة الآن التابعة التابع التابعين التابعون الموالية الموالي الموالين الموالون المدعومة المدعوم
المدعومين الأخيرة الأخير المذكور المذكورة المعنية المعني المسؤولة المسؤول ذاتها نفسها نفسه الكبير
الكبيرة الصغير الصغيرة كلها جميعها الجديد الجديدة القديم القديمة المحلي المحلية الأولى الأول
الثاني الثانية المنطقة المدينة البلدة القرية المكان الموقع الهجوم الحادث العملية المواجهات
الاشتباكات القتال الحرب
""".split()}

# Function words that never start a construct ("قوات الأمن في المدينة" ends before في).
_FUNCTION = {norm_key(w) for w in """
في على علي من إلى الى عن مع بعد قبل بين عند حول ضد خلال منذ حتى عبر دون تحت فوق أن ان إن لا لم لن
قد ما كما أو او ثم هو هي هم كل بعض غير أي اي وفق نحو لدى أمام امام وسط جراء إثر اثر عقب
""".split()}


@dataclass(frozen=True, slots=True)
class TokView:
    """One surface token as the rules see it."""

    start: int          # char start of the token
    cstart: int         # char start after conj/prep proclitics
    end: int
    text: str
    word: str           # normalized token
    pro: str            # normalized conj/prep proclitics ("", "و", "ب", "وب"...)
    art: bool           # carries the article ال (after the proclitics)
    stem: str           # normalized, no proclitics, no article
    kind: str           # "ar", "num", "punct", "other"

    @property
    def core(self) -> str:
        return ("ال" + self.stem) if self.art else self.stem


@dataclass
class Lexicons:
    org_heads: dict[str, frozenset[str] | None]
    org_names: dict[tuple[str, ...], str]
    fac_heads: frozenset[str]
    loc_heads: frozenset[str]
    norp_groups: dict[tuple[str, ...], str]
    nisba: frozenset[str]
    people: frozenset[str]
    max_name: int


def _lines(name: str) -> list[str]:
    path = DATA / name
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def _strip_al(w: str) -> str:
    return w[2:] if w.startswith("ال") and len(w) > 3 else w


@lru_cache(maxsize=1)
def load_lexicons() -> Lexicons:
    """Read the lexicon files in ``marsad/ner/data`` (cached)."""
    heads: dict[str, frozenset[str] | None] = {}
    for line in _lines("org_heads.txt"):
        head, _, mods = line.partition(":")
        key = _strip_al(norm_key(head.strip()))
        heads[key] = frozenset(_strip_al(norm_key(m)) for m in mods.split()) if mods.strip() else None
    names: dict[tuple[str, ...], str] = {}
    for line in _lines("org_names.txt"):
        names[tuple(norm_key(line).split())] = "ORG"
    fac = frozenset(_strip_al(norm_key(w)) for w in _lines("fac_heads.txt"))
    loc = frozenset(_strip_al(norm_key(w)) for w in _lines("loc_heads.txt"))
    groups: dict[tuple[str, ...], str] = {}
    nisba, people = set(), set()
    section = None
    for line in _lines("norp.txt"):
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            continue
        w = norm_key(line)
        if section == "groups":
            groups[tuple(w.split())] = "NORP"
        elif section == "nisba":
            nisba.add(w)
        elif section == "people":
            people.add(_strip_al(w))
    max_name = max([len(k) for k in (*names, *groups)] or [1])
    return Lexicons(heads, names, fac, loc, groups, frozenset(nisba), frozenset(people), max_name)


def _is_nisba_plural(stem: str, lex: Lexicons) -> bool:
    """فرنسيين / فرنسيون (normalized stems) → nisba فرنسي in the lexicon."""
    for suf in ("ين", "ون"):
        if stem.endswith(suf) and len(stem) > 4:
            base = stem[:-len(suf)]
            if base in lex.nisba or (base.endswith("ي") and base in lex.nisba):
                return True
    return False


def _is_name_like(t: TokView, name_idx: set[int], i: int) -> bool:
    return i in name_idx and t.kind == "ar" and not t.pro


def _modifiers(toks: list[TokView], j: int, end: int, restrict: frozenset[str] | None,
               name_idx: set[int], stop_idx: set[int], max_mods: int = 5,
               head_definite: bool = False, heads: frozenset[str] = frozenset(),
               blockers: frozenset[str] = frozenset()) -> int:
    """How many tokens from ``j`` extend a head-noun name; 0 if none.

    ``name_idx``: tokens inside a proper name the model found (may follow the head directly);
    ``stop_idx``: tokens inside a person name (never a modifier: "قوات الشرع");
    ``blockers``: stems that open a name of their own ("جماعة | المهاجرين الفرنسيين").
    """
    k = j
    while k < end and k - j < max_mods:
        t = toks[k]
        if k in stop_idx or (t.art and t.stem in blockers):
            break
        if t.kind == "num":
            if k == j or toks[k - 1].kind != "num":
                k += 1
                continue
            break
        if t.kind != "ar" or "و" in t.pro or "ف" in t.pro:
            break
        if restrict is not None and k == j and t.stem not in restrict:
            break
        if t.art and not t.pro and t.word not in _STOP_MODS:
            k += 1
            continue
        if _is_name_like(t, name_idx, k) and k == j:
            # a proper name right after the head: "حكومة دمشق", "سجن صيدنايا"
            k += 1
            continue
        # a noun in construct before a definite word: "تحرير الشام", "لحقوق الإنسان"
        # (a plain construct only right after the head, a ل-construct only later)
        if (not t.art and k + 1 < end and toks[k + 1].kind == "ar" and toks[k + 1].art
                and not toks[k + 1].pro and toks[k + 1].word not in _STOP_MODS
                and k + 1 not in stop_idx and t.word not in _FUNCTION and len(t.stem) > 2
                and t.stem not in heads
                and ((t.pro == "" and k == j and not head_definite) or (t.pro == "ل" and k > j))):
            k += 2
            continue
        break
    return k - j


def _quoted(toks: list[TokView], j: int, end: int) -> tuple[int, int] | None:
    """If a quoted name (1-5 tokens) opens at ``j``, its token range (without the quotes)."""
    if j < end and toks[j].kind == "punct" and toks[j].text in OPEN_QUOTES:
        for k in range(j + 1, min(end, j + 7)):
            if toks[k].kind == "punct" and toks[k].text in CLOSE_QUOTES:
                return (j + 1, k) if k > j + 1 else None
            if toks[k].kind == "punct":
                return None
    return None


def find_rule_entities(toks: list[TokView], sent_ranges: list[tuple[int, int]],
                       model_types: dict[int, str]) -> list[tuple[int, int, str, str]]:
    """Rule matches as (first token, end token, type, source).

    ``model_types`` maps token indices inside a name found by the statistical model to its type
    (proper-name evidence: "سجن صيدنايا"; a person name is never a modifier).
    """
    lex = load_lexicons()
    org_names = {k for k, v in model_types.items() if v in ("ORG", "MISC")}
    any_names = {k for k, v in model_types.items() if v in ("ORG", "MISC", "LOC")}
    per_idx = {k for k, v in model_types.items() if v == "PER"}
    all_heads = frozenset(lex.org_heads) | lex.fac_heads | lex.loc_heads | lex.people
    blockers = lex.people | lex.fac_heads
    out: list[tuple[int, int, str, str]] = []
    for s, e in sent_ranges:
        i = s
        while i < e:
            t = toks[i]
            found = None
            if t.kind == "ar" and t.art and t.stem in lex.people and i + 1 < e \
                    and toks[i + 1].art and not toks[i + 1].pro \
                    and (toks[i + 1].word,) in lex.norp_groups:
                found = (i, i + 2, "NORP", "rules")
            if t.kind == "ar" and found is None:
                # fixed names (media, agencies, groups): longest match first
                for ln in range(min(lex.max_name, e - i), 0, -1):
                    seq = (t.core if t.pro else t.word,) + tuple(x.word for x in toks[i + 1:i + ln])
                    typ = lex.org_names.get(seq) or lex.norp_groups.get(seq)
                    if typ:
                        found = (i, i + ln, typ, "lexicon")
                        break
                if found is None and t.stem in lex.org_heads:
                    restrict = lex.org_heads[t.stem]
                    q = _quoted(toks, i + 1, e)
                    if q and restrict is None:
                        out.append((q[0], q[1], "ORG", "rules"))
                        i = q[1] + 1
                        continue
                    n = _modifiers(toks, i + 1, e, restrict, org_names, per_idx,
                                   head_definite=t.art, heads=all_heads, blockers=blockers)
                    if n:
                        found = (i, i + 1 + n, "ORG", "rules")
                if found is None and t.stem in lex.fac_heads:
                    q = _quoted(toks, i + 1, e)
                    if q:
                        out.append((q[0], q[1], "FAC", "rules"))
                        i = q[1] + 1
                        continue
                    n = _modifiers(toks, i + 1, e, None, any_names, per_idx, max_mods=3,
                                   head_definite=t.art, heads=all_heads, blockers=blockers)
                    if n:
                        found = (i, i + 1 + n, "FAC", "rules")
                if found is None and t.stem in lex.loc_heads and not t.art and i + 1 < e:
                    nx = toks[i + 1]
                    if nx.kind == "ar" and not nx.pro and (model_types.get(i + 1) == "LOC" or nx.art):
                        k = i + 2
                        while k < e and model_types.get(k) == "LOC" and not toks[k].pro:
                            k += 1
                        found = (i, k, "LOC", "rules")
                if found is None and t.art and t.stem in lex.people and i + 1 < e:
                    nx = toks[i + 1]
                    if nx.art and not nx.pro and (_is_nisba_plural(nx.stem, lex)
                                                  or (nx.word,) in lex.norp_groups):
                        found = (i, i + 2, "NORP", "rules")
                    elif nx.art and not nx.pro and nx.stem in ("اجانب",) and i + 2 < e \
                            and toks[i + 2].art and _is_nisba_plural(toks[i + 2].stem, lex):
                        found = (i, i + 3, "NORP", "rules")
            if found:
                out.append(found)
                i = found[1]
            else:
                i += 1
    return out
