"""Read a layer's polygons as WKB arrays in bulk: GDAL's Arrow stream for GeoPackage and Shapefile,
QGIS feature requests for everything else (memory, PostGIS, layers with unsaved edits).

A QGIS expression filter is evaluated by QGIS on attributes only (so both routes keep exactly the
features QGIS would) and applied to the bulk read by feature id. ``rects`` (area CRS) limit the
read to the features under them, through the layer's spatial index (``footprint``); a feature
under two rectangles is read once. Needs numpy; never shapely.
"""

from dataclasses import dataclass, field
from typing import Callable, Optional

import numpy as np
from osgeo import gdal, ogr
from qgis.core import (
    NULL,
    Qgis,
    QgsCoordinateTransformContext,
    QgsExpression,
    QgsFeatureRequest,
    QgsGeometry,
    QgsMessageLog,
    QgsProviderRegistry,
    QgsRectangle,
    QgsWkbTypes,
)

from ...i18n import tr
from .backend import LOG_TAG
from .footprint import layer_rects
from .layers import ControlLayer

OGR_DRIVERS = ("GPKG", "ESRI Shapefile")
BATCH = 65536
PLAIN_KINDS = "SUiufb"  # numpy kinds whose values convert to what QGIS gives (str, int, float, bool)


@dataclass
class BulkRead:
    """Features of one layer in fid order: ids, converted geometries, wanted plain columns."""

    fids: np.ndarray  # int64, ascending
    geometries: np.ndarray  # what ``convert`` made of the WKB
    transformed: bool  # True when QGIS already transformed to the area CRS
    columns: dict[str, np.ndarray] = field(default_factory=dict)
    route: str = "qgis"

    def values(self, name: str, positions) -> list:
        """Python values of a column (as a QGIS feature would give them) at the given rows."""
        column = self.columns[name]
        positions = np.asarray(positions, dtype=np.int64)
        data = np.ma.getdata(column)[positions]
        if data.dtype.kind == "S":
            data = np.char.decode(data, "utf-8")
        out = data.tolist()
        for position in np.flatnonzero(np.ma.getmaskarray(column)[positions]):
            out[position] = NULL
        return out

    def _finish(self, keep: Optional[np.ndarray]) -> "BulkRead":
        """Apply the filter's fids, sort by fid and keep each feature once (rectangles overlap)."""
        mask = np.isin(self.fids, keep) if keep is not None else slice(None)
        _, order = np.unique(self.fids[mask], return_index=True)
        self.fids = self.fids[mask][order]
        self.geometries = self.geometries[mask][order]
        self.columns = {k: v[mask][order] for k, v in self.columns.items()}
        return self


def filter_fids(spec: ControlLayer, area_crs=None, rects=None) -> Optional[np.ndarray]:
    """Feature ids the spec's QGIS expression keeps (attributes only unless it needs geometry),
    under the rectangles (area CRS) where given."""
    if not spec.filter:
        return None
    expression = QgsExpression(spec.filter)
    request = QgsFeatureRequest().setFilterExpression(spec.filter)
    if not expression.needsGeometry():
        request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
    columns = [c for c in expression.referencedColumns() if spec.layer.fields().lookupField(c) >= 0]
    if QgsFeatureRequest.ALL_ATTRIBUTES not in expression.referencedColumns():
        request.setSubsetOfAttributes(columns, spec.layer.fields())
    if rects is None:
        return np.fromiter((f.id() for f in spec.layer.getFeatures(request)), dtype=np.int64)
    request.setDestinationCrs(area_crs, QgsCoordinateTransformContext())
    found = set()
    for rect in rects:
        found.update(
            f.id() for f in spec.layer.getFeatures(QgsFeatureRequest(request).setFilterRect(QgsRectangle(*rect)))
        )
    return np.fromiter(sorted(found), dtype=np.int64, count=len(found))


def read_layer(spec: ControlLayer, area_crs, convert: Callable, route: str = "auto", rects=None) -> BulkRead:
    """The spec's features in fid order; ``convert`` turns a list of WKB arrays into one array of
    geometries (all batches at once, so it may spread them over threads); ``rects``: only the
    features under these rectangles of the area CRS (None: all).

    OGR files stream in bulk (geometries still in the layer's CRS: ``transformed`` is False);
    other providers go through QGIS, which transforms to ``area_crs``.
    """
    if route != "qgis":
        source = _ogr_source(spec.layer)
        native = None if rects is None else layer_rects(rects, spec.layer.crs(), area_crs)
        if source is not None and (rects is None or native is not None):
            try:
                result = _read_ogr(spec, convert, *source, native)
            except (RuntimeError, SystemError) as error:  # GDAL's exceptions (on under QGIS 3.40's Processing)
                result = None
                QgsMessageLog.logMessage(
                    tr("{layer}: GDAL's bulk read failed ({error}); read through QGIS instead").format(
                        layer=spec.name, error=error
                    ),
                    LOG_TAG,
                    Qgis.MessageLevel.Warning,
                )
            if result is not None:
                return result._finish(filter_fids(spec, area_crs, rects))
    return _read_qgis(spec, area_crs, convert, rects)


