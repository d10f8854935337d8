"""The speaker tagger (stance.speaker_tagger) and its training (training.speaker_tagger): what it reads, its rows,
a real tiny training run, and what the pipeline does with its reading of each rule speaker."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from stance.records import Article, Mention, Span, Statement
from stance.speaker_tagger import SPEAKER_CONFIG, SPEAKER_WEIGHTS, SpeakerTagger, speaker_input
from stance.target_tagger import Reading, TaggerConfig, TargetTagger, words
from training.speaker_tagger import rows
from training.target_tagger import Row, Text, train, word_tags

HAMMOND = "وقال وزير الخارجية البريطاني فيليب هاموند ان روسيا تواصل استهداف المعارضة أكثر من تنظيم الدولة."


def test_rows_tag_each_sentences_gold_speakers_and_nothing_else():
    """Two sentences of one real-shaped text: each row is one sentence, bare, with only its own speakers tagged (a
    sentence without one is all O); a sentence seen twice is one row."""
    text = "وقال الوزير ان الجيش انسحب. وهتف المتظاهرون ضد الحكومة. وانتهى الاجتماع."
    minister, crowd = text.index("الوزير"), text.index("المتظاهرون")
    army, gov = text.index("الجيش"), text.index("الحكومة")
    t = Text(text, "d", [((minister, minister + 6), (army, army + 5)), ((crowd, crowd + 10), (gov, gov + 7)),
                         ((minister, minister + 6), (gov, gov + 7))])
    out = rows([t, t])
    assert [r.item for r in out] == [("وقال الوزير ان الجيش انسحب.", None), ("وهتف المتظاهرون ضد الحكومة.", None),
                                     ("وانتهى الاجتماع.", None)]
    tagged = [[r.item[0][a:b] for (a, b), tag in zip(words(r.item[0]), r.tags) if tag] for r in out]
    assert tagged == [["الوزير"], ["المتظاهرون"], []]


def test_the_bare_sentence_is_read_word_by_word():
    """An item with nothing marked is encoded without markers, and every word's first token is found where it
    starts (the same words as a marked reading of the same sentence)."""
    tagger = SpeakerTagger.new(TaggerConfig(lora_r=2, lora_alpha=4), seed=0)
    bare = tagger.encode([(HAMMOND, None)])
    marked = tagger.encode([(HAMMOND, (HAMMOND.index("فيليب"), HAMMOND.index(" ان")))])
    assert -1 not in bare.first_token[0] and len(bare.first_token[0]) == len(words(HAMMOND))
    assert "‹" not in tagger.tokenizer.decode(bare.input_ids[0])
    ids = bare.input_ids[0].tolist()
    for (a, b), k in zip(words(HAMMOND), bare.first_token[0]):
        piece = tagger.tokenizer.convert_ids_to_tokens(ids[k]).lstrip("▁")
        assert piece and HAMMOND[a:b].startswith(piece), (HAMMOND[a:b], piece)
    assert len(marked.first_token[0]) == len(bare.first_token[0])


def test_speaker_input_is_the_sentence_and_skips_speakers_elsewhere():
    text = "قال الوزير ذلك. وأضاف ان الجيش انسحب."
    st = Statement("d", "d:1", Mention(Span(4, 10, "الوزير")), Span(0, 3, "قال"), Span(11, 14, "ذلك"), lang="ar",
                   context=Span(0, 15, text[:15]))
    (item, mark), shift = speaker_input(st, text)
    assert item == text[:15] and mark is None and shift == 0
    later = Statement("d", "d:2", Mention(Span(25, 30, "الجيش")), None, Span(16, 37, text[16:37]), lang="ar",
                      context=Span(16, 37, text[16:37]))
    (item, _), shift = speaker_input(later, text)  # input offset = article offset + shift, as tagger_input has it
    assert shift == -16 and item[later.speaker.start + shift : later.speaker.end + shift] == "الجيش"
    resolved = Statement("d", "d:2", Mention(Span(4, 10, "الوزير"), resolved=True), Span(16, 21, "وأضاف"),
                         Span(25, 36, "الجيش انسحب"), lang="ar", context=Span(16, 37, text[16:37]))
    assert speaker_input(resolved, text) is None
    assert speaker_input(Statement("d", "d:3", None, None, Span(0, 3, "قال"), lang="ar"), text) is None


def test_files_are_the_speaker_taggers_own(tmp_path: Path):
    assert SpeakerTagger.load(tmp_path) is None
    (tmp_path / SPEAKER_CONFIG).write_text(json.dumps(TaggerConfig().to_json()), encoding="utf-8")
    with pytest.raises(FileNotFoundError, match=f"{SPEAKER_WEIGHTS}.*training.speaker_tagger"):
        SpeakerTagger.load(tmp_path)
    assert TargetTagger.load(tmp_path) is None  # the target tagger's files are others


@pytest.mark.slow
def test_a_tiny_speaker_tagger_learns_who_speaks_and_survives_a_round_trip(tmp_path: Path):
    """Real training on the backbone: a few sentences with their speaker; the tagger reads the speakers above the
    other words, is saved, and loads (merged) with the same output."""
    sentences = [
        ("وقال الوزير ان المتظاهرين اعتدوا على الشرطة.", "الوزير"),
        ("واكد المتحدث ان الحكومة فشلت في ادارة الازمة.", "المتحدث"),
        ("واعلن المسؤول ان الجيش قصف القرية.", "المسؤول"),
        ("وقال الشاهد ان الجنود اطلقوا النار.", "الشاهد"),
    ]
    data = [Row((text, None), word_tags(text, [(text.index(s), text.index(s) + len(s))])) for text, s in sentences]
    tagger = SpeakerTagger.new(TaggerConfig(lora_r=4, lora_alpha=8), seed=0)
    losses = train(tagger, data * 4, epochs=4, batch_size=4, lr=2e-3, head_lr=5e-3, seed=0)
    assert losses[-1] < losses[0]
    readings = tagger.read([r.item for r in data])
    for (text, s), r in zip(sentences, readings):
        a = text.index(s)
        others = [r.score(x, y) for x, y in r.words if not x <= a < y]
        assert r.score(a, a + len(s)) > max(others), (text, r.tags)
    tagger.save_pretrained(tmp_path)
    loaded = SpeakerTagger.load(tmp_path)
    assert (tmp_path / SPEAKER_WEIGHTS).exists() and loaded.config.lora_r == 4
    again = loaded.read([r.item for r in data])
    assert all(abs(x - y) < 1e-4 for ra, rb in zip(readings, again) for wa, wb in zip(ra.tags, rb.tags)
               for x, y in zip(wa, wb))


class _Speakers:
    """Stands in for the speaker tagger: reads the given words as speakers (B at 0.9) and every other word at
    `other`; what the pipeline does with its reading is what is tested."""

    def __init__(self, names: list[str], veto: float, other: float = 0.05) -> None:
        self.names, self.config, self.other = names, TaggerConfig(rule_veto=veto), other
        self.items: list = []

    def read(self, items, batch_size=32):
        self.items.extend(items)
        out = []
        for text, _ in items:
            ws = words(text)
            tags = [(0.1, 0.9, 0.0) if text[a:b] in self.names else (1 - self.other, self.other, 0.0) for a, b in ws]
            out.append(Reading(ws, tags))
        return out

    def spans(self, item, reading, threshold=None, lang=None):
        t = self.config.threshold_for(lang) if threshold is None else threshold
        return [(a, b, 0.9) for a, b in words(item[0]) if item[0][a:b] in self.names and 0.9 >= t]


def test_a_speaker_read_as_no_one_drops_its_statement(tmp_path: Path):
    """The statement whose speaker the tagger reads under the veto loses all its pairs (listed as dropped by the
    speaker tagger); a speaker it reads as one keeps them; at veto 0 nothing is dropped."""
    from stance.pipeline import Pipeline

    nlp = Pipeline.load(target_tagger=False, speaker_tagger=False)
    article = Article("t", HAMMOND, "ar")
    sts = nlp.statements(article)
    assert [st.speaker.text for st in sts] == ["وزير الخارجية البريطاني فيليب هاموند"]
    nlp.speaker_tagger = _Speakers(["فيليب", "هاموند"], veto=0.5)  # the title's words read low: mean 0.5
    ((_, scored),) = nlp.with_tagged_speakers([(article, sts)])
    assert scored[0].speaker_score == round((0.05 * 3 + 0.9 * 2) / 5, 4) == 0.39
    kept, dropped = nlp.score_all(article, sts)
    assert kept == [] and len(dropped) >= 2 and all(nlp.speaker_vetoed(p.statement) for p in dropped)
    nlp.speaker_tagger = _Speakers(["وزير", "الخارجية", "البريطاني", "فيليب", "هاموند"], veto=0.5)
    kept, _ = nlp.score_all(article, sts)
    assert "روسيا" in [p.target.text for p in kept]
    nlp.speaker_tagger = _Speakers([], veto=0.0)
    kept0, _ = nlp.score_all(article, sts)
    assert [p.target.text for p in kept0] == [p.target.text for p in kept]


def test_resolved_speakers_are_not_read_and_a_sentence_is_read_once():
    from stance.pipeline import Pipeline

    nlp = Pipeline.load(target_tagger=False, speaker_tagger=False, with_classifier=False)
    text = "وقال الوزير ان الجيش انسحب، واتهم الوزير المعارضة بالعمالة. وأضاف ان الشرطة باقية."
    article = Article("t", text, "ar")
    sts = nlp.statements(article)
    assert [st.speaker.resolved for st in sts] == [False, False, True]
    nlp.speaker_tagger = _Speakers([], veto=0.5)
    ((_, scored),) = nlp.with_tagged_speakers([(article, sts)])
    assert len(nlp.speaker_tagger.items) == 1  # the first sentence, once for its two statements
    assert [st.speaker_score for st in scored] == [0.05, 0.05, None]
    assert [nlp.speaker_vetoed(st) for st in scored] == [True, True, False]


def test_a_speaker_read_where_the_rules_found_no_cue_becomes_a_statement():
    """In a sentence with no cue, the speaker the tagger reads there speaks, with no cue and the sentence as
    content; the target tagger gives its targets and the stance model labels them. A sentence holding a cue gives
    no such statement, and with `propose` off there are none."""
    from stance.pipeline import Pipeline
    from test_target_tagger import _FixedTagger

    nlp = Pipeline.load(target_tagger=False, speaker_tagger=False)
    text = "وقال الوزير ان الجيش انسحب. وفرضت الشرطة طوقا امنيا حول مقر الحكومة في العاصمة."
    article = Article("t", text, "ar")
    sts = nlp.statements(article)
    assert [st.speaker.text for st in sts] == ["الوزير"]
    nlp.target_tagger = _FixedTagger(["الحكومة", "الجيش"])
    nlp.speaker_tagger = _Speakers(["الشرطة", "الوزير"], veto=0.0)
    kept, _ = nlp.score_all(article, sts)
    new = [p for p in kept if p.statement.cue_kind == "tagged"]
    assert [(p.statement.speaker.text, p.target.text) for p in new] == [("الشرطة", "الحكومة")]
    line = new[0].to_json()
    assert line["cue"] is None and line["speaker"]["tagger"] == 0.9 and line["statement_id"] == "t:2"
    assert text[line["content"]["start"]:line["content"]["end"]] == "وفرضت الشرطة طوقا امنيا حول مقر الحكومة في العاصمة."
    nlp.speaker_tagger.config.propose = False
    kept, _ = nlp.score_all(article, sts)
    assert not [p for p in kept if p.statement.cue_kind == "tagged"]


def test_the_settings_choice_vetoes_a_wrong_speaker_and_adds_a_missed_one():
    """`choose_settings` on a text whose gold pairs are the official's (found by the rules) and the police's (a
    sentence with no cue): vetoing the minister (read at 0.05; no gold pair) raises precision, so the first veto
    above 0.05 is chosen; proposing the police (read at 0.9) raises recall, so proposing is switched on at the
    first threshold; the pipeline is given back as it was."""
    from stance.pipeline import Pipeline
    from test_target_tagger import _FixedTagger
    from training.speaker_tagger import SPEAKER_THRESHOLDS, SPEAKER_VETOES, choose_settings

    nlp = Pipeline.load(target_tagger=False, speaker_tagger=False)
    nlp.target_tagger = _FixedTagger(["الحكومة", "الجيش"])
    text = ("وقال الوزير ان الجيش انسحب. وقال المسؤول ان الحكومة فشلت. "
            "وفرضت الشرطة طوقا امنيا حول مقر الحكومة في العاصمة.")
    article = Article("t", text, "ar")
    tagger = _Speakers(["الشرطة", "المسؤول"], veto=0.0)
    nlp.speaker_tagger = tagger
    kept, _ = nlp.score_all(article, nlp.statements(article))
    labels = {p.statement.speaker.text: p.stance for p in kept if p.target.text == "الحكومة"}
    assert set(labels) == {"المسؤول", "الشرطة"}
    gold = Text(text, "t", [], [])
    for speaker in ("المسؤول", "الشرطة"):
        s = text.index(speaker)
        g = text.index("الحكومة", s)
        gold.gold.append(((s, s + len(speaker)), (g, g + 7)))
        gold.stances.append(labels[speaker])
    nlp.speaker_tagger = None
    tables = choose_settings(nlp, tagger, [gold], "ar")
    assert tagger.config.rule_veto == 0.1 and tagger.config.propose and tagger.config.threshold == SPEAKER_THRESHOLDS[0]
    assert set(tables["rule_veto"]) == set(map(str, SPEAKER_VETOES))
    assert set(tables["threshold"]) == {"none", *map(str, SPEAKER_THRESHOLDS)}
    assert tables["rule_veto"]["0.0"]["with_stance"][0] < tables["rule_veto"]["0.1"]["with_stance"][0] == 1.0
    assert tables["threshold"]["none"]["with_stance"][1] == 0.5 < tables["threshold"]["0.7"]["with_stance"][1] == 1.0
    assert nlp.speaker_tagger is None


POLICE = "وقال الوزير ان الجيش انسحب. وفرضت الشرطة طوقا امنيا حول مقر الحكومة في العاصمة."


def _tagged_pipeline(speakers: list[str], veto: float = 0.0, author_voice: bool = False):
    from stance.pipeline import Pipeline
    from test_target_tagger import _FixedTagger

    nlp = Pipeline.load(target_tagger=False, speaker_tagger=False, author_voice=author_voice)
    nlp.target_tagger = _FixedTagger(["الحكومة", "الجيش"])
    nlp.speaker_tagger = _Speakers(speakers, veto=veto)
    return nlp


def test_tagging_twice_adds_nothing_and_new_ids_are_no_others():
    """The tagged statements of a batch fed back through the tagger add none (their sentence is taken); new ids
    follow the highest id, even when an earlier statement is missing from the list."""
    nlp = _tagged_pipeline(["الشرطة"])
    article = Article("t", POLICE, "ar")
    ((_, once),) = nlp.with_tagged_speakers([(article, nlp.statements(article))])
    ((_, twice),) = nlp.with_tagged_speakers([(article, once)])
    assert [(st.id, st.cue_kind) for st in once] == [("t:1", "report"), ("t:2", "tagged")]
    assert [(st.id, st.speaker.text, st.speaker_score) for st in twice] == \
        [(st.id, st.speaker.text, st.speaker_score) for st in once]
    assert once[1].speaker_score is None  # its own speaker is not read again (nor vetoed)
    text = "وقال الوزير ان الجيش انسحب. وقال المسؤول ان الحكومة فشلت. " + POLICE.split(". ")[1]
    article = Article("u", text, "ar")
    rules = nlp.statements(article)
    assert [st.id for st in rules] == ["u:1", "u:2"]
    ((_, sts),) = nlp.with_tagged_speakers([(article, rules[1:])])
    assert [st.id for st in sts] == ["u:2", "u:3"] and sts[-1].speaker.text == "الشرطة"


def test_a_tagged_sentence_is_no_longer_the_authors_and_touching_speakers_are_one():
    nlp = _tagged_pipeline(["الشرطة"], author_voice=True)
    article = Article("t", POLICE, "ar")
    sts = nlp.statements(article)
    assert [st.cue_kind for st in sts if st.speaker is None] == ["author"]
    ((_, tagged),) = nlp.with_tagged_speakers([(article, sts)])
    assert [st.cue_kind for st in tagged] == [sts[0].cue_kind, "tagged"]  # the author's sentence is the police's
    assert [st.id for st in sts] == ["t:1", "t:2"] and tagged[1].id == "t:3"  # the author's id is not reused
    nlp.speaker_tagger = _Speakers(["طوقا", "امنيا"], veto=0.0)  # two words read B one after the other
    ((_, tagged),) = nlp.with_tagged_speakers([(article, nlp.statements(article))])
    assert [st.speaker.text for st in tagged if st.cue_kind == "tagged"] == ["طوقا امنيا"]
    nlp.speaker_tagger = _Speakers(["مقر", "الحكومة"], veto=0.0)  # ... but after "حول" they are a place
    ((_, tagged),) = nlp.with_tagged_speakers([(article, nlp.statements(article))])
    assert [st.speaker.text for st in tagged if st.cue_kind == "tagged"] == []


def test_without_a_target_tagger_the_speaker_tagger_proposes_nothing():
    """Its statements take their targets from the target tagger: without one (or with one that proposes
    nothing) it only vets."""
    nlp = _tagged_pipeline(["الشرطة", "الوزير"])
    article = Article("t", POLICE, "ar")
    nlp.target_tagger = None
    ((_, sts),) = nlp.with_tagged_speakers([(article, nlp.statements(article))])
    assert [(st.cue_kind, st.speaker_score) for st in sts] == [("report", 0.9)]  # read, and nothing added


def test_analyze_and_the_cli_give_the_tagged_statements_and_the_veto(tmp_path: Path, monkeypatch):
    """`Pipeline.analyze` yields the tagged statement with its pairs; `stance analyze --all-statements` writes its
    pair (cue null, the speaker's tagger probability), lists the vetoed statement with `dropped_by` the speaker
    tagger and its `speaker_score`; `--no-speaker-tagger` asks for a pipeline without it."""
    from typer.testing import CliRunner

    import stance.pipeline
    from stance.cli import app

    nlp = _tagged_pipeline(["الشرطة"], veto=0.5)  # the minister reads at 0.05: vetoed
    ((_, statements, portrayals),) = list(nlp.analyze([Article("t", POLICE, "ar")]))
    assert [(st.speaker.text, st.cue_kind) for st in statements][-1] == ("الشرطة", "tagged")
    assert {p.statement.speaker.text for p in portrayals} == {"الشرطة"}
    asked = {}

    def load(**kw):
        asked.update(kw)
        return nlp

    monkeypatch.setattr(stance.pipeline.Pipeline, "load", staticmethod(load))
    art = tmp_path / "a.jsonl"
    art.write_text(json.dumps({"id": "t", "text": POLICE, "lang": "ar"}, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    res = CliRunner().invoke(app, ["analyze", str(art), "--all-statements", "-o", str(out)])
    assert res.exit_code == 0, res.output
    lines = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]
    pair = [d for d in lines if d["target"] is not None]
    assert [(d["speaker"]["text"], d["target"]["text"], d["cue"]) for d in pair] == [("الشرطة", "الحكومة", None)]
    assert pair[0]["speaker"]["tagger"] == 0.9 and pair[0]["statement_id"] == "t:2"
    (minister,) = [d for d in lines if d["target"] is None]
    assert minister["speaker"]["text"] == "الوزير" and minister["speaker_score"] == 0.05
    assert minister["dropped_targets"] and all(g["dropped_by"][-1] == "speaker_tagger" and g["speaker_score"] == 0.05
                                               for g in minister["dropped_targets"])
    assert asked["speaker_tagger"] is True
    CliRunner().invoke(app, ["analyze", str(art), "--no-speaker-tagger", "-o", str(out)])
    assert asked["speaker_tagger"] is False


def test_two_tagged_speakers_of_a_sentence_are_not_each_others_targets():
    """"واتفق هولاند وبوتين على دعم الحكومة": two speakers (and not one: "و" joins them), each with the
    government as target and neither the other's target (they share the sentence as co-speakers share a cue)."""
    from stance.pipeline import Pipeline
    from test_target_tagger import _FixedTagger

    nlp = Pipeline.load(target_tagger=False, speaker_tagger=False)
    nlp.target_tagger = _FixedTagger(["الحكومة", "هولاند", "وبوتين"])
    nlp.speaker_tagger = _Speakers(["هولاند", "وبوتين"], veto=0.0)
    text = "واتفق هولاند وبوتين على دعم الحكومة في العاصمة."
    article = Article("t", text, "ar")
    ((_, sts),) = nlp.with_taggers([(article, nlp.statements(article))])
    tagged = [st for st in sts if st.cue_kind == "tagged"]
    assert [(st.speaker.text, [t.text for t in st.targets]) for st in tagged] == \
        [("هولاند", ["الحكومة"]), ("بوتين", ["الحكومة"])]  # (the known actor's name, without its "و")


def test_a_tagged_speaker_is_the_whole_known_actor_and_its_conjuncts_speak_too():
    """A real sentence of the exhaustive Arabic train texts: the tagger read "الولايات" of "الولايات المتحدة" only;
    the speaker is the whole dictionary mention, and Britain and France, joined to it by و, speak too (as the rules'
    conjuncts after a cue); an unknown word after و is no speaker."""
    from stance.pipeline import Pipeline
    from test_target_tagger import _FixedTagger

    nlp = Pipeline.load(target_tagger=False, speaker_tagger=False)
    nlp.target_tagger = _FixedTagger(["المتظاهرين"])
    nlp.speaker_tagger = _Speakers(["الولايات"], veto=0.0)
    text = "وكانت الولايات المتحدة وبريطانيا وفرنسا وزعت مشروع بيان يدين «القمع العنيف» ضد المتظاهرين."
    article = Article("t", text, "ar")
    ((_, sts),) = nlp.with_taggers([(article, nlp.statements(article))])
    tagged = [st for st in sts if st.cue_kind == "tagged"]
    assert [(st.speaker.text, st.speaker.actor.id, [t.text for t in st.targets]) for st in tagged] == \
        [("الولايات المتحدة", "USA", ["المتظاهرين"]), ("بريطانيا", "GBR", ["المتظاهرين"]),
         ("فرنسا", "FRA", ["المتظاهرين"])]
    for text, speakers in [("وكانت الولايات المتحدة وحلفاؤها وزعت مشروع بيان ضد المتظاهرين.", ["الولايات المتحدة"]),
                           # the same actor again, a nationality (the Russian minister, not Russia)
                           ("وكانت الولايات المتحدة وواشنطن وزعتا مشروع بيان ضد المتظاهرين.", ["الولايات المتحدة"]),
                           ("وكانت الولايات المتحدة والروسي وزعا مشروع بيان ضد المتظاهرين.", ["الولايات المتحدة"])]:
        article = Article("t", text, "ar")
        ((_, sts),) = nlp.with_taggers([(article, nlp.statements(article))])
        assert [st.speaker.text for st in sts if st.cue_kind == "tagged"] == speakers, text
    nlp.speaker_tagger = _Speakers(["وبريطانيا"], veto=0.0)  # a lone tagged "وبريطانيا": the name without its "و"
    article = Article("t", "ثم قدمت وبريطانيا مشروع بيان ضد المتظاهرين.", "ar")
    ((_, sts),) = nlp.with_taggers([(article, nlp.statements(article))])
    assert [st.speaker.text for st in sts if st.cue_kind == "tagged"] == ["بريطانيا"]


def test_all_statements_lists_a_tagged_statement_without_a_target(tmp_path: Path, monkeypatch):
    """A speaker the tagger reads in a sentence where the target tagger finds nothing: no pair, but
    `--all-statements` lists its statement (cue null)."""
    from typer.testing import CliRunner

    import stance.pipeline
    from stance.cli import app

    nlp = _tagged_pipeline(["الشرطة"])
    nlp.target_tagger.phrases = []  # no target anywhere
    monkeypatch.setattr(stance.pipeline.Pipeline, "load", staticmethod(lambda **kw: nlp))
    art = tmp_path / "a.jsonl"
    text = "وفرضت الشرطة طوقا امنيا في العاصمة."
    art.write_text(json.dumps({"id": "t", "text": text, "lang": "ar"}, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    res = CliRunner().invoke(app, ["analyze", str(art), "--all-statements", "-o", str(out)])
    assert res.exit_code == 0, res.output
    (line,) = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]
    assert line["target"] is None and line["cue"] is None and line["speaker"]["text"] == "الشرطة"
    assert line["speaker"]["tagger"] == 0.9 and line["targets"] == []


def test_rechoosing_without_a_tagger_says_what_to_run(tmp_path: Path):
    """Both trainers' `--settings-only` on a folder without their tagger stop with the command that trains one."""
    from training import speaker_tagger, target_tagger

    for module, name in ((speaker_tagger, "speaker"), (target_tagger, "target")):
        with pytest.raises(SystemExit, match=f"no {name} tagger to keep: train one with `python -m "
                                             f"training.{name}_tagger --model"):
            module.main(["--settings-only", "--model", str(tmp_path), "--dry-run"])
    with pytest.raises(SystemExit, match="no speaker tagger to keep"):
        speaker_tagger.main(["--lang-threshold", "fr", "--model", str(tmp_path), "--dry-run"])
    for wrong in (["--lang-threshold", "fr", "--settings-only"], ["--lang-threshold", "ar"], ["--lang-threshold", ""]):
        with pytest.raises(SystemExit):  # one zero-shot language's threshold alone, or all the settings: not both
            speaker_tagger.main([*wrong, "--model", str(tmp_path), "--dry-run"])


def test_tagged_arabic_speakers_are_no_prepositional_objects_and_keep_their_head():
    """GSR dev sentences with no cue: a word after a preposition ("في حديثه لـ«الشرق الاوسط»", "على اللافتات") is an
    addressee or a place, not a speaker, unless a source word comes first ("وفقا للمصدر"); an adjective read without
    its noun ("العدلي") speaks as the whole phrase ("المحقق العدلي")."""
    from stance.pipeline import Pipeline
    from test_target_tagger import _FixedTagger

    nlp = Pipeline.load(target_tagger=False, speaker_tagger=False)
    nlp.target_tagger = _FixedTagger(["الاجهزة الامنية", "القوات العراقية", "الشرطة"])

    def tagged(text, names):
        nlp.speaker_tagger = _Speakers(names, veto=0.0)
        article = Article("t", text, "ar")
        kept, _ = nlp.score_all(article, nlp.statements(article))
        return [(p.statement.speaker.text, p.target.text) for p in kept if p.statement.cue_kind == "tagged"]

    text = "على صعيد آخر، سطر المحقق العدلي القاضي الياس عيد استنابات الى الاجهزة الامنية."
    assert tagged(text, ["العدلي"]) == [("المحقق العدلي", "الاجهزة الامنية")]
    text = "وكنا نخشى، في حديثه لـ«الشرق الاوسط» ان تظهر القوات العراقية."
    assert tagged(text, ["الشرق", "الاوسط"]) == []
    text = "وتوفي ثلاثة بسبب التعذيب على يد الشرطة، وفقا للمصدر ذاته."
    assert tagged(text, ["للمصدر", "ذاته"]) == [("للمصدر ذاته", "الشرطة")]


@pytest.mark.parametrize("text, word, expected", [
    ("وفي حديثه مع وزير الخارجية", "الخارجية", None),            # widened, then governed by مع
    ("وفي المحكمة المحامي اللبناني", "اللبناني", "المحامي اللبناني"),  # a title taken in ends the widening
    ("وقد قبل الوزير العرض", "الوزير", "الوزير"),                 # قبل here is a verb
    ("وتظاهروا حول البرلمان", "البرلمان", None),                  # ... and حول here a preposition
    ("وبعث بالمر رسالة", "بالمر", "بالمر"),                       # a name, not ب + ال
    ("وحسب بيان للجيش", "للجيش", "للجيش"),                        # the army's statement: a source
    ("وقال وللجيش", "وللجيش", None),
    ("وشدد امام البرلمان الاوروبي", "البرلمان الاوروبي", None),
    ("اصدروا بياناً يدعون العالم فيه الى المقاطعة", "العالم", None),  # a plural verb's object (exhaustive dev text)
    ("وهتفوا الشعارات", "الشعارات", None),                         # ... a perfect one's too
    ("وهتف المتظاهرون ضد الحكومة", "المتظاهرون", "المتظاهرون"),      # a singular verb's subject stays
    ("وقال تلفزيون المنار ان", "المنار", "المنار"),                   # a noun in -ون is no verb
    ("ويتعاون الجيش مع الشرطة", "الجيش", "الجيش"),                   # ... nor a singular verb in -اون
    ("وقال رئيس مجلس تعاون الخليج", "الخليج", "الخليج"),
])
def test_arabic_speaker_span_cases_from_review(text, word, expected):
    from stance.speaker_tagger import arabic_speaker_span

    a = text.index(word)
    got = arabic_speaker_span(text, a, a + len(word))
    assert (None if got is None else text[got[0]:got[1]]) == expected


@pytest.mark.parametrize("settings_only", [False, True])
def test_both_trainers_refuse_a_device_before_loading_anything(tmp_path: Path, monkeypatch, settings_only):
    """`--device` names where a tagger trains (or its settings are chosen); a name stance does not run on, or a GPU
    this machine lacks, stops the trainer with a one-line error before any model or text is read."""
    import torch

    import stance.pipeline
    from training import speaker_tagger, target_tagger

    def no_load(*a, **k):
        raise AssertionError("the pipeline was loaded before the device was checked")

    monkeypatch.setattr(stance.pipeline.Pipeline, "load", staticmethod(no_load))
    bad = ["tpu"] + ([] if torch.cuda.is_available() else ["cuda"])
    for module in (speaker_tagger, target_tagger):
        for device in bad:
            args = ["--model", str(tmp_path), "--dry-run", "--device", device]
            with pytest.raises(SystemExit, match=f"error: device '{device}'"):
                module.main(args + (["--settings-only"] if settings_only else []))


def test_a_language_of_its_own_threshold_is_what_its_proposals_use():
    """With the general threshold over the police's 0.9 the tagger proposes nobody; an Arabic threshold of its own
    under 0.9 makes the police a speaker in Arabic, a French one does not; the settings check their values and
    come back from their JSON."""
    nlp = _tagged_pipeline(["الشرطة"])
    cfg = nlp.speaker_tagger.config
    cfg.threshold = 0.95
    article = Article("t", POLICE, "ar")

    def tagged() -> list[str]:
        ((_, sts),) = nlp.with_tagged_speakers([(article, nlp.statements(article))])
        return [st.speaker.text for st in sts if st.cue_kind == "tagged"]

    assert tagged() == []
    cfg.langs, cfg.lang_thresholds = ("ar", "fr"), {"fr": 0.7}
    assert tagged() == [] and cfg.threshold_for("fr") == 0.7 and cfg.threshold_for("ar") == 0.95
    cfg.lang_thresholds = {"ar": 0.8}
    assert tagged() == ["الشرطة"]
    again = TaggerConfig.from_json(json.loads(json.dumps(cfg.to_json())))
    assert again.lang_thresholds == {"ar": 0.8} and again.threshold_for("ar") == 0.8
    for bad in ({"fr": 0.0}, {"fr": 1.5}, {"": 0.9}, {"fr": "high"}, {"fr": True}, [("fr", 0.9)], {"de": 0.9}):
        with pytest.raises(ValueError, match="lang_thresholds"):
            TaggerConfig(langs=("ar", "fr"), lang_thresholds=bad)


def test_a_languages_threshold_is_chosen_on_its_own_texts_and_only_where_it_beats_the_general_one():
    """`choose_lang_threshold` on a text whose gold pair is the police's (read at 0.9, no cue): the general
    threshold 0.95 proposes nobody, the grid's first value under 0.9 finds the pair, so it becomes Arabic's own;
    where no value beats the general threshold (the police's pair not gold) none is set; a language the tagger
    does not read is refused with what to do; the pipeline is given back as it was."""
    from training.speaker_tagger import SPEAKER_THRESHOLDS, choose_lang_threshold

    nlp = _tagged_pipeline(["الشرطة"])
    tagger = nlp.speaker_tagger
    tagger.config.threshold = 0.95
    kept, _ = nlp.score_all(Article("t", POLICE, "ar"), nlp.statements(Article("t", POLICE, "ar")))
    assert [p.statement.speaker.text for p in kept] == ["الوزير"]  # the rules' minister only
    tagger.config.lang_thresholds = {"ar": 0.7}
    kept, _ = nlp.score_all(Article("t", POLICE, "ar"), nlp.statements(Article("t", POLICE, "ar")))
    police = [p for p in kept if p.statement.speaker.text == "الشرطة"]
    assert police
    tagger.config.lang_thresholds = {}
    s, g = POLICE.index("الشرطة"), POLICE.index(police[0].target.text)
    gold = Text(POLICE, "t", [((s, s + 6), (g, g + len(police[0].target.text)))], [police[0].stance])
    nlp.speaker_tagger = None
    table = choose_lang_threshold(nlp, tagger, [gold], "ar")
    assert set(table) == {"none", *map(str, SPEAKER_THRESHOLDS)}
    assert table["none"]["with_stance"][1] == 0.0 < table["0.7"]["with_stance"][1] == 1.0
    assert tagger.config.lang_thresholds == {"ar": 0.7} and tagger.config.threshold == 0.95
    assert nlp.speaker_tagger is None
    tagger.config.lang_thresholds = {}
    elsewhere = Text(POLICE, "t", [((0, 4), (5, 11))], ["neutral"])  # a pair nobody finds
    choose_lang_threshold(nlp, tagger, [elsewhere], "ar")
    assert tagger.config.lang_thresholds == {}
    with pytest.raises(ValueError, match="--read-langs"):
        choose_lang_threshold(nlp, tagger, [gold], "fr")


def test_a_languages_threshold_in_use_stays_unless_another_beats_it_by_the_minimum_gain():
    """The police text again: 0.7, 0.8 and 0.9 find the gold pair (F1 0.67 beside the minister's pair) where the
    general threshold 0.95 finds nothing. With 0.8 in use for Arabic it stays (a tie is no gain, though 0.7 comes
    first in the grid); with none in use, none stays under a minimum gain of 1.0 and gives way to 0.7 under 0.5."""
    from training.speaker_tagger import choose_lang_threshold

    nlp = _tagged_pipeline(["الشرطة"])
    tagger = nlp.speaker_tagger
    tagger.config.threshold = 0.95
    tagger.config.lang_thresholds = {"ar": 0.7}
    kept, _ = nlp.score_all(Article("t", POLICE, "ar"), nlp.statements(Article("t", POLICE, "ar")))
    police = next(p for p in kept if p.statement.speaker.text == "الشرطة")
    s, g = POLICE.index("الشرطة"), POLICE.index(police.target.text)
    gold = Text(POLICE, "t", [((s, s + 6), (g, g + len(police.target.text)))], [police.stance])
    nlp.speaker_tagger = None
    tagger.config.lang_thresholds = {"ar": 0.8}
    table = choose_lang_threshold(nlp, tagger, [gold], "ar", min_gain=0.005)
    assert table["0.8"]["with_stance"][2] == table["0.7"]["with_stance"][2] == 0.6667 > table["none"]["with_stance"][2]
    assert tagger.config.lang_thresholds == {"ar": 0.8}
    tagger.config.lang_thresholds = {}
    choose_lang_threshold(nlp, tagger, [gold], "ar", min_gain=1.0)
    assert tagger.config.lang_thresholds == {}
    choose_lang_threshold(nlp, tagger, [gold], "ar", min_gain=0.5)
    assert tagger.config.lang_thresholds == {"ar": 0.7}


def test_a_failed_language_choice_leaves_the_settings_as_they_were(monkeypatch):
    """A run that fails halfway through the grid (here the third scoring) gives the tagger back its own thresholds
    and the pipeline its speaker tagger."""
    import training.speaker_tagger as module

    nlp = _tagged_pipeline(["الشرطة"])
    tagger = nlp.speaker_tagger
    tagger.config.langs, tagger.config.lang_thresholds = ("ar", "fr"), {"ar": 0.85, "fr": 0.9}
    calls = []

    def failing(*args, **kw):
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("out of memory")
        return {"with_stance": [0.0, 0.0, 0.0], "without_stance": [0.0, 0.0, 0.0]}

    monkeypatch.setattr(module, "scored", failing)
    nlp.speaker_tagger = None
    with pytest.raises(RuntimeError):
        module.choose_lang_threshold(nlp, tagger, [Text(POLICE, "t", [((0, 4), (5, 11))], ["neutral"])], "ar")
    assert tagger.config.lang_thresholds == {"ar": 0.85, "fr": 0.9} and nlp.speaker_tagger is None


def test_a_full_retrain_chooses_again_the_languages_that_had_a_threshold_of_their_own(tmp_path: Path, monkeypatch,
                                                                                   caplog):
    """The shipped tagger reads French zero-shot with a threshold of its own; a full retrain (`fit`) must not drop it
    silently: each language the replaced tagger had one for is chosen again, from none, on its dev texts with the
    model folder's pipeline, or the report and a warning say why the new tagger has none. Training and the dev runs
    are stood in for; what is checked is which choices `fit` asks for, where, and what it records."""
    from training import speaker_tagger as st

    class Stand:
        def __init__(self, config):
            self.config = config

        def to(self, device):
            return self

    asked: list[tuple] = []
    proposes = {"value": True}
    no_dev = set()

    def rechoose_report(folder, tagger, lang, root, data_dir, device, min_gain=None):
        tagger.config.propose = proposes["value"]
        return {"settings": "chosen"}

    def lang_threshold_entry(folder, tagger, lang, root, data_dir, device, min_gain):
        asked.append((folder, str(device), lang, min_gain))
        if lang in no_dev:
            raise ValueError(f"no labelled {lang} dev texts")
        tagger.config.lang_thresholds[lang] = 0.9
        return {"chosen": 0.9}

    monkeypatch.setattr(st, "gold_texts", lambda *a, **k: [])
    monkeypatch.setattr(st, "train", lambda *a, **k: [])
    monkeypatch.setattr(st.SpeakerTagger, "new", classmethod(lambda cls, config=None, **k: Stand(config)))
    monkeypatch.setattr(st, "rechoose_report", rechoose_report)
    monkeypatch.setattr(st, "lang_threshold_entry", lang_threshold_entry)
    model, out = tmp_path / "model", tmp_path / "out"
    model.mkdir(), out.mkdir()
    assert st.own_threshold_langs(model) == []  # no tagger yet
    old = TaggerConfig(langs=("ar", "fr", "en"), lang_thresholds={"fr": 0.9, "en": 0.8})
    (model / SPEAKER_CONFIG).write_text(json.dumps(old.to_json()), encoding="utf-8")
    assert st.own_threshold_langs(model) == ["en", "fr"]

    tagger, report = st.fit(model, "ar", read_langs=("ar", "fr", "en"))
    assert asked == [(model, "cpu", "en", 0.0), (model, "cpu", "fr", 0.0)]
    assert report["lang_thresholds_chosen"] == {"en": {"chosen": 0.9}, "fr": {"chosen": 0.9}}
    assert report["settings"] == "chosen" and "lang_thresholds_dropped" not in report

    asked.clear()
    no_dev.add("en")  # English has no labelled dev texts under this root: dropped, the retrain still returns
    tagger, report = st.fit(model, "ar", read_langs=("ar", "fr"))  # and the new tagger does not read English
    assert [a[2] for a in asked] == ["fr"] and tagger.config.lang_thresholds == {"fr": 0.9}
    assert report["lang_thresholds_dropped"] == {"en": "the new tagger does not read en"}
    asked.clear()
    tagger, report = st.fit(model, "ar", read_langs=("ar", "fr", "en"))
    assert tagger.config.lang_thresholds == {"fr": 0.9} and set(report["lang_thresholds_chosen"]) == {"fr"}
    assert report["lang_thresholds_dropped"]["en"].startswith("its threshold could not be chosen: no labelled en")
    asked.clear()
    tagger, report = st.fit(model, "fr", read_langs=("ar", "fr"))  # learning from the French texts themselves
    assert report["lang_thresholds_dropped"]["fr"] == "the new tagger learns from fr's texts"
    proposes["value"] = False
    asked.clear()
    tagger, report = st.fit(model, "ar", read_langs=("ar", "fr"))
    assert asked == [] and "lang_thresholds_chosen" not in report
    assert report["lang_thresholds_dropped"]["fr"] == "the new tagger proposes no speakers"
    assert "proposes no speakers, so it has none" in caplog.text

    caplog.clear()
    st.fit(model, "ar", choose=False)  # train only: nothing is chosen, and the loss is said
    assert asked == [] and "a tagger trained without a choice has none" in caplog.text
    proposes["value"], no_dev = True, set()
    asked.clear()
    st.fit(model, "ar", read_langs=("ar", "fr"), replaces=out)  # --out: the tagger replaced is the one there
    assert asked == []

    (model / SPEAKER_CONFIG).write_text("{not json", encoding="utf-8")
    assert st.own_threshold_langs(model) == [] and "not a valid tagger config" in caplog.text


def test_the_target_taggers_training_can_read_the_speaker_taggers_statements():
    """`training.target_tagger --tagged-speakers`: the statements the speaker tagger proposes in sentences with no
    cue become training rows too (their sentence read with the speaker marked, the speaker's gold target tagged),
    as `stance analyze` gives them targets; the pipeline's target tagger is put back afterwards, and without a
    tagger to gate them only the rules' statements come."""
    from training.target_tagger import rows as target_rows, statements_of

    nlp = _tagged_pipeline(["الشرطة"])
    nlp.target_tagger = None
    police, gov = POLICE.index("الشرطة"), POLICE.index("الحكومة")
    minister, army = POLICE.index("الوزير"), POLICE.index("الجيش")
    t = Text(POLICE, "d", [((police, police + 6), (gov, gov + 7)), ((minister, minister + 6), (army, army + 5))],
             ["criticism", "neutral"])
    rules_only = statements_of(nlp, [t], "ar")
    assert [st.speaker.text for _, st in rules_only] == ["الوزير"]
    gate = TargetTagger.new(TaggerConfig(langs=("ar",)), seed=0)
    found = statements_of(nlp, [t], "ar", tagged_by=gate)
    assert [(st.speaker.text, st.cue_kind) for _, st in found] == [("الوزير", "report"), ("الشرطة", "tagged")]
    assert nlp.target_tagger is None
    two = target_rows(found)
    assert len(two) == 2 and len(target_rows(rules_only)) == 1
    item = two[1].item[0]
    assert [item[a:b] for (a, b), tag in zip(words(item), two[1].tags) if tag] == ["الحكومة"]


def test_a_rule_speaker_is_cut_before_the_object_its_clause_ran_into_and_keeps_that_span_when_resolved():
    """Verb-subject-object in Arabic: the rules' name run took the object in too ("الوثيقة لاتخاذ كل الاجراءات
    الممكنة"); the speaker tagger's reading cuts it off, in the statement resolved to that speaker as well; a nisba
    adjective stays ("الحكومة البريطانية")."""
    from stance.pipeline import Pipeline

    nlp = Pipeline.load()

    def speakers(text: str) -> list[tuple[str, bool]]:
        art = Article("x", text, "ar")
        return list(dict.fromkeys((p.statement.speaker.text, p.statement.speaker.resolved)
                                  for p in nlp.score(art, nlp.statements(art))))

    assert speakers("ودعت الوثيقة لاتخاذ كل الاجراءات الممكنة لمواجهة ايران في المنطقة. واضافت ان اسرائيل تهدد "
                    "امن المنطقة.") == [("الوثيقة", False), ("الوثيقة", True)]
    assert speakers("ويصف التقرير هجوما ليليا على قرية في دارفور نفذه الجيش السوداني.") == [("التقرير", False)]
    assert speakers("وقالت الحكومة البريطانية إن روسيا تستهدف المعارضة السورية.") == [("الحكومة البريطانية", False)]
