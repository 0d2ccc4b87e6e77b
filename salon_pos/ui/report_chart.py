"""A report's chart on screen with QtCharts: bars by category or technician, a line by day.
Money is drawn in yuan."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from salon_pos.reports.model import CellKind, Chart, ChartKind

ROSE = QColor("#ad1457")
MAX_BARS = 12
MAX_LABEL = 6  # characters of a bar's label before it is cut with …


def _value(chart: Chart, value: int) -> float:
    return value / 100 if chart.value_kind is CellKind.MONEY else float(value)


def _labels(texts: list[str]) -> list[str]:
    """Short labels, each unique (a category axis drops a repeated one): a repeat gets
    zero-width spaces, which show as nothing."""
    made: list[str] = []
    for text in texts:
        label = text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"
        while label in made:
            label += "\u200b"
        made.append(label)
    return made


class ReportChartView(QChartView):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("reportChart")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(180)
        self.show_chart(None)

    def show_chart(self, chart: Chart | None) -> None:
        made = QChart()
        made.legend().hide()
        made.setMargins(QMargins(4, 4, 4, 4))
        made.setBackgroundRoundness(0)
        if chart is not None and chart.points:
            if chart.kind is ChartKind.LINE:
                self._line(made, chart)
            else:
                self._bars(made, chart)
            made.setTitle(chart.series)
        self.setChart(made)

    def _axis(self, made: QChart, chart: Chart, labels: list[str]) -> QValueAxis:
        categories = QBarCategoryAxis()
        categories.append(labels)
        made.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        values = QValueAxis()
        values.setLabelFormat("%d")
        shown = [_value(chart, v) for _, v in chart.points]
        values.setRange(min(0.0, *shown), max(1.0, *shown))
        values.applyNiceNumbers()
        made.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        return values

    def _bars(self, made: QChart, chart: Chart) -> None:
        points = chart.points[:MAX_BARS]
        bars = QBarSet(chart.series)
        bars.setColor(ROSE)
        bars.append([_value(chart, v) for _, v in points])
        series = QBarSeries()
        series.append(bars)
        made.addSeries(series)
        values = self._axis(made, Chart(chart.kind, chart.series, points, chart.value_kind),
                            _labels([label for label, _ in points]))  # fmt: skip
        series.attachAxis(made.axes(Qt.Orientation.Horizontal)[0])
        series.attachAxis(values)

    def _line(self, made: QChart, chart: Chart) -> None:
        series = QLineSeries()
        series.setPen(QPen(ROSE, 2))
        for i, (_, value) in enumerate(chart.points):
            series.append(i + 0.5, _value(chart, value))
        made.addSeries(series)
        step = max(1, -(-len(chart.points) // 10))
        labels = [label if i % step == 0 else " " * (i + 1) for i, (label, _) in
                  enumerate(chart.points)]  # fmt: skip
        values = self._axis(made, chart, labels)
        # A category axis places the line's points at the middle of each day's slot.
        hidden = QValueAxis()
        hidden.setRange(0, len(chart.points))
        hidden.setVisible(False)
        made.addAxis(hidden, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(hidden)
        series.attachAxis(values)
