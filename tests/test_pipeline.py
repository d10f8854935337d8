"""The pipeline on real articles in three languages: dictionary mentions + attribution + targets (no model needed)."""
import pytest

from stance.pipeline import Pipeline
from stance.records import Article, Mention, Span
from stance.targets import context_span


@pytest.fixture(scope="module")
def nlp():
    return Pipeline.load(with_classifier=False)


def pairs(nlp, text, lang=None):
    out = set()
    for st in nlp.statements(Article("d", text, lang)):
        for t in st.targets:
            sp = st.speaker
            out.add(((sp.actor.id if sp and sp.actor else sp.text if sp else None), t.actor.id if t.actor else t.text))
        for span in [st.content, st.cue] + [t.span for t in st.targets] + ([st.speaker.span] if st.speaker else []):
            assert text[span.start:span.end] == span.text
    return out


def test_seed_article_pairs(nlp, seed_text):
    got = pairs(nlp, seed_text)
    for speaker, target in [
        ("vladimir_putin", "SYROPP"), ("vladimir_putin", "SYRMIL"), ("vladimir_putin", "islamic_state"),
        ("vladimir_putin", "francois_hollande"), ("john_kerry", "vladimir_putin"), ("philip_hammond", "RUS"),
        ("philip_hammond", "islamic_state"), ("philip_hammond", "SYROPP"), ("الغربيون ومنظمات غير حكومية", "RUS"),
        ("RUSGOV.defence_ministry", "SYROPP"),
    ]:
        assert (speaker, target) in got, (speaker, target)
    # the spokesman of "الوزارة" speaks for France's defence ministry, named as "وزير الدفاع الفرنسي" before it
    assert ("FRAGOV.defence_ministry", "islamic_state") in got
    # the speaker's own country is not its target, unless the content opens with it as its subject ("وتابع الرئيس
    # الروسي ان موسكو على اتصال ..."); nobody targets himself
    sts = nlp.statements(Article("seed", seed_text))
    own = [(st.content.text[: t.start - st.content.start], t.text) for st in sts for t in st.targets
           if st.speaker.actor and st.speaker.actor.id == "vladimir_putin" and t.actor and t.actor.id == "RUS"]
    assert own == [("", "موسكو")]
    assert all(s != t for s, t in got)


def test_resolved_speaker_is_flagged(nlp, seed_text):
    sts = nlp.statements(Article("seed", seed_text))
    added = [st for st in sts if st.cue.text == "واضاف"]
    assert [st.speaker.text for st in added] == ["المتحدث باسم الوزارة بيار بايل", "بوتين"]
    assert all(st.speaker.resolved for st in added)
    hammond = next(st for st in sts if st.cue.text == "وقال" and "هاموند" in st.speaker.text)
    assert hammond.speaker.actor.id == "philip_hammond" and not hammond.speaker.resolved


def test_english_article(nlp):
    # PolNeAR test article (breitbart_2016-10-18), first sentences
    text = ("Obama says Trump modeling policies on Putin. President Barack Obama on Tuesday accused Republican Donald "
            "Trump of showering praise and modeling his policies on Russian President Vladimir Putin.")
    got = pairs(nlp, text, "en")
    assert ("barack_obama", "donald_trump") in got
    assert ("barack_obama", "vladimir_putin") in got


def test_french_article(nlp):
    # FIGNEWS French post (fignews_2024, French:3406)
    text = ("Les États-Unis et la Russie ont rapidement salué l'accord entre Israël et le Hamas permettant la "
            "libération d'une cinquantaine d'otages et une trêve de quelques jours dans la bande de Gaza.")
    got = pairs(nlp, text)
    assert ("RUS", "ISR") in got and ("RUS", "hamas") in got


def test_empty_and_huge_articles(nlp, seed_text):
    assert nlp.statements(Article("e", "")) == []
    assert nlp.statements(Article("e", "   \n ")) == []
    big = (seed_text + "\n\n") * 25  # about 100,000+ characters: processed whole, not truncated
    sts = nlp.statements(Article("big", big))
    one = len(nlp.statements(Article("s", seed_text)))
    assert len(sts) == 25 * one
    assert max(st.content.end for st in sts) > len(big) - 2000


def statements(nlp, text):
    return [(st.speaker.text if st.speaker else None, st.content.text, [t.text for t in st.targets])
            for st in nlp.statements(Article("d", text, "ar"))]


def test_arabic_verb_subject_forms(nlp):
    """Verb-subject Arabic news sentences (protest_gsr / assault_gsr style): the addressee after the verb, a role
    that names its holder, an unknown one-word name, an apposition and an occasion are not the content's targets."""
    # the addressee "للصحافيين" is not the speaker, and a one-word name the dictionary lacks is
    got = statements(nlp, "وقال جنبلاط للصحافيين «منذ ان انطلقت مسيرة 14 آذار انطلقنا على أسس الحفاظ على الدستور».")
    assert [s for s, _, _ in got] == ["جنبلاط"]
    assert got[0][1].startswith("«منذ")
    # a role phrase, a party in quotes inside it, then the person holding the role
    got = statements(nlp, "وقال عضو كتلة «حزب الله» النائب علي عمار: «ان ما شاهدناه اليوم هو محاولة مكشوفة».")
    assert got[0][0].endswith("النائب علي عمار") and got[0][2] == []
    # "لـ«الشرق الأوسط»" is who was told, not a target; the embedded "إيران تدعم" is the reported act of Iran
    got = statements(nlp, "وقال مسؤول امريكي لـ«الشرق الأوسط» أمس إن إيران تدعم حزب الله.")
    assert got == [("مسؤول امريكي", "إيران تدعم حزب الله", ["إيران", "حزب الله"]), ("إيران", "حزب الله", ["حزب الله"])]
    # an embedded report verb is what was said, not a statement of its own
    got = statements(nlp, "وقال مسؤول امريكي إن الرئيس أكد دعمه للحكومة.")
    assert [s for s, _, _ in got] == ["مسؤول امريكي"]
    # the speaker's own title ("الأمين العام لجامعة الدول العربية") and the occasion are not targets
    got = statements(nlp, "وأعرب عمرو موسى الأمين العام لجامعة الدول العربية في تصريحات للصحافيين عن إدانته للهجوم"
                          " على الضحايا.")
    assert got[0][0] == "عمرو موسى" and got[0][2] == ["الضحايا"]
    # with no "ان", the role in apposition ends at its holder's name: the content starts at the verb after it
    got = statements(nlp, "وأكد المتحدث باسم قوات إيساف، الميجور تشارلز أنطوني تعرض قافلة عسكرية تضم جنوداً بحلف "
                          "الناتو لهجوم انتحاري.")
    assert got[0][1].startswith("تعرض قافلة عسكرية"), got
    # (a body the dictionary lacks after the role is its genitive, no holder's name: the role runs on past it)
    got = statements(nlp, "وأكد المتحدث باسم قوات إيساف، قائد شرطة ولاية هلمند محمد حسين مقتل ثلاثة أشخاص.")
    assert got[0][1].startswith("مقتل ثلاثة أشخاص"), got
    # GSR: past an office the dictionary's collectives know whole, a definite noun is the verb's object ("the
    # president refused proceeding with ..."), not part of the speaker; a number is ("الرهائن الصينيين التسعة")
    got = statements(nlp, "وما عزز «فرضية الانحياز» في أوساط المعارضة رفض رئيس الجمهورية السير في خيار التصويت على "
                          "إحالة ملف شهود الزور الى المجلس العدلي.")
    assert [s for s, _, _ in got] == ["رئيس الجمهورية"], got
    got = statements(nlp, "وطالب خاطفو الرهائن الصينيين التسعة المحتجزين الحكومة بالافراج عنهم.")
    assert got[0][0].startswith("خاطفو الرهائن الصينيين التسعة"), got


def test_arabic_places_relative_clauses_and_protests(nlp):
    # a country that is only where something happened is not a target
    assert statements(nlp, "قال الوزير إن الغارات في سوريا استهدفت المعارضة.")[0][2] == ["المعارضة"]
    # a verb in a relative clause ("الذي يزعم") has no written subject: no statement
    assert statements(nlp, "ويعطي أفضلية لداعش الذي يزعم محاربته.") == []
    # a protest: the demonstrators are the speakers, "احتجاجا على" points at the target
    got = statements(nlp, "تظاهر مئات الطلاب امس احتجاجا على قرار الحكومة.")
    assert {s for s, _, _ in got} == {"مئات الطلاب"} and all(t == ["الحكومة"] for _, _, t in got)


def test_french_role_with_nationality_speaks_for_its_country(nlp):
    text = "Le ministre français a dénoncé les frappes russes contre l'opposition syrienne, selon un communiqué."
    (st,) = [s for s in nlp.statements(Article("d", text, "fr")) if s.cue.text == "a dénoncé" or s.cue.text == "dénoncé"]
    assert st.speaker.text == "Le ministre français" and st.speaker.actor.id == "FRA"
    assert "opposition syrienne" in [t.text for t in st.targets]


def test_arabic_relative_speaker_side_and_place_names(nlp):
    # a perfect-tense report verb after a relative pronoun has the antecedent as its subject (real GSR sentence)
    got = statements(nlp, "ومن السعودية عبر وزير خارجيتها الامير سعود الفيصل الذي قال كلاماً لا يليق بأي دبلوماسية، "
                          "ولا يهدف إلا الى الإساءة لتركيا.")
    assert [(s, t) for s, _, t in got] == [("الامير سعود الفيصل", ["تركيا"])]
    # "الناطق باسم X": the party it speaks for is part of the speaker phrase, not a target
    got = statements(nlp, "وقال المتحدث باسم حزب الاصلاح اليمني المعارض إن الشرطة اعتقلت المتظاهرين")
    assert got[0][0] == "المتحدث باسم حزب الاصلاح اليمني المعارض" and "اليمني" not in got[0][2]
    # a name after a place head names the place ("مدينة الصدر"), not the cleric
    got = statements(nlp, "وقال اللواء قاسم عطا إن التظاهرة ستكون في مدينة الصدر وإن مقتدى الصدر دعا إليها.")
    assert [t for t in got[0][2] if "الصدر" in t] == ["مقتدى الصدر"]
    # a weekday is not part of the ministry's name
    got = statements(nlp, "يزور الوزير موسكو الاحد حسب ما اعلنت وزارة الدفاع الخميس.")
    assert got[0][0] == "وزارة الدفاع"


def test_inverted_unknown_speaker_after_auxiliary(nlp):
    # '« ... », a déclaré X': the auxiliary "a" stands between the quotation and the participle
    text = "« La Russie bombarde l'opposition », a déclaré un haut responsable occidental."
    (st,) = nlp.statements(Article("d", text, "fr"))
    assert st.speaker.text == "un haut responsable occidental" and [t.text for t in st.targets] == ["Russie"]
    text = '"Russia is bombing the opposition," said a senior Western official.'
    (st,) = nlp.statements(Article("d", text, "en"))
    assert st.speaker.text == "a senior Western official" and [t.text for t in st.targets] == ["Russia"]


def test_arabic_subject_before_the_verb(nlp):
    # a known actor opening the clause is the subject; the noun after the verb is its object (real GSR sentences)
    assert statements(nlp, "حزب الله يحذر الحكومة من اقتحام المخيم")[0][0] == "حزب الله"
    assert statements(nlp, "وكان الرئيس الروسي قد اعلن الاربعاء نشر صواريخ في ذلك الجيب")[0][0] == "الرئيس الروسي"
    # a plural verb never has the noun after it as subject: "هتفوا ضدي" is no statement of "ضدي"
    assert statements(nlp, "ليس لأن متظاهرين في شوارع عمان هتفوا ضدي") == []
    # after a preposition the noun is not a subject: "في سوريا قال الوزير"
    assert statements(nlp, "وفي سوريا قال الوزير ان اسرائيل تهدد لبنان")[0][0] == "الوزير"


def test_arabic_head_before_actor_and_co_speaker(nlp):
    # "قوات" before a known actor is that actor's forces; a conjunct right after the speaker speaks too, with the
    # same cue and content, and neither is the other's target
    text = "واعلنت وزارة الداخلية الافغانية وقوات الحلف الاطلسي مقتل جندي أفغاني"
    st, co = nlp.statements(Article("d", text, "ar"))
    mentions = [m.text for m in nlp.mentions(Article("d", text, "ar"), "ar")]
    assert "قوات الحلف الاطلسي" in mentions
    assert st.speaker.text == "وزارة الداخلية الافغانية" and co.speaker.text == "قوات الحلف الاطلسي"
    assert st.cue == co.cue and st.content == co.content and st.content.text.startswith("مقتل جندي")
    assert not {"قوات الحلف الاطلسي", "وزارة الداخلية الافغانية"} & {t.text for t in st.targets + co.targets}


def test_author_voice_statements(nlp):
    import copy

    from stance.aggregate import aggregate
    from stance.records import Portrayal

    text = "Le Hamas a massacré des civils israéliens. « C'est inacceptable », a déclaré le ministre Sergueï Lavrov."
    assert all(st.speaker is not None for st in nlp.statements(Article("d", text, "fr")))  # off by default
    voiced = copy.copy(nlp)
    voiced.author_voice = True
    sts = voiced.statements(Article("d", text, "fr"))
    author = [st for st in sts if st.speaker is None]
    assert len(author) == 1 and author[0].cue is None and author[0].cue_kind == "author"
    assert author[0].content.text == "Le Hamas a massacré des civils israéliens."  # the attributed sentence is not
    assert "Hamas" in [t.text for t in author[0].targets]
    line = Portrayal(author[0], author[0].targets[0], "criticism", {"criticism": 1.0}, "m").to_json()
    assert line["speaker"] is None and line["cue"] is None and line["voice"] == "author"
    (edge,) = aggregate([line])
    assert edge.source == "(author)" and edge.counts["criticism"] == 1


def test_arabic_clause_start_after_comma_and_attached_conjunction(nlp):
    # "ذكر" (also a noun) is a verb where a clause starts, after a comma too
    assert statements(nlp, "وفي تطور آخر ذي صلة، ذكر الجيش الاميركي أن فتاة تمكنت من الهرب من خاطفيها")[0][0] \
        == "الجيش الاميركي"
    # "فروسيا اتهمت جورجيا": the subject carries the conjunction; Georgia is the one accused
    assert statements(nlp, "فروسيا اتهمت جورجيا بممارسة تطهير عرقي") == [("روسيا", "جورجيا بممارسة تطهير عرقي",
                                                                        ["جورجيا"])]


def test_arabic_role_with_nationality_speaks_for_its_country(nlp):
    (st,) = nlp.statements(Article("d", "وذكرت الصحف الاسرائيلية أمس ان متظاهرين اطلقوا النار", "ar"))
    assert st.speaker.text == "الصحف الاسرائيلية" and st.speaker.actor.id == "ISR"
    assert [t.text for t in st.targets] == ["متظاهرين"]


def test_arabic_unknown_subject_noun_phrase_before_the_verb(nlp):
    got = statements(nlp, "لكن رئيس البرلمان الاوروبي هانز جيرت بوتيرينج حث السياسيين على التفكير في مقاطعة الدورة")
    assert got[0][0] == "رئيس البرلمان الاوروبي هانز جيرت بوتيرينج"
    # a preposition before the noun: not a subject ("في بيروت قال الوزير")
    assert statements(nlp, "في بيروت قال الوزير ان اسرائيل تهدد لبنان")[0][0] == "الوزير"


def test_french_first_person_and_selon_unknown_phrase(nlp):
    (st,) = nlp.statements(Article("d", "Nous condamnons tous les crimes de guerre, ceux du Hamas et ceux d'Israël.", "fr"))
    assert st.speaker.text == "Nous" and [t.text for t in st.targets] == ["Hamas", "Israël"]
    text = "Selon l’ambassadrice de la Palestine en France, 100 membres de sa famille ont été tués par Israël."
    (st,) = nlp.statements(Article("d", text, "fr"))
    assert st.speaker.text == "l’ambassadrice de la Palestine en France" and [t.text for t in st.targets] == ["Israël"]


def test_french_no_subject_from_a_modal_or_a_preposition(nlp):
    """A verb, a preposition or an object pronoun is never the unknown subject of a cue (fr train annotations)."""
    for text in (
        "Les dirigeants arabes et le président iranien sont réunis samedi en Arabie saoudite pour un sommet conjoint "
        "qui devrait souligner l'urgence de mettre fin aux attaques d'Israël contre Gaza",
        "La colonie française de Bruxelles s'est réunie ce matin, très nombreuse, à la légation de France, pour y "
        "saluer le ministre et lui présenter ses souhaits.",
    ):
        speakers = [st.speaker.text for st in nlp.statements(Article("d", text, "fr")) if st.speaker]
        assert not {"devrait", "pour y", "y"} & set(speakers), speakers
    for text, speaker in (("Des milliers de manifestants ont dénoncé la guerre menée par Israël.",
                           "Des milliers de manifestants"),
                          ("Plusieurs témoins ont accusé l'armée israélienne.", "Plusieurs témoins")):
        (st,) = nlp.statements(Article("d", text, "fr"))
        assert st.speaker.text == speaker  # a real noun phrase still speaks


def test_arabic_speaker_names_in_apposition_and_after_yudaa(nlp):
    assert statements(nlp, "وقال شاهد عيان يدعى جمال آدن إن أربعة مدنيين قتلوا")[0][0] == "شاهد عيان يدعى جمال آدن"
    got = statements(nlp, "كما أكد رئيس الجمهورية الجورجية، ميخائيل ساكاشفيلي، ان دبابات روسية فتحت النار على سكان")
    assert got[0][0] == "رئيس الجمهورية الجورجية، ميخائيل ساكاشفيلي"
    got = statements(nlp, "أكد ممثل منظمة التحرير الفلسطينية في لبنان عباس زكي، للنائبة بهية الحريري، التي زارها "
                          "أمس «رفض أي مظهر من مظاهر الاساءة لأمن وسيادة لبنان».")
    assert got[0][0] == "ممثل منظمة التحرير الفلسطينية في لبنان عباس زكي"


def test_arabic_trailing_source_is_not_a_statement_or_target(nlp):
    got = statements(nlp, "وقال البيت الابيض ان كوريا الشمالية ساعدت سورية، حسب وكالة الصحافة الفرنسية.")
    assert got == [("البيت الابيض", "كوريا الشمالية ساعدت سورية، حسب وكالة الصحافة الفرنسية",
                    ["كوريا الشمالية", "سورية"])]


def test_arabic_closing_agency_reports_the_whole_sentence_unless_it_is_the_wire(nlp):
    """"...، حسبما افادت (به) وكالة X." after another statement: the agency reports the whole sentence, a speaker of
    its own (the annotators' reading, train texts); Agence France-Presse, the wire these texts come from, is not."""
    got = statements(nlp, "وقال الجيش الاميركي ان جنديين قتلا في هجوم بعبوة ناسفة شمال بغداد، حسبما افادت به وكالة "
                          "رويترز.")
    assert [s for s, _, _ in got] == ["الجيش الاميركي", "وكالة رويترز"]
    assert got[1][1].startswith("وقال الجيش الاميركي ان جنديين قتلا")
    got = statements(nlp, "وقال المدعي العام ان هؤلاء الاشخاص اعدموا «بتهم الخطف» حسبما افادت وكالة الانباء المركزية.")
    assert [s for s, _, _ in got][-1] == "وكالة الانباء المركزية"
    # the agency's initials after its name are not words of a clause (dev texts: "... (د ب أ).")
    got = statements(nlp, "وقال الجيش في بيان إن قوات التحالف وجهت ضربة جوية استهدفت اجتماعا لتنظيم «القاعدة»، حسبما "
                          "افادت به وكالة الانباء الالمانية (د ب أ).")
    assert [s for s, _, _ in got][-1].startswith("وكالة الانباء الالمانية")
    for wire in ("وكالة الصحافة الفرنسية", "فرانس برس", "ا ف ب", "وكالة الصحافة الفرنسية (ا ف ب)"):
        got = statements(nlp, f"وقال الجيش الاميركي ان جنديين قتلا شمال بغداد، حسبما افادت {wire}.")
        assert [s for s, _, _ in got] == ["الجيش الاميركي"], wire
    # not a closing source: "على ما" as "against what", or a long clause after the verb
    got = statements(nlp, "وقال الوزير ان الحكومة احتجت، على ما وصفته الصحف بتدخل سافر في شؤونها الداخلية وفي قرارها السيادي.")
    assert [s for s, _, _ in got][:1] == ["الوزير"] and "الصحف" not in [s for s, _, _ in got]


def test_arabic_adjectival_clause_is_no_statement_of_its_object(nlp):
    # "عريضة تحمل أكثر ...": the verb describes the petition; "أكثر" is no speaker
    assert statements(nlp, "تسليم رئيس البرلمان عريضة تحمل أكثر من 150 ألف توقيع رفضاً لتقسيم بلجيكا.") == []
    # after a conjunction the verb opens a clause: "بينما يقول الألبان إن ..."
    got = statements(nlp, "اتهمت الحكومة المتظاهرين بالشغب، بينما يقول الألبان إن هناك ازدواجية في المعايير")
    assert "الألبان" in [s for s, _, _ in got]


def test_arabic_source_phrase_ends_before_fan(nlp):
    # GSR assault: "وحسب ضيف الله فان المعتقلين ...": the source is the unknown name, the detainees are what it says
    got = statements(nlp, "وحسب ضيف الله فان المعتقلين ليس لهما علاقة بـ«جبهة الخلاص» المسلحة في دارفور.")
    assert got[0][0] == "ضيف الله" and "المعتقلين" in got[0][2]


def test_arabic_report_verb_after_relative_with_its_own_subject(nlp):
    # GSR: "الانتحاري الذي قالت وزارة الداخلية إن اسمه ...": the ministry speaks, the bomber is what it speaks of
    got = statements(nlp, "ونشرت صورة الانتحاري الذي قالت وزارة الداخلية إن اسمه مخلوفي صحاري.")
    assert [s for s, _, _ in got] == ["وزارة الداخلية"]
    # with no subject after the verb, the antecedent speaks: "الامير سعود الفيصل الذي قال ان ..."
    got = statements(nlp, "التقى الامير سعود الفيصل الذي قال ان السعودية ترفض التدخل.")
    assert got[0][0] == "الامير سعود الفيصل"
    # a subject the dictionary does not know speaks as well, the verb with the antecedent as its object pronoun
    # ("الانباء التي أكدها مسؤولون ...", GSR; "... التي اعلنت شركة شعاع كابيتال عن ...", GSR)
    got = statements(nlp, "حيث كان الارتفاع بقيادة سهم اونك القابضة التي اعلنت شركة شعاع كابيتال عن بيع حصتها فيها.")
    assert [s for s, _, _ in got] == ["شركة شعاع كابيتال"]


def test_arabic_speaker_named_in_quotes(nlp):
    # GSR: "واعلنت قناة «سي بي اس» الاميركية انه ...": the channel's name is in quotes, its nisba after it
    got = statements(nlp, "واعلنت قناة «سي بي اس» الاميركية انه تم العثور على جثة مترجم عراقي.")
    assert got[0][0] == "قناة «سي بي اس» الاميركية" and got[0][1].startswith("تم العثور")


def test_arabic_role_phrase_runs_over_its_holder(nlp):
    # GSR: role, where it is held, then the holder's name in apposition: the name is the speaker, not a target
    got = statements(nlp, "هدد وزير الشؤون الاستراتيجية في الحكومة الإسرائيلية، أفيغدور ليبرمن، باغتيال رئيس "
                          "الوزراء الفلسطيني، إسماعيل هنية.")
    assert got[0][0].endswith("أفيغدور ليبرمن") and "أفيغدور ليبرمن" not in got[0][2]
    got = statements(nlp, "واعتبر النائب (في تكتل الاكثرية) سمير فرنجية «ان الملف الداخلي صار خارج لبنان».")
    assert got[0][0] == "النائب (في تكتل الاكثرية) سمير فرنجية"  # a known person: his own country is no target
    # no name after the role: the role phrase alone
    got = statements(nlp, "وقال المتحدث باسم الجيش الاسرائيلي ان الجنود اطلقوا النار.")
    assert got[0][0] == "المتحدث باسم الجيش الاسرائيلي"
    # (exhaustive train texts) a rank between the comma and the name; a chief with a qualifier in في before a
    # known person: the holder is the speaker, not the content's first words nor a target
    got = statements(nlp, "وأكد المتحدث باسم قوات إيساف، الميجور تشارلز أنطوني تعرض قافلة عسكرية لهجوم انتحاري.")
    assert got[0][0] == "المتحدث باسم قوات إيساف، الميجور تشارلز أنطوني" and got[0][1].startswith("تعرض قافلة")
    got = statements(nlp, "وهدد كبير المفاوضين الايرانيين في الملف النووي علي لاريجاني الجمعة في موسكو باعادة "
                          "النظر في تعاون بلاده مع الوكالة الدولية للطاقة الذرية.")
    assert got[0][0] == "كبير المفاوضين الايرانيين في الملف النووي علي لاريجاني"
    assert got[0][2] == ["الوكالة الدولية للطاقة الذرية"]
    # a qualifier with no known person after it stays out of the speaker
    got = statements(nlp, "وقال كبير المفاوضين في الملف النووي ان ايران لن تتراجع.")
    assert got[0][0] == "كبير المفاوضين"
    # only a chief takes a qualifier: after another role the person is the object ("انتقد الوزير ... اوباما"); a rank
    # that is also a common noun needs the name closed ("الفريق سيلعب": the team will play)
    got = statements(nlp, "وانتقد الوزير في المؤتمر الصحافي اوباما بشدة.")
    assert got[0][0] == "الوزير" and got[0][2] == ["اوباما"]
    got = statements(nlp, "وقال مدرب المنتخب، الفريق سيلعب بقوة.")
    assert got[0][0] == "مدرب المنتخب" and got[0][1] == "الفريق سيلعب بقوة"


def test_arabic_un_man_after_a_state_title_is_its_object_and_statements_told_to_an_outlet(nlp):
    """NewsFANE wire copy (2006, CC BY-SA 3.0): a bare state title followed by an international body's man is not
    his title ("شكر رئيس الحكومة انان": the prime minister thanked Annan), while a party's man may hold it; "وقال في
    تصريحات للجزيرة انه": Al Jazeera is told, and the speaker is the one named before."""
    got = statements(nlp, "وفي بيروت شكر رئيس الحكومة انان في اتصال هاتفي على اهتمامه بلبنان، وابدى امس تشاؤمه.")
    assert got[0][0] == "رئيس الحكومة" and "انان" in got[0][2]
    got = statements(nlp, "وقال رئيس الحكومة اسماعيل هنية ان حماس لن تعترف باسرائيل.")
    assert got[0][0] == "رئيس الحكومة اسماعيل هنية"
    # an office of a named country is tested by its country only: Ban Ki-moon held this one before his UN years
    (st,) = nlp.statements(Article("d", "وقال وزير خارجية كوريا الجنوبية بان كي مون ان بلاده تدعم المفاوضات.", "ar"))
    assert st.speaker.actor is not None and st.speaker.actor.id == "ban_ki_moon"
    text = ("نفى الرئيس الفلسطيني محمود عباس حدوث اي تقدم في المفاوضات مع حركة المقاومة الاسلامية (حماس) لتشكيل "
            "حكومة وحدة وطنية.  وقال في تصريحات للجزيرة انه مستعد الان لتشكيل الحكومة على اساس وثيقة الاسرى.")
    sts = nlp.statements(Article("d", text, "ar"))
    assert [(st.speaker.actor.id, st.speaker.resolved) for st in sts] == [("mahmoud_abbas", False),
                                                                          ("mahmoud_abbas", True)]
    assert sts[1].content.text.startswith("مستعد الان")
    # "أنان" alone is Kofi Annan (not "عنان": also a word, and Sami Anan's name)
    assert ("kofi_annan", "قوات") in pairs(nlp, "واعلن انان انه يحاول تسريع وصول قوات حفظ سلام اضافية.", "ar")


def test_arabic_pronoun_of_style_speaks_for_the_person_named_with_that_style(nlp):
    """NewsFANE wire copy (2006, CC BY-SA 3.0, shortened): "سموه" stands for the sheikh named before with his style
    and takes his actor; "جلالته" with no king named before stays itself, and the words after it are the verb's
    object, not part of a name."""
    text = ("ادى ستة مفتشي قضاء اليمين القانونية امام صاحب السمو الشيخ محمد بن راشد ال مكتوم نائب رئيس الدولة. "
            "وقد رحب سموه بالمفتشين الجدد الذين التحقوا بالعمل في التفتيش القضائي.")
    (st,) = [st for st in nlp.statements(Article("d", text, "ar")) if st.speaker.text == "سموه"]
    sheikh = [m.actor for m in nlp.mentions(Article("d", text, "ar"), "ar") if "راشد" in m.text]
    assert sheikh and sheikh[0] is not None and st.speaker.actor == sheikh[0]
    assert st.speaker.antecedent is not None and "محمد بن راشد" in st.speaker.antecedent.text
    text = "واتفق الزعيمان على مواصلة التنسيق. واكد جلالته ضرورة بلورة موقف عربي موحد يدعو الى وقف اطلاق النار."
    (st,) = nlp.statements(Article("d", text, "ar"))
    assert (st.speaker.text, st.speaker.actor) == ("جلالته", None) and st.content.text.startswith("ضرورة بلورة")


def test_arabic_noun_after_the_verb_is_its_object_not_a_gap_before_the_subject(nlp):
    # (exhaustive dev text) "واعلن مسؤوليته عن مقتل المئات من العراقيين": the responsibility is the object, the
    # Iraqis inside it are no speaker; the subject is the sentence's (al-Zarqawi). A time word may still stand
    # between the verb and its subject.
    got = statements(nlp, "وبعد سقوط النظام اصبح الزرقاوي قائد «القاعدة في بلاد الرافدين» واعلن مسؤوليته عن مقتل "
                          "المئات من العراقيين في هجمات انتحارية.")
    assert [s for s, _, _ in got] == ["الزرقاوي"] and "العراقيين" in got[0][2]
    got = statements(nlp, "واعلن امس رئيس الوزراء ان الحكومة ستستقيل.")
    assert got[0][0] == "رئيس الوزراء"
    got = statements(nlp, "وقال عقب الاجتماع وزير الخارجية المصري احمد ابو الغيط ان المفاوضات مستمرة.")
    assert got[0][0] == "وزير الخارجية المصري احمد ابو الغيط"  # a prepositional adverb before the subject


