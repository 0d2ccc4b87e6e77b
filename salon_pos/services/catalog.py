"""The catalog: services the salon performs and products it sells, with their prices in fen."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from typing import Any

from sqlalchemy import func, insert, select, true, union, update
from sqlalchemy.orm import Session

from salon_pos.db.audit import AuditRecord
from salon_pos.db.models import Product, ServiceItem, StockOnHand
from salon_pos.domain.catalog_rules import (
    BARCODE,
    SKU,
    DuplicateService,
    check_duration,
    check_item,
    check_product,
)
from salon_pos.domain.errors import (
    Both,
    DuplicateCode,
    RequiredField,
    UnknownBarcode,
    UnknownItem,
)
from salon_pos.domain.ids import new_id
from salon_pos.domain.search_keys import item_matches, search_text
from salon_pos.domain.stock import check_stock_unit, check_unit_change
from salon_pos.domain.ticket import LineKind
from salon_pos.services.counter import CounterService
from salon_pos.services.journal import Journal
from salon_pos.services.sync_state import next_hlc

__all__ = ["DuplicateService", "ProductOffer", "Saved", "ServiceOffer"]


@dataclass(frozen=True)
class ServiceOffer:
    id: str
    category: str
    name: str
    price: int
    duration_min: int
    skill: str = ""
    kind: LineKind = LineKind.SERVICE
    active: bool = True  # hidden items are not sold; tickets keep them
    needs_patch_test: bool = False  # sold after a valid patch test (domain.patch_tests)
    points_price: int = 0  # points that redeem one unit at checkout; 0: not for points


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
    active: bool = True
    points_price: int = 0  # points that redeem one unit at checkout; 0: not for points
    unit: str = "piece"  # stock is kept in it (domain.stock.Unit)
    pack_size: int = 1  # units in a package sold or received (a 500 ml bottle)
    needs_expiry: bool = False  # each batch received needs an expiry date


@dataclass(frozen=True)
class Saved:
    """What an upsert did: created a new item, changed an existing one, or found it unchanged."""

    id: str
    outcome: str  # created / updated / unchanged


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
        offer = replace(offer, active=existing.active)  # an import does not show a hidden item
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


def _journal_active(
    session: Session,
    journal: Journal,
    at: Any,
    offer: ServiceOffer | ProductOffer,
    actor: str | None,
) -> Saved:
    from salon_pos.services.sync_ops import setup as setup_ops

    model = ServiceItem if offer.kind is LineKind.SERVICE else Product
    action = f"catalog.{offer.kind.value}_{'shown' if offer.active else 'hidden'}"
    audit = AuditRecord(
        actor,
        action,
        model.__tablename__,
        offer.id,
        {"active": not offer.active},
        {"active": offer.active},
    )
    hlc = next_hlc(session, at, journal.device_id)
    payload = setup_ops.catalog_item_saved(
        offer.id, offer.kind.value, asdict(offer), hlc=hlc, changed=["active"]
    )
    journal.record(session, at, audit, payload)
    return Saved(offer.id, "updated")


def _check_service(session: Session, offer: ServiceOffer, own_id: str | None) -> None:
    check_item(offer.category, offer.name, offer.price)
    check_duration(offer.name, offer.duration_min)
    holder = session.scalars(
        select(ServiceItem).where(
            ServiceItem.category == offer.category, ServiceItem.name == offer.name
        )
    ).one_or_none()
    if holder is not None and holder.id != own_id:
        raise DuplicateService(category=offer.category, name=offer.name)


def _service_values(offer: ServiceOffer) -> dict[str, Any]:
    return {
        "price": offer.price,
        "duration_min": offer.duration_min,
        "skill": offer.skill,
        "needs_patch_test": offer.needs_patch_test,
        "points_price": offer.points_price,
    }


def save_service_item(
    session: Session, journal: Journal, at: Any, offer: ServiceOffer, actor_id: str | None
) -> Saved:
    """Insert or update by (category, name)."""
    existing = session.scalars(
        select(ServiceItem).where(
            ServiceItem.category == offer.category, ServiceItem.name == offer.name
        )
    ).one_or_none()
    _check_service(session, offer, existing.id if existing else None)
    key = {"category": offer.category, "name": offer.name}
    return _upsert(session, journal, at, offer, existing, key, _service_values(offer), actor_id)


def _check_product(session: Session, offer: ProductOffer, own_id: str | None) -> None:
    """Name, price, SKU and cost as they must be; a barcode or SKU on another product is
    refused."""
    check_item(offer.category, offer.name, offer.price)
    check_product(offer.name, offer.sku, offer.cost)
    check_stock_unit(offer.name, offer.unit, offer.pack_size)
    if own_id is not None:
        _check_unit_kept(session, offer, own_id)
    for field, column, code in (
        (BARCODE, Product.barcode, offer.barcode),
        (SKU, Product.sku, offer.sku),
    ):
        if not code:
            continue
        holder = session.scalars(select(Product).where(column == code)).one_or_none()
        if holder is not None and holder.id != own_id:
            raise DuplicateCode(field=field, code=code, name=holder.name)


def _check_unit_kept(session: Session, offer: ProductOffer, own_id: str) -> None:
    """The unit and package size stay while the product holds stock (domain.stock)."""
    held = session.get(Product, own_id)
    if held is None:
        return
    on_hand = session.scalar(
        select(func.coalesce(func.sum(StockOnHand.quantity), 0)).where(
            StockOnHand.product_id == own_id
        )
    )
    new = (offer.unit, offer.pack_size)
    check_unit_change(held.name, held.unit, held.pack_size, new, int(on_hand or 0))


def _product_values(offer: ProductOffer) -> dict[str, Any]:
    return {
        "category": offer.category,
        "name": offer.name,
        "barcode": offer.barcode or None,
        "price": offer.price,
        "cost": offer.cost,
        "points_price": offer.points_price,
        "unit": offer.unit,
        "pack_size": offer.pack_size,
        "needs_expiry": offer.needs_expiry,
    }


def save_product(
    session: Session, journal: Journal, at: Any, offer: ProductOffer, actor_id: str | None
) -> Saved:
    """Insert or update by SKU; a barcode already on another product is refused."""
    existing = session.scalars(select(Product).where(Product.sku == offer.sku)).one_or_none()
    _check_product(session, offer, existing.id if existing else None)
    values = _product_values(offer)
    return _upsert(session, journal, at, offer, existing, {"sku": offer.sku}, values, actor_id)


def edit_item(
    session: Session,
    journal: Journal,
    at: Any,
    offer: ServiceOffer | ProductOffer,
    actor: str | None,
) -> Saved:
    """Change the item with the offer's id: any field, its name and category too."""
    existing = _row(session, offer.kind, offer.id)
    if isinstance(offer, ServiceOffer):
        _check_service(session, offer, offer.id)
        values = _service_values(offer) | {"category": offer.category, "name": offer.name}
    else:
        _check_product(session, offer, offer.id)
        values = _product_values(offer) | {"sku": offer.sku}
    return _upsert(session, journal, at, offer, existing, {}, values, actor)


