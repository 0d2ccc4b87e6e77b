"""Stock documents for the stock screens' screenshots (`salon-pos gui --screen stock_stocktake`
…), written into the screenshot's throwaway copy only: a stocktake partly counted by the
manager and the front desk; a supplier and purchase orders (a draft from low stock, one placed,
one partly received); and, the copy made one of a two-store chain, a transfer sent and one on
its way here. The demo data has none of these: a store makes them as it goes."""

from __future__ import annotations

from datetime import timedelta

from salon_pos.db.models import SyncState
from salon_pos.domain.ids import new_id
from salon_pos.domain.staff import Role
from salon_pos.services.backend import Backend
from salon_pos.services.purchasing import OrderLine
from salon_pos.services.stock import ReceiptLine, StockRow
from salon_pos.services.sync_changes import apply_page
from salon_pos.services.sync_state import sync_state
from sync.wire import Change

HERE = "0193b1c2-7d4e-7a10-8b2c-3f00a1c40001"
OTHER = "0193b1c2-7d4e-7a10-8b2c-3f00a1c40002"
OTHER_NAME = "丽人美业·万达店"
STOCK_SCREENS = {  # screen → the stock page's tab it shows
    "stock_expiring": "expiring",
    "stock_order": "order",
    "stock_stocktake": "stocktake",
    "stock_stocktake_desk": "stocktake",
    "stock_orders": "purchasing",
    "stock_transfers": "transfers",
}


def add_demo_stock_documents(backend: Backend, screen: str) -> None:
    staff = backend.staff.list()
    manager = next((s.id for s in staff if s.role.approves), None)
    if manager is None:
        return
    desk = next((s.id for s in staff if s.role is Role.FRONT_DESK), manager)
    rows = [r for r in backend.stock.on_hand() if r.on_hand > 0]
    if not rows:
        return  # no stock: not a demo salon
    if STOCK_SCREENS.get(screen) == "stocktake":
        _stocktake(backend, rows, manager, desk)
    elif screen == "stock_orders":
        _orders(backend, rows, manager)
    elif screen == "stock_transfers":
        _transfers(backend, rows, manager)


def _stocktake(backend: Backend, rows: list[StockRow], manager: str, desk: str) -> None:
    """A third of the products counted, a few of them short or over."""
    takes = backend.stocktakes
    take = takes.open_stocktake() or takes.start(manager)
    for n, row in enumerate(rows[: max(1, len(rows) // 3)]):
        off = (0, 0, -1, 0, 2, 0, -3)[n % 7] * max(1, row.pack_size // 10)
        takes.count(take.id, row.product_id, row.on_hand + off, desk if n % 2 else manager)


def _orders(backend: Backend, rows: list[StockRow], manager: str) -> None:
    buying = backend.purchasing
    supplier = buying.save_supplier("广州美源贸易", manager, "陈经理", "13800138000")
    buying.draft_from_low_stock(manager, supplier)
    placed = buying.draft([OrderLine(r.product_id, 6, r.cost) for r in rows[:3]], manager, supplier)
    buying.place(placed, manager)
    later = rows[3:5] or rows[:1]
    part = buying.draft([OrderLine(r.product_id, 4, r.cost) for r in later], manager, supplier)
    buying.place(part, manager)
    expires = backend.clock.now().date() + timedelta(days=365)
    line = ReceiptLine(later[0].product_id, 4, later[0].cost, "B-PO", expires)
    backend.stock.receive([line], manager, purchase_order_id=part)


def _transfers(backend: Backend, rows: list[StockRow], manager: str) -> None:
    """The copy as a store of a chain of two: one transfer sent, one on its way here."""
    name = backend.settings.current.store_name
    with backend.db.write() as session:
        session.merge(
            SyncState(id=1, server_url="http://127.0.0.1:9", store_id=HERE, store_name=name)
        )
    backend.transfers.remember_stores([(HERE, name), (OTHER, OTHER_NAME)])
    sent = {r.product_id: r.pack_size for r in rows[:2]}
    backend.transfers.send(OTHER, sent, manager, "万达店缺货")
    now = backend.clock.now() - timedelta(hours=3)
    row, transfer_id, batch_id = rows[min(2, len(rows) - 1)], new_id(), new_id()
    batch = {
        "id": batch_id, "product_id": row.product_id, "code": "WD-0112",
        "expires_on": (now.date() + timedelta(days=300)).isoformat(), "made_on": None,
        "received_at": now.isoformat(), "unit_cost": row.cost,
    }  # fmt: skip
    units = 2 * row.pack_size
    data = {
        "id": transfer_id, "number": "TR-W1-0007", "to_store_id": HERE,
        "sent_at": now.isoformat(), "sent_by": manager,
        "business_day": now.date().isoformat(), "note": "",
        "lines": [{"product_id": row.product_id, "batch": batch, "quantity": units}],
        "movements": [{
            "id": new_id(), "product_id": row.product_id, "batch_id": batch_id,
            "kind": "transfer_out", "quantity": -units, "at": now.isoformat(),
            "business_day": now.date().isoformat(), "document_id": transfer_id,
        }],
        "from_store_id": OTHER, "from_store_name": OTHER_NAME, "to_store_name": name,
    }  # fmt: skip
    change = Change(seq=1, entity="stock_transfer", entity_id=transfer_id, data=data, at=now)
    with backend.db.write() as session:
        apply_page(session, [change], sync_state(session).pull_cursor)  # the cursor stays put
