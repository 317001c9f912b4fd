"""建筑高度控制检查 against shapely computed directly on the same buildings and zones."""

import pytest
from qgis.core import QgsVectorLayer
from qgis.PyQt.QtGui import QColor, QImage
from shapely.validation import make_valid

from helpers import memory_layer
from yongji_plugin.core.heights.check import (
    FLOORS,
    HEIGHT,
    NO_HEIGHT,
    NO_ZONE,
    OVER,
    WITHIN,
    HeightParams,
    run_height_check,
)
from yongji_plugin.core.heights.outputs import (
    ALL_LAYER,
    OVER_LAYER,
    _zones_layer,
    excess_text,
    result_layers,
    write_report,
)
from yongji_plugin.core.shared.areas import ELLIPSOIDAL, AreaMethod
from yongji_plugin.core.shared.errors import PlanError

TOLERANCE = 1.0
STOREY = 3.0


@pytest.fixture(scope="module")
def demo_layers(demo_gpkg):
    buildings = QgsVectorLayer(f"{demo_gpkg}|layername=buildings", "建筑物", "ogr")
    zones = QgsVectorLayer(f"{demo_gpkg}|layername=JZGDKZ", "建筑高度控制分区", "ogr")
    return buildings, zones


def _expected(building, zones, mode="auto"):
    """(status, judged zone name, limit, excess, height) from shapely alone."""
    shape = building["geometry"] if building["geometry"].is_valid else make_valid(building["geometry"])
    overlaps = [(z, shape.intersection(z["geometry"]).area) for z in zones]
    # the strictest zone; of equally strict ones, the one holding more of the building
    members = [
        (z["ZDGD"], z["FQMC"]) for z, area in sorted(overlaps, key=lambda o: (o[0]["ZDGD"], -o[1])) if area >= TOLERANCE
    ]
    height = building["JZGD"] if mode in ("auto", HEIGHT) else None
    if height is None and mode in ("auto", FLOORS) and building["CS"] is not None:
        height = building["CS"] * STOREY
    if not members:
        return NO_ZONE, None, None, None, height
    limit, name = members[0]
    if height is None:
        return NO_HEIGHT, name, limit, None, None
    excess = height - limit
    return (OVER if height > limit else WITHIN), name, limit, excess, height


def _by_name(result):
    return {b.name: b for b in result.buildings}


def test_every_demo_building_matches_shapely(demo_data, demo_layers):
    _, data = demo_data
    result = run_height_check(*demo_layers, HeightParams(AreaMethod.create()))
    found = _by_name(result)
    assert len(found) == len(data["buildings"]) and result.no_geometry == []
    for building in data["buildings"]:
        status, zone, limit, excess, height = _expected(building, data["JZGDKZ"])
        got = found[building["JZMC"]]
        assert (got.status, got.judged.name if got.judged else None, got.limit, got.excess) == (
            status,
            zone,
            limit,
            excess,
        ), building["JZMC"]
        assert got.height == pytest.approx(height) if height is not None else got.height is None
        shape = make_valid(building["geometry"])
        assert got.footprint == pytest.approx(shape.area, rel=1e-9)
        for overlap in got.zones:
            zone_shape = next(z["geometry"] for z in data["JZGDKZ"] if z["FQMC"] == overlap.name)
            assert overlap.area == pytest.approx(shape.intersection(zone_shape).area, rel=1e-7, abs=1e-6)
    counts = result.counts()
    assert counts[OVER] >= 10 and counts[WITHIN] > counts[OVER] and counts[NO_ZONE] == 1 and counts[NO_HEIGHT] == 1
    assert [r.feature for r in result.repairs] == [
        str(next(i + 1 for i, b in enumerate(data["buildings"]) if not b["geometry"].is_valid))
    ]


def test_a_building_in_two_zones_keeps_to_the_stricter(demo_layers):
    result = run_height_check(*demo_layers, HeightParams(AreaMethod.create()))
    straddling = _by_name(result)["跨分区建筑"]
    assert [z.limit for z in straddling.zones] == [18.0, 45.0]
    assert straddling.judged.limit == 18.0 and straddling.status == OVER and straddling.excess == 12.0
    assert straddling.zones[0].area == pytest.approx(450.0, rel=1e-6)


def test_floors_only_and_height_only(demo_data, demo_layers):
    _, data = demo_data
    for mode in (FLOORS, HEIGHT):
        result = run_height_check(*demo_layers, HeightParams(AreaMethod.create(), mode=mode, storey_height=STOREY))
        found = _by_name(result)
        for building in data["buildings"]:
            status, _, _, excess, height = _expected(building, data["JZGDKZ"], mode)
            got = found[building["JZMC"]]
            assert (got.status, got.excess) == (status, excess), (mode, building["JZMC"])
            assert got.source == (None if height is None else mode)


ZONES = [
    ("POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))", ["04", "湖边河边山边", 18.0]),
    ("POLYGON((100 0, 200 0, 200 100, 100 100, 100 0))", ["05", "望湖区", 45.0]),
]


