"""Train the speaker tagger (`stance.speaker_tagger`) of a stance model on the exhaustively labelled texts.

What it learns from: each sentence (`stance.text.split_sentences`) of the exhaustive train texts, read bare, its
words tagged B/I/O with the gold speakers that stand in it (a sentence with none: all O). The gold speakers are
the annotators', whatever the rules find, so the tagger is a second, independent reading of who speaks.

How it is chosen: `rule_veto` (a statement whose speaker the tagger reads under it is dropped), then `threshold` (a
speaker it reads at least this in a sentence without a cue becomes a statement), each the value whose `stance
analyze` output on the dev texts has the best triple F1; off (no veto, no speakers of its own) unless a value
scores strictly better. A language it reads zero-shot can then get its own threshold
(`TaggerConfig.lang_thresholds`), chosen the same way on that language's labelled dev texts (`--lang-threshold`),
the other settings kept; a full retrain chooses again each language that the tagger it replaces had a threshold
of its own for. A re-choice (`--settings-only`, `--lang-threshold`) keeps a value in use unless another
beats it by `--min-gain` (`training.target_tagger.MIN_GAIN`). Test texts are never read.

    python -m training.speaker_tagger                       # train, choose, write into the default model's folder
    python -m training.speaker_tagger --epochs 1 --dry-run  # report only
    python -m training.speaker_tagger --settings-only       # keep the weights, choose the settings anew
    python -m training.speaker_tagger --lang-threshold fr   # keep all else, choose French's own threshold
"""
from __future__ import annotations

import argparse
import logging
import time
from collections.abc import Sequence
from pathlib import Path

import torch

from stance.backbone import resolve_device
from stance.classify import default_model_path
from stance.pipeline import Pipeline
from stance.speaker_tagger import SpeakerTagger
from stance.target_tagger import TaggerConfig
from stance.text import split_sentences
from training.target_filter import model_folder
from training.target_tagger import (MIN_GAIN, NOT_IN_USE, READ_LANGS, Row, Text, add_tagger_arguments, gold_texts,
                                     kept_tagger, pick, report_and_write, rule_statements, scored, train, word_tags)

log = logging.getLogger(__name__)
CHOSEN_ON = ("dev texts: triple F1 of what `stance analyze` keeps (P/R/F1 with and without stance), rule_veto first "
             "(proposing nothing), then the threshold of its own speakers")
SPEAKER_VETOES = (0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5)
SPEAKER_THRESHOLDS = (0.7, 0.8, 0.9, 0.95, 0.97, 0.99)


def rows(texts: Sequence[Text]) -> list[Row]:
    """One row per distinct sentence of the texts, its words tagged with the gold speakers inside it.

    >>> t = Text("قال الوزير ان الجيش انسحب. وهتف المتظاهرون ضد الحكومة.", "d", [((4, 10), (14, 19)), ((31, 43), (47, 54))])
    >>> [(r.item[0], r.tags) for r in rows([t])]
    [('قال الوزير ان الجيش انسحب.', [0, 1, 0, 0, 0]), ('وهتف المتظاهرون ضد الحكومة.', [0, 1, 0, 0])]
    """
    out, seen = [], set()
    for t in texts:
        speakers = sorted({s for s, _ in t.gold})
        for sent in split_sentences(t.text):
            if not sent.text.strip() or sent.text in seen:
                continue
            seen.add(sent.text)
            inside = [(a - sent.start, b - sent.start) for a, b in speakers if sent.start <= a and b <= sent.end]
            out.append(Row((sent.text, None), word_tags(sent.text, inside)))
    return out


