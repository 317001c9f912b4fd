"""规划版本对比 on the demo's two versions: changes, areas (against shapely directly), outputs, report."""

import shutil
import subprocess

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsPointXY
from shapely.ops import unary_union

from cancel_feedback import CancelAt, spread
from helpers import memory_layer
from yongji_plugin.core.plan_data.catalogue import default_catalogue
from yongji_plugin.core.plan_data.loader import open_plan
from yongji_plugin.core.plan_data.sources import Source
from yongji_plugin.core.shared.areas import AreaMethod
from yongji_plugin.core.shared.errors import PlanError
from yongji_plugin.core.versions.compare import compare_sources, run_comparison
from yongji_plugin.core.versions.model import (
    ADDED,
    ATTRIBUTES,
    BOTH,
    BOTH_VERSIONS,
    BY_GEOMETRY,
    BY_KEY,
    GEOMETRY,
    OLD,
    ONLY_NEW,
    ONLY_OLD,
    REMOVED,
    CompareParams,
)
from yongji_plugin.core.versions.outputs import AREAS, FEATURES, GAINED, LAYERS, LOST, result_layers
from yongji_plugin.core.versions.report import render_maps, write_report

CHANGED = {"YJJBNT", "CZKFBJ", "GHFQ", "LSJZ", "WWBHDW", "JZQ"}
TOLERANCE_M2 = 0.01  # the stored precision


def _params(**extra):
    return CompareParams(AreaMethod.create(), **extra)


@pytest.fixture(scope="module")
def compared(demo_versions):
    first, second, data, edited, edits = demo_versions
    result, old, new = compare_sources(Source("gpkg", str(first)), Source("gpkg", str(second)), _params())
    return result, old, new, data, edited, edits


def _counts(comparison):
    return {
        kind: comparison.count(kind) for kind in (ADDED, REMOVED, GEOMETRY, ATTRIBUTES, BOTH) if comparison.count(kind)
    }


def test_the_known_edits_are_found_and_nothing_else(compared):
    result, _, _, data, edited, edits = compared
    assert {c.spec.code for c in result.changed_layers} == CHANGED
    farmland = result.layer("YJJBNT")
    assert farmland.match == BY_KEY and farmland.key_fields == ("BSM",)
    assert _counts(farmland) == {REMOVED: 2, ADDED: 1}
    removed = sorted(c.old.key[0] for c in farmland.changes if c.change == REMOVED)
    assert [f"BSM {bsm}" for bsm in removed] == [e.note for e in edits if e.layer == "YJJBNT" and e.change == "removed"]
    boundary = result.layer("CZKFBJ")  # redrawn: its stated area MJ changed with it
    assert _counts(boundary) == {BOTH: 1} and boundary.changes[0].fields == ("MJ",)
    zones = result.layer("GHFQ")
    assert _counts(zones) == {ATTRIBUTES: 1} and set(zones.changes[0].fields) == {"GHFQDM", "GHFQMC"}
    assert (zones.changes[0].old.klass, zones.changes[0].new.klass) == ("05", "04")
    relics = result.layer("WWBHDW")  # no key field: paired by geometry
    assert relics.match == BY_GEOMETRY and _counts(relics) == {ADDED: 2, ATTRIBUTES: 1}
    assert relics.unchanged == len(data["WWBHDW"]) - 1
    residential = result.layer("JZQ")  # shrunk 10 m: paired by overlap, geometry changed
    assert _counts(residential) == {GEOMETRY: 1} and residential.changes[0].match == BY_GEOMETRY
    assert result.layer("LSJZ").status == ONLY_OLD and result.layer("LSJZ").old_count == len(data["LSJZ"])
    for comparison in result.layers:
        if comparison.spec.code not in CHANGED:
            assert comparison.status == BOTH_VERSIONS and not comparison.changes and not comparison.areas, (
                comparison.spec.code
            )
            assert comparison.unchanged == len(data[comparison.spec.code]), comparison.spec.code


def _class_unions(features, field):
    groups = {}
    for feature in features:
        value = feature.get(field) if field else None
        groups.setdefault(None if value is None else str(value), []).append(feature["geometry"])
    return {key: unary_union(shapes) for key, shapes in groups.items()}


def _minus(a, b):
    """a − b, where None is the empty set."""
    if a is None:
        return None
    return a if b is None else a.difference(b)


