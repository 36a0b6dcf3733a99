"""Fusion on hand-built documents: stories, merged events, disagreements."""
import datetime as dt

from marsad.config import Options
from marsad.fusion import build_stories
from marsad.model import Count, Doc, Document, Entity, Event, EventDate, Location, Role, Span

OPTS = Options(use_embeddings=False)


def _loc(start, end, gid=169866, name="Harim", admin1="Idlib", prec=1):
    return Location(name=name, name_ar=None, admin1=admin1, admin2=None, country="SY", geonameid=gid,
                    lat=None, lon=None, geo_precision=prec, start=start, end=end)


def _doc(doc_id, text, events, entities=()):
    d = Doc(Document(id=doc_id, text=text, published=dt.date(2025, 10, 22)))
    d.entities = list(entities)
    for e in events:
        e.doc_id = doc_id
    d.events = list(events)
    return d


def _clash(doc_id, text, fatal: Count | None, arrests: Count | None = None, where="حارم", date="2025-10-21"):
    i = text.index(where)
    a = text.index("الأمن")
    b = text.index("الغرباء")
    return Event(id=f"{doc_id}:e1", plover="ASSAULT", acled_type="Battles", acled_subtype="Armed clash",
                 actor1=Role("sec", "الأمن", a, a + 5), actor2=Role("ghuraba", "الغرباء", b, b + 7),
                 location=_loc(i, i + len(where)), date=EventDate(date, None, 1, 0, 3),
                 fatalities=fatal, arrests=arrests, evidence=[Span(0, len(text))], confidence=0.8)


def test_two_reports_of_one_clash_make_one_story_with_the_count_disagreement():
    t1 = "اشتباكات بين الأمن و الغرباء في حارم وسقوط عدد من القتلى"
    t2 = "اشتباكات في حارم بين الأمن و الغرباء ولا معلومات مؤكدة عن القتلى"
    q1 = t1.index("عدد من القتلى")
    q2 = t2.index("لا معلومات مؤكدة")
    d1 = _doc("a", t1, [_clash("a", t1, Count("unspecified", None, q1, q1 + 13))])
    d2 = _doc("b", t2, [_clash("b", t2, Count("unconfirmed", None, q2, q2 + 16))])
    stories = build_stories([d1, d2], OPTS)
    assert len(stories) == 1 and stories[0]["documents"] == ["a", "b"]
    (merged,) = stories[0]["events"]
    assert merged["sources"] == ["a:e1", "b:e1"]
    assert merged["fatalities"]["status"] == "unconfirmed"       # the most conservative
    assert set(merged["per_source"]["fatalities"]) == {"a", "b"}
    dis = {d["field"]: d for d in stories[0]["disagreements"]}
    assert dis["fatalities"]["values"] == {"a": "unspecified", "b": "unconfirmed"}
    assert dis["fatalities"]["evidence"]["a"] == [{"start": q1, "end": q1 + 13}]
    assert "location" not in dis and "actor1" not in dis


def test_numeric_counts_keep_the_lowest_and_list_all():
    t = "اشتباكات بين الأمن و الغرباء في حارم"
    docs = [_doc(x, t, [_clash(x, t, Count("exact", n, 0, 2))]) for x, n in (("a", 15), ("b", 17), ("c", 25))]
    (story,) = build_stories(docs, OPTS)
    (merged,) = story["events"]
    assert merged["fatalities"]["value"] == 15
    dis = [d for d in story["disagreements"] if d["field"] == "fatalities"][0]
    assert dis["values"] == {"a": "exact 15", "b": "exact 17", "c": "exact 25"}


def test_unrelated_report_and_distant_clash_stay_out():
    t = "اشتباكات بين الأمن و الغرباء في حارم"
    a = _doc("a", t, [_clash("a", t, None)])
    b = _doc("b", t, [_clash("b", t, None)])
    far = _doc("far", t.replace("حارم", "درعا"), [])
    far.events = [_clash("far", far.text, None, where="درعا", date="2025-06-01")]
    far.events[0].location = _loc(0, 3, gid=170592, name="Daraa", admin1="Daraa")
    econ = _doc("econ", "ارتفاع أسعار الذهب في الأسواق", [])
    stories = build_stories([a, b, far, econ], OPTS)
    groups = sorted(sorted(s["documents"]) for s in stories)
    assert ["a", "b"] in groups
    assert not any("econ" in g for g in groups)
    assert not any("far" in g and len(g) > 1 for g in groups)