def choose_settings(nlp: Pipeline, tagger: SpeakerTagger, texts: Sequence[Text], lang: str,
                    batch_size: int = 32, min_gain: float | None = None) -> dict[str, dict[str, dict[str, list[float]]]]:
    """Choose the tagger's settings on the dev texts, one after the other, each by the triple F1 of `stance analyze`
    output there: the veto on the rules' speakers (proposing nothing), then the threshold of its own speakers in the
    sentences without a cue ("none": it proposes none), each moving from "off" only where it scores strictly
    better. With `min_gain` (a re-choice), the settings in `tagger.config` are the ones in use, and each stays unless
    another beats it by that much (`pick`). Sets them in `tagger.config`; returns the tables: setting -> value ->
    P/R/F1 with and without stance."""
    cfg = tagger.config
    saved, before = nlp.speaker_tagger, (cfg.rule_veto, cfg.propose, cfg.threshold)
    in_use = {"rule_veto": cfg.rule_veto, "threshold": cfg.threshold if cfg.propose else None} \
        if min_gain is not None else {}
    if cfg.lang_thresholds:
        log.warning("the languages with a threshold of their own (%s) keep it: it was chosen beside the general "
                    "settings being replaced; choose it again with --lang-threshold LANG",
                    ", ".join(f"{k} {v}" for k, v in cfg.lang_thresholds.items()))
    found = rule_statements(nlp, texts, lang)
    tables: dict[str, dict[str, dict[str, list[float]]]] = {"rule_veto": {}, "threshold": {}}

    def run(table: str, value: str) -> float:
        row = tables[table][value] = scored(nlp, found, texts, f"{table} {value}", batch_size)
        return row["with_stance"][2]

    done = False
    try:
        with nlp.remembering(tagger):  # (most sentences and pairs read the same under each setting)
            nlp.speaker_tagger = tagger
            cfg.propose = False
            vetoes = []
            for v in SPEAKER_VETOES:
                cfg.rule_veto = v
                vetoes.append((v, run("rule_veto", str(v))))
            cfg.rule_veto, f1 = pick(vetoes, in_use.get("rule_veto", NOT_IN_USE), min_gain or 0.0)
            tables["threshold"]["none"] = tables["rule_veto"][str(cfg.rule_veto)]
            thresholds: list[tuple[object, float]] = [(None, f1)]
            cfg.propose = True
            for v in SPEAKER_THRESHOLDS:
                cfg.threshold = v
                thresholds.append((v, run("threshold", str(v))))
            chosen, _ = pick(thresholds, in_use.get("threshold", NOT_IN_USE), min_gain or 0.0)
            cfg.propose = chosen is not None
            cfg.threshold = chosen if chosen is not None else before[2]
            done = True
    finally:
        nlp.speaker_tagger = saved
        if not done:  # a failed choice leaves the tagger's settings as they were
            cfg.rule_veto, cfg.propose, cfg.threshold = before
    return tables


def choose_lang_threshold(nlp: Pipeline, tagger: SpeakerTagger, texts: Sequence[Text], lang: str,
                          batch_size: int = 32, min_gain: float = 0.0) -> dict[str, dict[str, list[float]]]:
    """Choose `lang`'s own threshold (`TaggerConfig.lang_thresholds`) on its dev texts by the triple F1 of `stance
    analyze` output there, the tagger's other settings kept: "none" is its general `threshold`, which a value of
    SPEAKER_THRESHOLDS replaces only where it scores strictly better; the value in use (or none) stays unless another
    beats it by `min_gain` (`pick`). Sets it in `tagger.config` (or leaves `lang` out of `lang_thresholds`); returns
    the table: value -> P/R/F1 with and without stance."""
    cfg = tagger.config
    if lang not in cfg.langs:
        raise ValueError(f"the speaker tagger does not read {lang} (it reads {', '.join(cfg.langs)}): give it the "
                         "language with --settings-only --read-langs first")
    if not cfg.propose:
        raise ValueError("the speaker tagger proposes no speakers of its own (propose: false), so a threshold has "
                         "nothing to choose")
    saved, before = nlp.speaker_tagger, dict(cfg.lang_thresholds)
    found = rule_statements(nlp, texts, lang)
    table: dict[str, dict[str, list[float]]] = {}
    done = False
    try:
        with nlp.remembering(tagger):
            nlp.speaker_tagger = tagger
            cfg.lang_thresholds.pop(lang, None)
            table["none"] = scored(nlp, found, texts, f"{lang} threshold none ({cfg.threshold})", batch_size)
            rows: list[tuple[object, float]] = [(None, table["none"]["with_stance"][2])]
            for v in SPEAKER_THRESHOLDS:
                cfg.lang_thresholds[lang] = v
                table[str(v)] = scored(nlp, found, texts, f"{lang} threshold {v}", batch_size)
                rows.append((v, table[str(v)]["with_stance"][2]))
            chosen, _ = pick(rows, before.get(lang), min_gain)
            if chosen is None:
                cfg.lang_thresholds.pop(lang, None)
            else:
                cfg.lang_thresholds[lang] = chosen
            done = True
    finally:
        nlp.speaker_tagger = saved
        if not done:  # a failed choice leaves the tagger's settings as they were
            cfg.lang_thresholds = before
    return table


