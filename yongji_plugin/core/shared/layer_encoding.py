"""Shapefile layers and their text encoding: open them in it, name it, tell a garbled layer.

The decision itself (``.cpg``, code page byte, detection, the user's choice) is in ``encodings``;
here it meets QGIS: a data source carries the encoding as GDAL's ``ENCODING`` open option
(``path.shp|option:ENCODING=GBK``, read alike by QGIS 3.22 to 3.44 and kept by copies of the
layer), and a layer the plugin opened carries the decision as a custom property so reports can
say how it was made. A layer the user opened is never changed: when its text reads differently
from the decided encoding, a new layer on the same file is opened beside it.
"""

from collections.abc import Iterable
from pathlib import Path
from typing import Optional

from qgis.core import QgsFeatureRequest, QgsProviderRegistry

from .encodings import (
    ENCODING_PROPERTY,
    LAYER,
    USER,
    Encoding,
    dbf_of,
    python_name,
    read_dbf_text,
)

COMPARED_FEATURES = 200  # features whose text is compared with the table's own bytes


def _parts(uri: str) -> dict:
    return QgsProviderRegistry.instance().decodeUri("ogr", uri)


def shapefile_of(layer) -> Optional[Path]:
    """The .shp (or .dbf) behind an OGR layer, or None for anything else."""
    if layer is None or layer.providerType() != "ogr":
        return None
    path = _parts(layer.source()).get("path") or ""
    return Path(path) if Path(path).suffix.lower() in (".shp", ".dbf") else None


def uri_encoding(uri: str) -> str:
    """The ENCODING open option of an OGR data source, or ""."""
    for option in _parts(uri).get("openOptions") or []:
        key, _, value = option.partition("=")
        if key.strip().upper() == "ENCODING":
            return value.strip()
    return ""


def with_encoding(uri: str, name: str) -> str:
    """The data source with its ENCODING open option set to ``name`` (others kept)."""
    parts = _parts(uri)
    options = [o for o in parts.get("openOptions") or [] if o.partition("=")[0].strip().upper() != "ENCODING"]
    parts["openOptions"] = options + [f"ENCODING={name}"]
    return QgsProviderRegistry.instance().encodeUri("ogr", parts)


def stamp(layer, encoding: Encoding) -> None:
    layer.setCustomProperty(ENCODING_PROPERTY, encoding.stamp())


def layer_encoding(layer) -> Optional[Encoding]:
    """How a Shapefile layer's text is decoded, as far as it can be said; None if not a Shapefile."""
    if shapefile_of(layer) is None:
        return None
    stamped = layer.customProperty(ENCODING_PROPERTY) or ""
    if "|" in stamped:
        name, _, how = stamped.partition("|")
        return Encoding(name, how)
    option = uri_encoding(layer.source())
    if option:
        return Encoding(option, USER)
    provider = layer.dataProvider()
    return Encoding(provider.encoding() if provider else "?", LAYER)


def describe_layer_source(layer) -> str:
    """A Shapefile as a report names its source: "…/乡镇.shp (GBK, detected)"; others: the path."""
    path = layer.source().split("|")[0]
    encoding = layer_encoding(layer)
    return f"{path} ({encoding.describe()})" if encoding else path


def encodings_of(layers) -> str:
    """The text encodings of some Shapefile layers in words: one if all share it, else per layer
    ("GBK, detected" or "乡镇级行政区: GBK, detected; 城镇村: UTF-8, .cpg file"); "" if none is a Shapefile."""
    found = [(layer.name(), layer_encoding(layer)) for layer in layers]
    found = [(name, encoding) for name, encoding in found if encoding is not None]
    distinct = sorted({encoding.describe() for _, encoding in found})
    if len(distinct) <= 1:
        return distinct[0] if distinct else ""
    return "; ".join(f"{name}: {encoding.describe()}" for name, encoding in found)


def garbled_text(features: Iterable, shapefile: Path, encoding: Encoding) -> Optional[str]:
    """The first text value the features read otherwise than ``encoding`` decodes it, or None.

    ``features``: the layer's features (a Shapefile's feature id is its record number, so each is
    compared with its own record). Only non-ASCII values are compared (ASCII reads alike always),
    in up to COMPARED_FEATURES features that have any.
    """
    dbf = dbf_of(shapefile)
    if dbf is None:
        return None
    text = read_dbf_text(dbf)
    codec = python_name(encoding.name) or "utf-8"
    expected = {}
    for number, index, value, full in text.values():
        if full:  # may end in a half character, which readers drop or replace each in their way
            continue
        expected.setdefault(number, {})[index] = value.decode(codec, errors="replace").strip()
    compared = 0
    for feature in features:  # those with non-ASCII text, wherever they are in the layer
        values = expected.get(feature.id())
        if not values:
            continue
        for index, value in values.items():
            read = feature.attribute(index)
            if read is not None and not (hasattr(read, "isNull") and read.isNull()) and str(read).strip() != value:
                return str(read)
        compared += 1
        if compared >= COMPARED_FEATURES:
            break
    return None


def no_geometry_request() -> QgsFeatureRequest:
    """Features without geometry, for comparing attributes only."""
    return QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
