"""The actor dictionary: who is who in ar/en/fr news, and where an article names them.

`ActorDictionary.load()` reads the shipped tables (stance/resources/actors.tsv, roles.tsv, offices.tsv,
built by tools/build_actors.py) and optionally a user file; `find(text)` returns `Mention`s whose spans
index the original text exactly, by longest match over words. Arabic is matched on a normalised form (no
tashkeel or tatweel, أ إ آ ٱ → ا, ى → ي, final ة → ه, article and proclitics و ف ب ل ك stripped) while spans
cover the original name without its proclitic ("لداعش" → "داعش"; "للدولة الاسلامية" → "لدولة الاسلامية", the
ل left being the article's). English and French are matched without case or accents on word boundaries, with
possessive 's and élision (l'État, d'Israël) outside the span; a single word written with capitals in the
dictionary must be capitalised in the text (acronyms all in capitals), so "us" or "Un" are not the US or the
UN.

Ids: countries are ISO 3166 alpha-3 ("RUS"); a country's institutions are CAMEO-style "<ISO3><SECTOR>"
("RUSGOV", "SYRMIL", "SYROPP"), a specific office "<ISO3><SECTOR>.<office>" ("RUSGOV.president",
"GBRGOV.foreign_minister"); people and organisations have slug ids ("vladimir_putin", "islamic_state"). A
capital stands for its country.

>>> d = ActorDictionary.load()
>>> text = "وقال وزير الخارجية البريطاني فيليب هاموند إن روسيا تستهدف المعارضة السورية"
>>> [(m.text, m.actor.id) for m in d.find(text)]
[('وزير الخارجية البريطاني فيليب هاموند', 'philip_hammond'), ('روسيا', 'RUS'), ('المعارضة السورية', 'SYROPP')]
"""

from __future__ import annotations

import csv
import functools
import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable, Optional, Sequence, Union

import yaml

from stance.normalize import (
    Token,
    ar_key,
    is_arabic,
    iter_words,
    joinable,
    make_token,
    normalize_arabic,
    tokenize,
    word_key,
)
from stance.records import Actor, Mention, Span, is_country_code
from stance.text import is_prepositional_noun

RESOURCES = Path(__file__).parent / "resources"
ACTOR_TYPES = ("person", "country", "government", "organisation", "armed_group", "group", "unknown")
LANGS = ("ar", "en", "fr")
STATE_SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY"}
ARMED_SECTORS = {"REB", "INS", "SEP", "UAF", "IMG"}
# CAMEO sector codes and how a country's institution is named ("<country> <label>"); tools/build_actors.py too.
SECTOR_LABELS = {
    "GOV": "government",
    "MIL": "military",
    "LEG": "legislature",
    "JUD": "judiciary",
    "COP": "police",
    "SPY": "intelligence",
    "OPP": "opposition",
    "REB": "rebels",
    "PTY": "political party",
    "MED": "media",
    "BUS": "business",
    "CVL": "civilians",
    "EDU": "education",
    "HRI": "human rights groups",
    "ELI": "elites",
    "INS": "insurgents",
    "UAF": "armed forces",
    "LAB": "labour",
    "REF": "refugees",
    "CRM": "criminals",
}
SRC_RANK = {"user": 0, "curated": 1, "cldr": 2, "phoenix": 3, "up_ar": 4}
_SLOT = "{c}"
_PAYLOAD = "\x00"  # trie key under which a node keeps what ends there (no word key holds NUL)

PathLike = Union[str, Path]


@dataclass(frozen=True)
class _Alias:
    actor: str  # actor id
    rank: tuple  # lower is preferred when two actors share an alias
    cased: bool  # a single Latin word written with capitals: the text must be capitalised too
    acronym: bool  # ... or written all in capitals: the text must be too
    context: Optional[str] = None  # ISO3: the alias counts only where the article names this country
    article: Optional[bool] = (
        None  # one Arabic word: whether the alias carries the article (الكاميرون ≠ كاميرون)
    )


@dataclass(frozen=True)
class RoleTemplate:
    """An office or sector phrase ("وزير الخارجية {c}", "{c} president"); a bare title if no `sector`."""

    lang: str
    template: str
    office: str
    sector: str
    label: str

    @property
    def is_title(self) -> bool:
        return not self.sector


@dataclass(frozen=True)
class Office:
    actor_id: str
    role: str  # "RUSGOV.president"
    start: str = ""  # ISO date or ""
    end: str = ""

    def holds(self, date: Optional[str]) -> bool:
        return date is None or ((not self.start or self.start <= date) and (not self.end or date <= self.end))


@dataclass
class _Match:
    i: int  # first token
    j: int  # one past the last token
    start: int
    end: int
    actor: Optional[Actor] = None
    role: Optional[RoleTemplate] = None
    country: Optional[str] = None
    context: Optional[str] = None


@dataclass
class _Node:
    children: dict = field(default_factory=dict)


def _trie_insert(root: dict, keys: Sequence[str], value) -> None:
    node = root
    for k in keys:
        node = node.setdefault(k, {})
    node.setdefault(_PAYLOAD, []).append(value)


_word_key = functools.lru_cache(maxsize=200_000)(word_key)


def _alias_keys(alias: str) -> list[str]:
    return [_word_key(w) for w in iter_words(alias)]


