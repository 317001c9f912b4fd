"""Result layers into a GeoPackage, every row read back and counted, field titles kept.

Two routes. A layer built as an :class:`~.output_table.OutputTable` goes in bulk, with no feature
built in Python: GDAL creates the layer (fields, geometry column, CRS, the GeoPackage's own
tables), SQLite takes every row in one transaction (each geometry as the GeoPackage's binary
header + the table's WKB) and GDAL builds the spatial index over what is there, in C. A file of
300,000 conflict pieces is written in about the time the rows take to cross into SQLite, where a
QGIS writer fed feature by feature took longer than the check itself. A QGIS layer (or a table
whose names the bulk route does not take) goes through ``QgsVectorFileWriter``.

The layer and field names go into SQL as identifiers (SQLite cannot bind them), so only names of
plain letters, digits and underscores are written in bulk — the plugin's own result names;
:func:`can_write` says so. Row values are always bound.
"""

import re
import sqlite3
import struct
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Optional

import numpy as np
from osgeo import gdal, ogr, osr
from qgis.core import (
    NULL,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeedback,
    QgsFields,
    QgsMapLayer,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate, QDateTime, Qt, QTime

from ...i18n import tr
from . import gpkg_rtree
from .cancel import Canceled, checkpoint, stopping
from .errors import PlanError
from .output_fields import RESULT_PROPERTY, output_fields
from .output_table import OutputTable, as_layer, boxes_array
from .outputs_guard import clear_geopackage_layer

GEOMETRY_COLUMN = "geom"
PLAIN_TYPES = {str, int, float, bytes, bool, type(None)}  # what SQLite binds as the value it is
SAFE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_OGR_TYPES = {  # a field kind: (OGR type, subtype)
    "string": (ogr.OFTString, ogr.OFSTNone),
    "double": (ogr.OFTReal, ogr.OFSTNone),
    "int": (ogr.OFTInteger, ogr.OFSTNone),
    "long": (ogr.OFTInteger64, ogr.OFSTNone),
    "bool": (ogr.OFTInteger, ogr.OFSTBoolean),
}
_GEOMETRY_TYPES = {
    "None": ogr.wkbNone,
    "Point": ogr.wkbPoint,
    "MultiPoint": ogr.wkbMultiPoint,
    "LineString": ogr.wkbLineString,
    "MultiLineString": ogr.wkbMultiLineString,
    "Polygon": ogr.wkbPolygon,
    "MultiPolygon": ogr.wkbMultiPolygon,
}


def can_write(table: OutputTable, name: str) -> bool:
    """Whether the table goes into a GeoPackage in bulk: plain names, kinds and geometry type."""
    return (
        bool(SAFE_NAME.match(name))
        and table.geometry in _GEOMETRY_TYPES
        and all(SAFE_NAME.match(spec.name) and spec.kind in _OGR_TYPES for spec in table.specs)
    )


def write_table(table: OutputTable, path: Path, name: str) -> None:
    """Create layer ``name`` in ``path`` (a new file or one without that layer) holding the table."""
    path = Path(path)
    try:
        _create_layer(table, path, name)
        with closing(sqlite3.connect(str(path), isolation_level=None)) as database:
            database.execute("BEGIN")  # one transaction, the triggers' removal and return included
            try:
                _fill(database, table, name)
            except BaseException:
                if database.in_transaction:  # SQLite may have rolled back itself (a full disk)
                    database.execute("ROLLBACK")
                raise
            database.execute("COMMIT")
    except (RuntimeError, sqlite3.Error) as error:  # GDAL's exceptions, SQLite's (a full disk, a lock)
        raise PlanError(
            tr("Cannot write {layer} to {path}: {error}").format(layer=name, path=path, error=error)
        ) from error


def _fill(database, table: OutputTable, name: str) -> None:
    """The rows, their index (packed) and the count GDAL keeps, into the empty layer."""
    with _insert_triggers_lifted(database, name):
        boxes = _boxes(table.boxes) if table.wkb is not None else None
        _insert(database, table, name, boxes)
        checkpoint()  # a cancel rolls the transaction back (about a second and a half per 300,000 rows)
        if boxes is not None:
            _index(database, name, boxes)
        found = database.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]  # nosec B608 - SAFE_NAME only
        if found != len(table):
            raise PlanError(
                tr("{layer} in {path} holds {written} of {total} rows").format(
                    layer=name, path=database_path(database), written=found, total=len(table)
                )
            )
        if database.execute("SELECT 1 FROM sqlite_master WHERE name = 'gpkg_ogr_contents'").fetchone():
            database.execute(  # GDAL's own count of the layer's rows (files from other software lack it)
                "UPDATE gpkg_ogr_contents SET feature_count = ? WHERE lower(table_name) = lower(?)", (found, name)
            )


