"""Read a layer's polygons as WKB arrays in bulk: GDAL's Arrow stream for GeoPackage and Shapefile,
QGIS feature requests for everything else (memory, PostGIS, layers with unsaved edits).

A QGIS expression filter is evaluated by QGIS on attributes only (so both routes keep exactly the
features QGIS would) and applied to the bulk read by feature id. Needs numpy; never shapely.
"""
from dataclasses import dataclass, field
from typing import Callable, Optional

import numpy as np
from osgeo import gdal, ogr
from qgis.core import (
    NULL,
    QgsCoordinateTransformContext,
    QgsExpression,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProviderRegistry,
    QgsWkbTypes,
)

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
        """Apply the filter's fids and sort by fid."""
        mask = np.isin(self.fids, keep) if keep is not None else slice(None)
        order = np.argsort(self.fids[mask], kind="stable")
        self.fids = self.fids[mask][order]
        self.geometries = self.geometries[mask][order]
        self.columns = {k: v[mask][order] for k, v in self.columns.items()}
        return self


def filter_fids(spec: ControlLayer) -> Optional[np.ndarray]:
    """Feature ids the spec's QGIS expression keeps (attributes only unless it needs geometry)."""
    if not spec.filter:
        return None
    expression = QgsExpression(spec.filter)
    request = QgsFeatureRequest().setFilterExpression(spec.filter)
    if not expression.needsGeometry():
        request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
    columns = [c for c in expression.referencedColumns() if spec.layer.fields().lookupField(c) >= 0]
    if QgsFeatureRequest.ALL_ATTRIBUTES not in expression.referencedColumns():
        request.setSubsetOfAttributes(columns, spec.layer.fields())
    return np.fromiter((f.id() for f in spec.layer.getFeatures(request)), dtype=np.int64)


def read_layer(spec: ControlLayer, area_crs, convert: Callable, route: str = "auto") -> BulkRead:
    """The spec's features in fid order; ``convert`` turns a list of WKB arrays into one array of
    geometries (all batches at once, so it may spread them over threads).

    OGR files stream in bulk (geometries still in the layer's CRS: ``transformed`` is False);
    other providers go through QGIS, which transforms to ``area_crs``.
    """
    if route != "qgis":
        source = _ogr_source(spec.layer)
        if source is not None:
            result = _read_ogr(spec, convert, *source)
            if result is not None:
                return result
    return _read_qgis(spec, area_crs, convert)


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
    return (parts.get("path"), parts.get("layerName") or parts.get("layerId"), subset,
            list(parts.get("openOptions") or []))


def _read_ogr(spec: ControlLayer, convert, path, layer_ref, subset, options=()) -> Optional[BulkRead]:
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
    fid_column = layer.GetFIDColumn() or "OGC_FID"
    geometry_column = layer.GetGeometryColumn() or "wkb_geometry"
    fids, wkb, columns = [], [], {name: [] for name in wanted}
    for batch in layer.GetArrowStreamAsNumPy(options=[f"MAX_FEATURES_IN_BATCH={BATCH}", "INCLUDE_FID=YES"]):
        if fid_column not in batch or geometry_column not in batch:
            return None
        geometries = batch[geometry_column]
        keep = ~np.ma.getmaskarray(geometries)
        fids.append(np.asarray(batch[fid_column], dtype=np.int64)[keep])
        wkb.append(np.ma.getdata(geometries)[keep])
        for name in wanted:
            columns[name].append(batch[name][keep])
    if not fids:
        return BulkRead(np.zeros(0, np.int64), convert([np.zeros(0, object)]), False, route="ogr")
    result = BulkRead(np.concatenate(fids), convert(wkb), False, route="ogr")
    for name in wanted:
        column = np.ma.concatenate(columns[name])
        if column.dtype.kind in PLAIN_KINDS:
            result.columns[name] = column
    return result._finish(filter_fids(spec))


def _read_qgis(spec: ControlLayer, area_crs, convert) -> BulkRead:
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
    for feature in spec.layer.getFeatures(request):
        geometry = feature.geometry()
        if geometry.isNull() or geometry.isEmpty():
            continue
        if QgsWkbTypes.isCurvedType(geometry.wkbType()):
            geometry = QgsGeometry(geometry.constGet().segmentize())
        fids.append(feature.id())
        wkb.append(bytes(geometry.asWkb()))
        for name in spec.fields:
            values[name].append(feature[name])
    result = BulkRead(np.asarray(fids, dtype=np.int64), convert([_objects(wkb)]), True)
    result.columns = {name: _objects(column) for name, column in values.items()}
    return result._finish(None)


def _objects(values: list) -> np.ndarray:
    array = np.empty(len(values), dtype=object)
    array[:] = values
    return array
