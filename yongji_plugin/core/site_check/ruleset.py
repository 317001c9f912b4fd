"""Rule sets: which control layers a site is checked against and what each means, from YAML.

A rule set is validated as a whole when it is loaded, so a slip in the file can never change a
verdict: before, two rules with one id silently replaced each other's outcome (a site inside the
red line came out compliant) and ``rules: []`` judged every site compliant. The file is checked
against a schema of known keys per rule kind and against the layer catalogue; every problem is
listed at once, each naming the file, the rule and the key.

Rule kinds are small classes on :class:`RuleKind` (one per kind, in the spirit of DataPlotly's
plot types): the kind's name, whether it judges a site, and its keys. Adding a kind is one
subclass listed in :data:`KINDS` (plus, if it brings keys of its own, their fields on
:class:`Rule`); the check (check.py) decides what the kind means for a site.
"""
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from qgis.core import QgsExpression

from ...i18n import tr
from ...paths import resource
from ..plan_data.catalogue import Catalogue, default_catalogue
from ..shared.errors import PlanError
from ..shared.yaml_files import read_yaml

RULE_ID = re.compile(r"^[A-Za-z0-9_]+$")  # rule ids name output fields ("<id>_m2"), so ASCII only
FILE_KEYS = ("id", "name", "name_en", "description", "plan", "rules")  # plan: whose clauses bases quote


# --- key types: (is the value acceptable?, what to say when it is not) ------------------------------

def _is_text(value) -> bool:
    return isinstance(value, str) and value.strip() != ""


def _is_text_list(value) -> bool:
    return isinstance(value, list) and all(_is_text(v) for v in value)


TYPES: dict[str, tuple[Callable[[object], bool], Callable[[], str]]] = {
    "text": (_is_text, lambda: tr("must be text")),
    "fields": (_is_text_list, lambda: tr("must be a list of field names")),
    "flag": (lambda v: isinstance(v, bool), lambda: tr("must be true or false")),
    "count": (lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= 1,
              lambda: tr("must be a whole number of at least 1")),
    "mapping": (lambda v: isinstance(v, dict), lambda: tr("must be a mapping")),
}


@dataclass(frozen=True)
class Key:
    type: str
    required: bool = False


COMMON_KEYS = {
    "id": Key("text", True),
    "kind": Key("text", True),
    "layer": Key("text", True),  # catalogue code of a polygon layer
    "title": Key("text", True),
    "title_en": Key("text"),
    "key_fields": Key("fields"),  # control-layer fields copied onto the conflict pieces
    "filter": Key("text"),  # QGIS expression on the control layer
    "may_be_empty": Key("flag"),  # the control layer may have no features (else refused)
    "basis": Key("mapping"),  # {plan, national}: what the rule enforces (依据), quoted in the report
}
VERDICT_KEYS = {"applies_to": Key("mapping")}  # {field, values}: site types the rule judges
BREAKDOWN_KEYS = {"class_field": Key("text", True), "class_prefix": Key("count"),
                  "class_table": Key("text")}
USE_FIT_KEYS = {"class_field": Key("text", True),  # the planned use's 用地用海 code (YDYHDM)
                "use_table": Key("text")}  # compatibility table under resources/ (use_compatibility.yaml)
FARMLAND_KEYS = {"class_field": Key("text", True),  # 三调 DLBM
                 "class_codes": Key("fields"),  # prefixes that make 耕地 (default 01)
                 "protected_layer": Key("text"),  # 永久基本农田, shown apart inside the 耕地
                 "coefficient_field": Key("text"), "deducted_field": Key("text"),
                 "parcel_area_field": Key("text")}  # KCXS, KCMJ, TBMJ unless named


class RuleKind:
    """What a kind of rule is: its name, whether it judges a site, and the keys it accepts."""

    name = ""
    has_verdict = True
    keys: dict[str, Key] = COMMON_KEYS

    def problems(self, raw: dict, catalogue: Catalogue) -> list[str]:
        """Problems beyond the keys' types (a kind with cross-key rules adds them here)."""
        return []


