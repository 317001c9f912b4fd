"""Shapefile text encodings (issue #21): .cpg, else the DBF's code page byte, else detection, or the
user's choice; never silent mojibake. Every Shapefile here is written by GDAL in a known encoding,
then stripped of its .cpg and code page byte as many Chinese tools write them; names read back are
compared with the strings written (and, for the demo, with the GeoPackage read through OGR)."""

from pathlib import Path

import pytest
from osgeo import gdal, ogr, osr
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import Qt

from yongji_plugin.core.plan_data.loader import describe_sources, inspect_source, open_layer, open_plan
from yongji_plugin.core.plan_data.sources import Source, list_layers
from yongji_plugin.core.shared.encodings import CPG, DETECTED, LDID, USER, decide_encoding
from yongji_plugin.core.shared.errors import PlanError

NAMES = ["城北街道", "城西街道", "蒲州镇", "韩阳镇", "张营镇", "开张镇", "栲栳镇", "虞乡镇", "卿头镇", "三义庄"]


def write_shapefile(path: Path, names, encoding="CP936", ldid=0x00, cpg=None) -> Path:
    """A polygon Shapefile with ``names`` in field XZQMC written by GDAL in ``encoding``; then the
    .cpg removed (or replaced by ``cpg``) and the DBF's code page byte set to ``ldid``."""
    gdal.UseExceptions()
    # QGIS's OGR provider sets SHAPE_ENCODING="" (no recoding) once it has opened a Shapefile
    shape_encoding = gdal.GetConfigOption("SHAPE_ENCODING")
    gdal.SetConfigOption("SHAPE_ENCODING", None)
    try:
        _write(path, names, encoding)
    finally:
        gdal.SetConfigOption("SHAPE_ENCODING", shape_encoding)
    assert names[0].encode(encoding.lower().replace("cp936", "gbk")) in path.with_suffix(".dbf").read_bytes()
    strip_encoding(path, ldid, cpg)
    return path


def _write(path: Path, names, encoding) -> None:
    dataset = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(str(path))
    crs = osr.SpatialReference()
    crs.ImportFromEPSG(4546)
    layer = dataset.CreateLayer(path.stem, crs, ogr.wkbPolygon, options=[f"ENCODING={encoding}"])
    layer.CreateField(ogr.FieldDefn("XZQDM", ogr.OFTString))
    layer.CreateField(ogr.FieldDefn("XZQMC", ogr.OFTString))
    for number, name in enumerate(names):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("XZQDM", f"1408811{number:02d}")
        feature.SetField("XZQMC", name)
        x = 37500000 + 1000 * number
        feature.SetGeometry(
            ogr.CreateGeometryFromWkt(
                f"POLYGON(({x} 3860000,{x + 900} 3860000,{x + 900} 3860900,{x} 3860900,{x} 3860000))"
            )
        )
        layer.CreateFeature(feature)
    dataset = None


def strip_encoding(path: Path, ldid=0x00, cpg=None) -> None:
    """Remove the .cpg (or write ``cpg`` into it) and set the DBF's code page byte."""
    cpg_path = path.with_suffix(".cpg")
    if cpg_path.exists():
        cpg_path.unlink()
    if cpg is not None:
        cpg_path.write_text(cpg)
    with open(path.with_suffix(".dbf"), "r+b") as handle:
        handle.seek(29)
        handle.write(bytes([ldid]))


def names_read(layer, field="XZQMC"):
    return [feature[field] for feature in layer.getFeatures()]


def test_gbk_without_cpg_and_code_page_byte_is_detected(tmp_path):
    path = write_shapefile(tmp_path / "乡镇.shp", NAMES)
    raw = path.with_suffix(".dbf").read_bytes()
    assert NAMES[0].encode("gbk") in raw and raw[29] == 0 and not path.with_suffix(".cpg").exists()
    plain = QgsVectorLayer(str(path), "plain", "ogr")  # what QGIS alone shows: mojibake
    assert names_read(plain) != NAMES
    decided = decide_encoding(path)
    assert (decided.name, decided.how) == ("GBK", DETECTED)
    [source_layer] = list_layers(Source("folder", str(tmp_path)))
    assert source_layer.encoding == decided
    assert names_read(open_layer(source_layer, "乡镇")) == NAMES