def expected_areas(old_features, new_features, field, towns):
    """Shapely directly: per class, (gained, lost) in total and per township name."""
    old, new = _class_unions(old_features, field), _class_unions(new_features, field)
    totals, per_town = {}, {}
    for klass in set(old) | set(new):
        gained, lost = _minus(new.get(klass), old.get(klass)), _minus(old.get(klass), new.get(klass))
        totals[klass] = tuple(g.area if g is not None else 0.0 for g in (gained, lost))
        for name, town in towns.items():
            per_town[(klass, name)] = tuple(g.intersection(town).area if g is not None else 0.0 for g in (gained, lost))
    return totals, per_town


@pytest.mark.parametrize("code", ["YJJBNT", "CZKFBJ", "GHFQ", "JZQ"])
def test_areas_per_class_and_township_equal_shapely(compared, code):
    result, _, _, data, edited, _ = compared
    comparison = result.layer(code)
    towns = {f["XZQMC"]: f["geometry"] for f in edited["XZQ_XZ"]}  # the later version's townships
    totals, per_town = expected_areas(data[code], edited[code], comparison.class_field, towns)
    for klass, (gained, lost) in totals.items():
        got = comparison.class_totals.get(klass, (0.0, 0.0))
        assert got[0] == pytest.approx(gained, rel=1e-6, abs=TOLERANCE_M2), (code, klass)
        assert got[1] == pytest.approx(lost, rel=1e-6, abs=TOLERANCE_M2), (code, klass)
    rows = {(row.klass, row.township): row for row in comparison.areas}
    for (klass, name), (gained, lost) in per_town.items():
        row = rows.get((klass, name))
        assert (row.gained if row else 0.0) == pytest.approx(gained, rel=1e-6, abs=TOLERANCE_M2), (code, klass, name)
        assert (row.lost if row else 0.0) == pytest.approx(lost, rel=1e-6, abs=TOLERANCE_M2), (code, klass, name)
    assert (None, None) not in rows or rows[(None, None)].gained + rows[(None, None)].lost < TOLERANCE_M2


def test_the_edits_read_as_a_reviewer_expects(compared):
    """永久基本农田 lost in 卿头镇 and gained in 张营镇; 城镇开发边界 gained in 城西街道; zones re-classed."""
    result = compared[0]
    farmland = {row.township: row for row in result.layer("YJJBNT").areas}
    assert set(farmland) == {"卿头镇", "张营镇"}
    assert farmland["卿头镇"].lost > 50000 and farmland["卿头镇"].gained == 0
    assert farmland["张营镇"].gained > 5000 and farmland["张营镇"].lost == 0
    boundary = result.layer("CZKFBJ").areas
    assert [(row.township, row.gained > 10000, row.lost) for row in boundary] == [("城西街道", True, 0.0)]
    zones = result.layer("GHFQ").class_totals
    assert zones["04"][0] == pytest.approx(zones["05"][1]) and zones["04"][1] == zones["05"][0] == 0


def test_identical_versions_report_no_change(demo_versions, tmp_path):
    first = demo_versions[0]
    copy = tmp_path / "copy.gpkg"
    shutil.copy(first, copy)
    result, old, new = compare_sources(Source("gpkg", str(first)), Source("gpkg", str(copy)), _params())
    assert not result.canceled and result.changed_layers == []
    assert all(c.status == BOTH_VERSIONS and c.unchanged == c.old_count == c.new_count for c in result.layers)
    layers = result_layers(result)
    assert [layers[name].featureCount() for name in (AREAS, FEATURES, GAINED, LOST)] == [0, 0, 0, 0]
    assert layers[LAYERS].featureCount() == len(default_catalogue().layers)
    paths = write_report(result, tmp_path / "same.html", render_maps(result, old, new, tmp_path / "same_maps"))
    assert "no layer changed" in paths["html"].read_text(encoding="utf-8")
    assert paths["sheets"] == {} and paths["pdf"].stat().st_size > 1000


