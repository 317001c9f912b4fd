"""One job per capability (#22.1) for 规划版本对比, 规划成果质检 and the coordinate-file and DXF imports
and export: the dialog and the Processing algorithm build the same core job, so they give the same
layers, and an output that fails part way fails the whole run and takes away what it had written.

The failure is real: a file system with no space left (a tmpfs, filled). A check before the run
cannot foresee it (the folder exists and is writable), so the layers written elsewhere first are on
disk when the report (or the second layer) fails — and must be gone afterwards.
"""

import sys

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsProcessingException, QgsProject

from dxf_cases import write_dxf
from helpers import wait_for_task
from test_cad_sites import REDLINE_TEXT
from test_coordfile import CANONICAL, write
from yongji_plugin.core.plan_data.sources import Source
from yongji_plugin.core.plan_qa.model import load_qa_rules
from yongji_plugin.core.versions.outputs import NAMES
from yongji_plugin.gui.coordfile.dialog import CoordinateImportDialog
from yongji_plugin.gui.plan_qa.dialog import QaDialog
from yongji_plugin.gui.versions.dialog import VersionsDialog

VERSION_OUTPUTS = {
    "layer_changes": "LAYER_CHANGES",
    "area_changes": "AREA_CHANGES",
    "feature_changes": "FEATURE_CHANGES",
    "gained": "GAINED",
    "lost": "LOST",
    "attribute_changes": "ATTRIBUTE_CHANGES",
    "repairs": "REPAIRS",
}
QA_RULES = ("CL-01", "CV-01", "AT-01", "GE-01")  # a topology rule, a coverage rule and per-layer rules


@pytest.fixture()
def unhandled(monkeypatch):
    """Exceptions that escape to sys.excepthook: a traceback the user would see."""
    seen = []
    monkeypatch.setattr(sys, "excepthook", lambda *info: seen.append(info))
    return seen


def files_in(folder) -> list:
    return sorted(p.name for p in folder.rglob("*") if p.is_file() and p.name != "filler")


def rows(layer) -> tuple:
    """A layer as comparable values: field names, and every row's attributes and geometry."""
    features = sorted((tuple(str(v) for v in f.attributes()), f.geometry().asWkt(3)) for f in layer.getFeatures())
    return layer.fields().names(), features


def _run(alg_id, parameters):
    import processing

    return processing.run(alg_id, parameters)


# --- 规划版本对比 --------------------------------------------------------------------------------
@pytest.fixture()
def versions_dialog(qgis_iface, demo_versions):
    QgsProject.instance().clear()
    dialog = VersionsDialog(qgis_iface, open_report=False)
    dialog.old.set_source(Source("gpkg", str(demo_versions[0])))
    dialog.new.set_source(Source("gpkg", str(demo_versions[1])))
    yield dialog
    QgsProject.instance().clear()


def _versions_parameters(demo_versions, tolerance, **outputs):
    return {
        "OLD_KIND": 0,
        "OLD_SOURCE": str(demo_versions[0]),
        "NEW_KIND": 0,
        "NEW_SOURCE": str(demo_versions[1]),
        "TOLERANCE": tolerance,
        **outputs,
    }


def test_versions_dialog_and_algorithm_give_the_same_layers(versions_dialog, provider, demo_versions):
    versions_dialog.reportCheck.setChecked(False)
    assert versions_dialog.run() is not None
    wait_for_task(versions_dialog, seconds=300)
    ran = _run(
        "yongji:compareversions",
        _versions_parameters(
            demo_versions,
            versions_dialog.toleranceSpin.value(),
            **{key: "TEMPORARY_OUTPUT" for key in VERSION_OUTPUTS.values()},
        ),
    )
    assert set(versions_dialog.outputs) == set(NAMES) == set(VERSION_OUTPUTS)
    for name, key in VERSION_OUTPUTS.items():
        assert rows(versions_dialog.outputs[name]) == rows(ran[key]), name
    assert rows(ran["GAINED"])[1] and rows(ran["FEATURE_CHANGES"])[1]  # the demo's edits are there


def test_versions_algorithm_report_failing_removes_the_layers_it_wrote(provider, demo_versions, tmp_path, full_folder):
    layers, report = tmp_path / "layers", full_folder / "versions.html"
    layers.mkdir()
    with pytest.raises(QgsProcessingException, match="No space left"):
        _run(
            "yongji:compareversions",
            _versions_parameters(
                demo_versions,
                1.0,
                LAYER_CHANGES=str(layers / "changes.gpkg"),
                GAINED=str(layers / "gained.shp"),
                REPORT=str(report),
            ),
        )
    assert files_in(layers) == [] and files_in(full_folder) == []


def test_versions_dialog_report_failing_adds_nothing(versions_dialog, full_folder, monkeypatch, unhandled):
    versions_dialog.folder_row.edit.setText(str(full_folder))  # where the dialog puts its report
    assert versions_dialog.reportCheck.isChecked()
    assert versions_dialog.run() is not None
    wait_for_task(versions_dialog, seconds=300)
    assert versions_dialog.statusLabel.text().startswith("Results not written")
    assert "No space left" in versions_dialog.statusLabel.text()
    assert QgsProject.instance().layerTreeRoot().findGroup("Plan version comparison") is None
    assert QgsProject.instance().mapLayers() == {} and versions_dialog.outputs == {}
    assert versions_dialog.report_paths is None and files_in(full_folder) == []
    assert unhandled == [] and versions_dialog.runButton.isEnabled()


# --- 规划成果质检 --------------------------------------------------------------------------------
def _qa_dialog(iface, rule_ids=QA_RULES):
    dialog = QaDialog(iface, open_report=False)
    for i in range(dialog.ruleList.count()):
        item = dialog.ruleList.item(i)
        item.setCheckState(2 if item.text().split()[0] in rule_ids else 0)
    return dialog


