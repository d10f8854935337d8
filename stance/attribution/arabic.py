"""The Arabic speaker of a cue, rule by rule: verb-subject order (`وقال الاربعاء وزير الخارجية ... إن`),
subject-verb order, source phrases (`حسب ما اعلنت وزارة الدفاع`), participles continuing the previous speaker
(`مضيفا أن`), subject-less continuations (`وأضاف`, `لكنه أكد`), the accused of "اتهم X بـ"; and where the
content starts after it."""
from __future__ import annotations

import itertools
import re
from dataclasses import replace
from typing import Optional, Sequence

from ..actors import is_people
from ..records import Mention, Span, is_country_code
from ..text import Token, normalize_arabic
from .arabic_documents import _AR_IN_IT, _document_speaker, _issuer, _issuer_before
from .arabic_names import (
    _adjective_shaped,
    _held_in,
    _holder_past_qualifier,
    _nationality_noun,
    _quantified_subject,
    _role_chain,
    _with_apposed_name,
    _with_called_name,
    _with_role_holder,
)
from .arabic_phrases import (
    _AR_INITIALS,
    _AR_QUANTITY,
    _AR_RELATIVE,
    _PHRASE_BREAK,
    _SHORT_BRACKET,
    _is_cue_word,
    _is_time,
    _name_like,
    _nisba,
    _past_bracket,
    _skip_addressee,
    _skip_time,
    _with_nationality,
)
from .arabic_preverbal import (
    _adjectival_clause,
    _agrees_with_relative,
    _auxiliary_subject,
    _clause_initial_np,
    _clause_initial_subject,
    _conjoined,
    _first_before,
    _initial_clause_subject,
    _subject_after_pronoun,
    _subject_before_relative,
    _subject_of_while,
    _subject_right_before,
)
from .arabic_unknown import (
    _AR_B_ACCUSED,
    _AR_BODY_NOUNS,
    _AR_SOURCES,
    _AR_WHEN,
    _ar_bare_subject,
    _ar_unknown_subject,
    _b_complement_after,
    _source_with_body,
)
from .cues import (
    _AR_INFORMED,
    _AR_RELAY_REACH,
    _AR_RELAYED,
    _AR_SAID_OF,
    Cue,
    _form_in,
    _resumptive,
    _unprefixed,
    _withheld_name_end,
)
from .spans import (
    _first_at,
    _mention_after,
    _mention_ending_before,
    _only_filler_between,
    _resolved,
    _spoke_before_in,
    _State,
    _token_from,
)
from .words import (
    _AR_IN_ANSWER,
    _AR_IN_PROTEST,
    _AR_PREPOSITIONS,
    _AR_ROLE_HEADS,
    _AR_SO_THAT,
    _AR_STOP_NAME,
    _AR_THAT,
    _AR_THIRD_PERSON_SUFFIXES,
    _MAX_SPEAKER_GAP,
    _QUOTES,
    _normalised,
)


_AR_CLAUSE_CONTRASTS = _normalised(frozenset("فيما وفيما ففيما بينما وبينما".split()))  # and "في حين"

# a relative clause of speaking: its pronoun, and its verb (with the object pronoun of the speech or session it
# describes: "الجلسة التي خاطبها", "التصريح الذي أدلى به")
_AR_RELATIVES = _normalised(frozenset("الذي التي والذي والتي".split()))
_AR_SPEECH_VERBS = _normalised(frozenset("""خاطب خاطبها خاطبه خاطبهم أدلى ادلى ألقى القى ألقاها القاها ألقاه القاه
    صرح تحدث""".split()))
_AR_OF_SPEECH = _normalised(frozenset("به بها فيه فيها".split()))


def _speech_clause_subject(text: str, toks: list[Token], i: int, mentions: Sequence[Mention]) -> Optional[Mention]:
    """The person who speaks in a relative clause of speaking that ends right before the participle at token `i`,
    after a comma: "بعد الجلسة ... والتي خاطبها مدير عام الوكالة محمد البرادعي، موضحا" (ElBaradei explains, not the
    ambassador who spoke before in the sentence), "حول التصريح الذي أدلى به النائب العراقي رضا جواد تقي، موضحاً فيه"
    (the MP, not the one answering him). The clause is الذي/التي, a verb of speaking (`_AR_SPEECH_VERBS`, so not
    "الحكومة التي يرأسها المالكي، مؤكدا", whose participle is the sentence's speaker's), at most one word ("به"), then
    the speaker up to the comma: a person the dictionary knows (its title may stand before it), or a title and the
    name the dictionary lacks. None otherwise."""
    if i < 3 or not re.search(r"[،,]", text[toks[i - 1].end : toks[i].start]):
        return None
    r = next((r for r in range(i - 2, max(-1, i - 11), -1) if toks[r].norm in _AR_RELATIVES), None)
    if r is None or toks[r + 1].norm not in _AR_SPEECH_VERBS \
            or re.search(r"[،,.:«»\"“”]", text[toks[r].end : toks[i - 1].end]):
        return None
    first = r + 2 + (r + 2 < i - 1 and toks[r + 2].norm in _AR_OF_SPEECH)  # "أدلى به": the speech the clause is about
    if first > i - 1:
        return None
    name = max((m for m in mentions if m.end == toks[i - 1].end and m.start >= toks[first].start),
               key=lambda m: m.end - m.start, default=None)
    if name is not None and name.actor is not None and name.actor.type == "person":
        return name
    if toks[first].norm in _AR_ROLE_HEADS and i - first <= 7:  # "النائب العراقي رضا جواد تقي"
        return Mention(Span.of(text, toks[first].start, toks[i - 1].end))
    return None


def _actor_headed(m: Mention, mentions: Sequence[Mention]) -> bool:
    """A mention, or a phrase whose head is one ("الوفد الألماني"), a role ("الرئيس", "الوزير") or a body
    ("وزارة الصحة"), or a counted mention ("عشرات الفلسطينيين")."""
    if any(x.start == m.start for x in mentions):
        return True
    first = normalize_arabic(m.text.split()[0])
    if first in _AR_ROLE_HEADS or first in _AR_BODY_NOUNS or first in ("الوفد", "النواب"):
        return True
    return first in _AR_QUANTITY and any(m.start <= x.start < m.end for x in mentions)


def _plural_subject(m: Mention) -> bool:
    """A counted group or a plural noun ("عشرات الفلسطينيين", "المتظاهرون")."""
    words = [normalize_arabic(w) for w in m.text.split()]
    return words[0] in _AR_QUANTITY or words[0].endswith(("ون", "ين"))


