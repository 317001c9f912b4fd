"""The overlay engine under every check: sites × control layers on shapely 2, QGIS or PostGIS.

May import: core.shared.
"""
