"""Renderers and labels for catalogue layers, built from ``resources/styles/colours.yaml``.

Colours are written ``#RRGGBB`` or ``#RRGGBBAA`` (CSS order); Qt wants ``#AARRGGBB``, so the
conversion lives here and nowhere else.
"""

from functools import lru_cache
from typing import Optional

from qgis.core import (
    NULL,
    QgsArrowSymbolLayer,
    QgsCategorizedSymbolRenderer,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsGeometry,
    QgsLabelObstacleSettings,
    QgsLinePatternFillSymbolLayer,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsProperty,
    QgsRendererCategory,
    QgsSimpleFillSymbolLayer,
    QgsSimpleLineSymbolLayer,
    QgsSimpleMarkerSymbolLayer,
    QgsSingleSymbolRenderer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor

from ...paths import resource
from ..shared.cancel import checked_rows
from ..shared.fonts import cjk_font
from ..shared.yaml_files import read_yaml
from .catalogue import Catalogue, LayerSpec

_DASH = {"dash": "dash", "dash_dot": "dash dot", "rail": "dash", None: "solid"}


@lru_cache(maxsize=1)
def colours() -> dict:
    return read_yaml(resource("styles", "colours.yaml"))


def qcolor(text: str) -> QColor:
    text = text.lstrip("#")
    alpha = int(text[6:8], 16) if len(text) == 8 else 255
    colour = QColor("#" + text[:6])
    colour.setAlpha(alpha)
    return colour


def _rgba(text: str) -> str:
    colour = qcolor(text)
    return f"{colour.red()},{colour.green()},{colour.blue()},{colour.alpha()}"


def _fill_layers(look: dict) -> list:
    layers = [
        QgsSimpleFillSymbolLayer.create(
            {
                "color": _rgba(look.get("fill", "#00000000")),
                "outline_color": _rgba(look.get("stroke", "#000000")),
                "outline_width": str(look.get("width", 0.26)),
                "outline_style": "no" if look.get("halo") else _DASH[look.get("dash")],
            }
        )
    ]
    hatch = _hatch_layer(look)
    if hatch is not None:  # a line-pattern fill over the tint, so what lies beneath still shows
        layers.append(hatch)
    if look.get("halo"):  # an outline on a wider white one stands out on any fill
        for colour, width, dash in (
            (look["halo"], look.get("halo_width", 2.0), None),
            (look.get("stroke", "#000000"), look.get("width", 0.26), look.get("dash")),
        ):
            layers.append(
                QgsSimpleLineSymbolLayer.create(
                    {
                        "line_color": _rgba(colour),
                        "line_width": str(width),
                        "line_style": _DASH[dash],
                        "joinstyle": "round",
                        "capstyle": "round",
                    }
                )
            )
    return layers


def _line_layer(look: dict):
    if look.get("arrow"):  # an axis: a filled arrow, double-headed unless told otherwise
        width, head = look.get("width", 1.5), look.get("head", 4.0)
        arrow = QgsArrowSymbolLayer.create(
            {
                "arrow_width": str(width),
                "arrow_start_width": str(width),
                "head_length": str(head),
                "head_thickness": str(head * 0.6),
                "head_type": "2" if look["arrow"] == "double" else "0",
                "is_curved": "1",
                "is_repeated": "0",
            }
        )
        arrow.setSubSymbol(
            QgsFillSymbol.createSimple({"color": _rgba(look.get("fill", "#000000")), "outline_style": "no"})
        )
        return arrow
    return QgsSimpleLineSymbolLayer.create(
        {
            "line_color": _rgba(look.get("stroke", "#000000")),
            "line_width": str(look.get("width", 0.5)),
            "line_style": _DASH[look.get("dash")],
            "capstyle": "round" if look.get("cap") == "round" else "square",
            "joinstyle": "round" if look.get("cap") == "round" else "bevel",
        }
    )


def _marker_layers(look: dict) -> list:
    layers = []
    if look.get("halo"):
        layers.append(
            QgsSimpleMarkerSymbolLayer.create(
                {
                    "name": "circle",
                    "color": _rgba(look["halo"]),
                    "outline_style": "no",
                    "size": str(look.get("halo_size", 2 * look.get("size", 2.0))),
                }
            )
        )
    marker = {
        "name": look.get("shape", "circle"),
        "color": _rgba(look.get("fill", "#000000")),
        "outline_color": _rgba(look.get("stroke", "#ffffff")),
        "size": str(look.get("size", 2.0)),
    }
    if "stroke_width" in look:
        marker["outline_width"] = str(look["stroke_width"])
    layers.append(QgsSimpleMarkerSymbolLayer.create(marker))
    return layers


def symbol_for(geometry: str, look: dict):
    """A symbol from a look for a geometry kind.

    A look is {fill, stroke, width, dash, size, shape} plus, where a plan figure needs them,
    ``hatch`` (line-pattern fill), ``halo`` (white casing of an outline, or a translucent circle
    under a marker), ``arrow`` (an axis) and ``cap: round`` (a band); see styles/colours.yaml.
    """
    if geometry == "polygon":
        return _symbol(QgsFillSymbol(), _fill_layers(look))
    if geometry == "line":
        return _symbol(QgsLineSymbol(), [_line_layer(look)])
    return _symbol(QgsMarkerSymbol(), _marker_layers(look))


def _symbol(symbol, layers):
    """``symbol`` with exactly ``layers`` (handed over one by one: the symbol then owns them)."""
    while symbol.symbolLayerCount():
        symbol.deleteSymbolLayer(0)
    for layer in layers:
        symbol.appendSymbolLayer(layer)
    return symbol


def _hatch_layer(look: dict) -> Optional[QgsLinePatternFillSymbolLayer]:
    """The look's hatching, if any: ``hatch`` as {colour, angle, spacing, width}, or the short
    form ``hatch: colour`` with ``hatch_width`` and ``hatch_spacing`` (45°); sizes in mm."""
    hatch = look.get("hatch")
    if not hatch:
        return None
    if isinstance(hatch, str):
        hatch = {"colour": hatch, "width": look.get("hatch_width", 0.3), "spacing": look.get("hatch_spacing", 1.5)}
    layer = QgsLinePatternFillSymbolLayer.create(
        {
            "color": _rgba(hatch["colour"]),
            "angle": str(hatch.get("angle", 45)),
            "distance": str(hatch.get("spacing", 2.0)),
            "line_width": str(hatch.get("width", 0.3)),
        }
    )
    layer.subSymbol().setColor(qcolor(hatch["colour"]))
    layer.subSymbol().setWidth(float(hatch.get("width", 0.3)))
    return layer


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
        QgsRendererCategory(code, symbol_for(geometry, _category_look(geometry, value)), names.get(code, code))
        for code, value in palette.items()
    ]
    return QgsCategorizedSymbolRenderer(field_or_expr, categories)


