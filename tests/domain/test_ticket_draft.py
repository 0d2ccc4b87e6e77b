"""A parked ticket's draft: any draft comes back from its JSON the same; bad or newer JSON is
a clear UserError in both languages, never a crash."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salon_pos.domain.errors import (
    EmptyTicket,
    QuantityNotPositive,
    SharesDoNotAddUp,
    UserError,
)
from salon_pos.domain.ticket import MAX_UNIT_PRICE, LineKind
from salon_pos.domain.ticket_draft import (
    DRAFT_VERSION,
    DraftLine,
    DraftShare,
    ParkedTicketTooNew,
    ParkedTicketUnreadable,
    TicketDraft,
)

text = st.text(max_size=12)
fen = st.integers(min_value=0, max_value=10_000_000)


@st.composite
def draft_lines(draw: st.DrawFn) -> DraftLine:
    unit_price = draw(fen)
    quantity = draw(st.integers(min_value=1, max_value=50))
    kind = draw(st.sampled_from(list(LineKind)))
    # A discount a till takes: at most the line's amount and the till's limit (PricedLine.validate).
    most = min(unit_price * quantity, MAX_UNIT_PRICE)
    discount = 0 if kind is LineKind.STORED_VALUE else draw(st.integers(0, most))
    waiver = draw(
        st.none() | st.fixed_dictionaries({"id": text, "reason": text, "tested_on": st.none()})
    )
    technician = draw(st.none() | text)
    shares: tuple[DraftShare, ...] = ()
    if technician is not None and draw(st.booleans()):  # 多人合作: the technician and a helper
        first = draw(st.integers(1, 9_999))
        shares = (DraftShare(technician, draw(text), first),
                  DraftShare(technician + "+", draw(text), 10_000 - first))  # fmt: skip
    return DraftLine(
        kind=kind,
        item_id=draw(text),
        name=draw(text),
        unit_price=unit_price,
        quantity=quantity,
        line_discount=discount,
        technician_id=technician,
        technician=draw(text),
        skill=draw(text),
        category=draw(text),
        list_price=draw(st.none() | fen),
        points_price=draw(st.integers(0, 100_000)),
        redeem_points=draw(st.booleans()),
        patch_test_waiver=waiver,
        requested=draw(st.booleans()),
        shares=shares,
    )


drafts = st.builds(
    TicketDraft,
    lines=st.lists(draft_lines(), min_size=1, max_size=6).map(tuple),
    customer_id=st.none() | text,
    ticket_discount=fen,
    note=text,
)


@given(drafts)
def test_any_draft_comes_back_from_its_json_the_same(draft: TicketDraft) -> None:
    assert TicketDraft.from_json(draft.to_json()) == draft


def facial(**changes: object) -> DraftLine:
    fields = dict(kind=LineKind.SERVICE, item_id="s1", name="补水保湿护理", unit_price=19800)
    return DraftLine(**(fields | changes))  # type: ignore[arg-type]


def test_the_json_says_its_version_and_keeps_chinese_readable() -> None:
    draft = TicketDraft((facial(technician_id="t1", technician="李娜"),), "c1", 1000, "等染发")
    data = json.loads(draft.to_json())
    assert data["version"] == DRAFT_VERSION
    assert "补水保湿护理" in draft.to_json() and "等染发" in draft.to_json()
    assert data["lines"][0]["technician_id"] == "t1"


def test_label_count_and_catalog_price() -> None:
    draft = TicketDraft((facial(quantity=2, unit_price=17800, list_price=19800), facial()))
    assert draft.label() == "补水保湿护理 +1"
    assert draft.item_count == 3
    assert draft.lines[0].catalog_price == 19800
    assert draft.lines[0].priced().member_discount == 4000


def good() -> dict:
    return json.loads(TicketDraft((facial(),)).to_json())


@pytest.mark.parametrize(
    "broken",
    [
        "not json {",
        "[]",
        json.dumps({"lines": []}),
        json.dumps(good() | {"version": "1"}),
        json.dumps(good() | {"version": 0}),
        json.dumps(good() | {"lines": "x"}),
        json.dumps(good() | {"lines": [42]}),
        json.dumps(good() | {"ticket_discount": 1.5}),
        json.dumps(good() | {"ticket_discount": True}),
        json.dumps(good() | {"lines": [good()["lines"][0] | {"kind": "voucher"}]}),
        json.dumps(good() | {"lines": [good()["lines"][0] | {"unit_price": None}]}),
        json.dumps(
            good() | {"lines": [{k: v for k, v in good()["lines"][0].items() if k != "name"}]}
        ),
    ],
)
def test_bad_json_is_a_clear_error_in_both_languages(broken: str) -> None:
    with pytest.raises(ParkedTicketUnreadable) as raised:
        TicketDraft.from_json(broken)
    assert "挂单" in raised.value.message("zh_CN") and "parked" in raised.value.message("en")


def test_a_newer_format_says_so() -> None:
    with pytest.raises(ParkedTicketTooNew) as raised:
        TicketDraft.from_json(json.dumps(good() | {"version": DRAFT_VERSION + 1}))
    assert "newer" in raised.value.message("en")


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (good() | {"lines": []}, EmptyTicket),
        (good() | {"lines": [good()["lines"][0] | {"quantity": 0}]}, QuantityNotPositive),
    ],
)
def test_a_draft_is_checked_as_a_ticket_is(data: dict, error: type[UserError]) -> None:
    with pytest.raises(error):
        TicketDraft.from_json(json.dumps(data))


def test_a_draft_parked_before_shares_comes_back_with_none() -> None:
    """Version 1 knew neither 点钟 nor technicians' shares."""
    old = good()
    old["version"] = 1
    for line in old["lines"]:
        del line["requested"], line["shares"]
    [line] = TicketDraft.from_json(json.dumps(old)).lines
    assert line.requested is False and line.shares == ()


def test_shares_come_back_and_shares_over_100_percent_are_refused() -> None:
    split = (DraftShare("t1", "李娜", 6_000), DraftShare("t2", "王芳", 4_000))
    draft = TicketDraft((facial(technician_id="t1", requested=True, shares=split),))
    assert TicketDraft.from_json(draft.to_json()) == draft
    data = json.loads(draft.to_json())
    data["lines"][0]["shares"][1]["share"] = 5_000
    with pytest.raises(SharesDoNotAddUp) as raised:
        TicketDraft.from_json(json.dumps(data))
    assert "110%" in raised.value.message("zh_CN")