class NoOverlapKind(RuleKind):
    """The site must not overlap the layer (生态保护红线, 永久基本农田 …)."""

    name = "no_overlap"
    keys = {**COMMON_KEYS, **VERDICT_KEYS}

    def problems(self, raw, catalogue):
        applies_to = raw.get("applies_to")
        if not isinstance(applies_to, dict):
            return []
        values = applies_to.get("values")
        if set(applies_to) != {"field", "values"} or not _is_text(applies_to.get("field")) \
                or not values or not _is_text_list(values):
            return [tr("applies_to needs field and values (a list of text), "
                       "e.g. {{field: XMLX, values: [城镇建设]}}")]
        return []


class WithinKind(NoOverlapKind):
    """The site must lie inside the layer (城镇开发边界)."""

    name = "within"


class BreakdownKind(RuleKind):
    """Areas per class of the layer (三调地类, 规划分区); no verdict."""

    name = "breakdown"
    has_verdict = False
    keys = {**COMMON_KEYS, **BREAKDOWN_KEYS}

    def problems(self, raw, catalogue):
        table = raw.get("class_table")
        if _is_text(table) and table not in catalogue.code_tables:
            return [tr("class_table {table} is not a code table").format(table=table)]
        return []


class UseFitKind(RuleKind):
    """规划用途符合性: the project's use against the planned use under the site (use_fit.py)."""

    name = "use_fit"
    keys = {**COMMON_KEYS, **VERDICT_KEYS, **USE_FIT_KEYS}

    def problems(self, raw, catalogue):
        table = raw.get("use_table")
        if _is_text(table) and not resource(table).is_file():
            return [tr("use_table {table} is not a file under resources/").format(table=table)]
        return NoOverlapKind.problems(self, raw, catalogue)


class FarmlandKind(RuleKind):
    """耕地 occupation, gross and net of 田坎, 永久基本农田 apart (farmland.py); no verdict."""

    name = "farmland"
    has_verdict = False
    keys = {**COMMON_KEYS, **FARMLAND_KEYS}

    def problems(self, raw, catalogue):
        return _layer_problems(raw.get("protected_layer"), catalogue)


KINDS: dict[str, RuleKind] = {kind.name: kind for kind in (
    NoOverlapKind(), WithinKind(), BreakdownKind(), UseFitKind(), FarmlandKind())}


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

    @property
    def layers(self) -> tuple[str, ...]:
        """Every catalogue layer the rule reads."""
        return (self.layer,) + ((self.protected_layer,) if self.protected_layer else ())

    @property
    def has_verdict(self) -> bool:
        return KINDS[self.kind].has_verdict

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

    @property
    def breakdown_rules(self) -> list[Rule]:
        return [r for r in self.rules if r.kind == "breakdown"]

    def rules_of(self, kind: str) -> list[Rule]:
        return [r for r in self.rules if r.kind == kind]

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
    problems = ruleset_problems(raw, catalogue or default_catalogue())
    if problems:
        raise PlanError("\n".join([tr("Rule set {path} is not valid:").format(path=path)]
                                  + [f"- {problem}" for problem in problems]))
    rules = [_rule(item) for item in raw["rules"]]
    return RuleSet(str(raw.get("id", path.stem)), str(raw.get("name", path.stem)), rules, path,
                   str(raw.get("plan", "")))


def ruleset_problems(raw, catalogue: Catalogue) -> list[str]:
    """Every problem of a parsed rule-set file, in file order; empty when it is valid."""
    if raw is not None and not isinstance(raw, dict):
        return [tr("the file must be a mapping with a list of rules")]
    raw = raw or {}
    problems = [tr("unknown key {key}").format(key=key) for key in raw if key not in FILE_KEYS]
    problems += [tr("key {key} {problem}").format(key=key, problem=TYPES["text"][1]())
                 for key in ("id", "name", "plan") if key in raw and not _is_text(raw[key])]
    rules = raw.get("rules")
    if not rules:
        return problems + [tr("the rule set has no rules: a check without rules would pass every site")]
    if not isinstance(rules, list):
        return problems + [tr("rules must be a list")]
    for number, item in enumerate(rules, start=1):
        problems += _rule_problems(number, item, catalogue)
    return problems + _duplicate_problems(rules)


