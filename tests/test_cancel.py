"""Cancel is clean everywhere (issue #11, item 5): plan QA, the compliance check and printing.

Each run is canceled before it starts and at points spread over it (at the n-th progress report
and at the n-th cancel check), from the core and from Processing. A canceled run never raises a
traceback, is marked ``canceled``, keeps no finding of the step it was in, and leaves nothing that
can be mistaken for a result: the writers refuse it, Processing fails (so ``qgis_process`` exits
non-zero) and no partial file stays behind. The dialogs are in test_cancel_dialogs.py.
"""

import gc
import shutil
import signal
import subprocess
import time

import pytest
from qgis.core import (
    QgsExpression,
    QgsFeedback,
    QgsGeometry,
    QgsProcessingException,
    QgsRectangle,
    QgsVectorLayer,
    qgsfunction,
)

from cancel_feedback import CancelAt, spread
from qgis_process_runner import install_plugin, start_interruptible
from yongji_plugin.core.engine.layers import ControlLayer
from yongji_plugin.core.engine.overlay import OverlayEngine
from yongji_plugin.core.guidance.township_figures import township_coverage
from yongji_plugin.core.plan_data.loader import open_plan
from yongji_plugin.core.plan_data.sources import Source
from yongji_plugin.core.plan_qa.model import FAILED, load_qa_rules
from yongji_plugin.core.plan_qa.outputs import error_layer, write_qa_report
from yongji_plugin.core.plan_qa.run import run_qa
from yongji_plugin.core.printing.jobs import print_jobs, run_jobs
from yongji_plugin.core.printing.map_sheets import load_sheets
from yongji_plugin.core.printing.sheets import PDF, PNG, SheetBuilder
from yongji_plugin.core.shared.areas import AreaMethod
from yongji_plugin.core.shared.errors import PlanError
from yongji_plugin.core.site_check.check import CheckParams, run_compliance
from yongji_plugin.core.site_check.outputs import result_layers
from yongji_plugin.core.site_check.report import write_report
from yongji_plugin.core.site_check.ruleset import load_ruleset

POINTS = range(7)  # indices into spread(): before the start, 10 … 90 %, the last


def _at(total, point):
    points = spread(total)
    return points[min(point, len(points) - 1)]


def _canceled(raised):
    """The algorithm failed with its translated cancel message, not a traceback."""
    message = str(raised.value)
    assert "canceled" in message and "Traceback" not in message, message


def _files(folder):
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


# --- plan QA ------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def defective_plan(demo_gpkg, tmp_path_factory):
    """The demo with a gap in the planning zones (CV-01 fails) and a bad village code (AT-02 fails)."""
    path = tmp_path_factory.mktemp("cancel_qa") / "plan.gpkg"
    shutil.copy(demo_gpkg, path)
    layers = open_plan(Source("gpkg", str(path)))
    zones = layers["GHFQ"]
    farm = next(f for f in zones.getFeatures() if f["GHFQDM"] == "03" and f.geometry().area() > 5e7)
    centre = farm.geometry().pointOnSurface().asPoint()
    hole = QgsGeometry.fromRect(QgsRectangle(centre.x() - 50, centre.y() - 50, centre.x() + 50, centre.y() + 50))
    zones.startEditing()
    zones.changeGeometry(farm.id(), farm.geometry().difference(hole))
    assert zones.commitChanges()
    villages = layers["CZ"]
    villages.startEditing()
    villages.changeAttributeValue(next(villages.getFeatures()).id(), villages.fields().indexOf("CZFL"), "99")
    assert villages.commitChanges()
    yield layers
    layers.clear()
    gc.collect()


@pytest.fixture(scope="module")
def qa_full(defective_plan):
    counter = CancelAt()
    result = run_qa(defective_plan, load_qa_rules(), None, counter)
    assert not result.canceled
    assert {o.rule.id for o in result.outcomes if o.status == FAILED} >= {"CV-01", "AT-02"}
    return result, counter


def _rows(outcomes):
    return [(o.rule.id, o.status, o.errors) for o in outcomes]


