"""乡镇规划指引 against shapely computed directly: per township, split at borders, overlaps once, sums."""

import pytest
from pyproj import Geod, Transformer
from qgis.core import QgsCoordinateReferenceSystem, QgsVectorLayer
from shapely.geometry import box
from shapely.ops import transform, unary_union

from cancel_feedback import CancelAt
from helpers import memory_layer, shapes
from yongji_plugin.core.guidance.outputs import (
    export_table,
    guidance_layer,
    guidance_table,
    write_guidance_report,
)
from yongji_plugin.core.guidance.township_figures import township_coverage
from yongji_plugin.core.guidance.township_guidance import default_figures, township_guidance
from yongji_plugin.core.shared.areas import ELLIPSOIDAL, AreaMethod
from yongji_plugin.core.shared.errors import PlanError

CRS = "EPSG:4546"
HA = 1e4
BACKENDS = ["shapely", "qgis", "postgis"]


@pytest.fixture(scope="module")
def result(plan):
    return township_guidance(plan, AreaMethod.create())


def _expected(plan, figure, area_of):
    """shapely: the union of the figure's features inside each township and inside the city."""
    union = unary_union([g for _, g in shapes(plan[figure.layer], figure.filter)])
    townships = {f["XZQMC"]: g for f, g in shapes(plan["XZQ_XZ"])}
    city = unary_union([g for _, g in shapes(plan["XZQ"])])
    return {name: area_of(union.intersection(g)) for name, g in townships.items()}, area_of(union.intersection(city))


def test_each_figure_matches_shapely_and_the_townships_sum_to_the_city(plan, result):
    assert [row.name for row in result.townships] == [f["XZQMC"] for f in plan["XZQ_XZ"].getFeatures()]
    for figure in default_figures():
        townships, city = _expected(plan, figure, lambda g: g.area)
        for row in result.townships:
            assert row.figures[figure.key] == pytest.approx(townships[row.name], rel=1e-7, abs=0.01), (
                figure.key,
                row.name,
            )
        assert result.city.figures[figure.key] == pytest.approx(city, rel=1e-7)
        assert abs(sum(townships.values()) - city) < 0.01 * HA, figure.key  # the demo tiles: shapely agrees
        assert abs(result.township_sum(figure.key) - result.city_value(figure.key)) < 0.01 * HA
    assert result.mismatches() == []
    assert result.city_from_layer and result.repairs == []


@pytest.mark.parametrize("backend", BACKENDS)
def test_every_engine_backend_gives_the_same_figures(request, plan, result, backend):
    """shapely 2, QGIS and PostGIS (on the demo copied into the database) agree to 1e-9."""
    layers = request.getfixturevalue("postgis_demo").plan if backend == "postgis" else plan
    other = township_guidance(layers, AreaMethod.create(), backend=backend)
    assert other.backend.lower().startswith(backend), other.backend
    for mine, theirs in zip(result.townships + [result.city], other.townships + [other.city]):
        assert mine.name == theirs.name
        for key, value in mine.figures.items():
            assert theirs.figures[key] == pytest.approx(value, rel=1e-9, abs=1e-6), (backend, mine.name, key)


def _square_plan(gap=False):
    """Two 1 km townships side by side (or with a 100 m gap) in a 2 km city; control features across them."""
    west, east = box(0, 0, 1000, 1000), box(1000 + (100 if gap else 0), 0, 2000, 1000)
    offset = (500000, 3850000)

    def wkt(geometry):
        return transform(lambda x, y: (x + offset[0], y + offset[1]), geometry).wkt

    towns = memory_layer("Polygon", CRS, ["XZQMC:string"], [(wkt(west), ["西镇"]), (wkt(east), ["东镇"])], "乡镇")
    city = memory_layer("Polygon", CRS, ["XZQMC:string"], [(wkt(box(0, 0, 2000, 1000)), ["测试市"])], "市")
    farmland = memory_layer(
        "Polygon",
        CRS,
        ["BSM:integer"],
        [
            (wkt(box(800, 0, 1300, 100)), [1]),  # 500 × 100 across the border: 200 west, 300 east
            (wkt(box(0, 500, 300, 800)), [2]),
            (wkt(box(100, 600, 400, 900)), [3]),  # overlap 200 × 200 once
        ],
        "永久基本农田",
    )
    parcels = memory_layer(
        "Polygon",
        CRS,
        ["DLBM:string"],
        [(wkt(box(0, 0, 2000, 400)), ["0103"]), (wkt(box(0, 400, 2000, 1000)), ["203"])],
        "三调",
    )
    empty = memory_layer("Polygon", CRS, ["BSM:integer"], [], "空")
    layers = {"XZQ_XZ": towns, "XZQ": city, "YJJBNT": farmland, "DLTB": parcels, "STBHHX": empty, "CZKFBJ": empty}
    return layers, west, east


