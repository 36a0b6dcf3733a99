"""Build saudinewsnet.gold.json from private annotation notes kept outside the repository.

The annotator writes notes (a Python file, e.g. /tmp/notes.py) that name evidence and places by
quoting the article; this script turns every quote into [start, end) offsets into the article's
``content`` and writes a gold file that holds ids and offsets only (no article text).

Notes API (names injected into the notes file's namespace):
  ACTORS = {id: {name, kind, country?, aliases}}
  D(article_id, split, events=[...], places=[...], note=None)
  E(acled_type, acled_subtype, plover, a1=None, a2=None, ev=[quote|(quote, nth)], loc=L(...),
    dates=[...], fat=(status, value?), inj=..., arr=..., w=[...], cert="reported", attr=[...], id=None)
  L(name, quote|None, admin1, country, geonameid=None, prec=1, nth=0)
  P(quote, name, admin1, country, geonameid=None, skip=())  -> every word-bounded occurrence of quote

Usage: python build.py /tmp/notes.py ../saudinewsnet.gold.json
"""
from __future__ import annotations

import datetime
import json
import re
import sys
from pathlib import Path

from corpus import article

# Arabic letters: a match must not sit inside a longer word (after allowed proclitics).
_AR = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")
_PROCLITICS = {"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك"}


class NoteError(Exception):
    """An annotation quote that cannot be resolved (code + fix hint in the message)."""


def find_nth(text: str, quote: str, nth: int = 0) -> tuple[int, int]:
    """Return the span of the nth occurrence of quote in text.

    Whitespace in the quote matches any run of whitespace (the corpus has no-break spaces).
    """
    pattern = r"\s+".join(re.escape(part) for part in quote.split())
    hits = list(re.finditer(pattern, text))
    if len(hits) <= nth:
        raise NoteError(f"E-QUOTE-NOT-FOUND: {quote!r} (occurrence {nth}); fix: copy the quote exactly")
    return hits[nth].span()


def word_spans(text: str, quote: str) -> list[tuple[int, int]]:
    """Return every occurrence of quote that is a whole word, allowing attached proclitics."""
    out = []
    pattern = r"\s+".join(re.escape(part) for part in quote.split())
    for m in re.finditer(pattern, text):
        s, e = m.span()
        if e < len(text) and _AR.match(text[e]):
            continue
        ws = s
        while ws > 0 and (_AR.match(text[ws - 1]) or text[ws - 1] == "\u0640"):
            ws -= 1
        # A tatweel may follow a proclitic ("بـمأرب").
        if text[ws:s].replace("\u0640", "") in _PROCLITICS:
            out.append((s, e))
    return out


def L(name, quote, admin1, country, geonameid=None, prec=1, nth=0):
    """Describe an event location (resolved later against the article)."""
    return {"name": name, "quote": quote, "admin1": admin1, "country": country,
            "geonameid": geonameid, "geo_precision": prec, "nth": nth}


def P(quote, name, admin1, country, geonameid=None, skip=()):
    """Describe a place name whose every occurrence in the article is a place mention.

    ``skip``: indices of whole-word occurrences that are not place mentions (e.g. inside a group name).
    """
    return {"quote": quote, "name": name, "admin1": admin1, "country": country, "geonameid": geonameid, "skip": tuple(skip)}


def E(acled_type, acled_subtype, plover, a1=None, a2=None, ev=(), loc=None, dates=(), fat=None,
      inj=None, arr=None, w=(), cert="reported", attr=(), id=None, note=None):
    """Describe one event."""
    return dict(acled_type=acled_type, acled_subtype=acled_subtype, plover=plover, actor1=a1, actor2=a2,
                ev=list(ev), loc=loc, date_any=list(dates), fatalities=fat, injuries=inj, arrests=arr,
                weapons=list(w), certainty=cert, attributed_to=list(attr), id=id, note=note)


DOCS: list[dict] = []


def D(article_id, split, events=(), places=(), note=None):
    """Register one document."""
    DOCS.append({"article": article_id, "split": split, "events": list(events), "places": list(places), "note": note})


def _count(v):
    if v is None:
        return None
    if isinstance(v, str):
        return {"status": v}
    out = {"status": v[0]}
    if len(v) > 1 and v[1] is not None:
        out["value"] = v[1]
    if len(v) > 2:
        out["note"] = v[2]
    return out


