"""Resolve actor mentions to canonical actors of the knowledge base.

A mention goes through a fixed sequence of forms, most literal first, and the first form with a
knowledge-base hit wins:

1. the whole mention's match key;
2. without a leading proclitic (و ف ب ل ك, وب/ول/فب/فل..., "لل" → "ال");
3. without leading titles ("الرئيس", "الجهادي", "المدعو", "الشيخ", ranks...) and the nisba
   adjectives that follow a title ("الجهادي الفرنسي عمر أومسين" → "عمر أومسين");
4. without a head noun ("عناصر", "قوات", "مقاتلي", "عنصر من", "قوات موالية ل"...: "عناصر الأمن
   العام" → "الأمن العام");
5. without a trailing nisba ("عمر أومسين الفرنسي" → "عمر أومسين");
6. for persons only: the last two words ("وزير الخارجية السوري أسعد الشيباني" → "أسعد الشيباني");
7. without an accusative tanween alif ("حوثياً", "متمرداً");
8. the words before a trailing place phrase or participle ("قوى الأمن الداخلي في السويداء", "... بريف
   حلب", "قوات اليونيفيل العاملة في الجنوب");
9. numbered units with their numbers read as 0 ("الفرقة 70" → "الفرقة 0", a descriptor).

A hit is either an alias (unconditional) or a descriptor (generic words whose referent depends on
the country in focus and the publication date: "قوات الأمن" in a 2025 Syrian report is the
Interior Ministry's forces, in a 2023 one the Assad-era security services).  When no form hits,
a fuzzy match on the same forms allows a length-aware number of edits (none up to 5 letters, one
up to 10, two beyond), never a pure suffix difference (so "الشرعي" does not become "الشرع").
When still nothing hits, the mention is read without one country word (a nisba or a country's
name, anywhere in it): "قوات إسرائيلية" = "قوات" for Israel, which a ``cue_only`` descriptor
reads as Israel's ``military`` role holder.  An alias of another country than the mention's own
nisba gives way to that reading ("قوات الاحتلال التركي" is Turkey's, not Israel's).

A force word before a person, a government or a country ("قوات صالح", "عناصر النظام البائد",
"قوات سورية") names that actor's forces (``forces_of`` and ``roles`` in the base) at the date.

Names that are not in the base can be clustered into new actors with :meth:`ActorResolver.resolve_or_new`.
"""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from marsad.model import Actor

from .kb import ActorKB, Descriptor, _iso, match_key
from .normkey import is_arabic

__all__ = ["ActorResolver", "mention_forms", "infer_country"]

# Titles and descriptors that precede a name and are not part of it (match-key spelling).
_TITLES = frozenset(match_key(w) for w in """
الرئيس رئيس الجهادي جهادي المدعو المدعوه الشيخ شيخ الشيخة القيادي قيادي القائد قائد الزعيم زعيم الأمير أمير
العميد اللواء العقيد المقدم الرائد النقيب الملازم العماد الفريق المشير الجنرال الدكتور د السيد السيدة الحاج
السفير الوزير وزير الناطق المتحدث المبعوث الإرهابي المتشدد المقاتل الملقب المكنى ولي العهد الأمين العام مسؤول المسؤول
زعيمها قائدها رئيسها مؤسس المؤسس الإمام المرشد الداعية الصحفي الناشط
البطريرك بطريرك المطران مطران الكاردينال الحاخام المفتي مفتي القاضي
""".split())
# Head nouns that name members or units of a group ("عناصر الأمن العام" = members of الأمن العام).
_HEADS = frozenset(match_key(w) for w in """
عناصر عنصر قوات قوة قوى مقاتلي مقاتلو مقاتلين مقاتل مسلحي مسلحو مسلح أفراد فرد دورية دوريات حاجز حواجز جنود جندي
عناصرها ميليشيا ميليشيات مليشيا مليشيات فصيل فصائل كتيبة كتائب خلايا خلية مجموعة مجموعات وحدات وحدة أعضاء عضو
تابعة تابعين مسؤولين مسؤولي قادة قيادي قياديين ضباط ضابط طائرات طائرة طيران مدفعية عدد
مسلحين مسلحون المسلحين مقاتلات مقاتلون متمردي المتمردين غارات غارة مروحيات
القوات الميليشيات المليشيات جيش العناصر مروحية طائرة مسيرة مسيرات حربية دبابة دبابات زورق زوارق بارجة
الفصائل المجموعات الخلايا جرافات جرافة آليات آلية عربات عربة مدرعات مدرعة أرتال رتل تعزيزات زوارق
فلول بقايا المقاتلين المقاتلون قيادة جهاز
عصابات عصابة مفارز مفرزة مئات عشرات آلاف
""".split())
# words between a head noun and the group it belongs to ("قوات موالية للرئيس السابق")
_LINKERS = frozenset(match_key(w) for w in """
من في التابعة التابعين التابع تابعة تابع الموالية الموالين الموالي موالية موالين موالي المؤيدة مؤيدة
""".split())
# words that open a place phrase after a name ("في السويداء", "بريف حلب", "شمالي حلب", "محافظة حمص"),
# or a participle or apposition that describes it ("العاملة في الجنوب", "المتوغلة", "الجناح العسكري لـ")
_PLACE_CUTS = frozenset(match_key(w) for w in """
في بمدينة بمحافظة بريف بمنطقة بقرية ببلدة بحي داخل قرب شمال جنوب شرق غرب شمالي جنوبي شرقي غربي عند
المتمركزة المتمركزين المتمركز المنتشرة المنتشرين العاملة العاملين المرابطة المرابطين الموجودة الموجودين
المتوغلة المتوغلين المتقدمة الجناح الذراع محافظة مدينة
""".split())
# a time phrase a span can run on into ("طائرات إسرائيلية ليل الثلاثاء", "قوات الأمن صباح اليوم"):
# a part-of-day word before a weekday or "أمس"/"اليوم", or "أمس"/"اليوم" themselves, ends the name
# (a part-of-day word alone does not: "صباح" is also a given name)
_DAYPART = frozenset(match_key(w) for w in "ليل ليلة مساء صباح فجر ظهر عصر يوم نهار".split())
_DAYNAME = frozenset(match_key(w) for w in """
الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت أمس اليوم الماضي الفائت
""".split())
_TIME_ALONE = frozenset(match_key(w) for w in "أمس اليوم".split())
# words that name aircraft or drones (match-key spelling); a mention made only of these
# ("المسيرة", "مسيّرة ثالثة", "مسيرتان مفخختان") names whoever the report says flew them
_PLATFORM = frozenset(match_key(w) for w in """
مسيرة المسيرة مسيرات المسيرات مسيرتان مسيرتين طائرة الطائرة طائرات الطائرات طائرتان طائرتين
طيران الطيران مقاتلة مقاتلات المقاتلات مروحية مروحيات المروحية المروحيات مدفعية المدفعية
""".split())
# words of the report that give aircraft or guns a nationality ("قصف مدفعي إسرائيلي", "غارة جوية تركية")
_PLATFORM_SCAN = _PLATFORM | frozenset(match_key(w) for w in "قصف القصف غارة غارات الغارة الغارات قذائف".split())
_PLATFORM_MOD = frozenset(match_key(w) for w in """
مفخخة مفخخات مفخختان مفخختين حربية الحربية حربي الحربي مسيرة المسيرة ثانية ثالثة أخرى أولى
انتحارية الانتحارية بدون طيار دون مدفعي مدفعية المدفعي جوي جوية الجوي الجوية صاروخي صاروخية
""".split())
# a numbered unit ("الفرقة 70", "اللواء 111"): the number is read as 0, so one descriptor "الفرقة 0"
# covers every number (an alias of a known unit, "الفرقة 82", is tried first)
_NUMBER = re.compile(r"\b\d+\b")
# an apposition's opening mark → its closing mark
_CLOSING = {'"': '"', "«": "»", "“": "”", "(": ")", "'": "'"}
_NEAR_PREFIXES = (" ", " ب", " و", " ل", " ف", " وب", " وف")
# head nouns that make "X" into "X's forces" when X is a person ("قوات صالح", "ميليشيات الهجري")
_FORCE_HEADS = frozenset(match_key(w) for w in """
قوات قوة القوات ميليشيا ميليشيات الميليشيات مليشيا مليشيات المليشيات جيش عناصر مسلحي مسلحو مقاتلي مقاتلو
فصائل كتائب مجموعات أنصار موالين الموالين المسلحين مسلحين مسلحون المقاتلين مقاتلين مقاتلون العناصر الفصائل
""".split())
_PROCLITIC2 = ("وب", "ول", "فب", "فل", "وك", "فك")
_KIND_BY_ETYPE = {"PER": "person", "ORG": "other", "NORP": "other", "LOC": "other", "FAC": "other",
                  "GPE": "country", "MISC": "other"}