def test_a_layer_in_one_version_is_reported_as_such(demo_versions):
    first, second = demo_versions[0], demo_versions[1]
    params = _params(codes=("LSJZ", "XZQ_XZ"))
    forward = run_comparison(open_plan(Source("gpkg", str(first))), open_plan(Source("gpkg", str(second))), params)
    backward = run_comparison(open_plan(Source("gpkg", str(second))), open_plan(Source("gpkg", str(first))), params)
    assert forward.layer("LSJZ").status == ONLY_OLD and backward.layer("LSJZ").status == ONLY_NEW
    assert backward.layer("LSJZ").new_count == 2 and not backward.layer("LSJZ").changes
    rows = {f["layer"]: f for f in result_layers(backward)[LAYERS].getFeatures()}
    assert rows["LSJZ"]["status"] == "only in the later version"
    assert rows["XZQ_XZ"]["status"] == "in both versions" and rows["XZQ_XZ"]["unchanged"] == 10


def test_outputs_add_up_and_fit_every_format(compared):
    result = compared[0]
    layers = result_layers(result)
    for layer in layers.values():
        names = layer.fields().names()
        assert len(set(names)) == len(names) and all(len(n.encode()) <= 10 for n in names), layer.name()
    assert layers[FEATURES].featureCount() == sum(len(c.changes) for c in result.layers)
    per_class = {}
    for row in layers[AREAS].getFeatures():
        key = (row["layer"], row["class"] or None)  # NULL: the whole layer
        per_class[key] = per_class.get(key, 0.0) + row["gain_m2"]
    for (code, klass), gained in per_class.items():
        assert gained == pytest.approx(result.layer(code).class_totals[klass][0], abs=0.05)
    pieces = {(f["layer"], f["class"], f["town"]): f for f in layers[GAINED].getFeatures()}
    for row in layers[AREAS].getFeatures():
        if row["gain_m2"]:
            piece = pieces[(row["layer"], row["class"], row["town"])]
            assert piece["m2"] == row["gain_m2"] and piece.geometry().area() == pytest.approx(row["gain_m2"], abs=0.01)
    lost = {f["layer"]: f for f in layers[LOST].getFeatures() if f["layer"] == "YJJBNT"}
    assert lost["YJJBNT"]["town"] == "卿头镇"
    layer_rows = {f["layer"]: f for f in layers[LAYERS].getFeatures()}
    assert layer_rows["YJJBNT"]["removed"] == 2 and layer_rows["YJJBNT"]["matched_by"] == "BSM"
    assert layer_rows["CZKFBJ"]["gain_m2"] == pytest.approx(result.layer("CZKFBJ").gained, abs=0.01)


def test_report_and_a_change_map_sheet_per_changed_layer(compared, tmp_path, locale):
    result, old, new = compared[:3]
    locale("zh_CN")
    maps = render_maps(result, old, new, tmp_path / "report_maps")
    assert {code for code in maps if "#" not in code} == CHANGED
    paths = write_report(result, tmp_path / "report.html", maps)
    html = paths["html"].read_text(encoding="utf-8")
    assert "规划版本对比报告" in html and "城西街道" in html and "卿头镇" in html
    assert set(paths["sheets"]) == CHANGED and all(p.stat().st_size > 10000 for p in paths["sheets"].values())
    text = subprocess.run(["pdftotext", str(paths["pdf"]), "-"], capture_output=True, text=True).stdout
    gained = result.layer("CZKFBJ").class_totals["0402"][0]
    assert "城镇开发边界" in text and f"{gained / 1e4:,.4f}" in text
    sheet = subprocess.run(["pdftotext", str(paths["sheets"]["CZKFBJ"]), "-"], capture_output=True, text=True).stdout
    assert "城镇开发边界" in sheet and "变更图" in sheet
    # the sheet showed the city map alone, a 1–8 ha change a ring around a dot: its detail maps too
    details = [code for code in maps if code.startswith("CZKFBJ#")]
    images = subprocess.run(["pdfimages", "-list", str(paths["sheets"]["CZKFBJ"])], capture_output=True, text=True)
    assert details and len(images.stdout.splitlines()[2:]) == 1 + len(details)
    assert "变化详图" in sheet


