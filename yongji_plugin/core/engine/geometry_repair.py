"""Repair polygons on a copy and say what was wrong, so a report can count every repair."""

from dataclasses import dataclass
from typing import Optional

from qgis.core import Qgis, QgsGeometry, QgsWkbTypes

from ...i18n import tr


@dataclass(frozen=True)
class Repair:
    layer: str
    feature: str
    problem: str


POLYGONAL = (QgsWkbTypes.Type.Polygon, QgsWkbTypes.Type.MultiPolygon)


def polygon_part(geometry: QgsGeometry) -> QgsGeometry:
    """Only the polygonal part (a repair or an intersection may leave lines and points)."""
    if QgsWkbTypes.flatType(geometry.wkbType()) in POLYGONAL or geometry.isEmpty():
        return geometry
    parts = [
        QgsGeometry(part.clone())
        for part in geometry.constParts()
        if QgsWkbTypes.geometryType(part.wkbType()) == QgsWkbTypes.GeometryType.PolygonGeometry
    ]
    if not parts:
        return QgsGeometry()
    return QgsGeometry.collectGeometry(parts) if len(parts) > 1 else parts[0]


def validity_problem(geometry: QgsGeometry) -> Optional[str]:
    """The GEOS reason a geometry is invalid, or None when it is valid."""
    if geometry.isGeosValid():
        return None
    errors = geometry.validateGeometry(Qgis.GeometryValidationEngine.Geos)
    return errors[0].what() if errors else tr("invalid geometry")


def repaired(geometry: QgsGeometry) -> tuple[QgsGeometry, Optional[str]]:
    """(valid polygon copy, problem or None)."""
    problem = validity_problem(geometry)
    if problem is None:
        return geometry, None
    fixed = polygon_part(geometry.makeValid())
    return fixed, problem