def test_arabic_evaluative_verb_with_a_reason_has_the_sentence_subject(nlp):
    # (exhaustive dev text) "وانتقد حلف الناتو لأنه ...": NATO, criticised for a reason, is the object; McCain,
    # the sentence's subject, speaks. A subject of its own after the verb still speaks ("وانتقد الرئيس الروسي
    # الحكومة الجورجية لأنها ...").
    got = statements(nlp, "وأمس، صعد ماكين من هجومه على روسيا وانتقد حلف الناتو لأنه «تلكأ في ضم جورجيا اليه».")
    assert got[0][0] == "ماكين" and got[0][2][:2] == ["حلف الناتو", "جورجيا"]
    got = statements(nlp, "وصل ماكين الى تبليسي وانتقد الرئيس الروسي الحكومة الجورجية لأنها تأخرت.")
    assert got[0][0] == "الرئيس الروسي" and got[0][2] == ["الحكومة الجورجية"]
    # a feminine verb does not go on with a man's clause: Hamas criticises
    got = statements(nlp, "وصل بلير الى القدس وانتقدت حماس لأنها لم تدع الى الاجتماع.")
    assert got[0][0] == "حماس"


def test_arabic_in_protest_says_only_its_own_phrase(nlp):
    # (exhaustive dev text) "احتجاجا،" closed by a comma says nothing: neither the next clause ("وأوعز الجيش ...")
    # nor the one before it is its content
    assert statements(nlp, "وقد خرج متظاهرون إلى الشوارع احتجاجا، وأوعز الجيش انه مستعد للتدخل.") == []
    got = statements(nlp, "وتظاهر مئات الطلاب امس احتجاجاً، وقالت الشرطة ان حماس اعتقلت عددا منهم.")
    assert [(s, c) for s, c, _ in got] == [("الشرطة", "حماس اعتقلت عددا منهم")]
    got = statements(nlp, "وتظاهر مئات الطلاب امس احتجاجاً على قرار الحكومة.")
    assert got == [("مئات الطلاب", "على قرار الحكومة", ["الحكومة"])]
    # its phrase ends at the comma: what follows is someone else's ("فكان ردي ...", exhaustive dev text), but not at
    # a decimal point
    got = statements(nlp, "وتظاهر مئات الطلاب احتجاجاً على قرار الحكومة، فكان ردي أن هولندا أخطأت.")
    assert got == [("مئات الطلاب", "على قرار الحكومة", ["الحكومة"])]
    got = statements(nlp, "وأضرب العمال احتجاجا على رفع الاسعار بنسبة 2.5 في المئة.")
    assert got[0][1] == "على رفع الاسعار بنسبة 2.5 في المئة"
    # right after a plural in -ين/-ون, that phrase protests (not the one who spoke before it in the sentence); not
    # an object, a place or a flag right before it
    got = statements(nlp, "وقال مراقبون ان العنف وارد في أوساط المسلمين المتظاهرين احتجاجا على إطلاق فيلم الفتنة.")
    assert [(s, c) for s, c, _ in got][-1] == ("المتظاهرين", "على إطلاق فيلم الفتنة")
    got = statements(nlp, "واستدعت الخارجية الفرنسية السفير الايراني احتجاجا على اعتقال الصحافي.")
    assert got[0][0] == "الخارجية الفرنسية"
    got = statements(nlp, "ونظم مئات الناشطين وقفة امام السفارة الاميركية احتجاجا على الحرب.")
    assert got[0][0] == "مئات الناشطين"
    got = statements(nlp, "ورفع المحتجون اعلام فلسطين تنديدا بالعدوان.")
    assert got[0][0] == "المحتجون"


def test_arabic_reported_verb_ending_the_sentence_has_no_content_before_it(nlp):
    # "... ان موسكو ترفض.": Moscow's refusal is what the minister said (his own country, a target as the subject
    # his content opens with: test_own_country_as_subject)
    got = statements(nlp, "وقال وزير الخارجية الروسي امس ان موسكو ترفض.")
    assert got == [("وزير الخارجية الروسي", "موسكو ترفض", ["موسكو"])]


def test_arabic_warn_and_wish_cues(nlp):
    # GSR protest: "ونبه رئيس «التنظيم الشعبي الناصري» أسامة سعد ...", "وتمنى فتفت على الداعين ..."
    got = statements(nlp, "ونبه رئيس «التنظيم الشعبي الناصري» أسامة سعد امام وفد من «تجمع اللجان والروابط الشعبية» "
                          "من خطورة الوضع.")
    assert got[0][0] == "رئيس «التنظيم الشعبي الناصري» أسامة سعد"
    got = statements(nlp, "وتمنى فتفت على الداعين الى تنظيم مظاهرات تقديم علم وخبر لدى وزارة الداخلية.")
    assert got[0][0] == "فتفت"


def test_arabic_nationality_closes_an_indefinite_speaker_phrase(nlp):
    # GSR: "اعلنت مصادر امنية وطبية عراقية مقتل ...": Iraq is the sources' country, not their target
    got = statements(nlp, "اعلنت مصادر امنية وطبية عراقية مقتل ستة اشخاص بينهم شرطيان.")
    assert got == [("مصادر امنية وطبية عراقية", "مقتل ستة اشخاص بينهم شرطيان", ["ستة اشخاص", "شرطيان"])]  # the victims are


def test_arabic_people_counted_in_incident_reports_are_targets(nlp):
    # GSR incident reports: the people counted ("ثمانية أشخاص", "12 شخصا", "امرأة") are what the statement is about
    got = statements(nlp, "وقالت الشرطة ان مسلحين هاجموا امرأة و12 شخصا في السوق.")
    assert got == [("الشرطة", "مسلحين هاجموا امرأة و12 شخصا في السوق", ["مسلحين", "امرأة", "12 شخصا"])]
    # the bare singular stays no actor ("رجل" may be "رجل دين", "رجل أعمال": not listed)
    assert statements(nlp, "وقالت الشرطة ان رجلا اصيب.")[0][2] == []


def test_arabic_trailing_source_with_its_verb_and_compass_places_are_not_targets(nlp):
    got = statements(nlp, "وقال مصدر أمني ان الانفجار قتل ثلاثة، حسبما افادت وكالة الصحافة الفرنسية.")
    assert got[0][2] == []
    got = statements(nlp, "وقال مصدر ان مسلحين نهبوا متاجر، على ما افاد مراسل وكالة الصحافة الفرنسية.")
    assert got[0][2] == ["مسلحين"]
    # GSR: "في مدينة بعقوبة ( 60 كم شمال شرقي بغداد)": Baghdad only locates the town
    got = statements(nlp, "وقالت مصادر أمنية عراقية ان انتحاريا استهدف الشرطة في مدينة بعقوبة ( 60 كم شمال شرقي بغداد).")
    assert "بغداد" not in got[0][2] and "الشرطة" in got[0][2]


def test_arabic_verbal_noun_after_the_verb_is_its_object(nlp):
    # GSR: "وطلب الإفراج عن البنا": the release is what is asked for, not who asks
    assert all(s != "الإفراج" for s, _, _ in statements(nlp, "وطلب الإفراج عن البنا."))
    # "مفتي" heads a role phrase like "المفتي": the mufti named after it speaks
    got = statements(nlp, "الى ذلك، تساءل مفتي جبل لبنان الشيخ محمد علي الجوزو أمس: «كيف تناست دمشق ما جرى»")
    assert got[0][0].startswith("مفتي جبل لبنان الشيخ محمد")


def test_arabic_talked_about_is_a_report(nlp):
    # GSR protest: "وتحدثت مواقع ليبية الكترونية ... عن تراجع القوات الأمنية"
    got = statements(nlp, "وتحدثت مواقع ليبية الكترونية محسوبة على المعارضة، عن تراجع القوات الأمنية إلى مطار "
                          "الكفرة العسكري.")
    assert got[0][0].startswith("مواقع ليبية")


def test_arabic_known_subject_after_anna_opens_its_clause(nlp):
    # GSR: "إلا أن السلطات البريطانية طالبت بتسليمه": the authorities demand, the extradition is what they demand
    got = statements(nlp, "إلا أن السلطات البريطانية طالبت بتسليمه بتهمة تتعلق بمقتل عمه.")
    assert got[0][0] == "السلطات البريطانية"
    assert got[0][2] == []  # "بتسليمه": a preposition and a verbal noun with its pronoun is no name (NER, unknown names)


def test_arabic_speaker_not_inside_a_quote_and_role_held_in_quoted_body(nlp):
    # "وقال «اننا نرفض ...»": the quote is the content; no name starts inside it
    assert statements(nlp, "وقال «اننا نرفض كل محاولات تقسيم دارفور».") == []
    got = statements(nlp, "أكّد رئيس الهيئة التنفيذية في «القوات اللبنانية» سمير جعجع، «اننا لن ندع الانقلاب الأسود "
                          "ينل من عزيمتنا».")
    assert got[0][0].endswith("سمير جعجع") and got[0][2] == []


@pytest.mark.parametrize("text, speaker", [
    ("وقال مسؤول «لن نتراجع عن قرارنا».", "مسؤول"),                       # a quoted sentence is no quoted name
    ("وقال رئيس «التنظيم الشعبي» الذي يقود الحزب إن الحكومة فشلت.", "رئيس «التنظيم الشعبي»"),  # الذي is no nisba
    ("وقال الأنصار إن الحكومة فشلت.", "الأنصار"),                          # a plural, not a verbal noun
    ("وقالت لبيبة حسن ان الشرطة اعتقلت ابنها.", "لبيبة حسن"),              # a name in ة, not "بتسليمه"
    ("وحسب مصادر عراقية فإن الهجوم قتل عشرة.", "مصادر عراقية"),           # the sources, not their nisba
    ("وقال مراسل الجزيرة فإن الهجوم قتل عشرة.", "مراسل الجزيرة"),          # the phrase ends before فإن
    ("التقى الامير سعود الفيصل الذي تحدث عن دور ايران.", "الامير سعود الفيصل"),  # تحدث is past tense
])
def test_arabic_speaker_phrase_edges(nlp, text, speaker):
    got = statements(nlp, text)
    assert got and got[0][0] == speaker
    if "فإن" in text:
        assert got[0][1] == "الهجوم قتل عشرة"


def test_arabic_source_with_verb_variants_is_not_a_target(nlp):
    for text in ("وقال الجيش ان مسلحين قتلوا، كما أفادت وكالة رويترز.",
                 "وقال الجيش ان مسلحين قتلوا، وحسبما أفادت وكالة رويترز فان العدد ارتفع."):
        got = statements(nlp, text)
        assert got[0][0] == "الجيش" and got[0][2] == ["مسلحين"]


def test_arabic_slogans_of_the_same_speaker_are_one_statement(nlp):
    # GSR protest: "وردد المتظاهرون شعارات مناهضة للحكومة": one statement, the protesters (not "... شعارات") speak
    got = statements(nlp, "وردد المتظاهرون شعارات مناهضة للحكومة بعد حضور جنازة.")
    assert [s for s, _, _ in got] == ["المتظاهرون"]


def test_arabic_b_complement_of_an_evaluative_verb_is_not_its_speaker(nlp):
    # GSR: "... رفضت الانصياع ... وهددت بنسف المباني": the threat is the front's, "بنسف المباني" is what it threatens
    got = statements(nlp, "إلا ان الجبهة الشعبية لتحرير فلسطين رفضت الانصياع لاتفاق وقف إطلاق النار واحتجزت 68 "
                          "رهينة من الأجانب في فندقين في عمان وهددت بنسف المباني إذا لم تصدر قرارات عزل ضباط.")
    assert [s for s, _, _ in got] == ["الجبهة الشعبية لتحرير فلسطين"] * 2


def test_arabic_speakers_own_body_after_fi_or_min_is_not_a_target(nlp):
    # GSR: "وقال النقيب محمد جاسم من شرطة كركوك إن «جنديا عراقيا ...»": the police is where the speaker serves (since
    # session 65 part of the speaker's phrase, the province's name with it)
    got = statements(nlp, "وقال مصدر امني في شرطة محافظة البصرة ان دورية بريطانية تعرضت لهجوم.")
    assert got[0][0] == "مصدر امني في شرطة محافظة البصرة" and got[0][2] == ["بريطانية"]


@pytest.mark.parametrize("text", [
    "وبلغ عدد المتظاهرين مائة ألف بحسب التقديرات.",              # a figure, not a speaker
    "لكنه بقي بعيدا مسافة 150 مترا، وفق أمر من المحكمة.",        # an order, not a speaker
    "هاجم، دون أن يسمي حزبا، ما سماه بعمالة بعض الساسة.",        # "دون" is no subject
])
def test_arabic_non_agent_sources_and_adverbs_are_no_speakers(nlp, text):
    assert all(s not in ("التقديرات", "أمر", "دون") for s, _, _ in statements(nlp, text))


def test_arabic_adverb_after_the_verb_is_skipped(nlp):
    got = statements(nlp, "وقال حرفيا إن ذلك خطر.")
    assert all(s != "حرفيا" for s, _, _ in got)


def test_arabic_role_holder_after_a_bare_role_and_indefinite_subjects_after_a_clause_word(nlp):
    """Real sentences of the sixth batch (train split): the holder named after a bare role phrase is the speaker;
    an indefinite noun phrase after لكن / كانت (and قد) is the subject of the verb that follows."""
    text = ("وفي حين قال وزير صحة الولاية كارل يوزيف لاومان إن ابتزاز المرضى يزيل الحاجز بين الممارسة الطبية "
            "والممارسة الإجرامية، قال رئيس نقابة الأطباء كريستيان زمرمان، إنه يسمع منذ فترة عن مثل هذه الممارسات.")
    first = nlp.statements(Article("d", text, "ar"))[0]
    assert first.speaker.text == "وزير صحة الولاية كارل يوزيف لاومان" and first.cue.text == "قال"
    for text, speaker, cue in (
        ("ومن غير الواضح تماما متى ستصل دول عربية اخرى الى نقطة الانفجار لكن محللين قالوا ان تجربة تونس تظهر ان "
         "الزخم يمكن ان يتبلور بسرعة.", "محللين", "قالوا"),
        ("وكانت معلومات أولية قد ذكرت ان الاغتيال تم عبر تفجير سيارة مفخخة كانت متوقفة بجانب سيارة مغنية.",
         "معلومات أولية", "ذكرت"),
    ):
        (st,) = nlp.statements(Article("d", text, "ar"))
        assert (st.speaker.text, st.cue.text) == (speaker, cue)
    # the addressee's closing quote does not end the subject search; an opening quote after the addressee still does
    text = "وأشار لـ«الشرق الأوسط» عبد الرحمن العواد محلل فني مستقل، أن إقفال مؤشر سوق الأسهم يرجح جانب التفاؤل."
    (st,) = nlp.statements(Article("d", text, "ar"))
    assert st.speaker.text.startswith("عبد الرحمن العواد")
    text = "ظهرت اثناء تجمع في عمان بعد اعدام والدها، وقالت للمتظاهرين «شكرا لكم لتكريم والدي الشهيد»."
    assert not [s for s in nlp.statements(Article("d", text, "ar")) if s.speaker and s.speaker.text.startswith("شكرا")]
    # a definite subject after a clause word is unchanged, and a bare word before a verb is still no subject
    (st,) = nlp.statements(Article("d", "لكن رئيس البرلمان الاوروبي هانز جيرت بوتيرينج حث السياسيين على الحوار.", "ar"))
    assert st.speaker.text.startswith("رئيس البرلمان الاوروبي")
    assert not [s for s in nlp.statements(Article("d", "وأمس قال ان الوضع هادئ.", "ar")) if s.speaker and s.speaker.text == "وأمس"]


def test_arabic_role_held_in_a_body_with_marks_tatweel_or_brackets(nlp):
    """"ممثل منظمة التحرير في لبنان عباس زكي": the holder's name ends the speaker phrase however في is written."""
    for fi in ("في", "فِي", "فـي", "(في"):
        close = ")" if fi.startswith("(") else ""
        text = f"وقال ممثل منظمة التحرير {fi} لبنان{close} عباس زكي إن إسرائيل ترتكب جرائم"
        (st,) = nlp.statements(Article("d", text, "ar"))
        assert st.speaker.text.endswith("عباس زكي") and [t.text for t in st.targets] == ["إسرائيل"], fi


def test_arabic_source_after_the_content_and_ambiguous_verbs_before_that(nlp):
    """GSR sentences: "حسبما افادت به وكالة رويترز" (the resumptive "به" is no speaker; the content precedes),
    "وحسبما يفيد X فإن ..." (after "فإن" the content follows), "فيما ذكر X ... انه" and "وصف X ... بأنها" (the
    ambiguous forms ذكر / وصف are verbs before a complementiser), and "صدر الدين" is a name, not al-Sadr."""
    got = statements(nlp, "وقتل ثلاثة من عناصر تنظيم القاعدة في ضربة جوية أميركية، حسبما افادت به وكالة رويترز.")
    assert got[0][0] == "وكالة رويترز" and "تنظيم القاعدة" in got[0][2]
    got = statements(nlp, "وحسبما يفيد أولبرايت فإن من شأن الهجوم الأميركي أن ينتج عنه دعم أكبر لإيران.")
    assert got == [("أولبرايت", "من شأن الهجوم الأميركي أن ينتج عنه دعم أكبر لإيران", ["الأميركي", "إيران"])]
    got = statements(nlp, "فيما ذكر صدر الدين هشواني مالك الفندق للصحافيين انه لم يكن هناك أي مسؤول حكومي بالفندق.")
    assert len(got) == 1 and got[0][0].startswith("صدر الدين هشواني") and got[0][2] == []
    got = statements(nlp, "من جهته وصف يوسف إبراهيم (ديق) سكرتير العلاقات الخارجية في تحالف المعارضة، زيارة وفد "
                          "التحالف للقاهرة بأنها كانت ناجحة.")
    assert got and got[0][0] == "يوسف إبراهيم"
    # without a complementiser or a clause opener the ambiguous form stays a noun: "ذكر الحادث" (the mention of)
    assert statements(nlp, "وجاء ذكر الحادث في تقرير الشرطة.") == []


def test_arabic_speakers_of_verbs_added_to_the_lexicon(nlp):
    # GSR: "فقد استبعد مسؤول كبير في الشرطة إمكانية ..." and "بينما اعتبرتها الحركة الشعبية ...": the subject after
    # the verb speaks
    got = statements(nlp, "ومع ذلك، فقد استبعد مسؤول كبير في الشرطة إمكانية أن يكون الهجوم انتحاريا.")
    assert got and got[0][0].startswith("مسؤول كبير")
    got = statements(nlp, "بينما اعتبرتها الحركة الشعبية فرض حصار اقتصادي على الجنوب من جانب حزب البشير.")
    assert got and got[0][0] == "الحركة الشعبية" and "حزب البشير" in got[0][2]


def test_arabic_conjoined_cue_takes_the_subject_of_the_opening_verb(nlp):
    # GSR: "وتتوقف المصادر عند كلام الحريري، وترى انه ...": the sources, not Hariri (the object of عند), see
    got = statements(nlp, "وتتوقف المصادر عند كلام الحريري، وترى انه سيعود الى بيروت.")
    assert [s for s, _, _ in got] == ["المصادر"]
    # a quantified thing that opens the sentence is no speaker of the conjoined verb
    assert statements(nlp, "وجرت بعض المحاولات لتقديم خدمات للاجئين، وقال ان الوضع صعب.") == []
    # the opening verb's object is not part of its subject, and a preposition with و opens no verb clause
    got = statements(nlp, "وتفقد الوزير المستشفى الميداني، وقال ان الوضع جيد.")
    assert [s for s, _, _ in got] == ["الوزير"]
    got = statements(nlp, "وفي الضفة الغربية، امس، خرج آلاف المتظاهرين، وهتف بعضهم ضد حماس.")
    assert all(s != "الضفة الغربية" for s, _, _ in got)


def test_arabic_reported_speaker_inside_another_statement(nlp):
    # GSR: "... ان دوائر الاستخبارات الاميركية تؤكد بان ايران تمد حزب الله": a statement inside the other's content
    got = statements(nlp, "وذكر مسؤولون ان دوائر الاستخبارات الاميركية تؤكد بان ايران تمد حزب الله بالعتاد.")
    inner = [g for g in got if g[0] and "الاستخبارات الاميركية" in g[0]]
    assert inner and inner[0][2] == ["ايران", "حزب الله"]
    # a comma ends the reported clause: "من ايران، اشار سكان" is no statement of Iran; "عبر" stays "via"
    got = statements(nlp, "وقال الجيش الاميركي ان القتلى مسلحون يهربون اسلحة من ايران، اشار سكان الى ان القصف طال منازل.")
    assert all(s != "ايران" for s, _, _ in got)
    got = statements(nlp, "وذكر مسؤولون ان الاسلحة تصل الى حزب الله في لبنان عبر الاراضي السورية وان ايران ترسلها.")
    assert all(s != "لبنان" for s, _, _ in got)


def test_arabic_role_chain_runs_over_its_body_to_the_holder(nlp):
    """GSR: the role phrase runs over the body it serves (its own side, not a target) and a rank to the name."""
    got = statements(nlp, "وقال المتحدث العسكري الباكستاني الميجر جنرال وحيد أرشد ان الجيش قتل عشرة مسلحين.")
    assert got[0][0] == "المتحدث العسكري الباكستاني الميجر جنرال وحيد أرشد" and got[0][2] == ["الجيش", "عشرة مسلحين"]
    got = statements(nlp, "وعبرت وزيرة الدولة الفرنسية لحقوق الانسان راما ياد عن قلقها من اعتقال الناشطين.")
    assert got[0][0].endswith("راما ياد") and "الدولة الفرنسية" not in got[0][2]
    # no name after the body: unchanged (the role alone speaks, the body is not swallowed into a name)
    got = statements(nlp, "وقال وزير الدفاع الروسي ان القوات ستنسحب.")
    assert got[0][0] == "وزير الدفاع الروسي"


def test_arabic_subject_after_kana_before_qad(nlp):
    """GSR: "وكان X، <apposition>، قد صرح": the subject is the phrase right after كان, not the last name before قد."""
    got = statements(nlp, "وكان فؤاد حسين، مدير مكتب رئيس اقليم كردستان، قد صرح لوكالة رويترز بان القوات التركية "
                          "حاولت تحريك دبابات.")
    assert len(got) == 1 and got[0][0] == "فؤاد حسين" and got[0][1].startswith("القوات التركية")
    assert got[0][2][0] == "القوات التركية" and "وكالة رويترز" not in got[0][2]
    got = statements(nlp, "وكان وزير خارجية البرتغال لويس أمادو قد أعلن عن العرض في رسالة إلى نظرائه الأوروبيين.")
    assert got[0][0] == "وزير خارجية البرتغال لويس أمادو"
    got = statements(nlp, "وكانت الإذاعة (أو الإشاعة) قد ذكرت أن ستالين أصدر مرسوما.")
    assert got[0][0].startswith("الإذاعة") and got[0][2] == ["ستالين"]
    # train: the office, where he serves, then his name, all before قد: the name is the speaker's, no target of his
    # own accusation ("واتهمه" is Annan, whom the pronoun names)
    got = statements(nlp, "وكان سفير اسرائيل لدى الامم المتحدة دان غيلرمان قد اعرب عن صدمته لتصريحات انان واتهمه "
                          "بالتعجل.")
    assert [s for s, _, _ in got] == ["سفير اسرائيل لدى الامم المتحدة دان غيلرمان"] * 2
    assert all("غيلرمان" not in t for _, _, ts in got for t in ts)
    # the definite words that complete a head before قد are the subject's too (train: the gold speaker is the US)
    got = statements(nlp, "وكانت بلدان الاتحاد الاوروبي والولايات المتحدة قد كشفت عن تشدد واضح تجاه اوزبكستان.")
    assert got[0][0] == "بلدان الاتحاد الاوروبي والولايات المتحدة" and got[0][2] == ["اوزبكستان"]
    # a second subject after a known one keeps the first's words (review of session 70: Blair had taken them)
    st = nlp.statements(Article("d", "وكان الرئيس الاميركي جورج بوش ورئيس الوزراء البريطاني توني بلير قد اتهما ايران "
                                     "بدعم الارهاب.", "ar"))
    assert st[0].speaker.actor is not None and st[0].speaker.actor.id == "george_w_bush"
    # a relative clause before قد is no part of the name
    got = statements(nlp, "وكان الوزير الذي زار بغداد امس قد قال ان الجيش سينسحب.")
    assert got[0][0] == "الوزير"


def test_arabic_subject_verb_with_a_construct_or_after_fa_inna(nlp):
    # GSR: "فريق السلطة يتهم حزب الله بإنزال ..." (subject-verb-object: Hezbollah is the one accused, not the speaker)
    got = statements(nlp, "وفي المقابل، فريق السلطة يتهم حزب الله بإنزال مسلحيه الى الشوارع.")
    assert got[0][0] == "فريق السلطة" and got[0][2] == ["حزب الله"]
    # GSR: "وحسب المصادر، فان المبعوثة طلبت من الحكومة ...": the envoy's own request inside the sources' report
    got = statements(nlp, "وحسب المصادر، فان المبعوثة طلبت من الحكومة زيارة مدينة بورتسودان.")
    assert ("المبعوثة", ["الحكومة"]) in [(s, t) for s, _, t in got]
    # a phrase on a preposition is no subject: "المفاوض للخاطفين يقول" is not the kidnappers speaking
    got = statements(nlp, "أحد أعضاء الوفد الألماني المفاوض للخاطفين يقول إن الخاطفين يريدون المال.")
    assert got == []  # no subject found (the phrase before the preposition is not recognised), and no wrong one


def test_arabic_document_speaks_for_its_issuer(nlp):
    # GSR: "وقد أفاد بيان صادر من الوزارة بأن ..." and "حسب بيان لوزارة الدفاع البريطانية": the issuer is in the span
    got = statements(nlp, "وقد أفاد بيان صادر من الوزارة بأن الرجل قد صدمته الشاحنة.")
    assert got[0][0] == "بيان صادر من الوزارة"
    (st,) = [s for s in nlp.statements(Article("d", "وقتل جندي بريطاني متأثرا بجراحه، حسب بيان لوزارة الدفاع البريطانية.",
                                               "ar")) if s.speaker]
    assert st.speaker.text == "بيان لوزارة الدفاع البريطانية" and st.speaker.actor is not None
    assert statements(nlp, "وقال بيان ان الجندي قتل.")[0][0] == "بيان"
    # NewsFANE: a known body in construct with the document ("بيان منظمة المؤتمر الاسلامي"; it was "بيان", and the
    # body opened the content), and a UN document ("وثيقة للامم المتحدة"; it was "وثيقة")
    (st,) = [s for s in nlp.statements(Article("d", "وقال بيان منظمة المؤتمر الاسلامي ان الدول الاسلامية تري من "
                                               "اللائق بالنسبة للفاتيكان ان يقوم بسحب تصريحات البابا.", "ar"))]
    assert st.speaker.text == "بيان منظمة المؤتمر الاسلامي" and st.speaker.actor.id == "org_islamic_cooperation"
    assert st.content.text.startswith("الدول الاسلامية")
    (st,) = nlp.statements(Article("d", "وكشفت وثيقة للامم المتحدة انه سيسمح لجنود يونيفيل باستخدام القوة.", "ar"))
    assert st.speaker.text == "وثيقة للامم المتحدة" and st.speaker.actor.id == "united_nations"
    assert statements(nlp, "وهددت الرسالة النمسا بضرب الحركة السياحية.")[0][0] == "الرسالة"  # (the letter threatens)


def test_arabic_carry_is_blame_only_with_responsibility_or_a_report(nlp):
    # GSR: "وكانت تحمل علم هونغ كونغ" (the ship carried a flag) is no statement; "حمّل X المسؤولية" and "حملت تقارير
    # أن ..." are
    assert statements(nlp, "وكانت السفينة تحمل علم هونغ كونغ.") == []
    got = statements(nlp, "وحمل الوزير اسرائيل المسؤولية عن الهجوم.")
    assert got[0][0] == "الوزير" and got[0][2] == ["اسرائيل"]
    got = statements(nlp, "وحملت تقارير أن المتظاهرين قطعوا خط سكة حديد القاهرة/حلوان وأن الشرطة أغلقت الطريق.")
    assert got and got[0][0] == "تقارير"


def test_arabic_counted_group_after_the_verb_and_purpose_nouns(nlp):
    # GSR: "ودعت بعض جماعات المستهلكين الى ..." and "وقال عدد من المتظاهرين ان ...": the counted group speaks
    got = statements(nlp, "ودعت بعض جماعات المستهلكين الى مقاطعة المنتجات الاسرائيلية.")
    assert got[0][0] == "بعض جماعات المستهلكين"
    got = statements(nlp, "وقال عدد من المتظاهرين ان الشرطة اعتدت عليهم.")
    assert got == [("عدد من المتظاهرين", "الشرطة اعتدت عليهم", ["الشرطة"])]
    # GSR: "بعدما دعت لاجراء انتخابات": a purpose noun after the verb is what is called for, not who calls
    assert all(s != "لاجراء انتخابات" for s, _, _ in statements(nlp, "وأطاح براون بعضو في حكومته بعدما دعت لاجراء انتخابات على زعامة الحزب."))


