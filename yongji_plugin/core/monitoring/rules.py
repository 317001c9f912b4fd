"""The monitoring's rule file (``resources/monitoring/rules.yaml`` or a user's), read and validated.

Each rule names a control line new 建设用地 is held against (inside 生态保护红线, outside 城镇开发边界,
…), its level and its 依据. A slip would let new construction pass unseen, so every problem of the
file is listed at once, naming the file, the rule and the key.
"""

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from qgis.core import QgsExpression

from ...i18n import tr
from ...paths import resource
from ..plan_data.catalogue import default_catalogue
from ..shared.errors import PlanError
from ..shared.yaml_files import read_yaml
from .text import ID

INSIDE, OUTSIDE = "inside", "outside"
RED, YELLOW, NORMAL = "red", "yellow", "normal"
FILE_KEYS = ("base_year", "tolerance", "rules")
RULE_KEYS = ("id", "layer", "filter", "relation", "title", "level", "basis")
REQUIRED = ("id", "layer", "relation", "title", "level", "basis")


def level_label(level: str) -> str:
    return {RED: tr("红色预警"), YELLOW: tr("黄色预警"), NORMAL: tr("正常")}.get(level, level)


def relation_label(relation: str) -> str:
    return tr("inside the layer") if relation == INSIDE else tr("outside the layer")


@dataclass(frozen=True)
class Rule:
    id: str
    layer: str
    filter: Optional[str]
    relation: str
    title: str
    level: str
    basis_plan: str
    basis_national: str


@dataclass(frozen=True)
class MonitoringRules:
    base_year: int
    tolerance: float
    rules: list
    path: Path

    def layer_codes(self) -> list[str]:
        return list(dict.fromkeys(r.layer for r in self.rules))


def default_rules_path() -> Path:
    return resource("monitoring", "rules.yaml")


def load_rules(path=None) -> MonitoringRules:
    path = Path(path or default_rules_path())
    raw = read_yaml(path, what=tr("Monitoring rule file"))
    problems = [tr("unknown key {key}").format(key=k) for k in raw if k not in FILE_KEYS]
    base = raw.get("base_year", 2019)
    if not isinstance(base, int) or isinstance(base, bool) or not 1990 <= base <= 2100:
        problems.append(tr("base_year {value} is not a year").format(value=base))
    tolerance = raw.get("tolerance", 1.0)
    if isinstance(tolerance, bool) or not isinstance(tolerance, (int, float)) or not 0 <= tolerance < math.inf:
        problems.append(tr("tolerance {value} is not a number of at least 0").format(value=tolerance))
    items = raw.get("rules")
    if not isinstance(items, list) or not items:
        problems.append(tr("rules must be a non-empty list"))
        items = []
    for number, item in enumerate(items, start=1):
        problems += _rule_problems(number, item)
    ids = [i.get("id") for i in items if isinstance(i, dict)]
    problems += [
        tr("rule {id}: the id is used more than once").format(id=i)
        for i in sorted({i for i in ids if isinstance(i, str) and ids.count(i) > 1})
    ]
    if problems:
        raise PlanError(
            "\n".join(
                [tr("Monitoring rule file {path} is not valid:").format(path=path)] + [f"- {p}" for p in problems]
            )
        )
    return MonitoringRules(base, float(tolerance), [_rule(i) for i in items], path)


def _rule_problems(number: int, item) -> list[str]:
    if not isinstance(item, dict):
        return [tr("rule {number} must be a mapping").format(number=number)]
    label = item.get("id") if isinstance(item.get("id"), str) else str(number)
    problems = [tr("key {key} is missing").format(key=k) for k in REQUIRED if k not in item]
    problems += [tr("unknown key {key}").format(key=k) for k in item if k not in RULE_KEYS]
    if "id" in item and not (isinstance(item["id"], str) and ID.match(item["id"])):
        problems.append(tr("the id must be ASCII letters, digits or _"))
    if "layer" in item:
        try:
            if default_catalogue().layer(str(item["layer"])).geometry != "polygon":
                problems.append(tr("layer {code} is not a polygon layer").format(code=item["layer"]))
        except KeyError:
            problems.append(tr("layer {code} is not in the layer catalogue").format(code=item["layer"]))
    if "relation" in item and item["relation"] not in (INSIDE, OUTSIDE):
        problems.append(tr("relation {value} is not inside or outside").format(value=item["relation"]))
    if "level" in item and item["level"] not in (RED, YELLOW):
        problems.append(tr("level {value} is not red or yellow").format(value=item["level"]))
    if item.get("filter") is not None and (
        not isinstance(item["filter"], str) or QgsExpression(item["filter"]).hasParserError()
    ):
        problems.append(tr("filter {expr} is not a valid expression").format(expr=item["filter"]))
    basis = item.get("basis")
    if "basis" in item and not (isinstance(basis, dict) and basis.get("plan") and basis.get("national")):
        problems.append(tr("basis must give plan and national"))
    return [tr("rule {id}: {problem}").format(id=label, problem=p) for p in problems]


def _rule(item: dict) -> Rule:
    return Rule(
        item["id"],
        str(item["layer"]),
        item.get("filter"),
        item["relation"],
        str(item["title"]),
        item["level"],
        str(item["basis"]["plan"]),
        str(item["basis"]["national"]),
    )
