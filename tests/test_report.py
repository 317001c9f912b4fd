"""The review report: a document a reviewer signs, read back from its PDF; its maps, looked at
pixel by pixel; the rules' basis against the plan's own text; big batches summarised."""

import gc
import html as html_lib
import re
import subprocess
import unicodedata
from pathlib import Path

import pytest
import yaml
from qgis.core import QgsFeedback, QgsGeometry, QgsPointXY, QgsVectorLayer
from qgis.PyQt.QtGui import QColor, QImage

from helpers import memory_layer
from yongji_plugin.core.plan_data.map_image import bar_length, distance_text, round_scale, scale_text
from yongji_plugin.core.plan_data.styles import colours
from yongji_plugin.core.shared.areas import AreaMethod
from yongji_plugin.core.site_check.check import NONCOMPLIANT, CheckParams, run_compliance
from yongji_plugin.core.site_check.report import (
    ReportWriter,
    boundary_points,
    detailed_sites,
    render_html,
    write_report,
)
from yongji_plugin.core.site_check.ruleset import default_ruleset_path, load_ruleset
from yongji_plugin.paths import resource

PLAN_SUMMARY = resource("plan", "yongji_plan_2020_2035_public_summary.txt")


@pytest.fixture(scope="module")
def result(plan, demo_gpkg, qgis_app):
    from yongji_plugin import i18n

    sites = QgsVectorLayer(f"{demo_gpkg}|layername=sites", "示例用地红线", "ogr")
    i18n.install_translator("zh_CN")  # the verdicts' reasons in Chinese, as a Chinese QGIS writes them
    try:
        outcome = run_compliance(sites, plan, load_ruleset(), CheckParams(AreaMethod.create(), data_source="demo"))
    finally:
        i18n.remove_translator()
    yield outcome
    del outcome
    gc.collect()


@pytest.fixture(scope="module")
def report(result, tmp_path_factory, qgis_app):
    """The demo report in Chinese: its writer (maps and all) and the PDF's text."""
    from yongji_plugin import i18n

    i18n.install_translator("zh_CN")
    try:
        writer = ReportWriter(result, tmp_path_factory.mktemp("report") / "report.html")
        paths = writer.write()
    finally:
        i18n.remove_translator()
    yield writer, paths, pdf_text(paths["pdf"])
    del writer
    gc.collect()


def pdf_text(path) -> str:
    """The PDF's text layer as pdftotext reads it, table rows kept on their lines."""
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def body(text: str) -> str:
    """The text without the running footer and header where a page breaks."""
    return re.sub(r"第 \d+ 页 共 \d+ 页\s*\x0c\s*(项目选址合规性审查报告\s*\S+\s*)?", "", text)


def pdf_pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def squeeze(text: str) -> str:
    """Text without line breaks and spaces (pdftotext wraps table cells where the PDF does)."""
    return re.sub(r"\s+", "", text)


def assert_in_order(text: str, expected) -> None:
    """Each of ``expected`` after the one before (spaces and line breaks ignored)."""
    text, position = squeeze(text), 0
    for item in map(squeeze, expected):
        found = text.find(item, position)
        assert found >= 0, f"{item!r} missing after position {position}"
        position = found + len(item)


def sections(text: str) -> dict:
    """PDF text per site section, by section number."""
    marks = [(int(m.group(1)), m.start()) for m in re.finditer(r"§(\d+) YJ", text)]
    return {
        number: text[start : (marks[i + 1][1] if i + 1 < len(marks) else len(text))]
        for i, (number, start) in enumerate(marks)
    }


# -- the document -------------------------------------------------------------------------


