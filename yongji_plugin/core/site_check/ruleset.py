"""Rule sets: which control layers a site is checked against and what each means, from YAML."""
from dataclasses import dataclass, field
from pathlib import Path
from typing import List, Optional, Tuple

import yaml

from ...i18n import tr
from ...paths import resource
from ..shared.errors import PlanError

KINDS = ("no_overlap", "within", "breakdown")


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    layer: str
    title: str
    title_en: str = ""
    key_fields: Tuple[str, ...] = ()
    filter: Optional[str] = None
    applies_to: Optional[dict] = None
    class_field: Optional[str] = None
    class_prefix: Optional[int] = None
    class_table: Optional[str] = None

    @property
    def has_verdict(self) -> bool:
        return self.kind != "breakdown"

    def applies(self, site_type: Optional[str]) -> bool:
        """Whether the rule judges a site of this type (``None``: the site layer has no type)."""
        if not self.applies_to or site_type is None:
            return True
        return site_type in self.applies_to.get("values", [])


@dataclass
class RuleSet:
    id: str
    name: str
    rules: List[Rule] = field(default_factory=list)
    path: Optional[Path] = None

    @property
    def verdict_rules(self) -> List[Rule]:
        return [r for r in self.rules if r.has_verdict]

    @property
    def breakdown_rules(self) -> List[Rule]:
        return [r for r in self.rules if not r.has_verdict]

    def layer_codes(self) -> List[str]:
        return list(dict.fromkeys(r.layer for r in self.rules))


def default_ruleset_path() -> Path:
    return resource("rulesets", "default.yaml")


def load_ruleset(path=None) -> RuleSet:
    path = Path(path or default_ruleset_path())
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        rules = [_rule(r) for r in raw["rules"]]
        return RuleSet(raw.get("id", path.stem), raw.get("name", path.stem), rules, path)
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError) as error:
        raise PlanError(tr("Rule set {path} cannot be read: {error}").format(path=path, error=error))


def _rule(raw: dict) -> Rule:
    if raw.get("kind") not in KINDS:
        raise ValueError(f"rule {raw.get('id')}: unknown kind {raw.get('kind')}")
    raw = dict(raw)
    raw["key_fields"] = tuple(raw.get("key_fields", ()))
    return Rule(**raw)
