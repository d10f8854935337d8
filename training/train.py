"""Fine-tune the stance transformer: a plain torch loop (one model, one optimiser, nothing hidden).

Each epoch draws the training mix afresh from the configured sources (weights > 1 repeat a source, < 1 take a
random share; `neutral_fraction` thins neutral examples), batches it by length (short batches pad little), trains
LoRA + head with a class-weighted cross-entropy, evaluates macro-F1 on every dev set, and keeps the best state
(selection = the mean of the dev sets' macro-F1, weighted by each set's `selection_weight`: a small Arabic dev set
counts as much as a large English one). Early stopping after `patience` evaluations without improvement. Writes into `output_dir`:
`model/` (save_pretrained of the best state), `dev_scores.jsonl` (one line per evaluation), `train_config.json`,
`summary.json`; with `publish_dir`, copies `model/` there only if it beats the model already there on the same dev sets.

>>> from training.config import TrainConfig
>>> summary = train(TrainConfig.load("training/configs/smoke.yaml"))  # doctest: +SKIP
"""
from __future__ import annotations

import hashlib
import json
import logging
import math
import random
import shutil
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import torch

from stance.adapter import free_layers
from stance.backbone import resolve_device
from stance.ensemble import ENSEMBLE_CONFIG, Ensemble
from stance.model import OTHER_MARKS, StanceModelConfig, TransformerStanceClassifier
from stance.lexical import PRIOR_WEIGHTS
from stance.relevance import FILTER_WEIGHTS
from training.augment import swap_some, target_pool
from training.config import SourceConfig, TrainConfig
from training.datasets import Example

log = logging.getLogger(__name__)


# --------------------------------------------------------------------------- data


def load_source(src: SourceConfig, data_dir: str | None = None, dev: bool = False) -> list[Example]:
    """All examples of one source after its fixed filters (slice, max_samples); weights apply per epoch.

    For a dev source (`dev=True`) neutral_fraction is applied here, fixed by a hash of the item id, so that every
    evaluation scores the same items; for a training source it is drawn afresh each epoch (`epoch_mix`).
    """
    from training import datasets as ds

    if src.kind == "dse":
        exs = ds.load_dse(src.split, data_dir, unseen_only=src.unseen_only)
    elif src.kind == "newsmtsc":
        exs = ds.load_newsmtsc(src.split, data_dir)
    elif src.kind == "plover":
        exs = ds.load_plover(data_dir)
    elif src.kind == "annotations":
        exs = ds.load_annotations(src.lang, src.split, data_dir=data_dir)
        if src.exhaustive:
            from training.datasets.annotations import exhaustive_ids

            keep = exhaustive_ids(src.lang)
            exs = [e for e in exs if e.item.id in keep]
    else:
        exs = ds.load_eval_file(src.path)
        from training.heldout import load_heldout

        held = load_heldout(data_dir)
        exs = [e for e in exs if not held.is_heldout(e.item.text)]
    exs = ds.with_other_targets(exs)  # each pair knows its statement's other targets, whatever the source
    if src.slice:
        exs = [e for e in exs if (_unit(e.group or e.item.id or e.item.text) < src.slice_fraction) == (src.slice == "held")]
    if dev and src.neutral_fraction < 1:
        exs = [e for e in exs if e.stance != "neutral" or _unit(f"dev:{e.item.id or e.item.text}") < src.neutral_fraction]
    if src.max_samples is not None and len(exs) > src.max_samples:
        exs = random.Random(f"{src.label}:cap").sample(exs, src.max_samples)
    if not exs:
        raise ValueError(f"source {src.label} gave no examples: check its split/lang/path")
    return exs


def _unit(key: str) -> float:
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:8], 16) / 2**32


def epoch_mix(sources: Sequence[tuple[SourceConfig, list[Example]]], rng: random.Random) -> list[Example]:
    """One epoch's examples: each source repeated/sampled by its weight, neutral thinned by neutral_fraction, a
    `target_swap` share given another target's words (`training.augment`)."""
    out: list[Example] = []
    for src, exs in sources:
        pool = [e for e in exs if e.stance != "neutral" or src.neutral_fraction >= 1 or rng.random() < src.neutral_fraction]
        whole, frac = int(src.weight), src.weight - int(src.weight)
        drawn = pool * whole
        if frac > 0:
            drawn.extend(rng.sample(pool, round(frac * len(pool))))
        if src.target_swap > 0:
            drawn = swap_some(drawn, target_pool(exs), src.target_swap, rng)
        out.extend(drawn)
    rng.shuffle(out)
    return out


