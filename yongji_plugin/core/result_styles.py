"""Styles for the check's outputs: conflicts coloured by rule, sites by verdict."""
from qgis.core import QgsCategorizedSymbolRenderer, QgsRendererCategory

from ..i18n import tr
from .compliance_outputs import CONFLICTS, SUMMARY
from .styles import colours, symbol_for


def style_result_layers(layers: dict, ruleset) -> None:
    palette = colours()["palettes"]["conflict_rule"]
    categories = []
    for rule in ruleset.verdict_rules:
        colour = palette.get(rule.id, "#ff0000")
        look = {"fill": colour + "aa", "stroke": colour, "width": 0.4}
        categories.append(QgsRendererCategory(rule.id, symbol_for("polygon", look), rule.title))
    layers[CONFLICTS].setRenderer(QgsCategorizedSymbolRenderer("rule_id", categories))
    verdicts = [(tr("compliant"), "#1e8449"), (tr("non-compliant"), "#c0392b"),
                (tr("not checked"), "#7f8c8d")]
    site_categories = [QgsRendererCategory(label, symbol_for(
        "polygon", {"fill": "#00000000", "stroke": colour, "width": 0.8}), label)
        for label, colour in verdicts]
    layers[SUMMARY].setRenderer(QgsCategorizedSymbolRenderer("verdict", site_categories))
    for layer in layers.values():
        layer.triggerRepaint()
