"""Map sheets of a check's results: a styled result layer under declared plan layers, plus a chart.

Declared under ``results`` in ``resources/map_sheets.yaml`` (title, template, the plan layers
drawn over the result, the chart's box on the page in mm). The caller computes the result layer
and draws the chart (printing may not import the capabilities that do), as for the atlases.
"""

from functools import lru_cache
from pathlib import Path
from typing import Optional

from jinja2 import Template
from qgis.core import (
    QgsLayoutItemPicture,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsPrintLayout,
    QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor

from ...i18n import tr
from ...paths import resource
from ..shared.errors import PlanError
from ..shared.extents import extent_in
from ..shared.yaml_files import read_yaml
from .legend import LegendEntry
from .map_sheets import SHEETS_FILE
from .sheets import SheetBuilder

PICTURE_ID = "chart"


@lru_cache(maxsize=1)
def result_sheet_specs() -> dict:
    raw = read_yaml(resource("map_sheets.yaml"), SHEETS_FILE)
    return dict(raw.get("results") or {})


def result_sheet(
    builder: SheetBuilder, kind: str, result: QgsVectorLayer, picture: Optional[Path] = None, **title_fields
) -> QgsPrintLayout:
    """A layout of ``result`` (styled by its caller) under the kind's plan layers, ``picture`` in its box."""
    spec = result_sheet_specs().get(kind)
    if spec is None:
        raise PlanError(tr("No result map sheet {kind} is declared in map_sheets.yaml").format(kind=kind))
    if result is None or result.featureCount() == 0:
        raise PlanError(tr("The map sheet {kind} needs a result layer with features").format(kind=kind))
    title = Template(spec["title"]).render(**title_fields)
    builder.check_layers(spec.get("layers", []), title)
    result = builder.add_layer(result)
    entries, drawn = builder.sheet_layers(spec.get("layers", []))
    layout = builder.layout(
        spec["template"],
        title,
        [LegendEntry([result])] + entries,
        drawn + [result],
        extent_in(result, builder.project.crs()),
    )
    if picture is not None:
        _add_picture(layout, Path(picture), spec["picture"])
    return layout


def _add_picture(layout: QgsPrintLayout, path: Path, box: dict) -> QgsLayoutItemPicture:
    if not path.exists():
        raise PlanError(tr("Chart {path} for the map sheet is missing").format(path=path))
    mm = QgsUnitTypes.LayoutUnit.LayoutMillimeters
    picture = QgsLayoutItemPicture(layout)
    picture.setId(PICTURE_ID)
    picture.setPicturePath(str(path))
    picture.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
    picture.setBackgroundEnabled(True)
    picture.setBackgroundColor(QColor("white"))
    picture.setFrameEnabled(True)
    layout.addLayoutItem(picture)
    picture.attemptMove(QgsLayoutPoint(float(box["x"]), float(box["y"]), mm))
    picture.attemptResize(QgsLayoutSize(float(box["w"]), float(box["h"]), mm))
    return picture
