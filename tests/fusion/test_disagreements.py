"""Every kind of disagreement between sources (issue #7), on short Arabic reports written for
these tests (not corpus text), three or more sources each.  Events are built by hand so that each
test checks fusion alone: the spans point at the words of each report."""
import datetime as dt
import json

from marsad.config import Options
from marsad.fusion import build_stories
from marsad.fusion.disagree import denial_spans, sentence_of
from marsad.model import (Attribution, Count, Doc, Document, Entity, Event, EventDate, Location,
                          Role, Span)

OPTS = Options(use_embeddings=False)
PUB = dt.date(2025, 10, 20)

PLACES = {  # surface → (geonameid, name, admin1, precision)
    "كفرنبل": (169389, "Kafr Nabl", "Idlib", 1),
    "حارم": (169866, "Harim", "Idlib", 1),
    "سلقين": (163099, "Salqin", "Idlib", 1),
    "إدلب": (169387, "Idlib", "Idlib", 3),
    "حلب": (170063, "Aleppo", "Aleppo", 1),
    "منبج": (166365, "Manbij", "Aleppo", 1),
}


def at(text: str, sub: str) -> tuple[int, int]:
    i = text.index(sub)
    return i, i + len(sub)


def report(doc_id: str, text: str, *, place: str, subtype="Shelling/artillery/missile attack",
           acled_type="Explosions/Remote violence", actor1=None, actor2=None, date=None,
           fat=None, inj=None, arr=None, attrib=(), certainty="reported", objective=None,
           entities=(), plover="ASSAULT") -> Doc:
    """One report with one event. ``actor1=(id, surface)``, ``date=(iso, surface)``,
    ``fat=(status, value, surface)``, ``attrib=[(surface, id)]``, ``entities=[(surface, type)]``."""
    def role(r):
        if r is None:
            return None
        s, e = at(text, r[1])
        return Role(r[0], r[1], s, e)

    def count(c):
        if c is None:
            return None
        s, e = at(text, c[2])
        return Count(c[0], c[1], s, e)

    gid, name, admin1, prec = PLACES[place]
    ps, pe = at(text, place)
    loc = Location(name=name, name_ar=place, admin1=admin1, admin2=None, country="SY", geonameid=gid,
                   lat=None, lon=None, geo_precision=prec, start=ps, end=pe)
    ev = Event(id=f"{doc_id}:e1", plover=plover, acled_type=acled_type, acled_subtype=subtype,
               trigger=Span(0, 3), actor1=role(actor1), actor2=role(actor2), location=loc,
               fatalities=count(fat), injuries=count(inj), arrests=count(arr),
               certainty=certainty, evidence=[Span(0, len(text))], confidence=0.8, doc_id=doc_id)
    if date is not None:
        ds, de = at(text, date[1])
        ev.date = EventDate(date[0], None, 1, ds, de)
    for surface, aid in attrib:
        s, e = at(text, surface)
        ev.attributed_to.append(Attribution(surface, aid, s, e))
    if objective is not None:
        ev.objective = Span(*at(text, objective))
    d = Doc(Document(id=doc_id, text=text, published=PUB))
    d.events = [ev]
    d.entities = [Entity(*at(text, s), s, t) for s, t in entities]
    return d


def one_story(docs):
    stories = build_stories(docs, OPTS)
    assert len(stories) == 1, [s["documents"] for s in stories]
    (story,) = stories
    assert sorted(story["documents"]) == sorted(d.id for d in docs)
    json.dumps(story)  # plain JSON
    return story


def dis_of(story, field):
    found = [d for d in story["disagreements"] if d["field"] == field]
    assert len(found) <= len({d["event"] for d in found}), "a field is listed once per merged event"
    return found[0] if found else None


def check_evidence(story, docs):
    """Every evidence span lies in its report and inside the sentences listed for it."""
    texts = {d.id: d.text for d in docs}
    for dis in story["disagreements"]:
        for did, spans in dis["evidence"].items():
            for sp in spans:
                assert 0 <= sp["start"] < sp["end"] <= len(texts[did])
                assert any(s["start"] <= sp["start"] and sp["end"] <= s["end"]
                           for s in dis["sentences"][did])


