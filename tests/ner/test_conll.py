"""TOKEN TAG reading and CoNLL-style span scoring."""
from __future__ import annotations

import pytest

from marsad.ner.conll import NerDataError, bio_spans, normalize_tag, read_conll, score_spans


def test_normalize_tag_maps_variants():
    assert normalize_tag("B-PERS") == "B-PER"
    assert normalize_tag("I-MIS2") == "I-MISC"
    assert normalize_tag("B-MIS-1") == "B-MISC"
    assert normalize_tag("O") == "O"
    assert normalize_tag("OO") is None
    assert normalize_tag("B-XYZ") is None


def test_read_conll_sentences(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("زار O\nأحمد B-PERS\nدمشق B-LOC\n\nقال O\n", encoding="utf-8")
    sents = read_conll(f)
    assert sents == [(["زار", "أحمد", "دمشق"], ["O", "B-PER", "B-LOC"]), (["قال"], ["O"])]


def test_malformed_line_names_file_and_line(tmp_path):
    f = tmp_path / "bad.txt"
    f.write_text("زار O\nأحمد B-PERS extra\n", encoding="utf-8")
    with pytest.raises(NerDataError) as ei:
        read_conll(f)
    msg = ei.value.one_line()
    assert f"{f}:2" in msg and "NER-LINE" in msg and "\n" not in msg


def test_unknown_tag_strict_and_lenient(tmp_path):
    f = tmp_path / "t.txt"
    f.write_text("x OO\n", encoding="utf-8")
    with pytest.raises(NerDataError) as ei:
        read_conll(f)
    assert ei.value.line == 1 and ei.value.code == "NER-TAG"
    assert read_conll(f, lenient=True) == [(["x"], ["O"])]


def test_bio_spans_conlleval_style():
    assert bio_spans(["B-PER", "I-PER", "O", "I-LOC", "B-LOC"]) == {
        (0, 2, "PER"), (3, 4, "LOC"), (4, 5, "LOC")}
    assert bio_spans(["B-PER", "I-LOC"]) == {(0, 1, "PER"), (1, 2, "LOC")}


def test_score_exact_spans():
    gold = [["B-PER", "I-PER", "O", "B-LOC"]]
    pred = [["B-PER", "O", "O", "B-LOC"]]
    sc = score_spans(gold, pred)
    assert (sc["micro"].tp, sc["micro"].fp, sc["micro"].fn) == (1, 1, 1)
    assert sc["LOC"].f1 == 1.0 and sc["PER"].f1 == 0.0
    assert sc["micro"].f1 == pytest.approx(0.5)
