"""Every output of every algorithm that resolves to an input is refused before anything runs (#24.2):
a layer inside an input GeoPackage, the input file itself, an input text or drawing. The plan's
layer list is read back with OGR before and after.

test_outputs_guard.py holds the issue's own case (SITE_SUMMARY=plan.gpkg) and the guard's parts;
this module walks every algorithm's every destination parameter, so a new algorithm or output
that slips past the guard fails here.
"""

import shutil

import pytest
from osgeo import ogr
from qgis.core import QgsApplication, QgsProcessingException

from dxf_cases import write_dxf
from test_cad_sites import REDLINE_TEXT
from test_coordfile import CANONICAL, write


def layer_names(path) -> list:
    dataset = ogr.Open(str(path))
    names = sorted(dataset.GetLayerByIndex(i).GetName() for i in range(dataset.GetLayerCount()))
    dataset = None
    return names


def _layer(plan, name):
    return f"{plan}|layername={name}"


# each algorithm's inputs, from the plan copy (``plan``), the demo (``demo``) or a folder (``tmp``)
INPUTS = {
    "yongji:sitecompliance": lambda p, d, t: {"SITES": _layer(p, "sites"), "PLAN_GPKG": str(p)},
    "yongji:planqa": lambda p, d, t: {"PLAN_GPKG": str(p)},
    "yongji:heightcheck": lambda p, d, t: {"BUILDINGS": _layer(p, "buildings"), "PLAN_GPKG": str(p)},
    "yongji:lifecircle": lambda p, d, t: {"PLAN_GPKG": str(p), "FACILITIES": _layer(p, "GGFWSS")},
    "yongji:townshipguidance": lambda p, d, t: {"PLAN_GPKG": str(p)},
    "yongji:indicatorcheck": lambda p, d, t: {"PLAN_GPKG": str(p)},
    "yongji:monitoring": lambda p, d, t: {"LAYERS": [_layer(d, "XZQ_XZ")], "SNAPSHOTS": [_layer(p, "DLTB")]},
    "yongji:compareversions": lambda p, d, t: {
        "OLD_KIND": 0,
        "OLD_SOURCE": str(d),
        "NEW_KIND": 0,
        "NEW_SOURCE": str(p),
        "LAYERS": [0],
    },
    "yongji:inspectsource": lambda p, d, t: {"KIND": 0, "SOURCE": str(p)},
    "yongji:printsheets": lambda p, d, t: {"LAYERS": [_layer(p, "XZQ")], "SHEETS": [0]},
    "yongji:exportcoordinates": lambda p, d, t: {"INPUT": _layer(p, "sites")},
}
# the algorithms that read a file, not the plan: the output goes over that file
FILE_INPUTS = {
    "yongji:importcoordinates": (lambda t: write(t, CANONICAL), {"MODE": 0}),
    "yongji:importdxf": (lambda t: write_dxf(t, REDLINE_TEXT), {"CRS": "EPSG:4546"}),
}


def _provider_algorithms():
    from yongji_plugin.processing.provider import YongjiProvider

    provider = YongjiProvider()
    provider.loadAlgorithms()
    return provider, sorted(provider.algorithms(), key=lambda a: a.name())


def _other_sinks(alg_id: str, key: str) -> dict:
    """Every other layer output to memory: the main one is required."""
    algorithm = QgsApplication.processingRegistry().algorithmById(alg_id)
    return {
        d.name(): "TEMPORARY_OUTPUT"
        for d in algorithm.parameterDefinitions()
        if d.isDestination() and d.type() == "sink" and d.name() != key
    }


def destinations():
    """(algorithm, destination parameter, is a layer) of every algorithm of the provider."""
    provider, algorithms = _provider_algorithms()  # the provider owns its algorithms
    return [
        (f"yongji:{algorithm.name()}", definition.name(), definition.type() in ("sink", "vectorDestination"))
        for algorithm in algorithms
        for definition in algorithm.parameterDefinitions()
        if definition.isDestination()
    ]


DESTINATIONS = destinations()


def test_every_algorithm_with_outputs_is_walked():
    """A new algorithm must say here what it reads, or this module tests nothing of it."""
    assert {alg for alg, _, _ in DESTINATIONS} == set(INPUTS) | set(FILE_INPUTS)


@pytest.fixture()
def plan_copy(demo_gpkg, tmp_path):
    path = tmp_path / "plan.gpkg"
    shutil.copy(demo_gpkg, path)
    return path


@pytest.mark.parametrize("alg_id, key, layer", DESTINATIONS, ids=[f"{a[7:]}-{k}" for a, k, _ in DESTINATIONS])
def test_an_output_over_an_input_is_refused_before_the_run(
    provider, demo_gpkg, plan_copy, tmp_path, alg_id, key, layer
):
    import processing

    assert QgsApplication.processingRegistry().algorithmById(alg_id) is not None
    if alg_id in FILE_INPUTS:
        make, extra = FILE_INPUTS[alg_id]
        source = make(tmp_path)
        before = source.read_bytes()
        parameters = {"INPUT": str(source), **extra, **_other_sinks(alg_id, key), key: str(source)}
        with pytest.raises(QgsProcessingException, match="would write over the input"):
            processing.run(alg_id, parameters)
        assert source.read_bytes() == before
        return
    before = layer_names(plan_copy)
    into = _layer(plan_copy, "result") if layer else str(plan_copy)
    parameters = {**INPUTS[alg_id](plan_copy, demo_gpkg, tmp_path), **_other_sinks(alg_id, key), key: into}
    with pytest.raises(QgsProcessingException, match=r"would write over the input"):
        processing.run(alg_id, parameters)
    assert layer_names(plan_copy) == before


