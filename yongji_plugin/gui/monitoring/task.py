"""The monitoring in the background: the core's job (``core.monitoring.job``) in a JobTask, on copies
of the plan and snapshot layers a worker thread may read; layers and report written in the worker
(the report paints onto images and a PDF writer only), or, with the map sheet and atlas (print
layouts), on the GUI thread when the worker is done."""

from ...core.monitoring.job import monitoring_job
from ...core.monitoring.patches import PatchInput
from ...core.monitoring.snapshots import SnapshotInput
from ...core.shared.destinations import destination_for
from ..shared.background import thread_copy
from ..shared.job_task import JobTask


def monitoring_task(
    plan: dict,
    inputs: list,
    params,
    output=None,
    report=None,
    on_done=None,
    patches=(),
    sheet=None,
    atlas=None,
    dpi: int = 150,
) -> JobTask:
    """``plan``: the project's plan layers by code; ``inputs``: SnapshotInputs of the user's layers;
    ``patches``: PatchInputs; ``sheet``, ``atlas``: the print outputs' files (None: not printed)."""
    plan = {code: thread_copy(layer) for code, layer in plan.items()}
    copies = []
    for given in inputs:
        copy = thread_copy(given.layer)
        copy.setName(given.layer.name())
        copies.append(SnapshotInput(copy, given.year, given.class_field))
    patch_copies = []
    for given in patches:
        copy = thread_copy(given.layer)
        copy.setName(given.layer.name())
        patch_copies.append(PatchInput(copy, given.year, given.before_field, given.after_field))
    job = monitoring_job(plan, copies, params, None, patch_copies, sheet, atlas, dpi)
    return JobTask(job, destination_for(output), report, on_done)
