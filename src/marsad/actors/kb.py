"""The actor knowledge base: canonical actors, their names, and context-dependent descriptors.

The base is a data file (``marsad/actors/data/actors.json``, format ``marsad-actors/1``; its
``_readme`` header documents every field).  Users add or correct actors by editing that file or by
passing their own file to :func:`load_kb`; :meth:`ActorKB.merge_file` also reads the ``actors``
table of a ``marsad-gold/1`` file, so actors annotated in a gold set can be added as they are.

Lookup keys are :func:`match_key` forms of the names, so spelling variants that only differ in
hamza seats, taa marbuta, alef maqsura, diacritics, or nominative/oblique plural endings (-ون/-ين)
meet on one key.
"""
from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from marsad.model import Actor

from .normkey import name_key

__all__ = ["ActorKB", "KBError", "Descriptor", "load_kb", "match_key", "DEFAULT_KB_PATH", "KINDS"]

DEFAULT_KB_PATH = Path(__file__).with_name("data") / "actors.json"

KINDS = frozenset({
    "state-forces", "armed-group", "government", "state-agency", "person", "country", "monitor",
    "media", "civilians", "protesters", "other",
})


class KBError(ValueError):
    """A knowledge-base file cannot be read. ``code`` names the problem, ``hint`` the fix."""

    def __init__(self, code: str, message: str, hint: str = "", path: str | None = None):
        self.code, self.message, self.hint, self.path = code, message, hint, path
        super().__init__(f"{path or '<kb>'}: error {code}: {message}" + (f" ({hint})" if hint else ""))


@lru_cache(maxsize=200_000)
def match_key(s: str) -> str:
    """The key names are matched on: :func:`name_key` plus plural folding (word-final -ون → -ين)
    and the two spellings of "American" ("أميركي" → "أمريكي").

    Nominative and oblique sound plurals ("المهاجرون"/"المهاجرين") name the same group; the
    folding is applied to knowledge-base names and mentions alike, so it only has to be consistent.
    """
    k = name_key(s)
    if "اميرك" in k:
        # "أميركي"/"أمريكي" (and "الأميركية") are one nisba written two ways
        k = k.replace("اميرك", "امريك")
    if "ون" not in k:
        return k
    words = k.split(" ")
    for i, w in enumerate(words):
        if len(w) >= 5 and w.endswith("ون"):
            words[i] = w[:-2] + "ين"
    return " ".join(words)


@dataclass(frozen=True, slots=True)
class Descriptor:
    """A generic phrase that names ``actor`` when the report is about ``country`` in [start, end].

    ``actor`` "@country" = the country actor of the country in focus; "@antecedent" = whichever of
    ``candidates`` the sentence (else the document) names ("التنظيم" after "داعش"); "@<role>"
    (e.g. "@military", "@police") = the country's actor that has that role at the date.
    """

    actor: str
    country: str | None
    start: str | None   # ISO date, inclusive; None = open
    end: str | None     # ISO date, inclusive; None = open
    candidates: tuple[str, ...] = ()
    cue_only: bool = False   # only read when the mention names its country ("قوات" + "إسرائيلية")
    near: tuple[str, ...] = ()   # match keys of places: read only when the sentence names one of them


def _iso(value: Any) -> str | None:
    """An ISO ``YYYY-MM-DD`` string from a date, datetime or string (None when not a date)."""
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, str):
        s = value.strip()[:10]
        try:
            return _dt.date.fromisoformat(s).isoformat()
        except ValueError:
            if len(s) >= 7 and s[:4].isdigit():   # "2025-10" month precision: its first day
                try:
                    return _dt.date.fromisoformat(s[:7] + "-01").isoformat()
                except ValueError:
                    return None
    return None


