"""A map image of result layers over their inputs, for a measure's report (any thread)."""
from pathlib import Path

from qgis.core import QgsRectangle

from ..plan_data.map_image import render_extent


def render_map(layers: list, extent: QgsRectangle, crs, path: Path, size=(1400, 1000)) -> Path:
    """``layers`` top first, drawn in ``crs`` over ``extent`` (grown by 5 %) into a PNG."""
    extent = QgsRectangle(extent)
    extent.grow(max(extent.width(), extent.height()) * 0.05 + 10)
    image, _ = render_extent(layers, crs, extent, size)
    image.save(str(path))
    return Path(path)
