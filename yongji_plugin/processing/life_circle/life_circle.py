"""Processing: 15分钟社区生活圈 — the same service areas, layers and report as the dialog."""

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
)

from ...core.life_circle.check import LifeCircleParams, method_label
from ...core.life_circle.job import life_circle_job
from ...core.life_circle.outputs import AREAS, SERVICE
from ...core.life_circle.table import load_life_circle_table
from ...core.shared.errors import PlanError
from ...i18n import tr
from ..base import YongjiAlgorithm, plan_source_parameter
from ..measure_common import MeasureAlgorithm
from ..sinks import run_job


def parse_minutes(text: str) -> dict[str, float]:
    """``社区=15, 邻里=10`` → {level: minutes}; a malformed entry is a clear error."""
    minutes = {}
    for part in (text or "").replace("，", ",").replace("；", ",").replace(";", ",").split(","):
        if not part.strip():
            continue
        code, _, value = part.replace("：", "=").replace(":", "=").partition("=")
        try:
            minutes[code.strip()] = float(value)
        except ValueError:
            raise PlanError(
                tr("Walking minutes {entry!r}: write level=minutes, e.g. 社区=15").format(entry=part.strip())
            ) from None
    return minutes


class LifeCircleAlgorithm(MeasureAlgorithm, YongjiAlgorithm):
    ALG_ID = "lifecircle"
    ICON = "lifecircle"
    FACILITIES, RESIDENTIAL, NETWORK, PLAN_GPKG, TABLE = "FACILITIES", "RESIDENTIAL", "NETWORK", "PLAN_GPKG", "TABLE"
    TYPE_FIELD, LEVEL_FIELD, FACILITY_NAME, AREA_NAME, POPULATION = (
        "TYPE_FIELD",
        "LEVEL_FIELD",
        "FACILITY_NAME_FIELD",
        "RESIDENTIAL_NAME_FIELD",
        "POPULATION_FIELD",
    )
    SPEED, MINUTES, ACCESS, TOPOLOGY, FALLBACK = "SPEED", "MINUTES", "ACCESS_DISTANCE", "TOPOLOGY_TOLERANCE", "FALLBACK"
    OUTPUT, SERVICE_AREAS, REPORT = "OUTPUT", "SERVICE_AREAS", "REPORT"

    def displayName(self):
        return tr("15-minute community life circle")

    def shortHelpString(self):
        return tr(
            "For each row of the plan's 社区—邻里—街坊 table (resources/measures/life_circle.yaml or your "
            "own file), the service area of its facilities over the street network with QGIS's "
            "native:serviceareafromlayer: the streets reachable within the level's minutes (社区 15, 邻里 "
            "10, 街坊 5) at the walking speed. A residential area reaches a row when a reachable street "
            "passes within the access distance of its edge; the result lists per area what it lacks. A "
            "network that leaves a facility or area unconnected stops with their names, unless the "
            "straight-line fallback is allowed; the report then says so."
        )

    def initAlgorithm(self, config=None):
        kinds = QgsProcessing.SourceType
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                self.FACILITIES,
                tr("Public service facilities (GGFWSS of the plan data if empty)"),
                [kinds.TypeVectorPoint],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                self.RESIDENTIAL,
                tr("Residential areas (JZQ of the plan data if empty)"),
                [kinds.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                self.NETWORK,
                tr("Street network (ZXCQDL of the plan data if empty)"),
                [kinds.TypeVectorLine],
                optional=True,
            )
        )
        self.addParameter(plan_source_parameter(self.PLAN_GPKG))
        self.addParameter(
            QgsProcessingParameterFile(
                self.TABLE, tr("Life-circle table (the plan's if empty)"), extension="yaml", optional=True
            )
        )
        # field names as text: the layers may come from the plan data, not a parameter
        for name, label, default in (
            (self.TYPE_FIELD, tr("Facility type field"), "SSLX"),
            (self.LEVEL_FIELD, tr("Facility level field"), "SHQJB"),
            (self.FACILITY_NAME, tr("Facility name field"), "MC"),
            (self.AREA_NAME, tr("Residential area name field"), "MC"),
            (self.POPULATION, tr("Population field"), "RK"),
        ):
            self.addParameter(QgsProcessingParameterString(name, label, default, optional=name != self.TYPE_FIELD))
        self.addParameter(
            QgsProcessingParameterNumber(
                self.SPEED,
                tr("Walking speed (km/h; the table's if empty)"),
                QgsProcessingParameterNumber.Type.Double,
                None,
                optional=True,
                minValue=0.1,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.MINUTES,
                tr("Walking minutes per level (e.g. 社区=15, 邻里=10, 街坊=5; the table's if empty)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.ACCESS,
                tr("Access distance (m): facility or area edge to its street"),
                QgsProcessingParameterNumber.Type.Double,
                50.0,
                minValue=0.0,
            )
        )
        topology = QgsProcessingParameterNumber(
            self.TOPOLOGY,
            tr("Topology tolerance (m): line ends this close are joined"),
            QgsProcessingParameterNumber.Type.Double,
            0.0,
            minValue=0.0,
        )
        topology.setFlags(topology.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(topology)
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.FALLBACK, tr("Use straight-line distances when the network cannot be used"), False
            )
        )
        self.add_area_parameters()
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Residential areas with what they lack"), kinds.TypeVectorPolygon
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.SERVICE_AREAS,
                tr("Service areas"),
                kinds.TypeVectorAnyGeometry,
                optional=True,
                createByDefault=False,
            )
        )
        self.add_report_parameter()

    def _text(self, parameters, name, context):
        return self.parameterAsString(parameters, name, context).strip() or None

    def _params(self, parameters, context) -> LifeCircleParams:
        speed = parameters.get(self.SPEED)
        return LifeCircleParams(
            self.area_method(parameters, context),
            speed_kmh=None if speed in (None, "") else self.parameterAsDouble(parameters, self.SPEED, context),
            minutes=parse_minutes(self.parameterAsString(parameters, self.MINUTES, context)),
            access_distance=self.parameterAsDouble(parameters, self.ACCESS, context),
            topology_tolerance=self.parameterAsDouble(parameters, self.TOPOLOGY, context),
            fallback=self.parameterAsBool(parameters, self.FALLBACK, context),
            type_field=self._text(parameters, self.TYPE_FIELD, context),
            level_field=self._text(parameters, self.LEVEL_FIELD, context),
            facility_name_field=self._text(parameters, self.FACILITY_NAME, context),
            residential_name_field=self._text(parameters, self.AREA_NAME, context),
            population_field=self._text(parameters, self.POPULATION, context),
        )

    def processAlgorithm(self, parameters, context, feedback):
        try:
            table = load_life_circle_table(self.parameterAsFile(parameters, self.TABLE, context) or None)
            params = self._params(parameters, context)
            facilities = self.plan_layer(parameters, context, self.FACILITIES, self.PLAN_GPKG, "GGFWSS")
            areas = self.plan_layer(parameters, context, self.RESIDENTIAL, self.PLAN_GPKG, "JZQ")
            network = self.plan_layer(
                parameters, context, self.NETWORK, self.PLAN_GPKG, "ZXCQDL", optional=params.fallback
            )
        except PlanError as error:
            raise QgsProcessingException(str(error)) from error
        result, outputs = run_job(
            self,
            life_circle_job(facilities, areas, network, table, params),
            parameters,
            context,
            feedback,
            {AREAS: self.OUTPUT, SERVICE: self.SERVICE_AREAS},
            self.REPORT,
            on_result=lambda result: self._log(result, feedback),
        )
        lacking = sum(1 for area in result.areas if result.lacks(area))
        feedback.pushInfo(
            tr("{method}: {lacking} of {total} residential areas lack at least one required facility").format(
                method=method_label(result.method), lacking=lacking, total=len(result.areas)
            )
        )
        return outputs

    @staticmethod
    def _log(result, feedback) -> None:
        if result.canceled:
            return
        for warning in result.warnings:
            feedback.reportError(warning, False)
        if result.fallback_reason:
            feedback.reportError(tr("Straight-line fallback: {reason}").format(reason=result.fallback_reason), False)
