"""Integrity of the multi-outlet story gold set (gold/events/stories.gold.json).

The file holds article ids and offsets only; the offset checks read the SaudiNewsNet zips from the
shared data folder beside the repository and skip with a reason when it is absent.
"""
from __future__ import annotations

import json
import re
import zipfile
from functools import lru_cache

import pytest

from conftest import REPO, shared_path

GOLD = REPO / "gold" / "events" / "stories.gold.json"
ID_RE = re.compile(r"^\d{4}-\d{2}-\d{2}:\d+$")
FIELDS = {"fatalities", "injuries", "arrests", "actor1", "actor2", "location", "date", "objective",
          "attributed_to", "acled_subtype", "certainty"}


@pytest.fixture(scope="module")
def gold() -> dict:
    return json.loads(GOLD.read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def _day(date: str) -> list[dict]:
    path = shared_path("data", "saudinewsnet", f"{date}.zip")
    with zipfile.ZipFile(path) as zf:
        return json.loads(zf.read(f"{date}.json"))


def test_header_and_ids(gold):
    assert gold["format"] == "marsad-gold/1" and gold["corpus"] == "saudinewsnet"
    ids = [d["id"] for d in gold["documents"]]
    assert len(ids) == len(set(ids))
    for d in gold["documents"]:
        assert ID_RE.match(d["id"]) and d["article"] == d["id"] and d["published"] == d["id"][:10], d["id"]
        assert d["split"] in {"train", "test"}
        # place mentions are not annotated in this file: no list at all, never an empty (false) one
        assert "places" not in d


def test_events_are_well_formed(gold):
    ev_ids = [e["id"] for d in gold["documents"] for e in d["events"]]
    assert len(ev_ids) == len(set(ev_ids))
    for d in gold["documents"]:
        for e in d["events"]:
            assert e["id"].startswith(d["id"] + "#"), e["id"]
            assert e["evidence_spans"] and all(s < t for s, t in e["evidence_spans"]), e["id"]
            for key in ("actor1", "actor2"):
                assert e.get(key) is None or e[key] in gold["actors"], (e["id"], e[key])
            assert e["date_any"] and all(re.match(r"^\d{4}-\d{2}-\d{2}$", x) for x in e["date_any"])


def test_stories_are_whole_and_consistent(gold):
    docs = {d["id"]: d for d in gold["documents"]}
    events = {e["id"] for d in gold["documents"] for e in d["events"]}
    seen: set[str] = set()
    assert len(gold["stories"]) >= 6
    for st in gold["stories"]:
        members = set(st["documents"])
        assert len(members) >= 2 and members <= set(docs), st["id"]
        assert not members & seen, f"{st['id']}: a document is in two stories"
        seen |= members
        # a story split across train and test would leak the test event into training
        assert len({docs[x]["split"] for x in members}) == 1, st["id"]
        assert st["same_event"], st["id"]
        for group in st["same_event"]:
            assert len(group) >= 2 and set(group) <= events, (st["id"], group)
            assert {e.split("#")[0] for e in group} <= members, (st["id"], group)
        for dis in st["disagreements"]:
            assert dis["field"] in FIELDS, dis["field"]
            assert len(dis["values"]) >= 2 and set(dis["values"]) <= members, (st["id"], dis["field"])
    # unrelated news must be there too, or B³ precision is not measured
    assert len(docs) - len(seen) >= 8


def test_offsets_fall_inside_the_articles(gold):
    for d in gold["documents"]:
        date, idx = d["id"].split(":")
        text = _day(date)[int(idx)]["content"]
        for e in d["events"]:
            spans = list(e["evidence_spans"])
            if e.get("location", {}).get("span"):
                spans.append(e["location"]["span"])
            for s, t in spans:
                assert 0 <= s < t <= len(text) and text[s:t].strip(), (e["id"], s, t)
