"""The server's tables. Ids are strings (UUIDv7 made by whoever created the record); money is
integer fen; JSON is stored as text so SQLite and PostgreSQL read it back alike.

Writes go through SQLAlchemy Core with executemany (apply.py); the mapped classes are the
schema and a typed way to read single rows."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from sync.server.db import UTCDateTime

ID = String(36)
# 64-bit ids on PostgreSQL; SQLite autoincrements only an INTEGER PRIMARY KEY.
SERIAL = BigInteger().with_variant(Integer, "sqlite")
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Owner(Base):
    __tablename__ = "owner"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Store(Base):
    __tablename__ = "store"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    time_zone: Mapped[str] = mapped_column(String(64))
    owner_id: Mapped[str] = mapped_column(ForeignKey("owner.id"))
    change_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class EnrollmentCode(Base):
    __tablename__ = "enrollment_code"
    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    device_id: Mapped[str | None] = mapped_column(ID)


class Device(Base):
    __tablename__ = "device"
    id: Mapped[str] = mapped_column(ID, primary_key=True)  # the counter's own device id
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"), index=True)
    counter: Mapped[str] = mapped_column(String(8))
    hostname: Mapped[str] = mapped_column(String(128))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    cursor: Mapped[int] = mapped_column(BigInteger, default=0)
    enrolled_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_push_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Where the data folder that speaks for this device lives: a hash of the PC's machine id
    # and the database's real path (docs/adr/0007-counter-identity.md). Another place with the
    # same device id is a copy, and is refused.
    home: Mapped[str | None] = mapped_column(String(64))


class AppliedOperation(Base):
    """Every operation handled, with its answer: replays are answered from here. Rejected ones
    are parked here too (status `rejected`, with the reason and payload) for a person."""

    __tablename__ = "applied_operation"
    # Keyed by (device_id, seq), which is what the cursor counts and what a replay is looked
    # up by; the operation id is indexed and compared on replay. Ids are made by devices, so a
    # clash across devices must not stop the queue. The key stays unique even when
    # deduplication is switched off for a test: that switch re-runs the handlers of a replay
    # but never stores a second result for it.
    device_id: Mapped[str] = mapped_column(ForeignKey("device.id"), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    id: Mapped[str] = mapped_column(ID, index=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"))
    type: Mapped[str] = mapped_column(String(48))
    payload_version: Mapped[int] = mapped_column(BigInteger)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime)
    payload: Mapped[str] = mapped_column(Text)
    payload_hash: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(24), index=True)
    conflict_ids: Mapped[str] = mapped_column(Text)  # JSON list
    reason: Mapped[str | None] = mapped_column(Text)
    applied_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Alert(Base):
    """Something a person must look at: e.g. a replay whose payload differs from the original."""

    __tablename__ = "alert"
    id: Mapped[int] = mapped_column(SERIAL, primary_key=True, autoincrement=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"))
    device_id: Mapped[str] = mapped_column(ID)
    op_id: Mapped[str] = mapped_column(ID)
    kind: Mapped[str] = mapped_column(String(48))
    details: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ChangeRecord(Base):
    __tablename__ = "change"
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    entity: Mapped[str] = mapped_column(String(24))
    entity_id: Mapped[str] = mapped_column(ID)
    origin_device_id: Mapped[str | None] = mapped_column(ID)
    data: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UTCDateTime)


class Conflict(Base):
    __tablename__ = "conflict"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"), index=True)
    type: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16))
    entity: Mapped[str] = mapped_column(String(24))
    entity_id: Mapped[str] = mapped_column(ID)
    op_ids: Mapped[str] = mapped_column(Text)  # JSON list
    details: Mapped[str] = mapped_column(Text)  # JSON object
    suggestion: Mapped[str] = mapped_column(String(16))
    resolution: Mapped[str | None] = mapped_column(String(16))
    resolved_by: Mapped[str | None] = mapped_column(ID)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class CatalogItem(Base):
    __tablename__ = "catalog_item"
    # The keys two counters may both create offline (docs/adr/0008-master-data.md).
    __table_args__ = (
        Index("ix_catalog_item_store_sku", "store_id", "sku"),
        Index("ix_catalog_item_store_barcode", "store_id", "barcode"),
        Index("ix_catalog_item_store_name", "store_id", "kind", "category", "name"),
    )
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    category: Mapped[str] = mapped_column(Text)
    name: Mapped[str] = mapped_column(Text)
    price: Mapped[int] = mapped_column(BigInteger)
    data: Mapped[str] = mapped_column(Text)  # the CatalogItemSaved fields, as sent down
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    sku: Mapped[str | None] = mapped_column(String(64))
    barcode: Mapped[str | None] = mapped_column(String(64))
    stamps: Mapped[str] = mapped_column(Text, server_default="{}")  # field → HLC stamp held
    # Set: an item of the owner's chain catalog, sent to every store of that owner, priced by
    # store_price where a store has its own price.
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("owner.id"))
    # A product's stock: the unit it is kept in, the units one package holds, and whether each
    # batch received needs an expiry date (also in `data`, as sent down; docs/inventory.md).
    unit: Mapped[str] = mapped_column(String(8), server_default="piece")
    pack_size: Mapped[int] = mapped_column(Integer, server_default="1")
    needs_expiry: Mapped[bool] = mapped_column(Boolean, server_default=false())


class CatalogAlias(Base):
    """A second id of one catalog item: two counters created the same item offline; the first
    applied is kept, the other id points at it for ever (tickets keep the id they sold)."""

    __tablename__ = "catalog_alias"
    alias_id: Mapped[str] = mapped_column(ID, primary_key=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"), index=True)
    item_id: Mapped[str] = mapped_column(ForeignKey("catalog_item.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class StorePrice(Base):
    """A store's own price of a chain catalog item (the item's price holds elsewhere)."""

    __tablename__ = "store_price"
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"), primary_key=True)
    item_id: Mapped[str] = mapped_column(ForeignKey("catalog_item.id"), primary_key=True)
    price: Mapped[int] = mapped_column(BigInteger)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    stamp: Mapped[str | None] = mapped_column(String(64))  # the HLC stamp of the price held


class ChainPublish(Base):
    """A chain catalog item a store's feed must send again: it changed at another store or at
    the server, or the store is new. Queued in the transaction of the change; sent down before
    the store's counters next read their feed (sync/server/chain.py)."""

    __tablename__ = "chain_publish"
    id: Mapped[int] = mapped_column(SERIAL, primary_key=True, autoincrement=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"), index=True)
    item_id: Mapped[str] = mapped_column(ForeignKey("catalog_item.id"))
    queued_at: Mapped[datetime] = mapped_column(UTCDateTime)


class StoreSettings(Base):
    """The settings every counter of a store shares (sync.operations.setup.STORE_SETTING_FIELDS),
    only those ever set, each with the HLC stamp of the value held."""

    __tablename__ = "store_settings"
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"), primary_key=True)
    data: Mapped[str] = mapped_column(Text)  # JSON: setting → value
    stamps: Mapped[str] = mapped_column(Text)  # JSON: setting → HLC stamp
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class StaffMember(Base):
    __tablename__ = "staff"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"), index=True)
    name: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(16))
    pin_hash: Mapped[str | None] = mapped_column(Text)
    data: Mapped[str] = mapped_column(Text)  # the StaffSaved fields, as sent down
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    stamps: Mapped[str] = mapped_column(Text, server_default="{}")  # field → HLC stamp held


