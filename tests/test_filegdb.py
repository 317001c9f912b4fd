"""File Geodatabases (.gdb) as plan sources, and the one PLAN_GPKG parameter for every kind.

The .gdb copies are written by GDAL (OpenFileGDB), as a vendor's database differs from the
catalogue: BSM and every other integer field stored as Real, some layers under their Chinese
name, some with a prefix or a suffix, the control lines in a feature dataset. Every check run
from the copy must give the GeoPackage's results.
"""

import shutil

import pytest
from osgeo import gdal, ogr
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsProject, QgsVectorLayer

from qgis_process_runner import json_payload, qgis_process
from yongji_plugin.core.plan_data.catalogue import default_catalogue
from yongji_plugin.core.plan_data.loader import FOUND, MISSING, NONCONFORMING, inspect_source, open_plan
from yongji_plugin.core.plan_data.source_text import parse_source
from yongji_plugin.core.plan_data.sources import Source
from yongji_plugin.core.shared.areas import AreaMethod
from yongji_plugin.core.shared.errors import PlanError
from yongji_plugin.core.versions.compare import compare_sources
from yongji_plugin.core.versions.model import CompareParams
from yongji_plugin.core.versions.outputs import result_layers

# how the copy names some layers: Chinese name, prefix + Chinese name, prefixed code, suffixed code
RENAMED = {"STBHHX": "生态保护红线", "YJJBNT": "YJ_永久基本农田", "CZKFBJ": "GHSJ_CZKFBJ", "GHFQ": "GHFQ_2035"}
IN_DATASET = ("STBHHX", "YJJBNT", "CZKFBJ")  # the feature dataset KZX (控制线)


def layer_names(path) -> list:
    dataset = gdal.OpenEx(str(path), gdal.OF_VECTOR)
    return [dataset.GetLayer(i).GetName() for i in range(dataset.GetLayerCount())]


def write_filegdb(gpkg, gdb, renamed=RENAMED, fmt="OpenFileGDB"):
    """A copy of the GeoPackage written by GDAL alone, one layer at a time."""
    source = gdal.OpenEx(str(gpkg), gdal.OF_VECTOR)
    for number, name in enumerate(layer_names(gpkg)):
        options = ["-nln", renamed.get(name, name), "-mapFieldType", "Integer=Real,Integer64=Real"]
        if name in IN_DATASET and fmt == "OpenFileGDB":
            options += ["-lco", "FEATURE_DATASET=KZX"]
        written = gdal.VectorTranslate(
            str(gdb), source, format=fmt, layers=[name], options=options, accessMode=None if number == 0 else "update"
        )
        assert written is not None, name
        written = None
    return gdb


def on_the_grid(gpkg, gdb, path):
    """A copy of the GeoPackage holding the .gdb's geometries, so both hold the same data.

    A FileGDB stores coordinates on an integer grid (GDAL's and ArcGIS's default: 0.0001 m in a
    projected CRS): the copy's vertices move by up to 0.00005 m, areas by centimetres, and a few
    thin 三调 parcels come out self-intersecting. That is the format, not the plugin: the checks
    are compared on the same coordinates in both formats.
    """
    shutil.copy(gpkg, path)
    target = gdal.OpenEx(str(path), gdal.OF_VECTOR | gdal.OF_UPDATE)
    source = gdal.OpenEx(str(gdb), gdal.OF_VECTOR)
    for name in layer_names(path):
        written, read = target.GetLayerByName(name), source.GetLayerByName(RENAMED.get(name, name))
        geometries = [f.GetGeometryRef().Clone() if f.GetGeometryRef() else None for f in read]
        fids = [f.GetFID() for f in written]
        assert len(fids) == len(geometries), name
        written.StartTransaction()
        for fid, geometry in zip(fids, geometries):
            feature = written.GetFeature(fid)
            feature.SetGeometry(ogr.ForceTo(geometry, written.GetGeomType()) if geometry else None)
            assert written.SetFeature(feature) == 0, (name, fid)
        written.CommitTransaction()
    target = source = None
    return path


