"""A cancel takes effect within a second or two at every stage of a big run (issue #24, item 7).

10,000 generated sites over the demo plan (large ones: about 100,000 conflict pieces and
land-class rows, so building and writing the output layers takes seconds). Each test cancels the
run in one stage — the engine, the output rows, the GeoPackage, Processing's sinks, the report, a
dialog's background task, Ctrl+C to ``qgis_process`` — and measures the time from the cancel to
the run's end. The bound (``BOUND`` seconds, generous for a loaded 2-core machine) checks that
the cancel is noticed there, not how fast the machine is: before, the output rows (12 s on a
county's farmland), the GeoPackage and the sinks ran to their end, and ``qgis_process`` noticed
a Ctrl+C only at its next progress report, so a run went on 48–75 s and exited 0. Each run must
also end canceled and leave nothing behind.
"""

import gc
import random
import signal
import threading
import time
from dataclasses import replace

import pytest
from qgis.core import (
    Qgis,
    QgsApplication,
    QgsFillSymbol,
    QgsGeometryGeneratorSymbolLayer,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)

from helpers import memory_layer, wait_until
from qgis_process_runner import install_plugin, start_interruptible
from yongji_plugin.core.plan_data.map_image import render_extent
from yongji_plugin.core.shared.areas import AreaMethod
from yongji_plugin.core.shared.cancel import Canceled, watching
from yongji_plugin.core.shared.destinations import GeoPackageDestination, MemoryDestination
from yongji_plugin.core.shared.job import compute, deliver
from yongji_plugin.core.site_check.check import CheckParams
from yongji_plugin.core.site_check.job import compliance_job
from yongji_plugin.core.site_check.outputs import BREAKDOWN, CONFLICTS, REPAIRS, SUMMARY
from yongji_plugin.core.site_check.ruleset import load_ruleset
from yongji_plugin.gui.shared.job_task import JobTask
from yongji_plugin.processing.sinks import run_job

BOUND = 3.0  # seconds from the cancel to the end of the run
SITES = 10_000


def _site_rows(extent, count=SITES, seed=24):
    """Squares of 0.7–2.1 km anywhere over the city's extent (deterministic)."""
    rng, rows = random.Random(seed), []
    for number in range(count):
        x = rng.uniform(extent.xMinimum(), extent.xMaximum())
        y = rng.uniform(extent.yMinimum(), extent.yMaximum())
        size = rng.uniform(700.0, 2100.0)
        ring = f"{x} {y}, {x + size} {y}, {x + size} {y + size}, {x} {y + size}, {x} {y}"
        rows.append((f"POLYGON(({ring}))", [f"S{number:05d}", f"地块{number}"]))
    return rows


@pytest.fixture(scope="module")
def sites(plan):
    layer = memory_layer(
        "Polygon", plan["XZQ"].crs().authid(), ["DKBH:string", "DKMC:string"], _site_rows(plan["XZQ"].extent())
    )
    holder = [layer]
    yield holder[0]
    holder.clear()
    gc.collect()


def _job(sites, plan, backend="auto"):
    return compliance_job(sites, plan, load_ruleset(), CheckParams(AreaMethod.create(), backend=backend))


@pytest.fixture(scope="module")
def checked(sites, plan):
    """The run's job and its whole result (computed once), and its output layers built once."""
    job = _job(sites, plan)
    result = compute(job, QgsProcessingFeedback())
    assert not result.canceled and len(result.sites) == SITES
    layers = job.layers(result)
    assert len(layers[CONFLICTS]) + len(layers[BREAKDOWN]) > 50_000  # tables, as the job builds them
    yield job, result, layers
    layers.clear()
    gc.collect()


class CancelLater:
    """Cancels ``feedback`` from another thread ``after`` seconds, as a dialog's Cancel button or
    a Ctrl+C does; ``at`` is when it did."""

    def __init__(self, feedback, after: float):
        self.feedback, self.at = feedback, None
        self.timer = threading.Timer(after, self._cancel)

    def _cancel(self):
        self.at = time.monotonic()
        self.feedback.cancel()

    def __enter__(self):
        self.timer.start()
        return self

    def __exit__(self, *_):
        self.timer.cancel()
        self.ended = time.monotonic()
        return False

    def took(self) -> float:
        assert self.at is not None, "the run ended before the cancel came: the stage is too short"
        return self.ended - self.at