@pytest.mark.parametrize("kind", ["reports", "checks"])
@pytest.mark.parametrize("point", POINTS)
def test_plan_qa_canceled_anywhere_is_marked_and_keeps_only_finished_rules(defective_plan, qa_full, kind, point):
    """No traceback (today: ``Exception: unknown`` from the spatial index), the run says it was
    canceled, and the rule it was in leaves no outcome (today a gap search cut short says "passed")."""
    full, counter = qa_full
    result = run_qa(defective_plan, load_qa_rules(), None, CancelAt(**{kind: _at(getattr(counter, kind), point)}))
    assert result.canceled
    assert _rows(result.outcomes) == _rows(full.outcomes)[: len(result.outcomes)]
    assert len(result.errors) == sum(o.errors for o in result.outcomes)


@pytest.mark.parametrize("point", POINTS)
def test_gap_search_canceled_midway_is_not_a_pass(defective_plan, point):
    """Today the gap search returns no gaps when canceled, so CV-01 says "passed" with 0 errors."""
    rules = load_qa_rules().subset(["CV-01"])
    counter = CancelAt()
    full = run_qa(defective_plan, rules, None, counter)
    assert full.outcome("CV-01").status == FAILED
    result = run_qa(defective_plan, rules, None, CancelAt(checks=_at(counter.checks, point)))
    assert result.canceled
    assert _rows(result.outcomes) in ([], _rows(full.outcomes))  # cut short: no outcome at all
    assert len(result.errors) == sum(o.errors for o in result.outcomes)


def test_plan_qa_writers_refuse_a_canceled_result(defective_plan, tmp_path):
    result = run_qa(defective_plan, load_qa_rules(), None, CancelAt(reports=5))
    assert result.canceled
    with pytest.raises(PlanError, match="cancel"):
        error_layer(result, "EPSG:4546")
    with pytest.raises(PlanError, match="cancel"):
        write_qa_report(result, tmp_path / "qa.html")
    assert _files(tmp_path) == []


@pytest.mark.parametrize("backend", ["qgis", "shapely"])
def test_index_canceled_while_it_is_built_is_a_clean_cancel(defective_plan, backend):
    """QgsSpatialIndex built under a feedback canceled midway raises ``Exception: unknown``; the
    engine turns it into its own ``Canceled`` (a PlanError), never a traceback or a partial index;
    the bulk reader of the shapely backend stops as cleanly."""
    from yongji_plugin.core.shared.cancel import Canceled

    feedback, seen = QgsFeedback(), [0]

    @qgsfunction(args="auto", group="yongji_tests")
    def yongji_cancel_probe(feature, parent):
        seen[0] += 1
        if seen[0] == 100:  # the 100th feature the index reads: cancel from inside the C++ build
            feedback.cancel()
        return True

    whole = QgsGeometry.fromRect(defective_plan["YJJBNT"].extent())  # a site over the layer: read whole
    try:
        with pytest.raises(Canceled) as raised:
            with OverlayEngine(AreaMethod.create(), backend, feedback=feedback) as engine:
                engine.overlay(
                    engine.sites([whole]), ControlLayer(defective_plan["YJJBNT"], "YJJBNT", "yongji_cancel_probe()")
                )
        assert engine.layouts == [("YJJBNT", "whole")]
        assert isinstance(raised.value, PlanError)
        assert seen[0] >= 100
    finally:
        QgsExpression.unregisterFunction("yongji_cancel_probe")


# --- compliance ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def sites(demo_gpkg):
    holder = [QgsVectorLayer(f"{demo_gpkg}|layername=sites", "sites", "ogr")]
    yield holder[0]
    holder.clear()
    gc.collect()


def _check(sites, plan, feedback):
    return run_compliance(sites, plan, load_ruleset(), CheckParams(AreaMethod.create()), feedback)


@pytest.fixture(scope="module")
def compliance_full(plan, sites):
    counter = CancelAt()
    result = _check(sites, plan, counter)
    assert not result.canceled and len(result.sites) == 23
    return result, counter


def _verdicts(result):
    return [(s.site.site_id, s.verdict, s.reasons) for s in result.sites]


@pytest.mark.parametrize("kind", ["reports", "checks"])
@pytest.mark.parametrize("point", POINTS)
def test_compliance_canceled_anywhere_is_marked_and_refused_by_writers(
    plan, sites, compliance_full, kind, point, tmp_path
):
    full, counter = compliance_full
    result = _check(sites, plan, CancelAt(**{kind: _at(getattr(counter, kind), point)}))
    assert result.canceled
    assert _verdicts(result) == _verdicts(full)[: len(result.sites)]
    with pytest.raises(PlanError, match="cancel"):
        result_layers(result)
    with pytest.raises(PlanError, match="cancel"):
        write_report(result, tmp_path / "report.html", with_maps=False)
    assert _files(tmp_path) == []


