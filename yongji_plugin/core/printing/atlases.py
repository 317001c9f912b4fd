"""Atlases: one sheet per township (its control lines and figures) and one per checked site."""

import math
import re
from pathlib import Path

from jinja2 import Template
from osgeo import gdal
from qgis.core import (
    QgsBasicNumericFormat,
    QgsCentroidFillSymbolLayer,
    QgsLabelObstacleSettings,
    QgsLayoutExporter,
    QgsLayoutItemMap,
    QgsLayoutItemScaleBar,
    QgsPalLayerSettings,
    QgsProperty,
    QgsRuleBasedRenderer,
    QgsScaleBarSettings,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)

from ...i18n import tr
from ..plan_data.styles import colours, label_settings, symbol_for
from ..shared.cancel import Canceled
from ..shared.errors import PlanError
from .legend import LegendEntry
from .sheets import PDF, SheetBuilder, check_written, pdf_settings

# figures are plain text with expressions: HTML labels need QtWebKit, which QGIS 4 and Debian's
# 3.40 lack (they print nothing there)
SITE_FIGURES = (
    '{verdict}：[% "verdict" %]\n{area}：[% format_number("area_ha", 4) %] {ha}'
    '（[% format_number("area_mu", 2) %] {mu}）\n[% "reasons" %]'
)


CURRENT = "$id = @atlas_featureid"
# in the inset, which draws a copy of the coverage (feature ids may differ there): the same
# shape, compared as text (also for an invalid site, which GEOS predicates refuse)
CURRENT_IN_COPY = "geom_to_wkt($geometry, 3) = geom_to_wkt(@atlas_geometry, 3)"
SMALL_SITE_MM = 8.0  # a current site smaller than this on the page gets a ring
SCALE_UNITS = {
    "metres": QgsUnitTypes.DistanceUnit.DistanceMeters,
    "kilometres": QgsUnitTypes.DistanceUnit.DistanceKilometers,
}


def _rules(*rules) -> QgsRuleBasedRenderer:
    """A rule-based renderer from (geometry, look name in colours.yaml ``atlas``, filter) rules."""
    root = QgsRuleBasedRenderer.Rule(None)
    for geometry, look, expression in rules:
        root.appendChild(
            QgsRuleBasedRenderer.Rule(symbol_for(geometry, colours()["atlas"][look]), filterExp=expression)
        )
    return QgsRuleBasedRenderer(root)


def township_mask() -> QgsRuleBasedRenderer:
    """Over the map: the neighbours dimmed, the current township outlined."""
    return _rules(("polygon", "township_dim", f"NOT ({CURRENT})"), ("polygon", "township_current", CURRENT))


def site_marker() -> QgsRuleBasedRenderer:
    """In the inset: a marker on the current site (too small to see as a shape at that scale)."""
    renderer = _rules(("polygon", "inset_current", CURRENT_IN_COPY))
    centroid = QgsCentroidFillSymbolLayer()
    centroid.setSubSymbol(symbol_for("point", colours()["atlas"]["inset_site"]))
    renderer.rootRule().children()[0].symbol().appendSymbolLayer(centroid)
    return renderer


def with_small_site_ring(renderer) -> QgsRuleBasedRenderer:
    """The sites as styled, plus a ring on each part of the current site where it is too small to
    see on the page (a site of parcels far apart)."""
    rules = QgsRuleBasedRenderer.convertFromRenderer(renderer)
    ring = QgsCentroidFillSymbolLayer()
    ring.setSubSymbol(symbol_for("point", colours()["atlas"]["site_ring"]))
    ring.setPointOnAllParts(True)
    symbol = symbol_for("polygon", {"fill": "#00000000", "stroke": "#00000000", "width": 0})
    symbol.appendSymbolLayer(ring)
    part_size = "sqrt(area($geometry) / num_geometries($geometry))"  # metres across a parcel
    small = f"{CURRENT} AND {part_size} / @map_scale * 1000 < {SMALL_SITE_MM}"
    rules.rootRule().appendChild(QgsRuleBasedRenderer.Rule(symbol, filterExp=small, label=tr("This site")))
    return rules


