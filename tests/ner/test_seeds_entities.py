"""Entity set P/R/F1 of recognize() against the seeds gold (../shared/gold/seeds.gold.json).

Each gold document lists [surface, type] pairs; both sides are compared as sets per document
after Arabic normalization.  The floor is what the layer reaches today (measured: F1 0.89).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.model import Doc, Document
from marsad.ner import recognize
from marsad.ner.arabic import norm_key
from marsad.ner.tagger import DATA_DIR, MODEL_FILE

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
FLOOR_F1 = 0.86


def _tokens(text: str):
    try:
        from marsad.text.tokens import tokenize
        return tokenize(text)
    except ImportError:
        return []


def test_seed_entities_set_f1():
    gold_path = SHARED / "gold" / "seeds.gold.json"
    if not gold_path.exists():
        pytest.skip(f"needs {gold_path} (the shared data folder beside the repository)")
    if not (DATA_DIR / MODEL_FILE).exists():
        pytest.skip("NER model not built (run `marsad train ner`)")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    tp = fp = fn = 0
    for d in gold["documents"]:
        text = (gold_path.parent.parent / d["path"]).read_text(encoding="utf-8")
        doc = Doc(Document(d["id"], text))
        doc.tokens = _tokens(text)
        pred = {(norm_key(e.text), e.type) for e in recognize(doc)}
        want = {(norm_key(s), t) for s, t in d["entities"]}
        tp += len(pred & want)
        fp += len(pred - want)
        fn += len(want - pred)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"seeds entities: P {p:.3f} R {r:.3f} F1 {f1:.3f} (tp {tp}, fp {fp}, fn {fn})")
    assert f1 >= FLOOR_F1