class ActorDictionary:
    """Actors with their aliases in ar/en/fr, role phrases and office holders; finds actor mentions in text.

    >>> d = ActorDictionary.load()
    >>> d.get("RUS").name, d.lookup("الكرملين").id, d.lookup("the Kremlin").id
    ('Russia', 'RUSGOV', 'RUSGOV')
    """

    def __init__(
        self,
        actors: dict[str, Actor],
        aliases: Iterable[tuple[str, str, str, str, Optional[str]]],
        roles: Iterable[RoleTemplate] = (),
        offices: Iterable[Office] = (),
        adjectives: Optional[dict[str, str]] = None,
        rules: Optional[dict] = None,
    ):
        """`aliases`: (actor_id, lang, alias, src, context ISO3 or None). Prefer `ActorDictionary.load()`."""
        self._actors = dict(actors)
        self._adj = dict(adjectives or {})
        self._rules = rules or {}
        self._roles = list(roles)
        self._offices: dict[str, list[Office]] = {}
        for o in offices:
            self._offices.setdefault(o.actor_id, []).append(o)
        self._office_labels = {r.office: r.label for r in self._roles if r.office}
        self._trie: dict = {}
        self._names: dict[str, list[str]] = {}
        self._title_key_cache: dict[str, frozenset[str]] = {}
        for actor_id, lang, alias, src, context in aliases:
            self._add_alias(actor_id, lang, alias, src, context)
        self._role_trie: dict = {}
        for r in self._roles:
            keys: list[str] = []
            for part in r.template.split():
                keys.extend([_SLOT] if part == _SLOT else _alias_keys(part))
            if keys and keys != [_SLOT]:
                _trie_insert(self._role_trie, keys, r)
        self._dynamic: dict[str, Actor] = {}
        self._particles = {
            _word_key(p) for ps in self._rules.get("surname_particles", {}).values() for p in ps
        }
        self._stop_keys = {_word_key(w) for ws in self._rules.get("stopwords", {}).values() for w in ws}
        # titles naming the office in the next words ("المتحدث باسم", "porte-parole de")
        self._complement_ends = ("باسم", " de", " du", " of", " for")

    # -- construction ----------------------------------------------------------------------------------------
    def _add_alias(self, actor_id: str, lang: str, alias: str, src: str, context: Optional[str]) -> None:
        keys = _alias_keys(alias)
        if not keys:
            return
        latin_single = len(keys) == 1 and not is_arabic(alias.strip()[:1] or "a")
        acronym = latin_single and alias.replace(".", "").isupper() and len(alias.replace(".", "")) <= 5
        cased = latin_single and any(c.isupper() for c in alias)
        a = self._actors[actor_id]
        type_rank = {
            "country": 0,
            "government": 1,
            "organisation": 2,
            "armed_group": 2,
            "group": 3,
            "person": 4,
        }
        rank = (SRC_RANK.get(src, 5), type_rank.get(a.type, 5), len(self._names.get(actor_id, ())))
        article = None
        if len(keys) == 1 and is_arabic(alias.strip()[:1] or "a"):
            article = normalize_arabic(alias.strip()).startswith("ال")
        _trie_insert(self._trie, keys, _Alias(actor_id, rank, cased, acronym, context, article))
        self._names.setdefault(actor_id, []).append(alias)

    @classmethod
    def load(cls, extra: Optional[PathLike] = None, resources: PathLike = RESOURCES) -> "ActorDictionary":
        """The shipped dictionary, plus an optional user file (YAML or TSV) whose entries take precedence.

        A user YAML file::

            actors:
              - id: pierre_bayle            # required: letters, digits, _ . -
                name: Pierre Bayle          # required
                type: person                # person|country|government|organisation|armed_group|group|unknown
                affiliation: FRA            # optional: ISO3 country code or the id of an organisation
                aliases:                    # required: language -> list of names as written in news
                  ar: [بيار بايل, بايل]
                  fr: [Pierre Bayle]
                context: {SYR: {ar: [المعارضة]}}             # optional: valid where the text names SYR
                offices: [FRAGOV.spokesperson@2015-01-01..]  # optional: role phrases resolve to them

        A user TSV file has a header with at least `id name type lang aliases` (aliases separated by `|`) and
        optionally `affiliation` and `context`; one row per actor and language. An existing id is extended
        (its name, type and affiliation replaced when given).

        >>> ActorDictionary.load().get("islamic_state").type
        'armed_group'
        """
        res = Path(resources)
        actors: dict[str, Actor] = {}
        aliases: list[tuple[str, str, str, str, Optional[str]]] = []
        adjectives: dict[str, str] = {}
        path = res / "actors.tsv"
        if not path.exists():
            raise FileNotFoundError(f"{path} is missing: rebuild it with `python tools/build_actors.py`")
        with open(path, encoding="utf-8") as f:
            header = f.readline().rstrip("\n").split("\t")
            col = {h: k for k, h in enumerate(header)}
            for line in f:
                row = line.rstrip("\n").split("\t")
                actor_id = row[col["id"]]
                if actor_id not in actors:
                    actors[actor_id] = Actor(
                        actor_id, row[col["name"]], row[col["type"]], row[col["affiliation"]] or None
                    )
                extra_field = row[col["extra"]]
                context = extra_field[8:] if extra_field.startswith("context=") else None
                if extra_field.startswith("adj="):
                    adjectives[actor_id] = extra_field[4:]
                for alias in row[col["aliases"]].split("|"):
                    if alias:
                        aliases.append((actor_id, row[col["lang"]], alias, row[col["src"]], context))
        roles = []
        with open(res / "roles.tsv", encoding="utf-8") as f:
            f.readline()
            for line in f:
                lang, template, office, sector, label, _src = line.rstrip("\n").split("\t")
                roles.append(RoleTemplate(lang, template, office, sector, label))
        offices = []
        with open(res / "offices.tsv", encoding="utf-8") as f:
            f.readline()
            for line in f:
                actor_id, role, start, end = line.rstrip("\n").split("\t")
                offices.append(Office(actor_id, role, start, end))
        rules = yaml.safe_load((res / "name_rules.yaml").read_text(encoding="utf-8"))
        if extra is not None:
            user_actors, user_aliases, user_offices = read_user_file(extra)
            for a in user_actors:
                old = actors.get(a.id)
                actors[a.id] = (
                    a
                    if old is None
                    else Actor(a.id, a.name or old.name, a.type or old.type, a.affiliation or old.affiliation)
                )
            aliases = user_aliases + aliases
            offices += user_offices
        return cls(actors, aliases, roles, offices, adjectives, rules)

    # -- access ----------------------------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._actors)

    def __contains__(self, actor_id: str) -> bool:
        return self.get(actor_id) is not None

    def get(self, actor_id: str) -> Optional[Actor]:
        """The actor with this id, with ids built on a country ("SYRMIL", "RUSGOV.president")."""
        a = self._actors.get(actor_id) or self._dynamic.get(actor_id)
        if a is not None:
            return a
        m = re.fullmatch(r"([A-Z]{3})([A-Z]{3})(?:\.([a-z_]+))?", actor_id)
        if m and m.group(1) in self._actors and self._actors[m.group(1)].type == "country":
            office = m.group(3) or ""
            label = self._office_labels.get(office, office.replace("_", " ")) if office else None
            return self._institution(m.group(1), m.group(2), office, label)
        return None

    def country_names(self) -> dict[str, str]:
        """{ISO-3 code: name} of the dictionary's countries (for `stance portrayals --by country`)."""
        return {a.id: a.name for a in self._actors.values() if a.type == "country"}

    def aliases(self, actor_id: str) -> list[str]:
        """The names this actor is found by (all languages)."""
        return list(self._names.get(actor_id, []))

    def lookup(self, name: str) -> Optional[Actor]:
        """The actor a whole name refers to, or None: `lookup("بوتين").id == "vladimir_putin"`."""
        name = re.sub(r"(?i)^(the|le|la|les)\s+|^(l|L)['’]", "", name.strip())
        toks = tokenize(name)
        for m in self._find_raw(name, toks):
            if m.i == 0 and m.j == len(toks):
                return m.actor
        return None

    def offices(self, actor_id: str) -> list[Office]:
        return list(self._offices.get(actor_id, []))

    def _institution(self, iso: str, sector: str, office: str, label: Optional[str]) -> Actor:
        actor_id = f"{iso}{sector}" + (f".{office}" if office else "")
        a = self._actors.get(actor_id) or self._dynamic.get(actor_id)
        if a is None:
            country = self._actors[iso]
            who = self._adj.get(iso) or country.name
            from_sector = SECTOR_LABELS.get(sector, sector.lower())
            type_ = (
                "government"
                if sector in STATE_SECTORS
                else "armed_group"
                if sector in ARMED_SECTORS
                else "group"
            )
            a = Actor(actor_id, f"{who} {label or from_sector}", type_, iso)
            self._dynamic[actor_id] = a
        return a

    # -- matching --------------------------------------------------------------------------------------------
    def _walk(self, root: dict, text: str, toks: list[Token], i: int) -> list[tuple[int, int, list]]:
        """Every (j, start, payloads) where tokens i..j-1 spell a path of `root` (clitic readings of i)."""
        out = []
        for vstart, _vend, key in toks[i].variants:
            node = root.get(key)
            j = i + 1
            while node is not None:
                if _PAYLOAD in node:
                    out.append((j, vstart, node[_PAYLOAD]))
                if j >= len(toks) or not joinable(text, toks[j - 1], toks[j]):
                    break
                node = node.get(toks[j].key)
                j += 1
        return out

    def _accept(self, text: str, toks: list[Token], i: int, j: int, a: _Alias) -> bool:
        if not (a.cased or a.acronym):
            return True
        word = text[toks[i].variants[0][0] : toks[i].variants[0][1]]
        if a.acronym:
            return word.replace(".", "").isupper()
        return any(c.isupper() for c in word)

    def _best_actor(self, text: str, toks: list[Token], i: int, countries_only: bool = False) -> list[_Match]:
        """Actor matches starting at token i, longest first (one per length); `countries_only`: countries, for a role's
        country slot, and never a word that reads here as a common word or a name (`_common_word_reading`: "السفير
        رياض منصور" is no Saudi ambassador)."""
        found: dict[int, _Match] = {}
        for j, start, payloads in self._walk(self._trie, text, toks, i):
            cands = [a for a in payloads if self._accept(text, toks, i, j, a)]
            if countries_only:
                cands = [a for a in cands if self._actors[a.actor].type == "country" and a.context is None]
            if not cands:
                continue
            if j == i + 1 and toks[i].arabic and len(cands) > 1:
                has_article = normalize_arabic(text[start : toks[i].end]).startswith(("ال", "ل")) and (
                    normalize_arabic(text[start : toks[i].end]).startswith("ال") or start > toks[i].start
                )
                best = min(
                    cands,
                    key=lambda a: (
                        a.context is not None,
                        a.article is not None and a.article != has_article,
                        a.rank,
                    ),
                )
            else:
                best = min(cands, key=lambda a: (a.context is not None, a.rank))
            end = toks[j - 1].variants[0][1]
            if countries_only and _common_word_reading(text, start, end):
                continue
            m = _Match(i, j, start, end, actor=self._actors[best.actor], context=best.context)
            if j not in found or start > found[j].start:  # equal length: prefer the reading without clitics
                found[j] = m
        return [found[j] for j in sorted(found, reverse=True)]

    def _role_walk(
        self,
        node: dict,
        text: str,
        toks: list[Token],
        j: int,
        country: Optional[str],
        out: list[tuple[int, RoleTemplate, Optional[str]]],
    ) -> None:
        if _PAYLOAD in node:
            for r in node[_PAYLOAD]:
                if (country is None) == r.is_title:
                    out.append((j, r, country))
        if j >= len(toks) or (j > 0 and not joinable(text, toks[j - 1], toks[j])):
            return
        child = node.get(toks[j].key)
        if child is not None:
            self._role_walk(child, text, toks, j + 1, country, out)
        slot = node.get(_SLOT)
        if slot is not None and country is None:
            for m in self._best_actor(text, toks, j, countries_only=True):
                if normalize_arabic(text[toks[j].start : m.start]) in ("و", "ف"):
                    continue  # "المعارضة وسوريا", "الحكومة وروسيا": a conjunction, not the role's country
                self._role_walk(slot, text, toks, m.j, m.actor.id, out)

    def _best_role(self, text: str, toks: list[Token], i: int) -> Optional[_Match]:
        best: Optional[_Match] = None
        for vstart, _vend, key in toks[i].variants:
            out: list[tuple[int, RoleTemplate, Optional[str]]] = []
            child = self._role_trie.get(key)
            if child is not None:
                self._role_walk(child, text, toks, i + 1, None, out)
            if vstart == toks[i].variants[0][0]:
                slot = self._role_trie.get(_SLOT)
                if slot is not None:
                    for m in self._best_actor(text, toks, i, countries_only=True):
                        self._role_walk(slot, text, toks, m.j, m.actor.id, out)
            for j, r, country in out:
                if best is None or j > best.j or (j == best.j and best.role.is_title and not r.is_title):
                    best = _Match(i, j, vstart, toks[j - 1].variants[0][1], role=r, country=country)
        return best

    def _next_actors(self, text: str, toks: list[Token], j: int) -> list[_Match]:
        if 0 < j < len(toks) and joinable(text, toks[j - 1], toks[j]):
            return self._best_actor(text, toks, j)
        return []

    def _find_raw(self, text: str, toks: list[Token]) -> list[_Match]:
        out: list[_Match] = []
        i, n = 0, len(toks)
        while i < n:
            actors = self._best_actor(text, toks, i)
            act = actors[0] if actors else None
            role = self._best_role(text, toks, i)
            if role is not None and (
                act is None
                or role.j > act.j
                or (role.j == act.j and role.role.office and act.actor.type != "person")
            ):
                nxt = self._next_actors(text, toks, role.j)
                if (
                    role.role.is_title
                    and role.role.template.endswith(self._complement_ends)
                    and nxt
                    and nxt[0].actor.type != "person"
                ):
                    nxt = self._next_actors(text, toks, nxt[0].j)  # المتحدث باسم الكرملين ديمتري بيسكوف
                person = next((m for m in nxt if m.actor.type == "person"), None)
                holder_end = None
                title = role.role.template if role.role.is_title else ""  # (an office of a named country: its
                # country is the test, "وزير خارجية كوريا الجنوبية بان كي مون" holds it before his UN years)
                if person is not None and not holds_title(title, person.actor, (role.country,), self):
                    # "وهاجم وزير الخارجية الايراني نتنياهو،": another country's person is no holder; "شكر رئيس
                    # الحكومة انان": the one thanked, not the head of government
                    if person.j - person.i == 1 and _name_goes_on(text, toks, person.j):
                        # "وزير الخارجية الإيراني عباس عراقجي": a longer name that starts like Abbas's is the
                        # role's own holder, unknown to the dictionary: the office's mention runs over it
                        holder_end = _name_end(text, toks, person.j)
                    person = None
                if person is not None:  # "وزير الخارجية البريطاني فيليب هاموند", "الرئيس بشار الاسد"
                    out.append(_Match(i, person.j, role.start, person.end, actor=person.actor))
                    i = person.j
                    continue
                if not role.role.is_title:
                    r = role.role
                    role.actor = self._institution(
                        role.country, r.sector, r.office, r.label if r.office else None
                    )
                    if holder_end is not None:
                        role.j, role.end = holder_end, toks[holder_end - 1].end
                    out.append(role)
                    i = role.j
                    continue
            if act is not None:
                out.append(act)
                i = act.j
                continue
            i += 1
        return out

    def find(
        self, text: str, lang: Optional[str] = None, resolve: bool = True, date: Optional[str] = None
    ) -> list[Mention]:
        """Mentions of dictionary actors in `text`, in order, not overlapping; longest match wins.

        With `resolve` (the default) the article is read as a whole: aliases marked with a context country
        count only where that country is named, a person's surname alone refers to the person named in full
        elsewhere in the text (in Arabic, earlier: `_propagate_surnames`), and office phrases ("الرئيس الروسي") become the office holder named in the
        text (see `resolve_roles`). `lang` is not needed: matching follows each word's script. `date`
        (YYYY-MM-DD) chooses between office holders.

        >>> d = ActorDictionary.load()
        >>> text = "Russian President Vladimir Putin's spokesman criticised the EU."
        >>> [(m.text, m.actor.id) for m in d.find(text)]
        [('Russian President Vladimir Putin', 'vladimir_putin'), ('EU', 'european_union')]
        """
        toks = tokenize(text)
        raw = self._find_raw(text, toks)
        if resolve:
            named = {m.actor.id for m in raw if m.actor and not m.context} | {
                m.actor.affiliation for m in raw if m.actor and not m.context and m.actor.affiliation
            }
            raw = [m for m in raw if not m.context or m.context in named]
            raw = self._without_others_surnames(text, toks, raw)
            raw = self._propagate_surnames(text, toks, raw)
        mentions = [Mention(Span(m.start, m.end, text[m.start : m.end]), m.actor) for m in raw
                    if not _common_word_reading(text, m.start, m.end)]
        if resolve:
            mentions = self.resolve_roles(mentions, text, date=date)
        return mentions

    @functools.cached_property
    def _ar_given_names(self) -> dict[str, frozenset[str]]:
        """The first words of the Arabic names of persons written in two words or more, as token keys, each with the
        persons whose names open with it ("احمد" of "احمد ابو الغيط"); titles and name links left out."""
        out: dict[str, set[str]] = {}
        titles = self._title_keys("ar")
        for actor_id, names in self._names.items():
            a = self._actors.get(actor_id)
            if a is None or a.type != "person":
                continue
            for name in names:
                keys = _alias_keys(name)
                if len(keys) >= 2 and is_arabic(name.strip()[:1]) and keys[0] not in titles \
                        and keys[0] not in self._particles and keys[0] not in _AR_NAME_LINKS:
                    out.setdefault(keys[0], set()).add(actor_id)
        return {k: frozenset(v) for k, v in out.items()}

    @functools.cached_property
    def _ar_named_in_full(self) -> frozenset[str]:
        """The persons some Arabic name of two words or more names (those `_ar_given_names` lists)."""
        return frozenset().union(*self._ar_given_names.values())

    def _without_others_surnames(self, text: str, toks: list[Token], raw: list[_Match]) -> list[_Match]:
        """A person the dictionary knows by a one-word Arabic name, read right after a given name none of that
        person's names opens with, is somebody else of that family ("مدرب المنتخب القطري احمد المالكي" is no Nuri
        al-Maliki): the match goes, and so do the article's other lone mentions of that name unless the person is
        also named in full there. Names the recogniser or the rules read stay mentions, with no actor."""
        given, in_full = self._ar_given_names, self._ar_named_in_full
        others: set[tuple[str, str]] = set()
        drop: set[int] = set()
        for n, m in enumerate(raw):
            if m.actor is None or m.actor.type != "person" or m.j - m.i != 1 or m.i == 0 or not toks[m.i].arabic:
                continue
            prev = toks[m.i - 1]
            if text[prev.end : m.start].strip() or n > 0 and raw[n - 1].j == m.i:
                continue  # (a comma between, or the word before ends another match (matches are in order and
                # never overlap): no name of one man)
            keys = {k for _s, _e, k in prev.variants} - self._stop_keys - _AR_GIVEN_AND_NOUN
            ids = set().union(*(given.get(k, ()) for k in keys))
            # (only a person the dictionary names in full too: its given names are known, "بوريس يلتسين" is
            # Yeltsin though the one-word entry "يلتسين" has none)
            if ids and m.actor.id not in ids and m.actor.id in in_full and len(ids) >= 2:
                drop.add(n)
                others.add((m.actor.id, _word_key(text[m.start : m.end])))
        if not drop:
            return raw
        full = {m.actor.id for m in raw if m.actor is not None and m.j - m.i >= 2}
        return [m for n, m in enumerate(raw) if n not in drop and not (
            m.actor is not None and m.j - m.i == 1 and m.actor.id not in full
            and (m.actor.id, _word_key(text[m.start : m.end])) in others)]

    def _propagate_surnames(self, text: str, toks: list[Token], raw: list[_Match]) -> list[_Match]:
        particles, stop = self._particles, self._stop_keys
        surnames: dict[tuple[str, ...], Optional[Actor]] = {}
        definite: dict[tuple[str, ...], bool] = {}  # an Arabic surname written with the article ("الربيعي")
        # where the person is first named in full: a surname before it is someone else's ("علق الحريري" before "تيار
        # رفيق الحريري" is Saad, not Rafiq)
        named_from: dict[tuple[str, ...], int] = {}
        titles = self._title_keys("ar")

        def one_name(m: _Match) -> bool:
            """A person the dictionary holds under one name alone, as written here: the name, or titles and the
            name ("بلير" of ar_blyr; "الرئيس مبارك" of ar_ryys_mbark): a surname, not the person named in full."""
            return m.actor is not None and m.actor.type == "person" and len(self._names.get(m.actor.id, ())) <= 1 \
                and all(any(k in titles for _s, _e, k in toks[t].variants) for t in range(m.i, m.j - 1))

        for m in raw:
            if m.actor is None or m.actor.type != "person" or m.j - m.i < 2 or one_name(m):
                continue
            last = [toks[m.j - 1].key]
            if m.j - m.i >= 3 and toks[m.j - 2].key in particles:
                last = [toks[m.j - 2].key] + last
            if len("".join(last)) < 3 or last[-1] in stop or last[-1] in _AR_ORDINAL_KEYS:
                continue  # ("عبد الله الثاني": "the second" names nobody alone)
            key = tuple(last)
            surnames[key] = m.actor if surnames.get(key, m.actor) == m.actor else None
            definite[key] = _is_definite(text[toks[m.j - 1].start : toks[m.j - 1].end])
            named_from.setdefault(key, m.end)
        surnames = {k: a for k, a in surnames.items() if a is not None}
        if not surnames:
            return raw
        # a surname the dictionary holds as an entry of its own, with no other name, for a person of the same side is
        # the one named in full: "بلير" (ar_blyr) after "توني بلير" is Tony Blair, "عباس" after "محمود عباس" Mahmoud
        # Abbas, and so is such an entry's title and surname ("الرئيس مبارك", ar_ryys_mbark, after "حسني مبارك");
        # not a name one actor of many names has ("الاسد", Bashar al-Assad, after "أسماء الأسد")
        def named_in_full(m: _Match) -> Optional[Actor]:
            if not one_name(m):
                return None
            return next((surnames[(key,)] for _s, _e, key in toks[m.j - 1].variants
                         if (key,) in surnames and m.start >= named_from[(key,)]), None)

        raw = [replace(m, actor=a) if (a := named_in_full(m)) is not None and a != m.actor
               and m.actor.affiliation in (None, a.affiliation) else m for m in raw]
        trie: dict = {}
        for k, a in surnames.items():  # (a Latin surname must be capitalised: "Sen." is no Hun Sen; Arabic has no case)
            _trie_insert(trie, k, _Alias(a.id, (0,), not any(is_arabic(c) for c in "".join(k)), False))
        covered = [False] * len(toks)
        for m in raw:
            for t in range(m.i, m.j):
                covered[t] = True

        def arabic_name_here(i: int, j: int, start: int) -> bool:
            """An Arabic surname read at tokens i..j-1 (its reading starting at `start`) as written in full: with the
            article as there ("الحمد" of "ولله الحمد" is no "حمد"), after no proclitic but و/ف unless the article
            follows it ("للربيعي"; not "لصالح", in favour of), not after "في" ("وفي صالح البلاد"), and no link of
            another man's name ("جاسم بن حمد", "حمد بن جاسم")."""
            if not toks[i].arabic:
                return True
            clitic = normalize_arabic(text[toks[i].start : start])
            has_article = _is_definite(text[toks[i].start : toks[i].end])
            prev = normalize_arabic(text[toks[i - 1].start : toks[i - 1].end]) if i > 0 else ""
            nxt = normalize_arabic(text[toks[j].start : toks[j].end]) if j < len(toks) else ""
            # the surname as `_walk` spelled it: the reading of token i that starts at `start` ("انان" of "وانان")
            key = (next(k for vs, _ve, k in toks[i].variants if vs == start), *(t.key for t in toks[i + 1 : j]))
            return start >= named_from.get(key, 0) and has_article == definite.get(key, has_article) \
                and (clitic in ("", "و", "ف") or has_article) \
                and prev not in _AR_NAME_LINKS and nxt not in _AR_NAME_LINKS and prev not in ("في", "وفي", "ففي")

        extra = []
        i = 0
        while i < len(toks):
            if covered[i]:
                i += 1
                continue
            hits = [(j, s, p) for j, s, p in self._walk(trie, text, toks, i) if not any(covered[i:j])]
            hits = [
                (j, s, p)
                for j, s, p in hits
                if self._accept(text, toks, i, j, p[0])
                and arabic_name_here(i, j, s)
                and not (
                    text[toks[j - 1].end : toks[j - 1].end + 1] == "."
                    and toks[j - 1].end - toks[j - 1].start <= 3
                    and not toks[j - 1].arabic
                )
            ]  # "Sen." is an abbreviation, not Hun Sen
            if hits:
                j, s, p = max(hits, key=lambda h: (h[0], h[1]))
                extra.append(_Match(i, j, s, toks[j - 1].variants[0][1], actor=self._actors[p[0].actor]))
                i = j
                continue
            i += 1
        return sorted(raw + extra, key=lambda m: m.start)

    # -- per-article resolution ------------------------------------------------------------------------------
    def resolve_roles(
        self, mentions: Sequence[Mention], text: str, date: Optional[str] = None
    ) -> list[Mention]:
        """Office mentions become the office holder named in the same text.

        "الرئيس الروسي" (RUSGOV.president) becomes Vladimir Putin when the text names Putin, who held that
        office (on `date` when given); the nearest earlier holder mention wins, else the nearest later one.
        Other mentions are returned unchanged. `text` is the article the mentions index.
        """
        holders: dict[str, list[tuple[int, Actor]]] = {}
        for m in mentions:
            if m.actor is None or m.actor.type != "person":
                continue
            for o in self._offices.get(m.actor.id, []):
                if o.holds(date):
                    holders.setdefault(o.role, []).append((m.start, m.actor))
        out = []
        for m in mentions:
            cands = holders.get(m.actor.id, []) if m.actor is not None and "." in m.actor.id else []
            if cands:
                before = [c for c in cands if c[0] < m.start]
                pick = max(before, key=lambda c: c[0]) if before else min(cands, key=lambda c: c[0])
                m = Mention(m.span, pick[1], m.resolved)
            out.append(m)
        return out

    def resolve_bare_offices(self, mentions: Sequence[Mention], text: str) -> list[Mention]:
        """Arabic ministries named without their country take it from the article: "وزارة الدفاع" after "وزير الدفاع
        الفرنسي ..." is France's defence ministry, and "الوزارة" is the ministry named last before it. The country is
        the affiliation of the nearest earlier mention that names the same office family ("الدفاع") with a known
        actor; with none, the mention is unchanged. A bare "الحزب", "الحركة", "المنظمة", "الجماعة" or "الجبهة"
        stands likewise for the body of its kind named last (`with_bare_body_antecedent`)."""
        out: list[Mention] = []
        for m in sorted(mentions, key=lambda m: m.start):
            key = normalize_arabic(m.text)
            key = key[1:] if key[:1] in "وفلب" and key[1:].startswith(("وزاره", "الوزاره")) else key
            if m.actor is None or _countryless_ministry(m.actor):
                actor = None
                if key in _BARE_MINISTRIES:
                    family, office = _BARE_MINISTRIES[key]
                    near = next((x for x in reversed(out) if x.actor is not None and x.actor.affiliation
                                 and family in normalize_arabic(x.text)), None)
                    actor = self.get(f"{near.actor.affiliation}GOV.{office}") if near is not None else None
                elif key == "الوزاره":
                    near = next((x for x in reversed(out) if x.actor is not None and x.actor.id.endswith("_ministry")
                                 and not _countryless_ministry(x.actor)), None)
                    actor = near.actor if near is not None else None
                elif m.actor is None:
                    m = with_bare_body_antecedent(m, out, text)
                if actor is not None:
                    m = Mention(m.span, actor, m.resolved)
            out.append(m)
        return out

    # -- names the dictionary does not know ------------------------------------------------------------------
    def find_unknown_names(
        self, text: str, lang: str, known: Optional[Sequence[Mention]] = None
    ) -> list[Mention]:
        """Likely names of people or organisations that are not in the dictionary (Mentions with actor=None).

        English/French: capitalised word sequences (with connectors such as "of", "de", "al"), leaving out
        sentence-initial common words and titles. Arabic: the name right after a title (الرئيس، وزير الخارجية،
        المتحدث باسم الوزارة ...) or after a reporting verb in verb-subject order (وقال فلان ...).
        `known` (default: `find(text)`) are left out.

        >>> d = ActorDictionary.load()
        >>> text = "وقال المتحدث باسم الوزارة بيار بايل خلال مؤتمره الصحافي"
        >>> [m.text for m in d.find_unknown_names(text, "ar")]
        ['بيار بايل']
        """
        if lang not in LANGS:
            raise ValueError(f"lang must be one of {LANGS}, got {lang!r}")
        toks = tokenize(text)
        if known is None:
            known = self.find(text)
        taken = _SpanIndex(known)
        covered = [taken.overlaps(t.start, t.end) for t in toks]  # tokens sharing a character with a known mention
        if lang == "ar":
            spans = self._unknown_arabic(text, toks, covered)
        else:
            spans = self._unknown_latin(text, toks, covered, lang)
        return [Mention(Span(s, e, text[s:e]), None) for s, e in spans]

    def find_collectives(self, text: str, known: Optional[Sequence[Mention]] = None) -> list[Mention]:
        """Arabic collective actors outside the dictionary: nisba plurals of a country ("السوريين", "السوريون" -> Syria)
        and the collectives of `resources/ar_collectives.txt` ("المتظاهرين", "قوات الأمن"), with a following nisba
        adjective when there is one ("مسلحين مجهولين", "الطلاب الفلسطينيين"). `known` mentions are left out.

        >>> d = ActorDictionary.load()
        >>> [(m.text, m.actor.id if m.actor else None) for m in d.find_collectives("لكن السوريين ونددت الحكومة بالمتظاهرين")]
        [('السوريين', 'SYR'), ('الحكومة', None), ('المتظاهرين', None)]
        """
        known = list(known or [])
        out = _people_groups(text, known)
        taken = _SpanIndex(known + out)
        toks = [t for t in tokenize(text) if t.arabic]
        single, double = _collectives()
        i = 0
        while i < len(toks):
            t = toks[i]
            if taken.overlaps(t.start, t.end):  # ("ولأهالي": the mention starts inside the word)
                i += 1
                continue
            hit = None
            for s, _e, key in t.variants:
                nxt = toks[i + 1] if i + 1 < len(toks) else None
                if nxt is not None and joinable(text, t, nxt) and (key, nxt.key) in double:
                    hit = (s, nxt.end, None, i + 1)
                elif key in single and (key not in _definite_only() or _is_definite(text[t.start : t.end])) \
                        and not _not_people(key, toks[i - 1] if i > 0 else None):
                    hit = (s, t.end, None, i)
                elif key.endswith(("يين", "يون")) and len(key) >= 6:
                    actor = self.lookup(key[:-2])
                    if actor is not None and actor.type == "country":
                        hit = (s, t.end, actor, i)
                if hit:
                    break
            if hit is None:
                i += 1
                continue
            s, e, actor, last = hit
            nxt = toks[last + 1] if last + 1 < len(toks) else None
            if actor is None and nxt is not None and joinable(text, toks[last], nxt) and len(nxt.key) >= 4 \
                    and nxt.key.endswith(("ي", "يين", "يون")) and same_case(_surface(text, toks[last]), _surface(text, nxt)) \
                    and not any(m.start <= nxt.start < m.end for m in known):
                e, last = nxt.end, last + 1  # "مسلحين مجهولين": the adjective belongs to the collective
            out.append(Mention(Span(s, e, text[s:e]), actor))
            i = last + 1
        return sorted(out, key=lambda m: m.start)

    def _unknown_latin(
        self, text: str, toks: list[Token], covered: list[bool], lang: str
    ) -> list[tuple[int, int]]:
        stop = {s.casefold() for s in self._rules.get("stopwords", {}).get(lang, [])}
        connectors = set(self._rules.get("connectors", {}).get(lang, []))
        titles = self._title_keys(lang)
        lower_words = {text[t.start : t.end].casefold() for t in toks if text[t.start : t.end].islower()}
        out: list[tuple[int, int]] = []
        i, n = 0, len(toks)

        breaks = _headline_breaks() if lang == "en" else frozenset()

        def capital(t: Token) -> bool:
            w = text[t.variants[0][0] : t.variants[0][1]]
            return bool(w) and w[0].isupper() and not is_arabic(w[0]) and w.casefold() not in breaks

        while i < n:
            if covered[i] or not capital(toks[i]):
                i += 1
                continue
            j = i + 1
            while j < n and not covered[j] and joinable(text, toks[j - 1], toks[j]):
                w = text[toks[j].start : toks[j].end]
                if capital(toks[j]):
                    j += 1
                elif (
                    w.casefold() in connectors
                    and j + 1 < n
                    and capital(toks[j + 1])
                    and not covered[j + 1]
                    and joinable(text, toks[j], toks[j + 1])
                ):
                    j += 2
                else:
                    break
            a, b = i, j
            while a < b and (
                text[toks[a].variants[0][0] : toks[a].variants[0][1]].casefold() in stop
                or toks[a].key in titles
            ):
                a += 1
            sentence_start = self._sentence_initial(text, toks[i].start)
            if a < b:
                first = text[toks[a].start : toks[a].end]
                if a == i and sentence_start and b - a == 1 and first.casefold() in lower_words:
                    a = b  # a common word capitalised at the start of a sentence
                elif b - a == 1 and (first.isdigit() or len(first) < 2):
                    a = b
            if a < b:
                out.append((toks[a].variants[0][0], toks[b - 1].variants[0][1]))
            i = j
        return out

    @staticmethod
    def _sentence_initial(text: str, start: int) -> bool:
        k = start - 1
        while k >= 0 and text[k] in " \t\"'«“‘(-–—":
            k -= 1
        return k < 0 or text[k] in ".!?\n:;…»”"

    def _titles(self, lang: str) -> list[str]:
        return [r.template for r in self._roles if r.lang == lang and r.is_title]

    def _title_keys(self, lang: str) -> frozenset[str]:
        """The first words of the bare titles, as token keys ("رئيس", "وزير", "شيخ")."""
        if lang not in self._title_key_cache:
            self._title_key_cache[lang] = frozenset(_word_key(t.split()[0]) for t in self._titles(lang))
        return self._title_key_cache[lang]

    @functools.cached_property
    def _ar_words(self) -> dict[str, set]:
        """Keyed Arabic word lists for unknown names (computed once)."""
        rules = self._rules

        def keys(words: Iterable[str]) -> set[str]:
            return {_word_key(w) for w in words}

        role_words: set[str] = set()
        for r in self._roles:
            if r.lang == "ar":
                role_words.update(
                    k for part in r.template.split() if part != _SLOT for k in _alias_keys(part)
                )
        from stance.attribution.cues import load_cues  # (lazily: stance.attribution reads this module)

        # every form of the cue lexicon that is a verb of saying or judging, or its participle ("يتهم", "رفض",
        # "مضيفا"): a name never starts or goes on with one ("وزير الخارجية يتهم دمشق", "وزير الداخلية رفض إقحام")
        cue_verbs = {f for f, kind in load_cues()["ar"].items() if kind in ("report", "eval", "continue", "participle")}
        return {
            "stop": keys(rules.get("stopwords", {}).get("ar", [])),
            "verbs": keys(rules.get("ar_reporting_verbs", [])),
            "cue_verbs": keys(cue_verbs),
            "time": keys(rules.get("ar_time_words", [])),
            "complement": {tuple(_alias_keys(p)) for p in rules.get("ar_titles_with_complement", [])},
            "roles": role_words,
        }

    def _unknown_arabic(self, text: str, toks: list[Token], covered: list[bool]) -> list[tuple[int, int]]:
        w = self._ar_words
        stop, verbs, time_words, role_words = w["stop"], w["verbs"], w["time"], w["roles"]
        complement_titles, cue_verbs = w["complement"], w["cue_verbs"]
        out: list[tuple[int, int]] = []
        n = len(toks)

        def a_cue(tok: Token) -> bool:  # as written or without a clitic ("فيشير")
            return any(v[2] in cue_verbs for v in tok.variants)

        def name_at(k: int, min_words: int) -> Optional[tuple[int, int]]:
            """A name of `min_words`-3 words starting at token k (the first without the article), or None."""
            if k >= n or covered[k] or not toks[k].arabic:
                return None
            first = text[toks[k].variants[0][0] : toks[k].end]
            key = toks[k].variants[0][2]
            if (
                first.startswith(("ال", "وال"))
                or key in stop
                or key in role_words
                or key in verbs
                or a_cue(toks[k])
                or len(key) < 2
                or _people_of_a_country(toks[k], self)  # "سوريون فروا": a people, read as a collective
                or is_prepositional_noun(first)
                or normalize_arabic(first) in _TOLD_BEFORE_NAME
            ):
                return None  # ("كشفت لنا وثائق ويكيليكس": "to us", then the subject)
            j, told = k + 1, False
            while (
                j < n
                and j - k < 3
                and toks[j].arabic
                and not covered[j]
                and joinable(text, toks[j - 1], toks[j])
            ):
                key = toks[j].variants[0][2]
                if key in stop or key in role_words or key in verbs or key in time_words or a_cue(toks[j]):
                    break
                if normalize_arabic(text[toks[j].start : toks[j].end]).startswith(("لل", "بال")) or \
                        normalize_arabic(text[toks[j].start : toks[j].end]) in ("ل", "ب"):
                    break  # "للصحافيين", "بالحكومة": a prepositional phrase, never part of a name
                if normalize_arabic(text[toks[j].start : toks[j].end]).startswith("ل") and any(
                        v[2] in role_words or v[2] in _TOLD_NOUNS for v in toks[j].variants[1:]):
                    # "وأكد بختي لقاضي التحقيق", "وقال مسيكا لصحافيين", "لوكالة": the one he told, not his name
                    told = any(v[2] in _TOLD_NOUNS for v in toks[j].variants[1:])
                    break
                j += 1
            if j - k < min_words and not (told and j - k == 1):  # (a one-word name the journalists were told)
                return None
            return toks[k].variants[0][0], toks[j - 1].end

        def person_office(r: RoleTemplate) -> bool:
            return r.is_title or bool(r.office) and not r.office.endswith("ministry")

        i = 0
        while i < n:
            if not toks[i].arabic or covered[i]:
                i += 1
                continue
            role = self._best_role(text, toks, i)
            if role is not None:
                if person_office(role.role):
                    # a title or an office held by a person, then the name
                    k = role.j
                    keys = tuple(t.key for t in toks[i : role.j])
                    if k < n and any(keys[-len(c) :] == c for c in complement_titles if len(keys) >= len(c)):
                        k += 1  # the office named after "باسم" (الوزارة, or a known mention such as الكرملين)
                        while k < n and covered[k] and covered[k - 1]:
                            k += 1
                    span = name_at(k, 1) if 0 < k < n and joinable(text, toks[k - 1], toks[k]) else None
                    if span:
                        out.append(span)
                        i = bisect_left([t.start for t in toks], span[1])
                        continue
                i = role.j
                continue
            # verb-subject order: وقال فلان ...; a title after the verb is handled at the next position
            if any(v[2] in verbs for v in toks[i].variants):
                k = i + 1
                while k < n and toks[k].variants[0][2] in time_words and k - i <= 2:
                    k += 1
                # not across a quote or a colon: "وقال «اننا نرفض", "فيقول: «نشعر" open the content
                span = name_at(k, 2) if k < n and joinable(text, toks[k - 1], toks[k]) else None
                if span:
                    out.append(span)
                    i = bisect_left([t.start for t in toks], span[1])
                    continue
            i += 1
        merged: list[tuple[int, int]] = []
        for s, e in sorted(set(out)):
            if merged and s < merged[-1][1]:
                continue
            merged.append((s, e))
        return merged


