"""规划实施监测预警 on a small plan built here: areas against shapely computed directly, levels by
hand from the indicator file's thresholds, a snapshot in another CRS, bad input as sentences."""

import pytest
from pyproj import Transformer
from shapely.geometry import box
from shapely.ops import transform, unary_union

from helpers import memory_layer, to_shapely
from yongji_plugin.core.indicators.definitions import load_indicators
from yongji_plugin.core.monitoring.changes import GAINED, LOST
from yongji_plugin.core.monitoring.outputs import FINDINGS, result_layers
from yongji_plugin.core.monitoring.rules import NORMAL, RED, YELLOW, load_rules
from yongji_plugin.core.monitoring.run import MonitorParams, run_monitoring
from yongji_plugin.core.monitoring.snapshots import UNKNOWN_CLASS, SnapshotInput
from yongji_plugin.core.shared.areas import AreaMethod
from yongji_plugin.core.shared.errors import PlanError

CRS = "EPSG:4546"
X0, Y0, CELL = 440000.0, 3860000.0, 200.0
TOWNS = {"甲镇": box(X0, Y0, X0 + 1000, Y0 + 1000), "乙镇": box(X0 + 1000, Y0, X0 + 2000, Y0 + 1000)}
LINES = {
    "STBHHX": box(X0, Y0 + 600, X0 + 400, Y0 + 1000),
    "YJJBNT": box(X0 + 600, Y0, X0 + 1400, Y0 + 400),
    "CZKFBJ": box(X0 + 1500, Y0 + 500, X0 + 2000, Y0 + 1000),
    "LSWHBHX": box(X0 + 1600, Y0, X0 + 1900, Y0 + 200),
}
CORE = box(X0, Y0 + 800, X0 + 200, Y0 + 1000)
FIELDS = ["BSM:integer", "DLBM:string", "KCXS:double"]
# cells (column, row) that change, and how
BUILT_ON_FARMLAND = (4, 0)  # 0103 → 0702 on 永久基本农田 (甲镇)
MINE_IN_REDLINE = (1, 3)  # 0301 → 0602 in 生态保护红线
HALF_OUTSIDE = (7, 3)  # 0103 → 201, half outside 城镇开发边界 (乙镇)
GRASS_TO_FARMLAND = (5, 4)  # 0404 → 0102 (KCXS 0.2): 耕地 gained
UNKNOWN = (9, 1)  # 0103 → 9999: listed, never counted
HERITAGE = (8, 0)  # 2024: 0103 → 0508 in 历史文化保护线


def cell(column, row):
    return box(X0 + column * CELL, Y0 + row * CELL, X0 + (column + 1) * CELL, Y0 + (row + 1) * CELL)


def reference_codes() -> dict:
    codes = {}
    for column in range(10):
        for row in range(5):
            geometry = cell(column, row)
            codes[(column, row)] = (
                "201" if geometry.within(LINES["CZKFBJ"]) else "0301" if geometry.within(LINES["STBHHX"]) else "0103"
            )
    codes[GRASS_TO_FARMLAND] = "0404"
    return codes


def parcels(codes: dict, shares=None, name="DLTB", crs=CRS, fields=FIELDS):
    shares = shares or {}
    rows = []
    for number, ((column, row), code) in enumerate(sorted(codes.items()), start=1):
        geometry = cell(column, row)
        if crs != CRS:
            geometry = transform(Transformer.from_crs(CRS, crs, always_xy=True).transform, geometry)
        share = shares.get((column, row), 0.1 if code.startswith("01") else None)
        rows.append((geometry.wkt, [number, code, share][: len(fields)]))
    return memory_layer("Polygon", crs, fields, rows, name)


def year_codes(year: int) -> dict:
    codes = reference_codes()
    codes.update(
        {
            BUILT_ON_FARMLAND: "0702",
            MINE_IN_REDLINE: "0602",
            HALF_OUTSIDE: "201",
            GRASS_TO_FARMLAND: "0102",
            UNKNOWN: "9999",
        }
    )
    if year >= 2024:
        codes[HERITAGE] = "0508"
    return codes


