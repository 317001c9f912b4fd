"""Layers whose coordinates carry the wrong CRS label land off the city: buildings outside every
height zone, a measured layer outside every township. Each check says so and names the CRS the
coordinates fit, instead of a quiet list of "outside the height zones" or an indicator "0, short of
target" (issue #24.4: sites were judged, buildings and indicator layers were not)."""

from qgis.core import QgsCoordinateReferenceSystem, QgsFeature, QgsVectorLayer

from helpers import pdf_text
from yongji_plugin.core.heights.check import NO_ZONE, HeightParams, run_height_check
from yongji_plugin.core.heights.outputs import write_report
from yongji_plugin.core.indicators.check import run_indicator_check
from yongji_plugin.core.indicators.definitions import load_indicators
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


def test_an_indicator_layer_off_the_city_is_said_not_measured_as_zero(plan):
    layers = dict(plan)
    layers["YJJBNT"] = _relabelled(plan["YJJBNT"], "EPSG:4545")
    result = run_indicator_check(layers, load_indicators().subset(["YJJBNT"]), AreaMethod.create())
    said = [w for w in result.warnings if plan["YJJBNT"].name() in w]
    assert len(said) == 1 and "EPSG:4545" in said[0] and "EPSG:4546" in said[0]
    right = run_indicator_check(plan, load_indicators().subset(["YJJBNT"]), AreaMethod.create())
    assert not [w for w in right.warnings if plan["YJJBNT"].name() in w]
