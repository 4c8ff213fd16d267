"""What the generated OpenAPI schema leaves out: error answers, anonymous reads, and the
bounds of the page parameters. Schema fuzzing (schemathesis ``--checks all``) flagged each.

Error answers:
drf-spectacular documents the successful answer (and what a view declares); a client also
gets 400 for a bad parameter or body, 401 for credentials that are wrong (a bad token, on
any operation, reads included), 403 for a write it may not make, 404 for an id, slug or page
that is not there, and 429 when throttled. The bodies are DRF's: ``{"detail": …}`` or
errors by field.

Anonymous reads: reading is open unless ``CLAIMTRACKER_API_REQUIRE_LOGIN`` is set, so each
read lists no credentials (``{}``) among its security requirements. Page parameters: whole
numbers from 1 (``page`` also takes ``last``, ``page_size`` at most 100); ids from 1; a blank filter is ignored
(``allowEmptyValue``); the matrix needs at least one speaker and one topic.
"""

from __future__ import annotations

from django.conf import settings

from claims.api.pagination import PageNumberWithSizePagination
from claims.api.serializers import MAX_REVIEW_TOPICS

ERROR = {
    "type": "object",
    "description": 'DRF\'s error body: {"detail": "…"}, or a list of messages per field name.',
    "properties": {"detail": {"type": "string"}},
    "additionalProperties": True,
}
_WRITES = frozenset({"post", "put", "patch", "delete"})
_DESCRIPTIONS = {
    "400": "A parameter or the body is not valid; the body says which and why.",
    "401": "The credentials given are not valid (a wrong or expired token).",
    "403": "Not allowed: log in as, or use the token of, a user with the permission.",
    "404": "No such row (id or slug).",
    "429": "Too many requests; the Retry-After header says when to try again.",
}


_PAGE = {
    "oneOf": [{"type": "integer", "minimum": 1}, {"type": "string", "enum": ["last"]}],
}
# No NUL anywhere in an address (a 400: PostgreSQL refuses it in a query); the matrix's
# lists need one name that is not a comma or a space.
_NO_NUL = "^[^\\x00]*$"
_A_NAME_AND_NO_NUL = "^[^\\x00]*[^,\\s\\x00][^\\x00]*$"


def document_error_responses(result: dict, generator, request, public) -> dict:
    """A drf-spectacular postprocessing hook: the error answers of each operation, and what
    the module docstring lists."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR
    anonymous_reads = not settings.CLAIMTRACKER_API_REQUIRE_LOGIN
    for name, component in result["components"]["schemas"].items():
        if name.startswith("Patched") and "Review" in name:  # "give at least one field"
            component["minProperties"] = 1
            topics = component.get("properties", {}).get("topics")
            if topics is not None:
                topics["maxItems"] = MAX_REVIEW_TOPICS
    for path, operations in result.get("paths", {}).items():
        for method, operation in operations.items():
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            if method == "get" and anonymous_reads and {} not in operation.get("security", [{}]):
                operation["security"].append({})
            for parameter in operation.get("parameters", []):
                _bound(parameter, path)
            if method == "patch" and "requestBody" in operation:  # a review names a change
                operation["requestBody"]["required"] = True
            parameters = {parameter["name"] for parameter in operation.get("parameters", [])}
            codes = ["401", "429"]
            if parameters or "requestBody" in operation:
                codes.append("400")
            if method in _WRITES:
                codes.append("403")
            if "{" in path or "page" in parameters:
                codes.append("404")
            responses = operation.setdefault("responses", {})
            for code in sorted(codes):
                responses.setdefault(
                    code,
                    {
                        "description": _DESCRIPTIONS[code],
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}
                        },
                    },
                )
    return result


def _bound(parameter: dict, path: str) -> None:
    schema = parameter.setdefault("schema", {})
    name = parameter["name"]
    if parameter["in"] != "query":
        return
    if name == "page":
        parameter["schema"] = schema = dict(_PAGE)
    elif schema.get("type") == "integer":  # page_size, ids
        schema["minimum"] = 1
        if name == "page_size":
            schema["maximum"] = PageNumberWithSizePagination.max_page_size
    if path.endswith("/matrix/") and name in ("speakers", "topics"):
        schema["pattern"] = _A_NAME_AND_NO_NUL
        return
    if schema.get("type") == "string" and "enum" not in schema and "format" not in schema:
        schema["pattern"] = _NO_NUL
    if not parameter.get("required"):
        parameter["allowEmptyValue"] = True  # a blank value is the default, or no filter
