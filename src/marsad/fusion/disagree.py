"""Where the sources of one merged event disagree: what counts as a disagreement, and its kind.

Each field of each source event is reduced to a comparable *key* (the same value written
differently gives the same key) and a display value; a field is listed once per merged event
when the keys differ, with every source's value, the spans that state it (``evidence``) and
the sentences around them (``sentences``).  ``kind`` says what sort of difference it is:

* ``different`` — sources state different values (15 vs 17 dead; Harim vs Salqin; Monday vs
  Sunday; a suicide bombing vs a roadside bomb; SOHR vs the army spokesman);
* ``status`` — counts: a number against no number, "unconfirmed" or "none", or two such statuses;
* ``precision`` — place: the same town, but one source names a neighbourhood, a facility or a
  spot inside it (or a town inside the region another gives); date: a day inside the month
  another gives.  Both are kept: neither source is wrong, one says more;
* ``unknown`` — actors: one source names a perpetrator, another says it is unknown, that no
  one claimed the attack, that its cause is not yet clear or that the attackers are being
  identified;
* ``denial`` — certainty: one source denies what the others report (an event coded ``denied``,
  or a denial sentence in a report of the story's main event);
* ``one_source`` — counts, date and stated objective given by some sources and not by others
  ("not stated").  A source that is silent about a perpetrator, a place or its own sources is
  not listed: silence there is the norm in short reports, and listing it would bury the real
  conflicts.

Normalisation: counts compare numbers (``exact 3`` = ``at_least 3``; status ``none`` = 0);
actors compare canonical ids (knowledge-base actors), "unknown", or normalised text for actors
outside the knowledge base — two unresolved names are compared only with each other, never with
a canonical actor (an unresolved name is often a descriptor of that actor); places compare
GeoNames ids plus sub-town details; dates compare ISO values; objectives compare word sets
(Jaccard < 0.5 is different); attributions compare sets of actor ids / normalised phrases (two
sources disagree when neither cites all the other's sources; a phrase whose words lie within
another's is the same source).  When the extractor found no attribution for an event, the
sources its report cites are read from the text ("بحسب X", "قال X إن", "according to X":
:func:`cited_sources`).
"""
from __future__ import annotations

import re
from typing import Callable

from ..model import Count, Doc, Event
from ..text.normalize import normalize_key

NOT_STATED = "not stated"
COUNT_FIELDS = ("fatalities", "injuries", "arrests")

# ------------------------------------------------------------------ cue lexicons (normalised)
# Written plainly and normalised with the same function as the texts they are matched against.
_UNKNOWN = ("مجهول", "مجهولون", "مجهولين", "مجهوله", "مجهولي", "مجهولو", "لم تعرف هويه", "لم تعرف هويت",
            "لم تحدد هويه", "unknown", "unidentified")
_UNCLAIMED = ("لم تتبن", "لم يتبن", "لم تعلن اي جهه", "لم تعلن أي جهة", "دون ان تتبنى", "لم تتضح الجهه",
              "لا تعرف الجهه", "no group has claimed", "no one has claimed", "no one claimed",
              "not claimed", "unclaimed", "no claim of responsibility",
              # the cause is not yet clear; the police seek to identify the attackers
              "لم تتضح", "لم يتضح", "تحديد هوية", "التعرف على هوية", "هوية المهاجم", "هوية منفذ",
              "cause is not yet clear", "cause was not clear", "identify the attackers", "identify the perpetrators")
_DENY_WORDS = ("نفى", "نفت", "ينفي", "تنفي", "نفي", "نفيا", "ينفون", "نفوا", "نفيه", "نفيها",
               "تكذب", "كذبت", "deny", "denied", "denies", "denial", "rejected the report", "dismissed the report")
_DENY_PHRASES = ("عار عن الصحه", "عاري عن الصحه", "عاريه عن الصحه", "عار من الصحه", "لا اساس له من الصحه",
                 "لا اساس لها من الصحه", "لا صحه ل", "غير صحيحه", "غير صحيح", "false reports", "baseless")
