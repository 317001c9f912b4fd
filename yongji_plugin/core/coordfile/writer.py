"""Sites → the coordinate exchange text: X northing, Y easting (optionally zone-prefixed), mm."""

from pathlib import Path
from typing import Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeatureRequest,
)

from ...i18n import tr
from ..shared.errors import PlanError
from .crs import crs_code
from .geometry import SQM_PER_HA, parcel_area
from .model import CoordinateFile, Parcel, Point

DEFAULT_HEADER = {
    "格式版本号": "1.01版本",
    "数据产生单位": "",
    "数据产生日期": "",
    "坐标系": "2000国家大地坐标系",
    "几度分带": "3",
    "投影类型": "高斯克吕格",
    "计量单位": "米",
    "带号": "37",
    "精度": "0.001",
    "转换参数": ",,,,,,",
}


def format_file(coordinates: CoordinateFile) -> str:
    lines = ["[属性描述]"] + [f"{k}={v}" for k, v in coordinates.header.items()] + ["[地块坐标]"]
    for parcel in coordinates.parcels:
        area = "" if parcel.area_ha is None else f"{parcel.area_ha:.4f}"
        fields = (
            [
                str(len(parcel.points)),
                area,
                parcel.number,
                parcel.name,
                parcel.shape,
                parcel.sheet,
                parcel.use,
                parcel.land_code,
            ]
            + parcel.extra
            + ["@"]
        )
        lines.append(",".join(fields))
        lines += [f"{p.number},{p.ring},{p.x:.3f},{p.y:.3f}" for p in parcel.points]
    return "\r\n".join(lines) + "\r\n"


def write_file(coordinates: CoordinateFile, path, encoding: str = "gbk") -> Path:
    path = Path(path)
    path.write_bytes(format_file(coordinates).encode("gb18030" if encoding == "gbk" else "utf-8"))
    return path


def parcel_from_geometry(geometry, number: str, name: str, offset: float, attributes: dict[str, str]) -> Parcel:
    """Rings numbered 1.. in part order (outer ring, then its holes); points J1.. per parcel."""
    points: list[Point] = []
    ring_number = counter = 0
    for polygon in geometry.asMultiPolygon():
        for ring in polygon:
            ring_number += 1
            first = counter + 1
            for i, vertex in enumerate(ring):
                if i < len(ring) - 1:
                    counter += 1
                label = f"J{first}" if i == len(ring) - 1 else f"J{counter}"
                points.append(Point(label, ring_number, round(vertex.y(), 3), round(vertex.x() + offset, 3)))
    parcel = Parcel(
        len(points),
        None,
        number,
        name,
        "面",
        attributes.get("sheet", ""),
        attributes.get("use", ""),
        attributes.get("land_code", ""),
        points=points,
    )
    parcel.area_ha = round(parcel_area(parcel) / SQM_PER_HA, 4)
    return parcel


def sites_to_file(
    layer,
    zone: Optional[int] = 37,
    prefix: bool = True,
    number_field: str = None,
    name_field: str = None,
    header: dict = None,
    layer_name: str = None,
) -> CoordinateFile:
    """Each site feature becomes a parcel, in CGCS2000 3-degree CM 3×zone coordinates.

    ``layer`` is any feature source (a layer or a Processing source); it is only read.
    """
    if layer.featureCount() == 0:
        raise PlanError(tr("Site layer {name} has no features").format(name=layer_name or layer.name()))
    target = QgsCoordinateReferenceSystem(crs_code(zone, 3, False))
    request = QgsFeatureRequest().setDestinationCrs(target, QgsCoordinateTransformContext())
    offset = zone * 1_000_000.0 if prefix else 0.0
    fields = layer.fields()
    number_field = number_field or next((f for f in ("DKBH", "XMBH") if fields.lookupField(f) >= 0), None)
    name_field = name_field or next((f for f in ("DKMC", "XMMC") if fields.lookupField(f) >= 0), None)
    result = CoordinateFile(header=dict(header or DEFAULT_HEADER, 带号=str(zone)))
    for feature in layer.getFeatures(request):
        geometry = feature.geometry()
        if geometry.isEmpty():
            continue
        geometry.convertToMultiType()
        attributes = {
            k: str(feature[f])
            for k, f in (("use", "DKYT"), ("land_code", "DLBM"), ("sheet", "TFH"))
            if fields.lookupField(f) >= 0 and feature[f] is not None
        }
        number = str(feature[number_field]) if number_field else str(feature.id())
        name = str(feature[name_field] or "") if name_field else ""
        result.parcels.append(parcel_from_geometry(geometry, number, name, offset, attributes))
    return result
