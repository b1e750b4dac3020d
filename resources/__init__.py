"""Data the application ships (framework definitions, benchmarks, thresholds, demo data).

A package only so that `importlib.resources.files("resources")` finds the files both from a
source checkout and from an installed or frozen (PyInstaller) build.
"""
