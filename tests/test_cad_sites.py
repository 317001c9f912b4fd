"""CAD red lines: project sites from DXF drawings (issue #21 item 4), in the core, through Processing
(in process and the real ``qgis_process``) and in the coordinate-import dialog with real widgets.

The drawings are written tag by tag (dxf_cases.py), read by GDAL's DXF driver; areas and shapes are
checked against shapely on the coordinates the test wrote, lines against the test's own text.
"""

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsProcessingException, QgsProject, QgsVectorLayer
from shapely.affinity import translate
from shapely.geometry import Point, Polygon
from shapely.validation import make_valid

from dxf_cases import (
    block,
    drawing,
    entity_line,
    hatch,
    insert,
    line,
    lwpolyline,
    square,
    write_dxf,
)
from helpers import to_shapely, wait_for_task
from qgis_process_runner import qgis_process
from yongji_plugin.core.coordfile.cad import import_dxf
from yongji_plugin.core.shared.errors import PlanError
from yongji_plugin.gui.coordfile.dialog import CoordinateImportDialog

X, Y = 443000.0, 3862000.0  # EPSG:4546 metres in Yongji
RED_LINE = [(X, Y), (X + 120.5, Y + 3.25), (X + 98.0, Y + 140.75), (X - 10.125, Y + 88.0)]
SHELL, ISLAND = square(X + 500, Y, 200), square(X + 550, Y + 50, 40)
REDLINE_TEXT = drawing(
    lwpolyline("1A", "用地红线", RED_LINE),
    hatch("2B", "填充", [SHELL, ISLAND]),
    lwpolyline("3C", "用地红线", [(X, Y - 50), (X + 80, Y - 50), (X + 80, Y - 10)], closed=False),
    lwpolyline("4D", "用地红线", square(X + 500, Y + 300, 60)),
    hatch("5E", "填充", [square(X + 500, Y + 300, 60)]),
    line("6F", "道路", (X, Y - 200), (X + 400, Y - 200)),
)


def features(result):
    return {f["CAD_HANDLE"]: f for f in result.layer.getFeatures()}


def test_closed_polyline_and_hatch_with_island_become_sites(tmp_path):
    result = import_dxf([write_dxf(tmp_path, REDLINE_TEXT)], "EPSG:4546")
    sites = features(result)
    assert set(sites) == {"1A", "2B", "4D"}
    red = sites["1A"]
    assert red["CAD_LAYER"] == "用地红线" and red["CAD_TYPE"] == "LWPOLYLINE" and red["CAD_BLOCK"] in ("", None)
    assert red["DKBH"] == "用地红线-1A" and red["DKMC"] == "用地红线" and red["WJ"] == "redline.dxf"
    expected = Polygon(RED_LINE)
    assert red.geometry().area() == pytest.approx(expected.area, abs=1e-6)
    assert red["JSMJ_M2"] == pytest.approx(round(expected.area, 2), abs=1e-9) and red["JZDS"] == 4
    assert to_shapely(red.geometry()).symmetric_difference(expected).area < 1e-6
    with_hole = Polygon(SHELL, [ISLAND])
    hatched = to_shapely(sites["2B"].geometry())
    assert len(hatched.geoms[0].interiors) == 1 and hatched.area == pytest.approx(with_hole.area, abs=1e-6)
    assert hatched.symmetric_difference(with_hole).area < 1e-6
    assert sites["2B"]["DKBH"] == "填充" and sites["2B"]["CAD_TYPE"] == "HATCH"
    assert result.layer.crs().authid() == "EPSG:4546"


