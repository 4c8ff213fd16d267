"""Tags statements with topics (placeholder until the tagger lands)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Span

from claims.nlp.records import EntityRecord, TopicSpec


class TopicTagger:
    def __init__(self, nlp: Language, topics: Sequence[TopicSpec]) -> None:
        self.topics = tuple(topics)

    def tag(self, span: Span | None) -> tuple[str, ...]:
        return ()

    def entities(self, span: Span | None) -> tuple[EntityRecord, ...]:
        return ()
