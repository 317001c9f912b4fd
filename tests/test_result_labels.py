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


def test_version_changes_are_labelled_with_class_and_area_or_key_and_fields():
    """The change layers 增加/减少/属性变更 carried no labels: a reviewer had to open each one."""
    from helpers import memory_layer
    from yongji_plugin.core.versions.compare import run_comparison
    from yongji_plugin.core.versions.model import CompareParams
    from yongji_plugin.core.versions.outputs import ATTRIBUTE_CHANGES, GAINED, LOST
    from yongji_plugin.core.versions.outputs import result_layers as change_layers
    from yongji_plugin.core.versions.result_styles import style_result_layers as style_changes

    square = "POLYGON((500000 3850000, 500100 3850000, 500100 3850100, 500000 3850100, 500000 3850000))"
    wider = "POLYGON((500000 3850000, 500300 3850000, 500300 3850100, 500000 3850100, 500000 3850000))"
    fields = ["BSM:integer", "GHFQDM:string", "GHFQMC:string", "MJ:double"]
    old = memory_layer("MultiPolygon", "EPSG:4546", fields, [(square, [1, "0401", "城镇集中建设区", 1.0])])
    new = memory_layer("MultiPolygon", "EPSG:4546", fields, [(wider, [1, "0401", "城镇集中建设区", 3.0])])
    result = run_comparison({"CZKFBJ": old}, {"CZKFBJ": new}, CompareParams(AreaMethod.create()))
    layers = change_layers(result)
    style_changes(layers)
    gained = list(layers[GAINED].getFeatures())
    assert _labels(layers[GAINED]) == [f"+{f['class_name']} 2.00 ha" for f in gained]  # 200 m × 100 m
    assert "城镇集中建设区" in gained[0]["class_name"]
    assert _labels(layers[LOST]) == []
    changed = list(layers[ATTRIBUTE_CHANGES].getFeatures())
    assert _labels(layers[ATTRIBUTE_CHANGES]) == [f"{f['key']} {f['fields']}".strip() for f in changed]
    assert changed and "MJ" in changed[0]["fields"]


def test_plan_qa_errors_are_labelled_with_rule_layer_and_feature(plan):
    from yongji_plugin.core.plan_qa.model import load_qa_rules
    from yongji_plugin.core.plan_qa.outputs import error_layer
    from yongji_plugin.core.plan_qa.run import run_qa

    broken = dict(plan)
    broken["STBHHX"] = broken["YJJBNT"]  # the farmland as the red line: control lines overlap
    result = run_qa(broken, load_qa_rules().subset(["CL-01"]))
    layer = error_layer(result, plan["XZQ"].crs())
    rows = list(layer.getFeatures())
    assert rows and _labels(layer) == [f"{f['rule_id']} {f['layer']} #{f['feature_id']}" for f in rows]
