"""Cancel in the dialogs (issue #11, item 5): real widgets, real background QgsTasks.

A canceled run says "canceled" in the dialog, shows no traceback or error, adds no layer, writes
no report and deletes any file it had started. The background task's feedback is replaced by one
that cancels itself at a chosen progress report or cancel check, so the cancel lands at exactly
that point of the worker thread; the Cancel button is clicked as a user would, too.
"""

import sys

import pytest
from qgis.core import Qgis
from qgis.PyQt.QtCore import QTimer

from cancel_feedback import CancelAt
from helpers import wait_for_task, wait_until
from yongji_plugin.gui.plan_qa.dialog import QaDialog
from yongji_plugin.gui.printing.dialog import PrintDialog
from yongji_plugin.gui.shared import background
from yongji_plugin.gui.site_check.dialog import ComplianceDialog

CANCELED = "The check was canceled"


@pytest.fixture()
def unhandled(monkeypatch):
    """Exceptions that escape to sys.excepthook: a traceback the user would see."""
    seen = []
    monkeypatch.setattr(sys, "excepthook", lambda *info: seen.append(info))
    return seen


@pytest.fixture()
def feedbacks(monkeypatch):
    """Make the background tasks' feedback ``CancelAt(**points)``; returns the ones made."""
    made = []

    def install(**points):
        def make():
            made.append(CancelAt(**points))
            return made[-1]

        monkeypatch.setattr(background, "QgsFeedback", make)
        return made

    return install


def _warnings(iface):
    return list(iface.messageBar().get_messages(Qgis.MessageLevel.Warning))


def _assert_clean_cancel(dialog, project, layers_before, iface, warnings_before, unhandled):
    assert dialog.statusLabel.text() == CANCELED
    assert set(project.mapLayers()) == layers_before
    assert _warnings(iface) == warnings_before
    assert unhandled == []
    assert dialog.runButton.isEnabled() and not dialog.cancelButton.isEnabled()


# --- plan QA ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "points",
    [{"reports": 0}, {"reports": 1}, {"reports": 5}, {"reports": 9}, {"reports": 14}, {"checks": 1}, {"checks": 40}],
)
def test_qa_dialog_canceled_adds_nothing_and_writes_no_report(plan_project, qgis_iface, feedbacks, unhandled, points):
    """Today a cancel at 31 % (report 5) ends in ``Exception: unknown`` from the spatial index."""
    feedbacks(**points)
    layers, warnings = set(plan_project.mapLayers()), _warnings(qgis_iface)
    dialog = QaDialog(qgis_iface, open_report=False)
    assert dialog.run() is not None
    wait_for_task(dialog)
    _assert_clean_cancel(dialog, plan_project, layers, qgis_iface, warnings, unhandled)
    assert dialog.errors_layer is None and dialog.report_paths is None


def test_qa_dialog_cancel_button(plan_project, qgis_iface, unhandled):
    layers, warnings = set(plan_project.mapLayers()), _warnings(qgis_iface)
    dialog = QaDialog(qgis_iface, open_report=False)
    assert dialog.run() is not None
    dialog.cancelButton.click()
    wait_for_task(dialog)
    _assert_clean_cancel(dialog, plan_project, layers, qgis_iface, warnings, unhandled)
    assert dialog.errors_layer is None and dialog.report_paths is None


# --- compliance ---------------------------------------------------------------------------------
@pytest.fixture()
def sites(plan_project, demo_gpkg):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(f"{demo_gpkg}|layername=sites", "用地红线", "ogr")
    plan_project.addMapLayer(layer)
    return layer


def _compliance(iface, sites, output):
    dialog = ComplianceDialog(iface, open_report=False)
    dialog.sitesCombo.setCurrentIndex(dialog.sitesCombo.findData(sites.id()))
    dialog.outputEdit.setText(str(output))
    return dialog


@pytest.fixture(scope="module")
def compliance_checks():
    return {}


