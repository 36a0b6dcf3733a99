"""The document gate: news that barely speaks of violence yields no events (issue #5: "no events
found in non-conflict news"), a report of violence does, however short."""
from __future__ import annotations

import pytest

from marsad.events import extract
from marsad.events.extract import GATE_DEFAULTS

from .conftest import build_doc

pytestmark = pytest.mark.gate


def test_defaults_are_the_documented_ones():
    from marsad.config import Options
    o = Options()
    assert GATE_DEFAULTS == {"min_violence": o.min_violence, "verbal_min_violence": o.verbal_min_violence,
                             "violence_density": o.violence_density, "violence_enough": o.violence_enough}


def test_football_attack_and_a_market_called_rockets_yield_nothing():
    text = ("فاز الهلال على النصر بهدفين في المباراة التي أقيمت مساء أمس، وسيطر الفريق على مجريات "
            "اللعب بعد هجوم منظم في الشوط الثاني. "
            "وشهد سوق الصواريخ في جدة إقبالاً كبيراً من المتسوقين قبل العيد.")
    doc = build_doc(text, entities=[("الهلال", "ORG"), ("النصر", "ORG"), ("جدة", "LOC")])
    assert extract(doc) == []


def test_a_two_line_bombing_report_passes():
    text = "قتل خمسة أشخاص وأصيب عشرة آخرون في انفجار سيارة مفخخة في بلدة الباب."
    doc = build_doc(text, entities=[("الباب", "LOC")])
    events = extract(doc)
    assert [e.acled_subtype for e in events] == ["Remote explosive/landmine/IED"]


def test_a_column_that_mentions_a_war_once_is_not_a_report():
    filler = ("يتحدث الناس كثيراً عن الاقتصاد والتعليم والصحة وعن مستقبل المدن الكبرى "
              "وعن أسعار العقار والسفر في الصيف. ") * 12
    text = filler + "وقد ذكّرتنا الحرب بأهمية الاستقرار، كما قتل الإرهاب أحلام كثيرين. " + filler
    doc = build_doc(text)
    assert extract(doc) == []


def test_statements_need_a_report_of_violence():
    calm = "أعلن وزير الاقتصاد أن الحكومة ترفض رفع الضرائب وتدعم المشاريع الصغيرة."
    doc = build_doc(calm, entities=[("وزير الاقتصاد", "PER")])
    assert extract(doc) == []
    violent = ("قتل عشرة مسلحين في اشتباكات مع الجيش قرب بلدة سرمين، وأصيب جنود في قصف مدفعي. "
               "وهدد قائد الجيش المسلحين بهجوم واسع إن لم يسلموا أسلحتهم.")
    doc = build_doc(violent, entities=[("الجيش", "ORG", None, 0), ("سرمين", "LOC"),
                                       ("قائد الجيش", "PER")])
    plovers = {e.plover for e in extract(doc)}
    assert "THREATEN" in plovers and "ASSAULT" in plovers


def test_gate_options_can_switch_it_off():
    text = "وشهد سوق الصواريخ في جدة هجوماً من المتسوقين على العروض."
    doc = build_doc(text, entities=[("جدة", "LOC")])
    assert extract(doc) == []
    off = {k: 0.0 for k in GATE_DEFAULTS}
    # the rules alone read "هجوماً" with "الصواريخ" as shelling: only the gate keeps it out
    assert [e.acled_subtype for e in extract(doc, options=off)] == ["Shelling/artillery/missile attack"]
    score = extract.__globals__["_Extractor"](doc, None, None, off).violence_score()
    assert score == 2.0   # "الصواريخ" and "هجوماً" weigh 1 each: far below the gate


def test_a_gate_option_that_is_no_number_is_a_config_error():
    from marsad.errors import MarsadError
    doc = build_doc("قتل خمسة أشخاص في انفجار سيارة مفخخة.")
    with pytest.raises(MarsadError) as e:
        extract(doc, options={"min_violence": "x"})
    assert e.value.code == "E_CONFIG" and "min_violence" in str(e.value)
    assert extract(doc, options={"min_violence": None}) == extract(doc)   # None = the default
