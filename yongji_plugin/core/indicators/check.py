"""规划指标 check: each indicator measured from the 一张图 and judged three ways.

* 指标符合性 (compliance): the value measured from the data against the indicator's target for
  2025 and 2035, in its direction (不低于 / 不高于), for the city and each township with a target;
  达标 or 未达标.
* 图数一致性 (map against table): the declared relations between a layer's total as drawn and an
  indicator's target (耕地 in DLTB ≥ 耕地保有量, CZKFBJ ≤ 城镇开发边界规模 …), for the city and
  every township where both sides have a figure; 一致 or 不一致.
* 分解一致性 (breakdown): the townships' targets together against the city's target (不低于: their
  sum at least the city's; 不高于: at most); 一致 or 不一致.

A township is 达标 in a year when it meets every binding (约束性) target handed down to it;
expected (预期性) shortfalls are counted apart. Comparisons are exact up to floating-point noise.
"""

from dataclasses import dataclass, field
from typing import Optional

from ...i18n import tr
from ..engine.geometry_repair import Repair
from ..engine.selector import AUTO
from ..measuring.unit_areas import TOWNSHIPS, AreaRequest, layer_name, measure_units, read_units
from ..shared.areas import AreaMethod
from ..shared.cancel import Canceled, is_canceled
from ..shared.errors import PlanError
from .definitions import (
    AREA_UNITS,
    AT_LEAST,
    BINDING,
    YEARS,
    Indicator,
    IndicatorFile,
    Measure,
    Side,
)

COMPLIANCE, CONSISTENCY, BREAKDOWN = "compliance", "consistency", "breakdown"
NOISE = 1e-9  # relative: float sums of decimal targets (5.05 + 6.70 + …) are not exact


def meets(value: float, direction: str, reference: float) -> bool:
    """``value`` 不低于 (AT_LEAST) or 不高于 (AT_MOST) ``reference``, up to floating-point noise."""
    slack = NOISE * max(1.0, abs(reference))
    return value >= reference - slack if direction == AT_LEAST else value <= reference + slack


@dataclass(frozen=True)
class Finding:
    """One judgement: ``value`` against ``reference`` in ``direction``, in ``unit_label``."""

    kind: str  # COMPLIANCE, CONSISTENCY or BREAKDOWN
    year: int
    unit: str  # township name, or the city's
    is_city: bool
    code: str  # the indicator's code (the relation's id for CONSISTENCY)
    subject: str  # the indicator's name (the relation's label)
    unit_label: str
    value: float  # measured value / left side / Σ township targets
    direction: str
    reference: float  # target / right side / the city's target
    ok: bool
    binding: bool
    value_label: str = ""  # what value and reference are (for CONSISTENCY: the two sides)
    reference_label: str = ""

    @property
    def gap(self) -> float:
        """How far the value lies beyond (+) or short of (−) the reference, in the direction's sense."""
        return self.value - self.reference if self.direction == AT_LEAST else self.reference - self.value


@dataclass
class TownshipStatus:
    judged: int  # targets handed down for the year
    binding_short: int
    expected_short: int

    @property
    def achieved(self) -> Optional[bool]:
        """True/False: every binding target met or not; None: nothing handed down for the year."""
        return None if self.judged == 0 else self.binding_short == 0


@dataclass
class IndicatorResult:
    file: IndicatorFile
    city_name: str
    townships: list[str]
    township_fids: list[int]
    values: dict[str, dict[str, float]]  # indicator code → unit name → measured value (its unit)
    findings: list[Finding]
    area_method: AreaMethod
    city_from_layer: bool
    repairs: list[Repair]
    canceled: bool = False  # then nothing in it may be read as a judgement (see shared.cancel)
    warnings: list[str] = field(default_factory=list)
    backend: str = ""  # the overlay engine that measured, in words

    def of_kind(self, kind: str, year: Optional[int] = None) -> list[Finding]:
        return [f for f in self.findings if f.kind == kind and (year is None or f.year == year)]

    def status(self, unit: str, year: int) -> TownshipStatus:
        found = [f for f in self.of_kind(COMPLIANCE, year) if f.unit == unit]
        return TownshipStatus(
            len(found),
            sum(1 for f in found if not f.ok and f.binding),
            sum(1 for f in found if not f.ok and not f.binding),
        )

    def value(self, code: str, unit: str) -> float:
        return self.values[code][unit]


def _check_townships(indicators: IndicatorFile, names: list[str], layer_name: str) -> None:
    known = set(names)
    problems = [
        tr("indicator {code}: township {township} is not in layer {layer}").format(
            code=i.code, township=t, layer=layer_name
        )
        for i in indicators.indicators
        for t in i.townships
        if t not in known
    ]
    if problems:
        raise PlanError(
            "\n".join(
                [
                    tr("Indicator file {path} does not fit the data (townships: {names}):").format(
                        path=indicators.path, names=", ".join(names)
                    )
                ]
                + [f"- {p}" for p in problems]
            )
        )


