"""规划指标 check against shapely computed directly; its layers, charts (both painters), report and map sheet."""

import subprocess
import sys
import unicodedata

import pytest
from pyproj import Geod, Transformer
from qgis.core import QgsLayoutItemPicture
from qgis.PyQt.QtGui import QImage
from shapely.ops import transform, unary_union

from cancel_feedback import CancelAt
from helpers import shapes
from yongji_plugin.core.indicators.check import (
    BREAKDOWN,
    COMPLIANCE,
    CONSISTENCY,
    run_indicator_check,
)
from yongji_plugin.core.indicators.definitions import AREA_UNITS, AT_LEAST, default_indicator_path, load_indicators
from yongji_plugin.core.indicators.outputs import findings_layer, township_layer
from yongji_plugin.core.indicators.report import city_chart, township_chart, write_indicator_report
from yongji_plugin.core.measuring import charts
from yongji_plugin.core.printing.result_sheets import result_sheet
from yongji_plugin.core.printing.sheets import PDF, SheetBuilder, export_layout
from yongji_plugin.core.shared.areas import AreaMethod
from yongji_plugin.core.shared.errors import PlanError

CRS = "EPSG:4546"


@pytest.fixture(scope="module")
def indicators():
    return load_indicators()


@pytest.fixture(scope="module")
def result(plan, indicators):
    return run_indicator_check(plan, indicators, AreaMethod.create())


@pytest.fixture(scope="module")
def units(plan):
    """shapely: the townships by name and the city, as the check must see them."""
    townships = {f["XZQMC"]: g for f, g in shapes(plan["XZQ_XZ"])}
    return townships, unary_union([g for _, g in shapes(plan["XZQ"])])


def _geodesic(geometry):
    to_degrees = Transformer.from_crs(CRS, "EPSG:4490", always_xy=True).transform
    return abs(Geod(ellps="GRS80").geometry_area_perimeter(transform(to_degrees, geometry))[0])


def expected_values(plan, indicator, units):
    """The indicator's value per unit (city under its own name), computed with shapely and pyproj only."""
    townships, city = units
    union = unary_union([g for _, g in shapes(plan[indicator.measure.layer], indicator.measure.filter)])
    measure = _geodesic if indicator.measure.method == "ellipsoidal" else (lambda g: g.area)
    values = {}
    for name, unit in list(townships.items()) + [("永济市", city)]:
        area = measure(union.intersection(unit))
        values[name] = 100 * area / measure(unit) if indicator.is_share else area / AREA_UNITS[indicator.unit][0]
    return values


def test_every_value_matches_shapely(plan, indicators, units, result):
    assert result.city_name == "永济市" and len(result.townships) == 10
    for indicator in indicators.indicators:
        for name, value in expected_values(plan, indicator, units).items():
            assert result.value(indicator.code, name) == pytest.approx(value, rel=1e-6, abs=1e-7), (
                indicator.code,
                name,
            )


def test_each_judgement_follows_the_values_and_targets(plan, indicators, units, result):
    expected = set()
    for indicator in indicators.indicators:
        values = expected_values(plan, indicator, units)
        for year in (2025, 2035):
            for name, value in values.items():
                target = indicator.target(year, None if name == "永济市" else name)
                if target is None:
                    continue
                ok = value >= target if indicator.direction == AT_LEAST else value <= target
                expected.add((indicator.code, name, year, ok))
    found = {(f.code, f.unit, f.year, f.ok) for f in result.of_kind(COMPLIANCE)}
    assert found == expected and any(not ok for *_, ok in found)
    assert result.status("永济市", 2035).achieved is True
    assert [n for n in result.townships if result.status(n, 2035).achieved is False] == [
        "城西街道",
        "蒲州镇",
        "卿头镇",
        "韩阳镇",
    ]
    assert [n for n in result.townships if result.status(n, 2025).achieved is False] == ["卿头镇"]


@pytest.mark.parametrize("backend", ["shapely", "qgis"])
def test_backends_judge_alike(plan, indicators, result, backend):
    other = run_indicator_check(plan, indicators, AreaMethod.create(), backend=backend)
    assert other.backend.lower().startswith(backend)
    assert [(f.kind, f.year, f.unit, f.code, f.ok) for f in other.findings] == [
        (f.kind, f.year, f.unit, f.code, f.ok) for f in result.findings
    ]
    for a, b in zip(other.findings, result.findings):
        assert a.value == pytest.approx(b.value, rel=1e-9)


