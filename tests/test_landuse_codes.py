"""用地用海分类 as data (issue #16): one file feeds the catalogue, plan QA's code check and the rule."""

import yaml
from shapely.geometry import box

from helpers import memory_layer
from yongji_plugin.core.plan_data.catalogue import default_catalogue
from yongji_plugin.core.plan_data.landuse_codes import classification
from yongji_plugin.paths import resource

RESEARCH_LEVEL1 = (
    "01 耕地 02 园地 03 林地 04 草地 05 湿地 06 农业设施建设用地 07 居住用地 08 公共管理与公共服务用地 "
    "09 商业服务业用地 10 工矿用地 11 仓储用地 12 交通运输用地 13 公用设施用地 14 绿地与开敞空间用地 "
    "15 特殊用地 16 留白用地 17 陆地水域 18 渔业用海 19 工矿通信用海 20 交通运输用海 21 游憩用海 "
    "22 特殊用海 23 其他土地 24 其他海域"
).split()


def test_first_level_as_the_guide_lists_it():
    level1 = classification().level1
    assert level1 == dict(zip(RESEARCH_LEVEL1[::2], RESEARCH_LEVEL1[1::2]))


def test_second_level_belongs_to_its_first_level():
    data = classification()
    assert all(len(code) == 4 and code[:2] in data.level1 for code in data.level2)
    assert data.level2["1001"] == "工业用地" and data.level2["0701"] == "城镇住宅用地"
    assert data.level2["2303"] == "田坎" and set(data.unconfirmed) <= set(data.level2)


def test_resolve_codes_and_names():
    data = classification()
    assert [data.resolve(v) for v in ("1001", " 工业用地 ", "100101", "16", "留白用地", "9999", "", None)] == [
        "1001",
        "1001",
        "1001",
        "16",
        "16",
        None,
        None,
        None,
    ]


def test_codes_that_do_not_exist_are_unknown_not_their_parents():
    """070104 and 010101 are no codes of the guide: cut to 0701/0101 they were judged as those."""
    data = classification()
    assert [data.resolve(v) for v in ("070104", "010101", "070101", "二类城镇住宅用地", "100199")] == [
        None,
        None,
        "0701",
        "0701",
        None,
    ]
    assert all(len(code) == 6 and code[:4] in data.level2 for code in data.level3)


def test_second_level_codes_of_the_sea_classes_are_complete():
    level2 = classification().level2
    assert {c: level2.get(c) for c in ("1804", "2004", "2005", "2205", "2206")} == {
        "1804": "农林牧业用岛",
        "2004": "机场用海",
        "2005": "其他交通运输用海",
        "2205": "水下文物保护用海",
        "2206": "其他特殊用海",
    }


def test_catalogue_takes_its_tables_from_the_classification():
    catalogue = default_catalogue()
    assert catalogue.layer("ZXCQYD").field("YDYHDM").codes == "landuse"
    assert catalogue.codes("landuse") == classification().codes
    assert catalogue.codes("landuse_level1") == classification().level1
    hand_written = yaml.safe_load(resource("code_tables.yaml").read_text(encoding="utf-8"))
    assert not {"landuse_plan", "landuse", "landuse_level1", "landuse_level2"} & set(hand_written)


def test_plan_qa_code_check_reads_the_classification():
    from qgis.core import QgsCoordinateReferenceSystem

    from yongji_plugin.core.plan_qa.features import code_values
    from yongji_plugin.core.plan_qa.model import QaRule

    layer = memory_layer(
        "MultiPolygon",
        "EPSG:4546",
        ["YDYHDM:string", "YDYHMC:string"],
        [
            (box(0, 0, 10, 10).wkt, ["0902", "商务金融用地"]),
            (box(10, 0, 20, 10).wkt, ["16", "留白用地"]),
            (box(20, 0, 30, 10).wkt, ["0999", "无此类"]),
        ],
        "ZXCQYD",
    )
    rule = QaRule("AT-02", "code_values", "error", "代码应在代码表内")
    errors = code_values(
        rule, layer, default_catalogue().layer("ZXCQYD"), QgsCoordinateReferenceSystem("EPSG:4546"), default_catalogue()
    )
    assert [e.fid for e in errors] == [3]
