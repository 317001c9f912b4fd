"""Processing: 规划成果质检 with the same rules, error layer and report as the dialog (one job)."""

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterMultipleLayers,
)

from ...core.plan_data.catalogue import default_catalogue
from ...core.plan_data.loader import describe_sources
from ...core.plan_qa.job import ERRORS, qa_job
from ...core.plan_qa.model import load_qa_rules
from ...core.shared.errors import PlanError
from ...i18n import tr
from ..base import YongjiAlgorithm, plan_source_parameter
from ..sinks import run_job


class PlanQaAlgorithm(YongjiAlgorithm):
    ALG_ID = "planqa"
    ICON = "qa"
    LAYERS, PLAN_GPKG, RULES, OUTPUT, REPORT = "LAYERS", "PLAN_GPKG", "RULES", "OUTPUT", "REPORT"

    def displayName(self):
        return tr("Plan data quality check")

    def group(self):
        return tr("Checks")

    def groupId(self):
        return "checks"

    def shortHelpString(self):
        return tr(
            "Checks the plan data against the plan's own rules: the three control lines do "
            "not overlap, planning zones and townships cover the city without gaps or "
            "overlaps, control lines lie in their zones, required fields, code tables, area "
            "fields and geometries. Rules whose layers are missing are reported as skipped."
        )

    def initAlgorithm(self, config=None):
        rules = load_qa_rules().rules
        self.addParameter(
            QgsProcessingParameterMultipleLayers(
                self.LAYERS,
                tr("Plan layers (matched by catalogue code or name)"),
                QgsProcessing.SourceType.TypeVectorAnyGeometry,
                optional=True,
            )
        )
        self.addParameter(plan_source_parameter(self.PLAN_GPKG))
        self.addParameter(
            QgsProcessingParameterEnum(
                self.RULES,
                tr("Rules"),
                [f"{r.id} {r.description}" for r in rules],
                allowMultiple=True,
                defaultValue=list(range(len(rules))),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Plan QA errors"), QgsProcessing.SourceType.TypeVectorPolygon
            )
        )
        self.add_report_parameter()
        self.add_backend_parameter()

    def processAlgorithm(self, parameters, context, feedback):
        rules = load_qa_rules()
        indices = self.parameterAsEnums(parameters, self.RULES, context) or range(len(rules.rules))
        chosen = rules.subset(rules.rules[i].id for i in indices)
        try:
            layers = self.plan_layers(parameters, context, self.LAYERS, self.PLAN_GPKG, feedback)
            if not layers:
                raise PlanError(tr("No plan layers given"))
        except PlanError as error:
            raise QgsProcessingException(str(error)) from error
        job = qa_job(
            layers,
            chosen,
            default_catalogue().crs,
            self.backend(parameters, context),
            describe_sources(layers.values()),
            rules.tolerance,
        )
        result, outputs = run_job(
            self,
            job,
            parameters,
            context,
            feedback,
            {ERRORS: self.OUTPUT},
            self.REPORT,
            on_result=lambda result: self._log_engine(result, feedback),
        )
        for outcome in result.outcomes:
            feedback.pushInfo(
                f"{outcome.rule.id} {outcome.rule.description}: {outcome.status} {outcome.errors} {outcome.note}"
            )
        return outputs

    @staticmethod
    def _log_engine(result, feedback) -> None:
        if result.backend and not result.canceled:
            feedback.pushInfo(tr("Overlay engine: {backend}").format(backend=result.backend))
