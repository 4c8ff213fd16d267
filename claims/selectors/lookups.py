"""Rows named by numeric id or by slug (``sergey-lavrov``): the API, filters and commands.

``as_id`` decides what counts as an id: ASCII digits within the primary key's range, so
"¹" or "٣" (digits to ``str.isdigit``, not to ``int``) are looked up as slugs or names.
"""

from __future__ import annotations

from django.db.models import Model, Q, QuerySet

# The largest id a database row can have (a 64-bit signed primary key).
MAX_ID = 2**63 - 1


def as_id(value: str) -> int | None:
    """``value`` as a row id, or None: ASCII digits only ("¹" and "٣" are digits to
    ``str.isdigit`` but not to ``int``) and within the primary key's range."""
    if not (value.isascii() and value.isdigit()):
        return None
    # int() refuses more than 4,300 digits (a ValueError, a 500); no id has over 19.
    digits = value.lstrip("0") or "0"
    if len(digits) > len(str(MAX_ID)):
        return None
    number = int(digits)
    return number if number <= MAX_ID else None


def find_by_id_or_slug(*, queryset: QuerySet, value: str) -> Model | None:
    """The row whose id (for digits) or slug is ``value``; a digit-only slug still matches."""
    value = value.strip()
    if "\x00" in value:  # no slug holds NUL, and PostgreSQL refuses it in a query
        return None
    if (number := as_id(value)) is not None:
        match = queryset.filter(pk=number).first()
        if match is not None:
            return match
    return queryset.filter(slug=value).first()


def find_all_by_id_or_slug(
    *, queryset: QuerySet, values: list[str]
) -> tuple[list[Model], list[str]]:
    """The rows named by ``values`` (ids or slugs) in their order, and the values naming none.

    One query, whatever the number of values.
    """
    values = list(dict.fromkeys(value.strip() for value in values if value.strip()))
    ids = [number for value in values if (number := as_id(value)) is not None]
    slugs = [value for value in values if "\x00" not in value]  # see find_by_id_or_slug
    rows = list(queryset.filter(Q(pk__in=ids) | Q(slug__in=slugs)))
    by_id = {str(row.pk): row for row in rows}
    by_slug = {row.slug: row for row in rows}
    found, missing = [], []
    for value in values:
        row = by_id.get(value) or by_slug.get(value)
        if row is None:
            missing.append(value)
        elif row not in found:
            found.append(row)
    return found, missing
