"""专题图打印: every sheet exports and reads back (titles, legend headings in order), labels are
placed once and apart, the structure sheets draw the plan's structure, atlases set their unit
apart, every layout item has a readable id.

PDF text is read back raw (no Unicode normalisation): what a reviewer copies out of the PDF is
what the sheet says.
"""

import random
import re
import subprocess
import time
import xml.etree.ElementTree as ET
from collections import Counter

import pytest
from qgis.core import (
    QgsApplication,
    QgsFeatureRequest,
    QgsGeometry,
    QgsLayoutExporter,
    QgsLayoutItem,
    QgsLayoutItemPage,
    QgsMapRendererSequentialJob,
    QgsPointXY,
    QgsProject,
    QgsRenderContext,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QSizeF
from qgis.PyQt.QtGui import QColor, QImage

from yongji_plugin.core.guidance.township_figures import township_coverage
from yongji_plugin.core.plan_data.catalogue import default_catalogue
from yongji_plugin.core.plan_data.loader import (
    inspect_source,
    load_into_project,
)
from yongji_plugin.core.plan_data.sources import Source
from yongji_plugin.core.plan_data.styles import apply_style, colours
from yongji_plugin.core.printing.atlases import export_atlas, site_atlas, township_atlas
from yongji_plugin.core.printing.jobs import print_jobs, run_jobs
from yongji_plugin.core.printing.map_sheets import load_sheets
from yongji_plugin.core.printing.sheets import PDF, PNG, SheetBuilder, export_layout
from yongji_plugin.core.shared.areas import AreaMethod
from yongji_plugin.core.shared.errors import PlanError
from yongji_plugin.core.site_check.check import CheckParams, run_compliance
from yongji_plugin.core.site_check.outputs import CONFLICTS, SUMMARY, result_layers
from yongji_plugin.core.site_check.result_styles import atlas_layers
from yongji_plugin.core.site_check.ruleset import load_ruleset
from yongji_plugin.gui.printing.dialog import PrintDialog

PLAN_SHEETS = {
    "国土空间总体格局图",
    "三条控制线图",
    "规划分区图",
    "生态保护格局图",
    "自然保护地分布图",
    "农业空间规划图",
    "村庄分类图",
    "城镇体系规划图",
    "历史文化保护规划图",
    "中心城区建筑高度控制图",
    "中心城区空间结构图",
    "综合交通规划图",
}
# the plan's structure figures: sheet, slogan, legend labels (as the plan names the parts)
STRUCTURES = {
    "overall_pattern": (
        "一极两屏、三轴三区",
        ["一极（发展极）", "两屏（生态屏障）", "三轴（城镇发展轴）", "三区（特色农业区）"],
    ),
    "ecology": (
        "一核两屏、一网多廊",
        ["一核（生态绿核）", "两屏（生态屏障）", "一网（碧道、绿道）", "多廊（生态廊道）"],
    ),
    "central_structure": (
        "一轴一环两翼四区多点",
        ["一轴（城市发展轴）", "一环（城市活力环）", "两翼（产业发展翼）", "四区（城市功能片区）"],
    ),
}
CRS_NOTE = "2000国家大地坐标系 高斯-克吕格投影 中央经线111°"
PT_TO_MM = 25.4 / 72
ITEM_IDS = {
    "title",
    "subtitle",
    "main_map",
    "inset_map",
    "legend",
    "scale_bar",
    "north_arrow",
    "organisation",
    "date",
    "crs_note",
    "figures",
}


# --- reading back ---------------------------------------------------------------------------
def pdf_text(path, page=None):
    """The text layer as pdftotext reads it, raw (see helpers.pdf_text), of one page or all."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *pages, str(path), "-"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    ).stdout


def pdf_pages(path):
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages")))


def pdf_words(path, page=1):
    """(x, y, right, text) in mm of every word on a page, as pdftotext reads them."""
    xhtml = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    words = []
    for element in ET.fromstring(xhtml).iter("{http://www.w3.org/1999/xhtml}word"):
        words.append(
            (
                float(element.get("xMin")) * PT_TO_MM,
                float(element.get("yMin")) * PT_TO_MM,
                float(element.get("xMax")) * PT_TO_MM,
                element.text or "",
            )
        )
    return words


def lines_in(words, x0, y0, x1, y1):
    """Words inside a box joined into lines: (x, y, text), top to bottom."""
    inside = sorted((w for w in words if x0 <= w[0] <= x1 and y0 <= w[1] <= y1), key=lambda w: (w[1], w[0]))
    lines = []
    for x, y, right, text in inside:
        last = lines[-1] if lines else None
        if last and abs(last[1] - y) < 1.0 and x - last[3] < 2.5:
            lines[-1] = (last[0], last[1], last[2] + " " + text, right)
        else:
            lines.append((x, y, text, right))
    return [(x, y, text) for x, y, text, _ in lines]


def non_white_share(path):
    image = QImage(str(path)).scaled(200, 200)
    dark = sum(1 for x in range(200) for y in range(200) if image.pixelColor(x, y).lightness() < 235)
    return dark / 40000


def mm(item):
    position, size = item.positionWithUnits(), item.sizeWithUnits()
    return position.x(), position.y(), size.width(), size.height()


def placed_labels(layout, dpi=100):
    """The main map's labels as QGIS's engine places them: {(layer id, feature id): (text, geometry)}."""
    main = layout.itemById("main_map")
    size = main.sizeWithUnits()
    settings = main.mapSettings(main.extent(), QSizeF(size.width() * dpi / 25.4, size.height() * dpi / 25.4), dpi, True)
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    parts = {}
    for label in job.takeLabelingResults().allLabels():
        if not label.isUnplaced:  # a curved label comes as one position per character
            parts.setdefault((label.layerID, label.featureId), (label.labelText, []))[1].append(label.labelGeometry)
    return {key: (text, QgsGeometry.unaryUnion(shapes)) for key, (text, shapes) in parts.items()}


# --- fixtures (``plan``: the demo plan's layers, from conftest) -------------------------------
@pytest.fixture(scope="module")
def exported(plan, tmp_path_factory):
    """Every sheet built once and exported to PDF and PNG: {sheet id: (layout, pdf, png)}."""
    folder = tmp_path_factory.mktemp("sheets")
    builder = SheetBuilder(plan)
    result = {}
    for sheet in load_sheets().sheets:
        layout = builder.sheet_layout(sheet)
        pdf = export_layout(layout, folder / f"{sheet.id}.pdf", PDF, 100)
        png = export_layout(layout, folder / f"{sheet.id}.png", PNG, 60)
        result[sheet.id] = (layout, pdf, png)
    yield builder, result


@pytest.fixture(scope="module")
def check_outputs(plan, demo_gpkg):
    sites = QgsVectorLayer(f"{demo_gpkg}|layername=sites", "sites", "ogr")
    outputs = result_layers(run_compliance(sites, plan, load_ruleset(), CheckParams(AreaMethod.create())))
    return sites, outputs


# --- sheets ---------------------------------------------------------------------------------
def test_sheets_declared_are_the_plans():
    assert {s.title for s in load_sheets().sheets} >= PLAN_SHEETS


def test_print_jobs_write_every_sheet(plan, tmp_path):
    builder = SheetBuilder(plan)
    pngs = run_jobs(print_jobs(builder, tmp_path, None, PNG, 40)).paths
    assert [p.name for p in pngs] == [f"{s.title}.png" for s in load_sheets().sheets]


def test_every_sheet_reads_back(exported):
    _, sheets = exported
    for sheet in load_sheets().sheets:
        _, pdf, png = sheets[sheet.id]
        text = pdf_text(pdf)
        assert f"永济市{sheet.title}" in text, sheet.id
        assert "永济市国土空间总体规划（2020—2035年）" in text, sheet.id
        assert CRS_NOTE in text and "图例" in text and "编制单位：永济市自然资源局（演示）" in text, sheet.id
        assert non_white_share(png) > 0.05, sheet.id


def _expected_legend(plan, sheet, extent):
    """The legend a reader should see, from the catalogue, the code tables and what lies in view:
    the one-row layers, then each heading followed by exactly its own items."""
    catalogue = default_catalogue()
    palettes = colours()["palettes"]
    rows, headed, structure_done = [], [], False

    def shown(code, field, value):
        request = QgsFeatureRequest().setFilterRect(extent).setFilterExpression(f"\"{field}\" = '{value}'")
        return next(plan[code].getFeatures(request), None) is not None

    for code in sheet.layers:
        spec = catalogue.layer(code)
        if spec.role == "structure" and sheet.structure is not None:
            if not structure_done:
                structure_done = True
                items = [
                    label
                    for type_code, label in sheet.structure.types
                    if any(shown(c, "JGLX", type_code) for c in sheet.layers if catalogue.layer(c).role == "structure")
                ]
                headed.append([sheet.structure.heading] + items)
            continue
        if "single" in spec.style:
            rows.append(spec.name)
            continue
        names = catalogue.codes(spec.style["table"])
        field = spec.style["categorized"]
        headed.append(
            [spec.name] + [names[value] for value in palettes[spec.style["palette"]] if shown(code, field, value)]
        )
    return ["图例"] + rows + [text for block in headed for text in block], {block[0] for block in headed}


def test_legends_keep_items_under_their_own_heading(plan, exported):
    """Read the legend out of each PDF: the texts in order (column by column), items indented
    under their heading, nothing the map does not show."""
    _, sheets = exported
    for sheet in load_sheets().sheets:
        layout, pdf, _ = sheets[sheet.id]
        legend = layout.itemById("legend")
        x, y, width, height = mm(legend)
        lines = lines_in(pdf_words(pdf), x - 1, y - 1, x + width + 1, y + height + 1)
        expected, headings = _expected_legend(plan, sheet, layout.itemById("main_map").extent())
        # reading order: down the first column, then down the second, which starts at the entry
        # the legend breaks before
        breaks = [
            node.name()
            for node in legend.model().rootGroup().children()
            if node.customProperty("legend/column-break") == "1"
        ]
        second = next(lx for lx, _, text in lines if text == breaks[0]) if breaks else None
        lines.sort(key=lambda line: (second is not None and line[0] >= second - 1, line[1]))
        assert [text for _, _, text in lines] == expected, sheet.id
        column_heading_x = None
        for line_x, _, text in lines[1:]:
            if text in headings:
                column_heading_x = line_x
            elif column_heading_x is not None and abs(line_x - column_heading_x) < 20:
                assert line_x > column_heading_x + 2, (sheet.id, text)  # indented under its heading


def test_structure_sheets_draw_the_plans_structure(plan, exported):
    _, sheets = exported
    for sheet_id, (slogan, labels) in STRUCTURES.items():
        layout, pdf, _ = sheets[sheet_id]
        text = pdf_text(pdf)
        assert slogan in text and all(label in text for label in labels), sheet_id
        declared = set(load_sheets().sheet(sheet_id).structure.codes)
        structure = [layer for layer in layout.itemById("main_map").layers() if layer.name().startswith("规划结构")]
        assert structure, sheet_id
        drawn = {f["JGLX"] for layer in structure for f in layer.getFeatures()}
        assert drawn == declared, sheet_id  # every part the figure names, nothing else
    overall = sheets["overall_pattern"][0].itemById("main_map").layers()
    assert "规划分区" not in [layer.name() for layer in overall]  # the structure, not the zones


def test_labels_once_and_apart(exported):
    """On every sheet: one label per name, no two labels overlap, a polygon's label inside it."""
    builder, sheets = exported
    for sheet in load_sheets().sheets:
        layout = sheets[sheet.id][0]
        labels = placed_labels(layout)
        assert labels, sheet.id
        texts = Counter(text for text, _ in labels.values())
        assert [t for t, n in texts.items() if n > 1] == [], sheet.id
        keys = list(labels)
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                overlap = labels[a][1].intersection(labels[b][1]).area()
                assert overlap < 0.01 * min(labels[a][1].area(), labels[b][1].area()), (
                    sheet.id,
                    labels[a][0],
                    labels[b][0],
                )
        layers = {layer.id(): layer for layer in layout.itemById("main_map").layers()}
        for (layer_id, fid), (text, shape) in labels.items():
            layer = layers[layer_id]
            if layer.geometryType() == QgsWkbTypes.GeometryType.PolygonGeometry:
                feature = layer.getFeature(fid).geometry()
                assert feature.buffer(1.0, 4).contains(shape), (sheet.id, text)


def test_zone_labels_never_land_on_towns(plan):
    """With the 一张图's own label style (as loaded into a project), 乡村发展区 and the other zone
    names stay inside their zones, so never on the town centres those zones ring."""
    builder = SheetBuilder(plan)
    zones = QgsVectorLayer(plan["GHFQ"].source(), "规划分区", "ogr")
    apply_style(zones, default_catalogue().layer("GHFQ"), default_catalogue())
    towns = builder.layer("CZTX")
    builder.add_layer(zones)
    layout = builder.layout("a3_landscape", "规划分区", [], [towns, zones], zones.extent())
    labels = placed_labels(layout)
    centres = [f.geometry() for f in towns.getFeatures()]
    zone_labels = [(text, shape) for (layer_id, _), (text, shape) in labels.items() if layer_id == zones.id()]
    assert any(text == "乡村发展区" for text, _ in zone_labels)
    for text, shape in zone_labels:
        if text == "城镇发展区":
            continue  # the towns' own zone
        assert not any(shape.intersects(centre.buffer(300, 8)) for centre in centres), text


def test_layout_items_have_readable_ids(plan, exported, check_outputs):
    builder, sheets = exported
    layouts = [layout for layout, _, _ in sheets.values()]
    layouts.append(township_atlas(builder, township_coverage(plan)))
    layouts.append(site_atlas(builder, *atlas_layers(check_outputs[1][SUMMARY], check_outputs[1][CONFLICTS])))
    for layout in layouts:
        items = [item for item in layout.items() if isinstance(item, QgsLayoutItem)]
        ids = [item.id() for item in items]
        assert all(re.fullmatch(r"[a-z][a-z0-9_]*", i) for i in ids), (layout.name(), ids)
        assert len(ids) == len(set(ids)), layout.name()
        assert ITEM_IDS <= set(ids), layout.name()
        assert {item.id() for item in items if isinstance(item, QgsLayoutItemPage)} == {"page_1"}


def test_missing_layer_is_named(plan, tmp_path):
    partial = {k: v for k, v in plan.items() if k != "YJJBNT"}
    with pytest.raises(PlanError, match=r"永久基本农田 \(YJJBNT\)"):
        print_jobs(SheetBuilder(partial), tmp_path, ["control_lines"], PDF, 72)
    assert not list(tmp_path.iterdir())


def test_an_empty_layer_on_a_sheet_stops_it(plan, tmp_path):
    """An empty 生态保护红线 printed the 三条控制线图 without the red line or its legend entry, exit 0."""
    from qgis.core import QgsVectorLayer

    empty = QgsVectorLayer("MultiPolygon?crs=EPSG:4546", "生态保护红线", "memory")
    layers = dict(plan, STBHHX=empty)
    with pytest.raises(PlanError, match=r"三条控制线图 needs layer 生态保护红线 \(STBHHX\), which has no features"):
        print_jobs(SheetBuilder(layers), tmp_path, ["control_lines"], PDF, 72)
    assert not list(tmp_path.iterdir())


# --- atlases --------------------------------------------------------------------------------
def _page_image(layout, page, dpi=50):
    atlas = layout.atlas()
    atlas.beginRender()
    atlas.seekTo(page)
    return QgsLayoutExporter(layout).renderPageToImage(0, dpi=dpi)


def _pixel(image, layout, point: QgsPointXY, dpi):
    main = layout.itemById("main_map")
    x, y, width, height = mm(main)
    extent = main.extent()
    px = (x + (point.x() - extent.xMinimum()) / extent.width() * width) * dpi / 25.4
    py = (y + (extent.yMaximum() - point.y()) / extent.height() * height) * dpi / 25.4
    return image.pixelColor(int(px), int(py))


def test_township_atlas_sets_the_township_apart(plan):
    """Inside the township the plan's colours show; every neighbour lies under a light veil."""
    builder = SheetBuilder(plan)
    coverage = township_coverage(plan)
    layout = township_atlas(builder, coverage)
    features = list(coverage.getFeatures())
    page = next(i for i, f in enumerate(features) if f["XZQMC"] == "卿头镇")
    dpi = 50
    image = _page_image(layout, page, dpi)
    current = features[page].geometry()
    others = QgsGeometry.unaryUnion([f.geometry() for f in features if f.id() != features[page].id()])
    extent = layout.itemById("main_map").extent()
    rng = random.Random(7)
    inside, outside = [], []
    while len(inside) < 300 or len(outside) < 300:
        point = QgsPointXY(
            rng.uniform(extent.xMinimum(), extent.xMaximum()), rng.uniform(extent.yMinimum(), extent.yMaximum())
        )
        geometry = QgsGeometry.fromPointXY(point)
        if current.buffer(-150, 4).contains(geometry) and len(inside) < 300:
            inside.append(_pixel(image, layout, point, dpi).lightness())
        elif others.buffer(-150, 4).contains(geometry) and len(outside) < 300:
            outside.append(_pixel(image, layout, point, dpi).lightness())
    assert sum(v < 180 for v in inside) > 0.5 * len(inside)  # full colour (farmland is darker than 180)
    assert sum(v >= 180 for v in outside) > 0.95 * len(outside)  # dimmed (labels may fall on a few)


@pytest.mark.parametrize("kind", ["township", "site"])
def test_inset_marks_the_current_unit_only(plan, check_outputs, kind):
    """The inset marks exactly the page's unit, drawn from a copy of the coverage (no layer style
    overrides: on QGIS 3.22 they corrupted memory when the layout was freed)."""
    builder = SheetBuilder(plan)
    if kind == "township":
        layout = township_atlas(builder, township_coverage(plan))
    else:
        layout = site_atlas(builder, *atlas_layers(check_outputs[1][SUMMARY], check_outputs[1][CONFLICTS]))
    inset = layout.itemById("inset_map")
    assert inset.layerStyleOverrides() == {}
    marked = inset.layers()[0]
    assert marked is not layout.atlas().coverageLayer()
    atlas = layout.atlas()
    atlas.beginRender()
    for page in range(atlas.count()):
        atlas.seekTo(page)
        context = QgsRenderContext()
        context.setExpressionContext(inset.createExpressionContext())
        renderer = marked.renderer().clone()
        renderer.startRender(context, marked.fields())
        hits = [f.attributes() for f in marked.getFeatures() if renderer.willRenderFeature(f, context)]
        renderer.stopRender(context)
        assert hits == [layout.reportContext().feature().attributes()], page
    atlas.endRender()


def test_atlases_page_per_unit_and_read_back(plan, check_outputs, tmp_path):
    sites, outputs = check_outputs
    builder = SheetBuilder(plan)
    paths = run_jobs(
        print_jobs(
            builder,
            tmp_path,
            [],
            PDF,
            72,
            lambda: township_coverage(plan),
            lambda: atlas_layers(outputs[SUMMARY], outputs[CONFLICTS]),
        )
    ).paths
    townships, site_pages = paths
    assert (townships.parent.name, site_pages.parent.name) == ("atlas_townships", "atlas_sites")
    assert pdf_pages(townships) == plan["XZQ_XZ"].featureCount() == 10
    assert pdf_pages(site_pages) == sites.featureCount()
    assert "卿头镇国土空间规划指引图" in pdf_text(townships) and "永久基本农田" in pdf_text(townships)
    text = pdf_text(site_pages)
    assert "项目选址合规性检查图" in text and "城区商业综合体项目" in text


def test_site_atlas_context_scale_bar_and_inset(plan, check_outputs, tmp_path):
    """Context layers around the site, a scale bar in round metres, the site marked in the inset."""
    sites, outputs = check_outputs
    builder = SheetBuilder(plan)
    site_layer, extra = atlas_layers(outputs[SUMMARY], outputs[CONFLICTS])
    layout = site_atlas(builder, site_layer, extra)
    drawn = [layer.id() for layer in layout.itemById("main_map").layers()]
    names = [layer.name() for layer in layout.itemById("main_map").layers()]
    assert {"乡镇级行政区", "综合交通", "生态保护红线", "永久基本农田", "城镇开发边界"} <= set(names)
    assert drawn.index(site_layer.id()) < drawn.index(extra[0].id()) < names.index("生态保护红线")
    path = export_atlas(layout, tmp_path / "sites.pdf", PDF, 72)[0]
    bar = layout.itemById("scale_bar")
    x, y, width, height = mm(bar)
    for page in range(1, pdf_pages(path) + 1):
        words = sorted(
            (w for w in pdf_words(path, page) if x - 2 <= w[0] <= x + 150 and y - 2 <= w[1] <= y + height),
            key=lambda w: w[0],
        )
        texts = [w[3] for w in words]
        assert "米" in texts and not any("千米" in w for w in texts), (page, texts)
        numbers = [float(w) for w in texts if re.fullmatch(r"[0-9.]+", w)]
        assert len(numbers) >= 3, (page, texts)
        step = numbers[1] - numbers[0]
        assert numbers[0] == 0 and all(n == round(n) for n in numbers), (page, texts)
        assert re.fullmatch(r"(1|2|2\.5|5)0*", f"{step:g}"), (page, step)  # 10, 20, 25, 50, 100, …
        assert all(abs((b - a) - step) < 1e-9 for a, b in zip(numbers, numbers[1:])), (page, texts)
    atlas = layout.atlas()
    atlas.beginRender()
    for page in range(atlas.count()):  # round scales, and a bar within the template's bounds
        atlas.seekTo(page)
        scale = layout.itemById("main_map").scale()
        assert round(scale) in (1000, 2000, 2500, 5000, 10000, 20000, 25000, 50000, 100000), (page, scale)
        length_mm = bar.unitsPerSegment() * bar.numberOfSegments() * 1000 / scale
        assert bar.minimumBarWidth() - 1e-6 <= length_mm <= bar.maximumBarWidth() + 1e-6, (page, length_mm)
        QgsLayoutExporter(layout).renderPageToImage(0, dpi=15)  # the legend learns its size when painted
        _, legend_top, legend_width, legend_height = mm(layout.itemById("legend"))
        _, figures_top, _, _ = mm(layout.itemById("figures"))
        assert legend_top + legend_height <= figures_top, page  # never over the site's figures
        assert mm(layout.itemById("legend"))[0] + legend_width <= 420 - 5, page  # nor off the page
    atlas.endRender()
    magenta = QColor(colours()["atlas"]["inset_site"]["fill"])
    dpi = 60
    for page in (0, 3):
        image = _page_image(layout, page, dpi)
        ix, iy, iw, ih = (v * dpi / 25.4 for v in mm(layout.itemById("inset_map")))
        marked = sum(
            1
            for px in range(int(ix), int(ix + iw), 2)
            for py in range(int(iy), int(iy + ih), 2)
            if _close(image.pixelColor(px, py), magenta)
        )
        assert marked >= 4, page  # the site's marker in the inset


def test_png_atlases_each_in_its_folder_and_only_this_runs_pages(plan, check_outputs, tmp_path):
    """Each atlas's pages in its own folder, listed as written: a page an earlier run left (a site
    since renamed) is neither listed nor left beside them."""
    sites, outputs = check_outputs
    stale = tmp_path / "atlas_sites" / "site_OLD-ID.png"
    stale.parent.mkdir()
    stale.write_bytes(b"an earlier run's page")
    paths = run_jobs(
        print_jobs(
            SheetBuilder(plan),
            tmp_path,
            [],
            PNG,
            10,
            lambda: township_coverage(plan),
            lambda: atlas_layers(outputs[SUMMARY], outputs[CONFLICTS]),
        )
    ).paths
    townships = sorted(p.name for p in (tmp_path / "atlas_townships").iterdir())
    site_pages = sorted(p.name for p in (tmp_path / "atlas_sites").iterdir())
    assert len(townships) == plan["XZQ_XZ"].featureCount() and all(n.startswith("township_") for n in townships)
    assert len(site_pages) == sites.featureCount() and all(n.startswith("site_") for n in site_pages)
    assert not stale.exists()
    assert sorted(p.name for p in paths) == sorted(townships + site_pages)


def test_site_atlas_pages_named_by_the_sites_key(plan, demo_gpkg, tmp_path):
    """Two sites with one id (and one without) still get a page file each: named by site_fid."""
    from helpers import memory_layer

    demo = QgsVectorLayer(f"{demo_gpkg}|layername=sites", "sites", "ogr")
    features = list(demo.getFeatures())[:3]
    sites = memory_layer(
        "Polygon",
        demo.crs().authid(),
        ["XMBH:string"],
        [(f.geometry().asWkt(), [value]) for f, value in zip(features, ["A-1", "A-1", None])],
        name="用地红线",
    )
    outputs = result_layers(run_compliance(sites, plan, load_ruleset(), CheckParams(AreaMethod.create())))
    site_layer, extra = atlas_layers(outputs[SUMMARY], outputs[CONFLICTS])
    keys = sorted(f["site_fid"] for f in site_layer.getFeatures())
    assert len(set(keys)) == 3
    pages = export_atlas(site_atlas(SheetBuilder(plan), site_layer, extra), tmp_path / "sites.png", PNG, 15)
    assert sorted(p.name for p in pages) == sorted(f"site_{key}.png" for key in keys)


def _close(colour, target, tolerance=40):
    return (
        abs(colour.red() - target.red()) + abs(colour.green() - target.green()) + abs(colour.blue() - target.blue())
    ) < tolerance


# --- dialog ---------------------------------------------------------------------------------
def test_dialog_exports_in_steps_and_previews(demo_gpkg, qgis_iface, tmp_path):
    project = QgsProject.instance()
    project.clear()
    load_into_project(inspect_source(Source("gpkg", str(demo_gpkg))), project)
    dialog = PrintDialog(qgis_iface)
    for i in range(dialog.sheetList.count()):
        keep = dialog.sheetList.item(i).data(256) in ("control_lines", "planning_zones")
        dialog.sheetList.item(i).setCheckState(2 if keep else 0)
    dialog.formatCombo.setCurrentIndex(1)
    dialog.dpiSpin.setValue(72)
    dialog.folderEdit.setText(str(tmp_path))
    assert dialog.export()
    deadline = time.time() + 60
    while dialog.busy() and time.time() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.01)
    assert sorted(p.name for p in tmp_path.glob("*.png")) == sorted(["三条控制线图.png", "规划分区图.png"])
    assert dialog.progressBar.value() == 100
    assert f"{tmp_path}</a>" in dialog.statusLabel.text()  # a link to the folder it wrote
    layout = dialog.preview()
    assert layout is not None and project.layoutManager().layoutByName(layout.name()) is layout
    assert layout.itemById("scale_bar") is not None and layout.itemById("north_arrow") is not None
    dialog.siteAtlasCheck.setChecked(True)
    assert dialog.export() is False  # no compliance result in the project: a clear error
    project.clear()


