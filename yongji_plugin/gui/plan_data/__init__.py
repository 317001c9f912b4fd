"""加载规划图层: the dialog that inspects a source and loads the plan's layers.

May import: core, gui.shared.
"""