# ------------------------------------------------------------------ counts
def test_count_status_conflict_number_against_unconfirmed_and_none():
    a = report("a", "قصف مدفعي على كفرنبل أدى إلى مقتل خمسة مدنيين.", place="كفرنبل",
               fat=("exact", 5, "مقتل خمسة مدنيين"))
    b = report("b", "قصف على كفرنبل ولا معلومات مؤكدة عن سقوط قتلى.", place="كفرنبل",
               fat=("unconfirmed", None, "لا معلومات مؤكدة عن سقوط قتلى"))
    c = report("c", "سقطت قذائف على كفرنبل دون وقوع ضحايا.", place="كفرنبل",
               fat=("none", None, "دون وقوع ضحايا"))
    story = one_story([a, b, c])
    (merged,) = story["events"]
    assert len(merged["sources"]) == 3
    dis = dis_of(story, "fatalities")
    assert dis["kind"] == "status"
    assert dis["values"] == {"a": "exact 5", "b": "unconfirmed", "c": "none"}
    assert a.text[dis["evidence"]["a"][0]["start"]:dis["evidence"]["a"][0]["end"]] == "مقتل خمسة مدنيين"
    assert set(merged["per_source"]["fatalities"]) == {"a", "b", "c"}
    check_evidence(story, [a, b, c])


def test_count_number_against_unspecified_and_silence():
    a = report("a", "قصف على كفرنبل أوقع سبعة جرحى.", place="كفرنبل", inj=("exact", 7, "سبعة جرحى"))
    b = report("b", "قصف على كفرنبل وسقوط عدد من الجرحى.", place="كفرنبل",
               inj=("unspecified", None, "عدد من الجرحى"))
    c = report("c", "قصف صاروخي استهدف كفرنبل صباحا.", place="كفرنبل")
    story = one_story([a, b, c])
    dis = dis_of(story, "injuries")
    assert dis["kind"] == "status"
    assert dis["values"] == {"a": "exact 7", "b": "unspecified", "c": "not stated"}


def test_count_only_one_source_gives_is_listed_as_one_source():
    a = report("a", "اعتقلت دورية أربعة شبان في حارم بعد الاشتباك.", place="حارم",
               arr=("exact", 4, "أربعة شبان"), subtype="Armed clash", acled_type="Battles")
    b = report("b", "اشتباك قرب حارم بين مجموعتين.", place="حارم", subtype="Armed clash", acled_type="Battles")
    c = report("c", "دار اشتباك مسلح في حارم ليلا.", place="حارم", subtype="Armed clash", acled_type="Battles")
    story = one_story([a, b, c])
    dis = dis_of(story, "arrests")
    assert dis["kind"] == "one_source"
    assert dis["values"] == {"a": "exact 4", "b": "not stated", "c": "not stated"}


def test_same_count_written_differently_is_no_disagreement():
    a = report("a", "قتل ثلاثة أشخاص في قصف على كفرنبل.", place="كفرنبل", fat=("exact", 3, "ثلاثة أشخاص"),
               inj=("none", None, "قتل"))
    b = report("b", "قصف على كفرنبل: 3 قتلى على الأقل.", place="كفرنبل", fat=("at_least", 3, "3 قتلى على الأقل"),
               inj=("exact", 0, "قصف"))
    c = report("c", "ثلاثة قتلى بقصف كفرنبل.", place="كفرنبل", fat=("exact", 3, "ثلاثة قتلى"),
               inj=("none", 0, "بقصف"))
    story = one_story([a, b, c])
    assert dis_of(story, "fatalities") is None
    assert dis_of(story, "injuries") is None
    assert story["events"][0]["per_source"] == {}


# ------------------------------------------------------------------ actors
def test_perpetrator_named_by_two_and_unknown_to_a_third():
    a = report("a", "اتهمت الشرطة تنظيم داعش بتفجير سيارة مفخخة في منبج.", place="منبج",
               subtype="Remote explosive/landmine/IED", actor1=("isis", "تنظيم داعش"))
    b = report("b", "انفجرت سيارة مفخخة في منبج ركنها مسلحون مجهولون.", place="منبج",
               subtype="Remote explosive/landmine/IED", actor1=(None, "مسلحون مجهولون"))
    c = report("c", "قالت مصادر إن قوات سوريا الديمقراطية وراء تفجير منبج.", place="منبج",
               subtype="Remote explosive/landmine/IED", actor1=("sdf", "قوات سوريا الديمقراطية"))
    story = one_story([a, b, c])
    dis = dis_of(story, "actor1")
    assert dis["kind"] == "unknown"
    assert dis["values"] == {"a": "isis", "b": "unknown", "c": "sdf"}
    assert b.text[dis["evidence"]["b"][0]["start"]:dis["evidence"]["b"][0]["end"]] == "مسلحون مجهولون"
    check_evidence(story, [a, b, c])


