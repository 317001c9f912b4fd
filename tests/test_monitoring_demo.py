"""规划实施监测预警 on the demo and its 现状 snapshots of 2022 and 2024 (scripts/yongji_demo/snapshots.py):
every known change found with the area shapely measures from the layers themselves and the level
computed by hand; the dialog (real widgets, real QgsTask), Processing in-process and ``qgis_process``."""

import pytest
import yaml
from qgis.core import Qgis, QgsProcessingException, QgsProcessingFeedback, QgsProject, QgsVectorLayer
from shapely.ops import unary_union
from shapely.strtree import STRtree

from helpers import pdf_text, shapes, wait_for_task
from qgis_process_runner import json_payload, qgis_process
from yongji_plugin.core.indicators.definitions import load_indicators
from yongji_plugin.core.monitoring.changes import LOST
from yongji_plugin.core.monitoring.outputs import FINDINGS, TOWNSHIP_TABLE
from yongji_plugin.core.monitoring.rules import RED, YELLOW, load_rules
from yongji_plugin.core.monitoring.run import MonitorParams, run_monitoring
from yongji_plugin.core.monitoring.snapshots import SnapshotInput
from yongji_plugin.core.shared.areas import AreaMethod
from yongji_plugin.paths import resource

YEARS = (2022, 2024)
RULE_LAYERS = {
    "ecological_redline": ("STBHHX", None),
    "permanent_farmland": ("YJJBNT", None),
    "protected_core": ("ZRBHD", "\"GNFQ\" = '1'"),
    "heritage_line": ("LSWHBHX", None),
}


@pytest.fixture(scope="module")
def snapshot_gpkg(demo_data, tmp_path_factory):
    from yongji_demo.snapshots import write_snapshots

    path = tmp_path_factory.mktemp("xianzhuang") / "yongji_xianzhuang.gpkg"
    write_snapshots(path, demo_data[1])
    return path


def snapshot(path, year):
    return QgsVectorLayer(f"{path}|layername=DLTB_{year}", f"DLTB_{year}", "ogr")


@pytest.fixture(scope="module")
def layers(snapshot_gpkg, plan):
    return {2019: plan["DLTB"], **{y: snapshot(snapshot_gpkg, y) for y in YEARS}}


@pytest.fixture(scope="module")
def result(plan, layers):
    params = MonitorParams(AreaMethod.create(), load_rules(), load_indicators())
    return run_monitoring(plan, [SnapshotInput(layers[y]) for y in YEARS], params)


@pytest.fixture(scope="module")
def classes():
    raw = yaml.safe_load(resource("land_survey_classes.yaml").read_text(encoding="utf-8"))
    return {code: entry["category"] for code, entry in raw["classes"].items()}


def union_of(layer, codes):
    return unary_union([g for f, g in shapes(layer) if f["DLBM"] in codes])


def test_new_construction_on_each_control_line_matches_shapely(result, plan, layers, classes):
    construction = {c for c, cat in classes.items() if cat == "construction"}
    for earlier, later in ((2019, 2022), (2022, 2024)):
        new = union_of(layers[later], construction).difference(union_of(layers[earlier], construction))
        change = next(c for c in result.years if c.year == later)
        assert sum(p.area for p in change.construction) == pytest.approx(new.area, abs=1.0 + change.slivers)
        for rule_id, (code, expression) in RULE_LAYERS.items():
            control = unary_union([g for _, g in shapes(plan[code], expression)])
            found = sum(f.area for f in change.findings if f.rule.id == rule_id)
            assert found == pytest.approx(new.intersection(control).area, abs=1.0 + change.slivers), (later, rule_id)
        outside = new.difference(unary_union([g for _, g in shapes(plan["CZKFBJ"])]))
        found = sum(f.area for f in change.findings if f.rule.id == "outside_urban_boundary")
        assert found == pytest.approx(outside.area, abs=1.0 + change.slivers), later


def test_every_known_change_is_found_with_its_level(result):
    found = {(c.year, f.rule.id, f.rule.level) for c in result.years for f in c.findings}
    assert {
        (2022, "ecological_redline", RED),
        (2022, "permanent_farmland", RED),
        (2022, "outside_urban_boundary", YELLOW),
        (2024, "heritage_line", YELLOW),
    } <= found
    assert all(c.farmland["lost"] and c.farmland["gained"] for c in result.years)