_SUBPLACE_CUES = ("حي", "منطقه", "شارع", "مخيم", "قريه", "بين", "ضاحيه", "محيط", "مدخل", "اطراف", "سوق",
                  "مستشفى", "مسجد", "مدرسه", "حاجز", "معبر", "district", "neighbourhood", "neighborhood",
                  "street", "camp", "village", "between", "near", "outskirts", "entrance")


def _nk(s: str) -> str:
    return normalize_key(s)


def _norm_list(words) -> tuple[str, ...]:
    return tuple(sorted({_nk(w) for w in words}, key=len, reverse=True))


_UNKNOWN_N = _norm_list(_UNKNOWN)
_UNCLAIMED_N = _norm_list(_UNCLAIMED)
_DENY_RE = re.compile(r"(?:^|[^\w])(?:[وف])?(?:" + "|".join(map(re.escape, _norm_list(_DENY_WORDS))) + r")(?:[^\w]|$)")
_DENY_PHRASE_N = _norm_list(_DENY_PHRASES)
_NEGATED_DENY = re.compile(r"(?:لم|لا|ولم|ولا|didn't|did not|not)\s+\S*$")
_SUBPLACE_N = set(_norm_list(_SUBPLACE_CUES))
_WORD = re.compile(r"\w+")
_SENT_END = re.compile(r"[.!?؟\n]")
_STOP = {_nk(w) for w in ("في", "من", "على", "الى", "إلى", "عن", "مع", "و", "او", "أن", "ان", "ما", "التي", "الذي",
                          "the", "a", "an", "of", "to", "in", "and", "for", "on", "by", "with")}


def sentence_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``[start, end)``: from after the previous sentence end to the next one."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    s = start
    while s > 0 and not _SENT_END.match(text[s - 1]):
        s -= 1
    m = _SENT_END.search(text, end)
    e = m.end() if m else len(text)
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _has_cue(norm_text: str, cues: tuple[str, ...]) -> bool:
    return any(c in norm_text for c in cues)


def denial_spans(text: str) -> list[tuple[int, int]]:
    """Sentences of a text that deny something (a denial verb not negated, or "baseless")."""
    out = []
    pos = 0
    while pos < len(text):
        s, e = sentence_of(text, pos, pos)
        if e <= pos:  # an empty sentence (two ends in a row): step over the end mark
            pos += 1
            continue
        sent = _nk(text[s:e])
        hit = any(p in sent for p in _DENY_PHRASE_N)
        for m in _DENY_RE.finditer(sent):
            if not _NEGATED_DENY.search(sent[:m.start() + 1]):  # "لم ينف" / "did not deny" is no denial
                hit = True
                break
        if hit:
            out.append((s, e))
        pos = e + 1
    return out


# ------------------------------------------------------------------ per-field keys
class Source:
    """One source event of a merged event, with its document's text and entities."""

    __slots__ = ("ev", "doc", "text")

    def __init__(self, ev: Event, doc: Doc | None):
        self.ev, self.doc = ev, doc
        self.text = doc.text if doc is not None else ""

    def cut(self, start: int, end: int) -> str:
        return self.text[start:end]

    def evidence_text(self) -> str:
        parts = []
        for sp in self.ev.evidence:
            s, e = sentence_of(self.text, sp.start, sp.end)
            parts.append(self.text[s:e])
        return _nk(" ".join(parts))


def _sp(start: int, end: int) -> dict:
    return {"start": start, "end": end}


def _count_key(c: Count | None):
    if c is None:
        return None
    if c.value is not None:
        return ("n", int(c.value) if float(c.value).is_integer() else c.value)
    if c.status == "none":
        return ("n", 0)
    return ("s", c.status)


