"""The file picker for a plan source of each kind (the load and the version dialogs share it)."""

from qgis.PyQt.QtWidgets import QFileDialog

from ...i18n import tr


def browse_source(parent, kind: str) -> str:
    """A path chosen for a source of ``kind`` ("" when canceled): a GeoPackage file, a .gdb folder
    or a folder of Shapefiles."""
    if kind == "gpkg":
        path, _ = QFileDialog.getOpenFileName(parent, tr("Choose a GeoPackage"), "", tr("GeoPackage (*.gpkg)"))
        return path
    if kind == "gdb":
        return QFileDialog.getExistingDirectory(parent, tr("Choose a File Geodatabase (.gdb folder)"))
    return QFileDialog.getExistingDirectory(parent, tr("Choose a folder of Shapefiles"))