@pytest.fixture(scope="module")
def demo_gdb(demo_gpkg, tmp_path_factory):
    return write_filegdb(demo_gpkg, tmp_path_factory.mktemp("gdb") / "yongji_demo.gdb")


@pytest.fixture(scope="module")
def gridded_gpkg(demo_gpkg, demo_gdb):
    """The demo GeoPackage with the .gdb copy's coordinates (see on_the_grid)."""
    return on_the_grid(demo_gpkg, demo_gdb, demo_gdb.with_name("gridded.gpkg"))


@pytest.fixture(scope="module")
def versions_gdb(demo_versions, tmp_path_factory):
    """(v1.gdb, v2.gdb, v1.gpkg, v2.gpkg): both versions in both formats on the same coordinates."""
    first, second, *_ = demo_versions
    folder = tmp_path_factory.mktemp("versions_gdb")
    gdbs = write_filegdb(first, folder / "v1.gdb"), write_filegdb(second, folder / "v2.gdb")
    return gdbs + (on_the_grid(first, gdbs[0], folder / "v1.gpkg"), on_the_grid(second, gdbs[1], folder / "v2.gpkg"))


def rows(layer, plan_paths=()):
    """A layer's rows as sorted tuples of values (paths of the plan replaced, so two runs compare)."""

    def value(v):
        if isinstance(v, str):
            for path in plan_paths:
                v = v.replace(str(path), "<plan>")
            return v
        return v if isinstance(v, (int, float)) or v is None else str(v)

    names = [n for n in layer.fields().names() if n != "fid"]
    found = []
    for feature in layer.getFeatures():
        area = feature.geometry().area() if feature.hasGeometry() else None
        found.append(tuple(value(feature[n]) for n in names) + (area,))
    return names, sorted(found, key=lambda row: tuple(repr(round(v, 3) if isinstance(v, float) else v) for v in row))


def assert_same_rows(a, b, plan_paths=()):
    names_a, rows_a = rows(a, plan_paths)
    names_b, rows_b = rows(b, plan_paths)
    assert names_a == names_b and len(rows_a) == len(rows_b)
    for row_a, row_b in zip(rows_a, rows_b):
        for name, x, y in zip(names_a + ["area"], row_a, row_b):
            if isinstance(x, float) or isinstance(y, float):
                assert x == pytest.approx(y, abs=1e-6), name
            else:
                assert x == y, name


# --- the source text ------------------------------------------------------------------------------------------


def test_one_text_names_every_kind(demo_gpkg, demo_gdb, tmp_path):
    assert parse_source(str(demo_gpkg)) == Source("gpkg", str(demo_gpkg))
    assert parse_source(f" {demo_gdb} ") == Source("gdb", str(demo_gdb))
    assert parse_source(str(demo_gdb / "gdb")) == Source("gdb", str(demo_gdb))  # a file picked inside it
    assert parse_source(str(tmp_path)) == Source("folder", str(tmp_path))
    assert parse_source("postgis:规划库") == Source("postgis", "规划库")
    assert parse_source("postgis:规划库/v2024") == Source("postgis", "规划库", "v2024")
    assert parse_source(Source("postgis", "规划库", "v2024").describe()) == Source("postgis", "规划库", "v2024")
    with pytest.raises(PlanError, match="not found: .*nowhere"):
        parse_source(str(tmp_path / "nowhere"))
    (tmp_path / "plan.zip").write_bytes(b"PK")
    with pytest.raises(PlanError, match=r"Not a plan data source: .*plan\.zip .*\.gdb folder"):
        parse_source(str(tmp_path / "plan.zip"))


