"""Does the shapely in this process work beside QGIS's own GEOS? One tiny round trip, once.

A pip-installed shapely 2 wheel carries its own GEOS. Where QGIS's GEOS was loaded first into the
same process (``qgis_process``, where the executable links it), GEOS's symbols can bind to QGIS's
copy while shapely was built for another: shapely imports fine and then fails mid-run (seen with
shapely 2.1.2 beside QGIS 3.22's GEOS 3.11: ``GEOSException: WKB output dimension must be 2 or
3`` from ``shapely.to_wkb``). So before ``auto`` picks shapely, two squares go the way every run's
geometries go — WKB from QgsGeometry into shapely, intersection, union, a spatial index, areas
compared with QGIS's, WKB back into QgsGeometry — and any error or wrong figure means: not here.

The outcome is kept for the process (the libraries loaded do not change); the reason is
translated when asked for. The probe never raises.
"""

from typing import Optional

from qgis.core import Qgis, QgsGeometry

from ...i18n import tr
from ..shared import optional

SQUARE = "POLYGON((0 0,4 0,4 4,0 4,0 0))"
SHIFTED = "POLYGON((2 2,6 2,6 6,2 6,2 2))"
_UNKNOWN = object()
_outcome = _UNKNOWN  # None: shapely works here; else (kind, detail) of the first failure


def failure() -> Optional[str]:
    """Why shapely does not work in this process (translated), None when the round trip passes."""
    global _outcome
    if _outcome is _UNKNOWN:
        _outcome = _run()
    if _outcome is None:
        return None
    kind, detail = _outcome
    what = detail  # an exception's own words
    if kind == "area":
        what = tr("an intersection's area came out as {detail}").format(detail=detail)
    elif kind == "back":
        what = tr("a geometry written back to QGIS came out as {detail}").format(detail=detail)
    return tr(
        "shapely {version} (GEOS {geos}) does not work beside QGIS's GEOS {qgis_geos} in this process: {what}"
    ).format(
        version=optional.version("shapely"), geos=_shapely_geos(), qgis_geos=Qgis.geosVersion().split("-")[0], what=what
    )


def forget() -> None:
    """Probe again on the next question (tests; a plugin reloaded into another environment)."""
    global _outcome
    _outcome = _UNKNOWN


def _run() -> Optional[tuple[str, str]]:
    try:
        return _round_trip()
    except Exception as error:
        return "error", f"{type(error).__name__}: {error}"


def _round_trip() -> Optional[tuple[str, str]]:
    shapely = optional.module("shapely")
    square, shifted = QgsGeometry.fromWkt(SQUARE), QgsGeometry.fromWkt(SHIFTED)
    shapes = shapely.from_wkb([bytes(square.asWkb()), bytes(shifted.asWkb())])
    piece = shapely.intersection(shapes[0], shapes[1])
    expected = square.intersection(shifted).area()
    union = shapely.union_all(shapes)
    hits = shapely.STRtree(shapes).query(piece)
    if abs(float(shapely.area(piece)) - expected) > 1e-9 or len(hits) != 2:
        return "area", f"{float(shapely.area(piece)):g} ≠ {expected:g}"
    back, together = QgsGeometry(), QgsGeometry()
    back.fromWkb(shapely.to_wkb(piece))
    together.fromWkb(shapely.to_wkb([piece, union])[1])  # vectorized, as the backend writes its results
    whole = square.combine(shifted).area()
    if abs(back.area() - expected) > 1e-9 or abs(together.area() - whole) > 1e-9:
        return "back", f"{back.area():g} + {together.area():g} ≠ {expected:g} + {whole:g}"
    return None


def _shapely_geos() -> str:
    shapely = optional.module("shapely")
    return ".".join(str(v) for v in getattr(shapely, "geos_version", ())) or "?"
