"""English event extraction (marsad.events.english): short hand-written wire-style reports.

The reports below are written for these tests (no shared texts); places are checked against the
real geocoder (GeoNames ids), actors against the real actor knowledge base.
"""
from __future__ import annotations

import datetime as dt

import pytest

from marsad.model import Doc, Document
from marsad.events.english import extract_english, find_times_en, load_triggers_en, split_sentences_en

HAREM = ("Clashes broke out on Tuesday between Syrian security forces and foreign fighters in the town of "
         "Harem in Idlib province, killing at least three people, according to the Syrian Observatory for "
         "Human Rights. The fighting lasted several hours, a local source told AFP. Four members of the "
         "security forces were wounded.")
DRONE = ("An Israeli drone strike on a car in the southern Lebanese town of Bint Jbeil killed two people on "
         "Sunday, Lebanon's health ministry said. The Israeli army said it had targeted a Hezbollah operative.")
DARAA = ("Syrian security forces arrested 15 people during a raid in Daraa yesterday, the interior ministry "
         "said in a statement. The suspects were accused of smuggling weapons.")
MANBIJ = ("MANBIJ, Syria (Reuters) - A car bomb exploded near a vegetable market in Manbij early on Wednesday, "
          "killing at least 5 people and wounding 12 others, a local official said. No group immediately "
          "claimed responsibility for the attack.")
ECONOMY = ("Syria's central bank said on Monday it would introduce new banknotes next month as inflation eased. "
           "Trade between Syria and Turkey rose by 20 percent in October, the economy ministry said. "
           "The stock market rallied on the news.")
CLAIMED = ("Islamic State claimed responsibility for a suicide bombing at a checkpoint east of Deir ez-Zor on "
           "21 October that killed four soldiers. No one was hurt in a separate explosion in Raqqa, officials said.")


@pytest.fixture(scope="module")
def tools():
    from marsad.actors.kb import load_kb
    from marsad.actors.resolve import ActorResolver
    from marsad.geo.geocode import Geocoder
    return ActorResolver(load_kb()), Geocoder()


def run(text: str, published, tools, doc_id="en1", options=None):
    resolver, geocoder = tools
    doc = Doc(Document(id=doc_id, text=text, published=published, language="en"))
    return extract_english(doc, resolver=resolver, geocoder=geocoder, options=options)


def surface(text: str, x) -> str:
    end = x.end_char if hasattr(x, "end_char") else x.end
    return text[x.start:end]


def test_clash_in_harem(tools):
    evs = run(HAREM, dt.date(2025, 10, 22), tools)
    assert len(evs) == 1
    e = evs[0]
    assert (e.plover, e.acled_type, e.acled_subtype) == ("ASSAULT", "Battles", "Armed clash")
    assert e.id == "en1:e1" and e.doc_id == "en1"
    assert surface(HAREM, e.trigger) == "Clashes"
    assert e.actor1.actor_id == "syria-internal-security" and surface(HAREM, e.actor1) == "Syrian security forces"
    assert e.actor2.actor_id == "foreign-fighters-syria" and surface(HAREM, e.actor2) == "foreign fighters"
    loc = e.location
    assert (loc.geonameid, loc.admin1, loc.country, loc.geo_precision) == (169866, "Idlib", "SY", 1)
    assert surface(HAREM, loc) == "Harem"
    assert (e.date.value, e.date.time_precision) == ("2025-10-21", 1) and surface(HAREM, e.date) == "Tuesday"
    assert (e.fatalities.status, e.fatalities.value) == ("at_least", 3)
    assert surface(HAREM, e.fatalities) == "killing at least three"
    # the injuries are told two sentences later, still about the same clash
    assert (e.injuries.status, e.injuries.value) == ("exact", 4)
    assert surface(HAREM, e.injuries).startswith("Four members")
    assert e.arrests is None
    assert [a.actor_id for a in e.attributed_to][:1] == ["sohr"]
    assert surface(HAREM, e.attributed_to[0]) == "Syrian Observatory for Human Rights"
    assert e.certainty == "reported"
    assert surface(HAREM, e.evidence[0]).startswith("Clashes broke out")
    assert 0 <= e.confidence <= 1


def test_drone_strike_in_south_lebanon(tools):
    evs = run(DRONE, dt.date(2025, 10, 20), tools)
    assert len(evs) == 1
    e = evs[0]
    assert (e.acled_type, e.acled_subtype) == ("Explosions/Remote violence", "Air/drone strike")
    assert e.actor1.actor_id == "israel-military" and surface(DRONE, e.actor1) == "Israeli"
    assert (e.location.geonameid, e.location.country, e.location.admin1) == (276592, "LB", "Nabatieh")
    assert surface(DRONE, e.location) == "Bint Jbeil"
    assert e.date.value == "2025-10-19"          # the Sunday before a Monday report
    assert (e.fatalities.status, e.fatalities.value) == ("exact", 2)
    assert surface(DRONE, e.fatalities) == "killed two"
    assert e.injuries is None
    assert [w.cls for w in e.weapons] == ["drone"]
    assert surface(DRONE, e.attributed_to[0]) == "Lebanon's health ministry"


