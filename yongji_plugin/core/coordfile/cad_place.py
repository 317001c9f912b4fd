"""Are a drawing's coordinates plausible in the CRS the user chose? If not, which CRS is likely?

DXF carries no CRS, and design institutes draw in whatever they were given: CGCS2000 3-degree
zone 37 with or without the zone number in the easting, longitude/latitude, or the drawing's own
local coordinates. A wrong choice puts the sites in the wrong place without any error, so the
drawing's extent is tested against the CRS (crs.py's Gauss-Krüger bounds for a transverse
Mercator CRS, else the CRS's area of use) and against the plan area, and the warning names the
likely CRS from the coordinates themselves (crs.py's zone numbering).
"""

from typing import Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsCsException,
    QgsPointXY,
    QgsRectangle,
)

from ...i18n import tr
from .crs import DEFAULT_CRS, PREFIX, ZONES, crs_code, plausible_range

GEOGRAPHIC = "EPSG:4490"  # CGCS2000 longitude/latitude
# Yongji's city area (110.2–110.8°E, 34.6–35.1°N) widened by about 50 km: a drawing whose centre
# lies outside is not of a site in the plan area
PLAN_AREA = QgsRectangle(109.65, 34.15, 111.35, 35.55)
THREE_DEGREE_IDS = range(4513, 4555)  # CGCS2000 3-degree zones, with and without the prefix


def zone_width(authid: str) -> int:
    code = authid.split(":")[-1]
    return 3 if authid.upper().startswith("EPSG:") and code.isdigit() and int(code) in THREE_DEGREE_IDS else 6


def likely_crs(extent: QgsRectangle) -> str:
    """A sentence naming the CRS the coordinates look like (x = easting, y = northing)."""
    if abs(extent.xMinimum()) >= PREFIX and int(extent.xMinimum() // PREFIX) == int(extent.xMaximum() // PREFIX):
        zone = int(extent.xMinimum() // PREFIX)
        for width in (3, 6):
            if zone in ZONES[width]:
                return tr("the eastings carry zone number {zone}: likely {crs}").format(
                    zone=zone, crs=crs_code(zone, width, True)
                )
    if extent.xMinimum() >= -180 and extent.xMaximum() <= 180 and extent.yMinimum() >= -90 and extent.yMaximum() <= 90:
        return tr("they look like longitude and latitude: likely {crs}").format(crs=GEOGRAPHIC)
    if (
        0 <= extent.yMinimum()
        and extent.yMaximum() <= 10_000_000
        and 330_000 <= extent.xMinimum()
        and extent.xMaximum() <= 670_000
    ):
        return tr("they look like Gauss-Krüger coordinates without the zone number; Yongji's zone is {crs}").format(
            crs=DEFAULT_CRS
        )
    return tr(
        "they look like the drawing's own local coordinates: move the drawing into CGCS2000 "
        "(Yongji: {crs}) in CAD first"
    ).format(crs=DEFAULT_CRS)


def misplacement(extent: QgsRectangle, authid: str) -> Optional[str]:
    """Why ``extent`` is implausible in ``authid`` (outside its range or far from the plan area), or None."""
    crs = QgsCoordinateReferenceSystem(authid)
    bounds = plausible_range(authid, zone_width(authid), 0.0)
    if bounds is not None:  # bounds in northing (x_*) and easting (y_*), as coordinate files give them
        corners = ((extent.yMinimum(), extent.xMinimum()), (extent.yMaximum(), extent.xMaximum()))
        if not all(bounds.holds(north, east) for north, east in corners):
            return tr(
                "outside the Gauss-Krüger range of {crs} (easting {y_min:.0f}–{y_max:.0f} m, "
                "northing {x_min:.0f}–{x_max:.0f} m)"
            ).format(crs=authid, y_min=bounds.y_min, y_max=bounds.y_max, x_min=bounds.x_min, x_max=bounds.x_max)
    centre = _lonlat(extent.center(), crs)
    if centre is None:
        return tr("outside the area where {crs} can be used").format(crs=authid)
    area = crs.bounds()
    if bounds is None and not area.isEmpty() and not area.contains(centre):
        return tr("outside the area where {crs} can be used").format(crs=authid)
    if not PLAN_AREA.contains(centre):
        return tr("far from Yongji (their centre would lie at {lon:.3f}°E, {lat:.3f}°N in {crs})").format(
            lon=centre.x(), lat=centre.y(), crs=authid
        )
    return None


def _lonlat(point: QgsPointXY, crs: QgsCoordinateReferenceSystem) -> Optional[QgsPointXY]:
    transform = QgsCoordinateTransform(crs, QgsCoordinateReferenceSystem(GEOGRAPHIC), QgsCoordinateTransformContext())
    try:
        lonlat = transform.transform(point)
    except QgsCsException:
        return None
    if not (abs(lonlat.x()) <= 180 and abs(lonlat.y()) <= 90):  # inf or nan from a projection's far side
        return None
    return lonlat


def placement_warning(extent: QgsRectangle, authid: str) -> Optional[str]:
    """The whole warning for a drawing, or None when its coordinates are plausible."""
    why = misplacement(extent, authid)
    if why is None:
        return None
    return tr(
        "the drawing's coordinates (x {x0:.0f}–{x1:.0f}, y {y0:.0f}–{y1:.0f}) are {why}; {likely}. "
        "Check the CRS chosen for the drawing"
    ).format(
        x0=extent.xMinimum(),
        x1=extent.xMaximum(),
        y0=extent.yMinimum(),
        y1=extent.yMaximum(),
        why=why,
        likely=likely_crs(extent),
    )
