"""The end-to-end error breakdown (eval.errors): each kind of miss counted where it belongs, on a hand-made
document, then a real run of the shipped pipeline on a gold file written here."""
from __future__ import annotations

import json
from pathlib import Path

from eval.endtoend import Triple
from eval.errors import Candidate, Said, breakdown, main, markdown, origin_of
from stance.records import Mention, Portrayal, Span, Statement

TEXT = "قال الوزير ان الجيش انسحب من المدينة بعد هجوم المسلحين. وهتف المتظاهرون ضد الحكومة."


def span(word: str, after: int = 0) -> tuple[int, int]:
    s = TEXT.index(word, after)
    return s, s + len(word)


def triple(speaker: str | None, target: str, stance: str) -> Triple:
    sp = span(speaker) if speaker else None
    return Triple("d", sp, speaker, span(target), target, stance)


def test_each_miss_is_counted_where_it_belongs():
    """The minister's statement holds the army (kept, with the wrong stance), the city (dropped by the target
    filter), the gunmen (never a candidate, inside the content) and a kept pair of a wrong speaker; the
    demonstrators are never found as speakers; the kept pairs are ranked by relevance within their statement."""
    gold = {"d": [triple("الوزير", "الجيش", "criticism"), triple("الوزير", "المدينة", "neutral"),
                  triple("الوزير", "المسلحين", "criticism"), triple("المتظاهرون", "الحكومة", "criticism")]}
    minister = Said(Triple("d", span("الوزير"), "الوزير", (-1, -1), "", ""), span("قال"),
                    (span("ان")[0], span("المسلحين")[1]))
    army = Said(Triple("d", span("الجيش"), "الجيش", (-1, -1), "", ""), None, span("المدينة"))
    cands = [Candidate(triple("الوزير", "الجيش", "neutral"), "d:1", 0.9),
             Candidate(triple("الوزير", "هجوم", "criticism"), "d:1", 0.4),
             Candidate(triple("الوزير", "المدينة", "neutral"), "d:1", 0.1, ("target_filter",)),
             Candidate(triple("الجيش", "المدينة", "neutral"), "d:2", None, (), "tagged speaker, rule target")]
    report = breakdown(gold, {"d": TEXT}, {"d": ([minister, army], cands)})
    assert report["gold_pairs"] == 4 and report["kept_pairs"] == 3
    assert report["stance_on_matched_pairs"] == {"criticism": {"neutral": 1}}
    assert report["unmatched_predicted_pairs"] == {"right speaker, wrong target": 1, "wrong speaker": 1}
    assert report["missed_gold_pairs"] == {"speaker never found": 1, "target dropped by target_filter": 1,
                                           "target never a candidate: inside the content": 1}
    assert report["dropped_pairs"] == {"target_filter": {"pairs": 1, "match_a_gold_pair": 1, "with_its_stance": 1}}
    ranks = report["precision_by_rank_in_statement"]
    assert ranks["1"] == {"pairs": 2, "pair_precision": 0.5, "triple_precision": 0.0}  # the army's; the army speaking
    assert ranks["2"] == {"pairs": 1, "pair_precision": 0.0, "triple_precision": 0.0}  # the attack
    assert report["precision_by_origin"] == {  # the dropped city is no kept pair
        "cue speaker, rule target": {"pairs": 2, "pair_precision": 0.5, "triple_precision": 0.0},
        "tagged speaker, rule target": {"pairs": 1, "pair_precision": 0.0, "triple_precision": 0.0}}
    shown = markdown(report)
    assert "| right speaker, wrong target | 1 |" in shown and "| criticism | 0 | 1 |" in shown  # gold rows, all labels
    with_examples = breakdown(gold, {"d": TEXT}, {"d": ([minister, army], cands)}, examples=1)
    assert set(with_examples["examples"]) == {"predicted, right speaker, wrong target", "predicted, wrong speaker",
                                              "missed, speaker never found", "missed, target dropped by target_filter",
                                              "missed, target never a candidate: inside the content"}
    (gunmen,) = with_examples["examples"]["missed, target never a candidate: inside the content"]
    assert gunmen["target"] == "المسلحين" and gunmen["context"].endswith("[المسلحين]. وهتف المتظاهرون ضد الحكومة.")
    assert "examples" not in report and "- d: المتظاهرون -> الحكومة (criticism)" in markdown(with_examples)
    nothing = breakdown(gold, {"d": TEXT}, {})  # a document the pipeline found nothing in
    assert nothing["missed_gold_pairs"] == {"speaker never found": 4} and nothing["kept_pairs"] == 0


