"""Site identity: NULL, empty and duplicate site ids are reported with the features named, and each
site's outputs (summary row, conflicts, breakdown, report section, map) belong to that site alone.

Issue #11 item 3: a NULL id was replaced by the feature id (which can equal a real id) and two
sites with one id shared their breakdowns in the report (shares up to 200 %).
"""

import re

from qgis.core import Qgis, QgsProcessingFeedback
from shapely.geometry import box

from helpers import memory_layer, wait_for_task
from yongji_plugin.core.shared.areas import AreaMethod
from yongji_plugin.core.site_check.check import NONCOMPLIANT, CheckParams, run_compliance
from yongji_plugin.core.site_check.outputs import result_layers
from yongji_plugin.core.site_check.report import ReportWriter, write_report
from yongji_plugin.core.site_check.ruleset import load_ruleset

WEST = box(440000, 3860000, 440500, 3860500)  # 耕地 (01)
EAST = box(440500, 3860000, 441000, 3860500)  # 林地 (03), the red line covers its north half
REDLINE = box(440500, 3860250, 441000, 3860500)


def _plan():
    parcels = memory_layer(
        "Polygon", "EPSG:4546", ["DLBM:string"], [(WEST.wkt, ["0101"]), (EAST.wkt, ["0301"])], name="三调地类"
    )
    redline = memory_layer("Polygon", "EPSG:4546", ["HXMC:string"], [(REDLINE.wkt, ["红线"])], name="生态保护红线")
    return {"DLTB": parcels, "STBHHX": redline}


def _rules():
    ruleset = load_ruleset()
    ruleset.rules = [r for r in ruleset.rules if r.id in ("no_overlap_ecological_redline", "breakdown_land_class")]
    return ruleset


def _sites(ids, fields=("XMBH:string",)):
    """One 150 × 200 m site per id, alternately on the west parcel and on the east one (red line)."""
    xs = [440100, 440700, 440250, 440800]
    rows = [(box(xs[i], 3860100, xs[i] + 150, 3860300).wkt, [value] if fields else []) for i, value in enumerate(ids)]
    return memory_layer("Polygon", "EPSG:4546", list(fields), rows, name="用地红线")


def _check(sites):
    return run_compliance(sites, _plan(), _rules(), CheckParams(AreaMethod.create()))


def _sections(result):
    """The report's site sections as the template gets them (maps left out)."""
    writer = ReportWriter(result, "report.html", with_maps=False)
    return [writer.site_context(index) for index in writer.detailed]


def _breakdown(section):
    return [row for table in section["breakdowns"] for row in table["rows"]]


def _shares(section):
    return sum(float(row["pct"].rstrip("%")) for row in _breakdown(section))


def test_duplicate_ids_keep_their_own_breakdown_conflicts_and_map(tmp_path):
    sites = _sites(["A", "A"])  # feature 1 on 耕地 only, feature 2 on 林地 and the red line
    result = _check(sites)
    sections = _sections(result)
    assert [round(_shares(s), 2) for s in sections] == [100.0, 100.0]  # was [200.0, 200.0]
    assert [[row["title"].split()[0] for row in _breakdown(s)] for s in sections] == [["01"], ["03"]]

    first, second = result.sites
    assert (first.site.key, second.site.key) == (1, 2)
    assert first.site.site_id == second.site.site_id == "A"
    assert {r["class_code"] for r in first.breakdown} == {"01"}
    assert {r["class_code"] for r in second.breakdown} == {"03"}
    assert second.verdict == NONCOMPLIANT

    layers = result_layers(result)
    assert [f["site_fid"] for f in layers["site_summary"].getFeatures()] == [1, 2]
    assert {f["site_fid"] for f in layers["conflicts"].getFeatures()} == {2}
    assert sorted((f["site_fid"], f["class_code"]) for f in layers["landclass_breakdown"].getFeatures()) == [
        (1, "01"),
        (2, "03"),
    ]

    html = write_report(result, tmp_path / "report.html")["html"].read_text(encoding="utf-8")
    assert len(set(re.findall(r"site_\d{5}_conflict\.png", html))) == 2  # a map each, not one shared


def test_duplicate_ids_are_reported_naming_every_feature():
    result = _check(_sites(["A", "B", "A", "A"]))
    warnings = [w for w in result.warnings if "plan area" not in w]  # these layers have no 市域 (XZQ)
    assert len(warnings) == 1
    assert re.search(r"id A is shared by features 1, 3, 4", warnings[0]), warnings
    assert "用地红线" in warnings[0]
    for site_result in result.sites:
        shared = [r for r in site_result.reasons if "shared" in r]
        assert bool(shared) == (site_result.site.site_id == "A"), site_result.reasons


def test_null_and_empty_ids_never_borrow_a_real_id():
    """Feature 2 has no id; before, it was labelled "2" — the real id of feature 1."""
    sites = _sites(["2", None, "", "   "])
    result = _check(sites)
    labels = [s.site.site_id for s in result.sites]
    assert labels[0] == "2"
    assert labels[1:] == ["(no id) feature 2", "(no id) feature 3", "(no id) feature 4"]
    assert len(set(labels)) == 4
    for site_result in result.sites[1:]:
        assert any("has no id" in r for r in site_result.reasons), site_result.reasons
    assert any(re.search(r"用地红线: features 2, 3, 4 have no id in XMBH", w) for w in result.warnings), result.warnings
    sections = _sections(result)
    assert all(abs(_shares(s) - 100.0) < 0.01 for s in sections)


