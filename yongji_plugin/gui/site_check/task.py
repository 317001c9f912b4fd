"""The compliance check in the background: the core's job (``core.site_check.job``) in a JobTask.

The worker reads the sites through QGIS's thread-safe feature source of the user's layer and
copies of the control layers; the layers and the review report are written in the worker too (the
report paints onto images and a PDF writer only), so a report of thousands of sites never freezes
the window. Cancel and errors follow the one contract of ``core.shared.job``: nothing of a
canceled or failed run is kept.
"""

from qgis.core import QgsVectorLayerFeatureSource

from ...core.shared.destinations import destination_for
from ...core.site_check.job import compliance_job
from ...core.site_check.site_view import SiteView
from ..shared.background import thread_copy
from ..shared.job_task import JobTask


def SiteSnapshot(layer, fids=None) -> SiteView:  # noqa: N802 - reads as the value it makes
    """The site layer (or its selection) as a worker thread may read it, with the user's feature ids:
    QGIS's thread-safe feature source of the layer itself."""
    extent = layer.extent() if fids is None else layer.boundingBoxOfSelected()
    return SiteView(
        QgsVectorLayerFeatureSource(layer),
        layer.name(),
        layer.fields(),
        layer.crs(),
        layer.wkbType(),
        extent,
        layer.featureCount(),
        fids,
    )


def compliance_task(sites, layers, ruleset, params, output=None, report=None, on_done=None) -> JobTask:
    """``sites``: a SiteSnapshot made on the GUI thread; ``output``: a GeoPackage or None (memory)."""
    layers = {code: thread_copy(layer) for code, layer in layers.items()}
    job = compliance_job(sites, layers, ruleset, params, sites.name())
    return JobTask(job, destination_for(output), report, on_done)
