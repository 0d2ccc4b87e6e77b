"""Typed SQLAlchemy models of the counter's database. Ids are UUIDv7 strings; money is int fen."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from salon_pos.db.types import UTCDateTime

ID = String(36)


class Base(DeclarativeBase):
    pass


class Setting(Base):
    """One value a key: store profile, device identity, receipt and rounding settings."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SequenceCounter(Base):
    """Gap-free local sequences (ticket numbers, outbox and audit order), bumped inside the
    transaction that uses the number, so a rollback gives the number back."""

    __tablename__ = "sequence_counter"
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    last_value: Mapped[int] = mapped_column(Integer, default=0)


class Staff(Base):
    __tablename__ = "staff"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(16))  # owner / manager / front_desk / technician
    skills: Mapped[list[str]] = mapped_column(JSON, default=list)
    pin_hash: Mapped[str] = mapped_column(String(200))
    discount_limit: Mapped[int] = mapped_column(Integer, default=0)  # fen a user may give alone
    phone: Mapped[str] = mapped_column(String(20), default="", server_default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ServiceItem(Base):
    __tablename__ = "service_item"
    __table_args__ = (UniqueConstraint("category", "name"),)
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    category: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(64))
    price: Mapped[int] = mapped_column(Integer)
    duration_min: Mapped[int] = mapped_column(Integer)
    skill: Mapped[str] = mapped_column(String(32), default="")  # who may perform it
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # sold only to a customer with a valid patch test, or with a manager's approval
    needs_patch_test: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    points_price: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # 0: none
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Product(Base):
    __tablename__ = "product"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    category: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(64))
    sku: Mapped[str] = mapped_column(String(32), unique=True)
    barcode: Mapped[str | None] = mapped_column(String(32), unique=True)
    price: Mapped[int] = mapped_column(Integer)
    cost: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    points_price: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # 0: none
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Stock (docs/inventory.md): kept in `unit` (domain.stock.Unit); a package sold or received
    # holds `pack_size` of them; each batch received needs an expiry when `needs_expiry`.
    unit: Mapped[str] = mapped_column(String(8), default="piece", server_default="piece")
    pack_size: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    needs_expiry: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class StockBatch(Base):
    """A batch of a product as received: lot number, dates, a package's cost."""

    __tablename__ = "stock_batch"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    product_id: Mapped[str] = mapped_column(String(36), index=True)
    code: Mapped[str] = mapped_column(String(40), default="")
    expires_on: Mapped[date | None] = mapped_column(Date, index=True)
    made_on: Mapped[date | None] = mapped_column(Date)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    unit_cost: Mapped[int | None] = mapped_column(Integer)


class StockMovement(Base):
    """A change of a product's stock, in its unit, signed (domain.stock.MovementKind), tied to
    the ticket, refund or stock document that made it. Append-only: on hand is the sum."""

    __tablename__ = "stock_movement"
    __table_args__ = (
        Index("ix_stock_movement_product_day", "product_id", "business_day"),
        Index("ix_stock_movement_day", "business_day"),
    )
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    product_id: Mapped[str] = mapped_column(String(36))
    batch_id: Mapped[str | None] = mapped_column(String(36))  # None: stock of no batch
    kind: Mapped[str] = mapped_column(String(16))
    quantity: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    business_day: Mapped[date] = mapped_column(Date)
    document_id: Mapped[str] = mapped_column(String(36), index=True)
    line_id: Mapped[str | None] = mapped_column(String(36))
    staff_id: Mapped[str | None] = mapped_column(String(36))
    device_id: Mapped[str | None] = mapped_column(String(36))  # None: the server's
    reason: Mapped[str] = mapped_column(Text, default="", server_default="")


class StockOnHand(Base):
    """The sum of a product's movements by batch ('' for stock of no batch), kept by the
    trigger of migration 0028 as each movement is written; while a joining counter's history
    is on its way, plus what is left of the store's stock it joined with (StockSnapshot)."""

    __tablename__ = "stock_on_hand"
    product_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    batch_key: Mapped[str] = mapped_column(String(36), primary_key=True)
    quantity: Mapped[int] = mapped_column(Integer)


