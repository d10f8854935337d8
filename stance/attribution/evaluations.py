"""Statements with no verb of saying, in English and French (session 42, from the train sentences' misses).

`nominal_evaluations`: evaluations. A role
of support or opposition in apposition or after a copula ("Adelson, a fierce supporter of Netanyahu", "Le maire,
fervent soutien de Nicolas Sarkozy"), a possessed act ("Trump's attacks on Muslims") and phrasal verbs of blame and
support ("Trump lashed out at Khan", "Marine Le Pen s'en est prise à Emmanuel Macron", "a apporté son soutien à").
Each makes the name before it speak of the names after it; the attribution model and the cue rules, trained and
written for reported speech, miss them.

`colon_statements`: an English sentence that opens with a name and a colon, as headlines quote ("McCaul: If elected, Hillary
Clinton could be impeached", "Black Democrats to Hillary Clinton: Send Money to Take Congress")."""
from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, replace
from typing import Sequence

from ..records import Mention, Span, Statement
from ..text import split_sentences
from .english import _POSSESSIVE, _agent_end, _clause_subject, _sentence_of


@dataclass(frozen=True)
class _Patterns:
    role_of: re.Pattern  # after the name: a link (comma or copula), then the role noun ("cue") and "of"
    possessed: re.Pattern | None  # after the name: a possessive, then the act ("cue") and its preposition
    phrasal: re.Pattern  # after the name: the phrasal verb ("cue") with its preposition
    group_head: re.Pattern | None  # a group's head noun after a name ("Teachers unions", "the Rubio campaign")
    phrase_end: re.Pattern  # where the phrase evaluated ends


_EN_ROLES = r"supporters?|backers?|allies|ally|champions?|defenders?|admirers?|critics?|opponents?|foes?|detractors?"
_EN_ACTS = r"support|backing|endorsement|criticism|praise|attacks?|condemnation|denunciation|opposition"
_FR_ROLES = (r"soutiens?|partisan(?:e|s|es)?|alli(?:é|ée|és|ées)|critiques?|adversaires?|opposant(?:e|s|es)?|"
             r"détract(?:eur|eurs|rice|rices)|défenseurs?|fidèles?|admirat(?:eur|eurs|rice|rices)|pourfendeurs?")

