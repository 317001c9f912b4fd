"""The test hosts `make test` runs the suite on, and the chroot machinery that builds them.

Each chroot host must hold the QGIS its name promises: a backports install that silently fell back
to Debian 13's own QGIS would pass every test while testing 3.40 twice. The chroot script must
never copy a chroot that is in use (cp would follow its bind mounts into /proc, /dev and the
repository itself). Both need the outer host (root, mount), hence the ``chroot`` marker the conftest
gives every test here.
"""

import os
import subprocess
from pathlib import Path

import pytest

from helpers import ROOT

pytestmark = pytest.mark.chroot

CHROOT = ROOT / "scripts" / "chroot_host.sh"
# host -> (the QGIS release it must run, the apt source it comes from or None for Debian 13's own)
HOSTS = {"trixie": ("3.40.", None), "trixie-bp": ("3.44.", "trixie-backports")}


def installed_versions(root: Path) -> dict:
    """Package -> version from the chroot's dpkg database (read as a file: no chroot, no mount)."""
    versions, package = {}, None
    status = (root / "var" / "lib" / "dpkg" / "status").read_text(encoding="utf-8")
    for line in status.splitlines():
        if line.startswith("Package: "):
            package = line.split(": ", 1)[1]
        elif line.startswith("Version: ") and package:
            versions[package] = line.split(": ", 1)[1]
    return versions


@pytest.mark.parametrize("host", sorted(HOSTS))
def test_each_chroot_host_holds_the_qgis_it_is_named_for(host):
    root = ROOT / ".hosts" / host
    if not (root / ".yongji-pip").exists():
        pytest.skip(f"{host} is not prepared here (make test prepares the hosts it runs)")
    release, source = HOSTS[host]
    versions = installed_versions(root)
    for package in ("qgis", "python3-qgis", "qgis-providers"):
        assert versions.get(package, "").startswith(release), (host, package, versions.get(package))
    lists = "".join(p.read_text(encoding="utf-8") for p in (root / "etc" / "apt").rglob("*.list"))
    if source:
        assert "~bpo13" in versions["python3-qgis"] and f" {source} main" in lists
    else:
        assert "backports" not in lists


@pytest.fixture()
def mounted_base(tmp_path):
    """A chroot marked prepared with something bind-mounted in it, as while a suite runs there."""
    if os.geteuid() != 0:
        pytest.skip("mount needs root (make test runs as root)")
    base = tmp_path / "base"
    (base / "proc").mkdir(parents=True)
    (base / ".yongji-pip").write_text("prepared\n")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "not-to-copy").write_text("x\n")
    subprocess.run(["mount", "--bind", str(tmp_path / "outside"), str(base / "proc")], check=True)
    try:
        yield base
    finally:
        subprocess.run(["umount", str(base / "proc")], check=True)


def test_a_chroot_in_use_is_never_copied(mounted_base, tmp_path):
    copy = tmp_path / "copy"
    run = subprocess.run(
        [str(CHROOT), "prepare", str(copy), "--from", str(mounted_base), "--backports"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode != 0
    assert f"still mounted under {mounted_base}" in run.stderr
    assert not copy.exists() and not Path(f"{copy}.partial").exists()


def test_an_unprepared_base_is_refused(tmp_path):
    if os.geteuid() != 0:
        pytest.skip("the chroot script needs root")
    (tmp_path / "base").mkdir()
    run = subprocess.run(
        [str(CHROOT), "prepare", str(tmp_path / "copy"), "--from", str(tmp_path / "base")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode != 0 and "is not prepared" in run.stderr
    assert not (tmp_path / "copy").exists()
