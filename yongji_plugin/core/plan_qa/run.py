"""规划成果质检: run any subset of the plan's own rules over a loaded 一张图.

Cancel (the rules in ``core.shared.cancel``): a rule's outcome and errors are recorded only when
the rule ran to its end with the feedback still not canceled, so a rule cut short (an index
build, a gap search, a layer loop) never reads as "passed"; the run then returns
``QaResult(canceled=True)`` holding the rules that finished before, and never raises for a cancel.
"""
from typing import Dict

from qgis.core import QgsCoordinateReferenceSystem, QgsFeedback, QgsGeometry

from ...i18n import tr
from ..engine.control_index import ControlIndex
from ..plan_data.catalogue import default_catalogue
from ..plan_data.conformance import usable_problems
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


class _Indexes:
    """Control indexes built on first use and shared between rules."""

    def __init__(self, layers, crs, feedback):
        self.layers, self.crs, self.feedback = layers, crs, feedback
        self._cache: Dict[tuple, ControlIndex] = {}

    def get(self, code, filter_expression=None) -> ControlIndex:
        key = (code, filter_expression)
        if key not in self._cache:
            layer = self.layers[code]
            self._cache[key] = ControlIndex(layer, layer.name(), self.crs,
                                            filter_expression=filter_expression, feedback=self.feedback)
        return self._cache[key]


def _needed(rule: QaRule):
    return [c for c in (rule.layer, rule.boundary, rule.container, *rule.layers) if c]


def _topology(rule, indexes: _Indexes, tolerance, feedback):
    if rule.kind == "self_overlap":
        return [error for code in rule.layers
                for error in self_overlaps(rule, indexes.get(code), tolerance, feedback)]
    if rule.kind == "overlap_between":
        return overlap_between(rule, indexes.get(rule.layers[0]), indexes.get(rule.layers[1]), tolerance,
                               feedback)
    if rule.kind == "within":
        return outside_container(rule, indexes.get(rule.layer), indexes.get(rule.container, rule.filter),
                                 tolerance, feedback)
    if rule.kind == "coverage":
        layer, boundary = indexes.get(rule.layer), indexes.get(rule.boundary)
        area = QgsGeometry.unaryUnion([g for _, g in boundary.items()])
        return (self_overlaps(rule, layer, tolerance, feedback)
                + outside_boundary(rule, layer, area, tolerance, feedback)
                + gaps(rule, layer, area, tolerance, feedback))
    raise ValueError(rule.kind)


def _per_layer(rule, layers, crs, ruleset, feedback):
    catalogue = default_catalogue()
    codes = rule.layers or [spec.code for spec in catalogue.layers]
    errors = []
    for code in codes:
        raise_if_canceled(feedback)
        if code not in layers:
            continue
        errors += PER_LAYER[rule.kind](rule, layers[code], spec=catalogue.layer(code), crs=crs,
                                       catalogue=catalogue, relative=ruleset.area_field_tolerance,
                                       tolerance=ruleset.tolerance)
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
            lines.append(tr("Plan layer {name} ({code}) {problems}").format(
                name=spec.name, code=spec.code, problems="; ".join(problems)))
    if lines:
        raise PlanError("\n".join(lines))


def run_qa(layers: dict, ruleset: QaRuleSet, crs: str = None, feedback: QgsFeedback = None) -> QaResult:
    """The rules in order; canceled: see the module's docstring."""
    crs = QgsCoordinateReferenceSystem(crs or default_catalogue().crs)
    layers = {code: layer for code, layer in layers.items() if layer is not None}
    refuse_unusable(layers, ruleset, crs)
    indexes = _Indexes(layers, crs, feedback)
    result = QaResult()
    try:
        for number, rule in enumerate(ruleset.rules):
            raise_if_canceled(feedback)
            if feedback is not None:
                feedback.setProgress(100.0 * number / len(ruleset.rules))
            outcome, errors = _run_rule(rule, layers, indexes, crs, ruleset, feedback)
            raise_if_canceled(feedback)  # a rule that stopped early is not an outcome
            result.errors += errors
            result.outcomes.append(outcome)
        raise_if_canceled(feedback)
    except Canceled:
        result.canceled = True
    return result


def _run_rule(rule, layers, indexes, crs, ruleset, feedback):
    missing = [code for code in _needed(rule) if code not in layers]
    if missing:
        return QaRuleOutcome(rule, SKIPPED, note=tr("layer {codes} missing").format(codes=", ".join(missing))), []
    if rule.kind in PER_LAYER:
        errors = _per_layer(rule, layers, crs, ruleset, feedback)
    else:
        errors = _topology(rule, indexes, ruleset.tolerance, feedback)
    return QaRuleOutcome(rule, FAILED if errors else PASSED, len(errors)), errors
