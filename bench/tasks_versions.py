"""规划版本对比 in ``make bench``: the demo at DEMO_SIZE=10 against its edited copy.

``python tasks_versions.py TASK ...`` prints one JSON line (seconds, peak RSS MB, a file of
results), like the other task files:

* ``generate DIR SIZE`` (QGIS venv): the demo and its second version (``yongji_demo.version2``)
  at that size, written once into DIR;
* ``plugin OLD NEW`` (QGIS venv): the whole comparison, reading both versions included, and
  the result layers; writes every polygon layer's class totals (gained, lost);
* ``dissolve OLD NEW`` (geopandas venv, the anchor): what an analyst would script by hand —
  per polygon layer, dissolve each class in both versions and difference them with shapely 2;
  its class totals must equal the plugin's (1e-6 relative).

:func:`rows` runs the three for ``run_bench.py`` and returns its table rows.
"""

import json
import os
import resource
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SIZE = 10
REL = 1e-6


def _report(results: dict, name: str, start: float) -> None:
    out = Path(os.environ.get("BENCH_OUT", "/tmp")) / f"versions_{name}.json"
    out.write_text(json.dumps(results))
    print(
        json.dumps(
            {
                "seconds": time.perf_counter() - start,
                "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0,
                "areas": str(out),
            }
        )
    )


def _qgis():
    sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    return app


def generate(folder, size):
    _qgis()
    from yongji_demo.build import generate as demo
    from yongji_demo.build import write_plan
    from yongji_demo.version2 import second_version

    start = time.perf_counter()
    folder = Path(folder)
    first, second = folder / f"demo_size{size}.gpkg", folder / f"demo_size{size}_v2.gpkg"
    if not (first.exists() and second.exists()):
        data = demo(float(size))
        write_plan(first, data)
        write_plan(second, second_version(data)[0])
    _report({"old": str(first), "new": str(second)}, "generate", start)


def plugin(old, new):
    _qgis()
    from yongji_plugin.core.plan_data.sources import Source
    from yongji_plugin.core.shared.areas import AreaMethod
    from yongji_plugin.core.versions.compare import compare_sources
    from yongji_plugin.core.versions.model import CompareParams
    from yongji_plugin.core.versions.outputs import result_layers

    start = time.perf_counter()
    result, _, _ = compare_sources(Source("gpkg", old), Source("gpkg", new), CompareParams(AreaMethod.create()))
    result_layers(result)
    totals = {f"{c.spec.code}|{klass}": list(areas) for c in result.layers for klass, areas in c.class_totals.items()}
    totals["_changes"] = sum(len(c.changes) for c in result.layers)
    totals["_backend"] = result.backend
    _report(totals, "plugin", start)


def class_fields() -> str:
    """The catalogue's polygon layers and their class fields, as JSON for the anchor's venv (no yaml there)."""
    sys.path.insert(0, str(ROOT))
    from yongji_plugin.core.plan_data.catalogue import load_catalogue

    return json.dumps({s.code: s.class_field for s in load_catalogue().layers if s.geometry == "polygon"})


def dissolve(old, new, fields):
    import geopandas as gpd
    import pyogrio

    start = time.perf_counter()
    present = {name for name, _ in pyogrio.list_layers(old)} & {name for name, _ in pyogrio.list_layers(new)}
    totals = {}
    for code, field in json.loads(fields).items():
        if code not in present:
            continue
        before, after = (gpd.read_file(path, layer=code, engine="pyogrio") for path in (old, new))
        if field:
            before[field], after[field] = before[field].astype(str), after[field].astype(str)
        groups = (
            [(None, before.geometry, after.geometry)]
            if not field
            else [
                (c, before.geometry[before[field] == c], after.geometry[after[field] == c])
                for c in sorted(set(before[field]) | set(after[field]))
            ]
        )
        for klass, a, b in groups:
            ua, ub = a.union_all(), b.union_all()
            gained, lost = ub.difference(ua).area, ua.difference(ub).area
            if gained > 0.005 or lost > 0.005:
                totals[f"{code}|{klass}"] = [gained, lost]
    _report(totals, "dissolve", start)


def compare_totals(plugin_file: str, anchor_file: str):
    """(equal within REL, worst relative difference) of two class-total files (empty totals ignored)."""
    mine, theirs = (json.loads(Path(p).read_text()) for p in (plugin_file, anchor_file))
    worst = 0.0
    for key in (set(mine) | set(theirs)) - {"_changes", "_backend"}:
        for a, b in zip(mine.get(key, [0.0, 0.0]), theirs.get(key, [0.0, 0.0])):
            if max(abs(a), abs(b)) > 0.01:
                worst = max(worst, abs(a - b) / max(abs(a), abs(b)))
    return worst <= REL, worst


def rows(run, qgis_py, gpd_py, out_dir, size=SIZE):
    """The 规划版本对比 rows of the bench table (``run`` is run_bench's process runner)."""
    data = run(qgis_py, "tasks_versions.py", "generate", HERE / "data", size, out_dir=out_dir)
    paths = json.loads(Path(data["areas"]).read_text())
    mine = run(qgis_py, "tasks_versions.py", "plugin", paths["old"], paths["new"], out_dir=out_dir)
    anchor = run(gpd_py, "tasks_versions.py", "dissolve", paths["old"], paths["new"], class_fields(), out_dir=out_dir)
    ok, worst = compare_totals(mine["areas"], anchor["areas"])
    label = f"demo ×{size} vs edited copy"
    changes = json.loads(Path(mine["areas"]).read_text())["_changes"]
    return [
        (label, f"plugin version comparison ({changes} changes, report layers)", mine, 1.0, "reference"),
        (
            label,
            "geopandas dissolve per class + difference",
            anchor,
            anchor["seconds"] / mine["seconds"],
            f"{'yes' if ok else 'NO'} ({worst:.1e})",
        ),
    ]


def main():
    task, *args = sys.argv[1:]
    {"generate": generate, "plugin": plugin, "dissolve": dissolve}[task](*args)


if __name__ == "__main__":
    main()
