"""Customers: adding and editing profiles, and finding them in well under a second.

Search: digits look in the phone (any part, through the FTS5 trigram index; one or two digits
by prefix); anything else is a prefix of the name, its pinyin initials or its full pinyin.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
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
from salon_pos.db.fast_insert import insert_rows
from salon_pos.db.models import Customer, CustomerSearchKey
from salon_pos.domain.errors import (
    Both,
    DuplicatePhone,
    InvalidChoice,
    RequiredField,
    TooLong,
    UnknownCustomer,
)
from salon_pos.domain.ids import new_id
from salon_pos.domain.phone import normalize_phone
from salon_pos.domain.search_keys import name_search_keys, search_text
from salon_pos.services.counter import CounterService
from salon_pos.services.journal import Journal
from salon_pos.services.sync_state import next_hlc, next_hlcs

# The profile fields that merge one by one across counters, each with its own clock stamp.
STAMPED_FIELDS = ("name", "phone", "gender", "birthday", "notes")

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
    id: str
    name: str
    phone: str
    gender: str = ""
    birthday: date | None = None
    notes: str = ""

    def values(self) -> dict[str, Any]:
        """The fields by name (dataclasses.asdict deep-copies: ten times slower)."""
        return {
            "id": self.id,
            "name": self.name,
            "phone": self.phone,
            "gender": self.gender,
            "birthday": self.birthday,
            "notes": self.notes,
        }

    def payload(self) -> dict[str, Any]:
        return self.values() | {"birthday": self.birthday.isoformat() if self.birthday else None}


def _profile(customer: Customer) -> CustomerProfile:
    return CustomerProfile(
        customer.id,
        customer.name,
        customer.phone,
        customer.gender,
        customer.birthday,
        customer.notes,
    )


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
    return checked


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


def create_customer(
    session: Session, journal: Journal, at: Any, profile: CustomerProfile, actor_id: str | None
) -> CustomerProfile:
    """Insert a checked profile; a phone already on file is refused (one customer per phone)."""
    profile = checked_profile(profile)
    holder = customer_with_phone(session, profile.phone)
    if holder is not None:
        raise DuplicatePhone(phone=profile.phone, name=holder.name)
    create_customers(session, journal, at, [profile], actor_id)
    return profile


def create_customers(
    session: Session,
    journal: Journal,
    at: Any,
    profiles: Sequence[CustomerProfile],
    actor_id: str | None,
    search_keys: Sequence[Iterable[str]] | None = None,
) -> None:
    """Insert checked profiles whose phones the caller has found free, with a few statements
    for all of them (an import's batch); each is still its own audited `customer.created`.
    `search_keys`: each name's keys, when the caller has made them already."""
    if not profiles:
        return
    stamps = next_hlcs(session, at, journal.device_id, len(profiles))
    connection = session.connection()
    times = {"created_at": at, "updated_at": at}
    rows = [
        p.values() | times | {"stamps": dict.fromkeys(STAMPED_FIELDS, s)}
        for p, s in zip(profiles, stamps, strict=True)
    ]
    insert_rows(connection, Customer, rows)
    if search_keys is None:
        search_keys = [name_search_keys(p.name) for p in profiles]
    keys = [
        {"key": k, "customer_id": p.id}
        for p, name_keys in zip(profiles, search_keys, strict=True)
        for k in name_keys
    ]
    insert_rows(connection, CustomerSearchKey, sorted(keys, key=lambda row: row["key"]))
    from salon_pos.services.sync_ops import (
        customers as customer_ops,  # lazy: pydantic after the first paint
    )

    entries = []
    for profile, stamp in zip(profiles, stamps, strict=True):
        payload = profile.payload()
        audit = AuditRecord(actor_id, "customer.created", "customer", profile.id, after=payload)
        entries.append((audit, customer_ops.customer_created(profile, stamp)))
    journal.record_many(connection, at, entries)


def update_customer(
    session: Session, journal: Journal, at: Any, profile: CustomerProfile, actor_id: str | None
) -> CustomerProfile:
    """Save changed fields; the operation carries only the fields that changed."""
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
    if not changed:
        return before
    values = {k: getattr(profile, k) for k in changed}
    from salon_pos.services.sync_ops import (
        customers as customer_ops,  # lazy: pydantic after the first paint
    )

    hlc = next_hlc(session, at, journal.device_id)
    stamps = dict(existing.stamps or {}) | dict.fromkeys(changed, hlc)
    session.execute(
        update(Customer)
        .where(Customer.id == profile.id)
        .values(updated_at=at, stamps=stamps, **values)
    )
    if "name" in changed:
        write_search_keys(session, profile.id, profile.name)
    journal.record(
        session,
        at,
        AuditRecord(
            actor_id,
            "customer.updated",
            "customer",
            profile.id,
            before={k: old[k] for k in changed},
            after=changed,
        ),
        customer_ops.customer_updated(profile.id, changed, {k: old[k] for k in changed}, hlc),
    )
    return profile


_PHONE_NOISE = re.compile(r"[\-()（）.]")
_PHONE_FTS = table("customer_phone_fts", column("rowid"), column("phone"))


def _next_prefix(prefix: str) -> str:
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


class CustomerService(CounterService):
    def add(
        self,
        name: str,
        phone: str,
        gender: str = "",
        birthday: date | None = None,
        notes: str = "",
        actor_id: str | None = None,
    ) -> CustomerProfile:
        profile = CustomerProfile(new_id(), name, phone, gender, birthday, notes)
        with self._db.write() as session:
            return create_customer(session, self._journal(), self._clock.now(), profile, actor_id)

    def update(self, profile: CustomerProfile, actor_id: str | None = None) -> CustomerProfile:
        with self._db.write() as session:
            return update_customer(session, self._journal(), self._clock.now(), profile, actor_id)

    def get(self, customer_id: str) -> CustomerProfile:
        with self._db.read() as session:
            customer = session.get(Customer, customer_id)
            if customer is None:
                raise UnknownCustomer(customer_id=customer_id)
            return _profile(customer)

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


# Search statements, built once (they run on every key the cashier types).
_PROFILE = select(
    Customer.id, Customer.name, Customer.phone, Customer.gender, Customer.birthday, Customer.notes
).where(Customer.merged_into.is_(None))
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