_NISBA = re.compile(r"^ال\w{2,}(ي|يه|يين)$")
# a nisba with or without the article: a person may be called "التونسي" ("the Tunisian")
_NISBA_ANY = re.compile(r"^\w{2,}(ي|يه|يين|يا)$")


def _definite(text: str) -> str | None:
    """The phrase with the article on each word ("جهاديين فرنسيين" → "الجهاديين الفرنسيين"),
    for indefinite plural phrases of two or three words; None otherwise."""
    words = text.split()
    if not 2 <= len(words) <= 3 or any(w.startswith(("ال", "لل")) or len(w) < 4 for w in words):
        return None
    if not all(match_key(w).endswith(("ين", "يه", "ات")) for w in words):
        return None
    return " ".join("ال" + w for w in words)


@lru_cache(maxsize=100_000)
def _strip_proclitic_word(w: str) -> str | None:
    """The word without one leading proclitic, or None when it has none worth trying."""
    if w.startswith("لل") and len(w) >= 5:
        return "ال" + w[2:]
    for p in _PROCLITIC2:
        if w.startswith(p) and len(w) - 2 >= 3:
            return w[2:]
    if w[:1] in ("و", "ف", "ب", "ل", "ك") and len(w) - 1 >= 3:
        return w[1:]
    return None


@lru_cache(maxsize=100_000)
def mention_forms(text: str) -> tuple[tuple[str, bool], ...]:
    """The candidate keys of a mention, most literal first, as ``(key, person_only)`` pairs."""
    return tuple((k, p) for k, p, _c, _w in _forms(text))


