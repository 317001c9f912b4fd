"""Bar charts of the indicators for reports and map sheets: matplotlib where QGIS ships it, Qt where not.

A chart is described once (:class:`BarChart`: horizontal bars, each with an optional reference
tick and a state that colours it) and drawn by one of two painters with the same look: matplotlib
(Agg, object API, so any thread may draw) when it can be imported — QGIS's Windows installers
ship it — else QGIS's own Qt painter. :func:`chart_painter` names the one in use, and the reports
say which drew their charts.
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from qgis.PyQt.QtCore import QPointF, QRectF, Qt
from qgis.PyQt.QtGui import QColor, QFont, QImage, QPainter, QPen

from ...i18n import tr
from ..plan_data.styles import colours
from ..shared import optional
from ..shared.errors import PlanError
from ..shared.fonts import cjk_family

OK, SHORT, NONE = "ok", "short", "none"
WARN = "warn"  # 黄色预警 (the monitoring's trend charts)
# matplotlib's names for the CJK families it may find (a .ttc is known by its first face)
MPL_FAMILIES = [
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "SimHei",
    "WenQuanYi Zen Hei",
    "Source Han Sans SC",
    "Noto Sans CJK SC",
    "Noto Sans CJK JP",
    "DejaVu Sans",
]
DPI = 150
LEGEND_MM = 8.0


@dataclass
class Bar:
    label: str
    value: float
    state: str = NONE  # OK, SHORT or NONE (nothing to judge against)
    reference: Optional[float] = None  # drawn as a tick across the bar (the target)
    text: str = ""  # written after the bar


@dataclass
class BarChart:
    title: str
    axis_label: str
    bars: list[Bar]
    reference_line: Optional[float] = None  # a vertical line across all bars (100 %)
    legend: list[tuple[str, str]] = field(default_factory=list)  # (state, label)

    def extent(self) -> float:
        numbers = [b.value for b in self.bars] + [b.reference for b in self.bars if b.reference is not None]
        if self.reference_line is not None:
            numbers.append(self.reference_line)
        return max([n for n in numbers if n is not None] + [1e-9]) * 1.18


def _text_x(chart: BarChart, bar: Bar) -> float:
    """Where a bar's text starts: past the bar, its tick and the reference line, so none covers it."""
    ends = [max(0.0, bar.value), bar.reference or 0.0]
    if chart.reference_line is not None and chart.reference_line <= bar.value * 1.15:
        ends.append(chart.reference_line)
    return max(ends)


def state_colours() -> dict:
    return dict(colours()["indicator_status"]["chart"])


def matplotlib_version() -> Optional[str]:
    """The matplotlib that would draw, or None when it cannot be imported."""
    return optional.version("matplotlib")


def chart_painter() -> str:
    """Which painter draws the charts here, in words for the reports."""
    version = matplotlib_version()
    if version:
        return tr("matplotlib {version}").format(version=version)
    return tr("QGIS's Qt painter (matplotlib is not installed)")


