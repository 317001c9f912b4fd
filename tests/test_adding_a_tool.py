"""README's "Adding a tool", walked with a tool that lives in this test only (not in the product):
buildings per township. Its check, outputs and job are what ``core/<tool>/`` would hold; the
dialog's engine (a JobTask into destination_for) and a Processing algorithm (run_job) are its two
thin shells. Both give the same layer, whose counts shapely gives independently, and the job's one
cleanup contract holds for it as for the product's measures.
"""

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from qgis.core import (
    QgsApplication,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterVectorLayer,
    QgsProcessingProvider,
    QgsSpatialIndex,
    QgsVectorLayer,
    QgsWkbTypes,
)
from shapely import wkb as shapely_wkb

from cancel_feedback import CancelAt
from helpers import wait_until
from yongji_plugin.core.measuring.inputs import check_layer
from yongji_plugin.core.shared.areas import AreaMethod
from yongji_plugin.core.shared.cancel import refuse_canceled
from yongji_plugin.core.shared.destinations import destination_for
from yongji_plugin.core.shared.job import Job
from yongji_plugin.core.shared.output_fields import OutputField, add_rows, memory_layer
from yongji_plugin.gui.shared.job_task import JobTask
from yongji_plugin.processing.base import YongjiAlgorithm
from yongji_plugin.processing.sinks import run_job

POLYGON = QgsWkbTypes.GeometryType.PolygonGeometry
COUNTS = "counts"


# --- core/<tool>/check.py -------------------------------------------------------------------------
@dataclass
class CountResult:
    townships: list = field(default_factory=list)  # (name, count)
    canceled: bool = False


def run_count(buildings, townships, feedback=None) -> CountResult:
    """Buildings per township, each building counted where a point on its surface lies."""
    area = AreaMethod.create()
    check_layer(buildings, "Building", POLYGON, area.crs)
    check_layer(townships, "Township", POLYGON, area.crs)
    points = {f.id(): f.geometry().pointOnSurface() for f in buildings.getFeatures()}
    index = QgsSpatialIndex()
    for fid, point in points.items():
        index.addFeature(fid, point.boundingBox())
    result = CountResult()
    for township in townships.getFeatures():
        if feedback is not None and feedback.isCanceled():
            result.canceled = True
            return result
        shape = township.geometry()
        inside = [fid for fid in index.intersects(shape.boundingBox()) if shape.contains(points[fid])]
        result.townships.append((township["XZQMC"], len(inside)))
    return result


# --- core/<tool>/outputs.py -----------------------------------------------------------------------
def count_layers(result: CountResult) -> dict:
    refuse_canceled(result)
    layer = memory_layer(
        "Buildings per township",
        "None",
        None,
        [OutputField("XZQMC", "string", "Township"), OutputField("n", "long", "Buildings")],
    )
    add_rows(layer, [({"XZQMC": name, "n": count}, None) for name, count in result.townships])
    return {COUNTS: layer}


def write_count_report(result: CountResult, path: Path) -> dict:
    refuse_canceled(result)
    rows = "".join(f"<tr><td>{name}</td><td>{count}</td></tr>" for name, count in result.townships)
    path.write_text(f"<html><body><table>{rows}</table></body></html>", encoding="utf-8")
    return {"html": path}


# --- core/<tool>/job.py ---------------------------------------------------------------------------
def count_job(buildings, townships) -> Job:
    return Job(
        title="Buildings per township",
        canceled_text="The count was canceled: nothing was written",
        compute=lambda feedback: run_count(buildings, townships, feedback),
        layers=count_layers,
        report=lambda result, path, written, note, feedback: write_count_report(result, path),
    )


# --- processing/<tool>/<tool>.py ------------------------------------------------------------------
class CountAlgorithm(YongjiAlgorithm):
    ALG_ID = "buildingcount"

    def displayName(self):
        return "Buildings per township"

    def initAlgorithm(self, config=None):
        any_geometry = [QgsProcessing.SourceType.TypeVectorAnyGeometry]  # the core's check says what is wrong
        self.addParameter(QgsProcessingParameterVectorLayer("BUILDINGS", "Buildings", any_geometry))
        self.addParameter(QgsProcessingParameterVectorLayer("TOWNSHIPS", "Townships", any_geometry))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", "Counts", QgsProcessing.SourceType.TypeVector))
        self.addParameter(
            QgsProcessingParameterFileDestination(
                "REPORT", "Report", "HTML files (*.html)", optional=True, createByDefault=False
            )
        )

    def processAlgorithm(self, parameters, context, feedback):
        job = count_job(
            self.parameterAsVectorLayer(parameters, "BUILDINGS", context),
            self.parameterAsVectorLayer(parameters, "TOWNSHIPS", context),
        )
        return run_job(self, job, parameters, context, feedback, {COUNTS: "OUTPUT"}, "REPORT")[1]