def test_arabic_review_cases_of_session_6(nlp):
    """Sentences a review of this session's rules found misread (each failed before its fix)."""
    # a preposition carrying و is no noun in construct: the police speak, not "وفي البصرة"
    assert statements(nlp, "وفي البصرة أعلنت الشرطة أن مسلحين اختطفوا طبيبا.")[0][0] == "الشرطة"
    # a speaker reported inside another statement is not the one "وأضاف" continues
    got = statements(nlp, "وقال الوزير ان ايران تؤكد دعمها للمعارضة. وأضاف ان الولايات المتحدة قلقة.")
    assert got[-1][0] == "الوزير" and got[-1][2] == ["الولايات المتحدة"]
    # NewsFANE: nor is a person named in the content of "he said" (resolved to the speaker before) the one who goes
    # on in the same sentence ("واشار" was Blair's)
    got = statements(nlp, "وهاجم نصر الله الحكومة. وقال ان بلير كان شريكا في القتل، واشار الى ان دعوة بلير كارثة.")
    assert [s for s, _, _ in got] == ["نصر الله", "نصر الله", "نصر الله"]
    # unless the cue's gender says otherwise: "مؤكدا" after the agency's "وقالت" is Erdogan's
    got = statements(nlp, "وذكرت وكالة الاناضول ان الحكومة تلقت دعوات. وقالت ان اردوغان رد على الدعوات، مؤكدا ان تركيا "
                          "تؤيد المشاركة.")
    assert [s for s, _, _ in got][:3] == ["وكالة الاناضول", "وكالة الاناضول", "اردوغان"]
    # "يعتبر" inside another statement is "is considered", no statement of its own
    assert [s for s, _, _ in statements(nlp, "وقال الوزير ان القرار يعتبر انتهاكا للاتفاق.")] == ["الوزير"]
    # حمل: an official carrying a letter blames no one; "وتحمّل X ... المسؤولية" far after the verb still blames
    assert statements(nlp, "ويحمل مسؤول امريكي رسالة الى دمشق.") == []
    got = statements(nlp, "وتحمّل المنظمة الجيش الصربي والمليشيات الصربية في البوسنة المسؤولية.")
    assert got[0][0] == "المنظمة" and "الجيش الصربي" in got[0][2]
    # "على ما" mid-sentence is "against what", not "as reported by": the content follows the verb
    got = statements(nlp, "واحتجت الحكومة على ما وصفته بالتدخل الايراني.")
    assert all(c != "واحتجت الحكومة" for _, c, _ in got)
    # "نقل" after حيث is "was taken", and "لان" (because) is no complementiser that makes "طلب" a verb
    assert statements(nlp, "واصيب ثلاثة جنود حيث نقل الجرحى الى المستشفى.") == []
    assert all(s != "الدفاع" for s, _, _ in statements(nlp, "ورفضت المحكمة طلب الدفاع لان الادلة كافية."))
    # a bare "وصف" (three letters: no و prefix) before "بانها" is a verb
    assert statements(nlp, "وخلال المؤتمر وصف الوزير الزيارة بانها ناجحة.")[0][0].startswith("الوزير")
    # كان ... قد: a phrase cut inside a body's name runs over it to the holder
    got = statements(nlp, "وكان الامين العام للامم المتحدة بان كي مون قد قال إن الوضع خطير.")
    assert got[0][0].endswith("بان كي مون")
    # a purpose verb takes its clause's subject, never its object
    assert statements(nlp, "وعادت وزارة الداخلية لتؤكد اعتقال عناصر من فتح.")[0][0] == "وزارة الداخلية"
    # a counted group stops before the verb's object
    got = statements(nlp, "وانتقد بعض النواب الحكومة بشدة.")
    assert got[0][0] == "بعض النواب" and got[0][2] == ["الحكومة"]


def test_arabic_outlet_told_is_no_target_anywhere(nlp):
    # GSR: "ورأى احد المتظاهرين الذي تحدث لـ«الشرق الأوسط» ..." and "في اتصال مع «الشرق الاوسط»": the outlet told
    got = statements(nlp, "وعبر ريان في اتصال مع «الشرق الاوسط» عن شكه في الوثيقة التي نشرتها حماس.")
    assert got and "الشرق الاوسط" not in got[0][2] and "حماس" in got[0][2]
    got = statements(nlp, "وقال عدد من سكان هذه المناطق لـ«الشرق الأوسط» إن الشرطة غادرت.")
    assert got and "الشرق الأوسط" not in got[0][2] and "الشرطة" in got[0][2]
    # "of «Hamas»" and "with «Hamas»" keep Hamas: an actor, not an outlet told
    got = statements(nlp, "وقال الوزير ان الجناح العسكري لـ«حماس» هاجم الموقع وان الحكومة لن تتفاوض مع «حماس».")
    assert "حماس" in got[0][2]


def test_arabic_people_nouns_that_are_adjectives_or_fixed_phrases_are_no_targets(nlp):
    # "تفجيرا انتحاريا" (a suicide bombing), "نظاما مدنيا" (a civil system), "شلل الأطفال" (polio) name no people
    assert statements(nlp, "وقالت الشرطة ان تفجيرا انتحاريا استهدف سوقا.")[0][2] == []
    assert statements(nlp, "وقال المتظاهرون انهم يريدون نظاما مدنيا.")[0][2] == []
    assert statements(nlp, "واعلنت وزارة الصحة انها ستبدأ حملة ضد شلل الأطفال.")[0][2] == []
    # ... while the counted people stay
    assert statements(nlp, "وقالت الشرطة ان الهجوم قتل 12 مدنيا وثلاثة أطفال.")[0][2] == ["12 مدنيا", "ثلاثة أطفال"]


def test_arabic_person_told_and_counted_victims_are_not_the_speaker(nlp):
    # GSR: the investigating judge he told is not part of the speaker's name, and his nationality adjective is
    # not a target; a count of victims ends an indefinite speaker phrase
    got = statements(nlp, "وأكد بختي لقاضي التحقيق المغربي، أنه سلم عبد القادر بلعيرج، زعيم الخلية، مبالغ مالية.")
    assert got[0][0] == "بختي" and got[0][2] == ["عبد القادر بلعيرج"]
    got = statements(nlp, "وأعلنت مصادر امنية وطبية عراقية مقتل ستة اشخاص بينهم اثنان من عناصر الشرطة.")
    assert got[0][0] == "مصادر امنية وطبية عراقية" and got[0][2] == ["ستة اشخاص", "الشرطة"]
    # "his supporters" is a people noun, not a construct with the preposition after it
    assert statements(nlp, "ودعا حزب الله أنصاره الى الهدوء.")[0][2] == ["أنصاره"]


def test_arabic_relayed_source_and_long_wasf_object(nlp):
    # GSR: "نقلت X عن Y": Y speaks (only with عن: "نقلت الطائرة الجرحى" carried them); "وصف X Y ... بانه" with a
    # long object before بانه
    got = statements(nlp, "ونقلت وكالة الانباء انترفاكس عن مصادر قولها إن ليبيا تبدي اهتماما بشراء انظمة صواريخ.")
    assert got[0][0] == "مصادر" and got[0][2] == ["ليبيا"]
    assert statements(nlp, "ونقلت الطائرة الجرحى الى المستشفى.") == []
    got = statements(nlp, "وفي اوتاوا وصف وزير الدفاع الكندي بيتر ماكاي اول من امس فرار الف سجين من سجن قندهار "
                          "بانه عملية «مؤسفة جدا».")
    assert got[0][0] == "وزير الدفاع الكندي بيتر ماكاي"
    # the whole GSR sentence: بانه twenty words after وصف, past the attack and its agents
    got = statements(nlp, "وفي اوتاوا وصف وزير الدفاع الكندي بيتر ماكاي اول من امس فرار الف سجين من سجن قندهار "
                          "بعد هجوم شنه متمردو طالبان بانه عملية «مؤسفة جدا وخطيرة» موضحا ان قوات كندية اضافية "
                          "انتشرت في المدينة.")
    assert got[0][0] == "وزير الدفاع الكندي بيتر ماكاي" and "طالبان" in got[0][2], got


def test_arabic_agree_liken_and_amounts_to(nlp):
    # GSR: وافق X على (agreement), شبهت X (likened); "تبلغ الثالثة والعشرين" (her age) is
    # no cue; على ends an unknown subject phrase; a nationality adjective after a collective speaker is hers
    got = statements(nlp, "ووافق مجلس الوزراء على طلب وزير الزراعة اعتماد الحسابات.")
    assert got[0][0] == "مجلس الوزراء"
    got = statements(nlp, "وقالت امرأة اميركية تبلغ الثالثة والعشرين امام الكونغرس ان شركة هاليبرتون تسترت على الجناة.")
    assert [g[0] for g in got] == ["امرأة اميركية"]
    got = statements(nlp, "وإذ شبهت المصادر هذه العملية بالجرائم التي اودت بحياة النواب جبران تويني ووليد عيدو.")
    assert got[0][0] == "المصادر" and "جبران تويني" in got[0][2]


def test_arabic_pronoun_addressee_and_final_evaluative_verb(nlp):
    # "له", "لها", "لنا" after the verb are who was told, not part of the speaker; an evaluative verb ending the
    # sentence ("ان الحكومة وافقت.") makes no statement of its own
    assert statements(nlp, "وقال له الوزير ان اسرائيل ترفض.") == [("الوزير", "اسرائيل ترفض", ["اسرائيل"])]
    assert statements(nlp, "وأكدت لها المصادر ان الحكومة وافقت.") == [("المصادر", "الحكومة وافقت", ["الحكومة"])]
    got = statements(nlp, "وقد كشفت لنا وثائق ويكيليكس الكثير من الوقائع عن العلاقة مع حركة حماس.")
    assert not got[0][0].startswith("لنا") and "ويكيليكس" in got[0][0] and got[0][2] == ["حركة حماس"]


def test_arabic_announcement_in_time_is_no_statement(nlp):
    # "بعد الإعلان عن وفاة ...": the announcement dates an event; nobody before it is its speaker
    assert statements(nlp, "فيما ارتفع عدد ضحايا الحادث إلى ٢٢ شهيداً، بعد الإعلان رسمياً عن وفاة المصاب رزق عادل.") == []
    assert statements(nlp, "وكثف الكرملين امس الاعلان عن دعمه للمعارضة.")[0][0] == "الكرملين"


def test_arabic_review_cases_of_session_7(nlp):
    """Sentences a review of this session's rules found misread (each failed before its fix)."""
    # وافق inside a reported clause is no statement of its own; the noun توافق is no cue
    assert statements(nlp, "وأعلن الرئيس انه وافق على استقالة الحكومة.") == [
        ("الرئيس", "وافق على استقالة الحكومة", ["الحكومة"])]
    assert statements(nlp, "حكومة توافق وطني ستشكل قريبا") == []
    # ل + a role after an adviser / spokesman is his own side; لامين and لي are names
    assert statements(nlp, "وقال مستشار لرئيس الوزراء الإسرائيلي ان حماس خرقت الهدنة.")[0][0] == \
        "مستشار لرئيس الوزراء الإسرائيلي"
    assert statements(nlp, "وقال لامين دياك رئيس الاتحاد الدولي ان المنافسة عادلة.")[0][0].startswith("لامين دياك")
    assert statements(nlp, "وقال لي جون سوك المتحدث باسم الوزارة ان كوريا الشمالية هددت.")[0][0].startswith("لي جون")
    # نقل عن: not عن طريق (by way of); the source keeps its adjectives and قوله is not content
    assert statements(nlp, "وينقل الجيش المعدات عن طريق البحر.") == []
    assert statements(nlp, "ونقلت رويترز عن مصدر مطلع قوله ان الحكومة رفضت الخطة.")[0][:2] == (
        "مصدر مطلع", "الحكومة رفضت الخطة")
    # NewsFANE: all the words up to the saying are the source's ("مسؤولين سامين اميركيين"; it was "مسؤولين", and its
    # own country a target in the content)
    assert statements(nlp, "ونقلت نيويورك تايمز عن مسؤولين سامين اميركيين قولهم ان رايس ستسعى الى كسر العلاقة بين "
                           "ايران وسوريا.")[0] == ("مسؤولين سامين اميركيين", "رايس ستسعى الى كسر العلاقة بين ايران وسوريا",
                                                   ["رايس", "ايران", "سوريا"])
    # the UN secretary-general with his body and his name, with or without commas
    for s in ("وقال الأمين العام للأمم المتحدة بان كي مون ان الوضع خطير.",
              "وقال الأمين العام للأمم المتحدة، بان كي مون، ان الوضع خطير."):
        got = statements(nlp, s)
        assert got[0][0].endswith("بان كي مون") and got[0][1] == "الوضع خطير" and got[0][2] == []


def test_arabic_second_role_in_apposition_before_the_name(nlp):
    # GSR: "المسؤول السابق في الحركة، مستشار ... حاليا، بلال شرارة، ان": the name after a second role in commas speaks
    got = statements(nlp, "ويقول المسؤول السابق في الحركة، مستشار رئيس مجلس النواب للشؤون الخارجية حاليا، بلال شرارة، "
                          "ان اسرائيل خسرت الحرب.")
    assert got[0][0].endswith("بلال شرارة") and got[0][1] == "اسرائيل خسرت الحرب" and got[0][2] == ["اسرائيل"]
    got = statements(nlp, "وقال المتحدث باسم الوزارة، مدير الاعلام في الوزارة، محمد علي، ان الهجوم فشل.")
    assert got[0][0].endswith("محمد علي") and got[0][1] == "الهجوم فشل"


def test_arabic_outlet_named_by_its_noun_is_no_target(nlp):
    # "لصحيفة «الحياة»": the paper the statement was given to is never its target
    got = statements(nlp, "وقال المتحدث باسم الوزارة لصحيفة «الحياة» ان روسيا تهدد.")
    assert got[0][2] == ["روسيا"]


def test_french_outlet_named_by_its_noun_is_no_target(nlp):
    """Where a statement was made ("sur la chaîne CBS", "au média russe RT") is not whom it is about (fr dev
    annotations: Lavrov's statements target Israel and the Palestinians, not the channel)."""
    text = ("Le chef de la diplomatie russe a déclaré sur la chaîne CBS qu'Israël devait cesser d'expulser les "
            "Palestiniens de leur terre.")
    (st,) = nlp.statements(Article("d", text, "fr"))
    assert [t.text for t in st.targets] == ["Israël", "Palestiniens"]
    (st,) = nlp.statements(Article("d", "Israël doit se retirer de Gaza, affirme Sergueï Lavrov au média russe RT.", "fr"))
    assert "RT" not in [t.text for t in st.targets] and "Israël" in [t.text for t in st.targets]


def test_arabic_it_came_in_a_document(nlp):
    """"وجاء في <document>" (it came in the statement/report): the document speaks, or whoever issued it; "في كلمته"
    is the previous speaker's. A place in a ranking ("جاء في المرتبة") is no statement."""
    got = statements(nlp, "وجاء في بيان لوزارة الخارجية ان اسرائيل تنتهك القانون الدولي.")
    assert got[0][0] == "بيان لوزارة الخارجية" and got[0][2] == ["اسرائيل"]
    (st,) = nlp.statements(Article("d", "وورد في تقرير منظمة العفو الدولية ان القوات الاميركية قتلت مدنيين.", "ar"))
    assert st.speaker.text == "تقرير منظمة العفو الدولية" and st.speaker.actor is not None
    assert st.content.text == "القوات الاميركية قتلت مدنيين"
    got = statements(nlp, "وجاء في نص النداء: «ما يجري هو عملية انقلابية تستهدف الدولة اللبنانية».")
    assert got[0][0] == "نص النداء" and "الدولة اللبنانية" in got[0][2]
    sts = nlp.statements(Article("d", "وقال الوزير ان الوضع خطير. وجاء في كلمته ان ايران تهدد المنطقة.", "ar"))
    came = next(s for s in sts if s.cue.text == "وجاء")
    assert came.speaker.text == "الوزير" and came.speaker.resolved
    assert statements(nlp, "وجاء في المرتبة الثانية المنتخب السعودي.") == []


def test_arabic_second_adjective_and_complementiser_pronouns(nlp):
    """"مسؤولين عسكريين واستخباراتيين قالوا" (a train text): the second adjective joined by و belongs to the group,
    which then speaks before its verb; two peoples ("الفلسطينيين والاسرائيليين") stay two. "انهم" (that they) after
    a reporting verb is no name."""
    got = statements(nlp, "اما فيما يتعلق بخيار الضربات الجوية، فإن مسؤولين عسكريين واستخباراتيين قالوا ان "
                          "المعلومات غير دقيقة.")
    assert got and got[0][0] == "مسؤولين عسكريين واستخباراتيين"
    text = "ودعا الوسيط الفلسطينيين والاسرائيليين الى الحوار."
    names = [m.text for m in nlp.mentions(Article("d", text, "ar"), "ar")]
    assert "الفلسطينيين" in names and "الفلسطينيين والاسرائيليين" not in names
    assert statements(nlp, "وقال انهم يحاولون اللجوء اليه.") == []


def test_arabic_contrast_opens_a_new_statement(nlp):
    """"..., في حين اتهمت تبليسي الجيوش الروسية" (a train text): after في حين / فيما / بينما the cue is a statement
    of its own, not an act reported inside Russia's announcement."""
    got = statements(nlp, "إذ أعلنت روسيا أنها أسقطت طائرتي تجسس جورجيتين فوق أوسيتيا الجنوبية، في حين اتهمت تبليسي "
                          "الجيوش الروسية بإطلاق نار على المدنيين في غوري.")
    assert [g[0] for g in got] == ["روسيا", "تبليسي"] and "الروسية" in got[1][2]
    assert "اتهمت" not in got[0][1]


def test_arabic_said_in_it_is_the_documents_issuer(nlp):
    """"أصدرت X بيانا قالت فيه", "صدر عن X بيان اشارت فيه", "وجهت X نداء ... ناشدتهم فيه": whoever issued the
    document speaks (the wire form of "X said in a statement"); without a document named, فيه changes nothing."""
    assert statements(nlp, "وأصدرت وزارة الخارجية بيانا قالت فيه ان اسرائيل تنتهك القانون.")[0][:1] == ("وزارة الخارجية",)
    got = statements(nlp, "وصدر عن قيادة الجيش بيان اشارت فيه الى «تعرض بعض مراكز الجيش لاعتداءات من مسلحين».")
    assert got and got[0][0] == "قيادة الجيش"
    got = statements(nlp, "ووجهت الحكومة الهولندية نداء الى المغاربة المقيمين في هولندا، ناشدتهم فيه بضرورة "
                          "الاهتمام بابنائهم.")
    assert got and got[0][0] == "الحكومة الهولندية"


def test_arabic_documents_and_connectives_review_cases(nlp):
    """Cases from the review of the document rules (wire-style sentences written for it)."""
    def speakers(text):
        return [g[0] for g in statements(nlp, text)]

    # a subject after فيه speaks itself; the sender after من; a country that issued the statement
    assert speakers("ونظمت نقابة الصحفيين مؤتمرا قال فيه نقيب الصحفيين ضياء رشوان ان الحريات في خطر.") == [
        "نقيب الصحفيين ضياء رشوان"]
    assert speakers("وتسلم الرئيس السوري بشار الاسد رسالة من الرئيس الروسي فلاديمير بوتين أكد فيها ان موسكو "
                    "تدعم دمشق.")[0] == "الرئيس الروسي فلاديمير بوتين"
    assert speakers("وأصدرت السعودية بيانا أكدت فيه ان ايران تهدد المنطقة.")[0] == "السعودية"
    # فيما = "into what" is no new statement; "، فيما" (whereas) is, and is not the end of the first content
    assert speakers("وقال المتحدث ان الشرطة تحقق فيما أعلنه الجيش عن مقتل المسلحين.") == ["المتحدث"]
    got = statements(nlp, "وقال الوزير ان الانتخابات ستجري في موعدها، فيما أكد التيار الصدري انه سيقاطعها.")
    assert [g[0] for g in got] == ["الوزير", "التيار الصدري"] and got[0][1] == "الانتخابات ستجري في موعدها"
    # the issuer after a relative verb; the content from the complementiser
    got = statements(nlp, "وجاء في رسالة بعث بها الرئيس الفرنسي الى الامين العام للامم المتحدة ان فرنسا تدعم القرار.")
    assert got[0][:2] == ("الرئيس الفرنسي", "فرنسا تدعم القرار")
    assert speakers("وجاء في البيان الذي وزعته السفارة الامريكية ان واشنطن تدين الهجوم.")[0] == "السفارة الامريكية"
    # "ما ورد في" is a relative; "بحسب ما جاء في" a source whose content comes first
    assert speakers("ونفى المتحدث باسم الحكومة ما ورد في تقرير منظمة العفو الدولية من اتهامات بتعذيب المعتقلين.") == [
        "المتحدث باسم الحكومة"]
    got = statements(nlp, "وتوفي المعتقل في قسم الشرطة بمحافظة القاهرة، بحسب ما جاء في البيان.")
    assert got[0][:2] == ("البيان", "وتوفي المعتقل في قسم الشرطة بمحافظة القاهرة")
    # two groups are not one with an adjective
    names = [m.text for m in nlp.mentions(Article("d", "وقال ان الاسلاميين والعلمانيين يتحملون المسؤولية", "ar"), "ar")]
    assert "الاسلاميين والعلمانيين" not in names


def test_arabic_delegation_speaks(nlp):
    """"الوفد" (the delegation) is a collective actor: "وقال الوفد الاوروبي ان ..." has a speaker."""
    assert statements(nlp, "وقال الوفد الاوروبي ان الحكومة ترفض الحوار.")[0][0] == "الوفد الاوروبي"


def test_arabic_as_reported_by_opens_an_ambiguous_verb(nlp):
    """"حسب ما ذكر مصدر في الشرطة" (a train text): after حسب ما / وفق ما the ambiguous ذكر is the verb of saying,
    and what precedes is its content."""
    got = statements(nlp, "وتظاهر المئات احتجاجا على مقتل الفتى وذلك حسب ما ذكر مصدر في الشرطة المحلية.")
    src = [g for g in got if g[0] == "مصدر"]
    assert src and src[0][1].startswith("وتظاهر المئات")


def test_arabic_role_holder_before_the_one_told(nlp):
    """A role phrase runs over its holder's name also when the one told follows the name (a train text: "وقال
    الناطق باسم بعثة الاتحاد الافريقي في الخرطوم نور الدين مازني لـ«الشرق الاوسط» ان ..."): the name is the speaker's,
    not a target, and the content starts at ان."""
    got = statements(nlp, "وقال الناطق باسم بعثة الاتحاد الافريقي في الخرطوم نور الدين مازني لـ«الشرق الاوسط» ان "
                          "المتمردين هاجموا القاعدة.")
    assert got[0][0] == "الناطق باسم بعثة الاتحاد الافريقي في الخرطوم نور الدين مازني"
    assert "نور الدين مازني" not in got[0][2]


def test_arabic_slogans_speak_for_who_chants_them(nlp):
    """"وهم يرددون هتافات" hangs on the clause's subject (not the square named before it), a slogan "تقول" or
    "تطالب" speaks for its chanters (train texts: "ساحة فلسطين" and "تركيا" were speakers), and the noun after it is
    its object."""
    got = statements(nlp, "وتجمع المتظاهرون في ساحة فلسطين وهم يرددون هتافات «الموت لأميركا».")
    assert [(g[0], g[2]) for g in got] == [("المتظاهرون", ["أميركا"])]
    got = statements(nlp, "وكان آلاف الايرانيين قد تظاهروا في طهران وتجمع المتظاهرون في ساحة فلسطين وهم يرددون "
                          "هتافات «الموت لإسرائيل».")
    assert got[0][0] == "آلاف الايرانيين" and "إسرائيل" not in got[0][2]
    assert ("المتظاهرون", ["إسرائيل"]) in [(g[0], g[2]) for g in got]
    got = statements(nlp, "وردد المتظاهرون في الميدان الرئيسي هتافات تقول (تركيا علمانية وستظل علمانية).")
    assert {g[0] for g in got} == {"المتظاهرون"} and ["تركيا"] in [g[2] for g in got]
    assert all(g[0] != "المنظمات الدولية" for g in statements(
        nlp, "وتجمع امس متظاهرون في غزة وهم يرفعون شعارات تطالب المنظمات الدولية بالتدخل."))


def test_arabic_generated_verb_forms():
    """Regular verbs of the hand lists get their plural, feminine and present forms (tools/build_cues.py): "وهددوا",
    "يرددون" are cues; "تردد" (hesitation), first-person forms ("نطالب": after an unquoted colon the noun after it
    would become the speaker) and verbs with other common senses ("يتابعون", "يشددون", "يعلقون", "يتحدثون") are not."""
    from stance.attribution import find_cues, load_cues
    from stance.text import split_sentences

    lex = load_cues()["ar"]
    assert lex["هددوا"] == "eval" and lex["يرددون"] == "report"
    # tried and taken back after a review: "علمت" (also "the family learned of"), "بقوله" ("بقوله تعالى" quotes
    # God); "معبرا" (also "a crossing") is one only before "عن" (expressing)
    assert not {"علمت", "بقوله"} & set(lex)
    for text, kinds in (("واغلقت اسرائيل معبرا حدوديا مع غزة.", []), ("وتظاهر الطلاب معبرين عن غضبهم.",
                                                                       ["eval", "participle"])):
        assert [c.kind for c in find_cues(text, split_sentences(text)[0], "ar")[1]] == kinds
    for form in ("تردد", "نطالب", "رفضنا", "يتابعون", "يشددون", "يعلقون", "يتحدثون", "يعتبرون"):
        assert form not in lex, form


def test_arabic_generated_forms_review_cases(nlp):
    """Cases from the review of the generated forms and the slogan rules (wire-style sentences written for it)."""
    got = statements(nlp, "وقال الوزير: نطالب المجتمع الدولي بالتدخل الفوري لوقف المجازر.")
    assert [g[0] for g in got] == ["الوزير"]
    assert statements(nlp, "وفي خطوة لافتة اعلنت الحكومة المصرية ان السفير سيعود.")[0][0] == "الحكومة المصرية"
    # "وهم" is plural: the students, not the agency ("وكالة" is no verb) nor the police who report it
    got = statements(nlp, "وذكرت وكالة الانباء ان مئات الطلاب تجمعوا في الجامعة وهم يرفعون شعارات تندد بالاحتلال.")
    assert ("مئات الطلاب", "تندد بالاحتلال", ["الاحتلال"]) in got
    got = statements(nlp, "واستقبل الرئيس عباس الاسرى المحررين وهم يرددون هتافات «بالروح بالدم نفديك يا فلسطين».")
    assert [g[0] for g in got] == ["الاسرى"]
    assert statements(nlp, "ووصل الوزير الى القاعة وسط هتافات تطالب برحيله.") == []
    # a slogan reported inside the police's clause leaves that clause whole
    got = statements(nlp, "وقالت الشرطة ان المتظاهرين رفعوا لافتات تطالب برحيل الحكومة.")
    assert got[0][:2] == ("الشرطة", "المتظاهرين رفعوا لافتات تطالب برحيل الحكومة")
    got = statements(nlp, "وتجمع المتظاهرون وسط العاصمة وهم يرددون هتافات تطالب بالحرية.")
    assert [g[:2] for g in got] == [("المتظاهرون", "تطالب بالحرية")]
    # "is considered" is no statement, with or without a relative clause before it
    for text in ("وقال الوزير ان الجنود ، الذين قتلوا في الهجوم ، يعتبرون شهداء.",
                 "وقالت المصادر ان الحكومة ، التي تشكلت الشهر الماضي ، تعتبر الاضعف منذ سنوات.",
                 "واضاف ان الاكراد يعتبرون اكبر قومية بلا دولة."):
        assert all(g[0] not in ("الجنود", "الحكومة", "الاكراد") for g in statements(nlp, text)), text


def test_arabic_outlet_with_quoted_name_and_subject_before_relative_clause(nlp):
    """Train texts: "ذكرت قناة «سي إن إن تورك» الاخبارية التركية ان ..." (an outlet's quoted name may spell letters
    such as "إن"; two nisba adjectives close it), and "ان ادارة الرئيس باراك اوباما ، التي تواجه مصاعب ... بين
    الفلسطينيين والاسرائيليين ، تعتقد ان ...": the subject is before the relative clause, not its last noun."""
    got = statements(nlp, "الى ذلك، ذكرت قناة «سي إن إن تورك» الاخبارية التركية ان طائرة تركية وصلت الى بغداد.")
    assert got[0][0] == "قناة «سي إن إن تورك» الاخبارية التركية"
    assert statements(nlp, "وقال مسؤول «لن نتراجع عن قرارنا».")[0][0] == "مسؤول"  # a quoted sentence is no name
    got = statements(nlp, "واضافت المصادر ان ادارة الرئيس باراك اوباما ، التي تواجه مصاعب في دفع العملية السلمية "
                          "بين الفلسطينيين والاسرائيليين ، تعتقد ان سلاما بين سورية واسرائيل ممكن.")
    assert ("ادارة الرئيس باراك اوباما", "سلاما بين سورية واسرائيل ممكن", ["سورية", "اسرائيل"]) in got
    assert all(g[0] != "الاسرائيليين" for g in got)


def test_arabic_described_object_scenarios_and_pronoun_subjects(nlp):
    """Train texts: "ووصف الحادث بانه اكبر خسارة" after a quotation is the last speaker describing the incident (the
    incident was the speaker); a subject before the described word is kept apart from it; a feminine country after
    the masculine "وصف" is the one described; "وحسب احد السيناريوهات" and "وحسب المخطط" are no sources; after "لكنه
    لم" the pronoun is the subject ("لم يذكر اسم إسرائيل": no one named "اسم" speaks)."""
    got = statements(nlp, "وقال مازني «هذا يتم بعد ابلاغ اسرهم»، ووصف الحادث بانه اكبر خسارة تقع في صفوف القوات.")
    assert [g[0] for g in got] == ["مازني", "مازني"]
    got = statements(nlp, "وقال مازني ان الهجوم وقع امس. ووصف الوزير الحادث بانه اكبر خسارة.")
    assert got[1][0] == "الوزير"
    got = statements(nlp, "وقال مازني ان الهجوم وقع امس. ووصف اسرائيل بانها دولة ارهاب.")
    assert (got[1][0], got[1][2]) == ("مازني", ["اسرائيل"])
    assert statements(nlp, "ووصفت اسرائيل الهجوم بانه ارهابي.")[0][0] == "اسرائيل"
    assert all(g[0] not in ("احد السيناريوهات", "المخطط") for text in (
        "وحسب احد السيناريوهات التي تم التداول بها فإن المعارضة ستعلن عن استقالة وزرائها.",
        "وحسب المخطط، فانه كان يفترض اغتيال ابومازن بواسطة سيارة مفخخة.") for g in statements(nlp, text))
    got = statements(nlp, "وتقدم الملك حسين بطلب لتنفيذ ضربات جوية، لكنه لم يذكر اسم إسرائيل على وجه التحديد.")
    assert all(g[0] not in ("اسم", "إسرائيل") for g in got)


