"""乡镇规划指引 figures: per township, the areas of the plan's key layers (they sum to the city)."""
from typing import Dict, List

import yaml
from qgis.core import QgsCoordinateReferenceSystem, QgsFeedback, QgsGeometry

from ..paths import resource
from .control_index import ControlIndex
from .geometry_repair import polygon_part


def figure_specs():
    """(key, layer code, filter or None, label) from ``township_figures`` in map_sheets.yaml."""
    raw = yaml.safe_load(resource("map_sheets.yaml").read_text(encoding="utf-8"))["township_figures"]
    return [(f["key"], f["layer"], f.get("filter"), f["label"]) for f in raw]


def _area_within(geometry: QgsGeometry, index: ControlIndex) -> float:
    engine = QgsGeometry.createGeometryEngine(geometry.constGet())
    engine.prepareGeometry()
    total = 0.0
    for fid in index.candidates(geometry.boundingBox()):
        other = index.geometry(fid)
        if engine.contains(other.constGet()):
            total += other.area()
        elif engine.intersects(other.constGet()):
            total += polygon_part(geometry.intersection(other)).area()
    return total


def township_figures(layers: dict, crs: str = "EPSG:4546", feedback: QgsFeedback = None) -> List[Dict]:
    """One row per township: name, area and each figure in hectares (planar, plan CRS)."""
    target = QgsCoordinateReferenceSystem(crs)
    townships = ControlIndex(layers["XZQ_XZ"], layers["XZQ_XZ"].name(), target, key_fields=("XZQMC",))
    specs = figure_specs()
    indexes = {key: ControlIndex(layers[code], layers[code].name(), target, filter_expression=expr)
               for key, code, expr, _ in specs if code in layers}
    rows = []
    names = townships.attributes(townships.fids())
    for fid, geometry in townships.items():
        row = {"fid": fid, "XZQMC": names[fid]["XZQMC"], "ZMJ": geometry.area() / 1e4}
        for key, _, _, _ in specs:
            row[key] = _area_within(geometry, indexes[key]) / 1e4 if key in indexes else None
        rows.append(row)
    return rows
