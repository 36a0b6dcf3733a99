"""Group reports into stories, merge their events, and list where the sources disagree.

Rules (documented here because analysts need to know how an agreed value is chosen):

* Two reports join one story when a weighted similarity reaches ``options.story_threshold``:
  the cosine of multilingual sentence embeddings of their leads (0.5), shared places (0.2: same
  GeoNames place 1.0, same admin1 0.25), shared canonical actors (0.15, Jaccard) and a shared
  event type (0.15); a date conflict (event dates more than 2 days apart) scales the score down.
  A report joins the one story it is most similar to on average (average linkage over that
  story's latest reports), so a shared neighbour never chains two stories together.
  Weights were chosen on the SaudiNewsNet event gold (gold/events), whose stories are few. Near-duplicates
  (MinHash Jaccard of word 3-shingles ≥ 0.8) always join. Only reports with at least one event
  form stories; unrelated news stays out.
* Events of different reports in a story are one real-world event when they share the ACLED
  sub-type (or, for verbal events, the PLOVER type and the initiator) and their places and dates
  are compatible.
* Agreed values: fatalities/injuries/arrests — ACLED's most conservative figure (the lowest
  stated number; without numbers, "unconfirmed" before "unspecified"); place — the most precise
  place that every source allows (a town inside the admin1 another source names); date — the
  earliest reported; actors — the value most sources give. Every source's value is kept in
  ``per_source`` and each difference is listed in ``disagreements`` with its evidence spans.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from datetime import date

import numpy as np

from ..export.json_out import count_json, date_json, event_json, location_json, role_json
from ..model import Count, Doc, Event

MATERIAL = {"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "SANCTION", "AID", "RETREAT", "COOPERATE"}
COUNT_FIELDS = ("fatalities", "injuries", "arrests")
NOT_STATED = "not stated"
_WORD = re.compile(r"\w+")


# ---------------------------------------------------------------- per-document features
def _doc_features(doc: Doc) -> dict:
    actors = {e.actor_id for e in doc.entities if e.actor_id and not e.actor_id.startswith("new:")}
    for ev in doc.events:
        for r in (ev.actor1, ev.actor2):
            if r and r.actor_id and not r.actor_id.startswith("new:"):
                actors.add(r.actor_id)
    places = {ev.location.geonameid for ev in doc.events if ev.location and ev.location.geonameid}
    admin1 = {ev.location.admin1 for ev in doc.events if ev.location and ev.location.admin1}
    types = {ev.acled_subtype or ev.plover for ev in doc.events if ev.acled_subtype or ev.plover in MATERIAL}
    dates = sorted(ev.date.value[:10] for ev in doc.events if ev.date and len(ev.date.value) >= 10)
    # the lead tells what a report is about; embedding cost grows with its length
    lead = doc.text[:500]
    if doc.sentences:
        lead = " ".join(doc.text[s.start:s.end] for s in doc.sentences[:2])[:500]
    return {"actors": actors, "places": places, "admin1": admin1, "types": types,
            "dates": dates, "lead": lead}


def _shingles(text: str) -> list[bytes]:
    words = _WORD.findall(text.lower())
    return [" ".join(words[i:i + 3]).encode("utf-8", "surrogatepass")
            for i in range(max(1, len(words) - 2))]


def _date_gap(a: list[str], b: list[str]) -> int | None:
    if not a or not b:
        return None
    try:
        da = [date.fromisoformat(x) for x in a]
        db = [date.fromisoformat(x) for x in b]
    except ValueError:
        return None
    return min(abs((x - y).days) for x in da for y in db)


def similarity(fa: dict, fb: dict, cos: float | None) -> float:
    """Weighted similarity of two reports' features (see the module docstring)."""
    union = fa["actors"] | fb["actors"]
    actors = len(fa["actors"] & fb["actors"]) / len(union) if union else 0.0
    # a shared region is weak evidence: a war's daily reports share it
    place = 1.0 if fa["places"] & fb["places"] else (0.25 if fa["admin1"] & fb["admin1"] else 0.0)
    types = 1.0 if fa["types"] & fb["types"] else 0.0
    if cos is None:
        score = 0.4 * actors + 0.35 * place + 0.25 * types
    else:
        # the embedding weighs most: extracted fields are noisier than what the lead is about
        score = 0.15 * actors + 0.2 * place + 0.15 * types + 0.5 * max(0.0, cos)
    gap = _date_gap(fa["dates"], fb["dates"])
    if gap is not None and gap > 2:  # ACLED: one event per day and place; a night spans two dates
        score *= 0.3
    return score


