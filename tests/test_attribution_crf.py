"""The learned English attribution extractor (`stance.attribution_crf`): the shipped model on real-style
sentences, a tiny CRF trained for real, span conventions, and (with the shared data) PolNeAR."""

import os
from pathlib import Path

import pytest

pycrfsuite = pytest.importorskip("pycrfsuite", reason="python-crfsuite is not installed (pip install python-crfsuite)")

from eval.attribution import Quote
from stance.attribution_crf import (
    char_span,
    decode,
    extract_statements_crf,
    gold_tags,
    load_tagger,
    model_path,
    train,
    units,
)
from stance.records import Actor, Article, Mention, Span

DATA = Path(os.environ.get("STANCE_DATA", Path(__file__).resolve().parent.parent.parent / "shared" / "data"))


def need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent: this test reads PolNeAR from the shared data (set STANCE_DATA to its folder)")
    return path


def _statements(text, mentions=(), **kw):
    sts = extract_statements_crf(Article("d", text, "en"), list(mentions), **kw)
    for st in sts:  # every span indexes the article text exactly
        for span in (st.cue, st.content, st.context, st.speaker.span if st.speaker else None):
            if span is not None:
                assert text[span.start : span.end] == span.text
    return sts


# --------------------------------------------------------------------------- the shipped model


def test_shipped_model_loads():
    path = model_path()
    assert path.is_file(), f"{path} is missing: run tools/train_attribution.py"
    assert path.stat().st_size < 15_000_000
    tagger = load_tagger()
    assert {"B-CUE", "B-SOURCE", "B-CONTENT", "O"} <= set(tagger.labels())


def test_subject_verb_statement():
    text = "Hammond said Russia was bombing the opposition."
    hammond = Actor("GBRGOV_HAMMOND", "Philip Hammond", "person", "GBR")
    [st] = _statements(text, [Mention(Span(0, 7, "Hammond"), hammond), Mention(Span(13, 19, "Russia"))])
    assert (st.speaker.start, st.speaker.end) == (0, 7)
    assert st.speaker.actor == hammond  # the dictionary mention's actor is kept
    assert (st.cue.start, st.cue.end) == (8, 12) and st.cue.text == "said"
    assert st.content.text == "Russia was bombing the opposition"
    assert st.lang == "en" and st.cue_kind == "report" and st.context.text == text


def test_quotation_before_inverted_cue():
    text = '"We will not stop," the minister told reporters.'
    [st] = _statements(text)
    assert st.cue.text == "told" and (st.cue.start, st.cue.end) == (text.index("told"), text.index("told") + 4)
    assert st.speaker.text == "the minister"
    assert st.content.text == '"We will not stop,"'  # PolNeAR keeps the quotation marks of a quoted content


def test_pronoun_source_resolved_to_previous_speaker():
    text = "Hammond said Russia was bombing the opposition. He added that the strikes had to stop."
    sts = _statements(text)
    assert [s.cue.text for s in sts] == ["said", "added"]
    second = sts[1]
    assert second.speaker.text == "Hammond" and second.speaker.resolved
    assert second.content.text == "that the strikes had to stop"  # PolNeAR keeps the complementiser
    kept = _statements(text, resolve_pronouns=False)[1]
    assert kept.speaker.text == "He" and not kept.speaker.resolved


def test_a_source_never_runs_over_a_sentence_end():
    """A real English sentence pair (labelled train sentences): the CRF tags "Ayotte campaign manager Jon Kohan.
    Ayotte" as one source over the sentence end; cut there, each cue has its own speaker (and "Called on" is no
    author's statement). A title's period ("Mr. Bush") is no sentence end."""
    text = ('"Out of an abundance of caution, the campaign has refunded the contributions in question," said Ayotte '
            'campaign manager Jon Kohan. Ayotte called on others who received money from the same donors to return '
            'that money as well.')
    got = [(st.speaker.text if st.speaker else None, st.cue.text) for st in _statements(text)]
    assert got == [("Ayotte campaign manager Jon Kohan", "said"), ("Ayotte", "called on")], got
    [st] = _statements("Mr. Bush said the plan would fail.")
    assert st.speaker.text == "Mr. Bush"
    text = '"We will not stop," said campaign manager Tom Rice. Obama called on donors to give.'
    got = [(st.speaker.text if st.speaker else None, st.cue.text) for st in _statements(text)]
    assert ("campaign manager Tom Rice", "said") in got and all("Obama" not in (s or "") for s, c in got if c == "said")


def test_no_statement_without_a_cue_and_empty_text():
    assert _statements("The weather in London was mild on Tuesday.") == []
    assert _statements("   ") == []


# --------------------------------------------------------------------------- a tiny CRF trained for real