def _speaker_ar(text, toks, cue: Cue, mentions, sent: Span, state: _State):
    """(speaker mention, offset where the content may start) for an Arabic cue, or None when it is no statement."""
    i = cue.token_index
    if cue.kind == "source":  # حسب ما اعلنت X / بحسب X: the following verb (if any) and subject are handled there
        j = i + 2 if toks[i].norm in _AR_RELAYED else i + 1  # "(و)نقلا عن X": X after عن
        if j < len(toks) and toks[j].norm in ("ما", "لما"):
            return None  # the verb after "حسب ما" / "وفقا لما" is itself a cue and finds its subject
        if j >= len(toks):
            return None
        if j + 1 < len(toks) and toks[j].norm in _AR_DEMONSTRATIVES and toks[j + 1].norm.startswith("ال") \
                and not text[toks[j].end : toks[j + 1].start].strip():
            j += 1  # "وحسب هذه المعلومات، فان ...": the information is the source, as in "وحسب المعلومات"
        # the source phrase is at most four words and ends before "فان"/"ان" or a comma ("وحسب ضيف الله فان
        # المعتقلين ...": the detainees are what the source says, not the source)
        end = j
        while end + 1 < min(len(toks), j + 4) and toks[end + 1].norm not in _AR_THAT | _AR_SO_THAT \
                and toks[end + 1].text.strip("\u0640-–—") \
                and not re.search(r"[،,:\"«»()؛]", text[toks[end].end : toks[end + 1].start]):
            end += 1  # (nor past a dash, a tatweel standing alone: "نقلاً عن مصادر امنية ـ ان")
        m = _mention_after(cue.end, toks[end].end, mentions)
        if m is None or m.start != toks[j].start:  # "وحسب مصادر عراقية": the sources, not their nisba
            m = _ar_bare_subject(text, toks, j, mentions, toks[end].end) or m
        if m is not None and m.start == toks[j].start:
            m = _issuer(text, toks, m, mentions)  # "حسب بيان لوزارة الدفاع البريطانية": the ministry
        head = j + 1 if toks[j].norm in ("احد", "بعض") and j + 1 <= end else j
        w = toks[head].norm
        if not (m is not None and m.actor is not None and m.start == toks[j].start) \
                and (w in _AR_NON_AGENT_SOURCES or w[:1] == "ل" and (w[1:] in _AR_NON_AGENT_SOURCES
                                                                    or "ا" + w[1:] in _AR_NON_AGENT_SOURCES)):
            # "بحسب التقديرات", "وفق أمر من المحكمة", "وحسب احد السيناريوهات", "طبقا لقرار مجلس الأمن", "وفقا
            # للدستور": a figure, an order, a scenario or a rule, not someone speaking (but "بحسب مدير المخطط
            # العمراني" is the director)
            return None
        counted = _quantified_subject(text, toks, j, mentions, toks[end].end + 1)
        if counted is not None:  # "وبحسب العديد من الدبلوماسيين فان": the diplomats, not "العديد" (but "بحسب عدد من
            # القرارات" is no source)
            agent = not any(normalize_arabic(w) in _AR_NON_AGENT_SOURCES for w in counted.text.split())
            return (counted, counted.end) if agent else None
        if m is not None and m.start == toks[j].start and _unprefixed(toks[i].norm) in _AR_GOVERN_L \
                and toks[j].norm[:1] == "ل" and len(toks[j].norm) > 3:
            # "وفقا لخبير قانوني عراقي": the expert (for Iraq), without the ل the source word governs (always written:
            # "وفقا للبنان" is Lebanon)
            m = replace(m, span=Span.of(text, m.start + 1, m.end))
        return (m, m.end) if m else None
    if cue.mood == "document":
        return _document_speaker(text, toks, cue, mentions, state)
    if i + 1 < len(toks) and toks[i + 1].norm in _AR_IN_IT:
        # "وأصدرت وزارة الخارجية بيانا قالت فيه ان ...", "وصدر عن قيادة الجيش بيان اشارت فيه الى ...": whoever
        # issued the document the cue is "in" (a subject after فيه speaks itself: "مؤتمرا قال فيه نقيب الصحفيين")
        after_in = list(itertools.takewhile(lambda t: t.norm not in _AR_THAT, toks[i + 2 : i + 5]))
        named_after = after_in and (after_in[0].norm in _AR_ROLE_HEADS
                                    or any(m.start == t.start for t in after_in for m in mentions))
        # after an evaluative verb the noun after فيه is its object ("بيانا اتهمت فيه رجال الشرطة بتعذيب ابنها"), unless
        # it is a role or a person ("بيانا انتقد فيه الوزير الحكومة"); an issuer the dictionary lacks is read only
        # where no subject can follow فيه ("قال فيه نقيب الصحفيين": he speaks himself)
        subject_after = after_in and (after_in[0].norm in _AR_ROLE_HEADS or any(
            m.start == after_in[0].start and m.actor is not None and m.actor.type == "person" for m in mentions))
        issuer = None if named_after and (cue.kind != "eval" or subject_after) else _issuer_before(
            text, toks, i, mentions, unknown=cue.kind == "eval" or not after_in)
        if issuer is not None:
            return issuer, toks[i + 1].end
    if cue.mood == "purpose":  # "وعادت وزارة الداخلية لتؤكد اعتقال ...": the clause's subject, never the object
        if _spoke_before_in(state, sent, cue.start, toks[i].norm):
            return _resolved(state), cue.end
        subject = _initial_clause_subject(text, toks, sent, cue, mentions)
        return (subject, cue.end) if subject is not None else None
    if cue.kind == "participle":
        protesting = _protesting_before(text, toks, i, mentions) if toks[i].norm in _AR_IN_PROTEST else None
        if protesting is not None:
            return protesting, cue.end
        speech = _speech_clause_subject(text, toks, i, mentions)
        if speech is not None:
            return speech, cue.end
        if _spoke_before_in(state, sent, cue.start, toks[i].norm):
            return _resolved(state), cue.end
        # no speaker yet in this sentence: after a comma, the subject of the verb that opens the participle's clause
        # (the sentence, or the clause after "فيما"/"بينما": "ويعيش ملايين السوريين ...، فيما تواصل الامم المتحدة
        # مناشدة المانحين، محذرة"; "واستقبل الرئيس الوفد، رافضين" is the president's), else the sentence's first
        # mention ("أضرب عمال المصنع احتجاجا على ...")
        clause = next((k + 1 for k in range(i - 1, 0, -1) if toks[k].norm in _AR_CLAUSE_CONTRASTS
                       or toks[k].norm == "حين" and toks[k - 1].norm == "في"), 0)
        after_comma = i > 0 and re.search(r"[،,]", text[toks[i - 1].end : cue.start]) is not None
        subject = _initial_clause_subject(text, toks, sent, cue, mentions, clause) if after_comma and clause < i \
            else None  # (without a comma the participle goes with what is right before it: "المتظاهرين احتجاجا")
        if subject is not None and not toks[i].norm.endswith("ين") and _plural_subject(subject):
            subject = None  # "واعتقل عشرات الفلسطينيين ...، متهما اياهم": a singular participle is not theirs
        if subject is not None and not _actor_headed(subject, mentions):
            subject = None  # "وأفادت أرقام الشرطة ...، معتبرا", "وجاء الاثنين ...": not an actor that speaks
        if subject is not None and subject.actor is not None and subject.actor.type == "country" \
                and not is_people(subject):
            subject = None  # "وزار غزة وفد من البرلمان الأوروبي، مطالبا": the place visited, before its subject
        if subject is not None:  # "النيابة العامة", not "النيابة": the whole mention that starts there
            subject = max((x for x in mentions if x.start == subject.start and x.end >= subject.end),
                          key=lambda x: x.end, default=subject)
        subject = subject or _first_before(text, cue.start, mentions, sent, person=False)
        if subject is not None:
            return subject, cue.end
        return (_resolved(state), cue.end) if state.last_speaker else None
    if toks[i].norm.lstrip("وف").startswith("نقل"):  # "ونقلت وكالة رويترز عن بيركنز قوله": the source is after عن
        for k in range(i + 1, min(len(toks), i + 1 + _AR_RELAY_REACH)):  # where find_cues saw its "عن"
            if toks[k].norm == "عن" and k + 1 < len(toks):
                # "عن مسؤول في وزارة الدفاع قوله": the source and the body that holds it
                m = _source_with_body(text, toks, k + 1, mentions)
                if m is None:
                    m = next((m for m in mentions if m.start <= toks[k + 1].start < m.end), None)
                if m is None:
                    m = _ar_unknown_subject(text, toks, k + 1, mentions)
                if m is None:  # "عن مصدر مطلع قوله", "عن مصادر دبلوماسية أن": the source and its adjectives
                    e = k + 1
                    while e + 1 < len(toks) and e - k < 3 and toks[e + 1].norm not in _AR_SAID_OF \
                            and (_adjective_shaped(toks[e + 1]) or toks[e + 1].norm in _AR_INFORMED) \
                            and not _PHRASE_BREAK.search(text[toks[e].end : toks[e + 1].start]):
                        e += 1
                    m = Mention(Span.of(text, toks[k + 1].start, toks[e].end))
                a = _first_at(toks, m.end)  # the word after the source
                said = next((e for e in range(a + 1, min(len(toks), a + 3)) if toks[e].norm in _AR_SAID_OF), None) \
                    if a < len(toks) and toks[a].norm not in _AR_SAID_OF and m.actor is None else None
                if said is not None and not _PHRASE_BREAK.search(text[m.end : toks[said].start]) \
                        and not any(t.norm in _AR_PREPOSITIONS for t in toks[a:said]):
                    # "عن مسؤولين سامين اميركيين قولهم": the words up to the saying are the source's own
                    m, a = Mention(Span.of(text, m.start, toks[said - 1].end)), said
                after = toks[a] if a < len(toks) else None
                start = after.end if after is not None and after.norm in _AR_SAID_OF else m.end
                formula = _withheld_name_end(toks, a) if after is not None else None
                if formula is not None:  # "عن مسؤول رفض الكشف عن هويته ان ...": what follows the formula
                    start = toks[formula].end
                return m, start
    if cue.kind == "noun":  # "كثف الكرملين ... الاعلان عن": the subject precedes the nominal cue
        if i > 0 and toks[i - 1].norm in _AR_AFTER_EVENT:
            return None  # "بعد الإعلان رسمياً عن وفاة", "التي سبق الإعلان عنها": an event in time, no one speaking
        prev = _mention_ending_before(cue.start, toks[max(0, i - 8)].start, mentions)
        while_they = max((m.start() for m in _AR_WHILE_THEY.finditer(text, sent.start, cue.start)), default=None)
        if prev is not None and while_they is not None and (while_they >= prev.end or prev.start > while_they) \
                and not _PHRASE_BREAK.search(text[while_they : cue.start]) \
                and not _new_clause_between(toks, while_they + 3, cue.start, mentions):
            # "وتجمع المتظاهرون في ساحة فلسطين وهم يرددون هتافات": "وهم" is the clause's subject, not the square;
            # nor what they carry ("وهم يحملون الاعلام الفلسطينية ولافتات تطالب ...")
            prev = _subject_of_while(text, toks, while_they, mentions, sent)
        return (prev, cue.end) if prev else None
    if i > 0 and toks[i - 1].norm in _AR_RELATIVE and toks[i - 1].norm not in ("وهو", "وهي") \
            and not _while_clause(text, toks, i, sent):
        # "الامير سعود الفيصل الذي قال ...": a perfect-tense reporting verb right after the relative pronoun has the
        # antecedent as its subject; otherwise ("لداعش الذي يزعم محاربته") the subject is not written
        j = _skip_time(toks, i + 1)
        own = next((m for m in mentions if j < len(toks) and m.start == toks[j].start
                    and (m.actor is not None or cue.kind == "report")), None)
        if own is not None and (cue.kind == "report" and not toks[i].norm.startswith(("ي", "ن"))
                                or cue.kind == "eval" and (_resumptive(toks[i])
                                                           or not _agrees_with_relative(toks[i], toks[i - 1].norm))):
            # "الانتحاري الذي قالت وزارة الداخلية إن اسمه ...", "الذي تقول الحكومة": a known actor right after the
            # verb is its subject, and after a reporting verb any mention ("الانباء التي أكدها مسؤولون ...",
            # "التي اعلنت شركة شعاع كابيتال عن ..."); so after an evaluative verb whose object pronoun is the
            # antecedent ("الذي تتهمه الهند بانه ...") or which cannot agree with it ("المشبوهين الذين طلبت الهند من
            # باكستان تسليمهم"), but not "الرئيس الذي انتقد الحكومة" (the president criticised)
            own = _with_apposed_name(text, toks, own, mentions)
            return own, _after_subject(text, toks, own.end, mentions)
        past = not toks[i].norm.startswith(("ي", "ت", "ن")) or toks[i].norm in _AR_PAST_T
        if cue.kind == "report" and past:
            prev = _mention_ending_before(toks[i - 1].start, toks[max(0, i - 5)].start, mentions)
            last = state.last_speaker
            if prev is not None and last is not None and last.start <= prev.start and last.end == prev.end:
                prev = last  # "لما قاله متحدث باسم الشرطة الاثيوبية، الذي قال": the spokesman, not his police
            if prev is not None and text[prev.end : toks[i - 1].start].strip(" ،,") == "":
                return prev, _after_subject(text, toks, cue.end, mentions)
        return None
    if i > 0 and toks[i - 1].norm in _AR_SLOGANS and not _PHRASE_BREAK.search(text[toks[i - 1].end : cue.start]):
        # "وردد المتظاهرون هتافات تقول (تركيا علمانية)", "يرفعون شعارات تطالب المنظمات الدولية ...": what the slogans
        # say is the content of the chanting (the slogan noun's or the chanting verb's statement); the noun after the
        # verb is no speaker
        return None
    # subject-verb at the head of a clause: "حزب الله يحذر الحكومة", "وكان الرئيس الروسي قد اعلن": the noun after
    # the verb is its object
    formula = next((j for j in range(max(0, i - 6), i) if _withheld_name_end(toks, j) == i - 1), None)
    if formula is not None and formula > 0:
        # "مسؤول رفض الكشف عن هويته قال ان", "لكن المسؤول الذي رفض الكشف عن هويته أكد": the subject is before the
        # anonymity formula, which stands between it and its verb
        prev = _subject_before_relative(text, toks, formula, mentions, sent) \
            or _subject_right_before(text, toks, formula, mentions) \
            or _clause_initial_np(text, toks, formula, mentions, sent)
        if prev is not None:
            return prev, cue.end
    topic = _topic_after_amma(text, toks, i, mentions)
    if topic is not None:  # "اما وزير الداخلية نيكولا ساركوزي فصرح": the topic speaks
        return topic, cue.end
    after_verb = _subject_after_pronoun(text, toks, i, mentions)
    if after_verb is not None:  # "... رفضتها اسرائيل": not the noun before the verb
        return after_verb, _after_subject(text, toks, after_verb.end, mentions)
    aux = _auxiliary_subject(text, toks, i, mentions, sent)
    if aux is not None:
        return aux, _after_subject(text, toks, cue.end, mentions)  # "قد صرح لوكالة رويترز بان": past the addressee
    p = i - 1
    while p > 0 and toks[p].norm in ("لم", "لن", "لا", "قد"):
        p -= 1
    if i > 0 and toks[p].norm in _AR_HE_BUT and (p < i - 1 or cue.kind in ("report", "eval", "continue")):
        # "لكنه اضاف", "لكنه لم يذكر اسم إسرائيل": the pronoun is the subject, never the words before it ("ان الوضع
        # خطير لكنه اضاف"); what follows is the object. It is the sentence's own subject, or its first actor, if
        # nobody has spoken in the sentence yet and that subject can speak ("ويخشى بنك انجلترا المركزي ان ... ولكنه
        # اضاف ان", "ولما كان الوزير مهاجراني لا يؤمن بالرقابة لكنه يطالب بان"), else the last speaker. After a
        # particle a feminine pronoun may point at any feminine noun ("قال الوزير إن الشركة وعدت ... لكنها لم تعلن"):
        # no one
        if not _spoke_before_in(state, sent, cue.start, toks[i].norm):
            person = _initial_clause_subject(text, toks, sent, cue, mentions) \
                or _first_before(text, cue.start, mentions, sent, person=False)
            if person is not None and _actor_headed(person, mentions) \
                    and (person.actor is None or person.actor.type != "country" or is_people(person)):
                return person, cue.end
        feminine_after_particle = p < i - 1 and toks[p].norm.endswith("ها")
        return (_resolved(state), cue.end) if state.last_speaker is not None and not feminine_after_particle else None
    front = _clause_initial_subject(text, toks, i, mentions, sent) or _clause_initial_np(text, toks, i, mentions, sent)
    if front is not None:
        return front, cue.end
    if _adjectival_clause(text, toks, i, mentions):
        return None  # "عريضة تحمل أكثر من 150 ألف توقيع", "شخص يقول تفاهات": the verb describes the noun
    if _plural_verb(toks[i]):  # "هتفوا ضدي", "اعتبروا أنفسهم": the subject is before the verb or a pronoun
        prev = _subject_right_before(text, toks, i, mentions)
        if prev is not None:
            return prev, cue.end
        if state.last_speaker is not None and (_conjoined(toks[i]) or i == 0):
            return _resolved(state), cue.end
        return None
    if _conjoined(toks[i]) and _unprefixed(toks[i].norm) in _AR_DESCRIBE and state.last_speaker is not None \
            and i + 2 < len(toks) and toks[i + 2].norm in _AR_THAT_IT \
            and (toks[i + 1].norm.startswith("ال") or any(m.start == toks[i + 1].start and m.actor is not None
                                                          and m.actor.type == "country" for m in mentions)) \
            and not any(m.start <= toks[i + 1].start < m.end and m.actor is not None
                        and not (m.actor.type == "country" and toks[i].norm.endswith("وصف")) for m in mentions):
        # "وقال «...»، ووصف الحادث بانه اكبر خسارة": one word before "بانه" is what is described, the describer is
        # the last speaker ("ووصف الوزير الحادث بانه ...": the minister); so is a country after the masculine verb
        # ("ووصف اسرائيل بانها ...": a country is feminine, so it is the one described)
        return _resolved(state), cue.end
    # verb-subject: skip time adverbs and an addressee ("للصحافيين"), then the subject: a known mention, else an
    # unknown noun phrase
    j = _skip_time(toks, i + 1)
    if j + 1 < len(toks) and (toks[j].norm in ("في", "خلال") and toks[j + 1].norm in _AR_INTERVIEWS
                              or toks[j].norm in _AR_IN_ANSWER and toks[j + 1].norm == "علي"):
        # "وقال في مقابلة مع قناة الجزيرة ان ...": an interview right after the verb; the one interviewing is no
        # speaker. A person or an office named before "ان" is the subject ("وقال في حديث لصحيفة الشرق الاوسط وزير
        # الخارجية المصري احمد ابو الغيط ان"); else the subject is not written: the last speaker, after و/ف or a
        # connective ("وكان قال", "لكنه قال", "فيما قال"). So after "ردا على" / "تعليقا على" (in answer to, commenting
        # on): "وقال ردا على تحول دون ستيوارت وايت الى الاسلام ان": what is answered names no speaker
        that = next((k for k in range(j + 2, min(len(toks), j + 16)) if toks[k].norm in _AR_THAT), None)
        for k in range(j + 2, that or j + 2):
            m = next((m for m in mentions if m.start == toks[k].start), None)
            if m is not None and m.actor is not None and m.actor.type == "person" or toks[k].norm in _AR_ROLE_HEADS:
                subject = _ar_unknown_subject(text, toks, k, mentions) if m is None or m.actor is None else m
                if subject is not None and subject.end <= toks[that].start:
                    return _with_role_holder(text, toks, subject, mentions, saying=_says_to_no_one(toks, cue)), \
                        toks[that].start
        opened = _conjoined(toks[i]) or i == 0 or toks[i - 1].norm in _AR_SPEAKER_GOES_ON
        return (_resolved(state), cue.end) if state.last_speaker is not None and opened else None
    if j < len(toks) and toks[j].norm in _AR_RESUMPTIVE:
        # "حسبما افادت به وكالة رويترز": "به" points back at the content; "تحدث فيها عن ...": no subject yet
        j = _skip_time(toks, j + 1)
    if j < len(toks) and toks[j].norm == "النقاب":
        return None  # "كشف النقاب ... ان": an impersonal "it was revealed", the veil is no speaker
    if _unprefixed(toks[i].norm) == "يذكر" and j < len(toks) and toks[j].norm in _AR_THAT:
        return None  # "يذكر ان الهند تنتج ...": "it is worth recalling that", the paper's own background, nobody's
        # words (but "ويذكر الكتاب ان": the book says)
    after_addressee = _skip_addressee(text, toks, j, mentions)
    addressed = after_addressee != j
    j = _skip_time(toks, after_addressee)
    if j + 2 < len(toks) and toks[j].norm == "كل" and toks[j + 1].norm == "من" \
            and not text[toks[j].end : toks[j + 2].start].replace("من", "", 1).strip():
        j += 2  # "كما ابدى كل من رئيس مجلس النواب ورئيس مجلس الوزراء": each of those named speaks, the first here
    if cue.kind == "report" and j + 1 < len(toks) and toks[j].norm in _AR_DEMONSTRATIVES \
            and (toks[j + 1].norm[2:] in _AR_CAN_SPEAK and toks[j + 1].norm.startswith("ال")
                 or toks[j + 1].norm in _AR_ROLE_HEADS) \
            and not text[toks[j - 1].end : toks[j].start].strip() and not text[toks[j].end : toks[j + 1].start].strip():
        j += 1  # "وقالت هذه المصادر لـ«الشرق الأوسط»": the sources speak (and are linked like "وقالت المصادر"); a
        # source, a body or a role only, after a verb of saying: "ونفى هذه الاتهامات", "وقال هذا الأسبوع" (the
        # object, the time), nor in a quotation ("وقال «هذا الحادث صحيح»")
    first = max(i + 1, j)
    gap_end = min(len(toks), first + _MAX_SPEAKER_GAP)
    limit = toks[gap_end - 1].end if gap_end > first else cue.end
    # stop at "ان" / a quote / a colon: the content starts there
    colon = False  # (a quote may open a name that speaks, "وقالت «هيومن رايتس ووتش» ان"; what follows a colon is said)
    for k in range(first, gap_end):
        between = text[toks[k - 1].end : toks[k].start]
        if addressed and k == first and between.lstrip().startswith("»"):
            between = between.lstrip()[1:]  # the addressee's closing quote ("وأشار لـ«الشرق الأوسط» عبد الرحمن")
        if toks[k].norm in _AR_THAT or toks[k].norm in _AR_SO_THAT or any(q in between for q in _QUOTES + ":"):
            limit = toks[k].start
            colon = ":" in between
            break
    if _unprefixed(toks[i].norm) in _AR_EXPLAIN and not any(
            toks[k].norm in _AR_THAT | _AR_SO_THAT or any(q in text[toks[k - 1].end : toks[k].start] for q in _QUOTES + ":")
            for k in range(i + 1, min(len(toks), i + 14))):
        return None  # "وشرح الوزير أسباب الأزمة": what is explained is its object, no words reported
    described = _unprefixed(toks[i].norm) in _AR_DESCRIBE and first < k < gap_end and toks[k].start == limit \
        and toks[k].norm in _AR_THAT_IT and k - 1 > j and toks[k - 1].norm.startswith("ال") \
        and not _adjective_shaped(toks[k - 1])
    if described:
        limit = toks[k - 1].start  # "ووصف الوزير الحادث بانه ...": the word before "بانه" is the one described
    if j + 1 < len(toks) and toks[j].norm in _AR_DUAL_HEADS and toks[j + 1].start < limit:
        named = next((x for x in mentions if x.start == toks[j + 1].start and x.actor is not None), None)
        if named is not None and not text[toks[j].end : named.start].strip() and not _nationality_noun(named, toks):
            # (not "الرئيسان الاميركي جورج بوش والروسي فلاديمير بوتين": each name with its nationality, read below)
            # "ونفت حركتا حماس والجهاد الاسلامي ان": the two named speak (the second as a co-speaker), not the
            # dual head, whose names are no targets of its own words
            return named, _after_subject(text, toks, named.end, mentions)
    counted = _quantified_subject(text, toks, j, mentions, limit) if j < len(toks) else None
    if counted is not None:  # "ودعت بعض جماعات المستهلكين الى", "وقال عدد من المتظاهرين"
        return counted, _after_subject(text, toks, counted.end, mentions)
    chain = _role_chain(text, toks, j, mentions, limit) if j < len(toks) else None
    if chain is not None:  # "المتحدث العسكري الباكستاني الميجر جنرال وحيد أرشد": the role's body is no target
        return chain, _after_subject(text, toks, chain.end, mentions)
    # "وهددت بنسف المباني", "وطالب بالافراج": after an evaluative verb an unknown phrase in ب is its complement
    complement = cue.kind == "eval" and j < len(toks) and toks[j].norm.startswith("ب") \
        and not any(m.start <= toks[j].start < m.end and m.actor is not None for m in mentions)
    if j < len(toks) and toks[j].start < limit and not complement:
        m = next((m for m in mentions if m.start <= toks[j].start < m.end), None)
        if _accused(text, toks, i, j, m, mentions):
            j = len(toks)  # "عندما اتهم النواب بالفساد": the one accused (or, read passive, nobody) is no speaker
    if j < len(toks) and toks[j].start < limit and not complement:
        if m is not None and m.actor is not None and toks[i].norm in _AR_CRITICISE_HIM and i > 0 \
                and not _PHRASE_BREAK.search(text[toks[i - 1].end : cue.start]):
            after = _token_from(toks, m.end)
            person = _initial_clause_subject(text, toks, sent, cue, mentions, _after_last_comma(text, toks, i)) \
                if after is not None and after.norm in _AR_BECAUSE else None
            if person is not None and person.actor is not None and person.actor.type == "person" \
                    and person.end <= toks[i - 1].start:
                # "صعد ماكين من هجومه على روسيا وانتقد حلف الناتو لأنه ...": criticised for a reason, NATO is the
                # object; the sentence's subject (a person) goes on speaking
                return person, cue.end
        if m is not None and m.actor is not None:
            # (a verb of saying takes no person as its object; "ابلغ" does: "وابلغت الحكومة ايمن نور")
            saying = _says_to_no_one(toks, cue)
            m = _with_nationality(text, toks, _with_apposed_name(text, toks, m, mentions, saying), mentions)
            return m, _after_subject(text, toks, m.end, mentions)
        unk = _ar_unknown_subject(text, toks, j, mentions, complement=_form_in(toks[i], _AR_B_VERBS))  # may
        # extend an unknown name or collective
        if unk is not None and described and unk.end > limit:
            last = max((t for t in toks[j:] if t.end <= limit), key=lambda t: t.end, default=None)
            unk = Mention(Span.of(text, unk.start, last.end), unk.actor) if last is not None else None
        if unk is not None and m is not None and unk.end > m.end and m.text.startswith(("ال", "وال")):
            after = _token_from(toks, m.end)
            if after is not None and not after.norm.startswith(("ال", "وال", "و")) and after.norm != "باسم" \
                    and not any(x.start == after.start for x in mentions):
                unk = None  # "وردد المتظاهرون شعارات مناهضة": an indefinite noun after a definite one is its object
        if unk is not None and m is not None and unk.end > m.end and m.text.split()[-1].startswith(("ال", "وال")):
            after = _token_from(toks, m.end)
            if after is not None and after.norm in _AR_EVENT_OBJECTS:
                unk = None  # "واكدت وزارة الدفاع مقتل الجندي": the death confirmed is the object, no part of the body
        if unk is not None and (m is None or unk.end >= m.end):
            unk = _issuer(text, toks, _with_role_holder(text, toks, unk, mentions,
                                                        object_b=_form_in(toks[i], _AR_OBJECT_B_VERBS),
                                                        saying=_says_to_no_one(toks, cue)), mentions)
            return unk, _after_subject(text, toks, unk.end, mentions)
        if m is not None:
            m = _with_called_name(text, toks, m)
            if _says_to_no_one(toks, cue):  # "وقال منسق معونات الطوارئ للامم المتحدة يان ايغلاند"
                m = _holder_past_qualifier(text, toks, m, mentions) or m
            after = _token_from(toks, m.end)
            nisba = next((x for x in mentions if after is not None and x.start == after.start and _nisba(x, after)), None)
            if nisba is not None and not _PHRASE_BREAK.search(text[m.end : after.start]):
                m = Mention(Span.of(text, m.start, nisba.end), m.actor)  # "امرأة اميركية": her nationality
            return m, _after_subject(text, toks, m.end, mentions)
        bare = _ar_bare_subject(text, toks, j, mentions, limit)
        if bare is not None:
            bare = _with_role_holder(text, toks, bare, mentions,  # "وزير صحة الولاية كارل يوزيف لاومان إن"
                                     saying=_says_to_no_one(toks, cue))
            bare = _issuer(text, toks, bare, mentions)
            return bare, _after_subject(text, toks, bare.end, mentions)
    # a short prepositional phrase before the subject ("خلال زيارة الى موسكو" is not one: it names a place)
    m = None if addressed else _mention_after(cue.end, limit + (not colon), mentions)  # ("وقال: «اسرائيل": said)
    told = m is not None and any(t.start < m.start < t.end and "ل" in text[t.start : m.start] for t in toks)
    if m is not None and _only_filler_between(toks, i, m) and cue.kind != "eval" and not told \
            and not (j < len(toks) and toks[j].start < m.start and (toks[j].norm == "عن" or _possessed_noun(toks[j]))):
        # (not the topic after "عن": "وقال عن ايران"; nor past a noun that carries its subject's pronoun, the verb's
        # object: "واعلن مسؤوليته عن مقتل المئات من العراقيين"; nor the one told or given to, written with ل: "وقال
        # في تقرير قدمه لمجلس الامن ان")
        return m, m.end
    # subject-verb: a mention right before the cue, unless the cue opens a new clause with و/ف ("ويتهمونها")
    waw = _conjoined(toks[i])
    prev = _subject_before_relative(text, toks, i, mentions, sent) or _subject_right_before(text, toks, i, mentions)
    if prev is not None:
        return prev, cue.end
    # no subject of its own ("وأضاف ...", "لكنه أكد ..."): the previous speaker; a second verb of the sentence
    # ("غادر النائب وليد جنبلاط المجلس ... وقال للصحافيين") has the sentence's subject, its first person
    opens = waw or i == 0 or toks[i - 1].norm in ("كما", "انه", "انها", "وانه", "وهو", "وهي")  # ("لكنه": above)
    # "... أن يفتح العلاقة عندما أعلن أن": a verb after "when" with no subject of its own has its clause's
    when = _after_when(toks, i)
    if cue.kind in ("report", "eval") and (waw or when) and i > 0:
        if not _spoke_before_in(state, sent, cue.start, toks[i].norm):
            # "...، حتى قرر الشيخ ... عندما أعلن": the clause after the comma
            clause = _after_last_comma(text, toks, i) if when else 0
            clause += when and clause < i and toks[clause].norm in ("حتي", "وحتي")  # "حتى قرر ...": until
            person = _initial_clause_subject(text, toks, sent, cue, mentions, clause)
            if when and person is not None and not _animate(toks, person, mentions):
                person = None  # "وارتفعت أسعار النفط بعدما أكدت أن", "وصفق الحاضرون عندما أعلن": not who spoke
            person = person or _first_before(text, cue.start, mentions, sent, person=True)
            if person is not None:
                return person, cue.end
    if cue.kind in ("continue", "report", "eval") and state.last_speaker is not None:
        if opens or cue.kind == "continue":
            return _resolved(state), cue.end
    return None


