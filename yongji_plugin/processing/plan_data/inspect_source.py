"""Processing: list a source's catalogue layers as found / missing / non-conforming."""

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterString,
)

from ...core.plan_data.loader import inspect_source
from ...core.plan_data.source_text import SOURCE_KINDS, source_kind_labels
from ...core.plan_data.sources import Source
from ...core.shared.errors import PlanError
from ...core.shared.job import Job
from ...core.shared.output_fields import OutputField, add_rows, memory_layer
from ...i18n import tr
from ..base import YongjiAlgorithm
from ..sinks import run_job


def status_specs():
    return [
        OutputField("code", "string", tr("Code")),
        OutputField("name", "string", tr("Name")),
        OutputField("group", "string", tr("Group")),
        OutputField("status", "string", tr("Status")),
        OutputField("problems", "string", tr("Problems")),
        OutputField("features", "int", tr("Features")),
        OutputField("encoding", "string", tr("Text encoding")),
    ]


class InspectSourceAlgorithm(YongjiAlgorithm):
    ALG_ID = "inspectsource"
    ICON = "load"
    KIND, SOURCE, ENCODING, OUTPUT = "KIND", "SOURCE", "ENCODING", "OUTPUT"

    def displayName(self):
        return tr("Inspect plan data source")

    def group(self):
        return tr("Plan data")

    def groupId(self):
        return "plandata"

    def shortHelpString(self):
        return tr(
            "Lists every layer of the plan catalogue as found, missing or non-conforming "
            "(missing fields, wrong geometry type, CRS not CGCS2000) in a GeoPackage, a File "
            "Geodatabase (.gdb folder), a folder of Shapefiles or a saved PostGIS connection. Layers are "
            "matched by code or Chinese name, also with one prefix or suffix (GHSJ_STBHHX, STBHHX_2035); "
            "lossless type differences (BSM stored as real with whole numbers) are noted, not refused. "
            "A Shapefile's text encoding is its .cpg file's, else its code page byte's, else detected "
            "(UTF-8, GBK, GB18030), unless given; the table names it."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterEnum(self.KIND, tr("Source type"), options=source_kind_labels(), defaultValue=0)
        )
        self.addParameter(
            QgsProcessingParameterString(self.SOURCE, tr("GeoPackage path, .gdb folder, folder or connection name"))
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.ENCODING,
                tr("Text encoding of the Shapefiles (UTF-8, GBK, GB18030, …; decided per file if empty)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Catalogue status"), QgsProcessing.SourceType.TypeVector)
        )

    def processAlgorithm(self, parameters, context, feedback):
        kind = SOURCE_KINDS[self.parameterAsEnum(parameters, self.KIND, context)]
        encoding = self.parameterAsString(parameters, self.ENCODING, context).strip() if kind == "folder" else ""
        source = Source(kind, self.parameterAsString(parameters, self.SOURCE, context), encoding=encoding)
        try:
            statuses = inspect_source(source)
        except PlanError as error:
            raise QgsProcessingException(str(error)) from error
        table = memory_layer(tr("Catalogue status"), "None", None, status_specs())
        add_rows(
            table,
            [
                (
                    {
                        "code": s.spec.code,
                        "name": s.spec.name,
                        "group": s.spec.group,
                        "status": s.status,
                        "problems": "; ".join(s.problems),
                        "features": s.feature_count,
                        "encoding": _encoding(s),
                    },
                    None,
                )
                for s in statuses
            ],
        )
        for status in statuses:
            encoding = _encoding(status)
            feedback.pushInfo(
                f"{status.spec.code} {status.spec.name}: {status.describe()}" + (f" [{encoding}]" if encoding else "")
            )
        job = Job(self.displayName(), tr("Inspection canceled"), lambda _: statuses, lambda _: {"status": table})
        return run_job(self, job, parameters, context, feedback, {"status": self.OUTPUT})[1]


def _encoding(status) -> str:
    """A Shapefile's text encoding and how it was decided, in words ("" for other sources)."""
    encoding = status.source_layer.encoding if status.source_layer is not None else None
    return encoding.describe() if encoding is not None else ""
