"""规划成果质检: run any subset of the plan's own rules over a loaded 一张图."""
from typing import Dict

from qgis.core import QgsCoordinateReferenceSystem, QgsFeedback, QgsGeometry

from ...i18n import tr
from ..engine.control_index import ControlIndex
from ..plan_data.catalogue import default_catalogue
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
        return [error for code in rule.layers for error in self_overlaps(rule, indexes.get(code), tolerance)]
    if rule.kind == "overlap_between":
        return overlap_between(rule, indexes.get(rule.layers[0]), indexes.get(rule.layers[1]), tolerance)
    if rule.kind == "within":
        return outside_container(rule, indexes.get(rule.layer), indexes.get(rule.container, rule.filter), tolerance)
    if rule.kind == "coverage":
        layer, boundary = indexes.get(rule.layer), indexes.get(rule.boundary)
        area = QgsGeometry.unaryUnion([g for _, g in boundary.items()])
        return (self_overlaps(rule, layer, tolerance) + outside_boundary(rule, layer, area, tolerance)
                + gaps(rule, layer, area, tolerance, feedback))
    raise ValueError(rule.kind)


def _per_layer(rule, layers, crs, ruleset, feedback):
    catalogue = default_catalogue()
    codes = rule.layers or [spec.code for spec in catalogue.layers]
    errors = []
    for code in codes:
        if code not in layers or (feedback is not None and feedback.isCanceled()):
            continue
        errors += PER_LAYER[rule.kind](rule, layers[code], spec=catalogue.layer(code), crs=crs,
                                       catalogue=catalogue, relative=ruleset.area_field_tolerance,
                                       tolerance=ruleset.tolerance)
    return errors


def run_qa(layers: dict, ruleset: QaRuleSet, crs: str = None, feedback: QgsFeedback = None) -> QaResult:
    crs = QgsCoordinateReferenceSystem(crs or default_catalogue().crs)
    layers = {code: layer for code, layer in layers.items() if layer is not None and layer.isValid()}
    indexes = _Indexes(layers, crs, feedback)
    result = QaResult()
    for number, rule in enumerate(ruleset.rules):
        if feedback is not None:
            if feedback.isCanceled():
                result.canceled = True
                break
            feedback.setProgress(100.0 * number / len(ruleset.rules))
        missing = [code for code in _needed(rule) if code not in layers]
        if missing:
            result.outcomes.append(QaRuleOutcome(rule, SKIPPED, note=tr("layer {codes} missing").format(
                codes=", ".join(missing))))
            continue
        if rule.kind in PER_LAYER:
            errors = _per_layer(rule, layers, crs, ruleset, feedback)
        else:
            errors = _topology(rule, indexes, ruleset.tolerance, feedback)
        result.errors += errors
        result.outcomes.append(QaRuleOutcome(rule, FAILED if errors else PASSED, len(errors)))
    return result
