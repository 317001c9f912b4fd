"""The overlay engine reads only what the sites can touch, and every read path gives the same answers.

A control layer of jittered fields (with overlapping extra features, so counted-once areas are
tested too) is written as a GeoPackage (R-tree), a Shapefile without ``.qix``, a GeoPackage in
geographic coordinates and a PostGIS table; sites are one site, two clusters far apart, one
site covering most of the layer and a row of sites crossing the chunks' edges. Per-site covered
areas must equal shapely's computed here from the layer's features (1e-9 relative), whichever
backend runs and whether the layer is read whole, under the sites' footprint or chunk by chunk.
"""

import math

import numpy as np
import pytest
from osgeo import ogr, osr
from qgis.core import QgsGeometry, QgsProcessingFeedback, QgsVectorLayer
from shapely import wkt as shapely_wkt
from shapely.ops import unary_union

from yongji_plugin.core.engine import footprint
from yongji_plugin.core.engine.layers import ControlLayer
from yongji_plugin.core.engine.overlay import OverlayEngine
from yongji_plugin.core.shared.areas import AreaMethod

X0, Y0, CELL, SIDE = 500000.0, 3800000.0, 100.0, 30  # 30 × 30 fields of about 1 ha
REL = 1e-9
FILTER = "\"DLBM\" IN ('0101', '0102')"


def field_rows():
    """(wkt, BSM, DLBM) of the fields (every seventh left out) and 20 larger overlapping squares."""
    rows, number = [], 0
    for row in range(SIDE):
        for column in range(SIDE):
            if (row * SIDE + column) % 7 == 3:
                continue
            number += 1
            x, y = X0 + column * CELL, Y0 + row * CELL
            dx, dy = 4 * math.sin(number), 4 * math.cos(number * 1.3)
            ring = [
                (x + 2, y + 2),
                (x + CELL - 2 + dx, y + 2),
                (x + CELL - 2, y + CELL - 2 + dy),
                (x + 2 + dy, y + CELL - 2),
            ]
            rows.append((_polygon(ring), number, ("0101", "0102", "0201", "0301")[number % 4]))
    for extra in range(20):
        x, y = X0 + 137.0 * extra + 50, Y0 + 131.0 * ((extra * 7) % 20) + 40
        number += 1
        rows.append((_polygon([(x, y), (x + 160, y), (x + 160, y + 150), (x, y + 150)]), number, "0101"))
    return rows


def _polygon(points):
    return "POLYGON((" + ", ".join(f"{x:.3f} {y:.3f}" for x, y in points + [points[0]]) + "))"


def _write(path, driver, rows, epsg=4546):
    source = osr.SpatialReference()
    source.ImportFromEPSG(4546)
    target = osr.SpatialReference()
    target.ImportFromEPSG(epsg)
    target.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    source.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    move = osr.CoordinateTransformation(source, target)
    dataset = ogr.GetDriverByName(driver).CreateDataSource(str(path))
    layer = dataset.CreateLayer("fields", target, ogr.wkbPolygon)
    for name, kind in (("BSM", ogr.OFTInteger), ("DLBM", ogr.OFTString)):
        layer.CreateField(ogr.FieldDefn(name, kind))
    for wkt, bsm, dlbm in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        geometry = ogr.CreateGeometryFromWkt(wkt)
        geometry.Transform(move)
        feature.SetGeometry(geometry)
        feature.SetField("BSM", bsm)
        feature.SetField("DLBM", dlbm)
        layer.CreateFeature(feature)
    dataset = None


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("footprint")
    rows = field_rows()
    _write(folder / "fields.gpkg", "GPKG", rows)
    _write(folder / "fields.shp", "ESRI Shapefile", rows)
    _write(folder / "fields_4490.gpkg", "GPKG", rows, epsg=4490)
    assert not (folder / "fields.qix").exists()
    return folder, rows


@pytest.fixture(scope="module")
def gpkg(files):
    layer = QgsVectorLayer(f"{files[0] / 'fields.gpkg'}|layername=fields", "fields", "ogr")
    assert layer.isValid()
    return layer