# --- matching names -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, code, exact",
    [
        ("STBHHX", "STBHHX", True),
        ("生态保护红线", "STBHHX", True),
        ("stbhhx", "STBHHX", True),
        ("GHSJ_STBHHX", "STBHHX", False),
        ("YJ_生态保护红线", "STBHHX", False),
        ("STBHHX_2035", "STBHHX", False),
        ("YJ_STBHHX_2035", "STBHHX", False),
        ("XZQ_XZ", "XZQ_XZ", True),
        ("GHSJ_XZQ_XZ", "XZQ_XZ", False),
        ("XZQ_2035", "XZQ", False),
        ("GHJG_D_V2", "GHJG_D", False),
        ("A_B_STBHHX", None, None),
        ("GH-SJ_STBHHX", None, None),
        ("_STBHHX", None, None),
        ("STBHHX2035", None, None),
        ("STBHHX_YJJBNT", None, None),
        ("sites", None, None),
    ],
)
def test_catalogue_names_with_a_prefix_or_suffix(name, code, exact):
    matched = default_catalogue().match_name(name)
    assert (matched[0].code, matched[1]) == (code, exact) if code else matched is None


# --- inspecting a .gdb ----------------------------------------------------------------------------------------


def test_gdb_layers_found_like_the_geopackages(demo_gpkg, demo_gdb):
    assert set(RENAMED.values()) <= set(layer_names(demo_gdb))  # GDAL lists feature datasets' layers flat
    gpkg = {s.spec.code: s for s in inspect_source(Source("gpkg", str(demo_gpkg)))}
    gdb = {s.spec.code: s for s in inspect_source(Source("gdb", str(demo_gdb)))}
    assert {c: (s.status, s.feature_count) for c, s in gdb.items()} == {
        c: (s.status, s.feature_count) for c, s in gpkg.items()
    }
    assert all(s.status == FOUND for s in gdb.values())
    assert gdb["STBHHX"].source_layer.name == "生态保护红线"
    assert gdb["CZKFBJ"].source_layer.uri == f"{demo_gdb}|layername=GHSJ_CZKFBJ"
    note = "field BSM is stored as real, every value a whole number: nothing is lost"
    assert note in gdb["STBHHX"].notes and note in gdb["STBHHX"].describe()
    assert not any("BSM" in n for n in gpkg["STBHHX"].notes)


def test_real_bsm_with_a_fraction_is_non_conforming(demo_gpkg, tmp_path):
    gdb = write_filegdb(demo_gpkg, tmp_path / "fraction.gdb")
    dataset = gdal.OpenEx(str(gdb), gdal.OF_VECTOR | gdal.OF_UPDATE)
    layer = dataset.GetLayerByName("生态保护红线")
    feature = layer.GetNextFeature()
    feature.SetField("BSM", 12.5)
    assert layer.SetFeature(feature) == 0
    dataset = layer = None
    status = {s.spec.code: s for s in inspect_source(Source("gdb", str(gdb)))}["STBHHX"]
    assert status.status == NONCONFORMING
    assert status.problems == ["field BSM is real and holds 12.5, expected integer"]


def test_a_layer_found_twice_is_named_not_taken_silently(demo_gpkg, demo_gdb, tmp_path):
    twice = tmp_path / "twice.gdb"
    shutil.copytree(demo_gdb, twice)
    copied = gdal.VectorTranslate(
        str(twice), str(demo_gpkg), format="OpenFileGDB", accessMode="update", layers=["STBHHX", "GHFQ"]
    )
    assert copied is not None
    copied = gdal.VectorTranslate(
        str(twice),
        str(demo_gpkg),
        format="OpenFileGDB",
        accessMode="update",
        layers=["CZKFBJ"],
        options=["-nln", "YJ_CZKFBJ"],
    )
    assert copied is not None
    copied = None
    statuses = {s.spec.code: s for s in inspect_source(Source("gdb", str(twice)))}
    assert statuses["CZKFBJ"].problems[0] == (
        "found more than once in the source: GHSJ_CZKFBJ (read) and YJ_CZKFBJ; rename or remove the extra layers"
    )  # two prefixes
    red_line = statuses["STBHHX"]
    assert red_line.status == NONCONFORMING  # 生态保护红线 and STBHHX: both exact, the first listed read
    assert red_line.problems[0] == (
        "found more than once in the source: 生态保护红线 (read) and STBHHX; rename or remove the extra layers"
    )
    zones = statuses["GHFQ"]  # GHFQ_2035 and GHFQ: the exact name is read
    assert zones.source_layer.name == "GHFQ" and [d.name for d in zones.duplicates] == ["GHFQ_2035"]
    warnings = []
    layers = open_plan(Source("gdb", str(twice)), warn=warnings.append)
    assert (
        len(warnings) == 3
        and "规划分区 (GHFQ): found more than once in the source: GHFQ (read) and GHFQ_2035" in warnings[2]
    )
    assert "layername=GHFQ" in layers["GHFQ"].source() and layers["GHFQ"].source().endswith("GHFQ")


