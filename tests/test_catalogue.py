"""The catalogue file is consistent with the spec, the code tables and the colour file."""

from yongji_plugin.core.plan_data.catalogue import default_catalogue
from yongji_plugin.core.plan_data.styles import colours

SPEC_LAYERS = {
    "市域行政区",
    "规划结构点",
    "规划结构线",
    "规划结构面",
    "乡镇级行政区",
    "村庄",
    "生态保护红线",
    "永久基本农田",
    "城镇开发边界",
    "规划分区",
    "自然保护地",
    "生态廊道",
    "高标准农田重点建设区",
    "三调地类图斑",
    "城镇体系",
    "中心城区规划用地",
    "历史文化名镇名村",
    "文物保护单位",
    "历史建筑",
    "历史文化保护线",
    "建筑高度控制分区",
    "公共服务设施",
    "综合交通",
}


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
    assert catalogue.codes("planning_zone") == {
        "01": "生态保护区",
        "02": "生态控制区",
        "03": "农田保护区",
        "04": "城镇发展区",
        "05": "乡村发展区",
    }


def test_standard_marked_on_every_layer_and_table():
    catalogue = default_catalogue()
    assert {spec.standard for spec in catalogue.layers} <= {"confirmed-by-practice", "convention"}
    assert {table["status"] for table in catalogue.code_tables.values()} <= {"standard", "convention"}


def test_structure_layers_type_every_part_once():
    """规划结构: points, lines and areas share one type table; each type is drawn by one of them."""
    catalogue = default_catalogue()
    structure = [spec for spec in catalogue.layers if spec.group == "structure"]
    assert sorted(spec.geometry for spec in structure) == ["line", "point", "polygon"]
    types = catalogue.codes("structure_type")
    drawn_by = {}
    for spec in structure:
        assert spec.standard == "convention"  # the national specification defines no such layer
        assert spec.field("JGLX").codes == "structure_type" and spec.labels == "JGMC"
        for code in colours()["palettes"][spec.style["palette"]]:
            assert code in types and code not in drawn_by, code
            drawn_by[code] = spec.geometry
    assert set(drawn_by) == set(types)


def _symbol_layers(spec, code):
    from yongji_plugin.core.plan_data.styles import renderer_for

    renderer = renderer_for(spec, default_catalogue())
    categories = renderer.categories()  # copies, each owning its symbol: keep them while cloning
    symbol = next(c for c in categories if c.value() == code).symbol().clone()
    return symbol, [symbol.symbolLayer(i) for i in range(symbol.symbolLayerCount())]


def test_structure_symbols_as_the_plan_draws_them():
    """Poles as stars, barriers as wide translucent bands, axes as arrows, areas hatched."""
    from qgis.core import (
        QgsArrowSymbolLayer,
        QgsLinePatternFillSymbolLayer,
        QgsSimpleMarkerSymbolLayer,
    )

    catalogue = default_catalogue()
    points, lines, areas = (catalogue.layer(code) for code in ("GHJG_D", "GHJG_X", "GHJG_M"))
    _, pole = _symbol_layers(points, "11")
    assert isinstance(pole[-1], QgsSimpleMarkerSymbolLayer)
    assert pole[-1].shape() == QgsSimpleMarkerSymbolLayer.Shape.Star
    band, band_layers = _symbol_layers(lines, "21")
    assert band.width() >= 5 and band_layers[0].color().alpha() < 255
    for axis in ("22", "25"):
        _, axis_layers = _symbol_layers(lines, axis)
        assert isinstance(axis_layers[0], QgsArrowSymbolLayer), axis
        assert axis_layers[0].headType() == QgsArrowSymbolLayer.HeadType.HeadDouble, axis
    for area in ("31", "32", "33"):
        _, area_layers = _symbol_layers(areas, area)
        assert any(isinstance(layer, QgsLinePatternFillSymbolLayer) for layer in area_layers), area


def test_sheet_structures_name_known_types():
    from yongji_plugin.core.printing.map_sheets import load_sheets

    catalogue = default_catalogue()
    types = catalogue.codes("structure_type")
    structured = [sheet for sheet in load_sheets().sheets if sheet.structure]
    assert {sheet.id for sheet in structured} == {"overall_pattern", "ecology", "central_structure"}
    for sheet in structured:
        assert set(sheet.structure.codes) <= set(types), sheet.id
        geometries = {
            catalogue.layer(code).geometry for code in sheet.layers if catalogue.layer(code).group == "structure"
        }
        for code in sheet.structure.codes:
            owner = next(
                spec.geometry
                for spec in catalogue.layers
                if spec.group == "structure" and code in colours()["palettes"][spec.style["palette"]]
            )
            assert owner in geometries, (sheet.id, code)