class CancelAtProgress(QgsProcessingFeedback):
    """Cancels itself when the run's progress first passes ``percent`` (deterministic: in the
    thread that reports, at that report)."""

    def __init__(self, percent: float):
        super().__init__()
        self.percent, self.at = percent, None
        self.progressChanged.connect(self._reported)

    def _reported(self, value):
        if self.at is None and value >= self.percent:
            self.at = time.monotonic()
            self.cancel()


def _files(folder):
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


@pytest.mark.parametrize("backend", ["shapely", "qgis"])
def test_engine_stops_soon_after_a_cancel(sites, plan, backend):
    feedback = CancelAtProgress(10)
    result = compute(_job(sites, plan, backend), feedback)
    took = time.monotonic() - feedback.at
    assert result.canceled and result.sites == [] and result.pieces == []
    assert took < BOUND, f"{took:.1f} s from the cancel to the end of the engine"


def test_output_rows_stop_soon_after_a_cancel(checked):
    """Before, the result layers of 10,000 sites were built to the last row (seconds; 22 s on a
    county's farmland) before the delivery looked at the cancel."""
    job, result, _ = checked
    feedback = QgsProcessingFeedback()
    with CancelLater(feedback, 0.3) as cancel:
        delivery = deliver(job, replace(result), MemoryDestination(), None, feedback)
    assert delivery.canceled and delivery.layers == {}
    assert cancel.took() < BOUND, f"{cancel.took():.1f} s from the cancel to the end of the delivery"


def test_geopackage_writing_stops_soon_after_a_cancel(checked, tmp_path):
    """The layers built, then a cancel while they are written: the writer stops between rows and
    the GeoPackage is removed (before: every layer written and read back, then removed)."""
    job, result, layers = checked
    feedback = QgsProcessingFeedback()
    path = tmp_path / "result.gpkg"
    with CancelLater(feedback, 0.3) as cancel:
        delivery = deliver(
            replace(job, layers=lambda _: layers), replace(result), GeoPackageDestination(path), None, feedback
        )
    assert delivery.canceled
    assert cancel.took() < BOUND, f"{cancel.took():.1f} s from the cancel to the end of the writing"
    assert _files(tmp_path) == []


def test_processing_sinks_stop_soon_after_a_cancel(checked, provider, tmp_path):
    job, result, layers = checked
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("yongji:sitecompliance")
    names = (SUMMARY, CONFLICTS, BREAKDOWN, REPAIRS)
    parameters = {name.upper(): str(tmp_path / f"{name}.gpkg") for name in names}
    feedback = QgsProcessingFeedback()
    with CancelLater(feedback, 0.3) as cancel, pytest.raises(QgsProcessingException, match="canceled"):
        run_job(
            algorithm,
            replace(job, compute=lambda _: replace(result), layers=lambda _: layers),
            parameters,
            QgsProcessingContext(),
            feedback,
            {name: name.upper() for name in names},
        )
    assert cancel.took() < BOUND, f"{cancel.took():.1f} s from the cancel to the algorithm's end"
    assert _files(tmp_path) == []


def test_report_stops_soon_after_a_cancel(checked, tmp_path):
    """Its maps (each render stopped where it is) and its PDF (between sections)."""
    job, result, _ = checked
    for after in (1.0, 6.0):
        folder = tmp_path / f"at_{after}"
        feedback = QgsProcessingFeedback()
        with CancelLater(feedback, after) as cancel:
            delivery = deliver(
                replace(job, layers=lambda _: {}), replace(result), None, folder / "report.html", feedback
            )
        assert delivery.canceled and delivery.report is None
        assert cancel.took() < BOUND, f"{cancel.took():.1f} s from the cancel at {after} s to the report's end"
        assert _files(folder) == []


