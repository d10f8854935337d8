"""Portrayals: `stance.aggregate` and `stance portrayals`, at actor and at country level."""
import json

import pytest
from typer.testing import CliRunner

from stance.aggregate import aggregate
from stance.cli import app


def _side(actor_id, name, affiliation, actor_type, text=None):
    return {"text": text or name, "actor_id": actor_id, "actor_name": name, "affiliation": affiliation,
            "actor_type": actor_type}


HAMMOND = _side("philip_hammond", "Philip Hammond", "GBR", "person", "هاموند")
FCO = _side("GBRGOV.foreign_ministry", "British foreign ministry", "GBR", "government")
PUTIN = _side("vladimir_putin", "Vladimir Putin", "RUS", "person")
KREMLIN = _side("RUSGOV", "Russian government", "RUS", "government")
RUSSIA = _side("RUS", "Russia", "RUS", "country", "روسيا")
OPPOSITION = _side("SYROPP", "Syrian opposition", "SYR", "group")
SYRIA = _side("SYR", "Syria", "SYR", "country")
ISIS = _side("islamic_state", "Islamic State", None, "armed_group")
LINES = [
    {"statement_id": "a:1", "speaker": HAMMOND, "target": RUSSIA, "stance": "criticism"},
    {"statement_id": "a:2", "speaker": FCO, "target": KREMLIN, "stance": "criticism"},
    {"statement_id": "a:3", "speaker": HAMMOND, "target": PUTIN, "stance": "neutral"},
    {"statement_id": "a:4", "speaker": PUTIN, "target": OPPOSITION, "stance": "support"},
    {"statement_id": "a:5", "speaker": KREMLIN, "target": SYRIA, "stance": "support"},
    {"statement_id": "a:6", "speaker": PUTIN, "target": ISIS, "stance": "criticism"},
    {"statement_id": "a:7", "speaker": PUTIN, "target": KREMLIN, "stance": "support"},
]


def test_actor_level_keeps_every_actor():
    edges = {(e.source, e.target): e for e in aggregate(LINES)}
    assert ("philip_hammond", "RUS") in edges and ("GBRGOV.foreign_ministry", "RUSGOV") in edges
    assert ("vladimir_putin", "RUSGOV") in edges


def test_country_level_merges_state_actors_and_people_not_movements():
    edges = {(e.source, e.target): e for e in aggregate(LINES, by="country", names={"GBR": "United Kingdom"})}
    gbr_rus = edges[("GBR", "RUS")]
    assert (gbr_rus.counts, gbr_rus.evidence) == ({"support": 0, "criticism": 2, "neutral": 1}, ["a:1", "a:2", "a:3"])
    assert (gbr_rus.source_name, gbr_rus.target_name) == ("United Kingdom", "Russia")  # a line names Russia itself
    assert edges[("RUS", "SYROPP")].counts["support"] == 1  # the opposition is not Syria
    assert edges[("RUS", "SYR")].counts["support"] == 1
    assert edges[("RUS", "islamic_state")].counts["criticism"] == 1
    assert ("RUS", "RUS") not in edges  # Putin on the Kremlin: a country on itself
    with pytest.raises(ValueError, match="by must be one of"):
        aggregate(LINES, by="region")


def test_portrayals_cli_by_country(tmp_path):
    src = tmp_path / "analyzed.jsonl"
    src.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in LINES), encoding="utf-8")
    runner = CliRunner()
    res = runner.invoke(app, ["portrayals", str(src), "--by", "country", "--format", "json"])
    assert res.exit_code == 0, res.output
    rows = {(r["source"], r["target"]): r for r in json.loads(res.stdout)}
    assert rows[("GBR", "RUS")]["source_name"] == "United Kingdom"  # from the shipped dictionary
    assert rows[("GBR", "RUS")]["criticism"] == 2 and rows[("GBR", "RUS")]["net"] == round(-2 / 3, 4)
    res = runner.invoke(app, ["portrayals", str(src), "--by", "region"])
    assert res.exit_code == 2 and "--by must be one of" in res.output


def test_an_unknown_name_is_one_node_across_its_spellings():
    """Names the dictionary lacks (spellings from the Arabic train texts' output): hamza and alef variants, a
    conjunction or preposition before the article, -ون / -ين are one node, named by its commonest spelling without a
    proclitic even when a clitic form comes first; a definite and an indefinite name stay two ("الوفد", the party,
    is not "وفد", a delegation), and so does the fuller phrase a bare one stands for (`antecedent`)."""
    def unknown(text, antecedent=None):
        out = {"text": text, "actor_id": None, "actor_name": None, "affiliation": None}
        return {**out, "antecedent": {"text": antecedent}} if antecedent else out
    lines = [
        {"statement_id": "b:1", "speaker": unknown("الشرطة"), "target": unknown("والمتظاهرين"), "stance": "criticism"},
        {"statement_id": "b:2", "speaker": unknown("الشرطه"), "target": unknown("المتظاهرين"), "stance": "criticism"},
        {"statement_id": "c:1", "speaker": unknown("الشرطة"), "target": unknown("للمتظاهرين"), "stance": "neutral"},
        {"statement_id": "c:2", "speaker": unknown("المتظاهرون"), "target": unknown("الإيرانيين"), "stance": "support"},
        {"statement_id": "c:3", "speaker": unknown("المتظاهرين"), "target": unknown("الايرانيين"), "stance": "support"},
        {"statement_id": "c:4", "speaker": unknown("الشرطة"), "target": unknown("وفد"), "stance": "neutral"},
        {"statement_id": "c:5", "speaker": unknown("الشرطة"), "target": unknown("الوفد"), "stance": "neutral"},
        {"statement_id": "c:6", "speaker": unknown("المصادر", "مصادر محلية"), "target": unknown("الوفد"),
         "stance": "neutral"},
    ]
    edges = {(e.source, e.target): e for e in aggregate(lines)}
    assert set(edges) == {("الشرطة", "المتظاهرين"), ("المتظاهرين", "الإيرانيين"), ("الشرطة", "وفد"),
                          ("الشرطة", "الوفد"), ("مصادر محلية", "الوفد")}
    police = edges[("الشرطة", "المتظاهرين")]
    assert police.counts == {"support": 0, "criticism": 2, "neutral": 1} and police.evidence == ["b:1", "b:2", "c:1"]
    assert police.target_name == "المتظاهرين" and edges[("المتظاهرين", "الإيرانيين")].counts["support"] == 2
