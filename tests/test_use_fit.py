"""规划用途符合性 and 耕地占用 (issue #16) against shapely/GEOS computed directly on the same shapes."""

import textwrap

import pytest
from shapely.geometry import box
from shapely.ops import unary_union

from helpers import memory_layer
from yongji_plugin.core.shared.areas import AreaMethod
from yongji_plugin.core.shared.errors import PlanError
from yongji_plugin.core.site_check.check import (
    COMPLIANT,
    CONFLICT,
    NEEDS_REVIEW,
    NONCOMPLIANT,
    REVIEW,
    CheckParams,
    run_compliance,
)
from yongji_plugin.core.site_check.outputs import SUMMARY, result_layers
from yongji_plugin.core.site_check.report import render_html
from yongji_plugin.core.site_check.ruleset import load_ruleset

X, Y = 440000.0, 3860000.0
# planned classes: 工业 west, 住宅 middle, 留白 east, each 100 m × 100 m
BLOCKS = [
    (box(X, Y, X + 100, Y + 100), "1001", "工业用地"),
    (box(X + 100, Y, X + 200, Y + 100), "0701", "城镇住宅用地"),
    (box(X + 200, Y, X + 300, Y + 100), "16", "留白用地"),
]
# 三调 parcels: 水浇地 with KCXS, 旱地 with KCXS, 乔木林地; 永久基本农田 over part of the 旱地
PARCELS = [
    (box(X, Y - 100, X + 150, Y), "0102", 0.05),
    (box(X + 150, Y - 100, X + 300, Y), "0103", 0.12),
    (box(X, Y - 200, X + 300, Y - 100), "0301", 0.0),
]
PROTECTED = box(X + 200, Y - 80, X + 260, Y - 20)
BACKENDS = ["shapely", "qgis"]
RULES = """\
    rules:
      - {id: use, kind: use_fit, layer: ZXCQYD, title: 规划用途符合性, class_field: YDYHDM, key_fields: [YDYHDM]}
      - {id: farm, kind: farmland, layer: DLTB, title: 耕地占用, class_field: DLBM, protected_layer: YJJBNT}
    """


def _planned():
    return memory_layer(
        "MultiPolygon",
        "EPSG:4546",
        ["YDYHDM:string", "YDYHMC:string"],
        [(g.wkt, [c, n]) for g, c, n in BLOCKS],
        "ZXCQYD",
    )


def _parcels(deduction="KCXS"):
    fields = ["BSM:integer", "TBBH:string", "DLBM:string", "DLMC:string", "TBMJ:double"]
    fields += ["KCXS:double"] if deduction == "KCXS" else ["KCMJ:double"] if deduction == "KCMJ" else []
    rows = []
    for n, (g, code, k) in enumerate(PARCELS, 1):
        extra = [k] if deduction == "KCXS" else [round(g.area * k, 2)] if deduction == "KCMJ" else []
        rows.append((g.wkt, [n, f"{n:04d}", code, code, g.area] + extra))
    return memory_layer("MultiPolygon", "EPSG:4546", fields, rows, "DLTB")


def _layers(deduction="KCXS"):
    protected = memory_layer(
        "MultiPolygon",
        "EPSG:4546",
        ["BSM:integer", "YSDM:string", "TBBH:string", "MJ:double"],
        [(PROTECTED.wkt, [1, "x", "1", PROTECTED.area])],
        "YJJBNT",
    )
    return {"ZXCQYD": _planned(), "DLTB": _parcels(deduction), "YJJBNT": protected}


def _ruleset(tmp_path, text=RULES):
    path = tmp_path / "rules.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return load_ruleset(path)


SITES = {  # id: (shape, use)
    "mixed": (box(X + 50, Y - 50, X + 250, Y + 50), "1001"),  # 工业, 住宅, 留白 and farmland below
    "fits": (box(X + 10, Y + 10, X + 90, Y + 90), "工业用地"),  # a class name resolves to 1001
    "reserve": (box(X + 210, Y + 10, X + 290, Y + 90), "1001"),
    "unknown": (box(X + 10, Y + 10, X + 40, Y + 40), "9999"),
    "empty": (box(X + 10, Y + 10, X + 40, Y + 40), None),
    "outside": (box(X + 1000, Y, X + 1100, Y + 100), "1001"),
}


def _sites(use_field=True):
    fields = ["XMBH:string"] + (["XMYT:string"] if use_field else [])
    rows = [(g.wkt, [key] + ([use] if use_field else [])) for key, (g, use) in SITES.items()]
    return memory_layer("Polygon", "EPSG:4546", fields, rows, "sites")


@pytest.fixture(params=BACKENDS)
def result(request, tmp_path):
    params = CheckParams(AreaMethod.create(), backend=request.param)
    return run_compliance(_sites(), _layers(), _ruleset(tmp_path), params)


