"""Data adapters on real lines of each shared set (skipped without the data), eval-format I/O on small
fixtures."""

from __future__ import annotations

import json
import re
import warnings
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from stance.records import Prediction, StanceItem
from training import datasets as D
from training.datasets.plover import _locate
from training.heldout import data_dir

DATA = data_dir()


def need(*parts: str) -> Path:
    path = DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(
            f"shared data not found at {path}: set $STANCE_DATA to the shared data folder to run this test"
        )
    return path


def span_text(ex: D.Example, role: str) -> str | None:
    span = getattr(ex.item, role)
    return None if span is None else ex.item.text[span[0] : span[1]]


# -------------------------------------------------------------------------------------------------------- DSE
def test_dse_first_train_line_gives_two_directed_examples():
    need("dse_directed_sentiment", "train.txt")
    pq, qp = D.load_dse("train")[:2]
    # line 1: "A [Los Angele]s news anchor said ... available in [the United State]s.", label 0
    assert pq.item.text.startswith("A Los Angeles news anchor said") and "[" not in pq.item.text
    assert pq.item.text == qp.item.text
    assert (span_text(pq, "speaker"), span_text(pq, "target")) == ("Los Angeles", "the United States")
    assert (span_text(qp, "speaker"), span_text(qp, "target")) == ("the United States", "Los Angeles")
    assert (pq.stance, qp.stance) == ("neutral", "neutral")
    assert pq.group == qp.group == "dse:train:0"
    assert (pq.item.id, qp.item.id, pq.item.lang, pq.source) == (
        "dse:train:0:pq",
        "dse:train:0:qp",
        "en",
        "dse",
    )


def test_dse_truncated_entity_kept_as_bracketed_when_asked():
    need("dse_directed_sentiment", "train.txt")
    pq = D.load_dse("train", fix_truncated=False)[0]
    assert (span_text(pq, "speaker"), span_text(pq, "target")) == ("Los Angele", "the United State")


@pytest.mark.parametrize(
    "row, label, pq_stance, qp_stance, p, q",
    [
        (8589, 1, "support", "neutral", "Christie", "Planned Parenthood"),
        (8843, 2, "neutral", "support", "The Sherpa Fire", "Kerry Bierman"),
        (8875, 3, "criticism", "neutral", "The Justice Department", "BPD"),
        (9479, 4, "neutral", "criticism", "path", "editor"),
    ],
)
def test_dse_labels_map_to_directed_stances(row, label, pq_stance, qp_stance, p, q):
    need("dse_directed_sentiment", "train.txt")
    ex = D.load_dse("train")
    pq, qp = ex[2 * row], ex[2 * row + 1]
    assert (pq.stance, qp.stance) == (pq_stance, qp_stance)
    assert (span_text(pq, "speaker"), span_text(pq, "target")) == (p, q)
    assert (span_text(qp, "speaker"), span_text(qp, "target")) == (q, p)
    assert D.dse_gold_five_class([pq, qp]) == {f"dse:train:{row}": label}


def test_dse_gold_five_class_reproduces_the_file_labels():
    path = need("dse_directed_sentiment", "test.txt")
    file_labels = Counter(line.rstrip("\n").rsplit("\t", 1)[-1] for line in path.open(encoding="utf-8"))
    gold = D.dse_gold_five_class(D.load_dse("test"))
    assert len(gold) == 1623
    assert (
        Counter(str(v) for v in gold.values())
        == file_labels
        == Counter({"0": 1060, "3": 316, "1": 166, "4": 48, "2": 33})
    )


def test_dse_copied_rows_and_unseen_only():
    need("dse_directed_sentiment", "test.txt")
    assert len(D.dse_copied_rows("test")) == 400
    assert len(D.dse_copied_rows("valid")) == 392
    unseen = D.load_dse("test", unseen_only=True)
    assert len(unseen) == 2 * 1223
    copied = D.dse_copied_rows("test")
    assert not {int(e.group.rsplit(":", 1)[1]) for e in unseen} & copied
    with pytest.raises(ValueError, match="train"):
        D.load_dse("train", unseen_only=True)


def test_dse_bad_split_and_missing_folder(tmp_path):
    with pytest.raises(ValueError, match="valid"):
        D.load_dse("dev", data_dir=tmp_path)
    with pytest.raises(FileNotFoundError, match="STANCE_DATA"):
        D.load_dse("train", data_dir=tmp_path)


def test_dse_five_class_combines_two_directions():
    assert D.dse_five_class("neutral", "neutral") == 0
    assert D.dse_five_class("support", "neutral") == 1
    assert D.dse_five_class("neutral", "support") == 2
    assert D.dse_five_class("criticism", "neutral") == 3
    assert D.dse_five_class("neutral", "criticism") == 4
    assert D.dse_five_class("criticism", "support", {"criticism": 0.6}, {"support": 0.9}) == 2
    assert D.dse_five_class("criticism", "support", {"criticism": 0.95}, {"support": 0.9}) == 3
    assert D.dse_five_class("support", "criticism") == 1  # no scores: p->q
    with pytest.raises(ValueError, match="pred_qp"):
        D.dse_five_class("neutral", "positive")


