"""A map image of result layers over their inputs, for a measure's report (any thread).

Drawn as the site report's maps are: at a round scale (1:5 000, 1:10 000, 1:25 000 …) chosen so the
extent fills the frame, with a scale bar, the scale and a north arrow. The frame is the width the
report prints the image at (640 px at the report's 96 dpi layout, 169.3 mm), so the printed scale
is the scale written under the bar.
"""

from pathlib import Path

from qgis.core import QgsPointXY, QgsRectangle

from ..plan_data.map_image import MapFrame, decorate, map_settings, new_image, render_onto, round_scale

REPORT_WIDTH_PX = 640  # the templates' <img width>, at the report's layout resolution
FRAME = MapFrame(REPORT_WIDTH_PX / 96.0 * 25.4, REPORT_WIDTH_PX / 96.0 * 25.4 * 5 / 7, 150)


def render_map(layers: list, extent: QgsRectangle, crs, path: Path, frame: MapFrame = FRAME) -> Path:
    """``layers`` top first, drawn in ``crs`` around ``extent`` at a round scale into a PNG."""
    scale = round_scale(extent.width(), extent.height(), (frame.width_mm, frame.height_mm), fill=0.9)
    center = QgsPointXY(extent.center())
    settings = map_settings(layers, crs, center, scale, frame)
    image = decorate(render_onto(new_image(frame), settings), frame, scale)
    image.save(str(path))
    return Path(path)
