"""Sealed text: opens only with the key that sealed it, for the customer and field it belongs to."""

import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salon_pos.domain import sealed

KEY = bytes(range(32))


def _seal(text: str, customer: str = "c1", field: str = "health_notes", key: bytes = KEY) -> str:
    return sealed.seal(key, os.urandom(12), text, customer, field)


@given(st.text(min_size=1, max_size=2000))
def test_any_text_opens_again_and_the_sealed_form_is_what_the_server_accepts(text: str) -> None:
    value = _seal(text)
    assert value.startswith("sealed:1:" + sealed.key_id(KEY))
    assert sealed.is_sealed(value)
    assert sealed.open_sealed({sealed.key_id(KEY): KEY}, value, "c1", "health_notes") == text


def test_empty_stays_empty_and_plain_text_is_not_sealed() -> None:
    assert _seal("") == "" and sealed.is_sealed("")
    assert not sealed.is_sealed("青霉素过敏") and not sealed.is_sealed("sealed:1:zz:abc")


@pytest.mark.parametrize(
    ("customer", "field", "keys"),
    [
        ("c2", "health_notes", {sealed.key_id(KEY): KEY}),  # copied to another customer
        ("c1", "allergies", {sealed.key_id(KEY): KEY}),  # or to another field
        ("c1", "health_notes", {}),  # a key not held
        ("c1", "health_notes", {sealed.key_id(KEY): bytes(32)}),  # a wrong key under its id
    ],
)
def test_a_value_does_not_open_elsewhere_or_without_its_key(
    customer: str, field: str, keys: dict[str, bytes]
) -> None:
    with pytest.raises(sealed.CannotOpen):
        sealed.open_sealed(keys, _seal("孕期"), customer, field)


def test_an_altered_value_does_not_open() -> None:
    value = _seal("孕期 24 周")
    altered = value[:-3] + ("A" if value[-3] != "A" else "B") + value[-2:]
    with pytest.raises(sealed.CannotOpen):
        sealed.open_sealed({sealed.key_id(KEY): KEY}, altered, "c1", "health_notes")
