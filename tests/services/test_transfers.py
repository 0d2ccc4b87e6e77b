"""Transfers between stores through the service layer: sent first expired first out with the
batches' dates, received at the other store (a second counter database here) with a short line
recorded, and the refusals: to the store itself, to a store this counter does not know, by a
store it was not sent to, received twice, a line received beyond what was sent."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from salon_pos.db.models import OutboxOperation, StockBatch, SyncState
from salon_pos.domain.ids import new_id
from salon_pos.domain.stock import NotAQuantity
from salon_pos.services.backend import Backend
from salon_pos.services.stock import ReceiptLine
from salon_pos.services.sync_ops.inventory import stock_transfer
from salon_pos.services.transfers import (
    MoreThanSent,
    NotForThisStore,
    TransferReceivedBefore,
    TransferToSameStore,
    UnknownStore,
)
from sync.wire import Change
from tests.conftest import Team
from tests.services.test_stock import TODAY, BackBar, back_bar, by_batch, on_hand

__all__ = ["back_bar"]
EAST, WEST = new_id(), new_id()


def as_store(backend: Backend, store_id: str, name: str) -> None:
    with backend.db.write() as s:
        s.merge(
            SyncState(id=1, server_url="http://127.0.0.1:9", store_id=store_id, store_name=name)
        )
    backend.transfers.remember_stores([(EAST, "东方店"), (WEST, "西湖店")])


def sent_payload(backend: Backend) -> dict[str, object]:
    with backend.db.read() as s:
        op = s.scalars(select(OutboxOperation).where(OutboxOperation.type == "transfer.sent")).one()
        return dict(json.loads(op.payload))


def test_a_transfer_leaves_one_store_and_arrives_at_the_other_with_a_short_line(
    backend: Backend, team: Team, back_bar: BackBar
) -> None:
    as_store(backend, EAST, "东方店")
    assert backend.transfers.stores() == [(WEST, "西湖店")]
    backend.stock.receive(
        [
            ReceiptLine(back_bar.serum, 1, 20_000, "LATE", TODAY + timedelta(days=300)),
            ReceiptLine(back_bar.serum, 1, 20_000, "EARLY", TODAY + timedelta(days=30)),
            ReceiptLine(back_bar.cream, 6, 9_000),
        ],
        team.manager.id,
    )
    sent = backend.transfers.send(
        WEST, {back_bar.serum: 700, back_bar.cream: 4}, team.manager.id, "西湖店缺货"
    )
    assert (on_hand(backend, back_bar.serum), on_hand(backend, back_bar.cream)) == (300, 2)
    codes = [(line["batch"] or {}).get("code") for line in sent.lines]  # type: ignore[union-attr]
    assert codes == ["EARLY", "LATE", None]  # the batch that expires first goes first
    assert [line["quantity"] for line in sent.lines] == [500, 200, 4]
    payload = sent_payload(backend)
    assert payload["to_store_id"] == WEST and len(payload["movements"]) == 3  # type: ignore[arg-type]

    # The receiving store (one database plays both here; test_a_pulled_transfer… pulls one):
    # one cream arrived broken.
    as_store(backend, WEST, "西湖店")
    incoming = backend.transfers.transfers()[0]
    assert incoming.incoming and incoming.received is None
    backend.transfers.receive(sent.id, {2: 3}, team.manager.id, "一支破损")
    view = backend.transfers.transfers()[0]
    assert view.received is not None
    assert [(line["sent"], line["received"]) for line in view.received["lines"]] == [  # type: ignore[index]
        (500, 500),
        (200, 200),
        (4, 3),
    ]
    assert on_hand(backend, back_bar.cream) == 2 + 3
    with pytest.raises(TransferReceivedBefore):
        backend.transfers.receive(sent.id, {}, team.manager.id)


def test_a_line_received_beyond_what_was_sent_is_refused(
    backend: Backend, team: Team, back_bar: BackBar
) -> None:
    as_store(backend, EAST, "东方店")
    backend.stock.receive([ReceiptLine(back_bar.cream, 6, 9_000)], team.manager.id)
    sent = backend.transfers.send(WEST, {back_bar.cream: 2}, team.manager.id)
    as_store(backend, WEST, "西湖店")
    with pytest.raises(MoreThanSent) as refused:
        backend.transfers.receive(sent.id, {0: 200}, team.manager.id)
    assert "2 were sent" in refused.value.text("en") and "200" in refused.value.text("en")
    assert backend.transfers.transfers()[0].received is None
    assert on_hand(backend, back_bar.cream) == 4  # nothing arrived
    backend.transfers.receive(sent.id, {0: 2}, team.manager.id)
    assert on_hand(backend, back_bar.cream) == 6


def test_a_pulled_transfer_brings_its_batches_on_receipt(
    backend: Backend, team: Team, back_bar: BackBar
) -> None:
    as_store(backend, WEST, "西湖店")
    batch = {
        "id": new_id(), "product_id": back_bar.serum, "code": "EAST-7",
        "expires_on": (TODAY + timedelta(days=60)).isoformat(), "made_on": None,
        "received_at": "2026-11-01T02:00:00+00:00", "unit_cost": 20_000,
    }  # fmt: skip
    transfer_id = new_id()
    data = {
        "id": transfer_id, "number": "TR-B1-0001", "to_store_id": WEST,
        "sent_at": "2026-11-20T01:00:00+00:00", "sent_by": team.manager.id,
        "business_day": "2026-11-20", "note": "",
        "lines": [{"product_id": back_bar.serum, "batch": batch, "quantity": 250}],
        "movements": [{
            "id": new_id(), "product_id": back_bar.serum, "batch_id": batch["id"],
            "kind": "transfer_out", "quantity": -250, "at": "2026-11-20T01:00:00+00:00",
            "business_day": "2026-11-20", "document_id": transfer_id,
        }],
        "from_store_id": EAST, "from_store_name": "东方店", "to_store_name": "西湖店",
    }  # fmt: skip
    with backend.db.write() as s:
        stock_transfer(s, Change.model_validate(
            {"seq": 9, "entity": "stock_transfer", "entity_id": transfer_id, "data": data,
             "at": "2026-11-20T01:00:05+00:00"}
        ))  # fmt: skip
    backend.transfers.receive(transfer_id, {}, team.manager.id)
    assert by_batch(backend, back_bar.serum) == {batch["id"]: 250}
    with backend.db.read() as s:
        kept = s.get(StockBatch, batch["id"])
    assert (
        kept is not None and kept.code == "EAST-7" and kept.expires_on == TODAY + timedelta(days=60)
    )


def test_transfers_are_refused_to_the_store_itself_or_one_unknown(
    backend: Backend, team: Team, back_bar: BackBar
) -> None:
    as_store(backend, EAST, "东方店")
    with pytest.raises(TransferToSameStore) as refused:
        backend.transfers.send(EAST, {back_bar.cream: 1}, team.manager.id)
    assert "东方店" in refused.value.text("zh")
    with pytest.raises(UnknownStore):
        backend.transfers.send(new_id(), {back_bar.cream: 1}, team.manager.id)
    with pytest.raises(NotAQuantity):
        backend.transfers.send(WEST, {back_bar.cream: -1}, team.manager.id)
    assert backend.transfers.transfers() == []
    sent = backend.transfers.send(WEST, {back_bar.cream: 1}, team.manager.id)
    with pytest.raises(NotForThisStore):  # the sender does not receive its own transfer
        backend.transfers.receive(sent.id, {}, team.manager.id)
