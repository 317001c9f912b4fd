"""Processing: 建筑高度控制检查 — the same check, layers and report as the dialog."""

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
)

from ...core.heights.check import MODES, HeightParams, mode_label, status_label
from ...core.heights.job import height_job
from ...core.heights.outputs import ALL_LAYER, OVER_LAYER
from ...core.shared.areas import DEFAULT_TOLERANCE
from ...core.shared.errors import PlanError
from ...i18n import tr
from ..base import YongjiAlgorithm, invalid_geometries_let_through, plan_source_parameter
from ..measure_common import MeasureAlgorithm
from ..sinks import run_job


class HeightCheckAlgorithm(MeasureAlgorithm, YongjiAlgorithm):
    ALG_ID = "heightcheck"
    ICON = "heights"
    BUILDINGS, ZONES, PLAN_GPKG = "BUILDINGS", "ZONES", "PLAN_GPKG"
    SOURCE, HEIGHT_FIELD, FLOORS_FIELD, STOREY = "HEIGHT_SOURCE", "HEIGHT_FIELD", "FLOORS_FIELD", "STOREY_HEIGHT"
    NAME_FIELD, LIMIT_FIELD = "NAME_FIELD", "LIMIT_FIELD"
    ZONE_NAME_FIELD, ZONE_CODE_FIELD = "ZONE_NAME_FIELD", "ZONE_CODE_FIELD"
    TOLERANCE, OUTPUT, ALL_BUILDINGS, REPORT = "TOLERANCE", "OUTPUT", "ALL_BUILDINGS", "REPORT"

    def displayName(self):
        return tr("Building height check")

    def shortHelpString(self):
        return tr(
            "Checks each building against the limit of the height zone it stands in (the plan's 建筑高度"
            "控制分区: ≤24 m near the lake and mountains, ≤18 m at their edge, 24–45 m in the view zones, "
            "60–80 m around 一场三馆 and 市人民医院). Heights come from a height field, from floors × "
            "storey height, or the height field where filled and floors × storey height elsewhere. A "
            "building in several zones is judged against the strictest one it overlaps by at least the "
            "area tolerance; every zone it touches is reported with the overlap area. Writes the "
            "buildings over their limit (styled by excess), optionally every building, and a report."
        )

    def initAlgorithm(self, config=None):
        polygons = [QgsProcessing.SourceType.TypeVectorPolygon]
        self.addParameter(QgsProcessingParameterVectorLayer(self.BUILDINGS, tr("Buildings"), polygons))
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                self.ZONES, tr("Height zones (JZGDKZ of the plan data if empty)"), polygons, optional=True
            )
        )
        self.addParameter(plan_source_parameter(self.PLAN_GPKG))
        self.addParameter(
            QgsProcessingParameterEnum(
                self.SOURCE, tr("Building height from"), [mode_label(m) for m in MODES], defaultValue=0
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.HEIGHT_FIELD, tr("Height field (m)"), "JZGD", self.BUILDINGS, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterField(self.FLOORS_FIELD, tr("Floors field"), "CS", self.BUILDINGS, optional=True)
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.STOREY, tr("Storey height (m)"), QgsProcessingParameterNumber.Type.Double, 3.0, minValue=0.1
            )
        )
        self.addParameter(
            QgsProcessingParameterField(self.NAME_FIELD, tr("Building name field"), None, self.BUILDINGS, optional=True)
        )
        for name, label, default in (
            (self.LIMIT_FIELD, tr("Zone limit field (m)"), "ZDGD"),
            (self.ZONE_NAME_FIELD, tr("Zone name field"), "FQMC"),
            (self.ZONE_CODE_FIELD, tr("Zone code field"), "FQDM"),
        ):
            parameter = QgsProcessingParameterString(name, label, default, optional=name == self.ZONE_CODE_FIELD)
            parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
            self.addParameter(parameter)
        self.addParameter(
            QgsProcessingParameterNumber(
                self.TOLERANCE,
                tr("Area tolerance (m²)"),
                QgsProcessingParameterNumber.Type.Double,
                DEFAULT_TOLERANCE,
                minValue=0.0,
            )
        )
        self.add_area_parameters()
        self.add_backend_parameter()
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Buildings over their limit"), QgsProcessing.SourceType.TypeVectorPolygon
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.ALL_BUILDINGS,
                tr("Every building with its zone and limit"),
                QgsProcessing.SourceType.TypeVectorPolygon,
                optional=True,
                createByDefault=False,
            )
        )
        self.add_report_parameter()

    def processAlgorithm(self, parameters, context, feedback):
        with invalid_geometries_let_through(context):  # repaired on a copy and reported, never dropped
            return self._process(parameters, context, feedback)

    def _params(self, parameters, context) -> HeightParams:
        return HeightParams(
            self.area_method(parameters, context),
            mode=MODES[self.parameterAsEnum(parameters, self.SOURCE, context)],
            height_field=self.parameterAsString(parameters, self.HEIGHT_FIELD, context) or None,
            floors_field=self.parameterAsString(parameters, self.FLOORS_FIELD, context) or None,
            storey_height=self.parameterAsDouble(parameters, self.STOREY, context),
            name_field=self.parameterAsString(parameters, self.NAME_FIELD, context) or None,
            limit_field=self.parameterAsString(parameters, self.LIMIT_FIELD, context),
            zone_name_field=self.parameterAsString(parameters, self.ZONE_NAME_FIELD, context),
            zone_code_field=self.parameterAsString(parameters, self.ZONE_CODE_FIELD, context) or None,
            tolerance=self.parameterAsDouble(parameters, self.TOLERANCE, context),
            backend=self.backend(parameters, context),
        )

    def _process(self, parameters, context, feedback):
        try:
            buildings = self.input_layer(parameters, self.BUILDINGS, context, tr("Buildings"))
            zones = self.plan_layer(parameters, context, self.ZONES, self.PLAN_GPKG, "JZGDKZ")
            params = self._params(parameters, context)
        except PlanError as error:
            raise QgsProcessingException(str(error)) from error
        result, outputs = run_job(
            self,
            height_job(buildings, zones, params),
            parameters,
            context,
            feedback,
            {OVER_LAYER: self.OUTPUT, ALL_LAYER: self.ALL_BUILDINGS},
            self.REPORT,
            on_result=lambda result: self._log(result, feedback),
        )
        counts = result.counts()
        feedback.pushInfo(", ".join(f"{status_label(k)}: {v}" for k, v in counts.items()))
        return outputs

    @staticmethod
    def _log(result, feedback) -> None:
        for repair in result.repairs:
            feedback.pushWarning(
                tr("{layer} feature {fid}: {problem} (repaired on a copy)").format(
                    layer=repair.layer, fid=repair.feature, problem=repair.problem
                )
            )
        if result.backend:
            feedback.pushInfo(tr("Overlay engine: {backend}").format(backend=result.backend))
