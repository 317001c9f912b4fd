"""Match a source against the catalogue and load it into a project, grouped, ordered and styled.

Headless: the load dialog, the Processing algorithms, the demo and the tests all go through
:func:`inspect_source` and :func:`load_into_project`.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Callable, Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsDataSourceUri,
    QgsLayerTreeGroup,
    QgsProject,
    QgsVectorLayer,
)

from ...i18n import tr
from ..shared.errors import PlanError
from ..shared.layer_encoding import describe_layer_source, stamp
from .catalogue import Catalogue, LayerSpec, default_catalogue
from .conformance import conformance_findings
from .sources import Source, SourceLayer, list_layers
from .styles import apply_style

FOUND, MISSING, NONCONFORMING = "found", "missing", "nonconforming"
CODE_PROPERTY = "yongji/code"
SOURCE_PROPERTY = "yongji/source"  # the source as listed: providers rewrite layer.source()
DUPLICATE_PROPERTY = "yongji/duplicate"  # "found more than once in the source", for the reports


@dataclass
class LayerStatus:
    spec: LayerSpec
    status: str
    problems: list[str] = field(default_factory=list)
    source_layer: Optional[SourceLayer] = None
    feature_count: int = 0
    notes: list[str] = field(default_factory=list)  # lossless differences, said but conforming
    duplicates: list[SourceLayer] = field(default_factory=list)  # further source layers for the same spec

    def describe(self) -> str:
        if self.status == MISSING:
            return tr("missing")
        if self.status == FOUND:
            return "; ".join([tr("found ({count} features)").format(count=self.feature_count)] + self.notes)
        return "; ".join(self.problems + self.notes)


def open_layer(source_layer: SourceLayer, display_name: str) -> QgsVectorLayer:
    """The layer, its text read in the source layer's encoding (stamped on it for reports)."""
    layer = QgsVectorLayer(source_layer.uri, display_name, source_layer.provider)
    if source_layer.encoding is not None:
        stamp(layer, source_layer.encoding)
    return layer


def inspect_source(source: Source, catalogue: Catalogue = None) -> list[LayerStatus]:
    """One status per catalogue layer, in catalogue order (names matched: Catalogue.match_name).

    A catalogue layer found more than once (by code and by Chinese name, with two prefixes, in two
    schemas) is never taken silently: the exact name is read before a prefixed one, else the first
    listed, and the status is non-conforming, naming every source layer it was found as.
    """
    catalogue = catalogue or default_catalogue()
    by_spec: dict[str, list[tuple[bool, SourceLayer]]] = {}
    for source_layer in list_layers(source):
        matched = catalogue.match_name(source_layer.name)
        if matched is not None:
            by_spec.setdefault(matched[0].code, []).append((matched[1], source_layer))
    statuses = []
    for spec in catalogue.layers:
        found = [layer for _, layer in sorted(by_spec.get(spec.code, []), key=lambda m: not m[0])]
        statuses.append(_status(spec, found[0] if found else None, found[1:]))
    return statuses


def source_layer_label(source_layer: SourceLayer) -> str:
    """A source layer as a user finds it: its name, for PostGIS schema.table."""
    if source_layer.provider == "postgres":
        return f"{QgsDataSourceUri(source_layer.uri).schema()}.{source_layer.name}"
    return source_layer.name


def _duplicate_problem(read: SourceLayer, others: list[SourceLayer]) -> str:
    return tr(
        "found more than once in the source: {read} (read) and {others}; rename or remove the extra layers"
    ).format(read=source_layer_label(read), others=", ".join(source_layer_label(o) for o in others))


def _status(spec: LayerSpec, source_layer: Optional[SourceLayer], duplicates=()) -> LayerStatus:
    if source_layer is None:
        return LayerStatus(spec, MISSING)
    layer = open_layer(source_layer, spec.name)
    problems, notes = conformance_findings(layer, spec)
    if duplicates:
        problems.insert(0, _duplicate_problem(source_layer, list(duplicates)))
    count = layer.featureCount() if layer.isValid() else 0
    return LayerStatus(
        spec, NONCONFORMING if problems else FOUND, problems, source_layer, count, notes, list(duplicates)
    )


def open_plan(
    source: Source, catalogue: Catalogue = None, warn: Callable[[str], None] = None
) -> dict[str, QgsVectorLayer]:
    """The source's catalogue layers by code (found or non-conforming), not added to a project.

    ``warn`` (e.g. a Processing feedback's pushWarning) hears of every layer found more than once.
    """
    statuses = inspect_source(source, catalogue)
    for status in statuses:
        if status.duplicates and warn is not None:
            warn(_duplicate_note(status))
    return {
        s.spec.code: _stamped(open_layer(s.source_layer, s.spec.name), s)
        for s in statuses
        if s.source_layer is not None
    }


def _duplicate_note(status: LayerStatus) -> str:
    return tr("{name} ({code}): {problem}").format(
        name=status.spec.name, code=status.spec.code, problem=status.problems[0]
    )