class StockSnapshot(Base):
    """A joining counter's stock from before it joined, whose movements have not arrived yet:
    the store's stock by product and batch as the server held it at the first pull (counted in
    stock_on_hand too), less each of those movements as the history brings it. Empty once the
    history is here (services/stock_snapshot.py)."""

    __tablename__ = "stock_snapshot"
    product_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    batch_key: Mapped[str] = mapped_column(String(36), primary_key=True)
    quantity: Mapped[int] = mapped_column(Integer)


class StockLevel(Base):
    """This store's minimum stock of a product (0: no alert) and its moving-average cost of a
    package (None: the catalog's cost)."""

    __tablename__ = "stock_level"
    product_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    minimum: Mapped[int] = mapped_column(Integer, default=0)
    cost: Mapped[int | None] = mapped_column(Integer)
    hlc: Mapped[str] = mapped_column(String(64), default="", server_default="")


class ServiceConsumable(Base):
    """What one of a service uses up (耗材), in the product's unit."""

    __tablename__ = "service_consumable"
    service_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    product_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    quantity: Mapped[int] = mapped_column(Integer)


class ConsumablesStamp(Base):
    """The HLC stamp of the consumables a service holds (last writer wins)."""

    __tablename__ = "consumables_stamp"
    service_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    hlc: Mapped[str] = mapped_column(String(64))


class StockDocument(Base):
    """A receipt (入库), write-off (报损) or adjustment: who, when, why, from which supplier
    and against which purchase order; its movements name it."""

    __tablename__ = "stock_document"
    __table_args__ = (Index("ix_stock_document_day", "business_day"),)
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    document: Mapped[str] = mapped_column(String(16))
    business_day: Mapped[date] = mapped_column(Date)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    staff_id: Mapped[str] = mapped_column(String(36))
    reason: Mapped[str] = mapped_column(Text, default="")
    supplier: Mapped[str] = mapped_column(String(64), default="")
    supplier_id: Mapped[str | None] = mapped_column(String(36))
    purchase_order_id: Mapped[str | None] = mapped_column(String(36), index=True)
    device_id: Mapped[str | None] = mapped_column(String(36))