def test_unclaimed_attack_without_an_actor_is_unknown_but_silence_is_not():
    a = report("a", "فجر تنظيم داعش عبوة ناسفة في منبج.", place="منبج",
               subtype="Remote explosive/landmine/IED", actor1=("isis", "تنظيم داعش"))
    b = report("b", "انفجرت عبوة ناسفة في منبج ولم تتبن أي جهة الهجوم.", place="منبج",
               subtype="Remote explosive/landmine/IED")
    c = report("c", "انفجار عبوة في منبج صباح اليوم.", place="منبج", subtype="Remote explosive/landmine/IED")
    story = one_story([a, b, c])
    dis = dis_of(story, "actor1")
    assert dis["kind"] == "unknown" and dis["values"]["b"] == "unknown"
    assert dis["values"]["c"] == "not stated"
    # "the cause is not yet clear" also leaves the perpetrator unknown
    u = report("u", "انفجار في منبج ولم تتضح أسبابه بعد.", place="منبج", subtype="Remote explosive/landmine/IED")
    assert dis_of(one_story([a, c, u]), "actor1")["values"]["u"] == "unknown"
    # without the unclaimed report, a silent source is no disagreement
    story2 = one_story([a, c, report("d", "انفجار عبوة ناسفة هز منبج.", place="منبج",
                                        subtype="Remote explosive/landmine/IED")])
    assert dis_of(story2, "actor1") is None


def test_target_differs_but_an_unresolved_descriptor_is_not_compared_with_a_canonical_actor():
    a = report("a", "قصفت قوات النظام مواقع هيئة تحرير الشام في حارم.", place="حارم",
               actor1=("syria-army", "قوات النظام"), actor2=("hts", "هيئة تحرير الشام"))
    b = report("b", "قصفت قوات النظام مقرات الجيش الوطني في حارم.", place="حارم",
               actor1=("syria-army", "قوات النظام"), actor2=("sna", "الجيش الوطني"))
    c = report("c", "قصف لقوات النظام على مواقع الفصائل في حارم.", place="حارم",
               actor1=("syria-army", "لقوات النظام"), actor2=("new:alfsayl", "الفصائل"))
    story = one_story([a, b, c])
    dis = dis_of(story, "actor2")
    assert dis["kind"] == "different" and dis["values"]["a"] == "hts" and dis["values"]["b"] == "sna"
    assert dis_of(story, "actor1") is None
    # two sources naming one canonical actor and a third an unresolved descriptor agree
    b2 = report("b", "قصفت قوات النظام مواقع الهيئة في حارم.", place="حارم",
                actor1=("syria-army", "قوات النظام"), actor2=("hts", "الهيئة"))
    assert dis_of(one_story([a, b2, c]), "actor2") is None


# ------------------------------------------------------------------ place
def test_neighbourhood_against_the_town_is_reported_as_precision():
    a = report("a", "سقطت قذيفة على حي الشيخ مقصود في مدينة حلب.", place="حلب",
               entities=[("الشيخ مقصود", "LOC"), ("حلب", "LOC")])
    b = report("b", "سقطت قذيفة على مدينة حلب.", place="حلب", entities=[("حلب", "LOC")])
    c = report("c", "قذيفة تسقط في حلب.", place="حلب")
    story = one_story([a, b, c])
    dis = dis_of(story, "location")
    assert dis["kind"] == "precision"
    assert "الشيخ مقصود" in dis["values"]["a"] and dis["values"]["b"] == dis["values"]["c"]
    spans = [a.text[s["start"]:s["end"]] for s in dis["evidence"]["a"]]
    assert spans == ["حلب", "الشيخ مقصود"]
    check_evidence(story, [a, b, c])


