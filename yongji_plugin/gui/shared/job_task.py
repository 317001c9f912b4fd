"""A capability's job (``core.shared.job``) in the background: the dialogs' one way to run a check.

The worker computes; the layers and the report are delivered in the worker as well when the job's
outputs are thread-safe (a report of thousands of sites never freezes the window), else on the GUI
thread when the worker is done. Either way one :func:`~...core.shared.job.deliver` writes them, so
an error or a cancel removes what this run wrote, exactly as in Processing.
"""

import traceback
from pathlib import Path

from ...core.shared.errors import PlanError
from ...core.shared.job import compute, deliver
from ...i18n import tr
from .background import BackgroundTask
from .output_folder import discard_if_empty


class JobTask(BackgroundTask):
    def __init__(self, job, destination, report=None, on_done=None):
        """``destination``: a core.shared.destinations destination; ``report``: a path or None."""
        super().__init__(job.title, self._work, on_done)
        self.job, self.destination, self.report = job, destination, report
        self.layers_out = self.report_paths = None

    def _work(self, feedback):
        result = compute(self.job, feedback)
        if not result.canceled and self.job.thread_safe_outputs:
            self._deliver(result, feedback)
        return result

    def _deliver(self, result, feedback) -> None:
        delivery = deliver(self.job, result, self.destination, self.report, feedback)
        if not delivery.canceled:
            self.layers_out, self.report_paths = delivery.layers, delivery.report

    def finished(self, ok):
        if ok and not self.job.thread_safe_outputs:
            try:
                self._deliver(self.result, self.feedback)
            except (OSError, PlanError, RuntimeError) as error:
                self.exit_traceback = traceback.format_exc()
                self.error = tr("Results not written: {error}").format(error=error)
                ok = False
            ok = ok and not self.result.canceled
        if not ok and self.report is not None:  # the run folder a dialog made for it, if left empty
            discard_if_empty(Path(self.report).parent)
        super().finished(ok)
