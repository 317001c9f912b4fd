"""The real ``qgis_process`` command line with the packaged plugin in a throw-away profile.

Why a module of its own: every test that proves an algorithm runs (or fails with a non-zero exit)
from the command line needs the same steps, and each got them slightly wrong in its own way once:
- the plugin ZIP (``make package``) unzipped into the default profile of a fresh HOME, never the
  user's profile;
- ``plugins enable yongji_plugin`` first: a plugin's algorithms show only when it is enabled;
- ``/usr/bin/qgis_process.bin``, since the ``/usr/bin/qgis_process`` wrapper fails on QGIS 3.22;
- pytest-qgis' ``QGIS_CUSTOM_CONFIG_PATH`` removed from the environment (it would hide the profile);
- with ``--json`` the results follow whatever QGIS logs before the JSON object.
"""

import json
import os
import signal
import subprocess
import threading
import zipfile

from helpers import ZIP

QGIS_PROCESS = "/usr/bin/qgis_process.bin"
PLUGINS = ".local/share/QGIS/QGIS3/profiles/default/python/plugins"  # below HOME


def environment(home):
    """The environment for a qgis_process (or qgis) run whose profile lives in ``home``."""
    env = dict(os.environ, HOME=str(home), QT_QPA_PLATFORM="offscreen")
    env.pop("QGIS_CUSTOM_CONFIG_PATH", None)  # set by pytest-qgis; would hide the profile
    return env


def qgis_process(home, *args, timeout=300):
    """Run ``qgis_process.bin args…`` with ``home``'s profile; the CompletedProcess (text)."""
    return subprocess.run([QGIS_PROCESS, *args], env=environment(home), capture_output=True, text=True, timeout=timeout)


def install_plugin(home):
    """Unzip the packaged plugin into ``home``'s default profile and enable it there; ``home``."""
    assert ZIP.exists(), "run `make package` first (make test does)"
    plugins = home / PLUGINS
    plugins.mkdir(parents=True)
    zipfile.ZipFile(ZIP).extractall(plugins)
    enable = qgis_process(home, "plugins", "enable", "yongji_plugin")
    assert enable.returncode == 0, enable.stderr
    return home


def _as_from_a_terminal():
    """Ctrl+C reaches qgis_process as it would from a terminal: a CI runner may start the suite with
    SIGINT ignored or blocked, and a child inherits both (the signal then never arrives)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def start_interruptible(home, *args):
    """``qgis_process.bin args…`` started as from a terminal (Ctrl+C reaches it), its output read as
    it comes: (process, the list the output's characters arrive in, the reading thread)."""
    process = subprocess.Popen(
        [QGIS_PROCESS, *args],
        env=environment(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        preexec_fn=_as_from_a_terminal,
    )
    output = []
    reader = threading.Thread(target=lambda: output.extend(iter(lambda: process.stdout.read(1), "")))
    reader.start()
    return process, output, reader


def json_payload(run):
    """The ``--json`` output of a run that must have succeeded."""
    assert run.returncode == 0, run.stdout + run.stderr
    return json.loads(run.stdout[run.stdout.index("{") :])
