"""Cross-lingual fusion (issue #7): an English report of the same event joins the Arabic story."""
import datetime as dt

from marsad.api import analyze_documents
from marsad.model import Document

PUB = dt.date(2025, 11, 3)
AR = ("قُتل ثلاثة عناصر من قوات الأمن العام وأصيب خمسة آخرون، فجر اليوم الاثنين، في هجوم شنه مسلحون "
      "مجهولون على حاجز أمني عند مدخل مدينة الصنمين في ريف درعا الشمالي، وفقاً لمصادر محلية.\n"
      "وقالت وزارة الداخلية السورية إن المهاجمين استخدموا أسلحة رشاشة.")
AR2 = ("ذكرت وكالة الأنباء السورية (سانا) أن أربعة عناصر من الأمن العام قتلوا في هجوم مسلح استهدف حاجزاً "
       "أمنياً قرب مدينة الصنمين شمالي درعا فجر اليوم.")
EN = ("SANAMAYN, Syria (Reuters) - Gunmen attacked a General Security checkpoint at the entrance of the town "
      "of Sanamayn in Syria's Daraa province early on Monday, killing three security personnel and wounding "
      "five, local sources said. Clashes with the attackers lasted about an hour.")
OTHER = ("The central bank said on Monday it would keep interest rates unchanged, citing slowing inflation "
         "and a stable currency.")


def test_english_report_joins_the_arabic_story_with_its_basic_fields():
    docs = [Document(id="ar", text=AR, published=PUB, language="ar"),
            Document(id="ar2", text=AR2, published=PUB, language="ar"),
            Document(id="en", text=EN, published=PUB, language="en"),
            Document(id="en-econ", text=OTHER, published=PUB, language="en")]
    run = analyze_documents(docs)
    en = next(d for d in run.docs if d.id == "en")
    assert en.events, "the English report yields its event"
    ev = max(en.events, key=lambda e: e.confidence)
    assert ev.location is not None and ev.location.admin1 == "Daraa"
    assert EN[ev.location.start:ev.location.end].endswith("Sanamayn")
    assert ev.date is not None and ev.date.value == "2025-11-03"
    assert ev.fatalities is not None and ev.fatalities.value == 3
    stories = [s for s in run.stories if "en" in s["documents"]]
    assert len(stories) == 1 and {"ar", "en"} <= set(stories[0]["documents"])
    assert not any("en-econ" in s["documents"] for s in run.stories)
    fields = {d["field"] for d in stories[0]["disagreements"]}
    assert "fatalities" in fields          # 3 (local sources, Reuters) vs 4 (SANA)


AR_STRIKE_1 = ("قُتل خمسة مدنيين وأصيب عشرة آخرون، صباح اليوم الأربعاء، في غارة جوية استهدفت سوقاً شعبياً "
               "في مدينة سراقب بريف إدلب الشرقي، بحسب الدفاع المدني السوري.")
AR_STRIKE_2 = ("أفاد ناشطون بمقتل خمسة مدنيين بينهم طفلان في غارة جوية على سوق مدينة سراقب شرقي إدلب "
               "صباح اليوم الأربعاء.")
EN_STRIKE = ("SARAQIB, Syria - An air strike hit a crowded market in the town of Saraqib in Syria's Idlib province "
             "on Wednesday morning, killing seven civilians and wounding at least twelve, a war monitor said.")


def test_english_report_with_another_toll_joins_and_its_toll_is_a_disagreement():
    pub = dt.date(2025, 11, 5)
    docs = [Document(id="ar1", text=AR_STRIKE_1, published=pub, language="ar"),
            Document(id="ar2", text=AR_STRIKE_2, published=pub, language="ar"),
            Document(id="en", text=EN_STRIKE, published=pub, language="en"),
            Document(id="en-econ", text=OTHER, published=pub, language="en")]
    run = analyze_documents(docs)
    (story,) = [s for s in run.stories if "en" in s["documents"]]
    assert {"ar1", "ar2", "en"} <= set(story["documents"]) and "en-econ" not in story["documents"]
    fat = [d for d in story["disagreements"] if d["field"] == "fatalities"]
    assert len(fat) == 1, "one fatalities entry for the one strike"
    assert fat[0]["values"]["en"] == "exact 7" and fat[0]["kind"] == "different"
    assert {fat[0]["values"]["ar1"], fat[0]["values"]["ar2"]} == {"exact 5"}
    span = fat[0]["evidence"]["en"][0]
    assert "seven" in EN_STRIKE[span["start"]:span["end"]]
    main = max(story["events"], key=lambda m: len(m["sources"]))
    assert main["fatalities"]["value"] == 5          # ACLED: the most conservative toll