def is_candidate(doc: Doc) -> bool:
    """Only reports with a material or ACLED-coded event take part in stories."""
    return any(ev.acled_subtype or ev.plover in MATERIAL for ev in doc.events)


class StoryIndex:
    """Incremental story clustering.

    ``add(docs)`` compares each new report only with reports it could belong with — those sharing
    a place, an admin1 region or a canonical actor (blocking), near-duplicates found by MinHash LSH,
    and nearest neighbours by embedding — so adding reports never recomputes every pair.
    Stories are the connected components of the accepted pairs (union-find).
    """

    def __init__(self, options=None):
        self.threshold = getattr(options, "story_threshold", 0.55)
        self.block_window = 300
        self.use_emb = getattr(options, "use_embeddings", True)
        self.docs: list[Doc] = []
        self.feats: list[dict] = []
        self.vecs = None                      # (n, 512) unit vectors, or None
        self.parent: list[int] = []
        self.members: dict[int, list[int]] = {}   # root → its reports, in order
        self.linkage_window = 30
        self.hashes: list = []
        self.blocks: dict[tuple, list[int]] = {}
        from datasketch import MinHashLSH
        self.lsh = MinHashLSH(threshold=0.8, num_perm=64)

    def _find(self, i: int) -> int:
        p = self.parent
        while p[i] != i:
            p[i] = p[p[i]]
            i = p[i]
        return i

    def _union(self, i: int, j: int) -> None:
        a, b = self._find(i), self._find(j)
        if a != b:
            lo, hi = min(a, b), max(a, b)
            self.parent[hi] = lo
            self.members[lo] = sorted(self.members[lo] + self.members.pop(hi))

    @staticmethod
    def _keys(f: dict) -> list[tuple]:
        keys = [("p", p) for p in f["places"]] + [("a1", a) for a in f["admin1"]]
        keys += [("ac", a) for a in f["actors"]]
        return keys

    def add(self, docs: list[Doc]) -> None:
        """Add analysed reports (those without conflict events are ignored)."""
        from datasketch import MinHash

        new = [d for d in docs if is_candidate(d)]
        if not new:
            return
        feats = [_doc_features(d) for d in new]
        vecs = None
        if self.use_emb:
            try:
                from .embed import embed
                vecs = embed([f["lead"] for f in feats])
            except Exception:  # embeddings are an aid: without them, lexical features decide
                self.use_emb = False
                self.vecs = None
        base = len(self.docs)
        if vecs is not None:
            self.vecs = vecs if self.vecs is None else np.vstack([self.vecs, vecs])
        hashes = MinHash.bulk([_shingles(d.text) for d in new], num_perm=64)
        for k, (d, f, h) in enumerate(zip(new, feats, hashes)):
            i = base + k
            self.docs.append(d)
            self.feats.append(f)
            self.parent.append(i)
            self.members[i] = [i]
            cands = set()
            for key in self._keys(f):
                # the most recent reports of a block: reports of one event come close together,
                # and a common key (a country's army) must not make every pair a candidate
                cands.update(self.blocks.get(key, ())[-self.block_window:])
            if self.vecs is not None and i > 0:
                cos_row = self.vecs[:i] @ self.vecs[i]
                cands.update(int(j) for j in np.nonzero(cos_row >= 0.6)[0])
            else:
                cos_row = None
            for j in self.lsh.query(h):        # near-duplicates (reposts) always join
                if self.hashes[int(j)].jaccard(h) >= 0.8:  # LSH is approximate: verify
                    self._union(i, int(j))
            self.hashes.append(h)
            # average linkage, one story: a report joins the story it is closest to on average
            # over that story's (most recent) reports; one shared neighbour cannot chain two
            # stories into one, which single linkage did on a month of war news
            roots = {self._find(j) for j in cands if self._find(j) != self._find(i)}
            best, best_root = self.threshold, None
            for root in roots:
                members = self.members[root][-self.linkage_window:]
                sims = [similarity(f, self.feats[m], None if cos_row is None else float(cos_row[m]))
                        for m in members]
                avg = sum(sims) / len(sims)
                if avg >= best:
                    best, best_root = avg, root
            if best_root is not None:
                self._union(i, best_root)
            self.lsh.insert(i, h)
            for key in self._keys(f):
                self.blocks.setdefault(key, []).append(i)

    def groups(self) -> list[list[Doc]]:
        out: dict[int, list[Doc]] = {}
        for i, d in enumerate(self.docs):
            out.setdefault(self._find(i), []).append(d)
        return list(out.values())

    def stories(self, min_documents: int = 2) -> list[dict]:
        """Stories with at least ``min_documents`` reports, with merged events and disagreements."""
        return [_story(g) for g in self.groups() if len(g) >= min_documents]