class Customer(Base):
    __tablename__ = "customer"
    __table_args__ = (Index("ix_customer_store_phone", "store_id", "phone"),)
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"))
    name: Mapped[str] = mapped_column(Text)
    phone: Mapped[str] = mapped_column(Text)
    gender: Mapped[str] = mapped_column(String(1))
    birthday: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text)
    stamps: Mapped[str] = mapped_column(Text)  # JSON: field → HLC stamp of the value held
    merged_into: Mapped[str | None] = mapped_column(ID)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    tier: Mapped[str | None] = mapped_column(String(32))  # the member tier reached (tiers.py)
    # The profile (salon_pos/domain/customer_profile.py). allergies and health_notes hold the
    # counters' sealed values: the store key is a file beside the database (store_keys.py).
    skin_type: Mapped[str] = mapped_column(Text, server_default="")
    skin_condition: Mapped[str] = mapped_column(Text, server_default="")
    hair_condition: Mapped[str] = mapped_column(Text, server_default="")
    has_allergies: Mapped[bool] = mapped_column(Boolean, server_default=false())
    allergies: Mapped[str] = mapped_column(Text, server_default="")
    health_notes: Mapped[str] = mapped_column(Text, server_default="")
    preferences: Mapped[str] = mapped_column(Text, server_default="[]")  # JSON list
    product_style: Mapped[str] = mapped_column(Text, server_default="")
    favourite_technician_id: Mapped[str | None] = mapped_column(ID)
    tags: Mapped[str] = mapped_column(Text, server_default="[]")  # JSON list
    member_card: Mapped[str] = mapped_column(Text, server_default="")
    source: Mapped[str] = mapped_column(Text, server_default="")
    referred_by: Mapped[str | None] = mapped_column(ID)


class CustomerFieldHistory(Base):
    """Append-only: every value that reached a customer field, winners and losers alike."""

    __tablename__ = "customer_field_history"
    id: Mapped[int] = mapped_column(SERIAL, primary_key=True, autoincrement=True)
    customer_id: Mapped[str] = mapped_column(ForeignKey("customer.id"), index=True)
    field: Mapped[str] = mapped_column(String(32))
    value: Mapped[str] = mapped_column(Text)  # JSON
    stamp: Mapped[str] = mapped_column(String(120))
    op_id: Mapped[str | None] = mapped_column(ID)
    superseded: Mapped[bool] = mapped_column(Boolean)  # lost to a higher stamp on arrival
    at: Mapped[datetime] = mapped_column(UTCDateTime)