def fit(model: str | Path | None = None, lang: str = "ar", root: str | None = None, data_dir: str | None = None,
        epochs: int = 6, seed: int = 0, threads: int | None = None, max_rows: int | None = None,
        choose: bool = True, read_langs: Sequence[str] = READ_LANGS, device: str = "cpu",
        replaces: str | Path | None = None) -> tuple[SpeakerTagger, dict]:
    """Train a speaker tagger on the train texts and choose its settings on the dev texts; returns it with a report.
    `device` ("cpu", "cuda", "cuda:N", "auto") is where it trains and the pipeline runs. Each language that the
    tagger it replaces (the one in `replaces`, default the model's folder) had a threshold of its own for is chosen
    again on that language's dev texts (`carry_lang_thresholds`)."""
    folder, named = model_folder(model, threads)
    where = resolve_device(device)  # a device this machine lacks fails before anything runs
    carried = own_threshold_langs(Path(replaces) if replaces is not None else folder)  # before it is written over
    if carried and not choose:
        log.warning("the speaker tagger being replaced had a threshold of its own for %s; a tagger trained without "
                    "a choice has none (choose it with --lang-threshold LANG)", ", ".join(carried))
    t0 = time.time()
    train_texts = gold_texts(lang, "train", root, data_dir)
    data = rows(train_texts)[:max_rows]
    log.info("train: %d texts, %d sentences, %d speaker words", len(train_texts), len(data),
             sum(tag > 0 for r in data for tag in r.tags))
    tagger = SpeakerTagger.new(TaggerConfig(langs=tuple(read_langs or (lang,))), seed=seed).to(where)
    losses = train(tagger, data, epochs=epochs, seed=seed)
    report = {
        "trained_on": f"training/annotations/{lang} exhaustive texts, train split: each sentence, its gold speakers "
                      "tagged",
        "model": named, "train_texts": len(train_texts), "train_sentences": len(data),
        "train_speaker_words": sum(tag > 0 for r in data for tag in r.tags),
        "epochs": epochs, "seed": seed, "losses": losses, "device": str(where),
        "train_seconds": round(time.time() - t0, 1),
    }
    if choose:
        report.update(rechoose_report(folder, tagger, lang, root, data_dir, where))
        carry_lang_thresholds(carried, folder, tagger, lang, root, data_dir, where, report)
    tagger.config.info = report
    return tagger, report


def carry_lang_thresholds(langs: Sequence[str], folder: Path, tagger: SpeakerTagger, lang: str, root: str | None,
                          data_dir: str | None, device: str | torch.device, report: dict) -> None:
    """Choose again, from none, each of `langs` (those the replaced tagger had a threshold of its own for) for the new
    `tagger`, with the pipeline of the model in `folder`, into `report["lang_thresholds_chosen"]`; one it cannot have
    (the new tagger proposes no speakers, does not read it, learns from its texts, or it has no labelled dev texts)
    goes under `report["lang_thresholds_dropped"]` with the reason, and a warning says so."""
    for other in langs:
        why = ("the new tagger proposes no speakers" if not tagger.config.propose
               else f"the new tagger learns from {other}'s texts" if other == lang
               else f"the new tagger does not read {other}" if other not in tagger.config.langs else None)
        if why is None:
            try:  # a failed choice leaves the tagger's thresholds as they were (`choose_lang_threshold`)
                entry = lang_threshold_entry(folder, tagger, other, root, data_dir, device, min_gain=0.0)
                report.setdefault("lang_thresholds_chosen", {})[other] = entry
                continue
            except (FileNotFoundError, ValueError) as exc:
                why = f"its threshold could not be chosen: {exc}"
        log.warning("the speaker tagger being replaced had a threshold of its own for %s; %s, so it has none", other,
                    why)
        report.setdefault("lang_thresholds_dropped", {})[other] = why


