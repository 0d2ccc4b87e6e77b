"""Member tiers and member prices (issue 10, part 4)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salon_pos.domain.tiers import (
    DEFAULT_TIERS,
    InvalidTiers,
    MemberPricing,
    Tier,
    TierBasis,
    is_birthday_month,
    parse_tiers,
    tier_of,
    tiers_text,
)


def test_the_default_tiers_are_ordinary_gold_and_diamond() -> None:
    tiers = parse_tiers(DEFAULT_TIERS)
    assert [(t.name, t.threshold, t.percent) for t in tiers] == [
        ("普通", 0, 100),
        ("黄金", 500000, 100),  # no member price until the store sets one
        ("钻石", 2000000, 100),
    ]
    assert tier_of(tiers, 499999, 0, TierBasis.SPEND).name == "普通"  # type: ignore[union-attr]
    assert tier_of(tiers, 500000, 0, TierBasis.SPEND).name == "黄金"  # type: ignore[union-attr]
    assert tier_of(tiers, 0, 3_000_000, TierBasis.VISITS).name == "钻石"  # type: ignore[union-attr]
    assert tier_of((), 10**9, 0, TierBasis.SPEND) is None


def test_a_category_may_have_its_own_percent_and_the_birthday_takes_the_lower() -> None:
    [gold] = parse_tiers("黄金:500000:95:美甲=90,美睫=85")
    pricing = MemberPricing(gold)
    assert (pricing.percent("面部护理"), pricing.percent("美甲")) == (95, 90)
    assert pricing.unit_price(19800, "面部护理") == 18810
    assert pricing.unit_price(16800, "美甲") == 15120
    assert MemberPricing(gold, birthday_percent=80).percent("美甲") == 80
    assert MemberPricing(None, birthday_percent=80).unit_price(10000, "x") == 8000
    assert is_birthday_month(date(1990, 12, 31), date(2026, 12, 6))
    assert not is_birthday_month(None, date(2026, 12, 6))


@pytest.mark.parametrize(
    "text",
    [
        "黄金:abc:95",
        ":100:95",
        "黄金:100:0",
        "黄金:100:101",
        "黄金:100:95:美甲=200",
        "黄金:100:95:=90",
    ],
)
def test_bad_tiers_are_refused_with_the_part_named(text: str) -> None:
    with pytest.raises(InvalidTiers) as refused:
        parse_tiers(text)
    assert text.split(";")[0] in refused.value.text("zh")


@given(
    st.lists(
        st.builds(
            Tier,
            st.text("金银铜钻ABC", min_size=1, max_size=4),
            st.integers(0, 10**8),
            st.integers(1, 100),
            st.dictionaries(st.sampled_from(["美甲", "美睫", "面部"]), st.integers(1, 100)),
        ),
        max_size=5,
    )
)
def test_tiers_read_back_as_written(tiers: list[Tier]) -> None:
    assert parse_tiers(tiers_text(tiers)) == tuple(sorted(tiers, key=lambda t: t.threshold))


@given(st.integers(0, 10**8), st.integers(1, 100))
def test_a_member_price_is_never_above_the_catalog_and_never_below_zero(
    price: int, percent: int
) -> None:
    paid = MemberPricing(Tier("x", 0, percent)).unit_price(price, "")
    assert 0 <= paid <= price
