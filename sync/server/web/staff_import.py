"""Staff from a CSV uploaded in the console: 姓名/name, 角色/role, 技能/skills, 电话/phone, read as
the counter reads its imports (salon_pos/domain/csv_text.py: UTF-8, BOM, GBK, UTF-16, tabs).
Each line becomes a staff member through master_staff.add_staff, or a line of the report
saying why not. No PINs in a file: people get theirs one by one, so managers and owners (who
need one) are refused here and added on the page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Engine

from salon_pos.domain.csv_text import read_text
from salon_pos.domain.errors import UserError
from salon_pos.domain.staff_rules import APPROVER_ROLES
from sync.messages import Both, Message
from sync.server import master_staff
from sync.server.web import words

MAX_BYTES = 1024 * 1024
COLUMNS = {
    "name": ("姓名", "name"),
    "role": ("角色", "role"),
    "skills": ("技能", "skills"),
    "phone": ("电话", "phone"),
}
ROLES = {
    key.strip().lower(): code
    for code, names in words.ROLE_WORDS.items()
    for key in (code, names.zh, names.en)
}


class ImportRefused(Exception):
    """The whole file is refused (nothing imported): `words` says why."""

    def __init__(self, why: Both | Message) -> None:
        super().__init__(why)
        self.why = why


@dataclass
class StaffImport:
    created: int = 0
    refused: list[Message] = field(default_factory=list)

    @property
    def summary(self) -> Message:
        return words.StaffImported(created=self.created, refused=len(self.refused))


def both(message: Message) -> Both:
    return Both(message.text("zh_CN"), message.text("en"))


def csv_lines(data: bytes, file_name: str) -> list[tuple[int, dict[str, str]]]:
    """(line number, canonical column → cell) of every line with something in it; a file that
    cannot be imported at all raises ImportRefused with the counter's reason."""
    if len(data) > MAX_BYTES:
        raise ImportRefused(words.CSV_TOO_LARGE)
    try:
        text = read_text(data, file_name, COLUMNS, ("name",))
    except UserError as refused:
        raise ImportRefused(refused) from None
    return [(record.line, dict(record.values)) for record in text.records]


def import_staff(
    engine: Engine,
    store_id: str,
    data: bytes,
    file_name: str,
    clock: Callable[[], datetime],
    by_owner: bool,
) -> StaffImport:
    report = StaffImport()
    for line, cells in csv_lines(data, file_name):
        role = ROLES.get(cells.get("role", "").lower() or "technician", cells.get("role", ""))
        if role in APPROVER_ROLES:
            report.refused.append(words.CsvLine(line=line, reason=words.CSV_MANAGER_ROW))
            continue
        values = {"name": ""} | cells | {"role": role}
        try:
            master_staff.add_staff(engine, store_id, values, None, clock, by_owner)
        except master_staff.StaffRefused as refused:
            report.refused.append(words.CsvLine(line=line, reason=both(refused.message)))
        else:
            report.created += 1
    return report
