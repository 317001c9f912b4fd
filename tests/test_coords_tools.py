"""坐标文件导入 from the dialog (real widgets) and both Processing algorithms, in process and from the
real ``qgis_process`` command line (bad input must exit non-zero)."""

import codecs

import pytest
from qgis.core import QgsProcessingException, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import Qt

from coordfile_cases import file_text, parcel_lines
from helpers import wait_for_task
from qgis_process_runner import qgis_process
from test_coordfile import BROKEN, CANONICAL, write
from yongji_plugin.gui.coordfile.dialog import CoordinateImportDialog

BOWTIE = file_text(
    parcel_lines("BOWTIE", [[(3862000, 443000), (3862000, 443100), (3862100, 443000), (3862100, 443100)]])
)
BAD_INPUT = {
    "empty.txt": b"",
    "no_parcel.txt": file_text().encode("utf-8"),
    "utf16.txt": codecs.BOM_UTF16_LE + CANONICAL.encode("utf-16-le"),
    "nothing_importable.txt": BOWTIE.encode("utf-8"),
}


def rows(view):
    return view.model().rowCount()


def cell(view, row, column, role=Qt.ItemDataRole.DisplayRole):
    return view.model().index(row, column).data(role)


def test_dialog_previews_and_imports_then_sends_to_check(tmp_path, qgis_iface):
    sent = []
    dialog = CoordinateImportDialog(qgis_iface, open_check=sent.append)
    dialog.set_files([write(tmp_path, CANONICAL)])
    wait_for_task(dialog, seconds=60, pause=0.01)
    result = dialog.result
    assert rows(dialog.previewTable) == 2 and rows(dialog.problemTable) == 0
    assert cell(dialog.previewTable, 0, 1) == "YJ-001"
    assert cell(dialog.previewTable, 0, 3) == "4.2500" == cell(dialog.previewTable, 0, 4)
    assert "EPSG:4525" in dialog.crsLabel.text()
    dialog.modeCombo.setCurrentIndex(2)  # strip the zone prefix
    wait_for_task(dialog, seconds=60, pause=0.01)
    assert "EPSG:4546" in dialog.crsLabel.text()
    dialog.sendToCheckBox.setChecked(True)
    layer = dialog.import_sites()
    assert layer is not None and result is not None
    assert QgsProject.instance().mapLayer(layer.id()) is layer
    assert sent == [layer] and layer.featureCount() == 2
    QgsProject.instance().removeMapLayer(layer.id())


def test_import_and_export_algorithms(tmp_path, provider):
    import processing

    imported = processing.run(
        "yongji:importcoordinates",
        {
            "INPUT": str(write(tmp_path, CANONICAL)),
            "MODE": 2,
            "OUTPUT": "TEMPORARY_OUTPUT",
            "PROBLEMS": "TEMPORARY_OUTPUT",
        },
    )
    assert imported["OUTPUT"].featureCount() == 2
    assert imported["PROBLEMS"].featureCount() == 0
    out = tmp_path / "export.txt"
    processing.run(
        "yongji:exportcoordinates",
        {
            "INPUT": imported["OUTPUT"],
            "ZONE": 37,
            "PREFIX": True,
            "ENCODING": 0,
            "UNIT": "永济市自然资源局",
            "OUTPUT": str(out),
        },
    )
    text = out.read_bytes().decode("gb18030")
    assert "J1,1,3862000.000,37443000.000" in text and "数据产生单位=永济市自然资源局" in text
    again = processing.run("yongji:importcoordinates", {"INPUT": str(out), "MODE": 0, "OUTPUT": "TEMPORARY_OUTPUT"})
    assert isinstance(again["OUTPUT"], QgsVectorLayer) and again["OUTPUT"].featureCount() == 2


def _column(view, title):
    model = view.model()
    return next(
        c
        for c in range(model.columnCount())
        if model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) == title
    )


def test_dialog_problem_list_shows_line_numbers_and_whole_messages(tmp_path, qgis_iface):
    dialog = CoordinateImportDialog(qgis_iface)
    dialog.set_files([write(tmp_path, BROKEN)])
    wait_for_task(dialog, seconds=60, pause=0.01)
    table = dialog.problemTable
    line, message = _column(table, "Line"), _column(table, "Problem")
    shown = {(cell(table, r, line), cell(table, r, message)) for r in range(rows(table))}
    expected = {
        ("14", "bad number 3861000.12x"),
        ("22", "ring 1 is not closed (last point differs from the first)"),
        ("33", "unknown section [其他数据]"),
    }
    assert expected <= shown
    assert rows(table) == len(dialog.result.problems) == len(shown)
    area = next(text for _, text in shown if text.startswith("stated area 9.9999 ha"))
    assert area.endswith("ha") and "computed 1.0000 ha" in area  # the whole message, not a cut
    for r in range(rows(table)):
        assert cell(table, r, message, Qt.ItemDataRole.ToolTipRole) == cell(table, r, message)
    assert table.wordWrap()
    table = dialog.previewTable
    preview = {cell(table, r, 1): cell(table, r, 5) for r in range(rows(table))}
    assert "14" in preview["BAD-NUM"] and "bad number 3861000.12x" in preview["BAD-NUM"]


@pytest.mark.parametrize("name", BAD_INPUT)
def test_bad_input_is_a_processing_error(provider, tmp_path, name):
    import processing

    path = tmp_path / name
    path.write_bytes(BAD_INPUT[name])
    with pytest.raises(QgsProcessingException, match=name):
        processing.run("yongji:importcoordinates", {"INPUT": str(path), "MODE": 0, "OUTPUT": "TEMPORARY_OUTPUT"})


def test_qgis_process_exits_non_zero_on_bad_input(qgis_process_home):
    home = qgis_process_home
    inputs = dict(BAD_INPUT, **{"good.txt": CANONICAL.encode("gbk")})
    for name, data in inputs.items():
        path = home / name
        path.write_bytes(data)
        run = qgis_process(
            home,
            "run",
            "yongji:importcoordinates",
            "--",
            f"INPUT={path}",
            "MODE=0",
            f"OUTPUT={home / (name + '.gpkg')}",
        )
        if name == "good.txt":
            assert run.returncode == 0, run.stdout + run.stderr
            assert QgsVectorLayer(str(home / "good.txt.gpkg"), "g", "ogr").featureCount() == 2
        else:
            assert run.returncode != 0, (name, run.stdout)
            assert name in run.stdout + run.stderr


def test_dialog_closes_unclosed_rings_only_when_asked(tmp_path, qgis_iface):
    from pathlib import Path

    path = Path(__file__).resolve().parent / "data" / "kanyu" / "unclosed_ring.txt"
    dialog = CoordinateImportDialog(qgis_iface)
    dialog.set_files([path])
    wait_for_task(dialog, seconds=60, pause=0.01)
    assert dialog.result is not None and not dialog.result.features
    dialog.closeRingsCheckBox.setChecked(True)
    wait_for_task(dialog, seconds=60, pause=0.01)
    assert len(dialog.result.features) == 1
    assert any("closed by returning" in cell(dialog.problemTable, row, 4) for row in range(rows(dialog.problemTable)))
