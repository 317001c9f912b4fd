"""Every toolbar action (the plugin's own list, action_specs) has a pictogram in the one icon style and
a section in both help files."""

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from qgis.PyQt.QtCore import QRectF
from qgis.PyQt.QtGui import QColor, QImage, QPainter
from qgis.PyQt.QtSvg import QSvgRenderer

from yongji_plugin.paths import icon_path, resource
from yongji_plugin.plugin import YongjiPlugin, action_specs

SVG = "{http://www.w3.org/2000/svg}"
CJK = r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]"
BLOCKS = {"p", "h1", "h2", "h3", "h4", "li", "td", "th", "title", "span"}


def test_actions_are_the_plugins_own_list():
    """The expected actions come from the plugin's one list (action_specs), never a count here:
    each has a unique key, an icon file and a slot on the plugin object."""
    specs = action_specs()
    assert specs and len({key for key, *_ in specs}) == len(specs)
    for key, icon, text, slot in specs:
        assert Path(icon_path(icon)).is_file(), key
        assert callable(getattr(YongjiPlugin, slot, None)), (key, slot)
        assert text, key


@pytest.mark.parametrize("key, icon", [(key, icon) for key, icon, _, _ in action_specs()])
def test_icon_is_a_pictogram_on_the_24px_grid(key, icon):
    root = ET.parse(icon_path(icon)).getroot()
    assert (root.get("width"), root.get("height"), root.get("viewBox")) == ("24", "24", "0 0 24 24"), key
    assert root.find(f".//{SVG}text") is None, key  # drawn, not a letter
    renderer = QSvgRenderer(icon_path(icon))
    assert renderer.isValid(), key
    image = QImage(24, 24, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, 24, 24))
    painter.end()
    drawn = sum(1 for x in range(24) for y in range(24) if image.pixelColor(x, y).alpha() > 128)
    assert 60 < drawn < 500, (key, drawn)  # a shape, neither empty nor a filled square


def test_icons_share_one_style():
    """One stroke colour, width, caps and joins on the root of every action icon; all different."""
    styles, drawings = set(), set()
    for _, icon, _, _ in action_specs():
        root = ET.parse(icon_path(icon)).getroot()
        styles.add(tuple(root.get(a) for a in ("stroke", "stroke-width", "stroke-linecap", "stroke-linejoin", "fill")))
        drawings.add(ET.tostring(root))
    assert styles == {("#34495e", "1.6", "round", "round", "none")}
    assert len(drawings) == len(action_specs())


class _Blocks(HTMLParser):
    """Text of each block element, and the text of the headings by id."""

    def __init__(self):
        super().__init__()
        self.blocks, self.headings, self._stack = [], {}, []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCKS:
            self._stack.append((tag, dict(attrs).get("id"), []))

    def handle_endtag(self, tag):
        if self._stack and self._stack[-1][0] == tag:
            _, element_id, parts = self._stack.pop()
            text = "".join(parts)
            self.blocks.append(text)
            if element_id:
                self.headings[element_id] = text

    def handle_data(self, data):
        if self._stack:
            self._stack[-1][2].append(data)


def _help(language):
    parser = _Blocks()
    parser.feed(resource("help", f"index_{language}.html").read_text(encoding="utf-8"))
    return parser


@pytest.mark.parametrize("language, locale_name", [("en", "en_US"), ("zh", "zh_CN")])
def test_help_covers_every_action(language, locale_name, locale):
    locale(locale_name)
    headings = _help(language).headings
    for key, _, text, _ in action_specs():
        assert headings.get(key) == text, (language, key)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_no_stray_spaces_inside_chinese(language):
    for block in _help(language).blocks:
        assert not re.search(CJK + r"\s+" + CJK, block), block


@pytest.mark.parametrize("locale_name", ["zh-Hans", "zh_CN", "zh-CN", "zh_SG", "zh", "zh-Hant", "zh_TW"])
def test_every_chinese_locale_reads_the_chinese_guide(locale_name):
    """Under zh-Hans the guide was looked up as index_zh-Hans.html and fell back to English."""
    from yongji_plugin.gui.shared.help import help_file

    assert help_file(locale_name).name == "index_zh.html"
    assert help_file("en_US").name == "index_en.html" and help_file("de_DE").name == "index_en.html"


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_guide_counts_the_actions_there_are(language):
    """The introduction said "seven actions" long after there were twelve."""
    assert _help(language).headings["action-count"] == str(len(action_specs()))


@pytest.mark.parametrize("key", [key for key, *_ in action_specs() if key != "help"])
def test_every_dialog_opens_the_guide_at_its_own_section(key, qgis_iface):
    """帮助 was reachable from the toolbar only; each dialog now has a Help button opening its section."""
    from yongji_plugin import classFactory

    plugin = classFactory(qgis_iface)
    slot = next(name for k, _, _, name in action_specs() if k == key)
    dialog = getattr(plugin, slot)()
    try:
        assert dialog.help_button is not None and dialog.help_button.isVisible()
        dialog.help_button.click()
        assert dialog.help_dialog.section == key and key in _help("en").headings
        assert dialog.help_dialog.browser.verticalScrollBar().value() > 0  # scrolled to it, not the top
        dialog.help_dialog.close()
    finally:
        dialog.close()