# --- bad databases: clear errors, nothing written ---------------------------------------------------------------


def test_unreadable_partial_and_locked_gdb(demo_gdb, tmp_path):
    junk = tmp_path / "junk.gdb"
    junk.mkdir()
    (junk / "readme.txt").write_text("not a database")
    with pytest.raises(PlanError, match=r"Not a readable File Geodatabase: .*junk\.gdb \(GDAL's OpenFileGDB"):
        inspect_source(parse_source(str(junk)))
    with pytest.raises(PlanError, match=r"File Geodatabase not found: .*none\.gdb"):
        inspect_source(parse_source(str(tmp_path / "none.gdb")))
    partial = tmp_path / "partial.gdb"
    shutil.copytree(demo_gdb, partial)
    lost = partial / "a0000000a.gdbtable"  # table 10 (8 system tables, XZQ): 乡镇级行政区
    lost.unlink()
    with pytest.raises(
        PlanError,
        match=rf"partial\.gdb is incomplete: the files of XZQ_XZ \({lost.name}\) are "
        r"missing",
    ):
        inspect_source(Source("gdb", str(partial)))
    locked = tmp_path / "locked.gdb"
    shutil.copytree(demo_gdb, locked)
    (locked / "_gdb.PC01.4242.5188.ed.lock").write_bytes(b"")
    with pytest.raises(
        PlanError,
        match=r"locked\.gdb is being edited in another program \(lock file "
        r"_gdb\.PC01\.4242\.5188\.ed\.lock\)",
    ):
        inspect_source(Source("gdb", str(locked)))
    (locked / "_gdb.PC01.4242.5188.ed.lock").unlink()
    (locked / "_gdb.PC01.4242.5188.sr.lock").write_bytes(b"")  # a reader's lock does not stop us
    assert inspect_source(Source("gdb", str(locked)))[0].status == FOUND


def test_processing_refuses_a_partial_gdb_before_writing(provider, demo_gpkg, demo_gdb, tmp_path):
    import processing

    partial = tmp_path / "partial.gdb"
    shutil.copytree(demo_gdb, partial)
    (partial / "a0000000a.gdbtable").unlink()
    out = tmp_path / "summary.gpkg"
    with pytest.raises(QgsProcessingException, match=r"partial\.gdb is incomplete"):
        processing.run(
            "yongji:sitecompliance",
            {
                "SITES": f"{demo_gpkg}|layername=sites",
                "PLAN_GPKG": str(partial),
                "SITE_SUMMARY": str(out),
                "REPORT": str(tmp_path / "r.html"),
            },
        )
    assert not out.exists() and not (tmp_path / "r.html").exists()


# --- every check from the .gdb gives the GeoPackage's results -------------------------------------------------


def _compliance(plan, sites):
    import processing

    return processing.run(
        "yongji:sitecompliance",
        {
            "SITES": sites,
            "PLAN_GPKG": str(plan),
            "SITE_SUMMARY": "TEMPORARY_OUTPUT",
            "CONFLICTS": "TEMPORARY_OUTPUT",
            "LANDCLASS_BREAKDOWN": "TEMPORARY_OUTPUT",
        },
        feedback=QgsProcessingFeedback(),
    )


