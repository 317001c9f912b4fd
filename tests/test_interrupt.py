"""Ctrl+C while one of our algorithms runs in ``qgis_process`` (``processing/interrupt.py``).

In a child Python that calls itself ``qgis_process`` (QgsApplication's platform name) and has its
own SIGINT handler, as ``qgis_process`` has: inside ``ctrl_c_cancels`` a SIGINT cancels the
feedback from the watcher thread while the main thread is blocked outside Python, and says so on
the main thread; afterwards the handler the OS held before is back. Outside
``qgis_process`` nothing changes. (The real ``qgis_process``: test_cancel_prompt.py, test_cancel.py.)
"""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = textwrap.dedent(
    """
    import ctypes, os, signal, sys, threading, time
    from qgis.core import QgsApplication, QgsProcessingFeedback
    from qgis.PyQt.QtCore import Qt
    app = QgsApplication([], False, "", sys.argv[1])
    from yongji_plugin.processing import interrupt

    def held():  # the handler's address: the first member of struct sigaction (Linux, macOS)
        raw = ctypes.create_string_buffer(interrupt.SIGACTION_BYTES)
        assert interrupt._libc()(signal.SIGINT, None, ctypes.addressof(raw)) == 0
        return raw.raw[: ctypes.sizeof(ctypes.c_void_p)]

    def before(number, frame):
        print("previous handler ran")

    signal.signal(signal.SIGINT, before)
    held_before = held()
    feedback, canceled_in, said = QgsProcessingFeedback(), [], []
    feedback.canceled.connect(
        lambda: canceled_in.append(threading.current_thread().name), Qt.ConnectionType.DirectConnection
    )
    feedback.pushInfo = said.append
    print("applies", interrupt.applies())
    with interrupt.ctrl_c_cancels(feedback):
        threading.Timer(0.2, os.kill, (os.getpid(), signal.SIGINT)).start()
        blocked = threading.Lock()
        blocked.acquire()
        blocked.acquire(timeout=1.0)  # the main thread waits in C, as in a long C++ call
        print("canceled", feedback.isCanceled(), "in", canceled_in[:1], "said", said)
    print("restored", held() == held_before, signal.getsignal(signal.SIGINT) is before)
    os.kill(os.getpid(), signal.SIGINT)
    time.sleep(0.1)
    """
)


def _child(platform: str) -> str:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    run = subprocess.run(
        [sys.executable, "-c", CHILD, platform], env=env, capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert run.returncode == 0, run.stdout + run.stderr
    return run.stdout


def test_in_qgis_process_ctrl_c_cancels_at_once_and_the_old_handler_comes_back():
    out = _child("qgis_process")
    assert "applies True" in out, out
    canceled = next(line for line in out.splitlines() if line.startswith("canceled"))
    assert canceled.startswith("canceled True in ['yongji-ctrl-c']"), out  # the watcher, not the main thread
    assert "Interrupted (Ctrl+C)" in canceled, out
    assert "restored True True" in out and out.rstrip().endswith("previous handler ran"), out


def test_elsewhere_ctrl_c_is_left_alone():
    out = _child("desktop")
    assert "applies False" in out, out
    assert "canceled False in [] said []" in out, out
    assert "restored True True" in out, out
