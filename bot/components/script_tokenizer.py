"""A whitespace tokenizer that also splits Chinese (Han) text into single characters.

Chinese is written without spaces, so the whitespace tokenizer sees a whole question as one
"word" and word-level features learn nothing from it; worse, its emoji filter drops Chinese
words that stand between spaces. Splitting Han characters gives the featurizers real units;
every other script is tokenized exactly as WhitespaceTokenizer does.
"""

from __future__ import annotations

from typing import List, Text

import regex
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.training_data.message import Message

HAN_OR_OTHER = regex.compile(r"\p{Han}|[^\p{Han}]+")


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False
)
class ScriptAwareTokenizer(WhitespaceTokenizer):
    def remove_emoji(self, text: Text) -> Text:
        # Rasa's emoji pattern spans U+24C2..U+1F251, which includes all CJK characters:
        # a word with letters is never an emoji.
        if regex.search(r"\p{L}", text):
            return text
        return super().remove_emoji(text)

    def tokenize(self, message: Message, attribute: Text) -> List[Token]:
        tokens = super().tokenize(message, attribute)
        split: List[Token] = []
        for token in tokens:
            if not regex.search(r"\p{Han}", token.text):
                split.append(token)
                continue
            for part in HAN_OR_OTHER.finditer(token.text):
                split.append(Token(part.group(0), token.start + part.start()))
        return split