def test_count_stated_by_one_source_only_is_a_disagreement():
    t1 = "اشتباكات بين الأمن و الغرباء في حارم واعتقال جهاديين"
    t2 = "اشتباكات بين الأمن و الغرباء في حارم"
    i = t1.index("اعتقال")
    d1 = _doc("a", t1, [_clash("a", t1, None, arrests=Count("unspecified", None, i, i + 6))])
    d2 = _doc("b", t2, [_clash("b", t2, None)])
    (story,) = build_stories([d1, d2], OPTS)
    dis = {d["field"]: d["values"] for d in story["disagreements"]}
    assert dis["arrests"] == {"a": "unspecified", "b": "not stated"}


def test_timeline_lists_events_and_reports():
    t = "اشتباكات بين الأمن و الغرباء في حارم"
    (story,) = build_stories([_doc("a", t, [_clash("a", t, None)]), _doc("b", t, [_clash("b", t, None)])], OPTS)
    kinds = [(x["kind"], x["time"]) for x in story["timeline"]]
    assert kinds[0] == ("event", "2025-10-21")
    assert ("report", "2025-10-22") in kinds


def test_incremental_add_gives_the_same_stories_as_one_batch():
    from marsad.fusion.stories import StoryIndex
    t = "اشتباكات بين الأمن و الغرباء في حارم"
    docs = [_doc(x, t, [_clash(x, t, None)]) for x in ("a", "b", "c")]
    econ = _doc("econ", "ارتفاع أسعار الذهب في الأسواق", [])
    index = StoryIndex(OPTS)
    index.add(docs[:1] + [econ])
    assert index.stories() == []                  # one report is not yet a story
    index.add(docs[1:])
    (story,) = index.stories()
    assert story["documents"] == ["a", "b", "c"]
    assert story == build_stories(docs + [econ], OPTS)[0]


def test_near_duplicate_reposts_join_even_without_shared_fields():
    text = " ".join(["قصفت طائرات حربية مواقع في ريف المدينة صباح اليوم وأفاد شهود بسقوط ضحايا"] * 3)
    a = _doc("a", text, [Event(id="a:e1", plover="ASSAULT", acled_type="Explosions/Remote violence",
                               acled_subtype="Air/drone strike", evidence=[Span(0, 10)])])
    b = _doc("b", text + " المصدر: وكالات", [Event(id="b:e1", plover="ASSAULT", acled_type="Explosions/Remote violence",
                                                    acled_subtype="Air/drone strike", evidence=[Span(0, 10)])])
    (story,) = build_stories([a, b], OPTS)
    assert story["documents"] == ["a", "b"]


def test_one_attack_typed_differently_by_two_sources_is_a_subtype_disagreement():
    t = "انفجار في حارم بين الأمن و الغرباء"
    a = _clash("a", t, None)
    b = _clash("b", t, None)
    a.acled_type, a.acled_subtype = "Explosions/Remote violence", "Remote explosive/landmine/IED"
    b.acled_type, b.acled_subtype = "Explosions/Remote violence", "Suicide bomb"
    (story,) = build_stories([_doc("a", t, [a]), _doc("b", t, [b])], OPTS)
    assert len(story["events"]) == 1
    dis = {d["field"]: d["values"] for d in story["disagreements"]}
    assert dis["acled_subtype"] == {"a": "Remote explosive/landmine/IED", "b": "Suicide bomb"}


