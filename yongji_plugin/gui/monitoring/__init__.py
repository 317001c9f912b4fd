"""The 规划实施监测预警 dialog and its task.

May import: core, gui.shared.
"""
