"""Benchmark tasks that run on QGIS (the plugin and the QGIS anchors), one per process.

``python tasks_qgis.py TASK GPKG [ZONES]`` prints one JSON line: seconds, peak RSS (MB) and the
file holding per-site areas. Each task times reading the data too, as a user's run would.
Plugin tasks are named ``plugin_<backend>`` (``plugin_shapely``, ``plugin_qgis``,
``plugin_postgis``); the PostGIS ones take a libpq connection string instead of the GeoPackage.
"""

import json
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import QgsApplication, QgsSpatialIndex, QgsVectorLayer  # noqa: E402

APP = QgsApplication([], False)
APP.initQgis()


def layer(gpkg, name):
    result = QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr")
    assert result.isValid(), (gpkg, name)
    return result


def ruleset(kind):
    from yongji_plugin.core.site_check.ruleset import load_ruleset

    rules = load_ruleset()
    keep = {
        "farmland": ["no_overlap_permanent_farmland"],
        "three": ["no_overlap_ecological_redline", "no_overlap_permanent_farmland", "within_urban_boundary"],
    }[kind]
    rules.rules = [r for r in rules.rules if r.id in keep]
    return rules


def pg_layer(conninfo, name):
    from qgis.core import QgsDataSourceUri

    uri = QgsDataSourceUri(conninfo)
    uri.setDataSource("public", name.lower(), "geom", "", "fid")
    result = QgsVectorLayer(uri.uri(False), name, "postgres")
    assert result.isValid(), (conninfo, name)
    return result


def plugin(source, kind="farmland", backend="shapely", outputs=False):
    """The site check on one backend; ``outputs``: the dialog's path instead — the same job
    delivered into a new GeoPackage (every output layer written, read back and counted)."""
    import tempfile

    from yongji_plugin.core.shared.areas import AreaMethod
    from yongji_plugin.core.shared.destinations import GeoPackageDestination
    from yongji_plugin.core.shared.job import compute, deliver
    from yongji_plugin.core.site_check.check import CheckParams
    from yongji_plugin.core.site_check.job import compliance_job

    read = pg_layer if backend == "postgis" else layer
    controls = {code: read(source, code) for code in ("STBHHX", "YJJBNT", "CZKFBJ")}
    params = CheckParams(AreaMethod.create(), backend=backend)
    job = compliance_job(read(source, "sites"), controls, ruleset(kind), params)
    result = compute(job, None)
    assert result.backend.lower().startswith(backend), result.backend
    if outputs:
        with tempfile.TemporaryDirectory() as folder:
            delivery = deliver(job, result, GeoPackageDestination(Path(folder) / "result.gpkg"), None, None)
            assert delivery.layers["conflicts"].featureCount() == len(result.pieces)
            delivery.layers.clear()
    return {s.site.site_id: s.outcomes["no_overlap_permanent_farmland"].area for s in result.sites}


def plugin_shapely(gpkg):
    return plugin(gpkg)


def plugin_qgis(gpkg):
    return plugin(gpkg, backend="qgis")


def plugin_postgis(conninfo):
    return plugin(conninfo, backend="postgis")


def plugin_shapely_outputs(gpkg):
    return plugin(gpkg, outputs=True)


def plugin_shapely_three(gpkg):
    return plugin(gpkg, "three")


def plugin_qgis_three(gpkg):
    return plugin(gpkg, "three", backend="qgis")


def plugin_postgis_three(conninfo):
    return plugin(conninfo, "three", backend="postgis")


