"""Areas per township and for the city: the one computation 乡镇规划指引 and 规划指标 share.

A unit is a township of 乡镇级行政区 (XZQ_XZ) or the city (市域行政区 XZQ; the townships' union when
the city layer is absent). A layer's features (optionally filtered) are split by each unit's
boundary and the pieces inside a unit are unioned before measuring, so a feature crossing two
townships counts in each for its own part and features of one layer that overlap count once —
the overlay engine's ``covered_areas`` (shapely 2, QGIS or PostGIS backend, as chosen). The area
method is explicit (planar in the area CRS or CGCS2000 ellipsoidal), never a project's.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Optional

from qgis.core import (
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsCsException,
    QgsExpression,
    QgsFeatureRequest,
    QgsGeometry,
    QgsWkbTypes,
)

from ...i18n import tr
from ..engine.geometry_repair import Repair, polygon_part, repaired
from ..engine.layers import ControlLayer
from ..engine.overlay import OverlayEngine
from ..engine.selector import AUTO
from ..plan_data.catalogue import default_catalogue
from ..plan_data.tiankan import COEFFICIENT, DEDUCTED, PARCEL_AREA, tiankan_share
from ..shared.areas import AreaMethod
from ..shared.cancel import raise_if_canceled
from ..shared.errors import PlanError
from ..shared.layer_crs import crs_problem, outside_warning

TOWNSHIPS, CITY = "XZQ_XZ", "XZQ"
NAME_FIELD = "XZQMC"


@dataclass
class Units:
    """The townships (in layer order) and the city, valid polygons in the area CRS."""

    names: list[str]
    fids: list[int]
    geometries: list[QgsGeometry]
    city_name: str
    city: QgsGeometry
    city_from_layer: bool  # the city's outline from XZQ (else the townships' union)
    repairs: list[Repair] = field(default_factory=list)

    def all_geometries(self) -> list[QgsGeometry]:
        """Townships first, the city last: the order of every per-unit list here."""
        return self.geometries + [self.city]


def layer_name(code: str) -> str:
    try:
        return default_catalogue().layer(code).name
    except KeyError:
        return code


def _require(layers: dict, code: str, purpose: str):
    layer = layers.get(code)
    if layer is None or not layer.isValid():
        raise PlanError(
            tr("{purpose} needs layer {name} ({code}), which is missing").format(
                purpose=purpose, name=layer_name(code), code=code
            )
        )
    return layer


def _read_polygons(layer, name: str, area: AreaMethod, fields: Sequence[str] = ()) -> list[tuple]:
    """(fid, attributes, valid geometry in the area CRS, repair problem or None) for each feature."""
    problem = crs_problem(layer.crs(), area.crs, layer.extent())
    if problem:
        raise PlanError(tr("Layer {name} {problem}").format(name=name, problem=problem))
    missing = [f for f in fields if layer.fields().lookupField(f) < 0]
    if missing:
        raise PlanError(tr("Layer {name} lacks field {field}").format(name=name, field=", ".join(missing)))
    request = QgsFeatureRequest()
    request.setDestinationCrs(area.crs, QgsCoordinateTransformContext())
    request.setInvalidGeometryCheck(QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck)
    if fields:
        request.setSubsetOfAttributes(list(fields), layer.fields())
    rows = []
    for feature in layer.getFeatures(request):
        geometry, problem = repaired(feature.geometry())
        rows.append((feature.id(), {f: feature[f] for f in fields}, geometry, problem))
    return rows


def read_units(layers: dict, area: AreaMethod, purpose: str) -> Units:
    """The townships and the city from the plan layers; a clear error when the townships are missing."""
    townships = _require(layers, TOWNSHIPS, purpose)
    _check_polygons(townships)
    name = townships.name()
    rows = [r for r in _read_polygons(townships, name, area, (NAME_FIELD,)) if not r[2].isEmpty()]
    if not rows:
        raise PlanError(tr("Layer {name} has no township polygons").format(name=name))
    names = [
        str(r[1][NAME_FIELD]) if r[1][NAME_FIELD] not in (None, "") else tr("(no name) feature {fid}").format(fid=r[0])
        for r in rows
    ]
    repeated = sorted({n for n in names if names.count(n) > 1})
    if repeated:
        raise PlanError(
            tr("Layer {name} names more than one township {township}; each needs its own {field}").format(
                name=name, township=", ".join(repeated), field=NAME_FIELD
            )
        )
    repairs = [Repair(name, str(r[0]), r[3]) for r in rows if r[3]]
    city_layer = layers.get(CITY)
    if city_layer is not None and city_layer.isValid():
        city_rows = [
            r for r in _read_polygons(city_layer, city_layer.name(), area, (NAME_FIELD,)) if not r[2].isEmpty()
        ]
        repairs += [Repair(city_layer.name(), str(r[0]), r[3]) for r in city_rows if r[3]]
    else:
        city_rows = []
    if city_rows:
        city = QgsGeometry.unaryUnion([r[2] for r in city_rows])
        city_name = str(city_rows[0][1][NAME_FIELD] or tr("City"))
    else:
        city = QgsGeometry.unaryUnion([r[2] for r in rows])
        city_name = tr("City")
    return Units(
        names, [r[0] for r in rows], [r[2] for r in rows], city_name, polygon_part(city), bool(city_rows), repairs
    )


@dataclass
class AreaRequest:
    """What to measure: a layer's features, filtered, with an area method (planar/ellipsoidal);
    ``net_of_tiankan``: 三调 耕地 as its statistics count it, each piece's area less its parcel's 田坎
    share (KCXS, else KCMJ / TBMJ: ``plan_data.tiankan``; a parcel with neither deducts nothing)."""

    layer: str
    filter: Optional[str]
    method: str
    net_of_tiankan: bool = False

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.layer, self.filter or "", self.method, "net" if self.net_of_tiankan else "")


@dataclass
class UnitAreas:
    """Per request key: m² per township (in the units' order) and for the city."""

    townships: dict[tuple, list[float]]
    city: dict[tuple, float]
    unit_areas: dict[str, tuple[list[float], float]]  # method: (township areas, city area)
    repairs: list[Repair]
    warnings: list[str] = field(default_factory=list)  # layers or filters with nothing to measure
    backend: str = ""  # the overlay engine that measured, in words


def measure_units(
    units: Units,
    layers: dict,
    requests: Sequence[AreaRequest],
    area: AreaMethod,
    feedback=None,
    purpose: str = "",
    backend: str = AUTO,
) -> UnitAreas:
    """The area of each request's features in each unit, on the overlay engine (one run per area
    method: the units are its sites, each request a control layer, ``covered_areas`` counting
    overlapping features once); raises ``shared.cancel.Canceled`` on cancel."""
    requests = list({r.key: r for r in requests}.values())
    methods = {r.method for r in requests} | {area.method}
    areas = {m: AreaMethod(area.crs, m) for m in methods}
    unit_areas = {m: ([a.area(g) for g in units.geometries], a.area(units.city)) for m, a in areas.items()}
    result = UnitAreas({}, {}, unit_areas, list(units.repairs))
    for request in requests:  # every layer and filter checked before any work
        layer = _require(layers, request.layer, purpose)
        _check_polygons(layer)
        _check_filter(layer, request.filter)
        warning = _nothing_to_measure(layer, request.filter) or _off_the_city(layer, layers, units, area)
        if warning and warning not in result.warnings:  # zero is then the answer, but say why
            result.warnings.append(warning)
    progress = _Progress(feedback, len(requests))
    for method in sorted({r.method for r in requests}):
        chosen = [r for r in requests if r.method == method]
        with OverlayEngine(areas[method], backend, [layers[r.layer] for r in chosen], feedback) as engine:
            result.backend = engine.describe()
            sites = engine.sites(units.all_geometries(), list(range(len(units.geometries) + 1)))
            for request in chosen:
                raise_if_canceled(feedback)
                layer = layers[request.layer]
                overlay = engine.overlay(sites, ControlLayer(layer, layer.name(), request.filter), progress.part)
                values = (
                    _net_areas(overlay, layer, len(units.geometries) + 1, result.warnings)
                    if request.net_of_tiankan
                    else overlay.covered_areas()
                )
                result.townships[request.key], result.city[request.key] = list(values[:-1]), values[-1]
                progress.done()
            _add_repairs(result, engine.repairs)
    raise_if_canceled(feedback)
    return result


def _net_areas(overlay, layer, count: int, warnings: list) -> list[float]:
    """Per unit, Σ piece area × (1 − its parcel's 田坎 share): 三调 parcels tile the land, so their
    pieces never overlap. Parcels without 田坎 data deduct nothing, and the run says how many."""
    fids = sorted(set(overlay.pair_fids))
    fields = [f for f in (COEFFICIENT, DEDUCTED, PARCEL_AREA) if layer.fields().lookupField(f) >= 0]
    request = QgsFeatureRequest().setFilterFids(fids).setFlags(QgsFeatureRequest.Flag.NoGeometry)
    request.setSubsetOfAttributes(fields, layer.fields())
    shares = {
        f.id(): tiankan_share({n: f[n] for n in fields}, layer.name(), f.id()) for f in layer.getFeatures(request)
    }
    missing = sum(1 for k in shares.values() if k is None)
    if missing:
        warnings.append(
            tr(
                "Layer {name}: {count} parcels carry no 田坎 data (KCXS, or KCMJ and TBMJ): their 耕地 is counted gross"
            ).format(name=layer.name(), count=missing)
        )
    values = [0.0] * count
    for site, fid, area in zip(overlay.pair_sites, overlay.pair_fids, overlay.pair_areas):
        values[site] += area * (1.0 - (shares.get(fid) or 0.0))
    return values


class _Progress:
    """The run's progress over its requests, each reporting its own share as it goes."""

    def __init__(self, feedback, total: int):
        self.feedback, self.total, self.finished = feedback, max(1, total), 0

    def part(self, fraction: float) -> None:
        if self.feedback is not None:
            self.feedback.setProgress(100.0 * (self.finished + min(1.0, fraction)) / self.total)

    def done(self) -> None:
        self.finished += 1
        self.part(0.0)


def _add_repairs(result: UnitAreas, repairs: list[Repair]) -> None:
    seen = {(r.layer, r.feature) for r in result.repairs}
    for repair in repairs:
        if (repair.layer, repair.feature) not in seen:
            seen.add((repair.layer, repair.feature))
            result.repairs.append(repair)


def _check_polygons(layer) -> None:
    """Points or lines measure nothing: a wrong layer must not pass as an area of 0."""
    if layer.geometryType() != QgsWkbTypes.GeometryType.PolygonGeometry:
        raise PlanError(
            tr("Layer {name} is not a polygon layer, so it has no area to measure").format(name=layer.name())
        )


def _nothing_to_measure(layer, expression: Optional[str]) -> Optional[str]:
    """A sentence when the layer (or its filter) gives no feature at all, else None."""
    request = QgsFeatureRequest().setNoAttributes().setFlags(QgsFeatureRequest.Flag.NoGeometry).setLimit(1)
    if expression:
        request.setFilterExpression(expression)
    if next(iter(layer.getFeatures(request)), None) is not None:
        return None
    if expression:
        return tr("The filter {expr} chooses no feature of layer {name}: its areas are 0").format(
            expr=expression, name=layer.name()
        )
    return tr("Layer {name} has no features: its areas are 0").format(name=layer.name())


def _off_the_city(layer, layers: dict, units: Units, area: AreaMethod) -> Optional[str]:
    """A sentence when the layer lies wholly off the city (its areas all 0), naming the CRS its
    coordinates fit: a layer labelled with the wrong zone must not read as "0, short of target"."""
    to_area = QgsCoordinateTransform(layer.crs(), area.crs, QgsCoordinateTransformContext())
    try:
        extent = to_area.transformBoundingBox(layer.extent())
    except QgsCsException:
        extent = None
    if extent is not None and extent.intersects(units.city.boundingBox()):
        return None
    reference = layers.get(CITY) or layers[TOWNSHIPS]
    return outside_warning(layer, reference, area.crs) + tr(": its areas are 0")


def _check_filter(layer, expression: Optional[str]) -> None:
    """A filter reading a field the layer lacks would choose nothing, silently: refuse it."""
    if not expression:
        return
    parsed = QgsExpression(expression)
    missing = sorted(
        name
        for name in parsed.referencedColumns()
        if name != "#!allattributes!#" and layer.fields().lookupField(name) < 0
    )
    if missing:
        raise PlanError(
            tr("Layer {name} lacks field {field}, which the filter {expr} reads").format(
                name=layer.name(), field=", ".join(missing), expr=expression
            )
        )
