"""耕地 occupation (rule kind ``farmland``): per site the 耕地 it takes, gross and net of 田坎.

The 三调 parcels (DLTB) whose DLBM starts with a 耕地 code (01) are overlaid with the site. Each
parcel's 田坎 deduction is its KCXS (扣除系数), else KCMJ / TBMJ (扣除面积 over 图斑面积), as the
parcels carry them; a parcel with neither deducts nothing: the run warns how many did, and each
site carries the 耕地 area so measured (``UNDEDUCTED``), so the sites whose net is overstated are
marked in the summary, the breakdown and the report. Net is
the gross area (counted once) times the area-weighted share kept after deduction, so for parcels
that tile the land, as 三调 parcels do, net = Σ piece area × (1 − coefficient). The 永久基本农田
inside that 耕地 is found by overlaying the 耕地 pieces with the protected layer, gross and net
alike. No verdict: any 耕地 taken needs 占补平衡, so the figures go to the summary, the breakdown
and the report.
"""

from typing import Optional

from ...i18n import tr
from ..engine.layers import ControlLayer
from ..plan_data.tiankan import tiankan_share

GROSS, DEDUCTION, NET, PROTECTED, PROTECTED_NET = "gross", "deduction", "net", "protected", "protected_net"
UNDEDUCTED = "undeducted"  # 耕地 on parcels without 田坎 data: its net is its gross
FIGURES = (GROSS, DEDUCTION, NET, PROTECTED, PROTECTED_NET, UNDEDUCTED)


def figure_label(name: str) -> str:
    return {
        GROSS: tr("耕地, gross"),
        DEDUCTION: tr("田坎 deducted"),
        NET: tr("耕地, net of 田坎"),
        PROTECTED: tr("of which 永久基本农田, gross"),
        PROTECTED_NET: tr("of which 永久基本农田, net of 田坎"),
        UNDEDUCTED: tr("of which without 田坎 data (net taken as gross)"),
    }[name]


def farmland_filter(rule) -> str:
    """The QGIS expression that keeps the rule's 耕地 parcels (and its own filter)."""
    codes = " OR ".join(f"\"{rule.class_field}\" LIKE '{code}%'" for code in rule.class_codes)
    return f"({codes}) AND ({rule.filter})" if rule.filter else f"({codes})"


def deduction_fields(rule, layer) -> list[str]:
    """The deduction fields this layer carries: the coefficient, and/or deducted and parcel area."""
    names = layer.fields().names()
    wanted = [rule.coefficient_field] if rule.coefficient_field in names else []
    if rule.deducted_field in names and rule.parcel_area_field in names:
        wanted += [rule.deducted_field, rule.parcel_area_field]
    return wanted


def coefficient(rule, values: dict, layer_name: str, fid) -> Optional[float]:
    """The parcel's 田坎 share (KCXS, else KCMJ / TBMJ); None when it carries neither."""
    return tiankan_share(values, layer_name, fid, rule.coefficient_field, rule.deducted_field, rule.parcel_area_field)


def measure_farmland(
    rule, overlay, results, checked, engine, protected: Optional[ControlLayer], warnings: list[str]
) -> None:
    """The 耕地 figures of every checked site, into ``SiteResult.farmland`` and its breakdown."""
    values = overlay.attributes(overlay.pair_fids)
    name = overlay.control.name
    ks = [coefficient(rule, values[fid], name, fid) for fid in overlay.pair_fids]
    missing = {fid for fid, k in zip(overlay.pair_fids, ks) if k is None}
    if missing:
        warnings.append(
            tr(
                "{count} 耕地 parcels of {layer} under the sites carry no 田坎 deduction (KCXS or "
                "KCMJ and TBMJ): their net area equals their gross area"
            ).format(count=len(missing), layer=name)
        )
    kept = [1.0 - (k or 0.0) for k in ks]
    inside = _protected_areas(overlay, engine, protected)
    covered = overlay.covered_areas()
    sums: dict[int, list[float]] = {}
    for pair, site in enumerate(overlay.pair_sites):
        total = sums.setdefault(site, [0.0, 0.0, 0.0, 0.0, 0.0])
        area = overlay.pair_areas[pair]
        total[0] += area
        total[1] += area * kept[pair]
        total[2] += inside[pair]
        total[3] += inside[pair] * kept[pair]
        total[4] += area if ks[pair] is None else 0.0
    for i in checked:
        _record(rule, results[i], covered[i], sums.get(i, [0.0] * 5), protected is not None)


def _protected_areas(overlay, engine, protected) -> list[float]:
    """Per 耕地 piece, its area inside the protected layer (0 without one)."""
    if protected is None or not overlay.pair_sites:
        return [0.0] * len(overlay.pair_sites)
    pieces = engine.sites(overlay.pieces(range(len(overlay.pair_sites))))
    return engine.overlay(pieces, protected).covered_areas()


def _record(rule, result, gross: float, sums: list[float], with_protected: bool) -> None:
    total, kept, inside, inside_kept, undeducted = sums
    net = gross * kept / total if total else 0.0
    figures = {
        GROSS: gross,
        DEDUCTION: gross - net,
        NET: net,
        PROTECTED: inside if with_protected else None,
        PROTECTED_NET: inside_kept if with_protected else None,
        UNDEDUCTED: gross * undeducted / total if total else 0.0,
    }
    result.farmland[rule.id] = figures
    if gross <= 0.0:  # no 耕地 under the site: the summary says 0, the breakdown lists nothing
        return
    for name in FIGURES:
        if figures[name] is not None and (name != UNDEDUCTED or figures[name] > 0.0):
            result.breakdown.append(
                {
                    "rule_id": rule.id,
                    "class_code": "/".join(rule.class_codes),
                    "class_name": figure_label(name),
                    "area": figures[name],
                    "share": figures[name] / result.area if result.area else 0.0,
                    "assessment": "",
                }
            )
