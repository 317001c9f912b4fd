"""The compliance engine against shapely/GEOS computed directly on the same demo data."""

import gc
import hashlib

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsProject, QgsVectorLayer
from shapely.ops import unary_union

from helpers import memory_layer, shapes, to_shapely
from yongji_plugin.core.shared.areas import ELLIPSOIDAL, AreaMethod, mu
from yongji_plugin.core.shared.errors import PlanError
from yongji_plugin.core.site_check.check import (
    COMPLIANT,
    CONFLICT,
    NONCOMPLIANT,
    SLIVER,
    CheckParams,
    run_compliance,
)
from yongji_plugin.core.site_check.outputs import result_layers, write_geopackage
from yongji_plugin.core.site_check.ruleset import load_ruleset

REL = 1e-6
BACKENDS = ["shapely", "qgis", "postgis"]


@pytest.fixture(scope="module")
def sites(demo_gpkg):
    holder = [QgsVectorLayer(f"{demo_gpkg}|layername=sites", "sites", "ogr")]
    yield holder[0]
    holder.clear()
    gc.collect()


@pytest.fixture(scope="module", params=BACKENDS)
def backend(request):
    """Each overlay engine backend in turn: the check's tests run under every one of them."""
    return request.param


@pytest.fixture(scope="module")
def checked_plan(request, backend, plan):
    """The control layers as the backend reads them: the GeoPackage, or its copy in PostGIS."""
    if backend == "postgis":
        return {code: layer for code, layer in request.getfixturevalue("postgis_demo").plan.items() if code != "sites"}
    return plan


@pytest.fixture(scope="module")
def result(checked_plan, sites, backend):
    outcome = run_compliance(sites, checked_plan, load_ruleset(), CheckParams(AreaMethod.create(), backend=backend))
    yield outcome
    del outcome
    gc.collect()


@pytest.fixture(scope="module")
def reference(plan, sites):
    """The QGIS backend on the GeoPackage: what every backend must agree with (1e-9)."""
    outcome = run_compliance(sites, plan, load_ruleset(), CheckParams(AreaMethod.create(), backend="qgis"))
    yield outcome
    del outcome
    gc.collect()


def _close(a, b, rel=REL, absolute=1e-6):
    return abs(a - b) <= max(rel * max(abs(a), abs(b)), absolute)


def test_areas_match_shapely(result, plan, sites):
    ruleset = load_ruleset()
    site_shapes = {f.id(): g for f, g in shapes(sites)}
    for rule in (r for r in ruleset.verdict_rules if r.kind in ("no_overlap", "within")):  # use_fit: test_use_fit
        control = unary_union([g for _, g in shapes(plan[rule.layer], rule.filter)])
        for site_result in result.sites:
            site = site_shapes[site_result.site.fid]
            expected = site.intersection(control).area if rule.kind == "no_overlap" else site.difference(control).area
            got = site_result.outcomes[rule.id].area
            assert _close(got, expected), (site_result.site.site_id, rule.id, got, expected)
        assert all(_close(s.area, site_shapes[s.site.fid].area) for s in result.sites)


def test_land_class_breakdown_matches_shapely(result, plan, sites):
    parcels = shapes(plan["DLTB"])
    site_shapes = {f.id(): g for f, g in shapes(sites)}
    for site_result in result.sites[:6]:
        site = site_shapes[site_result.site.fid]
        expected = {}
        for feature, geometry in parcels:
            area = site.intersection(geometry).area
            if area > 0:
                code = feature["DLBM"][:2]
                expected[code] = expected.get(code, 0.0) + area
        got = {r["class_code"]: r["area"] for r in site_result.breakdown if r["rule_id"] == "breakdown_land_class"}
        assert got.keys() == expected.keys()
        assert all(_close(got[k], expected[k]) for k in got), site_result.site.site_id
        assert _close(sum(got.values()), site.area)


def test_every_verdict_case(result, sites):
    case = {f.id(): f["CASE"] for f in sites.getFeatures()}
    by_case = {}
    for s in result.sites:
        by_case.setdefault(case[s.site.fid], []).append(s)
    conflicts = lambda s: {k for k, o in s.outcomes.items() if o.status == CONFLICT}  # noqa: E731
    assert all(s.verdict == COMPLIANT and not s.reasons for s in by_case["clean"])
    assert all(conflicts(s) == {"no_overlap_ecological_redline"} for s in by_case["redline"])
    assert all(conflicts(s) == {"no_overlap_permanent_farmland"} for s in by_case["farmland"])
    assert all(conflicts(s) == {"within_urban_boundary"} for s in by_case["outside_udb"])
    assert conflicts(by_case["multiple"][0]) == {"no_overlap_permanent_farmland", "within_urban_boundary"}
    assert conflicts(by_case["protected"][0]) == {"no_overlap_ecological_redline", "no_overlap_protected_area"}
    assert conflicts(by_case["heritage"][0]) == {"no_overlap_heritage_line"}
    for s in by_case["sliver"]:
        assert s.verdict == COMPLIANT
        assert [o.status for o in s.outcomes.values() if o.area > 0 and o.applicable] == [SLIVER]
        assert "sliver" in s.reasons[0]
    invalid = by_case["invalid"][0]
    assert invalid.verdict == COMPLIANT and "repaired" in invalid.reasons[0]
    assert [r.feature for r in result.repairs] == [invalid.site.site_id]
    assert by_case["multipart"][0].verdict == NONCOMPLIANT
    infrastructure = [s for s in result.sites if s.site.site_type == "基础设施"]
    assert all(not s.outcomes["within_urban_boundary"].applicable for s in infrastructure)


