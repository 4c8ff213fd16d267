"""How API users name speakers and topics: by numeric id or by slug (``sergey-lavrov``)."""

from __future__ import annotations

from django import forms
from django.db.models import Model, Q, QuerySet
from django.http import Http404

# The largest id a database row can have (a 64-bit signed primary key).
MAX_ID = 2**63 - 1


def as_id(value: str) -> int | None:
    """``value`` as a row id, or None: ASCII digits only ("¹" and "٣" are digits to
    ``str.isdigit`` but not to ``int``) and within the primary key's range."""
    if not (value.isascii() and value.isdigit()):
        return None
    number = int(value)
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


class IdOrSlugLookupMixin:
    """A viewset mixin: the detail URL takes an id or a slug (``/speakers/sergey-lavrov/``)."""

    lookup_field = "slug"
    lookup_url_kwarg = "id_or_slug"

    def get_object(self) -> Model:
        found = find_by_id_or_slug(
            queryset=self.get_queryset(), value=self.kwargs[self.lookup_url_kwarg]
        )
        if found is None:
            raise Http404
        self.check_object_permissions(self.request, found)
        return found


class IdOrSlugField(forms.ModelChoiceField):
    """A form field (used by filters) that turns an id or a slug into the row, or a 400.

    A text box, not a select: the browsable API would otherwise list every row.
    """

    widget = forms.TextInput

    def to_python(self, value: object) -> Model | None:
        if value in self.empty_values:
            return None
        found = find_by_id_or_slug(queryset=self.queryset, value=str(value))
        if found is None:
            label = self.queryset.model._meta.verbose_name
            # The value goes in as a parameter: django-filter %-formats the message, so a
            # "%" in the value itself would be a 500.
            raise forms.ValidationError(
                "No %(label)s has the id or slug %(value)r.",
                code="invalid_choice",
                params={"label": label, "value": value},
            )
        return found

    def validate(self, value: Model | None) -> None:
        if value is None and self.required:
            raise forms.ValidationError(self.error_messages["required"], code="required")


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
