"""Detecting the user's language among the ten supported ones, and keeping it per session.

Short messages are ambiguous ("bsn", "ok"), and users mix in Dutch official terms, so
official terms are removed before detection and a session keeps its language unless the
new message is clearly in another one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from knowledge.languages import SOURCE_LOCALE

LINGUA_LANGUAGES: dict[str, Language] = {
    "en": Language.ENGLISH,
    "nl": Language.DUTCH,
    "es": Language.SPANISH,
    "pt": Language.PORTUGUESE,
    "tr": Language.TURKISH,
    "zh": Language.CHINESE,
    "hi": Language.HINDI,
    "ar": Language.ARABIC,
    "ru": Language.RUSSIAN,
    "uk": Language.UKRAINIAN,
}
_BY_LANGUAGE = {language: code for code, language in LINGUA_LANGUAGES.items()}
# Languages we do not answer in but must recognise, to say so instead of guessing wrongly.
UNSUPPORTED_LANGUAGES = (
    Language.GERMAN,
    Language.FRENCH,
    Language.ITALIAN,
    Language.POLISH,
    Language.ROMANIAN,
    Language.INDONESIAN,
    Language.JAPANESE,
    Language.KOREAN,
    Language.PERSIAN,
    Language.URDU,
    Language.BENGALI,
    Language.VIETNAMESE,
    Language.GREEK,
)

# Official Dutch terms that appear in questions in every language; they say nothing about
# the language the user writes in.
OFFICIAL_TERMS = re.compile(
    r"\b(bsn|burgerservicenummer|digid|ind|brp|rni|gemeente|huisarts|zorgverzekering|"
    r"eigen risico|basisverzekering|zorgtoeslag|basisbetaalrekening|briefadres|inburgering|"
    r"kennismigrant|belastingdienst|toeslagen|nt2|expat|30%|30 %)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Detection:
    locale: str | None  # None: a language Welkom does not speak
    confidence: float


@dataclass(frozen=True)
class LanguageChoice:
    locale: str
    unsupported: bool = False  # the user wrote in a language we do not speak


class LanguageGuesser:
    """Wraps a lingua detector restricted to the supported languages."""

    def __init__(self, detector: LanguageDetector) -> None:
        self._detector = detector

    @classmethod
    def build(cls) -> LanguageGuesser:
        detector = (
            LanguageDetectorBuilder.from_languages(
                *LINGUA_LANGUAGES.values(), *UNSUPPORTED_LANGUAGES
            )
            .with_preloaded_language_models()
            .build()
        )
        return cls(detector)

    def detect(self, text: str) -> Detection | None:
        cleaned = OFFICIAL_TERMS.sub(" ", text).strip()
        if not re.search(r"\w\w", cleaned):
            return None
        values = self._detector.compute_language_confidence_values(cleaned)
        if not values:
            return None
        best = values[0]
        return Detection(_BY_LANGUAGE.get(best.language), float(best.value))

    def choose(
        self,
        text: str,
        session_locale: str | None,
        fallback_locale: str | None = None,
        *,
        sure_at: float = 0.55,
        switch_at: float = 0.6,
    ) -> LanguageChoice:
        """The language to answer in: the session's, unless the text clearly is another one.

        A first message whose language is unclear ("hello", "ok") is answered in the
        browser's language (Accept-Language) if supported, else in English.
        """
        detection = self.detect(text)
        if detection is not None and detection.locale is None:
            # Clearly another language (German, French ...): answer in English and say so,
            # unless a short message in a running conversation (a pasted word or name).
            if detection.confidence >= sure_at and (
                session_locale is None or len(text.split()) >= 4
            ):
                return LanguageChoice(SOURCE_LOCALE, unsupported=True)
            detection = None
        if session_locale is not None:
            if (
                detection
                and detection.locale
                and detection.locale != session_locale
                and detection.confidence >= switch_at
            ):
                return LanguageChoice(detection.locale)
            return LanguageChoice(session_locale)
        if detection is not None and detection.locale and detection.confidence >= sure_at:
            return LanguageChoice(detection.locale)
        return LanguageChoice(fallback_locale or SOURCE_LOCALE)
