"""规划实施监测预警, the whole run: snapshots checked and read, changes year by year on the overlay
engine, indicators on their path; a canceled run gives a result marked so (core.shared.cancel)."""

from dataclasses import dataclass, field
from typing import Optional

from qgis.core import QgsCoordinateTransform, QgsCoordinateTransformContext, QgsCsException

from ...i18n import tr
from ..engine.overlay import OverlayEngine
from ..engine.selector import AUTO
from ..indicators.definitions import IndicatorFile
from ..measuring.unit_areas import CITY, NAME_FIELD, TOWNSHIPS, layer_name
from ..shared.areas import AreaMethod
from ..shared.cancel import Canceled
from ..shared.errors import PlanError
from ..shared.layer_crs import outside_warning
from .changes import ChangeFinder
from .classes import land_classes
from .patches import apply_patches, check_against, read_patches
from .rules import MonitoringRules
from .snapshots import SnapshotInput, check_snapshots, read_snapshot
from .trend import SURVEY_LAYER, measure_years, trend_rows


@dataclass
class MonitorParams:
    area: AreaMethod
    rules: MonitoringRules
    indicators: Optional[IndicatorFile] = None  # None: no indicators over time
    backend: str = AUTO
    data_source: str = ""


@dataclass
class MonitorResult:
    params: MonitorParams
    base_year: int
    snapshots: list  # the reference first, then by year
    years: list = field(default_factory=list)  # changes.YearChange by year
    trend: list = field(default_factory=list)  # trend.TrendRow
    problems: list = field(default_factory=list)  # snapshots.Problem
    warnings: list = field(default_factory=list)
    townships: list = field(default_factory=list)
    backend: str = ""
    canceled: bool = False
    controls: dict = field(default_factory=dict)  # the rules' plan layers by code (for the maps)
    township_layer: object = None
    city_name: str = ""

    @property
    def repairs(self) -> list:
        return [r for s in self.snapshots for r in s.repairs]

    def findings(self) -> list:
        return [f for change in self.years for f in change.findings]


def _require(plan: dict, code: str):
    layer = plan.get(code)
    if layer is None or not layer.isValid():
        raise PlanError(
            tr("The monitoring needs the plan layer {name} ({code}), which is missing").format(
                name=layer_name(code), code=code
            )
        )
    return layer


def run_monitoring(
    plan: dict,
    inputs: list,
    params: MonitorParams,
    reference: Optional[SnapshotInput] = None,
    feedback=None,
    patches: tuple = (),
) -> MonitorResult:
    """``plan``: plan layers by catalogue code; ``inputs``: SnapshotInputs of later years;
    ``reference``: the base year's 现状 (default: the plan's DLTB); ``patches``: PatchInputs."""
    rules, area = params.rules, params.area
    townships = _require(plan, TOWNSHIPS)
    controls = {code: _require(plan, code) for code in rules.layer_codes()}
    reference = reference or SnapshotInput(_require(plan, SURVEY_LAYER), rules.base_year)
    reference.year = rules.base_year
    years = check_snapshots(inputs, rules.base_year, area.crs, bool(patches))
    check_snapshots([reference], rules.base_year - 1, area.crs)
    classes = land_classes()
    result = MonitorResult(
        params, rules.base_year, [], controls=controls, township_layer=townships, city_name=_city_name(plan)
    )
    result.warnings += off_the_city([i.layer for i in [reference, *inputs, *patches]], townships, area)
    try:
        result.snapshots.append(read_snapshot(reference, rules.base_year, classes, area.crs, result.problems, feedback))
        for given, year in sorted(zip(inputs, years), key=lambda item: item[1]):
            result.snapshots.append(read_snapshot(given, year, classes, area.crs, result.problems, feedback))
        _patched(
            result,
            [p for given in patches for p in read_patches(given, rules.base_year, classes, area.crs, result.problems)],
        )
        _changes(result, townships, controls, feedback)
        if params.indicators is not None:
            measured = measure_years(plan, result.snapshots, params.indicators, area, feedback, params.backend)
            result.trend = trend_rows(params.indicators, measured, rules.base_year)
            result.warnings += list(dict.fromkeys(w for r in measured.values() for w in r.warnings))
    except Canceled:
        result.canceled = True
        return result
    result.warnings += _tiankan_warnings(result.snapshots)
    return result


def _patched(result: MonitorResult, patches: list) -> None:
    """Patches checked against the snapshots; a year without a snapshot made from its patches."""
    for year in sorted({p.year for p in patches}):
        of_year = [p for p in patches if p.year == year]
        previous = [s for s in result.snapshots if s.year < year][-1]
        check_against(of_year, previous, "before", result.problems)
        same = [s for s in result.snapshots if s.year == year]
        if same:
            check_against(of_year, same[0], "after", result.problems)
        else:
            result.snapshots.append(apply_patches(previous, of_year, year))
            result.snapshots.sort(key=lambda s: s.year)


def _changes(result: MonitorResult, townships, controls: dict, feedback) -> None:
    params = result.params
    layers = [s.layer for s in result.snapshots] + [townships] + list(controls.values())
    with OverlayEngine(params.area, params.backend, layers, feedback) as engine:
        result.backend = engine.describe()
        finder = ChangeFinder(engine, townships, params.rules.rules, controls, params.rules.tolerance, feedback)
        for earlier, later in zip(result.snapshots, result.snapshots[1:]):
            result.years.append(finder.year(earlier, later))
    names = [
        t
        for change in result.years
        for p in change.construction + change.farmland["lost"] + change.farmland["gained"]
        for t in [p.township]
    ]
    ordered = [str(f[NAME_FIELD]) for f in townships.getFeatures()]
    result.townships = ordered + sorted(set(names) - set(ordered))


def _city_name(plan: dict) -> str:
    city = plan.get(CITY)
    if city is None or not city.isValid() or city.fields().lookupField(NAME_FIELD) < 0:
        return tr("City")
    return next((str(f[NAME_FIELD]) for f in city.getFeatures() if f[NAME_FIELD]), tr("City"))


def off_the_city(layers: list, townships, area: AreaMethod) -> list[str]:
    """A warning for each snapshot or patch layer none of whose extent lies in the city (#24.4):
    coordinates labelled with the wrong zone put a year's 现状 hundreds of km away, and the year then
    read as every parcel lost and built anew elsewhere, with no finding. The likely CRS is named."""
    to_area = QgsCoordinateTransform(townships.crs(), area.crs, QgsCoordinateTransformContext())
    city = to_area.transformBoundingBox(townships.extent())
    warnings = []
    for layer in dict.fromkeys(layers):
        try:
            extent = QgsCoordinateTransform(
                layer.crs(), area.crs, QgsCoordinateTransformContext()
            ).transformBoundingBox(layer.extent())
        except QgsCsException:
            extent = None
        if layer.featureCount() and (extent is None or not extent.intersects(city)):
            warnings.append(outside_warning(layer, townships, area.crs))
    return warnings


def _tiankan_warnings(snapshots) -> list[str]:
    return [
        tr(
            "{count} 耕地 parcels of {layer} ({year}) carry no 田坎 deduction (KCXS or KCMJ and TBMJ): their net "
            "area equals their gross area"
        ).format(count=s.undeducted, layer=s.name, year=s.year)
        for s in snapshots
        if s.undeducted
    ]
