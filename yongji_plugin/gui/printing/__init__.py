"""专题图打印: the print dialog.

May import: core, gui.shared.
"""
