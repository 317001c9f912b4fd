"""Numbers are validated where they enter (issue #24.3): NaN, ±inf, negative or zero values given
by the user are refused with what they are for; per-feature values that are no valid height make the
building "no valid height", counted, never "within the limit"."""

import math
import re

import pytest
import yaml

from helpers import memory_layer
from yongji_plugin.core.heights.check import NO_HEIGHT, OVER, WITHIN, HeightParams, run_height_check
from yongji_plugin.core.indicators.definitions import default_indicator_path, load_indicators
from yongji_plugin.core.life_circle.check import LifeCircleParams, run_life_circle
from yongji_plugin.core.life_circle.table import default_table_path, load_life_circle_table
from yongji_plugin.core.shared.areas import AreaMethod
from yongji_plugin.core.shared.errors import PlanError
from yongji_plugin.core.shared.numbers import finite_number
from yongji_plugin.core.site_check.check import CheckParams, run_compliance
from yongji_plugin.core.site_check.ruleset import load_ruleset

ZONE = [("POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))", ["04", "湖边河边山边", 18.0])]


def _zones(limit=18.0):
    return memory_layer(
        "Polygon",
        "EPSG:4546",
        ["FQDM:string", "FQMC:string", "ZDGD:double"],
        [(ZONE[0][0], ["04", "湖边河边山边", limit])],
        "高度分区",
    )


def _buildings(heights, kind="double"):
    rows = [
        (f"POLYGON(({10 * n} 10, {10 * n + 5} 10, {10 * n + 5} 15, {10 * n} 15, {10 * n} 10))", [f"楼{n}", h, None])
        for n, h in enumerate(heights)
    ]
    return memory_layer("Polygon", "EPSG:4546", ["JZMC:string", f"JZGD:{kind}", "CS:integer"], rows, "建筑")


@pytest.mark.parametrize("value", [None, "NaN", "nan", "inf", "-inf", "", "abc", True, float("nan"), float("inf")])
def test_finite_number_admits_no_nan_or_infinity(value):
    assert finite_number(value) is None


def test_heights_that_are_no_number_are_no_valid_height():
    """Text "NaN", negative and zero heights were judged "within the limit"."""
    result = run_height_check(
        _buildings(["NaN", "-12", "0", "30", "12"], "string"), _zones(), HeightParams(AreaMethod.create())
    )
    statuses = [b.status for b in sorted(result.buildings, key=lambda b: b.fid)]
    assert statuses == [NO_HEIGHT, NO_HEIGHT, NO_HEIGHT, OVER, WITHIN]
    assert result.counts()[NO_HEIGHT] == 3


@pytest.mark.parametrize("limit", [float("nan"), float("inf"), -18.0])
def test_a_zone_limit_that_is_no_number_stops_the_check(limit):
    with pytest.raises(PlanError, match="has no usable limit"):
        run_height_check(_buildings([30.0]), _zones(limit), HeightParams(AreaMethod.create()))


@pytest.mark.parametrize(
    "change, message",
    [
        (dict(mode="floors", storey_height=math.nan), "storey height must be a number above 0, not nan"),
        (dict(mode="floors", storey_height=math.inf), "storey height must be a number above 0, not inf"),
        (dict(tolerance=math.nan), "area tolerance must be a number of at least 0, not nan"),
    ],
)
def test_height_parameters_that_are_no_number(change, message):
    with pytest.raises(PlanError, match=message):
        run_height_check(_buildings([30.0]), _zones(), HeightParams(AreaMethod.create(), **change))


def test_a_compliance_tolerance_of_nan_is_refused(plan, demo_gpkg):
    """A NaN tolerance made every conflict a sliver: every site passed."""
    from qgis.core import QgsVectorLayer

    sites = QgsVectorLayer(f"{demo_gpkg}|layername=sites", "sites", "ogr")
    with pytest.raises(PlanError, match="area tolerance must be a number of at least 0, not nan"):
        run_compliance(sites, plan, load_ruleset(), CheckParams(AreaMethod.create(), tolerance=math.nan))


