"""规划版本对比: compare two versions of the 一张图, catalogue layer by catalogue layer.

For each layer: is it in both versions, which fields only one has, which features were added,
removed, or changed in geometry and/or attributes (paired by the catalogue's key field, else by
geometry: see ``matching``), and for polygon layers the area each class gained and lost per
township (see ``areas``). A pair is unchanged in geometry when its symmetric difference is below
the area tolerance (polygons) or it moved less than the distance tolerance (lines: Hausdorff
distance, points); attributes are compared on the fields both versions have, numbers to 1e-9.

Cancel (``core.shared.cancel``): a canceled run returns its result with ``canceled=True`` and
never raises for it; writers refuse such a result.
"""

import math
from typing import Optional

from qgis.core import QgsFeedback, QgsVectorLayer

from ...i18n import tr
from ..engine.geometry_repair import Repair
from ..plan_data.catalogue import LayerSpec, default_catalogue
from ..plan_data.conformance import usable_problems
from ..plan_data.loader import open_plan
from ..plan_data.sources import Source
from ..shared.cancel import Canceled, raise_if_canceled
from ..shared.errors import PlanError
from ..shared.layer_encoding import encodings_of
from .areas import layer_areas, township_source
from .matching import match_records
from .model import (
    ADDED,
    ATTRIBUTES,
    BOTH,
    BOTH_VERSIONS,
    BY_GEOMETRY,
    BY_KEY,
    GEOMETRY,
    NEITHER,
    NEW,
    OLD,
    ONLY_NEW,
    ONLY_OLD,
    REMOVED,
    CompareParams,
    ComparisonResult,
    FeatureChange,
    LayerComparison,
    Record,
    layer_label,
    version_name,
)
from .reading import checked_geometry, common_fields, read_records

READ_SHARE = 0.6  # of the progress bar: reading and pairing; the rest is areas


def source_label(source: Source, layers=()) -> str:
    """A source as a report names it; a Shapefile folder with its layers' text encodings."""
    if source.kind == "gpkg":
        return tr("GeoPackage {path}").format(path=source.location)
    if source.kind == "folder":
        label = tr("Shapefile folder {path}").format(path=source.location)
        encodings = encodings_of(layers)
        return f"{label} ({encodings})" if encodings else label
    if source.kind == "gdb":
        return tr("File Geodatabase {path}").format(path=source.location)
    if source.schema:
        return tr("PostGIS connection {name}, schema {schema}").format(name=source.location, schema=source.schema)
    return tr("PostGIS connection {name}").format(name=source.location)


def open_version(source: Source, feedback: QgsFeedback = None) -> dict[str, QgsVectorLayer]:
    """A version's catalogue layers by code; a source that holds none is an error naming it. A layer
    found twice in the source is a warning to Processing's log."""
    layers = open_plan(source, warn=getattr(feedback, "pushWarning", None))
    if not layers:
        raise PlanError(tr("{source} holds no layer of the plan catalogue").format(source=source_label(source)))
    return layers


def compare_sources(old: Source, new: Source, params: CompareParams, feedback: QgsFeedback = None):
    """(result, earlier layers, later layers): open both versions and compare them."""
    old_layers, new_layers = open_version(old, feedback), open_version(new, feedback)
    result = run_comparison(
        old_layers,
        new_layers,
        params,
        feedback,
        source_label(old, old_layers.values()),
        source_label(new, new_layers.values()),
    )
    return result, old_layers, new_layers


def refuse_unusable(old: dict[str, QgsVectorLayer], new: dict[str, QgsVectorLayer], specs, crs) -> None:
    """Every layer either version cannot be read as: one line each, before any work.

    Points in a polygon layer, or a CRS that puts features nowhere, would read as thousands of
    changes; an empty layer is read (every feature of the other version then differs).
    """
    lines = []
    for spec in specs:
        for side, layers in ((OLD, old), (NEW, new)):
            layer = layers.get(spec.code)
            if layer is None:
                continue
            problems = usable_problems(layer, spec, crs, allow_empty=True)
            if problems:
                lines.append(
                    tr("Layer {name} ({code}) of the {version} {problems}").format(
                        name=spec.name, code=spec.code, version=version_name(side), problems="; ".join(problems)
                    )
                )
    if lines:
        raise PlanError("\n".join(lines))


def run_comparison(
    old: dict[str, QgsVectorLayer],
    new: dict[str, QgsVectorLayer],
    params: CompareParams,
    feedback: QgsFeedback = None,
    old_label: str = "",
    new_label: str = "",
) -> ComparisonResult:
    """Compare the catalogue layers of two versions (layers by catalogue code)."""
    catalogue = default_catalogue()
    specs = [s for s in catalogue.layers if params.codes is None or s.code in params.codes]
    old = {code: layer for code, layer in old.items() if layer is not None}
    new = {code: layer for code, layer in new.items() if layer is not None}
    if not old and not new:
        raise PlanError(tr("Neither version holds a layer of the plan catalogue"))
    refuse_unusable(old, new, specs, params.area.crs)
    result = ComparisonResult(params, old_label, new_label)
    repairs: dict[tuple, Repair] = {}
    try:
        for number, spec in enumerate(specs):
            raise_if_canceled(feedback)
            _progress(feedback, READ_SHARE * number / len(specs))
            result.layers.append(compare_layer(spec, old.get(spec.code), new.get(spec.code), params, repairs, feedback))
        raise_if_canceled(feedback)
        towns, result.township_note = township_source(old, new, params)
        result.backend = layer_areas(
            result,
            old,
            new,
            towns,
            repairs,
            feedback,
            lambda share: _progress(feedback, READ_SHARE + (1 - READ_SHARE) * share),
        )
        raise_if_canceled(feedback)
    except Canceled:  # the engine raises core.shared.cancel.Canceled too
        result.canceled = True
    result.repairs = list(repairs.values())
    return result


