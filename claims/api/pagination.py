"""Page-number pagination with a client-chosen page size (capped) and a total count that stays
fast on large tables.

Counting every row of a big filtered set on every page is what made list pages slow at a
million statements (``COUNT(*)`` of the statements on a broad topic took 270 ms, of those
supporting a polarity 1.2 s). So on PostgreSQL ``count`` is exact only for small sets and
otherwise PostgreSQL's planner estimate, and ``count_exact`` says which. One query decides
(``claimtracker_count``, migration 0003): it counts at most ``EXACT_COUNT_LIMIT`` + 1 rows,
and only when the planner expects the set to be small and cheap to count (at most
``SKIP_FACTOR`` times the limit, and a cost under ``MAX_COUNT_COST``); an estimate is never
below the number of rows known to exist. Other databases (SQLite in development) count
exactly.

Pages do not rely on an estimated count: a page fetches one row more than it shows, so
``next`` is there exactly when another page has rows, a page past the end is a 404 naming
``page`` (like any other value that names nothing), and the last page turns the count
exact. ``page=last`` counts exactly (it needs the true number of pages).
"""

from __future__ import annotations

from functools import cached_property

from django.core.exceptions import EmptyResultSet
from django.core.paginator import EmptyPage, Page, Paginator
from django.db import connections
from django.db.models import QuerySet
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response

EXACT_COUNT_LIMIT = 1_000
# The planner's cost of counting EXACT_COUNT_LIMIT + 1 rows above which it is not done (about
# 10 ms of work on a small server); and how many times the limit the planner may expect
# before counting is not even tried.
MAX_COUNT_COST = 2_000.0
SKIP_FACTOR = 10.0
# A page number or size above this reads as this (a billion pages of 100 rows).
_HUGE = 10**9


class EstimatingPaginator(Paginator):
    """A Django paginator whose count is exact for small sets and estimated for large ones.

    ``count_exact`` says which. Pages are read with one extra row, so whether a next page
    exists never depends on the estimate.
    """

    exact_count_limit = EXACT_COUNT_LIMIT

    def __init__(self, object_list: QuerySet, per_page: int) -> None:
        super().__init__(object_list, per_page)
        self.count_exact = True

    @cached_property
    def count(self) -> int:
        queryset = self.object_list
        if not isinstance(queryset, QuerySet) or connections[queryset.db].vendor != "postgresql":
            return super().count
        total, self.count_exact = count_or_estimate(
            queryset=queryset, exact_limit=self.exact_count_limit
        )
        return total

    def last_page_number(self) -> int:
        """The number of the last page, counting every row if the count was an estimate."""
        if self.count and not self.count_exact:
            self._settle(self.object_list.count())
        return self.num_pages

    def page(self, number: int | str) -> Page:
        number = self.validate_number(number)
        if self.count_exact:
            return super().page(number)
        bottom = (number - 1) * self.per_page
        rows = list(self._rows(bottom, bottom + self.per_page + 1))
        if not rows and number > 1:
            raise EmptyPage(self.error_messages["no_results"])
        has_next = len(rows) > self.per_page
        rows = rows[: self.per_page]
        seen = bottom + len(rows)
        if not has_next:  # the last page: now the count is known
            self._settle(seen)
        elif seen + 1 > self.count:  # more rows than estimated: at least the next one
            self._settle(seen + 1, exact=False)
        return EstimatedPage(rows, number, self, has_next=has_next)

    def _get_page(self, rows: QuerySet, number: int, paginator: Paginator) -> Page:
        """An exact count's page (Django's), its rows read as in ``_rows``."""
        if isinstance(rows, QuerySet) and rows.query.is_sliced:
            rows = self._rows(rows.query.low_mark, rows.query.high_mark)
        return super()._get_page(rows, number, paginator)

    def _rows(self, bottom: int, top: int | None) -> QuerySet | list:
        """Rows ``bottom`` to ``top`` of the list, read in one query with a deferred join on
        PostgreSQL: the page's ids are found first, ordered and limited, without the
        related rows the list shows (speaker, article…), which are then joined for those
        rows only. Joined before the limit, they were read for every row considered.
        """
        rows = self.object_list
        if not isinstance(rows, QuerySet) or connections[rows.db].vendor != "postgresql":
            return rows[bottom:top]
        return rows.filter(pk__in=rows.values("pk")[bottom:top])

    def validate_number(self, number: int | str) -> int:
        if self.count_exact:
            return super().validate_number(number)
        try:
            number = int(number)
        except (TypeError, ValueError) as error:
            raise EmptyPage(self.error_messages["invalid_page"]) from error
        if number < 1:
            raise EmptyPage(self.error_messages["min_page"])
        return number

    def _settle(self, count: int, *, exact: bool = True) -> None:
        self.__dict__["count"] = count
        self.__dict__.pop("num_pages", None)
        self.count_exact = exact


