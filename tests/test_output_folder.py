"""Reports go where the user chose (remembered), one folder per run, never a random /tmp folder."""

from pathlib import Path

from qgis.core import Qgis, QgsProject, QgsSettings
from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from yongji_plugin.gui.shared.output_folder import (
    SETTINGS_KEY,
    OutputFolderRow,
    announce_folder,
    default_folder,
    run_folder,
)


def test_default_is_beside_the_saved_project(tmp_path, locale):
    locale("zh_CN")
    project = QgsProject.instance()
    project.setFileName(str(tmp_path / "plan.qgz"))
    try:
        assert default_folder() == tmp_path / "永济规划成果"
    finally:
        project.setFileName("")


def test_each_run_gets_its_own_folder(tmp_path):
    first, second = run_folder(tmp_path, "合规性检查"), run_folder(tmp_path, "合规性检查")
    assert first != second and first.is_dir() and second.is_dir()
    assert first.parent == tmp_path and first.name.startswith("合规性检查_")


def test_the_row_sits_above_the_buttons_and_remembers_the_choice(tmp_path, qgis_app):
    before = QgsSettings().value(SETTINGS_KEY, "")
    dialog = QDialog()
    layout = QVBoxLayout(dialog)
    buttons = QDialogButtonBox(dialog)
    layout.addWidget(buttons)
    row = OutputFolderRow(dialog, layout)
    assert layout.indexOf(buttons) == layout.count() - 1
    row.edit.setText(str(tmp_path / "reports"))
    folder = row.new_run_folder("高度检查")
    assert folder.parent == tmp_path / "reports" and folder.is_dir()
    assert OutputFolderRow(QDialog(), QVBoxLayout()).edit.text() == str(tmp_path / "reports")
    QgsSettings().setValue(SETTINGS_KEY, before)


def test_the_dialog_says_where_it_wrote(tmp_path, qgis_iface):
    dialog = QDialog()
    dialog.statusLabel, dialog.iface = QLabel("3 sites checked", dialog), qgis_iface
    announce_folder(dialog, tmp_path)
    assert "3 sites checked" in dialog.statusLabel.text()
    assert Path(tmp_path).as_uri() in dialog.statusLabel.text()
    said = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Info)
    assert said and Path(tmp_path).as_uri() in said[-1]


def test_an_output_folder_that_cannot_be_made_is_a_sentence(tmp_path, qgis_app):
    from yongji_plugin.core.shared.errors import PlanError

    blocker = tmp_path / "a_file"
    blocker.write_text("not a folder")
    row = OutputFolderRow(QDialog(), QVBoxLayout())
    row.edit.setText(str(blocker / "reports"))
    try:
        row.new_run_folder("高度检查")
    except PlanError as error:
        assert str(blocker) in str(error)
    else:
        raise AssertionError("a folder under a file was made")
    assert QgsSettings().value(SETTINGS_KEY, "") != str(blocker / "reports")  # not remembered
