"""Result layers say what each feature is on the map: labels from their own fields, evaluated here
on real features of real runs (the expression QGIS draws, not a string compared)."""

from qgis.core import QgsExpression, QgsExpressionContext, QgsExpressionContextUtils, QgsVectorLayer

from yongji_plugin.core.heights.check import HeightParams, run_height_check
from yongji_plugin.core.heights.outputs import over_layer
from yongji_plugin.core.shared.areas import AreaMethod
from yongji_plugin.core.site_check.check import CheckParams, run_compliance
from yongji_plugin.core.site_check.outputs import SUMMARY, result_layers
from yongji_plugin.core.site_check.result_styles import style_result_layers
from yongji_plugin.core.site_check.ruleset import load_ruleset


def _labels(layer) -> list:
    assert layer.labelsEnabled()
    settings = layer.labeling().settings()
    assert settings.isExpression
    expression = QgsExpression(settings.fieldName)
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    texts = []
    for feature in layer.getFeatures():
        context.setFeature(feature)
        texts.append(expression.evaluate(context))
    assert not expression.hasEvalError(), expression.evalErrorString()
    return texts


def test_site_summary_is_labelled_with_name_and_verdict(plan, demo_gpkg):
    sites = QgsVectorLayer(f"{demo_gpkg}|layername=sites", "用地红线", "ogr")
    result = run_compliance(sites, plan, load_ruleset(), CheckParams(AreaMethod.create()))
    layers = result_layers(result)
    style_result_layers(layers, result.ruleset)
    texts = _labels(layers[SUMMARY])
    rows = list(layers[SUMMARY].getFeatures())
    assert texts == [f"{row['site_name'] or row['site_id']} {row['verdict']}" for row in rows]


def test_buildings_over_their_limit_are_labelled_with_the_excess(demo_gpkg):
    buildings = QgsVectorLayer(f"{demo_gpkg}|layername=buildings", "建筑物", "ogr")
    zones = QgsVectorLayer(f"{demo_gpkg}|layername=JZGDKZ", "建筑高度控制分区", "ogr")
    layer = over_layer(run_height_check(buildings, zones, HeightParams(AreaMethod.create())))
    texts = _labels(layer)
    assert texts and all(text.endswith(" m") and " +" in text for text in texts)
    assert texts == [f"{f['bld_name'] or ''} +{f['excess']:.2f} m" for f in layer.getFeatures()]