@dataclass
class ActorKB:
    """Canonical actors and the indexes the resolver uses.

    ``actors``: id → :class:`marsad.model.Actor`.  ``valid``: id → (valid_from, valid_to) ISO
    dates or None.  ``alias_index``: match key → actor ids (file order).  ``descriptor_index``:
    match key → :class:`Descriptor` list.  ``cue_index``: match key → country code (words that
    show which country a text is about).  ``roles``: (country, role) → actor ids that hold the
    role ("military", "police").  ``forces_of``: person id → ids of the forces that person leads
    ("قوات صالح").  ``not_actors``: match keys of words that never name an actor (vehicles,
    weapons, medics...).  ``pro_government``: ids of non-state forces fighting for a government
    (ACLED codes their recapture of a place as "Government regains territory").
    """

    actors: dict[str, Actor] = field(default_factory=dict)
    valid: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    alias_index: dict[str, list[str]] = field(default_factory=dict)
    descriptor_index: dict[str, list[Descriptor]] = field(default_factory=dict)
    cue_index: dict[str, str] = field(default_factory=dict)
    roles: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    forces_of: dict[str, list[str]] = field(default_factory=dict)
    not_actors: set[str] = field(default_factory=set)
    pro_government: set[str] = field(default_factory=set)
    sources: list[str] = field(default_factory=list)
    version: int = 0   # bumped on every change, so resolvers can drop their caches

    # ------------------------------------------------------------------ lookup helpers
    def get(self, actor_id: str) -> Actor | None:
        """The actor with this id, or None."""
        return self.actors.get(actor_id)

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self.actors

    def __len__(self) -> int:
        return len(self.actors)

    def lookup(self, name: str) -> list[str]:
        """Actor ids whose alias has the same match key as ``name`` (exact, no context)."""
        return list(self.alias_index.get(match_key(name), ()))

    def descriptors(self, name: str) -> list[Descriptor]:
        """The context-dependent readings of a generic phrase (empty when it has none)."""
        return list(self.descriptor_index.get(match_key(name), ()))

    def is_valid(self, actor_id: str, when: Any) -> bool:
        """Whether the actor exists under this identity at ``when`` (a date or ISO string)."""
        day = _iso(when)
        vf, vt = self.valid.get(actor_id, (None, None))
        if day is None:
            return vt is None   # no date: the current identity
        return (vf is None or vf <= day) and (vt is None or day <= vt)

    def country_actor(self, cc: str | None) -> str | None:
        """The id of the country actor for an ISO code (None when the base has none)."""
        if not cc:
            return None
        for a in self.actors.values():
            if a.kind == "country" and a.country == cc:
                return a.id
        return None

    def role_actor(self, cc: str | None, role: str, when: Any = None) -> str | None:
        """The one actor of country ``cc`` that holds ``role`` ("military", "police") at ``when``;
        None when none or several do.  A country without a police actor falls back to its military
        (security operations of a state whose base only lists its army)."""
        if not cc:
            return None
        for r in (role, "military") if role != "military" else (role,):
            ids = [i for i in self.roles.get((cc, r), ()) if self.is_valid(i, when)]
            if len(ids) == 1:
                return ids[0]
            if ids:
                return None
        return None

    def forces_for(self, person_id: str, when: Any = None) -> str | None:
        """The forces led by ``person_id`` at ``when`` ("قوات حفتر" → libya-forces), or None."""
        ids = [i for i in self.forces_of.get(person_id, ()) if self.is_valid(i, when)]
        return ids[0] if len(ids) == 1 else None

    def by_kind(self, kind: str) -> list[Actor]:
        """All actors of one kind (file order)."""
        return [a for a in self.actors.values() if a.kind == kind]

    # ------------------------------------------------------------------ building
    def add(self, actor: Actor, *, valid_from: Any = None, valid_to: Any = None,
            cues: Iterable[str] = ()) -> None:
        """Add (or replace) an actor and index its names, Arabic and Latin."""
        old = self.actors.get(actor.id)
        if old is not None:
            self._unindex(old)
        self.actors[actor.id] = actor
        self.valid[actor.id] = (_iso(valid_from), _iso(valid_to))
        names = [actor.name_ar or "", *actor.aliases, actor.name]
        seen: set[str] = set()
        for n in names:
            k = match_key(n) if isinstance(n, str) else ""
            if not k or k in seen:
                continue
            seen.add(k)
            ids = self.alias_index.setdefault(k, [])
            if actor.id not in ids:
                ids.append(actor.id)
        if actor.country:
            for c in cues:
                for k in _cue_forms(match_key(c) if isinstance(c, str) else ""):
                    self.cue_index.setdefault(k, actor.country)
        self.version += 1

    def _unindex(self, actor: Actor) -> None:
        for k in [k for k, ids in self.alias_index.items() if actor.id in ids]:
            ids = [i for i in self.alias_index[k] if i != actor.id]
            if ids:
                self.alias_index[k] = ids
            else:
                del self.alias_index[k]

    def add_descriptor(self, terms: Iterable[str], actor_id: str, *, country: str | None = None,
                       start: Any = None, end: Any = None, candidates: Iterable[str] = (),
                       cue_only: bool = False, near: Iterable[str] = ()) -> None:
        """Let generic ``terms`` name ``actor_id`` in reports about ``country`` within [start, end].

        ``country`` "*" (or None) means any country; ``actor_id`` "@country" means the country actor
        of the country in focus ("السلطات" in a Turkish report → turkey); "@antecedent" means the one
        of ``candidates`` (actor ids) that the context names ("التنظيم" in a text about داعش → isis);
        "@military"/"@police" (any "@<role>") the country's actor with that role at the date.
        ``cue_only`` terms are read only when the mention itself names the country ("قوات" in
        "قوات إسرائيلية"), never from the context.  ``near`` place names restrict the reading to
        sentences that name one of them ("قوى الأمن الداخلي" near الحسكة/القامشلي = the Asayish); such
        a reading beats the country's plain one.
        """
        cc = country.upper() if country and country != "*" else "*"
        near_keys = tuple(k for k in (match_key(x) for x in near if isinstance(x, str)) if k)
        d = Descriptor(actor_id, cc, _iso(start), _iso(end), tuple(candidates), bool(cue_only), near_keys)
        for t in terms:
            k = match_key(t)
            if k:
                lst = self.descriptor_index.setdefault(k, [])
                if d not in lst:
                    lst.append(d)
        self.version += 1

    def merge_file(self, path: str | Path) -> None:
        """Add the actors of a ``marsad-actors/1`` file or the ``actors`` table of a ``marsad-gold/1`` file."""
        p = Path(path)
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise KBError("KB001", "actor knowledge base file not found", "check the path, or omit it to use the built-in base", str(p)) from None
        except (OSError, UnicodeDecodeError) as e:
            raise KBError("KB002", f"cannot read actor knowledge base: {e}", "the file must be UTF-8 JSON", str(p)) from None
        except json.JSONDecodeError as e:
            raise KBError("KB003", f"invalid JSON at line {e.lineno} column {e.colno}: {e.msg}", "fix the JSON syntax (a missing comma or quote)", str(p)) from None
        self.merge_data(data, str(p))

    def merge_data(self, data: Any, where: str = "<data>") -> None:
        """Add actors from already-parsed data (see :meth:`merge_file`)."""
        if not isinstance(data, dict) or "actors" not in data:
            raise KBError("KB004", "no 'actors' table", "the file needs a top-level object with an 'actors' list (marsad-actors/1) or id→actor map (marsad-gold/1)", where)
        raw = data["actors"]
        if isinstance(raw, dict):   # marsad-gold/1: id → {name, kind, country?, aliases}
            items = [dict(v, id=k) for k, v in raw.items() if isinstance(v, dict)]
        elif isinstance(raw, list):
            items = raw
        else:
            raise KBError("KB004", "'actors' must be a list or an object", "see the _readme header of marsad/actors/data/actors.json", where)
        for n, a in enumerate(items):
            if not isinstance(a, dict) or not isinstance(a.get("id"), str) or not a.get("id"):
                raise KBError("KB005", f"actor #{n} has no string 'id'", "give every actor a unique id like 'syria-internal-security'", where)
            kind = a.get("kind") or "other"
            if kind not in KINDS:
                raise KBError("KB006", f"actor {a['id']!r} has unknown kind {kind!r}", "use one of: " + ", ".join(sorted(KINDS)), where)
            aliases = [x for x in (a.get("aliases") or []) if isinstance(x, str)]
            actor = Actor(
                id=a["id"], name=str(a.get("name") or a["id"]), name_ar=a.get("name_ar"), kind=kind,
                aliases=aliases, country=a.get("country"), acled_name=a.get("acled_name"),
                inter=a.get("inter"), wikidata=a.get("wikidata"),
            )
            self.add(actor, valid_from=a.get("valid_from"), valid_to=a.get("valid_to"), cues=a.get("cues") or ())
            if a.get("pro_government") is True:
                self.pro_government.add(actor.id)
            for role in a.get("roles") or ():
                if isinstance(role, str) and actor.country:
                    ids = self.roles.setdefault((actor.country, role), [])
                    if actor.id not in ids:
                        ids.append(actor.id)
        # "forces_of" may name a person defined further down the file: checked once all are read
        for a in items:
            leaders = a.get("forces_of") or []
            bad = [p for p in leaders if not isinstance(p, str) or p not in self.actors] if isinstance(leaders, list) else [leaders]
            if bad:
                raise KBError("KB009", f"actor {a['id']!r} has unknown 'forces_of' ids {bad!r}",
                              "'forces_of' lists the ids of persons (defined in the file) who lead these forces", where)
            for p in leaders:
                ids = self.forces_of.setdefault(p, [])
                if a["id"] not in ids:
                    ids.append(a["id"])
        for t in data.get("not_actors") or ():
            k = match_key(t) if isinstance(t, str) else ""
            if k:
                self.not_actors.add(k)
        for n, d in enumerate(data.get("descriptors") or []):
            if not isinstance(d, dict) or (d.get("actor") not in self.actors and d.get("actor") not in ("@country", "@antecedent")
                                           and not (isinstance(d.get("actor"), str) and d["actor"][:1] == "@" and len(d["actor"]) > 1)):
                raise KBError("KB007", f"descriptor #{n} names an unknown actor {d.get('actor') if isinstance(d, dict) else d!r}",
                              "descriptors must point at an actor id defined in the file", where)
            cands = d.get("candidates") or []
            if d["actor"][:1] == "@" and d["actor"] not in ("@country", "@antecedent") \
                    and d["actor"][1:] not in {r for _, r in self.roles}:
                raise KBError("KB010", f"descriptor #{n} names a role {d['actor']!r} no actor holds",
                              "use '@country', '@antecedent' or '@<role>' for a role listed in some actor's 'roles' (e.g. '@military', '@police')", where)
            if d["actor"] == "@antecedent":
                bad = [c for c in cands if not isinstance(c, str) or c not in self.actors] if isinstance(cands, list) else [cands]
                if not cands or bad:
                    raise KBError("KB008", f"descriptor #{n} ('@antecedent') has unknown or no candidates {bad or cands!r}",
                                  "give '@antecedent' descriptors a 'candidates' list of actor ids defined in the file", where)
            self.add_descriptor(d.get("terms") or [], d["actor"], country=d.get("country"), start=d.get("from"),
                                end=d.get("to"), candidates=cands if d["actor"] == "@antecedent" else (),
                                cue_only=bool(d.get("cue_only")), near=d.get("near") or ())
        self.sources.append(where)


