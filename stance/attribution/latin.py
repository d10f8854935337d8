"""The English or French speaker of a cue: `X said (that)`, `"...", X said`, `said X`, `according to X` / `selon X`,
`he added` / `a-t-il ajouté` resolved to the previous speaker."""
from __future__ import annotations

import re
from typing import Optional, Sequence

from ..records import Mention, Span
from ..text import Token
from .cues import Cue
from .spans import _first_at, _mention_after, _mention_ending_before, _resolved, _spoke_before_in, _State
from .words import _FIRST_PERSON, _PRONOUN_SUBJECT, _SOURCE_PRONOUNS

# time words, and "also"/"again" ("ont déclaré dimanche des sources palestiniennes"): between an inverted cue and
# its subject, or between a subject and its verb
_TIME_WORDS = frozenset("""lundi mardi mercredi jeudi vendredi samedi dimanche hier aujourd'hui aujourd’hui soir matin également encore
    aussi déjà monday tuesday wednesday thursday friday saturday sunday today yesterday also again later""".split())

# French present participles of cues ("affirmant", "ajoutant"); English ones ("adding") are the attribution CRF's
_PRESENT_PARTICIPLE = {"fr": ("ant",)}

_LATIN_FILLER = _TIME_WORDS | frozenset(
    """has have had will would then further previously earlier not never on in at last this week a an the statement
    interview speech recently repeatedly publicly once long a ont avons avez avait avaient aura aurait auraient dans un une son
    sa ses communiqué entretien rapidement vivement fermement aussitôt alors ensuite immédiatement toutefois
    cependant pourtant néanmoins enfin d'ailleurs d’ailleurs leur lui y en se me te vous l'a l’a l'ont l’ont s'est
    s’est""".split()
)


_NOT_ADVERBS = frozenset("""daily weekly monthly yearly family assembly ally rally supply reply apply italy government
    parliament movement department settlement agreement document moment argument management payment
    gouvernement parlement mouvement département commandement rassemblement établissement moment argument traitement
    jugement régiment enseignement armement""".split())


def _is_filler(tok: Token) -> bool:
    """Auxiliaries, adverbs and time words that may stand between a subject and its verb."""
    if tok.norm in _LATIN_FILLER:
        return True
    return tok.text.islower() and tok.norm.endswith(("ly", "ment")) and tok.norm not in _NOT_ADVERBS