def _create_layer(table: OutputTable, path: Path, name: str) -> None:
    """The empty layer, by GDAL: fields, CRS, the GeoPackage's tables and, for geometries, its
    (empty) spatial index with GDAL's triggers."""
    if path.exists():
        dataset = gdal.OpenEx(str(path), gdal.OF_VECTOR | gdal.OF_UPDATE)
    else:
        dataset = gdal.GetDriverByName("GPKG").Create(str(path), 0, 0, 0, gdal.GDT_Unknown)
    if dataset is None:
        raise RuntimeError(gdal.GetLastErrorMsg() or tr("not a GeoPackage GDAL can write"))
    options = ["SPATIAL_INDEX=NO", "FID=fid"]
    if table.geometry != "None":
        options.append(f"GEOMETRY_NAME={GEOMETRY_COLUMN}")
    layer = dataset.CreateLayer(name, _srs(table.crs), _GEOMETRY_TYPES[table.geometry], options)
    if layer is None:
        raise RuntimeError(gdal.GetLastErrorMsg())
    for spec in table.specs:
        kind, subtype = _OGR_TYPES[spec.kind]
        definition = ogr.FieldDefn(spec.name, kind)
        definition.SetSubType(subtype)
        if layer.CreateField(definition) != 0:
            raise RuntimeError(gdal.GetLastErrorMsg())
    if table.geometry != "None":
        statement = f"SELECT CreateSpatialIndex('{name}', '{GEOMETRY_COLUMN}')"  # nosec B608 - SAFE_NAME only
        dataset.ReleaseResultSet(dataset.ExecuteSQL(statement))
    dataset = None  # closes the file: SQLite takes it next


def _srs(authid):
    if not authid:
        return None
    srs = osr.SpatialReference()
    wkt = QgsCoordinateReferenceSystem(authid).toWkt(QgsCoordinateReferenceSystem.WktVariant.WKT_PREFERRED_GDAL)
    if srs.ImportFromWkt(wkt) != 0:
        raise RuntimeError(tr("CRS {crs} unknown to GDAL").format(crs=authid))
    return srs


def _boxes(boxes) -> np.ndarray:
    """n × 4 (minx, miny, maxx, maxy), NaN where a row has no geometry."""
    if isinstance(boxes, np.ndarray):
        return boxes.astype(np.float64, copy=False).reshape(-1, 4)
    return boxes_array(boxes)


@contextmanager
def _insert_triggers_lifted(database, name: str):
    """GDAL's triggers on insert — the R-tree's calls GDAL's SQL functions, which this connection
    lacks; the row count's runs once a row — are set aside while the rows, their packed index and
    their count go in, and put back as GDAL wrote them."""
    triggers = (f"rtree_{name}_{GEOMETRY_COLUMN}_insert", f"trigger_insert_feature_count_{name}")
    found = database.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (?, ?)", triggers
    ).fetchall()
    for trigger, _ in found:
        database.execute(f'DROP TRIGGER "{trigger}"')  # nosec B608 - SAFE_NAME only
    yield
    for _, statement in found:
        database.execute(statement)


def _insert(database, table: OutputTable, name: str, boxes) -> None:
    names = [spec.name for spec in table.specs]
    columns = [table.columns[n] for n in names]
    if table.wkb is not None:
        names.insert(0, GEOMETRY_COLUMN)
        columns.insert(0, _blobs(database, table.wkb, name, boxes))
    marks = ", ".join("?" for _ in names)
    listed = ", ".join(f'"{n}"' for n in names)
    statement = f'INSERT INTO "{name}" (fid, {listed}) VALUES (?, {marks})'  # nosec B608 - SAFE_NAME identifiers
    fids = range(1, len(table) + 1)
    columns = [column if _bindable(column) else [_plain(v) for v in column] for column in columns]
    database.executemany(statement, zip(fids, *columns))


def _blobs(database, wkb: list, name: str, boxes) -> list:
    """Each WKB behind a GeoPackage geometry header with its envelope (the empty flag where empty)."""
    found = database.execute(
        "SELECT srs_id FROM gpkg_geometry_columns WHERE lower(table_name) = lower(?)", (name,)
    ).fetchone()
    srs_id = struct.pack("<i", found[0] if found else 0)
    envelopes = np.ascontiguousarray(boxes[:, [0, 2, 1, 3]], dtype="<f8").tobytes()  # minx, maxx, miny, maxy
    missing = np.isnan(boxes[:, 0]).tolist()
    plain, empty = b"GP\x00\x03" + srs_id, b"GP\x00\x11" + srs_id
    return [
        None if w is None else (empty + w if gone else plain + envelopes[32 * row : 32 * row + 32] + w)
        for row, (w, gone) in enumerate(zip(wkb, missing))
    ]


def _bindable(column) -> bool:
    """Whether SQLite stores every value as it is (numpy's scalars it would store as blobs)."""
    return set(map(type, column)) <= PLAIN_TYPES


def database_path(database) -> str:
    return database.execute("PRAGMA database_list").fetchone()[2]


