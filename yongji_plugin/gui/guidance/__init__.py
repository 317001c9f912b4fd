"""The 乡镇规划指引 dialog and its task.

May import: core, gui.shared.
"""