def own_threshold_langs(folder: Path) -> list[str]:
    """The languages that have a threshold of their own (`TaggerConfig.lang_thresholds`) in the speaker tagger already
    saved in `folder` (none when it has no tagger, or one that does not load): a full retrain chooses them again."""
    path = folder / SpeakerTagger.config_file
    if not path.is_file():
        return []
    try:
        return sorted(TaggerConfig.read(path).lang_thresholds)
    except ValueError as exc:
        log.warning("%s: no language threshold of its own is carried over", exc)
        return []


def rechoose_report(folder: Path, tagger: SpeakerTagger, lang: str, root: str | None,
                    data_dir: str | None, device: str | torch.device = "cpu", min_gain: float | None = None) -> dict:
    """Choose the settings on the dev texts with the pipeline of the model in `folder` (its own target filter and
    target tagger), those in use kept unless beaten by `min_gain` (None: a first choice); the report's entries."""
    t0 = time.time()
    nlp = Pipeline.load(model=folder, speaker_tagger=False, device=device)
    dev_texts = gold_texts(lang, "dev", root, data_dir)
    table = choose_settings(nlp, tagger, dev_texts, lang, min_gain=min_gain)
    return {"settings_chosen_on": CHOSEN_ON, "dev_texts": len(dev_texts), "dev_prf_by_setting": table,
            **({"min_gain": min_gain} if min_gain is not None else {}), "choice_seconds": round(time.time() - t0, 1)}


def rechoose(model: str | Path | None = None, lang: str = "ar", root: str | None = None, data_dir: str | None = None,
             threads: int | None = None, read_langs: Sequence[str] = (),
             device: str = "cpu", min_gain: float = MIN_GAIN) -> tuple[SpeakerTagger, dict]:
    """The speaker tagger already in the model's folder with only its settings (veto, threshold) chosen anew on the
    dev texts (after the rules, the target tagger or the stance model changed), the pipeline on `device`; a setting
    in use stays unless another beats it by `min_gain` triple F1."""
    folder, _ = model_folder(model, threads)
    where = resolve_device(device)  # a device this machine lacks fails before the tagger loads
    tagger = kept_tagger(SpeakerTagger, folder).to(where)
    if read_langs:
        tagger.config.langs = tuple(read_langs)
    report = dict(tagger.config.info)
    report.update(rechoose_report(folder, tagger, lang, root, data_dir, where, min_gain))
    tagger.config.info = report
    return tagger, report


def rechoose_lang(model: str | Path | None, lang: str, root: str | None = None, data_dir: str | None = None,
                  threads: int | None = None, device: str = "cpu",
                  min_gain: float = MIN_GAIN) -> tuple[SpeakerTagger, dict]:
    """The speaker tagger in the model's folder with `lang`'s own threshold chosen on every labelled dev text of
    `lang` (`choose_lang_threshold`; the one in use, or none, kept unless beaten by `min_gain`), its other settings
    kept; its report records the choice under `lang_thresholds_chosen`."""
    folder, _ = model_folder(model, threads)
    where = resolve_device(device)
    tagger = kept_tagger(SpeakerTagger, folder).to(where)
    report = dict(tagger.config.info)
    report.setdefault("lang_thresholds_chosen", {})[lang] = lang_threshold_entry(
        folder, tagger, lang, root, data_dir, where, min_gain)
    tagger.config.info = report
    return tagger, report


