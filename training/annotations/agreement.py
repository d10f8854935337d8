"""Inter-annotator agreement and adjudication for the project's labelled statements.

    python -m training.annotations.agreement            # kappa of the second pass against the first, before adjudication
    python -m training.annotations.agreement --apply    # write the adjudicated labels into the annotation files

`agreement/second_pass_<lang>.jsonl` holds a second annotator's blind labels ({id, stance, ...}) for a sample of pairs;
`agreement/adjudication_<lang>.jsonl` holds the final label of every pair where the two disagreed, with the reason.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from sklearn.metrics import cohen_kappa_score, confusion_matrix

from stance.records import LABELS

HERE = Path(__file__).resolve().parent


def _first_labels(lang: str) -> dict[str, tuple[Path, dict]]:
    out = {}
    for path in sorted((HERE / lang).glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                obj = json.loads(line)
                out[obj["id"]] = (path, obj)
    return out


def agreement(lang: str = "ar") -> dict:
    """Cohen's kappa, raw agreement and confusion of the second pass against the first pass (before adjudication)."""
    first = _first_labels(lang)
    second = [json.loads(l) for l in (HERE / "agreement" / f"second_pass_{lang}.jsonl").read_text().splitlines() if l]
    adjud = {}
    adj_file = HERE / "agreement" / f"adjudication_{lang}.jsonl"
    if adj_file.exists():
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
    args = ap.parse_args()
    if args.apply:
        print(f"{apply_adjudication(args.lang)} labels changed")
    print(json.dumps(agreement(args.lang), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
