"""The plugin object QGIS holds: toolbar, menu, Processing provider, translator.

It only wires actions to dialogs; every dialog is built lazily so loading QGIS stays fast and a
broken dialog cannot break the others.
"""

from qgis.core import QgsApplication
from qgis.PyQt.QtGui import QIcon

try:  # Qt6 moved QAction to QtGui
    from qgis.PyQt.QtGui import QAction
except ImportError:  # Qt5
    from qgis.PyQt.QtWidgets import QAction

from . import i18n
from .i18n import tr
from .paths import icon_path

TOOLBAR_OBJECT_NAME = "YongjiPlanToolbar"
ACTION_PREFIX = "yongji_"


def action_specs():
    """(key, icon, text, slot name) for each toolbar/menu entry, in display order."""
    return [
        ("load", "load", tr("Load plan layers"), "open_load_dialog"),
        ("check", "check", tr("Project site compliance check"), "open_check_dialog"),
        ("qa", "qa", tr("Plan data quality check"), "open_qa_dialog"),
        ("heights", "heights", tr("Building height check"), "open_heights_dialog"),
        ("lifecircle", "lifecircle", tr("15-minute community life circle"), "open_life_circle_dialog"),
        ("guidance", "guidance", tr("Township planning guidance"), "open_guidance_dialog"),
        ("indicators", "indicators", tr("Plan indicators"), "open_indicator_dialog"),
        ("versions", "versions", tr("Compare plan versions"), "open_versions_dialog"),
        ("monitoring", "monitoring", tr("Plan implementation monitoring"), "open_monitoring_dialog"),
        ("print", "print", tr("Print thematic maps"), "open_print_dialog"),
        ("coords", "coords", tr("Import coordinate file"), "open_coords_dialog"),
        ("settings", "settings", tr("Settings"), "open_settings"),
        ("help", "help", tr("Help"), "open_help"),
    ]


class YongjiPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.toolbar = None
        self.actions = {}
        self.provider = None
        self._dialogs = {}

    # --- QGIS lifecycle -------------------------------------------------------------------
    def initProcessing(self):
        if self.provider is not None:
            return
        from .processing.provider import YongjiProvider

        self.provider = YongjiProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):
        i18n.ensure_translator()
        self.initProcessing()
        self.toolbar = self.iface.addToolBar(self.menu_title())
        self.toolbar.setObjectName(TOOLBAR_OBJECT_NAME)
        for key, icon, text, slot in action_specs():
            action = QAction(QIcon(icon_path(icon)), text, self.iface.mainWindow())
            action.setObjectName(ACTION_PREFIX + key)
            action.triggered.connect(getattr(self, slot))
            self.toolbar.addAction(action)
            self.iface.addPluginToMenu(self.menu_title(), action)
            self.actions[key] = action

    def unload(self):
        for action in self.actions.values():
            self.iface.removePluginMenu(self.menu_title(), action)
            if self.toolbar is not None:
                self.toolbar.removeAction(action)
            action.deleteLater()
        self.actions = {}
        if self.toolbar is not None:
            self.iface.mainWindow().removeToolBar(self.toolbar)
            self.toolbar.deleteLater()
            self.toolbar = None
        for dialog in self._dialogs.values():
            dialog.close()
            dialog.deleteLater()
        self._dialogs = {}
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        i18n.remove_translator()

    @staticmethod
    def menu_title():
        return tr("Yongji One Map")

    # --- actions ---------------------------------------------------------------------------
    def _show(self, key, factory):
        dialog = self._dialogs.get(key)
        if dialog is None:
            from .gui.shared.help import add_help_button

            dialog = factory()
            add_help_button(dialog, key)  # the action's key is its section in the guide
            self._dialogs[key] = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def open_load_dialog(self):
        from .gui.plan_data.load_dialog import LoadLayersDialog

        return self._show("load", lambda: LoadLayersDialog(self.iface, self.iface.mainWindow()))

    def open_check_dialog(self, site_layer=None):
        from .gui.site_check.dialog import ComplianceDialog

        dialog = self._show("check", lambda: ComplianceDialog(self.iface, self.iface.mainWindow()))
        if site_layer:
            dialog.choose_sites(site_layer)
        return dialog

    def open_qa_dialog(self):
        from .gui.plan_qa.dialog import QaDialog

        return self._show("qa", lambda: QaDialog(self.iface, self.iface.mainWindow()))

    def open_heights_dialog(self):
        from .gui.heights.dialog import HeightCheckDialog

        return self._show("heights", lambda: HeightCheckDialog(self.iface, self.iface.mainWindow()))

    def open_life_circle_dialog(self):
        from .gui.life_circle.dialog import LifeCircleDialog

        return self._show("lifecircle", lambda: LifeCircleDialog(self.iface, self.iface.mainWindow()))

    def open_guidance_dialog(self):
        from .gui.guidance.dialog import TownshipGuidanceDialog

        return self._show("guidance", lambda: TownshipGuidanceDialog(self.iface, self.iface.mainWindow()))

    def open_indicator_dialog(self):
        from .gui.indicators.dialog import IndicatorDialog

        return self._show("indicators", lambda: IndicatorDialog(self.iface, self.iface.mainWindow()))

    def open_versions_dialog(self):
        from .gui.versions.dialog import VersionsDialog

        return self._show("versions", lambda: VersionsDialog(self.iface, self.iface.mainWindow()))

    def open_monitoring_dialog(self):
        from .gui.monitoring.dialog import MonitoringDialog

        return self._show("monitoring", lambda: MonitoringDialog(self.iface, self.iface.mainWindow()))

    def open_print_dialog(self):
        from .gui.printing.dialog import PrintDialog

        return self._show("print", lambda: PrintDialog(self.iface, self.iface.mainWindow()))

    def open_coords_dialog(self):
        from .gui.coordfile.dialog import CoordinateImportDialog

        return self._show(
            "coords",
            lambda: CoordinateImportDialog(self.iface, self.iface.mainWindow(), open_check=self.open_check_dialog),
        )

    def open_settings(self):
        from .gui.shared.settings_dialog import SettingsDialog

        return self._show("settings", lambda: SettingsDialog(self.iface, self.iface.mainWindow()))

    def open_help(self):
        from .gui.shared.help import show_help

        show_help(self.iface.mainWindow())
