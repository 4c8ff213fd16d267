"""Related mentions: words and noun phrases that name no topic but lie close to one.

Both finders are built once per run from the topics' words and answer ``(slug, start, end,
similarity)`` for a parsed Doc; ``claims.nlp.topics.TopicTagger`` publishes them as mentions.
The tagger keeps only kin of a topic their paragraph names itself: on news, a word close
to one of many curated topics ("party" to elections, "case" to courts) is mostly about
something else.

- ``RelatedWords`` (word vectors, GloVe): a noun among the nearest words of a topic's key
  word ("condoms" for contraception, "hydropower" for hydroelectric dams);
- ``RelatedPhrases`` (phrase vectors, WordLlama): a noun phrase whose vector is close to a
  topic phrase's ("central economic planning" for "unleash the free market"). The mention
  is the phrase's head noun, so that the phrase's own judging words ("excessive use of
  force") stay outside it and are read by the stance scorer.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

import numpy as np
from spacy.tokens import Doc, Span

from claims.nlp.token_index import tokens_tagged
from claims.nlp.vectors import PhraseVectors, WordVectors

Related = tuple[str, int, int, float]  # slug, start, end (tokens), similarity

# A word is kin of a topic's key word when it is among the key's KIN_NEIGHBOURS nearest words
# (GloVe 6B 50d) and at least RELATED_SIMILARITY close. Measured on the IBM Claim Stance
# training claims, against their own motion / against another motion drawn at random
# (stances on a topic the claim is not about): 100 nearest give coverage 0.64 / 0.087,
# 300 nearest 0.69 / 0.18, any word at least 0.65 close (no neighbourhood) 0.61 / 0.086.
RELATED_SIMILARITY = 0.55
# Beside phrase vectors, which find most of what looser kin would, a word needs to be this
# close: on the same claims, with WordLlama, 0.55 gives coverage 0.75 and 7.2 % stances on a
# topic drawn at random; 0.75 gives 0.74 and 5.1 %.
RELATED_SIMILARITY_BESIDE_PHRASES = 0.75
KIN_NEIGHBOURS = 100
# A word kin to more topics than this is kin to none ("cooperation" is close to nine of the
# curated topics' words).
MAX_KIN_TOPICS = 2
# Words that may be a related mention: things, not their qualities or what is done to them
# ("foreign", "necessary", "said" are close to many topics' words), nor names: a name
# ("Kentucky", "Bernie") speaks of its bearer. Leaving names out cost little on the IBM Claim
# Stance training claims (F_avg with both vectors 0.669 -> 0.660) and took a fifth of the
# related stances on 80 PolNeAR news articles, nearly all of them wrong.
RELATED_POS = frozenset({"NOUN"})
# A noun phrase names a topic by kin when its WordLlama vector is at least this close to one
# of the topic's phrases. On the IBM Claim Stance training claims (with GloVe kin, see
# above), stances on their own motion / on one drawn at random: 0.15 gives coverage 0.76 /
# 0.15, 0.2 gives 0.74 / 0.10, 0.3 gives 0.71 / 0.085 (word kin at 0.55).
PHRASE_SIMILARITY = 0.2
# ... and at least this much closer to it than to any other topic's phrases: a phrase close
# to several topics names none of them ("the program", "the plan" among 54 curated topics).
# The IBM claims have one topic each, so this only acts on news.
PHRASE_MARGIN = 0.1


class RelatedWords:
    """The kin of each topic: the words nearest its key words in the vectors, found once.

    A word is kin of a key word when it is among the key's ``KIN_NEIGHBOURS`` nearest words
    and at least ``similarity`` close: the nearest words of a specific key ("condoms" for
    "contraception") are specific too, while a generic word ("country") is in the
    neighbourhood of many topics' keys, and so kin to none (``MAX_KIN_TOPICS``).
    """

    def __init__(
        self, vectors: WordVectors, key_words: dict[str, set[str]], similarity: float
    ) -> None:
        self._kin: dict[str, dict[str, float]] = {}
        for slug, words in key_words.items():
            _, keys = vectors.matrix(sorted(words))
            for key in keys:
                for word, close in vectors.neighbours(key, KIN_NEIGHBOURS):
                    if close < similarity:
                        break
                    topics = self._kin.setdefault(word, {})
                    topics[slug] = max(topics.get(slug, 0.0), close)

    def mentions(self, doc: Doc, *, covered: Collection[int]) -> list[Related]:
        """One mention per word kin to a topic, for words outside ``covered`` (named ones)."""
        if not self._kin:
            return []
        found = []
        for token in tokens_tagged(doc, RELATED_POS):
            if token.i in covered or token.is_stop or not token.is_alpha:
                continue
            kin = self._kin.get(token.lower_) or self._kin.get(token.lemma_.lower())
            # A word close to many topics ("cooperation", "costs") is kin to none of them.
            if kin and len(kin) <= MAX_KIN_TOPICS:
                slug = max(kin, key=kin.__getitem__)
                found.append((slug, token.i, token.i + 1, round(kin[slug], 3)))
        return found


class RelatedPhrases:
    """Noun phrases close to a topic's phrases in phrase vectors; the topics embedded once."""

    def __init__(
        self, vectors: PhraseVectors, phrases: Sequence[tuple[str, str]], similarity: float
    ) -> None:
        self._vectors = vectors
        self._similarity = similarity
        ordered = sorted(phrases)  # each topic's phrases side by side, for np.maximum.reduceat
        self._slugs = list(dict.fromkeys(slug for slug, _ in ordered))
        slugs = [slug for slug, _ in ordered]
        self._first_phrase = np.array([slugs.index(slug) for slug in self._slugs], dtype=np.intp)
        self._topics = vectors.embed([phrase for _, phrase in ordered]) if ordered else None

    def mentions(self, doc: Doc, *, covered: Collection[int]) -> list[Related]:
        """The head of each noun phrase close to a topic (and clearly closer to it than to
        any other topic), for heads outside ``covered``."""
        if self._topics is None:
            return []
        roots, texts = [], []
        for chunk in doc.noun_chunks:
            root = chunk.root
            if (
                root.i not in covered
                and root.pos_ in RELATED_POS
                and (text := _content_text(chunk))
            ):
                roots.append(root.i)
                texts.append(text)
        if not texts:
            return []
        scores = self._vectors.embed(texts) @ self._topics.T
        # Each phrase's closeness to each topic: to the nearest of the topic's phrases.
        by_topic = np.maximum.reduceat(scores, self._first_phrase, axis=1)
        best = by_topic.argmax(axis=1)
        closest = by_topic[np.arange(len(texts)), best]
        if by_topic.shape[1] > 1:
            runner_up = np.partition(by_topic, -2, axis=1)[:, -2]
        else:
            runner_up = np.full(len(texts), -1.0)
        kept = (closest >= self._similarity) & (closest - runner_up >= PHRASE_MARGIN)
        return [
            (self._slugs[best[row]], roots[row], roots[row] + 1, round(float(closest[row]), 3))
            for row in np.flatnonzero(kept)
        ]


def _content_text(chunk: Span) -> str:
    """The phrase's words without determiners, pronouns and punctuation."""
    return " ".join(token.text for token in chunk if not (token.is_stop or token.is_punct))