def test_farmland_lost_per_township_net_of_tiankan_matches_shapely(result, plan, layers, classes):
    farmland = {c for c, cat in classes.items() if cat == "farmland"}
    towns = {f["XZQMC"]: g for f, g in shapes(plan["XZQ_XZ"])}
    for earlier, later in ((2019, 2022), (2022, 2024)):
        after = [g for f, g in shapes(layers[later]) if f["DLBM"] in farmland]
        tree = STRtree(after)
        expected = {}
        for feature, geometry in shapes(layers[earlier]):
            if feature["DLBM"] not in farmland:
                continue
            near = [after[i] for i in tree.query(geometry)]
            lost = geometry.difference(unary_union(near)) if near else geometry
            if lost.area <= 0:
                continue
            for name, town in towns.items():
                part = lost.intersection(town).area
                expected[name] = expected.get(name, 0.0) + part * (1 - (feature["KCXS"] or 0.0))
        change = next(c for c in result.years if c.year == later)
        for name in towns:
            measured = sum(p.net for p in change.farmland[LOST] if p.township == name)
            assert measured == pytest.approx(expected.get(name, 0.0), abs=2.0), (later, name)


def test_the_drifting_indicator_warns_yellow_by_hand(result, layers, plan):
    city = unary_union([g for _, g in shapes(plan["XZQ"])])
    values = {
        y: unary_union([g for f, g in shapes(layers[y]) if f["DLBM"].startswith("20")]).intersection(city).area / 1e4
        for y in (2019, 2024)
    }
    path = values[2019] + (15200.0 - values[2019]) * (2024 - 2019) / (2025 - 2019)
    lag = 100 * (values[2024] - path) / path
    assert 0.0 < lag <= 2.0 and values[2024] < 15200.0  # by hand: 黄色预警 (yellow 0 %, red 2 %)
    row = next(r for r in result.trend if r.code == "CXJSYD" and r.is_city and r.year == 2024)
    assert row.value == pytest.approx(values[2024], rel=1e-6) and row.level == YELLOW


def test_processing_writes_the_layers_and_the_report(provider, demo_gpkg, snapshot_gpkg, result, tmp_path):
    import processing

    report = tmp_path / "monitoring.html"
    outputs = processing.run(
        "yongji:monitoring",
        {
            "PLAN_GPKG": str(demo_gpkg),
            "SNAPSHOTS": [f"{snapshot_gpkg}|layername=DLTB_{y}" for y in YEARS],
            "FINDINGS": str(tmp_path / "findings.gpkg"),
            "TOWNSHIP_TABLE": "TEMPORARY_OUTPUT",
            "REPORT": str(report),
            "SHEET": str(tmp_path / "sheet.pdf"),
            "ATLAS": str(tmp_path / "townships.pdf"),
        },
        feedback=QgsProcessingFeedback(),
    )
    findings = QgsVectorLayer(outputs["FINDINGS"], "findings", "ogr")
    assert findings.featureCount() == len(result.findings())
    assert outputs["TOWNSHIP_TABLE"].featureCount() == 10 * len(YEARS)
    text = pdf_text(report.with_suffix(".pdf"))
    assert "永济市" in text and "生态保护红线" in text
    assert "规划实施监测预警图（2019—2024年）" in pdf_text(outputs["SHEET"])
    atlas = pdf_text(outputs["ATLAS"])
    assert atlas.count("规划实施监测预警图") >= 10 and "卿头镇规划实施监测预警图" in atlas


def test_an_atlas_the_disk_refuses_keeps_nothing(provider, demo_gpkg, snapshot_gpkg, tmp_path, full_folder):
    """The atlas is the job's last output: a disk that refuses it (full, for real) removes the layers
    and the report written before it (one cleanup contract); the run fails with a sentence."""
    import processing

    out = tmp_path
    with pytest.raises(QgsProcessingException, match="not written whole"):
        processing.run(
            "yongji:monitoring",
            {
                "PLAN_GPKG": str(demo_gpkg),
                "SNAPSHOTS": [f"{snapshot_gpkg}|layername=DLTB_{y}" for y in YEARS],
                "TREND": False,
                "FINDINGS": str(out / "findings.gpkg"),
                "REPORT": str(out / "m.html"),
                "SHEET": str(out / "sheet.pdf"),
                "ATLAS": str(full_folder / "townships.pdf"),
            },
            feedback=QgsProcessingFeedback(),
        )
    assert [p.name for p in out.iterdir()] == [full_folder.name]
    assert [p.name for p in full_folder.iterdir()] == ["filler"]