def test_open_polyline_and_duplicate_are_reported_with_handles_and_lines(tmp_path):
    path = write_dxf(tmp_path, REDLINE_TEXT)
    result = import_dxf([path], "EPSG:4546")
    opened = [p for p in result.problems if p.parcel == "handle 3C"]
    assert len(opened) == 1 and "open" in opened[0].reason and "3C" not in features(result)
    assert opened[0].line == entity_line(REDLINE_TEXT, "3C") and opened[0].file == "redline.dxf"
    gap = Point(X, Y - 50).distance(Point(X + 80, Y - 10))  # between its ends
    assert f"{gap:.3f}" in opened[0].reason
    duplicate = [p for p in result.problems if "same outline" in p.reason]
    assert len(duplicate) == 1 and "4D" in duplicate[0].reason and "5E" in duplicate[0].reason
    assert duplicate[0].line == entity_line(REDLINE_TEXT, "5E")
    assert [r.imported for r in result.rows if r.number.endswith("5E")] == [False]
    assert any("LINE × 1" in p.reason for p in result.problems)  # the road line is counted, not a site


def test_block_insert_keeps_the_block_name_and_is_moved(tmp_path):
    text = drawing(
        insert("7A", "红线块", "地块甲", X + 1000, Y + 20),
        blocks=[block("地块甲", lwpolyline("11", "0", square(0, 0, 50)))],
    )
    result = import_dxf([write_dxf(tmp_path, text)], "EPSG:4546")
    site = features(result)["7A"]
    assert site["CAD_BLOCK"] == "地块甲" and site["DKBH"] == "地块甲" and site["CAD_LAYER"] == "红线块"
    expected = translate(Polygon(square(0, 0, 50)), X + 1000, Y + 20)
    assert to_shapely(site.geometry()).symmetric_difference(expected).area < 1e-6


def test_zero_area_is_left_out_self_intersection_kept_and_nesting_warned(tmp_path):
    bowtie = [(X, Y), (X + 100, Y + 100), (X + 100, Y), (X, Y + 100)]
    text = drawing(
        lwpolyline("A1", "红线", [(X, Y), (X + 50, Y), (X + 100, Y)]),
        lwpolyline("A2", "红线", bowtie),
        lwpolyline("A3", "红线", square(X + 300, Y, 100)),
        lwpolyline("A4", "红线", square(X + 320, Y + 20, 10)),
    )
    result = import_dxf([write_dxf(tmp_path, text)], "EPSG:4546")
    sites = features(result)
    assert set(sites) == {"A2", "A3", "A4"}
    by_handle = {p.parcel: p for p in result.problems}
    assert by_handle["handle A1"].fatal and "no area" in by_handle["handle A1"].reason
    assert not by_handle["handle A2"].fatal and "Self-intersection" in by_handle["handle A2"].reason
    assert "repair" in by_handle["handle A2"].reason
    assert not Polygon(bowtie).is_valid and not sites["A2"].geometry().isGeosValid()
    assert sites["A2"]["JSMJ_M2"] == pytest.approx(round(make_valid(Polygon(bowtie)).area, 2), abs=1e-9)
    assert "A3" in by_handle["handle A4"].reason and "separate" in by_handle["handle A4"].reason


def test_a_drawing_of_lines_only_is_an_error_naming_the_file(tmp_path):
    text = drawing(
        line("1", "道路", (X, Y), (X + 10, Y)),
        lwpolyline("2", "红线", [(X, Y), (X + 10, Y), (X + 10, Y + 10)], closed=False),
    )
    with pytest.raises(PlanError, match="no closed polyline or hatch") as error:
        import_dxf([write_dxf(tmp_path, text, "lines.dxf")], "EPSG:4546")
    assert "lines.dxf" in str(error.value) and "1 open" in str(error.value)


@pytest.mark.parametrize("content", [b"not a drawing at all\n", b"", b"0\nSECTION\n2\nENTITIES\n0\nLWPOLYLINE\n5"])
def test_junk_is_an_error_naming_the_file(tmp_path, content):
    path = tmp_path / "junk.dxf"
    path.write_bytes(content)
    with pytest.raises(PlanError, match="junk.dxf"):
        import_dxf([path], "EPSG:4546")


