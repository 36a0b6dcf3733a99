"""Casualty and arrest counts (issue #5): totals and their parts, both sides' tolls, the lead
figure, approximate figures, single persons, "one of", and negated casualties — hand-built Docs."""
from __future__ import annotations

from marsad.events import extract

from .conftest import FakeGeocoder, FakeResolver, build_doc


def events_of(text, quantities=(), entities=(("درعا", "LOC"),)):
    doc = build_doc(text, entities=list(entities), quantities=list(quantities))
    return doc, extract(doc, resolver=FakeResolver({}), geocoder=FakeGeocoder())


def with_count(events, field):
    found = [e for e in events if getattr(e, field) is not None]
    assert found, [(e.plover, e.acled_subtype) for e in events]
    return found[0]


def count(events, field):
    c = getattr(with_count(events, field), field)
    return c.status, c.value


def test_total_wins_over_its_breakdown():
    _, evs = events_of("قتل أكثر من 40 شخصاً في اشتباكات بين الجيش ومسلحين في مدينة درعا، "
                       "وقال المصدر إن بين القتلى 12 جندياً",
                       [("أكثر من 40", 40, "at_least"), ("12", 12, "exact")])
    assert count(evs, "fatalities") == ("at_least", 40)


def test_breakdown_alone_is_a_lower_bound():
    _, evs = events_of("اندلعت اشتباكات بين الجيش ومسلحين في مدينة درعا وسقط قتلى بين القتلى 12 جندياً",
                       [("12", 12, "exact")])
    st, val = count(evs, "fatalities")
    assert (st, val) != ("exact", 12)


def test_both_sides_tolls_are_summed():
    doc, evs = events_of("اندلعت اشتباكات في مدينة درعا أسفرت عن مقتل 7 جنود من الجيش و3 مسلحين، "
                         "بحسب مصادر محلية",
                         [("7", 7, "exact"), ("3", 3, "exact")])
    ev = with_count(evs, "fatalities")
    assert (ev.fatalities.status, ev.fatalities.value) == ("exact", 10)
    assert doc.text[ev.fatalities.start:ev.fatalities.end].endswith("مسلحين")


def test_a_singular_person_after_wa_adds_one():
    _, evs = events_of("قتل 3 من عناصر الشرطة ومدني في هجوم مسلح على حاجز في درعا",
                       [("3", 3, "exact")])
    assert count(evs, "fatalities") == ("exact", 4)


def test_things_after_wa_are_not_summed():
    _, evs = events_of("قصفت طائرات الجيش مدينة درعا ما أدى إلى مقتل 5 أشخاص و3 منازل مدمرة",
                       [("5", 5, "exact"), ("3", 3, "exact")])
    assert count(evs, "fatalities") == ("exact", 5)


def test_the_lead_figure_wins_over_a_later_source():
    _, evs = events_of("قصفت طائرات الجيش مدينة درعا، وقالت الوزارة إن الحصيلة بلغت أكثر من 20 قتيلاً "
                       "في حين أفاد المرصد بأن عدد القتلى بلغ 26 شخصاً",
                       [("أكثر من 20", 20, "at_least"), ("26", 26, "exact")])
    assert count(evs, "fatalities") == ("at_least", 20)


def test_approximate_injured_after_wa_keeps_its_own_noun():
    _, evs = events_of("قصفت طائرات الجيش مدينة درعا وبلغت الحصيلة 12 قتيلاً ونحو 60 جريحاً",
                       [("12", 12, "exact"), ("نحو 60", 60, "approx")])
    assert count(evs, "fatalities") == ("exact", 12)
    assert count(evs, "injuries") == ("approx", 60)


def test_headline_bare_singular_casualty_noun_is_one():
    _, evs = events_of("قتيل و12 جريحاً بقصف مدفعي على مدينة درعا", [("12", 12, "exact")])
    assert count(evs, "fatalities") == ("exact", 1)
    assert count(evs, "injuries") == ("exact", 12)


def test_one_of_the_wanted_killed_is_one_killed():
    _, evs = events_of("أحد المطلوبين قتل خلال اشتباك مع دورية للشرطة في مدينة درعا",
                       [("أحد", 1, "exact")])
    assert count(evs, "fatalities") == ("exact", 1)


