"""Outputs never overwrite inputs, and an unwritable destination is said before anything runs.

A run's inputs (layer sources, the plan GeoPackage, Shapefile or ``.gdb`` folders, rule and
indicator files) and its outputs (result layers, reports with the files written beside them,
print folders) are reduced to places on disk; :func:`refuse_clashes` refuses, with one translated
sentence naming both, an output that would write into an input file (any layer of it) or into an
input folder, and two outputs that would write the same file (or the same GeoPackage layer). QGIS's
own sink replaces a whole GeoPackage given as ``x.gpkg``
(28 layers became 1): :func:`geopackage_layer` says which layer of an existing GeoPackage an
output replaces instead, so only that layer is written.
"""

import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from qgis.core import QgsDataSourceUri, QgsProviderRegistry

from ...i18n import tr
from .errors import PlanError

SHAPEFILE_PARTS = (".shp", ".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx", ".qmd")
REPORT_COMPANIONS = (".pdf", "_map.png", "_maps", "_sheets", "_charts")  # written beside a report's HTML
NOT_ON_DISK = ("memory:", "postgres:", "postgis:", "TEMPORARY_OUTPUT")


@dataclass(frozen=True)
class Place:
    """Where an input is read or an output written: a file or folder, a GeoPackage layer in it."""

    path: Path  # absolute, symbolic links resolved
    label: str  # the input or output as the user knows it (a parameter's title)
    layer: str = ""
    folder: bool = False

    @property
    def dataset(self) -> Path:
        """The file that holds the data: a Shapefile's parts are one dataset."""
        if not self.folder and self.path.suffix.lower() in SHAPEFILE_PARTS:
            return self.path.with_suffix(".shp")
        return self.path

    def inside(self, other: "Place") -> bool:
        return other.folder and other.path in self.path.parents


def split_source(text: str) -> tuple[str, str]:
    """(file or folder, layer name) named by a source or destination string: a path,
    ``path|layername=x`` or ``ogr:dbname='path' table="x" (geom)``; ("", "") when not on disk."""
    text = (text or "").strip()
    if not text or text.startswith(NOT_ON_DISK):
        return "", ""
    if text.startswith(("ogr:", "spatialite:")):
        uri = QgsDataSourceUri(text.split(":", 1)[1])
        return uri.database(), uri.table()
    path, _, options = text.partition("|")
    layer = next((o.split("=", 1)[1] for o in options.split("|") if o.startswith("layername=")), "")
    return path, layer


def _resolved(path: str) -> Path:
    return Path(os.path.realpath(os.path.expanduser(path)))


def input_place(text: str, label: str) -> Optional[Place]:
    """An input given as a path or source string (a folder when it is one)."""
    path, layer = split_source(text)
    if not path:
        return None
    resolved = _resolved(path)
    if resolved.is_file() and resolved.parent.suffix.lower() == ".gdb":
        resolved = resolved.parent  # a file inside a .gdb folder stands for the folder (source_text)
    return Place(resolved, label, layer, resolved.is_dir())


def layer_place(layer, label: str) -> Optional[Place]:
    """The file or folder a layer reads (None for memory, PostGIS, … layers)."""
    if layer is None or layer.providerType() in ("memory", "postgres", "virtual", "wfs", "oracle", "mssql"):
        return None
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    path = parts.get("path") or ""
    return input_place(path, label) if path else None


def output_places(text: str, label: str, folder: bool = False) -> list[Place]:
    """An output and the files written beside it (a report's PDF, maps, sheets, charts)."""
    path, layer = split_source(text)
    if not path:
        return []
    resolved = _resolved(path)
    if not folder and resolved.suffix.lower() == ".gpkg" and not layer:
        layer = resolved.stem  # the layer QGIS names after the file
    places = [Place(resolved, label, layer, folder)]
    if not folder and resolved.suffix.lower() in (".html", ".htm"):
        for ending in REPORT_COMPANIONS:
            companion = resolved.with_name(resolved.stem + ending)
            places.append(Place(companion, label, "", "." not in ending))
    return places