def test_cover_summary_and_signature_read_back_in_order(report, result):
    writer, paths, text = report
    pages = pdf_pages(paths["pdf"])
    assert_in_order(
        text,
        [
            "项目选址合规性审查报告",
            "项目数据",
            "用地红线图层",
            "示例用地红线",
            "审查地块数",
            "23",
            "规划依据",
            "《永济市国土空间总体规划（2020-2035年）》",
            "面积计算方法",
            "平面面积（EPSG:4546）",
            "审查结论",
            "共审查 23 个地块：合规 10 个，1 个需论证，不合规 12 个，未检查 0 个。",
            "不合规地块：YJ2026-004",
            "审查人",
            "复核人",
            "日期",
            f"第 1 页 共 {pages} 页",
        ],
    )
    assert_in_order(
        body(text),
        [
            "审查规则及依据",
            "1. 生态保护红线（STBHHX）",
            "判定方式：不得压占",
            "适用范围：全部地块",
            "规划条文：",
            "国家规定：",
            "地块汇总表",
            "序号",
            "项目编号",
            "项目名称",
            "用地面积",
            "结论",
            "主要问题",
            "详见",
            "m²",
            "亩",
            "1",
            "YJ2026-001",
            "§1",
            "§1 YJ2026-001",
        ],
    )
    for number in range(1, 24):  # every site in the summary, in input order
        assert f"YJ2026-{number:03d}" in text
    assert f"第 {pages} 页 共 {pages} 页" in text
    # the plugin's own rule set by name and version, no path inside the plugin folder
    assert "插件默认规则集" in squeeze(text) and "default.yaml" not in squeeze(text)


def test_rule_tables_say_what_each_figure_is(report, result):
    writer, paths, text = report
    parts = sections(body(text))
    assert sorted(parts) == list(range(1, 24))
    site4 = parts[4]  # 中条山输电线路塔基 on the red line, a 基础设施 site
    assert_in_order(
        site4,
        [
            "不得压占的控制线",
            "控制线",
            "压占面积",
            "占项目面积比例",
            "判定",
            "m²",
            "公顷",
            "亩",
            "生态保护红线",
            "16,200.00",
            "1.6200",
            "24.30",
            "50.00%",
            "压占（不合规）",
            "依据：",
        ],
    )
    assert_in_order(
        site4,
        [
            "须位于城镇开发边界内",
            "控制线",
            "超出城镇开发边界面积",
            "占项目面积比例",
            "判定",
            "m²",
            "公顷",
            "亩",
            "城镇开发边界",
            "不适用",
            "不适用：本规则仅适用于XMLX 为 城镇建设 的地块",
            "依据：",
        ],
    )
    within = site4[site4.find("须位于城镇开发边界内") :]
    assert "100.00%" not in within[: within.find("依据")]  # 不适用 is not "all inside"
    site6 = parts[6]  # 城郊物流仓储项目: an urban site partly outside the boundary
    outside = next(o for o in result.sites[5].outcomes.values() if o.rule.kind == "within")
    assert_in_order(site6, ["超出城镇开发边界面积", "城镇开发边界", f"{outside.area:,.2f}", "超出边界（不合规）"])
    assert_in_order(
        parts[1],
        [
            "三调地类构成",
            "三调地类类别",
            "面积",
            "占项目面积比例",
            "m²",
            "公顷",
            "亩",
            "20 城镇村及工矿用地",
            "依据：",
            "规划分区构成",
            "规划分区类别",
            "04 城镇发展区",
        ],
    )


def test_every_verdict_quotes_its_basis(report, result):
    writer, paths, text = report
    text = body(text)
    site4 = sections(text)[4]
    for rule in result.ruleset.rules:
        quote = squeeze(f"“{rule.basis.plan}”")
        assert squeeze(text).count(quote) >= 21, rule.id  # rules section + every site section
        assert_in_order(site4, [squeeze(rule.title), "依据：", quote, squeeze(rule.basis.national)])


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)  # full-width punctuation → ASCII, as the summary has it
    return squeeze(text.replace("“", '"').replace("”", '"'))


