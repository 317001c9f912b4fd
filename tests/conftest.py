"""Shared fixtures: the repo on sys.path, the demo GeoPackage (built once), a faithful-enough iface,
the plugin's Processing provider, a project holding the demo plan, a qgis_process profile.

pytest-qgis (run with ``--qgis_disable_gui``) provides the QgsApplication, canvas, stub iface and
Processing; everything else here is real QGIS.
"""

import functools
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# pyproj (the tests' independent geodesic computations) looks for PROJ data under the venv's
# prefix; QGIS's own PROJ data is the system's
if not os.environ.get("PROJ_DATA") and Path("/usr/share/proj/proj.db").exists():
    os.environ["PROJ_DATA"] = "/usr/share/proj"
for path in (ROOT, ROOT / "scripts"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))


# --- markers: what a test needs beyond this process's QGIS (see README, Tests) ---------------------
MARKERS = {
    "slow": "takes seconds: starts qgis_process or the desktop, or was measured slow (SLOW); left out of `make check`",
    "postgis": "starts a throw-away PostgreSQL/PostGIS server (tests/postgis_server.py); left out of `make check`",
    "desktop": "starts the real QGIS desktop under Xvfb from the packaged plugin; left out of `make check`",
    "chroot": "drives the chroot test hosts themselves (scripts/chroot_host.sh: root, mount, chroot); "
    "left out of `make check`, skipped inside a chroot host",
}
# tests measured slow on bookworm (the `make check` selection with --durations=80: calls of 7 s and more
# on the shared machine, about 2½ s of CPU; a module fixture's setup is not counted: it moves to the
# next test), by node id prefix. Tests that start qgis_process, PostgreSQL or the desktop are found by
# what they use, not listed here.
SLOW = (
    "tests/test_readme.py::",  # every README command line, `make demo` among them (210 s)
    "tests/test_cancel.py::",  # cancel at every step of every job (200 s)
    "tests/test_printing.py::",  # every sheet and atlas rendered and read back (160 s)
    "tests/test_cancel_dialogs.py::",  # (100 s)
    "tests/test_pdf_text.py::",  # (37 s)
    "tests/test_versions.py::",  # the demo's two versions compared, in the module's fixture (43 s)
    "tests/test_measure_dialogs.py::",  # (23 s)
    "tests/test_measures_cancel.py::",  # (17 s)
    "tests/test_cancel_prompt.py::",  # 10,000 big sites checked once, then canceled at each stage (90 s)
    "tests/test_demo_data.py::test_generation_is_deterministic",  # 39 s
    "tests/test_demo_data.py::test_control_lines_inside_their_zones_and_disjoint",
    "tests/test_demo_indicators.py::test_demo_targets_fit_the_demo",
    "tests/test_compliance_dialog.py::test_report_paths_shown_as_links_and_folder_opens",  # 28 s
    "tests/test_compliance_dialog.py::test_runs_in_background_and_adds_styled_results",  # 24 s
    "tests/test_compliance_dialog.py::test_selected_only_and_cancel",
    "tests/test_report.py::test_cover_summary_and_signature_read_back_in_order",  # 14 s
    "tests/test_processing.py::test_site_compliance_algorithm",  # 18 s
    "tests/test_processing.py::test_backend_parameter_and_log",  # 3 × 12 s
    "tests/test_indicator_check.py::test_each_judgement_follows_the_values_and_targets",  # 12 s
    "tests/test_indicator_check.py::test_every_value_matches_shapely",
    "tests/test_engine.py::test_areas_match_shapely[YJJBNT-",  # 2 × 11 s
    "tests/test_measure_processing.py::test_indicator_algorithm_outputs",
    "tests/test_site_identity.py::test_dialog_shows_the_duplicate_warning",
    # measured on bookworm at 0.6.0 (the `make check` selection's module totals, 2 cores shared)
    "tests/test_monitoring_demo.py::",  # the demo's snapshots monitored every way (41 s)
    "tests/test_measure_jobs.py::",  # dialog against algorithm, full-disk failures (21 s)
    "tests/test_filegdb.py::",  # every capability from a .gdb copy of the demo (20 s)
    "tests/test_capability_jobs.py::",  # dialog against algorithm, full-disk failures (16 s)
    "tests/test_encodings.py::",  # (13 s)
    "tests/test_measures_tools.py::",  # (13 s)
    "tests/test_versions_tools.py::",  # (10 s)
    "tests/test_outputs_complete.py::",  # (9 s)
    "tests/test_report.py::",  # (6 s)
    # measured at 0.7.0
    "tests/test_outputs_every_algorithm.py::",  # every destination of every algorithm over an input (30 s)
    "tests/test_sheet_layers_required.py::",  # every sheet and atlas with each layer emptied (25 s)
)


