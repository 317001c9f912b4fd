"""规划实施监测预警 as one job: the dialog and the Processing algorithm run exactly this."""
from ...i18n import tr
from ..shared.job import Job
from .outputs import result_layers
from .report import write_report
from .run import run_monitoring


def monitoring_job(plan: dict, inputs: list, params, reference=None, patches=()) -> Job:
    """``plan``: plan layers by catalogue code; ``inputs``: snapshots.SnapshotInput of later years;
    ``patches``: patches.PatchInput (change patches)."""

    def report(result, path, written, note, feedback):
        return write_report(result, path, outputs_note=note, feedback=feedback)

    return Job(
        title=tr("Plan implementation monitoring"),
        canceled_text=tr("The monitoring was canceled: nothing was written"),
        compute=lambda feedback: run_monitoring(plan, inputs, params, reference, feedback, tuple(patches)),
        layers=result_layers,
        report=report,
        report_files=report_files)


def report_files(path) -> list:
    from pathlib import Path

    path = Path(path)
    return [path, path.with_suffix(".pdf"), path.with_name(path.stem + "_maps"), path.with_name(path.stem + "_charts")]
