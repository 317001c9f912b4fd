"""规划成果质检 as one job: the dialog and the Processing algorithm run exactly this."""

from pathlib import Path

from ...i18n import tr
from ..shared.job import Job
from .model import FAILED, SKIPPED, QaResult, QaRuleSet
from .outputs import error_layer, write_qa_report
from .run import run_qa

ERRORS = "errors"


def qa_job(layers: dict, ruleset: QaRuleSet, crs: str, backend: str, data_source: str, tolerance: float) -> Job:
    """``layers``: the plan layers by catalogue code (copies a worker thread may read);
    ``data_source``: the report's line naming where they came from."""

    def report(result, path, written, note, feedback):
        return write_qa_report(result, path, data_source, crs, tolerance)

    return Job(
        title=tr("Plan data quality check"),
        canceled_text=tr("Plan QA was canceled: nothing was written"),
        compute=lambda feedback: run_qa(layers, ruleset, crs, feedback, backend),
        layers=lambda result: {ERRORS: error_layer(result, crs)},
        report=report,
        report_files=lambda path: [Path(path), Path(path).with_suffix(".pdf")],
        thread_safe_outputs=False,
    )  # the report's PDF: QTextDocument on the GUI thread


def counts_text(result: QaResult) -> str:
    """The run in one line, for the dialog's status."""
    return tr("{errors} errors; {failed} rules failed, {skipped} skipped").format(
        errors=len(result.errors),
        failed=sum(1 for o in result.outcomes if o.status == FAILED),
        skipped=sum(1 for o in result.outcomes if o.status == SKIPPED),
    )
