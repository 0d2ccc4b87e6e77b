"""How the calendar paints a booking: colours by status, a bar on the left, the title and the
time, a red outline on a double booking and a folded corner on one asked for by name (点钟).
The legend's swatches are painted by the same function, so they always match."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen, QPixmap, QPolygonF

OFF_SHIFT = QColor("#eceff1")
ON_SHIFT = QColor("#ffffff")
HOUR_LINE = QColor("#cfd8dc")
HALF_HOUR_LINE = QColor("#eceff1")
COLUMN_LINE = QColor("#b0bec5")
NOW_LINE = QColor("#e53935")
CLASH = QColor("#e53935")
TEXT = QColor("#263238")
FADED_TEXT = QColor("#78909c")


@dataclass(frozen=True)
class StatusLook:
    fill: QColor
    bar: QColor
    dashed: bool = False
    faded: bool = False  # closed: grey text
    struck: bool = False  # cancelled: the title struck through


LOOKS = {
    "requested": StatusLook(QColor("#f3e5f5"), QColor("#8e24aa"), dashed=True),
    "booked": StatusLook(QColor("#e3f2fd"), QColor("#1e88e5")),
    "arrived": StatusLook(QColor("#fff3e0"), QColor("#fb8c00")),
    "in_service": StatusLook(QColor("#e8f5e9"), QColor("#43a047")),
    "completed": StatusLook(QColor("#eceff1"), QColor("#90a4ae"), faded=True),
    "cancelled": StatusLook(QColor("#fafafa"), QColor("#bdbdbd"), True, True, True),
    "no_show": StatusLook(QColor("#efebe9"), QColor("#8d6e63"), faded=True),
}


def look(status: str) -> StatusLook:
    return LOOKS.get(status, LOOKS["booked"])


@dataclass(frozen=True)
class Fonts:
    title: QFont
    detail: QFont
    title_metrics: QFontMetrics
    detail_metrics: QFontMetrics

    @classmethod
    def of(cls, base: QFont) -> Fonts:
        title, detail = QFont(base), QFont(base)
        title.setBold(True)
        detail.setPointSizeF(max(base.pointSizeF() - 1, 7))
        return cls(title, detail, QFontMetrics(title), QFontMetrics(detail))


def paint_box(
    painter: QPainter,
    rect: QRectF,
    status: str,
    *,
    clash: bool = False,
    requested: bool = False,
    ghost: bool = False,
    dropped: bool = False,
) -> None:
    """The booking's box without its text: fill, status bar, outline, 点钟 corner. A ghost
    is where a dragged booking was (faded); dropped is where it goes (a dark dashed outline)."""
    style = look(status)
    painter.setOpacity(0.55 if ghost else 1.0)
    painter.fillRect(rect, style.fill)
    painter.fillRect(
        QRectF(rect.left(), rect.top(), min(4.0, rect.width()), rect.height()), style.bar
    )
    pen = QPen(TEXT if dropped else CLASH if clash else style.bar, 2 if clash or dropped else 1)
    if style.dashed or ghost or dropped:
        pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    inset = 1.0 if clash or dropped else 0.5
    painter.drawRect(rect.adjusted(inset, inset, -inset, -inset))
    if requested and rect.width() > 12 and rect.height() > 8:
        corner = min(9.0, rect.height() / 2)
        right, top = rect.right(), rect.top()
        painter.setBrush(style.bar)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawPolygon(
            QPolygonF(
                [QPointF(right - corner, top), QPointF(right, top), QPointF(right, top + corner)]
            )
        )
    painter.setOpacity(1.0)


LINE = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextSingleLine)


def _line_height(painter: QPainter, font: QFont) -> float:
    """A line of Chinese in `font`, as laid out (the fallback font's height counts)."""
    painter.save()
    painter.setFont(font)
    height = painter.boundingRect(QRectF(0, 0, 400, 100), LINE, "国Ag").height()
    painter.restore()
    return max(height, QFontMetrics(font).height()) + 1  # a pixel between lines


def paint_item_text(
    painter: QPainter, rect: QRectF, fonts: Fonts, status: str, texts: tuple[str, str, str]
) -> None:
    """Title, time and detail, a line each as the box's height allows (title and time on one
    line in a short box), each elided to the box's width."""
    style = look(status)
    inner = rect.adjusted(6, 1, -3, -1)
    if inner.width() < 8 or inner.height() < 6:
        return
    title, when, detail = texts
    title_height = _line_height(painter, fonts.title)
    detail_height = _line_height(painter, fonts.detail)
    rows = 1 + max(int((inner.height() - title_height) // detail_height), 0)
    if rows == 1:
        lines = [(f"{title} {when}", True)]
    elif rows == 2:
        lines = [(title, True), (f"{when} {detail}".strip(), False)]
    else:
        lines = [(title, True), (when, False), (detail, False)]
    title_font = QFont(fonts.title)
    title_font.setStrikeOut(style.struck)
    painter.save()
    painter.setClipRect(inner, Qt.ClipOperation.IntersectClip)
    painter.setPen(FADED_TEXT if style.faded else TEXT)
    width = int(inner.width())
    y = inner.top()
    for text, bold in lines:
        painter.setFont(title_font if bold else fonts.detail)
        metrics = fonts.title_metrics if bold else fonts.detail_metrics
        elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
        # Laid out in a box, not on a baseline: a Chinese name comes from a fallback font
        # taller than the Latin one the metrics describe, and the layout makes room for it.
        line = QRectF(inner.left(), y, width, inner.bottom() - y)
        used = painter.boundingRect(line, LINE, elided)
        painter.drawText(line, LINE, elided)
        y += max(used.height(), title_height if bold else detail_height)
    painter.restore()


def time_range(start: datetime, end: datetime) -> str:
    return f"{start:%H:%M}–{end:%H:%M}"


def swatch(status: str, *, clash: bool = False, requested: bool = False, size: int = 14) -> QPixmap:
    """A legend's sample of a booking box (or of off-shift time: status "")."""
    pixmap = QPixmap(size + 8, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    rect = QRectF(0, 0, size + 8, size)
    if status:
        paint_box(painter, rect, status, clash=clash, requested=requested)
    else:
        painter.fillRect(rect, OFF_SHIFT)
        painter.setPen(COLUMN_LINE)
        painter.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5))
    painter.end()
    return pixmap
