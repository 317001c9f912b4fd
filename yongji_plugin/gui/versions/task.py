"""The version comparison in the background; the report and sheets (Qt's PDF writer) on the GUI thread.

The worker opens both sources itself (layers belong to the thread that reads them), compares them
and renders the change maps; the GUI thread then builds the result layers and writes the report.
Cancel: a canceled comparison returns a canceled result, and nothing of it is kept; a cancel
during the map rendering deletes the maps drawn so far.
"""
import shutil
from pathlib import Path
from typing import Optional

from ...core.plan_data.sources import Source
from ...core.shared.errors import PlanError
from ...core.versions.compare import compare_sources
from ...core.versions.model import CompareParams
from ...core.versions.outputs import result_layers
from ...core.versions.report import render_maps, write_report
from ...i18n import tr
from ..shared.background import BackgroundTask


class VersionsTask(BackgroundTask):
    def __init__(self, old: Source, new: Source, params: CompareParams, report: Optional[Path] = None,
                 on_done=None):
        super().__init__(tr("Compare plan versions"), self._work, on_done)
        self.old, self.new, self.params, self.report = old, new, params, report
        self.maps = {}
        self.layers_out = self.report_paths = None

    def _work(self, feedback):
        result, old, new = compare_sources(self.old, self.new, self.params, feedback)
        if result.canceled or self.report is None:
            return result
        folder = self.report.with_name(self.report.stem + "_maps")
        self.maps = render_maps(result, old, new, folder)
        if feedback.isCanceled():
            shutil.rmtree(folder, ignore_errors=True)
            result.canceled = True
        return result

    def finished(self, ok):
        if ok:
            self.layers_out = result_layers(self.result)
            if self.report is not None:
                try:
                    self.report_paths = write_report(self.result, self.report, self.maps)
                except (OSError, PlanError) as error:
                    self.error = tr("Report not written: {error}").format(error=error)
        super().finished(ok)
