"""Processing: list a source's catalogue layers as found / missing / non-conforming."""
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ...core.plan_data.loader import inspect_source
from ...core.plan_data.sources import Source
from ...core.shared.errors import PlanError
from ...core.shared.qt_compat import new_field
from ...i18n import tr
from ..base import YongjiAlgorithm

SOURCE_KINDS = ("gpkg", "folder", "postgis")


class InspectSourceAlgorithm(YongjiAlgorithm):
    ALG_ID = "inspectsource"
    ICON = "load"
    KIND, SOURCE, OUTPUT = "KIND", "SOURCE", "OUTPUT"

    def displayName(self):  # noqa: N802
        return tr("Inspect plan data source")

    def group(self):
        return tr("Plan data")

    def groupId(self):  # noqa: N802
        return "plandata"

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Lists every layer of the plan catalogue as found, missing or non-conforming "
            "(missing fields, wrong geometry type, CRS not CGCS2000) in a GeoPackage, a folder "
            "of Shapefiles or a saved PostGIS connection."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterEnum(
            self.KIND, tr("Source type"),
            options=[tr("GeoPackage"), tr("Folder of Shapefiles"),
                     tr("Saved PostGIS connection")], defaultValue=0))
        self.addParameter(QgsProcessingParameterString(
            self.SOURCE, tr("GeoPackage path, folder or connection name")))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Catalogue status"), QgsProcessing.SourceType.TypeVector))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        kind = SOURCE_KINDS[self.parameterAsEnum(parameters, self.KIND, context)]
        source = Source(kind, self.parameterAsString(parameters, self.SOURCE, context))
        try:
            statuses = inspect_source(source)
        except PlanError as error:
            raise QgsProcessingException(str(error))
        fields = QgsFields()
        for name in ("code", "name", "group", "status", "problems"):
            fields.append(new_field(name, "string"))
        fields.append(new_field("features", "int"))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields,
                                          QgsWkbTypes.Type.NoGeometry)
        for status in statuses:
            feature = QgsFeature(fields)
            feature.setAttributes([status.spec.code, status.spec.name, status.spec.group,
                                   status.status, "; ".join(status.problems),
                                   status.feature_count])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
            feedback.pushInfo(f"{status.spec.code} {status.spec.name}: {status.describe()}")
        return {self.OUTPUT: dest}
