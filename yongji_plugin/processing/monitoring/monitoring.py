"""Processing: 规划实施监测预警 — the same job, layers and report as the dialog (core.monitoring.job)."""

from qgis.core import (
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
)

from ...core.indicators.definitions import load_indicators
from ...core.monitoring.job import monitoring_job
from ...core.monitoring.outputs import (
    CONSTRUCTION,
    FARMLAND,
    FINDINGS,
    INDICATOR_TABLE,
    PROBLEMS,
    TOWNSHIP_TABLE,
)
from ...core.monitoring.patches import AFTER_FIELD, BEFORE_FIELD, PatchInput
from ...core.monitoring.rules import level_label, load_rules
from ...core.monitoring.run import MonitorParams
from ...core.monitoring.snapshots import CLASS_FIELD, SnapshotInput
from ...core.plan_data.loader import describe_sources
from ...core.shared.errors import PlanError
from ...i18n import tr
from ..base import YongjiAlgorithm, invalid_geometries_let_through
from ..plan_parameters import LAYERS, PLAN_GPKG, add_plan_parameters
from ..sinks import run_job


class MonitoringAlgorithm(YongjiAlgorithm):
    ALG_ID = "monitoring"
    ICON = "indicators"
    SNAPSHOTS, YEARS, CLASS_FIELD, REFERENCE = "SNAPSHOTS", "YEARS", "CLASS_FIELD", "REFERENCE"
    RULES, INDICATORS, TREND, REPORT = "RULES", "INDICATORS", "TREND", "REPORT"
    PATCHES, BEFORE_FIELD, AFTER_FIELD, SHEET = "PATCHES", "BEFORE_FIELD", "AFTER_FIELD", "SHEET"
    ATLAS = "ATLAS"

    def flags(self):
        # the map sheet is a print layout, rendered on the main thread in QGIS
        return super().flags() | QgsProcessingAlgorithm.Flag.FlagNoThreading

    OUTPUTS = {
        FINDINGS: "FINDINGS",
        CONSTRUCTION: "CONSTRUCTION",
        FARMLAND: "FARMLAND",
        TOWNSHIP_TABLE: "TOWNSHIP_TABLE",
        INDICATOR_TABLE: "INDICATOR_TABLE",
        PROBLEMS: "PROBLEMS",
    }

    def displayName(self):
        return tr("Plan implementation monitoring")

    def group(self):
        return tr("Checks")

    def groupId(self):
        return "checks"

    def shortHelpString(self):
        return tr(
            "规划实施监测预警: 现状 snapshots (年度变更调查 地类图斑, DLBM by the 三调 工作分类) of later years "
            "against the plan and the base year's 三调 (the plan's DLTB). Per year: new 建设用地 (each change "
            "counted in the year it first appears) inside 生态保护红线, 永久基本农田, 自然保护地核心保护区 or "
            "历史文化保护线, or outside 城镇开发边界, as suspected violations with area (m², ha, mu), township, "
            "rule, basis and level (rule file); 耕地 lost and gained per township, gross and net of 田坎; every "
            "indicator of the indicator file measured on each snapshot against its linear path to the 2025 and "
            "2035 targets (正常 / 黄色预警 / 红色预警 by the file's thresholds). A snapshot's year: YEARS (in "
            "the order of the layers), else its field NF/BGNF/YEAR, else the year in its name (DLTB_2022)."
        )

    def initAlgorithm(self, config=None):
        add_plan_parameters(self)
        self.addParameter(
            QgsProcessingParameterMultipleLayers(
                self.SNAPSHOTS,
                tr("现状 snapshots (地类图斑 of later years)"),
                QgsProcessing.SourceType.TypeVectorPolygon,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.YEARS,
                tr("Years of the snapshots, comma-separated in their order (else from a year field or the layer name)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(self.CLASS_FIELD, tr("Class field of the snapshots"), CLASS_FIELD)
        )
        self.addParameter(
            QgsProcessingParameterMultipleLayers(
                self.PATCHES,
                tr("Change patches (class before and after; year from a field NF/BGNF/YEAR or the layer name)"),
                QgsProcessing.SourceType.TypeVectorPolygon,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(self.BEFORE_FIELD, tr("Class field before the change"), BEFORE_FIELD)
        )
        self.addParameter(
            QgsProcessingParameterString(self.AFTER_FIELD, tr("Class field after the change"), AFTER_FIELD)
        )
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                self.REFERENCE,
                tr("Base-year 现状 (the plan's 三调 DLTB if empty)"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.RULES, tr("Monitoring rule file (the plugin's if empty)"), extension="yaml", optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.INDICATORS, tr("Indicator file (the plugin's if empty)"), extension="yaml", optional=True
            )
        )
        self.addParameter(QgsProcessingParameterBoolean(self.TREND, tr("Indicators over time"), True))
        self.add_area_parameters()
        labels = {
            FINDINGS: tr("Suspected violations"),
            CONSTRUCTION: tr("New construction land"),
            FARMLAND: tr("耕地 lost and gained"),
            TOWNSHIP_TABLE: tr("Monitoring by township"),
            INDICATOR_TABLE: tr("Indicators by year"),
            PROBLEMS: tr("Input problems"),
        }
        for name, key in self.OUTPUTS.items():
            kind = (
                QgsProcessing.SourceType.TypeVectorPolygon
                if name in (FINDINGS, CONSTRUCTION, FARMLAND)
                else QgsProcessing.SourceType.TypeVector
            )
            self.addParameter(QgsProcessingParameterFeatureSink(key, labels[name], kind, optional=name != FINDINGS))
        self.add_report_parameter(tr("年度监测预警报告 (HTML; a PDF, maps and charts are written beside it)"))
        self.add_file_output(
            self.SHEET, tr("Map sheet 规划实施监测预警图 (PDF or PNG)"), tr("PDF files (*.pdf);;PNG files (*.png)")
        )
        self.add_file_output(
            self.ATLAS, tr("Township atlas 规划实施监测预警图 (PDF, one page per township)"), tr("PDF files (*.pdf)")
        )
        self.add_backend_parameter()

    def processAlgorithm(self, parameters, context, feedback):
        with invalid_geometries_let_through(context):
            return self._process(parameters, context, feedback)

    def _inputs(self, parameters, context) -> list:
        layers = self.parameterAsLayerList(parameters, self.SNAPSHOTS, context)
        text = self.parameterAsString(parameters, self.YEARS, context).strip()
        years = [y.strip() for y in text.replace("，", ",").split(",") if y.strip()] if text else []
        if years and (len(years) != len(layers) or not all(y.isdigit() for y in years)):
            raise PlanError(
                tr("YEARS {years} must give one year for each of the {count} snapshot layers").format(
                    years=text, count=len(layers)
                )
            )
        field = self.parameterAsString(parameters, self.CLASS_FIELD, context).strip() or CLASS_FIELD
        return [SnapshotInput(layer, int(years[i]) if years else None, field) for i, layer in enumerate(layers)]

    def _patches(self, parameters, context) -> list:
        before = self.parameterAsString(parameters, self.BEFORE_FIELD, context).strip() or BEFORE_FIELD
        after = self.parameterAsString(parameters, self.AFTER_FIELD, context).strip() or AFTER_FIELD
        return [
            PatchInput(layer, None, before, after)
            for layer in self.parameterAsLayerList(parameters, self.PATCHES, context)
        ]

    def _process(self, parameters, context, feedback):
        try:
            rules = load_rules(self.parameterAsFile(parameters, self.RULES, context) or None)
            indicators = None
            if self.parameterAsBool(parameters, self.TREND, context):
                indicators = load_indicators(self.parameterAsFile(parameters, self.INDICATORS, context) or None)
            plan = self.plan_layers(parameters, context, LAYERS, PLAN_GPKG, feedback)
            inputs = self._inputs(parameters, context)
            reference = self.parameterAsVectorLayer(parameters, self.REFERENCE, context)
            params = MonitorParams(
                self.area_method(parameters, context),
                rules,
                indicators,
                self.backend(parameters, context),
                describe_sources(plan.values()),
            )
        except PlanError as error:
            raise QgsProcessingException(str(error)) from error
        reference = SnapshotInput(reference, rules.base_year) if reference is not None else None
        sheet = self.parameterAsFileOutput(parameters, self.SHEET, context) or None
        atlas = self.parameterAsFileOutput(parameters, self.ATLAS, context) or None
        job = monitoring_job(plan, inputs, params, reference, self._patches(parameters, context), sheet, atlas)
        result, outputs = run_job(
            self,
            job,
            parameters,
            context,
            feedback,
            self.OUTPUTS,
            self.REPORT,
            on_result=lambda result: self._log(result, feedback),
        )
        if sheet and not result.findings():
            feedback.pushInfo(tr("No suspected violation: no map sheet printed"))
        elif sheet:
            outputs[self.SHEET] = sheet
        if atlas:
            outputs[self.ATLAS] = atlas
        return outputs

    @staticmethod
    def _log(result, feedback) -> None:
        if result.backend:
            feedback.pushInfo(tr("Overlay engine: {backend}").format(backend=result.backend))
        for change in result.years:
            counts = {}
            for finding in change.findings:
                counts[finding.rule.level] = counts.get(finding.rule.level, 0) + 1
            feedback.pushInfo(
                tr("{year}: {count} suspected violations ({levels})").format(
                    year=change.year,
                    count=len(change.findings),
                    levels=", ".join(f"{level_label(k)} {v}" for k, v in sorted(counts.items())) or "—",
                )
            )
        for problem in result.problems[:50]:
            feedback.reportError(f"{problem.layer} ({problem.year}) {problem.feature}: {problem.text}", False)
        for warning in result.warnings:
            feedback.reportError(warning, False)
