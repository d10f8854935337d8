"""Add a second stance model to a model folder as an ensemble member (`stance.ensemble`) and report what it changes.

The member (a folder written by `python -m training CONFIG`) is copied into the model folder under `--name`, and
`ensemble.json` names it, beside any members already there, with `--weight` (the members' share of the average) and
`--langs` (the languages whose items they read). The report, of the model alone against this member, gives the
macro-F1 on each language's labelled dev pairs (`training/annotations`, dev split) of the model alone, the member
alone and their average at each weight of `WEIGHT_GRID`, the lexical prior added after as `predict` does; the weight
is the user's choice, made on that report (and on `stance analyze` end to end). `--dry-run` writes nothing. Test
pairs are never read.

    python -m training.ensemble --member runs/ens44/model --langs en fr --weight 0.5 --model /tmp/m --dry-run
"""
from __future__ import annotations

import argparse
import json
import logging
import shutil
from collections.abc import Sequence
from pathlib import Path

import torch
from sklearn.metrics import f1_score

from stance.ensemble import Ensemble
from stance.lexical import LexicalPrior
from stance.model import TransformerStanceClassifier
from training.datasets.annotations import load_annotations
from training.target_filter import model_folder

log = logging.getLogger(__name__)

WEIGHT_GRID = (0.0, 0.25, 0.5, 0.75, 1.0)


def dev_report(model: Path, member: Path, langs: Sequence[str], root: str | None = None,
               data_dir: str | None = None) -> dict[str, dict]:
    """Per language: n, and the dev macro-F1 of the model (weight 0), the member (weight 1) and their average at
    each weight of `WEIGHT_GRID`, the model folder's lexical prior (if any) added after."""
    own = TransformerStanceClassifier.from_pretrained(model, target_filter=False, lexical_prior=False, ensemble=False)
    other = TransformerStanceClassifier.from_pretrained(member, target_filter=False, lexical_prior=False,
                                                        ensemble=False)
    if other.labels != own.labels:
        raise ValueError(f"the member {member} has the labels {list(other.labels)}, the model {list(own.labels)}")
    prior = LexicalPrior.load(model)
    labels = list(own.labels)
    out = {}
    for lang in langs:
        examples = load_annotations(lang, "dev", root, data_dir)
        if not examples:
            raise ValueError(f"no labelled {lang} dev pairs under {root or 'training/annotations'}: drop {lang} from "
                             "--langs or add its annotations")
        items, gold = [ex.item for ex in examples], [ex.stance for ex in examples]
        probs = [torch.tensor([[p.scores[lab] for lab in labels] for p in clf.predict(items, batch_size=64)])
                 for clf in (own, other)]
        by_weight = {}
        for w in WEIGHT_GRID:
            blend = Ensemble(members=("member",), weight=w, langs=(lang,)).blend(probs[0], [probs[1]])
            scores = [dict(zip(labels, row)) for row in blend.tolist()]
            if prior is not None:
                scores = prior.blend(scores, items)
            pred = [max(sc, key=sc.get) for sc in scores]
            by_weight[str(w)] = round(float(f1_score(gold, pred, labels=labels, average="macro", zero_division=0)), 4)
        out[lang] = {"n": len(items), "dev_macro_f1_by_weight": by_weight}
        log.info("%s dev (%d pairs): macro-F1 by the member's weight %s", lang, len(items), by_weight)
    return out


def check_member(model: Path, member: Path, name: str, weight: float, langs: Sequence[str],
                 info: dict | None = None) -> Ensemble:
    """The ensemble `add_member` would write, or the reason it must not: a bad name or weight, a member that is the
    model folder, lies inside it or holds it, or a folder of that name that is not a member already."""
    current = Ensemble.load(model)
    members = tuple(m for m in (current.members if current is not None else ()) if m != name) + (name,)
    ens = Ensemble(members=members, weight=weight, langs=tuple(langs), info=info or {})
    root, source = model.resolve(), member.resolve()
    if source == root or root.is_relative_to(source) or source.is_relative_to(root):
        raise ValueError(f"the member {member} is the model folder {model}, inside it or holds it: pass the folder "
                         "the member was trained into (`OUTPUT/model` of its training run)")
    target = model / name
    if target.is_symlink() or (target.exists() and (current is None or name not in current.members)):
        raise FileExistsError(f"{target} exists and is not a member of this model's ensemble: choose another --name")
    return ens


def add_member(model: Path, member: Path, name: str, weight: float, langs: Sequence[str], info: dict) -> Ensemble:
    """Copy `member` into `model/name` and write `ensemble.json` naming it beside the members already there (the
    weight and languages given apply to all). A folder of that name is replaced only when it is already a member."""
    ens = check_member(model, member, name, weight, langs, info)
    target = model / name
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(member, target)
    ens.save(model)
    return ens


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--member", required=True, help="the stance model folder to add (written by `python -m training`)")
    ap.add_argument("--model", default=None, help="the model folder it joins (default: the one `stance analyze` "
                                                   "uses: $STANCE_MODEL, else the shipped model)")
    ap.add_argument("--name", default="member", help="its sub-folder in the model folder (default: member)")
    ap.add_argument("--weight", type=float, default=0.5,
                    help="the members' share of the average, 0 to 1 (default 0.5); with members already there, this "
                         "weight and --langs apply to all of them")
    ap.add_argument("--langs", nargs="+", default=["ar"], help="languages whose items it reads (default: ar)")
    ap.add_argument("--annotations", default=None, help="annotation root (default: training/annotations)")
    ap.add_argument("--data", default=None, help="shared data folder, for the held-out list")
    ap.add_argument("--threads", type=int, default=None, help="torch CPU threads (default: torch's own choice)")
    ap.add_argument("--dry-run", action="store_true", help="report only; write nothing")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    model, named = model_folder(args.model, args.threads)
    member = Path(args.member)
    try:
        check_member(model, member, args.name, args.weight, args.langs)  # bad values fail before any work
        report = dev_report(model, member, args.langs, args.annotations, args.data)
        info = {"member_trained_in": str(member), "model": named, "dev": report}
        print(json.dumps(info, indent=2, ensure_ascii=False))
        if not args.dry_run:
            add_member(model, member, args.name, args.weight, args.langs, info)
            print(f"wrote {model / args.name} and {model / 'ensemble.json'}")
    except (OSError, ValueError) as exc:  # (FileNotFoundError and FileExistsError are OSErrors)
        raise SystemExit(f"error: {exc}") from None


if __name__ == "__main__":
    main()
