"""Result tables written to a GeoPackage in bulk are the same layer QGIS's writer makes, with an index
that finds what a scan finds (#25.3).

The bulk route builds the GeoPackage's rows and its R-tree itself (``core/shared/geopackage_writer``,
``gpkg_rtree``); every test here holds it against something it does not compute: QGIS's own writer
fed the same table, SQLite's ``rtreecheck``, boxes computed here from the coordinates, and edits made
afterwards through QGIS.
"""

import random
import sqlite3
from pathlib import Path

import numpy as np
import pytest
import shapely
from osgeo import gdal, ogr
from qgis.core import (
    NULL,
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsRectangle,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate

from yongji_plugin.core.shared import gpkg_rtree
from yongji_plugin.core.shared.areas import AreaMethod
from yongji_plugin.core.shared.destinations import GeoPackageDestination
from yongji_plugin.core.shared.geopackage_writer import can_write, write_geopackage
from yongji_plugin.core.shared.job import deliver
from yongji_plugin.core.shared.output_fields import OutputField
from yongji_plugin.core.shared.output_table import OutputTable, multipolygon_wkb
from yongji_plugin.core.site_check.check import CheckParams, run_compliance
from yongji_plugin.core.site_check.job import compliance_job
from yongji_plugin.core.site_check.outputs import result_layers
from yongji_plugin.core.site_check.ruleset import load_ruleset

SPECS = [
    OutputField("name", "string", "名称"),
    OutputField("big", "long", "大整数"),
    OutputField("small", "int", "整数"),
    OutputField("m2", "double", "面积（平方米）"),
    OutputField("flag", "bool", "标记"),
]
X0, Y0 = 400000.0, 3800000.0


def _rows(count: int, seed: int = 7):
    """Squares and L-shapes scattered over 20 km, some without geometry; (values, geometry, box)."""
    rng = random.Random(seed)
    rows = []
    for i in range(count):
        x, y, size = X0 + rng.randrange(0, 20000), Y0 + rng.randrange(0, 20000), rng.randrange(1, 60)
        if i % 97 == 5:
            shape, box = None, None
        elif i % 2:
            shape = f"POLYGON(({x} {y}, {x + size} {y}, {x + size} {y + size}, {x} {y + size}, {x} {y}))"
            box = (x, y, x + size, y + size)
        else:
            half = size / 2
            shape = (
                f"MULTIPOLYGON((({x} {y}, {x + size} {y}, {x + size} {y + half}, {x} {y})),"
                f"(({x + 2 * size} {y + size}, {x + 3 * size} {y + size}, {x + 3 * size} {y + 2 * size},"
                f" {x + 2 * size} {y + size})))"
            )
            box = (x, y, x + 3 * size, y + 2 * size)
        values = {
            "name": None if i % 11 == 0 else f"图斑{i}·'\"",
            "big": 2**40 + i,
            "small": -i,
            "m2": i / 3,
            "flag": bool(i % 3),
        }
        rows.append((values, None if shape is None else QgsGeometry.fromWkt(shape), box))
    return rows


def _table(rows) -> OutputTable:
    return OutputTable.from_rows("结果", "MultiPolygon", "EPSG:4546", SPECS, [(v, g) for v, g, _ in rows])


def _features(layer):
    return {f.id(): f for f in layer.getFeatures()}


def test_bulk_and_qgis_writers_make_the_same_layer(tmp_path):
    rows = _rows(600)
    table = _table(rows)
    assert can_write(table, "bulk")
    bulk = write_geopackage({"bulk": table}, tmp_path / "a.gpkg")["bulk"]
    qgis = write_geopackage({"qgis": table.memory_layer()}, tmp_path / "b.gpkg")["qgis"]
    assert bulk.featureCount() == qgis.featureCount() == len(rows)
    assert [(f.name(), f.typeName().lower(), f.alias()) for f in bulk.fields()] == [
        (f.name(), f.typeName().lower(), f.alias()) for f in qgis.fields()
    ]
    assert bulk.extent() == qgis.extent()
    assert bulk.wkbType() == qgis.wkbType() and bulk.crs().authid() == qgis.crs().authid() == "EPSG:4546"
    ours, theirs = _features(bulk), _features(qgis)
    assert sorted(ours) == sorted(theirs)
    for fid, feature in ours.items():
        values, shape, _ = rows[fid - 1]  # both writers number the rows from 1 in order
        assert feature.attributes()[1:] == theirs[fid].attributes()[1:]
        assert feature["name"] == (NULL if values["name"] is None else values["name"])
        assert (feature["big"], feature["m2"], bool(feature["flag"])) == (values["big"], values["m2"], values["flag"])
        if shape is None:  # NULL here; QGIS's writer stores an empty geometry
            assert not feature.hasGeometry() and theirs[fid].geometry().isEmpty()
        else:
            assert feature.geometry().asWkb() == theirs[fid].geometry().asWkb()


def test_the_index_finds_what_a_scan_finds(tmp_path):
    rows = _rows(4000)  # more than 51 × 51 entries: a tree three levels deep
    path = tmp_path / "r.gpkg"
    layer = write_geopackage({"pieces": _table(rows)}, path)["pieces"]
    with sqlite3.connect(str(path)) as database:
        assert database.execute("SELECT rtreecheck('rtree_pieces_geom')").fetchone() == ("ok",)
        assert database.execute("SELECT count(*) FROM rtree_pieces_geom").fetchone()[0] == sum(
            1 for *_, box in rows if box
        )
    shapes = [None if shape is None else shapely.from_wkb(bytes(shape.asWkb())) for _, shape, _ in rows]
    rng = random.Random(3)
    for _ in range(40):
        x, y, w, h = (
            X0 + rng.uniform(-500, 20000),
            Y0 + rng.uniform(-500, 20000),
            rng.uniform(5, 3000),
            rng.uniform(5, 3000),
        )
        window = shapely.box(x, y, x + w, y + h)  # GDAL keeps what meets the rectangle, not only its box
        expected = {i + 1 for i, shape in enumerate(shapes) if shape is not None and shape.intersects(window)}
        found = {f.id() for f in layer.getFeatures(QgsFeatureRequest().setFilterRect(QgsRectangle(x, y, x + w, y + h)))}
        assert found == expected


def test_edits_after_writing_keep_index_and_count(tmp_path):
    path = tmp_path / "r.gpkg"
    write_geopackage({"pieces": _table(_rows(300))}, path)
    layer = QgsVectorLayer(f"{path}|layername=pieces", "pieces", "ogr")
    feature = QgsFeature(layer.fields())
    feature.setGeometry(
        QgsGeometry.fromWkt("MULTIPOLYGON(((450000 3850000, 450010 3850000, 450010 3850010, 450000 3850000)))")
    )
    assert layer.startEditing() and layer.addFeature(feature) and layer.commitChanges()
    again = QgsVectorLayer(f"{path}|layername=pieces", "pieces", "ogr")
    assert again.featureCount() == 301
    near = QgsFeatureRequest().setFilterRect(QgsRectangle(449990, 3849990, 450020, 3850020))
    assert len(list(again.getFeatures(near))) == 1  # the R-tree's insert trigger is back
    del layer, again
    with sqlite3.connect(str(path)) as database:
        assert database.execute("SELECT rtreecheck('rtree_pieces_geom')").fetchone() == ("ok",)


def test_a_write_stopped_midway_leaves_no_row_and_gdal_triggers(tmp_path, monkeypatch):
    """A cancel (or any error) during the rows rolls everything back, the set-aside triggers too."""
    from yongji_plugin.core.shared import geopackage_writer

    path = tmp_path / "r.gpkg"

    def stop(*_):
        raise geopackage_writer.Canceled()

    monkeypatch.setattr(geopackage_writer, "_index", stop)
    with pytest.raises(geopackage_writer.Canceled):
        write_geopackage({"pieces": _table(_rows(50))}, path)
    with sqlite3.connect(str(path)) as database:
        assert database.execute("SELECT count(*) FROM pieces").fetchone() == (0,)
        triggers = {r[0] for r in database.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert {"rtree_pieces_geom_insert", "trigger_insert_feature_count_pieces"} <= triggers


def test_an_existing_geopackage_keeps_its_other_layers(tmp_path):
    path = tmp_path / "r.gpkg"
    write_geopackage({"keep": _table(_rows(20, seed=1))}, path)
    write_geopackage({"bulk": _table(_rows(30, seed=2))}, path)
    written = write_geopackage({"bulk": _table(_rows(40, seed=3))}, path)
    assert written["bulk"].featureCount() == 40
    assert QgsVectorLayer(f"{path}|layername=keep", "keep", "ogr").featureCount() == 20


def test_values_sqlite_cannot_bind_are_written_as_qgis_writes_them(tmp_path):
    specs = [OutputField("day", "string", "日期"), OutputField("note", "string", "说明")]
    table = OutputTable("t", "None", None, specs, {"day": [QDate(2026, 12, 6), "x"], "note": [NULL, "y"]})
    layer = write_geopackage({"t": table}, tmp_path / "t.gpkg")["t"]
    assert [f.attributes()[1:] for f in layer.getFeatures()] == [["2026-12-06", NULL], ["x", "y"]]


def test_a_geopackage_from_other_software_takes_a_table(tmp_path):
    """A file without GDAL's own gpkg_ogr_contents (other software, or GDAL told not to add it)."""
    path = tmp_path / "other.gpkg"
    dataset = gdal.GetDriverByName("GPKG").Create(
        str(path), 0, 0, 0, gdal.GDT_Unknown, options=["ADD_GPKG_OGR_CONTENTS=NO"]
    )
    layer = dataset.CreateLayer("keep", None, ogr.wkbPoint)
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetGeometry(ogr.CreateGeometryFromWkt("POINT (1 2)"))
    layer.CreateFeature(feature)
    feature = layer = dataset = None
    written = write_geopackage({"pieces": _table(_rows(30))}, path)
    assert written["pieces"].featureCount() == 30
    assert QgsVectorLayer(f"{path}|layername=keep", "keep", "ogr").featureCount() == 1


def test_z_and_m_are_dropped_as_the_layer_is_2d(tmp_path):
    """The result layers are 2D (the shapely route writes 2D): a site read from a 3D file must not
    put Z into a layer the GeoPackage declares without it."""
    shape = QgsGeometry.fromWkt("POLYGON Z((0 0 5, 10 0 5, 10 10 6, 0 0 5))")
    measured = QgsGeometry.fromWkt("POLYGON M((20 0 1, 30 0 1, 30 10 2, 20 0 1))")
    rows = [({"name": "z", "big": 1, "small": 1, "m2": 1.0, "flag": True}, shape)]
    rows.append(({"name": "m", "big": 2, "small": 2, "m2": 2.0, "flag": False}, measured))
    table = OutputTable.from_rows("t", "MultiPolygon", "EPSG:4546", SPECS, rows)
    layer = write_geopackage({"t": table}, tmp_path / "t.gpkg")["t"]
    assert layer.wkbType() == QgsWkbTypes.Type.MultiPolygon
    kinds = {QgsWkbTypes.displayString(f.geometry().wkbType()) for f in layer.getFeatures()}
    assert kinds == {"MultiPolygon"}
    first = next(layer.getFeatures()).geometry().asWkt(0)
    assert first == "MultiPolygon (((0 0, 10 0, 10 10, 0 0)))"


def test_numpy_scalars_are_written_as_their_values(tmp_path):
    """SQLite would store numpy's scalars as blobs without a word (read back as 0)."""
    specs = [OutputField("n", "long", "N"), OutputField("x", "double", "X"), OutputField("b", "bool", "B")]
    columns = {"n": [np.int64(5), 7], "x": [np.float32(0.5), 0.25], "b": [np.bool_(True), False]}
    layer = write_geopackage({"t": OutputTable("t", "None", None, specs, columns)}, tmp_path / "t.gpkg")["t"]
    assert [f.attributes()[1:] for f in layer.getFeatures()] == [[5, 0.5, True], [7, 0.25, False]]


def test_processing_writes_a_geopackage_output_in_bulk(provider, demo_gpkg, tmp_path, monkeypatch):
    """``CONFLICTS=x.gpkg`` of the site check goes the dialogs' way (the rows of the memory output)."""
    import processing

    from yongji_plugin.processing import sinks

    used = []
    monkeypatch.setattr(
        sinks,
        "write_geopackage",
        lambda layers, path: used.append((list(layers), path)) or write_geopackage(layers, path),
    )
    sites = f"{demo_gpkg}|layername=sites"
    common = {"SITES": sites, "PLAN_GPKG": str(demo_gpkg)}
    bulk = processing.run(
        "yongji:sitecompliance",
        {**common, "SITE_SUMMARY": str(tmp_path / "s.gpkg"), "CONFLICTS": str(tmp_path / "c.gpkg")},
    )
    memory = processing.run(
        "yongji:sitecompliance", {**common, "SITE_SUMMARY": "TEMPORARY_OUTPUT", "CONFLICTS": "TEMPORARY_OUTPUT"}
    )
    assert used == [(["s"], tmp_path / "s.gpkg"), (["c"], tmp_path / "c.gpkg")]
    assert bulk["CONFLICTS"] == f"{tmp_path / 'c.gpkg'}|layername=c"
    written = QgsVectorLayer(bulk["CONFLICTS"], "c", "ogr")
    expected = memory["CONFLICTS"]
    assert written.featureCount() == expected.featureCount() > 0
    assert [f.attributes()[1:] for f in written.getFeatures()] == [f.attributes() for f in expected.getFeatures()]


def test_names_sql_would_need_quoting_take_qgis_writer(tmp_path):
    table = OutputTable("t", "None", None, [OutputField("a b", "string", "A")], {"a b": ["x"]})
    assert not can_write(table, "t") and not can_write(_table(_rows(2)), 'x"; DROP TABLE gpkg_contents; --')
    layer = write_geopackage({'odd "name"': table}, tmp_path / "t.gpkg")['odd "name"']
    assert [f["a b"] for f in layer.getFeatures()] == ["x"]


@pytest.mark.parametrize("count", [1, 50, 51, 52, 2601, 2602, 9000])
def test_a_packed_tree_is_valid_at_every_size(count):
    """Integer boxes (exact in float32): an R-tree query equals the brute-force answer."""
    rng = np.random.default_rng(count)
    low = rng.integers(0, 10000, size=(count, 2)).astype(float)
    boxes = np.hstack([low, low + rng.integers(0, 50, size=(count, 2))])  # minx, miny, maxx, maxy
    ids = rng.permutation(count) * 3 + 1
    database = sqlite3.connect(":memory:")
    database.execute("CREATE VIRTUAL TABLE t USING rtree(id, minx, maxx, miny, maxy)")
    with database:
        gpkg_rtree.fill(database, "t", ids, boxes)
    assert database.execute("SELECT rtreecheck('t')").fetchone() == ("ok",)
    for x, y in rng.integers(0, 10000, size=(20, 2)).tolist():
        found = {
            r[0]
            for r in database.execute(
                "SELECT id FROM t WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ?", (x + 300, x, y + 300, y)
            )
        }
        expected = set(
            ids[(boxes[:, 0] <= x + 300) & (boxes[:, 2] >= x) & (boxes[:, 1] <= y + 300) & (boxes[:, 3] >= y)].tolist()
        )
        assert found == expected


def test_boxes_round_outward_in_float32():
    boxes = np.array([[0.1, 0.2, 1e6 + 0.3, 3.7e6 + 0.9]])
    stored = gpkg_rtree._float32_outward(boxes)[0]  # minx, maxx, miny, maxy
    assert stored[0] <= 0.1 and stored[1] >= 1e6 + 0.3 and stored[2] <= 0.2 and stored[3] >= 3.7e6 + 0.9


def test_multipolygon_wkb_wraps_a_polygon_as_qgis_does():
    polygon = QgsGeometry.fromWkt("POLYGON((0 0, 1 0, 1 1, 0 0))")
    multi = QgsGeometry(polygon)
    multi.convertToMultiType()
    assert multipolygon_wkb(bytes(polygon.asWkb())) == bytes(multi.asWkb())
    assert multipolygon_wkb(bytes(multi.asWkb())) == bytes(multi.asWkb())


def test_the_site_check_in_a_geopackage_equals_its_memory_layers(plan, demo_gpkg, tmp_path):
    """The dialog's path (the job into a GeoPackage, in bulk) writes the rows the memory layers hold."""
    sites = QgsVectorLayer(f"{demo_gpkg}|layername=sites", "sites", "ogr")
    params = CheckParams(AreaMethod.create())
    job = compliance_job(sites, plan, load_ruleset(), params)
    result = job.compute(None)
    delivery = deliver(job, result, GeoPackageDestination(tmp_path / "out.gpkg"), None, None)
    memory = result_layers(run_compliance(sites, plan, load_ruleset(), params))
    assert set(delivery.layers) == set(memory) and memory["conflicts"].featureCount() > 0
    for name, layer in delivery.layers.items():
        assert Path(layer.source().split("|")[0]) == tmp_path / "out.gpkg"
        assert [f.alias() for f in layer.fields()][1:] == [f.alias() for f in memory[name].fields()]
        written = [
            (f.attributes()[1:], f.geometry().asWkt(6) if f.hasGeometry() else None) for f in layer.getFeatures()
        ]
        expected = [
            (f.attributes(), f.geometry().asWkt(6) if f.hasGeometry() else None) for f in memory[name].getFeatures()
        ]
        assert written == expected, name
