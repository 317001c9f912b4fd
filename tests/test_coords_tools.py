"""坐标文件导入 from the dialog (real widgets) and both Processing algorithms."""
from qgis.core import QgsApplication, QgsProject, QgsVectorLayer
from test_coordfile import CANONICAL, write

from yongji_plugin.gui.coordfile.dialog import CoordinateImportDialog
from yongji_plugin.processing.provider import YongjiProvider


def test_dialog_previews_and_imports_then_sends_to_check(tmp_path, qgis_iface):
    sent = []
    dialog = CoordinateImportDialog(qgis_iface, open_check=sent.append)
    result = dialog.set_files([write(tmp_path, CANONICAL)])
    assert dialog.previewTable.rowCount() == 2
    assert dialog.previewTable.item(0, 1).text() == "YJ-001"
    assert dialog.previewTable.item(0, 3).text() == "4.2500" == dialog.previewTable.item(0, 4).text()
    assert "EPSG:4525" in dialog.crsLabel.text()
    dialog.modeCombo.setCurrentIndex(2)  # strip the zone prefix
    assert "EPSG:4546" in dialog.crsLabel.text()
    dialog.sendToCheckBox.setChecked(True)
    layer = dialog.import_sites()
    assert layer is not None and result is not None
    assert QgsProject.instance().mapLayer(layer.id()) is layer
    assert sent == [layer] and layer.featureCount() == 2
    QgsProject.instance().removeMapLayer(layer.id())


def test_import_and_export_algorithms(tmp_path, qgis_processing):
    import processing

    provider = YongjiProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    try:
        imported = processing.run("yongji:importcoordinates", {
            "INPUT": str(write(tmp_path, CANONICAL)), "MODE": 2, "OUTPUT": "TEMPORARY_OUTPUT",
            "PROBLEMS": "TEMPORARY_OUTPUT"})
        assert imported["OUTPUT"].featureCount() == 2
        assert imported["PROBLEMS"].featureCount() == 0
        out = tmp_path / "export.txt"
        processing.run("yongji:exportcoordinates", {
            "INPUT": imported["OUTPUT"], "ZONE": 37, "PREFIX": True, "ENCODING": 0,
            "UNIT": "永济市自然资源局", "OUTPUT": str(out)})
        text = out.read_bytes().decode("gb18030")
        assert "J1,1,3862000.000,37443000.000" in text and "数据产生单位=永济市自然资源局" in text
        again = processing.run("yongji:importcoordinates", {"INPUT": str(out), "MODE": 0,
                                                            "OUTPUT": "TEMPORARY_OUTPUT"})
        assert isinstance(again["OUTPUT"], QgsVectorLayer) and again["OUTPUT"].featureCount() == 2
    finally:
        QgsApplication.processingRegistry().removeProvider(provider)
