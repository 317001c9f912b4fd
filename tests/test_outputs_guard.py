"""Outputs never overwrite inputs; an existing GeoPackage gains or replaces only the named layer;
an unwritable destination is a sentence before anything is written.

The issue's case: ``SITE_SUMMARY=plan.gpkg`` with ``PLAN_GPKG=plan.gpkg`` replaced the whole
plan (28 layers → 1) and ``qgis_process`` exited 0. Layer counts are read back with OGR.
"""

import shutil

import pytest
from osgeo import ogr
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer

from yongji_plugin.core.shared import outputs_guard
from yongji_plugin.core.shared.errors import PlanError


def layer_names(path) -> list:
    dataset = ogr.Open(str(path))
    names = sorted(dataset.GetLayerByIndex(i).GetName() for i in range(dataset.GetLayerCount()))
    dataset = None
    return names


def added(before, path) -> set:
    """Layers ``path`` holds beyond ``before`` (the field titles' style table aside)."""
    return set(layer_names(path)) - set(before) - {"layer_styles"}


@pytest.fixture()
def plan_copy(demo_gpkg, tmp_path):
    """A copy of the demo plan the test may lose (never the session's demo)."""
    path = tmp_path / "plan.gpkg"
    shutil.copy(demo_gpkg, path)
    return path