def _speaker_latin(text, toks, cue: Cue, mentions, sent: Span, state: _State, lang: str):
    """(speaker, content start, inverted) for an English/French cue, or None when it is no statement."""
    i = cue.token_index
    pron = _PRONOUN_SUBJECT.get(lang, frozenset())
    if cue.kind == "source":  # according to X / selon X: the content is the rest of the sentence
        j = i + (2 if toks[i].norm == "according" else 1)
        if j < len(toks) and toks[j].norm in _SOURCE_PRONOUNS.get(lang, ()) \
                and re.match(r"\s*(?:[,;:]|$)", text[toks[j].end : sent.end]):  # not "according to her lawyer"
            # "Selon lui, c'est ...", "According to him, ...": the speaker already named goes on
            return (_resolved(state), toks[j].end, False) if state.last_speaker else None
        if j < len(toks):
            m = _mention_after(toks[j].start, toks[min(j + 2, len(toks) - 1)].end + 1, mentions)
            if m:
                return m, m.end, False
            if toks[j].norm not in pron:  # "Selon l’ambassadrice de la Palestine en France, ..."
                unk = _latin_phrase_after(text, toks, j, mentions, agent=True)
                if unk is not None:
                    return unk, unk.end, False
        return None
    if lang == "fr" and re.search(r"-t-(il|elle|ils|elles)\s*$|-(il|elle|ils|elles)\s*$",
                                  text[max(sent.start, cue.start - 12) : cue.start].lower()):
        return (_resolved(state), cue.end, True) if state.last_speaker else None
    if lang == "fr" and re.match(r"\s*-(?:t-)?on\b", text[cue.end : cue.end + 6]):
        return None  # "assure-t-on", "dit-on": nobody in particular speaks
    if lang == "fr" and _purpose_infinitive(toks, i):
        # "Des milliers de personnes ont marché ... pour exprimer leur soutien au peuple palestinien": the subject
        # of the clause the purpose belongs to
        subj = _main_subject_fr(text, toks, i, mentions, sent)
        return (subj, cue.end, False) if subj is not None else None
    if i > 0 and toks[i].norm.endswith(_PRESENT_PARTICIPLE.get(lang, ())) \
            and ("," in text[toks[i - 1].end : cue.start] or toks[i - 1].norm == "en"):
        # "..., a annoncé l'OMS, affirmant que ...", "Le Hamas a répondu en accusant Israël": the speaker of the
        # clause goes on; the subject of its main clause where no statement came before in the sentence
        if _spoke_before_in(state, sent, cue.start):
            return _resolved(state), cue.end, False
        if toks[i - 1].norm == "en":
            subj = _main_subject_fr(text, toks, i, mentions, sent)
            aux = next((k for k in range(i) if toks[k].norm in _FR_FINITE_AUX), None)
            if subj is None and aux and toks[aux - 1].norm in pron and state.last_speaker is not None:
                return _resolved(state), cue.end, False  # "Il a réagi en dénonçant la guerre": he, named before
            return (subj, cue.end, False) if subj is not None else None
        return None  # "Des manifestants, dénonçant la guerre, ont défilé": no inverted subject after it
    titled = _quoted_title_before(text, cue.start, sent) if lang == "fr" else None
    if titled is not None:  # 'Le « Retch » déclare que ...': a newspaper named in quotation marks
        return titled, cue.end, False
    # subject before the cue, over auxiliaries/adverbs/time phrases: "Obama on Tuesday accused", "X, the minister, said"
    k = _before_semi_auxiliary(toks, i) - 1
    while k >= 0 and i - k <= 5 and (_is_filler(toks[k]) or lang == "fr" and _object_clitic(text, toks, k)):
        if lang == "fr" and toks[k].norm == "on":
            return None  # "À Moscou on affirme que ...": impersonal, nobody in particular speaks
        k -= 1
    if k >= 0 and re.search(r"[\"“”«»:;,]", text[toks[k].end : cue.start]):
        # a comma or a quotation between the last word and the cue (or its auxiliary): either the end of an
        # apposition ("Le Hamas, de son côté, a rejeté", "M. Daasset, rapporteur, dit", "Le ministre, qui
        # s'exprimait mardi, a déclaré") or an inverted cue ('"...," said X', '..., a dit X', see below)
        if not re.search(r"[\"“”«»:;]", text[toks[k].end : cue.start]):
            j = max(t for t in range(k + 1, i + 1) if "," in text[toks[t - 1].end : toks[t].start])
            apposed = _subject_before_apposition(text, toks, j, sent, mentions)
            if apposed is not None:
                return apposed, cue.end, False
        k = -1
    if k >= 0:
        if toks[k].norm in _FIRST_PERSON:  # "Nous condamnons ...", "We welcome ...": the writer's side speaks
            return Mention(Span.of(text, toks[k].start, toks[k].end)), cue.end, False
        if toks[k].norm in pron or _elided_que(toks[k].norm) in pron:  # "répond qu'il reconnaît": he
            return (_resolved(state), cue.end, False) if state.last_speaker else None
        if toks[k].norm in ("qui", "who") and k > 0:
            # "M. DitUy qui accusait ...": the relative's antecedent speaks, unless it is the complement of another
            # noun ("les familles des otages du Hamas, qui ont dénoncé", "Le rapport de l'ONU qui accuse")
            m = _mention_ending_before(toks[k].start, toks[k - 1].start, mentions)
            if m is not None and not re.search(r"[;:.!?\"“”«»()]", text[m.end : toks[k].start]) \
                    and not _DE_COMPLEMENT.search(text[sent.start : m.start]):
                return m, cue.end, False
            return None
        m = next((m for m in mentions if m.start <= toks[k].start and toks[k].end <= m.end), None)
        if m is not None and (_country_adjective(m) or _DE_COMPLEMENT.search(text[sent.start : m.start])):
            # "Le ministre français a dénoncé", "les membres de la Douma déclarent", "L'avocat de Donald Trump a
            # dit": the noun phrase speaks, linked to the actor its adjective or complement names (its side)
            np_ = _latin_subject_before(text, toks, k, sent) or _determined_np_before(text, toks, m)
            if np_ is not None and np_.start < m.start:
                return Mention(np_.span, m.actor), cue.end, False
        if m is not None:
            return m, cue.end, False
        unk = _latin_subject_before(text, toks, k, sent)
        if unk is not None:  # "a spokesman for the ministry said", "the poll shows"
            return unk, cue.end, False
    # inverted after a quotation or a comma: '"...," said Obama', '..., affirme Sergueï Lavrov'
    before = text[sent.start : cue.start].rstrip()
    # past the auxiliary: '« ... », a déclaré X', '"...," has said X'
    before = re.sub(r"\s+(?:a|ont|avait|avaient|aurait|has|have|had)$", "", before, flags=re.IGNORECASE).rstrip()
    # past the day or the time word after the cue: '..., a déclaré mardi le bureau des médias du Hamas'
    a = after_cue = _first_at(toks, cue.end)  # (a cue may be several words: "a rendu hommage")
    while a < len(toks) and toks[a].norm in _TIME_WORDS and a - after_cue < 3:  # "lundi soir"
        a += 1
    said_to = toks[a - 1].end if a > after_cue else cue.end
    if before and before[-1] in ",\"”»'’:" and a < len(toks) \
            and not re.match(r"\s*(?:que\b|qu['’]|that\b)", text[said_to : said_to + 6], re.IGNORECASE):
        # (never a name after "que": '..., a déclaré que la France ...' has no inverted subject)
        m = _mention_after(cue.end, toks[min(a + 3, len(toks) - 1)].end + 1, mentions)
        if m is not None and _country_adjective(m):  # "ont déclaré dimanche des sources palestiniennes"
            j = i + 1
            while j < len(toks) and toks[j].norm in _TIME_WORDS:
                j += 1
            np_ = _latin_phrase_after(text, toks, j)  # (nor a time word after it: it ends before "dimanche")
            m = Mention(np_.span, m.actor) if np_ is not None and np_.start < m.start and np_.end >= m.end else None
        if m is not None:
            return m, m.end, True
        if toks[a].norm in pron and state.last_speaker is not None:
            return _resolved(state), toks[a].end, True
        unk = _latin_phrase_after(text, toks, a, mentions)
        if unk is not None:  # '"...," said a senior official'
            return unk, unk.end, True
    if cue.kind == "continue" and state.last_speaker is not None and (i == 0 or before[-1:] in ",\"”»"):
        return _resolved(state), cue.end, bool(before)
    return None