def test_rule_basis_is_data_and_quotes_the_plan():
    summary = _normalise(PLAN_SUMMARY.read_text(encoding="utf-8"))
    raw = yaml.safe_load(default_ruleset_path().read_text(encoding="utf-8"))
    assert raw["plan"] == "《永济市国土空间总体规划（2020-2035年）》"
    for rule in load_ruleset().rules:
        assert rule.basis.plan and rule.basis.national, rule.id
        assert _normalise(rule.basis.plan) in summary, rule.id
        assert rule.basis.national.startswith("《"), rule.id  # names its document
    clauses = {r.id: r.basis.plan for r in load_ruleset().rules}
    assert "核心保护区原则上禁止人为活动" in clauses["no_overlap_ecological_redline"]
    assert "严控建设占用永久基本农田" in clauses["no_overlap_permanent_farmland"]
    assert "规划期内原则上不得调整" in clauses["within_urban_boundary"]


def test_bad_basis_is_a_clear_error(tmp_path):
    from yongji_plugin.core.shared.errors import PlanError

    raw = yaml.safe_load(default_ruleset_path().read_text(encoding="utf-8"))
    raw["rules"][0]["basis"] = {"plan": "x", "law": "y"}
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(PlanError, match="basis"):
        load_ruleset(path)


# -- the maps -----------------------------------------------------------------------------


def _image(writer, relative) -> QImage:
    image = QImage(str(writer.html_path.parent / relative))
    assert not image.isNull(), relative
    return image


def _pixel(image, site_map, x, y):
    extent = site_map.extent
    return (
        int((x - extent.xMinimum()) / extent.width() * image.width()),
        int((extent.yMaximum() - y) / extent.height() * image.height()),
    )


def _colour_counts(image, step=4):
    counts = {}
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            rgb = image.pixel(x, y) & 0xFFFFFF
            counts[rgb] = counts.get(rgb, 0) + 1
    return counts


def _near(image, x, y, colour: QColor, radius=3, tolerance=60) -> bool:
    for dy in range(-radius, radius + 1):
        for dx in range(-radius, radius + 1):
            if 0 <= x + dx < image.width() and 0 <= y + dy < image.height():
                c = image.pixelColor(x + dx, y + dy)
                if (
                    abs(c.red() - colour.red()) + abs(c.green() - colour.green()) + abs(c.blue() - colour.blue())
                    <= tolerance
                ):
                    return True
    return False


def _outline_points(part: QgsGeometry, count=12):
    ring = QgsGeometry(part.constGet().exteriorRing().clone())
    return [ring.interpolate(ring.length() * k / count).asPoint() for k in range(count)]


def _grid_inside(geometry, site_map, image, step=6):
    """Pixels on a grid whose map position lies inside ``geometry``."""
    extent = site_map.extent
    pixels = []
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            point = QgsGeometry.fromPointXY(
                QgsPointXY(
                    extent.xMinimum() + (x + 0.5) / image.width() * extent.width(),
                    extent.yMaximum() - (y + 0.5) / image.height() * extent.height(),
                )
            )
            if geometry.contains(point):
                pixels.append((x, y))
    return pixels


