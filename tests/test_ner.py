"""The Arabic CRF named-entity recogniser (stance.ner): shipped model, span offsets, training, corpus readers."""
from __future__ import annotations

import pytest

pycrfsuite = pytest.importorskip("pycrfsuite", reason="python-crfsuite is not installed (pip install python-crfsuite)")

from stance.ner import (
    DEFAULT_MODEL,
    ArabicNER,
    Sentence,
    _with_ali,
    chunks,
    read_aqmar,
    read_newsfane,
    sentence_xy,
    strip_clitics,
    train,
)
from stance.text import tokens
from training.heldout import data_dir

DATA = data_dir()


def need(*parts: str):
    path = DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not found at {path}: set $STANCE_DATA to the shared data folder to run this test")
    return path


OLMERT = "وقال رئيس الوزراء الاسرائيلي ايهود اولمرت امس ان حكومته لن تتفاوض مع حركة حماس."


@pytest.fixture(scope="module")
def ner() -> ArabicNER:
    if not DEFAULT_MODEL.exists():
        pytest.fail(f"the shipped model {DEFAULT_MODEL} is missing: train it with tools/train_ner.py")
    return ArabicNER.load()


def test_shipped_model_finds_olmert(ner):
    spans = ner.find(OLMERT)
    found = {(OLMERT[s:e], label) for s, e, label in spans}
    assert ("ايهود اولمرت", "PER") in found or ("اولمرت", "PER") in found, found


def test_the_name_ali_is_part_of_the_person(ner):
    # exhaustive Arabic train texts: the tagger reads "علي" (Ali, with ya) as the preposition على and left it out
    text = "ان قائد الحرس الثوري الايراني محمد علي جعفري حذر «العدو» من عواقب اي هجوم على ايران."
    assert ("محمد علي جعفري", "PER") in [(text[a:b], label) for a, b, label in ner.find(text)]
    text = "ما كشف عن تعاون علي رضا عسكري، كرها أو طوعا، مع الاستخبارات"
    assert [(text[a:b], label) for a, b, label in ner.find(text)][0][0].startswith("علي رضا")
    # (a guard: the tagger itself reads this one whole)
    text = "وقال كبير المفاوضين علي لاريجاني ان الهجوم على طهران مرفوض"
    assert ("علي لاريجاني", "PER") in [(text[a:b], label) for a, b, label in ner.find(text)]
    # two people, the first of two words: not one name; a person that ends with علي goes on; spans never overlap
    assert _with_ali("محمود عباس علي جعفري", [(0, 10, "PER"), (15, 20, "PER")]) == [(0, 10, "PER"), (11, 20, "PER")]
    assert _with_ali("محمد علي جعفري", [(0, 8, "PER"), (9, 14, "PER")]) == [(0, 14, "PER")]
    assert _with_ali("مؤسسة الامام علي حسين", [(0, 16, "ORG"), (17, 21, "PER")]) == [(0, 16, "ORG"), (17, 21, "PER")]
    assert _with_ali("علي\nجعفري", [(4, 9, "PER")]) == [(4, 9, "PER")]  # not across a line


def test_spans_index_the_text_exactly(ner):
    text = ("  وأكد وزير الخارجية الروسي سيرغي لافروف في موسكو أن «الاتحاد الأوروبي» يتحمل المسؤولية.\n"
            "وقالت وزارة الخارجية المصرية إن القاهرة تدعم الحوار، فيما حذّر الجيشُ الإسرائيليّ من التصعيد. ")
    spans = ner.find(text)
    assert spans
    for s, e, label in spans:
        assert 0 <= s < e <= len(text)
        piece = text[s:e]
        assert piece == piece.strip() and piece
        assert label in ("PER", "ORG", "GOV", "GPE")
        # spans hold whole words (or a word without its proclitics) and never cross sentence punctuation
        assert not any(ch in ".،\n" for ch in piece)
        assert e == len(text) or not text[e].isalnum()
    assert any(text[s:e] in ("موسكو", "القاهرة") and label == "GPE" for s, e, label in spans)


def test_empty_and_latin_text(ner):
    assert ner.find("") == []
    assert ner.find("   \n ") == []
    assert ner.find("Vladimir Putin said on Monday that Russia would respond. U.S. officials declined.") == []
    mixed = "قال الرئيس الأمريكي جو بايدن (Joe Biden) في واشنطن."
    for s, e, _ in ner.find(mixed):
        assert mixed[s:e].strip() == mixed[s:e]


