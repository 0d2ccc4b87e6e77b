"""The lines of the ticket being rung up: a table model over frozen rows (name, quantity, unit
price, line discount, technician, line total). Rows are replaced, never mutated; the page reads
`rows()` to price the ticket and to build the sale."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from salon_pos.domain.commission import percent_text
from salon_pos.domain.errors import AmountTooLarge, QuantityNotPositive, UserError
from salon_pos.domain.money import format_money
from salon_pos.domain.shares import StaffShare
from salon_pos.domain.ticket import MAX_QUANTITY, LineKind, PricedLine
from salon_pos.domain.ticket_draft import DraftShare
from salon_pos.domain.tiers import MemberPricing, gift_position
from salon_pos.services.patch_tests import PatchTestWaiver

Index = QModelIndex | QPersistentModelIndex
NAME, QUANTITY, UNIT_PRICE, DISCOUNT, TECHNICIAN, TOTAL = range(6)
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTRE = Qt.AlignmentFlag.AlignCenter


@dataclass(frozen=True)
class TicketLineRow:
    kind: LineKind
    item_id: str
    name: str
    unit_price: int
    quantity: int = 1
    line_discount: int = 0
    skill: str = ""  # which technicians may perform it (services)
    technician_id: str | None = None
    technician: str = ""  # the technician's name, for display
    category: str = ""  # the catalog's: a member's price may depend on it
    list_price: int | None = None  # the catalog price, when a member price applies
    patch_test_waiver: PatchTestWaiver | None = None  # a manager let it go without a patch test
    birthday_gift: bool = False  # the one unit the customer's birthday makes free
    points_price: int = 0  # the catalog's: points that redeem one unit (0: none)
    redeem_points: bool = False  # paid with points at the points price, not money
    requested: bool = False  # the customer asked for this technician by name (点钟)
    shares: tuple[DraftShare, ...] = ()  # several technicians worked on it (多人合作)

    def staff_shares(self) -> tuple[StaffShare, ...]:
        return tuple(share.staff_share() for share in self.shares)

    @property
    def total(self) -> int:
        return self.quantity * self.unit_price - self.line_discount

    @property
    def member_discount(self) -> int:
        return (self.list_price - self.unit_price) * self.quantity if self.list_price else 0

    def priced(self) -> PricedLine:
        return PricedLine(
            self.kind,
            self.item_id,
            self.name,
            self.quantity,
            self.unit_price,
            self.line_discount,
            self.technician_id,
            self.list_price,
            self.member_discount,
        )

    def priced_for(self, pricing: MemberPricing | None) -> TicketLineRow:
        """This line at the customer's member price (the catalog price for none)."""
        if not self.kind.from_catalog or self.redeem_points:  # points pay it: no money price
            return self
        catalog = self.list_price or self.unit_price
        if self.birthday_gift:  # priced again as any line; the model marks the gift after
            catalog = self.list_price or 0
        price = pricing.unit_price(catalog, self.category) if pricing else catalog
        gross = self.quantity * price
        return replace(
            self,
            unit_price=price,
            list_price=catalog if price != catalog else None,
            line_discount=min(self.line_discount, gross),
            birthday_gift=False,
        )

    def as_redeemed(self) -> TicketLineRow:
        """This line paid with points at its points price: no money, no discount."""
        catalog = self.list_price or self.unit_price
        return replace(
            self,
            unit_price=0,
            list_price=catalog,
            line_discount=0,
            redeem_points=True,
            birthday_gift=False,
        )

    @property
    def points(self) -> int:
        """The points this line takes, when redeemed with points."""
        return self.points_price * self.quantity if self.redeem_points else 0

    def as_gift(self) -> TicketLineRow:
        """This line (one unit) as the birthday gift: free, no discount (checkout's arithmetic)."""
        catalog = self.list_price or self.unit_price
        return replace(self, unit_price=0, list_price=catalog, line_discount=0, birthday_gift=True)