class Feedback(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.infos = []

    def pushInfo(self, info):
        self.infos.append(info)
        super().pushInfo(info)


def compliance(**parameters):
    """Site compliance on the given parameters; the results and what it said."""
    import processing

    feedback = Feedback()
    return processing.run("yongji:sitecompliance", parameters, feedback=feedback), feedback.infos


@pytest.mark.parametrize(
    "summary", ["{plan}", "{plan}|layername=result", "ogr:dbname='{plan}' table=\"result\" (geom)"]
)
def test_an_output_into_the_plan_geopackage_is_refused(provider, plan_copy, demo_gpkg, summary):
    before = layer_names(plan_copy)
    with pytest.raises(
        QgsProcessingException,
        match=r"Site summary \(.*plan.gpkg\) would write over the input "
        r"Plan data",
    ):
        compliance(
            SITES=f"{demo_gpkg}|layername=sites", PLAN_GPKG=str(plan_copy), SITE_SUMMARY=summary.format(plan=plan_copy)
        )
    assert layer_names(plan_copy) == before and len(before) > 20


def test_an_output_into_the_sites_file_is_refused(provider, plan_copy, demo_gpkg, tmp_path):
    with pytest.raises(QgsProcessingException, match="would write over the input Project sites"):
        compliance(
            SITES=f"{plan_copy}|layername=sites",
            PLAN_GPKG=str(demo_gpkg),
            SITE_SUMMARY=str(tmp_path / "ok.gpkg"),
            CONFLICTS=f"{plan_copy}|layername=conflicts",
        )
    assert not (tmp_path / "ok.gpkg").exists()  # refused before anything ran


def test_two_outputs_into_one_file_are_refused(provider, demo_gpkg, tmp_path):
    with pytest.raises(QgsProcessingException, match="Site summary and Conflict pieces would both write"):
        compliance(
            SITES=f"{demo_gpkg}|layername=sites",
            PLAN_GPKG=str(demo_gpkg),
            SITE_SUMMARY=str(tmp_path / "out.gpkg"),
            CONFLICTS=str(tmp_path / "out.gpkg"),
        )


def test_an_existing_geopackage_gains_only_the_named_layer(provider, demo_gpkg, tmp_path):
    mine = tmp_path / "mine.gpkg"
    shutil.copy(demo_gpkg, mine)  # the user's own GeoPackage, not an input of this run
    before = layer_names(mine)
    sites = f"{demo_gpkg}|layername=sites"
    result, said = compliance(
        SITES=sites, PLAN_GPKG=str(demo_gpkg), SITE_SUMMARY=str(mine), CONFLICTS=f"{mine}|layername=conflicts"
    )
    assert added(before, mine) == {"conflicts", "mine"}
    assert result["SITE_SUMMARY"] == f"{mine}|layername=mine"
    assert any(
        "layer mine added to the existing GeoPackage" in line and "its other layers kept" in line for line in said
    )
    count = QgsVectorLayer(f"{demo_gpkg}|layername=sites", "s", "ogr").featureCount()
    assert QgsVectorLayer(result["SITE_SUMMARY"], "r", "ogr").featureCount() == count
    compliance(SITES=sites, PLAN_GPKG=str(demo_gpkg), SITE_SUMMARY=str(mine))  # again: replaced, not doubled
    assert added(before, mine) == {"conflicts", "mine"}
    assert QgsVectorLayer(f"{mine}|layername=mine", "r", "ogr").featureCount() == count


def test_a_new_geopackage_layer_by_name(provider, demo_gpkg, tmp_path):
    result, _ = compliance(
        SITES=f"{demo_gpkg}|layername=sites",
        PLAN_GPKG=str(demo_gpkg),
        SITE_SUMMARY=f"{tmp_path / 'new.gpkg'}|layername=summary",
    )
    assert added([], tmp_path / "new.gpkg") == {"summary"}
    assert result["SITE_SUMMARY"] == f"{tmp_path / 'new.gpkg'}|layername=summary"


def test_a_report_under_a_file_is_a_sentence_and_nothing_is_written(provider, demo_gpkg, tmp_path):
    """Root ignores permission bits, so the unwritable folder is a path whose parent is a file."""
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("a file")
    with pytest.raises(
        QgsProcessingException,
        match=r"Review report.*: cannot write .*not_a_folder.* is a "
        r"file, not a folder",
    ):
        compliance(
            SITES=f"{demo_gpkg}|layername=sites",
            PLAN_GPKG=str(demo_gpkg),
            SITE_SUMMARY=str(tmp_path / "summary.gpkg"),
            REPORT=str(blocker / "report.html"),
        )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not_a_folder"]


def test_printing_into_a_file_or_over_the_plan_is_refused(provider, plan_copy, tmp_path):
    import processing

    blocker = tmp_path / "maps"
    blocker.write_text("a file")
    parameters = {"LAYERS": [f"{plan_copy}|layername=XZQ"], "SHEETS": [0]}
    with pytest.raises(
        QgsProcessingException,
        match=r"Output folder.*: cannot write .*maps.* it is a file, "
        r"not a folder",
    ):
        processing.run("yongji:printsheets", {**parameters, "OUTPUT": str(blocker)})
    with pytest.raises(QgsProcessingException, match="would write over the input"):
        processing.run("yongji:printsheets", {**parameters, "OUTPUT": str(plan_copy)})
    assert blocker.read_text() == "a file"


def test_an_output_in_a_shapefile_folder_source_is_refused(provider, demo_gpkg, tmp_path):
    import processing

    folder = tmp_path / "shapes"
    folder.mkdir()
    (folder / "XZQ.shp").write_bytes(b"")
    with pytest.raises(QgsProcessingException, match="would write over the input"):
        processing.run("yongji:inspectsource", {"KIND": 1, "SOURCE": str(folder), "OUTPUT": str(folder / "status.shp")})
    assert sorted(p.name for p in folder.iterdir()) == ["XZQ.shp"]


def test_a_version_comparison_never_writes_into_a_compared_version(provider, plan_copy, demo_gpkg):
    import processing

    before = layer_names(plan_copy)
    with pytest.raises(QgsProcessingException, match="would write over the input"):
        processing.run(
            "yongji:compareversions",
            {
                "OLD_KIND": 0,
                "OLD_SOURCE": str(demo_gpkg),
                "NEW_KIND": 0,
                "NEW_SOURCE": str(plan_copy),
                "LAYERS": [0],
                "LAYER_CHANGES": str(plan_copy),
            },
        )
    assert layer_names(plan_copy) == before


def test_qgis_process_refuses_and_exits_non_zero(qgis_process_home, plan_copy):
    from qgis_process_runner import qgis_process

    before = layer_names(plan_copy)
    run = qgis_process(
        qgis_process_home,
        "run",
        "yongji:sitecompliance",
        "--",
        f"SITES={plan_copy}|layername=sites",
        f"PLAN_GPKG={plan_copy}",
        f"SITE_SUMMARY={plan_copy}",
    )
    assert run.returncode != 0 and "would write over the input" in run.stdout + run.stderr
    assert "Traceback" not in run.stdout + run.stderr
    assert layer_names(plan_copy) == before


# --- the guard itself ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, path, layer",
    [
        ("/d/p.gpkg", "/d/p.gpkg", ""),
        ("/d/p.gpkg|layername=x", "/d/p.gpkg", "x"),
        ("ogr:dbname='/d/p.gpkg' table=\"x\" (geom)", "/d/p.gpkg", "x"),
        (outputs_guard.ogr_destination("/d/it's.gpkg", 'x"y'), "/d/it's.gpkg", 'x"y'),
        ("TEMPORARY_OUTPUT", "", ""),
        ("memory:result", "", ""),
    ],
)
def test_sources_and_destinations_are_split(text, path, layer):
    assert outputs_guard.split_source(text) == (path, layer)


