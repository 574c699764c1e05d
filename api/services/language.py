"""Detecting the user's language among the ten supported ones, and keeping it per session.

The script decides first (Devanagari is Hindi, Han without kana is Chinese, Arabic script is
Arabic unless it reads as Persian or Urdu, Cyrillic is Russian or Ukrainian); Latin-script text
goes to a lingua detector for the Latin languages we speak and some we do not, after the Dutch
official terms that people mix into every language ("BSN", "huisarts") are taken out.
Short messages stay ambiguous ("ok"), so a session keeps its language unless the new message
is clearly another one. Measured on the held-out questions: see docs/evaluation.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from knowledge.languages import SOURCE_LOCALE

LATIN_SUPPORTED: dict[Language, str] = {
    Language.ENGLISH: "en",
    Language.DUTCH: "nl",
    Language.SPANISH: "es",
    Language.PORTUGUESE: "pt",
    Language.TURKISH: "tr",
}
# Languages we do not answer in but must recognise, to say so instead of guessing wrongly.
LATIN_UNSUPPORTED = (
    Language.GERMAN,
    Language.FRENCH,
    Language.ITALIAN,
    Language.POLISH,
    Language.ROMANIAN,
    Language.INDONESIAN,
    Language.VIETNAMESE,
)
ARABIC_SCRIPT = (Language.ARABIC, Language.PERSIAN, Language.URDU)
CYRILLIC = (Language.RUSSIAN, Language.UKRAINIAN)
CODES = {**LATIN_SUPPORTED, Language.ARABIC: "ar", Language.RUSSIAN: "ru", Language.UKRAINIAN: "uk"}

DEVANAGARI = re.compile("[\u0900-\u097f]")
HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")
KANA_HANGUL = re.compile("[\u3040-\u30ff\uac00-\ud7af]")
ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f]")
CYRILLIC_CHARS = re.compile("[\u0400-\u04ff]")
UKRAINIAN_LETTERS = re.compile("[іїєґІЇЄҐ]")
RUSSIAN_LETTERS = re.compile("[ыэъёЫЭЪЁ]")
# Letters of Persian and Urdu that Arabic does not use (Persian yeh and keheh included, which
# Persian and Urdu keyboards type instead of Arabic ي and ك).
PERSIAN_URDU_LETTERS = re.compile(
    "[\u067e\u0686\u0698\u06af\u06a9\u06cc"  # پ چ ژ گ ک ی
    "\u0679\u0688\u0691\u06ba\u06be\u06c1\u06d2]"  # ٹ ڈ ڑ ں ھ ہ ے
)
TWO_LETTERS = re.compile(r"[^\W\d_]{2}")
UNSURE_FOREIGN = 0.5
LATIN_WORDS = re.compile(r"[A-Za-zÀ-ÿ][\w'%-]*")

# Dutch terms people keep in any language, besides the entries' own dutch_terms.
COMMON_TERMS = [
    "bsn",
    "burgerservicenummer",
    "digid",
    "ind",
    "brp",
    "rni",
    "gemeente",
    "stadhuis",
    "huisarts",
    "zorgverzekering",
    "zorgverzekeraar",
    "basisverzekering",
    "zorgtoeslag",
    "toeslagen",
    "basisbetaalrekening",
    "bankrekening",
    "briefadres",
    "inschrijving",
    "inschrijven",
    "inburgering",
    "inburgeringsexamen",
    "kennismigrant",
    "kennisgeving",
    "verblijfsvergunning",
    "verblijfsdocument",
    "belastingdienst",
    "beschikking",
    "vakantiegeld",
    "huurwoning",
    "huurcontract",
    "vrijwilligerswerk",
    "verwijzing",
    "taalcafé",
    "taalhuis",
    "staatsexamen",
    "nt2",
    "tbc",
    "ggd",
    "mvv",
    "twv",
    "kvk",
    "zzp",
    "uwv",
    "duo",
    "cak",
    "expat",
    "30%-regeling",
]
COMMON_PHRASES = (
    "eigen risico",
    "aanvullende verzekering",
    "arbeid vrij toegestaan",
    "twv niet vereist",
    "sociale huur",
    "zonder inschrijving",
    "partiële buitenlandse belastingplicht",
    "30% ruling",
)


@dataclass(frozen=True)
class Detection:
    locale: str | None  # None: a language Welkom does not speak
    confidence: float


@dataclass(frozen=True)
class LanguageChoice:
    locale: str
    unsupported: bool = False  # the user wrote in a language we do not speak


def terms_pattern(terms: Iterable[str]) -> re.Pattern[str]:
    words: set[str] = set(COMMON_TERMS) | set(COMMON_PHRASES)
    for term in terms:
        for part in re.split(r"[()/,]", term):
            part = part.strip().lower()
            if len(part) >= 3:
                words.add(part)
    alternatives = sorted((re.escape(w) for w in words), key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


class LanguageGuesser:
    def __init__(
        self,
        latin: LanguageDetector,
        arabic: LanguageDetector,
        cyrillic: LanguageDetector,
        official_terms: re.Pattern[str],
    ) -> None:
        self._latin = latin
        self._arabic = arabic
        self._cyrillic = cyrillic
        self._terms = official_terms

    @classmethod
    def build(cls, dutch_terms: Iterable[str] = ()) -> LanguageGuesser:
        def detector(*languages: Language, low: bool = False) -> LanguageDetector:
            # High-accuracy models for the Latin languages (~250 MB): the trigram-only mode read
            # short English with Dutch terms as Portuguese (tested). Arabic-script and Cyrillic
            # text is mostly decided by its letters, the rest by trigrams (~10 MB, not ~165).
            builder = LanguageDetectorBuilder.from_languages(*languages)
            if low:
                builder = builder.with_low_accuracy_mode()
            return builder.with_preloaded_language_models().build()

        return cls(
            detector(*LATIN_SUPPORTED, *LATIN_UNSUPPORTED),
            detector(*ARABIC_SCRIPT, low=True),
            detector(*CYRILLIC, low=True),
            terms_pattern(dutch_terms),
        )

    def detect(self, text: str) -> Detection | None:
        if DEVANAGARI.search(text):
            return Detection("hi", 1.0)
        if HAN.search(text) and not KANA_HANGUL.search(text):
            return Detection("zh", 1.0)
        if ARABIC.search(text):
            # Arabic unless it has Persian or Urdu letters and clearly reads as one of them
            # (languages we do not speak).
            if not PERSIAN_URDU_LETTERS.search(text):
                return Detection("ar", 1.0)
            found = self._best(self._arabic, LATIN_WORDS.sub(" ", text))
            if found is not None and found.locale is None and found.confidence >= 0.8:
                return found
            return Detection("ar", 1.0)
        if CYRILLIC_CHARS.search(text):
            if UKRAINIAN_LETTERS.search(text):
                return Detection("uk", 1.0)
            if RUSSIAN_LETTERS.search(text):
                return Detection("ru", 1.0)
            found = self._best(self._cyrillic, LATIN_WORDS.sub(" ", text))
            return found or Detection("ru", 0.5)
        cleaned = self._terms.sub(" ", text)
        if not TWO_LETTERS.search(cleaned):
            return None
        values = self._latin.compute_language_confidence_values(cleaned)
        if not values:
            return None
        top = values[0]
        if top.language not in LATIN_SUPPORTED and top.value < UNSURE_FOREIGN:
            # "O que é o BSN?" scores French 0.22, Portuguese 0.20: a close call between a
            # language we do not speak and one we do goes to the one we speak.
            for value in values[1:]:
                if value.language in LATIN_SUPPORTED and top.value - value.value < 0.1:
                    return Detection(LATIN_SUPPORTED[value.language], float(value.value))
        return Detection(CODES.get(top.language), float(top.value))

    @staticmethod
    def _best(detector: LanguageDetector, text: str) -> Detection | None:
        values = detector.compute_language_confidence_values(text)
        if not values:
            return None
        return Detection(CODES.get(values[0].language), float(values[0].value))

    def choose(
        self,
        text: str,
        session_locale: str | None,
        fallback_locale: str | None = None,
        *,
        sure_at: float = 0.15,
        sure_short_at: float = 0.6,
        switch_at: float = 0.6,
        unsupported_at: float = 0.5,
    ) -> LanguageChoice:
        """The language to answer in: the session's, unless the text clearly is another one.

        A first message whose language is unclear ("ok") is answered in the browser's
        language (Accept-Language) if supported, else in English.
        """
        detection = self.detect(text)
        if detection is not None and detection.locale is None:
            # Clearly another language (German, French ...): answer in English and say so,
            # unless a short message in a running conversation (a pasted word or name).
            if detection.confidence >= unsupported_at and (
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
        # One or two words ("ok", "hola") need a clear signal; a sentence needs less.
        needed = sure_at if len(text.split()) >= 3 else sure_short_at
        if detection is not None and detection.locale and detection.confidence >= needed:
            return LanguageChoice(detection.locale)
        return LanguageChoice(fallback_locale or SOURCE_LOCALE)
