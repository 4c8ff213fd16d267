"""Topics for ingest: the specs the tagger is built from, and suggested topics for new entities."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils.text import slugify

from claims.models import Topic, TopicStatus
from claims.nlp.records import EntityRecord, TopicSpec


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


def _unique_slug(name: str) -> str:
    base = slugify(name)[:200] or "topic"
    slug, suffix = base, 2
    while Topic.objects.filter(slug=slug).exists():
        slug, suffix = f"{base}-{suffix}", suffix + 1
    return slug


def suggest_topic(*, entity: EntityRecord) -> Topic:
    """The topic for a named entity no topic covers: an existing one by name, or a new suggestion."""
    name = entity.text.strip()[:200]
    existing = Topic.objects.filter(name__iexact=name).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return Topic.objects.create(
                name=name,
                slug=_unique_slug(name),
                status=TopicStatus.SUGGESTED,
                entity_label=entity.label[:16],
                phrases=[name.lower()],
                description=f"Suggested by the extractor from a {entity.label} entity.",
            )
    except IntegrityError:  # created by a concurrent ingest in the meantime
        return Topic.objects.get(name__iexact=name)
