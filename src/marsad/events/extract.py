"""Event extraction: from a Doc with its text layers to ACLED/PLOVER event records.

How it works (each step is a function below):

1. *Mentions*: every sentence is scanned for the triggers of ``data/triggers.tsv``.  A trigger
   preceded by a negation, a hypothetical, an attempt or an objective cue is not an occurrence
   ("لن نسمح باستهداف", "بهدف اعتقال"); one whose time lies more than ``background_days`` before
   publication is background.  Objectives met on the way are kept for the event they belong to.
2. *Arguments* of each mention: actors (``بين X و Y``, ``من قبل X``, speaker of a statement,
   subject before or after the trigger, object after it), places, time, counts, weapons,
   attribution and certainty, all as spans of the document.  Violent events are also read from
   their victims' side: the people a casualty word names ("مقتل 22 من X", "X قتلوا في هجوم")
   are the target, and the initiator is the attack noun's own agent ("قصف X", "هجوم لـX",
   "هجوم نفذه X"), the name after "بنيران/برصاص/على يد", or the party announcing its enemy's
   losses ("أعلنت X عن مقتل ... باشتباكات معها").  Places are never parties of an act, a
   force's owner stands for it ("الأجهزة التابعة لـX"), and "الطرفين" is no party.  Names are
   resolved with their sentence, the whole document and its country in focus.
3. *Events*: mentions of the same type with compatible actors/places/dates are one event with
   several pieces of evidence; raids and campaigns merge into the clash or arrest they led to.

Nothing is filled from outside the document: every field carries offsets into ``doc.text``.
"""
from __future__ import annotations

import bisect
import dataclasses
import datetime as _dt
import math
import re
from pathlib import Path
from dataclasses import dataclass, field

from ..model import (Attribution, Count, Doc, Entity, Event, EventDate, Location, Role, Span,
                     Weapon)
from ..config import Options as _Options
from ..errors import MarsadError
from .calibrate import Calibrator, default_calibrator, load_calibrator
from .lexicon import Lexicon, Match, default_lexicon, literal_words, load_lexicon, longest
from .textutil import Word, clause_bounds, fold_key, split_sentences, words_of

ACTOR_TYPES = ("PER", "ORG", "NORP")
# Words that end an unnamed-actor noun phrase ("مجموعة من المسلحين" stops before "بيان").
_NP_STOP = {fold_key(w) for w in (
    "في", "على", "إلى", "الى", "عن", "مع", "ضد", "بين", "أن", "إن", "التي", "الذي", "الذين",
    "داخل", "خلال", "منذ", "بعد", "قبل", "عبر", "حول", "بيان", "بيانا", "اليوم", "أمس", "الليلة",
    "صباح", "مساء", "فجر", "ظهر", "قد", "لن", "لم", "لا", "كما", "فيما", "بينما", "حيث", "هو", "هي",
    "و", "أو", "ثم", "كل", "كافة", "جميع", "بعض", "عقب", "إثر", "وسط", "بجملة", "كان", "كانت",
    "كانوا", "تم", "قام", "قامت")}
# "الطرفين", "طرفي النزاع": both sides at once, never one party of a violent event
_BOTH_SIDES = {fold_key(w) for w in ("الطرفين", "الطرفان", "طرفا", "طرفي", "والطرفين", "والطرفان")}
# Words after which the next actor is the agent of a violent event told from its victims' side:
# "قتل X بنيران Y", "برصاص Y", "على يد Y", "بقصف Y"
_AGENT_MARKERS = {fold_key(w) for w in ("بنيران", "نيران", "برصاص", "رصاص", "بقذائف", "بصواريخ",
                                        "يد", "بقصف", "بغارة", "بغارات", "لقصف", "لغارات",
                                        # "هجوم نفذه Y", "هجوم تبنته Y", "هجوم شنته Y"
                                        "نفذه", "نفذها", "نفذته", "نفذتها", "نفذوه", "شنه", "شنها",
                                        "شنته", "شنتها", "تبناه", "تبنته", "تبناها", "تبنتها",
                                        "ارتكبه", "ارتكبها", "ارتكبته", "ارتكبتها",
                                        # "هجوم تم نسبه إلى Y", "نسبت السلطات الهجوم إلى Y"
                                        "نسبه", "نسبها", "المنسوب", "المنسوبة")}
_CONTROL = {fold_key(w) for w in ("سيطرة", "لسيطرة", "بسيطرة", "قبضة", "لقبضة")}
_AFFILIATION = {fold_key(w) for w in ("تابعة", "التابعة", "تابع", "التابع", "موالية", "الموالية",
                                      "موال", "الموالي", "موالين", "الموالين", "التابعين")}
# How much of a report's start tells its country in focus (the lead and first paragraphs;
# reading more costs time and rarely changes the answer)
_FOCUS_CHARS = 1500
_DEMONSTRATIVES = {fold_key(w) for w in ("هذا", "هذه", "ذلك", "تلك", "وهذا", "وهذه")}
_CAUSE = {fold_key(w) for w in ("جراء", "نتيجة", "إثر", "اثر", "بعد", "عندما", "حين", "أثناء",
                                  "اثناء", "بسبب", "في")}
_GROUP_KINDS = ("armed-group", "state-forces", "government", "protesters")
_WITH_PRONOUNS = {fold_key(w) for w in ("معها", "معهم", "معه", "معهما")}
# "من مواقع X": fire from X's positions ("قصف مواقع X" names the target instead)
_POSITIONS = {fold_key(w) for w in ("مواقع", "موقع", "مناطق", "مدفعية")}
_COUNT_WORDS = {fold_key(w) for w in ("من", "عدد", "عشرات", "العشرات", "مئات", "المئات", "نحو",
                                       "حوالي", "قرابة", "أكثر", "اكثر", "جميع", "بعض")}
# "في صفوف X", "بين صفوف X": X took the losses
_RANKS = {fold_key(w) for w in ("صفوف", "بصفوف", "وصفوف")}
# "استشهاد الرقيب ... من منسوبي X": the fallen man's own force
_MEMBERS = {fold_key(w) for w in ("منسوبي", "منتسبي", "منسوبى")}
# a force noun with a possessive pronoun: "قواتها", "وحداته", "عناصرهم" (folded forms)
# (folded forms: fold_key writes ئ as ي)
_POSSESSED_FORCE = re.compile(r"^[وف]?(?:ب|ل)?(?:" + "|".join(fold_key(w) for w in (
    "قوات", "قوة", "وحدات", "عناصر", "جنود", "مقاتلي", "دوريات", "طائرات", "مسيرات", "عسكريي",
    "ضباط", "أفراد", "أبطال", "رجال")) + r")(?:ها|ه|هم|نا)(?: [^ ]+)?$")
_INTERIOR = fold_key("الداخلية")
# what a condemnation condemns when it is no trigger of its own: its nisba names the accused
_CONDEMNED = {fold_key(w) for w in ("العدوان", "عدوان", "الاعتداء", "الاعتداءات", "الانتهاكات",
                                    "الهجمة", "التوغل", "التوغلات", "الاحتلال", "التدخل")}
_DEFENCE = fold_key("الدفاع")
_PASSING = {fold_key(w) for w in ("مرور", "عبور", "تنقل", "وصول", "خروج", "مرورها", "مروره")}
_INTRANSITIVE = tuple(fold_key(w) for w in ("انفجر", "وانفجر", "فانفجر", "تفجر", "وتفجر", "ينفجر",
                                            "تنفجر"))
# words of a unit or spokesman that speaks for the actor named after them
_UNIT_WORDS = {fold_key(w) for w in ("هيئة", "هيئه", "أركان", "اركان", "رئاسة", "قيادة", "القيادة",
                                     "المتحدث", "متحدث", "الناطق", "ناطق", "باسم", "مكتب",
                                     "إعلام", "اعلام", "مصدر", "قائد")}
# "مسلحون يعتقد أنهم من خلايا داعش": the unnamed actor is suspected to be the named one
_SUSPECTED = {fold_key(w) for w in ("يعتقد", "يرجح", "يشتبه", "يعتقد", "يرجّح", "يُعتقد", "يُشتبه",
                                    "يُرجح", "يبدو")}
_SUSPECT_THAT = {fold_key(w) for w in ("أنهم", "انهم", "أنه", "انه", "أنها", "انها", "بأنهم", "بانهم")}
_SUSPECT_SKIP = {fold_key(w) for w in ("من", "ينتمون", "إلى", "الى", "خلايا", "عناصر", "تابعون", "لـ",
                                       "ل", "ينتمي", "تابعين", "مقاتلي", "مسلحي")}
# a sentence that says its incident is another one
_SEPARATE = re.compile(r"^\W*(?:و|ف)?(?:في|فى)? ?(?:حادث|حادثه|حوادث|هجوم|واقعه|سياق|تطور|اعتداء|"
                       r"غاره|تفجير|انفجار)\s+(?:منفصل|منفصله|اخر|اخري|ثان|ثاني|ثانيه|مماثل|مماثله)")
_ORG_HEADS = {fold_key(w) for w in ("وزارة", "وزاره", "قيادة", "هيئة", "مديرية", "إدارة", "ادارة",
                                    "لوزارة", "بوزارة", "ووزارة", "رئاسة", "جرافات", "جرافة", "آليات",
                                    "عربات", "مدرعات", "أرتال", "رتل", "قوات", "جيش", "طائرات",
                                    "مروحيات", "دبابات", "زوارق", "قصف", "مدفعية")}
_BARE_BODIES = {fold_key(w) for w in ("الوزارة", "الهيئة", "المديرية", "القيادة", "الإدارة")}
_RESULT = re.compile(r"(?:ما|مما)\s+(?:أدى|ادى|أدّى|أسفر|اسفر)|(?:أسفر|اسفر|أسفرت|اسفرت)\s+عن")
_TITLES = {fold_key(w) for w in ("الرئيس", "رئيس", "الزعيم", "زعيم", "قائد", "القائد", "وزير",
                                 "الوزير", "المتحدث", "الناطق", "الشيخ", "رئيس الوزراء", "المرجع")}
_TAKEN = {"Arrests", "Abduction/forced disappearance"}
_BARE_FORCES = {fold_key(w) for w in ("الجيش", "الشرطة", "القوات", "الجنود", "الأمن", "الطيران",
                                      "المقاتلات", "الدرك")}
_FORCE_NOUNS = {fold_key(w) for w in ("قوات", "القوات", "ميليشيات", "مليشيات", "الميليشيات", "عناصر",
                                       "مسلحي", "انصار", "أنصار", "كتائب", "جيش", "الموالين")}
# "القاعدة" is al-Qaeda after a group word ("تنظيم القاعدة", "عناصر القاعدة") or before "في"
# ("القاعدة في جزيرة العرب"); otherwise, and before a base adjective, it is a military base
_BASE_WORDS = {fold_key(w) for w in ("القاعدة", "قاعدة", "اقاعدة")}
_BASE_ADJECTIVES = {fold_key(w) for w in ("الجوية", "العسكرية", "البحرية", "الموجودة", "الواقعة", "التي",
                                          "الاستراتيجية", "الجوي")}
_GROUP_WORDS = {fold_key(w) for w in ("تنظيم", "لتنظيم", "بتنظيم", "وتنظيم", "عناصر", "مسلحي", "مقاتلي",
                                      "جماعة", "فرع", "زعيم", "قادة", "قيادي", "مسلحو", "عناصره",
                                      "التنظيم", "شبكة", "خلية", "خلايا", "انصار", "مقاتلو")}
_TARGET_NOUNS = {fold_key(w) for w in ("مواقع", "مقرات", "مقر", "تجمعات", "منازل", "أحياء", "احياء",
                                        "مناطق", "معاقل", "ثكنات", "آليات", "اليات", "مخازن", "مبنى",
                                        "مباني", "المبنى", "ثكنة", "مستودع", "مستودعات", "منزل",
                                        "سيارة", "سيارات", "حافلة", "قافلة", "دبابات")}
_PARTY_WORDS = {fold_key(w) for w in ("حزب", "لحزب", "بحزب", "وحزب", "منظمة", "حركة", "اتحاد")}
# cause words that tie losses told earlier to an attack: _CAUSE without "بعد" (a later event),
# with "عقب"/"خلال"; "عندما/حين/أثناء" are the same moment ("قتل جندي عندما انفجر لغم")
_CAUSE_WORDS = (_CAUSE - {fold_key("بعد")}) | {fold_key(w) for w in ("عقب", "خلال")}
# "وجرح 24 آخرون": more victims of a casualty verb, so that verb had no object
_OTHERS = {fold_key(w) for w in ("آخرون", "آخرين", "اخرون", "اخرين", "آخر", "اخر")}
# heads of a fighters' phrase after an attack noun's لـ ("هجوم انتحاري لمتمردي حزب العمال")
_FIGHTER_HEADS = {fold_key(w) for w in ("متمردي", "مسلحي", "مقاتلي", "عناصر", "ميليشيا", "مليشيا",
                                        "ميليشيات", "مليشيات", "جماعة", "تنظيم", "قوات", "مجموعة")}
_OUTLAW = {fold_key(w) for w in ("خارجة", "الخارجة", "خارجين", "الخارجين", "الخارجون")}
_LAW = {fold_key(w) for w in ("القانون",)}
_PREPS = {fold_key(w) for w in ("في", "إلى", "الى", "على", "من", "عن", "نحو", "داخل", "حول", "قرب",
                                "عبر", "لدى", "عند", "باتجاه", "صوب", "تجاه")}
_COMPLEMENTIZERS = {fold_key(w) for w in ("أن", "إن", "بأن", "وأن", "وإن", "فإن", "بان")}
_ALSO = {fold_key(w) for w in ("كما", "وكما")}
_RELATIVES = {fold_key(w) for w in ("التي", "الذي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي")}
_PURPOSE_PROCLITICS = {"ل", "ول", "فل", "لل", "ولل", "فلل"}
# verbs whose object takes لـ: "تصدت لهجوم", "تعرض لقصف" (the لـ is no purpose)
_ISTASHHAD = fold_key("استشهد")
_NISBA_ENDS = ("ي", "يه", "يين", "يون", "يا", "يان")
_MEMBER_NOUNS = {fold_key(w) for w in ("قيادي", "قياديا", "القيادي", "قياديين", "عنصر", "عنصرا", "عنصرين",
                                       "عنصران", "عناصر", "مقاتل", "مقاتلا", "مقاتلين", "قائد", "قائدا",
                                       "مسؤول", "مسؤولا", "عضو", "عضوا", "أعضاء", "اعضاء", "ضابط", "ضابطا")}
_HELD = {fold_key(w) for w in ("مناطق", "منطقة", "تحت", "الخاضعة", "الخاضع", "خاضعة", "خاضع",
                               "الواقعة", "ومناطق", "بمناطق", "لمناطق")}
_TARGETING = tuple(fold_key(w) for w in ("استهداف", "الاستهداف"))
_ANNOUNCE = tuple(fold_key(w) for w in ("أعلن", "اعلن", "تبنى", "تبنت", "يعلن", "تعلن"))
_AMONG = {fold_key(w) for w in ("بينهم", "منهم", "بينها", "بينهما", "وبينهم", "ومنهم")}
_HARDWARE = {fold_key(w) for w in ("المدفعية", "مدفعية", "الطائرات", "طائرات", "الطيران", "طيران",
                                   "المسيرات", "مسيرات", "الصواريخ", "صواريخ", "القذائف", "قذائف",
                                   "الدبابات", "دبابات", "المروحيات", "مروحيات", "الرشاشات", "الأسلحة",
                                   "اسلحة", "الاسلحة", "طائرة", "طائرة مسيرة", "مسيرة", "المسيرة",
                                   "الطائرة", "صاروخ", "قذيفة", "عبوة", "عبوة ناسفة")}
_UNIT_HEADS = {fold_key(w) for w in ("دورية", "دوريات", "قوة", "رتل", "أرتال", "ارتال", "قافلة", "نقطة",
                                     "حاجز", "مقر", "عناصر", "عنصر", "وحدة", "وحدات")}
_UNDERGO = tuple(fold_key(w) for w in ("تعرض", "وتعرض", "يتعرض", "تتعرض"))
_TAKES_LA = {fold_key(w) for w in ("تصدت", "تصدى", "تصدوا", "وتصدت", "وتصدى", "التصدي", "تعرض", "تعرضت",
                                   "وتعرضت", "وتعرض", "تعرضوا", "يتعرض", "تتعرض", "صدت", "تعرضها",
                                   "تعرضه")}
# Verbs that launch an attack, after its noun: "قصف شنه X", "هجوم نفذته X" (folded forms).
_LAUNCH = tuple(fold_key(w) for w in ("شنه", "شنها", "شنته", "شنتها", "شنوه", "شنها", "نفذه",
                                      "نصبه", "نصبها", "نصبته", "نصبتها", "نصبوه",
                                      "نفذها", "نفذته", "نفذتها", "اطلقه", "اطلقها", "اطلقته",
                                      "اطلقتها", "شنت", "شن ", "تبناه", "تبنته", "تبناها",
                                      "تبنتها", "تبنوه", "تبنى", "تبنت"))
_VIOLENT_PLOVER = {"ASSAULT"}
# detection (see _charged_with, _passive_participle, _safety_warning, _heard_only)
_CHARGE_WORDS = {fold_key(w) for w in ("بتهم", "بتهمة", "وبتهم", "وبتهمة", "بتهمتي", "تهم", "تهمة",
                                       "التهم", "بجرائم", "بجريمة")}
_ACCUSED = tuple(fold_key(w) for w in ("متهم", "المتهم", "لمتهم", "للمتهم", "بالمتهم"))
_ACCUSE_VERBS = {fold_key(w) for w in ("اتهم", "اتهمت", "اتهموا", "يتهم", "تتهم", "يتهمون", "اتهام",
                                       "متهما", "متهمة", "متهمين")}
_IMPLICATED = tuple(fold_key(w) for w in ("متورط", "المتورط", "للمتورط"))
_IN_WORDS = {fold_key(w) for w in ("في", "فى")}
_HAZARD = tuple(fold_key(w) for w in ("الاقتراب", "خطر", "مخاطر", "الأجسام", "مخلفات", "الألغام"))
_BACKDROP = {fold_key(w) for w in ("خلفية",)}
_ON = {fold_key(w) for w in ("على", "وعلى")}
_WAS = {fold_key(w) for w in ("كان", "كانت", "كانوا", "وكان", "وكانت", "وكانوا", "فكان", "فكانت",
                              "فكانوا", "كانا", "كانتا")}
_COMPLIANCE = {fold_key(w) for w in ("تنفيذا", "تنفيذاً", "تطبيقا", "تطبيقاً", "وفقا", "وفقاً", "طبقا",
                                     "طبقاً", "بموجب", "استنادا", "استناداً")}
_REPLY = {fold_key(w) for w in ("رد", "ردا", "رداً", "ردًا", "وردا", "ورداً")}
_HEARD = {fold_key(w) for w in ("سمع", "سمعت", "وسمع", "وسمعت", "سماع", "وسماع", "يسمع", "تسمع",
                                "ويسمع", "دوي", "ودوي")}
# How precisely a sub-type names what happened (see _Extractor._merge_specific).
_SPECIFICITY = {"Suicide bomb": 3, "Grenade": 3, "Air/drone strike": 3, "Chemical weapon": 3,
                "Remote explosive/landmine/IED": 2, "Shelling/artillery/missile attack": 2,
                "Government regains territory": 3, "Non-state actor overtakes territory": 3,
                "Armed clash": 1, "Attack": 1}
_TERRITORY = {"Government regains territory", "Non-state actor overtakes territory"}
# A protest told with a plain word and a precise one is one event of the precise sub-type
# ("تظاهر المئات ... وفرقتهم الشرطة بالغاز": a protest with intervention); see _merge_specific
_PROTEST_RANK = {"Peaceful protest": 1, "Protest with intervention": 2, "Violent demonstration": 2.5,
                 "Excessive force against protesters": 3}
# protester nouns (after proclitics and the article): the protesters' own words in a report
_CROWD = re.compile(r"^[وفبل]?(?:ال|لل)?(?:متظاهر|محتج|معتصم|مشيع)[^ ]*$")
_PROTESTERS = "protesters"
# a crowd told by its size ("خرج آلاف", "تجمع العشرات", "المئات من")
_CROWD_COUNTS = {fold_key(w) for w in ("آلاف", "الآلاف", "مئات", "المئات", "عشرات", "العشرات",
                                        "ألوف", "حشود", "الحشود", "حشد", "المواطنين", "الأهالي",
                                        "أهالي", "سكان", "طلاب", "الطلاب", "طلبة", "المعلمين",
                                        "معلمين", "العمال", "عمال", "المتقاعدين", "متقاعدين")}
_DRONE = re.compile(r"^[وفب]?(?:ال)?(?:مسير|طائره مسير|درون)[^ ]*$")
_RIOTERS = "rioters"
_SETTLERS = "israeli-settlers"
_ANY = fold_key("أي")
# a crowd of relatives or young men, and what a mob wields
_MOB_NOUNS = re.compile(r"^[وفبل]?(?:ال|لل)?(?:اقارب|ذوي|ذوو|شبان|الشبان|شباب)$")
_MOB_MEANS = re.compile(r"^[وفب]?(?:ال)?(?:عصي|حجار[^ ]*|هراوات|سكاكين|بالضرب|ضرب)$")
_ATTACK_WORD = re.compile(r"^[وف]?(?:هاجم|اقتحم|اعتد)[^ ]*$")
_RAID = fold_key("أغار")
_IDF = "israel-military"
_ARMED = fold_key("مسلح")
_RIGHT_TO = {fold_key(w) for w in ("حق", "وحق", "حرية", "وحرية", "الحق", "حقوق")}
# the future verbs that answer a condition ("ستواجه بالقانون", "سيكون هدفاً", "سنرد")
_WILL_MEET = re.compile(r"^(?:ست|سي|سن)(?:واجه|قابل|كون|تم|رد|دفع|عتبر|تعامل|عامل|لقي|حاسب|عاقب)[^ ]*$")
# a bare institution word pointing back at the speaker's own body
_INSTITUTION_BACKREFS = {fold_key(w) for w in ("الوزارة", "الحكومة", "الجيش", "القوات المسلحة",
                                                "القيادة", "الأجهزة الأمنية", "القوات الأمنية",
                                                "الحركة", "الجماعة", "المديرية", "الهيئة")}
_MUTUAL = fold_key("متبادل")
_QUARTER_NOUNS = {fold_key(w) for w in ("حي", "وحي", "بحي", "الحي", "أحياء", "حيي")}
_HOLD_RESPONSIBLE = tuple(fold_key(w) for w in ("حمل", "يحمل", "تحمل", "محمل", "تحميل"))
_YOUTHS = re.compile(r"^[وفب]?(?:ال|لل)?(?:شبان|شباب|فتي[هة]|صبي[هة])$")
# stones thrown ("بالحجارة", "رشقوا", "يرشقون"); not "رشقات" (bursts of gunfire or rockets)
_STONES = re.compile(r"^[وفب]?(?:ال)?(?:حجار[^ ]*|رشق|رشقت|رشقوا|رشقوها|رشقها|يرشق[^ ]*|ترشق[^ ]*|زجاجات|زجاجه)$")
# weapon platforms whose side is the one that fires: aircraft, drones, artillery, warships
_PLATFORM = re.compile(r"^[وفب]?(?:ال)?(?:طاير|طيران|مسير|مروحي|مقاتل|مدفعي|زوارق|بوارج|دبابات)[^ ]*$")
_UNIDENTIFIED = "unidentified-armed-group"   # the knowledge base's "armed men" of no known side
_DISPERSE = (fold_key("تفريق"), fold_key("فض"))
_SINCE_WORD = fold_key("منذ")
_VILLAGE_NOUNS = {fold_key(w) for w in ("قرية", "بلدة", "مزرعة", "حي", "قريتي", "بلدتي", "مخيم")}
_BISM = fold_key("باسم")
_RANKS = {fold_key(w) for w in ("العميد", "اللواء", "العقيد", "المقدم", "الرائد", "النقيب", "الشيخ",
                                "الدكتور", "المهندس", "القاضي", "العماد", "الفريق", "المحامي")}
# "الأنقاض التي خلفتها المعارك": what old fighting left behind (see _mention)
_AFTERMATH = re.compile(r"^(?:خلفت|خلفته|خلفتها|خلفه|خلفها|خلفتهم|خلفوها)$")
# weapons held or seized ("بحوزتهم", "يحتوي على", "ضبط", "مصادرة") and what fires them
_HOLDING = re.compile(r"^[وف]?(?:ب?حوزت[^ ]*|يحتوي|يحوي|تحتوي|تحوي|ضبط[^ ]*|مصادرة|مصادرته|مصادرتها|"
                   r"صادرت|صادروا|عثر[^ ]*|العثور|تضبط|يضبط|مضبوطات)$")     # not مصادر (sources)
# reinforcements "comprising" rocket launchers, a depot "used to store" shells: only with the
# weapon within four words after ("مخازن الحبوب بمدينة الحسكة إثر سقوط قذيفة" is a shell that fell)
_HOLDING_NEAR = re.compile(r"^[وف]?(?:ضمت|تضم|يضم|تضمنت|لتخزين|تخزين|يخزن|تخزن|مخزن|مخازن)$")
_FIRING = re.compile(r"^[وف]?(?:قصف|استهدف|استهداف|اطلق|اطلاق|شن|انفجار|انفجر|تفجير|فجر|هاجم|"
                     r"قتل|مقتل|اصاب|اصابة)[^ ]*$")
_AGAINST = {fold_key(w) for w in ("على", "ضد", "بحق")}
# what rioters do (perfects, plural perfects, verbal nouns)
_RIOT_ACT = re.compile(r"^[وف]?(?:اضرم|احرق|رشق|حطم|كسر|اقتحم|هاجم|اعتد|اضرام|احراق|تحطيم|اقتحام)[^ ]*$")
# "بين القتلى 35", "بينهم", "منهم": the count after these is a part of a total (see _count)
_BREAKDOWN = {fold_key(w) for w in ("بين", "بينهم", "بينهن", "بينها", "منهم", "منهن", "بينهما")}
# indefinite singular casualty nouns: one person ("قتيل و18 جريحاً")
_SINGULAR_CASUALTY = {fold_key(w) for w in ("قتيل", "قتيلا", "جريح", "جريحا", "مصاب", "مصابا",
                                            "شهيد", "شهيدا", "معتقل", "معتقلا", "موقوف")}
# casualty words that take a person noun as subject or object: "قتل شرطي", "استشهاد شاب"
_PERSON_HEADS = tuple(fold_key(x) for x in ("قتل", "اصيب", "جرح", "استشهاد", "إصابة", "وفاة",
                                            "مصرع", "اعتقال", "توقيف"))
# after "و4": words that say the number counts people
_PEOPLE_AFTER_NUMBER = {fold_key(w) for w in ("من", "آخرين", "آخرون", "اخرين", "آخر")}
# civilian-target cues that are no people ("و3 منازل"; مزارع is farms as well as farmers)
_NOT_PEOPLE = {fold_key(w) for w in ("منزل", "منازل", "مزارع", "المنازل", "المزارع")}
# person_count words that are no person when summed after و ("وآخر": and another <thing>)
_NOT_PERSON_ITEM = {fold_key(w) for w in ("آخر", "اخر", "مسؤول")}
# relatives with a possessive suffix: "رجل وزوجته", "امرأة وطفلها" (see _person_count)
_KIN = {fold_key(w) for w in (
    "زوجته", "زوجها", "ابنه", "ابنها", "ابنته", "ابنتها", "طفله", "طفلها", "طفلته", "طفلتها",
    "شقيقه", "شقيقها", "شقيقته", "شقيقتها", "اخيه", "اخوه", "اخته", "اختها", "والده", "والدها",
    "والدته", "والدتها", "نجله", "نجلها", "حفيده", "حفيدها", "مرافقه", "سائقه")}
# "لم تصدر حصيلة", "لم ترد معلومات عن خسائر": a toll that is not known (see _no_toll)
_TOLL_WORDS = {fold_key(w) for w in ("حصيلة", "الحصيلة", "خسائر", "الخسائر", "معلومات", "أنباء",
                                     "انباء")}
_ARTICLES = ("ال", "لل", "بال", "كال")
_MIN = fold_key("من")
_BRACKETED_NUMBER = re.compile(r"\(\s*[\d٠-٩]+\s*\)")
_BESIDES = {(fold_key(a), fold_key(b)) for a, b in (
    ("إضافة", "إلى"), ("بالإضافة", "إلى"), ("اضافة", "الى"), ("بالاضافة", "الى"), ("فضلا", "عن"),
    ("علاوة", "على"))}
# casualty words before a singular pronoun suffix (ه, ها): one person ("مقتله", "إصابتها")
_HIS_HEADS = {fold_key(w) for w in ("مقتل", "مصرع", "استشهاد", "اعتقال", "وفات", "اصابت", "قتل",
                                    "توقيف", "احتجاز", "جرح")}
# "عام 2024", "العام 2023": a year named in a toll's clause (see _past_toll)
_YEAR_RE = re.compile(r"(?<!\w)(?:[وفبل]?(?:ال)?عام|[وفبل]?(?:ال)?سنه|[وفبل]?(?:ال)?سنة)\s+(\d{4})(?!\d)")
# "لقي N ... مصرعهم" (met their death)
_LAQIYA = {fold_key(w) for w in ("لقي", "لقيت", "لقوا", "يلقى", "لقى")}
_MASRA = fold_key("مصرع")
# plural casualty nouns that, negated, mean no casualties of any kind
_CASUALTIES_WORDS = {fold_key(w) for w in ("إصابات", "اصابات", "خسائر", "ضحايا")}
# "أحد"/"إحدى" (one of): the noun after it is the group, see _quantity_owner
_ONE_OF = {fold_key(w) for w in ("أحد", "إحدى", "احدى")}
# number words that follow their counted noun ("جنديين اثنين", "شخص واحد")
_NUMBER_AFTER_NOUN = {fold_key(w) for w in ("اثنين", "اثنان", "اثنتين", "اثنتان", "واحد", "واحدة")}
_COUNT_RANK = {"exact": 6, "at_least": 5, "approx": 4, "unspecified": 3, "unconfirmed": 2,
               "none": 1}
MIN_EMIT = 0.4
_CASUALTY_CATS = ("killed", "injured", "arrested")
_ALA, _AL_AQALL = fold_key("على"), fold_key("الأقل")
_LINK = (fold_key("رابط"), fold_key("الخبر"))
_SINCE = {fold_key(w) for w in ("منذ", "ومنذ")}
_PUNISH = tuple(fold_key(w) for w in ("بمعاقبة", "بملاحقة", "بالقصاص", "بالانتقام", "بالثأر", "بسحق",
                                       "بالرد", "بمحاسبة"))
_GOES_ON = tuple(fold_key(w) for w in ("استمر", "واستمر", "تواصل", "وتواصل", "تجدد", "وتجدد",
                                        "تستمر", "وتستمر", "يستمر", "ويستمر", "تتواصل", "وتتواصل"))
# generic attack nouns that, with the article, refer back to an event told before
_BACK_REF_NOUNS = {fold_key(w) for w in ("هجوم", "هجمات", "معارك", "اشتباكات", "مواجهات", "انفجار",
                                         "تفجير", "تفجيرات", "عملية", "هجومين", "قصف", "غارات", "غارة")}
# function words that may precede a clause's verb without being its subject
_CLAUSE_OPENERS = {fold_key(w) for w in ("فيما", "وفيما", "بينما", "وبينما", "كما", "وكما", "قد", "وقد",
                                         "فقد", "ثم", "لقد", "ولقد", "اليوم", "امس", "أمس", "بدوره",
                                         "بدورها", "من جهته", "من جهتها", "جهته", "جهتها", "من",
                                         "في", "وفي", "حين")}
_PRONOUN_COMPS = {fold_key(w) for w in ("إنه", "إنها", "إنهم", "فإنه", "فإنها", "فإنهم", "وإنه", "وإنها",
                                        "أنه", "أنها", "أنهم", "بأنه", "بأنها", "وأنه", "وأنها")}
# first words of two-word place names ("بني سعد", "أم حوش", "جبل العليقة")
_TOPONYM_HEADS = {fold_key(w) for w in ("أبو", "ابو", "أم", "ام", "بني", "بيت", "دير", "تل", "جبل",
                                         "عين", "خان", "كفر", "رأس", "راس", "بئر", "سيدي", "وادي")}
_REGION_WORDS = ("ريف ", "محافظه ", "مدينه ", "محافظة ", "مدينة ")