_DEFAULT: ActorKB | None = None


def load_kb(path: str | Path | None = None) -> ActorKB:
    """Load the actor knowledge base: the built-in file, or the file at ``path``.

    The built-in base is parsed once per process; each call returns a fresh copy's indexes only
    when a ``path`` is given (a user file replaces the built-in one; use :meth:`ActorKB.merge_file`
    to add to it).  Raises :class:`KBError` (codes KB001–KB010) for unreadable or malformed files.
    """
    global _DEFAULT
    if path is None:
        if _DEFAULT is None:
            kb = ActorKB()
            kb.merge_file(DEFAULT_KB_PATH)
            _DEFAULT = kb
        # a copy, so one caller's additions do not leak into another's base
        return _copy(_DEFAULT)
    kb = ActorKB()
    kb.merge_file(path)
    return kb


def _copy(kb: ActorKB) -> ActorKB:
    return ActorKB(
        actors=dict(kb.actors), valid=dict(kb.valid),
        alias_index={k: list(v) for k, v in kb.alias_index.items()},
        descriptor_index={k: list(v) for k, v in kb.descriptor_index.items()},
        cue_index=dict(kb.cue_index), roles={k: list(v) for k, v in kb.roles.items()},
        forces_of={k: list(v) for k, v in kb.forces_of.items()}, not_actors=set(kb.not_actors),
        pro_government=set(kb.pro_government), sources=list(kb.sources), version=kb.version,
    )


