"""Loft: an independent sealed yardstick, scored once, not to be read by anyone tuning the filter.

Documents of the kind people paste into a chat assistant, with every personal value and
secret labelled and look-alikes (traps) that a good privacy filter must leave alone.
"""