def test_chosen_crs_is_applied_and_implausible_coordinates_warn_naming_the_likely_crs(tmp_path):
    prefixed = drawing(lwpolyline("1", "红线", square(37_000_000 + X, Y, 100)))
    path = write_dxf(tmp_path, prefixed)
    right = import_dxf([path], "EPSG:4525")
    assert right.layer.crs().authid() == "EPSG:4525"
    assert not [p for p in right.problems if p.level == "warning"]
    wrong = import_dxf([path], "EPSG:4546")
    warnings = [p for p in wrong.problems if p.level == "warning" and not p.parcel]
    assert len(warnings) == 1 and "EPSG:4525" in warnings[0].reason and "EPSG:4546" in warnings[0].reason
    local = import_dxf(
        [write_dxf(tmp_path, drawing(lwpolyline("1", "红线", square(10, 10, 100))), "local.dxf")], "EPSG:4546"
    )
    assert any("local coordinates" in p.reason for p in local.problems)
    far = import_dxf(
        [write_dxf(tmp_path, drawing(lwpolyline("1", "红线", square(500_000, 2_500_000, 100))), "far.dxf")], "EPSG:4546"
    )
    assert any("far from Yongji" in p.reason for p in far.problems)
    with pytest.raises(PlanError, match="Unknown CRS"):
        import_dxf([path], "EPSG:999999")


def test_utf8_drawing_without_a_code_page(tmp_path):
    text = drawing(lwpolyline("1", "规划红线", square(X, Y, 10)), codepage="ANSI_1252").replace(
        "  9\n$DWGCODEPAGE\n  3\nANSI_1252\n", ""
    )
    result = import_dxf([write_dxf(tmp_path, text, encoding="utf-8")], "EPSG:4546")
    assert [f["CAD_LAYER"] for f in result.layer.getFeatures()] == ["规划红线"]


def test_algorithm_through_processing(tmp_path, provider):
    import processing

    path = write_dxf(tmp_path, REDLINE_TEXT)
    crs = QgsCoordinateReferenceSystem("EPSG:4546")
    result = processing.run(
        "yongji:importdxf",
        {"INPUT": str(path), "CRS": crs, "OUTPUT": "TEMPORARY_OUTPUT", "PROBLEMS": "TEMPORARY_OUTPUT"},
    )
    layer = result["OUTPUT"]
    assert layer.featureCount() == 3 and layer.crs().authid() == "EPSG:4546"
    assert sorted(f["CAD_HANDLE"] for f in layer.getFeatures()) == ["1A", "2B", "4D"]
    problems = {f["parcel"]: f for f in result["PROBLEMS"].getFeatures()}
    assert problems["handle 3C"]["fatal"] and problems["handle 5E"]["fatal"]
    assert problems["handle 3C"]["line"] == entity_line(REDLINE_TEXT, "3C")
    junk = tmp_path / "junk.dxf"
    junk.write_bytes(b"junk")
    with pytest.raises(QgsProcessingException, match="junk.dxf"):
        processing.run("yongji:importdxf", {"INPUT": str(junk), "CRS": crs, "OUTPUT": "TEMPORARY_OUTPUT"})


def test_algorithm_through_qgis_process(qgis_process_home):
    home = qgis_process_home
    path = write_dxf(home, REDLINE_TEXT)
    out = home / "sites.gpkg"
    run = qgis_process(home, "run", "yongji:importdxf", "--", f"INPUT={path}", f"OUTPUT={out}")
    assert run.returncode == 0, run.stdout + run.stderr
    layer = QgsVectorLayer(str(out), "sites", "ogr")
    assert layer.featureCount() == 3 and layer.crs().authid() == "EPSG:4546"  # no project: the plan's CRS
    assert {f["CAD_LAYER"] for f in layer.getFeatures()} == {"用地红线", "填充"}
    lines = write_dxf(home, drawing(line("1", "道路", (X, Y), (X + 10, Y))), "lines.dxf")
    failed = qgis_process(
        home, "run", "yongji:importdxf", "--", f"INPUT={lines}", "CRS=EPSG:4546", f"OUTPUT={home / 'none.gpkg'}"
    )
    assert failed.returncode != 0 and "lines.dxf" in failed.stdout + failed.stderr
    assert not (home / "none.gpkg").exists()


