"""The counter's settings: store profile, device identity, rounding, receipt printer."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert

from salon_pos.db.audit import AuditRecord
from salon_pos.db.database import Database
from salon_pos.db.models import Setting
from salon_pos.domain.clock import Clock
from salon_pos.domain.errors import NotInitialised, UserError
from salon_pos.domain.ids import new_id
from salon_pos.domain.ticket import RoundingRule
from salon_pos.services.journal import Journal


class InvalidCounterPrefix(UserError):
    en = "A counter prefix is 1 to 4 letters or digits, such as A1."
    zh = "收银台前缀须为 1 到 4 位字母或数字，例如 A1。"


@dataclass(frozen=True)
class StoreSettings:
    device_id: str
    counter_prefix: str
    store_name: str
    address: str = ""
    phone: str = ""
    receipt_footer: str = "谢谢惠顾，欢迎再次光临！"
    time_zone: str = "Asia/Shanghai"
    cutover_hour: int = 4
    rounding: RoundingRule = RoundingRule.NONE
    language: str = "zh_CN"
    printer_kind: str = "none"  # none / network / usb / serial / file
    printer_target: str = ""  # host:port, vendor:product, /dev/ttyS0, or a file path
    paper_width_mm: int = 80

    def to_strings(self) -> dict[str, str]:
        return {key: str(value) for key, value in asdict(self).items()}

    @classmethod
    def from_strings(cls, values: dict[str, str]) -> StoreSettings:
        known: dict[str, Any] = {}
        for field in fields(cls):
            if field.name in values:
                raw = values[field.name]
                if field.name in ("cutover_hour", "paper_width_mm"):
                    known[field.name] = int(raw)
                elif field.name == "rounding":
                    known[field.name] = RoundingRule(raw)
                else:
                    known[field.name] = raw
        return cls(**known)


class SettingsService:
    """Reads the settings once and keeps them; every save goes through here, so the copy holds."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock
        self._current: StoreSettings | None = None

    def is_initialised(self) -> bool:
        with self._db.read() as session:
            return session.get(Setting, "device_id") is not None

    @property
    def current(self) -> StoreSettings:
        if self._current is None:
            with self._db.read() as session:
                values = {s.key: s.value for s in session.scalars(select(Setting))}
            if "device_id" not in values:
                raise NotInitialised()
            self._current = StoreSettings.from_strings(values)
        return self._current

    def initialise(
        self, store_name: str, counter_prefix: str = "A1", **extra: Any
    ) -> StoreSettings:
        """First start of a counter: give it a device id and a ticket prefix. Idempotent."""
        if not (
            1 <= len(counter_prefix) <= 4 and counter_prefix.isalnum() and counter_prefix.isascii()
        ):
            raise InvalidCounterPrefix()
        if self.is_initialised():
            return self.update(store_name=store_name, **extra)
        settings = StoreSettings(
            device_id=new_id(),
            counter_prefix=counter_prefix.upper(),
            store_name=store_name,
            **extra,
        )
        self._save(settings, before=None, action="counter.initialised")
        return settings

    def update(self, actor_id: str | None = None, **changes: Any) -> StoreSettings:
        before = self.current
        after = replace(before, **changes)
        if after == before:
            return before
        self._save(after, before=before, action="settings.changed", actor_id=actor_id)
        return after

    def _save(
        self,
        settings: StoreSettings,
        before: StoreSettings | None,
        action: str,
        actor_id: str | None = None,
    ) -> None:
        values = settings.to_strings()
        with self._db.write() as session:
            for key, value in values.items():
                statement = insert(Setting).values(key=key, value=value)
                session.execute(
                    statement.on_conflict_do_update(index_elements=["key"], set_={"value": value})
                )
            Journal(settings.device_id).record(
                session,
                self._clock.now(),
                AuditRecord(
                    actor_id,
                    action,
                    "settings",
                    settings.device_id,
                    before=before.to_strings() if before else None,
                    after=values,
                ),
            )
        self._current = settings