def native_intersection(gpkg):
    sys.path.append("/usr/share/qgis/python/plugins")
    import processing
    from processing.core.Processing import Processing

    Processing.initialize()
    output = processing.run(
        "native:intersection",
        {
            "INPUT": layer(gpkg, "sites"),
            "OVERLAY": layer(gpkg, "YJJBNT"),
            "INPUT_FIELDS": ["XMBH"],
            "OVERLAY_FIELDS": ["BSM"],
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )["OUTPUT"]
    areas = {}
    for feature in output.getFeatures():  # the aggregation a user adds by hand (sum per site)
        areas[feature["XMBH"]] = areas.get(feature["XMBH"], 0.0) + feature.geometry().area()
    return areas


def pyqgis_loop(gpkg):
    parcels = layer(gpkg, "YJJBNT")
    index = QgsSpatialIndex(parcels.getFeatures(), flags=QgsSpatialIndex.Flag.FlagStoreFeatureGeometries)
    areas = {}
    for site in layer(gpkg, "sites").getFeatures():
        geometry = site.geometry()
        total = 0.0
        for fid in index.intersects(geometry.boundingBox()):
            other = index.geometry(fid)
            if geometry.intersects(other):
                total += geometry.intersection(other).area()
        areas[site["XMBH"]] = total
    return areas


def qa_coverage(zones_gpkg, backend="shapely"):
    from yongji_plugin.core.plan_qa.model import load_qa_rules
    from yongji_plugin.core.plan_qa.run import run_qa

    result = run_qa(
        {"GHFQ": layer(zones_gpkg, "GHFQ"), "XZQ": layer(zones_gpkg, "XZQ")},
        load_qa_rules().subset(["CV-01"]),
        backend=backend,
    )
    return {"errors": len(result.errors), "zones": layer(zones_gpkg, "GHFQ").featureCount()}


def qa_coverage_qgis(zones_gpkg):
    return qa_coverage(zones_gpkg, "qgis")


def _print_layers(gpkg, zones_gpkg):
    return {
        "YJJBNT": layer(gpkg, "YJJBNT"),
        "STBHHX": layer(gpkg, "STBHHX"),
        "CZKFBJ": layer(gpkg, "CZKFBJ"),
        "XZQ": layer(zones_gpkg, "XZQ"),
        "XZQ_XZ": layer(zones_gpkg, "XZQ"),
    }


def print_plugin(gpkg, zones_gpkg, out):
    from yongji_plugin.core.printing.sheets import PNG, SheetBuilder, export_layout

    builder = SheetBuilder(_print_layers(gpkg, zones_gpkg))
    sheet = builder.sheets.sheet("control_lines")
    export_layout(builder.sheet_layout(sheet), Path(out) / "plugin.png", PNG, 300)
    return {}


def print_bare(gpkg, zones_gpkg, out):
    """The same layout, built beforehand; only QgsLayoutExporter.exportToImage is timed."""
    from qgis.core import QgsLayoutExporter

    from yongji_plugin.core.printing.sheets import SheetBuilder

    builder = SheetBuilder(_print_layers(gpkg, zones_gpkg))
    layout = builder.sheet_layout(builder.sheets.sheet("control_lines"))
    settings = QgsLayoutExporter.ImageExportSettings()
    settings.dpi = 300
    start = time.perf_counter()
    QgsLayoutExporter(layout).exportToImage(str(Path(out) / "bare.png"), settings)
    return {"__seconds__": time.perf_counter() - start}


TASKS = {
    f.__name__: f
    for f in (
        plugin_shapely,
        plugin_qgis,
        plugin_postgis,
        plugin_shapely_outputs,
        plugin_shapely_three,
        plugin_qgis_three,
        plugin_postgis_three,
        native_intersection,
        pyqgis_loop,
        qa_coverage,
        qa_coverage_qgis,
        print_plugin,
        print_bare,
    )
}


def _cpu() -> float:
    """CPU seconds of this process, all its threads (wall time on a shared machine is noisy)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main():
    task, *args = sys.argv[1:]
    start = time.perf_counter()
    areas = TASKS[task](*args)
    seconds = areas.pop("__seconds__", None) if isinstance(areas, dict) else None
    seconds = seconds if seconds is not None else time.perf_counter() - start
    label = os.environ.get("BENCH_LABEL") or Path(args[0]).stem
    out = Path(os.environ.get("BENCH_OUT", "/tmp")) / f"{task}_{label}.json"
    out.write_text(json.dumps(areas))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print(json.dumps({"seconds": seconds, "rss_mb": rss, "cpu_s": _cpu(), "areas": str(out)}))
    sys.stdout.flush()
    os._exit(0)  # skip QGIS teardown: not part of any tool's time


if __name__ == "__main__":
    main()