def _says_to_no_one(toks: list[Token], cue: Cue) -> bool:
    """A verb of saying that takes no person as its object ("قال", not "ابلغ"): a name after its subject's role is the
    role's holder, never the one told."""
    return cue.kind == "report" and not _form_in(toks[cue.token_index], _AR_OBJECT_B_VERBS)


# a dual head before the two names it stands for ("حركتا حماس والجهاد", "منظمتا العفو الدولية وهيومن رايتس ووتش")
_AR_DUAL_HEADS = _normalised(frozenset("""حركتا الحركتان منظمتا المنظمتان جماعتا الجماعتان حزبا الحزبان جبهتا
    الجبهتان دولتا الدولتان حكومتا الحكومتان وزارتا الوزارتان وزيرا الوزيران رئيسا الرئيسان زعيما الزعيمان
    صحيفتا الصحيفتان""".split()))

# "because": after an evaluative verb and one noun phrase, the reason for criticising it ("وانتقد الناتو لأنه ...")
_AR_BECAUSE = _normalised(frozenset("لان لأن لانه لأنه لانها لأنها لانهم لأنهم".split()))
# conjoined masculine singular verbs that take an object and a reason ("وانتقد حلف الناتو لأنه"; not "وانتقدت حماس
# لأنها": a feminine verb does not go on with a man's clause)
_AR_CRITICISE_HIM = _normalised(frozenset("وانتقد فانتقد وهاجم فهاجم واتهم فاتهم".split()))

