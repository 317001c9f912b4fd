"""A result layer held as columns: what a capability builds once and every destination takes.

A check with hundreds of thousands of conflict pieces spent more time building one QgsFeature
per row (and copying them into a memory layer and again into a file) than checking. A table
keeps each field as a list and each row's geometry as WKB, so a GeoPackage takes it in one
transaction (``gpkg_bulk``) without a feature built in Python; a memory layer or a Processing
sink still gets ordinary features from :meth:`OutputTable.memory_layer`, with the same rows,
fields and titles.
"""

import math
import struct
from dataclasses import dataclass
from typing import Optional

import numpy as np
from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

from .cancel import checked_rows
from .output_fields import OutputField, add_features, memory_layer

POLYGON, MULTIPOLYGON = 3, 6
_MULTI_HEADER = struct.pack("<BII", 1, MULTIPOLYGON, 1)  # little-endian MultiPolygon of one part


def multipolygon_wkb(wkb: Optional[bytes]) -> Optional[bytes]:
    """A 2D polygon's WKB as a MultiPolygon of it (the result layers' type); a multipolygon (or
    None) as it is. Works on the bytes, so a million pieces need no geometry object each."""
    if wkb is None or len(wkb) < 5:
        return wkb
    kind = struct.unpack_from("<I" if wkb[0] == 1 else ">I", wkb, 1)[0]
    if kind != POLYGON:
        return wkb
    return _MULTI_HEADER + wkb


def geometry_box(geometry: Optional[QgsGeometry]) -> Optional[tuple]:
    """(minx, miny, maxx, maxy) of a QGIS geometry; None for none or empty."""
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return None
    box = geometry.boundingBox()
    return (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum())


def boxes_array(boxes) -> np.ndarray:
    """Boxes (minx, miny, maxx, maxy) or None as an n × 4 array, NaN where None."""
    nan = (math.nan,) * 4
    return np.array([nan if box is None else box for box in boxes], dtype=np.float64).reshape(-1, 4)


def geometry_wkb(geometry: Optional[QgsGeometry]) -> Optional[bytes]:
    """A QGIS geometry as 2D multi-type WKB (None for none)."""
    if geometry is None or geometry.isNull():
        return None
    multi = QgsGeometry(geometry)
    multi.convertToMultiType()
    multi.get().dropZValue()  # the result layers are 2D, as the shapely route writes them
    multi.get().dropMValue()
    return bytes(multi.asWkb())


@dataclass
class OutputTable:
    """A result layer's rows as columns. ``wkb``: each row's geometry as WKB in the layer's type
    (None for a row without one), or None when the layer is a table without geometry; ``boxes``:
    each geometry's (minx, miny, maxx, maxy), None where it has none (the file's index is built
    from them, so the writer never parses a geometry)."""

    title: str
    geometry: str  # a memory-layer geometry type: "MultiPolygon", "Point", … or "None"
    crs: Optional[str]  # auth id
    specs: list[OutputField]
    columns: dict[str, list]
    wkb: Optional[list] = None
    boxes: Optional[list] = None

    def __post_init__(self):
        if (self.wkb is None) != (self.boxes is None):
            raise ValueError(f"{self.title}: geometries need their boxes")
        lengths = {len(values) for values in self.columns.values()}
        if self.wkb is not None:
            lengths |= {len(self.wkb), len(self.boxes)}
        if len(lengths) > 1:
            raise ValueError(f"{self.title}: columns of different lengths {sorted(lengths)}")
        missing = [spec.name for spec in self.specs if spec.name not in self.columns]
        if missing:
            raise ValueError(f"{self.title}: no column for {missing}")

    def __len__(self) -> int:
        if self.wkb is not None:
            return len(self.wkb)
        return len(next(iter(self.columns.values()), []))

    @classmethod
    def from_rows(cls, title, geometry, crs, specs, rows) -> "OutputTable":
        """``rows``: (values by field name, QgsGeometry or None), as the per-row builders give them."""
        rows = list(rows)
        columns = {spec.name: [values.get(spec.name) for values, _ in rows] for spec in specs}
        if geometry == "None":
            return cls(title, geometry, crs, list(specs), columns)
        wkb = [geometry_wkb(shape) for _, shape in rows]
        return cls(title, geometry, crs, list(specs), columns, wkb, [geometry_box(shape) for _, shape in rows])

    def memory_layer(self) -> QgsVectorLayer:
        """The rows as features of a new memory result layer (a cancel of the run stops it between
        rows and between batches)."""
        layer = memory_layer(self.title, self.geometry, self.crs, self.specs)
        fields = layer.fields()
        columns = [self.columns[name] for name in fields.names()]
        features = []
        for row in checked_rows(range(len(self))):
            feature = QgsFeature(fields)
            feature.setAttributes([column[row] for column in columns])
            if self.wkb is not None and self.wkb[row] is not None:
                shape = QgsGeometry()
                shape.fromWkb(self.wkb[row])
                feature.setGeometry(shape)
            features.append(feature)
        add_features(layer, features)
        return layer


def as_layer(layer_or_table):
    """A memory layer for a table; a layer as it is (destinations that need features)."""
    return layer_or_table.memory_layer() if isinstance(layer_or_table, OutputTable) else layer_or_table
