"""The actor knowledge base file and its loader."""
from __future__ import annotations

import json

import pytest

from marsad.actors.kb import KINDS, KBError, load_kb, match_key


def test_builtin_kb_is_well_formed():
    kb = load_kb()
    assert len(kb.actors) >= 100
    for a in kb.actors.values():
        assert a.kind in KINDS, a.id
        assert a.inter is None or 1 <= a.inter <= 8, a.id
        assert a.wikidata is None or a.wikidata.startswith("Q"), a.id
    # the actors the issue names are all there
    for aid in ["syria-internal-security", "syria-mod-forces", "syria-assad-army", "hts", "sna", "sdf", "asayish", "ypg",
                "sweida-druze-militias", "bedouin-tribal-fighters", "isis", "saraya-ansar-al-sunna", "hezbollah",
                "israel-military", "turkey-military", "russia-military", "us-military", "international-coalition",
                "iran-military", "sohr", "sana", "afp", "reuters", "syria-civil-defence", "ahmed-al-sharaa", "omar-omsen"]:
        assert aid in kb, aid


def test_validity_dates_split_assad_era_and_new_forces():
    kb = load_kb()
    assert kb.is_valid("syria-assad-army", "2023-05-01")
    assert not kb.is_valid("syria-assad-army", "2025-05-01")
    assert kb.is_valid("syria-mod-forces", "2025-05-01")
    assert not kb.is_valid("syria-mod-forces", "2023-05-01")


def test_lookup_folds_spelling_and_plural_endings():
    kb = load_kb()
    assert kb.lookup("أومسين") == ["omar-omsen"]
    assert kb.lookup("اومسين") == ["omar-omsen"]
    assert kb.lookup("المهاجرون الفرنسيون") == ["firqat-al-ghuraba"]
    assert match_key("المهاجرون") == match_key("المهاجرين")


def test_load_kb_returns_independent_copies():
    a, b = load_kb(), load_kb()
    from marsad.model import Actor
    a.add(Actor(id="x-test", name="X", name_ar="اكس تجريبي", kind="other"))
    assert "x-test" in a and "x-test" not in b


def test_user_file_and_gold_format_merge(tmp_path):
    p = tmp_path / "mine.json"
    p.write_text(json.dumps({"actors": [{"id": "my-group", "name": "My Group", "kind": "armed-group",
                                          "aliases": ["كتيبة التجربة"], "valid_from": "2025-01-01"}],
                             "descriptors": [{"terms": ["المسلحين"], "country": "SY", "from": None, "to": None, "actor": "my-group"}]},
                            ensure_ascii=False), encoding="utf-8")
    kb = load_kb(p)
    assert list(kb.actors) == ["my-group"]
    assert kb.lookup("كتيبة التجربه") == ["my-group"]
    assert kb.descriptors("المسلحين")[0].actor == "my-group"
    g = tmp_path / "gold.json"
    g.write_text(json.dumps({"format": "marsad-gold/1", "actors": {"gold-one": {"name": "Gold One", "kind": "person", "aliases": ["فلان الفلاني"]}}}), encoding="utf-8")
    base = load_kb()
    base.merge_file(g)
    assert base.lookup("فلان الفلاني") == ["gold-one"]


@pytest.mark.parametrize("content,code", [
    ("{not json", "KB003"),
    ("[]", "KB004"),
    ('{"actors": [{"name": "no id"}]}', "KB005"),
    ('{"actors": [{"id": "a", "kind": "alien"}]}', "KB006"),
    ('{"actors": [], "descriptors": [{"terms": ["x"], "actor": "missing"}]}', "KB007"),
])
def test_bad_files_raise_coded_errors(tmp_path, content, code):
    p = tmp_path / "bad.json"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(KBError) as ei:
        load_kb(p)
    assert ei.value.code == code and ei.value.hint


def test_missing_file_error(tmp_path):
    with pytest.raises(KBError) as ei:
        load_kb(tmp_path / "nope.json")
    assert ei.value.code == "KB001"
