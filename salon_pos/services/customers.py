"""Customers: adding and editing profiles, and finding them in well under a second.

Search: digits look in the phone (any part, through the FTS5 trigram index; one or two digits
by prefix); anything else is a prefix of the name, its pinyin initials or its full pinyin.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import (
    Connection,
    bindparam,
    column,
    delete,
    insert,
    literal_column,
    select,
    table,
    text,
    update,
)
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from salon_pos.db.audit import AuditRecord
from salon_pos.db.database import Database
from salon_pos.db.fast_insert import insert_rows
from salon_pos.db.models import Customer, CustomerSearchKey
from salon_pos.domain.business_day import business_day
from salon_pos.domain.clock import Clock
from salon_pos.domain.customer_class import Standing
from salon_pos.domain.customer_profile import (
    LIST_FIELDS,
    PROFILE_FIELDS,
    SEALED_FIELDS,
    ReferrerIsSelf,
    checked_field,
)
from salon_pos.domain.errors import (
    Both,
    DuplicatePhone,
    InvalidChoice,
    RequiredField,
    TooLong,
    UnknownCustomer,
    UserError,
)
from salon_pos.domain.ids import new_id
from salon_pos.domain.phone import normalize_phone
from salon_pos.domain.sealed import CannotOpen
from salon_pos.domain.search_keys import name_search_keys, search_text
from salon_pos.security.field_crypto import StoreKey, StoreKeys
from salon_pos.services import customer_health as health
from salon_pos.services import customer_history
from salon_pos.services.counter import CounterService
from salon_pos.services.customer_history import CustomerHistory
from salon_pos.services.journal import Journal
from salon_pos.services.settings import SettingsService
from salon_pos.services.sync_state import next_hlc, next_hlcs

log = logging.getLogger(__name__)

# The profile fields that merge one by one across counters, each with its own clock stamp.
STAMPED_FIELDS = ("name", "phone", "gender", "birthday", "notes", *PROFILE_FIELDS)
# What a row or an operation holds of a profile in plain (the sealed two come apart).
PLAIN_FIELDS = tuple(f for f in STAMPED_FIELDS if f not in SEALED_FIELDS)
CHANGED = "(changed)"  # what the audit log says of a sealed field, instead of its text

GENDERS = {"": "", "F": "F", "M": "M", "女": "F", "男": "M", "f": "F", "m": "M"}

# The longest name and notes a counter saves: the server refuses a longer name (sync/wire.py
# CustomerCreated) and parks the operation, and every later edit of that customer with it.
# Notes are kept well under the server's cap of one edit, since edits append to them there.
NAME_MAX = 64
NOTES_MAX = 2_000
_LENGTH_LIMITS = (
    ("name", Both("姓名", "name"), NAME_MAX),
    ("notes", Both("备注", "notes"), NOTES_MAX),
)


@dataclass(frozen=True)
class CustomerProfile:
    """A customer. `allergies` and `health_notes` are the text, or None where it is withheld
    (the reader may not see it, or it was not asked for): None in an update leaves them as they
    are. `has_allergies` is plain, for the cashier's warning."""

    id: str
    name: str
    phone: str
    gender: str = ""
    birthday: date | None = None
    notes: str = ""
    skin_type: str = ""
    skin_condition: str = ""
    hair_condition: str = ""
    has_allergies: bool = False
    preferences: tuple[str, ...] = ()
    product_style: str = ""
    favourite_technician_id: str | None = None
    tags: tuple[str, ...] = ()
    member_card: str = ""
    source: str = ""
    referred_by: str | None = None
    allergies: str | None = None
    health_notes: str | None = None

    def __post_init__(self) -> None:
        for name in LIST_FIELDS:  # JSON columns give lists
            value = getattr(self, name)
            if not isinstance(value, tuple):
                object.__setattr__(self, name, tuple(value or ()))

    def values(self) -> dict[str, Any]:
        """The plain fields by name, lists as lists (dataclasses.asdict deep-copies: ten times
        slower)."""
        found = {"id": self.id} | {name: getattr(self, name) for name in PLAIN_FIELDS}
        found["preferences"], found["tags"] = list(self.preferences), list(self.tags)
        return found

    def payload(self) -> dict[str, Any]:
        return self.values() | {"birthday": self.birthday.isoformat() if self.birthday else None}


def _profile(customer: Customer) -> CustomerProfile:
    return CustomerProfile(*(getattr(customer, name) for name in _COLUMNS))


