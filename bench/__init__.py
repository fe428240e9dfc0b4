"""Benchmarks: `make bench` runs `bench.run_all`; the other modules can run alone."""
