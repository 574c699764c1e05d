"""Language detection among the ten languages, with the session and browser as priors."""

from __future__ import annotations

import pytest

from api.services.language import LanguageGuesser
from knowledge.languages import negotiate, normalize_locale


@pytest.fixture(scope="module")
def guesser() -> LanguageGuesser:
    return LanguageGuesser.build(["eigen risico", "basisbetaalrekening"])


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("Hoe krijg ik een BSN?", "nl"),
        ("How do I open a bank account in the Netherlands?", "en"),
        ("¿Cómo abro una cuenta bancaria sin BSN?", "es"),
        ("Como faço para abrir uma conta no banco?", "pt"),
        ("BSN numarasını nasıl alırım?", "tr"),
        ("我怎么申请BSN号码？", "zh"),
        ("मुझे बीएसएन नंबर कैसे मिलेगा?", "hi"),
        ("كيف أحصل على رقم BSN؟", "ar"),
        ("Как мне получить номер BSN?", "ru"),
        ("Як мені отримати номер BSN?", "uk"),
    ],
)
def test_first_message_language(guesser: LanguageGuesser, text: str, locale: str) -> None:
    assert guesser.choose(text, None).locale == locale


def test_unclear_short_message_uses_the_browser_language(guesser: LanguageGuesser) -> None:
    assert guesser.choose("ok", None, "nl").locale == "nl"
    assert guesser.choose("ok", None).locale == "en"


def test_session_keeps_its_language_for_an_official_term(guesser: LanguageGuesser) -> None:
    assert guesser.choose("DigiD?", "tr").locale == "tr"
    assert guesser.choose("BSN", "ar").locale == "ar"


def test_a_clear_switch_changes_the_language(guesser: LanguageGuesser) -> None:
    assert guesser.choose("Wat moet ik meenemen naar de gemeente?", "en").locale == "nl"


@pytest.mark.parametrize(
    "text",
    [
        "Wie bekomme ich eine Steuernummer in den Niederlanden?",
        "Comment puis-je ouvrir un compte bancaire aux Pays-Bas ?",
        "Come posso registrarmi al comune?",
    ],
)
def test_an_unsupported_language_is_answered_in_english_and_flagged(
    guesser: LanguageGuesser, text: str
) -> None:
    choice = guesser.choose(text, None)
    assert choice.locale == "en" and choice.unsupported


@pytest.mark.parametrize(
    "text",
    [
        "چطور می‌توانم شماره BSN بگیرم؟",  # Persian
        "برای ثبت نام در شهرداری چه مدارکی لازم است؟",  # Persian
        "مجھے BSN نمبر کیسے ملے گا؟",  # Urdu
        "میں بینک اکاؤنٹ کیسے کھولوں؟",  # Urdu
    ],
)
def test_persian_and_urdu_are_not_taken_for_arabic(guesser: LanguageGuesser, text: str) -> None:
    choice = guesser.choose(text, None)
    assert choice.locale == "en" and choice.unsupported


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("هل أحتاج إلى تأمين صحي؟", "ar"),
        ("شو يعني DigiD؟", "ar"),  # Levantine
        ("Дай рецепт сырников", "ru"),
        ("Скільки коштує страховка?", "uk"),
    ],
)
def test_arabic_russian_and_ukrainian_by_their_letters(
    guesser: LanguageGuesser, text: str, locale: str
) -> None:
    assert guesser.choose(text, None).locale == locale


def test_a_german_word_inside_a_dutch_conversation_keeps_dutch(guesser: LanguageGuesser) -> None:
    assert guesser.choose("Anmeldung?", "nl").locale == "nl"


@pytest.mark.parametrize(
    ("header", "expected"),
    [("nl-NL,nl;q=0.9,en;q=0.8", "nl"), ("pt-BR", "pt"), ("de-DE,de;q=0.9", None), (None, None)],
)
def test_accept_language_negotiation(header: str | None, expected: str | None) -> None:
    assert negotiate(header) == expected


def test_locale_ids_are_normalised() -> None:
    assert normalize_locale("zh_CN") == "zh"
    assert normalize_locale("PT-br") == "pt"
    assert normalize_locale("fr") is None


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("bank account खोलने के लिए कौन से documents चाहिए?", "hi"),
        ("O que é o BSN e pra que serve?", "pt"),
        ("什么是 eigen risico", "zh"),
        ("basisbetaalrekening يعني ايش؟", "ar"),
        ("что такое basisbetaalrekening", "ru"),
        ("Which documents ING or ABN AMRO want for opening a bankrekening?", "en"),
    ],
)
def test_dutch_terms_and_english_words_do_not_decide_the_language(
    guesser: LanguageGuesser, text: str, locale: str
) -> None:
    assert guesser.choose(text, None).locale == locale
