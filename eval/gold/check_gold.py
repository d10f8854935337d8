"""Check the end-to-end gold files (`eval/gold/e2e/<lang>/*.json`, the format of `shared/seed/seed_gold.json`).

`check(path)` returns a list of error strings for one file (empty when it is fine):
- the top-level fields (`text`, `lang`, `source` {dataset, id}, `annotator`, `statements`);
- every span: `text[start:start + len(span)] == span` for speakers, cues and targets;
- labels: stance in support / criticism / neutral, confidence in high / low;
- a speaker is never its own target (overlapping spans);
- `speaker_resolved_from`, when present, names the speaker mention, which lies before the cue;
- the text is not held out (`training.heldout`), when the shared data folder can be found.

    python -m eval.gold.check_gold            # every file under eval/gold/e2e
    python eval/gold/check_gold.py FILE ...   # the files given
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

STANCES = {"support", "criticism", "neutral"}
CONFIDENCES = {"high", "low"}
HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
DATA_DIRS = [REPO.parent / "shared" / "data", Path("/work/shared/data")]

_heldout = None


def _get_heldout():
    global _heldout
    if _heldout is None:
        _heldout = False
        try:
            if str(REPO) not in sys.path:
                sys.path.insert(0, str(REPO))
            from training.heldout import load_heldout

            for d in DATA_DIRS:
                if (d / "heldout_ids.txt").exists():
                    _heldout = load_heldout(str(d))
                    break
        except Exception:  # the check still runs without the held-out list
            _heldout = False
    return _heldout


def _span(text: str, span, start, where: str, errors: list[str], nullable: bool = False):
    if span is None:
        if not nullable:
            errors.append(f"{where}: missing span")
        elif start is not None:
            errors.append(f"{where}: null span with a start offset")
        return None
    if not isinstance(span, str) or not span:
        errors.append(f"{where}: span must be a non-empty string, got {span!r}")
        return None
    if not isinstance(start, int) or isinstance(start, bool):
        errors.append(f"{where}: start must be an int, got {start!r}")
        return None
    if text[start:start + len(span)] != span:
        errors.append(f"{where}: text[{start}:{start + len(span)}] is {text[start:start + len(span)]!r}, not {span!r}")
        return None
    return (start, start + len(span))


def check(path) -> list[str]:
    """Errors of one gold file (an empty list when it is fine)."""
    errors: list[str] = []
    try:
        obj = json.loads(Path(path).read_text(encoding="utf-8"))
    except Exception as exc:  # noqa: BLE001
        return [f"cannot read JSON: {exc}"]
    if not isinstance(obj, dict):
        return ["top level must be an object"]
    text = obj.get("text")
    if not isinstance(text, str) or not text:
        return ["'text' must be a non-empty string"]
    if obj.get("lang") not in {"ar", "en", "fr"}:
        errors.append(f"'lang' must be ar/en/fr, got {obj.get('lang')!r}")
    src = obj.get("source")
    if not (isinstance(src, dict) and src.get("dataset") and src.get("id")):
        errors.append("'source' must be {dataset, id}")
    if not obj.get("annotator"):
        errors.append("'annotator' missing")
    sts = obj.get("statements")
    if not isinstance(sts, list):
        return errors + ["'statements' must be a list"]
    seen = set()
    for n, st in enumerate(sts):
        w = f"statement {n}"
        if not isinstance(st, dict):
            errors.append(f"{w}: not an object")
            continue
        sp = _span(text, st.get("speaker"), st.get("speaker_start"), f"{w} speaker", errors, nullable=True)
        cue = _span(text, st.get("cue"), st.get("cue_start"), f"{w} cue", errors, nullable=st.get("speaker") is None)
        if "speaker_resolved_from" in st:
            if st["speaker_resolved_from"] != st.get("speaker"):
                errors.append(f"{w}: speaker_resolved_from {st['speaker_resolved_from']!r} differs from speaker")
            if sp and cue and sp[0] > cue[0]:
                errors.append(f"{w}: resolved speaker mention should come before the cue")
        tgs = st.get("targets")
        if not isinstance(tgs, list):
            errors.append(f"{w}: 'targets' must be a list")
            continue
        for m, t in enumerate(tgs):
            wt = f"{w} target {m}"
            if not isinstance(t, dict):
                errors.append(f"{wt}: not an object")
                continue
            ts = _span(text, t.get("target"), t.get("target_start"), wt, errors)
            if t.get("stance") not in STANCES:
                errors.append(f"{wt}: stance {t.get('stance')!r} not in {sorted(STANCES)}")
            if t.get("confidence") not in CONFIDENCES:
                errors.append(f"{wt}: confidence {t.get('confidence')!r} not in {sorted(CONFIDENCES)}")
            if not t.get("why"):
                errors.append(f"{wt}: 'why' missing")
            if ts and sp and ts[0] < sp[1] and sp[0] < ts[1]:
                errors.append(f"{wt}: target span overlaps the speaker span")
            if ts:
                key = (sp, ts)
                if key in seen:
                    errors.append(f"{wt}: duplicate (speaker, target) span pair")
                seen.add(key)
    h = _get_heldout()
    if h and h.is_heldout(text):
        errors.append("text is held out (shared/data/heldout_ids.txt)")
    return errors


def main(argv: list[str]) -> int:
    paths = [Path(p) for p in argv] or sorted((HERE / "e2e").glob("*/*.json"))
    bad = 0
    for p in paths:
        errs = check(p)
        if errs:
            bad += 1
            print(f"{p}:")
            for e in errs:
                print(f"  {e}")
    print(f"{len(paths)} file(s) checked, {bad} with errors")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
