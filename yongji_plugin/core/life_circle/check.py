"""15分钟社区生活圈: which residential areas lack which rows of the plan's 社区—邻里—街坊 table.

For every row of the table (``life_circle_table``) the facilities of its types are the start
points of a service area over the walking network: the streets reachable within the row's level
minutes at the walking speed (``walking_network``). A residential area *reaches* a row when a
reachable street passes within the access distance of its edge (its residents step onto that
street); it *lacks* a required row it does not reach. The walk from a facility to its street
(at most the access distance) is not counted.

Without a usable network (none given, or one that leaves facilities or areas unconnected) the
run stops with the features named — unless the caller allows the straight-line fallback: then a
row is reached when one of its facilities lies within speed × minutes of the area's edge, and the
result says which method ran and why.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Optional

from qgis.core import (
    QgsCoordinateTransformContext,
    QgsFeatureRequest,
    QgsGeometry,
    QgsPointXY,
    QgsWkbTypes,
)

from ...i18n import tr
from ..engine.geometry_repair import Repair, repaired
from ..measuring.inputs import check_layer, text
from ..shared.areas import AreaMethod
from ..shared.cancel import is_canceled
from ..shared.errors import PlanError
from ..shared.numbers import finite_number, non_negative, positive
from .table import FacilityRow, LifeCircleTable
from .walking_network import (
    Attachment,
    NetworkGraph,
    ReachIndex,
    connection_problems,
    network_copy,
    service_area_lines,
)

NETWORK, STRAIGHT = "network", "straight_line"
PROBLEMS_SHOWN = 12  # problems named in one error message


def method_label(method: str) -> str:
    return {NETWORK: tr("walking network (QGIS service areas)"), STRAIGHT: tr("straight-line distance (fallback)")}.get(
        method, method
    )


@dataclass
class LifeCircleParams:
    area: AreaMethod
    speed_kmh: Optional[float] = None  # None: the table's
    minutes: dict[str, float] = field(default_factory=dict)  # per level code; missing: the table's
    access_distance: float = 50.0  # m: facility or area edge to its street
    topology_tolerance: float = 0.0  # m: line ends this close are joined (QGIS's graph builder)
    fallback: bool = False  # straight line when the network cannot be used
    type_field: str = "SSLX"
    level_field: Optional[str] = "SHQJB"
    facility_name_field: Optional[str] = "MC"
    residential_name_field: Optional[str] = "MC"
    population_field: Optional[str] = "RK"


@dataclass
class Facility:
    fid: int
    name: str
    type: str
    level: Optional[str]
    point: QgsPointXY
    rows: list[str]  # row codes it counts for


@dataclass
class ResidentialArea:
    fid: int
    name: str
    population: Optional[float]
    geometry: QgsGeometry  # area CRS, valid
    area: float  # m², by the area method
    reached: set[str] = field(default_factory=set)


@dataclass
class LifeCircleResult:
    table: LifeCircleTable
    params: LifeCircleParams
    speed_kmh: float
    minutes: dict[str, float]
    layer_names: dict[str, str]
    facilities: list[Facility] = field(default_factory=list)
    areas: list[ResidentialArea] = field(default_factory=list)
    service_areas: dict[str, QgsGeometry] = field(default_factory=dict)  # row code -> lines or discs
    streets: Optional[QgsGeometry] = None  # the network's lines in the area CRS, for the map
    method: str = NETWORK
    fallback_reason: str = ""
    unmatched_types: Counter = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    started: datetime = field(default_factory=datetime.now)
    canceled: bool = False

    def metres(self, level: str) -> float:
        return self.speed_kmh * 1000.0 / 60.0 * self.minutes[level]

    def facilities_of(self, row: FacilityRow) -> list[Facility]:
        return [f for f in self.facilities if row.code in f.rows]

    def lacks(self, area: ResidentialArea, required: bool = True) -> list[FacilityRow]:
        return [row for row in self.table.rows if row.required == required and row.code not in area.reached]


def _check_field(layer, role: str, name: Optional[str]) -> Optional[str]:
    if name and layer.fields().lookupField(name) < 0:
        raise PlanError(
            tr("{role} layer {layer} has no field {field}").format(role=role, layer=layer.name(), field=name)
        )
    return name or None


def _request(area_crs) -> QgsFeatureRequest:
    return QgsFeatureRequest().setDestinationCrs(area_crs, QgsCoordinateTransformContext())


def read_facilities(layer, table: LifeCircleTable, params: LifeCircleParams, result: LifeCircleResult) -> None:
    role = tr("Facility")
    check_layer(layer, role, QgsWkbTypes.GeometryType.PointGeometry, params.area.crs)
    type_field = _check_field(layer, role, params.type_field)
    if not type_field:
        raise PlanError(tr("Name the facility-type field of {layer}").format(layer=layer.name()))
    level_field = _check_field(layer, role, params.level_field)
    name_field = _check_field(layer, role, params.facility_name_field)
    levels = {level.code for level in table.levels}
    unknown_levels: Counter = Counter()
    for feature in layer.getFeatures(_request(params.area.crs)):
        kind = text(feature[type_field]) or ""
        level = text(feature[level_field]) if level_field else None
        rows = [row.code for row in table.rows_for(kind, level)]
        if not rows:
            if table.ambiguous(kind):
                unknown_levels[(kind, level or "NULL")] += 1
            else:
                result.unmatched_types[kind or "NULL"] += 1
            continue
        geometry = feature.geometry()
        if geometry.isNull() or geometry.isEmpty():
            result.warnings.append(
                tr("Facility {fid} of {layer} has no geometry and is left out").format(
                    fid=feature.id(), layer=layer.name()
                )
            )
            continue
        name = (text(feature[name_field]) if name_field else None) or tr("feature {fid}").format(fid=feature.id())
        point = geometry.asPoint() if not geometry.isMultipart() else geometry.asMultiPoint()[0]
        result.facilities.append(Facility(feature.id(), name, kind, level, QgsPointXY(point), rows))
    for (kind, level), count in sorted(unknown_levels.items()):
        result.warnings.append(
            tr(
                "{count} facilities of type {type} have level {level}, which is none of {levels}; the table lists "
                "the type at several levels, so they are left out"
            ).format(count=count, type=kind, level=level, levels=", ".join(sorted(levels)))
        )
    if not result.facilities:
        raise PlanError(
            tr("No facility of {layer} has a type of the life-circle table in field {field} (found: {found})").format(
                layer=layer.name(), field=type_field, found="、".join(sorted(result.unmatched_types)[:10]) or "—"
            )
        )


def read_areas(layer, params: LifeCircleParams, result: LifeCircleResult) -> None:
    role = tr("Residential area")
    check_layer(layer, role, QgsWkbTypes.GeometryType.PolygonGeometry, params.area.crs)
    name_field = _check_field(layer, role, params.residential_name_field)
    population_field = (
        params.population_field
        if params.population_field and layer.fields().lookupField(params.population_field) >= 0
        else None
    )
    no_population = []
    for feature in layer.getFeatures(_request(params.area.crs)):
        geometry = feature.geometry()
        if geometry.isNull() or geometry.isEmpty():
            result.warnings.append(
                tr("Residential area {fid} of {layer} has no geometry and is left out").format(
                    fid=feature.id(), layer=layer.name()
                )
            )
            continue
        geometry, problem = repaired(geometry)
        if problem:
            result.repairs.append(Repair(layer.name(), str(feature.id()), problem))
        name = (text(feature[name_field]) if name_field else None) or tr("feature {fid}").format(fid=feature.id())
        population = _population(feature, population_field, no_population)
        result.areas.append(ResidentialArea(feature.id(), name, population, geometry, params.area.area(geometry)))
    if no_population:
        result.warnings.append(
            tr(
                "{count} residential areas of {layer} have no valid population in {field} (features {fids}: "
                "not a number, infinite or negative): left out of the population figures"
            ).format(count=len(no_population), layer=layer.name(), field=population_field, fids=_ids(no_population))
        )


def _population(feature, field: Optional[str], invalid: list) -> Optional[float]:
    """A residential area's population; None for NULL, and for NaN, ±inf or a negative number,
    which are listed in ``invalid`` (a NaN made the report's population lacking "nan")."""
    if not field:
        return None
    raw = feature[field]
    population = finite_number(raw)
    if population is None or population < 0:
        if not (raw is None or (hasattr(raw, "isNull") and raw.isNull()) or raw == ""):
            invalid.append(feature.id())
        return None
    return population


def _ids(fids: list, shown: int = 10) -> str:
    return ", ".join(map(str, fids[:shown])) + (", …" if len(fids) > shown else "")


def _attachments(graph: NetworkGraph, result: LifeCircleResult, reach: float) -> list[Attachment]:
    attachments = []
    for i, facility in enumerate(result.facilities):
        snapped = graph.snapped[i]
        distance = facility.point.distance(snapped)
        parts = graph.point_components(i) if distance <= reach else frozenset()
        attachments.append(Attachment(tr("facility"), facility.fid, facility.name, distance, parts))
    for area in result.areas:
        distance, parts = graph.near(area.geometry, reach)
        attachments.append(Attachment(tr("residential area"), area.fid, area.name, distance, parts))
    return attachments


def _problemtext(network_name: str, problems: list[str]) -> str:
    shown = "; ".join(problems[:PROBLEMS_SHOWN])
    if len(problems) > PROBLEMS_SHOWN:
        shown += tr(" and {count} more").format(count=len(problems) - PROBLEMS_SHOWN)
    return tr("The street network {network} does not connect every facility and residential area: {problems}").format(
        network=network_name, problems=shown
    )


def _progress(feedback, value: float) -> None:
    if feedback is not None:
        feedback.setProgress(value)


def _run_network(network, result: LifeCircleResult, params: LifeCircleParams, feedback) -> bool:
    """Service areas over the network; False when canceled. PlanError when it cannot be used."""
    graph = NetworkGraph(network, [f.point for f in result.facilities], params.topology_tolerance)
    problems = connection_problems(
        _attachments(graph, result, params.access_distance), params.access_distance, network.name()
    )
    if problems:
        raise PlanError(_problemtext(network.name(), problems))
    rows = [row for row in result.table.rows if result.facilities_of(row)]
    for number, row in enumerate(rows):
        if is_canceled(feedback):
            return False
        points = [f.point for f in result.facilities_of(row)]
        lines = service_area_lines(network, points, result.metres(row.level), params.topology_tolerance, feedback)
        if lines is None:
            return False
        index = ReachIndex(lines)
        for area in result.areas:
            if index.reaches(area.geometry, params.access_distance):
                area.reached.add(row.code)
        result.service_areas[row.code] = QgsGeometry.unaryUnion([f.geometry() for f in lines.getFeatures()])
        _progress(feedback, 10.0 + 90.0 * (number + 1) / len(rows))
    return True


def _run_straight(result: LifeCircleResult, feedback) -> bool:
    for row in result.table.rows:
        if is_canceled(feedback):
            return False
        facilities = result.facilities_of(row)
        if not facilities:
            continue
        radius = result.metres(row.level)
        for area in result.areas:
            engine = QgsGeometry.createGeometryEngine(area.geometry.constGet())
            if any(engine.distance(QgsGeometry.fromPointXY(f.point).constGet()) <= radius for f in facilities):
                area.reached.add(row.code)
        result.service_areas[row.code] = QgsGeometry.unaryUnion(
            [QgsGeometry.fromPointXY(f.point).buffer(radius, 24) for f in facilities]
        )
    return True


def _minutes(table: LifeCircleTable, params: LifeCircleParams) -> dict[str, float]:
    minutes = {level.code: level.minutes for level in table.levels}
    for code, value in (params.minutes or {}).items():
        if code not in minutes:
            raise PlanError(
                tr("Unknown life-circle level {level}; the table's levels are {levels}").format(
                    level=code, levels=", ".join(minutes)
                )
            )
        minutes[code] = positive(value, tr("Walking minutes for level {level}").format(level=code))
    return minutes


def run_life_circle(
    facilities, areas, network, table: LifeCircleTable, params: LifeCircleParams, feedback=None
) -> LifeCircleResult:
    """The life-circle check; ``network`` may be None only with ``params.fallback``."""
    speed = positive(params.speed_kmh if params.speed_kmh is not None else table.speed_kmh, tr("The walking speed"))
    non_negative(params.access_distance, tr("The access distance"))
    non_negative(params.topology_tolerance, tr("The topology tolerance"))
    result = LifeCircleResult(
        table,
        params,
        speed,
        _minutes(table, params),
        {
            "facilities": facilities.name() if facilities is not None else "",
            "areas": areas.name() if areas is not None else "",
            "network": network.name() if network is not None else "",
        },
    )
    read_facilities(facilities, table, params, result)
    read_areas(areas, params, result)
    if not result.areas:
        raise PlanError(tr("Residential area layer {name} has no area with a geometry").format(name=areas.name()))
    _progress(feedback, 5.0)
    copy = None
    try:
        if network is None:
            raise PlanError(tr("No street network given"))
        check_layer(network, tr("Street network"), QgsWkbTypes.GeometryType.LineGeometry, params.area.crs)
        copy = network_copy(network, params.area.crs, network.name())
        result.streets = QgsGeometry.collectGeometry([f.geometry() for f in copy.getFeatures()])
    except PlanError as error:
        if not params.fallback:
            raise
        result.method, result.fallback_reason = STRAIGHT, str(error)
    if copy is not None:
        try:
            finished = _run_network(copy, result, params, feedback)
        except PlanError as error:
            if not params.fallback:
                raise
            result.method, result.fallback_reason = STRAIGHT, str(error)
            for area in result.areas:
                area.reached.clear()
            result.service_areas.clear()
        else:
            return _ended(result, finished, feedback)
    return _ended(result, _run_straight(result, feedback), feedback)


def _ended(result: LifeCircleResult, finished: bool, feedback) -> LifeCircleResult:
    """A run cut short keeps no half coverage; a cancel after the last step still counts."""
    result.canceled = not finished or is_canceled(feedback)
    if result.canceled:
        for area in result.areas:
            area.reached.clear()
        result.service_areas.clear()
    return result
