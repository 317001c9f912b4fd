"""Which CGCS2000 Gauss-Krüger CRS a coordinate file is in, and which coordinates are plausible in it.

3-degree zones 25–45 with the zone number in the easting are EPSG:4513–4533, without it
(named by central meridian 75°–135°E) EPSG:4534–4554; 6-degree zones 13–23 are EPSG:4491–4501
with the prefix and EPSG:4502–4512 without. The two ranges of zone numbers do not overlap, so a
zone number alone tells the zone width when the header does not.

The zone comes from the eastings' prefix when they carry one (the coordinates are the data; the
header's 带号 only describes them, and a disagreement is a warning naming the line), else from
带号, else EPSG:4546 (Yongji's zone 37 without prefix).
"""

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from qgis.core import QgsCoordinateReferenceSystem

from ...i18n import tr
from ..shared.errors import PlanError
from .model import WARNING, CoordinateFile, Parcel, Problem, parcel_problem

DETECT, KEEP_PREFIX, STRIP_PREFIX = "detect", "keep", "strip"
MODES = (DETECT, KEEP_PREFIX, STRIP_PREFIX)
DEFAULT_CRS = "EPSG:4546"
ZONES = {3: range(25, 46), 6: range(13, 24)}  # CGCS2000 Gauss-Krüger zones covering China
PREFIX = 1_000_000.0
SEMI_MAJOR = 6_378_137.0  # CGCS2000 ellipsoid, metres
MAX_NORTHING = 10_000_000.0


def mode_labels():
    """Labels of MODES, in order, for the dialog and the Processing enum."""
    return [
        tr("Detect from the file"),
        tr("Keep the zone prefix (e.g. EPSG:4525)"),
        tr("Strip the zone prefix (e.g. EPSG:4546)"),
    ]


@dataclass(frozen=True)
class PlausibleRange:
    """Where a Gauss-Krüger coordinate of one CRS can lie, in the file's X (northing) / Y (easting).

    Northing X: metres from the equator along the central meridian, so 0 ≤ X ≤ 10,000,000 m in the
    northern hemisphere (plus the CRS's false northing, 0 for CGCS2000). Easting Y: the false
    easting x_0 of the CRS (500,000 m, or zone × 1,000,000 + 500,000 m with the zone prefix) at the
    central meridian; a zone of width w reaches w/2 either side and is widest on the equator, where
    the transverse Mercator easting of its edge is a·artanh(sin(w/2)) with a = 6,378,137 m: 166,999 m
    for 3-degree zones and 334,111 m for 6-degree ones. So x_0 ± that half-width bounds every
    easting of the zone at every latitude. The file's Y is the layer's x plus the easting offset
    the import subtracts, so the bounds move by that offset too.
    """

    x_min: float
    x_max: float
    y_min: float
    y_max: float

    def holds(self, x: float, y: float) -> bool:
        return self.x_min <= x <= self.x_max and self.y_min <= y <= self.y_max


@dataclass(frozen=True)
class FileCrs:
    authid: str
    easting_offset: float  # subtracted from the file's Y to get the layer's x
    zone: Optional[int]
    width: int = 3
    range: Optional[PlausibleRange] = None  # None: a user-chosen CRS that is not transverse Mercator
    problems: list[Problem] = field(default_factory=list)  # warnings about the file's zone


def half_width(width: int) -> float:
    """Easting from the central meridian to the zone edge on the equator, rounded up to the metre."""
    return float(math.ceil(SEMI_MAJOR * math.atanh(math.sin(math.radians(width / 2.0)))))


def plausible_range(authid: str, width: int, easting_offset: float) -> Optional[PlausibleRange]:
    """Bounds derived from the CRS's own false easting and northing (see PlausibleRange)."""
    proj = QgsCoordinateReferenceSystem(authid).toProj()
    if "+proj=tmerc" not in proj:
        return None
    x_0, y_0 = (
        float(m.group(1)) if m else 0.0 for m in (re.search(r"\+x_0=(\S+)", proj), re.search(r"\+y_0=(\S+)", proj))
    )
    reach = half_width(width)
    return PlausibleRange(y_0, y_0 + MAX_NORTHING, x_0 + easting_offset - reach, x_0 + easting_offset + reach)


def stated_width(header: dict) -> Optional[int]:
    """The zone width the header states (几度分带=3, 分带=3度带 …), None when it states none."""
    match = re.search(r"\d+", header.get("几度分带") or header.get("分带") or "")
    return (6 if match.group() == "6" else 3) if match else None


def zone_width(header: dict, zone: Optional[int] = None) -> int:
    """Stated width, else the one whose zone numbers include ``zone``, else 3."""
    width = stated_width(header)
    if width is not None:
        return width
    return 6 if zone is not None and zone in ZONES[6] else 3


def header_zone(header: dict) -> Optional[int]:
    match = re.search(r"\d+", header.get("带号", ""))
    return int(match.group()) if match else None


