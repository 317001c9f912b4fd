"""The layer-tree group a run's results go into: on top, and named apart from earlier runs'.

Each run adds its layers; with one group name for every run, a second check sat beside the first
under the same name and nothing told the reader which was which.
"""

from qgis.core import QgsLayerTreeGroup, QgsProject, QgsVectorLayer


def _apart(name: str, taken: set) -> str:
    """``name``, or ``name (2)``, ``name (3)`` … when the name is taken."""
    unique, number = name, 1
    while unique in taken:
        number += 1
        unique = f"{name} ({number})"
    return unique


def result_group(name: str, project: QgsProject = None) -> QgsLayerTreeGroup:
    """A new group at the top: ``name``, or ``name (2)``, ``name (3)`` … when the name is taken."""
    root = (project or QgsProject.instance()).layerTreeRoot()
    taken = {child.name() for child in root.children() if isinstance(child, QgsLayerTreeGroup)}
    return root.insertGroup(0, _apart(name, taken))


def add_result_layer(layer: QgsVectorLayer, project: QgsProject = None) -> QgsVectorLayer:
    """A run's one result layer on top of the project, named apart from the same tool's earlier
    results (a second QA run's error layer sat under the first's name)."""
    project = project or QgsProject.instance()
    layer.setName(_apart(layer.name(), {other.name() for other in project.mapLayers().values()}))
    project.addMapLayer(layer)
    return layer
