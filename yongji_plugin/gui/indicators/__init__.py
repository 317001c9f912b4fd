"""The 规划指标 dialog and its task.

May import: core, gui.shared.
"""