_CLAUSE_WORDS = frozenset(
    """that and but which who whom whose while as because when if where than or so then also said says told
    que qui et mais ou donc car dont lorsque quand si où""".split()
)


_MAX_NP = 6

# a word right before an infinitive that governs it: the infinitive's subject is not the phrase before it
_GOVERNS_INFINITIVE = frozenset("à de d' d’ pour sans par to".split())
_MAX_NP_CHAIN = 12  # a phrase after an inverted cue, through its complements

# words that open an adjunct after an inverted cue's subject ('a déclaré le ministre lors d'une conférence', 'said
# the minister in an interview'): the subject ends before them ("en" stays: "l'ambassadrice de la Palestine en France")
_ADJUNCT_STARTS = frozenset("""lors dans pendant devant après avant sur pour par avec sans depuis selon
    in at on during after before with by from""".split())

# words that never open a subject noun phrase: prepositions, object and adverbial pronouns, modals and infinitive
# markers ("qui devrait souligner" has no subject "devrait"; "pour y saluer", "lui répondait", "après avoir salué")
_NOT_NP_START = frozenset(
    """en y lui se ne pour par après avant avec sans sur sous dans vers chez entre contre selon malgré depuis pendant
    afin devrait devraient doit doivent peut peuvent pourrait pourraient va vont veut veulent avoir être fait faire
    to for with by of from after before into onto upon about against between without within during
    should could would can may might must shall will not also him them us me""".split()
)


