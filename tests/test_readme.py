"""The README's command lines run as written: every line of its ``sh`` blocks, in order.

They run in a throw-away copy of the repository with a throw-away home folder (so ``make deploy``
and ``qgis_process`` use a fresh QGIS profile), on the demo data. ``make test`` is the command
running this suite, so it is only dry-run. On the trixie host the suite runs inside the chroot the
Makefile built, where there is no make (nor the outer host's venv): there the make lines are
skipped and this test installs the packaged plugin and the demo data itself, which is what they do.
"""

import os
import re
import shlex
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from qgis.core import QgsVectorLayer

from helpers import ROOT, ZIP

README = ROOT / "README.md"
PROFILE = Path(".local/share/QGIS/QGIS3/profiles/default")
# the Makefile's host: this suite runs from its venv (on trixie it runs from the chroot's own)
MAKE_HERE = shutil.which("make") is not None and Path(sys.prefix).resolve() == (ROOT / ".venv").resolve()
COPIED = (
    "Makefile",
    "metadata.txt",
    "LICENSE",
    "CHANGELOG.md",
    "requirements-test.txt",
    "requirements-test-trixie.txt",
    "yongji_plugin",
    "resources",
    "forms",
    "scripts",
    ".stamps",
)


def fenced_blocks(text: str):
    """(language, lines) of every fenced block; a fence left open is an error."""
    blocks, language, lines = [], None, []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.startswith("```"):
            if language is not None:
                lines.append(line)
            continue
        tag = line[3:].strip()
        if language is None:
            language, lines = tag or "text", []
        elif tag:
            raise AssertionError(f"README line {number}: a fence opens ({tag}) inside an open block")
        else:
            blocks.append((language, lines))
            language = None
    if language is not None:
        raise AssertionError("README ends inside a fenced block")
    return blocks


def command_lines(text: str):
    """Every shell command of the ``sh`` blocks, continuation lines joined."""
    commands = []
    for language, lines in fenced_blocks(text):
        if language != "sh":
            continue
        joined = re.sub(r"\\\n\s*", " ", "\n".join(lines))
        commands += [line.strip() for line in joined.splitlines() if line.strip()]
    return commands


COMMANDS = command_lines(README.read_text(encoding="utf-8"))


def test_readme_fences_are_closed_and_hold_commands():
    assert len(COMMANDS) >= 7
    deploy = next(i for i, c in enumerate(COMMANDS) if c.startswith("make deploy"))
    assert deploy < next(i for i, c in enumerate(COMMANDS) if "plugins enable" in c)
    with pytest.raises(AssertionError, match="ends inside"):
        fenced_blocks("```sh\nmake test\n")


@pytest.fixture(scope="module")
def workspace(tmp_path_factory, demo_gpkg):
    """A copy of the repository (or, without make, just the demo data) and an empty home folder."""
    base = tmp_path_factory.mktemp("readme")
    work, home = base / "repo", base / "home"
    home.mkdir()
    if MAKE_HERE:
        work.mkdir()
        for name in COPIED:
            source = ROOT / name
            if source.is_dir():
                shutil.copytree(source, work / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
            elif source.exists():
                shutil.copy2(source, work / name)
        (work / ".venv").symlink_to(ROOT / ".venv")
    else:  # what `make demo-data` and `make deploy` do
        (work / "out" / "demo").mkdir(parents=True)
        shutil.copy(demo_gpkg, work / "out" / "demo" / "yongji_demo.gpkg")
        zipfile.ZipFile(ZIP).extractall(home / PROFILE / "python" / "plugins")
    return work, home


def _run(command: str, work: Path, home: Path):
    env = dict(os.environ, HOME=str(home))
    env.pop("QGIS_CUSTOM_CONFIG_PATH", None)  # set by pytest-qgis; would hide the profile
    env.pop("MAKEFLAGS", None)
    env.pop("MAKELEVEL", None)
    return subprocess.run(["bash", "-c", command], cwd=work, env=env, capture_output=True, text=True, timeout=900)


@pytest.mark.timeout(900)
@pytest.mark.parametrize("command", [pytest.param(c, id=c.split("#")[0].strip()[:60]) for c in COMMANDS])
def test_readme_command_runs_as_written(command, workspace):
    work, home = workspace
    words = shlex.split(command, comments=True)
    if words[0] == "make":
        if not MAKE_HERE:
            pytest.skip("make drives the Debian 12 host; this host runs inside its chroot, without make")
        if words[1:2] == ["test"]:  # the command running this suite: dry-run only
            command = command.replace("make test", "make -n test", 1)
    else:
        assert words[0] == "/usr/bin/qgis_process.bin", f"a README command this test does not know: {command}"
    proc = _run(command, work, home)
    assert proc.returncode == 0, f"{command}\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    if words[:2] == ["make", "deploy"]:
        assert (home / PROFILE / "python" / "plugins" / "yongji_plugin" / "metadata.txt").exists()
    written = [
        value
        for word in words
        if "=" in word
        for value in [word.split("=", 1)[1]]
        if value.startswith("out/") and "/demo/" not in value
    ]
    for path in written:
        assert (work / path).exists(), path
        if path.endswith(".gpkg"):
            assert QgsVectorLayer(str(work / path), "out", "ogr").isValid(), path
        if path.endswith(".html"):
            assert (work / path).with_suffix(".pdf").exists(), path
