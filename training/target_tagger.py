"""Train the target tagger (`stance.target_tagger`) of a stance model on the exhaustively labelled texts.

What it learns from: the statements with a speaker that `Pipeline.statements` finds in the texts of
`EXHAUSTIVE_FILES` (train split), each read as the tagger reads it at run time (`tagger_input`: the statement's
sentence, the speaker marked). Its words are tagged B/I/O with the gold targets of that speaker (a gold pair whose
speaker span overlaps the statement's) that lie in the sentence. Statements whose speaker is no gold speaker are
left out (their gold, if any, belongs to another speaker the rules missed); a sentence read the same way for two
statements is one row.

How it is chosen: each setting of `TaggerConfig` in turn (the threshold, then `rule_veto`, the B+I probability under
which a rule's target is dropped) is the value whose `stance analyze` output on the dev texts has the best triple
F1, triples matched to gold one to one by overlapping speaker and target spans and equal stance. A re-choice
(`--threshold-only`) keeps the value in use unless another beats it by `--min-gain` (default `MIN_GAIN`): on a dev
set of a few hundred pairs, smaller differences are a triple or two, which a training seed moves too. Test texts
are never read.

The tagger is written into the stance model's folder (`--model`, default: the model `stance analyze` uses), where
`Pipeline.load` finds it.

    python -m training.target_tagger                       # train, choose, write into the default model's folder
    python -m training.target_tagger --epochs 1 --dry-run  # report only
    python -m training.target_tagger --threshold-only      # keep the weights, choose the settings anew
"""
from __future__ import annotations

import argparse
import json
import logging
import math
import os
import random
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import torch
from torch import nn

from eval.endtoend import max_matching
from stance.backbone import resolve_device
from stance.classify import default_model_path
from stance.pipeline import Pipeline
from stance.records import Article, Statement, spans_overlap
from stance.targets import context_span
from stance.target_tagger import TargetTagger, TaggerConfig, tagger_input, words
from training.datasets.annotations import exhaustive_ids, load_annotations
from training.datasets.evalformat import load_eval_file
from training.datasets.example import Example
from training.heldout import load_heldout
from training.target_filter import GAIN_TOLERANCE, add_model_arguments, min_gain_arg, model_folder

log = logging.getLogger(__name__)
CHOSEN_ON = ("dev texts: triple F1 of what `stance analyze` keeps (P/R/F1 with and without stance), threshold first, "
             "then rule_veto")

# the languages whose statements a tagger reads by default: it learns from the Arabic exhaustive texts and reads English
# and French zero-shot (the multilingual backbone), which raised end-to-end triple F1 on their labelled dev sentences
# (session 15, both taggers against neither: French 0.085 -> 0.189, English 0.309 -> 0.366; `python -m
# eval.sentences LANG dev -o g.jsonl`, `stance eval-e2e g.jsonl --write-articles a.jsonl`, `stance analyze a.jsonl
# [--no-speaker-tagger --no-target-tagger]`, `stance eval-e2e g.jsonl p.jsonl`)
READ_LANGS = ("ar", "en", "fr")

THRESHOLDS = (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)
RULE_VETOES = (0.0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7)

# the dev triple F1 by which a re-chosen setting must beat the one in use to replace it: on the 468 gold pairs of the
# 210 exhaustive Arabic dev texts (session 22) one triple is about 0.0022, so a lead of two is not enough, three are;
# settings within it are a tie, decided by noise
MIN_GAIN = 0.005
NOT_IN_USE = object()  # `pick`'s `current` when no value is in use (a first choice)