def test_shapefile_parts_are_one_dataset_and_reports_carry_their_companions(tmp_path):
    source = outputs_guard.input_place(str(tmp_path / "a.shp"), "in")
    with pytest.raises(PlanError, match="would write over the input in"):
        outputs_guard.refuse_clashes([source], outputs_guard.output_places(str(tmp_path / "a.dbf"), "out"))
    with pytest.raises(PlanError, match="would write over the input"):  # report.pdf is written beside report.html
        outputs_guard.refuse_clashes(
            [outputs_guard.input_place(str(tmp_path / "report.pdf"), "in")],
            outputs_guard.output_places(str(tmp_path / "report.html"), "out"),
        )
    outputs_guard.refuse_clashes([source], outputs_guard.output_places(str(tmp_path / "b.shp"), "out"))


def test_the_check_dialog_refuses_to_write_into_the_plan(plan_copy, qgis_iface, tmp_path):
    from qgis.core import QgsProject

    from yongji_plugin.core.plan_data.loader import inspect_source, load_into_project
    from yongji_plugin.core.plan_data.sources import Source
    from yongji_plugin.gui.site_check.dialog import ComplianceDialog

    project = QgsProject.instance()
    project.clear()
    load_into_project(inspect_source(Source("gpkg", str(plan_copy))), project)
    sites = QgsVectorLayer(f"{plan_copy}|layername=sites", "用地红线", "ogr")
    project.addMapLayer(sites)
    before = layer_names(plan_copy)
    dialog = ComplianceDialog(qgis_iface, open_report=False)
    dialog.sitesCombo.setCurrentIndex(dialog.sitesCombo.findData(sites.id()))
    try:
        dialog.outputEdit.setText(str(plan_copy))
        with pytest.raises(PlanError, match=r"Output GeoPackage \(.*plan.gpkg\) would write over the input"):
            dialog.build_task()
        blocker = tmp_path / "file"
        blocker.write_text("x")
        dialog.outputEdit.setText(str(blocker / "check.gpkg"))
        with pytest.raises(PlanError, match="is a file, not a folder"):
            dialog.build_task()
        assert dialog.run() is None and dialog.task is None
    finally:
        project.clear()
    assert layer_names(plan_copy) == before