# words before a place ("امام السفارة", "قرب مقر الامم المتحدة")
_AR_PLACE_WORDS = _normalised(frozenset("امام أمام قرب عند وسط داخل خارج حول مقر".split()))

_AR_ACCUSE = _normalised(frozenset("اتهم اتهمت اتهموا يتهم تتهم يتهمون".split()))
# verbs with an object and a ب-complement: "اتهم X بـ", "طالب X بـ", "هدد X بـ", "حث X على" is not one
_AR_OBJECT_B_VERBS = _AR_ACCUSE | _normalised(frozenset("""طالب طالبت طالبوا يطالب تطالب يطالبون هدد هددت هددوا يهدد
    تهدد يهددون وصف وصفت وصفوا يصف تصف ابلغ ابلغت يبلغ تبلغ هنا هنات يهنئ""".split()))
# evaluative verbs whose object comes with ب ("أشاد بـ", "رحب بـ", "ندد بـ", "طالب بـ", "اتهم ... بـ", "هدد بـ")
_AR_B_VERBS = _AR_ACCUSE | _normalised(frozenset("""اشاد اشادت اشادوا يشيد تشيد يشيدون رحب رحبت رحبوا يرحب ترحب
    يرحبون ندد نددت نددوا يندد تندد يندّدون طالب طالبت طالبوا يطالب تطالب يطالبون هدد هددت هددوا يهدد تهدد يهددون نوه
    نوهت ينوه تنوه اعترف اعترفت يعترف تعترف تمسك تمسكت يتمسك تتمسك اقر اقرت يقر تقر""".split()))

