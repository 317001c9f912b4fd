"""Benchmark anchors on geopandas / shapely 2 (own venv, numpy >= 2). Same output as tasks_qgis."""

import json
import os
import resource
import sys
import time
from pathlib import Path

import numpy as np


def geopandas_overlay(gpkg):
    import geopandas as gpd

    sites = gpd.read_file(gpkg, layer="sites", engine="pyogrio")[["XMBH", "geometry"]]
    parcels = gpd.read_file(gpkg, layer="YJJBNT", engine="pyogrio")[["BSM", "geometry"]]
    pieces = gpd.overlay(sites, parcels, how="intersection", keep_geom_type=True)
    pieces["area"] = pieces.geometry.area
    return pieces.groupby("XMBH")["area"].sum().to_dict()


def shapely_strtree(gpkg):
    import pyogrio
    import shapely

    site_table = pyogrio.read_dataframe(gpkg, layer="sites", read_geometry=True)
    parcels = pyogrio.raw.read(gpkg, layer="YJJBNT", columns=[])[-2]
    parcel_geoms = shapely.from_wkb(parcels)
    site_geoms = np.asarray(site_table.geometry.values)
    tree = shapely.STRtree(parcel_geoms)
    site_index, parcel_index = tree.query(site_geoms, predicate="intersects")
    areas = shapely.area(shapely.intersection(site_geoms[site_index], parcel_geoms[parcel_index]))
    totals = np.bincount(site_index, weights=areas, minlength=len(site_geoms))
    return dict(zip(site_table["XMBH"], totals.tolist()))


def geopandas_bbox(gpkg, fids):
    """The daily case in geopandas: the sites, the parcels under their bounds (``bbox=``, the
    GeoPackage's R-tree), overlay and sum."""
    import geopandas as gpd

    sites = gpd.read_file(gpkg, layer="sites", engine="pyogrio", fids=[int(f) for f in fids.split(",")])
    parcels = gpd.read_file(gpkg, layer="YJJBNT", engine="pyogrio", bbox=tuple(sites.total_bounds))
    pieces = gpd.overlay(
        sites[["XMBH", "geometry"]], parcels[["BSM", "geometry"]], how="intersection", keep_geom_type=True
    )
    pieces["area"] = pieces.geometry.area
    return pieces.groupby("XMBH")["area"].sum().to_dict()


def _cpu() -> float:
    """CPU seconds of this process, all its threads (wall time on a shared machine is noisy)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main():
    task, gpkg, *more = sys.argv[1:]
    start = time.perf_counter()
    areas = {
        "geopandas_overlay": geopandas_overlay,
        "shapely_strtree": shapely_strtree,
        "geopandas_bbox": geopandas_bbox,
    }[task](gpkg, *more)
    seconds = time.perf_counter() - start
    label = os.environ.get("BENCH_LABEL") or Path(gpkg).stem
    out = Path(os.environ.get("BENCH_OUT", "/tmp")) / f"{task}_{label}.json"
    out.write_text(json.dumps(areas))
    print(
        json.dumps(
            {
                "seconds": seconds,
                "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0,
                "cpu_s": _cpu(),
                "areas": str(out),
            }
        )
    )


if __name__ == "__main__":
    main()