def test_site_compliance_from_gdb_plan_and_gdb_sites(provider, gridded_gpkg, demo_gdb):
    expected = _compliance(gridded_gpkg, f"{gridded_gpkg}|layername=sites")
    got = _compliance(demo_gdb, f"{demo_gdb}|layername=sites")
    for key in ("SITE_SUMMARY", "CONFLICTS", "LANDCLASS_BREAKDOWN"):
        assert_same_rows(got[key], expected[key], (demo_gdb, gridded_gpkg))
    assert expected["CONFLICTS"].featureCount() > 0


def test_plan_qa_from_gdb(provider, gridded_gpkg, demo_gdb):
    import processing

    runs = [
        processing.run("yongji:planqa", {"PLAN_GPKG": str(p), "OUTPUT": "TEMPORARY_OUTPUT"})
        for p in (gridded_gpkg, demo_gdb)
    ]
    assert_same_rows(runs[1]["OUTPUT"], runs[0]["OUTPUT"], (demo_gdb, gridded_gpkg))


@pytest.mark.parametrize(
    "algorithm, extra", [("yongji:townshipguidance", {"AREA_METHOD": 0}), ("yongji:indicatorcheck", {"YEAR": 0})]
)
def test_measures_from_gdb(provider, gridded_gpkg, demo_gdb, algorithm, extra):
    import processing

    runs = [
        processing.run(algorithm, {"PLAN_GPKG": str(p), "OUTPUT": "TEMPORARY_OUTPUT", **extra})
        for p in (gridded_gpkg, demo_gdb)
    ]
    assert runs[0]["OUTPUT"].featureCount() > 0
    assert_same_rows(runs[1]["OUTPUT"], runs[0]["OUTPUT"], (demo_gdb, gridded_gpkg))


def test_version_comparison_from_gdb(versions_gdb):
    old_gdb, new_gdb, old_gpkg, new_gpkg = versions_gdb
    params = CompareParams(AreaMethod.create())
    expected, *_ = compare_sources(Source("gpkg", str(old_gpkg)), Source("gpkg", str(new_gpkg)), params)
    got, *_ = compare_sources(parse_source(str(old_gdb)), parse_source(str(new_gdb)), params)
    mixed, *_ = compare_sources(Source("gpkg", str(old_gpkg)), parse_source(str(new_gdb)), params)
    assert {c.spec.code for c in expected.changed_layers} == {"YJJBNT", "CZKFBJ", "GHFQ", "LSJZ", "WWBHDW", "JZQ"}
    for result in (got, mixed):
        assert [(c.spec.code, len(c.changes)) for c in result.changed_layers] == [
            (c.spec.code, len(c.changes)) for c in expected.changed_layers
        ]
        for comparison in expected.changed_layers:
            assert result.layer(comparison.spec.code).gained == pytest.approx(comparison.gained, abs=1e-6)
            assert result.layer(comparison.spec.code).lost == pytest.approx(comparison.lost, abs=1e-6)
    expected_layers, got_layers = result_layers(expected), result_layers(got)
    for name in expected_layers:
        assert_same_rows(got_layers[name], expected_layers[name], versions_gdb)


# --- the command line: one PLAN_GPKG parameter for a .gdb and a Shapefile folder ------------------------------