def test_arrests_in_daraa_raid_merges(tools):
    evs = run(DARAA, dt.date(2025, 3, 5), tools)
    assert len(evs) == 1                          # the raid is how the arrests happened, not a second event
    e = evs[0]
    assert (e.plover, e.acled_type, e.acled_subtype) == ("COERCE", "Strategic developments", "Arrests")
    assert e.actor1.actor_id == "syria-internal-security"
    assert (e.location.geonameid, e.location.admin1) == (170905, "Daraa")
    assert surface(DARAA, e.location) == "Daraa"
    assert (e.date.value, e.date.time_precision) == ("2025-03-04", 1) and surface(DARAA, e.date) == "yesterday"
    assert (e.arrests.status, e.arrests.value) == ("exact", 15)
    assert surface(DARAA, e.arrests) == "arrested 15"
    assert e.fatalities is None and e.injuries is None


def test_car_bomb_in_manbij(tools):
    evs = run(MANBIJ, dt.date(2025, 2, 5), tools)
    assert len(evs) == 1                          # "the attack" refers back to the car bomb
    e = evs[0]
    assert e.acled_subtype == "Remote explosive/landmine/IED"
    assert (e.location.geonameid, e.location.admin1) == (167357, "Aleppo")
    assert surface(MANBIJ, e.location) == "Manbij"   # not the dateline
    assert e.actor1 is None                          # "Syria" in the dateline is no party
    assert e.date.value == "2025-02-05" and surface(MANBIJ, e.date) == "early on Wednesday"
    assert (e.fatalities.status, e.fatalities.value) == ("at_least", 5)
    assert (e.injuries.status, e.injuries.value) == ("exact", 12)
    assert surface(MANBIJ, e.injuries) == "wounding 12"
    assert e.certainty == "reported"                 # "No group ... claimed responsibility"
    assert len(e.evidence) == 2


def test_economy_story_has_no_events(tools):
    assert run(ECONOMY, dt.date(2025, 10, 21), tools) == []


def test_claimed_bombing_and_separate_blast(tools):
    evs = run(CLAIMED, dt.date(2025, 10, 23), tools)
    assert [e.acled_subtype for e in evs] == ["Suicide bomb", "Remote explosive/landmine/IED"]
    bomb, blast = evs
    assert bomb.certainty == "claimed" and bomb.actor1.actor_id == "isis"
    assert surface(CLAIMED, bomb.location) == "Deir ez-Zor" and bomb.location.geo_precision == 2  # "east of"
    assert bomb.date.value == "2025-10-21"
    assert (bomb.fatalities.status, bomb.fatalities.value) == ("exact", 4)
    assert surface(CLAIMED, blast.location) == "Raqqa"
    assert (blast.fatalities.status, blast.fatalities.value) == ("none", 0)
    assert (blast.injuries.status, blast.injuries.value) == ("none", 0)
    assert [e.id for e in evs] == ["en1:e1", "en1:e2"]


def test_territory_protest_denial_and_unconfirmed(tools):
    t = ("Syrian government forces recaptured a village north of Aleppo on October 21, 2025, after two days of "
         "fighting with SDF fighters. Separately, ISIS militants seized control of a village near Palmyra on Oct. 20.")
    evs = run(t, dt.date(2025, 10, 23), tools)
    assert [e.acled_subtype for e in evs] == ["Government regains territory", "Non-state actor overtakes territory"]
    assert evs[0].actor2.actor_id == "sdf" and surface(t, evs[0].actor2) == "SDF fighters"
    assert evs[0].location.geo_precision == 2 and surface(t, evs[0].location) == "Aleppo"
    assert evs[1].actor1.actor_id == "isis" and evs[1].date.value == "2025-10-20"

    p = ("Hundreds of demonstrators protested in Sweida on Friday against rising prices. Police fired tear gas "
         "to disperse the crowd and detained about 20 people, activists said.")
    evs = run(p, dt.date(2025, 10, 25), tools)
    prot = [e for e in evs if e.plover == "PROTEST"]
    arr = [e for e in evs if e.acled_subtype == "Arrests"]
    assert prot and prot[0].acled_subtype == "Protest with intervention"
    assert arr and (arr[0].arrests.status, arr[0].arrests.value) == ("approx", 20)

    d = ("The Israeli army denied shelling the southern Lebanese town of Bint Jbeil on Monday. Residents said "
         "several people were wounded.")
    e, = run(d, dt.date(2025, 10, 21), tools)
    assert e.certainty == "denied" and e.acled_subtype == "Shelling/artillery/missile attack"
    assert (e.injuries.status, e.injuries.value) == ("unspecified", None)

    u = ("Gunmen abducted a doctor in Sweida last night, residents said. There was no confirmed information on "
         "casualties after the army shelled villages near Tal Abyad on Oct. 18.")
    ab, sh = run(u, dt.date(2025, 10, 20), tools)
    assert ab.acled_subtype == "Abduction/forced disappearance"
    assert (ab.date.value, ab.date.end) == ("2025-10-19", "2025-10-20")
    assert sh.fatalities.status == "unconfirmed" and sh.fatalities.value is None
    assert sh.location.geo_precision == 2 and sh.date.value == "2025-10-18"