class Supplier(Base):
    __tablename__ = "supplier"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    contact: Mapped[str] = mapped_column(String(64), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    hlc: Mapped[str] = mapped_column(String(64), default="")


class PurchaseOrder(Base):
    """A purchase order (采购单): draft, ordered or cancelled; `lines` product_id, packages,
    unit_cost. What was received of it is in the receipts that name it."""

    __tablename__ = "purchase_order"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    number: Mapped[str] = mapped_column(String(32))
    supplier_id: Mapped[str | None] = mapped_column(String(36))
    status: Mapped[str] = mapped_column(String(12))
    lines: Mapped[list[dict[str, object]]] = mapped_column(JSON)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    created_by: Mapped[str] = mapped_column(String(36))
    ordered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    hlc: Mapped[str] = mapped_column(String(64), default="")


class Stocktake(Base):
    """A stocktake (盘点), counted on any counter of the store until one posts it; `lines`
    once posted (sync.operations.inventory.StocktakeLine)."""

    __tablename__ = "stocktake"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    number: Mapped[str] = mapped_column(String(32))
    scope: Mapped[str] = mapped_column(String(12))  # full / categories
    categories: Mapped[list[str]] = mapped_column(JSON)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    started_by: Mapped[str] = mapped_column(String(36))
    business_day: Mapped[date] = mapped_column(Date)
    device_id: Mapped[str | None] = mapped_column(String(36))
    posted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    posted_by: Mapped[str | None] = mapped_column(String(36))
    lines: Mapped[list[dict[str, object]] | None] = mapped_column(JSON)


class StocktakeCount(Base):
    """Units of a product counted in one place; a product's count is the sum of its entries."""

    __tablename__ = "stocktake_count"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    stocktake_id: Mapped[str] = mapped_column(String(36), index=True)
    product_id: Mapped[str] = mapped_column(String(36))
    quantity: Mapped[int] = mapped_column(Integer)
    counted_at: Mapped[datetime] = mapped_column(UTCDateTime)
    counted_by: Mapped[str] = mapped_column(String(36))


class StockTransfer(Base):
    """Stock sent from one of the owner's stores to another (调拨): `lines` as sent,
    `received` the receiving store's (sync.operations.inventory.TransferReceived) once in."""

    __tablename__ = "stock_transfer"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    number: Mapped[str] = mapped_column(String(32))
    from_store_id: Mapped[str] = mapped_column(String(36))
    to_store_id: Mapped[str] = mapped_column(String(36))
    from_store_name: Mapped[str] = mapped_column(String(64), default="")
    to_store_name: Mapped[str] = mapped_column(String(64), default="")
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    sent_by: Mapped[str] = mapped_column(String(36))
    business_day: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    lines: Mapped[list[dict[str, object]]] = mapped_column(JSON)
    received: Mapped[dict[str, object] | None] = mapped_column(JSON)


class CatalogAlias(Base):
    """A catalog id the server folded into another (two counters created the same item
    offline): this counter's copy and its ticket lines were moved to `item_id`."""

    __tablename__ = "catalog_alias"
    alias_id: Mapped[str] = mapped_column(ID, primary_key=True)
    item_id: Mapped[str] = mapped_column(ID, index=True)
    kind: Mapped[str] = mapped_column(String(12))  # service / product


class Customer(Base):
    __tablename__ = "customer"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), index=True)
    phone: Mapped[str] = mapped_column(String(20), index=True)  # digits only
    gender: Mapped[str] = mapped_column(String(1), default="")  # F / M / ""
    birthday: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # field → hybrid logical clock stamp of the value held (sync.protocol); merges keep the higher
    stamps: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    merged_into: Mapped[str | None] = mapped_column(String(36))  # folded into that customer
    tier: Mapped[str | None] = mapped_column(String(32))  # the member tier the server worked out
    # The profile (domain/customer_profile.py). allergies and health_notes hold sealed values
    # (domain/sealed.py), never the text; has_allergies is the cashier's plain warning.
    skin_type: Mapped[str] = mapped_column(Text, default="", server_default="")
    skin_condition: Mapped[str] = mapped_column(Text, default="", server_default="")
    hair_condition: Mapped[str] = mapped_column(Text, default="", server_default="")
    has_allergies: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    allergies: Mapped[str] = mapped_column(Text, default="", server_default="")
    health_notes: Mapped[str] = mapped_column(Text, default="", server_default="")
    preferences: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")
    product_style: Mapped[str] = mapped_column(Text, default="", server_default="")
    favourite_technician_id: Mapped[str | None] = mapped_column(String(36))
    tags: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")
    member_card: Mapped[str] = mapped_column(Text, default="", server_default="")
    source: Mapped[str] = mapped_column(Text, default="", server_default="")
    referred_by: Mapped[str | None] = mapped_column(String(36))


class PatchTest(Base):
    """A customer's patch test (皮试): append-only; a newer one supersedes, a mistake is put
    right by another (salon_pos.domain.patch_tests)."""

    __tablename__ = "patch_test"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    customer_id: Mapped[str] = mapped_column(ForeignKey("customer.id"), index=True)
    result: Mapped[str] = mapped_column(String(8))  # passed / failed
    tested_on: Mapped[date] = mapped_column(Date)
    service_id: Mapped[str | None] = mapped_column(String(36))
    category: Mapped[str] = mapped_column(String(64), default="")
    subject: Mapped[str] = mapped_column(String(64), default="")  # what was tested, in words
    technician_id: Mapped[str | None] = mapped_column(String(36))
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str | None] = mapped_column(String(36))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)


class StaffSchedule(Base):
    """A technician's working pattern (domain.bookings.pattern_data); None: no schedule. The
    later edit wins as a whole (`stamp`, an HLC stamp)."""

    __tablename__ = "staff_schedule"
    staff_id: Mapped[str] = mapped_column(ID, primary_key=True)
    pattern: Mapped[dict[str, object] | None] = mapped_column(JSON)
    stamp: Mapped[str] = mapped_column(String(64))