@pytest.fixture(scope="module")
def shapefile(files):
    layer = QgsVectorLayer(str(files[0] / "fields.shp"), "fields_shp", "ogr")
    assert layer.isValid()
    return layer


@pytest.fixture(scope="module")
def geographic(files):
    layer = QgsVectorLayer(f"{files[0] / 'fields_4490.gpkg'}|layername=fields", "fields_4490", "ogr")
    assert layer.isValid()
    return layer


def rectangle(cx, cy, width, height, angle=0.3):
    c, s = math.cos(angle), math.sin(angle)
    corners = [(-width / 2, -height / 2), (width / 2, -height / 2), (width / 2, height / 2), (-width / 2, height / 2)]
    return _polygon([(cx + px * c - py * s, cy + px * s + py * c) for px, py in corners])


SITES = {
    "one": [rectangle(X0 + 1510, Y0 + 1490, 230, 120)],
    "clusters": [
        rectangle(X0 + 230, Y0 + 260, 150, 90),
        rectangle(X0 + 420, Y0 + 180, 120, 120, 1.0),
        rectangle(X0 + 330, Y0 + 420, 90, 200, 0.1),
        rectangle(X0 + 2720, Y0 + 2690, 180, 90),
        rectangle(X0 + 2560, Y0 + 2810, 100, 100, 0.7),
        rectangle(X0 + 2850, Y0 + 2550, 130, 70),
    ],
    "most": [rectangle(X0 + 1500, Y0 + 1500, 2700, 2700, 0.05)],
    "row": [rectangle(X0 + 120 + 230 * i, Y0 + 300 + 190 * i, 260, 140, 0.2 * i) for i in range(12)],
}


def expected(rows, sites, expression):
    """Per site: area of the site ∩ union of the (filtered) fields, by shapely here."""
    kept = [shapely_wkt.loads(wkt) for wkt, _, dlbm in rows if expression is None or dlbm in ("0101", "0102")]
    union = unary_union(kept)
    return [shapely_wkt.loads(site).intersection(union).area for site in sites]


def overlay(backend, layer, sites, expression=None, feedback=None):
    """(covered areas, pairs as (site, BSM, area), layouts) of one overlay."""
    with OverlayEngine(AreaMethod.create(), backend, [layer], feedback) as engine:
        site_set = engine.sites([QgsGeometry.fromWkt(w) for w in sites])
        result = engine.overlay(site_set, ControlLayer(layer, layer.name(), expression, ("BSM",)))
        values = result.attributes(result.pair_fids)
        pairs = [(s, values[f]["BSM"], a) for s, f, a in zip(result.pair_sites, result.pair_fids, result.pair_areas)]
        return result.covered_areas(), pairs, engine.layouts


def same(got, want):
    return all(abs(a - b) <= max(REL * max(abs(a), abs(b)), 1e-7) for a, b in zip(got, want)) and len(got) == len(want)


def same_pairs(got, want):
    return [p[:2] for p in got] == [p[:2] for p in want] and same([p[2] for p in got], [p[2] for p in want])


@pytest.fixture(autouse=True)
def small_layer_costs(monkeypatch):
    """One more rectangle costs 20 features, not 200: the test layer has 791 features where the
    bench's have 600,000, so the clusters of the cases are as far apart as on a county layer."""
    monkeypatch.setattr(footprint, "RECT_COST", 20.0)


@pytest.mark.parametrize("backend", ["shapely", "qgis"])
@pytest.mark.parametrize("case, how", [("one", "filtered"), ("clusters", "filtered"), ("most", "whole"), ("row", None)])
@pytest.mark.parametrize("expression", [None, FILTER])
def test_reads_follow_the_sites_and_agree_with_shapely(files, gpkg, backend, case, how, expression, monkeypatch):
    areas, pairs, layouts = overlay(backend, gpkg, SITES[case], expression)
    assert layouts == [("fields", how or layouts[0][1])]  # the row: as the cost estimate decides
    assert same(areas, expected(files[1], SITES[case], expression)), case
    monkeypatch.setattr(footprint, "FILTER_COST", 1e12)
    whole_areas, whole_pairs, whole_layouts = overlay(backend, gpkg, SITES[case], expression)
    assert whole_layouts == [("fields", "whole")]
    assert same(whole_areas, areas) and same_pairs(pairs, whole_pairs) and len(pairs) > 0


