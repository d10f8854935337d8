"""TransformerStanceClassifier: marking, and an overfit run (learns 8 examples, save/reload, batched = single)."""
from __future__ import annotations

import json
import shutil
from dataclasses import replace

import pytest
import torch

from stance.model import (ELISION, OTHER_MARKS, StanceModelConfig, TransformerStanceClassifier, crop, crop_item,
                          mark)
from stance.records import StanceItem

MARKERS = StanceModelConfig().markers


def _item(text: str, target: str, speaker: str | None, lang: str) -> StanceItem:
    t = text.index(target)
    s = None if speaker is None else (text.index(speaker), text.index(speaker) + len(speaker))
    return StanceItem(text, target=(t, t + len(target)), speaker=s, lang=lang)


DATA = [
    (_item("Hammond criticised Russia over the attack.", "Russia", "Hammond", "en"), "criticism"),
    (_item("Merkel praised France for its leadership.", "France", "Merkel", "en"), "support"),
    (_item("Obama met Putin in Geneva on Monday.", "Putin", "Obama", "en"), "neutral"),
    (_item("Russia was condemned for the invasion.", "Russia", None, "en"), "criticism"),
    (_item("وانتقد لافروف واشنطن بشدة.", "واشنطن", "لافروف", "ar"), "criticism"),
    (_item("وأشاد الرئيس بدعم الأردن.", "الأردن", "الرئيس", "ar"), "support"),
    (_item("Macron a salué l'Allemagne pour son aide.", "l'Allemagne", "Macron", "fr"), "support"),
    (_item("Le ministre a rencontré son homologue italien.", "son homologue italien", "Le ministre", "fr"), "neutral"),
]


def test_mark_wraps_speaker_and_target():
    text, s_at, t_at = mark(DATA[0][0], MARKERS)
    assert text == "passage: ‹ Hammond › criticised [ Russia ] over the attack."
    assert text[s_at] == "‹" and text[t_at] == "["


def test_mark_author_speaker_is_an_empty_mark():
    text, s_at, t_at = mark(DATA[3][0], MARKERS)
    assert text.startswith("passage: ‹ › [ Russia ]")
    assert text[s_at] == "‹" and text[t_at] == "["


def test_mark_target_inside_a_word_and_before_speaker():
    item = StanceItem("لروسيا قال الوزير", target=(1, 6), speaker=(11, 17))
    text, s_at, t_at = mark(item, MARKERS)
    assert text == "passage: ل[ روسيا ] قال ‹ الوزير ›"
    assert text[s_at] == "‹" and text[t_at] == "["


def test_mark_sets_the_other_targets_apart_only_for_a_model_that_reads_them():
    text = "وقال الوزير ان الحكومة تدعم المعارضة ضد تنظيم الدولة."
    t, o = text.index("المعارضة"), text.index("تنظيم الدولة")
    s = text.index("الوزير")
    item = StanceItem(text, target=(t, t + 8), speaker=(s, s + 6), others=((o, o + 12), (t, t + 3)))
    marked, s_at, t_at = mark(item, {**MARKERS, **OTHER_MARKS})
    # the other target marked { }, one overlapping the target read left unmarked
    assert marked == "passage: وقال ‹ الوزير › ان الحكومة تدعم [ المعارضة ] ضد { تنظيم الدولة }."
    assert marked[s_at] == "‹" and marked[t_at] == "["
    assert mark(item, MARKERS)[0] == mark(StanceItem(text, target=(t, t + 8), speaker=(s, s + 6)), MARKERS)[0]
    with pytest.raises(ValueError, match="other_open/other_close"):
        StanceModelConfig(markers={**MARKERS, "other_open": "{"})
    assert StanceModelConfig(markers={**MARKERS, **OTHER_MARKS}).stance_model_type == "transformer+others"
    with pytest.raises(ValueError, match="other target span"):
        StanceItem("abc", target=(0, 1), others=((2, 9),))


