"""Train the Arabic CRF named-entity recogniser shipped as stance/resources/ner_ar.crfsuite.

    python tools/train_ner.py [--data ../shared/data] [--out stance/resources/ner_ar.crfsuite] [--tune]
                              [--c1 0.05 --c2 0.01 --max-iterations 200 --minfreq 2]

Reads NewsFANE Gold 2014 (ner/newsfane) and AQMAR (ner/aqmar/articles), both CC BY-SA 3.0, and maps their
tags to PER / ORG / GOV / GPE (`stance.ner.NEWSFANE_LABELS`, `read_aqmar`). A fixed 10% of the NewsFANE
sentences (sha1 of the sentence text, first hex digits mod 10 == 0) is the test split and is never trained
on; the rest of NewsFANE and all of AQMAR are the training data. With `--tune`, each c1/c2 pair of `--grid`
is trained on the training part minus a dev slice (mod 10 == 1, about 11% of the training NewsFANE
sentences) and scored on that slice; the best pair (entity F1) is then trained on the whole training part.
The test split is scored once, with the final model: entity-level exact-span precision / recall / F1 per
label and overall (seqeval when installed, else `stance.ner.entity_scores`, the same exact-match rule).
Writes the model and a model card (stance/resources/ner_ar.md) with the scores, timing and size.
"""
from __future__ import annotations

import argparse
import hashlib
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from stance.ner import (
    ArabicNER,
    Sentence,
    chunks,
    entity_scores,
    read_aqmar,
    read_newsfane,
    sentence_xy,
    train,
)
from training.heldout import data_dir

NEWSFANE = Path("ner/newsfane/NewsFANE_Gold_2014_170K.txt")
AQMAR = Path("ner/aqmar/articles")
DEFAULT_GRID = "0.05,0.01;0.2,0.01;0.05,0.1"


def bucket(s: Sentence) -> int:
    """Deterministic split bucket 0..9 of a sentence: sha1 of its text (tokens joined by spaces)."""
    return int(hashlib.sha1(" ".join(s.words).encode("utf-8")).hexdigest()[:8], 16) % 10


def _to_bio(spans: list[tuple[int, int, str]], n: int) -> list[str]:
    out = ["O"] * n
    for a, b, lab in spans:
        out[a] = "B-" + lab
        for i in range(a + 1, b):
            out[i] = "I-" + lab
    return out


def evaluate(model: Path, sentences: list[Sentence]) -> tuple[dict[str, dict[str, float]], str]:
    """Entity-level exact-match scores of `model` on `sentences` (decoded as `ArabicNER.find` decodes)."""
    ner = ArabicNER.load(model)
    gold, pred, gold_bio, pred_bio = [], [], [], []
    for s in sentences:
        text, toks, _, labels = sentence_xy(s.words, s.tags)
        if not toks:
            continue
        g = chunks(labels)
        p = chunks(ner.tag(text, toks), text, toks)
        gold.append(g)
        pred.append(p)
        gold_bio.append(_to_bio(g, len(toks)))
        pred_bio.append(_to_bio(p, len(toks)))
    try:
        from seqeval.metrics import classification_report

        rep = classification_report(gold_bio, pred_bio, output_dict=True, zero_division=0)
        scores = {k: {"precision": v["precision"], "recall": v["recall"], "f1": v["f1-score"], "support": v["support"]}
                  for k, v in rep.items() if k in ("PER", "ORG", "GOV", "GPE")}
        micro = rep["micro avg"]
        scores["ALL"] = {"precision": micro["precision"], "recall": micro["recall"], "f1": micro["f1-score"],
                         "support": micro["support"]}
        return scores, "seqeval"
    except ImportError:
        return entity_scores(gold, pred), "stance.ner.entity_scores"


def table(scores: dict[str, dict[str, float]]) -> str:
    rows = ["| label | precision | recall | F1 | gold entities |", "|---|---|---|---|---|"]
    for lab in ("PER", "GPE", "ORG", "GOV", "ALL"):
        if lab in scores:
            s = scores[lab]
            name = "overall (micro)" if lab == "ALL" else lab
            rows.append(f"| {name} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | {int(s['support'])} |")
    return "\n".join(rows)


