"""坐标文件导入: pick files, preview parcels and problems in a background task, import as sites.

Coordinate files and CAD red lines (DXF drawings) are two exchange formats for the same thing, so
one dialog takes both: the same preview, problem list, import and "send to the compliance check".
A DXF has no CRS, so the dialog asks for it (the project's by default); the zone options apply to
coordinate files only. One kind of file at a time: their CRSs come from different places.

The run is the core's job (``core.coordfile.job``), in two steps the user sees: the preview
computes it (parsing, validation, geometry) in a QgsTask with progress and Cancel, so a large file
never freezes the window; Import delivers it on the GUI thread, where the layer is made, into the
project's memory. A cancelled or superseded preview leaves nothing behind: empty tables, no result,
Import disabled.
"""

from qgis.core import QgsApplication, QgsCoordinateReferenceSystem, QgsProject
from qgis.gui import QgsProjectionSelectionWidget
from qgis.PyQt import sip
from qgis.PyQt.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QLineEdit

from ...core.coordfile.cad import default_crs, is_dxf, layer_names
from ...core.coordfile.crs import MODES, mode_labels
from ...core.coordfile.job import SITES, coordinates_job, dxf_job
from ...core.shared.destinations import MemoryDestination
from ...core.shared.errors import PlanError
from ...core.shared.job import compute, deliver
from ...i18n import tr
from ..shared.background import BackgroundTask
from ..shared.forms import load_form
from ..shared.messages import show_error, show_info
from .models import ParcelModel, ProblemModel

FORM, BASE = load_form("coords_import.ui")
WRAP_ROWS = 2000  # up to this many problems, rows grow to show wrapped messages; beyond, tooltips do


