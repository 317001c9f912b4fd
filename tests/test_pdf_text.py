"""Every PDF reads back what was printed: sheets, atlases, the review report and the QA report.

pdftotext's text is compared raw (never NFKC-normalised) with what the layout or report put on the
page: titles, subtitles, marginalia, legend entries, figures, headings, table headers and cells.
Only whitespace is ignored (line breaks are layout). Qt's PDF writer with Noto Sans CJK writes
Kangxi radicals (⽣ U+2F63 for 生) and QGIS 3.40 writes layout text as outlines by default; either
fails here.
"""

import re
from html.parser import HTMLParser

from qgis.core import QgsLayoutItemLabel, QgsLegendRenderer, QgsLegendStyle, QgsVectorLayer
from qgis.PyQt.QtCore import Qt

from helpers import pdf_text
from yongji_plugin.core.guidance.township_figures import township_coverage
from yongji_plugin.core.plan_qa.model import load_qa_rules
from yongji_plugin.core.plan_qa.outputs import write_qa_report
from yongji_plugin.core.plan_qa.run import run_qa
from yongji_plugin.core.printing.atlases import export_atlas, township_atlas
from yongji_plugin.core.printing.map_sheets import load_sheets
from yongji_plugin.core.printing.sheets import PDF, SheetBuilder, export_layout
from yongji_plugin.core.shared.areas import AreaMethod
from yongji_plugin.core.shared.fonts import PREFERRED, choose_family, cjk_family, css_font_stack
from yongji_plugin.core.site_check.check import CheckParams, run_compliance
from yongji_plugin.core.site_check.report import write_report
from yongji_plugin.core.site_check.ruleset import load_ruleset

RADICALS = re.compile("[\u2e80-\u2fdf]")  # CJK Radicals Supplement and Kangxi Radicals


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def assert_reads_back(pdf, printed):
    text = pdf_text(pdf)
    assert RADICALS.findall(text) == [], f"{pdf.name}: radicals in the text layer"
    flat = squeeze(text)
    # pdftotext joins a word hyphenated at a line end ("Self-" / "intersection") without its hyphen
    missing = [
        item
        for item in printed
        if squeeze(item) and squeeze(item) not in flat and squeeze(item).replace("-", "") not in flat.replace("-", "")
    ]
    assert missing == [], f"{pdf.name}: printed but not in the text layer: {missing}"


def label_texts(layout):
    """What the layout's labels print, expressions evaluated (for an atlas: on the current page)."""
    return [item.currentText() for item in layout.items() if isinstance(item, QgsLayoutItemLabel)]


def legend_texts(layout):
    """The legend's title, headings and entry labels as the export drew them (filtered by map):
    group names, layer names unless hidden under their group's heading, the entries."""
    legend = layout.itemById("legend")
    model = legend.model()
    texts = [legend.title()]
    for node in model.rootGroup().findGroups(True):
        texts.append(node.name())
    for node in model.rootGroup().findLayers():
        if QgsLegendRenderer.nodeLegendStyle(node, model) != QgsLegendStyle.Style.Hidden:
            texts.append(node.name())
        texts += [entry.data(Qt.ItemDataRole.DisplayRole) or "" for entry in model.layerLegendNodes(node)]
    return texts


class _Cells(HTMLParser):
    """Text of the headings and table cells of an HTML report."""

    KEPT = {"h1", "h2", "h3", "th", "td"}

    def __init__(self):
        super().__init__()
        self.texts, self._open = [], []

    def handle_starttag(self, tag, attrs):
        if tag in self.KEPT:
            self._open.append([])

    def handle_endtag(self, tag):
        if tag in self.KEPT and self._open:
            self.texts.append("".join(self._open.pop()))

    def handle_data(self, data):
        if self._open:
            self._open[-1].append(data)


def report_texts(html: str):
    parser = _Cells()
    parser.feed(html)
    return [t for t in parser.texts if t.strip()]


def test_font_is_chosen_by_preference_with_fallbacks():
    assert choose_family(["Noto Sans CJK SC", "SimHei", "DejaVu Sans"]) == "SimHei"
    assert choose_family(["noto sans cjk sc", "microsoft yahei", "WenQuanYi Micro Hei"]) == "WenQuanYi Micro Hei"
    assert choose_family(["Noto Sans CJK SC"]) == "Noto Sans CJK SC"
    assert choose_family(["DejaVu Sans"]) == ""
    assert PREFERRED.index("Noto Sans CJK SC") == len(PREFERRED) - 1  # the one that maps to radicals: last
    # both test hosts install fonts-wqy-microhei next to fonts-noto-cjk
    assert cjk_family() == "WenQuanYi Micro Hei"
    assert css_font_stack().startswith('"WenQuanYi Micro Hei", "Microsoft YaHei", "SimHei"')


def test_every_sheet_reads_back(plan, tmp_path, locale):
    locale("zh_CN")
    builder = SheetBuilder(plan)
    for sheet in load_sheets().sheets:
        layout = builder.sheet_layout(sheet)
        pdf = export_layout(layout, tmp_path / f"{sheet.id}.pdf", PDF, 72)
        printed = label_texts(layout) + legend_texts(layout)
        assert any(sheet.title in t for t in printed) and "图例" in printed
        assert_reads_back(pdf, printed)


def test_atlas_pages_read_back(plan, tmp_path, locale):
    locale("zh_CN")
    builder = SheetBuilder(plan)
    layout = township_atlas(builder, township_coverage(plan))
    (pdf,) = export_atlas(layout, tmp_path / "townships.pdf", PDF, 72)
    atlas = layout.atlas()
    atlas.beginRender()
    printed = []
    for page in range(atlas.count()):
        atlas.seekTo(page)
        printed += label_texts(layout)
    atlas.endRender()
    assert len([t for t in printed if t.endswith("国土空间规划指引图")]) == 10
    assert any("永久基本农田：" in t and "公顷" in t for t in printed)  # the figures, evaluated
    assert_reads_back(pdf, printed + legend_texts(layout))


def test_review_report_reads_back(plan, demo_gpkg, tmp_path, locale):
    locale("zh_CN")
    sites = QgsVectorLayer(f"{demo_gpkg}|layername=sites", "sites", "ogr")
    result = run_compliance(sites, plan, load_ruleset(), CheckParams(AreaMethod.create(), data_source="demo"))
    paths = write_report(result, tmp_path / "report.html", detail_limit=2)
    printed = report_texts(paths["html"].read_text(encoding="utf-8"))
    assert "项目选址合规性审查报告" in printed and "生态保护红线" in "".join(printed)
    assert_reads_back(paths["pdf"], printed)


def test_qa_report_reads_back(plan, tmp_path, locale):
    locale("zh_CN")
    result = run_qa(plan, load_qa_rules())
    paths = write_qa_report(result, tmp_path / "qa.html", "demo")
    printed = report_texts(paths["html"].read_text(encoding="utf-8"))
    assert len(printed) > 20
    assert_reads_back(paths["pdf"], printed)