def _qa_indices(rule_ids=QA_RULES):
    return [i for i, rule in enumerate(load_qa_rules().rules) if rule.id in rule_ids]


def test_qa_dialog_and_algorithm_give_the_same_layer(plan_project, qgis_iface, provider, demo_gpkg):
    every = [rule.id for rule in load_qa_rules().rules]
    dialog = _qa_dialog(qgis_iface, every)
    assert dialog.run() is not None
    wait_for_task(dialog, seconds=300)
    ran = _run(
        "yongji:planqa", {"PLAN_GPKG": str(demo_gpkg), "RULES": _qa_indices(every), "OUTPUT": "TEMPORARY_OUTPUT"}
    )
    assert dialog.errors_layer is not None
    assert rows(dialog.errors_layer) == rows(ran["OUTPUT"])


def test_qa_algorithm_report_failing_removes_the_layer_it_wrote(provider, demo_gpkg, tmp_path, full_folder):
    with pytest.raises(QgsProcessingException, match="No space left"):
        _run(
            "yongji:planqa",
            {
                "PLAN_GPKG": str(demo_gpkg),
                "RULES": _qa_indices(),
                "OUTPUT": str(tmp_path / "qa.gpkg"),
                "REPORT": str(full_folder / "qa.html"),
            },
        )
    assert not (tmp_path / "qa.gpkg").exists() and files_in(full_folder) == []


def test_qa_dialog_report_failing_adds_nothing(plan_project, qgis_iface, full_folder, monkeypatch, unhandled):
    layers = set(plan_project.mapLayers())
    dialog = _qa_dialog(qgis_iface)
    dialog.folder_row.edit.setText(str(full_folder))
    assert dialog.run() is not None
    wait_for_task(dialog, seconds=300)
    assert dialog.statusLabel.text().startswith("Results not written")
    assert set(plan_project.mapLayers()) == layers
    assert dialog.errors_layer is None and dialog.report_paths is None and files_in(full_folder) == []
    assert unhandled == []


# --- 坐标文件 and DXF import, export -----------------------------------------------------------
def _dialog_import(iface, path, crs=None):
    dialog = CoordinateImportDialog(iface)
    if crs is not None:
        dialog.dxfCrsWidget.setCrs(QgsCoordinateReferenceSystem(crs))
        wait_for_task(dialog, seconds=60, pause=0.01)
    dialog.set_files([path])
    wait_for_task(dialog, seconds=60, pause=0.01)
    layer = dialog.import_sites()
    assert layer is not None
    return layer


def test_coordinate_dialog_and_algorithm_give_the_same_layer(tmp_path, qgis_iface, provider):
    path = write(tmp_path, CANONICAL)
    layer = _dialog_import(qgis_iface, path)
    ran = _run("yongji:importcoordinates", {"INPUT": str(path), "MODE": 0, "OUTPUT": "TEMPORARY_OUTPUT"})
    assert layer.featureCount() == 2 and rows(layer) == rows(ran["OUTPUT"])
    QgsProject.instance().removeMapLayer(layer.id())


def test_dxf_dialog_and_algorithm_give_the_same_layer(tmp_path, qgis_iface, provider):
    path = write_dxf(tmp_path, REDLINE_TEXT)
    layer = _dialog_import(qgis_iface, path, "EPSG:4546")
    ran = _run(
        "yongji:importdxf",
        {"INPUT": str(path), "CRS": QgsCoordinateReferenceSystem("EPSG:4546"), "OUTPUT": "TEMPORARY_OUTPUT"},
    )
    assert layer.featureCount() == 3 and rows(layer) == rows(ran["OUTPUT"])
    QgsProject.instance().removeMapLayer(layer.id())


@pytest.mark.parametrize(
    "alg_id, text, extra",
    [
        ("yongji:importcoordinates", lambda folder: write(folder, CANONICAL), {"MODE": 0}),
        ("yongji:importdxf", lambda folder: write_dxf(folder, REDLINE_TEXT), {"CRS": "EPSG:4546"}),
    ],
)
def test_import_failing_on_its_second_layer_removes_the_first(provider, tmp_path, full_folder, alg_id, text, extra):
    sites = tmp_path / "sites.gpkg"
    with pytest.raises(QgsProcessingException):
        _run(
            alg_id,
            {
                "INPUT": str(text(tmp_path)),
                "OUTPUT": str(sites),
                "PROBLEMS": str(full_folder / "problems.gpkg"),
                **extra,
            },
        )
    assert not sites.exists() and files_in(full_folder) == []


def test_export_failing_leaves_no_partial_file(provider, tmp_path, full_folder):
    imported = _run(
        "yongji:importcoordinates", {"INPUT": str(write(tmp_path, CANONICAL)), "MODE": 0, "OUTPUT": "TEMPORARY_OUTPUT"}
    )
    with pytest.raises(QgsProcessingException, match=r"Cannot write .*export\.txt.*No space left"):
        _run(
            "yongji:exportcoordinates",
            {
                "INPUT": imported["OUTPUT"],
                "ZONE": 37,
                "PREFIX": True,
                "ENCODING": 0,
                "OUTPUT": str(full_folder / "export.txt"),
            },
        )
    assert files_in(full_folder) == []
    out = tmp_path / "export.txt"
    done = _run(
        "yongji:exportcoordinates",
        {"INPUT": imported["OUTPUT"], "ZONE": 37, "PREFIX": True, "ENCODING": 1, "OUTPUT": str(out)},
    )
    assert done["OUTPUT"] == str(out) and "J1,1,3862000.000,37443000.000" in out.read_text(encoding="utf-8")
