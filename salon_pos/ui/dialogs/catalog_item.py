"""Adding or editing a service (category, name, price, minutes, skill) or a product (category,
name, SKU, barcode, price, cost). Prices are typed in yuan and read by the Money parser; a
refused save (a barcode on another product, say) keeps the form open with the reason."""

from __future__ import annotations

from dataclasses import replace

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
from salon_pos.domain.ticket import LineKind
from salon_pos.services.catalog import ProductOffer, Saved, ServiceOffer
from salon_pos.services.changes import Changes
from salon_pos.ui.context import UiContext
from salon_pos.ui.dialogs.save_dialog import SaveDialog
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
        if isinstance(existing, ProductOffer):
            self.sku.setText(existing.sku)
            self.barcode.setText(existing.barcode or "")
            self.cost.setText(format_yuan(existing.cost))
        if service:
            form.addRow(self.tr("Minutes"), self.duration)
            form.addRow(self.tr("Skill needed"), self.skill)
            form.addRow(self.tr("Patch test"), self.patch_test)
        else:
            form.addRow(self.tr("SKU"), self.sku)
            form.addRow(self.tr("Barcode"), self.barcode)
            form.addRow(self.tr("Cost (yuan)"), self.cost)
        form.addRow(self.tr("Redeem for points"), self.points_price)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.finish_layout(layout)
        self.setMinimumWidth(420)

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
                actor, points_price=offer.points_price,
            )  # fmt: skip
        self.run_save(work, item_changed)


def item_changed(saved: Saved) -> Changes:
    return Changes.of(CHANGE_CATALOG_ITEM, saved.id)
