"""Personal data is masked before it is stored, forwarded or logged."""

from __future__ import annotations

import random

import pytest

from api.services.redaction import is_valid_bsn, is_valid_iban, redact


def make_bsn(rng: random.Random) -> str:
    while True:
        digits = [rng.randint(0, 9) for _ in range(8)]
        total = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True))
        check = total % 11
        if check < 10 and digits[0] != 0:
            return "".join(map(str, digits)) + str(check)


def make_nl_iban(rng: random.Random) -> str:
    bank = rng.choice(["ABNA", "INGB", "RABO", "BUNQ", "SNSB"])
    account = "".join(str(rng.randint(0, 9)) for _ in range(10))
    numeric = "".join(str(int(c, 36)) for c in bank + account + "NL00")
    check = 98 - int(numeric) % 97
    return f"NL{check:02d}{bank}{account}"


def test_generated_bsns_pass_the_11_test_and_are_masked() -> None:
    rng = random.Random(11)
    for _ in range(200):
        bsn = make_bsn(rng)
        assert is_valid_bsn(bsn)
        dotted = f"{bsn[:4]}.{bsn[4:6]}.{bsn[6:]}"
        for sentence in (f"my BSN is {bsn}", f"mijn bsn: {dotted}", f"BSN numaram {bsn}."):
            masked = redact(sentence)
            assert bsn not in masked and dotted not in masked
            assert "[BSN]" in masked


def test_generated_ibans_are_masked_with_or_without_spaces() -> None:
    rng = random.Random(97)
    for _ in range(200):
        iban = make_nl_iban(rng)
        assert is_valid_iban(iban)
        spaced = " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
        assert redact(f"pay to {iban} please") == "pay to [IBAN] please"
        assert redact(f"mijn rekening {spaced}") == "mijn rekening [IBAN]"


@pytest.mark.parametrize(
    "text",
    [
        "mail me at jan.de.vries@example.nl",
        "mi correo es maria+nl@correo.es",
        "звоните +31 6 1234 5678",
        "bel me op 06-12345678",
        "telefon numaram 0031 20 123 4567",
        "passport number NW1234567",
        "我的护照号码是 E12345678",
    ],
)
def test_contact_and_document_numbers_are_masked(text: str) -> None:
    masked = redact(text)
    assert masked != text
    assert "[" in masked


@pytest.mark.parametrize(
    "text",
    [
        "How do I get a BSN?",
        "I earn 5200 gross in 2026",
        "Is the 30% ruling still 30% in 2027?",
        "register within 5 days, health insurance within 4 months",
    ],
)
def test_ordinary_questions_are_left_alone(text: str) -> None:
    assert redact(text) == text


def test_an_invalid_checksum_is_not_taken_for_a_bsn() -> None:
    assert not is_valid_bsn("123456789")
    assert redact("order 123456789") == "order 123456789"
