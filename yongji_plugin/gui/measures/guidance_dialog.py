"""乡镇规划指引: measure the townships in the background, then the layer, the table files and the report."""
from qgis.core import QgsProject, QgsSettings
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtGui import QDesktopServices

from ...core.measures.guidance_outputs import export_table, guidance_layer, write_guidance_report
from ...core.measures.township_guidance import default_figures, township_guidance
from ...core.measures.unit_areas import CITY, TOWNSHIPS
from ...core.plan_data.loader import describe_sources
from ...core.shared.areas import hectares
from ...core.shared.errors import PlanError
from ...core.shared.settings import PluginSettings
from ...i18n import tr
from ..shared.background import BackgroundTask, TaskDialogMixin
from ..shared.forms import load_form
from ..shared.messages import show_error, show_info
from .plan_inputs import (
    area_method,
    choose_folder,
    fill_area_controls,
    output_folder,
    project_plan,
    require_layers,
    thread_copies,
)

FORM, BASE = load_form("township_guidance.ui")
SETTINGS_FOLDER = "yongji/guidance/folder"
FILE_STEM = "township_guidance"


class TownshipGuidanceDialog(TaskDialogMixin, BASE, FORM):
    def __init__(self, iface=None, parent=None, open_report=True):
        super().__init__(parent)
        self.setupUi(self)
        self.iface, self.open_report = iface, open_report
        self.layer = self.files = self.report_paths = None
        fill_area_controls(self)
        self.folderEdit.setText(QgsSettings().value(SETTINGS_FOLDER, ""))
        self.runButton = self.buttonBox.addButton(tr("Run"), self.buttonBox.AcceptRole)
        self.cancelButton = self.buttonBox.addButton(tr("Cancel"), self.buttonBox.ActionRole)
        self.cancelButton.setEnabled(False)
        self.runButton.clicked.connect(self.run)
        self.cancelButton.clicked.connect(self.cancel)
        self.buttonBox.rejected.connect(self.reject)
        self.folderButton.clicked.connect(lambda: choose_folder(self, SETTINGS_FOLDER))

    def build_task(self) -> BackgroundTask:
        area = area_method(self)
        figures = default_figures()
        plan = project_plan()
        codes = [TOWNSHIPS] + [f.layer for f in figures]
        require_layers(plan, codes)
        copies = thread_copies(plan, codes + [CITY])
        self._plan, self._folder = plan, output_folder(self, "yongji_guidance_")

        backend = PluginSettings.load().engine_backend

        def work(feedback):  # a canceled run returns a result marked so: the task reports a cancel
            return township_guidance(copies, area, figures, feedback, backend)

        return BackgroundTask(tr("Township planning guidance"), work, self._done)

    def run(self):
        try:
            return self.start_task(self.build_task())
        except PlanError as error:
            show_error(self, str(error), self.iface)
            return None

    def _done(self, task, ok):
        if not self.task_ended(task, ok):
            return
        result = task.result
        try:
            self.layer = guidance_layer(result, self._plan[TOWNSHIPS])
            self.files = export_table(result, self._folder / f"{FILE_STEM}.csv", self._folder / f"{FILE_STEM}.xlsx")
            self.report_paths = write_guidance_report(result, self._folder / f"{FILE_STEM}.html",
                                                      describe_sources(self._plan.values()))
        except (OSError, PlanError) as error:
            show_error(self, str(error), self.iface)
            return
        QgsProject.instance().addMapLayer(self.layer)
        text = tr("{count} townships measured ({method}); table and report in {folder}").format(
            count=len(result.townships), method=result.area_method.describe(), folder=self._folder)
        mismatches = result.mismatches()
        if result.warnings:
            text += "\n" + "\n".join(result.warnings)
        if mismatches:
            labels = {f.key: f.label for f in result.figures}
            worst = max(abs(result.township_sum(k) - result.city_value(k)) for k in mismatches)
            text += "\n" + tr("The townships do not add up to the city for {figures} (up to {diff:.4f} ha): "
                              "run the plan data quality check").format(
                figures=", ".join(labels.get(k, tr("Administrative area")) for k in mismatches), diff=hectares(worst))
        if mismatches or result.warnings:
            show_error(self, text, self.iface)
        else:
            show_info(self.iface, text)
        self.statusLabel.setText(text)
        if self.open_report:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.report_paths["html"])))
