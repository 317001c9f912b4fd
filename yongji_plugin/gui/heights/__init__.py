"""The 建筑高度控制检查 dialog and its task.

May import: core, gui.shared.
"""
