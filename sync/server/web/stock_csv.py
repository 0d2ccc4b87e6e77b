"""The stock pages as CSV files (csv_export): one row a product in a store, whatever the page
shows on screen (the chain view's columns are rows here, which a spreadsheet sums and pivots),
headers in the page's language, units in the product's unit."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from zoneinfo import ZoneInfo

from fastapi.responses import Response

from sync.messages import Both
from sync.server.stock_document_report import (
    OrderRow,
    StockDocumentRow,
    StocktakeRow,
    SupplierRow,
    TransferRow,
)
from sync.server.stock_report import (
    Consumption,
    ExpiringBatch,
    MovementRow,
    Product,
    SlowMover,
    StockRow,
)
from sync.server.web import stock_words as sw
from sync.server.web.csv_export import csv_response, yuan
from sync.server.web.deps import StoreRef


def _say(language: str, *columns: Both) -> list[str]:
    return [c.text(language) for c in columns]


def _unit(unit: str, language: str) -> str:
    return sw.UNITS[unit].text(language) if unit in sw.UNITS else unit


def _product(row: StockRow, names: dict[str, str], language: str) -> list[object]:
    p = row.product
    return [names.get(row.store_id, ""), p.category, p.name, _unit(p.unit, language)]


HEAD = (sw.STORE, sw.CATEGORY, sw.PRODUCT, sw.UNIT)


def on_hand(rows: Sequence[StockRow], names: dict[str, str], language: str) -> Response:
    header = _say(
        language,
        *HEAD,
        sw.ON_HAND,
        Both("每包装数量", "Units a package"),
        sw.MINIMUM,
        sw.COST,
        sw.VALUE,
        sw.LOW,
        sw.SUGGESTED,
    )
    lines = [
        [
            *_product(r, names, language),
            r.on_hand,
            r.product.pack_size,
            r.minimum,
            yuan(r.cost),
            yuan(r.value),
            "1" if r.low else "",
            r.suggested_packages or "",
        ]
        for r in rows
    ]
    return csv_response(sw.STOCK.text(language) + ".csv", header, lines)


def low(rows: Sequence[StockRow], names: dict[str, str], language: str) -> Response:
    header = _say(
        language,
        *HEAD,
        sw.ON_HAND,
        sw.MINIMUM,
        Both("每包装数量", "Units a package"),
        sw.SUGGESTED,
        sw.COST,
        sw.ORDER_COST,
    )
    lines = [
        [
            *_product(r, names, language),
            r.on_hand,
            r.minimum,
            r.product.pack_size,
            r.suggested_packages,
            yuan(r.cost),
            yuan(r.order_cost),
        ]
        for r in rows
    ]
    return csv_response(sw.LOW_TAB.text(language) + ".csv", header, lines)


def expiring(
    batches: Sequence[ExpiringBatch], names: dict[str, str], today: date, language: str
) -> Response:
    header = _say(
        language,
        sw.STORE,
        sw.PRODUCT,
        sw.BATCH,
        sw.EXPIRES_ON,
        sw.DAYS_LEFT,
        sw.ON_HAND,
        sw.UNIT,
        sw.EXPIRED,
    )
    lines = [
        [
            names.get(b.store_id, ""),
            b.name,
            b.code,
            b.expires_on.isoformat(),
            (b.expires_on - today).days,
            b.on_hand,
            _unit(b.unit, language),
            "1" if b.expires_on < today else "",
        ]
        for b in batches
    ]
    return csv_response(sw.EXPIRING_TAB.text(language) + ".csv", header, lines)


def slow(slow: Sequence[SlowMover], names: dict[str, str], today: date, language: str) -> Response:
    header = _say(language, *HEAD, sw.ON_HAND, sw.VALUE, sw.LAST_USED, sw.IDLE_DAYS)
    lines = [
        [
            *_product(s.row, names, language),
            s.row.on_hand,
            yuan(s.row.value),
            s.last_used.isoformat() if s.last_used else "",
            (today - s.last_used).days if s.last_used else "",
        ]
        for s in slow
    ]
    return csv_response(sw.SLOW_TAB.text(language) + ".csv", header, lines)


def consumption(used: Consumption, names: dict[str, str], language: str) -> Response:
    header = _say(
        language,
        Both("分组", "By"),
        Both("服务项目/技师", "Service / technician"),
        sw.STORE,
        sw.PRODUCT,
        sw.UNITS_USED,
        sw.UNIT,
        sw.VALUE,
    )
    lines = []
    for group, rows in ((sw.BY_SERVICE, used.by_service), (sw.BY_TECHNICIAN, used.by_technician)):
        lines += [
            [
                group.text(language),
                u.name or sw.NO_TECHNICIAN.text(language),
                names.get(u.store_id, ""),
                u.product.name,
                u.units,
                _unit(u.product.unit, language),
                yuan(u.value),
            ]
            for u in rows
        ]
    return csv_response(sw.CONSUMPTION_TAB.text(language) + ".csv", header, lines)


def movements(
    rows: Sequence[MovementRow], product: Product, store: StoreRef, language: str
) -> Response:
    header = _say(
        language,
        sw.WHEN,
        sw.DAY,
        sw.KIND,
        sw.CHANGE,
        sw.BALANCE,
        sw.BATCH,
        sw.DOCUMENT,
        sw.BY,
        sw.COUNTER,
        sw.REASON,
    )
    lines = [
        [
            r.at.isoformat(),
            r.business_day.isoformat(),
            sw.KINDS[r.kind].text(language) if r.kind in sw.KINDS else r.kind,
            r.quantity,
            r.balance,
            r.batch_code or "",
            r.ticket_number or r.document_id,
            r.staff or "",
            r.counter or sw.SERVER_MADE.text(language),
            r.reason,
        ]
        for r in rows
    ]
    name = f"{store.name}-{product.name}-{sw.MOVEMENTS.text(language)}.csv"
    return csv_response(name, header, lines)


def _at(moment: datetime | None, zone: str) -> str:
    """A moment in the store's time zone, as the pages show it."""
    return moment.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M") if moment else ""


