"""Atlases: one sheet per township (its control lines and figures) and one per checked site."""
from pathlib import Path
from typing import List

from jinja2 import Template
from osgeo import gdal
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsField,
    QgsLayoutExporter,
    QgsLayoutItemMap,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

from ..i18n import tr
from .compliance_outputs import CONFLICTS, SUMMARY
from .errors import PlanError
from .printing import PDF, SheetBuilder
from .result_styles import styled_copy
from .township_figures import figure_specs, township_figures

TOWNSHIP_FIGURES_HTML = (
    "<table style='font-family:Noto Sans CJK SC;font-size:8pt' cellspacing='0' cellpadding='1'>"
    "<tr><td>{label_total}</td><td align='right'>[% format_number(\"ZMJ\", 2) %] {ha}</td></tr>"
    "{rows}</table>")
SITE_FIGURES_HTML = (
    "<div style='font-family:Noto Sans CJK SC;font-size:8pt'>"
    "<b>{verdict}：[% \"verdict\" %]</b><br>{area}：[% format_number(\"area_ha\", 4) %] {ha}"
    "（[% format_number(\"area_mu\", 2) %] {mu}）<br>[% \"reasons\" %]</div>")


def township_coverage(layers: dict, crs: str = "EPSG:4546") -> QgsVectorLayer:
    """The townships with their figures (ha) as fields, for the atlas and its table."""
    rows = township_figures(layers, crs)
    source = layers["XZQ_XZ"]
    coverage = QgsVectorLayer(f"MultiPolygon?crs={crs}", tr("Township figures"), "memory")
    fields = [QgsField("XZQMC", QVariant.String), QgsField("ZMJ", QVariant.Double)]
    keys = [key for key, _, _, _ in figure_specs()]
    fields += [QgsField(key, QVariant.Double) for key in keys]
    coverage.dataProvider().addAttributes(fields)
    coverage.updateFields()
    transform = QgsCoordinateTransform(source.crs(), QgsCoordinateReferenceSystem(crs), QgsProject.instance())
    features = []
    for row in rows:
        geometry = source.getFeature(row["fid"]).geometry()
        geometry.transform(transform)
        feature = QgsFeature(coverage.fields())
        feature.setGeometry(geometry)
        feature.setAttributes([row["XZQMC"], row["ZMJ"]] + [row[key] for key in keys])
        features.append(feature)
    coverage.dataProvider().addFeatures(features)
    coverage.updateExtents()
    return coverage


def _atlas_layout(builder: SheetBuilder, kind: str, coverage: QgsVectorLayer, extra_layers, figures: str,
                  **title_fields):
    spec = builder.sheets.atlases[kind]
    layers = extra_layers + [builder.layer(code) for code in spec["layers"]]
    title = Template(spec["title"]).render(**title_fields)
    layout = builder.layout(spec["template"], title, layers, coverage.extent(), figures=figures)
    layout.itemById("title").setText(title)  # the title is an expression per page, not sheet text
    main = layout.itemById("main_map")
    main.setAtlasDriven(True)
    main.setAtlasScalingMode(QgsLayoutItemMap.Auto)
    main.setAtlasMargin(0.15)
    atlas = layout.atlas()
    atlas.setCoverageLayer(coverage)
    atlas.setEnabled(True)
    return layout


def township_atlas(builder: SheetBuilder, coverage: QgsVectorLayer = None):
    coverage = builder.add_layer(coverage or township_coverage(builder.sources))
    rows = "".join(f"<tr><td>{label}</td><td align='right'>[% format_number(\"{key}\", 2) %] {tr('ha')}</td></tr>"
                   for key, _, _, label in figure_specs())
    figures = TOWNSHIP_FIGURES_HTML.format(label_total=tr("Township area"), ha=tr("ha"), rows=rows)
    layout = _atlas_layout(builder, "township", coverage, [], figures, township='[% "XZQMC" %]')
    layout.atlas().setFilenameExpression("'township_' || \"XZQMC\"")
    return layout


def site_atlas(builder: SheetBuilder, summary: QgsVectorLayer, conflicts: QgsVectorLayer = None):
    if summary is None or summary.featureCount() == 0:
        raise PlanError(tr("The site atlas needs a compliance-check summary layer with sites"))
    coverage = builder.add_layer(styled_copy(summary, SUMMARY))
    extra = [builder.add_layer(styled_copy(conflicts, CONFLICTS))] if conflicts is not None else []
    figures = SITE_FIGURES_HTML.format(verdict=tr("Verdict"), area=tr("Area"), ha=tr("ha"), mu=tr("mu"))
    layout = _atlas_layout(builder, "site", coverage, extra + [coverage], figures,
                           site_id='[% "site_id" %]', site_name='[% "site_name" %]')
    layout.atlas().setFilenameExpression("'site_' || \"site_id\"")
    return layout


def export_atlas(layout, path, fmt: str = PDF, dpi: int = 150) -> List[Path]:
    """One multi-page PDF, or one PNG per page named by the atlas's file-name expression."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    atlas = layout.atlas()
    if fmt == PDF:
        settings = QgsLayoutExporter.PdfExportSettings()
        settings.dpi = dpi
        status, error = QgsLayoutExporter.exportToPdf(atlas, str(path), settings)
        outputs = [path]
    else:
        settings = QgsLayoutExporter.ImageExportSettings()
        settings.dpi = dpi
        gdal.PushErrorHandler("CPLQuietErrorHandler")  # see printing.export_layout
        try:
            status, error = QgsLayoutExporter.exportToImage(atlas, str(path.parent / "page"), "png", settings)
        finally:
            gdal.PopErrorHandler()
        outputs = sorted(path.parent.glob("*.png"))
    if status != QgsLayoutExporter.Success:
        raise PlanError(tr("Atlas export to {path} failed: {error}").format(path=path, error=error))
    return outputs
