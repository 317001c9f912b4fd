"""Styles for the check's outputs, made to stand out from the control lines they lie on.

Conflict pieces are hatched in a colour no control line uses (a red-line conflict is not green on
green), the hatch angle telling the rules apart; sites are outlined by verdict on a white halo.
Looks live in ``resources/styles/colours.yaml`` (``results``); a rule's kind gives its pieces'
look (``RuleKind.conflict_look``).
"""

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFeatureRequest,
    QgsRendererCategory,
    QgsVectorLayer,
)

from ...i18n import tr
from ..plan_data.styles import colours, label_results, symbol_for
from .kinds import RuleKind
from .outputs import CONFLICTS, SUMMARY

VERDICTS = (
    ("compliant", lambda: tr("compliant")),
    ("needs 论证", lambda: tr("needs 论证")),
    ("non-compliant", lambda: tr("non-compliant")),
    ("not checked", lambda: tr("not checked")),
)


def conflict_look(rule_id: str) -> dict:
    """The look of a rule's conflict pieces where its kind is not known (a result layer read back)."""
    return RuleKind().conflict_look(rule_id)


def conflict_renderer(rules, looks: dict = None) -> QgsCategorizedSymbolRenderer:
    """``rules``: (rule id, title) pairs; ``looks``: a look per rule id (its kind's), else one
    hatch colour with an angle per rule."""
    looks = looks or {}
    return QgsCategorizedSymbolRenderer(
        "rule_id",
        [
            QgsRendererCategory(rule_id, symbol_for("polygon", looks.get(rule_id) or conflict_look(rule_id)), title)
            for rule_id, title in rules
        ],
    )


def verdict_renderer() -> QgsCategorizedSymbolRenderer:
    looks = colours()["results"]
    categories = []
    for key, label in VERDICTS:
        look = dict(
            looks["verdict"][key],
            fill="#00000000",
            halo=looks["site_halo"]["stroke"],
            halo_width=looks["site_halo"]["width"],
        )
        categories.append(QgsRendererCategory(label(), symbol_for("polygon", look), label()))
    return QgsCategorizedSymbolRenderer("verdict", categories)


def style_result_layers(layers: dict, ruleset) -> None:
    rules = ruleset.verdict_rules
    layers[CONFLICTS].setRenderer(
        conflict_renderer([(r.id, r.title) for r in rules], {r.id: r.rule_kind.conflict_look(r.id) for r in rules})
    )
    layers[SUMMARY].setRenderer(verdict_renderer())
    label_results(layers[SUMMARY], 'coalesce("site_name", "site_id", \'\') || \' \' || "verdict"')
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