# -- user files ----------------------------------------------------------------------------------------------

_ID_RE = re.compile(r"^[A-Za-z0-9_.\-]+$")


def read_user_file(
    path: PathLike,
) -> tuple[list[Actor], list[tuple[str, str, str, str, Optional[str]]], list[Office]]:
    """Read and validate a user actor file (YAML or TSV; see `ActorDictionary.load`)."""
    p = Path(path)
    if not p.exists():
        raise FileNotFoundError(f"actor file {p} not found: pass the path of a .yaml or .tsv file")
    if p.suffix.lower() in (".yaml", ".yml"):
        return _read_user_yaml(p)
    if p.suffix.lower() in (".tsv", ".txt"):
        return _read_user_tsv(p)
    raise ValueError(f"actor file {p}: expected a .yaml/.yml or .tsv file, found suffix {p.suffix!r}")


def _check_actor(where: str, id_: object, name: object, type_: object, affiliation: object) -> None:
    if not isinstance(id_, str) or not _ID_RE.match(id_):
        raise ValueError(
            f"{where}: `id` must be letters, digits, _ . - (found {id_!r}); e.g. id: pierre_bayle"
        )
    if not isinstance(name, str) or not name.strip():
        raise ValueError(f"{where}: `name` is required (found {name!r}); e.g. name: Pierre Bayle")
    if type_ not in ACTOR_TYPES:
        raise ValueError(f"{where}: `type` must be one of {', '.join(ACTOR_TYPES)} (found {type_!r})")
    if affiliation is not None and (not isinstance(affiliation, str) or not _ID_RE.match(affiliation)):
        raise ValueError(
            f"{where}: `affiliation` must be an ISO3 code such as FRA or an actor id (found {affiliation!r})"
        )


