"""乡镇规划指引 as one job: the dialog and the Processing algorithm run exactly this.

The layer is the job's result layer; the table files (CSV, XLSX) and the HTML/PDF report are its
report step, so a table that cannot be written removes the layer and report written before it.
"""

from ...i18n import tr
from ..measuring.unit_areas import TOWNSHIPS
from ..shared.areas import AreaMethod
from ..shared.job import Job
from .outputs import export_table, guidance_layer, write_guidance_report
from .township_guidance import Figure, township_guidance

GUIDANCE = "guidance"


def guidance_job(
    layers: dict,
    area: AreaMethod,
    figures: list[Figure],
    backend: str = None,
    data_source: str = "",
    csv=None,
    xlsx=None,
) -> Job:
    """``layers``: the plan layers by code (the computing thread may read them); ``csv``, ``xlsx``:
    the table files to write (None: not written)."""

    def report(result, path, written, note, feedback):
        tables = [(kind, table) for kind, table in (("csv", csv), ("xlsx", xlsx)) if table]
        files = dict(zip([kind for kind, _ in tables], export_table(result, csv, xlsx)))
        if path is not None:
            files.update(write_guidance_report(result, path, data_source))
        return files

    return Job(
        title=tr("Township planning guidance"),
        canceled_text=tr("Township planning guidance was canceled: nothing was written"),
        compute=lambda feedback: township_guidance(layers, area, figures, feedback, backend),
        layers=lambda result: {GUIDANCE: guidance_layer(result, layers[TOWNSHIPS])},
        report=report,
        files=[table for table in (csv, xlsx) if table],
        thread_safe_outputs=False,
    )  # the report's PDF: QTextDocument on the GUI thread