def test_dialog_cancel_stops_before_the_next_sheet(demo_gpkg, qgis_iface, tmp_path):
    project = QgsProject.instance()
    project.clear()
    load_into_project(inspect_source(Source("gpkg", str(demo_gpkg))), project)
    dialog = PrintDialog(qgis_iface)
    dialog.dpiSpin.setValue(72)
    dialog.formatCombo.setCurrentIndex(1)
    dialog.folderEdit.setText(str(tmp_path))
    assert dialog.export()
    dialog.cancel()  # before the first job has run
    deadline = time.time() + 60
    while dialog.busy() and time.time() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.01)
    assert list(tmp_path.glob("*.png")) == []
    assert dialog.statusLabel.text() == "Export canceled after 0 files"
    project.clear()


def test_township_figures_sum_to_the_city(plan):
    """乡镇规划指引: each figure summed over the townships equals the city's (shapely, directly)."""
    from shapely.ops import unary_union

    from helpers import shapes
    from yongji_plugin.core.guidance.township_figures import township_figures

    rows = township_figures(plan)
    assert len(rows) == 10
    farmland = unary_union([g for _, g in shapes(plan["YJJBNT"])]).area / 1e4
    assert abs(sum(r["YJJBNT"] for r in rows) - farmland) < 1e-6 * farmland
    cultivated = sum(g.area for f, g in shapes(plan["DLTB"]) if f["DLBM"].startswith("01")) / 1e4
    assert abs(sum(r["GD"] for r in rows) - cultivated) < 1e-6 * cultivated