def _row(session: Session, kind: LineKind, item_id: str) -> ServiceItem | Product:
    """The item's row, hidden or not; UnknownItem if there is none."""
    row: ServiceItem | Product | None = (
        session.get(ServiceItem, item_id)
        if kind is LineKind.SERVICE
        else session.get(Product, item_id)
    )
    if row is None:
        raise UnknownItem(item_id=item_id)
    return row


def _rows(session: Session, where: Callable[[Any], Any]) -> list[ServiceItem | Product]:
    """Services then products matching `where(model)`, each by category and name."""
    services = select(ServiceItem).where(where(ServiceItem))
    products = select(Product).where(where(Product))
    return [
        *session.scalars(services.order_by(ServiceItem.category, ServiceItem.name)),
        *session.scalars(products.order_by(Product.category, Product.name)),
    ]


def _codes(offer: ServiceOffer | ProductOffer) -> tuple[str, ...]:
    if isinstance(offer, ProductOffer):
        return (offer.sku, offer.barcode or "")
    return ()


def _offer(item: ServiceItem | Product) -> ServiceOffer | ProductOffer:
    return _service_offer(item) if isinstance(item, ServiceItem) else _product_offer(item)


def _service_offer(item: ServiceItem) -> ServiceOffer:
    return ServiceOffer(
        item.id,
        item.category,
        item.name,
        item.price,
        item.duration_min,
        item.skill,
        active=item.active,
        needs_patch_test=item.needs_patch_test,
        points_price=item.points_price,
    )


