"""The plan's big shapes: mountains, river shore, lake, towns, and the five planning zones.

Every zone is derived by differences from the outline, so the five zones tile the city exactly
(the plan's "全域全覆盖、不交叉、不重叠").
"""

from dataclasses import dataclass

from shapely import affinity
from shapely.geometry import LineString, Point, Polygon, box
from shapely.ops import unary_union

from .outline import plan_point

# Town seats (lon, lat) — approximate positions of the real seats; 街道 share the central city.
CENTRAL_CITY = (110.447, 34.868)
TOWNS: list[tuple[str, str, float, float]] = [
    ("蒲州镇", "2", 110.322, 34.842),
    ("张营镇", "2", 110.335, 34.930),
    ("卿头镇", "2", 110.615, 34.955),
    ("虞乡镇", "2", 110.585, 34.840),
    ("栲栳镇", "3", 110.405, 35.005),
    ("开张镇", "3", 110.515, 34.975),
    ("韩阳镇", "3", 110.365, 34.815),
]
LAKE_CENTRE = (110.528, 34.872)
# 中条山 follows the city's southern boundary (its ridge); the mountain belt reaches this far north
# of the boundary, of which the lowest FOOTHILL_WIDTH are foothills (生态控制区).
MOUNTAIN_DEPTH = 4500.0
SHORE_WIDTH = 2200.0
FOOTHILL_WIDTH = 1500.0


@dataclass
class PlanShapes:
    outline: Polygon
    mountain: Polygon  # 中条山 ecological core
    foothills: Polygon  # 生态控制区 band below the mountain
    shore: Polygon  # 黄河 shore
    shore_buffer: Polygon  # 生态控制区 band beside the shore
    lake: Polygon  # 伍姓湖
    lake_ring: Polygon
    central_city: Polygon
    town_areas: dict[str, Polygon]
    zones: dict[str, Polygon]  # GHFQDM -> geometry


def _foot_line(outline: Polygon, depth: float) -> LineString:
    """A line ``depth`` metres north of the southern boundary, smoothed over 1 km steps."""
    minx, miny, maxx, maxy = outline.bounds
    points = []
    x = minx + 1.0
    while x < maxx:
        section = LineString([(x, miny - 1), (x, maxy + 1)]).intersection(outline)
        if not section.is_empty:
            points.append((x, section.bounds[1] + depth))
        x += 1000.0
    return LineString(points)


def _south_of(outline: Polygon, line: LineString) -> Polygon:
    """The part of the outline below a west–east line (extended past the outline)."""
    minx, miny, maxx, maxy = outline.bounds
    coords = list(line.coords)
    ring = (
        [(minx - 5000, coords[0][1])]
        + coords
        + [(maxx + 5000, coords[-1][1]), (maxx + 5000, miny - 5000), (minx - 5000, miny - 5000)]
    )
    return outline.intersection(Polygon(ring))


def _shore(outline: Polygon) -> Polygon:
    minx, miny, maxx, maxy = outline.bounds
    west = outline.difference(affinity.translate(outline, xoff=SHORE_WIDTH))
    west_third = box(minx - 1, miny - 1, minx + (maxx - minx) * 0.3, maxy + 1)
    return west.intersection(west_third).buffer(0)


def _lake() -> Polygon:
    x, y = plan_point(*LAKE_CENTRE)
    return affinity.rotate(affinity.scale(Point(x, y).buffer(1000, 64), 2.4, 1.1), 20)


def _central_city() -> Polygon:
    x, y = plan_point(*CENTRAL_CITY)
    core = affinity.rotate(affinity.scale(Point(x, y).buffer(1000, 64), 3.6, 2.6), 8)
    return core.union(box(x - 2500, y - 3400, x + 1800, y - 1000))


def build_shapes(outline: Polygon) -> PlanShapes:
    foot = _foot_line(outline, MOUNTAIN_DEPTH)
    below_foot = _south_of(outline, foot)
    mountain = _south_of(outline, affinity.translate(foot, yoff=-FOOTHILL_WIDTH))
    shore = _shore(outline).difference(below_foot)
    lake = _lake().intersection(outline)
    central = _central_city().intersection(outline)
    towns = {
        name: Point(*plan_point(lon, lat)).buffer(1100 if level == "2" else 800, 48) for name, level, lon, lat in TOWNS
    }
    eco_protect = unary_union([mountain, shore, lake])
    foothills = below_foot.difference(mountain)
    shore_buffer = shore.buffer(800).intersection(outline).difference(eco_protect)
    lake_ring = lake.buffer(600).intersection(outline).difference(eco_protect)
    eco_control = unary_union([foothills, shore_buffer, lake_ring]).difference(eco_protect)
    urban = unary_union([central] + list(towns.values())).difference(eco_protect).difference(eco_control)
    rest = outline.difference(unary_union([eco_protect, eco_control, urban]))
    farmland_zone, rural_zone = _split_rest(rest, urban)
    zones = {"01": eco_protect, "02": eco_control, "03": farmland_zone, "04": urban, "05": rural_zone}
    return PlanShapes(
        outline,
        mountain,
        foothills,
        shore,
        shore_buffer,
        lake,
        lake_ring,
        central.difference(eco_protect).difference(eco_control),
        {n: g.difference(eco_protect).difference(eco_control) for n, g in towns.items()},
        {k: v.buffer(0) for k, v in zones.items()},
    )


def _split_rest(rest: Polygon, urban: Polygon):
    """Farmland zone in big blocks; rural development around the towns and in a checkerboard."""
    minx, miny, maxx, maxy = rest.bounds
    rural_parts = [urban.buffer(900)]
    size = 4000.0
    row = 0
    y = miny
    while y < maxy:
        col = 0
        x = minx
        while x < maxx:
            if (row * 7 + col * 3) % 5 == 0:
                rural_parts.append(box(x, y, x + size, y + size))
            x += size
            col += 1
        y += size
        row += 1
    rural = rest.intersection(unary_union(rural_parts))
    return rest.difference(rural), rural