class Ticket(Base):
    __tablename__ = "ticket"
    # A device's highest ticket number, for a counter restored from a backup (DeviceStatus).
    __table_args__ = (
        Index("ix_ticket_device_number", "device_id", "number"),
        Index(
            "ix_ticket_store_day",
            "store_id",
            "business_day",
            "completed_at",
            postgresql_include=["status", "total"],
        ),
        # A drawer session's cash: the sales and voids at one counter while it was open.
        Index("ix_ticket_device_completed", "device_id", "completed_at"),
        Index("ix_ticket_void_device", "void_device_id", "voided_at"),
    )
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"), index=True)
    device_id: Mapped[str] = mapped_column(ID)
    op_id: Mapped[str] = mapped_column(ID)
    number: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16))
    customer_id: Mapped[str | None] = mapped_column(ID)
    cashier_id: Mapped[str] = mapped_column(ID)
    business_day: Mapped[date] = mapped_column(Date)
    completed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    total: Mapped[int] = mapped_column(BigInteger)
    refunded: Mapped[int] = mapped_column(BigInteger, default=0)
    voided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    voided_by: Mapped[str | None] = mapped_column(ID)
    void_reason: Mapped[str | None] = mapped_column(Text)
    payload: Mapped[str] = mapped_column(Text)  # the SaleCompleted fields, for the change feed
    discount_approved_by: Mapped[str | None] = mapped_column(ID)
    # A void counts on the business day it happened on, at the counter it happened at (an
    # older counter's void: the sale's own day).
    void_business_day: Mapped[date | None] = mapped_column(Date)
    void_device_id: Mapped[str | None] = mapped_column(ID)