def lang_threshold_entry(folder: Path, tagger: SpeakerTagger, lang: str, root: str | None, data_dir: str | None,
                         device: str | torch.device, min_gain: float) -> dict:
    """Choose `lang`'s own threshold for `tagger` on every labelled dev text of `lang` with the pipeline of the model
    in `folder` (`choose_lang_threshold`); the report's entry under `lang_thresholds_chosen`."""
    t0 = time.time()
    nlp = Pipeline.load(model=folder, speaker_tagger=False, device=device)
    texts = gold_texts(lang, "dev", root, data_dir, exhaustive_only=False)
    table = choose_lang_threshold(nlp, tagger, texts, lang, min_gain=min_gain)
    return {"chosen_on": f"the {len(texts)} labelled {lang} dev texts with a speaker (all of them; where a text's "
                         "pairs were not all labelled, precision is a lower bound): triple F1 of what `stance analyze` "
                         "keeps, the other settings kept; 'none' is the general threshold",
            "dev_texts": len(texts), "dev_prf_by_threshold": table, "min_gain": min_gain,
            "chosen": tagger.config.lang_thresholds.get(lang), "choice_seconds": round(time.time() - t0, 1)}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_tagger_arguments(ap, "sentences")
    ap.add_argument("--settings-only", action="store_true",
                    help="keep the speaker tagger in the model's folder; choose only its settings (veto, threshold) "
                         "anew on the dev texts")
    ap.add_argument("--lang-threshold", metavar="LANG", default=None,
                    help="keep the speaker tagger and its other settings; choose only LANG's own threshold on all "
                         "of LANG's labelled dev texts (for a language read zero-shot, such as fr or en)")
    ap.add_argument("--no-choice", action="store_true",
                    help="train only (no dev run); the tagger then vetoes nothing and proposes at threshold 0.85")
    ap.add_argument("--out", default=None, help="write the tagger into this folder instead of the model's")
    args = ap.parse_args(argv)
    if args.epochs < 1:
        ap.error("--epochs must be at least 1")
    if args.min_gain is not None and not (args.settings_only or args.lang_threshold is not None):
        ap.error("--min-gain is for --settings-only and --lang-threshold: a new tagger has no settings in use to keep")
    gain = MIN_GAIN if args.min_gain is None else args.min_gain
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    folder = Path(args.model) if args.model else default_model_path()
    if args.lang_threshold is not None:
        if args.settings_only or args.no_choice or args.read_langs:
            ap.error("--lang-threshold chooses one language's threshold alone: leave out --settings-only, --no-choice "
                     "and --read-langs")
        if not args.lang_threshold.strip() or args.lang_threshold == args.lang:
            ap.error(f"--lang-threshold takes a language the tagger reads zero-shot, such as fr (not {args.lang!r}, "
                     "whose texts it learns from: --settings-only chooses its threshold)")
    try:
        if args.lang_threshold is not None:
            tagger, report = rechoose_lang(args.model, args.lang_threshold, args.annotations, args.data,
                                           args.threads, args.device, gain)
        elif args.settings_only:
            tagger, report = rechoose(args.model, args.lang, args.annotations, args.data, args.threads,
                                      args.read_langs or (), args.device, gain)
        else:
            tagger, report = fit(args.model, args.lang, args.annotations, args.data, args.epochs, args.seed,
                                 args.threads, args.max_rows, choose=not args.no_choice,
                                 read_langs=args.read_langs or READ_LANGS, device=args.device,
                                 replaces=args.out)
    except (FileNotFoundError, ValueError) as exc:
        raise SystemExit(f"error: {exc}") from None
    cfg = tagger.config
    report_and_write(tagger, report, f"rule_veto: {cfg.rule_veto}, propose: {cfg.propose}, threshold: {cfg.threshold}"
                     f", lang_thresholds: {cfg.lang_thresholds}",
                     None if args.dry_run else Path(args.out) if args.out else folder,
                     args.settings_only or args.lang_threshold is not None, "speaker tagger")


if __name__ == "__main__":
    main()