def test_dialog_opens_a_dxf_in_the_chosen_crs_and_imports_it(tmp_path, qgis_iface):
    sent = []
    dialog = CoordinateImportDialog(qgis_iface, open_check=sent.append)
    dialog.dxfCrsWidget.setCrs(QgsCoordinateReferenceSystem("EPSG:4546"))
    wait_for_task(dialog, seconds=60, pause=0.01)
    dialog.set_files([write_dxf(tmp_path, REDLINE_TEXT)])
    wait_for_task(dialog, seconds=60, pause=0.01)
    assert dialog.previewTable.model().rowCount() == 4  # three sites and the duplicate left out
    problems = dialog.problemTable.model()
    shown = {problems.text(r, 3) for r in range(problems.rowCount())}
    assert {"handle 3C", "handle 5E"} <= shown
    assert "EPSG:4546" in dialog.crsLabel.text() and "3 of 4" in dialog.crsLabel.text()
    assert not dialog.modeCombo.isEnabled() and dialog.dxfCrsWidget.isEnabled()
    dialog.dxfCrsWidget.setCrs(QgsCoordinateReferenceSystem("EPSG:4525"))  # the preview follows the CRS
    wait_for_task(dialog, seconds=60, pause=0.01)
    assert "EPSG:4525" in dialog.crsLabel.text()
    assert any("EPSG:4546" in problems.reason for problems in dialog.result.problems if not problems.parcel)
    dialog.sendToCheckBox.setChecked(True)
    layer = dialog.import_sites()
    assert QgsProject.instance().mapLayer(layer.id()) is layer and sent == [layer]
    assert layer.featureCount() == 3 and layer.crs().authid() == "EPSG:4525"
    assert "CAD_HANDLE" in layer.fields().names()
    QgsProject.instance().removeMapLayer(layer.id())


def test_dialog_refuses_coordinate_files_and_drawings_together(tmp_path, qgis_iface):
    dialog = CoordinateImportDialog(qgis_iface)
    text_file = tmp_path / "parcels.txt"
    text_file.write_text("[属性描述]\n", encoding="utf-8")
    assert dialog.set_files([text_file, write_dxf(tmp_path, REDLINE_TEXT)]) is None
    assert "one kind at a time" in dialog.statusLabel.text()
    assert not dialog.importButton.isEnabled()


def test_without_a_crs_the_project_crs_is_used(tmp_path, provider):
    import processing

    project = QgsProject.instance()
    saved = project.crs()
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:4525"))
    try:
        path = write_dxf(tmp_path, drawing(lwpolyline("1", "红线", square(37_000_000 + X, Y, 100))))
        result = processing.run("yongji:importdxf", {"INPUT": str(path), "OUTPUT": "TEMPORARY_OUTPUT"})
        assert result["OUTPUT"].crs().authid() == "EPSG:4525"
        assert CoordinateImportDialog().dxfCrsWidget.crs().authid() == "EPSG:4525"
    finally:
        project.setCrs(saved)


def test_paper_space_is_not_a_site_and_cancel_imports_nothing(tmp_path):
    from qgis.core import QgsFeedback

    from yongji_plugin.core.coordfile.importer import ImportCanceled

    frame = lwpolyline("F1", "图框", square(0, 0, 420)).replace("100\nAcDbEntity\n", "100\nAcDbEntity\n 67\n1\n")
    path = write_dxf(tmp_path, drawing(frame, lwpolyline("1", "红线", square(X, Y, 10))))
    assert [f["CAD_HANDLE"] for f in import_dxf([path], "EPSG:4546").layer.getFeatures()] == ["1"]
    feedback = QgsFeedback()
    feedback.cancel()
    with pytest.raises(ImportCanceled, match="nothing was imported"):
        import_dxf([path], "EPSG:4546", feedback=feedback)


