"""坐标文件: the Ministry's boundary coordinate exchange text, parsed, checked, imported and written;
CAD red lines (DXF drawings) imported as the same kind of sites.

May import: core.shared, core.plan_data, core.engine.
"""