def test_processing_refuses_years_that_do_not_fit(provider, demo_gpkg, snapshot_gpkg):
    import processing

    with pytest.raises(QgsProcessingException, match="must give one year for each of the 2 snapshot layers"):
        processing.run(
            "yongji:monitoring",
            {
                "PLAN_GPKG": str(demo_gpkg),
                "SNAPSHOTS": [f"{snapshot_gpkg}|layername=DLTB_{y}" for y in YEARS],
                "YEARS": "2022",
                "FINDINGS": "TEMPORARY_OUTPUT",
            },
        )


def test_qgis_process_runs_the_monitoring(demo_gpkg, snapshot_gpkg, qgis_process_home):
    home = qgis_process_home
    out = home / "findings.gpkg"
    run = qgis_process(
        home,
        "--json",
        "run",
        "yongji:monitoring",
        "--",
        f"PLAN_GPKG={demo_gpkg}",
        f"SNAPSHOTS={snapshot_gpkg}|layername=DLTB_2022",
        "TREND=false",
        f"FINDINGS={out}",
        timeout=600,
    )
    findings = QgsVectorLayer(json_payload(run)["results"]["FINDINGS"], "f", "ogr")
    assert findings.featureCount() > 0
    failed = qgis_process(
        home,
        "run",
        "yongji:monitoring",
        "--",
        f"PLAN_GPKG={demo_gpkg}",
        f"SNAPSHOTS={snapshot_gpkg}|layername=DLTB_2022",
        "YEARS=2019",
        f"FINDINGS={home / 'never.gpkg'}",
        timeout=600,
    )
    assert failed.returncode != 0 and not (home / "never.gpkg").exists()


@pytest.fixture()
def dialog(qgis_iface, plan_project):
    from yongji_plugin.gui.monitoring.dialog import MonitoringDialog

    yield MonitoringDialog(qgis_iface, open_report=False)


def test_dialog_runs_in_the_background_and_adds_the_layers(dialog, snapshot_gpkg, result, tmp_path):
    project = QgsProject.instance()
    layer = snapshot(snapshot_gpkg, 2022)
    layer.setName("现状2022")
    project.addMapLayer(layer)
    dialog.refresh_layers()
    dialog.tick(layer, 2022)
    dialog.trendCheck.setChecked(False)
    dialog.folderEdit.setText(str(tmp_path))
    assert dialog.run() is not None
    wait_for_task(dialog, seconds=300)
    assert dialog.layers_out[FINDINGS].featureCount() == len(result.years[0].findings)
    assert dialog.layers_out[TOWNSHIP_TABLE].featureCount() == 10
    group = project.layerTreeRoot().findGroup("Plan implementation monitoring")
    assert group is not None and len(group.findLayers()) == 6
    assert dialog.report_paths["pdf"].exists()
    assert f"{dialog.report_paths['pdf'].parent}</a>" in dialog.statusLabel.text()  # a link to where it wrote
    assert "规划实施监测预警图（2019—2022年）" in pdf_text(dialog.sheet_path)
    assert dialog.atlas_paths and dialog.atlas_paths[0].exists()


def test_dialog_refuses_a_snapshot_without_a_year_before_starting(dialog):
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4546&field=DLBM:string", "现状图斑", "memory")
    QgsProject.instance().addMapLayer(layer)
    dialog.refresh_layers()
    dialog.tick(layer)
    assert dialog.run() is None and dialog.task is None
    messages = dialog.iface.messageBar().get_messages(Qgis.MessageLevel.Warning)
    assert any("现状图斑 has no year" in m for m in messages)


def test_dialog_cancel_keeps_nothing(dialog, snapshot_gpkg, tmp_path):
    layer = snapshot(snapshot_gpkg, 2024)
    QgsProject.instance().addMapLayer(layer)
    dialog.refresh_layers()
    dialog.tick(layer, 2024)
    dialog.folderEdit.setText(str(tmp_path))
    assert dialog.run() is not None
    dialog.cancel()
    wait_for_task(dialog, seconds=300)
    assert "canceled" in dialog.statusLabel.text()
    assert QgsProject.instance().layerTreeRoot().findGroup("Plan implementation monitoring") is None
    assert not list(tmp_path.glob("monitoring*"))