def test_three_sources_three_subtypes_lose_no_event():
    """Regression (review of issue #2): the second merging pass must not drop an event."""
    t = "انفجار في حارم بين الأمن و الغرباء"
    evs = []
    for x, sub in (("a", "Remote explosive/landmine/IED"), ("b", "Suicide bomb"), ("c", "Grenade")):
        e = _clash(x, t, None)
        e.acled_type, e.acled_subtype = "Explosions/Remote violence", sub
        evs.append(e)
    (story,) = build_stories([_doc(e.doc_id, t, [e]) for e in evs], OPTS)
    sources = sorted(s for m in story["events"] for s in m["sources"])
    assert sources == ["a:e1", "b:e1", "c:e1"]


def test_counts_are_compared_within_one_event_not_across_events():
    """Regression: a strike only one source reports is "not stated" by the other, and the clash
    both report with the same toll is no disagreement."""
    t = "اشتباكات بين الأمن و الغرباء في حارم"
    a1 = _clash("a", t, Count("exact", 3, 0, 2))
    strike = Event(id="a:e2", plover="ASSAULT", acled_type="Explosions/Remote violence",
                   acled_subtype="Air/drone strike", location=_loc(0, 3), fatalities=Count("exact", 2, 0, 2),
                   evidence=[Span(0, 5)], confidence=0.7)
    b1 = _clash("b", t, Count("exact", 3, 0, 2))
    (story,) = build_stories([_doc("a", t, [a1, strike]), _doc("b", t, [b1])], OPTS)
    fat = [d for d in story["disagreements"] if d["field"] == "fatalities"]
    assert len(fat) == 1
    strike_id = next(m["id"] for m in story["events"] if m["acled_subtype"] == "Air/drone strike")
    assert fat[0]["event"] == strike_id and fat[0]["values"] == {"a": "exact 2", "b": "not stated"}


def test_merged_offsets_name_their_document_and_output_is_json():
    import json
    t1 = "اشتباكات بين الأمن و الغرباء في حارم"
    (story,) = build_stories([_doc("a", t1, [_clash("a", t1, Count("exact", 3, 0, 2))]),
                              _doc("b", t1, [_clash("b", t1, None)])], OPTS)
    json.dumps(story)
    m = story["events"][0]
    assert m["location"]["doc"] in ("a", "b") and m["fatalities"]["doc"] == "a"
    assert {e["doc"] for e in m["evidence"]} == {"a", "b"}


def test_agreed_date_prefers_the_earliest_day_over_a_month():
    t = "اشتباكات بين الأمن و الغرباء في حارم"
    a = _clash("a", t, None, date="2025-10")
    a.date = EventDate("2025-10", None, 3, 0, 3)
    b = _clash("b", t, None, date="2025-10-21")
    (story,) = build_stories([_doc("a", t, [a]), _doc("b", t, [b])], OPTS)
    assert story["events"][0]["date"]["value"] == "2025-10-21"


def test_an_earlier_lone_report_joins_the_story_a_later_report_grows():
    """Order matters less: x first fits neither y nor anything else, then z joins y, and x's
    average similarity to {y, z} now reaches the threshold."""
    # distinct wordings, so that no pair is a near-duplicate repost
    tx = "اشتباكات بين الأمن و الغرباء في حارم صباحا وسماع دوي انفجارات"
    ty = "دارت مواجهات عنيفة ليلا بين الأمن و الغرباء قرب حارم شمالي المدينة"
    tz = "أعلنت مصادر أن الأمن حاصر الغرباء في حارم بعد منتصف الليل بقليل"
    x = _clash("x", tx, None)
    x.location = None
    x.actor2 = None                       # x names only the security forces and no place
    y = _clash("y", ty, None)             # y names both sides and Harim
    z = _clash("z", tz, None)             # z names the security forces and Harim
    z.actor2 = None
    opts = Options(use_embeddings=False, story_threshold=0.5)
    docs = [_doc("x", tx, [x]), _doc("y", ty, [y]), _doc("z", tz, [z])]
    from marsad.fusion.stories import StoryIndex
    index = StoryIndex(opts)
    index.add(docs[:2])
    assert index.stories() == []          # x and y alone are too far apart
    index.add(docs[2:])
    (story,) = index.stories()
    assert story["documents"] == ["x", "y", "z"]
