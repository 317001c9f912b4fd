"""Does a source layer conform to its catalogue entry? Each problem is a sentence a user can act on.

Two questions: :func:`conformance_problems` (does it meet the catalogue: geometry type, CGCS2000,
fields — what the load dialog lists) and :func:`usable_problems` (can a check read it at all —
asked before any work, so a layer of points named 规划分区 gets one sentence instead of thousands
of misleading findings, and an empty control layer is refused instead of passing every site).
"""

from qgis.core import QgsCoordinateReferenceSystem, QgsFeatureRequest, QgsVectorLayer, QgsWkbTypes

from ...i18n import tr
from ..shared.layer_crs import crs_problem
from .catalogue import LayerSpec, default_catalogue

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


def _field_findings(layer: QgsVectorLayer, spec: LayerSpec) -> tuple[list[str], list[str]]:
    """(problems, notes) of the fields. Notes are lossless differences, said but conforming: an
    integer field stored as real whose values are all whole numbers (File Geodatabases store BSM
    so), a real field stored as integer. Text lengths are not the catalogue's concern."""
    problems, notes = [], []
    fields = layer.fields()
    for field_spec in spec.fields:
        index = fields.lookupField(field_spec.name)
        if index < 0:
            if field_spec.required:
                problems.append(tr("missing field {field}").format(field=field_spec.name))
            continue
        kind = _field_kind(fields.at(index))
        if (field_spec.type in _NUMERIC) != (kind in _NUMERIC):
            problems.append(
                tr("field {field} is {actual}, expected {expected}").format(
                    field=field_spec.name, actual=kind, expected=field_spec.type
                )
            )
        elif field_spec.type == "integer" and kind == "real":
            fraction = _fractional_value(layer, index)
            if fraction is not None:
                problems.append(
                    tr("field {field} is real and holds {value}, expected integer").format(
                        field=field_spec.name, value=fraction
                    )
                )
            else:
                notes.append(
                    tr("field {field} is stored as real, every value a whole number: nothing is lost").format(
                        field=field_spec.name
                    )
                )
        elif field_spec.type == "real" and kind == "integer":
            notes.append(
                tr("field {field} is stored as integer; read as real without loss").format(field=field_spec.name)
            )
    return problems, notes


def _fractional_value(layer: QgsVectorLayer, index: int):
    """The first value of a real field that is not a whole number, or None (then it is lossless)."""
    request = QgsFeatureRequest().setSubsetOfAttributes([index])
    request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
    for feature in layer.getFeatures(request):
        value = feature.attribute(index)
        if isinstance(value, float) and not value.is_integer():
            return value
    return None


def _target(crs) -> QgsCoordinateReferenceSystem:
    if isinstance(crs, QgsCoordinateReferenceSystem):
        return crs
    return QgsCoordinateReferenceSystem(crs or default_catalogue().crs)


def conformance_problems(layer: QgsVectorLayer, spec: LayerSpec, crs=None) -> list[str]:
    """Problems that make a layer non-conforming; an empty list means it conforms."""
    return conformance_findings(layer, spec, crs)[0]


def conformance_findings(layer: QgsVectorLayer, spec: LayerSpec, crs=None) -> tuple[list[str], list[str]]:
    """(problems, notes): what makes a layer non-conforming, and lossless differences said beside."""
    if not layer.isValid():
        return [tr("layer cannot be opened")], []
    problems = []
    expected = _GEOMETRY[spec.geometry]
    if layer.geometryType() != expected:
        problems.append(
            tr("wrong geometry type {actual}, expected {expected}").format(
                actual=geometry_name(layer.geometryType()), expected=geometry_name(expected)
            )
        )
    layer_crs = layer.crs()
    unusable = crs_problem(layer_crs, _target(crs))
    if not layer_crs.isValid():
        problems.append(tr("layer has no CRS"))
    elif unusable:
        problems.append(tr("layer {problem}").format(problem=unusable))
    elif not is_cgcs2000(layer_crs):
        problems.append(tr("CRS {crs} is not CGCS2000").format(crs=layer_crs.authid() or layer_crs.description()))
    field_problems, notes = _field_findings(layer, spec)
    return problems + field_problems, notes


def is_empty(layer: QgsVectorLayer) -> bool:
    """No feature at all, asked of the data (a provider's feature count may be an estimate)."""
    request = QgsFeatureRequest().setLimit(1).setNoAttributes()
    request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
    return next(iter(layer.getFeatures(request)), None) is None


def usable_problems(layer: QgsVectorLayer, spec: LayerSpec, crs=None, allow_empty: bool = False) -> list[str]:
    """Why a check cannot read this layer at all; each completes "Layer <name> …". Empty: usable.

    The geometry type must be the catalogue's, the CRS defined and transformable to ``crs`` (the
    area CRS), and the layer must hold a feature unless ``allow_empty``.
    """
    if not layer.isValid():
        return [tr("cannot be opened")]
    problems = []
    expected = _GEOMETRY[spec.geometry]
    if layer.geometryType() != expected:
        problems.append(
            tr("has geometry type {actual}, but the catalogue requires {expected}").format(
                actual=geometry_name(layer.geometryType()), expected=geometry_name(expected)
            )
        )
    target = _target(crs)
    # the extent only matters for a CRS to transform from; on PostGIS it is an ST_Extent over the table
    unusable = crs_problem(layer.crs(), target, layer.extent() if layer.crs() != target else None)
    if unusable:
        problems.append(unusable)
    if not allow_empty and is_empty(layer):
        problems.append(tr("has no features"))
    return problems