class TicketLine(Base):
    __tablename__ = "ticket_line"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    ticket_id: Mapped[str] = mapped_column(ForeignKey("ticket.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    item_id: Mapped[str] = mapped_column(ID)
    name: Mapped[str] = mapped_column(Text)
    quantity: Mapped[int] = mapped_column(BigInteger)
    list_price: Mapped[int] = mapped_column(BigInteger)
    unit_price: Mapped[int] = mapped_column(BigInteger)
    line_discount: Mapped[int] = mapped_column(BigInteger)
    total: Mapped[int] = mapped_column(BigInteger)
    net_total: Mapped[int] = mapped_column(BigInteger)
    technician_id: Mapped[str | None] = mapped_column(ID)
    member_discount: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    # JSON: a manager's approval of a service sold without a valid patch test (PatchTestWaiver)
    patch_test_waiver: Mapped[str | None] = mapped_column(Text)
    category: Mapped[str] = mapped_column(Text, default="", server_default="")  # as sold
    requested: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class TicketLineShare(Base):
    """A technician's share (basis points of 10,000) of a line several worked on (多人合作)."""

    __tablename__ = "ticket_line_share"
    ticket_line_id: Mapped[str] = mapped_column(ForeignKey("ticket_line.id"), primary_key=True)
    staff_id: Mapped[str] = mapped_column(ID, primary_key=True)
    share: Mapped[int] = mapped_column(Integer)


class Payment(Base):
    __tablename__ = "payment"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    ticket_id: Mapped[str] = mapped_column(ForeignKey("ticket.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    tendered: Mapped[int] = mapped_column(BigInteger)
    applied: Mapped[int] = mapped_column(BigInteger)
    reference: Mapped[str] = mapped_column(Text)


class Refund(Base):
    __tablename__ = "refund"
    __table_args__ = (Index("ix_refund_device_refunded", "device_id", "refunded_at"),)
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"))
    ticket_id: Mapped[str] = mapped_column(ForeignKey("ticket.id"), index=True)
    op_id: Mapped[str] = mapped_column(ID)
    business_day: Mapped[date] = mapped_column(Date)
    refunded_at: Mapped[datetime] = mapped_column(UTCDateTime)
    amount: Mapped[int] = mapped_column(BigInteger)
    payload: Mapped[str] = mapped_column(Text)  # the SaleRefunded fields, for the change feed
    device_id: Mapped[str | None] = mapped_column(ID)  # the counter it was made at


class RefundLine(Base):
    __tablename__ = "refund_line"
    id: Mapped[int] = mapped_column(SERIAL, primary_key=True, autoincrement=True)
    refund_id: Mapped[str] = mapped_column(ForeignKey("refund.id"), index=True)
    ticket_line_id: Mapped[str] = mapped_column(ID)
    quantity: Mapped[int] = mapped_column(BigInteger)
    amount: Mapped[int] = mapped_column(BigInteger)


class LedgerEntry(Base):
    """Append-only sales ledger: a store's sales total is the sum of its entries."""

    __tablename__ = "ledger_entry"
    __table_args__ = (
        Index(
            "ix_ledger_entry_store_day",
            "store_id",
            "business_day",
            postgresql_include=["kind", "amount"],
        ),
    )
    id: Mapped[int] = mapped_column(SERIAL, primary_key=True, autoincrement=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"), index=True)
    device_id: Mapped[str] = mapped_column(ID)
    op_id: Mapped[str] = mapped_column(ID)
    ticket_id: Mapped[str] = mapped_column(ID)
    business_day: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(8))  # sale, void, refund
    amount: Mapped[int] = mapped_column(BigInteger)  # signed fen


class PackagePlan(Base):
    """A package card a store sells; the edit with the latest `hlc` stands."""

    __tablename__ = "package_plan"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"), index=True)
    name: Mapped[str] = mapped_column(String(64))
    service_ids: Mapped[str] = mapped_column(Text)  # JSON list
    sessions: Mapped[int] = mapped_column(Integer)
    price: Mapped[int] = mapped_column(BigInteger)
    valid_days: Mapped[int] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean)
    hlc: Mapped[str] = mapped_column(String(64))


class PackageCard(Base):
    """A package card a customer bought at a counter (a line of its sale)."""

    __tablename__ = "package_card"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"), index=True)
    customer_id: Mapped[str] = mapped_column(ID)
    plan_id: Mapped[str | None] = mapped_column(ID)
    name: Mapped[str] = mapped_column(String(64))
    service_ids: Mapped[str] = mapped_column(Text)  # JSON list
    sessions: Mapped[int] = mapped_column(Integer)
    price: Mapped[int] = mapped_column(BigInteger)
    expires_on: Mapped[date | None] = mapped_column(Date)
    ticket_id: Mapped[str | None] = mapped_column(ID)
    line_id: Mapped[str | None] = mapped_column(ID)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    op_id: Mapped[str] = mapped_column(ID)


class BalanceEntry(Base):
    """Append-only member ledgers (points, stored value principal and bonus, package sessions):
    the entries as the counters made them, with their ids, and those the server made resolving
    an overdraft. A balance is the sum of its entries."""

    __tablename__ = "balance_entry"
    __table_args__ = (
        Index(
            "ix_balance_entry_account",
            "store_id",
            "customer_id",
            "account",
            "card_id",
            postgresql_include=["amount"],
        ),
    )
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"))
    customer_id: Mapped[str] = mapped_column(ID)
    account: Mapped[str] = mapped_column(String(12))
    card_id: Mapped[str | None] = mapped_column(ID)
    amount: Mapped[int] = mapped_column(BigInteger)
    reason: Mapped[str] = mapped_column(String(16))
    ticket_id: Mapped[str | None] = mapped_column(ID)
    line_id: Mapped[str | None] = mapped_column(ID)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    device_id: Mapped[str | None] = mapped_column(ID)  # None: made at the server
    op_id: Mapped[str] = mapped_column(ID)
    note: Mapped[str] = mapped_column(Text)


class StoreManager(Base):
    """A store manager's web-console account, made by an owner; sees only its stores."""

    __tablename__ = "store_manager"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    owner_id: Mapped[str] = mapped_column(ForeignKey("owner.id"), index=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ManagedStore(Base):
    __tablename__ = "managed_store"
    manager_id: Mapped[str] = mapped_column(ForeignKey("store_manager.id"), primary_key=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"), primary_key=True)


class WebSession(Base):
    """A signed-in browser: the cookie holds a random id, only its SHA-256 is kept here."""

    __tablename__ = "web_session"
    id_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[str] = mapped_column(ID, index=True)  # an owner's or a manager's id
    account_kind: Mapped[str] = mapped_column(String(8))  # owner, manager
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime)


class LoginFailure(Base):
    """Wrong passwords in a row for one account; five lock it for a while."""

    __tablename__ = "login_failure"
    account_id: Mapped[str] = mapped_column(ID, primary_key=True)
    failures: Mapped[int] = mapped_column(Integer)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)


class DeviceReport(Base):
    """What a counter last said of itself on its status call (all optional on the wire)."""

    __tablename__ = "device_report"
    device_id: Mapped[str] = mapped_column(ForeignKey("device.id"), primary_key=True)
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime)
    app_version: Mapped[str | None] = mapped_column(String(32))
    queued: Mapped[int | None] = mapped_column(BigInteger)
    oldest_queued_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class TenderEntry(Base):
    """Append-only ledger of money by tender (the sales pages' tender mix): a sale's payments,
    a void's, a refund's tenders (signed fen), on the business day the sales ledger uses."""

    __tablename__ = "tender_entry"
    __table_args__ = (
        Index(
            "ix_tender_entry_store_day",
            "store_id",
            "business_day",
            postgresql_include=["tender", "amount"],
        ),
    )
    id: Mapped[int] = mapped_column(SERIAL, primary_key=True, autoincrement=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"))
    ticket_id: Mapped[str] = mapped_column(ID)
    business_day: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(8))  # sale, void, refund
    tender: Mapped[str] = mapped_column(String(16))  # cash, wechat, alipay, bank_card, …
    amount: Mapped[int] = mapped_column(BigInteger)  # signed fen


class SalesDay(Base):
    """The sums of the two ledgers per store, business day, kind and tender ("" for the sales
    ledger's entries): what the sales pages read, a few rows a store and day however busy it
    is. Kept with the entries, in the same flush (batch.py); always equal to their sums."""

    __tablename__ = "sales_day"
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"), primary_key=True)
    business_day: Mapped[date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(String(8), primary_key=True)  # sale, void, refund
    tender: Mapped[str] = mapped_column(String(16), primary_key=True)  # "": the sales ledger
    entries: Mapped[int] = mapped_column(BigInteger)
    amount: Mapped[int] = mapped_column(BigInteger)  # signed fen


class SalesItemDay(Base):
    """The lines' movements per store, business day and item as sold (its kind and its
    category as sold): units and net fen of the sales, less the voids and refunds on their own
    business days (salon_pos.domain.sales_figures' rule). What the reports page reads by item,
    category and day; kept in the same flush as sales_day (batch.py, report_days.py)."""

    __tablename__ = "sales_item_day"
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"), primary_key=True)
    business_day: Mapped[date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)  # service, product, …
    item_id: Mapped[str] = mapped_column(ID, primary_key=True)
    category: Mapped[str] = mapped_column(String(64), primary_key=True)  # as sold
    name: Mapped[str] = mapped_column(Text)  # as last sold
    quantity: Mapped[int] = mapped_column(BigInteger)  # signed units
    amount: Mapped[int] = mapped_column(BigInteger)  # signed fen


class SalesStaffDay(Base):
    """Service and product movements per store, business day and technician ("" none): each
    technician's share of the money (split lines by share, to the fen) and units; tickets and
    点钟 lines counted on the sale's day while the ticket stands (a void takes them off that
    day). Kept like sales_item_day."""

    __tablename__ = "sales_staff_day"
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"), primary_key=True)
    business_day: Mapped[date] = mapped_column(Date, primary_key=True)
    staff_id: Mapped[str] = mapped_column(String(36), primary_key=True)  # "": no technician
    quantity: Mapped[int] = mapped_column(BigInteger)
    amount: Mapped[int] = mapped_column(BigInteger)
    tickets: Mapped[int] = mapped_column(BigInteger)
    requested: Mapped[int] = mapped_column(BigInteger)


class SalesStaffCustomer(Base):
    """The tickets standing per store, technician and customer (members' sales only) in each
    day, week (from Monday) and month: the pairs behind sales_staff_served."""

    __tablename__ = "sales_staff_customer"
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"), primary_key=True)
    grain: Mapped[str] = mapped_column(String(8), primary_key=True)  # day, week, month
    period_start: Mapped[date] = mapped_column(Date, primary_key=True)
    staff_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    customer_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    tickets: Mapped[int] = mapped_column(BigInteger)


class SalesStaffServed(Base):
    """Customers served per store, technician and day, week or month: how many of the
    technician's sales_staff_customer pairs of the period have tickets standing, counted as a
    pair's tickets go above 0 or back to 0 (report_days.add_sums), so a month of a chain reads
    a row per technician, however many customers they served."""

    __tablename__ = "sales_staff_served"
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"), primary_key=True)
    grain: Mapped[str] = mapped_column(String(8), primary_key=True)
    period_start: Mapped[date] = mapped_column(Date, primary_key=True)
    staff_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    customers: Mapped[int] = mapped_column(BigInteger)


def table_of(model: type[Base]) -> Table:
    """The Core table of a mapped class, typed as a Table (for insert/update/executemany)."""
    table = model.__table__
    assert isinstance(table, Table)
    return table


class PatchTest(Base):
    """A customer's patch test (皮试), as a counter recorded it: append-only, never edited."""

    __tablename__ = "patch_test"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"), index=True)
    customer_id: Mapped[str] = mapped_column(ForeignKey("customer.id"), index=True)
    op_id: Mapped[str | None] = mapped_column(ID)
    result: Mapped[str] = mapped_column(String(16))
    tested_on: Mapped[date] = mapped_column(Date)
    data: Mapped[str] = mapped_column(Text)  # the PatchTestRecorded fields, as sent down
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)


class StaffSchedule(Base):
    """A technician's working pattern (salon_pos.domain.bookings.pattern_data); the later
    edit wins as a whole."""

    __tablename__ = "staff_schedule"
    staff_id: Mapped[str] = mapped_column(ID, primary_key=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"), index=True)
    pattern: Mapped[str | None] = mapped_column(Text)  # JSON; None: no schedule
    stamp: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class StaffLeave(Base):
    __tablename__ = "staff_leave"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"), index=True)
    staff_id: Mapped[str] = mapped_column(ID)
    data: Mapped[str] = mapped_column(Text)  # the LeaveSaved fields, as sent down
    stamp: Mapped[str] = mapped_column(String(64))


class BookingResource(Base):
    """A room, bed or chair."""

    __tablename__ = "booking_resource"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"), index=True)
    data: Mapped[str] = mapped_column(Text)  # the ResourceSaved fields, as sent down
    stamp: Mapped[str] = mapped_column(String(64))


class Booking(Base):
    """A booking as merged: its times, technician and room in columns for the overlap search,
    all of it in `data` (BookingData, as sent down)."""

    __tablename__ = "booking"
    __table_args__ = (Index("ix_booking_store_start", "store_id", "start_at"),)
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"))
    customer_id: Mapped[str] = mapped_column(ID, index=True)
    technician_id: Mapped[str | None] = mapped_column(ID)
    resource_id: Mapped[str | None] = mapped_column(ID)
    start_at: Mapped[datetime] = mapped_column(UTCDateTime)
    end_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(16))
    origin_device_id: Mapped[str | None] = mapped_column(ID)
    data: Mapped[str] = mapped_column(Text)
    made_at: Mapped[datetime] = mapped_column(UTCDateTime)  # when the counter made it
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class OutgoingMessage(Base):
    """A reminder prepared for a customer (salon_pos.domain.reminders): once per `key` and store
    (the unique index is what makes it once), sent by the server's one sender, tried again
    after a failure until it goes or is given up (status: pending, sending, sent, failed)."""

    __tablename__ = "outgoing_message"
    __table_args__ = (
        UniqueConstraint("store_id", "key", name="uq_outgoing_message_store_key"),
        Index("ix_outgoing_message_due", "status", "next_try_at"),
    )
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"))
    key: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(24))
    customer_id: Mapped[str] = mapped_column(ID)
    recipient: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(8))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_try_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_error: Mapped[str] = mapped_column(Text, default="")
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class AttendanceClocking(Base):
    """A staff member's clock-in or clock-out (考勤) as a counter recorded it: append-only."""

    __tablename__ = "attendance"
    __table_args__ = (Index("ix_attendance_store_at", "store_id", "at"),)
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"))
    staff_id: Mapped[str] = mapped_column(ForeignKey("staff.id"), index=True)
    op_id: Mapped[str | None] = mapped_column(ID)
    device_id: Mapped[str | None] = mapped_column(ID)  # the counter it was recorded at
    kind: Mapped[str] = mapped_column(String(8))  # in / out
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    data: Mapped[str] = mapped_column(Text)  # the AttendanceClocked fields, as sent down


