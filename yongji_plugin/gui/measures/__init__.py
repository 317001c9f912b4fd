"""The plan's measures: the 乡镇规划指引 and 规划指标 dialogs and their background tasks.

May import: core, gui.shared.
"""