def _bare_place(key: str) -> str:
    """A place key without a leading countryside/governorate/city word ("ريف القنيطرة")."""
    for w in _REGION_WORDS:
        if key.startswith(w) and len(key) > len(w) + 2:
            return key[len(w):]
    return key


def _in_lex(form: str, lex) -> bool:
    """``form`` or, after a conjunction و, the rest of it is in ``lex`` ("ووزير" and "وزير" are
    both the title: a plain removeprefix would read "وزير" as "زير")."""
    return form in lex or (form[:1] == "و" and form[1:] in lex)


_PUNCT = "،,.:؛;()«»\"“”!?؟"
# event location helpers (see _Extractor._location)
_AWAY_PREPS = {"الى", "نحو", "من", "ل", "باتجاه", "صوب"}
_BETWEEN = {fold_key(w) for w in ("بين", "وبين")}
_IN_WORDS = {fold_key(w) for w in ("في", "وفي", "فى")}
_MORE_PLACE_HEADS = {fold_key(w) for w in ("احياء", "أحياء", "حيي", "مديرية", "بمديرية", "قضاء", "بقضاء",
                                            "ناحية", "بناحية", "واحياء", "وأحياء")}
_MAIN_SENT_BONUS = 1.0   # a place in the main mention's own sentence (+2 more in its clause)
_ROAD_WORDS = {fold_key(w) for w in ("طريق", "الطريق", "أوتوستراد", "اوتوستراد", "الأوتوستراد")}
_DIRECTION_WORDS = {fold_key(w) for w in ("شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي",
                                          "غربي", "شمالا", "جنوبا", "شرقا", "غربا")}
_DISTANCE_WORDS = {fold_key(w) for w in ("كم", "كلم", "كيلو", "كيلومتر", "كيلومترا", "كيلومترات",
                                         "ميل", "ميلا", "أميال")}


# --------------------------------------------------------------------------- options

# The document gate (see config.DEFAULT_CONFIG): what a report's violence cues must reach for
# it to yield events at all, and statements in particular.
GATE_DEFAULTS = {k: float(getattr(_Options, k)) for k in
                 ("min_violence", "verbal_min_violence", "violence_density", "violence_enough")}

def _opt(options, name: str, default):
    """Read an option from an Options object, a dict, or Options.extra (None -> default)."""
    if options is None:
        return default
    if isinstance(options, dict):
        return options.get(name, default)
    if hasattr(options, name):
        v = getattr(options, name)
        return default if v is None else v
    extra = getattr(options, "extra", None) or {}
    return extra.get(name, default)


def _number(value, default: float, name: str) -> float:
    """A numeric option: None is the default; anything else must read as a finite number."""
    if value is None:
        return default
    try:
        x = float(value)
    except (TypeError, ValueError):
        x = math.nan
    if not math.isfinite(x):
        raise MarsadError("E_CONFIG", f"option {name} = {value!r} is not a number",
                          f"set {name} to a number (default {default})")
    return x


# --------------------------------------------------------------------------- working structures

@dataclass(slots=True)
class ActorSpan:
    start: int
    end: int
    text: str
    etype: str
    actor_id: str | None = None
    named: bool = True        # an entity (True) or an unnamed noun phrase (False)


@dataclass(slots=True)
class Mention:
    """One occurrence of a trigger that counts as an event mention."""

    match: Match
    sent: int                              # sentence index
    clause: tuple[int, int]
    plover: str
    acled_type: str | None
    acled_subtype: str | None
    mode: str
    weight: float
    flags: set
    absorb_into: set
    actor1: ActorSpan | None = None
    actor2: ActorSpan | None = None
    role_score: float = 0.0
    evidence: tuple[int, int] = (0, 0)
    certainty: str = "reported"
    attributions: list = field(default_factory=list)

    @property
    def key(self) -> str:
        return self.acled_subtype or self.plover


@dataclass(slots=True)
class Group:
    """Mentions merged into one document event."""

    mentions: list

    @property
    def primary(self) -> Mention:
        return max(self.mentions, key=lambda m: (m.weight, -m.match.start))

    @property
    def key(self) -> str:
        return self.primary.key


# --------------------------------------------------------------------------- the extractor