# --- printing -----------------------------------------------------------------------------------
def _print(plan, folder, fmt, feedback):
    jobs = print_jobs(SheetBuilder(plan), folder, ["control_lines"], fmt, 72, lambda: township_coverage(plan))
    return run_jobs(jobs, feedback)


@pytest.mark.parametrize("fmt", [PDF, PNG])
def test_printing_canceled_keeps_only_whole_files(plan, tmp_path, fmt):
    """A job cut short (the township atlas between pages) leaves no file; whole sheets stay and
    are the ones the result lists; the result says it was canceled."""
    counter = CancelAt()
    full = _print(plan, tmp_path / "full", fmt, counter)
    assert not full.canceled and counter.reports >= 5
    townships = township_coverage(plan).featureCount()
    for at in spread(counter.reports, (0.4,)):  # before the start, in the atlas, at its last page
        folder = tmp_path / f"at_{at}"
        result = _print(plan, folder, fmt, CancelAt(reports=at))
        assert result.canceled, at
        assert _files(folder) == sorted(result.paths), at
        atlas = _files(folder / "atlas_townships")
        if fmt == PNG:
            assert len(atlas) in (0, townships), at
        else:
            assert atlas == [] or len(atlas) == 1 and _pdf_pages(atlas[0]) == townships, at
    assert _files(tmp_path / "at_0") == []


def _pdf_pages(path):

    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages")))


# --- Processing ---------------------------------------------------------------------------------
@pytest.mark.parametrize("at", [0, 5, 9, 14])
def test_plan_qa_algorithm_canceled_fails_and_writes_nothing(provider, demo_gpkg, tmp_path, at):
    """Today a canceled algorithm writes its error layer and a report of "0 errors" and succeeds."""
    import processing

    out, report = tmp_path / "qa.gpkg", tmp_path / "qa.html"
    with pytest.raises(QgsProcessingException) as raised:
        processing.run(
            "yongji:planqa",
            {"PLAN_GPKG": str(demo_gpkg), "OUTPUT": str(out), "REPORT": str(report)},
            feedback=CancelAt(reports=at),
        )
    _canceled(raised)
    assert _files(tmp_path) == []


@pytest.mark.parametrize("at", [0, 1, 10, 19])
def test_compliance_algorithm_canceled_fails_and_writes_nothing(provider, demo_gpkg, tmp_path, at):
    """Today a canceled check returns no outputs and succeeds (``qgis_process`` exits 0)."""
    import processing

    with pytest.raises(QgsProcessingException) as raised:
        processing.run(
            "yongji:sitecompliance",
            {
                "SITES": f"{demo_gpkg}|layername=sites",
                "PLAN_GPKG": str(demo_gpkg),
                "SITE_SUMMARY": str(tmp_path / "summary.gpkg"),
                "CONFLICTS": str(tmp_path / "conflicts.gpkg"),
                "LANDCLASS_BREAKDOWN": str(tmp_path / "breakdown.gpkg"),
                "REPAIRS": str(tmp_path / "repairs.gpkg"),
                "REPORT": str(tmp_path / "report.html"),
            },
            feedback=CancelAt(reports=at),
        )
    _canceled(raised)
    assert _files(tmp_path) == []


def _qa_params(demo_gpkg, folder):
    return {
        "PLAN_GPKG": str(demo_gpkg),
        "RULES": [0, 1, 3],
        "OUTPUT": str(folder / "qa.gpkg"),
        "REPORT": str(folder / "qa.html"),
    }


def _check_params(demo_gpkg, folder):
    return {
        "SITES": f"{demo_gpkg}|layername=sites",
        "PLAN_GPKG": str(demo_gpkg),
        "SITE_SUMMARY": str(folder / "summary.gpkg"),
        "CONFLICTS": str(folder / "conflicts.gpkg"),
        "LANDCLASS_BREAKDOWN": str(folder / "breakdown.gpkg"),
        "REPAIRS": str(folder / "repairs.gpkg"),
        "REPORT": str(folder / "report.html"),
    }


