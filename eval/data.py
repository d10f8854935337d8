"""What `stance eval` reads: an eval-format file or a built-in benchmark, with its baselines' training side.

Built-in names (`BENCHMARKS`):
- `dse`: DSE directed pairs, test split (two pairs per sentence); baselines train on DSE train, tuned on the
  unseen valid rows. The harness adds the unseen-row figures and the paper's 5-class form.
- `newsmtsc-rw`, `newsmtsc-mt`: NewsMTSC devtest sets (speaker = the author); baselines train on NewsMTSC
  train, tuned on a held-out 15% of its sentences (NewsMTSC has no dev split).
- `ar-dev`, `ar-test`, `fr-dev`, `fr-test`, `en-dev`, `en-test`: the project's own labelled statements (`training/annotations`);
  baselines train on the same language's train split, tuned on its dev split (for `*-dev`: a held-out slice of
  train).
- `checklist-ar`, `checklist-en`, `checklist-fr`: the project's behavioural suite (`eval/checklist/`): short sentences
  whose stance an explicit word carries, amid words that pull the other way; shipped with the package's repository,
  so they need no shared data (baselines: as for `*-test`).

>>> sorted(BENCHMARKS)[:5]
['ar-dev', 'ar-test', 'checklist-ar', 'checklist-en', 'checklist-fr']
"""

from __future__ import annotations

import json
import os
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from training import datasets as D
from training.datasets import Example
from training.heldout import data_dir as data_dir_of
from training.heldout import load_heldout

PathLike = str | os.PathLike
Loader = Callable[[PathLike | None], list[Example]]


@dataclass(frozen=True)
class Benchmark:
    """A named test set, and the training (and dev) sets its baselines learn from."""

    name: str
    description: str
    test: Loader
    train: Loader | None = None
    dev: Loader | None = None  # None: the baselines tune on a held-out slice of train
    file: Path | None = None  # an eval-format file the test side is read from: its rows (and their extra fields,
    # such as the checklist's `kind`) are what predictions.jsonl extends


def _annotations(lang: str, split: str) -> Loader:
    return lambda data_dir: D.load_annotations(lang, split, data_dir=data_dir)


BENCHMARKS: dict[str, Benchmark] = {
    "dse": Benchmark(
        "dse",
        "DSE (Park et al. 2021) test, directed pairs (en)",
        lambda d: D.load_dse("test", d),
        lambda d: D.load_dse("train", d),
        lambda d: D.load_dse("valid", d, unseen_only=True),
    ),
    "newsmtsc-rw": Benchmark(
        "newsmtsc-rw",
        "NewsMTSC devtest_rw, the author's portrayal of a target (en)",
        lambda d: D.load_newsmtsc("devtest_rw", d),
        lambda d: D.load_newsmtsc("train", d),
    ),
    "newsmtsc-mt": Benchmark(
        "newsmtsc-mt",
        "NewsMTSC devtest_mt (several targets per sentence), the author's portrayal (en)",
        lambda d: D.load_newsmtsc("devtest_mt", d),
        lambda d: D.load_newsmtsc("train", d),
    ),
}
for _lang, _name in (("ar", "Arabic"), ("fr", "French"), ("en", "English (PolNeAR articles)")):
    BENCHMARKS[f"{_lang}-dev"] = Benchmark(
        f"{_lang}-dev",
        f"{_name} labelled statements (training/annotations), dev split",
        _annotations(_lang, "dev"),
        _annotations(_lang, "train"),
    )
    BENCHMARKS[f"{_lang}-test"] = Benchmark(
        f"{_lang}-test",
        f"{_name} labelled statements (training/annotations), test split",
        _annotations(_lang, "test"),
        _annotations(_lang, "train"),
        _annotations(_lang, "dev"),
    )

CHECKLIST_DIR = Path(__file__).resolve().parent / "checklist"
for _lang, _name in (("ar", "Arabic"), ("en", "English"), ("fr", "French")):
    _file = CHECKLIST_DIR / f"{_lang}.jsonl"
    BENCHMARKS[f"checklist-{_lang}"] = Benchmark(
        f"checklist-{_lang}",
        f"{_name} behavioural suite (eval/checklist/{_lang}.jsonl): the stance an explicit word carries",
        lambda _d, _file=_file: D.load_eval_file(_file),
        _annotations(_lang, "train"),
        _annotations(_lang, "dev"),
        file=_file,
    )

