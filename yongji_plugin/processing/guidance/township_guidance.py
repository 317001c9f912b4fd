"""Processing: 乡镇规划指引 — the township layer, the table (CSV, XLSX) and the report, as in the dialog."""

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
)

from ...core.guidance.job import GUIDANCE, guidance_job
from ...core.guidance.township_guidance import load_figures
from ...core.plan_data.loader import describe_sources
from ...core.shared.areas import hectares
from ...core.shared.errors import PlanError
from ...i18n import tr
from ..base import YongjiAlgorithm
from ..measure_common import MeasureAlgorithm
from ..plan_parameters import LAYERS, PLAN_GPKG, add_plan_parameters
from ..sinks import run_job


class TownshipGuidanceAlgorithm(MeasureAlgorithm, YongjiAlgorithm):
    ALG_ID = "townshipguidance"
    ICON = "guidance"
    FIGURES, OUTPUT, CSV, XLSX, REPORT = "FIGURES", "OUTPUT", "TABLE_CSV", "TABLE_XLSX", "REPORT"

    def displayName(self):
        return tr("Township planning guidance")

    def shortHelpString(self):
        return tr(
            "Per township (乡镇级行政区, XZQ_XZ), the areas of the figures declared in the township "
            "guidance file (default: cultivated land, permanent basic farmland, ecological "
            "protection red line, urban development boundary, construction land) in m², ha and mu. "
            "Features crossing township borders are split by them; overlapping features of one layer "
            "count once. The table ends with the city total, measured over the city outline; the "
            "townships must add up to it within 0.01 ha, and the log says where they do not."
        )

    def initAlgorithm(self, config=None):
        add_plan_parameters(self)
        self.addParameter(
            QgsProcessingParameterFile(
                self.FIGURES, tr("Township guidance file (default figures if empty)"), extension="yaml", optional=True
            )
        )
        self.add_area_parameters()
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Township planning guidance"), QgsProcessing.SourceType.TypeVectorPolygon
            )
        )
        self.add_file_output(self.CSV, tr("Table with the city total (CSV)"), tr("CSV files (*.csv)"))
        self.add_file_output(self.XLSX, tr("Table with the city total (XLSX)"), tr("Excel workbooks (*.xlsx)"))
        self.add_report_parameter()
        self.add_backend_parameter()

    def processAlgorithm(self, parameters, context, feedback):
        tables = {key: self.parameterAsFileOutput(parameters, key, context) or None for key in (self.CSV, self.XLSX)}
        try:
            figures = load_figures(self.parameterAsFile(parameters, self.FIGURES, context) or None)
            area = self.area_method(parameters, context)
            layers = self.plan_layers(parameters, context, LAYERS, PLAN_GPKG, feedback)
        except PlanError as error:
            raise QgsProcessingException(str(error)) from error
        job = guidance_job(
            layers,
            area,
            figures,
            self.backend(parameters, context),
            describe_sources(layers.values()),
            tables[self.CSV],
            tables[self.XLSX],
        )
        result, outputs = run_job(self, job, parameters, context, feedback, {GUIDANCE: self.OUTPUT}, self.REPORT)
        outputs.update({key: str(path) for key, path in tables.items() if path})
        self._log(result, feedback)
        return outputs

    @staticmethod
    def _log(result, feedback) -> None:
        feedback.pushInfo(
            tr("{count} townships measured ({method})").format(
                count=len(result.townships), method=result.area_method.describe()
            )
        )
        feedback.pushInfo(tr("Overlay engine: {backend}").format(backend=result.backend))
        for warning in result.warnings:
            feedback.reportError(warning, False)
        for key in result.mismatches():
            label = next((f.label for f in result.figures if f.key == key), tr("Administrative area"))
            feedback.reportError(
                tr("{figure}: the townships add up to {sum:.4f} ha, the city measures {city:.4f} ha").format(
                    figure=label, sum=hectares(result.township_sum(key)), city=hectares(result.city_value(key))
                ),
                False,
            )
