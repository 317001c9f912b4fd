"""A comparison's results as layers: area gained (增加), area lost (减少), changed attributes
(属性变更), every changed feature, and the summaries per layer and per class and township.

Memory layers in the area CRS; fields from core/shared/output_fields (ASCII names that fit a
Shapefile, translated titles as aliases, m² to 0.01, ha and 亩 from the stored m²). Changes,
statuses and repairs are stored translated. The summaries add up: a layer's gained area is the
sum of its classes', and a class's the sum of its township rows (the part outside every
township is its own row, township empty).
"""

from typing import Optional

from qgis.core import QgsGeometry, QgsVectorLayer

from ...i18n import tr
from ..plan_data.catalogue import default_catalogue
from ..shared.cancel import refuse_canceled
from ..shared.geos_reasons import geos_reason
from ..shared.output_fields import OutputField, add_rows, area_fields, area_values, memory_layer
from .model import (
    ADDED,
    ATTRIBUTES,
    BOTH,
    BOTH_VERSIONS,
    BY_KEY,
    GEOMETRY,
    NEITHER,
    ONLY_NEW,
    ONLY_OLD,
    REMOVED,
    ComparisonResult,
    FeatureChange,
    LayerComparison,
)

LAYERS, AREAS, FEATURES, GAINED, LOST, ATTRIBUTE_CHANGES, REPAIRS = (
    "layer_changes",
    "area_changes",
    "feature_changes",
    "gained",
    "lost",
    "attribute_changes",
    "repairs",
)
NAMES = (LAYERS, AREAS, FEATURES, GAINED, LOST, ATTRIBUTE_CHANGES, REPAIRS)
VALUES_SHOWN = 6  # changed fields listed with their values; the rest by name only


def change_label(change: str) -> str:
    return {
        ADDED: tr("added"),
        REMOVED: tr("removed"),
        GEOMETRY: tr("geometry changed"),
        ATTRIBUTES: tr("attributes changed"),
        BOTH: tr("geometry and attributes changed"),
    }[change]


def status_label(status: str) -> str:
    return {
        BOTH_VERSIONS: tr("in both versions"),
        ONLY_OLD: tr("only in the earlier version"),
        ONLY_NEW: tr("only in the later version"),
        NEITHER: tr("in neither version"),
    }[status]


def match_label(comparison: LayerComparison) -> str:
    if comparison.status != BOTH_VERSIONS:
        return ""
    return ", ".join(comparison.key_fields) if comparison.match == BY_KEY else tr("geometry")


def class_label(comparison: LayerComparison, klass: Optional[str]) -> str:
    """A class as a reviewer reads it: code and name, or the layer itself when it has no classes."""
    if comparison.class_field is None:
        return tr("(whole layer)")
    if klass is None:
        return tr("(no class)")
    name = comparison.spec.class_names(default_catalogue()).get(klass)
    return f"{klass} {name}" if name else klass


def township_label(township: Optional[str]) -> str:
    return township if township else tr("(outside the townships)")


def key_text(change: FeatureChange, comparison: LayerComparison) -> str:
    if comparison.match != BY_KEY or change.record.key is None:
        return ""
    return ", ".join(f"{name}={value}" for name, value in zip(comparison.key_fields, change.record.key))


def _layer_fields() -> list[OutputField]:
    return [OutputField("layer", "string", tr("Layer code")), OutputField("layer_name", "string", tr("Layer"))]


def _class_fields() -> list[OutputField]:
    return [
        OutputField("class", "string", tr("Class code")),
        OutputField("class_name", "string", tr("Class")),
        OutputField("town", "string", tr("Township")),
        OutputField("town_code", "string", tr("Township code")),
    ]


def _balance_fields() -> list[OutputField]:
    return (
        area_fields("gain_", tr("Area gained"))
        + area_fields("loss_", tr("Area lost"))
        + area_fields("net_", tr("Net change"))
    )


def _balance(gained: float, lost: float) -> dict:
    values = area_values("gain_", gained)
    values.update(area_values("loss_", lost))
    values.update(area_values("net_", values["gain_m2"] - values["loss_m2"]))
    return values


