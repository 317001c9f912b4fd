"""Rule sets are validated on load: every problem is named with the file, the rule and the key.

Issue #11 item 2: duplicate rule ids silently replaced each other (a site inside the red line came
out compliant) and ``rules: []`` judged every site compliant.
"""

import re
import textwrap

import pytest
from shapely.geometry import box

from helpers import memory_layer
from yongji_plugin.core.shared.areas import AreaMethod
from yongji_plugin.core.shared.errors import PlanError
from yongji_plugin.core.site_check.check import NONCOMPLIANT, CheckParams, run_compliance
from yongji_plugin.core.site_check.ruleset import default_ruleset_path, load_ruleset

RED = "rule no_overlap_ecological_redline: "
REDLINE = dict(
    id="no_overlap_ecological_redline", kind="no_overlap", layer="STBHHX", title="生态保护红线", key_fields=["HXMC"]
)


def _write(tmp_path, text, name="rules.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def _problems(path):
    with pytest.raises(PlanError) as error:
        load_ruleset(path)
    message = str(error.value)
    assert str(path) in message, message  # every error names the file
    return message


def test_default_rule_set_is_valid():
    ruleset = load_ruleset()
    assert len(ruleset.rules) == 9 and ruleset.path == default_ruleset_path()
    assert len({r.id for r in ruleset.rules}) == len(ruleset.rules)


def test_duplicate_rule_ids_are_refused(tmp_path):
    path = _write(
        tmp_path,
        """\
        rules:
          - {id: redline, kind: no_overlap, layer: STBHHX, title: 生态保护红线}
          - {id: farmland, kind: no_overlap, layer: YJJBNT, title: 永久基本农田}
          - {id: redline, kind: no_overlap, layer: LSWHBHX, title: 历史文化保护线}
        """,
    )
    message = _problems(path)
    assert "rule redline: the id is used by rules 1, 3" in message, message


def test_duplicate_ids_no_longer_let_a_site_in_the_red_line_pass(tmp_path):
    """The reported case: a second rule with the same id replaced the red-line outcome (合规)."""
    site = memory_layer("Polygon", "EPSG:4546", ["XMBH:string"], [(box(440000, 3860000, 440180, 3860090).wkt, ["A"])])
    redline = memory_layer(
        "Polygon", "EPSG:4546", ["HXMC:string"], [(box(439000, 3859000, 441000, 3861000).wkt, ["红线"])]
    )
    heritage = memory_layer(
        "Polygon", "EPSG:4546", ["MC:string"], [(box(450000, 3870000, 450100, 3870100).wkt, ["保护线"])]
    )
    layers = {"STBHHX": redline, "LSWHBHX": heritage}
    good = _write(
        tmp_path,
        """\
        rules:
          - {id: redline, kind: no_overlap, layer: STBHHX, title: 生态保护红线}
          - {id: heritage, kind: no_overlap, layer: LSWHBHX, title: 历史文化保护线}
        """,
        "good.yaml",
    )
    result = run_compliance(site, layers, load_ruleset(good), CheckParams(AreaMethod.create()))
    assert result.sites[0].verdict == NONCOMPLIANT
    assert abs(result.sites[0].outcomes["redline"].area - 16200.0) < 1e-6
    clash = _write(
        tmp_path,
        """\
        rules:
          - {id: redline, kind: no_overlap, layer: STBHHX, title: 生态保护红线}
          - {id: redline, kind: no_overlap, layer: LSWHBHX, title: 历史文化保护线}
        """,
        "clash.yaml",
    )
    assert "rule redline" in _problems(clash)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("rules: []\n", r"has no rules"),
        ("rules:\n", r"has no rules"),
        ("id: x\nname: y\n", r"has no rules"),
        ("", r"has no rules"),
        ("- just a list\n", r"must be a mapping"),
        ("rule:\n  - {id: a, kind: no_overlap, layer: STBHHX, title: t}\n", r"unknown key rule\b"),
        ("rules: {id: a}\n", r"rules must be a list"),
        ("rules:\n  - just text\n", r"rule 1 must be a mapping"),
    ],
)
def test_empty_or_misshapen_files_are_refused(tmp_path, text, expected):
    assert re.search(expected, _problems(_write(tmp_path, text)))


