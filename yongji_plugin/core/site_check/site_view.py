"""Site features as the check reads them, with the user's feature ids: one view for every reader.

The dialog's task reads a layer (or its selection) from a worker thread through QGIS's thread-safe
feature source; a Shapefile shown with garbled text is read from a new layer on the same file in the
right encoding. Both offer the check what it reads of a layer — features by the user's ids, name,
fields, CRS, geometry type, extent and count — and a copy (``materialize``) would renumber the
features, so warnings and outputs would name features the user cannot find.
"""

from typing import Optional

from qgis.core import QgsFeatureRequest


class SiteView:
    def __init__(self, source, name: str, fields, crs, wkb_type, extent, count: int, fids: Optional[list] = None):
        """``source``: anything with ``getFeatures(request)``; ``fids``: the features to read (all if None)."""
        self._source, self._fids = source, None if fids is None else sorted(fids)
        self._name, self._fields, self._crs, self._wkb, self._extent = name, fields, crs, wkb_type, extent
        self._count = count if fids is None else len(self._fids)

    def getFeatures(self, request=None):
        request = QgsFeatureRequest(request) if request is not None else QgsFeatureRequest()
        if self._fids is not None:
            request.setFilterFids(self._fids)
        return self._source.getFeatures(request)

    def name(self):
        return self._name

    def fields(self):
        return self._fields

    def sourceCrs(self):
        return self._crs

    def wkbType(self):
        return self._wkb

    def sourceExtent(self):
        return self._extent

    def featureCount(self):
        return self._count
