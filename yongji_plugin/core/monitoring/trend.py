"""Indicators over time: every indicator of the indicator file measured on each 现状 and set against
its path from the base-year value to the 2025 and 2035 targets.

Each snapshot stands in for the plan's 三调 layer (DLTB) while the indicator check
(core.indicators.check) measures, so an indicator is measured exactly as 规划指标 measures it;
layers that are not 现状 (永久基本农田, 生态保护红线, …) are the plan's own in every year.

The path is linear between its knots: (base year, the value measured on the reference), then each
target the city or township has (2025, 2035); after the last target it stays there. The lag is
how far the value falls behind the path in the indicator's direction (不低于: below it, 不高于: above
it), in % of the path's value. Levels, with the thresholds (yellow, red) of the indicator file
(``warning``; default 0 % and 2 %):

* 红色预警: the value already breaks the target ahead (the 2025 target up to 2025, then 2035's), or
  lags by more than red;
* 黄色预警: it lags by more than yellow;
* 正常: otherwise.
"""

from dataclasses import dataclass
from typing import Optional

from ..indicators.check import meets, run_indicator_check
from ..indicators.definitions import AT_LEAST, Indicator, IndicatorFile
from ..shared.cancel import Canceled
from .rules import NORMAL, RED, YELLOW

SURVEY_LAYER = "DLTB"
NOISE = 1e-9


@dataclass(frozen=True)
class TrendRow:
    year: int
    unit: str
    is_city: bool
    code: str
    name: str
    unit_label: str
    direction: str
    value: float
    base_value: float
    path: float
    target_year: Optional[int]  # the target ahead
    target: Optional[float]
    lag: float  # % of the path's value; ≤ 0: on or ahead of the path
    level: str
    breaks_target: bool


def path_value(knots: list[tuple[int, float]], year: int) -> float:
    """The linear path through ``knots`` (sorted by year) at ``year``; flat beyond its ends."""
    if year <= knots[0][0]:
        return knots[0][1]
    for (y0, v0), (y1, v1) in zip(knots, knots[1:]):
        if year <= y1:
            return v0 + (v1 - v0) * (year - y0) / (y1 - y0)
    return knots[-1][1]


def lag_percent(value: float, path: float, direction: str) -> float:
    behind = path - value if direction == AT_LEAST else value - path
    if abs(path) < NOISE:
        return 0.0 if behind <= NOISE else float("inf")
    return 100.0 * behind / abs(path)


def level_of(lag: float, breaks_target: bool, thresholds: tuple[float, float]) -> str:
    yellow, red = thresholds
    if breaks_target or lag > red + NOISE:
        return RED
    return YELLOW if lag > yellow + NOISE else NORMAL


def target_ahead(indicator: Indicator, unit: Optional[str], year: int) -> tuple:
    table = indicator.targets if unit is None else indicator.townships.get(unit, {})
    ahead = sorted(y for y in table if y >= year) or sorted(table)[-1:]
    return (ahead[0], table[ahead[0]]) if ahead else (None, None)


def measure_years(plan: dict, snapshots: list, indicators: IndicatorFile, area, feedback, backend) -> dict:
    """year → IndicatorResult, each snapshot standing in for DLTB; None when canceled."""
    results = {}
    for snapshot in snapshots:
        layers = dict(plan)
        layers[SURVEY_LAYER] = snapshot.layer
        result = run_indicator_check(layers, indicators, area, feedback, backend)
        if result.canceled:
            raise Canceled()
        results[snapshot.year] = result
    return results


def trend_rows(indicators: IndicatorFile, results: dict, base_year: int) -> list[TrendRow]:
    """One row per year, unit (city first) and indicator with a target there."""
    base = results[base_year]
    rows = []
    for indicator in indicators.indicators:
        for unit in [base.city_name] + base.townships:
            is_city = unit == base.city_name
            targets = indicator.targets if is_city else indicator.townships.get(unit, {})
            if not targets:
                continue
            v0 = base.value(indicator.code, unit)
            knots = [(base_year, v0)] + sorted((y, t) for y, t in targets.items() if y > base_year)
            for year in sorted(results):
                rows.append(
                    _row(
                        indicators, indicator, unit, is_city, year, results[year].value(indicator.code, unit), v0, knots
                    )
                )
    return rows


def _row(indicators, indicator, unit, is_city, year, value, v0, knots) -> TrendRow:
    path = path_value(knots, year)
    lag = lag_percent(value, path, indicator.direction)
    t_year, target = target_ahead(indicator, None if is_city else unit, year)
    breaks = target is not None and not meets(value, indicator.direction, target)
    return TrendRow(
        year,
        unit,
        is_city,
        indicator.code,
        indicator.name,
        indicator.unit_label,
        indicator.direction,
        value,
        v0,
        path,
        t_year,
        target,
        lag,
        level_of(lag, breaks, indicators.thresholds(indicator)),
        breaks,
    )
