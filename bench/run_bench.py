#!/usr/bin/env python3
"""``make bench``: the plugin against what a user would otherwise use, on generated data.

Every tool runs in its own process (so its time and peak memory are its own) and reads the same
GeoPackage; per-site farmland areas of every anchor must equal the plugin's (1e-6 relative).
Prints one table; ``--quick`` runs W1 only.
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
WORKLOADS = {"W1": (60_000, 1_000), "W2": (600_000, 10_000)}
ZONES = 55_000
REL = 1e-6


def ensure_geopandas_venv():
    stamp = GPD_VENV / ".installed"
    if stamp.exists():
        return
    subprocess.run(["/usr/bin/python3", "-m", "venv", str(GPD_VENV)], check=True)
    subprocess.run([GPD_PY, "-m", "pip", "install", "-q", "--disable-pip-version-check", "-r",
                    str(HERE / "requirements-geopandas.txt")], check=True)
    stamp.touch()


def run(python, script, *args, out_dir):
    env = dict(os.environ, BENCH_OUT=str(out_dir), QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([python, str(HERE / script), *map(str, args)], capture_output=True, text=True, env=env)
    line = next((l for l in reversed(proc.stdout.splitlines()) if l.startswith("{")), None)
    if proc.returncode != 0 or line is None:
        raise RuntimeError(f"{script} {args}: {proc.stderr[-2000:]}")
    return json.loads(line)


def areas_match(reference: dict, other_file: str):
    other = json.loads(Path(other_file).read_text())
    worst = 0.0
    for site, area in reference.items():
        value = other.get(site, 0.0)
        if max(abs(area), abs(value)) > 1e-9:
            worst = max(worst, abs(area - value) / max(abs(area), abs(value)))
    return worst <= REL, worst


def data(workload):
    import generate

    parcels, sites = WORKLOADS[workload]
    return generate.build(HERE / "data", parcels, sites, ZONES)


def bench(workloads):
    ensure_geopandas_venv()
    out = HERE / "data" / "results"
    out.mkdir(parents=True, exist_ok=True)
    rows, plugin_times = [], {}
    for workload in workloads:
        gpkg, zones = data(workload)
        plugin = run(QGIS_PY, "tasks_qgis.py", "plugin", gpkg, out_dir=out)
        plugin_times[workload] = plugin["seconds"]
        reference = json.loads(Path(plugin["areas"]).read_text())
        rows.append((workload, "plugin site check (YJJBNT)", plugin, 1.0, "reference"))
        anchors = [("native:intersection + sum per site", QGIS_PY, "tasks_qgis.py", "native_intersection"),
                   ("PyQGIS spatial-index loop", QGIS_PY, "tasks_qgis.py", "pyqgis_loop"),
                   ("geopandas.overlay + groupby", GPD_PY, "tasks_geopandas.py", "geopandas_overlay"),
                   ("shapely 2 STRtree + vectorized", GPD_PY, "tasks_geopandas.py", "shapely_strtree")]
        for label, python, script, task in anchors:
            result = run(python, script, task, gpkg, out_dir=out)
            ok, worst = areas_match(reference, result["areas"])
            rows.append((workload, label, result, result["seconds"] / plugin["seconds"],
                         f"{'yes' if ok else 'NO'} ({worst:.1e})"))
        three = run(QGIS_PY, "tasks_qgis.py", "plugin_three", gpkg, out_dir=out)
        rows.append((workload, "plugin three-line check", three, three["seconds"] / plugin["seconds"], "—"))
        if workload == workloads[-1]:
            qa = run(QGIS_PY, "tasks_qgis.py", "qa_coverage", zones, out_dir=out)
            rows.append((f"zones {ZONES}", "plugin QA CV-01 overlap/gap", qa, None,
                         f"{json.loads(Path(qa['areas']).read_text())['errors']} errors"))
            bare = run(QGIS_PY, "tasks_qgis.py", "print_bare", gpkg, zones, out, out_dir=out)
            printed = run(QGIS_PY, "tasks_qgis.py", "print_plugin", gpkg, zones, out, out_dir=out)
            rows.append((workload, "bare QgsLayoutExporter 三条控制线 300 dpi", bare, None, "—"))
            rows.append((workload, "plugin sheet export 三条控制线 300 dpi", printed,
                         printed["seconds"] / bare["seconds"], "ratio = plugin / bare"))
    import tasks_versions  # 规划版本对比: the demo at DEMO_SIZE=10 against its edited copy

    rows += tasks_versions.rows(run, QGIS_PY, GPD_PY, out)
    return rows, plugin_times


def table(rows, plugin_times):
    lines = [f"Machine: {platform.node()} {platform.machine()}, {os.cpu_count()} cores, Python "
             f"{platform.python_version()}", "",
             "| workload | tool | seconds | anchor ÷ plugin | peak RSS MB | areas equal |",
             "| --- | --- | ---: | ---: | ---: | --- |"]
    for workload, label, result, ratio, note in rows:
        ratio_text = "" if ratio is None else f"{ratio:.2f}"
        lines.append(f"| {workload} | {label} | {result['seconds']:.2f} | {ratio_text} | "
                     f"{result['rss_mb']:.0f} | {note} |")
    if {"W1", "W2"} <= plugin_times.keys():
        lines += ["", f"Plugin time W1 → W2 (10× parcels and sites): ×{plugin_times['W2'] / plugin_times['W1']:.1f}"]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="W1 only")
    parser.add_argument("--versions", action="store_true", help="规划版本对比 only")
    args = parser.parse_args()
    rows, times = bench([] if args.versions else ["W1"] if args.quick else ["W1", "W2"])
    print(table(rows, times))


if __name__ == "__main__":
    main()