def pick(rows: Sequence[tuple[object, float]], current: object = NOT_IN_USE, min_gain: float = 0.0) -> tuple[object, float]:
    """The (value, F1) of `rows` (in grid order) with the best F1, the first of equals; the value in use (`current`,
    when it is among them) stays unless the best beats it by at least `min_gain`.

    >>> pick([(0.75, 0.3814), (0.8, 0.3809)], current=0.8, min_gain=0.005)
    (0.8, 0.3809)
    >>> pick([(0.75, 0.3914), (0.8, 0.3809)], current=0.8, min_gain=0.005)
    (0.75, 0.3914)
    >>> pick([(0.75, 0.3853), (0.8, 0.3803)], current=0.8, min_gain=0.005)  # exactly the minimum gain
    (0.75, 0.3853)
    """
    best = max(rows, key=lambda r: r[1])
    kept = next((r for r in rows if current is not NOT_IN_USE and r[0] == current), None)
    if kept is None and current is not NOT_IN_USE:
        log.info("the value in use, %s, is not in the grid: the best value is taken", current)
    if kept is not None and kept is not best and best[1] - kept[1] < min_gain - GAIN_TOLERANCE:
        log.info("kept %s (triple F1 %.4f): %s scores %.4f, less than %.4f more", kept[0], kept[1], best[0], best[1],
                 min_gain)
        return kept
    return best


@dataclass
class Text:
    """An exhaustively labelled text: its document (for the report), its gold (speaker, target) span pairs and their
    stances (in the same order)."""

    text: str
    doc: str
    gold: list[tuple[tuple[int, int], tuple[int, int]]]
    stances: list[str] = field(default_factory=list)


@dataclass
class Row:
    """One statement as the tagger reads it, with the B/I/O tag of each of its words."""

    item: tuple[str, tuple[int, int]]
    tags: list[int]


def langs_arg(value: str) -> tuple[str, ...]:
    """A comma-separated list of language codes (`--read-langs ar,fr`).

    >>> langs_arg("ar, fr")
    ('ar', 'fr')
    """
    out = tuple(x.strip() for x in value.split(",") if x.strip())
    if not out:
        raise argparse.ArgumentTypeError("give at least one language code, such as ar")
    return out


def _by_text(examples: Iterable[Example]) -> dict[str, Text]:
    """Labelled examples with a speaker grouped into texts, a pair labelled twice counted once."""
    by_text: dict[str, Text] = {}
    for ex in examples:
        if ex.item.speaker is None:
            continue
        t = by_text.setdefault(ex.item.text, Text(ex.item.text, ex.group or ex.item.text, []))
        pair = (ex.item.speaker, ex.item.target)
        if pair not in t.gold:
            t.gold.append(pair)
            t.stances.append(ex.stance)
    return by_text


def gold_texts(lang: str, split: str, root: str | None = None, data_dir: str | None = None,
               exhaustive_only: bool = True) -> list[Text]:
    """The exhaustive texts of `lang`/`split` with their gold pairs (a pair labelled twice counts once); with
    `exhaustive_only=False` every labelled text of theirs (where not every pair of a text was labelled, a pair
    predicted beyond the gold is not always wrong: precision on them is a lower bound)."""
    keep = exhaustive_ids(lang, root) if exhaustive_only else None
    by_text = _by_text(ex for ex in load_annotations(lang, split, root=root, data_dir=data_dir)
                       if keep is None or ex.item.id in keep)
    if not by_text and exhaustive_only:
        raise ValueError(f"no exhaustively labelled {lang} texts in the {split} split: the tagger needs the files of "
                         "training.datasets.annotations.EXHAUSTIVE_FILES")
    if not by_text:
        raise ValueError(f"no labelled {lang} texts with a speaker in the {split} split of the annotations")
    return list(by_text.values())


def file_texts(paths: Sequence[str | os.PathLike], lang: str, data_dir: str | None = None) -> list[Text]:
    """The texts of JSONL files in the eval format (`training.datasets.load_eval_file`) whose every pair is labelled,
    such as the synthetic batches of `training/annotations/synthetic/`, as exhaustive train texts: the `lang` lines
    with a speaker, grouped by text (a pair labelled twice counts once), held-out texts left out
    (`training.heldout`)."""
    if not paths:  # (no held-out list to read for a tagger trained on the annotations alone)
        return []
    held = load_heldout(data_dir)
    by_text = _by_text(ex for path in paths for ex in load_eval_file(path)
                       if (ex.item.lang or lang) == lang and not held.is_heldout(ex.item.text))
    if not by_text:
        raise ValueError(f"no {lang} lines with a speaker in {', '.join(map(str, paths))}")
    return list(by_text.values())


