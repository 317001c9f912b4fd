"""规划成果质检: the demo passes clean; each seeded defect is found exactly once, in the right place."""

import gc
import shutil

import pytest
from qgis.core import QgsFeature, QgsGeometry

from yongji_plugin.core.plan_data.loader import open_plan
from yongji_plugin.core.plan_data.sources import Source
from yongji_plugin.core.plan_qa.model import FAILED, PASSED, SKIPPED, load_qa_rules
from yongji_plugin.core.plan_qa.outputs import error_layer, write_qa_report
from yongji_plugin.core.plan_qa.run import run_qa


def square(x, y, size):
    h = size / 2
    return QgsGeometry.fromWkt(
        f"POLYGON(({x - h} {y - h},{x + h} {y - h},{x + h} {y + h},{x - h} {y + h},{x - h} {y - h}))"
    )


@pytest.fixture(scope="module")
def clean_result(demo_gpkg):
    return run_qa(open_plan(Source("gpkg", str(demo_gpkg))), load_qa_rules())


def test_demo_plan_passes_clean(clean_result):
    assert [(e.rule.id, e.layer, e.description) for e in clean_result.errors] == []
    assert {o.status for o in clean_result.outcomes} == {PASSED}


def _edit(layer, change):
    layer.startEditing()
    change(layer)
    assert layer.commitChanges(), layer.commitErrors()


def _add(layer, geometry, **values):
    feature = QgsFeature(layer.fields())
    feature.setGeometry(geometry)
    for name, value in values.items():
        feature[name] = value
    layer.addFeature(feature)


@pytest.fixture(scope="module")
def broken(demo_gpkg, tmp_path_factory):
    """A copy of the demo with one defect of each kind; returns (layers, expected geometries)."""
    path = tmp_path_factory.mktemp("broken") / "broken.gpkg"
    shutil.copy(demo_gpkg, path)
    layers = open_plan(Source("gpkg", str(path)))
    expected = {}
    zones = layers["GHFQ"]
    farm = next(f for f in zones.getFeatures() if f["GHFQDM"] == "03" and f.geometry().area() > 5e7)
    centre = farm.geometry().pointOnSurface().asPoint()
    hole = square(centre.x(), centre.y(), 100)
    expected["gap"] = hole
    _edit(zones, lambda lyr: lyr.changeGeometry(farm.id(), farm.geometry().difference(hole)))
    rural = next(f for f in zones.getFeatures() if f["GHFQDM"] == "05" and f.geometry().area() > 1e7)
    inside = rural.geometry().pointOnSurface().asPoint()
    extra = square(inside.x(), inside.y(), 80)
    expected["overlap"] = extra
    _edit(zones, lambda lyr: _add(lyr, extra, BSM=999, GHFQDM="05", GHFQMC="乡村发展区", MJ=extra.area()))
    udb = next(layers["CZKFBJ"].getFeatures())
    vertex = udb.geometry().vertexAt(0)
    poke = square(vertex.x(), vertex.y(), 20)
    all_udb = QgsGeometry.unaryUnion([f.geometry() for f in layers["CZKFBJ"].getFeatures()])
    expected["poke"] = poke.intersection(all_udb)  # the corner is shared by three UDB sub-types
    _edit(layers["YJJBNT"], lambda lyr: _add(lyr, poke, BSM=99999, YSDM="212100", TBBH="X1", MJ=poke.area()))
    village = next(layers["CZ"].getFeatures())
    expected["code"] = village.geometry()
    _edit(layers["CZ"], lambda lyr: lyr.changeAttributeValue(village.id(), lyr.fields().indexOf("CZFL"), "99"))
    redline = next(layers["STBHHX"].getFeatures())
    expected["area"] = redline.geometry()
    _edit(
        layers["STBHHX"],
        lambda lyr: lyr.changeAttributeValue(redline.id(), lyr.fields().indexOf("MJ"), redline["MJ"] * 2),
    )
    bowtie = QgsGeometry.fromWkt(
        "POLYGON((450000 3865000, 450100 3865100, 450100 3865000, 450000 3865100, 450000 3865000))"
    )
    expected["invalid"] = bowtie
    _edit(layers["GBZNT"], lambda lyr: _add(lyr, bowtie, MC="自相交"))
    parcel = next(f for f in layers["YJJBNT"].getFeatures() if f.geometry().area() > 40000)
    inner = parcel.geometry().buffer(-20, 4)
    expected["self_overlap"] = inner
    _edit(layers["YJJBNT"], lambda lyr: _add(lyr, inner, BSM=99998, YSDM="212100", TBBH="X2", MJ=inner.area()))
    relic = next(layers["WWBHDW"].getFeatures())
    expected["duplicate"] = relic.geometry()
    _edit(layers["WWBHDW"], lambda lyr: _add(lyr, relic.geometry(), MC="重复", JB="县保"))
    yield layers, expected
    layers.clear()  # free the layers before QGIS exits at session end
    gc.collect()


