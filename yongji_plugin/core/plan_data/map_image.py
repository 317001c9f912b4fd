"""Map images at a round scale, with a scale bar and a north arrow, drawn in any thread.

Reports need hundreds of small maps from a background task or a Processing algorithm, where
print layouts cannot run; a map renderer job painting onto a ``QImage`` can. The scale is chosen
from what must fit and rounded to a denominator a reader recognises (1:2 000, 1:2 500, 1:5 000 …);
the scale bar shows round lengths in m or km; the image carries its resolution so the report can
print it at exactly that scale.
"""

import math
from dataclasses import dataclass

from qgis.core import (
    QgsMapRendererCustomPainterJob,
    QgsMapSettings,
    QgsPointXY,
    QgsRectangle,
    QgsRenderContext,
)
from qgis.PyQt.QtCore import QPointF, QRectF, QSize, Qt
from qgis.PyQt.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPen
from qgis.PyQt.QtSvg import QSvgRenderer

from ...i18n import tr
from ...paths import icon_path
from ..shared.cancel import stopping
from ..shared.fonts import cjk_family

MM_PER_INCH = 25.4
SCALE_STEPS = (1.0, 2.0, 2.5, 5.0)  # 1:1 000, 1:2 000, 1:2 500, 1:5 000, 1:10 000 …
BAR_STEPS = (1.0, 2.0, 5.0)  # scale-bar lengths 100 m, 200 m, 500 m, 1 km …


def nice_number(value: float, steps=SCALE_STEPS) -> float:
    """The smallest step × 10^k that is at least ``value``."""
    if value <= 0:
        return steps[0]
    power = 10.0 ** math.floor(math.log10(value))
    for step in steps + (10.0,):
        if step * power >= value * (1 - 1e-12):
            return step * power
    return 10.0 * power


def round_scale(width_m: float, height_m: float, frame_mm, fill: float = 0.7) -> int:
    """A round denominator at which ``width_m`` × ``height_m`` fills at most ``fill`` of the frame."""
    need = max(width_m / (frame_mm[0] * fill / 1000.0), height_m / (frame_mm[1] * fill / 1000.0), 1.0)
    return int(round(nice_number(need)))


def bar_length(scale: float, max_mm: float) -> float:
    """The longest round length (1, 2, 5 × 10^k m) that draws no longer than ``max_mm``."""
    limit = max_mm / 1000.0 * scale
    power = 10.0 ** math.floor(math.log10(limit))
    return max(step * power for step in BAR_STEPS if step * power <= limit * (1 + 1e-12))


def distance_text(metres: float, unit_km: bool) -> str:
    value = metres / 1000.0 if unit_km else metres
    return f"{value:g}"


def scale_text(scale: float) -> str:
    """1:5000 → "1:5 000" (thin groups, as map sheets print it)."""
    return "1:" + f"{int(round(scale)):,}".replace(",", " ")


@dataclass(frozen=True)
class MapFrame:
    width_mm: float
    height_mm: float
    dpi: int = 150

    @property
    def size(self) -> QSize:
        return QSize(
            int(round(self.width_mm / MM_PER_INCH * self.dpi)), int(round(self.height_mm / MM_PER_INCH * self.dpi))
        )

    def pixels(self, mm: float) -> float:
        return mm / MM_PER_INCH * self.dpi


def map_settings(layers, crs, center: QgsPointXY, scale: float, frame: MapFrame) -> QgsMapSettings:
    """Settings whose extent is the frame at ``scale`` around ``center`` (map units: metres)."""
    width = frame.width_mm / 1000.0 * scale
    height = frame.height_mm / 1000.0 * scale
    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(crs)
    settings.setOutputSize(frame.size)
    settings.setOutputDpi(frame.dpi)
    settings.setExtent(
        QgsRectangle(center.x() - width / 2, center.y() - height / 2, center.x() + width / 2, center.y() + height / 2)
    )
    settings.setBackgroundColor(QColor("white"))
    settings.setFlag(QgsMapSettings.Flag.Antialiasing, True)
    return settings