@pytest.fixture(scope="module")
def plan():
    layers = {
        "XZQ_XZ": memory_layer("Polygon", CRS, ["XZQMC:string"], [(g.wkt, [n]) for n, g in TOWNS.items()], "乡镇"),
        "XZQ": memory_layer(
            "Polygon", CRS, ["XZQMC:string"], [(unary_union(list(TOWNS.values())).wkt, ["测试市"])], "市域"
        ),
        "ZRBHD": memory_layer(
            "Polygon",
            CRS,
            ["GNFQ:string"],
            [(CORE.wkt, ["1"]), (box(X0, Y0, X0 + 200, Y0 + 200).wkt, ["2"])],
            "自然保护地",
        ),
        "DLTB": parcels(reference_codes()),
    }
    for code, geometry in LINES.items():
        layers[code] = memory_layer("Polygon", CRS, ["BSM:integer"], [(geometry.wkt, [1])], code)
    return layers


INDICATORS = """
warning: {yellow: 1.0, red: 5.0}
indicators:
  - code: JSYD
    name: 建设用地规模
    unit: 公顷
    kind: 约束性
    direction: 不高于
    targets: {2025: 30.0, 2035: 40.0}
    measure: {layer: DLTB, filter: "left(\\"DLBM\\", 2) in ('20', '05', '06', '07')"}
  - code: GDBYL
    name: 耕地保有量
    unit: 公顷
    kind: 约束性
    direction: 不低于
    targets: {2025: 140.0, 2035: 139.0}
    measure: {layer: DLTB, filter: "left(\\"DLBM\\", 2) = '01'"}
    warning: {yellow: 0.0, red: 0.5}
"""


@pytest.fixture(scope="module")
def indicator_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("monitoring") / "indicators.yaml"
    path.write_text(INDICATORS, encoding="utf-8")
    return load_indicators(path)


@pytest.fixture(scope="module")
def snapshots():
    """2022 in the plan's CRS with a shapefile-like class field name; 2024 in geographic CGCS2000."""
    first = parcels(year_codes(2022), {GRASS_TO_FARMLAND: 0.2}, "变更调查2022")
    second = parcels(year_codes(2024), {GRASS_TO_FARMLAND: 0.2}, "变更调查", crs="EPSG:4490")
    return first, second


@pytest.fixture(scope="module")
def result(plan, snapshots, indicator_file):
    params = MonitorParams(AreaMethod.create(), load_rules(), indicator_file)
    return run_monitoring(plan, [SnapshotInput(snapshots[1], 2024), SnapshotInput(snapshots[0])], params)


def _findings(result, year, rule_id):
    change = next(c for c in result.years if c.year == year)
    return [f for f in change.findings if f.rule.id == rule_id]


def test_years_in_order_each_against_the_one_before(result):
    assert [(c.year, c.since) for c in result.years] == [(2022, 2019), (2024, 2022)]
    assert [s.year for s in result.snapshots] == [2019, 2022, 2024]


def test_new_construction_against_each_control_line_matches_shapely(result):
    built = {BUILT_ON_FARMLAND, MINE_IN_REDLINE, HALF_OUTSIDE}
    new = unary_union([cell(*c) for c in built])
    assert sum(p.area for p in result.years[0].construction) == pytest.approx(new.area, rel=1e-9)
    expected = {
        "permanent_farmland": new.intersection(LINES["YJJBNT"]).area,
        "ecological_redline": new.intersection(LINES["STBHHX"]).area,
        "protected_core": new.intersection(CORE).area,
        "outside_urban_boundary": new.difference(LINES["CZKFBJ"]).area,
    }
    for rule_id, area in expected.items():
        found = _findings(result, 2022, rule_id)
        assert sum(f.area for f in found) == pytest.approx(area, rel=1e-9), rule_id
    assert not _findings(result, 2022, "heritage_line")
    assert {f.rule.level for f in _findings(result, 2022, "permanent_farmland")} == {RED}
    half = _findings(result, 2022, "outside_urban_boundary")
    assert sorted(round(f.area, 6) for f in half) == sorted(
        round(cell(*c).difference(LINES["CZKFBJ"]).area, 6) for c in built
    )


