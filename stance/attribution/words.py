"""Word lists the attribution rules share: Arabic function words (normalised), English and French determiners and auxiliaries."""
from __future__ import annotations

import re

from ..actors import AR_OUTLET_NOUNS
from ..text import normalize_arabic

# Arabic forms that are also common nouns or prepositions ("عبر" = via, "دعم" = support (n.)): cues only when they
# open the clause (sentence-initial or with a و/ف prefix).
_AR_AMBIGUOUS = frozenset("عبر حمل دعم نقل تابع يتابع راي ذكر طلب كشف وصف ردد وافق وافقت وافقوا شرح".split())

_AR_PREFIXES = ("و", "ف")

_AR_THIRD_PERSON_SUFFIXES = ("هما", "هم", "ها", "ه")  # his, her, their: longest first
_AR_OBJ_SUFFIXES = _AR_THIRD_PERSON_SUFFIXES + ("نا", "ني", "كم")

_AR_TIME = frozenset(
    """الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت اليوم امس مساء صباح ليل ليله الليله الماضي الماضيه اول
    ايضا كذلك بدوره بدورها جهتها جهته جانبه جانبها""".split()
)  # "من جهته", "من جانبه": the preposition stays a stop word; "في حين" opens a clause (no subject follows)


_AR_THAT = frozenset("ان انه انها انهم بان بانه بانها لان".split())

_AR_SO_THAT = frozenset("فان فانه فانها فانهم".split())  # "وحسب X فان ...": the content starts there

_AR_STOP_NAME = frozenset(
    """في من على الى عن مع خلال امام ان انه انها بان ضد بعد قبل حول الذي التي الذين ما لا لم لن قد كان انه هذا هذه ذلك تلك
    وهو وهي هو هي دون بدون عقب اثر إثر اثناء أثناء منذ عند وسط عما عمن اذا هل كيف لماذا""".split()
)


# adverbs that can follow a verb before its subject ("وأكد مجددا ...")
_AR_ADVERBS = frozenset("""مليا مجددا مؤخرا سابقا لاحقا رسميا مرارا صراحه علنا مجدد ثانيه بدوره بدورها حرفيا شخصيا علنيا
    مبدئيا حاليا فعليا نهائيا ضمنيا قضائيا بحزم بشده بوضوح بصراحه""".split())


# "in answer to", "commenting on" after a verb of saying ("وقال ردا على سؤال"): adverbial, never its subject
_AR_IN_ANSWER = frozenset(("ردا", "تعليقا"))


# heads of a subject noun phrase that names a role: the person named after them is the speaker
# ("وقال عضو كتلة «حزب الله» النائب علي عمار", "وقال مدرب تشارلتون الن كاربيشلي"), with a possessive too
# ("وطالب نائبه السابق، افرايم سنيه، بضرب"; not "مساعده", which reads "مساعدة" too: aid)
_AR_ROLE_HEADS = frozenset(
    """عضو عضوه رئيس رئيسه وزير وزيره متحدث المتحدث ناطق الناطق مسؤول المسؤول مسؤوله مسؤولو مسؤولون مصدر مصادر القيادي قيادي
    نائب النائب مدير المدير مديره زعيم الزعيم قائد القائد قاده امين الامين سفير السفير مندوب المندوب مستشار
    المستشار مدرب المدرب محافظ المحافظ ممثل الممثل مراسل ضابط الضابط الشيخ العقيد اللواء العميد الجنرال الرئيس
    الوزير رئيسا مساعد المساعد منسق المنسق مفوض المفوض امير الامير ملك الملك الداعيه المرشد المفتي الدكتور دكتور
    المهندس السيد السيده الحاج القاضي المحامي الناشط الكاتب الصحافي مفتي المدعي مدعي المحقق الرائد المقدم النقيب
    الملازم الرقيب الميجور الميجر الكولونيل الكابتن المشير السكرتير المطران البطريرك الكاردينال الحاخام الامام
    نائبه نائبها مستشاره مستشارها مساعدها ممثله ممثلها سفيره سفيرها""".split()
)


# what a speaker is told ("وقال للصحافيين", "قال لوكالة فرانس برس"): an addressee, not the subject
_AR_ADDRESSEE_HEADS = frozenset(AR_OUTLET_NOUNS) | frozenset("مراسل صحافيين صحفيين نظيره نظيرته وفد".split())


def _normalised(words: frozenset) -> frozenset:
    """The word list as tokens spell it (`Token.norm`: one alef, ي for ى, no hamza seats), raw forms kept too."""
    return frozenset(words | {normalize_arabic(w) for w in words})


