"""The monitoring's result layers: 疑似违规图斑 (findings), new 建设用地, 耕地 lost and gained, the
township table by year, the indicator table by year, and the input problems listed.

Field names are ASCII and ≤ 10 bytes (core.shared.output_fields), areas in m², ha and 亩 computed
from the stored m²; levels and kinds stored translated.
"""

from qgis.core import QgsProject

from ...i18n import tr
from ..measuring.result_styles import categorized, measure_looks
from ..plan_data.styles import label_results
from ..shared.areas import hectares
from ..shared.cancel import refuse_canceled
from ..shared.output_fields import OutputField, add_rows, area_fields, area_values, memory_layer
from .changes import GAINED, LEVEL_ORDER, LOST
from .classes import land_classes
from .rules import NORMAL, RED, YELLOW, level_label

FINDINGS, CONSTRUCTION, FARMLAND, TOWNSHIP_TABLE, INDICATOR_TABLE, PROBLEMS = (
    "findings",
    "construction",
    "farmland",
    "townships",
    "indicators",
    "problems",
)


def change_label(kind: str) -> str:
    return tr("耕地 lost") if kind == LOST else tr("耕地 gained")


def _when() -> list[OutputField]:
    return [OutputField("year", "int", tr("Year")), OutputField("since", "int", tr("Changed since"))]


def _place() -> list[OutputField]:
    """Where a changed piece lies and what it is: township, 三调 class, the snapshot feature."""
    return [
        OutputField("township", "string", tr("Township")),
        OutputField("dlbm", "string", tr("Class code (DLBM)")),
        OutputField("dlmc", "string", tr("Class name")),
        OutputField("src_fid", "long", tr("Snapshot feature")),
    ]


def _place_values(piece) -> dict:
    """The values of :func:`_when` and :func:`_place` of one piece."""
    return {
        "year": piece.year,
        "since": piece.since,
        "township": piece.township,
        "dlbm": piece.code,
        "dlmc": _class_name(piece.code),
        "src_fid": piece.src_fid,
    }


def _class_name(code) -> str:
    found = land_classes().lookup(code)
    return found[1] if found else ""


def findings_layer(result):
    fields = (
        _when()
        + [
            OutputField("rule_id", "string", tr("Rule")),
            OutputField("rule", "string", tr("Rule title")),
            OutputField("level", "string", tr("Level")),
        ]
        + _place()
        + area_fields("")
    )
    layer = memory_layer(tr("Suspected violations"), "MultiPolygon", result.params.area.crs, fields)
    rows = []
    # red drawn last, on top: a piece outside 城镇开发边界 and on 永久基本农田 shows red
    for f in sorted(result.findings(), key=lambda f: LEVEL_ORDER[f.rule.level]):
        p = f.piece
        rows.append(
            (
                {
                    **_place_values(p),
                    "rule_id": f.rule.id,
                    "rule": f.rule.title,
                    "level": level_label(f.rule.level),
                    **area_values("", f.area),
                },
                f.geometry,
            )
        )
    add_rows(layer, rows)
    _style(layer, {level_label(k): k for k in (RED, YELLOW)})
    return layer


def construction_layer(result):
    fields = (
        _when()
        + _place()
        + [
            OutputField("level", "string", tr("Level")),
            OutputField("rules", "string", tr("Rules broken")),
        ]
        + area_fields("")
    )
    layer = memory_layer(tr("New construction land"), "MultiPolygon", result.params.area.crs, fields)
    rows = [
        (
            {
                **_place_values(p),
                "level": level_label(p.level),
                "rules": ", ".join(p.rules),
                **area_values("", p.area),
            },
            p.geometry,
        )
        for change in result.years
        for p in change.construction
    ]
    add_rows(layer, rows)
    _style(layer, {level_label(k): k for k in (RED, YELLOW, NORMAL)})
    return layer


