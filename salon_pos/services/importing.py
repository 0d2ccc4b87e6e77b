"""Importing customers and the catalog from CSV files, as a shop exports them from Excel.

All good rows go in one write transaction, each inside its own SAVEPOINT: a bad row leaves
nothing of itself behind (no half customer, no outbox operation) and the good rows are kept.
An empty cell never erases what is saved; importing the same file twice changes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from itertools import islice
from pathlib import Path
from typing import Protocol
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from salon_pos.db.models import Product, ServiceItem
from salon_pos.domain.errors import (
    Both,
    DuplicatePhone,
    DurationNotPositive,
    InvalidChoice,
    InvalidDate,
    InvalidNumber,
    RequiredField,
    UserError,
)
from salon_pos.domain.ids import new_id
from salon_pos.domain.money import parse_yuan
from salon_pos.domain.phone import normalize_phone
from salon_pos.domain.ticket import LineKind
from salon_pos.services.backend import Backend
from salon_pos.services.catalog import ProductOffer, ServiceOffer, save_product, save_service_item
from salon_pos.services.csv_rows import (
    CsvRecord,
    FirstLines,
    ImportReport,
    RowError,
    RowRefused,
    read_records,
)
from salon_pos.services.customers import (
    CustomerProfile,
    checked_profile,
    create_customer,
    customer_with_phone,
    update_customer,
)
from salon_pos.services.journal import Journal

__all__ = ["ImportReport", "RowError", "import_catalog", "import_customers"]

CUSTOMER_COLUMNS: Mapping[str, tuple[str, ...]] = {
    "name": ("姓名", "name", "客户姓名"),
    "phone": ("手机", "phone", "手机号", "手机号码", "电话", "电话号码", "mobile"),
    "gender": ("性别", "gender", "sex"),
    "birthday": ("生日", "birthday", "出生日期"),
    "notes": ("备注", "notes", "note"),
}
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
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")


class BirthdayInFuture(UserError):
    en = "The birthday {day} is in the future."
    zh = "生日 {day} 晚于今天。"


class RowImporter(Protocol):
    def __call__(self, session: Session, record: CsvRecord) -> str:
        """Save one record inside the caller's savepoint; return created / updated / unchanged,
        or raise UserError for a bad row."""
        ...

    def row_failed(self, line: int) -> None:
        """The row at `line` was refused and rolled back."""
        ...


BATCH_ROWS = 200  # rows per transaction: a long import must not hold the till's write lock


def batched(records: Sequence[CsvRecord], size: int) -> Iterator[list[CsvRecord]]:
    rest = iter(records)
    while batch := list(islice(rest, size)):
        yield batch


def import_rows(
    backend: Backend,
    path: Path,
    rows: RowImporter,
    columns: Mapping[str, tuple[str, ...]],
    required: tuple[str, ...],
) -> ImportReport:
    """Every record through `rows`, each in its own savepoint, committed every BATCH_ROWS rows
    so that a checkout at the counter waits for a batch, never for the whole file."""
    records = read_records(path, columns, required)  # a bad file raises before any write
    report = ImportReport()
    for batch in batched(records, BATCH_ROWS):
        with backend.db.write() as session:
            for record in batch:
                try:
                    with session.begin_nested():
                        report.count(rows(session, record))
                except UserError as error:
                    rows.row_failed(record.line)
                    report.errors.append(RowError(record.line, error))
                except IntegrityError as error:
                    rows.row_failed(record.line)
                    report.errors.append(RowError(record.line, RowRefused(detail=str(error.orig))))
    return report


def parse_birthday(text: str, today: date) -> date | None:
    """1990-05-17, 1990/5/17 or 1990年5月17日; a real date, not after today."""
    if not text:
        return None
    match = _DATE.match(text)
    if match is None:
        raise InvalidDate(text=text)
    try:
        day = date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise InvalidDate(text=text) from None
    if day > today:
        raise BirthdayInFuture(day=day.isoformat())
    return day


@dataclass
class _CustomerRows:
    journal: Journal
    at: datetime
    today: date
    actor_id: str | None
    phones: FirstLines = field(default_factory=lambda: FirstLines(Both("手机", "phone")))

    def row_failed(self, line: int) -> None:
        self.phones.forget(line)

    def __call__(self, session: Session, record: CsvRecord) -> str:
        if not record.get("phone"):
            raise RequiredField(field=Both("手机", "phone"))
        phone = normalize_phone(record.get("phone"))
        self.phones.check(phone, phone, record.line)
        birthday = parse_birthday(record.get("birthday"), self.today)
        profile = checked_profile(
            CustomerProfile(
                new_id(),
                record.get("name"),
                phone,
                record.get("gender"),
                birthday,
                record.get("notes"),
            )
        )
        existing = customer_with_phone(session, profile.phone)
        if existing is None:
            create_customer(session, self.journal, self.at, profile, self.actor_id)
            return "created"
        if existing.name != profile.name:
            raise DuplicatePhone(phone=profile.phone, name=existing.name)
        merged = replace(
            existing,
            gender=profile.gender or existing.gender,
            birthday=profile.birthday or existing.birthday,
            notes=profile.notes or existing.notes,
        )
        if merged == existing:
            return "unchanged"
        update_customer(session, self.journal, self.at, merged, self.actor_id)
        return "updated"


def import_customers(backend: Backend, path: Path, actor_id: str | None = None) -> ImportReport:
    settings = backend.settings.current
    now = backend.clock.now()
    today = now.astimezone(ZoneInfo(settings.time_zone)).date()
    rows = _CustomerRows(Journal(settings.device_id), now, today, actor_id)
    return import_rows(backend, path, rows, CUSTOMER_COLUMNS, ("name", "phone"))


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
) -> ImportReport:
    """Services are matched by (category, name), products by SKU. With keep_existing, items
    already in the catalog are left as they are (the demo data uses this)."""
    journal = Journal(backend.settings.current.device_id)
    rows = _CatalogRows(journal, at or backend.clock.now(), actor_id, keep_existing)
    return import_rows(backend, path, rows, CATALOG_COLUMNS, ("kind", "category", "name", "price"))
