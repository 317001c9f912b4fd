"""The hand-written PostGIS anchor: what a user with the data in PostGIS would type instead.

``python tasks_postgis.py sql_anchor CONNINFO`` runs one ``ST_Intersection … GROUP BY`` query on
the server (parallel query as the server allows) and prints the same JSON line as tasks_qgis.
"""

import json
import os
import resource
import sys
import time
from pathlib import Path

import psycopg2

QUERY = (
    'SELECT s."XMBH", sum(ST_Area(ST_Intersection(s.geom, p.geom))) FROM sites s '
    'JOIN yjjbnt p ON ST_Intersects(s.geom, p.geom) GROUP BY s."XMBH"'
)


def sql_anchor(conninfo):
    with psycopg2.connect(conninfo) as connection, connection.cursor() as cursor:
        cursor.execute(QUERY)
        return {site: area for site, area in cursor.fetchall()}


def _cpu() -> float:
    """CPU seconds of this process, all its threads (wall time on a shared machine is noisy)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main():
    task, conninfo = sys.argv[1:3]
    start = time.perf_counter()
    areas = {"sql_anchor": sql_anchor}[task](conninfo)
    seconds = time.perf_counter() - start
    label = os.environ.get("BENCH_LABEL", "pg")
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
