"""The overlay engine: every backend against shapely/GEOS computed directly, and against each other.

Per-site areas (counted once), outside areas, areas per class, piece counts and repairs must be
the same whichever backend runs; the choice of backend follows the rules in ``selector``.
"""

import gc
import subprocess
from pathlib import Path

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsFeedback,
    QgsProject,
    QgsVectorLayer,
)
from shapely.ops import unary_union

from helpers import memory_layer, shapes
from yongji_plugin.core.engine.geometry_repair import repaired
from yongji_plugin.core.engine.layers import ControlLayer
from yongji_plugin.core.engine.overlay import Canceled, OverlayEngine
from yongji_plugin.core.engine.selector import choose
from yongji_plugin.core.shared.areas import ELLIPSOIDAL, AreaMethod
from yongji_plugin.core.shared.errors import PlanError

ROOT = Path(__file__).resolve().parent.parent
LOCAL = ["shapely", "qgis"]
BACKENDS = LOCAL + ["postgis"]
REL = 1e-9
DEMO_CODES = ("sites", "YJJBNT", "STBHHX", "CZKFBJ", "DLTB")


def close(a, b, rel=REL, absolute=1e-6):
    return abs(a - b) <= max(rel * max(abs(a), abs(b)), absolute)


@pytest.fixture(scope="module")
def demo(demo_gpkg):
    layers = {code: QgsVectorLayer(f"{demo_gpkg}|layername={code}", code, "ogr") for code in DEMO_CODES}
    yield layers
    layers.clear()
    gc.collect()


@pytest.fixture()
def layers(request, backend, demo):
    """The demo layers as this backend reads them (PostGIS tables for the postgis backend)."""
    if backend == "postgis":
        return request.getfixturevalue("postgis_demo").plan
    return demo


@pytest.fixture()
def table(request, backend):
    """A memory layer as this backend reads it (copied to PostGIS for the postgis backend)."""

    def make(layer, name):
        if backend != "postgis":
            return layer
        return request.getfixturevalue("postgis_demo").table(layer, name)

    return make


def site_geometries(layer):
    """Valid site geometries, as the site check hands them to the engine."""
    return [repaired(f.geometry())[0] for f in layer.getFeatures()]


def run(backend, sites_layer, control, area=None, outside=True, more=None):
    """Covered and outside areas, pair count and repairs of one overlay on one backend;
    ``more(result)`` reads more while the engine is open (PostGIS results live in the database)."""
    with OverlayEngine(area or AreaMethod.create(), backend, layers=[control.layer]) as engine:
        sites = engine.sites(site_geometries(sites_layer))
        result = engine.overlay(sites, control)
        outside_areas = [a for a, _ in result.outside(range(len(sites)), geometries=False).values()] if outside else []
        return {
            "covered": result.covered_areas(),
            "outside": outside_areas,
            "pairs": len(result.pair_fids),
            "repairs": [(r.layer, r.feature, r.problem) for r in engine.repairs],
            "name": engine.name,
            "site_areas": list(sites.areas),
            "result": result,
            "more": more(result) if more else None,
        }


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    "code, expression",
    [("YJJBNT", None), ("STBHHX", None), ("DLTB", None), ("CZKFBJ", "\"GHFQMC\" = '城镇集中建设区'")],
)
def test_areas_match_shapely(demo, layers, backend, code, expression):
    control = unary_union([g for _, g in shapes(demo[code], expression)])
    got = run(backend, demo["sites"], ControlLayer(layers[code], code, expression))
    assert got["name"] == backend
    for site, (_feature, shape) in enumerate(shapes(demo["sites"])):
        assert close(got["site_areas"][site], shape.area)
        assert close(got["covered"][site], shape.intersection(control).area), (code, site)
        assert close(got["outside"][site], shape.difference(control).area, absolute=1e-5), (code, site)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("code", ["YJJBNT", "DLTB", "CZKFBJ"])