# nouns of institutions, in construct with the body or country they belong to ("رئاسة اركان القوات الروسية")
_AR_INSTITUTIONS = _normalised(frozenset("""رئاسة حكومة وزارة قيادة اركان سفارة قنصلية سلطات قوات شرطة ادارة مكتب
    مجلس جيش برلمان بلدية محكمة هيئة مديرية دائرة جهاز اجهزة مخابرات استخبارات مفوضية بعثة""".split()))

# nouns of a manner of speaking, with their adjective after them ("واشار بلهجة مليئة بالسخرية الى ان"; normalised)
_AR_MANNER = frozenset("بلهجه بنبره".split())

_AR_AMBIGUOUS, _AR_TIME, _AR_THAT, _AR_STOP_NAME, _AR_ADVERBS, _AR_ROLE_HEADS, _AR_ADDRESSEE_HEADS = map(
    _normalised, (_AR_AMBIGUOUS, _AR_TIME, _AR_THAT, _AR_STOP_NAME, _AR_ADVERBS, _AR_ROLE_HEADS, _AR_ADDRESSEE_HEADS))


_AR_STOP_NAME = _AR_STOP_NAME - {"علي"}  # "على" normalises to the name "علي" (Ali): a name wins

_AR_ALA = frozenset({"على", "وعلى"})  # ... except inside a name or speaker phrase, where "على" with alef maqsura is

# the preposition and ends it (`_name_like`, `_ar_bare_subject`)
# words that never start or continue a subject noun phrase
_AR_FUNCTION = _AR_STOP_NAME | _AR_THAT | _AR_TIME | _AR_ADVERBS | _AR_MANNER | frozenset({"اسم"})  # "لم يذكر اسم إسرائيل"

_AR_PREPOSITIONS = _normalised(frozenset("عن على من الى إلى في مع بعد قبل حول ضد خلال".split()))

_PRONOUN_SUBJECT = {
    "en": frozenset("he she they it we i".split()),
    "fr": frozenset("il elle ils elles on nous je".split()),
}
# the pronoun after "according to" / "selon": the speaker named before ("selon lui"); `stance.attribution_crf`
# resolves the English ones too (`_RESOLVED_SOURCES`)
_SOURCE_PRONOUNS = {"en": frozenset("him her them".split()), "fr": frozenset("lui elle eux elles".split())}

_FIRST_PERSON = frozenset("we nous".split())

# a reporting form right after one of these is a noun ("une demande de réintégration", "cette note", "a call"):
# no statement. The articles le/la/les/l' are left out: in French they are also object pronouns ("comme le demande")
_LATIN_DETERMINERS = {
    "fr": frozenset("un une des du au aux cet cette ces sa son ses mon ma mes notre nos votre vos".split()),
    "en": frozenset("a an the his her its their this these those our".split()),  # (French "a" is an auxiliary)
}

_FR_PUT = frozenset("met mets mettent mis mise mettait mettaient mettra mettront mettrait mettre mettant".split())
_FR_RENDER = frozenset("""rend rends rendent rendu rendue rendus rendait rendaient rendra rendrai rendront rendrait
    rendre rendant rendit rendirent""".split())

_EN_AUX = frozenset("has have had will would also later again then further previously earlier has not had".split())

_FR_AUX = frozenset("a ont avait avaient aura auraient aurait également encore aussi".split())

_QUOTES = "\"«»“”„'"

_MAX_SPEAKER_GAP = 6  # tokens between a cue and its verb-subject speaker

# the verbal nouns read as participles ("احتجاجا على ...", "تنديدا بـ ..."): their own phrase is their content, and
# with nothing after them they say nothing; right after a plural in -ين/-ون ("المتظاهرين احتجاجا") it is the one
# protesting
_AR_IN_PROTEST = _normalised(frozenset("احتجاجا استنكارا تاييدا ترحيبا تنديدا".split()))


# heads of a place name ("مدينة الصدر", "ميدان عبد المنعم", "rue de Rivoli"): what follows names the place, not an actor
PLACE_HEADS = frozenset(
    """مدينة مدينه مديرية مديريه ميدان شارع حي منطقة منطقه محافظة محافظه قرية قريه بلدة بلده مخيم مطار مستشفى
    ساحة ساحه ضاحية ضاحيه جسر ولاية ولايه اقليم إقليم جزيرة جزيره ضواحي اطراف أطراف عمق
    شمال جنوب شرق غرب شمالي جنوبي شرقي غربي
    street avenue square district province city town village camp airport hospital bridge
    rue avenue place quartier ville village camp aéroport hôpital pont""".split()
)

# what joins a body to the one it belongs to, up to that one's name or its one head word ("الادارة الدولية التابعة
# للامم المتحدة", "وزارة الصحة التابعة لحركة حماس")
AFFILIATED_TO = re.compile(r"\s+(?:ال)?تابع(?:ة|ه|ين|ون)?\s+ل[\u0640]?«?(?:[\u0621-\u064a]+\s+)?«?")
