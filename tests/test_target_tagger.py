"""The target tagger (stance.target_tagger) and its training (training.target_tagger): words and tags, spans, files,
a real tiny training run, and what the pipeline does with its spans."""
from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from stance.records import Mention, Span, Statement
from stance.target_tagger import (TAGGER_CONFIG, TAGGER_WEIGHTS, Reading, TaggerConfig, TargetTagger, modifier_only,
                                  spans_from_words, whole_compound,
                                  tagger_input, with_tagged_targets, words)
from training.target_tagger import Row, Text, prf, rows, train, word_tags

HUSBAND = "وقال الزوج حينها أن زوجته كانت تغصبه ليطارحها تحت تهديد الضرب والسلاح."


def test_words_leave_out_punctuation_and_tags_follow_the_spans():
    text = 'وهتف المتظاهرون «كلا كلا اميركا... كلا احتلال».'
    ws = words(text)
    assert [text[a:b] for a, b in ws] == ["وهتف", "المتظاهرون", "كلا", "كلا", "اميركا", "كلا", "احتلال"]
    assert words("قال الوزيرُ إنّ") == [(0, 3), (4, 11), (12, 15)]  # harakat stay inside their word
    t = text.index("اميركا")
    assert word_tags(text, [(t, t + 6)]) == [0, 0, 0, 0, 1, 0, 0]
    two = "قال الوزير ان حزب الله والجيش"
    assert word_tags(two, [(14, 22), (23, 29)]) == [0, 0, 0, 1, 2, 1]  # two adjacent targets: B I B


def test_spans_group_words_split_on_b_and_skip_the_speaker():
    ws = [(0, 3), (4, 7), (8, 11), (12, 15)]
    probs = [(0.9, 0.05, 0.05), (0.0, 0.9, 0.1), (0.1, 0.1, 0.8), (0.0, 0.95, 0.05)]
    assert spans_from_words(ws, probs, 0.5) == [(4, 11, 0.95), (12, 15, 1.0)]
    assert spans_from_words(ws, probs, 0.95) == [(4, 7, 1.0), (12, 15, 1.0)]  # the weaker word falls out
    assert spans_from_words(ws, probs, 0.5, speaker=(4, 7)) == [(12, 15, 1.0)]


def test_config_and_files_refuse_what_does_not_fit(tmp_path: Path):
    assert TargetTagger.load(tmp_path) is None  # no tagger in this folder: the rules' targets only
    with pytest.raises(ValueError, match="threshold"):
        TaggerConfig(threshold=0.0)
    with pytest.raises(ValueError, match="unknown tagger settings"):
        TaggerConfig.from_json({"threshold": 0.8, "colour": "red"})
    (tmp_path / TAGGER_CONFIG).write_text(json.dumps(TaggerConfig().to_json()), encoding="utf-8")
    with pytest.raises(FileNotFoundError, match=TAGGER_WEIGHTS):
        TargetTagger.load(tmp_path)
    (tmp_path / TAGGER_WEIGHTS).write_bytes(b"")
    (tmp_path / TAGGER_CONFIG).write_text('{"threshold": 2}', encoding="utf-8")
    with pytest.raises(ValueError, match="not a valid tagger config"):
        TargetTagger.load(tmp_path)


def _statement(text: str, speaker: str, content: str, targets: tuple[str, ...] = ()) -> Statement:
    s, c = text.index(speaker), text.index(content)
    ts = tuple(Mention(Span(text.index(t), text.index(t) + len(t), t)) for t in targets)
    return Statement("d", "d:1", Mention(Span(s, s + len(speaker), speaker)), Span(0, 4, text[:4]),
                     Span(c, c + len(content), content), ts, lang="ar", context=Span(0, len(text), text))


def test_tagged_spans_are_added_only_where_no_rule_target_is():
    text = "وقال الرئيس ان الحكومة والمتظاهرين اتفقوا."
    st = _statement(text, "الرئيس", "الحكومة والمتظاهرين اتفقوا", ("الحكومة",))
    (item, speaker), shift = tagger_input(st, text)
    assert item == text and speaker == (5, 11) and shift == 0
    g, m = text.index("الحكومة"), text.index("والمتظاهرين")
    out = with_tagged_targets(st, [(g, g + 7, 0.99), (m, m + 11, 0.9)], shift, text)
    # the conjunction before the article is no part of the name (dev texts: "والمتظاهرات", "والمحامين")
    assert [t.text for t in out.targets] == ["الحكومة", "المتظاهرين"] and out.targets[1].start == m + 1
    assert out.targets[0].tagged is None and out.targets[1].tagged == 0.9  # the rule's target stays the rule's
    assert out.targets[1].to_json()["tagger"] == 0.9 and "tagger" not in out.targets[0].to_json()
    assert with_tagged_targets(st, [], shift, text) is st
    # but "لل" keeps its ل (the article lost its alef: "المتظاهرين" is not in the text), and "والدته" is a mother
    text = "وقال الرئيس ان الحكومة وجهت رسالة للمتظاهرين والدته."
    st = _statement(text, "الرئيس", "الحكومة وجهت رسالة للمتظاهرين والدته", ("الحكومة",))
    m, f = text.index("للمتظاهرين"), text.index("والدته")
    out = with_tagged_targets(st, [(m, m + 10, 0.9), (f, f + 6, 0.9)], 0, text)
    assert [t.text for t in out.targets] == ["الحكومة", "للمتظاهرين", "والدته"]
    # the name without its conjunction is the one compared with the speaker's targets in the sentence: no repeat
    text = "وقال الرئيس ان المتظاهرين غاضبون وان الحكومة والمتظاهرين اتفقوا."
    st = _statement(text, "الرئيس", "الحكومة والمتظاهرين اتفقوا", ("الحكومة",))
    first, m = text.index("المتظاهرين"), text.index("والمتظاهرين")
    taken = (Mention(Span(first, first + 10, "المتظاهرين")),)  # the speaker's target in another statement
    assert with_tagged_targets(st, [(m, m + 11, 0.9)], 0, text, taken=taken) is st


def test_a_figure_is_no_tagged_target():
    # the tagger of session 20 proposed "20" in this sentence (and "25" in "25 فقط من الضربات"): a figure names no actor
    text = "وقال هاموند إن 20 في المئة فقط من الضربات الجوية الروسية استهدفت تنظيم الدولة الاسلامية."
    st = _statement(text, "هاموند", "20 في المئة", ("تنظيم الدولة الاسلامية",))
    n = text.index("20")
    assert with_tagged_targets(st, [(n, n + 2, 0.89)], 0, text) is st
    out = with_tagged_targets(st, [(n, n + 11, 0.89)], 0, text)  # words round a figure are still read
    assert [t.text for t in out.targets] == ["تنظيم الدولة الاسلامية", "20 في المئة"]


