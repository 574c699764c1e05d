"""Look up Rasa's event classes once, not on every event read.

Rasa 3.6 turns every stored event back into an object with ``Event.resolve_by_type``, which
walks the whole class tree (``all_subclasses(Event)``) each time. A conversation is read and
written several times per message, so with ten-turn conversations this walk took about 15% of
the Rasa server's CPU under load (py-spy, 10 concurrent users). The classes are all defined when
Rasa is imported, so the walk's result is kept per class; the lookup result is the same.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, List

import rasa.shared.utils.common as common

_walk = common.all_subclasses


@lru_cache(maxsize=None)
def _cached(cls: Any) -> tuple[Any, ...]:
    return tuple(_walk(cls))


def all_subclasses(cls: Any) -> List[Any]:
    return list(_cached(cls))


def install() -> None:
    common.all_subclasses = all_subclasses