def count_value(c: Count | None) -> str:
    """A count's display value: ``exact 3``, ``unspecified``, or ``not stated``."""
    if c is None:
        return NOT_STATED
    if c.status == "none":  # "none 0" says nothing more than "none"
        return "none"
    return c.status if c.value is None else f"{c.status} {c.value}"


def _count_field(field: str):
    def get(src: Source):
        c = getattr(src.ev, field)
        return _count_key(c), count_value(c), ([] if c is None else [_sp(c.start, c.end)])
    return get


def _actor_key(src: Source, role_name: str):
    r = getattr(src.ev, role_name)
    if r is not None:
        surface = _nk(r.text or "")
        if _has_cue(surface, _UNKNOWN_N):
            return ("unknown", None), "unknown", [_sp(r.start, r.end)]
        if r.actor_id and not r.actor_id.startswith("new:"):
            return ("kb", r.actor_id), r.actor_id, [_sp(r.start, r.end)]
        key = ("text", " ".join(sorted(_words(r.text or ""))))
        return key, r.actor_id or r.text, [_sp(r.start, r.end)]
    if role_name == "actor1" and src.text:
        # no perpetrator named: "unknown" only when the report says so (unknown gunmen, no claim)
        for sp in src.ev.evidence:
            s, e = sentence_of(src.text, sp.start, sp.end)
            sent = _nk(src.text[s:e])
            if _has_cue(sent, _UNKNOWN_N) or _has_cue(sent, _UNCLAIMED_N):
                return ("unknown", None), "unknown", [_sp(s, e)]
    return None, NOT_STATED, []


def _actor_field(role_name: str):
    return lambda src: _actor_key(src, role_name)


def _subplaces(src: Source) -> list[tuple[str, int, int]]:
    """Places inside the event's town that the report names near it: facilities, and places after
    a sub-place word (حي، منطقة، مخيم، بين ...), in the location's sentence."""
    loc = src.ev.location
    if loc is None or src.doc is None or not src.text:
        return []
    s, e = sentence_of(src.text, loc.start, loc.end)
    loc_key = _nk(src.text[loc.start:loc.end])
    out = []
    for ent in src.doc.entities:
        if ent.start < s or ent.end > e or ent.type not in ("LOC", "FAC"):
            continue
        if ent.start < loc.end and loc.start < ent.end:
            continue
        key = _nk(src.text[ent.start:ent.end])
        if not key or key == loc_key or key in loc_key or loc_key in key:
            continue
        if ent.type == "LOC":
            before = _WORD.findall(_nk(src.text[max(s, ent.start - 25):ent.start]))[-2:]
            if not any(w in _SUBPLACE_N or (w[:1] in "وبل" and w[1:] in _SUBPLACE_N) for w in before):
                continue
        out.append((key, ent.start, ent.end))
    return out


def _location_field(src: Source):
    loc = src.ev.location
    if loc is None:
        return None, NOT_STATED, []
    subs = _subplaces(src)
    place = loc.geonameid if loc.geonameid else _nk(loc.name or "")
    key = ("loc", place, loc.admin1, loc.geo_precision, frozenset(k for k, _, _ in subs))
    shown = f"{loc.name} ({loc.admin1})" if loc.admin1 else loc.name
    if subs:
        shown += " — " + "، ".join(src.text[a:b] for _, a, b in subs)
    return key, shown, [_sp(loc.start, loc.end)] + [_sp(a, b) for _, a, b in subs]


def _date_field(src: Source):
    d = src.ev.date
    if d is None:
        return None, NOT_STATED, []
    value = d.value if not d.end else f"{d.value}/{d.end}"
    return ("date", d.value, d.end), value, [_sp(d.start, d.end_char)]


_PREFIXES = ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل")
# words that announce an objective or a source rather than say what it is
_MARKERS = {_nk(w) for w in ("هدف", "بهدف", "اجل", "سعيا", "محاولة", "مصادر", "مصدر", "sources", "source",
                             "aim", "aimed", "order", "said", "according")}


