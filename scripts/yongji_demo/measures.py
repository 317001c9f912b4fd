"""Demo inputs of the plan's measures: central-city streets and buildings.

Streets: the 400 m grid between the land-use blocks (so every block is framed by streets), its
lines classed 主干路/次干路/支路, and a short entrance path from every public service facility to
the nearest street, the street split where the path meets it — so the network connects every
facility and residential area, as a walking network must (QGIS's graph builder joins lines only
where they share a vertex).

Buildings: footprints in the land-use blocks with a height (JZGD, m) and floors (CS), mostly
within their height zone's limit; some over it; some with floors only (height from floors ×
storey height); one without either; one straddling two zones; one outside every zone; one with a
self-intersecting footprint. A generator of its own keeps the other layers as they were.
"""

import numpy as np
from shapely.geometry import LineString, Polygon, box

from .outline import plan_point
from .zones import TOWNS

SEED = 15_2035
GRID = 400.0  # the land-use blocks' grid (urban.central_landuse): blocks are 370 m, streets between
STOREY = 3.0
NAMED_STREETS = {("x", 6): "舜都大道", ("y", 6): "中山街", ("y", 10): "黄河大道"}
BUILDING_FIELDS = [("JZBH", "string"), ("JZMC", "string"), ("JZGD", "real"), ("CS", "integer")]

Segment = tuple[tuple[float, float], tuple[float, float]]


def _grid_segments(blocks) -> dict[Segment, str]:
    """Every side of every block's 400 m cell, once, with its street class."""
    x0 = min(b.bounds[0] for b in blocks) - 15
    y0 = min(b.bounds[1] for b in blocks) - 15
    segments = {}
    for block in blocks:
        i = round((block.bounds[0] - 15 - x0) / GRID)
        j = round((block.bounds[1] - 15 - y0) / GRID)
        corners = [(i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1)]
        for a, b in zip(corners, corners[1:] + corners[:1]):
            key = tuple(sorted((a, b)))
            axis, index = ("x", a[0]) if a[0] == b[0] else ("y", a[1])
            segments[key] = (axis, index)
    result = {}
    for (a, b), (axis, index) in sorted(segments.items()):
        line = ((x0 + a[0] * GRID, y0 + a[1] * GRID), (x0 + b[0] * GRID, y0 + b[1] * GRID))
        result[line] = (axis, index)
    return result


def _street_class(axis: str, index: int) -> str:
    if (axis, index) in NAMED_STREETS or index % 4 == 2:
        return "arterial"
    return "secondary" if index % 2 == 0 else "branch"


def streets(landuse: list[dict], facilities: list[dict]) -> list[dict]:
    blocks = [f["geometry"] for f in landuse]
    grid = _grid_segments(blocks)
    lines = [LineString(segment) for segment in grid]
    cuts: dict[int, list[float]] = {}
    paths = []
    for facility in facilities:
        point = facility["geometry"]
        distances = [line.distance(point) for line in lines]
        k = int(np.argmin(distances))
        along = lines[k].project(point)
        if along < 1.0 or along > lines[k].length - 1.0:  # at a crossing already
            along = 0.0 if along < 1.0 else lines[k].length
        else:
            cuts.setdefault(k, []).append(along)
        entrance = lines[k].interpolate(along)
        if point.distance(entrance) > 0.01:
            paths.append(
                {
                    "MC": f"{facility['MC']}入口",
                    "DLDJ": "path",
                    "geometry": LineString([(point.x, point.y), (entrance.x, entrance.y)]),
                }
            )
    result = []
    for k, (_segment, (axis, index)) in enumerate(grid.items()):
        stops = [0.0] + sorted(set(cuts.get(k, []))) + [lines[k].length]
        for start, end in zip(stops, stops[1:]):
            a, b = lines[k].interpolate(start), lines[k].interpolate(end)
            result.append(
                {
                    "MC": NAMED_STREETS.get((axis, index)),
                    "DLDJ": _street_class(axis, index),
                    "geometry": LineString([(a.x, a.y), (b.x, b.y)]),
                }
            )
    return result + paths


def _zone_at(zones: list[dict], geometry) -> dict:
    return max(zones, key=lambda z: z["geometry"].intersection(geometry).area)


def _slabs(block: Polygon, kind: str) -> list[Polygon]:
    """Footprints in a block: four residential slabs, or a tower and a low hall."""
    minx, miny, _, _ = block.bounds
    if kind == "07":
        return [
            box(minx + 40 + dx, miny + 50 + dy, minx + 40 + dx + 60, miny + 50 + dy + 15)
            for dx in (0, 180)
            for dy in (0, 160)
        ]
    return [box(minx + 60, miny + 60, minx + 100, miny + 100), box(minx + 200, miny + 180, minx + 300, miny + 240)]


def _heights(limit: float, rng, over: bool) -> tuple[int, float]:
    top = int(limit // STOREY)
    floors = int(rng.integers(top + 2, top + 9)) if over else int(rng.integers(max(2, top - 5), top + 1))
    height = floors * STOREY
    if not over:  # a parapet that keeps within the limit
        height = min(limit, height + float(rng.choice([0.0, 0.3, 0.6])))
    return floors, round(height, 1)


def buildings(landuse: list[dict], zones: list[dict]) -> list[dict]:
    rng = np.random.default_rng(SEED)
    result = []
    for block in landuse:
        kind = block["YDYHDM"][:2]  # first level of the code (the plan's blocks carry second-level codes)
        if kind not in ("07", "08", "09"):
            continue
        for footprint in _slabs(block["geometry"].geoms[0], kind):
            zone = _zone_at(zones, footprint)
            over = len(result) % 9 == 4
            floors, height = _heights(zone["ZDGD"], rng, over)
            number = len(result) + 1
            result.append(
                {
                    "JZBH": f"JZ{number:04d}",
                    "JZMC": f"建筑{number:04d}",
                    "JZGD": None if number % 10 == 7 else height,
                    "CS": floors,
                    "geometry": footprint,
                }
            )
    result[2]["JZGD"] = result[2]["CS"] = None  # neither height nor floors
    result.append(_straddling(zones))
    town = next(t for t in TOWNS if t[0] == "蒲州镇")
    x, y = plan_point(town[2], town[3])
    result.append(
        {"JZBH": "JZ9002", "JZMC": "镇区建筑（分区外）", "JZGD": 12.0, "CS": 4, "geometry": box(x, y, x + 30, y + 20)}
    )
    cx, cy = result[10]["geometry"].centroid.coords[0]
    bowtie = Polygon([(cx + 200, cy), (cx + 230, cy + 20), (cx + 230, cy), (cx + 200, cy + 20)])
    result.append({"JZBH": "JZ9003", "JZMC": "自相交轮廓建筑", "JZGD": 9.0, "CS": 3, "geometry": bowtie})
    return result


def _straddling(zones: list[dict]) -> dict:
    """A 30 m square on the edge between the 18 m zone and a 45 m zone: judged against 18 m."""
    low = next(z for z in zones if z["ZDGD"] == 18)["geometry"]
    high = next(z for z in zones if z["ZDGD"] == 45 and z["geometry"].distance(low) < 1)["geometry"]
    edge = low.boundary.intersection(high.buffer(0.5))
    line = max(getattr(edge, "geoms", [edge]), key=lambda g: g.length)
    mid = line.interpolate(0.5, normalized=True)
    footprint = box(mid.x - 15, mid.y - 15, mid.x + 15, mid.y + 15)
    return {"JZBH": "JZ9001", "JZMC": "跨分区建筑", "JZGD": 30.0, "CS": 10, "geometry": footprint}
