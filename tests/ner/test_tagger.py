"""The shipped tagger: numpy Viterbi equals crfsuite's decoding; a missing model is a clear error."""
from __future__ import annotations

import pytest

from marsad.ner.tagger import DATA_DIR, MODEL_FILE, ModelMissingError, NerModel

needs_model = pytest.mark.skipif(not (DATA_DIR / MODEL_FILE).exists(),
                                 reason="NER model not built (run `marsad train ner`)")


@needs_model
def test_fast_decoder_matches_crfsuite():
    model = NerModel()
    sentences = [
        ["قال", "الرئيس", "الأمريكي", "جورج", "بوش", "في", "واشنطن", "إن", "الأمم", "المتحدة", "."],
        ["وصل", "وزير", "الخارجية", "إلى", "بغداد"],
        ["."],
        ["غادر", "محمد", "بن", "راشد", "دبي", "متجها", "إلى", "لندن", "عبر", "مطار", "هيثرو", "."],
    ]
    for s in sentences:
        assert model.tag(s) == model.tag_crfsuite(s)
    assert model.tag([]) == []


@needs_model
def test_known_names_are_tagged():
    tags = NerModel().tag(["وصل", "الوفد", "إلى", "القاهرة", "قادما", "من", "باريس", "."])
    assert tags[3] == "B-LOC" and tags[6] == "B-LOC"


def test_missing_model_has_code_and_fix(tmp_path):
    with pytest.raises(ModelMissingError) as ei:
        NerModel(tmp_path)
    assert "NER-MODEL" in str(ei.value) and "marsad train ner" in str(ei.value)
