"""History pages a reviewer can read: column labels instead of field names, choice labels
instead of codes, and each change listed as "Review status: Pending → Rejected".

simple-history's page shows ``history_list_display`` under the raw field names and the
stored codes; this admin base names each column and shows each value as the change page
would.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Model
from django.utils.text import capfirst
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper


class ReadableChanges(HistoricalRecordContextHelper):
    """Changes with a choice field's label ("Rejected") rather than its code ("rejected")."""

    def prepare_delta_change_value(self, change, value) -> Any:
        field = self.model._meta.get_field(change.field)
        if field.choices and not isinstance(value, list):
            return dict(field.flatchoices).get(value, value if value != "" else "–")
        return super().prepare_delta_change_value(change, value)


class ReadableHistoryAdmin(SimpleHistoryAdmin):
    object_history_list_template = "admin/claims/history_list.html"

    def get_historical_record_context_helper(self, request, historical_record):
        return ReadableChanges(self.model, historical_record)

    def set_history_delta_changes(self, request, historical_records, **kwargs) -> None:
        super().set_history_delta_changes(request, historical_records, **kwargs)
        names = self.get_history_list_display(request)
        for record in historical_records:
            record.history_cells = [self._cell(record, name) for name in names]

    def _cell(self, record: Model, name: str) -> Any:
        method = getattr(self, name, None)
        return method(record) if callable(method) else shown(record, name)

    def history_view(self, request, object_id, extra_context=None):
        columns = [
            (name, self._column_label(name)) for name in self.get_history_list_display(request)
        ]
        extra = {"history_columns": columns, **(extra_context or {})}
        return super().history_view(request, object_id, extra_context=extra)

    def _column_label(self, name: str) -> str:
        method = getattr(self, name, None)
        if callable(method) and hasattr(method, "short_description"):
            return str(method.short_description)
        return capfirst(str(self.model._meta.get_field(name).verbose_name))


def shown(record: Model, name: str) -> Any:
    """A historical record's field as the change page shows it (a choice's label)."""
    display = getattr(record, f"get_{name}_display", None)
    return display() if callable(display) else getattr(record, name)
