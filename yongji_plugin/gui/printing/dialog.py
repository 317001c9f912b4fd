"""专题图打印: choose sheets, format, DPI and folder; preview in the layout designer; export.

QGIS renders layouts on the GUI thread, so the export runs one job per event-loop turn, and an
atlas lets events through between its pages (as QGIS's own layout designer does): the window
stays responsive, the progress bar moves, and Cancel stops before the next sheet or atlas page.
A job cut short deletes what it wrote; the sheets and atlases exported before it stay whole.
"""

from pathlib import Path

from qgis.core import QgsFeedback, QgsProject, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, Qt, QTimer
from qgis.PyQt.QtWidgets import QDialogButtonBox, QFileDialog, QListWidgetItem

from ...core.guidance.township_figures import township_coverage
from ...core.plan_data.loader import layers_by_code
from ...core.printing.jobs import StepFeedback, print_jobs, run_job
from ...core.printing.sheets import PDF, PNG, SheetBuilder
from ...core.shared.cancel import Canceled
from ...core.shared.errors import PlanError
from ...core.shared.outputs_guard import refuse_run
from ...core.shared.settings import PluginSettings
from ...core.site_check.result_styles import atlas_layers
from ...i18n import tr
from ..shared.forms import load_form
from ..shared.messages import show_error, show_info
from ..shared.output_folder import announce_folder

FORM, BASE = load_form("print_sheets.ui")
FORMATS = (PDF, PNG)
SETTINGS_FOLDER = "yongji/print/folder"


class PrintDialog(BASE, FORM):
    def __init__(self, iface=None, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.iface = iface
        self.jobs, self.outputs, self.builder = [], [], None
        self.feedback, self._failed, self._done, self._total = None, False, 0, 0
        self.formatCombo.addItems(["PDF", "PNG"])
        self.dpiSpin.setValue(PluginSettings.load().print_dpi)
        self.folderEdit.setText(QgsSettings().value(SETTINGS_FOLDER, ""))
        for sheet in SheetBuilder({}).sheets.sheets:
            item = QListWidgetItem(sheet.title)
            item.setData(Qt.ItemDataRole.UserRole, sheet.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.sheetList.addItem(item)
        roles = QDialogButtonBox.ButtonRole
        self.previewButton = self.buttonBox.addButton(tr("Preview in layout designer"), roles.ActionRole)
        self.exportButton = self.buttonBox.addButton(tr("Export"), roles.AcceptRole)
        self.cancelButton = self.buttonBox.addButton(tr("Cancel export"), roles.ActionRole)
        self.cancelButton.setEnabled(False)
        self.folderButton.clicked.connect(self._choose_folder)
        self.previewButton.clicked.connect(self.preview)
        self.exportButton.clicked.connect(self.export)
        self.cancelButton.clicked.connect(self.cancel)
        self.buttonBox.rejected.connect(self.reject)

    def _choose_folder(self):
        folder = QFileDialog.getExistingDirectory(self, tr("Output folder"), self.folderEdit.text())
        if folder:
            self.folderEdit.setText(folder)

    def checked_sheets(self):
        return [
            self.sheetList.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.sheetList.count())
            if self.sheetList.item(i).checkState() == Qt.CheckState.Checked
        ]

    def _project_layers(self):
        layers = list(QgsProject.instance().mapLayers().values())
        by_name = {layer.name(): layer for layer in layers}
        return layers_by_code(layers), by_name.get(tr("Site compliance summary")), by_name.get(tr("Conflict pieces"))

    def preview(self):
        sheets = self.checked_sheets()
        if not sheets:
            show_error(self, tr("Tick at least one map sheet"), self.iface)
            return None
        try:
            plan, _, _ = self._project_layers()
            builder = SheetBuilder(plan)
            layout = builder.sheet_layout(builder.sheets.sheet(sheets[0]))
        except PlanError as error:
            show_error(self, str(error), self.iface)
            return None
        self._preview_builder = builder  # keeps the layout's layers alive while it is open
        manager = QgsProject.instance().layoutManager()
        existing = manager.layoutByName(layout.name())
        if existing is not None:
            manager.removeLayout(existing)
        manager.addLayout(layout)
        if self.iface is not None and hasattr(self.iface, "openLayoutDesigner"):
            self.iface.openLayoutDesigner(layout)
        return layout

    def export(self):
        folder = self.folderEdit.text().strip()
        if not folder:
            show_error(self, tr("Choose an output folder"), self.iface)
            return False
        try:
            plan, summary, conflicts = self._project_layers()
            refuse_run([*plan.values(), summary, conflicts], [(folder, tr("Output folder"), True)])
            if self.siteAtlasCheck.isChecked() and summary is None:
                raise PlanError(tr("Run a compliance check first: no site summary layer in the project"))
            self.builder = SheetBuilder(plan)
            self.jobs = print_jobs(
                self.builder,
                folder,
                self.checked_sheets(),
                FORMATS[self.formatCombo.currentIndex()],
                self.dpiSpin.value(),
                (lambda: township_coverage(plan)) if self.townshipAtlasCheck.isChecked() else None,
                (lambda: atlas_layers(summary, conflicts)) if self.siteAtlasCheck.isChecked() else None,
            )
        except PlanError as error:
            show_error(self, str(error), self.iface)
            return False
        if not self.jobs:
            show_error(self, tr("Tick at least one map sheet"), self.iface)
            return False
        QgsSettings().setValue(SETTINGS_FOLDER, folder)
        self.outputs, self._failed, self._done, self._total = [], False, 0, len(self.jobs)
        self.feedback = QgsFeedback()
        self.feedback.progressChanged.connect(self._progress)
        self.progressBar.setValue(0)
        self.exportButton.setEnabled(False)
        self.previewButton.setEnabled(False)
        self.cancelButton.setEnabled(True)
        QTimer.singleShot(0, self._next)
        return True

    def cancel(self):
        if self.feedback is not None:
            self.feedback.cancel()

    def _progress(self, value):
        """Progress inside a job (an atlas, page by page); the events let a Cancel click land."""
        self.progressBar.setValue(int(value))
        QCoreApplication.processEvents()

    def _next(self):
        if self.feedback.isCanceled() or not self.jobs:
            return self._finish()
        job = self.jobs.pop(0)
        self.statusLabel.setText(tr("Exporting {name}…").format(name=job.name))
        try:
            self.outputs += run_job(job, StepFeedback(self.feedback, self._done, self._total))
            self._done += 1
            self.feedback.setProgress(100.0 * self._done / self._total)
        except Canceled:
            pass  # the job deleted what it had written; _finish says the export was canceled
        except PlanError as error:
            show_error(self, str(error), self.iface)
            self._failed, self.jobs = True, []
        QTimer.singleShot(0, self._next)

    def _finish(self):
        self.exportButton.setEnabled(True)
        self.previewButton.setEnabled(True)
        self.cancelButton.setEnabled(False)
        if self.feedback.isCanceled():
            text = tr("Export canceled after {count} files")
        elif self._failed:
            text = tr("Export failed after {count} files")
        else:
            text = tr("Exported {count} files")
        text = text.format(count=len(self.outputs))
        self.statusLabel.setText(text)
        if not self._failed:
            show_info(self.iface, text)
        if self.outputs and not self._failed and not self.feedback.isCanceled():  # a whole export: its folder
            announce_folder(self, Path(self.folderEdit.text().strip()))
        self.jobs = []

    def busy(self) -> bool:
        return not self.exportButton.isEnabled()
