"""Custom NLU components for the Rasa runtime (Python 3.10); nothing outside bot/ imports them.

Importing this package (Rasa does, to load the tokenizer) also installs three measured
speed-ups of Rasa 3.6 internals that change no result (docs/nlu-pipeline.md, "Latency"): one
cached validator for action-server responses, the event classes looked up once, and a linear
merge of stored and new events.
"""

from components import action_response_validation, event_classes, tracker_merge

action_response_validation.install()
event_classes.install()
tracker_merge.install()