def run_indicator_check(
    layers: dict, indicators: IndicatorFile, area: AreaMethod, feedback=None, backend: str = AUTO
) -> IndicatorResult:
    """Measure and judge every indicator; a cancel gives an empty result marked canceled."""
    purpose = tr("The indicator check")
    units = read_units(layers, area, purpose)
    _check_townships(indicators, units.names, layers[TOWNSHIPS].name())
    measures = [i.measure for i in indicators.indicators]
    measures += [s.measure for c in indicators.consistency for s in (c.left, c.right) if s.measure]
    requests = [AreaRequest(m.layer, m.filter, m.method or area.method, m.net_of_tiankan) for m in measures]
    try:
        measured = measure_units(units, layers, requests, area, feedback, purpose, backend)
    except Canceled:
        return IndicatorResult(
            indicators, units.city_name, [], [], {}, [], area, units.city_from_layer, [], canceled=True
        )
    names = units.names + [units.city_name]

    def areas(measure: Measure) -> list[float]:
        key = measure.key(area.method)
        return measured.townships[key] + [measured.city[key]]

    values = {}
    for indicator in indicators.indicators:
        raw = areas(indicator.measure)
        if indicator.is_share:
            township_areas, city_area = measured.unit_areas[indicator.measure.method or area.method]
            whole = township_areas + [city_area]
            values[indicator.code] = {n: 100.0 * a / w if w else 0.0 for n, a, w in zip(names, raw, whole)}
        else:
            values[indicator.code] = {n: indicator.from_square_metres(a) for n, a in zip(names, raw)}
    result = IndicatorResult(
        indicators,
        units.city_name,
        units.names,
        units.fids,
        values,
        [],
        area,
        units.city_from_layer,
        measured.repairs,
        warnings=measured.warnings,
        backend=measured.backend,
    )

    def unit_areas(indicator) -> dict[str, float]:
        township_areas, city_area = measured.unit_areas[indicator.measure.method or area.method]
        return {**dict(zip(units.names, township_areas)), units.city_name: city_area}

    for year in YEARS:
        result.findings += _compliance(result, year)
        result.findings += _consistency(result, year, areas)
        result.findings += _breakdown(result, year, unit_areas)
    result.canceled = is_canceled(feedback)
    return result


def _compliance(result: IndicatorResult, year: int) -> list[Finding]:
    findings = []
    for indicator in result.file.indicators:
        for unit in [result.city_name] + result.townships:
            is_city = unit == result.city_name
            target = indicator.target(year, None if is_city else unit)
            if target is None:
                continue
            value = result.value(indicator.code, unit)
            findings.append(
                Finding(
                    COMPLIANCE,
                    year,
                    unit,
                    is_city,
                    indicator.code,
                    indicator.name,
                    indicator.unit_label,
                    value,
                    indicator.direction,
                    target,
                    meets(value, indicator.direction, target),
                    indicator.kind == BINDING,
                    tr("measured"),
                    tr("target {year}").format(year=year),
                )
            )
    return findings


def _side_value(side: Side, result: IndicatorResult, unit: str, year: int, areas, shown: Indicator) -> Optional[float]:
    """The side's figure in ``shown``'s unit: an indicator's target for the unit, or the layer's area in it."""
    if side.indicator:
        indicator = result.file.indicator(side.indicator)
        target = indicator.target(year, None if unit == result.city_name else unit)
        if target is None or indicator.unit == shown.unit:
            return target
        return shown.from_square_metres(target * AREA_UNITS[indicator.unit][0])
    index = len(result.townships) if unit == result.city_name else result.townships.index(unit)
    return shown.from_square_metres(areas(side.measure)[index])


def _side_label(side: Side, result: IndicatorResult, year: int) -> str:
    if side.indicator:
        return tr("{name} target {year}").format(name=result.file.indicator(side.indicator).name, year=year)
    return tr("{name} ({code}) as drawn").format(name=layer_name(side.measure.layer), code=side.measure.layer)


def _consistency(result: IndicatorResult, year: int, areas) -> list[Finding]:
    findings = []
    for relation in result.file.consistency:
        shown: Indicator = result.file.indicator(relation.indicator_codes()[0])
        for unit in [result.city_name] + result.townships:
            left = _side_value(relation.left, result, unit, year, areas, shown)
            right = _side_value(relation.right, result, unit, year, areas, shown)
            if left is None or right is None:
                continue
            findings.append(
                Finding(
                    CONSISTENCY,
                    year,
                    unit,
                    unit == result.city_name,
                    relation.id,
                    relation.label,
                    AREA_UNITS[shown.unit][1],
                    left,
                    relation.relation,
                    right,
                    meets(left, relation.relation, right),
                    True,
                    _side_label(relation.left, result, year),
                    _side_label(relation.right, result, year),
                )
            )
    return findings


def _breakdown(result: IndicatorResult, year: int, unit_areas) -> list[Finding]:
    """分解一致性: the townships' targets put together against the city's. Areas add up; a
    percentage of each township's area does not (the sum of the townships' percentages was once
    compared with the city's): it is weighted by the township areas into a share of the city."""
    findings = []
    for indicator in result.file.indicators:
        city_target = indicator.target(year)
        shares = {name: t[year] for name, t in indicator.townships.items() if year in t}
        if city_target is None or not shares:
            continue
        if indicator.is_share:
            weights = unit_areas(indicator)
            whole = weights[result.city_name]
            total = sum(v * weights[name] for name, v in shares.items()) / whole if whole else 0.0
            how = tr("{count} township targets weighted by township area").format(count=len(shares))
        else:
            total = sum(shares.values())
            how = tr("sum of {count} township targets").format(count=len(shares))
        findings.append(
            Finding(
                BREAKDOWN,
                year,
                result.city_name,
                True,
                indicator.code,
                indicator.name,
                indicator.unit_label,
                total,
                indicator.direction,
                city_target,
                meets(total, indicator.direction, city_target),
                indicator.kind == BINDING,
                how,
                tr("city target {year}").format(year=year),
            )
        )
    return findings
