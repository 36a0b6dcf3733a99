"""Training pieces: dev split, CRF training on hand-made data, shared-folder discovery."""
from __future__ import annotations

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