def test_features_split_at_borders_and_overlaps_count_once():
    layers, west, east = _square_plan()
    result = township_guidance(layers, AreaMethod.create())
    rows = {row.name: row.figures for row in result.townships}
    farmland = unary_union([box(800, 0, 1300, 100), box(0, 500, 300, 800), box(100, 600, 400, 900)])
    assert rows["西镇"]["YJJBNT"] == pytest.approx(farmland.intersection(west).area)  # 200·100 + 9·10⁴ + 9·10⁴ − 4·10⁴
    assert rows["东镇"]["YJJBNT"] == pytest.approx(300 * 100)
    assert rows["西镇"]["GD"] == pytest.approx(1000 * 400) and rows["东镇"]["JSYD"] == pytest.approx(1000 * 600)
    assert rows["东镇"]["STBHHX"] == 0.0
    assert result.city.figures["YJJBNT"] == pytest.approx(farmland.area)
    assert result.mismatches() == []
    assert result.warnings == ["Layer 空 has no features: its areas are 0"]  # a zero said, not silent


def test_townships_with_a_gap_do_not_add_up_and_say_so():
    layers, _, _ = _square_plan(gap=True)
    result = township_guidance(layers, AreaMethod.create())
    assert set(result.mismatches()) == {None, "GD", "JSYD", "YJJBNT"}  # the gap: 100 m × 1 km, all kinds of land
    assert result.city_value("GD") - result.township_sum("GD") == pytest.approx(100 * 400)
    assert result.city_value("YJJBNT") - result.township_sum("YJJBNT") == pytest.approx(100 * 100)


def test_ellipsoidal_areas_are_cgcs2000_geodesic(plan):
    result = township_guidance(plan, AreaMethod.create(CRS, ELLIPSOIDAL))
    assert "ellipsoidal" in result.area_method.describe()
    union = unary_union([g for _, g in shapes(plan["CZKFBJ"])])
    to_degrees = Transformer.from_crs(CRS, "EPSG:4490", always_xy=True).transform
    geodesic = abs(Geod(ellps="GRS80").geometry_area_perimeter(transform(to_degrees, union))[0])
    assert result.city.figures["CZKFBJ"] == pytest.approx(geodesic, rel=1e-6)
    assert result.city.figures["CZKFBJ"] != pytest.approx(union.area, rel=1e-6)  # not the planar figure


def test_table_files_hold_every_township_and_the_city(result, tmp_path):
    table = guidance_table(result)
    assert table.featureCount() == len(result.townships) + 1
    csv_path, xlsx_path = export_table(result, tmp_path / "指引.csv", tmp_path / "指引.xlsx")
    assert csv_path.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads the Chinese
    for path in (csv_path, xlsx_path):
        written = QgsVectorLayer(str(path), "t", "ogr")
        rows = list(written.getFeatures())
        assert len(rows) == 11, path
        names = [f.name() for f in written.fields()]
        assert "Township" in names and "耕地 (ha)" in names and "永久基本农田 (mu)" in names, names
        total = rows[-1]
        assert "(city total)" in str(total["Township"])
        for label in ("耕地 (ha)", "建设用地 (ha)"):
            values = [float(r[label]) for r in rows]
            assert abs(sum(values[:-1]) - values[-1]) <= 0.01, (path, label)
        m2 = float(total["永久基本农田 (m²)"])
        assert float(total["永久基本农田 (ha)"]) == pytest.approx(round(m2 / HA, 4))
        assert float(total["永久基本农田 (mu)"]) == pytest.approx(round(m2 / (HA / 15), 2))


