"""Reading free-text answers to the plan questions, in all ten languages.

A blank spaCy pipeline tokenizes the answer and a PhraseMatcher tags the words we know: the
per-language vocabulary in ``answer-words.yml`` (yes/no/skip, relative dates, units, permits,
gross/net ...) and month and weekday names from Babel's CLDR data. Small rules then read the
tags: "3 maart", "15/04", "next Monday", "in 3 weeks", "5.200 bruto", "70k a year".
English and Dutch words are understood in every language, since people mix them.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

import spacy
import yaml
from babel.dates import get_day_names, get_month_names
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.util import filter_spans

from knowledge.languages import SOURCE_LOCALE, cldr_locale
from knowledge.paths import REPO_ROOT
from knowledge.plan.deadlines import add_months
from knowledge.plan.profile import Permit

WORDS_FILE = REPO_ROOT / "knowledge" / "plan" / "answer-words.yml"
ALWAYS_UNDERSTOOD = ("en", "nl")  # people mix English and Dutch words into every language
# spaCy has no blank Chinese tokenizer that keeps digits together; Han characters are spaced
# out before the multi-language tokenizer sees them.
SPACY_LANGUAGE = {"zh": "xx"}
HAN = re.compile(r"([\u3400-\u9fff])")
NUMBER = re.compile(r"^\d+(?:[.,'\u00a0 ]\d+)*$")
# A year-less date is the next one within this window back from today ("3 March" in November
# is next March; "20 November" on 23 November is three days ago).
PAST_WINDOW_DAYS = 183
# Weekday names change their ending with the case ("понеділок", "наступного понеділка"):
# these languages also match a weekday by its first letters.
INFLECTED = frozenset({"ru", "uk"})
STEM_LENGTH = 5


class Problem(StrEnum):
    """Why an answer could not be used: the key of the re-ask message."""

    DATE = "date"
    YES_NO = "yes_no"
    PERMIT = "permit"
    AGE = "age"
    SALARY = "salary"
    NET_SALARY = "net_salary"


@dataclass(frozen=True)
class Tag:
    label: str
    text: str
    start: int


@dataclass(frozen=True)
class Tagged:
    tags: list[Tag]

    def labels(self) -> set[str]:
        return {tag.label for tag in self.tags}

    def first(self, prefix: str) -> Tag | None:
        return next((tag for tag in self.tags if tag.label.startswith(prefix)), None)

    def numbers(self) -> list[Tag]:
        return [tag for tag in self.tags if tag.label == "number"]


def load_words(path: Path = WORDS_FILE) -> dict[str, dict[str, object]]:
    raw: dict[str, dict[str, object]] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return raw


def prepare(text: str, language: str) -> str:
    """Lower case, ASCII digits, digits apart from letters, Han characters spaced out."""
    text = unicodedata.normalize("NFKC", text).replace("İ", "i")
    text = "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in text)
    text = text.lower()
    # "5 200" (a space as thousands separator) is one number.
    text = re.sub(
        r"(?<![\d.,])\d{1,3}(?:[ \u00a0]\d{3})+(?![\d.,])",
        lambda m: m.group(0).replace(" ", "").replace("\u00a0", ""),
        text,
    )
    text = re.sub(r"(\d)([^\W\d_])", r"\1 \2", text)
    text = re.sub(r"([^\W\d_])(\d)", r"\1 \2", text)
    text = re.sub(r"([€$£])", r" \1 ", text)
    if language == "zh" or HAN.search(text):
        text = HAN.sub(r" \1 ", text)
    return " ".join(text.split())


def _calendar_names(language: str, abbreviated: bool = True) -> dict[str, list[str]]:
    """month:<1-12> and weekday:<0-6> -> names (wide and abbreviated, format and stand-alone).

    Abbreviations only in the reader's own language: the Dutch "do" (Thursday) and "zo"
    (Sunday) are words in other languages ("How do I get a BSN?" is no date)."""
    locale = cldr_locale(language)
    names: dict[str, list[str]] = {}
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated") if abbreviated else ("wide",):
            for number, name in get_month_names(width, context, locale).items():
                names.setdefault(f"month:{number}", []).append(str(name).strip(".").lower())
            for number, name in get_day_names(width, context, locale).items():
                day = str(name).strip(".").lower()
                names.setdefault(f"weekday:{number}", []).extend({day, day.removesuffix("-feira")})
    if language == "zh":  # 下周一 = Monday of next week, 上周五 = Friday of last week
        for number, name in get_day_names("abbreviated", "format", locale).items():
            day = str(name)[-1]
            for week in ("周", "星期", "礼拜"):
                names.setdefault(f"nextweek:{number}", []).append(f"下{week}{day}")
                names.setdefault(f"lastweek:{number}", []).append(f"上{week}{day}")
    return names


@dataclass
class AnswerReader:
    """Reads answers written in `language` (plus English and Dutch)."""

    language: str
    words: Mapping[str, Mapping[str, object]]
    nlp: Language = field(init=False)
    matcher: PhraseMatcher = field(init=False)
    number_words: dict[str, int] = field(init=False)
    weekday_stems: dict[int, str] = field(init=False)

    def __post_init__(self) -> None:
        self.nlp = spacy.blank(SPACY_LANGUAGE.get(self.language, self.language))
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.number_words = {}
        self.weekday_stems = {
            number: str(name).lower()[:STEM_LENGTH]
            for number, name in get_day_names("wide", "format", cldr_locale(self.language)).items()
        }
        phrases: dict[str, set[str]] = {}
        for language in dict.fromkeys((self.language, *ALWAYS_UNDERSTOOD)):
            vocabulary = self.words.get(language, {})
            for key, values in vocabulary.items():
                if key == "numbers" and isinstance(values, dict):
                    self.number_words.update({str(k).lower(): int(v) for k, v in values.items()})
                elif isinstance(values, list):
                    phrases.setdefault(key, set()).update(str(v) for v in values)
            for key, names in _calendar_names(language, language == self.language).items():
                phrases.setdefault(key, set()).update(names)
        for word in self.number_words:
            phrases.setdefault(f"numword:{self.number_words[word]}", set()).add(word)
        for label, values in phrases.items():
            docs = [self.nlp.make_doc(prepare(v, self.language)) for v in sorted(values) if v]
            self.matcher.add(label, [doc for doc in docs if len(doc)])

    def tag(self, text: str) -> Tagged:
        doc = self.nlp.make_doc(prepare(text, self.language))
        labelled = []
        for match_id, start, end in self.matcher(doc):
            span = doc[start:end]
            span.label_ = self.nlp.vocab.strings[match_id]
            labelled.append(span)
        chosen = filter_spans(labelled)
        covered = {i for span in chosen for i in range(span.start, span.end)}
        tags = [Tag(span.label_, span.text, span.start) for span in chosen]
        tags += [
            Tag("number", token.text, token.i)
            for token in doc
            if token.i not in covered and NUMBER.match(token.text)
        ]
        if self.language in INFLECTED:
            tags += [
                Tag(f"weekday:{number}", token.text, token.i)
                for token in doc
                if token.i not in covered
                for number, stem in self.weekday_stems.items()
                if len(token.text) > 4 and token.text.startswith(stem)
            ]
        tags += [
            Tag("date", token.text, token.i)
            for token in doc
            if re.match(r"^\d{1,4}[./-]\d{1,2}(?:[./-]\d{2,4})?$", token.text)
        ]
        return Tagged(sorted(tags, key=lambda tag: tag.start))

    # -- yes / no / skip --------------------------------------------------------------------
    def is_skip(self, text: str) -> bool:
        # Before the overlaps are resolved: in "I don't know yet" the "no" of "I don't" and the
        # "skip" of "don't know" are equally long, and the first would win.
        doc = self.nlp.make_doc(prepare(text, self.language))
        skip = self.nlp.vocab.strings["skip"]
        return any(match_id == skip for match_id, _, _ in self.matcher(doc))

    def yes_no(self, text: str, yes: Iterable[str] = (), no: Iterable[str] = ()) -> bool | None:
        """True / False, or None when the answer says neither (or both)."""
        labels = self.tag(text).labels()
        said_yes = bool(labels & {"yes", *yes})
        said_no = bool(labels & {"no", *no})
        if said_yes == said_no:
            return None
        return said_yes

    def eu_citizen(self, text: str) -> bool | None:
        return self.yes_no(text, yes={"eu", "permit_none"}, no={"non_eu"})

    def masters(self, text: str) -> bool | None:
        return self.yes_no(text, yes={"masters", "phd"}, no={"bachelor_only"})

    def permit(self, text: str) -> Permit | None:
        for tag in self.tag(text).tags:
            if tag.label.startswith("permit_") and tag.label != "permit_none":
                return Permit(tag.label.removeprefix("permit_"))
        return None

    # -- numbers ----------------------------------------------------------------------------
    def _number(self, tag: Tag) -> Decimal | None:
        if tag.label.startswith("numword:"):
            return Decimal(tag.label.split(":", 1)[1])
        return parse_amount(tag.text)

    def age(self, text: str) -> int | None:
        for tag in self.tag(text).tags:
            if tag.label == "number" or tag.label.startswith("numword:"):
                value = self._number(tag)
                if value is not None and value == value.to_integral_value() and 15 <= value <= 99:
                    return int(value)
        return None

    def salary(self, text: str) -> Decimal | Problem:
        """Gross salary per month in euro; a net amount or no amount is a Problem."""
        tagged = self.tag(text)
        labels = tagged.labels()
        amount: Decimal | None = None
        for index, tag in enumerate(tagged.tags):
            if tag.label != "number" and not tag.label.startswith("numword:"):
                continue
            value = self._number(tag)
            if value is None:
                continue
            following = tagged.tags[index + 1].label if index + 1 < len(tagged.tags) else ""
            if following == "thousand":
                value *= 1000
            elif following == "ten_thousand":
                value *= 10000
            amount = value
            break
        if amount is None:
            return Problem.SALARY
        if "net" in labels and "gross" not in labels:
            return Problem.NET_SALARY
        yearly = "per_year" in labels or ("per_month" not in labels and amount >= 20000)
        monthly = (amount / 12).quantize(Decimal(1)) if yearly else amount
        if not 100 <= monthly <= 100000:
            return Problem.SALARY
        return monthly

    # -- dates ------------------------------------------------------------------------------
    def date(self, text: str, today: dt.date) -> dt.date | None:
        explicit = _explicit_date(prepare(text, self.language), today)
        if explicit is not None:
            return explicit
        tagged = self.tag(text)
        labels = tagged.labels()
        for word, days in (("today", 0), ("tomorrow", 1), ("day_after_tomorrow", 2)):
            if word in labels:
                return today + timedelta(days=days)
        if "yesterday" in labels:
            return today - timedelta(days=1)
        month = tagged.first("month:")
        if month is not None:
            return self._month_date(tagged, int(month.label.split(":")[1]), today)
        for prefix, weeks in (("nextweek:", 1), ("lastweek:", -1)):
            in_week = tagged.first(prefix)
            if in_week is not None:
                monday = today - timedelta(days=today.weekday()) + timedelta(weeks=weeks)
                return monday + timedelta(days=int(in_week.label.split(":")[1]))
        weekday = tagged.first("weekday:")
        if weekday is not None:
            return _weekday_date(int(weekday.label.split(":")[1]), labels, today)
        return self._shifted(tagged, today)

    def _month_date(self, tagged: Tagged, month: int, today: dt.date) -> dt.date | None:
        day: int | None = None
        year: int | None = None
        for tag in tagged.numbers():
            value = self._number(tag)
            if value is None or value != value.to_integral_value():
                continue
            if 1900 <= value <= 2100 and year is None:
                year = int(value)
            elif 1 <= value <= 31 and day is None:
                day = int(value)
        return _complete_date(year, month, day or 1, today)

    def _shifted(self, tagged: Tagged, today: dt.date) -> dt.date | None:
        labels = tagged.labels()
        unit = next((u for u in ("unit_day", "unit_week", "unit_month") if u in labels), None) or (
            "unit_week" if "week" in labels else "unit_month" if "month" in labels else None
        )
        if unit is None:
            return None
        count = 1
        for tag in tagged.tags:
            if tag.label == "number" or tag.label.startswith("numword:"):
                value = self._number(tag)
                if value is not None and value == value.to_integral_value() and value < 100:
                    count = int(value)
                    break
        sign = -1 if labels & {"ago", "last"} else 1
        if unit == "unit_day":
            return today + timedelta(days=sign * count)
        if unit == "unit_week":
            return today + timedelta(weeks=sign * count)
        return add_months(today, sign * count)


def parse_amount(text: str) -> Decimal | None:
    """'5.200' / '5,200' / '5 200' -> 5200; '5,5' / '5.5' -> 5.5 (three digits after a
    separator make it a thousands separator, in every locale)."""
    plain = text.replace("\u00a0", " ").replace("'", " ").strip()
    groups = re.split(r"[.,\s]", plain)
    if len(groups) == 1:
        digits = plain
    elif all(len(group) == 3 for group in groups[1:]):
        digits = "".join(groups)
    elif len(groups) == 2 and len(groups[1]) in (1, 2):
        digits = f"{groups[0]}.{groups[1]}"
    else:
        return None
    try:
        return Decimal(digits)
    except InvalidOperation:
        return None


def _complete_date(year: int | None, month: int, day: int, today: dt.date) -> dt.date | None:
    try:
        if year is not None:
            return dt.date(year, month, day)
        candidate = dt.date(today.year, month, day)
    except ValueError:
        return None
    if candidate < today - timedelta(days=PAST_WINDOW_DAYS):
        try:
            candidate = dt.date(today.year + 1, month, day)
        except ValueError:  # 29 February
            return None
    return candidate


def _explicit_date(text: str, today: dt.date) -> dt.date | None:
    iso = re.search(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b", text)
    if iso:
        return _complete_date(int(iso[1]), int(iso[2]), int(iso[3]), today)
    chinese = re.search(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]", text)
    if chinese:
        year = int(chinese[1]) if chinese[1] else None
        return _complete_date(year, int(chinese[2]), int(chinese[3]), today)
    numeric = re.search(r"\b(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2,4}))?\b", text)
    if not numeric:
        return None
    first, second = int(numeric[1]), int(numeric[2])
    # Day first, as in the Netherlands, unless only month-first makes sense (04/15).
    day, month = (second, first) if first <= 12 < second else (first, second)
    year = int(numeric[3]) if numeric[3] else None
    if year is not None and year < 100:
        year += 2000
    return _complete_date(year, month, day, today)


def _weekday_date(weekday: int, labels: set[str], today: dt.date) -> dt.date:
    if "unit_week" in labels and labels & {"next", "last"}:
        # "Thursday next week", "volgende week donderdag": that day in the week after (before)
        # this one, which on a Monday is not the coming Thursday.
        monday = today - timedelta(days=today.weekday())
        return monday + timedelta(weeks=1 if "next" in labels else -1, days=weekday)
    ahead = (weekday - today.weekday()) % 7
    if "last" in labels:
        return today - timedelta(days=(today.weekday() - weekday) % 7 or 7)
    if "next" in labels and ahead == 0:
        ahead = 7
    return today + timedelta(days=ahead or 7)


@lru_cache(maxsize=1)
def _all_words() -> dict[str, dict[str, object]]:
    return load_words()


@lru_cache(maxsize=16)
def answer_reader(language: str) -> AnswerReader:
    """One reader per language, built on first use (a blank pipeline and its matcher)."""
    words = _all_words()
    return AnswerReader(language if language in words else SOURCE_LOCALE, words)
