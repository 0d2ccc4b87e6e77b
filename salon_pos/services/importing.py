"""Importing the catalog from a CSV file, and the public face of the importers: customers
(customer_import.py) and the loop both use (import_batches.py).

Catalog rows are few: each is saved in its own SAVEPOINT, so a bad row leaves nothing of itself
behind and the good rows are kept. An empty cell never erases what is saved; importing the same
file twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from threading import Event

from sqlalchemy import select
from sqlalchemy.orm import Session

from salon_pos.db.models import Product, ServiceItem
from salon_pos.domain.errors import (
    Both,
    DurationNotPositive,
    InvalidChoice,
    InvalidNumber,
    RequiredField,
)
from salon_pos.domain.ids import new_id
from salon_pos.domain.money import parse_yuan
from salon_pos.domain.ticket import LineKind
from salon_pos.services.backend import Backend
from salon_pos.services.catalog import ProductOffer, ServiceOffer, save_product, save_service_item
from salon_pos.services.csv_rows import CsvRecord
from salon_pos.services.customer_import import (
    CUSTOMER_COLUMNS,
    BirthdayInFuture,
    PhonesMangledByExcel,
    import_customers,
    parse_birthday,
)
from salon_pos.services.import_batches import BATCH_ROWS, Progress, RowImporter, import_rows
from salon_pos.services.import_report import FirstLines, ImportProgress, ImportReport, RowError
from salon_pos.services.journal import Journal

__all__ = [
    "BATCH_ROWS",
    "CUSTOMER_COLUMNS",
    "BirthdayInFuture",
    "DurationNotPositive",
    "ImportProgress",
    "ImportReport",
    "PhonesMangledByExcel",
    "RowError",
    "RowImporter",
    "import_catalog",
    "import_customers",
    "import_rows",
    "parse_birthday",
]

CATALOG_COLUMNS: Mapping[str, tuple[str, ...]] = {
    "kind": ("类型", "kind", "type"),
    "category": ("分类", "category"),
    "name": ("名称", "name"),
    "price": ("价格", "price", "售价"),
    "duration_min": ("时长", "duration_min", "duration", "时长(分钟)", "时长（分钟）"),
    "skill": ("技能", "skill"),
    "sku": ("编号", "sku"),
    "barcode": ("条码", "barcode"),
    "cost": ("成本", "cost"),
}
KINDS = {"service": LineKind.SERVICE, "服务": LineKind.SERVICE, "product": LineKind.PRODUCT}
KINDS |= {"商品": LineKind.PRODUCT, "产品": LineKind.PRODUCT}


def _minutes(text: str, name: str) -> int:
    text = text.removesuffix("分钟").removesuffix("min").strip()
    if not text:
        raise RequiredField(field=Both("时长", "duration"))
    try:
        minutes = int(text)
    except ValueError:
        raise InvalidNumber(text=text) from None
    if minutes <= 0:
        raise DurationNotPositive(name=name, text=text)
    return minutes


@dataclass
class _CatalogRows:
    journal: Journal
    at: datetime
    actor_id: str | None
    keep_existing: bool
    services: FirstLines = field(default_factory=lambda: FirstLines(Both("服务", "service")))
    skus: FirstLines = field(default_factory=lambda: FirstLines(Both("编号", "SKU")))

    def row_failed(self, line: int) -> None:
        self.services.forget(line)
        self.skus.forget(line)

    def __call__(self, session: Session, record: CsvRecord) -> str:
        kind = KINDS.get(record.get("kind").lower())
        if kind is None:
            raise InvalidChoice(text=record.get("kind"), choices="服务 / 商品 / service / product")
        for column, title in (
            ("category", Both("分类", "category")),
            ("name", Both("名称", "name")),
        ):
            if not record.get(column):
                raise RequiredField(field=title)
        if not record.get("price"):
            raise RequiredField(field=Both("价格", "price"))
        price = parse_yuan(record.get("price"))
        if kind is LineKind.SERVICE:
            return self._service(session, record, price)
        return self._product(session, record, price)

    def _service(self, session: Session, record: CsvRecord, price: int) -> str:
        category, name = record.get("category"), record.get("name")
        minutes = _minutes(record.get("duration_min"), name)
        self.services.check((category, name), f"{category}/{name}", record.line)
        existing = session.scalars(
            select(ServiceItem).where(ServiceItem.category == category, ServiceItem.name == name)
        ).one_or_none()
        if existing is not None and self.keep_existing:
            return "unchanged"
        skill = record.get("skill").lower() or (existing.skill if existing else "")
        offer = ServiceOffer(new_id(), category, name, price, minutes, skill)
        return save_service_item(session, self.journal, self.at, offer, self.actor_id).outcome

    def _product(self, session: Session, record: CsvRecord, price: int) -> str:
        sku = record.get("sku")
        if not sku:
            raise RequiredField(field=Both("编号", "SKU"))
        self.skus.check(sku, sku, record.line)
        existing = session.scalars(select(Product).where(Product.sku == sku)).one_or_none()
        if existing is not None and self.keep_existing:
            return "unchanged"
        cost_text, barcode = record.get("cost"), record.get("barcode")
        cost = parse_yuan(cost_text) if cost_text else (existing.cost if existing else 0)
        barcode = barcode or (existing.barcode if existing else "") or ""
        offer = ProductOffer(
            new_id(), record.get("category"), record.get("name"), sku, barcode or None, price, cost
        )
        return save_product(session, self.journal, self.at, offer, self.actor_id).outcome


def import_catalog(
    backend: Backend,
    path: Path,
    actor_id: str | None = None,
    *,
    at: datetime | None = None,
    keep_existing: bool = False,
    progress: Progress | None = None,
    stop: Event | None = None,
) -> ImportReport:
    """Services are matched by (category, name), products by SKU. With keep_existing, items
    already in the catalog are left as they are (the demo data uses this)."""
    journal = Journal(backend.settings.current.device_id)
    rows = _CatalogRows(journal, at or backend.clock.now(), actor_id, keep_existing)
    required = ("kind", "category", "name", "price")
    return import_rows(backend, path, rows, CATALOG_COLUMNS, required, progress=progress, stop=stop)
