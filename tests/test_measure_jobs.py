"""The four measures go one way (``core/<measure>/job.py``): the dialog and the algorithm give the same
layers, and a report that cannot be written fails the whole run and removes what it had written.

The failing report is real: its folder is a tmpfs that is full (a disk full while the report is
written), so the layers are written first and the report's file is refused by the kernel.
"""

import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer

from helpers import wait_for_task
from yongji_plugin.gui.guidance.dialog import TownshipGuidanceDialog
from yongji_plugin.gui.heights.dialog import HeightCheckDialog
from yongji_plugin.gui.indicators.dialog import IndicatorDialog
from yongji_plugin.gui.life_circle.dialog import LifeCircleDialog

FILLER = "filler"  # conftest.full_folder's


def _left_in(folder) -> list:
    """Everything in ``folder`` but the filler, folders included."""
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*") if path.name != FILLER)


def _rows(layer) -> list:
    """The layer's rows as comparable values: field names, then each row's attributes and geometry."""
    names = layer.fields().names()
    rows = [
        (
            tuple(str(feature[name]) for name in names if name != "fid"),
            feature.geometry().asWkt() if feature.hasGeometry() else "",
        )
        for feature in layer.getFeatures()
    ]
    return [name for name in names if name != "fid"], sorted(rows)


@pytest.fixture()
def buildings(plan_project, demo_gpkg, qgis_processing):
    layer = QgsVectorLayer(f"{demo_gpkg}|layername=buildings", "建筑物", "ogr")
    plan_project.addMapLayer(layer)
    return layer


# --- dialog and algorithm: the same layers ----------------------------------------------------
def test_height_dialog_and_algorithm_write_the_same_layers(buildings, provider, qgis_iface, demo_gpkg, tmp_path):
    import processing

    dialog = HeightCheckDialog(qgis_iface, open_report=False)
    dialog.outputEdit.setText(str(tmp_path / "dialog.gpkg"))
    assert dialog.run() is not None
    wait_for_task(dialog)
    result = processing.run(
        "yongji:heightcheck",
        {
            "BUILDINGS": f"{demo_gpkg}|layername=buildings",
            "PLAN_GPKG": str(demo_gpkg),
            "OUTPUT": str(tmp_path / "over.gpkg"),
            "ALL_BUILDINGS": str(tmp_path / "all.gpkg"),
        },
        feedback=QgsProcessingFeedback(),
    )
    for name, key in (("over_limit", "OUTPUT"), ("buildings", "ALL_BUILDINGS")):
        from_dialog = QgsVectorLayer(f"{tmp_path / 'dialog.gpkg'}|layername={name}", name, "ogr")
        from_algorithm = QgsVectorLayer(result[key], key, "ogr")
        assert from_dialog.featureCount() > 0
        assert _rows(from_dialog) == _rows(from_algorithm), name


def test_life_circle_dialog_and_algorithm_give_the_same_layers(buildings, provider, qgis_iface, demo_gpkg):
    import processing

    dialog = LifeCircleDialog(qgis_iface, open_report=False)
    assert dialog.run() is not None
    wait_for_task(dialog)
    result = processing.run(
        "yongji:lifecircle",
        {"PLAN_GPKG": str(demo_gpkg), "OUTPUT": "TEMPORARY_OUTPUT", "SERVICE_AREAS": "TEMPORARY_OUTPUT"},
        feedback=QgsProcessingFeedback(),
    )
    assert _rows(dialog.outputs["residential"]) == _rows(result["OUTPUT"])
    assert _rows(dialog.outputs["service_areas"]) == _rows(result["SERVICE_AREAS"])


