"""项目选址合规性检查 as one job: the dialog and the Processing algorithm run exactly this."""

from ...i18n import tr
from ..shared.job import Job
from .check import run_compliance
from .outputs import result_tables
from .report import write_report


def compliance_job(sites, layers: dict, ruleset, params, site_name: str = None) -> Job:
    """``sites``: a layer, a feature source or a SiteView; ``layers``: control layers by code."""

    def report(result, path, written, note, feedback):
        return write_report(result, path, outputs_note=note, feedback=feedback)

    return Job(
        title=tr("Project site compliance check"),
        canceled_text=tr("The compliance check was canceled: nothing was written"),
        compute=lambda feedback: run_compliance(sites, layers, ruleset, params, feedback, site_name),
        layers=result_tables,
        report=report,
    )
