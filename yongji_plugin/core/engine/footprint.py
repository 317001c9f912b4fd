"""Which control features an overlay reads: only those that can touch the sites, where that is cheaper.

The bureau's everyday check is one site or a handful against a county's control layers. Reading
every control feature for it costs what a 10,000-site batch costs, while the layer's own spatial
index (GeoPackage R-tree, Shapefile ``.qix``, File Geodatabase ``.spx``, PostGIS GiST) hands over
the few under the sites. So the sites' bounding boxes are grouped into clusters (sites far apart
get a rectangle each), the features under the rectangles are estimated from the layer's count and
the share of its extent they cover, and the rectangles are read when that costs less than reading
the whole layer: a filtered read costs about ``FILTER_COST`` bulk-read features per feature it
returns and ``RECT_COST`` per rectangle (``make bench``, the daily case). A batch that covers much
of the layer reads it whole, as before. A layer without a spatial index is read whole and indexed
in memory (a filtered read would scan it anyway), and the log says so.

Batches under many control features (more than ``CHUNK_FEATURES``) are cut into chunks of
neighbouring sites, each reading the features under its own sites: the shapely backend's memory
follows a chunk, not the county or the province.
Rectangles are padded (``PAD``): reading a few more features never changes an answer, since every
pair is still tested exactly; reading one too few would.

Plain Python (no numpy): the QGIS backend uses it too.
"""

import math
from dataclasses import dataclass
from typing import Optional

from osgeo import gdal, ogr
from qgis.core import (
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsCsException,
    QgsFeatureSource,
    QgsProviderRegistry,
    QgsRectangle,
)

from ...i18n import tr

# Measured on the bench's W2 GeoPackage (GDAL 3.6 Arrow stream, process CPU): a whole read costs
# about 1.0 µs a feature, a filtered one 0.8 µs a feature it returns plus 0.2 ms a rectangle.
FILTER_COST = 1.2  # bulk-read features one feature of a filtered read costs (with room for the estimate's error)
RECT_COST = 200.0  # bulk-read features one more filtered read (a rectangle) costs
# A batch under more control features than CHUNK_FEATURES is cut into chunks of neighbouring
# sites, each reading about CHUNK_FEATURES / CHUNK_SHARE features: a chunk's features, their tree
# and its pieces live only while it runs (about 0.7 KB a five-vertex parcel). Measured on the
# bench: W2 (600,000 parcels) 850 → 435 MB for about the same CPU; W3 (6,000,000) 63 → 49 s.
CHUNK_FEATURES = 300_000
CHUNK_SHARE = 3
PAD = 1.0  # area-CRS units (metres) around each rectangle

Box = tuple[float, float, float, float]  # xmin, ymin, xmax, ymax


@dataclass
class Region:
    """Sites processed together and the rectangles (area CRS) whose control features they read."""

    sites: list[int]  # site indices, ascending
    rects: Optional[list[Box]]  # None: the whole layer


@dataclass
class Layout:
    regions: list[Region]
    how: str  # "whole", "filtered", "chunked" (for logs and tests)
    unindexed: bool = False  # the layer has no spatial index (read whole, indexed in memory)


def layout(layer, area_crs, boxes: dict[int, Box], chunks: bool = False) -> Layout:
    """How an overlay of these sites (index → bounding box in the area CRS) reads ``layer``."""
    sites = sorted(boxes)
    count = max(0, layer.featureCount())
    extent = area_extent(layer, area_crs)
    if not sites:
        return Layout([Region([], [])], "empty")  # nothing to overlay: nothing to read
    if extent is None or count == 0:
        return Layout([Region(sites, None)], "whole")
    unindexed = not indexed(layer)
    features = count
    rects = None
    if not unindexed:
        cell = math.sqrt(RECT_COST * _area(extent) / count)
        rects = clusters([boxes[i] for i in sites], cell)
        under = estimate(rects, extent, count)
        if FILTER_COST * under + RECT_COST * len(rects) < count:
            features = under
        else:
            rects = None
    if chunks and features > CHUNK_FEATURES and not unindexed:
        return Layout(chunked(boxes, extent, count), "chunked")
    if rects is None:
        return Layout([Region(sites, None)], "whole", unindexed)
    return Layout([Region(sites, [pad(r) for r in rects])], "filtered")


def indexed(layer) -> bool:
    """Whether the layer's provider filters by rectangle through a spatial index. For files GDAL
    reads, GDAL's own answer: QGIS's can be wrong (a GeoPackage in WAL mode whose sibling layer
    has a subset string made QGIS 3.22 report no R-tree after a failed SQLite query)."""
    presence = layer.hasSpatialIndex()
    if presence == QgsFeatureSource.SpatialIndexPresence.SpatialIndexPresent:
        return True
    if layer.providerType() == "ogr":
        found = _ogr_fast_filter(layer)
        if found is not None:
            return found
    return presence != QgsFeatureSource.SpatialIndexPresence.SpatialIndexNotPresent