def _label(number: int, item) -> str:
    value = item.get("id") if isinstance(item, dict) else None
    return value if _is_text(value) else str(number)


def _rule_problems(number: int, item, catalogue: Catalogue) -> list[str]:
    if not isinstance(item, dict):
        return [tr("rule {rule} must be a mapping").format(rule=number)]
    label = _label(number, item)
    return [tr("rule {rule}: {problem}").format(rule=label, problem=problem)
            for problem in _key_problems(item, catalogue)]


def _key_problems(item: dict, catalogue: Catalogue) -> list[str]:
    kind = KINDS.get(item.get("kind"))
    if kind is None and "kind" in item:
        return [tr("unknown kind {kind} (known: {kinds})").format(kind=item["kind"], kinds=", ".join(KINDS))]
    keys = kind.keys if kind else COMMON_KEYS
    problems = []
    for name, key in keys.items():
        if name not in item:
            if key.required:
                problems.append(tr("key {key} is missing").format(key=name))
            continue
        accept, message = TYPES[key.type]
        if not accept(item[name]):
            problems.append(tr("key {key} {problem}").format(key=name, problem=message()))
    problems += [tr("unknown key {key} for kind {kind}").format(key=name, kind=item.get("kind"))
                 for name in item if name not in keys]
    if kind is None:
        return problems
    if _is_text(item.get("id")) and not RULE_ID.match(item["id"]):
        problems.append(tr("the id may hold only ASCII letters, digits and _ (it names output fields)"))
    problems += _layer_problems(item.get("layer"), catalogue)
    problems += _filter_problems(item.get("filter"))
    problems += _basis_problems(item.get("basis"))
    return problems + kind.problems(item, catalogue)


def _basis_problems(basis) -> list[str]:
    if not isinstance(basis, dict):
        return []
    if not basis or set(basis) - {"plan", "national"} or not all(_is_text(v) for v in basis.values()):
        return [tr("basis needs plan and/or national (text), e.g. {{plan: 规划条文, national: 国家规定}}")]
    return []


def _layer_problems(code, catalogue: Catalogue) -> list[str]:
    if not _is_text(code):
        return []
    try:
        spec = catalogue.layer(code)
    except KeyError:
        return [tr("layer {code} is not in the layer catalogue").format(code=code)]
    if spec.geometry != "polygon":
        words = {"line": tr("line"), "point": tr("point")}
        return [tr("layer {code} ({name}) is a {geometry} layer, not a polygon layer").format(
            code=code, name=spec.name, geometry=words.get(spec.geometry, spec.geometry))]
    return []


def _filter_problems(expression) -> list[str]:
    if not _is_text(expression):
        return []
    parsed = QgsExpression(expression)
    if parsed.hasParserError():
        return [tr("filter {expr} is not a valid expression: {error}").format(
            expr=expression, error=parsed.parserErrorString())]
    return []


def _duplicate_problems(rules: list) -> list[str]:
    numbers: dict[str, list[int]] = {}
    for number, item in enumerate(rules, start=1):
        if isinstance(item, dict) and _is_text(item.get("id")):
            numbers.setdefault(item["id"], []).append(number)
    return [tr("rule {rule}: the id is used by rules {numbers}; each rule needs its own id").format(
        rule=rule_id, numbers=", ".join(map(str, found))) for rule_id, found in numbers.items() if len(found) > 1]


def _rule(raw: dict) -> Rule:
    raw = dict(raw)
    raw["key_fields"] = tuple(raw.get("key_fields", ()))
    if "class_codes" in raw:
        raw["class_codes"] = tuple(raw["class_codes"])
    basis = raw.get("basis") or {}
    raw["basis"] = Basis(basis.get("plan", "").strip(), basis.get("national", "").strip())
    return Rule(**raw)
