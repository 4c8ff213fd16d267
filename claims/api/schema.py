"""What the generated OpenAPI schema leaves out: error answers, anonymous reads, and the
bounds of the page parameters. Schema fuzzing (schemathesis ``--checks all``) flagged each.

Error answers:
drf-spectacular documents the successful answer (and what a view declares); a client also
gets 400 for a parameter or body the schema does not allow, 401 for credentials that are
wrong (a bad token, on any operation, reads included), 403 for a write it may not make, 404
for an id, slug or page that is not there (in the address, a parameter or the body: the
body names which), 422 for a posted text that is no article, and 429 when throttled. The
bodies are DRF's: ``{"detail": …}`` or errors by field. A request the schema allows is never
a 400: what the schema cannot say (which slugs exist, how many pages there are, whether a
text is prose) has its own status.

Anonymous reads: reading is open unless ``CLAIMTRACKER_API_REQUIRE_LOGIN`` is set, so each
read lists no credentials (``{}``) among its security requirements. Page parameters: whole
numbers from 1 (``page`` also takes ``last``, ``page_size`` at most 100, counts at most
2**31 - 1); ids from 1 to 2**63 - 1; a blank filter is ignored
(``allowEmptyValue``); the matrix needs at least one speaker and one topic.
"""

from __future__ import annotations

from django.conf import settings

from claims.api.filters import MAX_COUNT
from claims.api.pagination import PageNumberWithSizePagination
from claims.api.serializers import MAX_REVIEW_TOPICS
from claims.selectors.lookups import MAX_ID

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
    "404": "No such row: an id or slug (in the address, a parameter or the body) names "
    "nothing, or the page is past the end. The body names the parameter or field.",
    "422": "The text is not an article (mostly not letters or words, no article text in "
    "the page, a binary file): the body says why. Nothing is stored.",
    "429": "Too many requests; the Retry-After header says when to try again.",
}


_MAXIMUM = {
    "page_size": PageNumberWithSizePagination.max_page_size,
    "min_appearances": MAX_COUNT,
    "max_appearances": MAX_COUNT,
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
        if name.endswith("Request"):  # what clients send: no NUL in any text (DRF's check)
            for field in component.get("properties", {}).values():
                if field.get("type") == "string" and not ({"enum", "pattern"} & set(field)):
                    field["pattern"] = _NO_NUL
        if name.startswith("Patched") and "Review" in name:  # "give at least one field"
            component["minProperties"] = 1
            topics = component.get("properties", {}).get("topics")
            if topics is not None:
                topics["maxItems"] = MAX_REVIEW_TOPICS
                if topics.get("items", {}).get("type") == "string":
                    topics["items"]["pattern"] = _NO_NUL
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
            if "{" in path or parameters:
                codes.append("404")
            if method == "post" and path.endswith("/articles/"):
                codes.append("422")
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
    elif schema.get("type") == "integer":  # page_size, counts, ids
        schema["minimum"] = 1
        schema["maximum"] = _MAXIMUM.get(name, MAX_ID)
    if path.endswith("/matrix/") and name in ("speakers", "topics"):
        schema["pattern"] = _A_NAME_AND_NO_NUL
        return
    if schema.get("type") == "string" and not ({"enum", "format", "pattern"} & set(schema)):
        schema["pattern"] = _NO_NUL
    if not parameter.get("required"):
        parameter["allowEmptyValue"] = True  # a blank value is the default, or no filter
