"""Keyset (cursor) reads of any ordered list: the rows after (or before) a position, found
through the ordering's index instead of counting past every row before them.

A list's order is its queryset's ``order_by`` (or the model's default ordering), with the
primary key added last so that every row has its own position. A position is the values of
those keys in one row. The rows after it are those that come later in that order, read as
``k1 > x1 OR (k1 = x1 AND k2 > x2) OR …``, with a leading ``k1 >= x1`` that lets the
database start its index walk at the position: page 5,000 costs what page 1 does, where an
``OFFSET`` reads every row before it.

Empty values (an undated article, a statement with no speaker) come after every value, in
either direction, on every database; a list read by position therefore places them last
even where the page-number order puts them first (PostgreSQL's descending order).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import connections
from django.db.models import Expression, F, Field, FloatField, Q, QuerySet
from django.db.models.expressions import OrderBy
from django.db.models.functions import Cast
from django.db.models.lookups import (
    Exact,
    GreaterThan,
    GreaterThanOrEqual,
    IsNull,
    LessThan,
    LessThanOrEqual,
)

_BIGINT = 2**63 - 1


@dataclass(frozen=True)
class Key:
    """One term of a list's order: what is compared, which way, whether it can be empty."""

    expression: Expression
    descending: bool
    nullable: bool
    field: Field  # what a position's value is read back as
    label: str  # a stable description: a position is only valid under the same keys


def ordering_keys(queryset: QuerySet) -> list[Key]:
    """The keys ``queryset`` is ordered by (its model's default when it has none), ending in
    the primary key."""
    query = queryset.query
    terms = list(query.order_by) or list(queryset.model._meta.ordering)
    keys = [_key(queryset, term) for term in terms]
    if not any(_is_pk(queryset, key) for key in keys):
        keys.append(_key(queryset, "pk"))
    return keys


def keys_signature(keys: list[Key]) -> str:
    return "|".join(key.label for key in keys)


def position_of(row: Any, keys: list[Key]) -> list[Any]:
    """The values of ``keys`` in ``row``, as annotated by ``rows_from``."""
    return [getattr(row, _annotation(i)) for i in range(len(keys))]


def rows_from(
    *,
    queryset: QuerySet,
    keys: list[Key],
    position: list[Any] | None,
    backwards: bool,
    limit: int,
) -> list[Any]:
    """Up to ``limit`` rows after ``position`` (or before it, ``backwards``; from the start
    when None), in the list's order, each annotated with its own position."""
    order = [_order_by(key, reverse=backwards) for key in keys]
    rows = queryset
    if position is not None:
        rows = rows.filter(_beyond(keys, position, backwards=backwards))
        leading = _leading_bound(keys[0], position[0], backwards=backwards)
        if leading is not None:
            rows = rows.filter(leading)
    rows = rows.order_by(*order)
    if connections[rows.db].vendor == "postgresql":
        # The page's ids first, from the index, then its related rows for those ids only
        # (as the page-number reads do, see pagination._rows).
        ids = rows.values("pk")[:limit]
        rows = queryset.filter(pk__in=ids).order_by(*order)
    positions = {_annotation(i): key.expression for i, key in enumerate(keys)}
    found = list(rows.annotate(**positions)[:limit])
    return found[::-1] if backwards else found


def parse_position(keys: list[Key], values: list[Any]) -> list[Any]:
    """``values`` (as encoded in a cursor) read back as the keys' types; ValueError when they
    are not a position under ``keys``."""
    if len(values) != len(keys):
        raise ValueError("a position under other keys")
    return [_parse(key, value) for key, value in zip(keys, values, strict=True)]


def encodable(value: Any) -> Any:
    """A key value as JSON holds it (dates and times as ISO text)."""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _parse(key: Key, value: Any) -> Any:
    if value is None:
        if not key.nullable:
            raise ValueError("an empty value for a key that is never empty")
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ValueError("not a key value")
    if isinstance(value, str) and "\x00" in value:
        raise ValueError("NUL in a key value")
    try:
        parsed = key.field.to_python(value)
    except ValidationError as error:
        raise ValueError(str(error)) from error
    if isinstance(parsed, float) and not math.isfinite(parsed):
        raise ValueError("not a finite number")
    if isinstance(parsed, datetime):
        if parsed.tzinfo is None:
            raise ValueError("a time without its offset")  # every stored time has one
        try:
            parsed.astimezone(UTC)  # what the database is sent
        except OverflowError as error:
            raise ValueError("a time out of range") from error
    if isinstance(parsed, int) and not isinstance(parsed, bool) and abs(parsed) > _BIGINT:
        raise ValueError("out of range")
    return parsed


