"""The member rules' text settings have one reading (sync.member_rules): what the counter
accepts the server accepts, and the other way round, so a setting saved at a counter is never
refused when it reaches the server."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salon_pos.domain.balances import (
    InvalidPointsRates,
    InvalidTopUpRules,
    parse_points_rates,
    parse_top_up_rules,
)
from salon_pos.domain.errors import UserError
from salon_pos.domain.tiers import InvalidTiers, parse_tiers
from sync.operations.setup import member_setting

PIECES = ["普通", "黄金", "美甲", ":", ";", ",", "，", "=", "0", "5", "95", "100", "101", "500000",
          " ", "²", "１", "-", ""]  # fmt: skip
READERS = {
    "tiers": (parse_tiers, InvalidTiers),
    "top_up_rules": (parse_top_up_rules, InvalidTopUpRules),
    "points_rates": (parse_points_rates, InvalidPointsRates),
}


def _accepted(read, refusal: type[UserError], text: str) -> bool:  # type: ignore[no-untyped-def]
    try:
        read(text)
    except refusal:
        return False
    return True


@pytest.mark.parametrize("field", sorted(READERS))
@given(text=st.lists(st.sampled_from(PIECES), max_size=12).map("".join))
def test_the_counter_and_the_server_accept_the_same_settings(field: str, text: str) -> None:
    read, refusal = READERS[field]
    counter = _accepted(read, refusal, text)  # never any other exception: a plain refusal
    try:
        member_setting(field, text)
        server = True
    except ValueError:
        server = False
    assert counter is server, text


@pytest.mark.parametrize(
    ("field", "text"),
    [("top_up_rules", "²:1"), ("top_up_rules", "100000:20000,100000:1"),
     ("points_rates", "美甲=²"), ("points_rates", "美甲=1001"), ("tiers", "黄金:²:95"),
     ("tiers", "黄金:100:95:美甲=90:多余")],
)  # fmt: skip
def test_odd_digits_and_repeats_are_refused_plainly(field: str, text: str) -> None:
    read, refusal = READERS[field]
    with pytest.raises(refusal):
        read(text)
