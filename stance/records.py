"""The typed records that flow through `stance`, from article to scored portrayal.

Every span indexes the original article text exactly: `article.text[span.start:span.end] == span.text`.

>>> a = Article(id="a1", text="Hammond criticised Russia.")
>>> Span.of(a.text, 0, 7).text
'Hammond'
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

LABELS: tuple[str, ...] = ("support", "criticism", "neutral")


@dataclass(frozen=True)
class Span:
    """A character span `[start, end)` of a text, with the covered text."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        if not (0 <= start <= end <= len(text)):
            raise ValueError(f"span {start}..{end} does not lie inside a text of length {len(text)}")
        return cls(start, end, text[start:end])

    def overlaps(self, other: "Span") -> bool:
        return spans_overlap((self.start, self.end), (other.start, other.end))

    def to_json(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end}


def is_country_code(code: object) -> bool:
    """Country actors have ISO 3166 alpha-3 ids ("GBR"), which is what `Actor.affiliation` holds for a state's people
    and institutions (a group's members have the group's slug id instead)."""
    return isinstance(code, str) and len(code) == 3 and code.isalpha() and code.isupper()


def spans_overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two (start, end) character spans share at least one character."""
    return a[0] < b[1] and b[0] < a[1]


@dataclass(frozen=True)
class Actor:
    """An entry of the actor dictionary."""

    id: str
    name: str
    type: str = "unknown"
    affiliation: Optional[str] = None


@dataclass(frozen=True)
class Mention:
    """A mention of an actor (or of an unknown named entity when `actor` is None) in an article."""

    span: Span
    actor: Optional[Actor] = None
    resolved: bool = False  # True when this mention stands in for an implicit/pronoun subject elsewhere
    tagged: Optional[float] = None  # a target the target tagger proposed (stance.target_tagger): its probability
    # how much the target tagger reads this target of a statement as one (stance.target_tagger.Reading.score)
    tagger_score: Optional[float] = None
    # the fuller phrase, earlier in the article, that a bare definite speaker stands for ("منظمة العفو الدولية" for
    # "وأكدت المنظمة"): the mention keeps its own span; it takes that phrase's actor, and its identity (`key`)
    antecedent: Optional[Span] = None

    @property
    def start(self) -> int:
        return self.span.start

    @property
    def end(self) -> int:
        return self.span.end

    @property
    def text(self) -> str:
        return self.span.text

    @property
    def key(self) -> str:
        """The identity of a target within a statement (`stance.targets`): the actor id, else the surface text (of the
        antecedent, if any). `stance portrayals` also merges spellings of a name the dictionary lacks
        (`stance.aggregate`)."""
        return self.actor.id if self.actor else (self.antecedent or self.span).text

    def to_json(self) -> dict:
        out = self.span.to_json()
        out["actor_id"] = self.actor.id if self.actor else None
        out["actor_name"] = self.actor.name if self.actor else None
        out["affiliation"] = self.actor.affiliation if self.actor else None
        if self.actor:
            out["actor_type"] = self.actor.type
        if self.resolved:
            out["resolved"] = True
        if self.antecedent is not None:
            out["antecedent"] = self.antecedent.to_json()
        if self.tagged is not None:
            out["tagger"] = round(float(self.tagged), 4)
        return out


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    lang: Optional[str] = None
    date: Optional[str] = None
    title: Optional[str] = None
    source: Optional[str] = None


@dataclass(frozen=True)
class Statement:
    """An attributed statement: who said what, and which actors it is about."""

    doc_id: str
    id: str
    speaker: Optional[Mention]  # None: the author's own voice
    cue: Optional[Span]
    content: Span
    targets: tuple[Mention, ...] = ()
    lang: str = "en"
    context: Optional[Span] = None  # the text the classifier reads (sentence(s) holding speaker, cue and content)
    cue_kind: Optional[str] = None  # report | eval | continue | participle | source | noun (see stance.attribution) | author
    # the speaker tagger's reading of the speaker (mean B+I probability of its words, `stance.speaker_tagger`); None:
    # not read (no speaker tagger, a language it does not read, a resolved speaker, a speaker outside the statement's
    # sentence or cut off past the tagger's max_length)
    speaker_score: Optional[float] = None


@dataclass(frozen=True)
class StanceItem:
    """What the classifier reads: a text with the speaker (or None for the author) and the target marked."""

    text: str
    target: tuple[int, int]
    speaker: Optional[tuple[int, int]] = None
    lang: Optional[str] = None
    id: Optional[str] = None
    others: tuple[tuple[int, int], ...] = ()  # the statement's other targets (a model with `other_open` marks them)

    def __post_init__(self) -> None:
        n = len(self.text)
        for name, span in (("target", self.target), ("speaker", self.speaker)):
            if span is None:
                continue
            s, e = span
            object.__setattr__(self, name, (s, e))  # (a list from JSON becomes a tuple: items are hashable)
            if not (0 <= s < e <= n):
                raise ValueError(f"{name} span {s}..{e} does not lie inside a text of length {n}")
        object.__setattr__(self, "others", tuple((int(s), int(e)) for s, e in self.others))
        for s, e in self.others:
            if not (0 <= s < e <= n):
                raise ValueError(f"other target span {s}..{e} does not lie inside a text of length {n}")


@dataclass(frozen=True)
class Prediction:
    """A classifier's label for one item; `relevance` is the target filter's probability that the target is one the
    statement is about (None when the model has no filter, see `stance.relevance`)."""

    stance: str
    scores: dict[str, float]
    relevance: Optional[float] = None


@dataclass(frozen=True)
class Portrayal:
    """One scored (statement, target) pair: the unit of `analyze` output."""

    statement: Statement
    target: Mention
    stance: str
    scores: dict[str, float]
    model: str
    relevance: Optional[float] = None

    def to_json(self) -> dict:
        st = self.statement
        out = {
            "doc_id": st.doc_id,
            "statement_id": st.id,
            "speaker": st.speaker.to_json() if st.speaker else None,
            "cue": st.cue.to_json() if st.cue else None,
            "content": st.content.to_json(),
            "target": self.target.to_json(),
            "stance": self.stance,
            "scores": {k: round(float(v), 4) for k, v in self.scores.items()},
            "lang": st.lang,
            "model": self.model,
        }
        if self.relevance is not None:
            out["relevance"] = round(float(self.relevance), 4)  # the target filter's score (stance.relevance)
        if st.speaker is None and st.cue_kind == "author":
            out["voice"] = "author"  # `analyze --author-voice`: the text's own portrayal, no speaker or cue
        return out


@dataclass
class RunSummary:
    """Counts of an `analyze` run; failures keep their line number and reason."""

    read: int = 0
    analysed: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (where, reason)
