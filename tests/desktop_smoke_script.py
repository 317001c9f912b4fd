"""Run inside the real QGIS desktop (``qgis --code``): check the installed plugin, then quit.

Writes ``result.json`` and ``screenshot.png`` into ``$YONGJI_SMOKE_OUT``. Reloads the plugin
three times to check that exactly one toolbar, one set of actions and one provider remain.
"""

import json
import os
import traceback

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QTimer
from qgis.PyQt.QtWidgets import QAction, QToolBar
from qgis.utils import iface, loadPlugin, plugins, startPlugin, unloadPlugin

OUT = os.environ["YONGJI_SMOKE_OUT"]
PLUGIN = "yongji_plugin"
errors = []


def _log(message, tag, level):
    if tag in ("Python error", "Yongji") and level >= 2:
        errors.append(f"{tag}: {message}")


def _state():
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    window = iface.mainWindow()
    toolbars = [t for t in window.findChildren(QToolBar) if t.objectName() == "YongjiPlanToolbar"]
    actions = [a for a in window.findChildren(QAction) if a.objectName().startswith("yongji_")]
    provider = QgsApplication.processingRegistry().providerById("yongji")
    return {
        "toolbars": len(toolbars),
        "toolbar_visible": bool(toolbars) and toolbars[0].isVisible(),
        "toolbar_actions": len(toolbars[0].actions()) if toolbars else 0,
        "toolbar_title": toolbars[0].windowTitle() if toolbars else None,
        "actions": sorted(a.objectName() for a in actions),
        "action_texts": sorted(a.text() for a in actions),
        "algorithms": sorted(a.id() for a in provider.algorithms()) if provider else [],
        "provider_name": provider.name() if provider else None,
    }


RESULT = {}


def run():
    RESULT["loaded"] = PLUGIN in plugins
    try:
        QgsApplication.messageLog().messageReceived.connect(_log)
        iface.mainWindow().showMaximized()
        RESULT["first"] = _state()
        # a failed (re)load opens a modal error dialog, so reload only a plugin that loaded
        for _ in range(2 if RESULT["loaded"] else 0):
            unloadPlugin(PLUGIN)
            loadPlugin(PLUGIN)
            startPlugin(PLUGIN)
    except Exception:  # reported to the test, which fails on it
        errors.append(traceback.format_exc())
    QTimer.singleShot(1000, finish)  # let the window lay out and paint the new toolbar


def finish():
    try:
        RESULT["after_reloads"] = _state()
        iface.mainWindow().grab().save(os.path.join(OUT, "screenshot.png"))
    except Exception:
        errors.append(traceback.format_exc())
    RESULT["errors"] = errors
    with open(os.path.join(OUT, "result.json"), "w", encoding="utf-8") as handle:
        json.dump(RESULT, handle, ensure_ascii=False, indent=1)
    QTimer.singleShot(200, iface.actionExit().trigger)


QTimer.singleShot(1500, run)
