from eventdesk.code.qualifiers import _candidates


def _names(text: str) -> list[str]:
    return [text[a:b] for a, b in _candidates(text)]


def test_units_named_in_brackets_after_commas_and_with_their_kind() -> None:
    assert "Lakeside" in _names("Gunmen shot a farmer near Kamba (Lakeside).")
    names = _names("Troops clashed with rebels near Doro (Upper Bend, Lakeside).")
    assert "Upper Bend" in names and "Lakeside" in names
    assert "Harran" in _names("A convoy was ambushed in Harran province on Monday.")
    assert "Sefa" in _names("Shells fell on Mirat district, Sefa.")
    assert _names("Nothing (of note) happened.") == []
