"""规划成果质检: the plan QA dialog.

May import: core, gui.shared.
"""