def test_dse_predicted_five_class_from_predictions():
    def ex(row: int, d: str) -> D.Example:
        return D.Example(
            StanceItem("A B", target=(2, 3), speaker=(0, 1), id=f"dse:test:{row}:{d}"),
            "neutral",
            "dse",
            f"dse:test:{row}",
        )

    examples = [ex(0, "pq"), ex(0, "qp"), ex(1, "qp"), ex(1, "pq")]
    preds = [
        Prediction("support", {"support": 0.7}),
        Prediction("criticism", {"criticism": 0.8}),
        Prediction("neutral", {"neutral": 0.9}),
        Prediction("criticism", {"criticism": 0.5}),
    ]
    assert D.dse_predicted_five_class(examples, preds) == {"dse:test:0": 4, "dse:test:1": 3}
    with pytest.raises(ValueError, match="both directions"):
        D.dse_gold_five_class(examples[:3])


# --------------------------------------------------------------------------------------------------- NewsMTSC
def test_newsmtsc_negative_line_gives_criticism_with_exact_mention():
    need("newsmtsc", "train.jsonl")
    ex = D.load_newsmtsc("train")
    she, trump = (
        ex[1],
        ex[2],
    )  # line 2: "She also recently referred to President Trump as a “piece of shit” ..."
    assert she.item.text.startswith("She also recently referred to President Trump")
    assert (span_text(she, "target"), she.stance, she.item.speaker) == ("She", "criticism", None)
    assert (span_text(trump, "target"), trump.stance, trump.item.target) == (
        "President Trump",
        "criticism",
        (30, 45),
    )
    assert she.group == trump.group == "allsides_1000_401_3_Reality Leigh Winner_0_3"
    assert trump.item.id == "allsides_1000_401_3_’ Trump_30_45"
    assert (ex[0].stance, span_text(ex[0], "target")) == ("neutral", "Winner")  # polarity 4.0


def test_newsmtsc_counts_and_every_span_matches_its_mention():
    path = need("newsmtsc", "devtest_rw.jsonl")
    mentions = [t["mention"] for line in path.open(encoding="utf-8") for t in json.loads(line)["targets"]]
    ex = D.load_newsmtsc("devtest_rw")
    assert [span_text(e, "target") for e in ex] == mentions
    assert Counter(e.stance for e in ex) == Counter({"neutral": 455, "criticism": 429, "support": 262})


