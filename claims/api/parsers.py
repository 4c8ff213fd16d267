"""Request bodies: JSON only, and never more than DATA_UPLOAD_MAX_MEMORY_SIZE bytes.

DRF reads the body as a stream, which skips Django's own size check; this parser applies it,
before reading (by the declared length) and while reading (for bodies that declare none).
JSON nested deeper than Python's decoder goes is a 400 like any other malformed body.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import IO, Any

from django.conf import settings
from rest_framework import status
from rest_framework.exceptions import APIException, ParseError
from rest_framework.parsers import JSONParser


class RequestTooLarge(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "request_too_large"


class SizeLimitedJSONParser(JSONParser):
    def parse(
        self,
        stream: IO[bytes],
        media_type: str | None = None,
        parser_context: Mapping[str, Any] | None = None,
    ) -> Any:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        request = (parser_context or {}).get("request")
        declared = request.META.get("CONTENT_LENGTH") if request is not None else None
        if limit is not None and declared and declared.isdigit() and int(declared) > limit:
            raise _too_large(limit)
        body = stream.read(limit + 1) if limit is not None else stream.read()
        if limit is not None and len(body) > limit:
            raise _too_large(limit)
        try:
            return super().parse(io.BytesIO(body), media_type, parser_context)
        except RecursionError as error:  # "[[[[…" thousands deep: Python's decoder gives up
            raise ParseError("JSON parse error - nested too deeply.") from error


def _too_large(limit: int) -> RequestTooLarge:
    return RequestTooLarge(f"The request body is over the {limit // 1024} KB limit.")
