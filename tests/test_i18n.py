"""Chinese staff see Chinese: the catalogue is complete and the translator switches the texts."""

import subprocess
import xml.etree.ElementTree as ET

import pytest

from yongji_plugin.i18n import catalogue_names, tr
from yongji_plugin.paths import resource
from yongji_plugin.plugin import action_specs

TS = resource("i18n", "yongji_plugin_zh_CN.ts")


def test_action_texts_follow_locale(locale):
    assert locale("en_US") is False  # English is the source language: no catalogue needed
    english = [text for _, _, text, _ in action_specs()]
    assert english[0] == "Load plan layers"
    assert locale("zh_CN") is True
    chinese = [text for _, _, text, _ in action_specs()]
    assert chinese[0] == "加载规划图层"
    assert tr("Yongji One Map") == "永济一张图"
    assert all(c != e for c, e in zip(chinese, english))


def test_every_message_is_translated():
    tree = ET.parse(TS)
    unfinished = [
        m.findtext("source")
        for m in tree.iter("message")
        if m.find("translation").get("type") in ("unfinished", "obsolete")
        or not (m.findtext("translation") or "").strip()
    ]
    assert unfinished == []


def test_catalogue_covers_every_source_string(tmp_path):
    """pylupdate5 over today's sources finds nothing the committed catalogue lacks."""
    pro = tmp_path / "check.pro"
    listing = subprocess.run(
        ["/usr/bin/python3", str(resource("..", "scripts", "translation_pro.py"))],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    root = resource("..").resolve()
    listing = listing.replace("../", f"{root}/").replace(
        f"{root}/resources/i18n/yongji_plugin_zh_CN.ts", str(tmp_path / "fresh.ts")
    )
    pro.write_text(listing, encoding="utf-8")
    subprocess.run(["pylupdate5", "-noobsolete", str(pro)], check=True, capture_output=True)
    fresh = {
        (c.findtext("name"), m.findtext("source"))
        for c in ET.parse(tmp_path / "fresh.ts").iter("context")
        for m in c.iter("message")
    }
    committed = {
        (c.findtext("name"), m.findtext("source")) for c in ET.parse(TS).iter("context") for m in c.iter("message")
    }
    assert fresh - committed == set()


def test_compiled_catalogue_exists():
    assert resource("i18n", "yongji_plugin_zh_CN.qm").stat().st_size > 0


SIMPLIFIED_FORMS = ["zh-Hans", "zh_CN", "zh-CN", "zh_SG", "zh"]
TRADITIONAL_FORMS = ["zh-Hant", "zh_TW", "zh_HK"]


@pytest.mark.parametrize("form", SIMPLIFIED_FORMS + TRADITIONAL_FORMS)
def test_every_chinese_locale_gets_chinese(form, locale, qgis_iface):
    """Actions, a dialog and the Processing provider in Chinese under each spelling QGIS uses."""
    from yongji_plugin.gui.shared.settings_dialog import SettingsDialog
    from yongji_plugin.processing.provider import YongjiProvider

    assert locale(form) is True
    assert [text for _, _, text, _ in action_specs()][:3] == ["加载规划图层", "项目选址合规性检查", "规划成果质检"]
    dialog = SettingsDialog(qgis_iface)
    assert dialog.windowTitle() == "设置"
    dialog.deleteLater()
    assert YongjiProvider().name() == "永济国土空间规划"


@pytest.mark.parametrize(
    "form, names",
    [
        ("zh-Hans", ["zh_CN"]),
        ("zh_SG", ["zh_CN"]),
        ("zh", ["zh_CN"]),
        ("zh-Hant", ["zh_TW", "zh_Hant", "zh_CN"]),
        ("zh_HK", ["zh_TW", "zh_Hant", "zh_CN"]),
        ("de-DE", ["de_DE", "de"]),
        ("fr", ["fr"]),
        ("", []),
    ],
)
def test_catalogue_order(form, names):
    """A traditional catalogue wins for traditional locales once one exists; simplified otherwise."""
    assert catalogue_names(form) == names


@pytest.mark.parametrize("form", ["en_US", "de-DE", "fr"])
def test_other_locales_stay_english(form, locale):
    assert locale(form) is False
    assert tr("Yongji One Map") == "Yongji One Map"
