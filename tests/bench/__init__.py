"""Benchmarks and their tools (not shipped): run_all.py, bench_*.py, the bulk generator
(bulk.py) and the start-up probe (probe.py). See docs/performance.md."""
