"""Words around a place name that say what kind of place it is. Sentences written for these
tests."""

from __future__ import annotations

import pytest

from eventdesk.geo.cues import kind_cue


def _cue(text: str, name: str) -> str | None:
    start = text.index(name)
    return kind_cue(text, start, start + len(name))


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Fighting went on in the Kunar province.", "Kunar", "admin1"),
        ("Fighting went on in the Kunar border province.", "Kunar", "admin1"),
        ("Rockets fell on the Dand southern district.", "Dand", "admin2"),
        ("Troops crossed the Tana coastal county on foot.", "Tana", "admin2"),
        ("Shelling hit Sarpol town.", "Sarpol", "city"),
        # "a village in X": X holds the village, no village itself
        ("Gunmen raided a village in Kebbi.", "Kebbi", None),
        ("A base in Zabul was shelled.", "Zabul", None),
        # "the Y district of X": X holds a named district (a province or a city), no district
        ("Shells fell in the Dand district of Kandahar.", "Kandahar", None),
        ("Fires hit the Xqz village of Zabul.", "Zabul", None),
        ("Rockets hit the district of Kandahar.", "Kandahar", "admin2"),
        # a word that is no place's situation keeps the cue off
        ("Fighting in Kunar, whose police province chief resigned.", "Kunar", None),
    ],
)
def test_a_unit_word_may_follow_a_word_of_where_the_unit_lies(
    text: str, name: str, kind: str | None
) -> None:
    assert _cue(text, name) == kind
