"""坐标文件: the Ministry's boundary coordinate exchange text, and CAD red lines (DXF), to sites.

May import: core.shared, core.plan_data, core.engine.
"""
