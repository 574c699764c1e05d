"""Pick-up codes: short, unambiguous codes to open a plan or a conversation on another device."""

from __future__ import annotations

import secrets

# No 0/O, 1/I/L: a code read aloud or typed on a phone must not be ambiguous.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_GROUPS = 2
CODE_GROUP_LENGTH = 4


def new_code() -> str:
    groups = (
        "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUP_LENGTH))
        for _ in range(CODE_GROUPS)
    )
    return "-".join(groups)


def normalize_code(raw: str) -> str | None:
    """'k7m4 px2q' or 'K7M4-PX2Q' -> 'K7M4-PX2Q'; None when it cannot be a code."""
    plain = "".join(ch for ch in raw.upper() if ch.isalnum())
    if len(plain) != CODE_GROUPS * CODE_GROUP_LENGTH or any(
        ch not in CODE_ALPHABET for ch in plain
    ):
        return None
    return "-".join(
        plain[i : i + CODE_GROUP_LENGTH] for i in range(0, len(plain), CODE_GROUP_LENGTH)
    )