def test_a_map_render_stops_where_it_is(demo_gpkg):
    """One report map is one C++ call: a cancel stops the render from the thread that cancels
    (before: the map was drawn to the end, seconds for a dense layer, and saved)."""
    parcels = QgsVectorLayer(f"{demo_gpkg}|layername=DLTB", "DLTB", "ogr")
    symbol = QgsFillSymbol()  # a slow style on a real layer: each parcel buffered out and back in
    slow = QgsGeometryGeneratorSymbolLayer.create({"geometryModifier": "buffer(buffer($geometry, 30, 48), -20, 48)"})
    slow.setSymbolType(Qgis.SymbolType.Fill)
    symbol.changeSymbolLayer(0, slow)
    parcels.setRenderer(QgsSingleSymbolRenderer(symbol))
    feedback = QgsProcessingFeedback()
    with pytest.raises(Canceled), watching(feedback), CancelLater(feedback, 0.3) as cancel:
        render_extent([parcels], parcels.crs(), parcels.extent(), (1200, 1200))
    assert cancel.took() < 1.0, f"{cancel.took():.1f} s from the cancel to the render's end"


def test_dialog_task_stops_soon_after_its_cancel(checked, tmp_path):
    """A dialog's background task canceled as its Cancel button does (``task.cancel()`` on the
    GUI thread) while the worker writes the layers."""
    job, result, layers = checked
    ended = []
    task = JobTask(
        replace(job, compute=lambda _: replace(result), layers=lambda _: layers),
        GeoPackageDestination(tmp_path / "result.gpkg"),
        None,
        lambda task, ok: ended.append((time.monotonic(), ok)),
    )
    QgsApplication.taskManager().addTask(task)
    wait_until(lambda: (tmp_path / "result.gpkg").exists(), 60)
    canceled_at = time.monotonic()
    task.cancel()
    wait_until(lambda: ended, 120)
    took = ended[0][0] - canceled_at
    assert ended[0][1] is False and task.layers_out is None
    assert took < BOUND, f"{took:.1f} s from the Cancel to the task's end"
    assert _files(tmp_path) == []


def _sites_file(sites, path):
    from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter

    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName, options.layerName = "GPKG", "sites"
    error, *_ = QgsVectorFileWriter.writeAsVectorFormatV3(sites, str(path), QgsCoordinateTransformContext(), options)
    assert error == QgsVectorFileWriter.WriterError.NoError
    return path


def test_ctrl_c_stops_qgis_process_soon(sites, demo_gpkg, tmp_path):
    """Ctrl+C once the check is done (while the layers and the report are written): qgis_process
    stops within the bound, exits non-zero and leaves no output. Before, it noticed the signal only
    at a progress report more than 2 s after the last one it had processed events at (never with
    ``--json``: test_interrupt.py covers the handler whatever the output), and finished the run with
    every output written, exit code 0."""
    home = install_plugin(tmp_path / "home")
    out = tmp_path / "out"
    out.mkdir()
    process, output, reader = start_interruptible(
        home,
        "run",
        "yongji:sitecompliance",
        "--",
        f"SITES={_sites_file(sites, tmp_path / 'sites.gpkg')}|layername=sites",
        f"PLAN_GPKG={demo_gpkg}",
        f"SITE_SUMMARY={out / 'summary.gpkg'}",
        f"CONFLICTS={out / 'conflicts.gpkg'}",
        f"LANDCLASS_BREAKDOWN={out / 'breakdown.gpkg'}",
        f"REPORT={out / 'report.html'}",
    )
    deadline = time.monotonic() + 300
    while not any(out.glob("*.gpkg")):  # the check is done: its first layer is being written
        assert process.poll() is None and time.monotonic() < deadline, "".join(output)
        time.sleep(0.05)
    time.sleep(0.5)
    interrupted = time.monotonic()
    process.send_signal(signal.SIGINT)
    process.wait(timeout=300)
    took = time.monotonic() - interrupted
    reader.join(timeout=60)
    seen = "".join(output)
    assert process.returncode != 0, seen
    assert "The compliance check was canceled" in seen and "Traceback" not in seen, seen
    assert took < BOUND + 2.0, f"{took:.1f} s from Ctrl+C to the exit (QGIS's own exit included)"
    assert _files(out) == []