_PATTERNS = {
    "en": _Patterns(
        # "X, a fierce supporter of Y" / "X is one of the earliest and most enthusiastic supporters of Y" (what may
        # stand between the article and the noun: `_fills_a_role`)
        role_of=re.compile(
            r"(?P<link>\s*,\s+|\s+(?:(?:is|are|was|were|remains|remained|became|becomes|has\s+been|have\s+been|"
            r"had\s+been)\s+(?:\w+ly\s+|also\s+|still\s+|long\s+)?))"
            r"(?P<det>(?:an|a|the|his|her|their|its|one\s+of\s+(?:the|his|her|their|a\s+(?:clutch|handful|host|group|"
            r"number)\s+of)|among(?:\s+the)?)\s+)?"
            r"(?P<fill>(?:[\w-]+\s+){0,4}?)"
            r"(?P<cue>" + _EN_ROLES + r")\s+of\s+", re.IGNORECASE),
        # "X's support for Y", "Trump's attacks on Muslims", "Sanders' criticism of Clinton"
        possessed=re.compile(
            r"['’]s?\s+(?P<fill>(?:[\w-]+\s+){0,2}?)(?P<cue>" + _EN_ACTS + r")\s+(?:of|for|on|against|to)\s+",
            re.IGNORECASE),
        # "X announced / pledged / threw his support for / to / behind Y"; "lashed out at", "took a swipe at",
        # "heaped criticism on", "railed against", "hit out at", "came out against"
        phrasal=re.compile(
            r"\s+(?:(?:has|have|had)\s+)?(?:\w+ly\s+|also\s+|again\s+|then\s+)?(?P<cue>"
            r"(?:announc|pledg|voic|express|offer|lend|lent|declar|reaffirm|reiterat|signal|withdr|pull|thr[eo]w)\w*\s+"
            r"(?:his|her|their|its)\s+(?:(?:[\w-]+)\s+){0,2}?(?:support|backing|endorsement|opposition)\s+"
            r"(?:for|to|behind|of)"
            r"|lash\w*\s+out\s+at|(?:took|takes|take|taken|taking)\s+(?:a|another)\s+(?:[\w-]+\s+)?swipe\s+at"
            r"|heap\w*\s+(?:criticism|praise|scorn|blame)\s+on|rail\w*\s+against|hit\w*\s+out\s+at"
            r"|(?:came|comes|come|coming)\s+out\s+(?:against|in\s+(?:favor|favour|support)\s+of))\s+", re.IGNORECASE),
        group_head=re.compile(
            r"\s+(?:(?:unions|officials|aides|allies|supporters|backers|advisers|advisors|voters|leaders"
            r"|lawmakers|members|groups|activists|donors|delegates|senators|governors|critics)"
            r"|campaign|team|camp|administration)\b"),
        phrase_end=re.compile(
            r"[;:.!?()\"“”]|,\s+(?:who|which|where|when|while|with|but|saying|calling|and\s+[a-z]+ed)\b"
            r"|\s+(?:because|after|as|since|is|are|was|were|has|have|had|will|would|could|can|may|might|should|did|does"
            r"|do)\s"),
    ),
    "fr": _Patterns(
        # "X, fervent soutien de Y", "X est l'un des plus proches alliés du président", "X, critique acerbe de Y"
        role_of=re.compile(
            r"(?P<link>\s*,\s+|\s+(?:est|sont|était|étaient|reste|restent|demeure|demeurent|a\s+été|ont\s+été|"
            r"avait\s+été)\s+(?:\w+ment\s+|aussi\s+|toujours\s+)?)"
            r"(?P<det>(?:une|un|les|le|la|l['’]une?\s+des|parmi\s+les)\s+)?(?P<fill>(?:[\w-]+\s+){0,3}?)"
            r"(?P<cue>" + _FR_ROLES + r")(?:\s+[\w-]+){0,2}?\s+(?:des\s+|du\s+|de\s+(?:la\s+|l['’]\s*)?|d['’]\s*)",
            re.IGNORECASE),
        possessed=None,  # ("le soutien de X à Y": the giver follows the act)
        # "X s'en est pris à Y", "X a apporté son soutien à Y", "a exprimé sa solidarité avec", "a pris la défense de",
        # "mène une campagne contre", "proteste contre"
        phrasal=re.compile(
            r"\s+(?:(?:a|ont|avait|avaient|aura|auront)\s+)?(?:\w+ment\s+|aussi\s+|encore\s+|également\s+|déjà\s+)?"
            r"(?P<cue>s['’]en\s+(?:est|sont|était|étaient|prend|prennent|prenait|prenaient|prendra)\s+"
            r"(?:\w+ment\s+|aussi\s+|encore\s+|également\s+)?(?:(?:prises|prise|pris)\s+)?(?:\w+ment\s+)?(?:aux|au|à)"
            r"|(?:apport|exprim|réaffirm|renouvel|affich|manifest|assur|témoign)\w*\s+(?:son|sa|leur)\s+"
            r"(?:[\w-]+\s+){0,2}?(?:soutien|appui|solidarité)\s+(?:aux|au|à|avec|envers)"
            r"|(?:pris|prend|prennent|prenait)\s+la\s+défense\s+(?:des|du|de|d['’])"
            r"|(?:mène|mènent|menait|menaient|mené)\s+(?:une\s+)?(?:[\w-]+\s+){0,4}?campagne\s+(?:[\w-]+\s+){0,3}?contre"
            r"|(?:protest|s['’]insurg|s['’]élèv|s['’]élev)\w*\s+contre)(?:(?<=['’])|(?!\w))\s*", re.IGNORECASE),
        group_head=None,
        phrase_end=re.compile(r"[;:.!?()\"“”«»]|,\s+(?:qui|que|dont|où|lorsque|quand|mais|avec|en\s+\w+ant)\b"
                              r"|\s+(?:parce|car|après|puisque|est|sont|était|étaient|a|ont|avait|avaient|sera"
                              r"|seront)\s"),
    ),
}


# words that never stand between an article and a role of support or opposition, nor between a possessor and its
# act: prepositions, determiners, quantifiers, conjunctions opening clauses ("Sanders was booed by supporters of
# Clinton", "Trump is popular with supporters of the Tea Party", "Macron, face aux critiques de Marine Le Pen",
# "After meeting Trump, many supporters of Cruz left", "Obama's response to attacks on Paris")
_NOT_FILLERS = {
    "en": frozenset("""by with from to under among for in on at into about after before against over through during
        without within of than as like many some few several all both other others any each every no
        the a an his her their its this that these those who which when while if meet meets meeting see sees lack
        response reaction answer""".split()),
    "fr": frozenset("""face aux au à de du des d par pour avec contre sous malgré selon chez en dans sur sans privé privée
        privés privées plusieurs nombreux nombreuses beaucoup certains certaines tous toutes les le la l un une ses son
        sa leur leurs qui que dont lors""".split()),
}
_EN_ING_ADJECTIVES = frozenset("leading longstanding outstanding unflinching unwavering".split())


