"""Story recall: reports of one event that the geocoder or the event typing leave apart.

Hand-written reports; lexical features only (no embeddings), so each test isolates one rule of
``marsad.fusion.stories.similarity``."""
import datetime as dt

from marsad.config import Options
from marsad.fusion import build_stories
from marsad.fusion.stories import _site_key
from marsad.model import Doc, Document, Entity, Event, EventDate, Location, Role, Span

OPTS = Options(use_embeddings=False)


def _doc(doc_id, text, events, facilities=()):
    d = Doc(Document(id=doc_id, text=text, published=dt.date(2015, 8, 3)))
    d.entities = []
    for name in facilities:
        i = text.index(name)
        d.entities.append(Entity(i, i + len(name), name, "FAC"))
    for e in events:
        e.doc_id = doc_id
    d.events = list(events)
    return d


def _role(text, surface, actor_id):
    i = text.index(surface)
    return Role(actor_id, surface, i, i + len(surface))


def _event(doc_id, text, subtype, acled_type, a1=None, a2=None, loc=None, day="2015-08-03"):
    return Event(id=f"{doc_id}:e1", plover="ASSAULT", acled_type=acled_type, acled_subtype=subtype,
                 actor1=a1, actor2=a2, location=loc, date=EventDate(day, None, 1, 0, 1),
                 evidence=[Span(0, len(text))], confidence=0.8)


def _place(text, surface, name, admin1, gid, country, prec=1):
    i = text.index(surface)
    return Location(name=name, name_ar=surface, admin1=admin1, admin2=None, country=country,
                    geonameid=gid, lat=None, lon=None, geo_precision=prec, start=i, end=i + len(surface))


def _groups(stories):
    return sorted(sorted(s["documents"]) for s in stories)


def test_site_keys_meet_across_spellings_and_skip_generic_facilities():
    assert _site_key("قاعدة العند الجوية") == _site_key("قاعدة العنـد العسكرية")
    assert _site_key("مطار كابول") == _site_key("مطار كابل الدولي")
    assert _site_key("مطار كابول") != _site_key("مطار قندهار")
    assert _site_key("المعسكر التدريبي") is None      # a kind of place, not a named site
    assert _site_key("مركز الشرطة") is None           # in every town
    assert _site_key("مطار") is None
    assert _site_key("قاعدة بيانات الإنتربول") is None     # a database, not a base
    assert _site_key("مطار الملك") is None                # which king?
    assert _site_key("مطار الملك خالد") != _site_key("مطار الملك عبدالعزيز")
    for junk in ("", " ", "\ud800\udfff x", "ـــ ـــ"):  # any string goes through
        _site_key(junk)


def test_reports_naming_one_base_join_though_only_one_is_geocoded():
    """The base lies outside any town: one report's event is placed in its governorate, the
    other's in no place at all; the shared site name is what ties them."""
    ta = "استعادت القوات الموالية لهادي قاعدة العند الجوية في محافظة لحج من الحوثيين"
    tb = "سيطر الجيش على قاعدة العنـد العسكرية بعد معارك مع الحوثيين"
    tc = "سيطر الجيش على مطار تعز بعد معارك مع الحوثيين"
    a = _doc("a", ta, [_event("a", ta, "Government regains territory", "Battles",
                              _role(ta, "القوات الموالية لهادي", "yemen-government-forces"),
                              _role(ta, "الحوثيين", "houthis"),
                              _place(ta, "لحج", "Lahij", "Lahij", 79838, "YE", prec=2))],
             facilities=["قاعدة العند الجوية"])
    b = _doc("b", tb, [_event("b", tb, "Government regains territory", "Battles",
                              _role(tb, "الجيش", "yemen-military"), _role(tb, "الحوثيين", "houthis"))],
             facilities=["قاعدة العنـد العسكرية"])
    # the same day, type and actors at another facility in another region: another event
    c = _doc("c", tc, [_event("c", tc, "Government regains territory", "Battles",
                              _role(tc, "الجيش", "yemen-military"), _role(tc, "الحوثيين", "houthis"),
                              _place(tc, "تعز", "Taiz", "Taizz", 70225, "YE"))],
             facilities=["مطار تعز"])
    assert _groups(build_stories([a, b, c], OPTS)) == [["a", "b"]]
    # without the site names, nothing ties a and b (the test would fail without the site rule)
    a.entities, b.entities = [], []
    assert build_stories([a, b], OPTS) == []


