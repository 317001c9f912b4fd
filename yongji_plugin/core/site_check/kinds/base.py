"""The base of every rule kind, and the registry built from its subclasses.

Each kind is a subclass of :class:`RuleKind` that sets ``name`` (how rule-set files write it);
defining the class registers one instance in :data:`KINDS` (in the spirit of DataPlotly's plot
types). Before, a kind was a string compared in about twenty places, and a kind forgotten in one of
them failed with a KeyError only when a report was written; now a kind that does not say something
gets the base's answer, which is "nothing of its own".

The base also holds what every kind's validation shares: the key types and the keys every rule has.
"""

import re
from dataclasses import dataclass
from typing import Callable, Optional, Union

from qgis.core import QgsExpression

from ....i18n import tr
from ...engine.layers import ControlLayer
from ...plan_data.catalogue import Catalogue
from ...plan_data.styles import colours
from ...shared.areas import hectares, mu
from ..results import COMPLIANT, CONFLICT, SLIVER, RuleOutcome

KINDS: dict = {}  # name → the kind's one instance, in the kinds' ``order``
RULE_ID = re.compile(r"^[A-Za-z0-9_]+$")  # rule ids name output fields ("<id>_m2"), so ASCII only
Problem = Union[str, tuple]  # a problem of a rule's entry: its text, or (the key it is about, its text)


# --- key types: (is the value acceptable?, what to say when it is not) ------------------------------


def is_text(value) -> bool:
    return isinstance(value, str) and value.strip() != ""


def is_text_list(value) -> bool:
    return isinstance(value, list) and all(is_text(v) for v in value)


