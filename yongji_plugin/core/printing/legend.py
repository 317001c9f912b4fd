"""Legends built explicitly, so every item sits under its own heading.

QGIS draws a single-symbol layer as one row (symbol and layer name) and a classified layer as a
heading with its classes below. Placed after a classified layer, such a row reads as one more
class of it (永久基本农田 under 城镇开发边界). So the single rows come first, then each classified
layer as its heading and its classes, indented; the plan's structure (three layers) under one
heading of its own. The model is filtered to what the map shows.
"""

from dataclasses import dataclass
from typing import Optional

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
from qgis.PyQt.QtGui import QImage, QPainter

from ..shared.fonts import cjk_family
from ..shared.qt_compat import set_text_font

# style: (point size, bold, space above in mm)
FONTS = {
    QgsLegendStyle.Style.Title: (12, True, 0.0),
    QgsLegendStyle.Style.Group: (9.5, True, 3.0),
    QgsLegendStyle.Style.Subgroup: (9, True, 2.5),
    QgsLegendStyle.Style.SymbolLabel: (8, False, 0.0),
}
ITEM_INDENT_MM = 3.0
LINE_PATCH_MM = QSizeF(12.0, 4.0)
MAX_SYMBOL_MM = 7.0  # a pole's halo would otherwise make its row as tall as three
MAX_LINE_MM = 3.5  # a band's width in the legend
SYMBOL_MM = QSizeF(7.0, 4.0)
ROW_GAP_MM = 1.8
MIN_SCALE = 0.7  # smallest type a crowded legend may shrink to (8 pt items at 5.6 pt)
COLUMN_BREAK = "legend/column-break"  # QGIS's layer-tree property for a manual column break


@dataclass
class LegendEntry:
    """Layers under one heading: the layer's own name, or ``heading`` for several (their titles hidden)."""

    layers: list[QgsVectorLayer]
    heading: Optional[str] = None

    def single_row(self) -> bool:
        """A layer QGIS draws as one row, with no heading of its own."""
        return (
            self.heading is None
            and len(self.layers) == 1
            and self.layers[0].renderer() is not None
            and self.layers[0].renderer().type() == "singleSymbol"
        )


def legend_tree(entries: list[LegendEntry]) -> QgsLayerTree:
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


def style_legend(legend: QgsLayoutItemLegend, scale: float = 1.0) -> None:
    """Fonts, spacing and symbol sizes, all times ``scale`` (below 1 to fit a crowded legend)."""
    for style, (size, bold, above) in FONTS.items():
        set_text_font(legend.rstyle(style), cjk_family(), size * scale, bold)
        if above:
            legend.rstyle(style).setMargin(QgsLegendStyle.Side.Top, above * scale)
    legend.rstyle(QgsLegendStyle.Style.Symbol).setMargin(QgsLegendStyle.Side.Left, ITEM_INDENT_MM * scale)
    legend.rstyle(QgsLegendStyle.Style.Symbol).setMargin(QgsLegendStyle.Side.Top, ROW_GAP_MM * scale)
    legend.setMaximumSymbolSize(MAX_SYMBOL_MM * scale)
    legend.setSymbolHeight(SYMBOL_MM.height() * scale)
    legend.setSymbolWidth(SYMBOL_MM.width() * scale)


def fill_legend(legend: QgsLayoutItemLegend, entries: list[LegendEntry], max_height: float) -> QgsLayerTree:
    """Give the legend its model, laid out to stay within ``max_height`` (mm): a second column when
    one runs past it, then smaller type (down to ``MIN_SCALE``) when two still do.

    The tree is returned: the legend model does not own it, the caller keeps it alive.
    """
    root = legend_tree(entries)
    legend.setAutoUpdateModel(False)
    legend.model().setRootGroup(root)
    legend.setLegendFilterByMapEnabled(True)
    legend.setSplitLayer(False)  # a heading never parts from its items
    style_legend(legend)
    legend.updateFilterByMap(False)
    if legend_size(legend).height() > max_height:
        _break_column(legend, root)
        scale, height = 1.0, legend_size(legend).height()
        while height > max_height and scale > MIN_SCALE:  # not all of it scales: a few rounds
            scale = max(MIN_SCALE, scale * max_height / height * 0.98)
            style_legend(legend, scale)
            height = legend_size(legend).height()
    legend.adjustBoxSize()
    return root


def _break_column(legend: QgsLayoutItemLegend, root: QgsLayerTree) -> None:
    """Start the second column at the entry that makes the legend shortest, measured with
    everything the map may show. A fixed break, not QGIS's own balancing: an atlas page shows a
    part of the items, and rebalancing that part can make a column taller than the whole."""
    children = root.children()
    best = None
    for index in range(1, len(children)):
        for child in children:
            child.removeCustomProperty(COLUMN_BREAK)
        children[index].setCustomProperty(COLUMN_BREAK, "1")
        height = legend_size(legend).height()
        if best is None or height < best[0]:
            best = (height, index)
    for child in children:
        child.removeCustomProperty(COLUMN_BREAK)
    if best is not None:
        children[best[1]].setCustomProperty(COLUMN_BREAK, "1")


def legend_size(legend: QgsLayoutItemLegend) -> QSizeF:
    """The legend's size in mm as drawn now (the item itself only learns it when first painted).

    Measured as the item paints: through a painter, whose font metrics the text heights need.
    """
    image = QImage(1, 1, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        context = QgsLayoutUtils.createRenderContextForLayout(legend.layout(), painter)
        return QgsLegendRenderer(legend.model(), legend.legendSettings()).minimumSize(context)
    finally:
        painter.end()