def test_a_site_named_after_its_town_meets_a_report_naming_the_town():
    ta = "قال مسؤول إن انفجارا انتحاريا وقع عند مدخل مطار كابول اليوم"
    tb = "قتل أربعة أشخاص في تفجير انتحاري في كابل اليوم"
    tc = "قتل أربعة أشخاص في تفجير انتحاري في قندهار اليوم"
    a = _doc("a", ta, [_event("a", ta, "Suicide bomb", "Explosions/Remote violence")],
             facilities=["مطار كابول"])
    b = _doc("b", tb, [_event("b", tb, "Suicide bomb", "Explosions/Remote violence",
                              loc=_place(tb, "كابل", "Kabul", "Kabul", 1138958, "AF"))])
    c = _doc("c", tc, [_event("c", tc, "Suicide bomb", "Explosions/Remote violence",
                              loc=_place(tc, "قندهار", "Kandahar", "Kandahar", 1138336, "AF"))])
    assert _groups(build_stories([a, b, c], OPTS)) == [["a", "b"]]


def test_two_explosions_in_one_city_the_same_day_stay_two_stories():
    """A suicide attack and a car bomb in one city on one day, told by reports that share one
    actor: one ACLED type (Explosions) with two sub-types is no evidence of one event."""
    ta = "هجوم انتحاري على أكاديمية الشرطة في كابل تبنته طالبان وقتل فيه مدنيون"
    tb = "انفجار شاحنة مفخخة في حي سكني في كابل تبنته طالبان ضد الجيش"
    kabul = dict(name="Kabul", admin1="Kabul", gid=1138958, country="AF")
    a = _doc("a", ta, [_event("a", ta, "Suicide bomb", "Explosions/Remote violence",
                              _role(ta, "طالبان", "taliban"), _role(ta, "مدنيون", "civilians"),
                              _place(ta, "كابل", **kabul))])
    b = _doc("b", tb, [_event("b", tb, "Remote explosive/landmine/IED", "Explosions/Remote violence",
                              _role(tb, "طالبان", "taliban"), _role(tb, "الجيش", "afghanistan-military"),
                              _place(tb, "كابل", **kabul))])
    assert build_stories([a, b], OPTS) == []
    # the same two reports with one sub-type are one story: the type is what keeps them apart
    b.events[0].acled_subtype = "Suicide bomb"
    assert _groups(build_stories([a, b], OPTS)) == [["a", "b"]]


def test_a_later_report_recalling_the_bombing_does_not_join_its_story():
    """Two reports of a car bomb on the 25th; a report published on the 31st tells of a shooting
    on the 30th and recalls the bombing of the 25th in passing: its news is the shooting."""
    kw = dict(name="Lice", admin1="Diyarbakir", gid=304797, country="TR")
    ta = "انفجار سيارة مفخخة استهدف الجيش في ليجه وتبناه حزب العمال"
    tb = "قتل جنديان في انفجار سيارة مفخخة في ليجه نسب إلى حزب العمال"
    tc = "قتل شرطي برصاص مسلحين من حزب العمال أمس بعد انفجار سيارة مفخخة في ليجه الأسبوع الماضي"

    def report(doc_id, text, published, events):
        d = _doc(doc_id, text, events)
        d.document = Document(id=doc_id, text=text, published=published)
        return d

    def bomb(doc_id, text, day):
        return _event(doc_id, text, "Remote explosive/landmine/IED", "Explosions/Remote violence",
                      _role(text, "حزب العمال", "pkk"), loc=_place(text, "ليجه", **kw), day=day)

    a = report("a", ta, dt.date(2015, 7, 26), [bomb("a", ta, "2015-07-25")])
    b = report("b", tb, dt.date(2015, 7, 26), [bomb("b", tb, "2015-07-25")])
    shooting = _event("c", tc, "Attack", "Violence against civilians", _role(tc, "حزب العمال", "pkk"),
                      day="2015-07-30")
    shooting.id = "c:e2"
    c = report("c", tc, dt.date(2015, 7, 31), [bomb("c", tc, "2015-07-25"), shooting])
    assert _groups(build_stories([a, b, c], OPTS)) == [["a", "b"]]
    # without its recent news, c is a late report of the bombing and joins it
    c.events = c.events[:1]
    assert _groups(build_stories([a, b, c], OPTS)) == [["a", "b", "c"]]