def test_backends_agree(demo, layers, backend, code):
    """Pairs (by the control's BSM), piece areas, covered and outside areas equal the QGIS backend's."""
    reference = run("qgis", demo["sites"], ControlLayer(demo[code], code, None, ("BSM",)))
    got = run(backend, demo["sites"], ControlLayer(layers[code], code, None, ("BSM",)))

    def pairs(outcome):
        result = outcome["result"]
        values = result.attributes(result.pair_fids)
        return [(site, values[fid]["BSM"]) for site, fid in zip(result.pair_sites, result.pair_fids)]

    assert pairs(got) == pairs(reference) and got["pairs"] > 0
    assert all(close(a, b) for a, b in zip(got["result"].pair_areas, reference["result"].pair_areas))
    assert all(close(a, b) for a, b in zip(got["covered"], reference["covered"]))
    assert all(close(a, b, absolute=1e-5) for a, b in zip(got["outside"], reference["outside"]))


@pytest.mark.parametrize("backend", BACKENDS)
def test_areas_per_class_counted_once(demo, layers, backend):
    """Union areas per (site, class) as the breakdown asks them, against shapely per class."""
    control = ControlLayer(layers["DLTB"], "DLTB", None, ("DLBM",))
    with OverlayEngine(AreaMethod.create(), backend, layers=[control.layer]) as engine:
        sites = engine.sites(site_geometries(demo["sites"]))
        result = engine.overlay(sites, control)
        values = result.attributes(result.pair_fids)
        keys = [(site, str(values[fid]["DLBM"])[:2]) for site, fid in zip(result.pair_sites, result.pair_fids)]
        got = result.union_areas(keys)
    parcels = shapes(demo["DLTB"])
    for site, (_, shape) in enumerate(shapes(demo["sites"])[:6]):
        expected = {}
        for feature, geometry in parcels:
            area = shape.intersection(geometry).area
            if area > 0:
                key = (site, feature["DLBM"][:2])
                expected[key] = expected.get(key, 0.0) + area
        mine = {k: v for k, v in got.items() if k[0] == site}
        assert mine.keys() == expected.keys()
        assert all(close(mine[k], expected[k], 1e-9, 1e-5) for k in mine)


OVERLAPPING = [  # two control features overlapping by 300 m × 1000 m, plus a bow-tie
    ("POLYGON((439500 3860000, 440500 3860000, 440500 3861000, 439500 3861000, 439500 3860000))", ["1"]),
    ("POLYGON((440200 3860000, 440800 3860000, 440800 3861000, 440200 3861000, 440200 3860000))", ["2"]),
    ("POLYGON((440900 3860000, 441100 3860200, 441100 3860000, 440900 3860200, 440900 3860000))", ["3"]),
]
SITE = "POLYGON((440000 3860000, 441000 3860000, 441000 3861000, 440000 3861000, 440000 3860000))"


@pytest.mark.parametrize("backend", BACKENDS)
def test_overlaps_count_once_and_repairs_reported(backend, table):
    sites = memory_layer("Polygon", "EPSG:4546", ["XMBH:string"], [(SITE, ["A"])])
    control = table(memory_layer("Polygon", "EPSG:4546", ["TBBH:string"], OVERLAPPING), "永久 基本农田")
    got = run(
        backend,
        sites,
        ControlLayer(control, "农田", None, ("TBBH",)),
        more=lambda result: (result.pieces(range(3)), result.attributes([1, 3])),
    )
    # 800 m × 1000 m of rectangles once, plus the repaired bow-tie's left triangle (10,000 m²)
    assert close(got["covered"][0], 800_000 + 10_000)
    assert got["pairs"] == 3
    assert got["repairs"] == [("农田", "3", "Self-intersection")]
    pieces, attributes = got["more"]
    assert [round(p.area()) for p in pieces] == [500_000, 600_000, 10_000]
    assert attributes == {1: {"TBBH": "1"}, 3: {"TBBH": "3"}}


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_field_asked_for_twice_is_read_once(backend, table):
    """A rule's key field may also be its class field: attributes stay with their names."""
    sites = memory_layer("Polygon", "EPSG:4546", ["XMBH:string"], [(SITE, ["A"])])
    rows = [(wkt, [f"T{tbbh}", f"D{tbbh}"]) for wkt, (tbbh,) in OVERLAPPING]
    control = table(memory_layer("Polygon", "EPSG:4546", ["TBBH:string", "DLBM:string"], rows), "twice")
    assert ControlLayer(control, "twice", None, ("TBBH", "DLBM", "TBBH")).fields == ("TBBH", "DLBM")
    got = run(
        backend,
        sites,
        ControlLayer(control, "twice", None, ("TBBH", "DLBM", "TBBH")),
        more=lambda result: result.attributes([1, 2]),
    )
    assert got["more"] == {1: {"TBBH": "T1", "DLBM": "D1"}, 2: {"TBBH": "T2", "DLBM": "D2"}}


