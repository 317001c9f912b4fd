"""Area gained and lost per class and township, on the overlay engine.

For a polygon layer and each class ``c`` (a value of its class field; the whole layer when it has
none)::

    gained(c) = U_new(c) − U_old(c)        lost(c) = U_old(c) − U_new(c)

the differences of the class unions, so overlapping features count once and a feature redrawn,
split or merged counts only the ground that changed class. Only changed features can hold such
ground (an unchanged one lies in both unions, to within the area tolerance), so the engine takes
the changed features of class ``c`` in one version as sites and the other version's layer,
filtered to class ``c``, as the control layer; each site's part outside the control layer is its
share, and their union is the class's. Each union is then overlaid on the townships of the
chosen version: one row per class and township, plus what lies outside every township, which
add up to the class total. Pieces below 0.005 m² (under the stored precision) are dropped as
floating-point noise.
"""

from typing import Callable, Optional

from qgis.core import QgsExpression, QgsGeometry

from ...i18n import tr
from ..engine.geometry_repair import Repair, polygon_part
from ..engine.layers import ControlLayer
from ..engine.overlay import OverlayEngine
from ..shared.cancel import raise_if_canceled
from .model import (
    ADDED,
    NEW,
    OLD,
    PIECE_NOISE,
    REMOVED,
    ClassArea,
    ComparisonResult,
    FeatureChange,
    LayerComparison,
    layer_label,
)
from .reading import plain, plan_fields

TOWNSHIP_CODE = "XZQ_XZ"
GAINED, LOST = "gained", "lost"


def township_source(old: dict, new: dict, params) -> tuple[Optional[object], str]:
    """(the 乡镇级行政区 layer that splits the areas, a sentence saying which one)."""
    wanted = params.townships
    first, second = (new, old) if wanted == NEW else (old, new)
    layer = first.get(TOWNSHIP_CODE) or second.get(TOWNSHIP_CODE)
    if layer is None:
        return None, tr("Neither version has the townships layer: areas are not split by township")
    fields = plan_fields(layer)
    if "XZQMC" not in fields:
        return None, tr("The townships layer lacks XZQMC: areas are not split by township")
    side = wanted if first.get(TOWNSHIP_CODE) is not None else (OLD if wanted == NEW else NEW)
    version = tr("the later version") if side == NEW else tr("the earlier version")
    note = tr("Areas are split by the townships (XZQ_XZ) of {version}").format(version=version)
    if side != wanted:
        note += tr(" (the other version has none)")
    return layer, note


def _moved(change: FeatureChange) -> bool:
    """Can this change move ground between classes? Added, removed, redrawn, or re-classed."""
    if change.change in (ADDED, REMOVED) or change.geometry_changed:
        return True
    return change.old.klass != change.new.klass


def _sites(comparison: LayerComparison, side: str) -> dict[Optional[str], list[QgsGeometry]]:
    """Geometries of the changed features of one version, by class."""
    by_class: dict[Optional[str], list[QgsGeometry]] = {}
    for change in comparison.changes:
        record = change.new if side == NEW else change.old
        if record is not None and _moved(change):
            by_class.setdefault(record.klass, []).append(record.geometry)
    return by_class


def class_filter(layer, class_field: Optional[str], value: Optional[str]) -> Optional[str]:
    if class_field is None:
        return None
    name = plan_fields(layer)[class_field.upper()]
    if value is None:
        return f"{QgsExpression.quotedColumnRef(name)} IS NULL"
    return QgsExpression.createFieldEqualityExpression(name, value)


def _union(pieces: list[QgsGeometry]) -> QgsGeometry:
    pieces = [p for p in pieces if p is not None and not p.isEmpty()]
    if not pieces:
        return QgsGeometry()
    return polygon_part(QgsGeometry.unaryUnion(pieces)) if len(pieces) > 1 else QgsGeometry(pieces[0])


def _steps(result: ComparisonResult, old: dict, new: dict) -> list[tuple]:
    """(comparison, direction, class, site geometries, control layer) for every overlay to run."""
    steps = []
    for comparison in result.layers:
        if comparison.spec.geometry != "polygon" or not comparison.changes:
            continue
        code = comparison.spec.code
        for direction, side, other in ((GAINED, NEW, old[code]), (LOST, OLD, new[code])):
            for klass, geometries in sorted(_sites(comparison, side).items(), key=lambda i: str(i[0])):
                steps.append((comparison, direction, klass, geometries, other))
    return steps


