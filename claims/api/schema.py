"""The error answers every operation can give, added to the OpenAPI schema.

drf-spectacular documents the successful answer (and what a view declares); a client also
gets 400 for a bad parameter or body, 401 for credentials that are wrong (a bad token, on
any operation, reads included), 403 for a write it may not make, 404 for an id, slug or page
that is not there, and 429 when throttled. Schema fuzzing (schemathesis) flagged each as an
undocumented status code. The bodies are DRF's: ``{"detail": …}`` or errors by field.
"""

from __future__ import annotations

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
    "404": "No such row (id or slug), or a page past the last.",
    "429": "Too many requests; the Retry-After header says when to try again.",
}


def document_error_responses(result: dict, generator, request, public) -> dict:
    """A drf-spectacular postprocessing hook: the error answers of each operation."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR
    for path, operations in result.get("paths", {}).items():
        for method, operation in operations.items():
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
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
