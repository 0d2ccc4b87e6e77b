"""The catalog: services the salon performs and products it sells, with their prices in fen."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from salon_pos.db.audit import AuditRecord
from salon_pos.db.models import Product, ServiceItem
from salon_pos.domain.errors import (
    Both,
    DuplicateCode,
    DurationNotPositive,
    NegativeCost,
    NegativePrice,
    RequiredField,
    UnknownBarcode,
)
from salon_pos.domain.ids import new_id
from salon_pos.domain.ticket import LineKind, check_fen
from salon_pos.services.counter import CounterService
from salon_pos.services.journal import Journal
from salon_pos.services.sync_state import next_hlc


@dataclass(frozen=True)
class ServiceOffer:
    id: str
    category: str
    name: str
    price: int
    duration_min: int
    skill: str = ""
    kind: LineKind = LineKind.SERVICE


@dataclass(frozen=True)
class ProductOffer:
    id: str
    category: str
    name: str
    sku: str
    barcode: str | None
    price: int
    cost: int
    kind: LineKind = LineKind.PRODUCT


@dataclass(frozen=True)
class Saved:
    """What an upsert did: created a new item, changed an existing one, or found it unchanged."""

    id: str
    outcome: str  # created / updated / unchanged


def _check_common(name: str, price: int) -> None:
    if not name.strip():
        raise RequiredField(field=Both("名称", "name"))
    check_fen(name, price)
    if price < 0:
        raise NegativePrice(name=name)


def _upsert(
    session: Session,
    journal: Journal,
    at: Any,
    offer: ServiceOffer | ProductOffer,
    existing: ServiceItem | Product | None,
    key: dict[str, Any],
    values: dict[str, Any],
    actor_id: str | None,
) -> Saved:
    """Insert the offer (its key columns and values) or update the values of the existing item;
    journal what changed. The id in `offer` is used only when inserting."""
    model = ServiceItem if offer.kind is LineKind.SERVICE else Product
    if existing is None:
        session.execute(
            insert(model).values(
                id=offer.id, active=True, created_at=at, updated_at=at, **key, **values
            )
        )
        saved, before = Saved(offer.id, "created"), None
    else:
        before = {k: getattr(existing, k) for k in values}
        if before == values:
            return Saved(existing.id, "unchanged")
        session.execute(
            update(model).where(model.id == existing.id).values(updated_at=at, **values)
        )
        saved = Saved(existing.id, "updated")
    from salon_pos.services.sync_ops import (
        setup as setup_ops,  # lazy: pydantic after the first paint
    )

    changed = None if before is None else [k for k in values if before[k] != values[k]]
    hlc = next_hlc(session, at, journal.device_id)
    payload = setup_ops.catalog_item_saved(
        saved.id, offer.kind.value, asdict(offer), hlc=hlc, changed=changed
    )
    action = f"catalog.{offer.kind.value}_{saved.outcome}"
    journal.record(
        session,
        at,
        AuditRecord(actor_id, action, model.__tablename__, saved.id, before, values),
        payload,
    )
    return saved


def save_service_item(
    session: Session, journal: Journal, at: Any, offer: ServiceOffer, actor_id: str | None
) -> Saved:
    """Insert or update by (category, name)."""
    _check_common(offer.name, offer.price)
    if offer.duration_min <= 0:
        raise DurationNotPositive(name=offer.name, text=str(offer.duration_min))
    key = {"category": offer.category, "name": offer.name}
    existing = session.scalars(
        select(ServiceItem).where(
            ServiceItem.category == offer.category, ServiceItem.name == offer.name
        )
    ).one_or_none()
    values = {"price": offer.price, "duration_min": offer.duration_min, "skill": offer.skill}
    return _upsert(session, journal, at, offer, existing, key, values, actor_id)


def save_product(
    session: Session, journal: Journal, at: Any, offer: ProductOffer, actor_id: str | None
) -> Saved:
    """Insert or update by SKU; a barcode already on another product is refused."""
    _check_common(offer.name, offer.price)
    if not offer.sku.strip():
        raise RequiredField(field=Both("编号", "SKU"))
    check_fen(offer.name, offer.cost)
    if offer.cost < 0:
        raise NegativeCost(name=offer.name)
    if offer.barcode:
        holder = session.scalars(
            select(Product).where(Product.barcode == offer.barcode)
        ).one_or_none()
        if holder is not None and holder.sku != offer.sku:
            raise DuplicateCode(field=Both("条码", "barcode"), code=offer.barcode, name=holder.name)
    existing = session.scalars(select(Product).where(Product.sku == offer.sku)).one_or_none()
    values = {
        "category": offer.category,
        "name": offer.name,
        "barcode": offer.barcode or None,
        "price": offer.price,
        "cost": offer.cost,
    }
    return _upsert(session, journal, at, offer, existing, {"sku": offer.sku}, values, actor_id)


def _service_offer(item: ServiceItem) -> ServiceOffer:
    return ServiceOffer(
        item.id, item.category, item.name, item.price, item.duration_min, item.skill
    )


def _product_offer(item: Product) -> ProductOffer:
    return ProductOffer(
        item.id, item.category, item.name, item.sku, item.barcode, item.price, item.cost
    )


class CatalogService(CounterService):
    def add_service(
        self,
        category: str,
        name: str,
        price: int,
        duration_min: int,
        skill: str = "",
        actor_id: str | None = None,
    ) -> Saved:
        offer = ServiceOffer(new_id(), category, name, price, duration_min, skill)
        with self._db.write() as session:
            return save_service_item(session, self._journal(), self._clock.now(), offer, actor_id)

    def add_product(
        self,
        category: str,
        name: str,
        sku: str,
        price: int,
        cost: int = 0,
        barcode: str | None = None,
        actor_id: str | None = None,
    ) -> Saved:
        offer = ProductOffer(new_id(), category, name, sku, barcode, price, cost)
        with self._db.write() as session:
            return save_product(session, self._journal(), self._clock.now(), offer, actor_id)

    def services(self) -> list[ServiceOffer]:
        with self._db.read() as session:
            query = select(ServiceItem).where(ServiceItem.active.is_(True))
            return [
                _service_offer(i)
                for i in session.scalars(query.order_by(ServiceItem.category, ServiceItem.name))
            ]

    def products(self) -> list[ProductOffer]:
        with self._db.read() as session:
            query = select(Product).where(Product.active.is_(True))
            return [
                _product_offer(i)
                for i in session.scalars(query.order_by(Product.category, Product.name))
            ]

    def product_by_barcode(self, barcode: str) -> ProductOffer:
        code = barcode.strip()
        with self._db.read() as session:
            item = session.scalars(
                select(Product).where(Product.barcode == code, Product.active.is_(True))
            ).one_or_none()
        if item is None:
            raise UnknownBarcode(barcode=code)
        return _product_offer(item)
