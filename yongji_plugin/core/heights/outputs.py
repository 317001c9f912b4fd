"""Height-check results as layers (buildings over their limit, every building), a map and a report."""

from pathlib import Path

from qgis.core import QgsGeometry, QgsSingleSymbolRenderer, QgsVectorLayer

from ...i18n import tr
from ..measuring.map_image import render_map
from ..measuring.result_styles import categorized, graduated, measure_looks
from ..plan_data.styles import colours, label_results, symbol_for
from ..shared.areas import hectares, mu
from ..shared.cancel import checked_rows, refuse_canceled
from ..shared.html_output import html_to_pdf, render_template
from ..shared.output_fields import OutputField, add_rows, area_fields, area_values, memory_layer
from ..shared.report_frame import frame
from .check import (
    NO_HEIGHT,
    NO_ZONE,
    OVER,
    STATUSES,
    WITHIN,
    BuildingResult,
    HeightResult,
    mode_label,
    source_label,
    status_label,
)

OVER_LAYER, ALL_LAYER = "over_limit", "buildings"
SEPARATOR = "；"


def excess_text(excess: float) -> str:
    """The excess as a reviewer reads it: centimetres, more digits where centimetres would show an
    over-limit building as "+0.00" (and never "-0.00")."""
    digits = 2
    while digits < 4 and excess != 0 and round(excess, digits) == 0:
        digits += 1
    text = f"{excess:+.{digits}f}"
    return text.replace("-", "+", 1) if float(text) == 0 else text


def excess_labels() -> list[str]:
    return [tr("over by up to 3 m"), tr("over by 3–10 m"), tr("over by 10–20 m"), tr("over by more than 20 m")]


def _fields() -> list[OutputField]:
    return (
        [
            OutputField("bld_fid", "long", tr("Building feature")),
            OutputField("bld_name", "string", tr("Building")),
            OutputField("height", "double", tr("Height (m)")),
            OutputField("h_src", "string", tr("Height from")),
            OutputField("floors", "double", tr("Floors")),
            OutputField("zone", "string", tr("Judged zone")),
            OutputField("zone_code", "string", tr("Zone code")),
            OutputField("limit_m", "double", tr("Height limit (m)")),
            OutputField("excess", "double", tr("Excess (m)")),
            OutputField("status", "string", tr("Status")),
            OutputField("zones", "string", tr("Zones touched (overlap m²)")),
        ]
        + area_fields("fp_", tr("Footprint"))
        + area_fields("in_", tr("In the judged zone"))
    )


def zones_text(building: BuildingResult) -> str:
    return SEPARATOR.join(f"{z.name} ≤{z.limit:g} m {z.area:,.2f} m²" for z in building.zones)


def _values(building: BuildingResult) -> dict:
    judged = building.judged
    return {
        "bld_fid": building.fid,
        "bld_name": building.name,
        "height": building.height,
        "h_src": source_label(building.source),
        "floors": building.floors,
        "zone": judged.name if judged else None,
        "zone_code": judged.code if judged else None,
        "limit_m": building.limit,
        "excess": None if building.excess is None else round(building.excess, 6),
        "status": status_label(building.status),
        "zones": zones_text(building),
        **area_values("fp_", building.footprint),
        **area_values("in_", judged.area if judged else 0.0),
    }


def _layer(result: HeightResult, title: str, buildings: list[BuildingResult]) -> QgsVectorLayer:
    layer = memory_layer(title, "MultiPolygon", result.params.area.crs, _fields())
    rows = []
    for building in checked_rows(buildings):  # a city's buildings: seconds of rows
        geometry = QgsGeometry(building.geometry)
        geometry.convertToMultiType()
        rows.append((_values(building), geometry))
    add_rows(layer, rows)
    return layer


def over_layer(result: HeightResult) -> QgsVectorLayer:
    """The error layer: buildings over their zone's limit, graduated by excess."""
    layer = _layer(result, tr("Height check: buildings over the limit"), result.over())
    layer.setRenderer(graduated("excess", "polygon", measure_looks("height_excess"), 0.0, excess_labels()))
    label_results(layer, "coalesce(\"bld_name\", '') || ' +' || format_number(\"excess\", 2) || ' m'")
    return layer


def _status_renderer():
    looks = measure_looks("height_status")
    return categorized(
        "status",
        "polygon",
        {status_label(k): looks[k] for k in STATUSES},
        {status_label(k): status_label(k) for k in STATUSES},
    )


def all_layer(result: HeightResult) -> QgsVectorLayer:
    """Every building with its zone, limit, excess and status."""
    layer = _layer(result, tr("Height check: every building"), result.buildings)
    layer.setRenderer(_status_renderer())
    return layer


def result_layers(result: HeightResult) -> dict[str, QgsVectorLayer]:
    refuse_canceled(result)
    return {OVER_LAYER: over_layer(result), ALL_LAYER: all_layer(result)}