def _zones(rows=ZONES, fields=("FQDM:string", "FQMC:string", "ZDGD:double")):
    return memory_layer("Polygon", "EPSG:4546", list(fields), rows, "高度分区")


def _buildings(rows, fields=("JZMC:string", "JZGD:double", "CS:integer")):
    return memory_layer("Polygon", "EPSG:4546", list(fields), rows, "建筑")


def test_slivers_and_edges_do_not_decide_the_zone():
    buildings = _buildings(
        [
            ("POLYGON((100 10, 130 10, 130 40, 100 40, 100 10))", ["贴边", 30.0, 10]),  # edge only on the 18 m zone
            ("POLYGON((99.99 50, 130 50, 130 80, 99.99 80, 99.99 50))", ["微跨", 30.0, 10]),  # 0.3 m² sliver
            ("POLYGON((90 10, 110 10, 110 20, 90 20, 90 10))", ["跨界", 30.0, 10]),
            ("POLYGON((300 0, 310 0, 310 10, 300 10, 300 0))", ["区外", 30.0, 10]),
            ("POLYGON((10 10, 20 10, 20 20, 10 20, 10 10))", ["无高", None, None]),
        ]
    )
    result = _by_name(run_height_check(buildings, _zones(), HeightParams(AreaMethod.create())))
    assert [z.name for z in result["贴边"].zones] == ["望湖区"] and result["贴边"].status == WITHIN
    assert [z.name for z in result["微跨"].zones] == ["湖边河边山边", "望湖区"]
    assert result["微跨"].zones[0].area == pytest.approx(0.3, rel=1e-6)
    assert result["微跨"].judged.name == "望湖区" and result["微跨"].status == WITHIN
    assert result["跨界"].judged.name == "湖边河边山边" and result["跨界"].excess == 12.0
    assert result["区外"].status == NO_ZONE and result["无高"].status == NO_HEIGHT


def test_limit_itself_is_allowed():
    buildings = _buildings([("POLYGON((10 10, 20 10, 20 20, 10 20, 10 10))", ["齐平", 18.0, 6])])
    assert run_height_check(buildings, _zones(), HeightParams(AreaMethod.create())).buildings[0].status == WITHIN


@pytest.mark.parametrize(
    "height, zone_x, status",
    [
        (24.001, 10, OVER),
        (24.004, 10, OVER),
        (24.0, 10, WITHIN),
        (45.005, 110, OVER),
        (45.0, 110, WITHIN),
        (44.999, 110, WITHIN),
    ],
)
def test_the_verdict_is_decided_on_the_exact_height(height, zone_x, status):
    """Millimetres over the limit are over (the excess was once rounded to centimetres before judging)."""
    zones = _zones(
        [
            ("POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))", ["06", "望山区", 24.0]),
            ("POLYGON((100 0, 200 0, 200 100, 100 100, 100 0))", ["05", "望湖区", 45.0]),
        ]
    )
    x = zone_x
    buildings = _buildings([(f"POLYGON(({x} 10, {x + 10} 10, {x + 10} 20, {x} 20, {x} 10))", ["楼", height, None])])
    building = run_height_check(buildings, zones, HeightParams(AreaMethod.create())).buildings[0]
    assert building.status == status
    assert building.excess == height - building.limit
    shown = excess_text(building.excess)
    assert (float(shown) > 0) == (status == OVER) and (float(shown) != 0 or building.excess == 0)


def test_ellipsoidal_areas_are_reported_but_statuses_agree(demo_layers):
    planar = run_height_check(*demo_layers, HeightParams(AreaMethod.create()))
    ellipsoidal = run_height_check(*demo_layers, HeightParams(AreaMethod.create(method=ELLIPSOIDAL)))
    assert [b.status for b in planar.buildings] == [b.status for b in ellipsoidal.buildings]
    first = planar.buildings[0]
    other = ellipsoidal.buildings[0]
    assert other.footprint != first.footprint and other.footprint == pytest.approx(first.footprint, rel=1e-3)


def test_result_layers_and_report(demo_layers, tmp_path):
    result = run_height_check(*demo_layers, HeightParams(AreaMethod.create()))
    layers = result_layers(result)
    over = layers[OVER_LAYER]
    assert over.featureCount() == result.counts()[OVER]
    assert over.renderer().type() == "graduatedSymbol"
    assert layers[ALL_LAYER].featureCount() == len(result.buildings)
    worst = max(result.buildings, key=lambda b: b.excess or -1e9)
    row = max(over.getFeatures(), key=lambda f: f["excess"])
    assert (row["bld_name"], row["excess"], row["limit_m"]) == (worst.name, worst.excess, worst.limit)
    assert row["fp_m2"] == round(worst.footprint, 2)
    assert row["fp_mu"] == round(round(worst.footprint, 2) / (10000 / 15), 2)
    assert over.fields().field("excess").alias()
    paths = write_report(result, tmp_path / "heights.html", layers)
    html = paths["html"].read_text(encoding="utf-8")
    assert worst.name in html and "跨分区建筑" in html and "镇区建筑（分区外）" in html
    assert paths["pdf"].stat().st_size > 10000 and paths["map"].stat().st_size > 10000


