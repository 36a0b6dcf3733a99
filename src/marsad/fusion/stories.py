"""Group reports into stories, merge their events, and list where the sources disagree.

Rules (documented here because analysts need to know how an agreed value is chosen):

* Two reports join one story when a weighted similarity reaches ``options.story_threshold``:
  the cosine of multilingual sentence embeddings of their leads (0.5), shared places (0.2: same
  GeoNames place 1.0, same admin1 0.25), shared canonical actors (0.15, Jaccard) and a shared
  event type (0.15, ACLED sub-type; one ACLED type with other sub-types is no evidence: two
  explosions in one city the same night are often two events); a date conflict (event dates
  more than 2 days apart) scales the score down. A country is no shared place; a shared named site (a FAC entity such as
  "قاعدة العند" or "مطار كابول", spelling variants of its name meeting) counts as a shared place,
  as does a site named after the town the other report's event is in, unless the two reports'
  regions differ. When neither report names a place or site the score is taken over the other
  features.
  A report's dates are those of its material events, an undated one counting as the publication
  day; when some are of the last two days before publication only those count (else those of
  the last week): the rest is background.
  A report joins the one story it is most similar to on average (average linkage over that
  story's latest reports), so a shared neighbour never chains two stories together; when a story
  grows, earlier lone candidates whose average similarity to it now reaches the threshold join it
  (whole stories are not merged so: on 2,000 SaudiNewsNet articles that grew Aden's daily news
  into one story of 18 reports).
  Weights were chosen on the SaudiNewsNet event gold (gold/events), whose stories are few. Near-duplicates
  (MinHash Jaccard of word 3-shingles ≥ 0.8) always join. Only reports with at least one event
  form stories; unrelated news stays out.
* Events of different reports in a story are one real-world event when they share the ACLED
  sub-type (or, for verbal events, the PLOVER type and the initiator) and their places and dates
  are compatible; a lone event of another sub-type joins when it has the same PLOVER type, place
  and date (the sub-types then disagree); and a report of the story with no event in the main
  (most-reported) event has its best-fitting material event joined to it unless its PLOVER type,
  region or date (more than 2 days apart) contradicts.
* Agreed values: fatalities/injuries/arrests — ACLED's most conservative figure (the lowest
  stated number; without numbers, "unconfirmed" before "unspecified"); place — the most precise
  place that every source allows (a town inside the admin1 another source names); date — the
  earliest reported; actors — the value most sources give. Every source's value is kept in
  ``per_source`` and each difference is listed in ``disagreements`` with its evidence spans.
* What counts as a disagreement, its ``kind`` and how values are normalised before comparing:
  see :mod:`marsad.fusion.disagree`.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from datetime import date

import numpy as np

from ..export.json_out import count_json, date_json, event_json, location_json, role_json
from ..model import Count, Doc, Event
from .disagree import NOT_STATED, Source, compare, denial_spans

MATERIAL = {"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "SANCTION", "AID", "RETREAT", "COOPERATE"}
COUNT_FIELDS = ("fatalities", "injuries", "arrests")
_WORD = re.compile(r"\w+")


# ---------------------------------------------------------------- per-document features
def _doc_features(doc: Doc) -> dict:
    actors = {e.actor_id for e in doc.entities if e.actor_id and not e.actor_id.startswith("new:")}
    for ev in doc.events:
        for r in (ev.actor1, ev.actor2):
            if r and r.actor_id and not r.actor_id.startswith("new:"):
                actors.add(r.actor_id)
    # a country is no shared place: every report of a war names it
    places = {ev.location.geonameid for ev in doc.events
              if ev.location and ev.location.geonameid and ev.location.admin1}
    admin1 = {ev.location.admin1 for ev in doc.events if ev.location and ev.location.admin1}
    types = {ev.acled_subtype or ev.plover for ev in doc.events if ev.acled_subtype or ev.plover in MATERIAL}
    dates = _event_days(doc)
    # the lead tells what a report is about; embedding cost grows with its length
    lead = doc.text[:500]
    if doc.sentences:
        lead = " ".join(doc.text[s.start:s.end] for s in doc.sentences[:2])[:500]
    return {"actors": actors, "places": places, "admin1": admin1, "types": types,
            "sites": _sites(doc), "town_keys": _town_keys(doc),
            "dates": dates, "lead": lead,
            "lang": doc.document.language}


# second words that make a facility phrase generic ("مركز الشرطة", "مطار العاصمة"): such a phrase
# names a kind of place found in every city, not one site
_GENERIC_SITE_WORDS = {
    "الشرطه", "الامن", "الجيش", "العاصمه", "المدينه", "البلده", "القريه", "المحافظه", "الولايه",
    "الاقليم", "المنطقه", "الحدود", "الدوله", "البلاد", "الحكومه", "الشرطي", "الامني", "العسكري",
    "العسكريه", "الرئيسي", "الرئيسيه", "الدولي", "المدني", "المركزي", "المركزيه", "الوطني",
    "الجديد", "الجديده", "القديم", "القديمه", "الكبير", "الكبري", "الحكومي", "الحكوميه",
    "المعركه", "المعارك", "القتال", "الاشتباكات", "الحادث", "الهجوم", "التفجير", "الانفجار",
    # markets and records that are no places ("سوق الأسهم", "قاعدة بيانات")
    "بيانات", "البيانات", "الاسهم", "العمل", "النفط", "العقار", "الطاقه", "الاستقدام", "الاتصالات",
    # a team's training camp ("معسكر الفريق") is no military camp
    "الفريق", "المنتخب", "النادي",
}
# a title names no one until the name after it ("مطار الملك عبدالعزيز" ≠ "مطار الملك خالد")
_SITE_TITLES = {"الملك", "الامير", "الامام", "الشيخ", "الرئيس", "السلطان", "الشهيد", "السيد"}


def _site_key(name: str) -> str | None:
    """The key of a named facility ("قاعدة العند", "مطار كابول"): its head noun and the name
    after it, spelled without long vowels so that transliteration variants of a foreign name
    ("كابول" / "كابل") meet. A phrase that starts with the article ("المعسكر التدريبي") or whose
    second word is generic names a kind of place, not a site: None."""
    try:
        from ..text.normalize import normalize_key
        words = normalize_key(name).split()
    except Exception:  # the text layer is the normal path; a name it cannot key is no site
        return None
    if len(words) < 2 or words[0].startswith("ال") or words[1] in _GENERIC_SITE_WORDS:
        return None
    if words[1] in _SITE_TITLES:
        return None if len(words) < 3 else " ".join(_skeleton(w) for w in words[:3])
    return _skeleton(words[0]) + " " + _skeleton(words[1])


def _skeleton(word: str) -> str:
    """A keyed word without its long vowels after the first letter ("كابول", "كابل" → "كبل")."""
    return word[:1] + "".join(c for c in word[1:] if c not in "اويى")


def _town_keys(doc: Doc) -> set[str]:
    """Skeletons of the places a report's events are located in (as written in the report), so
    that a site named after its town ("مطار كابول") meets a report that names only the town."""
    try:
        from ..text.normalize import normalize_key
    except Exception:  # the text layer is the normal path; without it no town is keyed
        return set()
    out = set()
    for ev in doc.events:
        loc = ev.location
        if loc is None or not loc.admin1:   # a country is no shared place
            continue
        for name in (loc.name_ar, doc.text[loc.start:loc.end]):
            words = normalize_key(name or "").split()
            if len(words) == 1 and len(words[0]) >= 3:
                out.add(_skeleton(words[0]))
    return out


def _sites(doc: Doc) -> set[str]:
    """Named facilities (FAC entities) a report mentions: a base, an airport, a mosque.

    Reports of one attack often agree on the facility while the geocoder finds no town for it (an
    airbase outside any town, an airport named after its city), so a shared site is place
    evidence of its own."""
    out = set()
    for e in doc.entities:
        if e.type == "FAC":
            k = _site_key(e.text)
            if k:
                out.add(k)
    return out



def _event_days(doc: Doc) -> list[str]:
    """The days a report's material events happened, for the date-conflict test.

    An undated material event is taken as near the report's publication (reports tell recent
    news), and background dates are left out: when the report tells something of the last two
    days, only those days count (a report of yesterday's shooting that recalls last week's car
    bomb is not a report of that bombing: it joined the bombing's story); otherwise the days of
    the last week; otherwise all. A recalled attack must neither push two reports of today's
    attack apart nor pull a later report into an earlier story."""
    pub = doc.document.published
    days = [ev.date.value[:10] for ev in doc.events if ev.date and len(ev.date.value) >= 10]
    if pub is not None:
        if any(ev.date is None and (ev.acled_subtype or ev.plover in MATERIAL) for ev in doc.events):
            days.append(pub.isoformat())
        ages = []
        for x in days:
            try:
                ages.append((x, (pub - date.fromisoformat(x)).days))
            except ValueError:
                continue
        for horizon in (2, 7):
            recent = [x for x, age in ages if age <= horizon]
            if recent:
                days = recent
                break
    return sorted(days)


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
    # a shared named site counts as a shared place unless the two reports' regions are apart
    # (two towns' "مطار" phrases with one name are rare; regions that differ rule them out)
    if place < 1.0 and _site_meets(fa, fb) and not (
            fa["admin1"] and fb["admin1"] and not fa["admin1"] & fb["admin1"]):
        place = 1.0
    # only a shared sub-type counts: half credit for another sub-type of the same ACLED type was
    # tried and dropped — it joined a suicide attack and a truck bomb in Kabul the same night
    # (two events, two stories) while gaining one pair of the SaudiNewsNet gold
    types = 1.0 if fa["types"] & fb["types"] else 0.0
    # when neither report has a geocoded place (and no site ties them) the score is taken over
    # the other features; when only one has, the missing place stays a zero: a report that says
    # nowhere must earn its place in a story with its wording, actors and type
    no_place = place == 0.0 and not (fa["places"] or fa["admin1"]) and not (fb["places"] or fb["admin1"])
    if cos is None:
        score = 0.4 * actors + 0.35 * place + 0.25 * types
        if no_place:
            score /= 0.65
    else:
        # the embedding weighs most: extracted fields are noisier than what the lead is about
        score = 0.15 * actors + 0.2 * place + 0.15 * types + 0.5 * max(0.0, cos)
        if no_place:  # neither report names a place: judge on what there is, not on a zero
            score /= 0.8
    gap = _date_gap(fa["dates"], fb["dates"])
    if gap is not None and gap > 2:  # ACLED: one event per day and place; a night spans two dates
        score *= 0.3
    return score


def _site_meets(fa: dict, fb: dict) -> bool:
    """The two reports name one site, or one that the geocoder left without a town names a site
    after the town the other's event is in ("مطار كابول" and an event in Kabul). A report with
    towns of its own is judged on them: "مطار عدن" in a report of an Aden clash adds nothing."""
    sa, sb = fa.get("sites", set()), fb.get("sites", set())
    if sa & sb:
        return True
    ta, tb = fa.get("town_keys", set()), fb.get("town_keys", set())
    return (not fa["places"] and any(k.split()[1] in tb for k in sa)) or \
        (not fb["places"] and any(k.split()[1] in ta for k in sb))


def is_candidate(doc: Doc) -> bool:
    """Only reports with a material or ACLED-coded event take part in stories."""
    return any(ev.acled_subtype or ev.plover in MATERIAL for ev in doc.events)


class StoryIndex:
    """Incremental story clustering.

    ``add(docs)`` compares each new report only with reports it could belong with — those sharing
    a place, an admin1 region, a canonical actor, a named site or a site's town (blocking),
    near-duplicates found by MinHash LSH, and nearest neighbours by embedding — so adding reports
    never recomputes every pair. Stories are kept as union-find sets of the accepted joins.
    """

    def __init__(self, options=None, store=None):
        # store: a marsad.store.Store whose saved embeddings are reused and where new ones are
        # saved, so a later run does not embed the reports earlier runs stored (fusion across runs)
        self.store = store
        self.embedded = 0                     # texts embedded by this index (not from the store)
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
        # a site, and the town a site is named after, block too: a report whose only place is
        # "مطار كابول" must meet those that name the airport or Kabul
        keys += [("s", s) for s in f.get("sites", ())]
        keys += [("t", s.split()[1]) for s in f.get("sites", ())] + [("t", t) for t in f.get("town_keys", ())]
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
                vecs = self._vectors(new, feats)
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
                self._adopt(i, cands, cos_row)
            self.lsh.insert(i, h)
            for key in self._keys(f):
                self.blocks.setdefault(key, []).append(i)

    def _avg_sim(self, j: int, root: int) -> float:
        members = self.members[root][-self.linkage_window:]
        sims = []
        for m in members:
            cos = None if self.vecs is None else float(self.vecs[j] @ self.vecs[m])
            sims.append(similarity(self.feats[j], self.feats[m], cos))
        return sum(sims) / len(sims)

    def _adopt(self, i: int, cands: set, cos_row) -> None:
        """Reports that came earlier and stayed alone may fit the story report ``i`` just grew:
        a lone candidate joins when its average similarity to the story now reaches the
        threshold (so the order reports arrive in matters less)."""
        root = self._find(i)
        for j in sorted(cands):
            if j == i or len(self.members.get(self._find(j), ())) != 1 or self._find(j) == root:
                continue
            if self._avg_sim(j, root) >= self.threshold:
                self._union(j, root)
                root = self._find(i)

    def _vectors(self, docs: list[Doc], feats: list[dict]) -> np.ndarray:
        """Lead embeddings of ``docs``: those the store holds are read, the others computed (and
        saved to the store)."""
        from . import embed as embed_mod
        digests = [d.document.digest for d in docs]
        known: dict[str, np.ndarray] = {}
        if self.store is not None:
            known = self.store.load_embeddings(digests, model=embed_mod.MODEL_NAME)
        todo = [i for i, dg in enumerate(digests) if dg not in known]
        out = np.zeros((len(docs), embed_mod.DIM), dtype=np.float32)
        if todo:
            fresh = embed_mod.embed([feats[i]["lead"] for i in todo])
            self.embedded += len(todo)
            for k, i in enumerate(todo):
                out[i] = fresh[k]
            if self.store is not None:
                self.store.save_embeddings({digests[i]: fresh[k] for k, i in enumerate(todo)},
                                           model=embed_mod.MODEL_NAME)
        for i, dg in enumerate(digests):
            if dg in known:
                out[i] = known[dg]
        return out

    def groups(self) -> list[list[Doc]]:
        out: dict[int, list[Doc]] = {}
        for i, d in enumerate(self.docs):
            out.setdefault(self._find(i), []).append(d)
        return list(out.values())

    def stories(self, min_documents: int = 2) -> list[dict]:
        """Stories with at least ``min_documents`` reports, with merged events and disagreements."""
        return [_story(g) for g in self.groups() if len(g) >= min_documents]


def build_stories(docs: list[Doc], options=None, min_documents: int = 2, *, store=None) -> list[dict]:
    """Stories (marsad-json/1 ``stories``) over analysed documents.

    With ``store`` (a :class:`marsad.store.Store`), report embeddings saved by earlier runs are
    reused and new ones saved."""
    index = StoryIndex(options, store=store)
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
        # two unknown regions are no shared region (a country and a town abroad both lack one)
        if la.geonameid != lb.geonameid and (la.admin1 is None or la.admin1 != lb.admin1):
            return False
    if a.date and b.date and not _dates_compatible(a.date.value, b.date.value):
        return False
    return True


def _dates_compatible(a: str, b: str) -> bool:
    """Two event dates can be one event's: days at most 2 apart (a night spans two dates), or a
    day inside the month (or the same month) another source gives."""
    if len(a) >= 10 and len(b) >= 10:
        gap = _date_gap([a[:10]], [b[:10]])
        return gap is None or gap <= 2
    return a[:7] == b[:7]


def _coref(docs: list[Doc]) -> list[list[Event]]:
    """Event coreference inside a story: clusters of events, at most one per document."""
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
    # third pass: the reports of a story were grouped because they tell of one event; a report
    # whose account of it matched nothing (its place missing, or coded as another sub-type) has
    # its best material event joined to the story's main event when nothing contradicts it —
    # otherwise its toll, place and date would never be compared with the other sources'
    main = _main_cluster(clusters)
    if main is not None:
        for d in docs:
            if any(o.doc_id == d.id for o in main):
                continue
            best, best_score = None, 0.0
            for cl in clusters:
                if len(cl) != 1 or cl is main or cl[0].doc_id != d.id:
                    continue
                ev = cl[0]
                score = _loose_score(ev, main)
                if score > best_score:
                    best, best_score = cl, score
            if best is not None:
                main.append(best[0])
                clusters.remove(best)
    return clusters


def _main_cluster(clusters: list[list[Event]]) -> list[Event] | None:
    """The story's main event: the material cluster with the most sources (then confidence)."""
    material = [c for c in clusters if any(e.acled_subtype for e in c)]
    if not material:
        return None
    return max(material, key=lambda c: (len({e.doc_id for e in c}), sum(e.confidence for e in c)))


def _loose_score(ev: Event, cl: list[Event]) -> float:
    """How well a lone event fits a story's main event; 0 when something contradicts it
    (another PLOVER type, places in different regions, dates more than 2 days apart)."""
    if not ev.acled_subtype:
        return 0.0
    score = 0.5 + ev.confidence
    for o in cl:
        if o.plover != ev.plover:
            return 0.0
        if o.acled_subtype == ev.acled_subtype:
            score += 1.0
        if ev.location and o.location:
            la, lb = ev.location, o.location
            if la.geonameid and la.geonameid == lb.geonameid:
                score += 1.0
            elif la.admin1 and la.admin1 == lb.admin1:
                score += 0.5
            elif la.country and lb.country and la.country != lb.country:
                return 0.0
            elif la.admin1 and lb.admin1:
                return 0.0
        if ev.date and o.date and not _dates_compatible(ev.date.value, o.date.value):
            return 0.0
    return score


def _story(docs: list[Doc]) -> dict:
    doc_ids = [d.id for d in docs]
    sid = _story_id(doc_ids)
    by_id = {d.id: d for d in docs}
    clusters = _coref(docs)
    main = _main_cluster(clusters)
    # a report that denies something in a story about one event denies (part of) that event
    denials = {}
    for d in docs:
        spans = denial_spans(d.text)
        if spans:
            denials[d.id] = spans[0]
    # a story keeps multi-source events and material single-source events
    merged, disagreements = [], []
    n = 0
    for cl in clusters:
        if len(cl) == 1 and not (cl[0].acled_subtype or cl[0].plover in MATERIAL):
            continue
        n += 1
        mid = f"{sid}:m{n}"
        is_main = cl is main
        m, dis = _merge(mid, cl, by_id, docs if len(docs) > 1 else [],
                        denials if is_main else {})
        merged.append(m)
        disagreements.extend(dis)
    return {"id": sid, "documents": doc_ids, "events": merged, "disagreements": disagreements,
            "timeline": _timeline(docs, merged)}


def _role_value(r) -> str:
    if r is None:
        return NOT_STATED
    return r.actor_id or r.text


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


def _merge(mid: str, cl: list[Event], by_id: dict[str, Doc], story_docs: list[Doc],
           denials: dict) -> tuple[dict, list[dict]]:
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
    # a denial sentence found in a report (not coded on its event) is listed as a disagreement
    # with its sentence, but does not turn the agreed value: it may deny a detail, not the event
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
    sources = [Source(e, by_id.get(e.doc_id)) for e in cl]
    # counts, date and objective of an event only some of the story's reports give are listed
    # against the silent reports as "not stated" (one entry per field, see fusion.disagree)
    disagreements = compare(mid, sources, denials, story_docs)
    per_source = {}
    for dis in disagreements:
        row = {e.doc_id: _field_json(dis["field"], e, by_id, denials) for e in cl}
        for d, v in dis["values"].items():  # reports outside the event: silent, or denying it
            if d not in row:
                row[d] = None if v == NOT_STATED else v
        per_source[dis["field"]] = row
    out["per_source"] = per_source
    return out, disagreements


def _field_json(field: str, e: Event, by_id: dict, denials: dict):
    text = by_id[e.doc_id].text if e.doc_id in by_id else ""
    if field in ("actor1", "actor2"):
        return role_json(getattr(e, field))
    if field == "location":
        return location_json(e.location)
    if field == "date":
        return date_json(e.date)
    if field in COUNT_FIELDS:
        return count_json(getattr(e, field))
    if field == "objective":
        return None if e.objective is None else {"text": text[e.objective.start:e.objective.end],
                                                 "start": e.objective.start, "end": e.objective.end}
    if field == "attributed_to":
        return event_json(e)["attributed_to"]
    if field == "certainty":
        return "denied" if e.doc_id in denials else e.certainty
    return getattr(e, field)


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
