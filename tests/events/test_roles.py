"""Who did it to whom: actor1/actor2 choice on hand-built Docs (victims, agents, owners, places)."""
from __future__ import annotations

from types import SimpleNamespace

from marsad.events import extract

from .conftest import FakeResolver, build_doc


def roles(ev):
    return (ev.actor1.actor_id if ev.actor1 else None, ev.actor2.actor_id if ev.actor2 else None)


def violent(events):
    found = [e for e in events if e.plover == "ASSAULT"]
    assert found, [(e.plover, e.acled_subtype) for e in events]
    return found[0]


class KBResolver(FakeResolver):
    """A resolver with a small knowledge base (actor kinds) that records its keyword arguments."""

    def __init__(self, table: dict[str, str], kinds: dict[str, str]):
        super().__init__(table)
        self.kb = SimpleNamespace(actors={k: SimpleNamespace(kind=v, country=None)
                                          for k, v in kinds.items()})
        self.kwargs = []

    def resolve(self, text, *, context="", published=None, country=None, document=""):
        self.kwargs.append({"context": context, "country": country, "document": document})
        return self.table.get(text)

    def resolve_or_new(self, text, etype, *args, **kwargs):
        return self.table.get(text) or f"new:{text}"


def test_victims_before_the_trigger_are_the_target_and_the_launcher_the_initiator():
    text = "قالت مصادر إن خمسة من قوات الأمن قتلوا في هجوم نفذه مسلحو التنظيم على حاجز."
    doc = build_doc(text, entities=[("قوات الأمن", "ORG", "police"),
                                    ("مسلحو التنظيم", "ORG", "isis")])
    assert roles(violent(extract(doc))) == ("isis", "police")


def test_losses_announced_by_a_party_make_the_speaker_the_initiator():
    text = "أعلنت المقاومة الشعبية اليوم عن مقتل 22 من مسلحي الحوثي باشتباكات معها قرب القاعدة."
    doc = build_doc(text, entities=[("المقاومة الشعبية", "ORG", "resistance"),
                                    ("مسلحي الحوثي", "ORG", "houthis")],
                    quantities=[("22", 22, "exact")])
    assert roles(violent(extract(doc))) == ("resistance", "houthis")


def test_a_killer_named_before_a_transitive_casualty_verb_stays_the_initiator():
    text = "قال المرصد إن تنظيم داعش قتل 37 من مسلحي جماعات منافسة في هجوم شنه على قرية."
    doc = build_doc(text, entities=[("المرصد", "ORG", "sohr"), ("تنظيم داعش", "ORG", "isis")],
                    quantities=[("37", 37, "exact")])
    assert roles(violent(extract(doc)))[0] == "isis"


def test_a_place_is_never_a_party_of_an_act():
    text = "استهدفت غارات جوية صنعاء فجر اليوم."
    doc = build_doc(text, entities=[("صنعاء", "LOC", "yemen-city")])
    ev = violent(extract(doc))
    assert ev.actor1 is None and ev.actor2 is None


def test_a_country_may_still_be_the_recipient_of_a_statement():
    text = "أدانت وزارة الخارجية إسرائيل."
    doc = build_doc(text, entities=[("وزارة الخارجية", "ORG", "mofa"), ("إسرائيل", "LOC", "israel")])
    ev = [e for e in extract(doc) if e.plover == "ACCUSE"][0]
    assert roles(ev) == ("mofa", "israel")


def test_an_attack_nouns_own_agent_beats_another_verbs_subject():
    # "الحوثيين" is no entity here: the knowledge base alone knows it as an armed group
    text = "ردت القوات السعودية على قصف الحوثيين لمنطقة حدودية اليوم."
    res = KBResolver({"الحوثيين": "houthis"}, {"houthis": "armed-group"})
    doc = build_doc(text, entities=[("القوات السعودية", "ORG", "saudi")])
    assert roles(violent(extract(doc, resolver=res))) == ("houthis", "saudi")


def test_a_country_known_to_the_base_is_not_read_as_an_attack_nouns_agent():
    text = "ردت القوات السعودية على قصف اليمن لمنطقة حدودية اليوم."
    res = KBResolver({"اليمن": "yemen"}, {"yemen": "country"})
    doc = build_doc(text, entities=[("القوات السعودية", "ORG", "saudi")])
    assert roles(violent(extract(doc, resolver=res)))[0] == "saudi"


def test_the_owner_of_an_unnamed_force_is_the_initiator():
    text = "قال البيان إن أجهزة الأمن التابعة لحماس اعتقلت عددا من الناشطين."
    doc = build_doc(text, entities=[("حماس", "ORG", "hamas")])
    ev = [e for e in extract(doc) if e.acled_subtype == "Arrests"][0]
    assert ev.actor1.actor_id == "hamas"


def test_the_genitive_of_an_instrument_noun_is_the_shooter():
    text = "استشهد شاب فلسطيني برصاص الجيش الإسرائيلي فجر اليوم."
    doc = build_doc(text, entities=[("الجيش الإسرائيلي", "ORG", "idf")])
    ev = violent(extract(doc))
    assert ev.actor1 is not None and ev.actor1.actor_id == "idf"


def test_both_sides_is_not_a_party():
    text = "تجددت الاشتباكات بين الطرفين في المدينة."
    doc = build_doc(text)
    ev = violent(extract(doc))
    assert ev.actor1 is None or "الطرفين" not in ev.actor1.text


def test_the_resolver_reads_the_whole_document():
    text = ("سيطر تنظيم داعش على قرية. "
            "وشن التنظيم هجوما على مواقع قوات النظام في المدينة.")
    res = KBResolver({"تنظيم داعش": "isis"}, {"isis": "armed-group"})
    doc = build_doc(text, entities=[("تنظيم داعش", "ORG"), ("قوات النظام", "ORG")])
    extract(doc, resolver=res)
    assert res.kwargs and all(k["document"] == text for k in res.kwargs)


def test_a_resolver_without_the_document_keyword_still_resolves():
    text = "اندلعت اشتباكات بين قوات الجيش ومسلحي العشائر في المدينة."
    res = FakeResolver({"قوات الجيش": "army", "مسلحي العشائر": "tribes"})
    doc = build_doc(text, entities=[("قوات الجيش", "ORG"), ("مسلحي العشائر", "ORG")])
    assert roles(violent(extract(doc, resolver=res))) == ("army", "tribes")


def test_an_attack_noun_after_a_demonstrative_refers_back():
    text = "انفجرت سيارة مفخخة في سوق المدينة مساء اليوم. وقال المتحدث إن هذا هجوم إرهابي جبان."
    events = extract(build_doc(text))
    assert [e.acled_subtype for e in events if e.plover == "ASSAULT"] == \
        ["Remote explosive/landmine/IED"]
