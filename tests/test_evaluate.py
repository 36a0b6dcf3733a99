from marsad.evaluate import b_cubed, match_events, prf


def test_prf():
    assert prf(2, 4, 2) == {"precision": 0.5, "recall": 1.0, "f1": 0.6667, "tp": 2, "system": 4, "gold": 2}
    assert prf(0, 0, 3)["f1"] == 0.0


def test_b_cubed_perfect_and_split():
    items = {"a", "b", "c"}
    assert b_cubed([{"a", "b"}], [{"a", "b"}], items)["f1"] == 1.0
    split = b_cubed([], [{"a", "b"}], items)          # system leaves all as singletons
    assert split["precision"] == 1.0 and split["recall"] < 1.0


def test_match_events_needs_overlap_and_same_type():
    text = "اندلعت اشتباكات في حارم. واعتقلت القوات شخصين."
    gold = [{"id": "g1", "acled_subtype": "Armed clash", "plover": "ASSAULT", "evidence": ["اشتباكات في حارم"]},
            {"id": "g2", "acled_subtype": None, "plover": "ACCUSE", "evidence": ["واعتقلت القوات"]}]
    sys_events = [{"acled_subtype": "Armed clash", "plover": "ASSAULT", "evidence": [{"start": 0, "end": 24}]},
                  {"acled_subtype": "Arrests", "plover": "COERCE", "evidence": [{"start": 25, "end": 40}]}]
    pairs = match_events(sys_events, gold, text)
    assert [(s["acled_subtype"], g["id"]) for s, g in pairs] == [("Armed clash", "g1")]


def test_evaluate_scores_a_hand_built_gold_end_to_end(tmp_path):
    """evaluate() on a two-report gold written here: detection, fields, stories, disagreements."""
    import json

    from marsad.evaluate import evaluate
    (tmp_path / "docs").mkdir()
    t1 = ("اندلعت اشتباكات عنيفة الليلة الماضية بين قوات الأمن العام ومسلحين في مدينة حارم بريف إدلب، "
          "ما أسفر عن مقتل ثلاثة عناصر.")
    t2 = "قالت مصادر أمنية إن اشتباكات اندلعت الليلة الماضية في مدينة حارم بين قوات الأمن العام ومسلحين."
    (tmp_path / "docs" / "d1.txt").write_text(t1, encoding="utf-8")
    (tmp_path / "docs" / "d2.txt").write_text(t2, encoding="utf-8")
    clash = {"acled_type": "Battles", "acled_subtype": "Armed clash", "plover": "ASSAULT",
             "location": {"name": "Harim", "admin1": "Idlib", "geonameid": 169866},
             "date_any": ["2025-10-21", "2025-10-22"]}
    gold = {"format": "marsad-gold/1", "actors": {}, "documents": [
        {"id": "d1", "path": "docs/d1.txt", "published": "2025-10-22", "entities": [["حارم", "LOC"]],
         "events": [{**clash, "id": "g1", "evidence": ["اشتباكات عنيفة"], "fatalities": {"status": "exact", "value": 3}}]},
        {"id": "d2", "path": "docs/d2.txt", "published": "2025-10-22", "entities": [["حارم", "LOC"]],
         "events": [{**clash, "id": "g2", "evidence": ["اشتباكات اندلعت"]}]}],
        "stories": [{"id": "s", "documents": ["d1", "d2"], "same_event": [["g1", "g2"]],
                     "disagreements": [{"field": "fatalities", "values": {"d1": 3, "d2": "not mentioned"}}]}]}
    path = tmp_path / "gold" / "g.json"
    path.parent.mkdir()
    path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    r = evaluate(path)
    assert r["events"]["recall"] == 1.0
    assert r["fields"]["location_admin1"]["accuracy"] == 1.0
    assert r["fields"]["fatalities_value"]["accuracy"] == 1.0
    assert r["entities"]["recall"] == 1.0
    assert r["stories_b3"]["f1"] == 1.0
    assert r["disagreement_recall"] == 1.0


def test_actor_matcher_accepts_ids_and_gold_aliases_not_other_names():
    """A held-back gold defines its own actor ids: a role counts when its surface (proclitics
    aside) or a name of the system's actor is one of the gold actor's aliases."""
    from marsad.evaluate import ActorMatcher

    gold = {"resistance": {"name": "Popular Resistance", "aliases": ["المقاومة الشعبية"]},
            "houthis": {"name": "Houthis", "aliases": ["الحوثيين", "جماعة الحوثي"]}}
    sys_actors = {"ansar-allah": {"name": "Ansar Allah", "name_ar": "أنصار الله",
                                  "aliases": ["جماعة الحوثي", "الحوثيون"]}}
    match = ActorMatcher(gold, sys_actors)
    assert match({"actor_id": "houthis", "text": "x"}, "houthis")                 # same id
    assert match({"actor_id": "new:x", "text": "وللمقاومة الشعبية"}, "resistance")  # surface
    assert match({"actor_id": "ansar-allah", "text": "أنصار الله"}, "houthis")     # system names
    assert not match({"actor_id": "ansar-allah", "text": "أنصار الله"}, "resistance")
    assert not match(None, "houthis")