def test_different_towns_and_a_town_inside_the_region_another_gives():
    # the same attacker (not only the place) keeps the three reports in one story
    ru = ("russia-military", "غارة جوية")
    a = report("a", "غارة جوية على حارم فجرا.", place="حارم", subtype="Air/drone strike", actor1=ru)
    b = report("b", "غارة جوية على سلقين فجرا.", place="سلقين", subtype="Air/drone strike", actor1=ru)
    c = report("c", "غارة جوية على حارم قرب الحدود.", place="حارم", subtype="Air/drone strike", actor1=ru)
    story = one_story([a, b, c])
    dis = dis_of(story, "location")
    assert dis["kind"] == "different" and dis["values"]["b"] == "Salqin (Idlib)"
    r = report("r", "غارة جوية على ريف إدلب فجرا.", place="إدلب", subtype="Air/drone strike", actor1=ru)
    story = one_story([a, c, r])
    dis = dis_of(story, "location")
    assert dis["kind"] == "precision" and dis["values"]["r"].startswith("Idlib")
    assert story["events"][0]["location"]["name"] == "Harim"   # the most precise place all allow


# ------------------------------------------------------------------ time
def test_different_days_and_an_undated_report():
    a = report("a", "غارة على كفرنبل يوم الأحد.", place="كفرنبل", date=("2025-10-19", "يوم الأحد"))
    b = report("b", "قالت الوزارة إن الغارة على كفرنبل وقعت يوم السبت.", place="كفرنبل",
               date=("2025-10-18", "يوم السبت"))
    c = report("c", "غارة على كفرنبل.", place="كفرنبل")
    story = one_story([a, b, c])
    dis = dis_of(story, "date")
    assert dis["kind"] == "different"
    assert dis["values"] == {"a": "2025-10-19", "b": "2025-10-18", "c": "not stated"}
    assert story["events"][0]["date"]["value"] == "2025-10-18"   # the earliest reported


def test_a_date_only_one_source_gives_and_a_day_inside_a_month():
    a = report("a", "غارة على كفرنبل يوم الأحد.", place="كفرنبل", date=("2025-10-19", "يوم الأحد"))
    b = report("b", "غارة على كفرنبل.", place="كفرنبل")
    c = report("c", "غارة أخرى على كفرنبل.", place="كفرنبل")
    assert dis_of(one_story([a, b, c]), "date")["kind"] == "one_source"
    m = report("m", "غارة على كفرنبل هذا الشهر.", place="كفرنبل", date=("2025-10", "هذا الشهر"))
    a2 = report("a2", "غارة على كفرنبل يوم الأحد مجددا.", place="كفرنبل", date=("2025-10-19", "يوم الأحد"))
    assert dis_of(one_story([a, a2, m]), "date")["kind"] == "precision"


# ------------------------------------------------------------------ objective, sources, sub-type
def test_stated_objectives_differ_but_rewording_is_no_disagreement():
    a = report("a", "داهمت قوات الأمن حارم بهدف اعتقال قيادي مطلوب.", place="حارم",
               objective="بهدف اعتقال قيادي مطلوب", subtype="Armed clash", acled_type="Battles")
    b = report("b", "هاجمت قوات الأمن حارم للسيطرة على المعبر الحدودي.", place="حارم",
               objective="للسيطرة على المعبر الحدودي", subtype="Armed clash", acled_type="Battles")
    c = report("c", "اشتباكات في حارم بين قوات الأمن ومسلحين.", place="حارم", subtype="Armed clash",
               acled_type="Battles")
    story = one_story([a, b, c])
    dis = dis_of(story, "objective")
    assert dis["kind"] == "different"
    assert dis["values"] == {"a": "بهدف اعتقال قيادي مطلوب", "b": "للسيطرة على المعبر الحدودي", "c": "not stated"}
    assert story["events"][0]["per_source"]["objective"]["b"]["text"] == "للسيطرة على المعبر الحدودي"
    b2 = report("b", "دخلت قوات الأمن حارم لاعتقال القيادي المطلوب.", place="حارم",
                objective="لاعتقال القيادي المطلوب", subtype="Armed clash", acled_type="Battles")
    c2 = report("c", "حملة أمنية في حارم لاعتقال قيادي مطلوب.", place="حارم",
                objective="لاعتقال قيادي مطلوب", subtype="Armed clash", acled_type="Battles")
    assert dis_of(one_story([a, b2, c2]), "objective") is None


