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
    QgsFeatureRequest,
    QgsFeedback,
    QgsProject,
    QgsVectorLayer,
)

from ...i18n import tr
from ...paths import resource
from ..engine.layers import ControlLayer
from ..engine.overlay import OverlayEngine
from ..engine.selector import AUTO
from ..shared.areas import PLANAR, AreaMethod
from ..shared.qt_compat import new_field


@lru_cache(maxsize=1)
def figure_specs():
    """(key, layer code, filter or None, label) for each figure, in declaration order."""
    raw = yaml.safe_load(resource("township_guidance.yaml").read_text(encoding="utf-8"))
    return [(f["key"], f["layer"], f.get("filter"), f["label"]) for f in raw["township_figures"]]


def township_figures(layers: dict, crs: str = "EPSG:4546", feedback: QgsFeedback = None,
                     backend: str = AUTO) -> List[Dict]:
    """One row per township: name, area and each figure in hectares (planar, plan CRS), each
    figure's features counted once where they overlap; one engine overlay per figure."""
    target = QgsCoordinateReferenceSystem(crs)
    specs = figure_specs()
    township_layer = layers["XZQ_XZ"]
    inputs = [township_layer] + [layers[code] for _, code, _, _ in specs if code in layers]
    with OverlayEngine(AreaMethod(target, PLANAR), backend, inputs, feedback) as engine:
        townships = engine.layer_sites(ControlLayer(township_layer, township_layer.name(), None, ("XZQMC",)))
        names = _names(township_layer, townships.keys)
        rows = [{"fid": fid, "XZQMC": names.get(fid), "ZMJ": area / 1e4}
                for fid, area in zip(townships.keys, townships.areas)]
        for key, code, expression, _ in specs:
            if code not in layers:
                for row in rows:
                    row[key] = None
                continue
            overlay = engine.overlay(townships, ControlLayer(layers[code], layers[code].name(), expression))
            for row, area in zip(rows, overlay.covered_areas()):
                row[key] = area / 1e4
    return rows


def _names(layer, fids) -> Dict[int, object]:
    request = QgsFeatureRequest().setFilterFids(list(fids))
    request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
    request.setSubsetOfAttributes(["XZQMC"], layer.fields())
    return {feature.id(): feature["XZQMC"] for feature in layer.getFeatures(request)}


def township_coverage(layers: dict, crs: str = "EPSG:4546", backend: str = AUTO) -> QgsVectorLayer:
    """The townships with their figures (ha) as fields, labelled by alias, for atlas and table."""
    rows = township_figures(layers, crs, backend=backend)
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