class TicketLinesModel(QAbstractTableModel):
    lines_changed = Signal()
    input_refused = Signal(object)  # a UserError from an edit in the table

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[TicketLineRow] = []
        self.pricing: MemberPricing | None = None
        self.gift_word = self.tr("Birthday gift")
        self.points_words = self.tr("redeemed for {points} points")
        self.requested_word = self.tr("requested")  # 点钟: the customer asked for them
        self.headers = [
            self.tr("Item"),
            self.tr("Qty"),
            self.tr("Price"),
            self.tr("Discount"),
            self.tr("Technician"),
            self.tr("Total"),
        ]

    def rows(self) -> tuple[TicketLineRow, ...]:
        return tuple(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and 0 <= section < len(self.headers):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.headers[section]
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return CENTRE if section in (QUANTITY, TECHNICIAN) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NAME and row.birthday_gift:
                return f"{row.name}（{self.gift_word}）"
            if column == NAME and row.redeem_points:
                return f"{row.name}（{self.points_words.format(points=row.points)}）"
            if column == TECHNICIAN and row.kind is LineKind.SERVICE:
                return self.technician_text(row)
            return _display(row, column)
        if role == Qt.ItemDataRole.EditRole and column == QUANTITY:
            return row.quantity
        if role == Qt.ItemDataRole.ToolTipRole and column == TECHNICIAN and row.shares:
            return self.shares_text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in (UNIT_PRICE, DISCOUNT, TOTAL):
                return RIGHT
            return CENTRE if column in (QUANTITY, TECHNICIAN) else None
        return None

    def technician_text(self, row: TicketLineRow) -> str:
        """赵敏, 赵敏 点钟, or 赵敏 +1 for a line several worked on (short: the column is
        narrow at 1024 px; the tooltip has the shares)."""
        text = row.technician
        if row.shares:
            text = f"{row.shares[0].name} +{len(row.shares) - 1}"
        return f"{text} {self.requested_word}" if row.requested and text else text

    def shares_text(self, row: TicketLineRow) -> str:
        """赵敏 60% / 李娜 40%."""
        return " / ".join(f"{s.name} {percent_text(s.share)}" for s in row.shares)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == QUANTITY:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != QUANTITY or role != Qt.ItemDataRole.EditRole:
            return False
        try:
            quantity = int(value)
        except (ValueError, TypeError):
            quantity = 0
        try:
            self.set_quantity(index.row(), quantity)
        except UserError as error:
            self.input_refused.emit(error)
            return False
        return True

    # Changes, each announced with lines_changed

    def set_pricing(self, pricing: MemberPricing | None) -> None:
        """Price every line for the customer picked (member price), or at the catalog's."""
        self.pricing = pricing
        if self._rows:
            self.reset([row.priced_for(pricing) for row in self._rows])
        elif pricing is None or pricing.birthday_gift:
            self.lines_changed.emit()  # nothing to price; the ticket may say the gift is due

    def add(self, row: TicketLineRow) -> int:
        """Add a line; a product already on the ticket gets one more instead. Returns its row."""
        row = row.priced_for(self.pricing)
        if row.kind is LineKind.PRODUCT:
            for position, existing in enumerate(self._rows):
                if existing.kind is LineKind.PRODUCT and existing.item_id == row.item_id:
                    self.set_quantity(position, existing.quantity + row.quantity)
                    return position
        position = len(self._rows)
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.append(row)
        self.endInsertRows()
        self._mark_gift()
        self.lines_changed.emit()
        return position

    def set_quantity(self, position: int, quantity: int) -> None:
        row = self._rows[position]
        if quantity > MAX_QUANTITY:
            raise AmountTooLarge(name=row.name, value=quantity, limit=MAX_QUANTITY)
        if quantity < 1:
            raise QuantityNotPositive(name=row.name, quantity=quantity)
        gross = quantity * row.unit_price
        self._replace(
            position, replace(row, quantity=quantity, line_discount=min(row.line_discount, gross))
        )

    def set_discount(self, position: int, discount: int) -> None:
        self._replace(position, replace(self._rows[position], line_discount=discount))

    def set_redeemed(self, position: int, redeemed: bool) -> None:
        """Pay the line with points at its points price, or with money again."""
        row = self._rows[position]
        if redeemed:
            self._replace(position, row.as_redeemed())
        elif row.redeem_points:
            self._replace(position, replace(row, redeem_points=False).priced_for(self.pricing))

    def clear_redemptions(self) -> None:
        """Every line paid with money again (the customer changed: points are theirs)."""
        for position, row in enumerate(self._rows):
            if row.redeem_points:
                self.set_redeemed(position, False)

    def redeemed_points(self) -> int:
        return sum(row.points for row in self._rows)

    def set_technician(self, position: int, staff_id: str | None, name: str) -> None:
        """The line's technician (or seller); a split stays only if they are among its shares."""
        row = self._rows[position]
        shares = row.shares if any(s.staff_id == staff_id for s in row.shares) else ()
        self._replace(
            position, replace(row, technician_id=staff_id, technician=name, shares=shares)
        )

    def set_requested(self, position: int, requested: bool) -> None:
        """点钟: the customer asked for the line's technician by name."""
        self._replace(position, replace(self._rows[position], requested=requested))

    def set_shares(
        self, position: int, technician: DraftShare, shares: tuple[DraftShare, ...]
    ) -> None:
        """Several technicians' shares (the first the line's technician); () for one alone."""
        self._replace(
            position,
            replace(
                self._rows[position],
                technician_id=technician.staff_id,
                technician=technician.name,
                shares=shares,
            ),
        )

    def set_patch_test_waiver(self, position: int, waiver: PatchTestWaiver) -> None:
        self._replace(position, replace(self._rows[position], patch_test_waiver=waiver))

    def remove(self, position: int) -> None:
        self.beginRemoveRows(QModelIndex(), position, position)
        del self._rows[position]
        self.endRemoveRows()
        self._mark_gift()
        self.lines_changed.emit()

    def reset(self, rows: Sequence[TicketLineRow] = ()) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()
        self._mark_gift()
        self.lines_changed.emit()

    def _replace(self, position: int, row: TicketLineRow) -> None:
        self._rows[position] = row
        self.dataChanged.emit(self.index(position, 0), self.index(position, TOTAL))
        self._mark_gift()
        self.lines_changed.emit()

    def _mark_gift(self) -> None:
        """The birthday gift on the line checkout will give it to (domain.tiers.gift_position):
        the first one-unit line of the gift service; a line that stops being it is priced again."""
        due = self.pricing.birthday_gift if self.pricing else None
        position = gift_position(self._rows, due)
        for i, row in enumerate(self._rows):
            if i == position:
                marked = row.as_gift()
            else:
                marked = row.priced_for(self.pricing) if row.birthday_gift else row
            if marked != row:
                self._rows[i] = marked
                self.dataChanged.emit(self.index(i, 0), self.index(i, TOTAL))


def _display(row: TicketLineRow, column: int) -> str:
    if column == NAME:
        return row.name + (" ★" if row.member_discount else "")
    if column == QUANTITY:
        return str(row.quantity)
    if column == UNIT_PRICE:
        return format_money(row.unit_price)
    if column == DISCOUNT:
        return format_money(-row.line_discount) if row.line_discount else ""
    if column == TECHNICIAN:
        return row.technician or "—"
    return format_money(row.total)
