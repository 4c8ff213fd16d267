"""Topics for ingest: the specs the tagger is built from, and suggested topics for new entities."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower

from claims.core.locks import lock_resolution
from claims.models import Topic, TopicStatus
from claims.nlp.records import EntityRecord, TopicSpec
from claims.services.slugs import unique_slug


def curated_topics_fixture() -> Path:
    """The curated topic set that ships with the project."""
    return Path(settings.BASE_DIR) / "fixtures" / "topics.json"


def ensure_curated_topics() -> int:
    """Load the shipped curated topics into a database that has no topic at all.

    Without topics nothing is tagged and no stance is inferred, so a first ingest into a
    fresh database would store bare statements. Returns how many topics were loaded (0 when
    the database already has topics: they are the reviewers', never overwritten).
    """
    if Topic.objects.exists():
        return 0
    with transaction.atomic():
        lock_resolution()  # two first ingests at once: one loads, the other then sees them
        if Topic.objects.exists():
            return 0
        call_command("loaddata", str(curated_topics_fixture()), verbosity=0)
        return Topic.objects.count()


def topic_specs() -> list[TopicSpec]:
    """Every topic with the phrases that tag it (its name counts as a phrase)."""
    return [
        TopicSpec(
            slug=slug,
            name=name,
            phrases=tuple(dict.fromkeys([name.lower(), *(p.lower() for p in phrases or [])])),
        )
        for slug, name, phrases in Topic.objects.values_list("slug", "name", "phrases")
    ]


def _create_suggested_topic(entity: EntityRecord) -> Topic:
    """A new suggested topic for an entity no topic names yet."""
    name = entity.text.strip()[:200]
    try:
        with transaction.atomic():
            return Topic.objects.create(
                name=name,
                slug=unique_slug(model=Topic, name=name, fallback="topic"),
                status=TopicStatus.SUGGESTED,
                entity_label=entity.label[:16],
                phrases=[name.lower()],
                description=f"Suggested by the extractor from a {entity.label} entity.",
            )
    except IntegrityError:  # created by a concurrent ingest in the meantime
        return Topic.objects.get(name__iexact=name)


# Directions name no subject: "the West" said alone is a side, not a topic to track.
_DIRECTIONS = frozenset(
    {"west", "east", "north", "south", "western", "eastern", "northern", "southern"}
    | {"northwest", "northeast", "southwest", "southeast", "midwest"}
)
# One-word groups ending so are adjectives of a people ("European", "Russian", "American",
# "Chinese", "British"): the subject is the place or the people, named elsewhere.
_ADJECTIVE_ENDINGS = ("ean", "ian", "can", "ese", "ish")


def names_a_subject(entity: EntityRecord) -> bool:
    """Whether an entity is worth a suggested topic (not "European" or "West" alone).

    A single letter, a bare direction, or a people's adjective is not; the entity is then
    simply not tagged as a topic.
    """
    text = entity.text.strip().lower()
    if len(text) < 2 or text.removeprefix("the ") in _DIRECTIONS:
        return False
    return not (entity.label == "NORP" and " " not in text and text.endswith(_ADJECTIVE_ENDINGS))


def entity_key(entity: EntityRecord) -> str:
    """How ``suggested_topic_ids`` keys an entity: its topic name, lower-cased."""
    return entity.text.strip()[:200].lower()


def suggested_topic_ids(*, entities: Iterable[EntityRecord]) -> dict[str, int]:
    """Topic ids for many entities at once, keyed by lower-case entity text.

    One query finds the topics that already exist (by name, whatever the case); only the
    entities still missing are created one by one (after the first articles, that is rare).
    """
    wanted: dict[str, EntityRecord] = {}
    for entity in entities:
        if names_a_subject(entity):
            wanted.setdefault(entity_key(entity), entity)  # the first spelling names the topic
    if not wanted:
        return {}
    found = dict(
        Topic.objects.annotate(lower_name=Lower("name"))
        .filter(lower_name__in=list(wanted))
        .order_by("-id")
        .values_list("lower_name", "id")
    )
    for key, entity in wanted.items():
        if key not in found:
            found[key] = _create_suggested_topic(entity).pk
    return found
