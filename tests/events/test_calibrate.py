"""The learned calibration (marsad.events.calibrate) and the rules added with it — hand-built inputs."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.errors import MarsadError
from marsad.events import extract
from marsad.events.calibrate import (FEATURES, Calibrator, default_calibrator, fit_logistic,
                                     load_calibrator)
from marsad.events.extract import candidates

from .conftest import FakeResolver, build_doc

SHELLING = "قصف الحوثيين مدينة تعز اليوم بقذائف الهاون."


def shelling_doc():
    return build_doc(SHELLING, entities=[("الحوثيين", "ORG", "houthis"), ("تعز", "LOC")],
                     times=[("اليوم", "2025-03-10")])


def test_calibrator_probability_follows_the_weights_and_threshold():
    cal = Calibrator({"weapons": 2.0, "background": -3.0}, bias=0.0, threshold=0.5)
    assert cal.prob({}) == pytest.approx(0.5)
    assert cal.prob({"weapons": 1}) > 0.85
    assert cal.prob({"background": 1}) < 0.05
    assert cal.keep(0.5) and not cal.keep(0.49)
    # standardisation is applied before the weights
    cal2 = Calibrator({"weapons": 1.0}, 0.0, 0.5, mean={"weapons": 1.0}, scale={"weapons": 2.0})
    assert cal2.prob({"weapons": 1}) == pytest.approx(0.5)


def test_model_file_round_trip_and_errors(tmp_path):
    cal = Calibrator({"weapons": 1.5}, -0.2, 0.3, meta={"provenance": {"split": "train"}})
    p = tmp_path / "m.json"
    p.write_text(json.dumps(cal.to_json()), encoding="utf-8")
    back = load_calibrator(p)
    assert back.weights == {"weapons": 1.5} and back.threshold == 0.3
    assert back.meta["provenance"]["split"] == "train"
    with pytest.raises(MarsadError) as e:
        load_calibrator(tmp_path / "missing.json")
    assert e.value.code == "E_EVENTS_MODEL" and e.value.hint
    p.write_text(json.dumps({**cal.to_json(), "weights": {"no_such_feature": 1.0}}), encoding="utf-8")
    with pytest.raises(MarsadError) as e:
        load_calibrator(p)
    assert e.value.code == "E_EVENTS_MODEL"
    p.write_text("{not json", encoding="utf-8")
    with pytest.raises(MarsadError):
        load_calibrator(p)


def test_packaged_model_uses_known_features_and_records_its_provenance():
    cal = default_calibrator()
    assert cal is not None
    assert set(cal.weights) == set(FEATURES)
    assert 0.0 < cal.threshold < 1.0
    prov = cal.meta["provenance"]
    assert prov["split"] == "train" and prov["gold_sha256"]
    assert all(len(h) == 64 for h in prov["gold_sha256"].values())
    # every gold the model learnt from is in the repository, with the digest it had then
    root = Path(__file__).resolve().parents[2]
    import hashlib
    for path, digest in prov["gold_sha256"].items():
        assert hashlib.sha256((root / path).read_bytes()).hexdigest() == digest, \
            f"{path} changed since the calibration was trained: run python -m marsad.events.train"


def test_fit_logistic_separates_a_separable_set():
    np = pytest.importorskip("numpy")
    X = np.array([[0.0], [0.2], [0.9], [1.0]]) - 0.5
    y = np.array([0, 0, 1, 1])
    w, b = fit_logistic(X, y, l2=0.01, iters=2000, lr=0.5)
    p = 1 / (1 + np.exp(-(X @ w + b)))
    assert (p[:2] < 0.5).all() and (p[2:] > 0.5).all()


def test_calibration_sets_confidence_and_can_be_switched_off():
    doc = shelling_doc()
    on = extract(doc, resolver=FakeResolver({}))
    off = extract(doc, resolver=FakeResolver({}), options={"calibration": False})
    assert [e.acled_subtype for e in off] == ["Shelling/artillery/missile attack"]
    assert len(on) == 1 and 0.0 <= on[0].confidence <= 1.0
    # a model that rejects everything drops the candidate; one that keeps everything keeps it
    never = Calibrator({}, bias=-10.0, threshold=0.5)
    always = Calibrator({}, bias=10.0, threshold=0.5)
    assert extract(doc, options={"calibration": never}) == []
    kept = extract(doc, options={"calibration": always})
    assert len(kept) == 1 and kept[0].confidence == 0.99


def test_candidates_carry_every_model_feature():
    cands = candidates(shelling_doc(), resolver=FakeResolver({}))
    assert len(cands) == 1
    ev, feats = cands[0]
    assert set(FEATURES) <= set(feats)
    assert feats["weapons"] == 1.0 and feats["lead"] == 1.0 and feats["background"] == 0.0


def test_background_signal_in_features():
    # (an earlier year in the trigger's own clause makes no candidate at all: see
    # test_an_earlier_year_in_the_clause_is_background; in another clause it is a signal)
    text = "وكانت المعارك اندلعت في المدينة، بعد حصار بدأ عام 2012."
    doc = build_doc(text, entities=[("المدينة", "LOC")])
    cands = candidates(doc)
    assert cands and cands[0][1]["background"] == 1.0 and cands[0][1]["pluperfect"] == 1.0


def test_an_earlier_year_in_the_clause_is_background():
    """Regression (issue #5): "أغرقت سفينتين في عام 2024" in a 2025 report is no new event."""
    doc = build_doc("وكانت المعارك اندلعت في المدينة منذ عام 2012.", entities=[("المدينة", "LOC")])
    assert candidates(doc) == []


def test_agent_of_an_attack_noun_is_actor1():
    doc = shelling_doc()
    ev = extract(doc, options={"calibration": False})[0]
    assert ev.actor1 is not None and ev.actor1.actor_id == "houthis"
    text = "أسفر هجوم لقوات الجيش على مواقع الحوثيين عن مقتل 5 منهم."
    doc = build_doc(text, entities=[("قوات الجيش", "ORG", "army"), ("الحوثيين", "ORG", "houthis")],
                    quantities=[("5", 5, "exact")])
    ev = extract(doc, options={"calibration": False})[0]
    assert ev.actor1.actor_id == "army" and ev.actor2.actor_id == "houthis"


def test_the_genitive_of_an_abduction_is_its_victim_not_its_agent():
    text = "أدانت الحكومة اختطاف الصحفيين في المدينة."
    doc = build_doc(text, entities=[("الحكومة", "ORG", "gov"), ("الصحفيين", "NORP", "journalists")])
    evs = [e for e in extract(doc, options={"calibration": False})
           if e.acled_subtype == "Abduction/forced disappearance"]
    for ev in evs:
        assert ev.actor1 is None or ev.actor1.actor_id != "journalists"


def test_civilian_victims_are_actor2_never_actor1():
    text = "قتل أربعة مدنيين جراء قصف شنه الحوثيون على أحياء المدينة."
    doc = build_doc(text, entities=[("مدنيين", "NORP", "civilians"), ("الحوثيون", "ORG", "houthis")])
    ev = [e for e in extract(doc, options={"calibration": False}) if e.plover == "ASSAULT"][0]
    assert ev.actor2 is not None and ev.actor2.actor_id == "civilians"
    assert ev.actor1 is None or ev.actor1.actor_id != "civilians"


def test_statements_in_news_without_conflict_words_are_not_coded():
    text = "وطالب النادي باحتساب ركلة جزاء في الدقيقة الأخيرة من المباراة."
    doc = build_doc(text, entities=[("النادي", "ORG", "club")])
    assert extract(doc, options={"calibration": False}) == []
    # the same demand in a report of violence is kept
    text2 = text + " وقتل 3 أشخاص في قصف على المدينة."
    doc2 = build_doc(text2, entities=[("النادي", "ORG", "club")], quantities=[("3", 3, "exact")])
    assert "REQUEST" in {e.plover for e in extract(doc2, options={"calibration": False})}


def test_a_unit_name_is_not_an_occurrence():
    text = "تدخلت قوات مكافحة الشغب لحماية الحكم بعد المباراة."
    assert [e for e in extract(build_doc(text), options={"calibration": False})
            if e.acled_type == "Riots"] == []


@pytest.mark.parametrize("text", ["", " ", "\x00", "قصف", "ال" * 50, "🙂 قصف 🙂", "\u200f\u200e"])
def test_any_string_goes_through(text):
    doc = build_doc(text) if text.strip() else build_doc("x")
    assert isinstance(candidates(doc), list)
    assert isinstance(extract(doc), list)
