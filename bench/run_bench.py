#!/usr/bin/env python3
"""``make bench``: the plugin's engine backends against what a user would otherwise use.

Every tool runs in its own process (so its time and peak memory are its own) and reads the same
GeoPackage, or the same tables in a throw-away PostGIS server like the tests' (loaded before any
timing); per-site farmland areas of every backend and anchor must equal the shapely backend's
(1e-6 relative). Prints one table and the issue's targets; ``--quick`` runs W1 only, ``--w3``
(``make bench W3=1``) adds 6,000,000 parcels × 100,000 sites for the shapely and PostGIS backends.
"""

import argparse
import json
import os
import platform
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
QGIS_PY = str(ROOT / ".venv" / "bin" / "python")
GPD_VENV = HERE / ".venv-gpd"
GPD_PY = str(GPD_VENV / "bin" / "python")
WORKLOADS = {"W1": (60_000, 1_000), "W2": (600_000, 10_000), "W3": (6_000_000, 100_000)}
ZONES = 55_000
REL = 1e-6


def ensure_geopandas_venv():
    stamp = GPD_VENV / ".installed"
    if stamp.exists():
        return
    subprocess.run(["/usr/bin/python3", "-m", "venv", str(GPD_VENV)], check=True)
    subprocess.run(
        [
            GPD_PY,
            "-m",
            "pip",
            "install",
            "-q",
            "--disable-pip-version-check",
            "-r",
            str(HERE / "requirements-geopandas.txt"),
        ],
        check=True,
    )
    stamp.touch()


def run(python, script, *args, out_dir, label=""):
    env = dict(os.environ, BENCH_OUT=str(out_dir), QT_QPA_PLATFORM="offscreen", BENCH_LABEL=label)
    proc = subprocess.run([python, str(HERE / script), *map(str, args)], capture_output=True, text=True, env=env)
    line = next((row for row in reversed(proc.stdout.splitlines()) if row.startswith("{")), None)
    if proc.returncode != 0 or line is None:
        raise RuntimeError(f"{script} {args}: {proc.stderr[-2000:]}")
    return json.loads(line)


def areas_match(reference: dict, other_file: str):
    """Worst relative difference of per-site areas (sites an anchor does not list have 0)."""
    other = json.loads(Path(other_file).read_text())
    worst = 0.0
    for site, area in reference.items():
        value = other.get(site, 0.0)
        if max(abs(area), abs(value)) > 1e-9:
            worst = max(worst, abs(area - value) / max(abs(area), abs(value)))
    return worst <= REL, worst


def data(workload):
    """The workload's GeoPackage (and zones), in rollback-journal mode: QGIS 3.22 turns a
    GeoPackage it opens into WAL mode, after which a subset string on one of its layers fails
    ("unable to open database file") and QGIS reports the others unindexed."""
    import sqlite3

    import generate

    parcels, sites = WORKLOADS[workload]
    built = generate.build(HERE / "data", parcels, sites, ZONES)
    for path in built if isinstance(built, tuple) else (built,):
        with sqlite3.connect(str(path)) as connection:
            connection.execute("PRAGMA journal_mode=DELETE")
    return built


def start_postgis():
    """A throw-away PostgreSQL/PostGIS server like the tests' (None where it is not installed)."""
    sys.path.insert(0, str(ROOT / "tests"))
    import postgis_server

    if not postgis_server.VERSION:
        return None
    return postgis_server.Server().start()


_LOADED: dict = {}


def load_postgis(server, workload, gpkg) -> str:
    """The workload's sites and control layers as tables of their own database (GiST-indexed),
    loaded once per run."""
    if workload in _LOADED:
        return _LOADED[workload]
    database = workload.lower()
    server.psql(f"CREATE DATABASE {database}")
    server.psql("CREATE EXTENSION postgis", database=database)
    conninfo = server.uri(database)
    for name in ("sites", "YJJBNT", "STBHHX", "CZKFBJ"):
        subprocess.run(
            [
                "ogr2ogr",
                "-f",
                "PostgreSQL",
                f"PG:{conninfo}",
                str(gpkg),
                name,
                "-nln",
                name.lower(),
                "-lco",
                "GEOMETRY_NAME=geom",
                "-lco",
                "FID=fid",
                "-lco",
                "LAUNDER=NO",
                "-preserve_fid",
                "-gt",
                "65536",
            ],
            check=True,
            capture_output=True,
        )
    server.psql("VACUUM ANALYZE", database=database)
    _LOADED[workload] = conninfo
    return conninfo


def compare(reference: dict, result: dict) -> str:
    ok, worst = areas_match(reference, result["areas"])
    return f"{'yes' if ok else 'NO'} ({worst:.1e})"


