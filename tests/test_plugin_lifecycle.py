"""Loading, unloading and reloading the plugin leaves exactly one of everything."""

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QEvent
from qgis.PyQt.QtWidgets import QAction, QToolBar

from yongji_plugin import classFactory
from yongji_plugin.plugin import ACTION_PREFIX, TOOLBAR_OBJECT_NAME, action_specs
from yongji_plugin.processing.provider import PROVIDER_ID


def _flush_deletes():
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _counts(iface):
    window = iface.mainWindow()
    toolbars = window.findChildren(QToolBar, TOOLBAR_OBJECT_NAME)
    actions = [a for a in window.findChildren(QAction) if a.objectName().startswith(ACTION_PREFIX)]
    providers = [p for p in QgsApplication.processingRegistry().providers() if p.id() == PROVIDER_ID]
    menu_actions = sum(len(v) for v in iface.plugin_menus.values())
    return len(toolbars), len(actions), len(providers), menu_actions


def test_load_unload_load_leaves_one_of_each(iface):
    expected_actions = len(action_specs())
    for _ in range(3):
        plugin = classFactory(iface)
        plugin.initProcessing()
        plugin.initGui()
        _flush_deletes()
        assert _counts(iface) == (1, expected_actions, 1, expected_actions)
        assert plugin.toolbar.actions() == list(plugin.actions.values())
        plugin.unload()
        _flush_deletes()
        assert _counts(iface) == (0, 0, 0, 0)


def test_provider_lists_algorithms(iface):
    plugin = classFactory(iface)
    plugin.initGui()
    try:
        provider = QgsApplication.processingRegistry().providerById(PROVIDER_ID)
        ids = {alg.id() for alg in provider.algorithms()}
        assert f"{PROVIDER_ID}:inspectsource" in ids
    finally:
        plugin.unload()