def _by_id(result):
    return {s.site.site_id: s for s in result.sites}


def test_use_fit_areas_per_planned_class(result):
    site = _by_id(result)["mixed"]
    shape = SITES["mixed"][0]
    expected = {code: shape.intersection(g).area for g, code, _ in BLOCKS}
    rows = {r["class_code"]: r for r in site.breakdown if r["rule_id"] == "use"}
    assert set(expected) <= set(rows), rows
    assert {c: rows[c]["area"] for c in expected} == pytest.approx(expected, rel=1e-9)
    assert rows["1001"]["assessment"] == "fits" and rows["0701"]["assessment"] == "misfit"
    assert rows["16"]["assessment"] == "review"
    outside = shape.area - unary_union([g for g, _, _ in BLOCKS]).intersection(shape).area
    assert rows[""]["area"] == pytest.approx(outside, rel=1e-9) and rows[""]["assessment"] == "none"
    outcome = site.outcomes["use"]
    assert outcome.status == CONFLICT and site.verdict == NONCOMPLIANT
    assert outcome.area == pytest.approx(expected["0701"], rel=1e-9)
    assert outcome.fit_share == pytest.approx(expected["1001"] / shape.area, rel=1e-9)
    assert any("1001 工业用地" in reason for reason in site.reasons)
    misfit = [p for p in result.pieces if p.rule_id == "use" and p.site_id == "mixed"]
    assert [p.attributes["YDYHDM"] for p in misfit] == ["0701"]


def test_use_fit_verdicts(result):
    sites = _by_id(result)
    assert sites["fits"].outcomes["use"].status == COMPLIANT and sites["fits"].verdict == COMPLIANT
    assert sites["fits"].outcomes["use"].fit_share == pytest.approx(1.0)
    reserve = sites["reserve"]
    assert reserve.outcomes["use"].status == REVIEW and reserve.verdict == NEEDS_REVIEW
    assert "论证" in reserve.reasons[0]
    for key, words in (("unknown", "9999"), ("empty", "no use"), ("outside", "outside")):
        outcome = sites[key].outcomes["use"]
        assert not outcome.applicable and words in outcome.note, key
        assert sites[key].verdict == COMPLIANT


def test_site_layer_without_use_field_is_not_applicable(tmp_path):
    result = run_compliance(_sites(use_field=False), _layers(), _ruleset(tmp_path), CheckParams(AreaMethod.create()))
    assert all(not s.outcomes["use"].applicable and "no use field" in s.outcomes["use"].note for s in result.sites)
    assert any("no use field" in warning for warning in result.warnings)
    summary = result_layers(result)["site_summary"]
    assert all(f["r1_status"].startswith("not applicable") for f in summary.getFeatures())


def _farmland_expected(shape):
    gross = net = inside = inside_net = 0.0
    for g, code, k in PARCELS:
        if code.startswith("01"):
            piece = shape.intersection(g)
            gross += piece.area
            net += piece.area * (1 - k)
            inside += piece.intersection(PROTECTED).area
            inside_net += piece.intersection(PROTECTED).area * (1 - k)
    return {"gross": gross, "net": net, "protected": inside, "protected_net": inside_net}


@pytest.mark.parametrize("deduction", ["KCXS", "KCMJ"])
@pytest.mark.parametrize("backend", BACKENDS)
def test_farmland_gross_and_net(tmp_path, deduction, backend):
    result = run_compliance(
        _sites(), _layers(deduction), _ruleset(tmp_path), CheckParams(AreaMethod.create(), backend=backend)
    )
    site = _by_id(result)["mixed"]
    expected = _farmland_expected(SITES["mixed"][0])
    got = site.farmland["farm"]
    assert {k: got[k] for k in expected} == pytest.approx(expected, rel=1e-6)
    assert got["deduction"] == pytest.approx(expected["gross"] - expected["net"], rel=1e-6)
    assert [w for w in result.warnings if "plan area" not in w] == []  # the test layers have no 市域 (XZQ)
    summary = {f["site_id"]: f for f in result_layers(result)["site_summary"].getFeatures()}
    assert summary["mixed"]["f1n_m2"] == pytest.approx(round(expected["net"], 2))
    assert summary["mixed"]["f1q_m2"] == pytest.approx(round(expected["protected_net"], 2))


def test_farmland_without_deduction_fields_says_so(tmp_path):
    result = run_compliance(_sites(), _layers(None), _ruleset(tmp_path), CheckParams(AreaMethod.create()))
    got = _by_id(result)["mixed"].farmland["farm"]
    assert got["net"] == pytest.approx(got["gross"]) and got["gross"] > 0
    assert any("no 田坎 deduction" in warning for warning in result.warnings)