class DayClose(Base):
    """A store's business day closed (日结) at a counter: the close as that counter made it
    (its figures), and the server's own figures of the day, worked out again each time a
    sale, void or refund of the day arrives after the close (`amendments`)."""

    __tablename__ = "day_close"
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"), primary_key=True)
    business_day: Mapped[date] = mapped_column(Date, primary_key=True)
    id: Mapped[str] = mapped_column(ID)
    op_id: Mapped[str] = mapped_column(ID)
    device_id: Mapped[str] = mapped_column(ID)
    closed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    closed_by: Mapped[str] = mapped_column(ID)
    data: Mapped[str] = mapped_column(Text)  # the DayClosed fields, figures included
    server_figures: Mapped[str] = mapped_column(Text)
    amendments: Mapped[int] = mapped_column(Integer, default=0)
    amended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class DrawerSession(Base):
    """A counter's cash drawer session (交班) as the counter recorded it: opened with a float,
    closed with its count and figures (`close`: the DrawerClosed fields). `server_expected`:
    the expected cash worked out here from the server's own rows at the close, and
    `expected_differs` when it is not the counter's (docs/drawer.md)."""

    __tablename__ = "drawer_session"
    __table_args__ = (Index("ix_drawer_session_store_day", "store_id", "business_day"),)
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"))
    device_id: Mapped[str] = mapped_column(ID)
    op_id: Mapped[str] = mapped_column(ID)
    business_day: Mapped[date] = mapped_column(Date)
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime)
    opened_by: Mapped[str] = mapped_column(ID)
    opening_float: Mapped[int] = mapped_column(BigInteger)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    close_op_id: Mapped[str | None] = mapped_column(ID)
    close_received_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    close: Mapped[str | None] = mapped_column(Text)
    counted: Mapped[int | None] = mapped_column(BigInteger)
    expected: Mapped[int | None] = mapped_column(BigInteger)
    variance: Mapped[int | None] = mapped_column(BigInteger)
    server_expected: Mapped[int | None] = mapped_column(BigInteger)
    expected_differs: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class DrawerMovement(Base):
    """Cash into or out of a counter's drawer besides sales (`data`: the DrawerCashMoved
    fields); `session_id` None: the counter had no session open. Append-only."""

    __tablename__ = "drawer_movement"
    __table_args__ = (Index("ix_drawer_movement_store_day", "store_id", "business_day"),)
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"))
    session_id: Mapped[str | None] = mapped_column(ForeignKey("drawer_session.id"), index=True)
    device_id: Mapped[str] = mapped_column(ID)
    op_id: Mapped[str] = mapped_column(ID)
    business_day: Mapped[date] = mapped_column(Date)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    kind: Mapped[str] = mapped_column(String(24))
    amount: Mapped[int] = mapped_column(BigInteger)
    data: Mapped[str] = mapped_column(Text)


