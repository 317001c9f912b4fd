"""规划成果质检 from the dialog (real widgets, real QgsTask) and from Processing."""

from helpers import wait_for_task
from yongji_plugin.gui.plan_qa.dialog import QaDialog


def test_dialog_runs_checked_rules_in_background(plan_project, qgis_iface):
    project = plan_project
    dialog = QaDialog(qgis_iface, open_report=False)
    assert dialog.ruleList.count() == 16
    dialog.noneButton.click()
    assert dialog.run() is None  # nothing ticked: an error, no task
    for i in range(dialog.ruleList.count()):
        if dialog.ruleList.item(i).text().startswith(("CL-", "CV-01")):
            dialog.ruleList.item(i).setCheckState(2)
    assert dialog.checked_rules() == ["CL-01", "CL-02", "CL-03", "CV-01"]
    assert dialog.run() is not None
    wait_for_task(dialog, seconds=60)
    assert dialog.errors_layer is not None and dialog.errors_layer.featureCount() == 0
    assert project.mapLayer(dialog.errors_layer.id()) is dialog.errors_layer
    assert dialog.report_paths["pdf"].exists()
    assert dialog.statusLabel.text().startswith("0 errors")


def test_processing_plan_qa(demo_gpkg, provider, tmp_path):
    import processing

    result = processing.run(
        "yongji:planqa",
        {
            "PLAN_GPKG": str(demo_gpkg),
            "RULES": [0, 1, 2, 3],
            "OUTPUT": "TEMPORARY_OUTPUT",
            "REPORT": str(tmp_path / "qa.html"),
        },
    )
    assert result["OUTPUT"].featureCount() == 0
    assert (tmp_path / "qa.pdf").exists()
