"""专题图打印: build print layouts from the templates and sheet declarations, and export them.

Layouts live in a private QgsProject with styled copies of the plan layers, so printing never
changes the user's project or layer styles. Export must run on the GUI thread (QGIS renders
layouts there); callers step through sheets to keep the window responsive.
"""
import math
from pathlib import Path
from typing import Dict, List

from jinja2 import Template
from osgeo import gdal
from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsLayerTree,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLegendStyle,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsRectangle,
    QgsRuleBasedRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtXml import QDomDocument

from ...i18n import tr
from ...paths import icon_path, resource
from ..plan_data.catalogue import default_catalogue
from ..plan_data.styles import apply_style, symbol_for
from ..shared.errors import PlanError
from ..shared.extents import extent_in
from ..shared.fonts import cjk_family
from ..shared.qt_compat import set_text_font
from .map_sheets import Sheet, SheetCatalogue, load_sheets

PDF, PNG = "pdf", "png"
NICE_SCALE_STEP = 5000
LEGEND_ROW_MM = 5.5  # height of one legend entry at the templates' 8 pt
LOCATOR_FILE = ("demo", "yongji_and_neighbours_boundary.geojson")


class SheetBuilder:
    def __init__(self, layers: Dict[str, QgsVectorLayer], sheets: SheetCatalogue = None):
        self.sources = layers
        self.sheets = sheets or load_sheets()
        self.project = QgsProject()
        self.project.setCrs(QgsCoordinateReferenceSystem(default_catalogue().crs))
        self._copies: Dict[str, QgsVectorLayer] = {}
        self._trees = []

    def layer(self, code: str) -> QgsVectorLayer:
        """A styled copy of a plan layer, in the builder's own project."""
        if code not in self._copies:
            source = self.sources.get(code)
            if source is None or not source.isValid():
                spec = default_catalogue().layer(code)
                raise PlanError(tr("Map sheet needs layer {name} ({code}), which is missing").format(
                    name=spec.name, code=code))
            copy = QgsVectorLayer(source.source(), default_catalogue().layer(code).name, source.providerType())
            apply_style(copy, default_catalogue().layer(code), default_catalogue())
            self.project.addMapLayer(copy, False)
            self._copies[code] = copy
        return self._copies[code]

    def add_layer(self, layer: QgsVectorLayer) -> QgsVectorLayer:
        self.project.addMapLayer(layer, False)
        return layer

    def check(self, sheet: Sheet) -> None:
        for code in sheet.layers:
            self.layer(code)

    # --- layout ---------------------------------------------------------------------------
    def layout(self, template: str, title: str, layers: List[QgsVectorLayer], extent: QgsRectangle,
               legend_layers: List[QgsVectorLayer] = None, figures: str = "", **text_extra) -> QgsPrintLayout:
        layout = load_template(self.project, template)
        texts = self.sheets.texts_for(title, **text_extra)
        texts["figures"] = figures
        for item in layout.items():
            if isinstance(item, QgsLayoutItemLabel):
                item.setText(Template(item.text()).render(**texts))
            if isinstance(item, (QgsLayoutItemLabel, QgsLayoutItemScaleBar)):
                set_text_font(item, cjk_family())  # this machine's round-tripping font, not the template's
        main = layout.itemById("main_map")
        main.setCrs(self.project.crs())
        main.setLayers(layers)
        main.setKeepLayerSet(True)
        fit_extent(main, extent)
        self._legend(layout, legend_layers or layers)
        self._inset(layout, main)
        north = layout.itemById("north")
        if isinstance(north, QgsLayoutItemPicture):
            north.setPicturePath(icon_path("north"))
        layout.setName(title)
        return layout

    def _legend(self, layout, layers):
        legend = layout.itemById("legend")
        if not isinstance(legend, QgsLayoutItemLegend):
            return
        legend.setAutoUpdateModel(False)
        root = QgsLayerTree()
        for layer in layers:
            root.addLayer(layer)
        self._trees.append(root)
        legend.model().setRootGroup(root)
        legend.setLegendFilterByMapEnabled(True)
        for style, size, bold in ((QgsLegendStyle.Style.Title, 12, True), (QgsLegendStyle.Style.Group, 10, True),
                                  (QgsLegendStyle.Style.Subgroup, 9, True), (QgsLegendStyle.Style.SymbolLabel, 8, False)):
            set_text_font(legend.rstyle(style), cjk_family(), size, bold)
        entries = sum(len(layer.renderer().legendSymbolItems()) + 1 for layer in layers)
        if entries * LEGEND_ROW_MM > legend.sizeWithUnits().height():  # too tall: two columns
            legend.setColumnCount(2)
            legend.setSplitLayer(True)
        legend.adjustBoxSize()

    def _inset(self, layout, main):
        inset = layout.itemById("inset_map")
        if not isinstance(inset, QgsLayoutItemMap):
            return
        locator = self._locator()
        inset.setCrs(self.project.crs())
        inset.setLayers([locator])
        inset.setKeepLayerSet(True)
        fit_extent(inset, extent_in(locator, self.project.crs()), round_scale=False)
        overview = inset.overview()
        overview.setLinkedMap(main)
        overview.setFrameSymbol(symbol_for("polygon", {"fill": "#ff000044", "stroke": "#ff0000", "width": 0.5}))

    def _locator(self) -> QgsVectorLayer:
        if "__locator__" not in self._copies:
            layer = QgsVectorLayer(str(resource(*LOCATOR_FILE)), tr("Location"), "ogr")
            renderer = QgsRuleBasedRenderer(symbol_for("polygon", {"fill": "#eeeeee", "stroke": "#888888", "width": 0.2}))
            root = renderer.rootRule()
            highlight = QgsRuleBasedRenderer.Rule(symbol_for("polygon", {"fill": "#f5b7b1", "stroke": "#c0392b", "width": 0.4}),
                                                  filterExp="\"name\" = '永济市'")
            root.children()[0].setFilterExpression("\"name\" <> '永济市'")
            root.appendChild(highlight)
            layer.setRenderer(renderer)
            self._copies["__locator__"] = self.add_layer(layer)
        return self._copies["__locator__"]

    # --- sheets -----------------------------------------------------------------------------
    def sheet_extent(self, sheet: Sheet) -> QgsRectangle:
        if sheet.extent.startswith("layer:"):
            return extent_in(self.layer(sheet.extent.split(":", 1)[1]), self.project.crs())
        return extent_in(self.layer("XZQ") if "XZQ" in self.sources else
                                   self.layer(sheet.layers[0]), self.project.crs())

    def sheet_layout(self, sheet: Sheet) -> QgsPrintLayout:
        self.check(sheet)
        layers = [self.layer(code) for code in sheet.layers]
        return self.layout(sheet.template, sheet.title, layers, self.sheet_extent(sheet))