def _product_offer(item: Product) -> ProductOffer:
    return ProductOffer(
        item.id,
        item.category,
        item.name,
        item.sku,
        item.barcode,
        item.price,
        item.cost,
        active=item.active,
        points_price=item.points_price,
        unit=item.unit,
        pack_size=item.pack_size,
        needs_expiry=item.needs_expiry,
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
        *,
        needs_patch_test: bool = False,
        points_price: int = 0,
    ) -> Saved:
        """A new service; one of that category and name already there is refused."""
        offer = ServiceOffer(
            new_id(), category, name, price, duration_min, skill,
            needs_patch_test=needs_patch_test, points_price=points_price,
        )  # fmt: skip
        with self._db.write() as session:
            _check_service(session, offer, offer.id)
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
        *,
        points_price: int = 0,
        unit: str = "piece",
        pack_size: int = 1,
        needs_expiry: bool = False,
    ) -> Saved:
        """A new product; its SKU or barcode on another product is refused."""
        offer = ProductOffer(
            new_id(), category, name, sku, barcode, price, cost, points_price=points_price,
            unit=unit, pack_size=pack_size, needs_expiry=needs_expiry,
        )  # fmt: skip
        with self._db.write() as session:
            _check_product(session, offer, offer.id)
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

    def items(self, include_hidden: bool = True) -> list[ServiceOffer | ProductOffer]:
        """Services then products, each by category and name; hidden ones too unless asked."""
        with self._db.read() as session:
            rows = _rows(session, lambda m: true() if include_hidden else m.active.is_(True))
            return [_offer(row) for row in rows]

    def search(
        self, text: str, kind: LineKind | None = None, include_hidden: bool = True
    ) -> list[ServiceOffer | ProductOffer]:
        """Items whose name holds the text or whose pinyin starts with it, or whose SKU or
        barcode holds it; everything (of that kind) when the text is empty."""
        needle = search_text(text)
        return [
            offer
            for offer in self.items(include_hidden)
            if (kind is None or offer.kind is kind)
            and item_matches(needle, offer.name, *_codes(offer))
        ]

    def categories(self) -> list[str]:
        """Every category in use, services' and products', in order."""
        with self._db.read() as session:
            names = session.scalars(
                union(select(ServiceItem.category), select(Product.category))
            ).all()
        return sorted(set(names))

    def item(self, kind: LineKind, item_id: str) -> ServiceOffer | ProductOffer:
        """The item, hidden or not; UnknownItem if there is none."""
        with self._db.read() as session:
            return _offer(_row(session, kind, item_id))

    def edit(self, offer: ServiceOffer | ProductOffer, actor_id: str | None = None) -> Saved:
        """Save every field of the item with the offer's id (hidden or shown is kept)."""
        with self._db.write() as session:
            return edit_item(session, self._journal(), self._clock.now(), offer, actor_id)

    def set_active(
        self, kind: LineKind, item_id: str, active: bool, actor_id: str | None = None
    ) -> Saved:
        """Hide an item from the cashier (tickets keep it), or show it again."""
        with self._db.write() as session:
            existing = _row(session, kind, item_id)
            if existing.active == active:
                return Saved(item_id, "unchanged")
            at = self._clock.now()
            model = type(existing)
            session.execute(
                update(model).where(model.id == item_id).values(active=active, updated_at=at)
            )
            offer = replace(_offer(existing), active=active)
            return _journal_active(session, self._journal(), at, offer, actor_id)

    def rename_category(self, old: str, new: str, actor_id: str | None = None) -> int:
        """Move every item of category `old` to `new` (both kinds); how many moved."""
        new = new.strip()
        if not new:
            raise RequiredField(field=Both("分类", "category"))
        moved = 0
        with self._db.write() as session:
            at, journal = self._clock.now(), self._journal()
            for row in _rows(session, lambda m: m.category == old):
                renamed = replace(_offer(row), category=new)
                saved = edit_item(session, journal, at, renamed, actor_id)
                moved += saved.outcome != "unchanged"
        return moved