def _quote(text, source, cue, content):
    def at(s):
        i = text.index(s)
        return ((i, i + len(s)),)

    return Quote(at(cue), at(source) if source else (), at(content))


TRAIN = [
    ("Smith said the plan would fail.", "Smith", "said", "the plan would fail"),
    ("Jones said the vote was rigged.", "Jones", "said", "the vote was rigged"),
    ("Brown told reporters the talks had collapsed.", "Brown", "told", "the talks had collapsed"),
    ('"The deal is dead," Green said.', "Green", "said", '"The deal is dead,"'),
    ('"Prices will rise," White warned.', "White", "warned", '"Prices will rise,"'),
    ("Black argued the law was unfair.", "Black", "argued", "the law was unfair"),
    ("The sun rose over the hills.", None, None, None),
    ("Taxes went up again in March.", None, None, None),
]


def test_tiny_crf_trains_and_recovers_a_training_sentence(tmp_path: Path):
    docs = []
    for text, src, cue, content in TRAIN:
        docs.append((text, [_quote(text, src, cue, content)] if cue else []))
    path = tmp_path / "tiny.crfsuite"
    info = train(docs * 3, path, c1=0.0, c2=0.01, max_iterations=100, minfreq=0)
    assert path.is_file() and info["tokens"] > 0
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    text = "Smith said the plan would fail."
    [st] = _statements(text, tagger=tagger)
    assert (st.speaker.text, st.cue.text, st.content.text) == ("Smith", "said", "the plan would fail")
    text = '"The deal is dead," Green said.'
    [st] = _statements(text, tagger=tagger)
    assert (st.speaker.text, st.cue.text, st.content.text) == ("Green", "said", '"The deal is dead,"')
    assert _statements("The sun rose over the hills.", tagger=tagger) == []


# --------------------------------------------------------------------------- tags and span conventions


def test_gold_tags_and_decode_round_trip():
    text = '"The deal is dead," Green said. Taxes rose.'
    [u] = units(text)
    tags = gold_tags(u, [_quote(text, "Green", "said", '"The deal is dead,"')])
    assert tags == ["B-CONTENT", "I-CONTENT", "I-CONTENT", "I-CONTENT", "B-SOURCE", "B-CUE", "O", "O"]
    assert decode(tags) == [("CONTENT", 0, 3), ("SOURCE", 4, 4), ("CUE", 5, 5)]
    assert [len(x.sentences) for x in units(text)] == [2]
    assert [x.span.text for x in units(text, "sentence")] == ['"The deal is dead," Green said.', "Taxes rose."]


def test_char_span_conventions():
    text = 'Rep. Trey Gowdy (R-S.C.), a critic, said: "No way." Then he left at 6 a.m.'
    [u] = units(text)
    t = u.toks
    idx = {tok.text: i for i, tok in enumerate(t)}
    lo, hi = u.span.start, u.span.end
    s, e = char_span(text, t, idx["Rep"], idx["critic"], "SOURCE", lo, hi)
    assert text[s:e] == "Rep. Trey Gowdy (R-S.C.), a critic,"
    s, e = char_span(text, t, idx["said"], idx["said"], "CUE", lo, hi)
    assert text[s:e] == "said:"
    s, e = char_span(text, t, idx["No"], idx["way"], "CONTENT", lo, hi)
    assert text[s:e] == '"No way."'
    s, e = char_span(text, t, idx["left"], len(t) - 1, "CONTENT", lo, hi)
    assert text[s:e] == "left at 6 a.m."


# --------------------------------------------------------------------------- PolNeAR (shared data)


def test_polnear_dev_sample_scores_beat_a_floor():
    need(DATA / "polnear" / "data" / "dev")
    from eval.attribution import load_polnear, quote_from_statement, score

    docs = load_polnear("dev", DATA)[:10]
    pred = {d.id: [quote_from_statement(s) for s in _statements(d.text)] for d in docs}
    r = score({d.id: d.quotes for d in docs}, pred, {d.id: d.text for d in docs})
    assert r["cue"]["exact"]["f1"] > 0.5
    assert r["content"]["overlap"]["f1"] > 0.5


def test_polnear_gold_tags_reproduce_gold_spans():
    need(DATA / "polnear" / "data" / "dev")
    from eval.attribution import load_polnear
    from stance.attribution_crf import tag_spans

    ok = n = 0
    for d in load_polnear("dev", DATA)[:10]:
        golds = {f for q in d.quotes for r in ("cue", "source", "content") for f in q.spans(r)}
        for u in units(d.text):
            for ts in tag_spans(d.text, u, gold_tags(u, d.quotes)):
                ok += (ts.start, ts.end) in golds
                n += 1
    assert n > 100 and ok / n > 0.9
