"""The two seed reports, end to end, against their hand annotation (foundation issue #2).

Floors are pinned to the digest of the gold file: if the gold changes, this test says so instead
of silently comparing against different data.
"""
import hashlib
import json

import pytest

from conftest import shared_path

GOLD_SHA256 = "a94a89c590987199cbd5a5ab9f7a98b64a36c9c8fb7e19f18819dd475c64988a"


@pytest.fixture(scope="module")
def seeds_run():
    from marsad.api import analyze
    from marsad.config import Options
    seeds = shared_path("seeds")
    return analyze([str(seeds)], published="2025-10-22", options=Options())


@pytest.fixture(scope="module")
def gold():
    path = shared_path("gold", "seeds.gold.json")
    data = path.read_bytes()
    assert hashlib.sha256(data).hexdigest() == GOLD_SHA256, \
        "seeds.gold.json changed: re-measure and update the floors and GOLD_SHA256 together"
    return path, json.loads(data)


def _clash(doc):
    clashes = [e for e in doc["events"] if e["acled_subtype"] == "Armed clash"]
    assert clashes, f"no armed clash found in {doc['id']}"
    return max(clashes, key=lambda e: e["confidence"])


def test_each_seed_has_the_harem_clash_with_fields_and_offsets(seeds_run, gold):
    _, g = gold
    texts = {d.id: d.text for d in seeds_run.docs}
    gold_actor_ids = {"syria-internal-security", "firqat-al-ghuraba"}
    for doc in seeds_run.json["documents"]:
        ev = _clash(doc)
        text = texts[doc["id"]]
        assert ev["acled_type"] == "Battles" and ev["plover"] == "ASSAULT"
        for role in ("actor1", "actor2"):
            r = ev[role]
            assert r is not None, f"{doc['id']}: {role} missing"
            assert text[r["start"]:r["end"]] == r["text"]
        assert {ev["actor1"]["actor_id"], ev["actor2"]["actor_id"]} == gold_actor_ids
        loc = ev["location"]
        assert loc["name"] == "Harim" and loc["admin1"] == "Idlib" and loc["geonameid"] == 169866
        assert "حارم" in text[loc["start"]:loc["end"]]
        assert ev["date"]["value"] in ("2025-10-21", "2025-10-22")
        assert text[ev["date"]["start"]:ev["date"]["end_char"]]
        f = ev["fatalities"]
        assert f is not None and f["end"] > f["start"]
        assert {w["class"] for w in ev["weapons"]} == {"light weapons", "medium weapons"}
    statuses = {d["id"]: _clash(d)["fatalities"]["status"] for d in seeds_run.json["documents"]}
    assert statuses == {"000_8268693cd67b0269": "unspecified", "002_c91c32d4e3dff501": "unconfirmed"}


def test_one_story_holds_both_reports_and_lists_the_fatalities_disagreement(seeds_run):
    stories = [s for s in seeds_run.json["stories"] if len(s["documents"]) > 1]
    assert len(stories) == 1
    (story,) = stories
    assert sorted(story["documents"]) == ["000_8268693cd67b0269", "002_c91c32d4e3dff501"]
    fields = {d["field"]: d for d in story["disagreements"]}
    assert "fatalities" in fields
    assert fields["fatalities"]["values"] == {"000_8268693cd67b0269": "unspecified",
                                              "002_c91c32d4e3dff501": "unconfirmed"}
    clash = [m for m in story["events"] if m["acled_subtype"] == "Armed clash"]
    assert len(clash) == 1 and len(clash[0]["sources"]) == 2


def test_evaluate_on_seeds_gold_meets_floors(gold):
    from marsad.evaluate import evaluate
    path, _ = gold
    r = evaluate(path)
    # floors measured on GOLD_SHA256; raise them as the stages improve
    assert r["events"]["f1"] >= 0.8, r["events"]
    assert r["entities"]["f1"] >= 0.85, r["entities"]
    assert r["stories_b3"]["f1"] == 1.0
    assert r["disagreement_recall"] >= 2 / 3
    for name in ("actor1", "actor2", "location_admin1", "location_place", "date", "fatalities_status"):
        assert r["fields"][name]["filled"] == 1.0, (name, r["fields"][name])
    # actors: 8/11 and 10/10 by id, 10/11 by the gold's aliases (measured 2026-11-24)
    assert r["fields"]["actor1"]["accuracy"] >= 0.72, r["fields"]["actor1"]
    assert r["fields"]["actor2"]["accuracy"] >= 0.99, r["fields"]["actor2"]
    assert r["fields"]["actor1_by_name"]["accuracy"] >= 0.9, r["fields"]["actor1_by_name"]
