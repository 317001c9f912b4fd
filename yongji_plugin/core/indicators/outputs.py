"""规划指标 results as layers: every judgement in one table, and the townships coloured 达标 / 未达标.

The table keeps the three checks apart in its ``check`` column (指标符合性, 图数一致性, 分解一致性)
and says what each figure is (``val_label``, ``ref_label``); statuses are stored translated, as
the reviewer reads them. Figures are rounded to 4 places in the indicator's unit.
"""

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsCoordinateTransform,
    QgsProject,
    QgsRendererCategory,
    QgsVectorLayer,
)

from ...i18n import tr
from ..plan_data.styles import colours, label_settings, symbol_for
from ..shared.cancel import refuse_canceled
from ..shared.output_fields import OutputField, add_rows, memory_layer
from .check import BREAKDOWN, COMPLIANCE, CONSISTENCY, Finding, IndicatorResult
from .definitions import AT_LEAST, BINDING, EXPECTED

PLACES = 4


def check_label(kind: str) -> str:
    return {
        COMPLIANCE: tr("Indicator compliance"),
        CONSISTENCY: tr("Map–table consistency"),
        BREAKDOWN: tr("Breakdown consistency"),
    }[kind]


def status_label(finding: Finding) -> str:
    if finding.kind == COMPLIANCE:
        return tr("achieved") if finding.ok else tr("short of target")
    return tr("consistent") if finding.ok else tr("inconsistent")


def kind_label(kind: str) -> str:
    return tr("binding") if kind == BINDING else tr("expected")


def direction_label(direction: str) -> str:
    return tr("not below") if direction == AT_LEAST else tr("not above")


def township_status_label(achieved) -> str:
    return {True: tr("achieved"), False: tr("short of target"), None: tr("no target")}[achieved]


def finding_specs() -> list[OutputField]:
    return [
        OutputField("check", "string", tr("Check")),
        OutputField("year", "int", tr("Year")),
        OutputField("XZQMC", "string", tr("City or township")),
        OutputField("level", "string", tr("Level")),
        OutputField("code", "string", tr("Code")),
        OutputField("subject", "string", tr("Indicator or relation")),
        OutputField("kind", "string", tr("Binding or expected")),
        OutputField("unit", "string", tr("Unit")),
        OutputField("value", "double", tr("Value")),
        OutputField("val_label", "string", tr("Value is")),
        OutputField("relation", "string", tr("Relation")),
        OutputField("target", "double", tr("Reference")),
        OutputField("ref_label", "string", tr("Reference is")),
        OutputField("gap", "double", tr("Margin")),
        OutputField("status", "string", tr("Status")),
    ]


def findings_layer(result: IndicatorResult) -> QgsVectorLayer:
    """Every judgement of the run, both years, in check order: a table (no geometry)."""
    refuse_canceled(result)
    layer = memory_layer(tr("Plan indicators"), "None", None, finding_specs())
    order = {COMPLIANCE: 0, CONSISTENCY: 1, BREAKDOWN: 2}
    findings = sorted(result.findings, key=lambda f: (order[f.kind], f.year))
    add_rows(
        layer,
        [
            (
                {
                    "check": check_label(f.kind),
                    "year": f.year,
                    "XZQMC": f.unit,
                    "level": tr("city") if f.is_city else tr("township"),
                    "code": f.code,
                    "subject": f.subject,
                    "kind": "" if f.kind == CONSISTENCY else kind_label(BINDING if f.binding else EXPECTED),
                    "unit": f.unit_label,
                    "value": round(f.value, PLACES),
                    "val_label": f.value_label,
                    "relation": direction_label(f.direction),
                    "target": round(f.reference, PLACES),
                    "ref_label": f.reference_label,
                    "gap": round(f.gap, PLACES),
                    "status": status_label(f),
                },
                None,
            )
            for f in findings
        ],
    )
    return layer


def township_specs(result: IndicatorResult) -> list[OutputField]:
    specs = [
        OutputField("XZQMC", "string", tr("Township")),
        OutputField("year", "int", tr("Year")),
        OutputField("status", "string", tr("Status")),
        OutputField("n_targets", "int", tr("Targets handed down")),
        OutputField("n_short", "int", tr("Binding targets missed")),
        OutputField("n_exp_shrt", "int", tr("Expected targets missed")),
    ]
    for indicator in result.file.indicators:
        specs.append(OutputField(indicator.code, "double", f"{indicator.name} ({indicator.unit_label})"))
        specs.append(OutputField(f"{indicator.code}_st", "string", tr("{name}: status").format(name=indicator.name)))
    return specs


def township_layer(result: IndicatorResult, townships: QgsVectorLayer, year: int) -> QgsVectorLayer:
    """Each township with its status for ``year``, its measured values and each indicator's status."""
    refuse_canceled(result)
    crs = result.area_method.crs
    layer = memory_layer(
        tr("Indicator status of the townships {year}").format(year=year), "MultiPolygon", crs, township_specs(result)
    )
    judged = {(f.unit, f.code): f for f in result.of_kind(COMPLIANCE, year)}
    transform = QgsCoordinateTransform(townships.crs(), crs, QgsProject.instance())
    rows = []
    for name, fid in zip(result.townships, result.township_fids):
        status = result.status(name, year)
        values = {
            "XZQMC": name,
            "year": year,
            "status": township_status_label(status.achieved),
            "n_targets": status.judged,
            "n_short": status.binding_short,
            "n_exp_shrt": status.expected_short,
        }
        for indicator in result.file.indicators:
            values[indicator.code] = round(result.value(indicator.code, name), PLACES)
            finding = judged.get((name, indicator.code))
            values[f"{indicator.code}_st"] = status_label(finding) if finding else tr("no target")
        geometry = townships.getFeature(fid).geometry()
        geometry.transform(transform)
        geometry.convertToMultiType()
        rows.append((values, geometry))
    add_rows(layer, rows)
    style_township_layer(layer)
    return layer


def status_renderer() -> QgsCategorizedSymbolRenderer:
    looks = colours()["indicator_status"]["map"]
    return QgsCategorizedSymbolRenderer(
        "status",
        [
            QgsRendererCategory(
                township_status_label(key), symbol_for("polygon", looks[look]), township_status_label(key)
            )
            for key, look in ((True, "achieved"), (False, "short"), (None, "none"))
        ],
    )


def style_township_layer(layer: QgsVectorLayer) -> None:
    layer.setRenderer(status_renderer())
    layer.setLabeling(label_settings("XZQMC", layer=layer))
    layer.setLabelsEnabled(True)
    layer.triggerRepaint()
