"""The OpenAPI schema validates and documents every filter with its description."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from drf_spectacular.generators import SchemaGenerator
from rest_framework.test import APIClient

from tests.api.lists import FILTERED_LISTS


@pytest.fixture(scope="module")
def schema() -> dict:
    return SchemaGenerator().get_schema(request=None, public=True)


def test_schema_is_valid_openapi_3_without_warnings(tmp_path) -> None:
    call_command(
        "spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yml")
    )


@pytest.mark.parametrize("path", FILTERED_LISTS)
def test_every_filter_is_in_the_schema_with_its_description(schema: dict, path: str) -> None:
    parameters = {p["name"]: p for p in schema["paths"][path]["get"]["parameters"]}

    for name, declared in FILTERED_LISTS[path].base_filters.items():
        assert name in parameters, name
        assert parameters[name]["description"].startswith(declared.extra["help_text"][:30])
    assert {"page", "page_size"} <= set(parameters)


def test_position_endpoints_document_their_parameters(schema: dict) -> None:
    matrix = {p["name"] for p in schema["paths"]["/api/stances/matrix/"]["get"]["parameters"]}
    timeline = schema["paths"]["/api/speakers/{id_or_slug}/timeline/"]["get"]["parameters"]

    assert {"speakers", "topics"} <= matrix
    assert {"id_or_slug", "topic", "page", "page_size"} <= {p["name"] for p in timeline}


def test_schema_and_docs_are_served(db) -> None:
    api = APIClient()

    assert api.get("/api/schema/").status_code == 200
    assert api.get("/api/docs/").status_code == 200


def test_every_operation_documents_its_error_answers(schema: dict) -> None:
    """Schemathesis reported 400, 401 and 404 answers the schema did not list (ST103)."""
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            responses = operation["responses"]
            assert {"401", "429"} <= set(responses), (method, path)
            if "{" in path or operation.get("parameters"):  # an id, a slug or a page
                assert "404" in responses, (method, path)
            if operation.get("parameters") or "requestBody" in operation:
                assert "400" in responses, (method, path)
            if method in ("post", "put", "patch", "delete"):
                assert "403" in responses, (method, path)


def test_what_the_schema_cannot_say_has_its_own_documented_status(schema: dict) -> None:
    """Schemathesis sent requests the schema allows and got 400s (ST202): a posted string
    that is no article is a 422, and the values that could be refused are bounded."""
    posting = schema["paths"]["/api/articles/"]["post"]
    statements = {p["name"]: p for p in schema["paths"]["/api/statements/"]["get"]["parameters"]}
    claims = {p["name"]: p for p in schema["paths"]["/api/claims/"]["get"]["parameters"]}
    review = schema["components"]["schemas"]["PatchedStatementReviewRequest"]["properties"]
    posted = schema["components"]["schemas"]["ArticleInputRequest"]["properties"]

    assert "422" in posting["responses"]
    assert statements["article"]["schema"]["maximum"] == 2**63 - 1
    assert claims["min_appearances"]["schema"]["maximum"] == 2**31 - 1
    assert "pattern" in review["speaker"] and "pattern" in review["topics"]["items"]
    assert posted["url"]["pattern"].startswith("^(?:[Hh][Tt][Tt][Pp][Ss]?://")
    assert posted["text"]["pattern"] == "^[^\\x00]*$"


def test_a_topic_without_parent_is_documented_as_null(schema: dict) -> None:
    parent = schema["components"]["schemas"]["Topic"]["properties"]["parent"]

    assert parent["type"] == "string" and parent["nullable"] is True


def test_reads_are_documented_as_open_and_page_parameters_as_bounded(schema: dict) -> None:
    """Schemathesis flagged open reads (ST401) and page_size=0 refused (ST202)."""
    statements = schema["paths"]["/api/statements/"]["get"]
    parameters = {p["name"]: p for p in statements["parameters"]}

    assert {} in statements["security"]
    assert {} not in schema["paths"]["/api/articles/"]["post"]["security"]
    assert parameters["page_size"]["schema"]["minimum"] == 1
    assert {"type": "string", "enum": ["last"]} in parameters["page"]["schema"]["oneOf"]
    assert parameters["kind"]["allowEmptyValue"] is True


def test_an_api_address_no_route_matches_is_a_json_404(db) -> None:
    client = APIClient()

    for method in ("get", "patch", "post"):
        response = getattr(client, method)("/api/statements/-5.9e-42/")
        assert response.status_code == 404
        assert response.json() == {"detail": "Not found."}


def test_a_nul_in_an_api_address_is_answered_in_json(db) -> None:
    response = APIClient().get("/api/statements/?q=%00")

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "NUL" in response.json()["detail"]


# Lists bounded by the request itself: the matrix names its speakers and topics (at most
# 50 each), an article's detail lists the statements of that one article.
BOUNDED = {"/api/stances/matrix/", "/api/articles/{id}/"}
# What a list answer calls its rows (a row's own lists, a statement's topics, are not pages).
ROW_LISTS = {"results", "positions", "rows"}


def test_every_list_that_can_grow_comes_a_page_at_a_time(schema: dict) -> None:
    """No GET answers with an unpaged list: a bare array, or an object holding a list of
    rows (``results``, ``positions``) without ``page`` and ``page_size``."""
    components = schema["components"]["schemas"]
    unpaged = []
    for path, operations in schema["paths"].items():
        if "get" not in operations or path in BOUNDED:
            continue
        answer = operations["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        body = components[answer["$ref"].rsplit("/", 1)[1]] if "$ref" in answer else answer
        lists = [
            name
            for name, field in body.get("properties", {}).items()
            if name in ROW_LISTS and field.get("type") == "array"
        ]
        parameters = {p["name"] for p in operations["get"].get("parameters", [])}
        if body.get("type") == "array" or (lists and not {"page", "page_size"} <= parameters):
            unpaged.append(path)

    assert unpaged == []
