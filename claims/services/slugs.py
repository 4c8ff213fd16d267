"""Slugs for rows the extractor creates: readable, unique, stable once given."""

from __future__ import annotations

from django.db import models
from django.utils.text import slugify


def unique_slug(*, model: type[models.Model], name: str, fallback: str) -> str:
    """``name`` as a slug not yet taken in ``model`` ("sergey-lavrov", then "sergey-lavrov-2")."""
    max_length = model._meta.get_field("slug").max_length
    base = slugify(name)[: max_length - 6] or fallback
    slug, suffix = base, 2
    while model.objects.filter(slug=slug).exists():
        slug, suffix = f"{base}-{suffix}", suffix + 1
    return slug
