"""The blind corpus: an independent sealed yardstick for the privacy filter.

Written by the blind-corpus engineer, apart from the filter's code, its tests and
every other corpus. Rules: nobody who tunes the filter opens, reads, greps, imports
or prints anything in this package; it is scored once, by ``privacy.yardstick.score``,
and only its totals are looked at. Its make-up is described nowhere outside it.
"""