def _read_user_yaml(p: Path):
    try:
        doc = yaml.safe_load(p.read_text(encoding="utf-8"))
    except yaml.YAMLError as e:
        raise ValueError(f"actor file {p} is not valid YAML: {e}") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("actors"), list):
        raise ValueError(
            f"actor file {p}: expected a mapping with a list under `actors:` "
            f"(found {type(doc).__name__}); see ActorDictionary.load's docstring for an example"
        )
    actors, aliases, offices = [], [], []
    for k, a in enumerate(doc["actors"], 1):
        where = f"{p}: actors[{k}]"
        if not isinstance(a, dict):
            raise ValueError(f"{where}: expected a mapping with id, name, type, aliases (found {a!r})")
        unknown = set(a) - {"id", "name", "type", "affiliation", "aliases", "context", "offices", "code"}
        if unknown:
            raise ValueError(
                f"{where}: unknown field(s) {sorted(unknown)}; allowed: id, name, type, affiliation, "
                "aliases, context, offices"
            )
        _check_actor(where, a.get("id"), a.get("name"), a.get("type"), a.get("affiliation"))
        al = a.get("aliases")
        if not isinstance(al, dict) or not al:
            raise ValueError(
                f"{where} ({a['id']}): `aliases` must map a language (ar, en, fr) to a list of names"
            )
        for lang, names in al.items():
            _check_names(f"{where} ({a['id']}) aliases.{lang}", lang, names)
            aliases += [(a["id"], lang, str(n), "user", None) for n in names]
        for iso, by_lang in (a.get("context") or {}).items():
            if not isinstance(by_lang, dict):
                raise ValueError(f"{where}: `context.{iso}` must map a language to a list of names")
            for lang, names in by_lang.items():
                _check_names(f"{where} context.{iso}.{lang}", lang, names)
                aliases += [(a["id"], lang, str(n), "user", str(iso)) for n in names]
        for spec in a.get("offices") or []:
            m = re.fullmatch(
                r"([A-Z]{3}[A-Z]{3}\.[a-z_]+)(?:@(\d{4}-\d{2}-\d{2})?\.\.(\d{4}-\d{2}-\d{2})?)?", str(spec)
            )
            if not m:
                raise ValueError(
                    f"{where}: office {spec!r} must look like RUSGOV.president or "
                    "RUSGOV.president@2012-05-07.."
                )
            offices.append(Office(a["id"], m.group(1), m.group(2) or "", m.group(3) or ""))
        actors.append(Actor(a["id"], a["name"], a["type"], a.get("affiliation")))
    return actors, aliases, offices


