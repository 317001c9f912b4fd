#!/usr/bin/env python3
"""``make demo``: load the demo 一张图 headless and run the plugin's jobs into ``out/``."""
import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def load_demo_project(data: Path, out: Path):
    from qgis.core import QgsProject

    from yongji_plugin.core.plan_data.loader import inspect_source, load_into_project
    from yongji_plugin.core.plan_data.sources import Source

    statuses = inspect_source(Source("gpkg", str(data)))
    for status in statuses:
        print(f"  {status.spec.code:8} {status.spec.name}: {status.describe()}")
    project = QgsProject.instance()
    load_into_project(statuses, project)
    project.write(str(out / "yongji_demo.qgz"))
    return project


def render_overview(project, path: Path) -> None:
    from qgis.core import QgsMapRendererSequentialJob, QgsMapSettings
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor

    order = [node.layer() for node in project.layerTreeRoot().findLayers() if node.isVisible()]
    settings = QgsMapSettings()
    settings.setLayers(order)
    settings.setDestinationCrs(project.crs())
    settings.setExtent(project.mapLayersByName("市域行政区")[0].extent().buffered(1000))
    settings.setOutputSize(QSize(1600, 1400))
    settings.setBackgroundColor(QColor("white"))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    job.renderedImage().save(str(path))


def run_compliance_check(data: Path, project, out: Path) -> None:
    from qgis.core import QgsVectorLayer

    from yongji_plugin.core.plan_data.loader import layers_by_code
    from yongji_plugin.core.shared.areas import AreaMethod
    from yongji_plugin.core.site_check.check import CheckParams, run_compliance
    from yongji_plugin.core.site_check.outputs import result_layers, write_geopackage
    from yongji_plugin.core.site_check.report import write_report
    from yongji_plugin.core.site_check.ruleset import load_ruleset

    folder = out / "compliance"
    folder.mkdir(parents=True, exist_ok=True)
    sites = QgsVectorLayer(f"{data}|layername=sites", "示例用地红线", "ogr")
    controls = layers_by_code(project.mapLayers().values())
    result = run_compliance(sites, controls, load_ruleset(),
                            CheckParams(AreaMethod.create(), data_source=str(data)))
    gpkg = folder / "compliance_result.gpkg"
    if gpkg.exists():
        gpkg.unlink()
    layers = write_geopackage(result_layers(result), gpkg)
    paths = write_report(result, folder / "report.html",
                         outputs_note=f"{', '.join(layers)} ({gpkg.name})")
    counts = result.counts()
    print(f"Compliance check: {counts} -> {gpkg}, {paths['html']}, {paths['pdf']}")


def run_plan_qa(data: Path, project, out: Path) -> None:
    from yongji_plugin.core.plan_data.loader import layers_by_code
    from yongji_plugin.core.plan_qa.model import load_qa_rules
    from yongji_plugin.core.plan_qa.outputs import write_qa_report
    from yongji_plugin.core.plan_qa.run import run_qa

    rules = load_qa_rules()
    result = run_qa(layers_by_code(project.mapLayers().values()), rules)
    paths = write_qa_report(result, out / "qa" / "qa_report.html", str(data), "EPSG:4546", rules.tolerance)
    print(f"Plan QA: {len(result.errors)} errors in {len(result.outcomes)} rules -> {paths['pdf']}")


def _fresh(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    return path


def run_measures(data: Path, project, out: Path) -> None:
    """建筑高度控制检查 on the demo buildings, 15分钟社区生活圈 on the demo streets."""
    from qgis.core import QgsVectorLayer

    from yongji_plugin.core.measures import heights_outputs, life_circle_outputs
    from yongji_plugin.core.measures.heights import HeightParams, run_height_check
    from yongji_plugin.core.measures.life_circle import LifeCircleParams, method_label, run_life_circle
    from yongji_plugin.core.measures.life_circle_table import load_life_circle_table
    from yongji_plugin.core.plan_data.loader import layers_by_code
    from yongji_plugin.core.shared.areas import AreaMethod
    from yongji_plugin.core.shared.output_fields import write_geopackage

    plan = layers_by_code(project.mapLayers().values())
    buildings = QgsVectorLayer(f"{data}|layername=buildings", "示例建筑", "ogr")
    heights = run_height_check(buildings, plan["JZGDKZ"], HeightParams(AreaMethod.create()))
    layers = heights_outputs.result_layers(heights)
    write_geopackage(layers, _fresh(out / "heights" / "heights_result.gpkg"))
    paths = heights_outputs.write_report(heights, out / "heights" / "heights_report.html", layers)
    print(f"Height check: {heights.counts()} -> {paths['pdf']}")
    circle = run_life_circle(plan["GGFWSS"], plan["JZQ"], plan["ZXCQDL"], load_life_circle_table(),
                             LifeCircleParams(AreaMethod.create()))
    layers = life_circle_outputs.result_layers(circle)
    write_geopackage(layers, _fresh(out / "life_circle" / "life_circle_result.gpkg"))
    paths = life_circle_outputs.write_report(circle, out / "life_circle" / "life_circle_report.html",
                                             layers[life_circle_outputs.AREAS])
    lacking = sum(1 for area in circle.areas if circle.lacks(area))
    print(f"Life circle ({method_label(circle.method)}): {lacking} of {len(circle.areas)} residential areas "
          f"lack a required facility -> {paths['pdf']}")


def print_maps(project, out: Path) -> None:
    from qgis.core import QgsVectorLayer

    from yongji_plugin.core.measures.township_figures import township_coverage
    from yongji_plugin.core.plan_data.loader import layers_by_code
    from yongji_plugin.core.printing.jobs import print_jobs, run_jobs
    from yongji_plugin.core.printing.sheets import PDF, PNG, SheetBuilder
    from yongji_plugin.core.site_check.result_styles import atlas_layers

    result = out / "compliance" / "compliance_result.gpkg"
    summary = QgsVectorLayer(f"{result}|layername=site_summary", "summary", "ogr")
    conflicts = QgsVectorLayer(f"{result}|layername=conflicts", "conflicts", "ogr")
    plan = layers_by_code(project.mapLayers().values())
    builder = SheetBuilder(plan)
    for fmt, dpi in ((PDF, 300), (PNG, 150)):
        paths = run_jobs(print_jobs(builder, out / "maps" / fmt, None, fmt, dpi,
                                    lambda: township_coverage(plan), lambda: atlas_layers(summary, conflicts))).paths
        print(f"Maps ({fmt}, {dpi} dpi): {len(paths)} files in {out / 'maps' / fmt}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=ROOT / "out")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    from yongji_plugin import i18n

    i18n.install_translator("zh_CN")
    print(f"Demo data: {args.data}")
    project = load_demo_project(args.data, args.out)
    render_overview(project, args.out / "overview.png")
    run_compliance_check(args.data, project, args.out)
    run_plan_qa(args.data, project, args.out)
    run_measures(args.data, project, args.out)
    print_maps(project, args.out)
    print(f"Wrote {args.out / 'yongji_demo.qgz'} and {args.out / 'overview.png'}")
    project.clear()
    return 0


if __name__ == "__main__":
    sys.exit(main())
