"""Build the actor tables shipped in stance/resources/ from the public dictionaries and curated.yaml.

    python tools/build_actors.py [--data ../shared/data] [--out stance/resources]

Reads (MIT) the Phoenix/CAMEO English actor and agent dictionaries (petrarch2), the UniversalPetrarch Arabic
actor and agent dictionaries, country names in ar/en/fr from CLDR (through babel), and
stance/resources/curated.yaml. Writes actors.tsv (one row per actor and language: id, name, type,
affiliation, code, src, lang, extra, aliases), roles.tsv (office and sector phrases, and bare titles) and
offices.tsv (who held which office, for role resolution). The output is deterministic: rebuilding from the
same inputs gives identical files.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from stance.actors import AR_NAME_LINK_WORDS, SECTOR_LABELS  # noqa: E402
from stance.normalize import is_arabic, word_key, TOKEN_RE  # noqa: E402

# words of an office or body with no country in them (UniversalPetrarch lemmas): a state-sector alias made only of
# these names no particular country
AR_BARE_OFFICE = frozenset(word_key(w) for w in """وزارة داخلي داخلية خارجي خارجية دفاع حكومة حكومي حكومية سلطة سلطات
    مسؤول مسؤولين جيش شرطة قوات أمن امن رئاسة برلمان مجلس وزراء عمل صحة عدل إعلام اعلام تربية تعليم زراعة نفط
    اقتصاد سياحة ثقافة""".split())

# CAMEO sectors (3-letter groups after the country code).
STATE_SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY"}
SECTOR_PRIORITY = ["LEG", "JUD", "SPY", "COP", "MIL", "GOV"]
ARMED_SECTORS = {"REB", "INS", "SEP", "UAF", "IMG"}
NON_COUNTRY_PREFIXES = {
    "IGO",
    "NGO",
    "MNC",
    "IMG",
    "INT",
    "ELI",
    "---",
    "UIS",
    "REB",
    "MOS",
    "HIN",
    "MED",
    "BUD",
    "CHR",
    "JEW",
    "ATH",
    "SAS",
    "AFR",
    "EUR",
    "MEA",
    "ASA",
    "LAM",
    "WST",
    "NAF",
    "WAF",
    "SAF",
    "CAU",
    "CAS",
    "SEA",
    "KKL",
    "BAH",
    "CRB",
    "NMR",
    "PGS",
    "EAF",
    "CAF",
    "SCN",
    "BLK",
    "SAM",
}
# Agent words become "<country> <agent>" phrases only for sectors that act politically (not farmers or
# passengers).
AGENT_SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "REB", "INS", "OPP", "PTY", "MED"}
ORG_WORDS = {
    "PARTY",
    "FRONT",
    "COUNCIL",
    "MOVEMENT",
    "ARMY",
    "BRIGADE",
    "BRIGADES",
    "FORCE",
    "FORCES",
    "GROUP",
    "COALITION",
    "ORGANIZATION",
    "ORGANISATION",
    "UNION",
    "COMMITTEE",
    "ASSEMBLY",
    "ALLIANCE",
    "MINISTRY",
    "DEPARTMENT",
    "STATE",
    "AGENCY",
    "COURT",
    "BANK",
    "ADMINISTRATION",
    "GOVERNMENT",
    "REGIME",
    "COMMISSION",
    "OFFICE",
    "SERVICE",
    "NETWORK",
    "ASSOCIATION",
    "FEDERATION",
    "LEAGUE",
    "INSTITUTE",
    "FOUNDATION",
    "CONGRESS",
    "PARLIAMENT",
    "SENATE",
    "POLICE",
    "MILITIA",
    "MILITIAS",
    "REBELS",
    "OPPOSITION",
    "OBSERVATORY",
    "DECLARATION",
    "CORPORATION",
    "COMPANY",
    "TASK",
}
ORG_WORDS |= {
    "INC",
    "LTD",
    "CORP",
    "CO",
    "PLC",
    "LIMITED",
    "HOLDINGS",
    "SYSTEMS",
    "TECHNOLOGY",
    "TECHNOLOGIES",
    "ENERGY",
    "FUND",
    "PROGRAM",
    "PROGRAMME",
    "CONTINGENT",
    "PEACEKEEPER",
    "MONITOR",
    "SECRETARIAT",
    "INITIATIVE",
    "CENTER",
    "CENTRE",
    "TRUST",
    "SOCIETY",
    "PARTNERSHIP",
    "CAMPAIGN",
    "PROJECT",
    "MISSION",
    "RESOURCES",
    "INDUSTRIES",
    "INTERNATIONAL",
    "GLOBAL",
    "AID",
    "RELIEF",
    "WATCH",
    "CROSS",
    "CRESCENT",
    "TIMES",
    "POST",
    "PRESS",
    "NEWS",
    "JOURNAL",
    "HERALD",
    "TRIBUNE",
    "RADIO",
    "TELEVISION",
    "TV",
    "DAILY",
    "MEDIA",
    "GAZETTE",
    "CHRONICLE",
    "MAGAZINE",
    "WEEKLY",
    "AGENCE",
    "CHANNEL",
    "BROADCASTING",
}
FUNCTION_WORDS = {"FOR", "OF", "AND", "THE", "ON", "IN", "TO", "DE", "DES", "DU", "LA", "LE"}
PARTICLES_LOWER = {
    "al",
    "el",
    "bin",
    "ibn",
    "ben",
    "de",
    "da",
    "di",
    "du",
    "van",
    "von",
    "der",
    "bint",
    "abu",
}

AR_ORG_HEADS = {
    "حكومه",
    "جيش",
    "وزاره",
    "قوه",
    "قوات",
    "مجلس",
    "حركه",
    "حزب",
    "منظمه",
    "اتحاد",
    "جامعه",
    "شرطه",
    "سلطه",
    "هيئه",
    "جبهه",
    "لجنه",
    "رئاسه",
    "ديوان",
    "محكمه",
    "برلمان",
    "بنك",
    "شركه",
    "مكتب",
    "جمعيه",
    "نقابه",
    "تنظيم",
    "جماعه",
    "كتيبه",
    "لواء",
    "دوله",
    "مملكه",
    "جمهوريه",
    "اداره",
    "وكاله",
    "مؤسسه",
    "مركز",
    "صندوق",
    "قياده",
    "محافظه",
    "اقليم",
    "ولايه",
    "مدينه",
    "مخيم",
    "قطاع",
    "سفاره",
    "قنصليه",
    "كونغرس",
    "مجموعه",
    "تحالف",
    "ائتلاف",
    "ميليشيا",
    "جهاز",
    "مديريه",
    "حرس",
    "امن",
    "استخبارات",
    "مخابرات",
    "نظام",
    "معارضه",
    "مسلحين",
    "متمردين",
    "مسلح",
    "قبيله",
}
# honorifics and offices before a person's name in the Arabic dictionary, besides AR_TITLES ("آية الله علي
# خامنئي", "دكتورة بثينة شعبان", "مستشارة ألماني انجيلا ميركل")
AR_HONORIFICS = {word_key(w) for w in "آية دكتورة مستشارة أمين عاهل".split()}

# words of a newspaper's or a station's name in the Arabic dictionary, whose media-coded entries are no people
AR_MEDIA_WORDS = {word_key(w) for w in "تايمز نيوز بوست ستريت صوت إذاعة موند زيتونغ جورنال لوجورنال ماتش أحرونوت".split()}
# region names the Arabic dictionary codes as a newspaper's (the lemmatised "شرق أوسط" is Asharq al-Awsat there)
AR_REGIONS = {" ".join(word_key(w) for w in r.split()) for r in ["شرق أوسط"]}

AR_TITLES = {
    "رئيس",
    "وزير",
    "ملك",
    "امير",
    "شيخ",
    "جنرال",
    "نائب",
    "عاهل",
    "سيد",
    "دكتور",
    "رئيسه",
    "وزيره",
    "زعيم",
    "قائد",
    "سفير",
    "مستشار",
    "اميره",
    "ولي",
    "عهد",
    "عقيد",
    "لواء",
    "عميد",
    "فريق",
    "مشير",
    "امين",
    "عام",
    "ل",
    "سلطان",
    "رئيس_وزراء",
    "مرشد",
    "اعلي",
    "رئيس وزراء",
    "وزراء",
}

# titles that mark what goes before a person's name as one (not "أمين", "عام", "ل": also parts of names or phrases)
AR_STRONG_TITLES = frozenset(AR_TITLES | AR_HONORIFICS) - {word_key(w) for w in "أمين عام ل عهد أعلى".split()}
# words that may come before a person's name in the Arabic dictionary's entries: titles, offices, honorifics
# ("آية الله العظمى", "الإمام", "المرجع"), "of the republic", "former"; the countries' one-word Arabic names
# (names, adjectives, capitals) are added in `merge_person_variants`
AR_PREFIX_WORDS = frozenset(AR_TITLES | AR_HONORIFICS | AR_BARE_OFFICE) | {
    word_key(w) for w in "الله العظمى الإمام المرجع الجمهورية سابق سابقة أسبق".split()}
# words that link a name to a father's or a family's: what follows them is another person's name (the list the
# run-time surname reading uses too)
AR_NAME_LINKS = frozenset(word_key(w) for w in AR_NAME_LINK_WORDS)

SRC_RANK = {"user": 0, "curated": 1, "cldr": 2, "phoenix": 3, "up_ar": 4}


@dataclass
class Entry:
    """One actor being built."""

    id: str
    name: str
    type: str
    affiliation: str = ""
    code: str = ""
    src: str = "phoenix"
    adj_en: str = ""
    aliases: dict = field(default_factory=lambda: defaultdict(list))  # lang -> [alias]
    context: dict = field(default_factory=lambda: defaultdict(list))  # (iso, lang) -> [alias]
    _keys: dict = field(default_factory=lambda: defaultdict(set))
    srcs: dict = field(default_factory=dict)  # (lang, alias) -> where it comes from

    def add(self, lang: str, alias: str, src: str) -> None:
        alias = clean_alias(alias)
        if not alias:
            return
        k = alias_key(alias)
        if k and k not in self._keys[lang] and alias not in self.aliases[lang]:
            self._keys[lang].add(k)
            self.aliases[lang].append(alias)
            self.srcs[(lang, alias)] = src


# ------------------------------------------------------------------------------------------------------------
# helpers


def alias_key(alias: str) -> str:
    """Aliases that match the same text are duplicates, except for letter case of single words (acronyms)."""
    keys = " ".join(word_key(w) for w in TOKEN_RE.findall(alias))
    if len(TOKEN_RE.findall(alias)) == 1 and alias.isupper() and not is_arabic(alias[0]):
        keys += "#UPPER"
    return keys


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_")


_AR_TRANSLIT = dict(
    zip(
        "ابتثجحخدذرزسشصضطظعغفقكلمنهويةءأإآىئؤ",
        [
            "a",
            "b",
            "t",
            "th",
            "j",
            "h",
            "kh",
            "d",
            "dh",
            "r",
            "z",
            "s",
            "sh",
            "s",
            "d",
            "t",
            "z",
            "",
            "gh",
            "f",
            "q",
            "k",
            "l",
            "m",
            "n",
            "h",
            "w",
            "y",
            "a",
            "",
            "a",
            "i",
            "a",
            "a",
            "y",
            "w",
        ],
    )
)


def ar_slug(text: str) -> str:
    return "ar_" + re.sub(r"_+", "_", "".join(_AR_TRANSLIT.get(c, "_") for c in text)).strip("_")


def clean_alias(alias: str) -> str:
    alias = alias.replace("_", " ")
    alias = re.sub(r"\s+", " ", alias).strip(" ,;")
    if re.match(r"(?i)^the\s", alias):
        alias = alias[4:]
    return alias.strip()


def pretty(raw: str) -> str:
    """'BASHAR_AL-ASSAD_' -> 'Bashar al-Assad'."""
    words = clean_alias(raw).split(" ")
    out = []
    for i, w in enumerate(words):
        parts = []
        for j, p in enumerate(w.split("-")):
            low = p.lower()
            if (i > 0 or j > 0) and low in PARTICLES_LOWER and (j == 0 and len(w.split("-")) > 1 or i > 0):
                parts.append(low)
            elif (
                low in {"us", "un", "eu", "uk"}
                or "." in p
                and len(p) <= 6
                or (len(p) <= 4 and not re.search("[AEIOUaeiou]", p))
            ):
                parts.append(p.upper())
            else:
                parts.append(p[:1].upper() + p[1:].lower())
        out.append("-".join(parts))
    return " ".join(out)


def parse_date(s: str, end: bool) -> str:
    """CAMEO dates: YYMMDD or YYYYMMDD -> YYYY-MM-DD."""
    s = s.strip()
    if not s.isdigit():
        return ""
    if len(s) == 6:
        yy = int(s[:2])
        year = 1900 + yy if yy >= 30 else 2000 + yy
        s = f"{year}{s[2:]}"
    if len(s) != 8:
        return ""
    return f"{s[:4]}-{s[4:6]}-{s[6:8]}"


def parse_codes(text: str) -> list[tuple[str, str, str]]:
    """'[RUSGOV 991231-080507] [RUSGOV >080508]' -> [(code, start, end)]."""
    out = []
    for m in re.finditer(r"\[([^\]]*)\]", text):
        body = m.group(1).strip().replace("~", "")
        if not body:
            continue
        parts = body.split(None, 1)
        code = parts[0].strip()
        if not re.fullmatch(r"[A-Z-]{3,}", code):
            continue
        start = end = ""
        if len(parts) > 1:
            d = parts[1].replace(" ", "")
            if d.startswith(">"):
                start = parse_date(d[1:], False)
            elif d.startswith("<"):
                end = parse_date(d[1:], True)
            elif "-" in d:
                a, b = d.split("-", 1)
                start, end = parse_date(a, False), parse_date(b, True)
                if start and end and end < start:  # some Arabic entries end in 1800: treat as open
                    end = ""
        out.append((code, start, end))
    return out


def split_code(code: str, countries: set[str]) -> tuple[str, list[str]]:
    """'USAGOVLEG' -> ('USA', ['GOV', 'LEG']); 'IGOUNO' -> ('', ['IGO', 'UNO'])."""
    iso = code[:3] if code[:3] in countries else ""
    rest = code[3:] if iso else code
    return iso, [rest[i : i + 3] for i in range(0, len(rest), 3)]


def is_country_head(codes: list[tuple[str, str, str]], comment: str = "") -> bool:
    """A country entry: coded with one bare 3-letter code ([RUS]), or ending in one after dated transitions
    (GEORGIA_: [USRGEO <910409] [GEOUNR 910409-911221] [GEO >911221])."""
    if not codes or "CountryInfo" in comment:
        return False
    if len({c[0] for c in codes}) == 1 and len(codes[0][0]) == 3 and not any(c[1] or c[2] for c in codes):
        return True
    recent = most_recent(codes)
    return (
        recent is not None
        and len(recent[0]) == 3
        and recent[0].isalpha()
        and recent[1] != ""
        and recent[2] == ""
    )


def most_recent(codes: list[tuple[str, str, str]]) -> tuple[str, str, str] | None:
    dated = [c for c in codes if c[1] or c[2]]
    if not dated:
        return codes[0] if codes else None
    # open-ended roles are the most recent; then by end, then start
    return max(dated, key=lambda c: (c[2] == "" and c[1] != "", c[2] or "9999", c[1]))


# ------------------------------------------------------------------------------------------------------------
# readers


def read_tabari(path: Path) -> list[tuple[str, list[str], list[tuple[str, str, str]], str]]:
    """Entries of a TABARI/PETRARCH .actors file: (head, aliases, codes, comment)."""
    entries = []
    cur = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith("#") and not line.startswith("\t["):
            if line.startswith("#") and cur is not None:
                entries.append(cur)
                cur = None
            continue
        body, _, comment = line.partition("#")
        if line.startswith("+"):
            if cur is None:
                continue
            names = [n for n in re.sub(r"\[[^\]]*\]", "", body[1:]).split("+")]
            cur[1].extend(n.strip() for n in names if n.strip())
            cur[2].extend(parse_codes(body))
        elif line[0] in " \t":
            if cur is not None:
                cur[2].extend(parse_codes(body))
                cur = (cur[0], cur[1], cur[2], cur[3] + " " + comment)
        else:
            if cur is not None:
                entries.append(cur)
            head = re.sub(r"\[[^\]]*\]", "", body).strip()
            cur = (head, [], parse_codes(body), comment)
    if cur is not None:
        entries.append(cur)
    return [e for e in entries if e[0]]


def expand_parens(alias: str) -> list[str]:
    """'ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_' -> ['ADEN ABYAN ISLAMIC ARMY', 'AAIA']."""
    inner = re.findall(r"\(([^)]*)\)", alias)
    outer = re.sub(r"\([^)]*\)", " ", alias)
    out = [outer]
    for i in inner:
        i = clean_alias(i)
        if re.fullmatch(r"[A-Z0-9.\-]{2,8}", i):
            out.append(i)
    return [clean_alias(o) for o in out if clean_alias(o)]


# ------------------------------------------------------------------------------------------------------------
# builder


class Builder:
    def __init__(self, data: Path, curated_path: Path):
        self.data = data
        self.curated = yaml.safe_load(curated_path.read_text(encoding="utf-8"))
        self.actors: dict[str, Entry] = {}
        self.igo_code_to_id: dict[str, str] = {}
        self.countries: set[str] = set()
        self.country_words: dict[str, set[str]] = defaultdict(set)
        self.stop = {
            lang: {word_key(a) for a in v}
            for lang, v in self.curated.get("country_alias_stoplist", {}).items()
        }
        self.offices: list[tuple[str, str, str, str]] = []
        self.ar_country_stems: dict[str, set[str]] = {}
        self.stats: dict[str, int] = defaultdict(int)

    # -- actors ----------------------------------------------------------------------------------------------
    def get(self, id_: str, name: str, type_: str, **kw) -> Entry:
        e = self.actors.get(id_)
        if e is None:
            e = Entry(id=id_, name=name, type=type_, **kw)
            self.actors[id_] = e
        return e

    def new_id(self, base: str, iso: str = "") -> str:
        if base not in self.actors:
            return base
        if iso and f"{base}_{iso.lower()}" not in self.actors:
            return f"{base}_{iso.lower()}"
        n = 2
        while f"{base}_{n}" in self.actors:
            n += 1
        return f"{base}_{n}"

    def sector_actor(self, iso: str, sectors: list[str]) -> Entry:
        main = next((s for s in SECTOR_PRIORITY if s in sectors), sectors[0] if sectors else "GOV")
        id_ = f"{iso}{main}"
        country = self.actors.get(iso)
        adj = country.adj_en if country and country.adj_en else (country.name if country else iso)
        return self.get(
            id_,
            f"{adj} {SECTOR_LABELS.get(main, main.lower())}",
            "government" if main in STATE_SECTORS else "armed_group" if main in ARMED_SECTORS else "group",
            affiliation=iso,
            code=id_,
        )

    # -- countries -------------------------------------------------------------------------------------------
    def load_countries(self) -> None:
        from babel import Locale
        from babel.core import get_global

        phoenix = read_tabari(self.data / "dictionaries/petrarch2_phoenix_en/Phoenix.Countries.actors.txt")
        heads = {}
        for head, aliases, codes, comment in phoenix:
            if is_country_head(codes, comment):
                heads.setdefault(most_recent(codes)[0], (head, aliases))
        self.countries = set(heads) - {"IGO", "NGO", "MNC", "IMG", "INT"}
        a3_to_a2 = {}
        for k, v in get_global("territory_aliases").items():
            if len(k) == 3 and k.isalpha() and len(v) == 1 and len(v[0]) == 2:
                a3_to_a2[k] = v[0]
        locs = {lang: Locale(lang) for lang in ("en", "fr", "ar")}
        cur_countries = self.curated.get("countries", {})
        for iso in sorted(self.countries | set(cur_countries)):
            self.countries.add(iso)
            a2 = a3_to_a2.get(iso)
            en_name = locs["en"].territories.get(a2) if a2 else None
            head = heads.get(iso, (iso, []))[0]
            name = clean_re(en_name) if en_name else pretty(head)
            cur = cur_countries.get(iso, {}) or {}
            adj = (cur.get("en") or [""])[0]
            e = self.get(iso, name, "country", affiliation=iso, code=iso, src="cldr", adj_en=adj)
            if a2:
                for lang, loc in locs.items():
                    n = loc.territories.get(a2)
                    if n:
                        for variant in split_cldr(n):
                            e.add(lang, variant, "cldr")
            # curated names, adjectives, capitals
            for lang in ("en", "fr", "ar"):
                for n in (cur.get("names", {}) or {}).get(lang, []) or []:
                    e.add(lang, n, "curated")
                for a in cur.get(lang, []) or []:
                    for form in adjective_forms(a, lang):
                        e.add(lang, form, "curated")
                cap = (cur.get("capital") or {}).get(lang)
                if cap:
                    e.add(lang, cap, "curated")
            for lang, al in e.aliases.items():
                for a in al:
                    for w in TOKEN_RE.findall(a):
                        if len(w) >= 4 and not is_arabic(w[0]):
                            self.country_words[iso].add(word_key(w)[:4])
            for w in TOKEN_RE.findall(clean_alias(head)):
                if len(w) >= 4:
                    self.country_words[iso].add(word_key(w)[:4])
        # Phoenix aliases of the country entries: names and adjectives only, not every city, river and region.
        for iso, (head, aliases) in heads.items():
            if iso not in self.actors:
                continue
            e = self.actors[iso]
            for raw in [head] + aliases:
                for a in expand_parens(raw):
                    keys = [word_key(w) for w in TOKEN_RE.findall(a)]
                    if any(k[:4] in self.country_words[iso] for k in keys if len(k) >= 4) or (
                        len(keys) == 1 and len(keys[0]) <= 3
                    ):
                        e.add("en", pretty(a) if not re.fullmatch(r"[A-Z.]{2,5}", a) else a, "phoenix")
                    else:
                        self.stats["phoenix_country_aliases_dropped"] += 1
        for e in list(self.actors.values()):
            if e.type == "country":
                for lang in list(e.aliases):
                    e.aliases[lang] = [
                        a
                        for a in e.aliases[lang]
                        if word_key(a) not in self.stop.get(lang, set())
                        and a not in self.curated.get("country_alias_stoplist", {}).get(lang, [])
                    ]

    # -- Phoenix ---------------------------------------------------------------------------------------------
    def load_phoenix(self) -> None:
        base = self.data / "dictionaries/petrarch2_phoenix_en"
        for fname, kind in (
            ("Phoenix.Countries.actors.txt", "countries"),
            ("Phoenix.International.actors.txt", "international"),
            ("Phoenix.MilNonState.actors.txt", "milnonstate"),
        ):
            for head, aliases, codes, comment in read_tabari(base / fname):
                self.phoenix_entry(head, aliases, codes, comment, kind)

    def phoenix_entry(self, head, aliases, codes, comment, kind) -> None:
        if not codes:
            self.stats["phoenix_no_code"] += 1
            return
        if kind == "countries" and is_country_head(codes, comment):
            return  # country heads: handled in load_countries
        names = []
        for raw in [head] + aliases:
            names.extend(expand_parens(raw))
        if not names:
            return
        dated = any(c[1] or c[2] for c in codes)
        words = set(re.split(r"[_\s\-]+", head.upper()))
        prefix = codes[0][0][:3]
        if kind == "international":
            toks = [t for t in re.split(r"[_\s]+", head.upper()) if t]
            is_person = (
                dated
                or "rulers" in comment.lower()
                or (
                    prefix in ("IGO", "NGO")
                    and 2 <= len(toks) <= 4
                    and not (set(toks) & (ORG_WORDS | FUNCTION_WORDS))
                    and all(re.fullmatch(r"[A-Z][A-Z'\-]+\.?|[A-Z]\.", t) for t in toks)
                    and not any(
                        t in {"UN", "U.N.", "UNITED", "NATIONS", "INTERNATIONAL", "WORLD"} for t in toks
                    )
                )
            )
        elif kind == "milnonstate":
            is_person = False
        else:
            is_person = "CountryInfo" in comment or (
                dated and not (words & ORG_WORDS) and prefix not in {"IMG", "IGO", "NGO", "MNC"}
            )
        recent = most_recent(codes)
        code = recent[0] if recent else codes[0][0]
        iso, sectors = split_code(code, self.countries)
        if is_person:
            aff = iso
            if not aff and code.startswith("IGO"):
                aff = self.igo_code_to_id.get(code[:6], "") or self.igo_code_to_id.get(code, "")
            id_ = slug(clean_alias(head))
            e = self.actors.get(id_)
            if e is None or e.type != "person" or (e.affiliation and aff and e.affiliation != aff):
                id_ = self.new_id(id_, aff if aff in self.countries else "")
                e = self.get(id_, pretty(head), "person", affiliation=aff, code=code)
            for n in names:
                e.add("en", pretty(n), "phoenix")
            self.stats["phoenix_persons"] += 1
            return
        if kind == "international" and code.startswith("IGO"):
            id_ = self.igo_code_to_id.get(code)
            if id_ is None:
                id_ = self.new_id(slug(clean_alias(head)))
                self.igo_code_to_id[code] = id_
            e = self.get(id_, pretty(head), "organisation", code=code)
        elif iso and sectors and set(sectors) <= STATE_SECTORS:
            e = self.sector_actor(iso, sectors)
        elif iso and not sectors:
            return  # a place in a country, not an actor
        else:
            armed = kind == "milnonstate" or prefix == "IMG" or bool(set(sectors) & ARMED_SECTORS)
            org = prefix in {"IGO", "NGO", "MNC"} or bool(
                set(sectors + [prefix]) & {"MED", "BUS", "EDU", "HLH", "NGO"}
            )
            type_ = "armed_group" if armed else ("organisation" if org else "group")
            id_ = slug(clean_alias(head))
            e = self.actors.get(id_)
            if e is None or e.type == "person":
                id_ = self.new_id(id_, iso)
                e = self.get(id_, pretty(head), type_, affiliation=iso, code=code)
        for n in names:
            e.add("en", pretty(n) if not re.fullmatch(r"[A-Z.]{2,6}", n) else n, "phoenix")
        self.stats[f"phoenix_{e.type}"] += 1

    # -- Arabic ----------------------------------------------------------------------------------------------
    def load_arabic(self) -> None:
        path = self.data / "dictionaries/universalpetrarch_ar/actor_dict_ar_v4.txt"
        entries: list[tuple[str, list]] = []
        for raw in path.read_text(encoding="utf-8").splitlines():
            if not raw.strip() or raw.lstrip().startswith("#"):
                continue
            if raw[0] in "\t" or (raw[0] == " " and raw.strip().startswith("[")):
                if entries:
                    entries[-1][1].extend(parse_codes(raw))
                continue
            name = re.sub(r"\[[^\]]*\]", "", raw).strip().strip("_").strip()
            entries.append((name, parse_codes(raw)))
        common = self.arabic_common_words()
        skeletons = self.english_skeletons()
        ar_single_stop = {word_key(w) for w in (self.curated.get("single_word_stoplist") or {}).get("ar", [])}
        for name, codes in entries:
            if not name or not codes:
                self.stats["ar_no_code"] += 1
                continue
            surface = clean_alias(name.replace("_", " "))
            toks = [word_key(t) for t in surface.split()]
            recent = most_recent(codes)
            code = recent[0]
            iso, sectors = split_code(code, self.countries)
            if not iso:
                self.stats["ar_no_country"] += 1
                continue
            dated = any(c[1] or c[2] for c in codes)
            if not sectors:
                if iso in self.actors and self.is_country_name(iso, toks):
                    if word_key(surface) not in self.stop.get(
                        "ar", set()
                    ) and surface not in self.curated.get("country_alias_stoplist", {}).get("ar", []):
                        self.actors[iso].add("ar", surface, "up_ar")
                        self.stats["ar_country_alias"] += 1
                continue
            if len(toks) == 1 and toks[0] in ar_single_stop:
                self.stats["ar_single_word_dropped"] += 1  # صدر (issued), بحر (sea): a common word first
                continue
            if " ".join(toks) in AR_REGIONS:
                self.stats["ar_region_dropped"] += 1  # شرق أوسط (coded as the newspaper): the Middle East
                continue
            rest = [t for t in toks if t not in AR_TITLES]
            is_person = (
                bool(rest)
                # الشرق الأوسط: a newspaper; a lone word coded media ("جزيرة") is a channel, not a person
                and not (sectors[:1] == ["MED"] and (surface.startswith("ال") or len(toks) == 1))
                and rest[0] not in AR_ORG_HEADS
                and toks[0] not in AR_ORG_HEADS
                and not all(t in common for t in rest)
                and (dated or (len(rest) >= 2 and not any(t in common for t in rest)))
            )
            if not is_person and len(toks) == 1 and not surface.startswith("ال"):
                # a lone common word coded with a country sector (صحافي, أفضل): not a name
                self.stats["ar_single_word_dropped"] += 1
                continue
            if not is_person and all(t in AR_BARE_OFFICE for t in toks):
                # "وزارة داخلي" coded AFGGOV, "وزارة خارجية" coded LBNGOVMED: with no country word the phrase names
                # every country's ministry, so "وزارة الداخلية" anywhere became Afghanistan's
                self.stats["ar_bare_office_dropped"] += 1
                continue
            if is_person and "MED" in sectors and not dated and any(t in AR_MEDIA_WORDS for t in toks):
                # "نيويورك تايمز", "صوت عراق", "باري ماتش" (coded as media, read as a name): a newspaper or a
                # station, no person
                e = self.get(ar_slug(surface.replace(" ", "_")), surface, "organisation", affiliation=iso,
                             code=code, src="up_ar")
                e.add("ar", surface, "up_ar")
                self.stats["ar_media_outlet"] += 1
            elif is_person:
                target = skeletons.get((iso, ar_skeleton(" ".join(rest))))
                if target and target in self.actors:
                    self.actors[target].add("ar", surface, "up_ar")
                    self.stats["ar_person_linked"] += 1
                    if os.environ.get("SHOW_LINKS"):
                        print("LINK", surface, "->", self.actors[target].name)
                else:
                    id_ = ar_slug(surface.replace(" ", "_"))
                    e = self.actors.get(id_) or self.get(
                        id_, surface, "person", affiliation=iso, code=code, src="up_ar"
                    )
                    e.add("ar", surface, "up_ar")
                    self.stats["ar_person_new"] += 1
            elif toks[0] in AR_TITLES:
                self.stats["ar_role_phrase_skipped"] += (
                    1  # رئيس_روسي_...: matched by the role templates instead
                )
            elif set(sectors) <= STATE_SECTORS:
                self.sector_actor(iso, sectors).add("ar", surface, "up_ar")
                self.stats["ar_sector_alias"] += 1
            else:
                e = self.sector_actor(iso, sectors)
                e.add("ar", surface, "up_ar")
                self.stats["ar_group_alias"] += 1
        for e in self.actors.values():
            if e.src == "up_ar" and not e.name:
                e.name = e.aliases["ar"][0]

    def is_country_name(self, iso: str, keys: list[str]) -> bool:
        """An Arabic entry coded with a bare country: keep its names and adjectives, not cities or leaders."""
        own = self.ar_country_stems.get(iso)
        if own is None:
            own = set()
            for a in self.actors[iso].aliases.get("ar", []):
                own.update(word_key(w)[:3] for w in a.split() if len(word_key(w)) >= 3)
            self.ar_country_stems[iso] = own
        return bool(keys) and all(len(k) >= 3 and k[:3] in own for k in keys)

    def arabic_common_words(self) -> set[str]:
        words: set[str] = set()
        path = self.data / "dictionaries/universalpetrarch_ar/agents.all.ar.txt"
        for line in path.read_text(encoding="utf-8").splitlines():
            m = re.search(r"\]\s*(?:#[^\u0600-\u06FF]*)?([\u0600-\u06FF][\u0600-\u06FF\s]*)", line)
            if m:
                words.update(word_key(w) for w in m.group(1).split())
        for c in self.curated.get("countries", {}).values():
            for a in (c or {}).get("ar", []) or []:
                words.update(word_key(w) for w in a.split())
        return words

    def english_skeletons(self) -> dict[tuple[str, str], str]:
        out: dict[tuple[str, str], str] = {}
        seen: dict[tuple[str, str], int] = defaultdict(int)
        for e in self.actors.values():
            if e.type != "person" or not e.affiliation:
                continue
            keys = {en_skeleton(a) for a in [e.name] + e.aliases.get("en", []) if len(a.split()) >= 2}
            for k in keys:
                if len(k) >= 4:
                    seen[(e.affiliation, k)] += 1
                    out[(e.affiliation, k)] = e.id
        return {k: v for k, v in out.items() if seen[k] == 1}

    def arabic_agents_roles(self) -> list[tuple[str, str, str, str, str, str]]:
        """Arabic agent glosses as sector templates: '<gloss> {c}'."""
        rows = []
        path = self.data / "dictionaries/universalpetrarch_ar/agents.all.ar.txt"
        for line in path.read_text(encoding="utf-8").splitlines():
            m = re.match(
                r"^([A-Z_!{} \-]+?)\s*\{?[^\[]*\[~([A-Z]{3})[A-Z]*\]\s*([\u0600-\u06FF][\u0600-\u06FF ]*)",
                line,
            )
            if not m:
                continue
            sector, gloss = m.group(2), m.group(3).strip()
            if sector not in AGENT_SECTORS or not gloss or len(gloss.split()) > 4:
                continue
            rows.append(("ar", f"{gloss} {{c}}", "", sector, SECTOR_LABELS[sector], "up_ar"))
        return rows

    def phoenix_agents_roles(self) -> list[tuple[str, str, str, str, str, str]]:
        path = self.data / "dictionaries/petrarch2_phoenix_en/Phoenix.agents.txt"
        macros: dict[str, list[str]] = {}
        rows = []
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            line = line.split("#", 1)[0].rstrip()
            m = re.match(r"^(![A-Z]+!)\s*=\s*(.+)$", line)
            if m:
                macros[m.group(1)] = [w.strip() for w in m.group(2).split(",")]
                continue
            m = re.match(r"^([A-Z_!'\-]+)\s*(\{[^}]*\})?\s*\[~([A-Z]{3})", line)
            if not m:
                continue
            word, plural, sector = m.group(1), m.group(2), m.group(3)
            if sector not in AGENT_SECTORS:
                continue
            forms = [word]
            if plural and plural.strip("{} "):
                forms.append(plural.strip("{} "))
            for f in forms:
                mac = re.search(r"![A-Z]+!", f)
                variants = [f.replace(mac.group(0), x) for x in macros.get(mac.group(0), [])] if mac else [f]
                for v in variants:
                    v = clean_alias(v).lower()
                    if v and not v.endswith(" "):
                        rows.append(("en", f"{{c}} {v}", "", sector, SECTOR_LABELS[sector], "phoenix"))
        return rows

    # -- curated ---------------------------------------------------------------------------------------------
    def load_curated(self) -> None:
        for a in self.curated.get("actors", []):
            id_ = a["id"]
            for other in a.get("same_as", []) or []:
                if other in self.actors and other != id_:
                    old = self.actors.pop(other)
                    self.fold(old, self.actors.get(id_) or self.get(id_, a["name"], a["type"]))
            if a.get("code") and a["code"] in self.igo_code_to_id and self.igo_code_to_id[a["code"]] != id_:
                old = self.actors.pop(self.igo_code_to_id[a["code"]], None)
                if old:
                    self.fold(old, self.actors.get(id_) or self.get(id_, a["name"], a["type"]))
                self.igo_code_to_id[a["code"]] = id_
            e = self.actors.get(id_)
            if e is None:
                e = self.get(id_, a["name"], a["type"])
            e.name, e.type, e.src = a["name"], a["type"], "curated"
            e.affiliation = a.get("affiliation") or e.affiliation or ""
            e.code = a.get("code") or e.code or ""
            # curated aliases come first (they win collisions at load time through src)
            for lang, al in (a.get("aliases") or {}).items():
                old = e.aliases.get(lang, [])
                e.aliases[lang] = []
                e._keys[lang] = set()
                for x in al:
                    e.add(lang, x, "curated")
                for x in old:
                    e.add(lang, x, e.srcs.get((lang, x), "phoenix"))
            for iso, by_lang in (a.get("context") or {}).items():
                for lang, al in by_lang.items():
                    for x in al:
                        x = clean_alias(x)
                        if x and x not in e.context[(iso, lang)]:
                            e.context[(iso, lang)].append(x)
            for spec in a.get("offices", []) or []:
                role, _, span = spec.partition("@")
                start, _, end = span.partition("..")
                self.offices.append((id_, role, start, end))

    def merge_titled_persons(self) -> None:
        """Fold an Arabic-dictionary person whose name is a title or nationality before a known person's full Arabic
        name ("رئيس فلسطيني محمود عباس", "آية الله علي خامنئي") into that person, so one person is one node of the
        portrayal network. What comes before the known name must hold a title ("سعد الدين رفيق الحريري" is Rafiq
        Hariri's son), the known name has two words at least ("عبد الله" alone names several kings), and two
        different countries never merge ("عاهل سعودي ملك عبد الله" is not Jordan's Abdullah II)."""
        known: dict[str, str] = {}
        for e in self.actors.values():
            if e.type == "person" and e.src != "up_ar":
                for a in e.aliases.get("ar", []):
                    k = " ".join(word_key(t) for t in a.split())
                    if len(k.split()) >= 2:
                        known.setdefault(k, e.id)
        for e in [e for e in self.actors.values() if e.src == "up_ar" and e.type == "person"]:
            k = " ".join(word_key(t) for t in e.name.split())
            ends = [a for a in known if k != a and k.endswith(" " + a)]
            if not ends:
                continue
            best = max(ends, key=len)
            prefix = k[: -len(best)].split()
            if not any(t in AR_TITLES or t in AR_HONORIFICS for t in prefix):
                continue  # "سعد الدين رفيق الحريري": a name before a known name is a son's, not a title
            target = self.actors[known[best]]
            if e.affiliation in self.countries and target.affiliation in self.countries \
                    and e.affiliation != target.affiliation:
                continue
            del self.actors[e.id]
            self.fold(e, target)
            self.stats["ar_person_titled_merged"] += 1

    def merge_person_variants(self) -> None:
        """Fold the Arabic dictionary's other entries for one person into one actor, so the portrayal network has
        one node for him: "رئيس أميركي جورج بوش", "رئيس جورج بوش" and "جورج بوش" are one person, and so are "بوش"
        and "رئيس بوش", the surname of the one person of that country whose name ends with it.

        A name's core is what is left after leading titles, offices, honorifics, country names and adjectives and
        "سابق" (AR_PREFIX_WORDS and the countries' one-word Arabic names), none of them a word that begins another
        person's untitled name ("تركي" of "تركي الفيصل", "أمين" of "أمين الجميل"); a title must be among them
        (AR_STRONG_TITLES). Persons of one country whose cores are equal are one person, where the core is a full
        name: two words or more, not "عبد" and one word ("ملك عبد الله" names several kings). A short core (a
        surname, or "عبد" and one word) joins another source's actor that has it as a name ("الأسد" is Bashar
        al-Assad in curated.yaml); else a surname joins the one person of that country whose longer core ends with
        it, not after a name link ("محمد بن نايف" is Nayef's son), when there is exactly one and the surname is no
        group's or country's name ("طالبان") and no person's first name ("عباس" of "عباس زكي": "النقيب عباس" in a
        police report is no Mahmoud Abbas; "صدام" of "صدام حسين"; a name's first word before "بن" does not count).
        A surname that joins nobody stays apart from its titled form: a one-name entry, which
        `ActorDictionary.find` gives to the person an article names in full. A core that begins with a name link
        ("بن عبد العزيز": the title was a name) joins nothing. Only entries of the Arabic dictionary move: a core
        that two actors of the other sources have joins nobody to either, and they are never joined ("بيار الجميل"
        names two men there). `SHOW_LINKS=1` prints each surname's fold."""
        persons = {i: e for i, e in self.actors.items() if e.type == "person" and e.affiliation}
        names = [(i, [word_key(t) for t in a.split()]) for i, e in persons.items() for a in e.aliases.get("ar", [])]
        # first words of untitled names, as another source's person or two of the Arabic dictionary's have them
        # (not "فنزويلا" of its lone "فنزويلا هوغو شافيز")
        firsts: dict[str, set[str]] = defaultdict(set)
        for i, toks in names:
            if len(toks) >= 2 and toks[0] not in AR_PREFIX_WORDS:
                firsts[toks[0]].add(i)
        first_words = {w for w, ids in firsts.items()
                       if len(ids) >= 2 or any(persons[i].src != "up_ar" for i in ids)}
        prefix_words = (AR_PREFIX_WORDS | {word_key(a) for iso in self.countries if iso in self.actors
                                           for a in self.actors[iso].aliases.get("ar", []) if " " not in a}) \
            - (first_words - AR_STRONG_TITLES)
        cores: dict[tuple[tuple[str, ...], str], set[str]] = defaultdict(set)  # (core, country) -> ids
        untitled: set[str] = set()
        for i, toks in names:
            n = 0
            while n < len(toks) and toks[n] in prefix_words:
                n += 1
            core = tuple(toks[n:])
            if not core or core[0] in AR_NAME_LINKS or (n and not set(toks[:n]) & AR_STRONG_TITLES):
                continue
            cores[(core, persons[i].affiliation)].add(i)
            if n == 0:
                untitled.add(i)
        parent = {i: i for i in persons}

        def find(i: str) -> str:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        def union(a: str, b: str) -> bool:
            ra, rb = find(a), find(b)
            if ra == rb:
                return False
            a_fixed, b_fixed = persons[ra].src != "up_ar", persons[rb].src != "up_ar"
            if a_fixed and b_fixed:
                return False
            # the root is the group's actor of another source, else an untitled name
            if b_fixed or (not a_fixed and rb in untitled and ra not in untitled):
                ra, rb = rb, ra
            parent[rb] = ra
            return True

        for (core, _), ids in sorted(cores.items()):
            fixed = sorted(i for i in ids if persons[i].src != "up_ar")
            if len(fixed) > 1:
                continue
            short = len(core) == 1 or (len(core) == 2 and core[0] == "عبد")
            if short and not fixed:
                continue  # a surname alone: to the person named in full below, or kept apart
            ids = sorted(ids, key=lambda i: (persons[i].src == "up_ar", i not in untitled, i))
            for j in ids[1:]:
                union(ids[0], j)
        other_names = {word_key(a) for e in self.actors.values() if e.type != "person"
                       for a in e.aliases.get("ar", []) if " " not in a}
        given_names = {core[0] for core, _ in cores if len(core) >= 2 and core[1] not in AR_NAME_LINKS}
        for (core, iso), ids in sorted(cores.items()):
            if len(core) != 1 or core[0] in other_names or core[0] in given_names:
                continue
            owners = {find(j) for (c2, iso2), js in cores.items() if iso2 == iso and len(c2) >= 2
                      and c2[-1] == core[0] and c2[-2] not in AR_NAME_LINKS for j in js}
            if len(owners) == 1:
                (owner,) = owners
                if os.environ.get("SHOW_LINKS"):
                    print("SURNAME", " ".join(core), iso, "->", persons[owner].name)
                for i in sorted(ids):
                    if union(owner, i):
                        self.stats["ar_person_surname_merged"] += 1
        for i in sorted(persons):
            root = find(i)
            if root != i:  # (an actor of another source is always its group's root)
                self.fold(self.actors.pop(i), persons[root])
                self.stats["ar_person_variant_merged"] += 1

    @staticmethod
    def fold(old: Entry, target: Entry) -> None:
        """`old`'s aliases, each with its source, go to `target` (the caller drops `old`)."""
        for lang, al in old.aliases.items():
            for x in al:
                target.add(lang, x, old.srcs.get((lang, x), old.src))

    def roles(self) -> list[tuple[str, str, str, str, str, str]]:
        rows = []
        for r in self.curated.get("roles", []):
            for lang in ("ar", "en", "fr"):
                for t in r.get(lang, []) or []:
                    rows.append((lang, t, r.get("office", ""), r["sector"], r["label"], "curated"))
        for lang, titles in (self.curated.get("titles") or {}).items():
            for t in titles:
                rows.append((lang, t, "", "", "title", "curated"))
        rows += self.phoenix_agents_roles() + self.arabic_agents_roles()
        seen, out = set(), []
        for row in rows:
            k = (row[0], row[1])
            if k not in seen:
                seen.add(k)
                out.append(row)
        return out

    def prune_single_words(self) -> None:
        """Drop one-word English/French aliases of the public dictionaries that name several things.

        A surname or word that also appears in the multi-word names of two other actors ("Jones",
        "Foundation", "Post"), or in another person's name, or in the curated stop list (months, common
        words), is too ambiguous alone. Curated aliases, country names and all-capital acronyms are kept.
        """
        stop = {
            word_key(w)
            for lang in ("en", "fr")
            for w in (self.curated.get("single_word_stoplist") or {}).get(lang, [])
        }
        owners: dict[str, set[str]] = defaultdict(set)
        person_owners: dict[str, set[str]] = defaultdict(set)
        for e in self.actors.values():
            for lang in ("en", "fr"):
                for a in e.aliases.get(lang, []) + [e.name]:
                    toks = TOKEN_RE.findall(a)
                    if len(toks) >= 2:
                        for t in toks:
                            owners[word_key(t)].add(e.id)
                            if e.type == "person":
                                person_owners[word_key(t)].add(e.id)
        for e in self.actors.values():
            for lang in ("en", "fr"):
                keep = []
                for a in e.aliases.get(lang, []):
                    toks = TOKEN_RE.findall(a)
                    src = e.srcs.get((lang, a), e.src)
                    if len(toks) == 1 and src not in ("curated", "user"):
                        k = word_key(a)
                        acronym = a.replace(".", "").isupper() and len(a.replace(".", "")) <= 5
                        if k in stop or (
                            e.type != "country"
                            and not acronym
                            and (
                                len(owners[k] - {e.id}) >= 2
                                or (e.type == "person" and person_owners[k] - {e.id})
                            )
                        ):
                            self.stats["single_word_alias_dropped"] += 1
                            continue
                    keep.append(a)
                e.aliases[lang] = keep

    # -- output ----------------------------------------------------------------------------------------------
    def write(self, out: Path) -> dict:
        out.mkdir(parents=True, exist_ok=True)
        n_rows = 0
        with open(out / "actors.tsv", "w", encoding="utf-8", newline="") as f:
            w = TsvWriter(f)
            w.writerow(["id", "name", "type", "affiliation", "code", "src", "lang", "extra", "aliases"])
            for id_ in sorted(self.actors):
                e = self.actors[id_]
                extra = f"adj={e.adj_en}" if e.adj_en else ""
                for lang in ("ar", "en", "fr"):
                    by_src: dict[str, list[str]] = defaultdict(list)
                    for a in e.aliases.get(lang, []):
                        by_src[e.srcs.get((lang, a), e.src)].append(a.replace("|", " "))
                    for src in sorted(by_src, key=lambda x: SRC_RANK.get(x, 9)):
                        w.writerow(
                            [
                                e.id,
                                e.name,
                                e.type,
                                e.affiliation,
                                e.code,
                                src,
                                lang,
                                extra,
                                "|".join(by_src[src]),
                            ]
                        )
                        n_rows += 1
                for (iso, lang), al in sorted(e.context.items()):
                    w.writerow(
                        [
                            e.id,
                            e.name,
                            e.type,
                            e.affiliation,
                            e.code,
                            "curated",
                            lang,
                            f"context={iso}",
                            "|".join(al),
                        ]
                    )
                    n_rows += 1
        roles = self.roles()
        with open(out / "roles.tsv", "w", encoding="utf-8", newline="") as f:
            w = TsvWriter(f)
            w.writerow(["lang", "template", "office", "sector", "label", "src"])
            w.writerows(roles)
        with open(out / "offices.tsv", "w", encoding="utf-8", newline="") as f:
            w = TsvWriter(f)
            w.writerow(["actor_id", "role", "start", "end"])
            w.writerows(sorted(self.offices))
        return {
            "actors": len(self.actors),
            "actor_rows": n_rows,
            "roles": len(roles),
            "offices": len(self.offices),
        }


class TsvWriter:
    """Plain TSV: no quoting (fields never hold tabs or newlines; they are replaced by spaces)."""

    def __init__(self, f):
        self.f = f

    def writerow(self, row) -> None:
        self.f.write("\t".join(re.sub(r"[\t\r\n]+", " ", str(x)) for x in row) + "\n")

    def writerows(self, rows) -> None:
        for r in rows:
            self.writerow(r)


def clean_re(name: str) -> str:
    return re.sub(r"\s*\([^)]*\)", "", name).strip()


def split_cldr(name: str) -> list[str]:
    """'Myanmar (Burma)' -> ['Myanmar', 'Burma']; 'Congo - Kinshasa' -> ['Congo - Kinshasa', 'Congo']."""
    out = [clean_re(name)]
    out += [x.strip() for x in re.findall(r"\(([^)]*)\)", name) if len(x.split()) <= 3]
    if " - " in name:
        out.append(name.split(" - ")[0].strip())
    return [o for o in out if o]


def adjective_forms(adj: str, lang: str) -> list[str]:
    """French masculine -> all four forms; English and Arabic as given (Arabic matching unifies forms)."""
    if lang == "fr":
        forms = [adj]
        if adj.endswith("e"):
            fem = adj
        elif adj.endswith("ien") or adj.endswith("éen"):
            fem = adj + "ne"
        elif adj.endswith("c"):
            fem = adj + "que"
        else:
            fem = adj + "e"
        forms.append(fem)
        for f in list(forms):
            if not f.endswith(("s", "x")):
                forms.append(f + "s")
        return list(dict.fromkeys(forms))
    return [adj]


# Transliteration skeletons: consonants only, to link an Arabic name to the same person's English entry.
_AR_SKEL = {
    "ب": "b",
    "ت": "t",
    "ط": "t",
    "ث": "s",
    "س": "s",
    "ص": "s",
    "ج": "j",
    "غ": "j",
    "ح": "h",
    "ه": "h",
    "خ": "h",
    "د": "d",
    "ض": "d",
    "ذ": "d",
    "ر": "r",
    "ز": "z",
    "ظ": "z",
    "ش": "x",
    "ف": "f",
    "ق": "k",
    "ك": "k",
    "ل": "l",
    "م": "m",
    "ن": "n",
    "پ": "b",
    "ڤ": "f",
    "چ": "x",
}


def ar_skeleton(text: str) -> str:
    out = []
    for w in text.split():
        if w.startswith("ال") and len(w) > 3:
            w = w[2:]
        out.append("".join(_AR_SKEL.get(c, "") for c in w))
    return re.sub(r"(.)\1+", r"\1", "".join(out))


def en_skeleton(text: str) -> str:
    t = unicodedata.normalize("NFKD", text.lower())
    t = "".join(c for c in t if not unicodedata.combining(c))
    t = re.sub(r"\b(al|el|ul|ad|ar|as|ash|at|az|an)[\s\-_]", " ", t)
    for a, b in (
        ("sh", "x"),
        ("kh", "h"),
        ("th", "s"),
        ("dh", "d"),
        ("gh", "j"),
        ("ch", "x"),
        ("ph", "f"),
        ("ou", ""),
        ("q", "k"),
        ("c", "k"),
        ("g", "j"),
        ("v", "f"),
        ("p", "b"),
        ("x", "x"),
    ):
        t = t.replace(a, b)
    t = re.sub(r"[^bdfhjklmnrstxz]", "", t)
    return re.sub(r"(.)\1+", r"\1", t)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--data",
        default=os.environ.get("STANCE_DATA", str(ROOT.parent / "shared" / "data")),
        help="the shared data folder (default: $STANCE_DATA, else ../shared/data)",
    )
    ap.add_argument("--out", default=str(ROOT / "stance" / "resources"))
    args = ap.parse_args(argv)
    data = Path(args.data)
    need = data / "dictionaries" / "petrarch2_phoenix_en" / "Phoenix.Countries.actors.txt"
    if not need.exists():
        raise SystemExit(
            f"{need} not found: pass --data pointing at the shared data folder (holding dictionaries/)"
        )
    b = Builder(data, ROOT / "stance" / "resources" / "curated.yaml")
    b.load_countries()
    b.load_phoenix()
    b.load_arabic()
    b.load_curated()
    b.merge_titled_persons()
    b.merge_person_variants()
    b.prune_single_words()
    counts = b.write(Path(args.out))
    print({**counts, **dict(sorted(b.stats.items()))})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