def word_tags(text: str, targets: Sequence[tuple[int, int]]) -> list[int]:
    """B (1) / I (2) / O (0) for each word of `text` (`stance.target_tagger.words`) given target spans.

    >>> word_tags("قال الوزير ان حزب الله والجيش", [(14, 22), (23, 29)])
    [0, 0, 0, 1, 2, 1]
    """
    ws = words(text)
    tags = []
    for k, (a, b) in enumerate(ws):
        tag = 0
        for s, e in targets:
            if a < e and s < b:
                prev = ws[k - 1] if k else None
                tag = 2 if prev is not None and prev[0] < e and s < prev[1] else 1
                break
        tags.append(tag)
    return tags


def statements_of(nlp: Pipeline, texts: Sequence[Text], lang: str,
                  tagged_by: TargetTagger | None = None, batch: int = 64) -> list[tuple[Text, Statement]]:
    """The pipeline's statements with a speaker, in each text. With `tagged_by` (a target tagger that reads `lang`
    and proposes, the gate `Pipeline.with_tagged_speakers` asks for), the statements the pipeline's speaker tagger
    proposes in sentences with no cue come too, as `stance analyze` gives them targets."""
    saved = nlp.target_tagger
    if tagged_by is not None:
        nlp.target_tagger = tagged_by
    try:
        out = []
        for k in range(0, len(texts), batch):
            chunk = texts[k : k + batch]
            found = [(a, nlp.statements(a)) for a in (Article(t.doc, t.text, lang) for t in chunk)]
            if tagged_by is not None:
                found = nlp.with_tagged_speakers(found)
            out += [(t, st) for t, (_, sts) in zip(chunk, found) for st in sts if st.speaker is not None]
        return out
    finally:
        nlp.target_tagger = saved


def rows(found: Sequence[tuple[Text, Statement]]) -> list[Row]:
    """Training rows: statements whose speaker is a gold speaker, tagged with that speaker's targets in reach. A
    sentence with two statements of one speaker is read the same way for both: one row."""
    out, seen = [], set()
    for t, st in found:
        sp = (st.speaker.start, st.speaker.end)
        gold = [g for s, g in t.gold if spans_overlap(s, sp)]
        if not gold:
            continue
        item, shift = tagger_input(st, t.text)
        if item in seen:
            continue
        seen.add(item)
        ctx = context_span(st, t.text)
        in_reach = [(a + shift, b + shift) for a, b in gold if ctx.start <= a and b <= ctx.end]
        out.append(Row(item, word_tags(item[0], in_reach)))
    return out


def train(tagger: TargetTagger, data: Sequence[Row], epochs: int = 6, batch_size: int = 8, lr: float = 3e-4,
          head_lr: float = 1e-3, seed: int = 0, tag_weight: float = 3.0) -> list[float]:
    """Fine-tune the tagger's LoRA matrices and head (AdamW, linear warm-up over the first tenth of the steps, at most
    20, then linear decay; B and I weighted `tag_weight` against O); returns the loss of each epoch."""
    from tqdm.auto import tqdm

    if not data:
        raise ValueError("no training rows: no statement of these texts has a gold speaker")
    rng = random.Random(seed)
    torch.manual_seed(seed)
    net = tagger.net
    params = [p for n, p in net.named_parameters() if p.requires_grad and not n.startswith("head")]
    opt = torch.optim.AdamW([{"params": params, "lr": lr}, {"params": net.head.parameters(), "lr": head_lr}],
                            weight_decay=0.01)
    steps = epochs * math.ceil(len(data) / batch_size)
    warmup = max(1, min(20, steps // 10))
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / warmup) * max(0.0, 1 - s / steps))
    dev = next(net.parameters()).device  # the batches follow the network (`TargetTagger.to`)
    weight = torch.tensor([1.0, tag_weight, tag_weight], device=dev)
    order = list(range(len(data)))
    losses = []
    for epoch in range(epochs):
        net.train()
        rng.shuffle(order)
        total = 0.0
        bar = tqdm(range(0, len(order), batch_size), desc=f"tagger epoch {epoch + 1}/{epochs}", unit="batch")
        for b in bar:
            chunk = [data[i] for i in order[b : b + batch_size]]
            enc = tagger.encode([r.item for r in chunk])
            logits = net(enc.input_ids.to(dev), enc.attention_mask.to(dev))
            picked, gold = [], []
            for row, r in enumerate(chunk):
                for k, tag in zip(enc.first_token[row], r.tags):
                    if k >= 0:
                        picked.append(logits[row, k])
                        gold.append(tag)
            loss = nn.functional.cross_entropy(torch.stack(picked), torch.tensor(gold, device=dev), weight=weight)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += loss.item()
            bar.set_postfix(loss=f"{loss.item():.3f}")
        losses.append(round(total, 3))
        log.info("epoch %d: loss %.3f", epoch + 1, total)
    net.eval()
    return losses


