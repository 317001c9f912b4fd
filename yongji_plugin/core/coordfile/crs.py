"""Which CGCS2000 Gauss-Krüger CRS a coordinate file is in, from its zone prefix or header.

3-degree zones 25–45 with the zone number in the easting are EPSG:4513–4533, without it
(named by central meridian 75°–135°E) EPSG:4534–4554; 6-degree zones 13–23 are EPSG:4491–4501
with the prefix and EPSG:4502–4512 without.
"""
import re
from dataclasses import dataclass
from typing import Optional

from ...i18n import tr
from ..shared.errors import PlanError
from .model import CoordinateFile

DETECT, KEEP_PREFIX, STRIP_PREFIX = "detect", "keep", "strip"
MODES = (DETECT, KEEP_PREFIX, STRIP_PREFIX)
DEFAULT_CRS = "EPSG:4546"


def mode_labels():
    """Labels of MODES, in order, for the dialog and the Processing enum."""
    return [tr("Detect from the file"), tr("Keep the zone prefix (e.g. EPSG:4525)"),
            tr("Strip the zone prefix (e.g. EPSG:4546)")]


@dataclass(frozen=True)
class FileCrs:
    authid: str
    easting_offset: float  # subtracted from the file's Y to get the layer's x
    zone: Optional[int]


def zone_width(header: dict) -> int:
    text = header.get("几度分带") or header.get("分带") or "3"
    match = re.search(r"\d+", text)
    return 6 if match and match.group() == "6" else 3


def prefix_zone(coordinates: CoordinateFile) -> Optional[int]:
    """The zone number carried in the eastings, or None when they carry none."""
    zones = {int(p.y // 1_000_000) for parcel in coordinates.parcels for p in parcel.points
             if abs(p.y) >= 1_000_000}
    if len(zones) > 1:
        raise PlanError(tr("{path}: eastings carry different zone numbers {zones}").format(
            path=coordinates.path, zones=sorted(zones)))
    return zones.pop() if zones else None


def header_zone(header: dict) -> Optional[int]:
    match = re.search(r"\d+", header.get("带号", ""))
    return int(match.group()) if match else None


def crs_code(zone: int, width: int, prefixed: bool) -> str:
    if width == 3 and 25 <= zone <= 45:
        return f"EPSG:{(4513 if prefixed else 4534) + zone - 25}"
    if width == 6 and 13 <= zone <= 23:
        return f"EPSG:{(4491 if prefixed else 4502) + zone - 13}"
    raise PlanError(tr("Zone {zone} of a {width}-degree CGCS2000 projection is outside China").format(
        zone=zone, width=width))


def file_crs(coordinates: CoordinateFile, mode: str = DETECT) -> FileCrs:
    """The CRS of a parsed file, for a mode: detect, keep the prefix, strip it, or an EPSG id."""
    if mode not in (DETECT, KEEP_PREFIX, STRIP_PREFIX):
        return FileCrs(mode, 0.0, None)
    width = zone_width(coordinates.header)
    zone = prefix_zone(coordinates)
    if zone is not None:
        if mode == STRIP_PREFIX:
            return FileCrs(crs_code(zone, width, False), zone * 1_000_000.0, zone)
        return FileCrs(crs_code(zone, width, True), 0.0, zone)
    zone = header_zone(coordinates.header)
    if zone is None:
        return FileCrs(DEFAULT_CRS, 0.0, None)
    if mode == KEEP_PREFIX:
        return FileCrs(crs_code(zone, width, True), -zone * 1_000_000.0, zone)
    return FileCrs(crs_code(zone, width, False), 0.0, zone)
