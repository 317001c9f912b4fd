#!/usr/bin/env python3
"""Big batches stay bounded (#11): a compliance run with its review report for 1,000 / 5,000 /
10,000 generated sites, each size in its own process; prints seconds and peak RSS per step.

``python bench/report_memory.py [SITES ...]`` (default 1000 5000 10000). Each run: the check
(red line, farmland, urban boundary, planning-zone breakdown), the output layers written to a
GeoPackage, then the report (HTML, maps for the worst sites, PDF). Memory should grow linearly
in the sites, and the report should add about the same whatever the batch size. Not part of
``make test``: figures come from here, never from a timed test.
"""

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PARCELS = 60_000  # one city's farmland; the sites vary, the plan does not
ZONES = 2_500  # planning zones over the same ground (400 m cells)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def current_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def one(sites: int) -> dict:
    """Run in a child process: the check, its layers and its report for ``sites`` sites."""
    sys.path[:0] = [str(ROOT), str(HERE)]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication, QgsVectorLayer

    app = QgsApplication([], False)
    app.initQgis()
    import generate

    from yongji_plugin.core.shared.areas import AreaMethod
    from yongji_plugin.core.site_check.check import CheckParams, run_compliance
    from yongji_plugin.core.site_check.outputs import result_tables, write_geopackage
    from yongji_plugin.core.site_check.report import write_report
    from yongji_plugin.core.site_check.ruleset import load_ruleset

    data = HERE / "data"
    gpkg = generate.build(data, PARCELS, sites)
    zones = data / f"report_zones_{ZONES}.gpkg"
    if not zones.exists():
        generate.zones(zones, ZONES)
    layers = {code: QgsVectorLayer(f"{gpkg}|layername={code}", code, "ogr") for code in ("STBHHX", "YJJBNT", "CZKFBJ")}
    layers.update({code: QgsVectorLayer(f"{zones}|layername={code}", code, "ogr") for code in ("GHFQ", "XZQ")})
    rules = load_ruleset()
    rules.rules = [r for r in rules.rules if r.layer in layers]
    out = data / f"report_{sites}"
    out.mkdir(exist_ok=True)
    figures = {"sites": sites, "start_mb": round(current_mb())}
    started = time.time()
    result = run_compliance(
        QgsVectorLayer(f"{gpkg}|layername=sites", "sites", "ogr"), layers, rules, CheckParams(AreaMethod.create())
    )
    figures.update(
        check_s=round(time.time() - started, 1), after_check_mb=round(current_mb()), pieces=len(result.pieces)
    )
    started = time.time()
    (out / "result.gpkg").unlink(missing_ok=True)
    write_geopackage(result_tables(result), out / "result.gpkg")
    figures.update(
        layers_s=round(time.time() - started, 1),
        after_layers_mb=round(current_mb()),
        peak_before_report_mb=round(peak_mb()),
    )
    started = time.time()
    paths = write_report(result, out / "report.html", outputs_note=str(out / "result.gpkg"))
    pages = subprocess.run(["pdfinfo", str(paths["pdf"])], capture_output=True, text=True).stdout
    figures.update(
        report_s=round(time.time() - started, 1),
        peak_mb=round(peak_mb()),
        pdf_pages=int(next(row.split()[-1] for row in pages.splitlines() if row.startswith("Pages:"))),
        pdf_mb=round(paths["pdf"].stat().st_size / 2**20, 1),
        html_mb=round(paths["html"].stat().st_size / 2**20, 1),
    )
    return figures


def main(argv) -> int:
    if argv[:1] == ["--one"]:
        print(json.dumps(one(int(argv[1]))))
        return 0
    python = str(ROOT / ".venv" / "bin" / "python")
    rows = []
    for sites in [int(a) for a in argv] or [1000, 5000, 10000]:
        proc = subprocess.run([python, __file__, "--one", str(sites)], capture_output=True, text=True)
        line = next((row for row in reversed(proc.stdout.splitlines()) if row.startswith("{")), None)
        if proc.returncode != 0 or line is None:
            print(proc.stderr[-3000:], file=sys.stderr)
            return 1
        rows.append(json.loads(line))
        print(line, flush=True)
    print(
        "\n| sites | pieces | check s | layers s | report s | RSS after check MB | peak before report MB "
        "| peak RSS MB | PDF pages | PDF MB |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        print(
            f"| {r['sites']:,} | {r['pieces']:,} | {r['check_s']} | {r['layers_s']} | {r['report_s']} | "
            f"{r['after_check_mb']} | {r['peak_before_report_mb']} | {r['peak_mb']} | {r['pdf_pages']} | "
            f"{r['pdf_mb']} |"
        )
    if len(rows) > 1:
        slope = (rows[-1]["peak_mb"] - rows[0]["peak_mb"]) / (rows[-1]["sites"] - rows[0]["sites"])
        print(f"\npeak RSS slope: {slope * 1000:.0f} MB per 1,000 sites")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
