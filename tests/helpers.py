"""Test helpers: memory layers from WKT, shapely copies of QGIS features (for independent sums),
the packaged plugin's path, the plugin's Processing provider for one test, and waiting for a
dialog's background task. Kept here once so a change (a new package name, a slower host) is one edit.
"""

import time
from contextlib import contextmanager
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsGeometry,
    QgsVectorLayer,
)
from shapely import wkb as shapely_wkb
from shapely.validation import make_valid

from yongji_plugin.paths import plugin_version

ROOT = Path(__file__).resolve().parent.parent
ZIP = ROOT / "dist" / f"yongji_plugin-{plugin_version()}.zip"  # what `make package` builds


def memory_layer(geometry_type, crs, fields, rows, name="test"):
    """rows: (wkt, [values]); fields: 'name:type' strings as the memory provider wants them."""
    uri = f"{geometry_type}?crs={crs}" if crs else geometry_type
    uri += (
        "".join(f"&field={f}" for f in fields)
        if crs
        else "".join(("?" if i == 0 else "&") + f"field={f}" for i, f in enumerate(fields))
    )
    layer = QgsVectorLayer(uri, name, "memory")
    if not crs:
        layer.setCrs(QgsCoordinateReferenceSystem())  # memory layers otherwise get a default CRS
    features = []
    for wkt, values in rows:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        feature.setAttributes(list(values))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return layer


def to_shapely(geometry):
    shape = shapely_wkb.loads(bytes(geometry.asWkb()))
    return shape if shape.is_valid else make_valid(shape)


def shapes(layer, expression=None):
    from qgis.core import QgsFeatureRequest

    request = QgsFeatureRequest()
    if expression:
        request.setFilterExpression(expression)
    return [(f, to_shapely(f.geometry())) for f in layer.getFeatures(request)]


def pdf_text(path) -> str:
    """The PDF's text layer exactly as pdftotext reads it: never normalised, so a glyph mapped to
    the wrong code point (a Kangxi radical for 生) fails the comparison as search and copy would."""
    import subprocess

    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, encoding="utf-8", check=True
    ).stdout


@contextmanager
def registered_provider():
    """The plugin's Processing provider in QGIS's registry while the block runs (as the plugin
    registers it), removed afterwards so the next test starts from a registry without it."""
    from yongji_plugin.processing.provider import YongjiProvider

    provider = YongjiProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    try:
        yield provider
    finally:
        QgsApplication.processingRegistry().removeProvider(provider)


def wait_until(done, seconds=120, pause=0.02, message="did not finish"):
    """Process Qt events until ``done()`` (a background QgsTask reports through the event loop);
    fails after ``seconds`` rather than hanging the suite."""
    deadline = time.time() + seconds
    while not done() and time.time() < deadline:
        QgsApplication.processEvents()
        time.sleep(pause)
    assert done(), message


def wait_for_task(dialog, seconds=120, pause=0.02):
    """Until the dialog's background task has ended (the dialogs drop ``task`` when it finishes,
    fails or is canceled)."""
    wait_until(lambda: dialog.task is None, seconds, pause, "task did not finish")


def run_in_a_model(alg_id, parameter, child_parameter, value, static=None, output="OUTPUT"):
    """Run ``alg_id`` as the one step of a Processing model, as a user's model would: the model's
    input ``parameter`` (a parameter definition, given ``value``) feeds the step's
    ``child_parameter``, ``static`` sets other parameters, and the step's ``output`` is the model's
    output, returned as a layer."""
    import processing
    from qgis.core import (
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildParameterSource,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
    )

    model = QgsProcessingModelAlgorithm(f"{alg_id} 模型", "tests")
    model.addModelParameter(parameter, QgsProcessingModelParameter(parameter.name()))
    step = QgsProcessingModelChildAlgorithm(alg_id)
    step.setChildId("step")
    step.addParameterSources(
        child_parameter, [QgsProcessingModelChildParameterSource.fromModelParameter(parameter.name())]
    )
    for key, static_value in (static or {}).items():
        step.addParameterSources(key, [QgsProcessingModelChildParameterSource.fromStaticValue(static_value)])
    result = QgsProcessingModelOutput("result", "result")
    result.setChildId("step")
    result.setChildOutputName(output)
    step.setModelOutputs({"result": result})
    model.addChildAlgorithm(step)
    # the model names its output parameter: "step:result" on QGIS 3.22, "result" on 3.40
    name = model.destinationParameterDefinitions()[0].name()
    layer = processing.run(model, {parameter.name(): value, name: "TEMPORARY_OUTPUT"})[name]
    return QgsVectorLayer(layer, "result", "ogr") if isinstance(layer, str) else layer
