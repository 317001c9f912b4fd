<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>@default</name>
    <message>
        <location filename="../../yongji_plugin/core/conformance.py" line="39" />
        <source>missing field {field}</source>
        <translation>缺少字段 {field}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/conformance.py" line="44" />
        <source>field {field} is {actual}, expected {expected}</source>
        <translation>字段 {field} 类型为 {actual}，应为 {expected}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/conformance.py" line="55" />
        <source>layer cannot be opened</source>
        <translation>图层无法打开</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/conformance.py" line="59" />
        <source>wrong geometry type {actual}, expected {expected}</source>
        <translation>几何类型错误：{actual}，应为 {expected}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/conformance.py" line="66" />
        <source>layer has no CRS</source>
        <translation>图层没有坐标参考系</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/conformance.py" line="68" />
        <source>CRS {crs} is not CGCS2000</source>
        <translation>坐标系 {crs} 不是 CGCS2000</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/loader.py" line="32" />
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/loader.py" line="34" />
        <source>found ({count} features)</source>
        <translation>已找到（{count} 个要素）</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/loader.py" line="112" />
        <source>Layer {name} cannot be opened</source>
        <translation>图层 {name} 无法打开</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/sources.py" line="40" />
        <source>Unknown source type: {kind}</source>
        <translation>未知的数据源类型：{kind}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/sources.py" line="45" />
        <source>GeoPackage not found: {path}</source>
        <translation>找不到 GeoPackage：{path}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/sources.py" line="48" />
        <source>Not a readable GeoPackage: {path}</source>
        <translation>无法读取的 GeoPackage：{path}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/sources.py" line="56" />
        <source>Folder not found: {path}</source>
        <translation>找不到文件夹：{path}</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/core/sources.py" line="70" />
        <source>No saved PostGIS connection named {name}</source>
        <translation>没有名为 {name} 的已保存 PostGIS 连接</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/plugin.py" line="22" />
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/alg_inspect_source.py" line="47" />
        <source>GeoPackage</source>
        <translation>GeoPackage</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/alg_inspect_source.py" line="47" />
        <source>Folder of Shapefiles</source>
        <translation>Shapefile 文件夹</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/alg_inspect_source.py" line="47" />
        <source>Saved PostGIS connection</source>
        <translation>已保存的 PostGIS 连接</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/load_dialog.py" line="29" />
        <source>Load checked layers</source>
        <translation>加载勾选图层</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/load_dialog.py" line="55" />
        <source>Choose a GeoPackage</source>
        <translation>选择 GeoPackage</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/load_dialog.py" line="55" />
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/load_dialog.py" line="58" />
        <source>Choose a folder of Shapefiles</source>
        <translation>选择 Shapefile 文件夹</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/load_dialog.py" line="103" />
        <source>{found} found, {missing} missing, {bad} non-conforming</source>
        <translation>已找到 {found} 个，缺失 {missing} 个，不符合规范 {bad} 个</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/gui/load_dialog.py" line="121" />
        <source>Loaded {count} plan layers</source>
        <translation>已加载 {count} 个规划图层</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/plugin.py" line="78" />
        <source>Yongji One Map</source>
        <translation>永济一张图</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/plugin.py" line="21" />
        <source>Load plan layers</source>
        <translation>加载规划图层</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/provider.py" line="25" />
        <source>Yongji Spatial Plan</source>
        <translation>永济国土空间规划</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/alg_inspect_source.py" line="31" />
        <source>Inspect plan data source</source>
        <translation>检查规划数据源</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/alg_inspect_source.py" line="34" />
        <source>Plan data</source>
        <translation>规划数据</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/alg_inspect_source.py" line="40" />
        <source>Lists every layer of the plan catalogue as found, missing or non-conforming (missing fields, wrong geometry type, CRS not CGCS2000) in a GeoPackage, a folder of Shapefiles or a saved PostGIS connection.</source>
        <translation>在 GeoPackage、Shapefile 文件夹或已保存的 PostGIS 连接中，列出规划图层目录中每个图层的状态：已找到、缺失或不符合规范（缺少字段、几何类型错误、坐标系不是 CGCS2000）。</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/alg_inspect_source.py" line="47" />
        <source>Source type</source>
        <translation>数据源类型</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/alg_inspect_source.py" line="51" />
        <source>GeoPackage path, folder or connection name</source>
        <translation>GeoPackage 路径、文件夹或连接名</translation>
    </message>
    <message>
        <location filename="../../yongji_plugin/processing/alg_inspect_source.py" line="53" />
        <source>Catalogue status</source>
        <translation>图层目录状态</translation>
    </message>
</context>
<context>
    <name>LoadLayersDialogBase</name>
    <message>
        <location filename="../../forms/load_layers.ui" line="6" />
        <source>Load plan layers</source>
        <translation>加载规划图层</translation>
    </message>
    <message>
        <location filename="../../forms/load_layers.ui" line="10" />
        <source>Source type</source>
        <translation>数据源类型</translation>
    </message>
    <message>
        <location filename="../../forms/load_layers.ui" line="12" />
        <source>Source</source>
        <translation>数据源</translation>
    </message>
    <message>
        <location filename="../../forms/load_layers.ui" line="14" />
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location filename="../../forms/load_layers.ui" line="17" />
        <source>Inspect source</source>
        <translation>检查数据源</translation>
    </message>
    <message>
        <location filename="../../forms/load_layers.ui" line="22" />
        <source>Load</source>
        <translation>加载</translation>
    </message>
    <message>
        <location filename="../../forms/load_layers.ui" line="23" />
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../forms/load_layers.ui" line="24" />
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <location filename="../../forms/load_layers.ui" line="25" />
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../../forms/load_layers.ui" line="26" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
</TS>