def test_newsmtsc_mismatch_is_counted_not_fatal(tmp_path):
    (tmp_path / "newsmtsc").mkdir()
    good = {"Input.gid": "g1", "from": 0, "to": 3, "mention": "Bob", "polarity": 6.0}
    bad = {"Input.gid": "g2", "from": 4, "to": 9, "mention": "Alice", "polarity": 2.0}
    line = {"primary_gid": "g1", "sentence_normalized": "Bob met Alice.", "targets": [good, bad]}
    (tmp_path / "newsmtsc" / "train.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    with pytest.warns(UserWarning, match="1 targets skipped"):
        ex = D.load_newsmtsc("train", data_dir=tmp_path)
    assert [(span_text(e, "target"), e.stance) for e in ex] == [("Bob", "support")]


# ----------------------------------------------------------------------------------------------------- PLOVER
def test_plover_records_become_actor_pairs():
    need("plover_gsr", "PLOVER_GSR_CAMEO.json")
    ex = D.load_plover()
    by = defaultdict(list)
    for e in ex:
        by[e.group].append(e)
    (mugabe,) = by["PLOVER-GSR01-DISAPPROVE-0003"]
    assert (span_text(mugabe, "speaker"), span_text(mugabe, "target"), mugabe.stance) == (
        "Zimbabwean Prime Minister Robert Mugabe",
        "United States",
        "criticism",
    )
    (praise,) = by["PLOVER-GSR01-SUPPORT-0002"]
    assert (span_text(praise, "speaker"), span_text(praise, "target"), praise.stance) == (
        "U.S. official",
        "Haiti's",
        "support",
    )
    # reciprocal record (SRC/TAR, no target): both directions
    call = {
        (span_text(e, "speaker"), span_text(e, "target"), e.stance) for e in by["PLOVER-GSR01-CONSULT-0002"]
    }
    assert call == {
        ("U.S. Secretary of State Warren Christopher", "Russian Foreign Minister Andrei Kozyrev", "neutral"),
        ("Russian Foreign Minister Andrei Kozyrev", "U.S. Secretary of State Warren Christopher", "neutral"),
    }
    assert not any("-AGREE-" in g for g in by)  # AGREE is not mapped
    assert len(ex) == 245 and Counter(e.stance for e in ex) == Counter(
        {"criticism": 204, "support": 26, "neutral": 15}
    )
    assert all(e.item.speaker[1] <= e.item.target[0] or e.item.target[1] <= e.item.speaker[0] for e in ex)
    assert len(D.load_plover(include_material=False)) < len(ex)


# ------------------------------------------------------------------------------------------------ annotations
def test_split_rule_is_fixed():
    # the rule must never change: these documents are where they are for good
    assert D.split_of("afp_arabic_sample:AFP_ARB_20000715.0015") == "train"
    splits = Counter(D.split_of(f"doc:{i}") for i in range(20000))
    assert abs(splits["train"] / 20000 - 0.70) < 0.01 and abs(splits["test"] / 20000 - 0.15) < 0.01
    assert D.annotation_doc_key(
        "afp_arabic_sample/Sample_arabic_sent.xml", " UMH_ARB_20000715.0001_12\n"
    ) == ("afp_arabic_sample:UMH_ARB_20000715.0001")
    assert (
        D.annotation_doc_key("fignews_2024/FIGNEWS-2024-TEXT-IAA.tsv", "French:99")
        == "fignews_2024:French:99"
    )
    assert (
        D.annotation_doc_key("ner/europeana_fr/enp_FR.bnf.bio", "line12345") == "ner/europeana_fr:line12345"
    )
    # NewsFANE: blocks of 25 consecutive sentences (the corpus keeps no article boundaries)
    nf = "ner/newsfane/NewsFANE_Gold_2014_170K.txt"
    assert D.annotation_doc_key(nf, "s0024") == D.annotation_doc_key(nf, "s0000") == "ner/newsfane:b000"
    assert D.annotation_doc_key(nf, "s0025") == "ner/newsfane:b001"
    assert D.annotation_doc_key(nf, "odd-id") == "ner/newsfane:odd-id"


def test_gsr_doc_key_groups_sentences_files_and_spans_records():
    folder = need("arabic_event_gsr")
    key = D.annotation_doc_key
    assert key("arabic_event_gsr/assault_gsr.csv", "AAW_ARB_20071026.0026-2") == key(
        "arabic_event_gsr/protest_gsr.csv", "AAW_ARB_20071026.0026-7"
    )
    assert key("arabic_event_gsr/assault_gsr.csv", "AAW_ARB_20071026.0026-2").startswith(
        "arabic_event_gsr:AAW_ARB_20071026.0026"
    )
    spans = json.loads((folder / "assault_spans.json").read_text(encoding="utf-8"))
    rec = spans[0]  # its "source" names the CSV row with the same text
    assert key("arabic_event_gsr/assault_spans.json", rec["_id"]) == key(
        "arabic_event_gsr/assault_gsr.csv", rec["source"]
    )
    # two different hex document ids carry the same sentence: they are one document
    import csv

    csv.field_size_limit(10**9)
    with (folder / "protest_gsr.csv").open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if not r["id"].startswith("AAW")]
    by_text = defaultdict(set)
    for r in rows:
        by_text[r["text"]].add(r["id"])
    ids = next(sorted(v) for v in by_text.values() if len({i.rsplit("_", 1)[0] for i in v}) > 1)
    assert len({key("arabic_event_gsr/protest_gsr.csv", i) for i in ids}) == 1


def test_polnear_doc_key_drops_annotator_suffix_and_merges_same_text():
    need("polnear", "data", "train", "text")
    key = D.annotation_doc_key
    base = "west-journal_2016-08-26_glenn-beck-says-trump-alt-right-"  # annotated by six annotators
    assert (
        key("polnear/data/train", base + "_4e07")
        == key("polnear/data/train", base + "_d473.ann")
        == ("polnear:" + base)
    )
    # the same Washington Post text is filed under two dates
    a = key("polnear/data/train", "wash-post_2015-12-23_as-spotlight-shines-on-trump-and_d473")
    assert a == key("polnear/data/train", "wash-post_2015-12-22_as-spotlight-shines-on-trump-and")
    # two versions of one live blog share "Clinton has repeatedly accused Trump of using divisive rhetoric."
    assert key("polnear/data/train", "breitbart_2016-03-15_the-latest-kasich-scores-all-del_ef2d") == key(
        "polnear/data/train", "breitbart_2016-03-15_the-latest-sanders-declares-revo_ef2d"
    )


