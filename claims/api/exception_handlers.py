"""The one place where domain exceptions become HTTP responses.

Services raise the exceptions of ``claims.core.exceptions`` (and Django's
``ValidationError``); views let them through, and this handler, set as DRF's
``EXCEPTION_HANDLER``, gives each its status. The body keeps DRF's shapes: ``{"detail": …}``
for a conflict, field errors for what the input got wrong.

A request the schema allows is never a 400 (schemathesis checks it): a value that is well
formed but names nothing (a speaker slug, an article id, a page past the end) is a 404
naming the parameter or field, and a posted text that is no article (not prose, no text in
the page) is a 422 saying why.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.views import exception_handler as drf_exception_handler

from claims.api.lookups import NAMES_NOTHING
from claims.core.exceptions import ApplicationError, ArticleRejectedError, RowReplacedError


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"


class NotAnArticle(exceptions.APIException):
    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    default_code = "not_an_article"


# Error codes of a well-formed value that names no row (ours, and DRF's related fields').
_NAMES_NOTHING = frozenset({NAMES_NOTHING, "does_not_exist"})
# The error code of a posted text that is a string but no article's text (a PDF's bytes).
NOT_AN_ARTICLE = NotAnArticle.default_code


def as_api_exception(exc: Exception) -> Exception:
    """The DRF exception a domain exception stands for; other exceptions unchanged."""
    if isinstance(exc, DjangoValidationError):
        return exceptions.ValidationError(as_serializer_error(exc))
    if isinstance(exc, RowReplacedError):
        return Conflict(exc.message, code="replaced")
    if isinstance(exc, ArticleRejectedError):
        return NotAnArticle({"non_field_errors": [exc.message]})
    if isinstance(exc, ApplicationError):
        return exceptions.ValidationError(exc.message)
    if isinstance(exc, exceptions.ValidationError):
        if _only(exc.get_codes(), _NAMES_NOTHING):
            return exceptions.NotFound(exc.detail)
        if _only(exc.get_codes(), frozenset({NOT_AN_ARTICLE})):
            return NotAnArticle(exc.detail)
    return exc


def _only(codes: object, allowed: frozenset[str]) -> bool:
    """Whether every error code in DRF's nested ``get_codes()`` is one of ``allowed``."""
    if isinstance(codes, dict):
        return bool(codes) and all(_only(value, allowed) for value in codes.values())
    if isinstance(codes, list):
        return bool(codes) and all(_only(value, allowed) for value in codes)
    return codes in allowed


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    return drf_exception_handler(as_api_exception(exc), context)


@csrf_exempt  # it changes nothing, whatever the method
def not_found(request: HttpRequest, *args: Any, **kwargs: Any) -> JsonResponse:
    """Any /api/ address no route matches: a JSON 404 like every other API error, not
    Django's HTML page (``/api/statements/-5.9e-42/``)."""
    return JsonResponse({"detail": "Not found."}, status=status.HTTP_404_NOT_FOUND)
