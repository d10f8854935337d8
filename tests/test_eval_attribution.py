"""PolNeAR brat reading and Citron-style span scores on hand-made fixtures."""

import json
from pathlib import Path

import pytest

from eval.attribution import (
    Quote,
    load_polnear,
    parse_ann,
    quote_from_statement,
    quotes_from_analyze,
    render_markdown,
    score,
)
from stance.records import Mention, Span, Statement

ANN = "\n".join(
    [
        "T1\tSource 0 7\tHammond",
        "T2\tCue 8 12\tsaid",
        "T3\tContent 13 20;25 30\tfoo bar",
        "T4\tAttribution 8 12\tsaid",
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        "T5\tCue 40 45\tadded",
        "T6\tContent 50 60\tline one",
        "line two of the same span text",
        "T7\tContent 62 70\textra",
        "T8\tAttribution-no-source 40 45\tadded",
        "E2\tAttribution-no-source:T8 Cue:T5 Content:T6 Content2:T7",
        "#1\tAnnotatorNotes T6\tsome note",
    ]
)


def test_parse_ann_handles_fragments_extra_slots_no_source_and_multiline_text():
    assert parse_ann(ANN) == [
        Quote(cue=((8, 12),), source=((0, 7),), content=((13, 20), (25, 30)), id="E1"),
        Quote(cue=((40, 45),), source=(), content=((50, 60), (62, 70)), id="E2"),
    ]


GOLD = [
    Quote(cue=((10, 14),), source=((0, 5),), content=((15, 30),)),
    Quote(cue=((40, 44),), source=(), content=((45, 60),)),
]
PRED = [
    Quote(cue=((10, 14),), source=((0, 5),), content=((15, 25),)),  # cue, source exact; content short
    Quote(cue=((41, 44),), source=(), content=((45, 60),)),  # cue off by one; source (none) and content exact
    Quote(cue=((70, 74),), source=((65, 69),), content=((75, 80),)),  # spurious
]


def test_exact_scores_hand_computed():
    r = score({"d": GOLD}, {"d": PRED})
    assert (r["n_gold"], r["n_pred"]) == (2, 3)
    assert r["cue"]["exact"] == pytest.approx(
        {"precision": 1 / 3, "recall": 1 / 2, "f1": 0.4, "tp": 1, "fp": 2, "fn": 1}
    )
    assert r["source"]["exact"]["precision"] == pytest.approx(2 / 3) and r["source"]["exact"]["recall"] == 1.0
    assert r["content"]["exact"]["precision"] == pytest.approx(1 / 3)
    assert r["content"]["exact"]["recall"] == pytest.approx(1 / 2)
    assert r["quote"]["exact"]["f1"] == 0.0


def test_overlap_scores_in_characters_hand_computed():
    r = score({"d": GOLD}, {"d": PRED})  # no texts: characters are the unit
    assert r["cue"]["overlap"]["precision"] == pytest.approx(7 / 11)
    assert r["cue"]["overlap"]["recall"] == pytest.approx(7 / 8)
    assert r["source"]["overlap"]["precision"] == pytest.approx(5 / 9)
    assert r["source"]["overlap"]["recall"] == 1.0
    assert r["content"]["overlap"]["precision"] == pytest.approx(25 / 30)
    assert r["quote"]["overlap"]["precision"] == pytest.approx(37 / 50)
    assert r["quote"]["overlap"]["recall"] == pytest.approx(37 / 43)


def test_overlap_counts_tokens_when_text_is_given():
    text = "Hammond said Russia was bombing the opposition."
    gold = [Quote(cue=((8, 12),), source=((0, 7),), content=((13, 46),))]
    pred = [Quote(cue=((8, 12),), source=((0, 7),), content=((13, 19),))]
    r = score({"d": gold}, {"d": pred}, {"d": text})
    assert r["content"]["overlap"]["precision"] == 1.0
    assert r["content"]["overlap"]["recall"] == pytest.approx(1 / 5)  # Russia of 5 tokens
    assert r["content"]["exact"]["f1"] == 0.0


def test_document_without_predictions_and_empty_gold():
    r = score({"d": GOLD}, {})
    assert r["cue"]["exact"]["recall"] == 0.0 and r["cue"]["exact"]["fn"] == 2
    with pytest.raises(ValueError, match="no gold"):
        score({}, {"d": PRED})
    assert "| cue |" in render_markdown(r)