def test_real_annotations_are_split_by_document_without_shared_text(tmp_path):
    need("heldout_ids.txt")
    if not any(D.ANNOTATIONS_DIR.glob("*/*.jsonl")):
        pytest.skip("no annotation files yet under training/annotations")
    # a snapshot: annotators may append to the files while the test runs
    for path in D.ANNOTATIONS_DIR.glob("*/*.jsonl"):
        (tmp_path / path.parent.name).mkdir(exist_ok=True)
        (tmp_path / path.parent.name / path.name).write_bytes(path.read_bytes())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        all_ex = D.load_annotations(root=tmp_path)
        parts = {s: D.load_annotations(split=s, root=tmp_path) for s in D.ANNOTATION_SPLITS}
    assert sum(len(p) for p in parts.values()) == len(all_ex) > 0
    ids = [e.item.id for p in parts.values() for e in p]
    assert len(ids) == len(set(ids))
    split_of_doc, split_of_text = {}, defaultdict(set)
    for s, part in parts.items():
        for e in part:
            assert D.split_of(e.group) == s
            assert split_of_doc.setdefault(e.group, s) == s
            split_of_text[re.sub(r"\s+", " ", e.item.text).strip()].add(s)
            assert (
                e.stance in ("support", "criticism", "neutral")
                and e.item.lang
                and e.source.startswith("annotations:")
            )
    leaks = [t[:60] for t, s in split_of_text.items() if len(s) > 1]
    assert not leaks, f"texts in more than one split: {leaks[:5]}"
    assert len(parts["train"]) > len(parts["dev"]) and len(parts["train"]) > len(parts["test"])


def _line(text: str, **kw) -> dict:
    obj = {
        "id": "t:1:0",
        "text": text,
        "lang": "ar",
        "speaker": {"start": 0, "end": 4},
        "target": {"start": 5, "end": 9},
        "stance": "criticism",
        "source": {"dataset": "afp_arabic_sample/Sample_arabic_sent.xml", "id": "AFP_ARB_1.1_1"},
        "annotator": "test",
    }
    obj.update(kw)
    return obj


