"""Data adapters: the shared labelled sets and the project's own annotations, as `Example` rows.

Each loader reads from the shared data folder (`training.heldout.data_dir`: the `data_dir` argument, else
`$STANCE_DATA`, else `../shared/data`) and returns `list[Example]`; an `Example` is a `StanceItem` with its
gold stance, the name of the set it came from and a `group` (the document or sentence it belongs to, for
grouped splits).

- `load_dse`: Park et al. 2021 directed sentiment (en), two directed pairs per sentence; `dse_five_class` and
  `dse_gold_five_class` give back the paper's five classes.
- `load_newsmtsc`: NewsMTSC (en), the author's (speaker=None) portrayal of one target.
- `load_plover`: PLOVER gold event records (en), source actor -> target actor, stance read off the event type.
- `load_annotations`: the project's labelled statements (`training/annotations/<lang>/*.jsonl`), by document.
- `load_eval_file`, `to_eval_line`, `from_eval_line`: the contract's eval format (JSONL).

`python -m training.datasets [DATA_DIR]` prints the counts per split and label of every loader.
One module per source: `dse`, `newsmtsc`, `plover`, `annotations`; `evalformat` for the JSONL format.

>>> ex = from_eval_line({"id": "x", "text": "Hammond criticised Russia.", "speaker": {"start": 0, "end": 7},
...                      "target": {"start": 19, "end": 25}, "stance": "criticism"})
>>> ex.item.text[slice(*ex.item.target)], ex.stance
('Russia', 'criticism')
"""

from __future__ import annotations

from training.datasets.annotations import (
    ANNOTATION_SPLITS,
    ANNOTATIONS_DIR,
    annotation_doc_key,
    load_annotations,
    split_of,
)
from training.datasets.dse import (
    DSE_LABELS,
    DSE_SPLITS,
    dse_copied_rows,
    dse_direction,
    dse_five_class,
    dse_gold_five_class,
    dse_predicted_five_class,
    load_dse,
)
from training.datasets.evalformat import from_eval_line, load_eval_file, to_eval_line, write_eval_file
from training.datasets.example import Example, with_other_targets
from training.datasets.newsmtsc import NEWSMTSC_POLARITY, NEWSMTSC_SPLITS, load_newsmtsc
from training.datasets.plover import PLOVER_MATERIAL, PLOVER_STANCE, load_plover

__all__ = [
    "ANNOTATIONS_DIR",
    "ANNOTATION_SPLITS",
    "DSE_LABELS",
    "DSE_SPLITS",
    "NEWSMTSC_POLARITY",
    "NEWSMTSC_SPLITS",
    "PLOVER_MATERIAL",
    "PLOVER_STANCE",
    "Example",
    "annotation_doc_key",
    "dse_copied_rows",
    "dse_direction",
    "dse_five_class",
    "dse_gold_five_class",
    "dse_predicted_five_class",
    "from_eval_line",
    "load_annotations",
    "load_dse",
    "load_eval_file",
    "load_newsmtsc",
    "load_plover",
    "split_of",
    "to_eval_line",
    "with_other_targets",
    "write_eval_file",
]
