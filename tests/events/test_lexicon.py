"""Knowledge files and the pattern matcher: syntax, folding, clitic tolerance, coverage, errors."""
from __future__ import annotations

import shutil

import pytest

from marsad.errors import MarsadError
from marsad.events.lexicon import (ACLED_SUBTYPES, PLOVER_TYPES, DATA_DIR, PatternSet, analyses,
                                   compile_patterns, default_lexicon, load_lexicon, longest)
from marsad.events.textutil import fold, words_of


def find(pattern: str, text: str) -> list[str]:
    ps = PatternSet(compile_patterns(pattern))
    return [text[m.start:m.end] for m in longest(ps.find(words_of(text)))]


def test_fold_keeps_an_offset_per_character():
    text = "إِشْتِباكاتٌ في القريةِ"
    folded, offs = fold(text)
    assert folded == "اشتباكات في القريه"
    assert len(offs) == len(folded) + 1 and offs[-1] == len(text)
    assert all(text[offs[i]] for i in range(len(folded)))


@pytest.mark.parametrize("word", ["الاشتباكات", "والاشتباكات", "بالاشتباكات", "للاشتباكات",
                                  "اشتباكاتهم", "وإشتباكات"])
def test_clitics_and_hamza_are_tolerated(word):
    assert find("اشتباكات", f"وقعت {word} أمس") == [word]


def test_taa_marbuta_before_a_suffix():
    assert find("محاولة", "خلال محاولتها اقتحام") == ["محاولتها"]


def test_prefix_alternatives_gap_and_phrases():
    assert find("اعتقل*", "واعتقلت الشرطة") == ["واعتقلت"]
    assert find("تبادل*/يتبادل* ... النار", "تبادل الطرفان إطلاق النار") == ["تبادل الطرفان إطلاق النار"]
    assert find("عبوة ناسفة|لغم", "انفجر لغم ثم عبوة ناسفة") == ["لغم", "عبوة ناسفة"]
    # a gap is at most three words
    assert find("تبادل ... النار", "تبادل واحد اثنان ثلاثة أربعة النار") == []


def test_no_match_inside_other_words():
    assert find("وعد", "في موعد محدد") == []
    assert find("اجتماع", "الوضع الاجتماعي") == []


def test_analyses_never_strip_to_nothing():
    for w in ("ب", "ال", "وال", "لل", "بي", ""):
        for base, _pro in analyses(w):
            assert base == w or len(base) >= 2


def test_shipped_files_cover_both_taxonomies():
    lex = default_lexicon()
    rows = [p.row for p in lex.triggers.patterns]
    subs = {r["acled_subtype"] for r in rows if r["acled_subtype"]}
    assert subs == {s for v in ACLED_SUBTYPES.values() for s in v}
    assert {r["plover"] for r in rows} == set(PLOVER_TYPES)
    assert {c for p in lex.weapons.patterns for c in p.row["classes"]} >= {
        "light weapons", "medium weapons", "heavy weapons", "artillery", "drone", "aircraft",
        "explosives/IED", "missile", "chemical"}


