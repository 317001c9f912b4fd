"""Areas with an explicit method: planar in a projected CRS, or CGCS2000 ellipsoidal on request.

Never inherited from a project's ellipsoid setting, so desktop, Processing and command line agree.
"""

import re
from dataclasses import dataclass

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsDistanceArea,
    QgsGeometry,
    QgsUnitTypes,
)

from ...i18n import tr
from .errors import PlanError

SQM_PER_HA = 10000.0
SQM_PER_MU = 10000.0 / 15.0
PLANAR, ELLIPSOIDAL = "planar", "ellipsoidal"
CGCS2000_ELLIPSOID = "EPSG:1024"
DEFAULT_AREA_CRS = "EPSG:4546"
DEFAULT_TOLERANCE = 1.0  # m²: overlaps below it are slivers, not conflicts


def hectares(square_metres: float) -> float:
    return square_metres / SQM_PER_HA


def mu(square_metres: float) -> float:
    return square_metres / SQM_PER_MU


def authid_of(text: str) -> str:
    """A CRS as typed into a box: a bare EPSG number (4546) or EPSG with a space or any case, as
    ``EPSG:4546``; anything else as it is (QGIS reads WKT, PROJ strings and other authorities)."""
    value = (text or "").strip()
    match = re.fullmatch(r"(?:epsg\s*[: ]\s*)?(\d{4,6})", value, flags=re.IGNORECASE)
    return f"EPSG:{match.group(1)}" if match else value


@dataclass
class AreaMethod:
    crs: QgsCoordinateReferenceSystem
    method: str = PLANAR

    @classmethod
    def create(cls, crs_authid: str = DEFAULT_AREA_CRS, method: str = PLANAR) -> "AreaMethod":
        """``crs_authid`` as users write it: ``EPSG:4546``, ``epsg:4546``, ``EPSG 4546`` or ``4546``."""
        crs_authid = authid_of(crs_authid)
        crs = QgsCoordinateReferenceSystem(crs_authid)
        if not crs.isValid() or crs.isGeographic():
            raise PlanError(tr("Area CRS {crs} must be a valid projected CRS").format(crs=crs_authid))
        if crs.mapUnits() != QgsUnitTypes.DistanceUnit.DistanceMeters:
            raise PlanError(tr("Area CRS {crs} must use metres").format(crs=crs_authid))
        if method not in (PLANAR, ELLIPSOIDAL):
            raise PlanError(tr("Unknown area method {method}").format(method=method))
        return cls(crs, method)

    def __post_init__(self):
        self._distance_area = None
        if self.method == ELLIPSOIDAL:
            self._distance_area = QgsDistanceArea()
            self._distance_area.setSourceCrs(self.crs, QgsCoordinateTransformContext())
            self._distance_area.setEllipsoid(CGCS2000_ELLIPSOID)

    def area(self, geometry: QgsGeometry) -> float:
        """Area in m² of a geometry given in this method's CRS."""
        if geometry is None or geometry.isEmpty():
            return 0.0
        if self._distance_area is None:
            return geometry.area()
        return self._distance_area.measureArea(geometry)

    def describe(self) -> str:
        if self.method == PLANAR:
            return tr("planar area in {crs}").format(crs=self.crs.authid())
        return tr("CGCS2000 ellipsoidal area (coordinates from {crs})").format(crs=self.crs.authid())
