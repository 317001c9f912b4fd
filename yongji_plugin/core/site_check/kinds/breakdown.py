"""``breakdown``: areas per class of the layer under each site (三调地类, 规划分区); no verdict."""

from ....i18n import tr
from ...plan_data.catalogue import default_catalogue
from .base import COMMON_KEYS, Key, RuleKind, RuleRun, area_row, is_text


class BreakdownKind(RuleKind):
    """Area per class (the class field, cut to its prefix), overlaps counted once per class."""

    name = "breakdown"
    order = 30
    has_verdict = False
    keys = {
        **COMMON_KEYS,
        "class_field": Key("text", True),
        "class_prefix": Key("count"),
        "class_table": Key("text"),
    }  # a code table in code_tables.yaml, for class names
    report_group = "breakdowns"

    def problems(self, raw, catalogue):
        table = raw.get("class_table")
        if is_text(table) and table not in catalogue.code_tables:
            return [("class_table", tr("class_table {table} is not a code table").format(table=table))]
        return []

    def judge(self, job: RuleRun) -> None:
        rule, overlay, results = job.rule, job.overlay, job.results
        values = overlay.attributes(overlay.pair_fids)
        keys = []
        for site, fid in zip(overlay.pair_sites, overlay.pair_fids):
            value = values[fid].get(rule.class_field)
            code = "" if value is None else str(value)
            keys.append((site, code[: rule.class_prefix] if rule.class_prefix else code))
        areas = overlay.union_areas(keys)
        by_site: dict[int, list[str]] = {}
        for site, code in areas:
            by_site.setdefault(site, []).append(code)
        for i in job.checked:
            site_area = results[i].area
            for code in sorted(by_site.get(i, [])):
                area = areas[(i, code)]
                results[i].breakdown.append(
                    {
                        "rule_id": rule.id,
                        "class_code": code,
                        "area": area,
                        "share": area / site_area if site_area else 0.0,
                    }
                )

    def class_names(self, rule, catalogue):
        return catalogue.codes(rule.class_table) if rule.class_table in catalogue.code_tables else {}

    def test_text(self, rule):
        return tr("areas per class (no verdict)")

    def report_tables(self, site_result, rule, basis, applies_text):
        names = self.class_names(rule, default_catalogue())
        rows = [
            area_row(f"{b['class_code']} {names.get(b['class_code'], '')}", b["area"], b["share"], applicable=True)
            for b in site_result.breakdown
            if b["rule_id"] == rule.id
        ]
        if not rows:
            return []
        return [
            {
                "caption": tr("{title} under the site").format(title=rule.title),
                "rows": rows,
                "basis": basis,
                "result": False,
                "subject": tr("{title} class").format(title=rule.title),
                "measure": tr("Area"),
            }
        ]
