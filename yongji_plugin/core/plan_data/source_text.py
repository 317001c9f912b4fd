"""One text names a plan source, so every algorithm's PLAN_GPKG parameter and every dialog take the
same four kinds through one parser (scripts written for ``PLAN_GPKG=plan.gpkg`` keep working):

- ``plan.gpkg``: a GeoPackage;
- ``plan.gdb``: a File Geodatabase folder (a file inside a ``.gdb`` folder stands for the folder,
  since file pickers cannot pick folders);
- ``plan_shp/``: any other existing folder, read as a folder of Shapefiles;
- ``postgis:<connection>`` or ``postgis:<connection>/<schema>``: a saved PostGIS connection, every
  schema or one (the schema follows the last ``/`` unless the whole text is a connection's name),
  as :meth:`Source.describe` writes it.
"""

from pathlib import Path

from ...i18n import tr
from ..shared.errors import PlanError
from .filegdb import is_filegdb_path
from .sources import Source, saved_postgis_connections

# the order of the Processing KIND enums (new kinds are appended, so old scripts' numbers hold)
SOURCE_KINDS = ("gpkg", "folder", "postgis", "gdb")
POSTGIS_PREFIX = "postgis:"


def source_kind_labels() -> list[str]:
    """The kinds' names as the dialogs and the KIND parameters list them, in SOURCE_KINDS order."""
    return [
        tr("GeoPackage"),
        tr("Folder of Shapefiles"),
        tr("Saved PostGIS connection"),
        tr("File Geodatabase (.gdb folder)"),
    ]


def _postgis(rest: str) -> Source:
    rest = rest.strip()
    if not rest:
        raise PlanError(tr("No PostGIS connection named after postgis:"))
    if "/" in rest and rest not in saved_postgis_connections():
        connection, schema = rest.rsplit("/", 1)
        return Source("postgis", connection.strip(), schema.strip())
    return Source("postgis", rest)


def parse_source(text: str) -> Source:
    """The source a text names (see the module's doc); an unknown kind is a PlanError saying what is
    accepted. Whether the source exists is asked when it is read."""
    text = (text or "").strip()
    if not text:
        raise PlanError(tr("No plan data source given"))
    if text.lower().startswith(POSTGIS_PREFIX):
        return _postgis(text[len(POSTGIS_PREFIX) :])
    path = Path(text)
    if is_filegdb_path(path):
        return Source("gdb", str(path))
    if path.is_file() and is_filegdb_path(path.parent):
        return Source("gdb", str(path.parent))
    if path.suffix.lower() == ".gpkg":
        return Source("gpkg", str(path))
    if path.is_dir():
        return Source("folder", str(path))
    if not path.exists():
        raise PlanError(tr("Plan data not found: {path}").format(path=text))
    raise PlanError(
        tr(
            "Not a plan data source: {text} (give a GeoPackage .gpkg, a File Geodatabase .gdb folder, a folder "
            "of Shapefiles or postgis:<connection>[/<schema>])"
        ).format(text=text)
    )
