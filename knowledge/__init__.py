"""The curated knowledge base: entries, year-indexed figures, and their translations."""
