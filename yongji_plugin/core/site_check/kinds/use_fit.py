"""``use_fit`` (规划用途符合性): the project's use against the planned use under the site.

The judging is in ``core/site_check/use_fit.py`` (with the compatibility table, ``use_compat.py``);
this class says what the kind is to the rule set, the outputs and the report.
"""

from ....i18n import tr
from ....paths import resource
from ...plan_data.landuse_codes import classification
from ...shared.output_fields import OutputField, percent
from ..results import CONFLICT, REVIEW, SLIVER
from ..site_input import USE_FIELDS
from ..use_compat import FITS
from ..use_compat import REVIEW as NEEDS_REVIEW
from ..use_fit import MISFIT, NO_PLAN, assessment_label, judge_use_fit, use_text
from .base import (
    COMMON_KEYS,
    VERDICT_KEYS,
    Key,
    RuleKind,
    RuleRun,
    SummaryColumn,
    applies_to_problems,
    area_row,
    is_text,
)

CSS = {FITS: "ok", NEEDS_REVIEW: "review", MISFIT: "bad", NO_PLAN: "na", "": "na"}
OUTCOME_CSS = {CONFLICT: "bad", REVIEW: "review"}


class UseFitKind(RuleKind):
    """Per site the planned classes under it, each judged against the project's use; the part
    that does not fit is the conflict, a part that fits only after 论证 asks for review."""

    name = "use_fit"
    order = 40
    keys = {
        **COMMON_KEYS,
        **VERDICT_KEYS,
        "class_field": Key("text", True),  # the planned use's 用地用海 code (YDYHDM)
        "use_table": Key("text"),
    }  # compatibility table under resources/ (use_compatibility.yaml)
    report_order = 2

    def problems(self, raw, catalogue):
        table = raw.get("use_table")
        if is_text(table) and not resource(table).is_file():
            return [("use_table", tr("use_table {table} is not a file under resources/").format(table=table))]
        return applies_to_problems(raw)

    def warnings(self, rules, run, site_layer):
        if not rules or run.use_fields:
            return []
        fields = [run.params.use_field] if run.params.use_field else USE_FIELDS
        return [
            tr("Site layer {layer} has no use field ({fields}): {titles} is not applicable to its sites").format(
                layer=site_layer, fields=", ".join(fields), titles="、".join(r.title for r in rules)
            )
        ]

    def judge(self, job: RuleRun) -> None:
        judge_use_fit(
            job.rule,
            job.overlay,
            job.results,
            job.checked,
            job.params,
            job.pieces,
            job.number,
            bool(job.run.use_fields),
        )

    # the output layers: the project's use and the share that fits, after the rule's status

    def summary_fields(self, rule, prefix):
        return [
            OutputField(prefix + "use", "string", tr("{rule}: project use").format(rule=rule.title)),
            OutputField(
                prefix + "fit",
                "double",
                tr("{rule}: share of the site whose planned use fits (%)").format(rule=rule.title),
            ),
        ]

    def summary_values(self, rule, prefix, site, outcome):
        code = classification().resolve(site.use) if site.use else None
        return {
            prefix + "use": use_text(code) if code else (site.use or ""),
            prefix + "fit": percent(outcome.fit_share) if outcome.fit_share is not None else None,
        }

    # the report

    def test_text(self, rule):
        return tr("the planned use under the site must fit the project's use (compatibility table {table})").format(
            table=rule.use_table
        )

    def report_tables(self, site_result, rule, basis, applies_text):
        """Its own table: the planned classes under the site, each with its fit, and the result."""
        outcome = site_result.outcomes.get(rule.id)
        use = site_result.site.use or "—"
        if outcome is not None and outcome.applicable:
            code = classification().resolve(site_result.site.use)
            use = use_text(code) if code else use
        rows = [
            area_row(
                f"{row['class_code']} {row['class_name']}".strip(),
                row["area"],
                row["share"],
                applicable=True,
                status=assessment_label(row["assessment"]),
                css=CSS[row["assessment"]],
            )
            for row in site_result.breakdown
            if row["rule_id"] == rule.id
        ]
        if outcome is not None:
            css = OUTCOME_CSS.get(outcome.status, "ok") if outcome.applicable else "na"
            rows.append(
                area_row(
                    tr("Result"),
                    outcome.area,
                    outcome.share,
                    applicable=outcome.applicable,
                    status=use_fit_status(outcome),
                    css=css,
                    basis=basis,
                )
            )
        return [
            {
                "caption": tr("{title}: project use {use} against the planned use").format(title=rule.title, use=use),
                "rows": rows,
                "result": True,
                "subject": tr("Planned class"),
                "measure": tr("Area"),
            }
        ]

    @property
    def summary_column(self):
        return SummaryColumn(tr("Use fit"), "8%")

    def summary_cell(self, site_result, rule):
        """The share that fits; a site needing 论证 says so with its share (it read "0.00%" in green)."""
        outcome = site_result.outcomes.get(rule.id)
        if outcome is None:
            return {"text": "—", "css": "na"}
        css = OUTCOME_CSS.get(outcome.status, "ok") if outcome.applicable else "na"
        if not outcome.applicable:
            return {"text": tr("not applicable"), "css": css}
        if outcome.status == REVIEW:
            return {"text": tr("needs 论证 {share:.2f}%").format(share=100 * (outcome.review_share or 0.0)), "css": css}
        return {"text": f"{100 * (outcome.fit_share or 0.0):.2f}%", "css": css}


def use_fit_status(outcome) -> str:
    """The rule's result in words, for its table."""
    if not outcome.applicable:
        return tr("not applicable: {note}").format(note=outcome.note) if outcome.note else tr("not applicable")
    fit = tr("{share:.2f}% of the site fits").format(share=100 * (outcome.fit_share or 0.0))
    words = {
        CONFLICT: tr("does not fit: non-compliant"),
        SLIVER: tr("sliver below the tolerance (not a conflict)"),
        REVIEW: tr("fits only after 论证 (demonstration)"),
    }.get(outcome.status, tr("fits"))
    return f"{words}；{fit}"
