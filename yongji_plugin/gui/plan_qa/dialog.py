"""规划成果质检: tick rules, run them in the background on the loaded plan, see errors and report."""

from qgis.core import QgsProject
from qgis.PyQt.QtCore import Qt, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QListWidgetItem

from ...core.plan_data.catalogue import default_catalogue
from ...core.plan_data.loader import describe_sources, layers_by_code
from ...core.plan_qa.job import ERRORS, counts_text, qa_job
from ...core.plan_qa.model import load_qa_rules
from ...core.shared.destinations import MemoryDestination
from ...core.shared.errors import PlanError
from ...core.shared.settings import PluginSettings
from ...i18n import tr
from ..shared.background import TaskDialogMixin, thread_copy
from ..shared.forms import load_form
from ..shared.job_task import JobTask
from ..shared.messages import show_error, show_info
from ..shared.output_folder import OutputFolderRow, announce_folder
from ..shared.result_group import add_result_layer

FORM, BASE = load_form("qa.ui")


class QaDialog(TaskDialogMixin, BASE, FORM):
    def __init__(self, iface=None, parent=None, open_report=True):
        super().__init__(parent)
        self.setupUi(self)
        self.iface, self.open_report = iface, open_report
        self.rules = load_qa_rules()
        self.errors_layer = self.report_paths = None
        for rule in self.rules.rules:
            item = QListWidgetItem(f"{rule.id}  {rule.description}")
            item.setData(Qt.ItemDataRole.UserRole, rule.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.ruleList.addItem(item)
        self.setup_task_buttons(tr("Run check"), tr("Cancel check"))
        self.folder_row = OutputFolderRow(self, self.layout())
        self.allButton.clicked.connect(lambda: self._check_all(Qt.CheckState.Checked))
        self.noneButton.clicked.connect(lambda: self._check_all(Qt.CheckState.Unchecked))

    def _check_all(self, state):
        for i in range(self.ruleList.count()):
            self.ruleList.item(i).setCheckState(state)

    def checked_rules(self):
        return [
            self.ruleList.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.ruleList.count())
            if self.ruleList.item(i).checkState() == Qt.CheckState.Checked
        ]

    def run(self):
        chosen = self.rules.subset(self.checked_rules())
        if not chosen.rules:
            show_error(self, tr("Tick at least one rule"), self.iface)
            return None
        plan = layers_by_code(QgsProject.instance().mapLayers().values())
        if not plan:
            show_error(self, tr("No plan layers in the project: load the plan layers first"), self.iface)
            return None
        layers = {code: thread_copy(layer) for code, layer in plan.items()}
        job = qa_job(
            layers,
            chosen,
            default_catalogue().crs,
            PluginSettings.load().engine_backend,
            describe_sources(plan.values()),
            self.rules.tolerance,
        )
        try:
            report = self.folder_row.new_run_folder(tr("Plan data quality check")) / (tr("qa_report") + ".html")
        except PlanError as error:
            show_error(self, str(error), self.iface)
            return None
        return self.start_task(JobTask(job, MemoryDestination(), report, self._done))

    def _done(self, task, ok):
        if not self.task_ended(task, ok):
            return
        self.errors_layer = task.layers_out[ERRORS]
        add_result_layer(self.errors_layer)
        self.report_paths = task.report_paths
        text = counts_text(task.result)
        self.statusLabel.setText(text)
        show_info(self.iface, text)
        announce_folder(self, self.report_paths["html"].parent)
        if self.open_report:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.report_paths["html"])))
