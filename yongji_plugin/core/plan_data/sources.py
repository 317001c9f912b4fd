"""Where plan layers come from: a GeoPackage, a File Geodatabase, a folder of Shapefiles, or a saved
PostGIS connection (one text names any of them: :mod:`.source_text`).

A source is listed as (name, uri, provider) triples; matching them to the catalogue and checking
them is the loader's job, so a new kind of source only has to list its layers.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from osgeo import ogr
from qgis.core import QgsDataSourceUri, QgsProviderRegistry

from ...i18n import tr
from ..shared.encodings import Encoding, decide_encoding
from ..shared.errors import PlanError
from ..shared.layer_encoding import with_encoding
from . import postgis_catalogue
from .filegdb import filegdb_layer_names


@dataclass(frozen=True)
class SourceLayer:
    name: str
    uri: str
    provider: str
    encoding: Optional[Encoding] = None  # a Shapefile's text encoding, already in ``uri``


@dataclass(frozen=True)
class Source:
    kind: str  # "gpkg" | "folder" | "postgis" | "gdb"
    location: str  # path or connection name
    schema: str = ""  # PostGIS only: read this schema's tables (default: every schema)
    encoding: str = ""  # Shapefile folder only: the user's text encoding ("": decided per file)

    def describe(self) -> str:
        where = f"{self.location}/{self.schema}" if self.schema else self.location
        return f"{self.kind}:{where}"


def list_layers(source: Source) -> list[SourceLayer]:
    if source.kind == "gpkg":
        return _geopackage_layers(Path(source.location))
    if source.kind == "folder":
        return _folder_layers(Path(source.location), source.encoding)
    if source.kind == "postgis":
        return _postgis_layers(source.location, source.schema)
    if source.kind == "gdb":
        return _filegdb_layers(Path(source.location))
    raise PlanError(tr("Unknown source type: {kind}").format(kind=source.kind))


def _geopackage_layers(path: Path) -> list[SourceLayer]:
    if not path.is_file():
        raise PlanError(tr("GeoPackage not found: {path}").format(path=path))
    try:
        dataset = ogr.Open(str(path))
    except RuntimeError:  # GDAL raises instead once anyone (QGIS 3.40's Processing) turns its exceptions on
        dataset = None
    if dataset is None:
        raise PlanError(tr("Not a readable GeoPackage: {path}").format(path=path))
    names = [dataset.GetLayerByIndex(i).GetName() for i in range(dataset.GetLayerCount())]
    dataset = None
    return [SourceLayer(n, f"{path}|layername={n}", "ogr") for n in names]


def _folder_layers(path: Path, encoding: str = "") -> list[SourceLayer]:
    """Each Shapefile with its text encoding decided (see core.shared.encodings) and put in its uri."""
    if not path.is_dir():
        raise PlanError(tr("Folder not found: {path}").format(path=path))
    files = sorted(p for p in path.iterdir() if p.suffix.lower() == ".shp")
    layers = []
    for file in files:
        decided = decide_encoding(file, encoding)
        layers.append(SourceLayer(file.stem, with_encoding(str(file), decided.name), "ogr", decided))
    return layers


def _filegdb_layers(path: Path) -> list[SourceLayer]:
    return [SourceLayer(n, f"{path}|layername={n}", "ogr") for n in filegdb_layer_names(path)]


def saved_postgis_connections() -> list[str]:
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    return sorted(metadata.connections().keys()) if metadata else []


def _connection(connection_name: str):
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    connection = metadata.connections().get(connection_name) if metadata else None
    if connection is None:
        raise PlanError(tr("No saved PostGIS connection named {name}").format(name=connection_name))
    return connection


def postgis_schemas(connection_name: str) -> list[str]:
    """The schemas of a saved connection (two versions of a plan often live side by side)."""
    return sorted(postgis_catalogue.schemas(_connection(connection_name), connection_name))


def _postgis_layers(connection_name: str, schema: str = "") -> list[SourceLayer]:
    """Every geometry column (of ``schema`` only, when given), as the database's own catalogue
    lists it: the schema is checked against that list and never handed to SQL (see
    :mod:`.postgis_catalogue`)."""
    connection = _connection(connection_name)
    layers = []
    for column in postgis_catalogue.geometry_columns(connection, connection_name, schema):
        uri = QgsDataSourceUri(connection.uri())
        uri.setDataSource(column.schema, column.table, column.column)
        layers.append(SourceLayer(column.table, uri.uri(False), "postgres"))
    return layers
