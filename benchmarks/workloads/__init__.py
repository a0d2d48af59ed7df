"""Workloads the benchmarks run: data generators and shared simulations.

Nothing here is a benchmark of its own (no module prints a result); the
scripts one folder up import these, e.g. ``from workloads import tools_data``.
The generators are written apart from the code they judge.
"""