class CoordinateImportDialog(BASE, FORM):
    def __init__(self, iface=None, parent=None, open_check=None):
        super().__init__(parent)
        self.setupUi(self)
        self.iface = iface
        self.open_check = open_check
        self.result = self.job = None
        self.task = None
        self.modeCombo.addItems(mode_labels())
        self.dxfCrsWidget = QgsProjectionSelectionWidget(self)
        self.dxfCrsWidget.setCrs(QgsCoordinateReferenceSystem(default_crs()))
        self.optionsLayout.addRow(QLabel(tr("CRS of DXF drawings"), self), self.dxfCrsWidget)
        self.dxfLayersEdit = QLineEdit(self)
        self.dxfLayersEdit.setPlaceholderText(tr("all layers"))
        self.optionsLayout.addRow(QLabel(tr("CAD layers to import (comma-separated)"), self), self.dxfLayersEdit)
        self.importButton = self.buttonBox.addButton(tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.importButton.setEnabled(False)
        self.cancelButton.setEnabled(False)
        self.previewTable.setModel(ParcelModel())
        self.problemTable.setModel(ProblemModel())
        self.problemTable.horizontalHeader().setStretchLastSection(True)
        self.addButton.clicked.connect(self._add_files)
        self.removeButton.clicked.connect(self._remove_file)
        self.modeCombo.currentIndexChanged.connect(self.preview)
        self.closeRingsCheckBox.toggled.connect(self.preview)
        self.dxfCrsWidget.crsChanged.connect(self.preview)
        self.dxfLayersEdit.editingFinished.connect(self.preview)
        self.importButton.clicked.connect(self.import_sites)
        self.cancelButton.clicked.connect(self.cancel)
        self.buttonBox.rejected.connect(self.reject)

    def files(self):
        return [self.fileList.item(i).text() for i in range(self.fileList.count())]

    def set_files(self, paths):
        self.fileList.clear()
        self.fileList.addItems([str(p) for p in paths])
        return self.preview()

    def _add_files(self):
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            tr("Choose coordinate files or DXF drawings"),
            "",
            tr("Coordinate files and DXF drawings (*.txt *.dxf);;Coordinate files (*.txt);;DXF drawings (*.dxf)"),
        )
        if paths:
            self.set_files(self.files() + paths)

    def _remove_file(self):
        for item in self.fileList.selectedItems():
            self.fileList.takeItem(self.fileList.row(item))
        self.preview()

    def preview(self):
        """Start reading the listed files in a task (a running one is cancelled); returns the task."""
        self.cancel()
        self.task = None
        self._show(None)
        files = self.files()
        drawings = [f for f in files if is_dxf(f)]
        self.modeCombo.setEnabled(len(drawings) < len(files) or not files)
        self.closeRingsCheckBox.setEnabled(len(drawings) < len(files) or not files)
        self.dxfCrsWidget.setEnabled(bool(drawings) or not files)
        self.dxfLayersEdit.setEnabled(bool(drawings) or not files)
        if not files:
            self.statusLabel.setText("")
            return None
        if drawings and len(drawings) < len(files):
            message = tr("Coordinate files and DXF drawings cannot be imported together: import one kind at a time")
            self.statusLabel.setText(message)
            show_error(self, message, self.iface)
            return None
        job = self._job(files, bool(drawings))
        task = BackgroundTask(job.title, lambda feedback: compute(job, feedback), self._preview_done)
        task.job = job
        task.progressChanged.connect(lambda value, task=task: self._progress(task, value))
        self.task = task
        self.cancelButton.setEnabled(True)
        self.statusLabel.setText(tr("Reading…"))
        QgsApplication.taskManager().addTask(task)
        return task

    def _job(self, files, drawings: bool):
        """The DXF import in the chosen CRS, or the coordinate-file import, with the options set now."""
        if drawings:
            return dxf_job(files, self.dxfCrsWidget.crs().authid(), layer_names(self.dxfLayersEdit.text()))
        return coordinates_job(files, MODES[self.modeCombo.currentIndex()], self.closeRingsCheckBox.isChecked())

    def cancel(self):
        if self.task is not None:
            self.task.cancel()

    def reject(self):
        self.cancel()
        super().reject()

    def _progress(self, task, value):
        if not sip.isdeleted(self) and task is self.task:
            self.progressBar.setValue(int(value))

    def _preview_done(self, task, ok):
        if sip.isdeleted(self) or task is not self.task:
            return  # the dialog is gone (plugin unloaded) or a newer preview superseded this one
        self.task = None
        self.cancelButton.setEnabled(False)
        if task.isCanceled() or task.feedback.isCanceled():
            self.progressBar.setValue(0)
            self.statusLabel.setText(tr("Import canceled: nothing was read or imported"))
            return
        if not ok or task.result is None:
            message = task.error or tr("The coordinate files could not be read; see the message log")
            self.statusLabel.setText(message)
            show_error(self, message, self.iface)
            return
        self._show(task.result, task.job)

    def _show(self, result, job=None):
        """Fill the preview from a finished import (computed by ``job``), or empty it (None)."""
        self.result, self.job = result, job
        self.previewTable.setModel(ParcelModel(result.rows if result else ()))
        self.problemTable.setModel(ProblemModel(result.problems if result else ()))
        self.importButton.setEnabled(bool(result and result.features))
        if result is None:
            self.progressBar.setValue(0)
            self.crsLabel.setText("")
            return
        self.progressBar.setValue(100)
        self.previewTable.resizeColumnsToContents()
        if len(result.problems) <= WRAP_ROWS:
            for column in range(4):  # the message column stretches and wraps
                self.problemTable.resizeColumnToContents(column)
            self.problemTable.resizeRowsToContents()
        self.crsLabel.setText(
            tr("CRS: {crs}; {ok} of {total} parcels can be imported").format(
                crs=result.crs, ok=len(result.features), total=len(result.rows)
            )
        )
        self.statusLabel.setText(
            tr("{count} problems found").format(count=len(result.problems))
            if result.problems
            else tr("No problems found")
        )

    def import_sites(self):
        if self.result is None or not self.result.features:
            return None
        try:
            layer = deliver(self.job, self.result, MemoryDestination(), None, None).layers[SITES]
        except PlanError as error:
            show_error(self, str(error), self.iface)
            return None
        QgsProject.instance().addMapLayer(layer)
        show_info(
            self.iface, tr("Imported {count} parcels into {name}").format(count=layer.featureCount(), name=layer.name())
        )
        if self.sendToCheckBox.isChecked() and self.open_check is not None:
            self.open_check(layer)
        self.result = self.job = None
        self.importButton.setEnabled(False)
        return layer
