"""Coordinates of a parcel as rings and polygons: shoelace area, which ring lies in which, assembly.

Rings become polygons with x = the file's Y (easting) and y = the file's X (northing). Ring 1 is
the outer ring; every further ring is a hole when it lies inside an earlier ring, or a further
part when it lies outside all of them. validation.py says when rings break those rules.
"""

from dataclasses import dataclass

from qgis.core import QgsGeometry, QgsPointXY

from .model import Parcel, Point

SQM_PER_HA = 10000.0


def shoelace(points: list[Point]) -> float:
    """Signed area of a closed ring in the file's X/Y (northing/easting) order.

    Coordinates are taken relative to the first point: with 8-digit zone-prefixed eastings the
    plain products lose centimetres of area to rounding.
    """
    x0, y0 = points[0].x, points[0].y
    total = 0.0
    for a, b in zip(points, points[1:]):
        total += (a.y - y0) * (b.x - x0) - (b.y - y0) * (a.x - x0)
    return total / 2.0


def xy(ring: list[Point]) -> list[QgsPointXY]:
    return [QgsPointXY(p.y, p.x) for p in ring]


def ring_polygon(ring: list[Point]) -> QgsGeometry:
    return QgsGeometry.fromPolygonXY([xy(ring)])


@dataclass
class RingRelations:
    """For each ring (by position), the positions of the rings containing it; and crossing pairs."""

    containers: list[list[int]]
    crossings: list[tuple[int, int]]  # (later ring, earlier ring) whose interiors overlap
    repeats: list[tuple[int, int]]  # (later ring, earlier ring) with the same outline

    def depth(self, index: int) -> int:
        return len(self.containers[index])


def ring_relations(polygons: list[QgsGeometry]) -> RingRelations:
    """GEOS predicates between every pair of simple rings whose bounding boxes meet."""
    containers: list[list[int]] = [[] for _ in polygons]
    crossings, repeats = [], []
    boxes = [p.boundingBox() for p in polygons]
    for later in range(1, len(polygons)):
        for earlier in range(later):
            if not boxes[later].intersects(boxes[earlier]):
                continue
            inside = polygons[earlier].contains(polygons[later])
            around = polygons[later].contains(polygons[earlier])
            if inside and around:
                repeats.append((later, earlier))
            elif inside:
                containers[later].append(earlier)
            elif around:
                containers[earlier].append(later)
            elif polygons[later].overlaps(polygons[earlier]):
                crossings.append((later, earlier))
    return RingRelations(containers, crossings, repeats)


def assemble(rings: list[list[Point]], relations: RingRelations) -> QgsGeometry:
    """Rings at depth 0 become parts, rings at depth 1 holes of the part containing them.

    Deeper rings (islands in holes) are validation errors and never reach here.
    """
    parts: dict[int, list] = {i: [xy(ring)] for i, ring in enumerate(rings) if relations.depth(i) == 0}
    for i, ring in enumerate(rings):
        if relations.depth(i) == 1:
            parts[relations.containers[i][0]].append(xy(ring))
    polygons = [QgsGeometry.fromPolygonXY(part) for part in parts.values()]
    return polygons[0] if len(polygons) == 1 else QgsGeometry.collectGeometry(polygons)


def signed_area(rings: list[list[Point]], relations: RingRelations) -> float:
    """Shoelace area in m²: rings at even depth add, rings at odd depth (holes) subtract."""
    return sum(abs(shoelace(ring)) * (-1 if relations.depth(i) % 2 else 1) for i, ring in enumerate(rings))


def parcel_area(parcel: Parcel) -> float:
    """Area in m² of a parcel whose rings are valid (the writer's, from a QGIS geometry)."""
    rings = list(parcel.rings().values())
    return signed_area(rings, ring_relations([ring_polygon(r) for r in rings]))