def checked_profile(
    profile: CustomerProfile, before: CustomerProfile | None = None
) -> CustomerProfile:
    """The profile with its phone normalised and gender read; UserError if a field is wrong.
    A field longer than the server accepts is refused, unless it is unchanged from `before`
    (notes merged on the server may have grown past the limit: editing the phone is fine)."""
    name = profile.name.strip()
    if not name:
        raise RequiredField(field=Both("姓名", "name"))
    if not profile.phone.strip():
        raise RequiredField(field=Both("手机", "phone"))
    gender = GENDERS.get(profile.gender.strip())
    if gender is None:
        raise InvalidChoice(text=profile.gender, choices="男 / 女 / M / F")
    checked = replace(profile, name=name, phone=normalize_phone(profile.phone), gender=gender)
    for key, field, limit in _LENGTH_LIMITS:
        value = getattr(checked, key)
        if len(value) > limit and (before is None or value != getattr(before, key)):
            raise TooLong(field=field, limit=limit, length=len(value))
    fields: dict[str, Any] = {}
    for field_name in PROFILE_FIELDS:
        value = getattr(checked, field_name)
        if value is not None or field_name not in SEALED_FIELDS:
            fields[field_name] = checked_field(field_name, value)
    if checked.referred_by is not None and checked.referred_by == checked.id:
        raise ReferrerIsSelf()
    if checked.allergies is not None:  # the text says it: the cashier is warned
        fields["has_allergies"] = bool(checked.allergies.strip()) or checked.has_allergies
    return replace(checked, **fields)


def customer_with_phone(session: Session, phone: str) -> CustomerProfile | None:
    """The customer with this phone, leaving out those merged into another."""
    found = session.scalars(
        select(Customer).where(Customer.phone == phone, Customer.merged_into.is_(None)).limit(1)
    ).first()
    return _profile(found) if found else None


def customers_with_phones(session: Session, phones: Iterable[str]) -> dict[str, CustomerProfile]:
    """customer_with_phone for many phones at once (a query per 900), by phone."""
    wanted, found = sorted(set(phones)), dict[str, CustomerProfile]()
    for start in range(0, len(wanted), _IDS_PER_QUERY):
        chunk = wanted[start : start + _IDS_PER_QUERY]
        for row in session.execute(_BY_PHONES, {"phones": chunk}):
            found.setdefault(row.phone, CustomerProfile(*row))
    return found


def customer_profiles(session: Session, ids: Iterable[str]) -> dict[str, CustomerProfile]:
    """The customers with these ids that this counter has (merged ones too), by id."""
    wanted, found = sorted(set(ids)), {}
    for start in range(0, len(wanted), _IDS_PER_QUERY):
        chunk = wanted[start : start + _IDS_PER_QUERY]
        for customer in session.scalars(select(Customer).where(Customer.id.in_(chunk))):
            found[customer.id] = _profile(customer)
    return found


_IDS_PER_QUERY = 900  # under SQLite's oldest limit of 999 bound parameters


def write_search_keys(session: Session, customer_id: str, name: str) -> None:
    session.execute(delete(CustomerSearchKey).where(CustomerSearchKey.customer_id == customer_id))
    keys = [{"key": key, "customer_id": customer_id} for key in name_search_keys(name)]
    session.execute(insert(CustomerSearchKey), keys)


_PHONE_TRIGGER = "customer_phone_ai"  # adds each new customer's phone to customer_phone_fts


@contextmanager
def phone_index_in_bulk(connection: Connection) -> Iterator[None]:
    """Customers inserted in the block enter the phone search index (FTS5) with one statement
    at its end instead of the insert trigger's one each: with 100,000 customers on file the
    trigger was 17 of a new customer's 23 µs of SQLite time, the statement 2. The trigger is
    dropped in the caller's transaction and made again from its own text before the block
    ends, so no other connection ever sees it missing; the caller's rollback puts it back too.
    """
    found = connection.execute(_TRIGGER_SQL, {"name": _PHONE_TRIGGER}).scalar()
    if found is None:  # a schema without the trigger: nothing to defer
        yield
        return
    last_before = connection.execute(_LAST_ROWID).scalar() or 0

    def index_and_restore() -> None:
        connection.execute(_INDEX_NEW_PHONES, {"after": last_before})
        connection.exec_driver_sql(str(found))

    connection.exec_driver_sql(f"DROP TRIGGER {_PHONE_TRIGGER}")
    try:
        yield
    except BaseException:
        with suppress(DBAPIError):  # the rollback that follows puts it back anyway
            index_and_restore()
        raise
    index_and_restore()


