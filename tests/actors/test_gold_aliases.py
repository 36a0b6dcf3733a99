"""Every Arabic alias of the seeds gold resolves to its actor (reads ../shared; skips when absent)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.actors.kb import load_kb
from marsad.actors.normkey import is_arabic
from marsad.actors.resolve import ActorResolver

# the repository's sibling folder "shared" (tests/actors/this file → parents[2] is the repo root)
GOLD = Path(__file__).resolve().parents[2] / ".." / "shared" / "gold" / "seeds.gold.json"


def _gold():
    if not GOLD.is_file():
        pytest.skip(f"needs {GOLD} (the project's shared data folder beside the repository); not present here")
    return json.loads(GOLD.read_text(encoding="utf-8"))


def test_every_arabic_gold_alias_resolves():
    gold = _gold()
    kb = load_kb()
    # actors the built-in base lacks are report-specific (e.g. "a group of gunmen"): a user adds
    # them by merging the gold's actor table, which is the documented way to extend the base
    missing = [aid for aid in gold["actors"] if aid not in kb]
    assert len(missing) <= 1, f"the built-in base should know the general gold actors, lacks {missing}"
    kb.merge_data({"actors": {k: v for k, v in gold["actors"].items() if k in missing}}, "gold")
    r = ActorResolver(kb)
    published = {d["id"]: d.get("published") for d in gold["documents"]}
    day = sorted(v for v in published.values() if v)[0]
    wrong = []
    n = 0
    for aid, a in gold["actors"].items():
        for alias in a["aliases"]:
            if not is_arabic(alias):
                continue
            n += 1
            got = r.resolve(alias, published=day, country="SY")
            if got != aid:
                wrong.append((alias, aid, got))
    assert n > 30
    assert not wrong, wrong
