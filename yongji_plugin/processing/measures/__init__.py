"""Algorithms: the plan's own measures — 建筑高度控制检查 and 15分钟社区生活圈.

May import: core, processing.base, processing.cancel.
"""
