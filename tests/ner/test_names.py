"""The training-names feature: names annotated in training data, matched in new text, and
jackknifed so that a training sentence never sees its own annotations."""
from __future__ import annotations

from marsad.ner.arabic import hash_key
from marsad.ner.features import FeatureExtractor
from marsad.ner.gazetteer import Gazetteer, names_gazetteer
from marsad.ner.train import jackknife_items


def _fx():
    fx = FeatureExtractor(None, None)
    # corpus counts tell the clitic splitter that "ابو"/"حمزه" are words of their own
    fx.freq = {hash_key("ابو"): 50, hash_key("حمزه"): 50}
    return fx


def test_names_keep_their_majority_type_and_match_with_clitics():
    fx = _fx()
    sents = [(["زار", "أبو", "حمزة", "المدينة"], ["O", "B-PER", "I-PER", "O"]),
             (["في", "حمزة"], ["O", "B-LOC"]),
             (["التقى", "حمزة"], ["O", "B-PER"]),
             (["مع", "حمزة"], ["O", "B-PER"]),
             (["عيد", "الفطر"], ["B-MISC", "I-MISC"])]
    gaz = Gazetteer(names_gazetteer(sents, fx.forms))
    fx.names = gaz
    words = ["وأبو", "حمزة", "وحمزة", "عيد", "الفطر"]
    types = [fx._type(w) for w in words]
    spans = gaz.match_spans([t.core for t in types], [t.word for t in types])
    assert (0, 2, "PER") in spans              # "وأبو حمزة": the clitic is not part of the key
    assert (2, 3, "PER") in spans              # PER twice, LOC once: PER
    assert not any(s == 3 for s, _e, _t in spans)   # MISC names are not listed
    feats = fx.sentence(words)
    assert "TG=B-PER" in feats[0] and "TG=I-PER" in feats[1] and "+1TG=B-PER" in feats[1]


def test_jackknife_hides_a_chunks_own_names():
    fx = _fx()
    sents = [(["زار", "كوفي", "أنان"], ["O", "B-PER", "I-PER"]),
             (["التقى", "كوفي", "أنان"], ["O", "B-PER", "I-PER"]),
             (["زار", "سولانا"], ["O", "B-PER"]),
             (["قال", "بوتين"], ["O", "B-PER"])]
    items = jackknife_items(sents, fx, folds=4)
    # "كوفي أنان" of sentence 0 is known from sentence 1 and the reverse; "سولانا" and
    # "بوتين" are each annotated only in their own sentence, so their chunk cannot see them
    assert "TG=B-PER" in items[0][1] and "TG=B-PER" in items[1][1]
    assert not any(k.startswith("TG=") for k in items[2][1])
    assert not any(k.startswith("TG=") for k in items[3][1])
    assert fx.names is None