@pytest.mark.parametrize("backend", BACKENDS)
def test_outside_geometry_and_site_inside_a_control_feature(backend, table):
    sites = memory_layer(
        "Polygon",
        "EPSG:4546",
        ["XMBH:string"],
        [(SITE, ["A"]), ("POLYGON((440300 3860300, 440400 3860300, 440400 3860400, 440300 3860300))", ["B"])],
    )
    control = table(memory_layer("Polygon", "EPSG:4546", ["TBBH:string"], OVERLAPPING[:2]), "two")
    with OverlayEngine(AreaMethod.create(), backend, layers=[control]) as engine:
        site_set = engine.sites(site_geometries(sites))
        result = engine.overlay(site_set, ControlLayer(control, "c"))
        outside = result.outside([0, 1])
        assert close(result.covered_areas()[1], 5_000)
    assert close(outside[0][0], 200_000) and close(outside[0][1].area(), 200_000)
    assert outside[1] == (0.0, None)


@pytest.mark.parametrize("backend", BACKENDS)
def test_ellipsoidal_areas_are_qgis_distance_area(demo, layers, backend):
    method = AreaMethod.create(method=ELLIPSOIDAL)
    got = run(backend, demo["sites"], ControlLayer(layers["STBHHX"], "STBHHX"), method, outside=False)
    planar = run(backend, demo["sites"], ControlLayer(layers["STBHHX"], "STBHHX"), outside=False)
    for site, geometry in enumerate(site_geometries(demo["sites"])):
        assert close(got["site_areas"][site], method.area(geometry))
        if planar["covered"][site]:
            assert got["covered"][site] != planar["covered"][site]
            assert abs(got["covered"][site] / planar["covered"][site] - 1) < 1e-3
    other = run(
        "qgis" if backend != "qgis" else "shapely",
        demo["sites"],
        ControlLayer(demo["STBHHX"], "STBHHX"),
        method,
        outside=False,
    )
    assert all(close(a, b) for a, b in zip(got["covered"], other["covered"]))


@pytest.mark.parametrize("backend", LOCAL)
def test_reprojected_and_memory_copies_read_alike(demo, backend):
    """A control layer in another CRS (vectorized reprojection) and in memory (QGIS route)."""
    base = run(backend, demo["sites"], ControlLayer(demo["STBHHX"], "STBHHX"), outside=False)
    request = QgsFeatureRequest().setDestinationCrs(
        QgsCoordinateReferenceSystem("EPSG:4490"), QgsProject.instance().transformContext()
    )
    for layer in (demo["STBHHX"].materialize(QgsFeatureRequest()), demo["STBHHX"].materialize(request)):
        other = run(backend, demo["sites"], ControlLayer(layer, "STBHHX"), outside=False)
        assert all(close(a, b, 1e-6, 1e-3) for a, b in zip(base["covered"], other["covered"]))


