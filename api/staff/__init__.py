"""The staff console: accounts, log-in, the escalation queue, live handoff and insights."""
