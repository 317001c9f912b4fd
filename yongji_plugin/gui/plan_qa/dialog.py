"""规划成果质检: tick rules, run them in the background on the loaded plan, see errors and report."""
import tempfile
from pathlib import Path

from qgis.core import QgsProject
from qgis.PyQt.QtCore import Qt, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QListWidgetItem

from ...core.plan_data.catalogue import default_catalogue
from ...core.plan_data.loader import describe_sources, layers_by_code
from ...core.plan_qa.model import load_qa_rules
from ...core.plan_qa.outputs import error_layer, write_qa_report
from ...core.plan_qa.run import run_qa
from ...core.shared.settings import PluginSettings
from ...i18n import tr
from ..shared.background import BackgroundTask, TaskDialogMixin, thread_copy
from ..shared.forms import load_form
from ..shared.messages import show_error, show_info

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
        self.allButton.clicked.connect(lambda: self._check_all(Qt.CheckState.Checked))
        self.noneButton.clicked.connect(lambda: self._check_all(Qt.CheckState.Unchecked))

    def _check_all(self, state):
        for i in range(self.ruleList.count()):
            self.ruleList.item(i).setCheckState(state)

    def checked_rules(self):
        return [self.ruleList.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.ruleList.count())
                if self.ruleList.item(i).checkState() == Qt.CheckState.Checked]

    def run(self):
        chosen = self.rules.subset(self.checked_rules())
        if not chosen.rules:
            show_error(self, tr("Tick at least one rule"), self.iface)
            return None
        layers = {code: thread_copy(layer) for code, layer in
                  layers_by_code(QgsProject.instance().mapLayers().values()).items()}
        if not layers:
            show_error(self, tr("No plan layers in the project: load the plan layers first"), self.iface)
            return None
        crs = default_catalogue().crs
        backend = PluginSettings.load().engine_backend
        return self.start_task(BackgroundTask(
            tr("Plan data quality check"), lambda feedback: run_qa(layers, chosen, crs, feedback, backend),
            self._done))

    def _done(self, task, ok):
        if not self.task_ended(task, ok):
            return
        crs = default_catalogue().crs
        self.errors_layer = error_layer(task.result, crs)
        QgsProject.instance().addMapLayer(self.errors_layer)
        report = Path(tempfile.mkdtemp(prefix="yongji_qa_")) / "qa_report.html"
        plan = layers_by_code(QgsProject.instance().mapLayers().values()).values()
        self.report_paths = write_qa_report(task.result, report, describe_sources(plan), crs,
                                            self.rules.tolerance)
        text = tr("{errors} errors; {failed} rules failed, {skipped} skipped").format(
            errors=len(task.result.errors),
            failed=sum(1 for o in task.result.outcomes if o.status == "failed"),
            skipped=sum(1 for o in task.result.outcomes if o.status == "skipped"))
        self.statusLabel.setText(text)
        show_info(self.iface, text)
        if self.open_report:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.report_paths["html"])))
