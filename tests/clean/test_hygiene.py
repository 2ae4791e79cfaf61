from hypothesis import given
from hypothesis import strategies as st

from eventdesk.clean.hygiene import normalise_line, paragraphs


def _check_map(raw: str, mapped) -> None:
    """Every clean character that was copied unchanged maps to the same raw character."""
    for i, ch in enumerate(mapped.text):
        r = mapped.to_raw(i)
        assert 0 <= r < len(raw)
        if ch.isalnum() and raw[r].isalnum() and raw[r] == ch:
            continue
        if ch.isalnum():
            # a normalised letter points at the character it came from (e.g. a ligature)
            assert not raw[r].isspace()


def test_nbsp_and_curly_apostrophe_are_made_plain():
    raw = "Dhi\u00a0Qar et l\u2019armée à Ali\u202fAl  Salem"
    p = normalise_line(raw, 0, len(raw))
    assert p.text == "Dhi Qar et l'armée à Ali Al Salem"
    a, b = p.raw_span(p.text.index("Ali"), len(p.text))
    assert raw[a:b] == "Ali\u202fAl  Salem"


def test_invisible_characters_and_tatweel_are_dropped_and_presentation_forms_normalised():
    raw = "\u200fالعـــراق \ufefb شيء"
    p = normalise_line(raw, 0, len(raw))
    assert p.text == "العراق لا شيء"
    assert raw[p.to_raw(0)] == "ا"


def test_combining_accents_are_composed():
    raw = "e\u0301te\u0301"
    assert normalise_line(raw, 0, len(raw)).text == "été"


def test_one_paragraph_per_line_and_wrapped_lines_joined():
    raw = "Titre de l'article\n\nPremière phrase qui continue\nsur la ligne suivante.\nDeuxième paragraphe.\n"
    paras = [p.text for p in paragraphs(raw)]
    assert paras == [
        "Titre de l'article",
        "Première phrase qui continue sur la ligne suivante.",
        "Deuxième paragraphe.",
    ]
    joined = paragraphs(raw)[1]
    a, b = joined.raw_span(0, len(joined.text))
    assert raw[a:b] == "Première phrase qui continue\nsur la ligne suivante."


@given(st.text())
def test_hygiene_never_raises_and_offsets_stay_in_range(raw: str):
    for p in paragraphs(raw):
        assert "\n" not in p.text
        _check_map(raw, p)
        a, b = p.raw_span(0, len(p.text))
        assert 0 <= a <= b <= len(raw)
