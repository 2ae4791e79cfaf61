from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventdesk.geo.fold import ascii_name, fold, fold_long


@pytest.mark.parametrize(
    "variants",
    [
        ("Nassiriya", "Nasiriyah", "An Nāşirīyah", "an-Nasiriya", "Nasiriya"),
        ("Samawa", "As Samawah", "as-Samawah"),
        ("al-Diwaniyah", "Ad Dīwānīyah", "Diwaniya", "el-Diwaniyah"),
        ("Mossoul", "Mosul"),
        ("Kirkouk", "Kirkūk"),
        ("l'Irak", "Irak", "L’Irak"),
        ("Sana'a", "Sanaa", "Ṣan‘ā’"),
        ("Ash Shatrah", "ash-Shatra"),
        ("الناصرية", "النَّاصِرِيَّة", "الناصريّة"),
        ("أربيل", "اربيل", "إربيل"),
    ],
)
def test_spellings_meet_on_one_key(variants: tuple[str, ...]) -> None:
    keys = {fold(v) for v in variants}
    assert len(keys) == 1, keys


def test_articles_are_dropped_only_at_word_starts_and_before_their_letter() -> None:
    assert fold("The Hague") == fold("Hague")
    assert fold("Al Anbar") == fold("Anbar") == "anbar"
    assert fold("As Sulaymaniyah") == fold("Sulaymaniyah")
    # a sun-letter article before another letter is a word of the name
    assert fold("As Bakr") != fold("Bakr")
    assert fold("Al") == "al"  # an article alone stays


def test_ee_and_oo_for_long_vowels_have_a_key_of_their_own() -> None:
    # English spellings of long ī and ū, for a lookup whose plain key is unknown
    assert fold_long("Tikreet") == fold("Tikrit") == fold("Tikrīt")
    assert fold_long("Falloojah") == fold("Al Fallūjah")
    assert fold_long("Tikrit") == ""  # neither: no second key
    # not a step of fold: a Somali or Dutch ee is a long e
    assert fold("Ceel") != fold("Cil") and fold("Zeeland") != fold("Ziland")


def test_different_places_stay_apart() -> None:
    assert fold("Niger") != fold("Nigeria")
    assert fold("Irak") != fold("Iran")
    assert fold("Tal Afar") != fold("Tall Abyad")


def test_ascii_name_keeps_case() -> None:
    assert ascii_name("Dhī Qār") == "Dhi Qar"
    assert ascii_name("Şalāḩ ad Dīn") == "Salah ad Din"


@given(st.text())
def test_fold_never_raises(text: str) -> None:
    assert isinstance(fold(text), str)


def test_st_and_ste_before_a_name_are_saint_and_sainte() -> None:
    assert fold("St. Brendan") == fold("Saint-Brendan") == fold("Saint Brendan")
    assert fold("Ste. Odile") == fold("Sainte-Odile")
    assert fold("St-Ouen-les-Vignes") == fold("Saint-Ouen-les-Vignes")
    assert fold("East St. Morley") == fold("East Saint Morley")
    assert fold("Mill St") == "mil st"  # a street's last word
    assert fold("Sterling") != fold("Saint erling")  # a word starting with st