def test_quotes_from_statements_and_analyze_lines():
    text = "Hammond said Russia was bombing the opposition. He added more."
    hammond = Mention(Span(0, 7, "Hammond"))
    st = Statement("d", "d:1", hammond, Span(8, 12, "said"), Span(13, 46, text[13:46]))
    resolved = Statement(
        "d", "d:2", Mention(Span(0, 7, "Hammond"), resolved=True), Span(51, 56, "added"), Span(57, 61, "more")
    )
    assert quote_from_statement(st) == Quote(((8, 12),), ((0, 7),), ((13, 46),), "d:1")
    assert quote_from_statement(resolved).source == ()
    lines = [
        json.dumps(
            {
                "doc_id": "d",
                "statement_id": "d:1",
                "speaker": {"start": 0, "end": 7},
                "cue": {"start": 8, "end": 12},
                "content": {"start": 13, "end": 46},
                "target": {},
            }
        ),
        json.dumps(
            {
                "doc_id": "d",
                "statement_id": "d:1",
                "speaker": {"start": 0, "end": 7},
                "cue": {"start": 8, "end": 12},
                "content": {"start": 13, "end": 46},
                "target": {},
            }
        ),
    ]
    assert quotes_from_analyze(lines) == {"d": [Quote(((8, 12),), ((0, 7),), ((13, 46),), "d:1")]}


def test_load_polnear_keeps_one_annotation_per_article(tmp_path: Path):
    base = tmp_path / "polnear" / "data" / "test"
    (base / "attributions").mkdir(parents=True)
    (base / "text").mkdir()
    (base / "text" / "nyt_a.txt").write_text("x" * 80, encoding="utf-8")
    (base / "attributions" / "nyt_a_ef2d.ann").write_text(
        "T1\tCue 0 1\tx\nT2\tAttribution 0 1\tx\nE1\tAttribution:T2 Cue:T1", encoding="utf-8"
    )
    (base / "attributions" / "nyt_a_4b22.ann").write_text(ANN, encoding="utf-8")
    (docs,) = load_polnear("test", tmp_path)
    assert docs.id == "nyt_a" and docs.annotator == "4b22" and len(docs.quotes) == 2
    with pytest.raises(FileNotFoundError, match="STANCE_DATA"):
        load_polnear("test", tmp_path / "nowhere")
    with pytest.raises(ValueError, match="split"):
        load_polnear("valid", tmp_path)


def test_real_polnear_dev_gold_scores_itself():
    try:
        docs = load_polnear("dev")
    except FileNotFoundError as exc:
        pytest.skip(str(exc))
    assert len(docs) == 84
    gold = {d.id: d.quotes for d in docs}
    r = score(gold, gold, {d.id: d.text for d in docs})
    assert r["source"]["overlap"]["f1"] == 1.0 and r["content"]["overlap"]["f1"] == 1.0
    assert r["cue"]["exact"]["f1"] > 0.99  # a gold quote without a cue can never match


def test_cli_attribution_writes_articles_then_scores(tmp_path: Path):
    import typer
    from typer.testing import CliRunner

    from eval.cli import register

    base = tmp_path / "polnear" / "data" / "dev"
    (base / "attributions").mkdir(parents=True)
    (base / "text").mkdir()
    text = "Hammond said Russia was bombing the opposition."
    (base / "text" / "nyt_a.txt").write_text(text, encoding="utf-8")
    (base / "attributions" / "nyt_a_4b22.ann").write_text(
        "T1\tSource 0 7\tHammond\nT2\tCue 8 12\tsaid\nT3\tContent 13 46\tx\nT4\tAttribution 8 12\tsaid\n"
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        encoding="utf-8",
    )
    app = typer.Typer()
    register(app)
    arts = tmp_path / "articles.jsonl"
    res = CliRunner().invoke(
        app, ["eval-attribution", "--split", "dev", "--data", str(tmp_path), "--write-articles", str(arts)]
    )
    assert res.exit_code == 0, res.output
    assert json.loads(arts.read_text(encoding="utf-8"))["text"] == text
    pred = tmp_path / "analyze.jsonl"
    pred.write_text(
        json.dumps(
            {
                "doc_id": "nyt_a",
                "statement_id": "nyt_a:1",
                "speaker": {"start": 0, "end": 7},
                "cue": {"start": 8, "end": 12},
                "content": {"start": 13, "end": 19},
                "target": {"start": 13, "end": 19},
            }
        )
        + "\n",
        encoding="utf-8",
    )
    res = CliRunner().invoke(app, ["eval-attribution", str(pred), "--split", "dev", "--data", str(tmp_path)])
    assert res.exit_code == 0, res.output
    assert "| cue | 100.0 | 100.0 | 100.0 |" in res.output
    assert "| content | 0.0 | 0.0 | 0.0 | 100.0 | 20.0 | 33.3 |" in res.output
