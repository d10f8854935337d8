"""Fit the lexical stance prior (`stance.lexical`) of a stance model and choose its weight.

The regression is fitted on the labelled pairs of one language's train split (`training/annotations/<lang>`, every
file, exhaustive or not; C fixed at 1, five words on each side of the target), plus the pairs of that language in
each `--extra` eval-format file (the synthetic sentences of `training/annotations/synthetic/`; held-out texts and
texts of the dev and test splits dropped; a line without `lang` counts as the language being fitted). Its weight
in the blend (the transformer's log-probabilities plus weight times its own) is chosen as the taggers' settings are
(`training.target_tagger.choose_settings`): by the triple F1 of what `stance analyze` keeps on the exhaustive dev
texts, over `WEIGHT_GRID` (the statements and both taggers' readings found once; the prior changes labels, never
which pairs are kept). The weight in use (a prior already in the folder; none counts as 0) stays unless another
beats it by `--min-gain` (default `training.target_tagger.MIN_GAIN`, about three triples there). The labelled dev
pairs (`stance eval <lang>-dev`) are scored with and without the prior for the report. Test texts are never read.

`--model` defaults to the model `stance analyze` uses (`$STANCE_MODEL`, else the shipped one), and the prior is
written into that folder.

    python -m training.lexical_prior                        # the default model, written into its folder
    python -m training.lexical_prior --model runs/x/model --dry-run
"""
from __future__ import annotations

import argparse
import json
import logging
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from stance.classify import default_model_path
from stance.lexical import PRIOR_CONFIG, PRIOR_WEIGHTS, LexicalPrior
from stance.pipeline import Pipeline
from training.datasets.annotations import ANNOTATIONS_DIR, load_annotations
from training.datasets.evalformat import load_eval_file
from training.heldout import load_heldout
from training.target_filter import add_model_arguments, min_gain_arg, model_folder
from training.target_tagger import MIN_GAIN, Text, gold_texts, pick, rule_statements, scored

log = logging.getLogger(__name__)

WEIGHT_GRID = (0.0, 0.25, 0.5, 0.75, 1.0, 1.5)
C = 1.0
WINDOW = 5


def triple_f1_by_weight(nlp: Pipeline, prior: LexicalPrior, texts: Sequence[Text], lang: str,
                        batch_size: int = 32) -> list[tuple[float, dict[str, list[float]]]]:
    """For each weight of `WEIGHT_GRID`, P/R/F1 with and without stance of what `stance analyze` keeps of `texts`
    (gold texts of `training.target_tagger`) with the prior at that weight (the statements and the taggers' readings
    found once; the pipeline's own prior is given back after)."""
    found = rule_statements(nlp, texts, lang)
    tagged = [x for k in range(0, len(found), 16) for x in nlp.with_taggers(found[k : k + 16], batch_size)]
    saved, out = nlp.classifier.lexical_prior, []
    try:
        with nlp.remembering():  # the transformer reads each pair once; the prior is blended after
            for w in WEIGHT_GRID:
                nlp.classifier.lexical_prior = LexicalPrior(prior.vectorizers, prior.coef, prior.intercept,
                                                            prior.labels, w, prior.langs, prior.window)
                out.append((w, scored(nlp, tagged, texts, f"weight {w}", batch_size, tag=False)))
    finally:
        nlp.classifier.lexical_prior = saved
    return out


def train_pairs(lang: str, root: str | None = None, data_dir: str | None = None,
                extra: Sequence[str | Path] = ()) -> tuple[list, int]:
    """The labelled pairs the prior is fitted on: the `lang` train split of the annotations, then the pairs of
    `lang` in each `extra` eval-format file (a line without `lang` counts as `lang`; other languages' lines,
    held-out texts and the texts of the dev and test splits are skipped); with how many came from `extra`.

    A file of the annotations' own folder (`<root>/<lang>/`) is refused (its dev and test pairs would leak into the
    fit), and so is a file that adds no pair: a wrong language or a file of held-out texts is a mistake to report.
    """
    train = load_annotations(lang, "train", root=root, data_dir=data_dir)
    if not train:
        raise ValueError(f"no labelled {lang} pairs in the train split of {root or 'training/annotations'}")
    if not extra:
        return train, 0
    own = (Path(root) if root is not None else ANNOTATIONS_DIR).resolve() / lang
    held = load_heldout(data_dir)  # held-out texts are dropped from any file, as training does
    kept_out = {ex.item.text for split in ("dev", "test")
                for ex in load_annotations(lang, split, root=root, data_dir=data_dir)}
    added: list = []
    for path in extra:
        if own in Path(path).resolve().parents:
            raise ValueError(f"{path} is a file of the annotations' own folder ({own}): its train pairs are already "
                             "fitted on and its dev and test pairs must not be; pass files from elsewhere "
                             "(training/annotations/synthetic/)")
        pairs = [ex for ex in load_eval_file(path) if (ex.item.lang or lang) == lang
                 and not held.is_heldout(ex.item.text) and ex.item.text not in kept_out]
        if not pairs:
            raise ValueError(f"{path} adds no {lang} pair (its lines are of another language, held out, or texts of "
                             f"the dev and test splits): check --lang and the file's \"lang\" fields")
        added += pairs
    return [*train, *added], len(added)


