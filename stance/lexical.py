"""The lexical stance prior: a second, lexical opinion on each pair's stance, blended with the transformer's.

A multinomial logistic regression (scikit-learn) over TF-IDF character n-grams (2-4, within words) of four views of
a pair: the words just before the target, the words just after it, the target's own words and the speaker's
(Arabic normalised for matching, `stance.normalize`). It learns what e5-small reads less well from a few thousand
pairs: who tends to portray whom (`المتظاهرون` and a government, a ministry and `مسلحين`) and the verbs around a
target (`اعترف`, `قتلت`, `رحب ب`). On its own it is weaker than the transformer; blended, the transformer's
log-probabilities plus `weight` times its own, the two are right more often than either (see
`training/lexical_prior.py`, which fits it on the labelled Arabic train pairs and chooses the weight on the
exhaustive dev texts).

It lives beside the stance model in the same folder, like the target filter (`stance.relevance`):

- `lexical_prior.safetensors`: each view's `idf`, the regression's `coef` (labels x n-grams) and `intercept`;
- `lexical_prior.json`: the labels, `weight`, `langs` (other languages are left to the transformer alone),
  `window` (words on each side), each view's n-gram vocabulary in column order, and how it was fitted.

Nothing is unpickled: the vectorisers are rebuilt from their vocabulary and idf. A model folder without these files
has no prior; `stance analyze --no-lexical-prior` (and `stance classify`/`stance eval`) leave it out.

>>> prior = LexicalPrior.fit([StanceItem("قال الوزير ان الجيش قتل مسلحين", (14, 19), (4, 10), "ar"),
...                           StanceItem("رحب الوزير بالجيش", (12, 17), (4, 10), "ar"),
...                           StanceItem("قال الوزير ان الحكومة تجتمع", (14, 21), (4, 10), "ar")] * 2,
...                          ["criticism", "support", "neutral"] * 2, weight=0.5, min_df=1)
>>> prior.views(StanceItem("رحب الوزير بالجيش", (12, 17), (4, 10), "ar"))
{'left': 'رحب الوزير ب', 'right': '', 'target': 'الجيش', 'speaker': 'الوزير'}
>>> item = StanceItem("رحب الوزير بالجيش", (12, 17), (4, 10), "ar")
>>> prior.labels[prior.log_probs([item])[0].argmax()]
'support'
>>> scores = prior.blend([{"support": 0.2, "criticism": 0.3, "neutral": 0.5}], [item], weight=5.0)[0]
>>> max(scores, key=scores.get), round(sum(scores.values()), 6), list(scores)
('support', 1.0, ['support', 'criticism', 'neutral'])
>>> prior.blend([{"support": 0.2, "criticism": 0.3, "neutral": 0.5}], [StanceItem("x y", (2, 3), None, "en")])
[{'support': 0.2, 'criticism': 0.3, 'neutral': 0.5}]
"""
from __future__ import annotations

import json
import math
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

import numpy as np

from .adapter import saved_pair
from .normalize import normalize_arabic
from .records import StanceItem
from .relevance import added_to_log_scores

PRIOR_WEIGHTS = "lexical_prior.safetensors"
PRIOR_CONFIG = "lexical_prior.json"
VIEWS = ("left", "right", "target", "speaker")
AUTHOR = "<author>"  # the speaker view of the author's own voice (no speaker)
NGRAMS = (2, 4)


def _vectorizer(vocabulary: Optional[Sequence[str]] = None, min_df: int = 2):
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(analyzer="char_wb", ngram_range=NGRAMS, sublinear_tf=True, min_df=min_df,
                           vocabulary=list(vocabulary) if vocabulary is not None else None)


def pair_views(item: StanceItem, window: int) -> dict[str, str]:
    """The four views of a pair, normalised: `window` words before and after the target, the target, the speaker
    (`AUTHOR` for the author's own voice)."""
    s, e = item.target
    text = item.text
    left = normalize_arabic(text[:s]).split()[-window:]
    right = normalize_arabic(text[e:]).split()[:window]
    speaker = normalize_arabic(text[item.speaker[0] : item.speaker[1]]) if item.speaker else AUTHOR
    return {"left": " ".join(left), "right": " ".join(right), "target": normalize_arabic(text[s:e]), "speaker": speaker}


