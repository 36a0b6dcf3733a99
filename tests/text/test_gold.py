"""Regression guards on the hand-made gold sets in gold/text (skipped without the SaudiNewsNet data)."""
import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data" / "saudinewsnet"


def _bench(name):
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


needs_data = pytest.mark.skipif(not DATA.is_dir(), reason="SaudiNewsNet data not found")


@needs_data
def test_sentence_boundary_f1():
    res = _bench("bench_text").eval_sentences(DATA)
    assert res["all"]["sentences"] >= 300
    assert res["dev"]["f1"] >= 0.98
    assert res["test"]["f1"] >= 0.93


@needs_data
def test_segmentation_accuracy():
    res = _bench("bench_text").eval_segmentation(DATA)
    assert res["all"]["tokens"] >= 1000
    assert res["all"]["accuracy"] >= 0.97


def test_times_gold_against_marsad():
    bt = _bench("bench_times")
    items = json.loads(bt.GOLD.read_text(encoding="utf-8"))["items"]
    assert len(items) >= 150
    scores = bt.run_marsad(items)
    assert sum(s[0] for s in scores) / len(items) >= 0.95