def test_arabic_banners_without_words_and_a_definite_object(nlp):
    """"ورفع المتظاهرون لافتات، وطالب رئيس اللجنة الحكومة بالاستقالة" (from the review): banners with nothing
    written after them make no statement (the words before the noun are no content), and a definite noun with its
    ب-complement after a definite genitive ("رئيس اللجنة الحكومة بالاستقالة") is the object, not part of the
    speaker."""
    got = statements(nlp, "ورفع المتظاهرون لافتات، وطالب رئيس اللجنة الحكومة بالاستقالة.")
    assert [(g[0], g[2]) for g in got] == [("رئيس اللجنة", ["الحكومة"])]
    assert statements(nlp, "وقال الناطق باسم المتظاهرين ان الشرطة اعتدت عليهم.")[0][0] == "الناطق باسم المتظاهرين"
    # without a ب-complement after it, a definite people noun is the phrase's adjective ("الأطباء العرب")
    assert statements(nlp, "وقالت رابطة الأطباء العرب إن المستشفيات مكتظة.")[0][0] == "رابطة الأطباء العرب"


def test_arabic_carried_flags_and_a_document_set_off_by_a_comma(nlp):
    """Train texts: "وهم يحملون الاعلام الفلسطينية ولافتات تطالب ..." (the flags they carry are no speaker of the
    banners, nor of the "معبرين" after them), and "وجهت الحكومة الهولندية، نداء ... ناشدتهم فيه" (the issuer before a
    comma; "وجهت" is a verb whose و belongs to its root)."""
    got = statements(nlp, "وتجمع عشرات الفلسطينيين في ميدان المنارة وهم يحملون الاعلام الفلسطينية ولافتات تطالب بوقف "
                          "الاستيطان الاسرائيلي ، معبرين عن رفضهم لاي فيتو اميركي محتمل.")
    assert got and all("الفلسطينيين" in g[0] for g in got)
    got = statements(nlp, "وبالامس وجهت الحكومة الهولندية، نداء الى المغاربة المقيمين في هولندا، ناشدتهم فيه "
                          "بضرورة الاهتمام بابنائهم.")
    assert [g[0] for g in got] == ["الحكومة الهولندية"]


def test_arabic_second_review_cases(nlp):
    """Cases from the second review of the session's rules (wire-style sentences written for it)."""
    def speakers(text):
        return [g[0] for g in statements(nlp, text)]

    # "معبرا" is also a crossing, "علمت" also "learned of", "بقوله تعالى" quotes God, "مشددة" is also "tight"
    assert speakers("وقال مسؤول إن تركيا أصبحت معبرا رئيسيا للمقاتلين الأجانب إلى سوريا.") == ["مسؤول"]
    assert speakers("وعلمت الأسرة بنبأ وفاته من وسائل الإعلام.") == []
    assert speakers("وقال الرئيس إن بلاده ستواصل الحرب. واستشهد بقوله تعالى «وأعدوا لهم ما استطعتم من قوة».") == [
        "الرئيس"]
    assert speakers("وعقدت المعارضة، وسط إجراءات أمنية مشددة، مؤتمرا صحافيا.") == []
    assert speakers("وقال الوزير ان الحكومة ستعمل بجد، مشددا على ان الامن اولوية.") == ["الوزير", "الوزير"]
    # a feminine "لكنها" may point at any feminine noun: no speaker
    assert speakers("وقال الرئيس إن الحكومة اتخذت القرار. ولكنها لم تعلن عن موعد تنفيذه.") == ["الرئيس"]
    # before a relative clause: the phrase's head, and only a verb that agrees with the relative pronoun
    assert "أنصار الرئيس مرسي" in speakers("وقال الشهود إن أنصار الرئيس مرسي، الذين تجمعوا أمام المسجد، طالبوا بعودته.")
    assert "زعيم حركة حماس" in speakers("وقال المسؤول إن زعيم حركة حماس، الذي يقيم في دمشق، رفض المبادرة.")
    assert "المتظاهرين" not in speakers(
        "وقال المتحدث إن الشرطة لاحقت المتظاهرين، الذين رشقوا الحجارة، قال شهود إن بعضهم أصيب.")
    # a non-agent word is a source's head only ("مدير المخطط العمراني" is a director)
    assert speakers("وبحسب مدير المخطط العمراني، فإن البناء سيبدأ قريبا.") == ["مدير المخطط العمراني"]
    # "وصف": an indefinite subject keeps its adjectives; a plural indefinite after "ووصف" is its subject
    assert speakers("وقد وصف مسؤول أمريكي كبير بأنه قرار خاطئ.") == ["مسؤول أمريكي كبير"]
    assert speakers("وقال الوزير إن التفجير إرهابي. ووصف مسؤولون بأنه هجوم منسق.") == ["الوزير", "مسؤولون"]
    # "وهم" does not reach past a new clause
    assert speakers("وأطلق الجنود النار على المتظاهرين وهم عزل ورفع الأهالي لافتات تطالب بمحاسبة الجيش.") == [
        "الأهالي"]


def test_arabic_spokesperson_speaks_for_the_body_and_bare_ministries(nlp):
    """"المتحدث باسم الجيش الاميركي" speaks for the US military (the portrayal network's edge, and its own side is no
    target); a ministry named without its country ("وزارة الداخلية") is no particular country's: the public Arabic
    dictionary had coded the bare phrase as Afghanistan's (tools/build_actors.py drops such aliases)."""
    def speaker(text):
        st = next(s for s in nlp.statements(Article("d", text, "ar")) if s.speaker is not None)
        return st.speaker.text, (st.speaker.actor.id if st.speaker.actor else None)

    assert speaker("وقال الاميرال جيري جوري سميث المتحدث باسم الجيش الاميركي «للأسف فقدنا خمسة من جنودنا».") == (
        "الاميرال جيري جوري سميث المتحدث باسم الجيش الاميركي", "USAMIL")
    assert speaker("وقال الناطق باسم بعثة الاتحاد الافريقي في الخرطوم نور الدين مازني ان المتمردين هاجموا القاعدة.")[1] \
        == "african_union"
    assert speaker("وقال المتحدث الرسمي باسم وزارة الداخلية ان الشرطة اعتقلت ثلاثة مسلحين.")[1] == "interior_ministry"
    got = {m.text: m.actor.id for m in nlp.mentions(Article("d", "وقالت وزارة الخارجية ووزارة الداخلية الافغانية", "ar"),
                                                      "ar") if m.actor}
    assert got == {"وزارة الخارجية": "foreign_ministry", "وزارة الداخلية الافغانية": "AFGGOV"}


def test_arabic_bare_ministry_takes_its_country_from_the_article(nlp):
    """The seed: "حسب ما اعلنت وزارة الدفاع" after "وزير الدفاع الفرنسي ..." is France's defence ministry, and so is
    "الوزارة" in "المتحدث باسم الوزارة" after it; with no such office before, a bare ministry stays countryless, and
    another office family does not lend its country."""
    def actors(text):
        return {m.text: (m.actor.id if m.actor else None) for m in nlp.mentions(Article("d", text, "ar"), "ar")}

    got = actors("يقوم وزير الدفاع الفرنسي جان ايف لو دريان بزيارة لموسكو حسب ما اعلنت وزارة الدفاع الخميس. وقال "
                 "المتحدث باسم الوزارة بيار بايل ان الزيارة مهمة.")
    assert got["وزارة الدفاع"] == "FRAGOV.defence_ministry" and got["الوزارة"] == "FRAGOV.defence_ministry"
    assert actors("وقالت وزارة الخارجية ان الوزير سيزور بغداد.")["وزارة الخارجية"] == "foreign_ministry"
    assert actors("وقال وزير الدفاع الفرنسي ان باريس قلقة. وقالت وزارة الخارجية ان الوزير سيزور بغداد.")[
        "وزارة الخارجية"] == "foreign_ministry"


def test_arabic_agency_initials_and_the_one_told_are_not_subject_or_targets(nlp):
    """Wire credits (dev texts): "(د.ب.أ)" is the German agency, not three one-letter names that became targets, and
    with its addressee it comes before the content; "لوكالة فرانس برس" after an unknown subject is the one told, not
    part of the speaker; "قوات الشرطة" is one group, not two targets."""
    got = statements(nlp, "وأفاد شهود عيان لمراسل وكالة الانباء الالمانية (د.ب.أ) بأن قوات الشرطة أطلقت النار في "
                          "الهواء لتفريق المتظاهرين.")
    assert got == [("شهود عيان", "قوات الشرطة أطلقت النار في الهواء لتفريق المتظاهرين", ["قوات الشرطة", "المتظاهرين"])]
    dpa = [m for m in nlp.mentions(Article("d", "نقلت (د.ب.أ) عن مصدر", "ar"), "ar") if m.actor]
    assert [(m.text, m.actor.id) for m in dpa] == [("د.ب.أ", "dpa")]
    for told in ("لوكالة فرانس برس", "لوكالة الانباء الفرنسية", "لوكالة فرانس برس (ا ف ب)"):
        got = statements(nlp, f"وقال الوزير {told} ان الحكومة ترفض ذلك.")
        assert got[0][:2] == ("الوزير", "الحكومة ترفض ذلك"), told
    # a role's own genitive stays part of it
    assert statements(nlp, "وقال المستشار لرئيس الحكومة ان الوزارة ترفض ذلك.")[0][0] == "المستشار لرئيس الحكومة"
    # a definite plural or verbal noun after a definite subject is the object
    assert statements(nlp, "ونفى الوزير الاتهامات الموجهة الى الحكومة.")[0][:2] == (
        "الوزير", "الاتهامات الموجهة الى الحكومة")
    assert statements(nlp, "ورفض الجيش الانصياع للقرار.")[0][0] == "الجيش"
    # two people joined by "و" are two targets
    got = statements(nlp, "وقال مسؤولون ان إبراهيم هويدي وقاسم الريمي قتلا في الغارة.")
    assert got[0][2] == ["إبراهيم هويدي", "قاسم الريمي"]


def test_arabic_office_held_at_a_body_runs_on_to_its_holder(nlp):
    """An office mention held "لدى"/"في" a body or a place, then its holder's name: the speaker is the whole phrase
    and neither the body nor the name is a target (dev texts); with no name, the post before "ان" is the speaker's."""
    got = statements(nlp, "أكد السفير الأميركي لدى الأمم المتحدة زلماي خليلزاد، أن اندلاع القتال الأخير خطير.")
    assert got[0][:2] == ("السفير الأميركي لدى الأمم المتحدة زلماي خليلزاد", "اندلاع القتال الأخير خطير")
    got = statements(nlp, "أكد القنصل السعودي في اسطنبول، عبد الوهاب شيخ لـ«الشرق الأوسط» عدم إصابة أي من الرعايا.")
    assert got[0][:3] == ("القنصل السعودي في اسطنبول، عبد الوهاب شيخ", "عدم إصابة أي من الرعايا", [])
    assert statements(nlp, "وقال السفير الأميركي لدى الأمم المتحدة ان القتال خطير.")[0][:3] == (
        "السفير الأميركي لدى الأمم المتحدة", "القتال خطير", [])
    # a name in apposition may end in a definite family name; a role's own body is no name
    assert statements(nlp, "وقال وزير الخارجية الفرنسي، عبد الله الرفاعي، ان الحكومة فشلت.")[0][0] == \
        "وزير الخارجية الفرنسي، عبد الله الرفاعي"
    got = statements(nlp, "قال قائد وحدات النخبة في حرس الثورة الجنرال محمد علي جعفري للتلفزيون الرسمي أمس «لن "
                          "نتراجع».")
    assert got[0][0] == "قائد وحدات النخبة في حرس الثورة الجنرال محمد علي جعفري"


def test_arabic_verb_after_when_and_the_one_accused(nlp):
    """A reporting verb after "عندما" has no subject before it ("ان يغادر عندما" had been the speaker) and, with
    none after it, takes its clause's subject; "اتهم X بـ..." has X accused, not accusing; "حتى" leads a clause."""
    assert statements(nlp, "وكان الوزير قد قرر ان يغادر عندما أعلن الرئيس ان الحكومة فشلت.")[0][:2] == (
        "الرئيس", "الحكومة فشلت")
    got = statements(nlp, "هذه القارة كانت مجهولة للكثيرين، حتى قرر الشيخ تاج الدين الهلالي أن يفتح العلاقة عندما "
                          "أعلن أن النساء يتعرضن للخطر.")
    assert got[0][:2] == ("الشيخ تاج الدين الهلالي", "النساء يتعرضن للخطر")
    assert statements(nlp, "وغادر الوزير القاعة عندما اتهم النواب بالفساد.")[0][0] == "الوزير"
    assert all(sp != "روسيا" for sp, *_ in statements(nlp, "واتهمت روسيا بارتكاب جرائم حرب."))
    # a subject before its object still accuses; so does an indefinite subject
    assert statements(nlp, "واتهمت الحكومة المعارضة بالفساد.")[0][0] == "الحكومة"
    assert statements(nlp, "وعلى صعيد آخر، اتهمت لجنة برلمانية تركية أمس قوات الامن بـ«الإهمال».")[0][0] == \
        "لجنة برلمانية تركية"


@pytest.mark.parametrize("text, speaker, content", [
    # the one told after a held office is no holder (another country's person): the office runs over its post, the
    # one told is skipped like an addressee
    ("وأبلغ السفير الأميركي لدى إسرائيل رئيس الوزراء بنيامين نتنياهو أن واشنطن تعارض الاستيطان.",
     "السفير الأميركي لدى إسرائيل", "واشنطن تعارض الاستيطان"),
    # a body after ل is the subject's own ("the North's state TV"); an outlet after a role is the one told
    ("وقال التلفزيون الرسمي لكوريا الشمالية إن بيونغ يانغ أجرت تجربة نووية.", "التلفزيون الرسمي لكوريا الشمالية",
     "بيونغ يانغ أجرت تجربة نووية"),
    ("وقال المتحدث لقناة الجزيرة إن الحكومة ترفض.", "المتحدث", "الحكومة ترفض"),
    # a feminine plural adjective or a family name in -ات ends the subject before إن
    ("وقالت النساء المتظاهرات إن الشرطة اعتدت عليهن.", "النساء المتظاهرات", "الشرطة اعتدت عليهن"),
    ("وقال النائب العبيدات إن الحكومة فشلت.", "النائب العبيدات", "الحكومة فشلت"),
    # an unknown name after a posted office and its place; initials (the short name in brackets is part of the
    # speaker, session 71) and a quoted addressee before the content
    ("وقال سفير فلسطين في القاهرة، دياب اللوح، إن السلطة ترفض.", "سفير فلسطين في القاهرة، دياب اللوح", "السلطة ترفض"),
    ("وأضافت (د.ب.أ) أن الانفجار وقع صباحا.", "د.ب.أ", "الانفجار وقع صباحا"),
    ("ذكرت وكالة الأنباء الألمانية (د.ب.أ) أن الانفجار وقع صباحا.", "وكالة الأنباء الألمانية (د.ب.أ)",
     "الانفجار وقع صباحا"),
    ("وقال الوزير لـ«الحياة» إن الحكومة ترفض.", "الوزير", "الحكومة ترفض"),
    # (second review) the object of the first verb is no holder's name; a role holder is taken only right before أن
    ("وزار الوزير مستشفى المدينة، وقال إن الجرحى يتلقون العلاج.", "الوزير", "الجرحى يتلقون العلاج"),
    # a definite plural before a comma or the sentence end is the object
    ("ونفى المتحدث الاتهامات، وقال إن الحكومة ملتزمة بحقوق الانسان.", "المتحدث", "الاتهامات"),
    ("ونفى المسؤول الاتهامات.", "المسؤول", "الاتهامات"),
    # "اتهم X Y بـ": a name starting with با and a ب-adverb are no complement
    ("واتهمت الهند باكستان بدعم الجماعات المسلحة في كشمير.", "الهند", None),
    ("واتهمت اسرائيل بالمقابل حركة حماس بخرق التهدئة.", "اسرائيل", None),
    # after "when": no inanimate or plural-subject speaker, no passive, no "وفقا لما"
    ("وصفق الحاضرون طويلا عندما أعلن أن الحرب انتهت.", None, None),
    ("وارتفعت أسعار النفط بعدما أكدت أن الخفض سيستمر عاما.", None, None),
    ("واعتقل الصحافي بعدما اتهم بالتجسس لصالح جهة أجنبية.", None, None),
    ("وارتفع عدد القتلى الى خمسين شخصا وفقا لما أعلن أمس.", None, None),
    ("وتوجه الوزير الى المطار بعدما أكد أنه سيشارك في القمة.", "الوزير", "سيشارك في القمة"),
    # "حتى" as "even" still leaves the subject; the occasion between the subject and أن is no content
    ("حتى الرئيس نفسه اعترف بالخطأ، وقال إن الحكومة ستصحح المسار.", "الرئيس", "الحكومة ستصحح المسار"),
    ("وأكد المتحدث حين سئل عن مصير المعتقلين أن التحقيق مستمر.", "المتحدث", "التحقيق مستمر"),
    # two bodies joined by "وال" speak each; a posted chargé d'affaires runs over his post
    ("وقال القائم بالأعمال الأميركي في دمشق إن السفارة ستغلق.", "القائم بالأعمال الأميركي في دمشق", "السفارة ستغلق"),
    # (already wrong before this session, found by the second review) the journalists told are no part of the
    # speaker; a body in construct with an indefinite role is; another country's person is no holder
    ("وقال الوزير للصحافيين «لن نتراجع عن القرار».", "الوزير", "«لن نتراجع عن القرار»"),
    ("وقال المتحدث للتلفزيون الرسمي إن الجيش انسحب.", "المتحدث", "الجيش انسحب"),
    ("واتهم زعيم حزب الله اسرائيل بخرق الهدنة.", "زعيم حزب الله", "اسرائيل بخرق الهدنة"),
    ("وهاجم وزير الخارجية الايراني نتنياهو، وقال إن اسرائيل تكذب.", "وزير الخارجية الايراني", None),
    # a short bracket after the speaker (a kunya: part of the speaker since session 71; a sect, a place) and a clause
    # on the occasion are no content
    ("وقال الرئيس الفلسطيني محمود عباس (أبو مازن) إن المفاوضات متوقفة.", "الرئيس الفلسطيني محمود عباس (أبو مازن)",
     "المفاوضات متوقفة"),
    ("وقال النائب علي حسن خليل (الشيعي) إن الحكومة فشلت.", "النائب علي حسن خليل", "الحكومة فشلت"),
    ("وقالت الوزارة في بيان، صدر مساء أمس، إن الهجوم فاشل.", "الوزارة", "الهجوم فاشل"),
    # (third review) the content after "في بيان، إن" keeps its first half; a plural or a non-role noun takes no body;
    # a body with its ب-complement is the one accused; where the speaker is posted is not content
    ("وقال الوزير في بيان، إن الحكومة قررت التأجيل، لأن الظروف غير مواتية.", "الوزير",
     "الحكومة قررت التأجيل، لأن الظروف غير مواتية"),
    ("وانتقد مسؤولون الأمم المتحدة لتقاعسها.", "مسؤولون", "الأمم المتحدة لتقاعسها"),
    ("واتهم مسؤول حماس بالوقوف وراء الهجوم.", "مسؤول", "حماس بالوقوف وراء الهجوم"),
    ("وقال مبعوث الأمم المتحدة لدى اليمن إن الحوار مستمر.", "مبعوث الأمم المتحدة", "الحوار مستمر"),
    ("وقال وزير الخارجية الأميركي في القاهرة إن واشنطن تدعم الحوار.", "وزير الخارجية الأميركي",
     "واشنطن تدعم الحوار"),
    ("وقال المدير العام للوكالة إن الحوار مستمر.", "المدير العام للوكالة", "الحوار مستمر"),
    # (fourth review) the one told after a longer role; a body with a ب-complement that is no accusation; another
    # country's person followed by a clitic word is the object; "بأن" after an occasion clause
    ("وقال وزير الخارجية للصحافيين إن بلاده لن تتراجع.", "وزير الخارجية", "بلاده لن تتراجع"),
    ("وقال المتحدث باسم الجيش للتلفزيون الرسمي إن القوات انسحبت.", "المتحدث باسم الجيش", "القوات انسحبت"),
    ("وندد مسؤول حماس بالغارة الاسرائيلية.", "مسؤول حماس", "بالغارة الاسرائيلية"),
    ("وانتقد الرئيس الأميركي أردوغان لأنه يدعم الاخوان.", "الرئيس الأميركي", "أردوغان لأنه يدعم الاخوان"),
    ("وهاجم وزير الخارجية الايراني نتنياهو وقال إن اسرائيل تكذب.", "وزير الخارجية الايراني", "نتنياهو"),
    ("وأفادت الوزارة في بيان، صدر اليوم، بأن الهجوم أسفر عن مقتل ثلاثة.", "الوزارة", "الهجوم أسفر عن مقتل ثلاثة"),
])
def test_arabic_review_cases_of_session_10(nlp, text, speaker, content):
    got = statements(nlp, text)
    if speaker is None:
        assert got == []
        return
    assert got[0][0] == speaker
    if content is not None:
        assert got[0][1] == content


@pytest.mark.parametrize("text, speaker, actor, content", [
    # a source held in a known body speaks for it; a place is no body ("في الموصل")
    ("وقال مسؤول في حماس إن الحركة ترفض التهدئة.", "مسؤول في حماس", "hamas", "الحركة ترفض التهدئة"),
    ("وقال مسؤول كبير في حماس لرويترز إن الحركة ترفض التهدئة.", "مسؤول كبير في حماس", "hamas",
     "الحركة ترفض التهدئة"),
    ("وقالت مصادر في وزارة الدفاع إن الهجوم فشل.", "مصادر في وزارة الدفاع", None, "الهجوم فشل"),
    ("وقال مصدر أمني رفيع المستوى بحركة فتح، إن الحركة ترفض.", "مصدر أمني رفيع المستوى بحركة فتح", "PSEPTY",
     "الحركة ترفض"),
    ("وقال مصدر أمني في الموصل إن الهجوم فشل.", "مصدر أمني", None, None),
    # a part of a body with the body after ل (in quotes too) speaks for it; a news outlet after ل is the one told
    ("وقال المكتب السياسي لـ«حماس» إن الاحتلال يتحمل المسؤولية.", "المكتب السياسي لـ«حماس»", "hamas",
     "الاحتلال يتحمل المسؤولية"),
    ("وقال المكتب السياسي لحركة حماس إن الاحتلال يتحمل المسؤولية.", "المكتب السياسي لحركة حماس", "hamas",
     "الاحتلال يتحمل المسؤولية"),
    ("وقال المسؤول لرويترز إن الهجوم فشل.", "المسؤول", None, "الهجوم فشل"),
    ("وقال المتحدث باسم الوزارة لرويترز إن الهجوم فشل.", "المتحدث باسم الوزارة", None, "الهجوم فشل"),
    # a foreign person's name that goes on is the office's own holder, unknown to the dictionary (not Abbas)
    ("وقال وزير الخارجية الإيراني عباس عراقجي يوم الأحد إن بلاده مستعدة للتفاوض.",
     "وزير الخارجية الإيراني عباس عراقجي", "IRNGOV.foreign_minister", "بلاده مستعدة للتفاوض"),
    ("وقال الرئيس الفلسطيني محمود عباس إن المفاوضات متوقفة.", "الرئيس الفلسطيني محمود عباس", "mahmoud_abbas",
     "المفاوضات متوقفة"),
    # (review) a quoted name after لـ is the paper told, unless a part of a body names the whole body in the quotes;
    # a nationality names the source's country; a known body whose name starts "وكالة" is no news outlet
    ("وقال المسؤول لـ«الشرق الأوسط» إن المفاوضات ستستأنف قريبا.", "المسؤول", None, "المفاوضات ستستأنف قريبا"),
    ("وقال المتحدث لـ«روسيا اليوم» إن المفاوضات ستستأنف.", "المتحدث", None, "المفاوضات ستستأنف"),
    ("وقال مسؤول روسي في الأمم المتحدة إن موسكو ستستخدم الفيتو.", "مسؤول روسي في الأمم المتحدة", "RUS",
     "موسكو ستستخدم الفيتو"),
    ("وقال مسؤول بارز في حماس إن الحركة ترفض.", "مسؤول بارز في حماس", "hamas", "الحركة ترفض"),
    ("وقال مسؤول في الأونروا إن الوكالة تواجه أزمة.", "مسؤول في الأونروا", "unrwa", "الوكالة تواجه أزمة"),
    # (review) a foreign person's name goes on only with a word that can be a name, and "يوم" is a time word only
    # before a weekday or a date
    ("وأبلغ الرئيس الأمريكي نتنياهو أنه يعارض توسيع العملية.", "الرئيس الأمريكي", "USAGOV.president",
     "نتنياهو أنه يعارض توسيع العملية"),
    ("وهاجم الرئيس التركي نتنياهو قائلا إن اسرائيل تكذب.", "الرئيس التركي", "TURGOV.president", "نتنياهو"),
    ("وقال وزير الخارجية الإيراني عباس عراقجي الأحد إن بلاده مستعدة.", "وزير الخارجية الإيراني عباس عراقجي",
     "IRNGOV.foreign_minister", "بلاده مستعدة"),
    ("وقال منظمو يوم الأرض إن المسيرة سلمية.", "منظمو يوم الأرض", None, "المسيرة سلمية"),
    # an evaluative verb's ب-complement is no part of its subject; a second role with a ب-complement is the object
    ("وأشاد الوزير بموقف السعودية.", "الوزير", None, "بموقف السعودية"),
    ("ورحب الأمين العام للأمم المتحدة بالاتفاق.", "الأمين العام للأمم المتحدة", "united_nations", "بالاتفاق"),
    ("واتهم المحامي القاضي بالانحياز للحكومة.", "المحامي", None, "القاضي بالانحياز للحكومة"),
    ("وقال المتحدث باسم الوزارة بيار بايل إن الضربات مستمرة.", "المتحدث باسم الوزارة بيار بايل", None,
     "الضربات مستمرة"),
    ("ودعت لجنة الداخلية بمجلس النواب الى عقد اجتماع طارئ.", "لجنة الداخلية بمجلس النواب", None,
     "الى عقد اجتماع طارئ"),
    # a newspaper is its name with its head; a paper written on ل after a document is the document's author
    ("وانتقدت صحيفة نيويورك تايمز سياسة ترامب.", "صحيفة نيويورك تايمز", "new_york_times", "سياسة ترامب"),
    # (second review) "يوم" of a day is a time word everywhere a subject ends; a whole body in quotes after a role
    # is its own; a subject's own ب-phrase ("المكلف بـ", "المعنية بـ") and a name starting with ب stay in it, the
    # complement is the last ب-phrase; a paper's nationality is part of its name; an office's unknown holder
    ("وأعلنت وزارة الصحة يوم الثلاثاء أن عدد الضحايا ارتفع.", "وزارة الصحة", None, "عدد الضحايا ارتفع"),
    ("وقال مصدر عسكري يوم الأحد إن الهجوم فشل.", "مصدر عسكري", None, "الهجوم فشل"),
    ("وقال الوزير يوم أمس إن الحكومة ترفض.", "الوزير", None, "الحكومة ترفض"),
    ("وقال الأمين العام لـ«حزب الله» حسن نصر الله إن المقاومة مستمرة.",
     "الأمين العام لـ«حزب الله» حسن نصر الله", "hassan_nasrallah", "المقاومة مستمرة"),
    ("وقال رئيس المكتب السياسي لـ«حماس» إن الحركة ترفض.", "رئيس المكتب السياسي لـ«حماس»", "hamas", "الحركة ترفض"),
    ("ورحبت الهيئة المستقلة المعنية بمراقبة الانتخابات بالقرار.", "الهيئة المستقلة المعنية بمراقبة الانتخابات",
     None, "بالقرار"),
    ("وطالب النائب بإجراء تحقيق بالحادثة.", "النائب", None, "بإجراء تحقيق بالحادثة"),
    ("ورحب المبعوث المكلف بالملف السوري بالقرار.", "المبعوث المكلف بالملف السوري", None, "بالقرار"),
    ("واتهم الأمين العام لـ«حزب الله» سمير جعجع بالتآمر على المقاومة.", "الأمين العام لـ«حزب الله»", "hezbollah",
     "سمير جعجع بالتآمر على المقاومة"),
    ("واتهمت منظمة العفو الدولية السعودية بقمع المعارضين.", "منظمة العفو الدولية", "amnesty_international",
     "السعودية بقمع المعارضين"),
    ("وأعلنت وزارة الصحة يوم 12 تموز أن الإصابات تراجعت.", "وزارة الصحة", None, "الإصابات تراجعت"),
    # (fourth review) أشاد has no object before its ب: the name after the role is its holder; a headless name takes
    # either gender of nationality; a number after a weekday is content unless a month follows; a people is no
    # unknown name, and its government can portray it
    ("وأشاد الأمين العام لـ«الجامعة العربية» أحمد أبو الغيط بجهود مصر.",
     "الأمين العام لـ«الجامعة العربية» أحمد أبو الغيط", "ar_abw_alghyt", "بجهود مصر"),
    ("وقالت هيومن رايتس ووتش الأمريكية إن الحكومة تقمع المعارضين.", "هيومن رايتس ووتش الأمريكية",
     "human_rights_watch", "الحكومة تقمع المعارضين"),
    ("وأعلنت وزارة الصحة يوم الأحد 25 إصابة جديدة بفيروس كورونا.", "وزارة الصحة", None,
     "25 إصابة جديدة بفيروس كورونا"),
    ("وقال سوريون فروا من حلب إن القصف لم يتوقف.", "سوريون", "SYR", None),
    # (fifth review) وصف has an object before its ب; a body on ب with no known actor is the complement; dates
    ("ووصف الأمين العام لـ«حزب الله» سمير جعجع بالعميل.", "الأمين العام لـ«حزب الله»", "hezbollah",
     "سمير جعجع بالعميل"),
    ("ورحب المتحدث بلجنة التحقيق بشأن الهجوم.", "المتحدث", None, "بلجنة التحقيق بشأن الهجوم"),
    ("وأعلنت الوزارة يوم الأحد 12/3/2023 ارتفاع عدد الإصابات.", "الوزارة", None, "ارتفاع عدد الإصابات"),
    ("وقال الجيش يوم الاثنين 3 من أيار إنه أسقط طائرة مسيرة.", "الجيش", None, "أسقط طائرة مسيرة"),
    ("وأعلنت وزارة الصحة يوم الأحد 1,200 إصابة جديدة.", "وزارة الصحة", None, "1,200 إصابة جديدة"),
    ("وأعلنت الوزارة يوم الخميس 2.5 مليار دولار.", "الوزارة", None, "2.5 مليار دولار"),
    ("وأعلنت وزارة الصحة يوم 12 تموز 2014 أن الإصابات تراجعت.", "وزارة الصحة", None, "الإصابات تراجعت"),
    ("وطالب رئيس المجلس البلدي ببغداد بتدخل دولي.", "رئيس المجلس البلدي ببغداد", None, "بتدخل دولي"),
    ("وانتقدت صحيفة لوموند الفرنسية سياسة ماكرون.", "صحيفة لوموند الفرنسية", "le_monde", "سياسة ماكرون"),
    ("وأبلغ الرئيس الأمريكي نتنياهو هاتفيا أن واشنطن تعارض العملية.", "الرئيس الأمريكي", "USAGOV.president",
     None),
    ("وقال المتحدث باسم وزارة الخارجية الفرنسية بيار بايل إن الضربات مستمرة.",
     "المتحدث باسم وزارة الخارجية الفرنسية بيار بايل", "FRAGOV.foreign_ministry_spokesperson", "الضربات مستمرة"),
    ("وقال وزير الخارجية الفرنسي، جان إيف لودريان، إن فرنسا ترفض.", "وزير الخارجية الفرنسي، جان إيف لودريان",
     "jean_yves_le_drian", "فرنسا ترفض"),
])

