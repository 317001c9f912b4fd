"""规划指标 report: the charts and the HTML/PDF a reviewer signs.

Charts: the city's indicators as a share of their targets (also the picture on the indicator map
sheet), and per indicator with a township breakdown its townships' values against their targets.
The report keeps 指标符合性, 图数一致性 and 分解一致性 in sections of their own and states the area
method of every figure and which painter drew the charts.
"""

from datetime import datetime
from pathlib import Path

from ...i18n import tr
from ..measuring.charts import NONE, OK, SHORT, Bar, BarChart, chart_painter, draw_chart
from ..shared.cancel import refuse_canceled
from ..shared.html_output import html_to_pdf, render_template
from ..shared.report_frame import frame
from .check import BREAKDOWN, COMPLIANCE, CONSISTENCY, IndicatorResult
from .definitions import AT_LEAST, BINDING, EXPECTED, YEARS, Indicator
from .outputs import (
    check_label,
    direction_label,
    kind_label,
    status_label,
    township_status_label,
)

CITY_CHART = "city_{year}.png"
TOWNSHIP_CHART = "townships_{code}_{year}.png"


def _sign(direction: str) -> str:
    return "≥" if direction == AT_LEAST else "≤"


def _number(value: float) -> str:
    return f"{value:,.2f}" if abs(value) < 1e6 else f"{value:,.0f}"


def _bar_text(value: float, direction: str, target: float, unit: str = "") -> str:
    return (
        tr("{value} (target {sign} {target}) {unit}")
        .format(value=_number(value), sign=_sign(direction), target=_number(target), unit=unit)
        .strip()
    )


def city_chart(result: IndicatorResult, year: int) -> BarChart:
    """Each indicator with a city target: its value as a percentage of the target (100 % dashed)."""
    refuse_canceled(result)
    bars = []
    for f in result.of_kind(COMPLIANCE, year):
        if not f.is_city:
            continue
        share = 100.0 * f.value / f.reference if f.reference else 0.0
        bars.append(
            Bar(
                f.subject,
                share,
                OK if f.ok else SHORT,
                None,
                _bar_text(f.value, f.direction, f.reference, f.unit_label),
            )
        )
    return BarChart(
        tr("{city}: indicators against their {year} targets").format(city=result.city_name, year=year),
        tr("value as % of target"),
        bars,
        100.0,
        [(OK, tr("achieved")), (SHORT, tr("short of target"))],
    )


def township_chart(result: IndicatorResult, indicator: Indicator, year: int) -> BarChart:
    judged = {f.unit: f for f in result.of_kind(COMPLIANCE, year) if f.code == indicator.code and not f.is_city}
    bars = []
    for name in result.townships:
        value = result.value(indicator.code, name)
        finding = judged.get(name)
        if finding is None:
            bars.append(Bar(name, value, NONE, None, _number(value)))
        else:
            bars.append(
                Bar(
                    name,
                    value,
                    OK if finding.ok else SHORT,
                    finding.reference,
                    _bar_text(value, indicator.direction, finding.reference),
                )
            )
    return BarChart(
        tr("{name} {year}: townships against their targets").format(name=indicator.name, year=year),
        indicator.unit_label,
        bars,
        None,
        [(OK, tr("achieved")), (SHORT, tr("short of target")), (NONE, tr("no target"))],
    )


def draw_charts(result: IndicatorResult, folder, year: int) -> dict[str, Path]:
    """The city chart and one chart per indicator broken down to townships, for ``year``."""
    refuse_canceled(result)
    folder = Path(folder)
    charts = {"city": draw_chart(city_chart(result, year), folder / CITY_CHART.format(year=year))}
    for indicator in result.file.indicators:
        if any(year in targets for targets in indicator.townships.values()):
            charts[indicator.code] = draw_chart(
                township_chart(result, indicator, year), folder / TOWNSHIP_CHART.format(code=indicator.code, year=year)
            )
    return charts


def _finding_row(f) -> dict:
    return {
        "unit": f.unit,
        "year": f.year,
        "code": f.code,
        "subject": f.subject,
        "unit_label": f.unit_label,
        "value": f.value,
        "value_label": f.value_label,
        "sign": _sign(f.direction),
        "reference": f.reference,
        "reference_label": f.reference_label,
        "gap": f.gap,
        "ok": f.ok,
        "status": status_label(f),
        "kind": kind_label(BINDING if f.binding else EXPECTED),
        "is_city": f.is_city,
    }


def _indicator_tables(result: IndicatorResult, charts: dict[str, Path], base: Path) -> list[dict]:
    """Per indicator: one row per unit with a target, both years side by side."""
    tables = []
    findings = result.of_kind(COMPLIANCE)
    for indicator in result.file.indicators:
        rows = []
        for unit in [result.city_name] + result.townships:
            by_year = {f.year: f for f in findings if f.code == indicator.code and f.unit == unit}
            if not by_year:
                continue
            rows.append(
                {
                    "unit": unit,
                    "value": result.value(indicator.code, unit),
                    "is_city": unit == result.city_name,
                    "years": [_finding_row(by_year[y]) if y in by_year else None for y in YEARS],
                }
            )
        chart = charts.get(indicator.code)
        tables.append(
            {
                "code": indicator.code,
                "name": indicator.name,
                "unit": indicator.unit_label,
                "kind": kind_label(indicator.kind),
                "direction": direction_label(indicator.direction),
                "rows": rows,
                "chart": _relative(chart, base) if chart else "",
            }
        )
    return tables


def _relative(path: Path, base: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(base.resolve()))
    except ValueError:
        return Path(path).resolve().as_uri()


