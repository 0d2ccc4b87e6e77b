"""The lines of a receipt being typed in (入库单): a product, its packages, batch, dates and cost
per package as typed. Nothing is checked here: the stock service refuses what is wrong."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from salon_pos.services.catalog import ProductOffer
from salon_pos.ui.models.rows import Cell, RowsModel
from salon_pos.ui.models.stock import units_text


@dataclass(frozen=True)
class ReceiptDraftLine:
    product: ProductOffer
    packages: int = 1
    batch_code: str = ""
    expires_on: date | None = None
    made_on: date | None = None
    cost: str = ""  # yuan per package, as typed; parsed when the receipt is saved
    due: int = 0  # packages still to come on the purchase order received against


class ReceiptLinesModel(RowsModel[ReceiptDraftLine]):
    NAME = 0

    def columns(self) -> list[tuple[str, Cell, bool]]:
        return [
            (self.tr("Product"), lambda r: r.product.name, False),
            (self.tr("Packages"), self._packages, True),
            (self.tr("Quantity"), self._units, True),
            (self.tr("Batch"), lambda r: r.batch_code, False),
            (self.tr("Expires"), self._expires, False),
            (self.tr("Cost / package"), lambda r: r.cost, True),
        ]

    @staticmethod
    def _packages(line: ReceiptDraftLine) -> str:
        """ "2 / 3" on a line of a purchase order: scanned of what is still to come."""
        return f"{line.packages:,} / {line.due:,}" if line.due else f"{line.packages:,}"

    @staticmethod
    def _units(line: ReceiptDraftLine) -> str:
        return units_text(line.packages * line.product.pack_size, line.product.unit)

    def _expires(self, line: ReceiptDraftLine) -> str:
        if line.expires_on is not None:
            return line.expires_on.isoformat()
        return self.tr("Required") if line.product.needs_expiry else ""

    def marked(self, row: ReceiptDraftLine) -> bool:
        return row.product.needs_expiry and row.expires_on is None
