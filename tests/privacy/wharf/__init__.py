"""Wharf: an independent sealed yardstick for the privacy filter.

It is scored once, at the end, and is not to be read by anyone tuning the filter.
"""
