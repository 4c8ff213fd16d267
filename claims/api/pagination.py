"""Page-number pagination with a client-chosen page size (capped) and a total count."""

from __future__ import annotations

from django.core.paginator import Paginator
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request


class PageNumberWithSizePagination(PageNumberPagination):
    """``?page=2&page_size=50``; a bad number is a 400 naming the parameter, not a default."""

    page_size = 20
    max_page_size = 100
    page_size_query_param = "page_size"
    page_size_query_description = (
        f"Results per page, 1 to {max_page_size} (larger values are capped); default {page_size}."
    )
    page_query_description = "Page number, from 1 (or `last`)."

    def get_page_size(self, request: Request) -> int:
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None or raw == "":
            return self.page_size
        size = _positive_int(raw)
        if size is None:
            raise ValidationError(
                {self.page_size_query_param: [f"A whole number from 1 to {self.max_page_size}."]}
            )
        return min(size, self.max_page_size)

    def get_page_number(self, request: Request, paginator: Paginator) -> int | str:
        number = super().get_page_number(request, paginator)
        if number not in self.last_page_strings and _positive_int(str(number)) is None:
            raise ValidationError({self.page_query_param: ["A whole number from 1, or `last`."]})
        return number


def _positive_int(raw: str) -> int | None:
    raw = raw.strip()
    if not (raw.isascii() and raw.isdigit()) or int(raw) < 1:  # "¹".isdigit() is True
        return None
    return int(raw)
