"""年度监测预警报告: the monitoring as a document a reviewer signs (HTML, and PDF beside it).

Cover with the run's data, the conclusion and the signature block; then per year the 疑似违规图斑
with rule, level, township and area in m²/ha/亩 and each rule's 依据 quoted; the 耕地 balance per
township; the indicators against their path with a trend chart each; a map of each finding (the
first ``MAX_MAPS``: the report says how many were left out); the input problems listed.
"""

import shutil
from datetime import datetime
from pathlib import Path

from ...i18n import tr
from ..indicators.definitions import AT_LEAST
from ..measuring.charts import NONE, OK, SHORT, WARN, Bar, BarChart, chart_painter, draw_chart
from ..shared.areas import hectares, mu
from ..shared.cancel import is_canceled, refuse_canceled
from ..shared.html_output import html_to_pdf, render_template
from ..shared.report_frame import frame_labels
from .changes import GAINED, LOST
from .maps import FindingMapper
from .outputs import township_rows
from .rules import NORMAL, RED, YELLOW, level_label, relation_label

MAX_MAPS = 60
MAX_PROBLEMS = 300
STATE = {NORMAL: OK, YELLOW: WARN, RED: SHORT}


def _area(square_metres: float) -> dict:
    return {"m2": f"{square_metres:,.2f}", "ha": f"{hectares(square_metres):,.4f}", "mu": f"{mu(square_metres):,.2f}"}


def _number(value) -> str:
    if value is None:
        return "—"
    return f"{value:,.2f}" if abs(value) < 1e6 else f"{value:,.0f}"


def trend_chart(result, code: str) -> BarChart:
    rows = [r for r in result.trend if r.code == code and r.is_city]
    bars = [
        Bar(
            str(r.year),
            r.value,
            STATE[r.level] if r.year != result.base_year else NONE,
            r.path,
            tr("{value} (path {path}) {level}").format(
                value=_number(r.value), path=_number(r.path), level=level_label(r.level)
            ),
        )
        for r in rows
    ]
    first = rows[0] if rows else None
    return BarChart(
        tr("{name}: value by year against its path").format(name=first.name if first else code),
        first.unit_label if first else "",
        bars,
        first.target if first else None,
        [(OK, level_label(NORMAL)), (WARN, level_label(YELLOW)), (SHORT, level_label(RED)), (NONE, tr("base year"))],
    )


def township_chart(result) -> BarChart:
    """Per township, the area of its suspected violations (ha), coloured by the worst level: the
    picture on the map sheet 规划实施监测预警图."""
    bars = []
    for name in result.townships:
        found = [f for f in result.findings() if f.piece.township == name]
        worst = RED if any(f.rule.level == RED for f in found) else YELLOW if found else NORMAL
        area = hectares(sum(f.area for f in found))
        bars.append(
            Bar(
                name, area, STATE[worst], None, tr("{area} ha in {count}").format(area=f"{area:,.2f}", count=len(found))
            )
        )
    return BarChart(
        tr("Suspected violations per township since {year}").format(year=result.base_year),
        tr("ha"),
        bars,
        None,
        [(SHORT, level_label(RED)), (WARN, level_label(YELLOW)), (OK, tr("none"))],
    )


def _conclusion(result) -> dict:
    findings = result.findings()
    red = [f for f in findings if f.rule.level == RED]
    yellow = [f for f in findings if f.rule.level == YELLOW]
    last = max((r.year for r in result.trend), default=None)
    warned = [r for r in result.trend if r.year == last and r.is_city and r.level != NORMAL]
    balance = sum(p.net for c in result.years for p in c.farmland[GAINED]) - sum(
        p.net for c in result.years for p in c.farmland[LOST]
    )
    text = tr(
        "{red} suspected violations at 红色预警 ({red_ha} ha) and {yellow} at 黄色预警 ({yellow_ha} ha) "
        "since {base}; 耕地 net of 田坎 {sign}{balance} mu; {warned} city indicators warned in {year}."
    ).format(
        red=len(red),
        red_ha=f"{hectares(sum(f.area for f in red)):,.4f}",
        yellow=len(yellow),
        yellow_ha=f"{hectares(sum(f.area for f in yellow)):,.4f}",
        base=result.base_year,
        sign="+" if balance >= 0 else "−",
        balance=f"{abs(mu(balance)):,.2f}",
        warned=len(warned),
        year=last or "—",
    )
    level = RED if red or any(r.level == RED for r in warned) else YELLOW if yellow or warned else NORMAL
    return {"text": text, "level": level_label(level), "css": level}


