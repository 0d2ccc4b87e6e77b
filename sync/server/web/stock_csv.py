"""The stock pages as CSV files (csv_export): one row a product in a store, whatever the page
shows on screen (the chain view's columns are rows here, which a spreadsheet sums and pivots),
headers in the page's language, units in the product's unit."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from fastapi.responses import Response

from sync.messages import Both
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


HEAD = (sw.STORE, sw.CATEGORY, sw.PRODUCT, Both("单位", "Unit"))


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
        Both("单位", "Unit"),
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
        Both("单位", "Unit"),
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
