"""规划版本对比 from the toolbar dialog (real widgets, real QgsTask), from Processing (in-process and
``qgis_process``) and with PostGIS as one side or both (two schemas of a throw-away server)."""

import pytest
from qgis.core import (
    QgsApplication,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)

import postgis_server
from helpers import wait_for_task
from qgis_process_runner import json_payload, qgis_process
from yongji_plugin.core.plan_data.sources import Source
from yongji_plugin.core.shared.areas import AreaMethod
from yongji_plugin.core.versions.compare import compare_sources
from yongji_plugin.core.versions.model import CompareParams
from yongji_plugin.core.versions.outputs import ATTRIBUTE_CHANGES, GAINED, LAYERS, LOST
from yongji_plugin.gui.versions.dialog import VersionsDialog

SHEETS = {"YJJBNT", "CZKFBJ", "GHFQ", "LSJZ", "WWBHDW", "JZQ"}


@pytest.fixture()
def dialog(qgis_iface):
    QgsProject.instance().clear()
    yield VersionsDialog(qgis_iface, open_report=False)
    QgsProject.instance().clear()


def _catalogue_layers_in(path) -> int:
    """How many catalogue layers a GeoPackage holds: every one is compared, changed or not."""
    from osgeo import ogr

    from yongji_plugin.core.plan_data.catalogue import default_catalogue

    source = ogr.Open(str(path))
    names = {source.GetLayer(i).GetName() for i in range(source.GetLayerCount())}
    return sum(1 for spec in default_catalogue().layers if spec.code in names)


def _pick(dialog, first, second):
    dialog.old.set_source(Source("gpkg", str(first)))
    dialog.new.set_source(Source("gpkg", str(second)))


def test_dialog_compares_in_the_background_and_adds_styled_change_layers(dialog, demo_versions):
    first, second = demo_versions[:2]
    _pick(dialog, first, second)
    assert dialog.run() is not None
    assert not dialog.runButton.isEnabled() and dialog.cancelButton.isEnabled()
    wait_for_task(dialog, seconds=300)
    compared = _catalogue_layers_in(first)
    assert dialog.progressBar.value() == 100 and f"6 of {compared} layers changed" in dialog.statusLabel.text()
    group = QgsProject.instance().layerTreeRoot().findGroup("Plan version comparison")
    assert group is not None
    names = {node.layer().name() for node in group.findLayers()}
    assert {"Area gained", "Area lost", "Attributes changed", "Changes per layer"} <= names
    assert dialog.outputs[GAINED].featureCount() == 3 and dialog.outputs[LOST].featureCount() == 3
    assert dialog.outputs[ATTRIBUTE_CHANGES].renderer().symbol().symbolLayer(0).strokeColor().name() == "#ff7f00"
    assert set(dialog.report_paths["sheets"]) == SHEETS and dialog.report_paths["pdf"].exists()


def test_dialog_cancel_adds_nothing(dialog, demo_versions):
    first, second = demo_versions[:2]
    _pick(dialog, first, second)
    assert dialog.run() is not None
    dialog.cancel()
    wait_for_task(dialog, seconds=300)
    assert dialog.runButton.isEnabled() and not dialog.cancelButton.isEnabled()
    assert "canceled" in dialog.statusLabel.text()
    assert QgsProject.instance().layerTreeRoot().findGroup("Plan version comparison") is None


def test_dialog_refuses_bad_choices_without_a_task(dialog, demo_versions):
    first = demo_versions[0]
    dialog.old.set_source(Source("gpkg", str(first)))
    dialog.new.set_source(Source("gpkg", ""))
    assert dialog.run() is None and dialog.task is None
    dialog.new.set_source(Source("gpkg", str(first)))
    assert dialog.run() is None and dialog.task is None  # the same source twice


