"""The 加载规划图层 dialog as a real widget: inspect, show statuses, load the checked layers."""

from qgis.core import QgsProject, QgsSettings
from qgis.PyQt.QtCore import Qt

from yongji_plugin.core.plan_data.catalogue import default_catalogue
from yongji_plugin.core.plan_data.sources import Source
from yongji_plugin.gui.plan_data.load_dialog import LoadLayersDialog


def test_inspect_and_load_checked_layers(demo_gpkg, qgis_iface):
    QgsProject.instance().clear()
    dialog = LoadLayersDialog(qgis_iface)
    dialog.set_source(Source("gpkg", str(demo_gpkg)))
    assert dialog.inspect()
    rows = dialog.layerTable.rowCount()
    assert rows == len(default_catalogue().layers)
    assert dialog.layerTable.item(0, 4).text().startswith("found")
    for row in range(rows):  # keep only the three control lines
        code = dialog.layerTable.item(row, 1).text()
        state = Qt.CheckState.Checked if code in ("STBHHX", "YJJBNT", "CZKFBJ") else Qt.CheckState.Unchecked
        dialog.layerTable.item(row, 0).setCheckState(state)
    layers = dialog.load()
    assert sorted(lyr.name() for lyr in layers) == ["城镇开发边界", "永久基本农田", "生态保护红线"]
    assert QgsSettings().value("yongji/load/location") == str(demo_gpkg)
    reopened = LoadLayersDialog(qgis_iface)
    assert reopened.source() == Source("gpkg", str(demo_gpkg))
    QgsProject.instance().clear()


def test_bad_path_shows_error_not_traceback(qgis_iface, tmp_path):
    dialog = LoadLayersDialog(qgis_iface)
    dialog.set_source(Source("gpkg", str(tmp_path / "missing.gpkg")))
    assert dialog.inspect() is False
    assert dialog.layerTable.rowCount() == 0
