"""项目选址合规性检查: each site against the rule set's control layers.

Per site and rule: the overlapping (or, for ``within``, outside) area counted once even where
control features overlap each other, its share of the site, and the conflict pieces; a verdict
with reasons in words; a land-class breakdown. Inputs are only read.

Cancel (the rules in ``core.shared.cancel``): the run stops at the next site (or inside an index
build) and returns ``CheckResult(canceled=True)``, never raising for a cancel; ``sites`` then
holds the sites checked before, without their land-class breakdowns, and the writers refuse it.
A cancel that comes after the last site still makes the result canceled.
"""
from dataclasses import dataclass, field
from datetime import datetime
from typing import Dict, List, Optional

from qgis.core import QgsFeedback, QgsGeometry

from ...i18n import tr
from ..engine.control_index import ControlIndex
from ..engine.geometry_repair import Repair, polygon_part
from ..plan_data.catalogue import default_catalogue
from ..plan_data.conformance import usable_problems
from ..shared.areas import DEFAULT_TOLERANCE, AreaMethod
from ..shared.cancel import Canceled, raise_if_canceled
from ..shared.errors import PlanError
from .ruleset import Rule, RuleSet
from .site_input import Site, read_sites

COMPLIANT, NONCOMPLIANT, UNCHECKED = "compliant", "noncompliant", "unchecked"
CONFLICT, SLIVER = "conflict", "sliver"


@dataclass
class CheckParams:
    area: AreaMethod
    tolerance: float = DEFAULT_TOLERANCE
    id_field: Optional[str] = None
    name_field: Optional[str] = None
    type_field: Optional[str] = None
    data_source: str = ""


@dataclass
class Piece:
    site_id: str
    rule_id: str
    layer: str
    control_fid: Optional[int]
    attributes: dict
    geometry: QgsGeometry
    area: float
    status: str = CONFLICT
    site_key: Optional[int] = None  # Site.key of the site it belongs to (site ids may repeat)


@dataclass
class RuleOutcome:
    rule: Rule
    area: float = 0.0
    share: float = 0.0
    applicable: bool = True
    status: str = COMPLIANT  # or CONFLICT / SLIVER


@dataclass
class SiteResult:
    site: Site
    area: float
    outcomes: Dict[str, RuleOutcome] = field(default_factory=dict)
    breakdown: List[dict] = field(default_factory=list)
    verdict: str = COMPLIANT
    reasons: List[str] = field(default_factory=list)
    pending_breakdown: list = field(default_factory=list, repr=False)  # (rule, overlaps) until classed


@dataclass
class CheckResult:
    ruleset: RuleSet
    params: CheckParams
    sites: List[SiteResult] = field(default_factory=list)
    pieces: List[Piece] = field(default_factory=list)
    repairs: List[Repair] = field(default_factory=list)
    site_layer: str = ""
    started: datetime = field(default_factory=datetime.now)
    canceled: bool = False
    layers: dict = field(default_factory=dict)  # control layers by catalogue code (read only)
    warnings: List[str] = field(default_factory=list)  # for the reviewer: sites without or sharing an id

    def counts(self) -> Dict[str, int]:
        return {v: sum(1 for s in self.sites if s.verdict == v)
                for v in (COMPLIANT, NONCOMPLIANT, UNCHECKED)}


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
        problems = usable_problems(layer, spec, area_crs, ruleset.may_be_empty(code)) if spec else \
            [tr("is not in the layer catalogue")]
        if problems:
            lines.append(tr("Control layer {title} ({code}) {problems}").format(
                title=name, code=code, problems="; ".join(problems)))
    if lines:
        raise PlanError("\n".join(lines))


def build_indexes(ruleset: RuleSet, layers: dict, area: AreaMethod, feedback=None):
    """One ControlIndex per rule (filters differ), from the control layers by catalogue code."""
    check_control_layers(ruleset, layers, area.crs)
    return _indexes(ruleset, layers, area, feedback)