def test_a_drawing_written_by_gdal_reads_back(tmp_path):
    """GDAL's own DXF writer (a full AutoCAD header, polygons as hatches, UTF-8 text under a header
    that says ANSI_1252) as an independent producer."""
    from osgeo import gdal

    source = tmp_path / "sites.geojson"
    source.write_text(
        '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": '
        '{"Layer": "规划红线"}, "geometry": {"type": "Polygon", "coordinates": '
        f"[{[list(p) for p in SHELL + SHELL[:1]]}, {[list(p) for p in ISLAND + ISLAND[:1]]}]}}}}]}}",
        encoding="utf-8",
    )
    target = tmp_path / "gdal.dxf"
    assert gdal.VectorTranslate(str(target), str(source), format="DXF") is not None
    sites = list(import_dxf([target], "EPSG:4546").layer.getFeatures())
    assert len(sites) == 1 and sites[0]["CAD_LAYER"] == "规划红线" and sites[0]["CAD_TYPE"] == "HATCH"
    assert to_shapely(sites[0].geometry()).symmetric_difference(Polygon(SHELL, [ISLAND])).area < 1e-6


def test_imported_drawing_goes_through_the_compliance_check(tmp_path, provider, demo_gpkg):
    """The sites of a drawing are sites like any other: the check reads them, repairs the
    self-intersecting one on its copy and lists that repair, as the import's warning promises."""
    import processing

    bowtie = [(X, Y), (X + 100, Y + 100), (X + 100, Y), (X, Y + 100)]
    path = write_dxf(
        tmp_path,
        drawing(
            lwpolyline("1A", "用地红线", RED_LINE),
            lwpolyline("B0", "用地红线", bowtie),
            hatch("2B", "填充", [SHELL, ISLAND]),
        ),
    )
    sites = processing.run("yongji:importdxf", {"INPUT": str(path), "CRS": "EPSG:4546", "OUTPUT": "TEMPORARY_OUTPUT"})[
        "OUTPUT"
    ]
    result = processing.run(
        "yongji:sitecompliance",
        {
            "SITES": sites,
            "PLAN_GPKG": str(demo_gpkg),
            "AREA_CRS": "EPSG:4546",
            "AREA_METHOD": 0,
            "SITE_SUMMARY": "TEMPORARY_OUTPUT",
            "REPAIRS": "TEMPORARY_OUTPUT",
        },
    )
    areas = {f["site_id"]: f["area_m2"] for f in result["SITE_SUMMARY"].getFeatures()}
    expected = {
        "用地红线-1A": Polygon(RED_LINE).area,
        "用地红线-B0": make_valid(Polygon(bowtie)).area,
        "填充": Polygon(SHELL, [ISLAND]).area,
    }
    assert areas == pytest.approx({key: round(value, 2) for key, value in expected.items()}, abs=1e-9)
    repaired = [f.attributes() for f in result["REPAIRS"].getFeatures()]
    assert len(repaired) == 1 and "用地红线-B0" in repaired[0] and "Self-intersection" in repaired[0]