def suppliers(rows: Sequence[SupplierRow], names: dict[str, str], language: str) -> Response:
    header = _say(
        language, sw.STORE, sw.SUPPLIER, sw.CONTACT, sw.PHONE, sw.ORDER_COUNT, sw.INACTIVE, sw.NOTE
    )
    lines = [
        [names.get(s.store_id, ""), s.name, s.contact, s.phone, s.orders,
         "" if s.active else "1", s.note]
        for s in rows
    ]  # fmt: skip
    return csv_response(sw.SUPPLIERS_TAB.text(language) + ".csv", header, lines)


def orders(
    rows: Sequence[OrderRow], names: dict[str, str], zones: dict[str, str], language: str
) -> Response:
    """One row an order line, with its order's figures (a spreadsheet sums and pivots)."""
    header = _say(
        language, sw.STORE, sw.NUMBER, sw.SUPPLIER, sw.STATE, sw.CREATED, sw.ORDERED_AT,
        sw.PRODUCT, sw.UNIT, Both("每包装数量", "Units a package"), sw.ORDERED,
        sw.RECEIVED, sw.OUTSTANDING, sw.UNIT_COST, sw.LINE_TOTAL,
    )  # fmt: skip
    lines = [
        [
            names.get(o.store_id, ""),
            o.number,
            o.supplier,
            sw.ORDER_STATE_WORDS[o.state].text(language),
            _at(o.created_at, zones[o.store_id]),
            _at(o.ordered_at, zones[o.store_id]),
            line.product.name,
            _unit(line.product.unit, language),
            line.product.pack_size,
            line.packages,
            line.received,
            line.outstanding,
            "" if line.unit_cost is None else yuan(line.unit_cost),
            yuan(line.total),
        ]
        for o in rows
        for line in o.lines
    ]
    return csv_response(sw.ORDERS_TAB.text(language) + ".csv", header, lines)


