"""Custom NLU components for the Rasa runtime (Python 3.10); nothing outside bot/ imports them."""
