"""规划指标 as one job: the dialog and the Processing algorithm run exactly this.

The judgements table and the township status layer are the job's layers; its report step writes
the HTML/PDF report with its charts and the map sheet 规划指标达标情况图 with its chart — in one
place, so a sheet that cannot be exported removes the layers and report written before it.
"""

from pathlib import Path

from ...i18n import tr
from ..measuring.charts import draw_chart
from ..measuring.unit_areas import TOWNSHIPS
from ..printing.result_sheets import result_sheet
from ..printing.sheets import PDF, PNG, SheetBuilder, export_layout
from ..shared.areas import AreaMethod
from ..shared.job import Job
from .check import run_indicator_check
from .definitions import IndicatorFile
from .outputs import findings_layer, township_layer
from .report import city_chart, write_indicator_report

FINDINGS, TOWNSHIP_STATUS = "findings", "townships"


def sheet_chart_path(sheet) -> Path:
    """The city chart the map sheet shows, written beside it."""
    return Path(sheet).with_name(f"{Path(sheet).stem}_chart.png")


def write_sheet(result, layers: dict, year: int, sheet, dpi: int) -> Path:
    """The map sheet at ``sheet`` (PNG when it ends in .png, else PDF): the townships by status under
    the sheet's plan layers, the city chart in its box. A print layout: on the GUI thread."""
    sheet = Path(sheet)
    chart = draw_chart(city_chart(result, year), sheet_chart_path(sheet))
    builder = SheetBuilder(layers)  # owns the layout's project: alive until the export is done
    layout = result_sheet(builder, "indicators", township_layer(result, layers[TOWNSHIPS], year), chart, year=year)
    return export_layout(layout, sheet, PNG if sheet.suffix.lower() == ".png" else PDF, dpi)


def indicator_job(
    layers: dict,
    indicators: IndicatorFile,
    area: AreaMethod,
    year: int,
    backend: str = None,
    data_source: str = "",
    sheet=None,
    dpi: int = 150,
    sheet_layers: dict = None,
) -> Job:
    """``layers``: the plan layers by code (the computing thread may read them); ``year``: of the
    township layer, the charts and the sheet; ``sheet``: the map sheet's file (None: not printed),
    drawn from ``sheet_layers`` (default ``layers``) at ``dpi``."""

    def report(result, path, written, note, feedback):
        files = write_indicator_report(result, path, year, data_source) if path is not None else {}
        if sheet is not None:
            files["sheet"] = write_sheet(result, sheet_layers or layers, year, sheet, dpi)
        return files

    return Job(
        title=tr("Plan indicators"),
        canceled_text=tr("The indicator check was canceled: nothing was written"),
        compute=lambda feedback: run_indicator_check(layers, indicators, area, feedback, backend),
        layers=lambda result: {
            FINDINGS: findings_layer(result),
            TOWNSHIP_STATUS: township_layer(result, layers[TOWNSHIPS], year),
        },
        report=report,
        report_files=lambda path: [path, path.with_suffix(".pdf"), path.with_name(f"{path.stem}_charts")],
        files=[sheet, sheet_chart_path(sheet)] if sheet is not None else [],
        thread_safe_outputs=False,
    )  # the report's PDF and the sheet's print layout: the GUI thread