_AR_B_ADVERBS = _normalised(frozenset(
    "بالمقابل بالفعل بالاضافة بالإضافة بالامس بالأمس بالتالي بالذات بالتزامن بالتوازي".split()))


_AR_AMMA = _normalised(frozenset("اما واما".split()))  # "as for" (with alef hamza, normalised)


def _topic_after_amma(text: str, toks: list[Token], i: int, mentions: Sequence[Mention]) -> Optional[Mention]:
    """"أما X فـ<verb>" (as for X, he ...): the topic X is the subject of the verb its ف opens ("اما وزير الدولة للشؤون
    الخارجية كيم هاولز فوصف", "اما الرئيس السنيورة فقد اعتبر", "اما الوزير فانه يقول"), if it is an actor, a role or a
    body ("اما المحور الثالث فدعا" is a topic, not who calls) and the verb has no subject or object pronoun of its own
    ("اما اسرائيل فانتقدها الوزير", "اما لبنان فقد اعتبر رئيس وزرائه": Israel and Lebanon are what is spoken of). Its
    actor is the mention it opens with, else the person it names last."""
    w = toks[i].norm
    if w[:1] == "ف" and _unprefixed(w) != w:
        k = i  # "فوصف", "فيقول": the ف on the verb
    elif i > 0 and (toks[i - 1].norm == "فقد" or toks[i - 1].norm in _AR_SO_THAT):
        k = i - 1  # "فقد اعتبر", "فانه يقول"
    else:
        return None
    if _resumptive(toks[i]):
        return None
    j = _skip_time(toks, i + 1)
    if j < len(toks) and not re.search(r"[:«\"“]", text[toks[i].end : toks[j].start]) and (
            toks[j].norm in _AR_ROLE_HEADS or any(m.start == toks[j].start for m in mentions)):
        return None  # a subject after the verb speaks itself
    a = next((x for x in range(k - 1, max(-1, k - 14), -1) if toks[x].norm in _AR_AMMA), None)
    if a is None or a + 1 >= k or re.search(r"[.،,؛;:!?«»\"()]", text[toks[a].end : toks[k].start]) \
            or any(_is_cue_word(t) for t in toks[a + 1 : k]):
        return None
    topic = Mention(Span.of(text, toks[a + 1].start, toks[k - 1].end))
    if not _actor_headed(topic, mentions):
        return None
    first = next((m for m in mentions if m.start == topic.start and m.end <= topic.end and m.actor is not None), None)
    persons = [m for m in mentions if topic.start <= m.start and m.end <= topic.end and m.actor is not None
               and m.actor.type == "person"]
    return Mention(topic.span, first.actor if first is not None else persons[-1].actor if persons else None)


def _accused(text: str, toks: list[Token], i: int, j: int, m: Optional[Mention], mentions: Sequence[Mention]) -> bool:
    """Verb i is "اتهم" and the phrase at token j (mention `m`, else a definite word and its adjectives) is followed
    right away by its ب-complement ("اتهم النواب بالفساد", "واتهمت روسيا بارتكاب ..."): the phrase is the one accused
    (a subject would come before an object: "اتهمت الحكومة المعارضة بـ")."""
    if _unprefixed(toks[i].norm) not in _AR_ACCUSE:
        return False
    if m is not None:
        k = _first_at(toks, m.end)
    elif toks[j].norm.startswith("ال"):
        k = j + 1
        while k < len(toks) and toks[k].norm.startswith("ال") and _adjective_shaped(toks[k]) \
                and toks[k].norm not in _AR_ROLE_HEADS:  # (not "القاضي": "اتهم المحامي القاضي بالانحياز")
            k += 1
    else:
        return False
    if k >= len(toks) or re.search(r"[،,:«»\"()]", text[toks[k - 1].end : toks[k].start]) \
            or any(x.start == toks[k].start for x in mentions):  # "واتهمت الهند باكستان": a name, no preposition
        return False
    # the preposition: "بالفساد", "بارتكاب", "بأنها", "بـ«الإهمال»" (not a word of its own: "برلمانية"; not an
    # adverb: "واتهمت اسرائيل بالمقابل حركة حماس")
    w = toks[k].norm
    return (w.startswith("بال") and w not in _AR_B_ADVERBS or w in _AR_B_ACCUSED or toks[k].text.startswith("بـ"))


# nouns that govern لما as "what": "وفقا لما أعلن" (according to what was announced), no "when"
_AR_GOVERNS_WHAT = _normalised(frozenset("وفقا طبقا تبعا خلافا استنادا نظرا مخالفة اضافة إضافة".split()))


def _after_when(toks: list[Token], i: int) -> bool:
    """Verb i follows "عندما"/"بعدما"/"لما" ("when") with an active reading: not "وفقا لما أعلن" (what), not "عندما
    أعلن عن"/"بعدما اتهم بالتجسس" (with no subject these are passives: it was announced, he was accused)."""
    if i == 0 or toks[i - 1].norm not in _AR_WHEN:
        return False
    if toks[i - 1].norm in ("لما", "ولما") and i > 1 and toks[i - 2].norm in _AR_GOVERNS_WHAT:
        return False
    nxt = toks[i + 1].norm if i + 1 < len(toks) else ""
    return nxt != "عن" and not (_unprefixed(toks[i].norm) in _AR_ACCUSE and nxt.startswith("ب"))


def _animate(toks: list[Token], m: Mention, mentions: Sequence[Mention]) -> bool:
    """A subject that can speak: a role ("الشيخ", "الوزير") or a known actor that is no country or place."""
    k = _first_at(toks, m.start)
    if k < len(toks) and _form_in(toks[k], _AR_ROLE_HEADS):
        return True
    actor = m.actor or next((x.actor for x in mentions if x.start == m.start and x.actor is not None), None)
    return actor is not None and (actor.type != "country" or is_people(m))  # (a country's people: "الفلسطينيين")


def _new_clause_between(toks: list[Token], start: int, end: int, mentions: Sequence[Mention]) -> bool:
    """A verb with و and its subject mention between offsets start and end ("وهم عزل ورفع الأهالي لافتات"): a new
    clause, so a "وهم" before it does not reach past it."""
    inside = [k for k, t in enumerate(toks) if start <= t.start and t.end <= end]
    return any(toks[k].norm.startswith("و") and len(toks[k].norm) > 3 and k + 1 < len(toks)
               and any(m.start == toks[k + 1].start for m in mentions) for k in inside)


# reporting forms that inside another statement's content are mostly not speech: "يعتبر" (is considered), "يبلغ" (is
# aged / amounts to), "يعتقد" (it is believed)
_AR_NOT_NESTED = _normalised(frozenset("يعتبر تعتبر يعتبرون يبلغ تبلغ يعتقد تعتقد".split()))

_AR_RESUMPTIVE = _normalised(frozenset("به بها بهم بهما فيه فيها فيهم عنه عنها عنهم منه منها اليه اليها اليهم".split()))


def _protesting_before(text: str, toks: list[Token], i: int, mentions: Sequence[Mention]) -> Optional[Mention]:
    """The people right before "احتجاجا" (token i) who protest: "أوساط المسلمين المتظاهرين احتجاجا على ...", a
    mention of plurals in -ين/-ون ending at the cue; not an object ("السفير الايراني", "اعلام فلسطين"), a country or
    a place ("امام السفارة الاميركية", "في فلسطين")."""
    if i == 0 or text[toks[i - 1].end : toks[i].start].strip():
        return None
    m = _mention_ending_before(toks[i].start, toks[i - 1].start, mentions)
    if m is None or m.end != toks[i - 1].end:
        return None
    first = _first_at(toks, m.start)
    plural = toks[first].norm.endswith(("ين", "ون")) and toks[i - 1].norm.endswith(("ين", "ون"))
    country = any(x.actor is not None and x.actor.type == "country" and x.start < toks[i - 1].end
                  and toks[i - 1].start < x.end for x in mentions)
    placed = first > 0 and (toks[first - 1].norm in _AR_PREPOSITIONS or toks[first - 1].norm in _AR_PLACE_WORDS)
    return m if plural and not country and not placed else None


def _after_last_comma(text: str, toks: list[Token], i: int) -> int:
    """The token after the last comma before token i (0, the sentence's start, when none)."""
    return next((k for k in range(i - 1, 0, -1) if re.search(r"[،,]", text[toks[k - 1].end : toks[k].start])), 0)


