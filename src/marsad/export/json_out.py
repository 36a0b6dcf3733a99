"""marsad-json/1: the JSON that ``marsad analyze --json`` writes (see docs/output-format.md).

Required keys are always present; ``null`` means the text does not say.
"""
from __future__ import annotations

from typing import Iterable

from ..model import (Actor, Attribution, Count, Doc, Entity, ErrorRecord, Event, EventDate,
                     Location, Role, Weapon)

FORMAT = "marsad-json/1"


def role_json(r: Role | None) -> dict | None:
    if r is None:
        return None
    return {"actor_id": r.actor_id, "text": r.text, "start": r.start, "end": r.end}


def count_json(c: Count | None) -> dict | None:
    if c is None:
        return None
    return {"status": c.status, "value": c.value, "start": c.start, "end": c.end}


def location_json(loc: Location | None) -> dict | None:
    if loc is None:
        return None
    return {"name": loc.name, "name_ar": loc.name_ar, "admin1": loc.admin1, "admin2": loc.admin2,
            "country": loc.country, "geonameid": loc.geonameid, "lat": loc.lat, "lon": loc.lon,
            "geo_precision": loc.geo_precision, "start": loc.start, "end": loc.end}


def date_json(d: EventDate | None) -> dict | None:
    if d is None:
        return None
    return {"value": d.value, "end": d.end, "time_precision": d.time_precision,
            "start": d.start, "end_char": d.end_char}


def event_json(e: Event) -> dict:
    """One document event as marsad-json/1 EVENT."""
    return {
        "id": e.id,
        "acled_type": e.acled_type, "acled_subtype": e.acled_subtype, "plover": e.plover,
        "trigger": None if e.trigger is None else {"start": e.trigger.start, "end": e.trigger.end},
        "actor1": role_json(e.actor1), "actor2": role_json(e.actor2),
        "location": location_json(e.location),
        "date": date_json(e.date),
        "fatalities": count_json(e.fatalities), "injuries": count_json(e.injuries),
        "arrests": count_json(e.arrests),
        "weapons": [{"class": w.cls, "start": w.start, "end": w.end} for w in e.weapons],
        "attributed_to": [{"text": a.text, "actor_id": a.actor_id, "start": a.start, "end": a.end}
                          for a in e.attributed_to],
        "certainty": e.certainty,
        "objective": None if e.objective is None else {"start": e.objective.start, "end": e.objective.end},
        "evidence": [{"start": s.start, "end": s.end} for s in e.evidence],
        "confidence": round(float(e.confidence), 3),
    }


def entity_json(e: Entity) -> dict:
    return {"text": e.text, "type": e.type, "start": e.start, "end": e.end, "actor_id": e.actor_id}


def error_json(e: ErrorRecord) -> dict:
    out = {"code": e.code, "message": e.message}
    if e.hint:
        out["hint"] = e.hint
    return out


def doc_json(doc: Doc) -> dict:
    """One analysed document as a marsad-json/1 document object."""
    d = doc.document
    return {
        "id": d.id, "path": d.path, "url": d.url, "outlet": d.outlet,
        "published": d.published.isoformat() if d.published else None,
        "language": d.language, "title": d.title,
        "entities": [entity_json(e) for e in doc.entities],
        "events": [event_json(e) for e in doc.events],
        "errors": [error_json(e) for e in doc.errors],
    }


def actor_json(a: Actor) -> dict:
    return {"name": a.name, "name_ar": a.name_ar, "kind": a.kind, "aliases": list(a.aliases),
            "country": a.country, "acled_name": a.acled_name, "inter": a.inter, "wikidata": a.wikidata}


def to_json(docs: Iterable[Doc], actors: dict[str, Actor], stories: list[dict],
            input_errors: Iterable[ErrorRecord] = ()) -> dict:
    """The whole result as a marsad-json/1 object.

    ``actors`` holds every actor referred to; ``input_errors`` (inputs that gave no document) are
    listed under the extra key ``input_errors``.
    """
    docs = list(docs)
    used = {e.actor_id for d in docs for e in d.entities if e.actor_id}
    for d in docs:
        for ev in d.events:
            for r in (ev.actor1, ev.actor2):
                if r and r.actor_id:
                    used.add(r.actor_id)
            used.update(a.actor_id for a in ev.attributed_to if a.actor_id)
    return {
        "format": FORMAT,
        "documents": [doc_json(d) for d in docs],
        "actors": {aid: actor_json(actors[aid]) for aid in sorted(used) if aid in actors},
        "stories": stories,
        "input_errors": [{"path": e.path, "line": e.line, **error_json(e)} for e in input_errors],
    }


# ---------------------------------------------------------------- reading back (the store keeps JSON)
def _role(d):
    return None if not d else Role(d.get("actor_id"), d["text"], d["start"], d["end"])


def _count(d):
    return None if not d else Count(d["status"], d.get("value"), d["start"], d["end"])


def event_from_json(d: dict, doc_id: str) -> Event:
    """The inverse of :func:`event_json` (for events read back from the store)."""
    from ..model import Span
    loc = d.get("location")
    date = d.get("date")
    return Event(
        id=d["id"], plover=d.get("plover") or "", acled_type=d.get("acled_type"),
        acled_subtype=d.get("acled_subtype"),
        trigger=Span(d["trigger"]["start"], d["trigger"]["end"]) if d.get("trigger") else None,
        actor1=_role(d.get("actor1")), actor2=_role(d.get("actor2")),
        location=None if not loc else Location(loc["name"], loc.get("name_ar"), loc.get("admin1"), loc.get("admin2"),
                                               loc.get("country"), loc.get("geonameid"), loc.get("lat"), loc.get("lon"),
                                               loc.get("geo_precision", 1), loc["start"], loc["end"]),
        date=None if not date else EventDate(date["value"], date.get("end"), date.get("time_precision", 1),
                                             date["start"], date["end_char"]),
        fatalities=_count(d.get("fatalities")), injuries=_count(d.get("injuries")), arrests=_count(d.get("arrests")),
        weapons=[Weapon(w["class"], w["start"], w["end"]) for w in d.get("weapons", [])],
        attributed_to=[Attribution(a["text"], a.get("actor_id"), a["start"], a["end"]) for a in d.get("attributed_to", [])],
        certainty=d.get("certainty") or "reported",
        evidence=[Span(e["start"], e["end"]) for e in d.get("evidence", [])],
        confidence=float(d.get("confidence") or 0.0),
        objective=Span(d["objective"]["start"], d["objective"]["end"]) if d.get("objective") else None,
        doc_id=doc_id)
