"""Reading articles and writing JSONL, without ever losing a bad line.

`read_articles` yields one `(where, article_or_error)` per input item: an `Article`, or a string saying why the item
could not be read (not JSON, no `text`, `text` not a string, invalid UTF-8 ...). The caller reports and counts them.

>>> import io as _io
>>> [w for w, a in read_jsonl_lines(_io.BytesIO(b'{"id": "a", "text": "x"}\\nnot json\\n'), "in.jsonl")]
['in.jsonl:1', 'in.jsonl:2']
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import IO, Iterable, Iterator, Union

from .records import Article

ArticleOrError = Union[Article, str]
_LANGS = ("ar", "en", "fr")


def article_from_obj(obj: object, fallback_id: str) -> ArticleOrError:
    """An `Article` from one decoded JSON value, or the reason it is not one."""
    if not isinstance(obj, dict):
        return f"expected a JSON object, found {type(obj).__name__}"
    if "text" not in obj:
        return "no 'text' field"
    text = obj["text"]
    if not isinstance(text, str):
        return f"'text' must be a string, found {type(text).__name__}"
    lang = obj.get("lang")
    if lang is not None and lang not in _LANGS:
        return f"'lang' must be one of {list(_LANGS)} or absent, found {lang!r}"
    ident = obj.get("id", fallback_id)
    return Article(
        id=str(ident),
        text=text,
        lang=lang,
        date=obj.get("date") if isinstance(obj.get("date"), str) else None,
        title=obj.get("title") if isinstance(obj.get("title"), str) else None,
        source=obj.get("source") if isinstance(obj.get("source"), str) else None,
    )


def read_jsonl_lines(stream: IO[bytes], name: str) -> Iterator[tuple[str, ArticleOrError]]:
    for n, raw in enumerate(stream, 1):
        where = f"{name}:{n}"
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield where, f"invalid UTF-8 ({exc.reason} at byte {exc.start})"
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield where, f"not JSON ({exc.msg} at column {exc.colno})"
            continue
        yield where, article_from_obj(obj, fallback_id=f"{Path(name).stem}:{n}")


def _read_txt(path: Path) -> tuple[str, ArticleOrError]:
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        return str(path), f"invalid UTF-8 ({exc.reason} at byte {exc.start})"
    except OSError as exc:
        return str(path), f"cannot read ({exc.strerror})"
    return str(path), Article(id=path.name, text=text)


def read_articles(inputs: Iterable[str]) -> Iterator[tuple[str, ArticleOrError]]:
    """Articles from JSONL files, `.txt` files, folders of `.txt` files, or `-` (standard input, JSONL)."""
    for inp in inputs:
        if inp == "-":
            yield from read_jsonl_lines(sys.stdin.buffer, "<stdin>")
            continue
        path = Path(inp)
        if path.is_dir():
            files = sorted(path.glob("*.txt"))
            if not files:
                yield str(path), "folder holds no .txt files"
            for f in files:
                yield _read_txt(f)
        elif not path.exists():
            yield str(path), "no such file or folder"
        elif path.suffix == ".txt":
            yield _read_txt(path)
        else:
            with path.open("rb") as f:
                yield from read_jsonl_lines(f, str(path))


def resume_output(path: Path) -> set[str]:
    """The documents an interrupted `stance analyze -o path` run finished, with the file cut back to their lines.

    `analyze` writes the lines of whole articles, a round at a time, and flushes each round; a run cut off while
    writing leaves the first lines of one more article, perhaps ending in half a line. So the file keeps every line
    but those of its last document, which is analysed again (a run that had finished loses nothing: that article
    gives the same lines). Articles that gave no line are not listed and are read again, giving nothing again. A
    file that does not look like `analyze` output (a whole line that is not a JSON object with a `doc_id`) raises
    ValueError and is left as it is, so a mistyped `-o` never cuts the wrong file. No file: nothing done yet.

    >>> import tempfile
    >>> f = Path(tempfile.mkdtemp()) / "out.jsonl"
    >>> _ = f.write_text('{"doc_id": "a"}\\n{"doc_id": "a"}\\n{"doc_id": "b"}\\n{"doc_i', encoding="utf-8")
    >>> sorted(resume_output(f)), f.read_text(encoding="utf-8")
    (['a'], '{"doc_id": "a"}\\n{"doc_id": "a"}\\n')
    """
    if not path.exists():
        return set()
    data = path.read_bytes()
    whole = data.split(b"\n")[:-1]  # (what follows the last newline is half a line, or nothing)
    ids: list[str] = []
    for n, raw in enumerate(whole, 1):
        try:
            obj = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            obj = None
        if not isinstance(obj, dict) or "doc_id" not in obj:
            raise ValueError(f"{path} line {n} is not a line of `stance analyze` output (a JSON object with a "
                             "doc_id): not resuming into it; give another -o, or remove the file to start afresh")
        ids.append(str(obj["doc_id"]))
    keep = len(ids)
    while keep and ids[keep - 1] == ids[-1]:
        keep -= 1
    with path.open("r+b") as f:
        f.truncate(sum(len(raw) + 1 for raw in whole[:keep]))
    return set(ids[:keep])


def write_jsonl(rows: Iterable[dict], out: IO[str]) -> int:
    n = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        n += 1
    return n
