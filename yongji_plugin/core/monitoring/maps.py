"""The report's map of each finding: the 疑似违规图斑 over its control line and the townships
(named), at a round scale with scale bar, north arrow and a legend of what it draws. Paints onto
images only (any thread); the plan's layers are drawn from styled copies, never changed."""

from pathlib import Path

from qgis.core import QgsFeature, QgsFeatureRequest, QgsSingleSymbolRenderer, QgsVectorLayer

from ...i18n import tr
from ..measuring.result_styles import measure_looks
from ..plan_data.catalogue import default_catalogue
from ..plan_data.map_image import (
    MapFrame,
    decorate,
    draw_legend,
    legend_rows,
    map_settings,
    new_image,
    render_onto,
    round_scale,
    scale_text,
)
from ..plan_data.styles import apply_style, label_settings, symbol_for
from .rules import level_label

FRAME = MapFrame(150.0, 90.0, 150)
MIN_SCALE = 500
TOWNSHIP_LOOK = {"fill": "#00000000", "stroke": "#555555", "width": 0.4, "dash": "dash"}
TOWNSHIP_NAME = "XZQMC"


def _copy(layer: QgsVectorLayer, code: str = None) -> QgsVectorLayer:
    if layer.providerType() == "memory":
        copy = layer.materialize(QgsFeatureRequest())
    else:
        copy = QgsVectorLayer(layer.source(), layer.name(), layer.providerType())
    if code:
        spec = default_catalogue().layer(code)
        apply_style(copy, spec, default_catalogue(), labels=False)
        copy.setName(spec.name)  # the legend's name, whatever the user called the layer
    return copy


class FindingMapper:
    """Draws every finding's map from one set of styled copies."""

    def __init__(self, controls: dict, townships, crs, folder: Path):
        self.crs, self.folder = crs, Path(folder)
        self.controls = {code: _copy(layer, code) for code, layer in controls.items()}
        self.townships = _copy(townships)
        self.townships.setRenderer(QgsSingleSymbolRenderer(symbol_for("polygon", TOWNSHIP_LOOK)))
        if self.townships.fields().lookupField(TOWNSHIP_NAME) >= 0:
            self.townships.setLabeling(label_settings(TOWNSHIP_NAME, size=8.0, layer=self.townships))
            self.townships.setLabelsEnabled(True)
        self.folder.mkdir(parents=True, exist_ok=True)

    def draw(self, number: int, finding) -> tuple[str, str]:
        """(the PNG's file name, the scale as printed) of finding ``number``."""
        marked = QgsVectorLayer(f"MultiPolygon?crs={self.crs.authid()}", "finding", "memory")
        feature = QgsFeature()
        feature.setGeometry(finding.geometry)
        marked.dataProvider().addFeatures([feature])
        look = dict(measure_looks("monitoring_level")[finding.rule.level])
        look.update({"fill": "#00000000", "width": 0.8})
        symbol = symbol_for("polygon", look)
        marked.setRenderer(QgsSingleSymbolRenderer(symbol.clone()))
        box = finding.geometry.boundingBox()
        scale = max(MIN_SCALE, round_scale(box.width(), box.height(), (FRAME.width_mm, FRAME.height_mm), fill=0.5))
        layers = [marked, self.townships, self.controls[finding.rule.layer]]
        image = render_onto(new_image(FRAME), map_settings(layers, self.crs, box.center(), scale, FRAME))
        name = f"finding_{number:04d}.png"
        decorate(image, FRAME, scale)
        draw_legend(image, FRAME, self.legend(finding, symbol), tr("Legend")).save(str(self.folder / name))
        return name, scale_text(scale)

    def legend(self, finding, symbol) -> list:
        """The rows of a finding's legend: the finding by its level, the township border, the
        classes of the control line it is held against."""
        label = tr("Suspected violation ({level})").format(level=level_label(finding.rule.level))
        rows = [(symbol, label), (symbol_for("polygon", TOWNSHIP_LOOK), tr("Township border"))]
        return rows + legend_rows(self.controls[finding.rule.layer])