# --- the map --------------------------------------------------------------------------------
ZONE_TINT = "66"  # alpha of a zone's fill under the buildings (40 %)
ZONE_FALLBACK = "#fdebd0"  # zones whose codes the palette lacks


def _tinted(colour: str) -> str:
    """``colour`` at ZONE_TINT over the white page, as the map shows it and the legend prints it."""
    alpha = int(ZONE_TINT, 16) / 255.0
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(c * alpha + 255 * (1 - alpha)):02x}" for c in rgb)


def _zone_colours(result: HeightResult) -> dict[str, str]:
    """{zone code: its colour}: the plan's height-zone palette, one colour for codes it lacks."""
    palette = colours()["palettes"]["height_zone"]
    if all(zone.code in palette for zone in result.zones):
        return {code: palette[code] for code in sorted({zone.code for zone in result.zones})}
    return {}


def _zones_layer(result: HeightResult) -> QgsVectorLayer:
    layer = memory_layer(
        tr("Height zones"),
        "MultiPolygon",
        result.params.area.crs,
        [
            OutputField("code", "string", tr("Zone code")),
            OutputField("name", "string", tr("Zone")),
            OutputField("limit_m", "double", tr("Limit (m)")),
        ],
    )
    rows = []
    for zone in result.zones:
        geometry = QgsGeometry(zone.geometry)
        geometry.convertToMultiType()
        rows.append(({"code": zone.code, "name": zone.name, "limit_m": zone.limit}, geometry))
    add_rows(layer, rows)
    zone_colours = _zone_colours(result)
    if zone_colours:
        looks = {code: {"fill": c + ZONE_TINT, "stroke": "#7f8c8d", "width": 0.2} for code, c in zone_colours.items()}
        layer.setRenderer(categorized("code", "polygon", looks, {z.code: z.name for z in result.zones}))
    else:
        look = {"fill": ZONE_FALLBACK + ZONE_TINT, "stroke": "#7f8c8d"}
        layer.setRenderer(QgsSingleSymbolRenderer(symbol_for("polygon", look)))
    metres = tr("m").replace("'", "''")
    label_results(layer, f"\"name\" || ' ≤' || \"limit_m\" || ' {metres}'", size=7.0)
    return layer


def height_map(result: HeightResult, layers: dict[str, QgsVectorLayer], path: Path) -> Path:
    zones = _zones_layer(result)
    others = _layer(result, tr("Other buildings"), [b for b in result.buildings if b.status != OVER])
    others.setRenderer(_status_renderer())
    return render_map([layers[OVER_LAYER], others, zones], zones.extent(), result.params.area.crs, path)


# --- the report -----------------------------------------------------------------------------
def labels() -> dict:
    return {
        "title": tr("Building height check report"),
        "disclaimer": tr(
            "Generated by the Yongji Spatial Plan plugin from the plan's height zones. "
            "Demo data is illustrative, not official."
        ),
        "run": tr("Run"),
        "buildings": tr("Building layer"),
        "zones": tr("Height zone layer"),
        "source": tr("Height from"),
        "storey": tr("Storey height"),
        "limit_field": tr("Limit field"),
        "tolerance": tr("Area tolerance"),
        "area_method": tr("Area method"),
        "engine": tr("Overlay engine"),
        "time": tr("Time"),
        "summary": tr("Summary"),
        "status": tr("Status"),
        "count": tr("Count"),
        "map": tr("Map"),
        "legend": tr("Legend"),
        "per_zone": tr("Per zone"),
        "zone": tr("Zone"),
        "code": tr("Code"),
        "limit": tr("Limit (m)"),
        "total": tr("Buildings"),
        "over": tr("Over the limit"),
        "max_excess": tr("Largest excess (m)"),
        "over_list": tr("Buildings over their limit"),
        "building": tr("Building"),
        "fid": tr("Feature"),
        "height": tr("Height (m)"),
        "excess": tr("Excess (m)"),
        "footprint": tr("Footprint (m²)"),
        "ha": tr("ha"),
        "mu": tr("mu"),
        "straddling": tr("Buildings in several zones (judged against the strictest)"),
        "touched": tr("Zones touched (overlap m²)"),
        "judged": tr("Judged zone"),
        "no_height": tr("Buildings without a height"),
        "no_zone": tr("Buildings outside every height zone"),
        "no_geometry": tr("Buildings without a usable geometry (not checked)"),
        "repairs": tr("Repaired geometries"),
        "layer": tr("Layer"),
        "feature": tr("Feature"),
        "problem": tr("Problem"),
        "reviewer": tr("Reviewer"),
        "date": tr("Date"),
        "rule": tr(
            "A building is judged against the strictest height zone it overlaps by at least the area "
            "tolerance; excess = height − limit, over when above 0 (the limit itself is allowed)."
        ),
    }


