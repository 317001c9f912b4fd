"""Processing: 规划成果质检 with the same rules, error layer and report as the dialog."""
from pathlib import Path

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
)

from ...core.plan_data.catalogue import default_catalogue
from ...core.plan_data.loader import describe_sources
from ...core.plan_qa.model import load_qa_rules
from ...core.plan_qa.outputs import error_layer, write_qa_report
from ...core.plan_qa.run import run_qa
from ...core.shared.errors import PlanError
from ...i18n import tr
from ..base import YongjiAlgorithm, plan_source_parameter
from ..cancel import WrittenUnlessCanceled


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
        return tr("Checks the plan data against the plan's own rules: the three control lines do "
                  "not overlap, planning zones and townships cover the city without gaps or "
                  "overlaps, control lines lie in their zones, required fields, code tables, area "
                  "fields and geometries. Rules whose layers are missing are reported as skipped.")

    def initAlgorithm(self, config=None):
        rules = load_qa_rules().rules
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.LAYERS, tr("Plan layers (matched by catalogue code or name)"),
            QgsProcessing.SourceType.TypeVectorAnyGeometry, optional=True))
        self.addParameter(plan_source_parameter(self.PLAN_GPKG))
        self.addParameter(QgsProcessingParameterEnum(
            self.RULES, tr("Rules"), [f"{r.id} {r.description}" for r in rules], allowMultiple=True,
            defaultValue=list(range(len(rules))), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Plan QA errors"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.REPORT, tr("Report (HTML; a PDF is written beside it)"), tr("HTML files (*.html)"),
            optional=True, createByDefault=False))
        self.add_backend_parameter()

    def processAlgorithm(self, parameters, context, feedback):
        rules = load_qa_rules()
        indices = self.parameterAsEnums(parameters, self.RULES, context) or range(len(rules.rules))
        chosen = rules.subset(rules.rules[i].id for i in indices)
        try:
            layers = self.plan_layers(parameters, context, self.LAYERS, self.PLAN_GPKG, feedback)
            if not layers:
                raise PlanError(tr("No plan layers given"))
            crs = default_catalogue().crs
            result = run_qa(layers, chosen, crs, feedback, self.backend(parameters, context))
        except PlanError as error:
            raise QgsProcessingException(str(error)) from error
        canceled = tr("Plan QA was canceled: nothing was written")
        if result.canceled:
            raise QgsProcessingException(canceled)
        if result.backend:
            feedback.pushInfo(tr("Overlay engine: {backend}").format(backend=result.backend))
        report = self.parameterAsFileOutput(parameters, self.REPORT, context)
        with WrittenUnlessCanceled(feedback, canceled) as written:
            written.will_write(self.parameterAsOutputLayer(parameters, self.OUTPUT, context))
            outputs = {self.OUTPUT: self.write_output(parameters, self.OUTPUT, context, error_layer(result, crs),
                                                      feedback)}
            if report:
                written.will_write(report, Path(report).with_suffix(".pdf"))
                outputs[self.REPORT] = str(write_qa_report(result, report, describe_sources(layers.values()), crs,
                                                               rules.tolerance)["html"])
        for outcome in result.outcomes:
            feedback.pushInfo(f"{outcome.rule.id} {outcome.rule.description}: {outcome.status} "
                              f"{outcome.errors} {outcome.note}")
        return outputs
