"""Dialogs: thin shells over the core, one sub-package per capability; forms come from forms/*.ui.

May import: core, i18n and paths (plus qgis.gui and Qt widgets); never processing.
"""