def test_snapshot_in_another_crs_measured_in_the_area_crs(result, snapshots):
    to_plan = Transformer.from_crs("EPSG:4490", CRS, always_xy=True).transform
    shapes = {f["BSM"]: transform(to_plan, to_shapely(f.geometry())) for f in snapshots[1].getFeatures()}
    number = sorted(year_codes(2024)).index(HERITAGE) + 1
    heritage = shapes[number]
    found = _findings(result, 2024, "heritage_line")
    assert len(found) == 1 and found[0].area == pytest.approx(heritage.intersection(LINES["LSWHBHX"]).area, rel=1e-7)
    assert found[0].rule.level == YELLOW and found[0].piece.township == "乙镇"


def test_farmland_lost_and_gained_per_township_net_of_tiankan(result):
    change = result.years[0]
    lost = {}
    for c in (BUILT_ON_FARMLAND, HALF_OUTSIDE):
        for name, town in TOWNS.items():
            lost[name] = lost.get(name, 0.0) + cell(*c).intersection(town).area
    for name in TOWNS:
        pieces = [p for p in change.farmland[LOST] if p.township == name]
        assert sum(p.area for p in pieces) == pytest.approx(lost[name], rel=1e-9)
        assert sum(p.net for p in pieces) == pytest.approx(lost[name] * 0.9, rel=1e-9)
    gained = change.farmland[GAINED]
    assert [p.township for p in gained] == ["乙镇"]
    assert gained[0].net == pytest.approx(CELL * CELL * 0.8, rel=1e-9)


def test_unknown_codes_are_listed_and_never_counted(result):
    listed = [p for p in result.problems if p.kind == UNKNOWN_CLASS]
    assert {(p.year, p.layer) for p in listed} == {(2022, "变更调查2022"), (2024, "变更调查")}
    assert all("9999" in p.text for p in listed)
    unknown = cell(*UNKNOWN)
    for change in result.years:
        for piece in change.construction + change.farmland[LOST] + change.farmland[GAINED]:
            assert to_shapely(piece.geometry).intersection(unknown).area < 1e-6


def _by_hand(value, path, direction, target, yellow, red):
    behind = (path - value) if direction == "at_least" else (value - path)
    lag = 100 * behind / path
    broken = value < target if direction == "at_least" else value > target
    return RED if broken or lag > red else YELLOW if lag > yellow else NORMAL


def test_indicator_levels_follow_the_thresholds_by_hand(result):
    codes = {2019: reference_codes(), 2022: year_codes(2022), 2024: year_codes(2024)}
    built = {
        y: sum(cell(*c).area for c, code in k.items() if code[:2] in ("20", "05", "06", "07")) / 1e4
        for y, k in codes.items()
    }
    farmland = {y: sum(cell(*c).area for c, code in k.items() if code.startswith("01")) / 1e4 for y, k in codes.items()}
    for code, values, direction, targets, (yellow, red) in (
        ("JSYD", built, "at_most", (30.0, 40.0), (1.0, 5.0)),
        ("GDBYL", farmland, "at_least", (140.0, 139.0), (0.0, 0.5)),
    ):
        rows = {r.year: r for r in result.trend if r.code == code and r.is_city}
        for year in (2019, 2022, 2024):
            path = values[2019] + (targets[0] - values[2019]) * (year - 2019) / (2025 - 2019)
            assert rows[year].value == pytest.approx(values[year], rel=1e-9)
            assert rows[year].path == pytest.approx(path, rel=1e-9)
            assert rows[year].level == _by_hand(values[year], path, direction, targets[0], yellow, red), (code, year)
    assert {r.level for r in result.trend} - {NORMAL}, "the case should warn somewhere"


def test_layers_carry_every_finding_with_its_area(result):
    layers = result_layers(result)
    findings = list(layers[FINDINGS].getFeatures())
    assert len(findings) == len(result.findings())
    total = sum(f.area for f in result.findings())
    assert sum(f["m2"] for f in findings) == pytest.approx(total, abs=0.01 * len(findings))
    assert all(f["mu"] == round(f["m2"] / (10000 / 15), 2) for f in findings)