def _only(result, rule_id):
    errors = [e for e in result.errors if e.rule.id == rule_id]
    assert len(errors) == 1, [(e.layer, e.fid, e.description) for e in errors]
    return errors[0]


def _same_place(a, b, tolerance=1e-3):
    return a.symDifference(b).area() <= tolerance


def test_each_seeded_defect_found_once(broken):
    layers, expected = broken
    result = run_qa(layers, load_qa_rules())
    cv01 = [e for e in result.errors if e.rule.id == "CV-01"]
    assert len(cv01) == 2
    gap = next(e for e in cv01 if "gap" in e.description)
    assert _same_place(gap.geometry, expected["gap"])
    overlap = next(e for e in cv01 if "overlaps" in e.description)
    assert _same_place(overlap.geometry, expected["overlap"])
    assert _same_place(_only(result, "CL-02").geometry, expected["poke"])
    assert "99" in _only(result, "AT-02").description
    area = _only(result, "AT-03")
    assert area.layer == "生态保护红线" and _same_place(area.geometry, expected["area"])
    invalid = _only(result, "GE-01")
    assert invalid.layer == "高标准农田重点建设区" and "Self-intersection" in invalid.description
    assert _only(result, "GE-03").geometry.equals(expected["duplicate"])
    assert _same_place(_only(result, "GE-05").geometry, expected["self_overlap"])
    assert result.outcome("CL-01").status == PASSED and result.outcome("CV-02").status == PASSED


def test_missing_layers_are_skipped_rules(demo_gpkg):
    layers = open_plan(Source("gpkg", str(demo_gpkg)))
    del layers["GHFQ"]
    result = run_qa(layers, load_qa_rules())
    skipped = {o.rule.id for o in result.outcomes if o.status == SKIPPED}
    assert skipped == {"CV-01", "CS-01", "CS-02", "CS-03"}
    assert "GHFQ" in result.outcome("CV-01").note


def test_error_layer_and_report(broken, tmp_path):
    layers, _ = broken
    result = run_qa(layers, load_qa_rules().subset(["CV-01", "GE-01"]))
    assert [o.rule.id for o in result.outcomes] == ["CV-01", "GE-01"]
    layer = error_layer(result, "EPSG:4546")
    assert layer.featureCount() == 3 and layer.renderer().type() == "categorizedSymbol"
    assert {f["rule_id"] for f in layer.getFeatures()} == {"CV-01", "GE-01"}
    paths = write_qa_report(result, tmp_path / "qa.html", "broken.gpkg")
    html = paths["html"].read_text(encoding="utf-8")
    assert "CV-01" in html and "failed" in html and paths["pdf"].stat().st_size > 1000
    assert result.outcome("CV-01").status == FAILED


TOPOLOGY = ["CL-01", "CL-02", "CL-03", "CV-01", "CV-02", "CS-01", "CS-02", "CS-03", "GE-05"]
BACKENDS = ["shapely", "qgis", "postgis"]
COPIED = ("XZQ", "XZQ_XZ", "GHFQ", "STBHHX", "YJJBNT", "CZKFBJ")


def _findings(result):
    """Topology findings in a backend-neutral form: rule, layer, area, geometry."""
    found = []
    for error in result.errors:
        area = error.geometry.area() if error.geometry is not None else 0.0
        found.append((error.rule.id, error.layer, round(area, 2), error.geometry))
    return sorted(found, key=lambda f: f[:3])


@pytest.mark.parametrize("backend", BACKENDS)
def test_topology_rules_alike_on_every_backend(broken, backend, request):
    """The seeded defects give the same findings (rule, layer, area, place) on every backend;
    for PostGIS the broken layers are copied into a database of their own."""
    layers, _ = broken
    rules = load_qa_rules().subset(TOPOLOGY)
    reference = run_qa(layers, rules, backend="qgis")
    if backend == "postgis":
        layers = request.getfixturevalue("postgis_demo").copy_once("broken", {code: layers[code] for code in COPIED})
    result = run_qa(layers, rules, backend=backend)
    assert result.backend.lower().startswith(backend)
    assert [(o.rule.id, o.status, o.errors) for o in result.outcomes] == [
        (o.rule.id, o.status, o.errors) for o in reference.outcomes
    ]
    mine, theirs = _findings(result), _findings(reference)
    assert [f[:3] for f in mine] == [f[:3] for f in theirs] and len(mine) >= 4
    assert all(_same_place(a[3], b[3]) for a, b in zip(mine, theirs))
