"""The CGCS2000 ellipsoidal area method against an independent geodesic computation (issue #16).

pyproj's Geod (GeographicLib) on the CGCS2000 ellipsoid measures each polygon after its EPSG:4546
vertices are inverse-projected with PROJ; the plugin's method (core/shared/areas.py) must agree to
1e-6 relative, from a 10 m square to a township-sized polygon, with holes and several parts.
"""

import os
from pathlib import Path

import pytest
from qgis.core import QgsGeometry, QgsProjUtils

from helpers import to_shapely


def _proj_data() -> None:
    """Point pyproj at the PROJ data QGIS uses when it finds none itself (Debian 13's pyproj in a
    venv looks only under the venv's prefix)."""
    if os.environ.get("PROJ_DATA"):
        return
    found = [p for p in list(QgsProjUtils.searchPaths()) + ["/usr/share/proj"] if (Path(p) / "proj.db").is_file()]
    if found:
        os.environ["PROJ_DATA"] = found[0]


_proj_data()
from pyproj import CRS, Geod, Transformer  # noqa: E402 - after PROJ_DATA is set
from shapely.geometry import MultiPolygon, Polygon, box  # noqa: E402

from yongji_plugin.core.shared.areas import ELLIPSOIDAL, AreaMethod  # noqa: E402

CGCS2000 = Geod(a=6378137.0, rf=298.257222101)  # EPSG:1024, as GB/T 39972 and 三调 use it
TO_LONLAT = Transformer.from_crs(CRS("EPSG:4546"), CRS("EPSG:4490"), always_xy=True)
X, Y = 480000.0, 3860000.0  # near 永济, west of the zone's central meridian 111°E


def _ring_area(coords) -> float:
    lon, lat = TO_LONLAT.transform([c[0] for c in coords], [c[1] for c in coords])
    area, _ = CGCS2000.polygon_area_perimeter(lon, lat)
    return abs(area)


def geodesic_area(shape) -> float:
    parts = shape.geoms if isinstance(shape, MultiPolygon) else [shape]
    return sum(_ring_area(p.exterior.coords) - sum(_ring_area(h.coords) for h in p.interiors) for p in parts)


SHAPES = {
    "10 m square": box(X, Y, X + 10, Y + 10),
    "site": Polygon([(X, Y), (X + 180, Y + 20), (X + 150, Y + 130), (X + 30, Y + 160)]),
    "far from the meridian": box(X - 100000, Y, X - 99000, Y + 700),
    "township": Polygon([(X, Y), (X + 20000, Y + 3000), (X + 16000, Y + 18000), (X - 4000, Y + 12000)]),
    "with a hole": box(X, Y, X + 900, Y + 900).difference(box(X + 300, Y + 300, X + 600, Y + 600)),
    "two parts": MultiPolygon([box(X, Y, X + 200, Y + 100), box(X + 5000, Y + 5000, X + 5300, Y + 5400)]),
}


@pytest.mark.parametrize("name", SHAPES)
def test_ellipsoidal_area_matches_geodesic(name):
    shape = SHAPES[name]
    geometry = QgsGeometry.fromWkt(shape.wkt)
    assert to_shapely(geometry).equals(shape)
    got = AreaMethod.create("EPSG:4546", ELLIPSOIDAL).area(geometry)
    expected = geodesic_area(shape)
    assert got == pytest.approx(expected, rel=1e-6)


def test_planar_area_differs_far_from_the_meridian():
    """The comparison can tell the methods apart: 120 km off the meridian the planar area is
    about 2.4e-4 too large (Gauss-Krüger scale grows with the square of the distance)."""
    shape = SHAPES["far from the meridian"]
    planar = AreaMethod.create("EPSG:4546").area(QgsGeometry.fromWkt(shape.wkt))
    assert (planar - geodesic_area(shape)) / planar > 1e-4
