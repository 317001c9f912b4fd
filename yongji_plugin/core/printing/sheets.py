"""专题图打印: build print layouts from the templates and sheet declarations, and export them.

Layouts live in a private QgsProject with styled copies of the plan layers, so printing never
changes the user's project or layer styles. Export must run on the GUI thread (QGIS renders
layouts there); callers step through sheets to keep the window responsive.
"""

import math
from pathlib import Path
from typing import Optional

from jinja2 import Template
from osgeo import gdal
from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
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
from ..plan_data.styles import apply_style, categorized_renderer, colours, symbol_for
from ..shared.errors import PlanError
from ..shared.extents import extent_in
from ..shared.fonts import cjk_family
from ..shared.qt_compat import set_text_font
from .legend import LegendEntry, fill_legend
from .map_sheets import Sheet, SheetCatalogue, Structure, load_sheets

PDF, PNG = "pdf", "png"
NICE_SCALE_STEP = 5000
MUTED_OPACITY = 0.45  # base layers under a sheet's subject
LOCATOR_FILE = ("demo", "yongji_and_neighbours_boundary.geojson")


class SheetBuilder:
    def __init__(self, layers: dict[str, QgsVectorLayer], sheets: SheetCatalogue = None):
        self.sources = layers
        self.sheets = sheets or load_sheets()
        self.project = QgsProject()
        self.project.setCrs(QgsCoordinateReferenceSystem(default_catalogue().crs))
        self._copies: dict[tuple, QgsVectorLayer] = {}
        self._trees = []

    def layer(
        self, code: str, labels: bool = False, muted: bool = False, structure: Optional[Structure] = None
    ) -> Optional[QgsVectorLayer]:
        """A styled copy of a plan layer, in the builder's own project.

        ``labels``: names written on the map; ``muted``: drawn faintly as a base; ``structure``:
        only the 规划结构 types a sheet draws, in its order and with its legend labels (None when
        this layer holds none of them).
        """
        key = (code, labels, muted, structure)
        if key not in self._copies:
            source = self._source(code)
            spec = default_catalogue().layer(code)
            if structure is not None:
                copy = _structure_copy(source, spec, structure)
                if copy is None:
                    return None
            else:
                copy = QgsVectorLayer(source.source(), spec.name, source.providerType())
            apply_style(copy, spec, default_catalogue(), labels=labels)
            if structure is not None:
                copy.setRenderer(_structure_renderer(spec, structure))
            if muted:
                copy.setOpacity(MUTED_OPACITY)
            self.project.addMapLayer(copy, False)
            self._copies[key] = copy
        return self._copies[key]

    def add_layer(self, layer: QgsVectorLayer) -> QgsVectorLayer:
        self.project.addMapLayer(layer, False)
        return layer

    def _source(self, code: str) -> QgsVectorLayer:
        source = self.sources.get(code)
        if source is None or not source.isValid():
            spec = default_catalogue().layer(code)
            raise PlanError(
                tr("Map sheet needs layer {name} ({code}), which is missing").format(name=spec.name, code=code)
            )
        return source

    def check(self, sheet: Sheet) -> None:
        """Every layer the sheet draws is there and holds features (before anything is written): a
        三条控制线图 without its red line, legend entry gone, looked whole."""
        self.check_layers(sheet.layers, sheet.title)

    def check_layers(self, codes, title: str) -> None:
        """:meth:`check` for any layout drawing the plan layers ``codes`` (sheets, atlases, result sheets)."""
        for code in codes:
            source = self._source(code)
            if source.featureCount() == 0:
                spec = default_catalogue().layer(code)
                raise PlanError(
                    tr(
                        "Map sheet {title} needs layer {name} ({code}), which has no features: the sheet "
                        "would look whole without it"
                    ).format(title=title, name=spec.name, code=code)
                )

    def sheet_layers(self, codes, labels=(), muted=(), structure: Optional[Structure] = None):
        """(legend entries, layers top of the drawing order first) of a sheet's layers.

        Structure layers share one entry under the structure's heading, ordered as their types
        come in the legend; every other layer is its own entry.
        """
        catalogue = default_catalogue()
        entries, drawn, structure_layers = [], [], []
        for code in codes:
            is_structure = structure is not None and catalogue.layer(code).role == "structure"
            layer = self.layer(code, code in labels, code in muted, structure if is_structure else None)
            if layer is None:
                continue
            drawn.append(layer)
            if not is_structure:
                entries.append(LegendEntry([layer]))
                continue
            structure_layers.append(layer)
            if len(structure_layers) == 1:
                entries.append(LegendEntry(structure_layers, structure.heading))
        order = list(structure.codes) if structure is not None else []
        structure_layers.sort(key=lambda layer: min(order.index(c.value()) for c in layer.renderer().categories()))
        return entries, drawn

    # --- layout ---------------------------------------------------------------------------
    def layout(
        self,
        template: str,
        title: str,
        entries: list[LegendEntry],
        map_layers: list[QgsVectorLayer],
        extent: QgsRectangle,
        figures: str = "",
        inset_marks=(),
        **text_extra,
    ) -> QgsPrintLayout:
        """A layout from a template: texts filled, ``map_layers`` drawn (top first), ``entries`` in the
        legend; ``inset_marks`` as in :meth:`_inset`."""
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
        main.setLayers(map_layers)
        main.setKeepLayerSet(True)
        fit_extent(main, extent)
        self._legend(layout, entries, bool(figures))
        self._inset(layout, main, inset_marks)
        north = layout.itemById("north_arrow")
        if isinstance(north, QgsLayoutItemPicture):
            north.setPicturePath(icon_path("north"))
        layout.setName(title)
        # the layout draws this builder's project, layers and legend trees, none of which it owns:
        # they must outlive it, whatever order Python frees things in
        layout.keep_alive = self
        return layout

    def _legend(self, layout, entries: list[LegendEntry], has_figures: bool):
        legend = layout.itemById("legend")
        if not isinstance(legend, QgsLayoutItemLegend):
            return
        self._trees.append(fill_legend(legend, entries, legend_room(layout, legend, has_figures)))

    def _inset(self, layout, main, marks: list[tuple[QgsVectorLayer, object]] = ()):
        """The city among its neighbours, the main map's extent framed; ``marks``: (layer,
        renderer) drawn over it in the inset only (the atlas's current unit), from a copy of the
        layer: a layout map's style overrides corrupt memory on QGIS 3.22 when the layout goes."""
        inset = layout.itemById("inset_map")
        if not isinstance(inset, QgsLayoutItemMap):
            return
        locator = self._locator()
        inset.setCrs(self.project.crs())
        inset.setLayers([self._marked_copy(layer, renderer) for layer, renderer in marks] + [locator])
        inset.setKeepLayerSet(True)
        fit_extent(inset, extent_in(locator, self.project.crs()), round_scale=False)
        overview = inset.overview()
        overview.setLinkedMap(main)
        overview.setFrameSymbol(symbol_for("polygon", {"fill": "#ff000044", "stroke": "#ff0000", "width": 0.5}))

    def _marked_copy(self, layer: QgsVectorLayer, renderer) -> QgsVectorLayer:
        copy = layer.materialize(QgsFeatureRequest())
        copy.setRenderer(renderer)
        return self.add_layer(copy)

    def _locator(self) -> QgsVectorLayer:
        if "__locator__" not in self._copies:
            layer = QgsVectorLayer(str(resource(*LOCATOR_FILE)), tr("Location"), "ogr")
            renderer = QgsRuleBasedRenderer(
                symbol_for("polygon", {"fill": "#eeeeee", "stroke": "#888888", "width": 0.2})
            )
            root = renderer.rootRule()
            highlight = QgsRuleBasedRenderer.Rule(
                symbol_for("polygon", {"fill": "#f5b7b1", "stroke": "#c0392b", "width": 0.4}),
                filterExp="\"name\" = '永济市'",
            )
            root.children()[0].setFilterExpression("\"name\" <> '永济市'")
            root.appendChild(highlight)
            layer.setRenderer(renderer)
            self._copies["__locator__"] = self.add_layer(layer)
        return self._copies["__locator__"]

    # --- sheets -----------------------------------------------------------------------------
    def sheet_extent(self, sheet: Sheet, entries: list[LegendEntry]) -> QgsRectangle:
        crs = self.project.crs()
        if sheet.extent.startswith("layer:"):
            return extent_in(self.layer(sheet.extent.split(":", 1)[1]), crs)
        if sheet.extent == "structure":
            extents = [
                extent_in(layer, crs) for entry in entries if entry.heading is not None for layer in entry.layers
            ]
            extent = QgsRectangle(extents[0])
            for other in extents[1:]:
                extent.combineExtentWith(other)
            return extent
        return extent_in(self.layer("XZQ") if "XZQ" in self.sources else self.layer(sheet.layers[0]), crs)

    def sheet_layout(self, sheet: Sheet) -> QgsPrintLayout:
        self.check(sheet)
        entries, drawn = self.sheet_layers(sheet.layers, sheet.labels, sheet.muted, sheet.structure)
        return self.layout(sheet.template, sheet.title, entries, drawn, self.sheet_extent(sheet, entries))


