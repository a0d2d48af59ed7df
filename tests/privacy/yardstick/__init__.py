"""An independent yardstick for the privacy filter: generator, two seeded parts, scorer.

Written from the issue's description of what users paste, apart from
``edgekit/privacy`` (its detectors and its own corpus were not read while
writing it). ``corpus.dev()`` may be read while tuning; ``corpus.sealed()`` is
only scored (``benchmarks/privacy.py``).
"""
