"""规划用途符合性 (rule kind ``use_fit``): the project's use against the planned use under the site.

Per site: the area on each planned class (中心城区规划用地, 用地用海 codes), each judged by the
compatibility table (use_compat.py) as fitting, needing 论证 or not fitting; the share that fits;
the part under no planned class. The area that does not fit is the rule's conflict area (a
sliver below the tolerance, as for the other rules); where the rest fits only after 论证 the rule
says so (status ``review``) without making the site non-compliant. The rule does not apply, with
a note saying why, to a site whose use is unknown: no use field, an empty or unknown use, a use
the table has no entry for, or no planned class under the site.
"""

from typing import Optional

from ...i18n import tr
from ..plan_data.catalogue import default_catalogue
from ..plan_data.landuse_codes import classification
from .results import COMPLIANT, CONFLICT, REVIEW, SLIVER, Piece, RuleOutcome
from .site_input import USE_FIELDS
from .use_compat import FITS, MISFIT, load_table
from .use_compat import REVIEW as NEEDS_REVIEW

NO_PLAN = "none"  # the part of a site under no planned class


def assessment_label(assessment: str) -> str:
    return {
        FITS: tr("fits"),
        NEEDS_REVIEW: tr("needs 论证 (demonstration)"),
        MISFIT: tr("does not fit"),
        NO_PLAN: tr("no planned use"),
        "": tr("not judged"),
    }[assessment]


def use_text(code: str) -> str:
    return f"{code} {classification().name(code)}".strip()


def _use_key(rule, site, has_field: bool, table):
    """(table key, resolved code) for the site's use, or (None, note saying why not)."""
    if not has_field:
        return None, tr(
            "the site layer has no use field ({fields}); give the project's use to judge 规划用途符合性"
        ).format(fields=", ".join(USE_FIELDS))
    if site.use is None:
        return None, tr("the site has no use (the use field is empty)")
    code = classification().resolve(site.use)
    if code is None:
        return None, tr("use {use} is not a 用地用海分类 code or class name").format(use=site.use)
    key = table.entry(code)
    if key is None:
        return None, tr("use {use} has no entry in the compatibility table {table}").format(
            use=use_text(code), table=table.name
        )
    return key, code


def judge_use_fit(rule, overlay, results, checked, params, pieces, number, has_field: bool) -> None:
    """Outcomes, per-class breakdown rows and the pieces that do not fit, for every checked site."""
    table = load_table(rule.use_table)
    values = overlay.attributes(overlay.pair_fids)
    planned = [str(values[fid].get(rule.class_field) or "").strip() for fid in overlay.pair_fids]
    covered = overlay.covered_areas()
    by_site = overlay.pairs_by_site()
    class_areas = overlay.union_areas([(s, code) for s, code in zip(overlay.pair_sites, planned)])
    keys = {i: _use_key(rule, results[i].site, has_field, table) for i in checked}
    verdicts = [
        table.assess(keys[s][0], code) if keys.get(s, (None,))[0] else None
        for s, code in zip(overlay.pair_sites, planned)
    ]
    judged = overlay.union_areas([(s, v) if v else None for s, v in zip(overlay.pair_sites, verdicts)])
    misfits = {}
    for i in checked:
        result = results[i]
        _class_rows(rule, result, i, by_site.get(i, []), planned, verdicts, class_areas, covered[i])
        outcome = _outcome(rule, result, keys[i], covered[i], judged, i, params)
        if outcome.status in (CONFLICT, SLIVER):
            misfits[i] = outcome.status
    _pieces(rule, overlay, results, misfits, by_site, verdicts, pieces, number)


def _class_rows(rule, result, i, pairs, planned, verdicts, class_areas, covered) -> None:
    seen: dict[str, str] = {}
    for pair in pairs:
        seen.setdefault(planned[pair], verdicts[pair] or "")
    rows = [(code, class_areas[(i, code)], assessment) for code, assessment in sorted(seen.items())]
    outside = result.area - covered
    if outside > 0.005:  # below half a square centimetre: GEOS noise, not a part of the site
        rows.append(("", outside, NO_PLAN))
    for code, area, assessment in rows:
        result.breakdown.append(
            {
                "rule_id": rule.id,
                "class_code": code,
                "area": area,
                "class_name": classification().name(code) if code else tr("(no planned class)"),
                "share": area / result.area if result.area else 0.0,
                "assessment": assessment,
            }
        )


def _outcome(rule, result, key, covered, judged, i, params) -> RuleOutcome:
    outcome = RuleOutcome(rule, applicable=rule.applies(result.site.site_type))
    result.outcomes[rule.id] = outcome
    use_key, code = key
    if outcome.applicable and use_key is None:
        outcome.applicable, outcome.note = False, code
    elif outcome.applicable and covered <= 0.0:
        outcome.applicable = False
        outcome.note = tr("no planned land use under the site (it lies outside {layer})").format(
            layer=_layer_name(rule.layer)
        )
    if not outcome.applicable:
        return outcome
    area, review = judged.get((i, MISFIT), 0.0), judged.get((i, NEEDS_REVIEW), 0.0)
    outcome.area = area
    outcome.share = area / result.area if result.area else 0.0
    outcome.fit_share = judged.get((i, FITS), 0.0) / result.area if result.area else 0.0
    outcome.review_share = review / result.area if result.area else 0.0
    outcome.status = _status(area, review, params.tolerance)
    outcome.reason = _reason(rule, outcome, code, area, review, params.tolerance)
    return outcome


def _layer_name(code: str) -> str:
    try:
        return f"{default_catalogue().layer(code).name} ({code})"
    except KeyError:
        return code


def _status(misfit: float, review: float, tolerance: float) -> str:
    if misfit >= tolerance:
        return CONFLICT
    if misfit > 0.0:
        return SLIVER
    return REVIEW if review >= tolerance else COMPLIANT


def _reason(rule, outcome, code, misfit, review, tolerance) -> str:
    use = use_text(code)
    if outcome.status == CONFLICT:
        return tr("{area:.2f} m² planned for a use that {use} does not fit ({title})").format(
            area=misfit, use=use, title=rule.title
        )
    if outcome.status == SLIVER:
        return tr(
            "sliver of {area:.4f} m² planned for a use that {use} does not fit, below the tolerance of {tol} m²"
        ).format(area=misfit, use=use, tol=tolerance)
    if outcome.status == REVIEW:
        return tr("{area:.2f} m² planned for a use that admits {use} only after 论证 ({title})").format(
            area=review, use=use, title=rule.title
        )
    return ""


def _pieces(rule, overlay, results, misfits, by_site, verdicts, pieces, number) -> None:
    """The parts of a site on planned classes its use does not fit, as conflict pieces."""
    wanted = [(i, pair) for i in misfits for pair in by_site.get(i, []) if verdicts[pair] == MISFIT]
    source = overlay.detach([pair for _, pair in wanted])
    for position, (i, pair) in enumerate(wanted):
        site = results[i].site
        pieces.append(
            (
                i,
                number,
                Piece(
                    site.site_id,
                    rule.id,
                    overlay.control.name,
                    overlay.pair_fids[pair],
                    None,
                    None,
                    overlay.pair_areas[pair],
                    misfits[i],
                    site.key,
                    source,
                    position,
                ),
            )
        )


def fit_rows(result, rule_id: str) -> list[dict]:
    """The use-fit rows of a site's breakdown."""
    return [row for row in result.breakdown if row["rule_id"] == rule_id]


def fit_share(outcome) -> Optional[float]:
    return outcome.fit_share if outcome is not None and outcome.applicable else None
