"""Custom NLU components for the Rasa runtime (Python 3.10); nothing outside bot/ imports them.

Importing this package (Rasa does, to load the tokenizer) also installs three measured
speed-ups of Rasa 3.6 internals that change no result (docs/nlu-pipeline.md, "Latency"): one
cached validator for action-server responses, the event classes looked up once, and a save that
neither re-reads a conversation it has just read nor merges in quadratic time.
"""

from components import action_response_validation, event_classes, tracker_merge

action_response_validation.install()
event_classes.install()
tracker_merge.install()