def test_the_rarer_kinds_and_the_matching_of_eval_e2e():
    """Two gold pairs on one kept pair: the one with the kept pair's stance gets it (as `stance eval-e2e` matches),
    the other's kept pair went to it; a second kept pair for the same gold pair is a duplicate; a gold target kept
    for another speaker; a resolved speaker whose target stands before the cue of its own sentence (the speaker's
    mention in an earlier one); a target in another sentence is elsewhere; a pair the tagger proposed (no
    relevance) ranks before the filter's best in its statement."""
    text = "قال الوزير ان الجيش انسحب. وقال المتحدث ان الشرطة تعبت. وبعد خطاب الرئيس أضاف إن المعارضة خسرت."
    at = lambda w: (text.index(w), text.index(w) + len(w))  # noqa: E731
    t = lambda sp, tg, st, res=False: Triple("d", at(sp), sp, at(tg), tg, st, res)  # noqa: E731
    gold = {"d": [t("الوزير", "الجيش", "criticism"), t("الوزير", "الجيش", "support"), t("المتحدث", "الجيش", "neutral"),
                  t("الوزير", "الرئيس", "neutral", True), t("المتحدث", "المعارضة", "neutral")]}
    minister = Said(Triple("d", at("الوزير"), "الوزير", (-1, -1), "", "", True), at("أضاف"), at("المعارضة خسرت"))
    first = Said(Triple("d", at("الوزير"), "الوزير", (-1, -1), "", ""), at("قال"), at("الجيش انسحب"))
    spokesman = Said(Triple("d", at("المتحدث"), "المتحدث", (-1, -1), "", ""), at("وقال"), at("الشرطة تعبت"))
    cands = [Candidate(t("الوزير", "الجيش", "support"), "d:1", 0.6), Candidate(t("الوزير", "الجيش", "neutral"), "d:1", None),
             Candidate(t("المتحدث", "الشرطة", "neutral"), "d:2", 0.7)]
    report = breakdown(gold, {"d": text}, {"d": ([first, spokesman, minister], cands)})
    assert report["stance_on_matched_pairs"] == {"support": {"support": 1}, "criticism": {"neutral": 1}}
    assert report["missed_gold_pairs"] == {
        "target kept for another speaker": 1, "target never a candidate: before the cue in its sentence": 1,
        "target never a candidate: elsewhere": 1}
    assert report["unmatched_predicted_pairs"] == {"right speaker, wrong target": 1}
    ranks = report["precision_by_rank_in_statement"]
    assert ranks["1"]["triple_precision"] == 0.0 and ranks["2"]["triple_precision"] == 1.0  # None first, then 0.6
    one = {"d": [t("الوزير", "الجيش", "support")]}
    again = breakdown(one, {"d": text}, {"d": ([first], cands[:2])})
    assert again["unmatched_predicted_pairs"] == {"a second pair for a gold pair matched already": 1}
    two = {"d": gold["d"][:2]}
    alone = breakdown(two, {"d": text}, {"d": ([first], cands[:1])})
    assert alone["missed_gold_pairs"] == {"its kept pair went to another gold pair": 1}


def test_the_command_runs_the_shipped_pipeline_and_writes_its_report(tmp_path: Path, capsys):
    """Hammond's sentence with two gold pairs the shipped pipeline finds and one speaker it cannot (the annotators'
    reading of the strikes): every gold pair is counted once, as matched or as one kind of miss."""
    text = "وقال وزير الخارجية البريطاني فيليب هاموند ان روسيا تواصل استهداف المعارضة أكثر من تنظيم الدولة."
    gold = {"id": "h1", "lang": "ar", "text": text, "statements": [
        {"speaker": "فيليب هاموند", "speaker_start": text.index("فيليب هاموند"), "targets": [
            {"target": "روسيا", "target_start": text.index("روسيا"), "stance": "criticism"},
            {"target": "المعارضة", "target_start": text.index("المعارضة"), "stance": "support"}]},
        {"speaker": "روسيا", "speaker_start": text.index("روسيا"), "targets": [
            {"target": "تنظيم الدولة", "target_start": text.index("تنظيم الدولة"), "stance": "criticism"}]}]}
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")
    assert main([str(path), "-o", str(tmp_path / "e.json")]) == 0
    report = json.loads((tmp_path / "e.json").read_text(encoding="utf-8"))
    matched = sum(sum(row.values()) for row in report["stance_on_matched_pairs"].values())
    assert report["gold_pairs"] == 3 and matched + sum(report["missed_gold_pairs"].values()) == 3
    assert matched >= 2 and report["missed_gold_pairs"].get("speaker never found", 0) <= 1
    assert report["kept_pairs"] == sum(v["pairs"] for v in report["precision_by_rank_in_statement"].values())
    assert report["kept_pairs"] == sum(v["pairs"] for v in report["precision_by_origin"].values())
    assert "cue speaker, rule target" in report["precision_by_origin"]  # Hammond, named at «وقال»
    assert set(report["precision_by_origin"]) <= {f"{s} speaker, {t} target" for s in ("cue", "resolved", "tagged")
                                                  for t in ("rule", "tagged")}
    assert "gold pairs" in capsys.readouterr().out
    assert main([str(tmp_path / "absent.jsonl")]) == 2

    import typer
    from typer.testing import CliRunner

    from eval.cli import register

    app = typer.Typer()
    register(app)
    res = CliRunner().invoke(app, ["eval-errors", str(path), "--examples", "1", "-o", str(tmp_path / "c.json")])
    assert res.exit_code == 0, res.output
    again = json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))
    assert {k: v for k, v in again.items() if k != "examples"} == report and "| rank in statement |" in res.output
    assert "| kept pairs by origin |" in res.output
    assert all(len(rows) == 1 for rows in again.get("examples", {}).values())
    res = CliRunner().invoke(app, ["eval-errors", str(tmp_path / "absent.jsonl")])
    assert res.exit_code == 2 and "error:" in res.output


