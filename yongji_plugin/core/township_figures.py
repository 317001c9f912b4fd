"""乡镇规划指引 figures: per township, the areas of the plan's key layers (they sum to the city)."""
from typing import Dict, List

from qgis.core import QgsCoordinateReferenceSystem, QgsFeedback, QgsGeometry

from .control_index import ControlIndex
from .geometry_repair import polygon_part
from .map_sheets import load_sheets


def figure_specs():
    """(key, layer code, filter or None, label), declared under ``township_figures`` in map_sheets.yaml."""
    return load_sheets().township_figures


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