def test_background_and_negated_mentions_are_not_events(tools):
    t = ("The town was captured by ISIS in 2015. Officials said there were no clashes on Monday. "
         "The army could attack the town.")
    assert run(t, dt.date(2025, 10, 21), tools) == []


def test_find_times_en():
    pub = dt.date(2025, 10, 22)   # a Wednesday
    text = ("yesterday; last night; on Tuesday; last Wednesday; on 21 October; October 21, 2025; Oct. 19; "
            "28 December; last week; in September 2024; 2025-10-01")
    got = [(text[t.start:t.end], t.value, t.end_value, t.precision) for t in find_times_en(text, pub)]
    assert ("yesterday", "2025-10-21", None, 1) in got
    assert ("last night", "2025-10-21", "2025-10-22", 1) in got
    assert ("Tuesday", "2025-10-21", None, 1) in got
    assert ("last Wednesday", "2025-10-15", None, 1) in got
    assert ("21 October", "2025-10-21", None, 1) in got
    assert ("October 21, 2025", "2025-10-21", None, 1) in got
    assert ("Oct. 19", "2025-10-19", None, 1) in got
    assert ("28 December", "2024-12-28", None, 1) in got       # a later day of the year: last year
    assert ("last week", "2025-10-15", "2025-10-21", 2) in got
    assert ("in September 2024", "2024-09", None, 3) in got
    assert ("2025-10-01", "2025-10-01", None, 1) in got
    # without a publication date only absolute dates resolve
    nopub = {text[t.start:t.end]: t.value for t in find_times_en(text, None)}
    assert nopub["yesterday"] is None and nopub["October 21, 2025"] == "2025-10-21"


def test_split_sentences_en_keeps_abbreviations():
    t = "Fighting erupted on Oct. 21 near Idlib. U.S. forces were not involved!\nA second line"
    got = [t[a:b] for a, b in split_sentences_en(t)]
    assert got == ["Fighting erupted on Oct. 21 near Idlib.", "U.S. forces were not involved!", "A second line"]


def test_count_statuses(tools):
    t = ("Shelling hit the town of Manbij on Monday, killing about 10 people and wounding several others, "
         "a local official said.")
    e, = run(t, dt.date(2025, 10, 21), tools)
    assert (e.fatalities.status, e.fatalities.value) == ("approx", 10)
    assert (e.injuries.status, e.injuries.value) == ("unspecified", None)


def test_every_span_points_into_the_text(tools):
    for text, pub in ((HAREM, dt.date(2025, 10, 22)), (DRONE, dt.date(2025, 10, 20)), (MANBIJ, dt.date(2025, 2, 5)),
                      (CLAIMED, dt.date(2025, 10, 23))):
        for e in run(text, pub, tools):
            spans = [e.trigger, *e.evidence, *e.weapons, *e.attributed_to]
            spans += [x for x in (e.actor1, e.actor2, e.location, e.fatalities, e.injuries, e.arrests) if x]
            for s in spans:
                assert 0 <= s.start < s.end <= len(text)
            for r in (e.actor1, e.actor2):
                if r is not None:
                    assert text[r.start:r.end] == r.text
            for a in e.attributed_to:
                assert text[a.start:a.end] == a.text


class _Broken:
    def resolve(self, *a, **k):
        raise RuntimeError("boom")

    def geocode(self, *a, **k):
        raise RuntimeError("boom")

    def lookup(self, *a, **k):
        raise RuntimeError("boom")


@pytest.mark.parametrize("text", ["", " ", "\x00\ud800", "٣ قتلى في إدلب", "killed killed killed", "A" * 5000,
                                  "On 31 February 2025 shelling killed 1,000,000 people.", ". . ! ?", "\n\n\n"])
def test_any_string_goes_through(text, tools):
    for pub in (None, dt.date(2025, 1, 1)):
        for res, geo in (tools, (_Broken(), _Broken())):
            evs = run(text, pub, (res, geo))
            assert isinstance(evs, list)


def test_broken_collaborators_leave_fields_empty():
    e, = run(DARAA, dt.date(2025, 3, 5), (_Broken(), _Broken()))
    assert e.acled_subtype == "Arrests" and e.location is None
    assert e.actor1 is not None and e.actor1.actor_id is None      # the words are kept, unresolved
    assert e.arrests.value == 15


def test_trigger_file_is_well_formed_and_bad_file_is_reported(tmp_path):
    rules = load_triggers_en()
    assert any(r.acled_subtype == "Air/drone strike" for r in rules)
    bad = tmp_path / "t.tsv"
    bad.write_text("pattern\tplover\tacled_type\tacled_subtype\tweight\nclash(\tASSAULT\tBattles\tArmed clash\t0.8\n",
                   encoding="utf-8")
    with pytest.raises(ValueError, match=r"t\.tsv:2: error E_EVENTS_DATA"):
        load_triggers_en(bad)
