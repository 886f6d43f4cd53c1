"""Services: the only way widgets and the CLI reach the store and engines.

Every service method checks the session's role (app.security.roles) and writes audit
entries for what DESIGN.md asks to be traceable.
"""
