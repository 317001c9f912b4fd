"""Ctrl+C in ``qgis_process`` cancels the running algorithm at once, not when QGIS next looks.

``qgis_process`` catches SIGINT itself (its ``UnixSignalWatcher``: the C handler writes to a socket)
and cancels the feedback only when Qt next processes events, which it does from a progress report
and at most every 2 s — and never with ``--json``. A run that reports no progress change for a
while (a report's PDF, the output layers) went on to the end and exited 0 with complete outputs.

While one of our algorithms runs on the main thread of ``qgis_process``, SIGINT goes to Python's
handler instead, whose C part writes the signal's number to a socket at once (``set_wakeup_fd``);
a thread of ours waiting on it cancels the algorithm's feedback, even while the main thread is
inside a long C++ call. The run's next cancel check (a second or two at most anywhere, see
``core.shared.cancel``) stops it, and the cancel contract removes what it wrote. ``qgis_process``'s
own handler is saved as the OS holds it (``sigaction``: Python's ``signal`` module would only know
its own) and put back when the algorithm returns, so whatever runs next is interrupted as before.
Nothing changes in the desktop (algorithms run in worker threads there), in ``processing.run``
from Python, on Windows or where ``sigaction`` is not available.
"""

import ctypes
import os
import signal
import socket
import threading
from contextlib import contextmanager

from qgis.core import QgsApplication

from ..i18n import tr

SIGACTION_BYTES = 1024  # more than any platform's struct sigaction (152 bytes on Linux x86-64)
WATCHER = "yongji-ctrl-c"  # the thread that cancels on SIGINT


def _libc():
    """The C library's ``sigaction``, or None where it cannot be called."""
    if os.name != "posix":
        return None
    try:
        sigaction = ctypes.CDLL(None, use_errno=True).sigaction
    except (OSError, AttributeError):
        return None
    sigaction.argtypes = (ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)
    sigaction.restype = ctypes.c_int
    return sigaction


def applies() -> bool:
    """True in ``qgis_process``'s main thread on a POSIX system: where a Ctrl+C would be missed."""
    return (
        QgsApplication.platform() == "qgis_process"
        and threading.current_thread() is threading.main_thread()
        and _libc() is not None
    )


@contextmanager
def ctrl_c_cancels(feedback):
    """While the block runs (in ``qgis_process``), SIGINT cancels ``feedback``; then the signal's
    previous handler is back, exactly as the OS held it."""
    sigaction = _libc() if feedback is not None and applies() else None
    saved = ctypes.create_string_buffer(SIGACTION_BYTES)
    if sigaction is None or sigaction(signal.SIGINT, None, ctypes.addressof(saved)) != 0:
        yield
        return
    python_before = signal.getsignal(signal.SIGINT)
    reader, writer = socket.socketpair()
    writer.setblocking(False)
    watcher = threading.Thread(target=_watch, args=(reader, feedback), name=WATCHER, daemon=True)

    def said(_number, _frame):  # on the main thread, once it runs Python again
        feedback.pushInfo(tr("Interrupted (Ctrl+C): the run stops and removes what it wrote"))

    signal.signal(signal.SIGINT, said)
    wakeup_before = signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
    watcher.start()
    try:
        yield
    finally:
        signal.set_wakeup_fd(wakeup_before)
        signal.signal(signal.SIGINT, signal.SIG_DFL if python_before is None else python_before)
        sigaction(signal.SIGINT, ctypes.addressof(saved), None)  # qgis_process's own handler again
        writer.close()  # the watcher reads the end and stops
        watcher.join()
        reader.close()


def _watch(reader, feedback) -> None:
    """Cancel ``feedback`` the moment a SIGINT arrives, from this thread: the main thread may be
    inside a long C++ call (a map render, a file write), which the cancel interrupts
    (``core.shared.cancel.stopping``); Python's own handler would wait for that call to return."""
    while True:
        caught = reader.recv(64)  # the signal numbers Python's C handler writes to the wakeup fd
        if not caught:
            return
        if signal.SIGINT in caught:
            feedback.cancel()