TYPES: dict[str, tuple[Callable[[object], bool], Callable[[], str]]] = {
    "text": (is_text, lambda: tr("must be text")),
    "fields": (is_text_list, lambda: tr("must be a list of field names")),
    "flag": (lambda v: isinstance(v, bool), lambda: tr("must be true or false")),
    "count": (
        lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= 1,
        lambda: tr("must be a whole number of at least 1"),
    ),
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


def layer_problems(code, catalogue: Catalogue) -> list[str]:
    """A rule's layer (or another layer key) that is not a polygon layer of the catalogue."""
    if not is_text(code):
        return []
    try:
        spec = catalogue.layer(code)
    except KeyError:
        return [tr("layer {code} is not in the layer catalogue").format(code=code)]
    if spec.geometry != "polygon":
        words = {"line": tr("line"), "point": tr("point")}
        return [
            tr("layer {code} ({name}) is a {geometry} layer, not a polygon layer").format(
                code=code, name=spec.name, geometry=words.get(spec.geometry, spec.geometry)
            )
        ]
    return []


def key_problems(raw: dict, keys: dict, kind_name) -> list[tuple]:
    """(key, problem) for each key missing, of the wrong type or unknown to the kind."""
    problems = []
    for name, key in keys.items():
        if name not in raw:
            if key.required:
                problems.append(("", tr("key {key} is missing").format(key=name)))
            continue
        accept, message = TYPES[key.type]
        if not accept(raw[name]):
            problems.append((name, tr("key {key} {problem}").format(key=name, problem=message())))
    return problems + [
        (name, tr("unknown key {key} for kind {kind}").format(key=name, kind=kind_name))
        for name in raw
        if name not in keys
    ]


def filter_problems(expression) -> list[str]:
    if not is_text(expression):
        return []
    parsed = QgsExpression(expression)
    if parsed.hasParserError():
        return [
            tr("filter {expr} is not a valid expression: {error}").format(
                expr=expression, error=parsed.parserErrorString()
            )
        ]
    return []


def basis_problems(basis) -> list[str]:
    if not isinstance(basis, dict):
        return []
    if not basis or set(basis) - {"plan", "national"} or not all(is_text(v) for v in basis.values()):
        return [tr("basis needs plan and/or national (text), e.g. {{plan: 规划条文, national: 国家规定}}")]
    return []


def applies_to_problems(raw: dict) -> list[tuple]:
    applies_to = raw.get("applies_to")
    if not isinstance(applies_to, dict):
        return []
    values = applies_to.get("values")
    if (
        set(applies_to) != {"field", "values"}
        or not is_text(applies_to.get("field"))
        or not values
        or not is_text_list(values)
    ):
        return [
            (
                "applies_to",
                tr("applies_to needs field and values (a list of text), e.g. {{field: XMLX, values: [城镇建设]}}"),
            )
        ]
    return []


# --- what a kind's judge works on ------------------------------------------------------------------


@dataclass
class RuleRun:
    """One rule of a check: its overlay with every site, and where its findings go."""

    rule: object  # the Rule
    number: int  # the rule's place in the rule set (orders the conflict pieces)
    overlay: object  # the engine's overlay of the sites with the rule's control layer
    results: list  # a SiteResult per site
    checked: list  # indices of the sites the rules judge
    params: object  # CheckParams
    pieces: object  # FoundPieces: append (site index, rule number, Piece), as to a list
    engine: object
    controls: dict  # what the engine read for every rule (``RuleKind.controls``)
    run: object  # the CheckResult: warnings, the site layer's use fields


def area_outcome(rule, result, area: float, params) -> RuleOutcome:
    """The outcome of a rule judged on one area (overlap, or the part outside): a conflict from the
    tolerance up, a sliver below it, clear at zero or where the rule does not apply to the site."""
    outcome = RuleOutcome(rule, applicable=rule.applies(result.site.site_type))
    outcome.area = area
    outcome.share = area / result.area if result.area else 0.0
    if area <= 0.0 or not outcome.applicable:
        outcome.status = COMPLIANT
    else:
        outcome.status = CONFLICT if area >= params.tolerance else SLIVER
    result.outcomes[rule.id] = outcome
    return outcome


def area_row(title: str, area: float, share: float, **extra) -> dict:
    """A row of the report's area tables (m², 公顷, 亩 and share of the site)."""
    return dict(
        {
            "m2": f"{area:,.2f}",
            "ha": f"{hectares(area):,.4f}",
            "mu": f"{mu(area):,.2f}",
            "title": title,
            "pct": f"{100 * share:.2f}%",
        },
        **extra,
    )


@dataclass(frozen=True)
class SummaryColumn:
    """A column a kind adds to the report's summary table (for the first rule of the kind): its
    heading, width and, when the column has a unit row under its heading, that unit."""

    heading: str
    width: str
    unit: str = ""


class RuleKind:
    """A kind of rule. Subclasses set ``name`` and override what their kind does differently; the
    base's answers are those of a kind that adds nothing (no fields, no tables, no styling)."""

    name = ""  # as rule-set files write it (``kind: no_overlap``)
    order = 100  # place among the kinds: in error messages and the summary table's columns
    has_verdict = True  # judges a site (its outcome counts towards the verdict)
    keys: dict[str, Key] = COMMON_KEYS  # the keys a rule of the kind may (or must) have
    draws_control = False  # the site maps draw its layer, labelled by its first key field
    report_group = "tables"  # the site section's list its tables go to: "tables" or "breakdowns"
    report_order = 0  # place of its tables in that list (tables of one order keep rule-set order)

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.__dict__.get("name"):
            KINDS[cls.name] = cls()
            ordered = sorted(KINDS.values(), key=lambda kind: kind.order)
            KINDS.clear()
            KINDS.update((kind.name, kind) for kind in ordered)

    # -- the rule-set file -----------------------------------------------------------------------

    def entry_problems(self, raw: dict, catalogue: Catalogue) -> list[tuple]:
        """Every problem of a rule's entry in a rule-set file, as (the key it is about, or "" for
        the entry, its text): the kind's keys, then what every rule shares, then :meth:`problems`."""
        problems = key_problems(raw, self.keys, self.name)
        if is_text(raw.get("id")) and not RULE_ID.match(raw["id"]):
            problems.append(("id", tr("the id may hold only ASCII letters, digits and _ (it names output fields)")))
        problems += [("layer", p) for p in layer_problems(raw.get("layer"), catalogue)]
        problems += [("filter", p) for p in filter_problems(raw.get("filter"))]
        problems += [("basis", p) for p in basis_problems(raw.get("basis"))]
        return problems + [p if isinstance(p, tuple) else ("", p) for p in self.problems(raw, catalogue)]

    def problems(self, raw: dict, catalogue: Catalogue) -> list[Problem]:
        """Problems beyond the keys' types (a kind with cross-key rules adds them here), each a
        text or (the key it is about, the text)."""
        return []

    # -- the check ------------------------------------------------------------------------------

    def controls(self, rule, layers: dict) -> dict[str, ControlLayer]:
        """What the engine reads for the rule: its layer with its filter, key and class fields."""
        layer = layers[rule.layer]
        fields = tuple(rule.key_fields) + ((rule.class_field,) if rule.class_field else ())
        return {rule.id: ControlLayer(layer, layer.name() or rule.title, rule.filter, fields)}

    def warnings(self, rules: list, run, site_layer: str) -> list[str]:
        """Warnings about the site layer for the kind's rules, before any overlay."""
        return []

    def judge(self, job: RuleRun) -> None:
        """Outcomes, breakdown rows, figures and conflict pieces of every checked site."""
        raise NotImplementedError(self.name)

    def reason(self, outcome, tolerance: float) -> str:
        """The finding in words, for a rule whose outcome does not word it itself."""
        return ""

    # -- the output layers ----------------------------------------------------------------------

    def summary_fields(self, rule, prefix: str) -> list:
        """Fields of a verdict rule in the site summary after its area, share and status."""
        return []

    def summary_values(self, rule, prefix: str, site, outcome) -> dict:
        return {}

    def figure_fields(self, rule, number: int) -> list:
        """Fields after every verdict rule's, ``number`` counting the rules of this kind."""
        return []

    def figure_values(self, rule, number: int, site_result) -> dict:
        return {}

    def class_names(self, rule, catalogue: Catalogue) -> dict[str, str]:
        """Names of the class codes its breakdown rows carry without a name of their own."""
        return {}

    # -- the report -----------------------------------------------------------------------------

    def test_text(self, rule) -> str:
        """What the rule tests, in the report's list of rules."""
        return ""

    def judged_text(self, outcome) -> str:
        """The result of an applicable rule over the tolerance (or clear), in the rule tables."""
        return ""

    def status_text(self, outcome, applies_text: str) -> str:
        if not outcome.applicable:
            return tr("not applicable: the rule covers {scope}").format(scope=applies_text)
        if outcome.status == SLIVER:
            return tr("sliver below the tolerance (not a conflict)")
        return self.judged_text(outcome)

    def report_tables(self, site_result, rule, basis: str, applies_text: str) -> list[dict]:
        """The rule's tables in a site's section. A table with a ``merge`` key takes the rows of
        every later table with the same key (one table for all rules of a kind)."""
        return []

    summary_column: Optional[SummaryColumn] = None

    def summary_cell(self, site_result, rule) -> dict:
        """The kind's cell in the summary table: ``text`` and ``css``."""
        return {"text": "", "css": ""}

    # -- map styling ----------------------------------------------------------------------------

    def conflict_look(self, rule_id: str) -> dict:
        """The conflict pieces' look: one hatch colour no control line uses, an angle per rule."""
        looks = colours()["results"]
        look = dict(looks["conflict"])
        look["hatch"] = dict(look["hatch"], angle=looks["conflict_angle"].get(rule_id, 45))
        return look
