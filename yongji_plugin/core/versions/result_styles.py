"""Styles of the change layers: 增加 green, 减少 hatched red, 属性变更 outlined orange (colours.yaml ``changes``)."""

from qgis.core import QgsSingleSymbolRenderer, QgsVectorLayer

from ...i18n import tr
from ..plan_data.styles import colours, label_results, symbol_for
from .outputs import ATTRIBUTE_CHANGES, GAINED, LOST

LOOKS = {GAINED: "gained", LOST: "lost", ATTRIBUTE_CHANGES: "attributes"}


def change_look(name: str) -> dict:
    return colours()["changes"][name]


def change_symbol(kind: str, name: str):
    """The symbol of one kind of change for a geometry kind (a look's ``hatch`` colour hatches it)."""
    return symbol_for(kind, change_look(name))


def label_expressions() -> dict[str, str]:
    """What the map writes on each change: the class (else the layer) and the area of a piece
    gained or lost, the key and the changed fields of a feature whose attributes changed."""
    hectares = tr("ha").replace("'", "''")
    piece = f'coalesce("class_name", "layer_name") || \' \' || format_number("ha", 2) || \' {hectares}\''
    return {
        GAINED: "'+' || " + piece,
        LOST: "'−' || " + piece,
        ATTRIBUTE_CHANGES: "trim(coalesce(\"key\", '') || ' ' || coalesce(\"fields\", ''))",
    }


def style_result_layers(layers: dict[str, QgsVectorLayer]) -> None:
    """The change layers styled and labelled as the dialog adds them to the project."""
    expressions = label_expressions()
    for name, look in LOOKS.items():
        layer = layers.get(name)
        if layer is not None:
            layer.setRenderer(QgsSingleSymbolRenderer(change_symbol("polygon", look)))
            label_results(layer, expressions[name])
            layer.triggerRepaint()
