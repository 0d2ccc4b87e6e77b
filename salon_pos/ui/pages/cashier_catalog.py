"""The cashier's catalog: categories down the side, big buttons for services and products, and a
search box that filters by name or pinyin initials. Tapping a button puts the item on the ticket."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from salon_pos.domain.money import format_money
from salon_pos.domain.search_keys import name_search_keys, search_text
from salon_pos.domain.ticket import LineKind
from salon_pos.services.catalog import CatalogService, ProductOffer, ServiceOffer
from salon_pos.ui.tasks import TaskRunner
from salon_pos.ui.widgets import HintedField

Offer = ServiceOffer | ProductOffer
TILE_HEIGHT = 86
TILE_WIDTH = 104
TILE_MIN_WIDTH = 80
SPACING = 8
PRICE_COLOUR = QColor("#b24a7a")
MOST_SHOWN = 90  # a grid of thousands of buttons is slow to build and useless to scan by eye


@dataclass
class CatalogEntry:
    offer: Offer
    _keys: set[str] | None = None

    def matches(self, needle: str) -> bool:
        """Name contains the text, or a pinyin key starts with it (keys built on first use:
        pypinyin is slow to import, and most searches never need it)."""
        if needle in search_text(self.offer.name):
            return True
        if not needle.isascii():
            return False
        return any(key.startswith(needle) for key in self.keys())

    def keys(self) -> set[str]:
        if self._keys is None:
            self._keys = name_search_keys(self.offer.name)
        return self._keys


def warm_up(entries: list[CatalogEntry]) -> None:
    """Import pypinyin (~350 ms) and build every item's keys in the background, so the first
    letter typed in the search box does not wait for them."""
    for entry in entries:
        entry.keys()


class ItemButton(QPushButton):
    """A tile with the item's name (up to two lines) over its price. Painted, not built of
    labels: a grid of a hundred tiles rebuilds on every key typed in the search box."""

    def __init__(self, offer: Offer) -> None:
        super().__init__()
        self.offer = offer
        self.setObjectName(f"item_{offer.id}")
        self.setProperty("role", "catalogItem")
        self.setProperty("kind", offer.kind.value)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMinimumHeight(TILE_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setToolTip(f"{offer.name}  {format_money(offer.price)}")
        self.setAccessibleName(offer.name)

    def sizeHint(self) -> QSize:
        return QSize(120, TILE_HEIGHT)

    def minimumSizeHint(self) -> QSize:
        # Narrower than the hint, so three columns fit beside the ticket at 1280 px
        return QSize(TILE_MIN_WIDTH, TILE_HEIGHT)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)  # the styled tile
        painter = QPainter(self)
        area = self.rect().adjusted(10, 8, -10, -6)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        painter.setPen(self.palette().color(QPalette.ColorRole.ButtonText))
        painter.drawText(area.adjusted(0, 0, 0, -20), int(flags), self.offer.name)
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(PRICE_COLOUR)
        bottom = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom
        painter.drawText(area, int(bottom), format_money(self.offer.price))
        painter.end()


class TileGrid(QWidget):
    """Tiles in as many columns as the scroll area's width holds (at least one), flowed again
    when it is resized: at 1024 × 768 two columns fit beside the ticket, at 1280 three."""

    def __init__(self, scroll: QScrollArea) -> None:
        super().__init__()
        self.setObjectName("catalogGrid")
        self.grid = QGridLayout(self)
        self.grid.setSpacing(SPACING)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.tiles: list[QWidget] = []
        self.columns = 0
        self._viewport = scroll.viewport()
        self._viewport.installEventFilter(self)
        scroll.setWidget(self)

    def set_tiles(self, tiles: list[QWidget]) -> None:
        for old in self.tiles:
            old.hide()
            old.deleteLater()
        self.tiles = tiles
        self._place(self.columns_for(self._viewport.width()))

    def columns_for(self, width: int) -> int:
        """Tiles of about TILE_WIDTH; narrower ones (down to TILE_MIN_WIDTH) rather than one
        lonely column on a small screen."""
        margins = self.grid.contentsMargins()
        usable = width - margins.left() - margins.right() + SPACING
        comfortable = usable // (TILE_WIDTH + SPACING)
        squeezed = usable // (TILE_MIN_WIDTH + SPACING)
        return max(1, comfortable, min(2, squeezed))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            columns = self.columns_for(self._viewport.width())
            if columns != self.columns:
                self._place(columns)
        return False

    def _place(self, columns: int) -> None:
        for tile in self.tiles:
            self.grid.removeWidget(tile)
        for column in range(max(columns, self.grid.columnCount())):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)
        for index, tile in enumerate(self.tiles):
            self.grid.addWidget(tile, index // columns, index % columns)
        self.columns = columns


class CatalogPanel(QWidget):
    chosen = Signal(object, str)  # LineKind, item id

    def __init__(
        self,
        catalog: CatalogService,
        runner: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._runner = runner
        self._entries: list[CatalogEntry] = []
        self.search = HintedField()
        self.search.setObjectName("catalogSearch")
        self.search.setPlaceholderText(self.tr("Search items (name or pinyin)  F7"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._show_items)
        self.categories = QListWidget()
        self.categories.setObjectName("catalogCategories")
        self.categories.setFixedWidth(136)
        self.categories.setWordWrap(True)
        self.categories.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.categories.currentRowChanged.connect(self._show_items)
        scroll = QScrollArea()
        scroll.setObjectName("catalogScroll")
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tiles = TileGrid(scroll)
        self.more = QLabel()
        self.more.setObjectName("catalogMore")
        body = QHBoxLayout()
        body.addWidget(self.categories)
        body.addWidget(scroll, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addLayout(body, 1)
        layout.addWidget(self.more)
        self.reload()

    def reload(self) -> None:
        offers: list[Offer] = [*self._catalog.services(), *self._catalog.products()]
        self._entries = [CatalogEntry(offer) for offer in offers]
        if self._runner is not None:
            self._runner.run(partial(warm_up, self._entries), device=True)
        names = list(dict.fromkeys(offer.category for offer in offers))
        self.categories.blockSignals(True)
        self.categories.clear()
        self.categories.addItem(self.tr("All"))
        self.categories.addItems(names)
        self.categories.setCurrentRow(1 if names else 0)
        self.categories.blockSignals(False)
        self._show_items()

    def offer(self, kind: LineKind, item_id: str) -> Offer | None:
        return next(
            (e.offer for e in self._entries if e.offer.kind is kind and e.offer.id == item_id),
            None,
        )

    def offers(self) -> list[Offer]:
        return [entry.offer for entry in self._entries]

    def shown(self) -> list[Offer]:
        needle = search_text(self.search.text())
        row = self.categories.currentRow()
        category = self.categories.item(row).text() if row > 0 else None
        found = [
            e.offer
            for e in self._entries
            if (needle and e.matches(needle))
            or (not needle and (category is None or e.offer.category == category))
        ]
        return found

    def _show_items(self) -> None:
        shown = self.shown()
        buttons: list[QWidget] = []
        for offer in shown[:MOST_SHOWN]:
            button = ItemButton(offer)
            button.clicked.connect(lambda _=False, o=offer: self.chosen.emit(o.kind, o.id))
            buttons.append(button)
        self.tiles.set_tiles(buttons)
        hidden = len(shown) - MOST_SHOWN
        self.more.setText(
            self.tr("{count} more: type to narrow the search").format(count=hidden)
            if hidden > 0
            else ""
        )
        self.more.setVisible(hidden > 0)