def pytest_configure(config):
    for name, meaning in MARKERS.items():
        config.addinivalue_line("markers", f"{name}: {meaning}")


@functools.cache
def _source(function) -> str:
    """A function's or module's source (once each: every test of a module asks for the same)."""
    import inspect

    try:
        return inspect.getsource(function)
    except (OSError, TypeError):
        return ""


def _markers_of(item) -> set:
    """The markers ``item`` earns by what it runs: its own code, its fixtures' and its parameters."""
    fixtures = [
        definition.func for definitions in item._fixtureinfo.name2fixturedefs.values() for definition in definitions
    ]
    code = "\n".join(_source(function) for function in [item.function, *fixtures])
    params = getattr(getattr(item, "callspec", None), "params", {})
    found = set()
    if (
        "postgis_demo" in item.fixturenames
        or "postgis_server.Server(" in code
        or any(isinstance(value, str) and value == "postgis" for value in params.values())
    ):
        found.add("postgis")  # the demo in PostGIS, a server of its own, or the postgis backend
    if "qgis_process_home" in item.fixturenames or "qgis_process(" in code or "QGIS_PROCESS" in code:
        found.add("slow")
    if "xvfb-run" in _source(item.module):
        found |= {"desktop", "slow"}
    if item.nodeid.startswith(SLOW):
        found.add("slow")
    return found


def pytest_collection_modifyitems(config, items):
    """Markers applied by what each test uses (no marker to remember in the test files); a `chroot`
    test is skipped inside a chroot host, where there is no chroot machinery to drive."""
    inside_a_chroot_host = Path("/opt/yongji-venv").exists()
    for item in items:
        for name in sorted(_markers_of(item) - {mark.name for mark in item.iter_markers()}):
            item.add_marker(name)
        if inside_a_chroot_host and item.get_closest_marker("chroot"):
            item.add_marker(pytest.mark.skip(reason="drives the chroot hosts: runs on the outer host only"))


@pytest.fixture(scope="session", autouse=True)
def keep_qgis_up_until_exit(qgis_app):
    """Let QGIS outlive every Python wrapper of its objects.

    pytest-qgis calls ``exitQgis()`` when the session's fixtures end, but layers and layouts can
    still be referenced then (by tracebacks pytest keeps, module fixtures, reference cycles); a
    wrapper freed after ``exitQgis()`` crashes the interpreter. QGIS is torn down with the process
    instead, after Python has let go of everything.
    """
    from qgis.core import QgsApplication

    QgsApplication.exitQgis = staticmethod(lambda: None)
    yield
    import gc

    gc.collect()


@pytest.fixture(scope="session", autouse=True)
def qgis_version_in_results(record_testsuite_property):
    """The QGIS the suite ran on, in the JUnit XML that `make test`'s summary line reads."""
    from qgis.core import Qgis

    record_testsuite_property("qgis", Qgis.QGIS_VERSION)


@pytest.fixture(scope="session", autouse=True)
def dialogs_write_under_a_temporary_folder(qgis_app, tmp_path_factory):
    """The dialogs' remembered output folder (gui.shared.output_folder) points into the session's
    temporary directory, so a dialog test never writes reports into the user's documents."""
    from qgis.core import QgsSettings

    from yongji_plugin.gui.shared.output_folder import SETTINGS_KEY

    QgsSettings().setValue(SETTINGS_KEY, str(tmp_path_factory.mktemp("dialog_outputs")))
    yield
    QgsSettings().remove(SETTINGS_KEY)


def _mount_tmpfs(folder, options: str, what: str) -> None:
    """Mount a tmpfs with ``options`` on ``folder``, or skip the test where this host cannot."""
    try:
        mounted = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", options, f"yongji_{what}", str(folder)], capture_output=True, text=True
        )
    except FileNotFoundError:  # no mount command on this host
        pytest.skip(f"cannot mount a {what} file system here: no mount command")
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a {what} file system here: {mounted.stderr.strip()}")


@pytest.fixture()
def full_folder(tmp_path):
    """A folder on a 64 KiB tmpfs filled to the last byte: every new file in it fails (ENOSPC). The
    job tests' output failing part way, for real (skipped where no file system can be mounted)."""
    folder = tmp_path / "full"
    folder.mkdir()
    _mount_tmpfs(folder, "size=64k", "full")
    try:
        with open(folder / "filler", "wb", buffering=0) as filler:  # nothing left to flush on close
            try:
                while True:
                    filler.write(b"\0" * 4096)
            except OSError:
                pass
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


