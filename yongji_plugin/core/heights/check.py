"""建筑高度控制检查: each building's height against the limit of the height zone it stands in.

The plan (塑造山水城市特色) caps heights by zone: 近湖区、近山区、退湖区 mostly ≤ 24 m, the lake,
river and mountain edge ≤ 18 m, 望湖区、望山区 24–45 m, around 一场三馆 and 市人民医院 60–80 m. The
height-zone layer (catalogue JZGDKZ) carries each zone's limit (ZDGD, the upper figure); the lower
figure (ZXGD) is what the zone is mostly built to and is not judged.

A building's height is read from a height field, or computed as floors × storey height, or the
height field where it is filled and floors × storey height elsewhere (the mode, fields and storey
height are parameters). A building is judged against the *strictest* zone it overlaps by at least
the area tolerance: a tower half in an 18 m zone must keep to 18 m, since the plan protects the
view the lower zone stands for (of equally strict zones, the one holding more of it is named). Every
zone it touches is reported with the overlap area, so a
reviewer sees straddling buildings. Overlaps below the tolerance are slivers of digitising, not
membership. Excess = height − limit (m); a building is over its limit when the excess is > 0
(the plan's "24米以下" includes 24 m).

The overlay of buildings on zones runs on the overlay engine (``core.engine``), footprints and
overlaps measured with the explicit area method.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Optional

from qgis.core import QgsCoordinateTransformContext, QgsFeatureRequest, QgsGeometry, QgsWkbTypes

from ...i18n import tr
from ..engine.geometry_repair import Repair
from ..engine.overlay import Canceled as EngineCanceled
from ..engine.overlay import ControlLayer, OverlayEngine
from ..measuring.inputs import check_layer, text
from ..shared.areas import DEFAULT_TOLERANCE, AreaMethod
from ..shared.cancel import Canceled, is_canceled
from ..shared.errors import PlanError
from ..shared.layer_crs import outside_warning
from ..shared.numbers import finite_number, non_negative, positive

HEIGHT, FLOORS, AUTO = "height", "floors", "auto"
MODES = (AUTO, HEIGHT, FLOORS)
OVER, WITHIN, NO_ZONE, NO_HEIGHT = "over", "within", "no_zone", "no_height"
STATUSES = (OVER, WITHIN, NO_ZONE, NO_HEIGHT)
NAME_FIELDS = ("JZMC", "MC", "JZBH", "name", "NAME")
POLYGON = QgsWkbTypes.GeometryType.PolygonGeometry


def status_label(status: str) -> str:
    return {
        OVER: tr("over the limit"),
        WITHIN: tr("within the limit"),
        NO_ZONE: tr("outside the height zones"),
        NO_HEIGHT: tr("no height"),
    }.get(status, status)


def source_label(source: Optional[str]) -> str:
    return {HEIGHT: tr("height field"), FLOORS: tr("floors × storey height")}.get(source, "—")


def mode_label(mode: str) -> str:
    return {
        HEIGHT: tr("height field"),
        FLOORS: tr("floors × storey height"),
        AUTO: tr("height field, else floors × storey height"),
    }[mode]


@dataclass
class HeightParams:
    area: AreaMethod
    mode: str = AUTO
    height_field: Optional[str] = "JZGD"
    floors_field: Optional[str] = "CS"
    storey_height: float = 3.0  # m
    name_field: Optional[str] = None  # None: the first of NAME_FIELDS the layer has
    limit_field: str = "ZDGD"
    zone_name_field: str = "FQMC"
    zone_code_field: Optional[str] = "FQDM"
    tolerance: float = DEFAULT_TOLERANCE  # m²
    backend: str = "auto"


@dataclass
class Zone:
    fid: int
    code: str
    name: str
    limit: float
    geometry: QgsGeometry  # area CRS, for the report's map


@dataclass
class ZoneOverlap:
    fid: int
    code: str
    name: str
    limit: float
    area: float  # m² of the building inside this zone


@dataclass
class BuildingResult:
    fid: int
    name: str
    height: Optional[float]
    source: Optional[str]  # HEIGHT, FLOORS or None
    floors: Optional[float]
    footprint: float  # m²
    geometry: QgsGeometry  # area CRS, repaired
    zones: list[ZoneOverlap] = field(default_factory=list)  # every zone touched, strictest first
    judged: Optional[ZoneOverlap] = None

    @property
    def limit(self) -> Optional[float]:
        return self.judged.limit if self.judged else None

    @property
    def excess(self) -> Optional[float]:
        """Height − limit, exact: the verdict is decided on it, rounding is for display only
        (rounded first, 24.004 m in a ≤ 24 m zone read as "within" while 45.005 m read as "over")."""
        if self.height is None or self.judged is None:
            return None
        return self.height - self.judged.limit

    @property
    def status(self) -> str:
        if self.judged is None:
            return NO_ZONE
        if self.height is None:
            return NO_HEIGHT
        return OVER if self.height > self.judged.limit else WITHIN

    @property
    def straddles(self) -> bool:
        return len(self.zones) > 1


@dataclass
class HeightResult:
    params: HeightParams
    building_layer: str
    zone_layer: str
    buildings: list[BuildingResult] = field(default_factory=list)
    zones: list[Zone] = field(default_factory=list)
    no_geometry: list[int] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    backend: str = ""
    started: datetime = field(default_factory=datetime.now)
    canceled: bool = False

    def counts(self) -> dict[str, int]:
        found = Counter(b.status for b in self.buildings)
        return {status: found.get(status, 0) for status in STATUSES}

    def over(self) -> list[BuildingResult]:
        return sorted((b for b in self.buildings if b.status == OVER), key=lambda b: (-b.excess, b.fid))


def _need_field(layer, role: str, name: Optional[str], purpose: str) -> str:
    if not name:
        raise PlanError(
            tr("Name the {purpose} field of {role} layer {layer}").format(
                purpose=purpose, role=role, layer=layer.name()
            )
        )
    if layer.fields().lookupField(name) < 0:
        raise PlanError(
            tr("{role} layer {layer} has no field {field} ({purpose})").format(
                role=role, layer=layer.name(), field=name, purpose=purpose
            )
        )
    return name


def check_inputs(buildings, zones, params: HeightParams) -> None:
    """Every bad input the check can see before it reads a feature, as one clear sentence."""
    if params.mode not in MODES:
        raise PlanError(
            tr("Unknown height source {mode}; choose one of {modes}").format(mode=params.mode, modes=", ".join(MODES))
        )
    building, zone = tr("Building"), tr("Height zone")
    check_layer(buildings, building, POLYGON, params.area.crs)
    check_layer(zones, zone, POLYGON, params.area.crs)
    if params.mode in (HEIGHT, AUTO):
        _need_field(buildings, building, params.height_field, tr("height"))
    if params.mode in (FLOORS, AUTO):
        _need_field(buildings, building, params.floors_field, tr("floors"))
        positive(params.storey_height, tr("The storey height"))
    if params.name_field:
        _need_field(buildings, building, params.name_field, tr("name"))
    _need_field(zones, zone, params.limit_field, tr("height limit"))
    _need_field(zones, zone, params.zone_name_field, tr("zone name"))
    if params.zone_code_field:
        _need_field(zones, zone, params.zone_code_field, tr("zone code"))
    non_negative(params.tolerance, tr("The area tolerance"))


def _number(value) -> Optional[float]:
    """A height, a floor count or a limit as a positive finite number; None for anything else
    (NULL, "NaN", ±inf, 0 or below), which the building's status says: no valid height."""
    number = finite_number(value)
    return number if number is not None and number > 0 else None


