"""规划指标: the indicator file (``resources/measures/indicators.yaml`` or a user's), read and validated.

The file is the plan's indicator table as data: each indicator's code, name, unit, 约束性/预期性,
不低于/不高于, its 2025 and 2035 targets for the city and per township, and how it is measured from
the 一张图; plus the 图数一致性 relations between layer totals and targets. A slip in it would give
a confident, wrong 达标, so it is checked as a whole when loaded and every problem is listed at
once, each naming the file, the indicator and the key.
"""

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from qgis.core import QgsExpression

from ...i18n import tr
from ...paths import resource
from ..plan_data.catalogue import Catalogue, default_catalogue
from ..shared.areas import ELLIPSOIDAL, PLANAR, SQM_PER_HA, SQM_PER_MU
from ..shared.errors import PlanError
from ..shared.yaml_files import read_yaml

CODE = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,6}$")  # names output fields (<code>_st ≤ 10 bytes)
YEARS = (2025, 2035)
BINDING, EXPECTED = "binding", "expected"
AT_LEAST, AT_MOST = "at_least", "at_most"
PERCENT = "%"
KINDS = {"约束性": BINDING, "binding": BINDING, "预期性": EXPECTED, "expected": EXPECTED}
DIRECTIONS = {
    "不低于": AT_LEAST,
    "at_least": AT_LEAST,
    ">=": AT_LEAST,
    "不高于": AT_MOST,
    "at_most": AT_MOST,
    "<=": AT_MOST,
}
RELATIONS = {">=": AT_LEAST, "<=": AT_MOST}
# unit: (m² per unit, the unit as reports write it)
AREA_UNITS = {
    "平方米": (1.0, "m²"),
    "m2": (1.0, "m²"),
    "m²": (1.0, "m²"),
    "公顷": (SQM_PER_HA, "公顷"),
    "ha": (SQM_PER_HA, "公顷"),
    "亩": (SQM_PER_MU, "亩"),
    "mu": (SQM_PER_MU, "亩"),
    "万亩": (SQM_PER_MU * 1e4, "万亩"),
    "平方千米": (1e6, "平方千米"),
    "平方公里": (1e6, "平方千米"),
    "km2": (1e6, "平方千米"),
    "km²": (1e6, "平方千米"),
}
FILE_KEYS = ("indicators", "consistency", "warning")
INDICATOR_KEYS = ("code", "name", "unit", "kind", "direction", "targets", "townships", "measure", "warning")
WARNING_KEYS = ("yellow", "red")
# 监测预警 thresholds (规划实施监测预警): how far a value may lag its path to the targets, in % of the
# path's value, before it is 黄色预警 (beyond yellow) or 红色预警 (beyond red); see core.monitoring.trend
DEFAULT_WARNING = (0.0, 2.0)
REQUIRED_INDICATOR_KEYS = ("code", "name", "unit", "kind", "direction", "targets", "measure")
MEASURE_KEYS = ("layer", "filter", "method", "share", "net_of_tiankan")
CONSISTENCY_KEYS = ("id", "label", "left", "relation", "right")


@dataclass(frozen=True)
class Measure:
    """An area read from the data: a layer's features (filtered), split by unit, overlaps once."""

    layer: str
    filter: Optional[str] = None
    method: Optional[str] = None  # None: the run's area method
    share: bool = False  # the area as a percentage of the unit's area
    net_of_tiankan: bool = False  # 耕地 less each parcel's 田坎 share, as 三调 statistics count it

    def key(self, default_method: str) -> tuple[str, str, str, str]:
        """What identifies the area computed (the share is derived from it)."""
        return (self.layer, self.filter or "", self.method or default_method, "net" if self.net_of_tiankan else "")


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str
    unit: str  # as the file writes it
    kind: str  # BINDING or EXPECTED
    direction: str  # AT_LEAST or AT_MOST
    targets: dict[int, float]
    measure: Measure
    townships: dict[str, dict[int, float]] = field(default_factory=dict)
    warning: Optional[tuple[float, float]] = None  # (yellow, red) in %; None: the file's

    @property
    def is_share(self) -> bool:
        return self.measure.share

    @property
    def unit_label(self) -> str:
        return PERCENT if self.is_share else AREA_UNITS[self.unit][1]

    def from_square_metres(self, square_metres: float) -> float:
        return square_metres / AREA_UNITS[self.unit][0]

    def target(self, year: int, township: Optional[str] = None) -> Optional[float]:
        """The city's target (``township`` None) or a township's, for a year; None when not set."""
        table = self.targets if township is None else self.townships.get(township, {})
        return table.get(year)


@dataclass(frozen=True)
class Side:
    """One side of a 图数一致性 relation: an indicator's target or a layer total."""

    indicator: Optional[str] = None
    measure: Optional[Measure] = None


