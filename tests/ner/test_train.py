"""Training pieces: dev split, CRF training on hand-made data, shared-folder discovery."""
from __future__ import annotations

import pytest

from marsad.ner.features import FeatureExtractor
from marsad.ner.train import main, split_dev, train_crf


def test_split_dev_holds_out_the_last_sentences():
    sents = list(range(100))
    tr, dev = split_dev(sents, 0.1)
    assert tr == list(range(90)) and dev == list(range(90, 100))


def test_crf_learns_from_hand_made_sentences(tmp_path):
    import pycrfsuite

    data = []
    for city in ("دمشق", "حلب", "حمص", "إدلب", "درعا"):
        for name in ("أحمد", "سمير", "خالد"):
            data.append((["زار", name, "مدينة", city, "أمس"], ["O", "B-PER", "O", "B-LOC", "O"]))
    fx = FeatureExtractor(None, None)
    model = tmp_path / "m.crfsuite"
    train_crf(data, fx, model, {"c1": 0.0, "c2": 0.01, "max_iterations": 50})
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    assert tagger.tag(fx.sentence(["زار", "خالد", "مدينة", "حماة", "أمس"]))[3] == "B-LOC"


def test_missing_shared_folder_is_a_clear_error(tmp_path, capsys):
    rc = main(["--shared", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out")])
    assert rc == 2
    err = capsys.readouterr().err
    assert "NER-SHARED" in err and "--shared" in err
    assert not (tmp_path / "out").exists()


def _hand_made_shared(root):
    """A shared folder holding only a small hand-made anercorp/train.txt (20 sentences)."""
    lines = []
    for city in ("دمشق", "حلب", "حمص", "إدلب", "درعا"):
        for name in ("أحمد", "سمير", "خالد", "مازن"):
            lines += ["زار O", f"{name} B-PERS", "مدينة O", f"{city} B-LOC", "أمس O", ""]
    path = root / "data" / "anercorp"
    path.mkdir(parents=True)
    (path / "train.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def _args(shared, out, *extra):
    return ["--shared", str(shared), "--out", str(out), "--reuse-resources",
            "--max-iterations", "20", *extra]


def test_final_all_ships_a_model_of_all_sentences_and_keeps_the_held_out_one(tmp_path):
    import json

    from marsad.ner.tagger import HELDOUT_MODEL_FILE, MODEL_FILE

    import shutil

    from marsad.ner.tagger import CLUSTERS_FILE, DATA_DIR, GAZETTEER_FILE

    if not (DATA_DIR / CLUSTERS_FILE).exists() or not (DATA_DIR / GAZETTEER_FILE).exists():
        pytest.skip("shipped clusters/gazetteer files absent (run `marsad train ner`)")
    shared = _hand_made_shared(tmp_path / "shared")
    out = tmp_path / "out"
    out.mkdir()
    for name in (CLUSTERS_FILE, GAZETTEER_FILE):     # --reuse-resources: only the CRF is trained
        shutil.copy(DATA_DIR / name, out / name)
    assert main(_args(shared, out)) == 0            # --final all is the default
    assert (out / MODEL_FILE).exists() and (out / HELDOUT_MODEL_FILE).exists()
    assert (out / MODEL_FILE).read_bytes() != (out / HELDOUT_MODEL_FILE).read_bytes()
    prov = json.loads((out / "provenance.json").read_text(encoding="utf-8"))
    assert prov["settings"]["final"] == "all"
    assert prov["dev"]["model"] == HELDOUT_MODEL_FILE and prov["dev"]["sentences"] == 2
    assert prov["shipped"]["sentences"] == 20 and prov["train"]["sentences"] == 18
    assert HELDOUT_MODEL_FILE in prov["outputs"]

    # --final train: the shipped model is the held-out one; a stale held-out file goes
    assert main(_args(shared, out, "--final", "train")) == 0
    assert (out / MODEL_FILE).exists() and not (out / HELDOUT_MODEL_FILE).exists()
    prov = json.loads((out / "provenance.json").read_text(encoding="utf-8"))
    assert prov["dev"]["model"] == MODEL_FILE and prov["shipped"]["sentences"] == 18