@pytest.mark.parametrize("alg_id, key, layer", DESTINATIONS, ids=[f"{a[7:]}-{k}" for a, k, _ in DESTINATIONS])
def test_an_output_in_a_read_only_folder_is_a_sentence_before_the_run(
    provider,
    demo_gpkg,
    tmp_path,
    read_only_folder,
    alg_id,
    key,
    layer,
):
    """Every writer (layers, reports, tables, sheets, atlases, the coordinate export, print folders):
    a read-only file system is named before anything runs, never an OSError traceback."""
    import processing

    if alg_id in FILE_INPUTS:
        make, extra = FILE_INPUTS[alg_id]
        parameters = {"INPUT": str(make(tmp_path)), **extra}
    else:
        parameters = INPUTS[alg_id](demo_gpkg, demo_gpkg, tmp_path)
    definition = QgsApplication.processingRegistry().algorithmById(alg_id).parameterDefinition(key)
    name = (
        "out" if definition.type() == "folderDestination" else "out.gpkg" if layer else f"out.{_extension(definition)}"
    )
    before = set(tmp_path.iterdir())
    with pytest.raises(QgsProcessingException, match=r": cannot write .*read_only.*read-only"):
        processing.run(alg_id, {**parameters, **_other_sinks(alg_id, key), key: str(read_only_folder / name)})
    assert set(tmp_path.iterdir()) == before


def _extension(definition) -> str:
    """The first extension a file destination's filter offers (html, csv, xlsx, pdf, txt, …)."""
    import re

    found = re.search(r"\*\.(\w+)", definition.fileFilter())
    return found.group(1) if found else "txt"


# --- a full disk: an error naming the file, nothing left behind ---------------------------------------
def _left(folder) -> list:
    return sorted(p.name for p in folder.rglob("*") if p.name != "filler")


@pytest.mark.parametrize(
    "alg_id, name",
    [
        ("yongji:inspectsource", "status.gpkg"),
        ("yongji:inspectsource", "status.csv"),
        ("yongji:sitecompliance", "s.csv"),
    ],
)
def test_a_layer_on_a_full_disk_is_an_error_and_nothing_stays(provider, demo_gpkg, tmp_path, full_folder, alg_id, name):
    """The CSV writer reported success on a full disk and left 0 bytes: exit 0 with a warning that
    the file could not be read back; the inspection left a half-made GeoPackage."""
    import processing

    parameters = {
        "yongji:inspectsource": {"KIND": 0, "SOURCE": str(demo_gpkg), "OUTPUT": str(full_folder / name)},
        "yongji:sitecompliance": {
            "SITES": f"{demo_gpkg}|layername=sites",
            "PLAN_GPKG": str(demo_gpkg),
            "SITE_SUMMARY": str(full_folder / name),
        },
    }[alg_id]
    with pytest.raises(
        QgsProcessingException,
        match=r"Could not create layer|was not written \(is the disk full\?\)|not every row could be written",
    ):
        processing.run(alg_id, parameters)
    assert _left(full_folder) == []


def test_a_report_on_a_full_disk_names_its_file(provider, demo_gpkg, tmp_path, full_folder):
    """It said "[Errno 28] No space left on device", naming nothing."""
    import processing

    with pytest.raises(QgsProcessingException, match=r"Cannot write .*full/report\.html: No space left on device"):
        processing.run(
            "yongji:sitecompliance",
            {
                "SITES": f"{demo_gpkg}|layername=sites",
                "PLAN_GPKG": str(demo_gpkg),
                "SITE_SUMMARY": str(tmp_path / "summary.gpkg"),
                "REPORT": str(full_folder / "report.html"),
            },
        )
    assert _left(full_folder) == [] and not (tmp_path / "summary.gpkg").exists()


@pytest.mark.parametrize("fmt, said", [(0, "was not written whole"), (1, "could not be written")])
def test_printing_on_a_full_disk_is_a_sentence_and_leaves_no_folder(provider, demo_gpkg, full_folder, fmt, said):
    """PNG: QGIS 3.22's exporter has no errorMessage(), asked for over the failed export (a traceback);
    both formats left the empty output folder the run had made."""
    import processing

    parameters = {"PLAN_GPKG": str(demo_gpkg), "SHEETS": [0], "FORMAT": fmt, "DPI": 72}
    with pytest.raises(QgsProcessingException, match=said) as refused:
        processing.run("yongji:printsheets", {**parameters, "OUTPUT": str(full_folder / "maps")})
    assert "Traceback" not in str(refused.value) and "is the disk full" in str(refused.value)
    assert _left(full_folder) == []