def test_function_words_alone_are_no_tagged_target():
    """French dev sentences where the zero-shot tagger proposed "le" and "l" (and an Arabic one where it proposed
    "بعض"): a span of function words alone names nobody; the phrase they open still does."""
    text = "Le chef de la diplomatie russe a déclaré que le gouvernement devait cesser, selon l'agence."
    st = _statement(text, "Le chef de la diplomatie russe", "le gouvernement devait cesser")
    st = replace(st, cue=Span(text.index("a déclaré"), text.index("a déclaré") + 9, "a déclaré"), lang="fr")
    le, l_ = text.index("le gouvernement"), text.index("l'agence")
    assert with_tagged_targets(st, [(le, le + 2, 0.83), (l_, l_ + 1, 0.87)], 0, text) is st
    out = with_tagged_targets(st, [(le, le + 15, 0.83)], 0, text)
    assert [t.text for t in out.targets] == ["le gouvernement"]
    text = "وقالت مصادر فلسطينية ان بعض وسائل الإعلام تروج الشائعات."
    st = _statement(text, "مصادر فلسطينية", "بعض وسائل الإعلام تروج الشائعات")
    b = text.index("بعض")
    assert with_tagged_targets(st, [(b, b + 3, 0.85)], 0, text) is st
    assert [t.text for t in with_tagged_targets(st, [(b, b + 17, 0.85)], 0, text).targets] == ["بعض وسائل الإعلام"]
    # each language's own words: French "un", English "on" are no English / French function words; an acronym
    text = "The minister said the UN and the AU had failed, he said on Monday."
    st = replace(_statement(text, "The minister", "the UN and the AU had failed"), lang="en")
    un, au = text.index("UN"), text.index("AU")
    assert [t.text for t in with_tagged_targets(st, [(un, un + 2, 0.9), (au, au + 2, 0.9)], 0, text).targets] == [
        "UN", "AU"]


def test_a_title_alone_is_the_name_after_it_and_a_web_address_names_nobody():
    """The zero-shot tagger on the French train sentences (session 40) proposed "M" of "M. Desseilligny" and "gaza" in
    a link's path: a title alone stands for the name that follows it, and nothing inside a web address is a target."""
    text = "Le Sauteur réclamait des comptes à M. Desseilligny de n'avoir pas fait les vérifications."
    st = replace(_statement(text, "Le Sauteur", "des comptes à M. Desseilligny de n'avoir pas fait les vérifications"),
                 lang="fr")
    m = text.index("M. D")
    assert [t.text for t in with_tagged_targets(st, [(m, m + 1, 0.82)], 0, text).targets] == ["M. Desseilligny"]
    d = text.index("Desseilligny")  # the name read too, beside its title: one target, not two
    assert [t.text for t in with_tagged_targets(st, [(m, m + 1, 0.82), (d, d + 12, 0.9)], 0, text).targets] == [
        "M. Desseilligny"]
    text = "M. l'abbé Ropars a dit que l'école le regrette."
    st = replace(_statement(text, "M. l'abbé Ropars", "l'école le regrette"), lang="fr")
    assert with_tagged_targets(st, [(0, 1, 0.86)], 0, text) is st  # no capitalised name after it: a title alone
    text = "Le Hamas a accusé Israël de mentir https://www.bfmtv.com/international/gaza-israel-diffuse-des-images"
    st = replace(_statement(text, "Le Hamas", "Israël de mentir https://www.bfmtv.com/international/gaza-israel"),
                 lang="fr")
    g = text.index("gaza")
    assert with_tagged_targets(st, [(g, g + 4, 0.88)], 0, text) is st


def test_a_speaker_outside_the_sentence_is_put_in_front():
    text = "قال الوزير ذلك. وأضاف ان الجيش انسحب."
    sp = Mention(Span(4, 10, "الوزير"), resolved=True)
    st = Statement("d", "d:2", sp, Span(16, 21, "وأضاف"), Span(25, 36, "الجيش انسحب"), lang="ar",
                   context=Span(16, 37, text[16:37]))
    (item, speaker), shift = tagger_input(st, text)
    assert item == "الوزير: " + text[16:37] and item[speaker[0]:speaker[1]] == "الوزير"
    a = item.index("الجيش")
    out = with_tagged_targets(st, [(a, a + 5, 0.9), (0, 6, 0.9)], shift, text)  # the prefix's name is no target
    assert [(t.start, t.text) for t in out.targets] == [(text.index("الجيش"), "الجيش")]


def test_prf_counts_a_gold_triple_once_and_checks_the_stance():
    t = Text("x" * 40, "d", [((0, 5), (10, 15)), ((0, 5), (20, 25))], ["criticism", "neutral"])
    pred = {t.text: [((0, 5), (11, 13), "criticism"), ((1, 3), (12, 14), "criticism"), ((0, 5), (30, 35), "neutral"),
                     ((0, 5), (21, 22), "support")]}
    assert prf(pred, [t])[:2] == (1 / 4, 1 / 2)
    assert prf(pred, [t], with_stance=False)[:2] == (2 / 4, 2 / 2)


def test_prf_takes_the_largest_matching_not_the_first_fit():
    # the first prediction overlaps both gold targets; a greedy match would give it the first and leave the second
    # prediction (which fits only the first) unmatched
    t = Text("x" * 40, "d", [((0, 5), (10, 15)), ((0, 5), (20, 25))], ["criticism", "criticism"])
    pred = {t.text: [((0, 5), (12, 22), "criticism"), ((0, 5), (10, 12), "criticism")]}
    assert prf(pred, [t]) == (1.0, 1.0, 1.0)


@pytest.mark.slow
def test_a_tiny_tagger_learns_its_targets_and_survives_a_round_trip(tmp_path: Path):
    """Real training on the backbone: a few sentences, each with its target after "ان"; the tagger learns to tag
    them, is saved, and loads (merged) with the same output."""
    sentences = [
        ("وقال الوزير ان المتظاهرين اعتدوا على الشرطة.", "الوزير", "المتظاهرين"),
        ("واكد المتحدث ان الحكومة فشلت في ادارة الازمة.", "المتحدث", "الحكومة"),
        ("واعلن المسؤول ان الجيش قصف القرية.", "المسؤول", "الجيش"),
        ("وقال الشاهد ان الجنود اطلقوا النار.", "الشاهد", "الجنود"),
    ]
    data = []
    for text, speaker, target in sentences:
        s, t = text.index(speaker), text.index(target)
        data.append(Row((text, (s, s + len(speaker))), word_tags(text, [(t, t + len(target))])))
    tagger = TargetTagger.new(TaggerConfig(lora_r=4, lora_alpha=8, threshold=0.5), seed=0)
    losses = train(tagger, data * 4, epochs=4, batch_size=4, lr=2e-3, head_lr=5e-3, seed=0)
    assert losses[-1] < losses[0]
    items = [r.item for r in data]
    spans = tagger.propose(items)
    found = [[text[a:b] for a, b, _ in ss] for (text, _), ss in zip(items, spans)]
    assert sum(target in f for f, (_, _, target) in zip(found, sentences)) >= 3, found
    tagger.save_pretrained(tmp_path)
    loaded = TargetTagger.load(tmp_path)
    assert loaded.config.threshold == 0.5 and loaded.config.lora_r == 4
    a, b = [r.tags for r in tagger.read(items)], [r.tags for r in loaded.read(items)]
    assert all(abs(x - y) < 1e-4 for pa, pb in zip(a, b) for wa, wb in zip(pa, pb) for x, y in zip(wa, wb))