def _cue_forms(k: str) -> list[str]:
    """A cue key and, for a nisba ("الإسرائيلية", "التركي"), its other forms: with and without the
    article, masculine/feminine, the plural, the duals and the accusative tanween alif ("قوات إسرائيلية",
    "جنود إسرائيليون", "جنديان أميركيان", "17 حوثياً"), so one listed form covers how the adjective is written."""
    if not k:
        return []
    out = [k]
    if " " in k:
        return out
    base = k[2:] if k.startswith("ال") else k
    stem = None
    if base.endswith("يه") and len(base) >= 5:
        stem = base[:-1]          # "اسراييليه" → "اسراييلي"
    elif base.endswith("يين") and len(base) >= 6:
        stem = base[:-2]
    elif base.endswith("ي") and len(base) >= 4:
        stem = base
    if stem is None:
        return out
    # masculine, feminine, plural/oblique dual, accusative, nominative dual ("جنديان أميركيان"),
    # feminine dual and plural ("مجندتان إسرائيليتان", "مجندات إسرائيليات")
    for f in (stem, stem + "ه", stem + "ين", stem + "ا", stem + "ان", stem + "تان", stem + "تين", stem + "ات"):
        for w in (f, "ال" + f):
            if w not in out:
                out.append(w)
    return out