def test_crop_item_moves_the_other_targets_and_drops_those_cut_off():
    text = "far " * 60 + "Hammond said Kyiv and Russia erred" + " far" * 60 + " Berlin"
    sp, tg, kyiv, berlin = (text.index(w) for w in ("Hammond", "Russia", "Kyiv", "Berlin"))
    item = StanceItem(text, target=(tg, tg + 6), speaker=(sp, sp + 7), others=((kyiv, kyiv + 4), (berlin, berlin + 6)))
    cut = crop_item(item, 80)
    assert [cut.text[a:b] for a, b in cut.others] == ["Kyiv"]  # Berlin lies past the crop
    # a speaker and a target too far apart: an other target in either kept part stays, the elided text's goes
    text = "Hammond of Britain said " + "that " * 100 + "Kyiv and Russia erred."
    sp, tg, gb, kyiv = (text.index(w) for w in ("Hammond", "Russia", "Britain", "Kyiv"))
    mid = text.index("that ") + 5 * 50  # the 51st "that" of 100
    item = StanceItem(text, target=(tg, tg + 6), speaker=(sp, sp + 7),
                      others=((gb, gb + 7), (kyiv, kyiv + 4), (mid, mid + 4)))
    cut = crop_item(item, 80)
    assert ELISION in cut.text and [cut.text[a:b] for a, b in cut.others] == ["Britain", "Kyiv"]


def test_crop_keeps_the_spans():
    text = "word " * 500 + "Putin slammed NATO. " + "word " * 500
    s = text.index("Putin")
    t = text.index("NATO")
    out, off = crop(text, [(s, s + 5), (t, t + 4)], 200)
    assert len(out) <= 220
    assert out[s - off : s - off + 5] == "Putin" and out[t - off : t - off + 4] == "NATO"


def test_config_rejects_bad_values():
    with pytest.raises(ValueError, match="max_length"):
        StanceModelConfig(max_length=4)
    with pytest.raises(ValueError, match="labels"):
        StanceModelConfig(labels=("a", "a"))


def test_from_pretrained_refuses_other_model_types(tmp_path):
    (tmp_path / "config.json").write_text(json.dumps({"stance_model_type": "lexicon"}))
    (tmp_path / "adapter.safetensors").write_bytes(b"")
    with pytest.raises(ValueError, match="stance_model_type"):
        TransformerStanceClassifier.from_pretrained(tmp_path)


