"""Importing customers from a CSV file, as a shop exports them from Excel or from other salon
software, at thousands of rows a second whatever the number of customers already on file.

A batch is read and checked in Python, its phones looked up in one query, and its new customers
written with a few statements (customers.create_customers); each is still its own audited
`customer.created` operation. A phone already on file with the same name is the same customer:
empty cells keep what is saved, and new notes are added to the old ones, never replace them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from threading import Event
from zoneinfo import ZoneInfo

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from salon_pos.domain.errors import Both, DuplicatePhone, InvalidDate, RequiredField, UserError
from salon_pos.domain.ids import new_id
from salon_pos.domain.phone import normalize_phone
from salon_pos.domain.search_keys import name_search_keys
from salon_pos.services.backend import Backend
from salon_pos.services.csv_rows import CsvRecord, RowRefused
from salon_pos.services.customers import (
    CustomerProfile,
    checked_profile,
    create_customer,
    create_customers,
    customers_with_phones,
    phone_index_in_bulk,
    update_customer,
)
from salon_pos.services.import_batches import Progress, import_batches
from salon_pos.services.import_report import FirstLinesOnDisk, ImportReport, RepeatedInFile
from salon_pos.services.journal import Journal

# Each list starts with the title error messages show; then the headers seen in exports.
CUSTOMER_COLUMNS: Mapping[str, tuple[str, ...]] = {
    "name": ("姓名", "name", "客户姓名", "会员姓名", "顾客姓名", "客户名称", "会员名称"),
    "phone": (
        *("手机", "phone", "手机号", "手机号码", "电话", "电话号码", "mobile"),
        *("会员手机", "会员手机号", "客户手机", "联系电话", "联系方式"),
    ),
    "gender": ("性别", "gender", "sex"),
    "birthday": ("生日", "birthday", "出生日期"),
    "notes": ("备注", "notes", "note", "会员备注", "客户备注"),
}
PHONE = Both("手机", "phone")
Prepared = tuple[int, "CustomerProfile | UserError", frozenset[str]]  # line, row, search keys
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_EXCEL_NUMBER = re.compile(r"^\+?\d(\.\d+)?[eE]\+?\d+$")  # 1.38001E+10


class BirthdayInFuture(UserError):
    en = "The birthday {day} is in the future."
    zh = "生日 {day} 晚于今天。"


class PhonesMangledByExcel(UserError):
    en = (
        "Line {line}: the phone {text} was turned into a number by Excel, and its last digits "
        "are lost. Nothing was imported. In the original spreadsheet, format the phone column "
        "as Text (select the column, then Format Cells, Text), then save it as CSV again."
    )
    zh = (
        "第 {line} 行：电话 {text} 已被 Excel 转成科学计数法，后几位数字已丢失，未导入任何数据。"
        "请在原始表格中把电话列设为“文本”格式（选中该列 → 设置单元格格式 → 文本），再另存为 CSV。"
    )


def phones_intact(record: CsvRecord) -> None:
    """Checked on every record before anything is written: one mangled phone means Excel
    mangled the column, and the digits cannot be recovered from the file."""
    text = record.get("phone")
    if _EXCEL_NUMBER.match(text):
        raise PhonesMangledByExcel(line=record.line, text=text)


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


def merged_notes(saved: str, imported: str) -> str:
    """Imported notes are added after the saved ones, unless they are there already."""
    if not imported or imported in saved:
        return saved
    return f"{saved}\n{imported}" if saved else imported


@dataclass
class CustomerBatches:
    journal: Journal
    at: datetime
    today: date
    actor_id: str | None
    first_lines: FirstLinesOnDisk = field(default_factory=FirstLinesOnDisk)

    def prepare(self, records: list[CsvRecord]) -> list[Prepared]:
        """Each record read and checked, with its name's search keys (pinyin is the slow part)."""
        batch: list[Prepared] = []
        for record in records:
            try:
                profile = self._profile(record)
            except UserError as error:
                batch.append((record.line, error, frozenset()))
                continue
            batch.append((record.line, profile, frozenset(name_search_keys(profile.name))))
        return batch

    def save(self, session: Session, batch: list[Prepared], report: ImportReport) -> None:
        refused = [(line, row) for line, row, _ in batch if isinstance(row, UserError)]
        rows = [(line, row, keys) for line, row, keys in batch if isinstance(row, CustomerProfile)]
        phones = [profile.phone for _, profile, _ in rows]
        earlier = self.first_lines.first_lines(phones)
        saved = customers_with_phones(session, phones)
        here: dict[str, int] = {}  # phone → line, for the rows of this batch kept so far
        fresh: list[Prepared] = []
        for line, profile, keys in rows:
            try:
                first = earlier.get(profile.phone) or here.get(profile.phone)
                if first is not None:
                    raise RepeatedInFile(what=PHONE, value=profile.phone, first_line=first)
                holder = saved.get(profile.phone)
                if holder is None:
                    fresh.append((line, profile, keys))
                else:
                    report.count(self._merge(session, holder, profile))
                here[profile.phone] = line
            except UserError as error:
                refused.append((line, error))
        refused.extend(self._create(session, fresh, report))
        lost = {line for line, _ in refused}
        self.first_lines.remember({phone: ln for phone, ln in here.items() if ln not in lost})
        for line, reason in sorted(refused, key=lambda item: item[0]):
            report.refuse(line, reason)

    def _profile(self, record: CsvRecord) -> CustomerProfile:
        if not record.get("phone"):
            raise RequiredField(field=PHONE)
        phone = normalize_phone(record.get("phone"))
        birthday = parse_birthday(record.get("birthday"), self.today)
        profile = CustomerProfile(
            new_id(), record.get("name"), phone, record.get("gender"), birthday, record.get("notes")
        )
        return checked_profile(profile)

    def _merge(self, session: Session, holder: CustomerProfile, profile: CustomerProfile) -> str:
        """The same customer again: fill what is empty, add notes; a different name is refused."""
        if holder.name != profile.name:
            raise DuplicatePhone(phone=profile.phone, name=holder.name)
        merged = replace(
            holder,
            gender=profile.gender or holder.gender,
            birthday=profile.birthday or holder.birthday,
            notes=merged_notes(holder.notes, profile.notes),
        )
        if merged == holder:
            return "unchanged"
        try:
            with session.begin_nested():
                update_customer(session, self.journal, self.at, merged, self.actor_id)
        except IntegrityError as error:
            raise RowRefused(detail=str(error.orig)) from error
        return "updated"

    def _create(
        self, session: Session, fresh: list[Prepared], report: ImportReport
    ) -> list[tuple[int, UserError]]:
        """Create the batch's new customers; the lines the database refused, and why."""
        if not fresh:
            return []
        with phone_index_in_bulk(session.connection()):
            return self._create_all(session, fresh, report)

    def _create_all(
        self, session: Session, fresh: list[Prepared], report: ImportReport
    ) -> list[tuple[int, UserError]]:
        profiles = [p for _, p, _ in fresh if isinstance(p, CustomerProfile)]
        keys = [keys for _, _, keys in fresh]
        try:
            with session.begin_nested():
                create_customers(session, self.journal, self.at, profiles, self.actor_id, keys)
            report.count("created", len(fresh))
            return []
        except IntegrityError:  # some row is at fault: find it, keep the others
            pass
        refused: list[tuple[int, UserError]] = []
        for line, profile in zip((line for line, _, _ in fresh), profiles, strict=True):
            try:
                with session.begin_nested():
                    create_customer(session, self.journal, self.at, profile, self.actor_id)
                report.count("created")
            except UserError as error:
                refused.append((line, error))
            except IntegrityError as error:
                refused.append((line, RowRefused(detail=str(error.orig))))
        return refused


def import_customers(
    backend: Backend,
    path: Path,
    actor_id: str | None = None,
    *,
    progress: Progress | None = None,
    stop: Event | None = None,
) -> ImportReport:
    """Customers from a CSV file, matched by phone: a rerun (after a stop) adds nothing twice."""
    settings = backend.settings.current
    now = backend.clock.now()
    today = now.astimezone(ZoneInfo(settings.time_zone)).date()
    rows = CustomerBatches(Journal(settings.device_id), now, today, actor_id)
    try:
        return import_batches(
            backend,
            path,
            rows,
            CUSTOMER_COLUMNS,
            ("name", "phone"),
            inspect=phones_intact,
            progress=progress,
            stop=stop,
        )
    finally:
        rows.first_lines.close()