def _ogr_fast_filter(layer) -> Optional[bool]:
    """GDAL's OLCFastSpatialFilter for the layer's file (None: GDAL cannot tell)."""
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    try:
        dataset = gdal.OpenEx(
            parts.get("path") or "",
            gdal.OF_VECTOR | gdal.OF_READONLY,
            open_options=list(parts.get("openOptions") or []),
        )
        if dataset is None:
            return None
        name = parts.get("layerName") or parts.get("layerId")
        if name in (None, ""):
            found = dataset.GetLayer(0)
        elif str(name).isdigit():
            found = dataset.GetLayer(int(name))
        else:
            found = dataset.GetLayerByName(str(name))
        return None if found is None else bool(found.TestCapability(ogr.OLCFastSpatialFilter))
    except RuntimeError:  # GDAL's exceptions on (QGIS 3.40's Processing turns them on)
        return None


def unindexed_note(name: str, count: int) -> str:
    return tr(
        "Control layer {name} has no spatial index: all its {count} features are read and indexed in "
        "memory for each check; a spatial index on the layer (Layer Properties ▸ Source ▸ Create "
        "Spatial Index) lets a check of a few sites read only the features near them"
    ).format(name=name, count=count)


def area_extent(layer, area_crs) -> Optional[Box]:
    """The layer's extent in the area CRS (None: empty, or not transformable)."""
    extent = layer.extent()
    if extent.isNull() or extent.isEmpty() and extent.width() == 0 and extent.height() == 0:
        return None
    if layer.crs() != area_crs:
        try:
            transform = QgsCoordinateTransform(layer.crs(), area_crs, QgsCoordinateTransformContext())
            extent = transform.transformBoundingBox(extent)
        except QgsCsException:
            return None
    box = (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum())
    return box if all(math.isfinite(v) for v in box) else None


def clusters(boxes: list[Box], cell: float) -> list[Box]:
    """Bounding boxes of groups of boxes lying within about one ``cell`` of each other: the cells
    each box touches, joined where they are neighbours (8-connected)."""
    cell = cell if cell > 0 and math.isfinite(cell) else 1.0
    members: dict[tuple[int, int], list[int]] = {}
    for number, (xmin, ymin, xmax, ymax) in enumerate(boxes):
        for cx in range(math.floor(xmin / cell), math.floor(xmax / cell) + 1):
            for cy in range(math.floor(ymin / cell), math.floor(ymax / cell) + 1):
                members.setdefault((cx, cy), []).append(number)
    seen, result = set(), []
    for start in members:
        if start in seen:
            continue
        seen.add(start)
        stack, group = [start], set()
        while stack:
            cx, cy = stack.pop()
            group.update(members[(cx, cy)])
            for neighbour in ((cx + dx, cy + dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1)):
                if neighbour in members and neighbour not in seen:
                    seen.add(neighbour)
                    stack.append(neighbour)
        result.append(union([boxes[i] for i in group]))
    return result


def chunked(boxes: dict[int, Box], extent: Box, count: int) -> list[Region]:
    """Sites in square cells of about CHUNK_FEATURES / CHUNK_SHARE control features (by their
    box's centre); each chunk reads the features under its own sites' boxes, so a site on a
    cell's edge reads what it touches on the other side too."""
    side = math.sqrt(CHUNK_FEATURES / CHUNK_SHARE * _area(extent) / count)
    cells: dict[tuple[int, int], list[int]] = {}
    for site in sorted(boxes):
        xmin, ymin, xmax, ymax = boxes[site]
        key = (math.floor((ymin + ymax) / 2 / side), math.floor((xmin + xmax) / 2 / side))
        cells.setdefault(key, []).append(site)
    return [Region(cells[key], [pad(union([boxes[s] for s in cells[key]]))]) for key in sorted(cells)]


def estimate(rects: list[Box], extent: Box, count: int) -> float:
    """Features under the rectangles if the layer's features were spread evenly over its extent."""
    total = _area(extent)
    if total <= 0:
        return float(count)
    covered = sum(_area(_intersection(rect, extent)) for rect in rects)
    return min(float(count), count * covered / total)


def union(boxes: list[Box]) -> Box:
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def pad(box: Box) -> Box:
    grow = PAD + 1e-9 * max(abs(v) for v in box)
    return box[0] - grow, box[1] - grow, box[2] + grow, box[3] + grow


def layer_rects(rects: list[Box], layer_crs, area_crs) -> Optional[list[Box]]:
    """The rectangles in the layer's CRS, padded a little more (None: not transformable)."""
    if layer_crs == area_crs:
        return list(rects)
    transform = QgsCoordinateTransform(area_crs, layer_crs, QgsCoordinateTransformContext())
    result = []
    try:
        for rect in rects:
            moved = transform.transformBoundingBox(QgsRectangle(*rect))
            grow = 1e-6 * max(moved.width(), moved.height(), 1e-3)
            result.append(
                (moved.xMinimum() - grow, moved.yMinimum() - grow, moved.xMaximum() + grow, moved.yMaximum() + grow)
            )
    except QgsCsException:
        return None
    return result


def _intersection(a: Box, b: Box) -> Box:
    return max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3])


def _area(box: Box) -> float:
    return max(0.0, box[2] - box[0]) * max(0.0, box[3] - box[1])
