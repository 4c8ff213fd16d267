"""Fuzz the API from its own OpenAPI schema (schemathesis), through the WSGI app, no server.

Every operation in /api/schema/ gets generated requests, valid and invalid (negative mode:
values outside an enum, wrong types, bad formats), sent once anonymously and once with the
token of a user allowed every write. No answer may be a 5xx, a request schemathesis
built to be invalid must be refused with a 4xx, and one it built to be valid must not be
refused as a bad request: what the schema cannot say (an unknown slug, a page past the end)
is a 404, a string that is no article a 422 (``schemathesis.toml``). Bounded and deterministic: a fixed seed,
derandomized Hypothesis, a few examples per operation, no example database.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, settings
from rest_framework.throttling import AnonRateThrottle
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.core.parameters import ParameterLocation
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance

from tests.api.conftest import Claims

ROOT = Path(__file__).resolve().parents[2]

# nlp: POST /api/articles/ runs the real extractor on what the fuzzer sends.
pytestmark = pytest.mark.nlp

# Per operation and generation mode. A deeper local run: CLAIMTRACKER_FUZZ_EXAMPLES=300, and
# CLAIMTRACKER_FUZZ_RANDOM=1 for other inputs than CI's (Hypothesis then prints its seed).
EXAMPLES = int(os.environ.get("CLAIMTRACKER_FUZZ_EXAMPLES", "8"))
DERANDOMIZE = os.environ.get("CLAIMTRACKER_FUZZ_RANDOM", "") != "1"

CONFIG = SchemathesisConfig.from_str(
    """
seed = 20261126
[generation]
mode = "all"
deterministic = true
database = "none"
# Unknown query parameters are ignored, as REST APIs do; the auth header is ours to set.
allow-extra-parameters = false
with-security-parameters = false
[phases.stateful]
enabled = false
"""
    + (ROOT / "schemathesis.toml").read_text(encoding="utf-8")
)


@pytest.fixture
def keep_the_test_connection():
    """What Django's test client does around each request: the WSGI app would otherwise
    close the database connection after each one, and with it the test's transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def api_schema(claims: Claims, writer_token: str, nlp, monkeypatch, keep_the_test_connection):
    """The schema as the app serves it, over the known claims database."""
    monkeypatch.setattr(AnonRateThrottle, "rate", "100000/minute", raising=False)
    return schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application(), config=CONFIG)


schema = schemathesis.pytest.from_fixture("api_schema")


def blank(value: object) -> bool:
    """A query value that reaches the app as nothing or as blanks: absent, ``""``, ``,``, an
    object (of a repeated parameter, Django reads the last)."""
    if isinstance(value, list):
        return not value or blank(value[-1])
    if isinstance(value, dict):  # sent as its own key=value pairs, not under this name
        return True
    return value is None or (isinstance(value, str) and not value.strip(","))


def accepted_by_convention(case) -> bool:
    """Requests the fuzzer builds as invalid that the API accepts on purpose.

    - A blank filter (``?published_before=``, ``?ordering=,``) means "no filter", as in
      django-filter: the browsable API's filter form sends every field, blank or not.
    - A number where the body wants a string is taken as its text, as DRF's CharField does
      (``"outlet": 0`` is the outlet "0"), and a blank optional field is as if not given
      (``"url": ""``: no URL).
    """
    data = case.meta.phase.data
    mutations = getattr(data, "mutations", ())
    locations = {data.parameter_location} | {m.parameter_location for m in mutations}
    if locations - {None} == {ParameterLocation.QUERY}:
        names = {data.parameter} | {m.parameter for m in mutations}
        names.discard(None)
        if names and all(blank(case.query.get(name)) for name in names):
            return True
    if isinstance(case.body, dict):
        optional = [value for name, value in case.body.items() if name != "text"]
        return any(
            value == "" or (isinstance(value, int | float) and not isinstance(value, bool))
            for value in optional
        )
    return False


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=DERANDOMIZE,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
def test_no_operation_answers_5xx_and_invalid_requests_4xx(case, writer_token: str) -> None:
    checks = [not_a_server_error]
    if case.meta.generation.mode.is_positive:
        checks.append(positive_data_acceptance)
    elif not accepted_by_convention(case):
        checks.append(negative_data_rejection)
    for headers in ({}, {"Authorization": f"Token {writer_token}"}):
        response = case.call(headers=headers)
        case.validate_response(response, checks=checks)
