"""The pipeline (attribution + targets, no stance model) on real news sentences of the shared data, in Arabic, English
and French: the project's labelled statements of the *train* split (the test split is for reports). Each language must
keep finding at least the share of labelled (speaker, target) pairs it found when this test was written, less a margin."""
import pytest

from eval.endtoend import evaluate_lines
from eval.sentences import gold_documents, write_jsonl
from stance.pipeline import Pipeline
from stance.records import Article, Portrayal

# recall of labelled pairs without stance on the first 120 train texts when written (ar 0.377, en 0.369 -- PolNeAR
# train, which the English attribution CRF learnt from --, fr 0.115), less 0.05
FLOORS = {"ar": 0.32, "en": 0.32, "fr": 0.065}


@pytest.fixture(scope="module")
def nlp():
    return Pipeline.load(with_classifier=False)


@pytest.mark.parametrize("lang", ["ar", "en", "fr"])
def test_labelled_pairs_are_found_on_real_sentences(nlp, lang, tmp_path):
    try:
        docs = sorted(gold_documents(lang, "train"), key=lambda d: d["id"])[:120]
    except FileNotFoundError as exc:
        pytest.skip(f"shared data absent ({exc}); set STANCE_DATA to run this test")
    gold = tmp_path / "gold.jsonl"
    write_jsonl(docs, gold)
    lines = []
    for d in docs:
        for st in nlp.statements(Article(d["id"], d["text"], lang)):
            for t in st.targets:
                lines.append(Portrayal(st, t, "neutral", {"neutral": 1.0}, "none").to_json())
    r = evaluate_lines(gold, lines)["without_stance"]
    print(lang, r)
    assert r["recall"] >= FLOORS[lang], f"{lang}: recall {r['recall']:.3f} fell under {FLOORS[lang]}"


def test_exhaustive_arabic_pairs_keep_their_level(nlp):
    # eval.pairs on the exhaustive Arabic train texts (precision is real there): pair F1 0.504 after session 7, less 0.02
    from eval.pairs import pair_scores
    try:
        r = pair_scores("train", pipeline=nlp)
    except FileNotFoundError as exc:
        pytest.skip(f"shared data absent ({exc}); set STANCE_DATA to run this test")
    assert r["n_docs"] >= 500
    assert r["f1"] >= 0.485, f"exhaustive Arabic train pair F1 {r['f1']:.3f} fell under 0.485"