def test_code_page_byte_gbk(tmp_path):
    path = write_shapefile(tmp_path / "a.shp", NAMES, ldid=0x4D)
    decided = decide_encoding(path)
    assert (decided.name, decided.how) == ("GBK", LDID)
    assert names_read(open_layer(list_layers(Source("folder", str(tmp_path)))[0], "a")) == NAMES


def test_utf8_without_cpg(tmp_path):
    path = write_shapefile(tmp_path / "a.shp", NAMES, encoding="UTF-8")
    assert NAMES[0].encode("utf-8") in path.with_suffix(".dbf").read_bytes()
    decided = decide_encoding(path)
    assert (decided.name, decided.how) == ("UTF-8", DETECTED)
    assert names_read(open_layer(list_layers(Source("folder", str(tmp_path)))[0], "a")) == NAMES


@pytest.mark.parametrize("content", ["936", "ANSI 936", "GBK", "CP936"])
def test_cpg_names_the_encoding(tmp_path, content):
    path = write_shapefile(tmp_path / "a.shp", NAMES, cpg=content)
    decided = decide_encoding(path)
    assert (decided.name, decided.how, decided.note) == ("GBK", CPG, "")


def test_a_cpg_that_does_not_decode_the_text_is_passed_over_and_said(tmp_path):
    path = write_shapefile(tmp_path / "a.shp", NAMES, cpg="UTF-8")
    decided = decide_encoding(path)
    assert (decided.name, decided.how) == ("GBK", DETECTED)
    assert "UTF-8" in decided.note and "GBK, detected" in decided.describe()
    assert names_read(open_layer(list_layers(Source("folder", str(tmp_path)))[0], "a")) == NAMES


def test_gb18030_only_characters_are_detected(tmp_path):
    names = NAMES[:3] + ["𠮷家庄"]  # U+20BB7 is outside GBK
    path = write_shapefile(tmp_path / "a.shp", names, encoding="GB18030")
    assert "𠮷".encode("gb18030") in path.with_suffix(".dbf").read_bytes()
    decided = decide_encoding(path)
    assert (decided.name, decided.how) == ("GB18030", DETECTED)
    assert names_read(open_layer(list_layers(Source("folder", str(tmp_path)))[0], "a")) == names


def test_the_users_choice_wins_and_is_named(tmp_path):
    path = write_shapefile(tmp_path / "a.shp", NAMES, ldid=0x4D)
    decided = decide_encoding(path, "GB18030")
    assert (decided.name, decided.how) == ("GB18030", USER)
    layers = list_layers(Source("folder", str(tmp_path), encoding="GB18030"))
    assert layers[0].encoding == decided and "ENCODING=GB18030" in layers[0].uri
    assert names_read(open_layer(layers[0], "a")) == NAMES


def test_a_choice_that_cannot_decode_the_text_is_an_error(tmp_path):
    path = write_shapefile(tmp_path / "a.shp", NAMES)
    with pytest.raises(PlanError, match=r"a\.dbf.*\(UTF-8\).*record 1\), field XZQMC"):
        decide_encoding(path, "UTF-8")


def undecodable(tmp_path) -> Path:
    """A GBK table whose second record's name holds bytes no candidate decodes (0xFF is no lead
    byte in GBK or GB18030, and no UTF-8 byte at all)."""
    path = write_shapefile(tmp_path / "坏.shp", NAMES)
    dbf = path.with_suffix(".dbf")
    raw = dbf.read_bytes()
    at = raw.index(NAMES[1].encode("gbk"))
    dbf.write_bytes(raw[:at] + b"\xff\xff\x80\xff" + raw[at + 4 :])
    for codec in ("utf-8", "gbk", "gb18030"):
        with pytest.raises(UnicodeDecodeError):
            b"\xff\xff\x80\xff".decode(codec)
    return path


