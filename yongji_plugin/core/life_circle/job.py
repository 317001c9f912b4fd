"""15分钟社区生活圈 as one job: the dialog and the Processing algorithm run exactly this."""

from ...i18n import tr
from ..shared.job import Job
from .check import LifeCircleParams, run_life_circle
from .outputs import AREAS, result_layers, write_report
from .table import LifeCircleTable


def life_circle_job(facilities, areas, network, table: LifeCircleTable, params: LifeCircleParams) -> Job:
    """Layers the computing thread may read (``network`` None only with the fallback). The report's
    coverage map draws the memory areas layer, styled as the check styles it."""
    made = {}

    def layers(result):
        made.update(result_layers(result))
        return dict(made)

    def report(result, path, written, note, feedback):
        return write_report(result, path, made.get(AREAS))

    return Job(
        title=tr("15-minute community life circle"),
        canceled_text=tr("The life-circle analysis was canceled: nothing was written"),
        compute=lambda feedback: run_life_circle(facilities, areas, network, table, params, feedback),
        layers=layers,
        report=report,
        thread_safe_outputs=False,
    )  # the report's PDF: QTextDocument on the GUI thread
