from eval.seed import REQUIRED, check


def line(sid, speaker_id, speaker_text, target_id, target_text, stance):
    return {"statement_id": sid, "speaker": {"actor_id": speaker_id, "text": speaker_text},
            "target": {"actor_id": target_id, "text": target_text}, "stance": stance}


def test_seed_acceptance_rows_find_and_contradict():
    lines = [
        line("s:1", "philip_hammond", "هاموند", "RUS", "روسيا", "criticism"),
        line("s:2", "philip_hammond", "هاموند", "islamic_state", "داعش", "criticism"),
        line("s:3", "philip_hammond", "هاموند", "islamic_state", "الدولة الاسلامية", "support"),
        line("s:4", None, "الغربيون ومنظمات غير حكومية", "RUS", "روسيا", "neutral"),
    ]
    rows = {(r["speaker"], r["target"]): r for r in check(lines)}
    assert len(rows) == len(REQUIRED) == 11
    assert rows[("Hammond", "Russia")]["met"] and not rows[("Hammond", "Russia")]["contradicted"]
    hammond_is = rows[("Hammond", "Islamic State")]
    assert hammond_is["met"] and hammond_is["contradicted"] and hammond_is["statements"] == ["s:2", "s:3"]
    west = rows[("Westerners and NGOs", "Russia")]
    assert not west["met"] and not west["contradicted"] and west["found"] == ["neutral"]
    assert not rows[("Kerry", "Putin")]["found"]
