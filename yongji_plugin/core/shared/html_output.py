"""HTML from the jinja2 templates in ``resources/templates`` (values escaped), and PDF from HTML."""
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from qgis.PyQt.QtCore import QMarginsF, QSizeF, QUrl
from qgis.PyQt.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from ...paths import resource
from .fonts import cjk_font, css_font_stack


def render_template(name: str, **context) -> str:
    """The template rendered with ``context``, plus ``font_stack`` (the CSS font-family value)."""
    context.setdefault("font_stack", Markup(css_font_stack()))
    environment = Environment(loader=FileSystemLoader(str(resource("templates"))),
                              autoescape=select_autoescape(["html", "j2"]))
    return environment.get_template(name).render(**context)


def html_to_pdf(html: str, base: Path, pdf_path: Path, title: str = "") -> Path:
    """A4 PDF of the HTML; images resolve relative to ``base``. Call on the GUI thread."""
    document = QTextDocument()
    document.setDefaultFont(cjk_font(10))  # the font whose glyphs read back from the PDF
    document.setBaseUrl(QUrl.fromLocalFile(str(base) + "/"))
    document.setHtml(html)
    writer = QPdfWriter(str(pdf_path))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    writer.setResolution(150)
    writer.setTitle(title)
    document.setPageSize(QSizeF(writer.width(), writer.height()))
    document.print_(writer)
    return pdf_path
