"""坐标文件导入: the coordinate-file import dialog.

May import: core, gui.shared.
"""