def test_map_table_consistency_and_breakdown(plan, units, result):
    townships, city = units
    cultivated = unary_union([g for _, g in shapes(plan["DLTB"], "left(\"DLBM\", 2) = '01'")])
    ts01 = {(f.unit, f.year): f for f in result.of_kind(CONSISTENCY) if f.code == "TS-01"}
    assert len(ts01) == 22  # city and ten townships, two years
    city_2035 = ts01[("永济市", 2035)]
    assert city_2035.value == pytest.approx(cultivated.intersection(city).area / AREA_UNITS["万亩"][0], rel=1e-7)
    assert city_2035.reference == 80.0 and all(f.ok for f in ts01.values())
    ts02 = {(f.unit, f.year): f.ok for f in result.of_kind(CONSISTENCY) if f.code == "TS-02"}
    assert [k for k, ok in ts02.items() if not ok] == [("卿头镇", 2025), ("卿头镇", 2035), ("韩阳镇", 2035)]
    ts04 = [f for f in result.of_kind(CONSISTENCY) if f.code == "TS-04"]
    assert {f.year for f in ts04} == {2035}  # no 2025 scale: nothing to compare
    assert [f.unit for f in ts04 if not f.ok] == ["城西街道"]
    ts05 = [f for f in result.of_kind(CONSISTENCY) if f.code == "TS-05"]
    assert all(f.ok for f in ts05) and {f.unit for f in ts05} == set(townships) | {"永济市"}
    breakdown = {(f.code, f.year): f for f in result.of_kind(BREAKDOWN)}
    assert set(breakdown) == {
        (c, y) for c in ("GDBYL", "YJJBNT", "STBHHX", "CXJSYD", "LDBYL") for y in (2025, 2035)
    } | {("CZKFBJ", 2035)}
    assert all(f.ok for f in breakdown.values())
    assert breakdown[("CZKFBJ", 2035)].value == pytest.approx(5345.0)


def _edited(tmp_path, old, new):
    text = default_indicator_path().read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "indicators.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return load_indicators(path)


def test_a_breakdown_short_of_the_city_target(plan, tmp_path):
    edited = _edited(tmp_path, "targets: {2025: 71.75, 2035: 71.80}", "targets: {2025: 71.75, 2035: 72.00}")
    result = run_indicator_check(plan, edited.subset(["YJJBNT"]), AreaMethod.create())
    breakdown = {f.year: f for f in result.of_kind(BREAKDOWN)}
    assert breakdown[2025].ok and not breakdown[2035].ok
    assert breakdown[2035].value == pytest.approx(71.80) and breakdown[2035].gap == pytest.approx(-0.20)
    assert result.status("永济市", 2035).achieved is False  # 71.96 万亩 measured < 72.00


def test_a_township_the_data_lacks(plan, tmp_path):
    edited = _edited(tmp_path, "      韩阳镇: {2025: 1.95, 2035: 2.00}", "      韩杨镇: {2025: 1.95, 2035: 2.00}")
    with pytest.raises(PlanError, match="indicator YJJBNT: township 韩杨镇 is not in layer"):
        run_indicator_check(plan, edited, AreaMethod.create())


def test_missing_layers_are_named(plan, indicators):
    partial = {k: v for k, v in plan.items() if k != "YJJBNT"}
    with pytest.raises(PlanError, match=r"needs layer 永久基本农田 \(YJJBNT\), which is missing"):
        run_indicator_check(partial, indicators, AreaMethod.create())
    with pytest.raises(PlanError, match=r"乡镇级行政区 \(XZQ_XZ\)"):
        run_indicator_check({k: v for k, v in plan.items() if k != "XZQ_XZ"}, indicators, AreaMethod.create())


