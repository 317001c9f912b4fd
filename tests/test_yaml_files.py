"""One strict YAML reader for every file the plugin reads (issue #22 item 3, issue #24 item 6).

Plain YAML keeps the last of two equal keys, constructs whatever a tag names and expands aliases
without bound; each of these is refused with a PlanError naming the file, the line and the key.
"""

import copy
import re
import textwrap
import time

import pytest
import yaml

from yongji_plugin.core.guidance.township_guidance import load_figures
from yongji_plugin.core.indicators.definitions import load_indicators
from yongji_plugin.core.life_circle.table import load_life_circle_table
from yongji_plugin.core.plan_data.catalogue import load_catalogue
from yongji_plugin.core.plan_data.landuse_codes import load_classification
from yongji_plugin.core.plan_qa.model import load_qa_rules
from yongji_plugin.core.shared.errors import PlanError
from yongji_plugin.core.shared.yaml_files import LIST, MAX_BYTES, Shape, read_yaml
from yongji_plugin.core.site_check.ruleset import load_ruleset
from yongji_plugin.paths import PACKAGE_DIR

ROOT = PACKAGE_DIR.parent
LOADERS = [
    load_ruleset,
    load_indicators,
    load_life_circle_table,
    load_figures,
    load_catalogue,
    load_classification,
    load_qa_rules,
]
# a kilobyte that plain YAML would expand to 9**9 (387 million) strings
ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8)
)


