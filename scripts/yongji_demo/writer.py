"""Write feature dicts into a GeoPackage with the catalogue's field types."""

from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsFields,
    QgsGeometry,
    QgsVectorFileWriter,
    QgsWkbTypes,
)

from yongji_plugin.core.shared.qt_compat import new_field

NOTICE = "演示数据，仅供示意，非官方成果 (illustrative demo data, not official)"
_TYPES = {"string": "string", "integer": "long", "real": "double"}
_WKB = {
    "polygon": QgsWkbTypes.Type.MultiPolygon,
    "line": QgsWkbTypes.Type.MultiLineString,
    "point": QgsWkbTypes.Type.Point,
}


def make_fields(specs) -> QgsFields:
    fields = QgsFields()
    for name, kind in specs:
        fields.append(new_field(name, _TYPES[kind]))
    return fields


def write_layer(
    path: Path,
    name: str,
    features: list[dict],
    field_specs,
    geometry: str,
    crs="EPSG:4546",
    single_part=False,
    description=NOTICE,
) -> None:
    fields = make_fields(field_specs)
    wkb = QgsWkbTypes.Type.Polygon if (geometry == "polygon" and single_part) else _WKB[geometry]
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = name
    options.layerOptions = [f"DESCRIPTION={description}"]
    action = QgsVectorFileWriter.ActionOnExistingFile
    options.actionOnExistingFile = action.CreateOrOverwriteLayer if path.exists() else action.CreateOrOverwriteFile
    writer = QgsVectorFileWriter.create(
        str(path), fields, wkb, QgsCoordinateReferenceSystem(crs), QgsCoordinateTransformContext(), options
    )
    if writer.hasError():
        raise RuntimeError(f"{name}: {writer.errorMessage()}")
    for item in features:
        feature = QgsFeature(fields)
        geom = QgsGeometry()
        if item.get("geometry") is not None:
            geom.fromWkb(item["geometry"].wkb)
            if wkb != QgsWkbTypes.Type.Polygon and geometry != "point":
                geom.convertToMultiType()
        feature.setGeometry(geom)
        feature.setAttributes([item.get(f.name()) for f in fields])
        writer.addFeature(feature)
    del writer


def write_notice(path: Path) -> None:
    write_layer(
        path,
        "demo_notice",
        [{"notice": NOTICE, "source": "shared/data outline; seeded generator"}],
        [("notice", "string"), ("source", "string")],
        "point",
    )