def bench(workloads, versions=False, daily_workloads=()):
    ensure_geopandas_venv()
    out = HERE / "data" / "results"
    out.mkdir(parents=True, exist_ok=True)
    server = start_postgis()
    rows, times = [], {}
    try:
        for workload in workloads:
            rows += run_workload(workload, server, out, times)
        if daily_workloads:
            times["daily"] = daily(daily_workloads, server, out)
        if versions:
            import tasks_versions  # 规划版本对比: the demo at DEMO_SIZE=10 against its edited copy

            rows += tasks_versions.rows(run, QGIS_PY, GPD_PY, out)
    finally:
        if server is not None:
            server.stop()
    return rows, times


def run_workload(workload, server, out, times):
    gpkg, zones = data(workload)
    conninfo = load_postgis(server, workload, gpkg) if server is not None else None
    big = workload == "W3"
    rows = []

    def add(label, python, script, task, source, reference=None, note=None):
        result = run(python, script, task, source, out_dir=out, label=workload)
        times[(workload, task)] = result["seconds"]
        times.setdefault("cpu", {})[(workload, task)] = result.get("cpu_s", 0.0)
        base = times.get((workload, "plugin_shapely"))
        ratio = result["seconds"] / base if base else None
        rows.append((workload, label, result, ratio, note or (compare(reference, result) if reference else "—")))
        return result

    shapely_run = add(
        "plugin site check, shapely backend (YJJBNT)",
        QGIS_PY,
        "tasks_qgis.py",
        "plugin_shapely",
        gpkg,
        note="reference",
    )
    reference = json.loads(Path(shapely_run["areas"]).read_text())
    if not big:
        add("plugin site check, QGIS backend", QGIS_PY, "tasks_qgis.py", "plugin_qgis", gpkg, reference)
    if conninfo:
        add("plugin site check, PostGIS backend", QGIS_PY, "tasks_qgis.py", "plugin_postgis", conninfo, reference)
    if big:
        return rows
    add(
        "plugin site check + output layers in a GeoPackage, shapely",
        QGIS_PY,
        "tasks_qgis.py",
        "plugin_shapely_outputs",
        gpkg,
        reference,
    )
    for label, python, script, task in (
        ("native:intersection + sum per site", QGIS_PY, "tasks_qgis.py", "native_intersection"),
        ("PyQGIS spatial-index loop", QGIS_PY, "tasks_qgis.py", "pyqgis_loop"),
        ("geopandas.overlay + groupby", GPD_PY, "tasks_geopandas.py", "geopandas_overlay"),
        ("shapely 2 STRtree + vectorized", GPD_PY, "tasks_geopandas.py", "shapely_strtree"),
    ):
        add(label, python, script, task, gpkg, reference)
    if conninfo:
        add(
            "hand-written SQL: ST_Intersection … GROUP BY",
            QGIS_PY,
            "tasks_postgis.py",
            "sql_anchor",
            conninfo,
            reference,
        )
    add("plugin three-line check, shapely", QGIS_PY, "tasks_qgis.py", "plugin_shapely_three", gpkg, reference)
    add("plugin three-line check, QGIS", QGIS_PY, "tasks_qgis.py", "plugin_qgis_three", gpkg, reference)
    if conninfo:
        add("plugin three-line check, PostGIS", QGIS_PY, "tasks_qgis.py", "plugin_postgis_three", conninfo, reference)
    if workload == "W2":
        for task, backend in (("qa_coverage", "shapely"), ("qa_coverage_qgis", "QGIS")):
            qa = run(QGIS_PY, "tasks_qgis.py", task, zones, out_dir=out)
            rows.append(
                (
                    f"zones {ZONES}",
                    f"plugin QA CV-01 overlap/gap, {backend}",
                    qa,
                    None,
                    f"{json.loads(Path(qa['areas']).read_text())['errors']} errors",
                )
            )
        bare = run(QGIS_PY, "tasks_qgis.py", "print_bare", gpkg, zones, out, out_dir=out)
        printed = run(QGIS_PY, "tasks_qgis.py", "print_plugin", gpkg, zones, out, out_dir=out)
        rows.append((workload, "bare QgsLayoutExporter 三条控制线 300 dpi", bare, None, "—"))
        rows.append(
            (
                workload,
                "plugin sheet export 三条控制线 300 dpi",
                printed,
                None,
                f"plugin / bare = {printed['seconds'] / bare['seconds']:.2f}",
            )
        )
    return rows


def daily(workloads, server, out) -> tuple[list, list]:
    """The daily case (#25): 1 site, 10 sites spread over the county and the 100 sites nearest
    its centre against each workload's control layers, every tool in its own process; ratios to
    the filtered PyQGIS loop of the same run. Returns the rows and the targets."""
    rows, checks = [], []
    for workload in workloads:
        gpkg = data(workload)[0]
        conninfo = load_postgis(server, workload, gpkg) if server is not None and workload != "W3" else None
        for label, fids in site_sets(gpkg).items():
            rows_here = daily_rows(workload, label, fids, gpkg, conninfo, out)
            rows += rows_here
            checks += [
                (
                    f"{workload} {label}: {tool} within 3× the filtered PyQGIS loop{_on(tool)}",
                    f"{ratio:.2f}×",
                    ratio <= 3,
                )
                for _, tool, _, ratio, _ in rows_here
                if tool.startswith("plugin")
            ]
    return rows, checks