def _read_zones(zones, params: HeightParams) -> dict[int, Zone]:
    """Every zone's code, name, limit and geometry; a zone without a usable limit stops the check."""
    request = QgsFeatureRequest().setDestinationCrs(params.area.crs, QgsCoordinateTransformContext())
    found = {}
    for feature in zones.getFeatures(request):
        limit = _number(feature[params.limit_field])
        name = text(feature[params.zone_name_field]) or tr("feature {fid}").format(fid=feature.id())
        if limit is None or limit <= 0:
            value = text(feature[params.limit_field]) or "NULL"
            raise PlanError(
                tr("Height zone {name} (feature {fid}) of {layer} has no usable limit in {field}: {value}").format(
                    name=name, fid=feature.id(), layer=zones.name(), field=params.limit_field, value=value
                )
            )
        code = (text(feature[params.zone_code_field]) if params.zone_code_field else None) or ""
        found[feature.id()] = Zone(feature.id(), code, name, limit, feature.geometry())
    return found


def _height(feature, params: HeightParams):
    """(height, source, floors) of a building; height None when neither source has a number."""
    floors = _number(feature[params.floors_field]) if params.mode in (FLOORS, AUTO) else None
    if params.mode in (HEIGHT, AUTO):
        height = _number(feature[params.height_field])
        if height is not None:
            return height, HEIGHT, floors
    if params.mode in (FLOORS, AUTO) and floors is not None:
        return round(floors * params.storey_height, 2), FLOORS, floors
    return None, None, floors