def test_text_that_decodes_in_no_encoding_is_a_clear_error(tmp_path):
    path = undecodable(tmp_path)
    with pytest.raises(PlanError) as error:
        decide_encoding(path)
    message = str(error.value)
    assert str(path.with_suffix(".dbf")) in message
    assert "UTF-8, GBK, GB18030" in message and "feature 1 (record 2), field XZQMC" in message
    assert "ff ff 80 ff" in message
    with pytest.raises(PlanError, match="坏.dbf"):
        inspect_source(Source("folder", str(tmp_path)))


def test_the_error_is_translated(tmp_path, locale):
    path = undecodable(tmp_path)
    locale("zh_CN")
    with pytest.raises(PlanError) as error:
        decide_encoding(path)
    assert "坏.dbf" in str(error.value) and "编码" in str(error.value)


def test_a_large_table_is_sampled_across_its_length(tmp_path, monkeypatch):
    """GBK text only near the end of a table longer than the sample is still seen."""
    from yongji_plugin.core.shared import encodings

    names = ["abc"] * 3000 + NAMES
    path = write_shapefile(tmp_path / "a.shp", names)
    record_length = 1 + 80 + 80
    monkeypatch.setattr(encodings, "SAMPLE_BYTES", record_length * 640)  # 640 of 3010 records, 64 runs
    text = encodings.read_dbf_text(path.with_suffix(".dbf"))
    assert len(text.records) <= 640 and max(n for n, _ in text.records) == len(names) - 1
    assert decide_encoding(path).name == "GBK"


PLAN_LAYERS = ("XZQ", "XZQ_XZ", "STBHHX", "YJJBNT", "CZKFBJ", "ZRBHD", "LSWHBHX", "DLTB", "GHFQ", "ZXCQYD")


def gbk_copy(gpkg: Path, layer_name: str, path: Path, ldid=0x00) -> Path:
    """A demo layer as a GBK Shapefile without .cpg and code page byte (as many Chinese tools write)."""
    shape_encoding = gdal.GetConfigOption("SHAPE_ENCODING")
    gdal.SetConfigOption("SHAPE_ENCODING", None)
    try:
        gdal.VectorTranslate(
            str(path),
            str(gpkg),
            format="ESRI Shapefile",
            layers=[layer_name],
            layerName=path.stem,
            layerCreationOptions=["ENCODING=CP936"],
        )
    finally:
        gdal.SetConfigOption("SHAPE_ENCODING", shape_encoding)
    strip_encoding(path, ldid)
    return path


def ogr_values(gpkg: Path, layer_name: str, field: str):
    """A field's values in the GeoPackage, read through OGR (the independent side)."""
    dataset = ogr.Open(str(gpkg))
    values = [feature.GetField(field) for feature in dataset.GetLayerByName(layer_name)]
    dataset = None
    return values


@pytest.fixture(scope="module")
def gbk_plan(demo_gpkg, tmp_path_factory):
    """The demo plan as a folder of GBK Shapefiles without .cpg or code page byte."""
    folder = tmp_path_factory.mktemp("gbk_plan")
    for code in PLAN_LAYERS:
        gbk_copy(demo_gpkg, code, folder / f"{code}.shp")
    assert "城".encode("gbk") in (folder / "XZQ_XZ.dbf").read_bytes()
    return folder