def test_proclitic_is_left_out_of_the_span(ner):
    text = "وتحدث مسؤولون في الأمم المتحدة والقاعدة عن الهجوم. وقال مكتب رئيس الوزراء ان لأولمرت موقفا واضحا."
    for s, e, _ in ner.find(text):
        assert not text[s:e].startswith(("وال", "بال", "لأولمرت")), text[s:e]


def test_coordinated_entities_are_split_at_wa():
    """The tagger joins two people or two bodies over "و" (exhaustive Arabic texts: "إبراهيم هويدي وقاسم الريمي",
    "وزارة الطاقة التركية وشركة بوتاش"); each is its own entity, without the "و"; a two-word name whose second word
    starts with و, a ministry of two portfolios, "هيومن رايتس ووتش" and a place stay whole (review of session 10)."""
    from stance.ner import _uncoordinated
    from stance.text import tokens

    def parts(text, label):
        toks = tokens(text)
        return [(" ".join(t.text for t in toks[a:b]), lab) for a, b, lab in _uncoordinated(toks, 0, len(toks), label)]

    assert parts("إبراهيم هويدي وقاسم الريمي", "PER") == [("إبراهيم هويدي", "PER"), ("وقاسم الريمي", "PER")]
    assert parts("وزارة الطاقة التركية وشركة بوتاش", "GOV") == [("وزارة الطاقة التركية", "GOV"),
                                                                 ("وشركة بوتاش", "GOV")]
    assert parts("وزارة العدل والحريات العامة", "GOV") == [("وزارة العدل والحريات العامة", "GOV")]
    assert parts("حركة فتح والجبهة الشعبية", "ORG") == [("حركة فتح", "ORG"), ("والجبهة الشعبية", "ORG")]
    assert parts("هيومن رايتس ووتش", "ORG") == [("هيومن رايتس ووتش", "ORG")]
    assert parts("وولت وايتمان", "PER") == [("وولت وايتمان", "PER")]
    assert parts("شمال وزيرستان", "GPE") == [("شمال وزيرستان", "GPE")]


def test_clitic_stripping():
    assert strip_clitics("والقاعده") == ("وال", "قاعده")
    assert strip_clitics("للامم") == ("لل", "امم")
    assert strip_clitics("لاولمرت") == ("ل", "اولمرت")
    assert strip_clitics("مصر") == ("", "مصر")
    assert strip_clitics("ال") == ("", "ال")


def test_chunks_break_at_sentence_punctuation():
    text = "زار لافروف القاهرة، دمشق"
    toks = tokens(text)
    assert chunks(["O", "B-PER", "B-GPE", "I-GPE"]) == [(1, 2, "PER"), (2, 4, "GPE")]
    assert chunks(["O", "B-PER", "B-GPE", "I-GPE"], text, toks) == [(1, 2, "PER"), (2, 3, "GPE"), (3, 4, "GPE")]
    assert chunks(["I-ORG", "I-ORG", "O", "I-PER"]) == [(0, 2, "ORG"), (3, 4, "PER")]


