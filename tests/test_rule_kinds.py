"""Rule kinds own their behaviour (#22.2): no module outside ``core/site_check/kinds`` compares a
kind's name, the registry is built from the classes, and a new kind is one new module — proved by
running a whole check (outputs, styles, report with maps) with a kind defined in one module of
``tests/rule_kind_example`` placed on the kinds package's path, no other module changed."""

import ast
import gc
import sys
from pathlib import Path

import pytest
import yaml
from osgeo import ogr
from qgis.core import QgsVectorLayer
from shapely.ops import unary_union

from helpers import shapes
from yongji_plugin.core.shared.areas import AreaMethod
from yongji_plugin.core.shared.errors import PlanError
from yongji_plugin.core.site_check import kinds
from yongji_plugin.core.site_check.check import CONFLICT, NONCOMPLIANT, CheckParams, run_compliance
from yongji_plugin.core.site_check.outputs import CONFLICTS, SUMMARY, result_layers, write_geopackage
from yongji_plugin.core.site_check.report import write_report
from yongji_plugin.core.site_check.result_styles import style_result_layers
from yongji_plugin.core.site_check.ruleset import default_ruleset_path, load_ruleset

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "yongji_plugin"
KINDS_DIR = PACKAGE / "core" / "site_check" / "kinds"
EXAMPLE = Path(__file__).resolve().parent / "rule_kind_example"
PRODUCT_KINDS = ("no_overlap", "within", "breakdown", "use_fit", "farmland")


# -- nothing outside the kinds compares kind names ------------------------------------------------


def _is_name(node, names) -> bool:
    if isinstance(node, ast.Constant):
        return node.value in names
    return isinstance(node, (ast.Tuple, ast.List, ast.Set)) and any(_is_name(e, names) for e in node.elts)


def kind_name_uses(source: str, names) -> list[int]:
    """Lines where a kind's name is compared (``==``, ``in``), looked up (a dict keyed by kind
    names, ``KINDS["…"]``) or passed (``rules_of("…")``): each a place a new kind would be missed."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare) and any(_is_name(n, names) for n in [node.left, *node.comparators]):
            lines.append(node.lineno)
        elif isinstance(node, ast.Dict) and any(k is not None and _is_name(k, names) for k in node.keys):
            lines.append(node.lineno)
        elif isinstance(node, ast.Subscript) and _is_name(node.slice, names):
            lines.append(node.lineno)
        elif isinstance(node, ast.Call) and any(_is_name(a, names) for a in node.args):
            lines.append(node.lineno)
    return lines


def site_check_modules() -> list[Path]:
    """The site check's modules outside the kinds (core, gui and processing) and every module that
    uses it. (Plan QA's rules have kinds of their own, ``within`` among them: not these.)"""
    return [
        path
        for path in sorted(PACKAGE.rglob("*.py"))
        if KINDS_DIR not in path.parents
        and ("site_check" in path.relative_to(PACKAGE).parts or "site_check" in path.read_text(encoding="utf-8"))
    ]


def test_no_module_outside_the_kinds_compares_kind_names():
    assert set(PRODUCT_KINDS) <= set(kinds.KINDS)
    modules = site_check_modules()
    assert len(modules) > 20 and PACKAGE / "core" / "site_check" / "report.py" in modules
    found = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in modules
        for line in kind_name_uses(path.read_text(encoding="utf-8"), set(kinds.KINDS))
    ]
    assert found == []


def test_nor_does_the_report_template():
    text = (PACKAGE.parent / "resources" / "templates" / "compliance_report.html.j2").read_text(encoding="utf-8")
    assert not [name for name in kinds.KINDS if name in text.replace("breakdowns", "")]


@pytest.mark.parametrize(
    "source",
    [
        'if rule.kind == "farmland":\n    pass\n',
        'ok = r.kind in ("no_overlap", "within")\n',
        'text = {"no_overlap": 1, "within": 2}[rule.kind]\n',
        'rules = ruleset.rules_of("use_fit")\n',
        'kind = KINDS["breakdown"]\n',
    ],
)
def test_the_scan_finds_each_way_of_comparing(source):
    """The scan above can fail: each way the check used to name a kind is found."""
    assert kind_name_uses(source, set(PRODUCT_KINDS)) == [1]