def _possessed_noun(tok: Token) -> bool:
    """A noun with a possessive pronoun ("مسؤوليته", "قلقها", "دعمهم"), no preposition, adverb or article."""
    w = tok.norm
    return len(w) > 4 and w.endswith(_AR_THIRD_PERSON_SUFFIXES) and not w.startswith(("ال", "لل")) \
        and w[:1] not in ("ل", "ب") and w not in _AR_PREPOSITIONS and w not in _AR_STOP_NAME


def _plural_verb(tok: Token) -> bool:
    """A verb with a plural subject suffix (هتفوا، يطالبون، ويتهمونها): in verb-subject order Arabic verbs are singular."""
    w = tok.norm
    return len(w) > 4 and (w.endswith("وا") or w.endswith("ون") or re.search(r"ون(ها|ه|هم|ك|كم|نا)$", w) is not None)


_AR_AFTER_EVENT = _normalised(frozenset("بعد وبعد قبل وقبل سبق منذ عقب إثر اثر لدى عند حين فور".split()))


# nouns of events a reporting verb confirms, announces or denies ("أكدت X مقتل", "أعلن X اعتقال"): its object
_AR_EVENT_OBJECTS = _normalised(frozenset(
    "مقتل مصرع وفاة اغتيال اعتقال توقيف اصابة إصابة سقوط وقوع انفجار استشهاد فقدان اختطاف خطف اطلاق إطلاق".split()))


def _after_subject(text: str, toks: list[Token], end: int, mentions: Sequence[Mention]) -> int:
    """Where the content may start after a verb-subject speaker ending at `end`: past time words and an addressee
    ("وقال الوزير لـ«الشرق الأوسط» أمس إن ..." -> after "أمس"), and past the speaker's initials or closing bracket
    ("ذكرت وكالة الأنباء الألمانية (د.ب.أ) أن", "وأضافت (د.ب.أ) أن")."""
    for pattern in (_AR_INITIALS, _CLOSING_BRACKET):
        after = pattern.match(text, end)
        end = after.end() if after else end
    end = _past_bracket(text, toks, end)
    held = _held_in(text, end, mentions)  # "مبعوث الأمم المتحدة لدى اليمن إن", "وزير الخارجية الأميركي في القاهرة إن"
    after_held = _token_from(toks, held) if held is not None else None
    if after_held is not None and after_held.norm in _AR_THAT:
        end = held
    k0 = _first_at(toks, end)
    if k0 < len(toks) and toks[k0].norm in _AR_WHEN:  # "وأكد المتحدث حين سئل عن مصير المعتقلين أن": the occasion
        that = next((e for e in range(k0 + 1, min(len(toks), k0 + 10)) if toks[e].norm in _AR_THAT), None)
        if that is not None and not re.search(r"[.!?؟«»:\"]", text[toks[k0].end : toks[that].start]):
            return toks[that].start
    k = k0
    for _ in range(3):  # "عمرو موسى الأمين العام للجامعة في تصريحات للصحافيين أمس": role, occasion, addressee, time
        nxt = _skip_time(toks, _skip_addressee(text, toks, _skip_time(toks, _skip_apposition(text, toks, k, mentions)),
                                              mentions))
        if nxt == k:
            break
        k = nxt
    if k == k0:
        return end
    pos = toks[k - 1].end  # right after what was skipped: an opening quotation mark stays with the content
    closing = _CLOSING_BRACKET.match(text, pos)  # ... its closing bracket does not: "(د.ب.أ) بأن"
    if closing is None and text.count("«", end, pos) > text.count("»", end, pos):
        closing = _CLOSING_QUOTE.match(text, pos)  # nor the addressee's closing quote: "لـ«الحياة» إن"
    return closing.end() if closing else pos


_CLOSING_BRACKET = re.compile(r"[.\s]*\)")

_CLOSING_QUOTE = re.compile(r"\s*»")

# verbs that report words only with their content marked ("وشرح مصدر ... أن", "ويشرح: «...»"); else the noun after
# the subject is what is explained
_AR_EXPLAIN = _normalised(frozenset("شرح شرحت يشرح تشرح شرحوا".split()))

_AR_GOVERN_L = _normalised(frozenset("وفقا طبقا".split()))  # source words whose source is written on ل


def _while_clause(text: str, toks: list[Token], i: int, sent: Span) -> bool:
    """Cue i opens "وفي الوقت الذي ذكر X أن ...، ..." (while X said) at the head of the sentence or after a comma: its
    subject follows it as after any verb (not "... في الوقت الذي تؤكد فيه ..." inside a clause: whereas)."""
    if i < 3 or toks[i - 1].norm not in _AR_RELATIVE or toks[i - 2].norm != "الوقت" \
            or toks[i - 3].norm not in ("في", "وفي", "ففي"):  # (not "وفي الوقت نفسه قال": at the same time)
        return False
    before = text[sent.start : toks[i - 3].start].rstrip()
    return not before or before.endswith(("،", ","))


_AR_DEMONSTRATIVES = _normalised(frozenset("هذه هذا هؤلاء تلك ذلك".split()))
_AR_CAN_SPEAK = _AR_SOURCES | _AR_BODY_NOUNS  # (after a demonstrative, with ال: "هذه المصادر", "هذه الوزارة")

_AR_SPEAKER_GOES_ON = _normalised(frozenset("فيما وفيما لكنه ولكنه كما وكما ثم وكان كان وقد قد بينما".split()))

# the occasion right after a verb of saying, whose ل-phrase is the one told: an interview, or statements made to
# someone ("وقال في تصريحات للجزيرة انه": Al Jazeera is told, the speaker is not written)
_AR_INTERVIEWS = _normalised(frozenset("""مقابلة مقابلته مقابلتها حديث حديثه حديثها لقاء لقائه لقائها تصريح تصريحه تصريحها
    تصريحات تصريحاته تصريحاتها""".split()))

_AR_SPEECH_NOUNS = _normalised(frozenset(
    "تصريح تصريحات حديث مؤتمر بيان مقابله كلمه رساله خطاب محاضره لقاء اتصال ندوه تصريحاته حديثه كلمته خطابه".split()))


# past-tense cues that start with ت like a present-tense verb ("الذي تحدث عن ...")
_AR_PAST_T = _normalised(frozenset("تحدث تحدثت تحدثوا تمنى تمنت تمنوا تساءل تساءلت تابع تابعت تابعوا".split()))

_AR_NON_AGENT_SOURCES = _normalised(frozenset(
    """تقديرات التقديرات أمر امر الأمر سيناريو السيناريوهات إحصاءات احصاءات الإحصاءات الاحصاءات أرقام ارقام الأرقام
    المخطط الخطة خطة قرار القرار قرارات القرارات تعليمات التعليمات دستور الدستور قانون القانون نتائج النتائج اتفاق
    الاتفاق اتفاقية الاتفاقية شروط الشروط قواعد القواعد معايير المعايير مبادئ المبادئ اجراءات الاجراءات جدول الجدول
    برنامج البرنامج التوقيت توقيت""".split()))  # ("بحسب التوقيت المسجل": a time)


_AR_THAT_IT = _normalised(frozenset("بانه بانها بانهم بأنه بأنها بأنهم".split()))  # "وصف X بأنه": X is described

_AR_DESCRIBE = _normalised(frozenset("وصف وصفت وصفوا يصف تصف يصفون".split()))

_AR_HE_BUT = _normalised(frozenset("لكنه لكنها ولكنه ولكنها لكنهم ولكنهم".split()))

_AR_SLOGANS = _normalised(frozenset("هتافات لافتات شعارات".split()))  # (not "لافتة": also "notable")

# "وهم يرددون": a circumstantial clause whose plural pronoun is the main clause's subject
_AR_WHILE_THEY = re.compile(r"(?:^|\s)وه(?:م|ن)\s")


def _skip_apposition(text: str, toks: list[Token], k: int, mentions: Sequence[Mention] = ()) -> int:
    """Past what describes a verb-subject speaker before the content starts: a role in apposition ("عمرو موسى
    الأمين العام لجامعة الدول العربية"), a relative clause ("الذي عمل ..."), or the occasion ("في تصريحات
    للصحافيين", "خلال مؤتمر صحافي"), when the content ("إن", a quotation, a colon) follows within 15 words. With
    no content marker, a role is skipped with its genitive chain, up to the name of its holder when one of
    `mentions` names a person there, or a name the dictionary lacks ("الميجور تشارلز أنطوني تعرض قافلة ...": the
    content starts at the verb)."""
    if k >= len(toks):
        return k
    w = toks[k].norm
    occasion = w in ("في", "خلال") and k + 1 < len(toks) and toks[k + 1].norm in _AR_SPEECH_NOUNS
    if not (w in _AR_ROLE_HEADS or w in _AR_RELATIVE or occasion):
        return k
    if occasion:  # "في تصريحات صحافية", "خلال مؤتمر صحافي": the occasion and its adjective
        e = k + 2
        if e < len(toks) and toks[e].norm.endswith(("يه", "ي")) and not toks[e].norm.startswith("لل") \
                and not re.search(r"[،,:\"«»]", text[toks[e - 1].end : toks[e].start]):
            e += 1
        if e < len(toks) and re.match(r"\s*[،,]", text[toks[e - 1].end : toks[e].start]) \
                and toks[e].norm not in _AR_THAT:  # ("في بيان، إن ...، لأن": the content is already there)
            # "في بيان، صدر مساء أمس، إن": a clause on the occasion set off by commas
            that = next((x for x in range(e + 1, min(len(toks), e + 8))
                         if toks[x].norm in _AR_THAT and toks[x].norm != "لان"), None)
            if that is not None and re.search(r"[،,]", text[toks[that - 1].end : toks[that].start]):
                return that
        return e
    for e in range(k + 1, min(len(toks), k + 16)):
        gap = text[toks[e - 1].end : toks[e].start]
        if toks[e].norm in _AR_THAT or any(q in gap for q in _QUOTES + ":"):
            return e
    if w in _AR_ROLE_HEADS:  # no content marker: skip the role and its genitive chain only
        if _b_complement_after(toks, k):
            return k  # "واتهم المحامي القاضي بالانحياز": a role with a ب-complement is the object, no apposition
        e = k + 1
        while e < len(toks) and e - k < 8 and toks[e].norm not in _AR_STOP_NAME and not _is_time(toks, e) \
                and not re.search(r"[،,:;]", text[toks[e - 1].end : toks[e].start]) \
                and not _is_cue_word(toks[e]):
            holder = next((m for m in mentions if m.start == toks[e].start and (
                m.actor.type == "person" if m.actor is not None
                else _name_like(toks[e]) and not toks[e].text.endswith(("ة", "ه")))), None)
            # (a name the dictionary lacks opens with a name-like word, not a noun in ة: "شرطة ولاية هلمند")
            if holder is not None:
                return _first_at(toks, holder.end)  # the holder's name ends the phrase
            e += 1
        return e
    return k


