"""The report's maps of one site: a conflict map at a scale that fits it, and a location map.

The conflict map shows the site outline (labelled with its key), its conflict pieces hatched in
a colour no control fill uses, the control lines of the rule set (labelled with their names), the
township boundaries and roads, and the central city's planned land use and the 三调 land classes
pale underneath (so no map is one flat colour), at a round scale with a
scale bar and north arrow. The location map marks the site on its township and on the city. Each
map comes with the legend of what it shows, as text and swatch images for the report.

Layers are drawn from styled copies (same source, own style): the user's layers are never
changed. Everything here paints onto images, so it runs in a background task.
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsLabelObstacleSettings,
    QgsPalLayerSettings,
    QgsProperty,
    QgsRectangle,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)

from ...i18n import tr
from ..plan_data.catalogue import default_catalogue
from ..plan_data.map_image import (
    MapFrame,
    decorate,
    map_settings,
    new_image,
    render_onto,
    round_scale,
    swatch,
)
from ..plan_data.styles import apply_style, colours, label_settings, symbol_for

CONFLICT_FRAME = MapFrame(170.0, 100.0, 150)
LOCATION_FRAME = MapFrame(60.0, 60.0, 150)
CITY, TOWNSHIPS, ROADS, LAND_CLASSES, PLANNED_USE = "XZQ", "XZQ_XZ", "JTXL", "DLTB", "ZXCQYD"
LAND_CLASS_OPACITY = 0.35
PLANNED_USE_OPACITY = 0.5
CONTROL_OPACITY = 0.75  # the land classes show through control fills
MIN_SCALE = 500
MAX_PART_MAPS = 6
CATEGORY_SAMPLE = 5000  # features read to find which categories a map shows


@dataclass
class LegendRow:
    label: str
    image: Optional[str] = None  # swatch path relative to the report; None: a heading


@dataclass
class SiteMap:
    path: str  # relative to the report
    width_mm: float
    height_mm: float
    scale: int
    extent: QgsRectangle  # map extent in the area CRS (for tests and atlases)
    legend: list[LegendRow] = field(default_factory=list)


@dataclass
class _Drawn:
    """A styled layer on the maps and how it appears in legends."""

    key: str
    layer: QgsVectorLayer
    title: str
    opacity: float = 1.0


def _copy(layer: QgsVectorLayer) -> QgsVectorLayer:
    """A copy to style: memory layers with their features, others from the same source."""
    if layer.providerType() == "memory":
        copy = layer.materialize(QgsFeatureRequest())
    else:
        copy = QgsVectorLayer(layer.source(), layer.name(), layer.providerType())
    copy.setName(layer.name())
    return copy


def _memory(kind: str, crs, features: list[tuple[QgsGeometry, str]], look: dict, label: bool = False) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{kind}?crs={crs.authid()}&field=label:string", kind, "memory")
    rows = []
    for geometry, text in features:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(geometry)
        feature.setAttributes([text])
        rows.append(feature)
    layer.dataProvider().addFeatures(rows)
    geometry_kind = {"Point": "point", "MultiPolygon": "polygon"}[kind]
    layer.setRenderer(QgsSingleSymbolRenderer(symbol_for(geometry_kind, look)))
    if label:  # the site's key beside it; other labels keep off its outline
        labeling = label_settings("label", "point", 9.0)  # no size rule: placement set below
        settings = labeling.settings()
        settings.placement = QgsPalLayerSettings.Placement.OutsidePolygons
        obstacle = settings.obstacleSettings()
        obstacle.setIsObstacle(True)
        obstacle.setType(QgsLabelObstacleSettings.ObstacleType.PolygonBoundary)
        obstacle.setFactor(2.0)
        settings.setObstacleSettings(obstacle)
        labeling.setSettings(settings)
        layer.setLabeling(labeling)
        layer.setLabelsEnabled(True)
    return layer


def _spread_parts(geometry: QgsGeometry) -> list[QgsGeometry]:
    """The site's parts when they lie far apart (a map of all would be 4× smaller in scale than
    the map of its largest part), else the site itself; at most ``MAX_PART_MAPS`` maps."""
    parts = geometry.asGeometryCollection() if geometry.isMultipart() else [geometry]
    if not 1 < len(parts) <= MAX_PART_MAPS:
        return [geometry]
    frame = (CONFLICT_FRAME.width_mm, CONFLICT_FRAME.height_mm)
    box = geometry.boundingBox()
    whole = round_scale(box.width(), box.height(), frame, fill=0.6)
    largest = max(round_scale(p.boundingBox().width(), p.boundingBox().height(), frame, fill=0.6) for p in parts)
    return parts if whole > 4 * largest else [geometry]


class SiteMapper:
    """Draws the maps of many sites from one set of styled layer copies and legend swatches."""

    def __init__(self, layers: dict[str, QgsVectorLayer], ruleset, crs, folder: Path, prefix: str):
        self.crs, self.folder, self.prefix = crs, Path(folder), prefix
        self.folder.mkdir(parents=True, exist_ok=True)
        self.looks = colours()["single"]
        self._swatches: dict[str, str] = {}
        catalogue = default_catalogue()
        label_fields = {}
        for rule in (r for r in ruleset.verdict_rules if r.rule_kind.draws_control):
            label_fields.setdefault(rule.layer, rule.key_fields[0] if rule.key_fields else None)
        self.label_fields = {code: f for code, f in label_fields.items() if f}
        self.controls = [
            self._styled(layers.get(code), code, catalogue, label, CONTROL_OPACITY)
            for code, label in label_fields.items()
        ]
        self.controls = [d for d in self.controls if d is not None]
        self.context = [
            d
            for d in (
                self._styled(layers.get(TOWNSHIPS), TOWNSHIPS, catalogue, "XZQMC"),
                self._styled(layers.get(ROADS), ROADS, catalogue, None),
            )
            if d
        ]
        self.base = [
            d
            for d in (
                self._styled(layers.get(PLANNED_USE), PLANNED_USE, catalogue, None, PLANNED_USE_OPACITY),
                self._styled(layers.get(LAND_CLASSES), LAND_CLASSES, catalogue, None, LAND_CLASS_OPACITY),
            )
            if d
        ]
        self.city = self._styled(layers.get(CITY), CITY, catalogue, None)
        self.townships = self._township_shapes(layers.get(TOWNSHIPS))

    def _styled(self, layer, code, catalogue, label_field, opacity=1.0) -> Optional[_Drawn]:
        if layer is None or not layer.isValid() or code not in {spec.code for spec in catalogue.layers}:
            return None
        copy = _copy(layer)
        if not copy.isValid():
            return None
        spec = catalogue.layer(code)
        apply_style(copy, spec, catalogue, labels=False)
        if label_field and copy.fields().lookupField(label_field) >= 0:
            copy.setLabeling(label_settings(label_field, spec.geometry, 8.0, layer=copy))
            copy.setLabelsEnabled(True)
        copy.setOpacity(opacity)
        return _Drawn(code, copy, spec.name, opacity)

    def _township_shapes(self, layer) -> list[tuple[str, QgsGeometry]]:
        """Township names and outlines in the area CRS (few features: read once)."""
        if layer is None or not layer.isValid():
            return []
        name = "XZQMC" if layer.fields().lookupField("XZQMC") >= 0 else None
        request = QgsFeatureRequest()
        request.setDestinationCrs(self.crs, QgsCoordinateTransformContext())
        return [
            (str(f[name]) if name else str(f.id()), f.geometry()) for f in layer.getFeatures(request) if f.hasGeometry()
        ]

    def townships_of(self, geometry: QgsGeometry) -> list[str]:
        if geometry.isEmpty():
            return []
        box = geometry.boundingBox()
        return [
            name for name, shape in self.townships if shape.boundingBox().intersects(box) and shape.intersects(geometry)
        ]

    # -- the conflict map ------------------------------------------------------------------

    def conflict_maps(
        self, number: int, site_key: str, geometry: QgsGeometry, pieces: list[QgsGeometry], named: dict[str, set] = None
    ) -> list[SiteMap]:
        """One map, or one per part when the parts lie so far apart that a map of them all
        would shrink each to a dot. ``named``: per control layer code, the key-field values of the
        features the site conflicts with; only those are labelled (a farmland layer labelled
        everywhere hides the site)."""
        self._label_only(named or {})
        parts = _spread_parts(geometry)
        return [
            self.conflict_map(number, site_key, geometry, pieces, focus, "" if len(parts) == 1 else f"_{i}")
            for i, focus in enumerate(parts, start=1)
        ]

    def conflict_map(
        self,
        number: int,
        site_key: str,
        geometry: QgsGeometry,
        pieces: list[QgsGeometry],
        focus: QgsGeometry = None,
        suffix: str = "",
    ) -> SiteMap:
        frame = CONFLICT_FRAME
        box = (focus or geometry).boundingBox()
        scale = max(MIN_SCALE, round_scale(box.width(), box.height(), (frame.width_mm, frame.height_mm), fill=0.6))
        site = _memory("MultiPolygon", self.crs, [(geometry, site_key)], self.looks["site"], label=True)
        overlays = [site]
        conflict = None
        if pieces:
            conflict = _memory(
                "MultiPolygon", self.crs, [(QgsGeometry.collectGeometry(pieces), "")], self.looks["conflict"]
            )
            overlays.append(conflict)
        drawn = self.context + self.controls + self.base
        settings = map_settings(overlays + [d.layer for d in drawn], self.crs, box.center(), scale, frame)
        image = decorate(render_onto(new_image(frame), settings), frame, scale)
        name = f"{self.prefix}_{number:05d}_conflict{suffix}.png"
        image.save(str(self.folder / name))
        legend = [LegendRow(tr("Project site"), self._swatch("site", site.renderer().symbol()))]
        if conflict is not None:
            legend.append(LegendRow(tr("Conflict pieces"), self._swatch("conflict", conflict.renderer().symbol())))
        for drawn_layer in drawn:
            legend += self._legend(drawn_layer, settings.extent())
        return SiteMap(f"{self.folder.name}/{name}", frame.width_mm, frame.height_mm, scale, settings.extent(), legend)

    def _label_only(self, named: dict[str, set]) -> None:
        for drawn in self.controls:
            field_name = self.label_fields.get(drawn.key)
            if not field_name or not drawn.layer.labelsEnabled():
                continue
            values = sorted(str(v) for v in named.get(drawn.key, ()))
            expression = (
                f"{QgsExpression.quotedColumnRef(field_name)} IN "
                f"({', '.join(QgsExpression.quotedString(v) for v in values)})"
                if values
                else "false"
            )
            labeling = drawn.layer.labeling()
            settings = labeling.settings()
            properties = settings.dataDefinedProperties()
            properties.setProperty(QgsPalLayerSettings.Property.Show, QgsProperty.fromExpression(expression))
            settings.setDataDefinedProperties(properties)
            labeling.setSettings(settings)

    # -- the location map ------------------------------------------------------------------

    def location_map(self, number: int, geometry: QgsGeometry) -> Optional[SiteMap]:
        """The city with its townships, the site's township shaded and the site marked."""
        outline = self.city or next((d for d in self.context if d.key == TOWNSHIPS), None)
        if outline is None or geometry.isEmpty():
            return None
        frame = LOCATION_FRAME
        extent = QgsCoordinateTransform(
            outline.layer.crs(), self.crs, QgsCoordinateTransformContext()
        ).transformBoundingBox(outline.layer.extent())
        extent.combineExtentWith(geometry.boundingBox())
        scale = round_scale(extent.width(), extent.height(), (frame.width_mm, frame.height_mm), fill=0.92)
        names = set(self.townships_of(geometry))
        shaded = _memory(
            "MultiPolygon",
            self.crs,
            [(shape, name) for name, shape in self.townships if name in names],
            self.looks["site_township"],
        )
        marker = _memory("Point", self.crs, [(geometry.pointOnSurface(), "")], self.looks["site_marker"])
        township_layers = [d for d in self.context if d.key == TOWNSHIPS]
        drawn = ([self.city] if self.city else []) + township_layers
        settings = map_settings([marker, shaded] + [d.layer for d in drawn], self.crs, extent.center(), scale, frame)
        image = decorate(render_onto(new_image(frame), settings), frame, scale)
        name = f"{self.prefix}_{number:05d}_location.png"
        image.save(str(self.folder / name))
        legend = [
            LegendRow(tr("Project site"), self._swatch("site_marker", marker.renderer().symbol())),
            LegendRow(tr("Township of the site"), self._swatch("site_township", shaded.renderer().symbol())),
        ]
        for drawn_layer in drawn:
            legend += self._legend(drawn_layer, settings.extent())
        return SiteMap(f"{self.folder.name}/{name}", frame.width_mm, frame.height_mm, scale, settings.extent(), legend)

    # -- legends ---------------------------------------------------------------------------

    def _legend(self, drawn: _Drawn, extent: QgsRectangle) -> list[LegendRow]:
        """The layer's entries that the map shows: one row, or a heading and its classes."""
        layer, renderer = drawn.layer, drawn.layer.renderer()
        request = QgsFeatureRequest()
        request.setFilterRect(
            QgsCoordinateTransform(self.crs, layer.crs(), QgsCoordinateTransformContext()).transformBoundingBox(extent)
        )
        if isinstance(renderer, QgsCategorizedSymbolRenderer):
            request.setLimit(CATEGORY_SAMPLE)
            values = self._values(layer, renderer.classAttribute(), request)
            rows = [
                LegendRow(
                    category.label() or str(category.value()),
                    self._swatch(f"{drawn.key}_{category.value()}", category.symbol(), drawn.opacity),
                )
                for category in renderer.categories()
                if str(category.value()) in values
            ]
            return [LegendRow(drawn.title)] + rows if rows else []
        request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
        request.setNoAttributes()
        request.setLimit(1)
        if next(layer.getFeatures(request), None) is None:
            return []
        return [LegendRow(drawn.title, self._swatch(drawn.key, renderer.symbol(), drawn.opacity))]

    @staticmethod
    def _values(layer, attribute: str, request) -> set:
        expression = QgsExpression(
            attribute if layer.fields().lookupField(attribute) < 0 else QgsExpression.quotedColumnRef(attribute)
        )
        context = QgsExpressionContext()
        context.appendScope(QgsExpressionContextUtils.layerScope(layer))
        expression.prepare(context)
        values = set()
        for feature in layer.getFeatures(request):
            context.setFeature(feature)
            value = expression.evaluate(context)
            if value is not None:
                values.add(str(value))
        return values

    def _swatch(self, key: str, symbol, opacity: float = 1.0) -> str:
        if key not in self._swatches:
            name = f"legend_{len(self._swatches):03d}.png"
            swatch(symbol, CONFLICT_FRAME, opacity=opacity).save(str(self.folder / name))
            self._swatches[key] = f"{self.folder.name}/{name}"
        return self._swatches[key]
