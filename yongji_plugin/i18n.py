"""Translation: one context for all Python strings, and the translator for QGIS's locale.

Strings are written in English (the source language) and translated by the zh_CN catalogue in
``resources/i18n``. A single context keeps the catalogue easy to review; ``.ui`` forms use their
own class names as context, as Qt does.
"""

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

from .paths import resource

CONTEXT = "@default"  # the context pylupdate5 gives module-level tr() calls
_translator = None


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def qgis_locale() -> str:
    """The locale QGIS runs in, read as the desktop reads it.

    The desktop resolves its locale (``--lang``, the profile's override, the system) and records it
    with ``QgsApplication.setTranslation``; ``qgis_process`` and standalone scripts never do, so
    there the profile's settings decide: the user override if set, else the locale the desktop last
    recorded, else the system locale.
    """
    recorded = _recorded_translation()
    if recorded:
        return str(recorded)
    settings = QSettings()
    if settings.value("locale/overrideFlag", False, type=bool):
        value = settings.value("locale/userLocale", "") or ""
        if value:
            return str(value)
    value = settings.value("locale/userLocale", "") or ""
    return str(value) or QLocale.system().name()


def _recorded_translation() -> str:
    """The locale the desktop recorded (``QgsApplication.translation``, an instance method on QGIS
    3.22), or "" where no QGIS application runs or none was recorded."""
    app = QgsApplication.instance()
    if not isinstance(app, QgsApplication):
        return ""
    return str(app.translation() or "")


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


def ensure_translator() -> bool:
    """Install the translator for QGIS's locale unless the plugin's translator is in place.

    Called wherever the plugin starts: the desktop's ``initGui`` and the Processing provider (under
    ``qgis_process`` QGIS calls only ``initProcessing``, so without this the command line wrote
    English verdicts, reasons, aliases and log lines under a Chinese profile). One translator per
    process: a second call, or a locale chosen explicitly before, is kept.
    """
    if _translator is not None:
        return True
    return install_translator()


def remove_translator():
    global _translator
    if _translator is not None:
        QCoreApplication.removeTranslator(_translator)
        _translator = None