def _year_sections(result, maps: dict) -> list[dict]:
    sections = []
    number = 0
    for change in result.years:
        rows = []
        for f in change.findings:
            number += 1
            rows.append(
                {
                    "number": number,
                    "township": f.piece.township,
                    "rule": f.rule.title,
                    "level": level_label(f.rule.level),
                    "css": f.rule.level,
                    "code": f.piece.code,
                    "fid": f.piece.src_fid,
                    "map": maps.get(id(f)),
                    **_area(f.area),
                }
            )
        built = sum(p.area for p in change.construction)
        sections.append(
            {
                "year": change.year,
                "since": change.since,
                "findings": rows,
                "built": _area(built),
                "pieces": len(change.construction),
                "slivers": change.slivers,
                "sliver_area": f"{change.sliver_area:,.2f}",
            }
        )
    return sections


def _township_table(result) -> list[dict]:
    return [
        {
            "year": r["year"],
            "township": r["township"],
            "nc": f"{r['nc_m2']:,.2f}",
            "nc_mu": f"{r['nc_mu']:,.2f}",
            "found": r["n_find"],
            "lost": f"{r['fln_mu']:,.2f}",
            "gained": f"{r['fgn_mu']:,.2f}",
            "balance": f"{r['fb_mu']:+,.2f}",
            "lost_gross": f"{mu(r['fl_m2']):,.2f}",
            "gained_gross": f"{mu(r['fg_m2']):,.2f}",
        }
        for r in township_rows(result)
    ]


def _indicators(result, charts: dict, base: Path) -> list[dict]:
    out = []
    for code in dict.fromkeys(r.code for r in result.trend):
        rows = [r for r in result.trend if r.code == code]
        out.append(
            {
                "code": code,
                "name": rows[0].name,
                "unit": rows[0].unit_label,
                "direction": "≥" if rows[0].direction == AT_LEAST else "≤",
                "chart": str(charts[code].relative_to(base)) if code in charts else "",
                "rows": [
                    {
                        "year": r.year,
                        "unit": r.unit,
                        "value": _number(r.value),
                        "path": _number(r.path),
                        "target": f"{_number(r.target)} ({r.target_year})" if r.target is not None else "—",
                        "lag": "∞" if r.lag == float("inf") else f"{r.lag:+.2f}",
                        "level": level_label(r.level),
                        "css": r.level,
                    }
                    for r in rows
                ],
            }
        )
    return out


def _texts() -> dict:
    return {
        "title": tr("Annual plan implementation monitoring report"),
        "disclaimer": tr(
            "Generated by the Yongji Spatial Plan plugin from the plan's layers and the 现状 snapshots; suspected "
            "violations are to be verified on site before any measure is taken."
        ),
        "run": tr("Data of this run"),
        "conclusion": tr("Conclusion"),
        # the one frame's block (审查人/复核人/日期), as every other report signs
        "reviewer": frame_labels()["reviewed_by"],
        "checker": frame_labels()["verified_by"],
        "date": frame_labels()["date"],
        "snapshots": tr("现状 snapshots"),
        "year": tr("Year"),
        "layer": tr("Layer"),
        "source": tr("Source"),
        "parcels": tr("Parcels"),
        "unknown": tr("Unknown codes"),
        "rules_file": tr("Rule file"),
        "indicator_file": tr("Indicator file"),
        "method": tr("Area method"),
        "engine": tr("Overlay engine"),
        "tolerance": tr("Tolerance (m²)"),
        "time": tr("Time"),
        "outputs": tr("Outputs"),
        "painter": tr("Charts drawn with"),
        "rules": tr("Rules and their basis (依据)"),
        "rule": tr("Rule"),
        "relation": tr("Finding"),
        "level": tr("Level"),
        "plan": tr("Plan"),
        "national": tr("National rule"),
        "changes": tr("New construction land and suspected violations"),
        "since": tr("since"),
        "built": tr("New construction land"),
        "pieces": tr("pieces"),
        "slivers": tr("slivers below the tolerance (not findings)"),
        "number": tr("No."),
        "township": tr("Township"),
        "code": tr("Class code"),
        "fid": tr("Snapshot feature"),
        "m2": "m²",
        "ha": tr("ha"),
        "mu": tr("mu"),
        "map": tr("Map"),
        "none": tr("none"),
        "farmland": tr("耕地 lost and gained per township (mu)"),
        "found": tr("Suspected violations"),
        "lost": tr("耕地 lost, net"),
        "gained": tr("耕地 gained, net"),
        "balance": tr("Balance, net"),
        "lost_gross": tr("耕地 lost, gross"),
        "gained_gross": tr("耕地 gained, gross"),
        "nc": tr("New construction (m²)"),
        "nc_mu": tr("New construction (mu)"),
        "indicators": tr("Indicators against their path to the targets"),
        "unit": tr("City or township"),
        "value": tr("Value"),
        "path": tr("Path value"),
        "target": tr("Target ahead"),
        "lag": tr("Lag (%)"),
        "indicator_note": tr(
            "The path runs linearly from the base-year value to the 2025 and 2035 targets. Lag: "
            "how far the value falls behind the path, in % of the path's value. 红色预警: the target "
            "ahead is already broken or the lag exceeds the red threshold; 黄色预警: the lag exceeds "
            "the yellow threshold."
        ),
        "maps": tr("Maps of the suspected violations"),
        "maps_left": tr("maps drawn for the first {count} findings"),
        "problems": tr("Input problems"),
        "problems_left": tr("the first {count} of {total} are listed"),
        "warnings": tr("Warnings"),
        "repairs": tr("Invalid geometries repaired on a copy"),
        "feature": tr("Feature"),
        "problem": tr("Problem"),
        "scale": tr("Scale"),
    }


