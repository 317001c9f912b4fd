"""乡镇规划指引: per township, the areas of 耕地, 永久基本农田, 生态保护红线, 城镇开发边界 and 建设用地.

The figures are declared in ``resources/township_guidance.yaml`` (key, layer, filter, label).
Each is measured per township and for the city (see :mod:`.unit_areas`); the townships' figures
must add up to the city's within 0.01 ha, and :meth:`GuidanceResult.mismatches` says where they
do not (townships that leave gaps or overlap, features outside every township).
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

from qgis.core import QgsExpression

from ...i18n import tr
from ...paths import resource
from ..engine.geometry_repair import Repair
from ..engine.selector import AUTO
from ..measuring.unit_areas import AreaRequest, measure_units, read_units
from ..plan_data.catalogue import default_catalogue
from ..shared.areas import AreaMethod
from ..shared.cancel import Canceled, is_canceled
from ..shared.errors import PlanError
from ..shared.yaml_files import Shape, read_yaml

KEY = re.compile(r"^[A-Za-z][A-Za-z0-9]{0,6}$")  # names output fields (<key>_m2, ≤ 10 bytes)
SUM_TOLERANCE_M2 = 100.0  # 0.01 ha
FIGURE_KEYS = ("key", "layer", "filter", "label")


@dataclass(frozen=True)
class Figure:
    key: str
    layer: str
    filter: Optional[str]
    label: str


def guidance_path() -> Path:
    return resource("township_guidance.yaml")


def load_figures(path=None) -> list[Figure]:
    """The declared figures, or a PlanError naming the file, the figure and the problem."""
    path = Path(path or guidance_path())
    raw = read_yaml(path, Shape(dict, {"township_figures": list}), what=tr("Township guidance file"))
    items = raw.get("township_figures")
    if not items or not isinstance(items, list):
        raise PlanError(
            tr("Township guidance file {path} is not valid: township_figures must be a non-empty list").format(
                path=path
            )
        )
    problems = []
    for number, item in enumerate(items, start=1):
        problems += _figure_problems(number, item)
    keys = [item.get("key") for item in items if isinstance(item, dict)]
    problems += [
        tr("figure {key}: the key is used more than once").format(key=key)
        for key in sorted({k for k in keys if isinstance(k, str) and keys.count(k) > 1})
    ]
    if problems:
        raise PlanError(
            "\n".join(
                [tr("Township guidance file {path} is not valid:").format(path=path)]
                + [f"- {problem}" for problem in problems]
            )
        )
    return [Figure(f["key"], f["layer"], f.get("filter"), str(f["label"])) for f in items]


@lru_cache(maxsize=1)
def default_figures() -> list[Figure]:
    return load_figures()


def _figure_problems(number: int, item) -> list[str]:
    if not isinstance(item, dict):
        return [tr("figure {number} must be a mapping").format(number=number)]
    label = item["key"] if isinstance(item.get("key"), str) else str(number)
    problems = [tr("key {key} is missing").format(key=key) for key in ("key", "layer", "label") if key not in item]
    problems += [tr("unknown key {key}").format(key=key) for key in item if key not in FIGURE_KEYS]
    if "key" in item and not (isinstance(item["key"], str) and KEY.match(item["key"])):
        problems.append(
            tr("the key must be 1–7 ASCII letters or digits, starting with a letter (it names output fields)")
        )
    code = item.get("layer")
    if "layer" in item:
        try:
            if default_catalogue().layer(code).geometry != "polygon":
                problems.append(tr("layer {code} is not a polygon layer").format(code=code))
        except (KeyError, TypeError):
            problems.append(tr("layer {code} is not in the layer catalogue").format(code=code))
    expression = item.get("filter")
    if expression is not None and (not isinstance(expression, str) or QgsExpression(expression).hasParserError()):
        problems.append(tr("filter {expr} is not a valid expression").format(expr=expression))
    return [tr("figure {key}: {problem}").format(key=label, problem=p) for p in problems]


@dataclass
class GuidanceRow:
    name: str
    fid: Optional[int]  # the township's feature id (None for the city)
    area: float  # m² of the township (or city)
    figures: dict[str, float]  # m² per figure key


@dataclass
class GuidanceResult:
    figures: list[Figure]
    townships: list[GuidanceRow]
    city: Optional[GuidanceRow]
    area_method: AreaMethod
    city_from_layer: bool
    repairs: list[Repair]
    canceled: bool = False  # then nothing in it may be read as a figure (see shared.cancel)
    warnings: list[str] = field(default_factory=list)
    backend: str = ""  # the overlay engine that measured, in words

    def township_sum(self, key: Optional[str]) -> float:
        """Σ over the townships of a figure (``None``: of the townships' areas), m²."""
        return sum(row.area if key is None else row.figures[key] for row in self.townships)

    def city_value(self, key: Optional[str]) -> float:
        return self.city.area if key is None else self.city.figures[key]

    def mismatches(self, tolerance: float = SUM_TOLERANCE_M2) -> list[Optional[str]]:
        """Figure keys (None: the townships' areas) whose township sum misses the city's by more."""
        keys = [None] + [f.key for f in self.figures]
        return [k for k in keys if abs(self.township_sum(k) - self.city_value(k)) > tolerance]


def township_guidance(
    layers: dict, area: AreaMethod, figures: list[Figure] = None, feedback=None, backend: str = AUTO
) -> GuidanceResult:
    """The figures per township and for the city; a cancel gives an empty result marked canceled."""
    figures = list(figures or default_figures())
    purpose = tr("Township planning guidance")
    units = read_units(layers, area, purpose)
    requests = {f.key: AreaRequest(f.layer, f.filter, area.method) for f in figures}
    try:
        measured = measure_units(units, layers, list(requests.values()), area, feedback, purpose, backend)
    except Canceled:
        return GuidanceResult(figures, [], None, area, units.city_from_layer, [], canceled=True)
    township_areas, city_area = measured.unit_areas[area.method]
    rows = [
        GuidanceRow(name, fid, township_areas[i], {k: measured.townships[r.key][i] for k, r in requests.items()})
        for i, (name, fid) in enumerate(zip(units.names, units.fids))
    ]
    city = GuidanceRow(units.city_name, None, city_area, {k: measured.city[r.key] for k, r in requests.items()})
    return GuidanceResult(
        figures,
        rows,
        city,
        area,
        units.city_from_layer,
        measured.repairs,
        is_canceled(feedback),
        measured.warnings,
        measured.backend,
    )