def build_stories(docs: list[Doc], options=None, min_documents: int = 2) -> list[dict]:
    """Stories (marsad-json/1 ``stories``) over analysed documents."""
    index = StoryIndex(options)
    index.add(list(docs))
    return index.stories(min_documents)


def _story_id(doc_ids: list[str]) -> str:
    return "story-" + hashlib.sha1("\n".join(sorted(doc_ids)).encode("utf-8", "surrogatepass")).hexdigest()[:10]


def _compatible(a: Event, b: Event, strict_type: bool = True) -> bool:
    if not strict_type:
        # same material PLOVER type, and the same named place (not only the same region)
        if not (a.acled_subtype and b.acled_subtype and a.plover == b.plover):
            return False
        if not (a.location and b.location and a.location.geonameid == b.location.geonameid):
            return False
    elif a.acled_subtype or b.acled_subtype:
        if a.acled_subtype != b.acled_subtype:
            return False
    else:
        if a.plover != b.plover:
            return False
        ia = a.actor1.actor_id if a.actor1 else None
        ib = b.actor1.actor_id if b.actor1 else None
        if not ia or ia != ib:
            return False
    if a.location and b.location:
        la, lb = a.location, b.location
        if la.geonameid != lb.geonameid and la.admin1 != lb.admin1:
            return False
    if a.date and b.date:
        gap = _date_gap([a.date.value[:10]], [b.date.value[:10]])
        if gap is not None and gap > 2:
            return False
    return True


def _story(docs: list[Doc]) -> dict:
    doc_ids = [d.id for d in docs]
    sid = _story_id(doc_ids)
    texts = {d.id: d.text for d in docs}
    # event coreference: greedy clustering, at most one event per document in a cluster
    clusters: list[list[Event]] = []
    for d in docs:
        for ev in d.events:
            for cl in clusters:
                if all(o.doc_id != ev.doc_id for o in cl) and all(_compatible(ev, o) for o in cl):
                    cl.append(ev)
                    break
            else:
                clusters.append([ev])
    # second pass: sources may type one attack differently (an "explosion" here, a "suicide
    # bombing" there); a lone material event joins a cluster of the same PLOVER type at the same
    # place and date, and the differing sub-types become a disagreement
    for lone in [c for c in clusters if len(c) == 1 and c[0].acled_subtype]:
        if len(lone) != 1:  # another lone event joined it earlier in this pass
            continue
        ev = lone[0]
        for cl in clusters:
            if cl is lone or any(o.doc_id == ev.doc_id for o in cl):
                continue
            if all(_compatible(ev, o, strict_type=False) for o in cl):
                cl.append(ev)
                clusters.remove(lone)
                break
    # a story keeps multi-source events and material single-source events
    merged, disagreements, kept = [], [], []
    n = 0
    for cl in clusters:
        if len(cl) == 1 and not (cl[0].acled_subtype or cl[0].plover in MATERIAL):
            continue
        n += 1
        mid = f"{sid}:m{n}"
        m, dis = _merge(mid, cl, texts)
        merged.append(m)
        kept.append((m, cl))
        disagreements.extend(dis)
    if len(docs) > 1:
        disagreements.extend(_unreported_counts(doc_ids, kept))
    return {"id": sid, "documents": doc_ids, "events": merged, "disagreements": disagreements,
            "timeline": _timeline(docs, merged)}


