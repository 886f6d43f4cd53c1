"""Application core: paths, settings, encrypted store, security, services, CLI, task runner.

app/ may import engines/; it imports QtCore only in its task runner and GUI entry
point, and never imports widgets/ except from the GUI entry point.
"""
