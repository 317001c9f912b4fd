"""A shared PostGIS database as the plan source: listed, checked, loaded, and used by the check."""

import pytest
from qgis.core import (
    QgsProject,
    QgsVectorLayer,
)

import postgis_server
from yongji_plugin.core.plan_data.loader import (
    FOUND,
    inspect_source,
    load_into_project,
    open_plan,
)
from yongji_plugin.core.plan_data.sources import Source, saved_postgis_connections
from yongji_plugin.core.shared.areas import AreaMethod
from yongji_plugin.core.site_check.check import CheckParams, run_compliance
from yongji_plugin.core.site_check.ruleset import load_ruleset

CONNECTION = "永济规划库（测试）"


@pytest.fixture(scope="module")
def database(demo_gpkg):
    server = postgis_server.Server().start()
    for code in ("XZQ", "XZQ_XZ", "STBHHX", "YJJBNT", "CZKFBJ", "ZRBHD", "LSWHBHX", "DLTB", "GHFQ", "ZXCQYD"):
        server.export(QgsVectorLayer(f"{demo_gpkg}|layername={code}", code, "ogr"), code.lower())
    with server.saved_connection(CONNECTION):
        yield server
    server.stop()


def test_saved_connection_is_listed_and_layers_conform(database):
    assert CONNECTION in saved_postgis_connections()
    statuses = {s.spec.code: s for s in inspect_source(Source("postgis", CONNECTION))}
    assert statuses["YJJBNT"].status == FOUND and statuses["YJJBNT"].feature_count > 2000
    assert statuses["CZ"].status == "missing"
    project = QgsProject.instance()
    project.clear()
    loaded = load_into_project(list(statuses.values()), project)
    assert {lyr.providerType() for lyr in loaded} == {"postgres"}
    assert len(load_into_project(list(statuses.values()), project)) == len(loaded) == len(project.mapLayers())
    project.clear()


def test_compliance_check_reads_postgis_like_geopackage(database, demo_gpkg):
    sites = QgsVectorLayer(f"{demo_gpkg}|layername=sites", "sites", "ogr")
    params = CheckParams(AreaMethod.create())
    from_pg = run_compliance(sites, open_plan(Source("postgis", CONNECTION)), load_ruleset(), params)
    from_gpkg = run_compliance(sites, open_plan(Source("gpkg", str(demo_gpkg))), load_ruleset(), params)
    for a, b in zip(from_pg.sites, from_gpkg.sites):
        assert a.verdict == b.verdict
        for key in a.outcomes:
            assert abs(a.outcomes[key].area - b.outcomes[key].area) <= 1e-6 * max(1.0, b.outcomes[key].area)