def test_clusters_far_apart_read_a_rectangle_each():
    boxes = [(0, 0, 10, 10), (12, 0, 20, 8), (1000, 1000, 1010, 1020)]
    assert sorted(footprint.clusters(boxes, 15.0)) == [(0, 0, 20, 10), (1000, 1000, 1010, 1020)]


@pytest.mark.parametrize("backend", ["shapely", "qgis"])
def test_layer_without_spatial_index_is_indexed_in_memory_and_said(files, shapefile, backend):
    feedback = QgsProcessingFeedback()
    areas, pairs, layouts = overlay(backend, shapefile, SITES["clusters"], FILTER, feedback)
    assert layouts == [("fields_shp", "whole")]
    assert "fields_shp" in feedback.textLog() and str(shapefile.featureCount()) in feedback.textLog()
    assert same(areas, expected(files[1], SITES["clusters"], FILTER))


@pytest.mark.parametrize("case", ["clusters", "row", "most"])
def test_chunks_give_the_unchunked_answers(files, gpkg, case, monkeypatch):
    """Sites cut into chunks of about ten control features (sites on the chunks' edges read
    what they touch on the other side) give the pairs and areas of one whole read."""
    whole = overlay("shapely", gpkg, SITES[case], FILTER)
    monkeypatch.setattr(footprint, "CHUNK_FEATURES", 10)
    areas, pairs, layouts = overlay("shapely", gpkg, SITES[case], FILTER)
    assert layouts == [("fields", "chunked")]
    assert same(areas, whole[0]) and same_pairs(pairs, whole[1])
    assert same(areas, expected(files[1], SITES[case], FILTER))
    chunks = footprint.layout(
        gpkg,
        gpkg.crs(),
        {i: QgsGeometry.fromWkt(w).boundingBox().toRectF().getCoords() for i, w in enumerate(SITES[case])},
        chunks=True,
    ).regions
    assert case == "most" or len(chunks) > 1


def _everything(layer, sites, backend="shapely"):
    """Every answer an overlay gives: pairs, covered areas, union areas per (site, class), outside
    parts, pieces (also asked out of order and twice), per-site unions and the pieces' file rows;
    and whether pieces were kept as WKB."""
    with OverlayEngine(AreaMethod.create(), backend, [layer]) as engine:
        site_set = engine.sites([QgsGeometry.fromWkt(w) for w in sites])
        result = engine.overlay(site_set, ControlLayer(layer, layer.name(), FILTER, ("BSM", "DLBM")))
        values = result.attributes(result.pair_fids)
        classes = [(s, values[f]["DLBM"]) for s, f in zip(result.pair_sites, result.pair_fids)]
        outside = result.outside(range(len(sites)))
        pairs = list(range(len(result.pair_fids)))
        return {
            "pairs": [(s, values[f]["BSM"]) for s, f in zip(result.pair_sites, result.pair_fids)],
            "covered": result.covered_areas(),
            "by class": result.union_areas(classes),
            "outside": [outside[i][0] for i in range(len(sites))],
            "outside parts": [outside[i][1].asWkt(6) if outside[i][1] else None for i in range(len(sites))],
            "pieces": [g.asWkt(6) for g in result.pieces(pairs)],
            "pieces asked out of order": [g.asWkt(6) for g in result.pieces(pairs[::-1] + pairs[:3])],
            "unions": [g.asWkt(6) for g in result.union_geometries(list(result.pairs_by_site().values()))],
            "files": result.detach(pairs).files(),
            "compact": getattr(getattr(result, "_store", None), "compact", None),
            "layouts": engine.layouts,
        }


