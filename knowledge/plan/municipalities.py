"""Dutch municipalities: the complete list, and finding one in what a user typed."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process

from knowledge.paths import REPO_ROOT

MUNICIPALITIES_FILE = REPO_ROOT / "knowledge" / "plan" / "municipalities.yml"
# Words around a name that are not part of it ("gemeente Utrecht", "in Delft", "Municipality of").
_FILLER = re.compile(
    r"\b(gemeente|municipality|municipio|município|municipalidad|belediye(si)?|in|of|de|van|"
    r"the|i live|we live|moving to|wonen|woon|ik)\b",
    re.IGNORECASE,
)
FUZZY_CUTOFF = 86.0


@dataclass(frozen=True)
class Municipality:
    code: str
    name: str
    province: str
    aliases: tuple[str, ...] = ()


def _key(text: str) -> str:
    """Lower case, no accents, no punctuation: "'s-Hertogenbosch" -> "s hertogenbosch"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w]+", " ", plain).split())


@dataclass(frozen=True)
class MunicipalityIndex:
    municipalities: tuple[Municipality, ...]
    as_of: str

    @classmethod
    def load(cls, path: Path = MUNICIPALITIES_FILE) -> MunicipalityIndex:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        items = tuple(
            Municipality(
                code=str(item["code"]),
                name=str(item["name"]),
                province=str(item["province"]),
                aliases=tuple(str(a) for a in item.get("aliases") or ()),
            )
            for item in raw["municipalities"]
        )
        return cls(municipalities=items, as_of=str(raw["as_of"]))

    @cached_property
    def _by_key(self) -> dict[str, Municipality]:
        keys: dict[str, Municipality] = {}
        for municipality in self.municipalities:
            for name in (municipality.name, *municipality.aliases):
                keys.setdefault(_key(name), municipality)
        return keys

    def find(self, text: str) -> Municipality | None:
        """The municipality a short answer names, allowing for common misspellings."""
        key = _key(text)
        if not key:
            return None
        if key in self._by_key:
            return self._by_key[key]
        stripped = _key(_FILLER.sub(" ", text))
        if stripped in self._by_key:
            return self._by_key[stripped]
        candidate = stripped or key
        if len(candidate) < 3:
            return None
        return self._closest(candidate)

    def _closest(self, text: str) -> Municipality | None:
        """Fuzzy match the whole answer, then every run of one to three words in it."""
        words = text.split()
        windows = [text] + [
            " ".join(words[start : start + size])
            for size in (3, 2, 1)
            for start in range(len(words) - size + 1)
        ]
        best: tuple[float, str] | None = None
        for window in dict.fromkeys(windows):
            if len(window) < 3:
                continue
            match = process.extractOne(
                window, self._by_key.keys(), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF
            )
            if match and (best is None or match[1] > best[0]):
                best = (match[1], match[0])
        return self._by_key[best[1]] if best else None
