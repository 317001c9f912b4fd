#!/usr/bin/env python3
"""Build the second version of the demo 一张图: an edited copy of the first (known edits, see
``yongji_demo/version2.py``), whatever size it was built at: ``make demo-data-v2``."""

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
    parser.add_argument("--base", required=True, type=Path, help="the first version (make demo-data)")
    parser.add_argument("--output", required=True, type=Path)
    args = parser.parse_args()
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    from yongji_demo.build import read_plan, write_plan
    from yongji_demo.version2 import second_version

    start = time.time()
    edited, edits = second_version(read_plan(args.base))
    write_plan(args.output, edited)
    print(f"Wrote {args.output} in {time.time() - start:.1f} s with {len(edits)} edits:")
    for edit in edits:
        print(f"  {edit.layer:7} {edit.change:13} {edit.township} {edit.note}")
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