def test_a_tagged_piece_of_a_target_phrase_is_no_target():
    """"السورية" right after the target "المعارضة" is the rest of its phrase (the target widens over it, no second
    target); "الجيش" after a comma is a target."""
    text = "وقال هاموند ان روسيا تقصف المعارضة السورية، والجيش يتقدم."
    st = _statement(text, "هاموند", "روسيا تقصف المعارضة السورية، والجيش يتقدم", ("روسيا", "المعارضة"))
    (_, _), shift = tagger_input(st, text)
    sy, army = text.index("السورية"), text.index("والجيش")
    out = with_tagged_targets(st, [(sy, sy + 7, 0.95), (army, army + 6, 0.95)], shift, text)
    assert [t.text for t in out.targets] == ["روسيا", "المعارضة السورية", "الجيش"]
    assert out.targets[1].start == text.index("المعارضة") and out.targets[1].tagged is None  # still the rules'
    rev = "وقال هاموند ان الرئيس بشار الاسد يقصف."
    st = _statement(rev, "هاموند", "الرئيس بشار الاسد يقصف", ("بشار الاسد",))
    title = rev.index("الرئيس")
    assert with_tagged_targets(st, [(title, title + 6, 0.9)], 0, rev) is st  # a title before its holder


def test_a_title_target_widens_over_the_name_the_tagger_reads_after_it():
    """A train text (ar-train-7b4b032ba56d): the rules find the title "الرئيس الاسرائيلي", the tagger reads the
    name after it. The target is the whole phrase, with the title's actor; before, the name was dropped as a piece
    of the title's phrase and the title alone fell under the tagger's veto. After a country ("الماليزي", a dev
    text's nisba) the phrase is someone else: no actor. Not over words that open with a preposition, nor after a
    target that does."""
    from stance.records import Actor

    text = ("أعلنت وزارة الصحة أن الرئيس الاسرائيلي موشيه كتساف المتهم بالاغتصاب، نقل لفترة قصيرة أمس الى "
            "المستشفى.")
    title = Actor("ISRGOV.president", "Israeli president", "government", "ISR")
    st = _statement(text, "وزارة الصحة", text[text.index("الرئيس"):-1], ("الرئيس الاسرائيلي",))
    st = replace(st, targets=(replace(st.targets[0], actor=title),))
    name = text.index("موشيه")
    out = with_tagged_targets(st, [(name, name + len("موشيه كتساف"), 0.9)], 0, text)
    (t,) = out.targets
    assert text[t.start:t.end] == t.text == "الرئيس الاسرائيلي موشيه كتساف" and t.actor == title
    assert t.tagged is None  # the rules' target, widened: the tagger judges it as a whole later (`vetoes`)
    text = "وقال المسؤول ان الماليزي أزهري حسين قتل، وان المصرية بالسياح الاسرائيليين ترحب وعلى جميع الهيئات."
    mal, egy = Actor("MYS", "Malaysia", "country"), Actor("EGY", "Egypt", "country")
    st = _statement(text, "المسؤول", text[text.index("الماليزي"):-1], ("الماليزي", "المصرية", "وعلى جميع"))
    st = replace(st, targets=(replace(st.targets[0], actor=mal), replace(st.targets[1], actor=egy), st.targets[2]))
    runs = [(text.index(w), text.index(w) + len(w), 0.9) for w in ("أزهري حسين", "بالسياح الاسرائيليين", "الهيئات")]
    out = with_tagged_targets(st, runs, 0, text)
    assert [(t.text, t.actor) for t in out.targets] == [("الماليزي أزهري حسين", None), ("المصرية", egy),
                                                       ("وعلى جميع", None)]