def _on(tool: str) -> str:
    return " on the same PostGIS tables" if "PostGIS" in tool else ""


def site_sets(gpkg) -> dict:
    """fids of the sites: the one nearest the county's centre, the first ten (spread), the 100 nearest."""
    from osgeo import ogr

    dataset = ogr.Open(str(gpkg))
    layer = dataset.GetLayerByName("sites")
    xmin, xmax, ymin, ymax = dataset.GetLayerByName("YJJBNT").GetExtent()
    centre = ((xmin + xmax) / 2, (ymin + ymax) / 2)
    near = []
    for feature in layer:
        x0, x1, y0, y1 = feature.GetGeometryRef().GetEnvelope()
        near.append((((x0 + x1) / 2 - centre[0]) ** 2 + ((y0 + y1) / 2 - centre[1]) ** 2, feature.GetFID()))
    near.sort()
    return {"1 site": [near[0][1]], "10 sites": list(range(1, 11)), "100 clustered sites": [f for _, f in near[:100]]}


def daily_rows(workload, label, fids, gpkg, conninfo, out) -> list:
    text = ",".join(map(str, fids))
    tag = f"{workload}_{len(fids)}"
    loop = run(QGIS_PY, "tasks_daily.py", "daily_pyqgis", gpkg, text, out_dir=out, label=tag)
    reference = json.loads(Path(loop["areas"]).read_text())
    rows = [(f"{workload} {label}", "PyQGIS loop, setFilterRect per site", loop, 1.0, "reference")]
    tools = [
        ("plugin site check, shapely backend", QGIS_PY, "tasks_daily.py", "daily_shapely", gpkg),
        ("plugin site check, QGIS backend", QGIS_PY, "tasks_daily.py", "daily_qgis", gpkg),
    ]
    if conninfo:
        tools.append(("plugin site check, PostGIS backend", QGIS_PY, "tasks_daily.py", "daily_postgis", conninfo))
    tools += [
        ("Overlap analysis (native:calculatevectoroverlaps)", QGIS_PY, "tasks_daily.py", "daily_overlap", gpkg),
        ("geopandas read_file(bbox=) + overlay", GPD_PY, "tasks_geopandas.py", "geopandas_bbox", gpkg),
    ]
    pg_loop = None
    if conninfo:  # the PostGIS backend's anchor: the same loop on the tables it reads
        pg_loop = run(QGIS_PY, "tasks_daily.py", "daily_pyqgis_postgis", conninfo, text, out_dir=out, label=tag)
        note = f"{compare(reference, pg_loop)}; reference of the PostGIS row"
        rows.append(
            (
                f"{workload} {label}",
                "PyQGIS loop on the PostGIS tables",
                pg_loop,
                pg_loop["seconds"] / loop["seconds"],
                note,
            )
        )
    for tool, python, script, task, source in tools:
        result = run(python, script, task, source, text, out_dir=out, label=tag)
        note = compare(reference, result)
        anchor = loop
        if task == "daily_postgis":
            anchor = pg_loop
            note += f"; ÷ the GeoPackage loop {result['seconds'] / loop['seconds']:.2f}"
        rows.append((f"{workload} {label}", tool, result, result["seconds"] / anchor["seconds"], note))
    return rows


