"""What refunds give back to a member's balances, for any sale and any way of refunding it in
parts (Hypothesis, no database): each refund gives back exactly what its tender says, never
more of an account than the sale took, and all refunds together give back all of it."""

from __future__ import annotations

from datetime import UTC, datetime
from itertools import pairwise
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from salon_pos.services.member_ledger import refund_reversal, sessions_paid_back

AT = datetime(2026, 12, 6, tzinfo=UTC)


def _entry(account: str, amount: int, reason: str, line_id: str | None = None) -> dict[str, Any]:
    return {
        "id": f"{account}-{reason}",
        "customer_id": "c",
        "account": account,
        "card_id": "card" if account == "sessions" else None,
        "amount": amount,
        "reason": reason,
        "ticket_id": "t",
        "line_id": line_id,
        "created_at": AT,
    }


@st.composite
def parts_of(draw: st.DrawFn, whole: int) -> list[int]:
    """`whole` cut into 1 to 6 positive parts."""
    cuts = draw(st.lists(st.integers(1, max(whole - 1, 1)), max_size=5, unique=True))
    points = sorted({0, whole, *(c for c in cuts if 0 < c < whole)})
    return [b - a for a, b in pairwise(points)]


@given(
    principal=st.integers(0, 10**7),
    bonus=st.integers(0, 10**7),
    points=st.integers(0, 10**6),
    data=st.data(),
)
def test_refunds_give_back_what_their_tenders_name_and_all_of_it_in_the_end(
    principal: int, bonus: int, points: int, data: st.DataObject
) -> None:
    paid = principal + bonus
    entries = [
        _entry("principal", -principal, "spend"),
        _entry("bonus", -bonus, "spend"),
        _entry("points", -points, "spend"),
    ]
    entries = [e for e in entries if e["amount"]]
    card_parts = data.draw(parts_of(paid)) if paid else []
    points_paid = points  # at 100 points a yuan, a point paid a fen
    point_parts = data.draw(parts_of(points_paid)) if points_paid else []
    back = {"principal": 0, "bonus": 0, "points": 0}
    card_before = points_before = 0
    for n in range(max(len(card_parts), len(point_parts))):
        card_part = card_parts[n] if n < len(card_parts) else 0
        point_part = point_parts[n] if n < len(point_parts) else 0
        tenders = {}
        if card_part:
            tenders["stored_value"] = (card_before, card_before + card_part, paid)
        if point_part:
            tenders["points"] = (points_before, points_before + point_part, points_paid)
        undone = refund_reversal(entries, AT, {}, 0, 1, tenders)
        given = {a: sum(e["amount"] for e in undone if e["account"] == a) for a in back}
        assert all(e["amount"] > 0 and e["reason"] == "reverse" for e in undone)
        assert given["principal"] + given["bonus"] == card_part
        assert given["points"] == point_part
        for account in back:
            back[account] += given[account]
        assert back["principal"] <= principal and back["bonus"] <= bonus
        card_before += card_part
        points_before += point_part
    assert back == {"principal": principal, "bonus": bonus, "points": points}


@given(
    quantity=st.integers(1, 20),
    net=st.integers(0, 10**6),
    data=st.data(),
)
def test_a_line_refunded_in_parts_gives_back_its_sessions_and_what_they_paid(
    quantity: int, net: int, data: st.DataObject
) -> None:
    sessions = data.draw(st.integers(1, quantity))
    entries = [_entry("sessions", -sessions, "spend", line_id="line")]
    paid_by_sessions = net * sessions // quantity  # as checkout's session tender priced it
    refunded = sessions_back = fen_back = 0
    for units in data.draw(parts_of(quantity)):
        shares = {"line": (refunded, refunded + units, quantity)}
        undone = refund_reversal(entries, AT, shares, 0, 1)
        sessions_back += sum(e["amount"] for e in undone)
        fen = sessions_paid_back(entries, shares, {"line": net})
        assert fen >= 0
        fen_back += fen
        refunded += units
        assert 0 <= sessions_back <= sessions
    assert (sessions_back, fen_back) == (sessions, paid_by_sessions)
