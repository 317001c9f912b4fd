"""The 项目选址合规性检查 dialog with real widgets and a real background QgsTask."""

import time

import pytest
from qgis.core import QgsApplication, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtGui import QDesktopServices

from yongji_plugin.core.plan_data.loader import inspect_source, load_into_project
from yongji_plugin.core.plan_data.sources import Source
from yongji_plugin.gui.site_check.dialog import ComplianceDialog


def _wait(dialog, seconds=60):
    deadline = time.time() + seconds
    while dialog.task is not None and time.time() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.02)
    assert dialog.task is None, "task did not finish"


def _why(dialog, task) -> str:
    """What the dialog said and why its task ended not whole (traceback, origin of a cancel): a
    failure on a busy test host says why."""
    return f"{dialog.statusLabel.text()}\n{task.why_not_whole()}"


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
    task = dialog.run()
    assert task is not None
    _wait(dialog)
    assert dialog.progressBar.value() == 100, _why(dialog, task)
    summary = dialog.outputs["site_summary"]
    assert summary.featureCount() == sites.featureCount()
    assert summary.source().startswith(str(tmp_path / "check.gpkg"))
    assert project.layerTreeRoot().findGroup("Compliance check results") is not None
    assert dialog.outputs["conflicts"].renderer().type() == "categorizedSymbol"
    assert "non-compliant" in dialog.statusLabel.text()


def test_report_paths_shown_as_links_and_folder_opens(project_with_plan, qgis_iface, tmp_path, monkeypatch):
    """The report is written in the background beside the output; its HTML and PDF paths are
    links in the dialog whether or not a viewer opened them, and the folder opens on request."""
    project, sites = project_with_plan
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or False)
    dialog = ComplianceDialog(qgis_iface, open_report=True)
    assert not dialog.openFolderButton.isEnabled() and dialog.reportLabel.text() == ""
    dialog.sitesCombo.setCurrentIndex(dialog.sitesCombo.findData(sites.id()))
    dialog.outputEdit.setText(str(tmp_path / "check.gpkg"))
    task = dialog.run()
    _wait(dialog, 180)
    html, pdf = tmp_path / "check_report.html", tmp_path / "check_report.pdf"
    assert html.exists() and pdf.exists() and pdf.stat().st_size > 100_000, _why(dialog, task)
    assert opened == [str(html)]  # it tried to open the report; no viewer here
    text = dialog.reportLabel.text()
    for path in (html, pdf):
        assert f'href="{QUrl.fromLocalFile(str(path)).toString()}"' in text and str(path) in text
    assert "no viewer opened the report" in dialog.statusLabel.text()
    assert dialog.openFolderButton.isEnabled()
    dialog.openFolderButton.click()
    assert opened[-1] == str(tmp_path)


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


def test_without_a_geopackage_the_report_goes_to_the_chosen_folder(project_with_plan, qgis_iface, tmp_path):
    """Not a random /tmp folder: one folder per run under the output folder the user chose."""
    project, sites = project_with_plan
    dialog = ComplianceDialog(qgis_iface, open_report=False)
    dialog.sitesCombo.setCurrentIndex(dialog.sitesCombo.findData(sites.id()))
    dialog.folder_row.edit.setText(str(tmp_path / "reports"))
    task = dialog.run()
    _wait(dialog, 180)
    assert dialog.report_paths, _why(dialog, task)
    html = dialog.report_paths["html"]
    assert html.exists() and html.parent.parent == tmp_path / "reports"
    assert html.parent.name.startswith("Site compliance check_")
