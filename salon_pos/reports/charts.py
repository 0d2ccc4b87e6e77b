"""A report's chart as a reportlab.graphics drawing: bars by label, or a line over days."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from salon_pos.reports.fonts import printable
from salon_pos.reports.model import CellKind, Chart, ChartKind

HEIGHT = 190.0
MAX_BARS = 20  # more labels than this are unreadable on A4: the first 20 (reports sort them)
MAX_LABELS = 16  # a line over a month: every other day's label


def _scaled(chart: Chart) -> tuple[list[float], str]:
    """The values as the axis shows them: yuan for money (whole numbers on the axis)."""
    values = [value for _, value in chart.points]
    if chart.value_kind is CellKind.MONEY:
        return [v / 100 for v in values], "%d"
    return [float(v) for v in values], "%d"


def _short(label: str, most: int = 6) -> str:
    label = printable(label)
    return label if len(label) <= most else label[: most - 1] + "…"


def chart_drawing(chart: Chart, width: float, font: str) -> Drawing:
    points = chart.points[:MAX_BARS] if chart.kind is ChartKind.BAR else chart.points
    shown = Chart(chart.kind, chart.series, tuple(points), chart.value_kind)
    values, label_format = _scaled(shown)
    drawing = Drawing(width, HEIGHT)
    plot: VerticalBarChart | HorizontalLineChart
    plot = VerticalBarChart() if chart.kind is ChartKind.BAR else HorizontalLineChart()
    plot.x, plot.y = 45, 45
    plot.width, plot.height = width - 60, HEIGHT - 70
    plot.data = [values]
    labels = [label for label, _ in points]
    step = max(1, -(-len(labels) // MAX_LABELS))
    plot.categoryAxis.categoryNames = [
        _short(label) if i % step == 0 else "" for i, label in enumerate(labels)
    ]
    plot.categoryAxis.labels.fontName = font
    plot.categoryAxis.labels.fontSize = 7
    plot.categoryAxis.labels.angle = 30 if len(labels) > 8 else 0
    plot.categoryAxis.labels.boxAnchor = "ne" if len(labels) > 8 else "n"
    plot.valueAxis.labels.fontName = font
    plot.valueAxis.labels.fontSize = 7
    plot.valueAxis.labelTextFormat = label_format
    plot.valueAxis.valueMin = min(0.0, *values) if values else 0.0
    if values and max(values) <= 0:
        plot.valueAxis.valueMax = 1.0
    colour = colors.HexColor("#ad1457")
    if isinstance(plot, VerticalBarChart):
        plot.bars[0].fillColor = colour
        plot.bars[0].strokeColor = None
    else:
        plot.lines[0].strokeColor = colour
        plot.lines[0].strokeWidth = 1.5
    drawing.add(plot)
    drawing.add(String(45, HEIGHT - 12, printable(chart.series), fontName=font, fontSize=8))
    return drawing