def _progress(feedback, share: float) -> None:
    if feedback is not None:
        feedback.setProgress(100.0 * share)


def compare_layer(
    spec: LayerSpec, old_layer, new_layer, params: CompareParams, repairs: dict, feedback=None
) -> LayerComparison:
    if old_layer is None or new_layer is None:
        status = NEITHER if old_layer is None and new_layer is None else (ONLY_NEW if old_layer is None else ONLY_OLD)
        present = new_layer if old_layer is None else old_layer
        count = present.featureCount() if present is not None else 0
        return LayerComparison(
            spec, status, old_count=count if status == ONLY_OLD else 0, new_count=count if status == ONLY_NEW else 0
        )
    fields, only_old, only_new = common_fields(old_layer, new_layer)
    comparison = LayerComparison(spec, BOTH_VERSIONS, fields_only_old=only_old, fields_only_new=only_new)
    key = tuple(name.upper() for name in spec.key)
    if key and all(name in fields for name in key):
        comparison.match, comparison.key_fields = BY_KEY, spec.key
    else:
        comparison.match = BY_GEOMETRY
        if key:
            comparison.notes.append(
                tr("key field {field} is missing from a version: features were paired by geometry").format(
                    field=", ".join(spec.key)
                )
            )
    klass = spec.class_field.upper() if spec.class_field else None
    if klass and klass not in fields:
        comparison.notes.append(
            tr("class field {field} is missing from a version: areas are counted for the whole layer").format(
                field=spec.class_field
            )
        )
        klass = None
    comparison.class_field = spec.class_field if klass else None
    sides = {}
    for side, layer in ((OLD, old_layer), (NEW, new_layer)):
        records, without = read_records(
            layer, params.area.crs, fields, key if comparison.match == BY_KEY else (), klass, feedback
        )
        sides[side] = records
        if without:
            comparison.notes.append(
                tr("{count} features of the {version} have no geometry and are not compared").format(
                    count=without, version=version_name(side)
                )
            )
    comparison.old_count, comparison.new_count = len(sides[OLD]), len(sides[NEW])
    polygon = spec.geometry == "polygon"
    checkers = {side: _checker(spec, side, polygon, repairs) for side in (OLD, NEW)}
    old_ids = {id(r) for r in sides[OLD]}

    def checked(record: Record):
        return checkers[OLD if id(record) in old_ids else NEW](record)

    matching = match_records(
        sides[OLD], sides[NEW], spec.geometry, params, comparison.match == BY_KEY, checked, feedback
    )
    comparison.notes += matching.notes
    for number, (before, after, how) in enumerate(matching.pairs):
        if number % 2000 == 0:
            raise_if_canceled(feedback)
        change = classify(before, after, how, fields, spec.geometry, params, checkers)
        if change is None:
            comparison.unchanged += 1
        else:
            comparison.changes.append(change)
    comparison.changes += [FeatureChange(REMOVED, old=r) for r in matching.removed]
    comparison.changes += [FeatureChange(ADDED, new=r) for r in matching.added]
    if polygon:  # their geometries feed the area overlay: valid copies
        for change in comparison.changes:
            for side, record in ((OLD, change.old), (NEW, change.new)):
                if record is not None:
                    checkers[side](record)
    return comparison


def _checker(spec: LayerSpec, side: str, polygon: bool, repairs: dict):
    label = layer_label(spec, side)

    def log(fid, problem):
        repairs.setdefault((label, str(fid)), Repair(label, str(fid), problem))

    return lambda record: checked_geometry(record, polygon, log)


def classify(
    before: Record, after: Record, how: str, fields: list[str], kind: str, params: CompareParams, checkers
) -> Optional[FeatureChange]:
    """The change between two paired records, or None when they are the same."""
    moved = geometry_changed(before, after, kind, params, checkers)
    differing = tuple(name for name in fields if not same_value(before.attributes[name], after.attributes[name]))
    if not moved and not differing:
        return None
    change = BOTH if moved and differing else (GEOMETRY if moved else ATTRIBUTES)
    return FeatureChange(change, before, after, how, differing)


def geometry_changed(before: Record, after: Record, kind: str, params: CompareParams, checkers) -> bool:
    if bytes(before.geometry.asWkb()) == bytes(after.geometry.asWkb()):
        return False
    a, b = checkers[OLD](before), checkers[NEW](after)
    if kind == "polygon":
        return params.area.area(a.symDifference(b)) >= params.tolerance
    return a.hausdorffDistance(b) > params.distance_tolerance


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def same_value(a, b) -> bool:
    """Equal as a reviewer reads them: NULL and empty text are one (Shapefiles store NULL text as
    empty, so one plan read from a GeoPackage and a Shapefile folder showed ``ZLDWMC= → ZLDWMC=``)."""
    if _blank(a) or _blank(b):
        return _blank(a) and _blank(b)
    numbers = (int, float)
    if isinstance(a, numbers) and isinstance(b, numbers) and not isinstance(a, bool) and not isinstance(b, bool):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
    if type(a) is not type(b):  # a field typed differently in the two versions: compare as read
        return str(a) == str(b)
    return a == b
