"""The change map of one layer: what was gained, lost and re-attributed, over the later version.

Rendered with QGIS's map renderer into an image (safe outside the GUI thread, so a background
task draws it), with a scale bar and a north arrow painted on; the layer itself is drawn from a
styled copy, so the user's layers and styles are never touched. Every change also gets a ring
marker, so a 5-ha change still shows on a map of the whole city.
"""

import math
from pathlib import Path
from typing import Optional

from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsRectangle,
    QgsSingleSymbolRenderer,
    QgsSpatialIndex,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from qgis.PyQt.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPen, QPolygonF

from ..plan_data.catalogue import default_catalogue
from ..plan_data.map_image import (
    MapFrame,
    decorate,
    distance_text,
    map_settings,
    new_image,
    render_extent,
    render_onto,
    round_scale,
    unit_suffix,
)
from ..plan_data.styles import apply_style, label_settings, symbol_for
from .model import ADDED, ATTRIBUTES, BOTH, GEOMETRY, ONLY_NEW, ONLY_OLD, REMOVED, LayerComparison
from .result_styles import change_look, change_symbol

MAP_SIZE = (1200, 900)
MARGIN = 0.25  # of the changes' extent, each side
MIN_SPAN = 2000.0  # m: a map never narrower than this
BACKDROP_OPACITY = 0.45
CLUSTER_GAP = 300.0  # m: changes closer than this share a detail map
DETAIL_LIMIT = 12  # detail maps per layer, the largest clusters first
DETAIL_FRAME = MapFrame(640 / 96.0 * 25.4, 640 / 96.0 * 25.4 * 0.6, 150)  # printed 640 px wide in the report
WKB = {"polygon": "MultiPolygon", "line": "MultiLineString", "point": "MultiPoint"}


def has_map(comparison: LayerComparison) -> bool:
    """A layer gets a change map when features changed or it is in one version only."""
    return bool(comparison.changes) or comparison.status in (ONLY_OLD, ONLY_NEW)


def _memory(kind: str, crs, geometries: list[QgsGeometry], look: str) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{WKB[kind]}?crs={crs.authid()}", look, "memory")
    features = []
    for geometry in geometries:
        feature = QgsFeature()
        geometry = QgsGeometry(geometry)
        geometry.convertToMultiType()
        feature.setGeometry(geometry)
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    layer.setRenderer(QgsSingleSymbolRenderer(change_symbol(kind, look)))
    return layer


def styled_copy(layer: QgsVectorLayer, code: str, opacity: float = 1.0, labels: bool = False) -> QgsVectorLayer:
    """A copy of a plan layer in its catalogue style (memory layers copied with their features)."""
    if layer.providerType() == "memory":
        copy = layer.materialize(QgsFeatureRequest())
    else:
        copy = QgsVectorLayer(layer.source(), layer.name(), layer.providerType())
    catalogue = default_catalogue()
    apply_style(copy, catalogue.layer(code), catalogue, labels=labels)
    copy.setOpacity(opacity)
    return copy


def change_layers(comparison: LayerComparison, crs) -> list[QgsVectorLayer]:
    """The changes as memory layers, top first: markers, changed, removed/lost (hatched), added/gained."""
    kind = comparison.spec.geometry
    if kind == "polygon":
        gained = [p for row in comparison.areas for p in row.gained_pieces]
        lost = [p for row in comparison.areas for p in row.lost_pieces]
        changed = [c.new.geometry for c in comparison.changes if c.change in (ATTRIBUTES, BOTH)]
    else:
        gained = [c.new.geometry for c in comparison.changes if c.change == ADDED]
        lost = [c.old.geometry for c in comparison.changes if c.change == REMOVED]
        changed = [c.new.geometry for c in comparison.changes if c.change in (GEOMETRY, ATTRIBUTES, BOTH)]
    markers = [g.pointOnSurface() for g in gained + lost + changed if not g.isEmpty()]
    layers = [_memory("point", crs, markers, "marker")]
    for geometries, look in (
        (changed, "attributes" if kind == "polygon" else "changed"),
        (lost, "lost" if kind == "polygon" else "removed"),
        (gained, "gained" if kind == "polygon" else "added"),
    ):
        if geometries:
            layers.append(_memory(kind, crs, geometries, look))
    return layers


def map_extent(geometries: list[QgsGeometry], fallback: QgsRectangle) -> QgsRectangle:
    """The changes' extent with a margin, never narrower than MIN_SPAN; ``fallback`` without changes."""
    boxes = [g.boundingBox() for g in geometries if not g.isEmpty()]
    extent = QgsRectangle(boxes[0] if boxes else fallback)
    for box in boxes[1:]:
        extent.combineExtentWith(box)
    span = max(extent.width(), extent.height())
    extent.grow(max(span * MARGIN, (MIN_SPAN - span) / 2))
    return extent


