"""Legends built explicitly, so every item sits under its own heading.

QGIS draws a single-symbol layer as one row (symbol and layer name) and a classified layer as a
heading with its classes below. Placed after a classified layer, such a row reads as one more
class of it (永久基本农田 under 城镇开发边界). So the single rows come first, then each classified
layer as its heading and its classes, indented; the plan's structure (three layers) under one
heading of its own. The model is filtered to what the map shows.
"""
from dataclasses import dataclass
from typing import List, Optional

from qgis.core import (
    QgsLayerTree,
    QgsLayoutItemLegend,
    QgsLayoutUtils,
    QgsLegendRenderer,
    QgsLegendStyle,
    QgsMapLayerLegendUtils,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QSizeF
from qgis.PyQt.QtGui import QFont

from ..plan_data.styles import CJK_FONT

# style: (point size, bold, space above in mm)
FONTS = {QgsLegendStyle.Style.Title: (12, True, 0.0), QgsLegendStyle.Style.Group: (9.5, True, 3.0),
         QgsLegendStyle.Style.Subgroup: (9, True, 2.5), QgsLegendStyle.Style.SymbolLabel: (8, False, 0.0)}
ITEM_INDENT_MM = 3.0
LINE_PATCH_MM = QSizeF(12.0, 4.0)
MAX_SYMBOL_MM = 7.0  # a pole's halo would otherwise make its row as tall as three
MAX_LINE_MM = 3.5  # a band's width in the legend
MAX_COLUMNS = 2


@dataclass
class LegendEntry:
    """Layers under one heading: the layer's own name, or ``heading`` for several (their titles hidden)."""
    layers: List[QgsVectorLayer]
    heading: Optional[str] = None

    def single_row(self) -> bool:
        """A layer QGIS draws as one row, with no heading of its own."""
        return (self.heading is None and len(self.layers) == 1
                and self.layers[0].renderer() is not None
                and self.layers[0].renderer().type() == "singleSymbol")


def legend_tree(entries: List[LegendEntry]) -> QgsLayerTree:
    """Single rows first, then each heading with its items."""
    root = QgsLayerTree()
    for entry in [e for e in entries if e.single_row()] + [e for e in entries if not e.single_row()]:
        if entry.heading is None:
            node = root.addLayer(entry.layers[0])
            if not entry.single_row():  # a classified layer: its name as the heading of its classes
                QgsLegendRenderer.setNodeLegendStyle(node, QgsLegendStyle.Style.Subgroup)
            _widen_lines(node)
            continue
        group = root.addGroup(entry.heading)
        QgsLegendRenderer.setNodeLegendStyle(group, QgsLegendStyle.Style.Group)
        for layer in entry.layers:
            node = group.addLayer(layer)
            QgsLegendRenderer.setNodeLegendStyle(node, QgsLegendStyle.Style.Hidden)
            _widen_lines(node)
    return root


def _widen_lines(node) -> None:
    """Line classes get a longer patch, so an axis reads as an arrow, and a band no wider than
    a row, so it does not cover its label."""
    layer = node.layer()
    if layer.geometryType() != QgsWkbTypes.GeometryType.LineGeometry:
        return
    for index, item in enumerate(layer.renderer().legendSymbolItems()):
        QgsMapLayerLegendUtils.setLegendNodeSymbolSize(node, index, LINE_PATCH_MM)
        symbol = item.symbol()
        if symbol is not None and symbol.width() > MAX_LINE_MM:
            narrow = symbol.clone()
            narrow.setWidth(MAX_LINE_MM)
            QgsMapLayerLegendUtils.setLegendNodeCustomSymbol(node, index, narrow)


def style_legend(legend: QgsLayoutItemLegend) -> None:
    for style, (size, bold, above) in FONTS.items():
        font = QFont(CJK_FONT)
        font.setPointSizeF(size)
        font.setBold(bold)
        legend.rstyle(style).setFont(font)
        if above:
            legend.rstyle(style).setMargin(QgsLegendStyle.Side.Top, above)
    legend.rstyle(QgsLegendStyle.Style.Symbol).setMargin(QgsLegendStyle.Side.Left, ITEM_INDENT_MM)
    legend.setMaximumSymbolSize(MAX_SYMBOL_MM)


def fill_legend(legend: QgsLayoutItemLegend, entries: List[LegendEntry], max_height: float) -> QgsLayerTree:
    """Give the legend its model; a second column when one would run past ``max_height`` (mm).

    The tree is returned: the legend model does not own it, the caller keeps it alive.
    """
    root = legend_tree(entries)
    legend.setAutoUpdateModel(False)
    legend.model().setRootGroup(root)
    legend.setLegendFilterByMapEnabled(True)
    legend.setSplitLayer(False)  # a heading never parts from its items
    style_legend(legend)
    legend.updateFilterByMap(False)
    legend.setColumnCount(1 if legend_size(legend).height() <= max_height else MAX_COLUMNS)
    legend.adjustBoxSize()
    return root


def legend_size(legend: QgsLayoutItemLegend) -> QSizeF:
    """The legend's size in mm as drawn now (the item itself only learns it when first painted)."""
    context = QgsLayoutUtils.createRenderContextForLayout(legend.layout(), None)
    return QgsLegendRenderer(legend.model(), legend.legendSettings()).minimumSize(context)