def test_actor_matcher_civilians_are_one_class_across_ids():
    """Civilians coded "civilians" by one team and "civilians-syria" by another are the same
    target; civilians of another country, or a non-civilian actor, are not."""
    from marsad.evaluate import ActorMatcher

    gold = {"civ": {"name": "Civilians", "kind": "civilians", "aliases": ["المدنيين"]},
            "civ-lb": {"name": "Civilians (Lebanon)", "kind": "civilians", "country": "LB",
                       "aliases": []}}
    sys_actors = {"civilians-syria": {"name": "Civilians (Syria)", "kind": "civilians",
                                      "country": "SY", "aliases": []},
                  "isis": {"name": "Islamic State", "kind": "armed-group", "aliases": []}}
    match = ActorMatcher(gold, sys_actors)
    assert match({"actor_id": "civilians-syria", "text": "المصلين"}, "civ")
    assert not match({"actor_id": "civilians-syria", "text": "المصلين"}, "civ-lb")
    assert not match({"actor_id": "isis", "text": "التنظيم"}, "civ")


def test_admin1_key_folds_spellings_of_one_region():
    """Coders spell regions differently (ACLED "Idleb", GeoNames "Idlib"); the admin1 score
    compares regions, not spellings, and never merges two regions."""
    from marsad.evaluate import admin1_key

    assert admin1_key("Idleb") == admin1_key("Idlib") == admin1_key("محافظة إدلب")
    assert admin1_key("Rural Damascus") == admin1_key("Rif Dimashq") == admin1_key("ريف دمشق")
    assert admin1_key("As-Suwayda") == admin1_key("Sweida")
    assert admin1_key("Dar'a") == admin1_key("Daraa")
    assert admin1_key("Al Hasakeh") == admin1_key("Al-Hasakah")
    assert admin1_key("Damascus") != admin1_key("Rif Dimashq")
    assert admin1_key("Homs") != admin1_key("Hama")
    assert admin1_key(None) is None


def test_same_place_by_id_name_arabic_name_or_distance():
    from marsad.evaluate import same_place

    sys_loc = {"name": "Kafranbel", "name_ar": "كفرنبل", "geonameid": 170063, "lat": 35.614, "lon": 36.561}
    assert same_place(sys_loc, {"name": "x", "geonameid": 170063})
    assert same_place(sys_loc, {"name": "Kafr Nabl", "name_ar": "كفرنبل", "geonameid": None})
    assert same_place(sys_loc, {"name": "Kafr Nabl", "geonameid": None, "lat": 35.62, "lon": 36.56})
    assert not same_place(sys_loc, {"name": "Maarat al-Numan", "geonameid": None,
                                    "lat": 35.643, "lon": 36.675})          # about 11 km away
    assert not same_place(None, {"name": "x"})


def test_an_unreadable_gold_document_is_left_out_and_reported(tmp_path):
    """One missing text does not stop the evaluation: it is listed with a code and a hint, and
    the other documents are scored.  A path relative to the gold's own folder is read too."""
    import json
    from marsad.evaluate import evaluate, format_report

    (tmp_path / "g" / "events").mkdir(parents=True)
    (tmp_path / "g" / "events" / "a.txt").write_text("قتل ثلاثة مدنيين في قصف على بلدة كفرنبل أمس.\n",
                                                    encoding="utf-8")
    gold = {"format": "marsad-gold/1", "actors": {}, "stories": [], "documents": [
        {"id": "a", "path": "events/a.txt", "published": "2025-09-03", "events": []},
        {"id": "b", "path": "events/missing.txt", "published": "2025-09-03", "events": []}]}
    (tmp_path / "g" / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    r = evaluate(tmp_path / "g" / "gold.json")
    assert r["documents"] == 1
    assert [e["document"] for e in r["errors"]] == ["b"] and r["errors"][0]["code"] == "E_GOLD_DOC"
    assert "left out: document b" in format_report(r)


def test_weapon_classes_named_by_coders_map_to_marsad_classes():
    from marsad.evaluate import weapon_key
    assert weapon_key("firearms") == weapon_key("light weapons")
    assert weapon_key("Airstrike") == weapon_key("aircraft")
    assert weapon_key("missiles/rockets") == "missile"
    assert weapon_key("mines") == "explosives/IED"
    assert weapon_key("drone") != weapon_key("aircraft")


def test_disagreement_fields_named_by_coders_map_to_marsad_fields():
    from marsad.evaluate import disagreement_field
    assert disagreement_field("victim") == "actor2"
    assert disagreement_field("fatalities (retaliation)") == "fatalities"
    assert disagreement_field("location name") == "location"
    assert disagreement_field("objective") == "objective"
    assert disagreement_field("actor1") != disagreement_field("actor2")
