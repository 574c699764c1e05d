"""A small search over every entry's title and answer in all ten languages.

The last rung before "I don't know": when the NLU has no usable candidate, the entries whose
text is closest to the question (character trigrams, tf-idf, cosine) are offered as "did you
mean". Built once when the action server starts; no outside service.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from knowledge.knowledge_base import KnowledgeBase
from knowledge.languages import SUPPORTED_LOCALES
from knowledge.render import translatable_fields
from knowledge.translations import Catalogs

NON_WORD = re.compile(r"[\W_]+")
PLACEHOLDER = re.compile(r"\{[^}]*\}")


def trigrams(text: str) -> Counter[str]:
    cleaned = " " + NON_WORD.sub(" ", PLACEHOLDER.sub(" ", text.casefold())).strip() + " "
    return Counter(cleaned[i : i + 3] for i in range(len(cleaned) - 2))


@dataclass(frozen=True)
class KnowledgeSearch:
    vectors: list[tuple[str, dict[str, float], float]]  # entry id, weights, norm
    idf: dict[str, float]

    @classmethod
    def build(cls, knowledge: KnowledgeBase, catalogs: Catalogs) -> KnowledgeSearch:
        documents: list[tuple[str, Counter[str]]] = []
        for entry in knowledge:
            (title_ctx, title), (answer_ctx, answer), *_ = translatable_fields(entry)
            for locale in SUPPORTED_LOCALES:
                local_title = catalogs.pgettext(locale, title_ctx, title)
                local_answer = catalogs.pgettext(locale, answer_ctx, answer)
                if local_title is None or local_answer is None:
                    continue
                grams = trigrams(local_title) + trigrams(local_title) + trigrams(local_answer)
                grams.update(trigrams(" ".join(entry.dutch_terms)))
                documents.append((entry.id, grams))
        frequency: Counter[str] = Counter()
        for _, grams in documents:
            frequency.update(grams.keys())
        total = len(documents)
        idf = {gram: math.log((1 + total) / (1 + count)) + 1 for gram, count in frequency.items()}
        vectors = []
        for entry_id, grams in documents:
            weights = {gram: count * idf[gram] for gram, count in grams.items()}
            vectors.append((entry_id, weights, math.sqrt(sum(w * w for w in weights.values()))))
        return cls(vectors, idf)

    def search(
        self, query: str, limit: int = 3, min_score: float = 0.16
    ) -> list[tuple[str, float]]:
        grams = trigrams(query)
        weights = {g: c * self.idf[g] for g, c in grams.items() if g in self.idf}
        norm = math.sqrt(sum(w * w for w in weights.values()))
        if not norm:
            return []
        best: dict[str, float] = {}
        for entry_id, vector, vector_norm in self.vectors:
            score = sum(w * vector.get(g, 0.0) for g, w in weights.items()) / (norm * vector_norm)
            best[entry_id] = max(best.get(entry_id, 0.0), score)
        ranked = sorted(best.items(), key=lambda item: -item[1])
        return [
            (entry_id, round(score, 4)) for entry_id, score in ranked[:limit] if score >= min_score
        ]
