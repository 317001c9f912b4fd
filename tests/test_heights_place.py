"""Buildings whose coordinates carry the wrong CRS label fall outside every height zone: the check
says so, names the CRS the coordinates fit, and the report prints it, instead of a quiet list of
"outside the height zones" (issue #24: sites were judged, buildings were not)."""
from qgis.core import QgsCoordinateReferenceSystem, QgsFeature, QgsVectorLayer

from helpers import pdf_text
from yongji_plugin.core.heights.check import NO_ZONE, HeightParams, run_height_check
from yongji_plugin.core.heights.outputs import write_report
from yongji_plugin.core.shared.areas import AreaMethod


def _relabelled(layer, authid):
    """The same coordinates under another CRS label, as a file with a wrong .prj gives them."""
    copy = QgsVectorLayer(f"Polygon?crs={authid}", layer.name(), "memory")
    copy.dataProvider().addAttributes(layer.fields().toList())
    copy.updateFields()
    features = []
    for feature in layer.getFeatures():
        again = QgsFeature(copy.fields())
        again.setAttributes(feature.attributes())
        again.setGeometry(feature.geometry())
        features.append(again)
    copy.dataProvider().addFeatures(features)
    copy.updateExtents()
    return copy


def test_buildings_labelled_with_the_wrong_zone_are_named(demo_gpkg, tmp_path, locale):
    locale("zh_CN")
    buildings = QgsVectorLayer(f"{demo_gpkg}|layername=buildings", "建筑物", "ogr")
    zones = QgsVectorLayer(f"{demo_gpkg}|layername=JZGDKZ", "建筑高度控制分区", "ogr")
    assert buildings.crs() == QgsCoordinateReferenceSystem("EPSG:4546")
    wrong = _relabelled(buildings, "EPSG:4545")
    result = run_height_check(wrong, zones, HeightParams(AreaMethod.create()))
    assert {b.status for b in result.buildings} == {NO_ZONE}
    assert len(result.warnings) == 1 and "EPSG:4545" in result.warnings[0] and "EPSG:4546" in result.warnings[0]
    text = pdf_text(write_report(result, tmp_path / "heights.html")["pdf"]).replace("\n", "")
    assert "EPSG:4546" in text


def test_buildings_in_their_right_crs_get_no_such_warning(demo_gpkg):
    buildings = QgsVectorLayer(f"{demo_gpkg}|layername=buildings", "建筑物", "ogr")
    zones = QgsVectorLayer(f"{demo_gpkg}|layername=JZGDKZ", "建筑高度控制分区", "ogr")
    assert run_height_check(buildings, zones, HeightParams(AreaMethod.create())).warnings == []