def _check_names(where: str, lang: str, names: object) -> None:
    if lang not in LANGS:
        raise ValueError(f"{where}: language must be one of {LANGS} (found {lang!r})")
    if not isinstance(names, list) or not names or not all(isinstance(n, str) and n.strip() for n in names):
        raise ValueError(
            f"{where}: expected a non-empty list of names, e.g. [Pierre Bayle] (found {names!r})"
        )


def _read_user_tsv(p: Path):
    actors: dict[str, Actor] = {}
    aliases = []
    with open(p, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t")
        need = {"id", "name", "type", "lang", "aliases"}
        missing = need - set(reader.fieldnames or [])
        if missing:
            raise ValueError(
                f"actor file {p}: header lacks column(s) {sorted(missing)}; expected tab-separated "
                "columns id, name, type, lang, aliases (and optionally affiliation, context)"
            )
        for k, row in enumerate(reader, 2):
            where = f"{p}:{k}"
            aff = (row.get("affiliation") or "").strip() or None
            _check_actor(where, row["id"], row["name"], row["type"], aff)
            names = [n.strip() for n in (row["aliases"] or "").split("|") if n.strip()]
            _check_names(where, row["lang"], names)
            ctx = (row.get("context") or "").strip() or None
            actors[row["id"]] = Actor(row["id"], row["name"], row["type"], aff)
            aliases += [(row["id"], row["lang"], n, "user", ctx) for n in names]
    return list(actors.values()), aliases, []


# -- module-level conveniences -------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def default_dictionary() -> ActorDictionary:
    """The shipped dictionary, loaded once per process."""
    return ActorDictionary.load()


def find_mentions(
    text: str, lang: Optional[str] = None, dictionary: Optional[ActorDictionary] = None
) -> list[Mention]:
    """`ActorDictionary.find` with the shipped dictionary."""
    return (dictionary or default_dictionary()).find(text, lang)


def resolve_roles(
    mentions: Sequence[Mention],
    text: str,
    dictionary: Optional[ActorDictionary] = None,
    date: Optional[str] = None,
) -> list[Mention]:
    """`ActorDictionary.resolve_roles` with the shipped dictionary."""
    return (dictionary or default_dictionary()).resolve_roles(mentions, text, date)


def find_unknown_names(
    text: str,
    lang: str,
    dictionary: Optional[ActorDictionary] = None,
    known: Optional[Sequence[Mention]] = None,
) -> list[Mention]:
    """`ActorDictionary.find_unknown_names` with the shipped dictionary."""
    return (dictionary or default_dictionary()).find_unknown_names(text, lang, known)


@dataclass(frozen=True)
class _Around:
    """The words around a one-word alias, normalised (`normalize_arabic`) and without punctuation, and the Arabic
    letter glued to its start ("لفتح": "ل"), if any."""

    prev: str
    next: str
    clitic: str


def _around(text: str, start: int, end: int) -> _Around:
    prev = (text[max(0, start - 40) : start].split() or [""])[-1]
    nxt = (text[end : end + 40].split() or [""])[0].strip("«»\"،,.")
    clitic = text[start - 1] if start > 0 and is_arabic(text[start - 1]) else ""
    return _Around(normalize_arabic(prev), normalize_arabic(nxt), clitic)


def _n(words: str) -> frozenset:
    return frozenset(normalize_arabic(w) for w in words.split())


_OPENED_BEFORE = _n("قد وقد فقد لقد تم وتم الى إلى على اعادة إعادة عدم بعد لدى")
_OPENED_AFTER = _n("النار نيران تحقيق تحقيقا تحقيقاً باب الباب ابواب أبواب الطريق الطرق المجال المعبر المعابر معبر "
                   "الحدود ملف الملف صفحة مكتب مكاتب الأجواء الاجواء المدارس الجامعات")
_THIS = _n("هذه تلك وهذه وتلك نفس ذات")
# adjectives after القاعدة that describe the group, not a base ("القاعدة الإرهابية"), and nouns ending in -ية that
# are its object ("أعلنت القاعدة المسؤولية")
_QAEDA_NOT_BASE_AFTER = _n("الإرهابية الارهابية المسؤولية مسؤولية")
_COMPETITIONS = _n("أبطال ابطال كأس كاس بطولة دوري")
_CLASH_AFTER = _n("بين مسلح عنيف مباشر دام دموي")
_CLASH_BEFORE = _n("في الى إلى وقوع اندلاع أدى ادى")


def _opened(w: _Around) -> bool:
    """"فتح النار", "تم فتح تحقيق", "لفتح المعابر" (opened, opening), not Fatah."""
    if w.clitic:
        return w.clitic in "لب"
    return w.prev in _OPENED_BEFORE or w.next in _OPENED_AFTER


def _rule_or_base(w: _Around) -> bool:
    """"هذه القاعدة" (this rule), "القاعدة نفسها", "القاعدة العسكرية" (the base), not al-Qaeda."""
    return w.prev in _THIS or w.next in ("نفسها", "ذاتها") \
        or (w.next.startswith("ال") and w.next.endswith("يه") and w.next not in _QAEDA_NOT_BASE_AFTER)


def _competition(w: _Around) -> bool:
    """"دوري أبطال أوروبا", "كأس أوروبا": a competition, not Europe as an actor."""
    return w.prev in _COMPETITIONS


def _clash(w: _Around) -> bool:
    """"في صدام بين الشرطة والمتظاهرين": a clash, not Saddam Hussein."""
    return w.next in _CLASH_AFTER or w.prev in _CLASH_BEFORE


def _without_article(w: _Around) -> bool:
    """"رياض" without its article is a given name ("رياض سيف", "وقال رياض ان") or gardens ("ساحة رياض الصلح"),
    never the capital "الرياض" (all 8 such words in the dev, train and NewsFANE texts), which its matching key,
    without the article, would make Saudi Arabia."""
    return True


# one-word aliases that are also a common word, keyed by their normalised form, with the test of the words around
# them that gives the common reading
_COMMON_WORD_READINGS: dict[str, Callable[[_Around], bool]] = {
    "فتح": _opened, "القاعده": _rule_or_base, "لقاعده": _rule_or_base, "اوروبا": _competition, "اوربا": _competition,
    "صدام": _clash, "رياض": _without_article,
}


# Arabic ordinals, as matching keys (`ar_key`: no article, -ية as -ي): the regnal number of "عبد الله الثاني" is no
# surname
_AR_ORDINAL_KEYS = frozenset("اول ثاني ثالث رابع خامس سادس سابع ثامن تاسع عاشر".split())
# given names that are nouns too, as token keys: "خليفة الزرقاوي" is his successor (`_without_others_surnames`)
_AR_GIVEN_AND_NOUN = frozenset(_word_key(w) for w in ("خليفة",))
# bare titles of a state's offices (`held_by`): head of government or state, a minister
_AR_STATE_TITLES = tuple(normalize_arabic(t) for t in ("رئيس الحكومة", "رئيس حكومة", "رئيس الوزراء", "رئيس وزراء",
                                                       "رئيس الجمهورية", "وزير", "الوزير", "وزيرة", "الوزيرة"))


def held_by(title: str, person: Actor, actors: "ActorDictionary | None" = None) -> bool:
    """Whether `person` may hold the bare Arabic title before his name: a state's office ("رئيس الحكومة", "وزير
    الخارجية") is held by no one whose side is an international body, a body of no country ("شكر رئيس الحكومة انان":
    Annan is the one thanked). Other titles, and people of a country, of a country's party or movement ("رئيس
    الحكومة اسماعيل هنية") or of no known side, may hold it."""
    norm = " ".join(normalize_arabic(title).split())
    if not any(norm == t or norm.startswith(t + " ") for t in _AR_STATE_TITLES) or not person.affiliation \
            or is_country_code(person.affiliation):
        return True
    if actors is None:  # (the attribution rules see mentions, not the dictionary: the shipped bodies, read once)
        return person.affiliation not in _international_bodies()
    side = actors.get(person.affiliation)
    return side is None or side.type != "organisation" or side.affiliation is not None


def holds_title(title: str, person: Actor, sides: Iterable[Optional[str]] = (),
                actors: "ActorDictionary | None" = None) -> bool:
    """Whether `person`, named right after the Arabic title or role phrase `title`, may be its holder. `sides` are the
    ids the title names its office for (a country, a body and its country), if any. Another country's person holds
    none of its offices ("وهاجم وزير الخارجية الايراني نتنياهو": Netanyahu is the one attacked), and a man of an
    international body holds no state's office (`held_by`). The one test every join of a title to a name makes: the
    dictionary's role phrases, and the attribution rules' role chains, role holders and unknown subjects."""
    sides = {s for s in sides if s}
    if any(is_country_code(s) for s in sides) and is_country_code(person.affiliation) \
            and person.affiliation not in sides:
        return False  # (a body of no country names no country: "الأمين العام للجامعة العربية عمرو موسى")
    return held_by(title, person, actors)


@functools.lru_cache(maxsize=1)
def _international_bodies(resources: PathLike = RESOURCES) -> frozenset[str]:
    """The ids of the shipped dictionary's organisations of no country (the UN, the Arab League, the IAEA ...), read
    from its TSV without loading the dictionary."""
    out = set()
    with open(Path(resources) / "actors.tsv", encoding="utf-8") as f:
        col = {h: k for k, h in enumerate(f.readline().rstrip("\n").split("\t"))}
        for line in f:
            row = line.rstrip("\n").split("\t")
            if row[col["type"]] == "organisation" and not row[col["affiliation"]]:
                out.add(row[col["id"]])
    return frozenset(out)


# the words that link a name to a father's, a son's or a mother's ("جاسم بن حمد", "ابو مازن", "محمد ولد عبد العزيز"), or
# a family's ("آل ثاني"): what follows them is another person's name. `tools/build_actors.py` reads the same list.
AR_NAME_LINK_WORDS = tuple("بن ابن بنت ابو أبو ام أم ولد آل ال".split())
_AR_NAME_LINKS = frozenset(normalize_arabic(w) for w in AR_NAME_LINK_WORDS)


def _common_word_reading(text: str, start: int, end: int) -> bool:
    """True when the one-word Arabic alias at text[start:end] reads here as a common verb or noun
    (`_COMMON_WORD_READINGS`), not as the actor."""
    reading = _COMMON_WORD_READINGS.get(normalize_arabic(text[start:end]))
    return reading is not None and reading(_around(text, start, end))


def is_people(m: Mention) -> bool:
    """A mention of a country's people by the plural nisba ("الفلسطينيين", "السوريون", actor the country): people, who
    act and speak, and whom their own government can portray."""
    return m.actor is not None and m.actor.type == "country" and normalize_arabic(m.text).endswith(("يين", "يون"))


def people_of_a_country(text: str, start: int, end: int, d: "ActorDictionary") -> bool:
    """Whether text[start:end] is one word, the plural nisba of a country ("الفلسطينيون", "سوريين"): a people, which
    `ActorDictionary.find_collectives` reads (with the country's actor), not a personal name."""
    toks = [t for t in tokenize(text[start:end]) if t.arabic]
    return len(toks) == 1 and _people_of_a_country(toks[0], d)


def _people_of_a_country(tok: Token, d: "ActorDictionary") -> bool:
    """"الفلسطينيين", "والاسرائيليون": the plural nisba of a country names its people, not a quality."""
    for _s, _e, key in tok.variants:
        for stem in (key[:-2], key[:-2].removeprefix("ال")):
            actor = d.lookup(stem) if key.endswith(("يين", "يون")) else None
            if actor is not None and actor.type == "country":
                return True
    return False


def join_second_adjectives(mentions: Sequence[Mention], text: str,
                           dictionary: Optional["ActorDictionary"] = None) -> list[Mention]:
    """"مسؤولين عسكريين واستخباراتيين", "مسؤولون عسكريون وأمنيون": a plural nisba adjective joined by و after a
    mention whose last word is one belongs to that mention (and is no mention of its own). `dictionary` (default:
    the shipped one) tells a people ("الاسرائيليين", a country's nisba) from an adjective."""
    d = dictionary or default_dictionary()
    toks = tokenize(text)
    ends = {t.end: k for k, t in enumerate(toks)}
    out = sorted(mentions, key=lambda m: m.start)
    widened = []
    for n, m in enumerate(out):
        k = ends.get(m.end)
        if m.actor is not None or k is None or k + 1 >= len(toks) or not toks[k].key.endswith(("يين", "يون")) \
                or toks[k].start <= m.start:
            continue  # a head noun before the adjective ("مسؤولين عسكريين"): not "الاسلاميين والعلمانيين", two groups
        nxt = toks[k + 1]
        if joinable(text, toks[k], nxt) and text[nxt.start] == "و" \
                and not any(o.actor is not None and o.start <= nxt.start < o.end for o in out) \
                and not _people_of_a_country(toks[k], d) and not _people_of_a_country(nxt, d) \
                and any(key.endswith(("يين", "يون")) and len(key) >= 6 for _s, _e, key in nxt.variants):
            out[n] = Mention(Span(m.start, nxt.end, text[m.start : nxt.end]), m.actor)
            widened.append(out[n])
    # a mention inside a widened one (the adjective found on its own) goes
    return [m for m in out if not any(w is not m and w.start <= m.start and m.end <= w.end for w in widened)]




# accusative forms that are also adjectives of an indefinite noun ("هجوما انتحاريا", "نزاعا مسلحا", "نظاما مدنيا"), and
# heads before which "الأطفال" names a thing ("شلل الأطفال" polio, "رياض الأطفال" kindergartens)
_ADJECTIVE_ACCUSATIVES = frozenset(word_key(w) for w in "مسلحا انتحاريا مدنيا شابا متظاهرا".split())
_CHILDREN_THINGS = frozenset(word_key(w) for w in "شلل رياض مستشفى مستشفيات حليب طب لقاح لقاحات ملابس العاب ألعاب".split())


def _surface(text: str, tok: Token) -> str:
    """The word as written, normalised (its matching keys read ون as ين)."""
    return normalize_arabic(text[tok.start : tok.end])


def same_case(noun: str, adjective: str) -> bool:
    """A sound plural and the plural adjective after it (as written) in one case: not "المستوطنون الفلسطينيين" (a
    nominative subject, then its oblique object)."""
    return not (noun.endswith("ون") and adjective.endswith("ين") or noun.endswith("ين") and adjective.endswith("ون"))


def _not_people(key: str, prev) -> bool:
    """A collective key that reads here as an adjective or a fixed phrase, from the token before it."""
    if prev is None:
        return False
    if key in _ADJECTIVE_ACCUSATIVES:
        return prev.key.endswith("ا") and len(prev.key) >= 3  # an indefinite accusative noun before it
    if key == word_key("أطفال"):
        return prev.key in _CHILDREN_THINGS
    return False


# people counted in a report ("500 متظاهر", "ثمانية آخرين", "163 قتيلا"): a number, then one of these nouns
_NUMBER_WORDS = frozenset(word_key(w) for w in (
    "اثنان اثنين ثلاثة ثلاث أربعة أربع خمسة خمس ستة ست سبعة سبع ثمانية ثماني ثمان تسعة تسع عشرة عشر عشرات مئات "
    "آلاف ألف ألفي مائة مئة مائتي عشرين ثلاثين أربعين خمسين ستين سبعين ثمانين تسعين عشرون ثلاثون أربعون خمسون "
    "بضعة عدة").split())
# the units before "عشر"/"عشرة" in the numbers eleven to nineteen ("احد عشر", "ثلاثة عشر")
_UNITS = frozenset(word_key(w) for w in
                   "أحد احد إحدى احدى اثنا اثني ثلاثة ثلاث أربعة أربع خمسة خمس ستة ست سبعة سبع ثمانية ثماني تسعة تسع".split())
_TENS = frozenset(word_key(w) for w in ("عشر", "عشرة"))
_COUNTED_PEOPLE = frozenset(word_key(w) for w in (
    "آخرين آخرون اخرين اخرون أشخاص شخصا شخص متظاهر متظاهرا متظاهرين قتيلا قتيل قتلى جريحا جريح جرحى متمردا "
    "متمردين مسلحا مسلحين سائحا سياح جنديا جنود مدنيا مدنيين شرطيا شرطيين رهينة رهائن معتقلا معتقلين سجينا سجناء "
    "مهاجرا مهاجرين لاجئا لاجئين مهندسا مهندسين عاملا عمال طلاب صحافيا صحافيين صحفيا صحفيين ناشطا ناشطين "
    "مواطنا مواطنين عسكريا عسكريين ضابطا ضباط طفلا أطفال نساء امرأة رجلا رجال مقاتلا مقاتلين أجانب أجنبيا "
    "موظفا موظفين حراس حارسا متهما متهمين مشتبها").split())
# nouns of people in construct with the body they belong to ("رجال الأمن", "عناصر القاعدة", "أصحاب الأنفاق")
_PEOPLE_HEADS = frozenset(word_key(w) for w in (
    "رجال أفراد أصحاب نشطاء ناشطي موظفي مسؤولي قادة زعماء أهالي ذوي عائلات سكان مقاتلي مسلحي "
    "أنصار مؤيدي معارضي ممثلي قيادات جنرالات ضباط جنود منتسبي محامي محامو أتباع مندوبي").split())


# the same nouns with a possessive pronoun ("أهاليهم", "عناصره", "زملائها", "قائدهم"): the people of someone named before
_SUFFIXED_PEOPLE = re.compile(r"^(?:[وف]?[بل]?|[وف]?لل?)(?:%s)(?:ه|ها|هم|هما|هن|نا|كم)$" % "|".join(sorted({normalize_arabic(w) for w in (
    "أهالي ذوي زملائ زملاء عناصر أنصار مؤيدي معارضي قائد أتباع جنود حراس مقاتلي أبناء أبنائ موكلي أفراد أعضاء "
    "أعضائ ممثلي خاطفي").split()}, key=len, reverse=True)))


# ل + a pronoun after a verb ("وقال له الوزير", "كشفت لنا وثائق"): who was told, never the subject (not لي, also the
# surname Lee: "وقال لي جون سوك"); stance.attribution skips these as addressees
TO_PRONOUNS = frozenset("لنا له لها لهم لهما لهن لكم".split())
# ministries named without their country (`ActorDictionary.resolve_bare_offices`): normalised phrase -> (the word
# that names the office family in another mention, the office of the country's government)
_BARE_MINISTRIES = {normalize_arabic(k): (normalize_arabic(f), o) for k, f, o in (
    ("وزارة الدفاع", "الدفاع", "defence_ministry"), ("وزارة الخارجية", "الخارجية", "foreign_ministry"),
    ("وزارة الداخلية", "الداخلية", "interior_ministry"))}


def _name_goes_on(text: str, toks: list[Token], j: int) -> bool:
    """Whether token j (right after a matched name) continues it: an Arabic word joined to it with no article, no
    clitic and no punctuation that is no function, time or role word nor an adverb ("عباس عراقجي"; not "وقال",
    "بشدة", "لأنه", "امس", "الأحد", "أنه", "حيث", "مجددا", "هاتفيا", "قائلا", "رئيس الوزراء")."""
    if j >= len(toks) or not joinable(text, toks[j - 1], toks[j]) or text[toks[j - 1].end : toks[j].start].strip():
        return False
    return toks[j].arabic and name_word_goes_on(normalize_arabic(text[toks[j].start : toks[j].end]))  # (the key
    # has lost its article)


def name_word_goes_on(w: str) -> bool:
    """Whether the normalised Arabic word `w`, right after a person's name, can be more of the name: no article or
    clitic, no function, time or role word, no adverb (shared with `stance.attribution`'s role chains)."""
    return not w.startswith(("ال", "و", "ب", "ل", "ف")) and len(w) >= 3 and w not in _TOLD_BEFORE_NAME \
        and w not in _TIME_AFTER_NAME and w not in _NOT_A_NAME_WORD \
        and not (len(w) >= 5 and w.endswith("ا"))  # an adverbial accusative: "مجددا", "هاتفيا", "قائلا"


def _name_end(text: str, toks: list[Token], j: int) -> int:
    """One past the last word of a name that goes on at token j (`_name_goes_on`), two words at most."""
    k = j
    while k < len(toks) and k - j < 2 and _name_goes_on(text, toks, k):
        k += 1
    return k


_NOT_A_NAME_WORD = frozenset(normalize_arabic(w) for w in """أن أنه أنها أنهم إن إنه إنها بأن حيث حين كما لكن لكنه
    غير قد لقد كان كانت ليس أي إلى على عن من في مع ثم رئيس وزير نائب زعيم قائد أمين مسؤول سفير مبعوث ممثل مستشار
    مدير عضو نظيره نظيرته نظيرها نظراءه يوم""".split())


_TIME_AFTER_NAME = frozenset(normalize_arabic(w) for w in """امس أمس اليوم يوم غدا مساء صباح ظهر الليلة أيضا كذلك
    بدوره بدورها خلال عقب بعد قبل منذ حين عندما بينما""".split())


# bare definite bodies that stand for the one of their kind named last ("الحزب" after "حزب الله", "المنظمة" after
# "منظمة العفو الدولية"), with the clitics a target takes ("للحزب", "والحركة"). Not "الحكومة": on 143 NewsFANE blocks
# the government named last was the one meant in 5 of 10 ("ستانيشيف ... ان الحكومة مستعدة" after the Italian one)
_BARE_BODIES = frozenset(normalize_arabic(w) for w in "حزب حركة منظمة جماعة جبهة".split())


def _bare_body(key: str) -> Optional[str]:
    """The body noun of a bare definite body, one word ("الحزب", "للحزب", "والحركه", and "لحزب", as the target
    tagger writes "للحزب" after its first ل -> "حزب", "حركه"), else None."""
    k = key[1:] if key[:1] in "وف" else key  # a conjunction
    return next((n for n in _BARE_BODIES if _body_word(key, n) and (_definite(key) or k == "ل" + n)), None)


def _body_word(word: str, noun: str) -> bool:
    """Whether a word is the body noun, bare or definite, after a clitic ("حزب", "وحركة", "للحزب", "بالحركة")."""
    w = normalize_arabic(word)
    w = w[1:] if w[:1] in "وف" and len(w) > len(noun) else w
    w = "ال" + w[2:] if w.startswith("لل") else w[1:] if w[:1] in "بل" and len(w) > len(noun) else w
    return w in (noun, "ال" + noun)


_AR_RELATIVES = frozenset(normalize_arabic(w) for w in "الذي التي الذين اللذين اللتين اللواتي".split())


def bare_body_antecedent(m: Mention, earlier: Sequence[Mention], text: Optional[str] = None) -> Optional[Mention]:
    """The mention a bare definite body stands for ("الحزب", "للحزب", "الحركة", "المنظمة"): the last of `earlier`
    (mentions before it, in text order) that names a body of its kind, if the dictionary knows it; else None. With
    the article's `text`: none when an adjective or a name follows it ("الحزب الحاكم": another party), nor when
    another body of its kind is named between them, indefinite ("رئيس حزب جديد": not the one `earlier` holds).

    >>> fatah = Mention(Span(0, 8, "حركة فتح"), Actor("PSEPTY", "Palestinian political party", "group", "PSE"))
    >>> bare_body_antecedent(Mention(Span(30, 37, "للحركة")), [fatah]).actor.id
    'PSEPTY'
    >>> bare_body_antecedent(Mention(Span(30, 35, "الحزب")), [fatah]) is None
    True
    """
    noun = _bare_body(normalize_arabic(m.text))
    if noun is None:
        return None
    # (an unknown one named with the article is this body again or a phrase of it, "الحزب السياسية"; an
    # indefinite one is another body, "حزب جديد")
    near = next((x for x in reversed(earlier) if x.end <= m.start and _names_body(x, noun)
                 and (x.actor is not None or not _definite(x.text.split()[0]))), None)
    if near is None or near.actor is None:
        return None
    if text is not None:
        if _qualified(text[m.end :], noun):
            return None  # "الحزب الحاكم في مصر": a party of its own
        if any(_body_word(w, noun) and not _definite(w) for w in text[near.end : m.start].split()):
            return None  # "رئيس حزب جديد" between them: the last one named may be another
    return near


def _definite(word: str) -> bool:
    """Whether a word carries the article, after a conjunction or a preposition ("الحزب", "والحزب", "للحزب", "بالحزب")."""
    w = normalize_arabic(word)
    w = w[1:] if w[:1] in "وف" else w
    return w.startswith(("ال", "لل", "بال", "كال"))


def _qualified(rest: str, noun: str) -> bool:
    """Whether the text right after a bare body qualifies it: a definite word (an adjective or a name), not a
    relative pronoun, with no punctuation between; for the masculine "حزب", not a feminine word, which agrees with
    the noun before it ("خيارات الحزب السياسية": the party's political options)."""
    after = rest.split(maxsplit=1)[:1]
    word = normalize_arabic(after[0]) if after else ""
    return rest[:1].isspace() and word.startswith("ال") and word not in _AR_RELATIVES \
        and not (noun == normalize_arabic("حزب") and word.endswith("ه"))


def with_bare_body_antecedent(m: Mention, earlier: Sequence[Mention], text: Optional[str] = None) -> Mention:
    """`m` with the actor of the body it stands for (`bare_body_antecedent`) and that body's words as its
    `antecedent`; as it is when it has an actor or stands for none."""
    near = bare_body_antecedent(m, earlier, text) if m.actor is None else None
    if near is None:
        return m
    return replace(m, actor=near.actor, antecedent=near.antecedent or near.span)


def _names_body(m: Mention, noun: str) -> bool:
    """Whether `m` names a body of that kind: its first word is the noun, bare or definite, after a clitic ("حزب
    الله", "الجبهة الشعبية", "وحركة حماس")."""
    words = m.text.split()
    return len(words) > 1 and _body_word(words[0], noun)


def _countryless_ministry(actor: Actor) -> bool:
    """A ministry of no named country (curated.yaml's interior_ministry, foreign_ministry, labour_ministry: the bare
    phrases "وزارة الداخلية" ...), which an article may resolve to its country's."""
    return actor.id.endswith("_ministry") and "." not in actor.id and actor.affiliation is None


# nouns of news outlets, as written (with ة and ه, إ and ا): the one told ("قال لصحيفة «الحياة»"), a speaker with a
# quoted name ("ذكرت قناة «سي إن إن تورك»"); used by stance.attribution and stance.targets
AR_OUTLET_NOUNS = ("صحيفة", "صحيفه", "جريدة", "جريده", "وكالة", "وكاله", "قناة", "قناه", "مجلة", "مجله", "إذاعة",
                   "اذاعة", "اذاعه", "موقع", "تلفزيون", "شبكة", "شبكه")
# news agencies and channels: "ل" + one of them after a speaker is the one told ("وقال المسؤول لرويترز"), never the
# speaker's own body
NEWS_OUTLETS = frozenset("""reuters afp ap_news_agency dpa kuna saudi_press_agency mena_news_agency sana wafa irna
    fars_news_agency petra qna wam nna_lebanon map_morocco aps_algeria xinhua tass al_jazeera ar_qnaa_rby bbc cnn
    al_manar washington_post new_york_times wall_street_journal le_monde guardian haaretz yedioth_ahronoth
    asharq_al_awsat al_hayat""".split())


def is_outlet(m: Mention) -> bool:
    """A mention of a news outlet: a known agency or channel, or an unknown phrase opening with an outlet noun ("قناة
    ..."; not a known body: "وكالة الأمم المتحدة لإغاثة اللاجئين", "وكالة المخابرات المركزية")."""
    if m.actor is not None:
        return m.actor.id in NEWS_OUTLETS
    first = m.text.split()[0] if m.text.split() else ""
    return normalize_arabic(first) in _OUTLET_KEYS


# an unknown name after a verb never opens with these, nor with لي ("قال لي": told me; a speaker Lee is read by
# stance.attribution)
_TOLD_BEFORE_NAME = TO_PRONOUNS | {"لي"}
# journalists and outlets, told after a name ("لصحافيين", "لوكالة"): keys as `Token.variants` give them
_TOLD_NOUNS = frozenset(ar_key(normalize_arabic(w)) for w in ("صحافيين صحفيين صحافي صحفي مراسلين مراسل "
                                                               + " ".join(AR_OUTLET_NOUNS)).split())
_OUTLET_KEYS = frozenset(normalize_arabic(w) for w in AR_OUTLET_NOUNS)
_FUNCTION_AL = frozenset(normalize_arabic(w) for w in "الى إلى التي الذي الذين اللذين اللتين اللواتي الا إلا الان الآن".split())


def counts_people(word: str) -> bool:
    """Whether an Arabic word is a number or a noun of counted people ("ستة", "اشخاص", "آخرين"): never part of
    a personal name."""
    return word.isdigit() or any(k in _NUMBER_WORDS or k in _COUNTED_PEOPLE for _s, _e, k in make_token(word, 0, len(word)).variants)


class _SpanIndex:
    """Which offsets mentions cover, answered by bisection (articles of 200,000 characters have thousands of
    mentions): mentions sorted by start, with the largest end among those starting at or before each."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        spans = sorted((m.start, m.end) for m in mentions)
        self.starts = [a for a, _ in spans]
        self.max_end: list[int] = []
        for _a, b in spans:
            self.max_end.append(max(b, self.max_end[-1]) if self.max_end else b)

    def _reach(self, before: int) -> int:
        """The furthest end of the mentions starting before `before` (-1 when none)."""
        k = bisect_left(self.starts, before) - 1
        return self.max_end[k] if k >= 0 else -1

    def covers(self, pos: int) -> bool:
        """Some mention has start <= pos < end."""
        return self._reach(pos + 1) > pos

    def overlaps(self, start: int, end: int) -> bool:
        """Some mention shares a character with [start, end)."""
        return self._reach(end) > start


def _people_groups(text: str, known: Sequence[Mention]) -> list[Mention]:
    """Groups of people named by a count or by a noun in construct: "500 متظاهر", "ثمانية آخرين", "رجال الأمن",
    "عناصر القاعدة" (a known mention after the head is taken whole). Words inside `known` mentions start none."""
    toks = tokenize(text)
    taken = _SpanIndex(known)

    def inside(t) -> bool:  # a token starting inside a known mention
        return taken.covers(t.start)

    out: list[Mention] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        word = text[t.start:t.end]
        if inside(t):
            i += 1
            continue
        if _SUFFIXED_PEOPLE.match(normalize_arabic(word)) and not word.endswith("ة"):  # not "حراسة" (guarding)
            s = next((v[0] for v in reversed(t.variants)
                      if _SUFFIXED_PEOPLE.match(normalize_arabic(text[v[0]:t.end]))), t.start)
            out.append(Mention(Span(s, t.end, text[s:t.end]), None))  # without و/ل: "وذويهم" -> "ذويهم"
            i += 1
            continue
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is None or not joinable(text, t, nxt):
            i += 1
            continue
        keys = {k for _s, _e, k in t.variants}
        end = None
        if (word.isdigit() or keys & _NUMBER_WORDS) and {k for _s, _e, k in nxt.variants} & _COUNTED_PEOPLE \
                and not inside(nxt):
            end = nxt.end
        elif keys & _PEOPLE_HEADS and not _is_definite(word) and nxt.arabic:
            m = next((m for m in known if m.start <= nxt.start < m.end), None) if inside(nxt) else None
            if m is not None and m.actor is not None:
                end = max(m.end, nxt.end)
            elif m is None and _is_definite(text[nxt.start:nxt.end]) and len(nxt.key) >= 3 \
                    and normalize_arabic(text[nxt.start:nxt.end]) not in _FUNCTION_AL:
                end = nxt.end
        if end is None:
            i += 1
            continue
        s = t.start if word.isdigit() else next((v[0] for v in t.variants if v[2] in _NUMBER_WORDS | _PEOPLE_HEADS),
                                                t.variants[0][0])  # without و/ل: "ورجال الأمن" -> "رجال الأمن"
        prev = toks[i - 1] if i > 0 else None
        if keys & _TENS and prev is not None and joinable(text, prev, t) and not inside(prev) \
                and not _is_definite(text[prev.start:prev.end]) and {k for _s, _e, k in prev.variants} & _UNITS:
            # "احد عشر قتيلا": eleven (not "يوم الاحد عشرة اشخاص": Sunday)
            s = next((v[0] for v in prev.variants if v[2] in _UNITS), prev.start)
        out.append(Mention(Span(s, end, text[s:end]), None))
        while i < len(toks) and toks[i].start < end:
            i += 1
    return out


@functools.lru_cache(maxsize=1)
def _definite_only() -> frozenset:
    """Collectives that are actors only with the article: "التنظيم" (the organisation) but "تنظيم" (organising),
    "النظام" (the regime) but "نظام" (a system), "السنة" (the Sunnis) but "سنة" (a year), "الانتحاري" (the bomber)
    but "هجوم انتحاري" (a suicide attack)."""
    return frozenset(word_key(w) for w in
                     "نظام احتلال حركة حزب جماعة تنظيم وزارة رئاسة سلطة إدارة ائتلاف تحالف مقاومة محكمة شعب غرب سنة "
                     "مجلس نقابة انتحاري".split())


def _is_definite(word: str) -> bool:
    return re.match(r"^[وف]?[بك]?ال|^[وف]?لل", normalize_arabic(word)) is not None


@functools.lru_cache(maxsize=1)
def _collectives() -> tuple[frozenset, frozenset]:
    """(one-word keys, two-word key pairs) of `resources/ar_collectives.txt`."""
    single, double = set(), set()
    for line in (RESOURCES / "ar_collectives.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        words = [word_key(w) for w in line.split()]
        if len(words) == 1:
            single.add(words[0])
        elif len(words) == 2:
            double.add((words[0], words[1]))
    return frozenset(single), frozenset(double)


# English words that a title-case headline capitalises but no name holds ("Trump Slams Clinton Over Emails", "Hedge
# Funds Support Hillary Clinton"): verbs of saying and evaluating (the cue lexicon, not "said", a name too), auxiliaries
# and prepositions; a capitalised sequence of unknown words ends at them
_HEADLINE_WORDS = frozenset("""is are was were be been being has have had would can could should did does do over
    after before with without against about from into amid despite to for at by on in as than not""".split())


@functools.lru_cache(maxsize=1)
def _headline_breaks() -> frozenset:
    from stance.attribution.cues import load_cues  # (here: the attribution package imports this module)

    verbs = {w for w, kind in load_cues()["en"].items() if kind in ("report", "eval", "continue") and " " not in w}
    return frozenset((verbs - {"said", "will"}) | _HEADLINE_WORDS)


# An English office or role named by a common noun, for a person the article names elsewhere ("the president", "the
# former secretary of state", "the billionaire businessman", "the presumptive Republican presidential nominee"): the
# annotators take them as targets (session 42: 27 of the 460 English train targets). Up to four modifiers, lower-case
# or capitalised ("the GOP candidate", "the Manhattan billionaire"), none a word of `_NOT_ROLE_MODIFIERS` or a verb
# form in -ed / -ing ("The crowd cheered when the president" is "the president"); not before a name ("the President
# Barack Obama": the name's mention holds it)
_NOT_ROLE_MODIFIERS = frozenset("""the a an his her their its this that these those of for to about and or but when
    while who whom which with by from in on at as than into after before over under against during""".split())
_ROLE_MODIFIER = r"(?!(?:%s)\s)(?:[a-z][\w-]*(?<!ed)(?<!ing)|[A-Z][\w.-]*|\d{4})\s+" % "|".join(
    sorted(_NOT_ROLE_MODIFIERS, key=len, reverse=True))
_ROLE_VERB_ADJECTIVES = r"(?:embattled|retired|elected|indicted|disgraced|beleaguered|so-called|sitting|outgoing|" \
    r"incoming|leading|ruling|reigning)\s+"
_EN_ROLE_PHRASE = re.compile(
    r"\b(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir)\s+(?:" + _ROLE_VERB_ADJECTIVES + "|" + _ROLE_MODIFIER + r"){0,4}?"
    r"(?:president|candidate|nominee|businessman|businesswoman|billionaire|developer|mogul|front-?runner|contender"
    r"|senator|governor|congressman|congresswoman|lawmaker|journalist|reporter|protester|secretary\s+of\s+[Ss]tate"
    r"|prime\s+minister|chancellor)\b(?![-]|\s+[A-Z])")


def find_role_phrases_en(text: str) -> list[Mention]:
    """English role phrases (`_EN_ROLE_PHRASE`) as unknown mentions (the pipeline keeps those that overlap no other
    mention, `stance.pipeline._merge`).

    >>> [m.text for m in find_role_phrases_en("Sanders said the former secretary of state is a captive of Wall Street.")]
    ['the former secretary of state']
    >>> [m.text for m in find_role_phrases_en("The crowd cheered when the president's motorcade arrived.")]
    ['the president']
    >>> [m.text for m in find_role_phrases_en("The President Barack Obama spoke, as did the embattled senator.")]
    ['the embattled senator']
    """
    return [Mention(Span(g.start(), g.end(), g.group())) for g in _EN_ROLE_PHRASE.finditer(text)]