def test_a_gbk_plan_folder_reads_its_township_names(gbk_plan, demo_gpkg, provider):
    import processing

    result = processing.run("yongji:inspectsource", {"KIND": 1, "SOURCE": str(gbk_plan), "OUTPUT": "TEMPORARY_OUTPUT"})
    status = {f["code"]: f["status"] for f in result["OUTPUT"].getFeatures()}
    assert all(status[code] == "found" for code in PLAN_LAYERS), status
    layers = open_plan(Source("folder", str(gbk_plan)))
    expected = ogr_values(demo_gpkg, "XZQ_XZ", "XZQMC")
    assert len(expected) == 10 and all(any("\u4e00" <= c <= "\u9fff" for c in name) for name in expected)
    assert names_read(layers["XZQ_XZ"]) == expected
    described = describe_sources([layers["XZQ_XZ"]])
    assert described == f"{gbk_plan / 'XZQ_XZ.shp'} (GBK, detected)"


def test_the_bulk_reader_decodes_as_the_layer_does(gbk_plan, demo_gpkg):
    """The shapely backend streams Shapefiles through GDAL: its text columns in the layer's encoding."""
    pytest.importorskip("shapely", minversion="2")
    import shapely
    from qgis.core import QgsCoordinateReferenceSystem

    from yongji_plugin.core.engine.bulk_read import read_layer
    from yongji_plugin.core.engine.layers import ControlLayer

    layer = open_plan(Source("folder", str(gbk_plan)))["XZQ_XZ"]
    read = read_layer(
        ControlLayer(layer, "乡镇", None, ("XZQMC",)),
        QgsCoordinateReferenceSystem("EPSG:4546"),
        lambda batches: shapely.from_wkb(batches[0]),
    )
    assert read.route == "ogr"
    expected = ogr_values(demo_gpkg, "XZQ_XZ", "XZQMC")
    assert read.values("XZQMC", range(len(read.fids))) == expected


