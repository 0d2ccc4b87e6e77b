"""The catalog table: services and products side by side, hidden ones in grey."""

from __future__ import annotations

from salon_pos.domain.money import format_money
from salon_pos.domain.ticket import LineKind
from salon_pos.services.catalog import ProductOffer, ServiceOffer
from salon_pos.ui.models.rows import Column, RowsModel

Offer = ServiceOffer | ProductOffer
NAME = 2  # the column that stretches


class CatalogTableModel(RowsModel[Offer]):
    def kind_name(self, kind: LineKind) -> str:
        return self.tr("Service") if kind is LineKind.SERVICE else self.tr("Product")

    def columns(self) -> list[Column]:
        return [
            (self.tr("Kind"), lambda o: self.kind_name(o.kind)),
            (self.tr("Category"), lambda o: o.category),
            (self.tr("Name"), lambda o: o.name),
            (self.tr("Price"), lambda o: format_money(o.price)),
            (self.tr("Minutes / SKU"), self._detail),
            (self.tr("Skill / barcode"), self._code),
            (self.tr("Patch test"), self._patch_test),
            (self.tr("Status"), lambda o: self.tr("Shown") if o.active else self.tr("Hidden")),
        ]

    @staticmethod
    def _detail(offer: Offer) -> str:
        return str(offer.duration_min) if isinstance(offer, ServiceOffer) else offer.sku

    @staticmethod
    def _code(offer: Offer) -> str:
        return offer.skill if isinstance(offer, ServiceOffer) else (offer.barcode or "")

    def _patch_test(self, offer: Offer) -> str:
        needed = isinstance(offer, ServiceOffer) and offer.needs_patch_test
        return self.tr("Needed") if needed else ""
