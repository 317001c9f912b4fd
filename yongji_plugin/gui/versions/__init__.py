"""规划版本对比: the version comparison dialog and its background task.

May import: core, gui.shared.
"""