OUTLINE_TINT = "26"  # alpha of an outlined layer's fill in the project (15 %): a hint of the class colour


def outlined(value) -> dict:
    """A class drawn as its outline in the class colour over a faint tint of it, for a layer whose
    solid fill would hide the layers under it in the project (see ``overlay`` in catalogue.yaml)."""
    colour = (value if isinstance(value, str) else value.get("fill") or value["stroke"])[:7]
    return {"fill": colour + OUTLINE_TINT, "stroke": colour, "width": 0.8}


def renderer_for(spec: LayerSpec, catalogue: Catalogue, overlay: bool = False):
    """The layer's renderer; ``overlay``: as drawn in the project over the rest of the 一张图, where
    a layer styled ``overlay: outline`` shows its outlines only (map sheets draw it filled)."""
    style = spec.style
    if "single" in style:
        return QgsSingleSymbolRenderer(symbol_for(spec.geometry, colours()["single"][style["single"]]))
    palette = colours()["palettes"][style["palette"]]
    if overlay and style.get("overlay") == "outline":
        palette = {code: outlined(value) for code, value in palette.items()}
    names = catalogue.codes(style["table"]) if style.get("table") else {}
    field = style["categorized"]
    expression = f'left("{field}", {style["prefix"]})' if style.get("prefix") else field
    return categorized_renderer(expression, spec.geometry, palette, names)