class StockBatch(Base):
    """A batch of a product a store received (a stock.moved receipt, or a transfer received
    from another store: the same batch, with its id, in both stores): its lot and dates, and
    what a package of it cost. Recorded once per store by its id."""

    __tablename__ = "stock_batch"
    __table_args__ = (Index("ix_stock_batch_product", "store_id", "product_id"),)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"), primary_key=True)
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    product_id: Mapped[str] = mapped_column(ID)
    code: Mapped[str] = mapped_column(String(40))
    expires_on: Mapped[date | None] = mapped_column(Date)
    made_on: Mapped[date | None] = mapped_column(Date)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    unit_cost: Mapped[int | None] = mapped_column(BigInteger)
    device_id: Mapped[str | None] = mapped_column(ID)
    op_id: Mapped[str] = mapped_column(ID)


class StockMovement(Base):
    """The stock ledger: every change of a product's stock in a store, signed units of its unit,
    as the counters made them (by their ids) and those the server made settling a
    negative_stock conflict (`device_id` None). Append-only; on hand is the sum. No foreign key
    to the batch: a sale may reach the server before the receipt of the batch it sold from."""

    __tablename__ = "stock_movement"
    __table_args__ = (
        Index(
            "ix_stock_movement_product",
            "store_id",
            "product_id",
            "batch_id",
            postgresql_include=["quantity"],
        ),
        Index("ix_stock_movement_store_day", "store_id", "business_day"),
        Index("ix_stock_movement_document", "store_id", "document_id"),
    )
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"))
    product_id: Mapped[str] = mapped_column(ID)
    batch_id: Mapped[str | None] = mapped_column(ID)
    kind: Mapped[str] = mapped_column(String(16))
    quantity: Mapped[int] = mapped_column(BigInteger)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    business_day: Mapped[date] = mapped_column(Date)
    document_id: Mapped[str] = mapped_column(ID)
    line_id: Mapped[str | None] = mapped_column(ID)
    staff_id: Mapped[str | None] = mapped_column(ID)
    reason: Mapped[str] = mapped_column(Text)
    device_id: Mapped[str | None] = mapped_column(ID)  # None: made at the server
    op_id: Mapped[str] = mapped_column(ID)