@pytest.mark.parametrize("text,sub_or_plover", [
    ("غارة جوية على البلدة", "Air/drone strike"),
    ("قصف مدفعي على القرية", "Shelling/artillery/missile attack"),
    ("انفجار عبوة ناسفة", "Remote explosive/landmine/IED"),
    ("هجوم انتحاري في السوق", "Suicide bomb"),
    ("إلقاء قنبلة يدوية", "Grenade"),
    ("هجوم كيميائي على الغوطة", "Chemical weapon"),
    ("اغتيال قيادي", "Attack"),
    ("اختطاف طبيب", "Abduction/forced disappearance"),
    ("حالات اغتصاب", "Sexual violence"),
    ("وقفة احتجاجية أمام المبنى", "Peaceful protest"),
    ("فض الاعتصام بالقوة", "Protest with intervention"),
    ("الرصاص الحي على المتظاهرين", "Excessive force against protesters"),
    ("أعمال شغب في الحي", "Violent demonstration"),
    ("سحل رجل في الشارع", "Mob violence"),
    ("استعادت القوات السيطرة على البلدة", "Government regains territory"),
    ("تفكيك عبوة ناسفة", "Disrupted weapons use"),
    ("انشقاق ضابط", "Change to group/activity"),
    ("نهب المحال", "Looting/property destruction"),
    ("تسليم المواقع للجيش", "Non-violent transfer of territory"),
    ("فرض حظر تجول", "Other"),
    ("إنشاء قاعدة عسكرية", "Headquarters or base established"),
    ("فرض عقوبات", "SANCTION"),
    ("وصول قافلة مساعدات", "AID"),
    ("إطلاق سراح المعتقلين", "CONCEDE"),
    ("دوريات مشتركة", "COOPERATE"),
    ("أجرى مباحثات", "CONSULT"),
    ("وصول تعزيزات عسكرية", "MOBILIZE"),
])
def test_realistic_vocabulary_is_typed(text, sub_or_plover):
    lex = default_lexicon()
    ms = longest(lex.triggers.find(words_of(text)))
    assert ms, text
    got = {m.pattern.row["acled_subtype"] or m.pattern.row["plover"] for m in ms} | {
        m.pattern.row["plover"] for m in ms}
    assert sub_or_plover in got, (text, got)


def _copy_data(tmp_path):
    d = tmp_path / "data"
    shutil.copytree(DATA_DIR, d)
    return d


def test_an_analyst_adds_a_trigger_without_code(tmp_path):
    d = _copy_data(tmp_path)
    with open(d / "triggers.tsv", "a", encoding="utf-8") as f:
        f.write("تفحيط\tPROTEST\tRiots\tViolent demonstration\tmaterial\t0.7\t\t\ttest row\n")
    lex = load_lexicon(d)
    ms = lex.triggers.find(words_of("شهد الشارع تفحيطا"))
    assert [m.pattern.row["acled_subtype"] for m in ms] == ["Violent demonstration"]


@pytest.mark.parametrize("line,needle", [
    ("x\tNOPE\t\t\tverbal\t0.5\t\t\t\n", "unknown PLOVER"),
    ("x\tASSAULT\tBattles\tGrenade\tmaterial\t0.5\t\t\t\n", "not under"),
    ("x\tASSAULT\t\t\tsometimes\t0.5\t\t\t\n", "mode"),
    ("x\tASSAULT\t\t\tverbal\t1.5\t\t\t\n", "weight"),
    ("x\tASSAULT\t\t\tverbal\t0.5\tbogus\t\t\n", "flags"),
    ("... x\tASSAULT\t\t\tverbal\t0.5\t\t\t\n", "gap"),
    ("a||b\tASSAULT\t\t\tverbal\t0.5\t\t\t\n", "empty phrase"),
])
def test_bad_rows_are_errors_with_file_line_and_hint(tmp_path, line, needle):
    d = _copy_data(tmp_path)
    with open(d / "triggers.tsv", "a", encoding="utf-8") as f:
        f.write(line)
    with pytest.raises(MarsadError) as ei:
        load_lexicon(d)
    err = ei.value
    assert err.code == "E_EVENTS_DATA" and needle in err.message and err.hint
    assert "triggers.tsv:" in err.message


def test_missing_file_is_an_error(tmp_path):
    d = _copy_data(tmp_path)
    (d / "cues.tsv").unlink()
    with pytest.raises(MarsadError) as ei:
        load_lexicon(d)
    assert ei.value.code == "E_EVENTS_DATA" and "cues.tsv" in ei.value.message


def test_presentation_forms_fold_and_keep_offsets():
    text = "ﺍﺷﺘﺒﺎﻛﺎﺕ ﻋﻨﻴﻔﺔ"                       # Arabic presentation forms, as some sites send
    assert find("اشتباكات", text) == ["ﺍﺷﺘﺒﺎﻛﺎﺕ"]
    folded, offs = fold("ﻻ")                     # a ligature: two letters, one source character
    assert folded == "لا" and offs == [0, 0, 1]