class _Extractor:
    def __init__(self, doc: Doc, resolver, geocoder, options):
        self.doc = doc
        self.text = doc.text if isinstance(doc.text, str) else ""
        self.resolver = resolver
        self.geocoder = geocoder
        self.background_days = int(_opt(options, "background_days", 30) or 30)
        self.min_conf = float(_opt(options, "min_confidence", 0.0) or 0.0)
        gate = {k: _number(_opt(options, k, v), v, k) for k, v in GATE_DEFAULTS.items()}
        self.min_violence = gate["min_violence"]
        self.verbal_min_violence = gate["verbal_min_violence"]
        self.violence_density = gate["violence_density"]
        self.violence_enough = gate["violence_enough"]
        hint = _opt(options, "country_hint", "") or None
        self.country_hint = hint
        self._focus: str | None | bool = False        # computed on first use (see focus)
        self._states_ok = False      # countries may be parties (of statements: see _roles)
        data_dir = _opt(options, "events_data_dir", None)
        self.lex: Lexicon = load_lexicon(data_dir) if data_dir else default_lexicon()
        self.published: _dt.date | None = getattr(doc.document, "published", None)
        self.words: list[Word] = words_of(self.text)
        self._starts = [w.start for w in self.words]
        self._ends = [w.end for w in self.words]
        # every pattern set is looked up through one pass over the words (lexicon.DocScan)
        self.scan = self.lex.scan(self.words)
        sents = [(s.start, s.end) for s in (doc.sentences or [])]
        self.sentences = sents or split_sentences(self.text)
        self.sent_words = [self._word_range(a, b) for a, b in self.sentences]
        self.entities: list[Entity] = sorted(
            (e for e in (doc.entities or []) if 0 <= e.start < e.end <= len(self.text)),
            key=lambda e: (e.start, -e.end))
        self.times = [t for t in (doc.times or []) if t.value]
        self.quantities = list(doc.quantities or [])
        # Cue matches, once per document.
        self.cues: dict[str, list[Match]] = {
            cat: longest(self.scan.find(f"cue:{cat}")) for cat in self.lex.cues}
        self.objectives: list[tuple[int, Span]] = []      # (sentence, span)
        for c in self.cues.get("objective", ()):
            si = self._sentence_of(c.start)
            if self.sentences:
                cl = clause_bounds(self.text, *self.sentences[si], c.start)
                if cl[1] > c.end:
                    self.objectives.append((si, Span(c.start, cl[1])))
        self._resolved: dict[tuple[str, str], str | None] = {}
        self._material_sents = 0
        self.features = {}
        cal = _opt(options, "calibration", None)
        if cal is False or cal == "off":
            self.calibrator = None           # rules alone (training reads raw candidates)
        elif isinstance(cal, Calibrator):
            self.calibrator = cal
        elif isinstance(cal, (str, Path)) and cal:
            self.calibrator = load_calibrator(cal)
        else:
            self.calibrator = default_calibrator()

    # ---------------------------------------------------------------- small helpers
    def _word_range(self, a: int, b: int) -> tuple[int, int]:
        """Words ``[lo, hi)`` from the first word starting at or after ``a`` to the last one
        ending at or before ``b``."""
        lo = bisect.bisect_left(self._starts, a)
        return lo, max(lo, bisect.bisect_right(self._ends, b))

    def _word_at(self, pos: int) -> int | None:
        """The word containing ``pos``, else the next word; None after the last word."""
        k = bisect.bisect_right(self._ends, pos)
        return k if k < len(self.words) else None

    def _cues_in(self, cat: str, a: int, b: int) -> list[Match]:
        return [m for m in self.cues.get(cat, ()) if m.start >= a and m.end <= b]

    def _cue_before(self, cat: str, first: int, n: int, clause_start: int) -> Match | None:
        """A cue whose last word lies within the ``n`` words before word ``first``."""
        for m in self.cues.get(cat, ()):
            if first - n <= m.last < first and m.start >= clause_start:
                return m
        return None

    def _sentence_of(self, pos: int) -> int:
        for i, (a, b) in enumerate(self.sentences):
            if a <= pos < b:
                return i
        return max(0, len(self.sentences) - 1)

    def _date_of(self, value: str | None, last: bool = False) -> _dt.date | None:
        if not value:
            return None
        try:
            parts = [int(p) for p in value.split("-")]
            if len(parts) == 3:
                return _dt.date(*parts)
            if len(parts) == 2:
                d = _dt.date(parts[0], parts[1], 1)
                if last:
                    nxt = _dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
                    d = nxt - _dt.timedelta(days=1)
                return d
            if len(parts) == 1:
                return _dt.date(parts[0], 12, 31) if last else _dt.date(parts[0], 1, 1)
        except (ValueError, TypeError):
            return None
        return None

    # ---------------------------------------------------------------- run
    def run(self) -> list[Event]:
        mentions: list[Mention] = []
        self.features: dict[int, dict[str, float]] = {}
        cut = self._link_line_start()
        for si, (a, b) in enumerate(self.sentences):
            lo, hi = self.sent_words[si]
            if lo >= hi or a >= cut:
                continue
            found = longest(self.scan.find("triggers", lo, hi))
            for m in found:
                mention = self._mention(m, si, found)
                if mention is not None:
                    mentions.append(mention)
        for mn in mentions:
            self._roles(mn, mentions)
        self._refine(mentions)
        # How much of the document speaks of violence: news that mentions a clash once in
        # passing (sport, economy) differs from a conflict report.
        self._material_sents = len({mn.sent for mn in mentions if mn.mode == "material"
                                    and mn.weight >= MIN_EMIT})
        mentions = [mn for mn in mentions if self._emit_ok(mn)]
        for mn in mentions:
            self._attribution(mn)
        self._lead_attribution(mentions)
        groups = self._merge(mentions)
        score = self.violence_score()
        density = 1000 * score / max(1, len(self.text.strip()))
        if score < self.min_violence or (density < self.violence_density
                                         and score < self.violence_enough):
            # News that barely speaks of violence (a football "attack", a market called "the
            # rockets", a minister's visit) is out of the scope of conflict coding - except a
            # demonstration the report leads with: protests are coded, and a report of a
            # peaceful sit-in has few violence words.
            groups = [g for g in groups if self._lead_protest(g)]
        if not self._conflict_context():
            groups = [g for g in groups if g.primary.mode != "verbal"]
        elif score < self.verbal_min_violence:
            # a statement in a report with little violence is coded when its own sentence
            # speaks of force ("مهدداً بضرب أي قوات تقترب"); a minister's visit is not
            groups = [g for g in groups if g.primary.mode != "verbal" or self._sentence_violence(g) >= 2]
        groups = [g for g in groups if g.primary.mode == "verbal" or self._violent_evidence(g)]
        events = [self._build(g, groups) for g in groups]
        events = [e for e in events if e is not None]
        self._answer_denials(events)
        if self.calibrator is not None:
            kept = []
            for e in events:
                p = self.calibrator.prob(self.features.get(id(e), {}))
                if self.calibrator.keep(p):
                    e.confidence = round(min(0.99, max(0.01, p)), 3)
                    kept.append(e)
            events = kept
        events = [e for e in events if e.confidence >= self.min_conf]
        events.sort(key=lambda e: (e.evidence[0].start if e.evidence else 0))
        for n, e in enumerate(events, 1):
            e.id = f"{self.doc.id}:e{n}"
        return events

    def _answer_denials(self, events: list[Event]) -> None:
        """A denial with no target answers the accusation told before it against the denier
        ("اتهمت الهيئة فصائل تابعة لوزارة الدفاع ... ونفت وزارة الدفاع استهداف المدنيين"): its
        target is the accuser (a role pointing at the accuser's words in this report)."""
        for e in events:
            if e.plover != "REJECT" or e.actor2 is not None or e.actor1 is None \
                    or not e.actor1.actor_id or not e.evidence:
                continue
            accusers = [a for a in events if a.plover == "ACCUSE" and a.actor1 is not None
                        and a.actor2 is not None and a.evidence
                        and a.evidence[0].start < e.evidence[0].start
                        and self._one_party(a.actor2.actor_id, e.actor1.actor_id)
                        and not self._one_party(a.actor1.actor_id, e.actor1.actor_id)]
            if accusers:
                e.actor2 = accusers[-1].actor1

    def _one_party(self, x: str | None, y: str | None) -> bool:
        """Two actor ids are one party: the same, or two state bodies of one country (a
        defence ministry and its forces)."""
        if not x or not y:
            return False
        if x == y:
            return True
        actors = self._kb_actors
        a, b = actors.get(x), actors.get(y)
        state = ("state-forces", "state-agency", "government")
        return a is not None and b is not None and a.kind in state and b.kind in state \
            and bool(a.country) and a.country == b.country

    def _link_line_start(self) -> int:
        """Where a "رابط الخبر" line starts (the headline repeated under a link): nothing from
        there on reports a new event; the text length when there is none."""
        for i in range(len(self.words) - 1):
            if self.words[i].form == _LINK[0] and self.words[i + 1].form == _LINK[1]:
                return self.words[i].start
        return len(self.text)

    # ---------------------------------------------------------------- 1. mentions
    def _mention(self, m: Match, si: int, found: list[Match]) -> Mention | None:
        row = m.pattern.row
        s_a, s_b = self.sentences[si]
        clause = clause_bounds(self.text, s_a, s_b, m.start)
        mode = row["mode"]
        flags = row["flags"]
        c0 = clause[0]
        if "no_article" in flags and "ال" in m.proclitic:
            return None        # a verb takes no article: "الطالب" is a student, "النصرة" a name
        if "territory" in flags and m.first > 0 and self.words[m.first].form in _CONTROL \
                and self.words[m.first - 1].form in _HELD:
            return None        # "مناطق سيطرة قسد", "تحت سيطرة": who holds a place, not a takeover
        # Not an occurrence: negated, hypothetical, prevented, attempted, or a stated aim.
        if self._cue_before("negation", m.first, 2, c0):
            return None
        hyp = self._cue_before("hypothetical", m.first, 3, c0)
        if hyp is not None and hyp.first > 0 and self.words[hyp.first - 1].form == _ALA:
            hyp = None         # "قتل 25 على الأقل في اشتباكات": a hedge on a count, not "the least"
        if row["plover"] == "THREATEN" and mode == "verbal":
            hyp = None         # a threat is conditional by nature ("أي محاولة ... ستقابل بحزم")
        if hyp is not None or ("س" in m.proclitic and row["plover"] != "THREATEN"):
            return None
        if row["plover"] == "PROTEST" and m.first > 0 and self.words[m.first - 1].form in _RIGHT_TO:
            return None        # "حق التظاهر السلمي مكفول": the right to protest, no protest
        if mode == "material" and self._any_will(m, clause):
            return None        # "أي محاولة لإثارة النعرات أو الاعتداء على الممتلكات ستواجه
                               # بالقانون": the act is the condition of a threat
        if "attempt_ok" not in flags and self._cue_before("attempt", m.first, 5, c0):
            return None
        if mode == "material" and self._cues_in("habitual", c0, clause[1]):
            return None        # "ويقصف النظام بانتظام مناطق ...": a habit, not an occurrence
        obj = self._cue_before("objective", m.first, 4, c0)
        if obj is not None:
            return None
        if mode == "material" and m.proclitic in _PURPOSE_PROCLITICS and not self._in_execution_of(m) \
                and not any(self.words[k].form in _TAKES_LA for k in range(max(m.first - 3, 0), m.first)) \
                and not self.words[m.first].form[len(m.proclitic):].startswith(_DISPERSE):
            # (not "أطلقت النار لتفريق المتظاهرين": the dispersal is how the force acted)
            self.objectives.append((si, Span(m.start, clause[1])))
            return None
        if mode == "verbal" and self._cue_before("adjunct", m.first, 1, c0):
            return None
        if mode == "verbal" and "ب" in m.proclitic:
            return None        # "اتهمه بدعم ...", "بدعم من": a complement, not a statement
        if mode == "verbal" and "ل" in m.proclitic and any(
                o.pattern.row["plover"] == "PROTEST" and o.first < m.first for o in found):
            return None        # "وقفة احتجاجية ... للمطالبة برواتبهم": the protest's aim
        if mode == "verbal" and self.words[m.first].form.startswith(("ال", "وال")) and \
                self._statement_between(self.words[max(m.first - 3, 0)].start, m.start):
            return None        # "رفضت الحكومة الاتهامات الإسرائيلية": what is rejected, not said
        if mode == "verbal" and self._past_habit(m):
            return None        # "والجنود كانوا يدعمون الدرك": what someone used to do
        for o in found:
            if o.pattern.row["mode"] != "verbal" or o.pattern.row["plover"] in (
                    "REJECT", row["plover"]) or o.last >= m.first or o.start < c0:
                continue       # a denial is coded as such; "لدعم ومساندة" is one event told twice
            # "هددت بالاعتصام", "اتهم الجيش بقصف", "طالب بالتركيز على أعمال الإغاثة", "طلب الدعم":
            # the content of a statement, not an occurrence (a demand's whole clause is content)
            near = m.first - o.last <= 3
            if near or (mode == "material" and o.pattern.row["plover"] in ("REQUEST", "THREATEN",
                                                                             "AGREE")):
                return None
        if "needs_speech" in flags and not self._cues_in("speech", s_a, s_b):
            return None
        if self._charged_with(m, c0):
            return None        # "ملاحقون بتهم الاعتداء على ... وقتل مدنيين": an indictment
        if self._cues_in("retelling", s_a, m.start):
            return None        # "تلا القاضي قرار الاتهام ...", "في جلسة محاكمة ...": a courtroom
                               # retells old acts and charges; "فيلم ... يروي", "مهرجان": a work
                               # tells them; neither is a conflict event
        if m.first > 0 and _AFTERMATH.match(self.words[m.first - 1].form):
            return None        # "الأنقاض التي خلفتها المعارك": what old fighting left
        if row["plover"] == "REQUEST" and mode == "verbal" and (any(
                c.start >= clause[0] and c.end <= clause[1] and m.first - 3 <= c.first <= m.last + 4
                for c in self.cues.get("not_demand", ())) or any(
                c.end <= clause[1] and m.last < c.first <= m.last + 3
                for c in self.cues.get("public_addressee", ())) and self._circumstantial(m)):
            return None        # "طالبوا بفدية", "لافتات تطالب بـ", "داعياً الأهالي إلى التعاون":
                               # a ransom, a slogan, advice - no political demand (cues.tsv)
        if row["plover"] == "ACCUSE" and self._passive_participle(m):
            return None        # "ضابطاً متهماً بالمشاركة في ...": accused of, not accusing
        if row["plover"] == "THREATEN" and self._safety_warning(m, clause[1]):
            return None        # "حذرت الأهالي من الاقتراب من الأجسام الغريبة": advice, no threat
        if mode == "material" and row["plover"] == "ASSAULT" and self._seized_weapons(m, found, c0):
            return None        # "عثرت على مستودع يحوي أسلحة وقذائف هاون": the things seized
        if mode == "material" and row.get("acled_type") == "Explosions/Remote violence" and any(
                m.first - 5 <= c.last < m.first and not self._trigger_between(c.last + 1, m.start)
                for c in self.cues.get("weapons_used", ())):
            return None        # "استخدم المهاجمون أسلحة رشاشة وقنابل يدوية", "استخدمت فيها
                               # الأسلحة الرشاشة وقذائف الهاون": the weapons of an act told
                               # beside it, not another act
        if self._is_background(m, clause, (s_a, s_b)) or self._backdrop_before(m, c0) \
                or self._past_year(m, clause):
            return None
        # A statement's evidence runs from its sentence start (the speaker) to its clause end.
        ev = ((clause[0] if mode == "material" else s_a), max(clause[1], m.end))
        plover = row["plover"]
        if plover == "AGREE" and mode == "verbal" and self._punishment_after(m, clause[1]):
            plover = "THREATEN"    # "تعهد رئيس الوزراء بمعاقبة مرتكبي ...": a pledge to punish
        return Mention(match=m, sent=si, clause=clause, plover=plover,
                       acled_type=row.get("acled_type") or None,
                       acled_subtype=row.get("acled_subtype") or None, mode=mode,
                       weight=float(row["weight"]), flags=set(flags),
                       absorb_into=set(row["absorb_into"]), evidence=ev)

    def _in_execution_of(self, m: Match) -> bool:
        """"تنفيذاً لاتفاق ...", "وفقاً لاتفاق ...": the لـ of the trigger follows a word of
        compliance; it names what was already agreed, not an aim."""
        return m.first > 0 and self.words[m.first - 1].form in _COMPLIANCE

    def _past_habit(self, m: Match) -> bool:
        """"كان/كانوا" right before an imperfect verb ("كانوا يدعمون", "كانت تطالب"): a past
        state or habit, not a statement made."""
        if m.first == 0 or m.proclitic:
            return False
        return self.words[m.first - 1].form in _WAS and self.words[m.first].form[:1] in ("ي", "ت")

    def _charged_with(self, m: Match, c0: int) -> bool:
        """A charge word ("بتهم", "بتهمة", "متهم* ب", "متورط* في") within the eight words before
        the trigger, in its clause: the acts of an indictment or a suspicion are alleged, not
        told as occurrences ("ملاحقون بتهم الاعتداء على عناصر الأمن ... قتل مدنيين والسرقة")."""
        lo = max(self._word_range(c0, c0)[0], m.first - 8)
        for k in range(m.first - 1, lo - 1, -1):
            f = self.words[k].form
            if f in _CHARGE_WORDS:
                return True
            if f.lstrip("وف").startswith(_ACCUSED) or f.lstrip("وف").startswith(_IMPLICATED):
                nxt = self.words[k + 1].form if k + 1 < len(self.words) else ""
                if nxt.startswith("ب") or nxt in _IN_WORDS:
                    return True
            if f.lstrip("وف") in _ACCUSE_VERBS and (
                    "ب" in m.proclitic or any(self.words[j].form.startswith("ب")
                                              for j in range(k + 1, m.first))) \
                    and not any(c.start > m.start for c in self._casualty_cues(m.start, self._clause_end(m))):
                # "اتهم X الحكومة بارتكاب مجازر": what X accuses it of, in general terms (an
                # accused act told with its losses, "بقصف قرية ما أدى إلى مقتل طفلين", stays)
                return True
        return False

    def _clause_end(self, m: Match) -> int:
        """End of the sentence holding ``m``."""
        return self.sentences[self._sentence_of(m.start)][1]

    def _passive_participle(self, m: Match) -> bool:
        """"متهماً بالمشاركة" (accused of): the participle followed at once by its ب-complement
        is passive; "متهمة قسد بخرق" (accusing) names the accused first."""
        f = self.words[m.first].form.lstrip("وف")
        if not f.startswith(_ACCUSED) or m.last + 1 >= len(self.words):
            return False
        return self.words[m.last + 1].form.startswith("ب")

    def _safety_warning(self, m: Match, c_b: int) -> bool:
        """A warning addressed to civilians, or against a hazard ("حذرت الأهالي من الاقتراب من
        الأجسام الغريبة", "حذر من خطر الألغام"): public safety advice, not a threat."""
        hi = min(self._word_range(m.end, c_b)[1], m.last + 5)
        civ = {c.first for c in self.cues.get("civilian", ())}
        for k in range(m.last + 1, hi):
            f = self.words[k].form
            if k == m.last + 1 and k in civ:
                return True
            if f.lstrip("وف").startswith(_HAZARD):
                return True
        return False

    def _seized_weapons(self, m: Match, found: list[Match], c0: int) -> bool:
        """A weapon trigger within four words after a seizure trigger of its clause ("ضبط
        مستودع يحوي أسلحة وقذائف هاون"), or up to ten words after a word of seizure or holding
        in its sentence with no firing word between ("ضبطت بحوزتهم قذائف آر بي جي", "مستودعاً
        يحتوي على أسلحة متوسطة وقذائف هاون وألغام"): the weapons were found, not fired."""
        if any(o.pattern.row.get("acled_subtype") == "Disrupted weapons use" and o.start >= c0
               and o.first < m.first and m.first - o.last <= 4 for o in found):
            return True
        if m.pattern.row.get("acled_type") != "Explosions/Remote violence":
            return False       # (only munitions: "عثر على جثة" finds a body, not a weapon)
        s_a = self.sentences[self._sentence_of(m.start)][0]
        for k in range(m.first - 1, max(m.first - 11, -1), -1):
            w = self.words[k]
            if w.end <= s_a or _FIRING.match(w.form):
                return False
            if _HOLDING.match(w.form) or (_HOLDING_NEAR.match(w.form) and m.first - k <= 4):
                return True
        return False

    def _punishment_after(self, m: Match, c_b: int) -> bool:
        """A word of punishment or revenge within eight words after the trigger, in its clause."""
        hi = min(self._word_range(m.end, c_b)[1], m.last + 9)
        return any(self.words[k].form.startswith(_PUNISH) for k in range(m.last + 1, hi))

    def _is_background(self, m: Match, clause: tuple[int, int], sent: tuple[int, int]) -> bool:
        """True when the mention's own time is more than background_days before publication."""
        if self.published is None:
            return False
        # "طالب ... بالإفراج عن X المختطف منذ 29 مايو", "بعد اختطافه يوم 29 مايو": a "since" date
        # or a date after another event word dates that state or event, not the trigger
        t = self._time_near(m.start, clause, skip_since_after=m.end) or None
        if t is None:
            return False
        value = t.end_value or t.value
        last = self._date_of(value, last=True)
        if last is None:
            return False
        if value.count("-") == 1:
            # a month alone ("وقعت في آذار الماضي اتفاقاً", published 30 April): its middle, not
            # its last day, stands for it; a recent event would be told by its day
            last = last.replace(day=15)
        return (self.published - last).days > self.background_days

    def _past_year(self, m: Match, clause: tuple[int, int]) -> bool:
        """An earlier year named in the trigger's clause and no nearer time ("أغرقت سفينتين في
        عام 2024", "حصار ... منذ عام 2015", "احتجاجات تشرين 2019"): background."""
        return self._time_near(m.start, clause) is None and self._earlier_year(*clause)

    def _earlier_year(self, a: int, b: int) -> bool:
        """A year before the publication's is written in [a, b) ("عام 2012")."""
        year = self.published.year if self.published else 10 ** 4
        lo, hi = self._word_range(a, b)
        return any(w.form.isdecimal() and len(w.form) == 4 and 1900 < int(w.form) < year
                   for w in self.words[lo:hi])

    def _backdrop_before(self, m: Match, c0: int) -> bool:
        """"على خلفية" or "رداً على" within the three words before the trigger, in its clause: the
        event named is the backdrop of another one ("دخول القوات إلى السويداء على خلفية اشتباكات
        دامية") or the act it answers, told before or long past, and not coded again."""
        lo = max(self._word_range(c0, c0)[0], m.first - 3)
        for k in range(lo, m.first):
            f = self.words[k].form
            if f in _BACKDROP and k > 0 and self.words[k - 1].form in _ON:
                return True
            # "هذه العملية هي رد على الهجوم الانتحاري الذي استهدف سروج": the act answered
            if f in _REPLY and k + 1 < m.first and self.words[k + 1].form in _ON:
                return True
        return False

    def _time_near(self, pos: int, span: tuple[int, int], skip_since_after: int | None = None,
                   skip_since: bool = False):
        cands = [t for t in self.times if t.start >= span[0] and t.end <= span[1]]
        if skip_since:
            cands = [t for t in cands if not self._since_before(t.start)
                     and not fold_key(self.text[t.start:t.end]).startswith(_SINCE_WORD)]
        if skip_since_after is not None:
            cands = [t for t in cands if t.start < skip_since_after or not (
                self._since_before(t.start) or self._trigger_in(skip_since_after, t.start))]
        if not cands:
            return None
        return min(cands, key=lambda t: abs(t.start - pos))

    def _trigger_in(self, a: int, b: int) -> bool:
        """A trigger word between offsets a and b: a time after it dates that event
        ("طالب بالإفراج عنه بعد اختطافه يوم 29 مايو").  Not one that opens a relative clause
        on the trigger ("التفجير الذي استهدف الكنيسة في حزيران": the same act)."""
        return any(a <= self.words[i].start and self.words[i].end <= b for i in self._trigger_words
                   if i not in self._speech_words
                   and not (i > 0 and self.words[i - 1].form in _RELATIVES))

    def _since_before(self, pos: int) -> bool:
        """The word before ``pos`` is "منذ" (since)."""
        wi = self._word_at(pos)
        return wi is not None and wi > 0 and self.words[wi - 1].form in _SINCE

    # ---------------------------------------------------------------- 2. actors
    def _actor_spans(self, a: int, b: int) -> list[ActorSpan]:
        """Actor candidates in [a, b): named entities, then unnamed actor noun phrases."""
        out: list[ActorSpan] = []
        covered: list[tuple[int, int]] = []
        covered_per: list[tuple[int, int]] = []
        sources = self._cues_in("source", a, b)
        for e in self.entities:
            if e.start < a or e.end > b:
                continue
            if e.type not in ACTOR_TYPES and not (
                    self._states_ok and e.type == "LOC" and not self._prep_before(e.start)
                    and not self._place_noun_before(e.start)):
                # places (LOC, FAC) are never parties of an act ("قصف صنعاء" hits a place);
                # a country is one of a statement ("أدانت الخارجية إسرائيل")
                continue
            if e.type != "PER" and (not e.actor_id or e.actor_id.startswith("new:")) \
                    and self._is_place_name(e):
                continue      # ("ديار بكر" read as a group got a new actor: it is a place)
            if not self._states_ok and any(
                    s.start <= e.start and (e.end <= s.end or e.start == s.start) for s in sources):
                continue      # a news agency or monitor reports; it is not a party of an act
                              # (also with its nisba: "وزارة الصحة اللبنانية"); it may be the
                              # speaker of a statement ("ويطالب المرصد السوري ...")
            if any(c[0] < e.end and e.start < c[1] for c in covered):
                continue
            ei = self._word_at(e.end - 1)
            if ei is not None and ei + 1 < len(self.words) and self.words[ei + 1].form[:1] == "و" \
                    and self.words[ei + 1].end <= b and self._known_with(e.start, self.words[ei + 1].end):
                # "وزارة الخارجية والمغتربين": the name goes on over its و
                e = dataclasses.replace(e, end=self.words[ei + 1].end,
                                        text=self.text[e.start:self.words[ei + 1].end], actor_id=None)
            ei = self._word_at(e.end - 1)
            if e.type == "ORG" and ei is not None and ei + 1 < len(self.words) \
                    and self.words[ei + 1].end <= b and not self.text[e.end:self.words[ei + 1].start].strip() \
                    and self.words[ei + 1].form.startswith("ال") \
                    and self._country_nisba(self.words[ei + 1].form.removeprefix("ال")):
                # "وزارة الخارجية والمغتربين | الفلسطينية": the country's nisba the entity left
                # out says whose ministry it is
                e = dataclasses.replace(e, end=self.words[ei + 1].end,
                                        text=self.text[e.start:self.words[ei + 1].end], actor_id=None)
            if self._a_base(e.start, e.end):
                continue      # "لفتح القاعدة", "القاعدة الجوية": a military base, not al-Qaeda
            if e.type == "PER":
                e = self._person_completed(e, b)
            out.append(ActorSpan(e.start, e.end, e.text, e.type, e.actor_id, True))
            covered.append((e.start, e.end))
            if e.type == "PER":
                covered_per.append((e.start, e.end))
        lo, hi = self._word_range(a, b)
        nouns = self.cues.get("actor_noun", ())
        heads = {m.first for m in nouns}
        i = lo
        while i < hi:
            w = self.words[i]
            if i in heads and not any(c[0] <= w.start < c[1] for c in covered) \
                    and not self._prep_word(w) and (self._states_ok or not any(
                        s.start <= w.start < s.end for s in sources)) \
                    and not self._place_noun_before(w.start):
                j = self._np_end(i, hi)
                while j > i and any(w.end <= c[0] < self.words[j].end for c in covered_per):
                    j -= 1     # "وزير الدفاع الإسرائيلي | يسرائيل كاتس": stop before a name
                span = (self._strip_proclitic(w), self.words[j].end)
                if self.text[span[1]:span[1] + 1] in ("\"", "”", "»") and \
                        sum(self.text[span[0]:span[1]].count(q) for q in "\"“«") % 2:
                    span = (span[0], span[1] + 1)    # منظمة "الهلال الأحمر الكردي" with its quote
                inner = [x for x in out if span[0] <= x.start and x.end <= span[1]]
                if inner and all(x.etype == "PER" for x in inner) and _in_lex(w.form, _FORCE_NOUNS):
                    # "وقوات صالح": the forces of the person, not the person
                    out = [x for x in out if x not in inner]
                    inner = []
                if inner and (all(x.etype == "NORP" and not self._kb_id(x) for x in inner) or any(
                        self.words[k].form in _AFFILIATION for k in range(i, j + 1)
                        if self.words[k].end <= inner[0].start)):
                    # ("المسلحين الدروز": the armed men of a community, not the community)
                    # "مروحيات تابعة للحكومة الانتقالية": the forces of the named one, not the
                    # named one (see _patron_forces)
                    out = [x for x in out if x not in inner]
                    inner = []
                if not inner:
                    out.append(ActorSpan(span[0], span[1], self.text[span[0]:span[1]], "ORG",
                                         None, False))
                covered.append(span)
                i = j + 1
                continue
            if w.form.endswith(("ون", "ين")) and len(w.form) >= 6 and not any(
                    c[0] <= w.start < c[1] for c in covered) and (
                    not self._prep_word(w) or w.form.startswith(("لل", "ولل"))):
                # ("مواقع للحوثيين": the positions of the group)
                # a group named by its plural nisba alone: "شنه الحوثيون وقوات صالح"
                x = self._kb_word(i)
                if x is not None:
                    out.append(x)
                    covered.append((x.start, x.end))
            i += 1
        if self._states_ok:
            # a source no entity or noun phrase covers speaks for itself in a statement ("وجدد
            # الدفاع المدني مناشدته الأهالي")
            for c in sources:
                if any(x[0] < c.end and c.start < x[1] for x in covered):
                    continue
                st = self._strip_proclitic(self.words[c.first], c.proclitic)
                out.append(ActorSpan(st, c.end, self.text[st:c.end], "ORG", None, True))
                covered.append((st, c.end))
        out.sort(key=lambda x: x.start)
        out = [self._trim_to_known(self._patron_forces(x)) for x in self._join_affiliations(out)]
        return self._titled(self._suspected(out))

    def _person_completed(self, e, b: int):
        """A person's name the entity layer cut short ("العماد جوزاف | عون", "محمد | علي
        الحوثي"): extended by one or two following words when the longer name is a person the
        knowledge base knows and the short one is not."""
        if self.resolver is None:
            return e
        aid = self._resolve_text(e.text, "PER", e.start, e.end)
        if aid and not aid.startswith("new:"):
            return e
        wi = self._word_at(e.end - 1)
        if wi is None:
            return e
        actors = self._kb_actors
        for k in (wi + 1, wi + 2):
            if k >= len(self.words) or self.words[k].end > b or any(
                    ch in self.text[e.end:self.words[k].start] for ch in _PUNCT):
                break
            end = self.words[k].end
            got = self._resolve_text(self.text[e.start:end], "PER", e.start, end)
            if got and not got.startswith("new:") and getattr(actors.get(got), "kind", "") == "person":
                return dataclasses.replace(e, end=end, text=self.text[e.start:end], actor_id=got)
        return e

    def _titled(self, spans: list[ActorSpan]) -> list[ActorSpan]:
        """"الرئيس الروحي لطائفة الموحدين الدروز الشيخ حكمت الهجري": a title phrase the base does
        not know, followed in the same phrase by a person's name, is that person."""
        out: list[ActorSpan] = []
        drop: set[int] = set()
        for n, x in enumerate(spans):
            if n in drop:
                continue
            wi = self._word_at(x.start)
            titled_before = getattr(self, "_states_ok", False) and wi is not None and wi > 0 and (
                _in_lex(self.words[wi - 1].form, _TITLES) or self.words[wi - 1].form == _BISM)
            if wi is None or (x.named and not titled_before) or (
                    not titled_before and not _in_lex(self.words[wi].form, _TITLES)):
                out.append(x)
                continue
            if titled_before and x.named:
                # "قائد الأمن الداخلي ...، العميد مرهف النعسان", "المتحدث باسم وزارة الداخلية نور
                # الدين البابا": in a statement, the office's holder named after it speaks (an
                # act stays the body's: "قواته" are the body's forces)
                e = next((e for e in self.entities if e.type == "PER" and e.start >= x.end
                          and self._apposed(x.end, e.start)), None)
                if e is None:
                    out.append(x)
                    continue
                for m2, y in enumerate(spans):
                    if m2 > n and y.start < e.end and e.start < y.end:
                        drop.add(m2)
                e = self._person_completed(e, len(self.text))
                out.append(ActorSpan(e.start, e.end, e.text, "PER", e.actor_id, True))
                continue
            aid = self._resolve_text(x.text, x.etype, x.start, x.end)
            if aid and not aid.startswith("new:") and not any(
                    e.type == "PER" and e.start > x.start and self._apposed(x.end, e.start)
                    for e in self.entities):
                # ("وزير الدفاع الإسرائيلي يسرائيل كاتس": a known office followed at once by a
                # person's name is that person speaking)
                out.append(x)
                continue
            pers = [e for e in self.entities if e.type == "PER" and (
                x.start < e.start < x.end or (
                    x.end <= e.start and e.start - x.end <= 60
                    and not any(ch in self.text[x.end:e.start] for ch in _PUNCT)
                    and not self._trigger_between(self._word_at(x.end - 1) or 0, e.start)))]
            if not pers:
                out.append(x)
                continue
            e = pers[0]
            for m2, y in enumerate(spans):
                if m2 > n and y.start < e.end and e.start < y.end:
                    drop.add(m2)
            e = self._person_completed(e, len(self.text))
            out.append(ActorSpan(e.start, e.end, e.text, "PER", e.actor_id, True))
        return out

    @property
    def _kb_actors(self) -> dict:
        """The knowledge base's actors by id ({} without a resolver or base)."""
        return getattr(getattr(self.resolver, "kb", None), "actors", None) or {}

    def _in_source(self, x: ActorSpan) -> bool:
        """``x`` is a news agency, monitor or rescue body named as a source ("المرصد السوري")."""
        return any(s.start <= x.start < s.end or x.start <= s.start < x.end
                   for s in self.cues.get("source", ()))

    def _apposed(self, a: int, b: int) -> bool:
        """Only spaces, or a comma and a rank ("، العميد"), between offsets a and b: the name at
        b is the office-holder named before a."""
        gap = self.text[a:b].strip()
        if not gap:
            return True
        head, comma, tail = gap.replace(",", "،").partition("،")
        if head.strip():
            # an office's place before the comma: "قائد الأمن الداخلي في محافظة حمص، العميد X"
            hw = head.split()
            if not comma or hw[0] not in ("في", "ب") or len(hw) > 3:
                return False
        elif not comma:
            return False
        rest = tail.split()
        return len(rest) <= 1 and all(fold_key(w) in _RANKS for w in rest)

    def _suspected(self, spans: list[ActorSpan]) -> list[ActorSpan]:
        """"مسلحون يُعتقد أنهم من خلايا تنظيم داعش": the unnamed actor takes the id of the one
        it is suspected to be (ACLED codes the suspected group); the named one is not a second
        party."""
        out: list[ActorSpan] = []
        skip: set[int] = set()
        for n, x in enumerate(spans):
            if n in skip:
                continue
            xi = self._word_at(x.end - 1)
            if x.named or xi is None or xi + 2 >= len(self.words) \
                    or self.words[xi + 1].form not in _SUSPECTED \
                    or self.words[xi + 2].form not in _SUSPECT_THAT:
                out.append(x)
                continue
            k = xi + 3
            while k < len(self.words) and self.words[k].form in _SUSPECT_SKIP:
                k += 1
            y = next((m for m, z in enumerate(spans) if m > n and self._word_at(z.start) is not None
                      and self._word_at(z.start) <= k + 1), None)
            if y is None:
                out.append(x)
                continue
            yid = spans[y].actor_id or self._resolve(spans[y])
            if yid:
                out.append(dataclasses.replace(x, actor_id=yid))
                skip.add(y)
            else:
                out.append(x)
        return out

    def _known_tail(self, x: ActorSpan) -> ActorSpan:
        """"هيئة أركان الجيش التركي", "المتحدث باسم الجيش الإسرائيلي": a unit or spokesman of a
        known actor speaks for it; the known name after the unit words is the actor."""
        wi, wj = self._word_at(x.start), self._word_at(x.end - 1)
        if wi is None or wj is None or wj <= wi or self.words[wi].form not in _UNIT_WORDS:
            return x
        k = wi
        while k < wj and self.words[k].form in _UNIT_WORDS:
            k += 1
        if k == wi or k > wj:
            return x
        a = self._strip_proclitic(self.words[k], None)
        aid = self._resolve_text(self.text[a:x.end], x.etype, a, x.end)
        if aid and not aid.startswith("new:"):
            return dataclasses.replace(x, actor_id=aid)
        return x

    def _trim_to_known(self, x: ActorSpan) -> ActorSpan:
        """A span the knowledge base does not know whose start it does: "القوات المسلحة المصرية
        | لاستهداف ..." and "رئاسة كردستان | القصف" ran on over a purpose phrase or the object
        (entity spans overrun too), "قوات عراقية | مشتركة" over an adjective.  The longest known
        start is kept when what it drops opens with a trigger word or a purpose لـ, or is one
        indefinite adjective."""
        if (x.actor_id and not x.actor_id.startswith("new:")) or self.resolver is None:
            return x
        wi, wj = self._word_at(x.start), self._word_at(x.end - 1)
        if wi is None or wj is None or wj - wi < 1 or wj - wi > 7:
            return x
        full = self._resolve_text(x.text, x.etype, x.start, x.end)
        if full and not full.startswith("new:"):
            return x
        y = self._known_tail(x)
        if y is not x:
            return y
        for k in range(wj - 1, wi - 1, -1):
            nxt = self.words[k + 1]
            f = nxt.form
            droppable = self._is_trigger_word(nxt.i) \
                or (f.startswith("ال") and k > wi
                    and self._country_nisba(self.words[k].form.removeprefix("ال"))) \
                or (nxt.i + 1 < len(self.words) and self._is_trigger_word(nxt.i + 1)) \
                or (f[:1] == "ل" and not f.startswith("لل") and len(f) > 4) \
                or (k + 1 == wj and f.endswith(("ة", "ه")) and not f.startswith(("ال", "وال"))
                    and len(f) > 4) \
                or (k + 1 == wj and (f.isdecimal() or any(
                    q.start <= nxt.start and nxt.end <= q.end for q in self.quantities)))
            if not droppable and f.startswith("ال") and k > wi:
                # "حركة حماس | الاحتلال والإدارة الأمريكية": what follows a known name is
                # another known actor (the object), not a part of the name
                rid = self._resolve_text(self.text[nxt.start:x.end], x.etype, nxt.start, x.end)
                droppable = bool(rid) and not rid.startswith("new:")
            if not droppable:
                continue
            end = self.words[k].end
            aid = self._resolve_text(self.text[x.start:end], x.etype, x.start, end)
            if not (aid and not aid.startswith("new:")) and k > wi:
                aid = self._known_tail(ActorSpan(x.start, end, self.text[x.start:end], x.etype,
                                                 None, x.named)).actor_id
            if aid and not aid.startswith("new:"):
                return dataclasses.replace(x, end=end, text=self.text[x.start:end], actor_id=aid)
        return x

    def _patron_forces(self, x: ActorSpan) -> ActorSpan:
        """"القوات الموالية للرئيس اليمني عبد ربه منصور هادي": when the whole phrase is unknown,
        the forces the knowledge base lists for the person or government after the لـ."""
        if x.actor_id:
            return x
        if self.resolver is None:
            # no base to ask: the owner named inside ("أجهزة الأمن التابعة لحماس") stands for it
            inner = [e for e in self.entities if x.start < e.start and e.end <= x.end and e.actor_id]
            return dataclasses.replace(x, actor_id=inner[-1].actor_id) if inner else x
        words = [w for w in self.words[self._word_at(x.start) or 0:] if w.end <= x.end]
        k = next((i for i, w in enumerate(words[:-1]) if w.form in _AFFILIATION), None)
        whole = self._resolve_text(x.text, x.etype, x.start, x.end) if k is not None else None
        kinds = self._kb_actors
        if k is None or (whole and not whole.startswith("new:") and getattr(
                kinds.get(whole), "kind", None) not in ("government", "country", "person")):
            return x       # (a government read from "مروحيات تابعة للحكومة" is not the forces)
        kb = getattr(self.resolver, "kb", None)
        if kb is None or not hasattr(kb, "forces_for"):
            return x
        a = self._strip_proclitic(words[k + 1], "لل" if words[k + 1].form.startswith("لل") else "ل")
        aid = None
        for b in (w.end for w in reversed(words[k + 1:])):   # longest name first
            aid = self._resolve_text(self.text[a:b], "PER", a, b)
            if aid:
                break
        forces = kb.forces_for(aid, self.published) if aid else None
        owner = kinds.get(aid) if aid else None
        if forces is None and owner is not None:
            if owner.kind in ("armed-group", "state-forces"):
                forces = aid       # "أجهزة الأمن التابعة لحماس": the group's own men
            elif owner.kind == "government" and hasattr(kb, "role_actor"):
                forces = kb.role_actor(owner.country, "military", self.published)
        return dataclasses.replace(x, actor_id=forces) if forces else x

    def _join_affiliations(self, spans: list[ActorSpan]) -> list[ActorSpan]:
        """"القوات الموالية" + "للرئيس هادي" is one actor, the forces of the named one: a span
        ending in an affiliation word joins the span right after it when only its لـ lies
        between."""
        out: list[ActorSpan] = []
        joined = False
        for x in spans:
            prev = out[-1] if out else None
            if prev is not None and joined and x.start <= self._next_word_start(prev.end):
                # the rest of the name after the joined لـ-phrase ("... منصور" + "هادي")
                end = max(prev.end, x.end)
                out[-1] = ActorSpan(prev.start, end, self.text[prev.start:end], prev.etype, None, True)
                continue
            joined = False
            if prev is not None:
                li = self._word_at(prev.end - 1)
                xi = self._word_at(x.start)
                if li is not None and xi is not None and self.words[li].form in _AFFILIATION \
                        and xi == li + 1 and self.words[xi].form[:1] == "ل" \
                        and not self.text[prev.end:self.words[xi].start].strip() \
                        and not self._known(prev):
                    # ("قوى الأمن الداخلي التابعة لوزارة الداخلية" is known by its own name)
                    out[-1] = ActorSpan(prev.start, x.end, self.text[prev.start:x.end], prev.etype,
                                        None, prev.named or x.named)
                    joined = True
                    continue
            out.append(x)
        return out

    def _next_word_start(self, pos: int) -> int:
        """Start of the first word at or after ``pos`` (the text length when none)."""
        i = bisect.bisect_left(self._starts, pos)
        return self._starts[i] if i < len(self._starts) else len(self.text)

    def _a_base(self, a: int, b: int) -> bool:
        """"القاعدة" naming a military base: followed by a base adjective or a relative
        ("القاعدة الجوية", "القاعدة الموجودة في"), or without a group word before it."""
        wi, wj = self._word_at(a), self._word_at(b - 1)
        if wi is None or wj is None or wi != wj:
            return False
        f = self.words[wi].form
        if f.removeprefix("و").removeprefix("ل").removeprefix("ل") not in _BASE_WORDS:
            return False
        nxt = self.words[wi + 1].form if wi + 1 < len(self.words) else ""
        prev = self.words[wi - 1].form if wi > 0 else ""
        if nxt in _BASE_ADJECTIVES:
            return True
        return prev not in _GROUP_WORDS and not nxt.startswith(("في",))

    def _is_place_name(self, e: Entity) -> bool:
        """A name the entity layer typed as a group but that the resolver does not know and the
        geocoder finds as a place of its own ("صنعاء" read as an organisation)."""
        key = ("place?", e.start, e.end)
        hit = self._resolved.get(key)
        if hit is not None or key in self._resolved:
            return bool(hit)
        out = False
        if self.geocoder is not None:
            try:
                # the actors stage has already tried the name (with the whole document)
                known = None if "actor_ids" in (self.doc.layers or ()) else \
                    self._resolve_text(e.text, e.type, e.start, e.end)
                if not known:
                    loc = self.geocoder.geocode(self.text, e.start, e.end,
                                                country_hint=self.country_hint)
                    out = loc is not None and loc.geonameid is not None and \
                        (loc.start, loc.end) == (e.start, e.end)
            except Exception:      # a collaborator's failure: keep the name as a party
                out = False
        self._resolved[key] = out
        return out

    def _np_end(self, i: int, hi: int) -> int:
        """Last word of an unnamed-actor noun phrase starting at word ``i`` (at most 4 words)."""
        j = i
        quantifier = True
        while j + 1 < hi and j - i < 4:
            nxt = self.words[j + 1]
            between = self.text[self.words[j].end:nxt.start]
            gap = between.strip()
            if gap and self.words[j].form == "ل" and gap.replace("ـ", "").strip() in ("\"", "“", "«"):
                # "مسلحين تابعين لـ"المجلس العسكري لتحرير سوريا"": the quoted name is the patron
                close = min((k for k in (self.text.find(q, nxt.start) for q in "\"”»") if k > 0),
                            default=-1)
                if 0 < close - nxt.start <= 80:
                    while j + 1 < hi and self.words[j + 1].end <= close:
                        j += 1
                break
            if nxt.form.isdecimal() and gap in ("-", "–") and re.fullmatch(r"[A-Za-z]+", self.words[j].form):
                j += 1                     # "طائرات F-16": a model number is part of the name
                continue
            # punctuation ends the phrase; a quote only right after the head (كتيبة "الغرباء")
            # or after a partitive "من" ("ثلاثة عناصر من "قسد"")
            if gap and ((j > i and self.words[j].form != "من") or gap.strip("\"'“”«»")):
                break
            f = nxt.form
            if f == "من" and quantifier and not self.words[i].form.endswith(("ها", "هم", "نا")) \
                    and not (j + 2 < len(self.words) and self._place_noun_before(self.words[j + 2].end)):
                # "عناصر من الأمن": partitive; not "وحداتها من مدينة السويداء" (a place)
                j += 1
                continue
            if j == i and _in_lex(self.words[i].form, _UNIT_HEADS) and f.startswith("لل") \
                    and not self._is_trigger_word(nxt.i):
                j += 1                     # "دورية للجيش": the army's patrol
                continue
            if self._prep_word(nxt) and self.words[j].form in _AFFILIATION and f[:1] == "ل" \
                    and not self._is_trigger_word(nxt.i):
                # "القوات الموالية للرئيس ...": the لـ-phrase names whose forces they are
                j += 1
                continue
            if f in _NP_STOP or (self._is_trigger_word(nxt.i) and not (
                    self.words[j].form in _ORG_HEADS and f.startswith("ال"))) \
                    or self._prep_word(nxt) or self._casualty_at(nxt.i):
                break                      # "جنديين تركيين | قتلا": the verb is not the name
            if f[:1] == "و" and not any(
                    m.first == nxt.i and not m.proclitic for m in self.cues.get("actor_noun", ())):
                if self._known_with(self.words[i].start, nxt.end):
                    j += 1                 # "وزارة الخارجية والمغتربين": one known name
                    continue
                break                      # "X وY": a second actor, coordinated
            if j >= i and len(f) >= 4 and not f.startswith(("ال", "وال")) and (
                    self.text[nxt.end:nxt.end + 1] == "\u064b" or (
                        f.endswith("ا") and not f.endswith(("يا", "وا")))) \
                    and not any(e.start <= nxt.start < e.end for e in self.entities):
                break                      # an indefinite accusative ("قصفت القوات | مستودعاً",
                                           # "طائرة مسيرة مجهولة | حقلا نفطيا") is the object
            if f[:1] in ("ي", "ت", "ن") and (len(f) <= 4 or (
                    f.endswith("ون") and not f.endswith("يون") and len(f) >= 5)) \
                    and not self._country_nisba(f):
                break                      # an imperfect verb ("تنفذ", "مسلحون مجهولون |
                                           # يستقلون دراجة") ends the subject, not a nisba
                                           # ("جندي تركي")
            if f.endswith("ت") and not f.endswith("ات") and not f.startswith("ال") and (
                    len(f) >= 4 or self.words[j].form.endswith(("ه", "ها", "هم"))) \
                    and not any(e.start <= nxt.start < e.end for e in self.entities):
                break                      # a perfect verb ("قواتها طاردت"); names (حضرموت) go on
            if f.isdecimal() or any(q.start <= nxt.start < q.end for q in self.quantities) or any(
                    c.first == nxt.i for cat in ("person_count", "victim") for c in self.cues.get(cat, ())):
                break                      # "اعتقل الجيش | خمسة مسلحين": a count opens the object
            if any(c.first == nxt.i for cat in ("place", "region") for c in self.cues.get(cat, ())):
                break                      # "هاجم مستوطنون | قرية ترمسعيا": a place opens the object
            if f in _TARGET_NOUNS or f in _CAUSE or f in _SUSPECTED:
                break                      # "قصفت مدفعية التحالف | مواقع الحوثيين": the object;
                                           # "عسكريينا الشجعان | نتيجة هجوم": a cause
            if j > i and self.words[j].form.endswith(("ية", "يه")) \
                    and not self.words[j].form.startswith(("ال", "وال")) and f.startswith("ال"):
                break                      # "طائرات حربية | القاعدة": after an indefinite adjective
                                           # a definite word is the verb's object, not the name
            if f in _OUTLAW and j + 3 < hi and self.words[j + 3].form in _LAW:
                j += 3                     # "مجموعات خارجة عن القانون": one name
                break
            cur = self.words[j].form
            if j > i and cur.endswith(("ي", "يه", "يون", "يين")) and len(cur) > 3 and any(
                    m.first == nxt.i for m in self.cues.get("actor_noun", ())):
                break                      # "المواطنون اليمنيون | رئيس الحكومة": a new phrase
            quantifier = False
            j += 1
        return j

    def _known_with(self, a: int, b: int) -> bool:
        """The words [a, b) are a name the knowledge base knows."""
        if self.resolver is None or not hasattr(self.resolver, "resolve"):
            return False
        aid = self._resolve_text(self.text[a:b], "ORG", a, b)
        return bool(aid) and not aid.startswith("new:")

    def _country_nisba(self, f: str) -> bool:
        """``f`` is a country's nisba the knowledge base lists as a cue ("تركي", "يمني")."""
        kb = getattr(self.resolver, "kb", None)
        if kb is None or not getattr(kb, "cue_index", None) or not f.endswith(_NISBA_ENDS):
            return False
        from ..actors.kb import match_key
        return match_key(f) in kb.cue_index

    def _strip_proclitic(self, w: Word, proclitic: str | None = None) -> int:
        """Start of a word without its conjunction/preposition proclitic (the article stays).

        ``proclitic``: the proclitic a pattern match read on the word, when known."""
        f, k = w.form, 0
        if proclitic is None:
            # the actor-noun cue read the word already: its proclitic is the reliable one
            # ("فصائل" has none, though it starts with ف)
            proclitic = next((m.proclitic for m in self.cues.get("actor_noun", ())
                              if m.first == w.i), None)
        if proclitic is not None:
            # "للرئيس" is ل + الرئيس with the article's alef dropped: the name starts after both
            k = len(proclitic.removesuffix("ال")) if proclitic != "لل" else 2
            return self._skip_letters(w, k)
        if f[:1] in ("و", "ف") and len(f) > 3:
            f, k = f[1:], 1
        if f[:1] in ("ب", "ل", "ك") and len(f) > 3 and not f.startswith("لل") and f[1:3] == "ال":
            k += 1
        elif f[:1] in ("ب", "ل", "ك") and len(f) > 4 and f[1:] and any(
                m.first == w.i and m.proclitic.endswith(f[:1]) for m in self.cues.get("actor_noun", ())):
            k += 1
        return self._skip_letters(w, k)

    def _skip_letters(self, w: Word, k: int) -> int:
        pos, seen = w.start, 0
        while pos < w.end and seen < k:
            if self.text[pos].isalpha():
                seen += 1
            pos += 1
        while pos < w.end and not self.text[pos].isalpha():
            pos += 1
        return pos

    def _trigger_between(self, lo: int, pos: int) -> bool:
        """A trigger word between word ``lo`` and ``pos``: what follows is that trigger's object."""
        own = getattr(self, "_trigger_ranges", None)
        if own is None:
            own = self._trigger_ranges = [(t.first, t.last) for t in self.scan.find("triggers")]
        # words of a trigger phrase that runs on from word lo-1 ("ألقت القبض | على") are the
        # same trigger, not another one
        ext = max((b for a, b in own if a <= lo - 1 <= b), default=lo - 1)
        i = lo
        while i < len(self.words) and self.words[i].end <= pos:
            if i > ext and i in self._trigger_words and i not in self._speech_words:
                return True
            i += 1
        return False

    @property
    def _speech_words(self) -> set[int]:
        return {i for m in self.cues.get("speech", ()) for i in range(m.first, m.last + 1)}

    def _is_trigger_word(self, wi: int) -> bool:
        return wi in self._trigger_words

    @property
    def _trigger_words(self) -> set[int]:
        tw = getattr(self, "_tw_cache", None)
        if tw is None:
            tw = set()
            for m in self.scan.find("triggers"):
                tw.update(literal_words(m, self.words))     # a gap's words are no trigger
            for m in self.cues.get("speech", ()):
                tw.update(range(m.first, m.last + 1))
            self._tw_cache = tw
        return tw

    def _prep_word(self, w: Word) -> bool:
        """A word carrying a preposition proclitic (بقيادة, لحكومة) or being one (في)."""
        if w.form in _PREPS:
            return True
        f = w.form
        if f[:1] in ("و", "ف") and len(f) > 3:
            f = f[1:]
        return f[:1] in ("ب", "ل", "ك") and len(f) > 3 and not any(
            m.first == w.i for m in self.cues.get("actor_noun", ()))  and not f.startswith("لواء")

    def _prep_before(self, pos: int) -> str:
        """The preposition governing the mention at ``pos``: an attached ب/ل/ك or a previous word."""
        k = pos - 1
        if k >= 0 and self.text[k] in "بلك" and (k == 0 or not self.text[k - 1].isalpha()
                                                   or self.text[k - 1] in "وف"):
            return self.text[k]
        # "لـ X", "بـ X": a proclitic written apart with tatweel
        j = k
        while j >= 0 and self.text[j] in " \u00a0\"'“”«»\u0640":
            j -= 1
        if j >= 0 and self.text[j] in "بلك" and (j == 0 or not self.text[j - 1].isalpha()):
            return self.text[j]
        wi = self._word_at(pos)
        if wi is not None and wi > 0:
            prev = self.words[wi - 1]
            if prev.end <= pos and prev.form in _PREPS:
                if prev.form == "من" and wi > 1 and any(
                        c.last == wi - 2 for c in self.cues.get("quantifier", ())):
                    return ""              # "عدد من X", "مجموعة من X": X is the head
                return prev.form
        return ""

    def _place_noun_before(self, pos: int) -> bool:
        wi = self._word_at(pos)
        if wi is None or wi == 0:
            return False
        return any(m.last == wi - 1 for cat in ("place", "region")
                   for m in self.cues.get(cat, ()))

    def _roles(self, mn: Mention, mentions: list[Mention]) -> None:
        """Find actor1 (initiator) and actor2 (target) of a mention."""
        m = mn.match
        s_a, s_b = self.sentences[mn.sent]
        c_a, c_b = mn.clause
        self._states_ok = mn.mode == "verbal"
        # (a) "بين X و Y" after the trigger in the clause: the two sides.
        if mn.plover == "ASSAULT" or mn.acled_type in ("Battles",):
            between = self._between(m, s_b)
            if between:
                mn.actor1, mn.actor2 = between
                mn.role_score = 0.9
                return
        if mn.mode == "verbal" and self._circumstantial(m):
            # "هدد نتنياهو ...، مطالباً بـ", "قال قائد الأمن ...، داعياً الأهالي إلى": a
            # participle after a comma states what the main clause's subject did as well; the
            # first name after it is whom it is addressed to or accuses
            actor1 = self._main_speaker(mn, mentions)
            after = [x for x in self._actor_spans(self.words[m.last].end, c_b)
                     if not self._quoted_after(m, x) and not self._prep_before(x.start)
                     and not (actor1 is not None and self._same_actor(actor1, x))]
            held = self._held_responsible(m, actor1) if mn.plover == "ACCUSE" else None
            mn.actor1, mn.actor2 = actor1, (held or (after[0] if after else None))
            mn.role_score = 0.5
            return
        # (b) "من قبل X": the agent of a passive.
        agent = self._agent_by(m.end, c_b) if mn.mode == "material" else None
        # (c) the subject.
        score = 0.5
        actor1 = agent
        if actor1 is None:
            if mn.mode == "verbal":
                actor1 = self._speaker(mn, mentions)
            else:
                actor1 = self._subject_before(mn)
            if actor1 is None and self._also_before(m):
                actor1 = self._same_sentence_actor1(mn, mentions)
            if actor1 is None and self._anaphor_near(mn):
                actor1 = self._previous_actor1(mn, mentions)
                score = 0.4
        # a raid or campaign may turn out a clash (see _build): its victims are read the same way
        violent = mn.mode == "material" and (mn.plover in _VIOLENT_PLOVER or "Armed clash" in mn.absorb_into)
        if violent and actor1 is not None and actor1.text and fold_key(actor1.text) in _BOTH_SIDES:
            actor1 = None      # "الطرفين": both sides, not one party
        victim = None
        if violent and (actor1 is None or actor1 is not agent) and any(
                self.words[k].form.startswith(_UNDERGO) for k in range(max(m.first - 4, 0), m.first)):
            # "تعرضت دورية للجيش لهجوم": the subject of "تعرض" underwent the attack
            x = actor1 or next((y for y in self._actor_spans(s_a, m.start)
                                if not self._prep_before(y.start)), None)
            if x is not None:
                victim, actor1 = x, None
        if violent and actor1 is not None and actor1 is not agent and self._is_victim(actor1, mn):
            # "خمسة من قوات الأمن قتلوا في هجوم نفذه X": the subject told before the trigger
            # took the losses; the agent is sought after it
            victim, actor1 = actor1, None
        elif violent and victim is None:
            # "مقتل 22 من ميليشيا الحوثي باشتباكات", "أعلنت المقاومة عن مقتل 22 من X": the
            # victims after a casualty word, between the subject (if any) and the trigger
            victim = next((x for x in self._actor_spans(actor1.end if actor1 else c_a, m.start)
                           if self._is_victim(x, mn)), None)
            if victim is None:
                # "مقتل 17 حوثياً خلال المواجهات": a group's nisba after a casualty count
                victim = self._counted_victims(s_a, s_b, actor1)
            if victim is None and actor1 is None and self._caused_by(m, c_a):
                # "قتل عنصران من الأمن العام ... إثر هجوم شنه X": the losses told before the
                # cause word belong to this attack
                victim = next((x for x in self._actor_spans(s_a, m.start)
                               if self._is_victim(x, mn, lo=s_a)), None)
        if victim is not None and actor1 is None and self._with_pronoun_after(m):
            # "أعلنت المقاومة عن مقتل 22 من X باشتباكات معها": the other side is the speaker
            actor1 = self._speaker_of_sentence(mn, victim.start)
        # from the end of the trigger's first word: a gap pattern may hold the subject
        # ("سيطرت قوات الجيش على بلدة ...")
        after = [x for x in self._actor_spans(self.words[m.first].end, c_b) if actor1 is None or
                 (x.start, x.end) != (actor1.start, actor1.end)]
        after = [x for x in after if (self._prep_before(x.start) not in ("في", "الى", "عن")
                                      or self._member_of(x))
                 and not self._passing_before(x) and not self._instrument(x)
                 and not self._trigger_between(m.last + 1, x.start)
                 and not (violent and fold_key(x.text) in _BOTH_SIDES)
                 and not self._controller(x)]
        cut = next((i for i, x in enumerate(after) if self._coordinated_subject(x)), None)
        if cut is not None:
            after = after[:cut]    # "تفجير المزة والداخلية تعلن ...": a new clause begins
        if violent and not self._verb_like(m):
            kb = self._kb_word_after(m, c_b)
            if kb is not None and not any(x.start <= kb.start < x.end for x in after) and (
                    actor1 is None or (actor1.start, actor1.end) != (kb.start, kb.end)):
                after = sorted(after + [kb], key=lambda x: x.start)
        if violent and actor1 is None and _in_lex(self.words[m.first].form, _AGENT_MARKERS) \
                and after and self._word_at(after[0].start) is not None \
                and self._word_at(after[0].start) <= m.last + 3:
            # the trigger is the agent marker ("لقي مدني حتفه برصاص عناصر من الأمن العام"): the
            # name right after it fired
            actor1 = after[0]
            after = after[1:]
        if violent and actor1 is None:
            marked = self._marked_agent(m, c_b)
            if marked is not None:
                # "قتل X بنيران Y", "استشهد X برصاص Y", "على يد Y": Y acted, X (if any) suffered
                if victim is None and after and after[0].start < marked.start and \
                        self._casualty_at(m.first):
                    victim = after[0]
                actor1 = marked
                after = [x for x in after if (x.start, x.end) != (marked.start, marked.end)]
        if victim is not None:
            if actor1 is None and after and self._agent_of_noun(mn, after[0]):
                actor1 = after[0]
            if actor1 is None:
                actor1 = self._attack_nisba(m)     # "قتل شخص جراء غارات إسرائيلية"
            if actor1 is None and after and mn.acled_type == "Battles" \
                    and self._prep_before(after[0].start) == "مع" \
                    and not self._same_actor(after[0], victim):
                actor1 = after[0]  # "قتل X خلال تبادل لإطلاق النار مع Y": Y fought X
            mn.actor1, mn.actor2, mn.role_score = actor1, victim, (0.6 if actor1 else 0.45)
            return
        actor2 = after[0] if after else None
        if actor1 is None and after and after[0].end <= m.end and m.last > m.first:
            # "وسيطر مسلحو التنظيم على القرية": a gap pattern holds its verb's subject
            actor1, actor2 = after[0], (after[1] if len(after) > 1 else None)
        if violent and actor1 is not None and actor1 is not agent and after and \
                self._agent_of_noun(mn, after[0]) and not self._same_actor(actor1, after[0]):
            # "ردت القوات السعودية على قصف الحوثيين لمنطقة", "استهدفت دورية في كمين للمقاومة":
            # a name before an attack noun is another verb's subject; the noun's own agent (its
            # genitive, its لـ-phrase) is the initiator, and that subject its target
            actor1, actor2 = after[0], (after[1] if len(after) > 1 else actor1)
        if actor1 is None and after and self._agent_of_noun(mn, after[0]):
            # "قصف الحوثيين لمنطقة", "هجوم للمقاومة", "غارات شنتها مقاتلات التحالف": the name
            # right after an attack noun is its agent, the next one its target.
            actor1, actor2 = after[0], (after[1] if len(after) > 1 else None)
            if actor1.start < m.end and actor2 is not None and not self._known(actor2):
                # a platform inside the trigger ("قصف طائرات الاحتلال مدرسة فهمي الجرجاوي"):
                # a name the base does not know after it is the building's or the place's;
                # the target is the side that took the losses before it, if any
                actor2 = next((x for x in self._actor_spans(s_a, m.start)
                               if self._is_victim(x, mn, lo=s_a)), None)
        if actor1 is None and mn.mode == "material":
            # "طائراتها قصفت", "قواته استهدفت": a force noun with a possessive pronoun in or
            # right before the trigger is its subject (_role reads whose forces they are)
            for k in range(max(m.first - 1, 0), m.last + 1):
                w = self.words[k]
                if _POSSESSED_FORCE.match(w.form) and (k >= m.first or not self.text[
                        w.end:self.words[m.first].start].strip()):
                    a = self._strip_proclitic(w, None)
                    actor1 = ActorSpan(a, w.end, self.text[a:w.end], "ORG", None, False)
                    after = [x for x in after if x.start >= w.end]
                    actor2 = after[0] if after else None
                    break
        if actor1 is None and violent:
            actor1 = self._attack_nisba(m)
            if actor1 is not None:
                after = [x for x in after if x.start >= actor1.end]
                if actor2 is not None and actor2.start < actor1.end:
                    actor2 = after[0] if after else None
        if actor1 is None and mn.mode == "material" and mn.plover == "COERCE":
            # "أطلقت إدارة الأمن العام حملة أمنية ... أسفرت عن اعتقال 12 شخصاً": the arrests a
            # campaign resulted in were made by whoever launched it
            res = [r for r in _RESULT.finditer(self.text, s_a, m.start)]
            if res:
                first = next((x for x in self._actor_spans(s_a, res[-1].start())
                              if not self._prep_before(x.start)), None)
                if first is not None and not (actor2 is not None and self._same_actor(first, actor2)):
                    actor1 = first
        if actor1 is None and actor2 is None and mn.acled_type == "Battles":
            # "ارتفاع حصيلة الاشتباكات إلى 30 قتيلاً، بينهم 16 من عناصر الأمن العام و14 من
            # المسلحين": the toll's two groups are the two sides
            sides = self._toll_sides(s_a, s_b)
            if sides is not None:
                actor1, actor2 = sides
        if actor1 is None and mn.mode == "material" and mn.acled_subtype in _TAKEN \
                and not self._verb_like(m):
            # "أعلنت وزارة الداخلية، مساء أمس، القبض على شخصين": the body that announces the
            # arrests it names as a verbal noun made them
            x = self._announcer(mn, ("armed-group", "state-forces", "state-agency", "government"))
            if x is not None and not (actor2 is not None and self._same_actor(x, actor2)):
                actor1 = x
                after = [y for y in after if (y.start, y.end) != (x.start, x.end)]
        if actor1 is None and violent and not self._verb_like(m) and victim is None:
            # "أعلنت جماعة الحوثي، مساء السبت، استهداف حاملة الطائرات": an armed party that
            # announces an attack it names as a verbal noun claims it
            x = self._announcer(mn)
            if x is not None and not (actor2 is not None and self._same_actor(x, actor2)):
                actor1 = x
                after = [y for y in after if (y.start, y.end) != (x.start, x.end)]
        if actor1 is None and after and mn.mode == "material" and mn.plover in ("RETREAT", "MOBILIZE") \
                and self._word_at(after[0].start) == m.last + 1:
            # "انسحاب وحداتها", "وصول أرتال الجيش": the genitive of the movement noun moves
            actor1, actor2 = after[0], (after[1] if len(after) > 1 else None)
        if actor1 is None and after and self._verb_like(m) and mn.mode == "material" \
                and not self.words[m.first].form.startswith(_INTRANSITIVE):
            # VSO: "اعتقلت قوات الأمن X" - the first name after a verb is its subject (not
            # after "انفجرت سيارة مفخخة": a bomb goes off, nobody is its subject).
            actor1, actor2 = after[0], (after[1] if len(after) > 1 else None)
        if actor1 is None and after and mn.mode == "verbal" and self._anaphor_after(m):
            actor1 = self._previous_actor1(mn, mentions)
        if actor1 is None and mn.mode == "material" and self._pronoun_subject_before(m):
            # "أعلن الجيش اللبناني ... وأنه دفع بتعزيزات": the pronoun is the announcing body
            actor1 = self._speaker_of_sentence(mn, m.start)
        if actor1 is None and mn.mode == "verbal" and self._pronoun_subject_before(m):
            # "فإنها دعت ...", "وإنه حذر": the pronoun is the sentence's earlier speaker
            actor1 = self._same_sentence_actor1(mn, mentions) or self._previous_actor1(mn, mentions)
        # "وطالب بتدخل "قوات دولية"": names inside the quoted words are not the speaker (a
        # quoted name right after the verb is: "اتهمت «وحدات حماية الشعب»")
        unquoted = [x for x in after if not self._quoted_after(m, x)] if mn.mode == "verbal" else after
        if actor1 is None and mn.mode == "verbal" and unquoted and (
                mn.plover == "REQUEST" or (mn.plover == "ACCUSE" and m.proclitic in ("و", "ف")
                                           and self._word_at(unquoted[0].start) == m.last + 1)) \
                and self._addressee(unquoted[0]) and self._opens_clause(m, c_a, c_b):
            # "وطالبت مجلس الأمن بـ...", "ودعا الفصائل إلى ...": the name after a demand verb
            # followed by بـ/إلى is whom it is asked of; the speaker is the one before ("واتهم
            # الحكومة السورية بارتكاب ...": likewise the accused of a coordinated accusation)
            actor2 = unquoted[0]
            # ("قالت منظمة X إن ...، واتهمت Y بـ": the speaker of the sentence, else the last one)
            actor1 = (self._speaker_of_sentence(mn, mn.match.start) if m.proclitic else None) \
                or self._previous_actor1(mn, mentions)
            if actor1 is not None and self._same_actor(actor1, actor2):
                actor1 = None
        if actor1 is None and mn.mode == "verbal" and unquoted and not self._anaphor_after(m) \
                and self._opens_clause(m, c_a, c_b):
            # A statement verb that opens its clause: "وحذر الجيش ..." - subject after it.
            actor1 = unquoted[0]
            rest = [x for x in after if x.start >= actor1.end]
            actor2 = rest[0] if rest else None
        if actor1 is None and mn.mode == "verbal" and m.proclitic in ("و", "ف") and \
                m.last + 1 < len(self.words) and (self.words[m.last + 1].form.startswith("ب")
                                                  or self.words[m.last + 1].form in _PREPS):
            # "ودان X ...، وطالب بتدخل ...": a coordinated statement verb whose complement follows
            # at once has no subject of its own; it is the earlier speaker's
            actor1 = self._same_sentence_actor1(mn, mentions) or self._previous_actor1(mn, mentions)
        if mn.mode == "verbal" and mn.plover in ("ACCUSE", "REJECT", "THREATEN"):
            # "دانت الخارجية الغارات الإسرائيلية": the attack condemned names its attacker,
            # before any name told after it ("العدوان الإسرائيلي على مبنى الأركان": what was
            # hit is not the accused)
            k0 = m.last + 1
            if actor1 is not None and actor1.start > m.start and self._word_at(actor1.end - 1) is not None:
                k0 = self._word_at(actor1.end - 1) + 1     # past a subject after the verb
            k0, lim = self._past_aside(k0, c_b)
            for k in range(k0, min(k0 + 3, len(self.words))):
                if self.words[k].end > lim:
                    break
                if self._is_trigger_word(k) or _in_lex(self.words[k].form, _CONDEMNED):
                    # ("الاتهامات الإسرائيلية": a statement's nisba names the state itself)
                    x = self._nisba_attacker(dataclasses.replace(
                        m, first=k, last=k, start=self.words[k].start, end=self.words[k].end,
                        proclitic=""), state=self._statement_between(self.words[k].start,
                                                                     self.words[k].end))
                    if x is not None and (actor2 is None or actor2.start > x.start):
                        actor2 = x
                        break
        if mn.mode == "verbal" and mn.plover == "ACCUSE":
            held = self._held_responsible(m, actor1)
            if held is not None:
                actor2 = held
        if mn.mode == "verbal" and actor2 is not None and actor1 is not None \
                and self._word_before_in(actor2, _COMPLEMENTIZERS) and self._own_state(actor1, actor2):
            # "هدد نتنياهو بأن إسرائيل لن تسمح بانتشار قوات النظام": the speaker's own state
            # opening the reported clause speaks with him; its object is the target
            rest = [x for x in self._actor_spans(actor2.end, c_b) if not self._prep_before(x.start)
                    or self._prep_before(x.start) == "ب"]
            actor2 = rest[0] if rest else None
        if mn.mode == "verbal" and actor1 is not None and actor1.start > s_a \
                and fold_key(actor1.text) in _INSTITUTION_BACKREFS:
            # "وقال المتحدث باسم وزارة الداخلية نور الدين البابا إن ...، مضيفاً أن الوزارة لن
            # تتهاون": "the ministry" in the words of its named spokesman is his statement
            spk = self._speaker_of_sentence(mn, actor1.start)
            if spk is not None and spk.etype == "PER" and spk.end <= actor1.start:
                actor1 = spk
        if mn.mode == "verbal" and actor1 is not None and self._word_before_in(actor1, _COMPLEMENTIZERS):
            # "هدد نتنياهو بأن إسرائيل لن تسمح بـ...": the threat in the reported clause is the
            # speaker's own, voiced for his state
            outer = next((o for o in reversed(mentions) if o is not mn and o.sent == mn.sent
                          and o.mode == "verbal" and o.match.start < actor1.start
                          and o.actor1 is not None and o.actor1.end <= actor1.start), None)
            if outer is not None and self._own_state(outer.actor1, actor1):
                actor1 = outer.actor1
        if actor2 is not None and actor1 is not None and self._same_actor(actor1, actor2):
            actor2 = None
        mn.actor1, mn.actor2, mn.role_score = actor1, actor2, score

    def _own_state(self, a: ActorSpan, x: ActorSpan) -> bool:
        """``x`` names, as a country, the state of the actor ``a`` (a person or a state body
        of that country in the knowledge base: "نتنياهو ... إسرائيل").  Only the country
        name: "الحكومة" in an opposition figure's words is the other side."""
        actors = self._kb_actors
        ra, rx = actors.get(self._role(a).actor_id or ""), actors.get(self._role(x).actor_id or "")
        return ra is not None and rx is not None and rx.kind == "country" and ra.kind in (
            "person", "country", "government", "state-forces", "state-agency") \
            and bool(rx.country) and rx.country == ra.country

    def _circumstantial(self, m: Match) -> bool:
        """The trigger is a circumstantial participle after a comma: "، داعياً", "، مطالباً",
        "، متهمةً" (an accusative -اً, or a م- participle)."""
        w = self.words[m.first]
        f = w.form
        before = self.text[max(0, w.start - 3):w.start].strip()
        if not before.endswith(("،", ",")) or len(f) < 4:
            return False
        tail = self.text[w.end - 2:w.end + 1]     # a word's span leaves a final tanween out
        return "اً" in tail or "ًا" in tail or (f[:1] == "م" and f.endswith(("ا", "ه", "ة")))

    def _main_speaker(self, mn: Mention, mentions: list[Mention]) -> ActorSpan | None:
        """The subject of the sentence's main clause: an earlier statement's speaker in the same
        sentence, else its first name not after a preposition, else the last speaker."""
        for o in mentions:
            if o is not mn and o.sent == mn.sent and o.mode == "verbal" and o.actor1 \
                    and o.match.start < mn.match.start:
                return o.actor1
        s_a = self.sentences[mn.sent][0]
        for x in self._actor_spans(s_a, mn.match.start):
            if not self._prep_before(x.start) and not self._in_relative(x.start):
                return x
        return self._previous_actor1(mn, mentions)

    def _addressee(self, x: ActorSpan) -> bool:
        """``x`` is followed by بـ + a noun or by إلى/الى: the one a demand is made of."""
        xi = self._word_at(x.end - 1)
        if xi is None or xi + 1 >= len(self.words):
            return False
        nxt = self.words[xi + 1]
        if self.text[x.end:nxt.start].strip(" \"'“«ـ"):
            return False
        f = nxt.form
        return f in ("الي", "إلى", "الى") or (f[:1] == "ب" and len(f) > 3) or f == "ب"

    def _quoted_after(self, m: Match, x: ActorSpan) -> bool:
        """``x`` stands inside quoted words that open after the trigger with other words."""
        gap = self.text[m.end:x.start]
        q = max(gap.rfind(c) for c in "\"“«")
        return q >= 0 and bool(gap[:q].strip()) and not any(c in gap[q + 1:] for c in "\"”»")

    def _attack_nisba(self, m: Match) -> ActorSpan | None:
        """"غارات إسرائيلية", "القصف التركي": the attack noun's nisba names the attacker
        ("غارات إسرائيلية استهدفت": the noun and its nisba before the verb); not after a
        targeting phrase, "استهداف حاملة الطائرات الأمريكية", whose nisba is its object's."""
        if m.last > m.first and self.words[m.first].form.lstrip("وفب").startswith(_TARGETING):
            return None
        return self._nisba_attacker(m, before=self._verb_like(m))

    def _nisba_attacker(self, m: Match, before: bool = False, state: bool = False) -> ActorSpan | None:
        """The military of the country whose nisba follows the attack noun ("غارات إسرائيلية",
        "القصف التركي"; "غارات جوية إسرائيلية" with one adjective between); with ``before``,
        an attack noun and its nisba right before a verb trigger ("غارات إسرائيلية استهدفت")."""
        kb = getattr(self.resolver, "kb", None)
        if kb is None or not getattr(kb, "cue_index", None) or not hasattr(kb, "role_actor"):
            return None
        from ..actors.kb import match_key
        if before:
            k = m.first - 1
            if k < 1 or not (self._is_trigger_word(k - 1) or self._is_trigger_word(k - 2)):
                return None
            ks = (k,)
        else:
            ks = (m.last + 1, m.last + 2)
        for k in ks:
            if k >= len(self.words) or self.text[self.words[k - 1].end:self.words[k].start].strip():
                return None
            f = self.words[k].form
            # a nisba only ("إسرائيلية"): the base's cues also hold towns ("في إدلب")
            cc = kb.cue_index.get(match_key(f.removeprefix("ال"))) if f.endswith(_NISBA_ENDS) else None
            if cc:
                aid = kb.role_actor(cc, "military", self.published) if not state else (
                    next((i for i in kb.roles.get((cc, "government"), ()) if kb.is_valid(i, self.published)),
                         None) or kb.country_actor(cc))
                if not aid:
                    return None
                w = self.words[k]
                return ActorSpan(w.start, w.end, self.text[w.start:w.end], "NORP", aid, True)
        return None

    def _partitive_subject(self, x: ActorSpan) -> bool:
        """``x`` follows "<head noun> من" ("عناصر من قسد") where the head noun is not itself
        after a preposition: the members of ``x`` are the clause's subject."""
        wi = self._word_at(x.start)
        if wi is None or wi < 2 or self.words[wi - 1].form != "من":
            return False
        h = wi - 2
        if not any(c.first == h for c in self.cues.get("actor_noun", ())):
            return False
        return not self._prep_word(self.words[h]) and not (h > 0 and self._prep_word(self.words[h - 1]))

    def _kb_id(self, x: ActorSpan) -> str | None:
        """The knowledge-base actor of a span (None for none or a new actor)."""
        aid = x.actor_id or (self._resolve_text(x.text, x.etype, x.start, x.end) if self.resolver else None)
        return aid if aid and not aid.startswith("new:") else None

    def _toll_sides(self, s_a: int, s_b: int) -> tuple[ActorSpan, ActorSpan] | None:
        """Two different groups a toll is broken down into after "بينهم/منهم" in the sentence."""
        lo, hi = self._word_range(s_a, s_b)
        k = next((i for i in range(lo, hi) if self.words[i].form in _AMONG), None)
        if k is None:
            return None
        groups: list[ActorSpan] = []
        for x in self._actor_spans(self.words[k].end, s_b):
            if x.text in _BOTH_SIDES or self._is_civilians(x):
                continue
            if not groups or not self._same_actor(groups[-1], x):
                groups.append(x)
        return (groups[0], groups[1]) if len(groups) >= 2 else None

    def _member_of(self, x: ActorSpan) -> bool:
        """``x`` follows "<member noun> في" ("قيادي في حزب الله", "عنصرين في قسد"): the members
        named are ``x``'s, so ``x`` is a party though a preposition stands before it."""
        wi = self._word_at(x.start)
        return wi is not None and wi >= 2 and self.words[wi - 1].form == "في" \
            and _in_lex(self.words[wi - 2].form, _MEMBER_NOUNS)

    def _instrument(self, x: ActorSpan) -> bool:
        """``x`` is the means of the act ("قصفت قوات النظام بالمدفعية الثقيلة"): a weapon or
        aircraft word with بـ, not a party."""
        wi = self._word_at(x.start)
        if wi is None:
            return False
        for k in (wi, wi - 1):     # ("بطائرة مسيرة": the span may start after the بـ-word)
            f = self.words[k].form if k >= 0 else ""
            if f.startswith("ب") and f[1:] in _HARDWARE:
                return True
        return False

    def _passing_before(self, x: ActorSpan) -> bool:
        """``x`` is the genitive of a passing word ("عند مرور الجنود", "أثناء عبور دورية"): the
        ones who passed by, not a party named by the trigger's clause."""
        return self._word_before_in(x, _PASSING)

    def _word_before_in(self, x: ActorSpan, words) -> bool:
        """The word right before ``x`` is one of ``words``."""
        wi = self._word_at(x.start)
        return wi is not None and wi > 0 and self.words[wi - 1].form in words

    def _controller(self, x: ActorSpan) -> bool:
        """``x`` holds a place named before it ("أريحا الخاضعة لسيطرة فصائل المعارضة"), or owns
        a thing ("موقع تابع لجماعة"): it is described, not acted upon."""
        return self._word_before_in(x, _CONTROL)

    def _owned_by(self, x: ActorSpan) -> bool:
        """``x`` follows "تابعة لـ", "الموالية لـ": the owner of the thing named before it."""
        wi = self._word_at(x.start)
        return wi is not None and wi > 0 and self.words[wi - 1].form in _AFFILIATION and \
            self._prep_before(x.start) == "ل"

    def _with_pronoun_after(self, m: Match) -> bool:
        """"اشتباكات معها/معهم": the trigger's other side is a pronoun."""
        k = m.last + 1
        return k < len(self.words) and self.words[k].form in _WITH_PRONOUNS

    def _announcer(self, mn: Mention, kinds: tuple = ("armed-group", "state-forces")) -> ActorSpan | None:
        """The armed party (forces or group in the base; ``kinds``) that "أعلن/تبنى" the trigger
        in its sentence, with no other trigger between the announcement and it."""
        s_a = self.sentences[mn.sent][0]
        actors = self._kb_actors
        for c in self.cues.get("speech", ()):
            if c.start < s_a or c.end > mn.match.start or not self.words[c.first].form.lstrip(
                    "وف").startswith(_ANNOUNCE):
                continue
            spans = [x for x in self._actor_spans(c.end, mn.match.start) if not self._prep_before(x.start)]
            if not spans or self._trigger_between(self._word_at(spans[0].end - 1) + 1, mn.match.start):
                continue
            x = spans[0]
            aid = self._role(x).actor_id
            if aid and getattr(actors.get(aid), "kind", None) in kinds:
                return x
        return None

    def _speaker_of_sentence(self, mn: Mention, until: int) -> ActorSpan | None:
        """The party that speaks in the trigger's sentence before it ("أعلنت المقاومة ..."),
        named before ``until``."""
        s_a = self.sentences[mn.sent][0]
        for c in self.cues.get("speech", ()):
            if c.start < s_a or c.end > mn.match.start:
                continue
            for x in self._actor_spans(c.end, until):
                if not self._prep_before(x.start):
                    return x
            lo, hi = self._word_range(c.end, until)
            for k in range(lo, min(hi, lo + 4)):
                x = self._kb_word(k)
                if x is not None:
                    return x       # "أعلنت فيه المقاومة": a group name no entity covers
        return None

    def _kb_word_after(self, m: Match, c_b: int) -> ActorSpan | None:
        """The word right after an attack noun when it names a group of the actor knowledge
        base though no entity covers it: its genitive or لـ-phrase ("قصف الحوثيين لمنطقة",
        "كمين للمقاومة")."""
        k = m.last + 1
        if k >= len(self.words) or self.words[k].end > c_b or self.resolver is None:
            return None
        w = self.words[k]
        if self.text[m.end:w.start].strip() or w.form in _PREPS or self._is_trigger_word(k):
            return None
        return self._kb_word(k)

    def _kb_word(self, k: int, through_entities: bool = False) -> ActorSpan | None:
        """Word ``k`` as an actor span when it alone names a group of the knowledge base (with
        its article, after a conjunction or a لـ: "الحوثيين", "للمقاومة"); None otherwise."""
        w = self.words[k]
        if self.resolver is None:
            return None
        if not through_entities and any(e.start < w.end and w.start < e.end for e in self.entities):
            return None        # the entity layer has read it (a place, a person...)
        f = w.form[1:] if w.form[:1] in ("و", "ف") and len(w.form) > 4 else w.form
        a = self._skip_letters(w, len(w.form) - len(f))
        if f.startswith("لل"):
            name = "ال" + f[2:]            # "للمقاومة" = ل + المقاومة
            a = self._skip_letters(w, len(w.form) - len(f) + 2)   # the span leaves ل + ل out
        elif f[:1] in ("ل",) and f[1:3] == "ال":
            name = f[1:]
            a = self._skip_letters(w, len(w.form) - len(f) + 1)
        else:
            name = f
        aid = self._resolve_text(name, "ORG", a, w.end)
        if not aid or str(aid).startswith("new:"):
            return None
        actor = self._kb_actors.get(aid)
        if actor is None or getattr(actor, "kind", "") not in _GROUP_KINDS:
            return None        # countries, media, persons and civilians are not read here
        return ActorSpan(a, w.end, self.text[a:w.end], "ORG", aid, True)

    def _casualty_at(self, wi: int) -> bool:
        """Word ``wi`` is a killed/injured word ("قتل", "استشهد", "أصيب")."""
        return any(c.first <= wi <= c.last for cat in ("killed", "injured")
                   for c in self.cues.get(cat, ()))

    def _counted_victims(self, s_a: int, s_b: int, actor1: ActorSpan | None) -> ActorSpan | None:
        """A knowledge-base group named by its nisba right after a casualty word and its count
        ("مقتل 17 حوثياً", "قتل ثمانية عشر حوثياً") in the sentence."""
        for cat in ("killed", "injured"):
            for c in self.cues.get(cat, ()):
                if not s_a <= c.start < s_b:
                    continue
                k = c.last + 1
                while k < len(self.words) and k - c.last <= 4 and self.words[k].end <= s_b \
                        and self._count_word(k):
                    k += 1
                if k == c.last + 1 or k >= len(self.words) or self.words[k].end > s_b:
                    continue               # no count: "قتل حوثي" is read by the other rules
                x = self._kb_word(k)
                if x is not None and not (actor1 is not None and self._same_actor(x, actor1)):
                    return x
        return None

    def _caused_by(self, m: Match, c_a: int) -> bool:
        """A cause word ("إثر", "جراء", "نتيجة") opens the trigger's clause or stands right
        before the trigger."""
        wi = m.first
        if "ب" in m.proclitic:
            return True        # "قتل جنديان بانفجار عبوة": the instrument's ب
        lo = self._word_at(c_a) or 0
        return any(self.words[k].form in _CAUSE_WORDS for k in range(max(lo, wi - 2), wi))

    def _is_victim(self, x: ActorSpan, mn: Mention, lo: int | None = None) -> bool:
        """``x``, told before the trigger, is the side that took the losses: a killed/injured
        word shortly before it ("مقتل 22 من X", "إصابة عناصر X"), "في صفوف X", or a casualty verb
        between it and the trigger ("خمسة من X قتلوا في هجوم")."""
        m = mn.match
        xi = self._word_at(x.start)
        if xi is None:
            return False
        c_a = mn.clause[0] if lo is None else lo
        if xi > 0 and self.words[xi - 1].form in _RANKS:
            return True
        if xi > 0 and self.words[xi - 1].form in _MEMBERS:
            s_a = self.sentences[mn.sent][0]
            if any(s_a <= c.start < x.start for cat in ("killed", "injured") for c in self.cues.get(cat, ())):
                return True
        for cat in ("killed", "injured"):
            for c in self.cues.get(cat, ()):
                if c.start < c_a:
                    continue
                if c.last < xi and xi - c.last <= 6 and not any(
                        ch in self.text[c.end:x.start] for ch in _PUNCT) and all(
                        self._count_word(k) for k in range(c.last + 1, xi)):
                    return True
                if x.end <= c.start and c.last < m.first and not any(
                        ch in self.text[x.end:c.start] for ch in _PUNCT) and \
                        c.first - self._word_at(x.end - 1) <= 5 and \
                        not any(self.words[k].form in _COMPLEMENTIZERS
                                for k in range(self._word_at(x.end - 1) + 1, c.first)) and \
                        self._casualty_intransitive(c, m):
                    return True    # (not "قالت الوزارة إن أحد المطلوبين قتل": the speaker)
        return False

    def _casualty_intransitive(self, c: Match, m: Match) -> bool:
        """A casualty verb after its subject that takes no object: "قتلوا في هجوم", "أصيبوا
        جراء" (but "داعش قتل 37 من ..." names the killer)."""
        k = c.last + 1
        if k >= m.first:
            return True
        w = self.words[k]
        f = w.form
        if any(t.start <= w.start < t.end for t in self.times):
            return True        # "أصيبوا يوم الأحد في انفجار"
        if self._casualty_at(k):
            # "جنديين قتلا وجرح 24 آخرون في هجوم": a second casualty verb and its "others"
            j = k + 1
            while j < m.first and self._count_word(j):
                j += 1
            if j < m.first and self.words[j].form in _OTHERS:
                return True
        return f in _PREPS or f in _CAUSE or (f[:1] == "ب" and f[1:3] == "ال") or \
            f.startswith(("خلال", "اثر"))

    def _count_word(self, k: int) -> bool:
        """Word ``k`` belongs to a count phrase between a casualty word and the victims ("مقتل
        22 من", "إصابة عدد من"): a number, a quantity, or a quantifier word."""
        w = self.words[k]
        if w.form.isdecimal() or w.form in _COUNT_WORDS:
            return True
        if any(c.first == k for c in self.cues.get("actor_noun", ())):
            return True        # "مقتل عشرة من عناصر تنظيم داعش": the head of the victims' name
        if any(c.first == k for c in self.cues.get("person_count", ())):
            return True        # "قتل عنصران من الأمن العام": a dual or singular person noun
        return any(q.start <= w.start and w.end <= q.end for q in self.quantities)

    def _marked_agent(self, m: Match, c_b: int) -> ActorSpan | None:
        """The actor right after an agent marker following the trigger in its clause: "بنيران
        Y", "برصاص Y", "على يد Y", "بقصف Y" (up to ten words on)."""
        lo, hi = self._word_range(self.words[m.last].end, c_b)
        for i in range(lo, min(hi, lo + 10)):
            f = self.words[i].form
            prev = self.words[i - 1].form if i > 0 else ""
            if f in _AGENT_MARKERS and not (f == "يد" and prev != _ALA) or (
                    f in _POSITIONS and prev == "من"):
                nxt = self._actor_spans(self.words[i].end, c_b)
                if nxt and self._word_at(nxt[0].start) is not None and \
                        self._word_at(nxt[0].start) <= i + 3:
                    return nxt[0]
        return None

    def _opens_clause(self, m: Match, c_a: int, c_b: int) -> bool:
        """The trigger opens its clause, after function words only ("وفيما أدانت X", "كما حذر")."""
        lo = self._word_range(c_a, c_b)[0]
        return all(self.words[k].form in _CLAUSE_OPENERS for k in range(lo, m.first))

    def _pronoun_subject_before(self, m: Match) -> bool:
        """A complementizer with a subject pronoun right before the trigger ("فإنها دعت")."""
        return m.first > 0 and self.words[m.first - 1].form in _PRONOUN_COMPS

    def _agent_of_noun(self, mn: Mention, x: ActorSpan) -> bool:
        """True when ``x`` is the agent of an attack noun: its genitive ("قصف الحوثيين"), a
        لـ-phrase right after it ("هجوم للمقاومة") or the subject of "شنه/نفذه" after it.

        Only for attacks of two sides or remote violence: after "اعتقال/اختطاف/اغتيال" the
        genitive is the victim."""
        m = mn.match
        # "قضى برصاص الجيش": an instrument noun's genitive is the shooter, also for attacks on
        # civilians (after "اغتيال/اختطاف" the genitive is the victim)
        instrument = mn.acled_type == "Violence against civilians" and (
            m.proclitic.endswith("ب") or self.words[m.first].form.startswith("ب"))
        if mn.mode != "material" or mn.plover != "ASSAULT" or (mn.acled_type not in (
                "Battles", "Explosions/Remote violence") and not instrument) or self._verb_like(m):
            return False
        wi = self._word_at(x.start)
        if wi is not None and m.first < wi <= m.last and _PLATFORM.match(self.words[wi].form) and (
                wi == m.first + 1 or self.words[wi - 1].form.startswith(("نفذ", "شن"))):
            # the trigger phrase holds the weapon platform as its genitive or the subject of
            # "نفذتها/شنتها" ("قصف طائرات الاحتلال مدرسة", "استهداف طائرة مسيرة تركية سيارة",
            # "بضربة جوية نفذتها طائرات F-16"): the aircraft's side struck (not "استهداف حاملة
            # الطائرات", a ship)
            return True
        if wi is None or wi <= m.last:
            return False
        gap = self.text[m.end:x.start]
        if any(ch in gap for ch in "،,.:؛;()«»\"“”"):
            return False
        between = [self.words[k].form for k in range(m.last + 1, wi)]
        if not between:
            return self._prep_before(x.start) in ("", "ل")
        if len(between) == 1 and self._prep_before(x.start) == "ل" and \
                between[0] not in _PREPS and not between[0].isdecimal() and \
                between[0] not in _TARGET_NOUNS and \
                not self._is_trigger_word(m.last + 1):
            return True        # "هجوم كاسح للمقاومة": an adjective, then the لـ-agent
        if 1 <= len(between) <= 2 and between[-1][:1] == "ل" and between[-1][1:] in _FIGHTER_HEADS \
                and all(b not in _PREPS and not b.isdecimal() for b in between[:-1]) \
                and (len(between) == 1 or not self._is_trigger_word(m.last + 1)):
            return True        # "هجوم انتحاري لمتمردي حزب العمال": the fighters' لـ-phrase
        # "قصف شنه الحوثيون", "غارات شنتها مقاتلات التحالف", "هجوم نفذه تنظيم داعش"
        return len(between) == 1 and between[0].startswith(_LAUNCH) and \
            self._prep_before(x.start) == ""

    def _between(self, m: Match, c_b: int) -> tuple[ActorSpan, ActorSpan] | None:
        """"اشتباكات ... بين X و Y" (up to 12 words on, within the sentence)."""
        lo, hi = m.last + 1, min(self._word_range(m.end, c_b)[1], m.last + 12)
        for i in range(lo, hi):
            if self.words[i].form == "بين":
                spans = [x for x in self._actor_spans(self.words[i].end, c_b)
                         if fold_key(x.text) not in _BOTH_SIDES]      # "بين الطرفين": no names
                if spans:
                    # "بين قوات سوريا الديمقراطية (قسد) و...": the abbreviation is the same side
                    x0 = self._resolve(spans[0]) if spans[0].actor_id is None else spans[0].actor_id
                    spans = spans[:1] + [y for y in spans[1:] if not (
                        x0 and (y.actor_id or self._resolve(y)) == x0)]
                if len(spans) >= 2:
                    x, y = spans[0], spans[1]
                    # ACLED lists the state side first when one side is state forces.
                    if self._is_state(y) and not self._is_state(x):
                        x, y = y, x
                    return x, y
                return None
        return None

    def _is_state(self, a: ActorSpan) -> bool:
        """A state's forces: a state word in the span ("قوات", "الجيش"), a state actor of the
        knowledge base, or a force it lists as fighting for a government."""
        if self._cues_in("state", a.start, a.end):
            return True
        kb = getattr(self.resolver, "kb", None)
        if kb is None:
            return False
        aid = a.actor_id or self._resolve(a)
        actor = self._kb_actors.get(aid) if aid else None
        return actor is not None and (getattr(actor, "kind", "") in ("state-forces", "state-agency")
                                      or aid in getattr(kb, "pro_government", ()))

    def _agent_by(self, pos: int, c_b: int) -> ActorSpan | None:
        lo, hi = self._word_range(pos, c_b)
        for i in range(lo, max(lo, hi - 1)):
            if self.words[i].form in ("من",) and self.words[i + 1].form == "قبل":
                if self._trigger_in(pos, self.words[i].start):
                    return None    # "بعد اختطافه من قبل X": the agent of that other event
                spans = self._actor_spans(self.words[i + 1].end, c_b)
                return spans[0] if spans else None
        return None

    def _last_complementizer(self, lo: int, first: int) -> int | None:
        for i in range(first - 1, lo - 1, -1):
            if self.words[i].form in _COMPLEMENTIZERS:
                return i
        return None

    def _subject_before(self, mn: Mention) -> ActorSpan | None:
        """The leftmost non-prepositional actor between the clause start (or the last "أن") and
        the trigger."""
        m = mn.match
        c_a = mn.clause[0]
        lo = self._word_range(c_a, mn.clause[1])[0]
        comp = self._last_complementizer(lo, m.first)
        a = self.words[comp].end if comp is not None else c_a
        spans = self._actor_spans(a, m.start)
        sv = self._announcing_subject(spans, m, a)
        if sv is not None:
            return sv
        for k, x in enumerate(spans):
            if self._partitive_subject(x):
                return x       # "عناصر من قوات سوريا الديمقراطية اعتقلوا": members of the group
            if self._owned_by(x) and (k == 0 or not spans[k - 1].named):
                # "أجهزة الأمن التابعة لحماس", "طائرة حربية تابعة للنظام": the owner acts
                return x
            if not self._prep_before(x.start) and not self._in_relative(x.start):
                if mn.mode == "material" and (
                        self._statement_between(x.end, m.start)
                        or self._statement_between(
                            a if comp is not None else self.sentences[mn.sent][0], x.start)):
                    # (a statement before "إن": "نفت قسد ... وقالت إن "فصائل" قصفت" - the
                    # reported clause has its own subject)
                    return None    # "ودانت وزارة الخارجية الهجوم": the speaker, not the attacker
                if not x.named and k + 1 < len(spans) and self._owned_by(spans[k + 1]):
                    return spans[k + 1]
                return x
        return None

    def _coordinated_subject(self, x: ActorSpan) -> bool:
        """``x`` opens a coordinated clause of its own: "و" + a name + a verb at once ("...
        والداخلية تعلن القبض", "وقوات الأمن تطوق الحي") - the subject of the next clause,
        not an object of what came before."""
        k = self._word_at(x.start)
        if k is None or not (self.words[k].form.startswith("و") and self.words[k].start == x.start) \
                and not self.text[max(0, x.start - 1):x.start] == "و":
            return False
        j = self._word_at(x.end - 1)
        if j is None or j + 1 >= len(self.words) or self.text[x.end:self.words[j + 1].start].strip():
            return False
        f = self.words[j + 1].form
        # a present verb (the headline's tense): "تعلن", "يقتحمون", "تشن"
        return j + 1 in self._trigger_words and f[:1] in ("ي", "ت", "ن") and len(f) > 3

    def _named_for_generic(self, actor1: ActorSpan, actor2: ActorSpan | None,
                           mentions: list[Mention], groups: list[Group]) -> ActorSpan:
        """"كمين نصبه مسلحون" told again as "من قبل مجموعة من فلول النظام البائد": when the
        event's initiator is only "armed men" and another telling of the same event (else the
        one armed group the report names as attacking) names an armed group as its initiator,
        that group is who the armed men were."""
        if self._role(actor1).actor_id != _UNIDENTIFIED:
            return actor1
        actors = self._kb_actors

        def named(o: Mention) -> ActorSpan | None:
            x = o.actor1
            if x is None or x is actor1 or (actor2 is not None and self._same_actor(x, actor2)):
                return None
            aid = self._role(x).actor_id
            ok = aid and aid != _UNIDENTIFIED and getattr(actors.get(aid), "kind", None) == "armed-group"
            return x if ok else None

        for o in sorted(mentions, key=lambda o: o.match.start):
            if named(o) is not None:
                return named(o)
        # (only an act told within two sentences, none of them opening "في سياق منفصل")
        sents = {o.sent for o in mentions}
        others = [(o.match.start, named(o)) for h in groups for o in h.mentions
                  if o.mode == "material" and o.plover in _VIOLENT_PLOVER and named(o) is not None
                  and min(abs(o.sent - x) for x in sents) <= 2
                  and not any(self._separate_sentence(x) for x in range(min(sents | {o.sent}),
                                                                        max(sents | {o.sent}) + 1))]
        if len({self._role(x).actor_id for _p, x in others}) == 1:
            return min(others, key=lambda t: t[0])[1]
        return actor1

    def _past_aside(self, k: int, c_b: int) -> tuple[int, int]:
        """Word ``k`` opens a short aside between commas ("ودانت الخارجية، في بيان، الاعتداءات"):
        the first word after it and the end of the clause that follows; else (k, c_b)."""
        if k >= len(self.words) or "،" not in self.text[self.words[k - 1].end:self.words[k].start] \
                and "," not in self.text[self.words[k - 1].end:self.words[k].start]:
            return k, c_b
        if self.words[k].form not in ("في", "عبر", "خلال", "اليوم", "امس"):
            return k, c_b
        s_b = self.sentences[self._sentence_of(self.words[k].start)][1]
        for j in range(k + 1, min(k + 5, len(self.words))):
            gap = self.text[self.words[j - 1].end:self.words[j].start]
            if self.words[j].start >= s_b:
                break
            if "،" in gap or "," in gap:
                return j, clause_bounds(self.text, self.sentences[self._sentence_of(self.words[j].start)][0],
                                        s_b, self.words[j].start)[1]
        return k, c_b

    def _any_will(self, m: Match, clause: tuple[int, int]) -> bool:
        """"أي" opens the trigger's clause part (up to ten words before it) and a future verb
        follows it in the clause: "any attempt to ... will be met with": a condition."""
        lo = self._word_range(*clause)[0]
        if not any(self.words[k].form == _ANY for k in range(max(lo, m.first - 10), m.first)):
            return False
        hi = self._word_range(*clause)[1]
        return any(_WILL_MEET.match(self.words[k].form) for k in range(m.last + 1, hi))

    def _held_responsible(self, m: Match, actor1: ActorSpan | None) -> ActorSpan | None:
        """"حمّلت حركة حماس الاحتلال والإدارة الأمريكية المسؤولية", "محملة حكومة الاحتلال
        المسؤولية": the one held responsible is named between the verb and "المسؤولية" (after
        the speaker, when the speaker follows the verb)."""
        k_res = next((k for k in range(m.first, m.last + 1)
                      if fold_key("مسؤولي") in self.words[k].form), None)
        if k_res is None:
            return None
        s_a = self.sentences[self._sentence_of(m.start)][0]
        k_verb = next((k for k in range(k_res - 1, max(k_res - 10, -1), -1)
                       if self.words[k].start >= s_a
                       and self.words[k].form.lstrip("وف").startswith(_HOLD_RESPONSIBLE)), None)
        if k_verb is None:
            return None
        spans = self._actor_spans(self.words[k_verb].end, self.words[k_res].start)
        covered = [(x.start, x.end) for x in spans]
        for k in range(k_verb + 1, k_res):
            # "الاحتلال": a name of the base no actor span covers (the entity "حركة حماس الاحتلال"
            # ran over it)
            x = self._kb_word(k, through_entities=True)
            if x is not None and not any(a <= x.start < b for a, b in covered):
                spans.append(x)
        for x in sorted(spans, key=lambda y: y.start):
            if actor1 is not None and (self._same_actor(x, actor1) or x.start < actor1.end <= x.end
                                       or (actor1.start <= x.start < actor1.end)):
                continue
            if self._prep_before(x.start) not in ("", None):
                continue
            return x
        return None

    def _announcing_subject(self, spans: list[ActorSpan], m: Match, a: int) -> ActorSpan | None:
        """Subject-verb order in a headline or a coordinated clause: "... والداخلية تعلن القبض
        على مشتبه بهما" - the name right before an announcing verb announces the act after it
        (not the first subject of the line, who did another thing)."""
        for c in sorted(self.cues.get("speech", ()), key=lambda c: -c.start):
            if c.start < a:
                return None
            if c.end > m.start or not self.words[c.first].form.lstrip("وف").startswith(_ANNOUNCE):
                continue
            if self._trigger_between(c.last + 1, m.start):
                return None
            x = next((y for y in spans if y.end <= c.start and not self.text[y.end:c.start].strip()), None)
            if x is None or self._prep_before(x.start):
                return None
            return x
        return None

    def _statement_between(self, a: int, b: int) -> bool:
        """A statement trigger (condemn, deny, accuse...) stands in [a, b): what follows is
        what the speaker talks about."""
        lo, hi = self._word_range(a, b)
        firsts = getattr(self, "_verbal_firsts", None)
        if firsts is None:
            firsts = self._verbal_firsts = {m.first for m in self.scan.find("triggers")
                                            if m.pattern.row.get("mode") == "verbal"}
        return any(lo <= k < hi for k in firsts)

    def _in_relative(self, pos: int) -> bool:
        """A mention inside a relative clause ("المواقع التي تضم X"): not the main subject."""
        wi = self._word_at(pos)
        if wi is None:
            return False
        return any(self.words[k].form in _RELATIVES for k in range(max(0, wi - 2), wi))

    def _speaker(self, mn: Mention, mentions: list[Mention]) -> ActorSpan | None:
        """The actor of a statement: the speaker of "قال إن ..." or the subject of the trigger."""
        m = mn.match
        s_a, _ = self.sentences[mn.sent]
        lo = self._word_range(s_a, mn.clause[1])[0]
        comp = self._last_complementizer(lo, m.first)
        if comp is not None:
            # (up to twelve words between: "قالت منظمة "الهلال الأحمر الكردي" إن", "قال قائد
            # الأمن الداخلي في محافظة حمص، العميد مرهف النعسان، إن")
            speech = [c for c in self.cues.get("speech", ())
                      if comp - 12 <= c.last < comp and c.start >= s_a
                      and not self._trigger_between(c.last + 1, self.words[comp].start)]
            if speech:
                sp = speech[-1]
                # VSO: "قال الجيش إن ..." (not "أفاد المرصد أن ...": a source reports another's
                # statement)
                after = [x for x in self._actor_spans(sp.end, self.words[comp].start)
                         if not self._prep_before(x.start) and not self._in_source(x)]
                if after:
                    return after[0]
                before = self._actor_spans(s_a, sp.start)
                if before:
                    return before[-1]
                if self._anaphor_in(s_a, self.words[comp].start):
                    return self._previous_actor1(mn, mentions)
                return None
            for x in self._actor_spans(self.words[comp].end, m.start):
                if not self._prep_before(x.start):
                    return x
        for x in self._actor_spans(mn.clause[0], m.start):
            if not self._prep_before(x.start):
                return x
        return None

    def _also_before(self, m: Match) -> bool:
        return m.first > 0 and self.words[m.first - 1].form in _ALSO

    def _same_sentence_actor1(self, mn: Mention, mentions: list[Mention]) -> ActorSpan | None:
        for o in mentions:
            if o is not mn and o.sent == mn.sent and o.match.start < mn.match.start and o.actor1:
                return o.actor1
        return None

    def _anaphor_in(self, a: int, b: int) -> bool:
        return bool(self._cues_in("anaphor", a, b))

    def _anaphor_near(self, mn: Mention) -> bool:
        return self._anaphor_in(mn.clause[0], mn.match.start) or self._anaphor_after(mn.match)

    def _anaphor_after(self, m: Match) -> bool:
        return any(c.first == m.last + 1 for c in self.cues.get("anaphor", ()))

    def _previous_actor1(self, mn: Mention, mentions: list[Mention]) -> ActorSpan | None:
        """The actor1 of the closest earlier mention (an anaphoric subject: "البيان", "الأخيرة")."""
        best = None
        for o in mentions:
            if o is mn or o.match.start >= mn.match.start or o.actor1 is None:
                continue
            if mn.mode == "verbal" and o.mode != "verbal" and o.sent != mn.sent and any(
                    p.mode == "verbal" and p.actor1 is not None and p.match.start < mn.match.start
                    for p in mentions if p is not mn):
                continue   # a statement's "she" is the last speaker, not an attack named since
            if best is None or o.match.start > best.match.start:
                best = o
        return best.actor1 if best else None

    def _verb_like(self, m: Match) -> bool:
        """A trigger word that reads as a finite verb (no article, a verbal ending or prefix)."""
        w = self.words[m.first].form
        if m.proclitic and "ال" in m.proclitic or m.proclitic[-1:] in ("ب", "ل", "ك"):
            return False
        base = w[len(m.proclitic):]
        if base.endswith("ات") and len(base) > 4 and not base.startswith(("ي", "ت", "ن")):
            return False   # a sound feminine plural ("غارات", "اشتباكات"), not a perfect in -ت
        if base.endswith(("ت", "وا")) or base[:1] in ("ي", "ت", "ن") and len(base) > 3:
            return True
        # a masculine perfect of the derived forms ("احتجز", "اعتقل", "استهدف", "اقتحم") before a
        # definite word; its verbal noun has a long a before the last letter ("احتجاز")
        nxt = self.words[m.first + 1].form if m.first + 1 < len(self.words) else ""
        if re.match(r"^ا.ت.ي$", base) and (nxt.startswith("ال") or nxt.endswith("ون")):
            return True    # a defective Form VIII perfect ("اعتدى مجهولون", "التقى الوزير")
        if base[:1] == "ا" and 5 <= len(base) <= 6 and not base.endswith(("ه", "ات", "ين", "ون", "ي")) \
                and len(nxt) > 4 and nxt.endswith("ون") and not nxt.startswith("ال"):
            return True    # "اغتال مسلحون": an indefinite nominative plural is a subject
        return base[:1] == "ا" and 5 <= len(base) <= 6 and base[-2] != "ا" \
            and not base.endswith(("ه", "ات", "ين", "ون", "ي")) and nxt.startswith("ال")

    def _same_actor(self, x: ActorSpan, y: ActorSpan) -> bool:
        return self._identity(x) == self._identity(y)

    # ---------------------------------------------------------------- refine & filter
    def _refine(self, mentions: list[Mention]) -> None:
        """Sub-type from context: weapons for generic triggers, civilian targets, who took ground."""
        for mn in mentions:
            c_a, c_b = mn.clause
            if "generic" in mn.flags:
                classes = {c for _m, c in self._weapons_in(c_a, c_b)}
                sub = None
                if "chemical" in classes:
                    sub = "Chemical weapon"
                elif classes & {"drone", "aircraft"}:
                    sub = "Air/drone strike"
                elif classes & {"artillery", "missile"}:
                    sub = "Shelling/artillery/missile attack"
                elif "grenade" in classes:
                    sub = "Grenade"
                elif "explosives/IED" in classes:
                    sub = "Remote explosive/landmine/IED"
                elif classes & {"light weapons", "medium weapons", "heavy weapons"} \
                        and mn.acled_subtype not in ("Remote explosive/landmine/IED",):
                    sub = "Armed clash"
                if sub:
                    self._set_sub(mn, sub)
                    mn.weight = max(mn.weight, 0.6)
                    mn.absorb_into = set()     # a weapon makes it an event of its own
            # a civilian target anywhere in the clause ("مقتل مدنيين برصاص قناص", "استهدف منزلاً"),
            # unless the civilians are the ones acting
            civ = [c for c in self._cues_in("civilian", c_a, c_b) if mn.actor1 is None or not (
                mn.actor1.start <= c.start < mn.actor1.end)]
            if "civ_refine" in mn.flags and civ and mn.acled_type != "Explosions/Remote violence":
                # (a drone or a shell at civilians stays remote violence, as ACLED codes it:
                # "مسيرة تركية تستهدف قافلة مدنيين" is an air/drone strike)
                self._set_sub(mn, "Attack")
                mn.weight = max(mn.weight, 0.5)
                mn.absorb_into = set()
            if mn.acled_type == "Explosions/Remote violence" and any(
                    self.words[k].form.lstrip("وب").removeprefix("ال").startswith(_MUTUAL)
                    for k in range(mn.match.first + 1, min(mn.match.last + 3, len(self.words)))):
                # "تخللها استهداف متبادل بالأسلحة الثقيلة والطائرات المسيرة": fire traded both
                # ways is the clash it is told in, not a strike of its own
                mn.absorb_into = {"Armed clash"}
            if mn.acled_subtype == "Armed clash" and mn.actor1 is not None \
                    and self.words[mn.match.first].form.lstrip("وف").startswith(_RAID) \
                    and self._role(mn.actor1).actor_id == _IDF:
                # "جيش الدفاع أغار على ...": the Israeli army's communiqués say it of air raids
                self._set_sub(mn, "Air/drone strike")
            if mn.acled_subtype == "Armed clash" and mn.actor1 is not None \
                    and self._role(mn.actor1).actor_id == _SETTLERS and (
                        mn.actor2 is None or self._is_civilians(mn.actor2)):
                # "هجوم شنه عشرات المستوطنين على قرية المغير": settlers raiding a village
                # attack its people (ACLED: violence against civilians), no clash of two forces
                self._set_sub(mn, "Attack")
            if mn.acled_subtype in ("Armed clash", "Violent demonstration") and self._mob(mn):
                # "هاجم عشرات من أقارب القتيل وشبان من المدينة منزلين ... وأضرموا النار فيهما",
                # "تهاجمهم مجموعة من الشبان بالعصي والحجارة": a crowd's violence, no armed side
                self._set_sub(mn, "Mob violence")
            if mn.acled_subtype == "Armed clash" and self._stone_throwers(mn):
                # "اندلعت مواجهات بين شبان وقوات الاحتلال، رشق خلالها الشبان الآليات
                # بالحجارة": youths with stones against a force are rioters, not a fighting side
                self._set_sub(mn, "Violent demonstration")
            if mn.acled_subtype == "Remote explosive/landmine/IED" and mn.match.first > 0 and \
                    _DRONE.match(self.words[mn.match.first - 1].form):
                # "طائرات مسيرة مفخخة": an explosive-laden drone strikes from the air
                self._set_sub(mn, "Air/drone strike")
            if mn.acled_type == "Explosions/Remote violence" and mn.acled_subtype != \
                    "Remote explosive/landmine/IED" and self._cues_in("remnant", c_a, c_b):
                # "انفجار قذيفة غير منفجرة", "قنبلة عنقودية من مخلفات الحرب": a war remnant
                self._set_sub(mn, "Remote explosive/landmine/IED")
            if "territory" in mn.flags and mn.actor1 is not None:
                self._set_sub(mn, "Government regains territory" if self._is_state(mn.actor1)
                              else "Non-state actor overtakes territory")

    def _mob(self, mn: Mention) -> bool:
        """The act's clause names a crowd of relatives or young men ("أقارب القتيل", "مجموعة من
        الشبان") within four words of the trigger, and its sentence sticks, stones or fire and
        no armed men; no protest word in the clause (protesters rioting are a violent
        demonstration) and no state force on either side."""
        if any(x is not None and self._is_state(x) for x in (mn.actor1, mn.actor2)):
            return False       # youths against a force riot (_stone_throwers)
        c_a, c_b = mn.clause
        lo, hi = self._word_range(c_a, c_b)
        forms = [self.words[k].form for k in range(lo, hi)]
        if any(f.lstrip("وب").removeprefix("ال").startswith(_ARMED) for f in forms) \
                or any(_CROWD.match(f) for f in forms):
            return False
        near = range(max(lo, mn.match.first - 4), min(hi, mn.match.last + 5))
        if not any(_MOB_NOUNS.match(self.words[k].form) for k in near):
            return False
        # (the means may be told in the sentence's next clause: "...، وأضرموا النار فيهما")
        s_lo, s_hi = self._word_range(*self.sentences[mn.sent])
        sent = [self.words[k].form for k in range(s_lo, s_hi)]
        if any(f.lstrip("وب").removeprefix("ال").startswith(_ARMED) for f in sent):
            return False
        return any(_MOB_MEANS.match(f) for f in sent) or any(_RIOT_ACT.match(f) for f in sent
                                                            if not _ATTACK_WORD.match(f))

    def _stone_throwers(self, mn: Mention) -> bool:
        """A clash of a state force with young men or residents (a youth or crowd word in its
        sentence, no armed group on either side), with stones thrown in that sentence."""
        sides = [x for x in (mn.actor1, mn.actor2) if x is not None]
        if not any(self._is_state(x) for x in sides):
            return False
        if any(not self._is_state(x) and not self._is_civilians(x) and not self._crowd_word(x)
               and self._role(x).actor_id and not str(self._role(x).actor_id).startswith("new:")
               and getattr(self._kb_actors.get(self._role(x).actor_id), "kind", None) == "armed-group"
               for x in sides):
            return False
        lo, hi = self._word_range(*self.sentences[mn.sent])
        forms = [self.words[k].form for k in range(lo, hi)]
        if any(f.lstrip("وب").removeprefix("ال").startswith(_ARMED) for f in forms):
            return False       # "مسلحين", "مسلحة": armed men are a fighting side
        return any(_STONES.match(f) for f in forms) and any(_YOUTHS.match(f) or _CROWD.match(f) for f in forms)

    @staticmethod
    def _set_sub(mn: Mention, sub: str) -> None:
        from .lexicon import SUBTYPE_TO_TYPE
        mn.acled_subtype = sub
        mn.acled_type = SUBTYPE_TO_TYPE[sub]

    def _emit_ok(self, mn: Mention) -> bool:
        """False for a mention that cannot make an event: a statement without its speaker, or
        gunfire or blasts only heard (see _heard_only)."""
        if "needs_actor1" in mn.flags and mn.actor1 is None:
            return False
        if self._heard_only(mn):
            return False
        return True

    def _heard_only(self, mn: Mention) -> bool:
        """"سُمع إطلاق نار كثيف ليلاً دون ورود معلومات عن خسائر": a sound heard (a hearing word
        within two words before the trigger) with no actor on either side, and no casualty
        word in its sentence or only a negated one ("دون ورود معلومات عن خسائر"), tells of no
        event that can be coded; "سُمع إطلاق نار أدى إلى مقتل شخص" still does."""
        m = mn.match
        if mn.mode != "material" or mn.actor1 is not None or mn.actor2 is not None:
            return False
        if not any(self.words[k].form in _HEARD for k in range(max(0, m.first - 2), m.first)):
            return False
        s_a, s_b = self.sentences[mn.sent]
        hurt = [c for cat in ("killed", "injured") for c in self._cues_in(cat, s_a, s_b)]
        negated = self._cues_in("none", s_a, s_b) or self._cues_in("unconfirmed", s_a, s_b)
        return not hurt or bool(negated)

    # ---------------------------------------------------------------- attribution & certainty
    def _attribution(self, mn: Mention) -> None:
        s_a, s_b = self.sentences[mn.sent]
        atts: list[tuple[int, int, str]] = []
        for c in self._cues_in("attrib", s_a, s_b):
            if c.start > mn.match.start and mn.mode == "verbal":
                continue       # a report after a statement trigger is not its source
            val = c.pattern.row.get("value") or "after"
            src = None
            if val in ("after", "after_or_self"):
                src = self._source_after(c, s_b)
            if src is None and val in ("self", "after_or_self"):
                src = (c.start, c.end)
            if src is not None:
                atts.append((src[0], src[1], "cue"))
        for c in self._cues_in("source", s_a, s_b):
            atts.append((self._strip_proclitic(self.words[c.first], c.proclitic),
                         self._extend_nisba(c.last, s_b),
                         "source"))
        if not atts and mn.mode == "material":
            # "أعلنت خلية الإعلام الأمني مقتل أربعة ... بضربة جوية", "أعلنت قسد استشهاد ثلاثة
            # من مقاتليه": with no reporting phrase, the body that announces the act in its
            # sentence is the source - a party's own claim when it is one of the sides
            spk = self._speaker_of_sentence(mn, mn.match.start)
            if spk is not None and spk.end <= mn.match.start:
                atts.append((spk.start, spk.end, "speaker"))
        # drop sources that are the event's own actors (their words make the event "claimed")
        own = [x for x in (mn.actor1, mn.actor2) if x is not None]
        third, claimed_by_party = [], False
        for a, b, _k in atts:
            if any(x.start <= a < x.end or a <= x.start < b for x in own):
                claimed_by_party = True
                continue
            if self._same_side(a, b, mn.actor1) or (mn.mode == "material" and self._same_side(a, b, mn.actor2)):
                claimed_by_party = True    # named as the source, and its own side's claim
                # (a side announcing its own losses speaks for itself too)
                if (a, b) not in [(t[0], t[1]) for t in third]:
                    third.append((a, b, "party"))
                continue
            if any(a2 <= a and b <= b2 and (a2, b2) != (a, b) for a2, b2, _ in atts):
                continue         # nested in a longer source phrase
            if (a, b) not in [(t[0], t[1]) for t in third]:
                third.append((a, b, _k))
        mn.attributions = sorted(third)
        if self._denied(mn):
            mn.certainty = "denied"
        elif self._cues_in("confirmed", s_a, s_b):
            mn.certainty = "confirmed"
        elif mn.mode == "verbal":
            mn.certainty = "reported" if third else "claimed"
        else:
            mn.certainty = "claimed" if claimed_by_party and all(k == "party" for *_x, k in third) \
                else "reported"

    def _lead_attribution(self, mentions: list[Mention]) -> None:
        """A round-up whose lead names its source ("أفاد المرصد السوري ... بمقتل ...", then
        incident after incident) tells every later act on that source's word: an act with no
        source of its own in its sentence takes the lead's (a party's own claim excepted)."""
        head = self._headline_end()
        body = [si for si, (a, _b) in enumerate(self.sentences) if a >= head][:2]
        first = next((o for o in mentions if o.sent in body and o.attributions
                      and all(k != "party" for *_x, k in o.attributions)), None)
        if first is None:
            return
        for mn in mentions:
            if mn.mode == "material" and not mn.attributions and mn.sent > first.sent \
                    and mn.certainty == "reported":
                mn.attributions = [(a, b, "lead") for a, b, _k in first.attributions]

    def _same_side(self, a: int, b: int, actor1: ActorSpan | None) -> bool:
        """The source [a, b) speaks for the initiator: the same actor ("أعلن الجيش الإسرائيلي أن
        طائراته ..."), or a state body of the initiator's country ("وزارة الداخلية" for the
        arrests of its security forces): the report is the party's own claim."""
        if actor1 is None or self.resolver is None:
            return False
        try:
            sid = self._resolve_text(self.text[a:b], "ORG", a, b)
            aid = self._role(actor1).actor_id
        except Exception:      # a collaborator's failure: no claim read
            return False
        if not sid or not aid or sid.startswith("new:") or aid.startswith("new:"):
            return False
        return self._one_party(sid, aid)

    def _denied(self, mn: Mention) -> bool:
        if mn.plover == "REJECT":
            return False
        if mn.mode != "material":
            return False
        s_a = self.sentences[mn.sent][0]
        # "نفى الجيش قصف الأحياء": a denial shortly before the trigger, in its sentence
        return any(c.end <= mn.match.start and c.start >= s_a and mn.match.first - c.last <= 8
                   for c in self.cues.get("denial", ()))

    def _source_after(self, cue: Match, s_b: int) -> tuple[int, int] | None:
        """The source named right after an attribution cue ("أفاد المرصد", "بحسب مصادر")."""
        lo, hi = cue.last + 1, min(self._word_range(cue.end, s_b)[1], cue.last + 5)
        i = lo
        while i < hi and (self.words[i].form in ("الى", "عن", "ل", "من", "ما")
                          or any(c.first == i for cat in ("attrib", "speech")
                                 for c in self.cues.get(cat, ()))):
            i += 1     # "بحسب ما أعلنت وزارة الداخلية": past "ما" and the verb to the source
        if i >= hi:
            return None
        w = self.words[i]
        gap = self.text[cue.end:w.start]
        if any(ch in gap for ch in "،,.:؛;"):
            return None
        for e in self.entities:
            if e.type in ("ORG", "PER") and w.start <= e.end and e.start <= w.end + 1:
                return (e.start, e.end)
        for c in self.cues.get("source", ()):
            if c.first == i:
                return (self._strip_proclitic(w, c.proclitic), self._extend_nisba(c.last, s_b))
        return None

    def _extend_nisba(self, last: int, limit: int) -> int:
        """Extend a source phrase over following nisba adjectives ("وسائل إعلام سورية")."""
        end = self.words[last].end
        j = last + 1
        while j < len(self.words) and j <= last + 2 and self.words[j].end <= limit:
            f = self.words[j].form
            if self.text[end:self.words[j].start].strip():
                break
            if f.endswith(("يه", "يين", "يون")) or (f.endswith("ي") and len(f) > 3):
                end = self.words[j].end
                j += 1
                continue
            break
        return end

    # ---------------------------------------------------------------- 3. merging
    def _identity(self, a: ActorSpan | None) -> str | None:
        """Actor id, or a name key that ignores the article, case endings and quantifiers."""
        if a is None:
            return None
        aid = a.actor_id or self._resolve(a)
        if aid:
            return aid
        key = ("identity", a.text)
        hit = self._resolved.get(key)
        if hit is not None:
            return hit
        words = [w.form for w in words_of(a.text)]
        if len(words) > 2 and words[1] == "من":       # "مجموعة من المسلحين" -> المسلحين
            words = words[2:]
        out = []
        for w in words:
            w = w[2:] if w.startswith("ال") and len(w) > 4 else w
            w = w[:-2] + "ين" if w.endswith("ون") and len(w) > 4 else w
            out.append(w)
        self._resolved[key] = " ".join(out)
        return self._resolved[key]

    def _compatible(self, g: Group, mn: Mention) -> bool:
        ids_g = {self._identity(x) for o in g.mentions for x in (o.actor1, o.actor2) if x}
        ids_m = {self._identity(x) for x in (mn.actor1, mn.actor2) if x}
        if mn.mode == "verbal":
            a1g = {self._identity(o.actor1) for o in g.mentions if o.actor1}
            return not a1g or mn.actor1 is None or self._identity(mn.actor1) in a1g or any(
                # "هدد نتنياهو بأن إسرائيل لن تسمح ...": the threat reported in the clause the
                # speaker's threat opens, with his own state as its subject, is his threat
                o.sent == mn.sent and o.actor1 is not None and o.match.end <= mn.match.start
                and self._last_complementizer(o.match.last + 1, mn.match.first) is not None
                and self._own_state(o.actor1, mn.actor1) for o in g.mentions)
        if self._separate_sentence(mn.sent) and all(o.sent != mn.sent for o in g.mentions):
            return False   # "وفي حادثة منفصلة، قتل ...": the report says it is another event
        if mn.acled_type in ("Protests", "Riots") and all(o.sent != mn.sent for o in g.mentions):
            # protests are coded per place and day: one told in another sentence with a place
            # of its own ("وفي الناصرية ...", "كما نظم المعلمون وقفة ... في احتجاج منفصل") is
            # another protest; the same town named again is the same protest
            mine = self._place_keys(mn.sent)
            theirs = self._place_keys(min(o.sent for o in g.mentions), first=True)
            if (mine and not mine & theirs) or (
                    not mine and not any(o.sent == mn.sent - 1 for o in g.mentions)):
                return False
        if mn.mode == "material" and mn.plover in _VIOLENT_PLOVER and self._verb_like(mn.match) \
                and all(o.sent != mn.sent for o in g.mentions):
            # "أغار جيش الدفاع في منطقة بنت جبيل ... أغارت طائرات حربية على مستودع في منطقة
            # النبطية": a new finite verb in another sentence with places of its own, none named
            # with the earlier telling, is another strike
            nxt = mn.match.last + 1
            if nxt < len(self.words) and nxt in self._trigger_words \
                    and self.words[nxt].form.lstrip("وف").startswith("ال"):
                return True    # "واستهدفت الغارات بلدة كفرنبل": the strikes told before
            mine = {k for k in self._place_keys(mn.sent) if not self._wide_place(k)}
            theirs = {k for o in g.mentions for k in self._place_keys(o.sent)}
            if mine and {k for k in theirs if not self._wide_place(k)} and not mine & theirs:
                return False
        # Two reports of one clash name the sides differently; only two full, disjoint pairs of
        # sides, another place or another day make it another event.
        pair_g = any(o.actor1 and o.actor2 for o in g.mentions)
        if pair_g and mn.actor1 and mn.actor2 and not (ids_g & ids_m):
            return False
        lg = {self._main_place(o) for o in g.mentions} - {None}
        lm = self._main_place(mn)
        if lg and lm and lm not in lg:
            return False
        dg = {t.value for o in g.mentions for t in [self._time_near(o.match.start, o.clause)] if t}
        tm = self._time_near(mn.match.start, mn.clause)
        if dg and tm is not None:
            dm = self._date_of(tm.value)
            if dm and not any(self._date_of(v) and abs((self._date_of(v) - dm).days) <= 1
                              for v in dg):
                return False
        return True

    def _lead_protest(self, g: Group) -> bool:
        """A demonstration told in the headline or the first two sentences of the body with a
        protest word of full weight ("خرج آلاف المحتجين", "نظم العشرات اعتصاماً"), by people
        in the street (not a club's "احتجاج" to a federation: a crowd word must be near)."""
        p = g.primary
        if p.mode != "material" or p.acled_type != "Protests":
            return False
        head = self._headline_end()
        body = [si for si, (a, _b) in enumerate(self.sentences) if a >= head][:2]
        lead = set(body) | {si for si, (a, _b) in enumerate(self.sentences) if a < head}
        for o in g.mentions:
            if o.sent not in lead or o.weight < 0.7:
                continue
            lo, hi = self._word_range(*self.sentences[o.sent])
            if any(_CROWD.match(self.words[k].form) or self.words[k].form in _CROWD_COUNTS
                   for k in range(max(lo, o.match.first - 4), min(hi, o.match.last + 5))):
                return True
        return False

    def _wide_place(self, key: str) -> bool:
        """A country ("تركيا"): a later, more precise telling may lie anywhere in it.  (Regions
        are not wide here: "ريف إدلب" then "بلدة سرمدا" in separate sentences with finite verbs
        are told as two acts more often than one.)"""
        lookup = getattr(self.geocoder, "lookup", None)
        if lookup is None:
            return False
        try:
            cands = lookup(key)
        except Exception:      # a collaborator's failure: read the place as precise
            return False
        return any(c.feature_code.startswith("PCL") for c in cands)

    def _place_keys(self, si: int, first: bool = False) -> set[str]:
        """The bare keys of the places sentence ``si`` names ("ريف درعا" and "درعا" alike; with
        ``first``, only the first place: a protest's own town)."""
        cands = self._place_candidates(*self.sentences[si])
        return {_bare_place(fold_key(t)) for _a, _b, t in (cands[:1] if first else cands)}

    def _separate_sentence(self, si: int) -> bool:
        """Sentence ``si`` opens with "وفي حادثة منفصلة" / "في هجوم آخر" / "وفي سياق منفصل"."""
        a, b = self.sentences[si]
        return bool(_SEPARATE.match(fold_key(self.text[a:min(b, a + 60)])))

    def _main_place(self, mn: Mention) -> str | None:
        """A town named with a town noun in the mention's own clause ("في مدينة X"), folded."""
        for a, b, text in self._place_candidates(*mn.clause):
            wi = self._word_at(a)
            if wi and any(c.last == wi - 1 and (c.pattern.row.get("value") == "1")
                          for c in self.cues.get("place", ())):
                return fold_key(text)
        return None

    def _merge(self, mentions: list[Mention]) -> list[Group]:
        groups: list[Group] = []
        for mn in mentions:
            for g in groups:
                if g.key == mn.key and self._compatible(g, mn):
                    g.mentions.append(mn)
                    break
            else:
                groups.append(Group([mn]))
        # Raids and campaigns merge into the clash or arrest they led to.
        kept: list[Group] = []
        for g in groups:
            into = g.primary.absorb_into if all(o.absorb_into for o in g.mentions) else set()
            target = None
            # a fixed order (a set's order would change from run to run)
            for name in sorted(into, key=lambda n: (["Armed clash", "Arrests"].index(n)
                               if n in ("Armed clash", "Arrests") else 9, n)):
                target = next((h for h in groups if h is not g and not all(
                    o.absorb_into for o in h.mentions) and (h.key == name or h.primary.plover == name)
                    and self._compatible(h, g.primary)), None)
                if target is not None:
                    break
            if target is not None:
                target.mentions.extend(g.mentions)
            else:
                kept.append(g)
        kept = self._merge_back_references(kept)
        kept = self._merge_specific(kept)
        return [g for g in kept if max(o.weight for o in g.mentions) >= MIN_EMIT]

    def _merge_specific(self, groups: list[Group]) -> list[Group]:
        """One act of violence told with a vague word and a precise one is one event of the
        precise sub-type: "اقتحم انتحاري بجرار محمل بالمتفجرات" is a suicide bombing, not also a
        clash; "الانفجار" that a later sentence calls "هجوم انتحاري" is that suicide bombing.
        A group of generic words only ("هجوم", "انفجار", "قصف") joins a more specific one told in
        the same sentence, or — an explosion — anywhere in the report when place and day agree.
        Two precise words in one clause ("الضربات الجوية والقصف المدفعي") stay two events."""
        order = sorted(groups, key=lambda g: (-_SPECIFICITY.get(g.primary.key, 0),
                                              -_PROTEST_RANK.get(g.primary.acled_subtype or "", 0)))
        out: list[Group] = []
        for g in order:
            p = g.primary
            rank = _SPECIFICITY.get(p.key, 0)
            target = None
            if p.mode == "material" and p.plover in _VIOLENT_PLOVER and rank:
                generic = all("generic" in o.flags for o in g.mentions)
                sents = {o.sent for o in g.mentions}
                for h in out:
                    hp = h.primary
                    if hp.mode != "material" or _SPECIFICITY.get(hp.key, 0) <= rank:
                        continue
                    # "استعادت القوات القاعدة بعد معارك ضارية": the fighting is how the place
                    # was taken, not a clash of its own
                    near = (generic or (p.key == "Armed clash" and hp.key in _TERRITORY)) \
                        and bool(sents & {o.sent for o in h.mentions})
                    bombing = generic and p.key == "Remote explosive/landmine/IED" \
                        and hp.key == "Suicide bomb"
                    if (near or bombing) and self._compatible(h, p):
                        target = h
                        break
            prank = _PROTEST_RANK.get(p.acled_subtype or "", 0)
            if target is None and p.mode == "material" and prank:
                sents = {o.sent for o in g.mentions}
                mine = set().union(*(self._place_keys(si) for si in sents))
                target = next((h for h in out if h.primary.mode == "material"
                               and _PROTEST_RANK.get(h.primary.acled_subtype or "", 0) > prank
                               and (sents & {o.sent for o in h.mentions} or (
                                   mine and mine <= self._place_keys(
                                       min(o.sent for o in h.mentions), first=True)))), None)
                # (the same protest told again in another sentence of its own town: "... لتفريق
                # مظاهرة في الرقة. وقال مراسل في الرقة إن مئات المحتجين تجمعوا")
                if target is None and all(o.match.first > 0 and self.words[o.match.first - 1].form
                                          in _AGAINST for o in g.mentions):
                    # "اعتدى مجهولون على متظاهرين": the protesters are the attack's target, told
                    # in its sentence; no protest event of their own
                    target = next((h for h in out if h.primary.mode == "material"
                                   and h.primary.plover in _VIOLENT_PLOVER
                                   and sents & {o.sent for o in h.mentions}), None)
            if target is None:
                out.append(g)
                continue
            for o in g.mentions:
                o.absorb_into = set(o.absorb_into) | {target.key}
            target.mentions.extend(g.mentions)
        kept = {id(g) for g in out}
        return [g for g in groups if id(g) in kept]

    def _is_back_reference(self, mn: Mention) -> bool:
        """A definite generic attack noun ("الهجوم", "المعارك", "الانفجار") that refers back to
        an event already told, not a new one."""
        if mn.mode != "material":
            return False
        definite = "ال" in mn.match.proclitic
        if definite and self._demonstrative_before(mn):
            return True        # "وسط هذا القصف الجوي الكثيف": a demonstrative points back
        noun = fold_key(self.text[mn.match.start:mn.match.end]).removeprefix(mn.match.proclitic)
        if noun not in _BACK_REF_NOUNS:
            return False
        # "هذا هجوم يشتبه ...": a demonstrative points back as the article does
        return definite or self._demonstrative_before(mn)

    def _demonstrative_before(self, mn: Mention) -> bool:
        k = mn.match.first - 1
        return k >= 0 and self.words[k].form in _DEMONSTRATIVES

    def _same_scene(self, g: Group, h: Group) -> bool:
        """g is told of h's day, and not as fighting that goes on ("واستمرت الاشتباكات في دار
        سعد" is another event; "الغارات الاولى ... ليل الجمعة" too, before a Sunday raid)."""
        for o in g.mentions:
            if o.match.first > 0 and self.words[o.match.first - 1].form.startswith(_GOES_ON):
                return False   # "واستمرت الاشتباكات": fighting that goes on is news of its own
        h_days = {self._date_of(t.value) for o in h.mentions
                  for t in [self._time_near(o.match.start, o.clause)] if t} - {None}
        for o in g.mentions:
            t = self._time_near(o.match.start, o.clause)
            d = self._date_of(t.value) if t else None
            if d is not None and h_days and all(abs((d - x).days) > 1 for x in h_days):
                return False
            if d is not None and not h_days:
                return False
        return True

    def _merge_back_references(self, groups: list[Group]) -> list[Group]:
        """Groups made only of back references in a later sentence merge into the closest earlier
        violent event (the brief of a car bomb goes on with "الهجوم الذي وقع ليل الجمعة")."""
        out: list[Group] = []
        for g in sorted(groups, key=lambda h: min(o.match.start for o in h.mentions)):
            first = min(g.mentions, key=lambda o: o.match.start)
            if g.primary.plover in _VIOLENT_PLOVER and all(self._is_back_reference(o) for o in g.mentions):
                prev = [h for h in out if h.primary.plover in _VIOLENT_PLOVER and h.primary.mode == "material"
                        and min(o.sent for o in h.mentions) < first.sent]
                if not prev and all(self._demonstrative_before(o) for o in g.mentions):
                    continue   # "هذا هجوم يشتبه ...": it points back at an event not coded here
                if prev:
                    target = max(prev, key=lambda h: max(o.match.start for o in h.mentions
                                                         if o.match.start < first.match.start))
                    if not self._same_scene(g, target):
                        out.append(g)
                        continue
                    for o in g.mentions:
                        o.absorb_into = set(o.absorb_into) | {target.key}
                    target.mentions.extend(g.mentions)
                    continue
            out.append(g)
        return out

    # ---------------------------------------------------------------- 4. build the event
    def _build(self, g: Group, groups: list[Group]) -> Event | None:
        if self._headline_restated(g, groups):
            return None
        mentions = sorted(g.mentions, key=lambda o: o.match.start)
        main = max(mentions, key=lambda o: (o.absorb_into == set(), o.weight, -o.match.start))
        if main.mode == "material" and main.acled_subtype == "Peaceful protest" and self._rioting(mentions):
            self._set_sub(main, "Violent demonstration")
        if main.mode == "material" and main.acled_subtype == "Mob violence" and any(
                _CROWD.match(self.words[k].form) for o in mentions
                for k in range(*self._word_range(*o.clause))):
            self._set_sub(main, "Violent demonstration")    # an angry crowd of protesters
        # (a headline's compressed syntax is read less surely than the body's: at equal
        # score the body's roles win)
        head = self._headline_end()
        roles = max(mentions, key=lambda o: (o.role_score, o.actor1 is not None,
                                             o.actor2 is not None,
                                             o.actor1 is not None and self._known(o.actor1),
                                             o.match.start >= head, -o.match.start))
        actor1, actor2 = roles.actor1, roles.actor2
        if actor1 is None:
            actor1 = next((o.actor1 for o in mentions if o.actor1 and (
                actor2 is None or not self._same_actor(o.actor1, actor2))), None)
        if actor2 is None:
            actor2 = next((o.actor2 for o in mentions if o.actor2 and (
                actor1 is None or not self._same_actor(o.actor2, actor1))), None)
        if main.mode == "material" and actor1 is not None:
            actor1 = self._named_for_generic(actor1, actor2, mentions, groups)
        inherited = False
        partner = None
        if main.mode == "material" and main.acled_type is not None:
            # An arrest told in the same sentence as a clash is the same operation's: missing
            # sides and place come from it.
            partner = next((h for h in groups if h is not g and h.primary.mode == "material" and
                            {o.sent for o in h.mentions} & {o.sent for o in mentions}), None)
        if partner is not None and (actor1 is None or actor2 is None):
            hr = max(partner.mentions, key=lambda o: o.role_score)
            if actor1 is None and hr.actor1 is not None and not (
                    actor2 is not None and self._same_actor(hr.actor1, actor2)):
                actor1, inherited = hr.actor1, True
            if actor2 is None and hr.actor2 is not None and not (
                    actor1 is not None and self._same_actor(hr.actor2, actor1)):
                actor2 = hr.actor2
        if main.mode == "verbal" and actor2 is None and actor1 is not None:
            actor2 = self._recipient_from_run(g, groups, actor1)
        if main.mode == "material" and main.plover in _VIOLENT_PLOVER:
            if actor1 is not None and self._is_civilians(actor1):
                # civilians do not initiate an attack: a civilian subject is its victim
                # ("مقتل أربعة مدنيين جراء قصف ..."); the other side, if any, is the initiator
                actor1, actor2 = (actor2 if actor2 is not None and not self._is_civilians(actor2)
                                  else None), actor1
            if actor2 is None or not self._known(actor2):
                actor2 = self._civilian_target(mentions, main, actor1) or actor2
        elif main.mode == "material" and main.acled_subtype in _TAKEN and actor2 is None:
            # "اعتقلت سبعة أشخاص", "اختطاف تاجر": people taken are civilians unless named
            actor2 = self._civilian_target(mentions, main, actor1)
        if main.mode == "material" and main.acled_subtype in _PROTEST_RANK:
            actor1, actor2 = self._protest_roles(mentions, main, actor1, actor2)
            if main.acled_subtype == "Violent demonstration" and actor1 is not None \
                    and self._role(actor1).actor_id == _PROTESTERS:
                # demonstrators who riot are ACLED's rioters (inter code 5), not protesters (6)
                actor1 = dataclasses.replace(actor1, actor_id=_RIOTERS)
        if main.mode == "material" and main.acled_subtype == "Mob violence" and actor1 is None \
                and actor2 is not None and self._is_civilians(actor2):
            # "هاجم شبان غاضبون محال ...": the angry crowd is the mob (ACLED's rioters), not the
            # victims the civilian reading made of it
            actor1 = dataclasses.replace(actor2, actor_id=_RIOTERS)
            actor2 = self._civilian_target(mentions, main, actor1)
        if main.mode == "material" and main.acled_subtype == "Armed clash" and actor2 is not None \
                and self._is_civilians(actor2) and not (actor1 is not None and self._is_civilians(actor1)) \
                and "one_sided" in main.flags:
            # shots or an assault told without a clash word ("قتل شاب برصاص مجهولين") at
            # civilians: one-sided violence against civilians, as ACLED codes it
            self._set_sub(main, "Attack")
        evidence = sorted({o.evidence for o in mentions})
        ev_spans = _union_spans(evidence)
        sents = sorted({o.sent for o in mentions})
        location = None if main.mode == "verbal" else self._location(mentions, main, (actor1, actor2))
        if location is None and partner is not None:
            pm = sorted(partner.mentions, key=lambda o: o.match.start)
            location = self._location(pm, partner.primary, (actor1, actor2))
        if location is None and main.mode == "material":
            location = self._lead_place(main, (actor1, actor2))
        date, date_fallback = self._date(mentions, main)
        fat = inj = arr = None
        if main.plover in _VIOLENT_PLOVER or main.acled_type in (
                "Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"):
            fat = self._count("killed", mentions, main)
            inj = self._count("injured", mentions, main)
        if main.acled_subtype == "Arrests":
            arr = self._count("arrested", mentions) or self._arrest_from_trigger(main)
        if main.mode == "verbal":
            weapons = []
        elif main.plover in _VIOLENT_PLOVER:
            weapons = self._weapons([self.sentences[i] for i in sents])
        else:
            weapons = self._weapons(sorted({o.clause for o in mentions}))
        atts = []
        seen = set()
        for o in mentions:
            for a, b, _k in o.attributions:
                if (a, b) not in seen:
                    seen.add((a, b))
                    span_text = self.text[a:b]
                    atts.append(Attribution(span_text, self._resolve_text(span_text, "ORG", a, b), a, b))
        certs = {o.certainty for o in mentions}
        if "denied" in certs and "confirmed" not in certs:
            certainty = "denied"
        elif "confirmed" in certs:
            certainty = "confirmed"
        elif main.mode == "verbal":
            certainty = main.certainty
        elif "claimed" in certs and not any(k != "party" for o in mentions for *_x, k in o.attributions):
            # a party's own claim, told again without a source (a headline, a later sentence):
            # nobody else reports it
            certainty = "claimed"
        else:
            certainty = "reported"
        objective = self._objective(g, sents, groups)
        conf = main.weight + (0.1 if actor1 else 0) + (0.05 if actor2 else 0) \
            + (0.05 if location else 0) + 0.05 * min(2, len(mentions) - 1) \
            - (0.05 if date_fallback else 0) - (0.05 if inherited else 0)
        conf = round(min(0.99, max(0.05, conf)), 3)
        plover, acled_type, acled_sub = main.plover, main.acled_type, main.acled_subtype
        if main.mode == "material" and "Armed clash" in main.absorb_into and fat is None:
            # a raid or security campaign with no clash told beside it: if people were killed
            # in it ("قتل 12 مسلحاً في حملة مداهمات"), it was fought
            raid_fat = self._count("killed", mentions, main)
            if raid_fat is not None and raid_fat.status != "none":
                fat, inj = raid_fat, self._count("injured", mentions, main)
                plover, acled_type, acled_sub = "ASSAULT", "Battles", "Armed clash"
        ev = Event(
            id="", plover=plover, acled_type=acled_type if main.mode == "material" else None,
            acled_subtype=acled_sub if main.mode == "material" else None,
            trigger=Span(main.match.start, main.match.end),
            actor1=self._civilians_of_place(self._ministry_forces(self._role(actor1), main), location),
            actor2=self._civilians_of_place(self._ministry_forces(self._role(actor2), main), location),
            location=location, date=date,
            fatalities=fat, injuries=inj, arrests=arr, weapons=weapons, attributed_to=atts,
            certainty=certainty, evidence=[Span(a, b) for a, b in ev_spans], confidence=conf,
            objective=objective, doc_id=self.doc.id)
        self.features[id(ev)] = self._features(main, mentions, ev, date_fallback, inherited)
        return ev

    # Material types coded without a violence word in their own sentence when the report as a
    # whole scores at least _VIOLENT_REPORT (two or three killings, clashes or armed groups):
    # arrests, curfews, raids, seizures (COERCE) and reinforcements (MOBILIZE).
    _ORDER_PLOVER = frozenset({"COERCE", "MOBILIZE"})
    _VIOLENT_REPORT = 16.0

    def _headline_end(self) -> int:
        """Where a headline ends: a short first line (at most 25 words, no final full stop)
        followed by more text; 0 when the report opens with its lead."""
        if not hasattr(self, "_headline_at"):
            self._headline_at = 0
            nl = self.text.find("\n")
            first = self.text[:nl].strip() if nl > 0 else ""
            if first and not first.endswith(".") and len(first.split()) <= 25 \
                    and self.text[nl:].strip():
                self._headline_at = nl
        return self._headline_at

    def _headline_restated(self, g: Group, groups: list[Group]) -> bool:
        """An event told only in the headline while the body tells one of the same ACLED or
        PLOVER type ("غارات إسرائيلية على دبابات الحكومة" over "طائراته استهدفت عدداً من
        الدبابات"): the headline restates the lead; the gold codes it once."""
        end = self._headline_end()
        p = g.primary
        if not end or any(o.match.start >= end for o in g.mentions):
            return False
        # the same ACLED type, or the same PLOVER type (a headline's "مسيرة تستهدف قافلة
        # مدنيين" is the body's air strike; its "قسد تتهم أنقرة" the body's accusation)
        return any(h is not g and h.primary.mode == p.mode
                   and ((p.acled_type is not None and h.primary.acled_type == p.acled_type)
                        or h.primary.plover == p.plover)
                   and any(o.match.start >= end for o in h.mentions) for h in groups)

    def _violent_evidence(self, g: Group) -> bool:
        """A group's sentences name violence: a weight-2 violence cue, a casualty word or a
        weapon. A lone "سيطر على" (a team "takes control" of a match) or "انسحاب" without any
        of them is not coded."""
        sents = {o.sent for o in g.mentions}
        if not hasattr(self, "_violent_sents"):
            marks = [m.start for m in self.cues.get("violence", ()) if _cue_weight(m) >= 2]
            marks += [m.start for c in ("killed", "injured") for m in self.cues.get(c, ())]
            marks += [m.start for m in self.scan.find("weapons")]
            self._violent_sents = {self._sentence_of(p) for p in marks}
        if sents & self._violent_sents:
            return True
        # Reinforcements, a curfew or an arrest raid are told in sentences of their own
        # ("دفعت وزارة الدفاع بتعزيزات", "فرض حظر تجول"), without a violence word: in a report
        # that as a whole speaks of organised violence they are coded all the same.
        p = g.primary
        return (p.mode == "material" and p.plover in self._ORDER_PLOVER
                and self.violence_score() >= self._VIOLENT_REPORT)

    def _sentence_violence(self, g: Group) -> float:
        """The violence cue weights of a group's sentences (each word once)."""
        return self._violence_weights({o.sent for o in g.mentions})

    def violence_score(self) -> float:
        """How much the document speaks of organised violence: the summed weights of its
        ``violence`` cues (cues.tsv), each word counted once. News with a stray "هجوم" (a
        football attack) or "صواريخ" (a market's name) scores low; a report of a clash, a
        bombing or an arrest campaign scores high."""
        return self._violence_weights(None)

    def _violence_weights(self, sents: set[int] | None) -> float:
        """Summed weights of the violence cues (in ``sents`` only, when given), each word once."""
        seen: dict[int, float] = {}
        for m in self.cues.get("violence", ()):
            if sents is None or self._sentence_of(m.start) in sents:
                seen[m.first] = max(seen.get(m.first, 0.0), _cue_weight(m))
        return sum(seen.values())

    def _conflict_context(self) -> bool:
        """True when the document names violence, force or weapons anywhere: a material trigger
        (evidence-only ones included), a casualty noun, a weapon, an actor noun or a state-force word."""
        if any(self.cues.get(c) for c in ("killed", "injured", "arrested", "actor_noun", "state")):
            return True
        if self.scan.find("weapons"):
            return True
        return any(m.pattern.row["mode"] == "material" for m in self.scan.find("triggers"))

    # ---------------------------------------------------------------- features for calibration
    def _features(self, main: Mention, mentions: list[Mention], ev: Event, date_fallback: bool,
                  inherited: bool) -> dict[str, float]:
        """The candidate's features for the learned calibration (names in calibrate.FEATURES)."""
        fam = main.acled_type if main.mode == "material" else None
        s_a, s_b = self.sentences[main.sent]
        c_a, _c_b = main.clause
        n_sent = max(1, len(self.sentences))
        first_sent = min(o.sent for o in mentions)
        m = main.match
        # background: "منذ ..." in the clause or an earlier year named in the sentence
        lo, hi = self._word_range(s_a, s_b)
        words = self.words[lo:hi]
        background = any(w.form in ("منذ", "ومنذ") and c_a <= w.start < main.clause[1]
                         for w in words) or self._earlier_year(s_a, s_b)
        pluperfect = any(w.form in ("كان", "كانت", "وكان", "وكانت") and c_a <= w.start < m.start
                         for w in words)
        before = self.text[s_a:m.start]
        quoted = (before.count("\"") % 2 == 1) or before.count("«") > before.count("»") or \
            before.count("“") > before.count("”")
        first_two = " ".join(w.form for w in words[:2])
        counts = [c for c in (ev.fatalities, ev.injuries, ev.arrests) if c is not None]
        a1 = ev.actor1
        return {
            "weight": main.weight,
            "verbal": float(main.mode == "verbal"),
            "fam_battles": float(fam == "Battles"),
            "fam_explosions": float(fam == "Explosions/Remote violence"),
            "fam_vac": float(fam == "Violence against civilians"),
            "fam_strategic": float(fam == "Strategic developments"),
            "fam_other_material": float(main.mode == "material" and fam not in (
                "Battles", "Explosions/Remote violence", "Violence against civilians",
                "Strategic developments")),
            "mentions": math.log1p(len(mentions) - 1),
            "actor1": float(a1 is not None),
            "actor2": float(ev.actor2 is not None),
            "actor1_known": float(a1 is not None and bool(a1.actor_id)
                                  and not str(a1.actor_id).startswith("new:")),
            "location": float(ev.location is not None),
            "location_town": float(ev.location is not None and ev.location.geo_precision == 1),
            "date": float(ev.date is not None),
            "date_fallback": float(date_fallback),
            "count_value": float(any(c.value for c in counts)),
            "weapons": float(bool(ev.weapons)),
            "position": first_sent / n_sent,
            "lead": float(first_sent <= 1),
            "trigger_definite": float("ال" in m.proclitic),
            "trigger_verb": float(self._verb_like(m)),
            "background": float(background),
            "pluperfect": float(pluperfect),
            "quoted": float(quoted),
            "speech": float(bool(self._cues_in("speech", s_a, s_b))),
            "doc_conflict": min(1.0, self._material_sents / n_sent),
            "doc_casualty": math.log1p(len(self.cues.get("killed", ())) + len(
                self.cues.get("injured", ()))),
            "link_line": float(first_two == fold_key("رابط الخبر")),
            "generic": float("generic" in main.flags),
            "inherited": float(inherited),
        }

    def _known(self, a: ActorSpan) -> bool:
        aid = a.actor_id or self._resolve(a)
        return bool(aid) and not str(aid).startswith("new:")

    def _is_civilians(self, a: ActorSpan) -> bool:
        aid = a.actor_id or self._resolve(a)
        return bool(aid) and str(aid).startswith("civilians")

    def _civilians_of_country(self, aid: str, o: Mention) -> str:
        """The knowledge base's civilians of the country the sentence names, when it has them
        (``civilians-syria`` for a Syrian report), else ``aid``."""
        actors = self._kb_actors
        sent = self.text[slice(*self.sentences[o.sent])]
        for cand_id, actor in actors.items():
            if cand_id == aid or not cand_id.startswith("civilians-"):
                continue
            country = getattr(actor, "country", None)
            if country and self._sentence_country(sent) == country:
                return cand_id
        return aid

    def _sentence_country(self, sent: str) -> str | None:
        kb = getattr(self.resolver, "kb", None)
        if kb is None:
            return None
        try:
            from ..actors.resolve import infer_country
            return infer_country(kb, sent)
        except Exception:      # no country inference available: keep the generic actor
            return None

    def _civilian_target(self, mentions: list[Mention], main: Mention,
                         actor1: ActorSpan | None) -> ActorSpan | None:
        """Civilians named as the victims of a violent event ("مقتل أربعة مدنيين", "أحياء
        السكان"), as an actor span on the civilian word; None when none is named."""
        order = [main] + [o for o in mentions if o is not main]
        for o in order:
            a_, b_ = o.clause
            if self._caused_by(o.match, a_) or _in_lex(self.words[o.match.first].form, _AGENT_MARKERS):
                # "قتل طفلان ...، ظهر اليوم، جراء انفجار قنبلة", "قتل شابان ...، مساء أمس،
                # برصاص مسلحين": the victims told before the cause or agent word, earlier in
                # the sentence
                a_ = self.sentences[o.sent][0]
            res = self._result_after(o)
            if res is not None:
                # "أطلق مسلحون قذائف على البلدة، ما أدى إلى إصابة عدد من المدنيين": the result
                # clause after the act names its victims
                b_ = max(b_, self.sentences[o.sent][1])
            for c in sorted(self._cues_in("civilian", a_, b_) + self._cues_in("victim", a_, b_),
                            key=lambda c: c.start):
                if c.start >= o.clause[1] and (res is None or c.start < res):
                    continue
                if re.search(r"منزل|منازل|بيت|بيوت", fold_key(self.text[c.start:c.end])):
                    continue       # a house ("منزله") is the place hit, not the people
                if any(e.start <= c.start < e.end and e.type in ("ORG", "NORP") and e.start < c.start
                       for e in self.entities) or (c.first > 0 and self.words[c.first - 1].form
                                                   in _PARTY_WORDS):
                    continue       # "حزب العمال الكردستاني": a word inside a group's name
                if actor1 is not None and actor1.start <= c.start < actor1.end:
                    continue
                a = self._strip_proclitic(self.words[c.first], c.proclitic)
                b = self.words[c.last].end
                text = self.text[a:b]
                aid = self._resolve_text(text, "NORP", a, b)
                if not aid or not str(aid).startswith("civilians"):
                    ctx = self.text[slice(*self.sentences[o.sent])]
                    try:
                        aid = self._ask_resolver("resolve", "مدنيين", ctx) if self.resolver else None
                    except Exception:      # a collaborator's failure leaves the role unresolved
                        aid = None
                if aid and str(aid).startswith("civilians"):
                    return ActorSpan(a, b, text, "NORP", self._civilians_of_country(aid, o), False)
        return None

    def _result_after(self, o: Mention) -> int | None:
        """Start of a result phrase ("ما أدى إلى", "مما أسفر عن", "أسفر عن") after the mention's
        clause in its sentence, or None."""
        a, b = o.clause[1], self.sentences[o.sent][1]
        m = _RESULT.search(self.text, a, b) if a < b else None
        return m.start() if m else None

    def _protest_roles(self, mentions: list[Mention], main: Mention, actor1: ActorSpan | None,
                       actor2: ActorSpan | None) -> tuple[ActorSpan | None, ActorSpan | None]:
        """ACLED's sides of a protest: the protesters ("المحتجين", else the protest word itself
        names them) initiate a protest or a riot, and the force that intervenes is the second
        side; lethal force against protesters is that force's act on them.  A state force never
        protests ("المتقاعدين العسكريين" are protesters); an organiser named as the subject
        (a party, a union) stays."""
        crowd = self._crowd_span(mentions, main)
        parties = [x for x in (actor1, actor2) if x is not None]
        state = next((x for x in parties if self._is_state(x)), None)
        if main.acled_subtype == "Excessive force against protesters":
            return (state or (actor1 if actor1 is not None and actor1 is not crowd else None)), crowd
        a1 = actor1 if actor1 is not None and not self._is_state(actor1) \
            and not self._is_civilians(actor1) and not self._crowd_word(actor1) else crowd
        a2 = state if main.acled_subtype != "Peaceful protest" else None
        if a2 is None and actor2 is not None and not self._is_civilians(actor2) \
                and not self._crowd_word(actor2) and not (a1 is not None and self._same_actor(a1, actor2)) \
                and self._known(actor2):
            a2 = actor2        # (a known party protested against; not "أمام مبنى مجلس ...")
        return a1, a2

    def _rioting(self, mentions: list[Mention]) -> bool:
        """The protesters themselves burn, stone, storm or smash ("أضرم محتجون غاضبون النار في
        مبنى البلدية"): a violent demonstration.  The act's subject must be the crowd (settlers
        burning houses are no riot)."""
        for o in mentions:
            lo, hi = self._word_range(*self.sentences[o.sent])
            for k in range(lo, hi):
                if not _RIOT_ACT.match(self.words[k].form):
                    continue
                near = range(max(lo, k - 4), min(hi, k + 4))
                if any(_CROWD.match(self.words[j].form) and not (
                        j > k and self.words[j - 1].form in _AGAINST) for j in near if j != k):
                    return True    # (not "اعتدى مجهولون على متظاهرين": they are its object)
        return False

    def _crowd_word(self, x: ActorSpan) -> bool:
        return any(_CROWD.match(w.form) for w in words_of(x.text))

    def _crowd_span(self, mentions: list[Mention], main: Mention) -> ActorSpan | None:
        """The protesters: the first protester noun in the protest's clauses, else the protest
        trigger itself ("خرج مئات في مظاهرات")."""
        for o in sorted(mentions, key=lambda o: o.match.start):
            lo, hi = self._word_range(*o.clause)
            for k in range(lo, hi):
                w = self.words[k]
                if _CROWD.match(w.form):
                    a = self._strip_proclitic(w, None)
                    return ActorSpan(a, w.end, self.text[a:w.end], "NORP", _PROTESTERS, False)
        m = next((o.match for o in sorted(mentions, key=lambda o: o.match.start)
                  if o.plover == "PROTEST" and o.acled_subtype == "Peaceful protest"), main.match)
        return ActorSpan(m.start, m.end, self.text[m.start:m.end], "NORP", _PROTESTERS, False)

    def _recipient_from_run(self, g: Group, groups: list[Group], actor1: ActorSpan) -> ActorSpan | None:
        """Statements in a run by the same speaker address the same recipient."""
        me = min(o.match.start for o in g.mentions)
        best, best_pos = None, -1
        for h in groups:
            if h is g or h.primary.mode != "verbal":
                continue
            for o in h.mentions:
                if o.actor2 is not None and o.actor1 is not None and o.match.start < me \
                        and self._same_actor(o.actor1, actor1) and o.match.start > best_pos:
                    best, best_pos = o.actor2, o.match.start
        return best

    # ---------------------------------------------------------------- roles & resolution
    def _resolve(self, a: ActorSpan) -> str | None:
        return self._resolve_text(a.text, a.etype, a.start, a.end, new=True)

    def _resolve_text(self, text: str, etype: str, start: int, end: int, new: bool = False) -> str | None:
        # a lookup without "new" must not hide a new actor; the sentence is part of the key, as
        # the resolver reads it: the same words may name another actor elsewhere, and the answer
        # must not depend on which sentence asked first
        key = (text, etype, new, self._sentence_of(start), start >= 2 and self.text[start - 2:start] == "لل")
        if key in self._resolved:
            return self._resolved[key]
        aid = None
        for e in self.entities:
            if e.start == start and e.end == end and e.actor_id:
                aid = e.actor_id
        fresh = aid if aid and aid.startswith("new:") else None
        if fresh:
            aid = None     # the actors stage made a new actor: the base may know the name here
                           # ("للحكومة الانتقالية" read without its article's dropped alef)
        if aid is None and self.resolver is not None:
            si = self._sentence_of(start)
            ctx = self.text[self.sentences[si][0]:self.sentences[si][1]] if self.sentences else ""
            try:
                aid = self._ask_resolver("resolve", text, ctx)
                if aid is None and start >= 2 and self.text[start - 2:start] == "لل" \
                        and not text.startswith("ال"):
                    # "للمقاومة الشعبية" = ل + المقاومة الشعبية: the article's alef is not written
                    aid = self._ask_resolver("resolve", "ال" + text, ctx)
                if aid is None and new and hasattr(self.resolver, "resolve_or_new"):
                    aid = self._ask_resolver("resolve_or_new", text, ctx, etype)
            except Exception:      # a collaborator's failure must not lose the events
                aid = None
        if fresh and (aid is None or aid.startswith("new:")):
            aid = fresh
        self._resolved[key] = aid
        return aid

    @property
    def focus(self) -> str | None:
        """The document's country in focus: the ``country_hint`` option, else the country the
        start of the text points to (``marsad.actors.resolve.infer_country``), else None."""
        if self._focus is False:
            self._focus = self.country_hint
            kb = getattr(self.resolver, "kb", None)
            if self._focus is None and kb is not None:
                try:
                    from ..actors.resolve import infer_country
                    self._focus = infer_country(kb, self.text[:_FOCUS_CHARS])
                except Exception:      # no country inference: descriptors stay unread
                    self._focus = None
        return self._focus

    def _ask_resolver(self, method: str, text: str, ctx: str, etype: str | None = None):
        """Call the resolver's ``resolve``/``resolve_or_new`` with the sentence, the country in
        focus and the whole document (anaphors such as "التنظيم" and the country's descriptors
        "الجيش", "قوات الأمن" read the document); resolvers without ``document=`` get the rest."""
        fn = getattr(self.resolver, method)
        args = (text,) if etype is None else (text, etype)
        kw = {"context": ctx, "published": self.published, "country": self.focus,
              "document": self.text}
        try:
            return fn(*args, **kw)
        except TypeError:
            kw.pop("document")
            return fn(*args, **kw)

    def _civilians_of_place(self, r: Role | None, location: Location | None) -> Role | None:
        """Civilians are those of the country the event happened in: a Syrian sentence word
        ("قرب الحدود مع سوريا") does not make the victims of a bombing in Turkey Syrian."""
        if r is None or not str(r.actor_id or "").startswith("civilians") or location is None \
                or not location.country:
            return r
        actors = self._kb_actors
        own = next((k for k, a in actors.items() if k.startswith("civilians-")
                    and getattr(a, "country", None) == location.country), None)
        want = own or ("civilians" if "civilians" in actors else r.actor_id)
        return r if want == r.actor_id else dataclasses.replace(r, actor_id=want)

    def _ministry_forces(self, r: Role | None, main: Mention) -> Role | None:
        """In a material act, a state's interior or defence ministry ("أسفرت عملية نفذتها وزارة
        الداخلية عن اعتقال ...") acts through its forces: ACLED codes the country's police or
        military, as the ministry's own men would be.  Its statements stay the ministry's."""
        if r is None or main.mode != "material" or not r.actor_id:
            return r
        kb = getattr(self.resolver, "kb", None)
        actor = self._kb_actors.get(r.actor_id)
        if actor is None or actor.kind not in ("government", "state-agency") \
                or not hasattr(kb, "role_actor"):
            return r
        f = fold_key(r.text)
        role = "police" if _INTERIOR in f else ("military" if _DEFENCE in f else None)
        forces = kb.role_actor(actor.country, role, self.published) if role else None
        return dataclasses.replace(r, actor_id=forces) if forces else r

    def _role(self, a: ActorSpan | None) -> Role | None:
        if a is None:
            return None
        aid = a.actor_id or self._resolve(a)
        if str(aid).startswith("new:"):
            aid = self._resolve(a)      # the base may know it read in place ("للحكومة ...")
        if not aid or str(aid).startswith("new:"):
            aid = self._pronoun_forces(a) or aid
        aid = self._named_before(a) or aid
        return Role(aid, a.text, a.start, a.end)

    def _body_named_before(self, a: ActorSpan, f: str) -> str | None:
        """"الوزارة", "الهيئة": the last ministry/body of that head named before in the report
        that the base knows ("وزارة الداخلية السورية ... وتوعدت الوزارة")."""
        head = f[2:]
        for x in reversed(self._actor_spans(0, a.start)):
            g = fold_key(x.text)
            if g.removeprefix("ال").split(" ")[0] != head or " " not in g:
                continue
            aid = x.actor_id or self._resolve_text(x.text, x.etype, x.start, x.end)
            if aid and not aid.startswith("new:"):
                return aid
        return None

    def _named_before(self, a: ActorSpan) -> str | None:
        """A bare force word ("الجيش", "الشرطة") after the same word was named with a country's
        nisba earlier in the report ("أعلن الجيش التركي ... وجاء في بيان الجيش"): that actor,
        whatever other country the word's own sentence mentions ("قرب الحدود السورية")."""
        f = fold_key(a.text)
        if f in _BARE_BODIES:
            return self._body_named_before(a, f)
        if " " in f or not f.startswith("ال") or f not in _BARE_FORCES:
            return None
        key = ("bare", f, a.start)
        if key in self._resolved:
            return self._resolved[key]
        out = None
        for wi in range(self._word_at(a.start) or 0, 0, -1):
            w = self.words[wi - 1]
            if w.end > a.start or wi >= len(self.words):
                continue
            if w.form.removeprefix("و").removeprefix("ف") != f and not (
                    len(w.form) > 2 and w.form[1:] == f and w.form[0] in "وفبلك"):
                continue
            nxt = self.words[wi]
            if self.text[w.end:nxt.start].strip() or not self._country_nisba(nxt.form.removeprefix("ال")):
                continue
            start = w.start + (len(w.form) - len(f))
            aid = self._resolve_text(self.text[start:nxt.end], "ORG", start, nxt.end)
            actors = self._kb_actors
            if aid and getattr(actors.get(aid), "kind", None) == "state-forces":
                out = aid
                break
        self._resolved[key] = out
        return out

    def _pronoun_forces(self, a: ActorSpan) -> str | None:
        """"أعلنت وزارة الدفاع أن وحداتها صدت هجوماً": a force noun with a possessive pronoun
        ("قواتها", "وحداته", "عناصرها") is the force of the last known actor told before it in
        its sentence (or the sentence before): that actor's forces, or the country's army or
        police (its interior ministry's: police)."""
        m = _POSSESSED_FORCE.match(fold_key(a.text))
        kb = getattr(self.resolver, "kb", None)
        if m is None or kb is None:
            return None
        si = self._sentence_of(a.start)
        lo = self.sentences[si - 1][0] if si > 0 else self.sentences[si][0]
        before = [x for x in self._actor_spans(lo, a.start) if x.end <= a.start]
        # the speaker ("قالت وزارة الداخلية ... إن قواتها") before any name quoted in its words
        speech_ends = [c.end for c in self._cues_in("speech", self.sentences[si][0], a.start)]
        speakers = [x for x in before if any(0 <= len(self.text[e:x.start].split()) <= 1
                                             for e in speech_ends)]
        for x in speakers[:1] + list(reversed(before)):
            xid = x.actor_id or self._resolve(x)
            actor = self._kb_actors.get(xid) if xid else None
            if actor is None:
                continue
            if actor.kind in ("state-forces", "armed-group"):
                return xid
            if actor.kind in ("government", "state-agency", "country"):
                role = "police" if _INTERIOR in fold_key(x.text) else "military"
                # an interior ministry's men are its police, not the government's army
                forces = None if role == "police" else (
                    kb.forces_for(xid, self.published) if hasattr(kb, "forces_for") else None)
                return forces or (kb.role_actor(actor.country, role, self.published)
                                  if hasattr(kb, "role_actor") else None)
            return None
        return None

    # ---------------------------------------------------------------- location
    def _location(self, mentions: list[Mention], main: Mention, actors) -> Location | None:
        """The event's place: the most precise place its sentences give for it (the trigger's own
        clause first), geocoded with all the report's places as context; an unknown name takes
        the region of the nearest known place (as ACLED codes a village it cannot find)."""
        cands = []
        # a place name read as a party ("احياء دياربكر" after an attack noun) still names the place
        actor_spans = [(x.start, x.end) for x in actors if x is not None and x.etype != "LOC"]
        datelines = self._dateline_spans()
        for o in mentions:
            s_a, s_b = self.sentences[o.sent]
            for a, b, text in self._place_candidates(s_a, s_b, named=True):
                score = 0.0
                if any(a < y and x < b and not (a <= x and y <= b and (a, b) != (x, y))
                       for x, y in actor_spans):
                    # a place inside a party's name ("سلطات دياربكر") is a weak reading: it
                    # still beats the country alone (a party's name inside a longer place name
                    # is the place's own)
                    score -= 2.5
                score += self._place_score(a, b, o)
                if o is main:
                    score += _MAIN_SENT_BONUS
                    if main.clause[0] <= a < main.clause[1]:
                        # the place in the trigger's own clause comes first ("بقصف ... على دار
                        # سعد" before "هجوم ... بمأرب" told after "فيما" in the same sentence)
                        score += 2.0
                if any(x <= a < y for x, y in datelines):
                    score -= 3.0   # where the report was filed, not where it happened
                cands.append((score, -abs(a - o.match.start), a, b, text))
        for a, b, text in self._sites_in(mentions, actor_spans):
            # a facility the entity layer typed FAC ("قاعدة العند", "مخيم درعا", "مطار كابول")
            o = min(mentions, key=lambda m: abs(a - m.match.start))
            score = self._place_score(a, b, o)
            if self._sentence_of(a) == main.sent:
                score += 1.0 + (2.0 if main.clause[0] <= a < main.clause[1] else 0.0)
            cands.append((score, -abs(a - o.match.start), a, b, text))
        if not cands:
            return None
        cands.sort(reverse=True)
        best_geo = None
        others = self._doc_places()
        is_ent = {(e.start, e.end) for e in self.entities}
        sites = {(a, b) for a, b, _t in self._sites_in(mentions, actor_spans)}
        countries = None
        scored = []
        for score, _d, a, b, text in cands[:6]:
            loc = self._one_sense(self._geocode(a, b, text, others), text, others)
            if (a, b) in sites and loc.country is None:
                continue       # a facility no gazetteer places ("الساحة الخارجية") names nothing
            if (a, b) not in is_ent and self.geocoder is not None and any(
                    e.type == "LOC" for e in self.entities):
                # A word after a place noun the entity layer missed is a place only when a
                # gazetteer knows it in a country the report's named places are in.
                if countries is None:
                    countries = {self._geocode(x, y, t, others).country for _s, _d2, x, y, t in cands
                                 if (x, y) in is_ent} - {None}
                    if countries and self.focus:
                        countries.add(self.focus)   # (the report's own country, "الطوال")
                if loc.country is None or (countries and loc.country not in countries):
                    continue
            scored.append((score, a, b, text, loc))
        for score, a, b, text, loc in scored:
            s = score + (3 - loc.geo_precision) * 0.7
            if loc.country is not None and loc.start < a:
                s += 1.0   # "شمال سيناء" is a region's name, not "north of Sinai" (_place_score)
            if loc.country is None:
                # a name no gazetteer knows: ACLED falls back to the nearest known place, so a
                # geocoded place told for the same event comes first (at a coarser precision)
                s -= 2.5
            elif loc.admin1 is None:
                if any(l2.country == loc.country and l2.admin1 is not None and sc2 > -1
                       and not self._party_like(a2) for sc2, a2, *_r, l2 in scored):
                    # a country when the event's sentences also name a place inside it: the
                    # most precise place is the event's ("في ليجي ... جنوب شرق تركيا")
                    s -= 2.0
                if not self._locative_before(a) and not self._place_noun_before(a):
                    # a country named without "في/ب" is mostly a party ("طالب ... باكستان")
                    s -= 1.5
            if best_geo is None or s > best_geo[0]:
                best_geo = (s, loc)
        if best_geo and best_geo[1].country is not None and any(
                self._geocode(a, b, t, others).country is None for *_x, a, b, t in cands[:1]):
            best_geo = (best_geo[0], dataclasses.replace(
                best_geo[1], geo_precision=max(2, best_geo[1].geo_precision)))
        if not best_geo or best_geo[0] <= -2:
            return None
        loc = best_geo[1]
        if loc.country is None:
            loc = self._region_of_unknown(loc) or loc
        elif self._stray_homonym(loc):
            # "قرية الحميدية المجاورة" in a report whose every other place is in Quneitra: the
            # gazetteer's only Hamidiyah (in Tartus) is another village of that name; the
            # report's village is one the gazetteer lacks
            unknown = dataclasses.replace(loc, name=loc.name_ar or loc.name, admin1=None,
                                          admin2=None, country=None, geonameid=None, lat=None,
                                          lon=None)
            loc = self._region_of_unknown(unknown) or loc
        return loc

    def _stray_homonym(self, loc: Location) -> bool:
        """A geocoded town whose region no other place of the report is in, while the report's
        other places (at least two) all lie in one region of the same country."""
        if loc.geo_precision != 1 or loc.admin1 is None or loc.country is None or loc.lat is None:
            return False
        wi = self._word_at(loc.start)
        if wi is None or wi == 0 or self.words[wi - 1].form.removeprefix("و").removeprefix("ب") \
                .removeprefix("ف") not in _VILLAGE_NOUNS:
            return False       # only a village or a quarter ("قرية الحميدية"): towns are known
        regions, dists = set(), []
        others = self._doc_places()
        for e in self.entities:
            if e.type != "LOC" or (e.start, e.end) == (loc.start, loc.end) or \
                    fold_key(e.text) == fold_key(loc.name_ar or ""):
                continue
            g = self._geocode(e.start, e.end, e.text, others)
            if g.country is not None and g.admin1 is not None:
                regions.add((g.country, g.admin1))
                if g.lat is not None and g.lon is not None:
                    dists.append(math.hypot(g.lat - loc.lat, (g.lon - loc.lon)
                                            * math.cos(math.radians(loc.lat))) * 111.0)
        if len(regions) != 1 or len(dists) < 2:
            return False
        (cc, a1), = regions
        # every other place of the report lies in one region, far from this one
        return cc == loc.country and a1 != loc.admin1 and min(dists) > 100.0

    def _party_like(self, a: int) -> bool:
        """A place named between two parties ("بين انقرة والمتمردين"): it stands for a side."""
        wi = self._word_at(a)
        return wi is not None and wi > 0 and self.words[wi - 1].form in _BETWEEN

    def _locative_before(self, a: int) -> bool:
        """"في/ب" before the place, over direction words ("في شمال شرق تركيا", "بجنوب لبنان")."""
        wi = self._word_at(a)
        if wi is None:
            return False
        k = self._before_directions(wi)
        if k == wi - 1:
            return self._prep_before(a) in ("في", "ب")
        if self.words[k + 1].form.startswith("ب") and self.words[k + 1].form[1:] in _DIRECTION_WORDS:
            return True
        return k >= 0 and self.words[k].form in _IN_WORDS

    def _is_road_end(self, a: int) -> bool:
        """A place named as a road's end ("على طريق دمشق – السويداء"): the event lies on the
        road, so a town named beside it ("قرب بلدة المسمية") is more precise."""
        wi = self._word_at(a)
        if wi is None or wi == 0:
            return False
        for k in (wi - 1, wi - 2):
            if k >= 0 and self.words[k].form.removeprefix("و").removeprefix("ب") in _ROAD_WORDS:
                return True
        return False

    def _reference_point(self, a: int) -> bool:
        """A place after a distance and a direction ("510 كم شمال غرب بغداد")."""
        wi = self._word_at(a)
        if wi is None:
            return False
        k = self._before_directions(wi)
        return k < wi - 1 and k >= 0 and self.words[k].form in _DISTANCE_WORDS

    def _before_directions(self, wi: int) -> int:
        """The word before up to three direction words that precede word ``wi`` ("شمال غرب")."""
        k = wi - 1
        while k >= 0 and wi - k <= 3 and self.words[k].form in _DIRECTION_WORDS:
            k -= 1
        return k

    def _one_sense(self, loc: Location, text: str, others: tuple) -> Location:
        """One place per name in a report: the name's mentions vote with their readings (the
        first mention breaks a tie), so "بيت جن" told once "بريف دمشق" is not Israel's Beit Jann
        where it comes again alone."""
        key = _bare_place(fold_key(text))
        votes: dict[tuple, list] = {}
        for e in self.entities:
            # ("ريف القنيطرة" votes for "القنيطرة": the region named with its countryside)
            if e.type != "LOC" or _bare_place(fold_key(e.text)) != key:
                continue
            g = loc if (e.start, e.end) == (loc.start, loc.end) else \
                self._geocode(e.start, e.end, e.text, others)
            if g.country is not None:
                votes.setdefault((g.country, g.admin1), []).append((e.start, g))
        if not votes:
            return loc
        best = max(votes.values(), key=lambda v: (len(v), -min(x[0] for x in v)))
        if (loc.country, loc.admin1) == (best[0][1].country, best[0][1].admin1):
            return loc
        return dataclasses.replace(min(best, key=lambda x: x[0])[1], start=loc.start, end=loc.end)

    def _doc_places(self) -> tuple:
        """Every place name the report's entity layer found: context for the geocoder, so that
        "المفرق" in a report about Taiz is not Jordan's Mafraq and "كوباني" beside "تركيا" is
        still Syria's town."""
        got = getattr(self, "_doc_places_cache", None)
        if got is None:
            got = tuple(e.text for e in self.entities if e.type == "LOC")
            self._doc_places_cache = got
        return got

    def _dateline_spans(self) -> list[tuple[int, int]]:
        """Spans of the report's dateline ("رويترز- القاهرة:", "ريف دمشق-سانا", "عين اليوم –
        كابول"): a short line of the report's start with a dash or a colon, or an opening run
        of at most four words ending in a colon. The place there is where the report was filed."""
        got = getattr(self, "_dateline_cache", None)
        if got is not None:
            return got
        out = []
        pos = 0
        for line in self.text[:600].split("\n")[:6]:
            st = line.strip()
            parts = [x.split() for x in re.split(r"[-–—:]", st)]
            # "تلفزيون سوريا – دمشق", not a headline "سوريا: مقتل خمسة بقصف على إدلب"
            if st and len(st) <= 50 and len(parts) in (2, 3) and sum(map(len, parts)) <= 4 and \
                    all(len(x) <= 3 for x in parts) and not st.endswith((".", "؟", "!")):
                out.append((pos, pos + len(line)))
            pos += len(line) + 1
        m = re.match(r"\s*(?:[^\s:.،]+[\s\-–—]*){1,4}:", self.text[:80])
        if m:
            out.append((0, m.end()))
        self._dateline_cache = out
        return out

    def _sites_in(self, mentions: list[Mention], actor_spans) -> list[tuple[int, int, str]]:
        """FAC entities of the mentions' sentences that lie after a facility noun, not inside
        a party's name."""
        out = []
        sents = {o.sent for o in mentions}
        for e in self.entities:
            if e.type != "FAC" or any(e.start < y and x < e.end for x, y in actor_spans):
                continue
            si = self._sentence_of(e.start)
            if si in sents:
                out.append(self._site_name(e))
        return out

    def _site_name(self, e: Entity) -> tuple[int, int, str]:
        """The part of a FAC entity the gazetteer places: the whole, else its longest opening
        that is ("قاعدة العند العسكرية" → "قاعدة العند")."""
        if self.geocoder is None:
            return (e.start, e.end, e.text)
        ws = [w for w in self.words if e.start <= w.start and w.end <= e.end]
        for k in range(len(ws), 1, -1):
            end = ws[k - 1].end
            try:
                if self.geocoder.geocode(self.text, e.start, end,
                                         country_hint=self.country_hint) is not None:
                    return (e.start, end, self.text[e.start:end])
            except Exception:      # a geocoder failure: keep the entity whole
                break
        return (e.start, e.end, e.text)

    def _region_of_unknown(self, loc: Location) -> Location | None:
        """A place no gazetteer knows ("قرية الجنادبة", "بمحافظة الحرث") keeps its name and takes
        the country and admin1 of the nearest known place the report names: in its own sentence
        first, then the sentences before it (nearest first), then the next one."""
        si = self._sentence_of(loc.start)
        order = [si] + list(range(si - 1, -1, -1)) + [si + 1]
        others = self._doc_places()
        key = fold_key(self.text[loc.start:loc.end])
        for e in self.entities:
            # one place per name in a report: another mention of the same name told with its
            # region ("بلدة بيت جن بريف دمشق") says where this one is
            if e.type == "LOC" and (e.start, e.end) != (loc.start, loc.end) and \
                    fold_key(e.text) == key:
                g = self._geocode(e.start, e.end, e.text, others)
                if g.admin1 is not None and g.country is not None:
                    return dataclasses.replace(loc, admin1=g.admin1, country=g.country,
                                               geo_precision=max(2, loc.geo_precision))
        for k in order:
            if not 0 <= k < len(self.sentences):
                continue
            s_a, s_b = self.sentences[k]
            found = []
            for a, b, text in self._place_candidates(s_a, s_b):
                if (a, b) == (loc.start, loc.end) or self._prep_before(a) in _AWAY_PREPS:
                    continue       # "أرتال من إدلب": where forces came from, not this place
                g = self._geocode(a, b, text, others)
                if g.admin1 is not None and g.country is not None:
                    found.append((abs(a - loc.start), g))
            if found:
                g = min(found, key=lambda x: x[0])[1]
                return dataclasses.replace(loc, admin1=g.admin1, country=g.country,
                                           geo_precision=max(2, loc.geo_precision))
        return None

    def _lead_place(self, main: Mention, actors) -> Location | None:
        """No place in the event's own sentences: the report's lead names where it happened
        ("الشيخ زويد" in the first sentence, the events told further on), as a coder reads it.
        Only a town or region the gazetteer knows is taken (not a country), never one after a
        destination word, nor the dateline's place."""
        if not self.sentences or main.sent == 0:
            return None
        a, b = self.sentences[0][0], self.sentences[min(1, len(self.sentences) - 1)][1]
        actor_spans = [(x.start, x.end) for x in actors if x is not None]
        datelines = self._dateline_spans()
        others = self._doc_places()
        for x, y, text in self._place_candidates(a, b, named=True):
            if any(x < q and p < y for p, q in actor_spans) or self._place_score(x, y, main) < -1 \
                    or any(p <= x < q for p, q in datelines):
                continue
            loc = self._geocode(x, y, text, others)
            if loc.country is not None and loc.admin1 is not None:
                return loc
        return None

    def _place_candidates(self, a: int, b: int, named: bool = False) -> list[tuple[int, int, str]]:
        """Place mentions in [a, b): LOC entities, and (``named``) the name after a place noun
        the entity layer missed ("بمحافظة ديالى", "بلدة بني سعد")."""
        memo = self.__dict__.setdefault("_pc_memo", {})
        key = (a, b, named)
        if key not in memo:      # asked again for every mention of a sentence: read it once
            memo[key] = self._place_candidates_uncached(a, b, named)
        return list(memo[key])

    def _place_candidates_uncached(self, a: int, b: int, named: bool) -> list[tuple[int, int, str]]:
        locs = [self._longer_name(self._whole_word(e), b) for e in self.entities
                if e.type == "LOC" and e.start >= a and e.end <= b]
        if named and any(e.type == "LOC" for e in self.entities):
            more = self._named_after_place_nouns(a, b, locs)
            return sorted(locs + more + self._gazetteer_names(a, b, locs + more))
        if locs or any(e.type == "LOC" for e in self.entities):
            return locs
        # No place layer at all: the word after a place noun ("مدينة حارم").
        out = []
        for c in self._cues_in("place", a, b):
            if c.pattern.row.get("value") != "1" or "ال" in c.proclitic:
                continue       # "مدينة عدن" names the town; "المدينة أصبحت" does not
            j = c.last + 1
            if j < len(self.words) and self.words[j].end <= b and not \
                    self.text[c.end:self.words[j].start].strip():
                w = self.words[j]
                end = w.end
                if w.form in _TOPONYM_HEADS and j + 1 < len(self.words) and self.words[j + 1].end <= b \
                        and not self.text[w.end:self.words[j + 1].start].strip():
                    end = self.words[j + 1].end     # "بلدة أبو حمام": two words
                out.append((w.start, end, self.text[w.start:end]))
        return out

    def _named_after_place_nouns(self, a: int, b: int, locs) -> list[tuple[int, int, str]]:
        """The name right after a town, facility or governorate noun ("مدينة X", "مخيم X",
        "محافظة X") that no LOC entity covers: one word, two after a toponym head ("بني سعد",
        "أم حوش", "جبل العليقة")."""
        out = []
        heads = [c for c in self._cues_in("place", a, b) + self._cues_in("region", a, b)
                 if (c.pattern.row.get("value") or "") in ("1", "3", "fac")]
        # plural and district nouns the cue list lacks ("احد احياء دياربكر", "مديرية أرحب")
        lasts = [(c.last, "ال" in c.proclitic) for c in heads] + [
            (i, False) for i, w in enumerate(self.words)
            if a <= w.start and w.end <= b and w.form in _MORE_PLACE_HEADS]
        for last, definite in lasts:
            if definite:
                continue       # "المدينة" refers back; it names nothing after it
            j = last + 1
            if j >= len(self.words) or self.words[j].end > b:
                continue
            w = self.words[j]
            if self.text[self.words[last].end:w.start].strip() or w.form in _PREPS or \
                    self._is_trigger_word(j):
                continue
            if any(x < w.end and w.start < y for x, y, _t in locs):
                continue
            longer = self._known_name_at(j, b)
            if longer is not None:
                # a multi-word name the gazetteer knows ("منطقة الشيخ زويد", with "زويد" read
                # as a person's name by the entity layer)
                out.append(longer)
                continue
            hit = [e for e in self.entities if e.start < w.end and w.start < e.end]
            if hit:
                # a name after a place noun that the entity layer typed otherwise is the place
                # when the resolver knows no party by it and the gazetteer knows it
                # ("احد احياء دياربكر" read as an organisation)
                e = hit[0]
                if len(hit) == 1 and e.type != "LOC" and (self._is_place_name(e) or e.type == "PER"):
                    # (nobody is named after "بلدة": "بلدة أبو حمام" read as a person is a
                    # village the gazetteer may lack)
                    out.append((e.start, e.end, e.text))
                continue
            end = w.end
            if w.form in _TOPONYM_HEADS and j + 1 < len(self.words) and \
                    self.words[j + 1].end <= b and not self.text[w.end:self.words[j + 1].start].strip():
                end = self.words[j + 1].end
            out.append((w.start, end, self.text[w.start:end]))
        return out

    def _gazetteer_names(self, a: int, b: int, found) -> list[tuple[int, int, str]]:
        """Names of two or three words the gazetteer knows that neither the entity layer nor a
        place noun found ("في حارة حريك", "حقل سرسنك النفطي"): a multi-word name is rarely a
        common phrase.  Words inside a person's or a party's entity are left alone."""
        out: list[tuple[int, int, str]] = []
        lo, hi = self._word_range(a, b)
        taken = [(x, y) for x, y, _t in found] + [
            (e.start, e.end) for e in self.entities if e.type in ("PER", "ORG") and e.actor_id
            and not str(e.actor_id).startswith("new:")]
        # (not from "حي": "حي المهاجرين" is also a Damascus alias of the gazetteer; the name
        # after the noun is read by _named_after_place_nouns, in the report's context)
        j = lo
        while j < hi:
            w = self.words[j]
            if any(x < w.end and w.start < y for x, y in taken) or w.form in _PREPS \
                    or w.form in _QUARTER_NOUNS:
                j += 1
                continue
            hit = self._known_name_at(j, b)
            if hit is not None and not self._gazetteer_site(hit[2]):
                hit = None     # "الحدود الشمالية" is a Saudi region's name and a common phrase
            if hit is not None and not any(x < hit[1] and hit[0] < y for x, y in taken):
                out.append(hit)
                j = self._word_at(hit[1] - 1) + 1
                continue
            j += 1
        return out

    def _gazetteer_site(self, name: str) -> bool:
        """The gazetteer knows ``name`` as a town, quarter, camp, field or other site, not only
        as an administrative region (whose multi-word names are often common phrases)."""
        try:
            return any(c.feature_class != "A" for c in self.geocoder.lookup(name))
        except Exception:      # a geocoder failure: not read as a place
            return False

    def _known_name_at(self, j: int, b: int) -> tuple[int, int, str] | None:
        """Three or two words from word ``j`` (within ``b``, no punctuation between them) that
        the gazetteer knows as one name, or None."""
        lookup = getattr(self.geocoder, "lookup", None)
        if lookup is None:
            return None
        for n in (3, 2):
            k = j + n - 1
            if k >= len(self.words) or self.words[k].end > b:
                continue
            span = self.text[self.words[j].start:self.words[k].end]
            if any(ch in _PUNCT for ch in span):
                continue
            try:
                if lookup(span):
                    return (self.words[j].start, self.words[k].end, span)
            except Exception:      # a geocoder failure: the one-word reading stands
                return None
        return None

    def _longer_name(self, c: tuple[int, int, str], b: int) -> tuple[int, int, str]:
        """A LOC entity and the word or two after it when the gazetteer knows them as one name
        ("ظهران" + "الجنوب" is Dhahran al Janub, not Dhahran)."""
        wi = self._word_at(c[0])
        if wi is None or self.words[wi].start != c[0]:
            return c
        longer = self._known_name_at(wi, b)
        return longer if longer is not None and longer[1] > c[1] else c

    def _whole_word(self, e: Entity) -> tuple[int, int, str]:
        """A LOC entity that starts after a letter of its own word the entity layer took for a
        proclitic ("يجي" in "ليجي"): the whole word when the gazetteer reads it as another place."""
        wi = self._word_at(e.start)
        lookup = getattr(self.geocoder, "lookup", None)
        if wi is None or lookup is None:
            return (e.start, e.end, e.text)
        w = self.words[wi]
        if not (w.start < e.start and e.start - w.start == 1 and w.end >= e.end):
            return (e.start, e.end, e.text)
        full = self.text[w.start:e.end]
        try:
            whole, part = lookup(full), lookup(e.text)
        except Exception:      # a geocoder failure: keep the entity as it is
            return (e.start, e.end, e.text)
        if whole and (not part or whole[0].geonameid != part[0].geonameid):
            return (w.start, e.end, full)
        return (e.start, e.end, e.text)

    def _place_score(self, a: int, b: int, o: Mention) -> float:
        score = 0.0
        wi = self._word_at(a)
        prev = wi - 1 if wi is not None else -1
        if any(c.last == prev for c in self.cues.get("place", ())):
            score += 2.0
        if any(c.last == prev for c in self.cues.get("region", ())):
            score -= 1.0
        p = self._prep_before(a)
        if p == "ل" and prev >= 0 and self.words[prev].form.startswith("ال"):
            # "الجهة الغربية لقاعدة العند": لـ after a definite noun is "of", not "to"
            score -= 1.0
        elif p in ("الى", "نحو", "من", "ل", "باتجاه", "صوب") or any(
                c.last == prev for c in self.cues.get("destination", ())):
            score -= 3.0
        elif p in ("في", "ب"):
            score += 1.0
        if self._is_road_end(a):
            score -= 2.0
        if p == "" and wi is not None and wi > 0 and self.words[wi].form.startswith("و") and \
                self._prep_before(self.words[wi - 1].start) in _AWAY_PREPS:
            score -= 3.0   # "من إدلب وحماة": the conjunct shares the first name's "from"
        if self._party_like(a):
            score -= 3.5   # "بين انقرة والمتمردين": a capital standing for its government
        if self._reference_point(a):
            score -= 3.0   # "57 كم شمال شرقي بغداد": the distance says it is not there
        if o.clause[0] <= a < o.clause[1]:
            score += 1.5
        return score

    def _geocode(self, a: int, b: int, text: str, others: tuple) -> Location:
        if self.geocoder is not None:
            try:
                loc = self.geocoder.geocode(self.text, a, b, country_hint=self.country_hint,
                                            context_places=others)
                if loc is not None:
                    return loc
            except Exception:      # a geocoder failure leaves the place as named in the text
                pass
        wi = self._word_at(a)
        prev = wi - 1 if wi is not None else -1
        prec = 1
        for c in self.cues.get("region", ()):
            if c.last == prev:
                prec = int(c.pattern.row.get("value") or 2)
        return Location(name=text, name_ar=text, admin1=None, admin2=None, country=None,
                        geonameid=None, lat=None, lon=None, geo_precision=prec, start=a, end=b)

    # ---------------------------------------------------------------- date
    def _date(self, mentions: list[Mention], main: Mention) -> tuple[EventDate | None, bool]:
        order = [main] + [o for o in mentions if o is not main]
        t = None
        for span_of in (lambda o: o.clause, lambda o: self.sentences[o.sent]):
            for o in order:
                # ("تحرير طبيب مختطف منذ خمسة أيام، والقبض على ...": a "since" time dates the
                # state it begins, not the act; it is used only when nothing else dates it)
                t = self._time_near(o.match.start, span_of(o), skip_since=True) \
                    or self._time_near(o.match.start, span_of(o))
                if t:
                    break
            if t:
                break
        fallback = False
        if t is None and self.published is not None and self.sentences and main.mode == "material":
            # the story's time carries on to the next sentences: the closest recent time told
            # in the two sentences before ("فجر اليوم ... واستهدفت مروحية ..."); not for a
            # statement, which is often made days after the act it speaks of
            lo = self.sentences[max(main.sent - 2, 0)][0]
            for cand in sorted(self.times, key=lambda c: -c.start):
                if lo <= cand.start and cand.end <= main.match.start:
                    d = self._date_of(cand.value)
                    if d is not None and 0 <= (self.published - d).days <= 7:
                        t, fallback = cand, True
                    break
        if t is None and self.published is not None and main.mode == "verbal":
            # A statement with no time of its own was made when the report tells it: the
            # publication day (pointing at the statement's verb), not the day of the act it
            # speaks of that the lead names
            m = main.match
            return EventDate(value=self.published.isoformat(), end=None, time_precision=1,
                             start=m.start, end_char=m.end), True
        if t is None and self.published is not None and self.sentences:
            # The lead of a report usually dates its main event; accept it only when plausible
            # (the lead: the first three sentences, past a headline and a dateline line).
            lead_end = max(self.sentences[min(2, len(self.sentences) - 1)][1],
                           min(600, self.sentences[-1][1]))
            for cand in self.times:
                if cand.end <= lead_end:
                    d = self._date_of(cand.value)
                    if d is not None and 0 <= (self.published - d).days <= self.background_days:
                        t, fallback = cand, True
                        break
        if t is None:
            return None, False
        return EventDate(value=self._weekday_value(t), end=t.end_value,
                         time_precision=t.time_precision, start=t.start, end_char=t.end), fallback

    def _weekday_value(self, t) -> str:
        """"اليوم الأحد" in a report filed on a Tuesday: the named weekday wins over "today".

        News crawls are dated when collected, often a day or two after the report; a weekday the
        text names is the date (the last such day on or before publication)."""
        if self.published is None or t.end_value or t.value != self.published.isoformat():
            return t.value
        try:
            from ..text.times import WEEKDAYS
        except ImportError:        # no times layer: keep the resolved value
            return t.value
        for w in words_of(t.text if isinstance(t.text, str) else ""):
            wd = WEEKDAYS.get(w.form[1:] if w.form[:1] in ("و", "ب") and w.form[1:] in WEEKDAYS
                              else w.form)
            if wd is not None and wd != self.published.weekday():
                back = (self.published.weekday() - wd) % 7
                return (self.published - _dt.timedelta(days=back)).isoformat()
        return t.value

    # ---------------------------------------------------------------- counts
    def _count(self, cat: str, mentions: list[Mention], main: Mention | None = None) -> Count | None:
        """The best count of category ``cat`` in the sentences of an event's mentions.

        A figure (a number, "عشرات", "عدد من") wins over a bare casualty word, and a bare word
        over "unconfirmed"/"none". Between figures, the lead one: the main mention's own
        sentence (the toll of another sentence usually belongs to another incident told there),
        then the earliest (the gold keeps the figure a text leads with, usually also the most
        conservative: "أكثر من 30 قتيلاً ... بأن عدد القتلى بلغ 37"). A part of a total ("بين
        القتلى 35 عنصراً") loses to the total and, kept alone, is a lower bound."""
        best, best_key = None, None
        main_sent = main.sent if main is not None else -1
        for si in sorted({o.sent for o in mentions}):
            s_a, s_b = self.sentences[si]
            for n in self._cues_in(cat, s_a, s_b):
                c = self._count_at(n, s_a, s_b)
                if c is None:
                    continue
                if si != main_sent and self._past_toll(n, s_a, s_b):
                    continue
                qs = [q for q in self.quantities if q.start >= c.start and q.end <= c.end]
                figure = c.value is not None or c.status == "unspecified" and bool(qs)
                # a part of a total, or a figure told again ("القتلى الـ27", "الأشخاص الأربعة")
                part = figure and (self._breakdown_before(c.start) or any(
                    fold_key(q.text).lstrip("وفبل").startswith("ال") for q in qs))
                # 3: a number; 2: "عشرات", "عدد من" (a headline's "عشرات القتلى" gives way to
                # the body's "قُتل 74"); 1: a part of a total or a bare casualty word; 0: none
                # or unconfirmed
                cls = 0 if not figure and c.status != "unspecified" else 1 if not figure or part \
                    else 3 if c.value is not None else 2
                near = -abs(n.start - main.match.start) if main is not None and si == main_sent \
                    else 0
                key = (cls, _COUNT_RANK[c.status] if cls < 2 else 0, si == main_sent, near, -si,
                       -n.start)
                if best is None or key > best_key:
                    best, best_key = c, key
        if best is not None and best_key[0] == 1 and best.value is not None \
                and best.status == "exact" and self._breakdown_before(best.start):
            best = Count("at_least", best.value, best.start, best.end)
        if best is None and cat == "killed":
            # "ولم يسفر القصف عن إصابات", "دون وقوع إصابات": no casualties at all, dead included
            for si in sorted({o.sent for o in mentions}):
                s_a, s_b = self.sentences[si]
                for n in self._cues_in("injured", s_a, s_b):
                    c = self._count_at(n, s_a, s_b)
                    if c is not None and c.status == "none" and self._plural_casualty(n):
                        return c
            if main is not None:
                return self._no_toll(mentions, main)
        return best

    def _no_toll(self, mentions: list[Mention], main: Mention) -> Count | None:
        """"ولم تصدر حصيلة رسمية للغارة", "لم ترد معلومات عن خسائر": a negated toll word in the
        event's sentences or in the sentence right after them (when that one only refers back:
        its trigger words, if any, carry the article, "للغارة") — the toll is unconfirmed."""
        sents = sorted({o.sent for o in mentions})
        cands = [(si, False) for si in sents]
        if sents[-1] + 1 < len(self.sentences):
            cands.append((sents[-1] + 1, True))
        neg = self.cues.get("negation", ())
        for si, after in cands:
            s_a, s_b = self.sentences[si]
            lo, hi = self._word_range(s_a, s_b)
            if after and any(not self.words[k].form.lstrip("وف").startswith(_ARTICLES)
                             for k in range(lo, hi)
                             if k in self._trigger_words and k not in self._speech_words):
                continue
            if after and self._casualty_cues(s_a, s_b):
                continue
            for x in neg:
                if not (s_a <= x.start and x.end <= s_b):
                    continue
                for k in range(x.last + 1, min(hi, x.last + 4)):
                    f = self.words[k].form
                    if f in _TOLL_WORDS or f[:1] in ("و", "ف", "ب", "ل") and f[1:] in _TOLL_WORDS:
                        return Count("unconfirmed", None, x.start, self.words[k].end)
        return None

    def _past_toll(self, n: Match, s_a: int, s_b: int) -> bool:
        """A toll dated long before publication in its own clause ("مقتل أكثر من 400 شخص في
        عمليات اغتيال خلال عام 2024"): a backdrop figure, not this event's."""
        if self.published is None:
            return False
        c_a, c_b = clause_bounds(self.text, s_a, s_b, n.start)
        for t in self.times:
            if c_a <= t.start and t.end <= c_b:
                last = self._date_of(t.end_value or t.value, last=True)
                if last is not None and (self.published - last).days > self.background_days:
                    return True
        for m in _YEAR_RE.finditer(fold_key(self.text[c_a:c_b])):
            # bare years are not in the times layer: "خلال عام 2024"
            year = int(m.group(1))
            if 1900 < year <= self.published.year and \
                    (self.published - _dt.date(year, 12, 31)).days > self.background_days:
                return True
        return False

    def _plural_casualty(self, n: Match) -> bool:
        """"إصابات", "خسائر": a plural casualty noun (after a negation it means no casualties)."""
        return self.words[n.first].form[len(n.proclitic):] in _CASUALTIES_WORDS

    def _breakdown_before(self, pos: int) -> bool:
        """"بين القتلى 35", "من بينهم 3 قتلى": the count right after ``pos`` is part of a total."""
        i = bisect.bisect_left(self._starts, pos) - 1
        if i < 0 or any(ch in self.text[self.words[i].end:pos] for ch in _PUNCT):
            return False
        f = self.words[i].form
        return f in _BREAKDOWN or f[:1] in ("و", "ف") and f[1:] in _BREAKDOWN

    def _casualty_cues(self, a: int, b: int) -> list[Match]:
        """Casualty nouns/verbs of every category (killed, injured, arrested) inside [a, b)."""
        out = [c for cat in _CASUALTY_CATS for c in self._cues_in(cat, a, b)]
        return sorted(out, key=lambda c: c.first)

    def _quantity_owner(self, q, c_a: int, c_b: int) -> Match | None:
        """The casualty cue a quantity counts, within its clause.

        A cue right before the number owns it ("مقتل 5", "وأصيب 173", "قتل اليوم 9", "استشهاد
        (15)"; four words before for a number word after its noun: "مقتل عسكريين تركيين اثنين");
        else the first cue after it, up to five words on (eight after a partitive من) with no
        punctuation between ("43 شخصا قتلوا", "ثلاثة من عناصر الجيش العربي السوري أصيبوا").
        "لقي N ... مصرعهم" reaches مصرع however far; a number joined by و with its own cue right
        after it is that cue's ("قتيل و18 جريحاً"); the noun after "أحد" is the group the one is
        taken from ("أحد المطلوبين قُتل"); a cue with و further on owns no number before it."""
        qi, qj = self._word_at(q.start), self._word_at(max(q.start, q.end - 1))
        if qi is None or qj is None:
            return None
        cues = self._casualty_cues(c_a, c_b)
        if qi > 0 and self.words[qi - 1].form.lstrip("وف") in _LAQIYA:
            # "لقي 22 مسلحاً من تنظيم داعش مصرعهم": the number waits for مصرع, however far
            for c in cues:
                if c.first > qj and c.start >= q.end and \
                        fold_key(self.text[c.start:c.end]).startswith(_MASRA):
                    if not any(ch in self.text[q.end:c.start] for ch in _PUNCT):
                        return c
                    break
        if self._one_of(q):
            # "أحد المطلوبين قُتل", "أحد الجرحى توفي": the noun after "أحد" is the group the one
            # is taken from, not what happened to him
            cues = [c for c in cues if c.first != qj + 1]
        # "ثلاثة من عناصر الجيش العربي السوري أصيبوا": a partitive من makes the noun longer
        reach = 8 if qj + 1 < len(self.words) and self.words[qj + 1].form == _MIN else 5
        # a casualty word with و further on starts a new item ("إضافة إلى ثلاثة من العاملين في
        # الموقع وإصابة سبعة"): it owns no number before it
        after = [c for c in cues if qj < c.first <= qj + reach and c.start >= q.end
                 and not (c.first > qj + 1 and self.words[c.first].form[:1] == "و")]
        before = [c for c in cues if qi - 2 <= c.last < qi and c.end <= q.start]
        if qi >= 2 and self._np_number(q, qi):
            # "مقتل عسكريين تركيين اثنين": a number word after its counted noun
            before += [c for c in cues if qi - 4 <= c.last < qi - 2 and c.end <= q.start]
        if before and after and self._wa_before(q.start) and after[0].first == qj + 1 and \
                not any(ch in self.text[q.end:after[0].start] for ch in _PUNCT):
            # "قتيل و18 جريحاً", "30 قتيلاً ونحو 100 جريح": a number joined by و with its own
            # casualty noun right after it starts a new item; the noun before is the last item's
            before = []
        if before:
            c = max(before, key=lambda c: c.last)
            # "استشهاد (15) خمسة عشر": a number in brackets (and its words) is still the noun's
            gap = _BRACKETED_NUMBER.sub(" ", self.text[c.end:q.start]).replace("(", "")
            if not any(ch in gap for ch in _PUNCT):
                return c
        if after:
            c = min(after, key=lambda c: c.first)
            gap = self.text[q.end:c.start]
            if not any(ch in gap for ch in _PUNCT):
                return c
        return None

    def _one_of(self, q) -> bool:
        """A quantity that is "أحد"/"إحدى" + a definite noun (one of them)."""
        return q.value == 1 and fold_key(q.text.split()[0]).lstrip("وف") in _ONE_OF

    def _np_number(self, q, qi: int) -> bool:
        """"جنديين اثنين", "عسكريين تركيين اثنين": a number word (1 or 2) after its counted noun."""
        return q.value in (1, 2) and fold_key(q.text).lstrip("وف") in _NUMBER_AFTER_NOUN

    def _wa_before(self, pos: int) -> bool:
        """The conjunction و right before ``pos`` (attached, "و18", or as its own word, "و 18")."""
        k = pos - 1
        while k >= 0 and self.text[k] == " ":
            k -= 1
        return k >= 0 and self.text[k] == "و" and (k == 0 or not self.text[k - 1].isalnum())

    def _owned_quantity(self, n: Match, s_a: int, s_b: int):
        """The first quantity of the sentence that cue ``n`` owns (see ``_quantity_owner``)."""
        for q in self.quantities:
            if q.start >= s_a and q.end <= s_b and self._quantity_owner(q, s_a, s_b) is n:
                return q
        return None

    def _joint_total(self, n: Match, s_a: int, s_b: int) -> bool:
        """"مقتل وإصابة 40": one figure after two casualty words of different kinds joined by و,
        the first with no number of its own ("43 قتلوا وأصيب 173" is two figures)."""
        cat = n.pattern.row.get("category")
        for c in self._casualty_cues(s_a, s_b):
            if c is n or c.pattern.row.get("category") == cat:
                continue
            if c.first == n.last + 1 and self.words[c.first].form[:1] == "و":
                first, second = n, c
            elif c.last == n.first - 1 and self.words[n.first].form[:1] == "و":
                first, second = c, n
            else:
                continue
            q = self._owned_quantity(second, s_a, s_b)
            if q is not None and q.start >= second.end and \
                    self._owned_quantity(first, s_a, s_b) is None:
                return True
        return False

    def _count_at(self, n: Match, s_a: int, s_b: int) -> Count | None:
        c_a, c_b = clause_bounds(self.text, s_a, s_b, n.start)
        neg = [c for c in self.cues.get("negation", ()) if c.start >= c_a and c.end <= n.start]
        for cat in ("unconfirmed", "none"):
            for c in self._cues_in(cat, c_a, c_b):
                needs_neg = (c.pattern.row.get("value") or "") == "neg"
                if needs_neg and not any(x.end <= c.start for x in neg):
                    continue
                if cat == "unconfirmed" and not needs_neg and c.first > 0 and \
                        self._person_word(c.first - 1):
                    continue     # "مسلحون مجهولون": unknown gunmen, not an unknown toll
                if cat == "unconfirmed" and needs_neg and min(abs(c.first - n.last),
                                                              abs(n.first - c.last)) > 8:
                    continue     # "لم يتضح إن كان المسلحون يتبعون ... فقتلوا": not about the toll
                a = min(c.start, n.start, *(x.start for x in neg if x.end <= c.start)) if needs_neg \
                    else min(c.start, n.start)
                return Count(cat, 0 if cat == "none" else None, a, max(c.end, n.end))
        # A number the noun owns: "3 قتلى", "مقتل 5 أشخاص", "43 شخصا قتلوا وأصيب 173" (173 is
        # the wounded's: each number goes to the casualty word on its own side).
        # The clause is the sentence here: "43 شخصا قتلوا" has no clause break, and a quantity
        # is owned by one cue only, so a wider window cannot steal another cue's number.
        if self._joint_total(n, s_a, s_b):
            # a killed-and-wounded total cannot be split (gold convention: unspecified)
            return Count("unspecified", None, n.start, n.end)
        q = self._owned_quantity(n, s_a, s_b)
        if q is not None:
            val = q.value if isinstance(q.value, int) else (
                int(q.value) if isinstance(q.value, float) else None)
            status = q.status if q.status in _COUNT_RANK else "exact"
            if any(c.start <= q.start and q.end <= c.end for c in self.cues.get("unspecified", ())):
                # "عشرات القتلى": dozens is no figure (gold convention: unspecified)
                return Count("unspecified", None, min(q.start, n.start), max(q.end, n.end))
            if val is None and status != "unspecified":
                status = "unspecified"
            elif status == "exact" and self._at_least_after(q, n, s_b):
                status = "at_least"
            end = max(q.end, n.end)
            if val is not None:
                more = self._other_sides(q, s_a, s_b)
                if more:
                    # "مقتل 16 عنصراً من الأمن العام و4 مسلحين": ACLED sums every side's dead
                    val += sum(v for v, _st, _e in more)
                    sts = {status} | {st for _v, st, _e in more}
                    status = "approx" if "approx" in sts else "at_least" if "at_least" in sts \
                        else status
                    end = max(end, more[-1][2])
            return Count(status, val, min(q.start, n.start), end)
        if not self.quantities:
            num = self._digits_near(n)
            if num is not None:
                return Count("exact", num[0], min(num[1], n.start), max(num[2], n.end))
        for c in self.cues.get("unspecified", ()):
            if n.first - 4 <= c.last < n.first and c.start >= c_a:
                return Count("unspecified", None, c.start, n.end)
        one = self._person_count(n, c_a, c_b)
        if one is not None:
            return one
        if n.first == n.last and not n.proclitic.endswith("ال") and \
                self.words[n.first].form[len(n.proclitic):] in _SINGULAR_CASUALTY:
            # "قتيل و18 جريحاً", "سقوط شهيد": an indefinite singular casualty noun is one person
            return Count("exact", 1, n.start, n.end)
        if n.first == n.last:
            base = self.words[n.first].form[len(n.proclitic):]
            for suf in ("ه", "ها"):
                if base.endswith(suf) and base[:-len(suf)] in _HIS_HEADS:
                    # "مقتله", "إصابتها", "اعتقاله": his (her) death is one person's
                    return Count("exact", 1, n.start, n.end)
        return Count("unspecified", None, n.start, n.end)

    def _other_sides(self, q, s_a: int, s_b: int) -> list[tuple[int, str, int]]:
        """The tolls joined by و after quantity ``q`` that no casualty word owns: "مقتل 16
        عنصراً من الأمن العام و4 مسلحين" ([(4, exact, end)]), "قتل 3 من أفراد الشرطة ومدني"
        (a singular person noun: 1). Stops at punctuation, another casualty word, a part of a
        total ("بينهم") or a number not joined by و; at most eight words on."""
        out: list[tuple[int, str, int]] = []
        pos = q.end
        lo, hi = self._word_range(q.end, s_b)
        k = lo
        while k < min(hi, lo + 8):
            w = self.words[k]
            if any(ch in self.text[pos:w.start] for ch in _PUNCT):
                break
            if any(c.first <= k <= c.last for c in self._casualty_cues(w.start, w.end)):
                break
            f = w.form
            if f in _BREAKDOWN or f[:1] in ("و", "ف") and f[1:] in _BREAKDOWN:
                break
            q2 = next((x for x in self.quantities if w.start <= x.start < w.end), None)
            if q2 is not None:
                if not (self._wa_before(q2.start) or self._besides_before(q2.start)) or \
                        not isinstance(q2.value, int) or \
                        q2.status == "unspecified" or self._quantity_owner(q2, s_a, s_b) is not None:
                    break
                k2 = bisect.bisect_left(self._starts, q2.end)
                if k2 >= hi or not self._person_word(k2):
                    break        # "و3 منازل": only people are counted
                out.append((q2.value, q2.status, self.words[k2].end))
                pos, k = self.words[k2].end, k2 + 1
                continue
            if f[:1] == "و":
                pc = next((c for c in self.cues.get("person_count", ()) if c.first == k), None)
                if pc is not None and pc.first == pc.last and \
                        not any(ch in self.text[pos:w.start] for ch in _PUNCT):
                    try:
                        val = int(pc.pattern.row.get("value") or 1)
                    except ValueError:
                        val = 1
                    if fold_key(self.text[pc.start:pc.end]).lstrip("و") not in _NOT_PERSON_ITEM:
                        out.append((val, "exact", pc.end))
                        pos, k = pc.end, k + 1
                        continue
            k += 1
        return out

    def _besides_before(self, pos: int) -> bool:
        """"إضافة إلى", "بالإضافة إلى", "فضلا عن" right before ``pos`` (in addition to)."""
        i = bisect.bisect_left(self._starts, pos)
        if i < 2 or any(ch in self.text[self.words[i - 2].start:pos] for ch in _PUNCT):
            return False
        return (self.words[i - 2].form.lstrip("و"), self.words[i - 1].form) in _BESIDES

    def _person_word(self, k: int) -> bool:
        """Word ``k`` names people: a person noun, an actor noun ("مسلحين", "عناصر") or "من"
        ("و4 من المدنيين"), or "آخرين"."""
        f = self.words[k].form
        if f in _PEOPLE_AFTER_NUMBER:
            return True
        if f.lstrip("وفبل") in _NOT_PEOPLE:
            return False     # civilian targets that are places: "و3 منازل"
        return any(c.first == k for cat in ("person_count", "actor_noun", "civilian")
                   for c in self.cues.get(cat, ()))

    def _at_least_after(self, q, n: Match, s_b: int) -> bool:
        """"18 مجندا على الأقل أصيبوا", "قتل 25 مقاتلا من المعارضة على الأقل": the hedge after
        the counted noun (the quantity layer reads it only right after the number)."""
        end = min(s_b, max(q.end, n.end) + 40)
        lo, hi = self._word_range(q.end, end)
        forms = [self.words[k].form for k in range(lo, min(hi, lo + 6))]
        for k in range(len(forms) - 1):
            if forms[k] == _ALA and forms[k + 1] == _AL_AQALL:
                gap = self.text[q.end:self.words[lo + k].start]
                return not any(ch in gap for ch in _PUNCT)
        return False

    def _person_count(self, n: Match, c_a: int, c_b: int) -> Count | None:
        """"قتل شرطي", "جنديا تركيا قتل", "قتل اليوم القيادي": a singular (or dual) person noun
        as the subject of a casualty verb counts one (two); words of the ``person_count`` cues."""
        if not self._verb_like(n) and not self.words[n.first].form.endswith(_PERSON_HEADS) \
                and self.words[n.first].form.removeprefix("و").removeprefix("ف") != _ISTASHHAD:
            return None        # ("استشهد طفل": the masculine perfect, whose verbal noun is استشهاد)
        for c in self.cues.get("person_count", ()):
            if c.start < c_a or c.end > c_b:
                continue
            after = n.last < c.first <= n.last + 2
            before = n.first - 3 <= c.last < n.first
            if not (after or before):
                continue
            if before and any(x is not n and c.first - 2 <= x.last < c.first
                              for x in self._casualty_cues(c_a, c_b)):
                continue     # "قُتل طفلان وأصيب طفل ثالث": the two are the killed, not the injured
            lo, hi = (n.end, c.start) if after else (c.end, n.start)
            if any(ch in self.text[lo:hi] for ch in _PUNCT):
                continue
            if any(x.start >= lo and x.end <= hi for x in self._casualty_cues(lo, hi)):
                continue
            try:
                val = int(c.pattern.row.get("value") or 1)
            except ValueError:
                val = 1
            end = max(c.end, n.end)
            k = c.last + 1
            if after and k < len(self.words) and self.words[k].start <= c_b and \
                    self.words[k].form[:1] == "و" and self.words[k].form[1:] in _KIN and \
                    not any(ch in self.text[c.end:self.words[k].start] for ch in _PUNCT):
                # "إصابة رجل وزوجته": a relative joined by و is one more person
                val += 1
                end = self.words[k].end
            return Count("exact", val, min(c.start, n.start), end)
        return None

    def _digits_near(self, n: Match):
        """Fallback when there is no quantity layer: a number in digits next to the noun."""
        for j in list(range(max(0, n.first - 2), n.first)) + list(range(n.last + 1, min(
                len(self.words), n.last + 3))):
            w = self.words[j]
            if w.form.isdecimal() and len(w.form) <= 6:
                return int(w.form), w.start, w.end
        return None

    def _arrest_from_trigger(self, main: Mention) -> Count | None:
        m = main.match
        end = main.actor2.end if main.actor2 is not None and main.actor2.start >= m.end else m.end
        return Count("unspecified", None, m.start, end)

    # ---------------------------------------------------------------- weapons
    def _weapons_in(self, a: int, b: int) -> list[tuple[Match, str]]:
        out = []
        lo, hi = self._word_range(a, b)
        for m in longest(self.scan.find("weapons", lo, hi)):
            if any(c.last in (m.first - 1, m.first - 2) for c in self.cues.get("weapon_nonuse", ())):
                continue       # "تحليق طيران مسير": seen overhead, not used
            for cls in m.pattern.row["classes"]:
                out.append((m, cls))
        return out

    def _weapons(self, spans: list[tuple[int, int]]) -> list[Weapon]:
        out, seen = [], set()
        for a, b in spans:
            for m, cls in self._weapons_in(a, b):
                if cls not in seen:
                    seen.add(cls)
                    out.append(Weapon(cls, m.start, m.end))
        return out

    # ---------------------------------------------------------------- objective
    def _objective(self, g: Group, sents: list[int], groups: list[Group]) -> Span | None:
        if g.primary.mode != "material":
            return None
        self.objectives.sort(key=lambda x: x[1].start)
        for si, span in self.objectives:
            if si in sents:
                return span
        # An aim stated apart ("هدف العملية هو ...") belongs to the document's main operation.
        material = [h for h in groups if h.primary.mode == "material" and h.primary.plover in (
            "ASSAULT", "COERCE")]
        if material and material[0] is g and self.objectives:
            return self.objectives[0][1]
        return None