def test_stance_accuracy_by_statement_kind():
    """The minister's gold targets carry two stances (a mixed statement, read with one stance: one of two right);
    the demonstrators' single pair is right; a statement whose two targets share a gold stance is uniform."""
    gold = {"d": [triple("الوزير", "الجيش", "support"), triple("الوزير", "المسلحين", "criticism"),
                  triple("المتظاهرون", "الحكومة", "criticism")]}
    minister = Said(Triple("d", span("الوزير"), "الوزير", (-1, -1), "", ""), span("قال"),
                    (span("ان")[0], span("المسلحين")[1]))
    crowd = Said(Triple("d", span("المتظاهرون"), "المتظاهرون", (-1, -1), "", ""), span("وهتف"), span("الحكومة"))
    cands = [Candidate(triple("الوزير", "الجيش", "criticism"), "d:1", 0.9),
             Candidate(triple("الوزير", "المسلحين", "criticism"), "d:1", 0.8),
             Candidate(triple("المتظاهرون", "الحكومة", "criticism"), "d:2", 0.7)]
    by = breakdown(gold, {"d": TEXT}, {"d": ([minister, crowd], cands)})["stance_by_statement"]
    assert by["mixed"] == {"statements": 1, "pairs": 2, "right": 1, "accuracy": 0.5, "predicted_mixed": 0}
    assert by["single"] == {"statements": 1, "pairs": 1, "right": 1, "accuracy": 1.0}
    assert by["uniform"]["pairs"] == 0 and by["uniform"]["accuracy"] is None
    same = {"d": [triple("الوزير", "الجيش", "criticism"), triple("الوزير", "المسلحين", "criticism")]}
    by = breakdown(same, {"d": TEXT}, {"d": ([minister], cands[:2])})["stance_by_statement"]
    assert by["uniform"] == {"statements": 1, "pairs": 2, "right": 2, "accuracy": 1.0}
    assert "| mixed | 0 | 0 | 0 | None |" in markdown(breakdown(same, {"d": TEXT}, {"d": ([minister], cands[:2])}))


def test_the_origin_of_a_pair():
    """A speaker named at its cue, one resolved from an earlier sentence ("وأضاف"), one the speaker tagger read in a
    sentence with no cue; a target of the rules or of the target tagger."""
    text = "قال الوزير ان الجيش انسحب. وأضاف ان المسلحين هاجموا. وهتف المتظاهرون ضد الحكومة."
    at = lambda w: Span.of(text, text.index(w), text.index(w) + len(w))  # noqa: E731
    minister, army, gunmen = Mention(at("الوزير")), Mention(at("الجيش")), Mention(at("المسلحين"), tagged=0.9)

    def pair(speaker: Mention, target: Mention, cue: str | None, kind: str) -> Portrayal:
        st = Statement("d", "d:1", speaker, at(cue) if cue else None, at(target.text), (target,), "ar", cue_kind=kind)
        return Portrayal(st, target, "neutral", {"neutral": 1.0}, "m")

    resolved = Mention(at("الوزير"), resolved=True)
    assert origin_of(pair(minister, army, "قال", "report")) == "cue speaker, rule target"
    assert origin_of(pair(resolved, gunmen, "وأضاف", "continue")) == "resolved speaker, tagged target"
    assert origin_of(pair(Mention(at("المتظاهرون"), tagged=0.97), Mention(at("الحكومة")), None, "tagged")) == \
        "tagged speaker, rule target"
