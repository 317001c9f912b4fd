"""``farmland`` (耕地占用): the 耕地 a site takes, gross and net of 田坎, 永久基本农田 apart; no verdict.

The measuring is in ``core/site_check/farmland.py``; this class says what the kind is to the rule
set, the outputs and the report.
"""

from ....i18n import tr
from ...engine.layers import ControlLayer
from ...shared.areas import mu
from ...shared.output_fields import area_fields, area_values
from ..farmland import (
    FIGURES,
    GROSS,
    NET,
    PROTECTED,
    PROTECTED_NET,
    UNDEDUCTED,
    deduction_fields,
    farmland_filter,
    figure_label,
    measure_farmland,
)
from .base import COMMON_KEYS, Key, RuleKind, RuleRun, SummaryColumn, area_row, layer_problems

FIELDS = ((GROSS, "g"), (NET, "n"), (PROTECTED, "p"), (PROTECTED_NET, "q"), (UNDEDUCTED, "u"))  # f1g_m2 …
PROTECTED_SUFFIX = ":protected"  # the control of the rule's protected layer: "<rule id>:protected"


class FarmlandKind(RuleKind):
    """The 三调 parcels of 耕地 under each site, with their 田坎 deduction, and the 永久基本农田 inside."""

    name = "farmland"
    order = 50
    has_verdict = False
    keys = {
        **COMMON_KEYS,
        "class_field": Key("text", True),  # 三调 DLBM
        "class_codes": Key("fields"),  # prefixes that make 耕地 (default 01)
        "protected_layer": Key("text"),  # 永久基本农田, shown apart inside the 耕地
        "coefficient_field": Key("text"),
        "deducted_field": Key("text"),
        "parcel_area_field": Key("text"),
    }  # KCXS, KCMJ, TBMJ unless named
    report_order = 2

    def problems(self, raw, catalogue):
        return [("protected_layer", p) for p in layer_problems(raw.get("protected_layer"), catalogue)]

    def controls(self, rule, layers):
        """Its 耕地 parcels with their deduction fields, and its protected layer."""
        layer = layers[rule.layer]
        fields = tuple(rule.key_fields) + ((rule.class_field,) if rule.class_field else ())
        controls = {
            rule.id: ControlLayer(
                layer, layer.name() or rule.title, farmland_filter(rule), fields + tuple(deduction_fields(rule, layer))
            )
        }
        if rule.protected_layer:
            protected = layers[rule.protected_layer]
            controls[rule.id + PROTECTED_SUFFIX] = ControlLayer(protected, protected.name() or rule.protected_layer)
        return controls

    def judge(self, job: RuleRun) -> None:
        measure_farmland(
            job.rule,
            job.overlay,
            job.results,
            job.checked,
            job.engine,
            job.controls.get(job.rule.id + PROTECTED_SUFFIX),
            job.run.warnings,
        )

    # the output layers: the figures of each farmland rule after every verdict rule's fields

    def figure_fields(self, rule, number):
        return [
            field
            for figure, letter in FIELDS
            for field in area_fields(f"f{number}{letter}_", f"{rule.title}: {figure_label(figure)}")
        ]

    def figure_values(self, rule, number, site_result):
        figures, values = site_result.farmland.get(rule.id, {}), {}
        for figure, letter in FIELDS:
            if figures.get(figure) is not None:
                values.update(area_values(f"f{number}{letter}_", figures[figure]))
        return values

    # the report

    def test_text(self, rule):
        return tr("耕地 taken, gross and net of 田坎, 永久基本农田 apart (no verdict)")

    def report_tables(self, site_result, rule, basis, applies_text):
        figures = site_result.farmland.get(rule.id, {})
        rows = [
            area_row(
                figure_label(name),
                figures[name],
                figures[name] / site_result.area if site_result.area else 0.0,
                applicable=True,
            )
            for name in FIGURES
            if figures.get(name) is not None
        ]
        return [
            {
                "caption": tr("{title}: 耕地 under the site, gross and net of 田坎").format(title=rule.title),
                "rows": rows,
                "result": False,
                "basis": basis,
                "subject": tr("耕地 (DLBM {codes})").format(codes="/".join(rule.class_codes)),
                "measure": tr("Area"),
            }
        ]

    @property
    def summary_column(self):
        return SummaryColumn(tr("耕地 net of 田坎"), "11%", tr("mu"))

    def summary_cell(self, site_result, rule):
        net = site_result.farmland.get(rule.id, {}).get(NET)
        return {"text": "—" if net is None else f"{mu(net):,.2f}", "css": "num"}