def _building_row(b: BuildingResult) -> dict:
    return {
        "name": b.name,
        "fid": b.fid,
        "height": "—" if b.height is None else f"{b.height:g}",
        "source": source_label(b.source),
        "zone": b.judged.name if b.judged else "—",
        "limit": "—" if b.limit is None else f"{b.limit:g}",
        "excess": "—" if b.excess is None else excess_text(b.excess),
        "zones": zones_text(b) or "—",
        "m2": f"{b.footprint:,.2f}",
        "ha": f"{hectares(b.footprint):,.4f}",
        "mu": f"{mu(b.footprint):,.2f}",
    }


def _per_zone(result: HeightResult) -> list[dict]:
    rows = []
    for zone in sorted(result.zones, key=lambda z: (z.code, z.fid)):
        judged = [b for b in result.buildings if b.judged is not None and b.judged.fid == zone.fid]
        over = [b for b in judged if b.status == OVER]
        rows.append(
            {
                "code": zone.code,
                "name": zone.name,
                "limit": f"{zone.limit:g}",
                "total": len(judged),
                "over": len(over),
                "max": excess_text(max(b.excess for b in over)) if over else "—",
            }
        )
    return rows


def _legend(result: HeightResult) -> list[dict]:
    """What the map draws: the buildings by excess and status, then each height zone (its tint
    as printed on the page) with its limit."""
    looks = measure_looks("height_excess")
    entries = [{"colour": look["fill"][:7], "label": label} for look, label in zip(looks, excess_labels())]
    status = measure_looks("height_status")
    entries += [{"colour": status[k]["fill"][:7], "label": status_label(k)} for k in (WITHIN, NO_HEIGHT, NO_ZONE)]
    zone_colours = _zone_colours(result)
    for code in sorted({zone.code for zone in result.zones}):
        zone = next(z for z in result.zones if z.code == code)
        label = tr("Height zone {name} (≤ {limit} m)").format(name=zone.name, limit=f"{zone.limit:g}")
        entries.append({"colour": _tinted(zone_colours.get(code, ZONE_FALLBACK)), "label": label})
    return entries


def report_context(result: HeightResult, map_file: str = "") -> dict:
    p = result.params
    counts = result.counts()
    return {
        "t": labels(),
        "run": {
            "buildings": result.building_layer,
            "zones": result.zone_layer,
            "source": mode_label(p.mode),
            "fields": ", ".join(
                f
                for f in (
                    p.height_field if p.mode != "floors" else None,
                    p.floors_field if p.mode != "height" else None,
                )
                if f
            ),
            "storey": f"{p.storey_height:g} m" if p.mode != "height" else "—",
            "limit_field": p.limit_field,
            "tolerance": f"{p.tolerance:g} m²",
            "area_method": p.area.describe(),
            "engine": result.backend,
            "time": result.started.strftime("%Y-%m-%d %H:%M:%S"),
        },
        "counts": [{"label": status_label(k), "key": k, "count": counts[k]} for k in STATUSES],
        "map": map_file,
        "legend": _legend(result),
        "per_zone": _per_zone(result),
        "over": [_building_row(b) for b in result.over()],
        "straddling": [_building_row(b) for b in result.buildings if b.straddles],
        "no_height": [_building_row(b) for b in result.buildings if b.status == NO_HEIGHT],
        "no_zone": [_building_row(b) for b in result.buildings if b.status == NO_ZONE],
        "no_geometry": result.no_geometry,
        "repairs": result.repairs,
        "verdict": frame(
            height_conclusion(result),
            [
                tr(
                    "{n} buildings could not be judged (no height or outside the height zones): see their lists."
                ).format(n=counts[NO_HEIGHT] + counts[NO_ZONE])
                if counts[NO_HEIGHT] + counts[NO_ZONE]
                else ""
            ]
            + result.warnings,
        ),
    }


def height_conclusion(result: HeightResult) -> str:
    counts = result.counts()
    total = sum(counts.values())
    if counts[OVER]:
        return tr("{over} of {total} buildings exceed the height limit of their zone.").format(
            over=counts[OVER], total=total
        )
    return tr("No building of {total} exceeds the height limit of its zone.").format(total=total)


def write_report(result: HeightResult, html_path, layers: dict[str, QgsVectorLayer] = None) -> dict:
    """HTML and PDF of the report, with the map beside them. On the GUI thread (PDF)."""
    refuse_canceled(result)
    html_path = Path(html_path)
    html_path.parent.mkdir(parents=True, exist_ok=True)
    map_path = html_path.with_name(html_path.stem + "_map.png")
    height_map(result, layers or result_layers(result), map_path)
    html = render_template("height_report.html.j2", **report_context(result, map_path.name))
    html_path.write_text(html, encoding="utf-8")
    pdf = html_to_pdf(html, html_path.parent, html_path.with_suffix(".pdf"), labels()["title"])
    return {"html": html_path, "pdf": pdf, "map": map_path}