class StockOnHand(Base):
    """A store's stock of a product: the sum of its movements there, and whether the store
    keeps its stock (`kept`: anything was ever received, counted, transferred in or adjusted
    there). Added to at each batch's flush from the movements it writes (stock_on_hand.py),
    so a push reads one row a product, never its history."""

    __tablename__ = "stock_on_hand"
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"), primary_key=True)
    product_id: Mapped[str] = mapped_column(ID, primary_key=True)
    quantity: Mapped[int] = mapped_column(BigInteger)
    kept: Mapped[bool] = mapped_column(Boolean)


class StockLevel(Base):
    """A store's minimum stock of a product (last writer wins by `hlc`) and its moving-average
    cost of a package (the latest receipt's)."""

    __tablename__ = "stock_level"
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"), primary_key=True)
    product_id: Mapped[str] = mapped_column(ID, primary_key=True)
    minimum: Mapped[int] = mapped_column(BigInteger)
    cost: Mapped[int | None] = mapped_column(BigInteger)
    hlc: Mapped[str] = mapped_column(String(64))


class ServiceConsumables(Base):
    """The stamp of a service's consumables list in a store: the list with the latest `hlc`
    stands, whole (service_consumable holds its lines)."""

    __tablename__ = "service_consumables"
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"), primary_key=True)
    service_id: Mapped[str] = mapped_column(ID, primary_key=True)
    hlc: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ServiceConsumable(Base):
    """What one of a service uses up of a product (耗材), in the product's unit."""

    __tablename__ = "service_consumable"
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"), primary_key=True)
    service_id: Mapped[str] = mapped_column(ID, primary_key=True)
    product_id: Mapped[str] = mapped_column(ID, primary_key=True)
    quantity: Mapped[int] = mapped_column(BigInteger)
    unit: Mapped[str] = mapped_column(String(8))
    position: Mapped[int] = mapped_column(Integer)


class StockDocument(Base):
    """A receipt (入库), write-off (报损) or adjustment as a counter recorded it (stock.moved),
    without its movements and batches (those are rows of their own). Once by its id."""

    __tablename__ = "stock_document"
    __table_args__ = (Index("ix_stock_document_store_day", "store_id", "business_day"),)
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"))
    document: Mapped[str] = mapped_column(String(16))
    business_day: Mapped[date] = mapped_column(Date)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    staff_id: Mapped[str] = mapped_column(ID)
    reason: Mapped[str] = mapped_column(Text)
    supplier: Mapped[str] = mapped_column(String(64))
    supplier_id: Mapped[str | None] = mapped_column(ID)
    purchase_order_id: Mapped[str | None] = mapped_column(ID, index=True)
    device_id: Mapped[str | None] = mapped_column(ID)
    op_id: Mapped[str] = mapped_column(ID)


