"""Masking personal data (BSN, IBAN, passport and phone numbers, e-mail) before anything is
stored, forwarded to Rasa (whose tracker store keeps the text) or logged."""

from __future__ import annotations

import re
from collections.abc import Callable

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b", re.IGNORECASE)
# 9 digits, optionally grouped as 123.456.789 / 123 456 789 / 1234 56 789
BSN = re.compile(r"(?<![\d+])(?:\d[ .-]?){8}\d(?![\d])")
PHONE = re.compile(  # international (+31 6 ..., 0031 ...) or Dutch national (06 1234 5678)
    r"(?<![\w+])(?:\+|00)\d{1,3}[ .-]?(?:\(0\))?[ .-]?\d(?:[ .-]?\d){6,12}(?!\d)"
    r"|(?<!\d)0\d(?:[ .-]?\d){8}(?!\d)"
)
PASSPORT = re.compile(
    # Most countries: one or two letters and at least six digits (E12345678, U1234567) ...
    r"\b(?=[A-Z0-9]*\d{6})[A-Z]{1,2}[A-Z0-9]{6,8}\b"
    # ... and the Dutch format: two letters, six letters or digits, one digit (no letter O).
    r"|\b[A-NP-Z]{2}[A-NP-Z0-9]{6}\d\b"
)

MASKS = {
    "bsn": "[BSN]",
    "iban": "[IBAN]",
    "email": "[EMAIL]",
    "phone": "[PHONE]",
    "passport": "[PASSPORT]",
}


def is_valid_bsn(digits: str) -> bool:
    """The Dutch 11-test: 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 is divisible by 11."""
    if len(digits) != 9 or not digits.isdigit() or digits == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
    return (total - int(digits[8])) % 11 == 0


def is_valid_iban(candidate: str) -> bool:
    """ISO 13616 mod-97 check."""
    compact = candidate.replace(" ", "").upper()
    if not 15 <= len(compact) <= 34:
        return False
    rearranged = compact[4:] + compact[:4]
    try:
        number = int("".join(str(int(ch, 36)) for ch in rearranged))
    except ValueError:
        return False
    return number % 97 == 1


def _sub(
    pattern: re.Pattern[str], mask: str, keep: Callable[[str], bool] | None = None
) -> Callable[[str], str]:
    def replace(match: re.Match[str]) -> str:
        return mask if keep is None or keep(match.group(0)) else match.group(0)

    return lambda text: pattern.sub(replace, text)


_STEPS = (
    _sub(EMAIL, MASKS["email"]),
    _sub(IBAN, MASKS["iban"], is_valid_iban),
    _sub(BSN, MASKS["bsn"], lambda s: is_valid_bsn(re.sub(r"\D", "", s))),
    _sub(PHONE, MASKS["phone"]),
    _sub(PASSPORT, MASKS["passport"]),
)


def redact(text: str) -> str:
    """The text with every recognised piece of personal data replaced by a mask."""
    for step in _STEPS:
        text = step(text)
    return text