Pair = tuple[tuple[int, int], tuple[int, int], str]  # (speaker span, target span, stance)


def prf(predicted: dict[str, list[Pair]], texts: Sequence[Text], with_stance: bool = True) -> tuple[float, float, float]:
    """(P, R, F1) of predicted (speaker, target, stance) triples per text against the gold ones, one to one by
    overlapping speaker and target spans (and the same stance when `with_stance`), the largest such matching per
    text (`eval.endtoend.max_matching`, as `stance eval-e2e` matches; its speaker test, which also accepts the same
    name elsewhere for a resolved gold speaker, is not repeated here)."""
    tp = n_pred = n_gold = 0
    for t in texts:
        pred = predicted.get(t.text, [])
        n_gold, n_pred = n_gold + len(t.gold), n_pred + len(pred)

        def edge(k: int, j: int) -> float | None:
            (s, g), (sp, tg, stance) = t.gold[k], pred[j]
            hit = spans_overlap(s, sp) and spans_overlap(g, tg) and (not with_stance or t.stances[k] == stance)
            return 1.0 if hit else None

        tp += len(max_matching(len(t.gold), len(pred), edge))
    p, r = tp / max(1, n_pred), tp / max(1, n_gold)
    return p, r, 2 * p * r / max(1e-9, p + r)


def kept_triples(nlp: Pipeline, found: Sequence[tuple[Article, list[Statement]]],
                 batch_size: int = 32, tag: bool = True) -> dict[str, list[Pair]]:
    """What `stance analyze` writes for these articles and their statements (the pairs it keeps, with their
    stance), by text; `tag=False`: the statements went through the pipeline's taggers already
    (`Pipeline.with_taggers`)."""
    out: dict[str, list[Pair]] = {}
    for k in range(0, len(found), 16):
        chunk = found[k : k + 16]
        for (a, _), (kept, _) in zip(chunk, nlp.score_many(chunk, batch_size, tag=tag)):
            out[a.text] = [((p.statement.speaker.start, p.statement.speaker.end), (p.target.start, p.target.end),
                            p.stance) for p in kept if p.statement.speaker is not None]
    return out


def rule_statements(nlp: Pipeline, texts: Sequence[Text], lang: str) -> list[tuple[Article, list[Statement]]]:
    """Each text as an article with the rules' statements in it: found once, then scored under every setting."""
    return [(a, nlp.statements(a)) for a in (Article(t.doc, t.text, lang) for t in texts)]


def scored(nlp: Pipeline, found: Sequence[tuple[Article, list[Statement]]], texts: Sequence[Text], setting: str,
           batch_size: int = 32, tag: bool = True) -> dict[str, list[float]]:
    """P/R/F1 with and without stance of what `stance analyze` keeps of `found` (articles and their rule
    statements; `tag=False`: statements the taggers read already), against the gold pairs of `texts`; logged under
    `setting`."""
    pred = kept_triples(nlp, found, batch_size, tag)
    row = {"with_stance": [round(x, 4) for x in prf(pred, texts)],
           "without_stance": [round(x, 4) for x in prf(pred, texts, with_stance=False)]}
    log.info("%s: triple F1 %.4f, pair F1 %.4f", setting, row["with_stance"][2], row["without_stance"][2])
    return row


