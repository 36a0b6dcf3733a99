"""A report that leads with a demonstration passes the document gate (issue #5): protests are
coded, and a peaceful sit-in is told with few violence words.  The gate itself is on here."""
from __future__ import annotations

import datetime as dt

import pytest

from marsad.model import Document


@pytest.fixture(scope="module")
def gated_pipe():
    from marsad.config import Options
    from marsad.pipeline import Pipeline
    return Pipeline(options=Options(extra={"calibration": False}))    # the default gate


def events(pipe, text):
    return pipe(Document(id="t", text=text, published=dt.date(2025, 3, 15))).events


LEAD = ("الآلاف في ساحة الكرامة يرفضون الإعلان الدستوري\n"
        "خرج آلاف المحتجين ظهر اليوم الجمعة في ساحة الكرامة وسط مدينة السويداء، رفضاً للإعلان "
        "الدستوري الذي وقّعه الرئيس أول أمس، مرددين هتافات تطالب بدولة مدنية ديمقراطية.\n"
        "ورفع المشاركون أعلاماً ولافتات كتب على إحداها أن الدستور يكتبه الشعب، وسط حضور لوجهاء "
        "المحافظة ورجال الدين، فيما دعا منظمو الوقفة إلى تجمع مماثل الأسبوع المقبل في الساحة ذاتها "
        "للمطالبة بمشاركة أوسع في صياغة الوثائق الدستورية والقوانين الناظمة للمرحلة الانتقالية.")


def test_a_report_leading_with_a_peaceful_protest_is_coded(gated_pipe):
    evs = events(gated_pipe, LEAD)
    assert [e.acled_subtype for e in evs if e.acled_type][:1] == ["Peaceful protest"]


def test_a_clubs_protest_to_a_federation_is_not(gated_pipe):
    """No crowd near the protest word: a sports complaint, not a demonstration."""
    text = ("نادي الوحدة يحتج لدى اتحاد كرة القدم على قرار الحكم\n"
            "قدم نادي الوحدة احتجاجاً رسمياً إلى اتحاد كرة القدم على قرارات حكم مباراته الأخيرة أمام "
            "نادي تشرين، مطالباً بإعادة النظر في نتيجة اللقاء وفتح تحقيق في أداء الطاقم التحكيمي، "
            "فيما قال مدرب الفريق إن لاعبيه قدموا مباراة كبيرة وإن الخسارة لا تعكس ما جرى على "
            "أرض الملعب أمام جمهور غفير ملأ المدرجات.")
    assert events(gated_pipe, text) == []


def test_youths_throwing_stones_at_a_force_riot(pipe):
    """"مواجهات بين شبان وقوات الاحتلال، رشق خلالها الشبان الآليات بالحجارة": a violent
    demonstration by rioters, not a clash of two armed sides; the tear gas fired at them is
    the same event."""
    text = ("واندلعت مواجهات بين شبان وقوات الاحتلال في الحي الغربي من البلدة، رشق خلالها الشبان "
            "الآليات العسكرية بالحجارة، فيما أطلق الجنود الرصاص الحي وقنابل الغاز.")
    evs = [e for e in events(pipe, text) if e.acled_type]
    assert [e.acled_subtype for e in evs] == ["Violent demonstration"]
    assert evs[0].actor1 is not None and evs[0].actor1.actor_id == "rioters"


def test_settlers_raiding_a_village_attack_civilians(pipe):
    text = ("استشهد شاب فلسطيني وأصيب ثلاثة آخرون في هجوم شنه عشرات المستوطنين على قرية المغير "
            "شمال شرق رام الله.")
    [ev] = [e for e in events(pipe, text) if e.acled_type]
    assert ev.acled_subtype == "Attack"
    assert ev.actor1 is not None and ev.actor1.actor_id == "israeli-settlers"


def test_a_sit_in_dispersed_by_a_force_is_a_protest_with_intervention(pipe):
    text = ("فرّقت دوريات من الأمن العام مساء أمس الأربعاء اعتصاماً نظمه عشرات من سكان حي المزة في "
            "العاصمة دمشق.")
    evs = [e for e in events(pipe, text) if e.acled_type == "Protests"]
    assert [e.acled_subtype for e in evs] == ["Protest with intervention"]
    assert evs[0].actor2 is not None and evs[0].actor2.actor_id == "syria-internal-security"


def test_civil_defence_teams_are_no_dispersal(pipe):
    assert events(pipe, "فرق الدفاع المدني أخمدت الحريق في السوق.") == []


def test_relatives_attacking_houses_with_fire_are_mob_violence(pipe):
    text = ("هاجم عشرات من أقارب القتيل وشبان من المدينة منزلين يعودان لعائلة يتهمونها بالوقوف وراء "
            "الاغتيال في الحي الغربي من طفس، وأضرموا النار فيهما بعد أن غادرهما سكانهما.")
    assert "Mob violence" in [e.acled_subtype for e in events(pipe, text) if e.acled_type]


def test_gunmen_attacking_a_checkpoint_are_no_mob(pipe):
    text = "هاجم مسلحون مجهولون حاجزاً للأمن العام في ريف درعا بالأسلحة الرشاشة، ما أدى إلى مقتل عنصر."
    assert "Mob violence" not in [e.acled_subtype for e in events(pipe, text) if e.acled_type]
