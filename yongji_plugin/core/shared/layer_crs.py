"""Can a layer's coordinates be trusted in another CRS? One sentence when they cannot.

QGIS calls some CRSs valid that cannot place a single point: GeoPackage's placeholders for
"no CRS" (srs_id 0 "Undefined geographic SRS", -1 "Undefined Cartesian SRS"), engineering CRSs
(``LOCAL_CS["unknown"]`` from CAD exports) and custom definitions with nothing to transform.
Read through them, geometries come out untransformed or infinite: every site "not checked",
or worse, compared in the wrong place. So every layer a check reads is asked first.
"""

import math
from typing import Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsCsException,
    QgsRectangle,
)

from ...i18n import tr

UNDEFINED_NAMES = ("undefined geographic srs", "undefined cartesian srs")  # GDAL's GeoPackage placeholders
GEOGRAPHIC_BOUNDS = QgsRectangle(-180.5, -90.5, 360.5, 90.5)  # 0–360 longitudes exist in the wild


def describe_crs(crs: QgsCoordinateReferenceSystem) -> str:
    return crs.authid() or crs.description() or tr("an unnamed CRS")


def crs_problem(
    crs: QgsCoordinateReferenceSystem, target: QgsCoordinateReferenceSystem, extent: QgsRectangle = None
) -> Optional[str]:
    """Why coordinates in ``crs`` (within ``extent``, if given) cannot be put in ``target``, or None.

    The answer completes a sentence that starts with the layer ("Site layer 用地红线 …").
    """
    if not crs.isValid():
        return tr("has no CRS; set its CRS first")
    name = describe_crs(crs)
    if crs.description().strip().lower() in UNDEFINED_NAMES:
        return tr("has an undefined CRS ({crs}), a placeholder with no definition; set its real CRS first").format(
            crs=name
        )
    if crs == target:
        return None
    transform = QgsCoordinateTransform(crs, target, QgsCoordinateTransformContext())
    if not transform.isValid():
        return tr("has a CRS ({crs}) that cannot be transformed to {target}; set its real CRS first").format(
            crs=name, target=describe_crs(target)
        )
    if extent is None or extent.isNull() or extent.xMinimum() > extent.xMaximum():
        return None  # nothing to place (an empty layer)
    return _extent_problem(crs, transform, extent, name)


def _extent_problem(crs, transform, extent: QgsRectangle, name: str) -> Optional[str]:
    """Coordinates no point of the CRS can have (metres read as degrees) or that do not transform."""
    misfit = tr("has coordinates ({x:.0f}, {y:.0f}) that do not fit its CRS {crs}; the CRS is probably wrong")
    corner = {"x": extent.xMinimum(), "y": extent.yMinimum(), "crs": name}
    if crs.isGeographic() and not GEOGRAPHIC_BOUNDS.contains(extent):
        return misfit.format(**corner)
    try:
        moved = transform.transformBoundingBox(extent)
    except QgsCsException:
        return misfit.format(**corner)
    if not all(math.isfinite(v) for v in (moved.xMinimum(), moved.yMinimum(), moved.xMaximum(), moved.yMaximum())):
        return misfit.format(**corner)
    return None


# CGCS2000: 3-degree Gauss-Krüger zones without and with the zone prefix, 6-degree zones with and
# without it, and geographic: the CRSs a layer's coordinates are most often mislabelled with
CGCS2000_CANDIDATES = (
    [f"EPSG:{code}" for code in range(4534, 4555)]
    + [f"EPSG:{code}" for code in range(4513, 4534)]
    + [f"EPSG:{code}" for code in range(4491, 4513)]
    + ["EPSG:4490"]
)


def likely_crs(
    extent: QgsRectangle, crs: QgsCoordinateReferenceSystem, area: QgsRectangle, area_crs: QgsCoordinateReferenceSystem
) -> Optional[str]:
    """The CGCS2000 CRS in which ``extent``'s centre falls inside ``area`` (in ``area_crs``), when the
    layer's own ``crs`` puts it elsewhere; None when none does. Coordinates in zone 37 labelled as
    zone 36 land 300 km west of Yongji: read in zone 37 they land in it, which names the mistake."""
    if extent is None or extent.isNull() or area is None or area.isNull():
        return None
    centre = extent.center()
    for authid in CGCS2000_CANDIDATES:
        if authid == crs.authid():
            continue
        transform = QgsCoordinateTransform(
            QgsCoordinateReferenceSystem(authid), area_crs, QgsCoordinateTransformContext()
        )
        try:
            point = transform.transform(centre)
        except QgsCsException:
            continue
        if math.isfinite(point.x()) and math.isfinite(point.y()) and area.contains(point):
            return authid
    return None


def outside_warning(layer, reference, area_crs: QgsCoordinateReferenceSystem) -> str:
    """Said when no feature of ``layer`` falls where ``reference`` lies (buildings outside every height
    zone, snapshots off the city): most often coordinates labelled with the wrong zone, named when the
    layer's coordinates fit another CGCS2000 zone."""
    to_area = QgsCoordinateTransform(reference.crs(), area_crs, QgsCoordinateTransformContext())
    near = to_area.transformBoundingBox(reference.extent())  # grown: the layer lies around it, not inside
    near.grow(max(near.width(), near.height()))
    likely = likely_crs(layer.extent(), layer.crs(), near, area_crs)
    text = tr("No feature of {layer} lies in {reference} in the layer's CRS {crs}").format(
        layer=layer.name(), reference=reference.name(), crs=layer.crs().authid()
    )
    if likely:
        text += tr("; its coordinates fit {likely}: is the layer's CRS wrong?").format(likely=likely)
    return text