def _indexes(ruleset: RuleSet, layers: dict, area: AreaMethod, feedback=None):
    return {rule.id: ControlIndex(layers[rule.layer], layers[rule.layer].name() or rule.title, area.crs,
                                  rule.key_fields, rule.filter, rule.class_field, feedback)
            for rule in ruleset.rules}


def run_compliance(site_layer, layers: dict, ruleset: RuleSet, params: CheckParams,
                   feedback: QgsFeedback = None, site_layer_name: str = None) -> CheckResult:
    name = site_layer_name or getattr(site_layer, "name", lambda: "")() or tr("sites")
    result = CheckResult(ruleset, params, site_layer=name, layers=dict(layers))
    check_control_layers(ruleset, layers, params.area.crs)  # refuse bad input before any work
    sites = read_sites(site_layer, name, params.area.crs, params.id_field, params.name_field,
                       params.type_field, result.repairs, result.warnings)
    try:
        _check_sites(sites, ruleset, params, layers, result, feedback)
    except Canceled:
        result.canceled = True
    return result


def _check_sites(sites, ruleset, params, layers, result, feedback) -> None:
    indexes = _indexes(ruleset, layers, params.area, feedback)
    for number, site in enumerate(sites):
        raise_if_canceled(feedback)
        if feedback is not None:
            feedback.setProgress(100.0 * number / len(sites))
        result.sites.append(check_site(site, ruleset, indexes, params, result.pieces))
    raise_if_canceled(feedback)
    _fill_piece_attributes(result.pieces, indexes)
    _fill_breakdowns(result.sites, indexes, params)
    for index in indexes.values():
        result.repairs.extend(index.repairs)
    raise_if_canceled(feedback)


def _fill_piece_attributes(pieces, indexes) -> None:
    """Key attributes of the control features in conflict, one batched request per rule."""
    by_rule = {}
    for piece in pieces:
        by_rule.setdefault(piece.rule_id, []).append(piece)
    for rule_id, rule_pieces in by_rule.items():
        values = indexes[rule_id].attributes(p.control_fid for p in rule_pieces)
        for piece in rule_pieces:
            piece.attributes = values.get(piece.control_fid, {})


def check_site(site: Site, ruleset: RuleSet, indexes, params: CheckParams, pieces: list) -> SiteResult:
    if site.geometry.isEmpty():
        return SiteResult(site, 0.0, verdict=UNCHECKED, reasons=list(site.notes))
    engine = QgsGeometry.createGeometryEngine(site.geometry.constGet())
    engine.prepareGeometry()
    outcome = SiteResult(site, params.area.area(site.geometry))
    for rule in ruleset.rules:
        index = indexes[rule.id]
        overlaps = _overlaps(site, engine, index)
        if rule.kind == "breakdown":  # classed after the loop, with one attribute request per rule
            outcome.pending_breakdown.append((rule, overlaps))
            continue
        outcome.outcomes[rule.id] = _judge(site, rule, index, overlaps, params, outcome.area, pieces)
    _verdict(outcome, params)
    return outcome


def _overlaps(site: Site, engine, index: ControlIndex):
    """(fid, piece) for each control feature the site overlaps; a feature inside the site is kept whole."""
    result = []
    for fid in index.candidates(site.geometry.boundingBox()):
        control = index.geometry(fid)
        shape = control.constGet()
        if not engine.intersects(shape):
            continue
        if engine.contains(shape):
            piece = control
        else:  # the engine holds the site already converted for GEOS: cheaper than QgsGeometry's
            piece = polygon_part(QgsGeometry(engine.intersection(shape)))
        if not piece.isEmpty():
            result.append((fid, piece))
    return result


def _union(geometries: List[QgsGeometry]) -> QgsGeometry:
    """The pieces as one geometry, overlaps counted once.

    Pieces whose collection is a valid multipolygon do not overlap, so the (much slower) union
    is only needed where control features overlap or share edges.
    """
    if not geometries:
        return QgsGeometry()
    if len(geometries) == 1:
        return geometries[0]
    parts = [QgsGeometry(p) for g in geometries for p in g.asGeometryCollection()]
    collected = QgsGeometry.collectGeometry(parts)
    if collected.isGeosValid():
        return collected
    return polygon_part(QgsGeometry.unaryUnion(geometries))


