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


TRADITIONAL_MARKS = ("hant", "tw", "hk", "mo")  # script or regions written in traditional characters


def catalogue_names(locale: str):
    """Catalogue names to try for a QGIS locale, best first.

    QGIS spells locales several ways (``zh-Hans`` is the Chinese catalogue Debian's QGIS ships,
    ``zh_CN`` what Qt reports, ``zh-CN``/``zh_SG``/``zh`` elsewhere). Every simplified form gets the
    zh_CN catalogue; traditional forms (``zh-Hant``, ``zh_TW``, ``zh_HK``) get a traditional
    catalogue when one exists and the simplified one otherwise. Other locales: full name, then
    language.
    """
    parts = [p for p in locale.replace("-", "_").replace(".", "_").split("_") if p]
    if not parts:
        return []
    language = parts[0].lower()
    if language != "zh":
        return list(dict.fromkeys(["_".join([language] + [p.upper() for p in parts[1:2]]), language]))
    if any(p.lower() in TRADITIONAL_MARKS for p in parts[1:]):
        return ["zh_TW", "zh_Hant", "zh_CN"]
    return ["zh_CN"]


def translation_file(locale: str):
    """The compiled catalogue for a locale (see :func:`catalogue_names`), or None."""
    folder = resource("i18n")
    for name in catalogue_names(locale):
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