def test_the_registry_is_built_from_the_classes():
    """Each product kind is a class of its own module, registered by being defined, in its order."""
    assert list(kinds.KINDS)[:5] == list(PRODUCT_KINDS)
    for name in PRODUCT_KINDS:
        kind = kinds.KINDS[name]
        assert isinstance(kind, kinds.RuleKind) and kind.name == name
        assert type(kind).__module__ == f"{kinds.__name__}.{name}"
        assert type(kind).judge is not kinds.RuleKind.judge
        assert type(kind).test_text is not kinds.RuleKind.test_text


# -- a new kind in one module -------------------------------------------------------------------


@pytest.fixture
def cap_kind(monkeypatch):
    """The example module on the kinds package's path, loaded the way the package loads its own;
    the registry as it was afterwards."""
    before = dict(kinds.KINDS)
    monkeypatch.setattr(kinds, "__path__", [*kinds.__path__, str(EXAMPLE)])
    kinds.load_kinds()
    yield kinds.KINDS["overlap_cap"]
    kinds.KINDS.clear()
    kinds.KINDS.update(before)
    sys.modules.pop(f"{kinds.__name__}.overlap_cap", None)


CAP_RULE = {
    "id": "cap_permanent_farmland",
    "kind": "overlap_cap",
    "layer": "YJJBNT",
    "title": "永久基本农田限额",
    "key_fields": ["TBBH"],
    "basis": {"national": "示例"},
}


def _ruleset_file(folder: Path, cap_rule: dict) -> Path:
    raw = yaml.safe_load(default_ruleset_path().read_text(encoding="utf-8"))
    raw["rules"].append(cap_rule)
    path = folder / "rules_with_cap.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "change, expected",
    [
        ({}, "rule cap_permanent_farmland: key max_m2 is missing"),
        ({"max_m2": 0}, "rule cap_permanent_farmland: key max_m2 must be a whole number of at least 1"),
        (
            {"max_m2": 5, "applies_to": {"field": "XMLX"}},
            "rule cap_permanent_farmland: applies_to needs field and values",
        ),
    ],
)
def test_the_new_kind_validates_its_entry(cap_kind, tmp_path, change, expected):
    path = _ruleset_file(tmp_path, {**CAP_RULE, **change})
    with pytest.raises(PlanError) as error:
        load_ruleset(path)
    assert str(path) in str(error.value) and expected in str(error.value), str(error.value)


def test_without_its_module_the_kind_is_unknown(tmp_path):
    path = _ruleset_file(tmp_path, {**CAP_RULE, "max_m2": 5})
    with pytest.raises(PlanError, match="unknown kind overlap_cap"):
        load_ruleset(path)


@pytest.fixture
def overlaps(plan, demo_gpkg):
    """Per site feature id, its area on 永久基本农田, by shapely on the GeoPackage's features."""
    sites = QgsVectorLayer(f"{demo_gpkg}|layername=sites", "sites", "ogr")
    farmland = unary_union([g for _, g in shapes(plan["YJJBNT"])])
    return {f.id(): g.intersection(farmland).area for f, g in shapes(sites)}


