"""Portrayals: `stance.aggregate` and `stance portrayals`, at actor and at country level."""
import json

import pytest
from typer.testing import CliRunner

from stance.aggregate import aggregate, repeats, tagger_statement
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


def test_distinct_counts_a_statement_repeated_across_copies_once(tmp_path):
    """One wire sentence of the seed article in two outlets' copies (other ids, other offsets, one written with hamza
    and the other without) is one statement under --distinct; Hammond's other statement, with other words, still
    counts. Without the flag every line counts, as before."""
    def said(doc, n, start, content, stance="criticism"):
        return {"doc_id": doc, "statement_id": f"{doc}:{n}", "speaker": HAMMOND,
                "cue": {"text": "وقال", "start": start, "end": start + 4},
                "content": {"text": content, "start": start + 40, "end": start + 40 + len(content)},
                "target": RUSSIA, "stance": stance}
    copy_a = said("afp", 3, 120, "إن روسيا مستمرة في استهداف المعارضة السورية ، أكثر من استهدافها لداعش")
    copy_b = said("wire2", 7, 310, "ان روسيا مستمرة في استهداف المعارضة السورية، اكثر من استهدافها لداعش")
    other = said("afp", 5, 600, "أن روسيا ضربت خلال الأسبوعين الأخيرين أهدافا للمعارضة السورية في حمص")
    lines = [copy_a, copy_b, other]
    assert repeats(lines) == [False, True, False]
    (edge,) = aggregate(lines, distinct=True)
    assert (edge.counts["criticism"], edge.evidence) == (2, ["afp:3", "afp:5"])
    assert aggregate(lines)[0].counts["criticism"] == 3
    assert repeats([copy_a, {**copy_b, "stance": "neutral"}]) == [False, False]  # another label is another reading
    src = tmp_path / "analyzed.jsonl"
    src.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    res = CliRunner().invoke(app, ["portrayals", str(src), "--distinct", "--format", "json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)[0]["criticism"] == 2
    assert "1 of 3 lines repeat an earlier one" in res.stderr


def test_cued_only_leaves_out_the_speaker_taggers_statements(tmp_path):
    """The seed article's headline, read by the speaker tagger (France -> Russia, no cue), is left out under
    --cued-only; Hammond's cued statement and an author-voice line stay. Without the flag all three count."""
    cued = {**LINES[0], "cue": {"text": "وقال", "start": 10, "end": 14}}
    tagged = {"statement_id": "a:20", "speaker": {**_side("FRA", "France", "FRA", "country", "فرنسا"), "tagger": 0.93},
              "cue": None, "target": RUSSIA, "stance": "neutral"}
    author = {"statement_id": "a:21", "speaker": None, "cue": None, "voice": "author", "target": RUSSIA,
              "stance": "criticism"}
    lines = [cued, tagged, author]
    assert [tagger_statement(x) for x in lines] == [False, True, False]
    src = tmp_path / "analyzed.jsonl"
    src.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    runner = CliRunner()
    res = runner.invoke(app, ["portrayals", str(src), "--cued-only", "--format", "json"])
    assert res.exit_code == 0, res.output
    assert {(r["source"], r["target"]) for r in json.loads(res.stdout)} == {("philip_hammond", "RUS"), ("(author)", "RUS")}
    assert "1 of 3 lines are the speaker tagger's statements" in res.stderr
    res = runner.invoke(app, ["portrayals", str(src), "--format", "json"])
    assert ("FRA", "RUS") in {(r["source"], r["target"]) for r in json.loads(res.stdout)}


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


def _balanced(page: str) -> list[str]:
    """The tags of an HTML page left open or closed out of order (empty when every element closes in order)."""
    from html.parser import HTMLParser

    class Check(HTMLParser):
        def __init__(self):
            super().__init__()
            self.open, self.wrong = [], []

        def handle_starttag(self, tag, attrs):
            if tag not in ("meta", "br"):
                self.open.append(tag)

        def handle_endtag(self, tag):
            if self.open and self.open[-1] == tag:
                self.open.pop()
            else:
                self.wrong.append(tag)

    check = Check()
    check.feed(page)
    return check.open + check.wrong


# a line as `stance analyze` writes it, on the seed article's sentence 17 (offsets into a made-up article in which
# the content starts at 100)
CONTENT = "إن روسيا تستهدف المعارضة السورية اكثر من الدولة الاسلامية"
HAMMOND_LINE = {
    "doc_id": "a", "statement_id": "a:17", "lang": "ar", "model": "stance-transformer (test)",
    "speaker": {**HAMMOND, "start": 80, "end": 86, "resolved": True},
    "cue": {"text": "مضيفا", "start": 90, "end": 95},
    "content": {"text": CONTENT, "start": 100, "end": 100 + len(CONTENT)},
    "target": {**RUSSIA, "start": 103, "end": 108},
    "stance": "criticism", "scores": {"support": 0.05, "criticism": 0.86, "neutral": 0.09},
}


def test_html_page_shows_each_pair_with_its_evidence_and_marks_the_target():
    from stance.render import to_html

    opposition = {**OPPOSITION, "text": "المعارضة السورية", "start": 116, "end": 132}
    lines = [HAMMOND_LINE, {**HAMMOND_LINE, "target": opposition, "stance": "support",
                            "scores": {"support": 0.57, "criticism": 0.3, "neutral": 0.13}}]
    assert CONTENT[3:8] == "روسيا" and CONTENT[16:32] == "المعارضة السورية"
    page = to_html(aggregate(lines))
    assert _balanced(page) == []
    assert "2 directed pairs from 2 (statement, target) lines" in page
    assert 'Model: stance-transformer (test)' in page
    assert '<mark class="target">روسيا</mark>' in page
    assert '<mark class="target">المعارضة السورية</mark>' in page
    assert '<span class="label criticism">criticism</span> 0.86' in page
    assert "resolved" in page and "مضيفا" in page and "Philip Hammond" in page
    # a target whose offsets do not give its text is listed but not marked in the content
    moved = {**HAMMOND_LINE, "target": {**RUSSIA, "start": 104, "end": 109}}
    assert "<mark" not in to_html(aggregate([moved])).split("<tbody>")[1]


def test_html_page_escapes_article_text_names_and_ids():
    """Nothing from an article or a user's dictionary becomes markup: text, names, ids and the model field are
    escaped, inside the content, the speaker, the target and the table alike."""
    from stance.render import to_html

    evil = '<script>alert("x")</script>'
    content = f"Russia said {evil} & <img src=x onerror=alert(1)>"
    line = {
        "statement_id": 'a:1"><b>', "model": "<i>m</i>",
        "speaker": {"text": "<b>Hammond</b>", "start": 0, "end": 14, "actor_id": None, "actor_name": None},
        "cue": {"text": "<u>said</u>", "start": 15, "end": 26},
        "content": {"text": content, "start": 30, "end": 30 + len(content)},
        "target": {"text": "Russia", "start": 30, "end": 36, "actor_id": "<svg onload=alert(1)>",
                   "actor_name": evil},
        "stance": "criticism", "scores": {"criticism": 0.9},
    }
    page = to_html(aggregate([line]))
    body = page.split("</style>")[1]
    for raw in ("<script", "<img", "<svg", "<b>", "<u>", "<i>", 'a:1"'):
        assert raw not in body, raw
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in body and "&amp; &lt;img" in body
    assert '<mark class="target">Russia</mark>' in body
    assert _balanced(page) == []


def test_portrayals_cli_writes_the_html_page(tmp_path):
    src, out = tmp_path / "analyzed.jsonl", tmp_path / "report.html"
    src.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in [*LINES, HAMMOND_LINE]),
                   encoding="utf-8")
    res = CliRunner().invoke(app, ["portrayals", str(src), "--format", "html", "--by", "country", "-o", str(out)])
    assert res.exit_code == 0, res.output
    page = out.read_text(encoding="utf-8")
    assert _balanced(page) == []
    # GBR -> RUS: Hammond on Russia twice (a:1, a:17), the Foreign Office on the Kremlin, Hammond on Putin
    assert "evidence: 4 lines, statements a:1, a:2, a:3, a:17" in page
    assert page.count('<tr class="evidence">') == len(aggregate([*LINES, HAMMOND_LINE], by="country"))


def test_html_page_survives_fields_of_the_wrong_type():
    """Lines a user wrote by hand may hold anything in any field: the page is still written, escaped, and counts them."""
    from stance.render import to_html

    odd = [
        {**HAMMOND_LINE, "statement_id": 5, "scores": [0.1], "cue": "said", "content": "hi"},
        {**HAMMOND_LINE, "scores": "x", "content": {"text": 5, "start": 0}, "model": {"name": "<m>"}},
        {**HAMMOND_LINE, "statement_id": ["x"], "content": [1], "scores": {"criticism": True},
         "target": {**RUSSIA, "actor_id": ["<RUS>"], "start": "3"}},
    ]
    page = to_html(aggregate(odd))
    assert _balanced(page) == [] and "<m>" not in page and "&lt;m&gt;" in page
    assert "2 directed pairs from 3 (statement, target) lines" in page
    assert "evidence: 2 lines, statements 5, a:17<" in page and "evidence: 1 line, statements [&#x27;x&#x27;]<" in page
