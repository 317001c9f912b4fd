"""The walking network of the life circle: a copy in the area CRS, its connectivity, service areas.

Service areas come from QGIS's own network analysis (``native:serviceareafromlayer``, strategy
"shortest", both directions) with the travel cost as a distance: walking speed × minutes. Costs
are planar metres in the area CRS (the algorithm's context gets no ellipsoid), so desktop,
Processing and command line agree.

Connectivity is checked first, on the same graph QGIS builds (lines join only where they share a
vertex, or within the topology tolerance): every facility must lie within the access distance of
a street, every residential area must have a street within the access distance of its edge, and
all of them must reach one connected part of the network. Otherwise the result would silently
say "lacks everything" for an area whose street was never joined; so the features at fault are
named instead.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Optional

from qgis.core import (
    QgsApplication,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsRectangle,
    QgsSpatialIndex,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import Qt

from ...i18n import tr
from ..shared.errors import PlanError

SERVICE_AREA = "native:serviceareafromlayer"
_native_provider = None  # kept alive when this module had to register QGIS's native algorithms


@dataclass
class Attachment:
    """A facility or residential area and where it meets the network."""

    kind: str  # translated: "facility", "residential area"
    fid: int
    name: str
    distance: float  # m to the nearest street (for an area: from its edge)
    components: frozenset  # connected parts of the network it touches within the access distance


def network_copy(layer, area_crs, name: str) -> QgsVectorLayer:
    """The street lines in the area CRS, as a memory layer the graph and the algorithm both read."""
    copy = QgsVectorLayer(f"MultiLineString?crs={area_crs.authid()}", name, "memory")
    request = QgsFeatureRequest().setDestinationCrs(area_crs, QgsCoordinateTransformContext())
    request.setNoAttributes()
    features = []
    for source in layer.getFeatures(request):
        geometry = source.geometry()
        if geometry.isNull() or geometry.isEmpty():
            continue
        geometry.convertToMultiType()
        feature = QgsFeature()
        feature.setGeometry(geometry)
        features.append(feature)
    copy.dataProvider().addFeatures(features)
    copy.updateExtents()
    if copy.featureCount() == 0:
        raise PlanError(tr("Street network {name} has no lines").format(name=name))
    return copy


class NetworkGraph:
    """The graph QGIS builds from the network, tied to the facilities, split into connected parts."""

    def __init__(self, network: QgsVectorLayer, tie_points: Sequence[QgsPointXY], tolerance: float):
        from qgis.analysis import (
            QgsGraphBuilder,
            QgsNetworkDistanceStrategy,
            QgsVectorLayerDirector,
        )

        director = QgsVectorLayerDirector(network, -1, "", "", "", QgsVectorLayerDirector.Direction.DirectionBoth)
        director.addStrategy(QgsNetworkDistanceStrategy())
        builder = QgsGraphBuilder(network.crs(), True, tolerance, "NONE")
        self.snapped = director.makeGraph(builder, list(tie_points))
        self.graph = builder.takeGraph() if hasattr(builder, "takeGraph") else builder.graph()
        self._builder = builder  # owns the graph on QGIS versions without takeGraph
        self.component = self._components()
        self._segments = QgsSpatialIndex()
        self._ends: dict[int, tuple] = {}
        for edge_id in range(self.graph.edgeCount()):
            edge = self.graph.edge(edge_id)
            a = self.graph.vertex(edge.fromVertex()).point()
            b = self.graph.vertex(edge.toVertex()).point()
            self._ends[edge_id] = (QgsGeometry.fromPolylineXY([a, b]), edge.fromVertex())
            self._segments.addFeature(edge_id, QgsRectangle(a, b))

    def _components(self) -> list[int]:
        graph = self.graph
        component = [-1] * graph.vertexCount()
        label = 0
        for start in range(graph.vertexCount()):
            if component[start] >= 0:
                continue
            component[start], stack = label, [start]
            while stack:
                vertex = graph.vertex(stack.pop())
                for edge_id in list(vertex.outgoingEdges()) + list(vertex.incomingEdges()):
                    edge = graph.edge(edge_id)
                    for other in (edge.fromVertex(), edge.toVertex()):
                        if component[other] < 0:
                            component[other] = label
                            stack.append(other)
            label += 1
        return component

    def point_components(self, index: int) -> frozenset:
        vertex = self.graph.findVertex(self.snapped[index])
        return frozenset() if vertex < 0 else frozenset({self.component[vertex]})

    def near(self, geometry: QgsGeometry, reach: float):
        """(distance to the nearest street, connected parts of the streets within ``reach``)."""
        box = geometry.boundingBox()
        box.grow(reach)
        parts, nearest = set(), math.inf
        for edge_id in self._segments.intersects(box):
            line, vertex = self._ends[edge_id]
            distance = line.distance(geometry)
            nearest = min(nearest, distance)
            if distance <= reach:
                parts.add(self.component[vertex])
        if not parts:
            for edge_id in self._segments.nearestNeighbor(geometry, 1):
                nearest = min(nearest, self._ends[edge_id][0].distance(geometry))
        return nearest, frozenset(parts)


def connection_problems(attachments: list[Attachment], reach: float, network_name: str) -> list[str]:
    """One sentence per facility or area that is off the network or on a part cut off from the rest."""
    problems = []
    counts: dict[int, int] = {}
    for item in attachments:
        for part in item.components:
            counts[part] = counts.get(part, 0) + 1
    main = max(counts, key=lambda part: (counts[part], -part)) if counts else None
    for item in attachments:
        label = tr("{kind} {name} (feature {fid})").format(kind=item.kind, name=item.name, fid=item.fid)
        if not item.components:
            problems.append(
                tr(
                    "{item} is {distance:.0f} m from the nearest street of {network}, farther "
                    "than the access distance of {reach:g} m"
                ).format(item=label, distance=item.distance, network=network_name, reach=reach)
            )
        elif main not in item.components:
            problems.append(
                tr("{item} is on a part of {network} not connected to the rest").format(
                    item=label, network=network_name
                )
            )
    return problems


def _service_area_algorithm():
    global _native_provider
    registry = QgsApplication.processingRegistry()
    algorithm = registry.createAlgorithmById(SERVICE_AREA)
    if algorithm is None:  # a bare PyQGIS application: QGIS's native algorithms not registered yet
        from qgis.analysis import QgsNativeAlgorithms

        _native_provider = QgsNativeAlgorithms()
        registry.addProvider(_native_provider)
        algorithm = registry.createAlgorithmById(SERVICE_AREA)
    if algorithm is None:
        raise PlanError(tr("QGIS's network analysis ({alg}) is not available").format(alg=SERVICE_AREA))
    return algorithm


def service_area_lines(
    network: QgsVectorLayer, points: Sequence[QgsPointXY], metres: float, tolerance: float, feedback=None
) -> Optional[QgsVectorLayer]:
    """The streets reachable within ``metres`` of any of the points, one feature per point.

    None when the run was canceled.
    """
    starts = QgsVectorLayer(f"Point?crs={network.crs().authid()}", "starts", "memory")
    features = []
    for point in points:
        feature = QgsFeature()
        feature.setGeometry(QgsGeometry.fromPointXY(point))
        features.append(feature)
    starts.dataProvider().addFeatures(features)
    project = QgsProject()  # private: the algorithm needs one, the user's must not be touched
    context = QgsProcessingContext()
    context.setProject(project)
    context.setEllipsoid("NONE")  # planar metres in the area CRS, never a project's ellipsoid
    inner = QgsProcessingFeedback()
    if feedback is not None:
        if feedback.isCanceled():
            return None
        # direct: the worker running the algorithm has no event loop to deliver a queued call
        feedback.canceled.connect(inner.cancel, Qt.ConnectionType.DirectConnection)
    parameters = {
        "INPUT": network,
        "STRATEGY": 0,
        "DEFAULT_DIRECTION": 2,
        "TOLERANCE": tolerance,
        "START_POINTS": starts,
        "TRAVEL_COST": metres,
        "TRAVEL_COST2": metres,
        "INCLUDE_BOUNDS": False,
        "OUTPUT_LINES": "TEMPORARY_OUTPUT",
    }
    try:
        results, ok = _service_area_algorithm().run(parameters, context, inner)
    finally:
        if feedback is not None:
            feedback.canceled.disconnect(inner.cancel)
    if inner.isCanceled():
        return None
    if not ok or "OUTPUT_LINES" not in results:
        raise PlanError(tr("QGIS's service-area algorithm failed on the street network"))
    lines = context.takeResultLayer(results["OUTPUT_LINES"])
    if lines is None or lines.featureCount() != len(points):
        raise PlanError(
            tr("QGIS's service-area algorithm returned {got} of {want} service areas").format(
                got=0 if lines is None else lines.featureCount(), want=len(points)
            )
        )
    return lines


class ReachIndex:
    """Reachable street lines, asked whether they come within a distance of a polygon."""

    def __init__(self, lines: QgsVectorLayer):
        self._index = QgsSpatialIndex(lines.getFeatures(), None, QgsSpatialIndex.Flag.FlagStoreFeatureGeometries)

    def reaches(self, geometry: QgsGeometry, distance: float) -> bool:
        box = geometry.boundingBox()
        box.grow(distance)
        engine = QgsGeometry.createGeometryEngine(geometry.constGet())
        for fid in self._index.intersects(box):
            line = self._index.geometry(fid)
            if line.isEmpty():
                continue
            if engine.distance(line.constGet()) <= distance:
                return True
        return False
