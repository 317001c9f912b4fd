"""``within``: the site must lie inside the layer (城镇开发边界)."""

from ....i18n import tr
from ..results import COMPLIANT, CONFLICT, SLIVER, Piece
from .base import RuleRun, area_outcome
from .no_overlap import NoOverlapKind, outcome_row


class WithinKind(NoOverlapKind):
    """The part of the site outside the layer is its conflict, one piece per site."""

    name = "within"
    order = 20
    report_order = 1  # after the must-not-overlap table, a table per rule

    def judge(self, job: RuleRun) -> None:
        rule, overlay = job.rule, job.overlay
        outside = overlay.outside(job.checked)
        for i in job.checked:
            area, geometry = outside[i]
            outcome = area_outcome(rule, job.results[i], area, job.params)
            if outcome.status == COMPLIANT:
                continue
            site = job.results[i].site
            job.pieces.append(
                (
                    i,
                    job.number,
                    Piece(
                        site.site_id, rule.id, overlay.control.name, None, {}, geometry, area, outcome.status, site.key
                    ),
                )
            )

    def reason(self, outcome, tolerance):
        if outcome.status == CONFLICT:
            return tr("{area:.2f} m² outside {title}").format(title=outcome.rule.title, area=outcome.area)
        if outcome.status == SLIVER:
            return tr("sliver of {area:.4f} m² outside {title}, below the tolerance of {tol} m²").format(
                area=outcome.area, title=outcome.rule.title, tol=tolerance
            )
        return ""

    def test_text(self, rule):
        return tr("must lie within")

    def judged_text(self, outcome):
        return tr("partly outside: non-compliant") if outcome.status == CONFLICT else tr("inside")

    def report_tables(self, site_result, rule, basis, applies_text):
        """A table per must-lie-within rule (超出…面积)."""
        row = outcome_row(self, site_result, rule, basis, applies_text)
        if row is None:
            return []
        return [
            {
                "caption": tr("The site must lie within {title}").format(title=rule.title),
                "rows": [row],
                "result": True,
                "subject": tr("Control line"),
                "measure": tr("Area outside {title}").format(title=rule.title),
            }
        ]