@pytest.fixture(scope="module")
def trained():
    """A tiny configuration (LoRA on the top 2 layers, 48 tokens) trained to memorise DATA."""
    torch.manual_seed(0)
    cfg = StanceModelConfig(max_length=48, lora_r=4, lora_alpha=8, lora_dropout=0.0, lora_layers_from=10,
                            head_dropout=0.0, head_hidden=64)
    clf = TransformerStanceClassifier.new(cfg, seed=0)
    items = [it for it, _ in DATA]
    y = torch.tensor([cfg.labels.index(lab) for _, lab in DATA])
    params = [p for p in clf.net.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=3e-3)
    enc = clf.encode(items)
    clf.net.train()
    losses = []
    for _ in range(40):
        loss = torch.nn.functional.cross_entropy(clf.net(**enc), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
        if loss.item() < 0.02:
            break
    clf.net.eval()
    return clf, losses


def test_overfit_loss_falls_and_learns(trained):
    clf, losses = trained
    assert losses[-1] < 0.25 * losses[0], losses
    preds = clf.predict([it for it, _ in DATA])
    assert [p.stance for p in preds] == [lab for _, lab in DATA]
    for p in preds:
        assert set(p.scores) == set(clf.labels) and abs(sum(p.scores.values()) - 1) < 1e-5


def test_batched_equals_one_at_a_time(trained):
    clf, _ = trained
    items = [it for it, _ in DATA]
    batched = clf.predict(items, batch_size=8)
    single = [clf.predict([it], batch_size=1)[0] for it in items]
    for a, b in zip(batched, single):
        assert a.stance == b.stance
        for lab in clf.labels:
            assert abs(a.scores[lab] - b.scores[lab]) < 1e-4


def test_save_and_reload_give_the_same_scores(trained, tmp_path):
    clf, _ = trained
    clf.save_pretrained(tmp_path)
    size = sum(f.stat().st_size for f in tmp_path.iterdir())
    assert size < 2_000_000  # deltas and head only, never the backbone
    cfg = json.loads((tmp_path / "config.json").read_text(encoding="utf-8"))
    assert cfg["stance_model_type"] == "transformer" and cfg["labels"] == list(clf.labels)
    assert cfg["base"].startswith("multilingual-e5-small")
    items = [it for it, _ in DATA]
    before = clf.predict(items)
    for merge in (False, True):
        again = TransformerStanceClassifier.from_pretrained(tmp_path, merge=merge).predict(items)
        for a, b in zip(before, again):
            assert a.stance == b.stance
            for lab in clf.labels:
                assert abs(a.scores[lab] - b.scores[lab]) < 1e-4


def test_target_filter_rides_on_predict_and_drops_pairs(trained, tmp_path):
    """A filter fitted for real on the model's own features is saved beside it, comes back with from_pretrained,
    fills Prediction.relevance, and Pipeline.score drops the pairs under its threshold in its languages only."""
    from sklearn.linear_model import LogisticRegression

    from stance.pipeline import Pipeline
    from stance.records import Article, Mention, Span, Statement
    from stance.relevance import TargetFilter

    clf, _ = trained
    items = [it for it, _ in DATA]
    x = clf.features(items).detach().numpy()
    assert x.shape == (len(items), 3 * 384 + len(clf.labels))
    y = [lab != "neutral" for _, lab in DATA]  # learnable from the features: the stance probabilities are in them
    lr = LogisticRegression(C=10.0, max_iter=5000).fit(x, y)
    filt = TargetFilter(torch.tensor(lr.coef_[0]), torch.tensor(lr.intercept_[0]), threshold=0.5, langs=("ar", "en"))
    clf.save_pretrained(tmp_path)
    filt.save(tmp_path)
    again = TransformerStanceClassifier.from_pretrained(tmp_path)
    assert again.target_filter is not None
    rel = [p.relevance for p in again.predict(items)]
    assert rel == pytest.approx(lr.predict_proba(x)[:, 1].tolist(), abs=1e-3)
    with again.remembering():  # the filter reads the remembered features the same way
        assert [p.relevance for p in again.predict(items + items)] == pytest.approx(rel + rel, abs=1e-6)
    assert [r >= 0.5 for r in rel] == y

    def statement(item, k):
        text = item.text
        sp = Mention(Span.of(text, *item.speaker)) if item.speaker else None
        return Statement("d", f"d:{k}", sp, None, Span.of(text, 0, len(text)), lang=item.lang,
                         context=Span.of(text, 0, len(text)), targets=(Mention(Span.of(text, *item.target)),))

    kept, every = [], []
    for k, (it, _) in enumerate(DATA):
        art = Article("d", it.text, it.lang)
        st = [statement(it, k)]
        kept += [p.target.text for p in Pipeline(again, actors=None).score(art, st)]
        every += [p.target.text for p in Pipeline(again, actors=None, target_filter=False).score(art, st)]
    assert len(every) == len(DATA)
    # French is outside the filter's languages and the author's own voice (no speaker) was never fitted: both stay
    want = [it.text[slice(*it.target)] for (it, lab), r in zip(DATA, rel)
            if r >= 0.5 or it.lang == "fr" or it.speaker is None]
    assert kept == want and len(kept) < len(every)


def test_a_filter_that_does_not_fit_the_model_is_refused_at_load(trained, tmp_path):
    from stance.relevance import FILTER_CONFIG, FILTER_WEIGHTS, TargetFilter

    clf, _ = trained
    clf.save_pretrained(tmp_path)
    TargetFilter(torch.zeros(10), torch.tensor(0.0)).save(tmp_path)  # 10 features; the model gives 3 * 384 + 3
    with pytest.raises(ValueError, match="refit it"):
        TransformerStanceClassifier.from_pretrained(tmp_path)
    assert TransformerStanceClassifier.from_pretrained(tmp_path, target_filter=False).target_filter is None
    (tmp_path / FILTER_CONFIG).unlink()  # half a filter: refused, but the model still loads without it
    with pytest.raises(FileNotFoundError, match=FILTER_WEIGHTS):
        TransformerStanceClassifier.from_pretrained(tmp_path)
    assert TransformerStanceClassifier.from_pretrained(tmp_path, target_filter=False).target_filter is None


def test_a_shift_of_labels_the_model_lacks_is_refused_at_load(trained, tmp_path):
    from stance.relevance import TargetFilter

    clf, _ = trained
    clf.save_pretrained(tmp_path)
    TargetFilter(torch.zeros(clf.n_filter_features), torch.tensor(0.0), stance_shift={"nuetral": 0.5}).save(tmp_path)
    with pytest.raises(ValueError, match="--shift-only"):
        TransformerStanceClassifier.from_pretrained(tmp_path)
    TargetFilter(torch.zeros(clf.n_filter_features), torch.tensor(0.0), stance_shift={"neutral": 0.5}).save(tmp_path)
    assert TransformerStanceClassifier.from_pretrained(tmp_path).target_filter.stance_shift == {"neutral": 0.5}
    with pytest.raises(ValueError, match="finite numbers"):
        TargetFilter(torch.zeros(3), torch.tensor(0.0), stance_shift={"neutral": True})


def test_a_lexical_prior_rides_on_predict_in_its_languages(trained, tmp_path):
    """A prior fitted for real on DATA (for Arabic only) is saved beside the model and comes back with from_pretrained:
    the Arabic scores are the blend of the transformer's own with it, the others the transformer's own; the model's
    name says so; `lexical_prior=False` leaves it out; a prior with other labels is refused at load."""
    from stance.lexical import LexicalPrior

    clf, _ = trained
    ar = [(it, lab) for it, lab in DATA if it.lang == "ar"]
    prior = LexicalPrior.fit([it for it, _ in DATA] * 3, [lab for _, lab in DATA] * 3, C=10.0, weight=0.5, min_df=1)
    from stance.relevance import TargetFilter

    clf.save_pretrained(tmp_path)
    prior.save(tmp_path)
    TargetFilter(torch.linspace(-1, 1, clf.n_filter_features), torch.tensor(0.0), threshold=0.5).save(tmp_path)
    items = [it for it, _ in DATA]
    own = TransformerStanceClassifier.from_pretrained(tmp_path, lexical_prior=False)
    both = TransformerStanceClassifier.from_pretrained(tmp_path)
    assert own.lexical_prior is None and both.lexical_prior is not None
    assert both.name == own.name + " + lexical prior"
    alone, blended = own.predict(items), both.predict(items)
    want = prior.blend([p.scores for p in alone], items)
    moved = 0
    for it, a, b, w in zip(items, alone, blended, want):
        assert b.scores == pytest.approx(w, abs=1e-5) and b.stance == max(w, key=w.get)
        assert b.relevance == pytest.approx(a.relevance, abs=1e-6)  # the filter reads the transformer's own
        if it.lang != "ar":
            assert b.scores == pytest.approx(a.scores, abs=1e-6)
        else:
            moved += abs(b.scores[b.stance] - a.scores[b.stance]) > 1e-4
    assert moved == len(ar)
    prior.weight = 0.0
    prior.save(tmp_path)  # a prior that changes nothing does not rename the model
    assert TransformerStanceClassifier.from_pretrained(tmp_path).name == own.name
    LexicalPrior.fit([it for it, _ in ar] * 3, ["support", "neutral"] * 3, min_df=1).save(tmp_path)
    with pytest.raises(ValueError, match="training.lexical_prior"):
        TransformerStanceClassifier.from_pretrained(tmp_path)


# a real wire sentence (Hammond, the seed article) padded with dense figures, as casualty lists in the news are
HAMMOND = "وقال وزير الخارجية البريطاني فيليب هاموند إن روسيا تستهدف المعارضة أكثر من تنظيم الدولة الإسلامية"
FIGURES = " ".join(f"{n}/{n % 12 + 1}/2015" for n in range(1, 40))


def _marks_read(clf, item):
    """The tokens the head reads at the speaker and target marks."""
    enc = clf.encode([item])
    ids = enc["input_ids"][0]
    return [clf.tokenizer.convert_ids_to_tokens(int(ids[int(enc[k][0])])) for k in ("speaker_index", "target_index")]


@pytest.mark.parametrize("layout", ["dense", "far_apart"])
def test_encode_keeps_both_marks_inside_max_length(trained, layout):
    clf, _ = trained  # max_length 48: a first crop of 192 characters
    if layout == "dense":  # the speaker 150 characters of figures before the target: under 192, over 48 tokens
        text = HAMMOND.replace(" إن ", f" في {FIGURES[:150]} إن ")
    else:  # 700 characters between them: even the text between the two spans is too long
        text = HAMMOND.replace(" إن ", f" في {FIGURES} {FIGURES[:200]} إن ")
    item = _item(text, "روسيا", "فيليب هاموند", "ar")
    first = mark(crop_item(item, 48 * 4), MARKERS)
    if layout == "dense":  # the first crop leaves the target mark past max_length: encode must crop again
        ids = clf.tokenizer(first[0], truncation=True, max_length=48, return_offsets_mapping=True)
        assert ids["offset_mapping"][-2][1] < first[2]
    else:  # the text between them is elided at once
        assert ELISION in first[0] and "فيليب هاموند" in first[0] and "روسيا" in first[0]
    assert [t.strip("▁") for t in _marks_read(clf, item)] == ["‹", "["]


def test_crop_item_cuts_no_word_and_bounds_a_run_without_spaces(trained):
    clf, _ = trained
    # figures joined by no-break spaces (no plain space for a cut to move to): the crop must still shrink
    text = HAMMOND.replace(" إن ", f" في {FIGURES.replace(' ', chr(160))} إن ")
    item = _item(text, "روسيا", "فيليب هاموند", "ar")
    assert [t.strip("▁") for t in _marks_read(clf, item)] == ["‹", "["]
    # the elision falls between words; an item inside the budget is left whole
    text = "Hammond said the plan announced yesterday by Russia failed."
    cut = crop_item(_item(text, "Russia", "Hammond", "en"), 40)
    assert ELISION in cut.text and all(w in text.split() for w in cut.text.replace(ELISION, " ").split())
    assert crop_item(_item(text, "Russia", "Hammond", "en"), 200).text == text


def test_inside_remembering_a_pair_is_read_once_and_scores_stay(trained, monkeypatch):
    """The choosers of training/ score the same dev pairs under many settings: inside `remembering()` the network
    reads each item once (here counted at `_forward`), the scores are those of a fresh reading, the lexical
    prior is still blended after (it may change between calls), and outside the block nothing is kept."""
    from stance.lexical import LexicalPrior

    clf, _ = trained
    items = [it for it, _ in DATA]
    fresh = clf.predict(items, batch_size=4)
    seen: list[int] = []
    forward = clf._forward
    monkeypatch.setattr(clf, "_forward", lambda batch: (seen.append(len(batch)), forward(batch))[1])
    with clf.remembering():
        first = clf.predict(items + items[:2], batch_size=4)  # a repeat inside one call is read once too
        again = clf.predict(list(reversed(items)), batch_size=4)
        assert sum(seen) == len(set(items)) and again[::-1] == first[: len(items)]
        prior = LexicalPrior.fit(items * 2, [lab for _, lab in DATA] * 2, langs=("en", "ar", "fr"), min_df=1)
        prior.weight = 5.0
        clf.lexical_prior = prior
        try:
            blended = clf.predict(items, batch_size=4)
        finally:
            clf.lexical_prior = None
        assert sum(seen) == len(set(items))  # the prior is blended into what was remembered, nothing read again
        assert blended != first[: len(items)]
    for a, b in zip(fresh, first):
        assert a.stance == b.stance and all(abs(a.scores[k] - b.scores[k]) < 1e-5 for k in clf.labels)
    clf.predict(items[:3], batch_size=4)
    assert sum(seen) == len(set(items)) + 3  # outside the block every call reads afresh
    # other targets are part of what a model that marks them reads: another set of them is another input
    marked = [replace(it, others=((0, 1),)) for it in items[:2]]
    with clf.remembering():
        clf.predict(items[:2] + marked, batch_size=4)
        assert sum(seen) == len(set(items)) + 3 + 2  # a model without the marks reads the same text: once
        clf.config.markers = {**clf.config.markers, **OTHER_MARKS}
        try:
            clf.predict(marked, batch_size=4)
        finally:
            clf.config.markers = {k: v for k, v in clf.config.markers.items() if k not in OTHER_MARKS}
        assert sum(seen) == len(set(items)) + 3 + 4


@pytest.mark.parametrize("part, present, remedy", [
    ("relevance.TargetFilter", "target_filter.json", "training.target_filter"),
    ("lexical.LexicalPrior", "lexical_prior.safetensors", "training.lexical_prior"),
    ("target_tagger.TargetTagger", "target_tagger.json", "training.target_tagger"),
    ("speaker_tagger.SpeakerTagger", "speaker_tagger.safetensors", "training.speaker_tagger"),
])
def test_a_part_saved_as_two_files_needs_both(tmp_path, part, present, remedy):
    """A folder without the part has none (None); one with half of it is refused, saying how to mend it."""
    import importlib

    module, name = part.rsplit(".", 1)
    cls = getattr(importlib.import_module(f"stance.{module}"), name)
    assert cls.load(tmp_path) is None
    (tmp_path / present).write_text("{}", encoding="utf-8")
    with pytest.raises(FileNotFoundError, match=f"has only one of .*{remedy}"):
        cls.load(tmp_path)


def test_an_ensemble_member_is_averaged_in_for_its_languages(trained, tmp_path):
    """A second model saved in a sub-folder and named in `ensemble.json` comes back with from_pretrained: the scores
    of the items in the ensemble's languages are the weighted average of the two models' probabilities (the lexical
    prior, if any, added after), the others the model's own; the target filter reads the model's own features; the
    name says how many networks read; `ensemble=False` leaves the member out; bad files say what to do."""
    from stance.ensemble import Ensemble
    from stance.relevance import TargetFilter

    clf, _ = trained
    clf.save_pretrained(tmp_path)
    TargetFilter(torch.linspace(-1, 1, clf.n_filter_features), torch.tensor(0.0), threshold=0.5).save(tmp_path)
    second = TransformerStanceClassifier.new(clf.config, seed=1)  # its own random head: other probabilities
    second.save_pretrained(tmp_path / "second")
    Ensemble(members=("second",), weight=0.25, langs=("ar", "fr")).save(tmp_path)
    items = [it for it, _ in DATA]
    own = TransformerStanceClassifier.from_pretrained(tmp_path, ensemble=False)
    other = TransformerStanceClassifier.from_pretrained(tmp_path / "second")
    both = TransformerStanceClassifier.from_pretrained(tmp_path)
    assert own.members == [] and len(both.members) == 1
    assert both.name == own.name + " x2"
    alone, member, blended = own.predict(items), other.predict(items), both.predict(items)
    moved = 0
    for it, a, m, b in zip(items, alone, member, blended):
        want = {lab: 0.75 * a.scores[lab] + 0.25 * m.scores[lab] for lab in clf.labels} if it.lang in ("ar", "fr") \
            else a.scores
        assert b.scores == pytest.approx(want, abs=1e-5) and b.stance == max(want, key=want.get)
        assert b.relevance == pytest.approx(a.relevance, abs=1e-6)
        moved += abs(b.scores[b.stance] - a.scores[b.stance]) > 1e-4
    assert moved == sum(it.lang in ("ar", "fr") for it in items)
    _classify_reads_the_ensemble(tmp_path, items, own.name, both.name)
    pair = [replace(items[0], lang="en"), replace(items[0], lang="ar")]  # one pair: read alone, then with the member
    with both.remembering():
        remembered = both.predict(pair)
    assert [p.scores for p in remembered] == [p.scores for p in both.predict(pair)]
    assert remembered[0].scores != remembered[1].scores
    (tmp_path / "linked").symlink_to(tmp_path / "second")
    outside = tmp_path.parent / (tmp_path.name + "_outside")
    TransformerStanceClassifier.new(clf.config, seed=2).save_pretrained(outside)
    (tmp_path / "away").symlink_to(outside)
    bad_files = [('{"members": ["../elsewhere"]}', ValueError, "sub-folder"),
                 ('{"members": ["missing"]}', FileNotFoundError, "member 'missing' named in .*--no-ensemble"),
                 ('{"members": "second", "langs": ["ar"]}', ValueError, "members must be a non-empty list"),
                 ('{"members": ["second"], "langs": "ar"}', ValueError, "langs must be a non-empty list"),
                 ('{"members": ["away"]}', ValueError, "leads outside the model folder"),
                 ('{"members": ["second"], "weight": 2}', ValueError, "weight must be a number from 0 to 1")]
    for content, error, message in bad_files:
        (tmp_path / "ensemble.json").write_text(content, encoding="utf-8")
        with pytest.raises(error, match=message):
            TransformerStanceClassifier.from_pretrained(tmp_path)
    (tmp_path / "ensemble.json").write_text('{"members": ["linked"]}', encoding="utf-8")
    TransformerStanceClassifier.from_pretrained(tmp_path)  # a link inside the folder is the folder's own


def test_training_ensemble_reports_each_weight_and_writes_the_member(trained, tmp_path, monkeypatch):
    """`python -m training.ensemble`: the dev macro-F1 at weight 0 is the model's own and at weight 1 the member's
    (both computed here from their own predictions), the member is copied in and `ensemble.json` names it, a
    `--name` that is a folder of something else is refused, and `--dry-run` writes nothing."""
    from sklearn.metrics import f1_score

    import training.ensemble as te
    from training.datasets.example import Example

    clf, _ = trained
    model, member = tmp_path / "model", tmp_path / "runs" / "second"
    clf.save_pretrained(model)
    TransformerStanceClassifier.new(clf.config, seed=1).save_pretrained(member)
    dev = [Example(it, lab, "fixture") for it, lab in DATA]
    monkeypatch.setattr(te, "load_annotations", lambda lang, split, root=None, data_dir=None:
                        [ex for ex in dev if ex.item.lang == lang] if split == "dev" else [])
    report = te.dev_report(model, member, ["en", "ar"])
    for lang, row in report.items():
        items, gold = [ex.item for ex in dev if ex.item.lang == lang], [ex.stance for ex in dev if ex.item.lang == lang]
        want = {w: f1_score(gold, [p.stance for p in TransformerStanceClassifier.from_pretrained(path).predict(items)],
                            labels=list(clf.labels), average="macro", zero_division=0)
                for w, path in (("0.0", model), ("1.0", member))}
        assert row["n"] == len(items) and list(row["dev_macro_f1_by_weight"]) == [str(w) for w in te.WEIGHT_GRID]
        for w, f in want.items():
            assert row["dev_macro_f1_by_weight"][w] == pytest.approx(f, abs=1e-4)
    te.main(["--member", str(member), "--model", str(model), "--langs", "en", "--dry-run"])
    assert not (model / "ensemble.json").exists() and not (model / "member").exists()
    te.main(["--member", str(member), "--model", str(model), "--langs", "en", "fr", "--weight", "0.25"])
    ens = TransformerStanceClassifier.from_pretrained(model)
    assert len(ens.members) == 1 and ens.ensemble.langs == ("en", "fr") and ens.ensemble.weight == 0.25
    assert json.loads((model / "ensemble.json").read_text(encoding="utf-8"))["info"]["dev"]["en"]["n"] == 4
    (model / "notes").mkdir()
    for bad, message in ((["--name", "notes"], "is not a member of this model's ensemble"),
                         (["--name", "."], "must be the name of a sub-folder"),
                         (["--name", "a/b"], "must be the name of a sub-folder")):
        with pytest.raises(SystemExit, match=message):
            te.main(["--member", str(member), "--model", str(model), "--langs", "en", *bad])
    for folder in (model, model / "member", tmp_path):  # the model itself, inside it, or holding it
        with pytest.raises(SystemExit, match="inside it or holds it"):
            te.main(["--member", str(folder), "--model", str(model), "--langs", "en", "--name", "third"])
    assert sorted(p.name for p in model.iterdir()) == ["adapter.safetensors", "config.json", "ensemble.json",
                                                       "member", "notes"]  # nothing written, nothing lost
    te.main(["--member", str(member), "--model", str(model), "--name", "third", "--langs", "ar", "--dry-run"])
    te.main(["--member", str(member), "--model", str(model), "--name", "third", "--langs", "ar"])
    again = TransformerStanceClassifier.from_pretrained(model)  # members already there are kept
    assert again.ensemble.members == ("member", "third") and again.ensemble.langs == ("ar",)


def _classify_reads_the_ensemble(model, items, own_name, both_name):
    """`stance classify --model DIR` reads with the members, `--no-ensemble` without them."""
    from typer.testing import CliRunner

    from stance.cli import app

    src = model.parent / "pairs.jsonl"
    src.write_text("".join(json.dumps({"id": str(k), "text": it.text, "lang": it.lang,
                                       "target": {"start": it.target[0], "end": it.target[1]},
                                       "speaker": None if it.speaker is None else
                                       {"start": it.speaker[0], "end": it.speaker[1]}}) + "\n"
                           for k, it in enumerate(items)), encoding="utf-8")
    runs = {}
    for extra in ([], ["--no-ensemble"]):
        out = model.parent / f"out{len(runs)}.jsonl"
        res = CliRunner().invoke(app, ["classify", str(src), "--model", str(model), "-o", str(out), *extra])
        assert res.exit_code == 0, res.output
        runs[bool(extra)] = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert {d["model"] for d in runs[False]} == {both_name} and {d["model"] for d in runs[True]} == {own_name}
    assert [d["scores"] != e["scores"] for d, e in zip(runs[False], runs[True])] == \
        [it.lang in ("ar", "fr") for it in items]


def test_training_soup_averages_the_adapters_and_keeps_the_first_folder(trained, tmp_path):
    """`python -m training.soup`: the soup's adapter is the weighted average of the members' tensors, the rest of the
    folder is the first member's, a soup of a model with itself predicts what the model predicts, and members of
    another architecture, missing files or an existing output folder are refused."""
    from safetensors.torch import load_file

    import training.soup as ts

    clf, _ = trained
    a, b = tmp_path / "a", tmp_path / "b"
    clf.save_pretrained(a)
    TransformerStanceClassifier.new(clf.config, seed=1).save_pretrained(b)
    (a / "notes.txt").write_text("kept", encoding="utf-8")
    ts.main([str(a), str(b), "--out", str(tmp_path / "soup"), "--weights", "3", "1"])
    ta, tb, soup = (load_file(p / "adapter.safetensors") for p in (a, b, tmp_path / "soup"))
    assert set(soup) == set(ta) and any(not torch.equal(ta[k], tb[k]) for k in ta)
    for k in ta:
        assert torch.allclose(soup[k].float(), 0.75 * ta[k].float() + 0.25 * tb[k].float(), atol=1e-6)
    assert (tmp_path / "soup" / "notes.txt").read_text(encoding="utf-8") == "kept"
    items = [it for it, _ in DATA]
    ts.make_soup([a, a], tmp_path / "same")
    same = TransformerStanceClassifier.from_pretrained(tmp_path / "same").predict(items)
    assert [p.stance for p in same] == [p.stance for p in clf.predict(items)]
    other = tmp_path / "other"
    shutil.copytree(b, other)
    cfg = json.loads((other / "config.json").read_text(encoding="utf-8"))
    cfg["lora_r"] = cfg.get("lora_r", 8) + 1
    (other / "config.json").write_text(json.dumps(cfg), encoding="utf-8")
    for args, message in (([a, other], "differs from"), ([a], "at least two"), ([a, tmp_path / "none"], "has no")):
        with pytest.raises(SystemExit, match=message):
            ts.main([*map(str, args), "--out", str(tmp_path / "x")])
    with pytest.raises(SystemExit, match="exists"):
        ts.main([str(a), str(b), "--out", str(tmp_path / "soup")])
    with pytest.raises(SystemExit, match="one non-negative weight per member"):
        ts.main([str(a), str(b), "--out", str(tmp_path / "y"), "--weights", "1"])
    assert not (tmp_path / "x").exists() and not (tmp_path / "y").exists()