@pytest.mark.parametrize(
    "speed, minutes",
    [(math.nan, None), (math.inf, None), (0.0, None), (None, {"社区": math.nan}), (None, {"社区": -15})],
)
def test_life_circle_speed_and_minutes_are_numbers_above_zero(speed, minutes):
    params = LifeCircleParams(AreaMethod.create(), speed_kmh=speed, minutes=minutes)
    with pytest.raises(PlanError, match="must be a number above 0"):
        run_life_circle(None, None, None, load_life_circle_table(), params)


@pytest.mark.parametrize("value", [".nan", ".inf"])
def test_life_circle_table_minutes_of_nan_or_infinity(tmp_path, value):
    raw = yaml.safe_load(default_table_path().read_text(encoding="utf-8"))
    text = yaml.safe_dump(raw, allow_unicode=True).replace("minutes: 15", f"minutes: {value}", 1)
    assert f"minutes: {value}" in text
    path = tmp_path / "table.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PlanError, match="minutes must be a positive number"):
        load_life_circle_table(path)


@pytest.mark.parametrize("value", [".nan", ".inf"])
def test_indicator_targets_of_nan_or_infinity(tmp_path, value):
    text = default_indicator_path().read_text(encoding="utf-8")
    old = "targets: {2025: 12.5, 2035: 13.0}"
    assert old in text
    path = tmp_path / "indicators.yaml"
    path.write_text(text.replace(old, f"targets: {{2025: 12.5, 2035: {value}}}"), encoding="utf-8")
    with pytest.raises(PlanError, match="2035 target .* is not a number of at least 0"):
        load_indicators(path)


# --- every number parameter of every algorithm, and the files' numbers not covered above -----------
def _number_parameters():
    from test_outputs_every_algorithm import _provider_algorithms

    provider, algorithms = _provider_algorithms()  # the provider owns its algorithms
    return [
        (f"yongji:{algorithm.name()}", definition.name(), definition.description())
        for algorithm in algorithms
        for definition in algorithm.parameterDefinitions()
        if definition.type() in ("number", "distance")
    ]


NUMBER_PARAMETERS = _number_parameters()


def test_the_number_parameters_are_found():
    assert {(alg, key) for alg, key, _ in NUMBER_PARAMETERS} >= {
        ("yongji:heightcheck", "STOREY_HEIGHT"),
        ("yongji:compareversions", "MATCH_OVERLAP"),
        ("yongji:printsheets", "DPI"),
        ("yongji:exportcoordinates", "ZONE"),
    }


@pytest.mark.parametrize("alg_id, key, title", NUMBER_PARAMETERS, ids=[f"{a[7:]}-{k}" for a, k, _ in NUMBER_PARAMETERS])
def test_a_number_parameter_of_nan_is_refused_by_name(provider, demo_gpkg, tmp_path, alg_id, key, title):
    """NaN passes QGIS's range check (it compares false with both ends): a version comparison
    with TOLERANCE=nan found no geometry changed, DPI=nan printed at -2147483648 DPI."""
    import processing
    from qgis.core import QgsProcessingException

    from test_outputs_every_algorithm import FILE_INPUTS, INPUTS, _other_sinks

    if alg_id in FILE_INPUTS:
        make, extra = FILE_INPUTS[alg_id]
        parameters = {"INPUT": str(make(tmp_path)), **extra}
    else:
        parameters = INPUTS[alg_id](demo_gpkg, demo_gpkg, tmp_path)
    parameters.update(_other_sinks(alg_id, ""))
    if alg_id == "yongji:printsheets":
        parameters["OUTPUT"] = str(tmp_path / "maps")
    if alg_id == "yongji:exportcoordinates":
        parameters["OUTPUT"] = str(tmp_path / "out.txt")
    before = set(tmp_path.iterdir())
    with pytest.raises(QgsProcessingException, match=re.escape(f"{title}: nan is not a number")):
        processing.run(alg_id, {**parameters, key: math.nan})
    assert set(tmp_path.iterdir()) == before  # nothing written


