"""Quarry: an independent sealed yardstick for the privacy filter.

Scored once; not to be read by anyone tuning the filter.
"""
