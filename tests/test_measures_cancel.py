"""A canceled measure is marked canceled, keeps nothing half-done, and nothing writes it."""

from pathlib import Path

import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer

from cancel_feedback import CancelAt, spread
from yongji_plugin.core.heights import outputs as heights_outputs
from yongji_plugin.core.heights.check import HeightParams, run_height_check
from yongji_plugin.core.life_circle import outputs as life_circle_outputs
from yongji_plugin.core.life_circle.check import LifeCircleParams, run_life_circle
from yongji_plugin.core.life_circle.table import load_life_circle_table
from yongji_plugin.core.shared.areas import AreaMethod
from yongji_plugin.core.shared.errors import PlanError


def _was_canceled(feedback) -> bool:
    return QgsProcessingFeedback.isCanceled(feedback)  # the flag, without counting a check


@pytest.fixture(scope="module")
def layers(demo_gpkg):
    return {
        code: QgsVectorLayer(f"{demo_gpkg}|layername={code}", code, "ogr")
        for code in ("buildings", "JZGDKZ", "GGFWSS", "JZQ", "ZXCQDL")
    }


def _heights(layers, feedback):
    return run_height_check(layers["buildings"], layers["JZGDKZ"], HeightParams(AreaMethod.create()), feedback)


def _circle(layers, feedback):
    return run_life_circle(
        layers["GGFWSS"],
        layers["JZQ"],
        layers["ZXCQDL"],
        load_life_circle_table(),
        LifeCircleParams(AreaMethod.create()),
        feedback,
    )


@pytest.fixture(scope="module")
def full_runs(layers):
    counts = {}
    for name, run in (("heights", _heights), ("circle", _circle)):
        feedback = CancelAt()
        assert not run(layers, feedback).canceled
        counts[name] = (feedback.checks, feedback.reports)
    return counts


@pytest.mark.parametrize("kind", ["checks", "reports"])
@pytest.mark.parametrize("share", [0.0, 0.2, 0.6, 1.0])
def test_height_check_canceled_anywhere(layers, full_runs, kind, share, tmp_path):
    total = full_runs["heights"][0 if kind == "checks" else 1]
    feedback = CancelAt(**{kind: spread(total)[round(share * (len(spread(total)) - 1))]})
    result = _heights(layers, feedback)
    assert result.canceled == _was_canceled(feedback)
    if result.canceled:
        assert result.buildings == []
        with pytest.raises(PlanError, match="canceled"):
            heights_outputs.result_layers(result)
        with pytest.raises(PlanError, match="canceled"):
            heights_outputs.write_report(result, tmp_path / "r.html")
        assert not (tmp_path / "r.html").exists()
    else:
        assert len(result.buildings) == layers["buildings"].featureCount()


@pytest.mark.parametrize("kind", ["checks", "reports"])
@pytest.mark.parametrize("share", [0.0, 0.3, 0.7, 1.0])
def test_life_circle_canceled_anywhere(layers, full_runs, kind, share, tmp_path):
    total = full_runs["circle"][0 if kind == "checks" else 1]
    feedback = CancelAt(**{kind: spread(total)[round(share * (len(spread(total)) - 1))]})
    result = _circle(layers, feedback)
    assert result.canceled == _was_canceled(feedback)
    if result.canceled:
        assert all(not area.reached for area in result.areas) and result.service_areas == {}
        with pytest.raises(PlanError, match="canceled"):
            life_circle_outputs.result_layers(result)
        with pytest.raises(PlanError, match="canceled"):
            life_circle_outputs.write_report(result, tmp_path / "r.html")
    else:
        assert result.service_areas


@pytest.mark.parametrize(
    "algorithm, params",
    [
        ("yongji:heightcheck", {"BUILDINGS": "{gpkg}|layername=buildings"}),
        ("yongji:lifecircle", {}),
    ],
)
@pytest.mark.parametrize("at", [0, 5])
def test_algorithms_canceled_fail_and_write_nothing(provider, demo_gpkg, tmp_path, algorithm, params, at):
    import processing

    out, report = tmp_path / "out.gpkg", tmp_path / "report.html"
    values = {key: value.format(gpkg=demo_gpkg) for key, value in params.items()}
    values.update({"PLAN_GPKG": str(demo_gpkg), "OUTPUT": str(out), "REPORT": str(report)})
    with pytest.raises(QgsProcessingException, match="canceled"):
        processing.run(algorithm, values, feedback=CancelAt(checks=at))
    assert not out.exists() and not report.exists() and not Path(report).with_suffix(".pdf").exists()
