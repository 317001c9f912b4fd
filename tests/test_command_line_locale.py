"""Chinese on the command line: ``qgis_process`` speaks the profile's language as the desktop does.

Under ``qgis_process`` QGIS calls only the plugin's ``initProcessing`` (never ``initGui``), so the
translator has to come with the Processing provider; a Chinese profile once got English verdicts,
reasons, statuses, aliases and log lines in the files a Chinese desktop writes in Chinese. The
expected Chinese words are read from the catalogue itself, not from the translator under test.
"""

import re
import xml.etree.ElementTree as ET

import pytest
from qgis.core import QgsProcessingFeedback, QgsVectorLayer
from qgis.PyQt.QtCore import QSettings

from qgis_process_runner import qgis_process
from yongji_plugin import i18n
from yongji_plugin.paths import resource

CJK = re.compile("[\u4e00-\u9fff]")
PROFILE_INI = ".local/share/QGIS/QGIS3/profiles/default/QGIS/QGIS3.ini"  # below HOME
OUTPUTS = ("SITE_SUMMARY", "CONFLICTS")
QGIS_BACKEND = 2  # the same engine in both runs, so the engine's log line is the same too


def catalogue():
    """English source → Chinese translation, from the committed .ts file."""
    tree = ET.parse(resource("i18n", "yongji_plugin_zh_CN.ts"))
    return {m.findtext("source"): m.findtext("translation") for m in tree.iter("message")}


def set_profile_locale(home, name):
    """The profile's locale as QGIS's Options dialog stores it (override on)."""
    settings = QSettings(str(home / PROFILE_INI), QSettings.Format.IniFormat)
    settings.setValue("locale/userLocale", name)
    settings.setValue("locale/overrideFlag", True)
    settings.sync()