class EstimatedPage(Page):
    """A page whose ``has_next`` comes from the extra row read, not from the count."""

    def __init__(
        self, rows: list, number: int, paginator: EstimatingPaginator, *, has_next: bool
    ) -> None:
        super().__init__(rows, number, paginator)
        self._has_next = has_next

    def has_next(self) -> bool:
        return self._has_next


class PageNumberWithSizePagination(PageNumberPagination):
    """``?page=2&page_size=50``; a bad number is a 400 naming the parameter, not a default.

    Too large a ``page_size`` is a bad number too; a page past the end is a 404 naming
    ``page``: the request is well formed, the page is not there.

    The response carries ``count`` and ``count_exact`` (see the module docstring).
    """

    django_paginator_class = EstimatingPaginator
    page_size = 20
    max_page_size = 100
    page_size_query_param = "page_size"
    page_size_query_description = f"Results per page, 1 to {max_page_size}; default {page_size}."
    page_query_description = "Page number, from 1 (or `last`)."

    def get_page_size(self, request: Request) -> int:
        raw = single_value(request, self.page_size_query_param)
        if raw is None or raw == "":
            return self.page_size
        size = _positive_int(raw)
        if size is None or size > self.max_page_size:
            raise ValidationError(
                {self.page_size_query_param: [f"A whole number from 1 to {self.max_page_size}."]}
            )
        return size

    def paginate_queryset(self, queryset, request: Request, view=None) -> list | None:
        try:
            return super().paginate_queryset(queryset, request, view)
        except NotFound as error:
            number = request.query_params.get(self.page_query_param)
            raise NotFound(
                {self.page_query_param: [f"There is no page {number}; `last` is the last one."]}
            ) from error

    def get_page_number(self, request: Request, paginator: Paginator) -> int | str:
        raw = single_value(request, self.page_query_param) or "1"
        if raw in self.last_page_strings:
            if isinstance(paginator, EstimatingPaginator):
                return paginator.last_page_number()
            return paginator.num_pages
        number = _positive_int(raw)
        if number is None:
            raise ValidationError({self.page_query_param: ["A whole number from 1, or `last`."]})
        return number

    def get_paginated_response(self, data: list) -> Response:
        return Response({**self.page_fields(), "results": data})

    def page_fields(self) -> dict:
        """What a paginated response says besides its rows: count, exactness, links."""
        paginator = self.page.paginator
        return {
            "count": paginator.count,
            "count_exact": getattr(paginator, "count_exact", True),
            "next": self.get_next_link(),
            "previous": self.get_previous_link(),
        }

    def get_paginated_response_schema(self, schema: dict) -> dict:
        response = super().get_paginated_response_schema(schema)
        limit = f"{EstimatingPaginator.exact_count_limit:,}"
        response["required"] = ["count", "count_exact", "results"]
        response["properties"]["count"]["description"] = (
            f"How many results there are in all. Exact (`count_exact` true) when there are "
            f"at most {limit} and they are cheap to count; otherwise the database's estimate "
            "(on PostgreSQL), never below the number known to exist. Follow `next` rather "
            "than computing the pages from it."
        )
        response["properties"] = {
            "count": response["properties"]["count"],
            "count_exact": {
                "type": "boolean",
                "example": True,
                "description": "True when `count` is exact (always on the last page); "
                "false when it is an estimate.",
            },
            **{k: v for k, v in response["properties"].items() if k != "count"},
        }
        response["properties"]["next"]["description"] = (
            "The next page, or null on the last page (exact even when the count is not)."
        )
        return response


def count_or_estimate(*, queryset: QuerySet, exact_limit: int) -> tuple[int, bool]:
    """How many rows ``queryset`` has, and whether that is exact (PostgreSQL, one query)."""
    try:
        sql, params = queryset.order_by().values("pk").query.sql_with_params()
    except EmptyResultSet:  # e.g. a filter on an empty list of ids
        return 0, True
    connection = connections[queryset.db]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT total, exact FROM claimtracker_count(%s, %s, %s, %s)",
            [connection.ops.compose_sql(sql, params), exact_limit, MAX_COUNT_COST, SKIP_FACTOR],
        )
        total, exact = cursor.fetchone()
    return int(total), bool(exact)


def single_value(request: Request, name: str) -> str | None:
    """The one value of a query parameter; given twice it is a 400, not a silent pick."""
    values = request.query_params.getlist(name)
    if len(values) > 1:
        raise ValidationError({name: ["Give this parameter once."]})
    return values[0] if values else None


def _positive_int(raw: str) -> int | None:
    """``raw`` as a whole number from 1, at most ``_HUGE``: a larger page is past the end of
    any list (and its offset would overflow a bigint), a larger size is capped anyway, and
    ``int()`` refuses over 4,300 digits with a ValueError."""
    raw = raw.strip()
    if not (raw.isascii() and raw.isdigit()):  # "¹".isdigit() is True
        return None
    digits = raw.lstrip("0")
    if not digits:
        return None
    return _HUGE if len(digits) > len(str(_HUGE)) else min(int(digits), _HUGE)