def test_key_and_geometry_pairing_on_small_layers():
    """Moved below the tolerance: unchanged; reshaped: changed; moved away: removed and added;
    a repeated key falls back to geometry pairing and says so."""
    crs = "EPSG:4546"
    fields = ["MC:string", "RK:double"]
    square = "POLYGON((500000 3850000, 500100 3850000, 500100 3850100, 500000 3850100, 500000 3850000))"
    old = memory_layer(
        "MultiPolygon",
        crs,
        fields,
        [
            (square, ["甲", 1.0]),
            ("POLYGON((501000 3850000, 501100 3850000, 501100 3850100, 501000 3850100, 501000 3850000))", ["乙", 2.0]),
            ("POLYGON((502000 3850000, 502100 3850000, 502100 3850100, 502000 3850100, 502000 3850000))", ["丙", 3.0]),
        ],
    )
    new = memory_layer(
        "MultiPolygon",
        crs,
        fields,
        [
            (
                "POLYGON((500000 3850000, 500100.001 3850000, 500100 3850100, 500000 3850100, 500000 3850000))",
                ["甲", 1.0],
            ),
            ("POLYGON((501000 3850000, 501100 3850000, 501100 3850140, 501000 3850140, 501000 3850000))", ["乙", 2.0]),
            ("POLYGON((503000 3850000, 503100 3850000, 503100 3850100, 503000 3850100, 503000 3850000))", ["丙", 3.0]),
        ],
    )
    result = run_comparison({"JZQ": old}, {"JZQ": new}, _params(codes=("JZQ",)))
    residential = result.layer("JZQ")
    assert residential.unchanged == 1 and _counts(residential) == {GEOMETRY: 1, ADDED: 1, REMOVED: 1}
    assert residential.class_totals[None] == (pytest.approx(14000.0), pytest.approx(10000.0))
    keyed = ["BSM:integer", "YSDM:string", "TBBH:string", "ZLDWMC:string", "MJ:double"]
    before = memory_layer("MultiPolygon", crs, keyed, [(square, [7, "212100", "1", "", 1e4])])
    shifted = "POLYGON((500005 3850000, 500105 3850000, 500105 3850100, 500005 3850100, 500005 3850000))"
    after = memory_layer(
        "MultiPolygon", crs, keyed, [(square, [7, "212100", "1", "", 1e4]), (shifted, [7, "212100", "2", "", 1e4])]
    )
    farmland = run_comparison({"YJJBNT": before}, {"YJJBNT": after}, _params(codes=("YJJBNT",))).layer("YJJBNT")
    assert farmland.match == BY_KEY and farmland.unchanged == 1 and _counts(farmland) == {ADDED: 1}
    assert "sharing a key value" in farmland.notes[0]


def test_bad_input_is_a_sentence_naming_layer_and_version(demo_versions, tmp_path):
    first = demo_versions[0]
    with pytest.raises(PlanError, match="holds no layer of the plan catalogue"):
        compare_sources(Source("gpkg", str(first)), Source("folder", str(tmp_path)), _params())
    points = memory_layer("Point", "EPSG:4546", ["BSM:integer"], [("POINT(500000 3850000)", [1])])
    with pytest.raises(PlanError, match=r"永久基本农田 \(YJJBNT\) of the later version has geometry type Point"):
        run_comparison(open_plan(Source("gpkg", str(first))), {"YJJBNT": points}, _params(codes=("YJJBNT",)))
    with pytest.raises(PlanError, match="GeoPackage not found"):
        compare_sources(Source("gpkg", str(tmp_path / "none.gpkg")), Source("gpkg", str(first)), _params())


def test_a_canceled_comparison_is_never_a_result(demo_versions):
    """Canceled at any of its cancel checks, from before the first to the last, the run says so."""
    first, second = demo_versions[0], demo_versions[1]
    params = _params(codes=("CZKFBJ", "GHFQ", "XZQ_XZ", "JZQ", "WWBHDW"))
    counting = CancelAt()
    whole, *_ = compare_sources(Source("gpkg", str(first)), Source("gpkg", str(second)), params, counting)
    assert not whole.canceled and counting.checks > 5
    for point in spread(counting.checks):
        result, *_ = compare_sources(
            Source("gpkg", str(first)), Source("gpkg", str(second)), params, CancelAt(checks=point)
        )
        assert result.canceled, point
        with pytest.raises(PlanError, match="canceled"):
            result_layers(result)


