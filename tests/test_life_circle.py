"""15分钟社区生活圈 against an independent shortest-path computation on the demo street network."""

import heapq
import math
from collections import defaultdict

import pytest
import yaml
from qgis.core import QgsVectorLayer
from shapely import wkt as shapely_wkt
from shapely.geometry import LineString

from helpers import memory_layer
from yongji_plugin.core.life_circle.check import (
    NETWORK,
    STRAIGHT,
    LifeCircleParams,
    run_life_circle,
)
from yongji_plugin.core.life_circle.outputs import AREAS, SERVICE, result_layers, write_report
from yongji_plugin.core.life_circle.table import default_table_path, load_life_circle_table
from yongji_plugin.core.shared.areas import AreaMethod
from yongji_plugin.core.shared.errors import PlanError

ACCESS = 50.0
METRES_PER_MINUTE = 4.0 * 1000 / 60


# --- an independent walk: Dijkstra over the demo streets, partial edges by hand ----------------
def _key(x, y):
    return round(x, 6), round(y, 6)


class Streets:
    def __init__(self, lines):
        self.edges = []  # (a, b, length)
        for line in lines:
            coords = list(line.coords)
            for a, b in zip(coords, coords[1:]):
                self.edges.append((_key(*a), _key(*b), math.dist(a, b)))

    def tie(self, point):
        """The node a facility stands on, splitting the nearest edge when it stands between nodes."""
        best = min(range(len(self.edges)), key=lambda i: LineString(self.edges[i][:2]).distance(point))
        a, b, length = self.edges[best]
        along = LineString([a, b]).project(point)
        if along < 1e-6:
            return a
        if along > length - 1e-6:
            return b
        p = LineString([a, b]).interpolate(along)
        node = _key(p.x, p.y)
        self.edges[best : best + 1] = [(a, node, along), (node, b, length - along)]
        return node

    def distances(self, sources):
        graph = defaultdict(list)
        for a, b, length in self.edges:
            graph[a].append((b, length))
            graph[b].append((a, length))
        best = {s: 0.0 for s in sources}
        queue = [(0.0, s) for s in sources]
        while queue:
            d, node = heapq.heappop(queue)
            if d > best.get(node, math.inf):
                continue
            for other, length in graph[node]:
                if d + length < best.get(other, math.inf):
                    best[other] = d + length
                    heapq.heappush(queue, (d + length, other))
        return best

    def reachable(self, sources, cost):
        """The reachable parts of every edge, as shapely lines."""
        d = self.distances(sources)
        parts = []
        for a, b, length in self.edges:
            for start, end in ((a, b), (b, a)):
                left = cost - d.get(start, math.inf)
                if left >= 0:
                    line = LineString([start, end])
                    parts.append(
                        LineString([start, line.interpolate(min(left, length)).coords[0]]) if left < length else line
                    )
        return parts


@pytest.fixture(scope="module")
def demo_run(demo_gpkg):
    layers = [
        QgsVectorLayer(f"{demo_gpkg}|layername={code}", name, "ogr")
        for code, name in (("GGFWSS", "公共服务设施"), ("JZQ", "居住区"), ("ZXCQDL", "中心城区道路"))
    ]
    result = run_life_circle(*layers, load_life_circle_table(), LifeCircleParams(AreaMethod.create()))
    return layers, result


@pytest.mark.parametrize("code", ["JS01", "TY02", "JS03", "LN01"])
def test_coverage_matches_an_independent_shortest_path(demo_data, demo_run, code):
    _, data = demo_data
    _, result = demo_run
    table = load_life_circle_table()
    row = next(r for r in table.rows if r.code == code)
    streets = Streets([f["geometry"] for f in data["ZXCQDL"]])
    sources = [streets.tie(f["geometry"]) for f in data["GGFWSS"] if f["SSLX"] in row.types]
    minutes = next(level.minutes for level in table.levels if level.code == row.level)
    parts = streets.reachable(sources, METRES_PER_MINUTE * minutes)
    expected = {f["MC"]: any(part.distance(f["geometry"]) <= ACCESS for part in parts) for f in data["JZQ"]}
    got = {area.name: code in area.reached for area in result.areas}
    assert got == expected
    assert 0 < sum(expected.values()) < len(expected)  # the row splits the city: the test can fail