def resolve_doc(d: dict, actors: dict) -> dict:
    """Turn one noted document into a gold document (offsets only)."""
    aid = d["article"]
    a = article(aid)
    text = a["content"]
    doc = {"id": aid, "article": aid, "published": aid.split(":")[0], "outlet": a["source"],
           "split": d["split"], "events": []}
    if d["note"]:
        doc["note"] = d["note"]
    for k, ev in enumerate(d["events"]):
        out = {"id": ev["id"] or f"{aid}#e{k}", "acled_type": ev["acled_type"]}
        if ev["acled_type"] is not None:
            out["acled_subtype"] = ev["acled_subtype"]
        out["plover"] = ev["plover"]
        for key in ("actor1", "actor2"):
            if ev[key] is not None and ev[key] not in actors:
                raise NoteError(f"E-ACTOR: unknown actor {ev[key]!r} in {aid}; fix: add it to ACTORS")
            out[key] = ev[key]
        if ev["loc"]:
            lc = ev["loc"]
            loc = {"name": lc["name"], "admin1": lc["admin1"], "country": lc["country"],
                   "geonameid": lc["geonameid"], "geo_precision": lc["geo_precision"]}
            if lc["quote"]:
                loc["span"] = list(find_nth(text, lc["quote"], lc["nth"]))
            out["location"] = loc
        # No date in the text: the report's own day, or the day before (the file date is the crawl date).
        out["date_any"] = ev["date_any"] or [
            (datetime.date.fromisoformat(doc["published"]) - datetime.timedelta(days=1)).isoformat(), doc["published"]]
        for key, val in (("fatalities", ev["fatalities"]), ("injuries", ev["injuries"]), ("arrests", ev["arrests"])):
            if val is not None:
                out[key] = _count(val)
        if ev["weapons"]:
            out["weapons"] = ev["weapons"]
        if ev["attributed_to"]:
            out["attributed_to"] = ev["attributed_to"]
        out["certainty"] = ev["certainty"]
        spans = []
        for q in ev["ev"]:
            quote, nth = (q, 0) if isinstance(q, str) else q
            spans.append(list(find_nth(text, quote, nth)))
        if not spans:
            raise NoteError(f"E-NO-EVIDENCE: event {out['id']} has no evidence; fix: quote the sentence part")
        out["evidence_spans"] = spans
        if ev["note"]:
            out["note"] = ev["note"]
        doc["events"].append(out)
    places = []
    # Longest quotes first, so "بغداد الجديدة" wins over the "بغداد" inside it.
    for p in sorted(d["places"], key=lambda p: -len(p["quote"])):
        spans = word_spans(text, p["quote"])
        if not spans:
            raise NoteError(f"E-PLACE-NOT-FOUND: {p['quote']!r} in {aid}; fix: quote the bare name")
        for k, (s, e) in enumerate(spans):
            if k in p["skip"]:
                continue
            if any(s < x["span"][1] and x["span"][0] < e for x in places):
                continue
            places.append({"span": [s, e], "name": p["name"], "admin1": p["admin1"], "country": p["country"],
                           "geonameid": p["geonameid"]})
    places.sort(key=lambda x: x["span"])
    for x, y in zip(places, places[1:]):
        if y["span"][0] < x["span"][1]:
            raise NoteError(f"E-PLACE-OVERLAP: {x['span']} / {y['span']} in {aid}; fix: drop the shorter quote")
    doc["places"] = places
    return doc


def main() -> None:
    """Resolve the notes and write the gold file."""
    notes, out_path = sys.argv[1], Path(sys.argv[2])
    ns = {"D": D, "E": E, "L": L, "P": P}
    exec(compile(Path(notes).read_text(), notes, "exec"), ns)
    actors = ns["ACTORS"]
    docs, problems = [], []
    for d in DOCS:
        try:
            docs.append(resolve_doc(d, actors))
        except NoteError as exc:
            problems.append(f"{d['article']}: {exc}")
    if problems:
        # Report every unresolved note at once; the gold file is left untouched.
        raise NoteError("\n".join(problems))
    ids = [d["id"] for d in docs]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        raise NoteError(f"E-DUP-DOC: {sorted(dup)}; fix: annotate each article once")
    gold = {"format": "marsad-gold/1", "corpus": "saudinewsnet",
            "note": "Hand annotation of SaudiNewsNet 2015 articles; ids and offsets only. See README.md.",
            "actors": actors, "documents": docs, "stories": ns.get("STORIES", [])}
    tmp = out_path.with_suffix(".tmp")
    tmp.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    tmp.replace(out_path)
    n_ev = sum(len(d["events"]) for d in docs)
    n_pl = sum(len(d["places"]) for d in docs)
    print(f"wrote {out_path}: {len(docs)} documents, {n_ev} events, {n_pl} place mentions")


if __name__ == "__main__":
    main()