def _fills_a_role(lang: str, g: re.Match, apposed: bool) -> bool:
    """The words between the link and the role (or the possessor and its act) are modifiers only (`_NOT_FILLERS`):
    no preposition, quantifier or clause; in English no verb form in -ing (but "a leading critic"), and an
    apposition has its article ("Adelson, a fierce supporter of", not "Trump, many supporters of")."""
    words = [w.lower().strip("'’") for w in g.group("fill").split()]
    if any(w in _NOT_FILLERS[lang] for w in words):
        return False
    if lang == "en":
        if any(w.endswith("ing") and w not in _EN_ING_ADJECTIVES for w in words):
            return False
        if apposed and not (g.groupdict().get("det") or "").strip():
            return False
    return True


def nominal_evaluations(text: str, mentions: Sequence[Mention], doc_id: str, lang: str, numbered_from: int = 0,
                        taken: Sequence[Statement] = ()) -> list[Statement]:
    """The evaluations of `text` (English or French; other languages: none) that no verb of saying carries, each a
    statement (cue kind "eval") whose speaker is the name (or the group it heads: "Teachers unions") before the
    pattern and whose content runs from after it to the end of its phrase. A pattern whose cue overlaps a statement
    of `taken`, or whose speaker has a statement of `taken` over the same words ("Fiorina threw her support behind
    Cruz, saying ..."), adds nothing."""
    pat = _PATTERNS.get(lang)
    if pat is None:
        return []
    out: list[Statement] = []
    sentences = split_sentences(text)
    for named in sorted((m for m in mentions if not m.resolved), key=lambda m: m.start):
        sent = _sentence_of(sentences, named.start)
        if sent is None or named.end > sent.end:
            continue
        for pattern in (p for p in (pat.role_of, pat.possessed, pat.phrasal) if p is not None):
            speaker, g = named, pattern.match(text, named.end, sent.end)
            head = pat.group_head.match(text, named.end, sent.end) if pat.group_head else None
            if g is None and head is not None:  # "Teachers unions were among ...", "the Rubio campaign took ..."
                speaker = Mention(Span.of(text, named.start, head.end()))
                g = pattern.match(text, head.end(), sent.end)
            if g is None:
                continue
            apposed = pattern is pat.role_of and g.group("link").strip() == ","
            if apposed and not _clause_subject(speaker, text):
                continue  # (a dateline is no name in apposition)
            if "fill" in g.groupdict() and not _fills_a_role(lang, g, apposed):
                continue
            if pattern is not pat.possessed and _POSSESSIVE.match(text, speaker.end):
                continue
            cue = Span.of(text, g.start("cue"), g.end("cue"))
            end = _agent_end(text, g.end(), sent.end, pat.phrase_end)
            comma = text.find(",", g.end(), end)
            content = Span.of(text, g.end(), comma if apposed and comma >= 0 else end)  # (an apposition ends at a comma)
            if not content.text.strip() or any(
                    st.cue is not None and st.cue.overlaps(cue)
                    or st.speaker is not None and st.speaker.span.overlaps(speaker.span) and st.speaker.end <= cue.start
                    and st.content.overlaps(content)
                    for st in taken) or any(st.cue.overlaps(cue) for st in out):
                continue  # (one cue, one statement: "Trump is sure Cruz is a critic of Obama" is Cruz's)
            out.append(Statement(doc_id=doc_id, id=f"{doc_id}:{numbered_from + len(out) + 1}", speaker=speaker,
                                 cue=cue, content=content, lang=lang, context=sent, cue_kind="eval"))
            break
    return out


