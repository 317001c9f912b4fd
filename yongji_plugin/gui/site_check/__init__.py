"""项目选址合规性检查: the check dialog and its background task.

May import: core, gui.shared.
"""
