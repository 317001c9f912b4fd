"""What a PostGIS database lists: its schemas and its geometry columns, read by the plugin itself.

No name a user types ever reaches SQL. QGIS 3.22's ``QgsPostgresProviderConnection.tables(schema)``
puts the schema into its SQL unquoted (a schema named ``x'; DROP TABLE …; --`` ran the DROP), so
the plugin never hands it a name: it runs two fixed catalogue queries, with no user text in them,
and compares what the user asked for with what the database answered, in Python. A schema, table
or column is used only as the database spells it, and only through ``QgsDataSourceUri``, whose
provider quotes identifiers itself.
"""

from dataclasses import dataclass

from ...i18n import tr
from ..shared.errors import PlanError

# Fixed text: nothing is ever formatted into these queries.
SCHEMAS_SQL = (
    "SELECT n.nspname FROM pg_catalog.pg_namespace n"
    " WHERE left(n.nspname, 3) <> 'pg_' AND n.nspname <> 'information_schema'"
    " AND has_schema_privilege(n.oid, 'USAGE') ORDER BY 1"
)
GEOMETRY_COLUMNS_SQL = (
    "SELECT n.nspname, c.relname, a.attname FROM pg_catalog.pg_attribute a"
    " JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
    " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
    " JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
    " WHERE t.typname IN ('geometry', 'geography') AND a.attnum > 0 AND NOT a.attisdropped"
    " AND c.relkind IN ('r', 'v', 'm', 'f', 'p')"
    " AND left(n.nspname, 3) <> 'pg_' AND n.nspname <> 'information_schema'"
    " AND has_schema_privilege(n.oid, 'USAGE') AND has_table_privilege(c.oid, 'SELECT')"
    " ORDER BY 1, 2, 3"
)


@dataclass(frozen=True)
class GeometryColumn:
    """One geometry column as the database spells its schema, table and column."""

    schema: str
    table: str
    column: str


def _rows(connection, connection_name: str, query: str) -> list:
    try:
        return connection.executeSql(query)
    except Exception as error:  # QgsProviderConnectionException: the server refused or is gone
        raise PlanError(
            tr("Cannot read the catalogue of PostGIS connection {name}: {error}").format(
                name=connection_name, error=str(error).strip()
            )
        ) from error


def schemas(connection, connection_name: str) -> list[str]:
    """The schemas the connection's user may read, as the database lists them."""
    return [str(row[0]) for row in _rows(connection, connection_name, SCHEMAS_SQL)]


def checked_schema(connection, connection_name: str, schema: str) -> str:
    """``schema`` when the database lists it, else a PlanError naming connection and schema."""
    if schema not in schemas(connection, connection_name):
        raise PlanError(
            tr("PostGIS connection {name} has no schema {schema}").format(name=connection_name, schema=schema)
        )
    return schema


def geometry_columns(connection, connection_name: str, schema: str = "") -> list[GeometryColumn]:
    """Every geometry column the user may read (of ``schema`` only, when given and listed)."""
    if schema:
        checked_schema(connection, connection_name, schema)
    columns = [
        GeometryColumn(str(s), str(t), str(c)) for s, t, c in _rows(connection, connection_name, GEOMETRY_COLUMNS_SQL)
    ]
    return [column for column in columns if not schema or column.schema == schema]
