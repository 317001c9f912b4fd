"""Is a parcel importable? Its attribute line, each ring alone, the rings together, the polygon.

Every problem names the parcel and the line it concerns; an error keeps the parcel out:
- the attribute line: geometry type 面; 界址点数 against the points listed (tools differ on
  counting each ring's closing point, so omitting exactly those is a note, not a lost parcel);
- each ring alone: its points in one block, closed (or closed with a warning when the user asks:
  several bureau tools omit the closing point), at least three distinct points, some area, not
  crossing itself (GEOS, located on the segment where it does); a point lying far from all the
  others (a mistyped digit) is named as such rather than as the crossing it causes;
- the rings together (GEOS predicates): a ring crossing another (a hole crossing its shell, two
  holes or two parts overlapping); a ring enclosing one listed before it (a hole outside its
  shell: ring 1 is the outer ring, a shell comes before its holes); a ring inside a hole (an
  island in a hole, which must be a parcel of its own); a ring repeated;
- the assembled (multi)polygon once more with GEOS, so an invalid parcel is never imported;
- the stated area against the computed one (a warning).
"""

import math
from dataclasses import dataclass
from typing import Optional

from qgis.core import Qgis, QgsGeometry, QgsPointXY

from ...i18n import tr
from ..shared.geos_reasons import geos_reason_with_source
from .geometry import (
    SQM_PER_HA,
    RingRelations,
    assemble,
    ring_polygon,
    ring_relations,
    signed_area,
    xy,
)
from .model import AREA_TOLERANCE, ERROR, NOTE, WARNING, Parcel, Point, Problem, parcel_problem

Block = tuple[int, list[Point]]  # (圈号, the ring's points in file order)


@dataclass
class Checked:
    problems: list[Problem]
    geometry: Optional[QgsGeometry]  # file coordinates (x = Y, y = X); None when the parcel has an error
    area: float  # m² by the shoelace formula; 0 when the parcel has an error


STRAY_FACTOR = 2.0  # a point this many times the others' extent away from them is a stray …
STRAY_MIN = 50.0  # … and at least this many metres away


def validate_parcel(parcel: Parcel, close_rings: bool = False) -> Checked:
    problems: list[Problem] = []
    if parcel.shape not in ("面", ""):
        problems.append(
            parcel_problem(
                parcel, parcel.line, tr("geometry type {shape} is not a polygon (面)").format(shape=parcel.shape)
            )
        )
    if not parcel.points:
        problems.append(parcel_problem(parcel, parcel.line, tr("parcel has no points")))
        return Checked(problems, None, 0.0)
    blocks = _ring_blocks(parcel, problems)
    if any(p.fatal for p in problems):
        return Checked(problems, None, 0.0)
    problems.extend(_count_problems(parcel, len(blocks)))
    if close_rings:
        blocks = [_closed(parcel, number, ring, problems) for number, ring in blocks]
    polygons = []
    for number, ring in blocks:
        polygon, ring_problems = _single_ring(parcel, number, ring)
        polygons.append(polygon)
        problems.extend(ring_problems)
    if any(p.fatal for p in problems):
        return Checked(problems, None, 0.0)
    rings = [ring for _, ring in blocks]
    relations = RingRelations([[]], [], [])
    geometry = polygons[0]
    if len(rings) > 1:
        relations = ring_relations(polygons)
        problems.extend(_relation_problems(parcel, blocks, relations))
        if any(p.fatal for p in problems):
            return Checked(problems, None, 0.0)
        geometry = assemble(rings, relations)
        invalid = _invalid(parcel, blocks, geometry)
        if invalid is not None:
            return Checked(problems + [invalid], None, 0.0)
    area = signed_area(rings, relations)
    problems.extend(_area_problems(parcel, area))
    return Checked(problems, geometry, area)


def _ring_blocks(parcel: Parcel, problems: list[Problem]) -> list[Block]:
    """Consecutive points with one ring number; a number coming back after another is an error."""
    blocks: list[Block] = []
    seen = set()
    for point in parcel.points:
        if blocks and blocks[-1][0] == point.ring:
            blocks[-1][1].append(point)
            continue
        if point.ring in seen:
            problems.append(
                parcel_problem(
                    parcel,
                    point.line,
                    tr(
                        "ring {ring} continues after ring {other} began: the points of a ring must follow one another"
                    ).format(ring=point.ring, other=blocks[-1][0]),
                )
            )
            return blocks
        seen.add(point.ring)
        blocks.append((point.ring, [point]))
    return blocks