def test_demo_run_says_what_it_did(demo_data, demo_run):
    _, data = demo_data
    _, result = demo_run
    assert result.method == NETWORK and not result.fallback_reason and not result.canceled
    assert len(result.areas) == len(data["JZQ"]) and len(result.facilities) == len(data["GGFWSS"])
    lacking = [a for a in result.areas if result.lacks(a)]
    assert 0 < len(lacking) < len(result.areas)
    assert result.unmatched_types == {} and result.warnings == []
    assert set(result.service_areas) == {r.code for r in result.table.rows if result.facilities_of(r)}


def test_layers_and_report(demo_run, tmp_path):
    _, result = demo_run
    layers = result_layers(result)
    areas = layers[AREAS]
    assert areas.featureCount() == len(result.areas)
    assert areas.renderer().type() == "graduatedSymbol"
    by_name = {f["res_name"]: f for f in areas.getFeatures()}
    for area in result.areas:
        row = by_name[area.name]
        assert row["lack_n"] == len(result.lacks(area))
        assert row["lack_l1"] == "、".join(r.label for r in result.lacks(area) if r.level == "社区")
        optional = [(r.label, r.level) for r in result.lacks(area, required=False)]
        shown = row["opt_lack"].split("、") if row["opt_lack"] else []
        # each optional row names its level: one kind of facility at two levels read as a repeat
        assert shown == [f"{label} ({result.table.level(level).name})" for label, level in optional]
        assert len(set(shown)) == len(shown)
        assert row["area_m2"] == round(area.geometry.area(), 2)
        assert row["area_ha"] == round(round(area.geometry.area(), 2) / 10000, 4)
    assert any(result.lacks(area, required=False) for area in result.areas)  # the case exists in the demo
    service = layers[SERVICE]
    assert service.featureCount() == len(result.service_areas)
    assert {f["row_code"] for f in service.getFeatures()} == set(result.service_areas)
    paths = write_report(result, tmp_path / "life_circle.html", areas)
    html = paths["html"].read_text(encoding="utf-8")
    worst = max(result.areas, key=lambda a: len(result.lacks(a)))
    assert worst.name in html and "初中" in html and "4 km/h" in html
    assert paths["pdf"].stat().st_size > 10000 and paths["map"].stat().st_size > 10000


# --- a small network that does not connect ----------------------------------------------------
def _net(rows):
    return memory_layer("LineString", "EPSG:4546", ["MC:string"], [(wkt, ["路"]) for wkt in rows], "路网")


def _facilities(rows):
    return memory_layer("Point", "EPSG:4546", ["MC:string", "SSLX:string", "SHQJB:string"], rows, "设施")


def _areas(rows):
    return memory_layer("Polygon", "EPSG:4546", ["MC:string", "RK:double"], rows, "小区")


def _square(x, y, side=40):
    return f"POLYGON(({x} {y}, {x + side} {y}, {x + side} {y + side}, {x} {y + side}, {x} {y}))"


SPLIT_NETWORK = ["LINESTRING(0 0, 500 0)", "LINESTRING(500 0, 1000 0)", "LINESTRING(0 600, 1000 600)"]
FACILITIES = [
    ("POINT(100 0)", ["初中甲", "初中", "社区"]),
    ("POINT(100 600)", ["初中乙", "初中", "社区"]),
    ("POINT(500 300)", ["小学丙", "小学", "邻里"]),
    ("POINT(900 0)", ["医院", "医院", "社区"]),
]
AREAS_ROWS = [
    (_square(300, 10), ["北一", 1000.0]),
    (_square(800, 10), ["北二", 800.0]),
    (_square(300, 550), ["南一", 500.0]),
]


def test_an_unconnected_network_names_the_features():
    with pytest.raises(PlanError) as error:
        run_life_circle(
            _facilities(FACILITIES),
            _areas(AREAS_ROWS),
            _net(SPLIT_NETWORK),
            load_life_circle_table(),
            LifeCircleParams(AreaMethod.create()),
        )
    message = str(error.value)
    assert "路网" in message and "does not connect" in message
    assert "初中乙 (feature 2) is on a part of 路网 not connected to the rest" in message
    assert "南一 (feature 3) is on a part of 路网 not connected" in message
    assert "小学丙 (feature 3) is 300 m from the nearest street of 路网" in message
    assert "初中甲" not in message and "北一" not in message