# verbs of telling whose object stands between the subject and "أن" ("أبلغ الوزير الدبلوماسيين أن"): no tail there
_AR_TELL = _normalised(frozenset("""ابلغ ابلغت ابلغوا يبلغ تبلغ اخبر اخبرت يخبر تخبر حذر حذرت حذروا يحذر تحذر طمان
    طمانت يطمئن""".split()))


# verbs whose person object may follow their subject ("ابلغ X رئيس الوزراء ان", "دعا X رئيس الوزراء الى", "حث X
# الوزير على"); "حذر" is left out: after a name, what follows it was its office in every case of the train texts
_AR_PERSON_OBJECT = _AR_OBJECT_B_VERBS | _normalised(frozenset("""اخبر اخبرت يخبر تخبر طمان طمانت يطمئن دعا دعت دعوا
    يدعو تدعو حث حثت حثوا يحث تحث ناشد ناشدت ناشدوا يناشد تناشد""".split()))


def _says_without_object(toks: list[Token], cue: Cue) -> bool:
    """Whether the cue is no verb whose person object may follow its subject (`_AR_PERSON_OBJECT`: "ابلغ", "اتهم",
    "طالب", "دعا"), so that an office right after a named subject describes it ("وأدان X مستشار الرئيس")."""
    return not _form_in(toks[cue.token_index], _AR_PERSON_OBJECT)


# adjectives of a source or an official that are not nisbas ("مصدر امني رفيع", "مصادر مطلعة", "محلل مستقل")
_AR_SOURCE_ADJECTIVES = _normalised(frozenset("""رفيع رفيعه رفيعا مطلع مطلعه مطلعون مطلعين كبير كبيره كبار بارز
    بارزه مستقل مستقله""".split()))
_AR_SPOKEN_FOR = _normalised(frozenset("في من لدى باسم".split()))
# nouns that govern "أن" after a reporting verb ("أكد ضرورة أن", "استبعد احتمال أن"): the object, never the speaker's
_AR_THAT_NOUNS = _normalised(frozenset("""ضرورة اهمية أهمية احتمال امكانية إمكانية امكان إمكان استعداد تأكيد صحة حرص
    رغبة عزم مرة حينها حينذاك نهاية بداية عبر حقيقة ثقة قناعة امل أمل""".split()))


# words that never continue a speaker's name: a particle or adverb opening the clause ("المصدر فقد فجر", "المسؤولون
# وسوف تذهب"; not "بأن", which is also "بان كي مون"), a participle or verbal noun of saying ("المسؤول موضحاً", "حسن
# طاهر بقوله"), and the verbal nouns that open what is announced or denied ("أعلن مصدر أمني مقتل ...", "نفى الموسوي
# وجود صفقة")
_AR_NOT_OF_A_NAME_NOUNS = _normalised(frozenset("وجود مقتل مصرع".split()))
_AR_NOT_OF_A_NAME = _normalised(frozenset("""أن ان إن انه أنه إنه وسوف سوف فقد وقد كيف قائلا قائلة قائلاً قائلين
    موضحا موضحاً موضحة مضيفا مضيفاً مضيفة مشيرا مشيراً مشيرة مؤكدا مؤكداً مؤكدة معتبرا معتبراً معتبرة بقوله بقولها
    قوله قولها النقاب""".split())) | _AR_NOT_OF_A_NAME_NOUNS  # ("كشف كاربنتر النقاب عن": the veil lifted)


def _without_trailing_words(text: str, speaker: Mention, after: int,
                            mentions: Sequence[Mention] = ()) -> tuple[Mention, int]:
    """An Arabic speaker span cut before a word no name goes on with (`_AR_NOT_OF_A_NAME`), a quotation it opens
    and does not close ("نائب في فريق 14 آذار «لقد قام ..."; the closing mark of reversed guillemets, "شركة
    »التعاونية للتأمين«", closes a name) or a bracket it opens and does not close ("مسؤول مكتب »المجلس الأعلى«
    (بزعامة ..."), its content starting there; (speaker, content start),
    unchanged when its words all read as a name. The first word always stays (a speaker is never emptied); so do
    words of a quoted or bracketed name ("قناة «سي إن إن تورك»"), initials ("شبكة سي إن إن الأمريكية"), the name
    "آن" ("السفيرة الأمريكية آن باترسون") and a verbal noun after a preposition ("لجنة التحقيق في مقتل الحريري").
    The actor stays only if one of `mentions` inside the cut span carries it ("مصادر رسمية مقتل زعيم تنظيم القاعدة
    أسامة بن لادن": not bin Laden's). A speaker carried over from an earlier sentence is left as it is.

    >>> text = "وأعلن مصدر أمني مقتل ثلاثة"
    >>> sp, after = _without_trailing_words(text, Mention(Span(6, 20, text[6:20])), 20)
    >>> sp.text, text[after:]
    ('مصدر أمني', ' مقتل ثلاثة')
    """
    if speaker.resolved:
        return speaker, after
    span = text[speaker.start : speaker.end]

    def quoted(i: int) -> bool:  # inside a name in quotes or brackets: "قناة «سي إن إن تورك»", "(سي ان ان)"
        return span.count("«", 0, i) > span.count("»", 0, i) or span.count("(", 0, i) > span.count(")", 0, i) \
            or span.count('"', 0, i) % 2 == 1

    words = list(re.finditer(r"\S+", span))

    def ends_name(k: int) -> bool:
        raw = words[k].group().strip("،,:")
        norm = normalize_arabic(raw)
        if norm not in _AR_NOT_OF_A_NAME or quoted(words[k].start()) or raw.startswith("آ"):
            return False
        if norm in ("ان", "إن") and any(len(normalize_arabic(w.group())) <= 2 for w in words[k - 1 : k + 2] if w is not words[k]):
            return False  # "سي إن إن": initials
        if norm in _AR_NOT_OF_A_NAME_NOUNS and normalize_arabic(words[k - 1].group()) in _AR_PREPOSITIONS:
            return False  # "لجنة التحقيق في مقتل الحريري"
        return True

    cut = next((speaker.start + words[k].start() for k in range(1, len(words)) if ends_name(k)), None)
    quote = text.find("«", speaker.start + 1, speaker.end)
    if quote != -1 and text.rfind("»", speaker.start, quote) != -1:
        quote = -1  # "شركة »التعاونية للتأمين«": the reversed guillemets some papers write close a name
    while quote != -1 and "»" in text[quote : speaker.end]:
        quote = text.find("«", text.index("»", quote, speaker.end), speaker.end)
    if quote != -1:
        cut = quote if cut is None else min(cut, quote)
    bracket = text.rfind("(", speaker.start + 1, speaker.end)
    if bracket != -1 and ")" not in text[bracket : speaker.end]:  # "مسؤول مكتب »المجلس الأعلى« (بزعامة ...":
        cut = bracket if cut is None else min(cut, bracket)  # a bracket it opens and does not close
    if cut is None:
        return speaker, after
    end = speaker.start + len(re.sub(r"[\s،,:\-–ـ]+$", "", text[speaker.start : cut]))
    if end <= speaker.start:
        return speaker, after
    actor = speaker.actor
    if actor is not None:
        inside = [m for m in mentions if speaker.start <= m.start and m.end <= end and m.actor is not None]
        if not any(m.actor.id == actor.id for m in inside):
            actor = max(inside, key=lambda m: m.end - m.start).actor if inside else None
    return replace(speaker, span=Span.of(text, speaker.start, end), actor=actor), end