class StaffLeave(Base):
    """Whole days off beyond the pattern; `cancelled` takes it back."""

    __tablename__ = "staff_leave"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    staff_id: Mapped[str] = mapped_column(ID, index=True)
    first_day: Mapped[date] = mapped_column(Date)
    last_day: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)
    stamp: Mapped[str] = mapped_column(String(64))


class BookingResource(Base):
    """A room, bed or chair, and the services that need one of them."""

    __tablename__ = "booking_resource"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(8))  # room / bed / chair
    service_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    stamp: Mapped[str] = mapped_column(String(64))


class Booking(Base):
    """A booking (sync/operations/bookings.py): per-field stamps, the status forward only."""

    __tablename__ = "booking"
    __table_args__ = (Index("ix_booking_start", "start_at"),)
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    customer_id: Mapped[str] = mapped_column(ID, index=True)
    technician_id: Mapped[str | None] = mapped_column(ID)
    requested: Mapped[bool] = mapped_column(Boolean, default=False)  # 点钟
    resource_id: Mapped[str | None] = mapped_column(ID)
    start_at: Mapped[datetime] = mapped_column(UTCDateTime)
    end_at: Mapped[datetime] = mapped_column(UTCDateTime)
    services: Mapped[list[dict[str, object]]] = mapped_column(JSON)
    note: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16))
    source: Mapped[str] = mapped_column(String(8), default="counter")
    made_by: Mapped[str | None] = mapped_column(ID)
    ticket_id: Mapped[str | None] = mapped_column(ID)
    stamps: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class AttendanceClocking(Base):
    """A staff member's clock-in or clock-out (考勤), from this counter or pulled from another:
    append-only; pairing is decided when reading (salon_pos.domain.attendance)."""

    __tablename__ = "attendance"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    staff_id: Mapped[str] = mapped_column(ForeignKey("staff.id"), index=True)
    kind: Mapped[str] = mapped_column(String(8))  # in / out
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    recorded_by: Mapped[str | None] = mapped_column(String(36))
    note: Mapped[str] = mapped_column(Text, default="")
    device_id: Mapped[str | None] = mapped_column(String(36))  # the counter it was clocked at


class CustomerSearchKey(Base):
    """Lower-case keys (name, pinyin initials, full pinyin) for indexed prefix search.
    Phone digits are searched through the FTS5 trigram table customer_phone_fts instead."""

    __tablename__ = "customer_search_key"
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    customer_id: Mapped[str] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class Ticket(Base):
    __tablename__ = "ticket"
    __table_args__ = (
        Index("ix_ticket_business_day", "business_day"),
        Index("ix_ticket_completed", "completed_at", "number"),  # the list, newest first
        Index("ix_ticket_device_completed", "device_id", "completed_at"),  # a drawer's sales
        # the voids of a day (the close, the reports): the few voided tickets only
        Index(
            "ix_ticket_void_business_day",
            "void_business_day",
            sqlite_where=text("void_business_day IS NOT NULL"),
        ),
        # the number a renumbered ticket's receipt shows (a counter put back from a backup)
        Index(
            "ix_ticket_original_number",
            "original_number",
            sqlite_where=text("original_number IS NOT NULL"),
        ),
    )
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    number: Mapped[str] = mapped_column(String(24), unique=True)  # A1-000123
    status: Mapped[str] = mapped_column(String(12))
    customer_id: Mapped[str | None] = mapped_column(ForeignKey("customer.id"), index=True)
    cashier_id: Mapped[str] = mapped_column(ForeignKey("staff.id"))
    business_day: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    subtotal: Mapped[int] = mapped_column(Integer)
    line_discounts: Mapped[int] = mapped_column(Integer)
    ticket_discount: Mapped[int] = mapped_column(Integer)
    rounding_off: Mapped[int] = mapped_column(Integer)
    total: Mapped[int] = mapped_column(Integer)
    tendered: Mapped[int] = mapped_column(Integer)
    change: Mapped[int] = mapped_column(Integer)
    voided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    voided_by: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    void_reason: Mapped[str] = mapped_column(Text, default="")
    # The number it was sold under, when a counter restored from a backup had to renumber it
    # after the tickets the server already held from this counter (services/sync_recovery).
    original_number: Mapped[str | None] = mapped_column(String(24))
    # The counter it was sold at (a drawer holds only its own counter's cash); None: not known
    # (sold before this was recorded, at another counter).
    device_id: Mapped[str | None] = mapped_column(String(36))
    # The manager whose PIN let a discount beyond the cashier's limit through; a manager's own
    # discount is their own approval.
    discount_approved_by: Mapped[str | None] = mapped_column(String(36))
    # A void belongs to the business day it happened on and the counter it happened at, never
    # changing a closed day (the sale stays on its own day).
    void_business_day: Mapped[date | None] = mapped_column(Date)
    void_device_id: Mapped[str | None] = mapped_column(String(36))