_FR_FINITE_AUX = frozenset("a ont est sont s'est s’est se avait avaient était étaient".split())


def _object_clitic(text: str, toks: list[Token], k: int) -> bool:
    """"nous" / "vous" at k as the object of the verb after it, not its subject: a subject stands right before it
    ("l'armée nous a annoncé son décès", "qu'ils nous ont affirmé"); not at a clause start or after a time word or an
    adverb ("Nous avons enquêté", "..., nous dit-il", "Hier nous avons dénoncé", "Alors nous avons dénoncé")."""
    if toks[k].norm not in ("nous", "vous") or k == 0:
        return False
    prev = toks[k - 1]
    if re.search(r"[,;:.!?\"“”«»()]", text[prev.end : toks[k].start]):
        return False
    if _elided_que(prev.norm) in _PRONOUN_SUBJECT["fr"]:  # ("qu'ils" and "ils" alike)
        return True
    return prev.norm not in _CLAUSE_WORDS and _elided_que(prev.norm) == prev.norm and not _is_filler(prev) \
        and prev.norm not in _LEADING_ADVERBS


def _purpose_infinitive(toks: list[Token], i: int) -> bool:
    """'pour exprimer', 'pour y saluer', 'afin de dénoncer': an infinitive cue of purpose."""
    if not toks[i].norm.endswith(("er", "ir", "re")):
        return False
    j = i - 1
    if j >= 0 and toks[j].norm in ("y", "lui", "leur"):
        j -= 1
    return j >= 0 and (toks[j].norm == "pour" or toks[j].norm in ("de", "d'", "d’") and j > 0 and toks[j - 1].norm == "afin")


def _main_subject_fr(text: str, toks: list[Token], i: int, mentions: Sequence[Mention], sent: Span) -> Optional[Mention]:
    """The subject of the first finite auxiliary before token i in the sentence, when it opens a clause."""
    k = next((k for k in range(i) if toks[k].norm in _FR_FINITE_AUX), None)
    if k is None or k == 0:
        return None
    known = _mention_ending_before(toks[k].start, toks[k - 1].start, mentions)
    if known is not None and (known.start == sent.start or re.search(r"[,:;.!?\n]\s*$", text[sent.start : known.start])
                              or not text[sent.start : known.start].strip()):
        return known
    return _latin_subject_before(text, toks, k - 1, sent)


# a mention right after "de", "du", "des", "d'", "of" is the complement of the noun before it
_DE_COMPLEMENT = re.compile(r"\b(?:of|of the|de|du|des|de la|de l['’]|d['’])\s*$", re.IGNORECASE)


def _country_adjective(m: Mention) -> bool:
    """A lower-case country mention: the adjective of a noun phrase ("le ministre français"), never a speaker alone."""
    return m.actor is not None and m.actor.type == "country" and m.text[:1].islower()


def _quoted_title_before(text: str, pos: int, sent: Span) -> Optional[Mention]:
    """'Le « Retch »' / 'le "Temps"' right before `pos`, at the start of a clause: a title in quotation marks after
    its article ('« Inacceptable » dénonce la CGT' is a quotation, not a title)."""
    m = re.search(r"\b(?:[Ll]e|[Ll]a|[Ll]es|[Ll]['’])\s*[«\"“]\s*[A-ZÀ-Ý][^«»\"“”,;:.]{0,30}?\s*[»\"”]\s*$",
                  text[sent.start : pos])
    if m is None:
        return None
    before = text[sent.start : sent.start + m.start()].rstrip()
    if before and before[-1] not in ",;:" and not before.endswith(("que", "qu'", "qu’")):
        return None
    return Mention(Span.of(text, sent.start + m.start(), sent.start + len(text[sent.start : pos].rstrip())))


