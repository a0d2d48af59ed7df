"""Loft: an independent sealed yardstick for the privacy filter.

Scored once, at the end; not to be read by anyone tuning the filter.
"""