def layer_areas(
    result: ComparisonResult,
    old: dict,
    new: dict,
    towns,
    repairs: dict[tuple, Repair],
    feedback=None,
    progress: Callable[[float], None] = None,
) -> str:
    """Fill each polygon layer's ``areas`` and ``class_totals``; returns the engine backend in words."""
    steps = _steps(result, old, new)
    if not steps:
        return ""
    layers = list({id(s[4]): s[4] for s in steps}.values()) + ([towns] if towns is not None else [])
    unions: list[tuple] = []  # (comparison, direction, class, union)
    with OverlayEngine(result.params.area, result.params.backend, layers, feedback) as engine:
        for number, (comparison, direction, klass, geometries, other) in enumerate(steps):
            raise_if_canceled(feedback)
            if progress is not None:
                progress(0.8 * number / len(steps))
            label = layer_label(comparison.spec, NEW if direction == LOST else OLD)
            control = ControlLayer(other, label, class_filter(other, comparison.class_field, klass))
            overlay = engine.overlay(engine.sites(geometries), control)
            outside = overlay.outside(list(range(len(geometries))))
            union = _union([g for area, g in outside.values() if g is not None and area > PIECE_NOISE])
            unions.append((comparison, direction, klass, union))
        raise_if_canceled(feedback)
        _totals(unions, result.params.area)
        _split(unions, towns, engine, feedback)
        for repair in engine.repairs:
            repairs.setdefault((repair.layer, repair.feature), repair)
        return engine.describe()


def _totals(unions, area) -> None:
    for comparison, direction, klass, union in unions:
        gained, lost = comparison.class_totals.get(klass, (0.0, 0.0))
        size = area.area(union) if not union.isEmpty() else 0.0
        comparison.class_totals[klass] = (gained + size, lost) if direction == GAINED else (gained, lost + size)


def _row(comparison: LayerComparison, rows: dict[tuple, ClassArea], klass, township, code) -> ClassArea:
    key = (id(comparison), klass, township)
    if key not in rows:
        rows[key] = ClassArea(klass, township, code)
        comparison.areas.append(rows[key])
    return rows[key]


def _add(row: ClassArea, direction: str, area: float, pieces: list[QgsGeometry]) -> None:
    if direction == GAINED:
        row.gained += area
        row.gained_pieces += pieces
    else:
        row.lost += area
        row.lost_pieces += pieces


def _split(unions, towns, engine, feedback) -> None:
    """Each union over the townships: per township (features of one name counted once) and outside."""
    rows: dict[tuple, ClassArea] = {}
    present = [u for u in unions if not u[3].isEmpty()]
    if towns is None:
        for comparison, direction, klass, union in present:
            _add(_row(comparison, rows, klass, None, None), direction, engine.area.area(union), [union])
        return
    fields = plan_fields(towns)
    wanted = tuple(fields[name] for name in ("XZQMC", "XZQDM") if name in fields)
    control = ControlLayer(towns, towns.name(), None, wanted)
    sites = engine.sites([u[3] for u in present])
    overlay = engine.overlay(sites, control)
    raise_if_canceled(feedback)
    read = overlay.attributes(overlay.pair_fids)
    names = {fid: {name: plain(value) for name, value in values.items()} for fid, values in read.items()}
    keys = [(site, names[fid].get(wanted[0])) for site, fid in zip(overlay.pair_sites, overlay.pair_fids)]
    areas = overlay.union_areas(keys)
    groups: dict[tuple, list[int]] = {}
    for pair, key in enumerate(keys):
        groups.setdefault(key, []).append(pair)
    for (site, name), pairs in sorted(groups.items(), key=lambda item: (item[0][0], str(item[0][1]))):
        if areas[(site, name)] <= PIECE_NOISE:
            continue
        comparison, direction, klass, _ = present[site]
        code = names[overlay.pair_fids[pairs[0]]].get(wanted[1]) if len(wanted) > 1 else None
        _add(_row(comparison, rows, klass, name, code), direction, areas[(site, name)], [_union(overlay.pieces(pairs))])
    for site, (area, geometry) in overlay.outside(list(range(len(present)))).items():
        if area > PIECE_NOISE and geometry is not None:
            comparison, direction, klass, _ = present[site]
            _add(_row(comparison, rows, klass, None, None), direction, area, [geometry])
