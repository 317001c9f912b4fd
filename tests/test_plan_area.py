"""Plausibility of place (issue #24.4): a site wholly outside the city is "not checked: outside the
plan area", never 合规; a site partly outside says how much (against shapely); sites in coordinates
labelled with the wrong zone are named with the zone that fits."""

from qgis.core import QgsVectorLayer
from shapely.geometry import box
from shapely.ops import unary_union

from helpers import memory_layer, shapes
from yongji_plugin.core.shared.areas import AreaMethod
from yongji_plugin.core.site_check.check import UNCHECKED, CheckParams, run_compliance
from yongji_plugin.core.site_check.ruleset import load_ruleset


def test_sites_outside_the_city(plan):
    city = unary_union([g for _, g in shapes(plan["XZQ"])])
    x0, y0, x1, y1 = city.bounds
    inside = city.representative_point()
    across = box(x0 - 50, inside.y - 50, x0 + 150, inside.y + 50)  # on the western edge's latitude band
    while not (across.intersects(city) and not across.within(city)):
        across = box(across.bounds[0] + 100, inside.y - 50, across.bounds[2] + 100, inside.y + 50)
    far = box(x1 + 20000, y0, x1 + 20100, y0 + 100)
    sites = memory_layer(
        "Polygon",
        "EPSG:4546",
        ["XMBH:string"],
        [
            (far.wkt, ["far"]),
            (across.wkt, ["across"]),
            (box(inside.x - 20, inside.y - 20, inside.x + 20, inside.y + 20).wkt, ["in"]),
        ],
        "用地红线",
    )
    result = run_compliance(sites, plan, load_ruleset(), CheckParams(AreaMethod.create()))
    by_id = {s.site.site_id: s for s in result.sites}
    assert by_id["far"].verdict == UNCHECKED and "outside the plan area" in by_id["far"].reasons[0]
    assert by_id["far"].outcomes == {}
    outside = across.area - across.intersection(city).area
    note = next(r for r in by_id["across"].reasons if "outside the plan area" in r)
    assert f"{outside:.2f} m²" in note
    assert by_id["in"].verdict != UNCHECKED


def test_sites_in_a_mislabelled_zone_name_the_zone_that_fits(plan, demo_gpkg):
    """EPSG:4546 coordinates in a layer labelled EPSG:4545 were judged compliant without a word."""
    demo = QgsVectorLayer(f"{demo_gpkg}|layername=sites", "sites", "ogr")
    rows = [(f.geometry().asWkt(), [f["XMBH"]]) for f in demo.getFeatures()]
    mislabelled = memory_layer("Polygon", "EPSG:4545", ["XMBH:string"], rows, "错带红线")
    result = run_compliance(mislabelled, plan, load_ruleset(), CheckParams(AreaMethod.create()))
    assert {s.verdict for s in result.sites} == {UNCHECKED}
    warning = next(w for w in result.warnings if "outside the plan area" in w)
    assert "EPSG:4545" in warning and "EPSG:4546" in warning


def test_without_the_plan_area_the_run_says_it_cannot_tell(plan, demo_gpkg):
    demo = QgsVectorLayer(f"{demo_gpkg}|layername=sites", "sites", "ogr")
    layers = {code: layer for code, layer in plan.items() if code != "XZQ"}
    result = run_compliance(demo, layers, load_ruleset(), CheckParams(AreaMethod.create()))
    assert any("plan area (XZQ) was not given" in w for w in result.warnings)
