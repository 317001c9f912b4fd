"""The catalogue file is consistent with the spec, the code tables and the colour file."""
from yongji_plugin.core.plan_data.catalogue import default_catalogue
from yongji_plugin.core.plan_data.styles import colours

SPEC_LAYERS = {"市域行政区", "乡镇级行政区", "村庄", "生态保护红线", "永久基本农田", "城镇开发边界",
               "规划分区", "自然保护地", "生态廊道", "高标准农田重点建设区", "三调地类图斑", "城镇体系",
               "中心城区规划用地", "历史文化名镇名村", "文物保护单位", "历史建筑", "历史文化保护线",
               "建筑高度控制分区", "公共服务设施", "综合交通"}


def test_every_spec_layer_is_catalogued():
    names = {spec.name for spec in default_catalogue().layers}
    assert SPEC_LAYERS - names == set()


def test_references_resolve():
    catalogue = default_catalogue()
    palette = colours()
    group_ids = {g.id for g in catalogue.groups}
    for spec in catalogue.layers:
        assert spec.group in group_ids, spec.code
        for field in spec.fields:
            assert field.codes is None or field.codes in catalogue.code_tables, spec.code
        if "single" in spec.style:
            assert spec.style["single"] in palette["single"], spec.code
        else:
            assert spec.style["palette"] in palette["palettes"], spec.code
            assert spec.field(spec.style["categorized"]) is not None, spec.code
        if spec.labels:
            assert spec.field(spec.labels) is not None, spec.code


def test_standard_codes_and_match_by_code_or_name():
    catalogue = default_catalogue()
    assert catalogue.match("stbhhx").name == "生态保护红线"
    assert catalogue.match("永久基本农田").code == "YJJBNT"
    assert catalogue.match("unknown") is None
    assert catalogue.codes("planning_zone") == {"01": "生态保护区", "02": "生态控制区",
                                                "03": "农田保护区", "04": "城镇发展区",
                                                "05": "乡村发展区"}
