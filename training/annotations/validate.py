"""Check annotation files against the contract: `python -m training.annotations.validate training/annotations/ar/*.jsonl`.

Every line must be an `eval` line (id, text, speaker span or null, target span, stance) with `source` and `annotator`;
every span must lie inside `text`, and where a span carries its `text`, `text[start:end]` must equal it exactly.
Held-out texts are refused.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

LABELS = ("support", "criticism", "neutral")


def check_line(obj: dict, heldout=None) -> list[str]:
    errors: list[str] = []
    for key in ("id", "text", "target", "stance", "source", "annotator", "lang"):
        if key not in obj:
            errors.append(f"missing field {key!r}")
    if errors:
        return errors
    text = obj["text"]
    if obj["stance"] not in LABELS:
        errors.append(f"stance {obj['stance']!r} is not one of {LABELS}")
    for role in ("speaker", "target", "cue"):
        span = obj.get(role)
        if span is None:
            continue
        s, e = span.get("start"), span.get("end")
        if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
            errors.append(f"{role} span {s}..{e} does not lie inside text of length {len(text)}")
            continue
        if "text" in span and text[s:e] != span["text"]:
            errors.append(f"{role} text {span['text']!r} != text[{s}:{e}] = {text[s:e]!r}")
    sp, tg = obj.get("speaker"), obj["target"]
    if sp and tg and not (sp["end"] <= tg["start"] or tg["end"] <= sp["start"]):
        errors.append("speaker and target spans overlap")
    src = obj["source"]
    if not isinstance(src, dict) or "dataset" not in src or "id" not in src:
        errors.append("source must be {'dataset': ..., 'id': ...}")
    if heldout is not None and heldout.is_heldout(text):
        errors.append("text is held out (heldout_ids.txt): remove this pair")
    return errors


def main(paths: list[str]) -> int:
    try:
        from training.heldout import load_heldout

        heldout = load_heldout()
    except FileNotFoundError:
        heldout = None
        print("warning: shared data not found, held-out check skipped", file=sys.stderr)
    bad = 0
    counts: Counter = Counter()
    ids: set[str] = set()
    for path in paths:
        for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                print(f"{path}:{n}: not JSON ({exc})")
                bad += 1
                continue
            errs = check_line(obj, heldout)
            if obj.get("id") in ids:
                errs.append(f"duplicate id {obj.get('id')!r}")
            ids.add(obj.get("id"))
            for err in errs:
                print(f"{path}:{n}: {err}")
            bad += bool(errs)
            counts[(obj.get("lang"), obj.get("stance"))] += 1
    for (lang, stance), c in sorted(counts.items(), key=str):
        print(f"{lang}\t{stance}\t{c}")
    print(f"{sum(counts.values())} lines, {bad} with errors")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
