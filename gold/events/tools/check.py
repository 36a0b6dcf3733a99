"""Validate the gold file against the corpus and print every span's text (redirect to /tmp).

Usage: python check.py ../saudinewsnet.gold.json > /tmp/gold_review.txt
Checks: offsets inside content, non-empty evidence, actor ids known, ACLED/PLOVER vocabularies,
splits; prints counts at the end. Exit status 1 when a check fails.
"""
from __future__ import annotations

import collections
import json
import sys
from pathlib import Path

from corpus import article

ACLED = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"},
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
}
PLOVER = set("AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST "
             "SANCTION MOBILIZE COERCE ASSAULT".split())
STATUS = {"exact", "at_least", "approx", "unspecified", "unconfirmed", "none"}


def main() -> int:
    """Print spans and counts; return 1 on any error."""
    gold = json.load(open(sys.argv[1], encoding="utf-8"))
    errors: list[str] = []
    c_acled: collections.Counter = collections.Counter()
    c_plover: collections.Counter = collections.Counter()
    c_split: collections.Counter = collections.Counter()
    c_country: collections.Counter = collections.Counter()
    n_places = n_events = n_empty = 0
    ev_ids = set()
    for doc in gold["documents"]:
        text = article(doc["article"])["content"]
        c_split[doc["split"]] += 1
        if not doc["events"]:
            n_empty += 1
        print(f"===== {doc['id']} [{doc['split']}] {doc.get('note', '')}")

        def span(s, e, what):
            if not (0 <= s < e <= len(text)):
                errors.append(f"{doc['id']}: bad {what} span {[s, e]} (len {len(text)})")
                return "<BAD>"
            return text[s:e]
        for ev in doc["events"]:
            n_events += 1
            if ev["id"] in ev_ids:
                errors.append(f"duplicate event id {ev['id']}")
            ev_ids.add(ev["id"])
            t, st = ev["acled_type"], ev.get("acled_subtype")
            if t is not None and st not in ACLED.get(t, ()):
                errors.append(f"{ev['id']}: bad ACLED {t}/{st}")
            if ev["plover"] not in PLOVER:
                errors.append(f"{ev['id']}: bad PLOVER {ev['plover']}")
            for k in ("actor1", "actor2"):
                if ev.get(k) is not None and ev[k] not in gold["actors"]:
                    errors.append(f"{ev['id']}: unknown actor {ev[k]}")
            for k in ("fatalities", "injuries", "arrests"):
                if k in ev and ev[k]["status"] not in STATUS:
                    errors.append(f"{ev['id']}: bad {k} status")
            if not ev["evidence_spans"]:
                errors.append(f"{ev['id']}: no evidence")
            c_acled[f"{t}/{st}" if t else "verbal"] += 1
            c_plover[ev["plover"]] += 1
            loc = ev.get("location")
            if loc:
                c_country[loc["country"]] += 1
            print(f"  -- {ev['id']} {t}/{st} {ev['plover']} {ev.get('actor1')}->{ev.get('actor2')} "
                  f"{ev['date_any']} fat={ev.get('fatalities')} inj={ev.get('injuries')} arr={ev.get('arrests')}")
            if loc:
                where = span(*loc["span"], "location") if "span" in loc else "-"
                print(f"     loc: {loc['name']}/{loc['admin1']}/{loc['country']} p{loc['geo_precision']} <{where}>")
            for s, e in ev["evidence_spans"]:
                print(f"     ev: <{span(s, e, 'evidence')}>")
        for p in doc.get("places", []):
            n_places += 1
            print(f"  place {p['span']} <{span(*p['span'], 'place')}> = {p['name']}/{p['admin1']}/{p['country']}")
    docs_by_id = {d["id"]: d for d in gold["documents"]}
    for st in gold.get("stories", []):
        splits = {docs_by_id[d]["split"] for d in st["documents"] if d in docs_by_id}
        if any(d not in docs_by_id for d in st["documents"]):
            errors.append(f"story {st['id']}: unknown document")
        if len(splits) > 1:
            # A story split across train and test would leak the test event into training.
            errors.append(f"story {st['id']}: documents in different splits")
        for group in st["same_event"]:
            for eid in group:
                if eid not in ev_ids:
                    errors.append(f"story {st['id']}: unknown event {eid}")
    # Leak check: no 30-character run of any article may appear in the gold folder's files.
    shingle = 30
    folder = Path(sys.argv[1]).resolve().parent
    stored = set()
    for f in list(folder.glob("*.json")) + list(folder.glob("*.md")) + list(folder.glob("tools/*.py")):
        txt = f.read_text(encoding="utf-8")
        stored.update(txt[i:i + shingle] for i in range(len(txt) - shingle + 1))
    for doc in gold["documents"]:
        text = article(doc["article"])["content"]
        for i in range(0, max(0, len(text) - shingle + 1)):
            if text[i:i + shingle] in stored and text[i:i + shingle].strip():
                errors.append(f"{doc['id']}: article text copied into the repository near offset {i}")
                break
    print("\n===== counts")
    print(f"documents {len(gold['documents'])} (without events {n_empty}); events {n_events}; place mentions {n_places}")
    print("splits", dict(c_split))
    print("stories", len(gold.get("stories", [])))
    print("event countries", dict(c_country))
    print("ACLED", dict(c_acled.most_common()))
    print("PLOVER", dict(c_plover.most_common()))
    for e in errors:
        print("ERROR", e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
