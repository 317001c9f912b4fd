"""Deterministic, illustrative demo 一张图 of 永济市 (not official data).

Everything is derived from the real (simplified) city outline in ``shared/data`` with a fixed
random seed, so the same call gives identical features.
"""
