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
    from yongji_plugin.core.site_check.outputs import result_tables, write_geopackage
    from yongji_plugin.core.site_check.report import write_report
    from yongji_plugin.core.site_check.ruleset import load_ruleset

    folder = out / "compliance"
    folder.mkdir(parents=True, exist_ok=True)
    sites = QgsVectorLayer(f"{data}|layername=sites", "示例用地红线", "ogr")
    controls = layers_by_code(project.mapLayers().values())
    result = run_compliance(sites, controls, load_ruleset(), CheckParams(AreaMethod.create(), data_source=str(data)))
    gpkg = folder / "compliance_result.gpkg"
    if gpkg.exists():
        gpkg.unlink()
    layers = write_geopackage(result_tables(result), gpkg)
    paths = write_report(result, folder / "report.html", outputs_note=f"{', '.join(layers)} ({gpkg.name})")
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

    from yongji_plugin.core.heights import outputs as heights_outputs
    from yongji_plugin.core.heights.check import HeightParams, run_height_check
    from yongji_plugin.core.life_circle import outputs as life_circle_outputs
    from yongji_plugin.core.life_circle.check import LifeCircleParams, method_label, run_life_circle
    from yongji_plugin.core.life_circle.table import load_life_circle_table
    from yongji_plugin.core.plan_data.loader import layers_by_code
    from yongji_plugin.core.shared.areas import AreaMethod
    from yongji_plugin.core.shared.geopackage_writer import write_geopackage

    plan = layers_by_code(project.mapLayers().values())
    buildings = QgsVectorLayer(f"{data}|layername=buildings", "示例建筑", "ogr")
    heights = run_height_check(buildings, plan["JZGDKZ"], HeightParams(AreaMethod.create()))
    layers = heights_outputs.result_layers(heights)
    write_geopackage(layers, _fresh(out / "heights" / "heights_result.gpkg"))
    paths = heights_outputs.write_report(heights, out / "heights" / "heights_report.html", layers)
    print(f"Height check: {heights.counts()} -> {paths['pdf']}")
    circle = run_life_circle(
        plan["GGFWSS"], plan["JZQ"], plan["ZXCQDL"], load_life_circle_table(), LifeCircleParams(AreaMethod.create())
    )
    layers = life_circle_outputs.result_layers(circle)
    write_geopackage(layers, _fresh(out / "life_circle" / "life_circle_result.gpkg"))
    paths = life_circle_outputs.write_report(
        circle, out / "life_circle" / "life_circle_report.html", layers[life_circle_outputs.AREAS]
    )
    lacking = sum(1 for area in circle.areas if circle.lacks(area))
    print(
        f"Life circle ({method_label(circle.method)}): {lacking} of {len(circle.areas)} residential areas "
        f"lack a required facility -> {paths['pdf']}"
    )


def run_plan_measures(project, out: Path) -> None:
    """乡镇规划指引 (table, CSV, XLSX, report) and 规划指标 (report, charts, map sheet) into out/measures."""
    from yongji_plugin.core.guidance.outputs import export_table, write_guidance_report
    from yongji_plugin.core.guidance.township_guidance import township_guidance
    from yongji_plugin.core.indicators.check import run_indicator_check
    from yongji_plugin.core.indicators.definitions import load_indicators
    from yongji_plugin.core.indicators.outputs import township_layer
    from yongji_plugin.core.indicators.report import city_chart, write_indicator_report
    from yongji_plugin.core.measuring.charts import draw_chart
    from yongji_plugin.core.plan_data.loader import layers_by_code
    from yongji_plugin.core.printing.result_sheets import result_sheet
    from yongji_plugin.core.printing.sheets import PDF, PNG, SheetBuilder, export_layout
    from yongji_plugin.core.shared.areas import AreaMethod

    folder = out / "measures"
    plan = layers_by_code(project.mapLayers().values())
    guidance = township_guidance(plan, AreaMethod.create())
    files = export_table(guidance, folder / "township_guidance.csv", folder / "township_guidance.xlsx")
    report = write_guidance_report(guidance, folder / "township_guidance.html", "demo")
    print(f"Township guidance: {len(guidance.townships)} townships -> {', '.join(map(str, files))}, {report['pdf']}")
    result = run_indicator_check(plan, load_indicators(), AreaMethod.create())
    paths = write_indicator_report(result, folder / "indicators.html", 2035, "demo")
    chart = draw_chart(city_chart(result, 2035), folder / "indicator_sheet_chart.png")
    builder = SheetBuilder(plan)
    layout = result_sheet(builder, "indicators", township_layer(result, plan["XZQ_XZ"], 2035), chart, year=2035)
    sheets = [
        export_layout(layout, folder / f"indicator_sheet_2035.{fmt}", fmt, dpi) for fmt, dpi in ((PDF, 300), (PNG, 150))
    ]
    short = [n for n in result.townships if result.status(n, 2035).achieved is False]
    print(
        f"Plan indicators: 2035 short in {', '.join(short) or 'no township'} -> {paths['pdf']}, "
        f"{', '.join(map(str, sheets))}"
    )