def _subject_tail(text: str, toks: list[Token], cue: Cue, speaker: Mention, after: int,
                  mentions: Sequence[Mention]) -> tuple[Mention, int]:
    """A verb-subject speaker whose phrase goes on past where it was cut, up to the content ("إن", a quotation or a
    colon a few words on): its adjective ("مصدر امني عراقي رفيع ان"), the body it speaks in or for ("مسؤول في
    الشرطة «...", "متحدث باسم الجيش الاسباني ان"), the rest of its name ("مفتي جبل لبنان الشيخ محمد علي الجوزو:"),
    or a role's genitive ("مدير العلاقات العامة في مستشفى ناصر، إن"), after a short bracket too ("محطة تلفزيون
    (سي.ان.ان) الاخبارية الاميركية ان"); the body a mention and no country or city, not the occasion ("في الشريط")
    or the time ("في وقت لاحق"), and never for a named person ("العميد عبد الكريم الجبوري من شرطة المدينة"); no noun
    that governs "أن" ("باراك أوباما ضرورة أن"); "لأن" is no content marker. The words up to the content are then
    the speaker's, not content with targets in it. (speaker, content start), unchanged when the words do not read
    so."""
    if cue.kind != "report" or speaker.resolved or speaker.start < cue.end \
            or _unprefixed(toks[cue.token_index].norm) in _AR_TELL or text[speaker.end : after].strip() \
            or toks[cue.token_index].norm.lstrip("وف").startswith("نقل"):  # ("نقلت عن X قوله": set already)
        return speaker, after
    bracket = _SHORT_BRACKET.match(text, speaker.end)  # "محطة تلفزيون (سي.ان.ان) الاخبارية الاميركية ان"
    k = _first_at(toks, bracket.end() if bracket else after)
    if k >= len(toks) or toks[k].norm in _AR_THAT | _AR_SO_THAT \
            or re.search(r"[.!?؟:«»\"“”()]", text[bracket.end() if bracket else speaker.end : toks[k].start]):
        return speaker, after
    end, own_cue = None, False
    for e in range(k, min(len(toks), k + 8)):
        gap = text[toks[e - 1].end : toks[e].start] if e > k else ""
        if e > k and (toks[e].norm in _AR_THAT - {"لان"} or any(q in gap for q in _QUOTES + ":")):
            break  # ("لأن" is "because", or the object's "لأن تساعد")
        past_clause = _skip_apposition(text, toks, e, mentions) if toks[e].norm in _AR_RELATIVE else e
        if e > k and past_clause != e and not re.search(r"[.!?؟»()]", gap):
            end = e if end is None else end  # "ممثل البحرين الذي راست دولته الاجتماع ان": the clause describes it
            # (unless it says something itself: "لما قاله متحدث باسم الشرطة الاثيوبية، الذي قال: ...": its cue
            # opens a statement of its own, so the content does not start past it)
            own_cue = any(_is_cue_word(t) for t in toks[e + 1 : past_clause])
            break
        if re.search(r"[.!?؟»()]", gap) or _is_cue_word(toks[e]) or toks[e].norm in _AR_RELATIVE \
                or toks[e].norm in _AR_SO_THAT or toks[e].norm in _AR_THAT_NOUNS:
            return speaker, after
        if end is None and e > k and (_skip_addressee(text, toks, e, mentions) != e or _is_time(toks, e)
                                      or toks[e].norm in ("في", "خلال") and e + 1 < len(toks)
                                      and toks[e + 1].norm in _AR_SPEECH_NOUNS):
            end = e  # the speaker's phrase ends before its addressee, the time or the occasion
    else:
        return speaker, after
    end = e if end is None else end
    j = _first_at(toks, speaker.end)
    words = toks[_first_at(toks, speaker.start) : j]  # the speaker's words
    has_name = speaker.actor is not None and speaker.actor.type == "person" or any(
        m.actor is not None and m.actor.type == "person" and m.start < speaker.end and speaker.start < m.end
        for m in mentions) or _ends_in_name(words[-3:])
    if has_name and toks[k].norm in _AR_SPOKEN_FOR:
        return speaker, after  # "الرائد سلام زنكنة من شرطة المدينة": a named person's body is not its name
    # a name goes on ("الشيخ محمد علي الجوزو") by two words at most
    named = (not has_name or _name_like(toks[j - 1]) and end - k <= 2) and end - k <= 3 \
        and all(_name_like(toks[x]) or x == end - 1 > k and toks[x].norm.startswith("ال") for x in range(k, end)) \
        and not toks[k].norm.startswith(("ب", "ل", "و")) and any(w.norm in _AR_ROLE_HEADS for w in words)
    # (the role holder's name after the role, its family name perhaps definite: "المتحدث باسم وزارة الداخلية
    # الافغانية زماراي بشاري", "مفتي جبل لبنان الشيخ محمد علي الجوزو")
    if not named and not all(_goes_on(toks, x, x == k, mentions) for x in range(k, end)):
        return speaker, after
    longer = Mention(Span.of(text, speaker.start, toks[end - 1].end), speaker.actor)
    return longer, longer.end if own_cue else _after_subject(text, toks, longer.end, mentions)


def _with_trailing_nisba(text: str, toks: list[Token], cue: Cue, speaker: Mention, after: int,
                         mentions: Sequence[Mention]) -> tuple[Mention, int]:
    """A verb-subject speaker cut before its own nisba adjectives, its content made to start on them ("وكالة الانباء
    الإثيوبية الرسمية", "عضو اللجنة التنظيمية", "مجلس الأمن القومي في جورجيا"): the speaker runs over them. Each
    agrees with the word before it, a feminine one ("-ية") after a word in ة or ات, a masculine one ("-ي") after any
    other; a plural ("العراقيين"), a broken plural in ي ("الاهالي"), a participle of a root in ي ("واتهم المحامي
    القاضي") and a country after a known body ("واتهمت منظمة العفو الدولية السعودية") are the verb's object.
    (speaker, content start), unchanged when no such word follows."""
    if speaker.resolved or speaker.start < cue.end or text[speaker.end : after].strip():
        return speaker, after
    k = first = _first_at(toks, speaker.end)
    end = None
    while k < len(toks) and k > 0 and toks[k].start >= speaker.end \
            and not text[toks[k - 1].end : toks[k].start].strip():
        w, before = toks[k].norm, toks[k - 1].norm
        feminine = w.endswith("يه") and len(w) >= 6 and before.endswith(("ه", "ات"))
        # (not a participle of a root in ي, a noun as often: "القاضي", "المحامي", "النادي"; "-اني" is a nisba)
        masculine = w.endswith("ي") and len(w) >= 5 and not before.endswith(("ه", "ات")) \
            and not (w[-3] == "ا" and not w.endswith("اني"))
        country = speaker.actor is not None and any(
            m.start == toks[k].start and m.actor is not None and m.actor.type == "country" for m in mentions)
        if not w.startswith("ال") or w in _AR_BROKEN_PLURALS_IN_Y or not (feminine or masculine) or country:
            break  # (a country after a known body is its object: "واتهمت منظمة العفو الدولية السعودية")
        end, k = k, k + 1
    if end is None:
        return speaker, after
    actor = speaker.actor
    if actor is not None and actor.type == "organisation" and not is_country_code(actor.affiliation) \
            and any(t.norm in _AR_NATIONAL for t in toks[first : end + 1]):
        actor = None  # "مجلس الأمن القومي في جورجيا": a country's national council, not the UN's
    longer = Mention(Span.of(text, speaker.start, toks[end].end), actor)
    return longer, _after_subject(text, toks, longer.end, mentions)


_AR_NATIONAL = _normalised(frozenset("القومي القومية الوطني الوطنية".split()))  # national: of some country

# broken plurals written like a nisba ("الاهالي": the residents): nouns, no adjective of the word before
_AR_BROKEN_PLURALS_IN_Y = _normalised(frozenset("الاهالي الأهالي الاراضي الأراضي المباني الضواحي الايادي الأيادي".split()))


# nouns of a country's divisions, in construct with the division's name ("محافظة بابل", "ولاية هلمند")
_AR_DIVISIONS = _normalised(frozenset("محافظة ولاية مدينة منطقة ناحية قضاء اقليم إقليم مديرية بلدة قرية".split()))


def _goes_on(toks: list[Token], x: int, first: bool, mentions: Sequence[Mention]) -> bool:
    """Whether token x carries on the speaker's phrase that token x - 1 is part of (`_subject_tail`): a nisba or a
    source's adjective agreeing with the word before it; "في"/"من"/"باسم" before a mention; a word of a mention; a
    role; a genitive after a construct noun ("مدير العلاقات", "طائفة الموحدين"); past the first word, a definite
    word after a definite one ("العلاقات العامة")."""
    w, prev = toks[x], toks[x - 1]
    if _is_cue_word(w) or w.norm in _AR_STOP_NAME and w.norm not in _AR_SPOKEN_FOR \
            or any(m.start == w.start + 1 for m in mentions):
        return False  # ("حركة فتح والجبهة الشعبية": a conjunct speaks too, `_conjuncts`; but "مدير شرطة الاقضية
        # والنواحي" is one phrase)
    if w.norm in _AR_THAT_NOUNS:
        return False  # "مسؤول أمني عراقي أهمية أن": the object, though shaped like a nisba
    if w.norm == "المستوي" and prev.norm in ("رفيع", "رفيعه", "عالي", "عاليه"):
        return True  # "مسؤول محلي رفيع المستوى"
    definite = w.norm.startswith(("ال", "وال"))
    person = any(m.start == w.start and m.actor is not None and m.actor.type == "person" for m in mentions)
    if not definite and prev.norm.startswith(("ال", "وال")) and prev.norm not in _AR_ROLE_HEADS and not person \
            and w.norm not in _AR_ROLE_HEADS | _AR_SPOKEN_FOR:
        return False  # "في الشرطة إمكانية": an indefinite word after a definite one starts another phrase
    construct = not prev.norm.startswith(("ال", "وال", "ب", "ل")) and not _adjective_shaped(prev) \
        and prev.norm not in _AR_SOURCE_ADJECTIVES
    if prev.norm in _AR_DIVISIONS and (_name_like(w) or any(
            m.start == w.start and (m.actor is None or m.actor.type != "person") for m in mentions)) \
            or w.norm in _AR_DIVISIONS and construct:
        return True  # "مصدر بشرطة محافظة بابل ان", "مسؤول في شرطة ولاية هلمند": the province the body serves
    agrees = definite == prev.norm.startswith(("ال", "وال"))  # "الشرطة إمكانية": a noun, no adjective of it
    return (_adjective_shaped(w) or w.norm in _AR_SOURCE_ADJECTIVES) and agrees or w.norm in _AR_ROLE_HEADS \
        or w.norm in _AR_SPOKEN_FOR and x + 1 < len(toks) and any(
            m.start == toks[x + 1].start and (m.actor is None or m.actor.type != "country") for m in mentions) \
        or any(m.start < w.start < m.end for m in mentions) or any(m.start == w.start for m in mentions) and not first \
        or definite and (construct or prev.norm == "باسم" or not first and prev.norm.startswith(("ال", "وال")))


def _ends_in_name(words: list[Token]) -> bool:
    """Whether a phrase (its last words) ends in a personal name: a name-like last word that is no adjective
    ("الرائد سلام زنكنة", "باراك أوباما"), or a family nisba after a name ("حسن الكروي", "عبد الكريم الجبوري"), not a
    nationality after a noun ("السفير الأمريكي", "وزارة الداخلية الافغانية")."""
    if not words:
        return False
    last = words[-1]
    if _name_like(last):
        return not _adjective_shaped(last) and last.norm not in _AR_SOURCE_ADJECTIVES
    before = words[-2] if len(words) > 1 else None
    return before is not None and last.norm.startswith("ال") and _adjective_shaped(last) and (
        _name_like(before) and not _adjective_shaped(before) or len(words) > 2 and words[-3].norm == "عبد")
