"""Custom NLU components for the Rasa runtime (Python 3.10); nothing outside bot/ imports them.

Importing this package (Rasa does, to load the tokenizer) also installs the cached validator
for action-server responses: see action_response_validation.py.
"""

from components import action_response_validation

action_response_validation.install()
