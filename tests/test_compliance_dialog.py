"""The 项目选址合规性检查 dialog with real widgets and a real background QgsTask."""
import time

import pytest
from qgis.core import QgsApplication, QgsProject, QgsVectorLayer

from yongji_plugin.core.plan_data.loader import inspect_source, load_into_project
from yongji_plugin.core.plan_data.sources import Source
from yongji_plugin.gui.site_check.dialog import ComplianceDialog


def _wait(dialog, seconds=60):
    deadline = time.time() + seconds
    while dialog.task is not None and time.time() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.02)
    assert dialog.task is None, "task did not finish"


@pytest.fixture()
def project_with_plan(demo_gpkg):
    project = QgsProject.instance()
    project.clear()
    load_into_project(inspect_source(Source("gpkg", str(demo_gpkg))), project)
    sites = QgsVectorLayer(f"{demo_gpkg}|layername=sites", "用地红线", "ogr")
    project.addMapLayer(sites)
    yield project, sites
    project.clear()


def test_runs_in_background_and_adds_styled_results(project_with_plan, qgis_iface, tmp_path):
    project, sites = project_with_plan
    dialog = ComplianceDialog(qgis_iface, open_report=False)
    dialog.sitesCombo.setCurrentIndex(dialog.sitesCombo.findData(sites.id()))
    dialog.outputEdit.setText(str(tmp_path / "check.gpkg"))
    assert dialog.run() is not None
    _wait(dialog)
    assert dialog.progressBar.value() == 100
    summary = dialog.outputs["site_summary"]
    assert summary.featureCount() == sites.featureCount()
    assert summary.source().startswith(str(tmp_path / "check.gpkg"))
    assert project.layerTreeRoot().findGroup("Compliance check results") is not None
    assert dialog.outputs["conflicts"].renderer().type() == "categorizedSymbol"
    assert "non-compliant" in dialog.statusLabel.text()


def test_selected_only_and_cancel(project_with_plan, qgis_iface):
    project, sites = project_with_plan
    dialog = ComplianceDialog(qgis_iface, open_report=False)
    dialog.sitesCombo.setCurrentIndex(dialog.sitesCombo.findData(sites.id()))
    dialog.selectedOnlyCheck.setChecked(True)
    assert dialog.run() is None  # nothing selected: a clear error, no task
    sites.selectByExpression("\"CASE\" = 'clean'")
    assert dialog.run() is not None
    dialog.cancel()
    _wait(dialog)
    assert dialog.runButton.isEnabled()


def test_missing_plan_layers_is_an_error_not_a_crash(demo_gpkg, qgis_iface):
    QgsProject.instance().clear()
    sites = QgsVectorLayer(f"{demo_gpkg}|layername=sites", "用地红线", "ogr")
    QgsProject.instance().addMapLayer(sites)
    dialog = ComplianceDialog(qgis_iface, open_report=False)
    assert dialog.run() is None
    assert dialog.task is None
    QgsProject.instance().clear()
