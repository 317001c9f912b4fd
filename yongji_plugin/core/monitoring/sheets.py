"""The monitoring's print outputs: the map sheet 规划实施监测预警图 and its township atlas.

Print layouts: written on the GUI thread, by the job's report step (``job``), so a sheet that
cannot be exported removes the layers and report written before it, in the dialog and in
Processing alike.
"""

from pathlib import Path

from ..measuring.charts import draw_chart
from ..printing.atlases import export_atlas, township_atlas
from ..printing.result_sheets import result_sheet
from ..printing.sheets import PDF, PNG, SheetBuilder, export_layout
from .outputs import findings_layer, township_coverage
from .report import township_chart


def sheet_chart_path(sheet) -> Path:
    """The townships' chart the map sheet shows, written beside it."""
    return Path(sheet).with_name(f"{Path(sheet).stem}_chart.png")


def write_sheet(result, plan: dict, sheet, dpi: int) -> Path:
    """The findings by level over the townships, their chart beside (PNG when ``sheet`` ends in .png)."""
    sheet = Path(sheet)
    chart = draw_chart(township_chart(result), sheet_chart_path(sheet))
    builder = SheetBuilder(plan)  # owns the layout's project: alive until the export is done
    layout = result_sheet(
        builder,
        "monitoring",
        findings_layer(result),
        chart,
        since=result.base_year,
        year=result.years[-1].year if result.years else result.base_year,
    )
    return export_layout(layout, sheet, PNG if sheet.suffix.lower() == ".png" else PDF, dpi)


def write_atlas(result, plan: dict, atlas, dpi: int) -> Path:
    """One PDF, a page per township: its findings and figures."""
    builder = SheetBuilder(plan)
    layout = township_atlas(builder, township_coverage(result), [findings_layer(result)], "monitoring_township")
    return export_atlas(layout, Path(atlas), PDF, dpi)[0]