def site_labels() -> QgsVectorLayerSimpleLabeling:
    """The site's number inside it; other labels are kept off the site."""
    labeling = label_settings("site_id", "polygon")
    settings = labeling.settings()
    settings.priority = 10
    obstacle = settings.obstacleSettings()
    obstacle.setType(QgsLabelObstacleSettings.ObstacleType.PolygonInterior)
    obstacle.setFactor(2.0)
    settings.setObstacleSettings(obstacle)
    settings.dataDefinedProperties().setProperty(QgsPalLayerSettings.Property.Show, QgsProperty())
    return QgsVectorLayerSimpleLabeling(settings)


def check_atlas(builder: SheetBuilder, kind: str) -> None:
    """Every plan layer the atlas draws is there and holds features (as a sheet's: SheetBuilder.check)."""
    spec = builder.sheets.atlases[kind]
    builder.check_layers(spec["layers"], Template(spec["title"]).render().strip())


def _atlas_layout(
    builder: SheetBuilder, kind: str, coverage: QgsVectorLayer, results, figures: str, mask: bool, marks, **title_fields
):
    """An atlas over ``coverage``: the kind's layers (``results`` on top, in the legend first)."""
    spec = builder.sheets.atlases[kind]
    check_atlas(builder, kind)
    entries, drawn = builder.sheet_layers(spec["layers"], spec.get("labels", ()))
    entries = [LegendEntry([layer]) for layer in results] + entries
    drawn = ([coverage] if mask else []) + list(results) + drawn
    title = Template(spec["title"]).render(**title_fields)
    layout = builder.layout(
        spec["template"], title, entries, drawn, coverage.extent(), figures=figures, inset_marks=marks
    )
    layout.itemById("title").setText(title)  # the title is an expression per page, not sheet text
    main = layout.itemById("main_map")
    main.setAtlasDriven(True)
    main.setAtlasScalingMode(QgsLayoutItemMap.AtlasScalingMode.Auto)
    main.setAtlasMargin(float(spec.get("margin", 0.15)))
    bar = spec.get("scale_bar")
    scale_bar = layout.itemById("scale_bar")
    if bar and isinstance(scale_bar, QgsLayoutItemScaleBar):
        scale_bar.setUnits(SCALE_UNITS[bar["units"]])
        scale_bar.setUnitLabel(bar["label"])
        plain = QgsBasicNumericFormat()  # 1000, not 1,000
        plain.setShowThousandsSeparator(False)
        scale_bar.setNumericFormat(plain)
    if spec.get("scales"):
        # QGIS's own predefined-scale mode ignores the margin: each page fits with it, then the
        # scale is rounded up to a listed one and the scale bar counts in 1, 2, 5 × 10ⁿ
        scales = sorted(float(s) for s in spec["scales"])
        layout.atlas().featureChanged.connect(lambda _feature: _round_page(main, scale_bar, scales))
    atlas = layout.atlas()
    atlas.setCoverageLayer(coverage)
    atlas.setEnabled(True)
    return layout


def nice_step(limit: float) -> float:
    """The largest 1, 2 or 5 × 10ⁿ not above ``limit`` (a hair's tolerance: 49.99999 gives 50)."""
    limit *= 1 + 1e-6
    power = 10 ** math.floor(math.log10(limit))
    return max(m * power for m in (1, 2, 5) if m * power <= limit)


def _round_page(main: QgsLayoutItemMap, scale_bar, scales) -> None:
    main.setScale(next((s for s in scales if s >= main.scale() * (1 - 1e-9)), main.scale()))
    if isinstance(scale_bar, QgsLayoutItemScaleBar):
        # the bar's longest length, in its units (mm on paper times the scale)
        longest = scale_bar.maximumBarWidth() / 1000.0 * main.scale()
        if scale_bar.units() == QgsUnitTypes.DistanceUnit.DistanceKilometers:
            longest /= 1000.0
        scale_bar.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeMode.SegmentSizeFixed)
        scale_bar.setUnitsPerSegment(nice_step(longest / scale_bar.numberOfSegments()))
        scale_bar.update()