def _clash(output: Place, source: Place) -> bool:
    """The output is the input's file (any layer of it), the input's folder or inside it. (An input
    inside an output folder is left alone: a run deletes only folders it created itself.)"""
    return output.dataset == source.dataset or output.path == source.path or output.inside(source)


def refuse_clashes(inputs: Iterable[Optional[Place]], outputs: Iterable[Place]) -> None:
    """A PlanError naming both when an output would write over an input or over another output."""
    inputs = [place for place in inputs if place is not None]
    outputs = list(outputs)
    for output in outputs:
        for source in inputs:
            if _clash(output, source):
                raise PlanError(
                    tr(
                        "{output} ({path}) would write over the input {input} ({source}): choose another "
                        "file or folder for the output"
                    ).format(output=output.label, path=output.path, input=source.label, source=source.path)
                )
    for number, output in enumerate(outputs):
        for other in outputs[number + 1 :]:
            if output.dataset == other.dataset and output.layer == other.layer:
                raise PlanError(
                    tr(
                        "{output} and {other} would both write {path}: give each its own file or GeoPackage layer"
                    ).format(output=output.label, other=other.label, path=output.path)
                )


def refuse_run(layers: Iterable = (), outputs: Iterable[tuple[object, str, bool]] = ()) -> None:
    """A dialog's run: its input layers and its outputs as (path, title, is a folder); the same
    refusals as Processing's, before the run starts (empty paths are ignored)."""
    inputs = [layer_place(layer, layer.name()) for layer in layers if layer is not None]
    places = [place for path, label, folder in outputs if path for place in output_places(str(path), label, folder)]
    refuse_clashes(inputs, places)
    refuse_unwritable(places)


def refuse_unwritable(outputs: Iterable[Place]) -> None:
    """A PlanError naming the output when its file or folder cannot be written (a read-only
    folder, a file where a folder is needed), before anything is written."""
    for output in outputs:
        problem = _unwritable(output.path, output.folder)
        if problem:
            raise PlanError(
                tr("{output}: cannot write {path}: {problem}").format(
                    output=output.label, path=output.path, problem=problem
                )
            )


def _unwritable(path: Path, folder: bool) -> Optional[str]:
    if path.exists():
        if folder != path.is_dir():
            return tr("it is a folder, not a file") if path.is_dir() else tr("it is a file, not a folder")
        return None if os.access(path, os.W_OK) else tr("it is read-only")
    parent = path.parent
    while not parent.exists():
        parent = parent.parent
    if not parent.is_dir():
        return tr("{parent} is a file, not a folder").format(parent=parent)
    if not os.access(parent, os.W_OK | os.X_OK):
        return tr("the folder {parent} is read-only").format(parent=parent)
    return None


def geopackage_layer(text: str) -> Optional[tuple[Path, str]]:
    """(GeoPackage, layer) when an output must be written as one layer of a GeoPackage rather than
    as a new file: the file exists already (QGIS would replace it whole) or a layer is named."""
    path, layer = split_source(text)
    if not path or not path.lower().endswith(".gpkg") or text.strip().startswith("ogr:"):
        return None
    if not layer and not Path(path).is_file():
        return None  # a new file: QGIS creates it, its one layer named after it
    return _resolved(path), layer or Path(path).stem


def ogr_destination(path: Path, layer: str) -> str:
    """The destination string by which QGIS adds or replaces one layer of a GeoPackage."""
    uri = QgsDataSourceUri()
    uri.setDatabase(str(path))
    uri.setDataSource("", layer, "")
    return "ogr:" + uri.uri(False)


def clear_geopackage_layer(path: Path, layer: str) -> None:
    """Drop ``layer`` and its stored styles from an existing GeoPackage before it is written anew.

    QGIS 3.22 hung saving the field titles over a style row left by an earlier run of the same
    layer, so the row goes with the layer (a parameterized statement: the name is a value)."""
    from .cancel import remove_geopackage_layers

    remove_geopackage_layers(path, [layer])
    with sqlite3.connect(str(path)) as database:
        if database.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'layer_styles'").fetchone():
            database.execute("DELETE FROM layer_styles WHERE f_table_name = ?", (layer,))
    database.close()