def test_martyrdom_of_a_young_man_is_one():
    _, evs = events_of("قصفت طائرات الجيش مدينة درعا ما أدى إلى استشهاد شاب وإصابة 3 آخرين",
                       [("3", 3, "exact")])
    assert count(evs, "fatalities") == ("exact", 1)
    assert count(evs, "injuries") == ("exact", 3)


def test_a_dual_subject_of_the_first_verb_is_not_the_second_verbs():
    _, evs = events_of("قتل جنديان وأصيب شرطي في انفجار عبوة ناسفة في مدينة درعا",
                       [("جنديان", 2, "exact")])
    assert count(evs, "fatalities") == ("exact", 2)
    assert count(evs, "injuries") == ("exact", 1)


def test_number_word_after_its_noun_belongs_to_the_casualty_word_before():
    _, evs = events_of("أعلنت مصادر رسمية مقتل مدنيين سوريين اثنين وجرح أربعة آخرين في انفجار "
                       "سيارة مفخخة في مدينة درعا",
                       [("اثنين", 2, "exact"), ("أربعة", 4, "exact")])
    assert count(evs, "fatalities") == ("exact", 2)
    assert count(evs, "injuries") == ("exact", 4)


def test_laqiya_masraahum_owns_its_number_however_far():
    _, evs = events_of("لقي 9 مسلحين من عناصر التنظيم الإرهابي المتشدد مصرعهم في غارة جوية على مواقعهم قرب مدينة درعا",
                       [("9", 9, "exact")])
    assert count(evs, "fatalities") == ("exact", 9)


def test_no_injuries_means_no_deaths_either():
    _, evs = events_of("قصفت طائرات الجيش مواقع قرب مدينة درعا ولم يسفر القصف عن إصابات")
    assert count(evs, "fatalities")[0] == "none"
    assert count(evs, "injuries")[0] == "none"


def test_unknown_gunmen_do_not_make_the_toll_unconfirmed():
    _, evs = events_of("أصيب رجل بانفجار قنبلة يدوية ألقاها مسلحون مجهولون على منزله في مدينة درعا")
    assert count(evs, "injuries") == ("exact", 1)


def test_arrest_count_with_about():
    _, evs = events_of("احتجز المسلحون نحو 15 عنصراً من الشرطة داخل مدينة درعا بعد اشتباكات",
                       [("نحو 15", 15, "approx")])
    arrests = [e.arrests for e in evs if e.arrests is not None]
    assert arrests and (arrests[0].status, arrests[0].value) == ("approx", 15)


def test_a_number_beats_dozens_of_dead_and_wounded():
    _, evs = events_of("سقط عشرات القتلى والجرحى في غارات جوية على مدينة درعا. وأشارت المصادر إلى "
                       "مقتل 11 شخصاً في الغارات على درعا.",
                       [("عشرات", 20, "at_least"), ("11", 11, "exact")],
                       entities=[("درعا", "LOC"), ("درعا", "LOC", None, 1)])
    assert count(evs, "fatalities") == ("exact", 11)


def test_a_relative_joined_by_wa_is_one_more_person():
    _, evs = events_of("أفاد مصدر أمني عن إصابة رجل وزوجته بانفجار قنبلة يدوية على منزلهما في مدينة درعا")
    assert count(evs, "injuries") == ("exact", 2)


def test_no_toll_issued_in_the_next_sentence_is_unconfirmed():
    _, evs = events_of("استهدفت طائرات حربية دبابات للجيش قرب مدينة درعا. ولم تصدر حصيلة رسمية للغارة.")
    assert count(evs, "fatalities") == ("unconfirmed", None)


def test_a_new_event_in_the_next_sentence_keeps_its_negation_to_itself():
    _, evs = events_of("استهدفت طائرات حربية دبابات للجيش قرب مدينة درعا. وانفجرت عبوة ناسفة "
                       "بسيارة في حارم ولم تصدر حصيلة.",
                       entities=[("درعا", "LOC"), ("حارم", "LOC")])
    near_daraa = [e for e in evs if e.location is not None and e.location.name == "Daraa"]
    assert near_daraa and near_daraa[0].fatalities is None


def test_a_far_unclear_whether_is_not_about_the_toll():
    _, evs = events_of("ولم يتضح إن كان المسلحون ينتمون إلى تنظيم معروف وقد هاجموا الليلة الماضية حاجزاً "
                       "يديره الجيش على مشارف مدينة درعا فقتلوا خمسة جنود",
                       [("خمسة", 5, "exact")])
    assert count(evs, "fatalities") == ("exact", 5)


