"""The plan's own measures: the 建筑高度控制检查 and 15分钟社区生活圈 dialogs and their tasks.

May import: core, gui.shared.
"""
