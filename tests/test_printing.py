"""专题图打印: every sheet exports from the demo, shows its title and legend, atlases page per unit."""
import subprocess
import time
import unicodedata

import pytest
from qgis.core import QgsApplication, QgsProject, QgsVectorLayer
from qgis.PyQt.QtGui import QImage

from yongji_plugin.core.measures.township_figures import township_coverage
from yongji_plugin.core.plan_data.loader import (
    inspect_source,
    load_into_project,
    open_plan,
)
from yongji_plugin.core.plan_data.sources import Source
from yongji_plugin.core.printing.jobs import print_jobs, run_jobs
from yongji_plugin.core.printing.map_sheets import load_sheets
from yongji_plugin.core.printing.sheets import PDF, PNG, SheetBuilder
from yongji_plugin.core.shared.areas import AreaMethod
from yongji_plugin.core.shared.errors import PlanError
from yongji_plugin.core.site_check.check import CheckParams, run_compliance
from yongji_plugin.core.site_check.outputs import CONFLICTS, SUMMARY, result_layers
from yongji_plugin.core.site_check.result_styles import atlas_layers
from yongji_plugin.core.site_check.ruleset import load_ruleset
from yongji_plugin.gui.printing.dialog import PrintDialog

PLAN_SHEETS = {"国土空间总体格局图", "三条控制线图", "规划分区图", "生态保护格局图", "自然保护地分布图",
               "农业空间规划图", "村庄分类图", "城镇体系规划图", "历史文化保护规划图",
               "中心城区建筑高度控制图", "综合交通规划图"}


def pdf_text(path):
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    return unicodedata.normalize("NFKC", text)


def pdf_pages(path):
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages")))


def non_white_share(path):
    image = QImage(str(path)).scaled(200, 200)
    dark = sum(1 for x in range(200) for y in range(200) if image.pixelColor(x, y).lightness() < 235)
    return dark / 40000


@pytest.fixture(scope="module")
def plan(demo_gpkg):
    layers = open_plan(Source("gpkg", str(demo_gpkg)))
    yield layers
    layers.clear()


def test_sheets_declared_are_the_plans():
    assert {s.title for s in load_sheets().sheets} >= PLAN_SHEETS


def test_every_sheet_exports_pdf_and_png(plan, tmp_path):
    builder = SheetBuilder(plan)
    pdfs = run_jobs(print_jobs(builder, tmp_path / "pdf", None, PDF, 100)).paths
    pngs = run_jobs(print_jobs(builder, tmp_path / "png", None, PNG, 60)).paths
    assert len(pdfs) == len(pngs) == len(load_sheets().sheets)
    catalogue_names = {code: builder.layer(code).name() for s in load_sheets().sheets for code in s.layers}
    for sheet, pdf, png in zip(load_sheets().sheets, pdfs, pngs):
        text = pdf_text(pdf)
        assert sheet.title in text, sheet.id
        assert "2000国家大地坐标系 高斯-克吕格投影 中央经线111°" in text
        shown = [catalogue_names[code] for code in sheet.layers]
        assert any(name in text for name in shown), (sheet.id, shown)
        assert non_white_share(png) > 0.05, sheet.id
    control = pdf_text(pdfs[[s.id for s in load_sheets().sheets].index("control_lines")])
    for name in ("生态保护红线", "永久基本农田", "城镇集中建设区", "图例"):
        assert name in control
    assert "历史建筑" not in control  # legends list only what the sheet shows


def test_atlas_pages_match_townships_and_sites(plan, demo_gpkg, tmp_path):
    sites = QgsVectorLayer(f"{demo_gpkg}|layername=sites", "sites", "ogr")
    outputs = result_layers(run_compliance(sites, plan, load_ruleset(), CheckParams(AreaMethod.create())))
    builder = SheetBuilder(plan)
    paths = run_jobs(print_jobs(builder, tmp_path, [], PDF, 72, lambda: township_coverage(plan),
                                lambda: atlas_layers(outputs[SUMMARY], outputs[CONFLICTS]))).paths
    townships, site_pages = paths
    assert pdf_pages(townships) == plan["XZQ_XZ"].featureCount() == 10
    assert pdf_pages(site_pages) == sites.featureCount()
    text = pdf_text(townships)
    assert "卿头镇国土空间规划指引图" in text and "永久基本农田" in text
    assert "项目选址合规性检查图" in pdf_text(site_pages) and "城区商业综合体项目" in pdf_text(site_pages)


def test_missing_layer_is_named(plan, tmp_path):
    partial = {k: v for k, v in plan.items() if k != "YJJBNT"}
    with pytest.raises(PlanError, match=r"永久基本农田 \(YJJBNT\)"):
        print_jobs(SheetBuilder(partial), tmp_path, ["control_lines"], PDF, 72)
    assert not list(tmp_path.iterdir())


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
    assert sorted(p.name for p in tmp_path.glob("*.png")) == ["control_lines_三条控制线图.png",
                                                             "planning_zones_规划分区图.png"]
    assert dialog.progressBar.value() == 100
    layout = dialog.preview()
    assert layout is not None and project.layoutManager().layoutByName(layout.name()) is layout
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
    from helpers import shapes
    from shapely.ops import unary_union

    from yongji_plugin.core.measures.township_figures import township_figures

    rows = township_figures(plan)
    assert len(rows) == 10
    farmland = unary_union([g for _, g in shapes(plan["YJJBNT"])]).area / 1e4
    assert abs(sum(r["YJJBNT"] for r in rows) - farmland) < 1e-6 * farmland
    cultivated = sum(g.area for f, g in shapes(plan["DLTB"]) if f["DLBM"].startswith("01")) / 1e4
    assert abs(sum(r["GD"] for r in rows) - cultivated) < 1e-6 * cultivated
