"""How API users name speakers and topics: by numeric id or by slug (``sergey-lavrov``).

The lookup itself is ``claims.selectors.lookups``; this is the viewset and filter side.
"""

from __future__ import annotations

from django import forms
from django.db.models import Model
from django.http import Http404

from claims.selectors.lookups import as_id, find_all_by_id_or_slug, find_by_id_or_slug

__all__ = [
    "NAMES_NOTHING",
    "IdField",
    "IdOrSlugField",
    "IdOrSlugLookupMixin",
    "find_all_by_id_or_slug",
    "find_by_id_or_slug",
]


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


# The error code of a value that is well formed but names no row: the API answers 404
# (claims.api.exception_handlers), not 400.
NAMES_NOTHING = "not_found"


class IdOrSlugField(forms.ModelChoiceField):
    """A form field (used by filters) that turns an id or a slug into the row; one that
    names none is an error coded ``NAMES_NOTHING`` (a 404).

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
                code=NAMES_NOTHING,
                params={"label": label, "value": value},
            )
        return found

    def validate(self, value: Model | None) -> None:
        if value is None and self.required:
            raise forms.ValidationError(self.error_messages["required"], code="required")


class IdField(forms.ModelChoiceField):
    """A form field (used by filters) that turns a row id into the row: not a whole number
    is a 400, an id no row has is coded ``NAMES_NOTHING`` (a 404)."""

    widget = forms.TextInput  # a select would list every row in the browsable API

    def to_python(self, value: object) -> Model | None:
        if value in self.empty_values:
            return None
        raw = str(value).strip()
        if not (raw.isascii() and raw.isdigit()):
            raise forms.ValidationError("A whole number from 1.", code="invalid")
        number = as_id(raw)  # None: more than any id
        found = self.queryset.filter(pk=number).first() if number is not None else None
        if found is None:
            raise forms.ValidationError(
                "No %(label)s has the id %(value)s.",
                code=NAMES_NOTHING,
                params={"label": self.queryset.model._meta.verbose_name, "value": raw[:30]},
            )
        return found