def farmland_layer(result):
    fields = (
        _when()
        + [
            OutputField("change", "string", tr("Change")),
            OutputField("township", "string", tr("Township")),
            OutputField("dlbm", "string", tr("Class code (DLBM)")),
            OutputField("src_fid", "long", tr("Snapshot feature")),
            OutputField("kcxs", "double", tr("田坎 share (KCXS)")),
        ]
        + area_fields("g_", tr("Gross"))
        + area_fields("n_", tr("Net of 田坎"))
    )
    layer = memory_layer(tr("耕地 lost and gained"), "MultiPolygon", result.params.area.crs, fields)
    rows = [
        (
            {
                "year": p.year,
                "since": p.since,
                "change": change_label(kind),
                "township": p.township,
                "dlbm": p.code,
                "src_fid": p.src_fid,
                "kcxs": p.share,
                **area_values("g_", p.area),
                **area_values("n_", p.net),
            },
            p.geometry,
        )
        for change in result.years
        for kind in (LOST, GAINED)
        for p in change.farmland[kind]
    ]
    add_rows(layer, rows)
    _style(layer, {change_label(k): k for k in (LOST, GAINED)}, "change")
    return layer


def _style(layer, keys: dict, field: str = "level") -> None:
    looks = measure_looks("monitoring_level")
    layer.setRenderer(
        categorized(
            field, "polygon", {label: looks[key] for label, key in keys.items()}, {label: label for label in keys}
        )
    )
    label_results(layer, '"year" || \' \' || coalesce("dlmc", "dlbm", \'\')')


def township_rows(result) -> list[dict]:
    """Per year and township: new 建设用地, its area per rule, 耕地 lost/gained gross and net, balance."""
    rows = []
    for change in result.years:
        for name in result.townships:
            built = sum(p.area for p in change.construction if p.township == name)
            lost = [p for p in change.farmland[LOST] if p.township == name]
            gained = [p for p in change.farmland[GAINED] if p.township == name]
            row = {
                "year": change.year,
                "since": change.since,
                "township": name,
                **area_values("nc_", built),
                "n_find": sum(1 for f in change.findings if f.piece.township == name),
                "fl_m2": sum(p.area for p in lost),
                "fg_m2": sum(p.area for p in gained),
                **area_values("fln_", sum(p.net for p in lost)),
                **area_values("fgn_", sum(p.net for p in gained)),
                **area_values("fb_", sum(p.net for p in gained) - sum(p.net for p in lost)),
            }
            for number, rule in enumerate(result.params.rules.rules, start=1):
                row[f"r{number}_m2"] = round(
                    sum(f.area for f in change.findings if f.rule.id == rule.id and f.piece.township == name), 2
                )
            row["fl_m2"], row["fg_m2"] = round(row["fl_m2"], 2), round(row["fg_m2"], 2)
            rows.append(row)
    return rows


def township_layer(result):
    fields = (
        _when()
        + [OutputField("township", "string", tr("Township"))]
        + area_fields("nc_", tr("New construction land"))
        + [OutputField("n_find", "int", tr("Suspected violations"))]
        + [
            OutputField(f"r{n}_m2", "double", tr("{title} (m²)").format(title=rule.title))
            for n, rule in enumerate(result.params.rules.rules, start=1)
        ]
        + [OutputField("fl_m2", "double", tr("耕地 lost, gross (m²)"))]
        + area_fields("fln_", tr("耕地 lost, net of 田坎"))
        + [OutputField("fg_m2", "double", tr("耕地 gained, gross (m²)"))]
        + area_fields("fgn_", tr("耕地 gained, net of 田坎"))
        + area_fields("fb_", tr("耕地 balance, net of 田坎"))
    )
    layer = memory_layer(tr("Monitoring by township"), "None", None, fields)
    add_rows(layer, [(row, None) for row in township_rows(result)])
    return layer


