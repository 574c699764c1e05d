"""Measuring understanding on held-out questions through the real chat api (``make eval``)."""