def new_image(frame: MapFrame) -> QImage:
    image = QImage(frame.size, QImage.Format.Format_ARGB32_Premultiplied)
    dots = int(round(frame.dpi / MM_PER_INCH * 1000))
    image.setDotsPerMeterX(dots)
    image.setDotsPerMeterY(dots)
    image.fill(QColor("white"))
    return image


def render_onto(image: QImage, settings: QgsMapSettings) -> QImage:
    """Draw the layers of ``settings`` onto ``image`` (safe outside the GUI thread).

    A cancel of the run (``core.shared.cancel.watching``) stops the render where it is — a map of
    a large layer takes seconds in one C++ call — and raises Canceled: a map cut short is no map.
    """
    painter = QPainter(image)
    job = QgsMapRendererCustomPainterJob(settings, painter)
    try:
        with stopping(job.cancelWithoutBlocking):
            job.renderSynchronously()
    finally:
        painter.end()
    return image


def render_extent(layers, crs, extent: QgsRectangle, size) -> tuple[QImage, QgsMapSettings]:
    """``layers`` (top first) drawn in ``crs`` over ``extent`` onto a white image of ``size``
    (width, height) pixels, and the settings used (their map units per pixel size a scale bar)."""
    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(crs)
    settings.setOutputSize(QSize(*size))
    settings.setExtent(extent)
    settings.setBackgroundColor(QColor("white"))
    image = QImage(settings.outputSize(), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    return render_onto(image, settings), settings


def _font(frame: MapFrame, points: float, bold: bool = False) -> QFont:
    font = QFont(cjk_family())
    font.setPixelSize(max(6, int(round(frame.pixels(points * MM_PER_INCH / 72.0)))))
    font.setBold(bold)
    return font


def decorate(image: QImage, frame: MapFrame, scale: float, north: bool = True) -> QImage:
    """Scale bar (bottom left, round length in m or km, with the scale below), north arrow
    (top right) and a neat line, as on a printed map sheet."""
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    _scale_bar(painter, frame, scale)
    if north:
        _north_arrow(painter, frame)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(QColor("black"), max(1.0, frame.pixels(0.3))))
    painter.drawRect(QRectF(0.5, 0.5, image.width() - 1.0, image.height() - 1.0))
    painter.end()
    return image


def unit_suffix(unit_km: bool) -> str:
    """The scale bar's unit as the map sheets write it: 千米 / 米 in Chinese (the report maps said
    "km" where the sheets say 千米), km / m in English."""
    return " " + (tr("km") if unit_km else tr("m"))


def _scale_bar(painter: QPainter, frame: MapFrame, scale: float) -> None:
    length = bar_length(scale, frame.width_mm * 0.3)
    unit_km = length >= 1000.0
    bar_px = frame.pixels(length / scale * 1000.0)
    margin, height = frame.pixels(4), frame.pixels(1.6)
    font = _font(frame, 7)
    painter.setFont(font)
    metrics = painter.fontMetrics()
    text_h = metrics.height()
    end_label = distance_text(length, unit_km) + unit_suffix(unit_km)
    tail = metrics.boundingRect(end_label).width() - metrics.boundingRect(distance_text(length, unit_km)).width() / 2
    box = QRectF(
        margin - frame.pixels(2),
        frame.size.height() - margin - height - 2.2 * text_h - frame.pixels(2),
        bar_px + tail + frame.pixels(4),
        height + 2.2 * text_h + frame.pixels(3),
    )
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(QColor(255, 255, 255, 220)))
    painter.drawRect(box)
    top = box.top() + text_h + frame.pixels(1)
    painter.setPen(QPen(QColor("black"), max(1.0, frame.pixels(0.2))))
    segments = 4
    for i in range(segments):
        painter.setBrush(QBrush(QColor("black") if i % 2 == 0 else QColor("white")))
        painter.drawRect(QRectF(margin + i * bar_px / segments, top, bar_px / segments, height))
    for value in (0.0, length / 2, length):
        x = margin + bar_px * value / length
        text = distance_text(value, unit_km) + unit_suffix(unit_km) * (value == length)
        width = painter.fontMetrics().boundingRect(text).width()
        left = (
            x - width / 2
            if value < length
            else x - painter.fontMetrics().boundingRect(distance_text(value, unit_km)).width() / 2
        )
        painter.drawText(QPointF(left, top - frame.pixels(0.8)), text)
    painter.drawText(QPointF(margin, top + height + text_h), scale_text(scale))


