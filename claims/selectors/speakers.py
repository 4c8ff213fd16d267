"""Speaker reads: the API's speaker lists and search by name or alias."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import F, Max, Prefetch, Q, QuerySet, Window
from django.db.models.functions import RowNumber

from claims.core.aliases import normalize_alias
from claims.models import ReviewStatus, Speaker, SpeakerAlias, Stance, Topic
from claims.selectors.stances import (
    TIMELINE_ORDER,
    Position,
    PositionChange,
    positions_and_changes,
)

# A speaker's positions list at most this many observations per topic, the most recent
# ones; a much-quoted speaker has thousands (the timeline endpoint pages through them all).
OBSERVATIONS_PER_TOPIC = 5


@dataclass(frozen=True)
class Standing:
    """A speaker's current position on one topic, with the observations and turns behind it."""

    topic: Topic
    position: Position
    observations: list[Stance]  # the most recent, oldest first, rejected ones left out
    changes: list[PositionChange]  # oldest first


def speaker_list() -> QuerySet[Speaker]:
    return Speaker.objects.prefetch_related(
        Prefetch("aliases", queryset=SpeakerAlias.objects.only("speaker_id", "alias"))
    )


def speakers_by_id(*, ids: Iterable[int]) -> dict[int, Speaker]:
    speakers = Speaker.objects.filter(pk__in=set(ids)).only("slug", "name", "role", "affiliation")
    return {speaker.pk: speaker for speaker in speakers}


def search_speakers(*, speakers: QuerySet[Speaker], query: str) -> QuerySet[Speaker]:
    """Speakers whose name or one of whose aliases contains ``query`` (case-insensitive)."""
    query = query.strip()
    aliased = SpeakerAlias.objects.filter(normalized__contains=normalize_alias(query))
    return speakers.filter(Q(name__icontains=query) | Q(pk__in=aliased.values("speaker_id")))


def speakers_named(*, name: str) -> QuerySet[Speaker]:
    """Speakers whose name or one of whose aliases is exactly ``name`` (case-insensitive)."""
    aliased = SpeakerAlias.objects.filter(normalized=normalize_alias(name))
    return Speaker.objects.filter(
        Q(name__iexact=name.strip()) | Q(pk__in=aliased.values("speaker_id"))
    )


def speaker_topics(*, speaker: Speaker) -> list[int]:
    """The ids of the topics ``speaker`` holds a position on, most recently observed first
    (the order of ``speaker_standings``; undated last, then by id), in one query.

    Read from the index of live stances (migration 0010) alone, so that a page of a
    much-quoted speaker's positions does not read all of their observations.
    """
    latest = (
        Stance.objects.filter(speaker=speaker)
        .exclude(review_status=ReviewStatus.REJECTED)
        .values("topic_id")
        .annotate(latest=Max("observed_on"))
        .order_by(F("latest").desc(nulls_last=True), "topic_id")
    )
    return [row["topic_id"] for row in latest]


def speaker_standings(
    *,
    speaker: Speaker,
    topics: Iterable[int] | None = None,
    observations_per_topic: int = OBSERVATIONS_PER_TOPIC,
) -> list[Standing]:
    """Where ``speaker`` stands on each topic (on ``topics``, ids, when given), most recently
    observed first, with the ``observations_per_topic`` most recent observations behind each
    position (four queries, each reading only those topics' observations).
    """
    topics = list(topics) if topics is not None else None
    observations: dict[int, list[Stance]] = defaultdict(list)
    for stance in recent_observations(
        speaker=speaker, per_topic=observations_per_topic, topics=topics
    ):
        observations[stance.topic_id].append(stance)
    positions, turns = positions_and_changes(speakers=[speaker.pk], topics=topics)
    changes: dict[int, list[PositionChange]] = defaultdict(list)
    for change in turns:
        changes[change.topic_id].append(change)
    return [
        Standing(
            topic=observations[position.topic_id][0].topic,
            position=position,
            observations=observations[position.topic_id],
            changes=changes[position.topic_id],
        )
        for position in positions
    ]


def recent_observations(
    *, speaker: Speaker, per_topic: int, topics: list[int] | None = None
) -> list[Stance]:
    """The speaker's ``per_topic`` most recent observations on each topic, oldest first,
    each with its topic and ``evidence_ids`` (three narrow queries).

    The ranking reads only ids, topics and dates (the ``speaker, topic, observed_on``
    index); the rows it picks are read next, and their evidence ids straight from the link
    table. Ranking the full rows, joined to their articles, read every observation of a
    much-quoted speaker in full; the evidence, joined to the statements, was a sequential
    scan of the link table.
    """
    newest_first = Window(
        RowNumber(),
        partition_by=[F("topic_id")],
        order_by=[F("observed_on").desc(nulls_last=True), F("id").desc()],
    )
    live = Stance.objects.filter(speaker=speaker).exclude(review_status=ReviewStatus.REJECTED)
    if topics is not None:
        live = live.filter(topic_id__in=topics)
    ranked = (
        live.annotate(recency=newest_first)
        .filter(recency__lte=per_topic)
        .values_list("id", flat=True)
    )
    ids = list(ranked)
    stances = list(
        Stance.objects.filter(pk__in=ids)
        .select_related("topic", "reviewed_by")
        .order_by(*TIMELINE_ORDER)
    )
    evidence: dict[int, list[int]] = defaultdict(list)
    links = Stance.evidence.through.objects.filter(stance_id__in=ids).order_by("statement_id")
    for stance_id, statement_id in links.values_list("stance_id", "statement_id"):
        evidence[stance_id].append(statement_id)
    for stance in stances:
        stance.evidence_ids = evidence[stance.pk]
    return stances
