"""Every finding reaches every output: GeoPackage and Shapefile hold exactly the memory output's rows.

Users sign what the plugin reports. Each algorithm's outputs are written three ways (memory,
GeoPackage, Shapefile; in-process and through ``qgis_process``) from inputs that break several
rules at once, and compared row by row. No output field may shadow a provider's key, every name
survives a Shapefile (≤ 10 characters), every field carries a (translated) alias, stored figures
are rounded to what a reviewer reads, and a write that fails is an error, never a log line.
"""

import re

import pytest
from qgis.core import (
    QgsApplication,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from helpers import memory_layer, registered_provider
from qgis_process_runner import install_plugin, json_payload, qgis_process
from test_coordfile import HEADER, PARCEL_1, PARCEL_2, write
from yongji_plugin.core.shared.areas import hectares, mu
from yongji_plugin.core.shared.errors import PlanError

RESERVED = {"fid", "ogc_fid", "objectid", "gid", "pk_uid", "rowid", "oid", "id"}
CJK = re.compile("[\u4e00-\u9fff]")
SITE_OUTPUTS = ("SITE_SUMMARY", "CONFLICTS", "LANDCLASS_BREAKDOWN", "REPAIRS")


# ---------------------------------------------------------------- inputs that break several rules


def _gpkg_layer(path, name, geometry, fields, rows):
    layer = memory_layer(geometry, "EPSG:4546", fields, rows, name)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName, options.layerName = "GPKG", name
    action = QgsVectorFileWriter.ActionOnExistingFile
    options.actionOnExistingFile = action.CreateOrOverwriteLayer if path.exists() else action.CreateOrOverwriteFile
    error, message, *_ = QgsVectorFileWriter.writeAsVectorFormatV3(
        layer, str(path), QgsProject.instance().transformContext(), options
    )
    assert error == QgsVectorFileWriter.WriterError.NoError, message


def _square(x, y, size):
    return f"POLYGON(({x} {y},{x + size} {y},{x + size} {y + size},{x} {y + size},{x} {y}))"


@pytest.fixture(scope="module")
def bad_plan(tmp_path_factory):
    """A tiny plan whose farmland feature 2 breaks four QA rules at once (one fid, many errors)."""
    path = tmp_path_factory.mktemp("bad_plan") / "plan.gpkg"
    bowtie = "POLYGON((450000 3865000,450100 3865100,450100 3865000,450000 3865100,450000 3865000))"
    _gpkg_layer(
        path,
        "STBHHX",
        "Polygon",
        ["BSM:integer", "YSDM:string", "HXMC:string", "MJ:double"],
        [(_square(450000, 3865000, 100), [1, "251000", "河滩", 10000.0])],
    )
    _gpkg_layer(
        path,
        "YJJBNT",
        "Polygon",
        ["BSM:integer", "YSDM:string", "TBBH:string", "ZLDWMC:string", "MJ:double"],
        [
            (_square(451000, 3865000, 100), [1, "212100", "1", "某村", 10000.0]),
            (bowtie, [None, "999", "", "某村", 5000.0]),
        ],
    )
    return path


def _run(alg, params, context=None):
    import processing

    return processing.run(alg, params, feedback=QgsProcessingFeedback(), context=context)


@pytest.fixture(scope="module")
def provider(qgis_processing):
    """Registered for the whole module: the module-scoped memory outputs below are made with it."""
    with registered_provider() as provider:
        yield provider


def _layer(value, name="out"):
    if isinstance(value, QgsVectorLayer):
        return value
    layer = QgsVectorLayer(value, name, "ogr")
    assert layer.isValid(), value
    return layer


def _value(value):
    if value is None or (hasattr(value, "isNull") and value.isNull()) or value == "":
        return None
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, float):
        return round(value, 6)
    return value


def rows(layer):
    """The layer's rows as comparable tuples: attributes by name, plus the geometry's area."""
    names = [n for n in layer.fields().names() if n.lower() not in RESERVED]
    out = []
    for feature in layer.getFeatures():
        geometry = feature.geometry()
        area = None if geometry is None or geometry.isEmpty() else round(geometry.area(), 3)
        out.append(tuple((n, _value(feature[n])) for n in names) + (("<area>", area),))
    return sorted(out, key=repr)


# ------------------------------------------------------------------------------- QA error layer