def test_a_new_kind_is_one_module(cap_kind, plan, demo_gpkg, overlaps, tmp_path):
    on_farmland = sorted(a for a in overlaps.values() if a > 1.0)
    assert len(on_farmland) >= 2, "the demo needs sites on 永久基本农田 to show a cap"
    cap = int(on_farmland[len(on_farmland) // 2])  # some sites over it, some under
    ruleset = load_ruleset(_ruleset_file(tmp_path, {**CAP_RULE, "max_m2": cap}))
    sites = QgsVectorLayer(f"{demo_gpkg}|layername=sites", "示例用地红线", "ogr")
    result = run_compliance(sites, plan, ruleset, CheckParams(AreaMethod.create(), data_source="demo"))
    over = {}
    for site_result in result.sites:
        outcome = site_result.outcomes.get(CAP_RULE["id"])
        if outcome is None:  # not checked (outside the plan area, no geometry)
            continue
        expected = overlaps[site_result.site.fid]
        assert outcome.area == pytest.approx(expected, rel=1e-6, abs=1e-6)
        assert (outcome.status == CONFLICT) == (expected - cap >= result.params.tolerance)
        if outcome.status == CONFLICT:
            over[site_result.site.key] = expected
            assert site_result.verdict == NONCOMPLIANT
            assert any(f"more than the {cap} m² allowed" in reason for reason in site_result.reasons)
    assert over and len(over) < len(on_farmland)
    _outputs_carry_the_kind(result, tmp_path, cap, over)
    _report_words_the_kind(result, tmp_path, cap)
    del result
    gc.collect()


def _outputs_carry_the_kind(result, tmp_path, cap, over):
    layers = result_layers(result)
    style_result_layers(layers, result.ruleset)
    strokes = {
        c.value(): c.symbol().symbolLayer(0).strokeColor().name() for c in layers[CONFLICTS].renderer().categories()
    }
    assert strokes[CAP_RULE["id"]] == "#0000ff"  # the kind's own look
    assert strokes["no_overlap_permanent_farmland"] != "#0000ff"
    number = [r.id for r in result.ruleset.verdict_rules].index(CAP_RULE["id"]) + 1
    write_geopackage(layers, tmp_path / "result.gpkg")
    source = ogr.Open(str(tmp_path / "result.gpkg"))
    summary = source.GetLayerByName(SUMMARY)
    assert {f.GetField(f"r{number}_cap") for f in summary} == {float(cap)}
    pieces: dict[int, float] = {}
    for feature in source.GetLayerByName(CONFLICTS):
        if feature.GetField("rule_id") == CAP_RULE["id"]:
            key = feature.GetField("site_fid")
            pieces[key] = pieces.get(key, 0.0) + feature.GetGeometryRef().GetArea()
    assert pieces.keys() == over.keys()
    assert all(pieces[key] == pytest.approx(over[key], rel=1e-6) for key in over)


def _report_words_the_kind(result, tmp_path, cap):
    paths = write_report(result, tmp_path / "report.html", detail_limit=len(result.sites))
    text = paths["html"].read_text(encoding="utf-8")
    assert f"may overlap by at most {cap} m²" in text  # the rules and their basis
    assert f"The site may overlap {CAP_RULE['title']} by {cap} m²" in text  # its table in each site
    assert ">Headroom</th>" in text and "耕地 net of 田坎" in text  # its summary column beside farmland's
    assert "over the cap: non-compliant" in text and "within the cap" in text
    assert paths["pdf"].stat().st_size > 0


# -- a rule's problems name its line ---------------------------------------------------------------


def test_problems_name_the_line_of_their_key(tmp_path, locale):
    """Each problem of a rule names the line to edit: its key's, else (a key missing) the rule's."""
    path = tmp_path / "rules.yaml"
    path.write_text(
        "rules:\n"  # 1
        "  - id: red\n"  # 2
        "    kind: no_overlap\n"  # 3
        "    layer: STBHHX\n"  # 4
        "    title: 红线\n"  # 5
        "    filter: '\"HXMC\" ='\n"  # 6
        "  - id: zones\n"  # 7
        "    kind: breakdown\n"  # 8
        "    layer: GHFQ\n"  # 9
        "    title: 分区\n"  # 10
        "    class_table: nope\n"  # 11
        "  - id: odd\n"  # 12
        "    kind: sideways\n",
        encoding="utf-8",
    )  # 13
    with pytest.raises(PlanError) as error:
        load_ruleset(path)
    message = str(error.value)
    assert str(path) in message
    assert "rule red: filter" in message and "is not a valid expression" in message and "(line 6)" in message
    assert "rule zones: key class_field is missing (line 7)" in message
    assert "rule zones: class_table nope is not a code table (line 11)" in message
    assert "rule odd: unknown kind sideways" in message and "(line 13)" in message
    locale("zh_CN")
    with pytest.raises(PlanError) as error:
        load_ruleset(path)
    assert "规则 zones：" in str(error.value) and "（第 11 行）" in str(error.value)


def test_found_pieces_read_by_site_then_rule_as_a_sorted_list_would():
    """Rule kinds append (site, rule, piece) as to a list; the check reads the pieces by site, then
    rule, each rule's own order kept (what Python's stable sort of the tuples gives)."""
    from operator import itemgetter

    from yongji_plugin.core.site_check.found_pieces import FoundPieces

    items = [(3, 0, "a"), (1, 0, "b"), (1, 0, "c"), (2, 1, "d"), (1, 1, "e"), (3, 1, "f"), (1, 0, "g"), (0, 2, "h")]
    found = FoundPieces()
    found.extend(items[:3])
    for item in items[3:]:
        found.append(item)
    assert len(found) == len(items) and list(found) == items
    assert found.in_order() == [piece for _, _, piece in sorted(items, key=itemgetter(0, 1))]
    one_rule = FoundPieces()
    one_rule.extend([(0, 4, "x"), (2, 4, "y")])
    assert one_rule.in_order() == ["x", "y"]