def test_sources_cited_differ_but_one_source_spelled_two_ways_does_not():
    a = report("a", "قتل أربعة في قصف على كفرنبل بحسب المرصد السوري.", place="كفرنبل",
               attrib=[("المرصد السوري", "sohr")])
    b = report("b", "ذكرت وكالة سانا أن قصفا استهدف كفرنبل.", place="كفرنبل", attrib=[("وكالة سانا", "sana")])
    c = report("c", "قصف على كفرنبل وفق المرصد السوري لحقوق الإنسان ووكالة سانا.", place="كفرنبل",
               attrib=[("المرصد السوري لحقوق الإنسان", "sohr"), ("وكالة سانا", "sana")])
    story = one_story([a, b, c])
    dis = dis_of(story, "attributed_to")
    assert dis["kind"] == "different"
    assert dis["values"]["a"] == "المرصد السوري" and dis["values"]["b"] == "وكالة سانا"
    # unresolved phrases: "a local source" and "local sources in the town" are one source
    x = report("x", "قصف على كفرنبل بحسب مصادر محلية.", place="كفرنبل", attrib=[("مصادر محلية", None)])
    y = report("y", "قصف على كفرنبل وفق مصادر محلية في البلدة.", place="كفرنبل",
               attrib=[("مصادر محلية في البلدة", None)])
    assert dis_of(one_story([x, y, c]), "attributed_to") is not None      # sohr+sana vs local
    assert dis_of(one_story([x, y]), "attributed_to") is None


def test_suicide_bombing_against_an_explosion_of_unstated_kind():
    civ = ("civilians", "منبج")  # the same target keeps the reports in one story
    a = report("a", "انفجار في منبج أوقع قتلى.", place="منبج", subtype="Remote explosive/landmine/IED", actor2=civ)
    b = report("b", "تفجير انتحاري في منبج.", place="منبج", subtype="Suicide bomb", actor2=civ)
    c = report("c", "انتحاري يفجر نفسه في منبج.", place="منبج", subtype="Suicide bomb", actor2=civ)
    story = one_story([a, b, c])
    assert len(story["events"]) == 1
    dis = dis_of(story, "acled_subtype")
    assert dis["kind"] == "different" and dis["values"]["a"] == "Remote explosive/landmine/IED"


# ------------------------------------------------------------------ denials
def test_a_source_denying_what_the_others_report():
    a = report("a", "قصفت طائرات روسية كفرنبل وقتلت ستة مدنيين.", place="كفرنبل",
               subtype="Air/drone strike", actor1=("russia-military", "طائرات روسية"))
    b = report("b", "غارة روسية على كفرنبل أوقعت قتلى.", place="كفرنبل", subtype="Air/drone strike",
               actor1=("russia-military", "روسية"))
    c = report("c", "غارة على كفرنبل.\nونفت وزارة الدفاع الروسية تنفيذ أي غارة على كفرنبل.", place="كفرنبل",
               subtype="Air/drone strike")
    story = one_story([a, b, c])
    dis = dis_of(story, "certainty")
    assert dis["kind"] == "denial" and dis["values"]["c"] == "denied"
    assert dis["values"]["a"] == "reported"
    sp = dis["evidence"]["c"][0]
    assert c.text[sp["start"]:sp["end"]].startswith("ونفت وزارة الدفاع")
    assert story["events"][0]["certainty"] == "reported"   # a sentence alone does not turn the agreed value
    # an event the extractor coded as denied counts too
    d = report("d", "الجيش ينفي قصف كفرنبل.", place="كفرنبل", subtype="Air/drone strike", certainty="denied")
    story = one_story([a, b, d])
    assert dis_of(story, "certainty")["values"]["d"] == "denied"
    assert story["events"][0]["certainty"] == "denied"


def test_not_denying_is_no_denial():
    assert denial_spans("ولم ينف المتحدث وقوع الغارة.") == []
    assert denial_spans("The ministry did not deny the strike.") == []
    assert denial_spans("غارة.\nونفى الجيش ذلك.") == [(6, 21)]
    assert denial_spans("الخبر عار عن الصحة.") == [(0, 19)]
    a = report("a", "غارة روسية على كفرنبل.", place="كفرنبل", subtype="Air/drone strike")
    b = report("b", "غارة على كفرنبل ولم ينف الجيش الروسي ذلك.", place="كفرنبل", subtype="Air/drone strike")
    c = report("c", "غارة جوية على كفرنبل.", place="كفرنبل", subtype="Air/drone strike")
    assert dis_of(one_story([a, b, c]), "certainty") is None


