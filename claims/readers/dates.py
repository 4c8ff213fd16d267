"""Publication dates as given by pages and records: ISO dates or date-times."""

from __future__ import annotations

from datetime import date, datetime


def parse_published(value: object) -> tuple[date | None, tuple[str, ...]]:
    """The date in ``value`` ("2021-09-15", "2021-09-15T10:00:00Z"), with a warning if unreadable."""
    if value is None or value == "":
        return None, ()
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.strip()).date(), ()
        except ValueError:
            pass
    return None, (f"published {value!r} is not an ISO date; ignored",)