def test_ellipsoidal_areas_say_so_and_differ_slightly(demo_versions):
    first, second = demo_versions[0], demo_versions[1]
    params = CompareParams(AreaMethod.create(method="ellipsoidal"), codes=("CZKFBJ", "XZQ_XZ"))
    result, *_ = compare_sources(Source("gpkg", str(first)), Source("gpkg", str(second)), params)
    planar, *_ = compare_sources(Source("gpkg", str(first)), Source("gpkg", str(second)), _params(codes=("CZKFBJ",)))
    ellipsoidal = result.layer("CZKFBJ").gained
    assert ellipsoidal != planar.layer("CZKFBJ").gained
    assert ellipsoidal == pytest.approx(planar.layer("CZKFBJ").gained, rel=1e-3)
    assert "ellipsoidal" in result.params.area.describe()


def test_township_version_is_stated(demo_versions):
    first, second = demo_versions[0], demo_versions[1]
    result, *_ = compare_sources(
        Source("gpkg", str(first)), Source("gpkg", str(second)), _params(codes=("CZKFBJ",), townships=OLD)
    )
    assert "earlier version" in result.township_note


def test_the_second_version_is_an_edited_copy_and_the_first_is_left_alone(demo_versions):
    from yongji_demo.build import read_plan
    from yongji_demo.version2 import second_version

    first, _, data, edited, edits = demo_versions
    assert {(e.layer, e.change) for e in edits} == {
        ("LSJZ", "layer_removed"),
        ("YJJBNT", "removed"),
        ("YJJBNT", "added"),
        ("CZKFBJ", "geometry"),
        ("GHFQ", "attributes"),
        ("WWBHDW", "added"),
        ("WWBHDW", "attributes"),
        ("JZQ", "geometry"),
    }
    assert "LSJZ" in data and "LSJZ" not in edited
    assert len(data["YJJBNT"]) - 2 + 1 == len(edited["YJJBNT"])
    read = read_plan(first)  # what make demo-data-v2 edits: the written first version
    for code in ("YJJBNT", "CZKFBJ", "GHFQ", "WWBHDW", "JZQ"):
        assert [f["geometry"].wkb for f in read[code]] == [f["geometry"].wkb for f in data[code]], code
    again, _ = second_version(read)

    def values(feature):  # a file stores every catalogue field; the generator sets only some
        return {k: v for k, v in feature.items() if k != "geometry" and v is not None}

    for code in ("YJJBNT", "CZKFBJ", "GHFQ", "WWBHDW", "JZQ"):
        assert len(again[code]) == len(edited[code]), code
        for a, b in zip(again[code], edited[code]):
            assert a["geometry"].equals(b["geometry"]) and values(a) == values(b), code


def test_a_shapefile_folder_compares_like_its_geopackage(demo_versions, tmp_path):
    """The loader's third kind of source: the earlier version as a folder of Shapefiles."""
    from qgis.core import (
        QgsCoordinateTransformContext,
        QgsVectorFileWriter,
        QgsVectorLayer,
    )

    first, second = demo_versions[:2]
    codes = ("XZQ_XZ", "CZKFBJ", "GHFQ", "LSJZ", "WWBHDW")
    for code in codes:
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "ESRI Shapefile"
        options.fileEncoding = "UTF-8"
        layer = QgsVectorLayer(f"{first}|layername={code}", code, "ogr")
        error, message, *_ = QgsVectorFileWriter.writeAsVectorFormatV3(
            layer, str(tmp_path / f"{code}.shp"), QgsCoordinateTransformContext(), options
        )
        assert error == QgsVectorFileWriter.WriterError.NoError, message
    params = _params(codes=codes)
    reference, *_ = compare_sources(Source("gpkg", str(first)), Source("gpkg", str(second)), params)
    result, *_ = compare_sources(Source("folder", str(tmp_path)), Source("gpkg", str(second)), params)
    for mine, theirs in zip(result.layers, reference.layers):
        assert (mine.status, _counts(mine), mine.unchanged) == (theirs.status, _counts(theirs), theirs.unchanged), (
            mine.spec.code
        )
        for klass, (gained, lost) in theirs.class_totals.items():
            assert mine.class_totals[klass] == (pytest.approx(gained, rel=1e-9), pytest.approx(lost, rel=1e-9))


KEYED = ["BSM:integer", "YSDM:string", "TBBH:string", "ZLDWMC:string", "MJ:double"]
SQUARE = "POLYGON((500000 3850000, 500100 3850000, 500100 3850100, 500000 3850100, 500000 3850000))"
AWAY = "POLYGON((509000 3850000, 509100 3850000, 509100 3850100, 509000 3850100, 509000 3850000))"