@dataclass(frozen=True)
class Consistency:
    id: str
    label: str
    left: Side
    relation: str  # AT_LEAST (left ≥ right) or AT_MOST
    right: Side

    def indicator_codes(self) -> list[str]:
        return [side.indicator for side in (self.left, self.right) if side.indicator]


@dataclass
class IndicatorFile:
    indicators: list[Indicator]
    consistency: list[Consistency]
    path: Path
    warning: tuple[float, float] = DEFAULT_WARNING  # (yellow, red) in % for every indicator without its own

    def thresholds(self, indicator: Indicator) -> tuple[float, float]:
        """The (yellow, red) lag thresholds in % of the path's value that apply to ``indicator``."""
        return indicator.warning or self.warning

    def indicator(self, code: str) -> Indicator:
        for item in self.indicators:
            if item.code == code:
                return item
        raise PlanError(
            tr("Indicator file {path}: unknown indicator code {code} (known: {codes})").format(
                path=self.path, code=code, codes=", ".join(i.code for i in self.indicators)
            )
        )

    def subset(self, codes) -> "IndicatorFile":
        """Only the indicators named (unknown codes are an error) and the relations among them."""
        chosen = [self.indicator(code) for code in codes]
        names = {i.code for i in chosen}
        relations = [c for c in self.consistency if set(c.indicator_codes()) <= names]
        return IndicatorFile(chosen, relations, self.path, self.warning)

    def township_names(self) -> list[str]:
        return list(dict.fromkeys(name for i in self.indicators for name in i.townships))

    def layer_codes(self) -> list[str]:
        measures = [i.measure for i in self.indicators]
        measures += [s.measure for c in self.consistency for s in (c.left, c.right) if s.measure]
        return list(dict.fromkeys(m.layer for m in measures))


def default_indicator_path() -> Path:
    return resource("measures", "indicators.yaml")


def load_indicators(path=None, catalogue: Catalogue = None) -> IndicatorFile:
    """The indicator file in ``path`` (default: the plugin's), or a PlanError listing every problem."""
    path = Path(path or default_indicator_path())
    raw = read_yaml(path, what=tr("Indicator file"))
    problems = indicator_file_problems(raw, catalogue or default_catalogue())
    if problems:
        raise PlanError(
            "\n".join(
                [tr("Indicator file {path} is not valid:").format(path=path)] + [f"- {problem}" for problem in problems]
            )
        )
    indicators = [_indicator(item) for item in raw["indicators"]]
    relations = [_consistency(item) for item in raw.get("consistency") or []]
    return IndicatorFile(indicators, relations, path, _warning(raw.get("warning")) or DEFAULT_WARNING)


# --- validation -------------------------------------------------------------------------------


def _is_text(value) -> bool:
    return isinstance(value, str) and value.strip() != ""


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _one_of(value, table: dict) -> bool:
    return isinstance(value, str) and value in table


def _year(key) -> Optional[int]:
    """A year key as the file may write it (2035 or "2035"); None when it is none of YEARS."""
    if isinstance(key, str) and key.strip().isdigit():
        key = int(key)
    return key if isinstance(key, int) and not isinstance(key, bool) and key in YEARS else None


def indicator_file_problems(raw, catalogue: Catalogue) -> list[str]:
    """Every problem of a parsed indicator file, in file order; empty when it is valid."""
    if not isinstance(raw, dict):
        return [tr("the file must be a mapping with a list of indicators")]
    problems = [tr("unknown key {key}").format(key=key) for key in raw if key not in FILE_KEYS]
    items = raw.get("indicators")
    if not items or not isinstance(items, list):
        return problems + [tr("indicators must be a non-empty list")]
    for number, item in enumerate(items, start=1):
        problems += _indicator_problems(number, item, catalogue)
    codes = [item.get("code") for item in items if isinstance(item, dict)]
    problems += [
        tr("indicator {code}: the code is used more than once").format(code=code)
        for code in sorted({c for c in codes if _is_text(c) and codes.count(c) > 1})
    ]
    if "warning" in raw:
        problems += [tr("warning: {problem}").format(problem=p) for p in _warning_problems(raw["warning"])]
    relations = raw.get("consistency") or []
    if not isinstance(relations, list):
        return problems + [tr("consistency must be a list")]
    units = {item["code"]: item.get("unit") for item in items if isinstance(item, dict) and _is_text(item.get("code"))}
    shares = {
        item["code"]
        for item in items
        if isinstance(item, dict)
        and _is_text(item.get("code"))  # a code that is no text is said with the indicator's problems
        and isinstance(item.get("measure"), dict)
        and item["measure"].get("share") is True
    }
    for number, item in enumerate(relations, start=1):
        problems += _consistency_problems(number, item, units, shares, catalogue)
    ids = [item.get("id") for item in relations if isinstance(item, dict)]
    problems += [
        tr("consistency check {id}: the id is used more than once").format(id=i)
        for i in sorted({i for i in ids if _is_text(i) and ids.count(i) > 1})
    ]
    return problems


