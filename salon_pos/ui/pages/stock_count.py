"""Stocktake (盘点) on the inventory page, built for a scanner: scan a barcode (or type a name
and pick), type the quantity, Enter, and the focus is back in the scan field for the next.
Counts add up across counters (the others' arrive with each pull). Below, the variance sheet
of the stocktake chosen: every product in scope, counted or not, the difference and its value
at cost, and what services used of it as recorded and as the count shows. Starting and posting
are a manager's (posting asks first); the front desk counts on the stocktake a manager started,
and sees the sheet without its values at cost. A posted stocktake's sheet stays here to read.
Every read and write runs on the task runner, so counting never holds up the cashier."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from salon_pos.domain.money import format_money
from salon_pos.domain.stock import MOST_QUANTITY
from salon_pos.services.catalog import ProductOffer
from salon_pos.services.changes import QUEUED, Changes
from salon_pos.services.stocktake import SheetLine, StocktakeView
from salon_pos.ui.context import UiContext
from salon_pos.ui.dialogs.stock_receive import product_label
from salon_pos.ui.dialogs.stocktake_start import StartStocktakeDialog
from salon_pos.ui.models.stock import unit_name, units_text
from salon_pos.ui.models.stock_documents import SheetModel
from salon_pos.ui.widgets import HintedField, MessageLine, button, fitted_table
from sync.operations.inventory import CHANGE_STOCK_MOVEMENT, CHANGE_STOCKTAKE

Read = tuple[int, list[StocktakeView], list[ProductOffer], str | None, list[SheetLine]]
SHOWN = ("all", "counted", "uncounted", "different")
RECENT_SHOWN = 6  # this counter's last counts, to catch a slip at once (all: the sheet)


class StocktakeTab(QWidget):
    """The stocktake tab: the stocktake chosen, its counting panel while open, its sheet."""

    posted = Signal(object)  # the stocktake's id

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._asked = 0
        self.takes: list[StocktakeView] = []
        self.products: list[ProductOffer] = []
        self.lines: list[SheetLine] = []
        self.product: ProductOffer | None = None  # the one being counted
        self.manager = True  # starts and posts, and sees values at cost (fit_to_role)
        self.start_dialog: StartStocktakeDialog | None = None
        self.confirm: QMessageBox | None = None
        self.chosen = QComboBox()
        self.chosen.setObjectName("stocktakeChosen")
        self.chosen.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.chosen.activated.connect(lambda _i: self.refresh())
        self.start = button(self.tr("Start stocktake…"), "startStocktake")
        self.start.clicked.connect(lambda: self.open_start())
        self.post = button(self.tr("Post…"), "postStocktake", "primary")
        self.post.clicked.connect(lambda: self.confirm_post())
        self._counting_fields()
        self.show_only = QComboBox()
        self.show_only.setObjectName("stocktakeShown")
        for key, text in zip(SHOWN, self._shown_names(), strict=True):
            self.show_only.addItem(text, key)
        self.show_only.currentIndexChanged.connect(self._show_sheet)
        self.model = SheetModel(self)
        self.table = fitted_table("stocktakeSheet", self.model, SheetModel.NAME)
        self.table.doubleClicked.connect(self._on_row_double_clicked)
        self.summary = QLabel()
        self.summary.setObjectName("stocktakeSummary")
        self.summary.setProperty("role", "muted")
        self.summary.setWordWrap(True)
        self.message = MessageLine()
        self.recent: list[str] = []  # this counter's counts since the tab was built, newest first
        self.recent_line = QLabel()
        self.recent_line.setObjectName("stocktakeRecent")
        self.recent_line.setProperty("role", "muted")
        self.recent_line.setWordWrap(True)
        self.recent_line.hide()
        self.waiting = QLabel(
            self.tr("No stocktake is being counted: a manager or the owner starts one.")
        )
        self.waiting.setObjectName("stocktakeWaiting")
        self.waiting.setProperty("role", "muted")
        self.waiting.setWordWrap(True)
        self._lay_out()
        self._update()

    def _shown_names(self) -> list[str]:
        return [self.tr("All products"), self.tr("Counted"), self.tr("Not counted"),
                self.tr("With a difference")]  # fmt: skip

    def _counting_fields(self) -> None:
        self.scan = HintedField()
        self.scan.setObjectName("stocktakeScan")
        self.scan.setPlaceholderText(self.tr("Scan, or type a name and Enter"))
        self.scan.returnPressed.connect(self._on_scan_entered)
        self.picker = QComboBox()
        self.picker.setObjectName("stocktakeProduct")
        self.picker.activated.connect(self._on_product_picked)
        # Not as wide as the longest name: the scan field comes first on a 1024 px screen.
        self.picker.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.picker.setMinimumContentsLength(12)
        self.quantity = QSpinBox()
        self.quantity.setObjectName("stocktakeQuantity")
        self.quantity.setRange(-MOST_QUANTITY, MOST_QUANTITY)  # counts add: −3 takes 3 back
        self.quantity.setToolTip(self.tr("Counts add up: a negative number takes back a miscount."))
        self.quantity.setMinimumWidth(120)
        self.quantity.lineEdit().returnPressed.connect(self.count_entered)
        self.record = button(self.tr("Count"), "recordCount")
        self.record.clicked.connect(self.count_entered)
        self.counting = QWidget()
        row = QHBoxLayout(self.counting)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.scan, 2)
        row.addWidget(self.picker, 2)
        row.addWidget(QLabel(self.tr("Quantity")))
        row.addWidget(self.quantity)
        row.addWidget(self.record)

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Stocktake")))
        top.addWidget(self.chosen)
        top.addStretch()
        top.addWidget(self.start)
        top.addWidget(self.post)
        shown = QHBoxLayout()
        shown.addWidget(self.summary, 1)
        shown.addWidget(self.show_only)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addLayout(top)
        layout.addWidget(self.counting)
        layout.addWidget(self.waiting)
        layout.addWidget(self.message)
        layout.addWidget(self.recent_line)
        layout.addLayout(shown)
        layout.addWidget(self.table, 1)

    # Reading

    def refresh(self) -> None:
        """The stocktakes, the products, and the chosen one's sheet, on the task runner."""
        self._asked += 1
        asked, takes, catalog = self._asked, self._ctx.backend.stocktakes, self._ctx.backend.catalog
        wanted = self.chosen.currentData()

        def read() -> Read:
            found = takes.stocktakes()
            ids = [t.id for t in found]
            open_one = next((t.id for t in found if t.posted_at is None), None)
            chosen = wanted if wanted in ids else open_one or (ids[0] if ids else None)
            sheet = takes.sheet(chosen) if chosen else []
            return asked, found, catalog.products(), chosen, sheet

        self._ctx.runner.run(read, self._on_read)

    def _on_read(self, read: Read) -> None:
        asked, takes, products, chosen, sheet = read
        if asked != self._asked:
            return
        self.takes, self.products, self.lines = takes, products, sheet
        self.chosen.blockSignals(True)
        self.chosen.clear()
        for take in takes:
            self.chosen.addItem(self._take_label(take), take.id)
        self.chosen.setCurrentIndex(max(0, self.chosen.findData(chosen)))
        self.chosen.blockSignals(False)
        self._fill_picker()
        self._show_sheet()
        shown = self.current()  # one category counted: its name on every row says nothing
        self.table.setColumnHidden(0, shown is not None and len(shown.categories) == 1)
        self._update()

    def _take_label(self, take: StocktakeView) -> str:
        scope = "、".join(take.categories) if take.categories else self.tr("Whole store")
        if take.posted_at is None:
            state = self.tr("counting")
        else:
            state = self.tr("posted {at}").format(at=take.posted_at.strftime("%Y-%m-%d %H:%M"))
        return f"{take.number} · {scope} · {state}"

    def _fill_picker(self) -> None:
        take = self.current()
        categories = set(take.categories) if take and take.categories else None
        picked = self.picker.currentData()
        self.picker.blockSignals(True)
        self.picker.clear()
        self.picker.addItem(self.tr("Pick a product"), None)
        for product in self.products:
            if categories is None or product.category in categories:
                self.picker.addItem(product_label(product), product.id)
        self.picker.setCurrentIndex(max(0, self.picker.findData(picked)))
        self.picker.blockSignals(False)

    def current(self) -> StocktakeView | None:
        chosen = self.chosen.currentData()
        return next((t for t in self.takes if t.id == chosen), None)

    def counting_open(self) -> bool:
        take = self.current()
        return take is not None and take.posted_at is None

    def fit_to_role(self, manager: bool) -> None:
        """The front desk counts: no starting or posting, no values at cost."""
        self.manager = manager
        self.start.setVisible(manager)
        self.post.setVisible(manager)
        self.table.setColumnHidden(SheetModel.VALUE, not manager)
        self._show_sheet()
        self._update()

    def _update(self) -> None:
        open_one = next((t for t in self.takes if t.posted_at is None), None)
        self.counting.setVisible(self.counting_open())
        self.waiting.setVisible(not self.manager and open_one is None)
        self.start.setEnabled(open_one is None and self.manager)
        self.post.setEnabled(self.counting_open() and self.manager)

    def _show_sheet(self) -> None:
        self.model.set_rows([line for line in self.lines if self._kept(line)])
        counted = [line for line in self.lines if line.counted is not None]
        loss = sum(line.value for line in counted if line.value < 0)
        gain = sum(line.value for line in counted if line.value > 0)
        if not self.manager:
            self.summary.setText(
                self.tr("{counted} of {all} products counted").format(
                    counted=len(counted), all=len(self.lines)
                )
            )
            return
        self.summary.setText(
            self.tr(
                "{counted} of {all} products counted; difference at cost {net} "
                "(loss {loss}, gain {gain})"
            ).format(
                counted=len(counted),
                all=len(self.lines),
                net=format_money(loss + gain),
                loss=format_money(-loss),
                gain=format_money(gain),
            )
        )

    def _kept(self, line: SheetLine) -> bool:
        key = self.show_only.currentData()
        if key == "counted":
            return line.counted is not None
        if key == "uncounted":
            return line.counted is None
        return key != "different" or line.difference != 0

    # Counting

    def _on_scan_entered(self) -> None:
        """A barcode or SKU picks its product; typed words pick the one product they name."""
        text = self.scan.text().strip()
        if not text:
            return
        choices = [self.picker.itemData(i) for i in range(1, self.picker.count())]
        allowed = [p for p in self.products if p.id in choices]
        found = [p for p in allowed if text in (p.barcode, p.sku)]
        found = found or [p for p in allowed if text.lower() in p.name.lower()]
        if len(found) != 1:
            self.message.show_error(
                self.tr("No product in this stocktake has the barcode or name {text}.").format(
                    text=text
                )
                if not found
                else self.tr("{count} products match {text}: pick one.").format(
                    count=len(found), text=text
                )
            )
            self.scan.selectAll()
            return
        self.choose(found[0])

    def _on_product_picked(self, _index: int) -> None:
        product = next((p for p in self.products if p.id == self.picker.currentData()), None)
        if product is not None:
            self.choose(product)

    def choose(self, product: ProductOffer) -> None:
        """The product to count: its unit on the quantity, the focus there to type it."""
        self.product = product
        self.message.hide()
        self.picker.setCurrentIndex(max(0, self.picker.findData(product.id)))
        self.quantity.setSuffix(" " + unit_name(product.unit))
        self.quantity.setValue(0)
        self.quantity.setFocus()
        self.quantity.selectAll()

    def count_entered(self) -> None:
        """The quantity typed is counted (on the runner); the scan field is ready for the next."""
        take, product = self.current(), self.product
        if take is None or take.posted_at is not None:
            return
        if product is None:
            self.message.show_error(self.tr("Scan or pick the product first."))
            self.scan.setFocus()
            return
        quantity, takes = self.quantity.value(), self._ctx.backend.stocktakes
        staff = self._ctx.staff.id if self._ctx.staff else ""
        self._ctx.runner.run(
            lambda: takes.count(take.id, product.id, quantity, staff),
            partial(self._on_counted, product, quantity),
            self._on_refused,
        )
        self.product = None
        self.picker.setCurrentIndex(0)
        self.quantity.setSuffix("")
        self.quantity.setValue(0)
        self.scan.clear()
        self.scan.setFocus()

    def _on_counted(self, product: ProductOffer, quantity: int, _row: object) -> None:
        counted = units_text(quantity, product.unit)
        self.message.show_info(
            self.tr("Counted {name}: {quantity}").format(name=product.name, quantity=counted)
        )
        self.recent = [f"{product.name} {counted}", *self.recent][:RECENT_SHOWN]
        self.recent_line.setText(
            self.tr("Counted here just now: {counts}").format(counts="；".join(self.recent))
        )
        self.recent_line.show()
        self._ctx.announce(Changes.of(CHANGE_STOCKTAKE) | Changes.of(QUEUED))

    def _on_refused(self, error: BaseException) -> None:
        self.message.show_error(self._ctx.message(error))

    def _on_row_double_clicked(self) -> None:
        picked = self.table.selectionModel().selectedRows()
        if not picked or not self.counting_open():
            return
        line = self.model.row_at(picked[0].row())
        product = next((p for p in self.products if p.id == line.product_id), None)
        if product is not None:
            self.choose(product)

    # Starting and posting

    def open_start(self) -> StartStocktakeDialog:
        categories = sorted({p.category for p in self.products})
        dialog = StartStocktakeDialog(self._ctx, categories, self)
        dialog.finished.connect(lambda _r: self._on_start_closed(dialog))
        self.start_dialog = dialog
        dialog.open()
        return dialog

    def _on_start_closed(self, dialog: StartStocktakeDialog) -> None:
        self.start_dialog = None
        started = dialog.saved
        if started is not None:
            self.chosen.addItem(started.number, started.id)
            self.chosen.setCurrentIndex(self.chosen.count() - 1)
            self.refresh()
            self.scan.setFocus()

    def confirm_post(self) -> QMessageBox | None:
        """Asks before posting (a window that does not block the loop; Yes posts)."""
        take = self.current()
        if take is None or take.posted_at is not None:
            return None
        staff = self._ctx.staff
        if staff is None or not staff.role.approves:
            self.message.show_error(self.tr("Only a manager or owner can post a stocktake."))
            return None
        counted = [line for line in self.lines if line.counted is not None]
        moved = [line for line in counted if line.difference]
        text = self.tr(
            "Post stocktake {number}? {moved} of the {counted} products counted change stock, "
            "by {value} at cost. Products not counted are left as they are. This cannot be "
            "undone."
        ).format(
            number=take.number, moved=len(moved), counted=len(counted),
            value=format_money(sum(line.value for line in counted)),
        )  # fmt: skip
        yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
        box = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Post stocktake"), text, yes | no, self
        )
        box.setObjectName("postStocktakeConfirm")
        box.setDefaultButton(no)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.button(yes).clicked.connect(partial(self.post_now, take))
        self.confirm = box
        box.open()
        return box

    def post_now(self, take: StocktakeView, _checked: bool = False) -> None:
        takes, staff = self._ctx.backend.stocktakes, self._ctx.staff.id if self._ctx.staff else ""
        self.post.setEnabled(False)
        self._ctx.runner.run(
            lambda: takes.post(take.id, staff), partial(self._on_posted, take),
            self._on_refused,
        )  # fmt: skip

    def _on_posted(self, take: StocktakeView, _lines: object) -> None:
        self.recent = []
        self.recent_line.hide()
        self.message.show_info(self.tr("Stocktake {number} is posted.").format(number=take.number))
        self._ctx.announce(Changes.of(CHANGE_STOCKTAKE, take.id) | Changes.of(
            CHANGE_STOCK_MOVEMENT, take.id) | Changes.of(QUEUED))  # fmt: skip
        self.posted.emit(take.id)