def test_each_site_map_shows_the_site_where_it_is(report, result):
    writer, paths, text = report
    site_colour = QColor(colours()["single"]["site"]["stroke"])
    hatch = QColor(colours()["single"]["conflict"]["hatch"][:7])
    checked = []
    for index, site_result in enumerate(result.sites):
        maps = writer.maps[index]
        geometry = site_result.site.geometry
        parts = geometry.asGeometryCollection()
        for site_map in maps.conflicts + [maps.location]:
            counts = _colour_counts(_image(writer, site_map.path))
            assert len(counts) >= 8 and max(counts.values()) < 0.9 * sum(counts.values()), site_map.path
        assert maps.location.extent.contains(geometry.boundingBox())
        pieces = [p for p in result.pieces if p.site_id == site_result.site.site_id]
        for part in parts:  # every part of the site on a conflict map, its outline where it is
            site_map = next(m for m in maps.conflicts if m.extent.contains(part.boundingBox()))
            image = _image(writer, site_map.path)
            for k, point in enumerate(_outline_points(part)):
                assert _near(image, *_pixel(image, site_map, point.x(), point.y()), site_colour), (index, k)
        for piece in (p for p in pieces if p.area > 200):  # conflict pieces hatched where they are
            site_map = next(m for m in maps.conflicts if m.extent.intersects(piece.geometry.boundingBox()))
            image = _image(writer, site_map.path)
            clear = 1.5 * site_map.scale / 1000  # 1.5 mm on paper: clear of the site's outline
            inner = piece.geometry.buffer(-clear, 4)
            if inner.isEmpty():
                continue  # a piece thinner than the outline at this scale
            checked.append(index)
            inside = _grid_inside(inner, site_map, image)
            hatched = sum(1 for x, y in inside if _near(image, x, y, hatch, radius=4))
            assert inside and hatched >= 0.8 * len(inside), (index, hatched, len(inside))
        if not pieces:  # no hatch colour anywhere over a site without conflicts
            for site_map in maps.conflicts:
                image = _image(writer, site_map.path)
                box = geometry.boundingBox().intersect(site_map.extent)
                x0, y0 = _pixel(image, site_map, box.xMinimum(), box.yMaximum())
                x1, y1 = _pixel(image, site_map, box.xMaximum(), box.yMinimum())
                assert not any(
                    _near(image, x, y, hatch, radius=0, tolerance=40)
                    for y in range(y0, y1, 3)
                    for x in range(x0, x1, 3)
                ), index
    assert len(set(checked)) >= 8  # most non-compliant sites' pieces are wide enough to see hatched
    assert len(writer.maps[9].conflicts) == 2  # 两地块 far apart: a map for each


def test_maps_are_at_round_scales_with_round_scale_bars(report, result):
    writer, _, text = report
    for _index, maps in writer.maps.items():
        for site_map in maps.conflicts + [maps.location]:
            mantissa = site_map.scale / 10 ** (len(str(site_map.scale)) - 1)
            assert mantissa in (1, 2, 2.5, 5), site_map.scale
            assert scale_text(site_map.scale) in text
    assert round_scale(200, 200, (170, 115), fill=0.6) == 5000  # 200 m in 69 mm → 1:2 899 → 1:5 000
    assert bar_length(5000, 51) == 200 and bar_length(1_000_000, 24) == 20000
    assert distance_text(20000, True) == "20" and distance_text(250, False) == "250"
    assert scale_text(2500) == "1:2 500"


def test_legend_reads_back_in_order(report, result):
    writer, _, text = report
    site4 = sections(body(text))[4]
    legend = writer.maps[3].conflicts[0].legend
    labels = [row.label for row in legend]
    assert labels[:2] == ["项目用地红线", "冲突图斑"]
    assert "生态保护红线" in labels and "三调地类图斑" in labels
    assert_in_order(site4, ["冲突分析图", "图例"] + labels)
    assert [row.label for row in legend if row.image is None] == ["三调地类图斑"]  # a heading over its classes
    location = [row.label for row in writer.maps[3].location.legend]
    assert_in_order(site4, ["区位图"] + location[:2])


def test_conflict_hatch_differs_from_every_control_fill():
    """ΔE (CIE76) of the hatch colour from every control fill, as drawn over white, and opaque."""
    looks = colours()
    hatch = _rgb(looks["single"]["conflict"]["hatch"])
    fills = [
        looks["single"][k][part]
        for k in ("ecological_redline", "permanent_farmland", "urban_boundary", "protected_area", "heritage_line")
        for part in ("fill", "stroke")
    ]
    fills += list(looks["palettes"]["urban_boundary_type"].values())
    fills += list(looks["palettes"]["protected_area_type"].values()) + list(looks["palettes"]["land_class"].values())
    for fill in fills:
        for colour in (_rgb(fill), _rgb(fill[:7])):
            assert _delta_e(hatch, colour) > 40, fill


def _rgb(text):
    text = text.lstrip("#")
    alpha = int(text[6:8], 16) / 255 if len(text) == 8 else 1.0
    return tuple(int(text[i : i + 2], 16) * alpha + 255 * (1 - alpha) for i in (0, 2, 4))


