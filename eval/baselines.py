"""Reference models beside the stance model: majority class, TF-IDF + LR, frozen-backbone embeddings + LR.

Each has the classifier interface (`name`, `labels`, `predict(items, batch_size, progress)`) and learns with
`fit(train, dev=None)`, which returns self and records what it chose in `selection_`. Hyper-parameters (C,
class weighting) are chosen by macro-F1 on `dev`; without a dev set, on a held-out 15% of the training groups
(documents or sentences), after which the model is refitted on the whole training side.

>>> from stance.records import StanceItem
>>> from training.datasets import Example
>>> train = [Example(StanceItem("A said B.", target=(7, 8), speaker=(0, 1)), "criticism", "demo")] * 3
>>> MajorityBaseline().fit(train).predict([train[0].item])[0].stance
'criticism'
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import os
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.pipeline import FeatureUnion
from sklearn.preprocessing import StandardScaler

from stance.records import LABELS, Prediction, StanceItem
from training.datasets import Example

log = logging.getLogger(__name__)

SPEAKER_MASK, TARGET_MASK, AUTHOR_TOKEN = " xspeakerx ", " xtargetx ", "xauthorx "


def _check_fitted(model, attr: str) -> None:
    if not hasattr(model, attr):
        raise RuntimeError(f"{type(model).__name__} is not fitted yet: call fit(train) before predict")


def _labels_of(examples: Sequence[Example]) -> list[str]:
    if not examples:
        raise ValueError("no training examples: the baselines need a non-empty training side")
    unknown = sorted({e.stance for e in examples} - set(LABELS))
    if unknown:
        raise ValueError(f"training labels {unknown} are not among {list(LABELS)}")
    return [e.stance for e in examples]


class MajorityBaseline:
    """Always the most frequent training label (ties: the first in LABELS); scores = training label shares."""

    name = "majority"
    labels = LABELS

    def fit(self, train: Sequence[Example], dev: Sequence[Example] | None = None) -> MajorityBaseline:
        counts = Counter(_labels_of(train))
        self.label_ = max(LABELS, key=lambda lab: (counts[lab], -LABELS.index(lab)))
        self.scores_ = {lab: counts[lab] / len(train) for lab in LABELS}
        self.selection_ = {"label": self.label_, "train_n": len(train)}
        return self

    def predict(
        self, items: Sequence[StanceItem], batch_size: int = 32, progress: bool = False
    ) -> list[Prediction]:
        _check_fitted(self, "label_")
        return [Prediction(self.label_, dict(self.scores_)) for _ in items]


def masked_text(item: StanceItem) -> str:
    """The text with speaker and target replaced by placeholder words, so a bag of words learns relations.

    `xauthorx` goes in front when the speaker is the author.

    >>> masked_text(StanceItem("Hammond criticised Russia.", target=(19, 25), speaker=(0, 7)))
    ' xspeakerx  criticised  xtargetx .'
    """
    spans = [(item.target, TARGET_MASK)] + ([(item.speaker, SPEAKER_MASK)] if item.speaker else [])
    text = item.text
    for (s, e), mask in sorted(spans, key=lambda x: -x[0][0]):
        text = text[:s] + mask + text[e:]
    return text if item.speaker else AUTHOR_TOKEN + text


class _SelectedLR:
    """Shared machinery: a grid over (C, class_weight) chosen on dev macro-F1, then a refit on all of
    train."""

    name = "lr"
    labels = LABELS

    def __init__(
        self,
        Cs: Sequence[float] = (0.1, 1.0, 10.0),
        class_weights: Sequence[str | None] = (None, "balanced"),
        seed: int = 0,
        dev_fraction: float = 0.15,
    ) -> None:
        self.Cs = tuple(Cs)
        self.class_weights = tuple(class_weights)
        self.seed = seed
        self.dev_fraction = dev_fraction

    # subclasses: `_raw` turns items into raw features once (texts, vectors); `_fit_transform` fits the
    # feature
    # transformer (vectoriser, scaler) on a subset's raw features; `_transform` applies it.
    def _raw(self, items: Sequence[StanceItem]):
        raise NotImplementedError

    def _fit_transform(self, raw):
        raise NotImplementedError

    def _transform(self, raw):
        raise NotImplementedError

    @staticmethod
    def _take(raw, idx):
        return raw[idx] if isinstance(raw, np.ndarray) else [raw[i] for i in idx]

    def _split(self, train: Sequence[Example]) -> tuple[np.ndarray, np.ndarray]:
        groups = [e.group or e.item.id or str(i) for i, e in enumerate(train)]
        if len(set(groups)) < 5:
            return np.arange(len(train)), np.arange(0)
        gss = GroupShuffleSplit(n_splits=1, test_size=self.dev_fraction, random_state=self.seed)
        return next(gss.split(np.zeros(len(train)), groups=groups))

    def _lr(self, C: float, cw: str | None) -> LogisticRegression:
        return LogisticRegression(C=C, class_weight=cw, max_iter=2000, random_state=self.seed)

    def fit(self, train: Sequence[Example], dev: Sequence[Example] | None = None) -> _SelectedLR:
        y_all = np.array(_labels_of(train))
        if len(set(y_all)) < 2:
            raise ValueError(
                f"the training side has a single label ({y_all[0]!r}): a classifier cannot be fitted"
            )
        raw_train = self._raw([e.item for e in train])
        held_out = not dev
        if held_out:
            fit_idx, dev_idx = self._split(train)
            raw_fit, y_fit = self._take(raw_train, fit_idx), y_all[fit_idx]
            raw_dev, y_dev = self._take(raw_train, dev_idx), y_all[dev_idx]
        else:
            raw_fit, y_fit = raw_train, y_all
            raw_dev, y_dev = self._raw([e.item for e in dev]), np.array(_labels_of(dev))
        grid = list(itertools.product(self.Cs, self.class_weights))
        results = []
        if len(y_dev) and len(set(y_fit)) > 1 and len(grid) > 1:
            X_fit = self._fit_transform(raw_fit)
            X_dev = self._transform(raw_dev)
            for C, cw in grid:
                pred = self._lr(C, cw).fit(X_fit, y_fit).predict(X_dev)
                f1 = f1_score(y_dev, pred, labels=list(LABELS), average="macro", zero_division=0)
                results.append({"C": C, "class_weight": cw, "dev_macro_f1": float(f1)})
                log.info("%s C=%s class_weight=%s dev macro-F1 %.4f", self.name, C, cw, f1)
            best = max(results, key=lambda r: r["dev_macro_f1"])  # first of equals: smaller C, unweighted
        else:
            best = {
                "C": self.Cs[len(self.Cs) // 2],
                "class_weight": self.class_weights[0],
                "dev_macro_f1": None,
            }
        self.model_ = self._lr(best["C"], best["class_weight"]).fit(self._fit_transform(raw_train), y_all)
        self.selection_ = {
            "C": best["C"],
            "class_weight": best["class_weight"],
            "dev_macro_f1": best["dev_macro_f1"],
            "dev": ("held-out 15% of train groups" if held_out else "dev split")
            if results
            else "none (default C)",
            "dev_n": len(y_dev) if results else 0,
            "train_n": len(train),
            "grid": results,
        }
        return self

    def predict(
        self, items: Sequence[StanceItem], batch_size: int = 32, progress: bool = False
    ) -> list[Prediction]:
        _check_fitted(self, "model_")
        if not items:
            return []
        proba = self.model_.predict_proba(self._transform(self._raw(list(items))))
        classes = list(self.model_.classes_)
        out = []
        for row in proba:
            scores = {lab: float(row[classes.index(lab)]) if lab in classes else 0.0 for lab in LABELS}
            out.append(Prediction(max(LABELS, key=lambda lab: scores[lab]), scores))
        return out


class TfidfLRBaseline(_SelectedLR):
    """Logistic regression on TF-IDF of word 1-2 grams and character 2-5 grams (in words) of the masked text.

    >>> TfidfLRBaseline().name
    'tfidf-lr'
    """

    name = "tfidf-lr"

    # balanced class weights won on every DSE dev run (0.41-0.47 vs 0.34-0.43 unweighted); each fit on DSE
    # train
    # takes 30-80 s on 2 cores, so the default grid is C only
    def __init__(
        self,
        Cs: Sequence[float] = (1.0, 3.0, 10.0),
        class_weights: Sequence[str | None] = ("balanced",),
        max_features: int = 200_000,
        **kwargs,
    ) -> None:
        super().__init__(Cs=Cs, class_weights=class_weights, **kwargs)
        self.max_features = max_features

    def _raw(self, items: Sequence[StanceItem]) -> list[str]:
        return [masked_text(it) for it in items]

    def _fit_transform(self, texts: list[str]):
        self.vectorizer_ = FeatureUnion(
            [
                (
                    "word",
                    TfidfVectorizer(
                        ngram_range=(1, 2), sublinear_tf=True, min_df=2, max_features=self.max_features
                    ),
                ),
                (
                    "char",
                    TfidfVectorizer(
                        analyzer="char_wb",
                        ngram_range=(2, 5),
                        sublinear_tf=True,
                        min_df=2,
                        max_features=self.max_features,
                    ),
                ),
            ]
        )
        try:
            return self.vectorizer_.fit_transform(texts)
        except ValueError:  # tiny training sides: no n-gram occurs twice
            for _, v in self.vectorizer_.transformer_list:
                v.set_params(min_df=1)
            return self.vectorizer_.fit_transform(texts)

    def _transform(self, texts: list[str]):
        return self.vectorizer_.transform(texts)


Encoder = Callable[[Sequence[StanceItem]], np.ndarray]


class EmbeddingLRBaseline(_SelectedLR):
    """Frozen-backbone features (see `BackboneFeatures`) + standardisation + logistic regression.

    `encoder(items) -> array (n, d)`; the default is `BackboneFeatures()` (the project's e5 backbone, frozen).
    """

    name = "e5-frozen-lr"

    def __init__(
        self, encoder: Encoder | None = None, Cs: Sequence[float] = (0.01, 0.1, 1.0), **kwargs
    ) -> None:
        super().__init__(Cs=Cs, **kwargs)
        self.encoder = encoder

    def _raw(self, items: Sequence[StanceItem]) -> np.ndarray:
        if self.encoder is None:
            self.encoder = BackboneFeatures()
        return np.asarray(self.encoder(items), dtype=np.float32)

    def _fit_transform(self, X: np.ndarray) -> np.ndarray:
        self.scaler_ = StandardScaler().fit(X)
        return self.scaler_.transform(X)

    def _transform(self, X: np.ndarray) -> np.ndarray:
        return self.scaler_.transform(X)


class BackboneFeatures:
    """Mean-pooled frozen e5 vectors of [sentence, speaker, target, speaker*target, target-speaker] per item.

    The text is encoded once as `passage: <text>` (e5's convention); a span's vector is the mean of the tokens
    that overlap it; the author (speaker None) and spans cut off by `max_length` get zeros. Each distinct text
    is encoded once. With `cache_dir`, a call's features are kept in `<cache_dir>/<sha1>.npy` and reused.
    """

    PREFIX = "passage: "

    def __init__(
        self,
        batch_size: int = 32,
        max_length: int = 256,
        cache_dir: str | os.PathLike | None = None,
        progress: bool = False,
    ) -> None:
        self.batch_size = batch_size
        self.max_length = max_length
        self.cache_dir = Path(cache_dir) if cache_dir else None
        self.progress = progress

    def _load(self):
        if not hasattr(self, "model_"):
            from stance.backbone import load_backbone, load_tokenizer

            self.tokenizer_, self.model_ = load_tokenizer(), load_backbone()
        return self.tokenizer_, self.model_

    def _cache_file(self, items: Sequence[StanceItem]) -> Path | None:
        if self.cache_dir is None:
            return None
        h = hashlib.sha1(f"v1|{self.max_length}".encode())
        for it in items:
            h.update(f"{it.text}\x00{it.speaker}\x00{it.target}\x01".encode())
        return self.cache_dir / f"{h.hexdigest()}.npy"

    def __call__(self, items: Sequence[StanceItem]) -> np.ndarray:
        cache = self._cache_file(items)
        if cache is not None and cache.exists():
            return np.load(cache)
        feats = self._encode(items)
        if cache is not None:
            cache.parent.mkdir(parents=True, exist_ok=True)
            np.save(cache, feats)
        return feats

    def _encode(self, items: Sequence[StanceItem]) -> np.ndarray:
        import torch

        tok, model = self._load()
        texts = sorted({it.text for it in items}, key=len)
        index = {t: i for i, t in enumerate(texts)}
        hidden_of: list = [None] * len(texts)
        batches = range(0, len(texts), self.batch_size)
        if self.progress:
            from tqdm import tqdm

            batches = tqdm(batches, desc="encoding", unit=" batch")
        with torch.inference_mode():
            for b in batches:
                chunk = texts[b : b + self.batch_size]
                enc = tok(
                    [self.PREFIX + t for t in chunk],
                    return_offsets_mapping=True,
                    padding=True,
                    truncation=True,
                    max_length=self.max_length,
                    return_tensors="pt",
                )
                offsets = enc.pop("offset_mapping").numpy()
                hidden = model(**enc).last_hidden_state.float().numpy()
                mask = enc["attention_mask"].numpy().astype(bool)
                for j, t in enumerate(chunk):
                    hidden_of[b + j] = (hidden[j][mask[j]], offsets[j][mask[j]])
        n = len(self.PREFIX)
        rows = []
        for it in items:
            h, off = hidden_of[index[it.text]]
            sentence = h.mean(axis=0)
            target = self._span_mean(h, off, it.target, n)
            speaker = self._span_mean(h, off, it.speaker, n)
            rows.append(np.concatenate([sentence, speaker, target, speaker * target, target - speaker]))
        return np.stack(rows) if rows else np.zeros((0, 0), dtype=np.float32)

    @staticmethod
    def _span_mean(
        hidden: np.ndarray, offsets: np.ndarray, span: tuple[int, int] | None, shift: int
    ) -> np.ndarray:
        if span is None:
            return np.zeros(hidden.shape[1], dtype=hidden.dtype)
        s, e = span[0] + shift, span[1] + shift
        keep = (offsets[:, 0] < e) & (offsets[:, 1] > s) & (offsets[:, 1] > offsets[:, 0])
        return hidden[keep].mean(axis=0) if keep.any() else np.zeros(hidden.shape[1], dtype=hidden.dtype)


def default_baselines(
    seed: int = 0,
    embeddings: bool = True,
    cache_dir: str | os.PathLike | None = None,
    progress: bool = False,
) -> list:
    """The baselines of a report: majority, TF-IDF + LR, and (unless `embeddings=False`) frozen e5 + LR."""
    out: list = [MajorityBaseline(), TfidfLRBaseline(seed=seed)]
    if embeddings:
        out.append(EmbeddingLRBaseline(BackboneFeatures(cache_dir=cache_dir, progress=progress), seed=seed))
    return out