def _cue_weight(m: Match) -> float:
    """The weight in a violence cue's ``value`` column (1 when absent or unreadable)."""
    try:
        return float(m.pattern.row.get("value") or 1)
    except (TypeError, ValueError):
        return 1.0


def _union_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


def extract(doc: Doc, *, resolver=None, geocoder=None, options=None) -> list[Event]:
    """Extract the events a document reports, as :class:`marsad.model.Event` records.

    ``doc`` carries the layers of earlier stages (sentences, quantities, times, entities with
    ``actor_id``); missing layers are tolerated (sentences are then split here, actors fall back
    to noun phrases, places to the word after "مدينة/بلدة/قرية").  ``resolver`` (an
    ``ActorResolver``) links actor spans to actor ids, ``geocoder`` (a ``Geocoder``) turns place
    mentions into coordinates; both may be None.  ``options`` (``marsad.config.Options`` or a
    dict) may set ``background_days``, ``min_confidence``, ``country_hint``,
    ``events_data_dir`` (a folder with alternative knowledge files) and ``calibration`` (None:
    the packaged model ``data/calibration.json``; False: rules alone; a path or a
    ``Calibrator``).  With a model, ``Event.confidence`` is its calibrated probability that the
    event is real, and candidates below its threshold are dropped.

    Returns the document's events, ids ``f"{doc.id}:e{n}"`` in text order.  Every field carries
    offsets into ``doc.text``; nothing is filled from outside the document.
    """
    if not isinstance(getattr(doc, "text", None), str) or not doc.text.strip():
        return []
    return _Extractor(doc, resolver, geocoder, options).run()


def candidates(doc: Doc, *, resolver=None, geocoder=None, options=None) -> list[tuple[Event, dict]]:
    """The rule extractor's candidate events with their calibration features, uncalibrated.

    For training the calibration (``python -m marsad.events.train``): every candidate the rules
    emit, each with the feature dict the model reads (names in ``calibrate.FEATURES``).
    """
    if not isinstance(getattr(doc, "text", None), str) or not doc.text.strip():
        return []
    opts = dict(options) if isinstance(options, dict) else {
        k: _opt(options, k, None) for k in ("background_days", "country_hint", "events_data_dir")}
    opts["calibration"] = False
    opts["min_confidence"] = 0.0
    ex = _Extractor(doc, resolver, geocoder, opts)
    events = ex.run()
    return [(e, ex.features.get(id(e), {})) for e in events]