def layer_specs() -> list[OutputField]:
    counts = [
        ("old_count", tr("Features in the earlier version")),
        ("new_count", tr("Features in the later version")),
        ("added", tr("Added")),
        ("removed", tr("Removed")),
        ("geom_chg", tr("Geometry changed")),
        ("attr_chg", tr("Attributes changed")),
        ("both_chg", tr("Geometry and attributes changed")),
        ("unchanged", tr("Unchanged")),
    ]
    return (
        _layer_fields()
        + [OutputField("status", "string", tr("Presence")), OutputField("matched_by", "string", tr("Matched by"))]
        + [OutputField(name, "int", title) for name, title in counts]
        + _balance_fields()
        + [
            OutputField("fields_old", "string", tr("Fields only in the earlier version")),
            OutputField("fields_new", "string", tr("Fields only in the later version")),
            OutputField("notes", "string", tr("Notes")),
        ]
    )


def layer_rows(result: ComparisonResult):
    for c in result.layers:
        values = {
            "layer": c.spec.code,
            "layer_name": c.spec.name,
            "status": status_label(c.status),
            "matched_by": match_label(c),
            "old_count": c.old_count,
            "new_count": c.new_count,
            "added": c.count(ADDED),
            "removed": c.count(REMOVED),
            "geom_chg": c.count(GEOMETRY),
            "attr_chg": c.count(ATTRIBUTES),
            "both_chg": c.count(BOTH),
            "unchanged": c.unchanged,
            "fields_old": ", ".join(c.fields_only_old),
            "fields_new": ", ".join(c.fields_only_new),
            "notes": "; ".join(c.notes),
        }
        values.update(_balance(*_rounded_totals(c)))
        yield values


def _rounded_totals(comparison: LayerComparison):
    """The layer's gained and lost areas as the sum of its stored class figures (so the table adds up)."""
    rows = [area_values("", g)["m2"] for g, _ in comparison.class_totals.values()]
    lost = [area_values("", lost)["m2"] for _, lost in comparison.class_totals.values()]
    return sum(rows), sum(lost)


def area_specs() -> list[OutputField]:
    return _layer_fields() + _class_fields() + _balance_fields()


def area_rows(result: ComparisonResult):
    for comparison in result.layers:
        for row in sorted(comparison.areas, key=lambda r: (str(r.klass), r.township is None, str(r.township))):
            values = {
                "layer": comparison.spec.code,
                "layer_name": comparison.spec.name,
                "class": row.klass,
                "class_name": class_label(comparison, row.klass),
                "town": township_label(row.township),
                "town_code": row.township_code,
            }
            values.update(_balance(row.gained, row.lost))
            yield values, row


def feature_specs() -> list[OutputField]:
    return (
        _layer_fields()
        + [
            OutputField("change", "string", tr("Change")),
            OutputField("key", "string", tr("Key")),
            OutputField("matched_by", "string", tr("Matched by")),
            OutputField("old_fid", "long", tr("Feature id in the earlier version")),
            OutputField("new_fid", "long", tr("Feature id in the later version")),
            OutputField("old_class", "string", tr("Class in the earlier version")),
            OutputField("new_class", "string", tr("Class in the later version")),
            OutputField("fields", "string", tr("Changed fields")),
            OutputField("old_values", "string", tr("Values in the earlier version")),
            OutputField("new_values", "string", tr("Values in the later version")),
        ]
        + area_fields("old_", tr("Area in the earlier version"))
        + area_fields("new_", tr("Area in the later version"))
        + [OutputField("x", "double", tr("X (easting)")), OutputField("y", "double", tr("Y (northing)"))]
    )


def _values(record, fields) -> str:
    shown = [
        f"{name}={'' if record.attributes[name] is None else record.attributes[name]}" for name in fields[:VALUES_SHOWN]
    ]
    return "; ".join(shown + (["…"] if len(fields) > VALUES_SHOWN else []))


