"""The 乡镇规划指引 figures as the township atlas prints them: one feature per township, ha fields.

:func:`township_coverage` turns a :class:`.township_guidance.GuidanceResult` (or computes one)
into a layer whose numeric fields are the figures in hectares, titled by their labels, so the
atlas (which may not import this capability) prints them without knowing what they are.
"""

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsProject,
    QgsVectorLayer,
)

from ...i18n import tr
from ..engine.selector import AUTO
from ..shared.areas import DEFAULT_AREA_CRS, AreaMethod, hectares
from ..shared.cancel import refuse_canceled
from ..shared.qt_compat import new_field
from .township_guidance import GuidanceResult, township_guidance


def township_figures(layers: dict, crs: str = DEFAULT_AREA_CRS, feedback=None, backend: str = AUTO) -> list[dict]:
    """One row per township: fid, name, area and each figure in hectares (planar, ``crs``)."""
    result = township_guidance(layers, AreaMethod.create(crs), feedback=feedback, backend=backend)
    return [
        {
            "fid": row.fid,
            "XZQMC": row.name,
            "ZMJ": hectares(row.area),
            **{key: hectares(value) for key, value in row.figures.items()},
        }
        for row in result.townships
    ]


def township_coverage(
    layers: dict, crs: str = DEFAULT_AREA_CRS, result: GuidanceResult = None, backend: str = AUTO
) -> QgsVectorLayer:
    """The townships with their figures (ha) as fields, labelled by alias, for atlas and table."""
    result = result or township_guidance(layers, AreaMethod.create(crs), backend=backend)
    refuse_canceled(result)
    crs = result.area_method.crs.authid()
    source = layers["XZQ_XZ"]
    coverage = QgsVectorLayer(f"MultiPolygon?crs={crs}", tr("Township figures"), "memory")
    fields = [new_field("XZQMC", "string"), new_field("ZMJ", "double", tr("Township area"))]
    fields += [new_field(f.key, "double", f.label) for f in result.figures]
    coverage.dataProvider().addAttributes(fields)
    coverage.updateFields()
    for field in fields:  # a memory provider drops the aliases of added fields
        if field.alias():
            coverage.setFieldAlias(coverage.fields().indexOf(field.name()), field.alias())
    transform = QgsCoordinateTransform(source.crs(), QgsCoordinateReferenceSystem(crs), QgsProject.instance())
    features = []
    for row in result.townships:
        geometry = source.getFeature(row.fid).geometry()
        geometry.transform(transform)
        feature = QgsFeature(coverage.fields())
        feature.setGeometry(geometry)
        feature.setAttributes([row.name, hectares(row.area)] + [hectares(row.figures[f.key]) for f in result.figures])
        features.append(feature)
    coverage.dataProvider().addFeatures(features)
    coverage.updateExtents()
    return coverage
