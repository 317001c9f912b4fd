"""Loading a source against the catalogue: statuses with reasons, groups, order, styles, no duplicates."""

import pytest
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsGeometry,
    QgsMapRendererSequentialJob,
    QgsMapSettings,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

from yongji_plugin.core.plan_data.catalogue import default_catalogue
from yongji_plugin.core.plan_data.loader import (
    FOUND,
    MISSING,
    NONCONFORMING,
    inspect_source,
    load_into_project,
)
from yongji_plugin.core.plan_data.sources import Source
from yongji_plugin.core.plan_data.styles import apply_style
from yongji_plugin.core.shared.errors import PlanError


def _write_shp(layer, path, crs=None, attributes=None):
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "ESRI Shapefile"
    options.fileEncoding = "UTF-8"
    if attributes is not None:
        options.attributes = [layer.fields().indexOf(a) for a in attributes]
    if crs is not None:
        options.ct = QgsCoordinateTransform(layer.crs(), QgsCoordinateReferenceSystem(crs), QgsProject.instance())
    error = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(path), QgsCoordinateTransformContext(), options)
    assert error[0] == QgsVectorFileWriter.WriterError.NoError, error


@pytest.fixture()
def project():
    project = QgsProject.instance()
    project.clear()
    yield project
    project.clear()


def test_demo_geopackage_conforms(demo_gpkg):
    statuses = inspect_source(Source("gpkg", str(demo_gpkg)))
    assert [s.spec.code for s in statuses] == [s.code for s in default_catalogue().layers]
    assert {s.status for s in statuses} == {FOUND}, [(s.spec.code, s.problems) for s in statuses]


def test_load_groups_orders_styles_and_does_not_duplicate(demo_gpkg, project):
    statuses = inspect_source(Source("gpkg", str(demo_gpkg)))
    loaded = load_into_project(statuses, project)
    catalogue = default_catalogue()
    assert len(loaded) == len(catalogue.layers)
    root = project.layerTreeRoot()
    assert [g.name() for g in root.children()] == [g.name for g in catalogue.groups]
    control = root.findGroup("三条控制线")
    assert [n.layer().name() for n in control.findLayers()] == ["生态保护红线", "永久基本农田", "城镇开发边界"]
    zones = project.mapLayersByName("规划分区")[0]
    assert isinstance(zones.renderer(), QgsCategorizedSymbolRenderer)
    assert {c.label() for c in zones.renderer().categories()} >= {"生态保护区", "农田保护区"}
    assert zones.labelsEnabled()
    assert project.crs().authid() == "EPSG:4546"
    again = load_into_project(inspect_source(Source("gpkg", str(demo_gpkg))), project)
    assert len(project.mapLayers()) == len(catalogue.layers)
    assert {lyr.id() for lyr in again} == {lyr.id() for lyr in loaded}


def test_folder_reports_missing_and_nonconforming_layers(demo_gpkg, tmp_path):
    def demo(code):
        return QgsVectorLayer(f"{demo_gpkg}|layername={code}", code, "ogr")

    _write_shp(demo("STBHHX"), tmp_path / "STBHHX.shp")
    _write_shp(demo("YJJBNT"), tmp_path / "永久基本农田.shp", attributes=["BSM", "YSDM", "MJ"])
    _write_shp(demo("CZKFBJ"), tmp_path / "CZKFBJ.shp", crs="EPSG:4326")
    points = QgsVectorLayer(
        "Point?crs=EPSG:4546&field=GHFQDM:string&field=GHFQMC:string&field=BSM:integer&field=MJ:double", "p", "memory"
    )
    feature = QgsFeature(points.fields())
    feature.setGeometry(QgsGeometry.fromWkt("POINT(450000 3860000)"))
    feature.setAttributes(["01", "生态保护区", 1, 0.0])
    points.dataProvider().addFeature(feature)
    _write_shp(points, tmp_path / "GHFQ.shp")

    statuses = {s.spec.code: s for s in inspect_source(Source("folder", str(tmp_path)))}
    assert statuses["STBHHX"].status == FOUND
    assert statuses["YJJBNT"].status == NONCONFORMING
    assert "missing field TBBH" in statuses["YJJBNT"].problems
    assert statuses["CZKFBJ"].problems == ["CRS EPSG:4326 is not CGCS2000"]
    assert statuses["GHFQ"].problems == ["wrong geometry type Point, expected Polygon"]
    assert statuses["XZQ"].status == MISSING


@pytest.fixture(params=[False, True], ids=["gdal-exceptions-off", "gdal-exceptions-on"])
def gdal_exceptions(request):
    """GDAL's Python exceptions off, then on: QGIS 3.40's Processing turns them on for the session."""
    from osgeo import ogr

    before = ogr.GetUseExceptions()
    (ogr.UseExceptions if request.param else ogr.DontUseExceptions)()
    yield request.param
    (ogr.UseExceptions if before else ogr.DontUseExceptions)()


