from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parley.errors import InputError
from parley.ingest.text import decode
from parley.records import content_hash, normalise_text


def test_utf8_with_bom_and_crlf_becomes_plain_lines() -> None:
    assert decode("\ufeffLine one\r\nLine two\r".encode(), "a.txt") == "Line one\nLine two\n"


def test_cp1252_is_detected() -> None:
    text = "Le président a déclaré que les négociations « avancent » à Naqoura, selon l'armée."
    assert decode(text.encode("cp1252"), "a.txt") == text


def test_utf16_with_bom_is_detected() -> None:
    text = "Israeli and Lebanese officials met in Naqoura on Tuesday."
    assert decode(text.encode("utf-16"), "a.txt") == text


def test_text_is_normalised_to_nfc() -> None:
    decomposed = "Beyrouth: le pre\u0301sident"
    assert decode(decomposed.encode(), "a.txt") == "Beyrouth: le pr\u00e9sident"


@pytest.mark.parametrize("data", [b"", b"   \n\t  ", "\ufeff \n".encode()])
def test_empty_input_is_refused(data: bytes) -> None:
    with pytest.raises(InputError, match="empty"):
        decode(data, "empty.txt")


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
    ],
)
def test_known_binary_formats_are_named(data: bytes, what: str) -> None:
    with pytest.raises(InputError, match=what) as caught:
        decode(data, "file.bin")
    assert caught.value.source == "file.bin"


def test_random_bytes_are_not_text() -> None:
    data = random.Random(7).randbytes(4000)
    with pytest.raises(InputError, match=r"not text|undecodable"):
        decode(data, "noise.dat")


@given(st.text(min_size=1))
def test_normalising_twice_changes_nothing(text: str) -> None:
    once = normalise_text(text)
    assert normalise_text(once) == once


@given(st.lists(st.text(alphabet="abcdefghij", min_size=1, max_size=8), min_size=1), st.data())
def test_content_hash_ignores_whitespace_layout(words: list[str], data: st.DataObject) -> None:
    gaps = data.draw(
        st.lists(
            st.sampled_from([" ", "  ", "\n", "\t", " \n "]),
            min_size=len(words),
            max_size=len(words),
        )
    )
    spaced = "".join(w + g for w, g in zip(words, gaps, strict=True))
    assert content_hash(spaced) == content_hash(" ".join(words))


def test_input_errors_survive_pickling() -> None:
    import pickle

    error = pickle.loads(pickle.dumps(InputError("a.txt", "empty")))
    assert (error.source, error.reason, str(error)) == ("a.txt", "empty", "a.txt: empty")
