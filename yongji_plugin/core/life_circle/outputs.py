"""Life-circle results as layers (residential areas with their lacks, service areas), a coverage
map and a report (HTML and PDF)."""

from pathlib import Path

from qgis.core import (
    QgsGeometry,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)

from ...i18n import tr
from ..measuring.map_image import render_map
from ..measuring.result_styles import categorized, graduated, measure_looks
from ..plan_data.styles import colours, label_results, symbol_for
from ..shared.areas import hectares, mu
from ..shared.cancel import refuse_canceled
from ..shared.html_output import html_to_pdf, render_template
from ..shared.output_fields import OutputField, add_rows, area_fields, area_values, memory_layer
from ..shared.report_frame import frame
from .check import NETWORK, LifeCircleResult, method_label

AREAS, SERVICE = "residential", "service_areas"
SEPARATOR = "、"


def _level_field(index: int) -> str:
    return f"lack_l{index + 1}"


def _memory(geometry: str, crs, title: str, specs) -> QgsVectorLayer:
    return memory_layer(title, geometry, crs, specs)


def _with_level(table, row) -> str:
    """A row as the optional list names it: one kind of facility stands at several levels
    ("其他福利设施、其他福利设施" told nothing)."""
    return tr("{facility} ({level})").format(facility=row.label, level=table.level(row.level).name)


def lack_labels() -> list[str]:
    return [tr("None lacking"), tr("1–2 lacking"), tr("3–5 lacking"), tr("6 or more lacking")]


def areas_layer(result: LifeCircleResult) -> QgsVectorLayer:
    """One feature per residential area: its lacks per level, counts and areas (m², ha, 亩)."""
    fields = (
        [
            OutputField("res_fid", "long", tr("Residential area feature")),
            OutputField("res_name", "string", tr("Residential area")),
            OutputField("pop", "double", tr("Population")),
        ]
        + area_fields("area_")
        + [OutputField("lack_n", "int", tr("Required facilities lacking"))]
    )
    fields += [
        OutputField(_level_field(i), "string", tr("{level} lacking").format(level=level.name))
        for i, level in enumerate(result.table.levels)
    ]
    fields += [
        OutputField("opt_lack", "string", tr("Optional facilities not reached")),
        OutputField("method", "string", tr("Method")),
    ]
    layer = _memory("MultiPolygon", result.params.area.crs, tr("Life circle: residential areas"), fields)
    rows = []
    for area in result.areas:
        lacks = result.lacks(area)
        values = {
            "res_fid": area.fid,
            "res_name": area.name,
            "pop": area.population,
            "lack_n": len(lacks),
            **area_values("area_", area.area),
            "opt_lack": SEPARATOR.join(_with_level(result.table, r) for r in result.lacks(area, required=False)),
            "method": method_label(result.method),
        }
        for i, level in enumerate(result.table.levels):
            values[_level_field(i)] = SEPARATOR.join(r.label for r in lacks if r.level == level.code)
        geometry = QgsGeometry(area.geometry)
        geometry.convertToMultiType()
        rows.append((values, geometry))
    add_rows(layer, rows)
    layer.setRenderer(graduated("lack_n", "polygon", measure_looks("life_circle_lacks"), -0.5, lack_labels()))
    label_results(layer, '"res_name"')
    return layer


def service_layer(result: LifeCircleResult) -> QgsVectorLayer:
    """One feature per row of the table with facilities: the reachable streets (or discs)."""
    kind = "MultiLineString" if result.method == NETWORK else "MultiPolygon"
    fields = [
        OutputField("row_code", "string", tr("Row code")),
        OutputField("row_name", "string", tr("Facility")),
        OutputField("level", "string", tr("Level")),
        OutputField("minutes", "double", tr("Minutes")),
        OutputField("metres", "double", tr("Distance (m)")),
        OutputField("n_fac", "int", tr("Facilities")),
        OutputField("method", "string", tr("Method")),
    ]
    layer = _memory(kind, result.params.area.crs, tr("Life circle: service areas"), fields)
    rows = []
    for row in result.table.rows:
        geometry = result.service_areas.get(row.code)
        if geometry is None:
            continue
        geometry = QgsGeometry(geometry)
        geometry.convertToMultiType()
        rows.append(
            (
                {
                    "row_code": row.code,
                    "row_name": row.name,
                    "level": row.level,
                    "minutes": result.minutes[row.level],
                    "metres": round(result.metres(row.level), 1),
                    "n_fac": len(result.facilities_of(row)),
                    "method": method_label(result.method),
                },
                geometry,
            )
        )
    add_rows(layer, rows)
    looks = {
        code: (look if result.method != NETWORK else {k: v for k, v in look.items() if k != "fill"})
        for code, look in measure_looks("service_area").items()
    }
    geometry = "line" if result.method == NETWORK else "polygon"
    names = {level.code: level.name for level in result.table.levels}
    layer.setRenderer(categorized("level", geometry, looks, names))
    return layer


