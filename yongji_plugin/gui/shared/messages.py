"""How dialogs tell the user about bad input: a translated sentence, never a traceback."""

from qgis.core import Qgis, QgsMessageLog
from qgis.PyQt.QtWidgets import QMessageBox

from ...i18n import tr

LOG_TAG = "Yongji"


def show_error(parent, message: str, iface=None) -> None:
    QgsMessageLog.logMessage(message, LOG_TAG, Qgis.MessageLevel.Warning)
    if iface is not None and iface.messageBar() is not None:
        iface.messageBar().pushMessage(tr("Yongji One Map"), message, Qgis.MessageLevel.Warning, 8)
    if parent is not None and parent.isVisible():
        box = QMessageBox(
            QMessageBox.Icon.Warning, tr("Yongji One Map"), message, QMessageBox.StandardButton.Ok, parent
        )
        box.open()


def show_info(iface, message: str) -> None:
    QgsMessageLog.logMessage(message, LOG_TAG, Qgis.MessageLevel.Info)
    if iface is not None and iface.messageBar() is not None:
        iface.messageBar().pushMessage(tr("Yongji One Map"), message, Qgis.MessageLevel.Success, 5)