def test_arabic_sources_bodies_and_outlets(nlp, text, speaker, actor, content):
    got = nlp.statements(Article("d", text, "ar"))
    assert got[0].speaker.text == speaker
    assert (got[0].speaker.actor.id if got[0].speaker.actor else None) == actor
    if content is not None:
        assert got[0].content.text == content


def test_the_author_of_a_document_on_la_speaks_for_it(nlp):
    got = nlp.statements(Article("d", "رفضت باكستان امس تقريرا لصحيفة نيويورك تايمز ذكر أن وكالات مخابرات أميركية "
                                      "خلصت الى ذلك.", "ar"))
    assert [(st.speaker.text, st.speaker.actor.id) for st in got] == \
        [("باكستان", "PAK"), ("صحيفة نيويورك تايمز", "new_york_times")]
    assert "صحيفة نيويورك تايمز" in [t.text for t in got[0].targets]
    # after an appeal or a letter, ل names whom it is sent to, not its author
    got = nlp.statements(Article("d", "ووجه الرئيس اللبناني نداء للمجتمع الدولي طالب فيه بوقف العدوان.", "ar"))
    assert [st.speaker.actor.id for st in got] == ["LBNGOV.president"]


def test_a_government_portrays_its_own_people(nlp):
    """A speaker's own country as a whole is no target of his, its people are ("بقتل المصريين")."""
    (st,) = nlp.statements(Article("d", "وندد الرئيس المصري بقتل المصريين في ليبيا.", "ar"))
    assert [(t.text, t.actor.id) for t in st.targets] == [("المصريين", "EGY")]
    (st,) = nlp.statements(Article("d", "وقال الرئيس المصري إن الجيش لن يتراجع امام تهديدات مصر.", "ar"))
    assert "مصر" not in [t.text for t in st.targets]
    # (fifth review) a people speaking is no target of itself; a nationality after a noun is no people
    (st,) = nlp.statements(Article("d", "وقال يمنيون إن اليمنيين يعانون من الجوع.", "ar"))
    assert st.speaker.actor.id == "YEM" and st.targets == ()
    (st,) = nlp.statements(Article("d", "وأعلن الجيش الإسرائيلي إسقاط صاروخين إسرائيليين.", "ar"))
    assert st.targets == ()
    # (sixth review) a country speaking about its people keeps them
    (st,) = nlp.statements(Article("d", "وأكدت مصر حرصها على سلامة المصريين العالقين في السودان.", "ar"))
    assert [(t.text, t.actor.id) for t in st.targets] == [("المصريين", "EGY")]


def test_arabic_two_bodies_joined_by_wa_both_speak(nlp):
    got = statements(nlp, "وقالت حركة فتح والجبهة الشعبية في بيان مشترك إن الاحتلال يتحمل المسؤولية.")
    assert [g[0] for g in got] == ["حركة فتح", "الجبهة الشعبية"]


@pytest.mark.parametrize("text, expected", [
    # a second statement after a comma ends the first one's content ("...، اشار سكان الى ان")
    ("وفيما قال الجيش الاميركي ان القتلى مسلحون يهربون اسلحة من ايران، اشار سكان الى ان القصف طال منازل.",
     [("الجيش الاميركي", "القتلى مسلحون يهربون اسلحة من ايران"), ("سكان", "القصف طال منازل")]),
    # the occasion, place or addressee between the speaker and its "ان" is no content
    ("وأشار الوزير في كلمته امام البرلمان الى ان ايران تهدد المنطقة.",
     [("الوزير", "ايران تهدد المنطقة"), ("ايران", "المنطقة")]),
    ("وقال الرائد سلام زنكنة من شرطة المدينة، ان «22 شخصا على الاقل قتلوا».",
     [("الرائد سلام زنكنة", "«22 شخصا على الاقل قتلوا»")]),
    # but not a topic ("تحدث عن"), an object ("ينكر على"), a purpose ("لايجاد") or an "أن" before a verb
    ("وينكر الظواهري على حماس أن صواريخها قد تقتل الأبرياء.",
     [("الظواهري", "على حماس أن صواريخها قد تقتل الأبرياء")]),
    ("وحسبما يفيد أولبرايت فإن من شأن الهجوم الأميركي أن ينتج عنه دعم أكبر لإيران.",
     [("أولبرايت", "من شأن الهجوم الأميركي أن ينتج عنه دعم أكبر لإيران")]),
    # an imperfect "يتابع" (follows, tracks) is no continuation of speech; "ويتابع" is
    ("وأشار موقع مستقل على الانترنت يتابع القتلى العسكريين الى أن 13 جنديا قتلوا.",
     [("موقع مستقل", "على الانترنت يتابع القتلى العسكريين الى أن 13 جنديا قتلوا")]),
])
def test_arabic_content_after_its_complementiser_and_a_second_speaker(nlp, text, expected):
    assert [(speaker, content) for speaker, content, _ in statements(nlp, text)][: len(expected)] == expected


def test_arabic_participle_after_a_peoples_gathering(nlp):
    """A protest participle ("معبرين عن", plural forms generated by tools/build_cues.py) takes the people that opens
    the sentence as its speaker; a people named later in an object phrase is no clause subject."""
    got = statements(nlp, "وتجمع عشرات الفلسطينيين في ميدان المنارة وسط مدينة رام الله، معبرين عن رفضهم لاي فيتو "
                          "اميركي محتمل.")
    assert [(g[0], g[1]) for g in got] == [("عشرات الفلسطينيين", "عن رفضهم لاي فيتو اميركي محتمل")]
    got = statements(nlp, "وتحتاج إلى شجاعة في مواجهة الذين يتلاعبون بمصير الفلسطينيين، كما ظهر في الإضراب الذي نفذه "
                          "الصحافيون الفلسطينيون احتجاجاً على اختطاف زميلهم.")
    assert [g[0] for g in got] == ["الصحافيون الفلسطينيون"]


@pytest.mark.parametrize("text, speaker, target", [
    # (review of session 12) a preamble that names what the statement answers keeps it as content and target
    ("وقال المتحدث باسم الخارجية الايرانية في رده على اتهامات واشنطن ان هذه الاتهامات لا اساس لها من الصحة.",
     "المتحدث باسم الخارجية الايرانية", "واشنطن"),
    ("وقال الرئيس الفلسطيني محمود عباس في تعليقه على قرار الحكومة الاسرائيلية ان هذا القرار يقوض عملية السلام.",
     "الرئيس الفلسطيني محمود عباس", "الحكومة الاسرائيلية"),
    ("وقال الوزير بعد لقائه وزير الخارجية الايراني ان المحادثات كانت بناءة.", "الوزير", "وزير الخارجية الايراني"),
    # "الى" + a noun is what the speaker pointed to; "من غير المقبول ان" is "it is unacceptable that"
    ("وأشار المتحدث الى رفض ايران ان تتعاون مع المفتشين الدوليين.", "المتحدث", "ايران"),
    ("وتابع المتحدث من غير المقبول ان تواصل اسرائيل بناء المستوطنات.", "المتحدث", "اسرائيل"),
])
def test_arabic_preamble_that_is_the_topic_stays_content(nlp, text, speaker, target):
    got = statements(nlp, text)
    assert got[0][0] == speaker and target in got[0][2]


@pytest.mark.parametrize("text, expected", [
    # a comma between a reported subject and its verb is no new statement; the name Ali is no preposition
    ("وقال المتحدث ان الحكومة العراقية، اكدت التزامها بالاتفاق مع اقليم كردستان.", ["المتحدث"]),
    ("وقال الرئيس ان تركيا، اعلنت استعدادها للوساطة بين روسيا واوكرانيا.", ["الرئيس"]),
    # a participle takes the clause's subject, not a people acted upon; adjectives and nouns are no participles
    ("ويعيش ملايين السوريين في مخيمات اللجوء منذ سنوات، فيما تواصل الامم المتحدة مناشدة المانحين، محذرة من كارثة "
     "انسانية.", ["الامم المتحدة"]),
    ("واعتقل عشرات الفلسطينيين خلال مداهمات نفذها الجيش الاسرائيلي في الضفة الغربية، متهما اياهم بالتخطيط لهجمات.",
     ["الجيش الاسرائيلي"]),
    ("ونشرت وكالة رويترز صورة معبرة عن معاناة اللاجئين السوريين في لبنان.", []),
    ("وانقسمت الصحافة الاسرائيلية بين مؤيدين ومنتقدين لقرار نتنياهو.", []),
])
def test_arabic_session_12_review_cases(nlp, text, expected):
    assert [g[0] for g in statements(nlp, text)] == expected


def test_arabic_name_ali_in_a_preamble_is_no_topic(nlp):
    got = statements(nlp, "وقال مسؤول الاعلام في الحزب عبد الغني علي ان سيارة مفخخة انفجرت قرب مقر الحزب.")
    assert got[0][1] == "سيارة مفخخة انفجرت قرب مقر الحزب"


def test_arabic_act_reported_after_a_source_and_fa_inna(nlp):
    """"وحسب المصادر فان X فعل": the act is inside the source's content (as after "ان"), and a statement of its own."""
    got = statements(nlp, "وحسب المصادر، فان المبعوثة طلبت من الحكومة زيارة مدينة بورتسودان.")
    assert [(g[0], g[1]) for g in got] == [
        ("المصادر", "المبعوثة طلبت من الحكومة زيارة مدينة بورتسودان"),
        ("المبعوثة", "من الحكومة زيارة مدينة بورتسودان")]


@pytest.mark.parametrize("text, expected", [
    # "متهمين" accusing (an object follows) is a participle of the gathered people, not a name or a group; the NER's
    # trailing preposition ("الفلسطينيين امام") is no part of the mention
    ("وتجمع عشرات الفلسطينيين امام السفارة الاميركية، متهمين واشنطن بدعم الاحتلال.",
     [("عشرات الفلسطينيين", "واشنطن بدعم الاحتلال", ["واشنطن", "الاحتلال"])]),
    # accused (before ب, after a preposition) it is no cue
    ("وقالت محامية عالمة باكستانية متهمة بمحاولة قتل أميركيين إنها تعتقد بأن موكلتها تعرضت للتعذيب.",
     [("محامية عالمة باكستانية", None, None)]),
])
def test_arabic_accusing_and_accused(nlp, text, expected):
    got = statements(nlp, text)
    assert len(got) == len(expected)
    for (speaker, content, targets), want in zip(got, expected):
        assert speaker == want[0]
        assert want[1] is None or content == want[1]
        assert want[2] is None or targets == want[2]


@pytest.mark.parametrize("text, speaker", [
    # after a comma, a participle takes the subject of the verb that opens its clause: a role, a body, a group
    ("واستقبل الرئيس الوفد الاميركي، رافضين اي تدخل في الشؤون الداخلية لبلاده.", "الرئيس"),
    ("ووقف النواب دقيقة صمت، معبرين عن تضامنهم مع الضحايا.", "النواب"),
    ("واصدرت وزارة الصحة بيانا حول غارات قوات الاحتلال، محذرة من كارثة.", "وزارة الصحة"),
    # a singular participle is not a counted group's
    ("واعتقل عشرات الفلسطينيين خلال مداهمات نفذها الجيش الاسرائيلي في الضفة الغربية، متهما اياهم بالتخطيط لهجمات.",
     "الجيش الاسرائيلي"),
])
def test_arabic_participle_after_a_comma_takes_its_clause_subject(nlp, text, speaker):
    assert [g[0] for g in statements(nlp, text)] == [speaker]


@pytest.mark.parametrize("text, expected", [
    # a dev text (ar-dev-e4ce24dcbf16): the participle after a relative clause of speaking is its speaker's, not the
    # ambassador's who spoke before in the sentence
    ("وقال السفير سلطانية ان بلاده تتعاون مع الوكالة، بعد الجلسة التي خاطبها مدير عام الوكالة محمد البرادعي، "
     "موضحا ان ايران تسعى لتطوير اسلحتها.", ["السفير سلطانية", "محمد البرادعي"]),
    # a train text (ar-train-21037195d9e7): a title and a name the dictionary lacks
    ("وقال العصيمي حول التصريح الذي أدلى به النائب العراقي رضا جواد تقي، موضحاً فيه تعرض ابنه للضرب من قبل رجال "
     "الهيئة، «هذا الكلام غير صحيح».", ["العصيمي", "النائب العراقي رضا جواد تقي"]),
    # (guards) a relative clause that says nothing: the participle is the sentence's speaker's
    ("وقال السفير سلطانية ان بلاده تتعاون مع الحكومة التي يرأسها نوري المالكي، موضحا ان ايران تسعى للسلام.",
     ["السفير سلطانية", "السفير سلطانية"]),
])
def test_arabic_participle_after_a_relative_clause_of_speaking(nlp, text, expected):
    assert [g[0] for g in statements(nlp, text)] == expected


@pytest.mark.parametrize("text, expected", [
    # (second review of session 12) after "حسب X فان", the reported actor goes on speaking, not the source
    ("وحسب الصحيفة، فان الوزير انتقد قرار البرلمان، محذرا من عواقبه على الاقتصاد.",
     ["الصحيفة", "الوزير", "الوزير"]),
    # "متهمة" + object + charge accuses; + a preposition or its charge alone, it is "accused"
    ("وأصدرت وزارة الخارجية السورية بيانا، متهمة بيروت بايواء المسلحين.", ["وزارة الخارجية السورية"]),
    ("واستدعت الخارجية الباكستانية السفير الهندي، متهمة بعض المسؤولين الهنود بالتحريض.", ["الخارجية الباكستانية"]),
    ("وتجمع أهالي متهمين امام المحكمة، مطالبين بالافراج عنهم.", ["أهالي"]),
    ("وبرأت المحكمة متهما في قضية اغتيال الصحافي.", []),
    # a name ending in "امام" keeps it
    ("وقال الفنان عادل امام ان السينما المصرية تمر بأزمة حقيقية.", ["الفنان عادل امام"]),
    # a place visited before the subject is no participle's speaker; "حين" alone (when) opens no clause of its own;
    # the whole body's name
    ("وزار القاهرة وزير الخارجية الفرنسي، مشيدا بدور مصر في الوساطة.", ["وزير الخارجية الفرنسي"]),
    ("وأضرب عمال المصنع عن العمل حين قررت الحكومة خفض الاجور، مطالبين بزيادة رواتبهم.", ["عمال المصنع"]),
    ("ووجهت النيابة العامة اتهامات لخمسة ضباط، متهمة إياهم بقتل المتظاهرين.", ["النيابة العامة"]),
])
def test_arabic_second_review_of_session_12(nlp, text, expected):
    assert [g[0] for g in statements(nlp, text)] == expected


@pytest.mark.parametrize("text, content", [
    # an outlet told in quotes inside the occasion ("في حديثه لـ«الحياة» ان") or before the content is no content
    ("وقال الوزير اللبناني في حديث لـ«الحياة» ان سوريا لن تتدخل. واضاف في حديثه لـ«الحياة» ان سوريا تدعم الحوار.",
     ["سوريا لن تتدخل", "سوريا تدعم الحوار", "الحوار"]),
    ('وقال مسؤول في الوزارة لـ"الشرق الاوسط" ان الحكومة ترفض.', ["الحكومة ترفض"]),
])
def test_arabic_quoted_outlet_told_before_the_content(nlp, text, content):
    assert [g[1] for g in statements(nlp, text)] == content


@pytest.mark.parametrize("text, expected", [
    # the one interviewing is neither the speaker nor a target; a call with a counterpart keeps the counterpart
    # (his own country, the subject the content opens with, is his target: test_own_country_as_subject)
    ("وقال الرئيس الاسد في مقابلة مع قناة الجزيرة ان سوريا لن تتراجع.",
     [("الرئيس الاسد", "سوريا لن تتراجع", ["سوريا"])]),
    ("وقال الرئيس الاسد ان سوريا صامدة. وقال في مقابلة مع قناة الجزيرة ان سوريا لن تتراجع.",
     [("الرئيس الاسد", "سوريا صامدة", ["سوريا"]), ("الرئيس الاسد", "سوريا لن تتراجع", ["سوريا"])]),
    ("وقال الوزير في اتصال مع نظيره الروسي ان موسكو تدعم الحل.",
     [("الوزير", "مع نظيره الروسي ان موسكو تدعم الحل", ["الروسي"]), ("موسكو", "الحل", [])]),
    ("وقال الوزير في حديثه مع نظيره الروسي ان موسكو تدعم الحل.",
     [("الوزير", "مع نظيره الروسي ان موسكو تدعم الحل", ["الروسي"]), ("موسكو", "الحل", [])]),
    ("وقال الوزير في حديث مع الصحافيين امس ان الحكومة ستستقيل.", [("الوزير", "الحكومة ستستقيل", ["الحكومة"])]),
])
def test_arabic_interviewer_is_no_speaker_or_target(nlp, text, expected):
    assert statements(nlp, text) == expected


@pytest.mark.parametrize("text, speaker, content", [
    # what describes an occasion up to "ان" is no content; a circumstance word ends an unknown speaker phrase
    ("وقال الوزير في مؤتمر صحافي عقده في الرياض بأن المملكة ترفض التدخل.", "الوزير", "المملكة ترفض التدخل"),
    ("وذكر البيان في تصريحات نقلتها وكالة الانباء الرسمية ان الحكومة تدعم الحوار.", "البيان", "الحكومة تدعم الحوار"),
    ("وأكد الوزير عقب اجتماعه بنظيره المصري ان العلاقات متينة.", "الوزير", None),
])
def test_arabic_occasion_described_before_the_content(nlp, text, speaker, content):
    got = statements(nlp, text)
    assert got[0][0] == speaker and (content is None or got[0][1] == content)


@pytest.mark.parametrize("text, expected", [
    # (third review of session 12) a quoted content keeps its quotation marks; a subject named after the interview
    # speaks; connectives let the last speaker go on; a quoted addressee that is no outlet stays content
    ('وقال الوزير "ان الحكومة لن تستقيل تحت الضغط".', [("الوزير", '"ان الحكومة لن تستقيل تحت الضغط"')]),
    ("وقال متكي ان طهران لن توقف التخصيب. وقال في حديث لصحيفة الشرق الاوسط وزير الخارجية المصري احمد ابو الغيط ان "
     "القاهرة ترفض التصعيد.", [("متكي", "طهران لن توقف التخصيب"),
                               ("وزير الخارجية المصري احمد ابو الغيط", "القاهرة ترفض التصعيد"),
                               ("القاهرة", "التصعيد")]),
    ("وقال نجاد ان البرنامج النووي سلمي، فيما قال في مقابلة مع قناة العربية ان ايران سترد على اي هجوم.",
     [("نجاد", "البرنامج النووي سلمي"), ("نجاد", "ايران سترد على اي هجوم")]),
    ("وقال الرئيس الايراني ان البرنامج سلمي. وكان قال في مقابلة مع قناة الجزيرة ان ايران سترد على اي هجوم.",
     [("الرئيس الايراني", "البرنامج سلمي"), ("الرئيس الايراني", "ايران سترد على اي هجوم")]),
    ('وقال الشيخ نصرالله في تحية لـ"المقاومة الاسلامية" ان النصر قريب.',
     [("الشيخ نصرالله", 'في تحية لـ"المقاومة الاسلامية" ان النصر قريب')]),
    ("وقال في مقابلة مع قناة الجزيرة الرئيس السوري بشار الاسد ان سوريا لن تتراجع.",
     [("الرئيس السوري بشار الاسد", "سوريا لن تتراجع")]),
])
def test_arabic_third_review_of_session_12(nlp, text, expected):
    assert [(g[0], g[1]) for g in statements(nlp, text)] == expected


def test_a_body_named_again_by_its_bare_noun_is_no_target_of_itself(nlp):
    text = "وقالت حركة فتح إن الانقسام يضر بالقضية. واتهمت الحركة إسرائيل بعرقلة المصالحة."
    sts = nlp.statements(Article("d", text, "ar"))
    accuse = next(st for st in sts if st.cue is not None and st.cue.text == "واتهمت")
    sp = accuse.speaker
    assert (sp.text, sp.resolved, text[sp.start:sp.end]) == ("الحركة", False, "الحركة")
    assert sp.antecedent is not None and sp.antecedent.text == "حركة فتح" and sp.key == sts[0].speaker.key
    assert [t.text for t in accuse.targets] == ["إسرائيل"]  # never "الحركة", the speaker's own word
    out = sp.to_json()
    assert out["text"] == "الحركة" and out["antecedent"]["text"] == "حركة فتح" and "resolved" not in out


def test_arabic_anonymous_source_formula_and_source_in_a_body(nlp):
    # GSR dev: "ونقلت X عن مسؤول في الأمن الفيدرالي رفض الكشف عن هويته ان «...»": the official in the body speaks
    # (not "مسؤول في", with the body as content and a target), the formula is no statement ("الكشف" does not speak)
    # and the quotation after it is the content
    got = statements(nlp, "ونقلت الوكالة الإثيوبية الرسمية عن مسؤول في الأمن الفيدرالي رفض الكشف عن هويته ان «خمسة من "
                          "13 إثيوبياً خطفوا على أيدي رجال مسلحين الخميس اصبحوا في عهدة القوى الأمنية الإثيوبية».")
    assert [g[0] for g in got] == ["مسؤول في الأمن الفيدرالي"]
    assert got[0][1].startswith("«خمسة من 13") and "القوى الأمنية الإثيوبية" in got[0][2]  # one target, as the gold
    # the body is the source's own, never its target; a place after في is part of the source phrase too
    got = statements(nlp, "ونقلت وكالة رويترز عن مصدر في الشرطة العراقية ان المسلحين هاجموا الحاجز.")
    assert got[0][:2] == ("مصدر في الشرطة العراقية", "المسلحين هاجموا الحاجز") and "الشرطة العراقية" not in got[0][2]
    got = statements(nlp, "ونقلت الوكالة عن مسؤول في وزارة الدفاع الأميركية قوله ان طالبان تراجعت.")
    assert got[0][:3] == ("مسؤول في وزارة الدفاع الأميركية", "طالبان تراجعت", ["طالبان"])
    assert statements(nlp, "ونقلت وكالة رويترز عن مصادر في غزة ان حماس رفضت المبادرة.")[0][:2] == (
        "مصادر في غزة", "حماس رفضت المبادرة")
    # "طلب عدم ذكر اسمه" belongs to no speaker phrase and makes no statement of its own ("ذكر" is no cue here)
    got = statements(nlp, "وقال مسؤول أمني طلب عدم ذكر اسمه ان الجيش قصف مواقع المتمردين.")
    assert [g[:2] for g in got] == [("مسؤول أمني", "الجيش قصف مواقع المتمردين")]
    # (review) a cue right after the formula is kept, with the subject before the formula; the formula's "عن" is no
    # topic of a preamble; someone else's identity is no formula
    assert statements(nlp, "مسؤول رفض الكشف عن هويته قال ان الجيش قصف المتمردين.")[0][:2] == (
        "مسؤول", "الجيش قصف المتمردين")
    assert statements(nlp, "وقال مسؤول رفض الكشف عن هويته ان الجيش قصف المتمردين.")[0][:2] == (
        "مسؤول", "الجيش قصف المتمردين")
    assert statements(nlp, "وكانت السلطات قد رفضت الكشف عن هوية المهاجمين.")[0][0] == "السلطات"
    # a time word closes the source phrase
    assert statements(nlp, "ونقلت الوكالة عن مصدر في الشرطة الاثنين ان المسلحين هاجموا الحاجز.")[0][:2] == (
        "مصدر في الشرطة", "المسلحين هاجموا الحاجز")
    # refusing anything else is still a statement of refusal
    assert statements(nlp, "ورفضت الحكومة الانصياع لمطالب المعارضة.") == [
        ("الحكومة", "الانصياع لمطالب المعارضة", ["المعارضة"])]


def test_arabic_kana_subject_with_apposition_and_no_qad(nlp):
    # GSR dev: "وكان X، apposition، دعا Y": X (named right after كان) speaks and Y, after the verb, is its object
    got = statements(nlp, "وكان خوان ديل أولمو، القاضي الاسباني المكلف الارهاب، دعا نظيره المغربي الى محاكمة أحريز "
                          "بالمغرب.")
    assert got[0][0] == "خوان ديل أولمو" and got[0][1].startswith("نظيره المغربي") and "المغربي" in got[0][2]
    assert statements(nlp, "وكانت منظمة العفو الدولية، في تقرير صدر أمس، انتقدت الحكومة المصرية.")[0][:1] == (
        "منظمة العفو الدولية",)
    # (review) a subject with its own predicate before the commas is not the verb's: the presidency speaks
    assert statements(nlp, "وكان الرئيس مبارك في القاهرة، وفي بيان لها، اعلنت الرئاسة ان الزيارة ناجحة.")[0][0] \
        == "الرئاسة"
    # GSR train: كان before a verb and three commas is no subject phrase: the newspaper after its verb speaks
    got = statements(nlp, "وكان يفترض اغتيال ابومازن بواسطة سيارة مفخخة، في رام الله، واستنادا الى مصادر فلسطينية، "
                          "تقول الصحيفة ان الخطر قائم.")
    assert [g[:2] for g in got] == [("الصحيفة", "الخطر قائم")]


def test_arabic_conjoined_cue_after_despite_that_has_that_clause_subject(nlp):
    # GSR dev: "ورغم ان المعارضة كانت تشكك في ... نيات الحريري ...، وتعتبر ان": the opposition considers, not Hariri
    # (the nearest person before the verb)
    got = statements(nlp, "ورغم ان المعارضة كانت تشكك في صدق نيات الحريري في موضوع التسوية، وتعتبر ان ما كان يصدر "
                          "عنه مناورة.")
    assert got[0][:2] == ("المعارضة", "ما كان يصدر عنه مناورة")
    # a verb with its own subject is not touched
    got = statements(nlp, "ورغم ان الحكومة نفت الخبر، وقال الوزير ان الاتفاق قريب.")
    assert ("الوزير", "الاتفاق قريب") in [g[:2] for g in got]


def test_arabic_role_with_its_quoted_name(nlp):
    # GSR dev: "طالب الداعية الإسلامي «أبو عمر المصري (44 عاما)» الذي ...": the quoted name is the speaker's, not the
    # content's first words nor a target of its own statement
    got = statements(nlp, "طالب الداعية الإسلامي «أبو عمر المصري (44 عاما)» الذي اختطفته المخابرات الاميركية "
                          "بمحاكمة المسؤولين.")
    assert got[0][0] == "الداعية الإسلامي «أبو عمر المصري (44 عاما)»" and "المصري" not in got[0][2]
    assert statements(nlp, "وقال الناطق باسم الجماعة «أبو عبيدة» ان المقاومة مستمرة.")[0][:2] == (
        "الناطق باسم الجماعة «أبو عبيدة»", "المقاومة مستمرة")
    # what is quoted after a role is what was said, unless it is a name followed by ان, a relative or a comma
    assert statements(nlp, "وهتف الناشط «ارحلوا» امام السفارة.")[0][0] == "الناشط"
    assert statements(nlp, "وقال المتحدث «الهجوم فاشل» للصحفيين.")[0][0] == "المتحدث"


