"""The 15分钟社区生活圈 dialog and its task.

May import: core, gui.shared.
"""