def test_a_result_written_twice_into_a_geopackage_replaces_its_layer(demo_gpkg, tmp_path):
    """The dialogs' writer: the second run replaces its layer (QGIS 3.22 hung saving the field
    titles over the first run's style row) and the file's other layers stay."""
    from yongji_plugin.core.shared.geopackage_writer import write_geopackage

    mine = tmp_path / "mine.gpkg"
    shutil.copy(demo_gpkg, mine)
    before = layer_names(mine)
    sites = QgsVectorLayer(f"{demo_gpkg}|layername=sites", "sites", "ogr")
    for _ in range(2):
        written = write_geopackage({"summary": sites}, mine)
        assert written["summary"].featureCount() == sites.featureCount()
        written.clear()
    assert added(before, mine) == {"summary"}


def test_a_read_only_folder_is_a_sentence_before_anything_is_written(provider, demo_gpkg, tmp_path, read_only_folder):
    import processing

    with pytest.raises(
        QgsProcessingException,
        match=r"Review report.*: cannot write .*read_only.*: the folder "
        r".*read_only is read-only",
    ):
        compliance(
            SITES=f"{demo_gpkg}|layername=sites",
            PLAN_GPKG=str(demo_gpkg),
            SITE_SUMMARY=str(tmp_path / "summary.gpkg"),
            REPORT=str(read_only_folder / "report.html"),
        )
    assert not (tmp_path / "summary.gpkg").exists()
    with pytest.raises(QgsProcessingException, match=r"Output folder.*: cannot write .*read_only.*read-only"):
        processing.run(
            "yongji:printsheets",
            {"LAYERS": [f"{demo_gpkg}|layername=XZQ"], "SHEETS": [0], "OUTPUT": str(read_only_folder / "maps")},
        )


def test_a_dialog_writing_into_an_existing_geopackage_keeps_its_layers_and_says_so(demo_gpkg, tmp_path):
    """The dialogs' destination: only its own layers are added, and the report's outputs line and
    the message log say the file's other layers were kept."""
    from qgis.core import QgsApplication, QgsFeedback

    from yongji_plugin.core.shared.destinations import GeoPackageDestination
    from yongji_plugin.core.shared.written import Written

    mine = tmp_path / "mine.gpkg"
    shutil.copy(demo_gpkg, mine)
    before = layer_names(mine)
    logged = []
    QgsApplication.messageLog().messageReceived.connect(lambda text, tag, level: logged.append(text))
    destination = GeoPackageDestination(mine)
    sites = QgsVectorLayer(f"{demo_gpkg}|layername=sites", "sites", "ogr")
    with Written(QgsFeedback()) as written:
        out = written.holding(destination.write({"summary": sites}, written, QgsFeedback()))
    out.clear()
    assert added(before, mine) == {"summary"} and set(before) <= set(layer_names(mine))
    note = destination.note(["summary"])
    assert "added to the existing GeoPackage" in note and "its other layers kept" in note
    assert note in logged
    fresh = GeoPackageDestination(tmp_path / "new.gpkg")
    with Written(QgsFeedback()) as written:
        written.holding(fresh.write({"summary": sites}, written, QgsFeedback())).clear()
    assert "existing" not in fresh.note(["summary"])


def test_a_file_picked_inside_a_file_geodatabase_stands_for_the_database(tmp_path):
    """PLAN_GPKG may name a file inside a .gdb folder (file pickers cannot pick folders): the whole
    database is the input, so an output inside it, or the folder itself, is refused."""
    gdb = tmp_path / "plan.gdb"
    gdb.mkdir()
    (gdb / "a00000001.gdbtable").write_bytes(b"")
    source = outputs_guard.input_place(str(gdb / "a00000001.gdbtable"), "Plan data")
    for output in (gdb / "result.gpkg", gdb):
        with pytest.raises(PlanError, match="would write over the input Plan data"):
            outputs_guard.refuse_clashes([source], outputs_guard.output_places(str(output), "Result"))
    outputs_guard.refuse_clashes([source], outputs_guard.output_places(str(tmp_path / "result.gpkg"), "Result"))