def _light_stem(w: str) -> str:
    """A word without its proclitics (و ف ب ل ال), so "لاعتقال" and "اعتقال" compare equal."""
    for p in _PREFIXES:
        if w.startswith(p) and len(w) - len(p) >= 3:
            return w[len(p):]
    return w


def _words(s: str) -> frozenset[str]:
    """Content words of a phrase, normalised and stripped of proclitics."""
    out = set()
    for w in _WORD.findall(_nk(s)):
        if w in _STOP or len(w) < 2:
            continue
        w = _light_stem(w)
        if w not in _MARKERS and w not in _STOP:
            out.add(w)
    return frozenset(out)


def _objective_field(src: Source):
    o = src.ev.objective
    if o is None:
        return None, NOT_STATED, []
    text = src.cut(o.start, o.end)
    return ("obj", _words(text)), text, [_sp(o.start, o.end)]


# "according to X", "X said": who a report cites, when the event extractor found no attribution.
# Alternatives are spelled with and without hamza and tanween, as reports write them.
_CITE_BEFORE = re.compile(
    r"(?:^|(?<=[\s،,(]))(?:[وف]?(?:ب?حسب|وفق(?:ا|اً)?\s+ل|نقل(?:ا|اً)?\s+عن|استناد(?:ا|اً)\s+(?:إلى|الى))"
    r"|according\s+to|citing)\s*")
_CITE_VERB = re.compile(
    r"(?:^|(?<=[\s،,(]))[وف]?(?:قال|قالت|[أا]علن|[أا]علنت|[أا]فاد|[أا]فادت|ذكر|ذكرت|[أا]كد|[أا]كدت|صرح|صرحت|"
    r"[أا]وضح|[أا]وضحت|[أا]شار|[أا]شارت)\s+")
_PHRASE_END = re.compile(r"[.،,:؛;\n\"«»()]|\s(?:[إا]ن|[أا]ن|ان|that|on|في|اليوم|امس|أمس)(?:\s|$)")
_CITE_STOP = {_nk(w) for w in ("أن", "إن", "أنه", "أنها", "أنهم", "أنهما", "إنه", "إنها", "إنهم", "الأسبوع",
                                "الشهر", "اليوم", "أمس", "امس", "في", "that", "on", "in", "last")}
_CITE_SKIP = {_nk(w) for w in ("اليوم", "أمس", "امس", "في", "إن", "أن", "ان", "مساء", "صباح", "له", "لها", "the")}


def cited_sources(text: str) -> list[tuple[int, int]]:
    """Spans of who a text cites: the words after "بحسب / وفقا لـ / نقلا عن / according to" and
    the subject after "قال / أعلن / أفاد / ذكر / أكد ..." (up to "إن / أن", punctuation, or five
    words)."""
    out = []
    for rx in (_CITE_BEFORE, _CITE_VERB):
        for m in rx.finditer(text):
            start = m.end()
            stop = _PHRASE_END.search(text, start)
            end = stop.start() if stop else len(text)
            words = list(re.finditer(r"\S+", text[start:end]))[:5]
            if not words or _nk(words[0].group()) in _CITE_SKIP:
                continue
            for k in range(1, len(words)):  # "أنّهم", "الأسبوع": the phrase has ended
                if _nk(words[k].group()) in _CITE_STOP:
                    words = words[:k]
                    break
            out.append((start, start + words[-1].end()))
    return sorted(set(out))


def _attribution_field(src: Source):
    atts = src.ev.attributed_to
    if not atts and src.text:
        spans = cited_sources(src.text)
        keys = frozenset(("words", _words(src.text[a:b])) for a, b in spans if _words(src.text[a:b]))
        if not keys:
            return None, NOT_STATED, []
        shown = "؛ ".join(dict.fromkeys(src.text[a:b] for a, b in spans))
        return ("att", keys), shown, [_sp(a, b) for a, b in spans]
    if not atts:
        return None, NOT_STATED, []
    keys = frozenset(("id", a.actor_id) if a.actor_id and not a.actor_id.startswith("new:")
                     else ("words", _words(a.text)) for a in atts)
    shown = "؛ ".join(dict.fromkeys(a.text for a in atts))
    return ("att", keys), shown, [_sp(a.start, a.end) for a in atts]