@lru_cache(maxsize=100_000)
def _forms(text: str) -> tuple[tuple[str, bool, bool, bool], ...]:
    """``(key, person_only, proclitic_stripped, whole)`` forms of a mention (see the module
    docstring); ``whole`` is False for the part before a place phrase, which only resolves."""
    k = match_key(text)
    # a letter standing alone at either end is a clitic cut off its word ("الحكومة بـ" of
    # "الحكومة بـ"محاولة..."", "و الجيش"): no part of the name
    ws = k.split(" ")
    while len(ws) >= 2 and len(ws[-1]) == 1 and "\u0621" <= ws[-1] <= "\u064a":
        ws.pop()
    while len(ws) >= 2 and len(ws[0]) == 1 and "\u0621" <= ws[0] <= "\u064a":
        ws.pop(0)
    k = " ".join(ws)
    if not k:
        return ()
    out: list[tuple[str, bool, bool, bool]] = []

    def push(key: str, person_only: bool, clitic: bool, whole: bool = True) -> None:
        if key and all(key != o[0] for o in out):
            out.append((key, person_only, clitic, whole))

    words = k.split(" ")
    bases = [(words, False)]
    w0 = _strip_proclitic_word(words[0])
    if w0:
        bases.append(([w0, *words[1:]], True))
    for ws, clitic in bases:
        push(" ".join(ws), False, clitic)
    for ws, clitic in bases:
        # titles (and nisbas right after them) at the front
        i, stripped = 0, False
        while i < len(ws) - 1 and (ws[i] in _TITLES or (stripped and _NISBA.match(ws[i]))):
            i += 1
            stripped = True
        if stripped:
            push(" ".join(ws[i:]), False, clitic)
        t = ws[i:]
        # head nouns ("عناصر", "عنصر من", "قوة تابعة ل...")
        # every step is a form: a head noun can also begin a name ("مجموعة من" + "المسلحين الأجانب
        # الفرنسيين", an alias), so the shortest remainder must not hide a longer one
        j = 0
        while j < len(t) - 1 and (t[j] in _HEADS or (j > 0 and t[j] in _LINKERS)):
            j += 1
            rest = t[j:]
            if rest[0] in _LINKERS:
                continue
            push(" ".join(rest), False, clitic)
            r0 = _strip_proclitic_word(rest[0]) if rest[0].startswith("لل") or rest[0].startswith("ل") else None
            if r0:
                push(" ".join([r0, *rest[1:]]), False, clitic)
        # trailing nisba ("عمر أومسين الفرنسي")
        if len(t) >= 3 and _NISBA.match(t[-1]):
            push(" ".join(t[:-1]), False, clitic)
            if t[0] in _HEADS and len(t) >= 4 or (t[0] in _HEADS and t[1] not in _HEADS):
                # "طائرات الاحتلال الحربية": the head noun goes too ("الاحتلال")
                push(" ".join(t[1:-1]), False, clitic)
        if len(t) >= 3:
            push(" ".join(t[-2:]), True, clitic)
    # accusative tanween leaves an alif after a word ("حوثياً" → "حوثيا", "متمردًا" → "متمردا"):
    # the bare word, tried last (so names that end in alif, "سوريا", match first)
    for ws, clitic in bases:
        last = ws[-1]
        if last.endswith("ا") and not last.endswith("اا") and len(last) >= 5:
            push(" ".join([*ws[:-1], last[:-1]]), False, clitic)
    # a trailing place phrase ("قوى الأمن الداخلي في السويداء", "فصائل المعارضة بريف حلب"): the
    # words before it, with all their forms, tried after every form of the whole mention
    cut = next((i for i, w in enumerate(words) if i >= 1 and w in _PLACE_CUTS), None)
    if cut is not None:
        for key, person_only, clitic, _w in _forms(" ".join(words[:cut])):
            push(key, person_only, clitic, False)
    # a trailing time phrase ("... ليل الثلاثاء", "... مساء أمس"): likewise the words before it
    tcut = next((i for i, w in enumerate(words) if i >= 1 and (w in _TIME_ALONE or (
        w in _DAYPART and i + 1 < len(words) and words[i + 1] in _DAYNAME))), None)
    if tcut is not None and tcut != cut:
        for key, person_only, clitic, _w in _forms(" ".join(words[:tcut])):
            push(key, person_only, clitic, False)
    # numbered units: every non-person form again with its numbers as 0 ("الفرقة 70" → "الفرقة 0")
    if any(ch.isdigit() for ch in k):
        for key, person_only, clitic, whole in list(out):
            if not person_only:
                z = _NUMBER.sub("0", key)
                if z != key:
                    push(z, False, clitic, whole)
    return tuple(out)


def _core_key(text: str) -> str:
    """The name itself for clustering new actors: titles/head nouns/nisba stripped, proclitics kept
    (entity spans already leave proclitics out, and stripping them would cut names like "بشير")."""
    best = ""
    for key, person_only, clitic, whole in _forms(text):
        if not person_only and not clitic and whole:
            best = key
    return best


@lru_cache(maxsize=20_000)
def _is_platform(text: str) -> bool:
    """Whether a mention is only aircraft words ("المسيرة", "مسيّرة ثالثة", "طائرتان مسيرتان")."""
    words = match_key(text).split(" ")
    w0 = words[0] if words[0] in _PLATFORM else (_strip_proclitic_word(words[0]) or "")
    return w0 in _PLATFORM and all(w in _PLATFORM or w in _PLATFORM_MOD for w in words[1:])


def _allowed_edits(n: int) -> int:
    if n <= 5:
        return 0
    if n <= 10:
        return 1
    return 2


