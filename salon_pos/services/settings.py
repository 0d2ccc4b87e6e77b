"""The counter's settings: store profile, device identity, rounding, receipt printer."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from salon_pos.db.audit import AuditRecord
from salon_pos.db.database import Database
from salon_pos.db.models import Setting, SyncState, Ticket
from salon_pos.domain.backups import DEFAULT_KEEP, DEFAULT_TIME, check_keep, parse_time_of_day
from salon_pos.domain.balances import (
    MemberRules,
    SpendOrder,
    parse_points_rates,
    parse_top_up_rules,
)
from salon_pos.domain.clock import Clock
from salon_pos.domain.commission import CommissionRules, parse_commission_rules
from salon_pos.domain.customer_class import ClassThresholds
from salon_pos.domain.errors import InvalidChoice, NotInitialised, UserError
from salon_pos.domain.ids import new_id
from salon_pos.domain.patch_tests import DEFAULT_VALIDITY_DAYS, check_validity_days
from salon_pos.domain.ticket import RoundingRule
from salon_pos.domain.tiers import DEFAULT_TIERS, parse_tiers
from salon_pos.services.changes import SETTINGS, Changes
from salon_pos.services.journal import Journal
from salon_pos.services.sync_state import next_hlc
from sync.member_rules import salvaged

if TYPE_CHECKING:
    from pydantic import BaseModel

PRINTER_KINDS = ("none", "network", "usb", "serial", "file", "dummy")


class InvalidCounterPrefix(UserError):
    en = "A counter prefix is 1 to 4 letters or digits, such as A1."
    zh = "收银台前缀须为 1 到 4 位字母或数字，例如 A1。"


class CounterPrefixFixed(UserError):
    en = "This counter's ticket prefix is already {current}; it cannot change."
    zh = "本收银台的单号前缀已是 {current}，不能更改。"


class InvalidTimeZone(UserError):
    en = "“{text}” is not a time zone; use a name such as Asia/Shanghai."
    zh = "“{text}”不是有效时区，请使用如 Asia/Shanghai 的名称。"


class InvalidCutoverHour(UserError):
    en = "The business day starts at an hour from 0 to 23 (got {hour})."
    zh = "营业日切换时间须为 0 到 23 点（当前为 {hour}）。"


class NegativeThreshold(UserError):
    en = "A customer class threshold cannot be negative (got {value})."
    zh = "客户分类的门槛不能为负数（当前为 {value}）。"


POINTS_VALID_DAYS_MAX = 3650  # ten years; as sync/operations/setup.py MEMBER_RANGES


class PointsValidityOutOfRange(UserError):
    en = "Points stay valid 0 (for ever) to 3,650 days, not {days}."
    zh = "积分有效期须为 0（永不过期）到 3650 天，不能是 {days}。"


CLASS_SETTINGS = (
    "class_member_spend",
    "class_member_visits",
    "class_vip_spend",
    "class_vip_visits",
    "class_lapsed_days",
)

DRAWER_LIMITS = ("drawer_variance_reason", "drawer_variance_pin", "drawer_pay_out_pin")  # fen
MOST_DRAWER_LIMIT = 100_000_000  # ¥1,000,000; as sync/operations/setup.py WHOLE_NUMBER_SETTINGS


class InvalidGateway(UserError):
    en = "“{text}” is not a gateway address: it starts with http:// or https://."
    zh = "“{text}”不是网关地址，应以 http:// 或 https:// 开头。"


class InvalidGatewayBody(UserError):
    en = "The gateway body is not JSON once {{to}}, {{text}} and {{key}} are filled in: {body}"
    zh = "网关请求体填入 {{to}}、{{text}}、{{key}} 后不是有效的 JSON：{body}"


@dataclass(frozen=True)
class StoreSettings:
    device_id: str
    counter_prefix: str
    store_name: str
    address: str = ""
    phone: str = ""
    receipt_header: str = ""
    receipt_footer: str = "谢谢惠顾，欢迎再次光临！"
    time_zone: str = "Asia/Shanghai"
    cutover_hour: int = 4
    rounding: RoundingRule = RoundingRule.NONE
    language: str = "zh_CN"
    printer_kind: str = "none"  # none / network / usb / serial / file / dummy
    printer_target: str = ""  # host:port, vendor:product, /dev/ttyS0, or a file path
    paper_width_mm: int = 80
    idle_lock_minutes: int = 5  # back to the sign-in screen after this long untouched; 0: never
    # Members (docs/adr/0009-member-balances.md)
    spend_order: str = "principal_first"  # which part of stored value a spend takes first
    offline_allowance: int = 0  # fen a card may be spent beyond what this counter knows
    top_up_rules: str = ""  # "100000:20000,50000:8000": pay at least fen → bonus fen
    points_earn_rate: int = 1  # points earned a yuan spent
    points_per_yuan: int = 100  # points that pay ¥1
    points_valid_days: int = 0  # days earned points stay valid (points_expiry.py); 0: for ever
    tiers: str = DEFAULT_TIERS  # "黄金:500000:95;…": name, threshold, percent paid (domain/tiers)
    tier_basis: str = "spend"  # spend (fen) or visits
    birthday_percent: int = 100  # percent of the price paid in the birthday month; 100: none
    birthday_service_id: str = ""  # a service given free once in the birthday month; "": none
    points_rates: str = ""  # "美甲=2,美睫=0": a category's own points a yuan
    patch_test_days: int = DEFAULT_VALIDITY_DAYS  # a passed patch test's validity; 0: for ever
    # Commission rules (domain/commission.py; the grammar is sync/commission_rules.py): "" none
    commission_rules: str = ""
    # customer classification thresholds (domain/customer_class.py): fen, visits, days; 0: off
    class_member_spend: int = ClassThresholds.member_spend
    class_member_visits: int = ClassThresholds.member_visits
    class_vip_spend: int = ClassThresholds.vip_spend
    class_vip_visits: int = ClassThresholds.vip_visits
    class_lapsed_days: int = ClassThresholds.lapsed_days
    # Cash drawer (docs/drawer.md): a blind close (1: the count is entered without seeing the
    # expected cash), the variance in fen that passes without a reason, beyond which a
    # manager's PIN is needed too, and the pay-out above which a manager's PIN is needed.
    drawer_blind_close: int = 0
    drawer_variance_reason: int = 0
    drawer_variance_pin: int = 5_000
    drawer_pay_out_pin: int = 20_000
    # Reminders, for a store without a server (with one, the server sends them): this counter
    # prepares and sends them (docs/bookings.md, "Reminders"); no gateway: reminders.jsonl.
    reminders_here: bool = False
    sms_gateway: str = ""
    sms_template: str = ""
    # Backups of this counter's database (services/backups.py): a second folder (USB disk,
    # NAS) besides the data folder's backups/, how many to keep, the nightly time (store time)
    backup_folder: str = ""
    backup_keep: int = DEFAULT_KEEP
    backup_time: str = DEFAULT_TIME

    def class_thresholds(self) -> ClassThresholds:
        return ClassThresholds(
            self.class_member_spend,
            self.class_member_visits,
            self.class_vip_spend,
            self.class_vip_visits,
            self.class_lapsed_days,
        )

    def validate(self) -> None:
        prefix = self.counter_prefix
        if not (1 <= len(prefix) <= 4 and prefix.isalnum() and prefix.isascii()):
            raise InvalidCounterPrefix()
        try:
            ZoneInfo(self.time_zone)
        except (ZoneInfoNotFoundError, ValueError):
            raise InvalidTimeZone(text=self.time_zone) from None
        if not 0 <= self.cutover_hour <= 23:
            raise InvalidCutoverHour(hour=self.cutover_hour)
        if self.paper_width_mm not in (58, 80):
            raise InvalidChoice(text=str(self.paper_width_mm), choices="58, 80")
        if self.sms_gateway and not self.sms_gateway.startswith(("http://", "https://")):
            raise InvalidGateway(text=self.sms_gateway)
        if self.sms_template:
            from sync.reminder_senders import InvalidTemplate, check_template

            try:
                check_template(self.sms_template)
            except InvalidTemplate:
                raise InvalidGatewayBody(body=self.sms_template) from None
        if not 0 <= self.idle_lock_minutes <= 240:
            raise InvalidChoice(text=str(self.idle_lock_minutes), choices="0–240")
        check_keep(self.backup_keep)
        parse_time_of_day(self.backup_time)
        if self.printer_kind not in PRINTER_KINDS:
            raise InvalidChoice(text=self.printer_kind, choices=", ".join(PRINTER_KINDS))
        RoundingRule(self.rounding)
        self.member_rules()
        check_validity_days(self.patch_test_days)
        self.commission()
        for name in CLASS_SETTINGS:
            if getattr(self, name) < 0:
                raise NegativeThreshold(value=getattr(self, name))
        if self.drawer_blind_close not in (0, 1):
            raise InvalidChoice(text=str(self.drawer_blind_close), choices="0, 1")
        for name in DRAWER_LIMITS:
            if not 0 <= getattr(self, name) <= MOST_DRAWER_LIMIT:
                raise InvalidChoice(text=str(getattr(self, name)), choices="0–100000000")

    def member_rules(self) -> MemberRules:
        """The member ledgers' settings, checked (UserError says what is wrong)."""
        try:
            order = SpendOrder(self.spend_order)
        except ValueError:
            raise InvalidChoice(
                text=self.spend_order, choices=", ".join(o.value for o in SpendOrder)
            ) from None
        if not 0 <= self.offline_allowance <= 10_000_000:
            raise InvalidChoice(text=str(self.offline_allowance), choices="0–10000000")
        if not (0 <= self.points_earn_rate <= 1000 and 1 <= self.points_per_yuan <= 10_000):
            raise InvalidChoice(text=str(self.points_per_yuan), choices="1–10000")
        if not 0 <= self.points_valid_days <= POINTS_VALID_DAYS_MAX:
            raise PointsValidityOutOfRange(days=self.points_valid_days)
        if not 1 <= self.birthday_percent <= 100:
            raise InvalidChoice(text=str(self.birthday_percent), choices="1–100")
        if self.tier_basis not in ("spend", "visits"):
            raise InvalidChoice(text=self.tier_basis, choices="spend, visits")
        parse_tiers(self.tiers)
        return MemberRules(
            order,
            self.offline_allowance,
            parse_top_up_rules(self.top_up_rules),
            self.points_earn_rate,
            self.points_per_yuan,
            parse_points_rates(self.points_rates),
            self.points_valid_days,
        )

    def commission(self) -> CommissionRules:
        """The commission rules, checked (UserError says which rule is wrong)."""
        return parse_commission_rules(self.commission_rules)

    def to_strings(self) -> dict[str, str]:
        return {key: str(value) for key, value in asdict(self).items()}

    @classmethod
    def from_strings(cls, values: dict[str, str]) -> StoreSettings:
        known: dict[str, Any] = {}
        for field in fields(cls):
            if field.name in values:
                raw = values[field.name]
                if field.type == "int":
                    known[field.name] = int(raw)
                elif field.type == "bool":
                    known[field.name] = raw in ("True", "true", "1")
                elif field.name == "rounding":
                    known[field.name] = RoundingRule(raw)
                elif field.name in SALVAGED:
                    known[field.name] = salvaged(field.name, raw)
                else:
                    known[field.name] = raw
        return cls(**known)


