"""Rule sets: which control layers a site is checked against and what each means, from YAML.

A rule set is validated as a whole when it is loaded, so a slip in the file can never change a
verdict: before, two rules with one id silently replaced each other's outcome (a site inside the
red line came out compliant) and ``rules: []`` judged every site compliant. The file is checked
against a schema of known keys per rule kind and against the layer catalogue; every problem is
listed at once, each naming the file, the rule, the key and its line.

Rule kinds are classes in ``kinds/`` (one module per kind, in the spirit of DataPlotly's plot
types): a kind validates its rules' entries (``RuleKind.entry_problems``: its keys and their
types, what every rule shares, and its own cross-key rules); this module checks the file around
them (its keys, the rule list, unknown kinds, duplicate ids). A key of a kind that is not a field
of :class:`Rule` is kept in ``Rule.settings``.
"""

from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Optional

from ...i18n import tr
from ...paths import resource
from ..plan_data.catalogue import Catalogue, default_catalogue
from ..shared.errors import PlanError
from ..shared.yaml_files import entry_lines, read_yaml
from .kinds import KINDS, RuleKind
from .kinds.base import COMMON_KEYS, TYPES, key_problems
from .kinds.base import is_text as _is_text

FILE_KEYS = ("id", "name", "name_en", "description", "plan", "rules")  # plan: whose clauses bases quote


@dataclass(frozen=True)
class Basis:
    """What a rule enforces (依据): the plan's clause, quoted, and the national rule it rests on."""

    plan: str = ""
    national: str = ""


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    layer: str
    title: str
    title_en: str = ""
    key_fields: tuple[str, ...] = ()
    filter: Optional[str] = None
    may_be_empty: bool = False
    applies_to: Optional[dict] = None
    class_field: Optional[str] = None
    class_prefix: Optional[int] = None
    class_table: Optional[str] = None
    use_table: str = "use_compatibility.yaml"
    class_codes: tuple[str, ...] = ("01",)
    protected_layer: Optional[str] = None
    coefficient_field: str = "KCXS"
    deducted_field: str = "KCMJ"
    parcel_area_field: str = "TBMJ"
    basis: Basis = Basis()
    settings: dict = field(default_factory=dict)  # a kind's own keys that are not fields of Rule

    @property
    def rule_kind(self) -> RuleKind:
        """What the rule's kind does (``kinds/``)."""
        return KINDS[self.kind]

    @property
    def layers(self) -> tuple[str, ...]:
        """Every catalogue layer the rule reads."""
        return (self.layer,) + ((self.protected_layer,) if self.protected_layer else ())

    @property
    def has_verdict(self) -> bool:
        return self.rule_kind.has_verdict

    def applies(self, site_type: Optional[str]) -> bool:
        """Whether the rule judges a site of this type (``None``: the site layer has no type)."""
        if not self.applies_to or site_type is None:
            return True
        return site_type in self.applies_to.get("values", [])


@dataclass
class RuleSet:
    id: str
    name: str
    rules: list[Rule] = field(default_factory=list)
    path: Optional[Path] = None
    plan: str = ""  # the plan whose clauses the rules' bases quote

    @property
    def verdict_rules(self) -> list[Rule]:
        return [r for r in self.rules if r.has_verdict]

    def rules_of(self, kind: RuleKind) -> list[Rule]:
        return [r for r in self.rules if r.rule_kind is kind]

    def numbered_by_kind(self):
        """(rule, its 1-based number among the rules of its kind), in rule-set order."""
        counts: dict[str, int] = {}
        for rule in self.rules:
            counts[rule.kind] = counts.get(rule.kind, 0) + 1
            yield rule, counts[rule.kind]

    def layer_codes(self) -> list[str]:
        return list(dict.fromkeys(code for r in self.rules for code in r.layers))

    def may_be_empty(self, code: str) -> bool:
        """A control layer may be empty only if every rule that reads it says so."""
        return all(r.may_be_empty for r in self.rules if code in r.layers)


def default_ruleset_path() -> Path:
    return resource("rulesets", "default.yaml")


