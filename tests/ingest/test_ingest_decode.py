from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from ingest_samples import ARABIC, FRENCH

from eventdesk.errors import DecodeError
from eventdesk.ingest.decode import decode_bytes


def test_utf8_is_read_and_its_bom_dropped() -> None:
    assert decode_bytes("\ufeff".encode() + FRENCH.encode("utf-8")) == FRENCH
    assert decode_bytes(ARABIC.encode("utf-8")) == ARABIC


def test_latin1_french_decodes_to_the_right_accents() -> None:
    assert decode_bytes(FRENCH.encode("latin-1")) == FRENCH


def test_cp1252_french_with_typographic_quotes() -> None:
    text = FRENCH.replace("l'ordre", "l’ordre") + " Coût : 30 €."
    assert decode_bytes(text.encode("cp1252")) == text


def test_windows_1256_arabic_decodes_to_arabic_letters() -> None:
    assert decode_bytes(ARABIC.encode("cp1256")) == ARABIC


def test_a_declared_charset_is_used_when_utf8_fails() -> None:
    short = "Café fermé à Brévilly."  # too short to guess reliably
    assert decode_bytes(short.encode("latin-1"), declared="iso-8859-1") == short


def test_a_wrong_declared_charset_loses_to_valid_utf8() -> None:
    assert decode_bytes(FRENCH.encode("utf-8"), declared="windows-1256") == FRENCH


def test_utf16_with_bom() -> None:
    assert decode_bytes(ARABIC.encode("utf-16")) == ARABIC


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        bytes(range(256)) * 8,
        b"text\x00with a NUL byte",
        b"\x01\x02\x03\x04\x05\x06 words \x07\x08\x0e\x0f" * 20,
    ],
)
def test_binary_data_raises_decode_error(data: bytes) -> None:
    with pytest.raises(DecodeError, match="binary data|no text"):
        decode_bytes(data)


def test_decode_error_message_says_where_the_nul_is() -> None:
    with pytest.raises(DecodeError, match="NUL byte at offset 4"):
        decode_bytes(b"abcd\x00efgh")


@given(st.binary(max_size=2048))
def test_arbitrary_bytes_decode_or_raise_decode_error(data: bytes) -> None:
    try:
        assert isinstance(decode_bytes(data), str)
    except DecodeError as exc:
        assert exc.reason == "undecodable"