def _count_value(c: Count | None) -> str:
    if c is None:
        return NOT_STATED
    return c.status if c.value is None else f"{c.status} {c.value}"


def _role_value(r) -> str:
    if r is None:
        return NOT_STATED
    return r.actor_id or r.text


def _loc_value(loc) -> str:
    if loc is None:
        return NOT_STATED
    return f"{loc.name} ({loc.admin1})" if loc.admin1 else loc.name


def _date_value(d) -> str:
    return NOT_STATED if d is None else d.value


def _objective_value(ev: Event, texts) -> str:
    if ev.objective is None:
        return NOT_STATED
    return texts[ev.doc_id][ev.objective.start:ev.objective.end]


def _span(x) -> list[dict]:
    if x is None:
        return []
    end = getattr(x, "end_char", None)
    if end is None:
        end = x.end
    return [{"start": x.start, "end": end}]


FIELDS = {
    "acled_subtype": (lambda e, t: e.acled_subtype or NOT_STATED, lambda e: _span(e.trigger)),
    "actor1": (lambda e, t: _role_value(e.actor1), lambda e: _span(e.actor1)),
    "actor2": (lambda e, t: _role_value(e.actor2), lambda e: _span(e.actor2)),
    "location": (lambda e, t: _loc_value(e.location), lambda e: _span(e.location)),
    "date": (lambda e, t: _date_value(e.date), lambda e: _span(e.date)),
    "fatalities": (lambda e, t: _count_value(e.fatalities), lambda e: _span(e.fatalities)),
    "injuries": (lambda e, t: _count_value(e.injuries), lambda e: _span(e.injuries)),
    "arrests": (lambda e, t: _count_value(e.arrests), lambda e: _span(e.arrests)),
    "objective": (_objective_value, lambda e: _span(e.objective)),
    "certainty": (lambda e, t: e.certainty, lambda e: [{"start": s.start, "end": s.end} for s in e.evidence[:1]]),
}

_STATUS_RANK = {"none": 0, "unconfirmed": 1, "unspecified": 2, "approx": 3, "at_least": 3, "exact": 3}


def _agreed_count(counts: list[Count | None]) -> Count | None:
    stated = [c for c in counts if c is not None]
    if not stated:
        return None
    numeric = [c for c in stated if c.value is not None]
    if numeric:  # ACLED: the most conservative figure
        return min(numeric, key=lambda c: c.value)
    return min(stated, key=lambda c: _STATUS_RANK.get(c.status, 9))


def _agreed_location(events: list[Event]):
    locs = [e.location for e in events if e.location is not None]
    if not locs:
        return None
    admin1s = {l.admin1 for l in locs if l.admin1}
    if len(admin1s) > 1:  # sources name different regions: keep the region most sources give
        top = Counter(l.admin1 for l in locs if l.admin1).most_common(1)[0][0]
        locs = [l for l in locs if l.admin1 == top]
    # a town inside the region another source names is allowed by both: the most precise wins;
    # two different towns are not both allowed: keep the least precise statement (the region)
    towns = {l.geonameid for l in locs if l.geo_precision == 1}
    if len(towns) > 1:
        return max(locs, key=lambda l: l.geo_precision)
    return min(locs, key=lambda l: l.geo_precision)


