"""shapely 2 beside QGIS's own GEOS: ``auto`` uses shapely only where it works in this process.

A pip shapely wheel carries its own GEOS. Inside ``qgis_process`` (whose executable loads QGIS's
GEOS first) this machine's shapely 2.1.2 (GEOS 3.13) fails with ``WKB output dimension must be 2
or 3`` beside QGIS 3.22's GEOS 3.11, while in this Python (QGIS loaded as a module) the same pair
works. The probe is tried for real on both; the selector's reaction is also checked with a probe
made to fail, and the areas it compares come from QGIS's GEOS, not from shapely.
"""

import pytest
from qgis.core import QgsGeometry, QgsProcessingFeedback, QgsVectorLayer

from helpers import memory_layer
from qgis_process_runner import qgis_process
from yongji_plugin.core.engine import selector, shapely_probe
from yongji_plugin.core.engine.overlay import ControlLayer, OverlayEngine
from yongji_plugin.core.shared import optional
from yongji_plugin.core.shared.areas import AreaMethod
from yongji_plugin.core.shared.errors import PlanError

GEOS_ERROR = "IllegalArgumentException: WKB output dimension must be 2 or 3"
CONTROL = "POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))"
SITE = "POLYGON((5 5, 15 5, 15 15, 5 15, 5 5))"
needs_shapely2 = pytest.mark.skipif(optional.shapely2_missing() is not None, reason="no shapely 2 here")


class Log(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.lines = []

    def pushInfo(self, info):
        self.lines.append(info)
        super().pushInfo(info)


def verdicts(layer):
    return [f["verdict"] for f in sorted(layer.getFeatures(), key=lambda f: f["site_fid"])]


@pytest.fixture()
def probe(qgis_app):
    """The probe module, asked afresh in this test and afterwards."""
    shapely_probe.forget()
    yield shapely_probe
    shapely_probe.forget()


@pytest.fixture()
def broken(probe, monkeypatch):
    """The round trip fails as it does inside qgis_process here; counts its calls."""
    import shapely

    calls = []

    def fail():
        calls.append(1)
        raise shapely.errors.GEOSException(GEOS_ERROR)

    monkeypatch.setattr(probe, "_round_trip", fail)
    return calls


@needs_shapely2
def test_the_real_probe_passes_where_shapely_works(probe):
    assert probe.failure() is None
    assert selector.selection("auto") == (selector.backend_class("shapely"), "")


@needs_shapely2
def test_auto_falls_back_to_qgis_and_says_why(broken):
    import shapely

    backend, why = selector.selection("auto")
    assert backend.name == "qgis"
    assert GEOS_ERROR in why and "shapely 2." in why and "does not work beside QGIS's GEOS" in why
    layer = memory_layer("Polygon", "EPSG:4546", ["id:integer"], [(CONTROL, [1])])
    with OverlayEngine(AreaMethod.create(), "auto", [layer]) as engine:
        sites = engine.sites([QgsGeometry.fromWkt(SITE)])
        assert engine.name == "qgis"
        expected = shapely.from_wkt(SITE).intersection(shapely.from_wkt(CONTROL)).area
        assert engine.overlay(sites, ControlLayer(layer, "c")).covered_areas() == pytest.approx([expected])
        assert engine.describe().startswith("QGIS ") and engine.describe().endswith(why)
    assert len(broken) == 1  # one probe per process, however often the backend is chosen


@needs_shapely2
def test_shapely_by_name_fails_with_the_reason_once(broken):
    for _ in range(2):
        with pytest.raises(PlanError) as error:
            selector.choose("shapely")
        message = str(error.value)
        assert message.startswith("The shapely engine backend cannot run here: shapely ")
        assert message.count(GEOS_ERROR) == 1 and message.count("does not work") == 1
    assert len(broken) == 1


@needs_shapely2
def test_a_wrong_figure_also_counts_as_broken(probe, monkeypatch):
    monkeypatch.setattr(probe, "_round_trip", lambda: ("area", "3 ≠ 4"))
    assert "an intersection's area came out as 3 ≠ 4" in probe.failure()
    assert selector.choose("auto").name == "qgis"


@needs_shapely2
def test_the_log_says_why(broken, provider, demo_gpkg):
    """A Processing run names the fallback in its engine line, and still checks every site."""
    import processing

    feedback = Log()
    result = processing.run(
        "yongji:sitecompliance",
        {"SITES": f"{demo_gpkg}|layername=sites", "PLAN_GPKG": str(demo_gpkg), "SITE_SUMMARY": "TEMPORARY_OUTPUT"},
        feedback=feedback,
    )
    assert result["SITE_SUMMARY"].featureCount() == 23
    engine = [line for line in feedback.lines if line.startswith("Overlay engine: ")]
    assert len(engine) == 1 and engine[0].startswith("Overlay engine: QGIS ")
    assert engine[0].endswith(GEOS_ERROR) and "shapely not used: shapely 2." in engine[0]


def _site_packages():
    shapely = optional.module("shapely")
    from pathlib import Path

    return str(Path(shapely.__file__).resolve().parents[1])


@needs_shapely2
def test_qgis_process_with_a_pip_shapely(qgis_process_home, provider, demo_gpkg, tmp_path, monkeypatch):
    """The real clash: qgis_process with this venv's pip shapely on its path. Where shapely fails
    there (QGIS 3.22 here), auto runs on QGIS, says why, and gives the in-process result; shapely
    by name exits non-zero with the reason. Where the pair works (probe passed), shapely runs."""
    import processing

    monkeypatch.setenv("PYTHONPATH", _site_packages())
    args = ["run", "yongji:sitecompliance", "--", f"SITES={demo_gpkg}|layername=sites", f"PLAN_GPKG={demo_gpkg}"]
    auto = qgis_process(qgis_process_home, *args, f"SITE_SUMMARY={tmp_path / 'auto.gpkg'}")
    assert auto.returncode == 0, auto.stdout + auto.stderr
    engine = [line for line in auto.stdout.splitlines() if "Overlay engine: " in line][0]
    reference = processing.run(
        "yongji:sitecompliance",
        {
            "SITES": f"{demo_gpkg}|layername=sites",
            "PLAN_GPKG": str(demo_gpkg),
            "BACKEND": 2,
            "SITE_SUMMARY": "TEMPORARY_OUTPUT",
        },
    )["SITE_SUMMARY"]
    written = QgsVectorLayer(str(tmp_path / "auto.gpkg"), "auto", "ogr")
    assert verdicts(written) == verdicts(reference) and len(verdicts(reference)) == 23
    named = qgis_process(qgis_process_home, *args, "BACKEND=1", f"SITE_SUMMARY={tmp_path / 'named.gpkg'}")
    if "Overlay engine: shapely " in engine:  # the pair works in qgis_process here
        assert named.returncode == 0, named.stdout + named.stderr
        return
    assert "Overlay engine: QGIS " in engine and "; shapely not used: shapely 2." in engine, engine
    reason = engine.split("; shapely not used: ")[1]
    assert named.returncode != 0
    assert f"The shapely engine backend cannot run here: {reason}" in named.stdout + named.stderr


@needs_shapely2
def test_the_reason_follows_the_locale(broken, locale):
    """The probe's outcome is kept, its words are not: a reason first given in English reads
    Chinese once the Chinese translator is in."""
    assert "does not work beside" in selector.selection("auto")[1]
    locale("zh_CN")
    why = selector.selection("auto")[1]
    assert "在本进程中无法与 QGIS 的 GEOS" in why and GEOS_ERROR in why
    assert len(broken) == 1