def test_the_shipped_tagger_adds_a_target_the_rules_miss(tmp_path: Path):
    """A real test sentence's target that is no actor mention ("زوجته", the husband's wife: gold criticism): the
    shipped model's tagger proposes it, the line says so, and `--no-target-tagger` leaves the rules' targets only."""
    from typer.testing import CliRunner

    from stance.classify import default_model_path
    from stance.cli import app

    if TargetTagger.load(default_model_path()) is None:
        pytest.fail("the shipped model has no target tagger: run `python -m training.target_tagger`")
    art = tmp_path / "a.jsonl"
    art.write_text(json.dumps({"id": "h", "text": HUSBAND, "lang": "ar"}, ensure_ascii=False) + "\n", encoding="utf-8")
    runner = CliRunner()
    lines = {}
    for name, extra in (("tagged", []), ("rules", ["--no-target-tagger"])):
        res = runner.invoke(app, ["analyze", str(art), "-o", str(tmp_path / f"{name}.jsonl"), *extra])
        assert res.exit_code == 0, res.output
        lines[name] = [json.loads(l) for l in (tmp_path / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()]
    wife = [d for d in lines["tagged"] if d["target"]["text"] == "زوجته"]
    assert len(wife) == 1 and wife[0]["speaker"]["text"].startswith("الزوج")
    t = wife[0]["target"]
    assert HUSBAND[t["start"]:t["end"]] == "زوجته" and 0.5 < t["tagger"] <= 1 and t["actor_id"] is None
    assert all("tagger" not in d["target"] for d in lines["rules"])
    assert not [d for d in lines["rules"] if d["target"]["text"] == "زوجته"]


class _FixedTagger:
    """Stands in for the tagger: proposes the given phrases wherever they occur, reads their words as B/I at 0.9
    and every other word as B at `other`; the pipeline's handling of what it reads is what is tested."""

    def __init__(self, phrases: list[str], config: TaggerConfig | None = None, other: float = 0.0,
                 read: bool = True) -> None:
        self.phrases, self.config, self.other, self.all_read = phrases, config or TaggerConfig(), other, read

    def _found(self, text):
        return sorted((m.start(), m.end(), 0.9) for p in self.phrases for m in re.finditer(p, text))

    def read(self, items, batch_size=32):
        out = []
        for text, _ in items:
            ws, found = words(text), self._found(text)
            tags = [(0.1, 0.9, 0.0) if any(s <= a < e for s, e, _ in found) else (1 - self.other, self.other, 0.0)
                    for a, _ in ws]
            out.append(Reading(ws, tags, [self.all_read] * len(ws)))
        return out

    def spans(self, item, reading, threshold=None, lang=None):
        return self._found(item[0])


def test_pipeline_keeps_the_widened_title_target_and_judges_it_whole():
    """Through `Pipeline.with_tagged_targets` (not only the module function): the rules' title "الرئيس الاسرائيلي"
    and the name the tagger reads after it are one target, with the title's actor, and the tagger's veto judges the
    whole phrase (half its words read as a target: 0.45 against a veto of 0.4); the title alone, which it reads as
    no target, would be vetoed."""
    from stance.pipeline import Pipeline
    from stance.records import Article

    nlp = Pipeline.load(target_tagger=False)
    nlp.target_tagger = _FixedTagger(["موشيه كتساف"], TaggerConfig(rule_veto=0.4))
    text = "القدس: أعلنت وزارة الصحة أن الرئيس الاسرائيلي موشيه كتساف نقل لفترة قصيرة أمس الى المستشفى."
    article = Article("t", text, "ar")
    ((_, sts),) = nlp.with_taggers([(article, nlp.statements(article))])
    (st,) = [st for st in sts if st.speaker is not None and st.speaker.text == "وزارة الصحة"]
    (t,) = [t for t in st.targets if t.text.startswith("الرئيس")]
    assert text[t.start:t.end] == t.text == "الرئيس الاسرائيلي موشيه كتساف"
    assert t.actor is not None and t.actor.id == "ISRGOV.president" and t.tagged is None
    assert t.tagger_score == 0.45 and not nlp.vetoes(t)
    assert nlp.vetoes(replace(t, tagger_score=0.0))  # the title alone, as the tagger reads it
    kept, _ = nlp.score_all(article, sts)
    assert [p.target.text for p in kept if p.statement.id == st.id] == ["الرئيس الاسرائيلي موشيه كتساف"]
    # a run that opens with ل is no name after the title: the title stays as it was, and falls under the veto
    nlp.target_tagger = _FixedTagger(["لكتساف"], TaggerConfig(rule_veto=0.4))
    text = "وقال المتحدث ان دعم الرئيس الامريكي لكتساف ثابت."
    article = Article("u", text, "ar")
    ((_, sts),) = nlp.with_taggers([(article, nlp.statements(article))])
    assert [t.text for st in sts for t in st.targets if "الرئيس" in t.text] == ["الرئيس الامريكي"]


def test_pipeline_names_tagged_actors_and_drops_the_speakers_own_side():
    from stance.pipeline import Pipeline
    from stance.records import Article

    nlp = Pipeline.load(target_tagger=False)
    nlp.target_tagger = _FixedTagger(["موسكو", "المرضى", "بوتين"])
    text = "وقال الرئيس الروسي فلاديمير بوتين ان موسكو ستعالج المرضى في حلب."
    article = Article("t", text, "ar")
    kept, dropped = nlp.score_all(article, nlp.statements(article))
    tagged = [p.target for p in kept + dropped if p.target.tagged is not None]
    # Moscow is Putin's own government, and his name is the speaker: neither is his target
    assert [(t.text, t.actor) for t in tagged] == [("المرضى", None)]
    filt = nlp.classifier.target_filter  # which scores the tagger's targets like the rules' (session 55)
    assert all((p in kept) == (p.relevance >= filt.threshold) for p in kept + dropped if p.target.tagged is not None)
    # an unknown speaker named again is no target of its own; a phrase twice in one statement is one target
    nlp.target_tagger = _FixedTagger(["المتظاهرون", "الرجلين"])
    text = "وقال المتظاهرون ان الرجلين ضربا المتظاهرون وان الرجلين هربا."
    article = Article("t", text, "ar")
    kept, _ = nlp.score_all(article, nlp.statements(article))
    assert [(p.target.text, p.target.start) for p in kept if p.target.tagged] == [("الرجلين", text.index("الرجلين"))]
    known = nlp._known_actor(Mention(Span(0, 16, "للمعارضة السورية"), tagged=0.9), "ar")
    assert known.actor is not None and known.actor.id == "SYROPP" and known.tagged == 0.9


def test_a_tagged_piece_of_a_known_name_is_the_whole_name():
    """Exhaustive Arabic train texts: the tagger read "الله" of "حزب الله" (in a statement that does not hold that
    mention); the target is the whole dictionary mention with its actor, the longest one around the piece, a name
    with "و" inside it too ("حركة العدل والمساواة")."""
    from stance.pipeline import Pipeline
    from stance.records import Article

    nlp = Pipeline.load(target_tagger=False, speaker_tagger=False)

    def tagged(piece: str, text: str) -> list[tuple[str, str, str | None]]:
        nlp.target_tagger = _FixedTagger([piece])
        article = Article("t", text, "ar")
        ((_, sts),) = nlp.with_taggers([(article, nlp.statements(article))])
        return [(st.speaker.text, t.text, t.actor.id if t.actor else None)
                for st in sts for t in st.targets if t.tagged is not None]

    assert tagged("الله", "ذكر مسؤولون في الادارة الاميركية ان الطيران الاسرائيلي قصف مخابئ اسلحة، فيما تؤكد "
                          "الاستخبارات الاميركية بان ايران تمد حزب الله بالعتاد.") == \
        [("مسؤولون", "حزب الله", "hezbollah")]
    assert tagged("العدل", "ذكر مسؤولون ان الجيش قصف مواقع في دارفور، فيما تؤكد الحكومة بان القوات هاجمت حركة "
                           "العدل والمساواة قرب الفاشر.") == \
        [("مسؤولون", "حركة العدل والمساواة", "justice_and_equality_movement")]
    assert tagged("الفرنسية", "ذكر مسؤولون ان الجيش قصف مواقع في دارفور، فيما تؤكد الحكومة بان مراسل وكالة "
                              "الصحافة الفرنسية اصيب في الهجوم.") == [("مسؤولون", "وكالة الصحافة الفرنسية", "afp")]
    # a piece of another statement's speaker inside this one's content is that speaker's whole name, a target of
    # this statement (never of its own: the tagger's pieces never touch their statement's speaker)
    assert tagged("الاميركية", "ذكر مسؤولون ان الجيش قصف مواقع، فيما تؤكد الاستخبارات الاميركية بان ايران تمد "
                                "حزب الله بالعتاد.") == [("مسؤولون", "الاستخبارات الاميركية", "USASPY")]


def test_review_cases_pieces_joined_names_repeated_and_co_speakers():
    """From a review: proposals that touch are one phrase; a name the speaker already has in the same sentence is not
    added again; a piece of a co-speaker or of the cue is no target."""
    text = "وقال هاموند ان الرئيس عبد الله غل فاز."
    st = _statement(text, "هاموند", "الرئيس عبد الله غل فاز")
    a, b = text.index("عبد"), text.index("الله غل")
    out = with_tagged_targets(st, [(a, a + 3, 0.9), (b, b + 7, 0.95)], 0, text)
    assert [(t.text, t.tagged) for t in out.targets] == [("عبد الله غل", 0.9)]

    text = "واتهم الوزير المعارضة بالعمالة، وقال ان المتظاهرين مأجورون وان المتظاهرين خونة."
    st = _statement(text, "الوزير", "المتظاهرين مأجورون وان المتظاهرين خونة")
    first = text.index("المتظاهرين")
    second = text.index("المتظاهرين", first + 1)
    other = Mention(Span(first, first + 11, text[first:first + 11]))  # another statement's target, same speaker
    out = with_tagged_targets(st, [(second, second + 11, 0.93)], 0, text, taken=[other])
    assert out is st

    text = "واعلنت وزارة الداخلية الافغانية وقوات الحلف الاطلسي ان مسلحي طالبان هاجموا القافلة."
    st = _statement(text, "وزارة الداخلية الافغانية", "مسلحي طالبان هاجموا القافلة")
    co = text.index("وقوات الحلف الاطلسي")
    nato = Mention(Span(co + 1, co + 19, text[co + 1:co + 19]))
    taliban = text.index("مسلحي طالبان")
    out = with_tagged_targets(st, [(co, co + 5, 0.85), (taliban, taliban + 12, 0.9), (0, 6, 0.9)], 0, text,
                              speakers=[st.speaker, nato])
    assert [t.text for t in out.targets] == ["مسلحي طالبان"]  # not the co-speaker's piece, not the cue


def test_tagger_langs_must_be_a_list():
    with pytest.raises(ValueError, match="list of language codes"):
        TaggerConfig.from_json({"langs": "ar"})


def test_training_rows_never_tag_the_speaker_prefix():
    """A resolved speaker is put in front of the sentence; a gold target in the sentence before must not land on
    the prefix's words (a review's case)."""
    from training.target_tagger import rows

    text = "قال الوزير ان الجيش. وأضاف ان الشرطة انسحبت."
    sp = Mention(Span(4, 10, "الوزير"), resolved=True)
    second = text.index("وأضاف")
    st = Statement("d", "d:2", sp, Span(second, second + 5, "وأضاف"), Span(second + 9, len(text) - 1, "x"), lang="ar",
                   context=Span(second, len(text), text[second:]))
    army, police = text.index("الجيش"), text.index("الشرطة")
    t = Text(text, "d", [((4, 10), (army, army + 5)), ((4, 10), (police, police + 6))], ["criticism", "neutral"])
    (row,) = rows([(t, st)])
    item = row.item[0]
    tagged = [item[a:b] for (a, b), tag in zip(words(item), row.tags) if tag]
    assert item.startswith("الوزير: ") and tagged == ["الشرطة"]


def test_analyze_yields_the_statements_with_their_tagged_targets():
    """`Pipeline.analyze` gives statements that hold the targets its portrayals name, tagged ones included."""
    from stance.pipeline import Pipeline
    from stance.records import Article

    nlp = Pipeline.load(target_tagger=False)
    nlp.target_tagger = _FixedTagger(["المرضى"])
    text = "وقال الرئيس الروسي فلاديمير بوتين ان موسكو ستعالج المرضى في حلب."
    ((_, statements, portrayals),) = list(nlp.analyze([Article("t", text, "ar")]))
    assert [t.text for st in statements for t in st.targets if t.tagged] == ["المرضى"]
    assert [p.target.text for p in portrayals if p.target.tagged] == ["المرضى"]
    assert all(p.target in next(st for st in statements if st.id == p.statement.id).targets for p in portrayals)


def test_the_rule_veto_drops_the_rules_targets_the_tagger_reads_as_none():
    """A rule's target whose words the tagger reads as no target (B+I 0.02) is dropped once `rule_veto` is above
    that, and kept at 0 (where only the target filter drops); the tagger's own targets are never vetoed."""
    from stance.pipeline import Pipeline
    from stance.records import Article

    nlp = Pipeline.load(target_tagger=False)
    text = "وقال وزير الخارجية البريطاني فيليب هاموند ان روسيا تواصل استهداف المعارضة أكثر من تنظيم الدولة في المستشفيات."
    article = Article("t", text, "ar")
    sts = nlp.statements(article)
    cfg = TaggerConfig()
    nlp.target_tagger = _FixedTagger(["المستشفيات"], cfg, other=0.02)
    kept, dropped = nlp.score_all(article, sts)
    rules_kept = [p.target.text for p in kept if not p.target.tagged]
    assert "روسيا" in rules_kept and len(rules_kept) >= 2  # no veto: the rules' targets the filter keeps stay
    assert {p.target.tagger_score for p in kept + dropped if not p.target.tagged} == {0.02}
    assert [(p.target.text, p.target.tagger_score) for p in kept if p.target.tagged] == [("المستشفيات", 0.9)]
    cfg.rule_veto = 0.05
    assert nlp.vetoes(kept[0].target) and not nlp.vetoes(next(p.target for p in kept if p.target.tagged))
    vetoed, also = nlp.score_all(article, sts)
    assert [p.target.text for p in vetoed] == ["المستشفيات"] and len(also) == len(kept) + len(dropped) - 1
    assert "tagger_score" not in vetoed[0].target.to_json()


def test_config_checks_the_veto_and_rows_are_not_repeated():
    with pytest.raises(ValueError, match="rule_veto"):
        TaggerConfig(rule_veto=1.0)
    assert TaggerConfig.from_json(TaggerConfig(rule_veto=0.1).to_json()).rule_veto == 0.1
    # a sentence holding two statements of one speaker is one training row, not two
    text = "وقال الوزير ان الجيش انسحب، وقال ان الشرطة باقية."
    sp = Mention(Span(5, 11, "الوزير"))
    st1 = Statement("d", "d:1", sp, Span(0, 4, "وقال"), Span(15, 25, "الجيش انسحب"), lang="ar",
                    context=Span(0, len(text), text))
    st2 = replace(st1, id="d:2", cue=Span(27, 31, "وقال"))
    army = text.index("الجيش")
    t = Text(text, "d", [((5, 11), (army, army + 5))], ["criticism"])
    assert len(rows([(t, st1), (t, st2)])) == 1


def test_words_the_tagger_did_not_read_are_never_vetoed():
    """Words past the tagger's max_length are cut off: it has no opinion on them (score None), so a rule's target
    there is not dropped, whatever the veto."""
    from stance.classify import default_model_path
    from stance.pipeline import Pipeline
    from stance.records import Article

    tagger = TargetTagger.load(default_model_path())
    text = "وقال الوزير ان " + " ".join(["الجيش يتقدم في المدينة القديمة"] * 80) + " والمتظاهرين."
    (r,) = tagger.read([(text, (5, 11))])
    assert r.read[0] and not r.read[-1] and r.score(*r.words[0]) is not None and r.score(*r.words[-1]) is None
    nlp = Pipeline.load(target_tagger=False)
    text = "وقال وزير الخارجية البريطاني فيليب هاموند ان روسيا تواصل استهداف المعارضة."
    article = Article("t", text, "ar")
    nlp.target_tagger = _FixedTagger([], TaggerConfig(rule_veto=0.9), read=False)
    kept, dropped = nlp.score_all(article, nlp.statements(article))
    assert "روسيا" in [p.target.text for p in kept] and {p.target.tagger_score for p in kept + dropped} == {None}
    assert not any(nlp.vetoes(p.target) for p in kept + dropped)


def test_a_target_that_speaks_inside_the_content_is_never_vetoed():
    """"...، حسبما افادت به وكالة رويترز" after "وقال الجيش الاميركي ان ...": the agency reports the army's words, and
    the army, a speaker inside its content, stays its target however the tagger reads it (the annotators keep it);
    the army's own targets are vetoed as before."""
    from stance.pipeline import Pipeline
    from stance.records import Article

    nlp = Pipeline.load(target_tagger=False)
    text = "وقال الجيش الاميركي ان مسلحين من القاعدة قتلوا جنديين شمال بغداد، حسبما افادت به وكالة رويترز."
    article = Article("t", text, "ar")
    sts = nlp.statements(article)
    assert [st.speaker.text for st in sts] == ["الجيش الاميركي", "وكالة رويترز"]
    nlp.target_tagger = _FixedTagger([], TaggerConfig(rule_veto=0.5), other=0.02)
    kept, dropped = nlp.score_all(article, sts)
    agency = [(p.target.text, p.target.tagger_score) for p in kept + dropped if p.statement.speaker.text == "وكالة رويترز"]
    assert ("الجيش الاميركي", None) in agency
    assert not any(nlp.vetoes(p.target) for p in kept + dropped if p.target.text == "الجيش الاميركي")
    assert all(nlp.vetoes(p.target) for p in kept + dropped if p.target.text != "الجيش الاميركي")


def test_all_statements_say_who_dropped_a_target(tmp_path: Path):
    """A rule's target the shipped tagger vetoes is listed under `dropped_targets` with `dropped_by` the tagger and
    its score, with the filter on (and its relevance, above the filter's threshold) and off (no relevance); the run
    does not stop on it (it once did, with `--no-target-filter`)."""
    from typer.testing import CliRunner

    from stance.cli import app

    from stance.classify import default_model_path

    veto = TargetTagger.load(default_model_path()).config.rule_veto
    text = "ولفت هاموند أن قلة فقط من الضربات الجوية الروسية أصابت أهدافها."
    art = tmp_path / "a.jsonl"
    art.write_text(json.dumps({"id": "h", "text": text, "lang": "ar"}, ensure_ascii=False) + "\n", encoding="utf-8")
    for extra in ([], ["--no-target-filter"]):
        out = tmp_path / "out.jsonl"
        res = CliRunner().invoke(app, ["analyze", str(art), "--all-statements", "-o", str(out), *extra])
        assert res.exit_code == 0, res.output
        (line,) = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]
        (gone,) = line["dropped_targets"]
        assert gone["text"] == "الضربات الجوية الروسية" and gone["dropped_by"] == ["target_tagger"]
        assert 0 <= gone["tagger_score"] < veto and line["target"] is None
        assert ("relevance" in gone) == (not extra)


