"""Atlases: one sheet per township (its control lines and figures) and one per checked site."""
from pathlib import Path
from typing import List

from jinja2 import Template
from osgeo import gdal
from qgis.core import (
    QgsLayoutExporter,
    QgsLayoutItemMap,
    QgsVectorLayer,
)

from ...i18n import tr
from ..shared.cancel import Canceled
from ..shared.errors import PlanError
from .sheets import PDF, SheetBuilder

TOWNSHIP_FIGURES_HTML = (
    "<table style='font-family:Noto Sans CJK SC;font-size:8pt' cellspacing='0' cellpadding='1'>"
    "{rows}</table>")
SITE_FIGURES_HTML = (
    "<div style='font-family:Noto Sans CJK SC;font-size:8pt'>"
    "<b>{verdict}：[% \"verdict\" %]</b><br>{area}：[% format_number(\"area_ha\", 4) %] {ha}"
    "（[% format_number(\"area_mu\", 2) %] {mu}）<br>[% \"reasons\" %]</div>")


def _atlas_layout(builder: SheetBuilder, kind: str, coverage: QgsVectorLayer, extra_layers, figures: str,
                  **title_fields):
    spec = builder.sheets.atlases[kind]
    layers = extra_layers + [builder.layer(code) for code in spec["layers"]]
    title = Template(spec["title"]).render(**title_fields)
    layout = builder.layout(spec["template"], title, layers, coverage.extent(), figures=figures)
    layout.itemById("title").setText(title)  # the title is an expression per page, not sheet text
    main = layout.itemById("main_map")
    main.setAtlasDriven(True)
    main.setAtlasScalingMode(QgsLayoutItemMap.AtlasScalingMode.Auto)
    main.setAtlasMargin(0.15)
    atlas = layout.atlas()
    atlas.setCoverageLayer(coverage)
    atlas.setEnabled(True)
    return layout


def township_atlas(builder: SheetBuilder, coverage: QgsVectorLayer):
    """One page per township of ``coverage``; every numeric field is a figure (ha), titled by its alias."""
    coverage = builder.add_layer(coverage)
    rows = "".join(f"<tr><td>{field.displayName()}</td><td align='right'>"
                   f"[% format_number(\"{field.name()}\", 2) %] {tr('ha')}</td></tr>"
                   for field in coverage.fields() if field.isNumeric())
    figures = TOWNSHIP_FIGURES_HTML.format(rows=rows)
    layout = _atlas_layout(builder, "township", coverage, [], figures, township='[% "XZQMC" %]')
    layout.atlas().setFilenameExpression("'township_' || \"XZQMC\"")
    return layout


def site_atlas(builder: SheetBuilder, sites: QgsVectorLayer, extra_layers=()):
    """One page per site of a styled site-summary layer, with styled extra layers (conflicts) drawn too."""
    if sites is None or sites.featureCount() == 0:
        raise PlanError(tr("The site atlas needs a compliance-check summary layer with sites"))
    coverage = builder.add_layer(sites)
    extra = [builder.add_layer(layer) for layer in extra_layers]
    figures = SITE_FIGURES_HTML.format(verdict=tr("Verdict"), area=tr("Area"), ha=tr("ha"), mu=tr("mu"))
    layout = _atlas_layout(builder, "site", coverage, extra + [coverage], figures,
                           site_id='[% "site_id" %]', site_name='[% "site_name" %]')
    layout.atlas().setFilenameExpression("'site_' || \"site_id\"")
    return layout


def export_atlas(layout, path, fmt: str = PDF, dpi: int = 150, feedback=None) -> List[Path]:
    """One multi-page PDF, or one PNG per page named by the atlas's file-name expression.

    A canceled ``feedback`` stops the export between pages and raises ``Canceled``; the caller
    (``jobs.run_job``) deletes the pages written so far.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    atlas = layout.atlas()
    if fmt == PDF:
        settings = QgsLayoutExporter.PdfExportSettings()
        settings.dpi = dpi
        status, error = QgsLayoutExporter.exportToPdf(atlas, str(path), settings, feedback)
        outputs = [path]
    else:
        settings = QgsLayoutExporter.ImageExportSettings()
        settings.dpi = dpi
        gdal.PushErrorHandler("CPLQuietErrorHandler")  # see sheets.export_layout
        try:
            status, error = QgsLayoutExporter.exportToImage(atlas, str(path.parent / "page"), "png", settings,
                                                            feedback)
        finally:
            gdal.PopErrorHandler()
        outputs = sorted(path.parent.glob("*.png"))
    if status == QgsLayoutExporter.ExportResult.Canceled:
        raise Canceled()
    if status != QgsLayoutExporter.ExportResult.Success:
        raise PlanError(tr("Atlas export to {path} failed: {error}").format(path=path, error=error))
    return outputs