@pytest.mark.parametrize("case", ["clusters", "row"])
def test_chunked_pieces_kept_as_wkb_give_every_answer_of_a_whole_read(files, gpkg, case, monkeypatch):
    """A batch cut into chunks keeps its pieces as WKB and walks them in blocks (here of five
    pieces): every answer equals a whole read's; areas per class and outside are shapely's here."""
    from yongji_plugin.core.engine import piece_store

    whole = _everything(gpkg, SITES[case])
    monkeypatch.setattr(footprint, "CHUNK_FEATURES", 10)
    monkeypatch.setattr(piece_store, "BLOCK", 5)
    chunked = _everything(gpkg, SITES[case])
    assert (whole["compact"], chunked["compact"]) == (False, True)
    assert chunked["layouts"] == [("fields", "chunked")] and len(chunked["pairs"]) > 10
    for key in ("pairs", "pieces", "pieces asked out of order", "unions", "outside parts"):
        assert chunked[key] == whole[key], key
    assert chunked["pieces asked out of order"] == chunked["pieces"][::-1] + chunked["pieces"][:3]
    for key in ("covered", "outside"):
        assert same(chunked[key], whole[key]), key
    assert chunked["by class"].keys() == whole["by class"].keys()
    assert same(list(chunked["by class"].values()), list(whole["by class"].values()))
    assert chunked["files"][0] == whole["files"][0] and (chunked["files"][1] == whole["files"][1]).all()
    kept = [(shapely_wkt.loads(w), dlbm) for w, _, dlbm in files[1] if dlbm in ("0101", "0102")]
    for (site, dlbm), area in chunked["by class"].items():
        fields = unary_union([shape for shape, d in kept if d == dlbm])
        assert abs(area - shapely_wkt.loads(SITES[case][site]).intersection(fields).area) <= 1e-6, (site, dlbm)
    union = unary_union([shape for shape, _ in kept])
    want = [shapely_wkt.loads(w).difference(union).area for w in SITES[case]]
    assert all(abs(a - b) <= max(1e-6, REL * b) for a, b in zip(chunked["outside"], want))


def test_a_full_temporary_folder_is_said_by_name(gpkg, full_folder, monkeypatch):
    """A chunked batch spills its pieces to the temporary folder: a full one is a sentence naming
    it, not a traceback (nor a batch that reads back pieces never written)."""
    import tempfile

    from yongji_plugin.core.shared.errors import PlanError

    monkeypatch.setattr(footprint, "CHUNK_FEATURES", 10)
    monkeypatch.setattr(tempfile, "tempdir", str(full_folder))
    with pytest.raises(PlanError, match="temporary folder") as raised:
        overlay("shapely", gpkg, SITES["row"], FILTER)
    assert str(full_folder) in str(raised.value) and "TMPDIR" in str(raised.value)


def test_blocks_never_split_a_group():
    from yongji_plugin.core.engine.piece_store import blocks

    groups = [0, 0, 0, 1, 2, 2, 2, 2, 2, 2, 3, 4, 4]
    cut = blocks(np.array(groups), 3)
    assert [groups[s] for s in cut] == [[0, 0, 0], [1, 2, 2, 2, 2, 2, 2], [3, 4, 4]]
    assert blocks(np.array([], dtype=int), 3) == []


@pytest.mark.parametrize("backend", ["shapely", "qgis"])
def test_geographic_layer_read_under_transformed_rectangles(geographic, backend, monkeypatch):
    """The rectangles are moved into the layer's CRS (degrees) without losing a feature."""
    areas, pairs, layouts = overlay(backend, geographic, SITES["clusters"], FILTER)
    assert layouts == [("fields_4490", "filtered")]
    monkeypatch.setattr(footprint, "FILTER_COST", 1e12)
    whole = overlay(backend, geographic, SITES["clusters"], FILTER)
    assert same(areas, whole[0]) and same_pairs(pairs, whole[1]) and len(pairs) > 0


@pytest.mark.parametrize("case", ["one", "clusters", "most"])
def test_postgis_keys_under_the_footprint(files, gpkg, postgis_demo, case, monkeypatch):
    postgis_demo.server.export(gpkg, f"footprint_{case}")
    postgis_demo.server.psql(f"CREATE INDEX ON footprint_{case} USING gist (geom)", database="yongji")
    table = postgis_demo.layer(f"footprint_{case}")
    areas, pairs, layouts = overlay("postgis", table, SITES[case], FILTER)
    assert layouts == [(table.name(), "whole" if case == "most" else "filtered")]
    assert same(areas, expected(files[1], SITES[case], FILTER))
    reference = overlay("shapely", gpkg, SITES[case], FILTER)
    assert same_pairs(pairs, reference[1])


