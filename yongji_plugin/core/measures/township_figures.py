"""乡镇规划指引 figures: per township, the areas of the plan's key layers (they sum to the city).

The figures are declared in ``resources/township_guidance.yaml``; :func:`township_coverage` gives
them as a layer (one feature per township, one field per figure, the label as the field's alias)
so the township atlas can print them without knowing what they are.
"""
from functools import lru_cache
from typing import Dict, List

import yaml
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeedback,
    QgsGeometry,
    QgsProject,
    QgsVectorLayer,
)

from ...i18n import tr
from ...paths import resource
from ..engine.control_index import ControlIndex
from ..engine.geometry_repair import polygon_part
from ..shared.qt_compat import new_field


@lru_cache(maxsize=1)
def figure_specs():
    """(key, layer code, filter or None, label) for each figure, in declaration order."""
    raw = yaml.safe_load(resource("township_guidance.yaml").read_text(encoding="utf-8"))
    return [(f["key"], f["layer"], f.get("filter"), f["label"]) for f in raw["township_figures"]]


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


def township_coverage(layers: dict, crs: str = "EPSG:4546") -> QgsVectorLayer:
    """The townships with their figures (ha) as fields, labelled by alias, for atlas and table."""
    rows = township_figures(layers, crs)
    source = layers["XZQ_XZ"]
    coverage = QgsVectorLayer(f"MultiPolygon?crs={crs}", tr("Township figures"), "memory")
    fields = [new_field("XZQMC", "string"), new_field("ZMJ", "double")]
    keys = [key for key, _, _, _ in figure_specs()]
    fields += [new_field(key, "double") for key in keys]
    coverage.dataProvider().addAttributes(fields)
    coverage.updateFields()
    coverage.setFieldAlias(coverage.fields().indexOf("ZMJ"), tr("Township area"))
    for key, _, _, label in figure_specs():
        coverage.setFieldAlias(coverage.fields().indexOf(key), label)
    transform = QgsCoordinateTransform(source.crs(), QgsCoordinateReferenceSystem(crs), QgsProject.instance())
    features = []
    for row in rows:
        geometry = source.getFeature(row["fid"]).geometry()
        geometry.transform(transform)
        feature = QgsFeature(coverage.fields())
        feature.setGeometry(geometry)
        feature.setAttributes([row["XZQMC"], row["ZMJ"]] + [row[key] for key in keys])
        features.append(feature)
    coverage.dataProvider().addFeatures(features)
    coverage.updateExtents()
    return coverage