def stocktakes(
    rows: Sequence[StocktakeRow], names: dict[str, str], zones: dict[str, str], language: str
) -> Response:
    header = _say(
        language, sw.STORE, sw.NUMBER, sw.SCOPE, sw.STATE, sw.STARTED, sw.POSTED, sw.LINES,
        sw.DIFFERING, sw.VARIANCE,
    )  # fmt: skip
    lines = [
        [
            names.get(t.store_id, ""),
            t.number,
            sw.categories_words(t.scope, t.categories, language),
            (sw.POSTED_STATE if t.posted else sw.OPEN).text(language),
            _at(t.started_at, zones[t.store_id]),
            _at(t.posted_at, zones[t.store_id]),
            len(t.lines),
            t.differing if t.posted else "",
            yuan(t.variance) if t.posted else "",
        ]
        for t in rows
    ]
    return csv_response(sw.STOCKTAKES_TAB.text(language) + ".csv", header, lines)


def stocktake_sheet(take: StocktakeRow, store: StoreRef, language: str) -> Response:
    header = _say(
        language, sw.CATEGORY, sw.PRODUCT, sw.UNIT, sw.EXPECTED, sw.COUNTED,
        sw.DIFFERENCE, sw.VALUE, sw.COUNTED_AT,
    )  # fmt: skip
    lines = [
        [
            line.product.category,
            line.product.name,
            _unit(line.product.unit, language),
            "" if line.expected is None else line.expected,
            line.counted,
            line.difference if take.posted else "",
            yuan(line.value) if take.posted else "",
            _at(line.counted_at, store.time_zone),
        ]
        for line in take.lines
    ]
    name = f"{store.name}-{sw.STOCKTAKES_TAB.text(language)}-{take.number}.csv"
    return csv_response(name, header, lines)


def transfers(
    rows: Sequence[TransferRow], names: dict[str, str], zones: dict[str, str], language: str
) -> Response:
    """One row a transfer line, as sent and as received."""
    header = _say(
        language, sw.NUMBER, sw.FROM_STORE, sw.TO_STORE, sw.STATE, sw.SENT_AT, sw.RECEIVED_AT,
        sw.PRODUCT, sw.UNIT, sw.BATCH, sw.SENT, sw.ARRIVED, sw.DIFFERENCE,
    )  # fmt: skip
    zone = next(iter(zones.values()), "Asia/Shanghai")
    lines = [
        [
            t.number,
            names.get(t.from_store_id, ""),
            names.get(t.to_store_id, ""),
            sw.TRANSFER_STATE_WORDS[t.state].text(language),
            _at(t.sent_at, zones.get(t.from_store_id, zone)),
            _at(t.received_at, zones.get(t.to_store_id, zone)),
            line.product.name,
            _unit(line.product.unit, language),
            line.batch_code,
            line.sent,
            "" if line.received is None else line.received,
            "" if line.received is None else line.difference,
        ]
        for t in rows
        for line in t.lines
    ]
    return csv_response(sw.TRANSFERS_TAB.text(language) + ".csv", header, lines)


def documents(
    rows: Sequence[StockDocumentRow], names: dict[str, str], zones: dict[str, str], language: str
) -> Response:
    """One row a receipt's or write-off's line, with its document's (a write-off negative)."""
    header = _say(
        language, sw.STORE, sw.WHEN, sw.DAY, sw.KIND, sw.BY, sw.REASON_NOTE, sw.SUPPLIER,
        sw.ORDERS_TAB, sw.CATEGORY, sw.PRODUCT, sw.UNIT, sw.BATCH, sw.EXPIRES_ON,
        sw.QUANTITY, sw.VALUE,
    )  # fmt: skip
    lines = [
        [
            names.get(d.store_id, ""),
            _at(d.at, zones[d.store_id]),
            d.business_day.isoformat(),
            sw.DOCUMENT_KIND_WORDS[d.kind].text(language),
            d.staff,
            d.reason,
            d.supplier,
            d.order_number,
            line.product.category,
            line.product.name,
            _unit(line.product.unit, language),
            line.batch_code,
            line.expires_on.isoformat() if line.expires_on else "",
            line.quantity,
            yuan(line.value),
        ]
        for d in rows
        for line in d.lines
    ]
    return csv_response(sw.DOCUMENTS_TAB.text(language) + ".csv", header, lines)