@pytest.mark.parametrize("ext", ["gpkg", "shp"])
def test_every_row_reaches_a_file_output(tmp_path, provider, ext):
    import processing

    path = str(write_dxf(tmp_path, REDLINE_TEXT))

    def rows(value):
        layer = value if isinstance(value, QgsVectorLayer) else QgsVectorLayer(value, "out", "ogr")
        names = [n for n in layer.fields().names() if n != "fid"]
        return sorted(
            repr(
                [None if f[n] in (None, "") else int(f[n]) if isinstance(f[n], bool) else f[n] for n in names]
                + [round(f.geometry().area(), 3) if f.hasGeometry() else None]
            )
            for f in layer.getFeatures()
        )

    memory = processing.run(
        "yongji:importdxf",
        {"INPUT": path, "CRS": "EPSG:4546", "OUTPUT": "TEMPORARY_OUTPUT", "PROBLEMS": "TEMPORARY_OUTPUT"},
    )
    files = processing.run(
        "yongji:importdxf",
        {
            "INPUT": path,
            "CRS": "EPSG:4546",
            "OUTPUT": str(tmp_path / f"sites.{ext}"),
            "PROBLEMS": str(tmp_path / f"problems.{ext}"),
        },
    )
    for key in ("OUTPUT", "PROBLEMS"):
        assert rows(files[key]) == rows(memory[key]) and rows(memory[key]), key


def test_arc_segments_are_divided_into_a_close_polygon(tmp_path):
    """A road corner drawn as a bulge: the square with a half circle on its east side, as shapely
    draws it; GDAL divides the arc into segments, so the areas agree to 0.1 %."""
    text = drawing(lwpolyline("B1", "红线", square(X, Y, 100), bulges={1: 1}))
    site = next(import_dxf([write_dxf(tmp_path, text)], "EPSG:4546").layer.getFeatures())
    expected = Polygon(square(X, Y, 100)).union(Point(X + 100, Y + 50).buffer(50, quad_segs=256))
    assert site.geometry().area() == pytest.approx(expected.area, rel=1e-3)
    assert to_shapely(site.geometry()).symmetric_difference(expected).area < 1e-3 * expected.area


def test_only_the_cad_layers_asked_for(tmp_path, provider, qgis_iface):
    import processing

    from yongji_plugin.core.coordfile.cad import layer_names

    assert layer_names(" 用地红线，填充; x ,") == ["用地红线", "填充", "x"]
    path = write_dxf(tmp_path, REDLINE_TEXT)
    result = import_dxf([path], "EPSG:4546", layers=["用地红线"])
    assert sorted(f["CAD_HANDLE"] for f in result.layer.getFeatures()) == ["1A", "4D"]
    assert any("填充 × 2" in p.reason for p in result.problems)  # the closed shapes left on other layers
    assert not any("same outline" in p.reason for p in result.problems)  # 5E is on 填充, not compared
    with pytest.raises(PlanError, match="道路") as error:  # asked for a layer without a closed shape
        import_dxf([path], "EPSG:4546", layers=["道路"])
    assert "用地红线" in str(error.value) and "填充" in str(error.value) and "redline.dxf" in str(error.value)
    run = processing.run(
        "yongji:importdxf", {"INPUT": str(path), "CRS": "EPSG:4546", "LAYERS": "填充", "OUTPUT": "TEMPORARY_OUTPUT"}
    )
    assert sorted(f["CAD_HANDLE"] for f in run["OUTPUT"].getFeatures()) == ["2B", "5E"]
    dialog = CoordinateImportDialog(qgis_iface)
    dialog.dxfLayersEdit.setText("填充")
    dialog.set_files([path])
    wait_for_task(dialog, seconds=60, pause=0.01)
    assert sorted(f["CAD_HANDLE"] for f in dialog.result.features) == ["2B", "5E"]


def test_junk_is_an_error_also_with_gdal_exceptions_on(tmp_path):
    """QGIS 3.40's Processing turns GDAL's exceptions on: a broken drawing raised RuntimeError mid-read."""
    from osgeo import gdal

    path = tmp_path / "junk.dxf"
    path.write_bytes(b"0\nSECTION\n2\nENTITIES\n0\nLWPOLYLINE\n5")
    was_on = gdal.GetUseExceptions()
    gdal.UseExceptions()
    try:
        with pytest.raises(PlanError, match="junk.dxf"):
            import_dxf([path], "EPSG:4546")
    finally:
        if not was_on:
            gdal.DontUseExceptions()