def _plain(value):
    """A value as SQLite binds it: QGIS's NULL as None, Qt's dates and times as ISO text (what
    QGIS's writer stores in a text field), anything else without a binding as its text."""
    if value is None or value == NULL:
        return None
    if isinstance(value, (str, int, float, bytes)):
        return value
    if isinstance(value, np.generic):  # numpy's int64, float32, bool_
        return value.item()
    if isinstance(value, (QDate, QDateTime, QTime)):
        return value.toString(Qt.DateFormat.ISODate)
    return str(value)


def _index(database, name: str, boxes) -> None:
    """The rows' boxes into the layer's R-tree, packed, and the layer's extent."""
    present = ~np.isnan(boxes[:, 0])
    if present.any():
        fids = np.flatnonzero(present) + 1
        gpkg_rtree.fill(database, f"rtree_{name}_{GEOMETRY_COLUMN}", fids, boxes[present])
        extent = (*boxes[present, :2].min(axis=0).tolist(), *boxes[present, 2:].max(axis=0).tolist())
        database.execute(
            "UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ? WHERE lower(table_name) = lower(?)",
            (*extent, name),
        )


def keep_aliases(written: QgsVectorLayer, fields: QgsFields) -> Optional[str]:
    """Give a written copy of a result layer the aliases of ``fields``, and keep them in its file.

    The layer object gets them in any case. A GeoPackage keeps them in its ``layer_styles`` table
    as the layer's default style (loaded whenever the layer is opened), because GDAL before 3.7
    writes no field alternative names; Shapefile has no place for them. Returns an error message
    when the GeoPackage refused the style, else None.
    """
    for field in fields:
        index = written.fields().lookupField(field.name())
        if index >= 0 and field.alias():
            written.setFieldAlias(index, field.alias())
    if written.providerType() != "ogr" or written.dataProvider().storageType() != "GPKG":
        return None
    if hasattr(written, "saveStyleToDatabaseV2"):  # QGIS ≥ 3.34: only the fields' part of the style
        _result, message = written.saveStyleToDatabaseV2(written.name(), "", True, "", QgsMapLayer.StyleCategory.Fields)
    else:  # QGIS 3.22 saves the whole (default) style
        message = written.saveStyleToDatabase(written.name(), "", True, "")
    return message or None


def write_geopackage(layers: dict, path) -> dict[str, QgsVectorLayer]:
    """Write the result layers (QGIS layers or tables) into a GeoPackage; returns them read back.

    A file that exists keeps its other layers. Every layer is read back and counted: a row the
    file lost is a PlanError, never a log line.
    """
    path = Path(path)
    found = {}
    for name, layer in layers.items():  # every layer first: a layer read back would see the file change
        checkpoint()
        if path.exists():  # this layer and its stored titles go; the file's other layers stay
            clear_geopackage_layer(path, name)
        if isinstance(layer, OutputTable) and can_write(layer, name):
            write_table(layer, path, name)
            found[name] = (layer.title, len(layer), output_fields(layer.specs))
        else:
            layer = as_layer(layer)
            _write_layer(layer, path, name)
            found[name] = (layer.name(), layer.featureCount(), layer.fields())
    return {name: _read_back(path, name, *what) for name, what in found.items()}


def _write_layer(layer: QgsVectorLayer, path: Path, name: str) -> None:
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = name
    options.actionOnExistingFile = (
        QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
        if path.exists()
        else QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteFile
    )
    writer_feedback = QgsFeedback()  # the run's cancel stops the writer between rows (its own
    options.feedback = writer_feedback  # progress stays out of the run's); kept alive here
    with stopping(writer_feedback.cancel):
        error, message, *_ = QgsVectorFileWriter.writeAsVectorFormatV3(
            layer, str(path), QgsCoordinateTransformContext(), options
        )
    if error == QgsVectorFileWriter.WriterError.Canceled:
        raise Canceled()
    if error != QgsVectorFileWriter.WriterError.NoError:
        raise PlanError(tr("Cannot write {layer} to {path}: {error}").format(layer=name, path=path, error=message))


def _read_back(path: Path, name: str, title: str, count: int, fields: QgsFields) -> QgsVectorLayer:
    """The written layer, opened anew, its rows counted and its field titles stored."""
    uri = f"{path}|layername={name}"
    again = QgsVectorLayer(uri, title, "ogr")
    if not again.isValid() or again.featureCount() != count:
        raise PlanError(
            tr("{layer} in {path} holds {written} of {total} rows").format(
                layer=name, path=path, written=again.featureCount() if again.isValid() else 0, total=count
            )
        )
    problem = keep_aliases(again, fields)
    if problem:
        raise PlanError(
            tr("Cannot store the field titles of {layer} in {path}: {error}").format(
                layer=name, path=path, error=problem
            )
        )
    del again  # saving the style reopened the file under it; a fresh layer loads the titles too
    layer = QgsVectorLayer(uri, title, "ogr")
    layer.setCustomProperty(RESULT_PROPERTY, True)  # input boxes never offer it (gui.shared.layer_choice)
    return layer