def test_a_sentence_read_the_same_way_twice_is_read_once():
    """Two statements of one speaker in one sentence give the tagger the same input: it reads it once, and both
    statements' targets carry that reading."""
    from stance.pipeline import Pipeline
    from stance.records import Article

    class Counting(_FixedTagger):
        def read(self, items, batch_size=32):
            self.items = list(items)
            return super().read(items, batch_size)

    nlp = Pipeline.load(target_tagger=False, with_classifier=False)
    nlp.target_tagger = Counting([], other=0.3)
    text = "واتهم الوزير المعارضة بالعمالة، وقال ان المتظاهرين مأجورون."
    article = Article("t", text, "ar")
    sts = nlp.statements(article)
    assert len(sts) == 2 and sts[0].speaker.text == sts[1].speaker.text == "الوزير"
    ((_, tagged),) = nlp.with_tagged_targets([(article, sts)])
    assert len(nlp.target_tagger.items) == 1
    assert [t.tagger_score for st in tagged for t in st.targets] == [0.3] * sum(len(st.targets) for st in sts) != []


def test_the_settings_choice_takes_the_veto_that_raises_triple_f1():
    """`choose_settings` on one text whose gold is one of the rules' three targets: vetoing the other two (which the
    stand-in tagger reads at 0.02) raises triple F1, so the first veto above 0.02 is chosen; the table keeps every
    value tried and the run without the tagger."""
    from stance.pipeline import Pipeline
    from stance.records import Article
    from training.target_tagger import RULE_VETOES, THRESHOLDS, choose_settings

    nlp = Pipeline.load(target_tagger=False)
    text = "وقال وزير الخارجية البريطاني فيليب هاموند ان روسيا تواصل استهداف المعارضة أكثر من تنظيم الدولة."
    article = Article("t", text, "ar")
    (st,) = nlp.statements(article)
    russia = next(t for t in st.targets if t.text == "روسيا")
    kept, _ = nlp.score_all(article, [st])
    label = next(p.stance for p in kept if p.target is russia or p.target.text == "روسيا")
    gold = Text(text, "t", [((st.speaker.start, st.speaker.end), (russia.start, russia.end))], [label])
    tagger = _FixedTagger(["روسيا"], TaggerConfig(), other=0.02)
    tables = choose_settings(nlp, tagger, [gold], "ar")
    assert tagger.config.rule_veto == 0.05 and set(tables) == {"threshold", "rule_veto"}
    assert set(tables["threshold"]) == {"none", *map(str, THRESHOLDS)} and set(tables["rule_veto"]) == set(map(str, RULE_VETOES))
    assert tables["rule_veto"]["0.05"]["with_stance"] == [1.0, 1.0, 1.0] > tables["rule_veto"]["0.0"]["with_stance"]
    assert nlp.target_tagger is None  # the pipeline is given back as it was