def _delta_e(a, b):
    def lab(rgb):
        lin = [((v / 255 + 0.055) / 1.055) ** 2.4 if v / 255 > 0.04045 else v / 255 / 12.92 for v in rgb]
        x = (0.4124 * lin[0] + 0.3576 * lin[1] + 0.1805 * lin[2]) / 0.95047
        y = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
        z = (0.0193 * lin[0] + 0.1192 * lin[1] + 0.9505 * lin[2]) / 1.08883
        f = [t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116 for t in (x, y, z)]
        return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])

    return sum((p - q) ** 2 for p, q in zip(lab(a), lab(b))) ** 0.5


# -- big batches, coordinate files, cancel, escaping ---------------------------------------


def test_big_batch_summarises_and_says_what_it_left_out(result, tmp_path, locale):
    locale("zh_CN")
    chosen = detailed_sites(result, 3)
    worst = sorted(
        (s for s in result.sites if s.verdict == NONCOMPLIANT),
        key=lambda s: -sum(o.area for o in s.outcomes.values() if o.status == "conflict"),
    )[:3]
    assert [result.sites[i].site.site_id for i in chosen] == sorted(s.site.site_id for s in worst)
    paths = write_report(result, tmp_path / "report.html", detail_limit=3, outputs_note="check.gpkg 的图层")
    text = pdf_text(paths["pdf"])
    assert sorted(sections(text)) == [1, 2, 3]
    assert_in_order(
        body(text), ["本报告仅为 23 个地块中的 3 个编写详细章节", "其余 20 个地块仅列入汇总表", "见check.gpkg 的图层"]
    )
    for number in range(1, 21):
        assert f"YJ2026-{number:03d}" in text
    left_out = next(s for i, s in enumerate(result.sites) if s.verdict == NONCOMPLIANT and i not in chosen)
    row = next(line for line in text.splitlines() if re.match(rf"\s*\d+ {left_out.site.site_id} ", line))
    titles = [o.rule.title for o in left_out.outcomes.values() if o.status == "conflict"]
    assert all(title in row for title in titles) and "平方米" not in row  # one line: the rules it breaks
    maps = sorted(p.name for p in (tmp_path / "report_maps").glob("site_*.png"))
    assert len(maps) == 6 + (2 - 1) * (9 in chosen)  # a conflict and a location map for each of the three


def test_boundary_points_of_a_coordinate_file_site(plan, tmp_path, locale):
    locale("zh_CN")
    square = "POLYGON((452000 3860000, 452100 3860000, 452100 3860100, 452000 3860100, 452000 3860000))"
    sites = memory_layer(
        "Polygon",
        "EPSG:4546",
        ["DKBH:string", "DKMC:string", "JZDS:integer", "WJ:string"],
        [(square, ["D1", "测试地块", 5, "test.txt"])],
    )
    result = run_compliance(sites, plan, load_ruleset(), CheckParams(AreaMethod.create()))
    paths = write_report(result, tmp_path / "report.html", with_maps=False)
    text = pdf_text(paths["pdf"])
    assert_in_order(
        text,
        [
            "界址点坐标",
            "坐标系 EPSG:4546",
            "点号",
            "圈号",
            "X（北坐标）",
            "Y（东坐标）",
            "J1",
            "3860000.000",
            "452000.000",
            "J2",
            "3860000.000",
            "452100.000",
            "J4",
            "3860100.000",
            "452000.000",
            "J1",
        ],
    )
    rows = boundary_points(QgsGeometry.fromWkt(square))
    assert [r["name"] for r in rows] == ["J1", "J2", "J3", "J4", "J1"]
    plain = memory_layer("Polygon", "EPSG:4546", ["XMBH:string"], [(square, ["X1"])])
    html = render_html(run_compliance(plain, plan, load_ruleset(), CheckParams(AreaMethod.create())))
    assert "界址点" not in html and "X (northing)" not in html


