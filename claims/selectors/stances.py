"""Stance tracking: where speakers stand on topics now, how they got there, and when it changed.

Every ``Stance`` row is one dated observation. The positions are computed here in Python
from one query each (no query per speaker or topic), under these rules:

- rejected stances are ignored;
- reviewed stances win: an approved stance, or one a reviewer entered (method ``manual``),
  stands until newer evidence arrives; pending stances observed on or before the newest
  reviewed one of the same speaker and topic are ignored;
- the remaining observations vote with the weight
  ``confidence × 0.5 ** (age_days / HALF_LIFE_DAYS) × (REVIEWED_WEIGHT if reviewed else 1)``,
  where the age counts back from the newest observation of that speaker and topic (so a
  position does not drift while nothing new is said);
- a change of position is a dated observation whose polarity (favor or against; neutral
  days are skipped) differs from the one before it.

An undated observation (from an article with no date) counts in the vote without ageing,
is overridden by any reviewed dated one (it may be older than all of them), and is kept out
of change detection: a change needs two dates. Timelines list undated observations first.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import groupby, pairwise

from django.db.models import Exists, F, OuterRef, Prefetch, QuerySet

from claims.models import Polarity, ReviewStatus, Speaker, Stance, StanceMethod, Statement, Topic

HALF_LIFE_DAYS = 180
REVIEWED_WEIGHT = 2.0

_FIELDS = ("id", "speaker_id", "topic_id", "polarity", "confidence", "observed_on")
# Oldest first, undated first (the same on PostgreSQL and SQLite).
TIMELINE_ORDER = (F("observed_on").asc(nulls_first=True), "id")


@dataclass(frozen=True)
class Position:
    """A speaker's current position on a topic."""

    speaker_id: int
    topic_id: int
    polarity: str
    confidence: float
    observations: int
    last_observed: date | None  # None when every observation is undated
    last_change: date | None


@dataclass(frozen=True)
class PositionChange:
    """A speaker turning from one position on a topic to the other, with the evidence."""

    speaker_id: int
    topic_id: int
    before: str
    after: str
    last_before: date  # the last day of the old position
    changed_on: date  # the first day of the new one
    before_stances: tuple[int, ...]  # the stances of the old position
    after_stances: tuple[int, ...]  # the stances of the new one, up to the next change


@dataclass(frozen=True)
class _Observation:
    id: int
    speaker_id: int
    topic_id: int
    polarity: str
    confidence: float
    observed_on: date | None
    reviewed: bool


def stance_list() -> QuerySet[Stance]:
    """Stances with what their listings show (speaker, topic, article, evidence ids)."""
    return Stance.objects.select_related(
        "speaker", "topic", "article", "reviewed_by"
    ).prefetch_related(Prefetch("evidence", queryset=Statement.objects.only("id")))


def current_positions(
    *, speakers: Iterable[int] | None = None, topics: Iterable[int] | None = None
) -> list[Position]:
    """Current positions of ``speakers`` (ids) on ``topics`` (ids); None means all."""
    return positions_and_changes(speakers=speakers, topics=topics)[0]


def positions_and_changes(
    *, speakers: Iterable[int] | None = None, topics: Iterable[int] | None = None
) -> tuple[list[Position], list[PositionChange]]:
    """``current_positions`` and every turn behind them (oldest first), from one read."""
    positions, turns = [], []
    for (speaker_id, topic_id), observations in _observations(speakers, topics).items():
        counted = _counted(observations)
        polarity, confidence = _vote(counted)
        changes = _changes(speaker_id, topic_id, counted)
        turns.extend(changes)
        positions.append(
            Position(
                speaker_id=speaker_id,
                topic_id=topic_id,
                polarity=polarity,
                confidence=confidence,
                observations=len(observations),
                last_observed=_newest_day(observations),
                last_change=changes[-1].changed_on if changes else None,
            )
        )
    positions.sort(key=lambda p: (p.speaker_id, -_ordinal(p.last_observed), p.topic_id))
    turns.sort(key=lambda change: (change.changed_on, change.topic_id))
    return positions, turns


def stance_timeline(*, speaker: Speaker, topic: Topic | None = None) -> QuerySet[Stance]:
    """The speaker's dated observations (rejected ones left out), oldest first."""
    stances = stance_list().filter(speaker=speaker).exclude(review_status=ReviewStatus.REJECTED)
    if topic is not None:
        stances = stances.filter(topic=topic)
    return stances.order_by(*TIMELINE_ORDER)


def position_changes(*, speaker: Speaker, topic: Topic | None = None) -> list[PositionChange]:
    """Every favor→against or against→favor turn of ``speaker``, oldest first."""
    topics = [topic.pk] if topic is not None else None
    return positions_and_changes(speakers=[speaker.pk], topics=topics)[1]