@pytest.mark.parametrize(
    "change, message",
    [
        (dict(height_field="GAODU"), "layer 建筑 has no field GAODU"),
        (dict(mode=FLOORS, floors_field="CENGSHU"), "layer 建筑 has no field CENGSHU"),
        (dict(mode=FLOORS, storey_height=0), "storey height must be a number above 0"),
        (dict(limit_field="XZGD"), "layer 高度分区 has no field XZGD"),
        (dict(mode="guess"), "Unknown height source guess"),
        (dict(name_field="MINGCHENG"), "layer 建筑 has no field MINGCHENG"),
    ],
)
def test_bad_parameters_name_the_layer_and_field(change, message):
    buildings = _buildings([("POLYGON((10 10, 20 10, 20 20, 10 20, 10 10))", ["甲", 10.0, 3])])
    with pytest.raises(PlanError, match=message):
        run_height_check(buildings, _zones(), HeightParams(AreaMethod.create(), **change))


def test_missing_height_field_says_which_layer():
    buildings = _buildings(
        [("POLYGON((10 10, 20 10, 20 20, 10 20, 10 10))", ["甲", 3])], fields=("JZMC:string", "CS:integer")
    )
    with pytest.raises(PlanError, match="建筑.*JZGD"):
        run_height_check(buildings, _zones(), HeightParams(AreaMethod.create()))
    result = run_height_check(buildings, _zones(), HeightParams(AreaMethod.create(), mode=FLOORS))
    assert result.buildings[0].height == 9.0


def test_zone_without_a_limit_is_named():
    zones = _zones([ZONES[0], ("POLYGON((100 0, 200 0, 200 100, 100 100, 100 0))", ["05", "望湖区", None])])
    buildings = _buildings([("POLYGON((10 10, 20 10, 20 20, 10 20, 10 10))", ["甲", 10.0, 3])])
    with pytest.raises(PlanError, match="望湖区.*ZDGD"):
        run_height_check(buildings, zones, HeightParams(AreaMethod.create()))


def test_bad_layers_are_refused():
    good = _buildings([("POLYGON((10 10, 20 10, 20 20, 10 20, 10 10))", ["甲", 10.0, 3])])
    points = memory_layer("Point", "EPSG:4546", ["JZGD:double", "CS:integer"], [("POINT(1 1)", [3.0, 1])], "点")
    empty = _buildings([])
    no_crs = memory_layer(
        "Polygon",
        None,
        ["JZGD:double", "CS:integer"],
        [("POLYGON((10 10, 20 10, 20 20, 10 20, 10 10))", [3.0, 1])],
        "无坐标系",
    )
    params = HeightParams(AreaMethod.create())
    with pytest.raises(PlanError, match="点 must contain Polygon"):
        run_height_check(points, _zones(), params)
    with pytest.raises(PlanError, match="建筑.*no features"):
        run_height_check(empty, _zones(), params)
    with pytest.raises(PlanError, match="无坐标系.*CRS"):
        run_height_check(no_crs, _zones(), params)
    with pytest.raises(PlanError, match="高度分区.*no features"):
        run_height_check(good, _zones([]), params)


def _share_near(image, colour, tolerance=4) -> float:
    """The share of ``image``'s pixels (every other one) within ``tolerance`` of ``colour``."""
    target = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    hits = total = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            pixel = QColor(image.pixel(x, y))
            hits += all(abs(a - b) <= tolerance for a, b in zip(pixel.getRgb()[:3], target))
            total += 1
    return hits / total


def test_the_report_map_has_a_legend_of_its_zones_and_labels(demo_layers, tmp_path, locale):
    """The map drew the height zones in seven colours the legend did not list (buildings only) and
    wrote nothing on them. Each zone of the plan layer (read with OGR) is a legend entry with its
    limit, and each entry's colour is found on the map image."""
    from osgeo import ogr

    from yongji_plugin.core.heights.outputs import report_context

    locale("zh_CN")
    result = run_height_check(*demo_layers, HeightParams(AreaMethod.create()))
    paths = write_report(result, tmp_path / "heights.html", result_layers(result))
    source = ogr.Open(demo_layers[1].source().split("|")[0])
    zones = {(f["FQMC"], f["ZDGD"]) for f in source.GetLayerByName("JZGDKZ")}
    legend = report_context(result)["legend"]
    labels = {entry["label"]: entry["colour"] for entry in legend}
    image = QImage(str(paths["map"]))
    for name, limit in zones:
        label = f"高度分区 {name}（≤ {limit:g} 米）"
        assert label in labels, (label, sorted(labels))
        assert _share_near(image, labels[label]) > 0.002, label
    html = paths["html"].read_text(encoding="utf-8")
    assert all(f"{name}（≤ {limit:g} 米）" in html for name, limit in zones)
    zone_layer = _zones_layer(result)
    assert zone_layer.labelsEnabled() and "limit_m" in zone_layer.labeling().settings().fieldName