def test_arabic_nationality_adjective_joins_the_group_before_it(nlp):
    # sentences of the exhaustive train texts, where the gold names one target each: a group and the people or
    # nisba adjective right after it are one mention
    def mentions(text):
        return {m.text: (m.actor.id if m.actor else None) for m in nlp.mentions(Article("d", text, "ar"), "ar")}

    got = mentions("وقال المتحدث ان الجنود الأتراك قتلوا المتمردين الاكراد في الجبال")
    assert "الجنود الأتراك" in got and "المتمردين الاكراد" in got and "الأتراك" not in got
    got = mentions("وقال المسؤولون ان حركة طالبان خطفت رهينة ايطالي")
    assert "رهينة ايطالي" in got
    got = mentions("وقال المصدر ان الشرطة اعتقلت المتطرفين الاسلاميين")
    assert "المتطرفين الاسلاميين" in got
    # controls: two peoples; a body and a people (subject and object); a name and a people
    got = mentions("وقال ان الاسرائيليين الفلسطينيين")
    assert "الاسرائيليين الفلسطينيين" not in got
    got = mentions("وقال ان فرقت الشرطة اليهود بالقوة")
    assert "الشرطة اليهود" not in got and "اليهود" in got
    got = mentions("وقال ان اتهمت اسرائيل الفلسطينيين بالتصعيد")
    assert "اسرائيل الفلسطينيين" not in got
    got = mentions("وقال ان هاجم المستوطنون الفلسطينيين في الخليل")  # nominative subject, oblique object
    assert "المستوطنون الفلسطينيين" not in got
    got = mentions("وقال المتحدث باسم الجيش للتلفزيون الرسمي إن")  # a preposition: no adjective
    assert "الجيش" in got and "الجيش للتلفزيون" not in got
    # the review's cases: a country's name is no adjective; a masculine singular head takes no plural or
    # feminine adjective; an actor of its own stays one; "ألماني" has no article
    for text, apart in [("واتهم مسؤولون أميركيون روسيا بالتدخل", "روسيا"), ("واتهم ناشطون تركيا بقصف القرى", "تركيا"),
                        ("وقصف الجيش الميليشيات", "الميليشيات"), ("واتهم الجيش الأكراد", "الأكراد"),
                        ("وهاجم المتظاهرون السعودية", "السعودية"), ("واتهم الصدر الأمريكيين بقتل", "الأمريكيين"),
                        ("وقال ان الجيش الحوثية", "الحوثية")]:
        assert apart in mentions(text), text
    assert "رهينة ألماني" in mentions("وخطف مسلحون رهينة ألماني")
    assert "القادة الأكراد" in mentions("وقال ان القادة الأكراد")


def test_arabic_relayed_source_speaks_the_same_content(nlp):
    # "X نقلا عن Y ان ...": Y speaks too (the exhaustive train texts list both, or Y alone when X is a report);
    # "نقلا" is no part of X, and the content of both starts after Y (and a dash)
    got = statements(nlp, "قالت مصادر اسبانية نقلا عن مصادر في مكافحة الارهاب ان استراتيجية الإنكار الكامل التي "
                          "يتبعها المتهمون تستند الى توصيات دليل للجهاديين.")
    assert [g[0] for g in got][:1] == ["مصادر اسبانية"] and len(got) == 2 and got[1][0].startswith("مصادر")
    assert got[0][1] == got[1][1] and got[0][1].startswith("استراتيجية") and "المتهمون" in got[1][2]
    got = statements(nlp, "هذا، وافادت معلومات صحافية ـ نقلاً عن مصادر امنية ـ ان المتفجرات المضبوطة تابعة لعناصر "
                          "من الحزب السوري القومي الاجتماعي في شمال لبنان.")
    assert [g[0] for g in got] == ["معلومات صحافية", "مصادر امنية"] and got[1][1].startswith("المتفجرات")
    got = statements(nlp, "ذكرت الإذاعة نقلاً عن وزير الداخلية أن المتظاهرين هاجموا مركز الشرطة.")
    assert [g[0] for g in got] == ["الإذاعة", "وزير الداخلية"] and got[0][1].startswith("المتظاهرين")
    got = statements(nlp, "ونقلا عن مصادر امنية، فان الجيش قصف المدينة.")  # the relay opening the sentence
    assert [g[0] for g in got] == ["مصادر امنية"] and got[0][1].startswith("الجيش")
    # controls: a dash inside a rank is no relay; a source after the content stays the journalist's
    got = statements(nlp, "وقال اللفتنانت ـ جنرال ريموند أوديرنو ان قوات الأمن العراقية تقاتل القاعدة.")
    assert [g[0] for g in got] == ["اللفتنانت ـ جنرال ريموند أوديرنو"]
    got = statements(nlp, "وقال البيت الابيض ان الرئيس سيزور المنطقة، حسب وكالة الصحافة الفرنسية.")
    assert [g[0] for g in got] == ["البيت الابيض"]


def test_arabic_verb_after_a_source_phrase_opens_its_clause(nlp):
    # train text: "وحسب وكالة الصحافة الفرنسية ردد المتظاهرون ... «كلا كلا اميركا»": the protesters chant (the
    # ambiguous form "ردد" is a verb where the source phrase ends), not the agency criticising America
    got = statements(nlp, "وحسب وكالة الصحافة الفرنسية ردد المتظاهرون، الذي تقدمهم الشيخ حازم الاعرجي، «نموت وما "
                          "نتنازل» و«كلا كلا اميركا» و«كلا كلا اسرائيل».")
    assert [g[0] for g in got] == ["المتظاهرون"] and {"اميركا", "اسرائيل"} <= set(got[0][2])
    # not after "حسب ما" (its verb finds its own subject) nor far after the source word
    from stance.attribution.cues import find_cues
    from stance.text import split_sentences

    text = "وقال مسؤول حسب الصحيفة ان الجيش ردد الاتهامات."
    assert [c.text for c in find_cues(text, split_sentences(text)[0], "ar")[1]] == ["وقال", "حسب"]


def test_arabic_repeat_mentions_of_one_target_are_one(nlp):
    # exhaustive train texts, where the gold names each of these targets once: a target named again in a more marked
    # form ("للرهائن" after a preposition, "سجين" without the article) is not a second target beside "الرهائن",
    # "السجين"; nor is a bare "الجيش" beside "الجيش اللبناني" in one statement (the fuller mention stays)
    def targets(text):
        return [[t.text for t in st.targets] for st in nlp.statements(Article("d", text, "ar"))]

    got = targets("وقال البيان إن أساليب «التسويف والمماطلة وانعدام الجدية» من جانب الحكومة البريطانية أدت إلى تدهور "
                  "الحالة النفسية للرهائن مما دفع أحدهم للانتحار، وان الرهائن أصيبوا بالإحباط.")
    assert got == [["الحكومة البريطانية", "الرهائن"]]
    got = targets("وينوه العقيد ابو بكر قائلا: «اذا قام اي حارس بضرب اي سجين فانه يتعرض للعقوبة اذا ثبت اعتداؤه على "
                  "السجين».")
    assert "السجين" in got[0] and "سجين" not in got[0]
    got = targets("وقالت مصادر الحكومة ان الجيش تعرض لاعتداء فجر امس وان الجريمة استهدفت الجيش اللبناني والقوى الامنية.")
    assert "الجيش اللبناني" in got[0] and "الجيش" not in got[0]
    # of two alike (one key, one form), the first stays; "للاجئين" is "اللاجئين" after a preposition
    got = targets("وقال الوزير ان المتظاهرين رفضوا الحوار وان المتظاهرون سيقاطعون الانتخابات.")
    assert got[0] == ["المتظاهرين"]
    got = targets("وقال الوزير ان الحكومة قدمت المساعدات للاجئين وان اللاجئين عادوا الى قراهم.")
    assert "اللاجئين" in got[0] and "لاجئين" not in got[0]
    # controls: two different groups stay; so do mentions in Latin script ("John" may be another John)
    assert targets("وقال الوزير ان الشرطة اعتقلت المتظاهرين.") == [["الشرطة", "المتظاهرين"]]
    got = [[t.text for t in st.targets] for st in nlp.statements(Article("d", "The minister said John attacked "
                                                                              "John Kerry.", "en"))]
    assert got and "John" in got[0] and "John Kerry" in got[0]


def test_arabic_nationality_adjective_after_its_own_actor_is_no_second_target(nlp):
    # GSR dev: "موالين لحركة طالبان الافغانية" names the Taliban, not the Taliban and Afghanistan; Amnesty's adjective
    # names another country, and stays a second mention
    def mentions(text):
        return {m.text: (m.actor.id if m.actor else None) for m in nlp.mentions(Article("d", text, "ar"), "ar")}

    got = mentions("قال مسؤولون إن قوات الأمن الباكستانية قتلت ثلاثة متشددين موالين لحركة طالبان الافغانية امس.")
    assert got.get("حركة طالبان الافغانية") == "taliban" and "الافغانية" not in got
    assert mentions("ودانت حركة حماس الفلسطينية الهجوم").get("حركة حماس الفلسطينية") == "hamas"
    got = mentions("ودعت حركة حماس الفلسطينيين الى الوحدة.")  # a people after the actor is its object
    assert got.get("حركة حماس") == "hamas" and got.get("الفلسطينيين") == "PSE"
    got = mentions("وقالت منظمة العفو الدولية السعودية ان")
    assert "السعودية" in got


def test_arabic_country_adjective_leaves_the_country_named_later_a_target(nlp):
    # exhaustive dev texts: "هضبة الجولان السورية" qualifies the Golan, so "دمشق" later in the same statement is a
    # target of its own (one target per actor had kept the adjective only); the country again as an adjective
    # ("بأيد عراقية" after "السيطرة العراقية", train) is still one target
    def targets(text):
        return [[t.text for t in st.targets] for st in nlp.statements(Article("d", text, "ar"))]

    got = targets("وقال الوزير ان الحكومة تدعو الى الانسحاب من هضبة الجولان السورية لفك الارتباط بين طهران ودمشق.")
    assert "دمشق" in got[0] and "السورية" not in got[0]  # one target per actor: the noun (review of session 70)
    got = targets("وقال الوزير ان الانسحاب من هضبة الجولان السورية شرط لاي سلام مع سوريا.")
    assert "سوريا" in got[0] and "السورية" not in got[0]  # a name ending in يا is no adjective
    got = targets("وقال المحافظ ان محافظته تنتظر هذا اليوم لتتم السيطرة العراقية وفرض القانون بأيد عراقية.")
    assert "عراقية" not in got[0]
    # control: a country named first as a noun stays one target
    got = targets("وقال الوزير ان سوريا ترفض الانسحاب من هضبة الجولان السورية.")
    assert "سوريا" in got[0] and "السورية" not in got[0]


def test_arabic_speakers_the_rules_used_to_miss(nlp):
    # sentences of the exhaustive Arabic train texts: a demonstrative before the speaker ("هذه المصادر": the addressee
    # after it was taken for the speaker), a prosecutor with his name (a role the rules did not know), and a name the
    # NER read together with the verb before it ("ورأى حمد": the verb is the cue, the name the speaker); the last is
    # from a dev text
    for text, speaker, content in [
        ("وقالت هذه المصادر لـ«الشرق الأوسط» أمس إن خلو تقرير براميرتز الأخير من إشارات الى سوريا لافت.", "المصادر",
         "خلو تقرير براميرتز الأخير من إشارات الى سوريا لافت"),
        ("وقال المدعي العام سعيد مرتضوي ان هؤلاء الاشخاص اعدموا شنقا امس.", "المدعي العام سعيد مرتضوي",
         "هؤلاء الاشخاص اعدموا شنقا امس"),
        ("ورأى حمد أن اللياقة البدنية ستكون من العلامات المؤثرة في مسيرة المنتخب الوطني.", "حمد",
         "اللياقة البدنية ستكون من العلامات المؤثرة في مسيرة المنتخب الوطني"),
        # a role noun with its possessive ("نائبه": his deputy) heads the speaker as the bare role does
        ("وطالب نائبه السابق، افرايم سنيه، بضرب المفاعل النووي الإيراني.", "نائبه السابق، افرايم سنيه",
         "بضرب المفاعل النووي الإيراني"),
    ]:
        got = statements(nlp, text)
        assert got[0][:2] == (speaker, content), got
    # "شرح" (explained) reports words when its content is marked ("أن", a quotation, a colon); the noun "شرح" (an
    # explanation) is no cue, nor is the verb with only an object ("وشرح الوزير أسباب الأزمة"); "أدلى" is no cue
    # ("أدلى الناخبون بأصواتهم": they voted)
    got = statements(nlp, "وشرح مصدر استخباراتي رفيع، رفض كشف هويته، أن الخطة قد تتضمن إيفاد فريق من القوات الخاصة.")
    assert [s for s, _, _ in got] == ["مصدر استخباراتي رفيع"], got
    for text in ["وبعد شرح مفصل قدمه الخبراء قال الوزير إن الخطة جيدة.", "وشرح الوزير أسباب الأزمة مع إيران في مؤتمر صحفي.",
                 "وأدلى الناخبون المصريون بأصواتهم في الانتخابات الرئاسية التي يتنافس فيها السيسي وصباحي."]:
        assert [s for s, _, _ in statements(nlp, text)] == (["الوزير"] if "قال" in text else []), text
    # "ففيما قال X إن ...، قالت Y إن": the clause of contrast ends at the comma; the main verb is no part of X's words
    got = statements(nlp, "ففيما قال موقع «جبهة الخلاص الوطني» إنه اغتيل برصاص قناص على متن يخت، قالت مصادر اخرى إن "
                          "عملية الاغتيال نفذت من خلال إطلاق رصاص من بندقية مزودة بكاتم صوت.")
    assert [s for s, _, _ in got] == ["موقع «جبهة الخلاص الوطني»", "مصادر اخرى"], got
    # a demonstrative inside a quotation opens the quoted words, not a speaker's name; nor is a demonstrative's noun
    # the speaker unless it can speak (a source, a body, a role) after a verb of saying: the object, the time
    got = statements(nlp, "وقال وزير الداخلية «هذا الحادث صحيح وقد شكلنا لجنة تحقيق»")
    assert [s for s, _, _ in got] == ["وزير الداخلية"], got
    for second in ["ونفى هذه الاتهامات مؤكدا أن الحكومة بريئة.", "وانتقد هذا القرار بشدة قائلا إنه خاطئ.",
                   "وقال هذا الأسبوع إن الحكومة ستستقيل."]:
        got = statements(nlp, "قال الوزير إن الجيش انسحب. " + second)
        assert {s for s, _, _ in got} == {"الوزير"}, got


def test_arabic_sources_relays_and_relative_clauses(nlp):
    # a source phrase with a demonstrative ("وحسب هذه المعلومات": the information speaks, as "وحسب المعلومات" does);
    # "طبقا لـ" is a source like "وفقا لـ"; a clause "while X said" ("وفي الوقت الذي ذكر X أن ...، ...") has its
    # subject after the verb, and ends at the comma, where the main clause's verb speaks for itself (but "في الوقت
    # الذي تؤكد فيه" inside a clause is no statement of its own); "نقلت X عن Y" over a long agency name, with Y's
    # saying ("قوله", "تأكيده") no part of Y's name
    for text, speakers in [
        ("وحسب هذه المعلومات التي وصلت الى بعض العواصم الاوروبية، فان ايران تدعم حزب الله.", ["المعلومات", "ايران"]),
        ("فطبقا لخبير قانوني عراقي حضر الاجتماع، طلب المسؤولون العراقيون من الاميركيين تسليم صدام.",
         ["خبير قانوني عراقي", "المسؤولون العراقيون"]),  # (the source without the ل that "طبقا" governs)
        ("وفي الوقت الذي ذكر موقع الحزب الحاكم (المؤتمر الشعبي العام) أن قوات الأمن اليمنية بدأت في محاصرة الخاطفين، "
         "نفى الحوثيون ذلك.", ["موقع الحزب الحاكم", "الحوثيون"]),
        ("واستغرب محمد خلف، ضابط متقاعد، من صمت النظام السابق في الوقت الذي تؤكد فيه ابسط فنون التعبئة العسكرية على "
         "وجوب ضرب العدو.", ["محمد خلف"]),
        ("ونقلت وكالة أنباء أثينا شبه الرسمية عن بوليدوراس تأكيده للتقارير التي أشارت إلى تلقي شركة أمنية يونانية "
         "اتصالا من شخص مجهول.", ["بوليدوراس"]),
        ("ونقلت الوكالة عن الوزير قوله ان الجيش انسحب.", ["الوزير"]),
        # a body speaking inside another's words, with the place it speaks from between it and its verb (train text)
        ("وذكرت صحيفة «دون» الباكستانية أن وزارة الداخلية في إقليم السند قالت في بيان إن الهجوم نفذه انتحاري يدعى "
         "محمد صديق.", ["صحيفة «دون» الباكستانية", "وزارة الداخلية"]),
        # whoever filed the document an evaluative verb is "in" speaks, a phrase the dictionary lacks too; the noun
        # after "فيه" is the accusation's object (train text), while "قال فيه X" has its own subject
        ("وقدمت أسرة الصبي المتوفي بلاغا للنيابة العامة، اتهمت فيه رجال الشرطة في قسم المنصورة بتعذيب ابنها.",
         ["أسرة الصبي المتوفي"]),
        ("وأصدر الجيش بيانا اتهم فيه حماس بخرق الهدنة.", ["الجيش"]),
        ("وعقد الحزب مؤتمرا صحافيا قال فيه نقيب الصحفيين ان الحكومة تقمع الصحافة.", ["نقيب الصحفيين"]),
        # (a review's cases: a role after فيه is the evaluative verb's own subject; a time word names no issuer; a
        # body inside another phrase ("مسؤولا في وزارة الداخلية في كراتشي") is no nested speaker)
        ("وأصدرت وزارة الخارجية بيانا انتقد فيه الوزير الحكومة الإيرانية.", ["الوزير"]),
        ("وأصدر أمس بيانا اتهم فيه الحكومة بالفساد.", []),
        ("وذكرت الصحيفة أن مسؤولا في وزارة الداخلية في كراتشي قال إن الهجوم نفذه انتحاري.", ["الصحيفة"]),
        # the event a body the dictionary lacks confirms is no part of its name (train text)
        ("واكدت وزارة الدفاع مقتل الجندي في كابل امس بدون أن يقدم مزيداً من التفاصيل.", ["وزارة الدفاع"]),
        # a quotation that opens the reported clause after "ان", its subject inside it, holds that subject's own
        # statement (dev text); a verb deeper inside a quotation stays the first speaker's words
        ("واكد المصدر ان «الوزير ابلغ الدبلوماسيين بمناورات سودانية تمارس ضغوطا على حركات التمرد».",
         ["المصدر", "الوزير"]),
        ("واكد المصدر ان «الوضع صعب والوزير ابلغ الدبلوماسيين بذلك».", ["المصدر"]),
        ("وقال الوزير «ابلغت الدبلوماسيين بذلك».", ["الوزير"]),
        ("وقال المصدر ان كوفي انان «ينتقد الحكومة الاسرائيلية».", ["المصدر", "كوفي انان"]),  # (before it)
        ("وقال المصدر ان «الوزير وأكد رفض القرار».", ["المصدر"]),  # (a conjoined verb is no embedded one)
    ]:
        got = statements(nlp, text)
        assert [s for s, _, _ in got] == speakers, (text, got)
    got = statements(nlp, "وفي الوقت الذي ذكر موقع الحزب الحاكم أن قوات الأمن بدأت في محاصرة الخاطفين، نفى الحوثيون ذلك.")
    assert got[0][1] == "قوات الأمن بدأت في محاصرة الخاطفين", got
    # "طبقا لـ" / "وفقا لـ" before a rule, a decision or a result is no source ("in accordance with ..."); "في الوقت
    # نفسه" (at the same time) opens no clause of contrast; "مساعدة" (aid) is no role heading a speaker
    for text in ["وتم ذلك طبقا للقانون الدولي الذي يحمي المدنيين.", "وتم ذلك طبقا لقرار مجلس الأمن الدولي 1701.",
                 "ويعمل الجيش طبقا لتعليمات الرئيس الأسد.", "وجرت الانتخابات وفقا للدستور العراقي الجديد."]:
        assert statements(nlp, text) == [], text
    got = statements(nlp, "وفي الوقت نفسه قال المتحدث إن إسرائيل، كما هو متوقع، رفضت الاقتراح.")
    assert [(s, c) for s, c, _ in got] == [("المتحدث", "إسرائيل، كما هو متوقع، رفضت الاقتراح")], got
    got = statements(nlp, "وأصدرت الوزارة بيانا طلبت فيه مساعدة دولية لمواجهة الفيضانات.")
    assert [s for s, _, _ in got] == ["الوزارة"], got
    # after a relative pronoun, a known actor right after an evaluative verb is its subject when the verb's object
    # pronoun is the antecedent ("الذي تتهمه الهند") or the verb cannot agree with it ("الذين طلبت الهند"); not when
    # the verb agrees and has no pronoun (the antecedent criticised the government)
    for text, speakers in [
        ("واعتقلت ذكير الرحمن قائد تنظيم عسكر طيبة الذي تتهمه الهند بانه العقل المدبر للاعتداءات.", ["الهند"]),
        ("والمعتقلون واردة أسماؤهم في لائحة المشبوهين الذين طلبت الهند من باكستان تسليمهم بعد اعتداءات مومباي.",
         ["الهند"]),
        ("وهي الحركة التي وصفتها واشنطن بأنها ارهابية.", ["واشنطن"]),
    ]:
        assert [s for s, _, _ in statements(nlp, text)] == speakers, text
    got = statements(nlp, "وزار الرئيس الفرنسي الذي انتقد الحكومة الايرانية بشدة طهران.")
    assert "الحكومة الايرانية" not in [s for s, _, _ in got], got  # (the agreement test: without it, the government)
    # "استغرب" (found strange) is an evaluative cue, and the NER's name "ويستغرب" (the verb alone) is none: the
    # speaker is after it
    got = statements(nlp, "واستغرب محمد خلف، ضابط متقاعد، من صمت النظام السابق ازاء تلك التحركات.")
    assert [s for s, _, _ in got] == ["محمد خلف"], got
    got = statements(nlp, "ويستغرب البطش استمرار الحديث عن «عبثية الصواريخ»، قائلا «ليس هذا موضوعنا».")
    assert got and all(s.startswith("البطش") for s, _, _ in got), got


def test_arabic_speaker_does_not_run_on_to_the_object_of_its_verb(nlp):
    # a known person's name ends the speaker: the noun that governs "أن" (or "لأن") is the verb's object, the content
    for text, speaker, content in [
        ("وأكد الرئيس الأميركي باراك أوباما ضرورة أن تلتزم إيران بتعهداتها.", "الرئيس الأميركي باراك أوباما",
         "ضرورة أن تلتزم إيران بتعهداتها"),
        ("وأكد الرئيس الروسي فلاديمير بوتين استعداد بلاده لأن تساعد سوريا.", "الرئيس الروسي فلاديمير بوتين",
         "استعداد بلاده لأن تساعد سوريا"),
    ]:
        got = statements(nlp, text)
        assert got[0][:2] == (speaker, content), got


def test_each_pair_item_carries_its_statement_other_targets():
    """`item_for` gives the classifier the statement's other targets beside the one read (a model trained with
    `mark_others` marks them; the shipped model reads the same text without), on the item's own offsets, for an
    inline speaker and for one resolved from an earlier sentence alike."""
    from stance.classify import item_for
    from stance.records import Mention, Span, Statement

    text = "وقال الوزير ان الحكومة تدعم المعارضة ضد تنظيم الدولة. وأضاف ان روسيا تقصف المعارضة."

    def m(word: str, nth: int = 0) -> Mention:
        at = [i for i in range(len(text)) if text.startswith(word, i)][nth]
        return Mention(Span.of(text, at, at + len(word)))

    sent = Span.of(text, 0, text.index(".") + 1)
    st = Statement("d", "d:1", m("الوزير"), Span.of(text, 0, 4), sent, (m("المعارضة"), m("تنظيم الدولة")), "ar")
    item = item_for(st, st.targets[0], text)
    assert [item.text[a:b] for a, b in item.others] == ["تنظيم الدولة"]
    second = Span.of(text, text.index("وأضاف"), len(text))
    resolved = Mention(m("الوزير").span, resolved=True)
    st2 = Statement("d", "d:2", resolved, None, second, (m("روسيا"), m("المعارضة", 1)), "ar")
    item = item_for(st2, st2.targets[1], text)
    assert item.text.startswith("الوزير: ") and [item.text[a:b] for a, b in item.others] == ["روسيا"]
    assert item.text[slice(*item.target)] == "المعارضة"


def test_arabic_speaker_span_stops_where_no_name_goes_on(nlp):
    """Train and dev texts' speakers that ran on past their name: the verbal noun of what is announced ("مقتل"), a
    participle of saying, a quotation the span opens and does not close; the content starts there. A name that holds
    such a word is kept whole ("بان كي مون"), and so are initials ("(سي ان ان)", "سي إن إن")."""
    got = statements(nlp, "وأعلنت مصادر رسمية مقتل ثلاثة جنود في هجوم شنه مسلحون.")
    assert [s for s, _, _ in got] == ["مصادر رسمية"] and got[0][1].startswith("مقتل ثلاثة جنود")
    got = statements(nlp, "ويقول نائب في فريق 14 آذار «لقد قام وليد جنبلاط بمطالعة تبرر انتقاله الى حضن سوريا».")
    assert [s for s, _, _ in got][:1] == ["نائب في فريق 14 آذار"] and got[0][1].startswith("«لقد قام وليد جنبلاط")
    got = statements(nlp, "وقال الامين العام للامم المتحدة بان كي مون ان الحكومة مسؤولة.")
    assert [s for s, _, _ in got] == ["الامين العام للامم المتحدة بان كي مون"]
    got = statements(nlp, "وذكرت محطة تلفزيون (سي ان ان) الاخبارية الاميركية ان الشرطة البريطانية اعتقلت أحد الرجلين.")
    assert [s for s, _, _ in got] == ["محطة تلفزيون (سي ان ان) الاخبارية الاميركية"]
    # initials outside quotes (a review found "شبكة سي" here), and the actor of words cut off is not the speaker's
    got = statements(nlp, "وقالت شبكة سي إن إن الأمريكية إن الشرطة اعتقلت رجلين.")
    assert [s for s, _, _ in got] == ["شبكة سي إن إن الأمريكية"]
    st = nlp.statements(Article("d", "وأعلنت مصادر رسمية مقتل زعيم تنظيم القاعدة أسامة بن لادن.", "ar"))
    assert [(s.speaker.text, s.speaker.actor) for s in st] == [("مصادر رسمية", None)]


@pytest.mark.parametrize("text, speaker, targets", [
    # AFP ledes: an office, its qualifier and its holder's unknown name are the speaker (the name is no target)
    ("اعرب وزير الخارجية الاسرائيلي بالوكالة شلومو بن عامي اليوم الثلاثاء عن أمله في التوصل الى اتفاق.",
     "وزير الخارجية الاسرائيلي بالوكالة شلومو بن عامي", []),
    ("اعرب مساعد وزيرة الخارجية الاميركية لشؤون الشرق الاوسط ادوارد ووكر اليوم الثلاثاء في انقرة عن تفاؤله.",
     "مساعد وزيرة الخارجية الاميركية لشؤون الشرق الاوسط ادوارد ووكر", []),
    # a body's name in straight quotes or in the reversed guillemets some papers write
    ('ذكرت صحيفة "تشرين" السورية اليوم السبت ان الحكومة وافقت على المشروع.', 'صحيفة "تشرين" السورية',
     ["الحكومة"]),
    ("أعلنت شركة »التعاونية للتأمين« ان محفظتها تكبدت خسائر.", "شركة »التعاونية للتأمين«", []),
    ('وقال وزير "كلا" ثم غادر.', "وزير", []),  # after a role, quotes hold its words
    ("وقالت منظمة “هيومن رايتس ووتش” ان الحكومة فشلت.", "منظمة “هيومن رايتس ووتش”", ["الحكومة"]),
    # a foundation's name in quotes (train): the speaker's own name is no target of its words
    ('واعلنت مؤسسة "سيمبيوسيس" عن تعاونها مع المركز الطبي الجديد.', 'مؤسسة "سيمبيوسيس"', []),
    # a country in a body's quoted name is not the speaker's actor, nor its own side (review of session 70)
    ("وقال معهد «ايران» للدراسات ان طهران ترفض العقوبات.", "معهد «ايران»", ["طهران"]),
    # a body informs someone: its name is no holder's; an institution noun after another head is no speaker
    ("وابلغت الحكومة المصرية ايمن نور امس انه ممنوع من السفر.", "الحكومة المصرية", ["ايمن نور"]),
    ("وانتقد نواب رئاسة الحكومة العراقية بشدة.", "نواب رئاسة", ["الحكومة العراقية"]),
    # the journalists or the agency told are no part of a one-word name
    ('وقال مسيكا لصحافيين ان "الحكومة بدأت توزيع الاراضي".', "مسيكا", ["الحكومة"]),
    # an indefinite institution noun is in construct with the body after it, which it speaks for
    ("وقالت رئاسة اركان القوات الروسية في الشيشان ان المسلحين هاجموا القرية.", "رئاسة اركان القوات الروسية",
     ["المسلحين"]),
    ("وانتقد مسؤولون الأمم المتحدة بشدة.", "مسؤولون", ["الأمم المتحدة"]),  # a plural role's object stays one
    # a bracket the speaker phrase opens and does not close ends it
    ("أكد مسؤول مكتب »المجلس الأعلى« (بزعامة محمد باقر الحكيم) في لندن ان الضباط اعتقلوا.",
     "مسؤول مكتب »المجلس الأعلى«", None),
])
def test_arabic_wire_speaker_phrases(nlp, text, speaker, targets):
    got = statements(nlp, text)
    assert got and got[0][0] == speaker and targets in (None, got[0][2]), got


def test_tagged_arabic_target_loses_a_conjunction_the_text_shows_apart(nlp):
    from stance.records import Mention, Span

    text = "وقال المتحدث محمد عبادي ان الشرطة اعتقلت رحمي وعبادي ومطالب وانتقد المتظاهرون والي الخرطوم."
    art = Article("d", text, "ar")
    names = {}
    for word, out in (("وعبادي", "عبادي"), ("ومطالب", "ومطالب"), ("والي الخرطوم", "والي الخرطوم")):
        s = text.index(word)
        got = nlp._without_conjunction(Mention(Span.of(text, s, s + len(word)), tagged=0.9), art, "ar", names)
        assert got.text == out and text[got.start : got.end] == out and got.tagged == 0.9
    s = text.index("وعبادي")
    assert nlp._without_conjunction(Mention(Span.of(text, s, s + 6)), art, "fr", {}).text == "وعبادي"


