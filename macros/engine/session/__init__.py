"""The guided session: a reader's program done one exercise at a time, logged, and judged.

The rules that decide what comes next are the picker's (the pain-monitoring rule, the stop rules,
the warning signs, the checks for moving on, the doses and the versions a reader's limits allow)
and the few this package adds (``rules.SESSION_RULES``, each with its source or "course
convention"). Modules: ``log`` (the log's format and checks), ``rules`` (the session's own rules),
``progress`` (the log replayed: doses, phase, changes), ``plan`` (today's session and its timeline),
``render`` (messages), ``chart`` (SVG charts and table), ``paper`` (tracker and summary),
``calendar`` (the .ics file), ``words`` (every word the page shows) and ``api`` (the worker methods).
Pure and standard library only: it runs at build time and in the reader's browser alike.
"""