def test_postgis_pieces_fetched_a_few_sites_at_a_time(files, gpkg, postgis_demo, monkeypatch):
    """The pieces' WKB crosses the wire a batch of sites at a time (here one site: twelve queries,
    each merged into the pairs' order): every answer is that of one batch, and the pieces' areas
    and the outside areas are shapely's."""
    from yongji_plugin.core.engine import postgis_backend

    postgis_demo.server.export(gpkg, "footprint_batches")
    table = postgis_demo.layer("footprint_batches")
    whole = _everything(table, SITES["row"], "postgis")
    monkeypatch.setattr(postgis_backend, "SITE_BATCH", 1)
    batched = _everything(table, SITES["row"], "postgis")
    for key in ("pairs", "pieces", "pieces asked out of order", "outside"):
        assert batched[key] == whole[key], key
    assert batched["files"][0] == whole["files"][0] and (batched["files"][1] == whole["files"][1]).all()
    assert batched["pieces asked out of order"] == batched["pieces"][::-1] + batched["pieces"][:3]
    reference = _everything(gpkg, SITES["row"])
    assert batched["pairs"] == reference["pairs"] and same(batched["outside"], reference["outside"])
    areas = [QgsGeometry.fromWkt(w).area() for w in batched["pieces"]]
    assert same(areas, [QgsGeometry.fromWkt(w).area() for w in reference["pieces"]])


def _sessions(layer, sites) -> tuple:
    """(covered areas, pairs, number of PostGIS sessions) of one PostGIS overlay."""
    with OverlayEngine(AreaMethod.create(), "postgis", [layer]) as engine:
        site_set = engine.sites([QgsGeometry.fromWkt(w) for w in sites])
        result = engine.overlay(site_set, ControlLayer(layer, layer.name(), FILTER, ("BSM",)))
        values = result.attributes(result.pair_fids)
        pairs = [(s, values[f]["BSM"], a) for s, f, a in zip(result.pair_sites, result.pair_fids, result.pair_areas)]
        return result.covered_areas(), pairs, len(engine._backend._sessions)


def test_postgis_checks_a_few_sites_on_one_session_and_many_on_several(gpkg, postgis_demo, monkeypatch):
    """A handful of sites opens one connection (each costs about what checking them does); more
    sites open one per parallel worker. The answers are the same."""
    from yongji_plugin.core.engine import postgis_backend

    postgis_demo.server.export(gpkg, "footprint_sessions")
    table = postgis_demo.layer("footprint_sessions")
    few = _sessions(table, SITES["clusters"])
    monkeypatch.setattr(postgis_backend, "FEW_SITES", 0)
    several = _sessions(table, SITES["clusters"])
    assert few[2] == 1 < several[2]
    assert same(few[0], several[0]) and same_pairs(few[1], several[1]) and len(few[1]) > 0


def test_no_sites_read_nothing(gpkg):
    areas, pairs, layouts = overlay("shapely", gpkg, [])
    assert (areas, pairs, layouts) == ([], [], [("fields", "empty")])


@pytest.mark.parametrize("backend", ["shapely", "qgis"])
def test_attributes_of_a_feature_in_no_pair_are_the_layers(gpkg, backend):
    """A filtered read keeps the columns of the features it read; a feature asked for that no
    pair holds (the layer's first, far from the site) is read from the layer, never mistaken."""
    with OverlayEngine(AreaMethod.create(), backend, [gpkg]) as engine:
        result = engine.overlay(
            engine.sites([QgsGeometry.fromWkt(SITES["one"][0])]), ControlLayer(gpkg, "fields", None, ("BSM", "DLBM"))
        )
        assert engine.layouts == [("fields", "filtered")] and 1 not in result.pair_fids
        values = result.attributes([1] + result.pair_fids[:2])
    for fid in [1] + result.pair_fids[:2]:
        feature = gpkg.getFeature(fid)
        assert values[fid] == {"BSM": feature["BSM"], "DLBM": feature["DLBM"]}