def load_ruleset(path=None, catalogue: Catalogue = None) -> RuleSet:
    """The rule set in ``path`` (default: the plugin's), or a PlanError listing every problem."""
    path = Path(path or default_ruleset_path())
    raw = read_yaml(path, what=tr("Rule set"))
    problems = ruleset_problems(raw, catalogue or default_catalogue(), entry_lines(path, "rules"))
    if problems:
        raise PlanError(
            "\n".join(
                [tr("Rule set {path} is not valid:").format(path=path)] + [f"- {problem}" for problem in problems]
            )
        )
    rules = [_rule(item) for item in raw["rules"]]
    return RuleSet(
        str(raw.get("id", path.stem)), str(raw.get("name", path.stem)), rules, path, str(raw.get("plan", ""))
    )


def ruleset_problems(raw, catalogue: Catalogue, lines: Optional[list] = None) -> list[str]:
    """Every problem of a parsed rule-set file, in file order; empty when it is valid. ``lines``:
    each rule's lines (``yaml_files.entry_lines``), named in its problems."""
    if raw is not None and not isinstance(raw, dict):
        return [tr("the file must be a mapping with a list of rules")]
    raw = raw or {}
    problems = [tr("unknown key {key}").format(key=key) for key in raw if key not in FILE_KEYS]
    problems += [
        tr("key {key} {problem}").format(key=key, problem=TYPES["text"][1]())
        for key in ("id", "name", "plan")
        if key in raw and not _is_text(raw[key])
    ]
    rules = raw.get("rules")
    if not rules:
        return problems + [tr("the rule set has no rules: a check without rules would pass every site")]
    if not isinstance(rules, list):
        return problems + [tr("rules must be a list")]
    for number, item in enumerate(rules, start=1):
        problems += _rule_problems(number, item, catalogue, lines[number - 1] if lines else {})
    return problems + _duplicate_problems(rules)


def _label(number: int, item) -> str:
    value = item.get("id") if isinstance(item, dict) else None
    return value if _is_text(value) else str(number)


def _rule_problems(number: int, item, catalogue: Catalogue, lines: dict) -> list[str]:
    """The problems of one rule, each with the line of the key it is about (else the rule's)."""
    if not isinstance(item, dict):
        return [tr("rule {rule} must be a mapping").format(rule=number)]
    label = _label(number, item)
    kind = KINDS.get(item.get("kind")) if isinstance(item.get("kind"), str) else None  # `kind: [x]`: a TypeError
    if kind is None and "kind" in item:
        problems = [
            ("kind", tr("unknown kind {kind} (known: {kinds})").format(kind=item["kind"], kinds=", ".join(KINDS)))
        ]
    else:  # no kind: what every rule needs (the missing kind among it)
        problems = kind.entry_problems(item, catalogue) if kind else key_problems(item, COMMON_KEYS, None)
    return [
        tr("rule {rule}: {problem} (line {line})").format(
            rule=label, problem=text, line=lines.get(key) or lines.get("", "?")
        )
        if lines
        else tr("rule {rule}: {problem}").format(rule=label, problem=text)
        for key, text in problems
    ]


def _duplicate_problems(rules: list) -> list[str]:
    numbers: dict[str, list[int]] = {}
    for number, item in enumerate(rules, start=1):
        if isinstance(item, dict) and _is_text(item.get("id")):
            numbers.setdefault(item["id"], []).append(number)
    return [
        tr("rule {rule}: the id is used by rules {numbers}; each rule needs its own id").format(
            rule=rule_id, numbers=", ".join(map(str, found))
        )
        for rule_id, found in numbers.items()
        if len(found) > 1
    ]


def _rule(raw: dict) -> Rule:
    names = {f.name for f in fields(Rule)}
    raw = {k: v for k, v in raw.items() if k in names} | {"settings": {k: v for k, v in raw.items() if k not in names}}
    raw["key_fields"] = tuple(raw.get("key_fields", ()))
    if "class_codes" in raw:
        raw["class_codes"] = tuple(raw["class_codes"])
    basis = raw.get("basis") or {}
    raw["basis"] = Basis(basis.get("plan", "").strip(), basis.get("national", "").strip())
    return Rule(**raw)
