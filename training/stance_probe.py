"""Probes of the stance labels on the pairs the pipeline finds: can anything cheap beat the stance prior shift?

End to end, a pair whose speaker and target are right still needs its stance right, and on the exhaustive Arabic dev
texts the shipped model gets about seven in ten of those (`stance_shift_fit` in `target_filter.json`). Each probe
scores the same pairs: the first proposed candidate of each gold pair (`training.target_filter.matched_rows`) of
the train texts (which the model was trained on) and of the dev texts (which it never saw), by accuracy against the
gold stance:

- `shift`: the model's labels with the stance prior shift of its target filter (what `stance analyze` reports);
- `reread`: a logistic regression over the model's own pair features (the target filter's input: the pooled vectors
  and the probabilities) fitted on the train pairs' gold stances, C chosen by 5-fold cross-validation grouped by
  document; does the model know more about the target than its head says?
- `local`: the model reading only `window` words either side of the target (with the speaker's name in front when it
  stands outside them), alone and averaged with the whole sentence; does the rest of the sentence mislead it?
- `ensemble` (with `--members`): the mean log-probabilities of the model and other stance models, with the model's
  shift and with a shift chosen anew on these dev pairs (`training.target_filter.choose_shift`).

Test texts are never read. Report: JSON on stdout (`-o` writes it to a file too).

    python -m training.stance_probe                      # the shipped model
    python -m training.stance_probe --members runs/a/model runs/b/model -o probe.json
"""
from __future__ import annotations

import argparse
import json
import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from stance.classify import load_classifier, speaker_view
from stance.pipeline import Pipeline
from stance.records import Mention, Span, StanceItem
from stance.relevance import TargetFilter
from training.target_filter import (Candidates, add_model_arguments, candidates, choose_shift, features, matched_rows,
                                    model_folder, shift_accuracy)

C_GRID = (0.003, 0.01, 0.03, 0.1, 1.0)
WINDOWS = (10, 20)
_WORD = re.compile(r"\S+")


def local_view(item: StanceItem, window: int) -> StanceItem:
    """`item` cut to `window` words either side of its target; the speaker stays marked where it falls inside,
    else its name goes in front (`name: ...`): `stance.classify.speaker_view`.

    >>> it = StanceItem("قال الوزير إن الجيش انسحب من المدينة أمس", target=(14, 19), speaker=(4, 10))
    >>> v = local_view(it, 1)
    >>> v.text, v.text[v.target[0]:v.target[1]], v.text[v.speaker[0]:v.speaker[1]]
    ('الوزير: إن الجيش انسحب', 'الجيش', 'الوزير')
    """
    text, (ts, te) = item.text, item.target
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    inside = [k for k, (a, b) in enumerate(words) if a < te and ts < b]
    lo = words[max(0, inside[0] - window)][0]
    hi = words[min(len(words) - 1, inside[-1] + window)][1]
    sp = item.speaker
    if sp is None:
        return StanceItem(text[lo:hi], (ts - lo, te - lo), None, item.lang)
    body, speaker, shift = speaker_view(text, lo, hi, Mention(Span.of(text, *sp)))
    return StanceItem(body, (ts + shift, te + shift), speaker, item.lang)


def _logp(clf, items: Sequence[StanceItem], labels: Sequence[str]) -> np.ndarray:
    """Log-probabilities of `clf` on `items`, one column per label of `labels` in that order (an ensemble member may
    order its labels otherwise; one that lacks or adds a label is refused)."""
    if set(clf.labels) != set(labels):
        raise ValueError(f"a model with labels {list(clf.labels)} cannot be compared with one with {list(labels)}")
    preds = clf.predict(items, batch_size=32)
    return np.log(np.array([[max(p.scores[lab], 1e-9) for lab in labels] for p in preds]).reshape(-1, len(labels)))


def _acc(logp: np.ndarray, gold: Sequence[str], labels: Sequence[str], shift: dict[str, float]) -> float:
    return round(shift_accuracy(logp, gold, labels, shift), 4)


