"""The review report: escaped HTML, a PDF whose text holds the tables, a map per site."""
from helpers import memory_layer, pdf_text
from qgis.core import QgsVectorLayer

from yongji_plugin.core.plan_data.loader import open_plan
from yongji_plugin.core.plan_data.sources import Source
from yongji_plugin.core.shared.areas import AreaMethod
from yongji_plugin.core.site_check.check import CheckParams, run_compliance
from yongji_plugin.core.site_check.report import render_html, write_report
from yongji_plugin.core.site_check.ruleset import load_ruleset


def test_report_html_pdf_and_maps(demo_gpkg, tmp_path, locale):
    locale("zh_CN")
    plan = open_plan(Source("gpkg", str(demo_gpkg)))
    sites = QgsVectorLayer(f"{demo_gpkg}|layername=sites", "sites", "ogr")
    result = run_compliance(sites, plan, load_ruleset(), CheckParams(AreaMethod.create(), data_source="demo"))
    paths = write_report(result, tmp_path / "report.html")
    html = paths["html"].read_text(encoding="utf-8")
    assert html.count("<img ") == sites.featureCount()
    assert all((tmp_path / "report_maps" / f"site_{i:04d}.png").stat().st_size > 2000
               for i in range(1, sites.featureCount() + 1))
    text = pdf_text(paths["pdf"])  # raw: a glyph read back as a Kangxi radical fails here
    for expected in ("项目选址合规性审查报告", "不合规", "生态保护红线", "永久基本农田", "平面面积", "审核人"):
        assert expected in text, expected
    limited = write_report(result, tmp_path / "limited" / "report.html", map_limit=3)
    assert limited["html"].read_text(encoding="utf-8").count("<img ") == 3
    assert len(list((tmp_path / "limited" / "report_maps").glob("*.png"))) == 3


def test_attribute_values_are_escaped(demo_gpkg):
    plan = open_plan(Source("gpkg", str(demo_gpkg)))
    site = memory_layer("Polygon", "EPSG:4546", ["XMBH:string", "XMMC:string"], [(
        "POLYGON((452000 3860000, 452100 3860000, 452100 3860100, 452000 3860100, 452000 3860000))",
        ["<b>1</b>", "<script>alert(1)</script>"])])
    result = run_compliance(site, plan, load_ruleset(), CheckParams(AreaMethod.create()))
    html = render_html(result)
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    assert "<b>1</b>" not in html