def test_processing_reads_change_patches(provider, demo_gpkg, snapshot_gpkg, tmp_path):
    """A 2023 patch layer over the 2022 snapshot: its construction is found in 2023."""
    import processing
    from shapely.geometry import box

    from helpers import memory_layer

    layer = snapshot(snapshot_gpkg, 2022)
    parcel = next(f for f in layer.getFeatures() if f["DLBM"] == "0103")
    x, y = parcel.geometry().pointOnSurface().asPoint().x(), parcel.geometry().pointOnSurface().asPoint().y()
    square = box(x - 10, y - 10, x + 10, y + 10)
    patches = memory_layer(
        "Polygon", "EPSG:4546", ["BGQDLBM:string", "BGHDLBM:string"], [(square.wkt, ["0103", "0702"])], "卫片图斑2023"
    )
    outputs = processing.run(
        "yongji:monitoring",
        {
            "PLAN_GPKG": str(demo_gpkg),
            "SNAPSHOTS": [f"{snapshot_gpkg}|layername=DLTB_2022"],
            "PATCHES": [patches],
            "TREND": False,
            "FINDINGS": "TEMPORARY_OUTPUT",
            "CONSTRUCTION": "TEMPORARY_OUTPUT",
            "PROBLEMS": "TEMPORARY_OUTPUT",
        },
        feedback=QgsProcessingFeedback(),
    )
    built = [f for f in outputs["CONSTRUCTION"].getFeatures() if f["year"] == 2023]
    assert len(built) == 1 and built[0]["m2"] == pytest.approx(square.area, abs=0.01)
    assert not [f for f in outputs["PROBLEMS"].getFeatures() if f["kind"] == "patch_mismatch"]


def test_a_year_without_change_finds_nothing_and_prints_no_sheet(provider, demo_gpkg, tmp_path):
    import processing

    outputs = processing.run(
        "yongji:monitoring",
        {
            "PLAN_GPKG": str(demo_gpkg),
            "SNAPSHOTS": [f"{demo_gpkg}|layername=DLTB"],
            "YEARS": "2021",
            "TREND": False,
            "FINDINGS": "TEMPORARY_OUTPUT",
            "TOWNSHIP_TABLE": "TEMPORARY_OUTPUT",
            "SHEET": str(tmp_path / "sheet.pdf"),
        },
        feedback=QgsProcessingFeedback(),
    )
    assert outputs["FINDINGS"].featureCount() == 0 and "SHEET" not in outputs
    assert not (tmp_path / "sheet.pdf").exists()
    rows = list(outputs["TOWNSHIP_TABLE"].getFeatures())
    assert len(rows) == 10 and all(r["nc_m2"] == 0 and r["fb_m2"] == 0 for r in rows)


def test_dialog_reads_a_ticked_patch_layer_as_change_patches(dialog, snapshot_gpkg, tmp_path):
    from shapely.geometry import box

    from helpers import memory_layer

    project = QgsProject.instance()
    layer = snapshot(snapshot_gpkg, 2022)
    layer.setName("现状2022")
    parcel = next(f for f in layer.getFeatures() if f["DLBM"] == "0103")
    point = parcel.geometry().pointOnSurface().asPoint()
    square = box(point.x() - 10, point.y() - 10, point.x() + 10, point.y() + 10)
    patches = memory_layer(
        "Polygon", "EPSG:4546", ["BGQDLBM:string", "BGHDLBM:string"], [(square.wkt, ["0103", "0702"])], "卫片图斑"
    )
    project.addMapLayers([layer, patches])
    dialog.refresh_layers()
    dialog.tick(layer, 2022)
    dialog.tick(patches, 2023)
    dialog.trendCheck.setChecked(False)
    dialog.sheetCheck.setChecked(False)
    dialog.folderEdit.setText(str(tmp_path))
    assert dialog.run() is not None
    wait_for_task(dialog, seconds=300)
    built = [f for f in dialog.layers_out["construction"].getFeatures() if f["year"] == 2023]
    assert len(built) == 1 and built[0]["m2"] == pytest.approx(square.area, abs=0.01)
