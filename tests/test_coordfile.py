"""界址点坐标交换文件: files written by hand here, every case of the format and its errors."""

import pytest
from shapely.geometry import Polygon

from helpers import to_shapely
from yongji_plugin.core.coordfile.crs import KEEP_PREFIX, STRIP_PREFIX
from yongji_plugin.core.coordfile.importer import import_files
from yongji_plugin.core.coordfile.parser import parse_file, parse_text
from yongji_plugin.core.coordfile.writer import format_file, sites_to_file, write_file
from yongji_plugin.core.shared.errors import PlanError

HEADER = (
    "[属性描述]\r\n格式版本号=1.01版本\r\n数据产生单位=永济市自然资源局\r\n坐标系=2000国家大地坐标系\r\n"
    "几度分带=3\r\n投影类型=高斯克吕格\r\n计量单位=米\r\n带号=37\r\n精度=0.001\r\n转换参数=,,,,,,\r\n"
)
# parcel 1: a 200 m square with a 50 m square hole (ring 2) and a second part (ring 3)
PARCEL_1 = """14,4.2500,YJ-001,城北安置区,面,,城镇住宅用地,0701,@
J1,1,3862000.000,37443000.000
J2,1,3862000.000,37443200.000
J3,1,3862200.000,37443200.000
J4,1,3862200.000,37443000.000
J1,1,3862000.000,37443000.000
J5,2,3862050.000,37443050.000
J6,2,3862100.000,37443050.000
J7,2,3862100.000,37443100.000
J8,2,3862050.000,37443100.000
J5,2,3862050.000,37443050.000
J9,3,3862300.000,37443300.000
J10,3,3862300.000,37443400.000
J11,3,3862400.000,37443300.000
J9,3,3862300.000,37443300.000
"""
PARCEL_2 = """5,0.1220,YJ-002,污水站,面,,公用设施用地,1309,@
J1,1,3861000.123,37442000.456
J2,1,3861000.123,37442030.456
J3,1,3861040.789,37442030.456
J4,1,3861040.789,37442000.456
J1,1,3861000.123,37442000.456
"""
CANONICAL = HEADER + "[地块坐标]\r\n" + (PARCEL_1 + PARCEL_2).replace("\n", "\r\n")


def shoelace(points):
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(points, points[1:]))) / 2


