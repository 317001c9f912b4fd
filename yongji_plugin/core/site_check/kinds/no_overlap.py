"""``no_overlap``: the site must not overlap the layer (生态保护红线, 永久基本农田, 自然保护地 …)."""

from ....i18n import tr
from ..results import COMPLIANT, CONFLICT, SLIVER, Piece
from .base import COMMON_KEYS, VERDICT_KEYS, RuleKind, RuleRun, applies_to_problems, area_outcome, area_row


class NoOverlapKind(RuleKind):
    """The area a site shares with the layer (overlaps among control features counted once) is
    its conflict; every piece of a site in conflict (or with a sliver) is kept, with the control
    feature's key attributes."""

    name = "no_overlap"
    order = 10
    keys = {**COMMON_KEYS, **VERDICT_KEYS}
    draws_control = True

    def problems(self, raw, catalogue):
        return applies_to_problems(raw)

    def judge(self, job: RuleRun) -> None:
        rule, overlay, results = job.rule, job.overlay, job.results
        covered = overlay.covered_areas()
        by_site = overlay.pairs_by_site()
        flagged = {}
        for i in job.checked:
            outcome = area_outcome(rule, results[i], covered[i], job.params)
            if outcome.status != COMPLIANT:
                flagged[i] = outcome.status
        # geometries and attributes built when first read (the list of pairs is not kept: a
        # province's batch has millions)
        source = overlay.detach([pair for i in flagged for pair in by_site.get(i, [])])
        name, fids, areas = overlay.control.name, overlay.pair_fids, overlay.pair_areas
        position = 0
        for i, status in flagged.items():
            site_id, key = results[i].site.site_id, results[i].site.key
            for pair in by_site.get(i, []):
                job.pieces.append(
                    (
                        i,
                        job.number,
                        Piece(
                            site_id, rule.id, name, fids[pair], None, None, areas[pair], status, key, source, position
                        ),
                    )
                )
                position += 1

    def reason(self, outcome, tolerance):
        if outcome.status == CONFLICT:
            return tr("overlaps {title} by {area:.2f} m²").format(title=outcome.rule.title, area=outcome.area)
        if outcome.status == SLIVER:
            return tr("sliver of {area:.4f} m² on {title}, below the tolerance of {tol} m²").format(
                area=outcome.area, title=outcome.rule.title, tol=tolerance
            )
        return ""

    def test_text(self, rule):
        return tr("must not overlap")

    def judged_text(self, outcome):
        return tr("overlaps: non-compliant") if outcome.status == CONFLICT else tr("no overlap")

    def report_tables(self, site_result, rule, basis, applies_text):
        """One table for every must-not-overlap rule (压占面积)."""
        row = outcome_row(self, site_result, rule, basis, applies_text)
        if row is None:
            return []
        return [
            {
                "caption": tr("Control lines the site must not overlap"),
                "rows": [row],
                "result": True,
                "subject": tr("Control line"),
                "measure": tr("Overlap area"),
                "merge": self.name,
            }
        ]


def outcome_row(kind: RuleKind, site_result, rule, basis: str, applies_text: str):
    """The rule-table row of an area rule's outcome (None where the site has none: not checked)."""
    outcome = site_result.outcomes.get(rule.id)
    if outcome is None:
        return None
    css = "bad" if outcome.status == CONFLICT and outcome.applicable else ("na" if not outcome.applicable else "ok")
    return area_row(
        rule.title,
        outcome.area,
        outcome.share,
        applicable=outcome.applicable,
        status=kind.status_text(outcome, applies_text),
        css=css,
        basis=basis,
    )