def _north_arrow(painter: QPainter, frame: MapFrame) -> None:
    renderer = QSvgRenderer(str(icon_path("north")))
    height = frame.pixels(min(14.0, frame.height_mm * 0.18))
    width = height * 2 / 3
    margin = frame.pixels(3)
    rect = QRectF(frame.size.width() - margin - width, margin, width, height)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(QColor(255, 255, 255, 200)))
    painter.drawRect(rect.adjusted(-frame.pixels(1), -frame.pixels(1), frame.pixels(1), frame.pixels(1)))
    renderer.render(painter, rect)


def swatch(symbol, frame: MapFrame, width_mm: float = 8.0, height_mm: float = 5.0, opacity: float = 1.0) -> QImage:
    """A legend patch of ``symbol`` as an image (thread-safe: no QPixmap)."""
    size = QSize(int(round(frame.pixels(width_mm))), int(round(frame.pixels(height_mm))))
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setOpacity(opacity)
    context = QgsRenderContext.fromQPainter(painter)
    context.setScaleFactor(frame.dpi / MM_PER_INCH)
    symbol.drawPreviewIcon(painter, size, context)
    painter.end()
    return image


def legend_rows(layer) -> list[tuple[object, str]]:
    """(symbol, label) of each class a styled layer draws, in legend order; a single symbol is
    labelled with the layer's name."""
    renderer = layer.renderer()
    items = [(item.symbol().clone(), item.label()) for item in renderer.legendSymbolItems() if item.symbol()]
    if len(items) == 1:
        return [(items[0][0], layer.name())]
    return items


def draw_legend(image: QImage, frame: MapFrame, rows: list[tuple[object, str]], title: str) -> QImage:
    """A legend box painted in the map's top left corner: ``title``, then a swatch and the label of
    each (symbol, label) row, so a map read on its own says what each colour is."""
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setFont(_font(frame, 7))
    metrics = painter.fontMetrics()
    line, gap = metrics.height() * 1.25, frame.pixels(1.5)
    patch = (frame.pixels(6.0), metrics.height() * 0.8)
    width = max([metrics.boundingRect(text).width() for _, text in rows] + [metrics.boundingRect(title).width()])
    box = QRectF(gap, gap, patch[0] + width + 3 * gap, line * (len(rows) + 1) + gap)
    painter.setPen(QPen(QColor("#666666"), max(1.0, frame.pixels(0.15))))
    painter.setBrush(QBrush(QColor(255, 255, 255, 230)))
    painter.drawRect(box)
    painter.setPen(QPen(QColor("black")))
    painter.drawText(QPointF(box.left() + gap, box.top() + metrics.ascent() + gap / 2), title)
    for number, (symbol, text) in enumerate(rows, start=1):
        top = box.top() + gap / 2 + line * number
        icon = swatch(symbol, frame, patch[0] / frame.pixels(1), patch[1] / frame.pixels(1))
        painter.drawImage(QPointF(box.left() + gap, top), icon)
        painter.drawText(QPointF(box.left() + 2 * gap + patch[0], top + metrics.ascent() * 0.85), text)
    painter.end()
    return image
