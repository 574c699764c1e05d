"""Save a conversation without re-reading what this process just read, and merge in linear time.

Before saving, Rasa 3.6's Redis tracker store reads the stored conversation back, turns it into
a tracker (every event parsed and replayed) and merges it with the tracker it is about to
write, so that earlier conversation sessions and another replica's events are kept. With long
conversations that re-read was a quarter of Rasa's CPU per message (py-spy, 250 turns):

- When the stored text is exactly the text this process read for the message (the conversation
  lock keeps other replicas out meanwhile), the merge's result is known without the re-read:
  the events of the earlier sessions (kept from the read; Rasa hands over only the last
  session), then every event of the tracker being saved, which starts with the stored ones.
- Otherwise (another replica wrote in between) the merge runs.
  Rasa compares every new event with every stored one (``as_dict`` each time), quadratic in the
  conversation's length; this does the same through a set of the events' canonical JSON.

The saved conversation is the same either way.

A conversation the user deleted while one of its messages was being handled is not written back:
the api marks it deleted (``welkom:deleted:<id>``, api/redis_keys.py) and the save, which reads
the stored text anyway, reads the mark in the same round trip.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from typing import Any, NamedTuple, Optional, Text

import rasa.shared.core.trackers
from rasa.core.tracker_store import RedisTrackerStore
from rasa.shared.core.trackers import DialogueStateTracker

REMEMBERED = 1024  # conversations whose stored text is kept between reading and saving
DELETED_MARK = "welkom:deleted:"  # + conversation id: the api's api/redis_keys.deleted()


class _Read(NamedTuple):
    stored: Any  # the text (or bytes) read from Redis
    events: int  # how many events the tracker handed to Rasa started with
    earlier: list[dict[str, Any]]  # the stored events before those (earlier sessions)


_reads: "OrderedDict[tuple[int, str], _Read]" = OrderedDict()


def _remember(store: RedisTrackerStore, sender_id: str, read: _Read) -> None:
    key = (id(store), sender_id)
    _reads[key] = read
    _reads.move_to_end(key)
    while len(_reads) > REMEMBERED:
        _reads.popitem(last=False)


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


async def _retrieve(
    self: RedisTrackerStore, sender_id: Text, fetch_all_sessions: bool
) -> Optional[DialogueStateTracker]:
    """Rasa's ``RedisTrackerStore._retrieve``, remembering what was read."""
    stored = self.red.get(self.key_prefix + sender_id)
    if stored is None:
        return None
    tracker = self.deserialise_tracker(sender_id, stored)
    if tracker is None:
        return None
    sessions = (
        [tracker]
        if fetch_all_sessions
        else rasa.shared.core.trackers.get_trackers_for_conversation_sessions(tracker)
    )
    returned = sessions[-1] if len(sessions) > 1 else tracker
    earlier = list(tracker.events)[: len(tracker.events) - len(returned.events)]
    _remember(
        self,
        sender_id,
        _Read(stored, len(returned.events), [event.as_dict() for event in earlier]),
    )
    return returned


async def _save(
    self: RedisTrackerStore, tracker: DialogueStateTracker, timeout: Optional[float] = None
) -> None:
    """Rasa's ``RedisTrackerStore.save``, without the re-read when nothing changed."""
    await self.stream_events(tracker)
    if not timeout and self.record_exp:
        timeout = self.record_exp
    key = self.key_prefix + tracker.sender_id
    with self.red.pipeline(transaction=False) as pipe:
        pipe.get(key)
        pipe.exists(DELETED_MARK + tracker.sender_id)
        stored, deleted = pipe.execute()
    read = _reads.pop((id(self), tracker.sender_id), None)
    if deleted:
        return
    if (
        stored is not None
        and read is not None
        and read.stored == stored
        and len(tracker.events) >= read.events
    ):
        # What serialise_tracker(merge(stored, tracker)) gives, without parsing the stored text.
        events = read.earlier + [event.as_dict() for event in tracker.events]
        self.red.set(
            key, json.dumps({"events": events, "name": tracker.sender_id}), ex=timeout
        )
        return
    if stored is not None:
        prior_tracker = self.deserialise_tracker(tracker.sender_id, stored)
        if prior_tracker is not None:
            tracker = self._merge_trackers(prior_tracker, tracker)
    self.red.set(key, self.serialise_tracker(tracker), ex=timeout)


def install() -> None:
    RedisTrackerStore._merge_trackers = staticmethod(_merge_trackers)  # type: ignore[assignment]
    RedisTrackerStore._retrieve = _retrieve  # type: ignore[method-assign]
    RedisTrackerStore.save = _save  # type: ignore[method-assign]