def test_a_report_with_another_subtype_and_no_place_still_joins_the_main_event():
    """Third coreference pass: a story's report whose event matched nothing is compared too."""
    army = ("syria-army", "قوات النظام")
    a = report("a", "قصف مدفعي لقوات النظام على كفرنبل أوقع خمسة قتلى.", place="كفرنبل",
               fat=("exact", 5, "خمسة قتلى"), actor1=army)
    b = report("b", "قصفت قوات النظام كفرنبل وأوقعت خمسة قتلى.", place="كفرنبل",
               fat=("exact", 5, "خمسة قتلى"), actor1=army)
    c = report("c", "غارة جوية لطائرات قوات النظام أوقعت ثمانية قتلى في كفرنبل.", place="كفرنبل",
               subtype="Air/drone strike", fat=("exact", 8, "ثمانية قتلى"), actor1=army)
    c.events[0].location = None
    # clustering is not under test here: a low threshold keeps the three reports together
    stories = build_stories([a, b, c], Options(use_embeddings=False, story_threshold=0.2))
    assert len(stories) == 1
    story = stories[0]
    main = max(story["events"], key=lambda m: len(m["sources"]))
    assert sorted(main["source_documents"]) == ["a", "b", "c"]
    fat = [d for d in story["disagreements"] if d["field"] == "fatalities"]
    assert len(fat) == 1 and fat[0]["values"] == {"a": "exact 5", "b": "exact 5", "c": "exact 8"}
    assert dis_of(story, "acled_subtype")["values"]["c"] == "Air/drone strike"


def test_sentence_of_stops_at_sentence_ends():
    t = "جملة أولى. جملة ثانية فيها الرقم؟ ثالثة"
    s, e = sentence_of(t, t.index("الرقم"), t.index("الرقم") + 5)
    assert t[s:e] == "جملة ثانية فيها الرقم؟"
    assert sentence_of("", 0, 0) == (0, 0)


def test_sources_a_report_cites_are_read_from_its_text_when_its_event_names_none():
    from marsad.fusion.disagree import cited_sources
    t = "قتل ثلاثة في قصف على كفرنبل، بحسب المرصد السوري. وقال شهود عيان إن القصف استمر ساعة."
    assert [t[a:b] for a, b in cited_sources(t)] == ["المرصد السوري", "شهود عيان"]
    assert cited_sources("وقال إن القصف استمر.") == []           # no subject: nothing cited
    a = report("a", "قتل ثلاثة في قصف على كفرنبل، بحسب المرصد السوري.", place="كفرنبل")
    b = report("b", "قال مسؤول محلي إن قصفا استهدف كفرنبل.", place="كفرنبل")
    c = report("c", "قصف على كفرنبل وفقا لمسؤول محلي في البلدة.", place="كفرنبل")
    story = one_story([a, b, c])
    dis = dis_of(story, "attributed_to")
    assert dis["kind"] == "different"
    assert dis["values"] == {"a": "المرصد السوري", "b": "مسؤول محلي", "c": "مسؤول محلي"}
    sp = dis["evidence"]["c"][0]
    assert c.text[sp["start"]:sp["end"]] == "مسؤول محلي"
    assert dis_of(one_story([b, c]), "attributed_to") is None     # one source, worded twice


def test_any_python_string_goes_through():
    import random
    from marsad.fusion.disagree import cited_sources
    rng = random.Random(7)
    alphabet = "قال بحسب نفى مجهول حي .،\n\t\ud800\udfff\x00 abc according to denied \u200f" + "".join(
        chr(rng.randrange(0x20, 0x2FFF)) for _ in range(60))
    for _ in range(300):
        t = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 80)))
        for s, e in denial_spans(t) + cited_sources(t):
            assert 0 <= s <= e <= len(t)
        a, b = sentence_of(t, rng.randrange(0, len(t) + 1), len(t))
        assert 0 <= a <= b <= len(t)
    weird = "\ud800 قصف على كفرنبل \x00 بحسب \udfff"
    docs = [report(x, weird, place="كفرنبل") for x in "abc"]
    json.dumps(one_story(docs), ensure_ascii=True)
