"""Coordinates of a parcel as rings and polygons: closure, shoelace area, holes versus parts."""
from typing import List, Tuple

from qgis.core import QgsGeometry, QgsPointXY

from ...i18n import tr
from .model import AREA_TOLERANCE, Parcel, Point, Problem

SQM_PER_HA = 10000.0


def shoelace(points: List[Point]) -> float:
    """Signed area of a closed ring in the file's X/Y (northing/easting) order.

    Coordinates are taken relative to the first point: with 8-digit zone-prefixed eastings the
    plain products lose centimetres of area to rounding.
    """
    x0, y0 = points[0].x, points[0].y
    total = 0.0
    for a, b in zip(points, points[1:]):
        total += (a.y - y0) * (b.x - x0) - (b.y - y0) * (a.x - x0)
    return total / 2.0


def parcel_area(parcel: Parcel) -> float:
    """Shoelace area in m²: outer rings add, rings inside another ring subtract."""
    rings = list(parcel.rings().values())
    total = 0.0
    polygons = _ring_geometries(rings, easting_offset=0.0)
    for i, ring in enumerate(rings):
        area = abs(shoelace(ring))
        total += -area if _is_hole(i, polygons) else area
    return total


def _ring_geometries(rings, easting_offset):
    return [QgsGeometry.fromPolygonXY([[QgsPointXY(p.y - easting_offset, p.x) for p in ring]])
            for ring in rings]


def _is_hole(index, polygons) -> bool:
    ring = polygons[index]
    return any(j != index and polygons[j].contains(ring.pointOnSurface())
               and polygons[j].area() > ring.area() for j in range(len(polygons)))


def parcel_problems(parcel: Parcel) -> List[Problem]:
    problems = []
    if parcel.shape not in ("面", ""):
        problems.append(Problem(parcel.line, parcel.number, tr("geometry type {shape} is not a polygon (面)").format(shape=parcel.shape)))
    if parcel.point_count and parcel.point_count != len(parcel.points):
        problems.append(Problem(parcel.line, parcel.number, tr("point count {stated} but {actual} points listed").format(
            stated=parcel.point_count, actual=len(parcel.points))))
    for ring_number, ring in parcel.rings().items():
        problems.extend(_ring_problems(parcel, ring_number, ring))
    if not parcel.points:
        problems.append(Problem(parcel.line, parcel.number, tr("parcel has no points")))
    if problems or parcel.area_ha is None:
        return problems
    computed = parcel_area(parcel)
    stated = parcel.area_ha * SQM_PER_HA
    if abs(stated - computed) > max(AREA_TOLERANCE * computed, 1.0):
        problems.append(Problem(parcel.line, parcel.number, tr(
            "stated area {stated:.4f} ha is far from the computed {computed:.4f} ha").format(
            stated=parcel.area_ha, computed=computed / SQM_PER_HA), fatal=False))
    return problems


def _ring_problems(parcel, ring_number, ring) -> List[Problem]:
    first, last = ring[0], ring[-1]
    if (first.x, first.y) != (last.x, last.y):
        return [Problem(last.line, parcel.number, tr("ring {ring} is not closed (last point differs from the first)").format(ring=ring_number))]
    if len({(p.x, p.y) for p in ring}) < 3:
        return [Problem(first.line, parcel.number, tr("ring {ring} has fewer than 3 points").format(ring=ring_number))]
    return []


def parcel_geometry(parcel: Parcel, easting_offset: float = 0.0) -> QgsGeometry:
    """A (multi)polygon with x = easting − offset and y = northing; inner rings become holes."""
    rings = list(parcel.rings().values())
    polygons = _ring_geometries(rings, easting_offset)
    outers: List[Tuple[QgsGeometry, list]] = []
    for i, ring in enumerate(polygons):
        if not _is_hole(i, polygons):
            outers.append((ring, [ring.asPolygon()[0]]))
    for i, ring in enumerate(polygons):
        if _is_hole(i, polygons):
            owner = next(o for o in outers if o[0].contains(ring.pointOnSurface()))
            owner[1].append(ring.asPolygon()[0])
    parts = [QgsGeometry.fromPolygonXY(rings_xy) for _, rings_xy in outers]
    return parts[0] if len(parts) == 1 else QgsGeometry.collectGeometry(parts)