def test_reprojection_without_proj_data_for_pyproj(demo, demo_gpkg, tmp_path, monkeypatch):
    """pyproj in a virtual environment may find no PROJ data (DataDirError, a RuntimeError): the
    shapely backend then reprojects through GDAL, with the same areas."""
    import pyproj
    from osgeo import gdal

    other = tmp_path / "stbhhx_4490.gpkg"
    gdal.VectorTranslate(str(other), str(demo_gpkg), layers=["STBHHX"], dstSRS="EPSG:4490")
    layer = QgsVectorLayer(f"{other}|layername=STBHHX", "STBHHX", "ogr")
    base = run("shapely", demo["sites"], ControlLayer(demo["STBHHX"], "STBHHX"), outside=False)

    def no_data(*args, **kwargs):
        raise pyproj.exceptions.DataDirError("Valid PROJ data directory not found.")

    monkeypatch.setattr(pyproj.Transformer, "from_crs", no_data)
    moved = run("shapely", demo["sites"], ControlLayer(layer, "STBHHX"), outside=False)
    assert any(base["covered"]) and all(close(a, b, 1e-6, 1e-3) for a, b in zip(base["covered"], moved["covered"]))


@pytest.mark.parametrize("backend", BACKENDS)
def test_layer_sites_repaired_in_bulk(backend, table):
    layer = table(memory_layer("Polygon", "EPSG:4546", ["TBBH:string"], OVERLAPPING), "three")
    with OverlayEngine(AreaMethod.create(), backend, layers=[layer]) as engine:
        sites = engine.layer_sites(ControlLayer(layer, "农田"))
        assert sites.keys == [1, 2, 3]
        assert [round(a) for a in sites.areas] == [1_000_000, 600_000, 20_000]
        assert [(r.feature, r.problem) for r in engine.repairs] == [("3", "Self-intersection")]


@pytest.mark.parametrize("backend", BACKENDS)
def test_cancel_between_chunks(demo, layers, backend):
    stop = QgsFeedback()
    stop.cancel()
    with OverlayEngine(AreaMethod.create(), backend, layers=[layers["YJJBNT"]], feedback=stop) as engine:
        sites = engine.sites(site_geometries(demo["sites"]))
        with pytest.raises(Canceled):
            engine.overlay(sites, ControlLayer(layers["YJJBNT"], "YJJBNT"))


def test_choice_and_bad_names(demo):
    assert choose("auto", [demo["YJJBNT"]]).name == "shapely"  # shapely 2 is in the test venv
    assert choose("QGIS").name == "qgis"
    with pytest.raises(PlanError, match="Unknown engine backend turbo; choose one of auto, shapely, qgis, postgis"):
        choose("turbo")
    with pytest.raises(PlanError, match="postgis engine backend cannot run here"):
        choose("postgis", [demo["YJJBNT"]])


def test_postgis_reads_as_a_select_only_role_and_is_chosen_when_all_layers_are_there(postgis_demo, demo):
    """Only temporary tables are written: a role that may only SELECT and create temp tables runs it."""
    database = postgis_demo
    database.server.psql(
        "CREATE ROLE reader LOGIN; GRANT CONNECT, TEMPORARY ON DATABASE yongji TO reader; "
        "GRANT USAGE ON SCHEMA public TO reader; "
        "GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader",
        database="yongji",
    )
    readonly = database.layer("yjjbnt", user="reader")
    assert choose("auto", [readonly], [database.layer("sites", user="reader")]).name == "postgis"
    assert choose("auto", [readonly], [demo["sites"]]).name == "shapely"  # sites outside the database
    assert choose("auto", [readonly], [None]).name == "shapely"  # sites from no layer at all
    assert choose("postgis", [readonly], [demo["sites"]]).name == "postgis"  # by name: sites are uploaded
    with pytest.raises(PlanError, match="different PostGIS databases"):
        choose("postgis", [readonly, database.plan["sites"]])  # another user: another connection
    mine = run("postgis", demo["sites"], ControlLayer(readonly, "YJJBNT", '"BSM" > 100'))
    other = run("shapely", demo["sites"], ControlLayer(demo["YJJBNT"], "YJJBNT", '"BSM" > 100'))
    assert mine["name"] == "postgis" and mine["pairs"] == other["pairs"] > 0
    assert all(close(a, b) for a, b in zip(mine["covered"], other["covered"]))