class _Feedback(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.errors = []

    def reportError(self, error, fatalError=False):
        self.errors.append(error)
        super().reportError(error, fatalError)


@pytest.fixture()
def gbk_sites(demo_gpkg, tmp_path):
    """The demo sites as a GBK Shapefile without .cpg, in the project as QGIS opens it (garbled)."""
    path = gbk_copy(demo_gpkg, "sites", tmp_path / "选址.shp")
    layer = QgsVectorLayer(str(path), "选址", "ogr")
    expected = ogr_values(demo_gpkg, "sites", "XMMC")
    assert names_read(layer, "XMMC") != expected  # QGIS alone shows mojibake: the case to fix
    QgsProject.instance().addMapLayer(layer)
    yield layer, expected
    QgsProject.instance().removeMapLayer(layer.id())


def test_sites_from_a_garbled_project_layer_are_read_in_gbk(gbk_sites, demo_gpkg, provider, tmp_path):
    import processing

    layer, expected = gbk_sites
    source_before = layer.source()
    feedback = _Feedback()
    report = tmp_path / "report.html"
    result = processing.run(
        "yongji:sitecompliance",
        {"SITES": layer, "PLAN_GPKG": str(demo_gpkg), "SITE_SUMMARY": "TEMPORARY_OUTPUT", "REPORT": str(report)},
        feedback=feedback,
    )
    summary = sorted(result["SITE_SUMMARY"].getFeatures(), key=lambda f: f["site_fid"])
    assert [f["site_name"] for f in summary] == expected
    assert any("选址" in text and "GBK, detected" in text for text in feedback.errors), feedback.errors
    html = report.read_text(encoding="utf-8")
    assert "选址 (GBK, detected)" in html
    assert all(name in html for name in expected[:5])
    assert layer.source() == source_before and names_read(layer, "XMMC") != expected  # the user's layer as it was


def test_a_selection_of_garbled_sites_keeps_its_features(gbk_sites, demo_gpkg, provider):
    import processing
    from qgis.core import QgsProcessingFeatureSourceDefinition

    layer, expected = gbk_sites
    layer.selectByIds([1, 4])
    result = processing.run(
        "yongji:sitecompliance",
        {
            "SITES": QgsProcessingFeatureSourceDefinition(layer.id(), True),
            "PLAN_GPKG": str(demo_gpkg),
            "SITE_SUMMARY": "TEMPORARY_OUTPUT",
        },
    )
    rows = sorted((f["site_fid"], f["site_name"]) for f in result["SITE_SUMMARY"].getFeatures())
    assert rows == [(1, expected[1]), (4, expected[4])]


def test_a_gbk_folder_compared_with_its_geopackage_has_no_change(gbk_plan, demo_gpkg):
    """规划版本对比: the same plan as GeoPackage and as GBK Shapefiles; garbled text would change every name."""
    from yongji_plugin.core.shared.areas import AreaMethod
    from yongji_plugin.core.versions.compare import compare_sources
    from yongji_plugin.core.versions.model import CompareParams

    codes = ("XZQ_XZ", "STBHHX", "CZKFBJ")
    result, _old, _new = compare_sources(
        Source("gpkg", str(demo_gpkg)), Source("folder", str(gbk_plan)), CompareParams(AreaMethod.create(), codes=codes)
    )
    compared = [c for c in result.layers if c.spec.code in codes]
    assert len(compared) == 3 and all(c.unchanged == c.old_count == c.new_count > 0 for c in compared)
    assert result.new_label == f"Shapefile folder {gbk_plan} (GBK, detected)"


def test_inspect_source_takes_an_encoding_and_names_it(gbk_plan, provider):
    import processing

    result = processing.run(
        "yongji:inspectsource",
        {"KIND": 1, "SOURCE": str(gbk_plan), "ENCODING": "GB18030", "OUTPUT": "TEMPORARY_OUTPUT"},
    )
    encodings = {f["code"]: f["encoding"] for f in result["OUTPUT"].getFeatures()}
    assert encodings["XZQ_XZ"] == "GB18030, chosen by the user" and encodings["ZXCQDL"] == ""  # missing layer
    with pytest.raises(QgsProcessingException, match=r"CZKFBJ\.dbf: .*\(UTF-8\): feature 0 \(record 1\), field GHFQMC"):
        processing.run(
            "yongji:inspectsource",
            {"KIND": 1, "SOURCE": str(gbk_plan), "ENCODING": "UTF-8", "OUTPUT": "TEMPORARY_OUTPUT"},
        )


def test_load_dialog_names_each_encoding_and_takes_an_override(gbk_plan, qgis_iface):
    from yongji_plugin.gui.plan_data.load_dialog import ENCODING_COLUMN, LoadLayersDialog

    QgsProject.instance().clear()
    dialog = LoadLayersDialog(qgis_iface)
    dialog.set_source(Source("folder", str(gbk_plan)))
    assert dialog.encodingCombo.isEnabled() and dialog.encodingCombo.currentData() == ""
    assert dialog.inspect()
    shown = {
        dialog.layerTable.item(row, 1).text(): dialog.layerTable.item(row, ENCODING_COLUMN).text()
        for row in range(dialog.layerTable.rowCount())
    }
    assert shown["XZQ_XZ"] == "GBK, detected" and shown["ZXCQDL"] == ""
    dialog.encodingCombo.setCurrentIndex(dialog.encodingCombo.findData("GB18030"))
    assert dialog.source() == Source("folder", str(gbk_plan), encoding="GB18030")
    assert dialog.inspect()
    row = next(r for r in range(dialog.layerTable.rowCount()) if dialog.layerTable.item(r, 1).text() == "XZQ_XZ")
    assert dialog.layerTable.item(row, ENCODING_COLUMN).text() == "GB18030, chosen by the user"
    for other in range(dialog.layerTable.rowCount()):
        dialog.layerTable.item(other, 0).setCheckState(
            Qt.CheckState.Checked if other == row else Qt.CheckState.Unchecked
        )
    [layer] = dialog.load()
    assert names_read(layer) == [f["XZQMC"] for f in open_plan(Source("folder", str(gbk_plan)))["XZQ_XZ"].getFeatures()]
    assert "XZQ_XZ.shp (GB18030, chosen by the user)" in describe_sources([layer])
    QgsProject.instance().clear()


def test_the_compliance_dialog_reads_garbled_sites_in_gbk(plan_project, demo_gpkg, qgis_iface, tmp_path):
    """The dialog's background task reads the same file again; its selection and warning as in Processing."""
    from qgis.core import Qgis

    from helpers import wait_for_task
    from yongji_plugin.gui.site_check.dialog import ComplianceDialog

    path = gbk_copy(demo_gpkg, "sites", tmp_path / "选址.shp")
    layer = QgsVectorLayer(str(path), "选址", "ogr")
    expected = ogr_values(demo_gpkg, "sites", "XMMC")
    plan_project.addMapLayer(layer)
    layer.selectByIds([2, 3])
    before = len(qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning))
    dialog = ComplianceDialog(qgis_iface, open_report=False)
    dialog.sitesCombo.setCurrentIndex(dialog.sitesCombo.findData(layer.id()))
    dialog.selectedOnlyCheck.setChecked(True)
    assert dialog.run() is not None
    wait_for_task(dialog, seconds=90)
    rows = sorted((f["site_fid"], f["site_name"]) for f in dialog.outputs["site_summary"].getFeatures())
    assert rows == [(2, expected[2]), (3, expected[3])]
    warnings = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning)[before:]
    assert any("GBK, detected" in text for text in warnings), warnings


