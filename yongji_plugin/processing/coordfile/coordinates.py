"""Processing: import coordinate exchange files to sites, and export sites back to the format (the
core's jobs, as the dialog runs them)."""

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ...core.coordfile.crs import MODES, mode_labels
from ...core.coordfile.job import PROBLEMS, SITES, coordinates_job, export_job
from ...core.coordfile.model import ERROR, WARNING
from ...i18n import tr
from ..base import YongjiAlgorithm
from ..sinks import run_job


class CoordinateFilesAlgorithm(YongjiAlgorithm):
    """The group every coordinate-file and CAD algorithm sits in."""

    def group(self):
        return tr("Coordinate files")

    def groupId(self):
        return "coordinates"


class ImportCoordinatesAlgorithm(CoordinateFilesAlgorithm):
    ALG_ID = "importcoordinates"
    ICON = "coords"
    INPUT, MODE, CLOSE_RINGS, OUTPUT, PROBLEMS = "INPUT", "MODE", "CLOSE_RINGS", "OUTPUT", "PROBLEMS"

    def displayName(self):
        return tr("Import coordinate file")

    def shortHelpString(self):
        return tr(
            "Reads a boundary coordinate exchange file ([属性描述] / [地块坐标], X = northing, "
            "Y = easting, GBK or UTF-8) into project-site polygons. Every ring is validated; parcels "
            "with errors are left out and listed with their line numbers in the problems table. "
            "An empty or unreadable file, one without a parcel or one whose parcels all have errors "
            "stops the algorithm with an error."
        )

    def initAlgorithm(self, config=None):
        # any name: bureau tools write .txt, .TXT, .zb or no extension at all
        self.addParameter(
            QgsProcessingParameterFile(
                self.INPUT, tr("Coordinate file"), fileFilter=tr("Coordinate files (*.txt *.TXT);;All files (*)")
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(self.MODE, tr("Coordinate reference system"), mode_labels(), defaultValue=0)
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.CLOSE_RINGS, tr("Close rings that lack their closing point (with a warning)"), defaultValue=False
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Imported sites"), QgsProcessing.SourceType.TypeVectorPolygon
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.PROBLEMS, tr("Problems"), QgsProcessing.SourceType.TypeVector, optional=True
            )
        )

    def processAlgorithm(self, parameters, context, feedback):
        job = coordinates_job(
            [self.parameterAsFile(parameters, self.INPUT, context)],
            MODES[self.parameterAsEnum(parameters, self.MODE, context)],
            self.parameterAsBoolean(parameters, self.CLOSE_RINGS, context),
        )
        result, outputs = import_run(self, job, parameters, context, feedback)
        feedback.pushInfo(
            tr("{ok} parcels imported, {bad} left out").format(
                ok=len(result.features), bad=sum(1 for r in result.rows if not r.imported)
            )
        )
        return outputs


def import_run(algorithm, job, parameters, context, feedback) -> tuple:
    """An import job into the algorithm's OUTPUT and PROBLEMS, its problems in the log first."""

    def log(result):
        if not result.canceled:
            report_problems(result.problems, feedback)

    return run_job(
        algorithm,
        job,
        parameters,
        context,
        feedback,
        {SITES: algorithm.OUTPUT, PROBLEMS: algorithm.PROBLEMS},
        on_result=log,
    )


def report_problems(problems, feedback):
    """Errors as errors, warnings as warnings, notes as information, each with file, line and parcel."""
    for problem in problems:
        if problem.level == ERROR:
            feedback.reportError(problem.text, fatalError=False)
        elif problem.level == WARNING:
            feedback.pushWarning(problem.text)
        else:
            feedback.pushInfo(problem.text)


class ExportCoordinatesAlgorithm(CoordinateFilesAlgorithm):
    ALG_ID = "exportcoordinates"
    ICON = "coords"
    INPUT, ZONE, PREFIX, ENCODING, UNIT, OUTPUT = "INPUT", "ZONE", "PREFIX", "ENCODING", "UNIT", "OUTPUT"

    def displayName(self):
        return tr("Export sites to coordinate file")

    def shortHelpString(self):
        return tr(
            "Writes project-site polygons to the boundary coordinate exchange format in "
            "CGCS2000 3-degree Gauss-Krüger coordinates to the millimetre, one parcel per "
            "feature, rings numbered outer ring first, points J1… per parcel."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT, tr("Project sites"), [QgsProcessing.SourceType.TypeVectorPolygon]
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.ZONE, tr("3-degree zone"), QgsProcessingParameterNumber.Type.Integer, 37, minValue=25, maxValue=45
            )
        )
        self.addParameter(QgsProcessingParameterBoolean(self.PREFIX, tr("Zone number in the easting"), True))
        self.addParameter(QgsProcessingParameterEnum(self.ENCODING, tr("Encoding"), ["GBK", "UTF-8"], defaultValue=0))
        self.addParameter(QgsProcessingParameterString(self.UNIT, tr("Producing organisation"), "", optional=True))
        self.addParameter(
            QgsProcessingParameterFileDestination(self.OUTPUT, tr("Coordinate file"), tr("Text files (*.txt)"))
        )

    def processAlgorithm(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        job = export_job(
            source,
            self.parameterAsInt(parameters, self.ZONE, context),
            self.parameterAsBool(parameters, self.PREFIX, context),
            ("gbk", "utf-8")[self.parameterAsEnum(parameters, self.ENCODING, context)],
            self.parameterAsString(parameters, self.UNIT, context),
        )
        coordinates, outputs = run_job(self, job, parameters, context, feedback, {}, self.OUTPUT)
        feedback.pushInfo(tr("{count} parcels written").format(count=len(coordinates.parcels)))
        return outputs