def test_annotations_drop_heldout_and_skip_invalid_lines(tmp_path):
    need("heldout_ids.txt")
    from training.heldout import load_heldout

    held = next(t for t in load_heldout(str(DATA)).texts if len(t) > 20)
    (tmp_path / "ar").mkdir()
    (tmp_path / "agreement").mkdir()  # not a language folder: never read
    (tmp_path / "agreement" / "second_pass_ar.jsonl").write_text('{"id": "t:1:0", "stance": "neutral"}\n')
    lines = [
        _line("abcd efgh and more words here"),
        _line(held, id="t:2:0"),
        {"id": "t:3:0", "text": "no target"},
    ]
    (tmp_path / "ar" / "x.jsonl").write_text(
        "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8"
    )
    with pytest.warns(UserWarning) as rec:
        ex = D.load_annotations("ar", None, root=tmp_path)
    messages = " ".join(str(w.message) for w in rec)
    assert "1 held-out lines dropped" in messages and "x.jsonl:3" in messages
    assert [e.item.id for e in ex] == ["t:1:0"]
    with pytest.warns(UserWarning) as rec:  # lang=None: the language folders only, never agreement/
        assert D.load_annotations(None, None, root=tmp_path) == ex
    assert not [w for w in rec if "agreement" in str(w.message)]
    assert (
        ex[0].group == "afp_arabic_sample:AFP_ARB_1.1"
        and ex[0].source == "annotations:afp_arabic_sample/Sample_arabic_sent.xml"
    )
    with pytest.raises(ValueError, match=r"x\.jsonl:3: missing field"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        D.load_annotations("ar", None, root=tmp_path, strict=True)
    with pytest.raises(FileNotFoundError, match="fr"):
        D.load_annotations("fr", None, root=tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert (
            D.load_annotations("ar", None, root=tmp_path, high_confidence_only=True) == []
        )  # no "confidence"


def test_annotations_warn_when_one_text_lies_in_two_splits(tmp_path):
    need("heldout_ids.txt")
    ids = [f"French:{i}" for i in range(50)]
    a = ids[0]
    b = next(i for i in ids if D.split_of(f"fignews_2024:{i}") != D.split_of(f"fignews_2024:{a}"))
    src = "fignews_2024/FIGNEWS-2024-TEXT-IAA.tsv"
    lines = [
        _line("abcd efgh repeated in two posts", id=f"f:{i}", source={"dataset": src, "id": i})
        for i in (a, b)
    ]
    (tmp_path / "fr").mkdir()
    (tmp_path / "fr" / "x.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    with pytest.warns(UserWarning, match="1 texts occur in documents of different splits"):
        assert len(D.load_annotations("fr", None, root=tmp_path)) == 2


def test_actor_strings_are_found_as_whole_words():
    assert _locate("BUSH met US officials", "US") == (9, 11)
    assert _locate("Senior  U.S.\nofficials", "U.S. officials") == (8, 22)
    assert _locate("Gaza and Gaza", "Gaza", avoid=(0, 4)) == (9, 13)
    assert _locate("Iraqis", "Iraqi") is None


# -------------------------------------------------------------------------------------------- eval-format I/O
GOOD = {
    "id": "a",
    "text": "Hammond criticised Russia.",
    "speaker": {"start": 0, "end": 7, "text": "Hammond"},
    "target": {"start": 19, "end": 25},
    "stance": "criticism",
    "lang": "en",
}


def write_lines(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "data.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_load_eval_file_reads_valid_lines(tmp_path):
    author = {**GOOD, "id": 2, "speaker": None, "stance": "neutral"}
    path = write_lines(tmp_path, json.dumps(GOOD), "", json.dumps(author))
    a, b = D.load_eval_file(path)
    assert (a.item.speaker, a.item.target, a.stance, a.source, a.item.lang) == (
        (0, 7),
        (19, 25),
        "criticism",
        "data",
        "en",
    )
    assert (b.item.id, b.item.speaker, b.stance) == ("2", None, "neutral")


@pytest.mark.parametrize(
    "line, problem",
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "expected a JSON object"),
        (json.dumps({k: v for k, v in GOOD.items() if k != "target"}), r"missing field\(s\) \['target'\]"),
        (json.dumps({k: v for k, v in GOOD.items() if k != "speaker"}), "speaker.: null"),
        (json.dumps({**GOOD, "stance": "positive"}), "stance must be one of"),
        (json.dumps({**GOOD, "target": {"start": 19, "end": 99}}), "target span 19..99"),
        (json.dumps({**GOOD, "target": {"start": "19", "end": 25}}), "must be integers"),
        (json.dumps({**GOOD, "target": {"start": True, "end": 25}}), "must be integers"),
        (json.dumps({**GOOD, "speaker": {"start": 0, "end": 7, "text": "Hammon"}}), "speaker text 'Hammon'"),
        (json.dumps({**GOOD, "target": {"start": 3, "end": 10}}), "overlap"),
        (json.dumps({**GOOD, "text": ""}), "text must be a non-empty string"),
        (json.dumps({**GOOD, "target": None}), "found null"),
    ],
)
def test_load_eval_file_errors_name_file_line_and_problem(tmp_path, line, problem):
    path = write_lines(tmp_path, json.dumps(GOOD), line)
    with pytest.raises(ValueError, match=re.escape(f"{path}:2: ") + ".*" + problem):
        D.load_eval_file(path)


def test_load_eval_file_duplicate_id_missing_and_empty(tmp_path):
    path = write_lines(tmp_path, json.dumps(GOOD), json.dumps(GOOD))
    with pytest.raises(ValueError, match=r"data\.jsonl:2: duplicate id 'a' \(first on line 1\)"):
        D.load_eval_file(path)
    with pytest.raises(FileNotFoundError):
        D.load_eval_file(tmp_path / "absent.jsonl")
    with pytest.raises(ValueError, match="no eval lines"):
        D.load_eval_file(write_lines(tmp_path, ""))


def test_eval_line_round_trip(tmp_path):
    ex = D.Example(
        StanceItem("Hammond criticised Russia.", target=(19, 25), speaker=(0, 7), lang="en", id="a"),
        "criticism",
        "demo",
        "doc1",
    )
    line = D.to_eval_line(ex)
    assert (
        line["target"] == {"start": 19, "end": 25, "text": "Russia"} and line["speaker"]["text"] == "Hammond"
    )
    assert D.from_eval_line(line) == ex
    author = D.Example(StanceItem("Russia lost.", target=(0, 6), id="b"), "neutral", "demo")
    assert D.to_eval_line(author)["speaker"] is None and "lang" not in D.to_eval_line(author)
    assert D.write_eval_file([ex, author], tmp_path / "out.jsonl") == 2
    assert D.load_eval_file(tmp_path / "out.jsonl") == [ex, author]
    with pytest.raises(ValueError, match="no id"):
        D.to_eval_line(D.Example(StanceItem("A", target=(0, 1)), "neutral", "demo"))


def test_real_examples_round_trip_through_eval_lines():
    need("dse_directed_sentiment", "valid.txt")
    need("newsmtsc", "devtest_mt.jsonl")
    for ex in D.load_dse("valid")[:50] + D.load_newsmtsc("devtest_mt")[:50]:
        assert D.from_eval_line(json.loads(json.dumps(D.to_eval_line(ex), ensure_ascii=False))) == ex


def test_exhaustive_second_pass_scores_like_a_system(tmp_path):
    # the blind exhaustive second pass covers whole exhaustive dev texts; scored against their gold like a system,
    # and the gold itself, given as a system, agrees with itself completely (the plumbing, not the figure)
    from eval.sentences import gold_documents
    from training.annotations.agreement import HERE, exhaustive_agreement

    need("heldout_ids.txt")  # the annotations' split reads the held-out list
    lines = (HERE / "agreement" / "exhaustive_second_pass_ar.jsonl").read_text(encoding="utf-8").splitlines()
    ids = {json.loads(line)["source"]["id"] for line in lines if line.strip()}
    gold_lines = []
    for d in gold_documents("ar", "dev", exhaustive_only=True):
        for st in d["statements"]:
            for t in st["targets"]:
                sp = st["speaker_start"]
                gold_lines.append(json.dumps({
                    "doc_id": d["id"], "stance": t["stance"],
                    "speaker": {"start": sp, "end": sp + len(st["speaker"]), "text": st["speaker"]},
                    "target": {"start": t["target_start"], "end": t["target_start"] + len(t["target"]),
                               "text": t["target"]}}, ensure_ascii=False))
    (tmp_path / "gold_as_system.jsonl").write_text("\n".join(gold_lines) + "\n", encoding="utf-8")
    res = exhaustive_agreement("ar", system=tmp_path / "gold_as_system.jsonl")
    assert res["texts"] == len(ids) + res["texts_skipped_by_second_pass"] == 50
    assert res["second_pass"]["n_pred"] == len([line for line in lines if line.strip()])
    assert 0.5 < res["second_pass"]["with_stance"]["f1"] < 1.0  # two readers agree, not perfectly
    assert res["system"]["with_stance"]["f1"] == 1.0 and res["system"]["n_pred"] == res["system"]["n_gold"]


def test_annotations_carry_the_other_targets_of_their_statement(tmp_path):
    """Each labelled pair knows the targets of the other lines of its statement (same document, text and speaker):
    what a model trained with `mark_others` reads marked beside its own target; another speaker's targets, or
    another sentence's, are not its statement's."""
    need("heldout_ids.txt")
    text = "abcd efgh ijkl mnop"
    lines = [_line(text, id="t:1:0"), _line(text, id="t:1:1", target={"start": 10, "end": 14}),
             _line(text, id="t:1:2", speaker={"start": 15, "end": 19}),  # another speaker of the same text
             _line("abcd efgh qrst", id="t:2:0")]  # another text
    (tmp_path / "ar").mkdir()
    (tmp_path / "ar" / "x.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    ex = {e.item.id: e.item for e in D.load_annotations("ar", None, root=tmp_path)}
    assert ex["t:1:0"].others == ((10, 14),) and ex["t:1:1"].others == ((5, 9),)
    assert ex["t:1:2"].others == () and ex["t:2:0"].others == ()


def test_an_eval_file_groups_its_lines_into_statements(tmp_path):
    """A user's own labelled file: lines of one text and speaker are one statement, so a model trained on it with
    `mark_others` reads each pair's other targets too."""
    text = "Hammond backed Kyiv against Russia."
    lines = [{"id": "a", "text": text, "speaker": {"start": 0, "end": 7}, "target": {"start": 15, "end": 19},
              "stance": "support"},
             {"id": "b", "text": text, "speaker": {"start": 0, "end": 7}, "target": {"start": 28, "end": 34},
              "stance": "criticism"},
             {"id": "c", "text": text, "speaker": None, "target": {"start": 28, "end": 34}, "stance": "neutral"}]
    path = tmp_path / "mine.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    items = {ex.item.id: ex.item for ex in D.load_eval_file(path)}
    assert items["a"].others == ((28, 34),) and items["b"].others == ((15, 19),) and items["c"].others == ()


def test_datasets_summary_cli_takes_help_and_reports_a_missing_folder(tmp_path, capsys):
    from training.datasets.__main__ import main

    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])  # once read as a data folder ("--help/dse_directed_sentiment/train.txt not found")
    assert exit_info.value.code == 0
    assert "data_dir" in capsys.readouterr().out
    with pytest.raises(FileNotFoundError, match="STANCE_DATA"):
        main([str(tmp_path)])


# -------------------------------------------------------------------------------------------------------- NewsFANE
NEWSFANE_LINES = (
    "\ufeff\u200eواشنطن\tB-Nation\n(\tO\n\u200eو\tO\n\u200eقال\tO\n\u200eالوزير\tB-Politician\n"
    "\u200eان\tO\n\u200eالحكومة\tB-Government\n\u200eترحب\tO\n\u200e\tO\n\u200eب\tO\n\u200eالاتفاق\tO\n.\tO\n\n"
    "\u200eو\tO\n\u200eانتقد\tO\n\u200eالمتظاهرون\tO\n\u200eالشرطة\tB-Police\n.\tO\n"
)  # the lone mark token (a line of its own) is no token and no sentence break


def _fake_newsfane(root: Path) -> Path:
    path = root / "ner" / "newsfane" / "NewsFANE_Gold_2014_170K.txt"
    path.parent.mkdir(parents=True)
    path.write_text(NEWSFANE_LINES, encoding="utf-8")
    (root / "heldout_ids.txt").write_text("# none\n", encoding="utf-8")
    return path


def test_newsfane_sentences_are_rejoined_without_marks(tmp_path):
    from training.datasets.newsfane import sentences

    _fake_newsfane(tmp_path)
    got = sentences(str(tmp_path))
    assert got == ("واشنطن (وقال الوزير ان الحكومة ترحب بالاتفاق.", "وانتقد المتظاهرون الشرطة.")
    assert not any(ch in "".join(got) for ch in "\u200e\ufeff")
    with pytest.raises(FileNotFoundError, match="STANCE_DATA"):
        sentences(str(tmp_path / "nowhere"))


def _fake_newsfane_sentences(root: Path, sentences: list[str]) -> None:
    path = root / "ner" / "newsfane" / "NewsFANE_Gold_2014_170K.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n\n".join("\n".join(f"{w}\tO" for w in s.split()) for s in sentences) + "\n", encoding="utf-8")
    (root / "heldout_ids.txt").write_text("# none\n", encoding="utf-8")