def _ogr_source(layer):
    """(path, layer name or index, subset, open options) of a file GDAL can stream, or None.

    The open options (a Shapefile's ``ENCODING``) go to GDAL as QGIS passes them: text read in
    bulk must decode as the layer's own does."""
    if layer.providerType() != "ogr" or layer.isModified():
        return None
    if not hasattr(ogr.Layer, "GetArrowStreamAsNumPy"):
        return None  # GDAL < 3.6: QGIS's own reader is as fast as a Python loop over OGR
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    subset = layer.subsetString() or ""
    if subset.strip().lower().startswith("select"):
        return None  # a full SQL query: let QGIS run it
    return (
        parts.get("path"),
        parts.get("layerName") or parts.get("layerId"),
        subset,
        list(parts.get("openOptions") or []),
    )


def _read_ogr(spec: ControlLayer, convert, path, layer_ref, subset, options=(), rects=None) -> Optional[BulkRead]:
    dataset = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_READONLY, open_options=list(options))
    if dataset is None or dataset.GetDriver().ShortName not in OGR_DRIVERS:
        return None
    if layer_ref in (None, ""):
        layer = dataset.GetLayer(0)
    elif isinstance(layer_ref, int) or str(layer_ref).isdigit():
        layer = dataset.GetLayer(int(layer_ref))
    else:
        layer = dataset.GetLayerByName(str(layer_ref))
    if layer is None:
        return None
    if subset and layer.SetAttributeFilter(subset) != 0:
        return None
    definition = layer.GetLayerDefn()
    names = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    wanted = [name for name in spec.fields if name in names]
    layer.SetIgnoredFields([name for name in names if name not in wanted])
    fids, wkb, columns = [], [], {name: [] for name in wanted}
    for rect in [None] if rects is None else rects:
        if rect is not None:
            layer.SetSpatialFilterRect(*rect)
        if not _stream(layer, wanted, fids, wkb, columns):
            return None
    if not fids:
        return BulkRead(np.zeros(0, np.int64), convert([np.zeros(0, object)]), False, route="ogr")
    result = BulkRead(np.concatenate(fids), convert(wkb), False, route="ogr")
    for name in wanted:
        column = np.ma.concatenate(columns[name])
        if column.dtype.kind in PLAIN_KINDS:
            result.columns[name] = column
    return result


def _stream(layer, wanted, fids, wkb, columns) -> bool:
    """Append the layer's features (under its spatial filter) batch by batch; False: the stream
    lacks the fid or geometry column."""
    fid_column = layer.GetFIDColumn() or "OGC_FID"
    geometry_column = layer.GetGeometryColumn() or "wkb_geometry"
    layer.ResetReading()
    for batch in layer.GetArrowStreamAsNumPy(options=[f"MAX_FEATURES_IN_BATCH={BATCH}", "INCLUDE_FID=YES"]):
        if fid_column not in batch or geometry_column not in batch:
            return False
        geometries = batch[geometry_column]
        keep = ~np.ma.getmaskarray(geometries)
        fids.append(np.asarray(batch[fid_column], dtype=np.int64)[keep])
        wkb.append(np.ma.getdata(geometries)[keep])
        for name in wanted:
            columns[name].append(batch[name][keep])
    return True


def _read_qgis(spec: ControlLayer, area_crs, convert, rects=None) -> BulkRead:
    request = QgsFeatureRequest()
    request.setDestinationCrs(area_crs, QgsCoordinateTransformContext())
    request.setInvalidGeometryCheck(QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck)
    if spec.filter:
        request.setFilterExpression(spec.filter)
    elif not spec.fields:
        request.setNoAttributes()
    fids: list[int] = []
    wkb: list[bytes] = []
    values: dict[str, list] = {name: [] for name in spec.fields}
    for feature in _features(spec.layer, request, rects):
        geometry = feature.geometry()
        if geometry.isNull() or geometry.isEmpty():
            continue
        if QgsWkbTypes.isCurvedType(geometry.wkbType()):
            geometry = QgsGeometry(geometry.constGet().segmentize())
        fids.append(feature.id())
        wkb.append(bytes(geometry.asWkb()))
        for name in spec.fields:
            values[name].append(feature[name])
    result = BulkRead(np.asarray(fids, dtype=np.int64), convert([object_array(wkb)]), True)
    result.columns = {name: object_array(column) for name, column in values.items()}
    return result._finish(None)


def _features(layer, request, rects):
    """The request's features, under each rectangle in turn where given (duplicates are dropped
    by ``_finish``)."""
    if rects is None:
        yield from layer.getFeatures(request)
        return
    for rect in rects:
        yield from layer.getFeatures(QgsFeatureRequest(request).setFilterRect(QgsRectangle(*rect)))


def object_array(values: list) -> np.ndarray:
    """Values as a numpy array of Python objects, each kept as it is (bytes stay bytes)."""
    array = np.empty(len(values), dtype=object)
    array[:] = values
    return array
