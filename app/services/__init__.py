"""Services: the only way widgets and the CLI reach the store and engines.

Reach them typed through the context (``ctx.cases``, ``ctx.drafting``, ...: see
:class:`app.services.session.AppContext`). Every service method checks the session's role
(app.security.roles) and, for case content, the user's membership of the case
(:meth:`app.services.base.CaseBoundService.require_case`), and writes audit entries for what
DESIGN.md asks to be traceable. docs/architecture.md lists which service owns which tables.
"""