def test_a_filter_on_a_field_the_layer_lacks(plan, indicators):
    from qgis.core import QgsFeatureRequest

    parcels = plan["DLTB"].materialize(QgsFeatureRequest().setSubsetOfAttributes(["BSM"], plan["DLTB"].fields()))
    parcels.dataProvider().deleteAttributes(
        [parcels.fields().lookupField(n) for n in parcels.fields().names() if n != "BSM"]
    )
    parcels.updateFields()
    layers = dict(plan, DLTB=parcels)
    with pytest.raises(PlanError, match=r"lacks field DLBM, which the filter"):
        run_indicator_check(layers, indicators.subset(["GDBYL"]), AreaMethod.create())


@pytest.mark.parametrize("at", [0, 4, 9])  # before, midway, after the last of nine areas
def test_a_canceled_check_is_marked_and_never_written(plan, indicators, tmp_path, at):
    result = run_indicator_check(plan, indicators, AreaMethod.create(), CancelAt(reports=at))
    assert result.canceled and result.findings == []
    for write in (
        findings_layer,
        lambda r: township_layer(r, plan["XZQ_XZ"], 2035),
        lambda r: city_chart(r, 2035),
        lambda r: write_indicator_report(r, tmp_path / "r.html"),
    ):
        with pytest.raises(PlanError, match="canceled"):
            write(result)
    assert list(tmp_path.iterdir()) == []


def test_result_layers(plan, result):
    table = findings_layer(result)
    assert table.featureCount() == len(result.findings)
    checks = {f["check"] for f in table.getFeatures()}
    assert checks == {"Indicator compliance", "Map–table consistency", "Breakdown consistency"}
    short = [f for f in table.getFeatures() if f["status"] == "short of target"]
    assert len(short) == 5 and all(f["gap"] < 0 for f in short)
    townships = township_layer(result, plan["XZQ_XZ"], 2035)
    status = {f["XZQMC"]: (f["status"], f["n_short"]) for f in townships.getFeatures()}
    assert status["卿头镇"] == ("short of target", 1) and status["张营镇"] == ("achieved", 0)
    assert {f["YJJBNT_st"] for f in townships.getFeatures()} == {"achieved", "short of target"}
    assert {f["SDMJ_st"] for f in townships.getFeatures()} == {"no target"}
    assert [c.label() for c in townships.renderer().categories()] == ["achieved", "short of target", "no target"]


def _colour_share(path, hue_test):
    image = QImage(str(path))
    assert not image.isNull()
    hits = sum(
        1
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
        if image.pixelColor(x, y).saturation() > 80 and hue_test(image.pixelColor(x, y).hue())
    )
    return hits


def _check_chart_png(path):
    assert _colour_share(path, lambda h: 100 < h < 160) > 20  # achieved: green bars
    assert _colour_share(path, lambda h: h < 15 or h > 345) > 5  # short of target: red bars


def test_charts_with_matplotlib(result, tmp_path):
    pytest.importorskip("matplotlib")
    assert charts.chart_painter().startswith("matplotlib ")
    chart = township_chart(result, result.file.indicator("YJJBNT"), 2035)
    _check_chart_png(charts.draw_chart(chart, tmp_path / "a.png"))


def test_charts_without_matplotlib(result, tmp_path, monkeypatch, request):
    """The fallback where QGIS ships no matplotlib: the import is blocked, Qt paints the same chart."""
    from yongji_plugin.core.shared import optional

    monkeypatch.setitem(sys.modules, "matplotlib", None)
    optional.forget("matplotlib")  # detected once per process: detect it again, blocked
    request.addfinalizer(lambda: optional.forget("matplotlib"))  # and once more, unblocked, afterwards
    assert charts.matplotlib_version() is None and "Qt painter" in charts.chart_painter()
    chart = township_chart(result, result.file.indicator("YJJBNT"), 2035)
    _check_chart_png(charts.draw_chart(chart, tmp_path / "b.png"))
    bars = city_chart(result, 2035).bars
    assert len(bars) == 8 and all(b.state == charts.OK for b in bars)
    paths = write_indicator_report(result, tmp_path / "report.html", 2035)
    assert "Qt painter (matplotlib is not installed)" in paths["html"].read_text(encoding="utf-8")


