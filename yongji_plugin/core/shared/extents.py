"""A layer's extent in another CRS (bounding box of the transformed extent)."""

from qgis.core import QgsCoordinateTransform, QgsProject, QgsRectangle


def extent_in(layer, crs) -> QgsRectangle:
    extent = layer.extent()
    if layer.crs() != crs:
        transform = QgsCoordinateTransform(layer.crs(), crs, QgsProject.instance())
        extent = transform.transformBoundingBox(extent)
    return extent
