"""Plan-QA rules and findings: what a check is, what it found, and how a run went."""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ...i18n import tr
from ...paths import resource
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
    raw = read_yaml(Path(path or resource("qa_rules.yaml")), QA_RULES_FILE, what=tr("QA rules"))
    rules = []
    for item in raw["rules"]:
        item = dict(item)
        item["layers"] = tuple(item.get("layers", ()))
        rules.append(QaRule(**item))
    return QaRuleSet(rules, float(raw.get("tolerance_m2", 1.0)), float(raw.get("area_field_tolerance", 0.005)))
