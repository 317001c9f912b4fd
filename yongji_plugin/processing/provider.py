"""The Processing provider "永济国土空间规划": every check, import and print as an algorithm."""
from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..i18n import tr
from ..paths import icon_path, plugin_version

PROVIDER_ID = "yongji"


def algorithm_classes():
    from .alg_coordinates import ExportCoordinatesAlgorithm, ImportCoordinatesAlgorithm
    from .alg_inspect_source import InspectSourceAlgorithm
    from .alg_plan_qa import PlanQaAlgorithm
    from .alg_print_sheets import PrintSheetsAlgorithm
    from .alg_site_compliance import SiteComplianceAlgorithm

    return [InspectSourceAlgorithm, SiteComplianceAlgorithm, PlanQaAlgorithm,
            PrintSheetsAlgorithm, ImportCoordinatesAlgorithm, ExportCoordinatesAlgorithm]


class YongjiProvider(QgsProcessingProvider):
    def id(self):
        return PROVIDER_ID

    def name(self):
        return tr("Yongji Spatial Plan")

    def longName(self):  # noqa: N802
        return tr("Yongji Spatial Plan") + " " + plugin_version()

    def icon(self):
        return QIcon(icon_path("icon"))

    def loadAlgorithms(self):  # noqa: N802
        for cls in algorithm_classes():
            self.addAlgorithm(cls())
