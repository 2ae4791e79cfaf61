from eventdesk.clean import clean, line_key, prepare
from eventdesk.clean.clutter import classify


def test_rules_find_teasers_share_lines_source_and_captions():
    texts = [
        "Accueil > Afrique > Mali",
        "Une embuscade fait trois morts près de Gao",
        "Des soldats en patrouille près de Gao. (Photo d'archives)",
        "Des soldats ont été tués lundi dans une embuscade au nord de Gao, selon l'armée.",
        "Lire aussi: Le Mali annonce un couvre-feu à Ménaka",
        "Read more: Niger junta names new cabinet",
        "اقرأ أيضا: اشتباكات في ريف إدلب",
        "Partager cet article",
        "Share this article",
        "SOURCE: SAHEL MATIN",
    ]
    reasons = classify(texts)
    assert reasons == [
        "breadcrumb",
        None,
        "caption",
        None,
        "teaser",
        "teaser",
        "teaser",
        "share",
        "share",
        "source-line",
    ]


def test_bare_teaser_takes_the_title_on_the_next_line_with_it():
    texts = ["Un convoi a été attaqué jeudi à Kidal.", "Lire aussi", "Le titre d'un autre article"]
    assert classify(texts) == [None, "teaser", "teaser"]


def test_short_header_and_footer_scraps_go_but_a_title_stays():
    texts = ["TV", "Irak : double attaque contre des convois", "Le texte de l'article.", "Menu"]
    assert classify(texts) == ["header-scrap", None, None, "footer-scrap"]


def test_learned_boilerplate_is_removed_whatever_it_says():
    line = "Le président lors d'une cérémonie dans la capitale en 2019."
    texts = ["Titre", line, "Le corps de l'article, qui reste."]
    assert classify(texts, {line_key(line)}) == ["header-scrap", "boilerplate", None]


def test_cleaned_text_maps_back_to_the_raw_text():
    raw = "TV\n\nUn titre\n\nLire aussi: autre chose\n\nLe 5 août, deux convois ont été\u00a0attaqués.\n"
    p = prepare(raw)
    c = clean(p)
    assert c.text.text == "Un titre\nLe 5 août, deux convois ont été attaqués."
    i = c.text.text.index("Le 5 août")
    a, b = c.text.raw_span(i, len(c.text.text))
    assert raw[a:b] == "Le 5 août, deux convois ont été\u00a0attaqués."