def _subject_before_apposition(text: str, toks: list[Token], j: int, sent: Span,
                               mentions: Sequence[Mention]) -> Optional[Mention]:
    """The subject before ', <apposition or relative clause>,' that ends right before token j (the auxiliary or the
    cue): a name that is the whole apposition ('Le porte-parole du Kremlin, Dmitri Peskov, a dénoncé'), else a
    mention ending at the first comma ('M. Daasset, rapporteur, dit'), else the noun phrase there ('Un officier
    allemand, interrogé par un correspondant, a déclaré'); a country adjective alone is not the subject."""
    m = re.search(r",([^,;.«»\"“”]{1,80}),\s*$", text[sent.start : toks[j].start])
    if m is None:
        return None
    comma = sent.start + m.start()
    inner = Span(sent.start + m.start(1), sent.start + m.end(1), m.group(1))
    named = next((x for x in mentions if not text[inner.start : x.start].strip() and not text[x.end : inner.end].strip()
                  and x.text[:1].isupper()), None)
    if named is not None:  # "Le porte-parole du Kremlin, Dmitri Peskov, a dénoncé": the name in apposition
        return named
    k = _first_at(toks, comma) - 1
    if k < 0 or toks[k].end > comma:
        return None
    known = _mention_ending_before(comma, toks[k].start, mentions)
    if known is not None and not _country_adjective(known):
        return _with_apposed_office(known, inner, mentions)
    return _latin_subject_before(text, toks, k, sent)


# nouns that open an office in apposition after a name ("Mark Regev, porte-parole du ministère israélien des Affaires
# étrangères, a déclaré"; "X, a spokesman for the ministry, said")
_OFFICE_NOUNS = frozenset("""porte-parole ministre président présidente premier première chef dirigeant dirigeante
    ambassadeur ambassadrice envoyé envoyée émissaire conseiller conseillère secrétaire directeur directrice
    représentant représentante responsable commandant général délégué déléguée commissaire vice-président
    spokesman spokeswoman spokesperson minister president chief leader ambassador envoy adviser advisor secretary
    director representative official commander""".split())
_ARTICLE = re.compile(r"\s*(?:(?:le|la|un|une|the|a|an)\s+|l['’]\s*)?", re.IGNORECASE)


def _with_apposed_office(known: Mention, inner: Span, mentions: Sequence[Mention]) -> Mention:
    """A name the dictionary lacks, with its office in apposition ("Mark Regev, porte-parole du ministère israélien
    des Affaires étrangères, a déclaré"): it speaks for the first body, office or country the office names, as it
    does with the office before the name ("Le porte-parole du ministère ..., Mark Regev,"), so its own side is no
    target of its words; a person named there is not its actor. Otherwise `known` as it is."""
    if known.actor is not None or known.resolved:
        return known
    word = inner.text[_ARTICLE.match(inner.text).end() :].split()[:1]
    if not word or word[0].lower() not in _OFFICE_NOUNS:
        return known
    body = next((m for m in sorted(mentions, key=lambda m: m.start) if inner.start <= m.start and m.end <= inner.end
                 and m.actor is not None and m.actor.type != "person"), None)
    return Mention(known.span, body.actor) if body is not None else known