def _subtype_field(src: Source):
    ev = src.ev
    if not ev.acled_subtype:
        return None, NOT_STATED, []
    tr = ev.trigger
    return ("sub", ev.acled_subtype), ev.acled_subtype, ([] if tr is None else [_sp(tr.start, tr.end)])


def _certainty_field(src: Source, denial: tuple[int, int] | None = None):
    ev = src.ev
    if ev.certainty == "denied":
        spans = [_sp(s.start, s.end) for s in ev.evidence[:1]]
        return ("cert", "denied"), "denied", spans
    if denial is not None:
        return ("cert", "denied"), "denied", [_sp(*denial)]
    return ("cert", "affirmed"), ev.certainty, [_sp(s.start, s.end) for s in ev.evidence[:1]]


FIELD_GETTERS: dict[str, Callable] = {
    "acled_subtype": _subtype_field,
    "actor1": _actor_field("actor1"),
    "actor2": _actor_field("actor2"),
    "location": _location_field,
    "date": _date_field,
    "fatalities": _count_field("fatalities"),
    "injuries": _count_field("injuries"),
    "arrests": _count_field("arrests"),
    "objective": _objective_field,
    "attributed_to": _attribution_field,
    "certainty": _certainty_field,
}
# fields where a source's silence is listed against the others ("one_source")
SILENCE_COUNTS = set(COUNT_FIELDS) | {"date", "objective"}


# ------------------------------------------------------------------ deciding
def _same_objective(a: frozenset, b: frozenset) -> bool:
    if not a or not b:
        return a == b
    return len(a & b) / len(a | b) >= 0.5


def _same_source(x: tuple, y: tuple) -> bool:
    """Two cited sources are one: the same actor id, or one phrase's words within the other's
    ("المرصد السوري" and "المرصد السوري لحقوق الإنسان")."""
    if x == y:
        return True
    if x[0] == y[0] == "words" and x[1] and y[1]:
        return x[1] <= y[1] or y[1] <= x[1]
    return False


def _cites_within(a: frozenset, b: frozenset) -> bool:
    """Every source ``a`` cites is also cited by ``b``."""
    return all(any(_same_source(x, y) for y in b) for x in a)


def _groups(keys: list, same) -> list[list[int]]:
    """Indices of ``keys`` grouped by ``same`` (first-come representative)."""
    groups: list[list[int]] = []
    for i, k in enumerate(keys):
        for g in groups:
            if same(keys[g[0]], k):
                g.append(i)
                break
        else:
            groups.append([i])
    return groups


def _place_relation(a: tuple, b: tuple) -> str | None:
    """None when two location keys agree, else "precision" or "different"."""
    _, pa, a1a, preca, suba = a
    _, pb, a1b, precb, subb = b
    if pa == pb:
        return None if suba == subb else "precision"
    # a town inside the region (admin1) the other source gives: a more precise statement
    if a1a and a1a == a1b and (preca >= 3 or precb >= 3):
        return "precision"
    return "different"


def _date_relation(a: tuple, b: tuple) -> str | None:
    if a == b:
        return None
    va, vb = a[1], b[1]
    # a day inside the month (or range) the other gives is more precise, not contrary
    if (len(va) < len(vb) and vb.startswith(va)) or (len(vb) < len(va) and va.startswith(vb)):
        return "precision"
    return "different"