def _annotation(index: int) -> str:
    return f"keyset_{index}"


def _key(queryset: QuerySet, term: str | Expression) -> Key:
    descending = False
    if isinstance(term, str):
        descending = term.startswith("-")
        name = term.lstrip("-")
        expression: Expression = F(name)
    elif isinstance(term, OrderBy):
        descending = term.descending
        expression = term.expression
    else:
        expression = term
    # resolved on a copy: resolving a path adds its joins to the query
    resolved = expression.resolve_expression(queryset.query.chain(), allow_joins=True, reuse=None)
    field = resolved.output_field
    nullable = _nullable(queryset, expression)
    if isinstance(field, FloatField):
        # Compared as double precision: a single-precision value (a search rank) read into
        # Python and sent back would not equal itself.
        expression = Cast(expression, FloatField())
    label = f"{'-' if descending else ''}{_describe(expression)}"
    return Key(
        expression=expression, descending=descending, nullable=nullable, field=field, label=label
    )


def _describe(expression: Expression) -> str:
    if isinstance(expression, F):
        return expression.name
    return type(expression).__name__ + repr(getattr(expression, "get_source_expressions", list)())


def _nullable(queryset: QuerySet, expression: Expression) -> bool:
    """Whether ``expression`` can be empty in a row: a field path through a nullable field
    or link can; an expression we cannot see through is taken to."""
    if not isinstance(expression, F):
        return True
    model = queryset.model
    name = expression.name
    if name == "pk":
        return False
    if name in queryset.query.annotations:
        return True
    for part in name.split("__"):
        try:
            field = model._meta.get_field(part)
        except FieldDoesNotExist:
            return True
        if field.null:
            return True
        if field.is_relation and field.related_model is not None:
            model = field.related_model
    return False


def _is_pk(queryset: QuerySet, key: Key) -> bool:
    pk = queryset.model._meta.pk
    return isinstance(key.expression, F) and key.expression.name in ("pk", pk.name, pk.attname)


def _order_by(key: Key, *, reverse: bool) -> OrderBy:
    # Empty values last in the list's order, so first when it is read backwards.
    descending = key.descending != reverse
    if not key.nullable:
        return OrderBy(key.expression, descending=descending)
    if reverse:
        return OrderBy(key.expression, descending=descending, nulls_first=True)
    return OrderBy(key.expression, descending=descending, nulls_last=True)


def _beyond(keys: list[Key], position: list[Any], *, backwards: bool) -> Q:
    """Rows strictly after ``position`` in the keys' order (before it, ``backwards``)."""
    condition = Q(pk__in=[])  # nothing, to OR the cases into
    same = Q()
    for key, value in zip(keys, position, strict=True):
        strictly = _strictly_beyond(key, value, backwards=backwards)
        if strictly is not None:
            condition |= same & strictly
        if value is None:
            same &= Q(IsNull(key.expression, True))
        else:
            same &= Q(Exact(key.expression, value))
    return condition


def _strictly_beyond(key: Key, value: Any, *, backwards: bool) -> Q | None:
    """Rows whose ``key`` alone puts them after ``value`` (before it, ``backwards``)."""
    greater = key.descending == backwards  # after, ascending; or before, descending
    if value is None:
        # Empty values are last: nothing is after one; every non-empty value is before it.
        return Q(IsNull(key.expression, False)) if backwards else None
    beyond = Q(GreaterThan(key.expression, value) if greater else LessThan(key.expression, value))
    if key.nullable and not backwards:
        beyond |= Q(IsNull(key.expression, True))
    return beyond


def _leading_bound(key: Key, value: Any, *, backwards: bool) -> Q | None:
    """``k1 >= x1`` (or ``<=``): redundant, but it lets the database start its index walk at
    the position. Only for a key that cannot be empty."""
    if key.nullable or value is None:
        return None
    greater = key.descending == backwards
    bound = GreaterThanOrEqual if greater else LessThanOrEqual
    return Q(bound(key.expression, value))