def test_backends_agree(result, reference, backend):
    """Areas to 1e-9, verdicts, reasons, pieces per site and rule, breakdown and repairs."""
    assert result.backend.lower().startswith(backend) and reference.backend.startswith("QGIS")
    assert len(result.sites) == len(reference.sites)
    for mine, theirs in zip(result.sites, reference.sites):
        assert mine.verdict == theirs.verdict and len(mine.reasons) == len(theirs.reasons)
        assert _close(mine.area, theirs.area, 1e-9)
        for key, outcome in theirs.outcomes.items():
            assert _close(mine.outcomes[key].area, outcome.area, 1e-9, 1e-6), (mine.site.site_id, key)
            assert mine.outcomes[key].status == outcome.status
        assert [(b["rule_id"], b["class_code"]) for b in mine.breakdown] == [
            (b["rule_id"], b["class_code"]) for b in theirs.breakdown
        ]
        assert all(_close(a["area"], b["area"], 1e-9, 1e-6) for a, b in zip(mine.breakdown, theirs.breakdown))

    def pieces(outcome):
        return sorted(
            (p.site_key, p.rule_id, p.status, round(p.area, 3), tuple(sorted(p.attributes.items())))
            for p in outcome.pieces
        )

    assert pieces(result) == pieces(reference)
    assert [(r.layer, r.feature, r.problem) for r in result.repairs] == [
        (r.layer, r.feature, r.problem) for r in reference.repairs
    ]


def test_same_areas_in_other_crs(checked_plan, sites, result, backend, tmp_path):
    base = {s.site.site_id: (s.area, {k: o.area for k, o in s.outcomes.items()}) for s in result.sites}
    for authid in ("EPSG:4326", "EPSG:4525"):
        moved = sites.materialize(_reproject_request(authid))
        assert moved.crs().authid() == authid
        other = run_compliance(moved, checked_plan, load_ruleset(), CheckParams(AreaMethod.create(), backend=backend))
        for s in other.sites:
            area, rules = base[s.site.site_id]
            assert _close(s.area, area, 1e-6, 1e-4), (authid, s.site.site_id)
            for key, value in s.outcomes.items():
                assert _close(value.area, rules[key], 1e-6, 1e-3), (authid, s.site.site_id, key)


def _reproject_request(authid):
    from qgis.core import QgsFeatureRequest

    request = QgsFeatureRequest()
    request.setDestinationCrs(QgsCoordinateReferenceSystem(authid), QgsProject.instance().transformContext())
    return request


def test_overlapping_control_features_count_once():
    site = memory_layer(
        "Polygon",
        "EPSG:4546",
        ["XMBH:string"],
        [("POLYGON((440000 3860000, 441000 3860000, 441000 3861000, 440000 3861000, 440000 3860000))", ["A"])],
    )
    farmland = memory_layer(
        "Polygon",
        "EPSG:4546",
        ["TBBH:string", "ZLDWMC:string"],
        [
            ("POLYGON((439500 3860000, 440500 3860000, 440500 3861000, 439500 3861000, 439500 3860000))", ["1", "x"]),
            ("POLYGON((440200 3860000, 440500 3860000, 440500 3861000, 440200 3861000, 440200 3860000))", ["2", "x"]),
        ],
    )
    ruleset = load_ruleset()
    ruleset.rules = [r for r in ruleset.rules if r.id == "no_overlap_permanent_farmland"]
    result = run_compliance(site, {"YJJBNT": farmland}, ruleset, CheckParams(AreaMethod.create()))
    outcome = result.sites[0].outcomes["no_overlap_permanent_farmland"]
    assert _close(outcome.area, 500 * 1000)
    assert _close(outcome.share, 0.5)
    assert len(result.pieces) == 2  # both pieces kept, with their own feature ids
    assert {p.attributes["TBBH"] for p in result.pieces} == {"1", "2"}
    assert _close(mu(outcome.area), 750.0)


def test_ellipsoidal_is_explicit_and_close(checked_plan, sites, result, backend):
    method = AreaMethod.create(method=ELLIPSOIDAL)
    other = run_compliance(sites, checked_plan, load_ruleset(), CheckParams(method, backend=backend))
    assert "ellipsoidal" in method.describe() and "planar" in result.params.area.describe()
    for a, b in zip(result.sites, other.sites):
        assert a.area != b.area and abs(a.area - b.area) / a.area < 1e-3


