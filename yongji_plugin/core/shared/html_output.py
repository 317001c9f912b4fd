"""HTML from the jinja2 templates in ``resources/templates`` (values escaped), and PDF from HTML."""

from collections.abc import Iterable
from pathlib import Path
from typing import Callable, Optional

from jinja2 import Environment, FileSystemLoader, select_autoescape
from qgis.PyQt.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt, QUrl
from qgis.PyQt.QtGui import QColor, QGuiApplication, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen, QTextDocument

from ...paths import resource
from .cancel import Canceled, is_canceled, watched_feedback
from .fonts import cjk_font, css_font_stack

PDF_DPI = 300
MARGINS_MM = (18.0, 20.0, 18.0, 18.0)  # left, top, right, bottom; header and footer sit inside


def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(str(resource("templates"))), autoescape=select_autoescape(["html", "j2"])
    )


def render_template(name: str, **context) -> str:
    """The template rendered with ``context``, plus ``font_stack`` (the CSS font-family value; the
    templates write it unescaped, ``|safe``, as it is the plugin's own list of font names)."""
    context.setdefault("font_stack", css_font_stack())
    return _environment().get_template(name).render(**context)


def template_macros(name: str):
    """A template's macros, to render a long document piece by piece."""
    return _environment().get_template(name).module


def html_to_pdf(html: str, base: Path, pdf_path: Path, title: str = "") -> Path:
    """A4 PDF of the HTML, in the report frame every report shares: the title in each page's header,
    "page / pages" in its footer (see :class:`PagedPdf`); images resolve relative to ``base``."""
    if PagedPdf(Path(pdf_path), Path(base), title).write(lambda: [html]) is None:
        raise Canceled()  # the run was canceled while the PDF was laid out or painted
    return Path(pdf_path)


def layout_dpi() -> int:
    """The resolution QTextDocument lays text out at without a paint device (Qt's default DPI:
    the primary screen's logical DPI, 96 offscreen); an HTML image's pixels are at this DPI."""
    screen = QGuiApplication.primaryScreen()
    return int(round(screen.logicalDotsPerInchY())) if screen is not None else 100


class PagedPdf:
    """An A4 PDF of HTML sections, each starting on a new page, with a running header and
    "page n of m" footer on every page.

    One section is laid out at a time and dropped after painting, so a report of thousands of
    sites needs the memory of its largest section, not of the whole document. Sections come from
    a callable because they are laid out twice: once to count the pages, once to paint them.
    Text stays text (the PDF's text layer reads back). As QTextDocument.print does for a paged
    document, layout happens at the screen's logical resolution (:func:`layout_dpi`: image widths
    are pixels at that resolution) and the painter scales to the PDF's; the document's own layout
    object is never touched from Python (a reused address handed PyQt a deleted wrapper of it on
    QGIS 3.40). Works outside the GUI thread.
    """

    def __init__(self, path: Path, base: Path, title: str, header: str = "", footer: str = "{page} / {pages}"):
        self.path, self.base, self.title = Path(path), Path(base), title
        self.header, self.footer = header, footer

    def _writer(self) -> QPdfWriter:
        writer = QPdfWriter(str(self.path))
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(0, 0, 0, 0),
                QPageLayout.Unit.Millimeter,
            )
        )
        writer.setResolution(PDF_DPI)
        writer.setTitle(self.title)
        writer.setCreator(self.title)
        return writer

    def _body(self, writer) -> QRectF:
        left, top, right, bottom = (self._px(v) for v in MARGINS_MM)
        return QRectF(left, top, writer.width() - left - right, writer.height() - top - bottom)

    @staticmethod
    def _px(mm: float) -> float:
        return mm / 25.4 * PDF_DPI

    def _document(self, html: str, page: QSizeF) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(cjk_font(10))  # the font whose glyphs read back from the PDF
        document.setDocumentMargin(0)
        document.setBaseUrl(QUrl.fromLocalFile(str(self.base) + "/"))
        document.setHtml(html)
        document.setPageSize(page)
        return document

    def write(
        self,
        sections: Callable[[], Iterable[str]],
        canceled: Optional[Callable[[], bool]] = None,
        progress: Optional[Callable[[float], None]] = None,
    ) -> Optional[Path]:
        """Write the PDF; ``None`` (and no file) if ``canceled`` (by default: the run's feedback,
        ``cancel.watching``) turns true on the way, checked between sections and pages.
        ``progress`` gets the share done (0–1) after each section of each pass."""
        canceled = canceled or (lambda: is_canceled(watched_feedback()))
        writer = self._writer()
        body = self._body(writer)
        scale = PDF_DPI / layout_dpi()
        page_size = QSizeF(body.width() / scale, body.height() / scale)  # in layout pixels
        counts = []
        for html in sections():
            if canceled():
                return self._drop(None)
            counts.append(self._document(html, page_size).pageCount())
            if progress:
                progress(0.5 * len(counts) / (len(counts) + 1))
        total, page = sum(counts), 0
        painter = QPainter(writer)
        for done, html in enumerate(sections(), start=1):
            if canceled():
                painter.end()
                return self._drop(writer)
            if progress:
                progress(0.5 + 0.5 * done / len(counts))
            document = self._document(html, page_size)
            for index in range(document.pageCount()):
                if canceled():
                    painter.end()
                    return self._drop(writer)
                if page:
                    writer.newPage()
                page += 1
                self._decorate(painter, writer, body, page, total)
                painter.save()
                painter.translate(body.left(), body.top())
                painter.scale(scale, scale)
                painter.translate(0, -index * page_size.height())
                view = QRectF(0, index * page_size.height(), page_size.width(), page_size.height())
                painter.setClipRect(view)
                document.drawContents(painter, view)
                painter.restore()
        painter.end()
        return self.path

    def _drop(self, writer) -> None:
        del writer
        self.path.unlink(missing_ok=True)
        return None

    def _decorate(self, painter: QPainter, writer, body: QRectF, page: int, pages: int) -> None:
        painter.setFont(cjk_font(8))
        painter.setPen(QPen(QColor("#555555"), self._px(0.2)))
        header = QRectF(body.left(), body.top() - self._px(9), body.width(), self._px(6))
        painter.drawText(header, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom), self.title)
        painter.drawText(header, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom), self.header)
        painter.drawLine(
            QPointF(body.left(), body.top() - self._px(2.5)), QPointF(body.right(), body.top() - self._px(2.5))
        )
        footer = QRectF(body.left(), body.bottom() + self._px(4), body.width(), self._px(6))
        painter.drawText(
            footer,
            int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
            self.footer.format(page=page, pages=pages),
        )
