"""Test helpers: memory layers from WKT, and shapely copies of QGIS features (for independent sums)."""
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsGeometry,
    QgsVectorLayer,
)
from shapely import wkb as shapely_wkb
from shapely.validation import make_valid


def memory_layer(geometry_type, crs, fields, rows, name="test"):
    """rows: (wkt, [values]); fields: 'name:type' strings as the memory provider wants them."""
    uri = f"{geometry_type}?crs={crs}" if crs else geometry_type
    uri += "".join(f"&field={f}" for f in fields) if crs else "".join(
        ("?" if i == 0 else "&") + f"field={f}" for i, f in enumerate(fields))
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

    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                          encoding="utf-8", check=True).stdout
