"""The plugin's domain logic on QGIS layers, one sub-package per capability; no widgets.

May import: i18n and paths; each sub-package names what more it may; never gui or processing.
"""
