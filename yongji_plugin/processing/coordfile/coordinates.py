"""Processing: import coordinate exchange files to sites, and export sites back to the format."""
from pathlib import Path

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
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
from ...core.coordfile.importer import import_files
from ...core.coordfile.model import ERROR, WARNING
from ...core.coordfile.writer import sites_to_file, write_file
from ...core.shared.errors import PlanError
from ...core.shared.output_fields import OutputField, add_rows, memory_layer
from ...i18n import tr
from ..base import YongjiAlgorithm
from ..cancel import WrittenUnlessCanceled


def problem_specs():
    return [OutputField("file", "string", tr("File")), OutputField("line", "int", tr("Line")),
            OutputField("parcel", "string", tr("Parcel")), OutputField("level", "string", tr("Level")),
            OutputField("problem", "string", tr("Problem")), OutputField("fatal", "bool", tr("Parcel left out"))]


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
        return tr("Reads a boundary coordinate exchange file ([属性描述] / [地块坐标], X = northing, "
                  "Y = easting, GBK or UTF-8) into project-site polygons. Every ring is validated; parcels "
                  "with errors are left out and listed with their line numbers in the problems table. "
                  "An empty or unreadable file, one without a parcel or one whose parcels all have errors "
                  "stops the algorithm with an error.")

    def initAlgorithm(self, config=None):
        # any name: bureau tools write .txt, .TXT, .zb or no extension at all
        self.addParameter(QgsProcessingParameterFile(
            self.INPUT, tr("Coordinate file"), fileFilter=tr("Coordinate files (*.txt *.TXT);;All files (*)")))
        self.addParameter(QgsProcessingParameterEnum(self.MODE, tr("Coordinate reference system"),
                                                     mode_labels(), defaultValue=0))
        self.addParameter(QgsProcessingParameterBoolean(
            self.CLOSE_RINGS, tr("Close rings that lack their closing point (with a warning)"), defaultValue=False))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Imported sites"),
                                                            QgsProcessing.SourceType.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(self.PROBLEMS, tr("Problems"),
                                                            QgsProcessing.SourceType.TypeVector, optional=True))

    def processAlgorithm(self, parameters, context, feedback):
        path = self.parameterAsFile(parameters, self.INPUT, context)
        try:
            result = import_files([path], MODES[self.parameterAsEnum(parameters, self.MODE, context)],
                                  feedback=feedback,
                                  close_rings=self.parameterAsBoolean(parameters, self.CLOSE_RINGS, context))
        except PlanError as error:  # ImportCanceled included: a cancelled run writes nothing
            raise QgsProcessingException(str(error)) from error
        report_problems(result.problems, feedback)
        if not result.features:
            raise QgsProcessingException(tr("{file}: none of its {count} parcels can be imported (see the "
                                            "problems above)").format(file=Path(path).name, count=len(result.rows)))
        problems = memory_layer(tr("Problems"), "None", None, problem_specs())
        add_rows(problems, [({"file": p.file, "line": p.line, "parcel": p.parcel, "level": p.level,
                              "problem": p.reason, "fatal": p.fatal}, None) for p in result.problems])
        with WrittenUnlessCanceled(feedback, tr("Coordinate import canceled: nothing was imported")) as written:
            written.will_write(self.parameterAsOutputLayer(parameters, self.OUTPUT, context),
                               self.parameterAsOutputLayer(parameters, self.PROBLEMS, context))
            outputs = {self.OUTPUT: self.write_output(parameters, self.OUTPUT, context, result.layer, feedback)}
            problems_dest = self.write_output(parameters, self.PROBLEMS, context, problems, feedback)
            if problems_dest is not None:
                outputs[self.PROBLEMS] = problems_dest
        feedback.pushInfo(tr("{ok} parcels imported, {bad} left out").format(
            ok=len(result.features), bad=sum(1 for r in result.rows if not r.imported)))
        return outputs


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
        return tr("Writes project-site polygons to the boundary coordinate exchange format in "
                  "CGCS2000 3-degree Gauss-Krüger coordinates to the millimetre, one parcel per "
                  "feature, rings numbered outer ring first, points J1… per parcel.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(self.INPUT, tr("Project sites"),
                                                              [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterNumber(self.ZONE, tr("3-degree zone"),
                                                       QgsProcessingParameterNumber.Type.Integer, 37,
                                                       minValue=25, maxValue=45))
        self.addParameter(QgsProcessingParameterBoolean(self.PREFIX, tr("Zone number in the easting"), True))
        self.addParameter(QgsProcessingParameterEnum(self.ENCODING, tr("Encoding"), ["GBK", "UTF-8"], defaultValue=0))
        self.addParameter(QgsProcessingParameterString(self.UNIT, tr("Producing organisation"), "", optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(self.OUTPUT, tr("Coordinate file"),
                                                                tr("Text files (*.txt)")))

    def processAlgorithm(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        try:
            coordinates = sites_to_file(source, self.parameterAsInt(parameters, self.ZONE, context),
                                        self.parameterAsBool(parameters, self.PREFIX, context),
                                        layer_name=source.sourceName())
        except PlanError as error:
            raise QgsProcessingException(str(error)) from error
        unit = self.parameterAsString(parameters, self.UNIT, context)
        if unit:
            coordinates.header["数据产生单位"] = unit
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        encoding = ("gbk", "utf-8")[self.parameterAsEnum(parameters, self.ENCODING, context)]
        try:
            write_file(coordinates, path, encoding)
        except OSError as error:
            raise QgsProcessingException(tr("Cannot write {path}: {error}").format(path=path, error=error)) from error
        feedback.pushInfo(tr("{count} parcels written").format(count=len(coordinates.parcels)))
        return {self.OUTPUT: path}
