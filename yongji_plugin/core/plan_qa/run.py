"""规划成果质检: run any subset of the plan's own rules over a loaded 一张图.

Cancel (the rules in ``core.shared.cancel``): a rule's outcome and errors are recorded only when
the rule ran to its end with the feedback still not canceled, so a rule cut short (an index
build, a gap search, a layer loop) never reads as "passed"; the run then returns
``QaResult(canceled=True)`` holding the rules that finished before, and never raises for a cancel.

Topology rules run on the overlay engine (``backend``: auto, shapely, qgis or postgis), created
only when a topology rule is chosen; the result names the backend that ran.
"""

from qgis.core import QgsCoordinateReferenceSystem, QgsFeedback

from ...i18n import tr
from ..engine.layers import ControlLayer
from ..engine.overlay import OverlayEngine
from ..engine.selector import AUTO
from ..plan_data.catalogue import default_catalogue
from ..plan_data.conformance import usable_problems
from ..shared.areas import PLANAR, AreaMethod
from ..shared.cancel import Canceled, raise_if_canceled
from ..shared.errors import PlanError
from .features import PER_LAYER
from .model import FAILED, PASSED, SKIPPED, QaResult, QaRule, QaRuleOutcome, QaRuleSet
from .topology import (
    gaps,
    outside_boundary,
    outside_container,
    overlap_between,
    self_overlaps,
)


class _Layers:
    """What the engine reads of a plan layer (with a rule's filter), named as the layer is."""

    def __init__(self, layers):
        self.layers = layers

    def get(self, code, filter_expression=None) -> ControlLayer:
        layer = self.layers[code]
        return ControlLayer(layer, layer.name(), filter_expression)


def _needed(rule: QaRule):
    return [c for c in (rule.layer, rule.boundary, rule.container, *rule.layers) if c]


def _topology(rule, engine: OverlayEngine, layers: _Layers, tolerance):
    if rule.kind == "self_overlap":
        return [error for code in rule.layers for error in self_overlaps(rule, engine, layers.get(code), tolerance)]
    if rule.kind == "overlap_between":
        return overlap_between(rule, engine, layers.get(rule.layers[0]), layers.get(rule.layers[1]), tolerance)
    if rule.kind == "within":
        return outside_container(
            rule, engine, layers.get(rule.layer), layers.get(rule.container, rule.filter), tolerance
        )
    if rule.kind == "coverage":
        layer, boundary = layers.get(rule.layer), layers.get(rule.boundary)
        return (
            self_overlaps(rule, engine, layer, tolerance)
            + outside_boundary(rule, engine, layer, boundary, tolerance)
            + gaps(rule, engine, layer, boundary, tolerance)
        )
    raise ValueError(rule.kind)


def _per_layer(rule, layers, crs, ruleset, feedback):
    catalogue = default_catalogue()
    codes = rule.layers or [spec.code for spec in catalogue.layers]
    errors = []
    for code in codes:
        raise_if_canceled(feedback)
        if code not in layers:
            continue
        errors += PER_LAYER[rule.kind](
            rule,
            layers[code],
            spec=catalogue.layer(code),
            crs=crs,
            catalogue=catalogue,
            relative=ruleset.area_field_tolerance,
            tolerance=ruleset.tolerance,
        )
    return errors


def refuse_unusable(layers: dict, ruleset: QaRuleSet, crs) -> None:
    """Refuse, before any work, every layer the chosen rules would read but cannot; one line each.

    A layer of the wrong geometry type (points in 规划分区) would otherwise yield thousands of
    misleading findings, and a layer whose CRS is undefined or cannot be transformed would be read
    in the wrong place. Layers a topology rule compares against must hold features — an empty
    control line passes every overlap test silently; attribute and geometry rules may read an
    empty layer (standard databases ship empty tables; there is nothing to find in them).
    """
    catalogue = default_catalogue()
    read, compared = set(), set()
    for rule in ruleset.rules:
        if rule.kind in PER_LAYER:
            read.update(rule.layers or layers)
        elif all(code in layers for code in _needed(rule)):  # else the rule is skipped
            compared.update(_needed(rule))
    lines = []
    for spec in catalogue.layers:
        layer = layers.get(spec.code)
        if layer is None or spec.code not in read | compared:
            continue
        problems = usable_problems(layer, spec, crs, allow_empty=spec.code not in compared)
        if problems:
            lines.append(
                tr("Plan layer {name} ({code}) {problems}").format(
                    name=spec.name, code=spec.code, problems="; ".join(problems)
                )
            )
    if lines:
        raise PlanError("\n".join(lines))


def run_qa(
    layers: dict, ruleset: QaRuleSet, crs: str = None, feedback: QgsFeedback = None, backend: str = AUTO
) -> QaResult:
    """The rules in order; canceled: see the module's docstring."""
    crs = QgsCoordinateReferenceSystem(crs or default_catalogue().crs)
    layers = {code: layer for code, layer in layers.items() if layer is not None}
    refuse_unusable(layers, ruleset, crs)
    compared = sorted(
        {code for rule in ruleset.rules if rule.kind not in PER_LAYER for code in _needed(rule) if code in layers}
    )
    engine = (
        OverlayEngine(AreaMethod(crs, PLANAR), backend, [layers[code] for code in compared], feedback)
        if compared
        else None
    )
    result = QaResult(backend=engine.describe() if engine else "")
    try:
        for number, rule in enumerate(ruleset.rules):
            raise_if_canceled(feedback)
            if feedback is not None:
                feedback.setProgress(100.0 * number / len(ruleset.rules))
            outcome, errors = _run_rule(rule, layers, engine, crs, ruleset, feedback)
            raise_if_canceled(feedback)  # a rule that stopped early is not an outcome
            result.errors += errors
            result.outcomes.append(outcome)
        raise_if_canceled(feedback)
    except Canceled:
        result.canceled = True
    finally:
        if engine is not None:
            engine.close()
    return result


def _run_rule(rule, layers, engine, crs, ruleset, feedback):
    missing = [code for code in _needed(rule) if code not in layers]
    if missing:
        return QaRuleOutcome(rule, SKIPPED, note=tr("layer {codes} missing").format(codes=", ".join(missing))), []
    if rule.kind in PER_LAYER:
        errors = _per_layer(rule, layers, crs, ruleset, feedback)
    else:
        errors = _topology(rule, engine, _Layers(layers), ruleset.tolerance)
    return QaRuleOutcome(rule, FAILED if errors else PASSED, len(errors)), errors
