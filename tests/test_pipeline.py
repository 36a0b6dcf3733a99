import pytest

from marsad.errors import PipelineError
from marsad.model import Document
from marsad.pipeline import STAGES, Pipeline, build_stages


def test_every_default_stage_is_registered_with_requires_and_assigns():
    from marsad.config import DEFAULT_STAGES
    for name in DEFAULT_STAGES:
        assert name in STAGES and STAGES[name].assigns


def test_missing_requirement_is_a_build_time_error_naming_it():
    with pytest.raises(PipelineError) as exc:
        build_stages(["sentences", "events"])
    msg = str(exc.value)
    assert "events" in msg and "tokens" in msg and "quantities" in msg
    assert "put" in msg  # names the stages that would provide it


def test_unknown_stage_is_an_error():
    with pytest.raises(PipelineError, match="unknown stage 'nope'"):
        build_stages(["nope"])


def test_stage_failure_becomes_error_record_and_keeps_earlier_layers(monkeypatch):
    from marsad import pipeline as pl

    def boom(options, res):
        def run(doc):
            raise RuntimeError("kaput")
        return run

    monkeypatch.setitem(pl.STAGES, "tokens", pl.Stage("tokens", ("text",), ("tokens",), boom))
    p = Pipeline(["sentences", "tokens"])
    doc = p(Document(id="d", text="جملة أولى. جملة ثانية.", path="x.txt"))
    assert doc.sentences, "sentences ran before the failing stage"
    assert [e.code for e in doc.errors] == ["E_STAGE"]
    assert "tokens" in doc.errors[0].message and doc.errors[0].path == "x.txt"
