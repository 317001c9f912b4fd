"""The plan's structure (规划结构) as its figures draw it, placed inside the real outline.

总体格局 "一极两屏、三轴三区", 生态保护格局 "一核两屏、一网多廊" and the central city's
"一轴一环两翼四区多点", in three layers (points, lines, areas) typed by ``JGLX``
(code table ``structure_type``). Positions are illustrative: derived from the demo's own shapes
(mountain belt, river shore, lake, central city) and the roads and rivers of the demo.
"""

from shapely import affinity
from shapely.geometry import LineString, MultiLineString, Point, box
from shapely.ops import unary_union

from .geometry_tools import as_multi, polygons, voronoi_cells
from .layers import RIVERS
from .outline import plan_point
from .urban import ROUTES
from .zones import CENTRAL_CITY, LAKE_CENTRE, PlanShapes

AXES = {"运风高速": "运风高速城镇发展轴", "G521": "国道521城镇发展轴", "S238": "省道238城镇发展轴"}
# 四区 of the central city: seeds (metres east, north of the centre)
DISTRICTS = [
    ("西部文化体育区", -2300, 300),
    ("东部医疗康养区", 2300, 0),
    ("北部商贸物流区", 0, 1900),
    ("中部综合服务区", 0, 250),
]
# the southern industrial block of the central city (see zones._central_city): 两翼
WINGS = [("铝深加工产业园", -2500, -400), ("机电装备制造产业园", 300, 1800)]
SOUTH_BLOCK = (-3400, -1000)  # its south and north edge, metres from the centre
NODES = [
    ("13", "城市中心", 0, 0),
    ("14", "一场三馆活力节点", -2200, 600),
    ("14", "市人民医院活力节点", 1900, 500),
    ("15", "北部商贸物流节点", 100, 2100),
    ("15", "南部产业园区节点", -500, -2400),
    ("15", "东部滨湖发展节点", 3000, -400),
]


def _longest(geometry) -> LineString:
    parts = list(getattr(geometry, "geoms", [geometry]))
    return max((p for p in parts if isinstance(p, LineString)), key=lambda p: p.length)


def _midline_by_x(area, step=1500.0) -> LineString:
    """A west–east line through the middle of a band (the mountain belt)."""
    minx, miny, maxx, maxy = area.bounds
    points, x = [], minx + step / 2
    while x < maxx:
        section = LineString([(x, miny - 1), (x, maxy + 1)]).intersection(area)
        if not section.is_empty:
            points.append((x, (section.bounds[1] + section.bounds[3]) / 2))
        x += step
    return LineString(points)


def _midline_by_y(area, step=1500.0) -> LineString:
    """A south–north line through the middle of a band (the river shore)."""
    minx, miny, maxx, maxy = area.bounds
    points, y = [], miny + step / 2
    while y < maxy:
        section = LineString([(minx - 1, y), (maxx + 1, y)]).intersection(area)
        if not section.is_empty:
            points.append(((section.bounds[0] + section.bounds[2]) / 2, y))
        y += step
    return LineString(points)


def _multiline(geometry, name: str) -> MultiLineString:
    parts = [p for p in getattr(geometry, "geoms", [geometry]) if isinstance(p, LineString) and not p.is_empty]
    if not parts:
        raise ValueError(f"structure line {name} falls outside the city")
    return MultiLineString(parts)


def _line(name: str, kind: str, geometry) -> dict:
    return {"JGLX": kind, "JGMC": name, "geometry": geometry}


def structure_points(shapes: PlanShapes) -> list[dict]:
    cx, cy = plan_point(*CENTRAL_CITY)
    puzhou = shapes.town_areas["蒲州镇"]
    pole = unary_union([shapes.central_city, puzhou]).centroid
    pole = pole if shapes.central_city.contains(pole) else Point(cx, cy)
    result = [
        {"JGLX": "11", "JGMC": "城区-蒲州联动发展极", "geometry": pole},
        {"JGLX": "12", "JGMC": "伍姓湖生态绿核", "geometry": Point(*plan_point(*LAKE_CENTRE))},
    ]
    for kind, name, dx, dy in NODES:
        point = Point(cx + dx, cy + dy)
        if not shapes.central_city.contains(point):
            point = shapes.central_city.representative_point()
        result.append({"JGLX": kind, "JGMC": name, "geometry": point})
    return _numbered(result)


