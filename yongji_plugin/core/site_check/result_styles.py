"""Styles for the check's outputs: conflicts coloured by rule, sites outlined by verdict."""
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFeatureRequest,
    QgsRendererCategory,
    QgsVectorLayer,
)

from ...i18n import tr
from ..plan_data.styles import colours, symbol_for
from .outputs import CONFLICTS, SUMMARY


def conflict_renderer(rules) -> QgsCategorizedSymbolRenderer:
    """``rules``: (rule id, title) pairs; colours from the conflict_rule palette."""
    palette = colours()["palettes"]["conflict_rule"]
    categories = []
    for rule_id, title in rules:
        colour = palette.get(rule_id, "#ff0000")
        look = {"fill": colour + "77", "stroke": colour, "width": 0.5}
        categories.append(QgsRendererCategory(rule_id, symbol_for("polygon", look), title))
    return QgsCategorizedSymbolRenderer("rule_id", categories)


def verdict_renderer() -> QgsCategorizedSymbolRenderer:
    verdicts = [(tr("compliant"), "#1e8449"), (tr("non-compliant"), "#c0392b"),
                (tr("not checked"), "#7f8c8d")]
    return QgsCategorizedSymbolRenderer("verdict", [QgsRendererCategory(label, symbol_for(
        "polygon", {"fill": "#00000000", "stroke": colour, "width": 0.8}), label)
        for label, colour in verdicts])


def style_result_layers(layers: dict, ruleset) -> None:
    layers[CONFLICTS].setRenderer(conflict_renderer([(r.id, r.title) for r in ruleset.verdict_rules]))
    layers[SUMMARY].setRenderer(verdict_renderer())
    for layer in layers.values():
        layer.triggerRepaint()


def styled_copy(layer: QgsVectorLayer, kind: str) -> QgsVectorLayer:
    """A copy of a result layer (any provider) styled for maps, leaving the original untouched."""
    if layer.providerType() == "memory":
        copy = layer.materialize(QgsFeatureRequest())
    else:
        copy = QgsVectorLayer(layer.source(), layer.name(), layer.providerType())
    if kind == CONFLICTS:
        pairs = sorted({(f["rule_id"], f["rule"]) for f in copy.getFeatures()})
        copy.setRenderer(conflict_renderer(pairs))
        copy.setName(tr("Conflict pieces"))
    else:
        copy.setRenderer(verdict_renderer())
        copy.setName(tr("Project sites"))
    return copy


def atlas_layers(summary: QgsVectorLayer, conflicts: QgsVectorLayer = None):
    """(styled sites, [styled conflicts]) for the site atlas, copies of the check's output layers."""
    if summary is None:
        return None, []
    extra = [styled_copy(conflicts, CONFLICTS)] if conflicts is not None else []
    return styled_copy(summary, SUMMARY), extra