def test_a_character_cut_in_half_at_the_end_of_a_full_field_is_no_error(tmp_path):
    """Writers that cut text at the field's width in bytes leave half a GBK character: still GBK."""
    path = write_shapefile(tmp_path / "a.shp", NAMES)
    dbf = path.with_suffix(".dbf")
    raw = bytearray(dbf.read_bytes())
    header_length, record_length = int.from_bytes(raw[8:10], "little"), int.from_bytes(raw[10:12], "little")
    name_at = header_length + 1 + 80  # record 0: deletion flag, XZQDM (80), XZQMC (80)
    whole = ("城北街道" * 20)[:39] + "a"
    text = whole.encode("gbk") + "城".encode("gbk")[:1]  # 80 bytes, the last one half of 城
    raw[name_at : name_at + 80] = text
    assert record_length == 161
    dbf.write_bytes(bytes(raw))
    with pytest.raises(UnicodeDecodeError):
        text.decode("gbk")
    assert decide_encoding(path).name == "GBK"
    layer = open_layer(list_layers(Source("folder", str(tmp_path)))[0], "a")
    assert names_read(layer)[1:] == NAMES[1:] and names_read(layer)[0].startswith(whole)


def test_the_versions_dialog_takes_each_versions_encoding(gbk_plan, demo_gpkg, qgis_iface):
    from helpers import wait_for_task
    from yongji_plugin.gui.versions.dialog import VersionsDialog

    QgsProject.instance().clear()
    dialog = VersionsDialog(qgis_iface, open_report=False)
    dialog.old.set_source(Source("gpkg", str(demo_gpkg)))
    dialog.new.set_source(Source("folder", str(gbk_plan), encoding="GB18030"))
    assert not dialog.oldEncodingCombo.isEnabled() and dialog.newEncodingCombo.isEnabled()
    assert dialog.new.source() == Source("folder", str(gbk_plan), encoding="GB18030")
    for row in range(dialog.layerList.count()):
        item = dialog.layerList.item(row)
        item.setCheckState(
            Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) == "XZQ_XZ" else Qt.CheckState.Unchecked
        )
    assert dialog.run() is not None
    task = dialog.task
    wait_for_task(dialog, seconds=120)
    assert task.result.new_label == f"Shapefile folder {gbk_plan} (GB18030, chosen by the user)"
    [township] = [c for c in task.result.layers if c.spec.code == "XZQ_XZ"]
    assert township.unchanged == township.old_count == township.new_count == 10
    reopened = VersionsDialog(qgis_iface, open_report=False)  # the choice is remembered
    assert reopened.new.source().encoding == "GB18030" and reopened.old.source().encoding == ""
    QgsProject.instance().clear()


