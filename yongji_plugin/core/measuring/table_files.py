"""A result table as the files reviewers open in a spreadsheet: CSV (UTF-8 with BOM) and XLSX.

Written by GDAL through QgsVectorFileWriter (no extra Python package); the column titles are the
fields' translated aliases, numbers stay numbers. Each file is read back and must hold every row.
"""

from pathlib import Path

from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter, QgsVectorLayer

from ...i18n import tr
from ..shared.errors import PlanError

DRIVERS = {".csv": ("CSV", ["WRITE_BOM=YES", "SEPARATOR=COMMA"]), ".xlsx": ("XLSX", [])}


def write_table(layer: QgsVectorLayer, path, sheet_name: str = "") -> Path:
    """Write ``layer``'s attributes to ``path`` (.csv or .xlsx); a PlanError when it fails or loses rows."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in DRIVERS:
        raise PlanError(tr("Table file {path} must end in .csv or .xlsx").format(path=path))
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()  # the writer would otherwise add a sheet or refuse
    driver, layer_options = DRIVERS[suffix]
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = driver
    options.fileEncoding = "UTF-8"
    options.layerOptions = layer_options
    options.layerName = sheet_name or layer.name()
    options.fieldNameSource = QgsVectorFileWriter.FieldNameSource.PreferAlias
    result = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(path), QgsCoordinateTransformContext(), options)
    error, message = result[0], result[1]
    if error != QgsVectorFileWriter.WriterError.NoError:
        raise PlanError(tr("Table {path} could not be written: {error}").format(path=path, error=message or error))
    written = QgsVectorLayer(str(path), "written", "ogr")
    if not written.isValid() or written.featureCount() != layer.featureCount():
        raise PlanError(
            tr("Table {path} holds {written} of {total} rows").format(
                path=path, written=written.featureCount() if written.isValid() else 0, total=layer.featureCount()
            )
        )
    return path
