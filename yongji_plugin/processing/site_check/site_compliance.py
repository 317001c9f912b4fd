"""Processing: 项目选址合规性检查 — the same engine, outputs and report as the dialog."""

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingUtils,
)

from ...core.plan_data.loader import describe_sources
from ...core.shared.errors import PlanError
from ...core.site_check.check import DEFAULT_TOLERANCE, CheckParams, counts_text
from ...core.site_check.job import compliance_job
from ...core.site_check.outputs import BREAKDOWN, CONFLICTS, REPAIRS, SUMMARY
from ...core.site_check.ruleset import load_ruleset
from ...i18n import tr
from ..base import YongjiAlgorithm, invalid_geometries_let_through, plan_source_parameter
from ..sinks import run_job


class SiteComplianceAlgorithm(YongjiAlgorithm):
    ALG_ID = "sitecompliance"
    ICON = "check"
    SITES, CONTROL_LAYERS, PLAN_GPKG, RULESET = "SITES", "CONTROL_LAYERS", "PLAN_GPKG", "RULESET"
    TOLERANCE = "TOLERANCE"
    ID_FIELD, NAME_FIELD, TYPE_FIELD, REPORT = "ID_FIELD", "NAME_FIELD", "TYPE_FIELD", "REPORT"
    USE_FIELD = "USE_FIELD"
    OUTPUTS = (SUMMARY.upper(), CONFLICTS.upper(), BREAKDOWN.upper(), REPAIRS.upper())

    def displayName(self):
        return tr("Project site compliance check")

    def group(self):
        return tr("Checks")

    def groupId(self):
        return "checks"

    def shortHelpString(self):
        return tr(
            "Checks project sites against the control lines of a rule set (default: must not "
            "overlap the ecological protection red line, permanent basic farmland, protected-area "
            "core zones and the historic-cultural protection line; urban construction sites must "
            "lie within the urban development boundary; the planned use under a site must fit the project's use "
            "(规划用途符合性, from the site use field); 耕地 taken is measured gross and net of 田坎 with 永久基本农田 "
            "apart). Control layers are matched to the plan "
            "catalogue by code or name, from the given layers or the plan data (GeoPackage, File Geodatabase, "
            "Shapefile folder or PostGIS). Areas are "
            "in m², ha and mu, planar in the area CRS or CGCS2000 ellipsoidal, never taken from "
            "the project's ellipsoid. Overlaps below the tolerance are reported as slivers."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.SITES, tr("Project sites"), [QgsProcessing.SourceType.TypeVectorPolygon]
            )
        )
        self.addParameter(
            QgsProcessingParameterMultipleLayers(
                self.CONTROL_LAYERS,
                tr("Control layers (matched by catalogue code or name)"),
                QgsProcessing.SourceType.TypeVectorPolygon,
                optional=True,
            )
        )
        self.addParameter(plan_source_parameter(self.PLAN_GPKG))
        self.addParameter(
            QgsProcessingParameterFile(
                self.RULESET, tr("Rule set file (default rule set if empty)"), extension="yaml", optional=True
            )
        )
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
        for name, label in (
            (self.ID_FIELD, tr("Site id field")),
            (self.NAME_FIELD, tr("Site name field")),
            (self.TYPE_FIELD, tr("Site type field")),
            (self.USE_FIELD, tr("Site use field (用地用海 code or class name; if empty: XMYT, YDYT, DLBM or DKYT)")),
        ):
            self.addParameter(
                QgsProcessingParameterField(name, label, parentLayerParameterName=self.SITES, optional=True)
            )
        labels = (tr("Site summary"), tr("Conflict pieces"), tr("Land-class breakdown"), tr("Repaired geometries"))
        kinds = (
            QgsProcessing.SourceType.TypeVectorPolygon,
            QgsProcessing.SourceType.TypeVectorPolygon,
            QgsProcessing.SourceType.TypeVector,
            QgsProcessing.SourceType.TypeVector,
        )
        for number, (name, label, kind) in enumerate(zip(self.OUTPUTS, labels, kinds)):
            # the site summary is the result; conflicts, breakdown and repairs on request
            self.addParameter(QgsProcessingParameterFeatureSink(name, label, kind, optional=number > 0))
        self.add_report_parameter(tr("Review report (HTML; a PDF is written beside it)"))
        self.add_backend_parameter()

    def _site_layer(self, parameters, context):
        """The layer the sites come from, also when given as its selection (a source definition):
        the check reads the file again when the layer decodes its text wrongly."""
        layer = self.parameterAsVectorLayer(parameters, self.SITES, context)
        definition = parameters.get(self.SITES)
        if layer is None and isinstance(definition, QgsProcessingFeatureSourceDefinition):
            layer = QgsProcessingUtils.mapLayerFromString(definition.source.staticValue(), context)
        return layer

    def processAlgorithm(self, parameters, context, feedback):
        with invalid_geometries_let_through(context):  # repaired on a copy and reported, never dropped
            return self._process(parameters, context, feedback)

    def _process(self, parameters, context, feedback):
        sites = self.parameterAsSource(parameters, self.SITES, context)
        if sites is None:
            raise QgsProcessingException(tr("No site layer given"))
        try:
            ruleset = load_ruleset(self.parameterAsFile(parameters, self.RULESET, context) or None)
            area = self.area_method(parameters, context)
            layers = self.plan_layers(parameters, context, self.CONTROL_LAYERS, self.PLAN_GPKG, feedback)
            params = CheckParams(
                area,
                self.parameterAsDouble(parameters, self.TOLERANCE, context),
                self.parameterAsString(parameters, self.ID_FIELD, context) or None,
                self.parameterAsString(parameters, self.NAME_FIELD, context) or None,
                self.parameterAsString(parameters, self.TYPE_FIELD, context) or None,
                data_source=describe_sources(layers.values()),
                backend=self.backend(parameters, context),
                site_origin=self._site_layer(parameters, context),
                use_field=self.parameterAsString(parameters, self.USE_FIELD, context) or None,
            )
        except PlanError as error:
            raise QgsProcessingException(str(error)) from error
        job = compliance_job(sites, layers, ruleset, params, sites.sourceName())
        keys = dict(zip((SUMMARY, CONFLICTS, BREAKDOWN, REPAIRS), self.OUTPUTS))
        result, outputs = run_job(
            self,
            job,
            parameters,
            context,
            feedback,
            keys,
            self.REPORT,
            on_result=lambda result: self._log(result, feedback),
        )
        feedback.pushInfo(counts_text(result.counts()))
        return outputs

    @staticmethod
    def _log(result, feedback) -> None:
        if result.backend:
            feedback.pushInfo(tr("Overlay engine: {backend}").format(backend=result.backend))
        for warning in result.warnings:  # sites without or sharing an id: the reviewer must see it
            feedback.reportError(warning, False)