def _measure_text(indicator: Indicator, result: IndicatorResult) -> str:
    measure = indicator.measure
    method = measure.method or result.area_method.method
    words = tr("planar") if method == "planar" else tr("CGCS2000 ellipsoidal")
    text = f"{measure.layer}" + (f" [{measure.filter}]" if measure.filter else "") + f"; {words}"
    if measure.share:
        text += "; " + tr("as % of the unit's area")
    return text


def report_context(
    result: IndicatorResult, year: int, charts: dict[str, Path], base: Path, data_source: str = ""
) -> dict:
    units = [result.city_name] + result.townships
    summary = [
        {
            "unit": unit,
            "years": [
                {
                    "label": township_status_label(s.achieved),
                    "achieved": s.achieved,
                    "short": s.binding_short,
                    "expected_short": s.expected_short,
                    "judged": s.judged,
                }
                for s in (result.status(unit, y) for y in YEARS)
            ],
        }
        for unit in units
    ]
    return {
        "t": {
            "title": tr("Plan indicators"),
            "disclaimer": tr("Generated by the Yongji Spatial Plan plugin from the plan's layers and indicator file."),
            "data_source": tr("Data source"),
            "file": tr("Indicator file"),
            "method": tr("Area method"),
            "engine": tr("Overlay engine"),
            "painter": tr("Charts drawn with"),
            "time": tr("Time"),
            "year": tr("Charts and map for"),
            "repairs": tr("Invalid geometries repaired on a copy"),
            "summary": tr("Summary"),
            "warnings": tr("Warnings"),
            "unit": tr("City or township"),
            "status": tr("Status"),
            "value": tr("Value"),
            "target": tr("Target"),
            "reference": tr("Reference"),
            "relation": tr("Relation"),
            "margin": tr("Margin"),
            "compliance": check_label(COMPLIANCE),
            "consistency": check_label(CONSISTENCY),
            "breakdown": check_label(BREAKDOWN),
            "definitions": tr("Indicators and how they are measured"),
            "code": tr("Code"),
            "name": tr("Indicator"),
            "unit_col": tr("Unit"),
            "kind": tr("Binding or expected"),
            "direction": tr("Direction"),
            "measure": tr("Measured from"),
            "targets": tr("City targets"),
            "short_note": tr("binding targets missed"),
            "expected_note": tr("expected targets missed"),
            "summary_note": tr(
                "A city or township achieves a year's targets when it meets every binding "
                "target handed down to it for that year."
            ),
            "compliance_note": tr("The value measured from the data against the target, in the indicator's direction."),
            "consistency_note": tr(
                "The indicator table against the map: a layer's total as drawn against "
                "a target, or one target against another."
            ),
            "breakdown_note": tr("The townships' targets together against the city's target."),
            "none": tr("none"),
            "year_col": tr("Year"),
            "left": tr("Left side"),
            "right": tr("Right side"),
            "sum": tr("Sum of township targets"),
            "city_target": tr("City target"),
        },
        "run": {
            "data_source": data_source or "—",
            "file": str(result.file.path),
            "method": result.area_method.describe(),
            "painter": chart_painter(),
            "engine": result.backend or "—",
            "time": datetime.now().strftime("%Y-%m-%d %H:%M:%S"),
            "year": year,
            "repairs": len(result.repairs),
        },
        "years": list(YEARS),
        "warnings": result.warnings,
        "city_chart": _relative(charts["city"], base) if "city" in charts else "",
        "summary": summary,
        "indicators": _indicator_tables(result, charts, base),
        "consistency": [_finding_row(f) for f in result.of_kind(CONSISTENCY)],
        "breakdown": [_finding_row(f) for f in result.of_kind(BREAKDOWN)],
        "definitions": [
            {
                "code": i.code,
                "name": i.name,
                "unit": i.unit_label,
                "kind": kind_label(i.kind),
                "direction": direction_label(i.direction),
                "measure": _measure_text(i, result),
                "targets": "; ".join(f"{y}: {_number(v)}" for y, v in sorted(i.targets.items())),
            }
            for i in result.file.indicators
        ],
        "verdict": frame(indicator_conclusion(result), result.warnings),
    }


def indicator_conclusion(result: IndicatorResult) -> str:
    """Per target year, whether the city meets every binding target and how many townships do not."""
    parts = []
    for year in YEARS:
        city = result.status(result.city_name, year)
        behind = [u for u in result.townships if result.status(u, year).achieved is False]
        if city.achieved is None:
            parts.append(tr("{year}: no binding target judged").format(year=year))
        elif city.achieved:
            parts.append(
                tr(
                    "{year}: the city meets every binding target; {behind} of {towns} townships miss at least one"
                ).format(year=year, behind=len(behind), towns=len(result.townships))
            )
        else:
            parts.append(
                tr(
                    "{year}: the city misses {short} binding targets; {behind} of {towns} townships miss at least one"
                ).format(year=year, short=city.binding_short, behind=len(behind), towns=len(result.townships))
            )
    return "；".join(parts) + "。"


def write_indicator_report(result: IndicatorResult, html_path, year: int = 2035, data_source: str = "") -> dict:
    """Charts in ``<report>_charts/``, the HTML and, beside it, the PDF (GUI thread or headless QGIS)."""
    refuse_canceled(result)
    html_path = Path(html_path)
    html_path.parent.mkdir(parents=True, exist_ok=True)
    charts = draw_charts(result, html_path.parent / f"{html_path.stem}_charts", year)
    html = render_template(
        "indicator_report.html.j2", **report_context(result, year, charts, html_path.parent, data_source)
    )
    html_path.write_text(html, encoding="utf-8")
    pdf = html_to_pdf(html, html_path.parent, html_path.with_suffix(".pdf"), tr("Plan indicators"))
    return {"html": html_path, "pdf": pdf, "charts": charts}
