"""坐标文件: the Ministry's boundary coordinate exchange text, parsed, checked, imported and written.

May import: core.shared, core.plan_data, core.engine.
"""