def _indicator_problems(number: int, item, catalogue: Catalogue) -> list[str]:
    if not isinstance(item, dict):
        return [tr("indicator {number} must be a mapping").format(number=number)]
    label = item["code"] if _is_text(item.get("code")) else str(number)
    return [
        tr("indicator {code}: {problem}").format(code=label, problem=problem)
        for problem in _indicator_key_problems(item, catalogue)
    ]


def _indicator_key_problems(item: dict, catalogue: Catalogue) -> list[str]:
    problems = [tr("key {key} is missing").format(key=key) for key in REQUIRED_INDICATOR_KEYS if key not in item]
    problems += [tr("unknown key {key}").format(key=key) for key in item if key not in INDICATOR_KEYS]
    code = item.get("code")
    if "code" in item and not (isinstance(code, str) and CODE.match(code)):
        problems.append(
            tr("the code must be 1–7 ASCII letters, digits or _, starting with a letter (it names output fields)")
        )
    if "name" in item and not _is_text(item["name"]):
        problems.append(tr("key name must be text"))
    if "kind" in item and not _one_of(item["kind"], KINDS):
        problems.append(tr("kind {value} is not 约束性 or 预期性").format(value=item["kind"]))
    if "direction" in item and not _one_of(item["direction"], DIRECTIONS):
        problems.append(tr("direction {value} is not 不低于 or 不高于").format(value=item["direction"]))
    measure = item.get("measure")
    share = isinstance(measure, dict) and measure.get("share") is True
    unit = item.get("unit")
    if "unit" in item:
        if share and unit != PERCENT:
            problems.append(tr("a share is measured in %, not {unit}").format(unit=unit))
        elif not share and not _one_of(unit, AREA_UNITS):
            problems.append(
                tr("unit {unit} is not an area unit (known: {units}) and the measure is no share").format(
                    unit=unit, units=", ".join(AREA_UNITS)
                )
            )
    if "targets" in item:
        problems += _target_problems(item["targets"], tr("targets"), required=True)
    townships = item.get("townships")
    if townships is not None:
        if not isinstance(townships, dict) or not townships:
            problems.append(tr("townships must map township names to their targets"))
        else:
            for name, targets in townships.items():
                problems += _target_problems(targets, tr("township {name}").format(name=name))
    if "measure" in item:
        problems += [tr("measure: {problem}").format(problem=p) for p in _measure_problems(measure, catalogue)]
    if "warning" in item:
        problems += [tr("warning: {problem}").format(problem=p) for p in _warning_problems(item["warning"])]
    return problems


def _warning_problems(raw) -> list[str]:
    """{yellow: %, red: %}: numbers of at least 0, yellow not above red."""
    if not isinstance(raw, dict) or set(raw) != set(WARNING_KEYS):
        return [tr("must be {{yellow: %, red: %}}")]
    bad = [k for k in WARNING_KEYS if not _is_number(raw[k]) or not math.isfinite(raw[k]) or raw[k] < 0]
    if bad:
        return [tr("{key} must be a number of at least 0").format(key=k) for k in bad]
    if raw["yellow"] > raw["red"]:
        return [tr("yellow {yellow} is above red {red}").format(yellow=raw["yellow"], red=raw["red"])]
    return []


def _warning(raw) -> Optional[tuple[float, float]]:
    return (float(raw["yellow"]), float(raw["red"])) if raw else None


def _target_problems(targets, where: str, required: bool = False) -> list[str]:
    if not isinstance(targets, dict) or (required and not targets):
        return [tr("{where} must map years ({years}) to numbers").format(where=where, years=", ".join(map(str, YEARS)))]
    problems = []
    for year, value in targets.items():
        if _year(year) is None:
            problems.append(
                tr("{where}: year {year} is not one of {years}").format(
                    where=where, year=year, years=", ".join(map(str, YEARS))
                )
            )
        elif not _is_number(value) or not math.isfinite(value) or value < 0:
            problems.append(
                tr("{where}: the {year} target {value} is not a number of at least 0").format(
                    where=where, year=year, value=value
                )
            )
    return problems


