"""The 乡镇规划指引 and 规划指标 dialogs with real widgets and real background QgsTasks."""

import re

from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import Qt

from helpers import wait_for_task
from yongji_plugin.gui.guidance.dialog import TownshipGuidanceDialog
from yongji_plugin.gui.indicators.dialog import IndicatorDialog


def test_guidance_dialog_runs_in_background(plan_project, qgis_iface, tmp_path):
    dialog = TownshipGuidanceDialog(qgis_iface, open_report=False)
    dialog.folderEdit.setText(str(tmp_path))
    assert dialog.run() is not None
    assert not dialog.runButton.isEnabled() and dialog.cancelButton.isEnabled()
    wait_for_task(dialog)
    assert dialog.progressBar.value() == 100
    assert dialog.layer.featureCount() == 10 and plan_project.mapLayer(dialog.layer.id()) is dialog.layer
    assert sorted(p.name for p in dialog.files) == ["township_guidance.csv", "township_guidance.xlsx"]
    assert dialog.report_paths["pdf"].exists()
    assert "10 townships measured" in dialog.statusLabel.text()
    assert dialog.files[0].parent.parent == tmp_path  # this run's own folder under the chosen one
    assert f"{dialog.files[0].parent}</a>" in dialog.statusLabel.text()  # a link to where it wrote
    written = QgsVectorLayer(str(dialog.files[0].parent / "township_guidance.xlsx"), "x", "ogr")
    assert written.featureCount() == 11


def test_guidance_dialog_cancel(plan_project, qgis_iface, tmp_path):
    dialog = TownshipGuidanceDialog(qgis_iface, open_report=False)
    dialog.folderEdit.setText(str(tmp_path))
    assert dialog.run() is not None
    dialog.cancel()
    wait_for_task(dialog)
    assert dialog.runButton.isEnabled() and dialog.layer is None
    assert list(tmp_path.rglob("*")) == []  # no half result, not even the run's empty folder


def test_guidance_dialog_without_plan_layers(qgis_iface):
    QgsProject.instance().clear()
    dialog = TownshipGuidanceDialog(qgis_iface, open_report=False)
    assert dialog.run() is None and dialog.task is None
    assert dialog.runButton.isEnabled()


def test_indicator_dialog_runs_and_prints_the_sheet(plan_project, qgis_iface, tmp_path):
    dialog = IndicatorDialog(qgis_iface, open_report=False)
    assert dialog.indicatorList.count() == 8
    dialog.folderEdit.setText(str(tmp_path))
    dialog.yearCombo.setCurrentIndex(dialog.yearCombo.findData(2035))
    assert dialog.run() is not None
    wait_for_task(dialog)
    assert dialog.progressBar.value() == 100
    townships = dialog.outputs["townships"]
    assert plan_project.mapLayer(townships.id()) is townships
    assert plan_project.layerTreeRoot().findGroup("Plan indicators") is not None
    assert {f["status"] for f in townships.getFeatures()} == {"achieved", "short of target"}
    assert "4 of 10 townships miss a binding target" in dialog.statusLabel.text()
    assert dialog.report_paths["html"].exists() and dialog.sheet_path.stat().st_size > 10000


def test_indicator_dialog_subset_and_bad_file(plan_project, qgis_iface, tmp_path):
    dialog = IndicatorDialog(qgis_iface, open_report=False)
    dialog.folderEdit.setText(str(tmp_path))
    dialog.sheetCheck.setChecked(False)
    for i in range(dialog.indicatorList.count()):
        item = dialog.indicatorList.item(i)
        item.setCheckState(
            Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) == "STBHHX" else Qt.CheckState.Unchecked
        )
    assert dialog.run() is not None
    wait_for_task(dialog)
    assert {f["code"] for f in dialog.outputs["findings"].getFeatures()} == {"STBHHX", "TS-03"}
    bad = tmp_path / "bad.yaml"
    bad.write_text("indicators: [{code: X}]\n", encoding="utf-8")
    dialog.fileEdit.setText(str(bad))
    assert dialog.load_file(quiet=True) is None and dialog.indicatorList.count() == 0
    assert "key name is missing" in dialog.statusLabel.text()
    assert dialog.run() is None and dialog.task is None


def test_indicator_dialog_cancel(plan_project, qgis_iface, tmp_path):
    dialog = IndicatorDialog(qgis_iface, open_report=False)
    dialog.folderEdit.setText(str(tmp_path))
    assert dialog.run() is not None
    dialog.cancel()
    wait_for_task(dialog)
    assert dialog.runButton.isEnabled() and dialog.outputs == {}
    assert not list(tmp_path.glob("*.html"))


def test_guidance_dialog_in_chinese_says_run(qgis_iface, locale):
    """The run button read “运行信息” (run information) under the Chinese catalogue."""
    locale("zh-Hans")
    dialog = TownshipGuidanceDialog(qgis_iface, open_report=False)
    assert (dialog.runButton.text(), dialog.cancelButton.text()) == ("运行", "取消")


def test_repeat_runs_get_groups_of_their_own(plan_project, qgis_iface, tmp_path):
    """Each run added a group named like the last one's."""
    for run in range(2):
        dialog = IndicatorDialog(qgis_iface, open_report=False)
        dialog.folderEdit.setText(str(tmp_path / str(run)))
        assert dialog.run() is not None
        wait_for_task(dialog)
    names = [child.name() for child in plan_project.layerTreeRoot().children()]
    assert names[:2] == ["Plan indicators (2)", "Plan indicators"]


def test_files_are_named_in_the_users_language(plan_project, qgis_iface, tmp_path, locale):
    """Under a Chinese QGIS the dialogs wrote township_guidance.csv, indicators_sheet_2035.pdf,
    monitoring_sheet.pdf …: every file a reviewer is handed now carries its Chinese name."""
    from yongji_plugin.gui.indicators.dialog import report_name, sheet_name
    from yongji_plugin.gui.monitoring.dialog import file_names

    locale("zh_CN")
    dialog = TownshipGuidanceDialog(qgis_iface, open_report=False)
    dialog.folderEdit.setText(str(tmp_path))
    assert dialog.run() is not None
    wait_for_task(dialog)
    written = sorted(p.name for p in tmp_path.rglob("*") if p.is_file())
    assert written == ["乡镇规划指引.csv", "乡镇规划指引.html", "乡镇规划指引.pdf", "乡镇规划指引.xlsx"]
    names = [sheet_name(2035), report_name(), *file_names().values()]
    assert sheet_name(2035) == "规划指标达标情况图_2035.pdf"
    assert not [name for name in names if re.search("[A-Za-z]", name.rsplit(".", 1)[0])], names


def test_repeat_runs_of_a_one_layer_tool_name_their_layer_apart(plan_project, qgis_iface, tmp_path):
    """乡镇规划指引 (like the plan QA's error layer) adds one layer, not a group: a second run's
    layer sat on top under the first one's name."""
    layers = []
    for run in range(2):
        dialog = TownshipGuidanceDialog(qgis_iface, open_report=False)
        dialog.folderEdit.setText(str(tmp_path / str(run)))
        assert dialog.run() is not None
        wait_for_task(dialog)
        layers.append(dialog.layer)
    first = layers[0].name()
    assert layers[1].name() == f"{first} (2)"
    assert [n.name() for n in plan_project.layerTreeRoot().children()][:2] == [f"{first} (2)", first]
