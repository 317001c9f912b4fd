"""The demo 一张图 obeys the plan, checked with shapely directly on the generated features."""
from itertools import combinations

from shapely.ops import unary_union
from yongji_demo.build import generate
from yongji_demo.outline import city_outline

TOWNSHIPS = {"城东街道", "城西街道", "城北街道", "蒲州镇", "张营镇", "卿头镇", "虞乡镇", "栲栳镇",
             "开张镇", "韩阳镇"}


def _union(features):
    return unary_union([f["geometry"] for f in features])


def _tiles(features, area, rel=1e-6):
    total = sum(f["geometry"].area for f in features)
    union = _union(features)
    return (abs(total - area.area) < rel * area.area
            and union.symmetric_difference(area).area < rel * area.area)


def test_outline_keeps_its_shape():
    assert abs(city_outline().area / 1e6 - 1198.66) < 0.05


def test_townships_and_zones_tile_the_city(demo_data):
    _, data = demo_data
    outline = data["XZQ"][0]["geometry"]
    assert {f["XZQMC"] for f in data["XZQ_XZ"]} == TOWNSHIPS
    assert _tiles(data["XZQ_XZ"], outline)
    assert _tiles(data["GHFQ"], outline)
    assert {f["GHFQDM"] for f in data["GHFQ"]} == {"01", "02", "03", "04", "05"}


def test_control_lines_inside_their_zones_and_disjoint(demo_data):
    _, data = demo_data
    zone = {code: _union([f for f in data["GHFQ"] if f["GHFQDM"] == code])
            for code in ("01", "03", "04")}
    lines = {"STBHHX": "01", "YJJBNT": "03", "CZKFBJ": "04"}
    unions = {code: _union(data[code]) for code in lines}
    for code, zone_code in lines.items():
        assert unions[code].difference(zone[zone_code]).area < 1e-3, code
    for a, b in combinations(unions, 2):
        assert unions[a].intersection(unions[b]).area < 1e-6, (a, b)
    assert len(data["YJJBNT"]) > 2000
    assert {f["GHFQDM"] for f in data["CZKFBJ"]} == {"0401", "0402", "0403"}


def test_plan_figures(demo_data):
    _, data = demo_data
    assert len(data["CZ"]) == 195
    assert {"01", "02", "03", "04"} <= {f["CZFL"] for f in data["CZ"]}
    assert {f["ZRBHDMC"] for f in data["ZRBHD"]} == {
        "山西运城湿地省级自然保护区", "五老峰国家级森林自然公园", "山西永济伍姓湖省级湿地自然公园"}
    levels = [f["JB"] for f in data["WWBHDW"]]
    assert [levels.count(k) for k in ("国保", "省保", "市保", "县保")] == [9, 11, 7, 384]
    limits = {f["FQMC"]: f["ZDGD"] for f in data["JZGDKZ"]}
    assert limits["近湖区"] == 24 and limits["湖边河边山边"] == 18 and limits["望山区"] == 45
    assert limits["一场三馆及市人民医院周边"] == 80
    names = {f["MC"] for f in data["JTXL"]}
    assert {"大西高铁", "南同蒲铁路", "G521", "S238", "运风高速", "太安高速"} <= names
    assert _tiles(data["DLTB"], data["XZQ"][0]["geometry"])


def test_sites_cover_every_case(demo_data):
    _, data = demo_data
    cases = {f["CASE"] for f in data["sites"]}
    assert cases >= {"clean", "redline", "farmland", "outside_udb", "multiple", "sliver",
                     "invalid", "multipart", "protected", "heritage"}
    assert 18 <= len(data["sites"]) <= 24
    invalid = [f for f in data["sites"] if f["CASE"] == "invalid"]
    assert not invalid[0]["geometry"].is_valid


def test_generation_is_deterministic(demo_data):
    _, first = demo_data
    second = generate()
    for code, features in first.items():
        assert len(features) == len(second[code]), code
        for a, b in zip(features, second[code]):
            assert a["geometry"].wkb == b["geometry"].wkb, code
            assert {k: v for k, v in a.items() if k != "geometry"} == \
                   {k: v for k, v in b.items() if k != "geometry"}, code