def compare_versions(data: Path, out: Path) -> None:
    """规划版本对比: the demo against its second version (``make demo-data-v2``), when that is there."""
    from yongji_plugin.core.plan_data.sources import Source
    from yongji_plugin.core.shared.areas import AreaMethod
    from yongji_plugin.core.versions.compare import compare_sources
    from yongji_plugin.core.versions.model import CompareParams
    from yongji_plugin.core.versions.report import render_maps, write_report

    second = data.with_name(data.stem + "_v2.gpkg")
    if not second.exists():
        print(f"Version comparison skipped: no {second} (make demo-data-v2)")
        return
    folder = out / "versions"
    result, old, new = compare_sources(
        Source("gpkg", str(data)), Source("gpkg", str(second)), CompareParams(AreaMethod.create())
    )
    paths = write_report(result, folder / "report.html", render_maps(result, old, new, folder / "report_maps"))
    for comparison in result.changed_layers:
        print(
            f"  {comparison.spec.code:8} {comparison.spec.name}: {len(comparison.changes)} changes, "
            f"+{comparison.gained / 1e4:.4f} ha / -{comparison.lost / 1e4:.4f} ha"
        )
    print(
        f"Version comparison: {len(result.changed_layers)} layers changed -> {paths['pdf']}, "
        f"{len(paths['sheets'])} change map sheets"
    )


def run_monitoring(data: Path, project, out: Path) -> None:
    """规划实施监测预警: the demo's 现状 snapshots of 2022 and 2024 (written beside the demo from its own
    parcels, scripts/yongji_demo/snapshots.py) through the same job as the dialog and the algorithm."""
    from qgis.core import QgsVectorLayer
    from yongji_demo.build import read_plan
    from yongji_demo.snapshots import YEARS, write_snapshots

    from yongji_plugin.core.indicators.definitions import load_indicators
    from yongji_plugin.core.monitoring.job import monitoring_job
    from yongji_plugin.core.monitoring.rules import level_label, load_rules
    from yongji_plugin.core.monitoring.run import MonitorParams
    from yongji_plugin.core.monitoring.snapshots import SnapshotInput
    from yongji_plugin.core.plan_data.loader import describe_sources, layers_by_code
    from yongji_plugin.core.shared.areas import AreaMethod
    from yongji_plugin.core.shared.destinations import GeoPackageDestination
    from yongji_plugin.core.shared.job import compute, deliver

    snapshots = data.with_name(data.stem + "_xianzhuang.gpkg")
    changes = write_snapshots(snapshots, read_plan(data))
    folder = out / "monitoring"
    folder.mkdir(parents=True, exist_ok=True)
    plan = layers_by_code(project.mapLayers().values())
    inputs = [SnapshotInput(QgsVectorLayer(f"{snapshots}|layername=DLTB_{y}", f"DLTB_{y}", "ogr")) for y in YEARS]
    params = MonitorParams(
        AreaMethod.create(), load_rules(), load_indicators(), data_source=describe_sources(plan.values())
    )
    sheet = folder / "monitoring_sheet.pdf"
    job = monitoring_job(plan, inputs, params, sheet=sheet, atlas=folder / "monitoring_townships.pdf")
    result = compute(job, None)
    delivery = deliver(job, result, GeoPackageDestination(folder / "monitoring.gpkg"), folder / "report.html", None)
    for change in result.years:
        levels = {}
        for finding in change.findings:
            levels[level_label(finding.rule.level)] = levels.get(level_label(finding.rule.level), 0) + 1
        print(
            f"  {change.year} (since {change.since}): {len(change.construction)} pieces of new construction land, "
            f"findings {levels or 'none'}"
        )
    warned = [
        f"{r.code} {level_label(r.level)}"
        for r in result.trend
        if r.is_city and r.year == YEARS[-1] and r.level != "normal"
    ]
    print(
        f"Monitoring: {len(changes)} known changes in {snapshots.name}; city indicators warned in {YEARS[-1]}: "
        f"{', '.join(warned) or 'none'} -> {delivery.report['pdf']}, {sheet}, "
        f"{folder / 'monitoring_townships.pdf'}"
    )


def print_maps(project, out: Path) -> None:
    from qgis.core import QgsVectorLayer

    from yongji_plugin.core.guidance.township_figures import township_coverage
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
        paths = run_jobs(
            print_jobs(
                builder,
                out / "maps" / fmt,
                None,
                fmt,
                dpi,
                lambda: township_coverage(plan),
                lambda: atlas_layers(summary, conflicts),
            )
        ).paths
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
    run_plan_measures(project, args.out)
    compare_versions(args.data, args.out)
    run_monitoring(args.data, project, args.out)
    print_maps(project, args.out)
    print(f"Wrote {args.out / 'yongji_demo.qgz'} and {args.out / 'overview.png'}")
    project.clear()
    return 0


if __name__ == "__main__":
    sys.exit(main())
