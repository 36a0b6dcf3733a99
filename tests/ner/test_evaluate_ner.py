"""`marsad evaluate-ner` entry point."""
from __future__ import annotations

import pytest

from marsad.ner.evaluate_ner import main
from marsad.ner.tagger import DATA_DIR, MODEL_FILE

needs_model = pytest.mark.skipif(not (DATA_DIR / MODEL_FILE).exists(),
                                 reason="NER model not built (run `marsad train ner`)")


@needs_model
def test_scores_and_predictions(tmp_path, capsys):
    f = tmp_path / "g.txt"
    f.write_text("وصل O\nالرئيس O\nإلى O\nبغداد B-LOC\n. O\n\nقال O\nجورج B-PERS\nبوش I-PERS\n. O\n",
                 encoding="utf-8")
    out = tmp_path / "p.txt"
    assert main([str(f), "--predictions", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "micro" in printed and "LOC" in printed and "PER" in printed
    lines = out.read_text(encoding="utf-8").split("\n")
    assert lines[3].split()[:2] == ["بغداد", "B-LOC"] and len(lines[3].split()) == 3
    assert lines[5] == ""                                  # sentence break kept
    assert all(len(x.split()) == 3 for x in lines if x)


def test_malformed_line_one_line_error(tmp_path, capsys):
    f = tmp_path / "bad.txt"
    f.write_text("وصل O\nبغداد\tB-LOC\textra\n", encoding="utf-8")
    assert main([str(f)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and f"{f}:2" in err and "NER-LINE" in err


def test_unknown_tag_and_missing_file(tmp_path, capsys):
    f = tmp_path / "t.txt"
    f.write_text("وصل O\nبغداد B-CITY\n", encoding="utf-8")
    assert main([str(f)]) == 2
    assert f"{f}:2" in capsys.readouterr().err
    assert main([str(tmp_path / "none.txt")]) == 2
    assert "NER-IO" in capsys.readouterr().err


@needs_model
def test_heldout_flag_scores_the_held_out_model(tmp_path, capsys, monkeypatch):
    import marsad.ner.tagger as tagger_mod

    f = tmp_path / "g.txt"
    f.write_text("وصل O\nالرئيس O\nإلى O\nبغداد B-LOC\n. O\n", encoding="utf-8")
    # without a held-out model file: a one-line error with its code and fix
    monkeypatch.setattr(tagger_mod, "HELDOUT_MODEL_FILE", "no-such-model.crfsuite")
    assert main([str(f), "--heldout"]) == 2
    err = capsys.readouterr().err
    assert "NER-HELDOUT" in err and "marsad train ner" in err
    # with one (here the shipped model under the held-out name): scores are printed
    monkeypatch.setattr(tagger_mod, "HELDOUT_MODEL_FILE", MODEL_FILE)
    assert main([str(f), "--heldout"]) == 0
    assert "micro" in capsys.readouterr().out