def choose_settings(nlp: Pipeline, tagger: TargetTagger, texts: Sequence[Text], lang: str,
                    batch_size: int = 32, min_gain: float | None = None) -> dict[str, dict[str, dict[str, list[float]]]]:
    """Choose the tagger's settings on the dev texts, one after the other, each by the triple F1 of `stance analyze`
    output there (the end-to-end score of `stance eval-e2e`): the threshold (no veto), then the veto on the rules'
    targets, which moves from 0 only where it scores strictly better. With `min_gain` (a re-choice), the values in
    `tagger.config` are the ones in use, and each stays unless another beats it by that much (`pick`). Sets them in
    `tagger.config`; returns the tables: setting -> value ("none" = no tagger) -> P/R/F1 with and without stance."""
    cfg = tagger.config
    in_use = {"threshold": cfg.threshold, "rule_veto": cfg.rule_veto} if min_gain is not None else {}
    cfg.rule_veto = 0.0
    saved = nlp.target_tagger
    found = rule_statements(nlp, texts, lang)
    tables: dict[str, dict[str, dict[str, list[float]]]] = {}

    def run(use: bool, setting: str) -> dict[str, list[float]]:
        nlp.target_tagger = tagger if use else None
        return scored(nlp, found, texts, setting, batch_size)

    try:
        with nlp.remembering(tagger):  # (most statements and pairs read the same under each setting)
            baseline = run(False, "no tagger")
            grids = [("threshold", THRESHOLDS), ("rule_veto", RULE_VETOES)]
            for name, values in grids:
                table = tables[name] = {"none": baseline} if name == "threshold" else {}
                scores = []
                for v in values:
                    setattr(cfg, name, v)
                    table[str(v)] = run(True, f"{name} {v}")
                    scores.append((v, table[str(v)]["with_stance"][2]))
                value, best_f1 = pick(scores, in_use.get(name, NOT_IN_USE), min_gain or 0.0)
                setattr(cfg, name, value)
    finally:
        nlp.target_tagger = saved
    if best_f1 <= baseline["with_stance"][2]:
        log.warning("the tagger does not beat the pipeline without it on the dev texts (best %.4f against %.4f): do "
                    "not ship it (remove target_tagger.* from the model folder)", best_f1, baseline["with_stance"][2])
    return tables


def fit_tagger(model: str | Path | None = None, lang: str = "ar", root: str | None = None, data_dir: str | None = None,
               epochs: int = 6, seed: int = 0, threads: int | None = None,
               max_rows: int | None = None, read_langs: Sequence[str] = (),
               device: str = "cpu", tagged_speakers: bool = False,
               extra: Sequence[str | os.PathLike] = ()) -> tuple[TargetTagger, dict]:
    """Train a tagger on the train texts and choose its settings (threshold, rule veto) on the dev texts; returns it
    with a report. `device` ("cpu", "cuda", "cuda:N", "auto") is where the tagger trains and the pipeline runs;
    `tagged_speakers`: it learns from the statements the model's speaker tagger proposes too (`statements_of`);
    `extra`: exhaustively labelled files whose texts join the train texts (`file_texts`)."""
    folder, named = model_folder(model, threads)
    where = resolve_device(device)  # a device this machine lacks fails before anything runs
    t0 = time.time()
    nlp = Pipeline.load(model=folder, target_tagger=False, device=where)
    if tagged_speakers and nlp.speaker_tagger is None:
        raise ValueError(f"--tagged-speakers needs a speaker tagger in {folder}: train one with `python -m "
                         f"training.speaker_tagger --model {folder}` first")
    train_texts = gold_texts(lang, "train", root, data_dir)
    added = file_texts(extra, lang, data_dir)
    train_texts += added
    dev_texts = gold_texts(lang, "dev", root, data_dir)
    on_dev = {t.text for t in added} & {t.text for t in dev_texts}
    if on_dev:  # the settings are chosen on the dev texts: a tagger trained on some of them would choose them blind
        raise ValueError(f"{len(on_dev)} text(s) of --extra are dev texts of the annotations (such as "
                         f"{sorted(on_dev)[0][:60]!r}): leave those files out of --extra")
    tagger = TargetTagger.new(TaggerConfig(langs=tuple(read_langs or (lang,))), seed=seed).to(where)
    train_found = statements_of(nlp, train_texts, lang, tagger if tagged_speakers else None)
    data = rows(train_found)[:max_rows]
    log.info("train: %d texts, %d statements with a speaker (%d proposed by the speaker tagger), %d with a gold "
             "speaker", len(train_texts), len(train_found), sum(st.cue_kind == "tagged" for _, st in train_found),
             len(data))
    losses = train(tagger, data, epochs=epochs, seed=seed)
    table = choose_settings(nlp, tagger, dev_texts, lang)
    report = {
        "trained_on": f"training/annotations/{lang} exhaustive texts, train split: statements the pipeline finds "
                      "whose speaker is a gold speaker" + (", the speaker tagger's own among them" if tagged_speakers
                                                           else ""),
        "model": named,
        "train_texts": len(train_texts), "train_statements": len(data),
        **({"extra_train_files": [str(p) for p in extra], "extra_train_texts": len(added)} if extra else {}),
        "train_target_words": sum(tag > 0 for r in data for tag in r.tags),
        "epochs": epochs, "seed": seed, "losses": losses, "device": str(where),
        "settings_chosen_on": CHOSEN_ON, "dev_texts": len(dev_texts), "dev_prf_by_setting": table,
        "seconds": round(time.time() - t0, 1),
    }
    tagger.config.info = report
    return tagger, report