def test_a_near_negated_confirmation_still_makes_it_unconfirmed():
    _, evs = events_of("قصفت طائرات الجيش مدينة درعا ولم يتسن التأكد من عدد القتلى")
    assert count(evs, "fatalities")[0] == "unconfirmed"


def test_claimed_the_lives_of_is_a_killing_word():
    _, evs = events_of("استهدف تفجير انتحاري كنيسة في مدينة درعا مساء الأحد وأودى بحياة 25 شخصاً",
                       [("25", 25, "exact")])
    assert count(evs, "fatalities") == ("exact", 25)


def test_a_partitive_number_reaches_its_verb_further_on():
    _, evs = events_of("ثلاثة من عناصر الجيش العربي السوري أصيبوا بجروح جراء قصف مدفعي على مدينة درعا",
                       [("ثلاثة", 3, "exact")])
    assert count(evs, "injuries") == ("exact", 3)


def test_a_number_in_the_body_beats_dozens_in_the_headline():
    _, evs = events_of("عشرات القتلى بغارات جوية على مدينة درعا\n"
                       "قتل 74 شخصاً وأصيب 171 آخرون في غارات جوية استهدفت مدينة درعا",
                       [("عشرات", 20, "at_least"), ("74", 74, "exact"), ("171", 171, "exact")],
                       entities=[("درعا", "LOC"), ("درعا", "LOC", None, 1)])
    assert count(evs, "fatalities") == ("exact", 74)


def test_his_killing_is_one_death_and_a_toll_of_last_year_is_not_this_events():
    _, evs = events_of("اغتال مسلحون مجهولون قيادياً سابقاً في مدينة درعا ما أدى إلى مقتله. "
                       "ووثق ناشطون مقتل أكثر من 400 شخص في عمليات اغتيال في درعا خلال عام 2024.",
                       [("أكثر من 400", 400, "at_least")],
                       entities=[("درعا", "LOC"), ("درعا", "LOC", None, 1)])
    assert count(evs, "fatalities") == ("exact", 1)


def test_a_toll_of_last_year_is_not_this_events():
    _, evs = events_of("سقط قتلى بانفجار عبوة ناسفة في مدينة درعا. وقتل أكثر من 400 شخص بتفجيرات "
                       "مماثلة في درعا خلال عام 2024.",
                       [("أكثر من 400", 400, "at_least")],
                       entities=[("درعا", "LOC"), ("درعا", "LOC", None, 1)])
    assert count(evs, "fatalities") != ("at_least", 400)


def test_in_addition_to_adds_a_toll_and_the_next_casualty_word_keeps_its_own():
    _, evs = events_of("انفجرت عبوة ناسفة في مدينة درعا ونتج عنه مقتل 6 من عناصر الشرطة إضافة إلى ثلاثة "
                       "من العاملين في الموقع وإصابة سبعة آخرين",
                       [("6", 6, "exact"), ("ثلاثة", 3, "exact"), ("سبعة", 7, "exact")])
    assert count(evs, "fatalities") == ("exact", 9)
    assert count(evs, "injuries") == ("exact", 7)


def test_a_number_in_brackets_and_in_words_belongs_to_the_noun_before():
    _, evs = events_of("انفجرت سيارة مفخخة في مدينة درعا نتج عنه استشهاد (9) تسعة وإصابة (21) شخصاً",
                       [("9", 9, "exact"), ("تسعة", 9, "exact"), ("21", 21, "exact")])
    assert count(evs, "fatalities") == ("exact", 9)
    assert count(evs, "injuries") == ("exact", 21)


def test_a_martyr_named_after_the_masculine_perfect_counts_one_s3():
    """"استشهد طفل": the masculine perfect reads as a verb, its singular subject is one killed."""
    import datetime as _dt
    from marsad.config import Options
    from marsad.model import Document
    from marsad.pipeline import Pipeline
    pipe = Pipeline(options=Options(extra={"calibration": False}, min_violence=0, verbal_min_violence=0,
                                    violence_density=0, violence_enough=0))
    text = "استشهد طفل جراء قصف مدفعي على بلدة الخيام جنوبي لبنان."
    evs = [e for e in pipe(Document(id="t", text=text, published=_dt.date(2025, 9, 15))).events
           if e.plover == "ASSAULT"]
    assert evs and evs[0].fatalities is not None
    assert (evs[0].fatalities.status, evs[0].fatalities.value) == ("exact", 1)