def test_a_rechoice_keeps_the_settings_in_use_unless_beaten_by_the_minimum_gain():
    """The same text as above: the veto 0.05 raises triple F1 from 0.5 to 1.0, and every threshold scores alike. As a
    first choice (no `min_gain`) the grid's first threshold and the veto win; as a re-choice the threshold in use
    stays (a tie is no gain), and the veto in use (none) stays under a minimum gain the veto does not reach, and
    gives way under one it does."""
    from stance.pipeline import Pipeline
    from stance.records import Article
    from training.target_tagger import THRESHOLDS, choose_settings

    nlp = Pipeline.load(target_tagger=False)
    text = "وقال وزير الخارجية البريطاني فيليب هاموند ان روسيا تواصل استهداف المعارضة أكثر من تنظيم الدولة."
    (st,) = nlp.statements(Article("t", text, "ar"))
    russia = next(t for t in st.targets if t.text == "روسيا")
    kept, _ = nlp.score_all(Article("t", text, "ar"), [st])
    label = next(p.stance for p in kept if p.target.text == "روسيا")
    gold = Text(text, "t", [((st.speaker.start, st.speaker.end), (russia.start, russia.end))], [label])
    first = _FixedTagger(["روسيا"], TaggerConfig(threshold=0.9, rule_veto=0.0), other=0.02)
    tables = choose_settings(nlp, first, [gold], "ar")
    assert (first.config.threshold, first.config.rule_veto) == (THRESHOLDS[0], 0.05)
    gain = tables["rule_veto"]["0.05"]["with_stance"][2] - tables["rule_veto"]["0.0"]["with_stance"][2]
    assert gain > 0.4
    kept_tagger = _FixedTagger(["روسيا"], TaggerConfig(threshold=0.9, rule_veto=0.0), other=0.02)
    choose_settings(nlp, kept_tagger, [gold], "ar", min_gain=gain + 0.01)
    assert (kept_tagger.config.threshold, kept_tagger.config.rule_veto) == (0.9, 0.0)
    moved = _FixedTagger(["روسيا"], TaggerConfig(threshold=0.9, rule_veto=0.0), other=0.02)
    choose_settings(nlp, moved, [gold], "ar", min_gain=0.005)
    assert (moved.config.threshold, moved.config.rule_veto) == (0.9, 0.05)


