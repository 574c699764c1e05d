"""Reading Redis hashes as plain ``dict[str, str]`` (the client is built with decode_responses)."""

from __future__ import annotations


def decode_hash(raw: object) -> dict[str, str]:
    if not isinstance(raw, dict):
        return {}
    return {_text(k): _text(v) for k, v in raw.items()}


def _text(value: object) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)