def test_plan_qa_names_the_shapefiles_and_their_encoding(gbk_plan, provider, tmp_path):
    import processing

    layers = open_plan(Source("folder", str(gbk_plan)))
    report = tmp_path / "qa.html"
    processing.run(
        "yongji:planqa",
        {
            "LAYERS": [layers[code] for code in ("XZQ", "XZQ_XZ", "STBHHX", "CZKFBJ")],
            "RULES": [0],
            "OUTPUT": "TEMPORARY_OUTPUT",
            "REPORT": str(report),
        },
    )
    html = report.read_text(encoding="utf-8")
    assert f"{gbk_plan / 'XZQ_XZ.shp'} (GBK, detected)" in html


def test_a_big5_site_layer_set_to_big5_in_its_properties_is_read_so(demo_gpkg, provider, tmp_path):
    """Big5 bytes also decode as GBK (to the wrong characters): detection cannot tell them apart,
    the encoding set in the layer's properties decides."""
    import processing

    names = ["城北街道", "蒲州鎮", "韓陽鎮"]  # traditional characters, all in Big5
    path = write_shapefile(tmp_path / "sites.shp", names, encoding="CP950")
    assert names[1].encode("big5") in path.with_suffix(".dbf").read_bytes()
    decided = decide_encoding(path)
    read = names_read(open_layer(list_layers(Source("folder", str(tmp_path)))[0], "a"))
    assert decided.name in ("GBK", "GB18030") and read != names
    layer = QgsVectorLayer(str(path), "sites", "ogr")
    layer.setProviderEncoding("Big5")
    assert names_read(layer) == names
    report = tmp_path / "report.html"
    result = processing.run(
        "yongji:sitecompliance",
        {
            "SITES": layer,
            "PLAN_GPKG": str(demo_gpkg),
            "NAME_FIELD": "XZQMC",
            "SITE_SUMMARY": "TEMPORARY_OUTPUT",
            "REPORT": str(report),
        },
    )
    summary = result["SITE_SUMMARY"].getFeatures()
    assert sorted((f["site_fid"], f["site_name"]) for f in summary) == list(enumerate(names))
    html = report.read_text(encoding="utf-8")
    assert "sites (Big5, the layer&#39;s own setting)" in html or "sites (Big5, the layer's own setting)" in html


def test_an_unknown_encoding_name_is_an_error(tmp_path, provider):
    import processing

    path = write_shapefile(tmp_path / "a.shp", NAMES)
    with pytest.raises(PlanError, match=r"Unknown text encoding GKB chosen for .*a\.shp"):
        decide_encoding(path, "GKB")
    with pytest.raises(QgsProcessingException, match="Unknown text encoding GKB"):
        processing.run(
            "yongji:inspectsource",
            {"KIND": 1, "SOURCE": str(tmp_path), "ENCODING": "GKB", "OUTPUT": "TEMPORARY_OUTPUT"},
        )


def test_garbled_text_late_in_a_site_layer_is_found(tmp_path):
    """Only ASCII names in the first 300 sites, GBK ones after: the layer is still found garbled."""
    from yongji_plugin.core.shared.layer_encoding import garbled_text, no_geometry_request

    path = write_shapefile(tmp_path / "a.shp", ["site"] * 300 + NAMES)
    layer = QgsVectorLayer(str(path), "a", "ogr")
    garbled = garbled_text(layer.getFeatures(no_geometry_request()), path, decide_encoding(path))
    assert garbled is not None and garbled != NAMES[0]
    right = open_layer(list_layers(Source("folder", str(tmp_path)))[0], "a")
    assert garbled_text(right.getFeatures(no_geometry_request()), path, decide_encoding(path)) is None
