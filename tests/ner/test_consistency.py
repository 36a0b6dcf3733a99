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


def test_multi_word_name_propagates_as_a_whole():
    sents = [["أعلنت", "الأمم", "المتحدة", "أمس"], ["وقالت", "الأمم", "المتحدة", "إن"]]
    tags = [["O", "B-ORG", "I-ORG", "O"], ["O", "O", "O", "O"]]
    out = propagate(sents, tags, freq={})
    assert out[1] == ["O", "B-ORG", "I-ORG", "O"]
    assert tags[1] == ["O", "O", "O", "O"]     # input untouched


def test_multi_word_name_needs_the_whole_sequence_untagged():
    sents = [["زار", "أبو", "حمزة", "المدينة"],
             ["وقال", "أبو", "علي", "ثم"],             # only the first word matches
             ["التقى", "أبو", "حمزة", "المهاجر"]]      # already inside a longer name
    tags = [["O", "B-PER", "I-PER", "O"], ["O", "O", "O", "O"],
            ["O", "B-PER", "I-PER", "I-PER"]]
    out = propagate(sents, tags, freq={})
    assert out[1] == ["O", "O", "O", "O"]
    assert out[2] == ["O", "B-PER", "I-PER", "I-PER"]


def test_propagation_takes_any_strings():
    sents = [["\ud800", "", "ال ال"], ["\ud800", "", "ال ال"]]
    tags = [["B-PER", "I-PER", "O"], ["O", "O", "O"]]
    out = propagate(sents, tags, freq={})
    assert len(out) == 2 and all(len(t) == 3 for t in out)


def test_multi_word_name_is_found_at_every_start_of_its_first_word():
    # the first word stands three times: before another word, before the name's second word,
    # and last in the sentence (where the whole name cannot fit)
    sents = [["أعلنت", "الأمم", "المتحدة", "أمس"],
             ["الأمم", "الأخرى", "و", "الأمم", "المتحدة", "ثم", "الأمم"]]
    tags = [["O", "B-ORG", "I-ORG", "O"], ["O"] * 7]
    out = propagate(sents, tags, freq={})
    assert out[1] == ["O", "O", "O", "B-ORG", "I-ORG", "O", "O"]


def test_multi_word_repeats_in_one_sentence_are_all_tagged():
    sents = [["زار", "خان", "يونس", "أمس"], ["بين", "خان", "يونس", "و", "خان", "يونس"]]
    tags = [["O", "B-LOC", "I-LOC", "O"], ["O"] * 6]
    out = propagate(sents, tags, freq={})
    assert out[1] == ["O", "B-LOC", "I-LOC", "O", "B-LOC", "I-LOC"]
