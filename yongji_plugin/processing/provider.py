"""The Processing provider "永济国土空间规划": every check, import and print as an algorithm."""

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..i18n import ensure_translator, tr
from ..paths import icon_path, plugin_version

PROVIDER_ID = "yongji"


def algorithm_classes():
    from .coordfile.cad import ImportDxfAlgorithm
    from .coordfile.coordinates import (
        ExportCoordinatesAlgorithm,
        ImportCoordinatesAlgorithm,
    )
    from .guidance.township_guidance import TownshipGuidanceAlgorithm
    from .heights.heights import HeightCheckAlgorithm
    from .indicators.indicator_check import IndicatorCheckAlgorithm
    from .life_circle.life_circle import LifeCircleAlgorithm
    from .monitoring.monitoring import MonitoringAlgorithm
    from .plan_data.inspect_source import InspectSourceAlgorithm
    from .plan_qa.plan_qa import PlanQaAlgorithm
    from .printing.print_sheets import PrintSheetsAlgorithm
    from .site_check.site_compliance import SiteComplianceAlgorithm
    from .versions.compare_versions import CompareVersionsAlgorithm

    return [
        InspectSourceAlgorithm,
        SiteComplianceAlgorithm,
        PlanQaAlgorithm,
        PrintSheetsAlgorithm,
        ImportCoordinatesAlgorithm,
        ExportCoordinatesAlgorithm,
        HeightCheckAlgorithm,
        LifeCircleAlgorithm,
        TownshipGuidanceAlgorithm,
        IndicatorCheckAlgorithm,
        CompareVersionsAlgorithm,
        ImportDxfAlgorithm,
        MonitoringAlgorithm,
    ]


class YongjiProvider(QgsProcessingProvider):
    def __init__(self):
        """The translator comes with the provider: ``qgis_process`` and Processing scripts create
        the provider without the plugin's GUI, and must speak the profile's language as the
        desktop does."""
        super().__init__()
        ensure_translator()

    def id(self):
        return PROVIDER_ID

    def name(self):
        return tr("Yongji Spatial Plan")

    def longName(self):
        return tr("Yongji Spatial Plan") + " " + plugin_version()

    def icon(self):
        return QIcon(icon_path("icon"))

    def loadAlgorithms(self):
        for cls in algorithm_classes():
            self.addAlgorithm(cls())
