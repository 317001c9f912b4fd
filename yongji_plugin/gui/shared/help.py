"""帮助: the user guide in the QGIS language, shown in a plain text browser."""
from qgis.PyQt.QtWidgets import QDialog, QTextBrowser, QVBoxLayout

from ...i18n import qgis_locale, tr
from ...paths import resource


def help_file():
    """The guide in QGIS's language: ``zh_CN``, ``zh-Hans`` and the other Chinese spellings → zh."""
    language = qgis_locale().replace("-", "_").split("_")[0].lower()
    localized = resource("help", f"index_{language}.html")
    return localized if localized.exists() else resource("help", "index_en.html")


def show_help(parent=None) -> QDialog:
    dialog = QDialog(parent)
    dialog.setWindowTitle(tr("Help"))
    browser = QTextBrowser(dialog)
    browser.setOpenExternalLinks(True)
    browser.setHtml(help_file().read_text(encoding="utf-8"))
    layout = QVBoxLayout(dialog)
    layout.addWidget(browser)
    dialog.resize(640, 520)
    dialog.show()
    return dialog