def township_atlas(builder: SheetBuilder, coverage: QgsVectorLayer, results=(), kind: str = "township"):
    """One page per township of ``coverage``; every numeric field is a figure (ha), titled by its alias.

    The coverage itself lies over the map as a mask: neighbours dimmed, the township outlined.
    ``results``: styled result layers drawn on top and first in the legend (the monitoring's
    findings, kind ``monitoring_township``).
    """
    coverage = builder.add_layer(coverage)
    coverage.setRenderer(township_mask())
    results = [builder.add_layer(layer) for layer in results]
    figures = "\n".join(
        f'{field.displayName()}：[% format_number("{field.name()}", 2) %] {tr("ha")}'
        for field in coverage.fields()
        if field.isNumeric()
    )
    highlight = _rules(("polygon", "inset_current", CURRENT_IN_COPY))
    layout = _atlas_layout(
        builder, kind, coverage, results, figures, True, [(coverage, highlight)], township='[% "XZQMC" %]'
    )
    word = page_word(tr("township"))
    layout.atlas().setFilenameExpression(f"'{word}_' || \"XZQMC\"")
    return layout


def site_atlas(builder: SheetBuilder, sites: QgsVectorLayer, extra_layers=()):
    """One page per site of a styled site-summary layer, with styled extra layers (conflicts) drawn too."""
    if sites is None or sites.featureCount() == 0:
        raise PlanError(tr("The site atlas needs a compliance-check summary layer with sites"))
    coverage = builder.add_layer(sites)
    coverage.setRenderer(with_small_site_ring(coverage.renderer()))
    coverage.setLabeling(site_labels())  # the site's number on it; other names keep off the site
    coverage.setLabelsEnabled(True)
    extra = [builder.add_layer(layer) for layer in extra_layers]
    figures = SITE_FIGURES.format(verdict=tr("Verdict"), area=tr("Area"), ha=tr("ha"), mu=tr("mu"))
    layout = _atlas_layout(
        builder,
        "site",
        coverage,
        [coverage] + extra,
        figures,
        False,
        [(coverage, site_marker())],
        site_id='[% "site_id" %]',
        site_name='[% "site_name" %]',
    )
    # pages named by the site's unique key: the user's site ids may repeat (or be empty), and two
    # pages of one name would overwrite each other
    word = page_word(tr("site"))
    layout.atlas().setFilenameExpression(f"'{word}_' || \"site_fid\"")
    return layout


def page_word(word: str) -> str:
    """A translated word for page names, safe inside the filename expression's quotes."""
    return re.sub(r"[^\w\u4e00-\u9fff-]", "", word) or "page"


def page_prefix(atlas) -> str:
    """The fixed start of an atlas's page names (``'site_' || "site_fid"`` gives ``site_``)."""
    match = re.match(r"\s*'([^']*)'", atlas.filenameExpression())
    return match.group(1) if match else "page"


def export_atlas(layout, path, fmt: str = PDF, dpi: int = 150, feedback=None) -> list[Path]:
    """One multi-page PDF, or one PNG per page named by the atlas's file-name expression.

    A canceled ``feedback`` stops the export between pages and raises ``Canceled``; the caller
    (``jobs.run_job``) deletes the pages written so far.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    atlas = layout.atlas()
    if fmt == PDF:
        status, error = QgsLayoutExporter.exportToPdf(atlas, str(path), pdf_settings(dpi), feedback)
        outputs = [path]
    else:
        settings = QgsLayoutExporter.ImageExportSettings()
        settings.dpi = dpi
        pattern = page_prefix(atlas) + "*.png"
        for stale in path.parent.glob(pattern):  # an earlier export's pages must not pass for this one's
            stale.unlink()
        gdal.PushErrorHandler("CPLQuietErrorHandler")  # see sheets.export_layout
        try:
            status, error = QgsLayoutExporter.exportToImage(atlas, str(path.parent / "page"), "png", settings, feedback)
        finally:
            gdal.PopErrorHandler()
        outputs = sorted(path.parent.glob(pattern))
    if status == QgsLayoutExporter.ExportResult.Canceled:
        raise Canceled()
    if status != QgsLayoutExporter.ExportResult.Success:
        raise PlanError(tr("Atlas export to {path} failed: {error}").format(path=path, error=error))
    return check_written(outputs, fmt)