def test_bad_sources_give_clear_errors(tmp_path, gdal_exceptions):
    with pytest.raises(PlanError, match="GeoPackage not found"):
        inspect_source(Source("gpkg", str(tmp_path / "nope.gpkg")))
    (tmp_path / "bad.gpkg").write_text("not a database")
    with pytest.raises(PlanError, match="Not a readable GeoPackage"):
        inspect_source(Source("gpkg", str(tmp_path / "bad.gpkg")))
    with pytest.raises(PlanError, match="No saved PostGIS connection named 规划库"):
        inspect_source(Source("postgis", "规划库"))


def test_describe_sources_names_each_file_once(demo_gpkg):
    layers = [QgsVectorLayer(f"{demo_gpkg}|layername={code}", code, "ogr") for code in ("STBHHX", "YJJBNT")]
    from yongji_plugin.core.plan_data.loader import describe_sources

    assert describe_sources(layers) == str(demo_gpkg)


def _share_of(image, colour: QColor, tolerance: int = 6) -> float:
    """The share of ``image``'s pixels within ``tolerance`` of ``colour`` in each channel."""
    width, height, hits = image.width(), image.height(), 0
    for y in range(0, height, 2):
        for x in range(0, width, 2):
            pixel = QColor(image.pixel(x, y))
            hits += all(abs(a - b) <= tolerance for a, b in zip(pixel.getRgb()[:3], colour.getRgb()[:3]))
    return hits / ((width // 2) * (height // 2))


def test_height_zones_stay_readable_under_the_urban_boundary(demo_gpkg, project):
    """Switched on, 建筑高度控制分区 vanished under the red fill of 城镇集中建设区, which the
    control-line group draws above the whole central city; in the project it is an outline now.
    Independent check: the rendered central city, pixel by pixel."""
    load_into_project(inspect_source(Source("gpkg", str(demo_gpkg))), project)
    zones = project.mapLayersByName("建筑高度控制分区")[0]
    project.layerTreeRoot().findLayer(zones.id()).setItemVisibilityChecked(True)
    settings = QgsMapSettings()
    settings.setLayers(project.layerTreeRoot().checkedLayers())
    settings.setDestinationCrs(project.crs())
    settings.setExtent(zones.extent())
    settings.setOutputSize(QSize(400, 400))
    settings.setBackgroundColor(QColor("white"))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    red = QColor("#e8603c")  # 城镇集中建设区 in styles/colours.yaml
    assert _share_of(image, red) < 0.02
    for zone in zones.getFeatures():  # each zone's own colour shows through, tinted at most
        point = settings.mapToPixel().transform(zone.geometry().pointOnSurface().asPoint())
        seen = QColor(image.pixel(int(point.x()), int(point.y())))
        assert seen.name() != red.name(), zone["FQDM"]
    sheet_copy = QgsVectorLayer(project.mapLayersByName("城镇开发边界")[0].source(), "copy", "ogr")
    apply_style(sheet_copy, default_catalogue().layer("CZKFBJ"), default_catalogue())
    categories = sheet_copy.renderer().categories()  # kept: a temporary's symbol dangles
    filled = categories[0].symbol().color()
    assert filled.name() == red.name() and filled.alpha() == 255  # map sheets still fill it


def test_a_layer_found_twice_is_said_in_every_report(demo_gpkg, tmp_path, provider):
    """The layer found by code and by Chinese name: the log said so, the reports did not (#24.5).
    The warning rides on the layer read, into every report's data-source line."""
    import shutil

    import processing
    from osgeo import gdal

    from yongji_plugin.core.plan_data.loader import describe_sources, open_plan

    twice = tmp_path / "twice.gpkg"
    shutil.copy(demo_gpkg, twice)
    copied = gdal.VectorTranslate(
        str(twice), str(demo_gpkg), format="GPKG", accessMode="update", layers=["STBHHX"], layerName="生态保护红线"
    )
    assert copied is not None
    copied = None
    said = []
    layers = open_plan(Source("gpkg", str(twice)), warn=said.append)
    assert len(said) == 1 and "生态保护红线 (STBHHX): found more than once in the source" in said[0]
    assert said[0] in describe_sources(layers.values())
    assert "found more than once" not in describe_sources(open_plan(Source("gpkg", str(demo_gpkg))).values())
    layers.clear()
    report = tmp_path / "qa.html"
    processing.run(
        "yongji:planqa",
        {"PLAN_GPKG": str(twice), "RULES": [0], "OUTPUT": "TEMPORARY_OUTPUT", "REPORT": str(report)},
    )
    assert "found more than once in the source" in report.read_text(encoding="utf-8")
