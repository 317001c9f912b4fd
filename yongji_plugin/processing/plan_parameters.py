"""Parameters the measure algorithms share: the plan's layers (the explicit area method is every
algorithm's: processing.base)."""

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterMultipleLayers,
)

from ..i18n import tr
from .base import plan_source_parameter

LAYERS, PLAN_GPKG = "LAYERS", "PLAN_GPKG"


def add_plan_parameters(algorithm) -> None:
    algorithm.addParameter(
        QgsProcessingParameterMultipleLayers(
            LAYERS,
            tr("Plan layers (matched by catalogue code or name)"),
            QgsProcessing.SourceType.TypeVectorPolygon,
            optional=True,
        )
    )
    algorithm.addParameter(plan_source_parameter(PLAN_GPKG))
