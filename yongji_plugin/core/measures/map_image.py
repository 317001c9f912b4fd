"""A map image of result layers over their inputs, for a measure's report (any thread)."""
from pathlib import Path
from typing import List

from qgis.core import QgsMapRendererCustomPainterJob, QgsMapSettings, QgsRectangle
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor, QImage, QPainter


def render_map(layers: List, extent: QgsRectangle, crs, path: Path, size=(1400, 1000)) -> Path:
    """``layers`` top first, drawn in ``crs`` over ``extent`` (grown by 5 %) into a PNG."""
    extent = QgsRectangle(extent)
    extent.grow(max(extent.width(), extent.height()) * 0.05 + 10)
    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(crs)
    settings.setOutputSize(QSize(*size))
    settings.setExtent(extent)
    settings.setBackgroundColor(QColor("white"))
    image = QImage(settings.outputSize(), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    job = QgsMapRendererCustomPainterJob(settings, painter)
    job.renderSynchronously()
    painter.end()
    image.save(str(path))
    return Path(path)
