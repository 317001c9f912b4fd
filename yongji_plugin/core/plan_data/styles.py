"""Renderers and labels for catalogue layers, built from ``resources/styles/colours.yaml``.

Colours are written ``#RRGGBB`` or ``#RRGGBBAA`` (CSS order); Qt wants ``#AARRGGBB``, so the
conversion lives here and nowhere else.
"""
from functools import lru_cache
from typing import Optional

import yaml
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsLinePatternFillSymbolLayer,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsRendererCategory,
    QgsSingleSymbolRenderer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor

from ...paths import resource
from ..shared.fonts import cjk_font
from .catalogue import Catalogue, LayerSpec

_DASH = {"dash": "dash", "dash_dot": "dash dot", "rail": "dash", None: "solid"}


@lru_cache(maxsize=1)
def colours() -> dict:
    return yaml.safe_load(resource("styles", "colours.yaml").read_text(encoding="utf-8"))


def qcolor(text: str) -> QColor:
    text = text.lstrip("#")
    alpha = int(text[6:8], 16) if len(text) == 8 else 255
    colour = QColor("#" + text[:6])
    colour.setAlpha(alpha)
    return colour


def _rgba(text: str) -> str:
    colour = qcolor(text)
    return f"{colour.red()},{colour.green()},{colour.blue()},{colour.alpha()}"


def symbol_for(geometry: str, look: dict):
    """A symbol from a look ({fill, stroke, width, dash, size, shape}) for a geometry kind."""
    if geometry == "polygon":
        symbol = QgsFillSymbol.createSimple({
            "color": _rgba(look.get("fill", "#00000000")),
            "outline_color": _rgba(look.get("stroke", "#000000")),
            "outline_width": str(look.get("width", 0.26)),
            "outline_style": _DASH[look.get("dash")],
        })
        if look.get("hatch"):
            symbol.insertSymbolLayer(0, _hatch(look))
        return symbol
    if geometry == "line":
        return QgsLineSymbol.createSimple({
            "line_color": _rgba(look.get("stroke", "#000000")),
            "line_width": str(look.get("width", 0.5)),
            "line_style": _DASH[look.get("dash")],
        })
    return QgsMarkerSymbol.createSimple({
        "name": look.get("shape", "circle"),
        "color": _rgba(look.get("fill", "#000000")),
        "outline_color": _rgba(look.get("stroke", "#ffffff")),
        "size": str(look.get("size", 2.0)),
    })


def _hatch(look: dict) -> QgsLinePatternFillSymbolLayer:
    """45° hatching (``hatch``: colour, ``hatch_width`` and ``hatch_spacing`` in mm)."""
    hatch = QgsLinePatternFillSymbolLayer()
    hatch.setLineAngle(45.0)
    hatch.setDistance(float(look.get("hatch_spacing", 1.5)))
    hatch.setLineWidth(float(look.get("hatch_width", 0.3)))
    hatch.setColor(qcolor(look["hatch"]))
    hatch.subSymbol().setColor(qcolor(look["hatch"]))
    hatch.subSymbol().setWidth(float(look.get("hatch_width", 0.3)))
    return hatch


def _category_look(geometry: str, value) -> dict:
    if isinstance(value, dict):
        return value
    if geometry == "polygon":
        return {"fill": value, "stroke": "#666666", "width": 0.1}
    if geometry == "line":
        return {"stroke": value, "width": 0.8}
    return {"fill": value, "stroke": "#ffffff", "size": 2.4}


def categorized_renderer(field_or_expr: str, geometry: str, palette: dict, names: dict):
    categories = [
        QgsRendererCategory(code, symbol_for(geometry, _category_look(geometry, value)),
                            names.get(code, code))
        for code, value in palette.items()
    ]
    return QgsCategorizedSymbolRenderer(field_or_expr, categories)


def renderer_for(spec: LayerSpec, catalogue: Catalogue):
    style = spec.style
    if "single" in style:
        return QgsSingleSymbolRenderer(symbol_for(spec.geometry, colours()["single"][style["single"]]))
    palette = colours()["palettes"][style["palette"]]
    names = catalogue.codes(style["table"]) if style.get("table") else {}
    field = style["categorized"]
    expression = f'left("{field}", {style["prefix"]})' if style.get("prefix") else field
    return categorized_renderer(expression, spec.geometry, palette, names)


def label_settings(field: str, size: float = 9.0) -> QgsVectorLayerSimpleLabeling:
    text = QgsTextFormat()
    text.setFont(cjk_font())
    text.setSize(size)
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    buffer.setColor(QColor("white"))
    text.setBuffer(buffer)
    settings = QgsPalLayerSettings()
    settings.fieldName = field
    settings.setFormat(text)
    return QgsVectorLayerSimpleLabeling(settings)


def apply_style(layer: QgsVectorLayer, spec: LayerSpec, catalogue: Catalogue,
                labels: Optional[bool] = True) -> None:
    layer.setRenderer(renderer_for(spec, catalogue))
    if labels and spec.labels and layer.fields().lookupField(spec.labels) >= 0:
        layer.setLabeling(label_settings(spec.labels))
        layer.setLabelsEnabled(True)
    layer.triggerRepaint()