def test_plan_measure_dialogs_and_algorithms_give_the_same_layers(
    plan_project, provider, qgis_iface, demo_gpkg, tmp_path
):
    import processing

    guidance = TownshipGuidanceDialog(qgis_iface, open_report=False)
    guidance.folderEdit.setText(str(tmp_path / "guidance"))
    assert guidance.run() is not None
    wait_for_task(guidance)
    result = processing.run(
        "yongji:townshipguidance",
        {"PLAN_GPKG": str(demo_gpkg), "OUTPUT": "TEMPORARY_OUTPUT"},
        feedback=QgsProcessingFeedback(),
    )
    assert _rows(guidance.layer) == _rows(result["OUTPUT"])
    indicators = IndicatorDialog(qgis_iface, open_report=False)
    indicators.folderEdit.setText(str(tmp_path / "indicators"))
    indicators.sheetCheck.setChecked(False)
    indicators.yearCombo.setCurrentIndex(indicators.yearCombo.findData(2035))
    assert indicators.run() is not None
    wait_for_task(indicators)
    result = processing.run(
        "yongji:indicatorcheck",
        {"PLAN_GPKG": str(demo_gpkg), "YEAR": 1, "OUTPUT": "TEMPORARY_OUTPUT", "TOWNSHIPS": "TEMPORARY_OUTPUT"},
        feedback=QgsProcessingFeedback(),
    )
    assert _rows(indicators.outputs["findings"]) == _rows(result["OUTPUT"])
    assert _rows(indicators.outputs["townships"]) == _rows(result["TOWNSHIPS"])


# --- a report that cannot be written: nothing is kept -----------------------------------------
@pytest.mark.parametrize(
    "alg_id, outputs, files",
    [
        (
            "yongji:heightcheck",
            {"BUILDINGS": "{gpkg}|layername=buildings", "ALL_BUILDINGS": "{tmp}/all.gpkg"},
            {"REPORT": "report.html"},
        ),
        ("yongji:lifecircle", {"SERVICE_AREAS": "{tmp}/service.gpkg"}, {"REPORT": "report.html"}),
        ("yongji:townshipguidance", {"TABLE_CSV": "{tmp}/table.csv"}, {"REPORT": "report.html"}),
        ("yongji:townshipguidance", {"REPORT": "{tmp}/report.html"}, {"TABLE_XLSX": "table.xlsx"}),
        (
            "yongji:indicatorcheck",
            {"TOWNSHIPS": "{tmp}/townships.gpkg", "REPORT": "{tmp}/report.html"},
            {"SHEET": "sheet.pdf"},
        ),
    ],
)
def test_an_algorithm_whose_report_fails_keeps_nothing(
    provider, demo_gpkg, tmp_path, full_folder, alg_id, outputs, files
):
    """The layers (and the files written before the failing one) are removed again; the run fails."""
    import processing

    out = tmp_path / "out"
    out.mkdir()
    run = {
        "PLAN_GPKG": str(demo_gpkg),
        "OUTPUT": str(out / "result.gpkg"),
        **{key: value.format(gpkg=demo_gpkg, tmp=out) for key, value in outputs.items()},
        **{key: str(full_folder / name) for key, name in files.items()},
    }
    with pytest.raises(QgsProcessingException):
        processing.run(alg_id, run, feedback=QgsProcessingFeedback())
    assert list(out.iterdir()) == []
    assert _left_in(full_folder) == []


def test_a_height_dialog_whose_report_fails_keeps_nothing(
    plan_project, buildings, qgis_iface, tmp_path, full_folder, monkeypatch
):
    """The dialog's report goes to a run folder under the chosen output folder: here on the full disk."""
    dialog = HeightCheckDialog(qgis_iface, open_report=False)
    dialog.folder_row.edit.setText(str(full_folder))
    dialog.outputEdit.setText(str(tmp_path / "heights.gpkg"))
    layers_before = set(plan_project.mapLayers())
    assert dialog.run() is not None
    wait_for_task(dialog)
    assert "Results not written" in dialog.statusLabel.text()
    assert "No space left on device" in dialog.statusLabel.text()
    assert not (tmp_path / "heights.gpkg").exists()
    assert dialog.outputs == {}
    assert set(plan_project.mapLayers()) == layers_before
    assert all(not path.is_file() for path in full_folder.rglob("*") if path.name != FILLER)


def test_a_guidance_dialog_whose_files_fail_adds_no_layer(plan_project, qgis_iface, full_folder):
    dialog = TownshipGuidanceDialog(qgis_iface, open_report=False)
    dialog.folderEdit.setText(str(full_folder))
    layers_before = set(plan_project.mapLayers())
    assert dialog.run() is not None
    wait_for_task(dialog)
    assert "Results not written" in dialog.statusLabel.text()
    assert dialog.layer is None and set(plan_project.mapLayers()) == layers_before
    assert _left_in(full_folder) == []
