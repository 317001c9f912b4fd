"""15分钟社区生活圈: residential areas lacking rows of the plan's table over the walking network.

May import: core.shared, core.plan_data, core.engine, core.measuring.

``table`` reads the 社区—邻里—街坊 table, ``walking_network`` builds the network, ``check`` judges,
``outputs`` writes the layers and report, ``job`` is the one run the dialog and the algorithm share.
"""
