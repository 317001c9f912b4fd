"""The compliance check as a QgsTask: the engine runs in the background with progress and cancel.

Layers cannot be shared across threads, so the task reads copies of the layers (same sources)
and hands the finished result back on the main thread, where the report (which paints) is made.
"""
from qgis.core import QgsFeatureRequest, QgsFeedback, QgsTask

from ..core.compliance import run_compliance
from ..core.compliance_outputs import result_layers, write_geopackage
from ..core.errors import PlanError
from ..core.report import write_report
from ..i18n import tr


class ComplianceTask(QgsTask):
    def __init__(self, sites, layers, ruleset, params, output=None, report=None, on_done=None):
        super().__init__(tr("Project site compliance check"), QgsTask.CanCancel)
        self.sites = thread_copy(sites)
        self.site_name = sites.name()
        self.layers = {code: thread_copy(layer) for code, layer in layers.items()}
        self.ruleset, self.params = ruleset, params
        self.output, self.report = output, report
        self.on_done = on_done
        self.result = self.layers_out = self.report_paths = None
        self.error = None
        self.feedback = QgsFeedback()
        self.feedback.progressChanged.connect(self.setProgress)

    def cancel(self):
        self.feedback.cancel()
        super().cancel()

    def run(self):
        try:
            self.result = run_compliance(self.sites, self.layers, self.ruleset, self.params,
                                         self.feedback, self.site_name)
            if self.result.canceled or self.isCanceled():
                return False
            self.layers_out = result_layers(self.result)
            if self.output:
                self.layers_out = write_geopackage(self.layers_out, self.output)
            return True
        except PlanError as error:
            self.error = str(error)
            return False

    def finished(self, ok):
        if ok and self.report:
            try:
                self.report_paths = write_report(self.result, self.report)
            except (OSError, PlanError) as error:
                self.error = tr("Report not written: {error}").format(error=error)
        if self.on_done is not None:
            self.on_done(self, ok)


def thread_copy(layer):
    """A copy another thread may read: memory layers copied with their features, others cloned."""
    if layer.providerType() == "memory":
        copy = layer.materialize(QgsFeatureRequest())
        copy.setName(layer.name())
        return copy
    return layer.clone()