@pytest.mark.parametrize("text, speaker, targets", [
    # dev: the front's whole quoted name is the target, not its nisba "السورية" (Syria) or its head "جبهة"; and
    # "كشف X النقاب عن" lifts the veil, "النقاب" is no part of the speaker
    ("وكشف كاربنتر النقاب عن انه التقى وفداً من «جبهة الخلاص الوطني السورية» يقوده عبد الحليم خدام.",
     "كاربنتر", ["جبهة الخلاص الوطني السورية", "عبد الحليم خدام"]),
    # train: a movement named after a country is not the country; a cell named "supporters of al-Mahdi" is the cell
    ("وقالت الشرطة ان ممثلي حركة «روسيا الفتية» هاجموا المتظاهرين.", "الشرطة", ["روسيا الفتية", "المتظاهرين"]),
    ("وقال المدعي العام ان خلية «أنصار المهدي» خططت للهجوم.", "المدعي العام", ["أنصار المهدي"]),
    # a quoted slogan is no body's name: its actor stays a target of its own
    ("وقال الشاهد ان المتظاهرين رددوا «الموت لأميركا».", "الشاهد", None),
])
def test_arabic_quoted_body_name_is_one_target(nlp, text, speaker, targets):
    got = statements(nlp, text)
    assert got and got[0][0] == speaker and targets in (None, got[0][2]), got
    if targets is None:
        assert any("أميركا" in t for t in got[0][2]), got


def test_arabic_quoted_body_name_keeps_the_actor_that_opens_it(nlp):
    from stance.pipeline import _quoted_body_names

    text = "وقال المصدر ان تنظيم «القاعدة ببلاد المغرب» تبنى الهجوم."
    ms = [m for m in nlp.mentions(Article("d", text, "ar"), "ar") if "القاعدة" in m.text]
    assert [(m.text, m.actor.id if m.actor else None) for m in ms] == [("القاعدة ببلاد المغرب", "al_qaeda")]
    # a definite body noun before the quotes is a speaker quoting its words; two actors quoted stay two
    for text, kept in (("وقالت الحركة «اسرائيل ستدفع الثمن غاليا».", "اسرائيل"),
                       ("وحملت الحركة «إسرائيل والولايات المتحدة» المسؤولية.", "الولايات المتحدة"),
                       ("وقال المتحدث ان «حركة حماس تتحمل المسؤولية».", "حركة حماس")):
        assert kept in [m.text for m in nlp.mentions(Article("d", text, "ar"), "ar")], text
    text = "وقالت الشرطة ان ممثلي حركة « روسيا الفتية » هاجموا."  # spaces inside the guillemets stay out
    assert "روسيا الفتية" in [m.text for m in _quoted_body_names(nlp.mentions(Article("d", text, "ar"), "ar"), text)]


def test_arabic_quoted_clause_opening_with_a_body_noun_is_no_name(nlp):
    from stance.pipeline import _quoted_body_names
    from stance.records import Mention, Span

    for text, name in (("وقال ان جماعة «انصار الشريعة لن تتراجع» امس.", "انصار الشريعة"),  # a clause word
                       ("وقال ان «حركة انصار الشريعة رفضت» العرض.", "انصار الشريعة")):  # a cue verb
        inner = [Mention(Span.of(text, text.index(name), text.index(name) + len(name)))]
        assert _quoted_body_names(inner, text) == inner, text
    text = "وقال ان جماعة «انصار الشريعة» هاجمت."
    inner = [Mention(Span.of(text, text.index("انصار"), text.index("انصار") + 5))]
    assert [m.text for m in _quoted_body_names(inner, text)] == ["انصار الشريعة"]


def test_english_cue_without_a_tagged_source_takes_the_rules_speaker_or_has_no_targets(nlp):
    # en dev: the CRF marks "also accused" with no source; the rules read Clinton as its subject. A cue neither
    # reads a speaker for stays an attribution with no targets (no speaker is the author's own, --author-voice)
    text = "Speaking in Harlem, Clinton, without naming him, also accused Sanders of being late to racial justice."
    got = [(st.speaker.text if st.speaker else None, [t.text for t in st.targets])
           for st in nlp.statements(Article("d", text, "en"))]
    assert ("Clinton", ["Sanders"]) in got and all(s is not None or not t for s, t in got)
    from stance.pipeline import with_rule_speakers
    from stance.records import Span, Statement
    orphan = Statement(doc_id="d", id="d:1", speaker=None, cue=Span.of(text, 50, 62), content=Span.of(text, 63, 70),
                       lang="en")
    assert with_rule_speakers([orphan], []) == [orphan]
    text = "The ministry was accused of hiding the report, officials were quoted as saying about Russia."
    sts = nlp.statements(Article("d", text, "en"))
    assert any(st.speaker is None and st.cue is not None for st in sts)  # "was accused": no one the rules read
    assert all(st.speaker is not None or not st.targets for st in sts)  # and such a statement portrays nobody's view


def test_english_participle_or_second_verb_takes_the_main_clause_subject(nlp):
    """en train sentences (session 41): a cue the CRF marks with no source that goes on from its clause (a
    participle after a comma, a verb after "and") has the main clause's subject as its speaker; a dateline, a title
    before the name and a possessive are skipped."""
    got = lambda text: [(st.speaker.text if st.speaker else None, st.cue.text if st.cue else None,
                         [t.text for t in st.targets]) for st in nlp.statements(Article("d", text, "en"))]
    text = ("WASHINGTON (AFP) – Democrat Hillary Clinton has taken a swipe at Republican rival Donald Trump’s stance "
            "on Brexit, saying that “bombastic comments” do more harm than good.")
    assert ("Hillary Clinton", "saying", []) in got(text)
    text = "Her liberal friends have mocked Trump’s rhetoric-heavy campaign, calling Trump “an orange buffoon,” Susan said."
    assert ("Her liberal friends", "calling", ["Trump"]) in got(text)
    from stance.pipeline import with_clause_subjects
    from stance.records import Mention, Span, Statement
    text = "Trump’s aides met reporters, saying Clinton lied."
    cue = text.index("saying")
    orphan = Statement(doc_id="d", id="d:1", speaker=None, cue=Span.of(text, cue, cue + 6),
                       content=Span.of(text, cue + 7, len(text) - 1), lang="en")
    trump = Mention(Span.of(text, 0, 5))
    assert with_clause_subjects([orphan], [trump], text) == [orphan]  # "Trump’s aides": no subject named
    text = "Officials met reporters, saying Clinton lied."
    cue = text.index("saying")
    orphan = Statement(doc_id="d", id="d:1", speaker=None, cue=Span.of(text, cue, cue + 6),
                       content=Span.of(text, cue + 7, len(text) - 1), lang="en")
    clinton = Mention(Span.of(text, text.index("Clinton"), text.index("Clinton") + 7))
    assert with_clause_subjects([orphan], [clinton], text) == [orphan]  # nobody named before the cue
    # a name in a subordinate clause opening the sentence, a possessive without s and a passive are no subjects
    for text in ("After Clinton attacked Trump on Monday, he hit back on Tuesday, calling her a liar.",
                 "When Obama spoke, the crowd cheered, calling him a hero.",
                 "Trump spoke in Ohio and was criticized for his remarks about Muslims."):
        assert [st.speaker.text for st in nlp.statements(Article("d", text, "en"))
                if st.speaker is not None and st.cue.text in ("calling", "was criticized")] == [], text
    text = "Sanders' aides met reporters, saying Clinton lied."
    cue = text.index("saying")
    orphan = Statement(doc_id="d", id="d:1", speaker=None, cue=Span.of(text, cue, cue + 6),
                       content=Span.of(text, cue + 7, len(text) - 1), lang="en")
    assert with_clause_subjects([orphan], [Mention(Span.of(text, 0, 7))], text) == [orphan]


def test_english_evaluative_verbs_and_a_name_inside_a_cue_phrase(nlp):
    # en train: "mocked" is an evaluative cue (tools/build_cues.py), its object a target
    text = "Trump, who has a commanding lead in delegates, mocked Marco Rubio for “having a tough night” on Tuesday."
    assert [(st.speaker.text, [t.text for t in st.targets]) for st in nlp.statements(Article("d", text, "en"))] == [
        ("Trump", ["Marco Rubio"])]
    # a name that only qualifies the name after it, through role words, is no target (en dev, en train)
    for text, targets in (("Former Breitbart reporter Michelle Fields accused Donald Trump campaign manager Corey "
                           "Lewandowski of grabbing her at a press conference.", ["Corey Lewandowski"]),
                          ("Trump also took multiple swipes at fellow GOP contender Jeb Bush.", ["Jeb Bush"]),
                          ("Trump attacked Rubio then Cruz in the debate.", ["Rubio", "Cruz"])):
        assert [[t.text for t in st.targets] for st in nlp.statements(Article("d", text, "en"))] == [targets], text
    # the English tagger can read a verb and its object as one cue ("went after Trump on Wednesday over"): the name
    # after the cue's first word is its target, not part of the cue
    from dataclasses import replace

    from stance.records import Mention, Span, Statement
    from stance.targets import find_targets
    text = "Romney went after Trump on Wednesday over his refusal to release his taxes."
    romney, trump = Mention(Span.of(text, 0, 6)), Mention(Span.of(text, 18, 23))
    st = Statement(doc_id="d", id="d:1", speaker=romney, cue=Span.of(text, 7, 41), content=Span.of(text, 42, 74),
                   lang="en")
    assert [m.text for m in find_targets(st, [romney, trump], text)] == ["Trump"]
    assert find_targets(replace(st, lang="ar"), [romney, trump], text) == []  # Arabic cues are single words


def test_title_case_headline_words_end_an_unknown_english_name(nlp):
    """Session 41: a headline capitalises its verbs and prepositions ("Trump Slams Clinton Over Emails", "Hedge Funds
    Support Hillary Clinton", en train): they end an unknown name instead of joining it; "Will" and "Said" stay
    names."""
    names = lambda text: [m.text for m in nlp.mentions(Article("d", text, "en"), "en")]
    assert "Slams Clinton Over Emails" not in names("Trump Slams Clinton Over Emails.")
    assert {"Trump", "Clinton"} <= set(names("Trump Slams Clinton Over Emails."))
    assert names("Hedge Funds Support Hillary Clinton.") == ["Hedge Funds", "Hillary Clinton"]
    assert {"Will Smith", "Edward Said"} <= set(names("Bank of America met Will Smith and Edward Said."))


def test_quotation_marks_are_no_speaker(nlp):
    # en train (session 41): after a quotation closed by '' the rules read the marks themselves as the speaker of
    # "blaming"; now the cue has no speaker of the rules'
    text = "Bloomberg pegged him at $2.9 billion, which Mr. Trump called ''a disgrace,'' blaming Michael R. Bloomberg."
    speakers = [st.speaker.text for st in nlp.statements(Article("d", text, "en")) if st.speaker is not None]
    assert "Mr. Trump" in speakers and all(any(ch.isalnum() for ch in s) for s in speakers)


def test_english_passive_evaluation_has_its_agent_speak_of_its_subject(nlp):
    """en train (session 41): the attribution tagger reads the passive subject as the source ("Trump" of "has been
    rebuked by opponents"): the agent after "by" speaks, the subject is a target; with no agent nobody named speaks."""
    said = lambda text: [(st.speaker.text if st.speaker else None, [t.text for t in st.targets])
                         for st in nlp.statements(Article("d", text, "en"))]
    text = "Trump has been rebuked by opponents for his proposal to temporarily ban Muslims from entering the United States."
    assert said(text) == [("opponents", ["Trump", "Muslims", "United States"])]
    text = "Trump was supported by 42 percent of the Republicans surveyed in the CBS poll, a four-point dip from March."
    assert said(text)[0][0] == "42 percent of the Republicans surveyed" and "Trump" in said(text)[0][1]
    text = "Trump has faced criticism even from within his own party for comments seen as insulting women."
    assert said(text) == [("his own party", ["Trump"])]  # a blame received: its giver speaks
    # a title's full stop does not end the agent; a name opening a longer agent phrase is not the agent alone
    assert said("Mrs. Clinton was criticized by Sen. Bernie Sanders for her speeches.") == [
        ("Sen. Bernie Sanders", ["Clinton"])]
    assert said("Clinton was attacked by Trump supporters at the rally.") == [("Trump supporters", ["Clinton"])]
    # an adjective before "to" is no passive: the subject still speaks
    assert said("Sanders is opposed to the Trans-Pacific Partnership.") == [("Sanders", ["Trans-Pacific Partnership"])]
    from stance.pipeline import with_passive_agents
    from stance.records import Mention, Span, Statement
    text = "Clinton was criticized for her emails."
    st = Statement(doc_id="d", id="d:1", speaker=Mention(Span.of(text, 0, 7)), cue=Span.of(text, 8, 23),
                   content=Span.of(text, 24, 38), lang="en")
    assert with_passive_agents([st], [], text)[0].speaker is None  # no agent: Clinton is no speaker
    text = "Clinton has been sharply criticized for her handling of the emails."  # nor do the rules make her one
    assert all(st.speaker is None for st in nlp.statements(Article("d", text, "en")))
    text = "Clinton criticized Trump for his remarks."
    st = Statement(doc_id="d", id="d:1", speaker=Mention(Span.of(text, 0, 7)), cue=Span.of(text, 8, 18),
                   content=Span.of(text, 19, 40), lang="en")
    assert with_passive_agents([st], [], text) == [st]  # active: unchanged


def test_english_evaluations_with_no_verb_of_saying(nlp):
    """Session 42, from the English and French train sentences' misses (`stance.attribution.evaluations`): a role of
    support or opposition in apposition or after a copula, a phrasal verb of blame and a pledge of support each make
    the name before them speak of the names after them; a statement the attribution model read already over the
    same words is not doubled."""
    said = lambda text: [(st.speaker.text if st.speaker else None, st.cue.text if st.cue else None,
                          [t.text for t in st.targets]) for st in nlp.statements(Article("d", text, "en"))]
    text = ("Israel is, by far, the most important issue to Adelson, a fierce supporter of the nation and close "
            "friend of Israeli Prime Minister Benjamin Netanyahu.")
    assert ("Adelson", "supporter", ["Israeli Prime Minister Benjamin Netanyahu"]) in said(text)
    assert said("Sarandon is one of a clutch of celebrity supporters of Sanders.") == [
        ("Sarandon", "supporters", ["Sanders"])]
    # a group named by its head noun speaks as the group; the phrase ends at ", with" (another clause)
    text = ("Teachers unions were among the earliest and most enthusiastic supporters of Hillary Clinton, with the "
            "American Federation of Teachers calling her a champion.")
    assert ("Teachers unions", "supporters", ["Hillary Clinton"]) in said(text)
    assert said("Trump lashed out at Khan after he delivered a moving speech at the convention.") == [
        ("Trump", "lashed out at", ["Khan"])]
    # a title's full stop does not end the phrase
    assert said("But the Rubio campaign lashed out at Mr. Trump on Friday.") == [
        ("Rubio campaign", "lashed out at", ["Mr. Trump"])]
    assert ("Hillary Clinton", "taken a swipe at") in [
        s[:2] for s in said("Democrat Hillary Clinton has taken a swipe at Republican rival Donald Trump’s stance.")]
    # "threw her support behind Cruz, saying ...": the attribution model's statement of Fiorina covers it already
    text = ("Carly Fiorina threw her support behind Sen. Ted Cruz (R-Texas) Wednesday, saying it is time to have a "
            "real constitutional conservative in the White House.")
    assert [s[0] for s in said(text) if "Ted Cruz" in s[2]] == ["Carly Fiorina"]
    # a possessed act whose possessor the attribution model read into a longer source: still Graham's endorsement
    text = "Sen. Graham’s energetic endorsement of Cruz will no doubt raise questions."
    assert ("Graham", ["Cruz"]) in [(s[0], s[2]) for s in said(text)]
    # no pattern, no statement: a supporter who is not in apposition to a name
    assert said("Supporters of Sanders booed the speech.") == []
    # French: a phrasal verb of blame (an adverb inside it), a support given, a campaign against (a 1904 paper of the
    # French train sentences), an apposition ended by its comma (the verb after it has its own statement)
    dit = lambda text: [(st.speaker.text if st.speaker else None, st.cue.text if st.cue else None,
                         [t.text for t in st.targets]) for st in nlp.statements(Article("d", text, "fr"))]
    assert dit("Marine Le Pen s'en est prise violemment à Emmanuel Macron lors du débat.") == [
        ("Marine Le Pen", "s'en est prise violemment à", ["Emmanuel Macron"])]
    assert dit("Jean-Luc Mélenchon a apporté son soutien à Bernie Sanders.") == [
        ("Jean-Luc Mélenchon", "apporté son soutien à", ["Bernie Sanders"])]
    text = "M. Charles Ninot mène une campagne des plus énergiques contre le citoyen Bouveri."
    assert dit(text) == [("Charles Ninot", "mène une campagne des plus énergiques contre", ["Bouveri"])]
    text = "Jean Dupont, fervent soutien de Nicolas Sarkozy, a critiqué la décision."
    assert ("Jean Dupont", "soutien", ["Nicolas Sarkozy"]) in dit(text)
    assert "partisans" not in [s[1] for s in dit("Les partisans de Nicolas Sarkozy ont applaudi.")]  # no name before
    # an English role named by a common noun is a target ("the real estate developer": Trump, named elsewhere)
    assert said("Ms. Warren roused the crowd with criticism of the real estate developer.") == [
        ("Ms. Warren", "roused", ["the real estate developer"])]
    # a review's cases: "aux" and "des" are whole words of the cue; a role after a preposition, a quantifier or a
    # verb is nobody's evaluation; a possessor's other noun is not its act; one cue, one statement; the content
    # stops at the main clause's verb
    assert dit("Marine Le Pen s'en est prise aux dirigeants de Gaza Israël.")[0][1] == "s'en est prise aux"
    assert dit("François Hollande a pris la défense des Palestiniens de Gaza.")[0][1] == "pris la défense des"
    for text in ("Sanders was booed by supporters of Clinton.", "Trump is popular with supporters of the Tea Party.",
                 "Trump, under attack from critics of his immigration plan, spoke in Iowa.",
                 "After meeting Trump, many supporters of Cruz left the room.",
                 "Obama's response to attacks on Paris was measured.",
                 "Clinton's lack of support for Sanders surprised nobody."):
        assert [s for s in said(text) if s[1] in ("supporters", "critics", "attacks on", "support for")] == [], text
    assert [s[0] for s in said("Trump is sure Cruz is a critic of Obama.") if s[1] == "critic"] == ["Cruz"]
    assert "critiques" not in [s[1] for s in dit("Emmanuel Macron, face aux critiques de Marine Le Pen, a répondu.")]
    from stance.attribution.evaluations import nominal_evaluations
    text = "Obama's support for Clinton was clear, Sanders said."
    (st,) = nominal_evaluations(text, nlp.mentions(Article("d", text, "en"), "en"), "d", "en")
    assert (st.speaker.text, st.cue.text, st.content.text) == ("Obama", "support", "Clinton")
    # a speaker is no target of its own under a fuller or shorter name (English train: 8 such pairs, none right);
    # a namesake is ("Erica Garner" on her father "Eric Garner")
    from stance.targets import is_own_side
    from stance.records import Mention, Span
    t = "Journalist Jorge Ramos said Ramos was right; Erica Garner criticized Eric Garner's critics."
    m = {w: Mention(Span.of(t, t.index(w), t.index(w) + len(w))) for w in (
        "Journalist Jorge Ramos", "Erica Garner", "Eric Garner")}
    assert is_own_side(Mention(Span.of(t, t.index("Ramos was"), t.index("Ramos was") + 5)),
                       m["Journalist Jorge Ramos"], t)
    assert not is_own_side(m["Erica Garner"], m["Eric Garner"], t)
    # an English headline's "Name: words" and "Name to Name: words" (gold articles and train headlines); not a label
    # or a country before the colon, nor a French topic ("Bande de Gaza : le regard d'un expert")
    assert said("McCaul: If elected, Hillary Clinton could be impeached.") == [("McCaul", ":", ["Hillary Clinton"])]
    st = [s for s in said("Black Democrats to Hillary Clinton: Send Money to Take Congress.") if s[1].endswith(":")]
    assert [(s[0], s[1]) for s in st] == [("Black Democrats", "to Hillary Clinton:")] and "Hillary Clinton" in st[0][2]
    assert [s for s in said("Update: Trump wins Florida as Clinton concedes.") if s[1] == ":"] == []
    assert [s for s in said("Syria: Assad forces retake Aleppo from rebels.") if s[1] == ":"] == []
    assert [s for s in dit("Bande de Gaza : le regard d'un expert italien sur Israël.") if s[1] == ":"] == []
    # a second review's cases: a list, tags, "to" with no one addressed, a label piece, no words after the colon
    for text in ("Democrats: 48, Republicans: 52.", "Tags: Trump, Clinton, election.", "Trump to be sworn in: live updates.",
                 "Exclusive Trump: I will win.", "Trump: ”"):
        assert [s for s in said(text) if s[1].endswith(":")] == [], text
    # Arabic has no such patterns: nothing is added, even with the article's mentions
    text = "وقال بوتين ان روسيا حليف لسوريا وداعم للجيش السوري."
    assert nlp.mentions(Article("d", text, "ar"), "ar") and nominal_evaluations(
        text, nlp.mentions(Article("d", text, "ar"), "ar"), "d", "ar") == []
    # and the English patterns still fire with mentions (the test above is not empty by construction)
    text = "Trump lashed out at Khan."
    assert len(nominal_evaluations(text, nlp.mentions(Article("d", text, "en"), "en"), "d", "en")) == 1


def test_no_mention_inside_a_web_address(nlp):
    """A French post of the train sentences ends with its link (session 40: "Sdf" and "AV" of the address were taken
    for names, and targets): nothing inside a web address is a mention; the names before it still are."""
    text = ('Le Hamas a répondu en accusant Israël de "répandre le mensonge" https://l.bfmtv.com/7Sdf:=:https://www.'
            'bfmtv.com/international/moyen-orient/israel/gaza-israel-diffuse-des-images_AV-202311140157.html')
    found = nlp.mentions(Article("d", text, "fr"), "fr")
    url = text.index("https://")
    assert [m.text for m in found if m.start >= url] == []
    assert {"Hamas", "Israël"} <= {m.text for m in found}
    (st,) = [st for st in nlp.statements(Article("d", text, "fr")) if st.targets]
    assert (st.speaker.text, [t.text for t in st.targets]) == ("Hamas", ["Israël"])


def test_surname_speaker_and_target_take_the_person_named_in_full(nlp):
    """An Arabic surname after the full name is that person, as a speaker and as a target (session 60: "انان"
    stayed a name with no actor, "بلير" was another actor than "توني بلير")."""
    text = ("زار الامين العام للامم المتحدة كوفي انان بيروت امس. وقال انان ان اسرائيل يجب ان تنسحب من لبنان. "
            "ورحب رئيس الوزراء البريطاني توني بلير بالقرار. وانتقد بلير حزب الله.")
    got = pairs(nlp, text, "ar")
    assert ("kofi_annan", "ISR") in got
    assert ("tony_blair", "hezbollah") in got
    assert not any(s in ("انان", "ar_blyr") for s, _ in got)


def test_a_tagged_target_takes_the_actor_the_article_gives_its_words(nlp):
    """`_whole_mention` with a target of exactly a mention's words: that mention's actor (the surname "نجاد" after
    "احمدي نجاد"), so that the speaker is not his own target; and `_known_actor` keeps it, where the phrase looked up
    alone names an office ("الرئيس العراقي" after "الرئيس العراقي جلال طالباني", a NewsFANE wire story)."""
    def tagged(text: str, words: str) -> Mention:
        at = text.rindex(words)
        (st,) = [s for s in nlp.statements(Article("d", text, "ar"))
                 if context_span(s, text).start <= at < context_span(s, text).end]
        known = [m for m in nlp.actors.find(text, "ar") if m.actor is not None]
        return nlp._whole_mention(Mention(Span.of(text, at, at + len(words))), st, text, known, ())

    whole = tagged("وقال الرئيس الايراني محمود احمدي نجاد ان المنطقة قادرة على الحرية. وعاد نجاد ليؤكد موقفه.", "نجاد")
    assert whole.actor is not None and whole.actor.id == "mahmoud_ahmadinejad"
    text = "وايد العراقيون تصريحات الرئيس العراقي جلال طالباني. وانتقد مسؤول تركي الحملة ضد الرئيس العراقي."
    assert nlp._known_actor(tagged(text, "الرئيس العراقي"), "ar").actor.id == "jalal_talabani"
    at = text.rindex("الرئيس العراقي")
    assert nlp._known_actor(Mention(Span.of(text, at, at + 14)), "ar").actor.id == "IRQGOV.president"


def test_arabic_words_after_the_verb_that_name_no_speaker(nlp):
    """NewsFANE wire copy (2006, CC BY-SA 3.0, shortened): what follows a verb of saying without being its subject.
    "ردا على" (in answer to) names what is answered, and the speaker is the one named before; "كل من" (each of) opens
    the names that speak; "علي" before "ضرورة" is the preposition على as some papers spell it, not the name Ali, and an
    adverb in -يا ("قضائيا") is no one; "مفوضية" in construct with the body after it speaks for that body; "يذكر ان"
    has no speaker."""
    text = ("وقال وزير الخارجية الفرنسي فيليب دوست بلازي ان فرنسا تدعم الحكومة اللبنانية. "
            "وقال ردا على تحول دون ستيوارت وايت الى الاسلام ان ذلك شيء لا يصدقه عقل.")
    sts = nlp.statements(Article("d", text, "ar"))
    assert sts[-1].cue.text == "وقال" and sts[-1].speaker.resolved and sts[-1].speaker.text == sts[0].speaker.text
    got = statements(nlp, "كما ابدى كل من رئيس مجلس النواب ورئيس مجلس الوزراء التزام لبنان بالقرار.")
    assert got[0][0] == "رئيس مجلس النواب"
    text = "واكد الوزير ان التعاون مستمر. وشدد علي ضرورة زيادة فعالية منطقة التجارة الحرة العربية."
    sts = nlp.statements(Article("d", text, "ar"))
    assert [st.speaker.text for st in sts] == ["الوزير", "الوزير"] and sts[1].speaker.resolved
    assert statements(nlp, "وقال علي لاريجاني ان ايران لن تتراجع.")[0][0] == "علي لاريجاني"
    assert not any(sp == "قضائيا" for sp, _, _ in statements(
        nlp, "وقد اشتكى قضائيا من هذا البرنامج عدة منظمات باسم صحفيين ومحامين."))
    (st,) = nlp.statements(Article("d", "واعلنت مفوضية الامم المتحدة لشؤون اللاجئين في لبنان ان 200 الف شخص عادوا.",
                                   "ar"))
    assert st.speaker.text == "مفوضية الامم المتحدة لشؤون اللاجئين" and st.speaker.actor is not None
    # "يذكر ان" (it is worth recalling that) is the paper's background, nobody's words; "ويذكر الكتاب ان" is the book's
    text = "وقال الوزير ان الهند بلد كبير. يذكر ان الهند تنتج نحو الف فيلم سنويا. ويذكر الكتاب ان الادارة اخطأت."
    assert [(st.speaker.text, st.cue.text) for st in nlp.statements(Article("d", text, "ar"))] == [
        ("الوزير", "وقال"), ("الكتاب", "ويذكر")]


def test_arabic_speaker_runs_over_its_own_nisba_adjectives(nlp):
    """Arabic wire copy (exhaustive train texts, shortened): a verb-subject speaker whose content was made to start
    on its own agreeing nisba adjective takes it ("وكالة الانباء الإثيوبية الرسمية", "الحكومة الاسرائيلية الرسمية"),
    while a plural nisba or a broken plural in ي after it is the verb's object."""
    got = statements(nlp, "وذكرت وكالة الانباء الإثيوبية الرسمية ان الاوروبيين غادروا البلاد.")
    assert got[0][0] == "وكالة الانباء الإثيوبية الرسمية" and got[0][1].startswith("الاوروبيين")
    got = statements(nlp, "وانتقدت الحكومة الاسرائيلية الرسمية حماس بشدة.")
    assert got[0][0] == "الحكومة الاسرائيلية الرسمية" and "حماس" in got[0][2]
    (st,) = nlp.statements(Article("d", "واتهم مجلس الأمن القومي في جورجيا القوات الروسية بشن حملة.", "ar"))
    assert st.speaker.text == "مجلس الأمن القومي" and st.speaker.actor is None  # a national council, not the UN's
    got = statements(nlp, "ودعا بعض منظمي المظاهرات الاهالي الى تنظيم مظاهرة اخرى.")
    assert got[0][0] == "بعض منظمي المظاهرات" and got[0][1].startswith("الاهالي")


