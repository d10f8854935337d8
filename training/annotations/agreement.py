"""Inter-annotator agreement and adjudication for the project's labelled statements.

    python -m training.annotations.agreement            # kappa of the second pass against the first, before adjudication
    python -m training.annotations.agreement --apply    # write the adjudicated labels into the annotation files
    python -m training.annotations.agreement --exhaustive [--system p.jsonl]   # whole texts, read again from scratch
    python -m training.annotations.agreement --synthetic   # the blind second pass on the synthetic sentences

`agreement/second_pass_<lang>.jsonl` holds a second annotator's blind labels ({id, stance, ...}) for a sample of pairs;
`agreement/adjudication_<lang>.jsonl` holds the final label of every pair where the two disagreed, with the reason.

`agreement/exhaustive_second_pass_<lang>.jsonl` is a second annotator's blind, exhaustive reading of a sample of
whole exhaustive dev texts (every statement and every pair found again from the text alone, in the annotation line
format; `..._skipped.txt` lists the sampled texts where that annotator found no pair): `--exhaustive` scores it
against the first annotators' gold like a system (`stance eval-e2e`'s triple P/R/F1), the agreement a system
can hope to reach on these texts; `--system` scores `stance analyze` output on the same texts beside it.

`agreement/second_pass_synthetic_<lang>.jsonl` is a blind second pass on a sample of the synthetic sentences'
pairs (`synthetic/<lang>_*.jsonl`, training only); `--synthetic` scores it against their labels like the first.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from sklearn.metrics import cohen_kappa_score, confusion_matrix

from stance.records import LABELS

HERE = Path(__file__).resolve().parent


def _first_labels(lang: str, synthetic: bool = False) -> dict[str, tuple[Path, dict]]:
    """id -> (file, line) of the first labels: `<lang>/*.jsonl`, or `synthetic/<lang>_*.jsonl` with `synthetic`."""
    out = {}
    files = (HERE / "synthetic").glob(f"{lang}_*.jsonl") if synthetic else (HERE / lang).glob("*.jsonl")
    for path in sorted(files):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                obj = json.loads(line)
                out[obj["id"]] = (path, obj)
    return out


def agreement(lang: str = "ar", synthetic: bool = False) -> dict:
    """Cohen's kappa, raw agreement and confusion of the second pass against the first pass (before adjudication);
    `synthetic`: of `agreement/second_pass_synthetic_<lang>.jsonl` against the synthetic sentences' labels."""
    first = _first_labels(lang, synthetic)
    name = f"second_pass_synthetic_{lang}.jsonl" if synthetic else f"second_pass_{lang}.jsonl"
    second_file = HERE / "agreement" / name
    if not second_file.exists():
        raise FileNotFoundError(f"no second pass for {lang!r}: {second_file} does not exist")
    second = [json.loads(l) for l in second_file.read_text().splitlines() if l]
    adjud = {}
    adj_file = HERE / "agreement" / f"adjudication_{lang}.jsonl"
    if adj_file.exists() and not synthetic:  # the adjudications are of real annotations; the synthetic sample has none
        adjud = {o["id"]: o for o in map(json.loads, adj_file.read_text(encoding="utf-8").splitlines()) if o}
    a, b = [], []
    for s in second:
        obj = first[s["id"]][1]
        a.append(adjud[s["id"]]["first"] if s["id"] in adjud else obj["stance"])
        b.append(s["stance"])
    return {
        "lang": lang, "n": len(a), "kappa": round(float(cohen_kappa_score(a, b)), 4),
        "agreement": round(sum(x == y for x, y in zip(a, b)) / len(a), 4),
        "confusion (rows first, cols second)": {
            g: dict(zip(LABELS, map(int, row))) for g, row in zip(LABELS, confusion_matrix(a, b, labels=list(LABELS)))
        },
        "adjudicated": len(adjud),
    }