def _latin_subject_before(text: str, toks: list[Token], k: int, sent: Span) -> Optional[Mention]:
    """An unknown subject noun phrase ending at token k: back to the clause start, at most _MAX_NP words."""
    if _is_filler(toks[k]) or toks[k].norm in _CLAUSE_WORDS or toks[k].norm in _PRONOUN_SUBJECT["en"] | _PRONOUN_SUBJECT["fr"] \
            or toks[k].norm in _GOVERNS_INFINITIVE:  # "a formé des étudiants à écrire": no subject of "écrire"
        return None
    b = k
    while b - 1 >= 0 and k - b + 1 < _MAX_NP + 1:
        gap = text[toks[b - 1].end : toks[b].start]
        if re.search(r"[,;:\"“”«»()]", gap) or toks[b - 1].norm in _CLAUSE_WORDS:
            break
        b -= 1
    gap_before = text[sent.start if b == 0 else toks[b - 1].end : toks[b].start]
    at_clause_start = b == 0 or re.search(r"[,;:\"“”«»()]", gap_before) or toks[b - 1].norm in _CLAUSE_WORDS
    while at_clause_start and b < k and (toks[b].norm in _LEADING_ADVERBS or toks[b].norm in _TIME_WORDS):
        b += 1  # "Puis le procureur de la République recommande", "dimanche le bureau du président a annoncé": the
        # adverb or the day opens the clause, not the subject
    if not at_clause_start or k - b + 1 > _MAX_NP or toks[b].norm in _NOT_NP_START:
        return None
    return Mention(Span.of(text, toks[b].start, toks[k].end))


def _determined_np_before(text: str, toks: list[Token], m: Mention) -> Optional[Mention]:
    """The noun phrase whose complement `m` is, from the determiner that opens it ("le procureur de la République",
    "le chef de la diplomatie de la Russie", not "la diplomatie de la Russie"), when the whole subject phrase is not
    at a clause start: the farthest determiner within eight words before `m` that no "de"/"of" governs, with no
    punctuation between; None without one."""
    k = _first_at(toks, m.start)
    best = None
    for b in range(k - 1, max(-1, k - 9), -1):
        if re.search(r"[,;:\"“”«»()]", text[toks[b].end : toks[b + 1].start]):
            break
        if toks[b].norm in _DETERMINERS and b < k - 2 and (b == 0 or toks[b - 1].norm not in _OF_WORDS):
            best = b
    return Mention(Span.of(text, toks[best].start, m.end)) if best is not None else None


def _before_semi_auxiliary(toks: list[Token], i: int) -> int:
    """The index of the first word of a semi-auxiliary right before an infinitive cue at i ("vient de demander", "doit
    rappeler", "tient à saluer", "ne peut reconnaître"), so that the subject is looked for before it; else i."""
    if not toks[i].norm.endswith(("er", "ir", "re")):
        return i
    j = i - 1
    while j >= 0 and toks[j].norm in _FR_OBJECT_CLITICS:
        j -= 1  # "ne peut leur reconnaître"
    if j >= 1 and toks[j].norm in ("de", "d'", "d’") and toks[j - 1].norm in _FR_COME:
        j -= 2
    elif j >= 1 and toks[j].norm == "à" and toks[j - 1].norm in _FR_HOLD:
        j -= 2
    elif j >= 0 and toks[j].norm in _FR_MODALS:
        j -= 1
    else:
        return i
    if j >= 0 and toks[j].norm in ("ne", "n'", "n’"):
        j -= 1
    return j + 1


def _elided_que(word: str) -> str:
    """"il" for "qu'il", "lorsqu'il", "puisqu'il" (the pronoun after an elided "que"); the word itself otherwise."""
    m = re.fullmatch(r"\w*qu['’](\w+)", word)
    return m.group(1) if m else word


_FR_COME = frozenset("vient viennent venait venaient".split())  # "vient de" + infinitive: has just
# "tient à" + infinitive: insists on; "se borne à": confines itself to
_FR_HOLD = frozenset("tient tiennent tenait tenaient tenu borne bornent bornait borna bornèrent".split())
_FR_MODALS = frozenset("""peut peuvent pouvait pouvaient pourrait pourraient doit doivent devait devaient devrait devraient
    veut veulent voulait voulaient va vont allait allaient entend entendent compte comptent semble semblent semblait
    semblaient vint vinrent""".split())