@pytest.mark.parametrize(
    "change, message",
    [
        (dict(tolerance=math.nan), "area tolerance must be a number of at least 0, not nan"),
        (dict(distance_tolerance=math.inf), "distance tolerance must be a number of at least 0, not inf"),
        (dict(match_distance=-1.0), "matching distance must be a number of at least 0, not -1.0"),
        (dict(match_overlap=math.nan), "matching overlap must be a number above 0, not nan"),
        (dict(match_overlap=1.5), "matching overlap must be a share between 0 and 1, not 1.5"),
    ],
)
def test_version_comparison_numbers(change, message):
    from yongji_plugin.core.versions.model import CompareParams

    with pytest.raises(PlanError, match=message):
        CompareParams(AreaMethod.create(), **change)


def test_life_circle_topology_tolerance_of_nan():
    params = LifeCircleParams(AreaMethod.create(), topology_tolerance=math.nan)
    with pytest.raises(PlanError, match="topology tolerance must be a number of at least 0, not nan"):
        run_life_circle(None, None, None, load_life_circle_table(), params)


@pytest.mark.parametrize("value", [".nan", ".inf", "-1"])
def test_monitoring_rule_tolerance_of_nan_or_infinity(tmp_path, value):
    """A NaN tolerance made every piece of new construction a sliver: no finding, ever."""
    from yongji_plugin.core.monitoring.rules import default_rules_path, load_rules

    text = default_rules_path().read_text(encoding="utf-8")
    assert "\ntolerance: 1.0\n" in text
    path = tmp_path / "rules.yaml"
    path.write_text(text.replace("\ntolerance: 1.0\n", f"\ntolerance: {value}\n"), encoding="utf-8")
    with pytest.raises(PlanError, match="tolerance .* is not a number of at least 0"):
        load_rules(path)


def test_qgis_process_refuses_a_number_of_nan(qgis_process_home, demo_gpkg, tmp_path):
    from qgis_process_runner import qgis_process

    run = qgis_process(
        qgis_process_home,
        "run",
        "yongji:heightcheck",
        "--",
        f"BUILDINGS={demo_gpkg}|layername=buildings",
        f"PLAN_GPKG={demo_gpkg}",
        "HEIGHT_SOURCE=2",
        "STOREY_HEIGHT=nan",
        f"OUTPUT={tmp_path / 'over.gpkg'}",
    )
    said = run.stdout + run.stderr
    assert run.returncode != 0 and "Storey height (m): nan is not a number" in said and "Traceback" not in said
    assert not (tmp_path / "over.gpkg").exists()


@pytest.mark.parametrize(
    "values", [{"KCXS": "abc"}, {"KCXS": math.nan}, {"KCXS": math.inf}, {"KCXS": -0.1}, {"KCMJ": "x", "TBMJ": 100.0}]
)
def test_a_tiankan_share_that_is_no_fraction_names_the_feature(values):
    """A text KCXS field holding no number raised a ValueError traceback; NaN compared false."""
    from yongji_plugin.core.plan_data.tiankan import tiankan_share

    with pytest.raises(PlanError, match="Layer 地类图斑, feature 7: 田坎 coefficient .* is not a fraction"):
        tiankan_share(values, "地类图斑", 7)


@pytest.mark.parametrize("value", [".nan", ".inf", "-1"])
def test_indicator_warning_thresholds_of_nan_or_infinity(tmp_path, value):
    """The monitoring's 黄色/红色预警 thresholds (% of the path value): a NaN one never warned."""
    text = default_indicator_path().read_text(encoding="utf-8")
    old = "warning: {yellow: 0.0, red: 2.0}"
    assert old in text
    path = tmp_path / "indicators.yaml"
    path.write_text(text.replace(old, f"warning: {{yellow: 0.0, red: {value}}}"), encoding="utf-8")
    with pytest.raises(PlanError, match="warning: red"):
        load_indicators(path)