def test_qgis_process_reads_gdb_and_shapefile_folder(demo_gpkg, demo_gdb, qgis_process_home, tmp_path):
    home = qgis_process_home
    shapefiles = tmp_path / "plan_shp"
    write_filegdb(demo_gpkg, shapefiles, renamed={}, fmt="ESRI Shapefile")
    counts = {}
    for label, plan in (("gpkg", demo_gpkg), ("gdb", demo_gdb), ("shp", shapefiles)):
        out = tmp_path / f"summary_{label}.gpkg"
        run = qgis_process(
            home,
            "--json",
            "run",
            "yongji:sitecompliance",
            "--",
            f"SITES={demo_gpkg}|layername=sites",
            f"PLAN_GPKG={plan}",
            f"SITE_SUMMARY={out}",
        )
        summary = QgsVectorLayer(json_payload(run)["results"]["SITE_SUMMARY"], label, "ogr")
        counts[label] = rows(summary, (demo_gpkg, demo_gdb, shapefiles))

    def verdicts(label):  # ids, statuses and verdicts: areas differ by the .gdb's coordinate grid
        names, found = counts[label]
        return names, [tuple(v for v in row if not isinstance(v, float) and "m²" not in str(v)) for row in found]

    assert len(counts["gpkg"][1]) == 23
    for label in ("gdb", "shp"):
        assert verdicts(label)[0] == verdicts("gpkg")[0]
        for got, expected in zip(verdicts(label)[1], verdicts("gpkg")[1]):
            assert got == expected, label
    bad = qgis_process(
        home,
        "run",
        "yongji:sitecompliance",
        "--",
        f"SITES={demo_gpkg}|layername=sites",
        f"PLAN_GPKG={tmp_path / 'missing.gdb'}",
        f"SITE_SUMMARY={tmp_path / 'no.gpkg'}",
    )
    assert bad.returncode != 0 and "File Geodatabase not found" in bad.stdout + bad.stderr
    assert not (tmp_path / "no.gpkg").exists()


# --- the dialogs ------------------------------------------------------------------------------------------------


def test_load_dialog_offers_gdb_and_loads_it(demo_gdb, qgis_iface):
    from yongji_plugin.gui.plan_data.load_dialog import LoadLayersDialog

    QgsProject.instance().clear()
    dialog = LoadLayersDialog(qgis_iface)
    labels = [dialog.kindCombo.itemText(i) for i in range(dialog.kindCombo.count())]
    assert "File Geodatabase (.gdb folder)" in labels
    dialog.kindCombo.setCurrentIndex(labels.index("File Geodatabase (.gdb folder)"))
    assert dialog.browseButton.isEnabled()
    dialog.locationCombo.setEditText(str(demo_gdb))
    assert dialog.source() == Source("gdb", str(demo_gdb))
    assert dialog.inspect()
    loaded = dialog.load()
    assert "生态保护红线" in [layer.name() for layer in loaded] and len(loaded) == len(default_catalogue().layers)
    red = next(layer for layer in loaded if layer.name() == "生态保护红线")
    assert (
        red.source().startswith(str(demo_gdb))
        and red.featureCount() == QgsVectorLayer(f"{demo_gdb}|layername=生态保护红线", "x", "ogr").featureCount()
    )
    QgsProject.instance().clear()


def test_versions_dialog_offers_gdb(demo_gdb, qgis_iface):
    from yongji_plugin.gui.versions.dialog import KINDS, VersionsDialog

    dialog = VersionsDialog(qgis_iface, open_report=False)
    dialog.old.set_source(Source("gdb", str(demo_gdb)))
    assert KINDS[dialog.old.kind.currentIndex()] == "gdb" and dialog.old.source() == Source("gdb", str(demo_gdb))
    assert not dialog.old.schema.isEnabled() and dialog.old.browse.isEnabled()


def test_missing_is_still_missing(tmp_path, demo_gpkg):
    gdb = write_filegdb(demo_gpkg, tmp_path / "one.gdb", renamed={})
    only = tmp_path / "only.gdb"
    assert gdal.VectorTranslate(str(only), str(gdb), format="OpenFileGDB", layers=["XZQ"]) is not None
    statuses = {s.spec.code: s.status for s in inspect_source(Source("gdb", str(only)))}
    assert statuses["XZQ"] == FOUND and statuses["STBHHX"] == MISSING