def result_layers(result: LifeCircleResult) -> dict[str, QgsVectorLayer]:
    refuse_canceled(result)
    return {AREAS: areas_layer(result), SERVICE: service_layer(result)}


# --- the coverage map ------------------------------------------------------------------------
def _facility_layer(result: LifeCircleResult) -> QgsVectorLayer:
    layer = _memory("Point", result.params.area.crs, tr("Facilities"), [OutputField("level", "string", tr("Level"))])
    levels = {row.code: row.level for row in result.table.rows}
    add_rows(layer, [({"level": levels[f.rows[0]]}, QgsGeometry.fromPointXY(f.point)) for f in result.facilities])
    palette = colours()["palettes"]["facility_level"]
    looks = {code: {"fill": colour, "stroke": "#ffffff", "size": 2.2} for code, colour in palette.items()}
    names = {level.code: level.name for level in result.table.levels}
    layer.setRenderer(categorized("level", "point", looks, names))
    return layer


def _street_layer(result: LifeCircleResult) -> QgsVectorLayer:
    layer = _memory("MultiLineString", result.params.area.crs, tr("Streets"), [])
    if result.streets is not None and not result.streets.isEmpty():
        add_rows(layer, [({}, QgsGeometry(result.streets))])
    layer.setRenderer(QgsSingleSymbolRenderer(symbol_for("line", {"stroke": "#aab7b8", "width": 0.3})))
    return layer


def coverage_map(result: LifeCircleResult, areas: QgsVectorLayer, path: Path) -> Path:
    facilities, streets = _facility_layer(result), _street_layer(result)
    extent = areas.extent()
    extent.combineExtentWith(facilities.extent())
    return render_map([facilities, areas, streets], extent, result.params.area.crs, path)


# --- the report ------------------------------------------------------------------------------
def labels() -> dict:
    return {
        "title": tr("15-minute community life circle report"),
        "disclaimer": tr(
            "Generated by the Yongji Spatial Plan plugin from the plan's 社区—邻里—街坊 table. "
            "Demo data is illustrative, not official."
        ),
        "run": tr("Run"),
        "facilities": tr("Facility layer"),
        "areas": tr("Residential area layer"),
        "network": tr("Street network"),
        "table": tr("Life-circle table"),
        "speed": tr("Walking speed"),
        "levels": tr("Levels"),
        "access": tr("Access distance"),
        "method": tr("Method"),
        "fallback": tr("Why the fallback ran"),
        "area_method": tr("Area method"),
        "time": tr("Time"),
        "summary": tr("Summary"),
        "area_count": tr("Residential areas"),
        "complete": tr("Reaching every required facility"),
        "lacking": tr("Lacking at least one"),
        "population_lacking": tr("Population in areas lacking"),
        "map": tr("Coverage map"),
        "legend": tr("Legend"),
        "rows": tr("Per facility"),
        "level": tr("Level"),
        "facility": tr("Facility"),
        "required": tr("Required"),
        "yes": tr("yes"),
        "no": tr("no (宜配置)"),
        "count": tr("Facilities"),
        "lacking_areas": tr("Areas lacking"),
        "lacking_population": tr("Population lacking"),
        "lacking_area": tr("Area lacking (ha)"),
        "matrix": tr("Residential areas"),
        "area": tr("Residential area"),
        "lack_n": tr("Lacking"),
        "coverage": tr("Coverage by facility"),
        "lacks": tr("What it lacks"),
        "area_m2": tr("Area (m²)"),
        "area_ha": tr("ha"),
        "area_mu": tr("mu"),
        "population": tr("Population"),
        "warnings": tr("Warnings"),
        "unmatched": tr("Facility types not in the table (not counted)"),
        "repairs": tr("Repaired geometries"),
        "layer": tr("Layer"),
        "feature": tr("Feature"),
        "problem": tr("Problem"),
        "minutes": tr("min"),
        "metres": tr("m"),
        "reached": "●",
        "missing": "✕",
        "no_facility": tr("none in the data"),
        "reviewer": tr("Reviewer"),
        "date": tr("Date"),
        "method_note": tr(
            "A residential area reaches a facility row when a street reachable from one of the "
            "row's facilities within the level's minutes passes within the access distance of the "
            "area's edge; the walk from a facility to its street is not counted."
        ),
        "straight_note": tr(
            "Straight-line fallback: a row is reached when one of its facilities lies within "
            "speed × minutes of the area's edge, ignoring streets."
        ),
    }


