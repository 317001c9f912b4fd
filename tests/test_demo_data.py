"""The demo 一张图 obeys the plan, checked with shapely directly on the generated features."""

from itertools import combinations

from shapely.ops import unary_union
from yongji_demo.build import generate
from yongji_demo.outline import city_outline

TOWNSHIPS = {"城东街道", "城西街道", "城北街道", "蒲州镇", "张营镇", "卿头镇", "虞乡镇", "栲栳镇", "开张镇", "韩阳镇"}


def _union(features):
    return unary_union([f["geometry"] for f in features])


def _tiles(features, area, rel=1e-6):
    total = sum(f["geometry"].area for f in features)
    union = _union(features)
    return abs(total - area.area) < rel * area.area and union.symmetric_difference(area).area < rel * area.area


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
    zone = {code: _union([f for f in data["GHFQ"] if f["GHFQDM"] == code]) for code in ("01", "03", "04")}
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
        "山西运城湿地省级自然保护区",
        "五老峰国家级森林自然公园",
        "山西永济伍姓湖省级湿地自然公园",
    }
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
    assert cases >= {
        "clean",
        "redline",
        "farmland",
        "outside_udb",
        "multiple",
        "sliver",
        "invalid",
        "multipart",
        "protected",
        "heritage",
    }
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
            assert {k: v for k, v in a.items() if k != "geometry"} == {k: v for k, v in b.items() if k != "geometry"}, (
                code
            )


# 规划结构: type -> the plan's names for it (SPEC §4; the plan's 一极两屏、三轴三区, 一核两屏、一网多廊,
# 一轴一环两翼四区多点)
PLAN_STRUCTURE = {
    "11": {"城区-蒲州联动发展极"},
    "21": {"中条山生态屏障", "黄河生态屏障"},
    "22": {"运风高速城镇发展轴", "国道521城镇发展轴", "省道238城镇发展轴"},
    "31": {"沿黄特色农业区", "平原特色农业区", "沿山特色农业区"},
    "12": {"伍姓湖生态绿核"},
    "24": {"涑水河生态廊道", "弯弯河生态廊道", "姚暹渠生态廊道"},
    "25": {"舜都大道城市发展轴"},
    "26": {"城市活力环"},
    "32": {"铝深加工产业园", "机电装备制造产业园"},
    "33": {"西部文化体育区", "东部医疗康养区", "北部商贸物流区", "中部综合服务区"},
}


def test_plan_structure_named_and_placed(demo_data):
    _, data = demo_data
    features = data["GHJG_D"] + data["GHJG_X"] + data["GHJG_M"]
    names = {}
    for f in features:
        names.setdefault(f["JGLX"], set()).add(f["JGMC"])
    for code, expected in PLAN_STRUCTURE.items():
        assert names[code] == expected, code
    network = names["23"]  # 一网: 碧道 and 绿道
    assert any(n.endswith("碧道") for n in network) and any(n.endswith("绿道") for n in network)
    assert sum(len(names[c]) for c in ("13", "14", "15")) >= 3  # 多点
    outline = data["XZQ"][0]["geometry"].buffer(1)
    assert all(outline.contains(f["geometry"]) for f in features)
    central = _union([f for f in data["CZKFBJ"] if f["CZMC"] == "中心城区"]).buffer(300)
    for f in features:
        if f["JGLX"] in ("13", "14", "15", "25", "32", "33"):
            assert central.contains(f["geometry"]), f["JGMC"]
    lake = _union([f for f in data["STBHHX"] if f["HXMC"].startswith("伍姓湖")])
    assert lake.contains(next(f["geometry"] for f in features if f["JGLX"] == "12"))
    redline = {
        name[:2]: _union([f for f in data["STBHHX"] if f["HXMC"].startswith(name[:2])]).buffer(200)
        for name in ("中条山", "黄河")
    }
    roads = {f["MC"]: f["geometry"] for f in data["JTXL"]}
    rivers = {f["MC"]: f["geometry"] for f in data["STLD"]}
    for f in features:
        line = f["geometry"]
        if f["JGLX"] == "21":  # a barrier runs along its red line
            assert line.intersection(redline[f["JGMC"][:2]]).length > 0.9 * line.length, f["JGMC"]
        if f["JGLX"] == "22":  # an axis follows its road
            road = {"运风高速城镇发展轴": "运风高速", "国道521城镇发展轴": "G521", "省道238城镇发展轴": "S238"}
            assert line.difference(roads[road[f["JGMC"]]].buffer(1)).length < 1, f["JGMC"]
        if f["JGLX"] == "24":  # a corridor follows its river
            assert line.difference(rivers[f["JGMC"][:-4]].buffer(1)).length < 1, f["JGMC"]
