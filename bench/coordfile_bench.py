#!/usr/bin/env python3
"""``make bench`` (coordinate files): import time of generated 10k/20k/40k-parcel files.

The import must be linear in file size: each doubling of the parcels should about double the time
(ratio ≈ 2). Wall and CPU seconds are both printed. Every parcel carries a warning (its stated
area is 5 % off), and every third one a
note (its 界址点数 omits the closing point), because problems per parcel are what once made the
import quadratic. Each size runs in a fresh process. ``coordinate_text`` is the generator the tests
use too.
"""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SIZES = (10_000, 20_000, 40_000)
COLUMNS = 200
SPACING = 150.0


def parcel_corners(index):
    """An octagon-ish 100 m parcel on a grid in zone 37 (northing, easting without the prefix)."""
    row, column = divmod(index, COLUMNS)
    north, east = 3_850_000.0 + row * SPACING, 430_000.0 + column * SPACING
    offsets = [(0, 20), (0, 80), (20, 100), (80, 100), (100, 80), (100, 20), (80, 0), (20, 0)]
    return [(north + dn, east + de) for dn, de in offsets]


def _area(corners):
    ring = corners + corners[:1]
    return abs(sum(a[1] * b[0] - b[1] * a[0] for a, b in zip(ring, ring[1:]))) / 2.0


def coordinate_text(parcels: int, warnings: bool = True) -> str:
    """A CRLF coordinate file of ``parcels`` parcels, zone-prefixed eastings (zone 37)."""
    lines = [
        "[属性描述]",
        "格式版本号=1.01版本",
        "坐标系=2000国家大地坐标系",
        "几度分带=3",
        "投影类型=高斯克吕格",
        "计量单位=米",
        "带号=37",
        "精度=0.001",
        "[地块坐标]",
    ]
    for index in range(parcels):
        corners = parcel_corners(index)
        area_ha = _area(corners) / 10_000.0 * (1.05 if warnings else 1.0)
        count = len(corners) + (0 if warnings and index % 3 == 0 else 1)
        lines.append(f"{count},{area_ha:.4f},BH-{index + 1:05d},生成地块{index + 1},面,,城镇住宅用地,0701,@")
        points = [f"J{i + 1},1,{n:.3f},{37_000_000.0 + e:.3f}" for i, (n, e) in enumerate(corners)]
        lines += points + points[:1]
    return "\r\n".join(lines) + "\r\n"


def measure(parcels: int) -> dict:
    """Write the file, import it once, return seconds and what was imported (in this process)."""
    sys.path.insert(0, str(ROOT))
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    from yongji_plugin.core.coordfile.importer import import_files

    out = HERE / "data" / "coordfile"
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"parcels_{parcels}.txt"
    path.write_bytes(coordinate_text(parcels).encode("gb18030"))
    start, cpu = time.perf_counter(), time.process_time()
    result = import_files([path])
    imported = result.layer.featureCount()  # the layer a user gets is part of the import
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {
        "parcels": parcels,
        "seconds": seconds,
        "cpu": cpu,
        "imported": imported,
        "problems": len(result.problems),
        "mb": path.stat().st_size / 1e6,
    }


def main():
    if len(sys.argv) > 1:
        print(json.dumps(measure(int(sys.argv[1]))))
        return
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    python = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv").exists() else sys.executable
    rows = []
    for parcels in SIZES:
        proc = subprocess.run([python, __file__, str(parcels)], capture_output=True, text=True, env=env)
        line = next((x for x in reversed(proc.stdout.splitlines()) if x.startswith("{")), None)
        if proc.returncode != 0 or line is None:
            raise SystemExit(f"coordinate import of {parcels} parcels failed: {proc.stderr[-2000:]}")
        rows.append(json.loads(line))
    print("| parcels | file MB | imported | problems | seconds | × previous | CPU seconds | × previous |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    previous = None
    for row in rows:
        ratios = (
            ("", "")
            if previous is None
            else (f"{row['seconds'] / previous['seconds']:.2f}", f"{row['cpu'] / previous['cpu']:.2f}")
        )
        print(
            f"| {row['parcels']} | {row['mb']:.1f} | {row['imported']} | {row['problems']} | "
            f"{row['seconds']:.2f} | {ratios[0]} | {row['cpu']:.2f} | {ratios[1]} |"
        )
        previous = row
    print(
        "\nLinear ⇒ about 2× per doubling. CPU seconds (all threads of the process) are steadier than "
        "wall seconds when other work shares the machine."
    )


if __name__ == "__main__":
    main()
