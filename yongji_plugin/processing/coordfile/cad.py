"""Processing: CAD red lines (closed polylines and hatches of a DXF drawing) to project sites."""
from pathlib import Path

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)

from ...core.coordfile.cad import import_dxf, layer_names
from ...core.coordfile.crs import DEFAULT_CRS
from ...core.coordfile.model import ERROR
from ...core.shared.errors import PlanError
from ...core.shared.output_fields import add_rows, memory_layer
from ...i18n import tr
from ..cancel import WrittenUnlessCanceled
from .coordinates import CoordinateFilesAlgorithm, problem_specs, report_problems

PROJECT_CRS = "ProjectCrs"  # Processing's own value for "the project's CRS"


def left_out(problem, rows) -> bool:
    """Did the problem keep its shape out: a shape not imported, an open polyline, an error."""
    if problem.index is not None:
        return not rows[problem.index].imported
    return bool(problem.parcel) or problem.level == ERROR


class ImportDxfAlgorithm(CoordinateFilesAlgorithm):
    ALG_ID = "importdxf"
    ICON = "coords"
    INPUT, CRS, LAYERS, OUTPUT, PROBLEMS = "INPUT", "CRS", "LAYERS", "OUTPUT", "PROBLEMS"

    def displayName(self):
        return tr("Import CAD red lines (DXF)")

    def shortHelpString(self):
        return tr("Reads the red lines of a DXF drawing into project-site polygons: closed polylines and "
                  "hatches (a hatch's islands become holes), with the CAD layer, block and entity handle of "
                  "each. DXF has no CRS: give the drawing's (default: the project's, else EPSG:4546); "
                  "coordinates implausible in it are a warning naming the likely CRS. "
                  "Give CAD layers to import only the red lines of a drawing that holds more (a base map). "
                  "Open polylines, duplicate outlines (imported once), shapes without area and self-intersecting "
                  "or nested shapes are listed with their handles and lines in the problems table. A drawing GDAL "
                  "cannot read or one without a closed shape stops the algorithm with an error.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFile(self.INPUT, tr("DXF drawing"), extension="dxf"))
        self.addParameter(QgsProcessingParameterCrs(
            self.CRS, tr("CRS of the drawing (if empty: the project's, else EPSG:4546)"), PROJECT_CRS, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.LAYERS, tr("CAD layers to import (comma-separated; if empty: all)"), "", optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Imported sites"),
                                                            QgsProcessing.SourceType.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(self.PROBLEMS, tr("Problems"),
                                                            QgsProcessing.SourceType.TypeVector, optional=True))

    def drawing_crs(self, parameters, context, feedback) -> str:
        """The CRS asked for; the project's has none (qgis_process, an empty project): EPSG:4546."""
        crs = self.parameterAsCrs(parameters, self.CRS, context)
        if crs.isValid() and crs.authid():  # a user-defined CRS is USER:1000xx
            return crs.authid()
        feedback.pushInfo(tr("No CRS given and the project has none: the drawing is read in {crs}").format(
            crs=DEFAULT_CRS))
        return DEFAULT_CRS

    def processAlgorithm(self, parameters, context, feedback):
        path = self.parameterAsFile(parameters, self.INPUT, context)
        try:
            result = import_dxf([path], self.drawing_crs(parameters, context, feedback), feedback=feedback,
                                layers=layer_names(self.parameterAsString(parameters, self.LAYERS, context)))
        except PlanError as error:  # ImportCanceled included: a cancelled run writes nothing
            raise QgsProcessingException(str(error)) from error
        report_problems(result.problems, feedback)
        if not result.features:
            raise QgsProcessingException(tr("{file}: none of its {count} closed shapes can be imported (see the "
                                            "problems above)").format(file=Path(path).name, count=len(result.rows)))
        problems = memory_layer(tr("Problems"), "None", None, problem_specs())
        add_rows(problems, [({"file": p.file, "line": p.line, "parcel": p.parcel, "level": p.level,
                              "problem": p.reason, "fatal": left_out(p, result.rows)}, None)
                            for p in result.problems])
        with WrittenUnlessCanceled(feedback, tr("DXF import canceled: nothing was imported")) as written:
            written.will_write(self.parameterAsOutputLayer(parameters, self.OUTPUT, context),
                               self.parameterAsOutputLayer(parameters, self.PROBLEMS, context))
            outputs = {self.OUTPUT: self.write_output(parameters, self.OUTPUT, context, result.layer, feedback)}
            problems_dest = self.write_output(parameters, self.PROBLEMS, context, problems, feedback)
            if problems_dest is not None:
                outputs[self.PROBLEMS] = problems_dest
        feedback.pushInfo(tr("{ok} sites imported from {file} in {crs}, {bad} closed shapes left out").format(
            ok=len(result.features), file=Path(path).name, crs=result.crs,
            bad=sum(1 for r in result.rows if not r.imported)))
        return outputs
