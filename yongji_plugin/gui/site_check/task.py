"""The compliance check in the background; the report (which paints) is made on the GUI thread."""
from ...core.shared.errors import PlanError
from ...core.site_check.check import run_compliance
from ...core.site_check.outputs import result_layers, write_geopackage
from ...core.site_check.report import write_report
from ...i18n import tr
from ..shared.background import BackgroundTask, thread_copy


class ComplianceTask(BackgroundTask):
    def __init__(self, sites, layers, ruleset, params, output=None, report=None, on_done=None):
        super().__init__(tr("Project site compliance check"), self._work, on_done)
        self.sites, self.site_name = thread_copy(sites), sites.name()
        self.layers = {code: thread_copy(layer) for code, layer in layers.items()}
        self.ruleset, self.params = ruleset, params
        self.output, self.report = output, report
        self.layers_out = self.report_paths = None

    def _work(self, feedback):
        result = run_compliance(self.sites, self.layers, self.ruleset, self.params, feedback,
                                self.site_name)
        if not result.canceled:
            self.layers_out = result_layers(result)
            if self.output:
                self.layers_out = write_geopackage(self.layers_out, self.output)
        return result

    def finished(self, ok):
        if ok and self.report:
            try:
                self.report_paths = write_report(self.result, self.report)
            except (OSError, PlanError) as error:
                self.error = tr("Report not written: {error}").format(error=error)
        super().finished(ok)
