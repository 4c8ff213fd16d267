"""Tags statements with the topics they name, and lists the places and groups no topic covers.

A ``TopicTagger`` is built once per run from the topic table's phrases. Called on a ``Doc``
it matches it once and publishes what it found, as spaCy's own components do:

- ``doc.spans["topics"]``: every topic mention, labelled with the topic's slug. Phrases match
  on lower-case text, on lemmas ("sanction" finds "sanctions"), and through derivational
  families (``claims.nlp.families``: "immigration" finds "immigrants", "abortion" finds
  "abort") for a phrase's only content word, any of its specific (rare) words, and the
  head of what an action phrase acts on ("market" in "unleash the free market"); a phrase's
  inner noun phrases match too ("nuclear weapons" in "a right to nuclear weapons"), and
  any of them written with a hyphen ("open-source software", "free-market");
- ``doc.spans["topic_absent"]``: the mentions that name the topic's absence, a privative
  word of its family ("childless", "childfree", "smoke-free" for a topic on having children
  or smoking): a position on the absence is the opposite position on the topic;
- ``doc.spans["topic_entities"]``: places, organisations and groups no mention covers;
- ``doc.spans["topic_related"]``: only with topic vectors (``claims.nlp.vectors``, off by
  default): a word that names no topic but lies close to one of a topic's key words
  ("condoms" for contraception), or a noun phrase close to one of its phrases ("central
  economic planning" for the free market), is a related mention of it
  (``claims.nlp.related``); it is in ``doc.spans["topics"]`` too, and its similarity is
  kept in the group's ``attrs["similarity"]``.

Every statement span is answered from those groups; the stance scorer reads the mentions
through ``topic_mentions``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from wordfreq import zipf_frequency

from claims.nlp.families import family_key, same_family
from claims.nlp.records import EntityRecord, TopicSpec
from claims.nlp.related import (
    PHRASE_SIMILARITY,
    RELATED_SIMILARITY,
    RELATED_SIMILARITY_BESIDE_PHRASES,
    RelatedPhrases,
    RelatedWords,
)
from claims.nlp.token_index import line_numbers, tokens_tagged
from claims.nlp.vectors import PhraseVectors, TopicVectors, WordVectors, topic_vectors

# Named-entity labels that can become suggested topics: countries and cities, other
# places, organisations, and nationalities or political groups.
TOPIC_ENTITY_LABELS = frozenset({"GPE", "LOC", "ORG", "NORP"})

SPANS_KEY = "topics"
ENTITIES_KEY = "topic_entities"
RELATED_KEY = "topic_related"
ABSENT_KEY = "topic_absent"
# ``doc.user_data[CONTEXT_KEY]``: slugs of topics a caller knows the text is about (the
# motion a debate claim answers), whose kin count though the text never names them.
CONTEXT_KEY = "topic_context"
# Suffixes that make a word the absence of its stem ("childless", "childfree", "smoke-free").
PRIVATIVE_SUFFIXES = ("less", "free")
MIN_PRIVATIVE_STEM = 3
# A word of a longer phrase names its topic alone only when it is this rare (Zipf scale):
# "hydroelectric" or "tobacco" do, "policy" in "foreign policy" does not.
SPECIFIC_ZIPF = 4.3
HEAD_ZIPF = 5.5  # the head noun of an action's object may be commoner ("the free market")
# Verbs that carry no topic of their own in a phrase ("build hydroelectric dams").
LIGHT_VERBS = frozenset(str.split("be have do make get take give use choose build implement pass"))
FAMILY_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})


@dataclass(frozen=True, slots=True)
class TopicMention:
    """Where a topic is named in a Doc: tokens ``start``..``end`` (exclusive)."""

    slug: str
    start: int
    end: int
    similarity: float | None = None  # a related mention's similarity; None: the topic is named
    absent: bool = False  # the mention names the topic's absence ("childless")


def topic_mentions(doc: Doc) -> tuple[TopicMention, ...]:
    """The mentions a ``TopicTagger`` found in ``doc`` (empty before any tagger ran on it)."""
    if SPANS_KEY not in doc.spans:
        return ()
    related = {}
    if RELATED_KEY in doc.spans:
        group = doc.spans[RELATED_KEY]
        for span, similarity in zip(group, group.attrs.get("similarity", ()), strict=False):
            related[(span.label_, span.start, span.end)] = similarity
    absent = set()
    if ABSENT_KEY in doc.spans:
        absent = {(span.label_, span.start, span.end) for span in doc.spans[ABSENT_KEY]}
    return tuple(
        TopicMention(
            span.label_,
            span.start,
            span.end,
            related.get((span.label_, span.start, span.end)),
            (span.label_, span.start, span.end) in absent,
        )
        for span in doc.spans[SPANS_KEY]
    )


@dataclass(frozen=True, slots=True)
class DocTopics:
    """One Doc's topic mentions and uncovered entities (each sorted by start), read once so
    that tagging each statement costs a binary search, not a pass over the whole Doc."""

    mentions: tuple[TopicMention, ...]
    named: tuple[tuple[int, int, str, str], ...]  # the entities: start, end, text, label

    def tag(self, span: Span) -> tuple[str, ...]:
        """Slugs of the topics named inside ``span``, in order of first mention."""
        first = bisect_left(self.mentions, span.start, key=lambda mention: mention.start)
        slugs: dict[str, None] = {}
        for mention in self.mentions[first:]:
            if mention.start >= span.end:
                break
            if mention.end <= span.end:
                slugs.setdefault(mention.slug)
        return tuple(slugs)

    def entities(self, span: Span) -> tuple[EntityRecord, ...]:
        """Places, organisations and groups named in ``span`` that no topic phrase covers."""
        first = bisect_left(self.named, span.start, key=lambda entity: entity[0])
        found: dict[str, EntityRecord] = {}
        for start, end, text, label in self.named[first:]:
            if start >= span.end:
                break
            if end <= span.end:
                found.setdefault(text.lower(), EntityRecord(text=text, label=label))
        return tuple(found.values())


class TopicTagger:
    """Finds topic phrases in parsed text; build once, call on many Docs."""

    assigns = (
        f"doc.spans[{SPANS_KEY!r}]",
        f"doc.spans[{ENTITIES_KEY!r}]",
        f"doc.spans[{ABSENT_KEY!r}]",
    )
    requires = ("token.lemma", "token.pos", "doc.ents")

    def __init__(
        self,
        nlp: Language,
        topics: Sequence[TopicSpec],
        *,
        vectors: WordVectors | PhraseVectors | TopicVectors | None = None,
        related_similarity: float = RELATED_SIMILARITY,
        phrase_similarity: float = PHRASE_SIMILARITY,
    ) -> None:
        self.topics = tuple(topics)
        self._families: dict[str, dict[str, set[str]]] = {}  # key -> slug -> the topic's words
        self._alone: dict[str, set[str]] = {}
        self._common: dict[str, set[str]] = {}
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
                    self._lemma.add(slug, [parsed, *_hyphenated(parsed[:])])
                self._lower.add(slug, _hyphenated(parsed[:]))
                for chunk in _inner_noun_phrases(parsed):
                    self._lower.add(slug, [nlp.make_doc(chunk.text), *_hyphenated(chunk)])
                    if not any(token.is_stop for token in chunk):
                        self._lemma.add(slug, [chunk.as_doc(), *_hyphenated(chunk)])
                self._add_family_words(slug, parsed)
        found = topic_vectors(vectors)
        if found.phrases:
            related_similarity = max(related_similarity, RELATED_SIMILARITY_BESIDE_PHRASES)
        self._related_words = (
            RelatedWords(found.words, self._key_words(), related_similarity)
            if found.words
            else None
        )
        self._related_phrases = (
            RelatedPhrases(found.phrases, phrases, phrase_similarity) if found.phrases else None
        )

    def _add_family_words(self, slug: str, phrase: Doc) -> None:
        words = [
            token
            for token in phrase
            if token.pos_ in FAMILY_POS
            and not token.is_stop
            and token.lemma_.lower() not in LIGHT_VERBS
            and token.is_alpha
        ]
        # In an action ("build hydroelectric dams", "unleash the free market") what is acted on
        # is what the topic is about: the heads of its objects may name it alone.
        heads = {
            chunk.root.i
            for chunk in phrase.noun_chunks
            if phrase[:].root.pos_ == "VERB" and chunk.root.dep_ in ("dobj", "pobj")
        }
        named_alone = []
        for token in words:
            limit = HEAD_ZIPF if token.i in heads else SPECIFIC_ZIPF
            if len(words) == 1 or zipf_frequency(token.lower_, "en") < limit:
                family = self._families.setdefault(family_key(token.lemma_), {})
                family.setdefault(slug, set()).add(token.lemma_.lower())
                if len(words) == 1 or token.pos_ != "VERB":
                    named_alone.append(token.lower_)
        # Kin are sought for the words that name the topic alone, not for the action an
        # action phrase calls for ("unleash", "build": their kin are any verb). A topic none
        # of whose phrases has such a word ("freedom of speech") is known by its less common
        # words (``_key_words``).
        self._alone.setdefault(slug, set()).update(named_alone)
        things = [t for t in words if t.pos_ != "VERB"] or words
        self._common.setdefault(slug, set()).update(
            [t.lower_ for t in things if zipf_frequency(t.lower_, "en") < HEAD_ZIPF]
            or [t.lower_ for t in things]
        )

    def _key_words(self) -> dict[str, set[str]]:
        return {slug: self._alone.get(slug) or self._common[slug] for slug in self._common}

    def __call__(self, doc: Doc) -> Doc:
        """Match ``doc`` and publish its mentions and uncovered entities in ``doc.spans``."""
        mentions = self._match(doc)
        related = self._related_mentions(doc, mentions)
        doc.spans[SPANS_KEY] = [
            Span(doc, m.start, m.end, label=m.slug)
            for m in sorted((*mentions, *related), key=lambda m: (m.start, m.end, m.slug))
        ]
        doc.spans[ABSENT_KEY] = [
            Span(doc, m.start, m.end, label=m.slug) for m in mentions if m.absent
        ]
        if self._related_words or self._related_phrases:
            doc.spans[RELATED_KEY] = [Span(doc, m.start, m.end, label=m.slug) for m in related]
            doc.spans[RELATED_KEY].attrs["similarity"] = [m.similarity for m in related]
        covered = {i for m in mentions for i in range(m.start, m.end)}
        doc.spans[ENTITIES_KEY] = [
            entity
            for entity in doc.ents
            if entity.label_ in TOPIC_ENTITY_LABELS
            and not any(i in covered for i in range(entity.start, entity.end))
        ]
        return doc

    def _related_mentions(self, doc: Doc, named: Sequence[TopicMention]) -> list[TopicMention]:
        """Kindred words, then kindred noun phrases, each where nothing closer names a topic,
        of a topic the same paragraph names (or the caller gives as the text's context).

        On 80 PolNeAR news articles with both vectors, kin of any topic the article named
        made 1,205 stances, nearly all wrong ("the party" for elections); of a topic named in
        the article, 236; in the same paragraph, 47.
        """
        context = set(doc.user_data.get(CONTEXT_KEY, ()))
        if not named and not context:
            return []
        lines = line_numbers(doc)
        named_in = {(m.slug, lines[m.start]) for m in named}
        covered = {i for m in named for i in range(m.start, m.end)}  # these name a topic
        found: list[TopicMention] = []
        for finder in (self._related_words, self._related_phrases):
            if finder is None:
                continue
            for slug, start, end, similarity in finder.mentions(doc, covered=covered):
                if slug not in context and (slug, lines[start]) not in named_in:
                    continue
                found.append(TopicMention(slug, start, end, similarity))
                covered.update(range(start, end))
        return found

    def tag(self, span: Span | None) -> tuple[str, ...]:
        """Slugs of the topics named inside ``span``, in order of first mention."""
        return self.read(span.doc).tag(span) if span is not None else ()

    def entities(self, span: Span | None) -> tuple[EntityRecord, ...]:
        """Places, organisations and groups named in ``span`` that no topic phrase covers."""
        return self.read(span.doc).entities(span) if span is not None else ()

    def read(self, doc: Doc) -> DocTopics:
        """The topic mentions and uncovered entities of ``doc``, to look up span by span."""
        doc = self._tagged(doc)
        entities = [
            (entity.start, entity.end, text, entity.label_)
            for entity in doc.spans[ENTITIES_KEY]
            if (text := _without_article(entity))
        ]
        return DocTopics(topic_mentions(doc), tuple(entities))

    def mentions(self, doc: Doc) -> tuple[TopicMention, ...]:
        """Every topic mention in ``doc`` (matching it first if this Doc was never tagged)."""
        return topic_mentions(self._tagged(doc))

    def _tagged(self, doc: Doc) -> Doc:
        return doc if SPANS_KEY in doc.spans else self(doc)

    def _match(self, doc: Doc) -> tuple[TopicMention, ...]:
        vocab = doc.vocab.strings
        found = {
            TopicMention(vocab[match_id], start, end)
            for matcher in (self._lower, self._lemma)
            for match_id, start, end in matcher(doc)
            if self._written_as_phrase(doc[start:end])
        }
        if self._families:
            found.update(self._family_mentions(doc))
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

    def _family_mentions(self, doc: Doc) -> list[TopicMention]:
        """Single words of a topic's family; neighbours of one topic make one mention."""
        found: list[TopicMention] = []
        for token in tokens_tagged(doc, FAMILY_POS):
            if token.is_stop or not token.is_alpha:
                continue
            slugs = self._family_of(token.lemma_)
            end, absent = token.i + 1, False
            if slugs and _privative_after(token):
                end, absent = token.i + 3, True  # "smoke-free"
            elif not slugs and (stem := _privative_stem(token.lower_)):
                slugs, absent = self._family_of(stem), True  # "childless"
            for slug in sorted(slugs):
                last = found[-1] if found else None
                if last is not None and last.slug == slug and last.end == token.i:
                    found[-1] = TopicMention(slug, last.start, end, absent=absent)
                else:
                    found.append(TopicMention(slug, token.i, end, absent=absent))
        return found

    def _family_of(self, word: str) -> list[str]:
        """The topics ``word`` is of the family of."""
        family = self._families.get(family_key(word), {})
        return [
            slug
            for slug, words in family.items()
            if any(same_family(word, topic_word) for topic_word in words)
        ]

    def _written_as_phrase(self, span: Span) -> bool:
        if len(span) == 1 and span.text.lower() in self._acronyms:
            return span.text.isupper() and len(span.text) > 1
        return True


def _privative_stem(word: str) -> str | None:
    """The stem of a privative word written as one ("child" in "childless"), or None."""
    for suffix in PRIVATIVE_SUFFIXES:
        stem = word.removesuffix(suffix)
        if stem != word and len(stem) >= MIN_PRIVATIVE_STEM:
            return stem
    return None


def _privative_after(token: Token) -> bool:
    """Whether a hyphen and a privative suffix follow ``token`` ("smoke" in "smoke-free")."""
    doc = token.doc
    return (
        token.i + 2 < len(doc)
        and doc[token.i + 1].text == "-"
        and doc[token.i + 2].lower_ in PRIVATIVE_SUFFIXES
        and not token.whitespace_
        and not doc[token.i + 1].whitespace_
    )


def _hyphenated(phrase: Span) -> list[Doc]:
    """The phrase with two of its content words joined by a hyphen, as patterns for both
    matchers: "open-source software" for "open source software", "high-rise" for "high
    rise"."""
    words = [token.text for token in phrase]
    lemmas = [token.lemma_ or token.text for token in phrase]
    variants = []
    for gap in range(1, len(phrase)):
        left, right = phrase[gap - 1], phrase[gap]
        if not (left.is_alpha and right.is_alpha) or left.is_stop or right.is_stop:
            continue
        joined = [*words[:gap], "-", *words[gap:]]
        variants.append(
            Doc(
                phrase.doc.vocab,
                words=joined,
                spaces=[False] * len(joined),
                lemmas=[*lemmas[:gap], "-", *lemmas[gap:]],
            )
        )
    return variants


def _inner_noun_phrases(phrase: Doc) -> list[Span]:
    """Noun phrases of two or more words inside a longer phrase, without determiners:
    "free market" in "unleash the free market", "nuclear weapons" in "a right to nuclear
    weapons"."""
    found = []
    for chunk in phrase.noun_chunks:
        while len(chunk) and (chunk[0].is_stop or chunk[0].is_punct or chunk[0].like_num):
            chunk = chunk[1:]
        if len(chunk) >= 2 and len(chunk) < len(phrase):
            found.append(chunk)
    return found


def _without_article(entity: Span) -> str:
    if entity[0].lower_ in {"the", "a", "an"}:
        entity = entity[1:]
    return entity.text.strip(" '\"‘’“”")
