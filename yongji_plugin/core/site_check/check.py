"""项目选址合规性检查: each site against the rule set's control layers.

Per site and rule what the rule's kind measures (``kinds/``: for ``no_overlap`` the overlapping
area counted once even where control features overlap each other, its share of the site and the
conflict pieces; for ``breakdown`` the areas per class …); a verdict with reasons in words.
Inputs are only read.

Cancel (the rules in ``core.shared.cancel``): the run stops at the next site (or inside an index
build) and returns ``CheckResult(canceled=True)``, never raising for a cancel; ``sites`` then
holds the sites checked before, without their land-class breakdowns, and the writers refuse it.
A cancel that comes after the last site still makes the result canceled.
"""

from dataclasses import dataclass, field
from datetime import datetime

from qgis.core import (
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsExpression,
    QgsFeedback,
    QgsVectorLayer,
)

from ...i18n import tr
from ..engine.geometry_repair import Repair
from ..engine.layers import ControlLayer
from ..engine.overlay import OverlayEngine
from ..plan_data.catalogue import default_catalogue
from ..plan_data.conformance import usable_problems
from ..shared.areas import DEFAULT_TOLERANCE  # noqa: F401 - callers import it from here
from ..shared.cancel import Canceled, raise_if_canceled
from ..shared.errors import PlanError
from ..shared.layer_crs import likely_crs
from ..shared.numbers import non_negative
from .found_pieces import FoundPieces
from .kinds import KINDS, RuleRun
from .results import (
    COMPLIANT,
    CONFLICT,
    NEEDS_REVIEW,
    NONCOMPLIANT,
    REVIEW,
    SLIVER,  # noqa: F401 - callers import it from here too
    UNCHECKED,
    VERDICTS,
    CheckParams,
    Piece,
    RuleOutcome,  # noqa: F401 - callers import it from here too
    SiteResult,
)
from .ruleset import Rule, RuleSet
from .site_encoding import sites_in_encoding
from .site_input import Site, read_sites, use_fields

COORDINATE_FILE_FIELDS = ("JZDS", "WJ")  # what core/coordfile's import writes: 界址点数, source file


@dataclass
class CheckResult:
    ruleset: RuleSet
    params: CheckParams
    sites: list[SiteResult] = field(default_factory=list)
    pieces: list[Piece] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    site_layer: str = ""
    started: datetime = field(default_factory=datetime.now)
    canceled: bool = False
    layers: dict = field(default_factory=dict)  # control layers by catalogue code (read only)
    warnings: list[str] = field(default_factory=list)  # for the reviewer: sites without or sharing an id
    site_crs: object = None  # the site layer's CRS (source geometries are in it)
    coordinate_file: bool = False  # sites imported from a coordinate file: the report lists 界址点
    backend: str = ""  # the overlay engine backend that ran, in words
    use_fields: list[str] = field(default_factory=list)  # where the sites' use was read (use_fit)
    site_source: object = None  # the layer the sites come from, when known (its CRS and extent)
    site_encoding: str = ""  # a Shapefile site layer's text encoding and how it was decided, in words

    def counts(self) -> dict[str, int]:
        return {v: sum(1 for s in self.sites if s.verdict == v) for v in VERDICTS}


def check_control_layers(ruleset: RuleSet, layers: dict, area_crs=None) -> None:
    """Refuse, before any work, every control layer the rules cannot use; one line per layer.

    A layer is refused when missing or unreadable, of another geometry type than the catalogue's,
    with a CRS that is undefined or cannot be transformed to the area CRS, or without features: a
    check against nothing would pass every site, so an empty layer is an error unless every rule
    that reads it says ``may_be_empty: true``.
    """
    catalogue = default_catalogue()
    lines = []
    for code in ruleset.layer_codes():
        spec = next((candidate for candidate in catalogue.layers if candidate.code == code), None)
        name = spec.name if spec else code
        layer = layers.get(code)
        if layer is None:
            lines.append(tr("Control layer {title} ({code}) is missing").format(title=name, code=code))
            continue
        problems = (
            usable_problems(layer, spec, area_crs, ruleset.may_be_empty(code))
            if spec
            else [tr("is not in the layer catalogue")]
        )
        problems += [p for rule in ruleset.rules if rule.layer == code for p in _rule_field_problems(rule, layer)]
        if problems:
            lines.append(
                tr("Control layer {title} ({code}) {problems}").format(
                    title=name, code=code, problems="; ".join(problems)
                )
            )
    if lines:
        raise PlanError("\n".join(lines))