def _write(tmp_path, text, name="file.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def _refusal(call, path) -> str:
    with pytest.raises(PlanError) as error:
        call(path)
    message = str(error.value)
    assert str(path) in message, message
    return message


def test_a_rule_written_with_layer_twice_is_refused(tmp_path):
    """Plain YAML would check the site against the second layer only, silently."""
    path = _write(
        tmp_path,
        """\
        rules:
          - id: redline
            kind: no_overlap
            layer: STBHHX
            layer: YJJBNT
            title: 生态保护红线
        """,
    )
    message = _refusal(load_ruleset, path)
    assert re.search(r"line 5, key rules\[1\]\.layer: the key is written twice", message), message


def test_a_python_tag_is_refused_before_anything_is_built(tmp_path):
    marker = tmp_path / "built"
    path = _write(
        tmp_path,
        f"""\
        id: x
        rules:
          - !!python/object/apply:pathlib.Path.touch [!!python/object/apply:pathlib.Path ["{marker}"]]
        """,
    )
    message = _refusal(load_ruleset, path)
    assert re.search(r"line 3, key rules\[1\]: YAML tags \(.*python/object/apply.*\) are not allowed", message)
    assert not marker.exists()


def test_an_alias_bomb_fails_fast(tmp_path):
    path = _write(tmp_path, ALIAS_BOMB)
    assert path.stat().st_size < 1024
    start = time.perf_counter()
    message = _refusal(read_yaml, path)
    assert time.perf_counter() - start < 1.0
    assert re.search(r"line 2, key b\[1\]: aliases \(\*a\) are not allowed", message), message


def test_an_anchor_without_alias_is_plain_data(tmp_path):
    assert read_yaml(_write(tmp_path, "a: &name [1, 2]\n")) == {"a": [1, 2]}


def test_wrong_top_level_type(tmp_path):
    message = _refusal(load_qa_rules, _write(tmp_path, "- just\n- a list\n"))
    assert re.search(r"line 1: the file must be a mapping", message), message
    assert re.search(
        r"line 1: the file must be a list", _refusal(lambda p: read_yaml(p, LIST), _write(tmp_path, "a: 1\n", "b.yaml"))
    )


def test_a_key_of_the_wrong_type_is_named_with_its_line(tmp_path):
    path = _write(
        tmp_path,
        """\
        tolerance_m2: 1.0
        area_field_tolerance: half
        rules: []
        """,
    )
    message = _refusal(load_qa_rules, path)
    assert re.search(r"line 2, key area_field_tolerance: must be a number", message), message
    message = _refusal(load_qa_rules, _write(tmp_path, "tolerance_m2: 1\n", "c.yaml"))
    assert re.search(r"line 1, key rules: the key is missing", message), message


def test_shape_types(tmp_path):
    shape = Shape(dict, {"n": float, "flag": bool, "name": str, "items": (list, dict)})
    assert read_yaml(_write(tmp_path, "n: 3\nflag: true\nname: x\nitems: {}\n"), shape)["n"] == 3
    assert re.search(
        r"key n: must be a number", _refusal(lambda p: read_yaml(p, shape), _write(tmp_path, "n: true\n", "d.yaml"))
    )
    assert re.search(
        r"key items: must be a list or a mapping",
        _refusal(lambda p: read_yaml(p, shape), _write(tmp_path, "items: 2\n", "e.yaml")),
    )


def test_an_over_size_file_is_refused_unread(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a: " + b"x" * MAX_BYTES + b"\n")
    message = _refusal(load_catalogue, path)
    assert f"holds {MAX_BYTES + 4} bytes" in message and f"the {MAX_BYTES}" in message


def test_deep_nesting_is_refused(tmp_path):
    message = _refusal(read_yaml, _write(tmp_path, "a: " + "[" * 200 + "]" * 200 + "\n"))
    assert "nested more than" in message and "line 1, key a[1]" in message


@pytest.mark.parametrize(
    "text, expected",
    [
        ("rules: [\n", r"cannot be read: line 2: .*expected the node content"),
        ("a: 1\n---\nb: 2\n", r"cannot be read: line 2: expected a single document"),
    ],
)
def test_syntax_errors_name_the_line(tmp_path, text, expected):
    assert re.search(expected, _refusal(read_yaml, _write(tmp_path, text)))


def test_unreadable_files(tmp_path):
    assert "cannot be read" in _refusal(read_yaml, tmp_path / "missing.yaml")
    path = tmp_path / "gbk.yaml"
    path.write_bytes("名称: 永济".encode("gbk"))
    assert "is not UTF-8 text" in _refusal(read_yaml, path)


@pytest.mark.parametrize("loader", LOADERS, ids=lambda f: f.__name__)
def test_every_loader_reads_through_the_strict_reader(tmp_path, loader):
    message = _refusal(loader, _write(tmp_path, "a: 1\nb: 2\na: 3\n"))
    assert "line 3, key a: the key is written twice" in message, message


def test_an_empty_file_is_an_empty_mapping(tmp_path):
    assert read_yaml(_write(tmp_path, "")) == {}
    assert read_yaml(_write(tmp_path, "# only a comment\n", "f.yaml"), LIST) == []


def test_messages_are_translated(tmp_path, locale):
    path = _write(tmp_path, "a: 1\na: 2\n")
    locale("zh_CN")
    message = _refusal(read_yaml, path)
    assert "written twice" not in message and "a" in message and "2" in message


def test_no_other_yaml_reading_in_the_plugin():
    """Every YAML file goes through read_yaml: no yaml.load / safe_load / Loader anywhere else."""
    offenders = [
        str(p.relative_to(ROOT))
        for p in PACKAGE_DIR.rglob("*.py")
        if p.name != "yaml_files.py"
        and re.search(r"yaml\.\w*[Ll]oad|^import yaml|^from yaml", p.read_text(encoding="utf-8"), re.MULTILINE)
    ]
    assert offenders == []


def test_plugin_resources_all_read(tmp_path):
    """Every YAML file the plugin ships passes the strict reader (no repeated key, tag or alias)."""
    files = sorted((PACKAGE_DIR.parent / "resources").rglob("*.yaml"))
    assert len(files) >= 10
    for path in files:
        read_yaml(path, Shape(dict))


# --- wrong types in any key: a PlanError, never a TypeError -----------------------------------------
class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data):
        return True


def _key_paths(node, at=()):
    """Every key and list entry of a parsed file as paths: of each list and each mapping of more than
    nine keys (an indicator's ten townships) the first and the last entry only."""
    if isinstance(node, dict):
        entries = list(node.items())
        entries = entries if len(entries) <= 9 else [entries[0], entries[-1]]
    elif isinstance(node, list):
        entries = [(i, node[i]) for i in sorted({0, len(node) - 1})] if node else []
    else:
        return
    for key, value in entries:
        yield at + (key,)
        yield from _key_paths(value, at + (key,))


def _replaced(raw, at, value):
    data = copy.deepcopy(raw)
    node = data
    for key in at[:-1]:
        node = node[key]
    node[at[-1]] = value
    return data


def _editable_files():
    from yongji_plugin.core.indicators.definitions import default_indicator_path
    from yongji_plugin.core.life_circle.table import default_table_path
    from yongji_plugin.core.monitoring.rules import default_rules_path, load_rules
    from yongji_plugin.paths import resource

    return [
        (load_ruleset, resource("rulesets", "default.yaml")),
        (load_indicators, default_indicator_path()),
        (load_life_circle_table, default_table_path()),
        (load_figures, resource("township_guidance.yaml")),
        (load_rules, default_rules_path()),
        (load_qa_rules, resource("qa_rules.yaml")),
    ]


@pytest.mark.parametrize("loader, source", _editable_files(), ids=lambda v: getattr(v, "__name__", ""))
def test_a_wrong_type_in_any_key_is_a_sentence(tmp_path, loader, source):
    """Each key of each file a bureau edits (and the first and last entry of each list) replaced
    by a list, a mapping or NULL in turn: ``kind: [x]`` in a rule set was a TypeError traceback
    (unhashable list), as were an indicator code [x] and most wrong types in the QA rules."""
    raw = yaml.safe_load(source.read_text(encoding="utf-8"))
    path = tmp_path / "edited.yaml"
    crashes = []
    for at in list(_key_paths(raw)):
        for value in (["x"], {"x": 1}, None):
            path.write_text(yaml.dump(_replaced(raw, at, value), Dumper=_NoAliases, allow_unicode=True), "utf-8")
            try:
                loader(path)
            except PlanError:
                pass
            except Exception as error:  # what the test looks for
                crashes.append(f"{'.'.join(map(str, at))} = {value!r}: {type(error).__name__}: {error}")
    assert crashes == []