def write(tmp_path, text, name="parcels.txt", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_header_parcels_rings_and_areas(tmp_path):
    parsed = parse_file(write(tmp_path, CANONICAL))
    assert parsed.problems == []
    assert parsed.header["带号"] == "37" and parsed.header["数据产生单位"] == "永济市自然资源局"
    assert [p.number for p in parsed.parcels] == ["YJ-001", "YJ-002"]
    assert list(parsed.parcels[0].rings()) == [1, 2, 3]
    result = import_files([tmp_path / "parcels.txt"])
    assert result.layer.crs().authid() == "EPSG:4525"
    features = {f["DKBH"]: f for f in result.layer.getFeatures()}
    square = [(0, 0), (200, 0), (200, 200), (0, 200), (0, 0)]
    hole = [(50, 50), (100, 50), (100, 100), (50, 100), (50, 50)]
    triangle = [(300, 300), (400, 300), (300, 400), (300, 300)]
    expected = shoelace(square) - shoelace(hole) + shoelace(triangle)
    first = to_shapely(features["YJ-001"].geometry())
    assert abs(first.area - expected) < 1e-6 and abs(features["YJ-001"]["JSMJ_M2"] - expected) < 1e-6
    assert len(first.geoms) == 2 and len(first.geoms[0].interiors) == 1
    second = [(0, 0), (30, 0), (30, 40.666), (0, 40.666), (0, 0)]
    assert abs(features["YJ-002"]["JSMJ_M2"] - shoelace(second)) < 1e-6
    x, y = first.geoms[0].exterior.coords[0]
    assert (x, y) == (37443000.0, 3862000.0)  # X is the northing, Y the easting


def test_gbk_whitespace_and_area_unit(tmp_path):
    text = CANONICAL.replace(",", " ").replace("转换参数=      ", "转换参数=,,,,,,")
    text = text.replace("4.2500 YJ-001", "4.2500公顷 YJ-001").replace(" @", " @")
    parsed = parse_file(write(tmp_path, text, encoding="gbk"))
    assert parsed.encoding == "gbk"
    assert [p.area_ha for p in parsed.parcels] == [4.25, 0.122]
    assert parsed.parcels[0].name == "城北安置区"
    assert not [p for p in parsed.problems if p.fatal]


def test_zone_prefix_detected_or_stripped(tmp_path):
    path = write(tmp_path, CANONICAL)
    stripped = import_files([path], STRIP_PREFIX)
    assert stripped.layer.crs().authid() == "EPSG:4546"
    x = to_shapely(next(stripped.layer.getFeatures()).geometry()).geoms[0].exterior.coords[0][0]
    assert x == pytest.approx(443000.0)
    no_prefix = write(tmp_path, CANONICAL.replace(",37443", ",443").replace(",37442", ",442"), "plain.txt")
    assert import_files([no_prefix]).layer.crs().authid() == "EPSG:4546"
    assert import_files([no_prefix], KEEP_PREFIX).layer.crs().authid() == "EPSG:4525"
    six = write(
        tmp_path,
        CANONICAL.replace("几度分带=3", "几度分带=6").replace(",37443", ",19443").replace(",37442", ",19442"),
        "six.txt",
    )
    assert import_files([six]).layer.crs().authid() == "EPSG:4497"


BROKEN = (
    HEADER
    + """[地块坐标]
5,0.1234,BAD-NUM,坏数字,面,,,,@
J1,1,3861000.123,37442000.456
J2,1,3861000.12x,37442030.456
J3,1,3861040.789,37442030.456
J4,1,3861040.789,37442000.456
J1,1,3861000.123,37442000.456
4,0.1000,OPEN,未闭合,面,,,,@
J1,1,3861000.000,37442000.000
J2,1,3861000.000,37442100.000
J3,1,3861100.000,37442100.000
J4,1,3861100.000,37442000.000
3,0.1000,TWO,两点,面,,,,@
J1,1,3861000.000,37442000.000
J2,1,3861000.000,37442100.000
J1,1,3861000.000,37442000.000
5,9.9999,AREA,面积不符,面,,,,@
J1,1,3861000.000,37442000.000
J2,1,3861000.000,37442100.000
J3,1,3861100.000,37442100.000
J4,1,3861100.000,37442000.000
J1,1,3861000.000,37442000.000
[其他数据]
备注=未知节
[地块坐标]
"""
    + PARCEL_2
)


def test_errors_have_line_numbers_and_spare_good_parcels(tmp_path):
    result = import_files([write(tmp_path, BROKEN)])
    problems = {(p.parcel, p.line): p for p in result.problems}
    assert ("BAD-NUM", 14) in problems and "bad number 3861000.12x" in problems[("BAD-NUM", 14)].reason
    assert ("OPEN", 22) in problems and "not closed" in problems[("OPEN", 22)].reason
    assert "fewer than 3 points" in problems[("TWO", 24)].reason
    area = problems[("AREA", 27)]
    assert "far from the computed" in area.reason and not area.fatal
    assert any("unknown section [其他数据]" in p.reason and p.line == 33 for p in result.problems)
    assert sorted(f["DKBH"] for f in result.layer.getFeatures()) == ["AREA", "YJ-002"]
    assert {r.number: r.imported for r in result.rows} == {
        "BAD-NUM": False,
        "OPEN": False,
        "TWO": False,
        "AREA": True,
        "YJ-002": True,
    }


def test_text_round_trip_is_exact(tmp_path):
    assert format_file(parse_text(CANONICAL)) == CANONICAL


def test_layer_round_trip_to_the_millimetre(tmp_path):
    imported = import_files([write(tmp_path, CANONICAL)], STRIP_PREFIX).layer
    exported = sites_to_file(imported, zone=37, prefix=True, header=parse_text(CANONICAL).header)
    out = write_file(exported, tmp_path / "out.txt", "gbk")
    assert out.read_bytes().decode("gb18030") == CANONICAL


def test_malformed_files(tmp_path):
    for name, data in (("binary.txt", b"\xff\xfe\x00\x81\xff\x00"), ("invalid.txt", b"[\x81\x20\xff]\r\n")):
        (tmp_path / name).write_bytes(data)
        with pytest.raises(PlanError, match=f"{name}: the file is neither UTF-8 nor GBK"):
            parse_file(tmp_path / name)
    orphan = parse_text("[地块坐标]\nJ1,1,1,1\n")
    assert orphan.problems[0].line == 2 and "before any parcel" in orphan.problems[0].reason
    short = parse_text("[地块坐标]\n4,,A,,面,,,,@\nJ1,1,1\n")
    assert "needs 4 values" in short.problems[0].reason


def test_shapely_agrees_with_shoelace_helper():
    assert shoelace([(0, 0), (2, 0), (2, 2), (0, 2), (0, 0)]) == Polygon([(0, 0), (2, 0), (2, 2), (0, 2)]).area


def test_exporting_an_empty_layer_names_it():
    from qgis.core import QgsVectorLayer

    empty = QgsVectorLayer("Polygon?crs=EPSG:4546&field=DKBH:string", "空红线", "memory")
    with pytest.raises(PlanError, match="Site layer 空红线 has no features"):
        sites_to_file(empty)
