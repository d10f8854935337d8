"""`stance analyze` as a user runs it: a batch with broken lines, and articles scored in rounds."""
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stance.cli import app
from stance.records import Article

GOOD = [
    {"id": "ar1", "text": "وقال وزير الخارجية البريطاني فيليب هاموند إن روسيا تقصف المعارضة السورية.", "lang": "ar"},
    {"id": "ar2", "text": "وندد الرئيس الفلسطيني محمود عباس بالعدوان الإسرائيلي على غزة.", "lang": "ar"},
    {"id": "en1", "text": "Hammond said Russia was bombing the Syrian opposition.", "lang": "en"},
    {"id": "fr1", "text": "Le ministre Sergueï Lavrov a dénoncé les frappes américaines en Syrie.", "lang": "fr"},
]


def _write_batch(path: Path) -> None:
    lines = [b"not json", b'{"id": "a"}', b'{"id": "b", "text": 5}', b'{"id": "c", "text": ""}', b"\xff\xfe broken"]
    lines[1:1] = [json.dumps(GOOD[0], ensure_ascii=False).encode()]
    lines += [json.dumps(g, ensure_ascii=False).encode() for g in GOOD[1:]]
    path.write_bytes(b"\n".join(lines) + b"\n")


def test_a_bad_batch_reports_each_broken_line_and_loses_nothing(tmp_path):
    src, out = tmp_path / "batch.jsonl", tmp_path / "out.jsonl"
    _write_batch(src)
    res = CliRunner().invoke(app, ["analyze", str(src), "-o", str(out)])
    assert res.exit_code == 3, res.output
    err = {line.split(": skipped: ")[0]: line.split(": skipped: ")[1] for line in res.stderr.splitlines()
           if ": skipped: " in line}
    assert sorted(err) == [f"{src}:{n}" for n in (1, 3, 4, 6)]  # line numbers of the input, each with its reason
    assert err[f"{src}:1"].startswith("not JSON") and err[f"{src}:6"].startswith("invalid UTF-8")
    assert "text" in err[f"{src}:3"] and "text" in err[f"{src}:4"]
    assert "articles read 9 / analysed 5 / failed 4" in res.stderr  # the empty text is analysed: nothing, no error
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert {d["doc_id"] for d in lines} == {"ar1", "ar2", "en1", "fr1"}
    order = [g["id"] for g in GOOD]
    assert [d["doc_id"] for d in lines] == sorted((d["doc_id"] for d in lines), key=order.index)  # input order


def test_rounds_score_as_one_article_at_a_time(tmp_path):
    """Articles scored together in a round get the labels they get alone, in input order."""
    from stance.pipeline import Pipeline

    nlp = Pipeline.load()
    arts = [Article(g["id"], g["text"], g["lang"]) for g in GOOD]
    sts = [nlp.statements(a) for a in arts]
    together = nlp.score_many(list(zip(arts, sts)))
    for a, s, (kept, dropped) in zip(arts, sts, together):
        alone_kept, alone_dropped = nlp.score_all(a, s)
        assert [(p.statement.id, p.target.start, p.stance) for p in kept] == \
            [(p.statement.id, p.target.start, p.stance) for p in alone_kept]
        assert len(dropped) == len(alone_dropped)
        for p, q in zip(kept, alone_kept):
            assert p.scores == pytest.approx(q.scores, abs=1e-3)  # (padding in a bigger batch: float noise only)


def test_a_failure_while_scoring_a_round_stops_only_its_article(tmp_path, monkeypatch):
    from stance.pipeline import Pipeline

    score_many = Pipeline.score_many

    def many(self, batch, batch_size=32, tag=True):  # the model fails on one article, so on every round holding it
        if any(article.id == "ar2" for article, _ in batch):
            raise RuntimeError("this article breaks the model")
        return score_many(self, batch, batch_size, tag)

    monkeypatch.setattr(Pipeline, "score_many", many)
    src, out = tmp_path / "good.jsonl", tmp_path / "out.jsonl"
    src.write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in GOOD), encoding="utf-8")
    res = CliRunner().invoke(app, ["analyze", str(src), "-o", str(out)])
    assert res.exit_code == 3, res.output
    assert f"{src}:2: failed: RuntimeError: this article breaks the model" in res.stderr
    docs = {json.loads(x)["doc_id"] for x in out.read_text(encoding="utf-8").splitlines()}
    assert docs == {"ar1", "en1", "fr1"}