def length_batches(examples: list[Example], batch_size: int, rng: random.Random) -> list[list[Example]]:
    """Batches of similar length (sorted within chunks of 50 batches), in random order."""
    batches = []
    chunk = batch_size * 50
    for i in range(0, len(examples), chunk):
        part = sorted(examples[i : i + chunk], key=lambda e: len(e.item.text))
        batches.extend(part[j : j + batch_size] for j in range(0, len(part), batch_size))
    rng.shuffle(batches)
    return batches


def class_weights(examples: Sequence[Example], labels: Sequence[str], scheme: str) -> torch.Tensor:
    counts = Counter(e.stance for e in examples)
    n, k = len(examples), len(labels)
    w = [n / (k * max(counts.get(lab, 0), 1)) for lab in labels]
    if scheme == "none":
        w = [1.0] * k
    elif scheme == "sqrt":
        w = [math.sqrt(x) for x in w]
    return torch.tensor(w, dtype=torch.float32)


# --------------------------------------------------------------------------- scoring


def macro_f1(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str]) -> float:
    """Mean F1 over `labels` (a label absent from gold and predictions scores 0, as scikit-learn's zero_division=0)."""
    f1s = []
    for lab in labels:
        tp = sum(g == lab and p == lab for g, p in zip(gold, pred))
        fp = sum(g != lab and p == lab for g, p in zip(gold, pred))
        fn = sum(g == lab and p != lab for g, p in zip(gold, pred))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(f1s) / len(f1s)


def evaluate(clf: TransformerStanceClassifier, dev: dict[str, list[Example]], batch_size: int,
             weights: dict[str, float] | None = None) -> dict[str, float]:
    """Macro-F1 per dev set, their (weighted) mean under "selection", and accuracy per set."""
    out: dict[str, float] = {}
    for name, exs in dev.items():
        preds = clf.predict([e.item for e in exs], batch_size=batch_size)
        gold, pred = [e.stance for e in exs], [p.stance for p in preds]
        out[name] = round(macro_f1(gold, pred, clf.labels), 4)
        out[f"{name}:acc"] = round(sum(g == p for g, p in zip(gold, pred)) / len(gold), 4)
    w = weights or {n: 1.0 for n in dev}
    out["selection"] = round(sum(w[n] * out[n] for n in dev) / sum(w[n] for n in dev), 4)
    return out


# --------------------------------------------------------------------------- training


def build_classifier(cfg: TrainConfig) -> TransformerStanceClassifier:
    if cfg.init_from:
        clf = TransformerStanceClassifier.from_pretrained(cfg.init_from, cfg.cache_dir, merge=False,
                                                          lexical_prior=False, ensemble=False)
        if tuple(clf.config.labels) != tuple(cfg.labels):
            raise ValueError(f"init_from {cfg.init_from} has labels {list(clf.config.labels)}, the config asks for "
                             f"{list(cfg.labels)}: use the same labels or train from scratch")
        if clf.config.finetune == "full" and cfg.finetune != "full":
            raise ValueError(f"init_from {cfg.init_from} is a fully fine-tuned model (every layer trained): continue "
                             "it with finetune: full, or start a LoRA model from the backbone (no init_from)")
        if cfg.finetune == "full" and clf.config.finetune == "lora":  # its LoRA folded into the layers, all trained
            if clf.config.lora_r > 0:
                clf.net.encoder = clf.net.encoder.merge_and_unload()
            clf.config = replace(clf.config, finetune="full")
            free_layers(clf.net.encoder)
        mine = (cfg.lora_r, cfg.lora_alpha, cfg.lora_layers_from, cfg.max_length)
        theirs = (clf.config.lora_r, clf.config.lora_alpha, clf.config.lora_layers_from, clf.config.max_length)
        if mine != theirs and cfg.finetune == "lora":
            log.warning("init_from %s: its LoRA/max_length settings %s are used, not the config's %s",
                        cfg.init_from, theirs, mine)
        saved = clf.config.markers.get("question")
        if cfg.question and cfg.question != saved:
            if saved:
                log.warning("init_from %s read the question %r; it now reads %r", cfg.init_from, saved, cfg.question)
            clf.config.markers = {**clf.config.markers, "question": cfg.question}
        elif saved and not cfg.question:
            log.warning("init_from %s reads the question %r, and the model trained from it keeps it (a config "
                        "cannot take a question away)", cfg.init_from, saved)
        if cfg.mark_others:
            clf.config.markers = {**clf.config.markers, **OTHER_MARKS}
        clf.net.train()
        return clf
    markers = StanceModelConfig().markers | ({"question": cfg.question} if cfg.question else {})
    markers |= OTHER_MARKS if cfg.mark_others else {}
    mcfg = StanceModelConfig(labels=cfg.labels, max_length=cfg.max_length, lora_r=cfg.lora_r, lora_alpha=cfg.lora_alpha,
                             lora_dropout=cfg.lora_dropout, lora_layers_from=cfg.lora_layers_from,
                             head_dropout=cfg.head_dropout, markers=markers, finetune=cfg.finetune)
    return TransformerStanceClassifier.new(mcfg, cfg.cache_dir, seed=cfg.seed)


