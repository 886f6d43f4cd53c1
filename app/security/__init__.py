"""Keys, users, roles and the audit trail."""
