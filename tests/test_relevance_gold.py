"""Integrity of the SaudiNewsNet document-relevance gold set (gold/relevance).

The file holds article ids, labels and short English reasons only; the corpus checks need the
shared data folder beside the repository and skip with a reason when it is absent.
"""
from __future__ import annotations

import importlib.util
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from conftest import REPO, shared_path

GOLD = REPO / "gold" / "relevance" / "saudinewsnet.relevance.json"
SAMPLER = REPO / "gold" / "relevance" / "tools" / "sample.py"
ID_RE = re.compile(r"^\d{4}-\d{2}-\d{2}:\d+$")
ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")


@pytest.fixture(scope="module")
def gold() -> dict:
    return json.loads(GOLD.read_text(encoding="utf-8"))


def test_header(gold):
    assert gold["format"] == "marsad-relevance/1"
    assert gold["corpus"] == "saudinewsnet"
    assert isinstance(gold["note"], str) and gold["note"].strip()
    assert isinstance(gold["labels"], list) and len(gold["labels"]) >= 300


def test_rows_are_well_formed(gold):
    for row in gold["labels"]:
        assert {"article", "label", "split", "why"} <= set(row), row
        assert ID_RE.match(row["article"]), row["article"]
        assert row["label"] in {"conflict", "other"}, row
        assert row["split"] in {"train", "test"}, row
        assert row.get("group", "random") == "random" or row["group"].startswith("hard:"), row
        assert row["why"].strip(), row


def test_ids_are_unique(gold):
    dup = [a for a, n in Counter(r["article"] for r in gold["labels"]).items() if n > 1]
    assert not dup, f"duplicate article ids: {dup[:5]}"


def test_no_article_text_is_stored(gold):
    # Reasons are short English paraphrases; Arabic anywhere would mean quoted article text.
    raw = GOLD.read_text(encoding="utf-8")
    assert not ARABIC.search(raw), "the relevance gold file must not contain Arabic text"
    assert max(len(r["why"]) for r in gold["labels"]) <= 200


def test_both_labels_in_both_splits(gold):
    c = Counter((r["label"], r["split"]) for r in gold["labels"])
    for key in [("conflict", "train"), ("conflict", "test"), ("other", "train"), ("other", "test")]:
        assert c[key] >= 20, f"too few {key}: {c}"


def test_ids_exist_in_corpus(gold):
    from marsad.io.saudinewsnet import get_article
    corpus = shared_path("data", "saudinewsnet")
    # Sorted by id so each day's file is read once (get_article caches a few days only).
    for row in sorted(gold["labels"], key=lambda r: r["article"]):
        art = get_article(row["article"], corpus)
        assert "title" in art and "content" in art, row["article"]


def test_sampler_reproduces_ids_groups_and_splits(gold):
    corpus = shared_path("data", "saudinewsnet")
    spec = importlib.util.spec_from_file_location("relevance_sample", SAMPLER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    want = {aid: (grp, split) for aid, grp, split in mod.sample_ids(Path(corpus))}
    got = {r["article"]: (r.get("group"), r["split"]) for r in gold["labels"]}
    assert got == want
