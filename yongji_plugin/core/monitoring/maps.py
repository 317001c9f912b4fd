"""The report's map of each finding: the 疑似违规图斑 over its control line and the townships, at a
round scale with scale bar and north arrow. Paints onto images only (any thread); the plan's
layers are drawn from styled copies, never changed."""

from pathlib import Path

from qgis.core import QgsFeature, QgsFeatureRequest, QgsSingleSymbolRenderer, QgsVectorLayer

from ..measuring.result_styles import measure_looks
from ..plan_data.catalogue import default_catalogue
from ..plan_data.map_image import MapFrame, decorate, map_settings, new_image, render_onto, round_scale, scale_text
from ..plan_data.styles import apply_style, symbol_for

FRAME = MapFrame(150.0, 90.0, 150)
MIN_SCALE = 500
TOWNSHIP_LOOK = {"fill": "#00000000", "stroke": "#555555", "width": 0.4, "dash": "dash"}


def _copy(layer: QgsVectorLayer, code: str = None) -> QgsVectorLayer:
    if layer.providerType() == "memory":
        copy = layer.materialize(QgsFeatureRequest())
    else:
        copy = QgsVectorLayer(layer.source(), layer.name(), layer.providerType())
    if code:
        apply_style(copy, default_catalogue().layer(code), default_catalogue(), labels=False)
    return copy


class FindingMapper:
    """Draws every finding's map from one set of styled copies."""

    def __init__(self, controls: dict, townships, crs, folder: Path):
        self.crs, self.folder = crs, Path(folder)
        self.controls = {code: _copy(layer, code) for code, layer in controls.items()}
        self.townships = _copy(townships)
        self.townships.setRenderer(QgsSingleSymbolRenderer(symbol_for("polygon", TOWNSHIP_LOOK)))
        self.folder.mkdir(parents=True, exist_ok=True)

    def draw(self, number: int, finding) -> tuple[str, str]:
        """(the PNG's file name, the scale as printed) of finding ``number``."""
        marked = QgsVectorLayer(f"MultiPolygon?crs={self.crs.authid()}", "finding", "memory")
        feature = QgsFeature()
        feature.setGeometry(finding.geometry)
        marked.dataProvider().addFeatures([feature])
        look = dict(measure_looks("monitoring_level")[finding.rule.level])
        look.update({"fill": "#00000000", "width": 0.8})
        marked.setRenderer(QgsSingleSymbolRenderer(symbol_for("polygon", look)))
        box = finding.geometry.boundingBox()
        scale = max(MIN_SCALE, round_scale(box.width(), box.height(), (FRAME.width_mm, FRAME.height_mm), fill=0.5))
        layers = [marked, self.townships, self.controls[finding.rule.layer]]
        image = render_onto(new_image(FRAME), map_settings(layers, self.crs, box.center(), scale, FRAME))
        name = f"finding_{number:04d}.png"
        decorate(image, FRAME, scale).save(str(self.folder / name))
        return name, scale_text(scale)