def speed(model: Path, sentences: list[Sentence], n: int = 500, repeats: int = 3) -> tuple[float, int]:
    """Sentences per second of `ArabicNER.find` (split, tokenise, features, tag, decode) on `n` sentences: the
    best of `repeats` passes (the machine may be shared)."""
    ner = ArabicNER.load(model)
    texts = [" ".join(s.words) for s in sentences[:n]]
    ner.find(texts[0])  # reads the known-word list once
    best = 0.0
    for _ in range(repeats):
        t = time.perf_counter()
        for text in texts:
            ner.find(text)
        best = max(best, len(texts) / (time.perf_counter() - t))
    return best, len(texts)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=None, help="shared data folder (default: $STANCE_DATA or ../shared/data)")
    ap.add_argument("--out", default=str(ROOT / "stance" / "resources" / "ner_ar.crfsuite"))
    ap.add_argument("--card", default=None, help="model card path (default: ner_ar.md beside --out)")
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--max-iterations", type=int, default=200)
    ap.add_argument("--minfreq", type=float, default=2, help="crfsuite feature.minfreq")
    ap.add_argument("--tune", action="store_true", help="choose c1,c2 from --grid on the dev slice first")
    ap.add_argument("--grid", default=DEFAULT_GRID, help="c1,c2 pairs separated by ';' (with --tune)")
    args = ap.parse_args(argv)

    root = data_dir(args.data)
    nf_path, aq_path = root / NEWSFANE, root / AQMAR
    for p in (nf_path, aq_path):
        if not p.exists():
            sys.exit(f"{p} not found: point --data or $STANCE_DATA at the shared data folder")
    newsfane = read_newsfane(nf_path)
    aqmar = read_aqmar(aq_path)
    test = [s for s in newsfane if bucket(s) == 0]
    train_nf = [s for s in newsfane if bucket(s) != 0]
    print(f"NewsFANE {len(newsfane)} sentences: train {len(train_nf)}, test {len(test)}; AQMAR {len(aqmar)}")

    c1, c2 = args.c1, args.c2
    dev_lines = []
    if args.tune:
        dev = [s for s in train_nf if bucket(s) == 1]
        fit = [s for s in train_nf if bucket(s) != 1] + aqmar
        best = None
        with tempfile.TemporaryDirectory() as tmp:
            for pair in args.grid.split(";"):
                g1, g2 = (float(x) for x in pair.split(","))
                path = Path(tmp) / f"dev_{g1}_{g2}.crfsuite"
                t = time.perf_counter()
                train(fit, path, c1=g1, c2=g2, max_iterations=args.max_iterations, minfreq=args.minfreq)
                sc, _ = evaluate(path, dev)
                f1 = sc["ALL"]["f1"]
                line = (f"| {g1:g} | {g2:g} | {sc['ALL']['precision']:.3f} | {sc['ALL']['recall']:.3f} | {f1:.3f} | "
                        f"{path.stat().st_size / 1e6:.1f} MB | {time.perf_counter() - t:.0f} s |")
                print("dev", line, flush=True)
                dev_lines.append(line)
                if best is None or f1 > best[0]:
                    best = (f1, g1, g2)
        _, c1, c2 = best
        print(f"chosen c1={c1:g} c2={c2:g} (dev: {len(dev)} NewsFANE sentences, trained on {len(fit)})")

    out = Path(args.out)
    t = time.perf_counter()
    train(train_nf + aqmar, out, c1=c1, c2=c2, max_iterations=args.max_iterations, minfreq=args.minfreq)
    train_s = time.perf_counter() - t
    size = out.stat().st_size
    scores, scorer = evaluate(out, test)
    sps, n_speed = speed(out, test + train_nf)  # 500 sentences: the test split, then training ones
    print(table(scores))
    print(f"model {out} {size / 1e6:.2f} MB, trained in {train_s:.0f} s, {sps:.0f} sentences/s")

    cmd = "python tools/train_ner.py " + " ".join(a for a in (argv if argv is not None else sys.argv[1:]))
    n_tok = sum(len(s.words) for s in train_nf + aqmar)
    dev_block = ""
    if dev_lines:
        dev_block = (
            "\n### Choice of c1 / c2 (dev slice)\n\n"
            f"Trained on the training part minus a dev slice of {len([s for s in train_nf if bucket(s) == 1])} NewsFANE "
            "sentences (sha1 bucket 1), scored on that slice (entity F1, overall micro); the best pair was kept.\n\n"
            "| c1 | c2 | precision | recall | F1 | model size | time |\n|---|---|---|---|---|---|---|\n"
            + "\n".join(dev_lines) + "\n"
        )
    card = f"""# ner_ar.crfsuite: Arabic named-entity CRF (PER / ORG / GOV / GPE)

A linear-chain CRF (python-crfsuite, L-BFGS with elastic net, c1={c1:g}, c2={c2:g}, {args.max_iterations}
iterations at most, feature.minfreq={args.minfreq:g}) that tags Arabic words as persons (PER), organisations
(ORG), state bodies (GOV: government, ministries, parliament, army, police forces) and countries / cities /
regions (GPE). It is used to propose actor mentions that the actor dictionary misses. Code: `stance/ner.py`
(`ArabicNER.load().find(text)` → character spans); features and the label mapping are documented there.

## Data and licences

**The model is derived from data licensed CC BY-SA 3.0 (Creative Commons Attribution-ShareAlike 3.0
Unported, https://creativecommons.org/licenses/by-sa/3.0/); the model file and this card are distributed
under the same licence (CC BY-SA 3.0), not under the MIT licence of the code.**

* NewsFANE Gold 2014 (Newswire-based Fine-grained Arabic Named Entity corpus), Fahd Alotaibi and Mark Lee,
  "A Hybrid Approach to Features Representation for Fine-grained Arabic Named Entity Recognition",
  COLING 2014. CC BY-SA 3.0. Copy from github bvanaken/visbert @ 8c0f4a8b. 4,760 sentences of Arabic
  newswire, 50 fine-grained classes, collapsed to the four labels above (`stance.ner.NEWSFANE_LABELS`).
* AQMAR Arabic Wikipedia named-entity corpus, Behrang Mohit, Nathan Schneider, Rishav Bhowmick, Kemal
  Oflazer and Noah A. Smith, "Recall-Oriented Learning of Named Entities in Arabic Wikipedia", EACL 2012.
  CC BY-SA 3.0. Copy from github HussamHallak/AQMAR-Arabic-NERC-Dataset @ 02afd80a. 28 articles; PER → PER,
  ORG → ORG (GOV when its head word is a state body), LOC → GPE (O for buildings and natural places),
  MIS → O.

Changes made: tags collapsed and mapped as described; tokens cleaned of LRM marks and BOM; nothing else.

## Training

    {cmd.strip()}

(run from the repository root; reads `../shared/data` or `$STANCE_DATA`). Training data: {len(train_nf)}
NewsFANE sentences + {len(aqmar)} AQMAR sentences ({n_tok:,} corpus tokens). Test split: the
{len(test)} NewsFANE sentences whose sha1 (of the sentence text) falls in bucket 0 of 10, never trained or
tuned on. Training time of the final model: {train_s:.0f} s on one CPU core ({platform.processor() or platform.machine()},
shared with another job). Model file: {size / 1e6:.2f} MB ({size:,} bytes).
{dev_block}
## Scores on the held-out NewsFANE test split

Entity level, exact span and label match (scorer: {scorer}), over words as `stance.text.tokens` gives them,
decoded as `find` decodes (entities end at sentence punctuation); {len(test)} sentences.

{table(scores)}

These are in-domain newswire figures (NewsFANE 2014 texts); expect lower figures on recent news, on names
absent from 2000s newswire, and for GOV, which has few training examples.

## Speed

{sps:.0f} sentences per second for `ArabicNER.find` (sentence split, tokenisation, features, tagging,
decoding) on {n_speed} NewsFANE sentences (the test split, then training sentences; about 35 words each), best of
three passes, one process on one CPU core of a 2-core machine shared with another job. Loading the model takes
a few milliseconds; the first `find` that meets a proclitic-initial entity reads the model's feature table once
(about 0.4 s).
"""
    card_path = Path(args.card) if args.card else out.with_name(out.stem + ".md")
    card_path.write_text(card, encoding="utf-8")
    print(f"wrote {out} and {card_path}")


if __name__ == "__main__":
    main()
