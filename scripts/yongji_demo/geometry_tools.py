"""Small shapely helpers that work the same on shapely 1.8 and 2.x."""

import warnings

from shapely.geometry import MultiPoint, MultiPolygon, Polygon
from shapely.ops import voronoi_diagram
from shapely.strtree import STRtree


def polygons(geom):
    """The polygon parts of any geometry, dropping slivers of lower dimension."""
    if geom.is_empty:
        return []
    if isinstance(geom, Polygon):
        return [geom]
    if isinstance(geom, MultiPolygon):
        return list(geom.geoms)
    return [g for part in getattr(geom, "geoms", []) for g in polygons(part)]


def as_multi(geom) -> MultiPolygon:
    return MultiPolygon(polygons(geom))


def random_points_in(area, count, rng, min_gap=0.0):
    minx, miny, maxx, maxy = area.bounds
    points = []
    tries = 0
    while len(points) < count and tries < count * 400:
        tries += 1
        x, y = rng.uniform(minx, maxx), rng.uniform(miny, maxy)
        from shapely.geometry import Point

        p = Point(x, y)
        if not area.contains(p):
            continue
        if min_gap and any(p.distance(q) < min_gap for q in points):
            continue
        points.append(p)
    return points


def voronoi_cells(points, clip, clipped=True):
    """Voronoi cells of the points, clipped to an area, in the order of the points.

    Four far corner points stand in for ``envelope=``, which crashes shapely 1.8 on GEOS 3.11.
    ``clipped=False`` gives the raw cells, for callers that cut them by pieces of the area
    anyway: a cell clipped first shares nearly (not exactly) coincident vertices with those
    pieces, and GEOS 3.13's overlay then hands a whole cell to a piece it merely touches.
    """
    minx, miny, maxx, maxy = clip.bounds
    pad = 10 * max(maxx - minx, maxy - miny)
    corners = [(minx - pad, miny - pad), (maxx + pad, miny - pad), (maxx + pad, maxy + pad), (minx - pad, maxy + pad)]
    diagram = voronoi_diagram(MultiPoint([(p.x, p.y) for p in points] + corners))
    cells = list(diagram.geoms)
    with warnings.catch_warnings():  # shapely 1.8 warns that 2.0 changes STRtree; both forms are read below
        warnings.simplefilter("ignore")
        tree = STRtree(cells)
        ordered = []
        for p in points:  # a seed lies inside its own cell only: the tree just finds it without a scan
            found = [cells[int(i)] if not hasattr(i, "geom_type") else i for i in tree.query(p)]
            cell = next(c for c in found if c.contains(p) or c.touches(p))
            ordered.append(cell.intersection(clip) if clipped else cell)
    return ordered
