"""Request checks that hold for every page, the API's and the admin's."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import unquote_to_bytes

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse

_NUL_MESSAGE = "A NUL character (%00) in the address."


class RejectNulMiddleware:
    """A NUL character anywhere in the path or the query string is a 400.

    No slug, name or filter value holds one, and PostgreSQL refuses it in a query: it would
    otherwise reach a lookup (an admin list filter, a search box, an autocomplete) as a 500.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        query = request.META.get("QUERY_STRING", "")
        if "\x00" in request.path or b"\x00" in unquote_to_bytes(query):
            if request.path.startswith("/api/"):  # the API answers in JSON, as documented
                return JsonResponse({"detail": _NUL_MESSAGE}, status=400)
            return HttpResponseBadRequest(_NUL_MESSAGE, content_type="text/plain")
        return self.get_response(request)