def test_a_blanked_key_pairs_by_geometry_as_an_attribute_change():
    """The log says keyless features are paired by geometry; a feature whose key was blanked was
    reported as removed and added instead."""
    crs = "EPSG:4546"
    before = memory_layer(
        "MultiPolygon",
        crs,
        KEYED,
        [(SQUARE, [7, "212100", "1", "张营镇", 1e4]), (AWAY, [8, "212100", "2", "张营镇", 1e4])],
    )
    after = memory_layer(
        "MultiPolygon",
        crs,
        KEYED,
        [(SQUARE, [None, "212100", "1", "张营镇", 1e4]), (AWAY, [9, "212100", "2", "张营镇", 1e4])],
    )
    farmland = run_comparison({"YJJBNT": before}, {"YJJBNT": after}, _params(codes=("YJJBNT",))).layer("YJJBNT")
    # the blanked key: one feature whose BSM changed; two different keys on one place are never paired
    assert _counts(farmland) == {ATTRIBUTES: 1, ADDED: 1, REMOVED: 1}
    change = next(c for c in farmland.changes if c.change == ATTRIBUTES)
    assert change.fields == ("BSM",) and change.old.fid == 1 and change.new.fid == 1


def test_null_and_empty_text_are_the_same_value():
    """A GeoPackage's NULL and a Shapefile's empty text showed as "ZLDWMC= → ZLDWMC=" changes."""
    crs = "EPSG:4546"
    before = memory_layer("MultiPolygon", crs, KEYED, [(SQUARE, [7, "212100", "1", None, 1e4])])
    after = memory_layer("MultiPolygon", crs, KEYED, [(SQUARE, [7, "212100", "1", "", 1e4])])
    farmland = run_comparison({"YJJBNT": before}, {"YJJBNT": after}, _params(codes=("YJJBNT",))).layer("YJJBNT")
    assert farmland.unchanged == 1 and farmland.changes == []


def test_log_lines_count_each_kind_of_change_apart(compared):
    """ "N features changed" counted added and removed features; a layer in one version was "0 changed"."""
    result = compared[0]
    farmland, relics = result.layer("YJJBNT"), result.layer("LSJZ")
    line = farmland.log_line()
    assert f"{farmland.count(ADDED)} features added, {farmland.count(REMOVED)} removed" in line
    changed = len(farmland.changes) - farmland.count(ADDED) - farmland.count(REMOVED)
    assert f"{changed} changed" in line
    assert (
        relics.status == ONLY_OLD
        and relics.log_line() == f"{relics.spec.name}: only in the earlier version ({relics.old_count} features)"
    )


def test_detail_maps_zoom_to_each_cluster_of_changes(tmp_path):
    """Two buildings 100 m apart share a detail map, one 5 km away gets its own, the largest first;
    the report shows both maps under the layer (a 1-ha change no longer a dot on a city map)."""
    from yongji_plugin.core.versions.change_maps import change_clusters

    crs = "EPSG:4546"

    def square(x, y, side):
        return f"POLYGON(({x} {y}, {x + side} {y}, {x + side} {y + side}, {x} {y + side}, {x} {y}))"

    old = memory_layer("MultiPolygon", crs, ["MC:string"], [])
    new = memory_layer(
        "MultiPolygon",
        crs,
        ["MC:string"],
        [
            (square(500000, 3850000, 100), ["甲"]),
            (square(500200, 3850000, 100), ["乙"]),
            (square(505000, 3850000, 300), ["丙"]),
        ],
    )
    result = run_comparison({"JZQ": old}, {"JZQ": new}, _params(codes=("JZQ",)))
    clusters = change_clusters(result.layer("JZQ"), QgsCoordinateReferenceSystem(crs))
    assert len(clusters) == 2
    assert clusters[0].contains(QgsPointXY(505150, 3850150))  # 9 ha before 2 ha
    assert clusters[1].contains(QgsPointXY(500050, 3850050)) and clusters[1].contains(QgsPointXY(500250, 3850050))
    maps = render_maps(result, {"JZQ": old}, {"JZQ": new}, tmp_path / "maps")
    assert sorted(maps) == ["JZQ", "JZQ#1", "JZQ#2"]
    html = write_report(result, tmp_path / "report.html", maps)["html"].read_text(encoding="utf-8")
    assert "JZQ_detail_1.png" in html and "JZQ_detail_2.png" in html
