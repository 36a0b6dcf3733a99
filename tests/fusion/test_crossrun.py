"""Fusion across runs (issue #7): a later run's story takes in reports an earlier run stored, and
their embeddings are read from the store instead of being computed again."""
import datetime as dt

import numpy as np

from marsad.config import Options
from marsad.export.json_out import doc_json
from marsad.fusion import build_stories
from marsad.fusion import embed as embed_mod
from marsad.model import Count, Doc, Document, Event, EventDate, Location, Role, Span
from marsad.store import Store

# hand-written reports of one shelling (not corpus text)
TEXTS = {
    "a": "قتل أربعة مدنيين في قصف مدفعي لقوات النظام على بلدة كفرنبل جنوبي إدلب صباح اليوم.",
    "b": "قصفت قوات النظام بلدة كفرنبل بالمدفعية ما أدى إلى مقتل خمسة مدنيين بحسب ناشطين.",
    "c": "ارتفعت حصيلة القصف المدفعي لقوات النظام على كفرنبل إلى سبعة قتلى من المدنيين.",
}
DAYS = {"a": dt.date(2025, 10, 20), "b": dt.date(2025, 10, 20), "c": dt.date(2025, 10, 21)}
TOLLS = {"a": "أربعة", "b": "خمسة", "c": "سبعة"}


def _doc(i: str) -> Doc:
    text = TEXTS[i]
    d = Doc(Document(id=i, text=text, published=DAYS[i]))
    p = text.index("كفرنبل")
    army = text.index("قوات النظام")
    n = text.index(TOLLS[i])
    value = {"a": 4, "b": 5, "c": 7}[i]
    d.events = [Event(id=f"{i}:e1", plover="ASSAULT", acled_type="Explosions/Remote violence",
                      acled_subtype="Shelling/artillery/missile attack",
                      actor1=Role("syria-army", "قوات النظام", army, army + 11),
                      location=Location("Kafr Nabl", None, "Idlib", None, "SY", 169389, None, None, 1, p, p + 6),
                      date=EventDate("2025-10-20", None, 1, 0, 3),
                      fatalities=Count("exact", value, n, n + len(TOLLS[i])),
                      evidence=[Span(0, len(text))], confidence=0.8, doc_id=i)]
    return d


class CountingEmbed:
    """Stands in for the USE model: every lead gets the same direction, and calls are counted."""

    def __init__(self):
        self.texts: list[str] = []

    def __call__(self, texts):
        self.texts.extend(texts)
        v = np.zeros((len(texts), 512), dtype=np.float32)
        v[:, 0] = 1.0
        return v


def _run(store: Store, new: list[Doc], opts: Options) -> list[dict]:
    """What marsad.api does in a run: store each report, bring back stored neighbours, fuse."""
    for d in new:
        store.save_doc(d, doc_json(d))
    earlier = store.load_docs(exclude_digests={d.document.digest for d in new},
                              around=sorted({d.document.published for d in new}))
    stories = build_stories(new + earlier, opts, store=store)
    store.save_stories(stories)
    return stories


def test_second_run_grows_the_story_without_embedding_stored_reports_again(tmp_path, monkeypatch):
    fake = CountingEmbed()
    monkeypatch.setattr(embed_mod, "embed", fake)
    opts = Options(use_embeddings=True)
    db = tmp_path / "m.db"
    with Store(db) as s:
        (story,) = _run(s, [_doc("a"), _doc("b")], opts)
        assert sorted(story["documents"]) == ["a", "b"]
        assert len(fake.texts) == 2 and s.count("embeddings") == 2
    with Store(db) as s:  # a later run, the database reopened
        (story,) = _run(s, [_doc("c")], opts)
        assert sorted(story["documents"]) == ["a", "b", "c"]
        assert len(fake.texts) == 3, "only the new report is embedded"
        assert s.count("embeddings") == 3 and s.count("stories") == 1
        fat = [d for d in story["disagreements"] if d["field"] == "fatalities"]
        assert len(fat) == 1 and fat[0]["values"] == {"a": "exact 4", "b": "exact 5", "c": "exact 7"}
        assert story["events"][0]["fatalities"]["value"] == 4


def test_stored_vectors_come_back_equal_and_another_model_is_not_reused(tmp_path):
    rng = np.random.default_rng(0)
    v = rng.normal(size=(2, 512)).astype(np.float32)
    with Store(tmp_path / "m.db") as s:
        s.save_embeddings({"d1": v[0], "d2": v[1]}, model="m1")
        got = s.load_embeddings(["d1", "d2", "d3"], model="m1")
        assert set(got) == {"d1", "d2"} and np.array_equal(got["d1"], v[0])
        assert s.load_embeddings(["d1"], model="m2") == {}


def test_without_a_store_every_report_is_embedded(monkeypatch):
    from marsad.fusion.stories import StoryIndex
    fake = CountingEmbed()
    monkeypatch.setattr(embed_mod, "embed", fake)
    index = StoryIndex(Options(use_embeddings=True))
    index.add([_doc("a"), _doc("b")])
    assert index.embedded == 2 and len(fake.texts) == 2
    assert [s["documents"] for s in index.stories()] == [["a", "b"]]


def test_analyze_documents_keeps_embeddings_in_the_store(tmp_path, monkeypatch):
    """Regression (#7): the api's run must hand its store to fusion, or nothing is saved."""
    from marsad.api import analyze_documents
    fake = CountingEmbed()
    monkeypatch.setattr(embed_mod, "embed", fake)
    docs = [Document(id=i, text=TEXTS[i], published=DAYS[i]) for i in ("a", "b")]
    with Store(tmp_path / "m.db") as s:
        run = analyze_documents(docs, Options(use_embeddings=True), store=s)
        assert [sorted(st["documents"]) for st in run.stories] == [["a", "b"]]
        assert s.count("embeddings") == 2
