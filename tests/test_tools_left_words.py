"""tools/left_words.py: the stance on matched pairs by the word class before the target, on a fixture."""
import doctest
import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _tool():
    spec = importlib.util.spec_from_file_location("left_words", ROOT / "tools" / "left_words.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_docstring_examples():
    assert doctest.testmod(_tool()).failed == 0


def test_tally_counts_matched_pairs_by_word_class(tmp_path):
    text = "قال الوزير ان الجيش يدعم المتظاهرين ضد الحكومة"
    tgt = {w: text.index(w) for w in ("المتظاهرين", "الحكومة", "الجيش")}
    gold = {"id": "d1", "text": text, "lang": "ar", "statements": [{
        "speaker": "الوزير", "speaker_start": 4,
        "targets": [{"target": "المتظاهرين", "target_start": tgt["المتظاهرين"], "stance": "support"},
                    {"target": "الحكومة", "target_start": tgt["الحكومة"], "stance": "criticism"},
                    {"target": "الجيش", "target_start": tgt["الجيش"], "stance": "neutral"}]}]}
    (tmp_path / "g.jsonl").write_text(json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")

    def line(word, stance):
        return json.dumps({"doc_id": "d1", "speaker": {"text": "الوزير", "start": 4, "end": 10},
                           "target": {"text": word, "start": tgt[word], "end": tgt[word] + len(word)},
                           "stance": stance}, ensure_ascii=False)

    (tmp_path / "a.jsonl").write_text("\n".join([line("المتظاهرين", "neutral"), line("الحكومة", "criticism"),
                                                 line("الجيش", "neutral")]) + "\n", encoding="utf-8")
    out = _tool().tally(tmp_path / "g.jsonl", tmp_path / "a.jsonl", window=1)
    assert (out["matched"], out["right"]) == (3, 2)
    assert out["by_class"]["support"] == {"pairs": 1, "right": 0, "gold": {"support": 1},
                                          "gold_x_predicted": {"support -> neutral": 1}}
    assert out["by_class"]["harm"]["gold_x_predicted"] == {"criticism -> criticism": 1}
    # "الجيش" follows "ان": no class. Three words back, "الحكومة" reads "يدعم" too, and the first class wins
    wide = _tool().tally(tmp_path / "g.jsonl", tmp_path / "a.jsonl", window=3)["by_class"]
    assert (wide["support"]["pairs"], wide["harm"]["pairs"]) == (2, 0)
