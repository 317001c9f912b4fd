"""Styles of the change layers: 增加 green, 减少 hatched red, 属性变更 outlined orange (colours.yaml ``changes``)."""
from typing import Dict

from qgis.core import QgsLinePatternFillSymbolLayer, QgsSingleSymbolRenderer, QgsVectorLayer

from ..plan_data.styles import colours, qcolor, symbol_for
from .outputs import ATTRIBUTE_CHANGES, GAINED, LOST

LOOKS = {GAINED: "gained", LOST: "lost", ATTRIBUTE_CHANGES: "attributes"}
HATCH_SPACING = 2.5  # mm between hatch lines


def change_look(name: str) -> dict:
    return colours()["changes"][name]


def change_symbol(kind: str, name: str):
    """The symbol of one kind of change for a geometry kind; a ``hatch`` angle adds hatch lines."""
    look = change_look(name)
    symbol = symbol_for(kind, look)
    if kind == "polygon" and look.get("hatch") is not None:
        hatch = QgsLinePatternFillSymbolLayer()
        hatch.setLineAngle(float(look["hatch"]))
        hatch.setDistance(HATCH_SPACING)
        hatch.setLineWidth(float(look.get("width", 0.4)))
        hatch.setColor(qcolor(look["stroke"]))
        symbol.appendSymbolLayer(hatch)
    return symbol


def style_result_layers(layers: Dict[str, QgsVectorLayer]) -> None:
    for name, look in LOOKS.items():
        layer = layers.get(name)
        if layer is not None:
            layer.setRenderer(QgsSingleSymbolRenderer(change_symbol("polygon", look)))
            layer.triggerRepaint()