def _closed(parcel: Parcel, number: int, ring: list[Point], problems: list[Problem]) -> Block:
    first, last = ring[0], ring[-1]
    if (first.x, first.y) == (last.x, last.y) or len(ring) < 3:
        return number, ring
    problems.append(
        parcel_problem(
            parcel,
            last.line,
            tr("ring {ring} was not closed: closed by returning to point {point}, as asked").format(
                ring=number, point=first.number
            ),
            WARNING,
        )
    )
    return number, ring + [first]


def _count_problems(parcel: Parcel, rings: int) -> list[Problem]:
    stated, listed = parcel.point_count, len(parcel.points)
    if not stated or stated == listed:
        return []
    if listed - stated == rings:
        return [
            parcel_problem(
                parcel,
                parcel.line,
                tr("界址点数 {stated} does not count the closing point of each ring ({listed} points listed)").format(
                    stated=stated, listed=listed
                ),
                NOTE,
            )
        ]
    return [
        parcel_problem(
            parcel,
            parcel.line,
            tr("point count {stated} but {actual} points listed").format(stated=stated, actual=listed),
        )
    ]


def _single_ring(parcel: Parcel, number: int, ring: list[Point]):
    """(polygon of the ring or None, its problems)."""
    first, last = ring[0], ring[-1]
    if (first.x, first.y) != (last.x, last.y):
        return None, [
            parcel_problem(
                parcel,
                last.line,
                tr("ring {ring} is not closed (last point differs from the first)").format(ring=number),
            )
        ]
    if len({(p.x, p.y) for p in ring}) < 3:
        return None, [parcel_problem(parcel, first.line, tr("ring {ring} has fewer than 3 points").format(ring=number))]
    polygon = ring_polygon(ring)
    stray = _stray(ring)
    if polygon.isGeosValid():
        return polygon, [] if stray is None else [_stray_problem(parcel, number, ring, stray, WARNING)]
    if stray is not None:
        return None, [_stray_problem(parcel, number, ring, stray, ERROR)]
    if _collinear(ring):
        return None, [
            parcel_problem(
                parcel, first.line, tr("ring {ring} encloses no area (its points lie on one line)").format(ring=number)
            )
        ]
    where = _where(polygon)
    index = _nearest_segment(ring, where)
    start, end = ring[index], ring[index + 1]
    return None, [
        parcel_problem(
            parcel,
            start.line,
            tr("ring {ring} crosses itself on the segment {start}–{end} near X {x:.3f}, Y {y:.3f}").format(
                ring=number, start=start.number, end=end.number, x=where.y(), y=where.x()
            ),
        )
    ]


def _stray(ring: list[Point]) -> Optional[tuple[Point, float, float]]:
    """(point, its distance from the others' extent, that extent's diagonal) for a point lying far
    from every other point of the ring, or None. Only a point on the ring's extent can be one, so
    at most four candidates are measured against the others."""
    points = ring[:-1]
    if len({(p.x, p.y) for p in points}) < 4:
        return None
    candidates = {
        id(p): p
        for p in (
            min(points, key=lambda p: p.x),
            max(points, key=lambda p: p.x),
            min(points, key=lambda p: p.y),
            max(points, key=lambda p: p.y),
        )
    }
    for point in candidates.values():
        others = [p for p in points if (p.x, p.y) != (point.x, point.y)]
        x_min, x_max = min(p.x for p in others), max(p.x for p in others)
        y_min, y_max = min(p.y for p in others), max(p.y for p in others)
        diagonal = math.hypot(x_max - x_min, y_max - y_min)
        gap = math.hypot(max(x_min - point.x, 0.0, point.x - x_max), max(y_min - point.y, 0.0, point.y - y_max))
        if gap > max(STRAY_FACTOR * diagonal, STRAY_MIN):
            return point, gap, diagonal
    return None


def _stray_problem(parcel: Parcel, number: int, ring: list[Point], stray, level: str) -> Problem:
    point, gap, diagonal = stray
    return parcel_problem(
        parcel,
        point.line,
        tr(
            "point {point} of ring {ring} (X {x:.3f}, Y {y:.3f}) lies {gap:,.0f} m from the ring's other points, "
            "which lie within {size:,.0f} m of one another: probably a mistyped coordinate"
        ).format(point=point.number, ring=number, x=point.x, y=point.y, gap=gap, size=diagonal),
        level,
    )


def _collinear(ring: list[Point]) -> bool:
    a = ring[0]
    b = next(p for p in ring if (p.x, p.y) != (a.x, a.y))
    return all((b.x - a.x) * (p.y - a.y) == (b.y - a.y) * (p.x - a.x) for p in ring)


