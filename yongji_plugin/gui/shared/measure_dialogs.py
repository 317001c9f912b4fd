"""What the measures' dialogs share: layer and field pickers, area options, showing a job's results."""

from pathlib import Path

from qgis.core import QgsProject
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QFileDialog

from ...core.plan_data.loader import layers_by_code
from ...i18n import tr
from .background import TaskDialogMixin
from .layer_choice import fill_layers  # noqa: F401 - the measure dialogs import it from here
from .messages import show_info
from .output_folder import OutputFolderRow, announce_folder
from .plan_inputs import fill_area_controls
from .result_group import result_group


def worker_copy(layer):
    """A copy the worker thread may read, with the user's feature ids (results name features by id)."""
    return None if layer is None else layer.clone()


def plan_layer(code: str):
    """The project's layer of a catalogue code, if loaded."""
    return layers_by_code(QgsProject.instance().mapLayers().values()).get(code)


def chosen_layer(combo):
    return QgsProject.instance().mapLayer(combo.currentData() or "")


def fill_fields(combo, layer, default: str = "", allow_none: bool = True) -> None:
    """The layer's field names; ``default`` selected when the layer has it."""
    current = combo.currentText()
    combo.clear()
    if allow_none:
        combo.addItem("")
    if layer is not None:
        combo.addItems(layer.fields().names())
    for name in (current, default):
        index = combo.findText(name) if name else -1
        if index >= 0:
            combo.setCurrentIndex(index)
            return


def setup_area_options(dialog) -> None:
    fill_area_controls(dialog)
    dialog.folder_row = OutputFolderRow(dialog, dialog.layout())
    dialog.outputButton.clicked.connect(lambda: choose_output(dialog))


def choose_output(dialog) -> None:
    path, _ = QFileDialog.getSaveFileName(dialog, tr("Output GeoPackage"), "", tr("GeoPackage (*.gpkg)"))
    if path:
        dialog.outputEdit.setText(path)


def report_path(dialog, title: str) -> Path:
    """``<title>.html`` in this run's own folder under the output folder the dialog shows."""
    return dialog.folder_row.new_run_folder(title) / f"{title}.html"


class LayerMeasureDialogMixin(TaskDialogMixin):
    """A measure over layers the user picks: Run and Cancel (:meth:`setup_task_buttons`), a run
    that shows bad input as a sentence instead of starting, and layer lists refreshed whenever the
    dialog is shown. (Measures over the plan's own layers: ``plan_inputs.PlanMeasureDialogMixin``.)"""

    def showEvent(self, event):
        if self.task is None:
            self.refresh_layers()
        super().showEvent(event)


def show_results(dialog, task, group_name: str, text: str) -> None:
    """Add the task's layers to the project in a group, zoom to the first, say what was found."""
    project = QgsProject.instance()
    group = result_group(group_name, project)
    for layer in task.layers_out.values():
        project.addMapLayer(layer, False)
        group.addLayer(layer)
    dialog.statusLabel.setText(text)
    show_info(dialog.iface, text)
    first = next(iter(task.layers_out.values()))
    if dialog.iface is not None and dialog.iface.mapCanvas() is not None and first.featureCount():
        extent = first.extent()
        extent.grow(max(extent.width(), extent.height()) * 0.1 + 100)
        dialog.iface.mapCanvas().setExtent(extent)
        dialog.iface.mapCanvas().refresh()
    if task.report_paths:
        announce_folder(dialog, Path(task.report_paths["html"]).parent)
    if task.report_paths and dialog.open_report:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(task.report_paths["html"])))