def _run(plan, inputs, reference=None):
    return run_monitoring(plan, inputs, MonitorParams(AreaMethod.create(), load_rules()), reference)


def test_a_snapshot_without_a_year_is_refused_by_name(plan):
    layer = parcels(reference_codes(), name="现状图斑")
    with pytest.raises(PlanError, match="现状图斑 has no year"):
        _run(plan, [SnapshotInput(layer)])


def test_the_same_year_twice_is_refused(plan):
    with pytest.raises(PlanError, match="same year 2022: a_2022, b"):
        _run(
            plan,
            [
                SnapshotInput(parcels(reference_codes(), name="a_2022")),
                SnapshotInput(parcels(reference_codes(), name="b"), 2022),
            ],
        )


def test_a_year_not_after_the_reference_is_refused(plan):
    with pytest.raises(PlanError, match="of 2019, not after the reference year 2019"):
        _run(plan, [SnapshotInput(parcels(reference_codes(), name="x"), 2019)])


def test_a_missing_class_field_is_refused(plan):
    layer = parcels(reference_codes(), name="no_class_2022", fields=["BSM:integer", "DL:string", "KCXS:double"])
    with pytest.raises(PlanError, match="no_class_2022 lacks the class field DLBM"):
        _run(plan, [SnapshotInput(layer)])


def test_a_class_field_of_another_name_is_read(plan):
    layer = parcels(year_codes(2022), name="renamed_2022", fields=["BSM:integer", "DL:string", "KCXS:double"])
    result = _run(plan, [SnapshotInput(layer, class_field="DL")])
    assert len(result.years[0].construction) == 3


def test_a_year_field_gives_the_year_and_several_years_are_refused(plan):
    layer = parcels(reference_codes(), name="nf", fields=["BSM:integer", "DLBM:string", "NF:integer"])
    layer.startEditing()
    index = layer.fields().lookupField("NF")
    for number, feature in enumerate(layer.getFeatures()):
        layer.changeAttributeValue(feature.id(), index, 2023 if number else 2021)
    layer.commitChanges()
    with pytest.raises(PlanError, match="holds several years"):
        _run(plan, [SnapshotInput(layer)])
    layer.startEditing()
    for feature in layer.getFeatures():
        layer.changeAttributeValue(feature.id(), index, 2023)
    layer.commitChanges()
    assert _run(plan, [SnapshotInput(layer)]).years[0].year == 2023


def test_a_missing_control_layer_is_named(plan):
    without = {k: v for k, v in plan.items() if k != "LSWHBHX"}
    with pytest.raises(PlanError, match="LSWHBHX"):
        _run(without, [SnapshotInput(parcels(year_codes(2022), name="s_2022"))])


def test_a_bad_rule_file_lists_every_problem(tmp_path):
    path = tmp_path / "rules.yaml"
    path.write_text(
        "rules:\n  - {id: a, layer: NOPE, relation: over, title: x, level: blue, basis: {plan: p}}\n"
        "  - {id: a, layer: STBHHX, relation: inside, title: y, level: red,\n"
        "     basis: {plan: p, national: n}}\n",
        encoding="utf-8",
    )
    with pytest.raises(PlanError) as error:
        load_rules(path)
    text = str(error.value)
    for part in (
        "NOPE is not in the layer catalogue",
        "relation over",
        "level blue",
        "basis must give",
        "rule a: the id is used more than once",
    ):
        assert part in text


# --- change patches -------------------------------------------------------------------------------

PATCH_FIELDS = ["BGQDLBM:string", "BGHDLBM:string", "NF:integer"]


def patches(rows, name="变更图斑"):
    """rows: (cell, before, after, year)."""
    return memory_layer("Polygon", CRS, PATCH_FIELDS, [(cell(*c).wkt, [b, a, y]) for c, b, a, y in rows], name)


