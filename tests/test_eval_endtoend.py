"""End-to-end triple scoring on hand-made fixtures."""

import json
from dataclasses import replace
from pathlib import Path

import pytest

from eval.endtoend import (
    Triple,
    evaluate_files,
    evaluate_lines,
    gold_articles,
    gold_from_seed,
    load_gold,
    score_triples,
    speakers_match,
    triples_from_analyze,
)

TEXT = (
    "Hammond said Russia was bombing the opposition. Later Hammond spoke again. "
    "He added that Britain backs the rebels."
)


def span(s: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(s, start + 1)
    return (start, start + len(s))


GOLD_DOC = {
    "id": "d1",
    "text": TEXT,
    "statements": [
        {
            "speaker": "Hammond",
            "speaker_start": 0,
            "targets": [
                {"target": "Russia", "target_start": span("Russia")[0], "stance": "criticism"},
                {"target": "the opposition", "target_start": span("the opposition")[0], "stance": "support"},
            ],
        },
        {
            "speaker": "Hammond",
            "speaker_start": 0,
            "speaker_resolved_from": "He",
            "targets": [
                {"target": "Britain", "target_start": span("Britain")[0], "stance": "support"},
                {"target": "the rebels", "target_start": span("the rebels")[0], "stance": "support"},
            ],
        },
    ],
}


def line(doc, sp, tg, stance, resolved=False, sp_text=None):
    speaker = None if sp is None else {"start": sp[0], "end": sp[1], "text": sp_text or TEXT[sp[0] : sp[1]]}
    if resolved:
        speaker["resolved"] = True
    return json.dumps(
        {"doc_id": doc, "speaker": speaker, "target": {"start": tg[0], "end": tg[1]}, "stance": stance}
    )


PRED_LINES = [
    line("d1", span("Hammond"), span("Russia"), "criticism"),  # strict match
    line("d1", span("Hammond"), span("opposition"), "criticism"),  # target overlaps, stance wrong
    line("d1", span("He"), span("Britain"), "support"),  # pronoun span, not resolved: no match
    line("d1", span("Hammond", 1), span("the rebels"), "support", resolved=True),  # other mention, same name
    line("d1", span("Hammond"), span("Russia"), "criticism"),  # duplicate: a false positive
    line("other", span("Hammond"), span("Russia"), "criticism"),  # no gold for this document
]


def test_hand_computed_triple_scores():
    r = score_triples({"d1": gold_from_seed(GOLD_DOC)}, triples_from_analyze(PRED_LINES))
    assert r["n_gold"] == 4 and r["n_pred"] == 5
    assert r["with_stance"] == pytest.approx(
        {"precision": 2 / 5, "recall": 2 / 4, "f1": 4 / 9, "tp": 2, "fp": 3, "fn": 2}
    )
    assert r["without_stance"]["tp"] == 3
    assert r["without_stance"]["f1"] == pytest.approx(2 * 0.6 * 0.75 / 1.35)
    assert r["stance_accuracy_on_matched"] == pytest.approx(2 / 3)
    # the three pairs matched without stance: Russia right, the opposition (gold support) read as criticism, the rebels
    assert r["stance_confusion_on_matched"] == {"criticism": {"criticism": 1}, "support": {"criticism": 1, "support": 1}}
    assert r["docs_without_gold"] == ["other"]
    from eval.report import e2e_markdown

    md = e2e_markdown(r)  # the report shows the same counts, gold rows by predicted columns
    table = md[md.index("| gold \\ predicted"):].splitlines()
    assert table == ["| gold \\ predicted | support | criticism |", "|---|---|---|", "| support | 1 | 1 |",
                     "| criticism | 0 | 1 |"]


def test_resolved_name_match_only_for_resolved_gold():
    g = Triple("d", (0, 7), "Hammond", (13, 19), "Russia", "neutral", resolved=False)
    p = Triple("d", (55, 62), "Hammond", (13, 19), "Russia", "neutral")
    assert not speakers_match(g, p)
    assert speakers_match(replace(g, resolved=True), p)


def test_author_speaker_matches_only_author():
    g = Triple("d", None, None, (13, 19), "Russia", "criticism")
    assert speakers_match(g, Triple("d", None, None, (13, 19), "Russia", "support"))
    assert not speakers_match(g, Triple("d", (0, 7), "Hammond", (13, 19), "Russia", "criticism"))


def test_missing_document_counts_all_gold_as_misses():
    r = score_triples({"d1": gold_from_seed(GOLD_DOC)}, {})
    assert r["with_stance"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0, "fp": 0, "fn": 4}


def test_bad_gold_offset_is_a_clear_error():
    bad = json.loads(json.dumps(GOLD_DOC))
    bad["statements"][0]["targets"][0]["target_start"] += 1
    with pytest.raises(ValueError, match="fix the offset"):
        gold_from_seed(bad)


def test_bad_analyze_line_is_a_clear_error():
    with pytest.raises(ValueError, match="line 1 lacks"):
        triples_from_analyze([json.dumps({"doc_id": "d", "stance": "support"})])


def test_files_single_document_pairs_by_position(tmp_path: Path):
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps(GOLD_DOC), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text("\n".join(PRED_LINES[:1]).replace('"d1"', '"d1_article.txt"') + "\n", encoding="utf-8")
    r = evaluate_files(gold, out)
    assert r["with_stance"]["tp"] == 1 and r["with_stance"]["precision"] == 1.0


def test_seed_gold_reads_with_resolved_speakers():
    path = Path(__file__).resolve().parents[2] / "shared" / "seed" / "seed_gold.json"
    if not path.exists():
        pytest.skip(f"shared seed not found at {path}")
    gold = load_gold(path)
    ((doc, triples),) = gold.items()
    assert doc == "000_96083f8a8e168996"
    assert len(triples) == 43
    assert sum(t.resolved for t in triples) == 7


def test_folder_of_gold_documents_scores_per_language(tmp_path: Path):
    fr = {
        "id": "f1",
        "lang": "fr",
        "text": "Macron a critiqué Poutine.",
        "statements": [
            {
                "speaker": "Macron",
                "speaker_start": 0,
                "targets": [{"target": "Poutine", "target_start": 18, "stance": "criticism"}],
            }
        ],
    }
    en = dict(GOLD_DOC, lang="en")
    (tmp_path / "fr").mkdir()
    (tmp_path / "fr" / "f1.json").write_text(json.dumps(fr), encoding="utf-8")
    (tmp_path / "d1.json").write_text(json.dumps(en), encoding="utf-8")
    assert [a["id"] for a in gold_articles(tmp_path)] == ["d1", "f1"]
    lines = PRED_LINES + [
        line("f1", (0, 6), (18, 25), "criticism", sp_text="Macron"),
        json.dumps({"doc_id": "f1", "statement_id": "f1:2", "speaker": None, "target": None, "stance": None}),
    ]
    r = evaluate_lines(tmp_path, lines)
    assert r["n_docs"] == 2 and r["n_gold"] == 5 and r["n_pred"] == 6
    assert r["per_lang"]["fr"]["with_stance"]["f1"] == 1.0
    assert r["per_lang"]["fr"]["f1_interval"]["with_stance"] == [1.0, 1.0]  # its one document, every resample
    lo, hi = r["f1_interval"]["with_stance"]
    assert lo <= r["with_stance"]["f1"] <= hi and lo < hi  # two documents that score differently
    assert r["per_lang"]["fr"]["stance_confusion_on_matched"] == {"criticism": {"criticism": 1}}
    assert r["per_lang"]["en"]["with_stance"]["tp"] == 2
    assert r["with_stance"]["tp"] == 3


def test_cli_e2e_command(tmp_path: Path):
    import typer
    from typer.testing import CliRunner

    from eval.cli import register

    app = typer.Typer()
    register(app)
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps(GOLD_DOC), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text("\n".join(PRED_LINES) + "\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["eval-e2e", str(gold), str(out), "-o", str(tmp_path / "s.json")])
    assert res.exit_code == 0, res.output
    assert "with_stance: P 0.400 R 0.500 F1 0.444 [0.444, 0.444]" in res.output  # one document: no spread
    assert json.loads((tmp_path / "s.json").read_text())["without_stance"]["tp"] == 3
    res = CliRunner().invoke(app, ["eval-e2e", str(tmp_path / "missing.json"), str(out)])
    assert res.exit_code == 2 and "not found" in res.output


def test_cli_e2e_writes_the_gold_articles(tmp_path: Path):
    import typer
    from typer.testing import CliRunner

    from eval.cli import register

    app = typer.Typer()
    register(app)
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps(dict(GOLD_DOC, lang="en")), encoding="utf-8")
    arts = tmp_path / "a.jsonl"
    res = CliRunner().invoke(app, ["eval-e2e", str(gold), "--write-articles", str(arts)])
    assert res.exit_code == 0, res.output
    assert json.loads(arts.read_text(encoding="utf-8")) == {"id": "d1", "text": TEXT, "lang": "en"}


def test_labelled_statements_become_gold_documents(tmp_path: Path):
    """eval.sentences: one gold document per annotated text, pairs grouped by speaker, spans kept exactly."""
    from eval.endtoend import load_gold
    from eval.sentences import gold_documents, write_jsonl

    text = "Hammond said Russia was bombing the opposition. He praised the rebels."
    line = {"text": text, "lang": "en", "cue": {"start": 8, "end": 12, "text": "said"}, "confidence": "high",
            "source": {"dataset": "polnear/data/train/text/a.txt", "id": "a.txt"}, "annotator": "t"}
    rows = [
        {**line, "id": "a:0", "speaker": {"start": 0, "end": 7, "text": "Hammond"},
         "target": {"start": 13, "end": 19, "text": "Russia"}, "stance": "criticism"},
        {**line, "id": "a:1", "speaker": {"start": 0, "end": 7, "text": "Hammond"},
         "target": {"start": 36, "end": 46, "text": "opposition"}, "stance": "support"},
    ]
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "x.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    docs = gold_documents("en", None, root=str(tmp_path))
    assert len(docs) == 1 and docs[0]["text"] == text and len(docs[0]["statements"]) == 1
    assert [t["stance"] for t in docs[0]["statements"][0]["targets"]] == ["criticism", "support"]
    path = tmp_path / "gold.jsonl"
    assert write_jsonl(docs, path) == 1
    (triples,) = load_gold(path).values()
    assert {(t.speaker_text, t.target_text, t.stance) for t in triples} == {
        ("Hammond", "Russia", "criticism"), ("Hammond", "opposition", "support")}


def test_exhaustive_gold_keeps_only_the_exhaustive_files(tmp_path: Path):
    from eval.sentences import EXHAUSTIVE_FILES, gold_documents

    def row(i, text):
        return {"id": f"{i}:0", "text": text, "lang": "en", "speaker": {"start": 0, "end": 7, "text": text[:7]},
                "target": {"start": 13, "end": 19, "text": text[13:19]}, "stance": "criticism",
                "source": {"dataset": "polnear/data/train/text/a.txt", "id": f"a{i}.txt"}, "annotator": "t"}

    (tmp_path / "en").mkdir()
    (tmp_path / "en" / EXHAUSTIVE_FILES[0]).write_text(
        json.dumps(row(1, "Hammond said Russia was bombing.")) + "\n", encoding="utf-8")
    (tmp_path / "en" / "other.jsonl").write_text(json.dumps(row(2, "Kerryyy said Russia was wrong.")) + "\n",
                                                  encoding="utf-8")
    assert len(gold_documents("en", None, root=str(tmp_path))) == 2
    (doc,) = gold_documents("en", None, root=str(tmp_path), exhaustive_only=True)
    assert doc["text"] == "Hammond said Russia was bombing."


def test_paired_bootstrap_over_documents(tmp_path):
    """eval.paired: B better on every document gives a positive interval; the same system against itself gives 0
    and no resample where it is better; a file that is no eval-e2e output is refused with what to pass."""
    import json

    import pytest

    from eval.paired import main, paired_bootstrap

    a = {f"d{i}": {"n_gold": 4, "n_pred": 4, "tp": 1, "tp_without_stance": 2} for i in range(20)}
    b = {f"d{i}": {"n_gold": 4, "n_pred": 4, "tp": 2, "tp_without_stance": 2} for i in range(20)}
    r = paired_bootstrap(a, b, n_resamples=200)
    assert r["with_stance"]["difference"] == 0.25 and r["with_stance"]["interval"][0] > 0
    assert r["with_stance"]["share_not_better"] == 0.0
    assert r["without_stance"]["difference"] == 0.0 and r["without_stance"]["share_not_better"] == 1.0
    bad = tmp_path / "x.json"
    bad.write_text(json.dumps({"with_stance": {}}), encoding="utf-8")
    with pytest.raises(SystemExit, match="eval-e2e"):
        main([str(bad), str(bad)])


def test_f1_interval_over_documents():
    """eval.paired.f1_interval: the interval holds the F1 of the whole set, narrows as the same kind of documents
    grow in number, is the same for the same seed, and is None for no documents; the e2e report prints it."""
    from eval.paired import f1_interval
    from eval.report import e2e_markdown

    def table(n):  # half the documents right on both pairs, half on neither: F1 0.5 with stance
        return {f"d{i}": {"n_gold": 2, "n_pred": 2, "tp": 2 * (i % 2), "tp_without_stance": 2} for i in range(n)}

    small, large = f1_interval(table(10)), f1_interval(table(200))
    assert small["with_stance"][0] < 0.5 < small["with_stance"][1]
    assert large["with_stance"][1] - large["with_stance"][0] < small["with_stance"][1] - small["with_stance"][0]
    assert large["without_stance"] == [1.0, 1.0]
    assert f1_interval(table(10), seed=3) == f1_interval(table(10), seed=3) != f1_interval(table(10), seed=4)
    assert f1_interval({})["with_stance"] is None
    r = score_triples({"d": [Triple("d", (0, 7), "Hammond", (13, 19), "Russia", "criticism")]},
                      {"d": [Triple("d", (0, 7), "Hammond", (13, 19), "Russia", "criticism")]})
    assert "| all | 1 | 1 | 1.000 | 1.000 | 1.000 [1.000, 1.000] |" in e2e_markdown(r)