def structure_lines(shapes: PlanShapes) -> list[dict]:
    inner = shapes.outline.buffer(-300)
    result = [
        _line("中条山生态屏障", "21", _midline_by_x(shapes.mountain).intersection(inner)),
        _line("黄河生态屏障", "21", _midline_by_y(shapes.shore).intersection(inner)),
    ]
    for road, name in AXES.items():
        points = next(pts for n, _, pts in ROUTES if n == road)
        axis = LineString([plan_point(*p) for p in points]).intersection(shapes.outline.buffer(-2500))
        result.append(_line(name, "22", _longest(axis)))
    result += _network(shapes)
    for river, points in RIVERS.items():
        line = LineString([plan_point(*p) for p in points]).intersection(shapes.outline)
        result.append(_line(f"{river}生态廊道", "24", line))
    result += _central_lines(shapes)
    for f in result:
        f["geometry"] = _multiline(f["geometry"], f["JGMC"])
    return _numbered(result)


def _network(shapes: PlanShapes) -> list[dict]:
    """一网: 碧道 around the lake and along the 涑水河, 绿道 along the mountain foot and the city's roads."""
    cx, cy = plan_point(*CENTRAL_CITY)
    lake_ring = shapes.lake.buffer(450).exterior
    river = LineString([plan_point(*p) for p in RIVERS["涑水河"]])
    river_path = river.parallel_offset(450, "left").intersection(box(cx - 9000, cy - 9000, cx + 12000, cy + 9000))
    foot = _midline_by_x(shapes.foothills).intersection(box(cx - 9000, cy - 20000, cx + 14000, cy))
    city_path = LineString([(cx - 3800, cy + 900), (cx + 3600, cy + 700)]).intersection(shapes.central_city)
    return [
        _line("伍姓湖环湖碧道", "23", lake_ring),
        _line("涑水河碧道", "23", _longest(river_path)),
        _line("中条山绿道", "23", _longest(foot)),
        _line("黄河大道绿道", "23", _longest(city_path)),
    ]


def _central_lines(shapes: PlanShapes) -> list[dict]:
    """一轴 (舜都大道, south–north) and 一环 (linking river, lake side, mountain side, 一场三馆)."""
    cx, cy = plan_point(*CENTRAL_CITY)
    axis = LineString([(cx + 100, cy - 3200), (cx, cy), (cx - 100, cy + 2600)]).intersection(
        shapes.central_city.buffer(-150)
    )
    ring = affinity.scale(Point(cx, cy - 300).buffer(1000, 48), 2.6, 1.7).exterior
    return [_line("舜都大道城市发展轴", "25", _longest(axis)), _line("城市活力环", "26", ring)]


def structure_areas(shapes: PlanShapes) -> list[dict]:
    result = _farming_areas(shapes)
    cx, cy = plan_point(*CENTRAL_CITY)
    south, north = SOUTH_BLOCK
    for name, west, east in WINGS:
        wing = box(cx + west, cy + south, cx + east, cy + north - 100).intersection(shapes.central_city)
        result.append({"JGLX": "32", "JGMC": name, "geometry": as_multi(wing.buffer(-80))})
    rest = shapes.central_city.difference(box(cx - 5000, cy - 5000, cx + 5000, cy + north))
    seeds = [Point(cx + dx, cy + dy) for _, dx, dy in DISTRICTS]
    for (name, _, _), cell in zip(DISTRICTS, voronoi_cells(seeds, rest)):
        result.append({"JGLX": "33", "JGMC": name, "geometry": as_multi(cell.buffer(-80))})
    return _numbered(result)


def _farming_areas(shapes: PlanShapes) -> list[dict]:
    """三区: 沿黄 (west), 沿山 (south, below the plain), 平原 (the rest), outside ecology and towns."""
    farm = shapes.outline.difference(
        unary_union([shapes.zones["01"], shapes.zones["02"], shapes.zones["04"].buffer(300)])
    )
    minx, miny, maxx, maxy = shapes.outline.bounds
    west_x, _ = plan_point(110.37, 34.90)
    _, south_y = plan_point(110.50, 34.855)
    west = farm.intersection(box(minx - 1, miny - 1, west_x, maxy + 1))
    mountain_side = farm.intersection(box(west_x, miny - 1, maxx + 1, south_y))
    plain = farm.difference(west).difference(mountain_side)
    result = []
    for name, geometry in (("沿黄特色农业区", west), ("平原特色农业区", plain), ("沿山特色农业区", mountain_side)):
        parts = [p.buffer(-150) for p in polygons(geometry) if p.area > 2e6]
        result.append({"JGLX": "31", "JGMC": name, "geometry": as_multi(unary_union(parts))})
    return result


def _numbered(features: list[dict]) -> list[dict]:
    for i, f in enumerate(features, start=1):
        f["BSM"] = i
    return features
