"""What every algorithm of the provider shares: translation, grouping, icon, factory."""
from qgis.core import QgsProcessingAlgorithm
from qgis.PyQt.QtGui import QIcon

from ..core.plan_data.loader import layers_by_code, open_plan
from ..core.plan_data.sources import Source
from ..paths import icon_path


class YongjiAlgorithm(QgsProcessingAlgorithm):
    ALG_ID = ""
    ICON = "icon"

    def name(self):
        return self.ALG_ID

    def icon(self):
        return QIcon(icon_path(self.ICON))

    def createInstance(self):  # noqa: N802
        return type(self)()

    def plan_layers(self, parameters, context, layers_param: str, gpkg_param: str) -> dict:
        """Plan layers by catalogue code: the given layers first, then the plan GeoPackage's."""
        layers = layers_by_code(self.parameterAsLayerList(parameters, layers_param, context))
        gpkg = self.parameterAsFile(parameters, gpkg_param, context)
        if gpkg:
            for code, layer in open_plan(Source("gpkg", gpkg)).items():
                layers.setdefault(code, layer)
        return layers