def test_newsfane_copies_across_splits_are_found(tmp_path):
    from training.datasets.newsfane import BLOCK, cross_split_copies, doc_of, row_id, sentences

    # block 0 and the first block of another split k: a sentence copied from one into the other is found; a copy
    # inside block 0 (one split) is not
    def split(block: int) -> str:
        return D.split_of(f"ner/newsfane:{doc_of(row_id(block * BLOCK))}")

    k = next(b for b in range(1, 50) if split(b) != split(0))
    repeated = "قال وزير الخارجية ان الحكومة ترحب بالاتفاق الذي وقعه الطرفان امس في العاصمة"
    same = "وانتقد المتحدث باسم المعارضة قرار الحكومة رفع الاسعار في الاسواق المحلية امس"
    texts = [f"جملة رقم {i} لا تكرر شيئا" for i in range((k + 1) * BLOCK)]
    texts[3] = repeated
    texts[k * BLOCK + 4] = "عاجل " + repeated  # a headline run into the copy: it contains the sentence
    texts[5], texts[6] = same, same
    _fake_newsfane_sentences(tmp_path, texts)
    assert len(sentences(str(tmp_path))) == len(texts)
    assert cross_split_copies(str(tmp_path)) == {3, k * BLOCK + 4}


def _draw_newsfane(root: Path, *extra: str) -> list[dict]:
    """`tools/draw_pool.py --source newsfane` on the fake data folder `root`, with its own annotation folder there
    (nothing annotated unless a test writes it)."""
    import subprocess
    import sys

    out = root / "pool.jsonl"
    (root / "annotations" / "ar").mkdir(parents=True, exist_ok=True)
    tool = Path(__file__).resolve().parents[1] / "tools" / "draw_pool.py"
    subprocess.run([sys.executable, str(tool), "--source", "newsfane", "--data", str(root),
                    "--annotations", str(root / "annotations"), "-o", str(out), *extra], check=True, capture_output=True)
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_draw_pool_reads_newsfane_rows_and_skips_held_out_ones(tmp_path):
    _fake_newsfane(tmp_path)

    def draw(*extra: str) -> list[dict]:
        return _draw_newsfane(tmp_path, *extra)

    rows = draw()
    assert {(r["row_id"], r["text"]) for r in rows} == {
        ("s0000", "واشنطن (وقال الوزير ان الحكومة ترحب بالاتفاق."), ("s0001", "وانتقد المتظاهرون الشرطة.")}
    assert {r["file"] for r in rows} == {"ner/newsfane/NewsFANE_Gold_2014_170K.txt"}
    assert [r["row_id"] for r in draw("--min-chars", "30")] == ["s0000"]
    # a row already annotated, or skipped by an annotator, is not drawn again
    (tmp_path / "annotations" / "ar" / "skipped.txt").write_text("s0001\n", encoding="utf-8")
    assert [r["row_id"] for r in draw()] == ["s0000"]
    (tmp_path / "annotations" / "ar" / "skipped.txt").unlink()
    line = {"id": "x:s0000:0", "text": rows[0]["text"], "source": {"dataset": rows[0]["file"], "id": "s0000"}}
    (tmp_path / "annotations" / "ar" / "done.jsonl").write_text(json.dumps(line, ensure_ascii=False) + "\n",
                                                              encoding="utf-8")
    assert [r["row_id"] for r in draw()] == ["s0001"]
    (tmp_path / "annotations" / "ar" / "done.jsonl").unlink()
    # --split keeps the rows of that split's documents only (both fixture rows are in block b000)
    only = D.split_of("ner/newsfane:b000")
    assert len(draw("--split", only)) == 2
    assert draw("--split", next(x for x in ("train", "dev", "test") if x != only)) == []
    # a held-out GSR text inside a NewsFANE sentence, in another spelling (a hamza): that sentence is not drawn
    import hashlib

    held = "وأنتقد المتظاهرون الشرطة"
    gsr = tmp_path / "arabic_event_gsr"
    gsr.mkdir()
    (gsr / "protest_gsr.csv").write_text(f"id,text\nrow1,{held}\n", encoding="utf-8")
    sha = hashlib.sha1(held.encode("utf-8")).hexdigest()
    (tmp_path / "heldout_ids.txt").write_text(f"arabic_event_gsr/protest_gsr.csv\trow1\t{sha}\n", encoding="utf-8")
    assert [r["row_id"] for r in draw()] == ["s0000"]
    # and a held-out text that holds a whole NewsFANE sentence (in another spelling) keeps it out too
    held = "خبر عاجل: واشنطن (وقال الوزير ان الحكومة ترحب بالاتفاق. وتابع الوزير حديثه"
    (gsr / "protest_gsr.csv").write_text(f"id,text\nrow1,{held}\n", encoding="utf-8")
    sha = hashlib.sha1(held.encode("utf-8")).hexdigest()
    (tmp_path / "heldout_ids.txt").write_text(f"protest_gsr.csv\trow1\t{sha}\n", encoding="utf-8")
    assert [r["row_id"] for r in draw()] == ["s0001"]


