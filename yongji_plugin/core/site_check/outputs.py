"""The check's results as new layers: site summary, conflict pieces, land-class breakdown, repairs.

Built as columns (``shared.output_table``): a GeoPackage takes them in bulk, a memory layer or a
Processing sink gets features (:func:`result_layers`); the writer reads every row back. Fields
come from core/shared/output_fields: ASCII names that fit a Shapefile and never shadow a
provider's key, translated titles as aliases, figures rounded as a reviewer reads
them. Per-rule fields of the summary are numbered by the rule's place in the rule set
(``r1_m2`` … ``r1_status``); their aliases carry the rule's title. What a kind of rule adds to the
summary (use_fit's project use, farmland's figures) its class says (``kinds/``).
"""

from types import SimpleNamespace

from qgis.core import (
    QgsVectorLayer,
)

from ...i18n import tr
from ..plan_data.catalogue import default_catalogue
from ..shared.cancel import checked_rows, checkpoint, refuse_canceled
from ..shared.geopackage_writer import write_geopackage  # noqa: F401 - callers import it from here too
from ..shared.geos_reasons import geos_reason
from ..shared.output_fields import OutputField, area_columns, area_fields, area_values, percent
from ..shared.output_table import OutputTable
from .check import CheckResult, verdict_label
from .results import Piece
from .use_fit import assessment_label

SUMMARY, CONFLICTS, BREAKDOWN, REPAIRS = "site_summary", "conflicts", "landclass_breakdown", "repairs"


def _site_fields() -> list[OutputField]:
    # site_fid: the site's feature id (Site.key), unique where site ids repeat or are missing
    return [OutputField("site_id", "string", tr("Site id")), OutputField("site_fid", "long", tr("Site feature id"))]


def rule_prefix(number: int) -> str:
    """The summary's field prefix for the rule at 1-based ``number`` of the rule set's verdict rules."""
    return f"r{number}_"


def summary_specs(result: CheckResult) -> list[OutputField]:
    specs = _site_fields() + [
        OutputField("site_name", "string", tr("Site name")),
        OutputField("site_type", "string", tr("Site type")),
    ]
    specs += area_fields("area_")
    for number, rule in enumerate(result.ruleset.verdict_rules, 1):
        prefix = rule_prefix(number)
        specs += area_fields(prefix, tr("{rule}: conflict area").format(rule=rule.title))
        specs += [
            OutputField(prefix + "pct", "double", tr("{rule}: conflict share of the site (%)").format(rule=rule.title)),
            OutputField(prefix + "status", "string", tr("{rule}: status").format(rule=rule.title)),
        ]
        specs += rule.rule_kind.summary_fields(rule, prefix)
    for rule, number in result.ruleset.numbered_by_kind():
        specs += rule.rule_kind.figure_fields(rule, number)
    return specs + [OutputField("verdict", "string", tr("Verdict")), OutputField("reasons", "string", tr("Reasons"))]


def conflict_specs() -> list[OutputField]:
    return (
        _site_fields()
        + [
            OutputField("rule_id", "string", tr("Rule id")),
            OutputField("rule", "string", tr("Rule")),
            OutputField("status", "string", tr("Status")),
            OutputField("layer", "string", tr("Control layer")),
            OutputField("ctrl_fid", "long", tr("Control feature id")),
            OutputField("ctrl_attrs", "string", tr("Control feature attributes")),
        ]
        + area_fields("area_")
    )


def breakdown_specs() -> list[OutputField]:
    return (
        _site_fields()
        + [
            OutputField("rule_id", "string", tr("Rule id")),
            OutputField("rule", "string", tr("Rule")),
            OutputField("class_code", "string", tr("Class code")),
            OutputField("class_name", "string", tr("Class name")),
        ]
        + area_fields("area_")
        + [
            OutputField("share_pct", "double", tr("Share of the site (%)")),
            OutputField("assessment", "string", tr("Assessment")),
        ]
    )


def repair_specs() -> list[OutputField]:
    return [
        OutputField("layer", "string", tr("Layer")),
        OutputField("feature", "string", tr("Feature")),
        OutputField("problem", "string", tr("Problem")),
        OutputField("geos_text", "string", tr("GEOS message")),
    ]


def status_label(status: str, applicable: bool = True) -> str:
    if not applicable:
        return tr("not applicable")
    return {"compliant": tr("clear"), "conflict": tr("conflict"), "sliver": tr("sliver"), "review": tr("needs 论证")}[
        status
    ]