_FR_OBJECT_CLITICS = frozenset("le la les l' l’ lui leur y en se s' s’ me te nous vous".split())
_DETERMINERS = frozenset("le la les l' l’ un une the a an".split())
_OF_WORDS = frozenset("de du des d' d’ of".split())
# adverbs that open a clause before its subject
_LEADING_ADVERBS = frozenset("puis ensuite enfin alors aussi or donc then meanwhile finally still".split())


# a document's participle before "par" / "by" after "selon" / "according to": 'publié par', 'released by'
_PUBLISHED = frozenset("""publié publiée publiés publiées diffusé diffusée diffusés diffusées rapporté rapportée rapportés
    rapportées relayé relayée relayés relayées rédigé rédigée rédigés rédigées signé signée signés signées cité citée
    cités citées transmis transmise émis émise released published issued compiled quoted cited""".split())


def _latin_phrase_after(text: str, toks: list[Token], j: int,
                        mentions: Sequence[Mention] = (), agent: bool = False) -> Optional[Mention]:
    """An unknown speaker right after an inverted cue, up to the next punctuation, clause word or adjunct
    ('"...," said a senior official.', '..., a déclaré le ministre de la Défense lors de ...'): at most `_MAX_NP`
    words, and as many more as a chain of complements takes ('le bureau des médias du gouvernement du Hamas', up to
    `_MAX_NP_CHAIN`), with no time word at its end. A dictionary actor inside it gives the phrase its actor: a name
    that ends it ("le secrétaire général de l'ONU Antonio Guterres"), else the first complement ("du Hamas"). With
    `agent` (after "selon" / "according to"), a document phrase whose participle comes before "par" / "by" gives way
    to the agent after it ('le témoignage publié par des proches' → 'des proches'; `_PUBLISHED`)."""
    if j >= len(toks) or toks[j].norm in _CLAUSE_WORDS:
        return None
    k = j
    while k + 1 < len(toks) and k - j + 1 < _MAX_NP_CHAIN:
        nxt = toks[k + 1]
        if re.search(r"[,;:.!?\"“”«»()]", text[toks[k].end : nxt.start]) or nxt.norm in _CLAUSE_WORDS \
                or nxt.norm in _ADJUNCT_STARTS:
            break
        if k - j + 1 >= _MAX_NP and toks[k].norm not in _OF_WORDS | _DETERMINERS and nxt.norm not in _OF_WORDS:
            # past _MAX_NP words only inside a complement ("du gouvernement du Hamas", "de la Santé") or into the
            # name of a person in apposition ("de l'ONU Antonio Guterres")
            name = next((m for m in mentions if toks[j].start <= m.start <= nxt.start < m.end
                         and m.actor is not None and m.actor.type == "person"), None)
            if name is None or _first_at(toks, name.end) - 1 - j + 1 > _MAX_NP_CHAIN:
                break
            k = _first_at(toks, name.end) - 1
            break
        k += 1
    if agent and k + 2 < len(toks) and toks[k + 1].norm in ("par", "by") and toks[k].norm in _PUBLISHED \
            and not re.search(r"[,;:.!?\"“”«»()]", text[toks[k].end : toks[k + 2].start]):
        # 'selon le témoignage publié par des proches', 'according to a report released by the ministry': the agent
        by = _latin_phrase_after(text, toks, k + 2, mentions)
        if by is not None:
            return by
    while k > j and toks[k].norm in _TIME_WORDS | _OF_WORDS | _DETERMINERS:
        k -= 1  # 'ont déclaré des sources palestiniennes dimanche'; no dangling "de l'"
    phrase = Span.of(text, toks[j].start, toks[k].end)
    inside = [m for m in mentions if phrase.start <= m.start and m.end <= phrase.end and m.actor is not None]
    named = next((m for m in inside if m.end == phrase.end and m.start > phrase.start
                  and m.actor.type == "person"), None)
    linked = named or next((m for m in inside if _DE_COMPLEMENT.search(text[phrase.start : m.start])
                            and not _country_adjective(m)), None)
    return Mention(phrase, linked.actor if linked is not None else None)