def legend_room(layout, legend, has_figures: bool) -> float:
    """The legend's height in mm: its box in the template, and the figures' box below it when
    the page has no figures."""
    box = legend.sizeWithUnits().height()
    figures = layout.itemById("figures")
    if has_figures or figures is None:
        return box
    top, left = legend.positionWithUnits().y(), legend.positionWithUnits().x()
    below = figures.positionWithUnits()
    beside = below.x() >= left + legend.sizeWithUnits().width() or below.x() + figures.sizeWithUnits().width() <= left
    if beside or below.y() < top + box - 1:
        return box
    return below.y() + figures.sizeWithUnits().height() - top


def _structure_types(spec, structure: Structure) -> list[tuple[str, str]]:
    palette = colours()["palettes"][spec.style["palette"]]
    return [(code, label) for code, label in structure.types if code in palette]


def _structure_copy(source: QgsVectorLayer, spec, structure: Structure) -> Optional[QgsVectorLayer]:
    """The structure features of the types a sheet draws, in a layer of their own (None if none).

    A memory copy rather than a subset string: a handful of features, and OGR's subset queries
    on a GeoPackage make later opens of the same file fail.
    """
    mine = _structure_types(spec, structure)
    if not mine:
        return None
    field = spec.style["categorized"]
    request = QgsFeatureRequest().setFilterExpression(f'"{field}" IN ({", ".join(repr(code) for code, _ in mine)})')
    copy = source.materialize(request)
    copy.setName(spec.name)
    return copy


