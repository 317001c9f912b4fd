"""乡镇规划指引 as results: a township layer, a table with the city total, CSV/XLSX, an HTML/PDF report.

Figures are stored as reviewers read them (m² to 0.01, ha to 4 places, 亩 to 2 places from the
stored m²); the table's last row is the city, measured over the city outline on its own, and the
report shows how far the townships' sum lies from it.
"""

from datetime import datetime
from pathlib import Path

from qgis.core import (
    QgsCoordinateTransform,
    QgsProject,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)

from ...i18n import tr
from ..measuring.table_files import write_table
from ..plan_data.styles import label_settings, symbol_for
from ..shared.areas import hectares, mu
from ..shared.cancel import refuse_canceled
from ..shared.html_output import html_to_pdf, render_template
from ..shared.output_fields import OutputField, add_rows, area_fields, area_values, memory_layer
from ..shared.report_frame import frame
from .township_guidance import SUM_TOLERANCE_M2, GuidanceResult, GuidanceRow

NAME = "XZQMC"
AREA_PREFIX = "ZMJ_"
TOWNSHIP_LOOK = {"fill": "#00000000", "stroke": "#4a235a", "width": 0.6}


def guidance_specs(result: GuidanceResult) -> list[OutputField]:
    specs = [OutputField(NAME, "string", tr("Township"))]
    specs += area_fields(AREA_PREFIX, tr("Administrative area"))
    for figure in result.figures:
        specs += area_fields(f"{figure.key}_", figure.label)
    return specs


def _values(result: GuidanceResult, row: GuidanceRow) -> dict:
    values = {NAME: row.name, **area_values(AREA_PREFIX, row.area)}
    for figure in result.figures:
        values.update(area_values(f"{figure.key}_", row.figures[figure.key]))
    return values


def guidance_layer(result: GuidanceResult, townships: QgsVectorLayer) -> QgsVectorLayer:
    """One polygon per township with its figures, outlined and labelled by name."""
    refuse_canceled(result)
    crs = result.area_method.crs
    layer = memory_layer(tr("Township planning guidance"), "MultiPolygon", crs, guidance_specs(result))
    transform = QgsCoordinateTransform(townships.crs(), crs, QgsProject.instance())
    rows = []
    for row in result.townships:
        geometry = townships.getFeature(row.fid).geometry()
        geometry.transform(transform)
        geometry.convertToMultiType()
        rows.append((_values(result, row), geometry))
    add_rows(layer, rows)
    layer.setRenderer(QgsSingleSymbolRenderer(symbol_for("polygon", TOWNSHIP_LOOK)))
    layer.setLabeling(label_settings(NAME, layer=layer))
    layer.setLabelsEnabled(True)
    return layer


def city_total_label(result: GuidanceResult) -> str:
    return tr("{city} (city total)").format(city=result.city.name)


def guidance_table(result: GuidanceResult) -> QgsVectorLayer:
    """The townships and, last, the city total: the table exported to CSV and XLSX."""
    refuse_canceled(result)
    layer = memory_layer(tr("Township planning guidance table"), "None", None, guidance_specs(result))
    rows = [(_values(result, row), None) for row in result.townships]
    total = _values(result, result.city)
    total[NAME] = city_total_label(result)
    add_rows(layer, rows + [(total, None)])
    return layer


def export_table(result: GuidanceResult, csv_path=None, xlsx_path=None) -> list[Path]:
    table = guidance_table(result)
    sheet = tr("Township planning guidance")
    return [write_table(table, path, sheet) for path in (csv_path, xlsx_path) if path]


def shown(hectares_value: float) -> float:
    """The value as the report prints it (4 places), without a sign on zero: a difference of
    -1e-9 ha printed "-0.0000", which reads as a shortfall. (-0.0 + 0.0 is +0.0.)"""
    return round(hectares_value, 4) + 0.0


