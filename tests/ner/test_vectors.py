"""Real-valued word-vector features: loaded from the clusters file, fed to crfsuite, and
decoded by the numpy tagger exactly as crfsuite decodes them."""
from __future__ import annotations

import numpy as np

from marsad.ner.arabic import hash_key, norm_key
from marsad.ner.clusters import load_vectors
from marsad.ner.features import FeatureExtractor
from marsad.ner.tagger import CLUSTERS_FILE, MODEL_FILE, NerModel
from marsad.ner.train import train_crf

CITIES = ("دمشق", "حلب", "حمص", "درعا")
NAMES = ("سمير", "خالد", "أحمد")


def _clusters_file(path, with_vectors=True):
    """A hand-made clusters file: cities point one way in vector space, names another."""
    words = [norm_key(w) for w in (*CITIES, *NAMES, "زار", "مدينه", "امس", "حماه")]
    keys = np.array([hash_key(w) for w in words], dtype=np.uint64)
    vec = np.zeros((len(words), 4), dtype=np.float32)
    for i, w in enumerate(words):
        if w in {norm_key(c) for c in (*CITIES, "حماه")}:
            vec[i, 0] = 1.0
        elif w in {norm_key(n) for n in NAMES}:
            vec[i, 1] = 1.0
        else:
            vec[i, 2] = 1.0
    order = np.argsort(keys)
    arrays = {"keys": keys[order], "c10": np.zeros(len(words), dtype=np.uint16),
              "skeys": keys[order], "sfreq": np.full(len(words), 5, dtype=np.uint32)}
    if with_vectors:
        arrays["vec"] = vec[order].astype(np.float16)
    np.savez_compressed(path, **arrays)


def test_vectors_are_loaded_only_when_present(tmp_path):
    _clusters_file(tmp_path / "with.npz")
    _clusters_file(tmp_path / "without.npz", with_vectors=False)
    rows, vec = load_vectors(tmp_path / "with.npz")
    assert vec.shape == (11, 4) and rows[hash_key(norm_key("حلب"))] < 11
    assert load_vectors(tmp_path / "without.npz") is None
    assert FeatureExtractor(tmp_path / "without.npz", None).vec is None


def test_items_carry_vectors_of_the_word_and_its_neighbours(tmp_path):
    _clusters_file(tmp_path / "c.npz")
    fx = FeatureExtractor(tmp_path / "c.npz", None)
    items = fx.items(["زار", "وحلب", "مجهولكلمة"])
    assert items[1]["e0"] > 0 and items[1].get("e1", 0.0) == 0.0   # "حلب" without its clitic
    assert items[0]["+1e0"] == items[1]["e0"]                       # the next word's vector
    assert items[2]["-1e0"] == items[1]["e0"]
    assert not any(k.startswith("e") for k in items[2])             # unknown stem: no vector
    assert all(v == 1.0 for k, v in items[1].items() if "e" not in k.split("=")[0][-2:])


def test_numpy_decoder_matches_crfsuite_with_vector_features(tmp_path):
    _clusters_file(tmp_path / CLUSTERS_FILE)
    data = []
    for city in CITIES:
        for name in NAMES:
            data.append((["زار", name, "مدينة", city, "أمس"], ["O", "B-PER", "O", "B-LOC", "O"]))
    fx = FeatureExtractor(tmp_path / CLUSTERS_FILE, None)
    train_crf(data, fx, tmp_path / MODEL_FILE, {"c1": 0.0, "c2": 0.01, "max_iterations": 50})
    model = NerModel(tmp_path)
    assert model._emb_w, "the model should carry weights for the vector features"
    for sent in (["زار", "خالد", "مدينة", "حماة", "أمس"], ["حماة"], ["أمس", "زار", "سمير"]):
        assert model.tag(sent) == model.tag_crfsuite(sent)
    # "حماة" was never seen in training and stands where names stood: its vector (a city's)
    # still makes it a place, and "سمير" (a name's vector) a person where cities stood
    # (without vectors the same model data gives PER and LOC here: context alone decides)
    assert model.tag(["زار", "حماة", "مدينة", "سمير", "أمس"]) == ["O", "B-LOC", "O", "B-PER", "O"]
