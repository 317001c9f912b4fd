"""The real city outline, reprojected from WGS84 to the plan CRS."""

import json
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsPointXY,
    QgsProject,
)
from shapely.geometry import MultiPolygon, Polygon, shape
from shapely.ops import transform as shapely_transform

REPO = Path(__file__).resolve().parents[2]
# A copy of shared/data/yongji_and_neighbours_boundary.geojson (see shared/data/README.md).
DEFAULT_BOUNDARY = REPO / "resources" / "demo" / "yongji_and_neighbours_boundary.geojson"
PLAN_CRS = "EPSG:4546"


def lonlat_to_plan():
    transform = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:4326"), QgsCoordinateReferenceSystem(PLAN_CRS), QgsProject.instance()
    )

    def forward(x, y, z=None):
        xs, ys = [], []
        for xi, yi in zip(x, y):
            p = transform.transform(QgsPointXY(xi, yi))
            xs.append(p.x())
            ys.append(p.y())
        return xs, ys

    return forward


def city_outline(path: Path = None) -> Polygon:
    data = json.loads(Path(path or DEFAULT_BOUNDARY).read_text(encoding="utf-8"))
    feature = next(f for f in data["features"] if f["properties"].get("name") == "永济市")
    geom = shapely_transform(lonlat_to_plan(), shape(feature["geometry"]))
    if isinstance(geom, MultiPolygon):
        geom = max(geom.geoms, key=lambda g: g.area)
    return geom.buffer(0)


def plan_point(lon: float, lat: float):
    xs, ys = lonlat_to_plan()([lon], [lat])
    return xs[0], ys[0]