def _rule_field_problems(rule: Rule, layer) -> list[str]:
    """Fields a rule reads that the layer lacks: a filter on a missing field selects nothing (every
    site then passed the rule), a missing class field reads every feature as no class."""
    names = {name.lower() for name in layer.fields().names()}  # as expressions find fields: any case
    wanted = [
        (name, tr("its filter"))
        for name in sorted(QgsExpression(rule.filter).referencedColumns() if rule.filter else ())
        if name != "*"
    ]
    if rule.class_field:
        wanted.append((rule.class_field, tr("its class field")))
    return [
        tr("has no field {field}, which rule {rule} ({title}) reads in {where}").format(
            field=name, rule=rule.id, title=rule.title, where=where
        )
        for name, where in wanted
        if name.lower() not in names
    ]


def control_layers(ruleset: RuleSet, layers: dict) -> dict:
    """What the engine reads for each rule, as its kind says (a farmland rule: its 耕地 parcels
    with their deduction fields, and its protected layer as ``<id>:protected``)."""
    controls = {}
    for rule in ruleset.rules:
        controls.update(rule.rule_kind.controls(rule, layers))
    return controls


def run_compliance(
    site_layer,
    layers: dict,
    ruleset: RuleSet,
    params: CheckParams,
    feedback: QgsFeedback = None,
    site_layer_name: str = None,
) -> CheckResult:
    """Every site against every rule, one engine overlay per rule.

    A canceled run comes back flagged ``canceled`` with no site results and no pieces, so nothing
    half done can be read as complete.
    """
    name = site_layer_name or getattr(site_layer, "name", lambda: "")() or tr("sites")
    result = CheckResult(ruleset, params, site_layer=name, layers=dict(layers))
    non_negative(params.tolerance, tr("The area tolerance"))  # NaN made every conflict a sliver
    check_control_layers(ruleset, layers, params.area.crs)  # refuse bad input before any work
    origin = site_layer if isinstance(site_layer, QgsVectorLayer) else params.site_origin
    site_layer, encoding, warning = sites_in_encoding(site_layer, origin, name)
    result.site_encoding = encoding.describe() if encoding else ""
    result.warnings.extend([warning] if warning else [])
    sites = read_sites(
        site_layer,
        name,
        params.area.crs,
        params.id_field,
        params.name_field,
        params.type_field,
        result.repairs,
        result.warnings,
        params.use_field,
    )
    result.use_fields = use_fields(site_layer.fields(), params.use_field)
    for kind in KINDS.values():
        result.warnings.extend(kind.warnings(ruleset.rules_of(kind), result, name))
    result.site_crs = site_layer.sourceCrs()
    result.coordinate_file = set(COORDINATE_FILE_FIELDS) <= set(site_layer.fields().names())
    controls = control_layers(ruleset, layers)
    result.site_source = origin
    try:
        plan_area = [layers[PLAN_AREA]] if layers.get(PLAN_AREA) is not None else []
        with OverlayEngine(
            params.area,
            params.backend,
            [c.layer for c in controls.values()] + plan_area,
            feedback,
            site_layers=[origin],
        ) as engine:
            result.backend = engine.describe()
            result.sites, result.pieces = _check(sites, ruleset, controls, engine, params, feedback, result)
            result.repairs.extend(engine.repairs)
        raise_if_canceled(feedback)  # a cancel after the last step still cancels
    except Canceled:
        result.canceled, result.sites, result.pieces = True, [], []
    return result


PLAN_AREA = "XZQ"  # the catalogue's 市域行政区: the plan area