@pytest.mark.parametrize("algorithm, params", [("yongji:planqa", _qa_params), ("yongji:sitecompliance", _check_params)])
def test_algorithm_canceled_while_writing_removes_what_it_wrote(provider, demo_gpkg, tmp_path, algorithm, params):
    """The last cancel check comes after the outputs and the report are written: a cancel there
    still fails the run and takes the files away (the algorithm's own, never others)."""
    import processing

    counter = CancelAt()
    (tmp_path / "full").mkdir()
    processing.run(algorithm, params(demo_gpkg, tmp_path / "full"), feedback=counter)
    assert len(_files(tmp_path / "full")) >= 3
    (tmp_path / "late").mkdir()
    (tmp_path / "late" / "keep.txt").write_text("not the algorithm's")
    with pytest.raises(QgsProcessingException) as raised:
        processing.run(algorithm, params(demo_gpkg, tmp_path / "late"), feedback=CancelAt(checks=counter.checks))
    _canceled(raised)
    assert [p.name for p in _files(tmp_path / "late")] == ["keep.txt"]


@pytest.mark.parametrize("at", [0, 4])
def test_print_algorithm_canceled_fails_and_leaves_no_partial_atlas(provider, demo_gpkg, tmp_path, at):
    import processing

    sheets = [s.id for s in load_sheets().sheets]
    with pytest.raises(QgsProcessingException) as raised:
        processing.run(
            "yongji:printsheets",
            {
                "PLAN_GPKG": str(demo_gpkg),
                "SHEETS": [sheets.index("control_lines")],
                "FORMAT": 1,
                "DPI": 72,
                "TOWNSHIP_ATLAS": True,
                "OUTPUT": str(tmp_path / "maps"),
            },
            feedback=CancelAt(reports=at),
        )
    _canceled(raised)
    assert _files(tmp_path / "maps" / "atlas_townships") == []
    assert len(_files(tmp_path / "maps")) == (0 if at == 0 else 1)


def _plan_that_keeps_qa_busy(demo_gpkg, path):
    """The demo plan with its land-use parcels and farmland copied in eight more times. qgis_process
    notices a Ctrl+C only when it next processes events, every few seconds of progress; the demo's
    QA finishes sooner than that on a fast machine. The copies overlap, so QA runs long."""
    from osgeo import gdal

    shutil.copyfile(demo_gpkg, path)
    for _ in range(8):
        gdal.VectorTranslate(str(path), str(demo_gpkg), accessMode="append", layers=["DLTB", "YJJBNT"])
    return path


CTRL_C = "Interrupted (Ctrl+C)"


def test_qgis_process_interrupted_exits_non_zero_and_writes_nothing(demo_gpkg, tmp_path):
    """Ctrl+C cancels qgis_process's feedback. Today the plan QA then either ends in a traceback
    (``Exception: unknown``) or exits 0 with an error layer and a report of "0 errors"."""
    home = install_plugin(tmp_path / "home")
    out = tmp_path / "out"
    plan = _plan_that_keeps_qa_busy(demo_gpkg, tmp_path / "busy_plan.gpkg")
    process, output, reader = start_interruptible(
        home,
        "run",
        "yongji:planqa",
        "--",
        f"PLAN_GPKG={plan}",
        f"OUTPUT={out / 'qa.gpkg'}",
        f"REPORT={out / 'qa.html'}",
    )
    deadline = time.monotonic() + 180
    while "..." not in "".join(output):  # the first progress report: the algorithm is running
        assert process.poll() is None and time.monotonic() < deadline, "".join(output)
        time.sleep(0.01)
    # the algorithm's own handler (processing/interrupt.py) takes the signal and says so; signal
    # again until it has (a second one after that would not be needed)
    while CTRL_C not in "".join(output) and process.poll() is None:
        assert time.monotonic() < deadline, "".join(output)
        process.send_signal(signal.SIGINT)
        time.sleep(0.5)
    process.wait(timeout=180)
    reader.join(timeout=60)
    seen = "".join(output)
    assert CTRL_C in seen, seen
    assert process.returncode != 0, seen
    assert "Plan QA was canceled" in seen and "Traceback" not in seen, seen
    assert _files(out) == []