_TRIGGER_SQL = text("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = :name")
_LAST_ROWID = text("SELECT max(rowid) FROM customer")
_INDEX_NEW_PHONES = text(
    "INSERT INTO customer_phone_fts (rowid, phone) SELECT rowid, phone FROM customer "
    "WHERE rowid > :after"
)


KeySource = Callable[[], StoreKey]  # the store key, fetched only when something is sealed


def _sealed(profile: CustomerProfile, keys: KeySource | None) -> dict[str, str]:
    """The profile's allergies and health notes sealed (a field empty or withheld: "")."""
    texts = {f: getattr(profile, f) or "" for f in SEALED_FIELDS}
    if not any(texts.values()):
        return dict.fromkeys(SEALED_FIELDS, "")
    key = _key(keys)
    return {f: key.seal(text, profile.id, f) for f, text in texts.items()}


def _key(keys: KeySource | None) -> StoreKey:
    if keys is None:
        raise ValueError("sealing health data needs the store key")
    return keys()


def _marked(sealed: dict[str, str]) -> dict[str, str]:
    """What the audit log holds of sealed fields: that they changed, never their text."""
    return {f: CHANGED for f, value in sealed.items() if value}


def create_customer(
    session: Session,
    journal: Journal,
    at: Any,
    profile: CustomerProfile,
    actor_id: str | None,
    keys: KeySource | None = None,
) -> CustomerProfile:
    """Insert a checked profile; a phone already on file is refused (one customer per phone)."""
    profile = checked_profile(profile)
    holder = customer_with_phone(session, profile.phone)
    if holder is not None:
        raise DuplicatePhone(phone=profile.phone, name=holder.name)
    create_customers(session, journal, at, [profile], actor_id, keys=keys)
    return profile


def create_customers(
    session: Session,
    journal: Journal,
    at: Any,
    profiles: Sequence[CustomerProfile],
    actor_id: str | None,
    search_keys: Sequence[Iterable[str]] | None = None,
    keys: KeySource | None = None,
) -> None:
    """Insert checked profiles whose phones the caller has found free, with a few statements
    for all of them (an import's batch); each is still its own audited `customer.created`.
    `search_keys`: each name's keys, when the caller has made them already."""
    if not profiles:
        return
    stamps = next_hlcs(session, at, journal.device_id, len(profiles))
    connection = session.connection()
    times = {"created_at": at, "updated_at": at}
    sealed = [_sealed(p, keys) for p in profiles]
    rows = [
        p.values() | hidden | times | {"stamps": dict.fromkeys(STAMPED_FIELDS, s)}
        for p, hidden, s in zip(profiles, sealed, stamps, strict=True)
    ]
    insert_rows(connection, Customer, rows)
    if search_keys is None:
        search_keys = [name_search_keys(p.name) for p in profiles]
    index = [
        {"key": k, "customer_id": p.id}
        for p, name_keys in zip(profiles, search_keys, strict=True)
        for k in name_keys
    ]
    insert_rows(connection, CustomerSearchKey, sorted(index, key=lambda row: row["key"]))
    from salon_pos.services.sync_ops import (
        customers as customer_ops,  # lazy: pydantic after the first paint
    )

    entries = []
    for profile, hidden, stamp in zip(profiles, sealed, stamps, strict=True):
        payload = profile.payload() | _marked(hidden)
        audit = AuditRecord(actor_id, "customer.created", "customer", profile.id, after=payload)
        entries.append((audit, customer_ops.customer_created(profile, stamp, hidden)))
    journal.record_many(connection, at, entries)


def _sealed_changes(
    existing: Customer, profile: CustomerProfile, keys: KeySource | None
) -> tuple[dict[str, str], dict[str, str]]:
    """The sealed fields whose text changed: their new sealed values, and those they replace.
    A value this counter cannot open counts as changed (the text given replaces it)."""
    given = {f: getattr(profile, f) for f in SEALED_FIELDS if getattr(profile, f) is not None}
    held = {f: getattr(existing, f) or "" for f in given}
    if all(not text and not held[f] for f, text in given.items()):
        return {}, {}
    key = _key(keys)
    after: dict[str, str] = {}
    for name, typed in given.items():
        try:
            same = key.open(held[name], profile.id, name) == typed
        except CannotOpen:
            same = False
        if not same:
            after[name] = key.seal(typed, profile.id, name)
    return after, {f: held[f] for f in after}


