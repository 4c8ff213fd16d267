"""What every stance scorer shares: the scorer protocol, one reading, and the aggregation.

A scorer reads, for every statement, each topic mention inside it (``statement_mentions``)
and gives a ``Reading`` or nothing; ``aggregate`` turns the readings of one speaker on one
topic into one ``StanceRecord`` that keeps the method, cue words and path of its best reading.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from spacy.tokens import Doc, Span

from claims.nlp.records import SpeakerInfo, StanceRecord, StatementRecord
from claims.nlp.topics import topic_mentions

MAX_CONFIDENCE = 0.95
MIXED_MARGIN = 0.25  # below this share of the total weight, favor and against count as a tie
MIXED_CONFIDENCE = 0.3


class StanceScorer(Protocol):
    """Anything that turns an article's statements into stance records.

    Requires the topic mentions in ``doc.spans["topics"]`` (``TopicTagger``).
    """

    name: str
    version: str

    def infer(
        self,
        doc: Doc,
        *,
        statements: Sequence[StatementRecord],
        speakers: Sequence[SpeakerInfo],
    ) -> list[StanceRecord]: ...


@dataclass(frozen=True, slots=True)
class Reading:
    """One statement's position on one topic mention, and how it was found."""

    polarity: str
    confidence: float
    cues: tuple[str, ...]
    target: str
    method: str = "rule"
    path: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class MentionInStatement:
    """A topic mention inside a statement, with what a scorer needs to read it."""

    index: int  # of the statement
    speaker: int
    slug: str
    mention: Span
    statement: Span
    holders: frozenset[str]
    similarity: float | None = None  # a related mention's (``topics.RELATED_KEY``)
    absent: bool = False  # the mention names the topic's absence (``topics.ABSENT_KEY``)


def speaker_words(speaker: SpeakerInfo) -> frozenset[str]:
    """Lower-case words that name the speaker or the side they speak for."""
    names = (speaker.name, speaker.affiliation, *speaker.aliases)
    return frozenset(word.lower() for name in names for word in name.split())


def statement_mentions(
    doc: Doc, statements: Sequence[StatementRecord], speakers: Sequence[SpeakerInfo]
) -> Iterator[MentionInStatement]:
    """Every mention of a topic a statement with a speaker is tagged with."""
    mentions = topic_mentions(doc)
    for index, statement in enumerate(statements):
        if statement.speaker is None or not statement.topics:
            continue
        span = doc.char_span(statement.start, statement.end, alignment_mode="expand")
        if span is None:
            continue
        holders = speaker_words(speakers[statement.speaker])
        for mention in mentions:
            inside = span.start <= mention.start and mention.end <= span.end
            if inside and mention.slug in statement.topics:
                yield MentionInStatement(
                    index=index,
                    speaker=statement.speaker,
                    slug=mention.slug,
                    mention=doc[mention.start : mention.end],
                    statement=span,
                    holders=holders,
                    similarity=mention.similarity,
                    absent=mention.absent,
                )


Observation = tuple[int, str, int, Reading]  # speaker, topic slug, statement index, reading


def observe(
    doc: Doc,
    statements: Sequence[StatementRecord],
    speakers: Sequence[SpeakerInfo],
    read: Callable[[MentionInStatement], Reading | None],
) -> list[Observation]:
    """Every reading ``read`` gives of a topic mention inside a statement, with who and where."""
    observations = []
    for found in statement_mentions(doc, statements, speakers):
        reading = read(found)
        if reading is not None:
            observations.append((found.speaker, found.slug, found.index, reading))
    return observations


def aggregate(
    observations: Sequence[tuple[int, str, int, Reading]], *, version: str
) -> list[StanceRecord]:
    """One record per (speaker, topic): the weighted majority of its readings.

    Each reading weighs its confidence. The winning side's confidence is the chance that at
    least one of its readings is right (1 - prod(1 - c)), scaled by its share of the weight;
    when neither side has ``MIXED_MARGIN`` more of the weight the record is ``neutral``.
    Evidence and cues are those of the readings that agree with the result; method and path
    are those of its most confident reading.
    """
    grouped: dict[tuple[int, str], list[tuple[int, Reading]]] = defaultdict(list)
    for speaker, topic, statement, reading in observations:
        grouped[(speaker, topic)].append((statement, reading))
    records = []
    for (speaker, topic), readings in grouped.items():
        weight = defaultdict(float)
        for _, reading in readings:
            weight[reading.polarity] += reading.confidence
        total = sum(weight.values())
        polarity = max(weight, key=weight.__getitem__)
        share = weight[polarity] / total
        if share - (1 - share) < MIXED_MARGIN:
            polarity, chosen, confidence = "neutral", readings, MIXED_CONFIDENCE
        else:
            chosen = [(i, r) for i, r in readings if r.polarity == polarity]
            doubt = 1.0
            for _, reading in chosen:
                doubt *= 1 - reading.confidence
            confidence = (1 - doubt) * share
        best = max(chosen, key=lambda pair: pair[1].confidence)[1]
        records.append(
            StanceRecord(
                speaker=speaker,
                topic=topic,
                target=best.target,
                polarity=polarity,
                confidence=round(min(confidence, MAX_CONFIDENCE), 3),
                evidence=tuple(sorted({index for index, _ in chosen})),
                cues=tuple(dict.fromkeys(c for _, r in chosen for c in r.cues)),
                method=best.method,
                method_version=version,
                path=best.path,
            )
        )
    return sorted(records, key=lambda record: (record.evidence, record.speaker, record.topic))
