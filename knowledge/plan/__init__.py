"""The personal arrival plan: which steps, in which order, by which date, for whom."""
