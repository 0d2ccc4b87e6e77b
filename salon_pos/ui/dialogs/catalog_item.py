"""Adding or editing a service (category, name, price, minutes, skill, the consumables one uses)
or a product (category, name, SKU, barcode, price, cost, the unit its stock is kept in, its
package size, whether batches need an expiry). Prices are typed in yuan and read by the Money
parser; a refused save (a barcode on another product, a consumable in the wrong unit) keeps
the form open with the reason."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from salon_pos.domain.errors import InvalidNumber, UserError
from salon_pos.domain.ids import new_id
from salon_pos.domain.money import format_yuan, parse_yuan
from salon_pos.domain.stock import MOST_PACK, Unit
from salon_pos.domain.ticket import LineKind
from salon_pos.services.catalog import ProductOffer, Saved, ServiceOffer
from salon_pos.services.changes import QUEUED, Changes
from salon_pos.services.stock import ConsumableLine
from salon_pos.ui.context import UiContext
from salon_pos.ui.dialogs.consumables import ConsumablesEditor
from salon_pos.ui.dialogs.save_dialog import SaveDialog
from salon_pos.ui.models.stock import unit_name
from sync.operations.inventory import CHANGE_CONSUMABLES
from sync.operations.setup import CHANGE_CATALOG_ITEM

Offer = ServiceOffer | ProductOffer


def _minutes(text: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise InvalidNumber(text=text) from None


class CatalogItemDialog(SaveDialog):
    def __init__(
        self,
        ctx: UiContext,
        kind: LineKind,
        existing: Offer | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, "catalogItemForm", parent)
        self._kind, self._existing = kind, existing
        service = kind is LineKind.SERVICE
        titles = {
            (True, True): self.tr("Edit service"),
            (True, False): self.tr("New service"),
            (False, True): self.tr("Edit product"),
            (False, False): self.tr("New product"),
        }
        self.setWindowTitle(titles[(service, existing is not None)])
        self.category = QComboBox()
        self.category.setObjectName("itemCategory")
        self.category.setEditable(True)
        self.category.addItems(ctx.backend.catalog.categories())
        self.category.setCurrentText(existing.category if existing else "")
        self.name = self._field("itemName", existing.name if existing else "")
        self.price = self._field("itemPrice", format_yuan(existing.price) if existing else "")
        self.price.setPlaceholderText("198.00")
        form = QFormLayout()
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Price (yuan)"), self.price)
        self.points_price = QSpinBox()
        self.points_price.setObjectName("itemPointsPrice")
        self.points_price.setRange(0, 100_000_000)
        self.points_price.setSingleStep(100)
        self.points_price.setSuffix(self.tr(" points"))
        self.points_price.setSpecialValueText(self.tr("Not for points"))
        self.points_price.setValue(existing.points_price if existing else 0)
        self.points_price.setToolTip(self.tr("The points a member pays for one, instead of money"))
        self.duration = self._field("itemDuration", "60")
        self.skill = self._field("itemSkill")
        self.sku = self._field("itemSku")
        self.barcode = self._field("itemBarcode")
        self.cost = self._field("itemCost", "0")
        self.patch_test = QCheckBox(self.tr("Sell only after a valid patch test (皮试)"))
        self.patch_test.setObjectName("itemNeedsPatchTest")
        if isinstance(existing, ServiceOffer):
            self.duration.setText(str(existing.duration_min))
            self.skill.setText(existing.skill)
            self.patch_test.setChecked(existing.needs_patch_test)
        self._stock_fields(existing)
        if isinstance(existing, ProductOffer):
            self.sku.setText(existing.sku)
            self.barcode.setText(existing.barcode or "")
            self.cost.setText(format_yuan(existing.cost))
        self.uses_before: list[ConsumableLine] = []
        self.consumables: ConsumablesEditor | None = None
        if service:
            form.addRow(self.tr("Minutes"), self.duration)
            form.addRow(self.tr("Skill needed"), self.skill)
            form.addRow(self.tr("Patch test"), self.patch_test)
            if existing is not None:
                self.uses_before = ctx.backend.stock.consumables(existing.id)
            self.consumables = ConsumablesEditor(ctx.backend.catalog.products(), self.uses_before)
            form.addRow(self.tr("Consumables"), self.consumables)
            self.consumables.setToolTip(self.tr("What one of this service uses up"))
        else:
            form.addRow(self.tr("SKU"), self.sku)
            form.addRow(self.tr("Barcode"), self.barcode)
            form.addRow(self.tr("Cost (yuan)"), self.cost)
            form.addRow(self.tr("Stock unit"), self.unit)
            form.addRow(self.tr("Package holds"), self.pack_size)
            form.addRow(self.tr("Batches"), self.needs_expiry)
        form.addRow(self.tr("Redeem for points"), self.points_price)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.finish_layout(layout)
        self.setMinimumWidth(420)

    def _stock_fields(self, existing: Offer | None) -> None:
        """A product's unit (件/毫升/克), its package size, and whether batches need an expiry."""
        product = existing if isinstance(existing, ProductOffer) else None
        self.unit = QComboBox()
        self.unit.setObjectName("itemUnit")
        for unit in Unit:
            self.unit.addItem(unit_name(unit.value), unit.value)
        self.unit.setCurrentIndex(self.unit.findData(product.unit if product else Unit.PIECE))
        self.pack_size = QSpinBox()
        self.pack_size.setObjectName("itemPackSize")
        self.pack_size.setRange(1, MOST_PACK)
        self.pack_size.setValue(product.pack_size if product else 1)
        self.unit.currentIndexChanged.connect(self._on_unit_changed)
        self._on_unit_changed()
        self.needs_expiry = QCheckBox(self.tr("Each batch received needs an expiry date"))
        self.needs_expiry.setObjectName("itemNeedsExpiry")
        self.needs_expiry.setChecked(product.needs_expiry if product else False)

    def _on_unit_changed(self) -> None:
        self.pack_size.setSuffix(" " + unit_name(self.unit.currentData()))

    @staticmethod
    def _field(name: str, text: str = "") -> QLineEdit:
        field = QLineEdit(text)
        field.setObjectName(name)
        return field

    def offer(self) -> Offer:
        """What the form says, as an offer (UserError for a price or number that is not one)."""
        item_id = self._existing.id if self._existing else new_id()
        category, name = self.category.currentText().strip(), self.name.text().strip()
        price = parse_yuan(self.price.text())
        if self._kind is LineKind.SERVICE:
            made: Offer = ServiceOffer(
                item_id, category, name, price, _minutes(self.duration.text()),
                self.skill.text().strip().lower(), needs_patch_test=self.patch_test.isChecked(),
            )  # fmt: skip
        else:
            made = ProductOffer(
                item_id, category, name, self.sku.text().strip(),
                self.barcode.text().strip() or None, price, parse_yuan(self.cost.text() or "0"),
                unit=self.unit.currentData(), pack_size=self.pack_size.value(),
                needs_expiry=self.needs_expiry.isChecked(),
            )  # fmt: skip
        made = replace(made, points_price=self.points_price.value())
        return replace(made, active=self._existing.active) if self._existing else made

    def _save(self) -> None:
        try:
            offer = self.offer()
        except UserError as error:
            self.message.show_error(self._ctx.message(error))
            return
        catalog, actor = self._ctx.backend.catalog, self._ctx.staff.id if self._ctx.staff else None
        if self._existing is not None:
            work = lambda: catalog.edit(offer, actor)  # noqa: E731
        elif isinstance(offer, ServiceOffer):
            work = lambda: catalog.add_service(  # noqa: E731
                offer.category, offer.name, offer.price, offer.duration_min, offer.skill, actor,
                needs_patch_test=offer.needs_patch_test, points_price=offer.points_price,
            )  # fmt: skip
        else:
            work = lambda: catalog.add_product(  # noqa: E731
                offer.category, offer.name, offer.sku, offer.price, offer.cost, offer.barcode,
                actor, points_price=offer.points_price, unit=offer.unit,
                pack_size=offer.pack_size, needs_expiry=offer.needs_expiry,
            )  # fmt: skip
        uses = self.consumables.lines() if self.consumables is not None else self.uses_before
        if uses == self.uses_before:
            self.run_save(work, item_changed)
        else:
            self.run_save(self._with_consumables(work, uses, actor), with_uses_changed)

    def _with_consumables(
        self, work: Callable[[], Saved], uses: list[ConsumableLine], actor: str | None
    ) -> Callable[[], tuple[Saved, BaseException | None]]:
        """The service and what it uses. An existing service's consumables are saved first, so
        a refused unit changes nothing; a new service is saved first (its consumables need its
        id) and, if they are refused, the form stays open on the service now saved."""
        stock, existing = self._ctx.backend.stock, self._existing

        def both() -> tuple[Saved, BaseException | None]:
            if existing is not None:
                stock.set_consumables(existing.id, uses, actor or "")
                return work(), None
            saved = work()
            try:
                stock.set_consumables(saved.id, uses, actor or "")
            except UserError as refused:
                return saved, refused
            return saved, None

        return both

    def _on_saved(self, saved: Any) -> None:
        if isinstance(saved, tuple) and saved[1] is not None:
            service, refused = saved
            self._existing = self._ctx.backend.catalog.item(self._kind, service.id)
            self._ctx.announce(item_changed(service) | Changes.of(QUEUED))
            self._on_refused(refused)
            return
        super()._on_saved(saved)


def item_changed(saved: Saved) -> Changes:
    return Changes.of(CHANGE_CATALOG_ITEM, saved.id)


def with_uses_changed(done: tuple[Saved, BaseException | None]) -> Changes:
    return item_changed(done[0]) | Changes.of(CHANGE_CONSUMABLES, done[0].id)