# training sides that `--baseline-train` may name (for a file, or to train baselines on another benchmark's
# side)
TRAIN_SIDES: dict[str, str] = {
    "dse": "dse", "newsmtsc": "newsmtsc-rw", "ar": "ar-test", "fr": "fr-test", "en": "en-test",
}


@dataclass
class EvalData:
    """The items to score, their gold labels and the objects `predictions.jsonl` extends (one per item, in
    order)."""

    name: str
    examples: list[Example]
    rows: list[dict]
    benchmark: Benchmark | None = None
    path: Path | None = None
    notes: list[str] = field(default_factory=list)

    def head(self, limit: int | None) -> EvalData:
        if limit is None:
            return self
        if limit < 1:
            raise ValueError(f"--limit must be at least 1, got {limit}")
        note = (
            f"limited to the first {limit} of {len(self.examples)} items"
            if limit < len(self.examples)
            else None
        )
        return EvalData(
            self.name,
            self.examples[:limit],
            self.rows[:limit],
            self.benchmark,
            self.path,
            self.notes + ([note] if note else []),
        )


def load_data(data: str | PathLike, data_dir: PathLike | None = None) -> EvalData:
    """A built-in benchmark name or the path of an eval-format JSONL file.

    >>> load_data("no-such-set")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: 'no-such-set' is neither a file nor a built-in data set; built-in: ar-dev, ...
    """
    key = str(data)
    if key in BENCHMARKS and not Path(key).is_file():
        bench = BENCHMARKS[key]
        examples = bench.test(data_dir)
        if not examples:
            raise ValueError(
                f"built-in data set {key!r} is empty here: {bench.description}; nothing to evaluate"
            )
        rows = _file_rows(bench.file, examples) if bench.file else [D.to_eval_line(ex) for ex in examples]
        return EvalData(key, examples, rows, bench, bench.file)
    path = Path(key)
    if not path.is_file():
        raise ValueError(
            f"{key!r} is neither a file nor a built-in data set; built-in: {', '.join(sorted(BENCHMARKS))} "
            "(or pass a JSONL file of eval lines: id, text, speaker, target, stance)"
        )
    examples = D.load_eval_file(path)  # validates every line, with file:line in its errors
    return EvalData(path.stem, examples, _file_rows(path, examples), None, path)


def _file_rows(path: Path, examples: list[Example]) -> list[dict]:
    """The JSON lines of an eval-format file, one per example `load_eval_file` read from it."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if len(rows) != len(examples):  # load_eval_file skips exactly the blank lines, as here
        raise ValueError(f"{path}: read {len(examples)} examples but {len(rows)} JSON lines")
    return rows


def without_heldout(examples: list[Example], data_dir: PathLike | None = None) -> list[Example]:
    """`examples` minus held-out texts (`heldout_ids.txt`); a baseline training file is checked with it."""
    try:
        heldout = load_heldout(str(data_dir_of(data_dir)))
    except FileNotFoundError:
        warnings.warn("no shared data: the baseline training file is not checked against heldout_ids.txt")
        return examples
    kept = [ex for ex in examples if not heldout.is_heldout(ex.item.text)]
    if len(kept) < len(examples):
        warnings.warn(f"{len(examples) - len(kept)} held-out texts left out of the baseline training file")
    return kept


def baseline_sides(
    data: EvalData, baseline_train: str | None, data_dir: PathLike | None = None
) -> tuple[str, list[Example], list[Example] | None]:
    """(name, train, dev or None) for the baselines: the benchmark's own training side, or the one named.

    `baseline_train` is a key of `TRAIN_SIDES` / `BENCHMARKS` (its training side is used) or an eval file.
    """
    if baseline_train is None:
        if data.benchmark is None or data.benchmark.train is None:
            raise ValueError(
                f"{data.name}: no training side is known for a file; pass --baseline-train with one of "
                f"{', '.join(TRAIN_SIDES)} or an eval-format file to train the baselines on"
            )
        bench = data.benchmark
        return f"{bench.name} (train)", bench.train(data_dir), bench.dev(data_dir) if bench.dev else None
    key = TRAIN_SIDES.get(baseline_train, baseline_train)
    if key in BENCHMARKS and BENCHMARKS[key].train is not None:
        bench = BENCHMARKS[key]
        return f"{baseline_train} (train)", bench.train(data_dir), bench.dev(data_dir) if bench.dev else None
    path = Path(baseline_train)
    if path.is_file():
        return path.stem, without_heldout(D.load_eval_file(path), data_dir), None
    raise ValueError(
        f"--baseline-train {baseline_train!r} is neither a file nor one of {', '.join(TRAIN_SIDES)}"
    )