def _structure_renderer(spec, structure: Structure):
    """The sheet's structure types, in its legend order and with its legend labels."""
    palette = colours()["palettes"][spec.style["palette"]]
    mine = _structure_types(spec, structure)
    return categorized_renderer(spec.style["categorized"], spec.geometry, {c: palette[c] for c, _ in mine}, dict(mine))


def load_template(project: QgsProject, name: str) -> QgsPrintLayout:
    path = resource("layouts", f"{name}.qpt")
    if not path.exists():
        raise PlanError(tr("Print template {name} not found").format(name=name))
    document = QDomDocument()
    document.setContent(path.read_text(encoding="utf-8"))
    layout = QgsPrintLayout(project)
    layout.loadFromTemplate(document, QgsReadWriteContext())
    return layout


def fit_extent(
    map_item: QgsLayoutItemMap, extent: QgsRectangle, margin: float = 0.03, round_scale: bool = True
) -> None:
    """Fill the frame with the extent, then round the scale up to a readable number."""
    extent = QgsRectangle(extent)
    extent.grow(max(extent.width(), extent.height()) * margin)
    current = map_item.extent()
    if current.isEmpty() or not all(
        math.isfinite(v) for v in (current.xMinimum(), current.yMinimum(), current.xMaximum(), current.yMaximum())
    ):
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
        raise PlanError(
            tr("Export of {name} to {path} failed: {error}").format(
                name=layout.name(), path=path, error=export_error(exporter, status)
            )
        )
    return check_written([path], fmt)[0]


def export_error(exporter: QgsLayoutExporter, status) -> str:
    """What went wrong, in words: QGIS's own message where it has one (``errorMessage`` is newer
    than 3.22, where asking for it raised an AttributeError over a full disk)."""
    message = exporter.errorMessage() if hasattr(exporter, "errorMessage") else ""
    if message:
        return message
    if status == QgsLayoutExporter.ExportResult.FileError:
        return tr("the file could not be written (is the disk full or the folder read-only?)")
    return tr("export error {status}").format(status=int(status))


def check_written(paths, fmt: str) -> list:
    """Every exported file read back: Qt's PDF writer reports success on a full disk and leaves an
    empty or cut file, which must not pass for a map sheet. A PDF ends with its ``%%EOF`` trailer,
    a PNG loads as an image."""
    for path in map(Path, paths):
        if not (_whole_pdf(path) if fmt == PDF else _whole_image(path)):
            raise PlanError(tr("{path} was not written whole (is the disk full?)").format(path=path))
    return list(paths)


def _whole_pdf(path: Path) -> bool:
    if not path.is_file() or path.stat().st_size < 16:
        return False
    with open(path, "rb") as pdf:
        pdf.seek(max(0, path.stat().st_size - 1024))
        return b"%%EOF" in pdf.read()


def _whole_image(path: Path) -> bool:
    from qgis.PyQt.QtGui import QImage

    return path.is_file() and not QImage(str(path)).isNull()


def sheet_file(folder, sheet: Sheet, fmt: str) -> Path:
    """A sheet's file is named by its title, as the plan names the figure (``三条控制线图.pdf``):
    the internal id as a prefix (``control_lines_…``) meant nothing to a Chinese reader."""
    return Path(folder) / f"{sheet.title}.{fmt}"
