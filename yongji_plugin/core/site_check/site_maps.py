"""A map image of one site over the control lines, for the review report.

Renders copies of the control layers (same source, own style) so the user's layers and their
styles are never changed.
"""
from pathlib import Path
from typing import Dict, List

from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsMapRendererCustomPainterJob,
    QgsMapSettings,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor, QImage, QPainter

from ..plan_data.catalogue import default_catalogue
from ..plan_data.styles import apply_style, colours, symbol_for


def styled_copies(layers: Dict[str, QgsVectorLayer], codes: List[str]) -> List[QgsVectorLayer]:
    catalogue = default_catalogue()
    copies = []
    for code in codes:
        layer = layers.get(code)
        if layer is None:
            continue
        copy = QgsVectorLayer(layer.source(), layer.name(), layer.providerType())
        if copy.isValid():
            apply_style(copy, catalogue.layer(code), catalogue, labels=False)
            copies.append(copy)
    return copies


def _outline_layer(geometry, crs, look: str) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"MultiPolygon?crs={crs.authid()}", look, "memory")
    feature = QgsFeature()
    feature.setGeometry(geometry)
    layer.dataProvider().addFeatures([feature])
    layer.setRenderer(QgsSingleSymbolRenderer(symbol_for("polygon", colours()["single"][look])))
    return layer


def render_site_map(site_geometry, conflict_geometries, backdrop: List[QgsVectorLayer], crs,
                    path: Path, size=(900, 700)) -> Path:
    site = _outline_layer(site_geometry, crs, "site")
    overlays = [site]
    if conflict_geometries:
        overlays.insert(0, _outline_layer(QgsGeometry.collectGeometry(conflict_geometries), crs,
                                          "conflict"))
    settings = QgsMapSettings()
    settings.setLayers(overlays + backdrop)
    settings.setDestinationCrs(crs)
    extent = site_geometry.boundingBox()
    extent.grow(max(extent.width(), extent.height()) * 0.6 + 50)
    settings.setOutputSize(QSize(*size))
    settings.setExtent(extent)
    settings.setBackgroundColor(QColor("white"))
    image = QImage(settings.outputSize(), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    job = QgsMapRendererCustomPainterJob(settings, painter)  # safe outside the GUI thread
    job.renderSynchronously()
    painter.end()
    image.save(str(path))
    return path