class TicketLine(Base):
    __tablename__ = "ticket_line"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    ticket_id: Mapped[str] = mapped_column(ForeignKey("ticket.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(12))  # service / product
    item_id: Mapped[str] = mapped_column(ID)
    name: Mapped[str] = mapped_column(String(64))
    quantity: Mapped[int] = mapped_column(Integer)
    list_price: Mapped[int] = mapped_column(Integer)  # catalog price at the time of sale
    unit_price: Mapped[int] = mapped_column(Integer)  # what the customer paid per unit
    line_discount: Mapped[int] = mapped_column(Integer)
    total: Mapped[int] = mapped_column(Integer)  # quantity * unit_price - line_discount
    net_total: Mapped[int] = mapped_column(Integer)  # its share after ticket discount and 抹零
    technician_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    # How much the customer's tier took off the catalog price (list_price × quantity): a member
    # price, not a cashier's discount.
    member_discount: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # a manager's approval of a service sold without a valid patch test (PatchTestWaiver)
    patch_test_waiver: Mapped[dict[str, object] | None] = mapped_column(JSON)
    category: Mapped[str] = mapped_column(String(32), default="", server_default="")  # as sold
    requested: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())  # 点钟


class TicketLineShare(Base):
    """A technician's share of a line several worked on (多人合作), in basis points of 10,000;
    the shares of a line add up to 10,000. A line one technician did has no rows here: its
    technician_id has it all."""

    __tablename__ = "ticket_line_share"
    ticket_line_id: Mapped[str] = mapped_column(ForeignKey("ticket_line.id"), primary_key=True)
    staff_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    share: Mapped[int] = mapped_column(Integer)


class Payment(Base):
    __tablename__ = "payment"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    ticket_id: Mapped[str] = mapped_column(ForeignKey("ticket.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    tendered: Mapped[int] = mapped_column(Integer)
    applied: Mapped[int] = mapped_column(Integer)  # tendered less the change it gave
    reference: Mapped[str] = mapped_column(String(64), default="")


class Refund(Base):
    """A refund of some lines of a completed ticket; append-only, approved by a manager."""

    __tablename__ = "refund"
    __table_args__ = (Index("ix_refund_business_day", "business_day"),)  # a day's refunds
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    ticket_id: Mapped[str] = mapped_column(ForeignKey("ticket.id"), index=True)
    refunded_at: Mapped[datetime] = mapped_column(UTCDateTime)
    business_day: Mapped[date] = mapped_column(Date)
    cashier_id: Mapped[str] = mapped_column(ForeignKey("staff.id"))
    approved_by: Mapped[str] = mapped_column(ForeignKey("staff.id"))
    reason: Mapped[str] = mapped_column(Text)
    amount: Mapped[int] = mapped_column(Integer)
    device_id: Mapped[str | None] = mapped_column(String(36))  # the counter it was made at


class RefundTender(Base):
    """How a refund's money went back: by the tenders the sale was paid with, never more by one
    than it paid."""

    __tablename__ = "refund_tender"
    refund_id: Mapped[str] = mapped_column(ForeignKey("refund.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    amount: Mapped[int] = mapped_column(Integer)


class RefundLine(Base):
    __tablename__ = "refund_line"
    refund_id: Mapped[str] = mapped_column(ForeignKey("refund.id"), primary_key=True)
    ticket_line_id: Mapped[str] = mapped_column(ForeignKey("ticket_line.id"), primary_key=True)
    quantity: Mapped[int] = mapped_column(Integer)
    amount: Mapped[int] = mapped_column(Integer)


class PackagePlan(Base):
    """A package card the store sells (疗程卡/次卡): `sessions` of any of `service_ids`."""

    __tablename__ = "package_plan"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    service_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    sessions: Mapped[int] = mapped_column(Integer)
    price: Mapped[int] = mapped_column(Integer)
    valid_days: Mapped[int] = mapped_column(Integer, default=0)  # 0: never expires
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    hlc: Mapped[str] = mapped_column(String(64), default="")  # the edit it holds


class PackageCard(Base):
    """A package card a customer bought; its sessions are the `sessions` account's entries."""

    __tablename__ = "package_card"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    customer_id: Mapped[str] = mapped_column(ID, index=True)
    plan_id: Mapped[str | None] = mapped_column(ID)
    name: Mapped[str] = mapped_column(String(64))
    service_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    sessions: Mapped[int] = mapped_column(Integer)  # as sold
    price: Mapped[int] = mapped_column(Integer)
    expires_on: Mapped[date | None] = mapped_column(Date)
    ticket_id: Mapped[str | None] = mapped_column(ID)
    line_id: Mapped[str | None] = mapped_column(ID)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class BalanceEntry(Base):
    """One movement of a customer's points, stored value (principal, bonus) or a package
    card's sessions. Append-only: a balance is the sum of its entries (docs/adr/0009)."""

    __tablename__ = "balance_entry"
    __table_args__ = (
        Index("ix_balance_entry_account", "customer_id", "account", "card_id"),
        Index("ix_balance_entry_created_at", "created_at"),  # the close's entries of its days
    )
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    customer_id: Mapped[str] = mapped_column(ID)
    account: Mapped[str] = mapped_column(String(12))  # principal / bonus / points / sessions
    card_id: Mapped[str | None] = mapped_column(ID)
    amount: Mapped[int] = mapped_column(Integer)  # fen, points or sessions; signed
    reason: Mapped[str] = mapped_column(String(16))
    ticket_id: Mapped[str | None] = mapped_column(ID, index=True)
    line_id: Mapped[str | None] = mapped_column(ID)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    device_id: Mapped[str | None] = mapped_column(ID)  # who made it (None: this counter)
    note: Mapped[str] = mapped_column(Text, default="")


class DrawerSession(Base):
    """A cash drawer session (交班) of one counter, from its opening with a float to its close
    with a count; this counter's and those pulled from the store's others (docs/drawer.md).
    The close keeps the figures as the closing counter worked them out."""

    __tablename__ = "drawer_session"
    __table_args__ = (
        Index("ix_drawer_session_device_opened", "device_id", "opened_at"),
        Index("ix_drawer_session_day", "business_day"),
    )
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36))  # the counter whose drawer it is
    business_day: Mapped[date] = mapped_column(Date)  # of its opening
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime)
    opened_by: Mapped[str] = mapped_column(String(36))
    opening_float: Mapped[int] = mapped_column(Integer)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_by: Mapped[str | None] = mapped_column(String(36))
    counts: Mapped[dict[str, int] | None] = mapped_column(JSON)  # denomination fen → pieces
    counted: Mapped[int | None] = mapped_column(Integer)
    expected: Mapped[int | None] = mapped_column(Integer)
    variance: Mapped[int | None] = mapped_column(Integer)
    cash_sales: Mapped[int | None] = mapped_column(Integer)
    cash_back: Mapped[int | None] = mapped_column(Integer)  # voids and refunds handed back
    moved_in: Mapped[int | None] = mapped_column(Integer)
    moved_out: Mapped[int | None] = mapped_column(Integer)
    blind: Mapped[bool] = mapped_column(Boolean, default=False)
    close_reason: Mapped[str] = mapped_column(Text, default="")
    close_approved_by: Mapped[str | None] = mapped_column(String(36))
    # A blind close refused for a missing reason showed its variance: the count first given,
    # when the close saved another one (a recount after seeing the variance).
    first_counted: Mapped[int | None] = mapped_column(Integer)
    # The expected cash the server worked out from its own rows, when it differs (docs/drawer.md).
    server_expected: Mapped[int | None] = mapped_column(Integer)


class DrawerMovement(Base):
    """Cash into or out of a counter's drawer other than by a sale, void or refund: pay-ins,
    pay-outs, stored value paid back in cash, an overdraft collected in cash. Append-only.
    `session_id` None: the counter had no open session (the day close lists it apart)."""

    __tablename__ = "drawer_movement"
    __table_args__ = (Index("ix_drawer_movement_device_at", "device_id", "at"),)
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    session_id: Mapped[str | None] = mapped_column(ForeignKey("drawer_session.id"), index=True)
    device_id: Mapped[str] = mapped_column(String(36))
    business_day: Mapped[date] = mapped_column(Date)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    kind: Mapped[str] = mapped_column(String(24))  # domain.drawer.MoveKind
    amount: Mapped[int] = mapped_column(Integer)  # fen, positive; the kind says which way
    reason: Mapped[str] = mapped_column(Text, default="")
    staff_id: Mapped[str | None] = mapped_column(String(36))
    approved_by: Mapped[str | None] = mapped_column(String(36))
    customer_id: Mapped[str | None] = mapped_column(String(36))


class OutboxOperation(Base):
    """A business fact waiting for the server, written in the same transaction as the change."""

    __tablename__ = "outbox_operation"
    __table_args__ = (
        # Unique among the operations that count: a counter restored from a backup supersedes
        # what it sold meanwhile and queues it again under the numbers the server expects.
        Index(
            "uq_outbox_live_seq",
            "device_id",
            "seq",
            unique=True,
            sqlite_where=text("result IS NOT 'superseded'"),
        ),
        # The sender's query: what is not pushed yet, in sequence order.
        Index("ix_outbox_pending", "seq", sqlite_where=text("pushed_at IS NULL")),
        # The status bar's parked count.
        Index("ix_outbox_parked", "seq", sqlite_where=text("result = 'rejected'")),
    )
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    device_id: Mapped[str] = mapped_column(ID)
    seq: Mapped[int] = mapped_column(Integer)  # gap-free per device
    type: Mapped[str] = mapped_column(String(48))
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime)
    payload_version: Mapped[int] = mapped_column(Integer)
    payload: Mapped[str] = mapped_column(Text)  # JSON
    pushed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    result: Mapped[str | None] = mapped_column(String(24))


class AuditEntry(Base):
    """Who did what, when; chained by hash so a silent edit breaks the chain."""

    __tablename__ = "audit_entry"
    __table_args__ = (
        Index("ix_audit_entity", "entity_type", "entity_id"),  # one person's sign-ins
        Index("ix_audit_action_at", "action", "at"),  # wrong approval PINs of the last minute
    )
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    id: Mapped[str] = mapped_column(ID, unique=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor_id: Mapped[str | None] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(48))
    entity_type: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(36))
    before: Mapped[str | None] = mapped_column(Text)  # JSON
    after: Mapped[str | None] = mapped_column(Text)  # JSON
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class SyncState(Base):
    """This counter's link to the central server: one row (id 1), written by enrollment and by
    each sync round. The device token is not here: it lives in the keyring."""

    __tablename__ = "sync_state"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    server_url: Mapped[str | None] = mapped_column(String(200))
    store_id: Mapped[str | None] = mapped_column(String(36))
    store_name: Mapped[str | None] = mapped_column(String(64))
    pull_cursor: Mapped[int] = mapped_column(Integer, default=0)
    highest_hlc: Mapped[str | None] = mapped_column(String(80))
    connection: Mapped[str] = mapped_column(
        String(16), default="offline"
    )  # online / offline / refused
    last_sync_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    # Where this data folder lives (services/sync_home): a copy elsewhere is refused.
    home_machine: Mapped[str | None] = mapped_column(String(64))  # hash of the machine id
    home_path: Mapped[str | None] = mapped_column(Text)  # the database's real path
    # After a recovery: the server's cursor taken over, and its operation there (not here).
    adopted_cursor: Mapped[int | None] = mapped_column(Integer)
    adopted_op_id: Mapped[str | None] = mapped_column(String(36))
    # A first pull's history (sync.operations.HISTORY: tickets, refunds) comes after the rest:
    # changes up to `history_until` of those entities are pulled from `history_cursor` on, in
    # the background; None when there is none to pull (docs/sync-counter.md, "Joining").
    history_until: Mapped[int | None] = mapped_column(Integer)
    history_cursor: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # stock_on_hand holds the store's stock as of `history_until` (stock_snapshot): the stock
    # movements of the history are taken off it as they arrive, not added on top.
    stock_snapshot: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class SyncConflict(Base):
    """A conflict the server recorded, as pulled from the change feed. Status: open, resolving
    (a manager resolved it here; the operation is on its way), resolved."""

    __tablename__ = "sync_conflict"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    type: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(12), index=True)
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(36))
    op_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    details: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    suggestion: Mapped[str] = mapped_column(String(16), default="")
    resolution: Mapped[str | None] = mapped_column(String(16))
    resolved_by: Mapped[str | None] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    rejected_reason: Mapped[str | None] = mapped_column(Text)  # why the server refused a decision


