"""Transfers of stock between the owner's stores (调拨) at this counter: sent out of this store
at once, first expired first out with each batch's dates going along; received at the other
store with what arrived of each line, the difference recorded, never hidden
(docs/inventory.md). The stores stock may go to are those the server last named."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.dialects.sqlite import insert as insert_or_ignore
from sqlalchemy.orm import Session

from salon_pos.db.audit import AuditRecord
from salon_pos.db.fast_insert import insert_rows
from salon_pos.db.models import ChainStore, Product, StockBatch, StockMovement, StockTransfer
from salon_pos.db.outbox import next_in_sequences
from salon_pos.domain.errors import UnknownItem, UserError
from salon_pos.domain.ids import new_id
from salon_pos.domain.stock import MovementKind, allocate, check_quantity
from salon_pos.services.counter import CounterService
from salon_pos.services.day_close import trading_day_now
from salon_pos.services.stock_ledger import movement, stock_of
from salon_pos.services.stock_roles import TRANSFERRING, check_manages_stock
from salon_pos.services.sync_state import enrollment

SEQUENCE = "transfer"
STORES_KEPT = timedelta(minutes=10)  # how often a sync round asks the server for the stores
Row = dict[str, Any]


class TransferToSameStore(UserError):
    en = "Stock cannot be transferred to the store it is in ({store})."
    zh = "不能调拨到本店（{store}）。"


class UnknownStore(UserError):
    en = "This counter does not know that store: sync with the server, then try again."
    zh = "本收银台不知道该门店，请先与总部同步后再试。"


class NotEnrolled(UserError):
    en = "Transfers go between stores through the server: enroll this counter first."
    zh = "调拨须通过总部在门店之间进行，请先将本收银台注册到总部。"


class NotForThisStore(UserError):
    en = "Transfer {number} was sent to {store}: only that store receives it."
    zh = "调拨单 {number} 发往 {store}，只有该门店可以收货。"


class TransferReceivedBefore(UserError):
    en = "Transfer {number} was received already."
    zh = "调拨单 {number} 已收货。"


class MoreThanSent(UserError):
    en = "{name}: {sent} were sent on transfer {number}; {came} cannot be received, more than sent."
    zh = "{name}：调拨单 {number} 只发出 {sent}，不能收货 {came}（多于发出数量）。"


class EmptyTransfer(UserError):
    en = "A transfer needs at least one product."
    zh = "调拨单至少要有一个商品。"


@dataclass(frozen=True)
class TransferView:
    id: str
    number: str
    from_store: str
    to_store: str
    incoming: bool  # sent to this store
    sent_at: datetime
    lines: tuple[Row, ...]
    received: Row | None


class TransferService(CounterService):
    def remember_stores(self, stores: Sequence[tuple[str, str]]) -> None:
        """What the server told of the owner's stores: (id, name)."""
        now = self._clock.now()
        with self._db.write_connection() as connection:
            connection.execute(delete(ChainStore))
            rows = [{"id": i, "name": n, "told_at": now} for i, n in stores]
            if rows:
                connection.execute(insert(ChainStore), rows)

    def stores_due(self) -> bool:
        """Whether a sync round should ask the server for the stores again."""
        with self._db.read() as session:
            told = session.scalar(select(func.max(ChainStore.told_at)))
        return told is None or self._clock.now() - told >= STORES_KEPT

    def stores(self) -> list[tuple[str, str]]:
        """The other stores stock may be sent to: (id, name)."""
        with self._db.read() as session:
            own = enrollment(session)
            found = session.execute(
                select(ChainStore.id, ChainStore.name).order_by(ChainStore.name)
            )
            return [(i, n) for i, n in found if own is None or i != own.store_id]

    def send(
        self, to_store_id: str, lines: Mapping[str, int], staff_id: str, note: str = ""
    ) -> TransferView:
        """Units of products (product → units) out of this store to another, from the batches
        that expire first."""
        from salon_pos.services.sync_ops import inventory as ops

        if not lines:
            raise EmptyTransfer()
        now = self._clock.now()
        with self._db.write() as session:
            check_manages_stock(session, staff_id, TRANSFERRING)
            own = enrollment(session)
            if own is None:
                raise NotEnrolled()
            if to_store_id == own.store_id:
                raise TransferToSameStore(store=own.store_name or self._settings.current.store_name)
            to_store = session.get(ChainStore, to_store_id)
            if to_store is None:
                raise UnknownStore()
            products = {
                p.id: p
                for p in session.scalars(select(Product).where(Product.id.in_(sorted(lines))))
            }
            for product_id, units in lines.items():
                if product_id not in products:
                    raise UnknownItem(item_id=product_id)
                check_quantity(products[product_id].name, units)
            day = trading_day_now(session.connection(), self._settings.current, now)
            seq = next_in_sequences(session, SEQUENCE)[SEQUENCE]
            transfer: Row = {
                "id": new_id(),
                "number": f"TR-{self._settings.current.counter_prefix}-{seq:04d}",
                "from_store_id": own.store_id,
                "to_store_id": to_store_id,
                "from_store_name": own.store_name or self._settings.current.store_name,
                "to_store_name": to_store.name,
                "sent_at": now,
                "sent_by": staff_id,
                "business_day": day,
                "note": note.strip()[:200],
            }
            sent, movements = self._take(session, transfer, lines, products)
            payload = ops.transfer_sent(transfer | {"lines": sent}, movements)
            row = StockTransfer(**transfer, lines=payload.model_dump(mode="json")["lines"])
            session.add(row)
            insert_rows(session, StockMovement, movements)
            after = {"number": row.number, "to": to_store.name, "lines": len(sent)}
            audit = AuditRecord(staff_id, "transfer.sent", "stock_transfer", row.id, after=after)
            self._journal().record(session, now, audit, payload)
            session.flush()
            return _view(row, own.store_id)

    def _take(
        self,
        session: Session,
        transfer: Row,
        lines: Mapping[str, int],
        products: Mapping[str, Product],
    ) -> tuple[list[Row], list[Row]]:
        held = stock_of(session.connection(), lines)
        device = self._settings.current.device_id
        batches = {
            b.id: b
            for b in session.scalars(
                select(StockBatch).where(StockBatch.product_id.in_(sorted(lines)))
            )
        }
        sent: list[Row] = []
        movements: list[Row] = []
        for product_id, units in lines.items():
            stock = held[product_id]
            # From date.min no batch has expired: the batches that expire first go first.
            for take in allocate(products[product_id].name, stock.batches, units, date.min):
                batch = batches.get(take.batch_id or "")
                kept = None if batch is None else _batch_data(batch)
                sent.append({"product_id": product_id, "quantity": take.quantity, "batch": kept})
                movements.append(
                    _move(
                        transfer, product_id, take.batch_id, MovementKind.TRANSFER_OUT,
                        -take.quantity, device, transfer["sent_at"], transfer["sent_by"],
                    )
                )  # fmt: skip
        return sent, movements

    def receive(
        self, transfer_id: str, received: Mapping[int, int], staff_id: str, note: str = ""
    ) -> TransferView:
        """The transfer arrived here: `received[i]` units of its line i (a line left out: all
        of it came). Each batch sent is kept here with its dates."""
        from salon_pos.services.sync_ops import inventory as ops

        now = self._clock.now()
        with self._db.write() as session:
            check_manages_stock(session, staff_id, TRANSFERRING)
            own = enrollment(session)
            transfer = session.get(StockTransfer, transfer_id)
            if transfer is None:
                raise UnknownItem(item_id=transfer_id)
            if own is None or transfer.to_store_id != own.store_id:
                raise NotForThisStore(number=transfer.number, store=transfer.to_store_name)
            if transfer.received is not None:
                raise TransferReceivedBefore(number=transfer.number)
            day = trading_day_now(session.connection(), self._settings.current, now)
            ids = sorted({str(line["product_id"]) for line in transfer.lines})
            names = dict(
                session.execute(select(Product.id, Product.name).where(Product.id.in_(ids))).all()
            )
            lines: list[Row] = []
            movements: list[Row] = []
            batches: list[Row] = []
            short = 0
            document = {"id": transfer.id, "business_day": day, "number": transfer.number}
            for i, line in enumerate(transfer.lines):
                sent = int(str(line["quantity"]))
                came = received.get(i, sent)
                product_id = str(line["product_id"])
                name = names.get(product_id, product_id)
                if came != 0:  # nothing of a line may have come
                    check_quantity(name, came)
                if came > sent:  # more found than sent: the sender's stocktake, not ours
                    raise MoreThanSent(name=name, sent=sent, number=transfer.number, came=came)
                short += sent - came
                batch: Any = line.get("batch")
                batch_id = batch["id"] if isinstance(batch, dict) else None
                if isinstance(batch, dict):
                    batches.append(batch)
                lines.append(
                    {"product_id": product_id, "batch_id": batch_id, "sent": sent, "received": came}
                )
                if came:
                    movements.append(
                        _move(
                            document, product_id, batch_id, MovementKind.TRANSFER_IN, came,
                            self._settings.current.device_id, now, staff_id,
                        )
                    )  # fmt: skip
            for batch in batches:
                session.execute(
                    insert_or_ignore(StockBatch).values(_batch_row(batch)).on_conflict_do_nothing()
                )
            insert_rows(session, StockMovement, movements)
            receipt = {
                "transfer_id": transfer.id,
                "received_at": now,
                "received_by": staff_id,
                "business_day": day,
                "note": note.strip()[:200],
                "lines": lines,
            }
            payload = ops.transfer_received(receipt, movements)
            transfer.received = payload.model_dump(mode="json", exclude={"movements"})
            audit = AuditRecord(
                staff_id,
                "transfer.received",
                "stock_transfer",
                transfer.id,
                after={"number": transfer.number, "short": short},
            )
            self._journal().record(session, now, audit, payload)
            session.flush()
            return _view(transfer, own.store_id)

    def transfers(self) -> list[TransferView]:
        """Every transfer this store sent or was sent, newest first."""
        with self._db.read() as session:
            own = enrollment(session)
            found = session.scalars(select(StockTransfer).order_by(StockTransfer.sent_at.desc()))
            return [_view(t, own.store_id if own else "") for t in found]