def test_arabic_speaker_phrase_in_construct_and_before_a_relative_clause(nlp):
    """NewsFANE wire copy (2006, CC BY-SA 3.0, shortened): a speaker phrase cut short made its content start inside
    the phrase. "ممثل البحرين الذي راست دولته الاجتماع ان" runs over the country before the relative clause that
    describes it; "مصدر بشرطة محافظة بابل" over the province's name; "الامين العام لحزب الله", the subject of the
    sentence's first verb, speaks for the party in a later "وقال"; "بلهجة مليئة بالسخرية" is how the last speaker
    spoke, no name."""
    got = statements(nlp, "واكد ممثل البحرين الذي راست دولته الاجتماع ان الدول العربية تدعم لبنان.")
    assert got[0][0] == "ممثل البحرين" and got[0][1] == "الدول العربية تدعم لبنان"
    got = statements(nlp, "وقال مصدر بشرطة محافظة بابل ان مسلحين قتلوا شرطيا.")
    assert got[0][0] == "مصدر بشرطة محافظة بابل" and got[0][1] == "مسلحين قتلوا شرطيا"
    assert statements(nlp, "وقال مسؤول في شرطة ولاية هلمند ان طالبان هاجمت الشرطة.")[0][0] == \
        "مسؤول في شرطة ولاية هلمند"
    (st,) = nlp.statements(Article("d", "وشن الامين العام لحزب الله هجوما عنيفا على بعض القوى السياسية، وقال ان "
                                        "الطيران الاسرائيلي كان يقصف البلد.", "ar"))
    assert st.speaker.text == "الامين العام لحزب الله" and st.speaker.actor.id == "hezbollah"
    assert statements(nlp, "وتفقد الوزير المستشفى الميداني، وقال ان الوضع جيد.")[0][0] == "الوزير"
    text = ("وقال نصر الله ان المقاومة انتصرت. واشار بلهجة مليئة بالسخرية الى ان الاعلام الاسرائيلي انصف حزب الله "
            "اكثر من هذه القوى.")
    sts = nlp.statements(Article("d", text, "ar"))
    assert [st.speaker.text for st in sts] == ["نصر الله", "نصر الله"] and sts[1].speaker.resolved
    assert sts[1].content.text.startswith("الاعلام الاسرائيلي")
    # a role, the institution it serves (which the dictionary lacks) and its holder's name, then a relative clause
    got = statements(nlp, "وقال المسؤول في وزارة الصحة سلام جلالي الذي احصى احد عشر قتيلا ان بين القتلى طفلا.")
    assert got[0][0] == "المسؤول في وزارة الصحة سلام جلالي" and got[0][1] == "بين القتلى طفلا"
    # a relative clause that says something itself is a statement of its own, by the same spokesman
    text = ("وقد خرجت الامور عن السيطرة طبقا لما قاله متحدث باسم الشرطة الاثيوبية، الذي قال: نحن نعد انفسنا لسقوط "
            "نحو الف قتيل في هذا الفيضان وحده.")
    assert [(st.speaker.text, st.cue.text) for st in nlp.statements(Article("d", text, "ar"))] == [
        ("متحدث باسم الشرطة الاثيوبية", "قاله"), ("متحدث باسم الشرطة الاثيوبية", "قال")]
    # the body a report was given to, written with ل, is no speaker: "وقال" goes on with Annan
    text = ("دعا الامين العام للامم المتحدة كوفي انان اسرائيل الى تقديم تنازلات. وقال في تقرير عن الاوضاع قدمه "
            "لمجلس الامن الدولي في وقت متاخر من مساء الاول من امس ان القضية تحتاج الى معالجة.")
    assert [st.speaker.actor.id for st in nlp.statements(Article("d", text, "ar"))] == ["kofi_annan"] * 2
    # a bare bank, company, council or king stands for the last fuller one named before it
    text = "وقال البنك الدولي ان الاقتصاد ينمو. واضاف البنك في بيان ان القروض زادت."
    assert [st.speaker.actor.id for st in nlp.statements(Article("d", text, "ar"))] == ["world_bank"] * 2
    text = "ودعا مجلس الامن الى وقف النار. وقال المجلس ان الوضع خطير."
    assert [st.speaker.actor.id for st in nlp.statements(Article("d", text, "ar"))] == ["un_security_council"] * 2
    # "وحث" is the two-letter verb حثّ with the conjunction; "وادعت" (claimed) reports
    assert statements(nlp, "وحث الزعيمان على التهدئة وضبط النفس.")[0][0] == "الزعيمان"
    assert statements(nlp, "وادعت الصحيفة ان حركة حماس تستعد لمواجهة مع اسرائيل.")[0][:2] == (
        "الصحيفة", "حركة حماس تستعد لمواجهة مع اسرائيل")


def test_arabic_delegation_of_a_body_and_a_verb_whose_pronoun_is_its_fronted_object(nlp):
    """NewsFANE wire copy (2006, CC BY-SA 3.0, shortened): "وفد الامم المتحدة" is one mention, the UN's delegation
    (the head "وفد" had lost its first letter as if it were the conjunction و); in "الافكار التي حملها ... وفد الامم
    المتحدة رفضتها اسرائيل" Israel rejected the ideas, so the delegation before the verb does not speak."""
    text = "وقال السنيورة في حديث ان الافكار التي حملها من لبنان وفد الامم المتحدة رفضتها اسرائيل."
    (st,) = nlp.statements(Article("d", text, "ar"))
    assert st.speaker.text == "السنيورة"
    assert [(t.text, t.actor.id) for t in st.targets] == [("وفد الامم المتحدة", "united_nations"), ("اسرائيل", "ISR")]
    # the numbers eleven to nineteen count people whole ("عشر" alone was a target); Sunday is no unit
    found = [m.text for m in nlp.mentions(Article("d", "وقال المسؤول ان احد عشر قتيلا سقطوا.", "ar"), "ar")]
    assert "احد عشر قتيلا" in found
    found = [m.text for m in nlp.mentions(Article("d", "وقال المسؤول انه قتل يوم الاحد عشرة اشخاص.", "ar"), "ar")]
    assert "عشرة اشخاص" in found


def test_arabic_colon_after_the_verb_or_after_the_speakers_preamble(nlp):
    """NewsFANE wire copy (CC BY-SA 3.0, shortened) and sentences of the same form: "ومن هنا يقول فلان ...:" had no
    statement ("هنا" was read as a noun the verb describes); the speaker's apposition and the occasion before the
    colon are no content, so John Major, named in the occasion, is no target of Murphy's words; a colon right after
    the verb means the subject is not written ("وقال: «اسرائيل ..." is the last speaker's, Israel is a target)."""
    text = ('ومن هنا يقول شارلز مورفي السياسي الانجليزي بعد الزيارة الاخيرة التي قام بها جون ميجور رئيس وزراء '
            'بريطانيا الى هونج كونج: " من الواضح ان بريطانيا لا تستطيع الدفاع عن هونج كونج.')
    (st,) = nlp.statements(Article("d", text, "ar"))
    assert st.speaker.text == "شارلز مورفي"
    assert st.content.text.startswith("من الواضح ان بريطانيا")
    assert [t.text for t in st.targets] == ["بريطانيا"]
    text = "اكد الوزير ان الوضع خطير. وقال: «اسرائيل تعتدي على لبنان»."
    assert statements(nlp, text)[1] == ("الوزير", "«اسرائيل تعتدي على لبنان»", ["اسرائيل", "لبنان"])
    # a quotation after the verb may hold a name that speaks; a colon inside what is said stays in the content
    text = "اكد الوزير ان الوضع خطير. وقالت «هيومن رايتس ووتش» ان اسرائيل تعتدي على لبنان."
    assert statements(nlp, text)[1][0] == "هيومن رايتس ووتش"
    text = "وقال الرئيس ان الحكومة قررت ما يلي: منع التظاهر."
    assert statements(nlp, text)[0][1].startswith("الحكومة قررت ما يلي:")


def test_arabic_hamza_on_a_dotless_ya_is_the_same_letter(nlp):
    """"الطوارىء" is the older spelling of "الطوارئ" (NewsFANE, 2006): the UN force in Lebanon under either (an alias of
    each spelling: normalising ىء as ئ would part "شىء" from "شيء")."""
    for text in ("وقال قائد قوات الطوارىء الدولية ان اسرائيل تنتهك القرار.",
                 "وقال قائد قوات الطوارئ الدولية ان اسرائيل تنتهك القرار."):
        (st,) = nlp.statements(Article("d", text, "ar"))
        assert st.speaker.actor is not None and st.speaker.actor.id == "ar_alywnyfyl"


def test_arabic_but_he_added_and_words_that_open_a_clause_or_name_no_source(nlp):
    """NewsFANE wire copy (CC BY-SA 3.0, shortened) and sentences of the same form. "ولكنه اضاف" has the pronoun as its
    subject: the sentence's own subject when nobody has spoken in it yet (the Bank of England, not the statistics
    office of the sentence before), else the last speaker, never the words before "لكنه" ("الوضع خطير لكنه" was a
    speaker)."""
    text = ("وقال مكتب الاحصاء الوطني ان متوسط الدخل ارتفع ب 43 %. ويخشى بنك انجلترا المركزي ان يؤدي ارتفاع اسعار "
            "الطاقة الى زيادة تضخمية للاجور ولكنه اضاف ان زيادة الاجور تتفق مع ثبات الاسعار.")
    assert [st.speaker.text for st in nlp.statements(Article("d", text, "ar"))] == ["مكتب الاحصاء الوطني",
                                                                                     "بنك انجلترا المركزي"]
    text = "وقال الوزير ان الوضع خطير لكنه اضاف ان الحكومة تعمل."
    assert [s[0] for s in statements(nlp, text)] == ["الوزير", "الوزير"]
    text = "وانتقد الوزير اسرائيل. واعتقلت الشرطة المتظاهرين لكنها قالت ان الوضع هادئ."
    assert [s[0] for s in statements(nlp, text)] == ["الوزير", "الشرطة"]
    text = ("وقال رئيس تحرير جريدة ان الصحف تطالب بالرقابة. ولما كان الوزير مهاجراني لايؤمن بالرقابة من جهة لكنه "
            "يطالب بان تكون الكلمة المسئولة هي سيدة الموقف.")
    assert [s[0] for s in statements(nlp, text)] == ["رئيس تحرير جريدة", "مهاجراني"]
    # "في السياق" ends a phrase: "طلب" after it is the verb (asked), not the noun (a request)
    text = 'في السياق طلب الرئيس الفرنسي جاك شيراك من الاتحاد الاوروبي "تفويض" خافيير سولانا.'
    (st,) = nlp.statements(Article("d", text, "ar"))
    assert (st.speaker.actor.id, st.cue.text) == ("jacques_chirac", "طلب")
    # "تابعا ل" is "belonging to", not "going on to say"; "بحسب التوقيت" is a time, no source
    text = "وقال المتحدث ان جناحا تابعا لحركة تحرير السودان رفض توقيع الاتفاق."
    assert "تابعا" not in [st.cue.text for st in nlp.statements(Article("d", text, "ar"))]
    assert nlp.statements(Article("d", "واكتفى الشهيبي بالمرتبة الثامنة بحسب التوقيت المسجل.", "ar")) == []


def test_arabic_counted_source_after_according_to(nlp):
    """NewsFANE wire copy (CC BY-SA 3.0, shortened): "وبحسب العديد من الدبلوماسيين فان" had the source "العديد" (many),
    and the content opened on "من الدبلوماسيين فان"."""
    text = "وبحسب العديد من الدبلوماسيين فان بان تقدم على شاشي ثاروور."
    (st,) = nlp.statements(Article("d", text, "ar"))
    assert st.speaker.text == "العديد من الدبلوماسيين"
    assert st.content.text.startswith("بان تقدم")


def test_arabic_topic_after_amma_speaks_through_its_fa(nlp):
    """"أما X فـ<verb>" (as for X, he ...), in the exhaustive train texts' form: the topic is the verb's subject
    ("اما وزير الدولة ... كيم هاولز فوصف" had no statement; "اما الرئيس السنيورة فقد اعتبر" had the speaker "عملية
    الانزال ..."; "اما الوزير فانه يقول" the speaker "اما الوزير فانه"); not a topic that is no actor ("اما المحور
    الثالث فدعا فيه الظواهري": Zawahiri calls)."""
    text = "اما وزير الدولة للشؤون الخارجية كيم هاولز فوصف الهجوم بانه عمل ارهابي."
    (st,) = nlp.statements(Article("d", text, "ar"))
    assert st.speaker.text == "وزير الدولة للشؤون الخارجية كيم هاولز"
    text = "اما الرئيس السنيورة فقد اعتبر عملية الانزال الاسرائيلية بمثابة خرق للقرار."
    (st,) = nlp.statements(Article("d", text, "ar"))
    assert (st.speaker.text, st.speaker.actor.id) == ("الرئيس السنيورة", "fouad_siniora")
    assert statements(nlp, "اما الوزير فانه يقول ان ايران تهدد المنطقة.")[0][:2] == ("الوزير", "ايران تهدد المنطقة")
    assert statements(nlp, "اما المحور الثالث فدعا فيه الظواهري الى الجهاد.")[0][0] == "الظواهري"


def test_arabic_nawwaha_is_a_cue(nlp):
    """"نوّه" (noted; with ب, commended) was no cue though its participle "منوها" was (NewsFANE wire copy, CC BY-SA
    3.0, shortened): the second verb of the sentence goes on with its subject."""
    text = "وقلل صالح من اثار خسارة مباراة الامارات ونوه الى ان الوحدة لم يكن فيها بالصورة المعتادة."
    assert [(st.speaker.text, st.cue.text) for st in nlp.statements(Article("d", text, "ar"))] == [("صالح", "ونوه")]


def test_arabic_review_cases_of_session_66(nlp):
    """The topic after "أما" does not speak when the verb has a subject or an object pronoun of its own; a counted
    source is no source when its noun is a figure or a rule; "لكنه قد اضاف" is read as "لكنه اضاف"; "تابعا:" with a
    colon is still "he went on"; and "شىء" still normalises as "شيء"."""
    from stance.normalize import normalize_arabic

    assert statements(nlp, "اما اسرائيل فانتقدها الوزير بشدة.")[0][2] == ["اسرائيل"]
    assert statements(nlp, "اما لبنان فقد اعتبر رئيس وزرائه ان القرار ظالم.")[0][0] == "رئيس وزرائه"
    for text in ("وبحسب بعض التقديرات فان ايران تملك صواريخ.", "وبحسب عدد من القرارات فان ايران ملزمة بالتعاون."):
        assert nlp.statements(Article("d", text, "ar")) == []
    text = ("وقال مكتب الاحصاء الوطني ان متوسط الدخل ارتفع. ويخشى بنك انجلترا المركزي ان يؤدي ارتفاع اسعار الطاقة "
            "الى زيادة تضخمية للاجور ولكنه قد اضاف ان زيادة الاجور تتفق مع ثبات الاسعار.")
    assert [s[0] for s in statements(nlp, text)] == ["مكتب الاحصاء الوطني", "بنك انجلترا المركزي"]
    text = "وندد الوزير بالهجوم، تابعا: لا حل عسكريا للازمة مع ايران."
    assert "تابعا" in [st.cue.text for st in nlp.statements(Article("d", text, "ar"))]
    assert normalize_arabic("شىء") == normalize_arabic("شيء")



def test_a_name_with_its_office_in_apposition_speaks_for_the_office(nlp):
    """NewsFANE wire copy (CC BY-SA 3.0, shortened) and sentences of the same form: a name the dictionary lacks, then
    its office ("مارك ريجيف ؛ الناطق باسم وزارة الخارجية الاسرائيلية", "مجذوب الخليفة مستشار الرئيس السوداني")
    speaks for the body or office named there, as with the office first; so its own country is no target. The span
    ends at the name (it had run into "مستشار"). A person named in the office is not the speaker's actor, nor is an
    office that opens no apposition ("بحسب تقدير مراسل": the estimate of a correspondent)."""
    def lines(text, lang="ar"):
        return [(st.speaker.text, st.speaker.actor.id if st.speaker.actor else None, [t.text for t in st.targets])
                for st in nlp.statements(Article("d", text, lang))]
    text = ("وقال مارك ريجيف ؛ الناطق باسم وزارة الخارجية الاسرائيلية: ان اسرائيل لم تكن لتتصرف بهذه الطريقة لو كان "
            "لبنان قد نشر قواته علي الحدود مع سوريا.")
    ((speaker, actor, targets),) = lines(text)
    assert (speaker, actor) == ("مارك ريجيف", "ISRGOV.foreign_ministry")
    assert "لبنان" in targets  # (and "اسرائيل", the subject the content opens with: see test_own_country_as_subject)
    text = "وقال مجذوب الخليفة مستشار الرئيس السوداني ان السودان يقبل بتسوية مع المتمردين."
    assert lines(text) == [("مجذوب الخليفة", "SDNGOV.president", ["السودان", "المتمردين"])]  # (own, as subject)
    text = "وقال ستيفان دوجاريك، المتحدث باسم الامم المتحدة، ان القرار جاء نتيجة اتفاق مع ايران."
    assert lines(text)[0][:2] == ("ستيفان دوجاريك", "united_nations")
    text = "وقال جون سميث، مستشار الرئيس جورج بوش، ان ايران تهدد المنطقة."
    assert lines(text)[0][:2] == ("جون سميث", None)
    # titles before the name stay; a role phrase that names no name before the office is not cut
    text = "وقال العميد شارل شيخاني قائد اللواء العاشر ان الجيش اللبناني انتشر في الجنوب."
    assert lines(text)[0][0] == "العميد شارل شيخاني"
    text = "وقال المتحدث باسم الامين العام ستيفان دوجاريك ان انان يدين الهجوم."
    assert lines(text)[0][0] == "المتحدث باسم الامين العام ستيفان دوجاريك"
    text = ("Mark Regev, porte-parole du ministère israélien des Affaires étrangères, a déclaré qu'Israël n'aurait pas "
            "agi ainsi si le Liban avait déployé ses troupes.")
    ((speaker, actor, targets),) = lines(text, "fr")
    assert (speaker, actor) == ("Mark Regev", "ISRGOV.foreign_ministry_spokesperson")
    assert "Liban" in targets  # (and "Israël", the subject after "qu'": see test_own_country_as_subject)


@pytest.mark.parametrize("text, lang, speaker, target, kept", [
    # exhaustive Arabic train texts (GSR sentences the project annotated): the annotators keep the speaker's own
    # country where the content opens with it as its subject
    ("وقالت صحيفة هارتس ان اسرائيل تتوقع ان يرصد الجيش اللبناني واليونيفيل مخابئ الاسلحة.", "ar",
     "صحيفة هارتس", "اسرائيل", True),
    ('واكد نائب الرئيس العراقي ان "العراق سيواصل سياسته الدبلوماسية الرامية الى اطلاع القادة العرب على مواقفه".',
     "ar", "نائب الرئيس العراقي", "العراق", True),
    ("ومن جانبه، اكد مجذوب الخليفة مستشار الرئيس السوداني في تصريحات امس ان السودان يقبل بتسوية تتضمن نشر "
     "مستشارين وخبراء دوليين.", "ar", "مجذوب الخليفة", "السودان", True),
    ("Mark Regev, porte-parole du ministère israélien des Affaires étrangères, a déclaré qu'Israël n'aurait pas agi "
     "ainsi si le Liban avait déployé ses troupes.", "fr", "Mark Regev", "Israël", True),
    # after "que" with an article the mention leaves out, or a curly apostrophe (session 68's review)
    ("Mahmoud Ahmadinejad a déclaré que l'Iran ne reculera pas.", "fr", "Mahmoud Ahmadinejad", "Iran", True),
    ("Benjamin Netanyahou a déclaré qu’Israël ne reculera pas.", "fr", "Benjamin Netanyahou", "Israël", True),
    ("US President Barack Obama said that the United States would not back down.", "en",
     "US President Barack Obama", "United States", True),
    # the object of an evaluative cue is no subject, nor is a possessor, nor a word that only ends in "ان"
    ("وحذر نتنياهو اسرائيل من التراجع.", "ar", "نتنياهو", "اسرائيل", False),
    ("Benjamin Netanyahou a critiqué Israël pour son inaction.", "fr", "Benjamin Netanyahou", "Israël", False),
    ("Benjamin Netanyahu criticized Israel for its inaction.", "en", "Benjamin Netanyahu", "Israel", False),
    ('"Israel\'s position is clear," Benjamin Netanyahu said.', "en", "Benjamin Netanyahu", "Israel", False),
    ("وقال الرئيس المصري لان مصر لن تتراجع.", "ar", "الرئيس المصري", "مصر", False),
    # named further in, it is still no target; nor is the speaker itself, nor a country not its own
    ("واكد نائب الرئيس العراقي ان الحكومة ترفض التهديدات الاميركية بشن عدوان جديد على العراق.", "ar",
     "نائب الرئيس العراقي", "العراق", False),
    ("وقال الرئيس الايراني محمود احمدي نجاد ان احمدي نجاد لن يتراجع.", "ar",
     "الرئيس الايراني محمود احمدي نجاد", "احمدي نجاد", False),
    ("واكدت مصر ان مصر لن تتراجع عن موقفها.", "ar", "مصر", "مصر", False),  # (a country is its own affiliation)
])
def test_own_country_as_subject(nlp, text, lang, speaker, target, kept):
    """The speaker's own country is a target where the content opens with it as its subject (its statement is about
    it: on the 1,783 exhaustive train texts most such pairs added are gold pairs), not where it is named further in,
    nor where it is the object of an evaluative cue."""
    got = [(st.speaker.text, t.text) for st in nlp.statements(Article("d", text, lang)) for t in st.targets]
    assert ((speaker, target) in got) is kept, got


def test_arabic_bare_body_stands_for_the_body_of_its_kind_named_last(nlp):
    """"الحزب", "الحركة", "المنظمة" alone stand for the body of that kind named last in the article: "الحزب" in
    Nasrallah's words is his own party, so no target, and "الحركة" after "حركة حماس" is Hamas (not a node shared by
    every movement of a corpus). NewsFANE wire copy (CC BY-SA 3.0): "مصادر في منظمة اوبك ان المنظمة" the same.
    "الحكومة" stays as it is: the government named last is often not the one meant."""
    def lines(text):
        return [(st.speaker.text, [(t.text, t.actor.id if t.actor else None) for t in st.targets])
                for st in nlp.statements(Article("d", text, "ar"))]
    got = lines("وانتقد حزب الله الحكومة العراقية. وقال نصر الله ان قرار الحكومة لن يلزم الحزب.")
    assert got[1] == ("نصر الله", [("الحكومة", None)])
    # (the subject the content opens with is its target: see test_own_country_as_subject)
    got = lines("وانتقد حزب الله الحكومة العراقية. وقال نصر الله ان الحزب لن يقبل بقرار الحكومة.")
    assert got[1] == ("نصر الله", [("الحزب", "hezbollah"), ("الحكومة", None)])
    got = lines("وانتقدت اسرائيل حركة حماس. وقال الرئيس المصري ان الحركة تريد التهدئة.")
    assert got[1] == ("الرئيس المصري", [("الحركة", "hamas")])
    text = "وقالت مصادر في منظمة اوبك ان المنظمة تراقب الوضع عن كثب."
    assert all(t != "المنظمة" for _, targets in lines(text) for t, _ in targets)


def test_review_cases_of_session_67(nlp):
    """What a review of the two changes above found: an office right after a name is the object of a verb that takes
    one ("وابلغ", "واتهم", "ودعا"), not the speaker's office, unless a comma sets it off; a former office speaks for
    no one now; a French article is a word of its own ("ambassadeur" is no "a" + "mbassadeur"); a bare body does not
    reach past another body of its kind named in between ("حزب جديد"), nor stand for one when a definite word
    qualifies it ("الحزب الحاكم"); "للحركة" is the bare body after ل."""
    def speaker_actor(text, lang="ar"):
        return [st.speaker.actor.id if st.speaker.actor else None for st in nlp.statements(Article("d", text, lang))]
    assert speaker_actor("وابلغ جون سميث رئيس الوزراء العراقي ان واشنطن تدعم بغداد.")[0] is None
    assert speaker_actor("ودعا جون سميث رئيس الوزراء العراقي الى الاستقالة لان الوضع خطير في بغداد.")[0] is None
    assert speaker_actor("ودعا جون سميث، رئيس الوزراء العراقي، الى الاستقالة.")[0] == "IRQGOV.prime_minister"
    # an evaluative verb with no person object: the office describes the name ("وأدان أحمد عبد الرحمن مستشار الرئيس")
    assert speaker_actor("وأدان أحمد عبد الرحمن مستشار الرئيس الفلسطيني «الإجرام الذي ترتكبه حكومة إسرائيل».")[0] \
        == "PSEGOV.president"
    assert speaker_actor("وقال محمد علي رئيس الوزراء العراقي السابق ان ايران تتدخل في العراق.")[0] is None
    assert speaker_actor("Jean Dupont, ambassadeur du Liban, a critiqué Israël.", "fr")[0] == "LBN"

    def targets(text):
        return [[(t.text, t.actor.id if t.actor else None) for t in st.targets]
                for st in nlp.statements(Article("d", text, "ar"))]
    got = targets("وانتقد حزب الله اسرائيل. وقال رئيس حزب جديد ان الحزب سيشارك في الانتخابات.")
    assert ("الحزب", None) in got[1]
    got = targets("وانتقد حزب الله اسرائيل. وقال الحزب ان اسرائيل تعتدي. وقال الرئيس المصري ان الحزب يهدد لبنان.")
    assert ("الحزب", "hezbollah") in got[2]  # a bare "الحزب" between them is the same party
    got = targets("وانتقدت اسرائيل حركة حماس. وقال الرئيس المصري ان للحركة دورا في التهدئة.")
    assert [a for t, a in got[1] if t.endswith("لحركة")] == ["hamas"]  # (the recogniser's span starts at its second ل)


@pytest.mark.parametrize("text, speakers, targets", [
    # a role, a qualifier of it in "لل" or "في", then its holder's name: the name speaks, it is no target
    ("وقال منسق معونات الطوارئ للامم المتحدة يان ايغلاند ان اسرائيل تنتهك القانون الدولي.",
     ["منسق معونات الطوارئ للامم المتحدة يان ايغلاند"], ["اسرائيل"]),
    ("وقال رئيس تجمع الشباب للتوعية الاجتماعية «يازا» زياد عقل لـ«الشرق الاوسط» ان الحكومة فشلت.",
     ["رئيس تجمع الشباب للتوعية الاجتماعية «يازا» زياد عقل"], ["الحكومة"]),
    ("وقال مدير المستشفى في مدينة غزة محمد حسن ان الاطباء يعملون بلا توقف.",
     ["مدير المستشفى في مدينة غزة محمد حسن"], ["الاطباء"]),
    # ... but not the one told: an addressee of its own before the name
    ("وقال المتحدث باسم الجيش للاذاعة الاسرائيلية ان حماس اطلقت الصواريخ.",
     ["المتحدث باسم الجيش للاذاعة الاسرائيلية"], ["حماس"]),
    # a dual head speaks through the two it names, each a speaker, neither a target
    ("ونفت حركتا حماس والجهاد الاسلامي ان يكون قد جرى التوصل الى اتفاق مع اسرائيل.",
     ["حماس", "الجهاد الاسلامي"], ["اسرائيل"]),
    ("وقالت منظمتا العفو الدولية وهيومن رايتس ووتش ان الحكومة المصرية تعذب المعتقلين.",
     ["العفو الدولية", "هيومن رايتس ووتش"], ["الحكومة المصرية", "المعتقلين"]),
    # the speaker's short name in brackets is part of the speaker; a place in brackets is not
    ("ونفت حركة المقاومة الاسلامية (حماس) انباء اسرائيلية عن قبولها الاتفاقيات.",
     ["حركة المقاومة الاسلامية (حماس)"], ["اسرائيلية"]),
    ("وقال الرئيس الفلسطيني محمود عباس (ابو مازن) ان اسرائيل تعرقل السلام.",
     ["الرئيس الفلسطيني محمود عباس (ابو مازن)"], ["اسرائيل"]),
    # the body a speaker belongs to ("التابعة لـ") is part of the speaker
    ("وقد اتهمت الادارة الدولية التابعة للامم المتحدة المتظاهرين بتهديد الامن.",
     ["الادارة الدولية التابعة للامم المتحدة"], ["المتظاهرين"]),
    ("وأعلنت وزارة الصحة التابعة لحركة حماس مقتل عشرة فلسطينيين.",
     ["وزارة الصحة التابعة لحركة حماس"], ["فلسطينيين"]),
    # a compound given name ("زين الدين"), and a nationality as a noun before a name, are the speaker's
    ("وقال الفرنسي زين الدين زيدان ان الاتحاد الدولي ظلم فريقه.", ["الفرنسي زين الدين زيدان"], []),
    ("واعرب المغربي يونس العيناوي عن سعادته بفوزه.", ["المغربي يونس العيناوي"], []),
])
def test_arabic_speaker_phrases_of_session_71(nlp, text, speakers, targets):
    got = statements(nlp, text)
    assert [s for s, _, _ in got] == speakers, got
    assert all(t == targets for _, _, t in got), got


def test_a_body_a_speaker_belongs_to_is_its_actor(nlp):
    st = nlp.statements(Article("d", "وأعلنت وزارة الصحة التابعة لحركة حماس مقتل عشرة فلسطينيين.", "ar"))
    assert [s.speaker.actor.id for s in st] == ["hamas"]
    # ... also when the rules' span already runs over it
    st = nlp.statements(Article("d", "وقالت الشرطة التابعة لحركة حماس ان المسلحين هاجموا الحاجز.", "ar"))
    assert [(s.speaker.text, s.speaker.actor.id) for s in st] == [("الشرطة التابعة لحركة حماس", "hamas")]
    st = nlp.statements(Article("d", "وقال مسؤول في الشرطة (غرب) ان المسلحين قتلوا ثلاثة اشخاص.", "ar"))
    assert "(غرب)" not in st[0].speaker.text


@pytest.mark.parametrize("text, speaker, targets", [
    # (review of session 71) what "حذر X من" warns of is no co-speaker chain: the list after the first stays targets
    ("وحذر الرئيس الاميركي جورج بوش من ايران وسوريا وكوريا الشمالية.", "الرئيس الاميركي جورج بوش",
     ["سوريا", "كوريا الشمالية"]),
    # a dual head before a nationality and a name: the nationality does not speak for both
    ("وقال الزعيمان الفلسطيني محمود عباس والاسرائيلي ايهود اولمرت ان السلام ممكن.", "الزعيمان الفلسطيني محمود عباس",
     None),
    # past a qualifier, the name is never the one told ("ابلغ"), nor the one the role serves, nor a man who cannot
    # hold the role
    ("وابلغ قائد القوات الاميركية في العراق نوري المالكي ان الوضع الامني تحسن.", "قائد القوات الاميركية", None),
    ("وابلغ مسؤول في المعارضة للامم المتحدة كوفي انان ان الحكومة تقمع المتظاهرين.", "مسؤول", None),
    ("وقال مستشار للزعيم الليبي معمر القذافي ان ليبيا ترفض العقوبات.", "مستشار", None),
    ("وقال وزير الخارجية للوفد الاميركي برئاسة جون نغروبونتي ان سوريا تدعم الاستقرار.", "وزير الخارجية", None),
    # a place in brackets after a country's source is no alias
    ("وقال مصدر ايراني (طهران) ان الحكومة ترفض العقوبات.", "مصدر ايراني", ["الحكومة"]),
])
def test_review_cases_of_session_71(nlp, text, speaker, targets):
    got = statements(nlp, text)
    assert got[0][0] == speaker and targets in (None, got[0][2]), got


def test_told_me_before_a_definite_speaker_is_no_part_of_it(nlp):
    """"قال لي الرئيس": to me; the president speaks. Before a name "لي" is Lee, as before."""
    assert statements(nlp, "وقال لي الرئيس ان الحكومة فشلت في حماية المدنيين.")[0][0] == "الرئيس"
    assert statements(nlp, "وقال لي مسؤول في الحزب ان الحكومة فشلت.")[0][0] == "مسؤول في الحزب"
    assert statements(nlp, "وقال لي ميونغ باك ان كوريا الشمالية تهدد المنطقة.")[0][0].startswith("لي ميونغ")