def fit_prior(model: str | Path | None = None, lang: str = "ar", root: str | None = None,
              data_dir: str | None = None, threads: int | None = None,
              min_gain: float = MIN_GAIN, extra: Sequence[str | Path] = ()) -> tuple[LexicalPrior, dict]:
    """Fit the prior on the train pairs (plus the pairs of `extra`, eval-format files read as train pairs: the
    synthetic sentences of `training/annotations/synthetic/`) and choose its weight on the dev candidates (see the
    module's docstring)."""
    from sklearn.metrics import f1_score

    folder, named = model_folder(model, threads)
    t0 = time.time()
    try:
        old = LexicalPrior.load(folder)
    except (ValueError, FileNotFoundError):
        old = None  # a prior that does not load is replaced
    if old is not None and old.langs != (lang,):
        raise ValueError(f"{folder} holds a lexical prior for {list(old.langs)}, and a model folder holds one prior: "
                         f"fit the {lang} one into a copy of the folder (--model)")
    current = old.weight if old is not None else 0.0
    train, added = train_pairs(lang, root, data_dir, extra)
    prior = LexicalPrior.fit([ex.item for ex in train], [ex.stance for ex in train], C=C, langs=(lang,), window=WINDOW)
    log.info("fitted on %d %s train pairs (%d n-grams)", len(train), lang, prior.coef.shape[1])

    nlp = Pipeline.load(model=folder, lexical_prior=False)
    clf = nlp.classifier
    table = triple_f1_by_weight(nlp, prior, gold_texts(lang, "dev", root, data_dir), lang)
    weight, _ = pick([(w, row["with_stance"][2]) for w, row in table], current, min_gain)
    prior.weight = weight

    pairs = load_annotations(lang, "dev", root=root, data_dir=data_dir)
    own = clf.predict([ex.item for ex in pairs], batch_size=64)
    blended = prior.blend([p.scores for p in own], [ex.item for ex in pairs])
    y = [ex.stance for ex in pairs]

    def macro(scores) -> float:
        return round(float(f1_score(y, [max(s, key=s.get) for s in scores], average="macro")), 4)

    report = {
        "fitted_on": f"training/annotations/{lang}, train split: {len(train) - added} labelled pairs"
                     + "".join(f" + {Path(p).as_posix()}" for p in extra) + (f" ({added} pairs)" if extra else ""),
        "model": named, "C": C, "window": WINDOW,
        "weight_chosen_on": f"triple F1 of `stance analyze` on the {lang} exhaustive dev texts",
        "weight_in_use": current, "min_gain": min_gain, "weight": weight,
        "dev_prf_by_weight": {str(w): row for w, row in table},
        f"{lang}_dev_macro_f1": {"pairs": len(y), "transformer": macro([p.scores for p in own]),
                                 "prior_alone": macro([dict(zip(prior.labels, np.exp(r)))
                                                       for r in prior.log_probs([ex.item for ex in pairs])]),
                                 "blend": macro(blended)},
        "seconds": round(time.time() - t0, 1),
    }
    prior.info = {**prior.info, **report}
    return prior, report


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_model_arguments(ap, "labelled pairs")
    ap.add_argument("--dry-run", action="store_true", help="report only; write nothing")
    ap.add_argument("--min-gain", type=min_gain_arg, default=MIN_GAIN,
                    help="the weight in use stays unless another beats it by at least this triple F1 on the dev texts "
                         f"(default {MIN_GAIN}; 0: the best always wins)")
    ap.add_argument("--extra", action="append", default=[], metavar="FILE.jsonl",
                    help="an eval-format file whose pairs (of --lang) are added to the train pairs, e.g. "
                         "training/annotations/synthetic/ar_batch16.jsonl (repeatable)")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    try:
        prior, report = fit_prior(args.model, args.lang, args.annotations, args.data, args.threads, args.min_gain,
                                  args.extra)
    except (FileNotFoundError, ValueError) as exc:  # a missing model or annotation folder: say what to do
        raise SystemExit(f"error: {exc}") from None
    print(json.dumps(report, indent=2, ensure_ascii=False))
    folder = Path(args.model) if args.model else default_model_path()
    if not args.dry_run and prior.weight == 0:  # no effect on any label: the folder is left without a prior
        for name in (PRIOR_WEIGHTS, PRIOR_CONFIG):
            (folder / name).unlink(missing_ok=True)
        print(f"weight 0 is best: no lexical prior in {folder}")
    elif not args.dry_run:
        prior.save(folder)
        print(f"wrote the lexical prior (weight {prior.weight}) into {folder}")


if __name__ == "__main__":
    main()