def load_template(project: QgsProject, name: str) -> QgsPrintLayout:
    path = resource("layouts", f"{name}.qpt")
    if not path.exists():
        raise PlanError(tr("Print template {name} not found").format(name=name))
    document = QDomDocument()
    document.setContent(path.read_text(encoding="utf-8"))
    layout = QgsPrintLayout(project)
    layout.loadFromTemplate(document, QgsReadWriteContext())
    return layout


def fit_extent(map_item: QgsLayoutItemMap, extent: QgsRectangle, margin: float = 0.03,
               round_scale: bool = True) -> None:
    """Fill the frame with the extent, then round the scale up to a readable number."""
    extent = QgsRectangle(extent)
    extent.grow(max(extent.width(), extent.height()) * margin)
    current = map_item.extent()
    if current.isEmpty() or not all(math.isfinite(v) for v in (
            current.xMinimum(), current.yMinimum(), current.xMaximum(), current.yMaximum())):
        # a template's map may hold a NaN extent, which zoomToExtent keeps; setExtent resizes
        # the item to the extent's shape, so the template's size is put back afterwards
        size = map_item.sizeWithUnits()
        map_item.setExtent(extent)
        map_item.attemptResize(size)
    map_item.zoomToExtent(extent)
    if round_scale:
        map_item.setScale(math.ceil(map_item.scale() / NICE_SCALE_STEP) * NICE_SCALE_STEP)


def pdf_settings(dpi: int) -> QgsLayoutExporter.PdfExportSettings:
    """Vector PDF whose text is text, so search and copy find it (QGIS 3.40 writes outlines by default)."""
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = dpi
    settings.rasterizeWholeImage = False
    settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText
    return settings


def export_layout(layout, path, fmt: str = PDF, dpi: int = 150) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    exporter = QgsLayoutExporter(layout)
    if fmt == PDF:
        status = exporter.exportToPdf(str(path), pdf_settings(dpi))
    else:
        settings = QgsLayoutExporter.ImageExportSettings()
        settings.dpi = dpi
        # QGIS then tries to georeference the PNG in place, which GDAL's PNG driver refuses
        # with a harmless error on the console; keep it quiet
        gdal.PushErrorHandler("CPLQuietErrorHandler")
        try:
            status = exporter.exportToImage(str(path), settings)
        finally:
            gdal.PopErrorHandler()
    if status != QgsLayoutExporter.ExportResult.Success:
        raise PlanError(tr("Export of {name} to {path} failed: {error}").format(
            name=layout.name(), path=path, error=exporter.errorMessage() or status))
    return path


def sheet_file(folder, sheet: Sheet, fmt: str) -> Path:
    return Path(folder) / f"{sheet.id}_{sheet.title}.{fmt}"