class ActorResolver:
    """Map actor mentions to knowledge-base actor ids (and cluster unknown names).

    ``resolve`` returns an id or None; ``resolve_or_new`` always returns an id, creating
    ``new:<slug>`` actors (kept in ``new_actors``) for names the base does not know.
    ``default_country`` is the country in focus when neither ``country`` nor the context tells.
    """

    def __init__(self, kb: ActorKB, *, default_country: str | None = None):
        self.kb = kb
        self.default_country = default_country.upper() if default_country else None
        self.new_actors: dict[str, Actor] = {}
        self._last_doc: tuple[str | None, str | None] = (None, None)
        self._unnamed: dict[str, tuple[str, str]] = {}  # new actor id → (surface, core) awaiting a Latin name
        self._new_index: dict[str, str] = {}        # match key → new actor id
        self._new_surname: dict[str, set[str]] = {}  # last-word key → new PER actor ids
        self._hits_cache: dict[str, tuple[list[str], list[Descriptor], bool]] = {}
        self._resolve_cache: dict[tuple, str | None] = {}
        self._kb_version = -1
        self._by_len: dict[int, list[str]] = {}
        self._person_keys: set[str] = set()
        self._cand_keys: dict[tuple[str, ...], dict[str, list[str]]] = {}
        self._cand_keys_version = -1
        self._place_words: dict[str, list[str]] = {}
        self._place_words_version = -1
        self._infer_cache: dict[str, str | None] = {}
        self._infer_version = -1
        self._platform_cache: dict[str, str | None] = {}
        self._platform_version = -1

    # ------------------------------------------------------------------ indexes
    def _refresh(self) -> None:
        if self._kb_version == self.kb.version:
            return
        self._hits_cache.clear()
        self._resolve_cache.clear()
        self._by_len = {}
        for k in self.kb.alias_index:
            self._by_len.setdefault(len(k), []).append(k)
        self._person_keys = {k for k, ids in self.kb.alias_index.items()
                             if any(self.kb.actors[i].kind == "person" for i in ids if i in self.kb.actors)}
        self._kb_version = self.kb.version

    def _is_cue(self, word: str) -> bool:
        cues = self.kb.cue_index
        return word in cues or (word.startswith("ال") and word[2:] in cues)

    def _fuzzy(self, key: str) -> list[str]:
        n = len(key.replace(" ", ""))
        d = _allowed_edits(n)
        if d == 0:
            return []
        nwords = key.count(" ")
        best: list[tuple[int, str]] = []
        for L in range(len(key) - d, len(key) + d + 1):
            choices = self._by_len.get(L)
            if not choices:
                continue
            for cand, dist, _ in process.extract(key, choices, scorer=Levenshtein.distance,
                                                 score_cutoff=d, limit=5):
                if cand.count(" ") != nwords:
                    continue
                # a pure suffix/prefix difference changes the word (nisba, feminine, plural)
                if cand.startswith(key) or key.startswith(cand) or cand.endswith(key) or key.endswith(cand):
                    continue
                # both ends must agree on the first letter of each word (typos are internal)
                if any(a[:1] != b[:1] for a, b in zip(key.split(" "), cand.split(" "))):
                    continue
                # a country's nisba is no typo of another word ("الرسمية" is not "الروسية")
                if any(a != b and (self._is_cue(a) or self._is_cue(b))
                       for a, b in zip(key.split(" "), cand.split(" "))):
                    continue
                best.append((dist, cand))
        if not best:
            return []
        best.sort()
        top = [c for dist, c in best if dist == best[0][0]]
        ids: list[str] = []
        for c in top:
            for i in self.kb.alias_index.get(c, ()):
                if i not in ids:
                    ids.append(i)
        return ids

    def _hits(self, text: str) -> tuple[list[str], list[Descriptor], bool]:
        """Alias ids and descriptors for the first form of ``text`` that has any (cached)."""
        got = self._hits_cache.get(text)
        if got is not None:
            return got
        forms = mention_forms(text)
        res: tuple[list[str], list[Descriptor], bool] = ([], [], False)
        for key, person_only in forms:
            ids = self.kb.alias_index.get(key, [])
            if person_only:
                ids = [i for i in ids if self.kb.actors[i].kind == "person"]
            descs = [] if person_only else self.kb.descriptor_index.get(key, [])
            if ids or descs:
                res = (list(ids), list(descs), False)
                break
        else:
            for key, person_only in forms:
                ids = self._fuzzy(key)
                if person_only:
                    ids = [i for i in ids if self.kb.actors[i].kind == "person"]
                if ids:
                    res = (ids, [], True)
                    break
        if len(self._hits_cache) > 200_000:
            self._hits_cache.clear()
        self._hits_cache[text] = res
        return res

    # ------------------------------------------------------------------ public API
    def resolve(self, text: str, *, context: str = "", published: Any = None,
                country: str | None = None, document: str = "") -> str | None:
        """The knowledge-base actor id ``text`` names, or None when it names none (or is ambiguous).

        Generic descriptors ("قوات الأمن") are read for one country: the one the mention itself names
        ("... التركية", "Iraqi police"), else the one the ``context`` (the sentence around the mention)
        points to, else ``country`` (ISO code of the document's country in focus; see
        :func:`infer_country`), else the one ``document`` (the whole text, optional) points to, else
        the resolver's ``default_country``.  A country's own reading of a phrase beats the phrase's
        general alias ("مدنيين" in a Syrian report → civilians-syria).  Words that take up a group
        named before ("التنظيم") resolve to the candidate the sentence, else the document, names.
        ``published`` (date or ISO string) picks between actors that carried the same name at
        different times.  Place names are not actors: a bare town name returns None.  A force word
        before a person, government or country ("قوات صالح", "قوات سورية") gives that actor's forces
        (``forces_of``/``roles`` in the base) at the date; a descriptor bound to places (``near``)
        is read only when the sentence names one of them.
        """
        if not isinstance(text, str) or not text.strip():
            return None
        self._refresh()
        cc = country.upper() if isinstance(country, str) and country.strip() else None
        day = _iso(published)
        ctx = context if isinstance(context, str) else ""
        doc = document if isinstance(document, str) else ""
        ck = (text, cc, day, ctx, doc)
        hit = self._resolve_cache.get(ck, 0)
        if hit != 0:
            return hit  # type: ignore[return-value]
        ids, descs, _fuzzy = self._hits(text)
        generic = bool(descs)   # the mention has a reading that depends on where it stands
        own: str | None = None
        if not ids and not descs:
            ids, descs, own = self._hits_without_cue(text)
        if not ids and not descs:
            definite = _definite(text)
            if definite:
                # "جهاديين فرنسيين" is the group the base lists as "الجهاديين الفرنسيين"
                ids, descs, _fuzzy = self._hits(definite)
        elif ids:
            # a shorter form can drop the mention's own country word ("قوات الاحتلال التركي" →
            # "قوات الاحتلال", Israel's): an alias of another country than the mention's nisba
            # gives way to the reading without that word, when there is one
            if " " in text.strip() and not all(self.kb.actors[i].country is None for i in ids):
                ids2, descs2, own2 = self._hits_without_cue(text, name_only=True)
                # (a word that only takes up a group named before, "المسلحين", is no reading of
                # its own: "المسلحين الفرنسيين" stays the group the base lists by that name)
                descs2 = [d for d in descs2 if d.actor != "@antecedent"]
                if (ids2 or descs2) and all(self.kb.actors[i].country not in (None, own2) for i in ids):
                    ids, descs, own = ids2, descs2, own2
        result: str | None = None
        if ids or descs:
            # which country: the mention's own nisba ("قوات الأمن التركية"), else the cues of the
            # sentence around it, else the caller's country in focus (document level), else the
            # document's cues, else the default
            if own is None:
                own = self._infer(text)
            if own is None:
                # "قوات", "طائرات": a bare word names a country's forces only with its nisba
                descs = [d for d in descs if not d.cue_only]
                if not descs and not ids and _is_platform(text):
                    # "المسيرة", "مسيّرة ثالثة": the aircraft the sentence, else the report, gives
                    # a nationality ("طائرة مسيرة تركية" earlier → Turkey's military)
                    own = self._platform_country(ctx) or (self._platform_country(doc) if doc else None)
                    if own is not None:
                        result = self.kb.role_actor(own, "military", day)
            if any(d.near for d in descs):
                descs = self._near(descs, f"{ctx} {text}")
            ante = [d for d in descs if d.actor == "@antecedent"]
            descs = [d for d in descs if d.actor != "@antecedent"]
            if own is not None or not (descs or len(ids) > 1):
                foci = [own]
            else:
                in_ctx = self._infer(ctx) if ctx else None
                in_doc = self._document_country(doc) if doc else None
                foci = list(dict.fromkeys(c for c in (in_ctx, cc, in_doc, self.default_country) if c)) or [None]
            if ids and descs:
                # the country's own reading beats the general alias, for the nearest country that has one
                for focus in foci:
                    if focus:
                        result = self._choose_descriptor([d for d in descs if d.country == focus], day, focus)
                        if result is not None:
                            break
            if result is None and ids:
                result = self._choose(ids, day, foci[0])
            elif result is None:
                # a sentence about French fighters in Syria still means Syria's "الأمن العام":
                # when the nearest country has no reading, try the next one
                for focus in foci:
                    result = self._choose_descriptor(descs, day, focus)
                    if result is not None:
                        break
            if result is None and ante:
                result = self._antecedent(ante, day, ctx, doc)
            if result is not None:
                result = self._forces_of(text, result, day)
        else:
            # a span that runs on into the thing it hit ("مسيرة إسرائيلية دراجة نارية"): the words
            # before a vehicle/weapon/casualty word of ``not_actors``, read as a mention of their own
            head = self._before_thing(text)
            if head:
                result = self.resolve(head, context=ctx, published=published, country=country, document=doc)
        if generic and ctx:
            # the sentence may say which one right after the words: "قوى الأمن الداخلي "الأسايش"",
            # "وزارة الداخلية في حكومة إقليم كردستان" (spans often stop before the name)
            named = self._continuation(text, ctx, day, cc or self.default_country)
            if named is not None:
                result = named
        if len(self._resolve_cache) > 200_000:
            self._resolve_cache.clear()
        self._resolve_cache[ck] = result
        return result

    def _continuation(self, text: str, ctx: str, day: str | None, cc: str | None) -> str | None:
        """The actor the sentence names right after a generic mention: a name in quotes or brackets
        that is the whole quoted part (an apposition: 'قوى الأمن الداخلي "الأسايش"', 'التنظيم
        (داعش)'), or, after a ministry or government word, "في" + a government's name ("وزارة
        الداخلية في حكومة إقليم كردستان").  None when the sentence says nothing such, or the name
        is ambiguous.  A quotation that goes on after a name ('"حزب الله أطلق..."') is no apposition."""
        last = text.split()[-1] if text.split() else ""
        if len(last) == 1:
            return None   # "الأمن الداخلي و" + '"الأسايش"': what follows a conjunction is another actor
        i = ctx.find(text)
        if i < 0:
            return None
        tail = ctx[i + len(text):i + len(text) + 120].lstrip()
        close = _CLOSING.get(tail[:1])
        if close:
            j = tail.find(close, 1)
            if 1 < j <= 60:
                ids = self.kb.alias_index.get(match_key(tail[1:j]), ())
                if len(ids) == 1:
                    return ids[0]
            return None
        words = _context_words(tail)[:6]
        if len(words) < 2 or words[0] != "في":
            return None
        descs = self._hits(text)[1]
        if not any(d.actor == "@country" for d in descs):
            return None
        for n in range(len(words) - 1, 0, -1):
            got = self.resolve(" ".join(words[1:1 + n]), published=day, country=cc)
            if got is not None and self.kb.actors[got].kind == "government":
                return got
        return None

    def _before_thing(self, text: str) -> str | None:
        """The words of ``text`` before the first word (not the first) that is, or begins, a
        ``not_actors`` phrase; None when there is none."""
        words = text.split()
        bad = self.kb.not_actors
        for i in range(1, len(words)):
            k1 = match_key(words[i])
            if k1 in bad or (i + 1 < len(words) and match_key(f"{words[i]} {words[i + 1]}") in bad):
                return " ".join(words[:i])
        return None

    def _platform_country(self, text: str) -> str | None:
        """The country whose aircraft ``text`` names most often ("مسيرة تركية", "طائرات حربية
        إسرائيلية": an aircraft word, up to two modifiers, then a country's nisba); None when none
        or a tie.  Remembered per text (every mention of a document passes the same string)."""
        got = self._platform_cache.get(text, 0)
        if got != 0:
            return got  # type: ignore[return-value]
        words = _context_words(text)
        cues = self.kb.cue_index
        counts: dict[str, int] = {}
        for i, w in enumerate(words):
            if w not in _PLATFORM_SCAN and (_strip_proclitic_word(w) or "") not in _PLATFORM_SCAN:
                continue
            for j in range(i + 1, min(i + 4, len(words))):
                nxt = words[j]
                c = cues.get(nxt) if _NISBA_ANY.match(nxt) else None
                if c is not None:
                    counts[c] = counts.get(c, 0) + 1
                    break
                if nxt not in _PLATFORM_MOD:
                    break
        got = most_frequent(counts)
        if len(self._platform_cache) > 10_000 or self._platform_version != self.kb.version:
            self._platform_cache.clear()
            self._platform_version = self.kb.version
        self._platform_cache[text] = got
        return got

    def _near(self, descs: list[Descriptor], ctx: str) -> list[Descriptor]:
        """Keep place-bound descriptors whose place the sentence names; when one does, it replaces
        the plain readings of its country ("قوى الأمن الداخلي" in القامشلي = the Asayish)."""
        text = " " + " ".join(_context_words(ctx)) + " " if ctx else ""

        def hit(d: Descriptor) -> bool:
            # the place with or without a proclitic ("بالحسكة" is "ب" + "الحسكة")
            return any(f"{p}{k} " in text for k in d.near for p in _NEAR_PREFIXES)
        bound = [d for d in descs if d.near and hit(d)]
        plain = [d for d in descs if not d.near]
        if not bound:
            return plain
        taken = {d.country for d in bound}
        return bound + [d for d in plain if d.country not in taken]

    def _forces_of(self, text: str, result: str, day: str | None) -> str:
        """"قوات صالح", "ميليشيات الرئيس المخلوع", "عناصر النظام البائد": forces named after a person
        or a government are its forces (``forces_of`` in the base) valid at the date, when the base
        knows them; a country's forces ("قوات سورية", "جيش تركيا") are its military; otherwise the
        actor itself."""
        actor = self.kb.actors.get(result)
        is_country = actor is not None and actor.kind == "country"
        if result not in self.kb.forces_of and not is_country:
            return result
        w0 = match_key(text).split(" ")[0]
        if w0 not in _FORCE_HEADS:
            w0 = _strip_proclitic_word(w0) or ""
            if w0 not in _FORCE_HEADS:
                return result
        if is_country:
            return self.kb.role_actor(actor.country, "military", day) or result
        return self.kb.forces_for(result, day) or result

    def _infer(self, text: str) -> str | None:
        """:func:`infer_country` of a mention or sentence, remembered (sentences repeat per mention)."""
        got = self._infer_cache.get(text, 0)
        if got == 0:
            if len(self._infer_cache) > 100_000 or self._infer_version != self.kb.version:
                self._infer_cache.clear()
                self._infer_version = self.kb.version
            got = self._infer_cache[text] = infer_country(self.kb, text)
        return got  # type: ignore[return-value]

    def _document_country(self, doc: str) -> str | None:
        """:func:`infer_country` of the whole document, remembered for the document being read
        (every mention of one document passes the same string)."""
        if self._last_doc[0] is not doc:
            self._last_doc = (doc, infer_country(self.kb, doc))
        return self._last_doc[1]

    def _hits_without_cue(self, text: str, name_only: bool = False) -> tuple[list[str], list[Descriptor], str | None]:
        """Hits for the mention without one country word ("Iraqi police", "الشرطة العراقية",
        "قوات إسرائيلية", "الرئيس اليمني السابق"), with that word's country; aliases must belong to
        that country (or none).  With ``name_only``, a word of a trailing place phrase is no country
        word of the mention ("القوات الإسرائيلية المتوغلة في ريف القنيطرة" is not Syria's)."""
        words = match_key(text).split(" ")
        if len(words) < 2:
            return [], [], None
        cues = self.kb.cue_index
        n = len(words)
        if name_only:
            n = next((i for i, w in enumerate(words) if i >= 1 and w in _PLACE_CUTS), n)
            if n < 2:
                return [], [], None
        # the country word first or last ("الشرطة العراقية"), else inside ("الرئيس اليمني السابق")
        order = [0, n - 1, *range(1, n - 1)]
        for i in order:
            cue = words[i]
            c = cues.get(cue)
            if c is None:
                c = cues.get(_strip_proclitic_word(cue) or "") if cue[:1] in ("و", "ل", "ب") else None
                if c is None:
                    continue
            rest = words[:i] + words[i + 1:]
            ids, descs, _ = self._hits(" ".join(rest))
            ids = [i for i in ids if self.kb.actors[i].country in (None, c)]
            if not ids and not descs and i > 1 and any(
                    ch.isdigit() or ch.isascii() and ch.isalpha() for w in words[1:i] for ch in w):
                # "طائرات F-16 العراقية", "جرافات D9 الإسرائيلية": an aircraft or force word, a
                # model designation (digits or Latin letters: no Arabic name such as "الأمن
                # الداخلي" in "قوات الأمن الداخلي السوري"), then the nisba: the first word's reading
                descs = [d for d in self._hits(rest[0])[1] if d.cue_only]
            if ids or descs:
                return ids, descs, c
        return [], [], None

    def _antecedent(self, descs: list[Descriptor], day: str | None, ctx: str, doc: str) -> str | None:
        """The candidate actor a word like "التنظيم" takes up: the one most named in the sentence,
        else in the document; None when none is named or two are named equally often."""
        cands: list[str] = []
        for d in descs:
            if (day is None and d.end is None) or (day is not None and (d.start is None or d.start <= day)
                                                   and (d.end is None or day <= d.end)):
                cands.extend(c for c in d.candidates if c not in cands and c in self.kb.actors)
        if not cands:
            return None
        for where in (ctx, doc):
            if not where:
                continue
            counts = self._named(where, tuple(cands))
            if counts:
                ranked = sorted(counts.items(), key=lambda kv: -kv[1])
                if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
                    return None
                return ranked[0][0]
        return None

    def _named(self, text: str, cands: tuple[str, ...]) -> dict[str, int]:
        """How often each of ``cands`` is named by an alias in ``text`` (word n-grams, proclitics allowed)."""
        keys = self._cand_keys.get(cands) if self._cand_keys_version == self.kb.version else None
        if keys is None:
            if self._cand_keys_version != self.kb.version:
                self._cand_keys, self._cand_keys_version = {}, self.kb.version
            keys = {}
            for k, ids in self.kb.alias_index.items():
                got = [i for i in ids if i in cands]
                if got:
                    keys[k] = got
            self._cand_keys[cands] = keys
        if not keys:
            return {}
        longest = min(6, max(k.count(" ") + 1 for k in keys))
        words = _context_words(text)
        counts: dict[str, int] = {}
        i = 0
        while i < len(words):
            w0 = words[i]
            firsts = [w for w in (w0, _strip_proclitic_word(w0) if w0 else None) if w]
            step = 1
            for n in range(min(longest, len(words) - i), 0, -1):   # longest name first
                tail = words[i + 1:i + n]
                found = next((keys[k] for k in (" ".join([f, *tail]) for f in firsts) if k in keys), None)
                if found:
                    for a in found:
                        counts[a] = counts.get(a, 0) + 1
                    step = n
                    break
            i += step
        return counts

    def _country(self, context: str) -> str | None:
        if not context or not isinstance(context, str):
            return self.default_country
        return infer_country(self.kb, context) or self.default_country

    def _choose(self, ids: list[str], day: str | None, cc: str | None) -> str:
        if len(ids) == 1:
            return ids[0]
        valid = [i for i in ids if self.kb.is_valid(i, day)] or ids
        if cc:
            same = [i for i in valid if self.kb.actors[i].country == cc]
            if same:
                valid = same
        return valid[0]

    def _choose_descriptor(self, descs: list[Descriptor], day: str | None, cc: str | None) -> str | None:
        if not cc:
            return None   # "قوات الأمن" with no country in focus names no one in particular
        if day is None:
            in_time = [d for d in descs if d.end is None]
        else:
            in_time = [d for d in descs if (d.start is None or d.start <= day) and (d.end is None or day <= d.end)]
        # the country's own reading beats an any-country one
        in_time = [d for d in in_time if d.actor != "@antecedent"]
        for group in ([d for d in in_time if d.country == cc], [d for d in in_time if d.country == "*"]):
            ids = list(dict.fromkeys(self._descriptor_actor(d, cc, day) for d in group))
            ids = [i for i in ids if i]
            if len(ids) == 1:
                return ids[0]
            if ids:
                return None
        return None

    def _descriptor_actor(self, d: Descriptor, cc: str, day: str | None) -> str | None:
        if d.actor == "@country":
            # "الحكومة", "وزارة الخارجية": the government of the day where the base has one
            # (ACLED and the gold sets code a ministry's statement to its government)
            gov = [i for i in self.kb.roles.get((cc, "government"), ()) if self.kb.is_valid(i, day)]
            return gov[0] if len(gov) == 1 else self.kb.country_actor(cc)
        if d.actor[:1] == "@":
            return self.kb.role_actor(cc, d.actor[1:], day)
        return d.actor

    def resolve_or_new(self, text: str, etype: str, *, context: str = "", published: Any = None,
                       country: str | None = None, document: str = "") -> str | None:
        """Like :meth:`resolve`, but a name the base does not know becomes (or joins) a new actor.

        New actors are clustered across calls (so across documents) by match key, by fuzzy match,
        and for persons by surname ("أومسين" joins "عمر أومسين"); their Latin name comes from
        ``arabic_name_romanizer.transliterate``.  Returns the actor id (``new:<slug>`` for new ones),
        or None for text that is not an actor at all: a word of the base's ``not_actors`` list
        (vehicles, weapons, medics: "الأباتشي", "مسعفون"), a head noun without its group
        ("دورية", "عناصر"), text without letters, or a bare place name the base lists as a
        country cue ("دياربكر", "زويد" of "الشيخ زويد").
        """
        found = self.resolve(text, context=context, published=published, country=country, document=document)
        if found is not None:
            return found
        surface = text if isinstance(text, str) else str(text)
        etype = (etype or "MISC").upper() if isinstance(etype, str) else "MISC"
        if self._not_actor(surface, etype, context if isinstance(context, str) else ""):
            return None
        forms = mention_forms(surface)
        if any(self.kb.descriptors(k) for k, person_only in forms if not person_only):
            # a generic descriptor ("الجيش", "الوزارة الأمنية") whose country is unknown here
            # names someone the context should tell: unresolved, not a new actor "the army"
            return None
        core = _core_key(surface)
        aid = self._find_new(forms, core, etype)
        if aid is None:
            aid = self._create(surface, core, etype)
        actor = self.new_actors[aid]
        clean = surface.strip()
        if clean and clean not in actor.aliases:
            actor.aliases.append(clean)
        for key, _p, _c, whole in _forms(surface):
            if whole:   # "مسلحين في حلب" must not file "مسلحين" under this actor
                self._new_index.setdefault(key, aid)
        return aid

    # ------------------------------------------------------------------ new actors
    def _not_actor(self, surface: str, etype: str, context: str = "") -> bool:
        """Whether a mention names no actor: a ``not_actors`` word (alone, or with a head noun or a
        proclitic), or a single word that is a place cue ("دياربكر") or part of a multi-word place
        cue ("زويد" of "الشيخ زويد").  A word typed as a person is refused only when the context
        holds the whole place name around it (person names such as "غازي" share words with places)."""
        if len(match_key(surface).replace(" ", "")) < 2:
            return True   # no letters, or one: nothing to name
        if _is_platform(surface):
            return True   # "مسيّرة ثالثة" with no nationality in the report: whose is not said
        bad = self.kb.not_actors
        forms = mention_forms(surface)
        if any(k in bad for k, person_only in forms if not person_only):
            return True
        # a head noun alone ("دورية", "عناصر", "قوات من") names no one: the group it belongs to is
        # missing from the mention, and a new actor "دورية" would gather unrelated patrols
        words = match_key(surface).split(" ")
        w0 = _strip_proclitic_word(words[0]) if words[0] not in _HEADS else None
        if words[0] and all(w in _HEADS or w in _LINKERS for w in [w0 or words[0], *words[1:]]):
            return True
        if self._place_words_version != self.kb.version:
            words: dict[str, list[str]] = {}
            for k in self.kb.cue_index:
                if " " in k:
                    for w in k.split(" "):
                        if len(w) >= 3:
                            words.setdefault(w, []).append(k)
            self._place_words = words
            self._place_words_version = self.kb.version
        for k, person_only in forms[:2]:
            if " " in k:
                continue
            if etype != "PER" and k in self.kb.cue_index and not _NISBA_ANY.match(k):
                return True
            names = self._place_words.get(k)
            if names:
                if etype != "PER":
                    return True
                ctx = " " + " ".join(_context_words(context)) + " " if context else ""
                if any(f" {n} " in ctx for n in names):
                    return True
        return False

    def _find_new(self, forms: tuple[tuple[str, bool], ...], key: str, etype: str) -> str | None:
        for k, _ in forms:
            aid = self._new_index.get(k)
            if aid:
                return aid
        if not key:
            return self._new_index.get("")
        words = key.split(" ")
        if etype == "PER":
            if len(words) == 1:
                ids = self._new_surname.get(words[0], set())
                if len(ids) == 1:
                    return next(iter(ids))
            else:
                one = self._new_index.get(words[-1])
                if one and self.new_actors[one].kind == "person" and len(self.new_actors[one].aliases) and \
                        " " not in match_key(self.new_actors[one].aliases[0]):
                    return one
        d = _allowed_edits(len(key.replace(" ", "")))
        if d and self._new_index:
            m = process.extractOne(key, list(self._new_index), scorer=Levenshtein.distance, score_cutoff=d)
            if m and m[0].count(" ") == key.count(" ") and not (m[0].startswith(key) or key.startswith(m[0])):
                return self._new_index[m[0]]
        return None

    def _create(self, surface: str, core: str, etype: str) -> str:
        kind = _KIND_BY_ETYPE.get(etype, "other")
        # the romanizer runs a neural model (~30 ms a name): ids use a plain letter map, and the
        # Latin display name is made only for actors that reach the output (see latin_names)
        arabic = is_arabic(surface)
        name = _simple_latin(core or surface) if arabic else (" ".join(surface.split()) or "unnamed")
        slug = _slug(name) or "x-" + hashlib.sha1(core.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        aid = f"new:{slug}"
        n = 2
        while aid in self.new_actors or aid in self.kb.actors:
            aid = f"new:{slug}-{n}"
            n += 1
        self.new_actors[aid] = Actor(id=aid, name=name, name_ar=surface.strip() if arabic else None,
                                     kind=kind, aliases=[])
        if arabic:
            self._unnamed[aid] = (surface, core)
        self._new_index[core] = aid
        if kind == "person":
            last = core.split(" ")[-1]
            if len(last) >= 3:
                self._new_surname.setdefault(last, set()).add(aid)
        return aid


    def latin_names(self, ids=None) -> None:
        """Give new actors (those in ``ids``, or all) their Latin name from arabic-name-romanizer."""
        for aid in list(self._unnamed if ids is None else (i for i in ids if i in self._unnamed)):
            surface, core = self._unnamed.pop(aid)
            self.new_actors[aid].name = _latin_name(surface, core)


_SIMPLE_MAP = str.maketrans({
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh",
    "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
    "ع": "", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ة": "a",
    "و": "w", "ي": "y", "ى": "a", "ء": "", "ؤ": "", "ئ": "", "پ": "p", "چ": "ch", "گ": "g", "ڤ": "v",
})


def _simple_latin(s: str) -> str:
    """A plain letter-by-letter Latin form (for ids; no model)."""
    return s.translate(_SIMPLE_MAP)


@lru_cache(maxsize=8192)
def _latin_name(surface: str, core: str) -> str:
    if not is_arabic(surface):
        return " ".join(surface.split()) or "unnamed"
    src = core if core else surface
    try:
        from arabic_name_romanizer import transliterate
        out = transliterate(src)
        if isinstance(out, (list, tuple)):
            out = out[0] if out else ""
        out = str(getattr(out, "text", out)).strip()
        if out:
            return out
    except Exception:  # the romanizer must never stop the pipeline; fall back to the key
        pass
    return src


def _slug(name: str) -> str:
    from .normkey import strip_marks
    s = strip_marks(name).lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s[:60]


@lru_cache(maxsize=4096)
def _context_words(context: str) -> tuple[str, ...]:
    return tuple(match_key(context).split(" "))


def infer_country(kb: ActorKB, context: str) -> str | None:
    """The country a text is about, from cue words (country names, nisbas, capitals, cities).

    Counts cue hits (single words and word pairs, with and without a leading proclitic); returns
    the most frequent country, or None when there is no cue or a tie.
    """
    if not context or not isinstance(context, str):
        return None
    words = _context_words(context)
    counts: dict[str, int] = {}
    cues = kb.cue_index
    prev = ""
    for w in words:
        stripped = _strip_proclitic_word(w) if w else None
        for cand in (w, stripped, f"{prev} {w}" if prev else None):
            if cand and cand in cues:
                c = cues[cand]
                counts[c] = counts.get(c, 0) + 1
                break
        prev = stripped or w
    return most_frequent(counts)


def most_frequent(counts: dict[str, int]) -> str | None:
    """The key counted most often; None when there is none or two share the top count."""
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]
