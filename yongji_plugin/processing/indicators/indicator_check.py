"""Processing: 规划指标 — judgements table, township status layer, report and map sheet, as in the dialog."""
from pathlib import Path

from qgis.core import (
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ...core.indicators.check import run_indicator_check
from ...core.indicators.definitions import YEARS, load_indicators
from ...core.indicators.outputs import findings_layer, township_layer
from ...core.indicators.report import city_chart, write_indicator_report
from ...core.measuring.charts import chart_painter, draw_chart
from ...core.measuring.unit_areas import TOWNSHIPS
from ...core.plan_data.loader import describe_sources
from ...core.printing.result_sheets import result_sheet
from ...core.printing.sheets import PDF, PNG, SheetBuilder, export_layout
from ...core.shared.errors import PlanError
from ...i18n import tr
from ..base import YongjiAlgorithm
from ..cancel import WrittenUnlessCanceled
from ..plan_parameters import LAYERS, PLAN_GPKG, add_plan_parameters


class IndicatorCheckAlgorithm(YongjiAlgorithm):
    ALG_ID = "indicatorcheck"
    ICON = "indicators"
    INDICATORS, CODES, YEAR = "INDICATORS", "CODES", "YEAR"
    OUTPUT, TOWNSHIPS, REPORT, SHEET = "OUTPUT", "TOWNSHIPS", "REPORT", "SHEET"

    def flags(self):
        # the map sheet is a print layout, rendered on the main thread in QGIS
        return super().flags() | QgsProcessingAlgorithm.Flag.FlagNoThreading

    def displayName(self):
        return tr("Plan indicators")

    def group(self):
        return tr("Plan measures")

    def groupId(self):
        return "measures"

    def shortHelpString(self):
        return tr("Measures each indicator of the indicator file from the plan layers, for the city and each "
                  "township, and judges it three ways for 2025 and 2035: against its target (indicator "
                  "compliance, achieved or short of target), the map against the indicator table (layer "
                  "totals against targets, e.g. cultivated land in DLTB not below the farmland protection "
                  "target), and the townships' targets against the city's (breakdown). Outputs every "
                  "judgement as a table, the townships coloured by status for the chosen year, an HTML/PDF "
                  "report with bar charts and the indicator map sheet.")

    def initAlgorithm(self, config=None):
        add_plan_parameters(self)
        self.addParameter(QgsProcessingParameterFile(
            self.INDICATORS, tr("Indicator file (the plugin's if empty)"), extension="yaml", optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.CODES, tr("Indicator codes to check, comma-separated (all if empty)"), optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.YEAR, tr("Year of the township layer, charts and map sheet"), [str(y) for y in YEARS],
            defaultValue=len(YEARS) - 1))
        self.add_area_parameters()
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Indicator judgements"), QgsProcessing.SourceType.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.TOWNSHIPS, tr("Township indicator status"), QgsProcessing.SourceType.TypeVectorPolygon,
            optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.REPORT, tr("Report (HTML; a PDF and the charts are written beside it)"), tr("HTML files (*.html)"),
            optional=True, createByDefault=False))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.SHEET, tr("Indicator map sheet (PDF or PNG)"), tr("PDF files (*.pdf);;PNG files (*.png)"),
            optional=True, createByDefault=False))
        self.add_backend_parameter()

    def processAlgorithm(self, parameters, context, feedback):
        year = YEARS[self.parameterAsEnum(parameters, self.YEAR, context)]
        try:
            indicators = load_indicators(self.parameterAsFile(parameters, self.INDICATORS, context) or None)
            codes = [c.strip() for c in self.parameterAsString(parameters, self.CODES, context).split(",") if c.strip()]
            if codes:
                indicators = indicators.subset(codes)
            area = self.area_method(parameters, context)
            layers = self.plan_layers(parameters, context, LAYERS, PLAN_GPKG, feedback)
            result = run_indicator_check(layers, indicators, area, feedback, self.backend(parameters, context))
        except PlanError as error:
            raise QgsProcessingException(str(error)) from error
        canceled = tr("The indicator check was canceled: nothing was written")
        if result.canceled:
            raise QgsProcessingException(canceled)
        report = self.parameterAsFileOutput(parameters, self.REPORT, context)
        sheet = self.parameterAsFileOutput(parameters, self.SHEET, context)
        with WrittenUnlessCanceled(feedback, canceled) as written:
            written.will_write(self.parameterAsOutputLayer(parameters, self.OUTPUT, context),
                               self.parameterAsOutputLayer(parameters, self.TOWNSHIPS, context), report, sheet)
            if report:
                path = Path(report)
                written.will_write(path.with_suffix(".pdf"), path.with_name(f"{path.stem}_charts"))
            if sheet:
                written.will_write(Path(sheet).with_name(f"{Path(sheet).stem}_chart.png"))
            try:
                outputs = self._write(parameters, context, feedback, result, layers, year, report, sheet)
            except PlanError as error:
                raise QgsProcessingException(str(error)) from error
        for warning in result.warnings:
            feedback.reportError(warning, False)
        for name in [result.city_name] + result.townships:
            status = result.status(name, year)
            if status.achieved is False:
                feedback.pushWarning(tr("{unit} {year}: {count} binding targets missed").format(
                    unit=name, year=year, count=status.binding_short))
        feedback.pushInfo(tr("Charts drawn with {painter}").format(painter=chart_painter()))
        feedback.pushInfo(tr("Overlay engine: {backend}").format(backend=result.backend))
        return outputs

    def _write(self, parameters, context, feedback, result, layers, year, report, sheet) -> dict:
        outputs = {self.OUTPUT: self.write_output(parameters, self.OUTPUT, context, findings_layer(result), feedback)}
        townships = self.write_output(parameters, self.TOWNSHIPS, context,
                                      township_layer(result, layers[TOWNSHIPS], year), feedback)
        if townships is not None:
            outputs[self.TOWNSHIPS] = townships
        if report:
            outputs[self.REPORT] = str(write_indicator_report(result, report, year,
                                                              describe_sources(layers.values()))["html"])
        if sheet:
            path = Path(sheet)
            chart = draw_chart(city_chart(result, year), path.with_name(f"{path.stem}_chart.png"))
            builder = SheetBuilder(layers)  # owns the layout's project: alive until the export is done
            layout = result_sheet(builder, "indicators", township_layer(result, layers[TOWNSHIPS], year), chart,
                                  year=year)
            fmt = PNG if path.suffix.lower() == ".png" else PDF
            outputs[self.SHEET] = str(export_layout(layout, path, fmt, 150))
        return outputs