def test_an_area_far_from_every_street_is_named():
    far = AREAS_ROWS[:2] + [(_square(300, 200), ["孤岛", 10.0])]
    network = SPLIT_NETWORK[:2]
    with pytest.raises(PlanError, match=r"孤岛 \(feature 3\) is 200 m from the nearest street"):
        run_life_circle(
            _facilities(FACILITIES[:1]),
            _areas(far),
            _net(network),
            load_life_circle_table(),
            LifeCircleParams(AreaMethod.create()),
        )


def test_the_fallback_runs_straight_lines_and_says_why():
    result = run_life_circle(
        _facilities(FACILITIES),
        _areas(AREAS_ROWS),
        _net(SPLIT_NETWORK),
        load_life_circle_table(),
        LifeCircleParams(AreaMethod.create(), fallback=True),
    )
    assert result.method == STRAIGHT and "初中乙" in result.fallback_reason
    squares = {name: wkt for wkt, (name, _) in AREAS_ROWS}
    for area in result.areas:
        shape = shapely_wkt.loads(squares[area.name])
        for code, types, minutes in (("JS01", ("初中",), 15), ("JS02", ("小学",), 10)):
            facilities = [shapely_wkt.loads(w) for w, (_, kind, _) in FACILITIES if kind in types]
            reached = any(shape.distance(f) <= METRES_PER_MINUTE * minutes for f in facilities)
            assert (code in area.reached) == reached, (area.name, code)
    assert result.unmatched_types == {"医院": 1}
    assert {r.code for r in result.lacks(result.areas[0])} >= {"JS03", "TY01"}
    layers = result_layers(result)
    assert all(f.geometry().type() == 2 for f in layers[SERVICE].getFeatures())  # discs, not streets


def test_no_network_without_fallback_is_an_error_and_with_it_a_straight_run():
    args = (_facilities(FACILITIES[:1]), _areas(AREAS_ROWS[:1]), None, load_life_circle_table())
    with pytest.raises(PlanError, match="No street network"):
        run_life_circle(*args, LifeCircleParams(AreaMethod.create()))
    result = run_life_circle(*args, LifeCircleParams(AreaMethod.create(), fallback=True))
    assert result.method == STRAIGHT and "No street network" in result.fallback_reason


def test_speed_and_minutes_change_the_reach():
    network = ["LINESTRING(0 0, 2000 0)"]
    facilities = _facilities([("POINT(0 0)", ["初中甲", "初中", "社区"])])
    areas = _areas([(_square(900, 10, 20), ["近", 1.0]), (_square(1300, 10, 20), ["远", 1.0])])
    table = load_life_circle_table()
    base = run_life_circle(facilities, areas, _net(network), table, LifeCircleParams(AreaMethod.create()))
    assert ["JS01" in a.reached for a in base.areas] == [True, False]  # 1000 m reaches 900, not 1300
    slow = run_life_circle(
        facilities, areas, _net(network), table, LifeCircleParams(AreaMethod.create(), speed_kmh=3.0)
    )  # 750 m
    assert ["JS01" in a.reached for a in slow.areas] == [False, False]
    long = run_life_circle(
        facilities, areas, _net(network), table, LifeCircleParams(AreaMethod.create(), minutes={"社区": 20})
    )  # 1333 m
    assert ["JS01" in a.reached for a in long.areas] == [True, True]
    with pytest.raises(PlanError, match="Unknown life-circle level 区级"):
        run_life_circle(
            facilities, areas, _net(network), table, LifeCircleParams(AreaMethod.create(), minutes={"区级": 20})
        )


def test_a_type_at_several_levels_counts_at_its_own_level():
    network = ["LINESTRING(0 0, 2000 0)"]
    facilities = _facilities(
        [("POINT(0 0)", ["福利甲", "其他福利设施", "街坊"]), ("POINT(10 0)", ["福利乙", "其他福利设施", "区级"])]
    )
    areas = _areas([(_square(100, 10, 20), ["小区", 1.0])])
    result = run_life_circle(
        facilities, areas, _net(network), load_life_circle_table(), LifeCircleParams(AreaMethod.create())
    )
    assert [f.rows for f in result.facilities] == [["FL03"]]
    assert result.areas[0].reached == {"FL03"}
    assert any("其他福利设施" in w and "区级" in w for w in result.warnings)