def rechoose(model: str | Path | None = None, lang: str = "ar", root: str | None = None, data_dir: str | None = None,
             threads: int | None = None, read_langs: Sequence[str] = (),
             device: str = "cpu", min_gain: float = MIN_GAIN) -> tuple[TargetTagger, dict]:
    """The tagger already in the model's folder with only its settings (threshold, rule veto) chosen anew on the dev
    texts (after the rules, the target filter or the stance model changed), the pipeline on `device`; a setting in
    use stays unless another beats it by `min_gain` triple F1."""
    folder, _ = model_folder(model, threads)
    where = resolve_device(device)
    tagger = kept_tagger(TargetTagger, folder).to(where)
    if read_langs:
        tagger.config.langs = tuple(read_langs)
    t0 = time.time()
    nlp = Pipeline.load(model=folder, target_tagger=False, device=where)
    dev_texts = gold_texts(lang, "dev", root, data_dir)
    table = choose_settings(nlp, tagger, dev_texts, lang, min_gain=min_gain)
    info = dict(tagger.config.info)
    info.update({"settings_chosen_on": CHOSEN_ON, "dev_texts": len(dev_texts), "dev_prf_by_setting": table,
                 "min_gain": min_gain, "threshold_seconds": round(time.time() - t0, 1)})
    for old in ("dev_pair_prf_by_threshold", "dev_prf_by_threshold", "threshold_chosen_on"):
        info.pop(old, None)
    tagger.config.info = info
    return tagger, info


def kept_tagger(cls: type[TargetTagger], folder: Path) -> TargetTagger:
    """The tagger of class `cls` (the target or the speaker tagger) saved in the model folder, for a re-choice of
    its settings; FileNotFoundError, saying what to run, when the folder has none."""
    tagger = cls.load(folder)
    if tagger is None:
        name = cls.trainer.rsplit(".", 1)[-1].replace("_", " ")
        raise FileNotFoundError(f"{folder} has no {name} to keep: train one with `python -m {cls.trainer} --model "
                                f"{folder}` (without --settings-only)")
    return tagger