@pytest.mark.parametrize(
    "rule, expected",
    [
        (dict(REDLINE, kind="sideways"), RED + r"unknown kind sideways"),
        (dict(REDLINE, colour="red"), RED + r"unknown key colour"),
        (dict(REDLINE, class_field="DLBM"), RED + r"unknown key class_field"),
        ({k: v for k, v in REDLINE.items() if k != "layer"}, RED + r"key layer is missing"),
        ({k: v for k, v in REDLINE.items() if k != "id"}, r"rule 1: key id is missing"),
        (dict(REDLINE, layer="HXX"), RED + r"layer HXX is not in the layer catalogue"),
        (dict(REDLINE, layer="JTXL"), RED + r"layer JTXL .* line layer, not a polygon layer"),
        (dict(REDLINE, key_fields="HXMC"), RED + r"key key_fields must be a list of field names"),
        (dict(REDLINE, filter='"HXMC" = '), RED + r"filter .* is not a valid expression"),
        (dict(REDLINE, id="红线 1"), r"rule 红线 1: the id may hold only ASCII letters, digits and _"),
        (dict(REDLINE, applies_to={"field": "XMLX"}), RED + r"applies_to needs field and values"),
        (dict(REDLINE, may_be_empty="yes"), RED + r"key may_be_empty must be true or false"),
        (
            dict(id="b", kind="breakdown", layer="DLTB", title="地类", class_field="DLBM", class_table="nope"),
            r"rule b: class_table nope is not a code table",
        ),
        (
            dict(id="b", kind="breakdown", layer="DLTB", title="地类", class_field="DLBM", class_prefix=0),
            r"rule b: key class_prefix must be a whole number of at least 1",
        ),
        (dict(id="b", kind="breakdown", layer="DLTB", title="地类"), r"rule b: key class_field is missing"),
        (
            dict(
                id="b",
                kind="breakdown",
                layer="DLTB",
                title="地类",
                class_field="DLBM",
                applies_to={"field": "XMLX", "values": ["x"]},
            ),
            r"rule b: unknown key applies_to",
        ),
    ],
)
def test_bad_rules_are_named_with_the_key(tmp_path, rule, expected):
    import yaml

    path = _write(tmp_path, yaml.safe_dump({"rules": [rule]}, allow_unicode=True))
    assert re.search(expected, _problems(path))


def test_every_problem_is_listed_at_once(tmp_path):
    path = _write(
        tmp_path,
        """\
        rules:
          - {id: a, kind: no_overlap, layer: NOPE, title: t}
          - {id: b, kind: within, layer: CZKFBJ, titel: t}
        """,
    )
    message = _problems(path)
    assert "rule a: layer NOPE" in message and "rule b: unknown key titel" in message
    assert "rule b: key title is missing" in message


def test_unreadable_yaml_names_the_file(tmp_path):
    message = _problems(_write(tmp_path, "rules: [\n"))
    assert "cannot be read" in message


def test_messages_are_translated(tmp_path, locale):
    path = _write(tmp_path, "rules: []\n")
    locale("zh_CN")
    with pytest.raises(PlanError) as error:
        load_ruleset(path)
    assert "没有规则" in str(error.value) and str(path) in str(error.value)


def test_kinds_are_classes_declaring_their_keys():
    """Adding a kind is one class: its name, whether it judges, and its keys."""
    from yongji_plugin.core.site_check.ruleset import KINDS, RuleKind

    assert set(KINDS) == {"no_overlap", "within", "breakdown", "use_fit", "farmland"}
    for name, kind in KINDS.items():
        assert isinstance(kind, RuleKind) and kind.name == name
        assert {"id", "kind", "layer", "title"} <= set(kind.keys)
    assert KINDS["breakdown"].has_verdict is False and KINDS["within"].has_verdict is True
    assert KINDS["use_fit"].has_verdict is True and KINDS["farmland"].has_verdict is False
