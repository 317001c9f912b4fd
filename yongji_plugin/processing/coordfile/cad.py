"""Processing: CAD red lines (closed polylines and hatches of a DXF drawing) to project sites (the
core's job, as the dialog runs it)."""

from pathlib import Path

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)

from ...core.coordfile.cad import layer_names
from ...core.coordfile.crs import DEFAULT_CRS
from ...core.coordfile.job import dxf_job
from ...i18n import tr
from .coordinates import CoordinateFilesAlgorithm, import_run

PROJECT_CRS = "ProjectCrs"  # Processing's own value for "the project's CRS"


class ImportDxfAlgorithm(CoordinateFilesAlgorithm):
    ALG_ID = "importdxf"
    ICON = "coords"
    INPUT, CRS, LAYERS, OUTPUT, PROBLEMS = "INPUT", "CRS", "LAYERS", "OUTPUT", "PROBLEMS"

    def displayName(self):
        return tr("Import CAD red lines (DXF)")

    def shortHelpString(self):
        return tr(
            "Reads the red lines of a DXF drawing into project-site polygons: closed polylines and "
            "hatches (a hatch's islands become holes), with the CAD layer, block and entity handle of "
            "each. DXF has no CRS: give the drawing's (default: the project's, else EPSG:4546); "
            "coordinates implausible in it are a warning naming the likely CRS. "
            "Give CAD layers to import only the red lines of a drawing that holds more (a base map). "
            "Open polylines, duplicate outlines (imported once), shapes without area and self-intersecting "
            "or nested shapes are listed with their handles and lines in the problems table. A drawing GDAL "
            "cannot read or one without a closed shape stops the algorithm with an error."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFile(self.INPUT, tr("DXF drawing"), extension="dxf"))
        self.addParameter(
            QgsProcessingParameterCrs(
                self.CRS, tr("CRS of the drawing (if empty: the project's, else EPSG:4546)"), PROJECT_CRS, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.LAYERS, tr("CAD layers to import (comma-separated; if empty: all)"), "", optional=True
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

    def drawing_crs(self, parameters, context, feedback) -> str:
        """The CRS asked for; the project's has none (qgis_process, an empty project): EPSG:4546."""
        crs = self.parameterAsCrs(parameters, self.CRS, context)
        if crs.isValid() and crs.authid():  # a user-defined CRS is USER:1000xx
            return crs.authid()
        feedback.pushInfo(
            tr("No CRS given and the project has none: the drawing is read in {crs}").format(crs=DEFAULT_CRS)
        )
        return DEFAULT_CRS

    def processAlgorithm(self, parameters, context, feedback):
        path = self.parameterAsFile(parameters, self.INPUT, context)
        job = dxf_job(
            [path],
            self.drawing_crs(parameters, context, feedback),
            layer_names(self.parameterAsString(parameters, self.LAYERS, context)),
        )
        result, outputs = import_run(self, job, parameters, context, feedback)
        feedback.pushInfo(
            tr("{ok} sites imported from {file} in {crs}, {bad} closed shapes left out").format(
                ok=len(result.features),
                file=Path(path).name,
                crs=result.crs,
                bad=sum(1 for r in result.rows if not r.imported),
            )
        )
        return outputs
