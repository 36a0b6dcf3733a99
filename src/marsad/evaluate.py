"""``marsad evaluate``: run the pipeline on a marsad-gold/1 file and score it.

Scores: entity P/R/F1 (sets of normalized surface + type per document); event detection P/R/F1
(a system event matches a gold event when its evidence overlaps the gold evidence and its ACLED
sub-type — or PLOVER type for verbal events — is the same; one-to-one); per-field accuracy over
matched events; story B³ F1 over documents; disagreement recall.
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from .errors import MarsadError
from .io.readers import parse_date
from .model import Document


def _norm(s: str) -> str:
    try:
        from .text.normalize import normalize_key
        return normalize_key(s)
    except ImportError:  # the text layer is the normal path; this keeps evaluate usable without it
        import re
        s = re.sub(r"[\u064B-\u065F\u0670\u0640]", "", s)
        for a, b in (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ى", "ي"), ("ة", "ه")):
            s = s.replace(a, b)
        return " ".join(s.split())


def prf(tp: int, n_sys: int, n_gold: int, tp_recall: int | None = None) -> dict:
    """Precision, recall, F1; ``tp_recall`` when the gold side counts its matches apart (an event
    family: a matched pair can sit in another family on each side)."""
    p = tp / n_sys if n_sys else 0.0
    r = (tp if tp_recall is None else tp_recall) / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "tp": tp, "system": n_sys, "gold": n_gold}


def load_gold(path: str | Path, split: str | None = None) -> tuple[dict, list[Document]]:
    """The gold object and its documents.

    Texts come from ``path`` (relative to the gold file's folder's parent, else to its folder),
    from an inline ``text``, or, for gold that may not hold text, from ``article`` ids into a
    corpus (``"corpus": "saudinewsnet"``). ``split`` keeps only documents whose ``split``
    matches. A document whose text cannot be read is left out and listed in the gold's
    ``load_errors`` (the others are still scored).
    """
    path = Path(path)
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise MarsadError("E_GOLD", f"{path}: cannot read gold file: {exc}") from exc
    if gold.get("format") != "marsad-gold/1":
        raise MarsadError("E_GOLD", f"{path}: format is {gold.get('format')!r}, expected 'marsad-gold/1'")
    base = path.resolve().parent.parent
    if split:
        gold = {**gold, "documents": [g for g in gold.get("documents", []) if g.get("split") == split]}
        keep = {g["id"] for g in gold["documents"]}
        gold["stories"] = [s for s in gold.get("stories", []) if set(s["documents"]) <= keep]
    docs, kept, errors = [], [], []
    for g in gold.get("documents", []):
        if "article" in g:
            from .io.saudinewsnet import get_article
            if gold.get("corpus") != "saudinewsnet":
                raise MarsadError("E_GOLD", f"{path}: unknown corpus {gold.get('corpus')!r}")
            text, p = get_article(g["article"]).get("content") or "", f"saudinewsnet:{g['article']}"
        elif "text" in g and "path" not in g:
            text, p = g["text"], f"{path}#{g.get('id')}"     # a gold that holds its texts inline
        else:
            # the format says: relative to the gold folder's parent; a gold written relative to
            # its own folder (or to the working directory) is read too
            tries = [base / g.get("path", ""), path.resolve().parent / g.get("path", ""),
                     Path(g.get("path", ""))]
            p = next((t for t in tries if g.get("path") and t.is_file()), tries[0])
            try:  # read as `marsad analyze` reads: BOM dropped, line ends untouched
                text = p.read_bytes().decode("utf-8-sig")
            except (OSError, UnicodeDecodeError) as exc:
                # one unreadable document is reported and left out; the others are scored
                from .errors import HINTS
                errors.append({"code": "E_GOLD_DOC", "document": g.get("id"), "path": str(p),
                               "message": f"cannot read {p}: {exc}",
                               "hint": HINTS.get("E_GOLD_DOC", "")})
                continue
        kept.append(g)
        docs.append(Document(id=g["id"], text=text, path=str(p), outlet=g.get("outlet"),
                             published=parse_date(g.get("published")), language=g.get("language", "ar")))
    if errors:
        ids = {g["id"] for g in kept}
        gold = {**gold, "documents": kept, "load_errors": errors,
                "stories": [s for s in gold.get("stories", []) if set(s["documents"]) <= ids]}
    return gold, docs


def _spans_of(text: str, phrases: list[str]) -> list[tuple[int, int]]:
    out = []
    for ph in phrases:
        i = text.find(ph)
        while i >= 0:
            out.append((i, i + len(ph)))
            i = text.find(ph, i + 1)
    return out


def _overlaps(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    return any(s < e2 and s2 < e for s, e in a for s2, e2 in b)


def _same_type(sys_ev: dict, gold_ev: dict) -> bool:
    if gold_ev.get("acled_subtype"):
        return sys_ev.get("acled_subtype") == gold_ev["acled_subtype"]
    return sys_ev.get("plover") == gold_ev.get("plover")


def match_events(sys_events: list[dict], gold_events: list[dict], text: str) -> list[tuple[dict, dict]]:
    """One-to-one matches (system, gold), gold events taken in order."""
    used, pairs = set(), []
    for g in gold_events:
        phrases = g.get("evidence", [])
        if any(not ph for ph in phrases) or any(ph not in text for ph in phrases):
            bad = next(ph for ph in phrases if not ph or ph not in text)
            raise MarsadError("E_GOLD", f"gold event {g.get('id')}: evidence {bad!r} is empty or not in the text")
        gspans = _spans_of(text, phrases) + [tuple(x) for x in g.get("evidence_spans", [])]
        for i, s in enumerate(sys_events):
            if i in used or not _same_type(s, g):
                continue
            sspans = [(e["start"], e["end"]) for e in s.get("evidence", [])]
            if _overlaps(sspans, gspans):
                used.add(i)
                pairs.append((s, g))
                break
    return pairs


def family(ev: dict) -> str:
    """The type family of an event: its ACLED type, or 'verbal' for PLOVER-only events."""
    return ev.get("acled_type") or "verbal"


def _families(pairs, sys_events, gold_events) -> dict:
    """[tp for precision, system, gold, tp for recall] per family: a matched pair shares the
    sub-type, so its two families agree except for events with no ACLED type on one side."""
    out = defaultdict(lambda: [0, 0, 0, 0])
    for s, g in pairs:
        out[family(s)][0] += 1
        out[family(g)][3] += 1
    for e in sys_events:
        out[family(e)][1] += 1
    for g in gold_events:
        out[family(g)][2] += 1
    return out


def _count_status(c):
    return None if c is None else c.get("status")


# Spellings of the same first-level region that coders use (ACLED, GeoNames, the press), after
# admin1_key's folding: each maps to one key.
_ADMIN1_SAME = {
    "idleb": "idlib", "ruraldamascus": "rifdimashq", "damascuscountryside": "rifdimashq",
    "rifdimashq": "rifdimashq", "reefdimashq": "rifdimashq", "sweida": "suwayda",
    "suwaida": "suwayda", "sweyda": "suwayda", "dara": "daraa", "deraa": "daraa", "dera": "daraa",
    "lattakia": "latakia", "ladhiqiyah": "latakia", "tartous": "tartus",
    "raqqah": "raqqa", "deirezzor": "deirezzor", "deirezzour": "deirezzor", "dayrazzawr": "deirezzor",
    "hasakeh": "hasakah", "hasaka": "hasakah", "hassakeh": "hasakah", "halab": "aleppo",
    "qunaytirah": "quneitra", "himsh": "homs", "hims": "homs", "hamah": "hama",
    "dimashq": "damascus", "south": "southlebanon", "janub": "southlebanon",
    "nabatiyeh": "nabatieh", "nabatiye": "nabatieh", "bekaa": "beqaa", "biqa": "beqaa",
    "hodeidah": "hudaydah", "sanaa": "sanaa", "ninawa": "nineveh",
    "ninewa": "nineveh", "salahaddin": "salahaldin", "salahuddin": "salahaldin",
    "salahdin": "salahaldin", "taizz": "taiz", "tazz": "taiz", "thiqar": "dhiqar",
    "dhiqar": "dhiqar", "sulaymaniyah": "sulaymaniyah", "sulaimaniyah": "sulaymaniyah",
    "sulaymaniya": "sulaymaniyah", "duhok": "dohuk", "dahuk": "dohuk", "arbil": "erbil",
    "irbil": "erbil", "basrah": "basra",
    "hadhramaut": "hadramawt", "hadramaut": "hadramawt", "saladin": "salahaldin",
    "northlebanon": "north", "libannord": "north",
}
_ADMIN1_WORDS = ("governorate", "province", "muhafazat", "mohafazat", "wilayat", "region", "of")
_ADMIN1_ARTICLES = ("al", "ar", "as", "ad", "an", "at", "el", "ash", "az", "adh", "ath")


def admin1_key(name: str | None) -> str | None:
    """A first-level region's name folded so that spellings of one region compare equal
    ("Idleb" / "Idlib", "Rural Damascus" / "Rif Dimashq", "As-Suwayda" / "Sweida", and an Arabic
    name such as "ريف دمشق" through the geocoder's region table)."""
    if not name:
        return None
    import re
    import unicodedata
    if re.search(r"[\u0600-\u06FF]", name):
        en = _arabic_admin1().get(_norm(name.replace("محافظة", "").strip()))
        if en:
            name = en
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = [w for w in re.split(r"[^a-z]+", s.replace("'", "")) if w]
    words = [w for w in words if w not in _ADMIN1_WORDS]
    while len(words) > 1 and words[0] in _ADMIN1_ARTICLES:
        words = words[1:]
    words = [w for i, w in enumerate(words) if not (i and w in _ADMIN1_ARTICLES)]
    key = "".join(words)
    return _ADMIN1_SAME.get(key, key) or name


_AR_ADMIN1: dict | None = None


def _arabic_admin1() -> dict:
    global _AR_ADMIN1
    if _AR_ADMIN1 is None:
        _AR_ADMIN1 = {}
        try:
            path = Path(__file__).resolve().parent / "geo" / "data" / "regions.json"
            for regions in json.loads(path.read_text(encoding="utf-8"))["admin1"].values():
                for r in regions.values():
                    for ar in r.get("ar", []):
                        _AR_ADMIN1.setdefault(_norm(ar.replace("محافظة", "").strip()), r["en"])
        except (OSError, ValueError, KeyError):  # the table is packaged; without it, compare as is
            pass
    return _AR_ADMIN1


# Coders name weapon classes in their own words; each maps to marsad's class (weapons.tsv).
_WEAPON_SAME = {
    "firearms": "light weapons", "firearm": "light weapons", "small arms": "light weapons",
    "guns": "light weapons", "gunfire": "light weapons", "rifles": "light weapons",
    "light arms": "light weapons", "machine guns": "medium weapons", "rpg": "medium weapons",
    "rpgs": "medium weapons", "airstrike": "aircraft", "air strike": "aircraft",
    "airstrikes": "aircraft", "warplanes": "aircraft", "helicopter": "aircraft",
    "helicopters": "aircraft", "air": "aircraft", "drones": "drone", "uav": "drone",
    "drone boats": "drone", "missiles/rockets": "missile", "missiles": "missile",
    "rockets": "missile", "rocket": "missile", "explosives": "explosives/IED",
    "ied": "explosives/IED", "mines": "explosives/IED", "mine": "explosives/IED",
    "landmine": "explosives/IED", "landmines": "explosives/IED",
    "unexploded ordnance": "explosives/IED", "cluster munition": "explosives/IED",
    "car bomb": "explosives/IED", "grenades": "grenade", "knives/blades": "bladed weapon",
    "knives": "bladed weapon", "knife": "bladed weapon", "blades": "bladed weapon",
    "artillery shells": "artillery", "mortars": "artillery", "mortar": "artillery",
}


def weapon_key(name: str) -> str:
    """A weapon class named by a coder, as marsad's class ("firearms" → "light weapons")."""
    k = " ".join(str(name).lower().split())
    return _WEAPON_SAME.get(k, k)


# A coder names a disagreement in words of his own ("victim", "device", "location name"); each
# maps to marsad's field (the output's disagreement "field").
_DIS_SAME = {"victim": "actor2", "victims": "actor2", "target": "actor2", "victims' identity": "actor2",
             "perpetrator": "actor1", "attacker": "actor1", "attackers": "actor1",
             "who opened fire": "actor1", "device": "weapons", "weapon": "weapons",
             "location name": "location", "place": "location", "attribution": "attributed_to",
             "source": "attributed_to", "sources": "attributed_to", "toll": "fatalities",
             "deaths": "fatalities", "killed": "fatalities", "wounded": "injuries",
             "type": "acled_subtype", "event type": "acled_subtype"}


def disagreement_field(name: str) -> str:
    """A gold disagreement's field as marsad names it ("victim" → "actor2", "fatalities
    (retaliation)" → "fatalities")."""
    k = " ".join(str(name).lower().split())
    k = k.split(" (")[0].strip()
    return _DIS_SAME.get(k, k)


def same_place(sys_loc: dict | None, gold_loc: dict | None) -> bool:
    """One place: the same GeoNames id, the same name (English, or Arabic after normalization),
    or, when both give coordinates, points within 5 km (a town the gold found no id for)."""
    if not sys_loc or not gold_loc:
        return False
    if sys_loc.get("geonameid") is not None and sys_loc.get("geonameid") == gold_loc.get("geonameid"):
        return True
    if sys_loc.get("name") and sys_loc.get("name") == gold_loc.get("name"):
        return True
    if sys_loc.get("name_ar") and gold_loc.get("name_ar") \
            and _norm(sys_loc["name_ar"]) == _norm(gold_loc["name_ar"]):
        return True
    try:
        import math
        la1, lo1 = float(sys_loc["lat"]), float(sys_loc["lon"])
        la2, lo2 = float(gold_loc["lat"]), float(gold_loc["lon"])
    except (KeyError, TypeError, ValueError):
        return False
    dx = math.radians(lo2 - lo1) * math.cos(math.radians((la1 + la2) / 2))
    dy = math.radians(la2 - la1)
    return 6371.0 * math.hypot(dx, dy) <= 5.0


def _surface_forms(s: str) -> set[str]:
    """A name and its forms without attached proclitics (و ف, then ب ل ك; لل → ال)."""
    s = _norm(s)
    out = {s}
    for pre in ("و", "ف"):
        if s.startswith(pre) and len(s) > 3:
            out.add(s[1:])
    for t in list(out):
        if t.startswith("لل") and len(t) > 4:
            out.add("ال" + t[2:])
        elif t[:1] in ("ب", "ل", "ك") and t[1:3] == "ال":
            out.add(t[1:])
    return out


class ActorMatcher:
    """Is a system role the gold actor?  By id, or, since a held-back gold defines its own ids,
    by name: the role's surface or any name of the system actor (the output's ``actors`` table,
    its ACLED name included) is one of the gold actor's aliases (normalized, proclitics aside).
    Civilians are one class to a coder whatever the id ("civilians" or "civilians-syria"), so a
    civilians actor of either side matches a civilians actor of the other (same country when
    both say one)."""

    def __init__(self, gold_actors: dict, sys_actors: dict):
        self.gold = {gid: {f for n in [a.get("name", "")] + list(a.get("aliases", [])) if n
                           for f in _surface_forms(n)}
                     for gid, a in (gold_actors or {}).items()}
        self.sys = {sid: {f for n in [a.get("name"), a.get("name_ar"), a.get("acled_name")]
                          + list(a.get("aliases") or []) if n
                          for f in _surface_forms(n)}
                    for sid, a in (sys_actors or {}).items()}
        self.gold_civ = {gid: a.get("country") for gid, a in (gold_actors or {}).items()
                         if a.get("kind") == "civilians"}
        self.sys_civ = {sid: a.get("country") for sid, a in (sys_actors or {}).items()
                        if a.get("kind") == "civilians"}

    def __call__(self, role: dict | None, gold_id: str) -> bool:
        if not role:
            return False
        if role.get("actor_id") == gold_id:
            return True
        names = self.gold.get(gold_id)
        if not names:
            return False
        forms = _surface_forms(role.get("text") or "") | self.sys.get(role.get("actor_id"), set())
        if forms & names:
            return True
        sid = role.get("actor_id")
        if gold_id in self.gold_civ and sid in self.sys_civ:
            a, b = self.gold_civ[gold_id], self.sys_civ[sid]
            return not a or not b or a == b
        return False


def score_fields(pairs, field_scores: dict, actor_match=None) -> None:
    """Accumulate per-field [correct, total, filled] over matched events (fields the gold fills).
    With ``actor_match`` (an :class:`ActorMatcher`), ``actor1_by_name``/``actor2_by_name`` score
    the roles by name as well as by id."""
    def add(name, ok, filled):
        sc = field_scores.setdefault(name, [0, 0, 0])
        sc[0] += bool(ok)
        sc[1] += 1
        sc[2] += bool(filled)

    for s, g in pairs:
        for role in ("actor1", "actor2"):
            if g.get(role):
                r = s.get(role) or {}
                add(role, r.get("actor_id") == g[role], bool(r))
                if actor_match is not None:
                    add(role + "_by_name", actor_match(r, g[role]), bool(r))
        if g.get("location"):
            loc = s.get("location") or {}
            add("location_admin1", bool(loc) and admin1_key(loc.get("admin1"))
                == admin1_key(g["location"].get("admin1")), bool(loc))
            add("location_place", same_place(loc, g["location"]), bool(loc))
        if g.get("date_any"):
            d = s.get("date") or {}
            add("date", d.get("value") in g["date_any"], bool(d))
        for f in ("fatalities", "injuries", "arrests"):
            if g.get(f):
                c = s.get(f)
                add(f + "_status", _count_status(c) == g[f].get("status"), c is not None)
                if g[f].get("value") is not None:
                    add(f + "_value", c is not None and c.get("value") == g[f]["value"], c is not None)
        if g.get("weapons"):
            got = {weapon_key(w["class"]) for w in s.get("weapons", [])}
            add("weapons", got == {weapon_key(w) for w in g["weapons"]}, bool(got))
        if g.get("attributed_to"):
            add("attributed_to", bool(s.get("attributed_to")), bool(s.get("attributed_to")))
        if g.get("certainty"):
            add("certainty", s.get("certainty") == g["certainty"], bool(s.get("certainty")))


def b_cubed(system: list[set], gold: list[set], items: set) -> dict:
    """B³ precision/recall/F1 of two clusterings over ``items`` (missing items are singletons)."""
    def cluster_of(clusters):
        m = {}
        for c in clusters:
            for x in c:
                m[x] = set(c)
        return {x: m.get(x, {x}) & items | {x} for x in items}
    sc, gc = cluster_of(system), cluster_of(gold)
    if not items:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    p = sum(len(sc[x] & gc[x]) / len(sc[x]) for x in items) / len(items)
    r = sum(len(sc[x] & gc[x]) / len(gc[x]) for x in items) / len(items)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def evaluate(gold_path: str | Path, options=None, split: str | None = None) -> dict:
    """Run the pipeline on the gold documents and return every score (see module docstring)."""
    from .api import analyze_documents

    gold, docs = load_gold(gold_path, split)
    run = analyze_documents(docs, options)
    out_docs = {d["id"]: d for d in run.json["documents"]}
    texts = {d.id: d.text for d in docs}

    ent_tp = ent_sys = ent_gold = ent_docs = 0
    ev_tp = ev_sys = ev_gold = 0
    per_type = defaultdict(lambda: [0, 0, 0])
    fam_counts = defaultdict(lambda: [0, 0, 0, 0])
    false_alarm_docs = 0
    field_scores: dict = {}
    actor_match = ActorMatcher(gold.get("actors", {}), run.json.get("actors", {}))
    for g in gold["documents"]:
        sd = out_docs.get(g["id"], {"entities": [], "events": []})
        if "entities" in g:  # gold without an entity list (event-only gold) scores no entities
            ent_docs += 1
            gset = {(_norm(s), t) for s, t in g["entities"]}
            sset = {(_norm(e["text"]), e["type"]) for e in sd["entities"]}
            ent_tp += len(gset & sset)
            ent_sys += len(sset)
            ent_gold += len(gset)
            for t in {t for _, t in gset | sset}:
                per_type[t][0] += len({x for x in gset & sset if x[1] == t})
                per_type[t][1] += len({x for x in sset if x[1] == t})
                per_type[t][2] += len({x for x in gset if x[1] == t})
        pairs = match_events(sd["events"], g.get("events", []), texts[g["id"]])
        for fam, (tp, ns, ng, tr) in _families(pairs, sd["events"], g.get("events", [])).items():
            fam_counts[fam][0] += tp
            fam_counts[fam][1] += ns
            fam_counts[fam][2] += ng
            fam_counts[fam][3] += tr
        if not g.get("events") and sd["events"]:
            false_alarm_docs += 1
        ev_tp += len(pairs)
        ev_sys += len(sd["events"])
        ev_gold += len(g.get("events", []))
        score_fields(pairs, field_scores, actor_match)

    items = {d.id for d in docs}
    b3 = b_cubed([set(s["documents"]) for s in run.stories],
                 [set(s["documents"]) for s in gold.get("stories", [])], items)
    dis_found = dis_total = 0
    missed = []
    for gs in gold.get("stories", []):
        gdocs = set(gs["documents"])
        best = max(run.stories, key=lambda s: len(gdocs & set(s["documents"])), default=None)
        if best is not None and not gdocs & set(best["documents"]):
            best = None  # no system story holds these reports: nothing is surfaced
        fields = {d["field"] for d in best["disagreements"]} if best else set()
        fields = {disagreement_field(f) for f in fields}
        for dis in gs.get("disagreements", []):
            dis_total += 1
            if disagreement_field(dis["field"]) in fields:
                dis_found += 1
            else:
                missed.append(dis["field"])
    return {
        "gold": str(gold_path),
        "documents": len(docs),
        "entities": prf(ent_tp, ent_sys, ent_gold) if ent_docs else None,
        "entities_by_type": {t: prf(*v) for t, v in sorted(per_type.items())},
        "events": prf(ev_tp, ev_sys, ev_gold),
        "events_by_family": {k: prf(*v) for k, v in sorted(fam_counts.items())},
        "non_event_documents_with_events": false_alarm_docs,
        "fields": {k: {"accuracy": round(v[0] / v[1], 4) if v[1] else 0.0, "filled": round(v[2] / v[1], 4) if v[1] else 0.0,
                       "n": v[1]} for k, v in sorted(field_scores.items())},
        "stories_b3": b3,
        "disagreement_recall": round(dis_found / dis_total, 4) if dis_total else None,
        "disagreements_missed": missed,
        "errors": gold.get("load_errors", []),
    }


def format_report(r: dict) -> str:
    """The scores as a readable text table."""
    lines = [f"gold: {r['gold']} ({r['documents']} documents)"]
    for e in r.get("errors", []):
        lines.append(f"  left out: document {e['document']}: [{e['code']}] {e['message']} ({e['hint']})")
    lines.append("")
    def row(name, m):
        return f"  {name:<22} P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}"
    if r["entities"] is not None:
        lines.append("entities")
        lines.append(row("all", r["entities"]))
        for t, m in r["entities_by_type"].items():
            lines.append(row(t, m))
        lines.append("")
    lines += ["events (detection)", row("all", r["events"])]
    for k, m in r.get("events_by_family", {}).items():
        lines.append(row(k, m))
    lines += [f"  documents without gold events where events were found: {r.get('non_event_documents_with_events', 0)}",
              "", "fields over matched events"]
    for k, v in r["fields"].items():
        lines.append(f"  {k:<22} accuracy {v['accuracy']:.3f}  filled {v['filled']:.3f}  (n={v['n']})")
    lines += ["", "stories", row("B³", r["stories_b3"]),
              f"  disagreement recall    {r['disagreement_recall']}"
              + (f"  (missed: {', '.join(r['disagreements_missed'])})" if r["disagreements_missed"] else "")]
    return "\n".join(lines)
