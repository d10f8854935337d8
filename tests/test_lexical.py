"""The lexical stance prior (stance.lexical) and the choice of its weight (training.lexical_prior): a real fit on
Arabic sentences, files without pickle, the blend, the errors, and the weight chosen by end-to-end triple F1."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from stance.lexical import PRIOR_CONFIG, PRIOR_WEIGHTS, LexicalPrior
from stance.records import StanceItem


def _item(text: str, target: str, speaker: str | None, lang: str = "ar") -> StanceItem:
    t = text.index(target)
    sp = (text.index(speaker), text.index(speaker) + len(speaker)) if speaker else None
    return StanceItem(text, (t, t + len(target)), sp, lang)


# real wire sentences' shapes: who is accused, who is welcomed, who is only named
DATA = [
    (_item("واتهم الوزير الجيش بقتل المدنيين في القرية", "الجيش", "الوزير"), "criticism"),
    (_item("وقالت المنظمة ان الشرطة اعتقلت عشرات المتظاهرين", "الشرطة", "المنظمة"), "criticism"),
    (_item("ودان المتحدث الهجوم الذي شنه المسلحون على السوق", "المسلحون", "المتحدث"), "criticism"),
    (_item("ورحب الرئيس بقرار الحكومة الافراج عن المعتقلين", "الحكومة", "الرئيس"), "support"),
    (_item("واشاد الوزير بدور الجيش في حماية الحدود", "الجيش", "الوزير"), "support"),
    (_item("واعرب المتحدث عن دعمه للحكومة في مواجهة الازمة", "للحكومة", "المتحدث"), "support"),
    (_item("وقال الرئيس ان الوفد سيزور العاصمة الاسبوع المقبل", "الوفد", "الرئيس"), "neutral"),
    (_item("واعلنت الشرطة ان الوزير وصل الى المدينة امس", "الوزير", "الشرطة"), "neutral"),
    (_item("وذكرت المنظمة ان اللجنة ستجتمع يوم الاحد", "اللجنة", "المنظمة"), "neutral"),
]


def _fit(**kw) -> LexicalPrior:
    items, y = zip(*DATA)
    return LexicalPrior.fit(list(items) * 2, list(y) * 2, C=10.0, min_df=1, **kw)


def test_a_real_fit_learns_its_pairs_and_round_trips_without_pickle(tmp_path: Path):
    prior = _fit(weight=0.25)
    lp = prior.log_probs([it for it, _ in DATA])
    assert lp.shape == (len(DATA), 3) and np.allclose(np.exp(lp).sum(axis=1), 1.0)
    assert [prior.labels[k] for k in lp.argmax(axis=1)] == [y for _, y in DATA]
    prior.save(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([PRIOR_CONFIG, PRIOR_WEIGHTS])
    again = LexicalPrior.load(tmp_path)
    assert again.weight == 0.25 and again.langs == ("ar",) and again.window == 5 and again.labels == prior.labels
    assert np.allclose(again.log_probs([it for it, _ in DATA]), lp, atol=1e-5)
    assert LexicalPrior.load(tmp_path / "nothing") is None  # a folder without a prior: the transformer alone


def test_views_are_the_words_around_the_target_and_the_two_names():
    prior = _fit()
    it = _item("وقال وزير الخارجية البريطاني فيليب هاموند ان روسيا تواصل استهداف المعارضة أكثر من تنظيم الدولة",
               "روسيا", "فيليب هاموند")
    v = prior.views(it)
    assert v["target"] == "روسيا" and v["speaker"] == "فيليب هاموند"
    assert v["left"].split() == ["الخارجيه", "البريطاني", "فيليب", "هاموند", "ان"]  # normalised (ة -> ه)
    assert v["right"].split() == ["تواصل", "استهداف", "المعارضه", "اكثر", "من"]
    assert prior.views(_item("انتقدت الصحيفة روسيا", "روسيا", None))["speaker"] == "<author>"


def test_blend_moves_the_scores_toward_the_prior_in_its_languages_only():
    prior = _fit(weight=1.0)
    accused = DATA[0][0]
    flat = {"support": 0.34, "criticism": 0.33, "neutral": 0.33}
    (mixed,) = prior.blend([flat], [accused])
    assert max(mixed, key=mixed.get) == "criticism" and sum(mixed.values()) == pytest.approx(1.0)
    (half,) = prior.blend([flat], [accused], weight=0.5)
    assert flat["criticism"] < half["criticism"] < mixed["criticism"]
    assert prior.blend([flat], [accused], weight=0.0) == [flat]
    english = StanceItem(accused.text, accused.target, accused.speaker, "en")
    assert prior.blend([flat], [english]) == [flat]  # outside its languages: the transformer's own scores


def test_bad_files_and_values_say_what_to_do(tmp_path: Path):
    prior = _fit()
    with pytest.raises(ValueError, match="weight"):
        LexicalPrior(prior.vectorizers, prior.coef, prior.intercept, prior.labels, weight=-1.0)
    with pytest.raises(ValueError, match="do not fit"):
        LexicalPrior(prior.vectorizers, prior.coef[:, :5], prior.intercept, prior.labels)
    with pytest.raises(ValueError, match="as many labels"):
        LexicalPrior.fit([DATA[0][0]], ["support", "neutral"])
    prior.save(tmp_path)
    cfg = json.loads((tmp_path / PRIOR_CONFIG).read_text(encoding="utf-8"))
    cfg["vocabulary"]["target"] = cfg["vocabulary"]["target"][:-1]
    (tmp_path / PRIOR_CONFIG).write_text(json.dumps(cfg, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValueError, match="refit it with `python -m training.lexical_prior`"):
        LexicalPrior.load(tmp_path)
    prior.save(tmp_path)
    (tmp_path / PRIOR_WEIGHTS).write_bytes((tmp_path / PRIOR_WEIGHTS).read_bytes()[:100])  # a truncated download
    with pytest.raises(ValueError, match="--no-lexical-prior"):
        LexicalPrior.load(tmp_path)
    (tmp_path / PRIOR_CONFIG).unlink()
    with pytest.raises(FileNotFoundError, match=PRIOR_CONFIG):
        LexicalPrior.load(tmp_path)
    with pytest.raises(ValueError, match="langs"):
        LexicalPrior(prior.vectorizers, prior.coef, prior.intercept, prior.labels, langs="ar")
    with pytest.raises(ValueError, match="distinct"):
        LexicalPrior(prior.vectorizers, prior.coef, prior.intercept, ("support", "support", "neutral"))
    with pytest.raises(ValueError, match="one score row per item"):
        prior.blend([], [DATA[0][0]])
    with pytest.raises(ValueError, match="weight"):
        prior.blend([{"support": 1.0, "criticism": 0.0, "neutral": 0.0}], [DATA[0][0]], weight=float("nan"))


def test_classify_input_without_a_language_gets_one_so_the_prior_reads_it():
    from stance.cli import parse_item

    text, target = DATA[0][0].text, DATA[0][0].target
    item = parse_item({"id": 1, "text": text, "target": {"start": target[0], "end": target[1]}})
    assert item.lang == "ar" and _fit().applies(item)
    given = parse_item({"id": 2, "text": text, "lang": "fr", "target": {"start": target[0], "end": target[1]}})
    assert given.lang == "fr"


def test_the_weight_is_chosen_by_the_triple_f1_of_analyze():
    """One Arabic sentence whose gold stance is the opposite of the shipped transformer's label for Hammond -> Russia:
    at weight 0 the triple is wrong; a prior fitted to say the gold label there makes it right from some weight on,
    and `pick` takes the first such weight (a re-choice keeps the weight in use unless beaten). The pipeline's own
    prior is given back."""
    from stance.pipeline import Pipeline
    from stance.records import Article
    from training.lexical_prior import WEIGHT_GRID, triple_f1_by_weight
    from training.target_tagger import Text, pick

    nlp = Pipeline.load(lexical_prior=False)
    text = "وقال وزير الخارجية البريطاني فيليب هاموند ان روسيا تواصل استهداف المعارضة أكثر من تنظيم الدولة."
    article = Article("t", text, "ar")
    (st,) = nlp.statements(article)
    kept, _ = nlp.score_all(article, [st])
    russia = next(p for p in kept if p.target.text == "روسيا")
    gold_label = "support" if russia.stance != "support" else "neutral"
    gold = Text(text, "t", [((st.speaker.start, st.speaker.end), (russia.target.start, russia.target.end))], [gold_label])
    item = _item(text, "روسيا", "فيليب هاموند")
    others = [lab for lab in ("support", "criticism", "neutral") if lab != gold_label]
    items = [item] * 8 + [it for it, _ in DATA]
    prior = LexicalPrior.fit(items, [gold_label] * 8 + [others[k % 2] for k in range(len(DATA))], C=100.0, min_df=1)
    table = triple_f1_by_weight(nlp, prior, [gold], "ar")
    assert [w for w, _ in table] == list(WEIGHT_GRID) and nlp.classifier.lexical_prior is None
    f1 = [row["with_stance"][2] for _, row in table]  # (the rules' other targets there are no gold: P < 1)
    recall = [row["with_stance"][1] for _, row in table]
    assert recall[0] == 0.0 and recall[-1] == 1.0 and f1[0] < f1[-1]
    assert all(row["without_stance"] == table[0][1]["without_stance"] for _, row in table)  # labels move, pairs stay
    first = next(w for w, v in zip(WEIGHT_GRID, f1) if v == max(f1))
    assert pick([(w, v) for w, v in zip(WEIGHT_GRID, f1)], 0.0, 0.005)[0] == first
    assert pick([(w, v) for w, v in zip(WEIGHT_GRID, f1)], 0.0, 1.5)[0] == 0.0


def test_classify_input_may_name_the_statement_other_targets():
    """`others` (optional): the statement's other targets, which a `transformer+others` model reads marked; a wrong
    one is a clear error naming it."""
    from stance.cli import parse_item

    text, target = DATA[0][0].text, DATA[0][0].target
    base = {"text": text, "target": {"start": target[0], "end": target[1]}}
    assert parse_item(base).others == ()
    assert parse_item({**base, "others": [{"start": 0, "end": 3}]}).others == ((0, 3),)
    with pytest.raises(ValueError, match=r"'others\[1\]' must be"):
        parse_item({**base, "others": [{"start": 0, "end": 3}, {"start": 0}]})
    with pytest.raises(ValueError, match="'others' must be a list"):
        parse_item({**base, "others": {"start": 0, "end": 3}})
    with pytest.raises(ValueError, match="other target span"):
        parse_item({**base, "others": [{"start": 0, "end": len(text) + 5}]})


def test_extra_files_add_their_language_pairs_to_the_train_split(tmp_path: Path):
    from conftest import DATA, need
    from training.datasets.annotations import load_annotations
    from training.lexical_prior import train_pairs

    need(DATA / "heldout_ids.txt")
    lines = [
        {"id": "s:1", "text": "واتهم الوزير الجيش بقتل المدنيين", "lang": "ar", "speaker": {"start": 6, "end": 12},
         "target": {"start": 13, "end": 18}, "stance": "criticism"},
        {"id": "s:2", "text": "ورحب الرئيس بقرار الحكومة", "lang": "ar", "speaker": {"start": 5, "end": 11},
         "target": {"start": 18, "end": 25}, "stance": "support"},
        {"id": "s:3", "text": "The minister praised the army.", "lang": "en", "speaker": {"start": 4, "end": 12},
         "target": {"start": 25, "end": 29}, "stance": "support"},
    ]
    from training.heldout import load_heldout

    held = next(t for t in load_heldout(str(DATA)).texts if len(t) > 20)
    lines.append({"id": "s:4", "text": held, "lang": "ar", "speaker": {"start": 0, "end": 2},
                  "target": {"start": 3, "end": 5}, "stance": "neutral"})  # never fitted on
    extra = tmp_path / "synthetic.jsonl"
    extra.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    base = load_annotations("ar", "train", data_dir=str(DATA))
    pairs, added = train_pairs("ar", data_dir=str(DATA), extra=[extra])
    assert added == 2 and len(pairs) == len(base) + 2  # the English line is not an Arabic pair, the held-out text out
    assert [ex.stance for ex in pairs[-2:]] == ["criticism", "support"]
    assert pairs[-1].item.text[slice(*pairs[-1].item.target)] == "الحكومة"
    assert train_pairs("ar", data_dir=str(DATA)) == (base, 0)

    dev = load_annotations("ar", "dev", data_dir=str(DATA))[0].item  # a dev text is dropped, as a held-out one is
    no_lang = {k: v for k, v in lines[1].items() if k != "lang"}  # a line without lang is of the language fitted
    other = tmp_path / "other.jsonl"
    other.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in [
        {**no_lang, "id": "t:1"},
        {"id": "t:2", "text": dev.text, "lang": "ar", "speaker": None,
         "target": {"start": dev.target[0], "end": dev.target[1]}, "stance": "neutral"}]) + "\n", encoding="utf-8")
    assert train_pairs("ar", data_dir=str(DATA), extra=[other])[1] == 1
    english = tmp_path / "english.jsonl"
    english.write_text(json.dumps(lines[2]) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="adds no ar pair"):
        train_pairs("ar", data_dir=str(DATA), extra=[english])
    own = next((Path(__file__).resolve().parent.parent / "training/annotations/ar").glob("*.jsonl"))
    with pytest.raises(ValueError, match="annotations' own folder"):
        train_pairs("ar", data_dir=str(DATA), extra=[own])