def test_processing_algorithm_writes_every_output_and_the_report(provider, demo_versions, tmp_path):
    import processing

    first, second = demo_versions[:2]
    report = tmp_path / "versions.html"
    outputs = {
        key: "TEMPORARY_OUTPUT" for key in ("LAYER_CHANGES", "AREA_CHANGES", "LOST", "ATTRIBUTE_CHANGES", "REPAIRS")
    }
    outputs.update(FEATURE_CHANGES=str(tmp_path / "features.shp"), GAINED=str(tmp_path / "gained.shp"))
    result = processing.run(
        "yongji:compareversions",
        {
            "OLD_KIND": 0,
            "OLD_SOURCE": str(first),
            "NEW_KIND": 0,
            "NEW_SOURCE": str(second),
            "REPORT": str(report),
            **outputs,
        },
        feedback=QgsProcessingFeedback(),
    )
    summary = {f["layer"]: f for f in result["LAYER_CHANGES"].getFeatures()}
    assert summary["YJJBNT"]["removed"] == 2 and summary["LSJZ"]["status"] == "only in the earlier version"
    features = QgsVectorLayer(result["FEATURE_CHANGES"], "features", "ogr")
    gained = QgsVectorLayer(result["GAINED"], "gained", "ogr")
    assert features.featureCount() == 9 and gained.featureCount() == 3
    assert {f["town"] for f in gained.getFeatures()} == {"张营镇", "城西街道"}
    assert report.exists() and report.with_suffix(".pdf").exists()
    sheets = sorted(p.name.split("_")[0] for p in (tmp_path / "versions_sheets").glob("*.pdf"))
    assert set(sheets) == SHEETS


def test_processing_refuses_a_missing_source(provider, demo_versions, tmp_path):
    import processing

    with pytest.raises(QgsProcessingException, match="GeoPackage not found"):
        processing.run(
            "yongji:compareversions",
            {
                "OLD_KIND": 0,
                "OLD_SOURCE": str(tmp_path / "gone.gpkg"),
                "NEW_KIND": 0,
                "NEW_SOURCE": str(demo_versions[1]),
                "LAYER_CHANGES": "TEMPORARY_OUTPUT",
            },
        )


def test_qgis_process_compares_the_demo_versions(demo_versions, qgis_process_home):
    first, second = demo_versions[:2]
    home = qgis_process_home
    out = home / "changes.gpkg"
    run = qgis_process(
        home,
        "--json",
        "run",
        "yongji:compareversions",
        "--",
        "OLD_KIND=0",
        f"OLD_SOURCE={first}",
        "NEW_KIND=0",
        f"NEW_SOURCE={second}",
        f"LAYER_CHANGES={out}",
        f"AREA_CHANGES={home / 'areas.gpkg'}",
        timeout=600,
    )
    payload = json_payload(run)
    table = QgsVectorLayer(payload["results"]["LAYER_CHANGES"], "t", "ogr")
    assert table.featureCount() == _catalogue_layers_in(first)
    areas = QgsVectorLayer(payload["results"]["AREA_CHANGES"], "a", "ogr")
    assert {f["town"] for f in areas.getFeatures() if f["layer"] == "CZKFBJ"} == {"城西街道"}
    failed = qgis_process(
        home,
        "run",
        "yongji:compareversions",
        "--",
        "OLD_KIND=0",
        f"OLD_SOURCE={home / 'gone.gpkg'}",
        "NEW_KIND=0",
        f"NEW_SOURCE={second}",
        f"LAYER_CHANGES={home / 'never.gpkg'}",
        timeout=600,
    )
    assert failed.returncode != 0 and not (home / "never.gpkg").exists()


# --- PostGIS ------------------------------------------------------------------------------------
CODES = ("XZQ_XZ", "YJJBNT", "CZKFBJ", "GHFQ", "LSJZ")
CONNECTION = "永济规划库（版本对比测试）"


@pytest.fixture(scope="module")
def database(demo_versions):
    first, second = demo_versions[:2]
    server = postgis_server.Server().start()
    for schema, gpkg in (("v2020", first), ("v2024", second)):
        server.psql(f"CREATE SCHEMA {schema}", database="yongji")
        for code in CODES:
            layer = QgsVectorLayer(f"{gpkg}|layername={code}", code, "ogr")
            if not layer.isValid():
                continue  # 历史建筑 was dropped from the later version
            server.export(layer, code.lower(), schema=schema)
    with server.saved_connection(CONNECTION):
        yield server
    server.stop()


