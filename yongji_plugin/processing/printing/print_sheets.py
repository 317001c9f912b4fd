"""Processing: export the plan's map sheets (and atlases) in batch."""

import os

from qgis.core import (
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterVectorLayer,
)

from ...core.guidance.township_figures import township_coverage
from ...core.printing.jobs import print_jobs, run_jobs
from ...core.printing.map_sheets import load_sheets
from ...core.printing.sheets import PDF, PNG, SheetBuilder
from ...core.shared.errors import PlanError
from ...core.site_check.result_styles import atlas_layers
from ...i18n import tr
from ..base import YongjiAlgorithm, plan_source_parameter


class PrintSheetsAlgorithm(YongjiAlgorithm):
    ALG_ID = "printsheets"
    ICON = "print"
    LAYERS, PLAN_GPKG, SHEETS, FORMAT, DPI = "LAYERS", "PLAN_GPKG", "SHEETS", "FORMAT", "DPI"
    TOWNSHIPS, SITES, CONFLICTS, OUTPUT = "TOWNSHIP_ATLAS", "SITE_SUMMARY", "CONFLICTS", "OUTPUT"

    def flags(self):
        # layouts are rendered on the main thread in QGIS; Processing must not move us off it
        return super().flags() | QgsProcessingAlgorithm.Flag.FlagNoThreading

    def displayName(self):
        return tr("Print thematic maps")

    def group(self):
        return tr("Maps")

    def groupId(self):
        return "maps"

    def shortHelpString(self):
        return tr(
            "Exports the plan's map sheets from the print templates to PDF or PNG, with an "
            "optional atlas per township and per checked site."
        )

    def initAlgorithm(self, config=None):
        sheets = load_sheets().sheets
        self.addParameter(
            QgsProcessingParameterMultipleLayers(
                self.LAYERS,
                tr("Plan layers (matched by catalogue code or name)"),
                QgsProcessing.SourceType.TypeVectorAnyGeometry,
                optional=True,
            )
        )
        self.addParameter(plan_source_parameter(self.PLAN_GPKG))
        self.addParameter(
            QgsProcessingParameterEnum(
                self.SHEETS,
                tr("Map sheets"),
                [s.title for s in sheets],
                allowMultiple=True,
                defaultValue=list(range(len(sheets))),
                optional=True,
            )
        )
        self.addParameter(QgsProcessingParameterEnum(self.FORMAT, tr("Format"), ["PDF", "PNG"], defaultValue=0))
        self.addParameter(
            QgsProcessingParameterNumber(
                self.DPI,
                tr("Resolution (DPI)"),
                QgsProcessingParameterNumber.Type.Integer,
                300,
                minValue=72,
                maxValue=1200,
            )
        )
        self.addParameter(QgsProcessingParameterBoolean(self.TOWNSHIPS, tr("Atlas: one sheet per township"), False))
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                self.SITES,
                tr("Site summary of a compliance check (for the site atlas)"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                self.CONFLICTS,
                tr("Conflict pieces of that check"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT, tr("Output folder")))

    def processAlgorithm(self, parameters, context, feedback):
        folder = self.parameterAsString(parameters, self.OUTPUT, context)
        existed = os.path.isdir(folder)
        sheets = load_sheets().sheets
        chosen = [sheets[i].id for i in (self.parameterAsEnums(parameters, self.SHEETS, context) or range(len(sheets)))]
        try:
            plan = self.plan_layers(parameters, context, self.LAYERS, self.PLAN_GPKG, feedback)
            builder = SheetBuilder(plan)
            summary = self.parameterAsVectorLayer(parameters, self.SITES, context)
            conflicts = self.parameterAsVectorLayer(parameters, self.CONFLICTS, context)
            townships = self.parameterAsBool(parameters, self.TOWNSHIPS, context)
            kind = (PDF, PNG)[self.parameterAsEnum(parameters, self.FORMAT, context)]
            jobs = print_jobs(
                builder,
                folder,
                chosen,
                kind,
                self.parameterAsInt(parameters, self.DPI, context),
                (lambda: township_coverage(plan)) if townships else None,
                (lambda: atlas_layers(summary, conflicts)) if summary is not None else None,
            )
            result = run_jobs(jobs, feedback)
        except PlanError as error:
            _remove_if_made(folder, existed)
            raise QgsProcessingException(str(error)) from error
        if result.canceled:  # an exception, so qgis_process exits non-zero; no partial file stays
            _remove_if_made(folder, existed)
            raise QgsProcessingException(
                tr("Printing was canceled: {count} whole files kept, nothing partial").format(count=len(result.paths))
            )
        for path in result.paths:
            feedback.pushInfo(str(path))
        return {self.OUTPUT: folder}


def _remove_if_made(folder: str, existed: bool) -> None:
    """The output folder this run made, when a failed or canceled run left nothing in it."""
    if not existed and os.path.isdir(folder) and not os.listdir(folder):
        os.rmdir(folder)
