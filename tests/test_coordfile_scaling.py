"""The coordinate import is linear in file size (issue #11 item 6), checked by counting work, not time.

The Python bytecode instructions executed while importing a file are counted with an opcode trace:
the count is deterministic, so a quadratic step (say, scanning every problem of the file for every
parcel) shows as a ratio well above 4 when the file grows 4×, whatever the machine's speed. Time
itself is measured in bench/coordfile_bench.py, never here.
"""

import sys

from bench.coordfile_bench import coordinate_text
from test_coordfile import write
from yongji_plugin.core.coordfile.importer import import_files


def executed_opcodes(path) -> int:
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "opcode":
            count += 1
        return local

    def trace(frame, event, arg):
        frame.f_trace_opcodes = True
        return local

    previous = sys.gettrace()
    sys.settrace(trace)
    try:
        result = import_files([path])
        result.layer.featureCount()
    finally:
        sys.settrace(previous)
    return count


def test_import_work_grows_linearly_with_parcels_and_their_warnings(tmp_path):
    # a first import counts fewer opcodes on Python 3.13 (trixie) than later ones: warm up first
    executed_opcodes(write(tmp_path, coordinate_text(10), "warm.txt"))
    small = executed_opcodes(write(tmp_path, coordinate_text(100), "small.txt"))
    large = executed_opcodes(write(tmp_path, coordinate_text(400), "large.txt"))
    assert 3.6 < large / small < 4.4, (small, large)
