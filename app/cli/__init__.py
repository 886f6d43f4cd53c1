"""Command-line interface: one module per subcommand group, assembled in :mod:`app.cli.main`."""
