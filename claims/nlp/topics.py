"""Tags statements with the topics they name, and lists the places and groups no topic covers.

A ``TopicTagger`` is built once per run from the topic table's phrases. It matches the whole
``Doc`` once (phrases compared on lower-case text, and on lemmas so "sanction" also finds
"sanctions"), keeps the matches in the Doc's ``user_data`` and answers every statement span
from that cache. The stance scorer reads the same cache through ``topic_mentions``, so it
knows where in a statement each topic is named.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from claims.nlp.records import EntityRecord, TopicSpec

# Named-entity labels that can become suggested topics: countries and cities, other
# places, organisations, and nationalities or political groups.
TOPIC_ENTITY_LABELS = frozenset({"GPE", "LOC", "ORG", "NORP"})

_CACHE_KEY = "claims.topic_mentions"
_ENTITIES_KEY = "claims.topic_entities"


@dataclass(frozen=True, slots=True)
class TopicMention:
    """Where a topic is named in a Doc: tokens ``start``..``end`` (exclusive)."""

    slug: str
    start: int
    end: int


def topic_mentions(doc: Doc) -> tuple[TopicMention, ...]:
    """The mentions a ``TopicTagger`` found in ``doc`` (empty before any tagger ran on it)."""
    cached = doc.user_data.get(_CACHE_KEY)
    return cached[1] if cached else ()


class TopicTagger:
    """Finds topic phrases in parsed text; build once, use for many Docs."""

    def __init__(self, nlp: Language, topics: Sequence[TopicSpec]) -> None:
        self.topics = tuple(topics)
        self._lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._lemma = PhraseMatcher(nlp.vocab, attr="LEMMA")
        # A phrase that is also a function word ("us", "who") only counts written in
        # capitals ("US", "WHO"), never as the pronoun.
        self._acronyms: set[str] = set()
        phrases = sorted({(spec.slug, phrase) for spec in self.topics for phrase in spec.phrases})
        for slug, phrase in phrases:
            pattern = nlp.make_doc(phrase)
            if len(pattern) == 1 and pattern[0].is_stop:
                self._acronyms.add(phrase)
            self._lower.add(slug, [pattern])
        # Lemmas need the tagger: parse each phrase once. Phrases with function words are
        # left to the exact matcher, since their lemmas ("us" -> "we") change meaning.
        content = [(slug, phrase) for slug, phrase in phrases if phrase not in self._acronyms]
        if content and nlp.has_pipe("lemmatizer"):
            texts = (phrase for _, phrase in content)
            for (slug, _), parsed in zip(content, nlp.pipe(texts), strict=True):
                if not any(token.is_stop or token.is_punct for token in parsed):
                    self._lemma.add(slug, [parsed])

    def tag(self, span: Span | None) -> tuple[str, ...]:
        """Slugs of the topics named inside ``span``, in order of first mention."""
        if span is None:
            return ()
        inside = (m for m in self.mentions(span.doc) if span.start <= m.start and m.end <= span.end)
        return tuple(dict.fromkeys(mention.slug for mention in inside))

    def entities(self, span: Span | None) -> tuple[EntityRecord, ...]:
        """Places, organisations and groups named in ``span`` that no topic phrase covers."""
        if span is None:
            return ()
        found: dict[str, EntityRecord] = {}
        for start, end, record in self._uncovered_entities(span.doc):
            if span.start <= start and end <= span.end:
                found.setdefault(record.text.lower(), record)
        return tuple(found.values())

    def _uncovered_entities(self, doc: Doc) -> list[tuple[int, int, EntityRecord]]:
        # Doc.ents builds new Span objects on every access (and Span.ents reads all of
        # them), so the entities are listed once per Doc and shared by its statements.
        cached = doc.user_data.get(_ENTITIES_KEY)
        if cached is not None and cached[0] == id(self):
            return cached[1]
        covered = {i for m in self.mentions(doc) for i in range(m.start, m.end)}
        entities = []
        for entity in doc.ents:
            if entity.label_ not in TOPIC_ENTITY_LABELS:
                continue
            if any(i in covered for i in range(entity.start, entity.end)):
                continue
            text = _without_article(entity)
            if text:
                entities.append(
                    (entity.start, entity.end, EntityRecord(text=text, label=entity.label_))
                )
        doc.user_data[_ENTITIES_KEY] = (id(self), entities)
        return entities

    def mentions(self, doc: Doc) -> tuple[TopicMention, ...]:
        """Every topic mention in ``doc``, matched once per Doc and cached in it."""
        cached = doc.user_data.get(_CACHE_KEY)
        if cached is not None and cached[0] == id(self):
            return cached[1]
        mentions = self._match(doc)
        doc.user_data[_CACHE_KEY] = (id(self), mentions)
        return mentions

    def _match(self, doc: Doc) -> tuple[TopicMention, ...]:
        vocab = doc.vocab.strings
        found = {
            TopicMention(vocab[match_id], start, end)
            for matcher in (self._lower, self._lemma)
            for match_id, start, end in matcher(doc)
            if self._written_as_phrase(doc[start:end])
        }
        # A phrase inside a longer match of another topic belongs to that topic:
        # "security cooperation" in "proposals for security cooperation".
        kept = [
            mention
            for mention in found
            if not any(
                other.start <= mention.start
                and mention.end <= other.end
                and other.end - other.start > mention.end - mention.start
                for other in found
            )
        ]
        return tuple(sorted(kept, key=lambda m: (m.start, m.end, m.slug)))

    def _written_as_phrase(self, span: Span) -> bool:
        if len(span) == 1 and span.text.lower() in self._acronyms:
            return span.text.isupper() and len(span.text) > 1
        return True


def _without_article(entity: Span) -> str:
    if entity[0].lower_ in {"the", "a", "an"}:
        entity = entity[1:]
    return entity.text.strip(" '\"‘’“”")
