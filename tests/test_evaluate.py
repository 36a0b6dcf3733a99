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
