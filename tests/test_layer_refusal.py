"""Non-conforming layers are refused before a check runs, with one message per layer.

Issue #11 item 4: points in 规划分区 gave a flood of misleading QA errors, an empty control layer
passed every site, a layer with an undefined CRS left every site "not checked", and a zero-area
site said "geometry repaired (Self-intersection)".
"""

import gc
import sqlite3

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from shapely.geometry import box

from helpers import memory_layer
from yongji_plugin.core.plan_data.catalogue import default_catalogue
from yongji_plugin.core.plan_data.conformance import conformance_problems
from yongji_plugin.core.plan_qa.model import load_qa_rules
from yongji_plugin.core.plan_qa.run import run_qa
from yongji_plugin.core.shared.areas import AreaMethod
from yongji_plugin.core.shared.errors import PlanError
from yongji_plugin.core.site_check.check import UNCHECKED, CheckParams, run_compliance
from yongji_plugin.core.site_check.ruleset import load_ruleset

SITE = box(440000, 3860000, 440200, 3860100)
LOCAL_CS = 'LOCAL_CS["unknown",UNIT["metre",1],AXIS["Easting",EAST],AXIS["Northing",NORTH]]'


def _site(crs="EPSG:4546", wkt=SITE.wkt):
    return memory_layer("Polygon", crs, ["XMBH:string"], [(wkt, ["A"])], name="用地红线")


def _redline(
    rows=((box(439900, 3859900, 440100, 3860200).wkt, ["红线"]),), kind="Polygon", crs="EPSG:4546", name="生态保护红线"
):
    return memory_layer(kind, crs, ["HXMC:string"], list(rows), name=name)


def _rules(*ids):
    ruleset = load_ruleset()
    ruleset.rules = [r for r in ruleset.rules if r.id in ids]
    return ruleset


def _run(sites, layers, ruleset=None):
    return run_compliance(
        sites, layers, ruleset or _rules("no_overlap_ecological_redline"), CheckParams(AreaMethod.create())
    )


def _gpkg_with_srs_id(tmp_path, srs_id, name="sites", layer=None):
    """A GeoPackage layer whose srs_id is GeoPackage's placeholder: 0 undefined geographic, -1 Cartesian."""
    layer = layer or _site()
    path = tmp_path / f"{name}_{srs_id}.gpkg"
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName, options.layerName = "GPKG", name
    error, *_ = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(path), QgsCoordinateTransformContext(), options)
    assert error == QgsVectorFileWriter.WriterError.NoError
    with sqlite3.connect(path) as db:
        db.execute("update gpkg_geometry_columns set srs_id = ?", (srs_id,))
        db.execute("update gpkg_contents set srs_id = ?", (srs_id,))
    return QgsVectorLayer(f"{path}|layername={name}", "用地红线", "ogr")


# --- the site check -------------------------------------------------------------------------------


def test_empty_control_layer_is_refused_not_passed():
    with pytest.raises(PlanError, match=r"Control layer 生态保护红线 \(STBHHX\) has no features"):
        _run(_site(), {"STBHHX": _redline(rows=())})


def test_rule_set_may_allow_an_empty_layer(tmp_path):
    path = tmp_path / "rules.yaml"
    path.write_text(
        "rules:\n  - {id: heritage, kind: no_overlap, layer: LSWHBHX, title: 历史文化保护线, may_be_empty: true}\n",
        encoding="utf-8",
    )
    empty = memory_layer("Polygon", "EPSG:4546", ["MC:string"], [], name="历史文化保护线")
    result = _run(_site(), {"LSWHBHX": empty}, load_ruleset(path))
    assert result.sites[0].verdict == "compliant"


def test_control_layer_of_points_is_refused():
    points = _redline(rows=[("POINT(440000 3860000)", ["红线"])] * 3, kind="Point")
    with pytest.raises(PlanError, match=r"生态保护红线 \(STBHHX\).*Point.*Polygon"):
        _run(_site(), {"STBHHX": points})


@pytest.mark.parametrize("srs_id", [0, -1])
def test_site_layer_with_undefined_crs_is_an_error_not_every_site_unchecked(tmp_path, srs_id):
    sites = _gpkg_with_srs_id(tmp_path, srs_id)
    assert sites.isValid() and sites.crs().isValid()  # GDAL gives the placeholder a (fake) definition
    with pytest.raises(PlanError, match=r"Site layer 用地红线 has an undefined CRS"):
        _run(sites, {"STBHHX": _redline()})
    del sites
    gc.collect()


def test_site_layer_with_unknown_local_crs_is_an_error():
    sites = _site(crs=None)
    sites.setCrs(QgsCoordinateReferenceSystem.fromWkt(LOCAL_CS))
    assert sites.crs().isValid()
    with pytest.raises(PlanError, match=r"Site layer 用地红线 .*cannot be transformed to EPSG:4546"):
        _run(sites, {"STBHHX": _redline()})


def test_site_coordinates_that_do_not_fit_the_crs_are_an_error():
    """Projected metres declared as WGS 84 degrees: one clear error, not every site "not checked"."""
    with pytest.raises(PlanError, match=r"Site layer 用地红线 .*coordinates .*EPSG:4326"):
        _run(_site(crs="EPSG:4326"), {"STBHHX": _redline()})


