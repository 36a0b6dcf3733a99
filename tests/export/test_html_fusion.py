"""The HTML report shows every kind of disagreement fusion finds, side by side (issue #7).

A story is fused from hand-written Arabic reports (not corpus text) and rendered; the page is
parsed with the stdlib parser of test_html."""
import sys
from pathlib import Path

from marsad.export.html import render_html
from marsad.export.json_out import to_json

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fusion"))
from test_disagreements import OPTS, report  # noqa: E402
from test_html import parse  # noqa: E402

from marsad.fusion import build_stories  # noqa: E402


def _story_page():
    sohr, sana = ("المرصد السوري", "sohr"), ("وكالة سانا", "sana")
    a = report("a", "قتل ستة مدنيين في قصف لقوات النظام على حي الجامع في بلدة كفرنبل يوم الأحد بهدف تهجير السكان، "
               "بحسب المرصد السوري.", place="كفرنبل", fat=("exact", 6, "ستة مدنيين"),
               actor1=("syria-army", "قوات النظام"), date=("2025-10-19", "يوم الأحد"),
               objective="بهدف تهجير السكان", attrib=[sohr], entities=[("الجامع", "LOC")])
    b = report("b", "ذكرت وكالة سانا أن قذائف أطلقها مسلحون مجهولون سقطت على كفرنبل يوم السبت دون ضحايا.",
               place="كفرنبل", fat=("none", None, "دون ضحايا"), actor1=(None, "مسلحون مجهولون"),
               date=("2025-10-18", "يوم السبت"), attrib=[sana])
    c = report("c", "قصف على كفرنبل يوم الأحد.\nونفت وزارة الدفاع أي قصف على البلدة.", place="كفرنبل",
               actor1=("syria-army", "وزارة الدفاع"), date=("2025-10-19", "يوم الأحد"))
    docs = [a, b, c]
    (story,) = build_stories(docs, OPTS)
    result = to_json(docs, {}, [story], [])
    page = render_html(result, {d.id: d.text for d in docs})
    return story, docs, page, parse(page)


def test_each_disagreeing_field_row_is_marked_and_listed_with_its_kind():
    story, docs, page, p = _story_page()
    fields = {d["field"]: d["kind"] for d in story["disagreements"]}
    assert fields == {"fatalities": "different", "actor1": "unknown", "location": "precision", "date": "different",
                      "objective": "one_source", "attributed_to": "different", "certainty": "denial"}
    rows = {r["field"]: r for r in p.rows if r["field"] and r["table"] == "merged"}
    row_of = {"fatalities": "fatalities", "actor1": "actor1", "location": "location", "date": "date",
              "objective": "objective", "attributed_to": "attributed_to", "certainty": "certainty"}
    for field, row in row_of.items():
        assert "disagree" in rows[row]["cls"].split(), field
    assert "disagree" not in rows["injuries"]["cls"].split()
    # columns: field, merged, a, b, c — each source's own value side by side
    assert rows["objective"]["cells"][2] == "بهدف تهجير السكان"
    assert rows["certainty"]["cells"][4] == "denied"
    assert rows["fatalities"]["cells"][2:5] == ["exact 6", "none", "غير مذكور / not stated"]
    for kind in ("different values", "named vs unknown", "different precision", "denial"):
        assert kind in page
    # the denial sentence is highlighted in report c's text as disagreement evidence
    denial = docs[2].text.index("ونفت")
    assert any(f["doc"] == "c" and "f-disagreement" in f["cls"] and f["start"] <= denial < f["end"]
               for f in p.fragments)