def stances_changed_since(*, since: date) -> QuerySet[Stance]:
    """Stances on either side of a change of position that happened on or after ``since``."""
    recent = Stance.objects.filter(
        speaker_id=OuterRef("speaker_id"), topic_id=OuterRef("topic_id"), observed_on__gte=since
    ).exclude(review_status=ReviewStatus.REJECTED)
    rows = (
        Stance.objects.exclude(review_status=ReviewStatus.REJECTED)
        .filter(Exists(recent))
        .order_by("speaker_id", "topic_id", *TIMELINE_ORDER)
        .values(*_FIELDS, "review_status", "method")
    )
    ids: set[int] = set()
    for (speaker_id, topic_id), group in groupby(
        map(_observation, rows), key=lambda o: (o.speaker_id, o.topic_id)
    ):
        for change in _changes(speaker_id, topic_id, _counted(list(group))):
            if change.changed_on >= since:
                ids.update(change.before_stances + change.after_stances)
    return stance_list().filter(pk__in=ids)


def _observations(
    speakers: Iterable[int] | None, topics: Iterable[int] | None
) -> dict[tuple[int, int], list[_Observation]]:
    """Non-rejected observations per (speaker, topic), oldest first, in one query."""
    rows = Stance.objects.exclude(review_status=ReviewStatus.REJECTED)
    if speakers is not None:
        rows = rows.filter(speaker_id__in=list(speakers))
    if topics is not None:
        rows = rows.filter(topic_id__in=list(topics))
    grouped: dict[tuple[int, int], list[_Observation]] = defaultdict(list)
    ordered = rows.order_by(*TIMELINE_ORDER).values(*_FIELDS, "review_status", "method")
    for row in ordered:
        observation = _observation(row)
        grouped[(observation.speaker_id, observation.topic_id)].append(observation)
    return grouped


def _observation(row: dict) -> _Observation:
    reviewed = row["review_status"] == ReviewStatus.APPROVED or row["method"] == StanceMethod.MANUAL
    return _Observation(
        id=row["id"],
        speaker_id=row["speaker_id"],
        topic_id=row["topic_id"],
        polarity=row["polarity"],
        confidence=row["confidence"],
        observed_on=row["observed_on"],
        reviewed=reviewed,
    )


def _counted(observations: Sequence[_Observation]) -> list[_Observation]:
    """Drop pending observations a newer-or-same-day reviewed one overrides (an undated
    one counts as older than any dated one)."""
    reviewed_days = [_ordinal(o.observed_on) for o in observations if o.reviewed]
    if not reviewed_days:
        return list(observations)
    newest_review = max(reviewed_days)
    return [o for o in observations if o.reviewed or _ordinal(o.observed_on) > newest_review]


def _ordinal(day: date | None) -> int:
    """A day's number, 0 for an undated one (before every date)."""
    return day.toordinal() if day is not None else 0


def _newest_day(observations: Sequence[_Observation]) -> date | None:
    days = [o.observed_on for o in observations if o.observed_on is not None]
    return max(days) if days else None


def _weight(observation: _Observation, newest: date | None) -> float:
    # An undated observation does not age: its age is unknown, not great.
    if observation.observed_on is None or newest is None:
        age = 0
    else:
        age = (newest - observation.observed_on).days
    review = REVIEWED_WEIGHT if observation.reviewed else 1.0
    return observation.confidence * 0.5 ** (age / HALF_LIFE_DAYS) * review


def _vote(observations: Sequence[_Observation]) -> tuple[str, float]:
    """The weighted majority polarity, and its share of the weight times its mean confidence."""
    newest = _newest_day(observations)
    weight: dict[str, float] = defaultdict(float)
    held: dict[str, float] = defaultdict(float)
    for observation in observations:
        w = _weight(observation, newest)
        weight[observation.polarity] += w
        held[observation.polarity] += w * observation.confidence
    polarity = max(weight, key=lambda p: (weight[p], p != Polarity.NEUTRAL))
    total = sum(weight.values())
    if total == 0:
        return polarity, 0.0
    share = weight[polarity] / total
    return polarity, round(share * held[polarity] / weight[polarity], 3)


def _changes(
    speaker_id: int, topic_id: int, observations: Sequence[_Observation]
) -> list[PositionChange]:
    """Turns between favor and against, day by day (one vote per day; neutral days skipped)."""
    runs: list[tuple[str, list[_Observation]]] = []  # (polarity, observations) per run of days
    dated = (o for o in observations if o.observed_on is not None)
    for _, day in groupby(dated, key=lambda o: o.observed_on):
        day = list(day)
        polarity, _ = _vote(day)
        if polarity == Polarity.NEUTRAL:
            continue
        if runs and runs[-1][0] == polarity:
            runs[-1][1].extend(day)
        else:
            runs.append((polarity, [o for o in day if o.polarity == polarity] or day))
    return [
        PositionChange(
            speaker_id=speaker_id,
            topic_id=topic_id,
            before=before,
            after=after,
            last_before=old[-1].observed_on,
            changed_on=new[0].observed_on,
            before_stances=tuple(o.id for o in old if o.polarity == before),
            after_stances=tuple(o.id for o in new if o.polarity == after),
        )
        for (before, old), (after, new) in pairwise(runs)
    ]
