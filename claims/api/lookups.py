"""How API users name speakers and topics: by numeric id or by slug (``sergey-lavrov``).

The lookup itself is ``claims.selectors.lookups``; this is the viewset and filter side.
"""

from __future__ import annotations

from django import forms
from django.db.models import Model
from django.http import Http404

from claims.selectors.lookups import find_all_by_id_or_slug, find_by_id_or_slug

__all__ = ["IdOrSlugField", "IdOrSlugLookupMixin", "find_all_by_id_or_slug", "find_by_id_or_slug"]


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