def _stamped(layer: QgsVectorLayer, status: LayerStatus) -> QgsVectorLayer:
    """A layer read although the source holds it more than once carries the warning, so that every
    report's data-source line repeats it (:func:`describe_sources`), not the log alone."""
    if status.duplicates:
        layer.setCustomProperty(DUPLICATE_PROPERTY, _duplicate_note(status))
    return layer


def layers_by_code(layers, catalogue: Catalogue = None) -> dict[str, QgsVectorLayer]:
    """Map layers to catalogue codes: by the code the loader stamped on them, else by name. A
    stamped layer wins over one whose name only matches (a 现状 snapshot ``DLTB_2022`` added beside
    the loaded 三调 layer is not taken for it), whatever the project's layer order."""
    catalogue = catalogue or default_catalogue()
    layers = list(layers)
    result = {}
    for layer in layers:
        code = layer.customProperty(CODE_PROPERTY)
        if code and code not in result:
            result[code] = layer
    for layer in layers:
        if layer.customProperty(CODE_PROPERTY):
            continue
        spec = catalogue.match(layer.name())
        if spec and spec.code not in result:
            result[spec.code] = layer
    return result


def describe_sources(layers) -> str:
    """The distinct data sources behind some layers, for a report's "data source" line; a
    Shapefile with its text encoding and how it was decided ("…/乡镇.shp (GBK, detected)")."""
    sources, duplicates = set(), set()
    for layer in layers:
        if layer.providerType() == "postgres":
            uri = QgsDataSourceUri(layer.source())
            sources.add(f"PostGIS {uri.host()}:{uri.port()}/{uri.database()}")
        else:
            sources.add(describe_layer_source(layer))
        if layer.customProperty(DUPLICATE_PROPERTY):
            duplicates.add(str(layer.customProperty(DUPLICATE_PROPERTY)))
    return "; ".join([", ".join(sorted(sources))] + sorted(duplicates))


def _group(root: QgsLayerTreeGroup, name: str, index: int) -> QgsLayerTreeGroup:
    group = root.findGroup(name)
    return group if group is not None else root.insertGroup(index, name)


def _existing(project: QgsProject, source_layer: SourceLayer) -> Optional[QgsVectorLayer]:
    for layer in project.mapLayers().values():
        if layer.providerType() != source_layer.provider:
            continue
        if source_layer.uri in (layer.customProperty(SOURCE_PROPERTY), layer.source()):
            return layer
    return None


def load_into_project(
    statuses: Iterable[LayerStatus],
    project: QgsProject = None,
    catalogue: Catalogue = None,
    codes: Iterable[str] = None,
) -> list[QgsVectorLayer]:
    """Add the chosen layers (default: all conforming ones) and set the project CRS.

    Layers already in the project from the same source are kept, not added twice.
    """
    project = project or QgsProject.instance()
    catalogue = catalogue or default_catalogue()
    wanted = set(codes) if codes is not None else None
    chosen = [
        s
        for s in statuses
        if s.source_layer is not None and (s.spec.code in wanted if wanted is not None else s.status == FOUND)
    ]
    group_order = [g.id for g in catalogue.groups]
    loaded = []
    for status in chosen:
        layer = _existing(project, status.source_layer) or _add(project, status, catalogue, group_order)
        loaded.append(layer)
    project.setCrs(QgsCoordinateReferenceSystem(catalogue.crs))
    return loaded


def _add(project, status, catalogue, group_order) -> QgsVectorLayer:
    spec = status.spec
    layer = open_layer(status.source_layer, spec.name)
    if not layer.isValid():
        raise PlanError(tr("Layer {name} cannot be opened").format(name=spec.name))
    apply_style(layer, spec, catalogue, overlay=True)
    layer.setCustomProperty(CODE_PROPERTY, spec.code)
    layer.setCustomProperty(SOURCE_PROPERTY, status.source_layer.uri)
    _stamped(layer, status)
    project.addMapLayer(layer, False)
    root = project.layerTreeRoot()
    group_spec = catalogue.group(spec.group)
    group = _group(root, group_spec.name, _group_index(root, group_spec.id, group_order, catalogue))
    node = group.insertLayer(_layer_index(group, spec, catalogue), layer)
    node.setItemVisibilityChecked(spec.visible)
    return layer


def _group_index(root, group_id, group_order, catalogue) -> int:
    """Insert a new group after the catalogue groups that precede it and already exist."""
    before = {catalogue.group(g).name for g in group_order[: group_order.index(group_id)]}
    index = 0
    for i, child in enumerate(root.children()):
        if getattr(child, "name", lambda: None)() in before:
            index = i + 1
    return index


def _layer_index(group: QgsLayerTreeGroup, spec: LayerSpec, catalogue: Catalogue) -> int:
    order = [s.code for s in catalogue.layers_in(spec.group)]
    mine = order.index(spec.code)
    index = 0
    for i, node in enumerate(group.findLayers()):
        code = node.layer().customProperty(CODE_PROPERTY) if node.layer() else None
        if code in order and order.index(code) < mine:
            index = i + 1
    return index