def decide(field: str, keys: list) -> str | None:
    """The kind of disagreement among the sources' keys of one field (None: they agree)."""
    stated = [k for k in keys if k is not None]
    silent = len(stated) < len(keys)
    if not stated:
        return None
    kind = None
    if field in COUNT_FIELDS:
        distinct = set(stated)
        if len(distinct) > 1:
            kind = "different" if all(k[0] == "n" for k in distinct) else "status"
    elif field in ("actor1", "actor2"):
        firm = {k for k in stated if k[0] in ("kb", "unknown")}
        loose = {k for k in stated if k[0] == "text"}
        if ("unknown", None) in firm and len(firm | loose) > 1:
            kind = "unknown"
        elif len(firm) > 1 or (not firm and len(loose) > 1):
            kind = "different"
    elif field == "location":
        kinds = {_place_relation(a, b) for i, a in enumerate(stated) for b in stated[i + 1:]} - {None}
        kind = "different" if "different" in kinds else ("precision" if kinds else None)
    elif field == "date":
        kinds = {_date_relation(a, b) for i, a in enumerate(stated) for b in stated[i + 1:]} - {None}
        kind = "different" if "different" in kinds else ("precision" if kinds else None)
    elif field == "objective":
        if len(_groups([k[1] for k in stated], _same_objective)) > 1:
            kind = "different"
    elif field == "attributed_to":
        sets = [k[1] for k in stated]
        if any(not (_cites_within(a, b) or _cites_within(b, a)) for i, a in enumerate(sets) for b in sets[i + 1:]):
            kind = "different"
    elif field == "certainty":
        vals = {k[1] for k in stated}
        if len(vals) > 1:
            kind = "denial"
    else:
        if len(set(stated)) > 1:
            kind = "different"
    if kind is None and silent and field in SILENCE_COUNTS:
        kind = "one_source"
    return kind


def compare(mid: str, sources: list[Source], denials: dict[str, tuple[int, int]] | None = None,
            silent_docs: list[Doc] = ()) -> list[dict]:
    """The disagreements of one merged event, at most one per field.

    ``denials``: document id → a denial sentence to apply to that source's certainty (the story's
    main event).  ``silent_docs``: the story's documents without an event in this merged event;
    they count as "not stated" for the fields where silence is listed (counts, date, objective)
    when the reporting sources state that field.
    """
    denials = denials or {}
    out: list[dict] = []
    for field, get in FIELD_GETTERS.items():
        rows = []
        for src in sources:
            if field == "certainty":
                rows.append((src, *get(src, denials.get(src.ev.doc_id))))
            else:
                rows.append((src, *get(src)))
        members = {src.ev.doc_id for src in sources}
        if field == "certainty":
            # a report of the story that tells no event of its own but denies one still disagrees
            for d in silent_docs:
                if d.id in denials and d.id not in members:
                    rows.append((Source(Event(id=d.id, plover="", doc_id=d.id), d), ("cert", "denied"),
                                 "denied", [_sp(*denials[d.id])]))
        keys = [r[1] for r in rows]
        silent = []
        if field in COUNT_FIELDS and any(k is not None for k in keys):
            # the story's other reports do not tell this event's count: listed as "not stated"
            silent = [d for d in silent_docs if d.id not in members]
        if len(rows) + len(silent) < 2:
            continue
        kind = decide(field, keys + [None] * len(silent))
        if kind is None:
            continue
        values = {r[0].ev.doc_id: r[2] for r in rows}
        evidence = {r[0].ev.doc_id: r[3] for r in rows}
        for d in silent:
            values[d.id] = NOT_STATED
            evidence[d.id] = []
        sentences = {}
        for r in rows:
            seen = []
            for sp in r[3]:
                s = sentence_of(r[0].text, sp["start"], sp["end"])
                if s not in seen and s[1] > s[0]:
                    seen.append(s)
            sentences[r[0].ev.doc_id] = [_sp(*s) for s in seen]
        for d in silent:
            sentences[d.id] = []
        out.append({"field": field, "event": mid, "kind": kind, "values": values,
                    "evidence": evidence, "sentences": sentences})
    return out
