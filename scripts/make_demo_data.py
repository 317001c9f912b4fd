#!/usr/bin/env python3
"""Build the illustrative demo 一张图 GeoPackage: ``make demo-data`` (``DEMO_SIZE`` scales it)."""

import argparse
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output", required=True, type=Path)
    parser.add_argument(
        "--size", type=float, default=1.0, help="density factor: farmland parcels and land-use parcels grow with it"
    )
    args = parser.parse_args()
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    from yongji_demo.build import write_demo

    start = time.time()
    data = write_demo(args.output, args.size)
    counts = ", ".join(f"{k} {len(v)}" for k, v in data.items())
    print(f"Wrote {args.output} in {time.time() - start:.1f} s: {counts}")
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