def targets(rows, times) -> list:
    """The issue's targets on W2, each with the measured ratio and whether it is met."""

    def t(task):
        return times.get(("W2", task))

    rss = {label: result["rss_mb"] for workload, label, result, _, _ in rows if workload == "W2"}
    cpus = {task: cpu for (workload, task), cpu in times.get("cpu", {}).items() if workload == "W2"}
    checks = []
    shapely_ = t("plugin_shapely")
    if shapely_ and t("geopandas_overlay"):
        ratio = t("geopandas_overlay") / shapely_
        checks.append(("shapely backend ≥ 2× faster than geopandas.overlay", f"{ratio:.2f}×", ratio >= 2))
    if shapely_ and t("native_intersection"):
        ratio = t("native_intersection") / shapely_
        checks.append(("shapely backend ≥ 5× faster than native:intersection", f"{ratio:.2f}×", ratio >= 5))
    plugin_rss = rss.get("plugin site check, shapely backend (YJJBNT)")
    gpd_rss = rss.get("geopandas.overlay + groupby")
    if plugin_rss and gpd_rss:
        checks.append(
            ("shapely backend peak memory ≤ geopandas's", f"{plugin_rss:.0f} / {gpd_rss:.0f} MB", plugin_rss <= gpd_rss)
        )
    if shapely_ and t("plugin_shapely_outputs"):
        ratio = t("plugin_shapely_outputs") / shapely_
        cpu = cpus.get("plugin_shapely_outputs", 0) / max(cpus.get("plugin_shapely", 0), 1e-9)
        checks.append(
            (
                "the dialog's path (+ output layers in a GeoPackage) within 1.3× of the engine alone",
                f"{ratio:.2f}× (CPU {cpu:.2f}×)",
                ratio <= 1.3,
            )
        )
    if shapely_ and t("plugin_shapely_three"):
        ratio = t("plugin_shapely_three") / shapely_
        checks.append(("three-line check < 2× the single-rule time (shapely)", f"{ratio:.2f}×", ratio < 2))
    if t("plugin_qgis") and t("pyqgis_loop"):
        ratio = t("pyqgis_loop") / t("plugin_qgis")
        cpu = cpus.get("pyqgis_loop", 0) / max(cpus.get("plugin_qgis", 0), 1e-9)
        checks.append(
            (
                "QGIS backend at least as fast as the PyQGIS loop",
                f"{ratio:.2f}× (CPU {cpu:.2f}×, both one thread)",
                ratio >= 1,
            )
        )
    if t("plugin_postgis") and t("sql_anchor"):
        ratio = t("plugin_postgis") / t("sql_anchor")
        checks.append(("PostGIS backend within 1.2× of the hand-written SQL", f"{ratio:.2f}×", ratio <= 1.2))
    return checks


def table(rows, times):
    lines = [
        f"Machine: {platform.node()} {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "",
        "| workload | tool | seconds | ÷ reference row | CPU s | peak RSS MB | areas equal |",
        "| --- | --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for workload, label, result, ratio, note in rows:
        ratio_text = "" if ratio is None else f"{ratio:.2f}"
        lines.append(
            f"| {workload} | {label} | {result['seconds']:.2f} | {ratio_text} | "
            f"{result.get('cpu_s', 0):.1f} | {result['rss_mb']:.0f} | {note} |"
        )
    if ("W1", "plugin_shapely") in times and ("W2", "plugin_shapely") in times:
        lines += [
            "",
            "Shapely backend W1 → W2 (10× parcels and sites): "
            f"×{times[('W2', 'plugin_shapely')] / times[('W1', 'plugin_shapely')]:.1f}",
        ]
    if "daily" in times:
        daily_rows_, daily_checks = times["daily"]
        lines += [
            "",
            "Daily case (÷ the filtered PyQGIS loop of the same run):",
            "",
            "| workload | tool | seconds | ÷ PyQGIS loop | CPU s | peak RSS MB | areas equal |",
            "| --- | --- | ---: | ---: | ---: | ---: | --- |",
        ]
        lines += [
            f"| {w} | {tool} | {r['seconds']:.3f} | {ratio:.2f} | {r.get('cpu_s', 0):.2f} | {r['rss_mb']:.0f} | "
            f"{note} |"
            for w, tool, r, ratio, note in daily_rows_
        ]
        lines += ["", "| target (daily case) | measured | met |", "| --- | --- | --- |"]
        lines += [f"| {name} | {value} | {'yes' if ok else 'no'} |" for name, value, ok in daily_checks]
        lines += ["", f"Load average before / after: {times.get('load', '?')}"]
    checks = targets(rows, times)
    if checks:
        lines += ["", "| target (W2) | measured | met |", "| --- | --- | --- |"]
        lines += [f"| {name} | {value} | {'yes' if ok else 'no'} |" for name, value, ok in checks]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="W1 only")
    parser.add_argument("--w3", action="store_true", help="also W3 (6,000,000 parcels × 100,000 sites)")
    parser.add_argument("--only", choices=sorted(WORKLOADS), action="append", help="just these workloads")
    parser.add_argument("--versions", action="store_true", help="规划版本对比 only")
    parser.add_argument("--daily", action="store_true", help="the daily case only (W2; W3 too with --w3)")
    args = parser.parse_args()
    daily_workloads = ["W2"] + (["W3"] if args.w3 else [])
    if args.versions or args.daily:
        workloads = []
    else:
        workloads = args.only or (["W1"] if args.quick else ["W1", "W2"] + (["W3"] if args.w3 else []))
    load = os.getloadavg()
    rows, times = bench(
        workloads,
        versions=args.versions or not (args.only or args.quick or args.daily),
        daily_workloads=daily_workloads if args.daily or not (args.only or args.quick or args.versions) else (),
    )
    times["load"] = f"{load[0]:.1f} / {os.getloadavg()[0]:.1f}"
    print(table(rows, times))


if __name__ == "__main__":
    main()
