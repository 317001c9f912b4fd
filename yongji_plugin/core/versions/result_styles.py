"""Styles of the change layers: 增加 green, 减少 hatched red, 属性变更 outlined orange (colours.yaml ``changes``)."""

from qgis.core import QgsSingleSymbolRenderer, QgsVectorLayer

from ..plan_data.styles import colours, symbol_for
from .outputs import ATTRIBUTE_CHANGES, GAINED, LOST

LOOKS = {GAINED: "gained", LOST: "lost", ATTRIBUTE_CHANGES: "attributes"}


def change_look(name: str) -> dict:
    return colours()["changes"][name]


def change_symbol(kind: str, name: str):
    """The symbol of one kind of change for a geometry kind (a look's ``hatch`` colour hatches it)."""
    return symbol_for(kind, change_look(name))


def style_result_layers(layers: dict[str, QgsVectorLayer]) -> None:
    for name, look in LOOKS.items():
        layer = layers.get(name)
        if layer is not None:
            layer.setRenderer(QgsSingleSymbolRenderer(change_symbol("polygon", look)))
            layer.triggerRepaint()
