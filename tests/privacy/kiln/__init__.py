"""Kiln: an independent sealed yardstick, scored once.

Not to be read by anyone tuning the filter.
"""