def add_tagger_arguments(ap: argparse.ArgumentParser, rows: str) -> None:
    """The options both taggers' trainers take (`training.target_tagger`, `training.speaker_tagger`); `rows` names
    what one training row is, for `--max-rows`."""
    add_model_arguments(ap, "exhaustive texts", "stance model folder to write into")
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--device", default="cpu", help="where the tagger trains and the pipeline runs: cpu, cuda, cuda:N "
                    "or auto (a GPU when torch sees one)")
    ap.add_argument("--max-rows", type=int, default=None, help=f"train on the first N {rows} only (smoke runs)")
    ap.add_argument("--read-langs", type=langs_arg, default=None,
                    help="languages whose statements the tagger reads at run time, comma-separated (default when "
                         f"training: {','.join(READ_LANGS)}; it learns from --lang's texts and reads the others "
                         "zero-shot; with --settings-only: kept unless given)")
    ap.add_argument("--dry-run", action="store_true", help="report only; write nothing")
    ap.add_argument("--min-gain", type=min_gain_arg, default=None,
                    help="when re-choosing settings (--settings-only; the speaker tagger's --lang-threshold too): a "
                         "setting in use stays unless another scores at least this much more triple F1 on the dev "
                         f"texts (default {MIN_GAIN}; 0: the best value always wins)")


def save_config(tagger: TargetTagger, folder: Path) -> None:
    """Write only the tagger's json file (`config_file`; a merged tagger has no LoRA matrices left to save, and its
    weights file stays)."""
    (folder / tagger.config_file).write_text(json.dumps(tagger.config.to_json(), indent=2, ensure_ascii=False) + "\n",
                                        encoding="utf-8")


def report_and_write(tagger: TargetTagger, report: dict, settings: str, folder: Path | None, settings_only: bool,
                     name: str) -> None:
    """What both taggers' trainers end with: print the report and the chosen `settings`, then, unless `folder` is
    None (a dry run), write into it the whole tagger or, with `settings_only`, only its settings (`save_config`)."""
    print(json.dumps(report, indent=2, ensure_ascii=False))
    print(settings)
    if folder is None:
        return
    folder.mkdir(parents=True, exist_ok=True)
    if settings_only:
        save_config(tagger, folder)
    else:
        tagger.save_pretrained(folder)
    print(f"wrote the {name} into {folder}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_tagger_arguments(ap, "statements")
    ap.add_argument("--threshold-only", "--settings-only", action="store_true",
                    help="keep the tagger in the model's folder; choose only its settings (threshold, rule veto) "
                         "anew on the dev texts")
    ap.add_argument("--tagged-speakers", action="store_true",
                    help="learn from the statements the model's speaker tagger proposes in sentences with no cue "
                         "too (as `stance analyze` reads them), not only from the rules' statements")
    ap.add_argument("--extra", nargs="+", default=[], metavar="FILE",
                    help="JSONL files in the eval format whose every pair is labelled (such as "
                         "training/annotations/synthetic/*.jsonl): their texts join the train texts")
    args = ap.parse_args(argv)
    if args.epochs < 1:
        ap.error("--epochs must be at least 1")
    if args.extra and args.threshold_only:
        ap.error("--extra is for training a tagger, not for --settings-only")
    if args.tagged_speakers and args.threshold_only:
        ap.error("--tagged-speakers is for training a tagger, not for --settings-only")
    if args.min_gain is not None and not args.threshold_only:
        ap.error("--min-gain is for --settings-only: a new tagger has no settings in use to keep")
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    try:
        if args.threshold_only:
            tagger, report = rechoose(args.model, args.lang, args.annotations, args.data, args.threads,
                                      args.read_langs or (), args.device,
                                      MIN_GAIN if args.min_gain is None else args.min_gain)
        else:
            tagger, report = fit_tagger(args.model, args.lang, args.annotations, args.data, args.epochs, args.seed,
                                        args.threads, args.max_rows, args.read_langs or READ_LANGS, args.device,
                                        args.tagged_speakers, args.extra)
    except (FileNotFoundError, ValueError) as exc:  # a missing model, tagger or annotation folder: say what to do
        raise SystemExit(f"error: {exc}") from None
    cfg = tagger.config
    folder = None if args.dry_run else Path(args.model) if args.model else default_model_path()
    report_and_write(tagger, report, f"threshold: {cfg.threshold}, rule_veto: {cfg.rule_veto}", folder,
                     args.threshold_only, "target tagger")


if __name__ == "__main__":
    main()