@pytest.mark.parametrize("at", [0.0, 30.0])
def test_cancel_leaves_no_report(result, tmp_path, at):
    """Canceled before or while the maps are drawn: no HTML, PDF or map is left."""
    feedback = QgsFeedback()
    feedback.progressChanged.connect(lambda value: value >= at and feedback.cancel())
    if not at:
        feedback.cancel()
    assert write_report(result, tmp_path / "report.html", feedback=feedback) is None
    assert not (tmp_path / "report.html").exists() and not (tmp_path / "report.pdf").exists()
    assert not (tmp_path / "report_maps").exists()


def test_a_canceled_check_is_refused(result, tmp_path):
    from yongji_plugin.core.shared.errors import PlanError

    result.canceled = True
    try:
        with pytest.raises(PlanError, match="canceled"):
            write_report(result, tmp_path / "report.html")
    finally:
        result.canceled = False
    assert not (tmp_path / "report.html").exists()


def test_attribute_values_are_escaped(plan):
    site = memory_layer(
        "Polygon",
        "EPSG:4546",
        ["XMBH:string", "XMMC:string"],
        [
            (
                "POLYGON((452000 3860000, 452100 3860000, 452100 3860100, 452000 3860100, 452000 3860000))",
                ["<b>1</b>", "<script>alert(1)</script>"],
            )
        ],
    )
    result = run_compliance(site, plan, load_ruleset(), CheckParams(AreaMethod.create()))
    html = render_html(result)
    assert "<script>alert(1)</script>" not in html and html_lib.escape("<script>alert(1)</script>") in html
    assert "<b>1</b>" not in html


def test_report_pngs_and_html_agree(report):
    writer, paths, _ = report
    html = paths["html"].read_text(encoding="utf-8")
    images = re.findall(r'<img src="([^"]+)"', html)
    assert all((paths["html"].parent / Path(src)).exists() for src in images)
    assert sum(1 for src in images if "_conflict" in src) == 24  # one site has two parcels far apart
    assert sum(1 for src in images if src.endswith("_location.png")) == 23


def test_english_report_says_the_same_in_english(plan):
    """QGIS in English: the report's own words in English, the plan's clauses as the plan has them."""
    site = memory_layer(
        "Polygon",
        "EPSG:4546",
        ["XMBH:string", "XMLX:string"],
        [
            (
                "POLYGON((452000 3860000, 452100 3860000, 452100 3860100, 452000 3860100, 452000 3860000))",
                ["E1", "基础设施"],
            )
        ],
    )
    html = render_html(run_compliance(site, plan, load_ruleset(), CheckParams(AreaMethod.create())))
    for text in (
        "Project site compliance review report",
        "Reviewed by",
        "Verified by",
        "Rules and their basis",
        "Control lines the site must not overlap",
        "Overlap area",
        "Area outside 城镇开发边界",
        "not applicable: the rule covers sites whose XMLX is 城镇建设",
        "严控建设占用永久基本农田",
    ):
        assert html_lib.escape(text, quote=False) in html, text
    assert '<html lang="en">' in html


def test_boundary_points_stay_in_the_coordinate_files_crs(plan, tmp_path, locale):
    """A file in zone 37 with the prefix (EPSG:4525): the points were printed reprojected to
    EPSG:4546 under a note saying EPSG:4525."""
    locale("zh_CN")
    square = "POLYGON((37452000 3860000, 37452100 3860000, 37452100 3860100, 37452000 3860100, 37452000 3860000))"
    sites = memory_layer(
        "Polygon",
        "EPSG:4525",
        ["DKBH:string", "DKMC:string", "JZDS:integer", "WJ:string"],
        [(square, ["D1", "测试地块", 5, "test.txt"])],
    )
    result = run_compliance(sites, plan, load_ruleset(), CheckParams(AreaMethod.create()))
    assert result.sites[0].area == pytest.approx(1e4, rel=1e-9)
    text = pdf_text(write_report(result, tmp_path / "report.html", with_maps=False)["pdf"])
    assert_in_order(
        text, ["坐标系 EPSG:4525", "J1", "3860000.000", "37452000.000", "J2", "3860000.000", "37452100.000"]
    )