def test_draw_pool_draws_a_repeated_text_once(tmp_path):
    _fake_newsfane_sentences(tmp_path, ["وقال الوزير ان الحكومة ترحب بالاتفاق", "وانتقد المتظاهرون الشرطة",
                                        "وقال الوزير ان الحكومة ترحب بالاتفاق"])
    rows = _draw_newsfane(tmp_path)
    assert sorted(r["text"] for r in rows) == ["وانتقد المتظاهرون الشرطة", "وقال الوزير ان الحكومة ترحب بالاتفاق"]


def test_heldout_ids_match_a_file_given_with_its_folder(tmp_path):
    from training.heldout import Heldout

    (tmp_path / "heldout_ids.txt").write_text("protest_gsr.csv\tAAW_1-2\t" + "0" * 40 + "\n", encoding="utf-8")
    held = Heldout(tmp_path)
    assert held.is_heldout("نص لا يطابق شيئا", "arabic_event_gsr/protest_gsr.csv", "AAW_1-2")
    assert held.is_heldout("نص لا يطابق شيئا", "protest_gsr.csv", "AAW_1-2")
    assert not held.is_heldout("نص لا يطابق شيئا", "arabic_event_gsr/protest_gsr.csv", "AAW_1-3")


def test_synthetic_sentences_train_only_and_their_second_pass_is_scored_against_them():
    # the synthetic sentences (training/annotations/synthetic/) are no language folder: load_annotations never reads
    # them (so they never enter a dev or test split); they load as an eval file, every line valid; the blind second
    # pass is scored against them, with none of the real annotations' adjudications
    from training.annotations.agreement import HERE, agreement
    from training.datasets.annotations import ANNOTATIONS_DIR, _languages

    assert "synthetic" not in _languages(ANNOTATIONS_DIR) and "ar" in _languages(ANNOTATIONS_DIR)
    batches = {n: D.load_eval_file(HERE / "synthetic" / f"ar_batch{n}.jsonl") for n in (16, 17, 18, 19, 20)}
    synthetic = [ex for b in batches.values() for ex in b]
    texts = {ex.item.text for ex in synthetic}
    assert [len(b) for b in batches.values()] == [1534, 1655, 833, 864, 847]
    assert len(texts) == 480 + 479 + 300 + 300 + 300
    for n, b in batches.items():
        assert {ex.source for ex in b} == {f"synthetic/ar_batch{n}_{x}" for x in ("abcdef" if n >= 18 else "abcdefgh")}
    second = [json.loads(line) for line in (HERE / "agreement" / "second_pass_synthetic_ar.jsonl").open(encoding="utf-8")]
    res = agreement("ar", synthetic=True)
    assert res["n"] == len(second) == 400 and res["adjudicated"] == 0
    assert res["agreement"] == round(388 / 400, 4)  # 1 + 4 + 2 + 4 + 1 disagreements, left as first labelled (data card)
    need("heldout_ids.txt")  # the real annotations' split reads the held-out list
    from stance.text import normalize_arabic
    from training.heldout import load_heldout

    def runs(text: str, n: int) -> set[tuple[str, ...]]:  # as tools/synthetic_overlap.py compares texts
        w = normalize_arabic(text).split()
        return {tuple(w[i : i + n]) for i in range(len(w) - n + 1)}

    held = {r for t in load_heldout(str(DATA)).texts for r in runs(t, 10)}
    assert not [t for t in texts if runs(t, 10) & held]  # no run of ten words of a held-out text (batch 17's b:46)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        real = D.load_annotations()  # every language folder
    assert not texts & {ex.item.text for ex in real}