def summary_table(result: CheckResult) -> OutputTable:
    refuse_canceled(result)
    numbers = {rule.id: n for n, rule in enumerate(result.ruleset.verdict_rules, 1)}
    rows = []
    for site_result in checked_rows(result.sites):  # building 10,000 rows takes seconds
        site = site_result.site
        values = {
            "site_id": site.site_id,
            "site_fid": site.key,
            "site_name": site.name,
            "site_type": site.site_type,
            "verdict": verdict_label(site_result.verdict),
            "reasons": "；".join(site_result.reasons),
        }
        values.update(area_values("area_", site_result.area))
        for rule_id, outcome in site_result.outcomes.items():
            prefix = rule_prefix(numbers[rule_id])
            values.update(area_values(prefix, outcome.area))
            values[prefix + "pct"] = percent(outcome.share)
            values[prefix + "status"] = status_label(outcome.status, outcome.applicable) + (
                tr(": {note}").format(note=outcome.note) if outcome.note else ""
            )
            values.update(outcome.rule.rule_kind.summary_values(outcome.rule, prefix, site, outcome))
        for rule, number in result.ruleset.numbered_by_kind():
            values.update(rule.rule_kind.figure_values(rule, number, site_result))
        rows.append((values, None if site.geometry.isEmpty() else site.geometry))
    crs = result.params.area.crs.authid()
    return OutputTable.from_rows(tr("Site compliance summary"), "MultiPolygon", crs, summary_specs(result), rows)


def conflict_table(result: CheckResult) -> OutputTable:
    """Every conflict piece, column by column: the geometries as WKB straight from the engine."""
    refuse_canceled(result)
    pieces = result.pieces
    titles = {r.id: r.title for r in result.ruleset.rules}
    labels = {status: status_label(status) for status in {p.status for p in pieces}}
    columns = {
        "site_id": [p.site_id for p in pieces],
        "site_fid": [p.site_key for p in pieces],
        "rule_id": [p.rule_id for p in pieces],
        "rule": [titles[p.rule_id] for p in pieces],
        "status": [labels[p.status] for p in pieces],
        "layer": [p.layer for p in pieces],
        "ctrl_fid": [p.control_fid for p in pieces],
    }
    checkpoint()  # each column of 300,000 pieces takes a fraction of a second: a cancel between them
    columns["ctrl_attrs"] = ["; ".join(f"{k}={v}" for k, v in p.attributes.items()) for p in pieces]
    checkpoint()
    columns.update(area_columns("area_", [p.area for p in pieces]))
    crs = result.params.area.crs.authid()
    wkb, boxes = Piece.files(pieces)
    checkpoint()
    return OutputTable(tr("Conflict pieces"), "MultiPolygon", crs, conflict_specs(), columns, wkb, boxes)


def class_names(result: CheckResult) -> dict[str, dict[str, str]]:
    """Per rule, the names of the class codes its breakdown rows carry without one (its kind's)."""
    catalogue = default_catalogue()
    return {r.id: r.rule_kind.class_names(r, catalogue) for r in result.ruleset.rules}


def breakdown_rows(result: CheckResult):
    refuse_canceled(result)
    names = class_names(result)
    titles = {r.id: r.title for r in result.ruleset.rules}
    for site_result in checked_rows(result.sites):
        for row in site_result.breakdown:
            values = {
                "site_id": site_result.site.site_id,
                "site_fid": site_result.site.key,
                "rule_id": row["rule_id"],
                "rule": titles[row["rule_id"]],
                "class_code": row["class_code"],
                "class_name": row.get("class_name")
                or names.get(row["rule_id"], {}).get(row["class_code"], row["class_code"]),
                "share_pct": percent(row["share"]),
                "assessment": assessment_label(row["assessment"]) if row.get("assessment") else "",
            }
            values.update(area_values("area_", row["area"]))
            yield values


def breakdown_table(result: CheckResult) -> OutputTable:
    rows = [(values, None) for values in breakdown_rows(result)]
    return OutputTable.from_rows(tr("Land-class breakdown"), "None", None, breakdown_specs(), rows)


def translated_repairs(result: CheckResult) -> list:
    """The repairs as reports list them: the problem in the user's language, GEOS's words kept."""
    return [
        SimpleNamespace(layer=r.layer, feature=r.feature, problem=geos_reason(r.problem), geos_text=r.problem)
        for r in result.repairs
    ]


def repair_table(result: CheckResult) -> OutputTable:
    refuse_canceled(result)
    rows = [(vars(r), None) for r in translated_repairs(result)]
    return OutputTable.from_rows(tr("Repaired geometries"), "None", None, repair_specs(), rows)


def result_tables(result: CheckResult) -> dict[str, OutputTable]:
    """The four results as the job hands them to its destination."""
    return {
        SUMMARY: summary_table(result),
        CONFLICTS: conflict_table(result),
        BREAKDOWN: breakdown_table(result),
        REPAIRS: repair_table(result),
    }


def result_layers(result: CheckResult) -> dict[str, QgsVectorLayer]:
    """The four results as memory layers."""
    return {name: table.memory_layer() for name, table in result_tables(result).items()}