def _same(a, b):
    for mine, theirs in zip(a.layers, b.layers):
        assert mine.spec.code == theirs.spec.code and mine.status == theirs.status, mine.spec.code
        assert [c.change for c in mine.changes] == [c.change for c in theirs.changes], mine.spec.code
        assert set(mine.class_totals) == set(theirs.class_totals), mine.spec.code
        for klass, (gained, lost) in theirs.class_totals.items():
            assert mine.class_totals[klass][0] == pytest.approx(gained, rel=1e-6, abs=1e-3), mine.spec.code
            assert mine.class_totals[klass][1] == pytest.approx(lost, rel=1e-6, abs=1e-3), mine.spec.code
        rows = {(r.klass, r.township): (r.gained, r.lost) for r in theirs.areas}
        assert {(r.klass, r.township) for r in mine.areas} == set(rows), mine.spec.code


@pytest.mark.parametrize("old_in_postgis, new_in_postgis", [(True, False), (True, True)])
def test_postgis_as_one_side_or_both_gives_the_geopackage_answer(
    database, demo_versions, old_in_postgis, new_in_postgis
):
    first, second = demo_versions[:2]
    params = CompareParams(AreaMethod.create(), codes=CODES)
    reference, *_ = compare_sources(Source("gpkg", str(first)), Source("gpkg", str(second)), params)
    old = Source("postgis", CONNECTION, "v2020") if old_in_postgis else Source("gpkg", str(first))
    new = Source("postgis", CONNECTION, "v2024") if new_in_postgis else Source("gpkg", str(second))
    result, old_layers, _ = compare_sources(old, new, params)
    assert {layer.providerType() for layer in old_layers.values()} == {"postgres"}
    assert result.old_label.endswith("v2020")
    _same(result, reference)


def test_an_unknown_schema_is_an_error_naming_it(database):
    from yongji_plugin.core.shared.errors import PlanError

    with pytest.raises(PlanError, match="no schema v1999"):
        compare_sources(
            Source("postgis", CONNECTION, "v1999"),
            Source("postgis", CONNECTION, "v2024"),
            CompareParams(AreaMethod.create()),
        )


def test_layer_summary_is_the_main_output(provider):
    algorithm = QgsApplication.processingRegistry().algorithmById("yongji:compareversions")
    required = [p.name() for p in algorithm.destinationParameterDefinitions() if not p.flags() & p.Flag.FlagOptional]
    assert required == ["LAYER_CHANGES"] and LAYERS == "layer_changes"


def test_one_plan_parameter_reads_a_postgis_schema_and_names_a_layer_in_two(database, demo_versions, provider):
    """PLAN_GPKG=postgis:<connection>/<schema> reads that schema's layers; read across every schema
    the layers held in both versions are named, never taken silently."""
    import processing
    from qgis.core import QgsProcessingFeedback

    from yongji_plugin.core.plan_data.catalogue import default_catalogue
    from yongji_plugin.core.plan_data.loader import NONCONFORMING, inspect_source
    from yongji_plugin.core.plan_data.source_text import parse_source

    second = demo_versions[1]
    assert parse_source(f"postgis:{CONNECTION}/v2024") == Source("postgis", CONNECTION, "v2024")
    statuses = {s.spec.code: s for s in inspect_source(parse_source(f"postgis:{CONNECTION}"))}
    farmland = statuses["YJJBNT"]
    assert farmland.status == NONCONFORMING
    assert "found more than once in the source: " in farmland.problems[0]
    assert "v2020.yjjbnt" in farmland.problems[0] and "v2024.yjjbnt" in farmland.problems[0]
    names = {spec.code: spec.name for spec in default_catalogue().layers}  # as the plugin names them
    layers = [QgsVectorLayer(f"{second}|layername={code}", names[code], "ogr") for code in CODES]
    runs = []
    valid = [layer for layer in layers if layer.isValid()]
    for plan in ({"PLAN_GPKG": f"postgis:{CONNECTION}/v2024"}, {"LAYERS": valid}):
        feedback = QgsProcessingFeedback()
        runs.append(processing.run("yongji:planqa", {**plan, "OUTPUT": "TEMPORARY_OUTPUT"}, feedback=feedback))
    problems = [sorted((f["rule_id"], f["layer"], f["problem"]) for f in run["OUTPUT"].getFeatures()) for run in runs]
    assert problems[0] == problems[1]
