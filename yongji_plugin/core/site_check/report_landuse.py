"""The report's tables for the land-use rules: 规划用途符合性 per planned class, and 耕地 taken.

Both are shaped as the template's ``area_table`` (subject, measure, rows in m²/公顷/亩 and share of
the site), so they print like the other rule tables.
"""

from ...i18n import tr
from ..plan_data.landuse_codes import classification
from ..shared.areas import hectares, mu
from .farmland import FIGURES, figure_label
from .results import CONFLICT, REVIEW, SLIVER
from .use_compat import FITS
from .use_compat import REVIEW as NEEDS_REVIEW
from .use_fit import MISFIT, NO_PLAN, assessment_label, use_text

CSS = {FITS: "ok", NEEDS_REVIEW: "review", MISFIT: "bad", NO_PLAN: "na", "": "na"}
OUTCOME_CSS = {CONFLICT: "bad", REVIEW: "review"}


def _row(title: str, area: float, share: float, **extra) -> dict:
    return dict({"m2": f"{area:,.2f}", "ha": f"{hectares(area):,.4f}", "mu": f"{mu(area):,.2f}",
                 "title": title, "pct": f"{100 * share:.2f}%", "applicable": True}, **extra)


def use_fit_status(outcome) -> str:
    """The rule's result in words, for the rule tables and the summary."""
    if not outcome.applicable:
        return tr("not applicable: {note}").format(note=outcome.note) if outcome.note else tr("not applicable")
    fit = tr("{share:.2f}% of the site fits").format(share=100 * (outcome.fit_share or 0.0))
    words = {CONFLICT: tr("does not fit: non-compliant"), SLIVER: tr("sliver below the tolerance (not a conflict)"),
             REVIEW: tr("fits only after 论证 (demonstration)")}.get(outcome.status, tr("fits"))
    return f"{words}；{fit}"


def use_fit_table(site_result, rule, basis: str) -> dict:
    outcome = site_result.outcomes.get(rule.id)
    use = site_result.site.use or "—"
    if outcome is not None and outcome.applicable:
        code = classification().resolve(site_result.site.use)
        use = use_text(code) if code else use
    rows = [_row(f"{row['class_code']} {row['class_name']}".strip(), row["area"], row["share"],
                 status=assessment_label(row["assessment"]), css=CSS[row["assessment"]])
            for row in site_result.breakdown if row["rule_id"] == rule.id]
    if outcome is not None:
        css = OUTCOME_CSS.get(outcome.status, "ok") if outcome.applicable else "na"
        rows.append(dict(_row(tr("Result"), outcome.area, outcome.share), applicable=outcome.applicable,
                         status=use_fit_status(outcome), css=css, basis=basis))
    return {"caption": tr("{title}: project use {use} against the planned use").format(title=rule.title, use=use),
            "rows": rows, "result": True, "subject": tr("Planned class"), "measure": tr("Area")}


def farmland_table(site_result, rule, basis: str) -> dict:
    figures = site_result.farmland.get(rule.id, {})
    rows = [_row(figure_label(name), figures[name], figures[name] / site_result.area if site_result.area else 0.0)
            for name in FIGURES if figures.get(name) is not None]
    return {"caption": tr("{title}: 耕地 under the site, gross and net of 田坎").format(title=rule.title),
            "rows": rows, "result": False, "basis": basis, "subject": tr("耕地 (DLBM {codes})").format(
                codes="/".join(rule.class_codes)), "measure": tr("Area")}


def landuse_tables(site_result, ruleset, basis_text) -> list[dict]:
    """The use-fit and 耕地 tables of one site, in rule-set order."""
    tables = []
    for rule in ruleset.rules:
        if rule.kind == "use_fit":
            tables.append(use_fit_table(site_result, rule, basis_text(rule)))
        elif rule.kind == "farmland":
            tables.append(farmland_table(site_result, rule, basis_text(rule)))
    return tables


def summary_columns(ruleset) -> dict:
    """Which land-use columns the report's summary table has (the first rule of each kind)."""
    return {"use_fit": bool(ruleset.rules_of("use_fit")), "farmland": bool(ruleset.rules_of("farmland"))}


def _summary_fit(outcome) -> str:
    """The share that fits; a site needing 论证 says so with its share (it read "0.00%" in green)."""
    if not outcome.applicable:
        return tr("not applicable")
    if outcome.status == REVIEW:
        return tr("needs 论证 {share:.2f}%").format(share=100 * (outcome.review_share or 0.0))
    return f"{100 * (outcome.fit_share or 0.0):.2f}%"


def summary_landuse(site_result, ruleset) -> dict:
    """One site's use fit (share that fits, or 不适用) and net 耕地 in 亩, for the summary table."""
    values = {}
    use_rules, farm_rules = ruleset.rules_of("use_fit"), ruleset.rules_of("farmland")
    if use_rules:
        outcome = site_result.outcomes.get(use_rules[0].id)
        values["use_fit"] = "—" if outcome is None else _summary_fit(outcome)
        values["use_css"] = "na" if outcome is None or not outcome.applicable else OUTCOME_CSS.get(outcome.status, "ok")
    if farm_rules:
        net = site_result.farmland.get(farm_rules[0].id, {}).get("net")
        values["farmland_net"] = "—" if net is None else f"{mu(net):,.2f}"
    return values
