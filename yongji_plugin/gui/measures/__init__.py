"""The plan's own measures: the 建筑高度控制检查, 15分钟社区生活圈, 乡镇规划指引 and 规划指标 dialogs and their tasks.

May import: core, gui.shared.
"""