def _view(transfer: StockTransfer, own_store: str) -> TransferView:
    return TransferView(
        transfer.id, transfer.number, transfer.from_store_name, transfer.to_store_name,
        transfer.to_store_id == own_store, transfer.sent_at, tuple(transfer.lines),
        transfer.received,
    )  # fmt: skip


def _batch_data(batch: StockBatch) -> Row:
    return {
        "id": batch.id, "product_id": batch.product_id, "code": batch.code,
        "expires_on": batch.expires_on, "made_on": batch.made_on,
        "received_at": batch.received_at, "unit_cost": batch.unit_cost,
    }  # fmt: skip


def _batch_row(batch: Row) -> Row:
    def day(value: Any) -> Any:
        return date.fromisoformat(value) if isinstance(value, str) else value

    received = batch["received_at"]
    if isinstance(received, str):
        received = datetime.fromisoformat(received)
    return {
        "id": batch["id"], "product_id": batch["product_id"], "code": batch.get("code") or "",
        "expires_on": day(batch.get("expires_on")), "made_on": day(batch.get("made_on")),
        "received_at": received, "unit_cost": batch.get("unit_cost"),
    }  # fmt: skip


def _move(
    document: Row, product_id: str, batch_id: str | None, kind: MovementKind, quantity: int,
    device: str, at: datetime, staff: str,
) -> Row:  # fmt: skip
    return movement(
        product_id, batch_id, kind, quantity,
        at=at, day=document["business_day"], document_id=document["id"], device_id=device,
        staff_id=staff, reason=document["number"],
    )  # fmt: skip