class Supplier(Base):
    """A supplier of a store (供应商), as a whole: the edit with the latest `hlc` stands."""

    __tablename__ = "supplier"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"), index=True)
    name: Mapped[str] = mapped_column(String(64))
    contact: Mapped[str] = mapped_column(String(64))
    phone: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean)
    hlc: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class PurchaseOrder(Base):
    """A purchase order (采购单) as a whole (`lines`: JSON, the OrderLine fields); the edit
    with the latest `hlc` stands. What was received of it is in the receipts naming it."""

    __tablename__ = "purchase_order"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"), index=True)
    number: Mapped[str] = mapped_column(String(32))
    supplier_id: Mapped[str | None] = mapped_column(ID)
    status: Mapped[str] = mapped_column(String(12))
    lines: Mapped[str] = mapped_column(Text)  # JSON list
    note: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[str] = mapped_column(ID)
    ordered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    hlc: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Stocktake(Base):
    """A stocktake (盘点) as started, and the post that stands (the first to arrive): when,
    by whom, at which counter, its `lines` (JSON, the StocktakeLine fields)."""

    __tablename__ = "stocktake"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"), index=True)
    number: Mapped[str] = mapped_column(String(32))
    scope: Mapped[str] = mapped_column(String(12))
    categories: Mapped[str] = mapped_column(Text)  # JSON list
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    started_by: Mapped[str] = mapped_column(ID)
    business_day: Mapped[date] = mapped_column(Date)
    device_id: Mapped[str | None] = mapped_column(ID)
    op_id: Mapped[str] = mapped_column(ID)
    posted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    posted_by: Mapped[str | None] = mapped_column(ID)
    posted_business_day: Mapped[date | None] = mapped_column(Date)
    posted_device_id: Mapped[str | None] = mapped_column(ID)
    post_op_id: Mapped[str | None] = mapped_column(ID)
    lines: Mapped[str | None] = mapped_column(Text)  # JSON list, once posted


class StockCountMark(Base):
    """The latest posted count of a product in a store: the moment its stock was counted, and
    the stocktake. A movement of the product made before that moment and reaching the server
    after the post is taken back as of the count (handlers.stock_marks): the count saw it."""

    __tablename__ = "stock_count_mark"
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"), primary_key=True)
    product_id: Mapped[str] = mapped_column(ID, primary_key=True)
    counted_at: Mapped[datetime] = mapped_column(UTCDateTime)
    stocktake_id: Mapped[str] = mapped_column(ID)


class StocktakeCount(Base):
    """Units of a product counted in one place for a stocktake; a fact, once by its id."""

    __tablename__ = "stocktake_count"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"))
    stocktake_id: Mapped[str] = mapped_column(ForeignKey("stocktake.id"), index=True)
    product_id: Mapped[str] = mapped_column(ID)
    quantity: Mapped[int] = mapped_column(BigInteger)
    counted_at: Mapped[datetime] = mapped_column(UTCDateTime)
    counted_by: Mapped[str] = mapped_column(ID)
    device_id: Mapped[str | None] = mapped_column(ID)
    op_id: Mapped[str] = mapped_column(ID)


class StockTransfer(Base):
    """Stock sent from one of an owner's stores to another (调拨): `lines` as sent (JSON, the
    TransferLine fields), `received` the receiving store's receipt (JSON, the TransferReceived
    fields without its movements) once it came. Its movements are in stock_movement, each in
    its own store."""

    __tablename__ = "stock_transfer"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    from_store_id: Mapped[str] = mapped_column(ForeignKey("store.id"), index=True)
    to_store_id: Mapped[str] = mapped_column(ForeignKey("store.id"), index=True)
    number: Mapped[str] = mapped_column(String(32))
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime)
    sent_by: Mapped[str] = mapped_column(ID)
    business_day: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text)
    lines: Mapped[str] = mapped_column(Text)  # JSON list
    device_id: Mapped[str | None] = mapped_column(ID)
    op_id: Mapped[str] = mapped_column(ID)
    received: Mapped[str | None] = mapped_column(Text)  # JSON object
    received_device_id: Mapped[str | None] = mapped_column(ID)
    receive_op_id: Mapped[str | None] = mapped_column(ID)


class TransferPublish(Base):
    """A transfer the other store's feed must send again (it was sent or received in the
    other store's transaction, which never takes this store's lock): sent down as a change of
    this store's feed before its counters next read it (handlers.transfers.publish_transfers)."""

    __tablename__ = "transfer_publish"
    id: Mapped[int] = mapped_column(SERIAL, primary_key=True, autoincrement=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"), index=True)
    transfer_id: Mapped[str] = mapped_column(ForeignKey("stock_transfer.id"))
    queued_at: Mapped[datetime] = mapped_column(UTCDateTime)
