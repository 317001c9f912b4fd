"""The demo's indicator targets fit the demo 一张图: the city meets them all, some townships fall short.

Checked with shapely on the generated features (as test_demo_data does), independently of the plugin.
"""

from shapely.ops import unary_union

from yongji_plugin.core.indicators.definitions import AREA_UNITS, AT_LEAST, load_indicators

CITY = "永济市"
SHORT = {
    ("YJJBNT", "卿头镇", 2025),
    ("YJJBNT", "卿头镇", 2035),
    ("YJJBNT", "韩阳镇", 2035),
    ("STBHHX", "蒲州镇", 2035),
    ("CZKFBJ", "城西街道", 2035),
}
FILTERS = {  # the file's filters, as Python on the generated features
    "left(\"DLBM\", 2) = '01'": lambda f: f["DLBM"][:2] == "01",
    "left(\"DLBM\", 2) = '20'": lambda f: f["DLBM"][:2] == "20",
    "left(\"DLBM\", 2) = '03'": lambda f: f["DLBM"][:2] == "03",
    "\"DLBM\" = '1106'": lambda f: f["DLBM"] == "1106",
    "left(\"DLBM\", 2) in ('10', '20')": lambda f: f["DLBM"][:2] in ("10", "20"),
    None: lambda f: True,
}


def _values(data, indicator):
    chosen = [f["geometry"] for f in data[indicator.measure.layer] if FILTERS[indicator.measure.filter](f)]
    union = unary_union(chosen)
    units = {t["XZQMC"]: t["geometry"] for t in data["XZQ_XZ"]}
    units[CITY] = data["XZQ"][0]["geometry"]
    values = {}
    for name, unit in units.items():
        area = union.intersection(unit).area  # planar: the ellipsoidal 耕地 differs by < 0.01 %
        values[name] = 100 * area / unit.area if indicator.is_share else area / AREA_UNITS[indicator.unit][0]
    return values


def test_demo_targets_fit_the_demo(demo_data):
    _, data = demo_data
    indicators = load_indicators()
    assert set(indicators.township_names()) == {t["XZQMC"] for t in data["XZQ_XZ"]}
    short = set()
    for indicator in indicators.indicators:
        values = _values(data, indicator)
        for year in (2025, 2035):
            for name, value in values.items():
                target = indicator.target(year, None if name == CITY else name)
                if target is None:
                    continue
                margin = value - target if indicator.direction == AT_LEAST else target - value
                assert abs(margin) > 5e-4 * target, (indicator.code, name, year)  # clear, whatever the area method
                if margin < 0:
                    short.add((indicator.code, name, year))
    assert short == SHORT


def test_demo_breakdowns_add_up_to_the_city():
    for indicator in load_indicators().indicators:
        for year, city in indicator.targets.items():
            parts = [t[year] for t in indicator.townships.values() if year in t]
            if parts:
                total = round(sum(parts), 6)
                assert total >= city if indicator.direction == AT_LEAST else total <= city, (indicator.code, year)