def test_layer_report_and_atlas_coverage(plan, result, tmp_path):
    layer = guidance_layer(result, plan["XZQ_XZ"])
    assert layer.featureCount() == 10 and layer.renderer() is not None and layer.labelsEnabled()
    assert layer.fields().lookupField("GD_ha") >= 0 and layer.fields().field("GD_ha").alias() == "耕地 (ha)"
    paths = write_guidance_report(result, tmp_path / "guidance.html", "demo")
    html = paths["html"].read_text(encoding="utf-8")
    assert "planar area in EPSG:4546" in html and "卿头镇" in html and "永久基本农田" in html
    assert html.count(">yes<") == 6 and paths["pdf"].stat().st_size > 10000
    assert "-0.0000" not in html  # the demo's add-up check printed two differences of -1e-9 ha so
    coverage = township_coverage(plan, result=result)
    numeric = [f for f in coverage.fields() if f.isNumeric()]
    assert [f.displayName() for f in numeric] == [
        "Township area",
        "耕地",
        "永久基本农田",
        "生态保护红线",
        "城镇开发边界",
        "建设用地",
    ]
    first = next(coverage.getFeatures())
    assert first["YJJBNT"] == pytest.approx(result.townships[0].figures["YJJBNT"] / HA)


def test_missing_layers_are_named(plan):
    without_townships = {k: v for k, v in plan.items() if k != "XZQ_XZ"}
    with pytest.raises(PlanError, match=r"needs layer 乡镇级行政区 \(XZQ_XZ\), which is missing"):
        township_guidance(without_townships, AreaMethod.create())
    without_parcels = {k: v for k, v in plan.items() if k != "DLTB"}
    with pytest.raises(PlanError, match=r"needs layer 三调地类图斑 \(DLTB\), which is missing"):
        township_guidance(without_parcels, AreaMethod.create())


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda layers: layers["XZQ_XZ"].setCrs(QgsCoordinateReferenceSystem()), "Layer 乡镇 has no CRS"),
        (lambda layers: layers["XZQ_XZ"].dataProvider().truncate(), "Layer 乡镇 has no township polygons"),
        (
            lambda layers: layers["XZQ_XZ"].dataProvider().deleteAttributes([0]) and layers["XZQ_XZ"].updateFields(),
            "Layer 乡镇 lacks field XZQMC",
        ),
        (
            lambda layers: layers.update(
                XZQ_XZ=memory_layer("Point", CRS, ["XZQMC:string"], [("POINT(1 1)", ["点"])], "点")
            ),
            "Layer 点 is not a polygon layer",
        ),
        (
            lambda layers: layers.update(YJJBNT=memory_layer("LineString", CRS, ["BSM:integer"], [], "线")),
            "Layer 线 is not a polygon layer, so it has no area to measure",
        ),
    ],
)
def test_bad_township_and_control_layers(change, message):
    layers, _, _ = _square_plan()
    change(layers)
    with pytest.raises(PlanError, match=message):
        township_guidance(layers, AreaMethod.create())


def test_a_filter_choosing_nothing_is_said():
    from yongji_plugin.core.guidance.township_guidance import Figure

    layers, _, _ = _square_plan()
    figures = [Figure("GD", "DLTB", "\"DLBM\" = 'O103'", "耕地")]  # a letter O for the zero
    result = township_guidance(layers, AreaMethod.create(), figures)
    assert result.city.figures["GD"] == 0.0
    assert result.warnings == ["The filter \"DLBM\" = 'O103' chooses no feature of layer 三调: its areas are 0"]


def test_duplicate_township_names_are_refused():
    layers, _, _ = _square_plan()
    layers["XZQ_XZ"].dataProvider().changeAttributeValues({2: {0: "西镇"}})
    with pytest.raises(PlanError, match="more than one township 西镇"):
        township_guidance(layers, AreaMethod.create())


@pytest.mark.parametrize("at", [0, 2, 5])  # before, midway, after the last of five figures
def test_a_canceled_run_is_marked_and_never_written(plan, tmp_path, at):
    result = township_guidance(plan, AreaMethod.create(), feedback=CancelAt(reports=at))
    assert result.canceled and result.townships == []
    for write in (
        guidance_table,
        lambda r: export_table(r, tmp_path / "t.csv"),
        lambda r: write_guidance_report(r, tmp_path / "r.html"),
        lambda r: township_coverage(plan, result=r),
    ):
        with pytest.raises(PlanError, match="canceled"):
            write(result)
    assert list(tmp_path.iterdir()) == []