def _seed_all(seed: int) -> None:
    random.seed(seed)
    torch.manual_seed(seed)
    try:
        import numpy as np

        np.random.seed(seed)
    except ImportError:  # pragma: no cover
        pass


def train(cfg: TrainConfig, progress: bool = True) -> dict:
    """Run one training; returns the summary (also written to `<output_dir>/summary.json`)."""
    device = resolve_device(cfg.device)  # before anything is written: a device this machine lacks fails first
    _seed_all(cfg.seed)
    out_dir = Path(cfg.output_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "train_config.json").write_text(json.dumps(cfg.to_json(), indent=2), encoding="utf-8")
    scores_file = out_dir / "dev_scores.jsonl"
    scores_file.write_text("", encoding="utf-8")

    train_sources = [(s, load_source(s, cfg.data_dir)) for s in cfg.train]
    dev: dict[str, list[Example]] = {}
    for s in cfg.dev:
        exs = load_source(s, cfg.data_dir, dev=True)
        if cfg.max_eval_samples and len(exs) > cfg.max_eval_samples:
            exs = random.Random(f"{s.label}:eval").sample(exs, cfg.max_eval_samples)
        dev[s.label] = exs
    sel_weights = {s.label: s.selection_weight for s in cfg.dev}
    _check_labels(train_sources, dev, cfg.labels)
    _check_no_overlap(train_sources, dev)
    for s, exs in train_sources:
        log.info("train source %-28s n=%6d weight=%.2f labels=%s", s.label, len(exs), s.weight,
                 dict(Counter(e.stance for e in exs)))
    for name, exs in dev.items():
        log.info("dev set %-32s n=%6d labels=%s", name, len(exs), dict(Counter(e.stance for e in exs)))

    log.info("training on %s", device)
    rng = random.Random(cfg.seed)
    first = epoch_mix(train_sources, random.Random(cfg.seed))
    if cfg.max_train_samples:
        first = first[: cfg.max_train_samples]
    weights = class_weights(first, cfg.labels, cfg.class_weighting)
    steps_per_epoch = math.ceil(len(first) / cfg.batch_size)
    total_steps = cfg.max_steps or steps_per_epoch * cfg.epochs
    log.info("epoch size %d examples, %d steps/epoch, %d steps planned, class weights %s",
             len(first), steps_per_epoch, total_steps, [round(float(w), 3) for w in weights])

    clf = build_classifier(cfg).to(device)
    net = clf.net
    n_train = sum(p.numel() for p in net.parameters() if p.requires_grad)
    log.info("trainable parameters: %d (of %d)", n_train, sum(p.numel() for p in net.parameters()))
    head = [p for n, p in net.named_parameters() if p.requires_grad and n.startswith("head.")]
    body = [p for n, p in net.named_parameters() if p.requires_grad and not n.startswith("head.")]
    groups = [{"params": head, "lr": cfg.head_lr}] + ([{"params": body, "lr": cfg.lr}] if body else [])
    opt = torch.optim.AdamW(groups, weight_decay=cfg.weight_decay)
    warm = max(1, int(cfg.warmup_ratio * total_steps))
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: _linear_schedule(s, warm, total_steps))
    loss_fn = torch.nn.CrossEntropyLoss(weight=weights.to(device))
    label_index = {lab: i for i, lab in enumerate(cfg.labels)}

    best, best_eval, since_best, step, history = -1.0, None, 0, 0, []
    t0 = time.time()
    seen = 0
    stop = False
    for epoch in range(1, cfg.epochs + 1):
        exs = first if epoch == 1 else epoch_mix(train_sources, random.Random(cfg.seed + epoch))
        if cfg.max_train_samples:
            exs = exs[: cfg.max_train_samples]
        batches = length_batches(exs, cfg.batch_size, rng)
        eval_at = {round(len(batches) * k / cfg.evals_per_epoch) for k in range(1, cfg.evals_per_epoch + 1)}
        bar = _progress(batches, progress, f"epoch {epoch}/{cfg.epochs}")
        net.train()
        running, n_run = 0.0, 0
        for bi, batch in enumerate(bar, 1):
            enc = clf.encode([e.item for e in batch])
            y = torch.tensor([label_index[e.stance] for e in batch], device=device)
            loss = loss_fn(net(**enc), y)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(body + head, cfg.max_grad_norm)
            opt.step()
            sched.step()
            step += 1
            seen += len(batch)
            running += loss.item()
            n_run += 1
            if step % cfg.log_every == 0:
                el = time.time() - t0
                log.info("epoch %d step %d/%d loss %.4f  %.1f train sentences/s", epoch, step, total_steps,
                         running / n_run, seen / el)
                running, n_run = 0.0, 0
            last_step = cfg.max_steps is not None and step >= cfg.max_steps
            if bi in eval_at or last_step:
                t_eval = time.time()
                scores = evaluate(clf, dev, cfg.eval_batch_size, sel_weights)
                rec = {"epoch": epoch, "step": step, "examples_seen": seen, "elapsed_s": round(time.time() - t0, 1),
                       "eval_s": round(time.time() - t_eval, 1), **scores}
                history.append(rec)
                with scores_file.open("a", encoding="utf-8") as f:
                    f.write(json.dumps(rec) + "\n")
                log.info("dev after epoch %d step %d: %s", epoch, step, json.dumps(scores))
                if scores["selection"] > best:
                    best, best_eval, since_best = scores["selection"], rec, 0
                    clf.save_pretrained(out_dir / "model")
                else:
                    since_best += 1
                net.train()
                if since_best >= cfg.patience:
                    log.info("early stopping: %d evaluations without improvement", since_best)
                    stop = True
            if stop or last_step:
                stop = True
                break
        if stop:
            break

    summary = {"best": best_eval, "evaluations": len(history), "steps": step, "examples_seen": seen,
               "train_seconds": round(time.time() - t0, 1), "model_dir": str(out_dir / "model"),
               "train_sentences_per_s": round(seen / max(time.time() - t0, 1e-9), 2)}
    if cfg.publish_dir:
        summary["published"] = publish(out_dir / "model", Path(cfg.publish_dir), dev, cfg, best)
    (out_dir / "summary.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
    log.info("done: %s", json.dumps(summary))
    return summary


KEPT_ON_PUBLISH = ("MODEL_CARD.md", "README.md")


def publish(model_dir: Path, target: Path, dev: dict[str, list[Example]], cfg: TrainConfig, score: float) -> dict:
    """Copy `model_dir` to `target` if its dev selection score beats the model already at `target` (re-scored)."""
    previous = None
    if (target / "config.json").exists():
        try:
            old = TransformerStanceClassifier.from_pretrained(target, cfg.cache_dir, target_filter=False,
                                                              lexical_prior=False, ensemble=False)
            old.to(resolve_device(cfg.device))
            previous = evaluate(old, dev, cfg.eval_batch_size, {s.label: s.selection_weight for s in cfg.dev})["selection"]
        except torch.cuda.OutOfMemoryError:
            raise  # the GPU is full, the old model is fine: publishing unchecked would replace it without a comparison
        except (ValueError, FileNotFoundError, RuntimeError) as e:
            log.warning("could not score the model at %s (%s): treating it as absent", target, e)
    if previous is not None and score <= previous:
        log.info("not published: dev selection %.4f does not beat %.4f of %s", score, previous, target)
        return {"published": False, "score": score, "previous": previous}
    carried = _ensemble_to_carry(target, model_dir)  # checked before anything is written
    tmp = target.with_name(target.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.copytree(model_dir, tmp)
    (tmp / "training.json").write_text(json.dumps({"dev_selection": score, "train_config": cfg.to_json()}, indent=2),
                                       encoding="utf-8")
    for keep in KEPT_ON_PUBLISH:  # the model card is written by people: it stays (and says which training it covers)
        if (target / keep).exists() and not (tmp / keep).exists():
            shutil.copy2(target / keep, tmp / keep)
    if carried is not None:
        try:
            for name in carried.members:
                shutil.copytree(carried.member_folder(target, name), tmp / name)
            shutil.copy2(target / ENSEMBLE_CONFIG, tmp / ENSEMBLE_CONFIG)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        log.warning("the ensemble of %s (members %s, weight %.2f) is carried over to the new model; its weight was "
                    "chosen beside the old one: compare `stance eval ar-dev --model %s` with `--no-ensemble`", target,
                    ", ".join(carried.members), carried.weight, target)
    if (target / FILTER_WEIGHTS).exists():  # fitted on the old model's features: it does not carry over
        log.warning("the target filter of %s is not copied to the new model: refit it with "
                    "`python -m training.target_filter --model %s`", target, target)
    if (target / PRIOR_WEIGHTS).exists():  # its weight was chosen beside the old transformer's labels
        log.warning("the lexical prior of %s is not copied to the new model: refit it (its weight is chosen beside "
                    "the transformer) with `python -m training.lexical_prior --model %s`", target, target)
    if target.exists():
        shutil.rmtree(target)
    tmp.rename(target)
    log.info("published to %s (dev selection %.4f, previous %s)", target, score, previous)
    return {"published": True, "score": score, "previous": previous, "to": str(target)}


def _ensemble_to_carry(target: Path, model_dir: Path) -> Ensemble | None:
    """The ensemble of the folder about to be replaced, checked: its members go into the new model.

    The members are models trained apart: deleting them with the old folder would lose them. Refused (before anything
    is written) when a member is missing or leads outside the folder, when a member's name is taken in the new model,
    or when the new model has an ensemble of its own (which one to keep is the user's call).
    """
    ens = Ensemble.load(target)
    if ens is None:
        return None
    if (model_dir / ENSEMBLE_CONFIG).exists():
        raise ValueError(f"{target} and {model_dir} both hold an {ENSEMBLE_CONFIG}: publishing would drop the members "
                         f"of {target} ({', '.join(ens.members)}); merge the two ensembles by hand, or remove one")
    for name in ens.members:
        if not (ens.member_folder(target, name) / "config.json").exists():
            raise ValueError(f"ensemble member {name!r} of {target} is missing: restore it or remove it from "
                             f"{target / ENSEMBLE_CONFIG} before publishing there")
        if (model_dir / name).exists():
            raise ValueError(f"ensemble member {name!r} of {target} has the name of a file of the new model "
                             f"{model_dir / name}: rename the member (folder and {ENSEMBLE_CONFIG}) before publishing")
    return ens


def _check_labels(train_sources, dev, labels) -> None:
    allowed = set(labels)
    for name, exs in [(s.label, e) for s, e in train_sources] + list(dev.items()):
        bad = {e.stance for e in exs} - allowed
        if bad:
            raise ValueError(f"source {name} has labels {sorted(bad)} outside the model's labels {list(labels)}")


def _check_no_overlap(train_sources, dev) -> None:
    """Refuse a dev set that shares texts with the training mix (a silent leak would inflate every score)."""
    train_texts = {e.item.text for _, exs in train_sources for e in exs}
    for name, exs in dev.items():
        shared = sum(e.item.text in train_texts for e in exs)
        if shared > 0.02 * len(exs):
            raise ValueError(f"dev set {name}: {shared} of {len(exs)} texts also occur in the training sources; "
                             "use unseen_only/slice to separate them")
        if shared:
            log.warning("dev set %s: %d texts also occur in training (duplicates in the source data)", name, shared)


def _linear_schedule(step: int, warm: int, total: int) -> float:
    """Linear warm-up to 1 over `warm` steps, then linear decay to 0 at `total`."""
    if step < warm:
        return (step + 1) / warm
    return max(0.0, (total - step) / max(1, total - warm))


def _progress(it, enabled: bool, desc: str):
    if not enabled:
        return it
    from tqdm.auto import tqdm

    return tqdm(it, desc=desc, unit="batch", mininterval=20)


def main(config_path: str, threads: int | None = None, overrides: dict | None = None) -> dict:
    """Entry point of `python -m training CONFIG` and `stance train CONFIG` (sets the thread count)."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    cfg = TrainConfig.load(config_path)
    if overrides:
        cfg = TrainConfig.from_dict({**cfg.to_json(), **overrides})
    n = threads or cfg.threads
    if n:
        torch.set_num_threads(n)
    return train(cfg)