class ParkedChange(Base):
    """A pulled change this counter could not apply (yet): an entity it does not know (an older
    counter), or a record it refers to that is missing here. The cursor moved past it; it is
    tried again on every pull, and a newer change of the same record replaces it."""

    __tablename__ = "parked_change"
    __table_args__ = (UniqueConstraint("entity", "entity_id"),)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(36))
    data: Mapped[dict[str, object]] = mapped_column(JSON)
    origin_device_id: Mapped[str | None] = mapped_column(String(36))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    reason: Mapped[str] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=1)


class ParkedTicket(Base):
    """A ticket put aside at this counter (挂单) to be taken up again: its draft as versioned
    JSON (domain.ticket_draft). Local to the counter, never synced; removed when cancelled or
    paid (in the sale's transaction)."""

    __tablename__ = "parked_ticket"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    label: Mapped[str] = mapped_column(String(64))
    customer_id: Mapped[str | None] = mapped_column(ForeignKey("customer.id"))
    item_count: Mapped[int] = mapped_column(Integer)
    total: Mapped[int] = mapped_column(Integer)  # fen, as priced when parked
    created_by: Mapped[str] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    draft_version: Mapped[int] = mapped_column(Integer)
    draft: Mapped[str] = mapped_column(Text)  # TicketDraft.to_json()


