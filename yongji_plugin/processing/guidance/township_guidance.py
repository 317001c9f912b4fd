"""Processing: 乡镇规划指引 — the township layer, the table (CSV, XLSX) and the report, as in the dialog."""
from pathlib import Path

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
)

from ...core.guidance.outputs import export_table, guidance_layer, write_guidance_report
from ...core.guidance.township_guidance import load_figures, township_guidance
from ...core.measuring.unit_areas import TOWNSHIPS
from ...core.plan_data.loader import describe_sources
from ...core.shared.areas import hectares
from ...core.shared.errors import PlanError
from ...i18n import tr
from ..base import YongjiAlgorithm
from ..cancel import WrittenUnlessCanceled
from ..plan_parameters import LAYERS, PLAN_GPKG, add_plan_parameters


class TownshipGuidanceAlgorithm(YongjiAlgorithm):
    ALG_ID = "townshipguidance"
    ICON = "guidance"
    FIGURES, OUTPUT, CSV, XLSX, REPORT = "FIGURES", "OUTPUT", "TABLE_CSV", "TABLE_XLSX", "REPORT"

    def displayName(self):
        return tr("Township planning guidance")

    def group(self):
        return tr("Plan measures")

    def groupId(self):
        return "measures"

    def shortHelpString(self):
        return tr("Per township (乡镇级行政区, XZQ_XZ), the areas of the figures declared in the township "
                  "guidance file (default: cultivated land, permanent basic farmland, ecological "
                  "protection red line, urban development boundary, construction land) in m², ha and mu. "
                  "Features crossing township borders are split by them; overlapping features of one layer "
                  "count once. The table ends with the city total, measured over the city outline; the "
                  "townships must add up to it within 0.01 ha, and the log says where they do not.")

    def initAlgorithm(self, config=None):
        add_plan_parameters(self)
        self.addParameter(QgsProcessingParameterFile(
            self.FIGURES, tr("Township guidance file (default figures if empty)"), extension="yaml", optional=True))
        self.add_area_parameters()
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Township planning guidance"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.CSV, tr("Table with the city total (CSV)"), tr("CSV files (*.csv)"), optional=True,
            createByDefault=False))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.XLSX, tr("Table with the city total (XLSX)"), tr("Excel workbooks (*.xlsx)"), optional=True,
            createByDefault=False))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.REPORT, tr("Report (HTML; a PDF is written beside it)"), tr("HTML files (*.html)"),
            optional=True, createByDefault=False))
        self.add_backend_parameter()

    def processAlgorithm(self, parameters, context, feedback):
        try:
            figures = load_figures(self.parameterAsFile(parameters, self.FIGURES, context) or None)
            area = self.area_method(parameters, context)
            layers = self.plan_layers(parameters, context, LAYERS, PLAN_GPKG, feedback)
            result = township_guidance(layers, area, figures, feedback, self.backend(parameters, context))
        except PlanError as error:
            raise QgsProcessingException(str(error)) from error
        canceled = tr("Township planning guidance was canceled: nothing was written")
        if result.canceled:
            raise QgsProcessingException(canceled)
        files = {key: self.parameterAsFileOutput(parameters, key, context)
                 for key in (self.CSV, self.XLSX, self.REPORT)}
        with WrittenUnlessCanceled(feedback, canceled) as written:
            written.will_write(self.parameterAsOutputLayer(parameters, self.OUTPUT, context), *files.values())
            if files[self.REPORT]:
                written.will_write(Path(files[self.REPORT]).with_suffix(".pdf"))
            try:
                outputs = self._write(parameters, context, feedback, result, layers, files)
            except PlanError as error:
                raise QgsProcessingException(str(error)) from error
        feedback.pushInfo(tr("{count} townships measured ({method})").format(
            count=len(result.townships), method=result.area_method.describe()))
        feedback.pushInfo(tr("Overlay engine: {backend}").format(backend=result.backend))
        for warning in result.warnings:
            feedback.reportError(warning, False)
        for key in result.mismatches():
            label = next((f.label for f in result.figures if f.key == key), tr("Administrative area"))
            feedback.reportError(tr("{figure}: the townships add up to {sum:.4f} ha, the city measures {city:.4f} ha")
                                 .format(figure=label, sum=hectares(result.township_sum(key)),
                                         city=hectares(result.city_value(key))), False)
        return outputs

    def _write(self, parameters, context, feedback, result, layers, files) -> dict:
        outputs = {self.OUTPUT: self.write_output(parameters, self.OUTPUT, context,
                                                  guidance_layer(result, layers[TOWNSHIPS]), feedback)}
        tables = [key for key in (self.CSV, self.XLSX) if files[key]]
        for key, path in zip(tables, export_table(result, files[self.CSV] or None, files[self.XLSX] or None)):
            outputs[key] = str(path)
        if files[self.REPORT]:
            report = write_guidance_report(result, files[self.REPORT], describe_sources(layers.values()))
            outputs[self.REPORT] = str(report["html"])
        return outputs