def test_min_gain_is_only_for_a_rechoice_and_is_a_difference_of_f1(tmp_path: Path):
    """`--min-gain` without a re-choice has no settings in use to keep, and outside 0..1 it is no F1 difference:
    both trainers refuse either before anything loads."""
    from training import speaker_tagger, target_tagger

    for module in (target_tagger, speaker_tagger):
        for wrong in (["--min-gain", "0.01"], ["--settings-only", "--min-gain", "2"],
                      ["--settings-only", "--min-gain", "x"]):
            with pytest.raises(SystemExit) as exc:
                module.main([*wrong, "--model", str(tmp_path), "--dry-run"])
            assert exc.value.code == 2  # an argparse usage error, not a run


def test_the_trainers_report_then_write_the_tagger_or_only_its_settings(tmp_path: Path, capsys):
    from training.target_tagger import report_and_write

    tagger = TargetTagger.new(TaggerConfig(lora_r=4, lora_alpha=8, threshold=0.7), seed=0)
    report_and_write(tagger, {"dev": 0.5}, "threshold: 0.7", None, False, "target tagger")  # a dry run
    out = capsys.readouterr().out
    assert '"dev": 0.5' in out and "threshold: 0.7" in out and "wrote" not in out and not any(tmp_path.iterdir())
    settings = tmp_path / "settings"
    report_and_write(tagger, {}, "threshold: 0.7", settings, True, "target tagger")
    assert sorted(p.name for p in settings.iterdir()) == [TAGGER_CONFIG]
    assert json.loads((settings / TAGGER_CONFIG).read_text(encoding="utf-8"))["threshold"] == 0.7
    whole = tmp_path / "whole"
    report_and_write(tagger, {}, "threshold: 0.7", whole, False, "target tagger")
    assert sorted(p.name for p in whole.iterdir()) == sorted([TAGGER_CONFIG, TAGGER_WEIGHTS])
    assert f"wrote the target tagger into {whole}" in capsys.readouterr().out


def test_inside_remembering_a_sentence_is_read_once(monkeypatch):
    """A tagger asked about the same items under many settings (`Pipeline.remembering`) reads each once; the
    readings are the same as a fresh reading's."""
    tagger = TargetTagger.new(TaggerConfig(lora_r=4, lora_alpha=8), seed=0)
    items = [("وقال الوزير ان المتظاهرين اعتدوا على الشرطة.", (5, 11)), ("واعلن المسؤول ان الجيش قصف القرية.", None)]
    fresh = tagger.read(items)
    calls: list[int] = []
    encode = tagger.encode
    monkeypatch.setattr(tagger, "encode", lambda batch: (calls.append(len(batch)), encode(batch))[1])
    with tagger.remembering():
        first = tagger.read(items + items[:1])
        again = tagger.read(items[::-1])
    assert sum(calls) == 2 and again[::-1] == first[:2]
    assert all(abs(x - y) < 1e-5 for a, b in zip(fresh, first) for wa, wb in zip(a.tags, b.tags)
               for x, y in zip(wa, wb))
    tagger.read(items[:1])
    assert sum(calls) == 3


def test_english_and_french_tagged_pieces_are_read_whole_and_lone_modifiers_dropped():
    """English train sentences where the zero-shot tagger proposed a piece (session 43): a lower-case piece of a
    hyphenated word is the whole word ("front" of "front-runner"), a piece of a name the article holds is the
    whole name ("Hillary" of "Hillary Clinton", with its actor), and a lone modifier before its phrase's head is no
    target ("Republican" of "Republican rival", "federal" of "federal agencies"); an actor before a lower-case
    piece stays itself ("Saudi" of "Saudi-led")."""
    from stance.pipeline import Pipeline
    from stance.records import Article

    nlp = Pipeline.load(target_tagger=False, speaker_tagger=False)

    def tagged(pieces: list[str], text: str) -> list[tuple[str, str, str | None]]:
        nlp.target_tagger = _FixedTagger(pieces, TaggerConfig(langs=("ar", "en", "fr")))
        article = Article("t", text, "en")
        ((_, sts),) = nlp.with_taggers([(article, nlp.statements(article))])
        return [(st.speaker.text, t.text, t.actor.id if t.actor else None)
                for st in sts for t in st.targets if t.tagged is not None]

    got = tagged([r"front(?=-runner)"], "Sanders, who had said he would debate the front-runner, criticized "
                                        "Clinton on two fronts.")
    assert ("Sanders", "the front-runner", None) in got and all(t != "front" for _, t, _ in got)
    got = tagged(["Hillary"], "Hillary Clinton accuses Bernie Sanders of subjecting her to an “artful smear” "
                              "regarding her Wall Street links while Sanders suggests the former secretary of state "
                              "is a captive of America’s political establishment.")
    assert ("Sanders", "Hillary Clinton", "hillary_clinton") in got and ("Sanders", "Hillary", None) not in got
    text = ("Washington (AFP) – Democrat Hillary Clinton has taken a swipe at Republican rival Donald Trump’s stance "
            "on Brexit, saying that “bombastic comments” do more harm than good during such times.")
    assert all(t != "Republican" for _, t, _ in tagged(["Republican"], text))
    text = ("Washington has accused China of hacking computers at a range of federal agencies in recent years, "
            "including the theft of more than 21 million background check records.")
    assert all(t != "federal" for _, t, _ in tagged(["federal"], text))
    # what the tagger's pieces become, on the spans alone
    t = "Riyadh said a Saudi-led coalition would answer, and the Islamic State attacked."
    assert whole_compound(t, t.index("Saudi"), t.index("Saudi") + 5) == (t.index("Saudi"), t.index("Saudi") + 5)
    assert modifier_only(t, t.index("Islamic"), t.index("Islamic") + 7)  # (the pipeline widens it first)


