"""Algorithms: the plan's own measures — 建筑高度控制检查, 15分钟社区生活圈, 乡镇规划指引 and 规划指标.

May import: core, processing.base, processing.cancel.
"""