def test_corpus_tokens_become_words_with_labels():
    _, toks, x, y = sentence_xy(["قال", "(", "ا", "ف", "ب", ")", "سي-ماكس", "."], ["O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "O"])
    assert [t.text for t in toks] == ["قال", "ا", "ف", "ب", "سي-ماكس"]
    assert y == ["O", "B-ORG", "I-ORG", "I-ORG", "B-ORG"]
    assert "pb=(" in x[1] and "pa=)" in x[3] and "BOS" in x[0] and "EOS" in x[4]


# A tiny CRF trained for real: 30 short sentences written for this test.
_PEOPLE = ["اولمرت", "عباس", "بوتين", "ماكرون", "اردوغان"]
_PLACES = ["القاهرة", "موسكو", "باريس", "انقرة", "دمشق"]
_BODIES = [("وزارة", "الخارجية"), ("الجيش", "الاسرائيلي")]
_ORGS = ["حماس", "الناتو", "القاعدة"]


def _tiny_corpus() -> list[Sentence]:
    out = []
    for i, person in enumerate(_PEOPLE):
        place = _PLACES[i]
        out.append(Sentence(["وقال", "الرئيس", person, "في", place, "امس", "ان", "الوضع", "صعب", "."],
                            ["O", "O", "B-PER", "O", "B-GPE", "O", "O", "O", "O", "O"]))
        out.append(Sentence(["زار", person, "مدينة", place, "يوم", "الاحد", "."],
                            ["O", "B-PER", "O", "B-GPE", "O", "O", "O"]))
        org = _ORGS[i % len(_ORGS)]
        out.append(Sentence(["وانتقد", person, "حركة", org, "في", "مؤتمر", "صحفي", "."],
                            ["O", "B-PER", "O", "B-ORG", "O", "O", "O", "O"]))
        a, b = _BODIES[i % 2]
        out.append(Sentence(["واعلنت", a, b, "ان", place, "ترحب", "بالقرار", "."],
                            ["O", "B-GOV", "I-GOV", "O", "B-GPE", "O", "O", "O"]))
        out.append(Sentence(["وقال", "مسؤول", "ان", "الاجتماع", "انتهى", "دون", "اتفاق", "."], ["O"] * 8))
        out.append(Sentence(["ورد", "المتحدث", "باسم", person, "على", "الاسئلة", "."],
                            ["O", "O", "O", "B-PER", "O", "O", "O"]))
    return out


def test_tiny_crf_learns_its_training_sentences(tmp_path):
    corpus = _tiny_corpus()
    assert len(corpus) == 30
    path = tmp_path / "tiny.crfsuite"
    train(corpus, path, c1=0.0, c2=0.01, max_iterations=100, minfreq=1)
    assert path.stat().st_size > 0
    ner = ArabicNER.load(path)
    text = "وقال الرئيس بوتين في موسكو امس ان الوضع صعب."
    got = [(text[s:e], label) for s, e, label in ner.find(text)]
    assert got == [("بوتين", "PER"), ("موسكو", "GPE")]
    text = "واعلنت وزارة الخارجية ان دمشق ترحب بالقرار."
    got = [(text[s:e], label) for s, e, label in ner.find(text)]
    assert got == [("وزارة الخارجية", "GOV"), ("دمشق", "GPE")]


def test_load_missing_model(tmp_path):
    with pytest.raises(FileNotFoundError):
        ArabicNER.load(tmp_path / "absent.crfsuite")


# Shared data (skipped when ../shared/data or $STANCE_DATA is absent) -----------------------------------------


def test_newsfane_reader():
    path = need("ner", "newsfane", "NewsFANE_Gold_2014_170K.txt")
    sents = read_newsfane(path)
    assert len(sents) == 4760
    first = sents[0]
    assert first.words[0] == "فرانكفورت" and first.tags[0] == "B-GPE"  # LRM and BOM stripped
    assert all("\u200e" not in w for s in sents[:200] for w in s.words)
    labels = {t[2:] for s in sents for t in s.tags if t != "O"}
    assert labels == {"PER", "ORG", "GOV", "GPE"}


def test_aqmar_reader():
    folder = need("ner", "aqmar", "articles")
    sents = read_aqmar(folder)
    assert len(sents) > 2000
    tags = {t for s in sents for t in s.tags}
    assert tags <= {"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-GOV", "I-GOV", "B-GPE", "I-GPE"}
    # a mosque is a LOC in AQMAR but not a GPE here
    for s in sents:
        for i, w in enumerate(s.words):
            if w == "المسجد" and i + 1 < len(s.words) and s.words[i + 1] == "الأموي":
                assert s.tags[i] == "O"


def test_conjunction_before_a_name_the_text_names_apart(ner):
    """A tagged target "وعبادي" (a whole-article AFP text) is "عبادي" when another mention names him; "وطالبان" is
    "طالبان", a name word the model knows; a known name word ("وزارة", "واشنطن"), a word no mention holds ("ونساء")
    or a common word ("والي", the governor, whose remainder reads as إلى) keeps its first letter."""
    names = {"عبادي", "رحمي", "البيان"}
    words = ("وعبادي", "ورحمي", "وطالبان", "وزارة", "واشنطن", "ونساء", "والي", "فلسطين")
    assert [ner.conjunction_chars(w, names) for w in words] == [1, 1, 1, 0, 0, 0, 0, 0]
    assert ner.conjunction_chars("وَعبادي", names) == 2  # its diacritic goes with it