def render_change_map(
    comparison: LayerComparison,
    backdrop: Optional[QgsVectorLayer],
    towns: Optional[QgsVectorLayer],
    crs,
    path,
    size=MAP_SIZE,
) -> Path:
    """Draw one layer's changes into ``path`` (PNG)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    draw_change_map(comparison, backdrop, towns, crs, size).save(str(path))
    return path


def change_map_png(
    comparison: LayerComparison, backdrop: Optional[QgsVectorLayer], towns: Optional[QgsVectorLayer], crs, size=MAP_SIZE
) -> bytes:
    """One layer's change map as PNG bytes: drawn where the layers were read (a background task),
    written to a file later by whoever writes the report."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    draw_change_map(comparison, backdrop, towns, crs, size).save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def draw_change_map(
    comparison: LayerComparison, backdrop: Optional[QgsVectorLayer], towns: Optional[QgsVectorLayer], crs, size=MAP_SIZE
) -> QImage:
    """One layer's changes over its later version and the townships, with scale bar and north arrow."""
    overlays = change_layers(comparison, crs)
    below = []
    if towns is not None:
        township_copy = styled_copy(towns, "XZQ_XZ", labels=True)
        township_copy.setRenderer(QgsSingleSymbolRenderer(symbol_for("polygon", change_look("townships"))))
        township_copy.setLabeling(label_settings("XZQMC", size=8.0, layer=township_copy))
        township_copy.setLabelsEnabled(True)
        below.append(township_copy)
    if backdrop is not None:
        below.append(styled_copy(backdrop, comparison.spec.code, BACKDROP_OPACITY))
    focus = [f.geometry() for layer in overlays[1:] for f in layer.getFeatures()]
    fallback = backdrop.extent() if backdrop is not None else QgsRectangle(0, 0, MIN_SPAN, MIN_SPAN)
    image, settings = render_extent(overlays + below, crs, map_extent(focus, fallback), size)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    _scale_bar(painter, settings.mapUnitsPerPixel(), size)
    _north_arrow(painter, size)
    painter.end()
    return image


def change_clusters(comparison: LayerComparison, crs, gap: float = CLUSTER_GAP) -> list[QgsRectangle]:
    """The changes' extents gathered into clusters (pieces less than ``gap`` apart share one: single
    linkage through a spatial index, so thousands of changes cluster in a moment), largest changed
    area first: what the detail maps zoom to."""
    pieces = [
        part
        for layer in change_layers(comparison, crs)[1:]
        for f in layer.getFeatures()
        for part in f.geometry().asGeometryCollection()
    ]  # a township's gains are one multi-part piece
    pieces = [g for g in pieces if not g.isEmpty()]
    index, parent = QgsSpatialIndex(), list(range(len(pieces)))
    for number, piece in enumerate(pieces):
        index.addFeature(number, piece.boundingBox())

    def root(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for number, piece in enumerate(pieces):
        near = QgsRectangle(piece.boundingBox())
        near.grow(gap)
        for other in index.intersects(near):
            parent[root(other)] = root(number)
    groups: dict[int, tuple] = {}
    for number, piece in enumerate(pieces):
        box, area = groups.get(root(number), (QgsRectangle(piece.boundingBox()), 0.0))
        box.combineExtentWith(piece.boundingBox())
        groups[root(number)] = (box, area + abs(piece.area()))
    return [box for box, _ in sorted(groups.values(), key=lambda group: -group[1])]


def detail_map_png(
    comparison: LayerComparison,
    backdrop: Optional[QgsVectorLayer],
    towns: Optional[QgsVectorLayer],
    crs,
    extent: QgsRectangle,
    frame: MapFrame = DETAIL_FRAME,
) -> bytes:
    """One cluster of changes at a round scale (1:2 000, 1:5 000 …) with scale bar, scale and north
    arrow: a 1-ha change a reviewer can read, where the city map shows it as a dot."""
    overlays = change_layers(comparison, crs)
    below = [styled_copy(backdrop, comparison.spec.code, BACKDROP_OPACITY)] if backdrop is not None else []
    if towns is not None:
        township_copy = styled_copy(towns, "XZQ_XZ", labels=True)
        township_copy.setRenderer(QgsSingleSymbolRenderer(symbol_for("polygon", change_look("townships"))))
        below.append(township_copy)
    scale = round_scale(
        max(extent.width(), 50.0), max(extent.height(), 50.0), (frame.width_mm, frame.height_mm), fill=0.6
    )
    settings = map_settings(overlays + below, crs, extent.center(), scale, frame)
    image = decorate(render_onto(new_image(frame), settings), frame, scale)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def nice_length(metres: float) -> float:
    """The largest 1, 2 or 5 × 10ⁿ metres not above ``metres``."""
    power = 10 ** math.floor(math.log10(metres))
    return max(step * power for step in (1, 2, 5) if step * power <= metres)


def bar_label(length: float) -> str:
    """The scale bar's end label in the unit the map sheets write (千米/米 in Chinese: the change
    map said "km" where every other map says 千米)."""
    unit_km = length >= 1000
    return distance_text(length, unit_km) + unit_suffix(unit_km)


def _scale_bar(painter: QPainter, metres_per_pixel: float, size) -> None:
    length = nice_length(size[0] / 5 * metres_per_pixel)
    pixels = length / metres_per_pixel
    x, y = 30.0, size[1] - 40.0
    painter.setPen(QPen(QColor("black"), 1.5))
    for part in range(4):
        fill = QColor("black") if part % 2 == 0 else QColor("white")
        painter.setBrush(QBrush(fill))
        painter.drawRect(QRectF(x + part * pixels / 4, y, pixels / 4, 8))
    font = QFont()
    font.setPixelSize(14)
    painter.setFont(font)
    text = bar_label(length)
    painter.drawText(QPointF(x, y - 6), "0")
    painter.drawText(QPointF(x + pixels - 10, y - 6), text)


def _north_arrow(painter: QPainter, size) -> None:
    x, top = size[0] - 50.0, 30.0
    painter.setPen(QPen(QColor("black"), 1.5))
    painter.setBrush(QBrush(QColor("black")))
    painter.drawPolygon(QPolygonF([QPointF(x, top + 12), QPointF(x + 12, top + 52), QPointF(x, top + 42)]))
    painter.setBrush(QBrush(QColor("white")))
    painter.drawPolygon(QPolygonF([QPointF(x, top + 12), QPointF(x - 12, top + 52), QPointF(x, top + 42)]))
    font = QFont()
    font.setPixelSize(16)
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(QRectF(x - 10, top - 8, 20, 18), Qt.AlignmentFlag.AlignCenter, "N")
