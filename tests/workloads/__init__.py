"""Workloads the benchmarks run: data generators and shared simulations.

Nothing here is a benchmark or a test of its own (no module prints a result,
none is collected by pytest); the scripts in ``benchmarks/`` put ``tests/`` on
their path and import these, e.g. ``from workloads import tools_data``, as
``benchmarks/privacy.py`` imports the privacy yardsticks. The generators are
written apart from the code they judge.
"""
