"""Attribute and geometry rules of plan QA, one pass over a layer's features each."""

from qgis.core import QgsCoordinateTransformContext, QgsFeatureRequest, QgsVectorLayer

from ...i18n import tr
from ..engine.geometry_repair import validity_problem
from ..plan_data.catalogue import Catalogue, LayerSpec
from ..shared.geos_reasons import geos_reason_with_source
from .model import QaError, QaRule


def _features(layer: QgsVectorLayer, crs):
    request = QgsFeatureRequest().setDestinationCrs(crs, QgsCoordinateTransformContext())
    request.setInvalidGeometryCheck(QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck)
    return layer.getFeatures(request)


def _empty(value) -> bool:
    return value is None or (hasattr(value, "isNull") and value.isNull()) or str(value).strip() == ""


def required_fields(rule: QaRule, layer, spec: LayerSpec, crs, **_) -> list[QaError]:
    names = layer.fields().names()
    missing = [f.name for f in spec.fields if f.required and f.name not in names]
    errors = [
        QaError(
            rule, layer.name(), None, tr("{rule}: field {field} is missing").format(rule=rule.description, field=name)
        )
        for name in missing
    ]
    present = [f.name for f in spec.fields if f.required and f.name in names]
    for feature in _features(layer, crs):
        for name in present:
            if _empty(feature[name]):
                errors.append(
                    QaError(
                        rule,
                        layer.name(),
                        feature.id(),
                        tr("{rule}: {field} is empty").format(rule=rule.description, field=name),
                        feature.geometry(),
                    )
                )
    return errors


def code_values(rule: QaRule, layer, spec: LayerSpec, crs, catalogue: Catalogue, **_) -> list[QaError]:
    coded = [
        (f.name, catalogue.codes(f.codes)) for f in spec.fields if f.codes and layer.fields().lookupField(f.name) >= 0
    ]
    errors = []
    if not coded:
        return errors
    for feature in _features(layer, crs):
        for name, codes in coded:
            value = feature[name]
            if not _empty(value) and str(value) not in codes:
                errors.append(
                    QaError(
                        rule,
                        layer.name(),
                        feature.id(),
                        tr("{rule}: {field} = {value} is not in the code table").format(
                            rule=rule.description, field=name, value=value
                        ),
                        feature.geometry(),
                    )
                )
    return errors


def area_field(rule: QaRule, layer, spec: LayerSpec, crs, relative: float, tolerance: float, **_) -> list[QaError]:
    field = spec.area_field
    if field is None or layer.fields().lookupField(field.name) < 0:
        return []
    errors = []
    for feature in _features(layer, crs):
        stated, geometry = feature[field.name], feature.geometry()
        if _empty(stated) or geometry.isEmpty():
            continue
        area = geometry.area()
        if abs(float(stated) - area) > max(relative * area, tolerance):
            errors.append(
                QaError(
                    rule,
                    layer.name(),
                    feature.id(),
                    tr("{rule}: {field} = {stated:.2f} but the geometry has {area:.2f} m²").format(
                        rule=rule.description, field=field.name, stated=float(stated), area=area
                    ),
                    geometry,
                )
            )
    return errors


def invalid_geometry(rule: QaRule, layer, crs, **_) -> list[QaError]:
    errors = []
    for feature in _features(layer, crs):
        geometry = feature.geometry()
        if geometry.isEmpty():
            continue
        problem = validity_problem(geometry)
        if problem:
            errors.append(
                QaError(
                    rule,
                    layer.name(),
                    feature.id(),
                    tr("{rule}: {problem}").format(rule=rule.description, problem=geos_reason_with_source(problem)),
                    geometry,
                )
            )
    return errors


def empty_geometry(rule: QaRule, layer, crs, **_) -> list[QaError]:
    return [
        QaError(rule, layer.name(), f.id(), tr("{rule}: feature has no geometry").format(rule=rule.description))
        for f in _features(layer, crs)
        if f.geometry().isNull() or f.geometry().isEmpty()
    ]


def duplicate_geometry(rule: QaRule, layer, crs, **_) -> list[QaError]:
    seen: dict[bytes, int] = {}
    errors = []
    for feature in _features(layer, crs):
        geometry = feature.geometry()
        if geometry.isEmpty():
            continue
        key = bytes(geometry.asWkb())
        if key in seen:
            errors.append(
                QaError(
                    rule,
                    layer.name(),
                    feature.id(),
                    tr("{rule}: same geometry as feature {fid}").format(rule=rule.description, fid=seen[key]),
                    geometry,
                )
            )
        else:
            seen[key] = feature.id()
    return errors


def multipart(rule: QaRule, layer, spec: LayerSpec, crs, **_) -> list[QaError]:
    if not spec.single_part:
        return []
    return [
        QaError(
            rule,
            layer.name(),
            f.id(),
            tr("{rule}: feature has {parts} parts").format(
                rule=rule.description, parts=f.geometry().constGet().partCount()
            ),
            f.geometry(),
        )
        for f in _features(layer, crs)
        if not f.geometry().isEmpty() and f.geometry().constGet().partCount() > 1
    ]


PER_LAYER = {
    "required_fields": required_fields,
    "code_values": code_values,
    "area_field": area_field,
    "invalid_geometry": invalid_geometry,
    "empty_geometry": empty_geometry,
    "duplicate_geometry": duplicate_geometry,
    "multipart": multipart,
}
