<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>@default</name>
    <message>
        <location filename="../../yongji_plugin/core/plan_data/conformance.py" line="48"/>
        <source>missing field {field}</source>
        <translation>缺少字段 {field}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_data/conformance.py" line="52"/>
        <source>field {field} is {actual}, expected {expected}</source>
        <translation>字段 {field} 类型为 {actual}，应为 {expected}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_data/conformance.py" line="103"/>
        <source>layer cannot be opened</source>
        <translation>图层无法打开</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_data/conformance.py" line="107"/>
        <source>wrong geometry type {actual}, expected {expected}</source>
        <translation>几何类型错误：{actual}，应为 {expected}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_data/conformance.py" line="115"/>
        <source>layer has no CRS</source>
        <translation>图层没有坐标参考系</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_data/conformance.py" line="119"/>
        <source>CRS {crs} is not CGCS2000</source>
        <translation>坐标系 {crs} 不是 CGCS2000</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_data/loader.py" line="45"/>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_data/loader.py" line="47"/>
        <source>found ({count} features)</source>
        <translation>已找到（{count} 个要素）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_data/loader.py" line="217"/>
        <source>Layer {name} cannot be opened</source>
        <translation>图层 {name} 无法打开</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_data/sources.py" line="52"/>
        <source>Unknown source type: {kind}</source>
        <translation>未知的数据源类型：{kind}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_data/sources.py" line="57"/>
        <source>GeoPackage not found: {path}</source>
        <translation>找不到 GeoPackage：{path}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_data/sources.py" line="63"/>
        <source>Not a readable GeoPackage: {path}</source>
        <translation>无法读取的 GeoPackage：{path}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_data/sources.py" line="72"/>
        <source>Folder not found: {path}</source>
        <translation>找不到文件夹：{path}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_data/sources.py" line="94"/>
        <source>No saved PostGIS connection named {name}</source>
        <translation>没有名为 {name} 的已保存 PostGIS 连接</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/plugin.py" line="38"/>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_data/source_text.py" line="28"/>
        <source>GeoPackage</source>
        <translation>GeoPackage</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_data/source_text.py" line="29"/>
        <source>Folder of Shapefiles</source>
        <translation>Shapefile 文件夹</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_data/source_text.py" line="30"/>
        <source>Saved PostGIS connection</source>
        <translation>已保存的 PostGIS 连接</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/plan_data/load_dialog.py" line="35"/>
        <source>Load checked layers</source>
        <translation>加载勾选图层</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/shared/source_browse.py" line="12"/>
        <source>Choose a GeoPackage</source>
        <translation>选择 GeoPackage</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/site_check/dialog.py" line="100"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/shared/source_browse.py" line="16"/>
        <source>Choose a folder of Shapefiles</source>
        <translation>选择 Shapefile 文件夹</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/plan_data/load_dialog.py" line="119"/>
        <source>{found} found, {missing} missing, {bad} non-conforming</source>
        <translation>已找到 {found} 个，缺失 {missing} 个，不符合规范 {bad} 个</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/plan_data/load_dialog.py" line="139"/>
        <source>Loaded {count} plan layers</source>
        <translation>已加载 {count} 个规划图层</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/plugin.py" line="94"/>
        <source>Yongji One Map</source>
        <translation>永济一张图</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/plugin.py" line="26"/>
        <source>Load plan layers</source>
        <translation>加载规划图层</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/provider.py" line="61"/>
        <source>Yongji Spatial Plan</source>
        <translation>永济国土空间规划</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/plan_data/inspect_source.py" line="40"/>
        <source>Inspect plan data source</source>
        <translation>检查规划数据源</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/versions/compare_versions.py" line="55"/>
        <source>Plan data</source>
        <translation>规划数据</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/plan_data/inspect_source.py" line="60"/>
        <source>Source type</source>
        <translation>数据源类型</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/plan_data/inspect_source.py" line="85"/>
        <source>Catalogue status</source>
        <translation>图层目录状态</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/areas.py" line="55"/>
        <source>Area CRS {crs} must be a valid projected CRS</source>
        <translation>面积计算坐标系 {crs} 必须是有效的投影坐标系</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/areas.py" line="57"/>
        <source>Area CRS {crs} must use metres</source>
        <translation>面积计算坐标系 {crs} 的单位必须是米</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/areas.py" line="59"/>
        <source>Unknown area method {method}</source>
        <translation>未知的面积计算方法 {method}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/areas.py" line="79"/>
        <source>planar area in {crs}</source>
        <translation>平面面积（{crs}）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/areas.py" line="80"/>
        <source>CGCS2000 ellipsoidal area (coordinates from {crs})</source>
        <translation>CGCS2000 椭球面积（坐标取自 {crs}）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/check.py" line="97"/>
        <source>Control layer {title} ({code}) is missing</source>
        <translation>缺少控制线图层 {title}（{code}）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/check.py" line="157"/>
        <source>sites</source>
        <translation>用地红线</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/no_overlap.py" line="51"/>
        <source>overlaps {title} by {area:.2f} m²</source>
        <translation>占用{title} {area:.2f} 平方米</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/within.py" line="37"/>
        <source>{area:.2f} m² outside {title}</source>
        <translation>{area:.2f} 平方米位于{title}外</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/no_overlap.py" line="53"/>
        <source>sliver of {area:.4f} m² on {title}, below the tolerance of {tol} m²</source>
        <translation>与{title}重叠 {area:.4f} 平方米，小于容差 {tol} 平方米（碎片）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/within.py" line="39"/>
        <source>sliver of {area:.4f} m² outside {title}, below the tolerance of {tol} m²</source>
        <translation>位于{title}外 {area:.4f} 平方米，小于容差 {tol} 平方米（碎片）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/result_styles.py" line="21"/>
        <source>compliant</source>
        <translation>合规</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/result_styles.py" line="21"/>
        <source>non-compliant</source>
        <translation>不合规</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/result_styles.py" line="21"/>
        <source>not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="99"/>
        <source>not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/outputs.py" line="105"/>
        <source>clear</source>
        <translation>无冲突</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/outputs.py" line="105"/>
        <source>conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/outputs.py" line="105"/>
        <source>sliver</source>
        <translation>碎片</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/printing/dialog.py" line="76"/>
        <source>Site compliance summary</source>
        <translation>选址合规性汇总</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/site_check/site_compliance.py" line="98"/>
        <source>Conflict pieces</source>
        <translation>冲突图斑</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/site_check/site_compliance.py" line="98"/>
        <source>Land-class breakdown</source>
        <translation>地类分项面积</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/versions/compare_versions.py" line="158"/>
        <source>Repaired geometries</source>
        <translation>已修复几何</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/geopackage_writer.py" line="302"/>
        <source>Cannot write {layer} to {path}: {error}</source>
        <translation>无法将 {layer} 写入 {path}：{error}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/engine/layers.py" line="34"/>
        <source>Control layer {name} lacks field {field}</source>
        <translation>控制线图层 {name} 缺少字段 {field}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/engine/layers.py" line="38"/>
        <source>Rule filter {expr} is not a valid expression</source>
        <translation>规则筛选条件 {expr} 不是有效的表达式</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/engine/geometry_repair.py" line="40"/>
        <source>invalid geometry</source>
        <translation>几何无效</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="54"/>
        <source>Project site compliance review report</source>
        <translation>项目选址合规性审查报告</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="59"/>
        <source>Generated by the Yongji Spatial Plan plugin. Check the data source before signing; demo data is illustrative, not official.</source>
        <translation>由永济国土空间规划插件生成。签字前请核对数据来源；演示数据仅供示意，非官方成果。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="64"/>
        <source>Site layer</source>
        <translation>用地红线图层</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="66"/>
        <source>Data source</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/ruleset.py" line="121"/>
        <source>Rule set</source>
        <translation>规则集</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="55"/>
        <source>Area tolerance</source>
        <translation>面积容差</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/base.py" line="405"/>
        <source>Area method</source>
        <translation>面积计算方法</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="61"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="88"/>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_qa/outputs.py" line="122"/>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="84"/>
        <source>Site id</source>
        <translation>项目编号</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="85"/>
        <source>Site name</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="86"/>
        <source>Site type</source>
        <translation>项目类型</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/use_fit.py" line="138"/>
        <source>Area</source>
        <translation>面积</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="78"/>
        <source>mu</source>
        <translation>亩</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/outputs.py" line="77"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="101"/>
        <source>Share of site</source>
        <translation>占项目面积比例</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/plan_data/inspect_source.py" line="27"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="63"/>
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="96"/>
        <source>Feature</source>
        <translation>要素</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/coordfile/models.py" line="75"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="101"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/site_check/site_compliance.py" line="127"/>
        <source>No site layer given</source>
        <translation>未指定用地红线图层</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/site_input.py" line="92"/>
        <source>Site layer {name} must contain polygons, not {type}</source>
        <translation>用地红线图层 {name} 必须是面图层，而不是 {type}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/site_input.py" line="105"/>
        <source>Site layer {name} has no features</source>
        <translation>用地红线图层 {name} 没有要素</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/site_input.py" line="131"/>
        <source>Site layer {name} lacks field {field}</source>
        <translation>用地红线图层 {name} 缺少字段 {field}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/site_input.py" line="219"/>
        <source>site has no geometry</source>
        <translation>地块没有几何</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/site_input.py" line="225"/>
        <source>site coordinates cannot be transformed to the area CRS</source>
        <translation>地块坐标无法转换到面积计算坐标系</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/site_input.py" line="234"/>
        <source>geometry repaired ({problem})</source>
        <translation>几何已修复（{problem}）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/site_check/dialog.py" line="47"/>
        <source>Planar (plan CRS)</source>
        <translation>平面（规划坐标系）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/base.py" line="405"/>
        <source>CGCS2000 ellipsoidal</source>
        <translation>CGCS2000 椭球面</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/site_check/dialog.py" line="53"/>
        <source>Run check</source>
        <translation>开始检查</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/site_check/dialog.py" line="54"/>
        <source>Cancel check</source>
        <translation>取消检查</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/site_check/dialog.py" line="93"/>
        <source>Choose a rule set</source>
        <translation>选择规则集</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/site_check/dialog.py" line="93"/>
        <source>Rule sets (*.yaml *.yml)</source>
        <translation>规则集 (*.yaml *.yml)</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/site_check/dialog.py" line="139"/>
        <source>Output GeoPackage</source>
        <translation>输出 GeoPackage</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/site_check/dialog.py" line="111"/>
        <source>Layer {name} has no selected features</source>
        <translation>图层 {name} 没有选中的要素</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/site_check/dialog.py" line="117"/>
        <source>Choose a project site layer first</source>
        <translation>请先选择用地红线图层</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/shared/background.py" line="133"/>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/shared/background.py" line="153"/>
        <source>The check was canceled</source>
        <translation>检查已取消</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/site_check/dialog.py" line="164"/>
        <source>Compliance check results</source>
        <translation>合规性检查结果</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/site_check/site_compliance.py" line="37"/>
        <source>Project site compliance check</source>
        <translation>项目选址合规性检查</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/site_check/site_compliance.py" line="40"/>
        <source>Checks</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/site_check/site_compliance.py" line="60"/>
        <source>Project sites</source>
        <translation>项目用地红线</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/site_check/site_compliance.py" line="65"/>
        <source>Control layers (matched by catalogue code or name)</source>
        <translation>控制线图层（按目录代码或名称匹配）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/site_check/site_compliance.py" line="74"/>
        <source>Rule set file (default rule set if empty)</source>
        <translation>规则集文件（为空时使用默认规则集）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/site_check/site_compliance.py" line="79"/>
        <source>Area tolerance (m²)</source>
        <translation>面积容差（平方米）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/base.py" line="402"/>
        <source>Area CRS (EPSG:4546 if empty)</source>
        <translation>面积计算坐标系（为空时为 EPSG:4546）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/base.py" line="405"/>
        <source>Planar</source>
        <translation>平面</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/site_check/site_compliance.py" line="89"/>
        <source>Site id field</source>
        <translation>项目编号字段</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/site_check/site_compliance.py" line="89"/>
        <source>Site name field</source>
        <translation>项目名称字段</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/site_check/site_compliance.py" line="89"/>
        <source>Site type field</source>
        <translation>项目类型字段</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/site_check/site_compliance.py" line="98"/>
        <source>Site summary</source>
        <translation>选址汇总</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/site_check/site_compliance.py" line="108"/>
        <source>Review report (HTML; a PDF is written beside it)</source>
        <translation>审查报告（HTML，同目录另存 PDF）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/base.py" line="389"/>
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/crs.py" line="118"/>
        <source>Zone {zone} of a {width}-degree CGCS2000 projection is outside China</source>
        <translation>CGCS2000 {width} 度带第 {zone} 带不在中国范围内</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/validation.py" line="54"/>
        <source>geometry type {shape} is not a polygon (面)</source>
        <translation>图形属性 {shape} 不是面</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/validation.py" line="149"/>
        <source>point count {stated} but {actual} points listed</source>
        <translation>界址点数为 {stated}，实际列出 {actual} 个点</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/validation.py" line="60"/>
        <source>parcel has no points</source>
        <translation>地块没有界址点</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/validation.py" line="329"/>
        <source>stated area {stated:.4f} ha is far from the computed {computed:.4f} ha</source>
        <translation>标注面积 {stated:.4f} 公顷与计算面积 {computed:.4f} 公顷相差过大</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/validation.py" line="162"/>
        <source>ring {ring} is not closed (last point differs from the first)</source>
        <translation>第 {ring} 圈未闭合（末点与首点不同）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/validation.py" line="169"/>
        <source>ring {ring} has fewer than 3 points</source>
        <translation>第 {ring} 圈少于 3 个点</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/importer.py" line="139"/>
        <source>No coordinate file given</source>
        <translation>未指定坐标文件</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/importer.py" line="149"/>
        <source>Unknown CRS {crs}</source>
        <translation>未知坐标系 {crs}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/parser.py" line="111"/>
        <source>unknown section [{name}]</source>
        <translation>未知的节 [{name}]</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/parser.py" line="125"/>
        <source>text outside any section</source>
        <translation>文本不在任何节内</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/parser.py" line="134"/>
        <source>point before any parcel attribute line</source>
        <translation>界址点出现在地块属性行之前</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/parser.py" line="158"/>
        <source>bad point count {value}</source>
        <translation>界址点数错误：{value}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/parser.py" line="160"/>
        <source>bad area {value}</source>
        <translation>面积错误：{value}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/parser.py" line="180"/>
        <source>point line needs 4 values: number, ring, X, Y</source>
        <translation>界址点行需要 4 个值：点号、圈号、X、Y</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/parser.py" line="187"/>
        <source>bad number {value}</source>
        <translation>数字错误：{value}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/coordfile/dialog.py" line="51"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/coordfile/dialog.py" line="169"/>
        <source>CRS: {crs}; {ok} of {total} parcels can be imported</source>
        <translation>坐标系：{crs}；共 {total} 个地块，可导入 {ok} 个</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/coordfile/dialog.py" line="189"/>
        <source>Imported {count} parcels into {name}</source>
        <translation>已导入 {count} 个地块到 {name}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/coordfile/coordinates.py" line="40"/>
        <source>Import coordinate file</source>
        <translation>坐标文件导入</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/crs.py" line="38"/>
        <source>Detect from the file</source>
        <translation>从文件识别</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/crs.py" line="39"/>
        <source>Keep the zone prefix (e.g. EPSG:4525)</source>
        <translation>保留带号（如 EPSG:4525）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/crs.py" line="40"/>
        <source>Strip the zone prefix (e.g. EPSG:4546)</source>
        <translation>去掉带号（如 EPSG:4546）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/coordfile/coordinates.py" line="28"/>
        <source>Coordinate files</source>
        <translation>坐标文件</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/coordfile/coordinates.py" line="150"/>
        <source>Coordinate file</source>
        <translation>坐标文件</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/coordfile/coordinates.py" line="58"/>
        <source>Coordinate reference system</source>
        <translation>坐标参考系</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/coordfile/coordinates.py" line="66"/>
        <source>Imported sites</source>
        <translation>导入的用地红线</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/plan_data/inspect_source.py" line="28"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/coordfile/coordinates.py" line="84"/>
        <source>{ok} parcels imported, {bad} left out</source>
        <translation>已导入 {ok} 个地块，{bad} 个未导入</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/coordfile/coordinates.py" line="127"/>
        <source>Export sites to coordinate file</source>
        <translation>导出用地红线为坐标文件</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/coordfile/coordinates.py" line="130"/>
        <source>Writes project-site polygons to the boundary coordinate exchange format in CGCS2000 3-degree Gauss-Krüger coordinates to the millimetre, one parcel per feature, rings numbered outer ring first, points J1… per parcel.</source>
        <translation>将项目用地红线写为界址点坐标交换文件：CGCS2000 3 度带高斯-克吕格坐标，精确到毫米；每个要素一个地块，先外圈后内圈编号，每个地块点号从 J1 起。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/coordfile/coordinates.py" line="142"/>
        <source>3-degree zone</source>
        <translation>3 度带带号</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/coordfile/coordinates.py" line="147"/>
        <source>Zone number in the easting</source>
        <translation>横坐标加带号</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/coordfile/coordinates.py" line="148"/>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/coordfile/coordinates.py" line="149"/>
        <source>Producing organisation</source>
        <translation>数据产生单位</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/coordfile/coordinates.py" line="150"/>
        <source>Text files (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/coordfile/coordinates.py" line="164"/>
        <source>{count} parcels written</source>
        <translation>已写出 {count} 个地块</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_qa/run.py" line="157"/>
        <source>layer {codes} missing</source>
        <translation>缺少图层 {codes}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_qa/features.py" line="26"/>
        <source>{rule}: field {field} is missing</source>
        <translation>{rule}：缺少字段 {field}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_qa/features.py" line="35"/>
        <source>{rule}: {field} is empty</source>
        <translation>{rule}：{field} 为空</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_qa/features.py" line="58"/>
        <source>{rule}: {field} = {value} is not in the code table</source>
        <translation>{rule}：{field} = {value} 不在代码表中</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_qa/features.py" line="83"/>
        <source>{rule}: {field} = {stated:.2f} but the geometry has {area:.2f} m²</source>
        <translation>{rule}：{field} = {stated:.2f}，图形面积为 {area:.2f} 平方米</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_qa/features.py" line="105"/>
        <source>{rule}: {problem}</source>
        <translation>{rule}：{problem}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_qa/features.py" line="119"/>
        <source>{rule}: feature has no geometry</source>
        <translation>{rule}：要素没有几何</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_qa/features.py" line="134"/>
        <source>{rule}: same geometry as feature {fid}</source>
        <translation>{rule}：与要素 {fid} 几何相同</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_qa/features.py" line="152"/>
        <source>{rule}: feature has {parts} parts</source>
        <translation>{rule}：要素有 {parts} 个部件</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_qa/outputs.py" line="30"/>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_qa/outputs.py" line="30"/>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_qa/outputs.py" line="34"/>
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_qa/outputs.py" line="34"/>
        <source>failed</source>
        <translation>未通过</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_qa/outputs.py" line="34"/>
        <source>skipped</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/plan_qa/plan_qa.py" line="64"/>
        <source>Plan QA errors</source>
        <translation>规划成果质检错误</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_qa/outputs.py" line="105"/>
        <source>{shown} of {total} errors listed; all are in the error layer</source>
        <translation>共 {total} 个错误，此处列出 {shown} 个；全部错误见错误图层</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_qa/outputs.py" line="177"/>
        <source>Plan data quality report</source>
        <translation>规划成果质检报告</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_qa/outputs.py" line="111"/>
        <source>Generated by the Yongji Spatial Plan plugin from the plan&apos;s own rules.</source>
        <translation>由永济国土空间规划插件按规划自身规则生成。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_qa/outputs.py" line="113"/>
        <source>CRS</source>
        <translation>坐标系</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_qa/outputs.py" line="116"/>
        <source>Errors found</source>
        <translation>发现错误</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/plan_qa/plan_qa.py" line="54"/>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_qa/outputs.py" line="119"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_qa/outputs.py" line="120"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_qa/outputs.py" line="123"/>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_qa/topology.py" line="34"/>
        <source>{rule}: overlaps {layer} feature {fid} by {area:.2f} m²</source>
        <translation>{rule}：与{layer}要素 {fid} 重叠 {area:.2f} 平方米</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_qa/topology.py" line="55"/>
        <source>{rule}: overlaps feature {fid} of the same layer by {area:.2f} m²</source>
        <translation>{rule}：与本图层要素 {fid} 重叠 {area:.2f} 平方米</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_qa/topology.py" line="81"/>
        <source>{rule}: {area:.2f} m² outside the boundary</source>
        <translation>{rule}：{area:.2f} 平方米超出市域边界</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_qa/topology.py" line="105"/>
        <source>{rule}: gap of {area:.2f} m²</source>
        <translation>{rule}：存在 {area:.2f} 平方米的缝隙</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_qa/topology.py" line="122"/>
        <source>{rule}: {area:.2f} m² outside {container}</source>
        <translation>{rule}：{area:.2f} 平方米位于{container}之外</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/plan_qa/dialog.py" line="58"/>
        <source>Tick at least one rule</source>
        <translation>请至少勾选一条规则</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/plan_qa/dialog.py" line="62"/>
        <source>No plan layers in the project: load the plan layers first</source>
        <translation>工程中没有规划图层：请先加载规划图层</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/plan_qa/plan_qa.py" line="27"/>
        <source>Plan data quality check</source>
        <translation>规划成果质检</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_qa/job.py" line="34"/>
        <source>{errors} errors; {failed} rules failed, {skipped} skipped</source>
        <translation>{errors} 个错误；{failed} 条规则未通过，{skipped} 条跳过</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/plan_qa/plan_qa.py" line="36"/>
        <source>Checks the plan data against the plan&apos;s own rules: the three control lines do not overlap, planning zones and townships cover the city without gaps or overlaps, control lines lie in their zones, required fields, code tables, area fields and geometries. Rules whose layers are missing are reported as skipped.</source>
        <translation>按规划自身规则检查规划数据：三条控制线互不重叠；规划分区和乡镇全域覆盖、无缝隙无重叠；控制线位于相应分区内；必填字段、代码表、面积字段和几何图形。缺少图层的规则列为跳过。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/printing/print_sheets.py" line="54"/>
        <source>Plan layers (matched by catalogue code or name)</source>
        <translation>规划图层（按目录代码或名称匹配）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/base.py" line="389"/>
        <source>Report (HTML; a PDF is written beside it)</source>
        <translation>报告（HTML，同目录另存 PDF）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/plan_qa/plan_qa.py" line="79"/>
        <source>No plan layers given</source>
        <translation>未指定规划图层</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/guidance/township_figures.py" line="46"/>
        <source>Township figures</source>
        <translation>乡镇规划指标</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/guidance/township_figures.py" line="47"/>
        <source>Township area</source>
        <translation>乡镇面积</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/result_styles.py" line="24"/>
        <source>ha</source>
        <translation>公顷</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/printing/atlases.py" line="192"/>
        <source>The site atlas needs a compliance-check summary layer with sites</source>
        <translation>项目图集需要含地块的合规性检查汇总图层</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/printing/atlases.py" line="255"/>
        <source>Atlas export to {path} failed: {error}</source>
        <translation>图集导出到 {path} 失败：{error}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/printing/sheets.py" line="95"/>
        <source>Map sheet needs layer {name} ({code}), which is missing</source>
        <translation>专题图需要图层 {name}（{code}），但该图层缺失</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/printing/sheets.py" line="209"/>
        <source>Location</source>
        <translation>区位</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/printing/sheets.py" line="291"/>
        <source>Print template {name} not found</source>
        <translation>找不到打印模板 {name}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/printing/sheets.py" line="345"/>
        <source>Export of {name} to {path} failed: {error}</source>
        <translation>{name} 导出到 {path} 失败：{error}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/printing/dialog.py" line="51"/>
        <source>Preview in layout designer</source>
        <translation>在布局设计器中预览</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/printing/dialog.py" line="52"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/printing/dialog.py" line="53"/>
        <source>Cancel export</source>
        <translation>取消导出</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/printing/print_sheets.py" line="101"/>
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/printing/dialog.py" line="124"/>
        <source>Tick at least one map sheet</source>
        <translation>请至少勾选一幅专题图</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/printing/dialog.py" line="103"/>
        <source>Choose an output folder</source>
        <translation>请选择输出文件夹</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/printing/dialog.py" line="109"/>
        <source>Run a compliance check first: no site summary layer in the project</source>
        <translation>请先运行合规性检查：工程中没有选址汇总图层</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/printing/dialog.py" line="150"/>
        <source>Exporting {name}…</source>
        <translation>正在导出 {name}…</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/printing/dialog.py" line="167"/>
        <source>Export canceled after {count} files</source>
        <translation>已取消导出，已完成 {count} 个文件</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/printing/dialog.py" line="171"/>
        <source>Exported {count} files</source>
        <translation>已导出 {count} 个文件</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/printing/print_sheets.py" line="38"/>
        <source>Print thematic maps</source>
        <translation>专题图打印</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/printing/print_sheets.py" line="41"/>
        <source>Maps</source>
        <translation>地图</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/printing/print_sheets.py" line="47"/>
        <source>Exports the plan&apos;s map sheets from the print templates to PDF or PNG, with an optional atlas per township and per checked site.</source>
        <translation>按打印模板将规划专题图导出为 PDF 或 PNG，并可按乡镇和按检查地块生成图集。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/printing/print_sheets.py" line="63"/>
        <source>Map sheets</source>
        <translation>专题图</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/printing/print_sheets.py" line="73"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/printing/print_sheets.py" line="74"/>
        <source>Resolution (DPI)</source>
        <translation>分辨率（DPI）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/printing/print_sheets.py" line="84"/>
        <source>Atlas: one sheet per township</source>
        <translation>图集：每个乡镇一幅</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/printing/print_sheets.py" line="85"/>
        <source>Site summary of a compliance check (for the site atlas)</source>
        <translation>合规性检查的选址汇总（用于项目图集）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/printing/print_sheets.py" line="93"/>
        <source>Conflict pieces of that check</source>
        <translation>该检查的冲突图斑</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/plugin.py" line="37"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_data/conformance.py" line="117"/>
        <source>layer {problem}</source>
        <translation>图层{problem}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_data/conformance.py" line="138"/>
        <source>cannot be opened</source>
        <translation>无法打开</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_data/conformance.py" line="142"/>
        <source>has geometry type {actual}, but the catalogue requires {expected}</source>
        <translation>几何类型为 {actual}，但图层目录要求 {expected}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_data/conformance.py" line="153"/>
        <source>has no features</source>
        <translation>没有要素</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_qa/run.py" line="111"/>
        <source>Plan layer {name} ({code}) {problems}</source>
        <translation>规划图层 {name}（{code}）：{problems}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/layer_crs.py" line="28"/>
        <source>an unnamed CRS</source>
        <translation>未命名坐标系</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/site_input.py" line="98"/>
        <source>has no CRS; set its CRS first</source>
        <translation>没有坐标系，请先设置坐标系</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/layer_crs.py" line="42"/>
        <source>has an undefined CRS ({crs}), a placeholder with no definition; set its real CRS first</source>
        <translation>坐标系未定义（{crs}，仅为占位，没有定义），请先设置其真实坐标系</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/layer_crs.py" line="49"/>
        <source>has a CRS ({crs}) that cannot be transformed to {target}; set its real CRS first</source>
        <translation>坐标系（{crs}）无法转换到 {target}，请先设置其真实坐标系</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/layer_crs.py" line="59"/>
        <source>has coordinates ({x:.0f}, {y:.0f}) that do not fit its CRS {crs}; the CRS is probably wrong</source>
        <translation>坐标（{x:.0f}, {y:.0f}）与其坐标系 {crs} 不符，坐标系很可能设置有误</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/check.py" line="99"/>
        <source>is not in the layer catalogue</source>
        <translation>不在图层目录中</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/check.py" line="106"/>
        <source>Control layer {title} ({code}) {problems}</source>
        <translation>控制线图层 {title}（{code}）：{problems}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/base.py" line="42"/>
        <source>must be text</source>
        <translation>必须是文本</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/base.py" line="43"/>
        <source>must be a list of field names</source>
        <translation>必须是字段名列表</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/base.py" line="44"/>
        <source>must be true or false</source>
        <translation>必须是 true 或 false</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/base.py" line="45"/>
        <source>must be a whole number of at least 1</source>
        <translation>必须是不小于 1 的整数</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/base.py" line="49"/>
        <source>must be a mapping</source>
        <translation>必须是映射（键: 值）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/base.py" line="142"/>
        <source>applies_to needs field and values (a list of text), e.g. {{field: XMLX, values: [城镇建设]}}</source>
        <translation>applies_to 需要 field 和 values（文本列表），例如 {{field: XMLX, values: [城镇建设]}}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/breakdown.py" line="25"/>
        <source>class_table {table} is not a code table</source>
        <translation>class_table {table} 不是代码表</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/ruleset.py" line="124"/>
        <source>Rule set {path} is not valid:</source>
        <translation>规则集 {path} 无效：</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/ruleset.py" line="139"/>
        <source>the file must be a mapping with a list of rules</source>
        <translation>文件必须是包含规则列表（rules）的映射</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/ruleset.py" line="141"/>
        <source>unknown key {key}</source>
        <translation>未知的键 {key}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/ruleset.py" line="143"/>
        <source>key {key} {problem}</source>
        <translation>键 {key} {problem}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/ruleset.py" line="149"/>
        <source>the rule set has no rules: a check without rules would pass every site</source>
        <translation>规则集没有规则：没有规则的检查会判定每个地块都合规</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/ruleset.py" line="151"/>
        <source>rules must be a list</source>
        <translation>rules 必须是列表</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/ruleset.py" line="165"/>
        <source>rule {rule} must be a mapping</source>
        <translation>规则 {rule} 必须是映射（键: 值）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/ruleset.py" line="179"/>
        <source>rule {rule}: {problem}</source>
        <translation>规则 {rule}：{problem}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/ruleset.py" line="170"/>
        <source>unknown kind {kind} (known: {kinds})</source>
        <translation>未知的类型 {kind}（可用：{kinds}）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/base.py" line="97"/>
        <source>key {key} is missing</source>
        <translation>缺少键 {key}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/base.py" line="103"/>
        <source>unknown key {key} for kind {kind}</source>
        <translation>类型 {kind} 没有键 {key}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/base.py" line="234"/>
        <source>the id may hold only ASCII letters, digits and _ (it names output fields)</source>
        <translation>编号只能包含 ASCII 字母、数字和 _（它用作输出字段名）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/base.py" line="80"/>
        <source>layer {code} is not in the layer catalogue</source>
        <translation>图层 {code} 不在图层目录中</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/base.py" line="82"/>
        <source>line</source>
        <translation>线</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/base.py" line="82"/>
        <source>point</source>
        <translation>点</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/base.py" line="84"/>
        <source>layer {code} ({name}) is a {geometry} layer, not a polygon layer</source>
        <translation>图层 {code}（{name}）是{geometry}图层，不是面图层</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/base.py" line="115"/>
        <source>filter {expr} is not a valid expression: {error}</source>
        <translation>筛选条件 {expr} 不是有效的表达式：{error}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/ruleset.py" line="190"/>
        <source>rule {rule}: the id is used by rules {numbers}; each rule needs its own id</source>
        <translation>规则 {rule}：该编号被第 {numbers} 条规则重复使用；每条规则须有唯一编号</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/site_input.py" line="83"/>
        <source> and {count} more</source>
        <translation>，另有 {count} 个</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/site_input.py" line="103"/>
        <source>Site layer {name} {problem}</source>
        <translation>用地红线图层 {name}：{problem}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/site_input.py" line="157"/>
        <source>Site layer {layer} has no id field ({fields}); sites are labelled by feature id</source>
        <translation>用地红线图层 {layer} 没有编号字段（{fields}）；地块以要素编号标注</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/site_input.py" line="165"/>
        <source>site has no id ({field} is empty)</source>
        <translation>地块没有编号（{field} 为空）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/site_input.py" line="167"/>
        <source>Site layer {layer}: features {fids} have no id in {field}; they are labelled by feature id</source>
        <translation>用地红线图层 {layer}：要素 {fids} 的 {field} 为空，以要素编号标注</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/site_input.py" line="180"/>
        <source>site id {id} is shared by features {fids}</source>
        <translation>地块编号 {id} 被要素 {fids} 共用</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/site_input.py" line="181"/>
        <source>Site layer {layer}: id {id} is shared by features {fids}; each is checked and reported on its own</source>
        <translation>用地红线图层 {layer}：编号 {id} 被要素 {fids} 共用；各要素分别检查、分别报告</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/site_input.py" line="190"/>
        <source>(no id) feature {fid}</source>
        <translation>（无编号）要素 {fid}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/site_input.py" line="229"/>
        <source>site has zero area: its outline encloses nothing (all points on one line or at one point)</source>
        <translation>地块面积为零：边界未围合任何区域（所有点共线或重合）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/outputs.py" line="77"/>
        <source>Rule id</source>
        <translation>规则编号</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_qa/outputs.py" line="42"/>
        <source>Feature id</source>
        <translation>要素编号</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/geos_reasons.py" line="15"/>
        <source>Topology Validation Error</source>
        <translation>拓扑验证错误</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/geos_reasons.py" line="16"/>
        <source>Repeated Point</source>
        <translation>重复点</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/geos_reasons.py" line="17"/>
        <source>Hole lies outside shell</source>
        <translation>内环位于外环之外</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/geos_reasons.py" line="18"/>
        <source>Holes are nested</source>
        <translation>内环嵌套</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/geos_reasons.py" line="19"/>
        <source>Nested holes</source>
        <translation>内环嵌套</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/geos_reasons.py" line="20"/>
        <source>Interior is disconnected</source>
        <translation>内部不连通</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/geos_reasons.py" line="21"/>
        <source>Self-intersection</source>
        <translation>自相交</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/geos_reasons.py" line="22"/>
        <source>Ring Self-intersection</source>
        <translation>环自相交</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/geos_reasons.py" line="23"/>
        <source>Nested shells</source>
        <translation>外环嵌套</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/geos_reasons.py" line="24"/>
        <source>Duplicate Rings</source>
        <translation>环重复</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/geos_reasons.py" line="25"/>
        <source>Too few distinct points in geometry component</source>
        <translation>几何部件的不同点数过少</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/geos_reasons.py" line="26"/>
        <source>Too few points in geometry component</source>
        <translation>几何部件的点数过少</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/geos_reasons.py" line="27"/>
        <source>Invalid Coordinate</source>
        <translation>无效坐标</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/geos_reasons.py" line="28"/>
        <source>Ring is not closed</source>
        <translation>环未闭合</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/geos_reasons.py" line="46"/>
        <source>{reason} ({geos})</source>
        <translation>{reason}（{geos}）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/output_fields.py" line="63"/>
        <source>{what} (m²)</source>
        <translation>{what}（平方米）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/output_fields.py" line="63"/>
        <source>{what} (ha)</source>
        <translation>{what}（公顷）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/output_fields.py" line="63"/>
        <source>{what} (mu)</source>
        <translation>{what}（亩）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/output_fields.py" line="69"/>
        <source>Area (m²)</source>
        <translation>面积（平方米）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/output_fields.py" line="69"/>
        <source>Area (ha)</source>
        <translation>面积（公顷）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/output_fields.py" line="69"/>
        <source>Area (mu)</source>
        <translation>面积（亩）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/outputs.py" line="34"/>
        <source>Site feature id</source>
        <translation>项目要素编号</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/outputs.py" line="50"/>
        <source>{rule}: conflict area</source>
        <translation>{rule}：冲突面积</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/outputs.py" line="52"/>
        <source>{rule}: conflict share of the site (%)</source>
        <translation>{rule}：冲突面积占项目比例（%）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/outputs.py" line="53"/>
        <source>{rule}: status</source>
        <translation>{rule}：状态</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/outputs.py" line="58"/>
        <source>Reasons</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/outputs.py" line="62"/>
        <source>Control layer</source>
        <translation>控制线图层</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/outputs.py" line="62"/>
        <source>Control feature id</source>
        <translation>控制线要素编号</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/outputs.py" line="62"/>
        <source>Control feature attributes</source>
        <translation>控制线要素属性</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/outputs.py" line="100"/>
        <source>Class code</source>
        <translation>地类编码</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/outputs.py" line="77"/>
        <source>Class name</source>
        <translation>地类名称</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/outputs.py" line="77"/>
        <source>Share of the site (%)</source>
        <translation>占项目比例（%）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/outputs.py" line="312"/>
        <source>GEOS message</source>
        <translation>GEOS 原文</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/geopackage_writer.py" line="310"/>
        <source>{layer} in {path} holds {written} of {total} rows</source>
        <translation>{path} 中的 {layer} 只有 {total} 行中的 {written} 行</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/geopackage_writer.py" line="317"/>
        <source>Cannot store the field titles of {layer} in {path}: {error}</source>
        <translation>无法在 {path} 中保存 {layer} 的字段标题：{error}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/base.py" line="150"/>
        <source>{output}: {dest} holds {written} of {total} rows</source>
        <translation>{output}：{dest} 只有 {total} 行中的 {written} 行</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/base.py" line="157"/>
        <source>{output}: field {field} needs {need} bytes but {dest} keeps only {width}, so text would be cut short; write this output to a GeoPackage</source>
        <translation>{output}：字段 {field} 需要 {need} 字节，但 {dest} 只能保存 {width} 字节，文字会被截断；请将此输出写入 GeoPackage</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/base.py" line="165"/>
        <source>Cannot store the field titles in {dest}: {error}</source>
        <translation>无法在 {dest} 中保存字段标题：{error}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/base.py" line="211"/>
        <source>{output}: not every row could be written to {dest}: {error}</source>
        <translation>{output}：未能将全部行写入 {dest}：{error}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/base.py" line="211"/>
        <source>rows refused</source>
        <translation>写入被拒绝</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/base.py" line="220"/>
        <source>{output}: {dest} could not be read back to count its rows</source>
        <translation>{output}：无法读回 {dest} 以核对行数</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/coordfile/models.py" line="75"/>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/coordfile/models.py" line="75"/>
        <source>Parcel</source>
        <translation>地块</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/outputs.py" line="18"/>
        <source>Parcel left out</source>
        <translation>地块未导入</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/sinks.py" line="89"/>
        <source>Cannot write {path}: {error}</source>
        <translation>无法写入 {path}：{error}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/plan_data/inspect_source.py" line="24"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/plan_data/inspect_source.py" line="25"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/plan_data/inspect_source.py" line="26"/>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/plan_data/inspect_source.py" line="29"/>
        <source>Features</source>
        <translation>要素数</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/printing/jobs.py" line="70"/>
        <source>Township atlas</source>
        <translation>乡镇图集</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/printing/jobs.py" line="80"/>
        <source>Site atlas</source>
        <translation>项目选址图集</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/cancel.py" line="42"/>
        <source>Canceled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/cancel.py" line="110"/>
        <source>The run was canceled: its result is incomplete and is not written</source>
        <translation>运行已取消：结果不完整，不予写出</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/printing/dialog.py" line="169"/>
        <source>Export failed after {count} files</source>
        <translation>导出失败，已完成 {count} 个文件</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/shared/background.py" line="61"/>
        <source>Unexpected error: {error}</source>
        <translation>意外错误：{error}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_qa/job.py" line="21"/>
        <source>Plan QA was canceled: nothing was written</source>
        <translation>规划成果质检已取消：未写出任何结果</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/printing/print_sheets.py" line="130"/>
        <source>Printing was canceled: {count} whole files kept, nothing partial</source>
        <translation>打印已取消：保留 {count} 个完整文件，未保留任何不完整文件</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/job.py" line="16"/>
        <source>The compliance check was canceled: nothing was written</source>
        <translation>合规性检查已取消：未写出任何结果</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/crs.py" line="140"/>
        <source>{file} line {line}: the easting's zone prefix {zone} is no CGCS2000 zone in China (3-degree 25–45, 6-degree 13–23): is Y the easting and X the northing?</source>
        <translation>{file} 第 {line} 行：横坐标的带号前缀 {zone} 不是我国范围内的 CGCS2000 投影带（3 度带 25–45，6 度带 13–23）：请确认 Y 为横坐标（东）、X 为纵坐标（北）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/crs.py" line="159"/>
        <source>{file}: {problem}</source>
        <translation>{file}：{problem}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/crs.py" line="202"/>
        <source>the eastings carry zone {zone}, but 带号 on line {header_line} says {stated}; the coordinates' zone {zone} is used</source>
        <translation>横坐标带有带号 {zone}，但第 {header_line} 行的带号为 {stated}；采用坐标本身的带号 {zone}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/crs.py" line="222"/>
        <source>point {point} (X {x:.3f}, Y {y:.3f}) lies outside the plausible Gauss-Krüger range of {crs}: X {x_min:.0f}–{x_max:.0f} m, Y {y_min:.0f}–{y_max:.0f} m</source>
        <translation>界址点 {point}（X {x:.3f}，Y {y:.3f}）超出 {crs} 高斯-克吕格坐标的合理范围：X {x_min:.0f}–{x_max:.0f} 米，Y {y_min:.0f}–{y_max:.0f} 米</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/crs.py" line="236"/>
        <source>; are X and Y swapped? X is the northing, Y the easting</source>
        <translation>；X、Y 是否写反？X 为纵坐标（北），Y 为横坐标（东）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/crs.py" line="238"/>
        <source> ({count} points of the parcel lie outside it)</source>
        <translation>（该地块共有 {count} 个点超出范围）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/job.py" line="27"/>
        <source>Coordinate import canceled: nothing was imported</source>
        <translation>坐标导入已取消：未导入任何内容</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/model.py" line="16"/>
        <source>note</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/model.py" line="71"/>
        <source>{file} line {line}, parcel {parcel}: {level}: {reason}</source>
        <translation>{file} 第 {line} 行，地块 {parcel}：{level}：{reason}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/model.py" line="74"/>
        <source>{file} line {line}: {level}: {reason}</source>
        <translation>{file} 第 {line} 行：{level}：{reason}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/parser.py" line="35"/>
        <source>{file}: the file is neither UTF-8 nor GBK/GB18030 text but UTF-16 or UTF-32; save it as UTF-8 or GBK</source>
        <translation>{file}：文件既不是 UTF-8 也不是 GBK/GB18030 文本，而是 UTF-16 或 UTF-32；请另存为 UTF-8 或 GBK</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/parser.py" line="45"/>
        <source>{file}: the file is neither UTF-8 nor GBK/GB18030 text; save it as UTF-8 or GBK</source>
        <translation>{file}：文件既不是 UTF-8 也不是 GBK/GB18030 文本；请另存为 UTF-8 或 GBK</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/parser.py" line="55"/>
        <source>{file}: the file is empty</source>
        <translation>{file}：文件为空</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/parser.py" line="78"/>
        <source>{file}: no parcel found: a parcel starts with an attribute line ending in @ under [地块坐标]</source>
        <translation>{file}：未找到地块：地块应在 [地块坐标] 下以 @ 结尾的属性行开始</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/parser.py" line="121"/>
        <source>no [地块坐标] section line: parcels are read from here on</source>
        <translation>缺少 [地块坐标] 节标记：自此行起按地块读取</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/parser.py" line="162"/>
        <source>parcel number {number} is used again (first on line {line})</source>
        <translation>地块编号 {number} 重复（首次出现在第 {line} 行）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/validation.py" line="101"/>
        <source>ring {ring} continues after ring {other} began: the points of a ring must follow one another</source>
        <translation>第 {ring} 圈在第 {other} 圈开始后又出现：同一圈的界址点必须连续排列</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/validation.py" line="139"/>
        <source>界址点数 {stated} does not count the closing point of each ring ({listed} points listed)</source>
        <translation>界址点数 {stated} 未计各圈的闭合点（实列 {listed} 个点）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/validation.py" line="178"/>
        <source>ring {ring} encloses no area (its points lie on one line)</source>
        <translation>第 {ring} 圈面积为零（各点位于一条直线上）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/validation.py" line="186"/>
        <source>ring {ring} crosses itself on the segment {start}–{end} near X {x:.3f}, Y {y:.3f}</source>
        <translation>第 {ring} 圈自相交，位于 {start}–{end} 边，约 X {x:.3f}，Y {y:.3f} 处</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/validation.py" line="247"/>
        <source>ring {ring} repeats ring {other}</source>
        <translation>第 {ring} 圈与第 {other} 圈重复</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/validation.py" line="256"/>
        <source>ring {ring} crosses ring {other} on the segment {start}–{end}: a hole must lie inside its shell and a further part outside every other ring</source>
        <translation>第 {ring} 圈在 {start}–{end} 边与第 {other} 圈相交：内圈（洞）须位于其外圈之内，其他部分须位于所有其他圈之外</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/validation.py" line="272"/>
        <source>ring {ring} lies outside ring {other}, which is listed before it, and encloses it: ring 1 is the outer ring, and a shell comes before its holes</source>
        <translation>第 {ring} 圈位于其前列出的第 {other} 圈之外并将其包围：第 1 圈应为外圈，外圈须列在其内圈之前</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/validation.py" line="284"/>
        <source>ring {ring} lies inside hole ring {hole}: an island in a hole must be a parcel of its own</source>
        <translation>第 {ring} 圈位于内圈（洞）第 {hole} 圈之中：洞中的岛须作为单独地块</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/validation.py" line="304"/>
        <source>the rings do not form a valid polygon near X {x:.3f}, Y {y:.3f} (ring {ring}, segment {start}–{end}): {reason}</source>
        <translation>各圈不能构成有效多边形，约 X {x:.3f}，Y {y:.3f} 处（第 {ring} 圈，{start}–{end} 边）：{reason}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/job.py" line="27"/>
        <source>Reading coordinate files</source>
        <translation>正在读取坐标文件</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/coordfile/dialog.py" line="115"/>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/coordfile/dialog.py" line="144"/>
        <source>Import canceled: nothing was read or imported</source>
        <translation>导入已取消：未读取或导入任何内容</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/coordfile/dialog.py" line="147"/>
        <source>The coordinate files could not be read; see the message log</source>
        <translation>无法读取坐标文件；请查看日志消息</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/coordfile/dialog.py" line="174"/>
        <source>{count} problems found</source>
        <translation>发现 {count} 个问题</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/coordfile/dialog.py" line="174"/>
        <source>No problems found</source>
        <translation>未发现问题</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/coordfile/models.py" line="75"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/coordfile/models.py" line="60"/>
        <source>Stated area (ha)</source>
        <translation>标注面积（公顷）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/coordfile/models.py" line="60"/>
        <source>Computed area (ha)</source>
        <translation>计算面积（公顷）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/coordfile/models.py" line="64"/>
        <source>line {line}: {reason}</source>
        <translation>第 {line} 行：{reason}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/coordfile/models.py" line="75"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/coordfile/coordinates.py" line="43"/>
        <source>Reads a boundary coordinate exchange file ([属性描述] / [地块坐标], X = northing, Y = easting, GBK or UTF-8) into project-site polygons. Every ring is validated; parcels with errors are left out and listed with their line numbers in the problems table. An empty or unreadable file, one without a parcel or one whose parcels all have errors stops the algorithm with an error.</source>
        <translation>将界址点坐标交换文件（[属性描述] / [地块坐标]，X 为纵坐标（北），Y 为横坐标（东），GBK 或 UTF-8 编码）读入为项目用地多边形。每一圈都经过检查；有错误的地块不导入，并连同行号列于问题表中。文件为空或无法读取、没有地块或所有地块均有错误时，算法报错终止。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/job.py" line="68"/>
        <source>{file}: none of its {count} parcels can be imported (see the problems above)</source>
        <translation>{file}：其 {count} 个地块均无法导入（见上方问题）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="63"/>
        <source>Project data</source>
        <translation>项目数据</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="65"/>
        <source>Sites checked</source>
        <translation>审查地块数</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="68"/>
        <source>Plan</source>
        <translation>规划依据</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="72"/>
        <source>Conclusion</source>
        <translation>审查结论</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="73"/>
        <source>Note</source>
        <translation>注意</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="74"/>
        <source>Reviewed by</source>
        <translation>审查人</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="75"/>
        <source>Verified by</source>
        <translation>复核人</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="77"/>
        <source>Rules and their basis</source>
        <translation>审查规则及依据</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="78"/>
        <source>Test</source>
        <translation>判定方式</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="79"/>
        <source>Applies to</source>
        <translation>适用范围</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="80"/>
        <source>Plan clause</source>
        <translation>规划条文</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="81"/>
        <source>National rule</source>
        <translation>国家规定</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="82"/>
        <source>Summary of sites</source>
        <translation>地块汇总表</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="83"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="89"/>
        <source>Findings</source>
        <translation>主要问题</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="90"/>
        <source>Section</source>
        <translation>详见</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="80"/>
        <source>Township</source>
        <translation>所在乡镇</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="87"/>
        <source>Site area</source>
        <translation>用地面积</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="94"/>
        <source>Conflict map</source>
        <translation>冲突分析图</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="95"/>
        <source>Location map</source>
        <translation>区位图</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="96"/>
        <source>scale</source>
        <translation>比例尺</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="97"/>
        <source>parcel</source>
        <translation>地块</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="94"/>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="100"/>
        <source>Basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="102"/>
        <source>Result</source>
        <translation>判定</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="103"/>
        <source>Boundary points (界址点)</source>
        <translation>界址点坐标</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="104"/>
        <source>Point</source>
        <translation>点号</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="105"/>
        <source>Ring</source>
        <translation>圈号</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="106"/>
        <source>X (northing)</source>
        <translation>X（北坐标）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="107"/>
        <source>Y (easting)</source>
        <translation>Y（东坐标）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/no_overlap.py" line="59"/>
        <source>must not overlap</source>
        <translation>不得压占</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/within.py" line="45"/>
        <source>must lie within</source>
        <translation>须位于其内</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/breakdown.py" line="57"/>
        <source>areas per class (no verdict)</source>
        <translation>分类统计面积（不作判定）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="173"/>
        <source>all sites</source>
        <translation>全部地块</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="174"/>
        <source>sites whose {field} is {values}</source>
        <translation>{field} 为 {values} 的地块</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="182"/>
        <source>the rule set gives no basis for this rule</source>
        <translation>规则集未载明本规则的依据</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="185"/>
        <source>{plan}: “{clause}”</source>
        <translation>{plan}：“{clause}”</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="185"/>
        <source>the plan</source>
        <translation>规划</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="199"/>
        <source>“{clause}”</source>
        <translation>“{clause}”</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/base.py" line="297"/>
        <source>not applicable: the rule covers {scope}</source>
        <translation>不适用：本规则仅适用于{scope}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/use_fit.py" line="166"/>
        <source>sliver below the tolerance (not a conflict)</source>
        <translation>碎片（低于容差，不计为冲突）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/within.py" line="48"/>
        <source>partly outside: non-compliant</source>
        <translation>超出边界（不合规）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/within.py" line="48"/>
        <source>inside</source>
        <translation>位于边界内</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/no_overlap.py" line="62"/>
        <source>overlaps: non-compliant</source>
        <translation>压占（不合规）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/no_overlap.py" line="62"/>
        <source>no overlap</source>
        <translation>未压占</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/no_overlap.py" line="71"/>
        <source>Control lines the site must not overlap</source>
        <translation>不得压占的控制线</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/within.py" line="60"/>
        <source>Control line</source>
        <translation>控制线</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/no_overlap.py" line="75"/>
        <source>Overlap area</source>
        <translation>压占面积</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/within.py" line="57"/>
        <source>The site must lie within {title}</source>
        <translation>须位于{title}内</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/within.py" line="61"/>
        <source>Area outside {title}</source>
        <translation>超出{title}面积</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/breakdown.py" line="70"/>
        <source>{title} under the site</source>
        <translation>{title}构成</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/breakdown.py" line="74"/>
        <source>{title} class</source>
        <translation>{title}类别</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="272"/>
        <source>Coordinates in {crs}, as the coordinate file gives them (X northing, Y easting).</source>
        <translation>坐标系 {crs}，与坐标文件一致（X 为北坐标，Y 为东坐标）。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="274"/>
        <source>The first {n} points are listed; the rest are in the coordinate file.</source>
        <translation>仅列出前 {n} 个点，其余见坐标文件。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="317"/>
        <source>the output layers {layers}</source>
        <translation>输出图层 {layers}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="353"/>
        <source>No map: the site has no usable geometry.</source>
        <translation>无图：该地块没有可用的几何图形。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="416"/>
        <source>Non-compliant sites: {ids}</source>
        <translation>不合规地块：{ids}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="534"/>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页 共 {pages} 页</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/base.py" line="126"/>
        <source>basis needs plan and/or national (text), e.g. {{plan: 规划条文, national: 国家规定}}</source>
        <translation>basis 需要 plan 和/或 national（文本），例如 {{plan: 规划条文, national: 国家规定}}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/site_maps.py" line="300"/>
        <source>Project site</source>
        <translation>项目用地红线</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/site_maps.py" line="301"/>
        <source>Township of the site</source>
        <translation>地块所在乡镇</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/site_check/dialog.py" line="181"/>
        <source>no viewer opened the report; its files are listed below</source>
        <translation>没有可打开报告的程序，报告文件见下方</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/site_check/dialog.py" line="198"/>
        <source>Review report:</source>
        <translation>审查报告：</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/destinations.py" line="44"/>
        <source>the layers {layers} of {path}</source>
        <translation>{path} 中的图层 {layers}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/destinations.py" line="62"/>
        <source>the temporary layers {layers} added to the project</source>
        <translation>已加入工程的临时图层 {layers}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="150"/>
        <source>{title} (sliver)</source>
        <translation>{title}（碎片）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/engine/layers.py" line="31"/>
        <source>Control layer {name} has no CRS</source>
        <translation>控制线图层 {name} 没有坐标参考系</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/engine/postgis_backend.py" line="99"/>
        <source>an input is not a layer</source>
        <translation>有输入不是图层</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/engine/postgis_backend.py" line="101"/>
        <source>layer {name} is not in PostGIS</source>
        <translation>图层 {name} 不在 PostGIS 中</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/engine/postgis_backend.py" line="104"/>
        <source>layer {name} is a query, not a table</source>
        <translation>图层 {name} 是查询而不是表</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/engine/postgis_backend.py" line="108"/>
        <source>layer {name} has no single integer key column</source>
        <translation>图层 {name} 没有单一的整数主键列</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/engine/postgis_backend.py" line="110"/>
        <source>layer {name} has unsaved edits</source>
        <translation>图层 {name} 有未保存的编辑</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/engine/postgis_backend.py" line="232"/>
        <source>psycopg2 is not installed</source>
        <translation>未安装 psycopg2</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/engine/postgis_backend.py" line="234"/>
        <source>no layer lives in PostGIS</source>
        <translation>没有图层位于 PostGIS 中</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/engine/postgis_backend.py" line="267"/>
        <source>the layers are in different PostGIS databases</source>
        <translation>各图层位于不同的 PostGIS 数据库中</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/engine/postgis_backend.py" line="253"/>
        <source>PostGIS {version} in the database, {sessions} sessions</source>
        <translation>PostGIS {version}，在数据库内运行，{sessions} 个会话</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/engine/postgis_backend.py" line="267"/>
        <source>The postgis engine backend cannot run here: {reason}</source>
        <translation>PostGIS 叠加分析引擎无法在此运行：{reason}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/engine/qgis_backend.py" line="241"/>
        <source>QGIS {version} (GEOS {geos}), one thread</source>
        <translation>QGIS {version}（GEOS {geos}），单线程</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/optional.py" line="37"/>
        <source>shapely is not installed</source>
        <translation>未安装 shapely</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/optional.py" line="40"/>
        <source>shapely {version} is installed; the backend needs shapely 2 or newer</source>
        <translation>已安装 shapely {version}；该后端需要 shapely 2 或更高版本</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/optional.py" line="42"/>
        <source>numpy is not installed</source>
        <translation>未安装 numpy</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/engine/selector.py" line="41"/>
        <source>Unknown engine backend {name}; choose one of {names}</source>
        <translation>未知的叠加分析引擎 {name}；可选：{names}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/engine/selector.py" line="76"/>
        <source>The {name} engine backend cannot run here: {reason}</source>
        <translation>叠加分析引擎 {name} 无法在此运行：{reason}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/engine/shapely_backend.py" line="202"/>
        <source>shapely {version} (GEOS {geos}), {threads} threads</source>
        <translation>shapely {version}（GEOS {geos}），{threads} 个线程</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="60"/>
        <source>Overlay engine</source>
        <translation>叠加分析引擎</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/settings.py" line="15"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/settings.py" line="15"/>
        <source>shapely 2 (vectorized, all cores)</source>
        <translation>shapely 2（向量化，使用全部 CPU 核心）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/settings.py" line="15"/>
        <source>QGIS only</source>
        <translation>仅 QGIS</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/settings.py" line="15"/>
        <source>PostGIS (in the database)</source>
        <translation>PostGIS（在数据库内运行）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/base.py" line="376"/>
        <source>Overlay engine (the Settings&apos; choice if empty)</source>
        <translation>叠加分析引擎（留空则按“设置”中的选择）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/versions/compare_versions.py" line="226"/>
        <source>Overlay engine: {backend}</source>
        <translation>叠加分析引擎：{backend}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/outputs.py" line="185"/>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="100"/>
        <source>Reviewer</source>
        <translation>审核人</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/check.py" line="50"/>
        <source>over the limit</source>
        <translation>超高</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/check.py" line="51"/>
        <source>within the limit</source>
        <translation>未超高</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/check.py" line="52"/>
        <source>outside the height zones</source>
        <translation>不在高度控制分区内</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/check.py" line="53"/>
        <source>no height</source>
        <translation>无高度</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/check.py" line="63"/>
        <source>height field</source>
        <translation>高度字段</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/check.py" line="64"/>
        <source>floors × storey height</source>
        <translation>层数 × 层高</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/check.py" line="65"/>
        <source>height field, else floors × storey height</source>
        <translation>高度字段，缺失时用层数 × 层高</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/measuring/inputs.py" line="15"/>
        <source>No {role} layer given</source>
        <translation>未指定{role}图层</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/measuring/inputs.py" line="27"/>
        <source>{role} layer {name} {problem}</source>
        <translation>{role}图层 {name} {problem}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/measuring/inputs.py" line="29"/>
        <source>{role} layer {name} has no features</source>
        <translation>{role}图层 {name} 没有要素</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/check.py" line="163"/>
        <source>Name the {purpose} field of {role} layer {layer}</source>
        <translation>请指定{role}图层 {layer} 的{purpose}字段</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/check.py" line="169"/>
        <source>{role} layer {layer} has no field {field} ({purpose})</source>
        <translation>{role}图层 {layer} 没有字段 {field}（{purpose}）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/check.py" line="180"/>
        <source>Unknown height source {mode}; choose one of {modes}</source>
        <translation>未知的高度来源 {mode}；请选择 {modes} 之一</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/outputs.py" line="218"/>
        <source>Building</source>
        <translation>建筑</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/check.py" line="183"/>
        <source>Height zone</source>
        <translation>建筑高度控制分区</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/check.py" line="187"/>
        <source>height</source>
        <translation>高度</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/check.py" line="189"/>
        <source>floors</source>
        <translation>层数</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/check.py" line="192"/>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/check.py" line="193"/>
        <source>height limit</source>
        <translation>限高</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/check.py" line="194"/>
        <source>zone name</source>
        <translation>分区名称</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/check.py" line="196"/>
        <source>zone code</source>
        <translation>分区代码</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/check.py" line="200"/>
        <source>feature {fid}</source>
        <translation>要素 {fid}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/check.py" line="216"/>
        <source>Height zone {name} (feature {fid}) of {layer} has no usable limit in {field}: {value}</source>
        <translation>{layer} 中的高度分区 {name}（要素 {fid}）在字段 {field} 中没有可用的限高：{value}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/outputs.py" line="44"/>
        <source>over by up to 3 m</source>
        <translation>超高 3 米以内</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/outputs.py" line="44"/>
        <source>over by 3–10 m</source>
        <translation>超高 3–10 米</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/outputs.py" line="44"/>
        <source>over by 10–20 m</source>
        <translation>超高 10–20 米</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/outputs.py" line="44"/>
        <source>over by more than 20 m</source>
        <translation>超高 20 米以上</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/outputs.py" line="48"/>
        <source>Building feature</source>
        <translation>建筑要素号</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/outputs.py" line="220"/>
        <source>Height (m)</source>
        <translation>高度（米）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/outputs.py" line="198"/>
        <source>Height from</source>
        <translation>高度来源</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/outputs.py" line="48"/>
        <source>Floors</source>
        <translation>层数</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/outputs.py" line="227"/>
        <source>Judged zone</source>
        <translation>判定分区</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/outputs.py" line="152"/>
        <source>Zone code</source>
        <translation>分区代码</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/outputs.py" line="48"/>
        <source>Height limit (m)</source>
        <translation>限高（米）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/outputs.py" line="221"/>
        <source>Excess (m)</source>
        <translation>超高（米）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/outputs.py" line="226"/>
        <source>Zones touched (overlap m²)</source>
        <translation>涉及分区（重叠平方米）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/outputs.py" line="48"/>
        <source>Footprint</source>
        <translation>基底</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/outputs.py" line="48"/>
        <source>In the judged zone</source>
        <translation>位于判定分区内</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/outputs.py" line="103"/>
        <source>Height check: buildings over the limit</source>
        <translation>建筑高度检查：超高建筑</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/outputs.py" line="121"/>
        <source>Height check: every building</source>
        <translation>建筑高度检查：全部建筑</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/outputs.py" line="152"/>
        <source>Height zones</source>
        <translation>建筑高度控制分区</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/outputs.py" line="211"/>
        <source>Zone</source>
        <translation>分区</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/outputs.py" line="182"/>
        <source>Other buildings</source>
        <translation>其他建筑</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/outputs.py" line="190"/>
        <source>Building height check report</source>
        <translation>建筑高度控制检查报告</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/outputs.py" line="191"/>
        <source>Generated by the Yongji Spatial Plan plugin from the plan&apos;s height zones. Demo data is illustrative, not official.</source>
        <translation>由永济国土空间规划插件依据规划建筑高度控制分区生成。演示数据仅供示意，非官方成果。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/monitoring/dialog.py" line="49"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/outputs.py" line="196"/>
        <source>Building layer</source>
        <translation>建筑图层</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/outputs.py" line="197"/>
        <source>Height zone layer</source>
        <translation>高度分区图层</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/outputs.py" line="199"/>
        <source>Storey height</source>
        <translation>层高</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/outputs.py" line="200"/>
        <source>Limit field</source>
        <translation>限高字段</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/report.py" line="240"/>
        <source>Map</source>
        <translation>示意图</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/outputs.py" line="210"/>
        <source>Per zone</source>
        <translation>分区统计</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/outputs.py" line="213"/>
        <source>Limit (m)</source>
        <translation>限高（米）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/heights/heights.py" line="135"/>
        <source>Buildings</source>
        <translation>建筑</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/outputs.py" line="215"/>
        <source>Over the limit</source>
        <translation>超高</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/outputs.py" line="216"/>
        <source>Largest excess (m)</source>
        <translation>最大超高（米）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/heights/heights.py" line="98"/>
        <source>Buildings over their limit</source>
        <translation>超高建筑</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/outputs.py" line="222"/>
        <source>Footprint (m²)</source>
        <translation>基底面积（平方米）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/outputs.py" line="225"/>
        <source>Buildings in several zones (judged against the strictest)</source>
        <translation>跨多个分区的建筑（按最严格分区判定）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/outputs.py" line="228"/>
        <source>Buildings without a height</source>
        <translation>无高度的建筑</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/outputs.py" line="229"/>
        <source>Buildings outside every height zone</source>
        <translation>不在任何高度分区内的建筑</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/outputs.py" line="230"/>
        <source>Buildings without a usable geometry (not checked)</source>
        <translation>无可用几何的建筑（未检查）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/outputs.py" line="237"/>
        <source>A building is judged against the strictest height zone it overlaps by at least the area tolerance; excess = height − limit, over when above 0 (the limit itself is allowed).</source>
        <translation>建筑按其重叠面积不小于面积容差的最严格高度分区判定；超高 = 高度 − 限高，大于 0 即为超高（等于限高视为符合）。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/check.py" line="51"/>
        <source>walking network (QGIS service areas)</source>
        <translation>步行路网（QGIS 服务区分析）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/check.py" line="51"/>
        <source>straight-line distance (fallback)</source>
        <translation>直线距离（备用方法）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/measuring/inputs.py" line="17"/>
        <source>{role} layer {name} must contain {want}, not {type}</source>
        <translation>{role}图层 {name} 必须是{want}，而不是{type}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/check.py" line="122"/>
        <source>{role} layer {layer} has no field {field}</source>
        <translation>{role}图层 {layer} 没有字段 {field}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/outputs.py" line="194"/>
        <source>Facility</source>
        <translation>设施</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/check.py" line="137"/>
        <source>Name the facility-type field of {layer}</source>
        <translation>请指定 {layer} 的设施类型字段</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/check.py" line="154"/>
        <source>Facility {fid} of {layer} has no geometry and is left out</source>
        <translation>{layer} 的设施 {fid} 没有几何，未计入</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/check.py" line="164"/>
        <source>{count} facilities of type {type} have level {level}, which is none of {levels}; the table lists the type at several levels, so they are left out</source>
        <translation>{count} 个{type}设施的级别为 {level}，不属于 {levels}；配置表在多个级别列出该类型，因此未计入</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/check.py" line="171"/>
        <source>No facility of {layer} has a type of the life-circle table in field {field} (found: {found})</source>
        <translation>{layer} 中没有设施的 {field} 字段属于生活圈配置表中的类型（现有：{found}）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/outputs.py" line="203"/>
        <source>Residential area</source>
        <translation>居住区</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/check.py" line="191"/>
        <source>Residential area {fid} of {layer} has no geometry and is left out</source>
        <translation>{layer} 的居住区 {fid} 没有几何，未计入</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/check.py" line="236"/>
        <source>facility</source>
        <translation>设施</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/check.py" line="239"/>
        <source>residential area</source>
        <translation>居住区</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/check.py" line="247"/>
        <source>The street network {network} does not connect every facility and residential area: {problems}</source>
        <translation>道路网 {network} 未连通所有设施和居住区：{problems}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/check.py" line="304"/>
        <source>Unknown life-circle level {level}; the table&apos;s levels are {levels}</source>
        <translation>未知的生活圈级别 {level}；配置表的级别为 {levels}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/check.py" line="334"/>
        <source>Residential area layer {name} has no area with a geometry</source>
        <translation>居住区图层 {name} 没有带几何的居住区</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/check.py" line="339"/>
        <source>No street network given</source>
        <translation>未指定道路网</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/outputs.py" line="176"/>
        <source>Street network</source>
        <translation>道路网</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/outputs.py" line="42"/>
        <source>None lacking</source>
        <translation>无缺项</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/outputs.py" line="42"/>
        <source>1–2 lacking</source>
        <translation>缺 1–2 项</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/outputs.py" line="42"/>
        <source>3–5 lacking</source>
        <translation>缺 3–5 项</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/outputs.py" line="42"/>
        <source>6 or more lacking</source>
        <translation>缺 6 项及以上</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/outputs.py" line="47"/>
        <source>Residential area feature</source>
        <translation>居住区要素号</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/outputs.py" line="210"/>
        <source>Population</source>
        <translation>人口</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/outputs.py" line="47"/>
        <source>Required facilities lacking</source>
        <translation>缺少的必配设施数</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/outputs.py" line="57"/>
        <source>{level} lacking</source>
        <translation>{level}缺项</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/outputs.py" line="61"/>
        <source>Optional facilities not reached</source>
        <translation>未覆盖的宜配设施</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="53"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/outputs.py" line="64"/>
        <source>Life circle: residential areas</source>
        <translation>生活圈：居住区</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/outputs.py" line="92"/>
        <source>Row code</source>
        <translation>配置项代码</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/outputs.py" line="95"/>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/outputs.py" line="96"/>
        <source>Distance (m)</source>
        <translation>距离（米）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/outputs.py" line="198"/>
        <source>Facilities</source>
        <translation>设施数</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/outputs.py" line="100"/>
        <source>Life circle: service areas</source>
        <translation>生活圈：服务范围</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/outputs.py" line="151"/>
        <source>Streets</source>
        <translation>道路</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/outputs.py" line="168"/>
        <source>15-minute community life circle report</source>
        <translation>15分钟社区生活圈分析报告</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/outputs.py" line="169"/>
        <source>Generated by the Yongji Spatial Plan plugin from the plan's 社区—邻里—街坊 table. Demo data is illustrative, not official.</source>
        <translation>由永济国土空间规划插件依据规划“社区—邻里—街坊”配置表生成。演示数据仅供示意，非官方成果。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/outputs.py" line="174"/>
        <source>Facility layer</source>
        <translation>设施图层</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/outputs.py" line="175"/>
        <source>Residential area layer</source>
        <translation>居住区图层</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/table.py" line="158"/>
        <source>Life-circle table</source>
        <translation>生活圈配置表</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/outputs.py" line="178"/>
        <source>Walking speed</source>
        <translation>步行速度</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/outputs.py" line="179"/>
        <source>Levels</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/outputs.py" line="180"/>
        <source>Access distance</source>
        <translation>接入距离</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/outputs.py" line="182"/>
        <source>Why the fallback ran</source>
        <translation>启用备用方法的原因</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/outputs.py" line="202"/>
        <source>Residential areas</source>
        <translation>居住区</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/outputs.py" line="187"/>
        <source>Reaching every required facility</source>
        <translation>必配设施全部覆盖</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/outputs.py" line="188"/>
        <source>Lacking at least one</source>
        <translation>至少缺一项</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/outputs.py" line="189"/>
        <source>Population in areas lacking</source>
        <translation>缺项居住区人口</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/outputs.py" line="190"/>
        <source>Coverage map</source>
        <translation>覆盖情况图</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/outputs.py" line="192"/>
        <source>Per facility</source>
        <translation>分项统计</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/outputs.py" line="195"/>
        <source>Required</source>
        <translation>必配</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/outputs.py" line="196"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/outputs.py" line="197"/>
        <source>no (宜配置)</source>
        <translation>否（宜配置）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/outputs.py" line="199"/>
        <source>Areas lacking</source>
        <translation>缺项居住区数</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/outputs.py" line="200"/>
        <source>Population lacking</source>
        <translation>缺项人口</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/outputs.py" line="201"/>
        <source>Area lacking (ha)</source>
        <translation>缺项面积（公顷）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/outputs.py" line="204"/>
        <source>Lacking</source>
        <translation>缺项数</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/outputs.py" line="205"/>
        <source>Coverage by facility</source>
        <translation>分项覆盖情况</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/outputs.py" line="206"/>
        <source>What it lacks</source>
        <translation>缺少的设施</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/report.py" line="267"/>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/outputs.py" line="212"/>
        <source>Facility types not in the table (not counted)</source>
        <translation>不在配置表中的设施类型（未计入）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/outputs.py" line="217"/>
        <source>min</source>
        <translation>分钟</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_data/map_image.py" line="165"/>
        <source>m</source>
        <translation>米</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/outputs.py" line="221"/>
        <source>none in the data</source>
        <translation>数据中没有</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/outputs.py" line="224"/>
        <source>A residential area reaches a facility row when a street reachable from one of the row&apos;s facilities within the level&apos;s minutes passes within the access distance of the area&apos;s edge; the walk from a facility to its street is not counted.</source>
        <translation>若从某配置项的任一设施出发、在该级别分钟数内可达的道路经过居住区边界的接入距离范围内，则该居住区覆盖该配置项；设施到道路的步行距离不计入。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/outputs.py" line="229"/>
        <source>Straight-line fallback: a row is reached when one of its facilities lies within speed × minutes of the area's edge, ignoring streets.</source>
        <translation>直线距离备用方法：若某配置项的任一设施到居住区边界的直线距离不超过速度 × 分钟数，则视为覆盖，不考虑道路。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/outputs.py" line="301"/>
        <source>{level} facility</source>
        <translation>{level}设施</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/table.py" line="72"/>
        <source>Life-circle table {file}, {where}: {problem}</source>
        <translation>生活圈配置表 {file}，{where}：{problem}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/table.py" line="77"/>
        <source>{key} must be a positive number, not {value!r}</source>
        <translation>{key} 必须为正数，而不是 {value!r}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/table.py" line="84"/>
        <source>a non-empty list is required</source>
        <translation>必须是非空列表</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/table.py" line="87"/>
        <source>each entry must be a mapping of keys</source>
        <translation>每一项必须是键值映射</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/table.py" line="94"/>
        <source>missing key {key}</source>
        <translation>缺少键 {key}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/table.py" line="110"/>
        <source>unknown level {level}; the table&apos;s levels are {levels}</source>
        <translation>未知级别 {level}；配置表的级别为 {levels}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/table.py" line="119"/>
        <source>types must be a list of facility-type names</source>
        <translation>types 必须是设施类型名称的列表</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/table.py" line="122"/>
        <source>required must be true or false, not {value!r}</source>
        <translation>required 必须为 true 或 false，而不是 {value!r}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/table.py" line="139"/>
        <source>code {code} appears more than once</source>
        <translation>代码 {code} 重复出现</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/table.py" line="147"/>
        <source>facility type {type} is also listed in {other} at the same level</source>
        <translation>设施类型 {type} 也列在同级别的 {other} 中</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/walking_network.py" line="72"/>
        <source>Street network {name} has no lines</source>
        <translation>道路网 {name} 没有线要素</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/walking_network.py" line="151"/>
        <source>{kind} {name} (feature {fid})</source>
        <translation>{kind} {name}（要素 {fid}）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/walking_network.py" line="153"/>
        <source>{item} is {distance:.0f} m from the nearest street of {network}, farther than the access distance of {reach:g} m</source>
        <translation>{item} 距 {network} 最近道路 {distance:.0f} 米，超过接入距离 {reach:g} 米</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/walking_network.py" line="160"/>
        <source>{item} is on a part of {network} not connected to the rest</source>
        <translation>{item} 位于 {network} 中与其余部分不连通的路段上</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/walking_network.py" line="179"/>
        <source>QGIS&apos;s network analysis ({alg}) is not available</source>
        <translation>QGIS 网络分析（{alg}）不可用</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/walking_network.py" line="226"/>
        <source>QGIS&apos;s service-area algorithm failed on the street network</source>
        <translation>QGIS 服务区算法在该道路网上运行失败</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/walking_network.py" line="229"/>
        <source>QGIS&apos;s service-area algorithm returned {got} of {want} service areas</source>
        <translation>QGIS 服务区算法只返回了 {want} 个服务范围中的 {got} 个</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/shared/layer_choice.py" line="53"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/shared/job_task.py" line="43"/>
        <source>Results not written: {error}</source>
        <translation>结果未写出：{error}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/heights/dialog.py" line="101"/>
        <source>Choose a building layer first</source>
        <translation>请先选择建筑图层</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/heights/dialog.py" line="103"/>
        <source>Choose the height zone layer (load the plan layers first)</source>
        <translation>请选择建筑高度控制分区图层（请先加载规划图层）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/heights/dialog.py" line="105"/>
        <source>The building layer and the height zone layer must differ</source>
        <translation>建筑图层与高度分区图层不能相同</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/heights/heights.py" line="36"/>
        <source>Building height check</source>
        <translation>建筑高度控制检查</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/heights/dialog.py" line="118"/>
        <source>{over} over their limit, {within} within, {no_zone} outside the zones, {no_height} without a height</source>
        <translation>超高 {over} 栋，未超高 {within} 栋，分区外 {no_zone} 栋，无高度 {no_height} 栋</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/heights/dialog.py" line="121"/>
        <source>Building height check results</source>
        <translation>建筑高度控制检查结果</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/heights/dialog.py" line="123"/>
        <source>no building exceeds its limit</source>
        <translation>没有超高建筑</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/life_circle/dialog.py" line="43"/>
        <source>Run analysis</source>
        <translation>运行分析</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/life_circle/dialog.py" line="43"/>
        <source>Cancel analysis</source>
        <translation>取消分析</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/life_circle/dialog.py" line="69"/>
        <source>Choose a life-circle table</source>
        <translation>选择生活圈配置表</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/life_circle/dialog.py" line="69"/>
        <source>Life-circle tables (*.yaml *.yml)</source>
        <translation>生活圈配置表 (*.yaml *.yml)</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/life_circle/dialog.py" line="119"/>
        <source>Choose the public service facility layer (load the plan layers first)</source>
        <translation>请选择公共服务设施图层（请先加载规划图层）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/life_circle/dialog.py" line="121"/>
        <source>Choose the residential area layer (load the plan layers first)</source>
        <translation>请选择居住区图层（请先加载规划图层）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/life_circle/dialog.py" line="124"/>
        <source>Choose a street network, or allow the straight-line fallback</source>
        <translation>请选择道路网，或允许使用直线距离备用方法</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/life_circle/life_circle.py" line="57"/>
        <source>15-minute community life circle</source>
        <translation>15分钟社区生活圈</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/life_circle/life_circle.py" line="209"/>
        <source>{method}: {lacking} of {total} residential areas lack at least one required facility</source>
        <translation>{method}：{total} 个居住区中有 {lacking} 个至少缺少一项必配设施</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/life_circle/dialog.py" line="140"/>
        <source>Life circle results</source>
        <translation>15分钟社区生活圈结果</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/life_circle/life_circle.py" line="223"/>
        <source>Straight-line fallback: {reason}</source>
        <translation>已改用直线距离：{reason}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/measure_common.py" line="23"/>
        <source>Plan measures</source>
        <translation>规划措施</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/measure_common.py" line="31"/>
        <source>{label}: no usable layer given ({value})</source>
        <translation>{label}：未给出可用图层（{value}）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/heights/heights.py" line="39"/>
        <source>Checks each building against the limit of the height zone it stands in (the plan's 建筑高度控制分区: ≤24 m near the lake and mountains, ≤18 m at their edge, 24–45 m in the view zones, 60–80 m around 一场三馆 and 市人民医院). Heights come from a height field, from floors × storey height, or the height field where filled and floors × storey height elsewhere. A building in several zones is judged against the strictest one it overlaps by at least the area tolerance; every zone it touches is reported with the overlap area. Writes the buildings over their limit (styled by excess), optionally every building, and a report.</source>
        <translation>按规划建筑高度控制分区检查每栋建筑的高度（近湖区、近山区、退湖区 24 米以下，湖边、河边、山边 18 米以下，望湖区、望山区 24–45 米，一场三馆、市人民医院周边 60–80 米）。高度取自高度字段、层数 × 层高，或高度字段有值时取高度、否则取层数 × 层高。跨多个分区的建筑按其重叠面积不小于面积容差的最严格分区判定，并列出所涉及的每个分区及重叠面积。输出超高建筑（按超高值分级着色）、可选的全部建筑图层和报告。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/heights/heights.py" line="58"/>
        <source>Building height from</source>
        <translation>建筑高度来源</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/heights/heights.py" line="63"/>
        <source>Height field (m)</source>
        <translation>高度字段（米）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/heights/heights.py" line="68"/>
        <source>Floors field</source>
        <translation>层数字段</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/heights/heights.py" line="71"/>
        <source>Storey height (m)</source>
        <translation>层高（米）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/heights/heights.py" line="76"/>
        <source>Building name field</source>
        <translation>建筑名称字段</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/heights/heights.py" line="79"/>
        <source>Zone limit field (m)</source>
        <translation>分区限高字段（米）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/heights/heights.py" line="79"/>
        <source>Zone name field</source>
        <translation>分区名称字段</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/heights/heights.py" line="79"/>
        <source>Zone code field</source>
        <translation>分区代码字段</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/heights/heights.py" line="103"/>
        <source>Every building with its zone and limit</source>
        <translation>全部建筑（含分区和限高）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/heights/heights.py" line="157"/>
        <source>{layer} feature {fid}: {problem} (repaired on a copy)</source>
        <translation>{layer} 要素 {fid}：{problem}（已在副本上修复）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/life_circle/life_circle.py" line="36"/>
        <source>Walking minutes {entry!r}: write level=minutes, e.g. 社区=15</source>
        <translation>步行分钟数 {entry!r}：请按“级别=分钟”填写，例如 社区=15</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/life_circle/life_circle.py" line="60"/>
        <source>For each row of the plan's 社区—邻里—街坊 table (resources/measures/life_circle.yaml or your own file), the service area of its facilities over the street network with QGIS's native:serviceareafromlayer: the streets reachable within the level's minutes (社区 15, 邻里 10, 街坊 5) at the walking speed. A residential area reaches a row when a reachable street passes within the access distance of its edge; the result lists per area what it lacks. A network that leaves a facility or area unconnected stops with their names, unless the straight-line fallback is allowed; the report then says so.</source>
        <translation>对规划“社区—邻里—街坊”配置表（resources/measures/life_circle.yaml 或自定义文件）的每一项，用 QGIS 的 native:serviceareafromlayer 在道路网上计算其设施的服务范围：按步行速度在该级别分钟数（社区 15、邻里 10、街坊 5）内可达的道路。可达道路经过居住区边界接入距离范围内，即视为该居住区覆盖该项；结果列出每个居住区的缺项。道路网未连通某设施或居住区时，将列出其名称并停止，除非允许直线距离备用方法，此时报告会注明。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/life_circle/life_circle.py" line="97"/>
        <source>Life-circle table (the plan&apos;s if empty)</source>
        <translation>生活圈配置表（为空时用规划配置表）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/life_circle/life_circle.py" line="103"/>
        <source>Facility type field</source>
        <translation>设施类型字段</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/life_circle/life_circle.py" line="103"/>
        <source>Facility level field</source>
        <translation>设施级别字段</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/life_circle/life_circle.py" line="103"/>
        <source>Facility name field</source>
        <translation>设施名称字段</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/life_circle/life_circle.py" line="103"/>
        <source>Residential area name field</source>
        <translation>居住区名称字段</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/life_circle/life_circle.py" line="103"/>
        <source>Population field</source>
        <translation>人口字段</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/life_circle/life_circle.py" line="111"/>
        <source>Walking speed (km/h; the table&apos;s if empty)</source>
        <translation>步行速度（千米/小时；为空时用配置表的值）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/life_circle/life_circle.py" line="121"/>
        <source>Walking minutes per level (e.g. 社区=15, 邻里=10, 街坊=5; the table's if empty)</source>
        <translation>各级步行分钟数（如 社区=15, 邻里=10, 街坊=5；为空时用配置表的值）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/life_circle/life_circle.py" line="128"/>
        <source>Access distance (m): facility or area edge to its street</source>
        <translation>接入距离（米）：设施或居住区边界到道路</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/life_circle/life_circle.py" line="137"/>
        <source>Topology tolerance (m): line ends this close are joined</source>
        <translation>拓扑容差（米）：端点在此距离内的线视为相连</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/life_circle/life_circle.py" line="146"/>
        <source>Use straight-line distances when the network cannot be used</source>
        <translation>道路网不可用时使用直线距离</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/life_circle/life_circle.py" line="152"/>
        <source>Residential areas with what they lack</source>
        <translation>居住区及其缺项</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/life_circle/life_circle.py" line="157"/>
        <source>Service areas</source>
        <translation>服务范围</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/job.py" line="21"/>
        <source>The building height check was canceled: nothing was written</source>
        <translation>建筑高度控制检查已取消：未写出任何结果</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/job.py" line="22"/>
        <source>The life-circle analysis was canceled: nothing was written</source>
        <translation>15分钟社区生活圈分析已取消：未写出任何结果</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/measuring/charts.py" line="85"/>
        <source>matplotlib {version}</source>
        <translation>matplotlib {version}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/measuring/charts.py" line="86"/>
        <source>QGIS&apos;s Qt painter (matplotlib is not installed)</source>
        <translation>QGIS 自带的 Qt 绘图（未安装 matplotlib）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/measuring/charts.py" line="224"/>
        <source>Chart {path} could not be written</source>
        <translation>无法写入图表 {path}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/guidance/township_guidance.py" line="91"/>
        <source>Administrative area</source>
        <translation>行政区面积</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/guidance/township_guidance.py" line="48"/>
        <source>Township planning guidance</source>
        <translation>乡镇规划指引</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/guidance/outputs.py" line="68"/>
        <source>{city} (city total)</source>
        <translation>{city}（全市合计）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/guidance/outputs.py" line="74"/>
        <source>Township planning guidance table</source>
        <translation>乡镇规划指引表</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/guidance/outputs.py" line="133"/>
        <source>the city outline (layer XZQ)</source>
        <translation>市域界线（图层 XZQ）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/guidance/outputs.py" line="133"/>
        <source>the union of the townships (layer XZQ is missing)</source>
        <translation>各乡镇的合并范围（缺少图层 XZQ）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/guidance/outputs.py" line="141"/>
        <source>Generated by the Yongji Spatial Plan plugin from the plan&apos;s layers.</source>
        <translation>由永济国土空间规划插件根据规划图层生成。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/guidance/outputs.py" line="146"/>
        <source>City total measured over</source>
        <translation>全市合计的统计范围</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/guidance/outputs.py" line="149"/>
        <source>Areas in hectares (ha)</source>
        <translation>面积（公顷）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/guidance/outputs.py" line="150"/>
        <source>Areas in mu (1 mu = 10000/15 m²)</source>
        <translation>面积（亩，1亩 = 10000/15 平方米）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/guidance/outputs.py" line="151"/>
        <source>Townships add up to the city</source>
        <translation>各乡镇之和与全市合计</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/guidance/outputs.py" line="152"/>
        <source>Figure</source>
        <translation>统计项</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/guidance/outputs.py" line="153"/>
        <source>Sum of townships (ha)</source>
        <translation>各乡镇之和（公顷）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/guidance/outputs.py" line="154"/>
        <source>City (ha)</source>
        <translation>全市（公顷）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/guidance/outputs.py" line="155"/>
        <source>Difference (ha)</source>
        <translation>差值（公顷）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/guidance/outputs.py" line="156"/>
        <source>Within 0.01 ha</source>
        <translation>相差不超过 0.01 公顷</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/guidance/outputs.py" line="158"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/report.py" line="268"/>
        <source>Invalid geometries repaired on a copy</source>
        <translation>在副本上修复的无效几何</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/guidance/outputs.py" line="161"/>
        <source>Each layer&apos;s features are split by the township boundaries; a feature crossing two townships counts in each for its own part, and features of one layer that overlap count once.</source>
        <translation>各图层的图斑按乡镇界线分割：跨两个乡镇的图斑按各自部分分别计入，同一图层内相互重叠的图斑只计一次。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/check.py" line="117"/>
        <source>indicator {code}: township {township} is not in layer {layer}</source>
        <translation>指标 {code}：乡镇 {township} 不在图层 {layer} 中</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/check.py" line="125"/>
        <source>Indicator file {path} does not fit the data (townships: {names}):</source>
        <translation>指标文件 {path} 与数据不符（乡镇：{names}）：</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/check.py" line="141"/>
        <source>The indicator check</source>
        <translation>规划指标检查</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/check.py" line="203"/>
        <source>measured</source>
        <translation>测算值</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/check.py" line="203"/>
        <source>target {year}</source>
        <translation>{year}年目标值</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/check.py" line="238"/>
        <source>{name} target {year}</source>
        <translation>{name} {year}年目标值</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/check.py" line="239"/>
        <source>{name} ({code}) as drawn</source>
        <translation>{name}（{code}）图上面积</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/check.py" line="289"/>
        <source>sum of {count} township targets</source>
        <translation>{count} 个乡镇分解值之和</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/check.py" line="290"/>
        <source>city target {year}</source>
        <translation>全市{year}年目标值</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/outputs.py" line="28"/>
        <source>Indicator compliance</source>
        <translation>指标符合性</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/outputs.py" line="29"/>
        <source>Map–table consistency</source>
        <translation>图数一致性</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/outputs.py" line="30"/>
        <source>Breakdown consistency</source>
        <translation>分解一致性</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/report.py" line="91"/>
        <source>achieved</source>
        <translation>达标</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/report.py" line="91"/>
        <source>short of target</source>
        <translation>未达标</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/outputs.py" line="37"/>
        <source>consistent</source>
        <translation>一致</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/outputs.py" line="37"/>
        <source>inconsistent</source>
        <translation>不一致</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/outputs.py" line="41"/>
        <source>binding</source>
        <translation>约束性</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/outputs.py" line="41"/>
        <source>expected</source>
        <translation>预期性</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/outputs.py" line="45"/>
        <source>not below</source>
        <translation>不低于</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/outputs.py" line="45"/>
        <source>not above</source>
        <translation>不高于</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/report.py" line="91"/>
        <source>no target</source>
        <translation>无下达指标</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/outputs.py" line="54"/>
        <source>Check</source>
        <translation>检查类别</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/report.py" line="209"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/report.py" line="252"/>
        <source>City or township</source>
        <translation>市或乡镇</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/outputs.py" line="59"/>
        <source>Indicator or relation</source>
        <translation>指标或关系</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/report.py" line="231"/>
        <source>Binding or expected</source>
        <translation>约束性或预期性</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/outputs.py" line="231"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/report.py" line="253"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/outputs.py" line="63"/>
        <source>Value is</source>
        <translation>数值含义</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/report.py" line="222"/>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/report.py" line="221"/>
        <source>Reference</source>
        <translation>比较值</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/outputs.py" line="66"/>
        <source>Reference is</source>
        <translation>比较值含义</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/report.py" line="223"/>
        <source>Margin</source>
        <translation>余量</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/indicators/indicator_check.py" line="36"/>
        <source>Plan indicators</source>
        <translation>规划指标</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/outputs.py" line="78"/>
        <source>city</source>
        <translation>市</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/printing/atlases.py" line="184"/>
        <source>township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/outputs.py" line="112"/>
        <source>Targets handed down</source>
        <translation>下达指标数</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/outputs.py" line="113"/>
        <source>Binding targets missed</source>
        <translation>未达标约束性指标数</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/outputs.py" line="114"/>
        <source>Expected targets missed</source>
        <translation>未达标预期性指标数</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/outputs.py" line="118"/>
        <source>{name}: status</source>
        <translation>{name}：达标情况</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/outputs.py" line="126"/>
        <source>Indicator status of the townships {year}</source>
        <translation>{year}年各乡镇指标达标情况</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/report.py" line="40"/>
        <source>{value} (target {sign} {target}) {unit}</source>
        <translation>{value}（目标 {sign} {target}）{unit}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/report.py" line="64"/>
        <source>{city}: indicators against their {year} targets</source>
        <translation>{city}规划指标与{year}年目标</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/report.py" line="64"/>
        <source>value as % of target</source>
        <translation>实际值占目标值的百分比</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/report.py" line="91"/>
        <source>{name} {year}: townships against their targets</source>
        <translation>{name}：{year}年各乡镇与分解目标</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/report.py" line="176"/>
        <source>planar</source>
        <translation>平面</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/report.py" line="179"/>
        <source>as % of the unit&apos;s area</source>
        <translation>占行政区面积的百分比</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/report.py" line="206"/>
        <source>Generated by the Yongji Spatial Plan plugin from the plan&apos;s layers and indicator file.</source>
        <translation>由永济国土空间规划插件根据规划图层和指标文件生成。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/report.py" line="215"/>
        <source>Indicator file</source>
        <translation>指标文件</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/report.py" line="221"/>
        <source>Charts drawn with</source>
        <translation>图表绘制方式</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/report.py" line="213"/>
        <source>Charts and map for</source>
        <translation>图表和专题图年份</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/outputs.py" line="236"/>
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/report.py" line="227"/>
        <source>Indicators and how they are measured</source>
        <translation>指标及其测算方法</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/outputs.py" line="230"/>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/report.py" line="232"/>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/report.py" line="233"/>
        <source>Measured from</source>
        <translation>测算依据</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/report.py" line="234"/>
        <source>City targets</source>
        <translation>全市目标值</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/report.py" line="235"/>
        <source>binding targets missed</source>
        <translation>项约束性指标未达标</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/report.py" line="236"/>
        <source>expected targets missed</source>
        <translation>项预期性指标未达标</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/report.py" line="237"/>
        <source>A city or township achieves a year&apos;s targets when it meets every binding target handed down to it for that year.</source>
        <translation>市或乡镇达到当年下达的全部约束性指标即为达标。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/report.py" line="241"/>
        <source>The value measured from the data against the target, in the indicator&apos;s direction.</source>
        <translation>按指标方向，将由数据测算的数值与目标值比较。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/report.py" line="242"/>
        <source>The indicator table against the map: a layer&apos;s total as drawn against a target, or one target against another.</source>
        <translation>指标表与图件比较：图层实际面积与目标值比较，或两项目标值相互比较。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/report.py" line="246"/>
        <source>The townships&apos; targets together against the city&apos;s target.</source>
        <translation>各乡镇分解值之和与全市目标值比较。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/report.py" line="241"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/report.py" line="249"/>
        <source>Left side</source>
        <translation>左侧</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/report.py" line="250"/>
        <source>Right side</source>
        <translation>右侧</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/report.py" line="251"/>
        <source>Sum of township targets</source>
        <translation>乡镇分解值之和</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/report.py" line="252"/>
        <source>City target</source>
        <translation>全市目标值</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/definitions.py" line="145"/>
        <source>Indicator file {path}: unknown indicator code {code} (known: {codes})</source>
        <translation>指标文件 {path}：未知的指标代码 {code}（已有：{codes}）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/definitions.py" line="177"/>
        <source>Indicator file {path} is not valid:</source>
        <translation>指标文件 {path} 有误：</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/definitions.py" line="212"/>
        <source>the file must be a mapping with a list of indicators</source>
        <translation>文件须为含指标列表的映射</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/definitions.py" line="216"/>
        <source>indicators must be a non-empty list</source>
        <translation>indicators 须为非空列表</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/definitions.py" line="221"/>
        <source>indicator {code}: the code is used more than once</source>
        <translation>指标 {code}：代码重复使用</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/definitions.py" line="228"/>
        <source>consistency must be a list</source>
        <translation>consistency 须为列表</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/definitions.py" line="242"/>
        <source>consistency check {id}: the id is used more than once</source>
        <translation>一致性检查 {id}：编号重复使用</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/definitions.py" line="250"/>
        <source>indicator {number} must be a mapping</source>
        <translation>第 {number} 项指标须为映射</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/definitions.py" line="253"/>
        <source>indicator {code}: {problem}</source>
        <translation>指标 {code}：{problem}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/definitions.py" line="263"/>
        <source>the code must be 1–7 ASCII letters, digits or _, starting with a letter (it names output fields)</source>
        <translation>代码须为 1–7 个 ASCII 字母、数字或 _，并以字母开头（用作输出字段名）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/definitions.py" line="267"/>
        <source>key name must be text</source>
        <translation>键 name 须为文本</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/definitions.py" line="269"/>
        <source>kind {value} is not 约束性 or 预期性</source>
        <translation>属性 {value} 不是“约束性”或“预期性”</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/definitions.py" line="271"/>
        <source>direction {value} is not 不低于 or 不高于</source>
        <translation>方向 {value} 不是“不低于”或“不高于”</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/definitions.py" line="277"/>
        <source>a share is measured in %, not {unit}</source>
        <translation>比例指标的单位应为 %，而不是 {unit}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/definitions.py" line="279"/>
        <source>unit {unit} is not an area unit (known: {units}) and the measure is no share</source>
        <translation>单位 {unit} 不是面积单位（可用：{units}），且测算方式不是比例</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/definitions.py" line="285"/>
        <source>targets</source>
        <translation>目标值</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/definitions.py" line="289"/>
        <source>townships must map township names to their targets</source>
        <translation>townships 须为乡镇名称到目标值的映射</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/definitions.py" line="292"/>
        <source>township {name}</source>
        <translation>乡镇 {name}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/definitions.py" line="294"/>
        <source>measure: {problem}</source>
        <translation>测算方式：{problem}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/definitions.py" line="318"/>
        <source>{where} must map years ({years}) to numbers</source>
        <translation>{where} 须为年份（{years}）到数值的映射</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/definitions.py" line="322"/>
        <source>{where}: year {year} is not one of {years}</source>
        <translation>{where}：年份 {year} 不是 {years} 之一</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/definitions.py" line="328"/>
        <source>{where}: the {year} target {value} is not a number of at least 0</source>
        <translation>{where}：{year}年目标值 {value} 不是不小于 0 的数值</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/definitions.py" line="338"/>
        <source>must be a mapping with a layer</source>
        <translation>须为含 layer 的映射</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/definitions.py" line="347"/>
        <source>key layer is missing</source>
        <translation>缺少键 layer</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/definitions.py" line="354"/>
        <source>layer {code} ({name}) is not a polygon layer</source>
        <translation>图层 {code}（{name}）不是面图层</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/definitions.py" line="356"/>
        <source>method {method} is not planar or ellipsoidal</source>
        <translation>计算方法 {method} 不是 planar 或 ellipsoidal</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/definitions.py" line="368"/>
        <source>filter must be a QGIS expression</source>
        <translation>filter 须为 QGIS 表达式</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/definitions.py" line="381"/>
        <source>filter {expr} reads field {field}, which layer {code} does not have</source>
        <translation>筛选条件 {expr} 读取字段 {field}，而图层 {code} 没有该字段</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/definitions.py" line="391"/>
        <source>must be {{indicator: code}} or a layer total {{layer, filter}}</source>
        <translation>须为 {{indicator: 代码}} 或图层面积 {{layer, filter}}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/definitions.py" line="394"/>
        <source>an indicator side holds only the key indicator</source>
        <translation>指标一侧只能含键 indicator</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/definitions.py" line="397"/>
        <source>unknown indicator code {code}</source>
        <translation>未知的指标代码 {code}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/definitions.py" line="399"/>
        <source>indicator {code} is a share (%), not an area</source>
        <translation>指标 {code} 是比例（%），不是面积</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/definitions.py" line="406"/>
        <source>consistency check {number} must be a mapping</source>
        <translation>第 {number} 项一致性检查须为映射</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/definitions.py" line="411"/>
        <source>relation {value} is not &gt;= or &lt;=</source>
        <translation>关系 {value} 不是 &gt;= 或 &lt;=</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/definitions.py" line="413"/>
        <source>key label must be text</source>
        <translation>键 label 须为文本</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/definitions.py" line="419"/>
        <source>at least one side must be an indicator&apos;s target</source>
        <translation>至少一侧须为指标目标值</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/definitions.py" line="420"/>
        <source>consistency check {id}: {problem}</source>
        <translation>一致性检查 {id}：{problem}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/measuring/table_files.py" line="22"/>
        <source>Table file {path} must end in .csv or .xlsx</source>
        <translation>表格文件 {path} 的扩展名须为 .csv 或 .xlsx</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/measuring/table_files.py" line="36"/>
        <source>Table {path} could not be written: {error}</source>
        <translation>无法写入表格 {path}：{error}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/measuring/table_files.py" line="39"/>
        <source>Table {path} holds {written} of {total} rows</source>
        <translation>表格 {path} 只有 {total} 行中的 {written} 行</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/guidance/township_guidance.py" line="51"/>
        <source>Township guidance file {path} is not valid: township_figures must be a non-empty list</source>
        <translation>乡镇规划指引文件 {path} 有误：township_figures 须为非空列表</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/guidance/township_guidance.py" line="61"/>
        <source>figure {key}: the key is used more than once</source>
        <translation>统计项 {key}：键重复使用</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/guidance/township_guidance.py" line="65"/>
        <source>Township guidance file {path} is not valid:</source>
        <translation>乡镇规划指引文件 {path} 有误：</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/guidance/township_guidance.py" line="81"/>
        <source>figure {number} must be a mapping</source>
        <translation>第 {number} 个统计项须为映射</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/guidance/township_guidance.py" line="86"/>
        <source>the key must be 1–7 ASCII letters or digits, starting with a letter (it names output fields)</source>
        <translation>键须为 1–7 个 ASCII 字母或数字，并以字母开头（用作输出字段名）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/rules.py" line="105"/>
        <source>layer {code} is not a polygon layer</source>
        <translation>图层 {code} 不是面图层</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/rules.py" line="115"/>
        <source>filter {expr} is not a valid expression</source>
        <translation>筛选条件 {expr} 不是有效的表达式</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/guidance/township_guidance.py" line="99"/>
        <source>figure {key}: {problem}</source>
        <translation>统计项 {key}：{problem}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/measuring/unit_areas.py" line="68"/>
        <source>{purpose} needs layer {name} ({code}), which is missing</source>
        <translation>{purpose}需要图层 {name}（{code}），但该图层缺失</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/measuring/unit_areas.py" line="80"/>
        <source>Layer {name} {problem}</source>
        <translation>图层 {name} {problem}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/measuring/unit_areas.py" line="83"/>
        <source>Layer {name} lacks field {field}</source>
        <translation>图层 {name} 缺少字段 {field}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/measuring/unit_areas.py" line="103"/>
        <source>Layer {name} has no township polygons</source>
        <translation>图层 {name} 中没有乡镇面</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/measuring/unit_areas.py" line="105"/>
        <source>(no name) feature {fid}</source>
        <translation>（无名称）要素 {fid}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/measuring/unit_areas.py" line="110"/>
        <source>Layer {name} names more than one township {township}; each needs its own {field}</source>
        <translation>图层 {name} 中有多个乡镇名为 {township}；每个乡镇的 {field} 须各不相同</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/run.py" line="148"/>
        <source>City</source>
        <translation>全市</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/measuring/unit_areas.py" line="302"/>
        <source>Layer {name} lacks field {field}, which the filter {expr} reads</source>
        <translation>图层 {name} 缺少筛选条件 {expr} 所读取的字段 {field}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/printing/result_sheets.py" line="47"/>
        <source>No result map sheet {kind} is declared in map_sheets.yaml</source>
        <translation>map_sheets.yaml 中未声明成果专题图 {kind}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/printing/result_sheets.py" line="49"/>
        <source>The map sheet {kind} needs a result layer with features</source>
        <translation>专题图 {kind} 需要含要素的成果图层</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/printing/result_sheets.py" line="68"/>
        <source>Chart {path} for the map sheet is missing</source>
        <translation>专题图所需的图表 {path} 缺失</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/monitoring/dialog.py" line="49"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/guidance/dialog.py" line="60"/>
        <source>{count} townships measured ({method}); table and report in {folder}</source>
        <translation>已统计 {count} 个乡镇（{method}）；表格和报告位于 {folder}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/guidance/dialog.py" line="69"/>
        <source>The townships do not add up to the city for {figures} (up to {diff:.4f} ha): run the plan data quality check</source>
        <translation>{figures}的各乡镇之和与全市合计不符（最多相差 {diff:.4f} 公顷）：请运行规划成果质检</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/monitoring/dialog.py" line="51"/>
        <source>Choose an indicator file</source>
        <translation>选择指标文件</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/indicators/dialog.py" line="53"/>
        <source>Indicator files (*.yaml *.yml)</source>
        <translation>指标文件 (*.yaml *.yml)</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/indicators/dialog.py" line="90"/>
        <source>Tick at least one indicator</source>
        <translation>请至少勾选一项指标</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/indicators/dialog.py" line="125"/>
        <source>{year}: the city {city}; {count} of {total} townships miss a binding target{names}</source>
        <translation>{year}年：全市{city}；{total} 个乡镇中有 {count} 个约束性指标未达标{names}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/indicators/dialog.py" line="125"/>
        <source>achieves its targets</source>
        <translation>达标</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/indicators/dialog.py" line="125"/>
        <source>misses a binding target</source>
        <translation>有约束性指标未达标</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/shared/plan_inputs.py" line="62"/>
        <source>The project lacks plan layers {names}: load the plan layers first</source>
        <translation>项目中缺少规划图层 {names}：请先加载规划图层</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/indicators/indicator_check.py" line="39"/>
        <source>Measures each indicator of the indicator file from the plan layers, for the city and each township, and judges it three ways for 2025 and 2035: against its target (indicator compliance, achieved or short of target), the map against the indicator table (layer totals against targets, e.g. cultivated land in DLTB not below the farmland protection target), and the townships&apos; targets against the city&apos;s (breakdown). Outputs every judgement as a table, the townships coloured by status for the chosen year, an HTML/PDF report with bar charts and the indicator map sheet.</source>
        <translation>由规划图层逐项测算指标文件中的指标（全市和各乡镇），并按 2025 年和 2035 年分三类判定：与目标值比较（指标符合性，达标或未达标）；图件与指标表比较（图层面积与目标值比较，如三调耕地面积不低于耕地保有量）；各乡镇分解值与全市目标比较（分解一致性）。输出全部判定结果表、按所选年份达标情况着色的乡镇图层、含柱状图的 HTML/PDF 报告以及规划指标达标情况图。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/monitoring/monitoring.py" line="126"/>
        <source>Indicator file (the plugin&apos;s if empty)</source>
        <translation>指标文件（为空时用插件自带文件）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/indicators/indicator_check.py" line="56"/>
        <source>Indicator codes to check, comma-separated (all if empty)</source>
        <translation>要检查的指标代码，以逗号分隔（为空时检查全部）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/indicators/indicator_check.py" line="61"/>
        <source>Year of the township layer, charts and map sheet</source>
        <translation>乡镇图层、图表和专题图的年份</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/indicators/indicator_check.py" line="70"/>
        <source>Indicator judgements</source>
        <translation>指标判定结果</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/indicators/indicator_check.py" line="75"/>
        <source>Township indicator status</source>
        <translation>乡镇指标达标情况</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/indicators/indicator_check.py" line="83"/>
        <source>Report (HTML; a PDF and the charts are written beside it)</source>
        <translation>报告（HTML，同目录另存 PDF 和图表）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/indicators/indicator_check.py" line="84"/>
        <source>Indicator map sheet (PDF or PNG)</source>
        <translation>规划指标达标情况图（PDF 或 PNG）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/monitoring/monitoring.py" line="149"/>
        <source>PDF files (*.pdf);;PNG files (*.png)</source>
        <translation>PDF 文件 (*.pdf);;PNG 文件 (*.png)</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/indicators/indicator_check.py" line="125"/>
        <source>{unit} {year}: {count} binding targets missed</source>
        <translation>{unit} {year}年：{count} 项约束性指标未达标</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/indicators/indicator_check.py" line="130"/>
        <source>Charts drawn with {painter}</source>
        <translation>图表绘制方式：{painter}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/guidance/township_guidance.py" line="31"/>
        <source>Per township (乡镇级行政区, XZQ_XZ), the areas of the figures declared in the township guidance file (default: cultivated land, permanent basic farmland, ecological protection red line, urban development boundary, construction land) in m², ha and mu. Features crossing township borders are split by them; overlapping features of one layer count once. The table ends with the city total, measured over the city outline; the townships must add up to it within 0.01 ha, and the log says where they do not.</source>
        <translation>逐乡镇（乡镇级行政区 XZQ_XZ）统计乡镇规划指引文件中声明的各项面积（默认：耕地、永久基本农田、生态保护红线、城镇开发边界、建设用地），以平方米、公顷和亩列出。跨乡镇界线的图斑按界线分割；同一图层内相互重叠的图斑只计一次。表格最后一行为按市域界线统计的全市合计；各乡镇之和与全市合计相差不得超过 0.01 公顷，不符时在日志中列出。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/guidance/township_guidance.py" line="42"/>
        <source>Township guidance file (default figures if empty)</source>
        <translation>乡镇规划指引文件（为空时用默认统计项）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/guidance/township_guidance.py" line="53"/>
        <source>Table with the city total (CSV)</source>
        <translation>含全市合计的表格（CSV）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/guidance/township_guidance.py" line="53"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/guidance/township_guidance.py" line="54"/>
        <source>Table with the city total (XLSX)</source>
        <translation>含全市合计的表格（XLSX）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/guidance/township_guidance.py" line="54"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/guidance/township_guidance.py" line="82"/>
        <source>{count} townships measured ({method})</source>
        <translation>已统计 {count} 个乡镇（{method}）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/guidance/township_guidance.py" line="92"/>
        <source>{figure}: the townships add up to {sum:.4f} ha, the city measures {city:.4f} ha</source>
        <translation>{figure}：各乡镇之和为 {sum:.4f} 公顷，全市合计为 {city:.4f} 公顷</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/job.py" line="61"/>
        <source>The indicator check was canceled: nothing was written</source>
        <translation>规划指标检查已取消：未写出任何结果</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/guidance/job.py" line="36"/>
        <source>Township planning guidance was canceled: nothing was written</source>
        <translation>乡镇规划指引已取消：未写出任何结果</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/measuring/unit_areas.py" line="258"/>
        <source>Layer {name} is not a polygon layer, so it has no area to measure</source>
        <translation>图层 {name} 不是面图层，无法统计面积</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/measuring/unit_areas.py" line="271"/>
        <source>The filter {expr} chooses no feature of layer {name}: its areas are 0</source>
        <translation>筛选条件 {expr} 在图层 {name} 中未选中任何要素：其面积均为 0</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/measuring/unit_areas.py" line="274"/>
        <source>Layer {name} has no features: its areas are 0</source>
        <translation>图层 {name} 没有要素：其面积均为 0</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="79"/>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_data/postgis_catalogue.py" line="63"/>
        <source>PostGIS connection {name} has no schema {schema}</source>
        <translation>PostGIS 连接 {name} 中没有模式 {schema}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/areas.py" line="52"/>
        <source>Neither version has the townships layer: areas are not split by township</source>
        <translation>两个版本都没有乡镇级行政区图层：面积未按乡镇划分</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/areas.py" line="55"/>
        <source>The townships layer lacks XZQMC: areas are not split by township</source>
        <translation>乡镇级行政区图层缺少 XZQMC 字段：面积未按乡镇划分</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/areas.py" line="57"/>
        <source>the later version</source>
        <translation>新版本</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/areas.py" line="57"/>
        <source>the earlier version</source>
        <translation>旧版本</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/areas.py" line="58"/>
        <source>Areas are split by the townships (XZQ_XZ) of {version}</source>
        <translation>面积按{version}的乡镇级行政区（XZQ_XZ）划分</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/areas.py" line="60"/>
        <source> (the other version has none)</source>
        <translation>（另一版本没有该图层）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/compare.py" line="60"/>
        <source>GeoPackage {path}</source>
        <translation>GeoPackage {path}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/compare.py" line="62"/>
        <source>Shapefile folder {path}</source>
        <translation>Shapefile 文件夹 {path}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/compare.py" line="68"/>
        <source>PostGIS connection {name}, schema {schema}</source>
        <translation>PostGIS 连接 {name}，模式 {schema}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/compare.py" line="69"/>
        <source>PostGIS connection {name}</source>
        <translation>PostGIS 连接 {name}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/compare.py" line="77"/>
        <source>{source} holds no layer of the plan catalogue</source>
        <translation>{source} 中没有规划图层目录中的图层</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/compare.py" line="109"/>
        <source>Layer {name} ({code}) of the {version} {problems}</source>
        <translation>{version}的图层 {name}（{code}）{problems}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/compare.py" line="132"/>
        <source>Neither version holds a layer of the plan catalogue</source>
        <translation>两个版本都没有规划图层目录中的图层</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/compare.py" line="182"/>
        <source>key field {field} is missing from a version: features were paired by geometry</source>
        <translation>有一个版本缺少标识字段 {field}：要素按几何对应</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/compare.py" line="189"/>
        <source>class field {field} is missing from a version: areas are counted for the whole layer</source>
        <translation>有一个版本缺少分类字段 {field}：面积按整个图层统计</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/compare.py" line="203"/>
        <source>{count} features of the {version} have no geometry and are not compared</source>
        <translation>{version}中有 {count} 个要素没有几何图形，未参与比较</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/matching.py" line="100"/>
        <source>{empty} features without a key value and {repeated} sharing a key value were paired by geometry</source>
        <translation>{empty} 个没有标识值的要素和 {repeated} 个标识值重复的要素按几何对应</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/versions/compare_versions.py" line="182"/>
        <source>earlier version</source>
        <translation>旧版本</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/versions/compare_versions.py" line="182"/>
        <source>later version</source>
        <translation>新版本</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/model.py" line="67"/>
        <source>{name} ({version})</source>
        <translation>{name}（{version}）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/outputs.py" line="51"/>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/outputs.py" line="52"/>
        <source>removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/outputs.py" line="53"/>
        <source>geometry changed</source>
        <translation>几何变更</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/outputs.py" line="54"/>
        <source>attributes changed</source>
        <translation>属性变更</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/outputs.py" line="55"/>
        <source>geometry and attributes changed</source>
        <translation>几何和属性变更</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/outputs.py" line="61"/>
        <source>in both versions</source>
        <translation>两个版本均有</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/outputs.py" line="62"/>
        <source>only in the earlier version</source>
        <translation>仅旧版本有</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/outputs.py" line="63"/>
        <source>only in the later version</source>
        <translation>仅新版本有</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/outputs.py" line="64"/>
        <source>in neither version</source>
        <translation>两个版本均无</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/outputs.py" line="71"/>
        <source>geometry</source>
        <translation>几何</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/outputs.py" line="77"/>
        <source>(whole layer)</source>
        <translation>（整个图层）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/outputs.py" line="79"/>
        <source>(no class)</source>
        <translation>（无分类）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/outputs.py" line="85"/>
        <source>(outside the townships)</source>
        <translation>（乡镇范围外）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/outputs.py" line="95"/>
        <source>Layer code</source>
        <translation>图层代码</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/outputs.py" line="103"/>
        <source>Township code</source>
        <translation>乡镇代码</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/versions/compare_versions.py" line="158"/>
        <source>Area gained</source>
        <translation>增加</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/versions/compare_versions.py" line="158"/>
        <source>Area lost</source>
        <translation>减少</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/outputs.py" line="108"/>
        <source>Net change</source>
        <translation>净变化</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/outputs.py" line="124"/>
        <source>Features in the earlier version</source>
        <translation>旧版本要素数</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/outputs.py" line="125"/>
        <source>Features in the later version</source>
        <translation>新版本要素数</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="69"/>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="70"/>
        <source>Removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="71"/>
        <source>Geometry changed</source>
        <translation>几何变更</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/versions/compare_versions.py" line="158"/>
        <source>Attributes changed</source>
        <translation>属性变更</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/outputs.py" line="130"/>
        <source>Geometry and attributes changed</source>
        <translation>几何和属性变更</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="74"/>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="65"/>
        <source>Presence</source>
        <translation>图层存在情况</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="66"/>
        <source>Matched by</source>
        <translation>对应方式</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="90"/>
        <source>Fields only in the earlier version</source>
        <translation>仅旧版本有的字段</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="91"/>
        <source>Fields only in the later version</source>
        <translation>仅新版本有的字段</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="89"/>
        <source>Notes</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="84"/>
        <source>Change</source>
        <translation>变更类型</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="85"/>
        <source>Key</source>
        <translation>标识</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/outputs.py" line="196"/>
        <source>Feature id in the earlier version</source>
        <translation>旧版本要素号</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/outputs.py" line="196"/>
        <source>Feature id in the later version</source>
        <translation>新版本要素号</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/outputs.py" line="196"/>
        <source>Class in the earlier version</source>
        <translation>旧版本分类</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/outputs.py" line="196"/>
        <source>Class in the later version</source>
        <translation>新版本分类</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="86"/>
        <source>Changed fields</source>
        <translation>变更字段</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/outputs.py" line="196"/>
        <source>Values in the earlier version</source>
        <translation>旧版本取值</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/outputs.py" line="196"/>
        <source>Values in the later version</source>
        <translation>新版本取值</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/outputs.py" line="196"/>
        <source>Area in the earlier version</source>
        <translation>旧版本面积</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/outputs.py" line="196"/>
        <source>Area in the later version</source>
        <translation>新版本面积</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/outputs.py" line="196"/>
        <source>X (easting)</source>
        <translation>X（横坐标）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/outputs.py" line="196"/>
        <source>Y (northing)</source>
        <translation>Y（纵坐标）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/versions/compare_versions.py" line="158"/>
        <source>Changes per layer</source>
        <translation>各图层变更汇总</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/versions/compare_versions.py" line="158"/>
        <source>Area changes per class and township</source>
        <translation>分类分乡镇面积增减</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/versions/compare_versions.py" line="158"/>
        <source>Changed features</source>
        <translation>变更要素</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="336"/>
        <source>Plan version comparison report</source>
        <translation>规划版本对比报告</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="40"/>
        <source>Generated by the Yongji Spatial Plan plugin. Check both data sources before signing; demo data is illustrative, not official.</source>
        <translation>由永济国土空间规划插件生成。签字前请核对两个版本的数据来源；演示数据仅供示意，非官方成果。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="44"/>
        <source>Versions compared</source>
        <translation>对比的版本</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/versions/compare_versions.py" line="148"/>
        <source>Earlier version</source>
        <translation>旧版本</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/versions/compare_versions.py" line="148"/>
        <source>Later version</source>
        <translation>新版本</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="56"/>
        <source>Distance tolerance</source>
        <translation>距离容差</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="57"/>
        <source>Pairing of features</source>
        <translation>要素对应方式</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="58"/>
        <source>Areas gained and lost</source>
        <translation>面积增减</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="59"/>
        <source>Townships</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="67"/>
        <source>Earlier</source>
        <translation>旧版本</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="68"/>
        <source>Later</source>
        <translation>新版本</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="73"/>
        <source>Both changed</source>
        <translation>几何和属性变更</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="75"/>
        <source>Gained</source>
        <translation>增加</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="76"/>
        <source>Lost</source>
        <translation>减少</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="77"/>
        <source>Net</source>
        <translation>净变化</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="81"/>
        <source>Area gained and lost per class</source>
        <translation>各分类面积增减</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="82"/>
        <source>Per class and township</source>
        <translation>分类分乡镇</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="87"/>
        <source>Earlier value</source>
        <translation>旧值</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="88"/>
        <source>Later value</source>
        <translation>新值</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="92"/>
        <source>Change map</source>
        <translation>变更图</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="93"/>
        <source>Change map sheet</source>
        <translation>变更图幅</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="98"/>
        <source>The two versions are the same: no layer changed.</source>
        <translation>两个版本相同：没有图层发生变更。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="99"/>
        <source>… and {count} more (all are in the changed-features layer)</source>
        <translation>……另有 {count} 个（全部列在变更要素表中）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="102"/>
        <source>CGCS2000 / 3-degree Gauss-Kruger CM 111E</source>
        <translation>2000国家大地坐标系 高斯-克吕格投影 3度带 中央经线111°</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="109"/>
        <source>by the catalogue's key field where the layer has one (BSM 标识码 and others, see the table); otherwise by geometry: identical geometries first, then polygons overlapping by at least {overlap:.0%} of their union, lines within a Hausdorff distance of {distance} m and points within {distance} m, best first, one to one</source>
        <translation>图层目录规定了标识字段的（如标识码 BSM，见上表），按标识字段对应；否则按几何对应：先对应相同的图形，再对应重叠面积不低于两者并集 {overlap:.0%} 的面、豪斯多夫距离不超过 {distance} 米的线和距离不超过 {distance} 米的点，优者先配，一一对应</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="115"/>
        <source>gained = later − earlier and lost = earlier − later, as differences of the unions of each class's features (overlaps counted once); polygons whose symmetric difference is below the area tolerance are unchanged</source>
        <translation>增加 = 新版本 − 旧版本，减少 = 旧版本 − 新版本，按各分类要素合并图形求差（重叠只计一次）；对称差面积小于面积容差的面视为未变</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="240"/>
        <source>Gained (polygons) / added (points, lines)</source>
        <translation>增加（面）/ 新增（点、线）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="241"/>
        <source>Lost (polygons, hatched) / removed (points, lines)</source>
        <translation>减少（面，斜线填充）/ 删除（点、线）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="242"/>
        <source>Attributes (or geometry of lines and points) changed</source>
        <translation>属性变更（点、线：几何变更）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="243"/>
        <source>The layer in the later version (faded)</source>
        <translation>新版本图层（淡显）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="312"/>
        <source>{layer}: change map</source>
        <translation>{layer}变更图</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/versions/dialog.py" line="130"/>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/versions/dialog.py" line="130"/>
        <source>Cancel comparison</source>
        <translation>取消对比</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/versions/dialog.py" line="146"/>
        <source>Choose the source of the {version}</source>
        <translation>请选择{version}的数据源</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/versions/dialog.py" line="148"/>
        <source>The earlier and the later version are the same source</source>
        <translation>旧版本和新版本是同一个数据源</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/versions/dialog.py" line="151"/>
        <source>Tick at least one layer</source>
        <translation>请至少勾选一个图层</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/versions/dialog.py" line="171"/>
        <source>Comparing…</source>
        <translation>正在对比…</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/versions/dialog.py" line="182"/>
        <source>Plan version comparison</source>
        <translation>规划版本对比</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/versions/dialog.py" line="189"/>
        <source>{changed} of {total} layers changed</source>
        <translation>{total} 个图层中有 {changed} 个发生变更</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/versions/compare_versions.py" line="224"/>
        <source>The two versions are the same: no layer changed</source>
        <translation>两个版本相同：没有图层发生变更</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/versions/compare_versions.py" line="52"/>
        <source>Compare plan versions</source>
        <translation>规划版本对比</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/versions/compare_versions.py" line="72"/>
        <source>{version}: source type</source>
        <translation>{version}：数据源类型</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/versions/compare_versions.py" line="86"/>
        <source>{version}: PostGIS schema (every schema if empty)</source>
        <translation>{version}：PostGIS 模式（留空为全部模式）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/versions/compare_versions.py" line="107"/>
        <source>Layers to compare (all if empty)</source>
        <translation>要对比的图层（留空为全部）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/versions/compare_versions.py" line="117"/>
        <source>Area tolerance (m²): smaller differences are no change</source>
        <translation>面积容差（平方米）：更小的差异不算变更</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/versions/compare_versions.py" line="117"/>
        <source>Distance tolerance for lines and points (m)</source>
        <translation>线和点的距离容差（米）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/versions/compare_versions.py" line="117"/>
        <source>Pairing by geometry: least overlap of polygons (share of their union)</source>
        <translation>按几何对应：面的最小重叠（占并集的比例）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/versions/compare_versions.py" line="117"/>
        <source>Pairing by geometry: farthest distance of lines and points (m)</source>
        <translation>按几何对应：线和点的最大距离（米）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/versions/compare_versions.py" line="148"/>
        <source>Townships that split the areas</source>
        <translation>划分面积所用的乡镇</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/versions/compare_versions.py" line="174"/>
        <source>Report (HTML; a PDF, the change maps and a change map sheet per changed layer are written beside it)</source>
        <translation>报告（HTML；同目录下另写 PDF、变更图和每个变更图层的变更图幅）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/versions/compare_versions.py" line="182"/>
        <source>No source given for the {version}</source>
        <translation>未指定{version}的数据源</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/job.py" line="42"/>
        <source>The version comparison was canceled: nothing was written</source>
        <translation>版本对比已取消：未写出任何结果</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/printing/atlases.py" line="86"/>
        <source>This site</source>
        <translation>本项目位置</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/use_fit.py" line="57"/>
        <source>Site layer {layer} has no use field ({fields}): {titles} is not applicable to its sites</source>
        <translation>用地红线图层 {layer} 没有用途字段（{fields}）：{titles}对其地块不适用</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/farmland.py" line="28"/>
        <source>耕地, gross</source>
        <translation>耕地（毛面积）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/farmland.py" line="29"/>
        <source>田坎 deducted</source>
        <translation>扣除田坎</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/farmland.py" line="30"/>
        <source>耕地, net of 田坎</source>
        <translation>耕地（扣除田坎后净面积）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/farmland.py" line="31"/>
        <source>of which 永久基本农田, gross</source>
        <translation>其中永久基本农田（毛面积）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/farmland.py" line="32"/>
        <source>of which 永久基本农田, net of 田坎</source>
        <translation>其中永久基本农田（扣除田坎后净面积）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_data/tiankan.py" line="43"/>
        <source>Layer {layer}, feature {fid}: 田坎 coefficient {value} is not a fraction between 0 and 1 (KCXS, or KCMJ / TBMJ)</source>
        <translation>图层 {layer} 要素 {fid}：田坎系数 {value} 不是 0 到 1 之间的小数（KCXS，或 KCMJ / TBMJ）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/farmland.py" line="66"/>
        <source>{count} 耕地 parcels of {layer} under the sites carry no 田坎 deduction (KCXS or KCMJ and TBMJ): their net area equals their gross area</source>
        <translation>地块下 {layer} 中有 {count} 个耕地图斑没有田坎扣除信息（KCXS，或 KCMJ 和 TBMJ）：其净面积按毛面积计</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/use_fit.py" line="78"/>
        <source>{rule}: project use</source>
        <translation>{rule}：项目用途</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/use_fit.py" line="79"/>
        <source>{rule}: share of the site whose planned use fits (%)</source>
        <translation>{rule}：规划用途相符部分占地块比例（%）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/outputs.py" line="77"/>
        <source>Assessment</source>
        <translation>判定</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/result_styles.py" line="21"/>
        <source>needs 论证</source>
        <translation>需论证</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/outputs.py" line="129"/>
        <source>: {note}</source>
        <translation>：{note}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/use_fit.py" line="144"/>
        <source>Use fit</source>
        <translation>用途相符</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/farmland.py" line="120"/>
        <source>耕地 net of 田坎</source>
        <translation>耕地净面积</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="155"/>
        <source>{title} (needs 论证)</source>
        <translation>{title}（需论证）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/use_fit.py" line="96"/>
        <source>the planned use under the site must fit the project&apos;s use (compatibility table {table})</source>
        <translation>地块所在的规划用途须与项目用途相符（兼容性表 {table}）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/farmland.py" line="93"/>
        <source>耕地 taken, gross and net of 田坎, 永久基本农田 apart (no verdict)</source>
        <translation>占用耕地面积，含毛面积与扣除田坎后净面积，其中永久基本农田单列（不作判定）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/use_fit.py" line="162"/>
        <source>not applicable: {note}</source>
        <translation>不适用：{note}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/use_fit.py" line="163"/>
        <source>{share:.2f}% of the site fits</source>
        <translation>地块 {share:.2f}% 的面积用途相符</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/use_fit.py" line="165"/>
        <source>does not fit: non-compliant</source>
        <translation>用途不符：不合规</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/use_fit.py" line="167"/>
        <source>fits only after 论证 (demonstration)</source>
        <translation>经论证后方可相符</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/use_fit.py" line="27"/>
        <source>fits</source>
        <translation>相符</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/use_fit.py" line="134"/>
        <source>{title}: project use {use} against the planned use</source>
        <translation>{title}：项目用途 {use} 与规划用途对照</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/use_fit.py" line="137"/>
        <source>Planned class</source>
        <translation>规划用地类别</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/farmland.py" line="109"/>
        <source>{title}: 耕地 under the site, gross and net of 田坎</source>
        <translation>{title}：地块内耕地（毛面积及扣除田坎后净面积）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/farmland.py" line="113"/>
        <source>耕地 (DLBM {codes})</source>
        <translation>耕地（DLBM {codes}）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/use_fit.py" line="49"/>
        <source>use_table {table} is not a file under resources/</source>
        <translation>use_table {table} 不是 resources/ 下的文件</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/use_compat.py" line="55"/>
        <source>Compatibility table {table}: {where} must be a list of codes</source>
        <translation>兼容性表 {table}：{where} 必须是代码列表</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/use_compat.py" line="69"/>
        <source>Compatibility table {table} needs a mapping uses: {{code: {{fits: [...]}}}}</source>
        <translation>兼容性表 {table} 需要映射 uses: {{code: {{fits: [...]}}}}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/use_compat.py" line="75"/>
        <source>Compatibility table {table}: use {code} needs fits (and may have review)</source>
        <translation>兼容性表 {table}：用途 {code} 需要 fits（可另有 review）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/use_fit.py" line="28"/>
        <source>needs 论证 (demonstration)</source>
        <translation>需论证</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/use_fit.py" line="29"/>
        <source>does not fit</source>
        <translation>不相符</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/use_fit.py" line="30"/>
        <source>no planned use</source>
        <translation>无规划用途</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/use_fit.py" line="31"/>
        <source>not judged</source>
        <translation>未判定</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/use_fit.py" line="42"/>
        <source>the site layer has no use field ({fields}); give the project's use to judge 规划用途符合性</source>
        <translation>用地红线图层没有用途字段（{fields}）；须提供项目用途才能判定规划用途符合性</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/use_fit.py" line="46"/>
        <source>the site has no use (the use field is empty)</source>
        <translation>地块没有用途（用途字段为空）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/use_fit.py" line="49"/>
        <source>use {use} is not a 用地用海分类 code or class name</source>
        <translation>用途 {use} 不是用地用海分类代码或类别名称</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/use_fit.py" line="52"/>
        <source>use {use} has no entry in the compatibility table {table}</source>
        <translation>用途 {use} 在兼容性表 {table} 中没有条目</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/use_fit.py" line="91"/>
        <source>(no planned class)</source>
        <translation>（无规划用地类别）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/use_fit.py" line="111"/>
        <source>no planned land use under the site (it lies outside {layer})</source>
        <translation>地块下没有规划用地（位于{layer}范围外）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/use_fit.py" line="144"/>
        <source>{area:.2f} m² planned for a use that {use} does not fit ({title})</source>
        <translation>{area:.2f} 平方米规划用途与项目用途 {use} 不符（{title}）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/use_fit.py" line="148"/>
        <source>sliver of {area:.4f} m² planned for a use that {use} does not fit, below the tolerance of {tol} m²</source>
        <translation>规划用途与项目用途 {use} 不符的面积 {area:.4f} 平方米，小于容差 {tol} 平方米（碎片）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/use_fit.py" line="152"/>
        <source>{area:.2f} m² planned for a use that admits {use} only after 论证 ({title})</source>
        <translation>{area:.2f} 平方米的规划用途须经论证方可用于 {use}（{title}）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/site_check/dialog.py" line="74"/>
        <source>Automatic ({fields})</source>
        <translation>自动（{fields}）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/site_check/site_compliance.py" line="89"/>
        <source>Site use field (用地用海 code or class name; if empty: XMYT, YDYT, DLBM or DKYT)</source>
        <translation>用途字段（用地用海代码或类别名称；留空则取 XMYT、YDYT、DLBM 或 DKYT）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/model.py" line="153"/>
        <source>{layer}: only in the earlier version ({count} features)</source>
        <translation>{layer}：仅见于前一版本（{count} 个要素）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/model.py" line="157"/>
        <source>{layer}: only in the later version ({count} features)</source>
        <translation>{layer}：仅见于后一版本（{count} 个要素）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/model.py" line="159"/>
        <source>{layer}: {added} features added, {removed} removed, {changed} changed; {gained:.4f} ha gained, {lost:.4f} ha lost</source>
        <translation>{layer}：新增 {added} 个要素，删除 {removed} 个，变更 {changed} 个；面积增加 {gained:.4f} 公顷，减少 {lost:.4f} 公顷</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/check.py" line="286"/>
        <source>{count} township targets weighted by township area</source>
        <translation>{count} 个乡镇目标按乡镇面积加权</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/crs.py" line="183"/>
        <source>the file states no 带号 and its eastings carry no zone prefix: {crs} (CGCS2000, 3-degree zone 37, central meridian 111°E) is assumed; choose the CRS if the file is in another zone</source>
        <translation>文件未注明带号，横坐标也不带带号前缀：按 {crs}（2000国家大地坐标系，3度带第37带，中央经线111°E）处理；如文件属于其他投影带，请选择坐标系</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/validation.py" line="120"/>
        <source>ring {ring} was not closed: closed by returning to point {point}, as asked</source>
        <translation>第{ring}圈未闭合：已按要求回到 {point} 点闭合</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/validation.py" line="225"/>
        <source>point {point} of ring {ring} (X {x:.3f}, Y {y:.3f}) lies {gap:,.0f} m from the ring&apos;s other points, which lie within {size:,.0f} m of one another: probably a mistyped coordinate</source>
        <translation>第{ring}圈的 {point} 点（X {x:.3f}，Y {y:.3f}）距该圈其他界址点 {gap:,.0f} 米，而其他各点彼此相距不超过 {size:,.0f} 米：坐标可能录入有误</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/coordfile/coordinates.py" line="53"/>
        <source>Coordinate files (*.txt *.TXT);;All files (*)</source>
        <translation>坐标文件 (*.txt *.TXT);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/coordfile/coordinates.py" line="61"/>
        <source>Close rings that lack their closing point (with a warning)</source>
        <translation>自动闭合缺少闭合点的圈（给出警告）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/check.py" line="302"/>
        <source>{ok} compliant, {review} needing 论证, {bad} non-compliant, {skip} not checked</source>
        <translation>合规 {ok} 个，需论证 {review} 个，不合规 {bad} 个，未检查 {skip} 个</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="407"/>
        <source>{total} sites checked: {ok} compliant, {review} needing 论证, {bad} non-compliant, {skip} not checked.</source>
        <translation>共审查 {total} 个地块：合规 {ok} 个，{review} 个需论证，不合规 {bad} 个，未检查 {skip} 个。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="425"/>
        <source>This report gives a full section (maps, rule tables, breakdowns) for {shown} of the {total} sites: the worst first (non-compliant by conflict area, then not checked, then needing 论证, then slivers). The other {left} sites are listed in the summary table only, which names the rules each site breaks; their areas per rule, conflict pieces and breakdowns are in {where}.</source>
        <translation>本报告仅为 {total} 个地块中的 {shown} 个编写详细章节（图件、规则表、面积构成），按问题从重到轻选取：不合规地块按冲突面积从大到小，其次为未检查地块，再次为需论证地块，然后为存在碎片的地块。其余 {left} 个地块仅列入汇总表（表中列出其违反的规则），其逐条规则面积、冲突图斑和面积构成见{where}。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/kinds/use_fit.py" line="155"/>
        <source>needs 论证 {share:.2f}%</source>
        <translation>需论证 {share:.2f}%</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/outputs.py" line="38"/>
        <source>{facility} ({level})</source>
        <translation>{facility}（{level}）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/cad.py" line="116"/>
        <source>No DXF file given</source>
        <translation>未指定 DXF 文件</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/job.py" line="38"/>
        <source>DXF import canceled: nothing was imported</source>
        <translation>DXF 导入已取消：未导入任何内容</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/cad.py" line="418"/>
        <source>handle {handle}</source>
        <translation>句柄 {handle}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/cad.py" line="178"/>
        <source>{file}: no closed polyline or hatch on the CAD layers {asked}; closed shapes are on: {found}</source>
        <translation>{file}：CAD 图层 {asked} 上没有闭合多段线或填充；闭合图形位于：{found}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/cad.py" line="178"/>
        <source>no layer</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/cad.py" line="185"/>
        <source>closed shapes on other CAD layers, not imported: {layers}</source>
        <translation>其他 CAD 图层上的闭合图形未导入：{layers}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/cad.py" line="211"/>
        <source>{kind} on layer {layer} is open (its ends are {gap:.3f} apart): not imported; close it in CAD</source>
        <translation>图层 {layer} 上的 {kind} 未闭合（首尾相距 {gap:.3f}）：未导入；请在 CAD 中闭合</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/cad.py" line="222"/>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/cad.py" line="225"/>
        <source>not red lines, ignored: {entities}</source>
        <translation>非红线实体，已忽略：{entities}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/cad.py" line="230"/>
        <source>{file}: the drawing has no closed polyline or hatch to import ({open} open polylines; close the red lines in CAD); nothing was imported</source>
        <translation>{file}：图中没有可导入的闭合多段线或填充（{open} 条未闭合多段线；请在 CAD 中闭合红线）；未导入任何内容</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/cad.py" line="246"/>
        <source>{kind} on layer {layer} encloses no area: not imported</source>
        <translation>图层 {layer} 上的 {kind} 面积为零：未导入</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/cad.py" line="258"/>
        <source>shape</source>
        <translation>图形</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/cad.py" line="257"/>
        <source> at ({x:.3f}, {y:.3f})</source>
        <translation>，位于 ({x:.3f}, {y:.3f})</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/cad.py" line="258"/>
        <source>{kind} on layer {layer} is not a valid polygon: {reason}{at}; imported as drawn (the checks repair a copy and list the repair)</source>
        <translation>图层 {layer} 上的 {kind} 不是有效的面：{reason}{at}；按原样导入（各项检查在副本上修复并列出修复情况）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/cad.py" line="378"/>
        <source>{kind} on layer {layer} has the same outline as {other_kind} handle {other} on layer {other_layer}: imported once (handle {other}), handle {handle} left out</source>
        <translation>图层 {layer} 上的 {kind} 与图层 {other_layer} 上的 {other_kind}（句柄 {other}）轮廓相同：只导入一次（句柄 {other}），句柄 {handle} 未导入</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/cad.py" line="398"/>
        <source>{kind} handle {handle} lies inside {outer_kind} handle {outer} on layer {outer_layer}: both are imported as separate sites, so the area inside is counted twice; nested outlines are not made holes (draw a hatch with an island for that)</source>
        <translation>{kind}（句柄 {handle}）位于图层 {outer_layer} 上的 {outer_kind}（句柄 {outer}）之内：二者作为两个独立地块导入，内部面积被重复计算；嵌套轮廓不会作为内环（如需内环，请绘制带孤岛的填充）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/cad_place.py" line="43"/>
        <source>the eastings carry zone number {zone}: likely {crs}</source>
        <translation>横坐标带有带号 {zone}：可能是 {crs}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/cad_place.py" line="47"/>
        <source>they look like longitude and latitude: likely {crs}</source>
        <translation>看起来是经纬度：可能是 {crs}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/cad_place.py" line="54"/>
        <source>they look like Gauss-Krüger coordinates without the zone number; Yongji's zone is {crs}</source>
        <translation>看起来是不带带号的高斯-克吕格坐标；永济所在投影带为 {crs}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/cad_place.py" line="57"/>
        <source>they look like the drawing&apos;s own local coordinates: move the drawing into CGCS2000 (Yongji: {crs}) in CAD first</source>
        <translation>看起来是图纸自身的独立坐标：请先在 CAD 中将图纸转换到 2000 国家大地坐标系（永济：{crs}）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/cad_place.py" line="70"/>
        <source>outside the Gauss-Krüger range of {crs} (easting {y_min:.0f}–{y_max:.0f} m, northing {x_min:.0f}–{x_max:.0f} m)</source>
        <translation>超出 {crs} 的高斯-克吕格坐标范围（横坐标 {y_min:.0f}–{y_max:.0f} 米，纵坐标 {x_min:.0f}–{x_max:.0f} 米）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/cad_place.py" line="79"/>
        <source>outside the area where {crs} can be used</source>
        <translation>超出 {crs} 的适用范围</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/cad_place.py" line="81"/>
        <source>far from Yongji (their centre would lie at {lon:.3f}°E, {lat:.3f}°N in {crs})</source>
        <translation>远离永济（按 {crs}，其中心位于东经 {lon:.3f}°、北纬 {lat:.3f}°）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/cad_place.py" line="103"/>
        <source>the drawing's coordinates (x {x0:.0f}–{x1:.0f}, y {y0:.0f}–{y1:.0f}) are {why}; {likely}. Check the CRS chosen for the drawing</source>
        <translation>图纸坐标（x {x0:.0f}–{x1:.0f}，y {y0:.0f}–{y1:.0f}）{why}；{likely}。请检查为图纸选择的坐标系</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/cad_reader.py" line="82"/>
        <source>{file}: no such file</source>
        <translation>{file}：文件不存在</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/cad_reader.py" line="175"/>
        <source>{file}: GDAL cannot read it as a DXF drawing ({reason}); save it from CAD as DXF (ASCII, AutoCAD R12 to 2018)</source>
        <translation>{file}：GDAL 无法将其读取为 DXF 图纸（{reason}）；请在 CAD 中另存为 DXF（ASCII，AutoCAD R12 至 2018）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/cad_reader.py" line="92"/>
        <source>not DXF</source>
        <translation>不是 DXF</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/coordfile/dialog.py" line="47"/>
        <source>CRS of DXF drawings</source>
        <translation>DXF 图纸坐标系</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/coordfile/dialog.py" line="49"/>
        <source>all layers</source>
        <translation>全部图层</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/coordfile/dialog.py" line="50"/>
        <source>CAD layers to import (comma-separated)</source>
        <translation>导入的 CAD 图层（以逗号分隔）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/coordfile/dialog.py" line="76"/>
        <source>Choose coordinate files or DXF drawings</source>
        <translation>选择坐标文件或 DXF 图纸</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/coordfile/dialog.py" line="76"/>
        <source>Coordinate files and DXF drawings (*.txt *.dxf);;Coordinate files (*.txt);;DXF drawings (*.dxf)</source>
        <translation>坐标文件和 DXF 图纸 (*.txt *.dxf);;坐标文件 (*.txt);;DXF 图纸 (*.dxf)</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/coordfile/dialog.py" line="105"/>
        <source>Coordinate files and DXF drawings cannot be imported together: import one kind at a time</source>
        <translation>坐标文件和 DXF 图纸不能一起导入：请每次只导入一种</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/job.py" line="38"/>
        <source>Reading DXF drawings</source>
        <translation>正在读取 DXF 图纸</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/coordfile/cad.py" line="29"/>
        <source>Import CAD red lines (DXF)</source>
        <translation>导入 CAD 红线（DXF）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/coordfile/cad.py" line="32"/>
        <source>Reads the red lines of a DXF drawing into project-site polygons: closed polylines and hatches (a hatch&apos;s islands become holes), with the CAD layer, block and entity handle of each. DXF has no CRS: give the drawing&apos;s (default: the project&apos;s, else EPSG:4546); coordinates implausible in it are a warning naming the likely CRS. Give CAD layers to import only the red lines of a drawing that holds more (a base map). Open polylines, duplicate outlines (imported once), shapes without area and self-intersecting or nested shapes are listed with their handles and lines in the problems table. A drawing GDAL cannot read or one without a closed shape stops the algorithm with an error.</source>
        <translation>将 DXF 图纸中的红线读取为项目用地面：闭合多段线和填充（填充的孤岛成为内环），并记录每个图形的 CAD 图层、图块和实体句柄。DXF 不含坐标系：请指定图纸的坐标系（默认取工程坐标系，否则为 EPSG:4546）；坐标与之不符时给出警告并指出可能的坐标系。图纸中还有其他内容（如地形底图）时，可指定只导入红线所在的 CAD 图层。未闭合多段线、重复轮廓（只导入一次）、无面积的图形以及自相交或嵌套的图形在问题表中列出句柄和行号。GDAL 无法读取的图纸或没有闭合图形的图纸使算法报错停止。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/coordfile/cad.py" line="44"/>
        <source>DXF drawing</source>
        <translation>DXF 图纸</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/coordfile/cad.py" line="45"/>
        <source>CRS of the drawing (if empty: the project&apos;s, else EPSG:4546)</source>
        <translation>图纸坐标系（为空时取工程坐标系，否则为 EPSG:4546）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/coordfile/cad.py" line="50"/>
        <source>CAD layers to import (comma-separated; if empty: all)</source>
        <translation>导入的 CAD 图层（以逗号分隔；为空时导入全部）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/coordfile/cad.py" line="71"/>
        <source>No CRS given and the project has none: the drawing is read in {crs}</source>
        <translation>未指定坐标系且工程没有坐标系：按 {crs} 读取图纸</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/job.py" line="65"/>
        <source>{file}: none of its {count} closed shapes can be imported (see the problems above)</source>
        <translation>{file}：其 {count} 个闭合图形均无法导入（见上方问题）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/coordfile/cad.py" line="84"/>
        <source>{ok} sites imported from {file} in {crs}, {bad} closed shapes left out</source>
        <translation>已从 {file} 按 {crs} 导入 {ok} 个地块，{bad} 个闭合图形未导入</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/farmland.py" line="33"/>
        <source>of which without 田坎 data (net taken as gross)</source>
        <translation>其中无田坎数据（净面积按毛面积计）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/engine/overlay.py" line="50"/>
        <source>{engine}; shapely not used: {reason}</source>
        <translation>{engine}；未使用 shapely：{reason}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/engine/shapely_probe.py" line="38"/>
        <source>an intersection&apos;s area came out as {detail}</source>
        <translation>相交部分的面积算得 {detail}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/engine/shapely_probe.py" line="40"/>
        <source>a geometry written back to QGIS came out as {detail}</source>
        <translation>写回 QGIS 的几何图形面积为 {detail}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/engine/shapely_probe.py" line="41"/>
        <source>shapely {version} (GEOS {geos}) does not work beside QGIS&apos;s GEOS {qgis_geos} in this process: {what}</source>
        <translation>shapely {version}（GEOS {geos}）在本进程中无法与 QGIS 的 GEOS {qgis_geos} 共同工作：{what}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/check.py" line="120"/>
        <source>its filter</source>
        <translation>筛选条件</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/check.py" line="125"/>
        <source>its class field</source>
        <translation>分类字段</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/check.py" line="127"/>
        <source>has no field {field}, which rule {rule} ({title}) reads in {where}</source>
        <translation>缺少字段 {field}，规则 {rule}（{title}）的{where}需要读取该字段</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/guidance/township_guidance.py" line="48"/>
        <source>Township guidance file</source>
        <translation>乡镇规划指引文件</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_qa/model.py" line="72"/>
        <source>QA rules</source>
        <translation>质检规则</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/yaml_files.py" line="31"/>
        <source>a mapping</source>
        <translation>映射（键: 值）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/yaml_files.py" line="32"/>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/yaml_files.py" line="33"/>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/yaml_files.py" line="34"/>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/yaml_files.py" line="35"/>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/yaml_files.py" line="36"/>
        <source>a number</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/yaml_files.py" line="67"/>
        <source>{file} cannot be read: line {line}: {problem}</source>
        <translation>无法读取 {file}：第 {line} 行：{problem}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/yaml_files.py" line="89"/>
        <source>{file} cannot be read: {error}</source>
        <translation>无法读取 {file}：{error}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/yaml_files.py" line="82"/>
        <source>{file} cannot be read: it holds {size} bytes, more than the {limit} a plan file may hold</source>
        <translation>无法读取 {file}：文件有 {size} 字节，超过规划文件允许的 {limit} 字节</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/yaml_files.py" line="93"/>
        <source>{file} cannot be read: it is not UTF-8 text (byte {offset})</source>
        <translation>无法读取 {file}：不是 UTF-8 文本（第 {offset} 字节）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/yaml_files.py" line="101"/>
        <source>{file}, line {line}, key {key}: {problem}</source>
        <translation>{file}，第 {line} 行，键 {key}：{problem}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/yaml_files.py" line="104"/>
        <source>{file}, line {line}: {problem}</source>
        <translation>{file}，第 {line} 行：{problem}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/yaml_files.py" line="121"/>
        <source>aliases (*{name}) are not allowed</source>
        <translation>不允许使用别名（*{name}）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/yaml_files.py" line="128"/>
        <source>YAML tags ({tag}) are not allowed</source>
        <translation>不允许使用 YAML 标签（{tag}）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/yaml_files.py" line="132"/>
        <source>nested more than {depth} levels deep</source>
        <translation>嵌套超过 {depth} 层</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/yaml_files.py" line="163"/>
        <source>the key is written twice</source>
        <translation>该键重复出现</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/yaml_files.py" line="176"/>
        <source>the file must be {kind}</source>
        <translation>文件必须是{kind}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/yaml_files.py" line="191"/>
        <source>the key is missing</source>
        <translation>缺少该键</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/yaml_files.py" line="196"/>
        <source>must be {kind}</source>
        <translation>必须是{kind}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/yaml_files.py" line="196"/>
        <source> or </source>
        <translation>或</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/use_compat.py" line="67"/>
        <source>Compatibility table</source>
        <translation>用途兼容表</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/check.py" line="190"/>
        <source>The storey height</source>
        <translation>层高</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/model.py" line="51"/>
        <source>The area tolerance</source>
        <translation>面积容差</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/check.py" line="309"/>
        <source>Walking minutes for level {level}</source>
        <translation>{level}层级的步行时间（分钟）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/check.py" line="317"/>
        <source>The walking speed</source>
        <translation>步行速度</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/check.py" line="318"/>
        <source>The access distance</source>
        <translation>接入距离</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/numbers.py" line="31"/>
        <source>{what} must be a number above 0, not {value}</source>
        <translation>{what}必须是大于 0 的数，而不是 {value}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/numbers.py" line="39"/>
        <source>{what} must be a number of at least 0, not {value}</source>
        <translation>{what}必须是不小于 0 的数，而不是 {value}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/check.py" line="210"/>
        <source>The plan area ({code}) was not given: a site outside the city cannot be told from a compliant one</source>
        <translation>未提供规划范围（{code}）：无法区分市域外的地块与合规地块</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/check.py" line="222"/>
        <source>not checked: outside the plan area ({layer})</source>
        <translation>未检查：位于规划范围（{layer}）之外</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/check.py" line="225"/>
        <source>{area:.2f} m² of the site lie outside the plan area ({layer})</source>
        <translation>地块有 {area:.2f} 平方米位于规划范围（{layer}）之外</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/check.py" line="245"/>
        <source>Every site of {layer} lies outside the plan area in its CRS {crs}</source>
        <translation>按其坐标系 {crs}，{layer} 的所有地块都位于规划范围之外</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/check.py" line="249"/>
        <source>; its coordinates fit {likely}: is the layer&apos;s CRS wrong?</source>
        <translation>；其坐标与 {likely} 相符：图层坐标系是否设置有误？</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/encodings.py" line="131"/>
        <source>chosen by the user</source>
        <translation>用户指定</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/encodings.py" line="132"/>
        <source>.cpg file</source>
        <translation>.cpg 文件</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/encodings.py" line="133"/>
        <source>code page byte</source>
        <translation>代码页字节</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/encodings.py" line="134"/>
        <source>detected</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/encodings.py" line="135"/>
        <source>the layer&apos;s own setting</source>
        <translation>图层自身的设置</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/encodings.py" line="201"/>
        <source>{file} is not a dBASE table (.dbf): its header is cut short</source>
        <translation>{file} 不是 dBASE 属性表（.dbf）：文件头不完整</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/encodings.py" line="309"/>
        <source>Unknown text encoding {name} chosen for {file}</source>
        <translation>为 {file} 指定的文字编码 {name} 无法识别</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/encodings.py" line="318"/>
        <source>the {source} names an unknown encoding</source>
        <translation>{source}所写的编码无法识别</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/encodings.py" line="322"/>
        <source>the {source} says {name}, which does not decode the text</source>
        <translation>{source}声明为 {name}，但按此编码无法解码其中的文字</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/encodings.py" line="338"/>
        <source>.cpg file ({content})</source>
        <translation>.cpg 文件（{content}）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/encodings.py" line="341"/>
        <source>code page byte (0x{ldid:02X})</source>
        <translation>代码页字节（0x{ldid:02X}）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/encodings.py" line="353"/>
        <source>a field name</source>
        <translation>某个字段名</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/encodings.py" line="353"/>
        <source>feature {fid} (record {record}), field {field}</source>
        <translation>要素 {fid}（第 {record} 条记录）的字段 {field}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/encodings.py" line="360"/>
        <source>{file}: its text decodes in none of the encodings tried ({tried}): {where} holds the bytes {bytes}. Choose the file&apos;s encoding by hand, or repair the file.</source>
        <translation>{file}：其中的文字按所尝试的编码（{tried}）都无法解码：{where}含有字节 {bytes}。请手动指定该文件的编码，或修复该文件。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/site_encoding.py" line="64"/>
        <source>Site layer {layer}: its text is read from {file} as {encoding}; the layer in the project decodes it otherwise (garbled names). The project layer is left as it is; set its encoding in the layer properties to see the names there too.</source>
        <translation>项目选址图层 {layer}：其文字按 {encoding} 从 {file} 读取；工程中的该图层按其他编码解码（名称为乱码）。工程中的图层保持不变；如需在该图层中也正确显示名称，请在图层属性中设置其编码。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/shared/encoding_combo.py" line="10"/>
        <source>Automatic (.cpg, code page byte, else detected)</source>
        <translation>自动（.cpg 文件、代码页字节，否则自动识别）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/shared/encoding_combo.py" line="13"/>
        <source>Shapefiles only. Automatic: the .cpg file, else the code page byte of the .dbf, else detected (UTF-8, GBK, GB18030)</source>
        <translation>仅用于 Shapefile。自动：取 .cpg 文件，否则取 .dbf 的代码页字节，否则自动识别（UTF-8、GBK、GB18030）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/plan_data/inspect_source.py" line="30"/>
        <source>Text encoding</source>
        <translation>文字编码</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/plan_data/inspect_source.py" line="66"/>
        <source>Text encoding of the Shapefiles (UTF-8, GBK, GB18030, …; decided per file if empty)</source>
        <translation>Shapefile 的文字编码（UTF-8、GBK、GB18030 等；留空则逐个文件判定）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/versions/compare_versions.py" line="93"/>
        <source>{version}: text encoding of the Shapefiles (UTF-8, GBK, GB18030, …; decided per file if empty)</source>
        <translation>{version}：Shapefile 的文字编码（UTF-8、GBK、GB18030 等；留空则逐个文件判定）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="128"/>
        <source>{name} (the plugin&apos;s default rule set, version {version})</source>
        <translation>{name}（插件默认规则集，版本 {version}）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/report.py" line="131"/>
        <source>{name} (file {path})</source>
        <translation>{name}（文件 {path}）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_data/conformance.py" line="60"/>
        <source>field {field} is real and holds {value}, expected integer</source>
        <translation>字段 {field} 为实数型且含有 {value}，应为整数型</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_data/conformance.py" line="66"/>
        <source>field {field} is stored as real, every value a whole number: nothing is lost</source>
        <translation>字段 {field} 以实数型存储，所有值均为整数：无损</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_data/conformance.py" line="72"/>
        <source>field {field} is stored as integer; read as real without loss</source>
        <translation>字段 {field} 以整数型存储；按实数读取，无损</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_data/filegdb.py" line="55"/>
        <source>File Geodatabase not found: {path} (a .gdb folder is expected)</source>
        <translation>找不到文件地理数据库：{path}（应为 .gdb 文件夹）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_data/filegdb.py" line="58"/>
        <source>File Geodatabase {path} is being edited in another program (lock file {lock}): save and close the edit session there, or copy the database and read the copy</source>
        <translation>文件地理数据库 {path} 正在被其他程序编辑（锁文件 {lock}）：请在该程序中保存并结束编辑，或复制数据库后读取副本</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_data/filegdb.py" line="76"/>
        <source>Not a readable File Geodatabase: {path} (GDAL&apos;s OpenFileGDB driver cannot open it)</source>
        <translation>无法读取的文件地理数据库：{path}（GDAL 的 OpenFileGDB 驱动无法打开）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_data/filegdb.py" line="81"/>
        <source>File Geodatabase {path} is incomplete: the files of {tables} are missing (copied only in part?)</source>
        <translation>文件地理数据库 {path} 不完整：缺少 {tables} 的文件（是否只复制了一部分？）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_data/loader.py" line="87"/>
        <source>found more than once in the source: {read} (read) and {others}; rename or remove the extra layers</source>
        <translation>在数据源中出现多次：{read}（已读取）和 {others}；请重命名或删除多余的图层</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_data/loader.py" line="124"/>
        <source>{name} ({code}): {problem}</source>
        <translation>{name}（{code}）：{problem}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_data/source_text.py" line="31"/>
        <source>File Geodatabase (.gdb folder)</source>
        <translation>文件地理数据库（.gdb 文件夹）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_data/source_text.py" line="38"/>
        <source>No PostGIS connection named after postgis:</source>
        <translation>postgis: 之后没有给出 PostGIS 连接名</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_data/source_text.py" line="50"/>
        <source>No plan data source given</source>
        <translation>未给出规划数据源</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_data/source_text.py" line="63"/>
        <source>Plan data not found: {path}</source>
        <translation>找不到规划数据：{path}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_data/source_text.py" line="64"/>
        <source>Not a plan data source: {text} (give a GeoPackage .gpkg, a File Geodatabase .gdb folder, a folder of Shapefiles or postgis:&lt;connection&gt;[/&lt;schema&gt;])</source>
        <translation>不是规划数据源：{text}（请给出 GeoPackage .gpkg 文件、文件地理数据库 .gdb 文件夹、Shapefile 文件夹或 postgis:&lt;连接名&gt;[/&lt;模式&gt;]）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/compare.py" line="66"/>
        <source>File Geodatabase {path}</source>
        <translation>文件地理数据库 {path}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/shared/source_browse.py" line="15"/>
        <source>Choose a File Geodatabase (.gdb folder)</source>
        <translation>选择文件地理数据库（.gdb 文件夹）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/base.py" line="68"/>
        <source>Plan data (GeoPackage, .gdb, Shapefile folder or PostGIS connection)</source>
        <translation>规划数据（GeoPackage、.gdb、Shapefile 文件夹或 PostGIS 连接）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/measure_common.py" line="44"/>
        <source>Give the {name} layer ({code}) or plan data that hold it</source>
        <translation>请指定{name}图层（{code}）或包含该图层的规划数据</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/heights/heights.py" line="52"/>
        <source>Height zones (JZGDKZ of the plan data if empty)</source>
        <translation>建筑高度控制分区（为空时取规划数据中的 JZGDKZ）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/life_circle/life_circle.py" line="72"/>
        <source>Public service facilities (GGFWSS of the plan data if empty)</source>
        <translation>公共服务设施（为空时取规划数据中的 GGFWSS）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/life_circle/life_circle.py" line="80"/>
        <source>Residential areas (JZQ of the plan data if empty)</source>
        <translation>居住区（为空时取规划数据中的 JZQ）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/life_circle/life_circle.py" line="88"/>
        <source>Street network (ZXCQDL of the plan data if empty)</source>
        <translation>道路网（为空时取规划数据中的 ZXCQDL）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/plan_data/inspect_source.py" line="49"/>
        <source>Lists every layer of the plan catalogue as found, missing or non-conforming (missing fields, wrong geometry type, CRS not CGCS2000) in a GeoPackage, a File Geodatabase (.gdb folder), a folder of Shapefiles or a saved PostGIS connection. Layers are matched by code or Chinese name, also with one prefix or suffix (GHSJ_STBHHX, STBHHX_2035); lossless type differences (BSM stored as real with whole numbers) are noted, not refused. A Shapefile&apos;s text encoding is its .cpg file&apos;s, else its code page byte&apos;s, else detected (UTF-8, GBK, GB18030), unless given; the table names it.</source>
        <translation>在 GeoPackage、文件地理数据库（.gdb 文件夹）、Shapefile 文件夹或已保存的 PostGIS 连接中，列出规划图层目录中每个图层的状态：已找到、缺失或不符合规范（缺少字段、几何类型错误、坐标系不是 CGCS2000）。图层按代码或中文名称匹配，也可带一个前缀或后缀（GHSJ_STBHHX、STBHHX_2035）；无损的类型差异（BSM 以实数存储且均为整数）只作说明，不视为不符合。Shapefile 的文字编码：未指定时取其 .cpg 文件，否则取代码页字节，否则自动识别（UTF-8、GBK、GB18030）；结果表中注明所用编码。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/plan_data/inspect_source.py" line="63"/>
        <source>GeoPackage path, .gdb folder, folder or connection name</source>
        <translation>GeoPackage 路径、.gdb 文件夹、文件夹或连接名</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/site_check/site_compliance.py" line="46"/>
        <source>Checks project sites against the control lines of a rule set (default: must not overlap the ecological protection red line, permanent basic farmland, protected-area core zones and the historic-cultural protection line; urban construction sites must lie within the urban development boundary; the planned use under a site must fit the project's use (规划用途符合性, from the site use field); 耕地 taken is measured gross and net of 田坎 with 永久基本农田 apart). Control layers are matched to the plan catalogue by code or name, from the given layers or the plan data (GeoPackage, File Geodatabase, Shapefile folder or PostGIS). Areas are in m², ha and mu, planar in the area CRS or CGCS2000 ellipsoidal, never taken from the project's ellipsoid. Overlaps below the tolerance are reported as slivers.</source>
        <translation>按规则集检查项目用地红线与各控制线的关系（默认：不得占用生态保护红线、永久基本农田、自然保护地核心保护区和历史文化保护线；城镇建设项目须位于城镇开发边界内；地块所在规划用途须与项目用途相符（规划用途符合性，取自用途字段）；统计占用耕地的毛面积和扣除田坎后的净面积，其中永久基本农田单列）。控制线图层按图层目录的代码或名称，从所给图层或规划数据（GeoPackage、文件地理数据库、Shapefile 文件夹或 PostGIS）中匹配。面积以平方米、公顷和亩表示，按面积计算坐标系的平面面积或 CGCS2000 椭球面积计算，从不取工程的椭球设置。小于容差的重叠作为碎片报告。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/versions/compare_versions.py" line="61"/>
        <source>Compares two versions of the plan (two GeoPackages, File Geodatabases, Shapefile folders or PostGIS connections or schemas, in any combination), catalogue layer by catalogue layer: features added, removed and changed in geometry and/or attributes (paired by the catalogue's key field such as BSM, by geometry where a layer has none), layers present in one version only, and the area each class gained and lost per township (differences of the class unions, in m², ha and mu). Writes the change layers (gained, lost, attributes changed), the summaries and, on request, a report with a change map sheet per changed layer.</source>
        <translation>逐个目录图层比较规划的两个版本（两个 GeoPackage、文件地理数据库、Shapefile 文件夹、PostGIS 连接或模式，可任意组合）：新增、删除以及几何和/或属性变更的要素（按目录规定的标识字段如 BSM 对应，没有标识字段的图层按几何对应），只在一个版本中存在的图层，以及各分类在各乡镇增加和减少的面积（按分类合并图形求差，以平方米、公顷和亩计）。输出变更图层（增加、减少、属性变更）和汇总表，并可生成报告，每个变更图层附一幅变更图。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/versions/compare_versions.py" line="80"/>
        <source>{version}: GeoPackage path, .gdb folder, folder or connection name</source>
        <translation>{version}：GeoPackage 路径、.gdb 文件夹、文件夹或连接名</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/printing/sheets.py" line="111"/>
        <source>Map sheet {title} needs layer {name} ({code}), which has no features: the sheet would look whole without it</source>
        <translation>专题图“{title}”需要图层 {name}（{code}），但该图层没有要素；缺少该图层的图件会被误认为完整</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/printing/atlases.py" line="212"/>
        <source>site</source>
        <translation>地块</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_data/map_image.py" line="165"/>
        <source>km</source>
        <translation>千米</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_data/postgis_catalogue.py" line="48"/>
        <source>Cannot read the catalogue of PostGIS connection {name}: {error}</source>
        <translation>无法读取 PostGIS 连接 {name} 的目录：{error}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/outputs_guard.py" line="117"/>
        <source>{output} ({path}) would write over the input {input} ({source}): choose another file or folder for the output</source>
        <translation>{output}（{path}）会覆盖输入 {input}（{source}）：请为输出另选文件或文件夹</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/outputs_guard.py" line="126"/>
        <source>{output} and {other} would both write {path}: give each its own file or GeoPackage layer</source>
        <translation>{output} 与 {other} 都会写入 {path}：请为二者各指定文件或 GeoPackage 图层</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/outputs_guard.py" line="148"/>
        <source>{output}: cannot write {path}: {problem}</source>
        <translation>{output}：无法写入 {path}：{problem}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/outputs_guard.py" line="158"/>
        <source>it is a folder, not a file</source>
        <translation>它是文件夹，不是文件</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/outputs_guard.py" line="158"/>
        <source>it is a file, not a folder</source>
        <translation>它是文件，不是文件夹</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/outputs_guard.py" line="159"/>
        <source>it is read-only</source>
        <translation>它是只读的</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/outputs_guard.py" line="164"/>
        <source>{parent} is a file, not a folder</source>
        <translation>{parent} 是文件，不是文件夹</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/outputs_guard.py" line="166"/>
        <source>the folder {parent} is read-only</source>
        <translation>文件夹 {parent} 是只读的</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/site_check/dialog.py" line="139"/>
        <source>Review report</source>
        <translation>审查报告</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/base.py" line="232"/>
        <source>{output}: layer {layer} added to the existing GeoPackage {path} (its other layers kept)</source>
        <translation>{output}：图层 {layer} 已写入现有 GeoPackage {path}（其余图层保留）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/guidance/outputs.py" line="187"/>
        <source>{count} townships measured; the townships do not add up to the city for: {figures}.</source>
        <translation>共测算 {count} 个乡镇；以下指标各乡镇之和与全市不一致：{figures}。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/guidance/outputs.py" line="190"/>
        <source>{count} townships measured; for every figure the townships add up to the city within 0.01 ha.</source>
        <translation>共测算 {count} 个乡镇；各项指标各乡镇之和与全市一致（误差不超过 0.01 公顷）。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/outputs.py" line="327"/>
        <source>{n} buildings could not be judged (no height or outside the height zones): see their lists.</source>
        <translation>{n} 栋建筑无法判定（缺少高度或位于高度分区外），详见相应清单。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/outputs.py" line="345"/>
        <source>{over} of {total} buildings exceed the height limit of their zone.</source>
        <translation>{total} 栋建筑中有 {over} 栋超过所在分区的高度限值。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/outputs.py" line="348"/>
        <source>No building of {total} exceeds the height limit of its zone.</source>
        <translation>{total} 栋建筑均未超过所在分区的高度限值。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/report.py" line="294"/>
        <source>{year}: no binding target judged</source>
        <translation>{year}年：无可判定的约束性指标</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/report.py" line="296"/>
        <source>{year}: the city meets every binding target; {behind} of {towns} townships miss at least one</source>
        <translation>{year}年：全市约束性指标全部达标；{towns} 个乡镇中有 {behind} 个至少一项未达标</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/report.py" line="302"/>
        <source>{year}: the city misses {short} binding targets; {behind} of {towns} townships miss at least one</source>
        <translation>{year}年：全市有 {short} 项约束性指标未达标；{towns} 个乡镇中有 {behind} 个至少一项未达标</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/outputs.py" line="348"/>
        <source>{lacking} of {areas} residential areas lack at least one facility of the table ({population} residents).</source>
        <translation>{areas} 个居住区中有 {lacking} 个至少缺少一项配置表要求的设施（涉及居民 {population} 人）。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/outputs.py" line="351"/>
        <source>All {areas} residential areas reach every facility of the table.</source>
        <translation>全部 {areas} 个居住区均可达配置表要求的各项设施。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_qa/outputs.py" line="158"/>
        <source>{errors} errors found; {failed} of {rules} rules not passed.</source>
        <translation>共发现 {errors} 处错误；{rules} 条规则中 {failed} 条未通过。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_qa/outputs.py" line="162"/>
        <source>No errors found: {passed} of {rules} rules passed, the others did not apply.</source>
        <translation>未发现错误：{rules} 条规则中 {passed} 条通过，其余不适用。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_qa/outputs.py" line="162"/>
        <source>No errors found: all {rules} rules passed.</source>
        <translation>未发现错误：全部 {rules} 条规则通过。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="231"/>
        <source>The two versions agree: no layer of {total} changed.</source>
        <translation>两版一致：{total} 个图层均无变化。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="232"/>
        <source>{changed} of {total} layers changed: {names}.</source>
        <translation>{total} 个图层中有 {changed} 个发生变化：{names}。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/layer_crs.py" line="114"/>
        <source>No feature of {layer} lies in {reference} in the layer&apos;s CRS {crs}</source>
        <translation>按图层坐标系 {crs}，{layer} 的要素均不在 {reference} 范围内</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/measuring/unit_areas.py" line="288"/>
        <source>: its areas are 0</source>
        <translation>：其面积均为 0</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/shared/output_folder.py" line="30"/>
        <source>Yongji plan outputs</source>
        <translation>永济规划成果</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/shared/output_folder.py" line="110"/>
        <source>Written to {folder}</source>
        <translation>已写入 {folder}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/site_check/dialog.py" line="134"/>
        <source>Site compliance check</source>
        <translation>项目选址合规性检查</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/site_check/dialog.py" line="134"/>
        <source>review_report</source>
        <translation>审查报告</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/coordfile/job.py" line="88"/>
        <source>Coordinate export canceled: nothing was written</source>
        <translation>坐标导出已取消：未写入任何文件</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/plan_qa/dialog.py" line="74"/>
        <source>qa_report</source>
        <translation>质检报告</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/versions/dialog.py" line="162"/>
        <source>versions_report</source>
        <translation>版本对比报告</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/shared/output_folder.py" line="92"/>
        <source>Cannot create a folder in the output folder {folder}: {error}</source>
        <translation>无法在输出文件夹 {folder} 中创建文件夹：{error}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/site_check/ruleset.py" line="175"/>
        <source>rule {rule}: {problem} (line {line})</source>
        <translation>规则 {rule}：{problem}（第 {line} 行）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/definitions.py" line="296"/>
        <source>warning: {problem}</source>
        <translation>warning：{problem}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/definitions.py" line="303"/>
        <source>must be {{yellow: %, red: %}}</source>
        <translation>须为 {{yellow: %, red: %}}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/definitions.py" line="306"/>
        <source>{key} must be a number of at least 0</source>
        <translation>{key} 须为不小于 0 的数</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/definitions.py" line="308"/>
        <source>yellow {yellow} is above red {red}</source>
        <translation>黄色阈值 {yellow} 高于红色阈值 {red}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/changes.py" line="126"/>
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/classes.py" line="22"/>
        <source>耕地</source>
        <translation>耕地</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/classes.py" line="23"/>
        <source>other agricultural land</source>
        <translation>其他农用地</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/classes.py" line="24"/>
        <source>建设用地</source>
        <translation>建设用地</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/classes.py" line="25"/>
        <source>unused land</source>
        <translation>未利用地</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/classes.py" line="26"/>
        <source>unknown class</source>
        <translation>未知地类</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/classes.py" line="52"/>
        <source>Land class table</source>
        <translation>地类表</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/classes.py" line="61"/>
        <source>Land class table {path}: entries without a name or a known category: {codes}</source>
        <translation>地类表 {path}：以下条目缺少名称或类别无效：{codes}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/monitoring/monitoring.py" line="59"/>
        <source>Plan implementation monitoring</source>
        <translation>规划实施监测预警</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/job.py" line="38"/>
        <source>The monitoring was canceled: nothing was written</source>
        <translation>监测预警已取消：未写入任何结果</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/outputs.py" line="31"/>
        <source>耕地 lost</source>
        <translation>耕地减少</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/outputs.py" line="31"/>
        <source>耕地 gained</source>
        <translation>耕地增加</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/outputs.py" line="35"/>
        <source>Changed since</source>
        <translation>对比年份</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/outputs.py" line="66"/>
        <source>Rule title</source>
        <translation>规则名称</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/outputs.py" line="128"/>
        <source>Class code (DLBM)</source>
        <translation>地类编码（DLBM）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/report.py" line="236"/>
        <source>Snapshot feature</source>
        <translation>现状图斑要素</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/monitoring/monitoring.py" line="134"/>
        <source>Suspected violations</source>
        <translation>疑似违规图斑</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/outputs.py" line="99"/>
        <source>Rules broken</source>
        <translation>违反的规则</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/monitoring/monitoring.py" line="135"/>
        <source>New construction land</source>
        <translation>新增建设用地</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/outputs.py" line="128"/>
        <source>田坎 share (KCXS)</source>
        <translation>田坎系数（KCXS）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/outputs.py" line="128"/>
        <source>Gross</source>
        <translation>毛面积</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/outputs.py" line="128"/>
        <source>Net of 田坎</source>
        <translation>扣除田坎后</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/monitoring/monitoring.py" line="136"/>
        <source>耕地 lost and gained</source>
        <translation>耕地增减</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/outputs.py" line="205"/>
        <source>{title} (m²)</source>
        <translation>{title}（平方米）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/outputs.py" line="205"/>
        <source>耕地 lost, gross (m²)</source>
        <translation>耕地减少毛面积（平方米）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/outputs.py" line="205"/>
        <source>耕地 lost, net of 田坎</source>
        <translation>耕地减少（扣除田坎）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/outputs.py" line="205"/>
        <source>耕地 gained, gross (m²)</source>
        <translation>耕地增加毛面积（平方米）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/outputs.py" line="205"/>
        <source>耕地 gained, net of 田坎</source>
        <translation>耕地增加（扣除田坎）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/outputs.py" line="303"/>
        <source>耕地 balance, net of 田坎</source>
        <translation>耕地净增减（扣除田坎）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/monitoring/monitoring.py" line="137"/>
        <source>Monitoring by township</source>
        <translation>分乡镇监测统计</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/outputs.py" line="233"/>
        <source>Base-year value</source>
        <translation>基期值</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/report.py" line="254"/>
        <source>Path value</source>
        <translation>路径值</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/outputs.py" line="235"/>
        <source>Target year</source>
        <translation>目标年份</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/outputs.py" line="237"/>
        <source>Lag behind the path (%)</source>
        <translation>滞后于路径（%）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/monitoring/monitoring.py" line="138"/>
        <source>Indicators by year</source>
        <translation>分年度指标</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/monitoring/monitoring.py" line="139"/>
        <source>Input problems</source>
        <translation>输入数据问题</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/outputs.py" line="301"/>
        <source>Suspected violations, 红色预警</source>
        <translation>疑似违规图斑（红色预警）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/outputs.py" line="302"/>
        <source>Suspected violations, 黄色预警 only</source>
        <translation>疑似违规图斑（仅黄色预警）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/patches.py" line="69"/>
        <source>Change-patch layer {name} cannot be read</source>
        <translation>变更图斑图层 {name} 无法读取</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/patches.py" line="71"/>
        <source>Change-patch layer {name} is not a polygon layer</source>
        <translation>变更图斑图层 {name} 不是面图层</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/patches.py" line="74"/>
        <source>Change-patch layer {name} lacks the field {field} of the class before or after (its fields: {fields})</source>
        <translation>变更图斑图层 {name} 缺少变更前或变更后地类字段 {field}（其字段：{fields}）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/patches.py" line="81"/>
        <source>Change-patch layer {name} {problem}</source>
        <translation>变更图斑图层 {name} {problem}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/patches.py" line="104"/>
        <source>Change-patch layer {name}, feature {fid}: {problem}</source>
        <translation>变更图斑图层 {name}，要素 {fid}：{problem}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/patches.py" line="104"/>
        <source>no year (a field {fields} or the layer&apos;s)</source>
        <translation>没有年份（字段 {fields} 或图层的年份）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/patches.py" line="104"/>
        <source>year {year} is not after {base}</source>
        <translation>年份 {year} 不晚于 {base}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/patches.py" line="128"/>
        <source>class code {code} ({which}) is not in the 三调 工作分类: counted neither as 建设用地 nor as 耕地</source>
        <translation>地类编码 {code}（{which}）不在三调工作分类中：既不计为建设用地，也不计为耕地</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/snapshots.py" line="202"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/patches.py" line="178"/>
        <source>before</source>
        <translation>变更前</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/patches.py" line="178"/>
        <source>after</source>
        <translation>变更后</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/patches.py" line="178"/>
        <source>class {which} {code}, but the {year} 现状 has {found} under {share:.0%} of the patch</source>
        <translation>{which}地类为 {code}，但 {year} 年现状在该图斑 {share:.0%} 的范围内为 {found}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/patches.py" line="178"/>
        <source>nothing</source>
        <translation>无图斑</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/report.py" line="43"/>
        <source>{value} (path {path}) {level}</source>
        <translation>{value}（路径值 {path}）{level}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/report.py" line="55"/>
        <source>{name}: value by year against its path</source>
        <translation>{name}：各年度测算值与路径值</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/report.py" line="55"/>
        <source>base year</source>
        <translation>基期</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/report.py" line="72"/>
        <source>{area} ha in {count}</source>
        <translation>{count} 个，{area} 公顷</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/report.py" line="77"/>
        <source>Suspected violations per township since {year}</source>
        <translation>{year} 年以来各乡镇疑似违规图斑面积</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/report.py" line="95"/>
        <source>{red} suspected violations at 红色预警 ({red_ha} ha) and {yellow} at 黄色预警 ({yellow_ha} ha) since {base}; 耕地 net of 田坎 {sign}{balance} mu; {warned} city indicators warned in {year}.</source>
        <translation>自 {base} 年以来，红色预警疑似违规图斑 {red} 个（{red_ha} 公顷），黄色预警 {yellow} 个（{yellow_ha} 公顷）；耕地（扣除田坎）净变化 {sign}{balance} 亩；{year} 年全市有 {warned} 项指标预警。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/report.py" line="197"/>
        <source>Annual plan implementation monitoring report</source>
        <translation>年度规划实施监测预警报告</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/report.py" line="198"/>
        <source>Generated by the Yongji Spatial Plan plugin from the plan's layers and the 现状 snapshots; suspected violations are to be verified on site before any measure is taken.</source>
        <translation>由永济国土空间规划插件根据规划图层和现状数据生成；疑似违规图斑须经实地核查后方可采取措施。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/report.py" line="202"/>
        <source>Data of this run</source>
        <translation>本次监测数据</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/report.py" line="208"/>
        <source>现状 snapshots</source>
        <translation>现状数据</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/report.py" line="211"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/report.py" line="212"/>
        <source>Parcels</source>
        <translation>图斑数</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/report.py" line="213"/>
        <source>Unknown codes</source>
        <translation>未知编码</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/report.py" line="214"/>
        <source>Rule file</source>
        <translation>规则文件</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/report.py" line="218"/>
        <source>Tolerance (m²)</source>
        <translation>容差（平方米）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/report.py" line="220"/>
        <source>Outputs</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/report.py" line="222"/>
        <source>Rules and their basis (依据)</source>
        <translation>规则及依据</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/report.py" line="224"/>
        <source>Finding</source>
        <translation>判定</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/report.py" line="228"/>
        <source>New construction land and suspected violations</source>
        <translation>新增建设用地与疑似违规图斑</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/report.py" line="229"/>
        <source>since</source>
        <translation>对比</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/report.py" line="231"/>
        <source>pieces</source>
        <translation>块</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/report.py" line="232"/>
        <source>slivers below the tolerance (not findings)</source>
        <translation>个小于容差的碎片（不作为违规图斑）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/report.py" line="242"/>
        <source>耕地 lost and gained per township (mu)</source>
        <translation>分乡镇耕地增减（亩）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/report.py" line="244"/>
        <source>耕地 lost, net</source>
        <translation>耕地减少（净）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/report.py" line="245"/>
        <source>耕地 gained, net</source>
        <translation>耕地增加（净）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/report.py" line="246"/>
        <source>Balance, net</source>
        <translation>净增减</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/report.py" line="247"/>
        <source>耕地 lost, gross</source>
        <translation>耕地减少（毛）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/report.py" line="248"/>
        <source>耕地 gained, gross</source>
        <translation>耕地增加（毛）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/report.py" line="249"/>
        <source>New construction (m²)</source>
        <translation>新增建设用地（平方米）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/report.py" line="250"/>
        <source>New construction (mu)</source>
        <translation>新增建设用地（亩）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/report.py" line="251"/>
        <source>Indicators against their path to the targets</source>
        <translation>指标与目标路径对比</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/report.py" line="255"/>
        <source>Target ahead</source>
        <translation>下一目标</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/report.py" line="256"/>
        <source>Lag (%)</source>
        <translation>滞后（%）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/report.py" line="257"/>
        <source>The path runs linearly from the base-year value to the 2025 and 2035 targets. Lag: how far the value falls behind the path, in % of the path's value. 红色预警: the target ahead is already broken or the lag exceeds the red threshold; 黄色预警: the lag exceeds the yellow threshold.</source>
        <translation>路径为从基期值到 2025 年、2035 年目标值的线性路径。滞后：测算值落后于路径的程度，以路径值的百分比表示。红色预警：已突破下一目标或滞后超过红色阈值；黄色预警：滞后超过黄色阈值。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/report.py" line="263"/>
        <source>Maps of the suspected violations</source>
        <translation>疑似违规图斑位置图</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/report.py" line="264"/>
        <source>maps drawn for the first {count} findings</source>
        <translation>仅绘制前 {count} 个图斑的位置图</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/report.py" line="266"/>
        <source>the first {count} of {total} are listed</source>
        <translation>共 {total} 条，列出前 {count} 条</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/report.py" line="271"/>
        <source>Scale</source>
        <translation>比例尺</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/report.py" line="285"/>
        <source>(no indicators)</source>
        <translation>（未测算指标）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/rules.py" line="30"/>
        <source>红色预警</source>
        <translation>红色预警</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/rules.py" line="30"/>
        <source>黄色预警</source>
        <translation>黄色预警</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/rules.py" line="30"/>
        <source>正常</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/rules.py" line="34"/>
        <source>inside the layer</source>
        <translation>位于图层内</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/rules.py" line="34"/>
        <source>outside the layer</source>
        <translation>位于图层外</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/rules.py" line="66"/>
        <source>Monitoring rule file</source>
        <translation>监测预警规则文件</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/rules.py" line="70"/>
        <source>base_year {value} is not a year</source>
        <translation>base_year {value} 不是年份</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/rules.py" line="73"/>
        <source>tolerance {value} is not a number of at least 0</source>
        <translation>tolerance {value} 不是不小于 0 的数</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_qa/model.py" line="76"/>
        <source>rules must be a non-empty list</source>
        <translation>rules 须为非空列表</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/rules.py" line="82"/>
        <source>rule {id}: the id is used more than once</source>
        <translation>规则 {id}：id 重复</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/rules.py" line="86"/>
        <source>Monitoring rule file {path} is not valid:</source>
        <translation>监测预警规则文件 {path} 无效：</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/rules.py" line="96"/>
        <source>rule {number} must be a mapping</source>
        <translation>第 {number} 条规则须为映射</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/rules.py" line="101"/>
        <source>the id must be ASCII letters, digits or _</source>
        <translation>id 须由 ASCII 字母、数字或 _ 组成</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/rules.py" line="109"/>
        <source>relation {value} is not inside or outside</source>
        <translation>relation {value} 不是 inside 或 outside</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/rules.py" line="111"/>
        <source>level {value} is not red or yellow</source>
        <translation>level {value} 不是 red 或 yellow</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/rules.py" line="118"/>
        <source>basis must give plan and national</source>
        <translation>basis 须给出 plan 和 national</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/rules.py" line="119"/>
        <source>rule {id}: {problem}</source>
        <translation>规则 {id}：{problem}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/run.py" line="62"/>
        <source>The monitoring needs the plan layer {name} ({code}), which is missing</source>
        <translation>监测预警需要规划图层 {name}（{code}），但该图层缺失</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/run.py" line="172"/>
        <source>{count} 耕地 parcels of {layer} ({year}) carry no 田坎 deduction (KCXS or KCMJ and TBMJ): their net area equals their gross area</source>
        <translation>{layer}（{year} 年）中有 {count} 个耕地图斑没有田坎扣除数据（KCXS 或 KCMJ 与 TBMJ）：其净面积按毛面积计</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/snapshots.py" line="80"/>
        <source>Snapshot layer {name} cannot be read</source>
        <translation>现状图层 {name} 无法读取</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/snapshots.py" line="82"/>
        <source>Snapshot layer {name} is not a polygon layer of 地类图斑</source>
        <translation>现状图层 {name} 不是地类图斑面图层</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/snapshots.py" line="84"/>
        <source>Snapshot layer {name} lacks the class field {field} (its fields: {fields})</source>
        <translation>现状图层 {name} 缺少地类字段 {field}（其字段：{fields}）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/snapshots.py" line="91"/>
        <source>Snapshot layer {name} {problem}</source>
        <translation>现状图层 {name} {problem}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/snapshots.py" line="101"/>
        <source>Snapshot layer {name}: its field {field} holds several years ({years}); give one layer per year</source>
        <translation>现状图层 {name}：字段 {field} 含多个年份（{years}）；请每个年份一个图层</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/snapshots.py" line="109"/>
        <source>Snapshot layer {name}: its field {field} holds {value}, not a year</source>
        <translation>现状图层 {name}：字段 {field} 的值 {value} 不是年份</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/snapshots.py" line="122"/>
        <source>Snapshot layer {name} has no year: give its year, a field {fields} holding it, or a name with the year (DLTB_2022)</source>
        <translation>现状图层 {name} 没有年份：请填写年份，或提供记录年份的字段 {fields}，或在图层名称中注明年份（DLTB_2022）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/snapshots.py" line="135"/>
        <source>Give at least one 现状 snapshot or change-patch layer of a year after {year}</source>
        <translation>请至少提供一个 {year} 年以后的现状图层或变更图斑图层</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/snapshots.py" line="144"/>
        <source>Snapshot layer {name} is of {year}, not after the reference year {base}</source>
        <translation>现状图层 {name} 为 {year} 年，不晚于基期年 {base}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/snapshots.py" line="151"/>
        <source>Two snapshots are of the same year {year}: {names}</source>
        <translation>两个现状图层年份相同（{year}）：{names}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/snapshots.py" line="202"/>
        <source>class code {code} is not in the 三调 工作分类: counted neither as 建设用地 nor as 耕地</source>
        <translation>地类编码 {code} 不在三调工作分类中：既不计为建设用地，也不计为耕地</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/monitoring/dialog.py" line="50"/>
        <source>Choose a monitoring rule file</source>
        <translation>选择监测预警规则文件</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/monitoring/dialog.py" line="56"/>
        <source>YAML files (*.yaml *.yml)</source>
        <translation>YAML 文件 (*.yaml *.yml)</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/monitoring/dialog.py" line="110"/>
        <source>Snapshot layer {name}: year {year} is not a year</source>
        <translation>现状图层 {name}：{year} 不是年份</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/monitoring/dialog.py" line="119"/>
        <source>Tick at least one 现状 snapshot</source>
        <translation>请至少勾选一个现状图层</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/monitoring/dialog.py" line="163"/>
        <source>{count} suspected violations ({red} 红色预警, {yellow} 黄色预警) in {years}; results in {folder}</source>
        <translation>{years} 年共有疑似违规图斑 {count} 个（红色预警 {red} 个，黄色预警 {yellow} 个）；结果位于 {folder}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/monitoring/dialog.py" line="173"/>
        <source>{count} input problems listed in the report</source>
        <translation>报告中列出了 {count} 条输入数据问题</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/monitoring/monitoring.py" line="68"/>
        <source>规划实施监测预警: 现状 snapshots (年度变更调查 地类图斑, DLBM by the 三调 工作分类) of later years against the plan and the base year's 三调 (the plan's DLTB). Per year: new 建设用地 (each change counted in the year it first appears) inside 生态保护红线, 永久基本农田, 自然保护地核心保护区 or 历史文化保护线, or outside 城镇开发边界, as suspected violations with area (m², ha, mu), township, rule, basis and level (rule file); 耕地 lost and gained per township, gross and net of 田坎; every indicator of the indicator file measured on each snapshot against its linear path to the 2025 and 2035 targets (正常 / 黄色预警 / 红色预警 by the file's thresholds). A snapshot's year: YEARS (in the order of the layers), else its field NF/BGNF/YEAR, else the year in its name (DLTB_2022).</source>
        <translation>规划实施监测预警：以后年份的现状数据（年度变更调查地类图斑，地类编码按三调工作分类）与规划及基期三调（规划数据中的 DLTB）对比。逐年统计新增建设用地（每处变化计入首次出现的年份）位于生态保护红线、永久基本农田、自然保护地核心保护区或历史文化保护线内，或位于城镇开发边界外的疑似违规图斑，给出面积（平方米、公顷、亩）、乡镇、规则、依据和预警等级（规则文件）；分乡镇统计耕地减少和增加的毛面积及扣除田坎后的净面积；指标文件中每项指标在每期现状上测算，并与到 2025 年、2035 年目标的线性路径比较（按文件阈值判定正常、黄色预警、红色预警）。现状年份：按 YEARS（与图层顺序一致），否则取 NF/BGNF/YEAR 字段，否则取图层名称中的年份（DLTB_2022）。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/monitoring/monitoring.py" line="81"/>
        <source>现状 snapshots (地类图斑 of later years)</source>
        <translation>现状数据（以后年份的地类图斑）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/monitoring/monitoring.py" line="89"/>
        <source>Years of the snapshots, comma-separated in their order (else from a year field or the layer name)</source>
        <translation>现状年份，按图层顺序以逗号分隔（为空时取年份字段或图层名称）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/monitoring/monitoring.py" line="96"/>
        <source>Class field of the snapshots</source>
        <translation>现状地类字段</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/monitoring/monitoring.py" line="99"/>
        <source>Change patches (class before and after; year from a field NF/BGNF/YEAR or the layer name)</source>
        <translation>变更图斑（含变更前、变更后地类；年份取 NF/BGNF/YEAR 字段或图层名称）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/monitoring/monitoring.py" line="107"/>
        <source>Class field before the change</source>
        <translation>变更前地类字段</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/monitoring/monitoring.py" line="110"/>
        <source>Class field after the change</source>
        <translation>变更后地类字段</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/monitoring/monitoring.py" line="113"/>
        <source>Base-year 现状 (the plan's 三调 DLTB if empty)</source>
        <translation>基期现状（为空时取规划数据中的三调 DLTB）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/monitoring/monitoring.py" line="121"/>
        <source>Monitoring rule file (the plugin&apos;s if empty)</source>
        <translation>监测预警规则文件（为空时用插件自带文件）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/monitoring/monitoring.py" line="131"/>
        <source>Indicators over time</source>
        <translation>分年度指标监测</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/monitoring/monitoring.py" line="148"/>
        <source>年度监测预警报告 (HTML; a PDF, maps and charts are written beside it)</source>
        <translation>年度监测预警报告（HTML；同目录另存 PDF、位置图和趋势图）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/monitoring/monitoring.py" line="149"/>
        <source>Map sheet 规划实施监测预警图 (PDF or PNG)</source>
        <translation>规划实施监测预警图（PDF 或 PNG）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/monitoring/monitoring.py" line="152"/>
        <source>Township atlas 规划实施监测预警图 (PDF, one page per township)</source>
        <translation>乡镇规划实施监测预警图集（PDF，每个乡镇一页）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/monitoring/monitoring.py" line="152"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/monitoring/monitoring.py" line="166"/>
        <source>YEARS {years} must give one year for each of the {count} snapshot layers</source>
        <translation>YEARS {years} 须为 {count} 个现状图层各给出一个年份</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/monitoring/monitoring.py" line="215"/>
        <source>No suspected violation: no map sheet printed</source>
        <translation>没有疑似违规图斑：未输出监测预警图</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/monitoring/monitoring.py" line="230"/>
        <source>{year}: {count} suspected violations ({levels})</source>
        <translation>{year} 年：疑似违规图斑 {count} 个（{levels}）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/printing/sheets.py" line="370"/>
        <source>{path} was not written whole (is the disk full?)</source>
        <translation>{path} 未完整写入（磁盘是否已满？）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/indicators/definitions.py" line="359"/>
        <source>{key} must be true or false</source>
        <translation>{key} 须为 true 或 false</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/measuring/unit_areas.py" line="221"/>
        <source>Layer {name}: {count} parcels carry no 田坎 data (KCXS, or KCMJ and TBMJ): their 耕地 is counted gross</source>
        <translation>图层 {name}：{count} 个图斑无田坎数据（KCXS，或 KCMJ 与 TBMJ），其耕地按毛面积计</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="47"/>
        <source>Detail maps</source>
        <translation>变化详图</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="48"/>
        <source>Detail map</source>
        <translation>详图</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/report.py" line="49"/>
        <source>Each map zooms to a cluster of changes (changes less than 300 m apart share one) at a round scale, the largest clusters first, up to 12 per layer.</source>
        <translation>每幅详图按整数比例尺放大显示一组变化（相距不足 300 米的变化合为一组），按变化面积由大到小排列，每个图层至多 12 幅。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/engine/footprint.py" line="134"/>
        <source>Control layer {name} has no spatial index: all its {count} features are read and indexed in memory for each check; a spatial index on the layer (Layer Properties ▸ Source ▸ Create Spatial Index) lets a check of a few sites read only the features near them</source>
        <translation>控制图层 {name} 没有空间索引：每次检查都要读取其全部 {count} 个要素并在内存中建立索引；为该图层建立空间索引（图层属性 ▸ 源 ▸ 创建空间索引）后，检查少数地块时只读取其附近的要素</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/engine/bulk_read.py" line="109"/>
        <source>{layer}: GDAL&apos;s bulk read failed ({error}); read through QGIS instead</source>
        <translation>{layer}：GDAL 批量读取失败（{error}），改由 QGIS 读取</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/geopackage_writer.py" line="124"/>
        <source>not a GeoPackage GDAL can write</source>
        <translation>不是 GDAL 可写入的 GeoPackage</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/geopackage_writer.py" line="149"/>
        <source>CRS {crs} unknown to GDAL</source>
        <translation>GDAL 不认识坐标系 {crs}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/heights/outputs.py" line="288"/>
        <source>Height zone {name} (≤ {limit} m)</source>
        <translation>高度分区 {name}（≤ {limit} 米）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/maps.py" line="79"/>
        <source>Suspected violation ({level})</source>
        <translation>疑似违规图斑（{level}）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/monitoring/maps.py" line="80"/>
        <source>Township border</source>
        <translation>乡镇界</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/guidance/dialog.py" line="25"/>
        <source>township_guidance</source>
        <translation>乡镇规划指引</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/indicators/dialog.py" line="30"/>
        <source>indicator_sheet_{year}</source>
        <translation>规划指标达标情况图_{year}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/indicators/dialog.py" line="34"/>
        <source>indicator_report</source>
        <translation>规划指标评估报告</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/monitoring/dialog.py" line="35"/>
        <source>monitoring_results</source>
        <translation>监测预警成果</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/monitoring/dialog.py" line="36"/>
        <source>monitoring_report</source>
        <translation>年度监测预警报告</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/monitoring/dialog.py" line="37"/>
        <source>monitoring_sheet</source>
        <translation>规划实施监测预警图</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/monitoring/dialog.py" line="38"/>
        <source>monitoring_atlas</source>
        <translation>乡镇规划实施监测预警图集</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/shared/settings_dialog.py" line="43"/>
        <source>Unknown CRS</source>
        <translation>未知坐标系</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/shared/settings_dialog.py" line="45"/>
        <source>{name}: geographic, not for areas</source>
        <translation>{name}：地理坐标系，不能用于计算面积</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/check.py" line="204"/>
        <source>{count} residential areas of {layer} have no valid population in {field} (features {fids}: not a number, infinite or negative): left out of the population figures</source>
        <translation>{layer} 中 {count} 个居住区的 {field} 不是有效人口（要素 {fids}：非数字、无穷大或负数），未计入人口数字</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/life_circle/check.py" line="319"/>
        <source>The topology tolerance</source>
        <translation>拓扑容差</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_qa/model.py" line="78"/>
        <source>QA rules {path} are not valid:</source>
        <translation>质检规则文件 {path} 无效：</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_qa/model.py" line="94"/>
        <source>{key} {value} is not a number of at least 0</source>
        <translation>{key} {value} 不是不小于 0 的数</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_qa/model.py" line="106"/>
        <source>rule {rule}: unknown key {key}</source>
        <translation>规则 {rule}：未知的键 {key}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_qa/model.py" line="108"/>
        <source>rule {rule}: key {key} must be text</source>
        <translation>规则 {rule}：键 {key} 须为文本</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/plan_qa/model.py" line="114"/>
        <source>rule {rule}: layers must be a list of layer codes</source>
        <translation>规则 {rule}：layers 须为图层代码列表</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/printing/sheets.py" line="360"/>
        <source>the file could not be written (is the disk full or the folder read-only?)</source>
        <translation>无法写入文件（磁盘已满或文件夹只读？）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/printing/sheets.py" line="361"/>
        <source>export error {status}</source>
        <translation>导出错误 {status}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/shared/destinations.py" line="41"/>
        <source>the layers {layers} added to the existing GeoPackage {path} (its other layers kept)</source>
        <translation>图层 {layers} 已写入现有 GeoPackage {path}（其余图层保留）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/model.py" line="52"/>
        <source>The distance tolerance</source>
        <translation>距离容差</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/model.py" line="53"/>
        <source>The matching distance</source>
        <translation>匹配距离</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/model.py" line="54"/>
        <source>The matching overlap</source>
        <translation>匹配重叠比例</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/versions/model.py" line="56"/>
        <source>The matching overlap must be a share between 0 and 1, not {value}</source>
        <translation>匹配重叠比例须为 0 到 1 之间的比例，而不是 {value}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/base.py" line="176"/>
        <source>{output}: {dest} was not written (is the disk full?)</source>
        <translation>{output}：{dest} 未能写入（磁盘已满？）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/base.py" line="311"/>
        <source>{parameter}: {value} is not a number</source>
        <translation>{parameter}：{value} 不是数字</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/plan_data/inspect_source.py" line="109"/>
        <source>Inspection canceled</source>
        <translation>检查已取消</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/interrupt.py" line="71"/>
        <source>Interrupted (Ctrl+C): the run stops and removes what it wrote</source>
        <translation>已中断（Ctrl+C）：运行停止，并删除已写出的内容</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/engine/wkb_spill.py" line="91"/>
        <source>The temporary folder {folder} has no room for this batch&apos;s conflict pieces ({error}): free space there, or point TMPDIR (TEMP on Windows) at a larger disk</source>
        <translation>临时文件夹 {folder} 没有空间存放本批次的冲突图斑（{error}）：请在该处腾出空间，或将 TMPDIR（Windows 下为 TEMP）指向更大的磁盘</translation>
    </message>
</context>
<context>
    <name>ComplianceDialogBase</name>
    <message>
        <location filename="../../forms/compliance.ui" line="6"/>
        <source>Project site compliance check</source>
        <translation>项目选址合规性检查</translation>
    </message>
    <message>
        <location filename="../../forms/compliance.ui" line="10"/>
        <source>Project sites</source>
        <translation>项目用地红线</translation>
    </message>
    <message>
        <location filename="../../forms/compliance.ui" line="12"/>
        <source>Selected features only</source>
        <translation>仅所选要素</translation>
    </message>
    <message>
        <location filename="../../forms/compliance.ui" line="15"/>
        <source>Rule set</source>
        <translation>规则集</translation>
    </message>
    <message>
        <location filename="../../forms/compliance.ui" line="32"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location filename="../../forms/compliance.ui" line="22"/>
        <source>Area tolerance (m²)</source>
        <translation>面积容差（平方米）</translation>
    </message>
    <message>
        <location filename="../../forms/compliance.ui" line="24"/>
        <source>Area method</source>
        <translation>面积计算方法</translation>
    </message>
    <message>
        <location filename="../../forms/compliance.ui" line="26"/>
        <source>Area CRS</source>
        <translation>面积计算坐标系</translation>
    </message>
    <message>
        <location filename="../../forms/compliance.ui" line="28"/>
        <source>Output GeoPackage</source>
        <translation>输出 GeoPackage</translation>
    </message>
    <message>
        <location filename="../../forms/compliance.ui" line="31"/>
        <source>Temporary layers</source>
        <translation>临时图层</translation>
    </message>
    <message>
        <location filename="../../forms/compliance.ui" line="42"/>
        <source>Open report folder</source>
        <translation>打开报告所在文件夹</translation>
    </message>
    <message>
        <location filename="../../forms/compliance.ui" line="13"/>
        <source>Site use field</source>
        <translation>用途字段</translation>
    </message>
    <message>
        <location filename="../../forms/compliance.ui" line="14"/>
        <source>The project's use (用地用海 code or class name) for 规划用途符合性</source>
        <translation>项目用途（用地用海代码或类别名称），用于规划用途符合性检查</translation>
    </message>
</context>
<context>
    <name>CoordinateImportDialogBase</name>
    <message>
        <location filename="../../forms/coords_import.ui" line="6"/>
        <source>Import coordinate file</source>
        <translation>坐标文件导入</translation>
    </message>
    <message>
        <location filename="../../forms/coords_import.ui" line="13"/>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../forms/coords_import.ui" line="14"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../forms/coords_import.ui" line="21"/>
        <source>Coordinate reference system</source>
        <translation>坐标参考系</translation>
    </message>
    <message>
        <location filename="../../forms/coords_import.ui" line="58"/>
        <source>Send the imported sites to the compliance check</source>
        <translation>将导入的地块送交合规性检查</translation>
    </message>
    <message>
        <location filename="../../forms/coords_import.ui" line="37"/>
        <source>Problems (line numbers refer to the file)</source>
        <translation>问题（行号为文件中的行号）</translation>
    </message>
    <message>
        <location filename="../../forms/coords_import.ui" line="54"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../forms/coords_import.ui" line="23"/>
        <source>Close rings that lack their closing point (with a warning)</source>
        <translation>自动闭合缺少闭合点的圈（给出警告）</translation>
    </message>
</context>
<context>
    <name>HeightCheckDialogBase</name>
    <message>
        <location filename="../../forms/height_check.ui" line="6"/>
        <source>Building height check</source>
        <translation>建筑高度控制检查</translation>
    </message>
    <message>
        <location filename="../../forms/height_check.ui" line="10"/>
        <source>Buildings</source>
        <translation>建筑</translation>
    </message>
    <message>
        <location filename="../../forms/height_check.ui" line="12"/>
        <source>Height zones</source>
        <translation>建筑高度控制分区</translation>
    </message>
    <message>
        <location filename="../../forms/height_check.ui" line="14"/>
        <source>Building height from</source>
        <translation>建筑高度来源</translation>
    </message>
    <message>
        <location filename="../../forms/height_check.ui" line="16"/>
        <source>Height field (m)</source>
        <translation>高度字段（米）</translation>
    </message>
    <message>
        <location filename="../../forms/height_check.ui" line="18"/>
        <source>Floors field</source>
        <translation>层数字段</translation>
    </message>
    <message>
        <location filename="../../forms/height_check.ui" line="20"/>
        <source>Storey height (m)</source>
        <translation>层高（米）</translation>
    </message>
    <message>
        <location filename="../../forms/height_check.ui" line="22"/>
        <source>Area tolerance (m²)</source>
        <translation>面积容差（平方米）</translation>
    </message>
    <message>
        <location filename="../../forms/height_check.ui" line="24"/>
        <source>Area method</source>
        <translation>面积计算方法</translation>
    </message>
    <message>
        <location filename="../../forms/height_check.ui" line="26"/>
        <source>Area CRS</source>
        <translation>面积计算坐标系</translation>
    </message>
    <message>
        <location filename="../../forms/height_check.ui" line="28"/>
        <source>Output GeoPackage</source>
        <translation>输出 GeoPackage</translation>
    </message>
    <message>
        <location filename="../../forms/height_check.ui" line="31"/>
        <source>Temporary layers</source>
        <translation>临时图层</translation>
    </message>
    <message>
        <location filename="../../forms/height_check.ui" line="32"/>
        <source>…</source>
        <translation>…</translation>
    </message>
</context>
<context>
    <name>IndicatorDialogBase</name>
    <message>
        <location filename="../../forms/indicators.ui" line="6"/>
        <source>Plan indicators</source>
        <translation>规划指标</translation>
    </message>
    <message>
        <location filename="../../forms/indicators.ui" line="10"/>
        <source>Indicator file</source>
        <translation>指标文件</translation>
    </message>
    <message>
        <location filename="../../forms/indicators.ui" line="27"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location filename="../../forms/indicators.ui" line="17"/>
        <source>Year of the charts and map sheet</source>
        <translation>图表和专题图的年份</translation>
    </message>
    <message>
        <location filename="../../forms/indicators.ui" line="19"/>
        <source>Area method</source>
        <translation>面积计算方法</translation>
    </message>
    <message>
        <location filename="../../forms/indicators.ui" line="21"/>
        <source>Area CRS</source>
        <translation>面积计算坐标系</translation>
    </message>
    <message>
        <location filename="../../forms/indicators.ui" line="23"/>
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <location filename="../../forms/indicators.ui" line="26"/>
        <source>A new temporary folder</source>
        <translation>新建临时文件夹</translation>
    </message>
    <message>
        <location filename="../../forms/indicators.ui" line="30"/>
        <source>Also print the indicator map sheet (PDF)</source>
        <translation>同时输出规划指标达标情况图（PDF）</translation>
    </message>
    <message>
        <location filename="../../forms/indicators.ui" line="33"/>
        <source>Indicators to check (measured from the plan layers loaded in the project)</source>
        <translation>要检查的指标（由项目中已加载的规划图层测算）</translation>
    </message>
</context>
<context>
    <name>LifeCircleDialogBase</name>
    <message>
        <location filename="../../forms/life_circle.ui" line="6"/>
        <source>15-minute community life circle</source>
        <translation>15分钟社区生活圈</translation>
    </message>
    <message>
        <location filename="../../forms/life_circle.ui" line="10"/>
        <source>Public service facilities</source>
        <translation>公共服务设施</translation>
    </message>
    <message>
        <location filename="../../forms/life_circle.ui" line="12"/>
        <source>Facility type field</source>
        <translation>设施类型字段</translation>
    </message>
    <message>
        <location filename="../../forms/life_circle.ui" line="14"/>
        <source>Facility level field</source>
        <translation>设施级别字段</translation>
    </message>
    <message>
        <location filename="../../forms/life_circle.ui" line="16"/>
        <source>Residential areas</source>
        <translation>居住区</translation>
    </message>
    <message>
        <location filename="../../forms/life_circle.ui" line="18"/>
        <source>Street network</source>
        <translation>道路网</translation>
    </message>
    <message>
        <location filename="../../forms/life_circle.ui" line="20"/>
        <source>Life-circle table</source>
        <translation>生活圈配置表</translation>
    </message>
    <message>
        <location filename="../../forms/life_circle.ui" line="42"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location filename="../../forms/life_circle.ui" line="27"/>
        <source>Walking speed (km/h)</source>
        <translation>步行速度（千米/小时）</translation>
    </message>
    <message>
        <location filename="../../forms/life_circle.ui" line="29"/>
        <source>Walking minutes per level</source>
        <translation>各级步行分钟数</translation>
    </message>
    <message>
        <location filename="../../forms/life_circle.ui" line="31"/>
        <source>Access distance (m)</source>
        <translation>接入距离（米）</translation>
    </message>
    <message>
        <location filename="../../forms/life_circle.ui" line="33"/>
        <source>Use straight-line distances when the network cannot be used</source>
        <translation>道路网不可用时使用直线距离</translation>
    </message>
    <message>
        <location filename="../../forms/life_circle.ui" line="34"/>
        <source>Area method</source>
        <translation>面积计算方法</translation>
    </message>
    <message>
        <location filename="../../forms/life_circle.ui" line="36"/>
        <source>Area CRS</source>
        <translation>面积计算坐标系</translation>
    </message>
    <message>
        <location filename="../../forms/life_circle.ui" line="38"/>
        <source>Output GeoPackage</source>
        <translation>输出 GeoPackage</translation>
    </message>
    <message>
        <location filename="../../forms/life_circle.ui" line="41"/>
        <source>Temporary layers</source>
        <translation>临时图层</translation>
    </message>
</context>
<context>
    <name>LoadLayersDialogBase</name>
    <message>
        <location filename="../../forms/load_layers.ui" line="6"/>
        <source>Load plan layers</source>
        <translation>加载规划图层</translation>
    </message>
    <message>
        <location filename="../../forms/load_layers.ui" line="10"/>
        <source>Source type</source>
        <translation>数据源类型</translation>
    </message>
    <message>
        <location filename="../../forms/load_layers.ui" line="12"/>
        <source>Source</source>
        <translation>数据源</translation>
    </message>
    <message>
        <location filename="../../forms/load_layers.ui" line="14"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location filename="../../forms/load_layers.ui" line="19"/>
        <source>Inspect source</source>
        <translation>检查数据源</translation>
    </message>
    <message>
        <location filename="../../forms/load_layers.ui" line="24"/>
        <source>Load</source>
        <translation>加载</translation>
    </message>
    <message>
        <location filename="../../forms/load_layers.ui" line="25"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../forms/load_layers.ui" line="26"/>
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <location filename="../../forms/load_layers.ui" line="27"/>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../../forms/load_layers.ui" line="28"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../forms/load_layers.ui" line="29"/>
        <source>Text encoding</source>
        <translation>文字编码</translation>
    </message>
</context>
<context>
    <name>MonitoringDialogBase</name>
    <message>
        <location filename="../../forms/monitoring.ui" line="6"/>
        <source>Plan implementation monitoring</source>
        <translation>规划实施监测预警</translation>
    </message>
    <message>
        <location filename="../../forms/monitoring.ui" line="8"/>
        <source>现状 snapshots of later years (年度变更调查 地类图斑) against the plan layers loaded in the project and the base year's 三调 (DLTB): new construction land on the control lines, cultivated land lost and gained per township, and every indicator on its path to the 2025 and 2035 targets. Tick the snapshots and give each its year (empty: from its NF field or its name).</source>
        <translation>以后年份的现状数据（年度变更调查地类图斑）与工程中已加载的规划图层及基期三调（DLTB）对比：控制线上的新增建设用地、分乡镇耕地增减，以及各项指标相对于 2025 年、2035 年目标路径的进展。请勾选现状图层并填写年份（为空时取 NF 字段或图层名称中的年份）。</translation>
    </message>
    <message>
        <location filename="../../forms/monitoring.ui" line="11"/>
        <source>Snapshot layer</source>
        <translation>现状图层</translation>
    </message>
    <message>
        <location filename="../../forms/monitoring.ui" line="12"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../forms/monitoring.ui" line="16"/>
        <source>Class field</source>
        <translation>地类字段</translation>
    </message>
    <message>
        <location filename="../../forms/monitoring.ui" line="18"/>
        <source>Monitoring rule file</source>
        <translation>监测预警规则文件</translation>
    </message>
    <message>
        <location filename="../../forms/monitoring.ui" line="21"/>
        <source>The plugin&apos;s rule file</source>
        <translation>插件自带的规则文件</translation>
    </message>
    <message>
        <location filename="../../forms/monitoring.ui" line="40"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location filename="../../forms/monitoring.ui" line="25"/>
        <source>Indicators over time</source>
        <translation>分年度指标监测</translation>
    </message>
    <message>
        <location filename="../../forms/monitoring.ui" line="28"/>
        <source>The plugin&apos;s indicator file</source>
        <translation>插件自带的指标文件</translation>
    </message>
    <message>
        <location filename="../../forms/monitoring.ui" line="32"/>
        <source>Area method</source>
        <translation>面积计算方法</translation>
    </message>
    <message>
        <location filename="../../forms/monitoring.ui" line="34"/>
        <source>Area CRS</source>
        <translation>面积计算坐标系</translation>
    </message>
    <message>
        <location filename="../../forms/monitoring.ui" line="36"/>
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <location filename="../../forms/monitoring.ui" line="39"/>
        <source>A new temporary folder</source>
        <translation>新建临时文件夹</translation>
    </message>
    <message>
        <location filename="../../forms/monitoring.ui" line="45"/>
        <source>Also print the map sheet 规划实施监测预警图 and its township atlas (PDF)</source>
        <translation>同时输出规划实施监测预警图及乡镇图集（PDF）</translation>
    </message>
</context>
<context>
    <name>PrintDialogBase</name>
    <message>
        <location filename="../../forms/print_sheets.ui" line="6"/>
        <source>Print thematic maps</source>
        <translation>专题图打印</translation>
    </message>
    <message>
        <location filename="../../forms/print_sheets.ui" line="8"/>
        <source>Map sheets</source>
        <translation>专题图</translation>
    </message>
    <message>
        <location filename="../../forms/print_sheets.ui" line="10"/>
        <source>Atlas: one sheet per township</source>
        <translation>图集：每个乡镇一幅</translation>
    </message>
    <message>
        <location filename="../../forms/print_sheets.ui" line="11"/>
        <source>Atlas: one sheet per checked site (from the last compliance check)</source>
        <translation>图集：每个检查地块一幅（取自最近一次合规性检查）</translation>
    </message>
    <message>
        <location filename="../../forms/print_sheets.ui" line="14"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../forms/print_sheets.ui" line="16"/>
        <source>Resolution (DPI)</source>
        <translation>分辨率（DPI）</translation>
    </message>
    <message>
        <location filename="../../forms/print_sheets.ui" line="18"/>
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <location filename="../../forms/print_sheets.ui" line="22"/>
        <source>…</source>
        <translation>…</translation>
    </message>
</context>
<context>
    <name>QaDialogBase</name>
    <message>
        <location filename="../../forms/qa.ui" line="6"/>
        <source>Plan data quality check</source>
        <translation>规划成果质检</translation>
    </message>
    <message>
        <location filename="../../forms/qa.ui" line="8"/>
        <source>Rules to run (on the plan layers loaded in the project)</source>
        <translation>要运行的规则（针对工程中已加载的规划图层）</translation>
    </message>
    <message>
        <location filename="../../forms/qa.ui" line="12"/>
        <source>Select all</source>
        <translation>全选</translation>
    </message>
    <message>
        <location filename="../../forms/qa.ui" line="13"/>
        <source>Select none</source>
        <translation>全不选</translation>
    </message>
</context>
<context>
    <name>SettingsDialogBase</name>
    <message>
        <location filename="../../forms/settings.ui" line="6"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="10"/>
        <source>Area CRS</source>
        <translation>面积计算坐标系</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="22"/>
        <source>Area method</source>
        <translation>面积计算方法</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="24"/>
        <source>Area tolerance (m²)</source>
        <translation>面积容差（平方米）</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="26"/>
        <source>Resolution (DPI)</source>
        <translation>分辨率（DPI）</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="28"/>
        <source>Overlay engine</source>
        <translation>叠加分析引擎</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="29"/>
        <source>Where the checks&apos; overlays run. Automatic: in PostGIS when every layer is in one PostGIS database, else vectorized on all cores with shapely 2, else with QGIS alone.</source>
        <translation>各项检查的叠加分析在何处运行。自动：所有图层都在同一个 PostGIS 数据库中时在数据库内运行，否则用 shapely 2 在全部 CPU 核心上向量化运行，再否则仅用 QGIS 运行。</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="15"/>
        <source>An EPSG code (4546 or EPSG:4546) or any authority code QGIS knows; or choose one with the button</source>
        <translation>EPSG 代码（4546 或 EPSG:4546）或 QGIS 认识的其他坐标系代码；也可用右侧按钮选择</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="16"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
</context>
<context>
    <name>TownshipGuidanceDialogBase</name>
    <message>
        <location filename="../../forms/township_guidance.ui" line="6"/>
        <source>Township planning guidance</source>
        <translation>乡镇规划指引</translation>
    </message>
    <message>
        <location filename="../../forms/township_guidance.ui" line="8"/>
        <source>Per township: the areas of cultivated land, permanent basic farmland, the ecological protection red line, the urban development boundary and construction land, from the plan layers loaded in the project; a table with the city total (CSV and XLSX) and a report.</source>
        <translation>逐乡镇统计耕地、永久基本农田、生态保护红线、城镇开发边界和建设用地的面积（取自项目中已加载的规划图层），输出含全市合计的表格（CSV 和 XLSX）和报告。</translation>
    </message>
    <message>
        <location filename="../../forms/township_guidance.ui" line="11"/>
        <source>Area method</source>
        <translation>面积计算方法</translation>
    </message>
    <message>
        <location filename="../../forms/township_guidance.ui" line="13"/>
        <source>Area CRS</source>
        <translation>面积计算坐标系</translation>
    </message>
    <message>
        <location filename="../../forms/township_guidance.ui" line="15"/>
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <location filename="../../forms/township_guidance.ui" line="18"/>
        <source>A new temporary folder</source>
        <translation>新建临时文件夹</translation>
    </message>
    <message>
        <location filename="../../forms/township_guidance.ui" line="19"/>
        <source>…</source>
        <translation>…</translation>
    </message>
</context>
<context>
    <name>VersionsDialogBase</name>
    <message>
        <location filename="../../forms/versions.ui" line="6"/>
        <source>Compare plan versions</source>
        <translation>规划版本对比</translation>
    </message>
    <message>
        <location filename="../../forms/versions.ui" line="10"/>
        <source>Earlier version</source>
        <translation>旧版本</translation>
    </message>
    <message>
        <location filename="../../forms/versions.ui" line="28"/>
        <source>Source type</source>
        <translation>数据源类型</translation>
    </message>
    <message>
        <location filename="../../forms/versions.ui" line="30"/>
        <source>Source</source>
        <translation>数据源</translation>
    </message>
    <message>
        <location filename="../../forms/versions.ui" line="32"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location filename="../../forms/versions.ui" line="33"/>
        <source>PostGIS schema</source>
        <translation>PostGIS 模式</translation>
    </message>
    <message>
        <location filename="../../forms/versions.ui" line="26"/>
        <source>Later version</source>
        <translation>新版本</translation>
    </message>
    <message>
        <location filename="../../forms/versions.ui" line="42"/>
        <source>Townships that split the areas</source>
        <translation>划分面积所用的乡镇</translation>
    </message>
    <message>
        <location filename="../../forms/versions.ui" line="44"/>
        <source>Area tolerance (m²)</source>
        <translation>面积容差（平方米）</translation>
    </message>
    <message>
        <location filename="../../forms/versions.ui" line="46"/>
        <source>Write the report with a change map sheet per changed layer</source>
        <translation>生成报告，每个变更图层附一幅变更图</translation>
    </message>
    <message>
        <location filename="../../forms/versions.ui" line="49"/>
        <source>Layers to compare</source>
        <translation>要对比的图层</translation>
    </message>
    <message>
        <location filename="../../forms/versions.ui" line="35"/>
        <source>Text encoding</source>
        <translation>文字编码</translation>
    </message>
</context>
</TS>