@dataclass
class LexicalPrior:
    """log p(label | views) = the regression's; `blend` adds `weight` times it to the transformer's log-probabilities
    (for items in `langs`)."""

    vectorizers: dict[str, Any]  # view -> fitted sklearn TfidfVectorizer
    coef: np.ndarray  # (labels, features of all views, in VIEWS order)
    intercept: np.ndarray  # (labels,)
    labels: tuple[str, ...]
    weight: float = 0.5
    langs: tuple[str, ...] = ("ar",)
    window: int = 5
    info: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if set(self.vectorizers) != set(VIEWS):
            raise ValueError(f"a lexical prior needs the views {list(VIEWS)}, found {sorted(self.vectorizers)}")
        self.coef = np.asarray(self.coef, dtype=np.float64)
        self.intercept = np.asarray(self.intercept, dtype=np.float64).reshape(-1)
        if isinstance(self.langs, str) or not all(isinstance(x, str) for x in self.langs):
            raise ValueError(f"langs must be a list of language codes such as [\"ar\"], found {self.langs!r}")
        if not all(isinstance(x, str) for x in self.labels) or len(set(self.labels)) != len(self.labels):
            raise ValueError(f"labels must be distinct names, found {self.labels!r}")
        self.labels, self.langs = tuple(self.labels), tuple(self.langs)
        width = sum(len(self.vectorizers[v].vocabulary_) for v in VIEWS)
        if self.coef.shape != (len(self.labels), width) or self.intercept.shape != (len(self.labels),):
            raise ValueError(f"coef {self.coef.shape} and intercept {self.intercept.shape} do not fit "
                             f"{len(self.labels)} labels over {width} n-grams")
        if not (np.isfinite(self.coef).all() and np.isfinite(self.intercept).all()):
            raise ValueError("coef and intercept must be finite numbers")
        _check_weight(self.weight)
        if self.window < 1:
            raise ValueError(f"window must be at least one word, found {self.window}")

    # ---- what it reads
    def views(self, item: StanceItem) -> dict[str, str]:
        """`pair_views` with this prior's window."""
        return pair_views(item, self.window)

    def _matrix(self, items: Sequence[StanceItem]):
        from scipy.sparse import hstack

        rows = [self.views(it) for it in items]
        return hstack([self.vectorizers[v].transform([r[v] for r in rows]) for v in VIEWS]).tocsr()

    def log_probs(self, items: Sequence[StanceItem]) -> np.ndarray:
        """log p(label) for each item, columns in `labels` order."""
        if not items:
            return np.zeros((0, len(self.labels)))
        z = np.asarray(self._matrix(items) @ self.coef.T) + self.intercept
        z -= z.max(axis=1, keepdims=True)
        return z - np.log(np.exp(z).sum(axis=1, keepdims=True))

    def applies(self, item: StanceItem) -> bool:
        return item.lang in self.langs

    def blend(self, scores: Sequence[dict[str, float]], items: Sequence[StanceItem],
              weight: Optional[float] = None) -> list[dict[str, float]]:
        """The transformer's `scores` blended with this prior: softmax(log p + weight * log p_lexical), for the
        items in `langs`; the others' scores unchanged. `weight` defaults to the prior's own."""
        w = self.weight if weight is None else _check_weight(weight)
        if len(scores) != len(items):
            raise ValueError(f"blend needs one score row per item: {len(scores)} rows, {len(items)} items")
        where = [i for i, it in enumerate(items) if self.applies(it)]
        out = [dict(s) for s in scores]
        if not where or w == 0:
            return out
        lex = self.log_probs([items[i] for i in where])
        for row, i in zip(lex, where):  # (in the order of the transformer's labels, as `scores` are written)
            out[i] = added_to_log_scores(out[i], {lab: w * float(x) for lab, x in zip(self.labels, row)})
        return out

    # ---- fitting
    @classmethod
    def fit(cls, items: Sequence[StanceItem], stances: Sequence[str], C: float = 1.0, weight: float = 0.5,
            langs: Sequence[str] = ("ar",), window: int = 5, min_df: int = 2,
            info: Optional[dict[str, Any]] = None) -> "LexicalPrior":
        """Fit the vectorisers and the regression (balanced classes) on labelled pairs."""
        from scipy.sparse import hstack
        from sklearn.linear_model import LogisticRegression

        if len(items) != len(stances) or not items:
            raise ValueError(f"fit needs as many labels as items, at least one: {len(items)} items, {len(stances)} labels")
        rows = [pair_views(it, window) for it in items]
        vecs = {v: _vectorizer(min_df=min_df).fit([r[v] for r in rows]) for v in VIEWS}
        x = hstack([vecs[v].transform([r[v] for r in rows]) for v in VIEWS]).tocsr()
        lr = LogisticRegression(C=C, max_iter=5000, class_weight="balanced").fit(x, list(stances))
        labels = tuple(str(c) for c in lr.classes_)
        coef, intercept = lr.coef_, lr.intercept_
        if len(labels) == 2:  # scikit-learn keeps one row for two classes: write both
            coef, intercept = np.vstack([-coef[0] / 2, coef[0] / 2]), np.array([-intercept[0] / 2, intercept[0] / 2])
        return cls(vecs, coef, intercept, labels, weight, tuple(langs), window, dict(info or {}, C=C, min_df=min_df))

    # ---- files
    def save(self, folder: str | os.PathLike) -> Path:
        from safetensors.numpy import save_file

        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        tensors = {f"{v}.idf": np.ascontiguousarray(self.vectorizers[v].idf_, dtype=np.float32) for v in VIEWS}
        tensors["coef"] = np.ascontiguousarray(self.coef, dtype=np.float32)
        tensors["intercept"] = np.ascontiguousarray(self.intercept, dtype=np.float32)
        save_file(tensors, str(folder / PRIOR_WEIGHTS), metadata={"format": "np"})
        vocab = {v: sorted(self.vectorizers[v].vocabulary_, key=self.vectorizers[v].vocabulary_.get) for v in VIEWS}
        cfg = {**self.info, "labels": list(self.labels), "weight": self.weight, "langs": list(self.langs),
               "window": self.window, "ngrams": list(NGRAMS), "vocabulary": vocab}
        (folder / PRIOR_CONFIG).write_text(json.dumps(cfg, ensure_ascii=False) + "\n", encoding="utf-8")
        return folder

    @classmethod
    def load(cls, folder: str | os.PathLike) -> Optional["LexicalPrior"]:
        """The prior saved in `folder`, or None when the folder has none."""
        from safetensors.numpy import load_file

        pair = saved_pair(Path(folder), PRIOR_WEIGHTS, PRIOR_CONFIG,
                          "delete the other or refit the prior with `python -m training.lexical_prior`")
        if pair is None:
            return None
        weights, cfg_file = pair
        try:
            state = load_file(str(weights))
            cfg = json.loads(cfg_file.read_text(encoding="utf-8"))
            vocab, labels = cfg["vocabulary"], cfg["labels"]
            if list(cfg.get("ngrams", NGRAMS)) != list(NGRAMS):
                raise ValueError(f"n-grams {cfg.get('ngrams')} where this version reads {list(NGRAMS)}")
            vecs = {}
            for v in VIEWS:
                idf = state[f"{v}.idf"].astype(np.float64)
                if len(idf) != len(vocab[v]):
                    raise ValueError(f"view {v!r}: {len(vocab[v])} n-grams but {len(idf)} idf values")
                vecs[v] = _vectorizer(vocab[v])
                vecs[v].idf_ = idf
            info = {k: x for k, x in cfg.items() if k not in ("labels", "weight", "langs", "window", "ngrams", "vocabulary")}
            return cls(vecs, state["coef"], state["intercept"], tuple(labels), float(cfg["weight"]),
                       tuple(cfg.get("langs", ["ar"])), int(cfg.get("window", 5)), info)
        except Exception as exc:  # a truncated safetensors file raises its own error type: say what to do either way
            raise ValueError(f"{folder}: the lexical prior does not load ({exc!r}); refit it with `python -m "
                             "training.lexical_prior`, or remove the two lexical_prior.* files, or pass "
                             "--no-lexical-prior") from exc


def _check_weight(weight: float) -> float:
    if not (isinstance(weight, (int, float)) and math.isfinite(weight) and weight >= 0):
        raise ValueError(f"weight must be a finite number >= 0, found {weight!r}")
    return float(weight)
