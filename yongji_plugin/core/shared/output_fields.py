"""The one place result layers get their fields, their stored figures and their file copies.

Users sign what the plugin writes, so a result layer must reach every format whole and read the
same everywhere:

* names never shadow a provider's key (a field ``fid`` collides with the GeoPackage primary key and
  silently drops every second finding on the same feature) and fit a Shapefile (≤ 10 bytes), so
  the names a reviewer sees are the same in memory, GeoPackage and Shapefile;
* every field carries a translated title as its alias (the attribute table reads Chinese under a
  Chinese locale); GeoPackage keeps it in the layer's default style, Shapefile has no aliases;
* figures are stored as a reviewer reads them: m² to 0.01, ha (4 places) and 亩 (2 places) computed
  from that stored m² so anyone can recompute them, shares to 0.01 %.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from qgis.core import (
    QgsFeature,
    QgsFields,
    QgsVectorLayer,
)

from ...i18n import tr
from .areas import hectares, mu
from .cancel import checked_rows, checkpoint
from .qt_compat import new_field

# primary/row keys of the providers a result may be written to: GeoPackage and OGR (fid, FID),
# OGR's PostgreSQL/SQLite/MySQL drivers (ogc_fid), FileGDB (OBJECTID), shp2pgsql (gid),
# SpatiaLite (pk_uid), SQLite (rowid, oid), PostGIS tables made by hand (id)
RESERVED_KEYS = frozenset({"fid", "ogc_fid", "objectid", "gid", "pk_uid", "rowid", "oid", "id"})
MAX_NAME_BYTES = 10  # dBASE, hence Shapefile
ADD_BATCH = 20_000  # rows per addFeatures call of add_rows: a cancel is checked between calls


@dataclass(frozen=True)
class OutputField:
    name: str
    kind: str  # a qt_compat kind: string, double, int, long, bool
    title: str  # translated; becomes the alias


def check_name(name: str) -> str:
    """The name itself, or ValueError when a format would rename or refuse it."""
    if name.lower() in RESERVED_KEYS:
        raise ValueError(f"output field {name!r} would shadow a provider's key")
    if len(name.encode("utf-8")) > MAX_NAME_BYTES:
        raise ValueError(f"output field {name!r} is longer than a Shapefile keeps")
    return name


def output_fields(specs: Iterable[OutputField]) -> QgsFields:
    fields = QgsFields()
    for spec in specs:
        fields.append(new_field(check_name(spec.name), spec.kind, spec.title))
    return fields


def area_fields(prefix: str, label: str = "") -> list[OutputField]:
    """m², ha and 亩 fields ``<prefix>m2``, ``<prefix>ha``, ``<prefix>mu``; ``label`` names what is measured."""
    if label:
        titles = (
            tr("{what} (m²)").format(what=label),
            tr("{what} (ha)").format(what=label),
            tr("{what} (mu)").format(what=label),
        )
    else:
        titles = (tr("Area (m²)"), tr("Area (ha)"), tr("Area (mu)"))
    return [OutputField(prefix + unit, "double", title) for unit, title in zip(("m2", "ha", "mu"), titles)]


def rounded_m2(square_metres: float) -> float:
    return round(square_metres, 2)


def area_values(prefix: str, square_metres: float) -> dict:
    """The stored figures: m² to 0.01, ha and 亩 from that stored m² (4 and 2 places, as reports show)."""
    stored = rounded_m2(square_metres)
    return {prefix + "m2": stored, prefix + "ha": round(hectares(stored), 4), prefix + "mu": round(mu(stored), 2)}


def area_columns(prefix: str, areas: list) -> dict:
    """:func:`area_values` for many areas at once, as columns."""
    stored = [rounded_m2(a) for a in areas]
    return {
        prefix + "m2": stored,
        prefix + "ha": [round(hectares(a), 4) for a in stored],
        prefix + "mu": [round(mu(a), 2) for a in stored],
    }


def percent(share: float) -> float:
    """A share (0–1) as the stored percentage, to 0.01 %."""
    return round(100.0 * share, 2)


RESULT_PROPERTY = "yongji/result"


def memory_layer(title: str, geometry: str, crs, specs: Iterable[OutputField]) -> QgsVectorLayer:
    """An empty memory result layer; ``crs`` a QgsCoordinateReferenceSystem, an auth id or None."""
    authid = crs if isinstance(crs, str) or crs is None else crs.authid()
    uri = geometry if not authid else f"{geometry}?crs={authid}"
    layer = QgsVectorLayer(uri, title, "memory")
    layer.dataProvider().addAttributes(output_fields(specs).toList())
    layer.updateFields()
    layer.setCustomProperty(RESULT_PROPERTY, True)  # input boxes never offer it (gui.shared.layer_choice)
    return layer


def is_result_layer(layer) -> bool:
    """A layer the plugin wrote as a result (its own outputs are no inputs to a check)."""
    return str(layer.customProperty(RESULT_PROPERTY, "")).lower() in ("true", "1")


def add_rows(layer: QgsVectorLayer, rows) -> None:
    """``rows``: (values by field name, geometry or None). Building thousands of rows takes
    seconds: a cancel of the run stops it (``cancel.checked_rows``)."""
    features = []
    for values, geometry in checked_rows(rows):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([values.get(name) for name in layer.fields().names()])
        if geometry is not None:
            feature.setGeometry(geometry)
        features.append(feature)
    add_features(layer, features)


def add_features(layer: QgsVectorLayer, features: list) -> None:
    """Features into a memory result layer in batches: 200,000 rows at once held the run 2 s, and
    a cancel of the run is checked between batches."""
    for start in range(0, len(features), ADD_BATCH):
        checkpoint()
        if not layer.dataProvider().addFeatures(features[start : start + ADD_BATCH]):
            raise RuntimeError(f"memory layer {layer.name()} refused its rows")
    layer.updateExtents()
