"""Importing the catalog from a CSV file, and the public face of the importers: customers
(customer_import.py) and the loop both use (import_batches.py).

Catalog rows are few: each is saved in its own SAVEPOINT, so a bad row leaves nothing of itself
behind and the good rows are kept. An empty cell never erases what is saved; importing the same
file twice changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from threading import Event

from sqlalchemy import select
from sqlalchemy.orm import Session

from salon_pos.db.models import Product, ServiceItem
from salon_pos.domain.catalog_rules import (
    CATALOG_COLUMNS,
    CATALOG_REQUIRED,
    CatalogLine,
    catalog_line,
)
from salon_pos.domain.errors import Both, DurationNotPositive
from salon_pos.domain.ids import new_id
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
        line = catalog_line(record)
        if line.kind is LineKind.SERVICE:
            return self._service(session, line)
        return self._product(session, line)

    def _service(self, session: Session, line: CatalogLine) -> str:
        category, name = line.category, line.name
        self.services.check((category, name), f"{category}/{name}", line.line)
        existing = session.scalars(
            select(ServiceItem).where(ServiceItem.category == category, ServiceItem.name == name)
        ).one_or_none()
        if existing is not None and self.keep_existing:
            return "unchanged"
        skill = line.skill or (existing.skill if existing else "")
        patch_test = line.needs_patch_test
        if patch_test is None:
            patch_test = existing.needs_patch_test if existing else False
        offer = ServiceOffer(
            new_id(), category, name, line.price, line.duration_min, skill,
            needs_patch_test=patch_test, points_price=existing.points_price if existing else 0,
        )  # fmt: skip
        return save_service_item(session, self.journal, self.at, offer, self.actor_id).outcome

    def _product(self, session: Session, line: CatalogLine) -> str:
        sku = line.sku
        self.skus.check(sku, sku, line.line)
        existing = session.scalars(select(Product).where(Product.sku == sku)).one_or_none()
        if existing is not None and self.keep_existing:
            return "unchanged"
        cost = line.cost if line.cost is not None else (existing.cost if existing else 0)
        barcode = line.barcode or (existing.barcode if existing else None)
        expiry = line.needs_expiry
        if expiry is None:
            expiry = existing.needs_expiry if existing else False
        offer = ProductOffer(new_id(), line.category, line.name, sku, barcode, line.price, cost)
        offer = replace(
            offer,
            points_price=existing.points_price if existing else 0,
            # An empty cell keeps what is saved (a new product: pieces, one a package).
            unit=line.unit or (existing.unit if existing else offer.unit),
            pack_size=line.pack_size or (existing.pack_size if existing else offer.pack_size),
            needs_expiry=expiry,
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
    return import_rows(
        backend, path, rows, CATALOG_COLUMNS, CATALOG_REQUIRED, progress=progress, stop=stop
    )