def exhaustive_agreement(lang: str = "ar", split: str = "dev", system: str | Path | None = None) -> dict:
    """Triple P/R/F1 (with and without stance) of the exhaustive second pass against the first annotators' gold on
    the same texts; with `system` (`stance analyze` output lines covering those texts), that output's too."""
    from eval.endtoend import gold_from_seed, score_triples, triples_from_analyze
    from eval.sentences import gold_documents

    path = HERE / "agreement" / f"exhaustive_second_pass_{lang}.jsonl"
    second = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    skipped_file = path.with_name(path.stem + "_skipped.txt")
    skipped = {line.split("\t")[0] for line in skipped_file.read_text(encoding="utf-8").splitlines() if line.strip()}
    ids = {o["source"]["id"] for o in second} | skipped
    docs = [d for d in gold_documents(lang, split, exhaustive_only=True) if d["id"] in ids]
    if len(docs) != len(ids):
        missing = sorted(ids - {d["id"] for d in docs})[:3]
        raise ValueError(f"{len(ids) - len(docs)} texts of {path.name} are no exhaustive {lang} {split} text "
                         f"(e.g. {missing}): the annotation files changed since the second pass")
    gold = {d["id"]: gold_from_seed(d) for d in docs}

    def scored(lines) -> dict:
        res = score_triples(gold, triples_from_analyze(lines))  # (counts over the gold's documents only)
        return {k: res[k] for k in ("n_docs", "n_gold", "n_pred", "with_stance", "without_stance",
                                    "stance_accuracy_on_matched")}

    out = {"lang": lang, "split": split, "texts": len(docs), "texts_skipped_by_second_pass": len(skipped),
           "second_pass": scored({"doc_id": o["source"]["id"], "speaker": o["speaker"], "target": o["target"],
                                  "stance": o["stance"]} for o in second)}
    if system is not None:
        out["system"] = scored(Path(system).read_text(encoding="utf-8").splitlines())
    return out


def apply_adjudication(lang: str = "ar") -> int:
    """Write the adjudicated labels into the annotation files; returns how many lines changed."""
    adj_file = HERE / "agreement" / f"adjudication_{lang}.jsonl"
    final = {o["id"]: o["final"] for o in map(json.loads, adj_file.read_text(encoding="utf-8").splitlines()) if o}
    changed = 0
    for path in sorted((HERE / lang).glob("*.jsonl")):
        lines = path.read_text(encoding="utf-8").splitlines()
        out = []
        for line in lines:
            obj = json.loads(line) if line.strip() else None
            if obj and obj["id"] in final and obj["stance"] != final[obj["id"]]:
                obj["stance"] = final[obj["id"]]
                obj["adjudicated"] = True
                changed += 1
            out.append(json.dumps(obj, ensure_ascii=False) if obj else line)
        path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return changed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", default="ar")
    ap.add_argument("--apply", action="store_true")
    ap.add_argument("--exhaustive", action="store_true", help="score the exhaustive second pass against the gold")
    ap.add_argument("--system", help="with --exhaustive: `stance analyze` output on those texts, scored beside it")
    ap.add_argument("--synthetic", action="store_true",
                    help="score the second pass on the synthetic sentences (training/annotations/synthetic/)")
    args = ap.parse_args()
    if args.synthetic and (args.apply or args.exhaustive):
        ap.error("--synthetic scores the synthetic second pass alone: give it without --apply or --exhaustive")
    if args.system and not args.exhaustive:
        ap.error("--system scores a system beside the exhaustive second pass: give --exhaustive too")
    if args.exhaustive:
        print(json.dumps(exhaustive_agreement(args.lang, system=args.system), ensure_ascii=False, indent=1))
        return
    if args.apply:
        print(f"{apply_adjudication(args.lang)} labels changed")
    try:
        print(json.dumps(agreement(args.lang, synthetic=args.synthetic), ensure_ascii=False, indent=1))
    except FileNotFoundError as exc:
        ap.exit(2, f"error: {exc}\n")


if __name__ == "__main__":
    main()