def draw_chart(chart: BarChart, path, width_mm: float = 160.0) -> Path:
    """A PNG of the chart at 150 dpi, ``width_mm`` wide; taller with more bars."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    height_mm = 22.0 + 7.5 * max(1, len(chart.bars)) + (LEGEND_MM if chart.legend else 0.0)
    if matplotlib_version():
        _draw_matplotlib(chart, path, width_mm, height_mm)
    else:
        _draw_qt(chart, path, width_mm, height_mm)
    return path


# --- matplotlib -----------------------------------------------------------------------------------


def _mpl_families() -> list[str]:
    """The CJK families matplotlib has here, best first (naming absent ones makes it warn per text)."""
    from matplotlib.font_manager import fontManager

    present = {font.name for font in fontManager.ttflist}
    return [name for name in MPL_FAMILIES if name in present] or ["sans-serif"]


def _draw_matplotlib(chart: BarChart, path: Path, width_mm: float, height_mm: float) -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties
    from matplotlib.patches import Patch

    families = _mpl_families()
    font = FontProperties(family=families, size=8)
    title_font = FontProperties(family=families, size=10, weight="bold")
    palette = state_colours()
    figure = Figure(figsize=(width_mm / 25.4, height_mm / 25.4), dpi=DPI)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    rows = list(range(len(chart.bars)))[::-1]  # first bar on top
    axes.barh(rows, [b.value for b in chart.bars], color=[palette[b.state] for b in chart.bars], height=0.62)
    for row, bar in zip(rows, chart.bars):
        if bar.reference is not None:
            axes.plot(
                [bar.reference, bar.reference], [row - 0.42, row + 0.42], color=palette["reference"], linewidth=1.6
            )
        if bar.text:
            axes.text(_text_x(chart, bar) + chart.extent() * 0.01, row, bar.text, va="center", fontproperties=font)
    if chart.reference_line is not None:
        axes.axvline(chart.reference_line, color=palette["reference"], linewidth=1.0, linestyle="--")
    axes.set_yticks(rows)
    axes.set_yticklabels([b.label for b in chart.bars], fontproperties=font)
    axes.set_xlim(0, chart.extent() * 1.25)
    axes.set_xlabel(chart.axis_label, fontproperties=font)
    for label in axes.get_xticklabels():
        label.set_fontproperties(font)
    axes.set_title(chart.title, fontproperties=title_font)
    axes.spines["top"].set_visible(False)
    axes.spines["right"].set_visible(False)
    if chart.legend:
        figure.legend(
            handles=[Patch(color=palette[state], label=label) for state, label in chart.legend],
            prop=font,
            loc="lower center",
            ncol=len(chart.legend),
            frameon=False,
        )
    figure.tight_layout(rect=(0, LEGEND_MM / height_mm if chart.legend else 0, 1, 1))
    figure.savefig(str(path), dpi=DPI, facecolor="white")


# --- Qt fallback ------------------------------------------------------------------------------------


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont(cjk_family())
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def _draw_qt(chart: BarChart, path: Path, width_mm: float, height_mm: float) -> None:
    px = DPI / 25.4
    width, height = int(width_mm * px), int(height_mm * px)
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.setDotsPerMeterX(int(DPI / 0.0254))
    image.setDotsPerMeterY(int(DPI / 0.0254))
    image.fill(QColor("white"))
    palette = {state: QColor(colour) for state, colour in state_colours().items()}
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(_font(10, True))
    painter.drawText(QRectF(0, 2 * px, width, 8 * px), Qt.AlignmentFlag.AlignHCenter, chart.title)
    painter.setFont(_font(8))
    metrics = painter.fontMetrics()
    left = max([metrics.horizontalAdvance(b.label) for b in chart.bars] + [0]) + 4 * px
    top, right = 12 * px, width - 6 * px
    row = 7.5 * px
    bottom = top + row * len(chart.bars)
    scale = (right - left) / (chart.extent() * 1.25)
    for number, bar in enumerate(chart.bars):
        y = top + number * row
        painter.setPen(QColor("#222222"))
        painter.drawText(
            QRectF(0, y, left - 2 * px, row), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, bar.label
        )
        painter.fillRect(QRectF(left, y + row * 0.19, max(0.0, bar.value) * scale, row * 0.62), palette[bar.state])
        if bar.reference is not None:
            painter.setPen(QPen(palette["reference"], 0.5 * px))
            x = left + bar.reference * scale
            painter.drawLine(QPointF(x, y + row * 0.08), QPointF(x, y + row * 0.92))
        if bar.text:
            painter.setPen(QColor("#222222"))
            painter.drawText(
                QRectF(left + _text_x(chart, bar) * scale + 1.5 * px, y, right, row),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                bar.text,
            )
    painter.setPen(QPen(QColor("#444444"), 0.25 * px))
    painter.drawLine(QPointF(left, top), QPointF(left, bottom))
    painter.drawLine(QPointF(left, bottom), QPointF(right, bottom))
    if chart.reference_line is not None:
        pen = QPen(palette["reference"], 0.3 * px)
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        x = left + chart.reference_line * scale
        painter.drawLine(QPointF(x, top), QPointF(x, bottom))
    painter.setPen(QColor("#222222"))
    painter.drawText(
        QRectF(left, bottom + 1 * px, right - left, 6 * px), Qt.AlignmentFlag.AlignHCenter, chart.axis_label
    )
    x = left
    for state, label in chart.legend:
        painter.fillRect(QRectF(x, bottom + 8 * px, 3 * px, 3 * px), palette[state])
        painter.drawText(QPointF(x + 4 * px, bottom + 10.8 * px), label)
        x += 8 * px + metrics.horizontalAdvance(label)
    painter.end()
    if not image.save(str(path), "PNG"):
        raise PlanError(tr("Chart {path} could not be written").format(path=path))
