"""Processing: 规划指标 — judgements table, township status layer, report and map sheet, as in the dialog."""

from qgis.core import (
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)

from ...core.indicators.definitions import YEARS, load_indicators
from ...core.indicators.job import FINDINGS, TOWNSHIP_STATUS, indicator_job
from ...core.measuring.charts import chart_painter
from ...core.plan_data.loader import describe_sources
from ...core.shared.errors import PlanError
from ...i18n import tr
from ..base import YongjiAlgorithm
from ..measure_common import MeasureAlgorithm
from ..plan_parameters import LAYERS, PLAN_GPKG, add_plan_parameters
from ..sinks import run_job


class IndicatorCheckAlgorithm(MeasureAlgorithm, YongjiAlgorithm):
    ALG_ID = "indicatorcheck"
    ICON = "indicators"
    INDICATORS, CODES, YEAR = "INDICATORS", "CODES", "YEAR"
    OUTPUT, TOWNSHIPS, REPORT, SHEET = "OUTPUT", "TOWNSHIPS", "REPORT", "SHEET"

    def flags(self):
        # the map sheet is a print layout, rendered on the main thread in QGIS
        return super().flags() | QgsProcessingAlgorithm.Flag.FlagNoThreading

    def displayName(self):
        return tr("Plan indicators")

    def shortHelpString(self):
        return tr(
            "Measures each indicator of the indicator file from the plan layers, for the city and each "
            "township, and judges it three ways for 2025 and 2035: against its target (indicator "
            "compliance, achieved or short of target), the map against the indicator table (layer "
            "totals against targets, e.g. cultivated land in DLTB not below the farmland protection "
            "target), and the townships' targets against the city's (breakdown). Outputs every "
            "judgement as a table, the townships coloured by status for the chosen year, an HTML/PDF "
            "report with bar charts and the indicator map sheet."
        )

    def initAlgorithm(self, config=None):
        add_plan_parameters(self)
        self.addParameter(
            QgsProcessingParameterFile(
                self.INDICATORS, tr("Indicator file (the plugin's if empty)"), extension="yaml", optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.CODES, tr("Indicator codes to check, comma-separated (all if empty)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.YEAR,
                tr("Year of the township layer, charts and map sheet"),
                [str(y) for y in YEARS],
                defaultValue=len(YEARS) - 1,
            )
        )
        self.add_area_parameters()
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Indicator judgements"), QgsProcessing.SourceType.TypeVector
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.TOWNSHIPS,
                tr("Township indicator status"),
                QgsProcessing.SourceType.TypeVectorPolygon,
                optional=True,
            )
        )
        self.add_report_parameter(tr("Report (HTML; a PDF and the charts are written beside it)"))
        self.add_file_output(
            self.SHEET, tr("Indicator map sheet (PDF or PNG)"), tr("PDF files (*.pdf);;PNG files (*.png)")
        )
        self.add_backend_parameter()

    def processAlgorithm(self, parameters, context, feedback):
        year = YEARS[self.parameterAsEnum(parameters, self.YEAR, context)]
        sheet = self.parameterAsFileOutput(parameters, self.SHEET, context) or None
        try:
            indicators = load_indicators(self.parameterAsFile(parameters, self.INDICATORS, context) or None)
            codes = [c.strip() for c in self.parameterAsString(parameters, self.CODES, context).split(",") if c.strip()]
            if codes:
                indicators = indicators.subset(codes)
            area = self.area_method(parameters, context)
            layers = self.plan_layers(parameters, context, LAYERS, PLAN_GPKG, feedback)
        except PlanError as error:
            raise QgsProcessingException(str(error)) from error
        job = indicator_job(
            layers, indicators, area, year, self.backend(parameters, context), describe_sources(layers.values()), sheet
        )
        result, outputs = run_job(
            self,
            job,
            parameters,
            context,
            feedback,
            {FINDINGS: self.OUTPUT, TOWNSHIP_STATUS: self.TOWNSHIPS},
            self.REPORT,
        )
        if sheet:
            outputs[self.SHEET] = sheet
        self._log(result, year, feedback)
        return outputs

    @staticmethod
    def _log(result, year: int, feedback) -> None:
        for warning in result.warnings:
            feedback.reportError(warning, False)
        for name in [result.city_name] + result.townships:
            status = result.status(name, year)
            if status.achieved is False:
                feedback.pushWarning(
                    tr("{unit} {year}: {count} binding targets missed").format(
                        unit=name, year=year, count=status.binding_short
                    )
                )
        feedback.pushInfo(tr("Charts drawn with {painter}").format(painter=chart_painter()))
        feedback.pushInfo(tr("Overlay engine: {backend}").format(backend=result.backend))
