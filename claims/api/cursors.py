"""Cursor pages: ``?cursor=`` on any list, for reading deep into it at the cost of page one.

A page number makes the database count past every row before the page (page 50 of a topic
read 1,000 rows to show 20). A cursor names the last row shown instead, and the next page is
read from there through the ordering's index (``claims.selectors.keyset``). A client asks for
the first cursor page with an empty ``cursor=`` (with any filters, ordering and
``page_size``) and follows ``next`` and ``previous``; ``page`` keeps working as before, and
a cursor, when given, decides the page (``page`` is then ignored). The response has the page-number response's shape: ``count`` (exact or
estimated, as there), ``count_exact``, ``next``, ``previous``, ``results``.

A cursor is opaque to clients (URL-safe base64 of the position and the order it belongs to).
As everywhere in the API, a value the schema does not allow (a character outside that
alphabet) is a 400 naming ``cursor``, and a well-formed one that names no position of this
list (forged, or made under another list or ordering) is a 404 naming it. Empty values (an undated article) come last in either direction, see the
keyset module.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from typing import Any

from django.db.models import QuerySet
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from claims.api.pagination import EstimatingPaginator, PageNumberWithSizePagination, single_value
from claims.selectors.keyset import (
    Key,
    encodable,
    keys_signature,
    ordering_keys,
    parse_position,
    position_of,
    rows_from,
)

# URL-safe base64 without its padding, as ``_encode`` writes it.
CURSOR_ALPHABET = re.compile(r"^[A-Za-z0-9_-]*$")
BAD_CURSOR = "Not a cursor of this list in this order; start again with an empty `cursor=`."


class PageOrCursorPagination(PageNumberWithSizePagination):
    """Page numbers (``page``), or with ``cursor`` keyset pages; ``page_size`` for both."""

    cursor_query_param = "cursor"
    cursor_query_description = (
        "Cursor pages instead of page numbers: empty (`cursor=`) for the first page, then "
        "the `next` and `previous` links. Any depth costs what the first page does. "
        "When given, `page` is ignored. A cursor that is not this list's is a 404."
    )

    def paginate_queryset(self, queryset, request: Request, view=None) -> list | None:
        self.cursor_mode = False
        raw = single_value(request, self.cursor_query_param)
        if raw is None:
            return super().paginate_queryset(queryset, request, view)
        if not CURSOR_ALPHABET.fullmatch(raw.strip()):
            raise ValidationError({self.cursor_query_param: [BAD_CURSOR]})
        if not isinstance(queryset, QuerySet):
            raise ValidationError(
                {self.cursor_query_param: ["This list pages by number only (`page`)."]}
            )
        self.cursor_mode = True
        self.request = request
        size = self.get_page_size(request)
        keys = ordering_keys(queryset)
        backwards, position = _decode(raw.strip(), keys)
        rows = rows_from(
            queryset=queryset, keys=keys, position=position, backwards=backwards, limit=size + 1
        )
        more = len(rows) > size
        # Read backwards, the extra row is the first one (rows come back in list order).
        rows = (rows[1:] if backwards else rows[:size]) if more else rows
        first = position_of(rows[0], keys) if rows else position
        last = position_of(rows[-1], keys) if rows else position
        if backwards:
            self._next = _encode(keys, last, backwards=False)
            self._previous = _encode(keys, first, backwards=True) if more else None
        else:
            self._next = _encode(keys, last, backwards=False) if more else None
            self._previous = _encode(keys, first, backwards=True) if position else None
        self._counter = EstimatingPaginator(queryset, size)
        return rows

    def page_fields(self) -> dict:
        if not getattr(self, "cursor_mode", False):
            return super().page_fields()
        return {
            "count": self._counter.count,
            "count_exact": self._counter.count_exact,
            "next": self._link(self._next),
            "previous": self._link(self._previous),
        }

    def get_paginated_response(self, data: list) -> Response:
        return Response({**self.page_fields(), "results": data})

    def _link(self, cursor: str | None) -> str | None:
        if cursor is None:
            return None
        url = remove_query_param(self.request.build_absolute_uri(), self.page_query_param)
        return replace_query_param(url, self.cursor_query_param, cursor)

    def get_schema_operation_parameters(self, view) -> list[dict]:
        parameters = super().get_schema_operation_parameters(view)
        parameters.append(
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": self.cursor_query_description,
                "schema": {"type": "string", "pattern": CURSOR_ALPHABET.pattern},
            }
        )
        return parameters

    def get_paginated_response_schema(self, schema: dict) -> dict:
        response = super().get_paginated_response_schema(schema)
        response["properties"]["next"]["description"] = (
            "The next page, or null on the last page (exact even when the count is not); "
            "with `cursor`, a link carrying the next page's cursor."
        )
        return response


def _encode(keys: list[Key], position: list[Any] | None, *, backwards: bool) -> str | None:
    if position is None:
        return None
    body = {"o": _order_tag(keys), "b": int(backwards), "p": [encodable(v) for v in position]}
    packed = json.dumps(body, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(packed).decode().rstrip("=")


def _decode(raw: str, keys: list[Key]) -> tuple[bool, list[Any] | None]:
    """(backwards, position) from a cursor; the start of the list for an empty one."""
    if not raw:
        return False, None
    try:
        body = json.loads(base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)))
        if not isinstance(body, dict) or body.get("o") != _order_tag(keys):
            raise ValueError("another order")
        backwards = body.get("b")
        if backwards not in (0, 1) or not isinstance(body.get("p"), list):
            raise ValueError("malformed")
        return bool(backwards), parse_position(keys, body["p"])
    except (ValueError, TypeError, binascii.Error, RecursionError) as error:
        raise NotFound({PageOrCursorPagination.cursor_query_param: [BAD_CURSOR]}) from error


def _order_tag(keys: list[Key]) -> str:
    """A short tag of the list's order: a cursor is only read under the order it was made in."""
    return hashlib.sha256(keys_signature(keys).encode()).hexdigest()[:12]
