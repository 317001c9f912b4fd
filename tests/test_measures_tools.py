"""The measures as tools: Processing in-process, in a model, through qgis_process; the dialogs with real tasks."""

from pathlib import Path

import pytest
from qgis.core import (
    QgsApplication,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorLayer,
)

from helpers import run_in_a_model, wait_for_task
from qgis_process_runner import json_payload, qgis_process
from yongji_plugin.core.heights.check import HeightParams, run_height_check
from yongji_plugin.core.shared.areas import AreaMethod


def _over_count(demo_gpkg):
    buildings = QgsVectorLayer(f"{demo_gpkg}|layername=buildings", "b", "ogr")
    zones = QgsVectorLayer(f"{demo_gpkg}|layername=JZGDKZ", "z", "ogr")
    return run_height_check(buildings, zones, HeightParams(AreaMethod.create())).counts()["over"]


def _residential_count(demo_gpkg):
    return QgsVectorLayer(f"{demo_gpkg}|layername=JZQ", "JZQ", "ogr").featureCount()


def test_height_check_algorithm(provider, demo_gpkg, tmp_path):
    import processing

    report = tmp_path / "heights.html"
    result = processing.run(
        "yongji:heightcheck",
        {
            "BUILDINGS": f"{demo_gpkg}|layername=buildings",
            "PLAN_GPKG": str(demo_gpkg),
            "OUTPUT": "TEMPORARY_OUTPUT",
            "ALL_BUILDINGS": str(tmp_path / "all.gpkg"),
            "REPORT": str(report),
        },
        feedback=QgsProcessingFeedback(),
    )
    over = result["OUTPUT"]
    assert over.featureCount() == _over_count(demo_gpkg) > 0
    assert min(f["excess"] for f in over.getFeatures()) > 0
    every = QgsVectorLayer(result["ALL_BUILDINGS"], "all", "ogr")
    assert every.featureCount() == QgsVectorLayer(f"{demo_gpkg}|layername=buildings", "b", "ogr").featureCount()
    assert every.fields().field("excess").alias()  # titles kept in the GeoPackage
    assert Path(result["REPORT"]).exists() and report.with_suffix(".pdf").exists()


def test_height_check_errors_are_processing_errors(provider, demo_gpkg):
    import processing

    with pytest.raises(QgsProcessingException, match="Building layer buildings has no field GAODU"):
        processing.run(
            "yongji:heightcheck",
            {
                "BUILDINGS": f"{demo_gpkg}|layername=buildings",
                "PLAN_GPKG": str(demo_gpkg),
                "HEIGHT_FIELD": "GAODU",
                "OUTPUT": "TEMPORARY_OUTPUT",
            },
        )
    with pytest.raises(QgsProcessingException, match="JZGDKZ"):
        processing.run(
            "yongji:heightcheck", {"BUILDINGS": f"{demo_gpkg}|layername=buildings", "OUTPUT": "TEMPORARY_OUTPUT"}
        )


def test_life_circle_algorithm(provider, demo_gpkg, tmp_path):
    import processing

    result = processing.run(
        "yongji:lifecircle",
        {
            "PLAN_GPKG": str(demo_gpkg),
            "OUTPUT": "TEMPORARY_OUTPUT",
            "SERVICE_AREAS": "TEMPORARY_OUTPUT",
            "REPORT": str(tmp_path / "life.html"),
        },
        feedback=QgsProcessingFeedback(),
    )
    areas = result["OUTPUT"]
    assert areas.featureCount() == _residential_count(demo_gpkg)
    lacking = [f for f in areas.getFeatures() if f["lack_n"] > 0]
    assert 0 < len(lacking) < areas.featureCount()
    assert result["SERVICE_AREAS"].featureCount() >= 13
    assert "walking network" in (tmp_path / "life.html").read_text(encoding="utf-8") or "步行路网" in (
        tmp_path / "life.html"
    ).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "minutes, message", [("区级=20", "Unknown life-circle level 区级"), ("社区15", "write level=minutes")]
)
def test_life_circle_bad_minutes(provider, demo_gpkg, minutes, message):
    import processing

    with pytest.raises(QgsProcessingException, match=message):
        processing.run(
            "yongji:lifecircle", {"PLAN_GPKG": str(demo_gpkg), "MINUTES": minutes, "OUTPUT": "TEMPORARY_OUTPUT"}
        )


def test_life_circle_bad_table(provider, demo_gpkg, tmp_path):
    import processing

    table = tmp_path / "table.yaml"
    table.write_text(
        "walking_speed_kmh: 4\nlevels: [{code: 社区, name: 社区级, minutes: 15}]\n"
        "facilities: [{code: X1, name: 初中, level: 区级, types: [初中]}]\n",
        encoding="utf-8",
    )
    with pytest.raises(QgsProcessingException, match="unknown level 区级"):
        processing.run(
            "yongji:lifecircle", {"PLAN_GPKG": str(demo_gpkg), "TABLE": str(table), "OUTPUT": "TEMPORARY_OUTPUT"}
        )


def test_measures_run_in_a_model_and_in_batch(provider, demo_gpkg):
    from qgis.core import QgsProcessing, QgsProcessingParameterVectorLayer

    for alg_id in ("yongji:heightcheck", "yongji:lifecircle"):
        algorithm = QgsApplication.processingRegistry().algorithmById(alg_id)
        assert algorithm.flags() & QgsProcessingAlgorithm.Flag.FlagSupportsBatch
    over = run_in_a_model(
        "yongji:heightcheck",
        QgsProcessingParameterVectorLayer("buildings", "buildings", [QgsProcessing.SourceType.TypeVectorPolygon]),
        "BUILDINGS",
        f"{demo_gpkg}|layername=buildings",
        static={"PLAN_GPKG": str(demo_gpkg)},
    )
    assert over.featureCount() == _over_count(demo_gpkg)