def test_tagged_speakers_is_refused_with_settings_only(capsys):
    """`--tagged-speakers` changes what the tagger learns from, so it means nothing for a re-choice of settings:
    refused before anything loads."""
    from training.target_tagger import main

    with pytest.raises(SystemExit) as exc:
        main(["--tagged-speakers", "--settings-only"])
    assert exc.value.code == 2 and "--tagged-speakers is for training" in capsys.readouterr().err


def test_extra_files_are_read_as_exhaustive_train_texts(tmp_path: Path, monkeypatch):
    """`--extra FILE`: the lines of a file in the eval format become train texts, grouped by text, each pair once,
    other languages, lines with no speaker and held-out texts left out; a file with nothing usable is refused, and
    `--extra` with `--settings-only` is refused before anything loads."""
    import training.target_tagger as tt

    text = "وقال الوزير ان الجيش قتل مسلحين."
    sp, army, gunmen = {"start": 5, "end": 11}, {"start": 15, "end": 20}, {"start": 25, "end": 31}
    held = "وقال الناطق ان الشرطة اعتقلت المتظاهرين."
    lines = [
        {"id": "a", "text": text, "lang": "ar", "speaker": sp, "target": army, "stance": "neutral"},
        {"id": "b", "text": text, "lang": "ar", "speaker": sp, "target": gunmen, "stance": "criticism"},
        {"id": "c", "text": text, "lang": "ar", "speaker": sp, "target": gunmen, "stance": "criticism"},  # again
        {"id": "d", "text": "The minister praised the army.", "lang": "en", "speaker": {"start": 4, "end": 12},
         "target": {"start": 25, "end": 29}, "stance": "support"},
        {"id": "e", "text": text, "lang": "ar", "speaker": None, "target": army, "stance": "neutral"},
        {"id": "f", "text": held, "lang": "ar", "speaker": {"start": 5, "end": 11}, "target": {"start": 15, "end": 21},
         "stance": "neutral"},
    ]
    f = tmp_path / "batch.jsonl"
    f.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")

    class Held:
        def is_heldout(self, t: str) -> bool:
            return t == held

    monkeypatch.setattr(tt, "load_heldout", lambda data_dir=None: Held())
    (got,) = tt.file_texts([f], "ar")
    assert got.text == text and got.gold == [((5, 11), (15, 20)), ((5, 11), (25, 31))]
    assert got.stances == ["neutral", "criticism"]
    assert [t.gold for t in tt.file_texts([f], "en")] == [[((4, 12), (25, 29))]]
    assert tt.file_texts([], "ar") == []
    with pytest.raises(ValueError, match="no fr lines with a speaker"):
        tt.file_texts([f], "fr")
    with pytest.raises(SystemExit) as exc:
        tt.main(["--extra", str(f), "--settings-only"])
    assert exc.value.code == 2


def test_the_target_filter_scores_the_taggers_own_targets_too():
    """A target the tagger proposes gets the filter's relevance like a rule's, and is dropped, by the filter alone,
    when that is under the filter's threshold (before session 55 the tagger was its only filter)."""
    from stance.pipeline import Pipeline
    from stance.records import Article

    nlp = Pipeline.load(target_tagger=False)
    nlp.target_tagger = _FixedTagger(["المرضى"])
    text = "وقال الرئيس الروسي فلاديمير بوتين ان موسكو ستعالج المرضى في حلب."
    article = Article("t", text, "ar")
    sts = nlp.statements(article)
    kept, dropped = nlp.score_all(article, sts)
    (p,) = [p for p in kept + dropped if p.target.tagged is not None]
    filt = nlp.classifier.target_filter
    assert p.relevance is not None and (p in kept) == (p.relevance >= filt.threshold)
    saved = filt.threshold
    try:
        filt.threshold = min(1.0, p.relevance + 0.01)
        kept, dropped = nlp.score_all(article, sts)
        (p,) = [p for p in dropped if p.target.tagged is not None]
        assert nlp.dropped_by(p) == ["target_filter"] and p.target.text == "المرضى"
        assert "relevance" in p.to_json()
    finally:
        filt.threshold = saved


def test_extra_files_holding_dev_texts_are_refused(tmp_path: Path, monkeypatch):
    """The tagger's settings are chosen on the dev texts, so `--extra` texts that are dev texts are refused, naming
    one, before any training."""
    import training.target_tagger as tt

    dev = Text("وقال الوزير ان الجيش قتل مسلحين.", "d", [((5, 11), (15, 20))], ["neutral"])
    f = tmp_path / "mine.jsonl"
    f.write_text(json.dumps({"id": "a", "text": dev.text, "lang": "ar", "speaker": {"start": 5, "end": 11},
                             "target": {"start": 15, "end": 20}, "stance": "neutral"}, ensure_ascii=False) + "\n",
                 encoding="utf-8")

    class Nlp:
        speaker_tagger = None

    class NoneHeld:
        def is_heldout(self, t: str) -> bool:
            return False

    monkeypatch.setattr(tt.Pipeline, "load", classmethod(lambda cls, **k: Nlp()))
    monkeypatch.setattr(tt, "gold_texts", lambda lang, split, *a, **k: [dev] if split == "dev" else [])
    monkeypatch.setattr(tt, "load_heldout", lambda data_dir=None: NoneHeld())
    monkeypatch.setattr(tt.TargetTagger, "new", classmethod(lambda cls, *a, **k: pytest.fail("trained anyway")))
    with pytest.raises(ValueError, match="1 text.s. of --extra are dev texts"):
        tt.fit_tagger(model=str(tmp_path), extra=[f], epochs=1)