def test_inputs_untouched_and_outputs_written(plan, sites, demo_gpkg, tmp_path):
    digest = hashlib.sha256(demo_gpkg.read_bytes()).hexdigest()
    result = run_compliance(sites, plan, load_ruleset(), CheckParams(AreaMethod.create()))
    layers = result_layers(result)
    assert layers["site_summary"].featureCount() == sites.featureCount()
    assert layers["conflicts"].featureCount() == len(result.pieces) > 0
    written = write_geopackage(layers, tmp_path / "result.gpkg")
    assert {k: v.featureCount() for k, v in written.items()} == {k: v.featureCount() for k, v in layers.items()}
    assert hashlib.sha256(demo_gpkg.read_bytes()).hexdigest() == digest


POLY = "POLYGON((440000 3860000, 440100 3860000, 440100 3860100, 440000 3860000))"


@pytest.mark.parametrize(
    "kind, wkt, crs, message",
    [
        ("Polygon", None, "EPSG:4546", "has no features"),
        ("Point", "POINT(440000 3860000)", "EPSG:4546", "must contain polygons, not Point"),
        ("LineString", "LINESTRING(440000 3860000, 440100 3860100)", "EPSG:4546", "must contain polygons, not Line"),
        ("Polygon", POLY, None, "has no CRS"),
    ],
)
def test_bad_site_layers(plan, kind, wkt, crs, message):
    rows = [(wkt, ["A"])] if wkt else []
    layer = memory_layer(kind, crs, ["XMBH:string"], rows, name="红线")
    with pytest.raises(PlanError, match=message) as error:
        run_compliance(layer, plan, load_ruleset(), CheckParams(AreaMethod.create()))
    assert "红线" in str(error.value)


def test_missing_control_layer_is_named(plan, sites):
    partial = {k: v for k, v in plan.items() if k != "YJJBNT"}
    with pytest.raises(PlanError, match=r"永久基本农田 \(YJJBNT\) is missing"):
        run_compliance(sites, partial, load_ruleset(), CheckParams(AreaMethod.create()))


def test_shapely_copy_helper_is_faithful(sites):
    feature = next(sites.getFeatures())
    assert abs(to_shapely(feature.geometry()).area - feature.geometry().area()) < 1e-6


def test_site_without_geometry_is_reported_not_checked(plan):
    layer = memory_layer(
        "Polygon",
        "EPSG:4546",
        ["XMBH:string"],
        [("POLYGON((452000 3860000, 452100 3860000, 452100 3860100, 452000 3860100, 452000 3860000))", ["A"])],
    )
    from qgis.core import QgsFeature

    empty = QgsFeature(layer.fields())
    empty.setAttributes(["B"])
    layer.dataProvider().addFeatures([empty])
    result = run_compliance(layer, plan, load_ruleset(), CheckParams(AreaMethod.create()))
    by_id = {s.site.site_id: s for s in result.sites}
    assert by_id["B"].verdict == "unchecked" and by_id["B"].reasons == ["site has no geometry"]
    assert by_id["A"].verdict in (COMPLIANT, NONCOMPLIANT)


def test_bad_rule_set_and_missing_key_field(plan, sites, tmp_path):
    broken = tmp_path / "rules.yaml"
    broken.write_text("rules:\n  - {id: x, kind: sideways, layer: STBHHX, title: t}\n", encoding="utf-8")
    with pytest.raises(PlanError, match="is not valid:\n- rule x: unknown kind sideways"):
        load_ruleset(broken)
    stripped = memory_layer(
        "Polygon",
        "EPSG:4546",
        ["BSM:integer"],
        [("POLYGON((440000 3860000, 440100 3860000, 440100 3860100, 440000 3860000))", [1])],
        name="红线无名称",
    )
    ruleset = load_ruleset()
    ruleset.rules = [r for r in ruleset.rules if r.layer == "STBHHX"]
    with pytest.raises(PlanError, match="Control layer 红线无名称 lacks field HXMC"):
        run_compliance(sites, {"STBHHX": stripped}, ruleset, CheckParams(AreaMethod.create()))


def test_a_rule_filter_on_a_missing_field_stops_the_check(plan, sites, tmp_path):
    """A filter naming a field the layer lacks selected nothing: every site passed the red line,
    one 16,200 m² inside it included."""
    rules = tmp_path / "rules.yaml"
    rules.write_text(
        'rules:\n  - {id: red, kind: no_overlap, layer: STBHHX, title: 生态保护红线, filter: "\\"HXLX\\" = \'1\'"}\n'
        "  - {id: lc, kind: breakdown, layer: DLTB, title: 地类构成, class_field: NOSUCH}\n",
        encoding="utf-8",
    )
    with pytest.raises(PlanError) as error:
        run_compliance(sites, plan, load_ruleset(rules), CheckParams(AreaMethod.create()))
    text = str(error.value)
    assert "has no field HXLX, which rule red (生态保护红线) reads in its filter" in text
    assert "has no field NOSUCH, which rule lc (地类构成) reads in its class field" in text
