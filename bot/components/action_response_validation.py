"""Validate action-server responses with one compiled validator instead of one per message.

Rasa 3.6's ``RemoteAction._validate_action_result`` calls ``jsonschema.validate`` for every
custom action it runs. That helper first checks the *schema itself* against the JSON Schema
meta-schema and builds a new validator, each time: measured with py-spy under 10 concurrent
users, about 30% of the Rasa server's CPU went there. The schema never changes, so we check
it once and reuse the validator. Responses are validated exactly as before (same schema,
same ``ValidationError`` with the same hint), only without the repeated set-up.

Installed from ``components/__init__.py``, which Rasa imports before it loads the model.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Dict, Text

from jsonschema import ValidationError, validators
from jsonschema.protocols import Validator
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL


@lru_cache(maxsize=1)
def _response_validator() -> Validator:
    schema = RemoteAction.action_response_format_spec()
    cls = validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def _validate_action_result(self: RemoteAction, result: Dict[Text, Any]) -> bool:
    try:
        _response_validator().validate(result)
        return True
    except ValidationError as e:
        e.message += (
            f". Failed to validate Action server response from API, "
            f"make sure your response from the Action endpoint is valid. "
            f"For more information about the format visit "
            f"{DOCS_BASE_URL}/custom-actions"
        )
        raise e


def install() -> None:
    RemoteAction._validate_action_result = _validate_action_result  # type: ignore[method-assign]