def test_bad_control_layer_is_named():
    layer = memory_layer("Polygon", "EPSG:4546", ["BSM:integer"], [(SITE, [1])], name="红线")
    with OverlayEngine(AreaMethod.create(), "qgis") as engine:
        sites = engine.sites([])
        with pytest.raises(PlanError, match="Control layer 红线 lacks field HXMC"):
            engine.overlay(sites, ControlLayer(layer, "红线", None, ("HXMC",)))
        with pytest.raises(PlanError, match="Rule filter"):
            engine.overlay(sites, ControlLayer(layer, "红线", "BSM = = 1"))


FALLBACK_PROBE = """
import sys
sys.path.insert(0, {root!r})
if {block}:
    sys.modules["shapely"] = None  # as on a QGIS build without shapely
else:
    import shapely
    assert shapely.__version__.startswith("1."), shapely.__version__
from qgis.core import QgsApplication
app = QgsApplication([], False)
app.initQgis()
from yongji_plugin.core.engine.selector import choose, unavailable
print(choose("auto").name, "|", unavailable("shapely"))
"""


def _system_shapely() -> str:
    proc = subprocess.run(
        ["/usr/bin/python3", "-c", "import shapely; print(shapely.__version__)"], capture_output=True, text=True
    )
    return proc.stdout.strip()


@pytest.mark.parametrize(
    "case, reason",
    [
        ("blocked", "shapely is not installed"),
        pytest.param(
            "shapely 1.8",
            "needs shapely 2",
            marks=pytest.mark.skipif(
                not _system_shapely().startswith("1."), reason="the system Python has no shapely 1.x (Debian 13)"
            ),
        ),
    ],
)
def test_auto_is_qgis_without_shapely_2(case, reason):
    """Where shapely 2 cannot be imported (Debian 12's own Python has shapely 1.8; a build
    without shapely is simulated by blocking the import) ``auto`` falls back to QGIS and says why."""
    probe = FALLBACK_PROBE.format(root=str(ROOT), block=case == "blocked")
    proc = subprocess.run(
        ["/usr/bin/python3", "-c", probe],
        capture_output=True,
        text=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin"},
    )
    assert proc.returncode == 0, proc.stderr
    name, why = proc.stdout.strip().splitlines()[-1].split(" | ")
    assert name == "qgis" and reason in why


NO_SHAPELY_PROBE = """
import sys, builtins
sys.path.insert(0, {root!r})
real = builtins.__import__


def guard(name, globals=None, *args, **kwargs):  # the plugin may not import shapely (QGIS itself may)
    if name.split(".")[0] == "shapely" and (globals or {{}}).get("__name__", "").startswith("yongji_plugin"):
        raise AssertionError("the plugin imported " + name)
    return real(name, globals, *args, **kwargs)


builtins.__import__ = guard
from qgis.core import QgsApplication, QgsGeometry, QgsVectorLayer, QgsFeature
app = QgsApplication([], False)
app.initQgis()
from yongji_plugin.core.engine.overlay import ControlLayer, OverlayEngine
from yongji_plugin.core.shared.areas import AreaMethod
layer = QgsVectorLayer("Polygon?crs=EPSG:4546", "c", "memory")
feature = QgsFeature()
feature.setGeometry(QgsGeometry.fromWkt("POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))"))
layer.dataProvider().addFeatures([feature])
with OverlayEngine(AreaMethod.create(), "qgis", [layer]) as engine:
    sites = engine.sites([QgsGeometry.fromWkt("POLYGON((5 5, 15 5, 15 15, 5 15, 5 5))")])
    print(engine.name, engine.overlay(sites, ControlLayer(layer, "c")).covered_areas())
"""


def test_qgis_backend_never_imports_shapely():
    """The QGIS backend runs an overlay without the plugin importing shapely (on QGIS 3.40,
    QGIS's own modules may import it; only the plugin's imports are refused)."""
    proc = subprocess.run(
        ["/usr/bin/python3", "-c", NO_SHAPELY_PROBE.format(root=str(ROOT))],
        capture_output=True,
        text=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin"},
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "qgis [25.0]"