def feature_values(comparison: LayerComparison, change: FeatureChange, area) -> dict:
    polygon = comparison.spec.geometry == "polygon"
    old, new = change.old, change.new
    point = change.record.geometry.pointOnSurface().asPoint()
    values = {
        "layer": comparison.spec.code,
        "layer_name": comparison.spec.name,
        "change": change_label(change.change),
        "key": key_text(change, comparison),
        "matched_by": match_label(comparison) if change.match else "",
        "old_fid": old.fid if old else None,
        "new_fid": new.fid if new else None,
        "old_class": old.klass if old else None,
        "new_class": new.klass if new else None,
        "fields": ", ".join(change.fields),
        "old_values": _values(old, change.fields) if change.fields else "",
        "new_values": _values(new, change.fields) if change.fields else "",
        "x": round(point.x(), 2),
        "y": round(point.y(), 2),
    }
    for prefix, record in (("old_", old), ("new_", new)):
        if polygon and record is not None:
            values.update(area_values(prefix, area.area(record.geometry)))
    return values


def _change_rows(result: ComparisonResult, wanted=None):
    for comparison in result.layers:
        for change in comparison.changes:
            if wanted is None or change.change in wanted:
                yield comparison, change


def piece_specs() -> list[OutputField]:
    return _layer_fields() + _class_fields() + area_fields("")


def _polygon_layer(result, title, specs) -> QgsVectorLayer:
    return memory_layer(title, "MultiPolygon", result.params.area.crs, specs)


def _multi(geometry: QgsGeometry) -> QgsGeometry:
    geometry = QgsGeometry(geometry)
    geometry.convertToMultiType()
    return geometry


def piece_layer(result: ComparisonResult, direction: str) -> QgsVectorLayer:
    """增加 (``gained``) or 减少 (``lost``): one feature per layer, class and township."""
    refuse_canceled(result)
    title = tr("Area gained") if direction == GAINED else tr("Area lost")
    layer = _polygon_layer(result, title, piece_specs())
    rows = []
    for values, row in area_rows(result):
        area, pieces = (row.gained, row.gained_pieces) if direction == GAINED else (row.lost, row.lost_pieces)
        if not pieces:
            continue
        piece = {key: values[key] for key in ("layer", "layer_name", "class", "class_name", "town", "town_code")}
        piece.update(area_values("", area))
        geometry = QgsGeometry.collectGeometry(pieces) if len(pieces) > 1 else pieces[0]
        rows.append((piece, _multi(geometry)))
    add_rows(layer, rows)
    return layer


def attribute_layer(result: ComparisonResult) -> QgsVectorLayer:
    """属性变更: polygon features whose attributes changed, drawn with their later geometry."""
    refuse_canceled(result)
    layer = _polygon_layer(result, tr("Attributes changed"), feature_specs())
    rows = [
        (feature_values(c, change, result.params.area), _multi(change.new.geometry))
        for c, change in _change_rows(result, (ATTRIBUTES, BOTH))
        if c.spec.geometry == "polygon"
    ]
    add_rows(layer, rows)
    return layer


def table(title: str, specs, rows) -> QgsVectorLayer:
    layer = memory_layer(title, "None", None, specs)
    add_rows(layer, [(values, None) for values in rows])
    return layer


def repair_specs() -> list[OutputField]:
    return [
        OutputField("layer", "string", tr("Layer")),
        OutputField("feature", "string", tr("Feature")),
        OutputField("problem", "string", tr("Problem")),
        OutputField("geos_text", "string", tr("GEOS message")),
    ]


def result_layers(result: ComparisonResult) -> dict[str, QgsVectorLayer]:
    refuse_canceled(result)
    area = result.params.area
    return {
        LAYERS: table(tr("Changes per layer"), layer_specs(), layer_rows(result)),
        AREAS: table(tr("Area changes per class and township"), area_specs(), (v for v, _ in area_rows(result))),
        FEATURES: table(
            tr("Changed features"),
            feature_specs(),
            (feature_values(c, change, area) for c, change in _change_rows(result)),
        ),
        GAINED: piece_layer(result, GAINED),
        LOST: piece_layer(result, LOST),
        ATTRIBUTE_CHANGES: attribute_layer(result),
        REPAIRS: table(
            tr("Repaired geometries"),
            repair_specs(),
            (
                {"layer": r.layer, "feature": r.feature, "problem": geos_reason(r.problem), "geos_text": r.problem}
                for r in result.repairs
            ),
        ),
    }