# Member rules as text: a value an earlier version stored and the grammar now refuses is read
# as what it can still mean (sync.member_rules.salvaged), so sales and saves go on.
SALVAGED = ("top_up_rules", "points_rates", "tiers")


def _stored(session: Session) -> StoreSettings | None:
    values = {s.key: s.value for s in session.scalars(select(Setting))}
    return StoreSettings.from_strings(values) if "device_id" in values else None


class SettingsService:
    """Keeps a copy of the settings; every save goes through here, so the copy holds.
    Each change is read, checked and written in one transaction."""

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
            self.reload()
        assert self._current is not None
        return self._current

    def reload(self) -> StoreSettings:
        """Read the settings again (another process, such as the CLI, may have changed them)."""
        with self._db.read() as session:
            stored = _stored(session)
        if stored is None:
            raise NotInitialised()
        self._current = stored
        return stored

    def after_pull(self, changed: Changes) -> Changes:
        """What a pull changed, with SETTINGS when it brought the store's settings (read again
        here, so every screen that asks for them sees the new ones)."""
        from sync.operations.setup import CHANGE_STORE_SETTINGS  # lazy: pydantic after paint

        if not changed.touches(CHANGE_STORE_SETTINGS):
            return changed
        self.reload()
        return changed | Changes.of(SETTINGS)

    def initialise(self, store_name: str, counter_prefix: str, **extra: Any) -> StoreSettings:
        """First start of a counter: a device id and a ticket prefix. Run again, it updates the
        store details, but the prefix stays: tickets already carry it."""
        prefix = counter_prefix.strip().upper()
        with self._db.write() as session:
            before = _stored(session)
            if before is None:
                after = StoreSettings(new_id(), prefix, store_name, **extra)
                action = "counter.initialised"
            elif before.counter_prefix != prefix:
                raise CounterPrefixFixed(current=before.counter_prefix)
            else:
                after, action = replace(before, store_name=store_name, **extra), "settings.changed"
            self._write(session, after, before, action, None)
        self._current = after
        return after

    def retake_prefix(self, counter_prefix: str) -> StoreSettings:
        """Another prefix for a counter that has made no ticket and is not enrolled (joining a
        store whose server says the first one is taken): nothing carries the old one yet."""
        prefix = counter_prefix.strip().upper()
        with self._db.write() as session:
            before = _stored(session)
            if before is None:
                raise NotInitialised()
            if before.counter_prefix != prefix:
                sold = session.scalar(select(Ticket.id).limit(1)) is not None
                enrolled = session.scalar(select(SyncState.store_id).limit(1)) is not None
                if sold or enrolled:
                    raise CounterPrefixFixed(current=before.counter_prefix)
            after = replace(before, counter_prefix=prefix)
            self._write(session, after, before, "settings.changed", None)
        self._current = after
        return after

    def update(self, actor_id: str | None = None, **changes: Any) -> StoreSettings:
        if "counter_prefix" in changes:
            raise CounterPrefixFixed(current=self.current.counter_prefix)
        with self._db.write() as session:
            before = _stored(session)
            if before is None:
                raise NotInitialised()
            after = replace(before, **changes)
            self._write(session, after, before, "settings.changed", actor_id, shared=True)
        self._current = after
        return after

    def _write(
        self,
        session: Session,
        settings: StoreSettings,
        before: StoreSettings | None,
        action: str,
        actor_id: str | None,
        shared: bool = False,
    ) -> None:
        """`shared`: store-wide settings that changed go to the server, and so to every counter
        of the store (a first start's values stay here: the store's may differ)."""
        settings.validate()
        if settings == before:
            return
        values = settings.to_strings()
        for key, value in values.items():
            statement = insert(Setting).values(key=key, value=value)
            session.execute(
                statement.on_conflict_do_update(index_elements=["key"], set_={"value": value})
            )
        now = self._clock.now()
        operation = _store_wide(session, now, settings, before) if shared and before else None
        Journal(settings.device_id).record(
            session,
            now,
            AuditRecord(
                actor_id,
                action,
                "settings",
                settings.device_id,
                before=before.to_strings() if before else None,
                after=values,
            ),
            operation,
        )


def _store_wide(
    session: Session, now: datetime, after: StoreSettings, before: StoreSettings
) -> BaseModel | None:
    """The store.settings_saved operation of the store-wide settings that changed, if any."""
    from salon_pos.services.sync_ops import setup as setup_ops  # lazy: pydantic after paint
    from sync.operations.setup import STORE_SETTING_FIELDS

    changed = {
        name: _wire(getattr(after, name))
        for name in STORE_SETTING_FIELDS
        if getattr(after, name) != getattr(before, name)
    }
    if not changed:
        return None
    return setup_ops.store_settings_saved(changed, next_hlc(session, now, after.device_id))


def _wire(value: Any) -> Any:
    return value.value if isinstance(value, RoundingRule) else value
