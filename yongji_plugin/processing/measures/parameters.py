"""Parameters the measure algorithms share: the plan's layers and the explicit area method."""
from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterCrs,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterMultipleLayers,
)

from ...core.shared.areas import DEFAULT_AREA_CRS, ELLIPSOIDAL, PLANAR, AreaMethod
from ...i18n import tr

LAYERS, PLAN_GPKG, AREA_CRS, AREA_METHOD = "LAYERS", "PLAN_GPKG", "AREA_CRS", "AREA_METHOD"
METHODS = (PLANAR, ELLIPSOIDAL)


def add_plan_parameters(algorithm) -> None:
    algorithm.addParameter(QgsProcessingParameterMultipleLayers(
        LAYERS, tr("Plan layers (matched by catalogue code or name)"),
        QgsProcessing.SourceType.TypeVectorPolygon, optional=True))
    algorithm.addParameter(QgsProcessingParameterFile(
        PLAN_GPKG, tr("Plan GeoPackage (for layers not given above)"), extension="gpkg", optional=True))


def add_area_parameters(algorithm) -> None:
    algorithm.addParameter(QgsProcessingParameterCrs(
        AREA_CRS, tr("Area CRS (EPSG:4546 if empty)"), DEFAULT_AREA_CRS, optional=True))
    algorithm.addParameter(QgsProcessingParameterEnum(
        AREA_METHOD, tr("Area method"), [tr("Planar"), tr("CGCS2000 ellipsoidal")], defaultValue=0))


def area_method(algorithm, parameters, context) -> AreaMethod:
    crs = algorithm.parameterAsCrs(parameters, AREA_CRS, context)
    return AreaMethod.create(crs.authid() or DEFAULT_AREA_CRS,
                             METHODS[algorithm.parameterAsEnum(parameters, AREA_METHOD, context)])
