"""Translation: one context for all Python strings, and the translator for QGIS's locale.

Strings are written in English (the source language) and translated by the zh_CN catalogue in
``resources/i18n``. A single context keeps the catalogue easy to review; ``.ui`` forms use their
own class names as context, as Qt does.
"""
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

from .paths import resource

CONTEXT = "@default"  # the context pylupdate5 gives module-level tr() calls
_translator = None


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def qgis_locale() -> str:
    """The locale QGIS runs in: the user override if set, else the system locale."""
    settings = QSettings()
    if settings.value("locale/overrideFlag", False, type=bool):
        value = settings.value("locale/userLocale", "") or ""
        if value:
            return str(value)
    value = settings.value("locale/userLocale", "") or ""
    return str(value) or QLocale.system().name()


def translation_file(locale: str):
    """The compiled catalogue for a locale: full name first (zh_CN), then language (zh)."""
    folder = resource("i18n")
    for name in (locale, locale.split("_")[0]):
        candidate = folder / f"yongji_plugin_{name}.qm"
        if candidate.exists():
            return candidate
    return None


def install_translator(locale: str = None) -> bool:
    """Install (or replace) the plugin's translator; returns whether one was found."""
    global _translator
    remove_translator()
    qm = translation_file(locale or qgis_locale())
    if qm is None:
        return False
    translator = QTranslator()
    if not translator.load(str(qm)):
        return False
    QCoreApplication.installTranslator(translator)
    _translator = translator
    return True


def remove_translator():
    global _translator
    if _translator is not None:
        QCoreApplication.removeTranslator(_translator)
        _translator = None
