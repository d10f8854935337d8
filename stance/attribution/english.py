"""English statements of the attribution CRF (`stance.attribution_crf`) corrected by rules where the CRF, trained on
PolNeAR's reported speech, reads evaluations wrongly (session 41, from the English train sentences' misses):

- `with_clause_subjects`: a cue with no source that goes on from its clause (a participle after a comma, a verb
  after "and") takes the main clause's subject ("Clinton attacked Trump, saying ...");
- `with_passive_agents`: a passive evaluation has its agent speak of its subject ("Trump has been rebuked by
  opponents": the CRF reads Trump as the source), and so does a praise or blame received ("Trump has faced
  criticism even from within his own party").
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional, Sequence

from ..records import Mention, Span, Statement
from ..text import abbreviation, split_sentences, tokens
from .cues import load_cues

# auxiliaries before a participle: "X was accused" names the one accused, not who accuses
PASSIVE_AUX = frozenset("is are was were be been being".split())
# words between an auxiliary and its participle: "has been sharply criticized"
_ADVERB_FORMS = frozenset("has have had also often repeatedly widely publicly sharply harshly roundly never not".split())
# a sentence-opening word that starts a subordinate clause: the names in it are not the main clause's subject
_SUBORDINATORS = frozenset("""after when whenever if unless unlike although though while whilst as despite before since
    because like once until whether where whereas""".split())
# an opening phrase before the main clause ("In a fiery takedown of the businessman, "), then up to three title
# words before a name ("Democrat Hillary Clinton", "Vice President Joe Biden")
_CLAUSE_OPENING = re.compile(r"\s*(?:([^,;:\"“”()]{1,80}),\s*)?((?:[A-Z][\w.\-]*\s+){0,3})")
_POSSESSIVE = re.compile(r"\s*['’](?:s\b|(?!\w))")  # "Trump's", "Sanders' aides"
# a dateline's tail, its agency and dash ("WASHINGTON (AFP) – ", "NEW YORK - ", "WASHINGTON—"; not "US-backed"),
# and the whole dateline opening a sentence
_DATELINE_AFTER = re.compile(r"(?:\s*\([^()]{1,30}\))?(?:\s+[-–—]|\s*[–—])")
_DATELINE = re.compile(r"[A-Z][A-Z.,' ]*[A-Z.]" + _DATELINE_AFTER.pattern + r"\s*")


def _sentence_of(sentences: Sequence[Span], pos: int) -> Optional[Span]:
    return next((s for s in sentences if s.start <= pos < s.end), None)


def _opens_main_clause(text: str, start: int, m: Mention) -> bool:
    """`m`, from `start` (the sentence start past a dateline), opens the main clause: at most an opening phrase
    ended by a comma and three title words before it, the title words not starting with a subordinator ("After
    Clinton attacked him, Trump hit back": Trump, not Clinton)."""
    g = _CLAUSE_OPENING.fullmatch(text, start, m.start)
    if g is None:
        return False
    first = g.group(2).split()[:1]
    return not (first and first[0].lower() in _SUBORDINATORS)


def _in_subordinate_clause(text: str, start: int, m: Mention) -> bool:
    """`m` speaks in a clause that opens the sentence with a subordinator, before its first comma ("After Clinton
    attacked Trump, he hit back, calling her a liar"), or in a relative clause ("Sanders, whom Clinton criticized,
    spoke in Iowa, saying ..."): not the main clause's subject ('"...," Clinton said, adding' is)."""
    words = text[start : m.start].split()
    if words and words[-1].lower() in ("whom", "who", "which", "that"):
        return True
    return bool(words) and words[0].lower() in _SUBORDINATORS and "," not in text[start : m.start]


def _clause_subject(m: Mention, text: str) -> bool:
    """`m` can be a clause's subject: no dateline ("WASHINGTON (AFP) –"), no possessive ("Trump's"), no unknown
    all-capitals word (a dateline's city) nor unknown adverb read as a name at the sentence start ("Publicly")."""
    after = text[m.end : m.end + 40]
    if _DATELINE_AFTER.match(after) or _POSSESSIVE.match(after) or m.actor is None and m.text.isupper() and len(m.text) > 3:
        return False
    return not (m.actor is None and " " not in m.text and m.text.lower().endswith("ly"))


def _second_verb(text: str, cue: Span) -> bool:
    """The cue continues its clause's subject: a participle after a comma ("Clinton attacked Trump, saying ...")
    or a verb after "and" ("Sanders called him divisive and accused him ..."); never a passive ("and was
    criticized", "being criticized")."""
    words = cue.text.split()
    first = words[0].lower() if words else ""
    if first in PASSIVE_AUX or passive_eval(text, cue) is not None:
        return False
    before = text[max(0, cue.start - 8) : cue.start]
    return (first.endswith("ing") and before.rstrip().endswith(",")) or bool(re.search(r"\band\s+$", before))


def with_clause_subjects(tagged: Sequence[Statement], mentions: Sequence[Mention], text: str) -> list[Statement]:
    """English statements whose cue has no source and continues its clause (`_second_verb`) with the subject of
    the sentence's main clause: the speaker of an earlier statement in the sentence, else its first name, when
    either opens the main clause ("In an incendiary press conference, Trump launched a pre-emptive attack against
    Obama, calling him ...": Trump; `_opens_main_clause`, `_clause_subject`)."""
    out: list[Statement] = []
    sentences: Optional[list[Span]] = None
    ordered = sorted(mentions, key=lambda m: m.start)
    for st in tagged:
        if st.speaker is None and st.cue is not None and _second_verb(text, st.cue):
            sentences = sentences if sentences is not None else split_sentences(text)
            sent = _sentence_of(sentences, st.cue.start)
            if sent is not None:
                opening = _DATELINE.match(text, sent.start, st.cue.start)
                starts = opening.end() if opening else sent.start
                earlier = next((o.speaker for o in reversed(out) if o.speaker is not None and not o.speaker.resolved
                                and starts <= o.speaker.start < st.cue.start), None)
                before = [m for m in ordered if starts <= m.start and m.end <= st.cue.start]
                subject = None
                if earlier is not None and not _in_subordinate_clause(text, starts, earlier):
                    subject = earlier
                else:
                    for k, m in enumerate(before):
                        if _opens_main_clause(text, starts, m):
                            subject = m
                            for n in before[k + 1 :]:  # "Democrat Hillary Clinton": the name after its title
                                if text[subject.end : n.start] != " ":
                                    break
                                subject = n
                            break
                if subject is not None and _clause_subject(subject, text) \
                        and not st.content.start <= subject.start < st.content.end:
                    st = replace(st, speaker=subject)
        out.append(st)
    return out


def passive_eval(text: str, cue: Span) -> Optional[int]:
    """Where the participle of a passive evaluative cue ends ("has been rebuked", "was sharply criticized": the
    auxiliary inside the cue or before it, past adverbs), or None for an active cue or an adjective before "to"
    ("is opposed to", "was honored to")."""
    lex = load_cues()["en"]
    words = [(t.norm, t.end) for t in tokens(text, cue.start, cue.end)]
    before = [t.norm for t in tokens(text, max(0, cue.start - 30), cue.start)
              if t.norm not in _ADVERB_FORMS and not t.norm.endswith("ly")][-1:]
    for k, (w, end) in enumerate(words):
        aux = [x for x, _ in words[:k] if x not in _ADVERB_FORMS and not x.endswith("ly")] or before
        if lex.get(w) == "eval" and w.endswith("ed") and aux and aux[-1] in PASSIVE_AUX:
            return None if re.match(r"\s+to\b", text[end : end + 4]) else end
        if w not in PASSIVE_AUX and w not in _ADVERB_FORMS and not w.endswith("ly"):
            return None
    return None


# "by" and the agent after a passive evaluative verb: "Trump has been rebuked by opponents for ..."
_BY_AGENT = re.compile(r"\s*by\s+")
_SPACE = re.compile(r"\s+")  # before the giver of a praise or blame received ("criticism from| X")
_AGENT_END = re.compile(r"[,;:.!?()\"“”]|\s(?:for|over|in|on|at|after|before|with|because|to|as|during|about|since|who|which|that)\s")
_AGENT_LEAD = re.compile(r"(?:within|even|among)\s+")  # "criticism even from within his own party": his own party
# a praise or blame received, and from whom: "Trump has faced criticism even from his own party", "Bradley had the
# full support of the conservative movement" ("of" only after support: "criticism of her emails" names what)
_RECEIVED = re.compile(
    r"(?:(?:has|have|had)\s+)?(?:\w+ly\s+)?(?:won|wins|received|receives|drew|drawn|draws|faced|faces|earned|earns|"
    r"garnered|attracted|got|gotten|had|has|have|enjoys|enjoyed)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:(?:support|endorsements?|backing)\s+(?:even\s+)?(?:from|of)|(?:criticism|praise|condemnation|scorn|ire)\s+"
    r"(?:even\s+)?from)(?=\s)", re.IGNORECASE)


def _agent_end(text: str, start: int, end: int, stops: re.Pattern = _AGENT_END) -> int:
    """Where an agent phrase starting at `start` ends: at punctuation or a preposition (or what `stops` matches),
    not at a title's full stop ("by Mr. Trump", "by Sen. Bernie Sanders")."""
    pos = start
    while True:
        stop = stops.search(text, pos, end)
        if stop is None:
            return end
        word = re.search(r"(\w+)$", text[start : stop.start()])
        if stop.group() == "." and word and abbreviation(word.group(1), text[stop.end() : stop.end() + 3]):
            pos = stop.end()
            continue
        return stop.start()


def with_passive_agents(tagged: Sequence[Statement], mentions: Sequence[Mention], text: str) -> list[Statement]:
    """English statements whose cue is a passive evaluative verb ("Trump has been rebuked by opponents for his
    proposal", "The senator was criticized by Hillary Clinton") or a praise or blame received (`_RECEIVED`: "Trump
    has faced criticism even from within his own party"): the agent after "by" (or "from", "of") speaks and the
    subject, which the attribution tagger reads as the source, is a target (the content runs from it); a passive
    without an agent has nobody named speak (no speaker, so no targets). An agent is a known name when one spans
    it whole ("by Mr. Trump"), else the phrase ("by Trump supporters")."""
    out: list[Statement] = []
    sentences: Optional[list[Span]] = None
    for st in tagged:
        received = _RECEIVED.match(text, st.cue.start) if st.cue is not None else None
        end = received.end() if received else passive_eval(text, st.cue) if st.cue is not None else None
        if end is None:
            out.append(st)
            continue
        sentences = sentences if sentences is not None else split_sentences(text)
        sent = _sentence_of(sentences, st.cue.start)
        by = (_SPACE.match(text, end) if received else _BY_AGENT.match(text, end)) if sent is not None else None
        agent = None
        if by is not None:
            a = by.end()
            lead = _AGENT_LEAD.match(text, a)
            a = lead.end() if lead else a
            agent_end = _agent_end(text, a, sent.end)
            while agent_end > a and text[agent_end - 1].isspace():
                agent_end -= 1
            known = next((m for m in mentions if m.end == agent_end and a <= m.start), None)
            if known is not None and not text[a : known.start].strip():
                agent = known
            elif 0 < len(text[a:agent_end].split()) <= 8:
                agent = Mention(Span.of(text, a, agent_end))
        subject = st.speaker if st.speaker is not None and not st.speaker.resolved and st.speaker.end <= st.cue.start \
            else None
        if agent is None:
            out.append(replace(st, speaker=None))
            continue
        lo = subject.start if subject is not None else st.content.start
        content = Span.of(text, min(lo, st.content.start), max(st.content.end, agent.end))
        out.append(replace(st, speaker=agent, content=content, cue=Span.of(text, st.cue.start, min(end, st.cue.end))))
    return out
