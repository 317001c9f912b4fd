"""The compliance check and its review report in the background (the report paints onto images
and a PDF writer only, which is safe outside the GUI thread, so a report of thousands of sites
never freezes the window).

Cancel: nothing of a canceled check is kept. The check itself returns a canceled result; a cancel
that arrives while the result GeoPackage or the report is written removes what was written (the
file, or this run's layers in a GeoPackage that was there before; the report's files) and marks
the result canceled.
"""
from pathlib import Path

from qgis.core import QgsVectorLayerFeatureSource

from ...core.shared.cancel import remove_geopackage_layers, remove_outputs
from ...core.shared.errors import PlanError
from ...core.site_check.check import run_compliance
from ...core.site_check.outputs import result_layers, write_geopackage
from ...core.site_check.report import write_report
from ...core.site_check.site_view import SiteView
from ...i18n import tr
from ..shared.background import BackgroundTask, thread_copy


def SiteSnapshot(layer, fids=None) -> SiteView:  # noqa: N802 - reads as the value it makes
    """The site layer (or its selection) as a worker thread may read it, with the user's feature ids:
    QGIS's thread-safe feature source of the layer itself."""
    extent = layer.extent() if fids is None else layer.boundingBoxOfSelected()
    return SiteView(QgsVectorLayerFeatureSource(layer), layer.name(), layer.fields(), layer.crs(),
                    layer.wkbType(), extent, layer.featureCount(), fids)


class ComplianceTask(BackgroundTask):
    def __init__(self, sites, layers, ruleset, params, output=None, report=None, on_done=None):
        """``sites``: a SiteSnapshot, made on the GUI thread."""
        super().__init__(tr("Project site compliance check"), self._work, on_done)
        self.sites, self.site_name = sites, sites.name()
        self.layers = {code: thread_copy(layer) for code, layer in layers.items()}
        self.ruleset, self.params = ruleset, params
        self.output, self.report = output, report
        self.layers_out = self.report_paths = None

    def _work(self, feedback):
        result = run_compliance(self.sites, self.layers, self.ruleset, self.params, feedback,
                                self.site_name)
        if result.canceled:
            return result
        layers = result_layers(result)
        created = self.output is not None and not Path(self.output).exists()
        if self.output:
            layers = self._write(layers, feedback, result, created)
        if self.report and not result.canceled:
            self._write_report(result, layers, feedback)
            if result.canceled and self.output:
                names = list(layers)
                layers.clear()  # the layers read back hold the file open
                self._discard(Path(self.output), created, names)
        self.layers_out = None if result.canceled else layers
        return result

    def _write(self, layers, feedback, result, created):
        path = Path(self.output)
        try:
            written = write_geopackage(layers, path)
        except BaseException:
            self._discard(path, created, layers)
            raise
        if feedback.isCanceled():
            written.clear()  # the layers read back hold the file open
            self._discard(path, created, layers)
            result.canceled = True
        return written

    @staticmethod
    def _discard(path, created, layers):
        if created:
            remove_outputs([path])
        else:
            remove_geopackage_layers(path, list(layers))

    def _write_report(self, result, layers, feedback):
        where = (tr("the layers {layers} of {path}") if self.output
                 else tr("the temporary layers {layers} added to the project")).format(
            layers=", ".join(layers), path=self.output)
        try:
            self.report_paths = write_report(result, self.report, outputs_note=where, feedback=feedback)
        except (OSError, PlanError) as error:
            self.error = tr("Report not written: {error}").format(error=error)
            return
        if self.report_paths is None:  # canceled while writing: the report removed its files
            result.canceled = True
