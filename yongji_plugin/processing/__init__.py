"""The Processing provider 永济国土空间规划: every check, import and print as an algorithm.

May import: core, i18n and paths; never gui, qgis.gui or Qt widgets.
"""