class ToolProvider(QgsProcessingProvider):
    def id(self):
        return "yongji_tool_test"

    def name(self):
        return "A tool of the test"

    def loadAlgorithms(self):
        self.addAlgorithm(CountAlgorithm())


# --- the test -------------------------------------------------------------------------------------
@pytest.fixture()
def tool_provider(qgis_processing):
    provider = ToolProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    yield provider
    QgsApplication.processingRegistry().removeProvider(provider)


@pytest.fixture()
def layers(demo_gpkg):
    return (
        QgsVectorLayer(f"{demo_gpkg}|layername=buildings", "buildings", "ogr"),
        QgsVectorLayer(f"{demo_gpkg}|layername=XZQ_XZ", "XZQ_XZ", "ogr"),
    )


def _shapely_counts(buildings, townships) -> dict:
    points = [shapely_wkb.loads(bytes(f.geometry().asWkb())).point_on_surface() for f in buildings.getFeatures()]
    return {
        t["XZQMC"]: sum(1 for p in points if shapely_wkb.loads(bytes(t.geometry().asWkb())).contains(p))
        for t in townships.getFeatures()
    }


def _counts(layer) -> dict:
    return {f["XZQMC"]: f["n"] for f in layer.getFeatures()}


def _run_task(job, output, report):
    """The task as a dialog starts it; ``on_done`` is where the dialog would show the results."""
    ended = []
    task = JobTask(job, destination_for(output), report, lambda task, ok: ended.append(ok))
    QgsApplication.taskManager().addTask(task)
    wait_until(lambda: ended)
    assert ended == [True], task.error
    return task


def test_a_new_tool_runs_the_same_way_from_dialog_and_processing(tool_provider, layers, tmp_path):
    import processing

    expected = _shapely_counts(*layers)
    assert sum(expected.values()) > 0
    task = _run_task(count_job(*layers), tmp_path / "dialog.gpkg", tmp_path / "dialog.html")
    assert _counts(task.layers_out[COUNTS]) == expected
    assert task.layers_out[COUNTS].source().startswith(str(tmp_path / "dialog.gpkg"))
    assert task.report_paths["html"].exists()
    result = processing.run(
        "yongji_tool_test:buildingcount",
        {
            "BUILDINGS": layers[0],
            "TOWNSHIPS": layers[1],
            "OUTPUT": str(tmp_path / "alg.gpkg"),
            "REPORT": str(tmp_path / "alg.html"),
        },
        feedback=QgsProcessingFeedback(),
    )
    assert _counts(QgsVectorLayer(result["OUTPUT"], "alg", "ogr")) == expected
    assert (tmp_path / "alg.html").read_text(encoding="utf-8") == (tmp_path / "dialog.html").read_text(encoding="utf-8")


def test_a_new_tool_keeps_the_cancel_contract(tool_provider, layers, tmp_path):
    import processing

    with pytest.raises(QgsProcessingException, match="The count was canceled"):
        processing.run(
            "yongji_tool_test:buildingcount",
            {
                "BUILDINGS": layers[0],
                "TOWNSHIPS": layers[1],
                "OUTPUT": str(tmp_path / "alg.gpkg"),
                "REPORT": str(tmp_path / "alg.html"),
            },
            feedback=CancelAt(checks=0),
        )
    with pytest.raises(QgsProcessingException, match="Township layer"):
        processing.run(
            "yongji_tool_test:buildingcount",
            {
                "BUILDINGS": layers[0],
                "TOWNSHIPS": f"{layers[1].source().split('|')[0]}|layername=GGFWSS",
                "OUTPUT": str(tmp_path / "alg.gpkg"),
            },
        )
    assert list(tmp_path.iterdir()) == []