def _with_patches(plan, snapshots, layer):
    from yongji_plugin.core.monitoring.patches import PatchInput

    params = MonitorParams(AreaMethod.create(), load_rules())
    return run_monitoring(plan, [SnapshotInput(snapshots[0])], params, patches=[PatchInput(layer)])


def test_patches_of_a_year_without_a_snapshot_make_its_changes(plan, snapshots):
    layer = patches([(HERITAGE, "0103", "0508", 2023), (GRASS_TO_FARMLAND, "0102", "0404", 2023)])
    result = _with_patches(plan, snapshots, layer)
    assert [(c.year, c.since) for c in result.years] == [(2022, 2019), (2023, 2022)]
    change = result.years[1]
    heritage = [f for f in change.findings if f.rule.id == "heritage_line"]
    assert len(heritage) == 1
    assert heritage[0].area == pytest.approx(cell(*HERITAGE).intersection(LINES["LSWHBHX"]).area, rel=1e-9)
    lost = {round(p.area, 6) for p in change.farmland[LOST]}
    assert lost == {round(cell(*HERITAGE).area, 6), round(cell(*GRASS_TO_FARMLAND).area, 6)}
    assert sum(p.net for p in change.farmland[LOST]) == pytest.approx(CELL * CELL * (0.9 + 0.8), rel=1e-9)
    assert not [p for p in result.problems if p.kind == "patch_mismatch"]


def test_patches_that_disagree_with_the_snapshots_are_listed(plan, snapshots):
    layer = patches([(HERITAGE, "0404", "0508", 2023), (BUILT_ON_FARMLAND, "0103", "0601", 2022)])
    result = _with_patches(plan, snapshots, layer)
    listed = {(p.year, p.feature): p.text for p in result.problems if p.kind == "patch_mismatch"}
    assert set(listed) == {(2023, "1"), (2022, "2")}
    assert "0404" in listed[(2023, "1")] and "0103" in listed[(2023, "1")] and "100%" in listed[(2023, "1")]
    assert "0601" in listed[(2022, "2")] and "0702" in listed[(2022, "2")]


def test_a_patch_layer_without_its_fields_or_a_year_is_refused(plan, snapshots):
    from yongji_plugin.core.monitoring.patches import PatchInput

    bare = memory_layer("Polygon", CRS, ["DLBM:string"], [(cell(0, 0).wkt, ["0103"])], "卫片图斑")
    params = MonitorParams(AreaMethod.create(), load_rules())
    with pytest.raises(PlanError, match="卫片图斑 lacks the field BGQDLBM, BGHDLBM"):
        run_monitoring(plan, [], params, patches=[PatchInput(bare)])
    yearless = patches([(HERITAGE, "0103", "0508", None)], name="无年份图斑")
    with pytest.raises(PlanError, match="无年份图斑, feature 1: no year"):
        run_monitoring(plan, [], params, patches=[PatchInput(yearless)])


def test_a_bad_warning_threshold_in_the_indicator_file_is_named(tmp_path):
    path = tmp_path / "indicators.yaml"
    path.write_text(
        INDICATORS.replace("warning: {yellow: 1.0, red: 5.0}", "warning: {yellow: 6.0, red: 5.0}"), encoding="utf-8"
    )
    with pytest.raises(PlanError, match="warning: yellow 6.0 is above red 5.0"):
        load_indicators(path)


def test_ellipsoidal_areas_match_pyproj(plan, snapshots):
    from pyproj import Geod

    from yongji_plugin.core.shared.areas import ELLIPSOIDAL

    params = MonitorParams(AreaMethod.create("EPSG:4546", ELLIPSOIDAL), load_rules())
    result = run_monitoring(plan, [SnapshotInput(snapshots[0])], params)
    to_degrees = Transformer.from_crs(CRS, "EPSG:4490", always_xy=True).transform
    geod = Geod(ellps="GRS80")
    expected = abs(geod.geometry_area_perimeter(transform(to_degrees, cell(*BUILT_ON_FARMLAND)))[0])
    found = _findings(result, 2022, "permanent_farmland")
    assert len(found) == 1 and found[0].area == pytest.approx(expected, rel=1e-6)


