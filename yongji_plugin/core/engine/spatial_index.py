"""A spatial index built in one bulk pass under a feedback, where a cancel is a clean Canceled.

``QgsSpatialIndex(features, feedback)`` stops reading when the feedback is canceled, and its bulk
loader then throws a C++ exception that reaches Python as ``Exception: unknown`` (in a QgsTask:
a traceback). A cancel that lands after the last feature was read may leave an index that lacks
features without saying so. So a feedback canceled before, during or right after the build raises
:class:`~..shared.cancel.Canceled` and the half-built index is dropped; any other failure is
raised as it is.
"""

from qgis.core import QgsSpatialIndex

from ..shared.cancel import Canceled, is_canceled, raise_if_canceled


def bulk_index(features, feedback=None, flags=QgsSpatialIndex.Flag.FlagStoreFeatureGeometries) -> QgsSpatialIndex:
    raise_if_canceled(feedback)
    try:
        index = QgsSpatialIndex(features, feedback, flags)
    except Exception:  # sip gives the C++ exception no other type
        if is_canceled(feedback):
            raise Canceled() from None
        raise
    raise_if_canceled(feedback)
    return index
