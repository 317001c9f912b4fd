"""Plan-QA rules and findings: what a check is, what it found, and how a run went."""

from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Optional

from ...i18n import tr
from ...paths import resource
from ..shared.errors import PlanError
from ..shared.numbers import finite_number
from ..shared.yaml_files import Shape, read_yaml

QA_RULES_FILE = Shape(dict, {"rules": list, "tolerance_m2": float, "area_field_tolerance": float}, required=("rules",))

PASSED, FAILED, SKIPPED = "passed", "failed", "skipped"


@dataclass(frozen=True)
class QaRule:
    id: str
    kind: str
    severity: str
    description: str
    layer: Optional[str] = None
    layers: tuple = ()
    boundary: Optional[str] = None
    container: Optional[str] = None
    filter: Optional[str] = None


@dataclass
class QaRuleSet:
    rules: list[QaRule]
    tolerance: float = 1.0
    area_field_tolerance: float = 0.005

    def subset(self, ids) -> "QaRuleSet":
        wanted = set(ids)
        return QaRuleSet([r for r in self.rules if r.id in wanted], self.tolerance, self.area_field_tolerance)


@dataclass
class QaError:
    rule: QaRule
    layer: str
    fid: Optional[int]
    description: str
    geometry: object = None  # QgsGeometry in the plan CRS, or None for layer-level problems


@dataclass
class QaRuleOutcome:
    rule: QaRule
    status: str
    errors: int = 0
    note: str = ""


@dataclass
class QaResult:
    errors: list[QaError] = field(default_factory=list)
    outcomes: list[QaRuleOutcome] = field(default_factory=list)
    canceled: bool = False
    backend: str = ""  # the overlay engine backend that ran, in words

    def outcome(self, rule_id: str) -> QaRuleOutcome:
        return next(o for o in self.outcomes if o.rule.id == rule_id)


def load_qa_rules(path=None) -> QaRuleSet:
    path = Path(path or resource("qa_rules.yaml"))
    raw = read_yaml(path, QA_RULES_FILE, what=tr("QA rules"))
    items = raw["rules"] if isinstance(raw.get("rules"), list) and raw["rules"] else None
    problems = _tolerance_problems(raw) + [p for n, item in enumerate(items or [], 1) for p in _rule_problems(n, item)]
    if items is None:
        problems.append(tr("rules must be a non-empty list"))
    if problems:
        raise PlanError(
            "\n".join([tr("QA rules {path} are not valid:").format(path=path)] + [f"- {p}" for p in problems])
        )
    rules = []
    for item in raw["rules"]:
        item = dict(item)
        item["layers"] = tuple(item.get("layers", ()))
        rules.append(QaRule(**item))
    return QaRuleSet(rules, float(raw.get("tolerance_m2", 1.0)), float(raw.get("area_field_tolerance", 0.005)))


TEXT_KEYS = ("id", "kind", "severity", "description")  # required; the other keys of QaRule may be left out


def _tolerance_problems(raw: dict) -> list[str]:
    return [
        tr("{key} {value} is not a number of at least 0").format(key=key, value=raw[key])
        for key in ("tolerance_m2", "area_field_tolerance")
        if key in raw and (finite_number(raw[key]) is None or raw[key] < 0)
    ]


def _rule_problems(number: int, item) -> list[str]:
    """A rule's wrong types, said (a list for a rule or a layer list of numbers raised a TypeError)."""
    if not isinstance(item, dict):
        return [tr("rule {rule} must be a mapping").format(rule=number)]
    label = item["id"] if isinstance(item.get("id"), str) else str(number)
    known = {f.name for f in fields(QaRule)}
    problems = [tr("rule {rule}: unknown key {key}").format(rule=label, key=k) for k in item if k not in known]
    problems += [
        tr("rule {rule}: key {key} must be text").format(rule=label, key=k)
        for k in known - {"layers"}
        if (k in TEXT_KEYS or item.get(k) is not None) and not (isinstance(item.get(k), str) and item[k].strip())
    ]
    layers = item.get("layers", [])
    if not isinstance(layers, list) or not all(isinstance(code, str) for code in layers):
        problems.append(tr("rule {rule}: layers must be a list of layer codes").format(rule=label))
    return problems
