"""规划指标 file: the plugin's loads; every kind of slip stops with the file, the indicator and the key."""

import re

import pytest

from yongji_plugin.core.guidance.township_guidance import load_figures
from yongji_plugin.core.indicators.definitions import (
    AT_LEAST,
    AT_MOST,
    BINDING,
    EXPECTED,
    default_indicator_path,
    load_indicators,
)
from yongji_plugin.core.shared.errors import PlanError

GOOD = """
indicators:
  - code: GDBYL
    name: 耕地保有量
    unit: 万亩
    kind: 约束性
    direction: 不低于
    targets: {2025: 90.5, 2035: 90.2}
    measure: {layer: DLTB, filter: "left(\\"DLBM\\", 2) = '01'"}
    townships:
      城西街道: {2025: 5.05, "2035": 5.0}
  - code: KFQD
    name: 国土开发强度
    unit: "%"
    kind: expected
    direction: at_most
    targets: {2035: 12}
    measure: {layer: DLTB, filter: "left(\\"DLBM\\", 2) = '20'", share: true}
consistency:
  - {id: TS-01, label: 三调耕地不低于耕地保有量, left: {layer: DLTB}, relation: ">=", right: {indicator: GDBYL}}
"""


def write(tmp_path, text, name="indicators.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_plugins_file_loads():
    indicators = load_indicators()
    codes = [i.code for i in indicators.indicators]
    assert codes[:5] == ["GDBYL", "YJJBNT", "STBHHX", "CZKFBJ", "CXJSYD"]
    assert {i.kind for i in indicators.indicators} == {BINDING, EXPECTED}
    assert {i.direction for i in indicators.indicators} == {AT_LEAST, AT_MOST}
    farmland = indicators.indicator("GDBYL")
    assert farmland.target(2035) == 80.0 and farmland.target(2035, "韩阳镇") == 4.0
    assert indicators.indicator("CZKFBJ").target(2025) is None  # a 2035-only scale
    assert len(indicators.township_names()) == 10
    assert [c.id for c in indicators.consistency] == ["TS-01", "TS-02", "TS-03", "TS-04", "TS-05"]
    assert indicators.path == default_indicator_path()


def test_a_small_valid_file(tmp_path):
    indicators = load_indicators(write(tmp_path, GOOD))
    farmland, intensity = indicators.indicators
    assert farmland.townships == {"城西街道": {2025: 5.05, 2035: 5.0}}  # "2035" read as the year
    assert farmland.from_square_metres(10000 / 15 * 1e4) == pytest.approx(1.0)  # 1 万亩
    assert intensity.is_share and intensity.unit_label == "%" and intensity.direction == AT_MOST
    assert indicators.subset(["KFQD"]).consistency == []  # the relation needs GDBYL


def _problems(tmp_path, text):
    path = write(tmp_path, text)
    with pytest.raises(PlanError) as caught:
        load_indicators(path)
    message = str(caught.value)
    assert str(path) in message
    return message


@pytest.mark.parametrize(
    "old, new, expected",
    [
        ("unit: 万亩", "unit: acres", "indicator GDBYL: unit acres is not an area unit"),
        ("kind: 约束性", "kind: 必须", "indicator GDBYL: kind 必须 is not 约束性 or 预期性"),
        ("direction: 不低于", "direction: 等于", "indicator GDBYL: direction 等于 is not 不低于 or 不高于"),
        (
            '{layer: DLTB, filter: "left(\\"DLBM\\", 2) = \'01\'"}',
            "{layer: NOSUCH}",
            "indicator GDBYL: measure: layer NOSUCH is not in the layer catalogue",
        ),
        (
            '{layer: DLTB, filter: "left(\\"DLBM\\", 2) = \'01\'"}',
            "{layer: CZTX}",
            "indicator GDBYL: measure: layer CZTX (城镇体系) is not a polygon layer",
        ),
        (
            'filter: "left(\\"DLBM\\", 2) = \'01\'"',
            'filter: "\\"DLDM\\" = \'01\'"',
            "indicator GDBYL: measure: filter \"DLDM\" = '01' reads field DLDM, which layer DLTB does not have",
        ),
        (
            'filter: "left(\\"DLBM\\", 2) = \'01\'"',
            'filter: "left(DLBM"',
            "indicator GDBYL: measure: filter left(DLBM is not a valid expression",
        ),
        (
            "targets: {2025: 90.5, 2035: 90.2}",
            "targets: {2025: 90.5, 2030: 90.2}",
            "indicator GDBYL: targets: year 2030 is not one of 2025, 2035",
        ),
        (
            "targets: {2025: 90.5, 2035: 90.2}",
            "targets: {2025: ninety, 2035: 90.2}",
            "indicator GDBYL: targets: the 2025 target ninety is not a number of at least 0",
        ),
        (
            '城西街道: {2025: 5.05, "2035": 5.0}',
            "城西街道: {2025: -1}",
            "indicator GDBYL: township 城西街道: the 2025 target -1 is not a number of at least 0",
        ),
        (
            '    measure: {layer: DLTB, filter: "left(\\"DLBM\\", 2) = \'01\'"}\n',
            "",
            "indicator GDBYL: key measure is missing",
        ),
        ("code: GDBYL", "code: GDBYL_TOO_LONG", "the code must be 1–7 ASCII letters"),
        ("code: KFQD", "code: GDBYL", "indicator GDBYL: the code is used more than once"),
        ('unit: "%"', "unit: 公顷", "indicator KFQD: a share is measured in %, not 公顷"),
        ("    townships:", "    colour: red\n    townships:", "indicator GDBYL: unknown key colour"),
        (
            "right: {indicator: GDBYL}",
            "right: {indicator: NOPE}",
            "consistency check TS-01: right: unknown indicator code NOPE",
        ),
        (
            "right: {indicator: GDBYL}",
            "right: {indicator: KFQD}",
            "consistency check TS-01: right: indicator KFQD is a share (%), not an area",
        ),
        (
            "right: {indicator: GDBYL}",
            "right: {layer: YJJBNT}",
            "consistency check TS-01: at least one side must be an indicator's target",
        ),
        ('relation: ">="', 'relation: "=="', "consistency check TS-01: relation == is not >= or <="),
        ("left: {layer: DLTB}", "left: {layer: DLTB, share: true}", "consistency check TS-01: left: unknown key share"),
    ],
)
def test_each_slip_is_named(tmp_path, old, new, expected):
    assert old in GOOD, old
    message = _problems(tmp_path, GOOD.replace(old, new, 1))
    assert expected in message, message


def test_every_problem_is_listed_at_once(tmp_path):
    text = GOOD.replace("unit: 万亩", "unit: acres").replace("right: {indicator: GDBYL}", "right: {indicator: X}")
    message = _problems(tmp_path, text)
    assert "unit acres" in message and "unknown indicator code X" in message
    assert len(re.findall(r"^- ", message, re.MULTILINE)) == 2


@pytest.mark.parametrize(
    "text, expected",
    [
        ("indicators: [", "cannot be read"),
        ("- just a list", "line 1: the file must be a mapping"),
        ("indicators: []", "indicators must be a non-empty list"),
        ("indicator: []", "unknown key indicator"),
        (
            GOOD.replace(
                '      城西街道: {2025: 5.05, "2035": 5.0}', "      城西街道: {2025: 5.05}\n      城西街道: {2025: 6.0}"
            ),
            "城西街道: the key is written twice",
        ),
    ],
)
def test_malformed_files(tmp_path, text, expected):
    assert expected in _problems(tmp_path, text)


def test_missing_file(tmp_path):
    with pytest.raises(PlanError, match="cannot be read"):
        load_indicators(tmp_path / "none.yaml")


def test_unknown_code_asked_for():
    with pytest.raises(PlanError, match=r"unknown indicator code NOPE \(known: GDBYL, YJJBNT"):
        load_indicators().subset(["GDBYL", "NOPE"])


def test_township_guidance_file_is_validated(tmp_path):
    assert [f.key for f in load_figures()] == ["GD", "YJJBNT", "STBHHX", "CZKFBJ", "JSYD"]
    bad = write(
        tmp_path,
        "township_figures:\n  - {key: GD, layer: NOSUCH, label: 耕地}\n"
        "  - {key: GD, layer: DLTB, filter: 'left(', label: x}\n",
        "guidance.yaml",
    )
    with pytest.raises(PlanError) as caught:
        load_figures(bad)
    message = str(caught.value)
    assert str(bad) in message
    assert "figure GD: layer NOSUCH is not in the layer catalogue" in message
    assert "figure GD: filter left( is not a valid expression" in message
    assert "figure GD: the key is used more than once" in message