def update_customer(
    session: Session,
    journal: Journal,
    at: Any,
    profile: CustomerProfile,
    actor_id: str | None,
    keys: KeySource | None = None,
) -> CustomerProfile:
    """Save changed fields; the operation carries only the fields that changed, sealed ones
    sealed (and the audit log only says that they changed)."""
    existing = session.get(Customer, profile.id)
    if existing is None:
        raise UnknownCustomer(customer_id=profile.id)
    before = _profile(existing)
    profile = checked_profile(profile, before)
    if profile.phone != before.phone:  # two customers may share one already (made offline)
        holder = customer_with_phone(session, profile.phone)
        if holder is not None and holder.id != profile.id:
            raise DuplicatePhone(phone=profile.phone, name=holder.name)
    old, new = before.payload(), profile.payload()
    changed = {k: v for k, v in new.items() if old[k] != v}
    sealed, replaced = _sealed_changes(existing, profile, keys)
    if not changed and not sealed:
        return replace(before, allergies=profile.allergies, health_notes=profile.health_notes)
    values = {k: profile.values()[k] for k in changed} | sealed
    from salon_pos.services.sync_ops import (
        customers as customer_ops,  # lazy: pydantic after the first paint
    )

    hlc = next_hlc(session, at, journal.device_id)
    stamps = dict(existing.stamps or {}) | dict.fromkeys(values, hlc)
    session.execute(
        update(Customer)
        .where(Customer.id == profile.id)
        .values(updated_at=at, stamps=stamps, **values)
    )
    if "name" in changed:
        write_search_keys(session, profile.id, profile.name)
    was = {k: old[k] for k in changed}
    journal.record(
        session,
        at,
        AuditRecord(
            actor_id,
            "customer.updated",
            "customer",
            profile.id,
            before=was | dict.fromkeys(sealed, CHANGED),
            after=changed | dict.fromkeys(sealed, CHANGED),
        ),
        customer_ops.customer_updated(profile.id, changed | sealed, was | replaced, hlc),
    )
    return profile


_PHONE_NOISE = re.compile(r"[\-()（）.]")
_PHONE_FTS = table("customer_phone_fts", column("rowid"), column("phone"))


def _next_prefix(prefix: str) -> str:
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