def _summary(result: LifeCircleResult) -> dict:
    lacking = [a for a in result.areas if result.lacks(a)]
    population = sum(a.population or 0.0 for a in lacking)
    return {
        "areas": len(result.areas),
        "complete": len(result.areas) - len(lacking),
        "lacking": len(lacking),
        "population": f"{population:,.0f}",
    }


def _row_rows(result: LifeCircleResult) -> list[dict]:
    rows = []
    for row in result.table.rows:
        lacking = [a for a in result.areas if row.code not in a.reached]
        m2 = sum(a.area for a in lacking)
        rows.append(
            {
                "level": result.table.level(row.level).name,
                "name": row.name,
                "code": row.code,
                "required": row.required,
                "count": len(result.facilities_of(row)),
                "lacking": len(lacking),
                "population": f"{sum(a.population or 0 for a in lacking):,.0f}",
                "ha": f"{hectares(m2):,.2f}",
            }
        )
    return rows


def _matrix(result: LifeCircleResult) -> dict:
    rows = [row for row in result.table.rows if row.required]
    header = [{"label": row.label, "level": result.table.level(row.level).name} for row in rows]
    lines = []
    for area in sorted(result.areas, key=lambda a: (-len(result.lacks(a)), a.name)):
        lacks = result.lacks(area)
        by_level = [
            f"{level.name}：{SEPARATOR.join(r.label for r in lacks if r.level == level.code)}"
            for level in result.table.levels
            if any(r.level == level.code for r in lacks)
        ]
        lines.append(
            {
                "name": area.name,
                "fid": area.fid,
                "lack_n": len(lacks),
                "lacks": "；".join(by_level),
                "population": "" if area.population is None else f"{area.population:,.0f}",
                "m2": f"{area.area:,.2f}",
                "ha": f"{hectares(area.area):,.4f}",
                "mu": f"{mu(area.area):,.2f}",
                "cells": [row.code in area.reached for row in rows],
            }
        )
    return {"header": header, "lines": lines}


def _legend(result: LifeCircleResult) -> list[dict]:
    entries = [
        {"colour": look["fill"][:7], "label": label}
        for look, label in zip(measure_looks("life_circle_lacks"), lack_labels())
    ]
    palette = colours()["palettes"]["facility_level"]
    entries += [
        {"colour": palette[level.code], "label": tr("{level} facility").format(level=level.name), "dot": True}
        for level in result.table.levels
        if level.code in palette
    ]
    return entries


def report_context(result: LifeCircleResult, map_file: str = "") -> dict:
    levels = [
        {
            "name": level.name,
            "minutes": f"{result.minutes[level.code]:g}",
            "metres": f"{result.metres(level.code):,.0f}",
        }
        for level in result.table.levels
    ]
    return {
        "t": labels(),
        "run": {
            "facilities": result.layer_names["facilities"],
            "areas": result.layer_names["areas"],
            "network": result.layer_names["network"] or "—",
            "table": str(result.table.path),
            "speed": f"{result.speed_kmh:g} km/h",
            "levels": levels,
            "access": f"{result.params.access_distance:g} m",
            "method": method_label(result.method),
            "straight": result.method != NETWORK,
            "fallback": result.fallback_reason,
            "area_method": result.params.area.describe(),
            "time": result.started.strftime("%Y-%m-%d %H:%M:%S"),
        },
        "summary": _summary(result),
        "rows": _row_rows(result),
        "matrix": _matrix(result),
        "legend": _legend(result),
        "map": map_file,
        "unmatched": [{"type": k, "count": v} for k, v in sorted(result.unmatched_types.items())],
        "warnings": result.warnings,
        "repairs": result.repairs,
        "verdict": frame(life_circle_conclusion(result), [result.fallback_reason] if result.method != NETWORK else []),
    }


def life_circle_conclusion(result: LifeCircleResult) -> str:
    summary = _summary(result)
    if summary["lacking"]:
        return tr(
            "{lacking} of {areas} residential areas lack at least one facility of the table ({population} residents)."
        ).format(**summary)
    return tr("All {areas} residential areas reach every facility of the table.").format(**summary)


def write_report(result: LifeCircleResult, html_path, areas: QgsVectorLayer = None) -> dict:
    """HTML and PDF of the report, with the coverage map beside them. On the GUI thread (PDF)."""
    refuse_canceled(result)
    html_path = Path(html_path)
    html_path.parent.mkdir(parents=True, exist_ok=True)
    map_path = html_path.with_name(html_path.stem + "_map.png")
    coverage_map(result, areas if areas is not None else areas_layer(result), map_path)
    html = render_template("life_circle_report.html.j2", **report_context(result, map_path.name))
    html_path.write_text(html, encoding="utf-8")
    pdf = html_to_pdf(html, html_path.parent, html_path.with_suffix(".pdf"), labels()["title"])
    return {"html": html_path, "pdf": pdf, "map": map_path}