def _context(result, maps: dict, charts: dict, base: Path, outputs_note: str) -> dict:
    params = result.params
    return {
        "t": _texts(),
        "city": result.city_name,
        "conclusion": _conclusion(result),
        "run": {
            "rules": str(params.rules.path),
            "method": params.area.describe(),
            "engine": result.backend or "—",
            "indicators": str(params.indicators.path) if params.indicators else tr("(no indicators)"),
            "tolerance": params.rules.tolerance,
            "time": datetime.now().strftime("%Y-%m-%d %H:%M:%S"),
            "outputs": outputs_note or "—",
            "painter": chart_painter(),
            "source": params.data_source or "—",
        },
        "snapshots": [
            {"year": s.year, "layer": s.name, "source": s.source, "parcels": s.parcels, "unknown": s.unknown}
            for s in result.snapshots
        ],
        "rules": [
            {
                "id": r.id,
                "title": r.title,
                "relation": relation_label(r.relation),
                "layer": r.layer,
                "level": level_label(r.level),
                "css": r.level,
                "plan": r.basis_plan,
                "national": r.basis_national,
            }
            for r in params.rules.rules
        ],
        "years": _year_sections(result, maps),
        "townships": _township_table(result),
        "indicators": _indicators(result, charts, base),
        "problems": [p.__dict__ for p in result.problems[:MAX_PROBLEMS]],
        "problem_total": len(result.problems),
        "max_problems": MAX_PROBLEMS,
        "max_maps": MAX_MAPS,
        "finding_total": len(result.findings()),
        "warnings": result.warnings,
        "repairs": [{"layer": r.layer, "feature": r.feature, "problem": r.problem} for r in result.repairs],
    }


def write_report(result, html_path, outputs_note: str = "", feedback=None):
    """The report's maps, charts, HTML and PDF; None (its files removed) when canceled part way."""
    refuse_canceled(result)
    html_path = Path(html_path)
    html_path.parent.mkdir(parents=True, exist_ok=True)
    maps_folder = html_path.with_name(html_path.stem + "_maps")
    charts_folder = html_path.with_name(html_path.stem + "_charts")
    maps = _draw_maps(result, maps_folder, html_path.parent, feedback)
    if maps is None:
        return _removed(html_path, maps_folder, charts_folder)
    charts = {
        code: draw_chart(trend_chart(result, code), charts_folder / f"trend_{code}.png")
        for code in dict.fromkeys(r.code for r in result.trend)
    }
    html = render_template(
        "monitoring_report.html.j2", **_context(result, maps, charts, html_path.parent, outputs_note)
    )
    html_path.write_text(html, encoding="utf-8")
    pdf = html_to_pdf(html, html_path.parent, html_path.with_suffix(".pdf"), _texts()["title"])
    if is_canceled(feedback):
        return _removed(html_path, maps_folder, charts_folder)
    return {"html": html_path, "pdf": pdf, "maps": maps_folder, "charts": charts_folder}


def _draw_maps(result, folder: Path, base: Path, feedback):
    findings = result.findings()[:MAX_MAPS]
    if not findings:
        return {}
    mapper = FindingMapper(result.controls, result.township_layer, result.params.area.crs, folder)
    maps = {}
    for number, finding in enumerate(findings, start=1):
        if is_canceled(feedback):
            return None
        name, scale = mapper.draw(number, finding)
        maps[id(finding)] = {"path": str((folder / name).relative_to(base)), "scale": scale}
    return maps


def _removed(*paths) -> None:
    for path in paths:
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        elif path.exists():
            path.unlink()
    html = paths[0]
    if html.with_suffix(".pdf").exists():
        html.with_suffix(".pdf").unlink()
    return None