def _inside_plan_area(run: CheckResult, engine, site_set, results: list[SiteResult], checked: list[int]) -> list[int]:
    """The checked sites that touch the plan area; a site wholly outside it is "not checked:
    outside the plan area" (it had been 合规: no control line lies where the plan does not reach),
    a site partly outside says how much. Without the plan area layer the run says it cannot tell."""
    layer = run.layers.get(PLAN_AREA)
    if layer is None or not layer.isValid() or layer.featureCount() == 0:
        run.warnings.append(
            tr(
                "The plan area ({code}) was not given: a site outside the city cannot be told from a compliant one"
            ).format(code=PLAN_AREA)
        )
        return checked
    covered = engine.overlay(site_set, ControlLayer(layer, layer.name() or PLAN_AREA)).covered_areas()
    inside = []
    for i in checked:
        result, outside = results[i], results[i].area - covered[i]
        if covered[i] <= 0.0:
            result.verdict = UNCHECKED
            result.reasons = [tr("not checked: outside the plan area ({layer})").format(layer=layer.name())]
            continue
        if outside >= run.params.tolerance:
            result.site.notes.append(
                tr("{area:.2f} m² of the site lie outside the plan area ({layer})").format(
                    area=outside, layer=layer.name()
                )
            )
        inside.append(i)
    if checked and not inside:
        _misplaced_warning(run, layer)
    return inside


def _misplaced_warning(run: CheckResult, plan_area) -> None:
    """Every site outside the city: most often coordinates labelled with the wrong zone."""
    source = run.site_source
    if source is None or not hasattr(source, "crs"):
        return
    area = QgsCoordinateTransform(plan_area.crs(), run.params.area.crs, QgsCoordinateTransformContext())
    likely = likely_crs(
        source.extent(), source.crs(), area.transformBoundingBox(plan_area.extent()), run.params.area.crs
    )
    text = tr("Every site of {layer} lies outside the plan area in its CRS {crs}").format(
        layer=run.site_layer, crs=source.crs().authid()
    )
    if likely:
        text += tr("; its coordinates fit {likely}: is the layer's CRS wrong?").format(likely=likely)
    run.warnings.append(text)


def _check(sites: list[Site], ruleset: RuleSet, controls, engine, params: CheckParams, feedback, run):
    site_set = engine.sites([site.geometry for site in sites])
    results = [
        SiteResult(site, area)
        if site.geometry is not None and not site.geometry.isEmpty()
        else SiteResult(site, 0.0, verdict=UNCHECKED, reasons=list(site.notes))
        for site, area in zip(sites, site_set.areas)
    ]
    checked = [i for i, r in enumerate(results) if r.verdict != UNCHECKED]
    checked = _inside_plan_area(run, engine, site_set, results, checked)
    pieces = FoundPieces()  # (site number, rule number, Piece)
    for number, rule in enumerate(ruleset.rules):

        def progress(fraction, number=number):
            if feedback is not None:
                feedback.setProgress(100.0 * (number + fraction) / len(ruleset.rules))

        overlay = engine.overlay(site_set, controls[rule.id], progress)
        rule.rule_kind.judge(RuleRun(rule, number, overlay, results, checked, params, pieces, engine, controls, run))
    for i in checked:
        _verdict(results[i], params)
    return results, pieces.in_order()


def _verdict(outcome: SiteResult, params: CheckParams) -> None:
    reasons = []
    for rule_outcome in outcome.outcomes.values():
        # worded by the outcome itself (use_fit) or by the rule's kind; a note on why a rule does
        # not apply is not a finding
        reason = rule_outcome.reason or rule_outcome.rule.rule_kind.reason(rule_outcome, params.tolerance)
        if reason:
            reasons.append(reason)
    conflict = any(o.status == CONFLICT for o in outcome.outcomes.values())
    review = any(o.status == REVIEW and o.applicable for o in outcome.outcomes.values())
    outcome.verdict = NONCOMPLIANT if conflict else NEEDS_REVIEW if review else COMPLIANT
    outcome.reasons = reasons + outcome.site.notes


def verdict_label(verdict: str) -> str:
    return {
        COMPLIANT: tr("compliant"),
        NEEDS_REVIEW: tr("needs 论证"),
        NONCOMPLIANT: tr("non-compliant"),
        UNCHECKED: tr("not checked"),
    }[verdict]


def counts_text(counts: dict) -> str:
    """The run's verdicts counted, for the log, the dialog and the message bar."""
    return tr("{ok} compliant, {review} needing 论证, {bad} non-compliant, {skip} not checked").format(
        ok=counts[COMPLIANT], review=counts[NEEDS_REVIEW], bad=counts[NONCOMPLIANT], skip=counts[UNCHECKED]
    )