def reread(x_train: np.ndarray, y_train: np.ndarray, groups: Sequence[str], x_dev: np.ndarray, y_dev: np.ndarray,
           n_labels: int = 3) -> dict:
    """The `reread` probe on feature rows (pooled vectors, then the `n_labels` probabilities, which enter as logs)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    def prep(x: np.ndarray) -> np.ndarray:
        return np.hstack([x[:, :-n_labels], np.log(np.maximum(x[:, -n_labels:], 1e-9))])

    xt, xd = prep(x_train), prep(x_dev)
    cv = {}
    for c in C_GRID:
        pred = np.empty(len(y_train), dtype=y_train.dtype)
        for tr, te in GroupKFold(5).split(xt, groups=list(groups)):
            pred[te] = LogisticRegression(C=c, max_iter=3000).fit(xt[tr], y_train[tr]).predict(xt[te])
        cv[str(c)] = round(float(np.mean(pred == y_train)), 4)
    best = max(C_GRID, key=lambda c: cv[str(c)])
    dev = LogisticRegression(C=best, max_iter=3000).fit(xt, y_train).predict(xd)
    return {"cv_train_accuracy_by_C": cv, "C": best, "dev_accuracy": round(float(np.mean(dev == y_dev)), 4)}


def probe(model: str | None = None, members: Sequence[str] = (), lang: str = "ar", root: str | None = None,
          data_dir: str | None = None, threads: int | None = None) -> dict:
    """Run every probe (`ensemble` only with `members`) and return the report."""
    folder, named = model_folder(model, threads)
    nlp = Pipeline.load(model=folder, target_filter=False, target_tagger=True, speaker_tagger=True,
                        lexical_prior=False)
    clf = nlp.classifier
    filt = TargetFilter.load(folder)
    shift = filt.stance_shift if filt is not None else {}
    labels = list(clf.labels)
    sets: dict[str, tuple[Candidates, list[int]]] = {}
    for split in ("train", "dev"):
        cands = candidates(nlp, lang, split, root, data_dir, with_gold=False)
        sets[split] = (cands, matched_rows(cands))
    items = {s: [c.items[k] for k in rows] for s, (c, rows) in sets.items()}
    gold = {s: [c.gold_stances[int(c.gold_ids[k])] for k in rows] for s, (c, rows) in sets.items()}
    full = {s: _logp(clf, items[s], labels) for s in sets}
    report: dict = {"model": named, "lang": lang, "pairs": {s: len(gold[s]) for s in sets}, "shift": shift,
                    "shift_probe": {s: {"no_shift": _acc(full[s], gold[s], labels, {}),
                                        "shift": _acc(full[s], gold[s], labels, shift)} for s in sets}}
    feats = {s: features(clf, items[s]) for s in sets}
    y = {s: np.array([labels.index(g) for g in gold[s]]) for s in sets}
    train_groups = [sets["train"][0].groups[k] for k in sets["train"][1]]
    report["reread"] = reread(feats["train"], y["train"], train_groups, feats["dev"], y["dev"], len(labels))
    report["local"] = {}
    for w in WINDOWS:
        row = {}
        for s in sets:
            lp = _logp(clf, [local_view(it, w) for it in items[s]], labels)
            row[s] = {"alone": _acc(lp, gold[s], labels, shift), "averaged": _acc((lp + full[s]) / 2, gold[s], labels, shift)}
        report["local"][str(w)] = row
    if members:
        lps = [full["dev"]]
        for m in members:
            lps.append(_logp(load_classifier(m, target_filter=False, lexical_prior=False), items["dev"], labels))
        mean = np.mean(lps, axis=0)
        own = choose_shift(mean, gold["dev"], labels)
        report["ensemble"] = {"members": list(members), "dev_accuracy": _acc(mean, gold["dev"], labels, shift),
                              "dev_shift_chosen": own, "dev_accuracy_own_shift": _acc(mean, gold["dev"], labels, own)}
    return report


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_model_arguments(ap, "exhaustive texts")
    ap.add_argument("--members", nargs="*", default=[], help="other stance model folders for the ensemble probe")
    ap.add_argument("-o", "--output", type=Path, default=None, help="also write the report here")
    args = ap.parse_args(argv)
    try:
        report = probe(args.model, args.members, args.lang, args.annotations, args.data, args.threads)
    except (FileNotFoundError, ValueError) as exc:
        raise SystemExit(f"error: {exc}") from None
    text = json.dumps(report, indent=2, ensure_ascii=False)
    print(text)
    if args.output:
        args.output.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