def test_sites_on_parcels_without_tiankan_data_are_marked(tmp_path):
    """The run logged that some parcels carry no 田坎 data, but no output said which sites it touched."""
    layers = _layers()
    parcels = layers["DLTB"]
    index = parcels.fields().lookupField("KCXS")
    blank = next(f.id() for f in parcels.getFeatures() if f["DLBM"] == "0103")
    parcels.dataProvider().changeAttributeValues({blank: {index: None}})
    result = run_compliance(_sites(), layers, _ruleset(tmp_path), CheckParams(AreaMethod.create()))
    summary = {f["site_id"]: f for f in result_layers(result)[SUMMARY].getFeatures()}
    undeducted = SITES["mixed"][0].intersection(PARCELS[1][0]).area  # the 旱地 whose KCXS was blanked
    assert _by_id(result)["mixed"].farmland["farm"]["undeducted"] == pytest.approx(undeducted, rel=1e-9)
    assert summary["mixed"]["f1u_m2"] == pytest.approx(round(undeducted, 2))
    assert summary["fits"]["f1u_m2"] == 0
    rows = [r for r in _by_id(result)["mixed"].breakdown if r["rule_id"] == "farm"]
    assert any("田坎 data" in r["class_name"] and r["area"] == pytest.approx(undeducted) for r in rows)


def test_farmland_coefficient_out_of_range_is_an_error(tmp_path):
    layers = _layers()
    parcels = layers["DLTB"]
    parcels.dataProvider().changeAttributeValues({1: {parcels.fields().lookupField("KCXS"): 5.0}})
    with pytest.raises(PlanError, match="DLTB.*feature 1.*5.0"):
        run_compliance(_sites(), layers, _ruleset(tmp_path), CheckParams(AreaMethod.create()))


def test_bad_rules_and_table_are_named(tmp_path):
    with pytest.raises(PlanError, match="use_table nowhere.yaml"):
        _ruleset(tmp_path, RULES.replace("key_fields: [YDYHDM]}", "use_table: nowhere.yaml}"))
    with pytest.raises(PlanError, match="layer NOPE is not in the layer catalogue"):
        _ruleset(tmp_path, RULES.replace("protected_layer: YJJBNT", "protected_layer: NOPE"))


def test_report_shows_use_fit_and_net_farmland(result, tmp_path):
    html = render_html(result, tmp_path)
    for text in ("规划用途符合性", "project use 1001 工业用地", "does not fit", "耕地占用", "net of 田坎", "Use fit"):
        assert text in html, text


def test_demo_sites_show_use_fit_and_net_farmland(plan, demo_gpkg):
    from qgis.core import QgsVectorLayer

    from helpers import shapes

    sites = QgsVectorLayer(f"{demo_gpkg}|layername=sites", "sites", "ogr")
    result = run_compliance(sites, plan, load_ruleset(), CheckParams(AreaMethod.create()))
    case = {f.id(): f["CASE"] for f in sites.getFeatures()}
    status = {
        case[s.site.fid]: s.outcomes["use_fit_planned_use"].status
        for s in result.sites
        if case[s.site.fid].startswith("use_")
    }
    assert status == {"use_fit": COMPLIANT, "use_misfit": CONFLICT, "use_review": REVIEW}
    parcels = shapes(plan["DLTB"], "\"DLBM\" LIKE '01%'")
    taken = [s for s in result.sites if s.farmland["farmland_occupation"]["gross"] > 1000]
    assert taken
    for s in taken:
        shape = [g for f, g in shapes(sites) if f.id() == s.site.fid][0]
        net = sum(shape.intersection(g).area * (1 - f["KCXS"]) for f, g in parcels)
        assert s.farmland["farmland_occupation"]["net"] == pytest.approx(net, rel=1e-6)
    summary = result_layers(result)["site_summary"]
    names = summary.fields().names()
    assert "f1n_m2" in names and any(n.endswith("_fit") for n in names)


def test_a_site_needing_lunzheng_is_a_verdict_of_its_own(result, tmp_path, locale):
    """需论证 was printed as 合规 in green, its use fit as "0.00%", and no count said 需论证."""
    from yongji_plugin.core.site_check.outputs import SUMMARY, result_layers
    from yongji_plugin.core.site_check.report import write_report
    from yongji_plugin.core.site_check.result_styles import verdict_renderer

    locale("zh_CN")
    reserve = _by_id(result)["reserve"]
    assert result.counts()[NEEDS_REVIEW] == 1 and reserve.outcomes["use"].review_share == pytest.approx(1.0)
    summary = {f["site_id"]: f for f in result_layers(result)[SUMMARY].getFeatures()}
    assert summary["reserve"]["verdict"] == "需论证"
    assert "需论证" in [c.value() for c in verdict_renderer().categories()]
    html = write_report(result, tmp_path / "report.html")["html"].read_text(encoding="utf-8")
    assert '<td class="review">需论证</td>' in html and "1 个需论证" in html
    assert '<td class="review">需论证 100.00%</td>' in html