@pytest.mark.parametrize(
    "points", [{"reports": 0}, {"reports": 1}, {"reports": 10}, {"reports": 19}, {"checks": "last"}]
)
def test_compliance_dialog_canceled_adds_nothing_and_deletes_its_geopackage(
    plan_project, sites, qgis_iface, feedbacks, unhandled, tmp_path, points
):
    """The last cancel check comes after the result GeoPackage is written: it must go again
    (today it stays, complete-looking, while the dialog says the check was canceled)."""
    if points.get("checks") == "last":
        made = feedbacks()
        dialog = _compliance(qgis_iface, sites, tmp_path / "full.gpkg")
        assert dialog.run() is not None
        wait_for_task(dialog)
        assert (tmp_path / "full.gpkg").exists() and "non-compliant" in dialog.statusLabel.text()
        points = {"checks": made[-1].checks}
        plan_project.removeMapLayers([layer.id() for layer in dialog.outputs.values()])
    feedbacks(**points)
    layers, warnings = set(plan_project.mapLayers()), _warnings(qgis_iface)
    output = tmp_path / "check.gpkg"
    dialog = _compliance(qgis_iface, sites, output)
    assert dialog.run() is not None
    wait_for_task(dialog)
    _assert_clean_cancel(dialog, plan_project, layers, qgis_iface, warnings, unhandled)
    assert not output.exists() and not list(tmp_path.glob("check.gpkg*"))
    assert dialog.outputs == {} or dialog.outputs is None


def test_compliance_dialog_cancel_button(plan_project, sites, qgis_iface, unhandled, tmp_path):
    layers, warnings = set(plan_project.mapLayers()), _warnings(qgis_iface)
    dialog = _compliance(qgis_iface, sites, tmp_path / "check.gpkg")
    assert dialog.run() is not None
    dialog.cancelButton.click()
    wait_for_task(dialog)
    _assert_clean_cancel(dialog, plan_project, layers, qgis_iface, warnings, unhandled)
    assert not (tmp_path / "check.gpkg").exists()


# --- printing -----------------------------------------------------------------------------------
def _printer(iface, folder):
    dialog = PrintDialog(iface)
    for i in range(dialog.sheetList.count()):
        dialog.sheetList.item(i).setCheckState(2 if dialog.sheetList.item(i).data(256) == "control_lines" else 0)
    dialog.townshipAtlasCheck.setChecked(True)
    dialog.formatCombo.setCurrentIndex(1)
    dialog.dpiSpin.setValue(72)
    dialog.folderEdit.setText(str(folder))
    return dialog


def test_print_dialog_cancel_during_the_atlas_leaves_no_partial_atlas(plan_project, qgis_iface, unhandled, tmp_path):
    """The user clicks Cancel while the township atlas is being exported (between its pages):
    the window handles the click, the export stops, and the pages already written are deleted."""
    dialog = _printer(qgis_iface, tmp_path)
    clicks = []

    def on_progress(value):
        if "atlas" in dialog.statusLabel.text().lower() and 50 < value < 100 and not clicks:
            clicks.append(value)
            QTimer.singleShot(0, dialog.cancelButton.click)  # runs only if the window is responsive

    dialog.progressBar.valueChanged.connect(on_progress)
    assert dialog.export()
    wait_until(lambda: not dialog.busy())
    assert clicks
    assert [p.name for p in tmp_path.rglob("*.png")] == ["三条控制线图.png"]
    assert dialog.statusLabel.text() == "Export canceled after 1 files"
    assert unhandled == []


def test_print_dialog_cancel_between_sheets_keeps_the_whole_ones(plan_project, qgis_iface, unhandled, tmp_path):
    dialog = _printer(qgis_iface, tmp_path)
    dialog.progressBar.valueChanged.connect(lambda value: value >= 50 and dialog.cancel())
    assert dialog.export()
    wait_until(lambda: not dialog.busy())
    assert [p.name for p in tmp_path.rglob("*.png")] == ["三条控制线图.png"]
    assert dialog.statusLabel.text() == "Export canceled after 1 files"
    assert unhandled == []
