"""Merge a conversation's stored and new events in linear time.

Before saving, Rasa 3.6's Redis tracker store merges the stored events with the new ones, so
that two Rasa replicas never drop each other's events: a new event is added unless an equal one
is stored. It compares every new event with every stored one (``as_dict`` each time), which is
quadratic in the conversation's length: about 15% of Rasa's CPU with ten-turn conversations
under load. This does the same comparison through a set of the events' canonical JSON, so each
event is serialised once. The merged tracker is the same.
"""

from __future__ import annotations

import json

from rasa.core.tracker_store import RedisTrackerStore
from rasa.shared.core.trackers import DialogueStateTracker


def _key(event: object) -> str:
    return json.dumps(event.as_dict(), sort_keys=True, default=str)  # type: ignore[attr-defined]


def _merge_trackers(
    prior_tracker: DialogueStateTracker, tracker: DialogueStateTracker
) -> DialogueStateTracker:
    if not prior_tracker.events:
        return tracker
    last_event_timestamp = prior_tracker.events[-1].timestamp
    past_tracker = tracker.travel_back_in_time(target_time=last_event_timestamp)
    if past_tracker.events == prior_tracker.events:
        return tracker
    merged = tracker.init_copy()
    merged.update_with_events(list(prior_tracker.events), override_timestamp=False, domain=None)
    seen = {_key(event) for event in merged.events}
    for new_event in tracker.events:
        key = _key(new_event)
        if key not in seen:
            merged.update(new_event)
            seen.add(key)
    return merged


def install() -> None:
    RedisTrackerStore._merge_trackers = staticmethod(_merge_trackers)  # type: ignore[assignment]
