"""Bootstrap over documents: how sure is an end-to-end triple F1, and is system B better than A on the same gold?

    stance eval-e2e g.jsonl a.jsonl -o A.json        # e.g. `stance analyze --no-target-tagger`
    stance eval-e2e g.jsonl b.jsonl -o B.json
    python -m eval.paired A.json B.json

Reads the `per_doc` counts that `stance eval-e2e -o` writes, resamples the documents with replacement (the same
resample for both systems) and reports the difference of triple F1 (B - A), with and without stance: the observed
difference, its percentile interval and the share of resamples where B is not better. Prints one JSON object.

`f1_interval` is the same resampling for one system: the percentile interval of its triple F1, which `stance
eval-e2e` prints beside each F1 (documents, not triples, are resampled: a text's pairs share its speaker and its
errors).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence

import numpy as np

N_RESAMPLES = 2000


def _f1(tp: np.ndarray, n_pred: np.ndarray, n_gold: np.ndarray) -> np.ndarray:
    p = np.divide(tp, n_pred, out=np.zeros_like(tp, dtype=float), where=n_pred > 0)
    r = np.divide(tp, n_gold, out=np.zeros_like(tp, dtype=float), where=n_gold > 0)
    return np.divide(2 * p * r, p + r, out=np.zeros_like(p), where=(p + r) > 0)


_ZERO = {"n_gold": 0, "n_pred": 0, "tp": 0, "tp_without_stance": 0}


def _column(table: Mapping[str, Mapping], docs: Sequence[str], key: str) -> np.ndarray:
    """`table[doc][key]` for each of `docs` (0 for a document the table lacks), as floats."""
    return np.array([table.get(d, _ZERO)[key] for d in docs], dtype=float)


def _resamples(n_docs: int, n_resamples: int, seed: int) -> np.ndarray:
    """`n_resamples` rows of `n_docs` document indices drawn with replacement."""
    return np.random.default_rng(seed).integers(0, n_docs, size=(n_resamples, n_docs))


def f1_interval(per_doc: Mapping[str, Mapping], n_resamples: int = N_RESAMPLES, seed: int = 0,
                level: float = 0.95) -> dict:
    """The percentile interval of triple F1, with and without stance, over resamples of the documents of one
    `per_doc` table (`eval.endtoend.score_triples`): `{"with_stance": [lo, hi], "without_stance": [lo, hi],
    "documents", "resamples", "seed", "level"}`; None for each with no documents.

    >>> t = {"d1": {"n_gold": 2, "n_pred": 2, "tp": 1, "tp_without_stance": 2},
    ...      "d2": {"n_gold": 2, "n_pred": 2, "tp": 1, "tp_without_stance": 2}}
    >>> f1_interval(t, n_resamples=50)["with_stance"], f1_interval(t, n_resamples=50)["without_stance"]
    ([0.5, 0.5], [1.0, 1.0])
    """
    docs = sorted(per_doc)
    out: dict = {"documents": len(docs), "resamples": n_resamples, "seed": seed, "level": level}
    if not docs:
        return {**out, "with_stance": None, "without_stance": None}
    idx = _resamples(len(docs), n_resamples, seed)
    gold, pred = _column(per_doc, docs, "n_gold")[idx].sum(1), _column(per_doc, docs, "n_pred")[idx].sum(1)
    tail = (1 - level) / 2 * 100
    for name, key in (("with_stance", "tp"), ("without_stance", "tp_without_stance")):
        f1 = _f1(_column(per_doc, docs, key)[idx].sum(1), pred, gold)
        out[name] = [round(float(v), 4) for v in np.percentile(f1, [tail, 100 - tail])]
    return out


def paired_bootstrap(a: Mapping[str, Mapping], b: Mapping[str, Mapping], n_resamples: int = N_RESAMPLES,
                     seed: int = 0, level: float = 0.95) -> dict:
    """Difference of triple F1 between two `per_doc` tables (B - A) over their documents.

    >>> a = {"d1": {"n_gold": 2, "n_pred": 2, "tp": 1, "tp_without_stance": 1}}
    >>> b = {"d1": {"n_gold": 2, "n_pred": 2, "tp": 2, "tp_without_stance": 2}}
    >>> paired_bootstrap(a, b, n_resamples=10)["with_stance"]["difference"]
    0.5
    """
    docs = sorted(set(a) | set(b))
    if not docs:
        raise ValueError("no documents: pass the JSON files that `stance eval-e2e ... -o` writes")

    def column(table: Mapping[str, Mapping], key: str) -> np.ndarray:
        return _column(table, docs, key)

    gold = np.maximum(column(a, "n_gold"), column(b, "n_gold"))  # the same gold; a system that skipped a doc has 0
    idx = _resamples(len(docs), n_resamples, seed)
    tail = (1 - level) / 2 * 100
    out: dict = {"documents": len(docs), "resamples": n_resamples, "seed": seed, "level": level}
    for name, key in (("with_stance", "tp"), ("without_stance", "tp_without_stance")):
        ta, tb = column(a, key), column(b, key)
        pa, pb = column(a, "n_pred"), column(b, "n_pred")
        observed = float(_f1(tb.sum(), pb.sum(), gold.sum()) - _f1(ta.sum(), pa.sum(), gold.sum()))
        diff = _f1(tb[idx].sum(1), pb[idx].sum(1), gold[idx].sum(1)) - _f1(ta[idx].sum(1), pa[idx].sum(1),
                                                                           gold[idx].sum(1))
        lo, hi = np.percentile(diff, [tail, 100 - tail])
        out[name] = {"difference": round(observed, 4), "interval": [round(float(lo), 4), round(float(hi), 4)],
                     "share_not_better": round(float(np.mean(diff <= 0)), 4)}
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("a", help="`stance eval-e2e -o` JSON of system A (the baseline)")
    ap.add_argument("b", help="`stance eval-e2e -o` JSON of system B, on the same gold")
    ap.add_argument("--resamples", type=int, default=N_RESAMPLES)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    tables = []
    for path in (args.a, args.b):
        try:
            with open(path, encoding="utf-8") as f:
                tables.append(json.load(f)["per_doc"])
        except (OSError, json.JSONDecodeError, KeyError) as exc:
            raise SystemExit(f"error: {path}: {exc!r}; expected the JSON that `stance eval-e2e GOLD PRED -o FILE` writes")
    json.dump(paired_bootstrap(*tables, n_resamples=args.resamples, seed=args.seed), sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
