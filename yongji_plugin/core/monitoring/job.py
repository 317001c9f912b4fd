"""规划实施监测预警 as one job: the dialog and the Processing algorithm run exactly this.

The job's layers are the findings, construction, 耕地 changes and tables; its report step writes
the 年度监测预警报告 and, when asked for, the map sheet and the township atlas (``sheets``) — in one
place, so an export that fails removes the layers and the report written before it.
"""

from pathlib import Path

from ...i18n import tr
from ..shared.job import Job
from .outputs import result_layers
from .report import write_report
from .run import run_monitoring
from .sheets import sheet_chart_path, write_atlas, write_sheet


def monitoring_job(
    plan: dict, inputs: list, params, reference=None, patches=(), sheet=None, atlas=None, dpi: int = 150
) -> Job:
    """``plan``: plan layers by catalogue code; ``inputs``: snapshots.SnapshotInput of later years;
    ``patches``: patches.PatchInput (change patches); ``sheet``, ``atlas``: the map sheet's and the
    township atlas's files (None: not printed; a sheet only when something was found)."""

    def report(result, path, written, note, feedback):
        files = {}
        if path is not None:
            files = write_report(result, path, outputs_note=note, feedback=feedback)
            if files is None:  # canceled: the report removed its files
                return None
        if sheet is not None and result.findings():
            files["sheet"] = write_sheet(result, plan, sheet, dpi)
        if atlas is not None:
            files["atlas"] = write_atlas(result, plan, atlas, dpi)
        return files

    printed = [p for p in (sheet, sheet_chart_path(sheet) if sheet else None, atlas) if p is not None]
    return Job(
        title=tr("Plan implementation monitoring"),
        canceled_text=tr("The monitoring was canceled: nothing was written"),
        compute=lambda feedback: run_monitoring(plan, inputs, params, reference, feedback, tuple(patches)),
        layers=result_layers,
        report=report,
        report_files=report_files,
        files=printed,
        thread_safe_outputs=not printed,
    )  # print layouts export on the GUI thread only


def report_files(path) -> list:
    path = Path(path)
    return [path, path.with_suffix(".pdf"), path.with_name(path.stem + "_maps"), path.with_name(path.stem + "_charts")]
