"""What every dialog shares: background tasks, form loading, messages, settings and help.

May import: core, gui.shared.
"""