class Log(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.lines = []

    def pushInfo(self, info):
        if not info.startswith("Results: "):  # processing.run's own line, not the algorithm's
            self.lines.append(info)
        super().pushInfo(info)


def table(path):
    """(field names, aliases, sorted rows) of a written output, the GeoPackage's fid left out."""
    layer = QgsVectorLayer(str(path), "out", "ogr")
    assert layer.isValid(), path
    fields = list(layer.fields())[1:]
    rows = sorted([str(v) for v in f.attributes()[1:]] for f in layer.getFeatures())
    return [field.name() for field in fields], [field.alias() for field in fields], rows


def column(output, name):
    names, _, rows = output
    return [row[names.index(name)] for row in rows]


def check_params(demo_gpkg, folder):
    return {
        "SITES": f"{demo_gpkg}|layername=sites",
        "PLAN_GPKG": str(demo_gpkg),
        "BACKEND": QGIS_BACKEND,
        **{key: str(folder / f"{key.lower()}.gpkg") for key in OUTPUTS},
    }


def in_process(demo_gpkg, folder, locale_name, locale):
    """The check run in this process with the translator of ``locale_name``: outputs and log."""
    import processing

    folder.mkdir()
    locale(locale_name)
    log = Log()
    processing.run("yongji:sitecompliance", check_params(demo_gpkg, folder), feedback=log)
    return {key: table(folder / f"{key.lower()}.gpkg") for key in OUTPUTS}, log.lines


def on_command_line(home, demo_gpkg, folder):
    folder.mkdir()
    arguments = [f"{key}={value}" for key, value in check_params(demo_gpkg, folder).items()]
    run = qgis_process(home, "run", "yongji:sitecompliance", "--", *arguments)
    assert run.returncode == 0, run.stdout + run.stderr
    return {key: table(folder / f"{key.lower()}.gpkg") for key in OUTPUTS}, run.stdout


@pytest.mark.parametrize("profile_locale", ["zh_CN", "zh-Hans"])
def test_chinese_profile_writes_chinese(qgis_process_home, provider, locale, demo_gpkg, tmp_path, profile_locale):
    """Verdicts, reasons, statuses, aliases and log lines of ``qgis_process`` under a Chinese profile
    are Chinese and equal to what the Chinese desktop writes."""
    set_profile_locale(qgis_process_home, profile_locale)
    files, stdout = on_command_line(qgis_process_home, demo_gpkg, tmp_path / "cli")
    reference, log = in_process(demo_gpkg, tmp_path / "desktop", "zh_CN", locale)
    assert files == reference
    words = catalogue()
    summary = files["SITE_SUMMARY"]
    assert set(column(summary, "verdict")) == {words["compliant"], words["non-compliant"], words["needs 论证"]}
    assert {words["clear"], words["conflict"]} <= set(column(summary, "r1_status"))
    assert all(CJK.search(reason) for reason in column(summary, "reasons") if reason)
    assert all(CJK.search(alias) for output in files.values() for alias in output[1]), files
    assert log and all(CJK.search(line) and line in stdout for line in log), (log, stdout)


def test_english_profile_stays_english(qgis_process_home, provider, locale, demo_gpkg, tmp_path):
    set_profile_locale(qgis_process_home, "en_US")
    files, stdout = on_command_line(qgis_process_home, demo_gpkg, tmp_path / "cli")
    reference, log = in_process(demo_gpkg, tmp_path / "desktop", "en_US", locale)
    assert files == reference
    summary = files["SITE_SUMMARY"]
    assert set(column(summary, "verdict")) == {"compliant", "non-compliant", "needs 论证"}
    # every alias has its English words (the rule names come from the rule set, Chinese in any locale)
    assert all(re.search("[A-Za-z]{3}", alias) for output in files.values() for alias in output[1])
    # English lines, whose plan terms (论证, 耕地 …) stay Chinese as the English texts write them
    assert log and all(line in stdout and re.search("[A-Za-z]{3}", CJK.sub("", line)) for line in log)
    assert not any(CJK.search(line.replace("论证", "")) for line in log)


@pytest.fixture()
def profile_settings(qgis_app):
    """This process's QGIS settings with the locale keys restored afterwards."""
    settings = QSettings()
    saved = {key: settings.value(key) for key in ("locale/userLocale", "locale/overrideFlag")}
    i18n.remove_translator()
    yield settings
    for key, value in saved.items():
        settings.remove(key) if value is None else settings.setValue(key, value)
    i18n.remove_translator()


def test_provider_installs_the_profiles_translator_once(profile_settings):
    """A Processing script creating the provider (no plugin GUI) gets the profile's language; a
    second provider keeps the translator in place (one per process)."""
    from yongji_plugin.processing.provider import YongjiProvider

    profile_settings.setValue("locale/userLocale", "zh-Hans")
    profile_settings.setValue("locale/overrideFlag", True)
    assert i18n.tr("compliant") == "compliant"
    YongjiProvider()
    assert i18n.tr("compliant") == catalogue()["compliant"]
    first = i18n._translator
    YongjiProvider()
    assert i18n._translator is first


def test_an_explicit_locale_is_kept(profile_settings, locale):
    """A locale chosen before the provider is created (the desktop's, a script's) is not replaced."""
    from yongji_plugin.processing.provider import YongjiProvider

    profile_settings.setValue("locale/userLocale", "en_US")
    profile_settings.setValue("locale/overrideFlag", True)
    locale("zh_CN")
    YongjiProvider()
    assert i18n.tr("compliant") == catalogue()["compliant"]


def test_the_desktops_recorded_locale_wins(profile_settings, qgis_app):
    """The desktop records the locale it resolved (``--lang`` included) with setTranslation; the
    plugin follows it over the profile's keys."""
    from qgis.core import QgsApplication

    profile_settings.setValue("locale/userLocale", "en_US")
    profile_settings.setValue("locale/overrideFlag", True)
    QgsApplication.setTranslation("zh-Hans")
    try:
        assert i18n.qgis_locale() == "zh-Hans"
    finally:
        QgsApplication.setTranslation("")
    assert i18n.qgis_locale() == "en_US"


@pytest.mark.parametrize(
    "profile_locale, page", [("zh-Hans", "index_zh.html"), ("zh_CN", "index_zh.html"), ("en_US", "index_en.html")]
)
def test_help_follows_every_spelling(profile_settings, profile_locale, page):
    from yongji_plugin.gui.shared.help import help_file

    profile_settings.setValue("locale/userLocale", profile_locale)
    profile_settings.setValue("locale/overrideFlag", True)
    assert help_file().name == page