@pytest.fixture()
def read_only_folder(tmp_path):
    """A read-only file system (tmpfs mounted ro): refused even to root, unlike permission bits
    (the outputs guard's tests: every writer names it before anything runs)."""
    folder = tmp_path / "read_only"
    folder.mkdir()
    _mount_tmpfs(folder, "ro,size=1m", "read-only")
    yield folder
    subprocess.run(["umount", str(folder)], check=True)


def pytest_report_header(config):
    from qgis.core import Qgis

    return f"QGIS {Qgis.QGIS_VERSION}"


@pytest.fixture(scope="session")
def demo_data(tmp_path_factory, qgis_app):
    """The demo 一张图 as generated features and as a GeoPackage (built once per session)."""
    from yongji_demo.build import write_demo

    path = tmp_path_factory.mktemp("demo") / "yongji_demo.gpkg"
    data = write_demo(path)
    return path, data


@pytest.fixture(scope="session")
def demo_gpkg(demo_data):
    return demo_data[0]


@pytest.fixture(scope="module")
def plan(demo_gpkg):
    """The demo plan's layers by catalogue code, opened once per test module."""
    import gc

    from yongji_plugin.core.plan_data.loader import open_plan
    from yongji_plugin.core.plan_data.sources import Source

    layers = open_plan(Source("gpkg", str(demo_gpkg)))
    yield layers
    layers.clear()
    gc.collect()  # free the layers while QGIS is still up


@pytest.fixture(scope="session")
def postgis_demo(demo_gpkg):
    """A throw-away PostGIS server with the demo 一张图 copied into database ``yongji`` (one table
    per layer, lower-case code); ``.plan`` holds the PostGIS layers by code."""
    from qgis.core import QgsVectorLayer

    import postgis_server
    from yongji_plugin.core.plan_data.loader import open_plan
    from yongji_plugin.core.plan_data.sources import Source

    tables = postgis_server.Tables(postgis_server.Server().start())
    demo = open_plan(Source("gpkg", str(demo_gpkg)))  # named as the plugin names them
    demo = {code: demo[code] for code in PLAN_CODES if code in demo}
    demo["sites"] = QgsVectorLayer(f"{demo_gpkg}|layername=sites", "sites", "ogr")
    tables.plan = tables.copy_plan(demo)
    demo.clear()
    yield tables
    tables.plan.clear()
    tables.close()


PLAN_CODES = ("sites", "XZQ", "XZQ_XZ", "STBHHX", "YJJBNT", "CZKFBJ", "ZRBHD", "LSWHBHX", "DLTB", "GHFQ", "ZXCQYD")


@pytest.fixture(scope="session")
def demo_versions(demo_data):
    """The demo's second version (known edits) beside the first: (v1 path, v2 path, v1 data, v2 data, edits)."""
    from yongji_demo.build import write_plan
    from yongji_demo.version2 import second_version

    path, data = demo_data
    edited, edits = second_version(data)
    second = path.with_name("yongji_demo_v2.gpkg")
    write_plan(second, edited)
    return path, second, data, edited, edits


@pytest.fixture()
def iface(qgis_iface):
    """pytest-qgis' stub iface, with the plugin-menu calls it lacks recorded in a dict."""
    menus = {}

    def add_menu(name, action):
        menus.setdefault(name, []).append(action)

    def remove_menu(name, action):
        if action in menus.get(name, []):
            menus[name].remove(action)

    qgis_iface.addPluginToMenu = add_menu
    qgis_iface.removePluginMenu = remove_menu
    qgis_iface.plugin_menus = menus
    return qgis_iface


@pytest.fixture()
def locale(qgis_app):
    """Switch the plugin's translator to a locale for one test, English afterwards."""
    from yongji_plugin import i18n

    def switch(name):
        return i18n.install_translator(name)

    yield switch
    i18n.remove_translator()


@pytest.fixture()
def provider(qgis_processing):
    """The plugin's Processing provider, registered for one test."""
    from helpers import registered_provider

    with registered_provider() as provider:
        yield provider


@pytest.fixture()
def qgis_process_home(tmp_path):
    """``tmp_path`` as the HOME of a throw-away QGIS profile with the packaged plugin enabled, for
    ``qgis_process_runner.qgis_process``."""
    from qgis_process_runner import install_plugin

    return install_plugin(tmp_path)


@pytest.fixture()
def plan_project(demo_gpkg):
    """The project holding the demo 一张图 as the load dialog adds it; cleared before and after."""
    from qgis.core import QgsProject

    from yongji_plugin.core.plan_data.loader import inspect_source, load_into_project
    from yongji_plugin.core.plan_data.sources import Source

    project = QgsProject.instance()
    project.clear()
    load_into_project(inspect_source(Source("gpkg", str(demo_gpkg))), project)
    yield project
    project.clear()