# a name opening a sentence, then "to" and the one addressed (a name: `colon_statements` checks), then a colon:
# "Clinton to Planned Parenthood: Trump will reverse Roe v. Wade"; not a label ("Update:", "Watch:", "Tags:")
_COLON_AFTER = re.compile(r"(?P<cue>(?:\s+to\s+(?P<to>[^:;.!?\n]{1,60}?))?\s*:)[ \t]+(?=\S)")
_HEADLINE_LABELS = frozenset("""update updated exclusive watch breaking editorial opinion analysis video photos photo live
    poll report review interview transcript factbox explainer timeline commentary correction tags tag topics topic
    keywords sources source related podcast credit credits note notes fact check""".split())


def colon_statements(text: str, mentions: Sequence[Mention], doc_id: str, lang: str, numbered_from: int = 0,
                     taken: Sequence[Statement] = ()) -> list[Statement]:
    """The sentences of an English `text` that open with a name and a colon, each a statement of that name (cue: the
    colon, with "to" and the one addressed before it, a target as the object inside a cue is; content: the rest of
    the sentence). The name is one mention or two read apart in a title-case headline ("Black Democrats"), none of
    them a label ("Update:", "Tags:") or a country ("Syria: ..."); the one addressed is a mention, whole ("Trump to
    be sworn in: live updates" is no statement); the content has words and no figure first ("Democrats: 48,
    Republicans: 52"). A sentence a statement of `taken` already speaks in, or whose name speaks there, adds
    nothing; other languages give none."""
    if lang != "en":  # (French headlines of the train posts put a topic before the colon: "Bande de Gaza : le regard
        return []     # d'un expert", "Gaza: inonder les tunnels": 4 pairs there, none right)
    out: list[Statement] = []
    ordered = sorted((m for m in mentions if not m.resolved), key=lambda m: m.start)
    by_start: dict[int, Mention] = {}  # the longest mention starting at each offset
    for m in ordered:
        if m.start not in by_start or by_start[m.start].end < m.end:
            by_start[m.start] = m
    ends = {m.end for m in ordered}
    spoken = sorted((st.content.start, st.content.end) for st in taken)
    spoken_starts = [a for a, _ in spoken]
    reach = list(itertools.accumulate((b for _, b in spoken), max))  # the furthest end of the contents up to each
    cues = sorted(st.cue.start for st in taken if st.cue is not None)
    speakers = sorted(st.speaker.start for st in taken if st.speaker is not None and not st.speaker.resolved)
    for sent in split_sentences(text):
        lead = re.match(r"[\s\"“'‘«]*", text[sent.start : sent.end]).end() + sent.start
        pieces = [by_start[lead]] if lead in by_start and by_start[lead].end <= sent.end else []
        nxt = by_start.get(pieces[-1].end + 1) if pieces else None
        if nxt is not None and text[pieces[-1].end] == " " and nxt.end <= sent.end:
            pieces.append(nxt)  # a title-case headline's name read in two pieces: "Black Democrats to Hillary Clinton:"
        if not pieces or any(p.text.lower() in _HEADLINE_LABELS or p.actor is not None and p.actor.type == "country"
                             for p in pieces):
            continue
        first = pieces[0] if len(pieces) == 1 else replace(pieces[0], span=Span.of(text, lead, pieces[-1].end))
        g = _COLON_AFTER.match(text, first.end, sent.end)
        if g is None:
            continue
        if g.group("to") is not None and not (g.start("to") in by_start and g.end("to") in ends):
            continue  # "to" and no one addressed: "Trump to visit Israel: sources"
        content = Span.of(text, g.end(), sent.end)
        if not re.search(r"[^\W\d_]", content.text) or content.text.lstrip()[:1].isdigit() or re.search(
                r"\b[A-Z][\w.]*:\s", content.text):
            continue  # no words, a figure, or another "Name:" (a list: "Democrats: 48, Republicans: 52")
        k = bisect.bisect_left(spoken_starts, sent.end)  # the contents that start before the sentence ends
        if k and reach[k - 1] > sent.start or _inside(cues, sent.start, sent.end) \
                or _inside(speakers, first.start, first.end):
            continue
        out.append(Statement(doc_id=doc_id, id=f"{doc_id}:{numbered_from + len(out) + 1}", speaker=first,
                             cue=Span.of(text, g.start("cue") + len(g.group("cue")) - len(g.group("cue").lstrip()),
                                         g.end("cue")),
                             content=content, lang=lang, context=sent, cue_kind="eval"))
    return out


def _inside(points: list[int], start: int, end: int) -> bool:
    """One of the sorted `points` lies in start..end (end excluded)."""
    k = bisect.bisect_left(points, start)
    return k < len(points) and points[k] < end