def _measure_problems(measure, catalogue: Catalogue, share_allowed: bool = True) -> list[str]:
    if not isinstance(measure, dict):
        return [tr("must be a mapping with a layer")]
    problems = [
        tr("unknown key {key}").format(key=key)
        for key in measure
        if key not in MEASURE_KEYS or (key == "share" and not share_allowed)
    ]
    code = measure.get("layer")
    spec = None
    if not _is_text(code):
        problems.append(tr("key layer is missing"))
    else:
        try:
            spec = catalogue.layer(code)
        except KeyError:
            problems.append(tr("layer {code} is not in the layer catalogue").format(code=code))
        if spec is not None and spec.geometry != "polygon":
            problems.append(tr("layer {code} ({name}) is not a polygon layer").format(code=code, name=spec.name))
    if measure.get("method") is not None and measure.get("method") not in (PLANAR, ELLIPSOIDAL):
        problems.append(tr("method {method} is not planar or ellipsoidal").format(method=measure["method"]))
    for key in ("share", "net_of_tiankan"):
        if key in measure and not isinstance(measure[key], bool):
            problems.append(tr("{key} must be true or false").format(key=key))
    expression = measure.get("filter")
    if expression is not None:
        problems += _filter_problems(expression, spec)
    return problems


def _filter_problems(expression, spec) -> list[str]:
    if not _is_text(expression):
        return [tr("filter must be a QGIS expression")]
    parsed = QgsExpression(expression)
    if parsed.hasParserError():
        return [
            tr("filter {expr} is not a valid expression: {error}").format(
                expr=expression, error=parsed.parserErrorString()
            )
        ]
    if spec is None:
        return []
    known = {f.name.lower() for f in spec.fields}
    # a field the layer lacks would silently select nothing: say so now
    return [
        tr("filter {expr} reads field {field}, which layer {code} does not have").format(
            expr=expression, field=name, code=spec.code
        )
        for name in sorted(parsed.referencedColumns())
        if name.lower() not in known and name != "#!allattributes!#"
    ]


def _side_problems(side, units: dict, shares: set, catalogue: Catalogue) -> list[str]:
    if not isinstance(side, dict) or not side:
        return [tr("must be {{indicator: code}} or a layer total {{layer, filter}}")]
    if "indicator" in side:
        if set(side) != {"indicator"}:
            return [tr("an indicator side holds only the key indicator")]
        code = side["indicator"]
        if not _one_of(code, units):
            return [tr("unknown indicator code {code}").format(code=code)]
        if code in shares:
            return [tr("indicator {code} is a share (%), not an area").format(code=code)]
        return []
    return _measure_problems(side, catalogue, share_allowed=False)


def _consistency_problems(number: int, item, units: dict, shares: set, catalogue: Catalogue) -> list[str]:
    if not isinstance(item, dict):
        return [tr("consistency check {number} must be a mapping").format(number=number)]
    label = item["id"] if _is_text(item.get("id")) else str(number)
    problems = [tr("key {key} is missing").format(key=key) for key in CONSISTENCY_KEYS if key not in item]
    problems += [tr("unknown key {key}").format(key=key) for key in item if key not in CONSISTENCY_KEYS]
    if "relation" in item and not _one_of(item["relation"], RELATIONS):
        problems.append(tr("relation {value} is not >= or <=").format(value=item["relation"]))
    if "label" in item and not _is_text(item["label"]):
        problems.append(tr("key label must be text"))
    sides = [item.get(key) for key in ("left", "right") if key in item]
    for key in ("left", "right"):
        if key in item:
            problems += [f"{key}: {p}" for p in _side_problems(item[key], units, shares, catalogue)]
    if len(sides) == 2 and all(isinstance(s, dict) and "indicator" not in s for s in sides):
        problems.append(tr("at least one side must be an indicator's target"))
    return [tr("consistency check {id}: {problem}").format(id=label, problem=p) for p in problems]


# --- construction (after validation) ------------------------------------------------------------


def _measure(raw: dict) -> Measure:
    return Measure(
        raw["layer"],
        raw.get("filter"),
        raw.get("method"),
        bool(raw.get("share", False)),
        bool(raw.get("net_of_tiankan", False)),
    )


def _targets(raw: dict) -> dict[int, float]:
    return {_year(year): float(value) for year, value in raw.items()}


def _indicator(raw: dict) -> Indicator:
    townships = {str(name): _targets(targets) for name, targets in (raw.get("townships") or {}).items()}
    return Indicator(
        raw["code"],
        raw["name"].strip(),
        raw["unit"],
        KINDS[raw["kind"]],
        DIRECTIONS[raw["direction"]],
        _targets(raw["targets"]),
        _measure(raw["measure"]),
        townships,
        _warning(raw.get("warning")),
    )


def _side(raw: dict) -> Side:
    return Side(indicator=raw["indicator"]) if "indicator" in raw else Side(measure=_measure(raw))


def _consistency(raw: dict) -> Consistency:
    return Consistency(
        str(raw["id"]), raw["label"].strip(), _side(raw["left"]), RELATIONS[raw["relation"]], _side(raw["right"])
    )