def test_report_keeps_the_three_checks_apart(result, tmp_path):
    paths = write_indicator_report(result, tmp_path / "指标" / "report.html", 2035, "demo")
    html = paths["html"].read_text(encoding="utf-8")
    for heading in (
        "Indicator compliance",
        "Map–table consistency",
        "Breakdown consistency",
        "Indicators and how they are measured",
    ):
        assert f">{heading}</h2>" in html
    assert "planar area in EPSG:4546" in html and "CGCS2000 ellipsoidal" in html  # run method, GDBYL's own
    assert set(paths["charts"]) == {"city", "GDBYL", "YJJBNT", "STBHHX", "CZKFBJ", "CXJSYD", "LDBYL"}
    for chart in paths["charts"].values():
        assert f'src="report_charts/{chart.name}"' in html
    assert paths["pdf"].stat().st_size > 50000


def test_indicator_map_sheet(plan, result, tmp_path):
    chart = charts.draw_chart(city_chart(result, 2035), tmp_path / "chart.png")
    builder = SheetBuilder(plan)  # owns the project the layout draws from: keep it while exporting
    layout = result_sheet(builder, "indicators", township_layer(result, plan["XZQ_XZ"], 2035), chart, year=2035)
    assert isinstance(layout.itemById("chart"), QgsLayoutItemPicture)
    pdf = export_layout(layout, tmp_path / "sheet.pdf", PDF, 72)
    text = unicodedata.normalize(
        "NFKC", subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    )
    assert "规划指标达标情况图(2035年)" in text
    assert "图例" in text and "achieved" in text and "short of target" in text  # the status legend
    with pytest.raises(PlanError, match="No result map sheet nosuch"):
        result_sheet(SheetBuilder(plan), "nosuch", township_layer(result, plan["XZQ_XZ"], 2035))


def test_a_percentage_breakdown_is_weighted_by_township_area(plan, units, tmp_path):
    """分解一致性 of a % indicator added the townships' percentages (ten townships at 12 % read as
    120 % against the city's 12.5 %); the city's share is the area-weighted mean."""
    townships, city = units
    targets = {name: 10.0 + number for number, name in enumerate(sorted(townships))}
    lines = "".join(f"      {name}: {{2025: {value}, 2035: {value}}}\n" for name, value in targets.items())
    edited = _edited(
        tmp_path,
        "    targets: {2025: 12.5, 2035: 13.0}\n",
        "    targets: {2025: 12.5, 2035: 16.0}\n    townships:\n" + lines,
    )
    result = run_indicator_check(plan, edited.subset(["GTKFQD"]), AreaMethod.create())
    breakdown = {f.year: f for f in result.of_kind(BREAKDOWN)}
    expected = sum(v * townships[n].intersection(city).area for n, v in targets.items()) / city.area
    assert breakdown[2035].value == pytest.approx(expected, rel=1e-9)
    assert breakdown[2025].ok is (expected <= 12.5) and breakdown[2035].ok is (expected <= 16.0)


def test_farmland_can_be_measured_net_of_tiankan_as_the_survey_counts_it(plan, units, tmp_path):
    """``net_of_tiankan: true``: each 耕地 parcel's piece in a unit less its KCXS share — shapely here."""
    edited = _edited(
        tmp_path,
        """measure: {layer: DLTB, filter: "left(\\"DLBM\\", 2) = '01'", method: ellipsoidal}""",
        """measure: {layer: DLTB, filter: "left(\\"DLBM\\", 2) = '01'", net_of_tiankan: true}""",
    )
    gross = _edited(
        tmp_path,
        """measure: {layer: DLTB, filter: "left(\\"DLBM\\", 2) = '01'", method: ellipsoidal}""",
        """measure: {layer: DLTB, filter: "left(\\"DLBM\\", 2) = '01'"}""",
    )
    net_result = run_indicator_check(plan, edited.subset(["GDBYL"]), AreaMethod.create())
    gross_result = run_indicator_check(plan, gross.subset(["GDBYL"]), AreaMethod.create())
    townships, city = units
    parcels = shapes(plan["DLTB"], "left(\"DLBM\", 2) = '01'")
    for name, unit in list(townships.items()) + [("永济市", city)]:
        net = sum(g.intersection(unit).area * (1 - f["KCXS"]) for f, g in parcels if g.intersects(unit))
        assert net_result.value("GDBYL", name) == pytest.approx(net / 10000 * 15 / 10000, rel=1e-9), name
        assert net_result.value("GDBYL", name) < gross_result.value("GDBYL", name)
