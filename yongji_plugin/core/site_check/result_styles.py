"""Styles for the check's outputs, made to stand out from the control lines they lie on.

Conflict pieces are hatched in a colour no control line uses (a red-line conflict is not green on
green), the hatch angle telling the rules apart; sites are outlined by verdict on a white halo.
Looks live in ``resources/styles/colours.yaml`` (``results``).
"""
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFeatureRequest,
    QgsRendererCategory,
    QgsVectorLayer,
)

from ...i18n import tr
from ..plan_data.styles import colours, symbol_for
from .outputs import CONFLICTS, SUMMARY

VERDICTS = (("compliant", lambda: tr("compliant")), ("needs 论证", lambda: tr("needs 论证")),
            ("non-compliant", lambda: tr("non-compliant")), ("not checked", lambda: tr("not checked")))


def conflict_look(rule_id: str) -> dict:
    looks = colours()["results"]
    look = dict(looks["conflict"])
    look["hatch"] = dict(look["hatch"], angle=looks["conflict_angle"].get(rule_id, 45))
    return look


def conflict_renderer(rules) -> QgsCategorizedSymbolRenderer:
    """``rules``: (rule id, title) pairs; one hatch colour, an angle per rule."""
    return QgsCategorizedSymbolRenderer("rule_id", [
        QgsRendererCategory(rule_id, symbol_for("polygon", conflict_look(rule_id)), title)
        for rule_id, title in rules])


def verdict_renderer() -> QgsCategorizedSymbolRenderer:
    looks = colours()["results"]
    categories = []
    for key, label in VERDICTS:
        look = dict(looks["verdict"][key], fill="#00000000", halo=looks["site_halo"]["stroke"],
                    halo_width=looks["site_halo"]["width"])
        categories.append(QgsRendererCategory(label(), symbol_for("polygon", look), label()))
    return QgsCategorizedSymbolRenderer("verdict", categories)


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