# Labels: one per name, only where they fit, never over one another (QGIS's engine places each
# label once, drops those that would collide, and ranks layers by priority).
LABEL_PRIORITY = {"point": 8, "line": 6, "polygon": 4}
MIN_LABEL_AREA_MM2 = 300.0  # a polygon is labelled only where it covers this much paper


def label_carriers(layer: QgsVectorLayer, field: str, geometry: str) -> list[int]:
    """The feature of each name that carries its label: the largest (the lowest id on a tie).

    Computed once, here, rather than by an aggregate in the label expression: an aggregate runs
    in the map renderer's thread and reads the project there while the GUI thread may change it.
    """
    measure = QgsGeometry.area if geometry == "polygon" else QgsGeometry.length
    request = QgsFeatureRequest().setSubsetOfAttributes([field], layer.fields())
    best: dict[object, tuple] = {}
    for feature in checked_rows(layer.getFeatures(request)):  # a county's parcels: seconds, in a run
        name = feature[field]
        if name is None or name == NULL or not feature.hasGeometry():
            continue
        rank = (measure(feature.geometry()), -feature.id())
        if name not in best or rank > best[name]:
            best[name] = rank
    return sorted(-rank[1] for rank in best.values())


def _show_expression(geometry: str, carriers: Optional[list[int]]) -> str:
    """Only a name's carrier is labelled; polygons only where large on the page."""
    if geometry == "point":
        return ""
    parts = []
    if carriers is not None:
        parts.append(f"$id IN ({', '.join(str(fid) for fid in carriers) or 'NULL'})")
    if geometry == "polygon":
        parts.append(f"area($geometry) / ((@map_scale / 1000.0) ^ 2) >= {MIN_LABEL_AREA_MM2}")
    return " AND ".join(parts)


def label_settings(
    field: str, geometry: str = "polygon", size: float = 9.0, layer: Optional[QgsVectorLayer] = None
) -> QgsVectorLayerSimpleLabeling:
    """Labels of ``field``; given its ``layer``, one label per name (see :func:`label_carriers`)."""
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
    settings.displayAll = False  # a label that would collide is left out, not drawn over another
    settings.priority = LABEL_PRIORITY.get(geometry, 5)
    if geometry == "point":
        settings.placement = QgsPalLayerSettings.Placement.OrderedPositionsAroundPoint
        settings.dist = 1.0
    elif geometry == "line":
        settings.placement = QgsPalLayerSettings.Placement.Curved
    else:
        # inside the polygon or not at all: a zone's name never lands on the town it surrounds
        settings.placement = QgsPalLayerSettings.Placement.Horizontal
        settings.fitInPolygonOnly = True
        obstacle = settings.obstacleSettings()
        obstacle.setType(QgsLabelObstacleSettings.ObstacleType.PolygonBoundary)
        settings.setObstacleSettings(obstacle)
    carriers = label_carriers(layer, field, geometry) if layer is not None and geometry != "point" else None
    show = _show_expression(geometry, carriers)
    if show:
        settings.dataDefinedProperties().setProperty(
            QgsPalLayerSettings.Property.Show, QgsProperty.fromExpression(show)
        )
    return QgsVectorLayerSimpleLabeling(settings)


def label_results(layer: QgsVectorLayer, expression: str, geometry: str = "polygon", size: float = 8.0) -> None:
    """Labels on a result layer from an expression over its fields (a site's name and verdict, a
    building's excess), so the map says what each feature is without opening its attributes."""
    labeling = label_settings(expression, geometry, size)
    settings = labeling.settings()
    settings.isExpression = True
    labeling.setSettings(QgsPalLayerSettings(settings))
    layer.setLabeling(labeling)
    layer.setLabelsEnabled(True)


def apply_style(
    layer: QgsVectorLayer, spec: LayerSpec, catalogue: Catalogue, labels: Optional[bool] = True, overlay: bool = False
) -> None:
    """``overlay``: the layer is loaded into the project's 一张图 (see :func:`renderer_for`)."""
    layer.setRenderer(renderer_for(spec, catalogue, overlay))
    if labels and spec.labels and layer.fields().lookupField(spec.labels) >= 0:
        layer.setLabeling(label_settings(spec.labels, spec.geometry, layer=layer))
        layer.setLabelsEnabled(True)
    layer.triggerRepaint()