@pytest.fixture(scope="module")
def qa_memory(provider, bad_plan):
    errors = _run("yongji:planqa", {"PLAN_GPKG": str(bad_plan), "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    fids = [f["feature_id"] if "feature_id" in f.fields().names() else f["fid"] for f in errors.getFeatures()]
    assert len(fids) - len(set(fids)) >= 3, "the plan must give one feature several errors"
    return errors


@pytest.mark.parametrize("ext", ["gpkg", "shp"])
def test_plan_qa_errors_all_written(provider, bad_plan, qa_memory, tmp_path, ext):
    out = tmp_path / f"errors.{ext}"
    result = _run("yongji:planqa", {"PLAN_GPKG": str(bad_plan), "OUTPUT": str(out)})
    assert rows(_layer(result["OUTPUT"])) == rows(qa_memory)


# -------------------------------------------------------------------------- compliance outputs


@pytest.fixture(scope="module")
def few_sites(demo_gpkg):
    """The demo sites that break several rules, plus a clean one and one with an invalid geometry."""
    source = QgsVectorLayer(f"{demo_gpkg}|layername=sites", "sites", "ogr")
    source.selectByExpression("\"CASE\" in ('clean', 'multiple', 'protected', 'invalid', 'sliver')")
    layer = source.materialize(QgsFeatureRequest().setFilterFids(source.selectedFeatureIds()))
    QgsProject.instance().addMapLayer(layer)
    yield layer
    QgsProject.instance().removeMapLayer(layer.id())


def _check(demo_gpkg, few_sites, outputs):
    params = {"SITES": few_sites.id(), "PLAN_GPKG": str(demo_gpkg)}
    params.update(outputs)
    return _run("yongji:sitecompliance", params)


@pytest.fixture(scope="module")
def site_memory(provider, demo_gpkg, few_sites):
    result = _check(demo_gpkg, few_sites, {k: "TEMPORARY_OUTPUT" for k in SITE_OUTPUTS})
    layers = {k: result[k] for k in SITE_OUTPUTS}
    assert layers["CONFLICTS"].featureCount() >= 3 and layers["REPAIRS"].featureCount() >= 1
    return layers


@pytest.mark.parametrize("ext", ["gpkg", "shp"])
def test_compliance_outputs_all_written(provider, demo_gpkg, few_sites, site_memory, tmp_path, ext):
    result = _check(demo_gpkg, few_sites, {k: str(tmp_path / f"{k.lower()}.{ext}") for k in SITE_OUTPUTS})
    for key in SITE_OUTPUTS:
        written = _layer(result[key])
        assert written.fields().names()[-len(site_memory[key].fields()) :] == site_memory[key].fields().names(), key
        assert rows(written) == rows(site_memory[key]), key


def test_only_the_main_output_is_required(provider, demo_gpkg, few_sites):
    """yongji:sitecompliance with the site summary alone: the secondary outputs are optional."""
    result = _check(demo_gpkg, few_sites, {"SITE_SUMMARY": "TEMPORARY_OUTPUT"})
    assert result["SITE_SUMMARY"].featureCount() == few_sites.featureCount()
    assert not set(SITE_OUTPUTS[1:]) & set(result)


def test_every_secondary_output_of_every_algorithm_is_optional(provider):
    from qgis.core import QgsProcessingParameterDefinition

    for algorithm in provider.algorithms():
        destinations = algorithm.destinationParameterDefinitions()
        required = [
            p.name() for p in destinations if not p.flags() & QgsProcessingParameterDefinition.Flag.FlagOptional
        ]
        assert len(required) <= 1, (algorithm.id(), required)
        if required:
            assert required[0] == destinations[0].name(), algorithm.id()


# ------------------------------------------------------------------------- coordinate sinks

BROKEN_PARCEL = (
    "3,0.0100,YJ-003,坏地块,面,,公用设施用地,1309,@\nJ1,1,3861500.000,37442500.000\n"
    "J2,1,3861500.000,37442510.000\nJ1,1,3861500.000,37442500.000\n"
)


@pytest.mark.parametrize("ext", ["gpkg", "shp"])
def test_coordinate_import_sinks_all_written(provider, tmp_path, ext):
    text = (
        HEADER
        + "[地块坐标]\r\n"
        + (PARCEL_1 + PARCEL_2.replace("0.1220", "9.9999") + BROKEN_PARCEL).replace("\n", "\r\n")
    )
    source = str(write(tmp_path, text))
    memory = _run(
        "yongji:importcoordinates",
        {"INPUT": source, "MODE": 2, "OUTPUT": "TEMPORARY_OUTPUT", "PROBLEMS": "TEMPORARY_OUTPUT"},
    )
    assert memory["OUTPUT"].featureCount() >= 2 and memory["PROBLEMS"].featureCount() >= 2
    files = _run(
        "yongji:importcoordinates",
        {
            "INPUT": source,
            "MODE": 2,
            "OUTPUT": str(tmp_path / f"sites.{ext}"),
            "PROBLEMS": str(tmp_path / f"problems.{ext}"),
        },
    )
    for key in ("OUTPUT", "PROBLEMS"):
        assert rows(_layer(files[key])) == rows(memory[key]), key


def test_coordinate_export_to_an_impossible_path_is_an_error(provider, tmp_path):
    sites = memory_layer(
        "MultiPolygon",
        "EPSG:4546",
        ["DKBH:string"],
        [("MULTIPOLYGON(((443000 3862000,443100 3862000,443100 3862100,443000 3862000)))", ["A"])],
    )
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("x")
    with pytest.raises(QgsProcessingException):
        _run(
            "yongji:exportcoordinates",
            {"INPUT": sites, "ZONE": 37, "PREFIX": True, "ENCODING": 0, "OUTPUT": str(blocker / "export.txt")},
        )


# -------------------------------------------------------------------------------- field names


def _all_result_layers(site_memory, qa_memory, tmp_path):
    text = HEADER + "[地块坐标]\r\n" + (PARCEL_1 + BROKEN_PARCEL).replace("\n", "\r\n")
    imported = _run(
        "yongji:importcoordinates",
        {"INPUT": str(write(tmp_path, text)), "MODE": 2, "OUTPUT": "TEMPORARY_OUTPUT", "PROBLEMS": "TEMPORARY_OUTPUT"},
    )
    layers = dict(site_memory, QA=qa_memory, IMPORTED=imported["OUTPUT"], PROBLEMS=imported["PROBLEMS"])
    return layers


def test_no_output_field_is_a_provider_key_and_every_name_fits_a_shapefile(site_memory, qa_memory, tmp_path):
    for key, layer in _all_result_layers(site_memory, qa_memory, tmp_path).items():
        for name in layer.fields().names():
            assert name.lower() not in RESERVED, (key, name)
            assert len(name.encode("utf-8")) <= 10, (key, name)


def test_output_fields_refuse_reserved_and_long_names():
    from yongji_plugin.core.shared.output_fields import OutputField, output_fields

    for bad in ("fid", "FID", "ogc_fid", "OBJECTID", "a_very_long_name"):
        with pytest.raises(ValueError):
            output_fields([OutputField(bad, "long", "x")])


# ---------------------------------------------------------------------------- Chinese aliases


@pytest.fixture()
def chinese(locale):
    assert locale("zh_CN")
    yield


def test_every_result_field_has_a_chinese_alias(chinese, provider, demo_gpkg, few_sites, bad_plan, tmp_path):
    result = _check(demo_gpkg, few_sites, {k: "TEMPORARY_OUTPUT" for k in SITE_OUTPUTS})
    qa = _run("yongji:planqa", {"PLAN_GPKG": str(bad_plan), "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    layers = {k: result[k] for k in SITE_OUTPUTS}
    layers["QA"] = qa
    for key, layer in layers.items():
        for field in layer.fields():
            assert CJK.search(field.alias()), (key, field.name(), field.alias())
    summary = layers["SITE_SUMMARY"].fields()
    redline = summary.field(
        summary.lookupField(next(n for n in summary.names() if summary.field(n).alias().startswith("生态保护红线")))
    )
    assert "生态保护红线" in redline.alias()
    severities = {f["severity"] for f in qa.getFeatures()}
    assert severities <= {"错误", "警告"} and severities


def test_chinese_aliases_survive_in_geopackage(chinese, provider, demo_gpkg, few_sites, bad_plan, tmp_path):
    result = _check(
        demo_gpkg,
        few_sites,
        {"SITE_SUMMARY": str(tmp_path / "summary.gpkg"), "CONFLICTS": str(tmp_path / "conflicts.gpkg")},
    )
    qa = _run("yongji:planqa", {"PLAN_GPKG": str(bad_plan), "OUTPUT": str(tmp_path / "qa.gpkg")})
    for value in (result["SITE_SUMMARY"], result["CONFLICTS"], qa["OUTPUT"]):
        layer = _layer(value)
        named = [f for f in layer.fields() if f.name().lower() not in RESERVED]
        assert named and all(CJK.search(f.alias()) for f in named), [(f.name(), f.alias()) for f in named]


def test_core_geopackage_keeps_every_row_and_alias(chinese, demo_gpkg, few_sites, tmp_path):
    from yongji_plugin.core.plan_data.loader import open_plan
    from yongji_plugin.core.plan_data.sources import Source
    from yongji_plugin.core.shared.areas import AreaMethod
    from yongji_plugin.core.site_check.check import CheckParams, run_compliance
    from yongji_plugin.core.site_check.outputs import result_layers, write_geopackage
    from yongji_plugin.core.site_check.ruleset import load_ruleset

    outcome = run_compliance(
        few_sites, open_plan(Source("gpkg", str(demo_gpkg))), load_ruleset(), CheckParams(AreaMethod.create())
    )
    layers = result_layers(outcome)
    written = write_geopackage(layers, tmp_path / "result.gpkg")
    for name, layer in layers.items():
        again = QgsVectorLayer(f"{tmp_path / 'result.gpkg'}|layername={name}", name, "ogr")
        assert rows(again) == rows(layer) == rows(written[name]), name
        assert all(CJK.search(f.alias()) for f in again.fields() if f.name() != "fid"), name


def test_core_geopackage_refuses_to_lose_rows(tmp_path):
    from yongji_plugin.core.site_check.outputs import write_geopackage

    clash = memory_layer(
        "Point", "EPSG:4546", ["fid:integer", "x:string"], [("POINT(1 1)", [7, "a"]), ("POINT(2 2)", [7, "b"])]
    )
    with pytest.raises(PlanError):
        write_geopackage({"clash": clash}, tmp_path / "clash.gpkg")


# ------------------------------------------------------------------------------------ figures


def test_stored_figures_are_rounded_to_what_a_reviewer_reads(site_memory):
    """m² to 0.01; ha and 亩 from the stored m² (ha to 4 places, 亩 to 2, as the report shows); % to 0.01."""
    checked = 0
    for key in ("SITE_SUMMARY", "CONFLICTS", "LANDCLASS_BREAKDOWN"):
        layer = site_memory[key]
        names = layer.fields().names()
        for feature in layer.getFeatures():
            for name in names:
                value = feature[name]
                if name.endswith("m2") and value is not None:
                    prefix = name[:-2]
                    assert value == round(value, 2), (key, name, value)
                    assert feature[prefix + "ha"] == round(hectares(value), 4), (key, name)
                    assert feature[prefix + "mu"] == round(mu(value), 2), (key, name)
                    checked += 1
                if name.endswith("pct") and value is not None:
                    assert value == round(value, 2) and 0 <= value <= 100, (key, name, value)
    assert checked > 20


# ------------------------------------------------------------------------ translated reasons


def test_repair_reasons_and_verdicts_read_chinese(chinese, provider, demo_gpkg, few_sites):
    result = _check(demo_gpkg, few_sites, {"SITE_SUMMARY": "TEMPORARY_OUTPUT", "REPAIRS": "TEMPORARY_OUTPUT"})
    repairs = list(result["REPAIRS"].getFeatures())
    assert repairs
    for repair in repairs:
        assert CJK.search(repair["problem"]), repair["problem"]
        assert repair["geos_text"] and not CJK.search(repair["geos_text"])
    verdicts = {f["verdict"] for f in result["SITE_SUMMARY"].getFeatures()}
    assert verdicts and all(CJK.search(v) for v in verdicts)


@pytest.mark.parametrize(
    "raw, chinese_text",
    [
        ("Self-intersection", "自相交"),
        ("Ring Self-intersection", "环自相交"),
        ("Too few points in geometry component", "点数过少"),
        ("Hole lies outside shell", "内环位于外环之外"),
        ("Nested shells", "外环嵌套"),
        ("Interior is disconnected", "内部不连通"),
        ("Invalid Coordinate", "无效坐标"),
        ("Ring is not closed", "环未闭合"),
        ("Nested holes", "内环嵌套"),
        ("Holes are nested", "内环嵌套"),
    ],
)
def test_geos_reasons_translate(chinese, raw, chinese_text):
    from yongji_plugin.core.shared.geos_reasons import geos_reason

    assert chinese_text in geos_reason(raw)


def test_geos_reason_of_a_real_geometry_reads_chinese(chinese):
    from yongji_plugin.core.engine.geometry_repair import validity_problem
    from yongji_plugin.core.shared.geos_reasons import geos_reason

    bowtie = QgsGeometry.fromWkt("POLYGON((0 0,10 10,10 0,0 10,0 0))")
    assert geos_reason(validity_problem(bowtie)) == "自相交"


# ------------------------------------------------------------------------------ failed writes


def test_sink_that_refuses_rows_is_an_error(provider, tmp_path):
    """The shared sink writer turns a refused row into a QgsProcessingException (non-zero exit)."""
    from yongji_plugin.processing.base import write_sink

    clash = memory_layer(
        "Point", "EPSG:4546", ["fid:integer", "x:string"], [("POINT(1 1)", [7, "a"]), ("POINT(2 2)", [7, "b"])]
    )
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("yongji:planqa")
    context = QgsProcessingContext()
    with pytest.raises(QgsProcessingException, match="not every row"):
        write_sink(algorithm, {"OUTPUT": str(tmp_path / "clash.gpkg")}, "OUTPUT", context, clash)


@pytest.mark.parametrize("ext, fits", [("gpkg", True), ("shp", False)])
def test_text_a_format_would_cut_short_is_an_error(provider, tmp_path, ext, fits):
    """A Shapefile keeps 254 bytes of text: a longer finding (reasons of many conflicts) must not be cut silently."""
    from yongji_plugin.processing.base import write_sink

    long_text = "；".join(["占用永久基本农田 1234.56 平方米"] * 12)
    assert len(long_text.encode("utf-8")) > 254
    layer = memory_layer("Point", "EPSG:4546", ["reasons:string"], [("POINT(1 1)", [long_text])])
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("yongji:planqa")
    params = {"OUTPUT": str(tmp_path / f"long.{ext}")}
    if fits:
        dest = write_sink(algorithm, params, "OUTPUT", QgsProcessingContext(), layer)
        assert next(_layer(dest).getFeatures())["reasons"] == long_text
    else:
        with pytest.raises(QgsProcessingException, match="reasons"):
            write_sink(algorithm, params, "OUTPUT", QgsProcessingContext(), layer)


def test_output_into_a_file_instead_of_a_folder_is_an_error(provider, bad_plan, tmp_path):
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("x")
    with pytest.raises(QgsProcessingException):
        _run("yongji:planqa", {"PLAN_GPKG": str(bad_plan), "OUTPUT": str(blocker / "errors.gpkg")})


# ------------------------------------------------------------------------------- qgis_process


@pytest.fixture(scope="module")
def qgis_home(tmp_path_factory):
    return install_plugin(tmp_path_factory.mktemp("home"))


def _results(run):
    return json_payload(run)["results"]


@pytest.mark.parametrize("ext", ["gpkg", "shp"])
def test_qgis_process_writes_every_qa_error(qgis_home, bad_plan, qa_memory, tmp_path, ext):
    run = qgis_process(
        qgis_home,
        "--json",
        "run",
        "yongji:planqa",
        "--",
        f"PLAN_GPKG={bad_plan}",
        f"OUTPUT={tmp_path / f'errors.{ext}'}",
    )
    assert rows(_layer(_results(run)["OUTPUT"])) == rows(qa_memory)


def test_qgis_process_writes_every_compliance_output(qgis_home, provider, demo_gpkg, tmp_path):
    few = tmp_path / "few.gpkg"
    source = QgsVectorLayer(f"{demo_gpkg}|layername=sites", "sites", "ogr")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName, options.layerName = "GPKG", "sites"
    options.attributes = list(range(len(source.fields())))
    source.selectByExpression("\"CASE\" in ('multiple', 'protected', 'invalid')")
    options.onlySelectedFeatures = True
    error, message, *_ = QgsVectorFileWriter.writeAsVectorFormatV3(
        source, str(few), QgsProject.instance().transformContext(), options
    )
    assert error == QgsVectorFileWriter.WriterError.NoError, message
    outputs = [f"{key}={tmp_path / (key.lower() + '.gpkg')}" for key in SITE_OUTPUTS]
    common = ["run", "yongji:sitecompliance", "--", f"SITES={few}|layername=sites", f"PLAN_GPKG={demo_gpkg}"]
    files = _results(qgis_process(qgis_home, "--json", *common, *outputs))
    reference = _run(
        "yongji:sitecompliance",
        {
            "SITES": f"{few}|layername=sites",
            "PLAN_GPKG": str(demo_gpkg),
            **{k: "TEMPORARY_OUTPUT" for k in SITE_OUTPUTS},
        },
    )
    for key in SITE_OUTPUTS:
        assert rows(_layer(files[key])) == rows(reference[key]), key


def test_qgis_process_failed_write_exits_non_zero(qgis_home, bad_plan, tmp_path):
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("x")
    run = qgis_process(
        qgis_home, "run", "yongji:planqa", "--", f"PLAN_GPKG={bad_plan}", f"OUTPUT={blocker / 'errors.gpkg'}"
    )
    assert run.returncode != 0
    assert "errors.gpkg" in run.stdout + run.stderr