def test_qgis_process_runs_both_measures(demo_gpkg, qgis_process_home):
    home = qgis_process_home
    heights = qgis_process(
        home,
        "--json",
        "run",
        "yongji:heightcheck",
        "--",
        f"BUILDINGS={demo_gpkg}|layername=buildings",
        f"PLAN_GPKG={demo_gpkg}",
        f"OUTPUT={home / 'over.gpkg'}",
        f"REPORT={home / 'heights.html'}",
    )
    payload = json_payload(heights)
    assert QgsVectorLayer(payload["results"]["OUTPUT"], "o", "ogr").featureCount() == _over_count(demo_gpkg)
    life = qgis_process(
        home,
        "--json",
        "run",
        "yongji:lifecircle",
        "--",
        f"PLAN_GPKG={demo_gpkg}",
        f"OUTPUT={home / 'life.gpkg'}",
        "SERVICE_AREAS=TEMPORARY_OUTPUT",
    )
    payload = json_payload(life)
    assert QgsVectorLayer(payload["results"]["OUTPUT"], "l", "ogr").featureCount() == _residential_count(demo_gpkg)


def test_qgis_process_fails_on_bad_input(demo_gpkg, qgis_process_home):
    run = qgis_process(
        qgis_process_home,
        "run",
        "yongji:heightcheck",
        "--",
        f"BUILDINGS={demo_gpkg}|layername=buildings",
        f"PLAN_GPKG={demo_gpkg}",
        "HEIGHT_SOURCE=2",
        "FLOORS_FIELD=CENGSHU",
        "OUTPUT=TEMPORARY_OUTPUT",
    )
    assert run.returncode != 0
    assert "CENGSHU" in run.stdout + run.stderr


# --- the dialogs ------------------------------------------------------------------------------
@pytest.fixture()
def project_with_plan(plan_project, demo_gpkg, qgis_processing):
    buildings = QgsVectorLayer(f"{demo_gpkg}|layername=buildings", "建筑物", "ogr")
    plan_project.addMapLayer(buildings)
    return plan_project, buildings


def test_height_dialog_runs_in_background(project_with_plan, qgis_iface, tmp_path, demo_gpkg):
    from yongji_plugin.gui.heights.dialog import HeightCheckDialog

    project, buildings = project_with_plan
    dialog = HeightCheckDialog(qgis_iface, open_report=False)
    assert dialog.buildingsCombo.currentData() == buildings.id()
    assert dialog.zonesCombo.currentText() == "建筑高度控制分区"
    assert dialog.heightFieldCombo.currentText() == "JZGD" and dialog.floorsFieldCombo.currentText() == "CS"
    dialog.outputEdit.setText(str(tmp_path / "heights.gpkg"))
    assert dialog.run() is not None
    wait_for_task(dialog)
    assert dialog.progressBar.value() == 100
    over = dialog.outputs["over_limit"]
    assert over.featureCount() == _over_count(demo_gpkg)
    assert over.source().startswith(str(tmp_path / "heights.gpkg"))
    assert over.renderer().type() == "graduatedSymbol"
    assert project.layerTreeRoot().findGroup("Building height check results") is not None
    assert "over their limit" in dialog.statusLabel.text()


def test_height_dialog_refuses_a_missing_field_and_cancels(project_with_plan, qgis_iface):
    from yongji_plugin.gui.heights.dialog import HeightCheckDialog

    dialog = HeightCheckDialog(qgis_iface, open_report=False)
    dialog.heightFieldCombo.setCurrentText("")
    assert dialog.run() is None and dialog.task is None  # no height field named: a clear error, no task
    dialog.heightFieldCombo.setCurrentIndex(dialog.heightFieldCombo.findText("JZGD"))
    assert dialog.run() is not None
    dialog.cancel()
    wait_for_task(dialog)
    assert dialog.runButton.isEnabled()


def test_life_circle_dialog_runs_in_background(project_with_plan, qgis_iface):
    from yongji_plugin.gui.life_circle.dialog import LifeCircleDialog

    project, _ = project_with_plan
    count = project.mapLayersByName("居住区")[0].featureCount()
    dialog = LifeCircleDialog(qgis_iface, open_report=False)
    assert dialog.facilitiesCombo.currentText() == "公共服务设施"
    assert dialog.networkCombo.currentText() == "中心城区道路"
    assert dialog.typeFieldCombo.currentText() == "SSLX"
    assert sorted(dialog.minute_spins) == ["社区", "街坊", "邻里"]
    assert dialog.run() is not None
    wait_for_task(dialog)
    assert dialog.progressBar.value() == 100
    areas = dialog.outputs["residential"]
    assert areas.featureCount() == count and areas.renderer().type() == "graduatedSymbol"
    assert project.layerTreeRoot().findGroup("Life circle results") is not None
    assert "residential areas lack" in dialog.statusLabel.text()


def test_life_circle_dialog_needs_a_network_or_the_fallback(project_with_plan, qgis_iface):
    from yongji_plugin.gui.life_circle.dialog import LifeCircleDialog

    dialog = LifeCircleDialog(qgis_iface, open_report=False)
    dialog.networkCombo.setCurrentIndex(0)  # (none)
    assert dialog.run() is None and dialog.task is None
    dialog.fallbackCheck.setChecked(True)
    assert dialog.run() is not None
    wait_for_task(dialog)
    assert "straight-line" in dialog.statusLabel.text()
    assert dialog.run() is not None
    dialog.cancel()
    wait_for_task(dialog)
    assert dialog.runButton.isEnabled()