def crs_code(zone: int, width: int, prefixed: bool) -> str:
    if width == 3 and zone in ZONES[3]:
        return f"EPSG:{(4513 if prefixed else 4534) + zone - 25}"
    if width == 6 and zone in ZONES[6]:
        return f"EPSG:{(4491 if prefixed else 4502) + zone - 13}"
    raise PlanError(
        tr("Zone {zone} of a {width}-degree CGCS2000 projection is outside China").format(zone=zone, width=width)
    )


def prefix_zone(coordinates: CoordinateFile):
    """(zone, line of its first point) most of the prefixed eastings carry, or (None, 0).

    Only zone numbers of China count; a stray point with another prefix is left to the range
    check, which rejects its parcel alone instead of the whole file.
    """
    zones, first = Counter(), {}
    for parcel in coordinates.parcels:
        for point in parcel.points:
            if abs(point.y) >= PREFIX:
                zone = int(point.y // PREFIX)
                zones[zone] += 1
                first.setdefault(zone, point.line)
    plausible = [z for z in zones if z in ZONES[3] or z in ZONES[6]]
    if not plausible:
        if zones:
            zone = next(iter(zones))
            raise PlanError(
                tr(
                    "{file} line {line}: the easting's zone prefix {zone} is no CGCS2000 zone in China "
                    "(3-degree 25–45, 6-degree 13–23): is Y the easting and X the northing?"
                ).format(file=Path(coordinates.path).name, line=first[zone], zone=zone)
            )
        return None, 0
    zone = max(plausible, key=lambda z: (zones[z], -first[z]))
    return zone, first[zone]


def file_crs(coordinates: CoordinateFile, mode: str = DETECT) -> FileCrs:
    """The CRS of a parsed file, for a mode: detect, keep the prefix, strip it, or an EPSG id."""
    try:
        return _file_crs(coordinates, mode)
    except PlanError as error:
        name = Path(coordinates.path).name
        if str(error).startswith(name):
            raise
        raise PlanError(tr("{file}: {problem}").format(file=name, problem=str(error))) from error


def _file_crs(coordinates: CoordinateFile, mode: str) -> FileCrs:
    if mode not in MODES:
        return FileCrs(mode, 0.0, None, 6, plausible_range(mode, 6, 0.0))
    zone, line = prefix_zone(coordinates)
    stated = header_zone(coordinates.header)
    if zone is not None:
        width = zone_width(coordinates.header, zone)
        problems = _disagreement(coordinates, zone, line, stated)
        if mode == STRIP_PREFIX:
            return _made(crs_code(zone, width, False), zone * PREFIX, zone, width, problems)
        return _made(crs_code(zone, width, True), 0.0, zone, width, problems)
    if stated is None:
        return _made(DEFAULT_CRS, 0.0, None, 3, [_assumed(coordinates)])
    width = zone_width(coordinates.header, stated)
    if mode == KEEP_PREFIX:
        return _made(crs_code(stated, width, True), -stated * PREFIX, stated, width, [])
    return _made(crs_code(stated, width, False), 0.0, stated, width, [])


def _assumed(coordinates: CoordinateFile) -> Problem:
    """The default zone taken for a file that states none: said, never silent."""
    return Problem(
        coordinates.header_lines.get("坐标系", 0),
        "",
        tr(
            "the file states no 带号 and its eastings carry no zone prefix: {crs} (CGCS2000, 3-degree zone 37, "
            "central meridian 111°E) is assumed; choose the CRS if the file is in another zone"
        ).format(crs=DEFAULT_CRS),
        WARNING,
    )


def _made(authid, offset, zone, width, problems) -> FileCrs:
    return FileCrs(authid, offset, zone, width, plausible_range(authid, width, offset), problems)


def _disagreement(coordinates, zone, line, stated) -> list[Problem]:
    if stated is None or stated == zone:
        return []
    return [
        Problem(
            line,
            "",
            tr(
                "the eastings carry zone {zone}, but 带号 on line {header_line} says {stated}; "
                "the coordinates' zone {zone} is used"
            ).format(zone=zone, stated=stated, header_line=coordinates.header_lines.get("带号", 0)),
            WARNING,
        )
    ]


def range_problem(parcel: Parcel, bounds: Optional[PlausibleRange], crs: str) -> Optional[Problem]:
    """An error on the first point of the parcel outside ``bounds``, or None when all lie inside."""
    if bounds is None:
        return None
    outside = [p for p in parcel.points if not bounds.holds(p.x, p.y)]
    if not outside:
        return None
    point = outside[0]
    reason = tr(
        "point {point} (X {x:.3f}, Y {y:.3f}) lies outside the plausible Gauss-Krüger range of {crs}: "
        "X {x_min:.0f}–{x_max:.0f} m, Y {y_min:.0f}–{y_max:.0f} m"
    ).format(
        point=point.number,
        x=point.x,
        y=point.y,
        crs=crs,
        x_min=bounds.x_min,
        x_max=bounds.x_max,
        y_min=bounds.y_min,
        y_max=bounds.y_max,
    )
    if bounds.holds(point.y, point.x):
        reason += tr("; are X and Y swapped? X is the northing, Y the easting")
    if len(outside) > 1:
        reason += tr(" ({count} points of the parcel lie outside it)").format(count=len(outside))
    return parcel_problem(parcel, point.line, reason)
