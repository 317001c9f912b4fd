"""建筑高度控制检查 as one job: the dialog and the Processing algorithm run exactly this."""

from ...i18n import tr
from ..shared.job import Job
from .check import HeightParams, run_height_check
from .outputs import result_layers, write_report


def height_job(buildings, zones, params: HeightParams) -> Job:
    """``buildings`` and ``zones``: layers the computing thread may read. The report's map draws
    the memory layers (styled as the check styles them), wherever the layers were written."""
    made = {}

    def layers(result):
        made.update(result_layers(result))
        return dict(made)

    def report(result, path, written, note, feedback):
        return write_report(result, path, made)

    return Job(
        title=tr("Building height check"),
        canceled_text=tr("The building height check was canceled: nothing was written"),
        compute=lambda feedback: run_height_check(buildings, zones, params, feedback),
        layers=layers,
        report=report,
        thread_safe_outputs=False,
    )  # the report's PDF: QTextDocument on the GUI thread
