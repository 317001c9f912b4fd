"""The Processing algorithms in-process and from the real ``qgis_process`` command line."""

from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsProcessingFeedback, QgsVectorLayer

from helpers import run_in_a_model
from qgis_process_runner import json_payload, qgis_process


def test_site_compliance_algorithm(provider, demo_gpkg, tmp_path):
    import processing

    sites = QgsVectorLayer(f"{demo_gpkg}|layername=sites", "sites", "ogr")
    sites.selectByExpression("\"CASE\" in ('clean', 'redline')")
    from qgis.core import QgsProcessingFeatureSourceDefinition

    report = tmp_path / "report.html"
    result = processing.run(
        "yongji:sitecompliance",
        {
            "SITES": QgsProcessingFeatureSourceDefinition(sites.source(), selectedFeaturesOnly=False),
            "PLAN_GPKG": str(demo_gpkg),
            "TOLERANCE": 1.0,
            "AREA_CRS": "EPSG:4546",
            "AREA_METHOD": 0,
            "SITE_SUMMARY": "TEMPORARY_OUTPUT",
            "CONFLICTS": "TEMPORARY_OUTPUT",
            "LANDCLASS_BREAKDOWN": "TEMPORARY_OUTPUT",
            "REPAIRS": "TEMPORARY_OUTPUT",
            "REPORT": str(report),
        },
        feedback=QgsProcessingFeedback(),
    )
    summary = result["SITE_SUMMARY"]
    assert summary.featureCount() == sites.featureCount()
    verdicts = [f["verdict"] for f in summary.getFeatures()]
    assert "non-compliant" in verdicts and "compliant" in verdicts
    assert result["CONFLICTS"].featureCount() > 0
    assert Path(result["REPORT"]).exists() and report.with_suffix(".pdf").exists()


def test_selected_features_only(provider, demo_gpkg):
    import processing
    from qgis.core import QgsProcessingFeatureSourceDefinition, QgsProject

    sites = QgsVectorLayer(f"{demo_gpkg}|layername=sites", "sites", "ogr")
    QgsProject.instance().addMapLayer(sites)
    try:
        sites.selectByExpression("\"CASE\" = 'redline'")
        result = processing.run(
            "yongji:sitecompliance",
            {
                "SITES": QgsProcessingFeatureSourceDefinition(sites.id(), selectedFeaturesOnly=True),
                "PLAN_GPKG": str(demo_gpkg),
                "SITE_SUMMARY": "TEMPORARY_OUTPUT",
                "CONFLICTS": "TEMPORARY_OUTPUT",
                "LANDCLASS_BREAKDOWN": "TEMPORARY_OUTPUT",
                "REPAIRS": "TEMPORARY_OUTPUT",
            },
        )
        assert result["SITE_SUMMARY"].featureCount() == sites.selectedFeatureCount() >= 2
    finally:
        QgsProject.instance().removeMapLayer(sites.id())


def test_missing_control_layer_is_a_processing_error(provider, demo_gpkg):
    import processing
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="missing"):
        processing.run(
            "yongji:sitecompliance",
            {
                "SITES": f"{demo_gpkg}|layername=sites",
                "SITE_SUMMARY": "TEMPORARY_OUTPUT",
                "CONFLICTS": "TEMPORARY_OUTPUT",
                "LANDCLASS_BREAKDOWN": "TEMPORARY_OUTPUT",
                "REPAIRS": "TEMPORARY_OUTPUT",
            },
        )


def test_qgis_process_runs_the_check(demo_gpkg, qgis_process_home):
    home = qgis_process_home
    out = home / "result.gpkg"
    run = qgis_process(
        home,
        "--json",
        "run",
        "yongji:sitecompliance",
        "--",
        f"SITES={demo_gpkg}|layername=sites",
        f"PLAN_GPKG={demo_gpkg}",
        f"SITE_SUMMARY={out}",
        "CONFLICTS=TEMPORARY_OUTPUT",
        "LANDCLASS_BREAKDOWN=TEMPORARY_OUTPUT",
        "REPAIRS=TEMPORARY_OUTPUT",
    )
    payload = json_payload(run)
    assert "SITE_SUMMARY" in payload["results"]
    summary = QgsVectorLayer(payload["results"]["SITE_SUMMARY"], "s", "ogr")
    assert summary.featureCount() == 23


def test_check_runs_inside_a_model_and_supports_batch(provider, demo_gpkg):
    from qgis.core import QgsProcessing, QgsProcessingAlgorithm, QgsProcessingParameterFeatureSource

    algorithm = QgsApplication.processingRegistry().algorithmById("yongji:sitecompliance")
    assert algorithm.flags() & QgsProcessingAlgorithm.Flag.FlagSupportsBatch
    summary = run_in_a_model(
        "yongji:sitecompliance",
        QgsProcessingParameterFeatureSource("sites", "sites", [QgsProcessing.SourceType.TypeVectorPolygon]),
        "SITES",
        f"{demo_gpkg}|layername=sites",
        static={"PLAN_GPKG": str(demo_gpkg)},
        output="SITE_SUMMARY",
    )
    assert summary.featureCount() == 23


class _Log(QgsProcessingFeedback):
    """A feedback that keeps what the algorithm logs."""

    def __init__(self):
        super().__init__()
        self.lines = []

    def pushInfo(self, info):
        self.lines.append(info)
        super().pushInfo(info)


@pytest.mark.parametrize("backend, words", [(1, "shapely"), (2, "QGIS"), (None, "shapely")])
def test_backend_parameter_and_log(provider, demo_gpkg, backend, words):
    """BACKEND picks the overlay engine (empty: the Settings' choice, auto by default); the log
    and the report name the one that ran; a backend that cannot run is a Processing error."""
    import processing
    from qgis.core import QgsProcessingException

    params = {"SITES": f"{demo_gpkg}|layername=sites", "PLAN_GPKG": str(demo_gpkg), "SITE_SUMMARY": "TEMPORARY_OUTPUT"}
    if backend is not None:
        params["BACKEND"] = backend
    log = _Log()
    result = processing.run("yongji:sitecompliance", params, feedback=log)
    assert result["SITE_SUMMARY"].featureCount() == 23
    assert any(line.startswith("Overlay engine: " + words) for line in log.lines), log.lines
    qa = _Log()
    processing.run(
        "yongji:planqa",
        {
            "PLAN_GPKG": str(demo_gpkg),
            "RULES": [0],
            "OUTPUT": "TEMPORARY_OUTPUT",
            **({"BACKEND": backend} if backend is not None else {}),
        },
        feedback=qa,
    )
    assert any(line.startswith("Overlay engine: " + words) for line in qa.lines), qa.lines
    with pytest.raises(QgsProcessingException, match="postgis engine backend cannot run here"):
        processing.run("yongji:sitecompliance", {**params, "BACKEND": 3})
