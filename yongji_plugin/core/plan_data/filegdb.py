"""File Geodatabases (``.gdb`` folders) as plan sources, read through GDAL's OpenFileGDB driver,
which every QGIS (3.22 on) ships; ESRI's own FileGDB driver is never needed.

Listing is where a bad database must be refused, before any check reads it: GDAL quietly leaves
out a table whose file is gone (a half-copied folder), so the database's own system catalogue
is compared with the files in the folder; and a database another program is editing (ArcGIS's
edit and write lock files) may be caught half-saved.
"""

from pathlib import Path

from osgeo import gdal

from ...i18n import tr
from ..shared.errors import PlanError

EDIT_LOCKS = (".ed.lock", ".wr.lock")  # ArcGIS: an edit session, a write in progress (.sr.lock: a reader)
SYSTEM_CATALOG = "GDB_SystemCatalog"


def is_filegdb_path(path: Path) -> bool:
    return path.suffix.lower() == ".gdb"


def _open(path: Path, options: list[str]):
    """The dataset, or None; GDAL raises instead once anyone (QGIS 3.40's Processing) turns its
    exceptions on."""
    try:
        return gdal.OpenEx(str(path), gdal.OF_VECTOR, allowed_drivers=["OpenFileGDB"], open_options=options)
    except RuntimeError:
        return None


def _missing_tables(path: Path, dataset) -> list[str]:
    """Tables the system catalogue lists whose file is not in the folder, as "name (file)".

    Table n of the catalogue is stored as ``a<n as 8 hex digits>.gdbtable``. System tables
    (``GDB_*``) are left out: some are written only when first used (GDB_ReplicaLog).
    """
    catalog = dataset.GetLayerByName(SYSTEM_CATALOG)
    if catalog is None:  # a GDAL without LIST_ALL_TABLES: nothing to compare with
        return []
    missing = []
    for feature in catalog:
        if (feature.GetField("Name") or "").upper().startswith("GDB_"):
            continue
        table = f"a{feature.GetFID():08x}.gdbtable"
        if not (path / table).is_file():
            missing.append(f"{feature.GetField('Name')} ({table})")
    return missing


def _check_usable(path: Path) -> None:
    if not path.is_dir():
        raise PlanError(tr("File Geodatabase not found: {path} (a .gdb folder is expected)").format(path=path))
    locks = sorted(p.name for p in path.iterdir() if p.name.lower().endswith(EDIT_LOCKS))
    if locks:
        raise PlanError(
            tr(
                "File Geodatabase {path} is being edited in another program (lock file {lock}): save and "
                "close the edit session there, or copy the database and read the copy"
            ).format(path=path, lock=locks[0])
        )


def filegdb_layer_names(path: Path) -> list[str]:
    """The database's layers (those of feature datasets included, as GDAL lists them: flat).

    A folder GDAL cannot open, or one that lacks a table its catalogue lists, is a PlanError naming
    the folder and the problem.
    """
    _check_usable(path)
    everything = _open(path, ["LIST_ALL_TABLES=YES"])
    dataset = _open(path, [])
    if dataset is None or everything is None:
        raise PlanError(
            tr("Not a readable File Geodatabase: {path} (GDAL's OpenFileGDB driver cannot open it)").format(path=path)
        )
    missing = _missing_tables(path, everything)
    if missing:
        raise PlanError(
            tr(
                "File Geodatabase {path} is incomplete: the files of {tables} are missing (copied only in part?)"
            ).format(path=path, tables=", ".join(missing))
        )
    return [dataset.GetLayer(i).GetName() for i in range(dataset.GetLayerCount())]
