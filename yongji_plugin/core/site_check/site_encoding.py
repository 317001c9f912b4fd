"""Sites from a Shapefile read in the right text encoding, the user's layer left as it is.

A site layer the user added to the project from a GBK Shapefile without ``.cpg`` reads its names
as mojibake, and the check would print them into every table and report. So before the sites are
read the Shapefile's encoding is decided (``core.shared.encodings``) and the layer's text compared
with the table's own bytes decoded in it; when they differ, the sites are read from a new layer
on the same file opened in that encoding (same feature ids, same selection, the CRS the user's
layer has), and a warning says so. The user's layer and file are not touched.

The user overrides the decision in the layer's properties (Source ▸ Data source encoding): a
multi-byte encoding set there (GBK, GB18030, Big5, …) that decodes the table is taken as it is.
UTF-8 and the single-byte Western code pages are not taken as a choice, because they are what a
layer gets by default (and the latter decode any bytes at all); detection finds real UTF-8 anyway.
"""

import codecs
from typing import Optional

from qgis.core import QgsVectorLayer

from ...i18n import tr
from ..shared.encodings import LAYER, Encoding, decide_encoding, decodes, display_name, python_name
from ..shared.layer_encoding import (
    garbled_text,
    no_geometry_request,
    shapefile_of,
    stamp,
    uri_encoding,
    with_encoding,
)
from .site_view import SiteView


def _recoded(layer: QgsVectorLayer, given, fids) -> SiteView:
    """The sites the check was given, read from ``layer`` (the same file in another encoding), with
    the CRS the user's layer has, whatever the .prj says."""
    layer.setCrs(given.sourceCrs())
    name = given.name() if hasattr(given, "name") else given.sourceName()
    return SiteView(
        layer, name, layer.fields(), given.sourceCrs(), given.wkbType(), given.sourceExtent(), len(fids), fids
    )


def sites_in_encoding(sites, origin, name: str) -> tuple[object, Optional[Encoding], Optional[str]]:
    """(sites to read, the encoding their text is read in, a warning when the layer was reopened).

    ``sites``: what the check was given (a layer, its selection, a Processing source); ``origin``:
    the layer they come from. Not a Shapefile, or an encoding the user set in the layer's source:
    the sites as given, the encoding (if any) to name in the report.
    """
    shapefile = shapefile_of(origin)
    if shapefile is None:
        return sites, None, None
    chosen = uri_encoding(origin.source())
    encoding = decide_encoding(shapefile, chosen)
    setting = _layer_setting(origin)
    if not chosen and setting and setting != encoding.name and decodes(shapefile, setting):
        return sites, Encoding(setting, LAYER), None
    if chosen or garbled_text(sites.getFeatures(no_geometry_request()), shapefile, encoding) is None:
        return sites, encoding, None
    fids = [feature.id() for feature in sites.getFeatures(no_geometry_request().setNoAttributes())]
    layer = QgsVectorLayer(with_encoding(origin.source(), encoding.name), name, "ogr")
    stamp(layer, encoding)
    warning = tr(
        "Site layer {layer}: its text is read from {file} as {encoding}; the layer in the project "
        "decodes it otherwise (garbled names). The project layer is left as it is; set its encoding "
        "in the layer properties to see the names there too."
    ).format(layer=name, file=shapefile, encoding=encoding.describe())
    return _recoded(layer, sites, fids), encoding, warning


def _layer_setting(layer) -> str:
    """The encoding set in the layer's properties when it can be a choice (see the module), or ""."""
    provider = layer.dataProvider()
    codec = python_name(provider.encoding()) if provider is not None else None
    if codec is None or codecs.lookup(codec).name in ("utf-8", "latin-1", "iso8859-1", "cp1252", "ascii"):
        return ""
    return display_name(codec)