def test_atlas_pages_are_named_in_the_users_language(plan, locale):
    """Pages were named township_… and site_… in a Chinese QGIS."""
    from yongji_plugin.core.printing.atlases import page_prefix

    locale("zh_CN")
    assert page_prefix(township_atlas(SheetBuilder(plan), township_coverage(plan)).atlas()) == "乡镇_"


def test_report_maps_name_the_unit_as_the_sheets_do(locale):
    """Report maps' scale bars said "km" where the sheets say 千米."""
    from yongji_plugin.core.plan_data.map_image import unit_suffix
    from yongji_plugin.paths import resource

    locale("zh_CN")
    assert (unit_suffix(True), unit_suffix(False)) == (" 千米", " 米")
    assert all('unitLabel="千米"' in path.read_text(encoding="utf-8") for path in resource("layouts").glob("*.qpt"))


def test_change_maps_name_the_unit_as_the_sheets_do(locale):
    """The version change map (and its printed sheet) drew its own scale bar, labelled "5 km" under
    a Chinese QGIS where every other map says 千米; no module writes the unit itself any more."""
    from yongji_plugin.core.versions.change_maps import bar_label
    from yongji_plugin.paths import PACKAGE_DIR

    locale("zh_CN")
    assert (bar_label(5000.0), bar_label(500.0), bar_label(2000.0)) == ("5 千米", "500 米", "2 千米")
    spelled = [
        str(path)
        for path in PACKAGE_DIR.rglob("*.py")
        if re.search(r"""[0-9}]\s?km["']""", path.read_text(encoding="utf-8"))
    ]
    assert not spelled
