"""Does a source layer conform to its catalogue entry? Each problem is a sentence a user can act on."""
from typing import List

from qgis.core import QgsCoordinateReferenceSystem, QgsVectorLayer, QgsWkbTypes

from ...i18n import tr
from .catalogue import LayerSpec

CGCS2000_ELLIPSOID = "EPSG:1024"
_GEOMETRY = {
    "polygon": QgsWkbTypes.GeometryType.PolygonGeometry,
    "line": QgsWkbTypes.GeometryType.LineGeometry,
    "point": QgsWkbTypes.GeometryType.PointGeometry,
}
_NUMERIC = ("integer", "real")


def is_cgcs2000(crs: QgsCoordinateReferenceSystem) -> bool:
    return crs.isValid() and crs.ellipsoidAcronym() == CGCS2000_ELLIPSOID


def geometry_name(geometry_type) -> str:
    return QgsWkbTypes.geometryDisplayString(geometry_type)


def _field_kind(qgs_field) -> str:
    if qgs_field.isNumeric():
        return "integer" if qgs_field.typeName().lower().startswith("int") else "real"
    return "string"


def _field_problems(layer: QgsVectorLayer, spec: LayerSpec) -> List[str]:
    problems = []
    fields = layer.fields()
    for field_spec in spec.fields:
        index = fields.lookupField(field_spec.name)
        if index < 0:
            if field_spec.required:
                problems.append(tr("missing field {field}").format(field=field_spec.name))
            continue
        kind = _field_kind(fields.at(index))
        wanted_numeric = field_spec.type in _NUMERIC
        if wanted_numeric != (kind in _NUMERIC):
            problems.append(
                tr("field {field} is {actual}, expected {expected}").format(
                    field=field_spec.name, actual=kind, expected=field_spec.type
                )
            )
    return problems


def conformance_problems(layer: QgsVectorLayer, spec: LayerSpec) -> List[str]:
    """Problems that make a layer non-conforming; an empty list means it conforms."""
    if not layer.isValid():
        return [tr("layer cannot be opened")]
    problems = []
    expected = _GEOMETRY[spec.geometry]
    if layer.geometryType() != expected:
        problems.append(
            tr("wrong geometry type {actual}, expected {expected}").format(
                actual=geometry_name(layer.geometryType()), expected=geometry_name(expected)
            )
        )
    crs = layer.crs()
    if not crs.isValid():
        problems.append(tr("layer has no CRS"))
    elif not is_cgcs2000(crs):
        problems.append(
            tr("CRS {crs} is not CGCS2000").format(crs=crs.authid() or crs.description())
        )
    problems.extend(_field_problems(layer, spec))
    return problems
