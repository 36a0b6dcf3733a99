"""Document consistency pass."""
from __future__ import annotations

from marsad.ner.arabic import hash_key
from marsad.ner.consistency import propagate


def test_surname_propagates_to_untagged_mention_with_clitic():
    sents = [["قال", "عمر", "أومسين", "إن"], ["وأكد", "لأومسين", "ذلك"]]
    tags = [["O", "B-PER", "I-PER", "O"], ["O", "O", "O"]]
    # "لأومسين" is ل + أومسين only if أومسين is a word of its own (corpus frequencies)
    out = propagate(sents, tags, freq={hash_key("اومسين"): 10})
    assert out[1] == ["O", "B-PER", "O"]
    assert tags[1] == ["O", "O", "O"]          # input untouched


def test_nothing_propagates_beyond_the_window():
    sents = [["زار", "حارم"]] + [["ثم", "عاد"]] * 5 + [["في", "حارم"]]
    tags = [["O", "B-LOC"]] + [["O", "O"]] * 5 + [["O", "O"]]
    assert propagate(sents, tags, freq={}, window=2)[-1] == ["O", "O"]
    assert propagate(sents, tags, freq={}, window=10)[-1] == ["O", "B-LOC"]
