"""帮助: the user guide in the QGIS language, shown in a plain text browser, opened at a section."""

from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from ...i18n import catalogue_names, qgis_locale, tr
from ...paths import resource


def help_file(locale: str = None):
    """The guide for a QGIS locale: every Chinese spelling QGIS uses (``zh-Hans``, ``zh_CN``, …)
    reads the Chinese guide, as the translation catalogue does; anything else the English one."""
    for name in catalogue_names(locale or qgis_locale()):
        localized = resource("help", f"index_{name.split('_')[0]}.html")
        if localized.exists():
            return localized
    return resource("help", "index_en.html")


def show_help(parent=None, section: str = "") -> QDialog:
    """The guide in a window, scrolled to ``section`` (an action's key, e.g. ``check``) if given."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(tr("Help"))
    browser = QTextBrowser(dialog)
    browser.setOpenExternalLinks(True)
    browser.setHtml(help_file().read_text(encoding="utf-8"))
    if section:
        browser.scrollToAnchor(section)
    layout = QVBoxLayout(dialog)
    layout.addWidget(browser)
    dialog.resize(640, 520)
    dialog.show()
    dialog.browser, dialog.section = browser, section
    return dialog


def add_help_button(dialog, section: str):
    """A 帮助 button in the dialog's button box that opens the guide at the dialog's own section."""
    box = getattr(dialog, "buttonBox", None)
    if box is None:
        return None
    button = box.addButton(QDialogButtonBox.StandardButton.Help)

    def open_section():
        dialog.help_dialog = show_help(dialog, section)

    button.clicked.connect(open_section)
    dialog.help_button = button
    return button
