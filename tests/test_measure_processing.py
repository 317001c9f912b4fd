"""乡镇规划指引 and 规划指标 as Processing algorithms: in-process, in a model, batch, and via qgis_process."""

from pathlib import Path

import pytest
from qgis.core import (
    QgsApplication,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorLayer,
)

from cancel_feedback import CancelAt
from helpers import run_in_a_model
from qgis_process_runner import json_payload, qgis_process


def test_guidance_algorithm_writes_layer_tables_and_report(provider, demo_gpkg, tmp_path):
    import processing

    result = processing.run(
        "yongji:townshipguidance",
        {
            "PLAN_GPKG": str(demo_gpkg),
            "AREA_METHOD": 0,
            "OUTPUT": str(tmp_path / "guidance.gpkg"),
            "TABLE_CSV": str(tmp_path / "guidance.csv"),
            "TABLE_XLSX": str(tmp_path / "guidance.xlsx"),
            "REPORT": str(tmp_path / "guidance.html"),
        },
        feedback=QgsProcessingFeedback(),
    )
    layer = QgsVectorLayer(result["OUTPUT"], "g", "ogr")
    assert layer.featureCount() == 10 and layer.fields().lookupField("YJJBNT_mu") >= 0
    assert layer.fields().field("YJJBNT_mu").alias() == "永久基本农田 (mu)"  # kept in the GeoPackage
    assert QgsVectorLayer(result["TABLE_XLSX"], "x", "ogr").featureCount() == 11
    assert Path(result["TABLE_CSV"]).exists() and (tmp_path / "guidance.pdf").exists()


def test_indicator_algorithm_outputs(provider, demo_gpkg, tmp_path):
    import processing

    result = processing.run(
        "yongji:indicatorcheck",
        {
            "PLAN_GPKG": str(demo_gpkg),
            "YEAR": 0,
            "OUTPUT": str(tmp_path / "judgements.gpkg"),
            "TOWNSHIPS": str(tmp_path / "townships.shp"),
            "REPORT": str(tmp_path / "indicators.html"),
            "SHEET": str(tmp_path / "sheet.png"),
        },
        feedback=QgsProcessingFeedback(),
    )
    table = QgsVectorLayer(result["OUTPUT"], "t", "ogr")
    assert {f["year"] for f in table.getFeatures()} == {2025, 2035}
    townships = QgsVectorLayer(result["TOWNSHIPS"], "s", "ogr")
    status = {f["XZQMC"]: f["status"] for f in townships.getFeatures()}
    assert status["卿头镇"] == "short of target" and {f["year"] for f in townships.getFeatures()} == {2025}
    assert (tmp_path / "indicators.pdf").exists() and (tmp_path / "indicators_charts" / "city_2025.png").exists()
    assert Path(result["SHEET"]).stat().st_size > 10000


@pytest.mark.parametrize(
    "parameters, message",
    [
        ({"CODES": "GDBYL, NOPE"}, "unknown indicator code NOPE"),
        ({"INDICATORS": "{bad}"}, "is not valid"),
        ({"PLAN_GPKG": None}, r"乡镇级行政区 \(XZQ_XZ\)"),
    ],
)
def test_indicator_algorithm_bad_input(provider, demo_gpkg, tmp_path, parameters, message):
    import processing

    if parameters.get("INDICATORS") == "{bad}":
        bad = tmp_path / "bad.yaml"
        bad.write_text(
            "indicators:\n  - {code: A, name: a, unit: ha, kind: 约束性, direction: 不低于,\n"
            "     targets: {2035: 1}, measure: {layer: NOSUCH}}\n",
            encoding="utf-8",
        )
        parameters = {"INDICATORS": str(bad)}
    run = {"PLAN_GPKG": str(demo_gpkg), "OUTPUT": "TEMPORARY_OUTPUT", **parameters}
    if run["PLAN_GPKG"] is None:
        del run["PLAN_GPKG"]
        run["LAYERS"] = [f"{demo_gpkg}|layername=DLTB"]
    with pytest.raises(QgsProcessingException, match=message):
        processing.run("yongji:indicatorcheck", run)


@pytest.mark.parametrize(
    "alg_id, at",
    [
        ("yongji:townshipguidance", 0),
        ("yongji:townshipguidance", 3),
        ("yongji:indicatorcheck", 0),
        ("yongji:indicatorcheck", 5),
    ],
)
def test_a_canceled_algorithm_fails_and_writes_nothing(provider, demo_gpkg, tmp_path, alg_id, at):
    import processing

    files = {
        "townshipguidance": {"TABLE_XLSX": "t.xlsx", "REPORT": "r.html"},
        "indicatorcheck": {"TOWNSHIPS": "s.gpkg", "REPORT": "r.html", "SHEET": "m.pdf"},
    }[alg_id.split(":")[1]]
    run = {
        "PLAN_GPKG": str(demo_gpkg),
        "OUTPUT": str(tmp_path / "o.gpkg"),
        **{key: str(tmp_path / name) for key, name in files.items()},
    }
    with pytest.raises(QgsProcessingException, match="canceled: nothing was written"):
        processing.run(alg_id, run, feedback=CancelAt(reports=at))
    assert list(tmp_path.iterdir()) == []


def test_algorithms_support_batch_and_models(provider, demo_gpkg):
    from qgis.core import QgsProcessingParameterFile

    for alg_id in ("yongji:townshipguidance", "yongji:indicatorcheck"):
        algorithm = QgsApplication.processingRegistry().algorithmById(alg_id)
        assert algorithm.flags() & QgsProcessingAlgorithm.Flag.FlagSupportsBatch, alg_id
    table = run_in_a_model(
        "yongji:indicatorcheck",
        QgsProcessingParameterFile("plan", "plan", extension="gpkg"),
        "PLAN_GPKG",
        str(demo_gpkg),
        static={"CODES": "YJJBNT"},
    )
    assert {f["code"] for f in table.getFeatures()} == {"YJJBNT", "TS-02"}  # TS-05 needs GDBYL too


def test_qgis_process_runs_both_and_fails_on_bad_input(demo_gpkg, qgis_process_home):
    home = qgis_process_home
    guidance = qgis_process(
        home,
        "--json",
        "run",
        "yongji:townshipguidance",
        "--",
        f"PLAN_GPKG={demo_gpkg}",
        f"OUTPUT={home / 'g.gpkg'}",
        f"TABLE_XLSX={home / 'g.xlsx'}",
    )
    payload = json_payload(guidance)
    assert QgsVectorLayer(payload["results"]["TABLE_XLSX"], "x", "ogr").featureCount() == 11
    check = qgis_process(
        home,
        "--json",
        "run",
        "yongji:indicatorcheck",
        "--",
        f"PLAN_GPKG={demo_gpkg}",
        f"OUTPUT={home / 'i.gpkg'}",
        f"SHEET={home / 'sheet.pdf'}",
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert (home / "sheet.pdf").stat().st_size > 10000
    unknown = qgis_process(
        home, "run", "yongji:indicatorcheck", "--", f"PLAN_GPKG={demo_gpkg}", "CODES=NOPE", f"OUTPUT={home / 'x.gpkg'}"
    )
    assert unknown.returncode != 0 and "unknown indicator code NOPE" in unknown.stdout + unknown.stderr