class CustomerService(CounterService):
    def __init__(
        self,
        db: Database,
        settings: SettingsService,
        clock: Clock,
        keys: StoreKeys | None = None,
    ) -> None:
        """`keys`: the store key's keyring entry (tests pass one with a memory backend); by
        default the system keyring's, for this counter's device id."""
        super().__init__(db, settings, clock)
        self._keys = keys

    @property
    def keys(self) -> StoreKeys:
        if self._keys is None:
            self._keys = StoreKeys(self._settings.current.device_id)
        return self._keys

    def add(
        self,
        name: str,
        phone: str,
        gender: str = "",
        birthday: date | None = None,
        notes: str = "",
        actor_id: str | None = None,
        **profile: Any,
    ) -> CustomerProfile:
        """A new customer; `profile`: the other fields of CustomerProfile. Anyone who adds a
        customer may write allergies and health notes (the customer tells the front desk);
        reading them back is for those allowed (customer_health.py)."""
        new = CustomerProfile(new_id(), name, phone, gender, birthday, notes, **profile)
        with self._db.write() as session:
            saved = create_customer(
                session, self._journal(), self._clock.now(), new, actor_id, self.keys.ensure
            )
            return self._shown(session, saved, actor_id)

    def update(self, profile: CustomerProfile, actor_id: str | None = None) -> CustomerProfile:
        """Save what changed. Allergies and health notes given (not None) are changed only by
        someone who may read them: HealthDataNotAllowed otherwise, and nothing is saved."""
        with self._db.write() as session:
            now = self._clock.now()
            if profile.allergies is not None or profile.health_notes is not None:
                health.refuse_unless_allowed(session, actor_id, profile.id, now)
            saved = update_customer(
                session, self._journal(), now, profile, actor_id, self.keys.ensure
            )
            return self._shown(session, saved, actor_id)

    def get(self, customer_id: str, actor_id: str | None = None) -> CustomerProfile:
        """The profile; its allergies and health notes only if `actor_id` may read them."""
        with self._db.read() as session:
            customer = session.get(Customer, customer_id)
            if customer is None:
                raise UnknownCustomer(customer_id=customer_id)
            return self._shown(session, _profile(customer), actor_id, customer)

    def history(self, customer_id: str) -> CustomerHistory:
        """Visits, what was bought, spend and standing; balances from the member ledgers."""
        with self._db.read() as session:
            settings = self._settings.current
            return customer_history.history(
                session,
                customer_id,
                self._today(),
                settings.class_thresholds(),
                (self._clock.now(), settings.points_valid_days),
            )

    def standings(self, ids: Iterable[str]) -> dict[str, Standing]:
        """Normal / member / VIP and "not seen for N days" of many customers (the list's
        badges, the cashier's): two grouped reads."""
        with self._db.read() as session:
            return customer_history.standings(
                session, ids, self._today(), self._settings.current.class_thresholds()
            )

    def _today(self) -> date:
        settings = self._settings.current
        return business_day(self._clock.now(), settings.time_zone, settings.cutover_hour)

    def may_read_health(self, customer_id: str, actor_id: str | None) -> bool:
        with self._db.read() as session:
            return health.may_read(session, actor_id, customer_id, self._clock.now())

    def _shown(
        self,
        session: Session,
        profile: CustomerProfile,
        actor_id: str | None,
        customer: Customer | None = None,
    ) -> CustomerProfile:
        """The profile with its sealed fields opened for an allowed reader, else withheld."""
        if not health.may_read(session, actor_id, profile.id, self._clock.now()):
            return replace(profile, allergies=None, health_notes=None)
        customer = customer or session.get(Customer, profile.id)
        assert customer is not None
        if not customer.allergies and not customer.health_notes:  # no keyring needed for none
            return replace(profile, allergies="", health_notes="")
        try:
            key = self.keys.load()
        except UserError as problem:  # no keyring here: shown as unreadable, the save stands
            log.warning("health data not opened: %s", problem.text("en"))
            key = None
        allergies, health_notes = health.opened(customer, key)
        return replace(profile, allergies=allergies, health_notes=health_notes)

    def profiles(self, ids: Iterable[str]) -> dict[str, CustomerProfile]:
        """Many customers in one read (a query per 900 ids), by id; unknown ids are left out."""
        with self._db.read() as session:
            return customer_profiles(session, ids)

    def recent(self, limit: int = 100) -> list[CustomerProfile]:
        """The newest customers first (UUIDv7 ids sort by creation time and are indexed)."""
        with self._db.read_connection() as connection:
            rows = connection.execute(_PROFILE.order_by(Customer.id.desc()).limit(limit))
            return [CustomerProfile(*row) for row in rows]

    def search(self, query: str, limit: int = 20) -> list[CustomerProfile]:
        """Customers whose phone contains the digits, or whose name or pinyin starts with it."""
        query = search_text(query)
        digits = _PHONE_NOISE.sub("", query).removeprefix("+86")
        if digits.isdigit() and digits.isascii():  # 138-0013, +86 138… search the phone
            statement = _BY_PHONE_PART if len(digits) >= 3 else _BY_PHONE_PREFIX
            params = {"match": f'"{digits}"', "lo": digits, "hi": _next_prefix(digits)}
        elif query:
            statement, params = _BY_KEY, {"lo": query, "hi": _next_prefix(query)}
        else:
            return []
        with self._db.read_connection() as connection:
            rows = connection.execute(statement, params | {"limit": limit})
            return [CustomerProfile(*row) for row in rows]


# Search statements, built once (they run on every key the cashier types). The columns of a
# CustomerProfile in its order, but the sealed two: a profile read is withheld unless asked.
_COLUMNS = ("id", *PLAIN_FIELDS)
_PROFILE = select(*(getattr(Customer, name) for name in _COLUMNS)).where(
    Customer.merged_into.is_(None)
)
_BY_KEY = _PROFILE.where(
    Customer.id.in_(
        select(CustomerSearchKey.customer_id)
        .where(CustomerSearchKey.key >= bindparam("lo"), CustomerSearchKey.key < bindparam("hi"))
        .distinct()
        .limit(bindparam("limit"))
    )
).order_by(Customer.name)
# Built once: a new IN (…) of 900 values each time cost an import 6 µs a row.
_BY_PHONES = _PROFILE.where(Customer.phone.in_(bindparam("phones", expanding=True))).order_by(
    Customer.id
)
_BY_PHONE_PREFIX = (
    _PROFILE.where(Customer.phone >= bindparam("lo"), Customer.phone < bindparam("hi"))
    .order_by(Customer.phone)
    .limit(bindparam("limit"))
)
# The trigram index needs three characters; it finds digits anywhere in the phone.
_BY_PHONE_PART = (
    _PROFILE.join(_PHONE_FTS, _PHONE_FTS.c.rowid == literal_column("customer.rowid"))
    .where(literal_column("customer_phone_fts").op("MATCH")(bindparam("match")))
    .limit(bindparam("limit"))
)