def test_a_real_id_equal_to_a_generated_label_is_a_duplicate():
    result = _check(_sites(["(no id) feature 2", None]))
    assert result.sites[0].site.key != result.sites[1].site.key
    assert any("shared by features 1, 2" in w for w in result.warnings), result.warnings


def test_layer_without_id_field_names_sites_by_feature(tmp_path):
    sites = _sites(["x", "y"], fields=("NOTE:string",))
    result = _check(sites)
    assert [s.site.site_id for s in result.sites] == ["(no id) feature 1", "(no id) feature 2"]
    assert any("has no id field" in w and "用地红线" in w for w in result.warnings), result.warnings


def test_chinese_label_for_missing_id(locale):
    locale("zh_CN")
    result = _check(_sites([None]))
    assert result.sites[0].site.site_id == "（无编号）要素 1"


class _Feedback(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.errors = []

    def reportError(self, error, fatalError=False):
        self.errors.append((error, fatalError))
        super().reportError(error, fatalError)


def _demo_sites_with_one_id(demo_gpkg):
    from qgis.core import QgsFeatureRequest, QgsVectorLayer

    demo = QgsVectorLayer(f"{demo_gpkg}|layername=sites", "sites", "ogr")
    layer = demo.materialize(QgsFeatureRequest().setFilterExpression("\"CASE\" in ('clean', 'redline')"))
    index = layer.fields().lookupField("XMBH")
    layer.dataProvider().changeAttributeValues({f.id(): {index: "YJ-DUP"} for f in layer.getFeatures()})
    layer.setName("用地红线")
    return layer


def test_processing_reports_duplicates_and_keeps_every_site(provider, demo_gpkg):
    import processing

    sites = _demo_sites_with_one_id(demo_gpkg)
    feedback = _Feedback()
    result = processing.run(
        "yongji:sitecompliance",
        {
            "SITES": sites,
            "PLAN_GPKG": str(demo_gpkg),
            "SITE_SUMMARY": "TEMPORARY_OUTPUT",
            "CONFLICTS": "TEMPORARY_OUTPUT",
            "LANDCLASS_BREAKDOWN": "TEMPORARY_OUTPUT",
            "REPAIRS": "TEMPORARY_OUTPUT",
        },
        feedback=feedback,
    )
    assert any("YJ-DUP is shared by features" in text and not fatal for text, fatal in feedback.errors), feedback.errors
    summary = result["SITE_SUMMARY"]
    assert summary.featureCount() == sites.featureCount() >= 2
    assert sorted(f["site_fid"] for f in summary.getFeatures()) == sorted(f.id() for f in sites.getFeatures())


def _run_dialog(qgis_iface, sites, selected_only=False):
    """Run the dialog on ``sites``; the Warning-level message-bar texts it pushed."""
    from yongji_plugin.gui.site_check.dialog import ComplianceDialog

    warnings = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning)
    before = len(warnings)
    dialog = ComplianceDialog(qgis_iface, open_report=False)
    dialog.sitesCombo.setCurrentIndex(dialog.sitesCombo.findData(sites.id()))
    dialog.selectedOnlyCheck.setChecked(selected_only)
    assert dialog.run() is not None
    wait_for_task(dialog, seconds=60)
    return dialog, warnings[before:]


def test_dialog_shows_the_duplicate_warning(plan_project, demo_gpkg, qgis_iface):
    sites = _demo_sites_with_one_id(demo_gpkg)
    plan_project.addMapLayer(sites)
    dialog, warnings = _run_dialog(qgis_iface, sites)
    assert any("YJ-DUP is shared by features" in text for text in warnings), warnings
    assert dialog.outputs["site_summary"].featureCount() == sites.featureCount()


def test_dialog_names_the_users_features_for_a_selection(plan_project, demo_gpkg, qgis_iface):
    """Feature ids in warnings and outputs are the user's, not those of a copy made for the task."""
    from qgis.core import QgsFeatureRequest, QgsVectorLayer

    demo = QgsVectorLayer(f"{demo_gpkg}|layername=sites", "sites", "ogr")
    sites = demo.materialize(QgsFeatureRequest())  # a memory layer, like an imported coordinate file
    sites.setName("用地红线")
    fids = sorted(f.id() for f in sites.getFeatures())
    chosen = fids[3], fids[5]
    sites.dataProvider().deleteFeatures([fids[0]])
    index = sites.fields().lookupField("XMBH")
    sites.dataProvider().changeAttributeValues({fid: {index: "YJ-TWICE"} for fid in chosen})
    plan_project.addMapLayer(sites)
    sites.selectByIds(list(chosen))
    dialog, warnings = _run_dialog(qgis_iface, sites, selected_only=True)
    assert any(f"YJ-TWICE is shared by features {chosen[0]}, {chosen[1]}" in text for text in warnings), warnings
    assert sorted(f["site_fid"] for f in dialog.outputs["site_summary"].getFeatures()) == list(chosen)


def test_feature_ids_not_attributes_key_the_pieces():
    sites = _sites(["A", "A"])
    result = _check(sites)
    assert {p.site_key for p in result.pieces} == {2}