def _name_field(buildings, params: HeightParams) -> Optional[str]:
    if params.name_field:
        return params.name_field
    return next((name for name in NAME_FIELDS if buildings.fields().lookupField(name) >= 0), None)


def _building_attributes(buildings, params: HeightParams) -> dict[int, tuple]:
    name_field = _name_field(buildings, params)
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    found = {}
    for feature in buildings.getFeatures(request):
        name = (text(feature[name_field]) if name_field else None) or tr("feature {fid}").format(fid=feature.id())
        found[feature.id()] = (name,) + _height(feature, params)
    return found


def _judge(result: BuildingResult, tolerance: float) -> None:
    result.zones.sort(key=lambda z: (z.limit, -z.area, z.fid))
    members = [z for z in result.zones if z.area >= tolerance]
    result.judged = members[0] if members else None


def run_height_check(buildings, zones, params: HeightParams, feedback=None) -> HeightResult:
    """Each building of ``buildings`` against the zones of ``zones`` (see the module)."""
    check_inputs(buildings, zones, params)
    zone_info = _read_zones(zones, params)
    attributes = _building_attributes(buildings, params)
    result = HeightResult(params, buildings.name(), zones.name(), zones=list(zone_info.values()))
    try:
        with OverlayEngine(params.area, params.backend, [buildings, zones], feedback) as engine:
            result.backend = engine.describe()
            sites = engine.layer_sites(ControlLayer(buildings, buildings.name()))
            overlay = engine.overlay(
                sites,
                ControlLayer(zones, zones.name()),
                lambda share: feedback.setProgress(10 + 80 * share) if feedback else None,
            )
            by_site = overlay.pairs_by_site()
            for index, fid in enumerate(sites.keys):
                name, height, source, floors = attributes[fid]
                building = BuildingResult(fid, name, height, source, floors, sites.areas[index], sites.geometry(index))
                for pair in by_site.get(index, []):
                    if overlay.pair_areas[pair] <= 0:
                        continue  # touching along an edge only
                    zone = zone_info[overlay.pair_fids[pair]]
                    building.zones.append(
                        ZoneOverlap(zone.fid, zone.code, zone.name, zone.limit, overlay.pair_areas[pair])
                    )
                _judge(building, params.tolerance)
                result.buildings.append(building)
            result.repairs = engine.repairs
    except (Canceled, EngineCanceled):
        result.buildings, result.canceled = [], True  # nothing half-checked stays
        return result
    if result.buildings and all(b.status == NO_ZONE for b in result.buildings):
        result.warnings.append(outside_warning(buildings, zones, params.area.crs))
    present = set(sites.keys)
    result.no_geometry = sorted(fid for fid in attributes if fid not in present)
    if feedback is not None and not is_canceled(feedback):
        feedback.setProgress(100)
    if is_canceled(feedback):  # a cancel after the last step still counts
        result.buildings, result.canceled = [], True
    return result