def _judge(site, rule, index, overlaps, params, site_area, pieces) -> RuleOutcome:
    outcome = RuleOutcome(rule, applicable=rule.applies(site.site_type))
    if rule.kind == "no_overlap":
        union = _union([piece for _, piece in overlaps])
        bad = [(fid, piece) for fid, piece in overlaps]
    else:  # within: the part of the site outside the layer
        inside = _union([piece for _, piece in overlaps])
        union = site.geometry if inside.isEmpty() else polygon_part(site.geometry.difference(inside))
        bad = [(None, union)] if not union.isEmpty() else []
    outcome.area = params.area.area(union)
    outcome.share = outcome.area / site_area if site_area else 0.0
    if outcome.area <= 0.0 or not outcome.applicable:
        outcome.status = COMPLIANT
        return outcome
    outcome.status = CONFLICT if outcome.area >= params.tolerance else SLIVER
    for fid, geometry in bad:
        pieces.append(Piece(site.site_id, rule.id, index.name, fid, {}, geometry,
                            params.area.area(geometry), outcome.status, site.key))
    return outcome


def _fill_breakdowns(site_results: List[SiteResult], indexes, params: CheckParams) -> None:
    """Class every site's breakdown pieces, fetching the class field once per rule, not per site."""
    fids: Dict[str, set] = {}
    for site_result in site_results:
        for rule, overlaps in site_result.pending_breakdown:
            fids.setdefault(rule.id, set()).update(fid for fid, _ in overlaps)
    values = {rule_id: indexes[rule_id].attributes(ids) for rule_id, ids in fids.items()}
    for site_result in site_results:
        for rule, overlaps in site_result.pending_breakdown:
            site_result.breakdown.extend(_breakdown(rule, overlaps, values[rule.id], params, site_result.area))
        site_result.pending_breakdown = []


def _breakdown(rule, overlaps, values, params, site_area) -> List[dict]:
    by_class: Dict[str, List[QgsGeometry]] = {}
    for fid, piece in overlaps:
        value = values[fid].get(rule.class_field)
        code = "" if value is None else str(value)
        if rule.class_prefix:
            code = code[: rule.class_prefix]
        by_class.setdefault(code, []).append(piece)
    rows = []
    for code in sorted(by_class):
        area = params.area.area(_union(by_class[code]))
        rows.append({"rule_id": rule.id, "class_code": code, "area": area,
                     "share": area / site_area if site_area else 0.0})
    return rows


def _verdict(outcome: SiteResult, params: CheckParams) -> None:
    reasons = []
    for rule_outcome in outcome.outcomes.values():
        rule = rule_outcome.rule
        if rule_outcome.status == CONFLICT:
            template = (tr("overlaps {title} by {area:.2f} m²") if rule.kind == "no_overlap"
                        else tr("{area:.2f} m² outside {title}"))
            reasons.append(template.format(title=rule.title, area=rule_outcome.area))
        elif rule_outcome.status == SLIVER:
            template = (tr("sliver of {area:.4f} m² on {title}, below the tolerance of {tol} m²")
                        if rule.kind == "no_overlap"
                        else tr("sliver of {area:.4f} m² outside {title}, below the tolerance of {tol} m²"))
            reasons.append(template.format(area=rule_outcome.area, title=rule.title,
                                           tol=params.tolerance))
    conflict = any(o.status == CONFLICT for o in outcome.outcomes.values())
    outcome.verdict = NONCOMPLIANT if conflict else COMPLIANT
    outcome.reasons = reasons + outcome.site.notes


def verdict_label(verdict: str) -> str:
    return {COMPLIANT: tr("compliant"), NONCOMPLIANT: tr("non-compliant"),
            UNCHECKED: tr("not checked")}[verdict]