class SyncNotice(Base):
    """Something sync did by itself that the manager should know of: e.g. this counter was
    restored from a backup and renumbered the tickets it sold meanwhile."""

    __tablename__ = "sync_notice"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    kind: Mapped[str] = mapped_column(String(32))
    details: Mapped[dict[str, object]] = mapped_column(JSON)
    seen_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class OutgoingMessage(Base):
    """A reminder this counter prepared (a store without a server, and this counter chosen to
    send them: services/reminders.py): once per `key`, tried again after a failure."""

    __tablename__ = "outgoing_message"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    key: Mapped[str] = mapped_column(String(120), unique=True)
    kind: Mapped[str] = mapped_column(String(24))
    customer_id: Mapped[str] = mapped_column(ID)
    recipient: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(8), index=True)  # pending / sent / failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_try_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_error: Mapped[str] = mapped_column(Text, default="")
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class DayClose(Base):
    """A business day closed (日结): locked, so what happens afterwards counts on the next open
    day. One close a day; the figures are those of the counter that closed it, as JSON."""

    __tablename__ = "day_close"
    business_day: Mapped[date] = mapped_column(Date, primary_key=True)
    id: Mapped[str] = mapped_column(String(36))
    closed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    closed_by: Mapped[str] = mapped_column(String(36))
    device_id: Mapped[str] = mapped_column(String(36))  # the counter it was closed at
    figures: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text, default="", server_default="")


class ChainStore(Base):
    """Another store of the owner's as the server last told it: where stock may be sent."""

    __tablename__ = "chain_store"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    told_at: Mapped[datetime] = mapped_column(UTCDateTime)


class StoreDevice(Base):
    """A counter of this store as the server last told it: for the close's check of who has
    not been heard from since the day began."""

    __tablename__ = "store_device"
    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    counter: Mapped[str] = mapped_column(String(8))
    last_heard_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    told_at: Mapped[datetime] = mapped_column(UTCDateTime)
