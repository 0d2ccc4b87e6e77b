import pytest
from hypothesis import given
from hypothesis import strategies as st

from salon_pos.domain.errors import InvalidAmount
from salon_pos.domain.money import format_money, format_yuan, parse_yuan


@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("198", 19800),
        ("198.00", 19800),
        ("198.5", 19850),
        ("0.05", 5),
        ("¥1,980.50", 198050),
        ("￥38", 3800),
        (" 12 元 ", 1200),
        ("-3.20", -320),
    ],
)
def test_parse_yuan_reads_what_people_type(text: str, fen: int) -> None:
    assert parse_yuan(text) == fen


@pytest.mark.parametrize(
    "text", ["", "abc", "1.234", "1..2", "12,3a", "1e3", "--1", "١٢", "9" * 31, "9" * 5000]
)  # Arabic-Indic digits; absurdly long (int() refuses past 4,300 digits; callers cap amounts)
def test_parse_yuan_refuses_anything_else_with_a_message(text: str) -> None:
    with pytest.raises(InvalidAmount) as raised:
        parse_yuan(text)
    assert text in raised.value.message("zh_CN")
    assert "198.50" in raised.value.message("en")


@given(st.integers(min_value=-(10**9), max_value=10**9))
def test_format_then_parse_round_trips(fen: int) -> None:
    assert parse_yuan(format_yuan(fen)) == fen


def test_format_money_uses_the_symbol_asked_for() -> None:
    assert format_money(19800) == "¥198.00"
    assert format_money(-5, "￥") == "-￥0.05"