def sum_checks(result: GuidanceResult) -> list[dict]:
    """Per figure (first the townships' own areas): Σ townships, city, difference, within 0.01 ha."""
    checks = []
    for key, label in [(None, tr("Administrative area"))] + [(f.key, f.label) for f in result.figures]:
        total, city = result.township_sum(key), result.city_value(key)
        checks.append(
            {
                "label": label,
                "sum_ha": shown(hectares(total)),
                "city_ha": shown(hectares(city)),
                "diff_ha": shown(hectares(total - city)),
                "ok": abs(total - city) <= SUM_TOLERANCE_M2,
            }
        )
    return checks


def report_context(result: GuidanceResult, data_source: str = "") -> dict:
    def figures_of(row, convert):
        return [convert(row.figures[f.key]) for f in result.figures]

    rows = [
        {
            "name": r.name,
            "area_ha": hectares(r.area),
            "area_mu": mu(r.area),
            "ha": figures_of(r, hectares),
            "mu": figures_of(r, mu),
        }
        for r in result.townships
    ]
    city = result.city
    total = {
        "name": city_total_label(result),
        "area_ha": hectares(city.area),
        "area_mu": mu(city.area),
        "ha": figures_of(city, hectares),
        "mu": figures_of(city, mu),
    }
    city_source = (
        tr("the city outline (layer XZQ)")
        if result.city_from_layer
        else tr("the union of the townships (layer XZQ is missing)")
    )
    return {
        "t": {
            "title": tr("Township planning guidance"),
            "disclaimer": tr("Generated by the Yongji Spatial Plan plugin from the plan's layers."),
            "data_source": tr("Data source"),
            "method": tr("Area method"),
            "time": tr("Time"),
            "engine": tr("Overlay engine"),
            "city_source": tr("City total measured over"),
            "township": tr("Township"),
            "area": tr("Administrative area"),
            "in_ha": tr("Areas in hectares (ha)"),
            "in_mu": tr("Areas in mu (1 mu = 10000/15 m²)"),
            "sums": tr("Townships add up to the city"),
            "figure": tr("Figure"),
            "sum": tr("Sum of townships (ha)"),
            "city": tr("City (ha)"),
            "diff": tr("Difference (ha)"),
            "status": tr("Within 0.01 ha"),
            "yes": tr("yes"),
            "no": tr("no"),
            "repairs": tr("Invalid geometries repaired on a copy"),
            "warnings": tr("Warnings"),
            "how": tr(
                "Each layer's features are split by the township boundaries; a feature crossing two "
                "townships counts in each for its own part, and features of one layer that overlap "
                "count once."
            ),
        },
        "run": {
            "data_source": data_source or "—",
            "method": result.area_method.describe(),
            "engine": result.backend or "—",
            "time": datetime.now().strftime("%Y-%m-%d %H:%M:%S"),
            "city_source": city_source,
            "repairs": len(result.repairs),
        },
        "figures": [f.label for f in result.figures],
        "rows": rows,
        "total": total,
        "warnings": result.warnings,
        "checks": sum_checks(result),
        "verdict": frame(guidance_conclusion(result), result.warnings),
    }


def guidance_conclusion(result: GuidanceResult) -> str:
    off = [c["label"] for c in sum_checks(result) if not c["ok"]]
    if off:
        return tr("{count} townships measured; the townships do not add up to the city for: {figures}.").format(
            count=len(result.townships), figures="、".join(off)
        )
    return tr("{count} townships measured; for every figure the townships add up to the city within 0.01 ha.").format(
        count=len(result.townships)
    )


def write_guidance_report(result: GuidanceResult, html_path, data_source: str = "") -> dict:
    """HTML and, beside it, PDF (the PDF needs the GUI thread or a headless QGIS application)."""
    refuse_canceled(result)
    html_path = Path(html_path)
    html_path.parent.mkdir(parents=True, exist_ok=True)
    html = render_template("township_guidance.html.j2", **report_context(result, data_source))
    html_path.write_text(html, encoding="utf-8")
    pdf = html_to_pdf(html, html_path.parent, html_path.with_suffix(".pdf"), tr("Township planning guidance"))
    return {"html": html_path, "pdf": pdf}