def _relation_problems(parcel: Parcel, blocks: list[Block], relations: RingRelations) -> list[Problem]:
    numbers = [number for number, _ in blocks]
    rings = [ring for _, ring in blocks]
    problems = []
    for later, earlier in relations.repeats:
        problems.append(
            parcel_problem(
                parcel,
                rings[later][0].line,
                tr("ring {ring} repeats ring {other}").format(ring=numbers[later], other=numbers[earlier]),
            )
        )
    for later, earlier in relations.crossings:
        start, end = _crossing_segment(rings[later], rings[earlier])
        problems.append(
            parcel_problem(
                parcel,
                start.line,
                tr(
                    "ring {ring} crosses ring {other} on the segment {start}–{end}: "
                    "a hole must lie inside its shell and a further part outside every other ring"
                ).format(ring=numbers[later], other=numbers[earlier], start=start.number, end=end.number),
            )
        )
    enclosing = set()
    for inner, holders in enumerate(relations.containers):
        later = [h for h in holders if h > inner]
        for holder in later:
            if holder not in enclosing:
                enclosing.add(holder)
                problems.append(
                    parcel_problem(
                        parcel,
                        rings[holder][0].line,
                        tr(
                            "ring {ring} lies outside ring {other}, which is listed before it, and encloses it: "
                            "ring 1 is the outer ring, and a shell comes before its holes"
                        ).format(ring=numbers[holder], other=numbers[inner]),
                    )
                )
        if not later and len(holders) > 1:
            hole = max(holders, key=relations.depth)
            problems.append(
                parcel_problem(
                    parcel,
                    rings[inner][0].line,
                    tr(
                        "ring {ring} lies inside hole ring {hole}: an island in a hole must be a parcel of its own"
                    ).format(ring=numbers[inner], hole=numbers[hole]),
                )
            )
    return problems


def _invalid(parcel: Parcel, blocks: list[Block], geometry: QgsGeometry) -> Optional[Problem]:
    """GEOS's last word on the assembled polygon (e.g. two parts sharing an edge)."""
    if geometry.isGeosValid():
        return None
    where = _where(geometry)
    number, ring = min(blocks, key=lambda block: _distance(block[1], _nearest_segment(block[1], where), where))
    index = _nearest_segment(ring, where)
    errors = geometry.validateGeometry(Qgis.GeometryValidationEngine.Geos)
    return parcel_problem(
        parcel,
        ring[index].line,
        tr(
            "the rings do not form a valid polygon near X {x:.3f}, Y {y:.3f} (ring {ring}, segment {start}–{end}): "
            "{reason}"
        ).format(
            x=where.y(),
            y=where.x(),
            ring=number,
            start=ring[index].number,
            end=ring[index + 1].number,
            reason=geos_reason_with_source(errors[0].what()) if errors else "",
        ),
        ERROR,
    )


def _area_problems(parcel: Parcel, computed: float) -> list[Problem]:
    if parcel.area_ha is None:
        return []
    stated = parcel.area_ha * SQM_PER_HA
    if abs(stated - computed) <= max(AREA_TOLERANCE * computed, 1.0):
        return []
    return [
        parcel_problem(
            parcel,
            parcel.line,
            tr("stated area {stated:.4f} ha is far from the computed {computed:.4f} ha").format(
                stated=parcel.area_ha, computed=computed / SQM_PER_HA
            ),
            WARNING,
        )
    ]


def _where(geometry: QgsGeometry) -> QgsPointXY:
    errors = geometry.validateGeometry(Qgis.GeometryValidationEngine.Geos)
    located = [e for e in errors if e.hasWhere()]
    if located:
        return located[0].where()
    first = geometry.vertexAt(0)
    return QgsPointXY(first.x(), first.y())


def _distance(ring: list[Point], index: int, where: QgsPointXY) -> float:
    a, b = ring[index], ring[index + 1]
    ax, ay, bx, by = a.y, a.x, b.y, b.x
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((where.x() - ax) * dx + (where.y() - ay) * dy) / length))
    px, py = ax + t * dx - where.x(), ay + t * dy - where.y()
    return px * px + py * py


def _nearest_segment(ring: list[Point], where: QgsPointXY) -> int:
    """Index of the first segment of the ring nearest ``where`` (x = easting, y = northing)."""
    return min(range(len(ring) - 1), key=lambda i: _distance(ring, i, where))


def _crossing_segment(ring: list[Point], other: list[Point]) -> tuple[Point, Point]:
    """The first segment of ``ring`` crossing the outline of ``other`` (else its first segment)."""
    outline = QgsGeometry.fromPolylineXY(xy(other))
    for a, b in zip(ring, ring[1:]):
        if QgsGeometry.fromPolylineXY(xy([a, b])).crosses(outline):
            return a, b
    return ring[0], ring[1]
