"""Processing: 规划版本对比 — the same comparison, layers, maps and report as the dialog (one job)."""

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ...core.plan_data.catalogue import default_catalogue
from ...core.plan_data.source_text import SOURCE_KINDS, source_kind_labels
from ...core.plan_data.sources import Source
from ...core.shared.errors import PlanError
from ...core.versions.job import versions_job
from ...core.versions.model import (
    DEFAULT_DISTANCE_TOLERANCE,
    DEFAULT_MATCH_DISTANCE,
    DEFAULT_MATCH_OVERLAP,
    DEFAULT_TOLERANCE,
    NEW,
    OLD,
    CompareParams,
)
from ...core.versions.outputs import AREAS, ATTRIBUTE_CHANGES, FEATURES, GAINED, LAYERS, LOST, REPAIRS
from ...i18n import tr
from ..base import YongjiAlgorithm, invalid_geometries_let_through
from ..sinks import run_job

TOWNSHIP_VERSIONS = (NEW, OLD)


class CompareVersionsAlgorithm(YongjiAlgorithm):
    ALG_ID = "compareversions"
    ICON = "versions"
    LAYERS_PARAM, TOLERANCE, DISTANCE_TOLERANCE = "LAYERS", "TOLERANCE", "DISTANCE_TOLERANCE"
    MATCH_OVERLAP, MATCH_DISTANCE, TOWNSHIPS = "MATCH_OVERLAP", "MATCH_DISTANCE", "TOWNSHIPS"
    REPORT = "REPORT"
    # the layer summary is the result; the others on request
    OUTPUTS = (
        ("LAYER_CHANGES", LAYERS),
        ("AREA_CHANGES", AREAS),
        ("FEATURE_CHANGES", FEATURES),
        ("GAINED", GAINED),
        ("LOST", LOST),
        ("ATTRIBUTE_CHANGES", ATTRIBUTE_CHANGES),
        ("REPAIRS", REPAIRS),
    )

    def displayName(self):
        return tr("Compare plan versions")

    def group(self):
        return tr("Plan data")

    def groupId(self):
        return "plandata"

    def shortHelpString(self):
        return tr(
            "Compares two versions of the plan (two GeoPackages, File Geodatabases, Shapefile folders or "
            "PostGIS connections or schemas, in any combination), catalogue layer by catalogue layer: features "
            "added, removed and changed in geometry and/or attributes (paired by the catalogue's key "
            "field such as BSM, by geometry where a layer has none), layers present in one version "
            "only, and the area each class gained and lost per township (differences of the class "
            "unions, in m², ha and mu). Writes the change layers (gained, lost, attributes changed), "
            "the summaries and, on request, a report with a change map sheet per changed layer."
        )

    def _source_parameters(self, prefix: str, label: str) -> None:
        self.addParameter(
            QgsProcessingParameterEnum(
                f"{prefix}_KIND",
                tr("{version}: source type").format(version=label),
                options=source_kind_labels(),
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                f"{prefix}_SOURCE",
                tr("{version}: GeoPackage path, .gdb folder, folder or connection name").format(version=label),
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                f"{prefix}_SCHEMA",
                tr("{version}: PostGIS schema (every schema if empty)").format(version=label),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                f"{prefix}_ENCODING",
                tr(
                    "{version}: text encoding of the Shapefiles (UTF-8, GBK, GB18030, …; decided per file if empty)"
                ).format(version=label),
                optional=True,
            )
        )

    def initAlgorithm(self, config=None):
        self._source_parameters("OLD", tr("Earlier version"))
        self._source_parameters("NEW", tr("Later version"))
        specs = default_catalogue().layers
        self.addParameter(
            QgsProcessingParameterEnum(
                self.LAYERS_PARAM,
                tr("Layers to compare (all if empty)"),
                [f"{s.code} {s.name}" for s in specs],
                allowMultiple=True,
                defaultValue=list(range(len(specs))),
                optional=True,
            )
        )
        for name, label, default, top in (
            (self.TOLERANCE, tr("Area tolerance (m²): smaller differences are no change"), DEFAULT_TOLERANCE, None),
            (
                self.DISTANCE_TOLERANCE,
                tr("Distance tolerance for lines and points (m)"),
                DEFAULT_DISTANCE_TOLERANCE,
                None,
            ),
            (
                self.MATCH_OVERLAP,
                tr("Pairing by geometry: least overlap of polygons (share of their union)"),
                DEFAULT_MATCH_OVERLAP,
                1.0,
            ),
            (
                self.MATCH_DISTANCE,
                tr("Pairing by geometry: farthest distance of lines and points (m)"),
                DEFAULT_MATCH_DISTANCE,
                None,
            ),
        ):
            self.addParameter(
                QgsProcessingParameterNumber(
                    name,
                    label,
                    QgsProcessingParameterNumber.Type.Double,
                    default,
                    minValue=0.0,
                    **({"maxValue": top} if top else {}),
                )
            )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.TOWNSHIPS,
                tr("Townships that split the areas"),
                [tr("Later version"), tr("Earlier version")],
                defaultValue=0,
            )
        )
        self.add_area_parameters()
        self.add_backend_parameter()
        labels = (
            tr("Changes per layer"),
            tr("Area changes per class and township"),
            tr("Changed features"),
            tr("Area gained"),
            tr("Area lost"),
            tr("Attributes changed"),
            tr("Repaired geometries"),
        )
        kinds = (
            (QgsProcessing.SourceType.TypeVector,) * 3
            + (QgsProcessing.SourceType.TypeVectorPolygon,) * 3
            + (QgsProcessing.SourceType.TypeVector,)
        )
        for number, ((key, _), label, kind) in enumerate(zip(self.OUTPUTS, labels, kinds)):
            self.addParameter(QgsProcessingParameterFeatureSink(key, label, kind, optional=number > 0))
        self.add_report_parameter(
            tr("Report (HTML; a PDF, the change maps and a change map sheet per changed layer are written beside it)")
        )

    def _source(self, parameters, context, prefix: str) -> Source:
        kind = SOURCE_KINDS[self.parameterAsEnum(parameters, f"{prefix}_KIND", context)]
        location = self.parameterAsString(parameters, f"{prefix}_SOURCE", context).strip()
        if not location:
            raise QgsProcessingException(
                tr("No source given for the {version}").format(
                    version=tr("earlier version") if prefix == "OLD" else tr("later version")
                )
            )
        schema = self.parameterAsString(parameters, f"{prefix}_SCHEMA", context).strip()
        encoding = self.parameterAsString(parameters, f"{prefix}_ENCODING", context).strip()
        return Source(kind, location, schema if kind == "postgis" else "", encoding if kind == "folder" else "")

    def _params(self, parameters, context) -> CompareParams:
        area = self.area_method(parameters, context)
        given = parameters.get(self.LAYERS_PARAM) not in (None, [], "")
        chosen = self.parameterAsEnums(parameters, self.LAYERS_PARAM, context) if given else []
        specs = default_catalogue().layers
        return CompareParams(
            area,
            self.parameterAsDouble(parameters, self.TOLERANCE, context),
            self.parameterAsDouble(parameters, self.DISTANCE_TOLERANCE, context),
            self.parameterAsDouble(parameters, self.MATCH_OVERLAP, context),
            self.parameterAsDouble(parameters, self.MATCH_DISTANCE, context),
            TOWNSHIP_VERSIONS[self.parameterAsEnum(parameters, self.TOWNSHIPS, context)],
            codes=tuple(specs[i].code for i in chosen) if chosen else None,
            backend=self.backend(parameters, context),
        )

    def processAlgorithm(self, parameters, context, feedback):
        with invalid_geometries_let_through(context):  # repaired on a copy and reported, never dropped
            return self._process(parameters, context, feedback)

    def _process(self, parameters, context, feedback):
        try:
            params = self._params(parameters, context)
            old, new = self._source(parameters, context, "OLD"), self._source(parameters, context, "NEW")
        except PlanError as error:
            raise QgsProcessingException(str(error)) from error
        report = self.parameterAsFileOutput(parameters, self.REPORT, context)
        job = versions_job(old, new, params, with_maps=bool(report))
        keys = {name: key for key, name in self.OUTPUTS}
        result, outputs = run_job(self, job, parameters, context, feedback, keys, self.REPORT)
        for comparison in result.changed_layers:
            feedback.pushInfo(comparison.log_line())
        if not result.changed_layers:
            feedback.pushInfo(tr("The two versions are the same: no layer changed"))
        if result.backend:
            feedback.pushInfo(tr("Overlay engine: {backend}").format(backend=result.backend))
        return outputs