def test_bad_layers_and_fields_are_named():
    table = load_life_circle_table()
    params = LifeCircleParams(AreaMethod.create())
    facilities, areas, network = _facilities(FACILITIES[:1]), _areas(AREAS_ROWS[:1]), _net(SPLIT_NETWORK)
    with pytest.raises(PlanError, match="设施 has no field LX"):
        run_life_circle(facilities, areas, network, table, LifeCircleParams(AreaMethod.create(), type_field="LX"))
    with pytest.raises(PlanError, match="Residential area layer 设施 must contain Polygon"):
        run_life_circle(facilities, facilities, network, table, params)
    with pytest.raises(PlanError, match="Street network layer 设施 must contain Line"):
        run_life_circle(facilities, areas, facilities, table, params)
    with pytest.raises(PlanError, match="No facility of 设施 has a type of the life-circle table.*医院"):
        run_life_circle(_facilities(FACILITIES[3:]), areas, network, table, params)


# --- the table file --------------------------------------------------------------------------
def _table(tmp_path, change):
    raw = yaml.safe_load(default_table_path().read_text(encoding="utf-8"))
    change(raw)
    path = tmp_path / "table.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda raw: raw["facilities"][0].update(level="区级"), r"facilities #1 \(JS01\): unknown level 区级"),
        (lambda raw: raw["facilities"][1].pop("types"), r"facilities #2 \(JS02\): missing key types"),
        (lambda raw: raw["facilities"][2].update(code="JS01"), "code JS01 appears more than once"),
        (lambda raw: raw["levels"][0].update(minutes=-5), "levels #1: minutes must be a positive number"),
        (lambda raw: raw.update(walking_speed_kmh="fast"), "walking_speed_kmh must be a positive number"),
        (lambda raw: raw["facilities"][3].update(types="体育馆"), "types must be a list"),
        (lambda raw: raw["facilities"][4].update(required="yes"), "required must be true or false"),
        (
            lambda raw: raw["facilities"][5].update(types=["幼儿园"]),
            "facility type 幼儿园 is also listed in .* at the same level",
        ),
        (lambda raw: raw.pop("levels"), "levels: a non-empty list is required"),
    ],
)
def test_a_malformed_table_names_file_entry_and_key(tmp_path, change, message):
    path = _table(tmp_path, change)
    with pytest.raises(PlanError, match=message) as error:
        load_life_circle_table(path)
    assert str(path) in str(error.value)


def test_a_table_that_is_not_yaml(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("levels: [{code: 社区, minutes: 15\n", encoding="utf-8")
    with pytest.raises(PlanError, match="broken.yaml cannot be read: line 2"):
        load_life_circle_table(path)
    with pytest.raises(PlanError, match="missing.yaml cannot be read"):
        load_life_circle_table(tmp_path / "missing.yaml")


def test_the_plan_table_as_shipped():
    table = load_life_circle_table()
    assert [(level.code, level.minutes) for level in table.levels] == [("社区", 15), ("邻里", 10), ("街坊", 5)]
    required = {
        level: [r.name for r in table.rows if r.level == level and r.required] for level in ("社区", "邻里", "街坊")
    }
    assert required["社区"][0] == "初中" and "小学" in required["邻里"] and "幼儿园" in required["街坊"]
    assert len([r for r in table.rows if r.required]) == 13 and table.speed_kmh == 4.0


def test_a_population_that_is_no_number_is_named_and_left_out():
    """A NaN RK made the report's population of areas lacking read "nan"; a negative one subtracted."""
    rows = [(_square(0, 0), ["甲", math.nan]), (_square(100, 0), ["乙", -50.0]), (_square(200, 0), ["丙", 300.0])]
    rows.append((_square(300, 0), ["丁", None]))
    result = run_life_circle(
        _facilities(FACILITIES[:1]),
        _areas(rows),
        None,
        load_life_circle_table(),
        LifeCircleParams(AreaMethod.create(), fallback=True),
    )
    assert [a.population for a in sorted(result.areas, key=lambda a: a.fid)] == [None, None, 300.0, None]
    said = [w for w in result.warnings if "no valid population" in w]
    assert len(said) == 1 and "2 residential areas of 小区" in said[0] and "features 1, 2" in said[0]
