"""No name or value a user gives reaches SQL: hostile schema, table, geometry-column names and
values in a real PostGIS database, with a canary table that must survive every test.

QGIS 3.22's ``QgsPostgresProviderConnection.tables(schema)`` put the schema into its SQL
unquoted: a schema named ``x'; DROP TABLE public.canary; --`` dropped the canary.
"""

import pytest
from qgis.core import QgsDataSourceUri, QgsVectorLayer
from shapely.ops import unary_union

import postgis_server
from helpers import memory_layer, to_shapely
from yongji_plugin.core.engine.layers import ControlLayer
from yongji_plugin.core.engine.overlay import OverlayEngine
from yongji_plugin.core.plan_data.sources import Source, list_layers, postgis_schemas
from yongji_plugin.core.shared.areas import AreaMethod
from yongji_plugin.core.shared.errors import PlanError
from yongji_plugin.core.versions.compare import compare_sources
from yongji_plugin.core.versions.model import CompareParams

CONNECTION = "永济规划库（标识符测试）"
DROP = "DROP TABLE public.canary; --"
SCHEMA = f"x'; {DROP}"  # ran the DROP through QGIS 3.22's tables(schema)
TABLE = f't"; {DROP}'
GEOMETRY = f"g\"eom'); {DROP}"
VALUE = f"a'); {DROP}"
MISSING_SCHEMAS = ("v'1999", f"nope'; {DROP}", 'nope"; DROP TABLE public.canary; --')


def quoted(name: str) -> str:
    """An identifier quoted as PostgreSQL wants it (the test's own SQL, written by hand)."""
    return '"' + name.replace('"', '""') + '"'


@pytest.fixture(scope="module")
def database(demo_gpkg):
    server = postgis_server.Server().start()
    server.psql("CREATE TABLE public.canary (id integer)", database="yongji")
    server.psql(f"CREATE SCHEMA {quoted(SCHEMA)}", database="yongji")
    server.export(QgsVectorLayer(f"{demo_gpkg}|layername=GHFQ", "GHFQ", "ogr"), "ghfq", schema=SCHEMA)
    server.psql(f"ALTER TABLE {quoted(SCHEMA)}.ghfq RENAME COLUMN geom TO {quoted(GEOMETRY)}", database="yongji")
    server.psql(
        f"CREATE TABLE {quoted(SCHEMA)}.{quoted(TABLE)} (fid serial PRIMARY KEY, v text, "
        f"{quoted(GEOMETRY)} geometry(Polygon, 4546))",
        database="yongji",
    )
    server.psql(
        f"INSERT INTO {quoted(SCHEMA)}.{quoted(TABLE)} (v, {quoted(GEOMETRY)}) VALUES "
        f"('{VALUE.replace(chr(39), chr(39) * 2)}', "
        "ST_GeomFromText('POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))', 4546))",
        database="yongji",
    )
    with server.saved_connection(CONNECTION):
        yield server
    server.stop()


@pytest.fixture()
def canary(database):
    """Fails the test when the canary table is gone afterwards (there again for the next test)."""
    database.psql("CREATE TABLE IF NOT EXISTS public.canary (id integer)", database="yongji")
    yield
    count = database.psql(
        "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = 'canary'", database="yongji"
    ).stdout.split()[2]
    assert count == "1", "the canary table was dropped"


def test_a_hostile_schema_is_listed_and_read_never_run(database, canary):
    assert SCHEMA in postgis_schemas(CONNECTION)
    layers = {layer.name: layer for layer in list_layers(Source("postgis", CONNECTION, SCHEMA))}
    assert set(layers) == {"ghfq", TABLE}
    read = QgsVectorLayer(layers[TABLE].uri, "t", "postgres")
    assert read.isValid() and [f["v"] for f in read.getFeatures()] == [VALUE]
    assert to_shapely(next(read.getFeatures()).geometry()).area == 100.0


@pytest.mark.parametrize("schema", MISSING_SCHEMAS)
def test_a_schema_the_database_lacks_is_an_error_naming_it(database, canary, schema):
    with pytest.raises(PlanError, match="has no schema"):
        list_layers(Source("postgis", CONNECTION, schema))


def test_versions_read_through_a_hostile_schema_and_geometry_column(database, canary, demo_gpkg):
    params = CompareParams(AreaMethod.create(), codes=("GHFQ",))
    result, old, _ = compare_sources(Source("postgis", CONNECTION, SCHEMA), Source("gpkg", str(demo_gpkg)), params)
    assert old["GHFQ"].providerType() == "postgres" and old["GHFQ"].featureCount() > 0
    assert not result.changed_layers  # the same features in both


@pytest.mark.parametrize("schema", (SCHEMA,) + MISSING_SCHEMAS)
def test_compare_versions_algorithm_never_runs_a_schema(database, canary, provider, demo_gpkg, tmp_path, schema):
    import processing
    from qgis.core import QgsProcessingException

    parameters = {
        "OLD_KIND": 2,
        "OLD_SOURCE": CONNECTION,
        "OLD_SCHEMA": schema,
        "NEW_KIND": 0,
        "NEW_SOURCE": str(demo_gpkg),
        "LAYERS": [0],
        "LAYER_CHANGES": str(tmp_path / "changes.gpkg"),
    }
    if schema != SCHEMA:
        with pytest.raises(QgsProcessingException, match="has no schema"):
            processing.run("yongji:compareversions", parameters)
        return
    processing.run("yongji:compareversions", parameters)


def test_engine_quotes_names_and_passes_values(database, canary):
    """The PostGIS backend on a table in the hostile schema, under the hostile table and geometry
    names, with a QGIS filter and a layer filter (subset string) holding quotes and ``%``."""
    rows = [
        ("POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))", [VALUE]),
        ("POLYGON((5 0, 20 0, 20 10, 5 10, 5 0))", ["keep 100%"]),
        ("POLYGON((0 20, 10 20, 10 30, 0 30, 0 20))", ["keep 100%"]),
    ]
    source = memory_layer("Polygon", "EPSG:4546", ["v:string"], rows)
    database.export(source, TABLE + "2", schema=SCHEMA)
    database.psql(
        f"ALTER TABLE {quoted(SCHEMA)}.{quoted(TABLE + '2')} RENAME COLUMN geom TO {quoted(GEOMETRY)}",
        database="yongji",
    )
    uri = QgsDataSourceUri(database.uri())
    uri.setDataSource(SCHEMA, TABLE + "2", GEOMETRY, "", "fid")
    control = QgsVectorLayer(uri.uri(False), "control", "postgres")
    assert control.isValid()
    control.setSubsetString("\"v\" LIKE '%100%' OR \"v\" = 'a''); DROP TABLE public.canary; --'")
    site = memory_layer("Polygon", "EPSG:4546", ["id:string"], [("POLYGON((-5 -5, 30 -5, 30 5, -5 5, -5 -5))", ["s"])])
    wanted = "\"v\" <> 'keep 100%' OR \"v\" = 'a''); DROP TABLE public.canary; --' OR $area > 0"
    with OverlayEngine(AreaMethod.create(), "postgis", layers=[control]) as engine:
        assert engine.name == "postgis"
        sites = engine.sites([f.geometry() for f in site.getFeatures()])
        covered = engine.overlay(sites, ControlLayer(control, "control", wanted)).covered_areas()
    site_shape = to_shapely(next(site.getFeatures()).geometry())
    expected = unary_union([to_shapely(f.geometry()) for f in source.getFeatures()]).intersection(site_shape).area
    assert covered[0] == pytest.approx(expected, abs=1e-6) and expected == 100.0
