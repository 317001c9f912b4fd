"""What every algorithm of the provider shares: translation, grouping, icon, factory."""
from qgis.core import QgsProcessingAlgorithm
from qgis.PyQt.QtGui import QIcon

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
