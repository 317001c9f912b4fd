"""``overlap_cap``: the site may overlap the layer by at most ``max_m2`` m².

An example kind, not part of the product: ``tests/test_rule_kinds.py`` places this one module in
the kinds folder's path as a new kind's module would lie in ``yongji_plugin/core/site_check/kinds/``
and runs a check, its outputs, styles and report with it, no other module changed. It is written
exactly as a kind of the plugin is (relative imports, ``tr()``), so it doubles as a template.
"""

from ....i18n import tr
from ...shared.output_fields import OutputField
from ..results import COMPLIANT, CONFLICT, Piece, RuleOutcome
from .base import COMMON_KEYS, VERDICT_KEYS, Key, RuleKind, RuleRun, SummaryColumn, applies_to_problems, area_row


class OverlapCapKind(RuleKind):
    """The area a site shares with the layer (counted once) may reach ``max_m2``; above it (by
    the tolerance or more) the rule is in conflict and the site's pieces on the layer are kept."""

    name = "overlap_cap"
    order = 60
    keys = {**COMMON_KEYS, **VERDICT_KEYS, "max_m2": Key("count", True)}  # rule.settings["max_m2"]
    draws_control = True
    report_order = 3

    def problems(self, raw, catalogue):
        return applies_to_problems(raw)

    def judge(self, job: RuleRun) -> None:
        rule, overlay, cap = job.rule, job.overlay, job.rule.settings["max_m2"]
        covered, by_site = overlay.covered_areas(), overlay.pairs_by_site()
        for i in job.checked:
            result = job.results[i]
            outcome = RuleOutcome(rule, area=covered[i], applicable=rule.applies(result.site.site_type))
            outcome.share = covered[i] / result.area if result.area else 0.0
            over = outcome.applicable and covered[i] - cap >= job.params.tolerance
            outcome.status = CONFLICT if over else COMPLIANT
            result.outcomes[rule.id] = outcome
            if over:
                pairs = by_site.get(i, [])
                for pair, geometry in zip(pairs, overlay.pieces(pairs)):
                    job.pieces.append(
                        (
                            i,
                            job.number,
                            Piece(
                                result.site.site_id,
                                rule.id,
                                overlay.control.name,
                                overlay.pair_fids[pair],
                                {},
                                geometry,
                                overlay.pair_areas[pair],
                                CONFLICT,
                                result.site.key,
                            ),
                        )
                    )

    def reason(self, outcome, tolerance):
        if outcome.status != CONFLICT:
            return ""
        return tr("{area:.2f} m² on {title}, more than the {cap} m² allowed").format(
            area=outcome.area, title=outcome.rule.title, cap=outcome.rule.settings["max_m2"]
        )

    def summary_fields(self, rule, prefix):
        return [OutputField(prefix + "cap", "double", tr("{rule}: area allowed (m²)").format(rule=rule.title))]

    def summary_values(self, rule, prefix, site, outcome):
        return {prefix + "cap": float(rule.settings["max_m2"])}

    def test_text(self, rule):
        return tr("may overlap by at most {cap} m²").format(cap=rule.settings["max_m2"])

    def judged_text(self, outcome):
        return tr("over the cap: non-compliant") if outcome.status == CONFLICT else tr("within the cap")

    def report_tables(self, site_result, rule, basis, applies_text):
        outcome = site_result.outcomes.get(rule.id)
        if outcome is None:
            return []
        row = area_row(
            rule.title,
            outcome.area,
            outcome.share,
            applicable=outcome.applicable,
            status=self.status_text(outcome, applies_text),
            css="bad" if outcome.status == CONFLICT else "ok",
            basis=basis,
        )
        return [
            {
                "caption": tr("The site may overlap {title} by {cap} m²").format(
                    title=rule.title, cap=rule.settings["max_m2"]
                ),
                "rows": [row],
                "result": True,
                "subject": tr("Control line"),
                "measure": tr("Overlap area"),
            }
        ]

    summary_column = SummaryColumn("Headroom", "9%", "m²")

    def summary_cell(self, site_result, rule):
        outcome = site_result.outcomes.get(rule.id)
        if outcome is None or not outcome.applicable:
            return {"text": "—", "css": "na"}
        headroom = rule.settings["max_m2"] - outcome.area
        return {"text": f"{headroom:,.2f}", "css": "ok" if headroom >= 0 else "bad"}

    def conflict_look(self, rule_id):
        return dict(super().conflict_look(rule_id), stroke="#0000ff")