def test_township_figures_count_overlapping_rules_once(result):
    from yongji_plugin.core.monitoring.outputs import township_coverage

    built = unary_union([cell(*c) for c in (BUILT_ON_FARMLAND, MINE_IN_REDLINE, HALF_OUTSIDE)])
    red = unary_union(
        [built.intersection(LINES["YJJBNT"]), built.intersection(LINES["STBHHX"]), built.intersection(CORE)]
    )
    heritage = cell(*HERITAGE)
    yellow = unary_union([built.difference(LINES["CZKFBJ"]), heritage]).difference(red)
    rows = {f["XZQMC"]: f for f in township_coverage(result).getFeatures()}
    for name, town in TOWNS.items():
        assert rows[name]["red_ha"] == pytest.approx(red.intersection(town).area / 1e4, abs=1e-4), name
        assert rows[name]["yel_ha"] == pytest.approx(yellow.intersection(town).area / 1e4, abs=1e-4), name


def test_each_finding_map_carries_its_legend(result, tmp_path):
    """The finding maps had a scale bar and a north arrow but no legend: which outline is the
    finding, which the township border, which colour the control line. The legend is painted in the
    map's top-left corner; the finding's own outline colour shows there (the finding itself is
    drawn in the middle half of the map, never in that corner)."""
    from qgis.PyQt.QtGui import QColor, QImage

    from yongji_plugin.core.measuring.result_styles import measure_looks
    from yongji_plugin.core.monitoring.maps import FindingMapper
    from yongji_plugin.core.plan_data.catalogue import default_catalogue
    from yongji_plugin.core.plan_data.styles import symbol_for

    finding = next(f for f in result.findings() if f.rule.level == RED)
    mapper = FindingMapper(result.controls, result.township_layer, result.params.area.crs, tmp_path)
    name, _ = mapper.draw(1, finding)
    rows = mapper.legend(finding, symbol_for("polygon", {}))
    assert [label for _, label in rows] == [
        "Suspected violation (红色预警)",
        "Township border",
        default_catalogue().layer(finding.rule.layer).name,
    ]
    image = QImage(str(tmp_path / name))
    stroke = QColor(measure_looks("monitoring_level")[RED]["stroke"])
    corner = [QColor(image.pixel(x, y)) for x in range(image.width() // 5) for y in range(image.height() // 5)]
    near = [c for c in corner if all(abs(a - b) <= 30 for a, b in zip(c.getRgb()[:3], stroke.getRgb()[:3]))]
    assert len(near) > 20
    assert mapper.townships.labelsEnabled()


def test_the_report_is_signed_in_the_one_frame(result, tmp_path, locale):
    """The monitoring report signed with 审核人 where every other report says 审查人 (its own block,
    not the frame's); it now reads as the others: conclusion, 审查人/复核人/日期, page n / n."""
    from test_report_frame import assert_framed
    from yongji_plugin.core.monitoring.report import write_report

    locale("zh_CN")
    text = assert_framed(write_report(result, tmp_path / "report.html")["pdf"])
    assert "审核人" not in text


def test_a_snapshot_off_the_city_is_warned_with_the_crs_its_coordinates_fit(plan, result):
    """Zone-37 coordinates labelled zone 36 (EPSG:4545) put the year's 现状 300 km west: the year
    read as every parcel lost, with no finding and no word (#24.4)."""
    right = parcels(year_codes(2022), name="变更调查2022")
    rows = [(f.geometry().asWkt(), f.attributes()) for f in right.getFeatures()]
    wrong = memory_layer("Polygon", "EPSG:4545", FIELDS, rows, "变更调查2022")
    off = run_monitoring(plan, [SnapshotInput(wrong, 2022)], MonitorParams(AreaMethod.create(), load_rules()))
    said = [w for w in off.warnings if "变更调查2022" in w]
    assert len(said) == 1 and "EPSG:4545" in said[0] and "EPSG:4546" in said[0]
    assert not [w for w in result.warnings if "No feature of" in w]  # 2022 in 4546, 2024 in 4490: in the city
