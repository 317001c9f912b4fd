"""乡镇规划指引: the core's job (``core.guidance.job``) in the background: the layer, the table files and the report."""

from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtGui import QDesktopServices

from ...core.guidance.job import GUIDANCE, guidance_job
from ...core.guidance.township_guidance import default_figures
from ...core.measuring.unit_areas import TOWNSHIPS
from ...core.plan_data.loader import describe_sources
from ...core.shared.areas import hectares
from ...i18n import tr
from ..shared.forms import load_form
from ..shared.job_task import JobTask
from ..shared.messages import show_error, show_info
from ..shared.output_folder import announce_folder
from ..shared.plan_inputs import PlanMeasureDialogMixin, area_method
from ..shared.result_group import add_result_layer

FORM, BASE = load_form("township_guidance.ui")
SETTINGS_FOLDER = "yongji/guidance/folder"


def file_stem() -> str:
    """The run's file names in the user's language (乡镇规划指引.csv …, not township_guidance.csv)."""
    return tr("township_guidance")


class TownshipGuidanceDialog(PlanMeasureDialogMixin, BASE, FORM):
    def __init__(self, iface=None, parent=None, open_report=True):
        super().__init__(parent)
        self.setupUi(self)
        self.iface, self.open_report = iface, open_report
        self.layer = self.files = self.report_paths = None
        self.setup_controls(tr("Run"), tr("Cancel"), SETTINGS_FOLDER)

    def build_task(self) -> JobTask:
        area, figures = area_method(self), default_figures()

        def make_job(layers, backend, folder):
            job = guidance_job(
                layers,
                area,
                figures,
                backend,
                describe_sources(self._plan.values()),
                folder / f"{file_stem()}.csv",
                folder / f"{file_stem()}.xlsx",
            )
            return job, folder / f"{file_stem()}.html"

        return self.job_task([TOWNSHIPS] + [f.layer for f in figures], tr("Township planning guidance"), make_job)

    def _done(self, task, ok):
        if not self.task_ended(task, ok):
            return
        result, self.report_paths = task.result, task.report_paths
        self.layer = task.layers_out[GUIDANCE]
        self.files = [self.report_paths["csv"], self.report_paths["xlsx"]]
        add_result_layer(self.layer)
        text = tr("{count} townships measured ({method}); table and report in {folder}").format(
            count=len(result.townships), method=result.area_method.describe(), folder=self._folder
        )
        mismatches = result.mismatches()
        if result.warnings:
            text += "\n" + "\n".join(result.warnings)
        if mismatches:
            labels = {f.key: f.label for f in result.figures}
            worst = max(abs(result.township_sum(k) - result.city_value(k)) for k in mismatches)
            text += "\n" + tr(
                "The townships do not add up to the city for {figures} (up to {diff:.4f} ha): "
                "run the plan data quality check"
            ).format(
                figures=", ".join(labels.get(k, tr("Administrative area")) for k in mismatches), diff=hectares(worst)
            )
        if mismatches or result.warnings:
            show_error(self, text, self.iface)
        else:
            show_info(self.iface, text)
        self.statusLabel.setText(text)
        announce_folder(self, self._folder)
        if self.open_report:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.report_paths["html"])))