def _merge(mid: str, cl: list[Event], texts) -> tuple[dict, list[dict]]:
    base = max(cl, key=lambda e: e.confidence)
    agreed = Event(id=mid, plover=base.plover, acled_type=base.acled_type,
                   acled_subtype=base.acled_subtype, doc_id="")
    for f in ("actor1", "actor2"):
        vals = [getattr(e, f) for e in cl if getattr(e, f) is not None]
        if vals:
            top = Counter(_role_value(v) for v in vals).most_common(1)[0][0]
            setattr(agreed, f, next(v for v in vals if _role_value(v) == top))
    agreed.location = _agreed_location(cl)
    dates = [e.date for e in cl if e.date is not None]
    # the earliest reported day; "2025-10" (month precision) sorts after the days of that month
    agreed.date = min(dates, key=lambda d: (d.value + "-99-99")[:10]) if dates else None
    for f in COUNT_FIELDS:
        setattr(agreed, f, _agreed_count([getattr(e, f) for e in cl]))
    certs = {e.certainty for e in cl}
    agreed.certainty = "denied" if "denied" in certs else ("confirmed" if certs == {"confirmed"} else
                                                             ("reported" if "reported" in certs else base.certainty))
    agreed.confidence = max(e.confidence for e in cl)
    out = event_json(agreed)
    # an agreed value is one source's value: its offsets index that source's text, named by "doc"
    for f in ("actor1", "actor2", "location", "date") + COUNT_FIELDS:
        val = getattr(agreed, f)
        if val is not None:
            out[f]["doc"] = next(e.doc_id for e in cl if getattr(e, f) is val)
    out["sources"] = [e.id for e in cl]
    out["source_documents"] = [e.doc_id for e in cl]
    out["weapons"] = [{**w, "doc": e.doc_id} for e in cl for w in event_json(e)["weapons"]]
    out["attributed_to"] = [{**a, "doc": e.doc_id} for e in cl for a in event_json(e)["attributed_to"]]
    out["evidence"] = [{"start": sp.start, "end": sp.end, "doc": e.doc_id} for e in cl for sp in e.evidence]
    per_source, disagreements = {}, []
    if len(cl) > 1:
        for field, (val, spans) in FIELDS.items():
            values = {e.doc_id: val(e, texts) for e in cl}
            if len(set(values.values())) > 1:
                per_source[field] = {e.doc_id: _field_json(field, e) for e in cl}
                disagreements.append({"field": field, "event": mid, "values": values,
                                      "evidence": {e.doc_id: spans(e) for e in cl}})
    out["per_source"] = per_source
    return out, disagreements


def _field_json(field: str, e: Event):
    if field in ("actor1", "actor2"):
        return role_json(getattr(e, field))
    if field == "location":
        return location_json(e.location)
    if field == "date":
        return date_json(e.date)
    if field in COUNT_FIELDS:
        return count_json(getattr(e, field))
    if field == "objective":
        return None if e.objective is None else {"start": e.objective.start, "end": e.objective.end}
    return getattr(e, field)


def _unreported_counts(doc_ids: list[str], merged: list[tuple[dict, list[Event]]]) -> list[dict]:
    """Counts of an event that only some of the story's sources report (e.g. arrests one outlet
    mentions and the other does not): listed against the other sources as "not stated"."""
    out = []
    for m, cl in merged:
        srcs = m["source_documents"]
        missing = [d for d in doc_ids if d not in srcs]
        if not missing:
            continue
        for field in COUNT_FIELDS:
            if field in m["per_source"]:
                continue  # already listed among the reporting sources' differences
            stated = {e.doc_id: getattr(e, field) for e in cl if getattr(e, field) is not None}
            if not stated:
                continue
            values = {d: _count_value(c) for d, c in stated.items()}
            values.update({d: NOT_STATED for d in missing})
            evidence = {d: _span(c) for d, c in stated.items()}
            evidence.update({d: [] for d in missing})
            out.append({"field": field, "event": m["id"], "values": values, "evidence": evidence})
    return out


def _timeline(docs: list[Doc], merged: list[dict]) -> list[dict]:
    items = []
    for m in merged:
        d = m.get("date") or {}
        label = m.get("acled_subtype") or m.get("plover")
        items.append({"time": d.get("value"), "kind": "event", "doc": None, "event": m["id"], "label": label})
    for doc in docs:
        pub = doc.document.published
        items.append({"time": pub.isoformat() if pub else None, "kind": "report", "doc": doc.id,
                      "event": None, "label": doc.document.outlet or doc.document.title or doc.id})
    return sorted(items, key=lambda x: (x["time"] is None, x["time"] or "", x["kind"] == "report"))
