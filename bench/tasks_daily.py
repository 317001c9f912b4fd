"""The daily case (#25): one site, 10 sites, 100 clustered sites against a county's control layers.

``python tasks_daily.py TASK SOURCE FIDS`` (FIDS: comma-separated fids of the ``sites`` layer)
prints the same JSON line as ``tasks_qgis``. Time starts after QGIS (and, for Overlap analysis,
Processing) is up: what a user waits for once QGIS runs. The plugin rows are the site check with
the farmland rule only, as in the issue's measurement.
"""

import sys
import time

import tasks_qgis
from qgis.core import QgsFeatureRequest
from tasks_qgis import layer, pg_layer, ruleset


def _sites(source, fids, read=layer):
    sites = read(source, "sites")
    assert sites.setSubsetString(f'"fid" IN ({fids})'), fids
    return sites


def plugin(source, fids, backend):
    """The check from opening the layers it reads on (the sites and the farmland, as the loop);
    the plugin's modules, its rule set and the backend's module are loaded before the clock
    starts: QGIS loads them once a session (the first check of a session also imports numpy and
    shapely, about 0.1 s, and probes shapely once)."""
    from yongji_plugin.core.engine import selector
    from yongji_plugin.core.shared.areas import AreaMethod
    from yongji_plugin.core.site_check.check import CheckParams, run_compliance

    rules = ruleset("farmland")
    selector.backend_class(backend)
    if backend == "shapely":
        assert selector.shapely2_missing() is None
    start = time.perf_counter()
    read = pg_layer if backend == "postgis" else layer
    controls = {"YJJBNT": read(source, "YJJBNT")}
    result = run_compliance(
        _sites(source, fids, read), controls, rules, CheckParams(AreaMethod.create(), backend=backend)
    )
    assert result.backend.lower().startswith(backend), result.backend
    areas = {s.site.site_id: s.outcomes["no_overlap_permanent_farmland"].area for s in result.sites}
    areas["__seconds__"] = time.perf_counter() - start
    return areas


def daily_shapely(gpkg, fids):
    return plugin(gpkg, fids, "shapely")


def daily_qgis(gpkg, fids):
    return plugin(gpkg, fids, "qgis")


def daily_postgis(conninfo, fids):
    return plugin(conninfo, fids, "postgis")


def daily_pyqgis(gpkg, fids, read=layer):
    """The plain loop a PyQGIS user writes: per site, the parcels under its extent
    (``setFilterRect``, the GeoPackage's R-tree), intersected and summed."""
    parcels = read(gpkg, "YJJBNT")
    areas = {}
    for site in _sites(gpkg, fids, read).getFeatures():
        geometry = site.geometry()
        total = 0.0
        for parcel in parcels.getFeatures(QgsFeatureRequest().setFilterRect(geometry.boundingBox())):
            if geometry.intersects(parcel.geometry()):
                total += geometry.intersection(parcel.geometry()).area()
        areas[site["XMBH"]] = total
    return areas


def daily_pyqgis_postgis(conninfo, fids):
    """The same loop on the PostGIS tables (QGIS's postgres provider, the GiST index): the
    anchor of the PostGIS backend, which reads the same tables."""
    return daily_pyqgis(conninfo, fids, pg_layer)


def daily_overlap(gpkg, fids):
    """QGIS's Overlap analysis (native:calculatevectoroverlaps), as a user runs it from the toolbox."""
    sys.path.append("/usr/share/qgis/python/plugins")
    import processing
    from processing.core.Processing import Processing

    Processing.initialize()
    start = time.perf_counter()
    output = processing.run(
        "native:calculatevectoroverlaps",
        {"INPUT": _sites(gpkg, fids), "LAYERS": [layer(gpkg, "YJJBNT")], "OUTPUT": "TEMPORARY_OUTPUT"},
    )["OUTPUT"]
    areas = {feature["XMBH"]: feature["YJJBNT_area"] for feature in output.getFeatures()}
    areas["__seconds__"] = time.perf_counter() - start
    return areas


TASKS = {
    f.__name__: f for f in (daily_shapely, daily_qgis, daily_postgis, daily_pyqgis, daily_pyqgis_postgis, daily_overlap)
}

if __name__ == "__main__":
    tasks_qgis.TASKS.update(TASKS)
    tasks_qgis.main()
