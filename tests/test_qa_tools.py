"""规划成果质检 from the dialog (real widgets, real QgsTask) and from Processing."""
import time

from qgis.core import QgsApplication, QgsProject

from yongji_plugin.core.plan_data.loader import inspect_source, load_into_project
from yongji_plugin.core.plan_data.sources import Source
from yongji_plugin.gui.plan_qa.dialog import QaDialog
from yongji_plugin.processing.provider import YongjiProvider


def test_dialog_runs_checked_rules_in_background(demo_gpkg, qgis_iface):
    project = QgsProject.instance()
    project.clear()
    load_into_project(inspect_source(Source("gpkg", str(demo_gpkg))), project)
    dialog = QaDialog(qgis_iface, open_report=False)
    assert dialog.ruleList.count() == 16
    dialog.noneButton.click()
    assert dialog.run() is None  # nothing ticked: an error, no task
    for i in range(dialog.ruleList.count()):
        if dialog.ruleList.item(i).text().startswith(("CL-", "CV-01")):
            dialog.ruleList.item(i).setCheckState(2)
    assert dialog.checked_rules() == ["CL-01", "CL-02", "CL-03", "CV-01"]
    assert dialog.run() is not None
    deadline = time.time() + 60
    while dialog.task is not None and time.time() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.02)
    assert dialog.errors_layer is not None and dialog.errors_layer.featureCount() == 0
    assert project.mapLayer(dialog.errors_layer.id()) is dialog.errors_layer
    assert dialog.report_paths["pdf"].exists()
    assert dialog.statusLabel.text().startswith("0 errors")
    project.clear()


def test_processing_plan_qa(demo_gpkg, qgis_processing, tmp_path):
    import processing

    provider = YongjiProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    try:
        result = processing.run("yongji:planqa", {
            "PLAN_GPKG": str(demo_gpkg), "RULES": [0, 1, 2, 3], "OUTPUT": "TEMPORARY_OUTPUT",
            "REPORT": str(tmp_path / "qa.html")})
        assert result["OUTPUT"].featureCount() == 0
        assert (tmp_path / "qa.pdf").exists()
    finally:
        QgsApplication.processingRegistry().removeProvider(provider)