def indicator_layer(result):
    fields = [
        OutputField("year", "int", tr("Year")),
        OutputField("unit", "string", tr("City or township")),
        OutputField("code", "string", tr("Code")),
        OutputField("name", "string", tr("Indicator")),
        OutputField("unit_lbl", "string", tr("Unit")),
        OutputField("value", "double", tr("Value")),
        OutputField("base", "double", tr("Base-year value")),
        OutputField("path", "double", tr("Path value")),
        OutputField("tgt_year", "int", tr("Target year")),
        OutputField("target", "double", tr("Target")),
        OutputField("lag_pct", "double", tr("Lag behind the path (%)")),
        OutputField("level", "string", tr("Level")),
    ]
    layer = memory_layer(tr("Indicators by year"), "None", None, fields)
    add_rows(
        layer,
        [
            (
                {
                    "year": r.year,
                    "unit": r.unit,
                    "code": r.code,
                    "name": r.name,
                    "unit_lbl": r.unit_label,
                    "value": round(r.value, 6),
                    "base": round(r.base_value, 6),
                    "path": round(r.path, 6),
                    "tgt_year": r.target_year,
                    "target": r.target,
                    "lag_pct": round(r.lag, 4) if r.lag != float("inf") else None,
                    "level": level_label(r.level),
                },
                None,
            )
            for r in result.trend
        ],
    )
    return layer


def problems_layer(result):
    fields = [
        OutputField("kind", "string", tr("Problem")),
        OutputField("year", "int", tr("Year")),
        OutputField("layer", "string", tr("Layer")),
        OutputField("feature", "string", tr("Feature")),
        OutputField("text", "string", tr("Description")),
    ]
    layer = memory_layer(tr("Input problems"), "None", None, fields)
    add_rows(
        layer,
        [
            ({"kind": p.kind, "year": p.year, "layer": p.layer, "feature": p.feature, "text": p.text}, None)
            for p in result.problems
        ],
    )
    return layer


def _union(geometries):
    from qgis.core import QgsGeometry

    return QgsGeometry.unaryUnion(geometries) if geometries else QgsGeometry()


def township_coverage(result):
    """The townships with the monitoring's figures since the base year (ha), for the township atlas
    page 规划实施监测预警图: each numeric field prints as a figure titled by its alias. Findings of
    several rules on the same ground count once (their union), 黄色预警 only where no 红色预警 is."""
    from qgis.core import QgsFeatureRequest

    fields = [
        OutputField("XZQMC", "string", tr("Township")),
        OutputField("nc_ha", "double", tr("New construction land")),
        OutputField("red_ha", "double", tr("Suspected violations, 红色预警")),
        OutputField("yel_ha", "double", tr("Suspected violations, 黄色预警 only")),
        OutputField("fb_ha", "double", tr("耕地 balance, net of 田坎")),
    ]
    layer = memory_layer(tr("Monitoring by township"), "MultiPolygon", result.params.area.crs, fields)
    request = QgsFeatureRequest().setDestinationCrs(result.params.area.crs, QgsProject.instance().transformContext())
    rows = []
    for feature in result.township_layer.getFeatures(request):
        name = str(feature["XZQMC"])
        found = [f for f in result.findings() if f.piece.township == name]
        pieces = [p for c in result.years for p in c.construction if p.township == name]
        balance = sum(p.net for c in result.years for p in c.farmland[GAINED] if p.township == name) - sum(
            p.net for c in result.years for p in c.farmland[LOST] if p.township == name
        )
        red = _union([f.geometry for f in found if f.rule.level == RED])
        yellow = _union([f.geometry for f in found if f.rule.level == YELLOW])
        yellow_only = yellow.difference(red) if not red.isEmpty() and not yellow.isEmpty() else yellow
        area = result.params.area.area
        rows.append(
            (
                {
                    "XZQMC": name,
                    "nc_ha": round(hectares(sum(p.area for p in pieces)), 4),
                    "red_ha": round(hectares(area(red) if not red.isEmpty() else 0.0), 4),
                    "yel_ha": round(hectares(area(yellow_only) if not yellow_only.isEmpty() else 0.0), 4),
                    "fb_ha": round(hectares(balance), 4),
                },
                feature.geometry(),
            )
        )
    add_rows(layer, rows)
    return layer


def result_layers(result) -> dict:
    refuse_canceled(result)
    return {
        FINDINGS: findings_layer(result),
        CONSTRUCTION: construction_layer(result),
        FARMLAND: farmland_layer(result),
        TOWNSHIP_TABLE: township_layer(result),
        INDICATOR_TABLE: indicator_layer(result),
        PROBLEMS: problems_layer(result),
    }
