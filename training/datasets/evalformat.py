"""The contract's eval format (JSONL lines with id, text, speaker, target, stance) to and from Examples."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from stance.records import LABELS, StanceItem
from training.datasets.example import Example, PathLike, with_other_targets


def _jsonl(path: Path) -> Iterable[tuple[int, Any]]:
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                yield n, json.loads(line)
            except json.JSONDecodeError as exc:
                yield n, _BadJSON(str(exc))


@dataclass(frozen=True)
class _BadJSON:
    reason: str


def _span(obj: dict, role: str, text: str, where: str) -> tuple[int, int] | None:
    span = obj[role]
    if span is None:
        return None
    if not isinstance(span, dict):
        # ValueError, not TypeError: the data is wrong, not the call
        raise ValueError(f"{where}: {role} must be {{'start': int, 'end': int}} or null, found {span!r}")  # noqa: TRY004
    s, e = span.get("start"), span.get("end")
    if type(s) is not int or type(e) is not int:
        raise ValueError(f"{where}: {role} start/end must be integers, found {s!r}, {e!r}")
    if not 0 <= s < e <= len(text):
        raise ValueError(
            f"{where}: {role} span {s}..{e} must satisfy 0 <= start < end <= len(text) = {len(text)}"
        )
    if "text" in span and span["text"] != text[s:e]:
        raise ValueError(
            f"{where}: {role} text {span['text']!r} != text[{s}:{e}] = {text[s:e]!r}: fix the offsets"
        )
    return s, e


def from_eval_line(obj: Any, where: str = "line", source: str = "eval") -> Example:
    """An Example from one eval-format object; ValueError (prefixed by `where`) says what is wrong.

    Required: "id" (str or int), "text" (non-empty str), "speaker" ({"start","end"} or null for the author),
    "target" ({"start","end"}), "stance" (support / criticism / neutral). Optional: "lang", "source" (str, or
    a dict whose "dataset" is used; default `source`), "group". A span's optional "text" must equal
    `text[start:end]`.
    """
    if isinstance(obj, _BadJSON):
        raise ValueError(f"{where}: not valid JSON ({obj.reason})")  # noqa: TRY004
    if not isinstance(obj, dict):
        raise ValueError(f"{where}: expected a JSON object, found {type(obj).__name__}")  # noqa: TRY004
    missing = [k for k in ("id", "text", "speaker", "target", "stance") if k not in obj]
    if missing:
        hint = ' (use "speaker": null for the author\'s own voice)' if "speaker" in missing else ""
        raise ValueError(f"{where}: missing field(s) {missing}{hint}")
    text, ident = obj["text"], obj["id"]
    if not isinstance(text, str) or not text.strip():
        raise ValueError(f"{where}: text must be a non-empty string")
    if not isinstance(ident, (str, int)) or isinstance(ident, bool) or str(ident) == "":
        raise ValueError(f"{where}: id must be a non-empty string or an integer, found {ident!r}")
    if obj["stance"] not in LABELS:
        raise ValueError(f"{where}: stance must be one of {list(LABELS)}, found {obj['stance']!r}")
    if obj["target"] is None:
        raise ValueError(f"{where}: target must be {{'start': int, 'end': int}}, found null")
    target = _span(obj, "target", text, where)
    speaker = _span(obj, "speaker", text, where)
    if speaker and target and not (speaker[1] <= target[0] or target[1] <= speaker[0]):
        raise ValueError(
            f"{where}: speaker {speaker} and target {target} overlap: they must be distinct mentions"
        )
    lang = obj.get("lang")
    if lang is not None and not isinstance(lang, str):
        raise ValueError(f"{where}: lang must be a string such as 'ar', 'en', 'fr', found {lang!r}")
    src = obj.get("source", source)
    src = src.get("dataset", source) if isinstance(src, dict) else str(src)
    group = obj.get("group")
    item = StanceItem(text, target=target, speaker=speaker, lang=lang, id=str(ident))
    return Example(item, obj["stance"], src, None if group is None else str(group))


def load_eval_file(path: PathLike) -> list[Example]:
    """Read a JSONL file in the contract's eval format; ValueError names `file:line` and the problem.

    Ids must be unique within the file. Example.source = the line's "source" (its "dataset" when a dict), else
    the file's stem; lines of one text and speaker are one statement, each line's item knowing the others' targets
    (`with_other_targets`).
    """
    p = Path(path)
    if not p.is_file():
        raise FileNotFoundError(f"eval file {p} not found: pass a JSONL file of eval lines")
    out: list[Example] = []
    first_line: dict[str, int] = {}
    for n, obj in _jsonl(p):
        ex = from_eval_line(obj, f"{p}:{n}", source=p.stem)
        if ex.item.id in first_line:
            raise ValueError(
                f"{p}:{n}: duplicate id {ex.item.id!r} (first on line {first_line[ex.item.id]}): "
                "ids must be unique"
            )
        first_line[ex.item.id or ""] = n
        out.append(ex)
    if not out:
        raise ValueError(f"{p}: no eval lines found (expected one JSON object per line)")
    return with_other_targets(out)


def to_eval_line(example: Example) -> dict:
    """The contract's eval line for an Example (spans carry their text; `source` and `group` are kept).

    >>> to_eval_line(Example(StanceItem("A", target=(0, 1), id="x"), "neutral", "demo"))["target"]
    {'start': 0, 'end': 1, 'text': 'A'}
    """
    item = example.item
    if item.id is None:
        raise ValueError("the Example's item has no id: eval lines need one (set StanceItem.id)")

    def span(s: tuple[int, int] | None) -> dict | None:
        return None if s is None else {"start": s[0], "end": s[1], "text": item.text[s[0] : s[1]]}

    line = {
        "id": item.id,
        "text": item.text,
        "speaker": span(item.speaker),
        "target": span(item.target),
        "stance": example.stance,
    }
    if item.lang is not None:
        line["lang"] = item.lang
    line["source"] = {"dataset": example.source}
    if example.group is not None:
        line["group"] = example.group
    return line


def write_eval_file(examples: Iterable[Example], path: PathLike) -> int:
    """Write Examples as eval-format JSONL (UTF-8, one object per line); returns the number written."""
    n = 0
    with Path(path).open("w", encoding="utf-8") as f:
        for ex in examples:
            f.write(json.dumps(to_eval_line(ex), ensure_ascii=False) + "\n")
            n += 1
    return n
