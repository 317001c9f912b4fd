"""Input choices that cannot go wrong silently (issue #23): the active layer of the right geometry is
the default, the last choice in a project is remembered, the plugin's own result layers are never
offered, and the boxes follow the project while a dialog is open. Real dialogs, real widgets."""

import pytest
from qgis.core import QgsProject

from helpers import memory_layer
from yongji_plugin.core.shared.output_fields import OutputField
from yongji_plugin.core.shared.output_fields import memory_layer as result_layer
from yongji_plugin.gui.heights.dialog import HeightCheckDialog
from yongji_plugin.gui.site_check.dialog import ComplianceDialog

SQUARE = "POLYGON((452000 3860000, 452100 3860000, 452100 3860100, 452000 3860100, 452000 3860000))"


@pytest.fixture()
def project():
    project = QgsProject.instance()
    project.clear()
    villages = memory_layer("Polygon", "EPSG:4546", ["CZMC:string"], [(SQUARE, ["村"])], "村庄")
    sites = memory_layer("Polygon", "EPSG:4546", ["XMBH:string"], [(SQUARE, ["YJ-1"])], "项目用地红线")
    result = result_layer("2035年各乡镇指标达标情况", "Polygon", "EPSG:4546", [OutputField("town", "string", "town")])
    project.addMapLayers([villages, sites, result])
    yield project, villages, sites, result
    project.clear()


def _names(combo):
    return [combo.itemText(i) for i in range(combo.count())]


def test_the_active_layer_is_the_default_and_results_are_never_offered(project, qgis_iface):
    _, villages, sites, result = project
    qgis_iface.setActiveLayer(sites)
    dialog = ComplianceDialog(qgis_iface, open_report=False)
    assert dialog.sitesCombo.currentData() == sites.id()
    assert result.name() not in _names(dialog.sitesCombo) and villages.name() in _names(dialog.sitesCombo)


def test_the_last_choice_is_remembered_in_the_project(project, qgis_iface):
    _, villages, sites, _ = project
    qgis_iface.setActiveLayer(sites)
    first = ComplianceDialog(qgis_iface, open_report=False)
    index = first.sitesCombo.findData(villages.id())
    first.sitesCombo.setCurrentIndex(index)
    first.sitesCombo.activated.emit(index)  # as a click on the item does
    again = ComplianceDialog(qgis_iface, open_report=False)
    assert again.sitesCombo.currentData() == villages.id()


def test_boxes_follow_the_project_while_the_dialog_is_open(project, qgis_iface):
    qgis_project, _, sites, _ = project
    dialog = HeightCheckDialog(qgis_iface, open_report=False)
    buildings = memory_layer("Polygon", "EPSG:4546", ["JZGD:double"], [(SQUARE, [12.0])], "新建筑")
    qgis_project.addMapLayer(buildings)
    assert "新建筑" in _names(dialog.buildingsCombo)
    qgis_project.removeMapLayer(sites.id())
    assert "项目用地红线" not in _names(dialog.buildingsCombo)


def test_life_circle_boxes_default_to_the_active_layer_of_their_geometry(project, qgis_iface):
    """The residential-area and facility boxes ignored the active layer (only sites and buildings
    took it): an active point layer is the facilities' default, an active polygon layer the areas'."""
    from yongji_plugin.gui.life_circle.dialog import LifeCircleDialog

    qgis_project, _, sites, result = project
    shops = memory_layer("Point", "EPSG:4546", ["SSLX:string"], [("POINT(452050 3860050)", ["超市"])], "新设施")
    other = memory_layer("Point", "EPSG:4546", ["SSLX:string"], [("POINT(452060 3860060)", ["学校"])], "旧设施")
    qgis_project.addMapLayers([other, shops])
    qgis_iface.setActiveLayer(shops)
    dialog = LifeCircleDialog(qgis_iface, open_report=False)
    assert dialog.facilitiesCombo.currentData() == shops.id()
    qgis_iface.setActiveLayer(sites)
    again = LifeCircleDialog(qgis_iface, open_report=False)
    assert again.areasCombo.currentData() == sites.id()
    assert result.name() not in _names(again.areasCombo)