@pytest.mark.parametrize("command", ["analyze", "classify"])
def test_a_device_torch_cannot_use_is_a_clear_error(tmp_path, command):
    import torch

    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(GOOD[2]) + "\n", encoding="utf-8")
    res = CliRunner().invoke(app, [command, str(src), "--device", "tpu"])
    assert res.exit_code == 2 and "not one stance runs on" in res.stderr and "Traceback" not in res.output
    res = CliRunner().invoke(app, [command, str(src), "--device", "mps"])
    assert res.exit_code == 2 and "not one stance runs on" in res.stderr
    if not torch.cuda.is_available():
        res = CliRunner().invoke(app, [command, str(src), "--device", "cuda"])
        assert res.exit_code == 2 and "sees no CUDA GPU" in res.stderr


@pytest.mark.skipif(__import__("torch").cuda.is_available(), reason="compares auto with the CPU: here auto is a GPU")
def test_analyze_on_device_auto_gives_the_cpu_output(tmp_path):
    """`--device auto` on a machine without a GPU is the CPU: the same lines as the default."""
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(g, ensure_ascii=False) for g in GOOD[:2]) + "\n", encoding="utf-8")
    outs = []
    for extra in ([], ["--device", "auto"]):
        out = tmp_path / f"out{len(outs)}.jsonl"
        res = CliRunner().invoke(app, ["analyze", str(src), "-o", str(out), *extra])
        assert res.exit_code == 0, res.output
        outs.append([json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()])
    assert outs[0] and [(d["speaker"]["text"], d["target"]["text"], d["stance"]) for d in outs[0]] == \
        [(d["speaker"]["text"], d["target"]["text"], d["stance"]) for d in outs[1]]


@pytest.mark.parametrize("command", ["analyze", "classify"])
def test_a_precision_stance_does_not_read_in_is_a_clear_error(tmp_path, command):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(GOOD[2]) + "\n", encoding="utf-8")
    res = CliRunner().invoke(app, [command, str(src), "--precision", "fp16"])
    assert res.exit_code == 2 and "precision 'fp16' is not one stance reads in: use fp32, bf16 or auto" in res.stderr
    if command == "analyze":  # no network loaded: still an error
        res = CliRunner().invoke(app, [command, str(src), "--statements-only", "--precision", "fp16"])
        assert res.exit_code == 2 and "precision 'fp16' is not one stance reads in" in res.stderr


def test_bfloat16_gives_the_float32_labels_on_real_sentences():
    """The three networks read in bfloat16 (`--precision bf16`): the same statements, targets and labels as in
    float32 on the real sentences of the three languages, scores within a few hundredths; and not the very same
    scores, so the bfloat16 path did run."""
    from stance.pipeline import Pipeline

    arts = [Article(g["id"], g["text"], g["lang"]) for g in GOOD]
    runs, readings = [], []
    sentence = (GOOD[0]["text"], (5, 41))  # the speaker marked, as the target tagger reads a statement
    for precision in ("fp32", "bf16"):
        nlp = Pipeline.load(precision=precision)
        assert {m.precision for m in (nlp.classifier, nlp.target_tagger, nlp.speaker_tagger)} == {precision}
        runs.append([p for kept, _ in nlp.score_many([(a, nlp.statements(a)) for a in arts]) for p in kept])
        readings.append([r.tags for r in (nlp.target_tagger.read([sentence])[0],
                                          nlp.speaker_tagger.read([(sentence[0], None)])[0])])
    for full_tags, half_tags in zip(*readings):  # each tagger read in bfloat16 too: close, not the same
        gaps = [abs(a - b) for x, y in zip(full_tags, half_tags) for a, b in zip(x, y)]
        assert 0 < max(gaps) < 0.05
    full, half = runs
    assert len(full) >= 4
    assert [(p.statement.id, p.target.start, p.stance) for p in half] == \
        [(p.statement.id, p.target.start, p.stance) for p in full]
    gaps = [abs(p.scores[k] - q.scores[k]) for p, q in zip(full, half) for k in p.scores]
    assert max(gaps) < 0.05 and max(gaps) > 0
    assert {p.model for p in half} == {full[0].model + ", read in bf16"} and "bf16" not in full[0].model