def test_control_layer_with_undefined_crs_is_an_error(tmp_path):
    control = _gpkg_with_srs_id(tmp_path, 0, name="redline", layer=_redline())
    control.setName("生态保护红线")
    with pytest.raises(PlanError, match=r"Control layer 生态保护红线 \(STBHHX\) has an undefined CRS"):
        _run(_site(), {"STBHHX": control})
    local = _redline(crs=None)
    local.setCrs(QgsCoordinateReferenceSystem.fromWkt(LOCAL_CS))
    with pytest.raises(PlanError, match=r"Control layer 生态保护红线 \(STBHHX\).*cannot be transformed"):
        _run(_site(), {"STBHHX": local})
    del control
    gc.collect()


def test_each_problem_layer_gets_one_line():
    farmland = memory_layer(
        "Point",
        "EPSG:4546",
        ["TBBH:string", "ZLDWMC:string"],
        [("POINT(440000 3860000)", ["1", "x"])] * 500,
        name="永久基本农田",
    )
    with pytest.raises(PlanError) as error:
        _run(
            _site(),
            {"STBHHX": _redline(rows=()), "YJJBNT": farmland},
            _rules("no_overlap_ecological_redline", "no_overlap_permanent_farmland"),
        )
    lines = str(error.value).splitlines()
    assert len([line for line in lines if "STBHHX" in line]) == 1
    assert len([line for line in lines if "YJJBNT" in line]) == 1
    assert len(lines) <= 3, lines


def test_zero_area_site_says_zero_area():
    collinear = "POLYGON((440000 3860000, 440100 3860000, 440200 3860000, 440000 3860000))"
    sites = memory_layer(
        "Polygon",
        "EPSG:4546",
        ["XMBH:string"],
        [
            (collinear, ["flat"]),
            ("POLYGON((440000 3860000, 440000 3860000, 440000 3860000, 440000 3860000))", ["dot"]),
            (SITE.wkt, ["ok"]),
        ],
        name="用地红线",
    )
    result = _run(sites, {"STBHHX": _redline()})
    by_id = {s.site.site_id: s for s in result.sites}
    for name in ("flat", "dot"):
        assert by_id[name].verdict == UNCHECKED
        assert any("zero area" in reason for reason in by_id[name].reasons), by_id[name].reasons
        assert not any("repaired" in reason for reason in by_id[name].reasons), by_id[name].reasons
    assert [r.feature for r in result.repairs] == []
    assert by_id["ok"].verdict == "noncompliant"


def test_a_bow_tie_is_repaired_not_zero_area():
    """A self-crossing outline's signed area is 0; after repair it has area, so it is checked."""
    bow_tie = "POLYGON((440000 3860000, 440100 3860100, 440100 3860000, 440000 3860100, 440000 3860000))"
    result = _run(memory_layer("Polygon", "EPSG:4546", ["XMBH:string"], [(bow_tie, ["bow"])]), {"STBHHX": _redline()})
    assert result.sites[0].verdict != UNCHECKED
    assert any("repaired" in reason for reason in result.sites[0].reasons)


# --- plan QA --------------------------------------------------------------------------------------


def _zone_points(plan):
    """规划分区 as points: the centre of every real zone (what a wrong export looks like)."""
    zones = plan["GHFQ"]
    rows = [(f.geometry().pointOnSurface().asWkt(), [f["GHFQDM"], f["GHFQMC"]]) for f in zones.getFeatures()]
    return memory_layer("Point", "EPSG:4546", ["GHFQDM:string", "GHFQMC:string"], rows, name="规划分区")


def test_qa_refuses_a_zone_layer_of_points_with_one_message(plan):
    layers = dict(plan, GHFQ=_zone_points(plan))
    with pytest.raises(PlanError) as error:
        run_qa(layers, load_qa_rules())
    message = str(error.value)
    assert "规划分区 (GHFQ)" in message and "Point" in message and "Polygon" in message
    assert len(message.splitlines()) <= 2, message


def test_qa_refuses_an_empty_control_line(plan):
    empty = memory_layer("Polygon", "EPSG:4546", ["HXMC:string"], [], name="生态保护红线")
    layers = dict(plan, STBHHX=empty)
    rules = load_qa_rules().subset(["CL-01"])
    with pytest.raises(PlanError, match=r"生态保护红线 \(STBHHX\) has no features"):
        run_qa(layers, rules)


def test_qa_refuses_undefined_crs(plan):
    local = QgsVectorLayer(plan["STBHHX"].source(), "生态保护红线", "ogr")
    local.setCrs(QgsCoordinateReferenceSystem.fromWkt(LOCAL_CS))
    with pytest.raises(PlanError, match=r"生态保护红线 \(STBHHX\).*cannot be transformed"):
        run_qa(dict(plan, STBHHX=local), load_qa_rules().subset(["CL-01"]))


def test_qa_without_the_refused_rules_still_runs(plan):
    """Only layers the chosen rules read are checked: CL-02 does not read 规划分区."""
    layers = dict(plan, GHFQ=_zone_points(plan))
    result = run_qa(layers, load_qa_rules().subset(["CL-02"]))
    assert [o.status for o in result.outcomes] == ["passed"]


def test_qa_processing_refusal_is_a_processing_error(plan, provider):
    import processing
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match=r"规划分区 \(GHFQ\)"):
        processing.run("yongji:planqa", {"LAYERS": [_zone_points(plan), plan["XZQ"]], "OUTPUT": "TEMPORARY_OUTPUT"})


# --- conformance (the load dialog's list) -----------------------------------------------------------


def test_conformance_names_an_undefined_crs(tmp_path):
    layer = _gpkg_with_srs_id(tmp_path, 0, name="redline", layer=_redline())
    problems = conformance_problems(layer, default_catalogue().layer("STBHHX"))
    assert any("undefined" in p for p in problems), problems
    assert not any("not CGCS2000" in p for p in problems), problems
    del layer
    gc.collect()
