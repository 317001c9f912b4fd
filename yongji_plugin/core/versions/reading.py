"""Read one version of a layer as :class:`~.model.Record` s: geometries in the area CRS, attributes
as plain Python values, the key and the class of each feature.

Fields are compared by name regardless of case (a Shapefile may upper-case what a GeoPackage
keeps), and a provider's own row key (``fid``, ``ogc_fid``, …) is never compared: it is the
storage's, not the plan's, and differs between a GeoPackage and PostGIS copy of the same data.
"""

from collections.abc import Sequence
from typing import Callable, Optional

from qgis.core import QgsCoordinateTransformContext, QgsFeatureRequest

from ..engine.geometry_repair import repaired
from ..shared.cancel import raise_if_canceled
from ..shared.output_fields import RESERVED_KEYS
from .model import Record

CANCEL_EVERY = 2000


def plain(value):
    """A QGIS attribute value as plain Python: NULL (and a null date) become None."""
    if value is None:
        return None
    is_null = getattr(value, "isNull", None)
    if callable(is_null) and is_null():
        return None
    return value


def plan_fields(layer) -> dict[str, str]:
    """The layer's field names by upper-case name, provider row keys left out."""
    return {name.upper(): name for name in layer.fields().names() if name.lower() not in RESERVED_KEYS}


def common_fields(old_layer, new_layer) -> tuple[list[str], list[str], list[str]]:
    """(fields in both, only in the earlier version, only in the later), as upper-case names."""
    old, new = plan_fields(old_layer), plan_fields(new_layer)
    both = [name for name in old if name in new]
    return both, [old[n] for n in old if n not in new], [new[n] for n in new if n not in old]


def class_text(value) -> Optional[str]:
    """A class value as text, so 1 (integer in one version) and "1" (text in the other) agree."""
    value = plain(value)
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def read_records(
    layer, area_crs, fields: Sequence[str], key: Sequence[str], klass: Optional[str], feedback=None
) -> tuple[list[Record], int]:
    """(every feature with a geometry, in feature id order; how many had none).

    ``fields``, ``key`` and ``klass`` are upper-case names (see :func:`plan_fields`).
    """
    names = plan_fields(layer)
    wanted = [names[name] for name in fields]
    request = QgsFeatureRequest()
    request.setDestinationCrs(area_crs, QgsCoordinateTransformContext())
    request.setInvalidGeometryCheck(QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck)
    request.setSubsetOfAttributes(wanted, layer.fields())
    indices = [layer.fields().lookupField(name) for name in wanted]
    records, without = [], 0
    for number, feature in enumerate(layer.getFeatures(request)):
        if number % CANCEL_EVERY == 0:
            raise_if_canceled(feedback)
        geometry = feature.geometry()
        if geometry.isNull() or geometry.isEmpty():
            without += 1
            continue
        values = feature.attributes()
        attributes = {name: plain(values[i]) for name, i in zip(fields, indices)}
        key_values = tuple(class_text(attributes[name]) for name in key)  # 12 and "12" are one key
        records.append(
            Record(
                feature.id(),
                geometry,
                attributes,
                key_values if key and None not in key_values else None,
                class_text(attributes[klass]) if klass else None,
            )
        )
    records.sort(key=lambda r: r.fid)
    return records, without


def checked_geometry(record: Record, polygon: bool, log: Callable[[int, str], None]):
    """The record's geometry, valid: a polygon is repaired on a copy once, and the repair logged."""
    if polygon and not record.checked:
        geometry, problem = repaired(record.geometry)
        if problem:
            log(record.fid, problem)
        record.geometry = geometry
    record.checked = True
    return record.geometry