def test_a_target_after_the_preposition_lam_is_the_whole_word_and_one_node_with_its_article(tmp_path):
    """"للجيش" is ل + the article without its alef: the rules look the name up from the article's ل, and the output
    writes the whole word (the span the target tagger would give), so the network reads it as "الجيش" (a و before
    it, or a name that merely starts with ل: `stance.normalize.elided_article_start`)."""
    arts = [{"id": "a", "lang": "ar", "text": "وقال المصدر ان مسلحين هاجموا دورية تابعة للجيش وان الحكومة ستدفع "
                                              "تعويضات للشرطة وللأمم المتحدة."},
            {"id": "b", "lang": "ar", "text": "وقال المصدر ان مسلحين هاجموا الجيش في المدينة."}]
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in arts), encoding="utf-8")
    res = CliRunner().invoke(app, ["analyze", str(src), "-o", str(out)])
    assert res.exit_code == 0, res.output
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    texts = {a["id"]: a["text"] for a in arts}
    for d in lines:
        tg = d["target"]
        assert texts[d["doc_id"]][tg["start"] : tg["end"]] == tg["text"]
    written = {d["target"]["text"] for d in lines if d["doc_id"] == "a"}
    assert {"للجيش", "للشرطة", "للأمم المتحدة"} <= written and not {"لجيش", "لشرطة", "لأمم المتحدة"} & written
    un = next(d for d in lines if d["target"]["text"] == "للأمم المتحدة")["target"]
    assert un["actor_id"] == "united_nations"
    only = tmp_path / "statements.jsonl"  # statement lines list their candidate targets the same way
    assert CliRunner().invoke(app, ["analyze", str(src), "--statements-only", "-o", str(only)]).exit_code == 0
    listed = {t["text"] for x in only.read_text(encoding="utf-8").splitlines() for t in json.loads(x)["targets"]}
    assert "للجيش" in listed and "لجيش" not in listed
    res = CliRunner().invoke(app, ["portrayals", str(out), "--format", "json"])
    assert res.exit_code == 0, res.output
    army = [e for e in json.loads(res.stdout) if e["target"] == "الجيش"]
    assert len(army) == 1 and army[0]["total"] == 2 and len(army[0]["evidence"]) == 2, army


def test_resume_goes_on_after_a_run_cut_off_mid_line_and_gives_the_uninterrupted_output(tmp_path):
    src, full, cut = tmp_path / "batch.jsonl", tmp_path / "full.jsonl", tmp_path / "cut.jsonl"
    _write_batch(src)
    assert CliRunner().invoke(app, ["analyze", str(src), "-o", str(full)]).exit_code == 3  # (the broken lines)
    lines = full.read_text(encoding="utf-8").splitlines(keepends=True)
    first = [x for x in lines if json.loads(x)["doc_id"] in ("ar1", "ar2")]
    assert {json.loads(x)["doc_id"] for x in first} == {"ar1", "ar2"} and len(first) < len(lines)
    # the run died while writing the third article's first line: the last whole article (ar2) may have been cut
    # off too, so only ar1 is kept
    cut.write_text("".join(first) + lines[len(first)][:25], encoding="utf-8")
    res = CliRunner().invoke(app, ["analyze", str(src), "-o", str(cut), "--resume"])
    assert res.exit_code == 3, res.output  # the broken input lines are reported again
    assert "resumed: 1 of the articles analysed" in res.stderr
    assert "articles read 9 / analysed 5 / failed 4" in res.stderr
    assert cut.read_text(encoding="utf-8") == full.read_text(encoding="utf-8")
    # resuming a finished run changes nothing (its last article is analysed again, to the same lines)
    assert CliRunner().invoke(app, ["analyze", str(src), "-o", str(cut), "--resume"]).exit_code == 3
    assert cut.read_text(encoding="utf-8") == full.read_text(encoding="utf-8")


def test_resume_refuses_stdout_and_a_file_that_is_not_analyze_output(tmp_path):
    src = tmp_path / "batch.jsonl"
    src.write_text(json.dumps(GOOD[0], ensure_ascii=False) + "\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["analyze", str(src), "--resume"])
    assert res.exit_code == 2 and "--resume needs -o" in res.stderr
    before = src.read_bytes()
    res = CliRunner().invoke(app, ["analyze", str(src), "-o", str(src), "--resume"])  # the input given as -o
    assert res.exit_code == 2 and "line 1 is not a line of `stance analyze` output" in res.stderr
    assert src.read_bytes() == before
